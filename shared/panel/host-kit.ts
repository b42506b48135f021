/**
 * What every spreadsheet adapter of the panel shares (Excel: excel-addin/office-host.ts,
 * Google Sheets: sheets-addon/server.ts + sidebar-host.ts): the keys and codecs of what
 * they store in the document, the order marks are painted in, the report as a text
 * rectangle and its read-back check, and the Dutch messages and error wrapper of host
 * calls. Pure and host-free: the adapters keep only the calls into their host.
 */
import { IkkError, isIkkError } from "../errors";
import { cellAddress, parseRange } from "../validate/a1";
import type { Severity } from "../validate/types";
import type { PanelHost, PanelSettings } from "./host";
import { REPORT_SHEET_NAME } from "./host";

// ---------------------------------------------------------------- document keys

/** Document key (Excel: document settings; Sheets: document properties) of the panel settings. */
export const SETTINGS_KEY = "ikk-normen.settings";
/** Document key of the original fills of marked cells. */
export const MARKS_KEY = "ikk-normen.marks";

/** The name of a host in its users' words, for messages. */
export type HostName = "Excel" | "Google Spreadsheets";

/** "werkmap" in Excel, "spreadsheet" in Google Sheets. */
export function documentWord(host: HostName): string {
  return host === "Excel" ? "werkmap" : "spreadsheet";
}

// ---------------------------------------------------------------- settings codec

/** Settings as stored text. */
export function encodeSettings(settings: PanelSettings): string {
  return JSON.stringify(settings);
}

/**
 * Stored settings (JSON text, or an already parsed object) → PanelSettings; null when
 * nothing is stored. Anything unreadable or of another version is a Dutch error: the
 * panel says so and goes on without them.
 */
export function decodeSettings(raw: unknown, host: HostName): PanelSettings | null {
  if (raw === null || raw === undefined || raw === "") return null;
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
  }
  if (!isSettingsObject(parsed)) {
    throw new IkkError("ONBRUIKBAAR", `De opgeslagen instellingen van het IKK-paneel in deze ${documentWord(host)} zijn onleesbaar; ze worden niet gebruikt.`);
  }
  return parsed as PanelSettings;
}

/** Text handed in to be stored (Sheets' server receives JSON text) → that text, checked; Dutch error when not settings. */
export function checkSettingsText(json: unknown): string {
  let parsed: unknown;
  try {
    parsed = typeof json === "string" ? JSON.parse(json) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!isSettingsObject(parsed)) throw new IkkError("ONGELDIGE_INVOER", "De instellingen van het IKK-paneel zijn onleesbaar en zijn niet opgeslagen.");
  return JSON.stringify(parsed);
}

function isSettingsObject(v: unknown): boolean {
  return !!v && typeof v === "object" && !Array.isArray(v) && (v as { version?: unknown }).version === 1;
}

// ---------------------------------------------------------------- marks codec

/** One remembered original fill: sheet, A1 cell or range (all its cells alike), and the host's fill value. */
export type SavedFill<F> = [sheet: string, a1: string, fill: F];

/** The remembered fills as stored text (version 1: { version, cells: [[sheet, a1, fill], ...] }). */
export function encodeMarks<F>(cells: ReadonlyArray<SavedFill<F>>): string {
  return JSON.stringify({ version: 1, cells });
}

/**
 * Stored marks (JSON text or parsed object) → the entries whose sheet is text, whose A1
 * is readable and whose fill passes the host's check. Unreadable or missing → [] (nothing
 * to restore; the cells keep the mark colour, which the user can clear by hand).
 */
export function decodeMarks<F>(raw: unknown, isFill: (v: unknown) => v is F): Array<SavedFill<F>> {
  if (raw === null || raw === undefined || raw === "") return [];
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  const o = parsed as { version?: unknown; cells?: unknown } | null;
  if (!o || typeof o !== "object" || o.version !== 1 || !Array.isArray(o.cells)) return [];
  return o.cells.filter(
    (e): e is SavedFill<F> => Array.isArray(e) && e.length === 3 && typeof e[0] === "string" && typeof e[1] === "string" && parseRange(e[1]) !== null && isFill(e[2]),
  );
}

/** Every single-cell address in an A1 cell or range ("B3:C4" → B3, C3, B4, C4); Dutch error when unreadable. */
export function cellsOf(a1: string): string[] {
  const r = requireRange(a1);
  const out: string[] = [];
  for (let row = r.start.row; row <= r.end.row; row++) {
    for (let col = r.start.col; col <= r.end.col; col++) out.push(cellAddress(row, col));
  }
  return out;
}

/** The parsed A1 cell or range; Dutch error when unreadable. */
export function requireRange(a1: unknown): NonNullable<ReturnType<typeof parseRange>> {
  const r = typeof a1 === "string" ? parseRange(a1) : null;
  if (!r) throw new IkkError("ONGELDIGE_INVOER", `Het celadres '${String(a1)}' is niet te lezen.`);
  return r;
}

// ---------------------------------------------------------------- painting marks

/** Severities from least to most severe: painted in this order, so where marks overlap the most severe colour is written last and wins. */
export const PAINT_ORDER: readonly Severity[] = Object.freeze(["info", "warning", "error"] as Severity[]);

/** The marks in paint order (stable within a severity). */
export function inPaintOrder<M extends { severity: Severity }>(marks: readonly M[]): M[] {
  const rank = (s: Severity) => PAINT_ORDER.indexOf(s);
  return [...marks].sort((a, b) => rank(a.severity) - rank(b.severity));
}

// ---------------------------------------------------------------- report as text

/** Report rows → text padded with "" to the widest row (hosts write a rectangle); Dutch error when not a table. */
export function rectangularText(rows: unknown): string[][] {
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) throw new IkkError("ONGELDIGE_INVOER", "Het rapport is geen tabel (lijst van rijen).");
  const table = (rows as unknown[][]).map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))));
  const width = table.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of table) while (r.length < width) r.push("");
  return table;
}

/**
 * [row, col] of every written cell that did not stay exactly the text written: a value
 * read back that differs, or a formula. Pass `formulas` only from a host whose formulas
 * are "" for a cell without one (Sheets' getFormulas; Excel's range.formulas repeats the
 * value instead).
 */
export function textMismatches(written: string[][], values: unknown[][] | undefined, formulas?: unknown[][]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  written.forEach((row, r) =>
    row.forEach((text, c) => {
      const f = formulas?.[r]?.[c];
      if ((typeof f === "string" && f !== "") || values?.[r]?.[c] !== text) out.push([r, c]);
    }),
  );
  return out;
}

/** Text prefix that makes both hosts keep a value as text ("'=A1" shows =A1). */
export function asTextEntry(text: string): string {
  return `'${text}`;
}

// ---------------------------------------------------------------- messages

/** Dutch messages of host calls, one place for both adapters. */
export const HOST_MESSAGES = {
  sheetMissing: (name: string, host: HostName) => `Het blad '${name}' bestaat niet (meer). Controleer de ${documentWord(host)} opnieuw.`,
  noSheetName: () => "Er is geen bladnaam opgegeven.",
  reportTextChanged: (host: HostName, count: number) =>
    `${host} zette ${count} ${count === 1 ? "tekst" : "teksten"} in het rapport om in een formule of getal; die cellen zijn leeggemaakt.`,
  reportOnlySheet: () => `Het blad '${REPORT_SHEET_NAME}' is het enige blad van de spreadsheet en kan niet worden verwijderd.`,
  reportExists: () => `Het blad '${REPORT_SHEET_NAME}' bestaat al en kon niet worden vervangen.`,
  hiddenSheet: (name: string, host: HostName) =>
    `De cel staat op het verborgen blad '${name}'. Maak het blad eerst zichtbaar (${host === "Excel" ? "rechtsklik op een bladtab > Zichtbaar maken" : "Weergave > Verborgen bladen"}) en klik dan opnieuw op de bevinding.`,
  unknownSeverity: (s: unknown) => `Onbekende ernst van een markering: '${String(s)}'.`,
  marksNotAList: () => "De markeringen zijn geen lijst.",
} as const;

/** What each panel call does, in Dutch, for messages about unexpected failures. */
export const ACTION_DUTCH: Readonly<Record<keyof PanelHost | "listSheets", string>> = Object.freeze({
  listSheets: "het opvragen van de bladen",
  readWorkbook: "het lezen van de bladen",
  selectCell: "het selecteren van een cel",
  applyMarks: "het markeren van cellen",
  clearMarks: "het wissen van de markeringen",
  writeReport: "het schrijven van het rapport",
  removeReport: "het verwijderen van het rapport",
  loadSettings: "het lezen van de instellingen",
  saveSettings: "het opslaan van de instellingen",
  getSelection: "het lezen van de selectie",
});

/**
 * Any failure of a host call → an IkkError with a Dutch message. An IkkError stays as it
 * is; an error the host's code table knows gets that message; anything else gets a Dutch
 * sentence around the host's own (English) text, never a stack trace.
 */
export function hostError(host: HostName, action: keyof typeof ACTION_DUTCH, e: unknown, byCode?: (code: string) => string | null): IkkError {
  if (isIkkError(e)) return e as IkkError;
  const code = (e as { code?: unknown } | null)?.code;
  const known = typeof code === "string" && byCode ? byCode(code) : null;
  if (known) return new IkkError("ONBRUIKBAAR", known);
  const raw = e instanceof Error || (e && typeof e === "object" && "message" in e) ? String((e as { message: unknown }).message) : String(e);
  const detail = firstLine(raw);
  return new IkkError("ONBRUIKBAAR", `${host} gaf een fout bij ${ACTION_DUTCH[action]}${detail ? `: ${detail}` : "."}`);
}

/** The first line of a message, at most 300 characters: never a stack trace. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0].trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/** Runs a host call; any failure becomes hostError(...). */
export async function withHostErrors<T>(host: HostName, action: keyof typeof ACTION_DUTCH, fn: () => Promise<T>, byCode?: (code: string) => string | null): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw hostError(host, action, e, byCode);
  }
}
