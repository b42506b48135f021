import { checkWorkbook, RULES } from "../shared/validate";
import type { CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { plan2026 } from "../examples/plan-2026";
import { plan2024 } from "../examples/plan-2024";

const byRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);
function set(wb: WorkbookSnapshot, sheet: number, a1Row: number, col: number, value: unknown) {
  wb.sheets[sheet].values[a1Row - 1][col] = value as never;
}

describe("VE per location", () => {
  test("short at one location, surplus at another: error for the short one only", () => {
    const wb = plan2026();
    // Dommelen (6 toddlers, 60 h needed) gets 50 h, Nederweert (4 toddlers, 40 h) gets 50 h.
    set(wb, 1, 49, 1, 0); // B49 10 → 0
    set(wb, 1, 49, 6, 50); // G49 60 → 50
    set(wb, 1, 50, 1, 20); // B50 10 → 20
    set(wb, 1, 50, 6, 50); // G50 40 → 50
    const r = checkWorkbook(wb);
    expect(r.planned.ve).toBe(210); // the total still looks fine
    const f = byRule(r, RULES.VE_SHORT);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Verdeling 2026", cell: "G49" });
    expect(f[0].message).toContain("Dommelen");
    expect(f[0].message).toContain("50");
    expect(f[0].message).toContain("60");
    expect(r.findings.filter((x) => x.severity === "error")).toHaveLength(1);
  });

  test("a VE location without a row in the VE table is an error at its toddler cell", () => {
    const wb = plan2026();
    set(wb, 0, 21, 0, "Eindhoven"); // toddler table: Budel → Eindhoven
    const f = byRule(checkWorkbook(wb), RULES.VE_SHORT);
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([["Uren 2026", "B21"]]);
    expect(f[0].message).toContain("Eindhoven");
  });

  test("the 2024 combined table checks hours against toddlers on the same row", () => {
    const wb = plan2024();
    wb.sheets[2].values[4][3] = 25; // Ratjetoe: 3 toddlers, 25 h instead of 30
    const f = byRule(checkWorkbook(wb), RULES.VE_SHORT);
    expect(f.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["error", "VE 2024", "D5"]]);
  });

  test("a VE table in a 2021 workbook is information, not a norm", () => {
    const r = checkWorkbook(plan2026(), { year: 2021 });
    expect(r.year).toBe(2021);
    expect(r.required.ve).toBeNull();
    expect(r.planned.ve).toBeNull();
    const f = byRule(r, RULES.VE_BEFORE_NORM);
    expect(f.length).toBe(2);
    expect(f.every((x) => x.severity === "info")).toBe(true);
    expect(byRule(r, RULES.VE_SHORT)).toEqual([]);
  });
});

describe("policy, coaching and formation", () => {
  test("policy hours below 50 × kindercentra", () => {
    const wb = plan2026();
    set(wb, 1, 42, 5, 0); // F42 10 → 0
    set(wb, 1, 42, 6, 40); // G42 50 → 40
    set(wb, 1, 43, 6, 790); // G43 800 → 790
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.POLICY_SHORT);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Verdeling 2026", cell: "G43" });
    expect(f[0].message).toContain("790");
    expect(f[0].message).toContain("800");
  });

  test("coaching just under 10 × fte is short (no rounding)", () => {
    const r = checkWorkbook(plan2026(), { overrides: { fte: 100.01 } });
    expect(r.required.coaching).toBe(1000.1);
    expect(r.inputs.fte?.source.kind).toBe("override");
    expect(byRule(r, RULES.COACHING_SHORT).map((x) => x.cell)).toEqual(["F20"]);
  });

  test("formation below the required total is an error at the formation cell", () => {
    const wb = plan2026();
    set(wb, 0, 8, 1, 1400);
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.FORMATION_SHORT);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Uren 2026", cell: "B8" });
    expect(f[0].message).toContain("33,7");
    expect(r.formation.marginHours).toBeCloseTo(-33.7, 9);
    expect(byRule(r, RULES.FORMATION_OVERPLANNED)).toHaveLength(1);
  });

  test("formation given in fte only is turned into hours (× 36 × 52)", () => {
    const wb = plan2026();
    set(wb, 0, 8, 0, null);
    set(wb, 0, 8, 1, null);
    const r = checkWorkbook(wb);
    expect(r.formation.hours).toBeCloseTo(1.33 * 1872, 9);
    expect(r.formation.fte).toBe(1.33);
  });
});

describe("every staff member and location is coached", () => {
  test("a staff member with 0 coaching hours is an error at that cell", () => {
    const wb = plan2024();
    wb.sheets[1].values[3][4] = 0; // E4
    wb.sheets[1].values[40][4] = 216; // keep the column total right
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.STAFF_NO_COACHING);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Personeel", cell: "E4" });
    expect(f[0].message).toContain("Anouk");
  });

  test("a blank coaching cell counts as no coaching", () => {
    const wb = plan2024();
    wb.sheets[1].values[9][4] = null; // E10
    const f = byRule(checkWorkbook(wb), RULES.STAFF_NO_COACHING);
    expect(f.map((x) => x.cell)).toEqual(["E10"]);
  });

  test("a location without coaching hours is a warning at its total cell", () => {
    const wb = plan2026();
    for (let c = 1; c <= 5; c++) set(wb, 1, 19, c, 0); // BSO Oostelbeers
    set(wb, 1, 20, 5, 970);
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.LOCATION_NO_COACHING);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "Verdeling 2026", cell: "F19" });
    expect(f[0].message).toContain("Oostelbeers");
  });
});
