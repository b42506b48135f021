/**
 * The CLI's adapter: an .xlsx file (read with exceljs) becomes a host-neutral
 * WorkbookSnapshot. Every cell is visited once per sheet; nothing is ever written back.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { IkkError } from "../shared/errors";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import { isoDateText } from "../shared/dates";

/** First bytes of a zip archive (every .xlsx is one) and of an OLE/CFB container. */
const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads the first bytes of a file, with Dutch errors for a missing file or a folder. */
function readHeader(file: string, count: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new IkkError("ONBRUIKBAAR", `Het bestand "${file}" bestaat niet.`);
    if (code === "EACCES" || code === "EPERM") throw new IkkError("ONBRUIKBAAR", `Geen toegang tot het bestand "${file}".`);
    throw new IkkError("ONBRUIKBAAR", `Het bestand "${file}" kan niet geopend worden (${code ?? "onbekende fout"}).`);
  }
  try {
    if (fs.fstatSync(fd).isDirectory()) throw new IkkError("ONBRUIKBAAR", `"${file}" is een map, geen .xlsx-bestand.`);
    const buf = Buffer.alloc(count);
    const n = fs.readSync(fd, buf, 0, count, 0);
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof IkkError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new IkkError("ONBRUIKBAAR", `"${file}" is een map, geen .xlsx-bestand.`);
    throw new IkkError("ONBRUIKBAAR", `Het bestand "${file}" kan niet gelezen worden (${code ?? "onbekende fout"}).`);
  } finally {
    fs.closeSync(fd);
  }
}

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** Refuses files that cannot be an .xlsx before exceljs sees them, with a Dutch reason. */
export function assertXlsxFile(file: string): void {
  const head = readHeader(file, 8);
  const name = path.basename(file);
  if (head.length === 0) throw new IkkError("ONBRUIKBAAR", `Het bestand "${name}" is leeg.`);
  if (startsWith(head, CFB_MAGIC)) {
    throw new IkkError(
      "ONBRUIKBAAR",
      `Het bestand "${name}" is met een wachtwoord beveiligd (versleuteld) of is een oud Excel 97-2003-bestand (.xls). ` +
        `Sla het op als .xlsx zonder wachtwoord en probeer het opnieuw.`,
    );
  }
  if (!startsWith(head, ZIP_MAGIC)) {
    throw new IkkError("ONBRUIKBAAR", `Het bestand "${name}" is geen Excel-werkmap (.xlsx). Sla het in Excel, LibreOffice of Google Spreadsheets op als .xlsx.`);
  }
}

/** Rich text runs joined to one string. */
function richTextString(v: { richText: Array<{ text?: string }> }): string {
  return v.richText.map((r) => r.text ?? "").join("");
}


/**
 * A plain value as exceljs hands it over (a cell value that is not a formula, or the
 * cached result of a formula) → a snapshot value.
 */
export function snapshotValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDateText(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return richTextString(o as { richText: Array<{ text?: string }> });
    // Hyperlink: { text, hyperlink }; its text may itself be rich text.
    if ("hyperlink" in o || "text" in o) return snapshotValue(o.text ?? null);
  }
  return String(v);
}

/** The formula of a formula cell with a leading "=", or null. Shared formulas are translated by exceljs. */
function formulaText(cell: ExcelJS.Cell): string | null {
  const f = cell.formula;
  if (typeof f !== "string" || f === "") return null;
  return f.startsWith("=") ? f : "=" + f;
}

/**
 * The hidden state of a sheet as exceljs reads it from the state attribute of its <sheet>
 * element in xl/workbook.xml ('visible' | 'hidden' | 'veryHidden'); null when visible.
 */
export function sheetVisibility(state: unknown): "hidden" | "veryHidden" | null {
  return state === "hidden" || state === "veryHidden" ? state : null;
}

/** One worksheet in one pass over its stored cells; a hidden sheet says so (visibility). */
export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | null = null;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    let line: CellValue[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      let value: CellValue;
      let formula: string | null = null;
      switch (cell.type) {
        case ExcelJS.ValueType.Formula: {
          formula = formulaText(cell);
          value = snapshotValue(cell.result);
          break;
        }
        case ExcelJS.ValueType.Merge:
          // The top-left cell of a merged range holds the value, as in Excel's own API.
          return;
        default:
          value = snapshotValue(cell.value);
      }
      if (value === null && formula === null) return;
      if (!line) line = values[r] = [];
      while (line.length < c) line.push(null);
      line[c] = value;
      if (formula !== null) {
        if (!formulas) formulas = [];
        const fl = formulas[r] ?? (formulas[r] = []);
        while (fl.length < c) fl.push(null);
        fl[c] = formula;
      }
    });
  });
  const sheet: SheetSnapshot = { name: ws.name, values: denseRows(values) };
  if (formulas) sheet.formulas = shapeLike(formulas, sheet.values);
  const visibility = sheetVisibility(ws.state);
  if (visibility) sheet.visibility = visibility;
  return sheet;
}

/** Fills the holes a sparse row array has (rows without cells) with empty rows. */
function denseRows<T>(rows: T[][]): T[][] {
  const out: T[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i] ?? [];
  return out;
}

/** Formulas in the same shape as values: a row per value row, as long as that row. */
function shapeLike(formulas: (string | null)[][], values: CellValue[][]): (string | null)[][] {
  const out: (string | null)[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const f = formulas[i] ?? [];
    while (f.length < values[i].length) f.push(null);
    out[i] = f;
  }
  return out;
}

/** The whole workbook; `name` is the file name for messages. */
export function workbookSnapshot(wb: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetSnapshot(ws));
  });
  return name === undefined ? { sheets } : { sheets, name };
}

/** Worksheet XML parts without values, formulas or number formats: not needed for a check. */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "pageMargins", "pageSetup", "headerFooter", "printOptions", "rowBreaks", "colBreaks", "drawing", "picture", "extLst", "tableParts", "autoFilter"];

/** Loads an .xlsx file with exceljs; every failure becomes a Dutch ONBRUIKBAAR error. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  assertXlsxFile(file);
  const wb = new ExcelJS.Workbook();
  try {
    // Worksheet parts the check never uses are skipped while parsing.
    await wb.xlsx.readFile(file, { ignoreNodes: IGNORED_NODES } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new IkkError(
      "ONBRUIKBAAR",
      `Het bestand "${path.basename(file)}" kan niet als Excel-werkmap gelezen worden; het is beschadigd of geen .xlsx (${detail}).`,
    );
  }
  // A zip without a workbook part loads as a workbook without sheets; every real .xlsx has one.
  if (wb.worksheets.length === 0) {
    throw new IkkError("ONBRUIKBAAR", `Het bestand "${path.basename(file)}" bevat geen werkbladen; het is geen geldige Excel-werkmap.`);
  }
  return wb;
}

/** An .xlsx file as a WorkbookSnapshot. */
export async function readXlsx(file: string): Promise<WorkbookSnapshot> {
  const wb = await loadWorkbook(file);
  return workbookSnapshot(wb, path.basename(file));
}
