import { CATALOGUE, callFunction, countCentres } from "../shared/catalogue";
import { IkkError } from "../shared/errors";
import * as calc from "../shared/calc";

function ikkError(name: string, args: unknown[]): IkkError {
  try {
    callFunction(name, args);
  } catch (e) {
    expect(e).toBeInstanceOf(IkkError);
    return e as IkkError;
  }
  throw new Error(`${name} did not throw`);
}

describe("catalogue shape", () => {
  test("names are valid for both hosts and unique", () => {
    const names = CATALOGUE.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of CATALOGUE) {
      expect(f.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(f.description.length).toBeGreaterThan(10);
      for (const p of f.params) {
        expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(p.description.length).toBeGreaterThan(5);
      }
      // optional parameters come last
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  test("the functions the issue names exist", () => {
    const names = CATALOGUE.map((f) => f.name);
    for (const n of ["BELEIDSUREN", "COACHUREN", "VE_UREN", "MINIMUMUREN", "FTE", "FLEX_FTE", "FORMATIE_UREN", "SALDO", "UREN_PER_PM", "NORM"]) {
      expect(names).toContain(n);
    }
  });
});

describe("worked examples through the catalogue", () => {
  test("2026", () => {
    expect(callFunction("BELEIDSUREN", [16])).toBe(800);
    expect(callFunction("BELEIDSUREN", [16, 2026])).toBe(800);
    expect(callFunction("COACHUREN", [42.37])).toBe(423.7);
    expect(callFunction("COACHUREN", ["42,37"])).toBe(423.7);
    expect(callFunction("VE_UREN", [21])).toBe(210);
    expect(callFunction("VE_UREN", [[[6], [4], [6], [5]]])).toEqual([[60], [40], [60], [50]]);
    expect(callFunction("MINIMUMUREN", [16, 42.37, [[6], [4], [6], [5]], 2026])).toBe(1433.7);
    expect(callFunction("FORMATIE_UREN", [1])).toBe(1872);
    expect(callFunction("SALDO", [2010, 1433.7])).toBe(576.3);
  });

  test("2024", () => {
    const weekly = Array.from({ length: 37 }, (_, i) => [i < 36 ? 22 : 806 - 22 * 36]);
    expect(callFunction("FTE", [weekly])).toBe(calc.fteFromWeeklyHours(806));
    expect(callFunction("COACHUREN", [806 / 36])).toBeCloseTo(223.89, 2);
    expect(callFunction("SALDO", [222, callFunction("COACHUREN", [806 / 36])])).toBeLessThan(0);
    expect(callFunction("UREN_PER_PM", [222, 37])).toBe(6);
    const names = Array.from({ length: 37 }, (_, i) => [`Medewerker ${i + 1}`]);
    expect(callFunction("UREN_PER_PM", [222, names])).toBe(6);
    expect(callFunction("MINIMUMUREN", [11, 806 / 36, [[11], [3], [12], [2], [8]], 2024])).toBeCloseTo(550 + 223.89 + 360, 2);
  });

  test("VE_UREN of 21 in 2021 is a Dutch error", () => {
    const e = ikkError("VE_UREN", [21, 2021]);
    expect(e.code).toBe("GEEN_NORM");
    expect(e.message).toMatch(/2022/);
  });
});

describe("kindercentra: count or list", () => {
  test("a number is a count, a list counts distinct non-empty cells", () => {
    expect(countCentres(16)).toBe(16);
    expect(countCentres("16")).toBe(16);
    expect(countCentres([[16]])).toBe(16);
    expect(countCentres([["123456782"], ["123456782"], [""], ["KDV Budel"], ["kdv  budel"], [null]])).toBe(2);
    expect(countCentres([["Dommelen", "Budel"], ["Gastel", ""]])).toBe(3);
  });

  test("a single LRK number or name is one kindercentrum", () => {
    expect(countCentres("123456782")).toBe(1);
    expect(countCentres(123456782)).toBe(1);
    expect(countCentres("KDV Budel")).toBe(1);
    expect(countCentres("")).toBe(0);
  });
});

describe("bad input gets a Dutch error, never a number", () => {
  test.each([
    ["COACHUREN", ["abc"], "ONGELDIGE_INVOER", /getal.*abc/],
    ["COACHUREN", [[["1"], ["#REF!"]]], "FOUTWAARDE", /rij 2.*#REF!/],
    ["COACHUREN", [[[1], [{ error: "#WAARDE!" }]]], "FOUTWAARDE", /#WAARDE!/],
    ["COACHUREN", [[[1], [-2]]], "NEGATIEF", /negatief/],
    ["COACHUREN", [true], "ONGELDIGE_INVOER", /WAAR/],
    ["BELEIDSUREN", [-3], "NEGATIEF", /negatief/],
    ["BELEIDSUREN", [2.5], "GEEN_GEHEEL_GETAL", /heel getal/],
    ["BELEIDSUREN", [[["A"], ["#N/B"]]], "FOUTWAARDE", /#N\/B/],
    ["BELEIDSUREN", [16, 2018], "GEEN_NORM", /2019/],
    ["BELEIDSUREN", [16, "twintig"], "ONGELDIGE_INVOER", /jaar/],
    ["BELEIDSUREN", [16, 2026.5], "ONGELDIGE_INVOER", /heel getal/],
    ["VE_UREN", [[[6], ["vier"]]], "ONGELDIGE_INVOER", /vier/],
    ["VE_UREN", [-1], "NEGATIEF", /negatief/],
    ["MINIMUMUREN", [16, 42.37, 21, 2021], "GEEN_NORM", /2022/],
    ["UREN_PER_PM", [100, 0], "DELEN_DOOR_NUL", /nul/],
    ["UREN_PER_PM", [100, [["", ""]]], "DELEN_DOOR_NUL", /nul/],
    ["NORM", ["onzin"], "GEEN_NORM", /Onbekende norm/],
    ["BELEIDSUREN", [""], "ONGELDIGE_INVOER", /kindercentra ontbreekt/],
    ["COACHUREN", [[[""], [null]]], "ONGELDIGE_INVOER", /fte ontbreekt/],
    ["COACHUREN", [undefined], "ONGELDIGE_INVOER", /ontbreekt/],
    ["VE_UREN", [""], "ONGELDIGE_INVOER", /doelgroeppeuters ontbreekt/],
    ["MINIMUMUREN", [16, ""], "ONGELDIGE_INVOER", /fte ontbreekt/],
    ["SALDO", ["", 10], "ONGELDIGE_INVOER", /geplande uren ontbreekt/],
    ["FTE", [[["", ""]]], "ONGELDIGE_INVOER", /ontbreekt/],
    ["NORM", ["VE", 2021], "GEEN_NORM", /2021/],
    ["FTE", [36, 0], "DELEN_DOOR_NUL", /groter dan 0/],
    ["FLEX_FTE", [100, 0], "DELEN_DOOR_NUL", /groter dan 0/],
  ])("%s(%j)", (name, args, code, pattern) => {
    const e = ikkError(name as string, args as unknown[]);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(pattern as RegExp);
  });
});

describe("ranges", () => {
  test("blanks are skipped, Dutch text numbers are read", () => {
    expect(callFunction("COACHUREN", [[["10,5"], [""], [null], ["2.000"]]])).toBe(20105);
    expect(callFunction("VE_UREN", [[[6, ""], ["4", null]]])).toEqual([
      [60, ""],
      [40, ""],
    ]);
  });

  test("a 10 000-cell range works in one call", () => {
    const range = Array.from({ length: 10000 }, () => [0.5]);
    expect(callFunction("COACHUREN", [range])).toBe(50000);
    const ve = callFunction("VE_UREN", [Array.from({ length: 10000 }, (_, i) => [i % 7])]) as number[][];
    expect(ve).toHaveLength(10000);
    expect(ve[9999][0]).toBe((9999 % 7) * 10);
    const lrk = Array.from({ length: 10000 }, (_, i) => [`LRK-${i % 5000}`]);
    expect(callFunction("BELEIDSUREN", [lrk])).toBe(5000 * 50);
  });

  test("a date as jaar (Google Sheets passes date cells as Date) means its year", () => {
    expect(callFunction("VE_UREN", [3, new Date(2024, 0, 1)])).toBe(30);
    expect(() => callFunction("VE_UREN", [3, new Date(2021, 0, 1)])).toThrow(/2022/);
    expect(() => callFunction("BELEIDSUREN", [1, new Date(2018, 11, 31)])).toThrow(/2019/);
  });

  test("empty jaar (blank cell, null, undefined) means the newest norm", () => {
    for (const blank of ["", null, undefined]) expect(callFunction("VE_UREN", [3, blank])).toBe(30);
  });

  test("NORM shows the rule a sheet applied", () => {
    expect(callFunction("NORM", ["BELEIDSUREN_PER_KINDERCENTRUM"])).toBe(50);
    expect(callFunction("NORM", ["coach", 2019])).toBe(10);
    expect(callFunction("NORM", ["uren per fte"])).toBe(36);
    expect(callFunction("NORM", ["VE", 2022])).toBe(10);
    expect(callFunction("NORM", ["ve_aanbod", 2021])).toBe(960);
  });
});
