/**
 * The formation from a list of coaches / pedagogisch beleidsmedewerkers (docs/regels.md,
 * "Formatie uit een lijst"): per person the weekly contract hours (or fte × the full-time
 * week of the norm), × norm.formatieWekenPerJaar, pro rata by days when a start or end date
 * lies inside the check year. A row marked as a vacancy ("Vacature", status "open") is not
 * counted: its hours are reported apart. An hours or date cell that cannot be read makes the
 * formation unknown (a warning at that cell), never a partial sum.
 */
import { shorten } from "../cells";
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, rangeAddress } from "./a1";
import { normalizeText } from "./cell-read";
import type { Findings } from "./findings";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind } from "./table-model";
import type { Fact } from "./types";

/** Headers of a start-date column ("Ingangsdatum", "In dienst", "Startdatum", "Vanaf"). */
const START_HEADER = /ingangs?datum|startdatum|begindatum|in dienst|\bstart\b|\bbegin\b|\bvanaf\b|\bfrom\b|\bingang\b/;
/** Headers of an end-date column ("Einddatum", "Uit dienst", "Tot", "Einde contract"). */
const END_HEADER = /einddatum|\beinde?\b|uit dienst|\btot\b|\bend\b|\buntil\b/;
/** A cell that marks the row as an open vacancy, not a person. */
const VACANCY = /^vacature|\bvacature\b|\bvacant|^open(staand)?$|nog (niet )?ingevuld|nog te werven|^n\.?n\.?b\.?$|^tbd$/;

export interface FormationList {
  /** The formation hours of the persons (null when a cell could not be read). */
  fact: Fact | null;
  /** Yearly hours of the open vacancies (pro rata as the persons), not in the formation. */
  vacancyHours: number;
  vacancies: number;
  /** Persons counted. */
  persons: number;
  /** Yearly contract hours per person by normalised name (for a plan per coach). */
  perPerson: Map<string, { name: string; yearly: number }>;
}

/** A date cell as a UTC day number (days since 1970-01-01), "blank", or null when unreadable. */
export function dayOf(ix: SheetIndex, r: number, c: number): number | "blank" | null {
  const v = ix.read(r, c);
  if (v.kind === "blank") return "blank";
  if (v.kind === "number") {
    // An Excel serial date (the adapters give dates as ISO text; a bare serial still reads): 1900 system.
    if (Number.isInteger(v.n) && v.n >= 36526 && v.n <= 73051) return v.n - 25569;
    return null;
  }
  if (v.kind !== "text") return null;
  const t = v.text.trim();
  if (t === "" || t === "-" || t === "–") return "blank";
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]{0,12}Z?)?$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/** "01-07-2026" of a UTC day number. */
export function dutchDay(day: number): string {
  const d = new Date(day * 86_400_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/** First and last day of the year (inclusive) and its number of days. */
export function yearDays(year: number): { first: number; last: number; days: number } {
  const first = Date.UTC(year, 0, 1) / 86_400_000;
  const last = Date.UTC(year, 11, 31) / 86_400_000;
  return { first, last, days: last - first + 1 };
}

/**
 * The part of the year a contract from start to end (inclusive; either may be absent)
 * covers: days inside the year ÷ days of the year (365 or 366). 1 without dates.
 */
export function yearFraction(year: number, start: number | null, end: number | null): { days: number; of: number } {
  const y = yearDays(year);
  const from = Math.max(y.first, start ?? y.first);
  const to = Math.min(y.last, end ?? y.last);
  return { days: Math.max(0, to - from + 1), of: y.days };
}

function dateColumn(t: Table, header: RegExp, not: TableColumn[]): TableColumn | undefined {
  return t.columns.find((c) => !not.includes(c) && c.kind !== "weekly" && c.kind !== "fte" && header.test(normalizeText(c.header)));
}

/** Does a text cell of the row (inside the table) mark it as an open vacancy? */
function isVacancy(ix: SheetIndex, t: Table, r: number): boolean {
  for (const c of ix.filled[r] || []) {
    if (c < t.left || c > t.right) continue;
    const n = ix.norm(r, c);
    if (n !== null && n.length <= 60 && VACANCY.test(n)) return true;
  }
  return false;
}

/**
 * The formation of the coaches' own tables. `tables` are the staff-like tables recognised
 * as the coaches' formation (staff-functions.isCoachFormationTable).
 */
export function formationFromList(tables: Table[], byName: Map<string, SheetIndex>, norm: NormVersion, year: number, findings: Findings): FormationList | null {
  if (tables.length === 0) return null;
  const weeks = norm.formatieWekenPerJaar;
  const out: FormationList = { fact: null, vacancyHours: 0, vacancies: 0, persons: 0, perPerson: new Map() };
  let weekly = 0;
  let yearly = 0;
  const where: string[] = [];
  const partial: string[] = [];
  let unreadable = false;
  /** An unreadable cell: a warning there, and the formation from the list is unknown. */
  const bad = (ix: SheetIndex, r: number, c: number, what: string): true => {
    findings.at(RULES.FACT_INVALID, "warning", ix.name, r, c, `In de lijst van coaches/beleidsmedewerkers is ${what} niet te lezen; de formatie uit de lijst is daarom onbekend. Herstel de cel of geef de formatie op met --formatie UREN.`);
    return true;
  };
  for (const t of tables) {
    const ix = byName.get(t.sheet)!;
    const wk = columnOfKind(t, "weekly");
    const fte = columnOfKind(t, "fte");
    if (!wk && !fte) return null;
    const name = t.columns.find((c) => c.kind === "name");
    const start = dateColumn(t, START_HEADER, []);
    const end = dateColumn(t, END_HEADER, start ? [start] : []);
    for (const r of t.dataRows) {
      const hc = wk && ix.read(r, wk.col).kind !== "blank" ? wk : fte && ix.read(r, fte.col).kind !== "blank" ? fte : wk ?? fte!;
      const v = ix.read(r, hc.col);
      if (v.kind === "blank" && ix.filled[r].length <= 1) continue; // a heading row
      const vacancy = isVacancy(ix, t, r);
      if (v.kind === "blank" && vacancy) continue; // a vacancy without hours: nothing to show
      if (v.kind !== "number" || v.n < 0 || (hc === wk && v.n > 168)) {
        unreadable = bad(ix, r, hc.col, `de uren (${v.kind === "number" ? formatDutch(v.n) : "geen getal"})`);
        continue;
      }
      const hoursWeek = hc === wk ? v.n : v.n * norm.urenPerFteWeek;
      const days = (col: TableColumn | undefined): number | null | "bad" => {
        const d = col ? dayOf(ix, r, col.col) : "blank";
        if (d !== null) return d === "blank" ? null : d;
        bad(ix, r, col!.col, `de datum in de kolom '${shorten(col!.header, 30)}' (schrijf bijv. 01-07-${year})`);
        return "bad";
      };
      const s = days(start);
      const e = days(end);
      if (s === "bad" || e === "bad") {
        unreadable = true;
        continue;
      }
      const frac = yearFraction(year, s, e);
      const rowYearly = cleanFloat((hoursWeek * weeks * frac.days) / frac.of);
      const who = name ? (ix.text(r, name.col) ?? "").replace(/\s+/g, " ").trim() : "";
      if (frac.days !== frac.of) {
        const span = [s !== null ? `vanaf ${dutchDay(s)}` : "", e !== null ? `tot en met ${dutchDay(e)}` : ""].filter(Boolean).join(" ");
        partial.push(`${shorten(who || `rij ${r + 1}`, 30)}${vacancy ? " (vacature)" : ""} ${formatDutch(hoursWeek)} × ${formatDutch(weeks)} × ${frac.days}/${frac.of} dagen (${span})`);
      }
      if (vacancy) {
        out.vacancies++;
        out.vacancyHours += rowYearly;
        continue;
      }
      out.persons++;
      const key = normalizeText(who);
      if (who) out.perPerson.set(key, { name: who, yearly: (out.perPerson.get(key)?.yearly ?? 0) + rowYearly });
      weekly += hoursWeek;
      yearly += rowYearly;
    }
    where.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
  }
  out.vacancyHours = cleanFloat(out.vacancyHours);
  if (unreadable) return out;
  weekly = cleanFloat(weekly);
  yearly = cleanFloat(yearly);
  const value = partial.length ? yearly : cleanFloat(weekly * weeks);
  const vac = out.vacancies ? `; ${out.vacancies === 1 ? "1 vacature" : `${out.vacancies} vacatures`} (${formatDutch(out.vacancyHours)} uur) niet meegeteld` : "";
  const t0 = tables[0];
  out.fact = {
    value,
    source: {
      kind: "table",
      sheet: t0.sheet,
      cell: tables.length === 1 ? formationTotalCell(byName.get(t0.sheet)!, t0, value) : null,
      description:
        `uren per week van de coaches/beleidsmedewerkers in ${where.join(", ")}: ${formatDutch(weekly)} uur per week × ${formatDutch(weeks)}` +
        (partial.length
          ? `, naar rato van de dagen in ${year} (${partial.slice(0, 4).join("; ")}${partial.length > 4 ? ` en ${partial.length - 4} meer` : ""}) = ${formatDutch(value)} uur`
          : "") +
        vac,
    },
  };
  return out;
}

/** Where a coaches' table states its formation: the Totaal cell that holds the yearly figure, else the weekly hours' Totaal cell. */
function formationTotalCell(ix: SheetIndex, t: Table, yearly: number): string | null {
  if (t.totalRow === null) return null;
  for (const c of t.columns) {
    const v = ix.read(t.totalRow, c.col);
    if (v.kind === "number" && Math.abs(v.n - yearly) < 1e-6) return cellAddress(t.totalRow, c.col);
  }
  const wk = columnOfKind(t, "weekly");
  return wk ? cellAddress(t.totalRow, wk.col) : null;
}

/** A name column of a plan that names who does the work ("Coach", "Beleidsmedewerker", "Uitgevoerd door"). */
const PLAN_PERSON = /coach|beleidsmedewerker|\bpbm|uitgevoerd door|\bdoor\b|medewerker/;
const PART_KINDS = new Set(["coaching", "policy", "ve", "hours"]);
const PLAN_ROLES = new Set(["coaching", "policy", "ve", "locations", "mixed"]);

/**
 * A coach planned for more hours than the contract allows (docs/regels.md 2.6). Only where
 * the plan names the coach in its own column (headed "Coach", "Beleidsmedewerker", …) with a
 * name written exactly as in the coaches' list; the hours of a row are its Totaal column,
 * else the sum of its part columns. A warning at the plan's cell of the row that goes over.
 */
export function checkCoachPlans(list: FormationList | null, tables: Table[], byName: Map<string, SheetIndex>, findings: Findings): void {
  if (!list || list.perPerson.size === 0) return;
  const planned = new Map<string, number>();
  for (const t of tables) {
    if (!PLAN_ROLES.has(t.role)) continue;
    const ix = byName.get(t.sheet)!;
    const who = t.columns.find((c) => (c.kind === "name" || c.kind === "text") && PLAN_PERSON.test(normalizeText(c.header)));
    if (!who) continue;
    const total = columnOfKind(t, "total");
    const parts = total ? [total] : t.columns.filter((c) => PART_KINDS.has(c.kind));
    for (const r of t.dataRows) {
      const n = ix.norm(r, who.col);
      const person = n === null ? undefined : list.perPerson.get(n);
      if (!person) continue;
      let hours = 0;
      for (const c of parts) {
        const v = ix.read(r, c.col);
        if (v.kind === "number" && v.n > 0) hours += v.n;
      }
      const before = planned.get(n!) ?? 0;
      const after = cleanFloat(before + hours);
      planned.set(n!, after);
      if (before <= person.yearly + 0.5 && after > person.yearly + 0.5) {
        findings.at(
          RULES.FORMATION_OVERPLANNED,
          "warning",
          t.sheet,
          r,
          parts[parts.length - 1]?.col ?? who.col,
          `${shorten(person.name, 40)} is tot en met deze rij voor ${formatDutch(after)} uur ingepland, meer dan de ${formatDutch(person.yearly)} uur van het contract in de lijst van coaches/beleidsmedewerkers.`,
        );
      }
    }
  }
}
