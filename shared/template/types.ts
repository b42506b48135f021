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
  /**
   * The formula's result on a new plan when the builder knows it from the row's own values
   * ("" on an empty row, a copied name, toddlers × the norm). A writer that stores cached
   * results (the CLI's xlsx) stores it, so the check of a file nobody opened yet reads it;
   * hosts that compute (Excel, Sheets) ignore it.
   */
  knownResult?: string | number;
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

/** The sheets of the "nieuw plan" template, in workbook order. */
export type PlanSheetKey = "normen" | "locaties" | "medewerkers" | "formatie" | "verdeling" | "realisatie" | "overzicht";

/** One kindercentrum carried over from last year's workbook (or typed by a test). */
export interface CarriedLocation {
  /** Nine-digit LRK number as text, or null when the old workbook had none. */
  lrk: string | null;
  name: string;
  /** Kind of care ("KDV", "BSO", "PSZ"), or null. */
  kind: string | null;
  /** Doelgroeppeuters last counted; null when unknown (the user fills in the new count). */
  toddlers: number | null;
}

/** One pedagogisch medewerker carried over (only staff that count in the fte). */
export interface CarriedStaff {
  name: string;
  function: string | null;
  /** "Vast" or "Flex", null when unknown. */
  contract: "Vast" | "Flex" | null;
  /** Contract hours per week (fixed staff). */
  weeklyHours: number | null;
  /** Hours worked in the 13 weeks before 1 January (flexible staff), a total. */
  workedHours13: number | null;
  location: string | null;
}

/** One coach / pedagogisch beleidsmedewerker of the formation. */
export interface CarriedCoach {
  name: string;
  function: string | null;
  weeklyHours: number | null;
}

/** What a new plan starts with: last year's locations, staff and formation (carry-over.ts). */
export interface CarriedPlan {
  locations: CarriedLocation[];
  staff: CarriedStaff[];
  formation: CarriedCoach[];
}
