/**
 * Reading one snapshot cell for the validator: number (Dutch number text included),
 * blank, text, error value, or a formula without a cached result. Never throws; the
 * rules decide what a non-number means where it stands.
 */
import { errorValueText, isBlank } from "../cells";
import { parseDutchNumber } from "../numbers";
import type { CellValue } from "./types";

export type ReadCell =
  | { kind: "number"; n: number; fromText: boolean }
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "bool"; b: boolean }
  | { kind: "error"; text: string }
  /** A formula cell whose host gave no cached value: unknown, never 0. */
  | { kind: "nocache"; formula: string };

/** The one blank cell (shared: a blank carries no data). */
export const BLANK: ReadCell = Object.freeze({ kind: "blank" }) as ReadCell;

/**
 * Can this text be a number for parseDutchNumber? A cheap necessary condition checked
 * before the regular expressions: the text holds an ASCII digit, and its first
 * non-space character is one parseDutchNumber can keep or strip at the start
 * (digit, "." or ",", a sign, "€" or the "e" of "eur"). parseDutchNumber only strips
 * "€"/"eur" anywhere and unit words at the end, so any other first character stays in
 * the text, or goes with the unit suffix and leaves nothing: not a number either way.
 */
export function mayBeNumberText(s: string): boolean {
  let first = -1;
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      digit = true;
      if (first >= 0) return true;
    }
    if (first < 0) {
      if (ch === 32 || (ch >= 9 && ch <= 13) || ch === 0xa0 || ch === 0xfeff || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000) {
        continue; // white space (String.prototype.trim's set)
      }
      first = ch;
      const ok =
        (ch >= 48 && ch <= 57) || ch === 46 /* . */ || ch === 44 /* , */ || ch === 45 /* - */ || ch === 43 /* + */ || ch === 0x2212 /* − */ || ch === 0x20ac /* € */ || ch === 101 /* e */ || ch === 69; /* E */
      if (!ok) return false;
      if (digit) return true;
    }
  }
  return digit;
}

/**
 * The largest number a cell may hold for the engine: 10^15, the last magnitude a spreadsheet
 * keeps every digit of. No count, fte or hours figure comes near it (LIMITS in numbers.ts are
 * far lower; LRK numbers have nine digits); above it a cell reads as the error value below, so
 * no sum of cells can reach Infinity.
 */
export const MAX_CELL_NUMBER = 1e15;

/** The error text of a cell whose number is too large to be a figure (shown as "de foutwaarde …"). */
export const TOO_LARGE_TEXT = "#GETAL! (een getal groter dan 10^15)";

export function readCell(value: CellValue | undefined, formula: string | null | undefined): ReadCell {
  if (formula && (value === null || value === undefined)) return { kind: "nocache", formula };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "error", text: "#GETAL!" };
    return Math.abs(value) > MAX_CELL_NUMBER ? { kind: "error", text: TOO_LARGE_TEXT } : { kind: "number", n: value, fromText: false };
  }
  if (isBlank(value)) return BLANK;
  const err = errorValueText(value);
  if (err) return { kind: "error", text: err };
  if (typeof value === "boolean") return { kind: "bool", b: value };
  if (typeof value === "string") {
    const n = mayBeNumberText(value) ? parseDutchNumber(value) : null;
    if (n !== null && Math.abs(n) > MAX_CELL_NUMBER) return { kind: "error", text: TOO_LARGE_TEXT };
    return n === null ? { kind: "text", text: cutText(value) } : { kind: "number", n, fromText: true };
  }
  return { kind: "text", text: String(value) };
}

/**
 * The longest cell text the engine reads (characters). Longer texts are cut to this length
 * before any matching: a label, a name or a title is never this long, and every step that
 * reads text stays bounded however large a cell is (Excel allows 32 767 characters).
 */
export const MAX_TEXT_CHARS = 4000;

/**
 * Work counter for the text functions: characters scanned by normalizeText and foldText
 * (each linear pass over a text counts its length). Tests read it to check that the work
 * grows linearly with the input; nothing else depends on it.
 */
export const textWork = { chars: 0 };

/** The text cut to MAX_TEXT_CHARS (never in the middle of a surrogate pair). */
export function cutText(s: string): string {
  if (s.length <= MAX_TEXT_CHARS) return s;
  const end = s.charCodeAt(MAX_TEXT_CHARS - 1) >= 0xd800 && s.charCodeAt(MAX_TEXT_CHARS - 1) <= 0xdbff ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
  return s.slice(0, end);
}

/** Printable ASCII without the backtick (which normalizeText folds to a quote). */
const PLAIN = /^[\x20-\x5f\x61-\x7e]*$/;

/** Lower case, no accents, newlines and runs of spaces as one space; "deskundigheids- bevordering" joined. */
export function normalizeText(s: string): string {
  s = cutText(s);
  textWork.chars += s.length;
  // Fast path: printable ASCII without line breaks, double or outer spaces only needs lower case.
  if (PLAIN.test(s) && s.indexOf("  ") < 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32) return s.toLowerCase();
  return foldText(s);
}

/** White space as \s in a regular expression (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(ch: number): boolean {
  return (
    ch === 32 ||
    (ch >= 9 && ch <= 13) ||
    ch === 0xa0 ||
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000 ||
    ch === 0xfeff
  );
}

/** A word character as \w (ASCII letters, digits, underscore). */
function isWord(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
}

/**
 * The full folding behind normalizeText, without its fast path (exported so tests can compare
 * the two). Linear: the accent and quote replacements are single-character classes, and the
 * hyphenated line break ("deskundigheids-\nbevordering") and the white-space runs are handled
 * in one hand-written pass that reads every character at most twice (the former pattern
 * /(\w)-\s*[\r\n]+\s*(\w)/ backtracked cubically on "a-" followed by many line breaks).
 */
export function foldText(s: string): string {
  s = cutText(s);
  textWork.chars += 4 * s.length; // normalize, accents, lower case, quotes
  const t = s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u00b4`]/g, "'");
  const n = t.length;
  let out = "";
  let pendingSpace = false;
  let i = 0;
  while (i < n) {
    textWork.chars++;
    const ch = t.charCodeAt(i);
    if (isSpace(ch)) {
      pendingSpace = out.length > 0;
      i++;
      continue;
    }
    if (ch === 45 /* - */ && i > 0 && isWord(t.charCodeAt(i - 1))) {
      // A word broken at a line end: "-", white space with a line break in it, then a word character.
      let j = i + 1;
      let lineBreak = false;
      while (j < n) {
        const w = t.charCodeAt(j);
        if (!isSpace(w)) break;
        if (w === 10 || w === 13) lineBreak = true;
        j++;
      }
      textWork.chars += j - i - 1;
      if (lineBreak && j < n && isWord(t.charCodeAt(j))) {
        i = j; // drop the hyphen and the break; the word goes on
        continue;
      }
    }
    if (pendingSpace) out += " ";
    pendingSpace = false;
    out += t[i];
    i++;
  }
  return out;
}
