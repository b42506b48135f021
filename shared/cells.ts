/**
 * Spreadsheet cell values as the hosts hand them over, and how to read them:
 * numbers, Dutch number text, blanks and error values (#REF!, #WAARDE!, ...).
 */
import { IkkError } from "./errors";
import { parseDutchNumber } from "./numbers";

/** English and Dutch spellings of spreadsheet error values. */
const ERROR_VALUE = /^#(NULL!|LEEG!|DIV\/0!|DEEL\/0!|VALUE!|WAARDE!|REF!|VERW!|NAME\?|NAAM\?|NUM!|GETAL!|N\/A|N\/B|GETTING_DATA|SPILL!|OVERLOOP!|CALC!|BEREKENING!|ERROR!|FOUT!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|FIELD!)$/i;

/** The text of an error value, or null if the value is not an error. */
export function errorValueText(v: unknown): string | null {
  if (typeof v === "string") return ERROR_VALUE.test(v.trim()) ? v.trim() : null;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    // Office.js CustomFunctions.Error (capturesCalculationErrors) and snapshot error cells.
    const o = v as { error?: unknown; code?: unknown; type?: unknown; errorCode?: unknown };
    if (typeof o.error === "string") return o.error;
    if (typeof o.code === "string" && /^#|^[A-Z]/.test(o.code) && "message" in o) return String(o.code);
  }
  return null;
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A range argument as a 2-D array (a scalar becomes a 1×1 range). */
export function toMatrix(v: unknown): unknown[][] {
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return Array.isArray(v[0]) ? (v as unknown[][]) : [v as unknown[]];
  }
  return [[v]];
}

export function isMatrix(v: unknown): v is unknown[][] {
  return Array.isArray(v);
}

/** Where a value sits in its range, for messages: "" for a single value. */
export function position(rows: number, cols: number, r: number, c: number): string {
  if (rows * cols <= 1) return "";
  return ` (rij ${r + 1}, kolom ${c + 1} van het bereik)`;
}

/**
 * A cell as a number: numbers as they are, Dutch number text parsed, blank = null.
 * Error cells, booleans, dates and text that is not a number are Dutch errors.
 */
export function cellNumber(v: unknown, what: string, where = ""): number | null {
  if (isBlank(v)) return null;
  const err = errorValueText(v);
  if (err) throw new IkkError("FOUTWAARDE", `De cel met ${what}${where} bevat de foutwaarde ${err}. Herstel eerst die cel.`);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new IkkError("ONGELDIGE_INVOER", `${capital(what)}${where} is geen geldig getal.`);
    return v;
  }
  if (typeof v === "string") {
    const n = parseDutchNumber(v);
    if (n === null) {
      throw new IkkError("ONGELDIGE_INVOER", `${capital(what)}${where} moet een getal zijn, maar de cel bevat de tekst "${shorten(v)}".`);
    }
    return n;
  }
  if (typeof v === "boolean") {
    throw new IkkError("ONGELDIGE_INVOER", `${capital(what)}${where} moet een getal zijn, geen ${v ? "WAAR" : "ONWAAR"}.`);
  }
  throw new IkkError("ONGELDIGE_INVOER", `${capital(what)}${where} moet een getal zijn.`);
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function shorten(s: string, max = 40): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}
