/**
 * The norm inputs derived from the tables (facts.ts combines them with labels, mapping and
 * options): kindercentra as distinct LRK numbers, the fte of the pedagogisch medewerkers
 * from a staff list (weekly hours ÷ full-time week, flex hours averaged), and the
 * doelgroeppeuters per VE location. A cell that cannot be read makes the figure unknown
 * (a finding), never too low.
 */
import { fteFromWeeklyHours, flexFte } from "../calc";
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, rangeAddress } from "./a1";
import { HOW_TO_SUPPLY } from "./completeness";
import { checkFteColumn } from "./derived-figures";
import type { Findings } from "./findings";
import { lrkNumbers } from "./lrk-cells";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import { isCoachFormationTable, staffRowReader, weeklyColumn } from "./staff-functions";
import { StaffTally, tallyName } from "./staff-tally";
import { formationFromList, type FormationList } from "./formation-list";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind, columnsOfKind } from "./table-model";
import { normalizeText } from "./cell-read";
import { labelledLrkNumbers } from "./labelled-facts";
import type { CheckOptions, Fact } from "./types";
import { labelledToddlers, readToddlers, type ToddlerLocation } from "./ve-locations";

/** Kindercentra: the distinct LRK numbers in every LRK column; unknown when an LRK cell has no known value. */
/** A count of registrations per row ("Aantal LRK", "# LRK"): its header says so, or it holds only small whole numbers. */
function isCountColumn(ix: SheetIndex, t: Table, col: TableColumn): boolean {
  if (/^(aantal|number of|#|count)\b|\baantal\b/.test(normalizeText(col.header))) return true;
  let numbers = 0;
  for (const r of t.dataRows) {
    const v = ix.read(r, col.col);
    if (v.kind === "text") return false;
    if (v.kind === "number") {
      if (!Number.isInteger(v.n) || v.n < 0 || v.n > 99) return false;
      numbers++;
    }
  }
  return numbers > 0;
}

/**
 * The rows of a location list that name a location and plan hours but hold no LRK number,
 * when no other row of the same name has one (rows of one name are taken as one location
 * written over several rows, such as its groups).
 */
function rowsWithoutLrk(ix: SheetIndex, t: Table, lrkCols: TableColumn[]): number[] {
  const name = columnOfKind(t, "name");
  if (!name || t.role === "staff" || t.role === "mixed" || t.role === "realisation") return [];
  const withLrk = new Set<string>();
  const candidates: { row: number; key: string }[] = [];
  for (const r of t.dataRows) {
    const n = ix.norm(r, name.col);
    if (n === null) continue;
    if (lrkCols.some((c) => ix.read(r, c.col).kind !== "blank")) withLrk.add(n);
    else if (t.columns.some((c) => c !== name && ix.read(r, c.col).kind === "number")) candidates.push({ row: r, key: n });
  }
  return candidates.filter((c) => !withLrk.has(c.key)).map((c) => c.row);
}

export function deriveCentres(byName: Map<string, SheetIndex>, tables: Table[], findings: Findings): Fact | null {
  const lrks = new Set<string>();
  const lrkWhere: string[] = [];
  /** LRK cells without a known value (error value, formula without result): the count is then unknown, never too low. */
  let unreadableLrk = 0;
  let firstUnreadableLrk: { sheet: string; cell: string } | null = null;
  const withoutLrk: { sheet: string; rows: number[]; col: number }[] = [];
  /** Registrations counted per row in an "Aantal LRK" column, and where. */
  let counted = 0;
  const countWhere: string[] = [];
  for (const t of tables) {
    // Every LRK column counts ("LRK KDV", "LRK BSO"): one building may hold two kindercentra.
    const cols = columnsOfKind(t, "lrk");
    if (cols.length === 0) continue;
    const ix = byName.get(t.sheet)!;
    for (const col of cols) {
      // "Aantal LRK" per location: a count of registrations, summed, never a list of LRK numbers.
      if (isCountColumn(ix, t, col)) {
        for (const r of t.dataRows) {
          const v = ix.read(r, col.col);
          if (v.kind === "number") counted += v.n;
          else if (v.kind === "error" || v.kind === "nocache") {
            unreadableLrk++;
            firstUnreadableLrk ??= { sheet: t.sheet, cell: cellAddress(r, col.col) };
          }
        }
        countWhere.push(`${t.sheet}!${rangeAddress(t.top, col.col, t.bottom, col.col)}`);
        continue;
      }
      for (const r of t.dataRows) {
        const k = ix.read(r, col.col).kind;
        if (k === "error" || k === "nocache") {
          unreadableLrk++;
          firstUnreadableLrk ??= { sheet: t.sheet, cell: cellAddress(r, col.col) };
          continue;
        }
        for (const s of lrkNumbers(ix, r, col.col)) lrks.add(s);
      }
    }
    const listCols = cols.filter((c) => !isCountColumn(ix, t, c));
    if (listCols.length) {
      lrkWhere.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
      const gaps = rowsWithoutLrk(ix, t, listCols);
      if (gaps.length) withoutLrk.push({ sheet: t.sheet, rows: gaps, col: listCols[0].col });
    }
  }
  // A location row without any LRK number (and no other row of that name with one): the count misses a registration.
  if (withoutLrk.length) {
    const n = withoutLrk.reduce((sum, x) => sum + x.rows.length, 0);
    const first = withoutLrk[0];
    const cell = `${first.sheet}!${cellAddress(first.rows[0], first.col)}`;
    findings.add(
      RULES.FACT_INVALID,
      "warning",
      first.sheet,
      cellAddress(first.rows[0], first.col),
      `${formatDutch(n, 0)} ${n === 1 ? "locatie heeft" : "locaties hebben"} geen LRK-nummer (de eerste: ${cell}); het aantal kindercentra uit de LRK-nummers kan daardoor te laag zijn.`,
    );
    findings.gap(`het aantal kindercentra: ${formatDutch(n, 0)} ${n === 1 ? "locatie heeft" : "locaties hebben"} geen LRK-nummer (de eerste: ${cell}); vul de LRK-nummers aan of ${HOW_TO_SUPPLY.centres}`);
  }
  // LRK numbers beside an LRK label outside the tables (a sheet per location).
  const labelled = labelledLrkNumbers([...byName.values()], tables);
  for (const n of labelled.numbers) lrks.add(n);
  lrkWhere.push(...labelled.where);
  if (unreadableLrk > 0 && firstUnreadableLrk) {
    findings.add(
      RULES.FACT_INVALID,
      "warning",
      firstUnreadableLrk.sheet,
      firstUnreadableLrk.cell,
      `${formatDutch(unreadableLrk, 0)} ${unreadableLrk === 1 ? "LRK-cel heeft" : "LRK-cellen hebben"} geen bekende waarde (foutwaarde of formule zonder opgeslagen uitkomst; de eerste: ${firstUnreadableLrk.sheet}!${firstUnreadableLrk.cell}). Het aantal kindercentra uit de lijst is daarom niet geteld; geef het aantal op of herstel de cellen.`,
    );
    return null;
  }
  if (!lrkWhere.length && countWhere.length) {
    return {
      value: cleanFloat(counted),
      source: { kind: "table", sheet: null, cell: null, description: `aantal LRK-registraties per locatie opgeteld in ${countWhere.join(", ")}` },
    };
  }
  if (!lrkWhere.length) return null;
  return {
    value: lrks.size,
    source: { kind: "table", sheet: null, cell: null, description: `${formatDutch(lrks.size, 0)} verschillende LRK-nummers geteld in ${lrkWhere.join(", ")}` },
  };
}

export interface StaffFacts {
  fte: Fact | null;
  /** Staff counted for the fte (rows), or null without a staff table. */
  staffCount: number | null;
  /** The coaches' own hours table: weekly hours × formation weeks (formation, never PM fte). */
  formationHours: Fact | null;
  /** That table read row by row (pro rata, vacancies apart; formation-list.ts), or null without one. */
  formationList: FormationList | null;
}

/** What the staff rows add up to while they are read. */
interface StaffSum {
  /** Weekly contract hours (or weekly worked hours). */
  weekly: number;
  /** Fte given directly or from the worked hours of flexible staff. */
  flexFte: number;
  staff: number;
  where: string[];
  /** Staff rows whose hours cannot be read (formula without result, error value, text, blank): the fte is then unknown, never too low. */
  unknownHours: number;
  firstUnknown: { sheet: string; cell: string } | null;
  /** Rows left out (no pedagogisch medewerker), and rows with a function not recognised. */
  left: StaffTally;
  unknownFunctions: StaffTally;
}

/** Staff lists; without one, the location lists with an fte or weekly-hours column ("Fte PM", "Uren PM per week" per vestiging). */
function fteTablesOf(byName: Map<string, SheetIndex>, tables: Table[]): { tables: Table[]; fromLocations: boolean } {
  const hasStaffHours = (t: Table) => !!(weeklyColumn(byName.get(t.sheet)!, t) ?? columnOfKind(t, "worked") ?? columnOfKind(t, "fte"));
  const staffTables = tables.filter((t) => t.role === "staff" && hasStaffHours(t));
  if (staffTables.length > 0) return { tables: staffTables, fromLocations: false };
  return { tables: tables.filter((t) => (t.role === "locations" || t.role === "ve-toddlers") && hasStaffHours(t)), fromLocations: true };
}

/** The hours columns of a staff list, or null when it has none with a number (a remark that reads like a header). */
function staffHoursColumns(ix: SheetIndex, t: Table) {
  const wk = weeklyColumn(ix, t);
  const worked = columnOfKind(t, "worked");
  const fte = columnOfKind(t, "fte");
  if (!wk && !worked && !fte) return null;
  if (!t.dataRows.some((r) => [wk, worked, fte].some((c) => c && ix.read(r, c.col).kind === "number"))) return null;
  return { wk, worked, fte };
}

/** Adds the rows of one staff list: weekly hours, else worked hours, else fte; pedagogisch medewerkers only. */
function addStaffRows(sum: StaffSum, ix: SheetIndex, t: Table, cols: NonNullable<ReturnType<typeof staffHoursColumns>>, options: CheckOptions, norm: NormVersion): void {
  const { wk, worked, fte } = cols;
  const who = staffRowReader(ix, t, options);
  for (const r of t.dataRows) {
    const row = who(r);
    if (!row.counts) {
      if (row.kind !== "heading") sum.left.add(t, tallyName(row));
      continue;
    }
    if (row.kind === "unknown") sum.unknownFunctions.add(t, tallyName(row));
    sum.staff++;
    const w = wk ? ix.read(r, wk.col) : null;
    if (w && w.kind === "number" && w.n > 0) {
      sum.weekly += w.n;
      continue;
    }
    const f = worked ? ix.read(r, worked.col) : null;
    if (f && worked && f.kind === "number" && f.n > 0) {
      if (worked.workedIsTotal) sum.flexFte += flexFte(f.n, undefined, undefined, norm);
      else sum.weekly += f.n;
      continue;
    }
    const e = fte ? ix.read(r, fte.col) : null;
    if (e && e.kind === "number" && e.n > 0) {
      sum.flexFte += e.n;
      continue;
    }
    const cells = [[wk, w], [worked, f], [fte, e]] as const;
    // A number anywhere (also 0 worked hours) is known; rows with no readable hours at all are unknown, never 0.
    const known = cells.some(([c, v]) => c && v && v.kind === "number");
    if (!known) {
      const unreadable = cells.find(([c, v]) => c && v && v.kind !== "blank") ?? cells.find(([c]) => c)!;
      sum.unknownHours++;
      if (!sum.firstUnknown) sum.firstUnknown = { sheet: t.sheet, cell: cellAddress(r, unreadable[0]!.col) };
    }
  }
}

/**
 * Fte: weekly contract hours, or the flex-weeks average of flexible staff, ÷ full-time
 * week; pedagogisch medewerkers only. Without a staff list, the fte or weekly-hours column
 * of a location list counts. The coaches' own hours table is formation, never PM fte.
 */
export function deriveFte(
  byName: Map<string, SheetIndex>,
  tables: Table[],
  options: CheckOptions,
  norm: NormVersion,
  findings: Findings,
  /** The check year: a start or end date inside it makes a coach's formation pro rata. */
  year: number,
): StaffFacts {
  const sum: StaffSum = { weekly: 0, flexFte: 0, staff: 0, where: [], unknownHours: 0, firstUnknown: null, left: new StaffTally(), unknownFunctions: new StaffTally() };
  const coachTables: Table[] = [];
  const { tables: fteTables, fromLocations } = fteTablesOf(byName, tables);
  for (const t of fteTables) {
    const ix = byName.get(t.sheet)!;
    const cols = staffHoursColumns(ix, t);
    if (!cols) continue;
    if (isCoachFormationTable(ix, t)) {
      coachTables.push(t);
      continue;
    }
    sum.where.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
    checkFteColumn(ix, t, norm, findings);
    addStaffRows(sum, ix, t, cols, options, norm);
  }
  const { weekly, flexFte: flexFteSum, staff, where: staffWhere, unknownHours, firstUnknown, left, unknownFunctions } = sum;
  left.report(findings, (n, list) => `${formatDutch(n, 0)} rij(en) niet meegeteld in de fte, want geen pedagogisch medewerker: ${list}.`, "info");
  unknownFunctions.report(
    findings,
    (n, list) => `${formatDutch(n, 0)} rij(en) met een onbekende functie wel meegeteld in de fte (${list}); is dit geen pedagogisch medewerker, ${HOW_TO_SUPPLY.fte}.`,
    "warning",
  );
  const formationList = formationFromList(coachTables, byName, norm, year, findings);
  const out: StaffFacts = {
    fte: null,
    staffCount: staffWhere.length && !fromLocations ? staff : null,
    formationHours: formationList?.fact ?? null,
    formationList,
  };
  if (unknownHours > 0 && firstUnknown) {
    findings.add(
      RULES.FACT_INVALID,
      "warning",
      firstUnknown.sheet,
      firstUnknown.cell,
      `De uren van ${formatDutch(unknownHours, 0)} ${unknownHours === 1 ? "medewerker zijn" : "medewerkers zijn"} niet te lezen (leeg, formule zonder opgeslagen uitkomst, foutwaarde of tekst; de eerste: ${firstUnknown.sheet}!${firstUnknown.cell}). De fte uit de personeelslijst is daarom niet berekend; geef de fte op of herstel de cellen.`,
    );
  } else if (staffWhere.length) {
    const value = cleanFloat(fteFromWeeklyHours(cleanFloat(weekly), undefined, norm) + flexFteSum);
    out.fte = {
      value,
      source: {
        kind: "table",
        sheet: null,
        cell: null,
        description: fromLocations
          ? `fte per locatie opgeteld (${formatDutch(staff, 0)} rijen) in ${staffWhere.join(", ")}`
          : `${formatDutch(staff, 0)} medewerkers, ${formatDutch(weekly)} uur per week ÷ ${formatDutch(norm.urenPerFteWeek)}${flexFteSum ? ` + ${formatDutch(flexFteSum)} fte flex` : ""} in ${staffWhere.join(", ")}`,
      },
    };
  }
  return out;
}

export interface ToddlerFacts {
  toddlers: Fact | null;
  toddlerLocations: ToddlerLocation[] | null;
  toddlerLocationsIncomplete: boolean;
}

/** Doelgroeppeuters per location (see ve-locations.ts), and their total. */
export function deriveToddlers(byName: Map<string, SheetIndex>, tables: Table[], findings: Findings): ToddlerFacts {
  const out: ToddlerFacts = { toddlers: null, toddlerLocations: null, toddlerLocationsIncomplete: false };
  const td = readToddlers(tables, byName);
  const locs = td.locations;
  const veWhere = td.tables.map((t) => `${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
  const unknownToddlers = td.unreadable;
  const firstUnknownToddlers = td.firstUnreadable && { sheet: td.firstUnreadable.sheet, cell: cellAddress(td.firstUnreadable.row, td.firstUnreadable.col) };
  if (veWhere.length) out.toddlerLocations = locs;
  else {
    // No toddler table: counts written per location as labels ("Doelgroeppeuters De Kikker | 5").
    const labelled = labelledToddlers([...byName.values()], tables);
    if (labelled.length) {
      out.toddlerLocations = labelled;
      out.toddlers = {
        value: cleanFloat(labelled.reduce((sum, l) => sum + l.toddlers, 0)),
        source: {
          kind: "table",
          sheet: null,
          cell: null,
          description: `som van ${formatDutch(labelled.length, 0)} VE-locaties met een eigen regel (${labelled.map((l) => `${l.sheet}!${cellAddress(l.row, l.col)}`).join(", ")})`,
        },
      };
    }
  }
  if (unknownToddlers > 0 && firstUnknownToddlers) {
    out.toddlerLocationsIncomplete = true;
    findings.add(
      RULES.FACT_INVALID,
      "warning",
      firstUnknownToddlers.sheet,
      firstUnknownToddlers.cell,
      `${formatDutch(unknownToddlers, 0)} ${unknownToddlers === 1 ? "cel" : "cellen"} met doelgroeppeuters ${unknownToddlers === 1 ? "is" : "zijn"} niet te lezen (foutwaarde, formule zonder opgeslagen uitkomst, tekst of een negatief getal; de eerste: ${firstUnknownToddlers.sheet}!${firstUnknownToddlers.cell}). Het totaal aantal doelgroeppeuters is daarom niet berekend; herstel de cellen of geef het aantal op.`,
    );
  } else if (veWhere.length) {
    const sum = cleanFloat(locs.reduce((s, l) => s + l.toddlers, 0));
    out.toddlers = {
      value: sum,
      source: { kind: "table", sheet: null, cell: null, description: `som van ${formatDutch(locs.length, 0)} VE-locaties in ${veWhere.join(", ")}` },
    };
  }
  return out;
}
