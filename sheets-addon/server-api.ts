/**
 * The contract between the sidebar (sidebar-host.ts, in the browser) and the server
 * functions of Code.js (server.js → server.ts, in Apps Script), called through
 * google.script.run. Types only: nothing here ends up in either bundle.
 *
 * Everything crossing google.script.run must be plain JSON: Apps Script drops Dates and
 * class instances (a Date anywhere in a return value can null the whole value).
 */
import type { CellMark } from "../shared/panel/host";
import type { SheetSnapshot } from "../shared/validate/types";

/** One sheet in ikkListSheets: its name and the size of its used range (0 × 0 when empty). */
export interface SheetInfo {
  name: string;
  rows: number;
  columns: number;
  /** Sheet.isSheetHidden(): the user hid the sheet (absent when visible). */
  hidden?: boolean;
}

export interface SheetList {
  /** Name of the spreadsheet (for messages). */
  name: string;
  sheets: SheetInfo[];
}

/** The top-level functions of Code.js that the sidebar calls (server.js). */
export interface ServerApi {
  ikkListSheets(): SheetList;
  ikkReadSheet(name: string): SheetSnapshot;
  ikkSelectCell(sheet: string, a1: string): void;
  ikkApplyMarks(marks: CellMark[]): void;
  ikkClearMarks(): void;
  ikkWriteReport(rows: string[][]): void;
  ikkRemoveReport(): void;
  /** The stored panel settings as JSON text, or null when none were saved. */
  ikkLoadSettings(): string | null;
  /** Store the panel settings (JSON text of PanelSettings). */
  ikkSaveSettings(json: string): void;
  /** The user's selection: sheet and A1 ("A1:B2,D4" for several areas), or null when none. */
  ikkGetSelection(): { sheet: string; a1: string } | null;
}

export type ServerFunctionName = keyof ServerApi;
