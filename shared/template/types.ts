/**
 * The host-neutral model of a generated workbook part (the "nieuw plan" template, the
 * overview sheet): sheets of cells with values, plain spreadsheet formulas, number formats
 * and data validation. The CLI writes it with exceljs; the Excel and Sheets adapters write
 * it through their host APIs. Plain JSON (it crosses google.script.run).
 *
 * Formulas are in the invariant (English) form every host accepts through its API:
 * English function names, comma separators, A1 references, a leading "=", e.g.
 * "=SUMIFS(Realisatie!D:D,Realisatie!C:C,\"Coaching\")". Sheet names with spaces are quoted.
 */

/** Data validation of an input cell or column range. */
export type TemplateValidation =
  /** A whole number ≥ min (and ≤ max when given). */
  | { kind: "whole"; min: number; max?: number }
  /** A decimal number ≥ min (and ≤ max when given). */
  | { kind: "decimal"; min: number; max?: number }
  /** One of the listed texts (a drop-down). */
  | { kind: "list"; values: string[] }
  /**
   * A custom formula, written for the first cell of `range` (relative references move
   * with the cell), e.g. "=AND(LEN(A5)=9,ISNUMBER(VALUE(A5)))" for a nine-digit LRK.
   */
  | { kind: "custom"; formula: string };

export interface TemplateValidationRule {
  /** A1 range on the sheet, e.g. "A5:A204". */
  range: string;
  rule: TemplateValidation;
  /** Dutch text the host shows when the input is refused. */
  message: string;
}

export interface TemplateCell {
  /** A constant: text stays text (never a formula, even when it starts with "="). */
  value?: string | number | boolean | null;
  /** A formula with a leading "=" (see above). Wins over `value`. */
  formula?: string;
  /** Number format in the invariant form ("#,##0.0", "0", "@" for text, "dd-mm-yyyy"). */
  numberFormat?: string;
  bold?: boolean;
}

export interface TemplateSheet {
  name: string;
  /** Row-major from A1; null = an empty cell. Rows may differ in length. */
  rows: (TemplateCell | null)[][];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Rows frozen at the top (the header), 0 or absent = none. */
  frozenRows?: number;
  validations?: TemplateValidationRule[];
}

export interface TemplateWorkbook {
  /** The plan year the template is for. */
  year: number;
  sheets: TemplateSheet[];
}
