/**
 * Office.js range data (values, formulas, valueTypes, numberFormat of a used range) →
 * the host-neutral SheetSnapshot. Pure functions, no Office globals.
 *
 * Dates: Excel hands over date cells as serial numbers; a number whose format is a date
 * format becomes ISO date text, exactly as the CLI's exceljs reader does (same format test
 * and same serial conversion as exceljs), so a workbook gives the same findings everywhere.
 */
import type { CellValue, SheetSnapshot } from "../shared/validate/types";
import { serialDateText } from "../shared/dates";
import { errorValueText } from "../shared/cells";

/** What readWorkbook loads from each used range (Excel.Range property names). */
export const USED_RANGE_PROPERTIES = ["values", "formulas", "valueTypes", "numberFormat", "rowIndex", "columnIndex"] as const;

/** The loaded used range of one sheet (null when the sheet is empty). */
export interface UsedRangeData {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas?: unknown[][];
  /** Excel.RangeValueType per cell: "Empty", "String", "Double", "Boolean", "Error", ... */
  valueTypes?: string[][];
  numberFormat?: unknown[][];
}

/**
 * True for a date or time number format. Same rule as exceljs (utils.isDateFmt): drop
 * [...] sections and "quoted" text, then look for date/time letters.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "") return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}


/** One cell of range.values → a snapshot value. */
export function cellValue(v: unknown, valueType: string | undefined, numberFormat: unknown): CellValue {
  if (valueType === "Error") return { error: String(v) };
  if (valueType === "Empty" || v === null || v === undefined || v === "") return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    return isDateFormat(numberFormat) ? serialDateText(v) : v;
  }
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    // Without valueTypes an error cell is only recognisable by its text.
    if (valueType === undefined && errorValueText(v) !== null) return { error: v.trim() };
    return v;
  }
  return String(v);
}

/**
 * The formula of a cell, or null. range.formulas holds the value for a cell without a
 * formula, so only text starting with "=" counts, and not when it equals the cell's own
 * text value (text such as '=A1 typed with an apostrophe, or a text-formatted cell).
 */
export function cellFormula(f: unknown, v: unknown): string | null {
  if (typeof f !== "string" || !f.startsWith("=")) return null;
  if (typeof v === "string" && v === f) return null;
  return f;
}

/**
 * A sheet's used range → SheetSnapshot with values from A1: rowIndex empty rows first,
 * each row padded with columnIndex nulls. `formulas` only when the sheet has any.
 */
export function sheetSnapshot(name: string, used: UsedRangeData | null): SheetSnapshot {
  if (!used) return { name, values: [] };
  const { rowIndex, columnIndex } = used;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let hasFormula = false;
  for (let r = 0; r < rowIndex; r++) {
    values.push([]);
    formulas.push([]);
  }
  used.values.forEach((row, r) => {
    const vRow: CellValue[] = new Array(columnIndex).fill(null);
    const fRow: (string | null)[] = new Array(columnIndex).fill(null);
    row.forEach((v, c) => {
      vRow.push(cellValue(v, used.valueTypes?.[r]?.[c], used.numberFormat?.[r]?.[c]));
      const f = cellFormula(used.formulas?.[r]?.[c], v);
      if (f !== null) hasFormula = true;
      fRow.push(f);
    });
    values.push(vRow);
    formulas.push(fRow);
  });
  return hasFormula ? { name, values, formulas } : { name, values };
}
