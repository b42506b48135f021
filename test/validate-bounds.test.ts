/**
 * The engine and huge numbers (issue 11, item 6): 1e308 in a cell, an fte of five billion,
 * planned hours in the trillions or an override above its bound give a Dutch error at the
 * cell and an incomplete check; no text or JSON ever shows Infinity, NaN or an exponent.
 */
import { buildSheet, checkWorkbook, jsonReport, RULES } from "../shared/validate";
import { reportRows } from "../shared/validate/report";
import type { CheckResult } from "../shared/validate/types";

function plan(centres: unknown, fte: unknown, policyA: unknown, formation: unknown = 2496) {
  return {
    sheets: [
      buildSheet("Plan", [
        ["Coachplan 2026"],
        ["Aantal kindercentra", centres],
        ["Fte pedagogisch medewerkers", fte],
        ["Aantal doelgroeppeuters", 0],
        ["Formatie uren", formation],
        [],
        ["Locatie", "Beleid", "Coaching"],
        ["Dommelen", policyA, 100],
        ["Budel", 50, 100],
      ] as never),
    ],
  };
}

/** Every text the user can see: the JSON report, the report rows and the finding messages. */
function allText(r: CheckResult): string {
  return JSON.stringify(jsonReport(r)) + JSON.stringify(reportRows(r)) + r.findings.map((f) => f.message).join(" ") + r.yearSource;
}

const NO_INFINITY = /Infinity|NaN|\de\+\d|\de-\d/;

describe("huge numbers in cells and options", () => {
  const clean = checkWorkbook(plan(2, 10, 50));

  test("the plan as it should be: complete, no errors", () => {
    expect(clean.complete).toBe(true);
    expect(clean.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test.each([
    ["1e308 planned hours in a cell", plan(2, 10, 1e308), "Plan", "B8"],
    ["1e308 as the number of kindercentra", plan(1e308, 10, 50), "Plan", "B2"],
    ["1e308 as the fte", plan(2, 1e308, 50), "Plan", "B3"],
    ["five billion fte", plan(2, 5e9, 50), "Plan", "B3"],
    ["'123.456' fte (Dutch reading: 123 456)", plan(2, "123.456", 50), "Plan", "B3"],
    ["planned hours in the trillions", plan(2, 10, 5e12), "Plan", "B8"],
    ["a formation of 1e300 hours", plan(2, 10, 50, 1e300), "Plan", "B5"],
  ])("%s: an error at the cell, incomplete, no Infinity anywhere", (_, wb, sheet, cell) => {
    const r = checkWorkbook(wb);
    const errors = r.findings.filter((f) => f.severity === "error" && f.rule !== RULES.CHECK_INCOMPLETE);
    expect(errors.some((f) => f.sheet === sheet && f.cell === cell)).toBe(true);
    expect(errors.every((f) => /[a-z]{3,} /.test(f.message))).toBe(true);
    expect(r.complete || errors.length > 0).toBe(true); // never a clean "in orde"
    expect(allText(r)).not.toMatch(NO_INFINITY);
    for (const v of [r.required.policy, r.required.coaching, r.required.total, r.planned.policy, r.planned.total]) {
      if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(1e8);
    }
  });

  test("an override above its bound (the panel's fields, the CLI's options): a Dutch error naming it", () => {
    const r = checkWorkbook(plan(2, 10, 50), { overrides: { fte: 5e6 } });
    const e = r.findings.find((f) => f.rule === RULES.FACT_INVALID);
    expect(e?.severity).toBe("error");
    expect(e?.message).toContain("5.000.000");
    expect(e?.message).toContain("100.000");
    expect(r.required.coaching).toBeNull();
    expect(r.complete).toBe(false);
    expect(allText(r)).not.toMatch(NO_INFINITY);
  });
});
