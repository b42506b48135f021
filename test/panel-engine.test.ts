/**
 * The panel's view model and the in-memory host with the REAL engine on the example
 * workbooks and the demo's broken variant (no DOM: the browser test covers that).
 */
import type { CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { checkWorkbook, reportRows } from "../shared/validate";
import { withTableRole } from "../shared/validate/mapping";
import { parseCell } from "../shared/validate/a1";
import { PLAN_2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { PLAN_2024 } from "../examples/plan-2024";
import { BROKEN_2026, HOSTILE_FORMULA, HOSTILE_MARKUP, broken2026, DEMO_EXAMPLES } from "../demo/examples";
import { MemoryHost } from "../demo/memory-host";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
import { checkOptions, groupFindings, marksFor, show, summaryRows } from "../shared/panel/view-model";

const value = (wb: WorkbookSnapshot, sheet: string, a1: string) => {
  const ref = parseCell(a1)!;
  return wb.sheets.find((s) => s.name === sheet)!.values[ref.row]?.[ref.col] ?? null;
};
const formula = (wb: WorkbookSnapshot, sheet: string, a1: string) => {
  const ref = parseCell(a1)!;
  return wb.sheets.find((s) => s.name === sheet)!.formulas?.[ref.row]?.[ref.col] ?? null;
};
const flatText = (wb: WorkbookSnapshot) => wb.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === "string");
const shown = (r: CheckResult, key: "required" | "planned") => summaryRows(r).map((row) => show(row[key]));

describe("the broken demo workbook", () => {
  const wb = broken2026();

  test("has a typed wrong row total where the 2026 plan has a SUM", () => {
    const { sheet, wrongTotal } = BROKEN_2026;
    expect(formula(PLAN_2026, sheet, wrongTotal)).toMatch(/^=SUM\(/);
    expect(value(wb, sheet, wrongTotal)).toBe(120);
    expect(formula(wb, sheet, wrongTotal)).toBeNull();
    expect(value(PLAN_2026, sheet, wrongTotal)).not.toBe(120);
  });

  test("gives KDV Dommelen 40 VE hours with consistent totals (6 toddlers need 60)", () => {
    const sheet = wb.sheets.find((s) => s.name === BROKEN_2026.sheet)!;
    const veStart = parseCell(PLAN_2026_CELLS.veTable.range.split(":")[0])!.row;
    const row = sheet.values.slice(veStart).find((r) => typeof r[0] === "string" && r[0].replace(/\s+/g, " ") === "KDV Dommelen")!;
    const parts = row.slice(1, 6) as number[];
    expect(parts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(row[6]).toBe(40);
    const veTotal = value(wb, PLAN_2026_CELLS.veTotal.sheet, PLAN_2026_CELLS.veTotal.cell);
    expect(veTotal).toBe((value(PLAN_2026, PLAN_2026_CELLS.veTotal.sheet, PLAN_2026_CELLS.veTotal.cell) as number) - 20);
  });

  test("has the hostile location names as plain text, and the 2026 example is untouched", () => {
    expect(flatText(wb)).toEqual(expect.arrayContaining([HOSTILE_MARKUP, HOSTILE_FORMULA]));
    expect(flatText(PLAN_2026)).not.toContain(HOSTILE_MARKUP);
    expect(DEMO_EXAMPLES.map((e) => e.label)).toEqual(["Voorbeeld 2026", "Voorbeeld 2024", "Voorbeeld 2026 met fouten", "Nieuw plan 2026 met realisatie"]);
  });
});

describe("summary of the example plans with the real engine", () => {
  test("2026: required 800 / 423,7 / 210 / 1.433,7 and planned 800 / 1.000 / 210", () => {
    const r = checkWorkbook(PLAN_2026);
    expect(shown(r, "required")).toEqual(["800", "423,7", "210", "1.433,7"]);
    expect(shown(r, "planned").slice(0, 3)).toEqual(["800", "1.000", "210"]);
    expect(groupFindings(r.findings)[0].count).toBe(0);
  });

  test("2024: 550 policy hours, 806 ÷ 36 × 10 coaching hours (not rounded), 360 VE hours", () => {
    const r = checkWorkbook(PLAN_2024);
    expect(r.required.policy).toBe(550);
    expect(r.required.coaching).toBeCloseTo((806 / 36) * 10, 9);
    expect(r.required.ve).toBe(360);
    expect(show(r.required.coaching)).toBe("223,89");
  });
});

describe("the broken workbook through the in-memory host", () => {
  async function run() {
    const host = new MemoryHost(broken2026());
    const wb = await host.readWorkbook();
    const result = checkWorkbook(wb);
    return { host, result };
  }

  test("errors point at the wrong total and the VE shortfall names Dommelen", async () => {
    const { result } = await run();
    const errors = groupFindings(result.findings)[0].findings;
    expect(errors.some((f) => f.sheet === BROKEN_2026.sheet && f.cell === BROKEN_2026.wrongTotal)).toBe(true);
    expect(result.findings.some((f) => f.severity !== "info" && /Dommelen/.test(f.message))).toBe(true);
  });

  test("marks: one applyMarks call colours the wrong total; clearMarks restores it", async () => {
    const { host, result } = await run();
    const marks = marksFor(result.findings);
    await host.applyMarks(marks);
    expect(host.fills.get(`${BROKEN_2026.sheet}!${BROKEN_2026.wrongTotal}`)).toBe(MARK_COLOURS.error);
    await host.clearMarks();
    expect(host.fills.size).toBe(0);
    expect(host.count("applyMarks")).toBe(1);
    expect(host.count("readWorkbook")).toBe(1);
  });

  test("the report is written as text and names the wrong total's cell", async () => {
    const { host, result } = await run();
    await host.writeReport(reportRows(result));
    const report = host.workbook.sheets.find((s) => s.name === REPORT_SHEET_NAME)!;
    expect(report.values.flat().every((v) => typeof v === "string")).toBe(true);
    expect(report.values.flat().join("\n")).toContain(BROKEN_2026.wrongTotal);
  });
});

describe("settings from the panel reach the engine", () => {
  test("a fact override changes the required hours", () => {
    const r = checkWorkbook(PLAN_2026, checkOptions({ version: 1, overrides: { fte: 50 } }));
    expect(r.required.coaching).toBe(500);
    expect(r.inputs.fte?.source.kind).toBe("override");
  });

  test("a chosen year is used", () => {
    const r = checkWorkbook(PLAN_2026, checkOptions({ version: 1, year: 2025 }));
    expect(r.year).toBe(2025);
  });

  test("a table role set with the panel's mapping edit is what the engine uses", () => {
    const detected = checkWorkbook(PLAN_2026).tables;
    const coaching = detected.find((t) => t.role === "coaching")!;
    expect(coaching).toBeDefined();
    const mapping = withTableRole(undefined, coaching.sheet, coaching.range, "policy");
    const r = checkWorkbook(PLAN_2026, checkOptions({ version: 1, mapping }));
    const table = r.tables.find((t) => t.sheet === coaching.sheet && t.range === coaching.range);
    expect(table?.role).toBe("policy");
  });
});

describe("role dropdown options drive the real engine", () => {
  const { ROLE_OPTIONS } = jest.requireActual("../shared/panel/view-model") as typeof import("../shared/panel/view-model");

  test("every option is a role the mapping accepts; 'negeren' really ignores the table", () => {
    const result = checkWorkbook(PLAN_2026);
    const coaching = result.tables.find((t) => t.role === "coaching")!;
    expect(coaching).toBeDefined();
    for (const option of ROLE_OPTIONS) {
      expect(() => checkWorkbook(PLAN_2026, { mapping: withTableRole(undefined, coaching.sheet, coaching.range, option.role) })).not.toThrow();
    }
    const ignore = ROLE_OPTIONS.find((o) => o.label === "negeren")!;
    const ignored = checkWorkbook(PLAN_2026, { mapping: withTableRole(undefined, coaching.sheet, coaching.range, ignore.role) });
    expect(ignored.planned.coaching).not.toBe(result.planned.coaching);
    expect(ignored.tables.find((t) => t.sheet === coaching.sheet && t.range === coaching.range)?.role).toBe("ignored");
    const auto = ROLE_OPTIONS.find((o) => o.role === "unknown")!;
    const reset = checkWorkbook(PLAN_2026, { mapping: withTableRole(withTableRole(undefined, coaching.sheet, coaching.range, ignore.role), coaching.sheet, coaching.range, auto.role) });
    expect(reset.planned.coaching).toBe(result.planned.coaching);
  });
});
