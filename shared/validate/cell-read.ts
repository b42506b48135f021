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

export function readCell(value: CellValue | undefined, formula: string | null | undefined): ReadCell {
  if (formula && (value === null || value === undefined)) return { kind: "nocache", formula };
  if (isBlank(value)) return { kind: "blank" };
  const err = errorValueText(value);
  if (err) return { kind: "error", text: err };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", n: value, fromText: false } : { kind: "error", text: "#GETAL!" };
  if (typeof value === "boolean") return { kind: "bool", b: value };
  if (typeof value === "string") {
    const n = parseDutchNumber(value);
    return n === null ? { kind: "text", text: value } : { kind: "number", n, fromText: true };
  }
  return { kind: "text", text: String(value) };
}

/** Lower case, no accents, newlines and runs of spaces as one space; "deskundigheids- bevordering" joined. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/(\w)-\s*[\r\n]+\s*(\w)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** Kinds of care and filler words that do not tell two locations apart in a VE match. */
const NAME_NOISE = /\b(kdv|bso|psz|slg|do|kov|vve|ve|locatie|kindercentrum|kinderdagverblijf|peuterspeelzaal|speelleergroep|peutergroep|opvang)\b/g;

/** A location name for matching between tables: "KDV\nDommelen" and "Dommelen" both give "dommelen". */
export function normalizeName(s: string): string {
  const t = normalizeText(s)
    .replace(/\(.*?\)/g, " ")
    .replace(/['"]/g, "")
    .replace(NAME_NOISE, " ")
    .replace(/[^a-z0-9&]+/g, " ")
    .trim();
  return t === "" ? normalizeText(s) : t;
}
