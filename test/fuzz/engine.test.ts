/**
 * Engine-side budgets under fuzz (issue 11, items 1 and 9), small sizes for CI: every hostile
 * snapshot or mapping either checks or is refused with a Dutch IkkError, never another error;
 * a whole-sheet mapping reads only the used range (its table's address is the used range, at
 * n and at 2n); above a budget the refusal comes before any work. The large sizes run in
 * scripts/fuzz-engine.ts, with time and peak memory per case.
 */
import { checkWorkbook, detectTables } from "../../shared/validate";
import { BUDGETS } from "../../shared/validate/budgets";
import { isIkkError } from "../../shared/errors";
import { ENGINE_CASES, planSheet, wholeSheetMapping } from "./engine-generators";

/** "ok" or the Dutch refusal; any other throw fails the test. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (!isIkkError(e)) throw e;
    return (e as Error).message;
  }
}

const SMALL: Record<string, number> = {
  wholeSheetRange: 500,
  twentyWholeSheetRanges: 200,
  manyMappingEntries: 50,
  manyColumnRoles: 100,
  farAway: 100,
  manyCells: 10_000,
  manyCellsOverSheets: 10_000,
  wideBlankRows: 20,
};

describe.each(Object.keys(ENGINE_CASES))("engine case '%s'", (name) => {
  test("small size: a result or a Dutch refusal, in check and detect", () => {
    const { workbook, mapping } = ENGINE_CASES[name](SMALL[name]);
    for (const r of [outcome(() => checkWorkbook(workbook, { mapping })), outcome(() => detectTables(workbook, mapping))]) {
      if (r !== "ok") expect(r).toMatch(/^(De|Het|Geen) /);
    }
  });
});

test("a whole-sheet range reads the used range only, at n and 2n", () => {
  for (const n of [300, 600]) {
    const tables = detectTables({ sheets: [planSheet(n)] }, wholeSheetMapping(1));
    expect(tables.find((t) => t.role === "policy")?.range).toBe(`A1:J${n + 1}`);
  }
});

test("above each budget: refused in Dutch naming the limit, before any work", () => {
  const cells = ENGINE_CASES.manyCells(BUDGETS.sheetCells + 1);
  expect(outcome(() => checkWorkbook(cells.workbook))).toContain("gevulde cellen");
  const spread = ENGINE_CASES.manyCellsOverSheets(BUDGETS.workbookCells + 10);
  expect(outcome(() => checkWorkbook(spread.workbook))).toContain("De werkmap heeft meer dan");
  const entries = ENGINE_CASES.manyMappingEntries(BUDGETS.mappingTables + 1);
  expect(outcome(() => checkWorkbook(entries.workbook, { mapping: entries.mapping }))).toContain(`de grens is ${BUDGETS.mappingTables}`);
  const roles = ENGINE_CASES.manyColumnRoles(BUDGETS.mappingColumns + 1);
  expect(outcome(() => checkWorkbook(roles.workbook, { mapping: roles.mapping }))).toContain(`de grens is ${BUDGETS.mappingColumns}`);
});
