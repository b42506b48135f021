/**
 * A per-sheet index built once per check: the non-blank columns of every row, so the
 * detectors and rules walk only cells that hold something (linear in filled cells).
 */
import { readCell, type ReadCell } from "./cell-read";
import type { SheetSnapshot, WorkbookSnapshot } from "./types";

export interface SheetIndex {
  sheet: SheetSnapshot;
  /** Position of the sheet in the workbook (for sorting findings). */
  order: number;
  name: string;
  rowCount: number;
  /** Columns with a value or a formula, per row, ascending. */
  filled: number[][];
  read(row: number, col: number): ReadCell;
  formula(row: number, col: number): string | null;
  /** Raw text of a string cell, or null. */
  text(row: number, col: number): string | null;
}

export function indexSheet(sheet: SheetSnapshot, order: number): SheetIndex {
  const values = sheet.values ?? [];
  const formulas = sheet.formulas;
  const rowCount = Math.max(values.length, formulas ? formulas.length : 0);
  const filled: number[][] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const vr = values[r] ?? [];
    const fr = formulas?.[r];
    const width = Math.max(vr.length, fr ? fr.length : 0);
    const cols: number[] = [];
    for (let c = 0; c < width; c++) {
      const v = vr[c];
      const hasValue = !(v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
      if (hasValue || (fr && fr[c])) cols.push(c);
    }
    filled[r] = cols;
  }
  return {
    sheet,
    order,
    name: sheet.name,
    rowCount,
    filled,
    read: (row, col) => readCell(values[row]?.[col] ?? null, formulas?.[row]?.[col] ?? null),
    formula: (row, col) => formulas?.[row]?.[col] ?? null,
    text: (row, col) => {
      const v = values[row]?.[col];
      return typeof v === "string" ? v : null;
    },
  };
}

export function indexWorkbook(wb: WorkbookSnapshot): SheetIndex[] {
  return (wb.sheets ?? []).map((s, i) => indexSheet(s, i));
}
