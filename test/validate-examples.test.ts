import { checkWorkbook, jsonReport, reportRows, RULES } from "../shared/validate";
import { PLAN_2026, plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { PLAN_2024, plan2024, PLAN_2024_CELLS } from "../examples/plan-2024";

describe("2026 plan (reference 002)", () => {
  const r = checkWorkbook(PLAN_2026);

  test("year from the workbook", () => {
    expect(r.year).toBe(2026);
    expect(r.yearSource).toMatch(/2026/);
  });

  test("facts with their cells; Dutch number text read as a number", () => {
    expect(r.inputs.centres?.value).toBe(16);
    expect(r.inputs.centres?.source).toMatchObject({ kind: "cell", sheet: "Uren 2026", cell: PLAN_2026_CELLS.centres.cell });
    expect(r.inputs.fte?.value).toBe(42.37);
    expect(r.inputs.fte?.source.cell).toBe(PLAN_2026_CELLS.fte.cell);
    expect(r.inputs.targetToddlers?.value).toBe(21);
  });

  test("required 800 + 423,7 + 210 = 1 433,7; planned 800 / 1 000 / 210", () => {
    expect(r.required).toEqual({ policy: 800, coaching: 423.7, ve: 210, total: 1433.7 });
    expect(r.planned).toEqual({ policy: 800, coaching: 1000, ve: 210, total: 2010 });
  });

  test("formation 2 496 h with its margin", () => {
    expect(r.formation.hours).toBe(2496);
    // The fte of the hours used (2 496 ÷ 1 872), not the 1,33 written beside them.
    expect(r.formation.fte).toBeCloseTo(2496 / 1872, 12);
    expect(r.formation.marginHours).toBeCloseTo(2496 - 1433.7, 9);
    expect(r.formation.marginFte).toBeCloseTo((2496 - 1433.7) / 1872, 9);
    const margin = r.findings.find((f) => f.rule === RULES.FORMATION_MARGIN);
    expect(margin).toMatchObject({ severity: "info", sheet: "Uren 2026", cell: "B8" });
    expect(margin!.message).toContain("1.062,3");
  });

  test("no errors and no warnings", () => {
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("four tables with their roles and ranges", () => {
    expect(r.tables.map((t) => [t.sheet, t.range, t.role])).toEqual([
      ["Uren 2026", PLAN_2026_CELLS.toddlerTable.range, "ve-toddlers"],
      ["Verdeling 2026", PLAN_2026_CELLS.coachingTable.range, "coaching"],
      ["Verdeling 2026", PLAN_2026_CELLS.policyTable.range, "policy"],
      ["Verdeling 2026", PLAN_2026_CELLS.veTable.range, "ve"],
    ]);
    for (const t of r.tables) expect(t.confidence).toBeGreaterThanOrEqual(0.5);
  });

  test("the example is not mutated by a check and copies are independent", () => {
    const copy = plan2026();
    copy.sheets[0].values[3][1] = 99;
    expect(PLAN_2026.sheets[0].values[3][1]).toBe(16);
    expect(checkWorkbook(PLAN_2026).required.policy).toBe(800);
  });
});

describe("2024 plan (reference 000)", () => {
  const r = checkWorkbook(PLAN_2024);

  test("year 2024 from '1 januari 2024'", () => {
    expect(r.year).toBe(2024);
  });

  test("facts derived from the tables: 11 LRK numbers, 806 h/week ÷ 36, 36 toddlers", () => {
    expect(r.inputs.centres?.value).toBe(11);
    expect(r.inputs.centres?.source.kind).toBe("table");
    expect(r.inputs.fte?.value).toBeCloseTo(806 / 36, 12);
    expect(r.inputs.targetToddlers?.value).toBe(36);
  });

  test("required 550 / 223,888… / 360 and planned 550 / 222 / 360", () => {
    expect(r.required.policy).toBe(550);
    expect(r.required.coaching).toBeCloseTo(223.8888888889, 9);
    expect(r.required.ve).toBe(360);
    expect(r.planned).toMatchObject({ policy: 550, coaching: 222, ve: 360 });
  });

  test("222 h coaching is an error at the coaching total cell (no rounding)", () => {
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: RULES.COACHING_SHORT, ...PLAN_2024_CELLS.coachingTotal });
    expect(errors[0].message).toContain("222");
    expect(errors[0].message).toContain("223,89");
    expect(errors[0].message).toContain("1,89");
  });

  test("information: 6 h per staff member against ≈26 h, and the previous-year wording", () => {
    const intensity = r.findings.find((f) => f.rule === RULES.COACHING_INTENSITY);
    expect(intensity).toMatchObject({ severity: "info" });
    expect(intensity!.message).toContain("26");
    expect(r.findings.find((f) => f.rule === RULES.FLEX_PREVIOUS_YEAR)).toMatchObject({ severity: "info", sheet: "Personeel", cell: "A43" });
  });

  test("BBL students can be left out of the fte (option)", () => {
    const without = checkWorkbook(plan2024(), { countBbl: false });
    expect(without.inputs.fte?.value).toBeCloseTo((806 - 12) / 36, 12);
  });
});

describe("reports", () => {
  test("jsonReport has exactly the documented shape", () => {
    const j = jsonReport(checkWorkbook(PLAN_2024));
    expect(Object.keys(j)).toEqual(["year", "inputs", "required", "planned", "formation", "formationFte", "margin", "findings", "complete", "missing", "options", "vacancyHours", "leave", "money", "realised", "realisation"]);
    expect(j.inputs).toEqual({ centres: 11, fte: expect.closeTo(806 / 36, 12), targetToddlers: 36 });
    expect(j.formation).toBeNull();
    // A workbook without hours spent: both realisation keys are null.
    expect(j.realised).toBeNull();
    expect(j.realisation).toBeNull();
    expect(j.findings[0]).toEqual({
      rule: RULES.COACHING_SHORT,
      severity: "error",
      sheet: "Personeel",
      cell: "E41",
      message: expect.stringContaining("223,89"),
    });
    const j26 = jsonReport(checkWorkbook(PLAN_2026));
    expect(j26.formation).toBe(2496);
    expect(j26.required).toEqual({ policy: 800, coaching: 423.7, ve: 210, total: 1433.7 });
  });

  test("reportRows gives Dutch text rows with the figures and findings", () => {
    const rows = reportRows(checkWorkbook(PLAN_2024));
    for (const row of rows) for (const cell of row) expect(typeof cell).toBe("string");
    // Vereist, gepland and their difference (gepland − vereist: 222 − 223,89).
    expect(rows).toContainEqual(["Beleid", "550", "550", "0"]);
    expect(rows).toContainEqual(["Coaching", "223,89", "222", "-1,89"]);
    // The rule by its Dutch name, never its id.
    expect(rows.some((row) => row[0] === "fout" && row[1] === "Te weinig coachuren" && row[3] === "E41")).toBe(true);
    expect(rows.some((row) => row.includes(RULES.COACHING_SHORT))).toBe(false);
  });
});
