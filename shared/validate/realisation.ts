/**
 * The realisation (issue 12): the hours spent compared with the plan pro rata to a
 * reference date. fraction = (month − 1 + (day − 1)/daysInMonth)/12 of the check year
 * (realisation-months.ts); expected = planned × fraction; projected = realised ÷ fraction,
 * the year-end figure at the current pace. The engine reads no clock: without
 * options.asOf the realised hours are listed but not compared (asOf and fraction null).
 */
import { IkkError } from "../errors";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress } from "./a1";
import type { Facts } from "./facts";
import type { Findings } from "./findings";
import type { Part } from "./planned";
import { DUTCH_MONTHS, parseIsoDate, yearFraction } from "./realisation-months";
import { markRealisation, readRealised, type RealisationSources, type RealisedCell, type RealisedRead } from "./realisation-read";
import { coachedStatus, type CoachedStatus } from "./realisation-staff";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";
import type { CheckOptions, PartHours, RealisationLocation, RealisationResult } from "./types";
import { locationKey, partHoursPerLocation } from "./ve-locations";
import { dutchDate } from "./year";

export { markRealisation, type RealisationSources };

const PARTS: readonly Part[] = ["policy", "coaching", "ve"];
const PART_DUTCH: Record<Part, string> = { policy: "beleid", coaching: "coaching", ve: "VE" };
/** Cell findings of one kind (months after the reference date, unreadable cells) shown one by one; the rest are counted. */
const MAX_CELL_FINDINGS = 20;
/** Location findings shown one by one. */
const MAX_LOCATION_FINDINGS = 50;
/** Locations listed in the result. */
const MAX_LOCATIONS = 2000;
export const DEFAULT_ALERT_MONTH = 9;

const h = (n: number) => formatDutch(cleanFloat(n));
const pct = (f: number) => `${formatDutch(f * 100, 1)} %`;

/** The reference date of the options, checked: an ISO date that exists, else a Dutch error. */
export function referenceDate(options: CheckOptions): { year: number; month: number; day: number; iso: string } | null {
  if (options.asOf === undefined || options.asOf === null) return null;
  const d = typeof options.asOf === "string" ? parseIsoDate(options.asOf.trim()) : null;
  if (!d) throw new IkkError("ONGELDIGE_INVOER", `De peildatum '${String(options.asOf).slice(0, 40)}' is geen bestaande datum; geef hem als jjjj-mm-dd (bijvoorbeeld 2026-10-01).`);
  return { ...d, iso: options.asOf.trim() };
}

/** The alert month of the options (1–12, default 9), else a Dutch error. */
export function alertMonth(options: CheckOptions): number {
  const m = options.alertFromMonth;
  if (m === undefined || m === null) return DEFAULT_ALERT_MONTH;
  if (typeof m !== "number" || !Number.isInteger(m) || m < 1 || m > 12) {
    throw new IkkError("ONGELDIGE_INVOER", `De maand vanaf wanneer niet-gecoachte medewerkers gemeld worden moet 1 tot en met 12 zijn, niet '${String(m).slice(0, 20)}'.`);
  }
  return m;
}

export interface RealisationInput {
  year: number;
  options: CheckOptions;
  tables: Table[];
  byName: Map<string, SheetIndex>;
  sources: RealisationSources;
  planned: PartHours;
  required: PartHours;
  facts: Facts;
  /** The VE norm per doelgroeppeuter of the year, null before the VE norm. */
  veNorm: number | null;
  /** Parts whose allocation table the mapping moved (planned per location is then read like the planned total). */
  movedParts: Set<Part>;
  findings: Findings;
}

const sumParts = (values: (number | null)[]): number | null => (values.some((v) => v === null) ? null : cleanFloat(values.reduce<number>((s, v) => s + v!, 0)));

/** The parts with realised hours (or with an unreadable realised cell): the parts realised.total covers. */
function presentParts(cells: RealisedCell[], unknownParts: Set<Part>): Part[] {
  return PARTS.filter((p) => unknownParts.has(p) || cells.some((c) => c.part === p));
}

/** The realised hours per part: null for a part without cells, or with an unreadable cell (never a partial sum). */
function realisedHours(cells: RealisedCell[], unknownParts: Set<Part>): PartHours {
  const sum: Record<Part, number | null> = { policy: null, coaching: null, ve: null };
  for (const c of cells) sum[c.part] = (sum[c.part] ?? 0) + c.hours;
  for (const p of PARTS) {
    if (unknownParts.has(p)) sum[p] = null;
    else if (sum[p] !== null) sum[p] = cleanFloat(sum[p]!);
  }
  const present = presentParts(cells, unknownParts);
  return { ...sum, total: present.length ? sumParts(present.map((p) => sum[p])) : null };
}

/**
 * Expected per part = planned × fraction; the total over the same parts as realised.total
 * (only coaching recorded: the coaching plan, not the whole plan). Null without such parts,
 * or when one of them has no planned figure.
 */
function expectedHours(planned: PartHours, present: Part[], fraction: number | null): PartHours {
  const per = { policy: scale(planned.policy, fraction), coaching: scale(planned.coaching, fraction), ve: scale(planned.ve, fraction) };
  const total = present.length && fraction !== null ? sumParts(present.map((p) => per[p])) : null;
  return { ...per, total };
}

const scale = (v: number | null, f: number | null) => (v === null || f === null ? null : cleanFloat(v * f));
const divide = (v: number | null, f: number | null) => (v === null || f === null || f === 0 ? null : cleanFloat(v / f));

function mapParts(a: PartHours, fn: (v: number | null) => number | null): PartHours {
  return { policy: fn(a.policy), coaching: fn(a.coaching), ve: fn(a.ve), total: fn(a.total) };
}

/** Unreadable cells: a warning per cell (bounded), the parts they belong to become unknown. */
function reportUnreadable(read: RealisedRead, findings: Findings): Set<Part> {
  const unknown = new Set<Part>();
  read.unreadable.forEach((u, i) => {
    for (const p of u.part ? [u.part] : PARTS) unknown.add(p);
    if (i >= MAX_CELL_FINDINGS) return;
    const what = u.what === "uren" ? "geen leesbaar aantal uren (tekst, een foutwaarde, een negatief getal of een formule zonder uitkomst)" : u.what === "maand" ? "geen leesbare maand of datum" : "geen onderdeel (beleid, coaching of VE) bij deze uren";
    const part = u.part ? `van ${PART_DUTCH[u.part]}` : "";
    findings.at(RULES.REALISATION_UNREADABLE, "warning", u.sheet, u.row, u.col, `Hier staat ${what}. De realisatie ${part} is daardoor onvolledig: deze uren zijn niet opgeteld en niet vergeleken.`.replace("  ", " "));
  });
  if (read.unreadable.length > MAX_CELL_FINDINGS) {
    const first = read.unreadable[MAX_CELL_FINDINGS];
    findings.at(RULES.REALISATION_UNREADABLE, "warning", first.sheet, first.row, first.col, `En nog ${formatDutch(read.unreadable.length - MAX_CELL_FINDINGS, 0)} cellen van de realisatie die niet te lezen zijn; de realisatie is onvolledig.`);
  }
  return unknown;
}

/** Hours dated in another year are left out (one info); hours in a month after the reference date are a warning at the month. */
function reportDates(cells: RealisedCell[], year: number, asOf: { year: number; month: number; day: number } | null, findings: Findings): RealisedCell[] {
  const other = cells.filter((c) => c.year !== null && c.year !== year);
  if (other.length) {
    const f = other[0];
    const hours = other.reduce((s, c) => s + c.hours, 0);
    findings.at(
      RULES.REALISATION_OTHER_YEAR,
      "info",
      f.sheet,
      f.monthRow,
      f.monthCol,
      `${formatDutch(other.length, 0)} ${other.length === 1 ? "regel" : "regels"} van de realisatie (samen ${h(hours)} uur) ${other.length === 1 ? "valt" : "vallen"} buiten ${year}, de eerste hier; die uren zijn niet meegeteld.`,
    );
  }
  const kept = cells.filter((c) => c.year === null || c.year === year);
  if (asOf) {
    // A month after the reference month, or a date after the reference date in its month.
    const after = (c: RealisedCell) => c.month! > asOf.month || (c.month === asOf.month && c.day !== null && c.day > asOf.day);
    const later = kept.filter((c) => c.month !== null && (asOf.year < year || (asOf.year === year && after(c))));
    later.slice(0, MAX_CELL_FINDINGS).forEach((c) => {
      findings.at(
        RULES.REALISATION_FUTURE,
        "warning",
        c.sheet,
        c.monthRow,
        c.monthCol,
        `Hier ${c.hours === 1 ? "staat" : "staan"} ${h(c.hours)} uur ${PART_DUTCH[c.part]} besteed ${c.day !== null ? "op" : "in"} ${c.day !== null ? `${c.day} ` : ""}${DUTCH_MONTHS[c.month! - 1]} ${year}, na de peildatum. Klopt de maand, of zijn dit geplande uren? Ze zijn wel meegeteld.`,
      );
    });
    if (later.length > MAX_CELL_FINDINGS) {
      const c = later[MAX_CELL_FINDINGS];
      findings.at(RULES.REALISATION_FUTURE, "warning", c.sheet, c.monthRow, c.monthCol, `En nog ${formatDutch(later.length - MAX_CELL_FINDINGS, 0)} regels met uren na de peildatum.`);
    }
  }
  return kept;
}

/** Per part: behind the law at this pace (warning; after the year an error), or behind the plan only (info). */
function reportParts(r: RealisationResult, required: PartHours, planned: PartHours, dateText: string, where: Map<Part, RealisedCell>, findings: Findings): void {
  if (r.fraction === null || r.fraction === 0) return;
  for (const p of PARTS) {
    const realised = r.realised[p];
    if (realised === null) continue;
    const at = where.get(p);
    const sheet = at ? at.sheet : null;
    const cell = at ? cellAddress(at.row, at.col) : null;
    const need = required[p];
    const plan = planned[p];
    const part = PART_DUTCH[p];
    if (r.fraction === 1) {
      if (need !== null && realised < need) findings.add(RULES.REALISATION_SHORT, "error", sheet, cell, `Over ${dateText} is ${h(realised)} uur ${part} besteed; nodig was ${h(need)} uur (tekort ${h(need - realised)} uur).`);
      else if (plan !== null && realised < plan) findings.add(RULES.REALISATION_BEHIND, "info", sheet, cell, `Over ${dateText} is ${h(realised)} uur ${part} besteed, minder dan de ${h(plan)} uur van de planning${need !== null ? `, maar genoeg voor de norm (${h(need)} uur)` : ""}.`);
      continue;
    }
    const projected = r.projected[p]!;
    const expected = r.expected[p];
    const pace = `Per ${dateText} is ${h(realised)} uur ${part} besteed (${pct(r.fraction)} van het jaar is om); op dit tempo wordt het eind van het jaar ${h(projected)} uur`;
    const plan_ = expected !== null ? ` Volgens de planning (${h(plan!)} uur) zou nu ${h(expected)} uur besteed zijn.` : "";
    if (need !== null && projected < need) {
      findings.add(RULES.REALISATION_BEHIND, "warning", sheet, cell, `${pace}, terwijl de wet ${h(need)} uur vraagt (${h(need - projected)} uur te weinig).${plan_}`);
    } else if (expected !== null && realised < expected) {
      findings.add(RULES.REALISATION_BEHIND, "info", sheet, cell, `${pace}${need !== null ? `, genoeg voor de norm (${h(need)} uur)` : ""}, maar minder dan gepland.${plan_}`);
    }
  }
}

interface PlannedRow {
  name: string;
  lrks: string[];
  planned: number | null;
  sheet: string;
  row: number;
  col: number;
}

/** A location name as displayed: whitespace collapsed, case-insensitive ("KDV\nDe Kikker" = "kdv de kikker"). */
const displayKey = (name: string) => name.replace(/\s+/g, " ").trim().toLowerCase();

/** Where a location's finding points: its first realised cell, else its planned row. */
type LocationAt = { sheet: string; row: number; col: number };

/**
 * Which planned location of a part a realised location is: first the same displayed name,
 * then a shared LRK number, and only then the same locationKey when exactly one planned
 * location has it ("Locatie De Kikker" = "De Kikker"; never "KDV Valkenswaard" and "BSO
 * Valkenswaard" together: two kindercentra, two LRK registrations). Null: not in the plan.
 */
export function matchPlannedLocation(planned: { name: string; lrks: string[] }[], name: string, lrks: readonly string[]): number | null {
  const display = displayKey(name);
  const exact = planned.findIndex((p) => displayKey(p.name) === display);
  if (exact >= 0) return exact;
  if (lrks.length) {
    const byLrk = planned.flatMap((p, i) => (p.lrks.some((l) => lrks.includes(l)) ? [i] : []));
    if (byLrk.length === 1) return byLrk[0];
  }
  const key = locationKey(name);
  const byKey = planned.flatMap((p, i) => (locationKey(p.name) === key ? [i] : []));
  return byKey.length === 1 ? byKey[0] : null;
}

/** Realised and planned per location × part: planned locations of every realised part, and realised locations not in the plan (planned null). */
function locations(input: RealisationInput, cells: RealisedCell[], realised: PartHours, f: number | null): { list: RealisationLocation[]; at: Map<RealisationLocation, LocationAt> } {
  const list: RealisationLocation[] = [];
  const at = new Map<RealisationLocation, LocationAt>();
  for (const p of PARTS) {
    if (realised[p] === null) continue;
    // Planned rows of one displayed name (per-coach blocks) add up.
    const plannedRows: PlannedRow[] = [];
    const byDisplay = new Map<string, PlannedRow>();
    for (const row of partHoursPerLocation(p, input.tables, input.byName, !input.movedParts.has(p))) {
      const known = byDisplay.get(displayKey(row.name));
      if (known) {
        known.planned = known.planned === null || row.value === null ? null : cleanFloat(known.planned + row.value);
        for (const l of row.lrks) if (!known.lrks.includes(l)) known.lrks.push(l);
        continue;
      }
      const pr: PlannedRow = { name: row.name, lrks: [...row.lrks], planned: row.value, sheet: row.sheet, row: row.row, col: row.col };
      byDisplay.set(displayKey(row.name), pr);
      plannedRows.push(pr);
    }
    const plannedLocs = plannedRows.map((pr): RealisationLocation => ({ location: pr.name, part: p, planned: pr.planned, realised: 0, expected: scale(pr.planned, f) }));
    plannedLocs.forEach((l, i) => at.set(l, { sheet: plannedRows[i].sheet, row: plannedRows[i].row, col: plannedRows[i].col }));
    const firstCell = new Set<RealisationLocation>();
    const extra = new Map<string, RealisationLocation>();
    const matched = new Map<string, RealisationLocation | null>();
    for (const c of cells) {
      if (c.part !== p || c.location === null) continue;
      const memo = `${displayKey(c.location)}|${(c.lrks ?? []).join(",")}`;
      let l = matched.get(memo);
      if (l === undefined) {
        const i = matchPlannedLocation(plannedRows, c.location, c.lrks ?? []);
        l = i === null ? null : plannedLocs[i];
        matched.set(memo, l);
      }
      if (l === null) {
        const d = displayKey(c.location);
        l = extra.get(d);
        if (!l) {
          if (plannedLocs.length + extra.size >= MAX_LOCATIONS) continue;
          l = { location: c.location, part: p, planned: null, realised: 0, expected: null };
          extra.set(d, l);
        }
      }
      l.realised = cleanFloat(l.realised + c.hours);
      if (!firstCell.has(l)) {
        firstCell.add(l);
        at.set(l, { sheet: c.sheet, row: c.row, col: c.col });
      }
    }
    list.push(...plannedLocs, ...extra.values());
  }
  return { list, at };
}

function reportLocations(list: RealisationLocation[], at: Map<RealisationLocation, LocationAt>, fraction: number | null, findings: Findings): void {
  if (fraction === null || fraction === 0) return;
  let shown = 0;
  for (const l of list) {
    if (l.expected === null || l.planned === null || l.realised >= l.expected) continue;
    if (shown++ >= MAX_LOCATION_FINDINGS) break;
    const where = at.get(l);
    findings.add(
      RULES.REALISATION_LOCATION_BEHIND,
      "info",
      where ? where.sheet : null,
      where ? cellAddress(where.row, where.col) : null,
      `Locatie '${l.location.slice(0, 40)}', ${PART_DUTCH[l.part]}: ${h(l.realised)} uur besteed; volgens de planning (${h(l.planned)} uur voor het jaar) zou nu ${h(l.expected)} uur besteed zijn.`,
    );
  }
}

/** VE per location at this pace below 10 × its doelgroeppeuters: a warning at the toddler row. */
function reportVeLocations(input: RealisationInput, list: RealisationLocation[], fraction: number | null, realisedVe: number | null): void {
  const toddlers = input.facts.toddlerLocations;
  if (fraction === null || fraction === 0 || realisedVe === null || input.veNorm === null || !toddlers) return;
  const realisedBy = new Map<string, number>();
  for (const l of list) if (l.part === "ve") realisedBy.set(locationKey(l.location), (realisedBy.get(locationKey(l.location)) ?? 0) + l.realised);
  const byKey = new Map<string, { name: string; toddlers: number; sheet: string; row: number; col: number }>();
  for (const t of toddlers) {
    const known = byKey.get(t.key);
    if (known) known.toddlers += t.toddlers;
    else byKey.set(t.key, { name: t.name, toddlers: t.toddlers, sheet: t.sheet, row: t.row, col: t.col });
  }
  for (const [key, t] of byKey) {
    const need = cleanFloat(t.toddlers * input.veNorm);
    const realised = realisedBy.get(key) ?? 0;
    const projected = cleanFloat(realised / fraction);
    if (need === 0 || projected >= need) continue;
    const when = fraction === 1 ? `over het jaar is ${h(realised)} uur VE besteed` : `op dit tempo (${h(realised)} uur besteed, ${pct(fraction)} van het jaar) wordt het eind van het jaar ${h(projected)} uur VE`;
    input.findings.at(
      RULES.REALISATION_VE_LOCATION,
      "warning",
      t.sheet,
      t.row,
      t.col,
      `Locatie '${t.name.slice(0, 40)}': ${when}; nodig is ${h(need)} uur (${formatDutch(input.veNorm)} uur × ${formatDutch(t.toddlers)} doelgroeppeuters).`,
    );
  }
}

/** Staff not coached yet: a warning at each row from the alert month on (and after the year), before it an info with the count. */
function reportNotCoached(status: CoachedStatus | null, asOf: { year: number; month: number } | null, year: number, alert: number, findings: Findings): void {
  if (!status || status.notCoached.length === 0 || !asOf || asOf.year < year) return;
  const due = asOf.year > year || asOf.month >= alert;
  if (due) {
    for (const s of status.notCoached) {
      findings.at(
        RULES.STAFF_NOT_COACHED_YET,
        "warning",
        s.sheet,
        s.row,
        s.col,
        `Medewerker '${s.name.slice(0, 40)}' is ${asOf.year > year ? `in ${year} niet` : "nog niet"} gecoacht. Iedere pedagogisch medewerker moet ieder jaar coaching krijgen (Besluit kwaliteit kinderopvang art. 8).`,
      );
    }
    return;
  }
  const n = status.notCoached.length;
  const t = status.tables[0];
  findings.add(
    RULES.STAFF_NOT_COACHED_YET,
    "info",
    t.sheet,
    cellAddress(t.top, t.left),
    `${formatDutch(n, 0)} ${n === 1 ? "pedagogisch medewerker is" : "pedagogisch medewerkers zijn"} nog niet gecoacht. Vanaf ${DUTCH_MONTHS[alert - 1]} wordt iedere medewerker zonder coaching apart gemeld.`,
  );
}

/**
 * The realisation of a check: null when the workbook has no realised hours (and no staff
 * list that says someone was coached). Adds its findings; never touches planned or
 * required figures.
 */
export function checkRealisation(input: RealisationInput): RealisationResult | null {
  const { year, options, findings } = input;
  const asOf = referenceDate(options);
  const alert = alertMonth(options);
  const read = readRealised(input.sources, input.tables, input.byName);
  const status = coachedStatus(input.tables, input.byName, options, read.coachedNames);
  const someoneCoached = status !== null && status.coached > 0;
  if (read.cells.length === 0 && read.unreadable.length === 0 && !someoneCoached) return null;

  const unknownParts = reportUnreadable(read, findings);
  const cells = reportDates(read.cells, year, asOf, findings);
  const realised = realisedHours(cells, unknownParts);
  const fraction = asOf ? yearFraction(asOf, year) : null;
  const present = presentParts(cells, unknownParts);
  const expected = expectedHours(input.planned, present, fraction);
  const projected = mapParts(realised, (v) => divide(v, fraction));
  const locs = locations(input, cells, realised, fraction);
  const result: RealisationResult = {
    asOf: asOf ? asOf.iso : null,
    asOfSource: asOf ? options.asOfSource ?? "opgegeven peildatum" : "geen peildatum opgegeven",
    fraction,
    realised,
    expected,
    projected,
    locations: locs.list,
    alertFromMonth: alert,
    notCoached: (status?.notCoached ?? []).map((s) => ({ sheet: s.sheet, cell: cellAddress(s.row, s.col), name: s.name })),
    complete: unknownParts.size === 0,
    partsWithoutRealised: PARTS.filter((p) => !present.includes(p)),
    where: read.where,
  };
  if (!asOf) {
    findings.add(
      RULES.REALISATION_NO_DATE,
      "info",
      null,
      null,
      "De werkmap heeft bestede uren (realisatie), maar er is geen peildatum opgegeven; de uren zijn opgeteld, niet met de planning vergeleken. Geef een peildatum op (--peildatum of het veld in het paneel).",
    );
    return result;
  }
  const dateText = fraction === 1 ? String(year) : dutchDate(asOf.iso);
  const firstOf = new Map<Part, RealisedCell>();
  for (const c of cells) if (!firstOf.has(c.part)) firstOf.set(c.part, c);
  reportParts(result, input.required, input.planned, dateText, firstOf, findings);
  reportLocations(locs.list, locs.at, fraction, findings);
  reportVeLocations(input, locs.list, fraction, realised.ve);
  reportNotCoached(status, asOf, year, alert, findings);
  return result;
}
