/**
 * Who in a staff list counts in the fte (domain.md "Who counts in the fte"): pedagogisch
 * medewerkers, fixed and flexible (invalkrachten, uitzendkrachten, oproep), BBL students
 * and a beleidsmedewerker who also works on a group by option (default: count). Not:
 * management, office and support staff, and the coaches / beleidsmedewerkers in that role.
 *
 * Decisions:
 * - A function the vocabulary does not know (or a combination of a PM word and a
 *   management word) is counted, and a warning names it: counting can only make the norm
 *   higher, so an unknown function never turns into a false "in orde".
 * - A blank function on a row with hours counts as PM (most lists only fill in the
 *   exceptions).
 * - A row without any number in the table and at most one filled cell ("Regio Noord",
 *   "Locatie De Boomgaard") is a heading, never staff.
 * - A list of only coaches / beleidsmedewerkers (by function, by the name column's header
 *   or by a "formatie … coach" title) is the formation, never the PM list.
 */
import { normalizeText } from "./cell-read";
import type { SheetIndex } from "./sheet-index";
import type { Table, TableColumn } from "./table-model";
import type { CheckOptions } from "./types";

/** What a function value says about a staff row. */
export type FunctionKind = "pm" | "bbl" | "policy-on-group" | "coach" | "not-pm" | "unknown";

/** Headers of a column that names the function ("Functie", "Rol", "Role", "Job title", "Functiegroep"). */
const FUNCTION_HEADER = /functie|\brol\b|\brole\b|job ?title|\bposition\b/;
/** Other text columns that may say "BBL" (contract kind, training). */
const CONTRACT_HEADER = /soort|dienstverband|opleiding|contract|type/;

const BBL = /\bbbl|\bleerling/;
const POLICY_ROLE = /beleidsmedewerker|\bcoach|\bpbm\b|policy officer/;
/** The policy officer also works on the group. */
const ON_GROUP = /op de groep|groepswerk|\+ ?groep/;
const PM_ROLE =
  /pedagogisch(e)? (medewerker|professional|werker)|\bpm\b|\bpm[-' ]?er|groepsleid|beroepskracht|\binval|\bflex|oproep|uitzend|pedagogical (staff|worker|employee|professional|assistant)|childcare (worker|practitioner)|leidster|\bleid(st)?er\b|bso[- ]?medewerker|kdv[- ]?medewerker/;
const NOT_PM =
  /gastouder|leidinggevend|teamleid|team ?lead|manager|management|directie|directeur|director|bestuurder|stafmedewerker|\bstaf\b|groepshulp|ondersteun|\bkok\b|\bcook\b|planner|planning|administrat|schoonma|huishoud|facilitair|receptie|secretar|\bhr\b|controller|financ|cleaner|office/;

/** The kind of a function text (already through normalizeText). */
export function functionKind(n: string): FunctionKind {
  if (BBL.test(n)) return "bbl";
  const pm = PM_ROLE.test(n);
  if (POLICY_ROLE.test(n)) return pm || ON_GROUP.test(n) ? "policy-on-group" : "coach";
  if (pm) return "pm";
  if (NOT_PM.test(n)) return "not-pm";
  return "unknown";
}

/** The column that names the function, if the table has one. */
export function functionColumn(t: Table): TableColumn | undefined {
  return t.columns.find((c) => (c.kind === "text" || c.kind === "name") && FUNCTION_HEADER.test(normalizeText(c.header)));
}

/**
 * A heading inside a list ("Regio Noord", "Locatie De Boomgaard"): no number, formula or
 * error value in the table's span and at most one filled cell.
 */
export function isHeadingRow(ix: SheetIndex, t: Table, row: number): boolean {
  let filled = 0;
  for (const c of ix.filled[row] || []) {
    if (c < t.left || c > t.right) continue;
    const k = ix.read(row, c).kind;
    if (k === "number" || k === "nocache" || k === "error") return false;
    if (++filled > 1) return false;
  }
  return true;
}

export interface StaffRow {
  counts: boolean;
  kind: FunctionKind | "heading";
  /** The function as written ("" when blank or without a function column). */
  fn: string;
}

/**
 * Who the rows of one staff list are, and whether they count in the fte (the columns are
 * looked at once per table). A function column decides; "BBL" may also stand in a contract
 * or training column. Without a function column only the BBL / policy-officer options look
 * at the row's text columns.
 */
export function staffRowReader(ix: SheetIndex, t: Table, options: CheckOptions): (row: number) => StaffRow {
  const fc = functionColumn(t);
  const other = t.columns.filter((c) => c !== fc && (c.kind === "text" || c.kind === "name") && (!fc || CONTRACT_HEADER.test(normalizeText(c.header))));
  return (row) => {
    if (isHeadingRow(ix, t, row)) return { counts: false, kind: "heading", fn: "" };
    const fn = fc ? (ix.text(row, fc.col) || "").replace(/\s+/g, " ").trim() : "";
    let kind: FunctionKind = fn ? functionKind(ix.norm(row, fc!.col)!) : "pm";
    for (const c of other) {
      if (kind !== "pm" && kind !== "unknown") break;
      const n = ix.norm(row, c.col);
      if (n && BBL.test(n)) kind = "bbl";
      else if (n && !fc && POLICY_ROLE.test(n)) kind = "policy-on-group"; // no function column: someone on the group
    }
    const counts =
      kind === "bbl" ? options.countBbl !== false : kind === "policy-on-group" ? options.countPolicyOfficerOnGroup !== false : kind === "pm" || kind === "unknown";
    return { counts, kind, fn };
  };
}

/**
 * The weekly hours column of a staff list: one headed so ("Uren per week"), else, in a
 * list with a function column or titled as the staff ("Medewerkers", "Personeel"), its only
 * column headed "Uren"/"Hours" when every figure in it fits a working week (at most 40):
 * what such lists hold. Otherwise none (the fte is
 * then not derived from this list).
 */
export function weeklyColumn(ix: SheetIndex, t: Table): TableColumn | undefined {
  const stated = t.columns.find((c) => c.kind === "weekly");
  if (stated || !(functionColumn(t) || personnelTitle(t))) return stated;
  const hours = t.columns.filter((c) => c.kind === "hours" && /uren|\buur\b|hours/.test(normalizeText(c.header)));
  if (hours.length !== 1) return undefined;
  for (const r of t.dataRows) {
    const v = ix.read(r, hours[0].col);
    if (v.kind === "number" && (v.n < 0 || v.n > 40)) return undefined;
  }
  return hours[0];
}

/** Words of a title or sheet name that say "the staff", and words that say it is about hours of a part instead. */
const PERSONNEL = /medewerkers|personeel|\bpm\b|bezetting|formatie pm|\bstaff\b|employees|\bteam\b/;
const NOT_PERSONNEL = /coach|beleid|\bv?ve\b|gepland|planning|verdeling|inzet|realisatie/;

/** A staff list titled (or on a sheet named) as the staff: "Medewerkers", "Personeel 2026", without a part or planning word. */
function personnelTitle(t: Table): boolean {
  for (const text of [t.title, t.sheet]) {
    if (!text) continue;
    const n = normalizeText(text);
    if (PERSONNEL.test(n) && !NOT_PERSONNEL.test(n)) return true;
  }
  return false;
}

/**
 * Is this staff-like table the coaches' / beleidsmedewerkers' own hours (the formation),
 * not the PM list? Its name column is headed "Coach" / "Beleidsmedewerker", or every row's
 * function is coach / beleidsmedewerker.
 */
export function isCoachFormationTable(ix: SheetIndex, t: Table): boolean {
  if (t.role !== "staff") return false;
  const name = t.columns.find((c) => c.kind === "name");
  if (name && /coach|beleidsmedewerker/.test(normalizeText(name.header))) return true;
  // Titled (or on a sheet named) as the coaches' formation: "Formatie pedagogisch beleidsmedewerkers/coaches".
  for (const text of [t.title, t.sheet]) {
    const n = text ? normalizeText(text) : "";
    if (/formatie|formation/.test(n) && /coach|beleidsmedewerker|\bpbm|policy officer/.test(n)) return true;
  }
  const fc = functionColumn(t);
  if (!fc) return false;
  let coaches = 0;
  for (const r of t.dataRows) {
    if (isHeadingRow(ix, t, r)) continue;
    const n = ix.norm(r, fc.col);
    if (n === null || functionKind(n) !== "coach") return false;
    coaches++;
  }
  return coaches > 0;
}
