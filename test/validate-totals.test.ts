import { checkWorkbook, RULES } from "../shared/validate";
import type { CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { plan2026 } from "../examples/plan-2026";

const ALLOC = 1; // sheet "Verdeling 2026"
const byRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);

function set(wb: WorkbookSnapshot, sheet: number, a1Row: number, col: number, value: unknown, formula?: string | null) {
  wb.sheets[sheet].values[a1Row - 1][col] = value as never;
  if (formula !== undefined) wb.sheets[sheet].formulas![a1Row - 1][col] = formula;
}

describe("row and column totals", () => {
  test("a wrong row total is an error at that total cell", () => {
    const wb = plan2026();
    set(wb, ALLOC, 4, 1, 35); // B4 30 → 35, F4 still 110
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.ROW_TOTAL);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Verdeling 2026", cell: "F4" });
    expect(f[0].message).toContain("115");
    expect(f[0].message).toContain("B4:E4");
  });

  test("a wrong column total is an error at the Totaal cell", () => {
    const wb = plan2026();
    set(wb, ALLOC, 20, 5, 990); // F20 1000 → 990
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.COLUMN_TOTAL);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Verdeling 2026", cell: "F20" });
    expect(f[0].message).toContain("1.000");
    // The distribution over the locations is what is deployed, not the typed-over total.
    expect(r.planned.coaching).toBe(1000);
    expect(f[0].message).toContain("Gerekend is met de som van de delen, 1.000");
  });

  test("a wrong column total in a table with totals per column (VE table)", () => {
    const wb = plan2026();
    set(wb, ALLOC, 53, 2, 61); // C53 60 → 61
    const f = byRule(checkWorkbook(wb), RULES.COLUMN_TOTAL);
    expect(f.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["error", "Verdeling 2026", "C53"]]);
  });

  test("a row total in the two-row-header policy table is checked too", () => {
    const wb = plan2026();
    set(wb, ALLOC, 27, 6, 40); // G27 50 → 40
    const r = checkWorkbook(wb);
    expect(byRule(r, RULES.ROW_TOTAL).map((x) => x.cell)).toEqual(["G27"]);
    expect(byRule(r, RULES.COLUMN_TOTAL).map((x) => x.cell)).toEqual(["G43"]);
  });

  test("Dutch number text counts as a number", () => {
    const wb = plan2026();
    set(wb, ALLOC, 4, 1, "30");
    set(wb, ALLOC, 4, 2, "25,0");
    set(wb, ALLOC, 4, 5, "110");
    const r = checkWorkbook(wb);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(r.planned.coaching).toBe(1000);
  });

  test("text that is not a number in a number column is an error at that cell", () => {
    const wb = plan2026();
    set(wb, ALLOC, 5, 3, "veel");
    const f = byRule(checkWorkbook(wb), RULES.NOT_A_NUMBER);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Verdeling 2026", cell: "D5" });
    expect(f[0].message).toContain("veel");
  });

  test("#REF! inside a table is an error at that cell", () => {
    const wb = plan2026();
    set(wb, ALLOC, 5, 2, { error: "#REF!" });
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.ERROR_VALUE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Verdeling 2026", cell: "C5" });
    expect(f[0].message).toContain("#REF!");
    expect(byRule(r, RULES.ROW_TOTAL)).toEqual([]); // an unreadable row is not summed
  });

  test("Dutch error text (#WAARDE!) is an error value too", () => {
    const wb = plan2026();
    set(wb, ALLOC, 50, 3, "#WAARDE!");
    const f = byRule(checkWorkbook(wb), RULES.ERROR_VALUE);
    expect(f.map((x) => x.cell)).toEqual(["D50"]);
  });

  test("a formula without a cached value is a warning and never read as 0", () => {
    const wb = plan2026();
    set(wb, ALLOC, 6, 5, null); // F6 =SUM(B6:E6) without a value
    const r = checkWorkbook(wb);
    const f = byRule(r, RULES.FORMULA_NO_VALUE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "Verdeling 2026", cell: "F6" });
    // Not read as 0: the column total 1 000 is not reported as wrong, the location not as uncoached.
    expect(byRule(r, RULES.COLUMN_TOTAL)).toEqual([]);
    expect(byRule(r, RULES.ROW_TOTAL)).toEqual([]);
    expect(byRule(r, RULES.LOCATION_NO_COACHING)).toEqual([]);
  });
});
