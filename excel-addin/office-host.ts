/**
 * The Excel adapter of the validation panel: PanelHost on Office.js (Excel.run).
 *
 * Round trips (context.sync calls) per operation, independent of sheet and cell count:
 *   readWorkbook  2  (1: sheet names; 2: every sheet's used range, all queued in one batch)
 *   selectCell    1
 *   applyMarks    2  (1: original fills of the cells not marked before; 2: colour) — 1 when
 *                    every cell was already marked
 *   clearMarks    2  (1: which sheets still exist; 2: restore) — 0 when nothing is marked
 *   writeReport   2  (1: is there a report sheet; 2: delete, add, "@" format, values,
 *                    autofit, read back) — a 3rd/4th only if Excel did not keep text as text
 *   removeReport  2  (1 when there is no report sheet)
 *   load/saveSettings  0 (document settings; saveAsync is one settings save, not a sync)
 *   getSelection  1
 * Never a sync per sheet, per row or per cell.
 */
import type { WorkbookSnapshot } from "../shared/validate/types";
import { parseRange } from "../shared/validate/a1";
import { IkkError, isIkkError } from "../shared/errors";
import { cellsOf } from "../shared/panel/host-kit";
import { CellMark, MARK_COLOURS, PanelHost, PanelSettings, ReadProgress, REPORT_SHEET_NAME, SheetSelection } from "../shared/panel/host";
import { USED_RANGE_PROPERTIES, UsedRangeData, rectangular, sheetSnapshot } from "./excel-cells";

/** Document-settings key of the panel settings (JSON text). */
export const SETTINGS_KEY = "ikk-normen.settings";
/** Document-settings key of the original fills of marked cells (JSON text). */
export const MARKS_KEY = "ikk-normen.marks";

/** The original fill of a marked cell: no fill, or a colour (with pattern when not solid, tint when not 0). */
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

/** Severity order for colouring: the most severe colour is written last and wins. */
const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Excel.SheetVisibility ("Visible" | "Hidden" | "VeryHidden") as the snapshot's visibility; null when visible. */
export function snapshotVisibility(v: unknown): "hidden" | "veryHidden" | null {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : null;
}

function cellKey(sheet: string, a1: string): string {
  return `${sheet}\u0000${a1}`;
}

/** Office.js errors → Dutch messages the user can act on; anything else unchanged. */
export function dutchError(e: unknown): unknown {
  if (isIkkError(e)) return e;
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case "ItemNotFound":
      return new IkkError("ONBRUIKBAAR", "Een blad of cel uit de controle bestaat niet meer. Controleer de werkmap opnieuw.");
    case "InvalidArgument":
    case "InvalidReference":
      return new IkkError("ONBRUIKBAAR", "Excel kon een celadres niet gebruiken. Controleer de werkmap opnieuw.");
    case "AccessDenied":
      return new IkkError("ONBRUIKBAAR", "Excel staat de wijziging niet toe (is de werkmap of het blad beveiligd, of alleen-lezen geopend?).");
    case "ItemAlreadyExists":
      return new IkkError("ONBRUIKBAAR", `Het blad '${REPORT_SHEET_NAME}' bestaat al en kon niet worden vervangen.`);
    default:
      return e;
  }
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

function readJsonSetting(settings: DocumentSettings, key: string): unknown {
  const raw = settings.get(key);
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export class OfficeHost implements PanelHost {
  private readonly apis: OfficeApis;
  /** Original fill of every marked cell (key sheet + NUL + A1); null = not yet loaded from the document. */
  private saved: Map<string, { sheet: string; cell: string; fill: OriginalFill }> | null = null;

  constructor(apis: Partial<OfficeApis> = {}) {
    this.apis = { ...GLOBAL_APIS, ...apis };
  }

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.apis.run(batch);
    } catch (e) {
      throw dutchError(e);
    }
  }

  /** Two syncs: the sheet list, then every sheet's used range in one batch. */
  async readWorkbook(onProgress?: ReadProgress): Promise<WorkbookSnapshot> {
    const withName = this.apis.isSetSupported("ExcelApi", "1.7");
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      // Names and visibility (ExcelApi 1.1 for reading) of every sheet in the same load.
      worksheets.load("items/name,items/visibility");
      if (withName) context.workbook.load("name");
      await context.sync(); // 1
      const targets = worksheets.items
        .filter((ws) => ws.name !== REPORT_SHEET_NAME)
        .map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load([...USED_RANGE_PROPERTIES]);
          return { name: ws.name, visibility: snapshotVisibility(ws.visibility), used };
        });
      await context.sync(); // 2
      const total = targets.length;
      const sheets = targets.map((t, i) => {
        onProgress?.(i + 1, total, t.name);
        const sheet = sheetSnapshot(t.name, t.used.isNullObject ? null : (t.used as unknown as UsedRangeData));
        if (t.visibility) sheet.visibility = t.visibility;
        return sheet;
      });
      const name = withName ? context.workbook.name : undefined;
      return name ? { name, sheets } : { sheets };
    });
  }

  /** One sync. */
  async selectCell(sheet: string, a1: string): Promise<void> {
    checkAddress(a1);
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1).select();
      await context.sync();
    });
  }

  /** Original fills known so far: in memory, else from the document (pane reopened). */
  private savedFills(): Map<string, { sheet: string; cell: string; fill: OriginalFill }> {
    if (this.saved) return this.saved;
    const saved = new Map<string, { sheet: string; cell: string; fill: OriginalFill }>();
    const stored = readJsonSetting(this.apis.settings(), MARKS_KEY) as { version?: unknown; cells?: unknown } | null | undefined;
    if (stored && stored.version === 1 && Array.isArray(stored.cells)) {
      for (const entry of stored.cells) {
        if (!Array.isArray(entry) || entry.length !== 3) continue;
        const [sheet, cell, fill] = entry as [unknown, unknown, unknown];
        if (typeof sheet === "string" && typeof cell === "string" && parseRange(cell) && isOriginalFill(fill)) saved.set(cellKey(sheet, cell), { sheet, cell, fill });
      }
    }
    this.saved = saved;
    return saved;
  }

  private async storeSavedFills(): Promise<void> {
    const settings = this.apis.settings();
    const saved = this.savedFills();
    if (saved.size === 0) settings.remove(MARKS_KEY);
    else settings.set(MARKS_KEY, JSON.stringify({ version: 1, cells: [...saved.values()].map((s) => [s.sheet, s.cell, s.fill]) }));
    await saveDocumentSettings(settings);
  }

  /**
   * Sync 1 loads the fill of each cell not marked before (cell by cell, so a range with
   * mixed fills is restored exactly); the originals go to memory and the document before
   * sync 2 colours the marks.
   */
  async applyMarks(marks: CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    for (const m of marks) checkAddress(m.cell);
    const saved = this.savedFills();
    const withPattern = this.apis.isSetSupported("ExcelApi", "1.9");
    await this.run(async (context) => {
      const sheets = new Map<string, Excel.Worksheet>();
      const sheetOf = (name: string) => {
        let ws = sheets.get(name);
        if (!ws) sheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
        return ws;
      };
      const toLoad = new Map<string, { sheet: string; cell: string; fill: Excel.RangeFill }>();
      for (const m of marks) {
        for (const cell of cellsOf(m.cell)) {
          const key = cellKey(m.sheet, cell);
          if (saved.has(key) || toLoad.has(key)) continue;
          const fill = sheetOf(m.sheet).getRange(cell).format.fill;
          fill.load(withPattern ? FILL_PROPERTIES_1_9 : ["color"]);
          toLoad.set(key, { sheet: m.sheet, cell, fill });
        }
      }
      if (toLoad.size > 0) {
        await context.sync(); // 1
        for (const [key, t] of toLoad) saved.set(key, { sheet: t.sheet, cell: t.cell, fill: originalFill(t.fill, withPattern) });
        await this.storeSavedFills();
      }
      const ordered = [...marks].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      for (const m of ordered) sheetOf(m.sheet).getRange(m.cell).format.fill.color = MARK_COLOURS[m.severity];
      await context.sync(); // 2
    });
  }

  /** Sync 1: which sheets still exist; sync 2: every marked cell gets its original fill back. */
  async clearMarks(): Promise<void> {
    const saved = this.savedFills();
    if (saved.size === 0) return;
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync(); // 1
      const existing = new Map(worksheets.items.map((ws) => [ws.name, ws] as const));
      for (const { sheet, cell, fill } of saved.values()) {
        const ws = existing.get(sheet);
        if (!ws) continue; // sheet deleted or renamed since: nothing left to restore
        const target = ws.getRange(cell).format.fill;
        if ("none" in fill) target.clear();
        else {
          target.color = fill.color;
          if (fill.pattern && fill.pattern !== "Solid") {
            target.pattern = fill.pattern as Excel.FillPattern;
            if (fill.patternColor) target.patternColor = fill.patternColor;
          }
          if (typeof fill.tintAndShade === "number" && fill.tintAndShade !== 0) target.tintAndShade = fill.tintAndShade;
        }
      }
      await context.sync(); // 2
    });
    saved.clear();
    await this.storeSavedFills();
  }

  /**
   * Text safety: the whole target range gets number format "@" (text) before the values
   * are written in the same batch, so Excel keeps "=HYPERLINK(…)" as text. The values are
   * read back in that batch; any cell Excel still turned into something else (a formula,
   * a number) is rewritten with a leading apostrophe (Excel's text prefix), and if even
   * that does not hold, emptied, and the call fails with a Dutch message.
   */
  async writeReport(rows: string[][]): Promise<void> {
    const table = rectangular(rows);
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const old = worksheets.getItemOrNullObject(REPORT_SHEET_NAME);
      await context.sync(); // 1
      if (!old.isNullObject) old.delete();
      const ws = worksheets.add(REPORT_SHEET_NAME);
      const height = table.length;
      const width = height > 0 ? table[0].length : 0;
      if (height > 0 && width > 0) {
        const range = ws.getRangeByIndexes(0, 0, height, width);
        range.numberFormat = table.map((r) => r.map(() => "@"));
        range.values = table;
        range.format.autofitColumns();
        range.load("values");
        ws.activate();
        await context.sync(); // 2
        let wrong = mismatches(table, range.values);
        if (wrong.length > 0) {
          const cells = wrong.map(([r, c]) => {
            const cell = ws.getRangeByIndexes(r, c, 1, 1);
            cell.values = [[`'${table[r][c]}`]];
            cell.load("values");
            return { r, c, cell };
          });
          await context.sync(); // 3, only when Excel did not keep text as text
          wrong = cells.filter((x) => x.cell.values[0][0] !== table[x.r][x.c]).map((x) => [x.r, x.c]);
          if (wrong.length > 0) {
            for (const [r, c] of wrong) ws.getRangeByIndexes(r, c, 1, 1).clear("Contents");
            await context.sync(); // 4
            throw new IkkError("ONBRUIKBAAR", `Excel zette ${wrong.length} ${wrong.length === 1 ? "tekst" : "teksten"} in het rapport om in een formule of getal; die cellen zijn leeggemaakt.`);
          }
        }
      } else {
        ws.activate();
        await context.sync(); // 2
      }
    });
  }

  async removeReport(): Promise<void> {
    await this.run(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET_NAME);
      await context.sync(); // 1
      if (old.isNullObject) return;
      old.delete();
      await context.sync(); // 2
    });
  }

  async loadSettings(): Promise<PanelSettings | null> {
    const stored = readJsonSetting(this.apis.settings(), SETTINGS_KEY);
    if (stored === null) return null;
    if (!stored || typeof stored !== "object" || (stored as { version?: unknown }).version !== 1) {
      throw new IkkError("ONBRUIKBAAR", "De opgeslagen instellingen van het IKK-paneel in deze werkmap zijn onleesbaar; ze worden niet gebruikt.");
    }
    return stored as PanelSettings;
  }

  async saveSettings(settings: PanelSettings): Promise<void> {
    const doc = this.apis.settings();
    doc.set(SETTINGS_KEY, JSON.stringify(settings));
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
      const code = (e as { code?: unknown } | null)?.code;
      if (code === "AccessDenied") throw dutchError(e);
      throw new IkkError(
        "ONGELDIGE_INVOER",
        "Excel kon de selectie niet lezen. Selecteer één aaneengesloten bereik of één cel (niet meerdere gebieden tegelijk, geen grafiek of vorm) en probeer het opnieuw.",
      );
    }
    return splitAddress(address);
  }
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

function checkAddress(a1: string): void {
  if (!parseRange(a1)) throw new IkkError("ONGELDIGE_INVOER", `Het celadres '${a1}' is niet te lezen.`);
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
 */
export function originalFill(
  fill: { color: string | null; pattern?: string | null; patternColor?: string | null; tintAndShade?: number | null },
  withPattern: boolean,
): OriginalFill {
  if (fill.color === null || fill.color === undefined) return { none: true };
  const white = fill.color.toUpperCase() === "#FFFFFF";
  if (withPattern && fill.pattern === "None") return { none: true };
  if (white && (!withPattern || fill.tintAndShade === null || fill.tintAndShade === undefined)) return { none: true };
  const out: { color: string; pattern?: string; patternColor?: string; tintAndShade?: number } = { color: fill.color };
  if (withPattern && fill.pattern && fill.pattern !== "Solid") {
    out.pattern = fill.pattern;
    if (fill.patternColor) out.patternColor = fill.patternColor;
  }
  if (withPattern && typeof fill.tintAndShade === "number" && fill.tintAndShade !== 0) out.tintAndShade = fill.tintAndShade;
  return out;
}

function isOriginalFill(v: unknown): v is OriginalFill {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return o.none === true || typeof o.color === "string";
}

/** [row, col] of every cell whose read-back value differs from the text written. */
function mismatches(written: string[][], back: unknown[][]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  written.forEach((row, r) => row.forEach((v, c) => {
    if (back?.[r]?.[c] !== v) out.push([r, c]);
  }));
  return out;
}
