/**
 * Engine-side budgets (issue 11, item 1): a snapshot above the cell budgets is refused before
 * any work, a mapped range is clipped to the sheet's used range, and a mapping has a cap on
 * its entries and on the cells its ranges cover. Tested through checkWorkbook directly: the
 * panel stores its mapping in the document, so a shared workbook can carry a hostile one.
 */
import { checkWorkbook, detectTables } from "../shared/validate";
import { BUDGETS } from "../shared/validate/budgets";
import { isIkkError } from "../shared/errors";
import type { CellValue, WorkbookSnapshot } from "../shared/validate/types";
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";

/** A plan sheet of `rows` locations (10 columns), 2026. */
function bigSheet(rows: number, name = "Uren 2026"): WorkbookSnapshot["sheets"][number] {
  const values: CellValue[][] = [["Locatie", "LRK-nummer", "Beleidsuren", "Coachuren", "A", "B", "C", "D", "E", "F"]];
  for (let r = 0; r < rows; r++) values.push([`Locatie ${r}`, "123456782", 5, 4, 1, 2, 3, 4, 5, 6]);
  return { name, values };
}

/** The Dutch IkkError message of a call that must refuse. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isIkkError(e)) return (e as Error).message;
    throw e;
  }
  throw new Error("expected a refusal");
}

const wholeSheet = (n: number, sheet = "Uren 2026") => ({
  versie: 1,
  tabellen: Array.from({ length: n }, () => ({ blad: sheet, bereik: "A1:XFD1048576", rol: "beleid" })),
});

describe("mapped ranges are clipped to the used range", () => {
  // Before: 108 s and 3,9 GB on 20 000 rows (every one of the 17 billion cells' columns walked per data row).
  test("A1:XFD1048576 on a 20 000-row sheet is fast and reads the table", () => {
    const wb: WorkbookSnapshot = { sheets: [bigSheet(20_000)] };
    const t0 = Date.now();
    const r = checkWorkbook(wb, { mapping: wholeSheet(1) });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.tables[0]).toMatchObject({ sheet: "Uren 2026", role: "policy" });
    expect(r.tables[0].range).toBe("A1:J20001");
    expect(r.planned.policy).toBeGreaterThan(0);
  }, 30_000);

  test("20 whole-sheet ranges on a 20 000-row sheet finish", () => {
    const t0 = Date.now();
    const r = checkWorkbook({ sheets: [bigSheet(20_000)] }, { mapping: wholeSheet(20) });
    expect(Date.now() - t0).toBeLessThan(25_000);
    expect(r.tables.length).toBe(20);
  }, 60_000);

  test("clipping changes nothing for a range wider than the sheet", () => {
    const { sheet } = PLAN_2026_CELLS.coachingTable;
    const at = (bereik: string) => checkWorkbook(plan2026(), { mapping: { versie: 1, tabellen: [{ blad: sheet, bereik, rol: "coaching" }] } });
    const narrow = at("A3:AZ20");
    const wide = at("A3:XFD20");
    expect(wide.planned).toEqual(narrow.planned);
    expect(wide.findings).toEqual(narrow.findings);
    expect(wide.tables).toEqual(narrow.tables);
  });

  test("a range below and right of the used range is one empty cell, not a crash", () => {
    const r = detectTables({ sheets: [bigSheet(10)] }, { versie: 1, tabellen: [{ blad: "Uren 2026", bereik: "XFA1048570:XFD1048576", rol: "beleid" }] });
    expect(r.find((t) => t.role === "policy")?.range).toBe("XFA1048570");
  });

  test("an ignored range keeps its mapped address (the panel finds its entry again)", () => {
    const r = detectTables({ sheets: [bigSheet(10)] }, { versie: 1, tabellen: [{ blad: "Uren 2026", bereik: "A1:XFD1048576", rol: "negeren" }] });
    expect(r).toEqual([expect.objectContaining({ range: "A1:XFD1048576", role: "ignored" })]);
  });

  test("mapped ranges covering more than the budget together are refused in Dutch, fast", () => {
    const t0 = Date.now();
    const m = refusal(() => checkWorkbook({ sheets: [bigSheet(20_000)] }, { mapping: wholeSheet(60) }));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(m).toContain("5.000.000 cellen");
    expect(m).toContain("Geef per tabel alleen het bereik van die tabel op");
  }, 30_000);
});

describe("mapping entries are capped", () => {
  test(`more than ${BUDGETS.mappingTables} tables: a Dutch refusal naming the limit`, () => {
    const m = refusal(() => checkWorkbook({ sheets: [bigSheet(5)] }, { mapping: wholeSheet(BUDGETS.mappingTables + 1) }));
    expect(m).toContain(`de grens is ${BUDGETS.mappingTables}`);
    expect(m).toContain("'tabellen'");
  });

  test(`more than ${BUDGETS.mappingColumns} column roles in one table: refused`, () => {
    const kolommen: Record<string, string> = {};
    for (let c = 0; c < 26 * 26; c++) kolommen[String.fromCharCode(65 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26))] = "uren";
    const mapping = { versie: 1, tabellen: [{ blad: "Uren 2026", bereik: "A1:ZZ10", rol: "beleid", kolommen }] };
    const m = refusal(() => checkWorkbook({ sheets: [bigSheet(5)] }, { mapping }));
    expect(m).toContain("'tabellen[0].kolommen'");
    expect(m).toContain(`de grens is ${BUDGETS.mappingColumns}`);
  });
});

describe("cell budgets", () => {
  /** A sheet of `cells` filled cells, 100 to a row. */
  const filledSheet = (name: string, cells: number) => {
    const values: CellValue[][] = [];
    for (let i = 0; i < cells; i += 100) values.push(Array.from({ length: Math.min(100, cells - i) }, (_, k) => k + 1));
    return { name, values };
  };

  test("a sheet above the per-sheet budget is refused before any work, naming the limit", () => {
    const t0 = Date.now();
    const m = refusal(() => checkWorkbook({ sheets: [filledSheet("Groot", BUDGETS.sheetCells + 100)] }));
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(m).toContain("'Groot'");
    expect(m).toContain("1.000.000 gevulde cellen");
    expect(m).toContain("controleer opnieuw");
  });

  test("sheets within the per-sheet budget but above the total are refused", () => {
    const sheets = [0, 1, 2].map((i) => filledSheet(`Blad ${i}`, 800_000));
    const m = refusal(() => checkWorkbook({ sheets }));
    expect(m).toContain("De werkmap heeft meer dan 2.000.000 gevulde cellen");
    expect(refusal(() => detectTables({ sheets }))).toBe(m);
  });

  test("blank cells (null, white space) do not count", () => {
    const values: CellValue[][] = [["Locatie", "Beleidsuren"], ["A", 5]];
    for (let r = 0; r < 12_000; r++) values.push(new Array(100).fill(r % 2 ? null : " "));
    expect(() => checkWorkbook({ sheets: [{ name: "Uren 2026", values }] })).not.toThrow(/gevulde cellen/);
  });
});
