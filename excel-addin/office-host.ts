/**
 * The Excel adapter of the validation panel: PanelHost on Office.js (Excel.run).
 *
 * Round trips (context.sync calls) per operation:
 *   readWorkbook  2 + data batches (+1 per split after a payload error):
 *                 1: sheet names, visibility and ids (and the workbook name);
 *                 2: every sheet's used-range position and size only;
 *                 then the cells in row blocks, queued into batches whose response is
 *                 estimated at ≤ READ_TARGET_BYTES (well under Excel on the web's 5 MB).
 *                 A workbook whose sheets each fit in a first block: 3 syncs in all; larger
 *                 ones about 1 per 800 kB of cell data (a 250 000-cell workbook: see
 *                 test/excel-read-blocks.test.ts). Never a sync per sheet, row or cell.
 *   selectCell    2  (1: the sheet's visibility — a hidden sheet gets a Dutch message, not
 *                    an activate that fails; 2: activate + select)
 *   applyMarks    2  (1: sheet names and ids, the workbook's names, the fill of every cell
 *                    of the marks; 2: colour, and a hidden named item per newly marked cell)
 *   clearMarks    3  (1: sheet names and ids, the workbook's names — where each mark is
 *                    now; 2: those cells' current fill; 3: restore the cells that still
 *                    carry a mark colour, delete the named items) — 2 when no marked cell
 *                    can be found any more, 0 when nothing is marked
 *   writeReport   3  (1: sheet names and ids — which sheet is the adapter's own report;
 *                    2: delete it, add, "@" format, values,
 *                    autofit, read back; 3: activate — only after the add was synced, see
 *                    writeReport — together with the apostrophe rewrite of any cell Excel did
 *                    not keep as text) — a 4th only if even that did not hold; a report of
 *                    more than WRITE_BLOCK_BYTES (800 kB) of text: 1 more per further block
 *   removeReport  2  (1 when the adapter's own report sheet is gone; 0 when it never made one)
 *   writeOverview as writeReport (sheet IKK-overzicht, its own record OVERVIEW_KEY)
 *   addPlanSheets 3 for any template size (1: names; 2: add, formats, values, formulas, bold,
 *                 widths, frozen rows, validation, read back; 3: activate + apostrophe
 *                 rewrites), a 4th only after a rewrite — see addPlanSheets
 *   removePlanSheets 3 (1: names and ids; 2: the recorded sheets' contents; 3: delete)
 *
 * Marks: each marked cell is remembered (document settings, MARKS_KEY) with its sheet's
 * id (worksheet.id survives a rename) and a hidden named item that Excel moves with the
 * cell when rows or columns are inserted; before restoring, the cell must still show a
 * mark colour, else it is left alone and reported (ClearMarksResult.skipped).
 * Report sheet: the adapter stores the id and name of the sheet it created (REPORT_KEY);
 * only that sheet is skipped when reading, replaced or removed.
 *   load/saveSettings  0 (document settings; saveAsync is one settings save, not a sync)
 *   getSelection  1
 */
import { assertSheetAreas } from "../shared/validate/budgets";
import type { WorkbookSnapshot } from "../shared/validate/types";
import { rangeAddress } from "../shared/validate/a1";
import { IkkError } from "../shared/errors";
import {
  ACTION_DUTCH,
  HOST_MESSAGES,
  MARKS_KEY,
  SETTINGS_KEY,
  asTextEntry,
  cellsOf,
  decodeReportRecord,
  decodeSavedMarks,
  decodeSettings,
  encodeReportRecord,
  encodeSavedMarks,
  encodeSettings,
  freeSheetName,
  isMarkColour,
  OVERVIEW_KEY,
  isOwnReport,
  REPORT_KEY,
  type SavedMark,
  hostError,
  inPaintOrder,
  rectangularText,
  requireRange,
  textMismatches,
} from "../shared/panel/host-kit";
import type { ClearMarksResult, MarkSkipReason, PlanSheetsAdded, PlanSheetsRemoved, ReportRemoved, ReportWritten } from "../shared/panel/host";
import { CellMark, MARK_COLOURS, OVERVIEW_SHEET_NAME, PanelHost, PanelSettings, ReadProgress, REPORT_SHEET_NAME, SheetSelection } from "../shared/panel/host";
import type { TemplateValidation, TemplateWorkbook } from "../shared/template/types";
import {
  PLAN_KEY,
  columnWidthPoints,
  contentFingerprint,
  decodePlanRecord,
  encodePlanRecord,
  planMismatches,
  planRemoval,
  planTemplate,
  type PlanSheetEntry,
  type PlannedSheet,
  type SheetNow,
} from "../shared/panel/plan-sheets";
import { USED_RANGE_PROPERTIES, UsedRangeData, sheetSnapshot } from "./excel-cells";

/** The document-settings keys (shared with the Sheets adapter in host-kit), re-exported for the tests. */
export { SETTINGS_KEY, MARKS_KEY };

/**
 * The original fill of a marked cell: no fill, or the colour shown (with pattern when not
 * solid). `tintAndShade` only in marks stored by earlier versions; it is not applied again
 * (see restoreFill).
 */
export type OriginalFill = { none: true } | { color: string; pattern?: string; patternColor?: string; tintAndShade?: number };

/** Fill properties loaded with ExcelApi 1.9 (pattern, patternColor and tintAndShade are 1.9). */
const FILL_PROPERTIES_1_9 = ["color", "pattern", "patternColor", "tintAndShade"];

/** The part of Office.Settings the adapter uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } }) => void): void;
}

/** The Office APIs the adapter uses; the defaults are the Office.js globals. */
export interface OfficeApis {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  settings(): DocumentSettings;
  isSetSupported(name: string, version: string): boolean;
}

const GLOBAL_APIS: OfficeApis = {
  run: (batch) => Excel.run(batch),
  settings: () => Office.context.document.settings as unknown as DocumentSettings,
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
};

/** Excel.SheetVisibility ("Visible" | "Hidden" | "VeryHidden") as the snapshot's visibility; null when visible. */
export function snapshotVisibility(v: unknown): "hidden" | "veryHidden" | null {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : null;
}

function cellKey(sheet: string, a1: string): string {
  return `${sheet}\u0000${a1}`;
}

/** Prefix of the hidden named items that follow marked cells ("IKK_MARK_<stamp>_<n>"). */
export const MARK_NAME_PREFIX = "IKK_MARK_";

/**
 * Where a remembered mark is now: { sheet, cell } (current sheet name and address), or why
 * it cannot be found. Its named item wins (it moved with inserted rows and columns and
 * follows renames; "#REF!" once its cells or sheet were deleted); without one (ExcelApi
 * below 1.4, or the name was removed) the sheet by id (by name for marks stored before
 * ids were kept) and the address the mark had.
 */
function markLocator(
  sheets: ReadonlyArray<{ name: string; id: string }>,
  names: ReadonlyArray<{ name: string; type: string; value: unknown }>,
): (e: SavedMark<unknown>) => { sheet: string; cell: string } | { gone: MarkSkipReason } {
  const byId = new Map(sheets.map((ws) => [ws.id, ws.name] as const));
  const byName = new Set(sheets.map((ws) => ws.name));
  const named = new Map(names.filter((n) => n.name.startsWith(MARK_NAME_PREFIX)).map((n) => [n.name.toUpperCase(), n] as const));
  return (e) => {
    const sheet = e.sheetId !== undefined ? byId.get(e.sheetId) : byName.has(e.sheet) ? e.sheet : undefined;
    const item = e.tag ? named.get(e.tag.toUpperCase()) : undefined;
    if (item) {
      const text = typeof item.value === "string" ? item.value.replace(/^=/, "") : "";
      if (item.type !== "Range" || text.includes("#REF!")) return { gone: sheet === undefined ? "sheetGone" : "cellGone" };
      let at: SheetSelection | null = null;
      try {
        at = splitAddress(text);
      } catch {
        at = null;
      }
      if (at && byName.has(at.sheet) && requireRangeOrNull(at.a1)) return { sheet: at.sheet, cell: at.a1 };
      // A range address this code cannot read (not seen in Excel's documented form): fall
      // back to the sheet id and the old address; the fill check still guards the cell.
    }
    if (sheet === undefined) return { gone: "sheetGone" };
    return { sheet, cell: e.cell };
  };
}

function requireRangeOrNull(a1: string): boolean {
  try {
    requireRange(a1);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- errors

/**
 * RichApi error codes of a request or response above Excel on the web's 5 MB: the
 * resource-limits article names RequestPayloadSizeLimitExceeded
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * Excel.ErrorCodes also lists ResponsePayloadSizeLimitExceeded
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes).
 */
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
/** That limit: 5 MB. */
const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

type Action = keyof typeof ACTION_DUTCH;

/**
 * Dutch message for an Office.js error code (Excel.ErrorCodes / OfficeExtension.ErrorCodes,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes and
 * https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling),
 * or null: then host-kit's hostError gives its general Dutch sentence (never a stack trace).
 */
export function excelErrorMessage(code: string, action: Action): string | null {
  switch (code) {
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return `De gegevens zijn te groot voor één verzoek aan Excel bij ${ACTION_DUTCH[action]} (Excel op het web staat per verzoek en per antwoord hoogstens 5 MB toe). Maak de bladen of het bereik kleiner, of gebruik Excel voor Windows of Mac.`;
    case "ItemNotFound":
      return "Een blad of cel uit de controle bestaat niet meer. Controleer de werkmap opnieuw.";
    case "AccessDenied":
      return "Excel staat de wijziging niet toe (is de werkmap of het blad beveiligd, of alleen-lezen geopend?).";
    case "InvalidOperationInCellEditMode":
      return "Excel is een cel aan het bewerken. Druk op Enter of Esc en probeer het opnieuw.";
    case "InvalidOperation":
      return `Excel staat ${ACTION_DUTCH[action]} op dit moment niet toe (is er een blad verborgen of beveiligd, of een dialoogvenster open?). Controleer dat en probeer het opnieuw.`;
    case "InvalidArgument":
    case "InvalidReference":
      return "Excel kon een celadres niet gebruiken. Controleer de werkmap opnieuw.";
    case "ItemAlreadyExists":
      return HOST_MESSAGES.reportExists();
    case "GeneralException":
      return `Excel meldde een interne fout bij ${ACTION_DUTCH[action]}. Probeer het opnieuw; helpt dat niet, sluit het paneel en open het opnieuw.`;
    default:
      return null;
  }
}

/** Any failure of a host call → IkkError with a Dutch message (host-kit's hostError with Excel's code table). */
export function dutchError(e: unknown, action: Action = "readWorkbook"): IkkError {
  return hostError("Excel", action, e, (code) => excelErrorMessage(code, action));
}

function saveDocumentSettings(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      if (String(result?.status) === "failed") {
        reject(new IkkError("ONBRUIKBAAR", `De instellingen konden niet in de werkmap worden opgeslagen${result.error?.message ? ` (${result.error.message})` : ""}.`));
      } else resolve();
    }),
  );
}

// ---------------------------------------------------------------- reading in blocks

/**
 * What a read batch may bring back at most, by estimate: 1 MB, a fifth of Excel on the
 * web's 5 MB response limit (resource-limits article above), so a misestimate by up to 5×
 * still passes. Batches are planned at READ_TARGET_BYTES, leaving room for rows that are
 * longer than the ones measured before.
 */
export const READ_RESPONSE_BUDGET = 1_000_000;
export const READ_TARGET_BYTES = 800_000;
/**
 * Bytes per cell assumed for a sheet's first block, before anything of it was measured: a
 * cautious 400 (a 180-character text, which comes back twice: in values and in formulas;
 * numbers cost 35–45 with all four properties, test/excel-read-blocks.test.ts prints the
 * figures). So a sheet's first block is at most 2 000 cells; its measured size sizes the next.
 */
export const UNMEASURED_BYTES_PER_CELL = 400;
/** Payload errors allowed per readWorkbook (each halves the next batch) before giving up. */
export const MAX_SPLITS = 24;

/** What each block loads (see excel-cells USED_RANGE_PROPERTIES). */
const BLOCK_PROPERTIES = USED_RANGE_PROPERTIES.filter((p) => p !== "rowIndex" && p !== "columnIndex");

/** UTF-8 bytes of a value as JSON: the adapter's measure of a response (what the wire carries, near enough). */
export function jsonByteLength(v: unknown): number {
  const text = JSON.stringify(v) ?? "null";
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface SheetRead {
  index: number;
  name: string;
  visibility: "hidden" | "veryHidden" | null;
  ws: Excel.Worksheet;
  /** The used range (values only): position and size; null when the sheet is empty. */
  box: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;
  /** Rows queued so far (from the top of the used range). */
  queued: number;
  /** Measured bytes per cell of the latest block (undefined before the first). */
  bytesPerCell?: number;
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
}

interface Block {
  sheet: SheetRead;
  /** First row, counted from the top of the used range, and number of rows. */
  row: number;
  rows: number;
}

export class OfficeHost implements PanelHost {
  private readonly apis: OfficeApis;
  /** Every remembered mark, oldest first; null = not yet loaded from the document. */
  private saved: Array<SavedMark<OriginalFill>> | null = null;
  /** Response bytes of each data batch of the last readWorkbook, as the adapter measured them. */
  lastReadBatches: number[] = [];

  constructor(apis: Partial<OfficeApis> = {}) {
    this.apis = { ...GLOBAL_APIS, ...apis };
  }

  private async run<T>(action: Action, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.apis.run(batch);
    } catch (e) {
      throw dutchError(e, action);
    }
  }

  /**
   * Sync 1: names and visibility; sync 2: each sheet's used range (values only,
   * getUsedRangeOrNullObject(true), ExcelApi 1.4) with rowIndex/columnIndex/rowCount/
   * columnCount only; then the cells in row blocks (worksheet.getRange(address), ExcelApi
   * 1.1), several sheets' blocks per batch, each batch estimated at ≤ READ_TARGET_BYTES.
   * Estimates come from the measured size of the sheet's previous block (a sheet's first
   * block is sized at UNMEASURED_BYTES_PER_CELL); a batch that still fails with a payload
   * error is planned again at half its cells at most, up to MAX_SPLITS times; a single row
   * above the limit fails with a Dutch message. Excel on the web: 5 MB per response
   * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
   * Microsoft recommends reading a large range in parts
   * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-large).
   *
   * Loaded per block: values, formulas, valueTypes and numberFormat — the same as one-shot
   * reading, so the snapshot is identical: valueTypes tell an error cell from text like
   * "#REF!", numberFormat tells a date from a number, formulas give the formula text. Loading
   * formulas or numberFormat only where needed would take extra syncs per sheet (and
   * RangeAreas, ExcelApi 1.9); the block size already keeps each response small.
   */
  async readWorkbook(onProgress?: ReadProgress): Promise<WorkbookSnapshot> {
    const withName = this.apis.isSetSupported("ExcelApi", "1.7");
    const batches: number[] = [];
    this.lastReadBatches = batches;
    return this.run("readWorkbook", async (context) => {
      const worksheets = context.workbook.worksheets;
      // Names and visibility (ExcelApi 1.1 for reading) of every sheet in the same load.
      worksheets.load("items/name,items/visibility,items/id");
      if (withName) context.workbook.load("name");
      await context.sync(); // 1
      // The report sheet this adapter created is output, not input; a user's own sheet of
      // that name is read like any other.
      const report = this.reportRecord();
      const overview = this.overviewRecord();
      const used = worksheets.items
        .filter((ws) => !isOwnReport(report, ws) && !isOwnReport(overview, ws))
        .map((ws) => {
          const range = ws.getUsedRangeOrNullObject(true);
          range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
          return { ws, range };
        });
      await context.sync(); // 2
      const sheets: SheetRead[] = used.map(({ ws, range }, index) => ({
        index,
        name: ws.name,
        visibility: snapshotVisibility(ws.visibility),
        ws,
        box: range.isNullObject ? null : { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount },
        queued: 0,
        values: [],
        formulas: [],
        valueTypes: [],
        numberFormat: [],
      }));
      // Area budget before any cell is loaded: a lone value in column XFD would make every row 16 384 cells.
      assertSheetAreas(sheets.map((s) => ({ name: s.name, rows: s.box ? s.box.rowIndex + s.box.rowCount : 0, columns: s.box ? s.box.columnIndex + s.box.columnCount : 0 })));

      const total = sheets.length;
      let current = -1;
      let reported = 0;
      const advance = () => {
        current++;
        if (current < total && current >= reported) {
          reported = current + 1;
          onProgress?.(current + 1, total, sheets[current].name);
        }
      };
      const rowsLeft = (s: SheetRead) => (s.box ? s.box.rowCount - s.queued : 0);
      advance();
      let cellCap = Infinity; // halved after a payload error, lifted after a batch that fits
      let splits = 0;
      while (current < total) {
        const batch: Block[] = [];
        let estimate = 0;
        let cells = 0;
        while (current < total) {
          const s = sheets[current];
          if (rowsLeft(s) === 0) {
            advance();
            continue;
          }
          const cols = s.box!.columnCount;
          const perCell = s.bytesPerCell ?? UNMEASURED_BYTES_PER_CELL;
          let rows = Math.min(Math.floor((READ_TARGET_BYTES - estimate) / (cols * perCell)), Math.floor((cellCap - cells) / cols), rowsLeft(s));
          if (rows < 1) {
            if (batch.length > 0) break;
            rows = 1; // a single row always goes
          }
          batch.push({ sheet: s, row: s.queued, rows });
          s.queued += rows;
          estimate += rows * cols * perCell;
          cells += rows * cols;
          // Unmeasured sheet with rows left: measure this first block before sizing more of it.
          if (s.bytesPerCell === undefined && rowsLeft(s) > 0) break;
        }
        if (batch.length === 0) break;
        try {
          await readBatch(context, batch, batches);
          cellCap = Infinity;
        } catch (e) {
          // Still above Excel's limit (text much longer than measured so far): the batch goes
          // back to the planner, which now takes half its cells at most, and at least 5 MB
          // per cell of what failed.
          const code = errorCode(e);
          if (!code || !PAYLOAD_CODES.has(code) || splits >= MAX_SPLITS || (batch.length === 1 && batch[0].rows === 1)) throw e;
          splits++;
          for (const b of batch) {
            b.sheet.queued = Math.min(b.sheet.queued, b.row);
            b.sheet.bytesPerCell = Math.max(b.sheet.bytesPerCell ?? 0, PAYLOAD_LIMIT_BYTES / cells);
          }
          current = batch[0].sheet.index;
          cellCap = Math.max(1, Math.floor(cells / 2));
        }
      }

      const snapshot = sheets.map((s) => {
        const data: UsedRangeData | null = s.box
          ? { rowIndex: s.box.rowIndex, columnIndex: s.box.columnIndex, values: s.values, formulas: s.formulas, valueTypes: s.valueTypes, numberFormat: s.numberFormat }
          : null;
        const sheet = sheetSnapshot(s.name, data);
        if (s.visibility) sheet.visibility = s.visibility;
        return sheet;
      });
      const name = withName ? context.workbook.name : undefined;
      return name ? { name, sheets: snapshot } : { sheets: snapshot };
    });
  }

  /**
   * Two syncs: the sheet's visibility first (getItem fails with ItemNotFound when the sheet
   * is gone), then activate + select. A hidden or very hidden sheet cannot be shown, so it
   * gets host-kit's Dutch message instead of an activate that fails (or silently does not
   * show the cell). Activating only after the check is why this is not one sync.
   */
  async selectCell(sheet: string, a1: string): Promise<void> {
    requireRange(a1);
    try {
      await this.apis.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.load("visibility");
        await context.sync(); // 1
        if (ws.visibility === "Hidden" || ws.visibility === "VeryHidden") throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.hiddenSheet(sheet, "Excel"));
        ws.activate();
        ws.getRange(a1).select();
        await context.sync(); // 2
      });
    } catch (e) {
      if (errorCode(e) === "ItemNotFound") throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.sheetMissing(sheet, "Excel"));
      throw dutchError(e, "selectCell");
    }
  }

  /** Marks known so far (oldest first): in memory, else from the document (pane reopened). */
  private savedMarks(): Array<SavedMark<OriginalFill>> {
    if (!this.saved) this.saved = decodeSavedMarks(this.apis.settings().get(MARKS_KEY), isOriginalFill);
    return this.saved;
  }

  private async storeSavedMarks(): Promise<void> {
    const settings = this.apis.settings();
    const saved = this.savedMarks();
    if (saved.length === 0) settings.remove(MARKS_KEY);
    else settings.set(MARKS_KEY, encodeSavedMarks(saved));
    await saveDocumentSettings(settings);
  }

  /**
   * Sync 1 loads the sheets (name, id), the workbook's names (where each earlier mark's
   * named item points now) and the fill of every cell of the marks; a cell that an earlier
   * mark already covers where it is now keeps that mark's original. New originals go to
   * memory and the document before sync 2 colours the marks (host-kit's paint order: the
   * most severe colour last) and adds one hidden named item per new cell (ExcelApi 1.4,
   * workbook.names.add): a name moves with its cell when rows or columns are inserted and
   * follows a renamed sheet, so clearMarks finds the cell again.
   */
  async applyMarks(marks: CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    for (const m of marks) requireRange(m.cell);
    const saved = this.savedMarks();
    const withPattern = this.apis.isSetSupported("ExcelApi", "1.9");
    const withNames = this.apis.isSetSupported("ExcelApi", "1.4");
    await this.run("applyMarks", async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      const names = context.workbook.names;
      if (withNames && saved.length > 0) names.load("items/name,items/type,items/value");
      const sheets = new Map<string, Excel.Worksheet>();
      const sheetOf = (name: string) => {
        let ws = sheets.get(name);
        if (!ws) sheets.set(name, (ws = worksheets.getItem(name)));
        return ws;
      };
      const toLoad = new Map<string, { sheet: string; cell: string; fill: Excel.RangeFill }>();
      for (const m of marks) {
        for (const cell of cellsOf(m.cell)) {
          const key = cellKey(m.sheet, cell);
          if (toLoad.has(key)) continue;
          const fill = sheetOf(m.sheet).getRange(cell).format.fill;
          fill.load(withPattern ? FILL_PROPERTIES_1_9 : ["color"]);
          toLoad.set(key, { sheet: m.sheet, cell, fill });
        }
      }
      await context.sync(); // 1
      const where = markLocator(worksheets.items, withNames && saved.length > 0 ? names.items : []);
      const covered = new Set<string>();
      for (const e of saved) {
        const at = where(e);
        if ("sheet" in at) for (const cell of cellsOf(at.cell)) covered.add(cellKey(at.sheet, cell));
      }
      const idOf = new Map(worksheets.items.map((ws) => [ws.name, ws.id] as const));
      const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`.toUpperCase();
      const fresh: Array<SavedMark<OriginalFill>> = [];
      for (const [key, t] of toLoad) {
        if (covered.has(key)) continue;
        const entry: SavedMark<OriginalFill> = { sheet: t.sheet, sheetId: idOf.get(t.sheet), cell: t.cell, fill: originalFill(t.fill, withPattern) };
        if (withNames) entry.tag = `${MARK_NAME_PREFIX}${stamp}_${fresh.length + 1}`;
        fresh.push(entry);
      }
      if (fresh.length > 0) {
        saved.push(...fresh);
        await this.storeSavedMarks();
      }
      for (const e of fresh) {
        if (!e.tag) continue;
        const item = names.add(e.tag, sheetOf(e.sheet).getRange(e.cell), "IKK-normen: markering (wordt verwijderd bij Markeringen wissen)");
        item.visible = false;
      }
      for (const m of inPaintOrder(marks)) paint(sheetOf(m.sheet).getRange(m.cell).format.fill, MARK_COLOURS[m.severity], withPattern);
      await context.sync(); // 2
    });
  }

  /**
   * Sync 1: the sheets (name, id) and the workbook's names, so each mark is found where it
   * is now: by its named item (moved with inserted rows/columns, renamed sheets), else by
   * its sheet id (a renamed sheet) and the address it had. Sync 2: the current fill of
   * those cells. Sync 3: a cell that still carries a mark colour gets its original fill
   * back; any other (the user recoloured it, or it cannot be found) is left untouched and
   * reported; the named items are deleted. Where two marks point at one cell (marked
   * again after it moved), the oldest holds the true original and wins.
   */
  async clearMarks(): Promise<ClearMarksResult> {
    const saved = this.savedMarks();
    if (saved.length === 0) return { restored: 0, skipped: [] };
    const withPattern = this.apis.isSetSupported("ExcelApi", "1.9");
    const withNames = this.apis.isSetSupported("ExcelApi", "1.4");
    const result: ClearMarksResult = { restored: 0, skipped: [] };
    await this.run("clearMarks", async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      const names = context.workbook.names;
      if (withNames) names.load("items/name,items/type,items/value");
      await context.sync(); // 1
      const where = markLocator(worksheets.items, withNames ? names.items : []);
      const targets = new Map<string, { sheet: string; cell: string; fill: OriginalFill; now: Excel.RangeFill }>();
      for (const e of saved) {
        const at = where(e);
        if (!("sheet" in at)) {
          for (const cell of cellsOf(e.cell)) result.skipped.push({ sheet: e.sheet, cell, reason: at.gone });
          continue;
        }
        for (const cell of cellsOf(at.cell)) {
          const key = cellKey(at.sheet, cell);
          if (targets.has(key)) continue; // oldest first: it holds the true original
          const now = worksheets.getItem(at.sheet).getRange(cell).format.fill;
          now.load("color");
          targets.set(key, { sheet: at.sheet, cell, fill: e.fill, now });
        }
      }
      if (targets.size > 0) await context.sync(); // 2
      for (const t of targets.values()) {
        if (!isMarkColour(t.now.color)) {
          result.skipped.push({ sheet: t.sheet, cell: t.cell, reason: "changed" });
          continue;
        }
        restoreFill(worksheets.getItem(t.sheet).getRange(t.cell).format.fill, t.fill, withPattern);
        result.restored++;
      }
      if (withNames) for (const item of names.items) if (item.name.startsWith(MARK_NAME_PREFIX)) item.delete();
      await context.sync(); // 3
    });
    saved.length = 0;
    await this.storeSavedMarks();
    return result;
  }

  /**
   * Text safety: the whole target range gets number format "@" (text) before the values
   * are written in the same batch, so Excel keeps "=HYPERLINK(…)" as text. The values are
   * read back in that batch; any cell Excel still turned into something else (a formula,
   * a number) is rewritten with a leading apostrophe (Excel's text prefix), and if even
   * that does not hold, emptied, and the call fails with a Dutch message.
   *
   * The new sheet is activated only in a batch after the one that added it: Excel on the
   * web did not activate a sheet added in the same batch
   * (https://github.com/OfficeDev/office-js/issues/930; the workaround there and in
   * OfficeDev/office-js-helpers#30 is a sync before activate).
   */
  async writeReport(rows: string[][]): Promise<ReportWritten> {
    return this.writeTextSheet(rows, REPORT_SHEET_NAME, REPORT_KEY, "writeReport");
  }

  /**
   * The overview for parents and staff as text on sheet IKK-overzicht: written exactly as the
   * report (same syncs, "@" before values, read back), its own record (OVERVIEW_KEY), so the
   * tool's earlier overview sheet is replaced and a user's sheet of that name kept.
   */
  async writeOverview(rows: string[][]): Promise<ReportWritten> {
    return this.writeTextSheet(rows, OVERVIEW_SHEET_NAME, OVERVIEW_KEY, "writeOverview");
  }

  /** A text sheet of the tool (report, overview): base name, the document key of its record, the action for messages. */
  private async writeTextSheet(rows: string[][], base: string, key: string, action: "writeReport" | "writeOverview"): Promise<ReportWritten> {
    const table = rectangularText(rows);
    const report = decodeReportRecord(this.apis.settings().get(key));
    let target = base;
    await this.run(action, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync(); // 1
      // Only the sheet this adapter created (its id and name as stored) is replaced; a
      // user's sheet of that name stays and the report goes to a free name.
      const old = worksheets.items.find((w) => isOwnReport(report, w));
      const others = worksheets.items.filter((w) => w !== old).map((w) => w.name);
      target = old ? old.name : freeSheetName(base, others);
      if (old) old.delete();
      const ws = worksheets.add(target);
      ws.load("id");
      const remember = async () => {
        const settings = this.apis.settings();
        settings.set(key, encodeReportRecord({ id: ws.id, name: target }));
        await saveDocumentSettings(settings);
      };
      const height = table.length;
      const width = height > 0 ? table[0].length : 0;
      if (height === 0 || width === 0) {
        await context.sync(); // 2: the sheet exists
        await remember();
        ws.activate();
        await context.sync(); // 3
        return;
      }
      // Rows in blocks whose request (values + "@" per cell) and read-back stay near
      // WRITE_BLOCK_BYTES: one block, and so 3 syncs, for any usual report.
      let wrong: Array<[number, number]> = [];
      let activated = false;
      const blocks = rowBlocks(table, WRITE_BLOCK_BYTES);
      for (let i = 0; i < blocks.length; i++) {
        const [start, end] = blocks[i];
        const part = table.slice(start, end);
        const range = ws.getRangeByIndexes(start, 0, part.length, width);
        range.numberFormat = part.map((r) => r.map(() => "@"));
        range.values = part;
        range.load("values");
        if (i === blocks.length - 1) ws.getRangeByIndexes(0, 0, height, width).format.autofitColumns();
        if (i > 0 && !activated) {
          ws.activate(); // the add is synced by now
          activated = true;
        }
        await context.sync(); // 2 (3, … for a report of more than one block)
        if (i === 0) await remember();
        for (const [r, c] of textMismatches(part, range.values)) wrong.push([start + r, c]);
      }
      if (!activated) ws.activate();
      const fixes = wrong.map(([r, c]) => {
        const cell = ws.getRangeByIndexes(r, c, 1, 1);
        cell.values = [[asTextEntry(table[r][c])]];
        cell.load("values");
        return { r, c, cell };
      });
      await context.sync(); // 3 (or after the last block): activate, and the apostrophe rewrite when Excel did not keep text as text
      wrong = fixes.filter((x) => x.cell.values[0][0] !== table[x.r][x.c]).map((x) => [x.r, x.c]);
      if (wrong.length > 0) {
        for (const [r, c] of wrong) ws.getRangeByIndexes(r, c, 1, 1).clear("Contents");
        await context.sync(); // 4
        throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.reportTextChanged("Excel", wrong.length));
      }
    });
    return { sheet: target };
  }

  /** Deletes the report sheet this adapter created (by id and name); a user's sheet named like it stays. */
  async removeReport(): Promise<ReportRemoved> {
    const report = this.reportRecord();
    if (!report) return { removed: null };
    const removed = await this.run("removeReport", async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync(); // 1
      const old = worksheets.items.find((w) => isOwnReport(report, w));
      if (!old) return null;
      old.delete();
      await context.sync(); // 2
      return old.name;
    });
    const settings = this.apis.settings();
    settings.remove(REPORT_KEY);
    await saveDocumentSettings(settings);
    return { removed };
  }

  /** The report sheet this adapter created, as stored in the document settings (null: none). */
  private reportRecord() {
    return decodeReportRecord(this.apis.settings().get(REPORT_KEY));
  }

  /** The overview sheet this adapter created (null: none). */
  private overviewRecord() {
    return decodeReportRecord(this.apis.settings().get(OVERVIEW_KEY));
  }

  /**
   * "Nieuw plan", 3 syncs for any number of sheets: 1: the sheets' names (which template
   * names are free); 2: per sheet add, number formats ("@" on every text value, null
   * elsewhere = left), values (null where a formula goes), formulas via range.formulas,
   * bold blocks, column widths (format.columnWidth, ExcelApi 1.2), frozen header rows
   * (freezePanes.freezeRows, 1.7), data validation (dataValidation.rule + errorAlert, 1.8;
   * left out where 1.8 is missing), and the used range's values and formulas read back;
   * 3: activate the first new sheet (only after its add was synced, see writeReport) and
   * the apostrophe rewrite of any text Excel did not keep as text — then a 4th reads those
   * sheets again for their fingerprint. The sheets' ids and fingerprints go to the
   * document settings (PLAN_KEY) before anything can fail after the add.
   */
  async addPlanSheets(template: TemplateWorkbook): Promise<PlanSheetsAdded> {
    const withValidation = this.apis.isSetSupported("ExcelApi", "1.8");
    const withFreeze = this.apis.isSetSupported("ExcelApi", "1.7");
    const earlier = decodePlanRecord(this.apis.settings().get(PLAN_KEY));
    let planned: PlannedSheet[] = [];
    await this.run("addPlanSheets", async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync(); // 1
      planned = planTemplate(template, worksheets.items.map((w) => w.name));
      const added = planned.map((p) => {
        const ws = worksheets.add(p.name);
        ws.load("id");
        if (p.height > 0 && p.width > 0) {
          const range = ws.getRangeByIndexes(0, 0, p.height, p.width);
          range.numberFormat = p.numberFormats;
          range.values = p.values.map((row, r) => row.map((v, c) => (p.formulas[r][c] !== null || v === "" ? null : v)));
          if (p.formulaCells.length > 0) range.formulas = p.formulas;
          for (const b of p.boldBlocks) ws.getRangeByIndexes(b.row, b.col, b.rows, b.cols).format.font.bold = true;
        }
        p.columnWidths.forEach((w, c) => {
          if (w > 0) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
        });
        if (withFreeze && p.frozenRows > 0) ws.freezePanes.freezeRows(p.frozenRows);
        if (withValidation) {
          for (const v of p.validations) {
            const target = ws.getRange(v.range);
            target.dataValidation.rule = excelValidationRule(v.rule);
            if (v.message) target.dataValidation.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "IKK-normen" };
          }
        }
        return { p, ws, used: loadContents(ws) };
      });
      await context.sync(); // 2
      const entries: PlanSheetEntry[] = added.map(({ p, ws, used }) => ({ id: ws.id, name: p.name, fingerprint: fingerprintOf(used) }));
      await this.storePlanRecord([...earlier, ...entries]);
      if (added.length > 0) added[0].ws.activate();
      const fixes: Array<{ i: number; r: number; c: number; cell: Excel.Range }> = [];
      added.forEach(({ p, ws, used }, i) => {
        const grid = fromA1(used);
        for (const [r, c] of planMismatches(p, grid.values, grid.formulas)) {
          if (p.formulas[r][c] !== null) throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.planTextChanged("Excel", 1));
          const cell = ws.getRangeByIndexes(r, c, 1, 1);
          cell.values = [[asTextEntry(String(p.values[r][c]))]];
          cell.load("values");
          fixes.push({ i, r, c, cell });
        }
      });
      await context.sync(); // 3
      if (fixes.length === 0) return;
      const wrong = fixes.filter((f) => f.cell.values[0][0] !== planned[f.i].values[f.r][f.c]);
      const again = [...new Set(fixes.map((f) => f.i))].map((i) => ({ i, used: loadContents(added[i].ws) }));
      for (const f of wrong) f.cell.clear("Contents");
      await context.sync(); // 4
      for (const { i, used } of again) entries[i].fingerprint = fingerprintOf(used);
      await this.storePlanRecord([...earlier, ...entries]);
      if (wrong.length > 0) throw new IkkError("ONBRUIKBAAR", HOST_MESSAGES.planTextChanged("Excel", wrong.length));
    });
    const notes: string[] = [];
    if (!withValidation && planned.some((p) => p.validations.length > 0)) notes.push(HOST_MESSAGES.planNoValidation);
    if (!withFreeze && planned.some((p) => p.frozenRows > 0)) notes.push(HOST_MESSAGES.planNoFrozenRows);
    return notes.length ? { sheets: planned.map((p) => p.name), notes } : { sheets: planned.map((p) => p.name) };
  }

  /**
   * Undo "Nieuw plan", 3 syncs: 1: the sheets (name, id); 2: the contents of the recorded
   * sheets still there (their fingerprint); 3: delete those unchanged and with the name they
   * were given. A sheet the tool did not add is never loaded or deleted. The record is then
   * emptied: kept sheets are the user's.
   */
  async removePlanSheets(): Promise<PlanSheetsRemoved> {
    const record = decodePlanRecord(this.apis.settings().get(PLAN_KEY));
    if (record.length === 0) return { removed: [], kept: [] };
    const ids = new Set(record.map((e) => e.id));
    const result = await this.run("removePlanSheets", async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync(); // 1
      const mine = worksheets.items.filter((w) => ids.has(w.id)).map((ws) => ({ ws, used: loadContents(ws) }));
      if (mine.length > 0) await context.sync(); // 2
      const prints = new Map(mine.map(({ ws, used }) => [ws.id, fingerprintOf(used)] as const));
      const now: SheetNow[] = worksheets.items.map((w) => ({ id: w.id, name: w.name, fingerprint: prints.get(w.id) }));
      const { remove, kept } = planRemoval(record, now);
      const gone = new Set(remove.map((x) => x.id));
      for (const w of worksheets.items) if (gone.has(w.id)) w.delete();
      if (remove.length > 0) await context.sync(); // 3
      return { removed: remove.map((x) => x.name), kept };
    });
    const settings = this.apis.settings();
    settings.remove(PLAN_KEY);
    await saveDocumentSettings(settings);
    return result;
  }

  private async storePlanRecord(entries: PlanSheetEntry[]): Promise<void> {
    const settings = this.apis.settings();
    settings.set(PLAN_KEY, encodePlanRecord(entries));
    await saveDocumentSettings(settings);
  }

  async loadSettings(): Promise<PanelSettings | null> {
    return decodeSettings(this.apis.settings().get(SETTINGS_KEY), "Excel");
  }

  async saveSettings(settings: PanelSettings): Promise<void> {
    const doc = this.apis.settings();
    doc.set(SETTINGS_KEY, encodeSettings(settings));
    await saveDocumentSettings(doc);
  }

  /**
   * One sync: workbook.getSelectedRange() with its address ("Blad1!A1:C4",
   * "'Mijn blad'!B2", a whole column "Blad1!A:A"). getSelectedRange fails when several
   * areas are selected (and when no range is, e.g. a chart); Excel documents no error
   * code for that, so any failure here gets one Dutch message naming both causes.
   */
  async getSelection(): Promise<SheetSelection | null> {
    let address: string;
    try {
      address = await this.apis.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address");
        await context.sync();
        return range.address;
      });
    } catch (e) {
      if (errorCode(e) === "AccessDenied" || errorCode(e) === "InvalidOperationInCellEditMode") throw dutchError(e, "getSelection");
      throw new IkkError(
        "ONGELDIGE_INVOER",
        "Excel kon de selectie niet lezen. Selecteer één aaneengesloten bereik of één cel (niet meerdere gebieden tegelijk, geen grafiek of vorm) en probeer het opnieuw.",
      );
    }
    return splitAddress(address);
  }
}

/** A template validation as an Excel.DataValidationRule (https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidationrule). */
export function excelValidationRule(rule: TemplateValidation): Excel.DataValidationRule {
  switch (rule.kind) {
    case "whole":
    case "decimal": {
      const basic: Excel.BasicDataValidation =
        rule.max === undefined ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" } : { formula1: rule.min, formula2: rule.max, operator: "Between" };
      return rule.kind === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
    case "list":
      // Excel's list source is one text with the items separated by commas.
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "custom":
      return { custom: { formula: rule.formula } };
  }
}

/** A worksheet's used range (values only) with what a fingerprint and the read-back need, queued for the next sync. */
function loadContents(ws: Excel.Worksheet): Excel.Range {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["values", "formulas", "rowIndex", "columnIndex"]);
  return used;
}

/** A loaded used range as grids from A1 (empty when the sheet is empty). */
function fromA1(used: Excel.Range): { values: unknown[][]; formulas: unknown[][] } {
  if (used.isNullObject) return { values: [], formulas: [] };
  const pad = <T,>(grid: T[][]): unknown[][] => [
    ...Array.from({ length: used.rowIndex }, () => []),
    ...grid.map((row) => [...Array.from({ length: used.columnIndex }, () => ""), ...row]),
  ];
  return { values: pad(used.values), formulas: pad(used.formulas) };
}

function fingerprintOf(used: Excel.Range): string {
  const g = fromA1(used);
  return contentFingerprint(g.values, g.formulas);
}

/** Target request size of one block of report rows (values and their "@" formats, as JSON). */
export const WRITE_BLOCK_BYTES = 800_000;

/** [start, end) row ranges of the table whose JSON (values + one "@" per cell) stays near maxBytes; at least one row each. */
export function rowBlocks(table: string[][], maxBytes: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let bytes = 0;
  table.forEach((row, r) => {
    const size = jsonByteLength(row) + 4 * row.length + 4;
    if (r > start && bytes + size > maxBytes) {
      out.push([start, r]);
      start = r;
      bytes = 0;
    }
    bytes += size;
  });
  if (table.length > start) out.push([start, table.length]);
  return out;
}

/**
 * Loads one batch of row blocks in one sync and stores each block's rows in its sheet,
 * with the measured bytes per cell of each block for sizing the next. A failed sync (a
 * payload error) leaves the request context usable: readWorkbook plans the rows again and
 * this queues fresh range objects.
 */
async function readBatch(context: Excel.RequestContext, batch: Block[], measured: number[]): Promise<void> {
  const loaded = batch.map((b) => {
    const { rowIndex, columnIndex, columnCount } = b.sheet.box!;
    const range = b.sheet.ws.getRange(rangeAddress(rowIndex + b.row, columnIndex, rowIndex + b.row + b.rows - 1, columnIndex + columnCount - 1));
    range.load(BLOCK_PROPERTIES);
    return { b, range };
  });
  await context.sync();
  let bytes = 0;
  for (const { b, range } of loaded) {
    const block = { values: range.values, formulas: range.formulas, valueTypes: range.valueTypes, numberFormat: range.numberFormat };
    const size = jsonByteLength(block);
    bytes += size;
    b.sheet.bytesPerCell = size / Math.max(1, b.rows * b.sheet.box!.columnCount);
    for (let r = 0; r < b.rows; r++) {
      b.sheet.values[b.row + r] = block.values[r];
      b.sheet.formulas[b.row + r] = block.formulas[r];
      b.sheet.valueTypes[b.row + r] = block.valueTypes[r] as string[];
      b.sheet.numberFormat[b.row + r] = block.numberFormat[r];
    }
  }
  measured.push(bytes);
}

/**
 * An Excel address with sheet → { sheet, a1 }: "Blad1!A1:C4" → Blad1 / A1:C4,
 * "'Mijn blad'!B2" → Mijn blad / B2, "'Jan''s plan'!A:A" → Jan's plan / A:A (quotes
 * stripped, doubled quotes undone, "$" removed). Null for an empty address.
 */
export function splitAddress(address: unknown): SheetSelection | null {
  if (typeof address !== "string" || address.trim() === "") return null;
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) throw new IkkError("ONGELDIGE_INVOER", `Excel gaf een onleesbaar adres voor de selectie: '${text}'.`);
  let sheet = text.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const a1 = text.slice(bang + 1).replace(/\$/g, "");
  if (sheet === "" || a1 === "") throw new IkkError("ONGELDIGE_INVOER", `Excel gaf een onleesbaar adres voor de selectie: '${text}'.`);
  return { sheet, a1 };
}

/**
 * A loaded fill → what to restore. Excel reads "#FFFFFF" for a cell without fill, the same
 * as for a solid white fill (https://github.com/OfficeDev/office-js/issues/6218), and the
 * pattern of an unfilled cell has been reported as null rather than "None"
 * (https://github.com/OfficeDev/office-js/issues/4900). What tells them apart (Microsoft's
 * answer in #4900): tintAndShade is null for "No Fill" and a number for any fill. So with
 * ExcelApi 1.9: pattern "None", or white with tintAndShade null, is no fill. Without 1.9
 * (no pattern, no tintAndShade) "#FFFFFF" is taken as no fill: restoring a white fill as
 * none looks the same, restoring no fill as white would hide the gridlines.
 *
 * tintAndShade is read only for that test and not kept: the loaded color is already the
 * colour shown (see restoreFill).
 */
export function originalFill(
  fill: { color: string | null; pattern?: string | null; patternColor?: string | null; tintAndShade?: number | null },
  withPattern: boolean,
): OriginalFill {
  if (fill.color === null || fill.color === undefined) return { none: true };
  const white = fill.color.toUpperCase() === "#FFFFFF";
  if (withPattern && fill.pattern === "None") return { none: true };
  if (white && (!withPattern || fill.tintAndShade === null || fill.tintAndShade === undefined)) return { none: true };
  const out: { color: string; pattern?: string; patternColor?: string } = { color: fill.color };
  if (withPattern && fill.pattern && fill.pattern !== "Solid") {
    out.pattern = fill.pattern;
    if (fill.patternColor) out.patternColor = fill.patternColor;
  }
  return out;
}

/**
 * Paints a solid colour. With ExcelApi 1.9 tintAndShade is set to 0 after the colour, so a
 * tint the cell had (a theme colour lightened or darkened) cannot tint the new colour:
 * RangeFill.tintAndShade "lightens or darkens a color for the range fill … 0 for the
 * original color" (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefill#excel-excel-rangefill-tintandshade-member).
 */
function paint(target: Excel.RangeFill, color: string, withPattern: boolean): void {
  target.color = color;
  if (withPattern) target.tintAndShade = 0;
}

/**
 * Writes an original fill back. A theme colour with a tint is restored as the colour it
 * showed, with tintAndShade 0: the loaded RangeFill.color is the colour shown — the tint
 * already applied (Excel's own VBA Interior.Color behaves the same) — so writing the tint
 * back as well would apply it twice. Office.js exposes no theme colour of a fill to restore
 * the base colour plus tint instead (RangeFill has color, pattern, patternColor,
 * patternTintAndShade, tintAndShade only:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefill). What is lost: the
 * cell no longer follows a later change of the workbook's theme.
 */
function restoreFill(target: Excel.RangeFill, fill: OriginalFill, withPattern: boolean): void {
  if ("none" in fill) {
    target.clear();
    return;
  }
  paint(target, fill.color, withPattern);
  if (withPattern && fill.pattern && fill.pattern !== "Solid") {
    target.pattern = fill.pattern as Excel.FillPattern;
    if (fill.patternColor) target.patternColor = fill.patternColor;
  }
}

function isOriginalFill(v: unknown): v is OriginalFill {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return o.none === true || typeof o.color === "string";
}
