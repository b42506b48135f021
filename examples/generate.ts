/**
 * Writes the example workbooks examples/plan-2026.xlsx and examples/plan-2024.xlsx from
 * the snapshots in examples/plan-*.ts, with exceljs: formulas with their cached results,
 * text stays text (LRK numbers, Dutch number text), and some formatting so the files look
 * like a user's sheet (bold titles and headers, wrapped headers, column widths).
 *
 *   npx tsx examples/generate.ts          # both examples, next to this file
 *
 * writeSnapshotXlsx is also used by the tests and the benchmark to write variants.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import { cellAddress } from "../shared/validate/a1";
import { plan2024 } from "./plan-2024";
import { plan2026 } from "./plan-2026";

/** A fixed timestamp so regenerating gives the same document properties. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 9, 0, 0));

function isText(v: CellValue): v is string {
  return typeof v === "string";
}

function filled(sheet: SheetSnapshot, r: number): CellValue[] {
  return (sheet.values[r] ?? []).filter((v) => v !== null && v !== "");
}

function allText(sheet: SheetSnapshot, r: number, min: number): boolean {
  const cells = filled(sheet, r);
  return cells.length >= min && cells.every(isText);
}

function holdsNumber(sheet: SheetSnapshot, r: number): boolean {
  return (sheet.values[r] ?? []).some((v) => typeof v === "number");
}

/**
 * Header rows: a row of at least three text cells above a row with numbers, or above a
 * continuation row (text only, column A empty) that is itself above a row with numbers.
 */
function headerRows(sheet: SheetSnapshot): Set<number> {
  const rows = new Set<number>();
  for (let r = 0; r < sheet.values.length; r++) {
    if (!allText(sheet, r, 3)) continue;
    if (holdsNumber(sheet, r + 1)) rows.add(r);
    else if (allText(sheet, r + 1, 1) && (sheet.values[r + 1]?.[0] ?? null) === null && holdsNumber(sheet, r + 2)) {
      rows.add(r);
      rows.add(r + 1);
    }
  }
  return rows;
}

/** A title: a lone text cell in the first column of one of the first rows. */
function isTitleRow(sheet: SheetSnapshot, r: number): boolean {
  const row = sheet.values[r] ?? [];
  const filled = row.filter((v) => v !== null && v !== "");
  return r < 2 && filled.length === 1 && isText(row[0] ?? null);
}

/** The value exceljs should store: formulas without "=" and with their cached result. */
function excelValue(value: CellValue, formula: string | null): ExcelJS.CellValue {
  if (formula !== null) {
    const text = formula.startsWith("=") ? formula.slice(1) : formula;
    if (value === null) return { formula: text } as ExcelJS.CellFormulaValue;
    return { formula: text, result: value as ExcelJS.CellFormulaValue["result"] } as ExcelJS.CellFormulaValue;
  }
  if (value === null) return null;
  if (typeof value === "object") return { error: value.error } as ExcelJS.CellErrorValue;
  return value; // strings stay strings: "=..." text is written as text, never as a formula
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetSnapshot): void {
  const ws = wb.addWorksheet(sheet.name);
  const widths: number[] = [];
  const headers = headerRows(sheet);
  sheet.values.forEach((row, r) => {
    const title = isTitleRow(sheet, r);
    const header = !title && headers.has(r);
    row.forEach((value, c) => {
      const formula = sheet.formulas?.[r]?.[c] ?? null;
      if (value === null && formula === null) return;
      const cell = ws.getCell(cellAddress(r, c));
      cell.value = excelValue(value, formula);
      if (title) cell.font = { bold: true, size: 14 };
      if (header) {
        cell.font = { bold: true };
        cell.alignment = { wrapText: true, vertical: "top" };
        cell.border = { bottom: { style: "thin" } };
      }
      if (isText(value) && value.includes("\n")) cell.alignment = { wrapText: true, vertical: "top" };
      if (!title) {
        const longestLine = isText(value) ? Math.max(...value.split("\n").map((l) => l.length)) : String(value ?? "").length;
        widths[c] = Math.max(widths[c] ?? 8, Math.min(header ? 16 : 40, longestLine + 2));
      }
      if (isText(row[0] ?? null) && /^totaal\b/i.test(String(row[0]))) cell.font = { bold: true };
    });
  });
  widths.forEach((w, c) => {
    if (w) ws.getColumn(c + 1).width = w;
  });
  ws.views = [{ state: "normal", zoomScale: 100 }];
}

/** A snapshot as an exceljs workbook (not yet written). */
export function snapshotToWorkbook(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ikk-normen voorbeeld";
  wb.lastModifiedBy = "ikk-normen voorbeeld";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of snapshot.sheets) writeSheet(wb, sheet);
  return wb;
}

/** Writes a snapshot to an .xlsx file. */
export async function writeSnapshotXlsx(snapshot: WorkbookSnapshot, file: string): Promise<void> {
  await snapshotToWorkbook(snapshot).xlsx.writeFile(file);
}

/** The examples this script writes: file name → snapshot loader. */
export const EXAMPLES: Array<{ file: string; load: () => WorkbookSnapshot }> = [
  { file: "plan-2026.xlsx", load: plan2026 },
  { file: "plan-2024.xlsx", load: plan2024 },
];

export async function generateExamples(outDir: string = __dirname): Promise<string[]> {
  const written: string[] = [];
  for (const { file, load } of EXAMPLES) {
    const target = path.join(outDir, file);
    await writeSnapshotXlsx(load(), target);
    written.push(target);
  }
  return written;
}

if (require.main === module) {
  generateExamples()
    .then((files) => files.forEach((f) => console.log(`geschreven: ${path.relative(process.cwd(), f)}`)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
