/**
 * Months and dates of the realisation (issue 12): which month a cell of a realisation list
 * names (a number 1–12, a Dutch or English month name or abbreviation, an ISO date as the
 * adapters give dates, "14-03-2026", "maart 2026"), the month a column header names, and
 * the share of the year a reference date has passed. All patterns are linear.
 */
import type { ReadCell } from "./cell-read";
import { normalizeText } from "./cell-read";

/** Month names and abbreviations, Dutch and English, normalised (lower case, no dots), to 1–12. */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, "januari", "january", "jan", "jan"],
      [2, "februari", "february", "feb", "febr"],
      [3, "maart", "march", "mrt", "mar"],
      [4, "april", "april", "apr", "apr"],
      [5, "mei", "may", "mei", "may"],
      [6, "juni", "june", "jun", "jun"],
      [7, "juli", "july", "jul", "jul"],
      [8, "augustus", "august", "aug", "aug"],
      [9, "september", "september", "sep", "sept"],
      [10, "oktober", "october", "okt", "oct"],
      [11, "november", "november", "nov", "nov"],
      [12, "december", "december", "dec", "dec"],
    ] as const
  ).flatMap(([m, ...words]) => words.map((w) => [w, m] as [string, number])),
);

export { DUTCH_MONTHS } from "../dates";

/** A month, and the year when the cell says one ("2026-03-14", "maart 2026"). */
export interface MonthOf {
  month: number;
  year: number | null;
  /** The day of the month, for a full date only. */
  day?: number;
}

/** "2026-03-14" (adapters' dates, an optional time after it) or "14-03-2026" / "14/3/2026". */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]{0,20}z?)?$/;
const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
/** "2026-03" or "03-2026": a month of a year. */
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$|^(\d{1,2})[-/](\d{4})$/;
/** "maart 2026", "mrt. '26", "jan-26": a month word, an optional year. */
const WORD_YEAR = /^([a-z]{3,9})\.?(?:[ '-]{1,3}(\d{2}|\d{4}))?$/;

const validMonth = (m: number) => Number.isInteger(m) && m >= 1 && m <= 12;
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The month a text names, or null. */
export function monthOfText(text: string): MonthOf | null {
  const t = normalizeText(text.length > 40 ? text.slice(0, 40) : text).trim();
  let m = ISO_DATE.exec(t);
  if (m) return validMonth(Number(m[2])) && Number(m[3]) >= 1 && Number(m[3]) <= 31 ? { month: Number(m[2]), year: Number(m[1]), day: Number(m[3]) } : null;
  m = DUTCH_DATE.exec(t);
  if (m) return validMonth(Number(m[2])) && Number(m[1]) >= 1 && Number(m[1]) <= 31 ? { month: Number(m[2]), year: Number(m[3]), day: Number(m[1]) } : null;
  m = YEAR_MONTH.exec(t);
  if (m) {
    const month = Number(m[2] ?? m[3]);
    return validMonth(month) ? { month, year: Number(m[1] ?? m[4]) } : null;
  }
  m = WORD_YEAR.exec(t);
  if (m) {
    const month = MONTH_WORDS.get(m[1]);
    return month ? { month, year: m[2] ? fullYear(m[2]) : null } : null;
  }
  return null;
}

/**
 * The month a cell of a month or date column names: "month" (with the year when given),
 * "blank", or "unreadable" (an error value, a formula without result, text or a number
 * that is no month).
 */
export type MonthCell = { kind: "month"; month: number; year: number | null; day?: number } | { kind: "blank" } | { kind: "unreadable" };

export function monthCell(v: ReadCell): MonthCell {
  if (v.kind === "blank") return { kind: "blank" };
  if (v.kind === "number") return validMonth(v.n) ? { kind: "month", month: v.n, year: null } : { kind: "unreadable" };
  if (v.kind === "text") {
    const m = monthOfText(v.text);
    return m ? { kind: "month", ...m } : { kind: "unreadable" };
  }
  return { kind: "unreadable" };
}

/** "K1", "Q3 2026", "kwartaal 2", "2e kwartaal", "kw4": a quarter, an optional year. */
const QUARTER = /^(?:(?:k|q|kw|kwartaal|quarter) ?([1-4])|([1-4])(?:e|ste|de)? ?kwartaal)(?: (\d{4}))?$/;

/**
 * The month a column header names alone ("jan", "Januari", "mrt 2026", "2026-03"), or null.
 * A quarter ("K1", "Q3", "2e kwartaal") names its last month: its hours are dated at the
 * end of the quarter (so K4 counts as after a reference date in October).
 */
export function monthOfHeader(header: string): MonthOf | null {
  if (header.length > 20) return null;
  const q = QUARTER.exec(normalizeText(header).trim());
  if (q) return { month: Number(q[1] ?? q[2]) * 3, year: q[3] ? Number(q[3]) : null };
  return monthOfText(header);
}

/** A reference date as an ISO text "yyyy-mm-dd" that exists in the calendar, or null. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validMonth(month) || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The share of `year` passed at the start of the reference day: (month − 1 + (day − 1) /
 * daysInMonth) / 12, so 1 October is exactly 0,75; 0 before the year, 1 after it.
 */
export function yearFraction(asOf: { year: number; month: number; day: number }, year: number): number {
  if (asOf.year < year) return 0;
  if (asOf.year > year) return 1;
  return (asOf.month - 1 + (asOf.day - 1) / daysInMonth(asOf.year, asOf.month)) / 12;
}
