/**
 * The CLI's adapter: an .xlsx file becomes a host-neutral WorkbookSnapshot. The check uses
 * the CLI's own budgeted reader (cli/xlsx-reader.ts); the exceljs path below stays as the
 * reference its snapshots are tested against. Nothing is ever written back.
 */
import * as fs from "fs";
import { assertRegularInput } from "./input-files";
import { gridSnapshot, newGrid, placeCell } from "./sheet-grid";
import * as path from "path";
import type ExcelJS from "exceljs";
import { IkkError } from "../shared/errors";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import { isoDateText } from "../shared/dates";
import { LIMITS, LIMIT_MESSAGES, limitError, type ReadLimits } from "./limits";
import { NoWorkbookError, readXlsxBuffer } from "./xlsx-reader";
import { ZipFormatError } from "./xlsx-zip";

/** exceljs, loaded only when its path is used (loading it costs about 0,2 s of CPU per process). */
function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs") as typeof ExcelJS;
}

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

/** The MIME type an OpenDocument file stores, uncompressed, as the first entry ("mimetype") of its zip. */
const OPENDOCUMENT_MIME = "application/vnd.oasis.opendocument.";

/** Dutch refusals of formats that are no .xlsx, each with what to do. */
export const REFUSALS = {
  ods: (name: string) =>
    `Het bestand "${name}" is een OpenDocument-bestand; sla het op als .xlsx (in LibreOffice: Bestand > Opslaan als > Excel 2007-365 (.xlsx)) en controleer dat bestand.`,
  xlsb: (name: string) =>
    `Het bestand "${name}" is een binaire Excel-werkmap (.xlsb); die kan niet gelezen worden. Sla het in Excel op als .xlsx (Bestand > Opslaan als > Excel-werkmap) en controleer dat bestand.`,
  csv: (name: string) =>
    `Het bestand "${name}" is een CSV-bestand (.csv): losse tekst zonder werkbladen, tabellen of formules. Open het in Excel of LibreOffice, sla het op als .xlsx en controleer dat bestand.`,
};

/** A refusal by the file's extension (.ods/.ots/.fods, .xlsb, .csv), or null. */
function refusalByName(name: string): string | null {
  const ext = path.extname(name).toLowerCase();
  if (ext === ".ods" || ext === ".ots" || ext === ".fods") return REFUSALS.ods(name);
  if (ext === ".xlsb") return REFUSALS.xlsb(name);
  if (ext === ".csv") return REFUSALS.csv(name);
  return null;
}

/**
 * Is this zip an OpenDocument file? Its first local entry is "mimetype", stored
 * uncompressed, holding "application/vnd.oasis.opendocument.…" (ODF 1.2, part 3, 3.3).
 */
export function isOpenDocumentZip(head: Buffer): boolean {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const method = head.readUInt16LE(8);
  const size = head.readUInt32LE(18);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  if (method !== 0 || nameLength !== 8 || head.toString("latin1", 30, 38) !== "mimetype") return false;
  const start = 30 + nameLength + extraLength;
  return head.toString("latin1", start, Math.min(head.length, start + size)).startsWith(OPENDOCUMENT_MIME);
}

/** Refuses files that cannot be an .xlsx before exceljs sees them, with a Dutch reason. An .xlsm is read (its macros never run). */
export function assertXlsxFile(file: string): void {
  const name = path.basename(file);
  const byName = refusalByName(name);
  // A missing file or a folder is said as such first (readHeader), then the format by name.
  const head = readHeader(file, 256);
  if (byName) throw new IkkError("ONBRUIKBAAR", byName);
  if (head.length === 0) throw new IkkError("ONBRUIKBAAR", `Het bestand "${name}" is leeg.`);
  if (isOpenDocumentZip(head)) throw new IkkError("ONBRUIKBAAR", REFUSALS.ods(name));
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
  const grid = newGrid();
  const { ValueType } = exceljs();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      let value: CellValue;
      let formula: string | null = null;
      switch (cell.type) {
        case ValueType.Formula: {
          formula = formulaText(cell);
          value = snapshotValue(cell.result);
          break;
        }
        case ValueType.Merge:
          // The top-left cell of a merged range holds the value, as in Excel's own API.
          return;
        default:
          value = snapshotValue(cell.value);
      }
      if (value === null && formula === null) return;
      placeCell(grid, r, c, value, formula);
    });
  });
  const sheet = gridSnapshot(ws.name, grid);
  const visibility = sheetVisibility(ws.state);
  if (visibility) sheet.visibility = visibility;
  return sheet;
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

/**
 * Why a zip has no worksheets for exceljs, in Dutch: a binary workbook (.xlsb) or an
 * OpenDocument file under another name says so; otherwise it is no valid workbook. Read only
 * on this error path (the part names stand as plain text in the zip's directory).
 */
function noSheetsReason(file: string): string {
  const name = path.basename(file);
  let bytes: Buffer | null = null;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    bytes = null;
  }
  if (bytes && bytes.includes("xl/workbook.bin")) return REFUSALS.xlsb(name);
  if (bytes && bytes.includes("mimetype") && bytes.includes(OPENDOCUMENT_MIME)) return REFUSALS.ods(name);
  return `Het bestand "${name}" bevat geen werkbladen; het is geen geldige Excel-werkmap (.xlsx). Open het in Excel of LibreOffice en sla het opnieuw op als .xlsx.`;
}

/** Loads an .xlsx file with exceljs; every failure becomes a Dutch ONBRUIKBAAR error. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  assertXlsxFile(file);
  const wb = new (exceljs().Workbook)();
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
  // A zip without a workbook part (xl/workbook.xml) loads as a workbook without sheets; every real .xlsx has one.
  if (wb.worksheets.length === 0) throw new IkkError("ONBRUIKBAAR", noSheetsReason(file));
  return wb;
}

/** An .xlsx file as a WorkbookSnapshot, read by exceljs (the reference the CLI's own reader is tested against). */
export async function readXlsxWithExceljs(file: string): Promise<WorkbookSnapshot> {
  const wb = await loadWorkbook(file);
  return workbookSnapshot(wb, path.basename(file));
}

/**
 * Refuses, before reading a byte, what is no regular file (a FIFO, device or socket would
 * block or never end) and a file over the size budget.
 */
export function assertReadableSize(file: string, limits: ReadLimits = LIMITS): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return; // missing or inaccessible: readHeader says which, in Dutch
  }
  if (st.isDirectory()) return;
  assertRegularInput(file); // a FIFO, device or socket: refused in Dutch, never opened
  if (st.size > limits.maxFileBytes) throw limitError(LIMIT_MESSAGES.fileSize(path.basename(file), st.size, limits.maxFileBytes));
}

/**
 * An .xlsx file as a WorkbookSnapshot, read by the CLI's own reader (cli/xlsx-reader.ts)
 * under the budgets of cli/limits.ts; every failure is a Dutch ONBRUIKBAAR error.
 */
export async function readXlsx(file: string, limits: ReadLimits = LIMITS): Promise<WorkbookSnapshot> {
  assertReadableSize(file, limits);
  assertXlsxFile(file);
  const name = path.basename(file);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IkkError("ONBRUIKBAAR", `Het bestand "${name}" kan niet gelezen worden (${code ?? "onbekende fout"}).`);
  }
  if (buf.length > limits.maxFileBytes) throw limitError(LIMIT_MESSAGES.fileSize(name, buf.length, limits.maxFileBytes));
  try {
    return readXlsxBuffer(buf, name, limits);
  } catch (e) {
    if (e instanceof IkkError) throw e;
    if (e instanceof NoWorkbookError) {
      if (e.reason === "xlsb") throw new IkkError("ONBRUIKBAAR", REFUSALS.xlsb(name));
      if (e.reason === "ods") throw new IkkError("ONBRUIKBAAR", REFUSALS.ods(name));
      throw new IkkError("ONBRUIKBAAR", noSheetsReason(file));
    }
    const detail = e instanceof ZipFormatError ? e.message : "onleesbare inhoud";
    throw new IkkError(
      "ONBRUIKBAAR",
      `Het bestand "${name}" kan niet als Excel-werkmap gelezen worden; het is beschadigd of geen .xlsx (${detail}).`,
    );
  }
}
