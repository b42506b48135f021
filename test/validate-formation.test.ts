/**
 * The formation: one figure everywhere. The fte is always the formation hours actually
 * used ÷ (urenPerFteWeek × formatieWekenPerJaar) of the norm version; when a workbook's fte
 * and hours disagree the hours win, with a warning at the fte cell; the margin uses the
 * same hours. Expected figures are worked out by hand from docs/domain.md.
 */
import { checkWorkbook, RULES } from "../shared/validate";
import { normForYear } from "../shared/norms";
import type { CheckOptions, CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { smallPlanSheet } from "./helpers/small-plan";

const byRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);

/** 1 fte of formation in hours under the 2026 norm (36 × 52 = 1 872), from the norm data itself. */
const norm = normForYear(2026);
const PER_FTE = norm.urenPerFteWeek * norm.formatieWekenPerJaar;

/** A small 2026 plan: 2 kindercentra (100 h beleid), 3 fte (30 h coaching), no VE; total 130 h required. */
function plan(formation: Array<[string, string | number]>): WorkbookSnapshot {
  return {
    sheets: [
      smallPlanSheet(formation),
    ],
  };
}

const check = (wb: WorkbookSnapshot, options: CheckOptions = {}) => checkWorkbook(wb, options);

test("the sector's 1 fte is 36 × 52 = 1 872 h in every norm version used here", () => {
  expect(PER_FTE).toBe(1872);
});

describe("hours and fte in the workbook", () => {
  test("hours with a rounded fte beside them (1,33 for 2 496 h): the fte shown is 2 496 ÷ 1 872, no conflict", () => {
    const r = check(plan([["Formatie coach (uren per jaar)", 2496], ["Formatie coach (fte)", "1,33 fte"]]));
    expect(r.required.total).toBe(130);
    expect(r.formation.hours).toBe(2496);
    expect(r.formation.fte).toBeCloseTo(2496 / PER_FTE, 12);
    expect(r.formation.fte).not.toBe(1.33);
    expect(r.formation.marginHours).toBe(2496 - 130);
    expect(r.formation.marginFte).toBeCloseTo((2496 - 130) / PER_FTE, 12);
    expect(byRule(r, RULES.FACT_CONFLICT)).toEqual([]);
  });

  test("hours and fte that disagree (2 496 h, 1,5 fte): the hours win, for the fte and the margin, with a warning at the fte cell", () => {
    const r = check(plan([["Formatie coach (uren per jaar)", 2496], ["Formatie coach (fte)", 1.5]]));
    expect(r.formation.hours).toBe(2496);
    expect(r.formation.fte).toBeCloseTo(2496 / PER_FTE, 12);
    // The margin uses the same hours, not 1,5 × 1 872 = 2 808.
    expect(r.formation.marginHours).toBe(2366);
    expect(r.formation.marginFte).toBeCloseTo(2366 / PER_FTE, 12);
    const c = byRule(r, RULES.FACT_CONFLICT);
    expect(c).toHaveLength(1);
    // Row 6 of the sheet holds the fte (row 5 the hours).
    expect(c[0]).toMatchObject({ severity: "warning", sheet: "Uren 2026", cell: "B6" });
    expect(c[0].message).toContain("1,5 fte");
    expect(c[0].message).toContain("1,33 fte");
    expect(c[0].message).toContain("Gebruikt zijn de uren");
    expect(c[0].message).not.toContain("Gebruikt is de waarde uit deze cel");
    // The margin finding quotes the same fte as the result (2 decimals).
    const margin = byRule(r, RULES.FORMATION_MARGIN);
    expect(margin).toHaveLength(1);
    expect(margin[0].message).toContain("marge 2.366 uur (1,26 fte)");
  });

  test("only an fte (0,5): hours = 0,5 × 1 872 = 936, the fte stays 0,5", () => {
    const r = check(plan([["Formatie coach (fte)", "0,5"]]));
    expect(r.formation.hours).toBe(936);
    expect(r.formation.fte).toBe(0.5);
    expect(r.formation.marginHours).toBe(806);
    expect(byRule(r, RULES.FACT_CONFLICT)).toEqual([]);
  });

  test("only hours (468): fte 468 ÷ 1 872 = 0,25", () => {
    const r = check(plan([["Formatie coach (uren per jaar)", 468]]));
    expect(r.formation.fte).toBe(0.25);
    expect(r.formation.marginFte).toBeCloseTo((468 - 130) / PER_FTE, 12);
  });

  test("no formation: hours, fte and margin unknown (null), never 0", () => {
    const r = check(plan([]));
    expect(r.formation).toMatchObject({ hours: null, fte: null, marginHours: null, marginFte: null });
  });

  test("a negative hours cell beside a good fte: no formation and no fte (one figure or none), a finding at the hours", () => {
    const r = check(plan([["Formatie coach (uren per jaar)", -10], ["Formatie coach (fte)", 1]]));
    expect(r.formation.hours).toBeNull();
    expect(r.formation.fte).toBeNull();
    expect(r.formation.marginHours).toBeNull();
    expect(r.findings.some((f) => f.sheet === "Uren 2026" && f.cell === "B5" && f.severity === "error")).toBe(true);
  });
});

describe("a formation given as an option", () => {
  test("a given 100 h beside a workbook fte of 1,33: fte 100 ÷ 1 872, shortage 30 h against the given hours", () => {
    const wb = plan([["Formatie coach (uren per jaar)", 2496], ["Formatie coach (fte)", "1,33"]]);
    const r = check(wb, { overrides: { formationHours: 100 } });
    expect(r.formation.hours).toBe(100);
    expect(r.formation.fte).toBeCloseTo(100 / PER_FTE, 12);
    expect(r.formation.marginHours).toBe(-30);
    expect(r.formation.marginFte).toBeCloseTo(-30 / PER_FTE, 12);
    const short = byRule(r, RULES.FORMATION_SHORT);
    expect(short).toHaveLength(1);
    expect(short[0].message).toContain("tekort 30 uur (0,02 fte)");
    // The workbook's own hours and fte agree: no conflict about them.
    expect(byRule(r, RULES.FACT_CONFLICT)).toEqual([]);
  });
});
