/**
 * English headings and labels as a second vocabulary (issue #8, item 9), label values
 * further right on the row or below the label, and labelled planned totals of a part.
 * Expected numbers follow from the law by hand: 50 h per kindercentrum, 10 h per fte
 * (fte = weekly hours ÷ 36), 10 h per doelgroeppeuter from 2022.
 */
import { buildSheet, checkWorkbook, detectTables, RULES } from "../shared/validate";
import type { CheckResult } from "../shared/validate";
import { factForLabel } from "../shared/validate/facts";
import { columnKindFromHeader } from "../shared/validate/tables";
import { normalizeText } from "../shared/validate/cell-read";

const rules = (r: CheckResult, rule: string) => r.findings.filter((x) => x.rule === rule);

describe("English labels and tables", () => {
  const summary = buildSheet("Summary", [
    ["Coaching plan 2026"],
    [],
    ["Number of registrations (LRK)", 3],
    ["FTE pedagogical staff", 12.5],
    ["Target toddlers (VE indication)", 4],
    ["Formation (hours per year)", 1000],
  ]);
  const alloc = buildSheet("Allocation", [
    ["Location", "Policy hours", "Coaching hours", "VE hours", "Total"],
    ["Harbour", 50, 50, 40, 140],
    ["Park", 50, 40, null, 90],
    ["Mill", 50, 40, null, 90],
    ["Total", 150, 130, 40, 320],
  ]);
  const r = checkWorkbook({ sheets: [summary, alloc] }, { year: 2026 });

  test("inputs from English labels", () => {
    expect(r.inputs.centres?.value).toBe(3);
    expect(r.inputs.fte?.value).toBe(12.5);
    expect(r.inputs.targetToddlers?.value).toBe(4);
    expect(r.formation.hours).toBe(1000);
  });

  test("required and planned hours", () => {
    // 3 × 50 = 150; 12,5 × 10 = 125; 4 × 10 = 40.
    expect(r.required).toEqual({ policy: 150, coaching: 125, ve: 40, total: 315 });
    expect(r.planned).toEqual({ policy: 150, coaching: 130, ve: 40, total: 320 });
    expect(rules(r, RULES.ROW_TOTAL)).toEqual([]);
    expect(rules(r, RULES.COLUMN_TOTAL)).toEqual([]);
  });

  test("an English staff list with a role column gives the fte", () => {
    const staff = buildSheet("Staff", [
      ["Employee", "Role", "Hours per week"],
      ["Ann", "Pedagogical employee", 36],
      ["Bob", "Pedagogical employee", 27],
      ["Cas", "Pedagogical employee", 9],
    ]);
    const s = checkWorkbook({ sheets: [staff] }, { year: 2026 });
    expect(s.tables[0].role).toBe("staff");
    // (36 + 27 + 9) ÷ 36 = 2 fte → 20 h.
    expect(s.inputs.fte?.value).toBe(2);
    expect(s.required.coaching).toBe(20);
  });

  test("column kinds: one vocabulary for both languages", () => {
    const kind = (h: string) => columnKindFromHeader(normalizeText(h), false).kind;
    expect(kind("Site")).toBe("name");
    expect(kind("Target toddlers")).toBe("toddlers");
    expect(kind("Weekly hours")).toBe("weekly");
    expect(kind("Hours worked (13 weeks)")).toBe("worked");
    expect(kind("FTE")).toBe("fte");
    expect(kind("Policy")).toBe("policy");
    expect(kind("Coach hours")).toBe("coaching");
    expect(kind("Total")).toBe("total");
    expect(kind("Cost centre")).toBe("id");
    expect(kind("Activity")).toBe("category");
    expect(kind("Soort contract")).not.toBe("category");
  });

  test("labels: English and Dutch name the same facts", () => {
    expect(factForLabel("Number of childcare centres", null)).toBe("centres");
    expect(factForLabel("Hours per week (total staff)", null)).toBe("weeklyHours");
    expect(factForLabel("Number of locations", null)).toBe("sites");
    expect(factForLabel("Planned coaching hours", null)).toBe("plannedCoaching");
    expect(factForLabel("Totaal beleidsuren gepland", null)).toBe("plannedPolicy");
    expect(factForLabel("Required coaching hours (planned)", null)).toBeNull();
    expect(factForLabel("Coaching hours", null)).toBeNull();
  });
});

describe("label values further right or below", () => {
  test("blanks and units between label and value are skipped; a value below its label is read", () => {
    const sheet = buildSheet("Gegevens", [
      ["Aantal kindercentra", null, null, 5, "kindercentra"],
      ["Fte"],
      [20.5],
      ["Formatie", ":", 3000, "uur"],
      [null, "Doelgroeppeuters", null, null, null, 6],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(r.inputs.centres?.value).toBe(5);
    expect(r.inputs.centres?.source.cell).toBe("D1");
    expect(r.inputs.fte?.value).toBe(20.5);
    expect(r.inputs.fte?.source.cell).toBe("A3");
    expect(r.inputs.targetToddlers?.value).toBe(6);
    expect(r.formation.hours).toBe(3000);
    // 5 × 50 = 250; 20,5 × 10 = 205; 6 × 10 = 60.
    expect(r.required).toMatchObject({ policy: 250, coaching: 205, ve: 60 });
  });

  test("a label followed by another label does not take that label's value", () => {
    const sheet = buildSheet("Blad1", [["Fte", "Aantal kindercentra", 7]]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(r.inputs.centres?.value).toBe(7);
    expect(r.inputs.fte).toBeNull();
  });
});

describe("a labelled planned total of a part", () => {
  test("used when no table gives the part (Dutch label, value with unit further right)", () => {
    const sheet = buildSheet("Overzicht", [
      ["Aantal LRK-registraties", 2],
      ["Fte", 43],
      ["Totaal coachuren gepland:", null, 430, "uur"],
      ["Geplande beleidsuren", 100],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2021 });
    expect(r.planned.coaching).toBe(430);
    expect(r.planned.policy).toBe(100);
    // 43 × 10 = 430, 2 × 50 = 100: no shortfall.
    expect(rules(r, RULES.COACHING_SHORT)).toEqual([]);
    expect(rules(r, RULES.POLICY_SHORT)).toEqual([]);
  });

  test("a short labelled plan is a shortfall (English label)", () => {
    const sheet = buildSheet("Summary", [
      ["Number of registrations", 2],
      ["FTE", 43],
      ["Planned coaching hours", 400],
      ["Planned policy hours", 100],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2021 });
    expect(r.planned.coaching).toBe(400);
    expect(rules(r, RULES.COACHING_SHORT)).toHaveLength(1);
  });

  test("never used when a table gives the part; a difference is reported at the label", () => {
    const sheet = buildSheet("Plan", [
      ["Fte", 10],
      ["Planned coaching hours", 120],
      [],
      ["Coaching per location"],
      ["Location", "Hours"],
      ["Harbour", 60],
      ["Park", 50],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(detectTables({ sheets: [sheet] })[0].role).toBe("coaching");
    expect(r.planned.coaching).toBe(110); // 60 + 50, the table
    const conflict = rules(r, RULES.PLANNED_LABEL_CONFLICT);
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ sheet: "Plan", cell: "B2", severity: "warning" });
  });
});
