/**
 * The one interface between the validation panel and a spreadsheet host. Every adapter
 * implements it: Excel (Office.js), Google Sheets (Apps Script via google.script.run) and
 * the in-memory host of the demo and the tests (demo/memory-host.ts).
 *
 * Rules for adapters:
 * - Everything crossing this interface is plain JSON (Apps Script drops Dates and classes).
 * - Cell text is data: `writeReport` writes values as text, never as formulas.
 * - Failures reject the promise; the panel turns any rejection into a Dutch message.
 * - Methods are called one at a time (the panel awaits each call), so an adapter needs no
 *   locking of its own.
 */
import type { CheckOptions, Severity, WorkbookSnapshot } from "../validate/types";
import type { TemplateWorkbook } from "../template/types";

/**
 * Name of the sheet the report goes to. A sheet of that name the tool did not create
 * (the user's own) is never replaced, deleted or skipped: the report then goes to a free
 * name ("IKK-rapport (2)"), and adapters recognise their own report sheet by what they
 * stored when creating it (host-kit's ReportSheetRecord), not by its name.
 */
export const REPORT_SHEET_NAME = "IKK-rapport";

/**
 * Name of the overview sheet for parents and staff ("Overzicht als blad"). Like the report:
 * the tool's own earlier overview sheet is replaced; a user's sheet of that name is kept and
 * the overview goes to "IKK-overzicht (2)".
 */
export const OVERVIEW_SHEET_NAME = "IKK-overzicht";

/** Where addPlanSheets put the template's sheets: their names in the workbook, in template order. */
export interface PlanSheetsAdded {
  sheets: string[];
  /** Dutch sentences on what this host could not add (an older Excel without data validation or frozen rows); absent = everything. */
  notes?: string[];
}

/**
 * What removePlanSheets did: the sheets of "Nieuw plan" it deleted, and those it kept because
 * the user changed (edited or renamed) them since they were added. A sheet the tool did not
 * add is never touched and not listed.
 */
export interface PlanSheetsRemoved {
  removed: string[];
  kept: string[];
}

/** Why clearMarks left a marked cell as it is. */
export type MarkSkipReason =
  /** The sheet was deleted. */
  | "sheetGone"
  /** The cell was deleted (its row or column removed). */
  | "cellGone"
  /** The cell no longer carries the mark colour: the user changed its fill, or cells moved in a way the adapter could not follow. */
  | "changed";

/** A marked cell clearMarks did not restore. */
export interface SkippedMark {
  /** The sheet's current name (its name when marked if it is gone). */
  sheet: string;
  /** The cell's current A1 address (its address when marked if it is gone). */
  cell: string;
  reason: MarkSkipReason;
}

/** What clearMarks did: cells given back their original fill, and cells left alone. */
export interface ClearMarksResult {
  restored: number;
  skipped: SkippedMark[];
}

/** Where writeReport put the report. */
export interface ReportWritten {
  sheet: string;
}

/** What removeReport deleted: the report sheet's name, or null when there was none of the tool's own. */
export interface ReportRemoved {
  removed: string | null;
}

/** Progress callback of readWorkbook: sheet `done` of `total` (1-based) is being read. */
export type ReadProgress = (done: number, total: number, sheet: string) => void;

/** One cell (or A1 range) to colour by severity. */
export interface CellMark {
  sheet: string;
  /** A1 address of a cell or range ("B3", "B3:E3"). */
  cell: string;
  severity: Severity;
}

/** Fill colours of the marks; adapters use these so all hosts look alike. */
export const MARK_COLOURS: Readonly<Record<Severity, string>> = Object.freeze({
  error: "#F4CCCC",
  warning: "#FFF2CC",
  info: "#CFE2F3",
});

/**
 * What the panel stores in the document (Excel: document settings / custom XML;
 * Sheets: document properties). Plain JSON; `version` lets later panels migrate it.
 */
export interface PanelSettings {
  version: 1;
  /** Year chosen by the user; absent = detect from the workbook. */
  year?: number;
  /** Facts typed by the user; they win over what the workbook says. */
  overrides?: NonNullable<CheckOptions["overrides"]>;
  /** The table mapping passed to the engine as CheckOptions.mapping (see shared/validate). */
  mapping?: unknown;
  /** Count hidden sheets too (the checkbox "Verborgen bladen meetellen"); absent = not counted. */
  includeHidden?: boolean;
  /** Count BBL students in the fte (checkbox; absent = counted, the default of docs/regels.md). */
  countBbl?: boolean;
  /** Count a beleidsmedewerker who also works on the group in the fte (absent = counted). */
  countPolicyOfficerOnGroup?: boolean;
  /** Reference date of the realisation ("Peildatum realisatie", ISO yyyy-mm-dd); absent = today. */
  asOf?: string;
  /** Month (1–12) from which staff not yet coached are warned about; absent = 9 (september). */
  alertFromMonth?: number;
}

/**
 * What the user has selected in the spreadsheet (PanelHost.getSelection): the sheet and
 * its A1 address without sheet prefix or quotes ("B2", "A3:F20"; a whole column "A:A" or
 * row "3:3" as the host gives it; several areas joined by commas, "A1:B2,D4").
 */
export interface SheetSelection {
  sheet: string;
  a1: string;
}

export interface PanelHost {
  /**
   * Read every sheet's used range (values, and formulas where the host has them).
   * Calls onProgress before reading each sheet, so the panel can show "Blad 3 van 12 lezen…".
   */
  readWorkbook(onProgress?: ReadProgress): Promise<WorkbookSnapshot>;
  /** Activate the sheet and select the cell or range (A1), so the user sees it. */
  selectCell(sheet: string, a1: string): Promise<void>;
  /**
   * Colour the cells by severity (MARK_COLOURS). The adapter remembers each cell's
   * original formatting the first time it marks it, so clearMarks can restore it.
   */
  applyMarks(marks: CellMark[]): Promise<void>;
  /**
   * Remove all marks, restoring the original formatting of the marked cells exactly. A
   * mark follows its cell through sheet renames and inserted rows/columns; a cell that no
   * longer carries the mark colour (the user recoloured it) or is gone is left as it is
   * and reported in `skipped` — never counted as restored.
   */
  clearMarks(): Promise<ClearMarksResult>;
  /**
   * Write the report to a new sheet, every value as text: a value starting with "=" must
   * never become a formula. The tool's own earlier report sheet is replaced; a user's
   * sheet named REPORT_SHEET_NAME is kept and the report goes to a free name.
   */
  writeReport(rows: string[][]): Promise<ReportWritten>;
  /** Delete the tool's own report sheet if it exists (never a user's sheet of that name). */
  removeReport(): Promise<ReportRemoved>;
  /**
   * "Nieuw plan": add the template's sheets to the open workbook with their values, formulas
   * (as formulas), number formats, bold cells, column widths, frozen header rows and data
   * validation. Text values stay text (a value starting with "=" never becomes a formula). A
   * name the workbook already has gets the year ("Locaties 2027", then "Locaties 2027 (2)"),
   * and the template's formulas follow the new names. The adapter remembers the sheets it
   * added (their host ids and a fingerprint of their contents) for removePlanSheets.
   */
  addPlanSheets(template: TemplateWorkbook): Promise<PlanSheetsAdded>;
  /**
   * Undo "Nieuw plan": delete the sheets addPlanSheets added that are unchanged since; a sheet
   * the user edited or renamed is kept (and listed in `kept`); a sheet the tool did not add
   * is never deleted.
   */
  removePlanSheets(): Promise<PlanSheetsRemoved>;
  /**
   * Write the overview for parents and staff to sheet OVERVIEW_SHEET_NAME, every value as
   * text (as writeReport). The tool's own earlier overview sheet is replaced; a user's sheet
   * of that name is kept and the overview goes to a free name.
   */
  writeOverview(rows: string[][]): Promise<ReportWritten>;
  /** The settings stored in the document, or null when none were saved. */
  loadSettings(): Promise<PanelSettings | null>;
  /** Store the settings in the document (replacing earlier ones). */
  saveSettings(settings: PanelSettings): Promise<void>;
  /**
   * The user's current selection, in one host call; null when nothing is selected (no
   * range, e.g. a chart or shape). The panel validates it (view-model `selectionSettings`).
   */
  getSelection(): Promise<SheetSelection | null>;
}
