/**
 * The norm inputs (kindercentra, fte, doelgroeppeuters, formation) wherever the workbook
 * holds them: label/value cells ("Aantal LRK-registraties | 16", "Fte | 42,37") outside
 * the tables, or derived from tables (LRK numbers counted, weekly hours ÷ 36, toddlers
 * summed). Options and mapping win over the workbook; a stated cell wins over a derived
 * table value, and a difference between them is reported.
 */
import { fteFromWeeklyHours, flexFte, formationHours } from "../calc";
import { shorten } from "../cells";
import { IkkError } from "../errors";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, parseCell, rangeAddress } from "./a1";
import { normalizeName, normalizeText } from "./cell-read";
import type { Findings } from "./findings";
import type { Mapping, MappingFact } from "./mapping";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";
import { columnOfKind, NO_TODDLERS } from "./table-model";
import type { CheckOptions, Fact, FactSource } from "./types";
import { HOW_TO_SUPPLY } from "./completeness";
import { checkFteColumn, checkStatedFte, yearlyFormation } from "./derived-figures";
import { isCoachFormationTable, staffRowReader, weeklyColumn } from "./staff-functions";
import { coachFormation, StaffTally, tallyName } from "./staff-tally";

export interface ToddlerLocation {
  name: string;
  key: string;
  toddlers: number;
  sheet: string;
  row: number;
  col: number;
  /** The VE hours written next to the toddlers in the same table, if any. */
  hours: { value: number; row: number; col: number } | null;
}

export interface Facts {
  centres: Fact | null;
  fte: Fact | null;
  toddlers: Fact | null;
  formationHours: Fact | null;
  formationFte: Fact | null;
  /** "Aantal locaties" (sites), reported only: sites are not kindercentra. */
  sites: Fact | null;
  /** Per VE location, from the VE toddler tables (null when there is no such table). */
  toddlerLocations: ToddlerLocation[] | null;
  /** Some toddler cells could not be read: the locations above are incomplete, the VE total unknown. */
  toddlerLocationsIncomplete: boolean;
  /** Staff counted for the fte (rows), or null without a staff table. */
  staffCount: number | null;
}

type FactKey = "centres" | "fte" | "toddlers" | "formationHours" | "formationFte" | "sites" | "weeklyHours";

/** Which fact a label names, or null. */
export function factForLabel(label: string, valueText: string | null): FactKey | null {
  return factForNormalLabel(normalizeText(label), valueText);
}

/** factForLabel for a label already through normalizeText. */
function factForNormalLabel(l: string, valueText: string | null): FactKey | null {
  if (l.length > 120) return null;
  if (/formatie/.test(l)) {
    if (/pedagogisch (medewerker|professional)/.test(l) && !/coach|beleid/.test(l)) return null;
    return /\bfte\b/.test(l) || (valueText !== null && /fte/i.test(valueText)) ? "formationFte" : "formationHours";
  }
  if (/lrk|kindercentr|registraties/.test(l) && !/uren|\buur\b/.test(l)) return "centres";
  if (/doelgroeppeuter|doelgroepkind|v?ve[- ]?indicatie|peuters met/.test(l) && !/uren|\buur\b/.test(l)) return "toddlers";
  if (/\bfte\b/.test(l) && !/coach|beleid/.test(l)) return "fte";
  if (/(uren|uur) per week|contracturen|weekuren/.test(l) && !/coach|beleid/.test(l)) return "weeklyHours";
  if (/\blocaties\b/.test(l) && /aantal/.test(l)) return "sites";
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

/** The normalised label text of each fact found by scanLabels (to read its unit, e.g. "per week"). */
type LabelTexts = Partial<Record<FactKey, string>>;

function scanLabels(sheets: SheetIndex[], tables: Table[], findings: Findings, labelTexts: LabelTexts = {}): Partial<Record<FactKey, Fact>> {
  const out: Partial<Record<FactKey, Fact>> = {};
  for (const ix of sheets) {
    const own = tables.filter((t) => t.sheet === ix.name);
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      if (cols.length < 2) continue;
      const spans = own.length > 0 && own.some((t) => r >= t.top && r <= t.bottom) ? own : null;
      for (let i = 0; i < cols.length - 1; i++) {
        const c = cols[i];
        if (spans && inTables(spans, r, c)) continue;
        const l = ix.norm(r, c);
        if (l === null) continue;
        const vc = cols[i + 1];
        if (vc - c > 3) continue;
        const key = factForNormalLabel(l, ix.text(r, vc));
        if (!key || out[key]) continue;
        const label = ix.text(r, c)!;
        const v = ix.read(r, vc);
        if (v.kind === "error") {
          findings.at(RULES.ERROR_VALUE, "error", ix.name, r, vc, `De cel bij '${shorten(label, 50)}' bevat de foutwaarde ${v.text}; dit gegeven kan niet gelezen worden.`);
          continue;
        }
        if (v.kind === "nocache") {
          findings.at(RULES.FORMULA_NO_VALUE, "warning", ix.name, r, vc, `De formule bij '${shorten(label, 50)}' heeft geen berekende waarde; dit gegeven is onbekend (niet als 0 gelezen).`);
          continue;
        }
        if (v.kind !== "number") continue;
        if (key === "centres" && v.n >= 10000) continue; // an LRK number, not a count
        out[key] = { value: v.n, source: cellSource(ix.name, r, vc, label) };
        labelTexts[key] = l;
      }
    }
  }
  return out;
}

/** What separates several LRK numbers in one cell ("123456782 / 234567891", "…; …", "… en …"). */
const LRK_SEPARATOR = /\s*(?:[\/;,|&+\n]|\ben\b)\s*/;

/**
 * The LRK numbers in a cell as digit text ("123456789"): a number cell, text with spaces or
 * dots inside one number ("456 789 012"), or several numbers in one cell (one building
 * with a KDV and a BSO: "123456782 / 234567891", or nine-digit groups separated by
 * spaces). A part that is not digits is kept as written (the format rule reports it).
 */
export function lrkNumbers(ix: SheetIndex, row: number, col: number): string[] {
  const raw = ix.sheet.values[row]?.[col];
  if (typeof raw === "number") return [String(raw)];
  if (typeof raw !== "string" || raw.trim() === "") return [];
  const out: string[] = [];
  for (const part of raw.trim().split(LRK_SEPARATOR)) {
    if (part.trim() === "") continue;
    if (/^\d{9}(\s+\d{9})+$/.test(part.trim())) out.push(...part.trim().split(/\s+/));
    else out.push(part.trim().replace(/[\s.]/g, ""));
  }
  return out;
}

interface Derived {
  centres: Fact | null;
  fte: Fact | null;
  toddlers: Fact | null;
  toddlerLocations: ToddlerLocation[] | null;
  toddlerLocationsIncomplete: boolean;
  staffCount: number | null;
  /** The coaches' own hours table: weekly hours × 52 (formation, never PM fte). */
  formationHours: Fact | null;
}

function derive(byName: Map<string, SheetIndex>, tables: Table[], options: CheckOptions, year: number, findings: Findings): Derived {
  const out: Derived = { centres: null, fte: null, toddlers: null, toddlerLocations: null, toddlerLocationsIncomplete: false, staffCount: null, formationHours: null };
  // Kindercentra: distinct LRK numbers.
  const lrks = new Set<string>();
  const lrkWhere: string[] = [];
  /** LRK cells without a known value (error value, formula without result): the count is then unknown, never too low. */
  let unreadableLrk = 0;
  let firstUnreadableLrk: { sheet: string; cell: string } | null = null;
  for (const t of tables) {
    const col = columnOfKind(t, "lrk");
    if (!col) continue;
    const ix = byName.get(t.sheet)!;
    for (const r of t.dataRows) {
      const k = ix.read(r, col.col).kind;
      if (k === "error" || k === "nocache") {
        unreadableLrk++;
        firstUnreadableLrk ??= { sheet: t.sheet, cell: cellAddress(r, col.col) };
        continue;
      }
      for (const s of lrkNumbers(ix, r, col.col)) lrks.add(s);
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
  // Fte: weekly contract hours, or the 13-week average of flexible staff, ÷ 36; PM rows only.
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
  for (const t of tables) {
    if (t.role !== "staff") continue;
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
    checkFteColumn(ix, t, year, findings);
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
        if (worked.workedIsTotal) flexFteSum += flexFte(f.n, undefined, undefined, year);
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
  out.formationHours = coachFormation(coachTables, byName, year);
  if (staffWhere.length) out.staffCount = staff;
  if (unknownHours > 0 && firstUnknown) {
    findings.add(
      RULES.FACT_INVALID,
      "warning",
      firstUnknown.sheet,
      firstUnknown.cell,
      `De uren van ${formatDutch(unknownHours, 0)} ${unknownHours === 1 ? "medewerker zijn" : "medewerkers zijn"} niet te lezen (leeg, formule zonder opgeslagen uitkomst, foutwaarde of tekst; de eerste: ${firstUnknown.sheet}!${firstUnknown.cell}). De fte uit de personeelslijst is daarom niet berekend; geef de fte op of herstel de cellen.`,
    );
  } else if (staffWhere.length) {
    const value = cleanFloat(fteFromWeeklyHours(cleanFloat(weekly), undefined, year) + flexFteSum);
    out.fte = {
      value,
      source: {
        kind: "table",
        sheet: null,
        cell: null,
        description: `${formatDutch(staff, 0)} medewerkers, ${formatDutch(weekly)} uur per week ÷ 36${flexFteSum ? ` + ${formatDutch(flexFteSum)} fte flex` : ""} in ${staffWhere.join(", ")}`,
      },
    };
  }
  // Doelgroeppeuters per location.
  const locs: ToddlerLocation[] = [];
  const veWhere: string[] = [];
  /** Toddler cells that cannot be read (error, formula without result, other text, negative): the total is then unknown, never too low. */
  let unknownToddlers = 0;
  let firstUnknownToddlers: { sheet: string; cell: string } | null = null;
  for (const t of tables) {
    if (t.role !== "ve-toddlers") continue;
    const ix = byName.get(t.sheet)!;
    const tc = columnOfKind(t, "toddlers");
    if (!tc) continue; // mapped as VE toddlers without a toddlers column: reported in check.ts
    const nameCol = columnOfKind(t, "name");
    const hoursCol = columnOfKind(t, "ve") ?? columnOfKind(t, "hours") ?? columnOfKind(t, "total");
    veWhere.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
    for (const r of t.dataRows) {
      const v = ix.read(r, tc.col);
      const nothing = v.kind === "blank" || (v.kind === "text" && NO_TODDLERS.test(v.text.trim()));
      if (!nothing && (v.kind !== "number" || v.n < 0)) {
        unknownToddlers++;
        firstUnknownToddlers ??= { sheet: t.sheet, cell: cellAddress(r, tc.col) };
      }
      // A negative count stays listed, so the location check reports it at its cell.
      if (v.kind !== "number") continue;
      const name = nameCol ? ix.text(r, nameCol.col) ?? `rij ${r + 1}` : `rij ${r + 1}`;
      const h = hoursCol ? ix.read(r, hoursCol.col) : null;
      locs.push({
        name: name.replace(/\s+/g, " ").trim(),
        key: normalizeName(name),
        toddlers: v.n,
        sheet: t.sheet,
        row: r,
        col: tc.col,
        hours: h && h.kind === "number" && hoursCol ? { value: h.n, row: r, col: hoursCol.col } : null,
      });
    }
  }
  if (veWhere.length) out.toddlerLocations = locs;
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
  year: number,
  findings: Findings,
  /** Tables the user ignored: no facts from them, and no label scanning inside them. */
  ignored: Table[] = [],
): Facts {
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const labelTexts: LabelTexts = {};
  const labels = scanLabels(sheets, [...tables, ...ignored], findings, labelTexts);
  if (labels.formationHours && labelTexts.formationHours) labels.formationHours = yearlyFormation(labels.formationHours, labelTexts.formationHours, byName, year);
  const derived = derive(byName, tables, options, year, findings);
  const o = options.overrides ?? {};
  const mf = mapping?.facts ?? {};

  if (labels.centres && derived.centres) conflict(findings, labels.centres, derived.centres, "kindercentra", 0);
  if (labels.toddlers && derived.toddlers) conflict(findings, labels.toddlers, derived.toddlers, "doelgroeppeuters", 0);

  if (labels.formationHours && labels.formationFte && labels.formationFte.value >= 0) {
    // Formation in hours and in fte: the same formation, so they must agree (36 × 52 h per
    // fte), up to the rounding of the fte as written (1,33 fte stands for 2 496 h).
    const fte = labels.formationFte;
    const perFte = formationHours(1, undefined, undefined, year);
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
      value: fteFromWeeklyHours(w.value, undefined, year),
      source: { ...w.source, description: `${w.source.description}: ${formatDutch(w.value)} uur per week ÷ 36` },
    };
  }

  // A stated fte is checked against its own weekly hours ÷ 36 (derived-figures.ts).
  const givenFte = overrideFact(o.fte, "aantal fte") ?? mappingFact(mf.fte, "fte", byName);
  const ownWeekly = derived.fte ?? fteFromWeekly;
  const statedFte = labels.fte && !givenFte ? checkStatedFte(labels.fte, ownWeekly, byName, year, findings) : labels.fte ?? null;
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
  };
}
