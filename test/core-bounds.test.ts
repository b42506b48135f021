/**
 * Numbers (issue 11, item 6): one sane upper bound per quantity with a Dutch error above it,
 * never Infinity or NaN in text; the custom functions refuse a count with words and
 * fractional staff; option numbers that read two ways are refused with both readings.
 */
import { callFunction } from "../shared/catalogue";
import * as calc from "../shared/calc";
import { formatDutch, LIMITS, parseOptionNumber, quantityProblem } from "../shared/numbers";
import { isIkkError } from "../shared/errors";

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (!isIkkError(e)) throw e;
    return { code: e.code, message: e.message };
  }
  throw new Error("expected a Dutch error");
}

describe("bounds", () => {
  test("the bounds are named and ordered: a count of centres is far below the fte, hours above every required total", () => {
    expect(LIMITS).toMatchObject({ centres: 10_000, fte: 100_000, toddlers: 1_000_000, hours: 100_000_000, weekHours: 168, weeks: 53 });
    const maxRequired = LIMITS.centres * 50 + LIMITS.fte * 10 + LIMITS.toddlers * 10;
    expect(maxRequired).toBeLessThan(LIMITS.hours);
  });

  test.each([
    ["BELEIDSUREN", [LIMITS.centres + 1], "kindercentra"],
    ["COACHUREN", [LIMITS.fte + 0.5], "fte"],
    ["VE_UREN", [LIMITS.toddlers + 1], "doelgroeppeuters"],
    ["FTE", [[[1e308], [1e308]]], "uren"],
    ["FLEX_FTE", [1e9], "uren"],
    ["FORMATIE_UREN", [LIMITS.fte], "formatie"],
    ["FTE", [36, 1000], "uren per fte"],
    ["FLEX_FTE", [100, 1000], "weken"],
    ["SALDO", [1e300, 1], "uren"],
    ["UREN_PER_PM", [1e300, 2], "uren"],
    ["MINIMUMUREN", [2, 1e300], "fte"],
  ])("%s(%j): a Dutch error above the bound, never Infinity", (name, args, word) => {
    const e = failure(() => callFunction(name, args as unknown[]));
    expect(e.code).toBe("ONGELDIGE_INVOER");
    expect(e.message.toLowerCase()).toContain(word);
    expect(e.message).toMatch(/bovengrens|geen bruikbaar getal/);
    expect(e.message).not.toMatch(/Infinity|NaN|e\+\d/);
  });

  test("values at the bound are still computed", () => {
    expect(callFunction("BELEIDSUREN", [LIMITS.centres])).toBe(500_000);
    expect(callFunction("COACHUREN", [LIMITS.fte])).toBe(1_000_000);
    expect(calc.requiredHours(LIMITS.centres, LIMITS.fte, [LIMITS.toddlers], 2026).total).toBe(11_500_000);
  });

  test("formatDutch never writes Infinity, NaN or an exponent", () => {
    expect(formatDutch(Infinity)).toBe("oneindig groot getal");
    expect(formatDutch(-Infinity)).toBe("oneindig klein getal");
    expect(formatDutch(NaN)).toBe("geen getal");
    expect(formatDutch(1e308)).toBe("1 × 10^308");
    expect(formatDutch(1.5e21)).toBe("1,5 × 10^21");
    expect(formatDutch(1433.7)).toBe("1.433,7");
    expect(quantityProblem(Infinity, "hours", "")).toContain("geen bruikbaar getal");
  });
});

describe("custom functions refuse text with words and fractional staff", () => {
  test("BELEIDSUREN('16 kindercentra') is a Dutch error naming the number, not 50", () => {
    const e = failure(() => callFunction("BELEIDSUREN", ["16 kindercentra"]));
    expect(e.code).toBe("ONGELDIGE_INVOER");
    expect(e.message).toContain('"16 kindercentra"');
    expect(e.message).toContain("(16)");
    expect(failure(() => callFunction("MINIMUMUREN", ["3 locaties", 10])).code).toBe("ONGELDIGE_INVOER");
    // Another quantity's unit on the count is words too: "12 fte" is no 12 kindercentra.
    for (const text of ["12 fte", "12 uur", "12 peuters"]) expect(failure(() => callFunction("BELEIDSUREN", [text])).message).toContain("(12)");
    expect(callFunction("BELEIDSUREN", [" 16 "])).toBe(800);
    // A name is still one kindercentrum, a number text a count, a range of names counted.
    expect(callFunction("BELEIDSUREN", ["Kindercentrum De Boomhut"])).toBe(50);
    expect(callFunction("BELEIDSUREN", ["16"])).toBe(800);
    expect(callFunction("BELEIDSUREN", [[["16 kindercentra"], ["Budel"]]])).toBe(100);
  });

  test("UREN_PER_PM(16; 1,5) refuses 1,5 medewerker; whole counts and ranges of names still work", () => {
    for (const staff of [1.5, "1,5"]) {
      const e = failure(() => callFunction("UREN_PER_PM", [16, staff]));
      expect(e.code).toBe("GEEN_GEHEEL_GETAL");
      expect(e.message).toContain("medewerkers");
      expect(e.message).toContain("heel getal");
    }
    expect(callFunction("UREN_PER_PM", [16, 2])).toBe(8);
    expect(callFunction("UREN_PER_PM", [16, [["An"], ["Bo"]]])).toBe(8);
    expect(failure(() => callFunction("UREN_PER_PM", [16, 2e6])).message).toContain("bovengrens");
  });
});

describe("parseOptionNumber: numbers typed as options, with ambiguity detection", () => {
  test("'42.370' for fte reads two ways: refused, both readings named", () => {
    const e = failure(() => parseOptionNumber("42.370", "--fte", "fte"));
    expect(e.code).toBe("ONGELDIGE_INVOER");
    expect(e.message).toContain("--fte");
    expect(e.message).toContain("dubbelzinnig");
    expect(e.message).toContain("42370");
    expect(e.message).toContain("42,37");
  });

  test("with ambiguous 'dutch' a dot before three digits is a thousands separator; other forms stay refused", () => {
    expect(parseOptionNumber("2.496", "--formatie", "hours", "dutch")).toBe(2496);
    expect(parseOptionNumber("42,370", "--fte", "fte", "dutch")).toBe(42.37);
    expect(failure(() => parseOptionNumber("2.4960", "--formatie", "hours", "dutch")).message).toContain("24960");
  });

  test("'2.4960' for the formation is refused, naming 2,496 and 24960", () => {
    const e = failure(() => parseOptionNumber("2.4960", "--formatie", "hours"));
    expect(e.message).toContain("2,496");
    expect(e.message).toContain("24960");
  });

  test("'42,370' (English thousands or Dutch decimals) is refused too", () => {
    const e = failure(() => parseOptionNumber("42,370", "--fte", "fte"));
    expect(e.message).toContain("42370");
    expect(e.message).toContain("42,37");
  });

  test.each([
    ["42,37", "fte", 42.37],
    ["42.37", "fte", 42.37],
    ["1.433,7", "hours", 1433.7],
    ["1.000.000", "hours", 1_000_000],
    ["2496", "hours", 2496],
    ["16", "centres", 16],
    ["2026", "year", 2026],
    ["36 uur", "weekHours", 36],
  ] as const)("'%s' as %s is %d", (raw, quantity, value) => {
    expect(parseOptionNumber(raw, "--x", quantity)).toBe(value);
  });

  test("negative, not a number, fractional counts and values above the bound are Dutch errors", () => {
    expect(failure(() => parseOptionNumber("-3", "--kindercentra", "centres")).code).toBe("NEGATIEF");
    expect(failure(() => parseOptionNumber("veel", "--fte", "fte")).message).toContain("moet een getal zijn");
    expect(failure(() => parseOptionNumber("2,5", "--kindercentra", "centres")).code).toBe("GEEN_GEHEEL_GETAL");
    const big = failure(() => parseOptionNumber("1e308", "--fte", "fte"));
    expect(big.message).toContain("--fte");
    const above = failure(() => parseOptionNumber("200000", "--fte", "fte"));
    expect(above.code).toBe("ONGELDIGE_INVOER");
    expect(above.message).toContain("bovengrens");
  });
});
