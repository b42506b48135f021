/**
 * The server half of the Sheets sidebar: the functions google.script.run calls, over the
 * Apps Script services passed in (so Node tests can pass fakes). SERVER_FUNCTIONS (at the
 * end) is the one list of them: generate.ts writes a top-level wrapper per entry into
 * generated/server.js (part of Code.gs), and server-api.ts derives the sidebar's ServerApi
 * type from it, so the three cannot drift apart. What both spreadsheet adapters share
 * (document keys, codecs, paint order, report text, Dutch messages, hostError) comes from
 * shared/panel/host-kit.ts.
 *
 * Decision: the validation engine runs in the sidebar (browser), not here. Sheets loads
 * Code.gs for every custom-function call, so Code.gs stays small (≤ 150 KB) and holds no
 * panel, engine or zod; the server only reads and writes cells in bulk.
 *
 * Spreadsheet service calls per operation (independent of the number of cells):
 *   listSheets     getSheets + per sheet getName, getLastRow, getLastColumn, isSheetHidden
 *                  (no cell access)
 *   readSheet      getSheetByName, getDataRange, ONE getValues, ONE getFormulas
 *                  (+ getSpreadsheetTimeZone once if the sheet holds dates)
 *   selectCell     getSheetByName, isSheetHidden, activate, getRange, activate (a hidden
 *                  sheet: a Dutch message, nothing activated)
 *   applyMarks     getSheetByName + getSheetId per marked sheet; when marks are remembered
 *                  already, locating them first (as clearMarks does, without removing the
 *                  tags; the finder only when some mark has tags); per marked sheet ONE
 *                  getBackgrounds over the marks' bounding box (one per mark range instead
 *                  when that box exceeds 100 000 cells), ONE addDeveloperMetadata per
 *                  distinct row and per distinct column of the newly marked ranges, then
 *                  per severity ONE getRangeList(...).setBackground
 *   clearMarks     getSheets + getSheetId per sheet; ONE developer-metadata finder over
 *                  the spreadsheet, per found metadata getValue, getLocation, getRow or
 *                  getColumn (and remove); per sheet ONE getBackgrounds over the marks'
 *                  bounding box (the fill check); per sheet and original colour ONE
 *                  getRangeList(...).setBackground
 *   writeReport    getSheets + getName/getSheetId per sheet (which one is the server's own
 *                  report), deleteSheet, insertSheet, getSheetId, setNumberFormat("@"),
 *                  ONE setValues, ONE getValues + ONE getFormulas to verify, autoResize
 *                  (a setValue per cell only for cells Sheets did not keep as text)
 *   getSelection   getActiveRangeList, getRanges, getA1Notation per area, one getSheet().getName()
 *   writeOverview  as writeReport (sheet IKK-overzicht, its own record OVERVIEW_KEY)
 *   addPlanSheets  per added sheet: insertSheet, one RangeList.setNumberFormat per format, ONE
 *                  setValues, one RangeList.setFontWeight, ONE getValues + ONE getFormulas,
 *                  setDataValidation per rule, setColumnWidths per run, setFrozenRows
 *   removePlanSheets getSheets, per recorded sheet ONE getValues + ONE getFormulas, deleteSheet
 * Document properties: marks, settings and the report sheet's id as JSON text (document-store.ts).
 *
 * Marks survive edits: each remembered mark keeps its sheet's id (getSheetId(), stable
 * across renames) and a developer metadata tag on its row and on its column (Sheets moves
 * metadata of a row or column with it when rows or columns are inserted or deleted, and
 * deletes it with its row or column:
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
 * Metadata can sit on a whole row or column, not on one cell, hence the pair. Before a
 * cell is restored it must still show a mark colour; otherwise it is left and reported.
 * The report sheet the server created is recognised by its sheet id stored in the document
 * properties (REPORT_KEY), not by its name.
 *
 * Scopes: PropertiesService and Utilities need no OAuth scope (their reference pages list
 * no "Authorization" section, unlike SpreadsheetApp's methods); the Spreadsheet service's
 * developer-metadata methods (Range.addDeveloperMetadata, createDeveloperMetadataFinder,
 * DeveloperMetadata.getValue/getLocation/remove) list spreadsheets.currentonly among their
 * authorization scopes, so appsscript.json keeps exactly spreadsheets.currentonly +
 * script.container.ui.
 */
import { IkkError, isIkkError } from "../shared/errors";
import { cellAddress } from "../shared/validate/a1";
import { CellMark, MARK_COLOURS } from "../shared/panel/host";
import type { ClearMarksResult, MarkSkipReason, PlanSheetsAdded, PlanSheetsRemoved, ReportRemoved, ReportWritten, SkippedMark } from "../shared/panel/host";
import { OVERVIEW_SHEET_NAME, REPORT_SHEET_NAME } from "../shared/panel/host";
import type { TemplateValidation, TemplateWorkbook } from "../shared/template/types";
import {
  PLAN_KEY,
  blockAddress,
  columnWidthPixels,
  contentFingerprint,
  decodePlanRecord,
  encodePlanRecord,
  planMismatches,
  planRemoval,
  planTemplate,
  type PlanSheetEntry,
  type PlannedSheet,
} from "../shared/panel/plan-sheets";
import {
  ACTION_DUTCH,
  asTextEntry,
  checkSettingsText,
  decodeReportRecord,
  decodeSavedMarks,
  encodeReportRecord,
  encodeSavedMarks,
  freeSheetName,
  isMarkColour,
  OVERVIEW_KEY,
  isOwnReport,
  REPORT_KEY,
  type ReportSheetRecord,
  type SavedMark,
  hostError,
  HOST_MESSAGES,
  MARKS_KEY,
  PAINT_ORDER,
  rectangularText,
  requireRange,
  SETTINGS_KEY,
  textMismatches,
  type HostName,
} from "../shared/panel/host-kit";
import type { CellValue, SheetSnapshot } from "../shared/validate/types";
import type { SheetInfo, SheetList } from "./server-api";
import { PropertyStore, readText, writeText } from "./document-store";

export { MARKS_KEY, SETTINGS_KEY };

/** This host in its users' words (messages). */
const HOST: HostName = "Google Spreadsheets";
/** Largest bounding box (cells) read with one getBackgrounds per sheet. */
export const MAX_BACKGROUND_BOX = 100_000;

/** The parts of SpreadsheetApp's Range the server uses. */
export interface GasRange {
  getValues(): unknown[][];
  getFormulas(): string[][];
  getBackgrounds(): string[][];
  setBackground(color: string | null): unknown;
  setNumberFormat(format: string): unknown;
  setValues(values: unknown[][]): unknown;
  setDataValidation(rule: unknown): unknown;
  setValue(value: unknown): unknown;
  activate(): unknown;
  /** Only on a whole row ("3:3") or column ("B:B") range. */
  addDeveloperMetadata(key: string, value: string): unknown;
}

/** DeveloperMetadata: its value and where it sits now (a row or a column). */
export interface GasMetadata {
  getValue(): string | null;
  getLocation(): { getRow(): { getRow(): number } | null; getColumn(): { getColumn(): number } | null };
  remove(): void;
}

export interface GasSheet {
  getName(): string;
  /** Stable across renames (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetId()). */
  getSheetId(): number;
  getLastRow(): number;
  getLastColumn(): number;
  /** True when the sheet is hidden in the UI (https://developers.google.com/apps-script/reference/spreadsheet/sheet#isSheetHidden()). */
  isSheetHidden(): boolean;
  getDataRange(): GasRange;
  getRange(a1: string): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRangeList(a1Notations: string[]): { setBackground(color: string | null): unknown; setNumberFormat(format: string): unknown; setFontWeight(weight: string | null): unknown };
  activate(): unknown;
  clear(): unknown;
  autoResizeColumns(startColumn: number, numColumns: number): unknown;
  setFrozenRows(rows: number): unknown;
  setColumnWidths(startColumn: number, numColumns: number, width: number): unknown;
}

/** SpreadsheetApp.newDataValidation()'s builder: the calls the server makes (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder). */
export interface GasValidationBuilder {
  requireNumberBetween(start: number, end: number): GasValidationBuilder;
  requireNumberGreaterThanOrEqualTo(number: number): GasValidationBuilder;
  requireValueInList(values: string[], showDropdown: boolean): GasValidationBuilder;
  requireFormulaSatisfied(formula: string): GasValidationBuilder;
  setAllowInvalid(allowInvalid: boolean): GasValidationBuilder;
  setHelpText(text: string): GasValidationBuilder;
  build(): unknown;
}

export interface GasSpreadsheet {
  getName(): string;
  getSheets(): GasSheet[];
  getSheetByName(name: string): GasSheet | null;
  insertSheet(name: string): GasSheet;
  deleteSheet(sheet: GasSheet): unknown;
  getSpreadsheetTimeZone(): string;
  createDeveloperMetadataFinder(): { withKey(key: string): { find(): GasMetadata[] } };
}

/** What the generated wrappers hand over (ikkServices_ in generated/server.js): the active spreadsheet, the document properties, Utilities.formatDate. */
export interface ServerServices {
  spreadsheet: GasSpreadsheet;
  /**
   * Called only by the functions that use document properties. PropertiesService
   * .getDocumentProperties() returns null when the script is neither bound to the
   * spreadsheet nor running as an add-on
   * (https://developers.google.com/apps-script/reference/properties/properties-service).
   */
  properties(): PropertyStore | null;
  formatDate(date: Date, timeZone: string, pattern: string): string;
  /** SpreadsheetApp.newDataValidation() (addPlanSheets only). */
  newDataValidation(): GasValidationBuilder;
}

// ---------------------------------------------------------------- errors

/**
 * Runs a server function; the sidebar shows the message of what it throws, so the throw
 * is a plain Error with a Dutch message (google.script.run hands the failure handler only
 * the message). An IkkError keeps its message; anything else (a Sheets service error, in
 * English) gets host-kit's Dutch sentence around its first line (hostError).
 */
export function serverCall<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const action = (SERVER_ACTIONS as Record<string, keyof typeof ACTION_DUTCH | undefined>)[name];
    const error = action ? hostError(HOST, action, e) : isIkkError(e) ? e : new IkkError("ONBRUIKBAAR", `${HOST} gaf een fout bij ${name}: ${e instanceof Error ? e.message : String(e)}`);
    throw new Error(error.message);
  }
}

function requireSheet(ss: GasSpreadsheet, name: unknown): GasSheet {
  if (typeof name !== "string" || name === "") throw new IkkError("ONGELDIGE_INVOER", HOST_MESSAGES.noSheetName());
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.sheetMissing(name, HOST));
  return sheet;
}

/** The document properties, or a Dutch error when Apps Script has none for this script. */
function documentStore(s: ServerServices): PropertyStore {
  const store = s.properties();
  if (!store) {
    throw new IkkError(
      "ONBRUIKBAAR",
      "Google Spreadsheets geeft dit script geen documenteigenschappen: het script moet aan de spreadsheet gekoppeld zijn (Extensies > Apps Script) of als invoegtoepassing draaien.",
    );
  }
  return store;
}

// ---------------------------------------------------------------- reading

export function listSheets(s: ServerServices): SheetList {
  // The report sheet this server created is output, not input; a user's own sheet of that
  // name is listed like any other.
  const store = s.properties();
  const report = store ? reportRecord(store) : null;
  const overview = store ? decodeReportRecord(readText(store, OVERVIEW_KEY)) : null;
  const all = s.spreadsheet.getSheets();
  const own = report ? ownReportSheet(all, report) : null;
  const ownOverview = overview ? ownReportSheet(all, overview) : null;
  const sheets = all.filter((sheet) => sheet !== own && sheet !== ownOverview).map((sheet): SheetInfo => {
    const info: SheetInfo = { name: sheet.getName(), rows: sheet.getLastRow(), columns: sheet.getLastColumn() };
    if (sheet.isSheetHidden()) info.hidden = true;
    return info;
  });
  return { name: s.spreadsheet.getName(), sheets };
}

function isDate(v: unknown): v is Date {
  // Not instanceof: the value may come from another realm (tests run Code.gs in a vm).
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** A getValues cell → snapshot value: "" → null, Date → ISO text, error text ("#REF!") stays text. */
export function snapshotValue(v: unknown, dateText: (d: Date) => string): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : dateText(v);
  return String(v);
}

/** Drops trailing nulls, so blank cells at the end of a row cost nothing in the reply. */
function trimRow<T>(row: (T | null)[]): (T | null)[] {
  let n = row.length;
  while (n > 0 && row[n - 1] === null) n--;
  return n === row.length ? row : row.slice(0, n);
}

/**
 * One sheet's used range from A1 with exactly one getValues and one getFormulas. Dates
 * become ISO text in the spreadsheet's time zone ("2024-01-01", with a time
 * "2024-01-01T08:30:00"), as the Excel adapter and the CLI give them. Error cells come as
 * their text ("#REF!"); the engine recognises error texts.
 */
export function readSheet(s: ServerServices, name: string): SheetSnapshot {
  const sheet = requireSheet(s.spreadsheet, name);
  const range = sheet.getDataRange();
  const rawValues = range.getValues();
  const rawFormulas = range.getFormulas();
  let timeZone: string | null = null;
  const dateText = (d: Date): string => {
    if (timeZone === null) timeZone = s.spreadsheet.getSpreadsheetTimeZone();
    const text = s.formatDate(d, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
    return text.endsWith("T00:00:00") ? text.slice(0, 10) : text;
  };
  const values = rawValues.map((row) => trimRow(row.map((v) => snapshotValue(v, dateText))));
  const formulas = rawFormulas.map((row) => trimRow(row.map((f) => (typeof f === "string" && f !== "" ? f : null))));
  while (values.length > 0 && values[values.length - 1].length === 0 && (formulas[values.length - 1]?.length ?? 0) === 0) {
    values.pop();
    formulas.pop();
  }
  return { name: sheet.getName(), values, formulas };
}

/**
 * Activates the sheet and selects the cell or range. A finding on a hidden sheet (the user
 * counted hidden sheets in) gets a Dutch message saying so, and nothing is activated: the
 * Sheet reference documents activate() only as making the sheet the active one
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#activate()),
 * not what it does to a hidden sheet, and unhiding is showSheet()'s job, which the user
 * did not ask for. So isSheetHidden() first, and never activate() on a hidden sheet.
 */
export function selectCell(s: ServerServices, sheetName: string, a1: string): void {
  requireRange(a1);
  const sheet = requireSheet(s.spreadsheet, sheetName);
  if (sheet.isSheetHidden()) throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.hiddenSheet(sheetName, HOST));
  sheet.activate();
  sheet.getRange(a1).activate();
}

// ---------------------------------------------------------------- marks

const isColour = (v: unknown): v is string | null => v === null || typeof v === "string";

/** A getBackgrounds colour → what to restore: white (Sheets' "no fill") and empty → null. */
export function originalBackground(colour: unknown): string | null {
  if (typeof colour !== "string") return null;
  const c = colour.trim().toLowerCase();
  return c === "" || c === "#ffffff" || c === "white" ? null : c;
}

/** The remembered marks (host-kit's marks codec, version 1 read too); unreadable → none. */
function readSaved(store: PropertyStore): Array<SavedMark<string | null>> {
  return decodeSavedMarks(readText(store, MARKS_KEY), isColour);
}

/** Developer metadata key of the row and column tags of marks. */
export const MARK_METADATA_KEY = "ikk-normen.mark";

const cellKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

function forEachCell(a1: string, fn: (row: number, col: number) => void): void {
  const r = requireRange(a1);
  for (let row = r.start.row; row <= r.end.row; row++) for (let col = r.start.col; col <= r.end.col; col++) fn(row, col);
}

/** Where a remembered mark is now: its sheet and cells (0-based), or why it cannot be found. */
type Located = { sheet: GasSheet; cells: Array<[number, number]> } | { gone: MarkSkipReason };

/**
 * Finds every remembered mark where it is now: the sheet by id (by name for marks stored
 * before ids were kept), the cells shifted by as many rows and columns as their row and
 * column tags moved. A tag gone (its row or column deleted) → "cellGone". With
 * `removeTags` the tags are removed while they are read.
 */
function locateMarks(s: ServerServices, saved: ReadonlyArray<SavedMark<string | null>>, removeTags: boolean): Located[] {
  const sheets = s.spreadsheet.getSheets();
  const byId = new Map(sheets.map((sh) => [String(sh.getSheetId()), sh] as const));
  const tags = new Map<string, number>();
  if (saved.some((e) => e.tag) || removeTags) {
    for (const md of s.spreadsheet.createDeveloperMetadataFinder().withKey(MARK_METADATA_KEY).find()) {
      const value = md.getValue();
      const where = md.getLocation();
      const row = where.getRow();
      const col = row ? null : where.getColumn();
      if (value && row) tags.set(value, row.getRow() - 1);
      else if (value && col) tags.set(value, col.getColumn() - 1);
      if (removeTags) md.remove();
    }
  }
  return saved.map((e): Located => {
    const sheet = e.sheetId !== undefined ? byId.get(e.sheetId) : sheets.find((sh) => sh.getName() === e.sheet);
    if (!sheet) return { gone: "sheetGone" };
    const r = requireRange(e.cell);
    let dRow = 0;
    let dCol = 0;
    if (e.tag) {
      const [rowTag, colTag] = e.tag.split("|");
      const row = tags.get(rowTag);
      const col = tags.get(colTag);
      if (row === undefined || col === undefined) return { gone: "cellGone" };
      dRow = row - r.start.row;
      dCol = col - r.start.col;
    }
    const cells: Array<[number, number]> = [];
    forEachCell(e.cell, (row, col) => cells.push([row + dRow, col + dCol]));
    return { sheet, cells };
  });
}

/**
 * Colours the marks. The first time a cell is marked its original background is read
 * (one getBackgrounds per sheet over the bounding box of that sheet's marks) and stored
 * in the document properties before anything is coloured, so clearMarks can restore it
 * even after the sidebar was closed; the new marks' rows and columns get developer
 * metadata tags, so clearMarks finds the cells after rows or columns were inserted. A
 * cell an earlier mark already covers where it is now keeps that mark's original.
 */
export function applyMarks(s: ServerServices, marks: CellMark[]): void {
  if (!Array.isArray(marks)) throw new IkkError("ONGELDIGE_INVOER", HOST_MESSAGES.marksNotAList());
  if (marks.length === 0) return;
  for (const m of marks) {
    requireRange(m && m.cell);
    if (!m || !PAINT_ORDER.includes(m.severity)) throw new IkkError("ONGELDIGE_INVOER", HOST_MESSAGES.unknownSeverity(m && m.severity));
  }
  const bySheet = new Map<string, CellMark[]>();
  for (const m of marks) {
    const list = bySheet.get(m.sheet) ?? [];
    list.push(m);
    bySheet.set(m.sheet, list);
  }
  const sheets = new Map<string, GasSheet>();
  for (const name of bySheet.keys()) sheets.set(name, requireSheet(s.spreadsheet, name));

  const store = documentStore(s);
  const saved = readSaved(store);
  const known = new Set<string>();
  if (saved.length > 0) {
    locateMarks(s, saved, false).forEach((at) => {
      if ("sheet" in at) for (const [row, col] of at.cells) known.add(cellKey(String(at.sheet.getSheetId()), row, col));
    });
  }

  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const fresh: Array<SavedMark<string | null>> = [];
  const tagged = new Map<string, { sheet: GasSheet; row?: number; col?: number }>();
  for (const [name, list] of bySheet) {
    const sheet = sheets.get(name)!;
    const id = String(sheet.getSheetId());
    // Mark ranges with at least one cell not remembered yet.
    const pending = list.filter((m) => {
      let any = false;
      forEachCell(m.cell, (row, col) => (any = any || !known.has(cellKey(id, row, col))));
      return any;
    });
    if (pending.length === 0) continue;
    const background = backgroundReader(sheet, pending.map((m) => m.cell));
    const remember = (a1: string, row: number, col: number, colour: string | null) => {
      const rowTag = `${stamp}.${id}.r${row}`;
      const colTag = `${stamp}.${id}.c${col}`;
      tagged.set(rowTag, { sheet, row });
      tagged.set(colTag, { sheet, col });
      fresh.push({ sheet: name, sheetId: id, cell: a1, fill: colour, tag: `${rowTag}|${colTag}` });
    };
    for (const m of pending) {
      const r = requireRange(m.cell);
      const cells: Array<[number, number, string | null]> = [];
      let whole = true;
      forEachCell(m.cell, (row, col) => {
        if (known.has(cellKey(id, row, col))) whole = false;
        else cells.push([row, col, originalBackground(background(row, col))]);
      });
      if (whole && cells.every((f) => f[2] === cells[0][2])) {
        // Every cell of the range is new and alike: one entry for the range.
        remember(m.cell.trim().toUpperCase().replace(/\$/g, ""), r.start.row, r.start.col, cells[0][2]);
      } else {
        for (const [row, col, colour] of cells) remember(cellAddress(row, col), row, col, colour);
      }
      forEachCell(m.cell, (row, col) => known.add(cellKey(id, row, col)));
    }
  }
  if (fresh.length > 0) {
    writeText(store, MARKS_KEY, encodeSavedMarks([...saved, ...fresh]));
    for (const [tag, t] of tagged) {
      const a1 = t.row !== undefined ? `${t.row + 1}:${t.row + 1}` : `${cellAddress(0, t.col!).replace(/\d+$/, "")}:${cellAddress(0, t.col!).replace(/\d+$/, "")}`;
      t.sheet.getRange(a1).addDeveloperMetadata(MARK_METADATA_KEY, tag);
    }
  }

  // Least severe first: where marks overlap, the most severe colour is set last and wins.
  for (const [name, list] of bySheet) {
    const sheet = sheets.get(name)!;
    for (const severity of PAINT_ORDER) {
      const a1s = list.filter((m) => m.severity === severity).map((m) => m.cell);
      if (a1s.length > 0) sheet.getRangeList(a1s).setBackground(MARK_COLOURS[severity]);
    }
  }
}

/**
 * Background of any cell (0-based row, col) inside the given ranges: one getBackgrounds
 * over their bounding box, or one per range when that box is too large.
 */
function backgroundReader(sheet: GasSheet, a1s: string[]): (row: number, col: number) => unknown {
  const ranges = a1s.map((a1) => requireRange(a1));
  const top = Math.min(...ranges.map((r) => r.start.row));
  const left = Math.min(...ranges.map((r) => r.start.col));
  const bottom = Math.max(...ranges.map((r) => r.end.row));
  const right = Math.max(...ranges.map((r) => r.end.col));
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width <= MAX_BACKGROUND_BOX) {
    const grid = sheet.getRange(top + 1, left + 1, height, width).getBackgrounds();
    return (row, col) => grid[row - top]?.[col - left];
  }
  const parts = ranges.map((r, i) => ({ r, grid: sheet.getRange(a1s[i]).getBackgrounds() }));
  return (row, col) => {
    const p = parts.find((x) => row >= x.r.start.row && row <= x.r.end.row && col >= x.r.start.col && col <= x.r.end.col);
    return p ? p.grid[row - p.r.start.row]?.[col - p.r.start.col] : undefined;
  };
}

/**
 * Restores the original background of every remembered cell that still shows a mark
 * colour, where the cell is now (see locateMarks); a cell recoloured since, or gone, is
 * left as it is and reported. Then forgets the marks and removes their tags. Where two
 * marks point at one cell, the oldest holds the true original and wins.
 */
export function clearMarks(s: ServerServices): ClearMarksResult {
  const store = documentStore(s);
  const saved = readSaved(store);
  if (saved.length === 0) return { restored: 0, skipped: [] };
  const located = locateMarks(s, saved, true);
  const skipped: SkippedMark[] = [];
  const targets = new Map<GasSheet, Map<string, { row: number; col: number; colour: string | null }>>();
  located.forEach((at, i) => {
    const e = saved[i];
    if (!("sheet" in at)) {
      forEachCell(e.cell, (row, col) => skipped.push({ sheet: e.sheet, cell: cellAddress(row, col), reason: at.gone }));
      return;
    }
    const cells = targets.get(at.sheet) ?? new Map();
    for (const [row, col] of at.cells) {
      const a1 = cellAddress(row, col);
      if (!cells.has(a1)) cells.set(a1, { row, col, colour: e.fill }); // oldest first
    }
    targets.set(at.sheet, cells);
  });
  let restored = 0;
  for (const [sheet, cells] of targets) {
    const a1s = [...cells.keys()];
    const background = backgroundReader(sheet, a1s);
    const byColour = new Map<string | null, string[]>();
    let name: string | null = null;
    for (const [a1, c] of cells) {
      if (!isMarkColour(background(c.row, c.col))) {
        skipped.push({ sheet: (name ??= sheet.getName()), cell: a1, reason: "changed" });
        continue;
      }
      const list = byColour.get(c.colour) ?? [];
      list.push(a1);
      byColour.set(c.colour, list);
      restored++;
    }
    for (const [colour, list] of byColour) sheet.getRangeList(list).setBackground(colour);
  }
  writeText(store, MARKS_KEY, null);
  return { restored, skipped };
}

// ---------------------------------------------------------------- report

/**
 * Writes the report to a fresh sheet IKK-rapport, every value as text: the range gets
 * number format "@" (plain text) before ONE setValues. The Apps Script reference does not
 * state that "@" stops setValues from parsing "=…" as a formula (the Sheets UI keeps
 * typed text as text in a plain-text cell), so the written range is read back once
 * (getValues + getFormulas): a cell that became a formula or another value is rewritten
 * with a leading apostrophe (Sheets' text prefix, not shown and not part of the value);
 * if even that does not hold, the cell is emptied and the call fails in Dutch.
 */
export function writeReport(s: ServerServices, rows: string[][]): ReportWritten {
  return writeTextSheet(s, rows, REPORT_SHEET_NAME, REPORT_KEY);
}

/** The overview for parents and staff as text on sheet IKK-overzicht: as the report, with its own record (OVERVIEW_KEY). */
export function writeOverview(s: ServerServices, rows: string[][]): ReportWritten {
  return writeTextSheet(s, rows, OVERVIEW_SHEET_NAME, OVERVIEW_KEY);
}

function writeTextSheet(s: ServerServices, rows: string[][], base: string, key: string): ReportWritten {
  // Rows as text, padded to a rectangle (setValues needs one), each cell cut below the cell limit.
  const table = rectangularText(rows);
  const ss = s.spreadsheet;
  const store = documentStore(s);
  const all = ss.getSheets();
  // Only the sheet this server created (its id and name as stored) is replaced; a user's
  // sheet of that name stays and the text goes to a free name.
  let sheet = ownReportSheet(all, decodeReportRecord(readText(store, key)));
  const name = sheet ? sheet.getName() : freeSheetName(base, all.map((sh) => sh.getName()));
  if (sheet && all.length > 1) {
    ss.deleteSheet(sheet);
    sheet = null;
  } else if (sheet) {
    sheet.clear(); // the only sheet cannot be deleted: reuse it
  }
  if (!sheet) sheet = ss.insertSheet(name);
  writeText(store, key, encodeReportRecord({ id: String(sheet.getSheetId()), name }));
  const height = table.length;
  const width = height > 0 ? table[0].length : 0;
  if (height > 0 && width > 0) {
    const range = sheet.getRange(1, 1, height, width);
    range.setNumberFormat("@");
    range.setValues(table);
    // Sheets' getFormulas gives "" for a cell without a formula, so formulas are checked too.
    const wrong = textMismatches(table, range.getValues(), range.getFormulas());
    if (wrong.length > 0) {
      const still = wrong.filter(([r, c]) => {
        const cell = sheet!.getRange(r + 1, c + 1, 1, 1);
        cell.setValue(asTextEntry(table[r][c]));
        return textMismatches([[table[r][c]]], cell.getValues(), cell.getFormulas()).length > 0;
      });
      if (still.length > 0) {
        for (const [r, c] of still) sheet.getRange(r + 1, c + 1, 1, 1).setValue("");
        throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.reportTextChanged(HOST, still.length));
      }
    }
    sheet.autoResizeColumns(1, width);
  }
  sheet.activate();
  return { sheet: name };
}

/** Deletes the report sheet this server created (by stored id and name); a user's sheet named like it stays. */
export function removeReport(s: ServerServices): ReportRemoved {
  const ss = s.spreadsheet;
  const store = documentStore(s);
  const record = reportRecord(store);
  if (!record) return { removed: null };
  const sheets = ss.getSheets();
  const sheet = ownReportSheet(sheets, record);
  if (!sheet) {
    writeText(store, REPORT_KEY, null);
    return { removed: null };
  }
  if (sheets.length <= 1) throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.reportOnlySheet(record.name));
  ss.deleteSheet(sheet);
  writeText(store, REPORT_KEY, null);
  return { removed: record.name };
}

/** The stored record of the report sheet this server created, or null. */
function reportRecord(store: PropertyStore): ReportSheetRecord | null {
  return decodeReportRecord(readText(store, REPORT_KEY));
}

/** The sheet the record names (same id, still the same name), or null. */
function ownReportSheet(sheets: GasSheet[], record: ReportSheetRecord | null): GasSheet | null {
  if (!record) return null;
  return sheets.find((sh) => isOwnReport(record, { id: String(sh.getSheetId()), name: sh.getName() })) ?? null;
}

// ---------------------------------------------------------------- "Nieuw plan"

/** A template validation as a Sheets data validation rule (allowInvalid false: the input is refused, with the template's Dutch help text). */
function sheetsValidation(s: ServerServices, rule: TemplateValidation, range: string, message: string): unknown {
  const first = blockAddress({ ...requireRange(range).start, rows: 1, cols: 1 });
  let b = s.newDataValidation();
  switch (rule.kind) {
    case "whole": {
      // Sheets' builder has no whole-number rule: a formula on the range's first cell (relative, it moves with each cell).
      const max = rule.max === undefined ? "" : `,${first}<=${rule.max}`;
      b = b.requireFormulaSatisfied(`=AND(ISNUMBER(${first}),${first}=INT(${first}),${first}>=${rule.min}${max})`);
      break;
    }
    case "decimal":
      b = rule.max === undefined ? b.requireNumberGreaterThanOrEqualTo(rule.min) : b.requireNumberBetween(rule.min, rule.max);
      break;
    case "list":
      b = b.requireValueInList(rule.values, true);
      break;
    case "custom":
      b = b.requireFormulaSatisfied(rule.formula);
      break;
  }
  b = b.setAllowInvalid(false);
  if (message) b = b.setHelpText(message);
  return b.build();
}

/** Writes one planned sheet into a fresh sheet; returns its contents as read back (values, formulas) for the fingerprint. */
function writePlannedSheet(s: ServerServices, sheet: GasSheet, p: PlannedSheet): { values: unknown[][]; formulas: unknown[][] } {
  let read: { values: unknown[][]; formulas: unknown[][] } = { values: [], formulas: [] };
  if (p.height > 0 && p.width > 0) {
    // Formats first ("@" on every text value), one RangeList per format.
    const byFormat = new Map<string, string[]>();
    for (const b of p.formatBlocks) byFormat.set(b.key, [...(byFormat.get(b.key) ?? []), blockAddress(b)]);
    for (const [format, a1s] of byFormat) sheet.getRangeList(a1s).setNumberFormat(format);
    // ONE setValues for constants and formulas: a value starting with "=" is a formula, except in a plain-text ("@") cell.
    const range = sheet.getRange(1, 1, p.height, p.width);
    range.setValues(p.values.map((row, r) => row.map((v, c) => p.formulas[r][c] ?? v)));
    if (p.boldBlocks.length > 0) sheet.getRangeList(p.boldBlocks.map(blockAddress)).setFontWeight("bold");
    read = { values: range.getValues(), formulas: range.getFormulas() };
    const wrong = planMismatches(p, read.values, read.formulas);
    if (wrong.some(([r, c]) => p.formulas[r][c] !== null)) throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.planTextChanged(HOST, wrong.length));
    if (wrong.length > 0) {
      const still = wrong.filter(([r, c]) => {
        const cell = sheet.getRange(r + 1, c + 1, 1, 1);
        cell.setValue(asTextEntry(String(p.values[r][c])));
        return textMismatches([[String(p.values[r][c])]], cell.getValues(), cell.getFormulas()).length > 0;
      });
      for (const [r, c] of still) sheet.getRange(r + 1, c + 1, 1, 1).setValue("");
      read = { values: range.getValues(), formulas: range.getFormulas() };
      if (still.length > 0) throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.planTextChanged(HOST, still.length));
    }
  }
  for (const v of p.validations) sheet.getRange(v.range).setDataValidation(sheetsValidation(s, v.rule, v.range, v.message));
  // Column widths in pixels, one call per run of equal widths.
  let c = 0;
  while (c < p.columnWidths.length) {
    const w = p.columnWidths[c];
    let end = c + 1;
    while (end < p.columnWidths.length && p.columnWidths[end] === w) end++;
    if (w > 0) sheet.setColumnWidths(c + 1, end - c, columnWidthPixels(w));
    c = end;
  }
  if (p.frozenRows > 0) sheet.setFrozenRows(p.frozenRows);
  return read;
}

/**
 * "Nieuw plan": the template's sheets added to the spreadsheet. Per sheet: insertSheet, ONE
 * RangeList.setNumberFormat per number format, ONE setValues (constants and formulas), ONE
 * RangeList.setFontWeight for the bold cells, ONE getValues + ONE getFormulas (read back:
 * text stayed text, formulas are formulas; the fingerprint), one setDataValidation per
 * validation rule, one setColumnWidths per run of equal widths, setFrozenRows. The sheets'
 * ids and fingerprints are stored (PLAN_KEY) even when a later sheet fails, so the undo
 * finds every sheet that was added.
 */
export function addPlanSheets(s: ServerServices, template: TemplateWorkbook): PlanSheetsAdded {
  const ss = s.spreadsheet;
  const store = documentStore(s);
  const planned = planTemplate(template, ss.getSheets().map((sh) => sh.getName()));
  const earlier = decodePlanRecord(readText(store, PLAN_KEY));
  const entries: PlanSheetEntry[] = [];
  let first: GasSheet | null = null;
  try {
    for (const p of planned) {
      const sheet = ss.insertSheet(p.name);
      first ??= sheet;
      const entry: PlanSheetEntry = { id: String(sheet.getSheetId()), name: p.name, fingerprint: "" };
      entries.push(entry);
      const read = writePlannedSheet(s, sheet, p);
      entry.fingerprint = contentFingerprint(read.values, read.formulas);
    }
  } finally {
    if (entries.length > 0) writeText(store, PLAN_KEY, encodePlanRecord([...earlier, ...entries]));
  }
  if (first) first.activate();
  return { sheets: planned.map((p) => p.name) };
}

/**
 * Undo "Nieuw plan": getSheets, per sheet getSheetId and getName; per recorded sheet still
 * there ONE getDataRange().getValues() + ONE getFormulas() (its fingerprint); deleteSheet for
 * each unchanged one. Edited or renamed ones are kept and named; others are never touched.
 */
export function removePlanSheets(s: ServerServices): PlanSheetsRemoved {
  const ss = s.spreadsheet;
  const store = documentStore(s);
  const record = decodePlanRecord(readText(store, PLAN_KEY));
  if (record.length === 0) return { removed: [], kept: [] };
  const ids = new Set(record.map((e) => e.id));
  const sheets = ss.getSheets().map((sheet) => ({ sheet, id: String(sheet.getSheetId()), name: sheet.getName() }));
  const now = sheets.map((x) => {
    if (!ids.has(x.id)) return { id: x.id, name: x.name };
    const range = x.sheet.getDataRange();
    return { id: x.id, name: x.name, fingerprint: contentFingerprint(range.getValues(), range.getFormulas()) };
  });
  const { remove, kept } = planRemoval(record, now);
  const gone = new Set(remove.map((x) => x.id));
  for (const x of sheets) if (gone.has(x.id)) ss.deleteSheet(x.sheet);
  writeText(store, PLAN_KEY, null);
  return { removed: remove.map((x) => x.name), kept };
}

// ---------------------------------------------------------------- settings

/** The stored settings (JSON text) or null. One getProperty when they fit in one property. */
export function loadSettings(s: ServerServices): string | null {
  return readText(documentStore(s), SETTINGS_KEY);
}

/** Stores the settings (JSON text, checked by host-kit's checkSettingsText). */
export function saveSettings(s: ServerServices, json: string): void {
  writeText(documentStore(s), SETTINGS_KEY, checkSettingsText(json));
}

// ---------------------------------------------------------------- selection

/** The parts of Spreadsheet / RangeList / Range that getSelection uses. */
export interface GasSelectionRange {
  getSheet(): { getName(): string };
  getA1Notation(): string;
}
export interface GasSelectionSpreadsheet {
  /** The user's selected ranges (several when Ctrl-selected), or null when none. */
  getActiveRangeList(): { getRanges(): GasSelectionRange[] } | null;
}

/**
 * The user's selection as plain JSON: { sheet, a1 } with a1 as Sheets gives it ("B2",
 * "A3:F20"; several areas joined by ","), or null when nothing is selected.
 * getActiveRangeList rather than getActiveRange: with several areas selected,
 * getActiveRange returns only the last one, and the panel must refuse such a selection.
 * Service calls: getActiveRangeList, getRanges, per area getA1Notation, getSheet().getName() once.
 */
export function getSelection(s: ServerServices): { sheet: string; a1: string } | null {
  const list = (s.spreadsheet as unknown as GasSelectionSpreadsheet).getActiveRangeList();
  const ranges = list ? list.getRanges() : [];
  if (!ranges || ranges.length === 0) return null;
  return { sheet: String(ranges[0].getSheet().getName()), a1: ranges.map((r) => String(r.getA1Notation())).join(",") };
}

// ---------------------------------------------------------------- the server functions

/**
 * The functions google.script.run may call: name → function(services, ...arguments). The
 * only list of them. generate.ts writes, per entry, a top-level
 *   function ikkX(a, b) { return IKK.serverCall("ikkX", function () { return IKK.server.ikkX(ikkServices_(), a, b); }); }
 * with the parameter names of the function here, and server-api.ts derives ServerApi
 * (what the sidebar may call, with which arguments and result) from this table.
 */
export const SERVER_FUNCTIONS = {
  /** Sheet names, used-range sizes and hidden flags: { name, sheets: [{ name, rows, columns, hidden? }] }. */
  ikkListSheets: listSheets,
  /** One sheet's values and formulas from A1 (one getValues, one getFormulas). */
  ikkReadSheet: readSheet,
  /** Activates the sheet and selects the cell or range (A1); a hidden sheet is a Dutch message. */
  ikkSelectCell: selectCell,
  /** Colours cells by severity, remembering their original backgrounds. */
  ikkApplyMarks: applyMarks,
  /** Restores the original backgrounds of the marked cells that still show a mark colour; what was restored and skipped. */
  ikkClearMarks: clearMarks,
  /** Writes the report as text to a new sheet (IKK-rapport, or a free name beside a user's sheet of that name); its name. */
  ikkWriteReport: writeReport,
  /** Deletes the report sheet the server created, if present; its name or null. */
  ikkRemoveReport: removeReport,
  /** Adds the sheets of a new plan (template) with formulas, formats and validation; their names. */
  ikkAddPlanSheets: addPlanSheets,
  /** Deletes the unchanged sheets the last "Nieuw plan" added; what was removed and kept. */
  ikkRemovePlanSheets: removePlanSheets,
  /** Writes the overview for parents and staff as text to sheet IKK-overzicht; its name. */
  ikkWriteOverview: writeOverview,
  /** The panel settings stored in the document (JSON text), or null. */
  ikkLoadSettings: loadSettings,
  /** Stores the panel settings (JSON text) in the document. */
  ikkSaveSettings: saveSettings,
  /** The user's selection: { sheet, a1 } (several areas joined by ","), or null. */
  ikkGetSelection: getSelection,
};

/** What each server function does, as host-kit's Dutch action (messages about unexpected failures). */
const SERVER_ACTIONS: Readonly<Record<keyof typeof SERVER_FUNCTIONS, keyof typeof ACTION_DUTCH>> = {
  ikkListSheets: "listSheets",
  ikkReadSheet: "readWorkbook",
  ikkSelectCell: "selectCell",
  ikkApplyMarks: "applyMarks",
  ikkClearMarks: "clearMarks",
  ikkWriteReport: "writeReport",
  ikkRemoveReport: "removeReport",
  ikkAddPlanSheets: "addPlanSheets",
  ikkRemovePlanSheets: "removePlanSheets",
  ikkWriteOverview: "writeOverview",
  ikkLoadSettings: "loadSettings",
  ikkSaveSettings: "saveSettings",
  ikkGetSelection: "getSelection",
};
