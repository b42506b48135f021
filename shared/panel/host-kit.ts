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
import type { ClearMarksResult, MarkSkipReason, PanelHost, PanelSettings } from "./host";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "./host";

// ---------------------------------------------------------------- document keys

/** Document key (Excel: document settings; Sheets: document properties) of the panel settings. */
export const SETTINGS_KEY = "ikk-normen.settings";
/** Document key of the original fills of marked cells. */
export const MARKS_KEY = "ikk-normen.marks";
/** Document key of the report sheet the tool created (ReportSheetRecord). */
export const REPORT_KEY = "ikk-normen.report";
/** Document key of the overview sheet the tool created (a ReportSheetRecord too). */
export const OVERVIEW_KEY = "ikk-normen.overview";

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
  return version1Entries(storedObject(raw), isFill);
}

/** Stored JSON text (or an already parsed value) as an object; null when absent or unreadable. */
function storedObject(raw: unknown): { version?: unknown; cells?: unknown; marks?: unknown } | null {
  if (raw === null || raw === undefined || raw === "") return null;
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  return parsed && typeof parsed === "object" ? (parsed as { version?: unknown; cells?: unknown; marks?: unknown }) : null;
}

/** The readable [sheet, a1, fill] triples of a version-1 object; [] for anything else. */
function version1Entries<F>(o: { version?: unknown; cells?: unknown } | null, isFill: (v: unknown) => v is F): Array<SavedFill<F>> {
  if (!o || o.version !== 1 || !Array.isArray(o.cells)) return [];
  return o.cells.filter(
    (e): e is SavedFill<F> => Array.isArray(e) && e.length === 3 && typeof e[0] === "string" && typeof e[1] === "string" && parseRange(e[1]) !== null && isFill(e[2]),
  );
}

/**
 * One remembered mark (version 2): where it was painted and what was there before.
 * - sheet: the sheet's name when marked (for messages, and the fallback of version-1 marks);
 * - sheetId: the host's stable sheet id (Excel worksheet.id, Sheets getSheetId() as text),
 *   which survives a rename;
 * - cell: A1 cell or range when marked (all its cells had the same fill);
 * - fill: the host's original fill value;
 * - tag: what moves with the cell when rows or columns are inserted (Excel: the name of a
 *   hidden named item; Sheets: "rowToken|columnToken" of developer metadata).
 */
export interface SavedMark<F> {
  sheet: string;
  sheetId?: string;
  cell: string;
  fill: F;
  tag?: string;
}

/** Marks as stored text: { version: 2, marks: [...] }. */
export function encodeSavedMarks<F>(marks: ReadonlyArray<SavedMark<F>>): string {
  return JSON.stringify({ version: 2, marks });
}

/**
 * Stored marks → SavedMark entries: version 2 as stored, version 1 ([sheet, a1, fill]
 * triples) as entries without id or tag (restored by sheet name and address, after the
 * fill check). Unreadable entries are dropped; unreadable text → [].
 */
export function decodeSavedMarks<F>(raw: unknown, isFill: (v: unknown) => v is F): Array<SavedMark<F>> {
  const o = storedObject(raw);
  if (o && o.version === 2 && Array.isArray(o.marks)) {
    return o.marks.filter((m): m is SavedMark<F> => {
      if (!m || typeof m !== "object") return false;
      const e = m as Record<string, unknown>;
      return (
        typeof e.sheet === "string" &&
        typeof e.cell === "string" &&
        parseRange(e.cell) !== null &&
        isFill(e.fill) &&
        (e.sheetId === undefined || typeof e.sheetId === "string") &&
        (e.tag === undefined || typeof e.tag === "string")
      );
    });
  }
  return version1Entries(o, isFill).map(([sheet, cell, fill]) => ({ sheet, cell, fill }));
}

/** True when a colour read from the host is one of the mark colours (case and "#" insensitive). */
export function isMarkColour(colour: unknown): boolean {
  if (typeof colour !== "string") return false;
  const c = colour.trim().toUpperCase().replace(/^#?/, "#");
  return Object.values(MARK_COLOURS).some((m) => m.toUpperCase() === c);
}

/** Dutch words for each reason a mark was not restored. */
export const SKIP_REASON_DUTCH: Readonly<Record<MarkSkipReason, string>> = Object.freeze({
  sheetGone: "het blad bestaat niet meer",
  cellGone: "de cel is verwijderd",
  changed: "de opmaak is na het markeren gewijzigd",
});

/** How many skipped cells the message names one by one. */
const SKIPPED_NAMED = 5;

function cellsWord(n: number): string {
  return `${n} ${n === 1 ? "cel" : "cellen"}`;
}

/**
 * The panel's message after clearMarks, in Dutch. Never says all was restored when some
 * cells were left: "Markeringen gewist: 12 cellen hersteld; 2 cellen niet: Blad1!B3 (de
 * opmaak is na het markeren gewijzigd), … Die cellen zijn niet aangeraakt."
 */
export function clearMarksMessage(result: ClearMarksResult): string {
  const { restored, skipped } = result;
  if (skipped.length === 0) {
    return restored === 0 ? "Er waren geen markeringen om te wissen." : `Markeringen gewist: ${cellsWord(restored)} hersteld; de oorspronkelijke opmaak is terug.`;
  }
  const named = skipped.slice(0, SKIPPED_NAMED).map((s) => `${sheetRef(s.sheet)}!${s.cell} (${SKIP_REASON_DUTCH[s.reason]})`);
  const more = skipped.length > SKIPPED_NAMED ? ` en nog ${skipped.length - SKIPPED_NAMED}` : "";
  return `Markeringen gewist: ${cellsWord(restored)} hersteld; ${cellsWord(skipped.length)} niet: ${named.join(", ")}${more}. Die cellen zijn niet aangeraakt; herstel hun opmaak zo nodig zelf.`;
}

/** A sheet name as written before "!" in a message: quoted when it holds anything but letters, digits and "_". */
function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------- report sheet

/** What an adapter stores about the report sheet it created: the host's stable id and the name it gave it. */
export interface ReportSheetRecord {
  id: string;
  name: string;
}

export function encodeReportRecord(r: ReportSheetRecord): string {
  return JSON.stringify({ version: 1, id: r.id, name: r.name });
}

/** Stored record → ReportSheetRecord, or null when none or unreadable (then no sheet counts as the tool's own). */
export function decodeReportRecord(raw: unknown): ReportSheetRecord | null {
  const o = storedObject(raw) as { version?: unknown; id?: unknown; name?: unknown } | null;
  if (!o || o.version !== 1 || typeof o.id !== "string" || typeof o.name !== "string") return null;
  return { id: o.id, name: o.name };
}

/**
 * True when the sheet (its id and current name) is the report sheet the tool created:
 * same id AND still the name it was given. A renamed report sheet is the user's now.
 */
export function isOwnReport(record: ReportSheetRecord | null, sheet: { id: string; name: string }): boolean {
  return !!record && record.id === sheet.id && record.name === sheet.name;
}

/**
 * A report sheet name no existing sheet has (sheet names compare case-insensitively in
 * both hosts): "IKK-rapport", else "IKK-rapport (2)", "(3)", …
 */
export function freeReportName(existing: readonly string[]): string {
  return freeSheetName(REPORT_SHEET_NAME, existing);
}

/** `base` when no existing sheet has that name (case-insensitively), else "base (2)", "(3)", … */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
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

/**
 * Longest text written to one report cell: below Excel's 32 767 characters per cell
 * (Sheets allows 50 000), with room for CUT_MARK.
 */
export const MAX_CELL_TEXT = 32_000;
/** What a cut report text ends with, visibly. */
export const CUT_MARK = "…(ingekort)";

/** A text of at most MAX_CELL_TEXT characters: longer ones are cut (never inside a surrogate pair) and end in CUT_MARK. */
export function cutCellText(text: string, max = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  let end = max - CUT_MARK.length;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARK;
}

/** Report rows → text padded with "" to the widest row (hosts write a rectangle), each cell cut to MAX_CELL_TEXT; Dutch error when not a table. */
export function rectangularText(rows: unknown): string[][] {
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) throw new IkkError("ONGELDIGE_INVOER", "Het rapport is geen tabel (lijst van rijen).");
  const table = (rows as unknown[][]).map((r) => r.map((v) => cutCellText(v === null || v === undefined ? "" : String(v))));
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
  reportOnlySheet: (name: string = REPORT_SHEET_NAME) => `Het blad '${name}' is het enige blad van de spreadsheet en kan niet worden verwijderd.`,
  reportExists: () => `Het blad '${REPORT_SHEET_NAME}' bestaat al en kon niet worden vervangen.`,
  hiddenSheet: (name: string, host: HostName) =>
    `De cel staat op het verborgen blad '${name}'. Maak het blad eerst zichtbaar (${host === "Excel" ? "rechtsklik op een bladtab > Zichtbaar maken" : "Weergave > Verborgen bladen"}) en klik dan opnieuw op de bevinding.`,
  unknownSeverity: (s: unknown) => `Onbekende ernst van een markering: '${String(s)}'.`,
  marksNotAList: () => "De markeringen zijn geen lijst.",
  planTextChanged: (host: HostName, count: number) =>
    `${host} hield ${count} ${count === 1 ? "cel" : "cellen"} van het nieuwe plan niet zoals geschreven (tekst werd een formule of getal, of een formule ontbrak); controleer de bladen of verwijder ze met 'Nieuw plan verwijderen'.`,
  planNoValidation:
    "Deze versie van Excel kent geen invoercontrole vanuit een invoegtoepassing (ExcelApi 1.8): de bladen hebben geen invoercontrole; de formules werken wel. Open het plan in een nieuwere Excel (of Excel op het web) voor de invoercontrole.",
  planNoFrozenRows: "Deze versie van Excel kan vanuit een invoegtoepassing geen rijen vastzetten (ExcelApi 1.7): de kopregels scrollen mee.",
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
  addPlanSheets: "het toevoegen van de bladen van het nieuwe plan",
  removePlanSheets: "het verwijderen van de bladen van het nieuwe plan",
  writeOverview: "het schrijven van het overzicht",
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
