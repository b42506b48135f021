import * as calc from "../shared/calc";
import { IkkError } from "../shared/errors";

describe("worked examples from domain.md", () => {
  test("2026 plan: 16 LRK, 42,37 fte, 21 doelgroeppeuters", () => {
    expect(calc.policyHours(16, 2026)).toBe(800);
    expect(calc.coachingHours(42.37, 2026)).toBe(423.7);
    expect(calc.veHours(21, 2026)).toBe(210);
    const perLocation = [6, 4, 6, 5].map((t) => calc.veHours(t, 2026));
    expect(perLocation).toEqual([60, 40, 60, 50]);
    expect(calc.requiredHours(16, 42.37, [6, 4, 6, 5], 2026)).toEqual({ policy: 800, coaching: 423.7, ve: 210, total: 1433.7 });
  });

  test("2026 formation: 2 496 h is 1,33 fte of 1 872 h", () => {
    expect(calc.formationHours(1, undefined, undefined, 2026)).toBe(1872);
    expect(calc.formationHours(2496 / 1872)).toBe(2496);
    expect(2496 / 1872).toBeCloseTo(1.33, 2);
  });

  test("2024 plan: 11 LRK, 806 h/week, 36 doelgroeppeuters in five groups", () => {
    expect(calc.policyHours(11, 2024)).toBe(550);
    const fte = calc.fteFromWeeklyHours(806);
    expect(fte).toBeCloseTo(22.3889, 4);
    const coaching = calc.coachingHours(fte, 2024);
    expect(coaching).toBeCloseTo(223.89, 2);
    // no rounding: the plan's 222 h (6 h × 37) is short
    expect(6 * 37).toBeLessThan(coaching);
    expect(calc.requiredHours(11, fte, [11, 3, 12, 2, 8], 2024).ve).toBe(360);
  });

  test("flex staff: 13-week average", () => {
    expect(calc.flexFte(13 * 18)).toBe(0.5);
    expect(calc.flexFte(468, 13, 36)).toBe(1);
    expect(calc.flexFte(100, 10, 20)).toBe(0.5);
  });
});

describe("edge cases", () => {
  test("zero is allowed", () => {
    expect(calc.policyHours(0)).toBe(0);
    expect(calc.coachingHours(0)).toBe(0);
    expect(calc.requiredHours(0, 0, [], 2020)).toEqual({ policy: 0, coaching: 0, ve: null, total: 0 });
  });

  test.each([
    [() => calc.policyHours(-1), "NEGATIEF"],
    [() => calc.policyHours(2.5), "GEEN_GEHEEL_GETAL"],
    [() => calc.coachingHours(-0.1), "NEGATIEF"],
    [() => calc.veHours(1.5, 2026), "GEEN_GEHEEL_GETAL"],
    [() => calc.veHours(3, 2021), "GEEN_NORM"],
    [() => calc.fteFromWeeklyHours(10, 0), "DELEN_DOOR_NUL"],
    [() => calc.flexFte(10, 0), "DELEN_DOOR_NUL"],
    [() => calc.requiredHours(1, 1, [4], 2021), "GEEN_NORM"],
    [() => calc.policyHours(1, 2017), "GEEN_NORM"],
  ])("%# gives a Dutch IkkError", (fn, code) => {
    expect(fn).toThrow(IkkError);
    try {
      fn();
    } catch (e) {
      expect((e as IkkError).code).toBe(code);
      expect((e as IkkError).message).toMatch(/[a-z]/);
    }
  });

  test("a VE toddler count of 0 before 2022 is not an error", () => {
    expect(calc.requiredHours(2, 3, [0, 0], 2021).total).toBe(130);
  });
});
