/**
 * The norm inputs (kindercentra, fte, doelgroeppeuters, formation) wherever the workbook
 * holds them: label/value cells ("Aantal LRK-registraties | 16", "Fte | 42,37") outside
 * the tables, or derived from tables (LRK numbers counted, weekly hours ÷ full-time week, toddlers
 * summed). Options and mapping win over the workbook; a stated cell wins over a derived
 * table value, and a difference between them is reported.
 */
import { fteFromWeeklyHours, flexFte, formationHours } from "../calc";
import { shorten } from "../cells";
import { IkkError } from "../errors";
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, parseCell, rangeAddress } from "./a1";
import { normalizeText } from "./cell-read";
import { lrkNumbers } from "./lrk-cells";
import type { Findings } from "./findings";
import type { Mapping, MappingFact } from "./mapping";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";
import { columnOfKind, columnsOfKind } from "./table-model";
import { labelledToddlers, readToddlers, toddlerLabelLocation, type ToddlerLocation } from "./ve-locations";
import type { CheckOptions, Fact, FactSource } from "./types";
import {
  COACHING_WORD,
  FORMATION_WORD,
  FTE_WORD,
  FUNCTION_HEADER,
  HOURS_WORD,
  partOfText,
  PLANNED_WORD,
  POLICY_WORD,
  REQUIRED_WORD,
  UNIT_TEXT,
  YEAR_ONLY,
} from "./vocabulary";
import { HOW_TO_SUPPLY } from "./completeness";
import { checkFteColumn, checkStatedFte, yearlyFormation } from "./derived-figures";
import { isCoachFormationTable, staffRowReader, weeklyColumn } from "./staff-functions";
import { coachFormation, StaffTally, tallyName } from "./staff-tally";

export type { ToddlerLocation };

export interface Facts {
  centres: Fact | null;
  fte: Fact | null;
  toddlers: Fact | null;
  formationHours: Fact | null;
  formationFte: Fact | null;
  /** "Aantal locaties" (sites), reported only: sites are not kindercentra. */
  sites: Fact | null;
  /** Per row of the VE toddler tables (or a location list with a toddler column); null when there is none. */
  toddlerLocations: ToddlerLocation[] | null;
  /** Some toddler cells could not be read: the locations above are incomplete, the VE total unknown. */
  toddlerLocationsIncomplete: boolean;
  /** Staff counted for the fte (rows), or null without a staff table. */
  staffCount: number | null;
  /** Labelled planned totals per part ("Totaal coachuren gepland: 430"), used when no table gives the part. */
  plannedLabels: { policy: Fact | null; coaching: Fact | null; ve: Fact | null };
}

type FactKey =
  | "centres"
  | "fte"
  | "toddlers"
  | "formationHours"
  | "formationFte"
  | "sites"
  | "weeklyHours"
  | "plannedPolicy"
  | "plannedCoaching"
  | "plannedVe";

/** Which fact a label names, or null. */
export function factForLabel(label: string, valueText: string | null): FactKey | null {
  return factForNormalLabel(normalizeText(label), valueText);
}

/** The planned-total fact of each part. */
const PLANNED_KEY = { policy: "plannedPolicy", coaching: "plannedCoaching", ve: "plannedVe" } as const;

/** factForLabel for a label already through normalizeText (Dutch and English, see vocabulary.ts). */
export function factForNormalLabel(l: string, valueText: string | null): FactKey | null {
  if (l.length > 120) return null;
  // A computation written out ("9 kindercentra × 50", "10 uur × fte") explains a figure; it labels no input.
  if (/\d\s*[×x*]\s*\S|\S\s*[×*]\s*\d|\bx\s*\d/.test(l)) return null;
  if (FORMATION_WORD.test(l)) {
    if (/pedagogisch (medewerker|professional)|pedagogical staff/.test(l) && !COACHING_WORD.test(l) && !POLICY_WORD.test(l)) return null;
    return FTE_WORD.test(l) || (valueText !== null && /fte/i.test(valueText)) ? "formationFte" : "formationHours";
  }
  // "Totaal coachuren gepland", "Planned coaching hours": the planned total of one part.
  if (PLANNED_WORD.test(l) && !REQUIRED_WORD.test(l)) {
    const part = partOfText(l);
    if (part) return PLANNED_KEY[part];
  }
  const hours = HOURS_WORD.test(l);
  if (/lrk|kindercentr|registraties|registrations|childcare cent/.test(l) && !hours) return "centres";
  // "Doelgroeppeuters De Kikker | 5" names one location: a count per location (ve-locations.labelledToddlers), not the total.
  if (/doelgroeppeuter|doelgroepkind|v?ve[- ]?indicatie|peuters met|target toddlers|target group toddlers|toddlers with/.test(l) && !hours) {
    return toddlerLabelLocation(l) === null ? "toddlers" : null;
  }
  if (FTE_WORD.test(l) && !COACHING_WORD.test(l) && !POLICY_WORD.test(l)) return "fte";
  if (/(uren|uur|hours) per week|contracturen|weekuren|weekly hours|contract hours/.test(l) && !COACHING_WORD.test(l) && !POLICY_WORD.test(l)) return "weeklyHours";
  if (/\blocaties\b|\blocations\b|\bsites\b/.test(l) && /aantal|number of/.test(l)) return "sites";
  return null;
}

function cellSource(sheet: string, row: number, col: number, label: string): FactSource {
  const cell = cellAddress(row, col);
  return { kind: "cell", sheet, cell, description: `label '${shorten(label, 60)}' in ${sheet}!${cell}` };
}

/** Is (row, col) inside one of the tables? */
function inTables(tables: Table[], row: number, col: number): boolean {
  for (const t of tables) if (row >= t.top && row <= t.bottom && col >= t.left && col <= t.right) return true;
  return false;
}

/** The year a cell names on its own (2026 or "2026"), else null. */
function yearIn(ix: SheetIndex, r: number, c: number): number | null {
  const v = ix.read(r, c);
  if (v.kind === "number") return Number.isInteger(v.n) && v.n >= 1900 && v.n <= 2199 ? v.n : null;
  const t = ix.norm(r, c);
  return t !== null && YEAR_ONLY.test(t) ? Number(t) : null;
}

/**
 * The value cell of a label at (r, i-th filled column): the first filled cell further right
 * on the row, skipping units ("uur", "fte", ":"), up to the next other text; else the cell
 * directly below the label. With several values under years ("Fte | 41,1 | 43,5" below
 * "| 2025 | 2026"), the value under the check year; none when no value is for that year.
 */
function valueCellOf(ix: SheetIndex, r: number, cols: number[], i: number, year: number): { row: number; col: number } | null {
  const values: number[] = [];
  for (let j = i + 1; j < cols.length; j++) {
    const k = ix.read(r, cols[j]).kind;
    if (k !== "text") values.push(cols[j]);
    else if (values.length > 0 || !UNIT_TEXT.test(ix.norm(r, cols[j])!)) break;
  }
  if (values.length > 1) {
    for (let up = r - 1; up >= Math.max(0, r - 4); up--) {
      const years = values.map((c) => yearIn(ix, up, c));
      if (years.every((y) => y === null)) continue;
      const k = years.indexOf(year);
      return k >= 0 ? { row: r, col: values[k] } : null;
    }
  }
  if (values.length > 0) return { row: r, col: values[0] };
  const c = cols[i];
  const below = ix.read(r + 1, c).kind;
  return below === "number" || below === "error" || below === "nocache" ? { row: r + 1, col: c } : null;
}

/** The normalised label text of each fact found by scanLabels (to read its unit, e.g. "per week"). */
type LabelTexts = Partial<Record<FactKey, string>>;

function scanLabels(sheets: SheetIndex[], tables: Table[], year: number, findings: Findings, labelTexts: LabelTexts = {}): Partial<Record<FactKey, Fact>> {
  const out: Partial<Record<FactKey, Fact>> = {};
  for (const ix of sheets) {
    const own = tables.filter((t) => t.sheet === ix.name);
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      if (cols.length === 0) continue;
      const spans = own.length > 0 && own.some((t) => r - 1 <= t.bottom && r + 1 >= t.top) ? own : null;
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i];
        if (spans && inTables(spans, r, c)) continue;
        const l = ix.norm(r, c);
        if (l === null) continue;
        const at = valueCellOf(ix, r, cols, i, year);
        if (!at || (spans && inTables(spans, at.row, at.col))) continue;
        const key = factForNormalLabel(l, ix.text(at.row, at.col));
        if (!key || out[key]) continue;
        const label = ix.text(r, c)!;
        const v = ix.read(at.row, at.col);
        if (v.kind === "error") {
          findings.at(RULES.ERROR_VALUE, "error", ix.name, at.row, at.col, `De cel bij '${shorten(label, 50)}' bevat de foutwaarde ${v.text}; dit gegeven kan niet gelezen worden.`);
          continue;
        }
        if (v.kind === "nocache") {
          findings.at(RULES.FORMULA_NO_VALUE, "warning", ix.name, at.row, at.col, `De formule bij '${shorten(label, 50)}' heeft geen berekende waarde; dit gegeven is onbekend (niet als 0 gelezen).`);
          continue;
        }
        if (v.kind !== "number") continue;
        if (key === "centres" && v.n >= 10000) continue; // an LRK number, not a count
        out[key] = { value: v.n, source: cellSource(ix.name, at.row, at.col, label) };
        labelTexts[key] = l;
      }
    }
  }
  return out;
}

export { lrkNumbers };

interface Derived {
  centres: Fact | null;
  fte: Fact | null;
  toddlers: Fact | null;
  toddlerLocations: ToddlerLocation[] | null;
  toddlerLocationsIncomplete: boolean;
  staffCount: number | null;
  /** The coaches' own hours table: weekly hours × formation weeks (formation, never PM fte). */
  formationHours: Fact | null;
}

function derive(byName: Map<string, SheetIndex>, tables: Table[], options: CheckOptions, norm: NormVersion, findings: Findings): Derived {
  const out: Derived = { centres: null, fte: null, toddlers: null, toddlerLocations: null, toddlerLocationsIncomplete: false, staffCount: null, formationHours: null };
  // Kindercentra: distinct LRK numbers.
  const lrks = new Set<string>();
  const lrkWhere: string[] = [];
  /** LRK cells without a known value (error value, formula without result): the count is then unknown, never too low. */
  let unreadableLrk = 0;
  let firstUnreadableLrk: { sheet: string; cell: string } | null = null;
  for (const t of tables) {
    // Every LRK column counts ("LRK KDV", "LRK BSO"): one building may hold two kindercentra.
    const cols = columnsOfKind(t, "lrk");
    if (cols.length === 0) continue;
    const ix = byName.get(t.sheet)!;
    for (const r of t.dataRows) {
      for (const col of cols) {
        const k = ix.read(r, col.col).kind;
        if (k === "error" || k === "nocache") {
          unreadableLrk++;
          firstUnreadableLrk ??= { sheet: t.sheet, cell: cellAddress(r, col.col) };
          continue;
        }
        for (const s of lrkNumbers(ix, r, col.col)) lrks.add(s);
      }
    }
    lrkWhere.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
  }
  if (unreadableLrk > 0 && firstUnreadableLrk) {
    findings.add(
      RULES.FACT_INVALID,
      "warning",
      firstUnreadableLrk.sheet,
      firstUnreadableLrk.cell,
      `${formatDutch(unreadableLrk, 0)} ${unreadableLrk === 1 ? "LRK-cel heeft" : "LRK-cellen hebben"} geen bekende waarde (foutwaarde of formule zonder opgeslagen uitkomst; de eerste: ${firstUnreadableLrk.sheet}!${firstUnreadableLrk.cell}). Het aantal kindercentra uit de lijst is daarom niet geteld; geef het aantal op of herstel de cellen.`,
    );
  } else if (lrkWhere.length) {
    out.centres = {
      value: lrks.size,
      source: { kind: "table", sheet: null, cell: null, description: `${formatDutch(lrks.size, 0)} verschillende LRK-nummers geteld in ${lrkWhere.join(", ")}` },
    };
  }
  // Fte: weekly contract hours, or the flex-weeks average of flexible staff, ÷ full-time week; PM rows only.
  let weekly = 0;
  let flexFteSum = 0;
  let staff = 0;
  const staffWhere: string[] = [];
  /** Staff rows whose hours cannot be read (formula without result, error value, text, blank): the fte is then unknown, never too low. */
  let unknownHours = 0;
  let firstUnknown: { sheet: string; cell: string } | null = null;
  const left = new StaffTally();
  const unknownFunctions = new StaffTally();
  const coachTables: Table[] = [];
  // Staff lists; without one, the fte or weekly-hours column of a location list ("Fte PM", "Uren PM per week" per vestiging) counts.
  const hasStaffHours = (t: Table) => !!(weeklyColumn(byName.get(t.sheet)!, t) ?? columnOfKind(t, "worked") ?? columnOfKind(t, "fte"));
  const staffTables = tables.filter((t) => t.role === "staff" && hasStaffHours(t));
  const fromLocations = staffTables.length === 0;
  const fteTables = fromLocations ? tables.filter((t) => (t.role === "locations" || t.role === "ve-toddlers") && hasStaffHours(t)) : staffTables;
  for (const t of fteTables) {
    const ix = byName.get(t.sheet)!;
    const wk = weeklyColumn(ix, t);
    const worked = columnOfKind(t, "worked");
    const fte = columnOfKind(t, "fte");
    if (!wk && !worked && !fte) continue;
    // A list whose hours columns hold no number at all (a remark that reads like a header) is no staff list.
    if (!t.dataRows.some((r) => [wk, worked, fte].some((c) => c && ix.read(r, c.col).kind === "number"))) continue;
    if (isCoachFormationTable(ix, t)) {
      coachTables.push(t);
      continue;
    }
    staffWhere.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
    checkFteColumn(ix, t, norm, findings);
    const who = staffRowReader(ix, t, options);
    for (const r of t.dataRows) {
      const row = who(r);
      if (!row.counts) {
        if (row.kind !== "heading") left.add(t, tallyName(row));
        continue;
      }
      if (row.kind === "unknown") unknownFunctions.add(t, tallyName(row));
      staff++;
      const w = wk ? ix.read(r, wk.col) : null;
      if (w && w.kind === "number" && w.n > 0) {
        weekly += w.n;
        continue;
      }
      const f = worked ? ix.read(r, worked.col) : null;
      if (f && worked && f.kind === "number" && f.n > 0) {
        if (worked.workedIsTotal) flexFteSum += flexFte(f.n, undefined, undefined, norm);
        else weekly += f.n;
        continue;
      }
      const e = fte ? ix.read(r, fte.col) : null;
      if (e && e.kind === "number" && e.n > 0) {
        flexFteSum += e.n;
        continue;
      }
      const cells = [[wk, w], [worked, f], [fte, e]] as const;
      // A number anywhere (also 0 worked hours) is known; rows with no readable hours at all are unknown, never 0.
      const known = cells.some(([c, v]) => c && v && v.kind === "number");
      if (!known) {
        const unreadable = cells.find(([c, v]) => c && v && v.kind !== "blank") ?? cells.find(([c]) => c)!;
        unknownHours++;
        if (!firstUnknown) firstUnknown = { sheet: t.sheet, cell: cellAddress(r, unreadable[0]!.col) };
      }
    }
  }
  left.report(findings, (n, list) => `${formatDutch(n, 0)} rij(en) niet meegeteld in de fte, want geen pedagogisch medewerker: ${list}.`, "info");
  unknownFunctions.report(
    findings,
    (n, list) => `${formatDutch(n, 0)} rij(en) met een onbekende functie wel meegeteld in de fte (${list}); is dit geen pedagogisch medewerker, ${HOW_TO_SUPPLY.fte}.`,
    "warning",
  );
  out.formationHours = coachFormation(coachTables, byName, norm);
  if (staffWhere.length && !fromLocations) out.staffCount = staff;
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
  // Doelgroeppeuters per location (see ve-locations.ts).
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

function mappingFact(m: MappingFact | undefined, field: string, byName: Map<string, SheetIndex>): Fact | null {
  if (m === undefined) return null;
  if (typeof m === "number") return { value: m, source: { kind: "mapping", sheet: null, cell: null, description: `opgegeven in de koppeling (feiten.${field})` } };
  const ix = byName.get(m.blad);
  if (!ix) throw new IkkError("ONGELDIGE_INVOER", `De koppeling noemt blad '${m.blad}' (feiten.${field}), maar dat blad bestaat niet in de werkmap.`);
  const at = parseCell(m.cel)!;
  const v = ix.read(at.row, at.col);
  const cell = cellAddress(at.row, at.col);
  if (v.kind !== "number") {
    throw new IkkError("ONGELDIGE_INVOER", `De cel ${m.blad}!${cell} uit de koppeling (feiten.${field}) bevat geen getal.`);
  }
  return { value: v.n, source: { kind: "mapping", sheet: m.blad, cell, description: `cel ${m.blad}!${cell} uit de koppeling (feiten.${field})` } };
}

function overrideFact(v: number | undefined, what: string): Fact | null {
  if (v === undefined) return null;
  return { value: v, source: { kind: "override", sheet: null, cell: null, description: `opgegeven ${what}` } };
}

function conflict(findings: Findings, cell: Fact, table: Fact, what: string, tolerance: number): void {
  if (cell.source.kind !== "cell" || Math.abs(cell.value - table.value) <= tolerance) return;
  findings.add(
    RULES.FACT_CONFLICT,
    "warning",
    cell.source.sheet,
    cell.source.cell,
    `Hier staat ${formatDutch(cell.value)} ${what}, maar uit ${table.source.kind === "cell" ? "een andere cel" : "de tabellen"} volgt ${formatDutch(table.value)} (${table.source.description}). Gebruikt is de waarde uit deze cel.`,
  );
}

export function findFacts(
  sheets: SheetIndex[],
  tables: Table[],
  options: CheckOptions,
  mapping: Mapping | null,
  /** The check year: picks the value under that year where a label has values per year. */
  year: number,
  norm: NormVersion,
  findings: Findings,
  /** Tables the user ignored: no facts from them, and no label scanning inside them. */
  ignored: Table[] = [],
): Facts {
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const labelTexts: LabelTexts = {};
  const labels = scanLabels(sheets, [...tables, ...ignored], year, findings, labelTexts);
  if (labels.formationHours && labelTexts.formationHours) labels.formationHours = yearlyFormation(labels.formationHours, labelTexts.formationHours, byName, norm);
  const derived = derive(byName, tables, options, norm, findings);
  const o = options.overrides ?? {};
  const mf = mapping?.facts ?? {};

  if (labels.centres && derived.centres) conflict(findings, labels.centres, derived.centres, "kindercentra", 0);
  if (labels.toddlers && derived.toddlers) conflict(findings, labels.toddlers, derived.toddlers, "doelgroeppeuters", 0);

  if (labels.formationHours && labels.formationFte && labels.formationFte.value >= 0) {
    // Formation in hours and in fte: the same formation, so they must agree (urenPerFteWeek ×
    // formatieWekenPerJaar h per fte), up to the rounding of the fte as written (1,33 fte stands for 2 496 h).
    const fte = labels.formationFte;
    const perFte = formationHours(1, undefined, undefined, norm);
    const asFte: Fact = {
      value: cleanFloat(labels.formationHours.value / perFte),
      source: { ...labels.formationHours.source, description: `${formatDutch(labels.formationHours.value)} uur ÷ ${formatDutch(perFte)} (${labels.formationHours.source.description})` },
    };
    const decimals = (String(fte.value).split(".")[1] ?? "").length;
    conflict(findings, fte, asFte, "fte formatie", 0.5 * Math.pow(10, -decimals) + 1e-9);
  }

  let fteFromWeekly: Fact | null = null;
  if (labels.weeklyHours) {
    const w = labels.weeklyHours;
    fteFromWeekly = {
      value: fteFromWeeklyHours(w.value, undefined, norm),
      source: { ...w.source, description: `${w.source.description}: ${formatDutch(w.value)} uur per week ÷ ${formatDutch(norm.urenPerFteWeek)}` },
    };
  }

  // A stated fte is checked against its own weekly hours ÷ full-time week (derived-figures.ts).
  const givenFte = overrideFact(o.fte, "aantal fte") ?? mappingFact(mf.fte, "fte", byName);
  const ownWeekly = derived.fte ?? fteFromWeekly;
  const statedFte = labels.fte && !givenFte ? checkStatedFte(labels.fte, ownWeekly, byName, findings) : labels.fte ?? null;
  if (labels.fte && statedFte === labels.fte && derived.fte) conflict(findings, labels.fte, derived.fte, "fte", 0.005);

  return {
    centres: overrideFact(o.centres, "aantal kindercentra") ?? mappingFact(mf.centres, "kindercentra", byName) ?? labels.centres ?? derived.centres,
    fte: givenFte ?? (labels.fte ? statedFte : derived.fte ?? fteFromWeekly),
    toddlers:
      overrideFact(o.toddlers, "aantal doelgroeppeuters") ?? mappingFact(mf.toddlers, "doelgroeppeuters", byName) ?? labels.toddlers ?? derived.toddlers,
    formationHours:
      overrideFact(o.formationHours, "formatie in uren") ??
      mappingFact(mf.formationHours, "formatie_uren", byName) ??
      labels.formationHours ??
      derived.formationHours,
    formationFte: labels.formationFte ?? null,
    sites: labels.sites ?? null,
    toddlerLocations: derived.toddlerLocations,
    toddlerLocationsIncomplete: derived.toddlerLocationsIncomplete,
    staffCount: derived.staffCount,
    plannedLabels: { policy: labels.plannedPolicy ?? null, coaching: labels.plannedCoaching ?? null, ve: labels.plannedVe ?? null },
  };
}
