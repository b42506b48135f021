/**
 * The norm inputs (kindercentra, fte, doelgroeppeuters, formation) wherever the workbook
 * holds them: label/value cells ("Aantal LRK-registraties | 16", "Fte | 42,37") outside
 * the tables, or derived from tables (LRK numbers counted, weekly hours ÷ full-time week, toddlers
 * summed). Options and mapping win over the workbook; a stated cell wins over a derived
 * table value, and a difference between them is reported.
 */
import { fteFromWeeklyHours } from "../calc";
import { shorten } from "../cells";
import { IkkError } from "../errors";
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, parseCell } from "./a1";
import { normalizeText } from "./cell-read";
import type { Findings } from "./findings";
import type { Mapping, MappingFact } from "./mapping";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";
import { toddlerLabelLocation, type ToddlerLocation } from "./ve-locations";
import { parseFormationText } from "./formation-text";
import { coachHeadingHours, isCoachHeadingRow } from "./labelled-facts";
import type { CheckOptions, Fact, FactSource } from "./types";
import {
  COACHING_WORD,
  FORMATION_WORD,
  FTE_WORD,
  HOURS_WORD,
  partOfText,
  PLANNED_WORD,
  POLICY_WORD,
  REQUIRED_WORD,
  UNIT_TEXT,
  YEAR_ONLY,
} from "./vocabulary";
import { checkStatedFte, yearlyFormation } from "./derived-figures";
import { deriveCentres, deriveFte, deriveToddlers } from "./facts-from-tables";
import { checkCoachPlans, type FormationList } from "./formation-list";


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
  /** "Totaal beleid | 432": totals of one part that say nothing of planned or needed; findings about an equal planned figure point there. */
  totalLabels: { policy: Fact | null; coaching: Fact | null; ve: Fact | null };
  /** The coaches' list read row by row (vacancies apart, per person), or null without one (formation-list.ts). */
  formationList?: FormationList | null;
  /** Leave and absence in percent of the formation (option, panel or a labelled cell), or null. */
  leavePercent?: Fact | null;
  /** Hourly cost in euros of a coach's hour (option, panel or a labelled cell), or null. */
  hourlyRate?: Fact | null;
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
  | "plannedVe"
  | "totalPolicy"
  | "totalCoaching"
  | "totalVe"
  | "leavePercent"
  | "hourlyRate";

/** Which fact a label names, or null. */
export function factForLabel(label: string, valueText: string | null): FactKey | null {
  return factForNormalLabel(normalizeText(label), valueText);
}

/** The hourly cost of a coach's hour. */
const HOURLY_RATE_LABEL = /^(uurtarief|kosten per uur|loonkosten per uur|uurkosten|tarief per uur|hourly (rate|cost))\b/;
/** Leave and absence, as a percentage of the formation. */
const LEAVE_LABEL = /^(verlof|verzuim|ziekteverzuim|afwezigheid|verlof en verzuim|leave|absence)\b/;
const PERCENT_TEXT = /^\s*\d{1,3}(?:[.,]\d{1,4})?\s?%\s*$/;
const PERCENT_WORD = /%|percentage|procent|\bpct\b/;

/** The planned-total fact of each part. */
const PLANNED_KEY = { policy: "plannedPolicy", coaching: "plannedCoaching", ve: "plannedVe" } as const;
/** "Totaal beleid | 432" under a table: a total of one part that may be planned or needed, so it only places findings. */
const TOTAL_KEY = { policy: "totalPolicy", coaching: "totalCoaching", ve: "totalVe" } as const;

/** factForLabel for a label already through normalizeText (Dutch and English, see vocabulary.ts). */
function factForNormalLabel(l: string, valueText: string | null): FactKey | null {
  if (l.length > 120) return null;
  // A computation written out ("9 kindercentra × 50", "10 uur × fte") explains a figure; it labels no input.
  if (/\d\s*[×x*]\s*\S|\S\s*[×*]\s*\d|\bx\s*\d|\s[x×*]\s/.test(l)) return null;
  // "Uurtarief", "Kosten per uur (€)": the hourly cost of the coaches' hours (money, never hours).
  if (HOURLY_RATE_LABEL.test(l)) return "hourlyRate";
  // "Verlof", "Verzuim %", "Afwezigheid (%)": leave and absence as a percentage of the formation (never hours: "Verlofuren" is no percentage).
  if (LEAVE_LABEL.test(l) && (PERCENT_WORD.test(l) || !HOURS_WORD.test(l)) && l.length <= 60) return "leavePercent";
  if (FORMATION_WORD.test(l)) {
    if (/pedagogisch (medewerker|professional)|pedagogical staff/.test(l) && !COACHING_WORD.test(l) && !POLICY_WORD.test(l)) return null;
    return FTE_WORD.test(l) || (valueText !== null && /fte/i.test(valueText)) ? "formationFte" : "formationHours";
  }
  // "Contracturen coach per week", "Coach contract hours per week": the coaches' own hours, the formation (× weeks in yearlyFormation).
  if (/(coach|beleidsmedewerker|\bpbm|policy officer)/.test(l) && /contract|uren per week|hours per week|per week/.test(l) && !PLANNED_WORD.test(l) && !REQUIRED_WORD.test(l)) {
    return "formationHours";
  }
  // "Totaal coachuren gepland", "Planned coaching hours": the planned total of one part.
  if (PLANNED_WORD.test(l) && !REQUIRED_WORD.test(l)) {
    const part = partOfText(l);
    if (part) return PLANNED_KEY[part];
  }
  if (/^(totaal|total)\b/.test(l) && !REQUIRED_WORD.test(l) && l.length <= 40) {
    const part = partOfText(l);
    if (part) return TOTAL_KEY[part];
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
    // A percentage written as text ("8%", a leave percentage) is a value, not a unit or a label.
    if (k !== "text" || PERCENT_TEXT.test(ix.text(r, cols[j]) ?? "")) values.push(cols[j]);
    else if (values.length > 0 || !UNIT_TEXT.test(ix.norm(r, cols[j])!)) break;
  }
  if (values.length > 1) {
    for (let up = r - 1; up >= Math.max(0, r - 15); up--) {
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
    // A category list may hold fact rows too ("Aantal LRK-registraties | 8 | 9" between "Uren beleid" rows): its cells are read as labels.
    const own = tables.filter((t) => t.sheet === ix.name && t.role !== "mixed");
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
        // A formation written as text: "2 coaches à 28 uur per week", "1.144 uur per jaar" (formation-text.ts).
        if (!at && !out.formationHours && !out.formationFte && i + 1 < cols.length && ix.read(r, cols[i + 1]).kind === "text" && factForNormalLabel(l, null) === "formationHours") {
          if (formationFromText(ix, r, c, cols[i + 1], l, out, labelTexts, findings)) continue;
        }
        if (!at || (spans && inTables(spans, at.row, at.col))) continue;
        const key = factForNormalLabel(l, ix.text(at.row, at.col));
        if (!key || out[key]) continue;
        // "Coach: Marieke | Contracturen per week | 24": a coach's own hours (formation), never the PM hours.
        if (key === "weeklyHours" && isCoachHeadingRow(ix, r)) continue;
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
        if (key === "leavePercent") {
          const pct = leavePercentOf(v, ix.text(at.row, at.col));
          if (pct === null) {
            if (v.kind !== "blank") {
              findings.at(RULES.FACT_INVALID, "warning", ix.name, at.row, at.col, `Bij '${shorten(label, 50)}' staat geen percentage tussen 0 en 100; verlof en verzuim zijn daarom niet verrekend (geef het op met --verlof PCT of in het paneel).`);
            }
            continue;
          }
          out[key] = { value: pct.value, source: { ...cellSource(ix.name, at.row, at.col, label), description: `label '${shorten(label, 60)}' in ${ix.name}!${cellAddress(at.row, at.col)}${pct.note}` } };
          labelTexts[key] = l;
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

/**
 * A leave percentage as the cell holds it: a number from 1 to 100 is the percentage; a number
 * below 1 is a cell in Excel's percentage format (0,08 shows as 8 %); text "8%" or "8,5 %"
 * reads as written. Null when it is none of these.
 */
export function leavePercentOf(v: ReturnType<SheetIndex["read"]>, text: string | null): { value: number; note: string } | null {
  if (v.kind === "number") {
    if (v.n > 0 && v.n < 1 && !v.fromText) return { value: cleanFloat(v.n * 100), note: ` (${formatDutch(v.n, 6)} als percentage: ${formatDutch(cleanFloat(v.n * 100), 4)} %)` };
    if (v.n >= 0 && v.n <= 100) return { value: v.n, note: "" };
    return null;
  }
  if (v.kind === "text" && text !== null) {
    const m = /^\s*(\d{1,3}(?:[.,]\d{1,4})?)\s?%\s*$/.exec(text);
    if (!m) return null;
    const n = Number(m[1].replace(",", "."));
    return n >= 0 && n <= 100 ? { value: n, note: "" } : null;
  }
  return null;
}

/**
 * A formation label with its hours as text beside it: the formation fact (per week: the label
 * text gains "per week", so yearlyFormation multiplies it), or a gap when the text is no
 * figure the check can read. True when the label was handled.
 */
function formationFromText(
  ix: SheetIndex,
  r: number,
  c: number,
  vc: number,
  l: string,
  out: Partial<Record<FactKey, Fact>>,
  labelTexts: LabelTexts,
  findings: Findings,
): boolean {
  const text = ix.text(r, vc)!;
  const label = ix.text(r, c)!;
  const parsed = parseFormationText(text);
  if (parsed === null) {
    // The formation is no input of the law: not read, it is said (a warning), and the formation is not compared.
    findings.at(
      RULES.FACT_INVALID,
      "warning",
      ix.name,
      r,
      vc,
      `De formatie is niet te lezen: bij '${shorten(label, 50)}' staat '${shorten(text, 50)}', geen aantal uren. De formatie is daarom niet met de norm vergeleken; zet er een getal in (uren per jaar, of per week met 'per week' erbij) of geef de formatie op met --formatie UREN.`,
    );
    return true;
  }
  out.formationHours = { value: parsed.hours, source: { ...cellSource(ix.name, r, vc, label), description: `label '${shorten(label, 60)}' in ${ix.name}!${cellAddress(r, vc)}: ${parsed.reading}` } };
  labelTexts.formationHours = parsed.perWeek ? `${l} per week` : l;
  return true;
}

/** The formation from the contract hours written in each coach's block heading (labelled-facts.ts), × the formation weeks. */
function coachHeadingFormation(sheets: SheetIndex[], norm: NormVersion): Fact | null {
  const h = coachHeadingHours(sheets);
  if (!h) return null;
  const weeks = norm.formatieWekenPerJaar;
  return {
    value: cleanFloat(h.weeklyHours * weeks),
    source: {
      kind: "cell",
      sheet: null,
      cell: null,
      description: `${formatDutch(h.count, 0)} coaches met samen ${formatDutch(h.weeklyHours)} contracturen per week (${h.where.slice(0, 4).join(", ")}) × ${formatDutch(weeks)}`,
    },
  };
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

/**
 * A stated formation (a labelled cell) against the sum of the coaches' list: the stated figure
 * is used (as any stated cell beside a derived value); a difference of more than half an hour
 * is a warning at the stated cell that names both figures and which one is used.
 */
function listConflict(findings: Findings, stated: Fact, list: Fact): void {
  if (stated.source.kind !== "cell" || Math.abs(stated.value - list.value) <= 0.5) return;
  findings.add(
    RULES.FACT_CONFLICT,
    "warning",
    stated.source.sheet,
    stated.source.cell,
    `Hier staat een formatie van ${formatDutch(stated.value)} uur, maar de lijst van coaches/beleidsmedewerkers geeft ${formatDutch(list.value)} uur (${list.source.description}). ` +
      `Gebruikt is de formatie uit deze cel (${formatDutch(stated.value)} uur); maak de cel en de lijst gelijk, of geef de formatie op met --formatie UREN.`,
  );
}

/** The fte of a labelled weekly-hours cell: hours ÷ full-time week. */
function fteOfWeeklyHours(w: Fact, norm: NormVersion): Fact {
  return {
    value: fteFromWeeklyHours(w.value, undefined, norm),
    source: { ...w.source, description: `${w.source.description}: ${formatDutch(w.value)} uur per week ÷ ${formatDutch(norm.urenPerFteWeek)}` },
  };
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
  const derived = { centres: deriveCentres(byName, tables, findings), ...deriveFte(byName, tables, options, norm, findings, year), ...deriveToddlers(byName, tables, findings) };
  const o = options.overrides ?? {};
  const mf = mapping?.facts ?? {};

  if (labels.centres && derived.centres) conflict(findings, labels.centres, derived.centres, "kindercentra", 0);
  if (labels.toddlers && derived.toddlers) conflict(findings, labels.toddlers, derived.toddlers, "doelgroeppeuters", 0);

  checkCoachPlans(derived.formationList, tables, byName, findings);
  // A stated formation beside the coaches' list: the stated figure is used, and a difference is said at its cell.
  if (labels.formationHours && derived.formationHours && !o.formationHours && !mf.formationHours) listConflict(findings, labels.formationHours, derived.formationHours);

  // A formation fte beside its hours is checked where the formation is made (formation.ts: the hours win).
  const fteFromWeekly = labels.weeklyHours ? fteOfWeeklyHours(labels.weeklyHours, norm) : null;

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
      derived.formationHours ??
      (labels.formationFte ? null : coachHeadingFormation(sheets, norm)),
    formationFte: labels.formationFte ?? null,
    formationList: derived.formationList,
    leavePercent: overrideFact(o.leavePercent, "verlof en verzuim (%)") ?? labels.leavePercent ?? null,
    hourlyRate: overrideFact(o.hourlyRate, "uurtarief") ?? labels.hourlyRate ?? null,
    sites: labels.sites ?? null,
    toddlerLocations: derived.toddlerLocations,
    toddlerLocationsIncomplete: derived.toddlerLocationsIncomplete,
    staffCount: derived.staffCount,
    plannedLabels: { policy: labels.plannedPolicy ?? null, coaching: labels.plannedCoaching ?? null, ve: labels.plannedVe ?? null },
    totalLabels: { policy: labels.totalPolicy ?? null, coaching: labels.totalCoaching ?? null, ve: labels.totalVe ?? null },
  };
}
