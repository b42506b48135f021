/**
 * The cells of one sheet as both CLI readers collect them (cli/xlsx-reader.ts, the reader
 * the CLI uses, and the exceljs reference in cli/read-xlsx.ts): values and formulas placed
 * by 0-based row and column, then turned into a SheetSnapshot. One piece, so the two readers
 * cannot drift in how they lay out a sheet.
 */
import type { CellValue, SheetSnapshot } from "../shared/validate/types";

export interface SheetGrid {
  values: CellValue[][];
  /** Null until the first formula: a sheet without formulas gets no `formulas`. */
  formulas: (string | null)[][] | null;
  /** Cells the value rows span so far (empty ones included), for the area budget. */
  area: number;
}

export function newGrid(): SheetGrid {
  return { values: [], formulas: null, area: 0 };
}

/**
 * Places a cell (0-based row and column); cells left of it in its row become null. Returns
 * false, placing nothing, when the padding would take the sheet over `maxArea` spanned cells:
 * the padding, not the filled cells, is what a far-away column costs.
 */
export function placeCell(grid: SheetGrid, r: number, c: number, value: CellValue, formula: string | null, maxArea = Infinity): boolean {
  const grow = c + 1 - (grid.values[r]?.length ?? 0);
  if (grow > 0) {
    if (grid.area + grow > maxArea) return false;
    grid.area += grow;
  }
  const line = grid.values[r] ?? (grid.values[r] = []);
  while (line.length < c) line.push(null);
  line[c] = value;
  if (formula !== null) {
    const formulas = grid.formulas ?? (grid.formulas = []);
    const fl = formulas[r] ?? (formulas[r] = []);
    while (fl.length < c) fl.push(null);
    fl[c] = formula;
  }
  return true;
}

/** The grid as a snapshot: rows from A1 (holes are empty rows, no trailing empty rows), formulas shaped like the values. */
export function gridSnapshot(name: string, grid: SheetGrid): SheetSnapshot {
  const sheet: SheetSnapshot = { name, values: denseRows(grid.values) };
  if (grid.formulas) sheet.formulas = shapeLike(grid.formulas, sheet.values);
  return sheet;
}

function denseRows<T>(rows: T[][]): T[][] {
  let n = rows.length;
  while (n > 0 && (!rows[n - 1] || rows[n - 1].length === 0)) n--;
  const out: T[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[i] ?? [];
  return out;
}

/** Formulas in the same shape as values: a row per value row, exactly as long as that row. */
function shapeLike(formulas: (string | null)[][], values: CellValue[][]): (string | null)[][] {
  const out: (string | null)[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const f = formulas[i] ?? [];
    while (f.length < values[i].length) f.push(null);
    if (f.length > values[i].length) f.length = values[i].length;
    out[i] = f;
  }
  return out;
}
