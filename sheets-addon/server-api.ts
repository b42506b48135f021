/**
 * The contract between the sidebar (sidebar-host.ts, in the browser) and the server
 * functions of Code.gs (generated wrappers → server.ts SERVER_FUNCTIONS, in Apps Script),
 * called through google.script.run. Types only: nothing here ends up in either bundle.
 *
 * Everything crossing google.script.run must be plain JSON: Apps Script drops Dates and
 * class instances (a Date anywhere in a return value can null the whole value).
 */
import type { SERVER_FUNCTIONS } from "./server";

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

/** Drops the first element of a tuple: the services argument the wrappers supply. */
type Tail<T extends readonly unknown[]> = T extends readonly [unknown, ...infer Rest] ? Rest : never;

type ServerFunctions = typeof SERVER_FUNCTIONS;

/**
 * The top-level functions of Code.gs that the sidebar calls, derived from SERVER_FUNCTIONS
 * (server.ts): the same names, the arguments after the services, the same results. The
 * wrappers in Code.gs are generated from that table too (generate.ts), so a function
 * added, renamed or changed there changes this type, and a sidebar call that no longer
 * fits is a compile error.
 */
export type ServerApi = {
  [K in keyof ServerFunctions]: (...args: Tail<Parameters<ServerFunctions[K]>>) => ReturnType<ServerFunctions[K]>;
};

export type ServerFunctionName = keyof ServerApi;
