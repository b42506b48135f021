/**
 * A per-sheet index built once per check: the non-blank columns of every row, so the
 * detectors and rules walk only cells that hold something (linear in filled cells), and a
 * lazily filled cache so every cell is read (Dutch number text parsed, error values
 * recognised) and every text normalised at most once per check, however many rules ask.
 */
import { BLANK, cutText, normalizeText, readCell, type ReadCell } from "./cell-read";
import type { SheetSnapshot, WorkbookSnapshot } from "./types";

export interface SheetIndex {
  sheet: SheetSnapshot;
  /** Position of the sheet in the workbook (for sorting findings). */
  order: number;
  name: string;
  rowCount: number;
  /** One past the last filled column of any row (0 for an empty sheet): with rowCount, the used range. */
  colCount: number;
  /** Columns with a value or a formula, per row, ascending. */
  filled: number[][];
  /** The cell as the validator reads it; the same object on every call (do not modify it). */
  read(row: number, col: number): ReadCell;
  formula(row: number, col: number): string | null;
  /** Raw text of a string cell, or null. */
  text(row: number, col: number): string | null;
  /** normalizeText of a string cell (computed once), or null. */
  norm(row: number, col: number): string | null;
}

/** Non-blank: what isBlank calls blank is null, undefined and white-space-only text. */
const NOT_SPACE = /\S/;

export function indexSheet(sheet: SheetSnapshot, order: number): SheetIndex {
  const values = sheet.values ?? [];
  const formulas = sheet.formulas;
  const rowCount = Math.max(values.length, formulas ? formulas.length : 0);
  const filled: number[][] = new Array(rowCount);
  let colCount = 0;
  for (let r = 0; r < rowCount; r++) {
    const vr = values[r] ?? [];
    const fr = formulas?.[r];
    const width = Math.max(vr.length, fr ? fr.length : 0);
    const cols: number[] = [];
    for (let c = 0; c < width; c++) {
      const v = vr[c];
      const hasValue = !(v === null || v === undefined || (typeof v === "string" && !NOT_SPACE.test(v)));
      if (hasValue || (fr && fr[c])) cols.push(c);
    }
    filled[r] = cols;
    if (cols.length > 0 && cols[cols.length - 1] + 1 > colCount) colCount = cols[cols.length - 1] + 1;
  }

  // Per row, per column: filled on first use.
  const cells: (ReadCell | undefined)[][] = new Array(rowCount);
  const norms: (string | null | undefined)[][] = new Array(rowCount);

  const read = (row: number, col: number): ReadCell => {
    if (row < 0 || row >= rowCount) return BLANK;
    let rc = cells[row];
    if (rc === undefined) rc = cells[row] = [];
    let cell = rc[col];
    if (cell === undefined) {
      const v = values[row]?.[col];
      const fm = formulas?.[row]?.[col];
      cell = v === null || v === undefined ? (fm ? readCell(null, fm) : BLANK) : readCell(v, fm ?? null);
      rc[col] = cell;
    }
    return cell;
  };

  const norm = (row: number, col: number): string | null => {
    if (row < 0 || row >= rowCount) return null;
    let rn = norms[row];
    if (rn === undefined) rn = norms[row] = [];
    let s = rn[col];
    if (s === undefined) {
      const v = values[row]?.[col];
      s = typeof v === "string" ? normalizeText(v) : null;
      rn[col] = s;
    }
    return s;
  };

  return {
    sheet,
    order,
    name: sheet.name,
    rowCount,
    colCount,
    filled,
    read,
    formula: (row, col) => formulas?.[row]?.[col] ?? null,
    text: (row, col) => {
      const v = values[row]?.[col];
      return typeof v === "string" ? cutText(v) : null;
    },
    norm,
  };
}

export function indexWorkbook(wb: WorkbookSnapshot): SheetIndex[] {
  return (wb.sheets ?? []).map((s, i) => indexSheet(s, i));
}
