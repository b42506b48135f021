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
const FUNCTION_HEADER = /functie|\brol\b|\brole\b|job ?title|\btitle\b|\bposition\b|\bpositie\b|discipline/;
/** Other text columns that may say "BBL" (contract kind, training). */
const CONTRACT_HEADER = /soort|dienstverband|opleiding|contract|type/;

const BBL = /\bbbl|\bleerling|apprentice/;
const POLICY_ROLE = /beleidsmedewerker|\bcoach|\bpbm\b|policy officer|\bpbm'?er/;
/** The policy officer also works on the group. */
const ON_GROUP = /op de groep|groepswerk|groepsuren|on the group|\+ ?groep/;
const PM_ROLE =
  /pedagogisch(e)? (medewerker|professional|werker)|\bpm\b|\bpm[-' ]?er|groepsleid|groepshulp|beroepskracht|\binval|\bflex|oproep|uitzend|pedagogical (staff|worker|employee|professional)|childcare (worker|practitioner|professional)|leidster|\bleid(st)?er\b|bso[- ]?medewerker|kdv[- ]?medewerker|pedagogisch mw/;
const NOT_PM =
  /leidinggevend|manager|management|directie|directeur|director|\bkok\b|keuken|\bcook\b|\bchef\b|planner|planning|administrat|schoonma|huishoud|facilitair|facility|receptie|secretar|\bhr\b|personeelszaken|controller|financ|concierge|cleaner|housekeep|office/;

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
  for (const c of ix.filled[row] ?? []) {
    if (c < t.left || c > t.right) continue;
    const k = ix.read(row, c).kind;
    if (k === "number" || k === "nocache" || k === "error") return false;
    if (++filled > 1) return false;
  }
  return true;
}

export type RowVerdict =
  | { counts: true; kind: FunctionKind; function: string | null }
  | { counts: false; kind: FunctionKind | "heading"; function: string | null };

/**
 * Does this row of a staff list count in the fte? A function column decides; without one,
 * only the BBL / policy-officer options look at the row's text columns (a remark such as
 * "coaching in Q2" in another column says nothing about who the person is when there is
 * a function column).
 */
export function staffRowVerdict(ix: SheetIndex, t: Table, row: number, options: CheckOptions): RowVerdict {
  if (isHeadingRow(ix, t, row)) return { counts: false, kind: "heading", function: null };
  const fc = functionColumn(t);
  const raw = fc ? ix.text(row, fc.col) : null;
  let kind: FunctionKind = "pm";
  if (raw !== null && raw.trim() !== "") kind = functionKind(ix.norm(row, fc!.col)!);
  if (kind === "pm" || kind === "unknown") {
    // "BBL" may stand in the contract or training column instead; without a function
    // column every text column may say who the person is.
    const cols = t.columns.filter(
      (c) => c !== fc && (c.kind === "text" || c.kind === "name") && (fc ? CONTRACT_HEADER.test(normalizeText(c.header)) : true),
    );
    for (const c of cols) {
      const n = ix.norm(row, c.col);
      if (!n) continue;
      if (BBL.test(n)) kind = "bbl";
      else if (!fc && POLICY_ROLE.test(n)) kind = "policy-on-group"; // in a staff list without functions: someone on the group
      if (kind !== "pm" && kind !== "unknown") break;
    }
  }
  const fn = raw === null ? null : raw.replace(/\s+/g, " ").trim();
  if (kind === "bbl") return options.countBbl === false ? { counts: false, kind, function: fn } : { counts: true, kind, function: fn };
  if (kind === "policy-on-group") {
    return options.countPolicyOfficerOnGroup === false ? { counts: false, kind, function: fn } : { counts: true, kind, function: fn };
  }
  if (kind === "coach" || kind === "not-pm") return { counts: false, kind, function: fn };
  return { counts: true, kind, function: fn };
}

const FORMATION_TITLE = /formatie/;
const COACH_WORD = /coach|beleidsmedewerker|beleid/;

/**
 * Is this staff-like table the coaches' / beleidsmedewerkers' own hours (the formation),
 * not the PM list? Its name column is headed "Coach" / "Beleidsmedewerker", its title says
 * "formatie" with coach or beleid, or every row's function is coach / beleidsmedewerker.
 */
export function isCoachFormationTable(ix: SheetIndex, t: Table): boolean {
  if (t.role !== "staff") return false;
  const name = t.columns.find((c) => c.kind === "name");
  if (name && /coach|beleidsmedewerker/.test(normalizeText(name.header))) return true;
  const title = t.title ? normalizeText(t.title) : "";
  if (FORMATION_TITLE.test(title) && COACH_WORD.test(title) && !/pedagogisch(e)? medewerker|\bpm\b/.test(title)) return true;
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
