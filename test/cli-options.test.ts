/** The CLI's option values: Dutch numbers, whole counts, no negatives, Dutch errors. */
import { checkOptionsFrom, hourlyRateFrom, optionNumber } from "../cli/options";
import { isIkkError } from "../shared/errors";

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isIkkError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("no error thrown");
}

test("Dutch number notation is accepted", () => {
  expect(optionNumber("42,37", "--fte", "amount")).toBe(42.37);
  expect(optionNumber("2.496", "--formatie", "amount")).toBe(2496);
  expect(optionNumber("1.433,7", "--formatie", "amount")).toBe(1433.7);
  expect(optionNumber("16", "--kindercentra", "count")).toBe(16);
});

test("text, negatives and fractional counts are Dutch errors that name the option", () => {
  expect(errorOf(() => optionNumber("veel", "--fte", "amount"))).toEqual({
    code: "ONGELDIGE_INVOER",
    message: expect.stringContaining("--fte moet een getal zijn"),
  });
  expect(errorOf(() => optionNumber("-3", "--peuters", "count")).code).toBe("NEGATIEF");
  expect(errorOf(() => optionNumber("16,5", "--kindercentra", "count"))).toEqual({
    code: "GEEN_GEHEEL_GETAL",
    message: expect.stringContaining("--kindercentra moet een heel getal zijn"),
  });
});

test("options map to the engine's CheckOptions", () => {
  expect(checkOptionsFrom({ jaar: "2026", kindercentra: "16", fte: "42,37", peuters: "21", formatie: "2.496" })).toEqual({
    year: 2026,
    overrides: { centres: 16, fte: 42.37, toddlers: 21, formationHours: 2496 },
  });
  expect(checkOptionsFrom({})).toEqual({});
  expect(checkOptionsFrom({ json: true })).toEqual({});
});

test("a year before the norm existed is refused", () => {
  expect(errorOf(() => checkOptionsFrom({ jaar: "2018" })).code).toBe("GEEN_NORM");
  expect(errorOf(() => checkOptionsFrom({ jaar: "2026,5" })).code).toBe("GEEN_GEHEEL_GETAL");
});

test("--verborgen-bladen ja/nee becomes includeHidden; anything else is a Dutch error naming the option", () => {
  expect(checkOptionsFrom({ verborgenBladen: "ja" })).toEqual({ includeHidden: true });
  expect(checkOptionsFrom({ verborgenBladen: " Nee " })).toEqual({ includeHidden: false });
  expect(errorOf(() => checkOptionsFrom({ verborgenBladen: "misschien" }))).toEqual({
    code: "ONGELDIGE_INVOER",
    message: expect.stringContaining('--verborgen-bladen moet "ja" of "nee" zijn'),
  });
});

describe("--uurtarief: an amount in euros, Dutch notation", () => {
  test("'52,50', '€ 1.000' and nothing", () => {
    expect(hourlyRateFrom({ uurtarief: "52,50" })).toBe(52.5);
    expect(hourlyRateFrom({ uurtarief: "€ 1.000" })).toBe(1000);
    expect(hourlyRateFrom({})).toBeNull();
    expect(errorOf(() => hourlyRateFrom({ uurtarief: "-5" })).code).toBe("NEGATIEF");
  });
});

describe("flags read like cells, with the same bounds", () => {
  test("ambiguous fte and year forms are refused naming both readings", () => {
    expect(() => checkOptionsFrom({ fte: "42.370" })).toThrow(/dubbelzinnig: 42370 .* of 42,37/);
    expect(() => checkOptionsFrom({ formatie: "2.4960" })).toThrow(/onduidelijk/);
  });
  test("--formatie keeps its documented Dutch reading", () => {
    expect(checkOptionsFrom({ formatie: "2.496" }).overrides?.formationHours).toBe(2496);
    expect(checkOptionsFrom({ fte: "42,37" }).overrides?.fte).toBe(42.37);
  });
  test("numbers above the bounds are refused in Dutch", () => {
    expect(() => checkOptionsFrom({ kindercentra: "20000" })).toThrow(/kindercentra/);
    expect(() => checkOptionsFrom({ fte: "1000000" })).toThrow(/--fte/);
    expect(() => hourlyRateFrom({ uurtarief: "1.000.000" })).toThrow(/geen uurtarief/);
    expect(hourlyRateFrom({ uurtarief: "€ 52,50" })).toBe(52.5);
  });
});
