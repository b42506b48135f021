/**
 * Builds snapshots from rows written by hand (examples, tests, the demo): a cell is a
 * value, or { formula, value } for a formula with its cached result (value null = no
 * cached result). Also deep copies, so tests can break a copy without touching the original.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./types";

export interface FormulaCell {
  formula: string;
  value: CellValue;
}

export type CellInput = CellValue | FormulaCell | undefined;

function isFormulaCell(c: CellInput): c is FormulaCell {
  return typeof c === "object" && c !== null && "formula" in c;
}

/** A sheet from rows of values and formula cells; `formulas` only when a formula occurs. */
export function buildSheet(name: string, rows: CellInput[][]): SheetSnapshot {
  let anyFormula = false;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const row of rows) {
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    for (const c of row) {
      if (isFormulaCell(c)) {
        anyFormula = true;
        vr.push(c.value);
        fr.push(c.formula);
      } else {
        vr.push(c === undefined ? null : c);
        fr.push(null);
      }
    }
    values.push(vr);
    formulas.push(fr);
  }
  return anyFormula ? { name, values, formulas } : { name, values };
}

/** Shorthand for a formula cell with its cached value. */
export function f(formula: string, value: CellValue): FormulaCell {
  return { formula, value };
}

/** A deep copy of a snapshot (plain JSON data). */
export function cloneWorkbook(wb: WorkbookSnapshot): WorkbookSnapshot {
  return JSON.parse(JSON.stringify(wb)) as WorkbookSnapshot;
}
