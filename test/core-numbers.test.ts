import { parseDutchNumber, formatDutch, cleanFloat, formatUren } from "../shared/numbers";

describe("parseDutchNumber", () => {
  test.each([
    ["42,37", 42.37],
    ["2.496 uur", 2496],
    ["1.144 uur per jaar", 1144],
    ["1.433,7", 1433.7],
    ["€ 1.000", 1000],
    ["€1.000,-", 1000],
    ["1,433.7", 1433.7],
    ["42.37", 42.37],
    ["0.500", 0.5],
    ["1.000.000", 1000000],
    ["1,000,000", 1000000],
    ["12.345.678,9", 12345678.9],
    ["12,5 fte", 12.5],
    ["6 peuters", 6],
    ["1 doelgroeppeuter", 1],
    ["  806 uren ", 806],
    ["36u", 36],
    ["-5", -5],
    ["\u22123,5", -3.5],
    ["+7", 7],
    ["1\u00a0433,7", 1433.7],
    [",5", 0.5],
    ["0", 0],
  ])("%j → %d", (text, expected) => {
    expect(parseDutchNumber(text)).toBe(expected);
  });

  test.each(["", "   ", "abc", "Locatie", "12a", "1.2.3,4", "1.433,7,5", "1,433,7.5", "--5", "€", "#REF!", "2026-01-01"])(
    "%j is not a number",
    (text) => {
      expect(parseDutchNumber(text)).toBeNull();
    },
  );
});

describe("formatDutch", () => {
  test("decimal comma and thousands dot", () => {
    expect(formatDutch(1433.7)).toBe("1.433,7");
    expect(formatDutch(806 / 36 * 10)).toBe("223,89");
    expect(formatDutch(2496)).toBe("2.496");
    expect(formatDutch(-12.5)).toBe("-12,5");
    expect(formatDutch(0)).toBe("0");
    expect(formatDutch(1234567.891, 1)).toBe("1.234.567,9");
    expect(formatUren(800)).toBe("800 uur");
  });
});

describe("cleanFloat", () => {
  test("removes binary noise only", () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the noise this function exists for
    expect(cleanFloat(42.37 * 10)).toBe(423.7);
    expect(cleanFloat(0.1 + 0.2)).toBe(0.3);
    expect(cleanFloat((806 / 36) * 10)).toBeCloseTo(223.888888888889, 12);
    expect(cleanFloat((806 / 36) * 10)).toBeGreaterThan(222);
  });
});
