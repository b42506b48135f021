/**
 * Writes a TemplateWorkbook (shared/template/types.ts) with exceljs: formulas as formulas
 * (the spreadsheet computes them on opening; only the results the builder knows for a new
 * plan are stored, so the check of a file nobody opened yet reads its rows), text always as text
 * (never a formula, even when it starts with "="), number formats, data validation,
 * bold titles and headers, a frozen header and column widths.
 */
import ExcelJS from "exceljs";
import type { TemplateCell, TemplateSheet, TemplateValidationRule, TemplateWorkbook } from "../shared/template/types";

/** A fixed timestamp so writing the same template twice gives the same document properties. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 9, 0, 0));

/** A cached result per formula cell ("Blad!B4" → value), from a recalculation; absent = none. */
export type FormulaResults = Map<string, string | number | boolean | null>;

function cellValue(cell: TemplateCell, result: string | number | boolean | null | undefined): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    const text = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    if (result === undefined || result === null) return { formula: text } as ExcelJS.CellFormulaValue;
    // exceljs writes a string result as <v></v> with t="str": the empty text a spreadsheet saves for =IF(…,"",…).
    return { formula: text, result } as ExcelJS.CellFormulaValue;
  }
  const v = cell.value ?? null;
  // A string stays a string: exceljs writes it as text, also when it starts with "=".
  return v;
}

function dataValidation(rule: TemplateValidationRule): ExcelJS.DataValidation {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "Ongeldige invoer", error: rule.message, showInputMessage: false } as const;
  const r = rule.rule;
  switch (r.kind) {
    case "whole":
    case "decimal":
      return r.max === undefined
        ? { ...base, type: r.kind, operator: "greaterThanOrEqual", formulae: [r.min] }
        : { ...base, type: r.kind, operator: "between", formulae: [r.min, r.max] };
    case "list":
      // A list written in the rule itself: "Vast,Flex" (the values hold no comma or quote).
      return { ...base, type: "list", formulae: [`"${r.values.join(",")}"`] };
    case "custom":
      return { ...base, type: "custom", formulae: [r.formula.startsWith("=") ? r.formula.slice(1) : r.formula] };
  }
}

function writeSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, results?: FormulaResults): void {
  const ws = wb.addWorksheet(sheet.name);
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      // A recalculated result wins; else the result the builder knows for a new plan.
      const recalculated = results?.get(`${sheet.name}!${target.address}`);
      const value = cellValue(cell, cell.formula !== undefined ? (recalculated ?? cell.knownResult) : undefined);
      if (value !== null) target.value = value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      if (cell.bold) target.font = { bold: true };
      if (r + 1 === sheet.frozenRows && cell.bold) {
        target.alignment = { wrapText: true, vertical: "top" };
        target.border = { bottom: { style: "thin" } };
      }
    });
  });
  (sheet.columnWidths ?? []).forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  ws.views = sheet.frozenRows ? [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }] : [{ state: "normal" }];
  // exceljs has worksheet.dataValidations (ranges allowed) but its typings leave it out.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const rule of sheet.validations ?? []) validations.add(rule.range, dataValidation(rule));
}

/** The template as an exceljs workbook (not yet written). */
export function templateToWorkbook(template: TemplateWorkbook, results?: FormulaResults): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ikk-normen";
  wb.lastModifiedBy = "ikk-normen";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  // Compute every formula when the file is opened (no cached results are stored).
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of template.sheets) writeSheet(wb, sheet, results);
  return wb;
}

export async function writeTemplateXlsx(template: TemplateWorkbook, file: string, results?: FormulaResults): Promise<void> {
  await templateToWorkbook(template, results).xlsx.writeFile(file);
}
