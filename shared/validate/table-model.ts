/** The validator's internal picture of a table: its cells, columns and role. */
import { normalizeText } from "./cell-read";
import type { TableRole } from "./types";
import { COACHED_DAY, COACHED_NO, COACHED_YES, LOCATION_WORD, PERSON_WORD } from "./vocabulary";

/**
 * What a column holds, read from its header:
 * name (location/staff name), lrk (LRK numbers), toddlers (doelgroeppeuters),
 * weekly (contract hours per week), worked (flex hours, 13-week average or total),
 * fte, coaching / policy / ve (hours of that kind), hours (other hours, e.g. an activity),
 * total (row total), id (a row number, code or year: "Nr", "Kostenplaats"; never hours),
 * category (text that says which part a row's hours are for: "Activiteit", "Categorie"),
 * text (anything else that is not a number).
 */
export type ColumnKind =
  | "name"
  | "lrk"
  | "toddlers"
  | "weekly"
  | "worked"
  | "fte"
  | "coaching"
  | "policy"
  | "ve"
  | "hours"
  | "total"
  | "id"
  | "category"
  /** What the sheet says is needed ("Vereist beleid", "Benodigd"): checked by rules/stated-norms, never planned hours. */
  | "required"
  /** Hours spent ("Gerealiseerd", "Besteed"): never planned hours. */
  | "realised"
  /** Hours still to spend ("Nog te besteden", "Resterend", "Restant", "Remaining", "Saldo"): neither planned nor realised, never summed. */
  | "remaining"
  | "text";

export interface TableColumn {
  col: number;
  /** Header text as written (lines joined with a space). */
  header: string;
  kind: ColumnKind;
  /** For worked-hours columns: true when the column holds the 13-week total (÷ 13). */
  workedIsTotal?: boolean;
  /** For category columns: how many data rows name a part (beleid, coaching, VE). */
  partRows?: number;
}

export interface Table {
  sheet: string;
  /** 0-based bounds, inclusive; header rows included. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number[];
  title: string | null;
  columns: TableColumn[];
  dataRows: number[];
  totalRow: number | null;
  role: TableRole;
  confidence: number;
  reason: string;
  fromMapping: boolean;
}

/** Kinds that hold numbers. */
export const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>([
  "toddlers",
  "weekly",
  "worked",
  "fte",
  "coaching",
  "policy",
  "ve",
  "hours",
  "total",
  "required",
  "realised",
]);

/** Kinds that are hours parts of a row total. */
export const PART_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["coaching", "policy", "ve", "hours"]);

/**
 * Text in a contract-hours column that names a flexible contract ("0-uren", "min-max",
 * "oproepkracht", "uitzendkracht"): an expected value, not a typing error; such staff
 * count with the hours they worked in the 13 weeks before 1 January.
 */
export const FLEX_CONTRACT = /\b0[- ]?uren|nul-?uren|min[- ]?max|oproep|flex|uitzend|inval|payroll/;

/** Text in a toddler column that says "none here": "-", "n.v.t.", "geen". */
export const NO_TODDLERS = /^(-|–|n\.?v\.?t\.?|geen|nee)$/i;

/** Text that is an expected value in a column of this kind, not a sign of a text column. */
export function expectedText(kind: ColumnKind, normalized: string): boolean {
  if (kind === "realised") {
    // "Coaching ontvangen | nee", "Gecoacht | ja", "Laatst gecoacht | 12-03-2026": a column of hours spent may say yes, no or a day.
    const t = normalized.trim();
    return COACHED_YES.test(t) || COACHED_NO.test(t) || COACHED_DAY.test(t);
  }
  return (kind === "weekly" && FLEX_CONTRACT.test(normalized)) || (kind === "toddlers" && NO_TODDLERS.test(normalized.trim()));
}

export function columnOfKind(t: Table, kind: ColumnKind): TableColumn | undefined {
  return t.columns.find((c) => c.kind === kind);
}

/** Every column of one kind (a provider with "LRK KDV" and "LRK BSO" columns). */
export function columnsOfKind(t: Table, kind: ColumnKind): TableColumn[] {
  return t.columns.filter((c) => c.kind === kind);
}

/** The column that names the location of a row: a name or text column headed as a location, else the name column unless it names people. */
export function locationColumn(t: Table): TableColumn | undefined {
  const named = t.columns.filter((c) => c.kind === "name" || c.kind === "text");
  return named.find((c) => LOCATION_WORD.test(normalizeText(c.header))) ?? named.find((c) => c.kind === "name" && !PERSON_WORD.test(normalizeText(c.header)));
}

export const ROLE_DUTCH: Record<TableRole, string> = {
  policy: "beleid",
  coaching: "coaching",
  ve: "VE",
  "ve-toddlers": "VE-peuters",
  staff: "personeel",
  locations: "locaties",
  mixed: "gemengd (uren per categorie)",
  realisation: "realisatie (bestede uren)",
  unknown: "onbekend",
  ignored: "genegeerd",
};
