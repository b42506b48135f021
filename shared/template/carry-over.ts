/**
 * What a new plan takes over from last year's workbook (`ikk-normen nieuw-plan --van`, the
 * panel's "Nieuw plan"): the locations (LRK, name, kind, doelgroeppeuters), the pedagogisch
 * medewerkers who count in the fte (name, function, fixed/flex, hours) and the formation
 * (coaches and beleidsmedewerkers with their hours per week), read from the tables the
 * check detected. Pure: takes the snapshot and the check's result.
 */
import { cleanFloat, formatDutch } from "../numbers";
import { normForYear } from "../norms";
import { rangeAddress } from "../validate/a1";
import { normalizeText } from "../validate/cell-read";
import { indexSheet, type SheetIndex } from "../validate/sheet-index";
import { functionColumn, isCoachFormationTable, staffRowReader, weeklyColumn } from "../validate/staff-functions";
import { columnOfKind, columnsOfKind, FLEX_CONTRACT, locationColumn, type Table, type TableColumn } from "../validate/table-model";
import { detectSheetTables } from "../validate/tables";
import type { CheckResult, WorkbookSnapshot } from "../validate/types";
import { LOCATION_WORD } from "../validate/vocabulary";
import type { CarriedCoach, CarriedLocation, CarriedPlan, CarriedStaff } from "./types";

export interface CarryOver {
  carried: CarriedPlan;
  /** Dutch lines: what was taken over (counts) and what was not found. */
  messages: string[];
}

/** One line of text as a name: line breaks and runs of spaces as one space. */
function oneLine(s: string): string {
  return s.split(/\s+/).filter((w) => w !== "").join(" ");
}

function textAt(ix: SheetIndex, r: number, col: TableColumn | undefined): string | null {
  if (!col) return null;
  const v = ix.read(r, col.col);
  if (v.kind === "text") return oneLine(v.text) || null;
  if (v.kind === "number") return String(v.n);
  return null;
}

function numberAt(ix: SheetIndex, r: number, col: TableColumn | undefined): number | null {
  if (!col) return null;
  const v = ix.read(r, col.col);
  return v.kind === "number" && v.n >= 0 ? v.n : null;
}

/** The nine-digit LRK number of a cell (text or number), or null. */
function lrkAt(ix: SheetIndex, r: number, cols: TableColumn[]): string | null {
  for (const col of cols) {
    const v = ix.read(r, col.col);
    const s = v.kind === "number" && Number.isInteger(v.n) ? String(v.n) : v.kind === "text" ? v.text.trim() : "";
    if (/^\d{9}$/.test(s)) return s;
  }
  return null;
}

/** KDV, BSO, PSZ or Peuteropvang from a kind column or the name ("KDV Budel"), else null. */
function careKind(...texts: (string | null)[]): string | null {
  for (const t of texts) {
    if (!t) continue;
    const n = normalizeText(t);
    if (/\bbso\b|buitenschools/.test(n)) return "BSO";
    if (/\b(kdv|do)\b|dagopvang|kinderdagverblijf/.test(n)) return "KDV";
    if (/\b(psz|slg)\b|peuterspeelzaal|speelleergroep/.test(n)) return "PSZ";
    if (/peuteropvang/.test(n)) return "Peuteropvang";
  }
  return null;
}

/** The detected tables of the result, as tables with their columns (turned tables are not read). */
function detectedTables(wb: WorkbookSnapshot, result: CheckResult): { table: Table; ix: SheetIndex }[] {
  const out: { table: Table; ix: SheetIndex }[] = [];
  wb.sheets.forEach((sheet, i) => {
    const wanted = result.tables.filter((t) => t.sheet === sheet.name && t.role !== "ignored");
    if (wanted.length === 0) return;
    const ix = indexSheet(sheet, i);
    for (const table of detectSheetTables(ix)) {
      const match = wanted.find((w) => w.range === rangeAddress(table.top, table.left, table.bottom, table.right));
      if (!match) continue;
      table.role = match.role;
      out.push({ table, ix });
    }
  });
  return out;
}

/** The header of a kind-of-care column ("Soort", "Opvangsoort", "Type"). */
const KIND_HEADER = /soort|type|opvang/;

function locationsFrom(tables: { table: Table; ix: SheetIndex }[]): CarriedLocation[] {
  const byKey = new Map<string, CarriedLocation>();
  const add = (loc: CarriedLocation) => {
    const key = `${loc.lrk ?? ""}|${normalizeText(loc.name)}`;
    if (!byKey.has(key)) byKey.set(key, loc);
  };
  // 1. Lists with LRK numbers (location lists, toddler tables, allocation tables with an LRK column).
  for (const { table, ix } of tables) {
    if (table.role === "staff" || table.role === "mixed" || table.role === "realisation") continue;
    const lrkCols = columnsOfKind(table, "lrk");
    if (lrkCols.length === 0) continue;
    const name = locationColumn(table);
    const kindCol = table.columns.find((c) => c !== name && (c.kind === "text" || c.kind === "category") && KIND_HEADER.test(normalizeText(c.header)));
    for (const r of table.dataRows) {
      const lrk = lrkAt(ix, r, lrkCols);
      const n = textAt(ix, r, name);
      if (!lrk && !n) continue;
      const kind = textAt(ix, r, kindCol);
      add({ lrk, name: n ?? lrk!, kind: careKind(kind, n), toddlers: null });
    }
  }
  // 2. Without LRK numbers: the location names of the allocation tables (beleid first: one row per kindercentrum).
  if (byKey.size === 0) {
    for (const role of ["policy", "coaching", "locations", "ve"] as const) {
      for (const { table, ix } of tables) {
        if (table.role !== role) continue;
        const name = locationColumn(table);
        for (const r of table.dataRows) {
          const n = textAt(ix, r, name);
          if (n) add({ lrk: null, name: n, kind: careKind(n), toddlers: null });
        }
      }
      if (byKey.size > 0) break;
    }
  }
  const locations = [...byKey.values()];
  // 3. Doelgroeppeuters per location from the toddler tables, matched by name ("Dommelen" → "KDV Dommelen").
  for (const { table, ix } of tables) {
    const toddlers = columnOfKind(table, "toddlers");
    if (!toddlers) continue;
    const names = table.columns.filter((c) => (c.kind === "name" || c.kind === "text") && (c.kind === "name" || LOCATION_WORD.test(normalizeText(c.header))));
    const lrkCols = columnsOfKind(table, "lrk");
    for (const r of table.dataRows) {
      const n = numberAt(ix, r, toddlers);
      if (n === null) continue;
      const lrk = lrkAt(ix, r, lrkCols);
      const target = (lrk && locations.find((l) => l.lrk === lrk)) || matchByName(locations, names.map((c) => textAt(ix, r, c)));
      if (target) target.toddlers = cleanFloat((target.toddlers ?? 0) + n);
      else {
        const name = names.map((c) => textAt(ix, r, c)).find((x) => x !== null);
        if (name) locations.push({ lrk, name, kind: careKind(name), toddlers: n });
      }
    }
  }
  return locations;
}

/** The one location whose name holds the given name (a toddler table says "Dommelen"); a KDV/PSZ before a BSO. */
function matchByName(locations: CarriedLocation[], names: (string | null)[]): CarriedLocation | null {
  for (const name of names) {
    if (!name) continue;
    const n = normalizeText(name);
    const exact = locations.filter((l) => normalizeText(l.name) === n);
    if (exact.length === 1) return exact[0];
    const words = (s: string) => ` ${s.replace(/[^a-z0-9']+/g, " ").trim()} `;
    const holds = locations.filter((l) => words(normalizeText(l.name)).includes(words(n)));
    const young = holds.filter((l) => l.kind !== "BSO");
    if (young.length === 1) return young[0];
    if (holds.length === 1) return holds[0];
  }
  return null;
}

/** A text column that says the kind of contract ("Contract", "Dienstverband", "Vast/flex"). */
const CONTRACT_HEADER = /contract|dienstverband|vast|flex/;

/**
 * A staff member's hours as the template holds them: fixed staff their contract hours per
 * week; flexible staff (a flex contract, or only worked hours) the hours worked in the
 * flex weeks before 1 January as a total (an average per week × the weeks).
 */
function staffHours(weekly: number | null, worked: number | null, workedIsTotal: boolean, fte: number | null, flex: boolean, norm: { flexWeken: number; urenPerFteWeek: number }) {
  const perWeek = weekly !== null && weekly > 0 ? weekly : fte !== null && fte > 0 ? cleanFloat(fte * norm.urenPerFteWeek) : null;
  if (worked !== null && (flex || perWeek === null)) {
    return { contract: "Flex" as const, weeklyHours: null, workedHours13: workedIsTotal ? worked : cleanFloat(worked * norm.flexWeken) };
  }
  if (flex) return { contract: "Flex" as const, weeklyHours: null, workedHours13: perWeek === null ? null : cleanFloat(perWeek * norm.flexWeken) };
  return { contract: perWeek === null ? null : ("Vast" as const), weeklyHours: perWeek, workedHours13: null };
}

function staffFrom(tables: { table: Table; ix: SheetIndex }[], norm: { flexWeken: number; urenPerFteWeek: number }): { staff: CarriedStaff[]; left: number } {
  const staff: CarriedStaff[] = [];
  let left = 0;
  for (const { table, ix } of tables) {
    if (table.role !== "staff" || isCoachFormationTable(ix, table)) continue;
    const name = table.columns.find((c) => c.kind === "name");
    const fn = functionColumn(table);
    const wk = weeklyColumn(ix, table);
    const worked = columnOfKind(table, "worked");
    const fte = columnOfKind(table, "fte");
    const loc = table.columns.find((c) => c !== name && c !== fn && (c.kind === "text" || c.kind === "name") && LOCATION_WORD.test(normalizeText(c.header)));
    const contract = table.columns.find((c) => c !== name && c !== fn && c.kind === "text" && CONTRACT_HEADER.test(normalizeText(c.header)));
    const who = staffRowReader(ix, table, {});
    for (const r of table.dataRows) {
      const row = who(r);
      if (row.kind === "heading") continue;
      if (!row.counts) {
        left++;
        continue;
      }
      const n = textAt(ix, r, name);
      if (!n) continue;
      const contractText = [contract, wk].map((c) => (c ? ix.norm(r, c.col) : null)).find((t) => t !== null && FLEX_CONTRACT.test(t));
      const flex = contractText !== undefined || FLEX_CONTRACT.test(normalizeText(row.fn));
      const entry = staffHours(numberAt(ix, r, wk), numberAt(ix, r, worked), worked?.workedIsTotal === true, numberAt(ix, r, fte), flex, norm);
      staff.push({ name: n, function: row.fn || null, ...entry, location: textAt(ix, r, loc) });
    }
  }
  return { staff, left };
}

function formationFrom(tables: { table: Table; ix: SheetIndex }[], hoursPerFte: number): CarriedCoach[] {
  const out: CarriedCoach[] = [];
  for (const { table, ix } of tables) {
    if (table.role !== "staff" || !isCoachFormationTable(ix, table)) continue;
    const name = table.columns.find((c) => c.kind === "name");
    const fn = functionColumn(table);
    const wk = weeklyColumn(ix, table);
    const fte = columnOfKind(table, "fte");
    for (const r of table.dataRows) {
      const n = textAt(ix, r, name);
      if (!n) continue;
      const weekly = numberAt(ix, r, wk);
      const f = numberAt(ix, r, fte);
      out.push({ name: n, function: textAt(ix, r, fn), weeklyHours: weekly ?? (f !== null ? cleanFloat(f * hoursPerFte) : null) });
    }
  }
  return out;
}

const count = (n: number, one: string, many: string) => `${formatDutch(n, 0)} ${n === 1 ? one : many}`;

/**
 * Last year's locations, staff and formation from its detected tables, with Dutch lines on
 * what was taken over and what was not found.
 */
export function carryOver(wb: WorkbookSnapshot, result: CheckResult): CarryOver {
  const tables = detectedTables(wb, result);
  const locations = locationsFrom(tables);
  const norm = normForYear(result.year);
  const { staff, left } = staffFrom(tables, norm);
  const formation = formationFrom(tables, norm.urenPerFteWeek);
  const messages: string[] = [];
  const withLrk = locations.filter((l) => l.lrk !== null).length;
  const withToddlers = locations.filter((l) => l.toddlers !== null).length;
  const taken: string[] = [];
  if (locations.length) taken.push(`${count(locations.length, "locatie", "locaties")} (${formatDutch(withLrk, 0)} met LRK-nummer, ${formatDutch(withToddlers, 0)} met doelgroeppeuters)`);
  if (staff.length) taken.push(count(staff.length, "pedagogisch medewerker", "pedagogisch medewerkers"));
  if (formation.length) taken.push(count(formation.length, "coach of beleidsmedewerker", "coaches en beleidsmedewerkers"));
  messages.push(taken.length ? `Overgenomen: ${taken.join(", ")}.` : "Niets overgenomen: geen locaties, medewerkers of formatie gevonden.");
  const missing: string[] = [];
  if (!locations.length) missing.push("locaties");
  else if (withLrk < locations.length) missing.push(`LRK-nummers (${formatDutch(locations.length - withLrk, 0)} van de ${formatDutch(locations.length, 0)} locaties)`);
  if (!staff.length) missing.push("een lijst met pedagogisch medewerkers");
  if (!formation.length) {
    const total = result.formation.hours;
    missing.push(total !== null ? `de formatie per persoon (alleen een totaal van ${formatDutch(total)} uur per jaar)` : "de formatie (coaches en beleidsmedewerkers)");
  }
  if (missing.length) messages.push(`Niet gevonden: ${missing.join("; ")}. Vul dat aan in het nieuwe plan.`);
  if (left > 0) messages.push(`${count(left, "rij", "rijen")} van de personeelslijst niet overgenomen: geen pedagogisch medewerker (telt niet mee in de fte).`);
  messages.push("Controleer de doelgroeppeuters en de uren op 1 januari van het nieuwe jaar; de verdeling en de realisatie beginnen leeg.");
  return { carried: { locations, staff, formation }, messages };
}
