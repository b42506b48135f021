/**
 * Many workbooks in one run: `ikk-normen check A.xlsx B.xlsx map/`. A folder stands for
 * every .xlsx/.xlsm directly in it (sorted by name, not recursive). Every file is checked
 * on its own; an unusable file becomes an outcome with its Dutch reason and never stops
 * the batch. The summary (one row per file) is printed as text and can be written as a
 * workbook (--overzicht).
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { IkkError, isIkkError } from "../shared/errors";
import { formatDutch } from "../shared/numbers";
import { marginEuros, verdictOf } from "../shared/validate/report";
import type { CheckOptions, CheckResult } from "../shared/validate/types";
import { checkFile } from "./check-file";
import { countBySeverity } from "./report-text";
import { terminalSafe } from "./terminal-text";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/** The extensions a folder contributes (case-insensitive). */
const WORKBOOK_EXT = /\.(xlsx|xlsm)$/i;

/** One input of a batch: a file to check, or an argument that gave nothing to check (its Dutch reason). */
export type BatchInput = { file: string } | { file: string; error: string };

/** Is this argument a folder? (A missing path is not: it is checked, and refused, as a file.) */
export function isFolder(arg: string): boolean {
  try {
    return fs.statSync(arg).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files the arguments stand for, in order: a file as given, a folder as its .xlsx/.xlsm
 * files sorted by name (not recursive; Office lock files "~$..." left out, and `skip`: the
 * summary workbook of an earlier run written into that folder). A folder without any is an
 * input with a Dutch reason.
 */
export function expandInputs(args: string[], skip: string[] = []): BatchInput[] {
  const skipped = new Set(skip.map((s) => path.resolve(s)));
  const out: BatchInput[] = [];
  for (const arg of args) {
    if (!isFolder(arg)) {
      out.push({ file: arg });
      continue;
    }
    let names: string[];
    try {
      names = fs
        .readdirSync(arg, { withFileTypes: true })
        .filter((d) => (d.isFile() || d.isSymbolicLink()) && WORKBOOK_EXT.test(d.name) && !d.name.startsWith("~$"))
        .map((d) => d.name);
    } catch (e) {
      out.push({ file: arg, error: `De map "${arg}" kan niet gelezen worden (${(e as NodeJS.ErrnoException).code ?? "onbekende fout"}).` });
      continue;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) {
      out.push({ file: arg, error: `De map "${arg}" bevat geen .xlsx- of .xlsm-bestanden.` });
      continue;
    }
    for (const n of names) if (!skipped.has(path.resolve(arg, n))) out.push({ file: path.join(arg, n) });
  }
  return out;
}

/** The outcome of one file: its check result, or why it could not be checked (Dutch). */
export type FileOutcome = { file: string; result: CheckResult } | { file: string; error: string };

/** A thrown error as one Dutch line for a user: an IkkError's own message, else "onverwachte fout". */
export function dutchError(e: unknown): string {
  if (isIkkError(e)) return (e as Error).message;
  return `onverwachte fout: ${e instanceof Error ? e.message : String(e)}`;
}

/** Checks one input; never throws. */
export async function checkOutcome(input: BatchInput, options: CheckOptions): Promise<FileOutcome> {
  if ("error" in input) return input;
  try {
    const { result } = await checkFile(input.file, options);
    return { file: input.file, result };
  } catch (e) {
    return { file: input.file, error: dutchError(e) };
  }
}

/** Exit code of one outcome: 2 unusable, 1 errors found (an incomplete check has one), 0 none. */
export function exitCodeOf(o: FileOutcome): number {
  if ("error" in o) return EXIT_UNUSABLE;
  return countBySeverity(o.result).error > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The worst exit code of a batch (2 > 1 > 0). */
export function worstExitCode(outcomes: FileOutcome[]): number {
  return outcomes.reduce((worst, o) => Math.max(worst, exitCodeOf(o)), EXIT_OK);
}

/** One row of the summary, as numbers (null where unknown). */
export interface SummaryRow {
  file: string;
  year: number | null;
  required: number | null;
  planned: number | null;
  formationHours: number | null;
  formationFte: number | null;
  marginHours: number | null;
  marginFte: number | null;
  marginEuros: number | null;
  /** Dutch verdict title ("In orde", "Niet in orde", ...) or "Onbruikbaar". */
  verdict: string;
  errors: number | null;
  warnings: number | null;
  /** Dutch: the verdict sentence, or why the file could not be checked. */
  note: string;
}

export function summaryRow(o: FileOutcome, hourlyRate: number | null): SummaryRow {
  if ("error" in o) {
    return {
      file: o.file,
      year: null,
      required: null,
      planned: null,
      formationHours: null,
      formationFte: null,
      marginHours: null,
      marginFte: null,
      marginEuros: null,
      verdict: "Onbruikbaar",
      errors: null,
      warnings: null,
      note: o.error,
    };
  }
  const r = o.result;
  const counts = countBySeverity(r);
  const v = verdictOf(r);
  return {
    file: o.file,
    year: r.year,
    required: r.required.total,
    planned: r.planned.total,
    formationHours: r.formation.hours,
    formationFte: r.formation.fte,
    marginHours: r.formation.marginHours,
    marginFte: r.formation.marginFte,
    marginEuros: marginEuros(r, hourlyRate),
    verdict: v.title,
    errors: counts.error,
    warnings: counts.warning,
    note: v.text,
  };
}

const hoursCell = (n: number | null): string => (n === null ? "–" : `${formatDutch(n, 2)} uur`);
const signedHoursCell = (n: number | null): string => {
  if (n === null) return "–";
  const s = formatDutch(n, 2);
  return `${n > 0 && s !== "0" ? "+" : ""}${s} uur`;
};

/** The summary as lines of text: a table with the file, year, required, planned, formation, margin and verdict. */
export function summaryText(rows: SummaryRow[]): string {
  const head = ["Bestand", "Jaar", "Vereist", "Gepland", "Formatie", "Marge", "Oordeel"];
  const body = rows.map((r) => [
    terminalSafe(r.file),
    r.year === null ? "–" : String(r.year),
    hoursCell(r.required),
    hoursCell(r.planned),
    r.formationHours === null ? "–" : `${hoursCell(r.formationHours)} (${formatDutch(r.formationFte ?? 0, 2)} fte)`,
    signedHoursCell(r.marginHours),
    r.verdict === "Onbruikbaar" ? `Onbruikbaar: ${terminalSafe(r.note)}` : r.verdict,
  ]);
  const all = [head, ...body];
  const last = head.length - 1;
  const widths = head.map((_, c) => (c === last ? 0 : Math.max(...all.map((r) => r[c].length))));
  const line = (r: string[]): string =>
    "  " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : c === last ? cell : cell.padStart(widths[c]))).join("   ").trimEnd();
  const ok = rows.filter((r) => r.verdict !== "Onbruikbaar").length;
  const out = [`Overzicht: ${formatDutch(rows.length, 0)} ${rows.length === 1 ? "bestand" : "bestanden"}, ${formatDutch(ok, 0)} gecontroleerd, ${formatDutch(rows.length - ok, 0)} onbruikbaar`];
  out.push(...all.map(line));
  return out.join("\n");
}

/** The summary workbook's columns: Dutch header, the row's field, and whether it holds a number. */
const SUMMARY_COLUMNS: Array<{ header: string; key: keyof SummaryRow; width: number; numFmt?: string }> = [
  { header: "Bestand", key: "file", width: 40 },
  { header: "Jaar", key: "year", width: 8, numFmt: "0" },
  { header: "Vereist (uren)", key: "required", width: 14, numFmt: "#,##0.00" },
  { header: "Gepland (uren)", key: "planned", width: 14, numFmt: "#,##0.00" },
  { header: "Formatie (uren)", key: "formationHours", width: 15, numFmt: "#,##0.00" },
  { header: "Formatie (fte)", key: "formationFte", width: 14, numFmt: "0.00" },
  { header: "Marge (uren)", key: "marginHours", width: 13, numFmt: "#,##0.00" },
  { header: "Marge (fte)", key: "marginFte", width: 12, numFmt: "0.00" },
  { header: "Marge (euro)", key: "marginEuros", width: 13, numFmt: "#,##0.00" },
  { header: "Oordeel", key: "verdict", width: 28 },
  { header: "Fouten", key: "errors", width: 8, numFmt: "0" },
  { header: "Waarschuwingen", key: "warnings", width: 15, numFmt: "0" },
  { header: "Toelichting", key: "note", width: 80 },
];

export const SUMMARY_HEADERS: readonly string[] = SUMMARY_COLUMNS.map((c) => c.header);

/**
 * Refuses a summary target before any file is checked: it must be an .xlsx in an existing
 * folder and never one of the inputs (an input is only ever read).
 */
export function assertSummaryTarget(file: string, inputs: string[]): void {
  const target = path.resolve(file);
  if (inputs.some((f) => path.resolve(f) === target)) {
    throw new IkkError("ONBRUIKBAAR", `Het overzicht "${file}" zou een van de te controleren bestanden overschrijven; kies een andere naam.`);
  }
  if (!/\.xlsx$/i.test(file)) throw new IkkError("ONGELDIGE_INVOER", `Het overzicht moet een .xlsx-bestand zijn (kreeg "${file}").`);
  if (!isFolder(path.dirname(target))) {
    throw new IkkError("ONBRUIKBAAR", `Het overzicht "${file}" kan niet geschreven worden: de map "${path.dirname(file)}" bestaat niet.`);
  }
  if (isFolder(target)) throw new IkkError("ONBRUIKBAAR", `Het overzicht "${file}" kan niet geschreven worden: dat is een map.`);
  // An existing target must be a regular file: writing into a FIFO blocks, into a device never ends.
  const existing = (() => {
    try {
      return fs.statSync(target);
    } catch {
      return null;
    }
  })();
  if (existing && !existing.isFile()) {
    throw new IkkError("ONBRUIKBAAR", `Het overzicht "${terminalSafe(file)}" kan niet geschreven worden: dat is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat).`);
  }
}

/**
 * Writes the summary as a workbook: one sheet "Overzicht", Dutch headers, one row per file
 * (an unusable file too, with its reason). Numbers are numbers (empty where unknown); every
 * text is a plain string cell, never a formula, whatever it starts with.
 */
export async function writeSummaryXlsx(file: string, rows: SummaryRow[], inputs: string[]): Promise<void> {
  assertSummaryTarget(file, inputs);
  // exceljs is loaded only here: a plain check never pays for loading it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wb = new (require("exceljs") as typeof ExcelJS).Workbook();
  const ws = wb.addWorksheet("Overzicht", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = SUMMARY_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([]);
    SUMMARY_COLUMNS.forEach((c, i) => {
      const v = r[c.key];
      const cell = row.getCell(i + 1);
      if (v === null) return;
      if (typeof v === "number") {
        cell.value = v;
        if (c.numFmt) cell.numFmt = c.numFmt;
      } else {
        // A plain string value: exceljs writes it as a shared string, never as a formula.
        cell.value = String(v);
      }
    });
  }
  try {
    await wb.xlsx.writeFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IkkError("ONBRUIKBAAR", `Het overzicht "${file}" kan niet geschreven worden (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
}
