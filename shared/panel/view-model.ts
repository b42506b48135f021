/**
 * Pure functions from a CheckResult (and the panel settings) to what the panel shows:
 * summary rows, bar widths, grouped findings, facts with their sources, and the parsing
 * of the facts the user types. No DOM here, so all of it is tested in node.
 */
import type { CheckOptions, CheckResult, Fact, Finding, PartHours, Severity, TableRole } from "../validate/types";
import { formatDutch } from "../numbers";
import { cellNumber } from "../cells";
import { checkYear } from "../norms";
import { IkkError, isIkkError } from "../errors";
import type { CellMark, PanelSettings, SheetSelection } from "./host";
import { REPORT_SHEET_NAME } from "./host";
import type { CellValue, WorkbookSnapshot } from "../validate/types";
import { rangeAddress, parseCell } from "../validate/a1";
import { MAPPING_FACTS, MappingFactName, mappingRoleName, withFactCell, withTableRole } from "../validate/mapping";
import { LOW_CONFIDENCE, SEVERITIES, SEVERITY_TITLES } from "../validate/severity";
import { PANEL_FIELDS } from "../validate/completeness";
import { findingCounts, hoursDifference, moneyOf, signedDutch } from "../validate/report";
import { alertMonthOf, asOfOf } from "./plan-view";

export type Part = keyof PartHours;

export const PART_LABELS: Readonly<Record<Part, string>> = Object.freeze({
  policy: "Beleid",
  coaching: "Coaching",
  ve: "VE",
  total: "Totaal",
});

const PARTS: Part[] = ["policy", "coaching", "ve", "total"];

/** Number for display: Dutch, up to two decimals, "–" when unknown. */
export function show(n: number | null | undefined, maxDecimals = 2): string {
  return n === null || n === undefined ? "–" : formatDutch(n, maxDecimals);
}

export interface SummaryRow {
  part: Part;
  label: string;
  required: number | null;
  planned: number | null;
  /** planned − required; null when either is unknown. */
  difference: number | null;
  /** "ok" = planned ≥ required, "short" = planned < required, "unknown" otherwise. */
  status: "ok" | "short" | "unknown";
}

export function summaryRows(result: CheckResult): SummaryRow[] {
  return PARTS.map((part) => {
    const required = result.required[part];
    const planned = result.planned[part];
    const difference = hoursDifference(required, planned);
    const status = difference === null ? "unknown" : difference < 0 ? "short" : "ok";
    return { part, label: PART_LABELS[part], required, planned, difference, status };
  });
}

/** A summary row's difference for display: "+176,3", "-13,7", "0", or "–" when unknown (as in the report sheet, there empty). */
export function differenceText(difference: number | null): string {
  return difference === null ? "–" : signedDutch(difference);
}

/** Bar widths in percent of the largest value of the rows (0 for unknown values). */
export function barWidths(rows: SummaryRow[]): Array<{ part: Part; required: number; planned: number }> {
  const max = Math.max(0, ...rows.flatMap((r) => [r.required ?? 0, r.planned ?? 0]));
  const pct = (n: number | null) => (max > 0 && n !== null && n > 0 ? Math.min(100, (n / max) * 100) : 0);
  return rows.map((r) => ({ part: r.part, required: pct(r.required), planned: pct(r.planned) }));
}

/** Dutch lines about the formation: hours and fte, and the margin over the required total. */
export function formationLines(result: CheckResult): string[] {
  const f = result.formation;
  if (f.hours === null && f.fte === null) return [`Geen formatie gevonden (vul '${PANEL_FIELDS.formationHours}' in om de marge te zien).`];
  const lines = [`Formatie: ${show(f.hours)} uur (${show(f.fte)} fte)`];
  if (f.marginHours !== null) {
    const word = f.marginHours < 0 ? "Tekort" : "Marge";
    lines.push(`${word}: ${show(Math.abs(f.marginHours))} uur (${show(f.marginFte === null ? null : Math.abs(f.marginFte))} fte)`);
  }
  if (f.vacancyHours) lines.push(`Open vacatures: ${show(f.vacancyHours)} uur (niet in de formatie)`);
  if (f.leavePercent && f.netHours != null) {
    lines.push(`Na ${formatDutch(f.leavePercent.value, 4)} % verlof en verzuim: ${show(f.netHours)} uur beschikbaar`);
    if (f.netMarginHours != null) lines.push(`${f.netMarginHours < 0 ? "Netto tekort" : "Netto marge"}: ${show(Math.abs(f.netMarginHours))} uur`);
  }
  const money = moneyOf(result);
  if (money) {
    const euros = (n: number | null) => (n === null ? "onbekend" : `€ ${formatDutch(n, 2)}`);
    lines.push(`In euro (uurtarief ${euros(money.rate)}): vereist ${euros(money.required)}, formatie ${euros(money.formation)}${money.margin === null ? "" : `, ${money.margin < 0 ? "tekort" : "marge"} ${euros(Math.abs(money.margin))}`}`);
  }
  return lines;
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  count: number;
  findings: Finding[];
}

export { SEVERITY_TITLES, LOW_CONFIDENCE };

/** Findings by severity, always in the order Fouten, Waarschuwingen, Informatie. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  return SEVERITIES.map((severity) => {
    const list = findings.filter((f) => f.severity === severity);
    return { severity, title: SEVERITY_TITLES[severity], count: list.length, findings: list };
  });
}

/** "Uren!F7", "Uren" or "" (whole workbook). */
export function findingPlace(f: Finding): string {
  if (f.sheet === null) return "";
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

/** The cells to colour: findings that point at a cell, strongest severity per address. */
export function marksFor(findings: Finding[]): CellMark[] {
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const byPlace = new Map<string, CellMark>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const prev = byPlace.get(key);
    if (!prev || rank[f.severity] > rank[prev.severity]) byPlace.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  return [...byPlace.values()];
}

export type FactKey = "year" | "centres" | "fte" | "toddlers" | "formationHours" | "leavePercent" | "hourlyRate";

/** Labels of the fields that are no input of the law: leave and absence, and the hourly rate (docs/regels.md 2.6). */
export const MONEY_FIELDS = Object.freeze({ leavePercent: "Verlof en verzuim (%)", hourlyRate: "Uurtarief (euro)" });

/** A fact for display: the year as is ("2026"), other facts Dutch ("42,37"), "onbekend" when null. */
export function factText(key: FactKey, n: number | null): string {
  if (n === null) return "onbekend";
  return key === "year" ? String(n) : formatDutch(n, 4);
}

export interface FactRow {
  key: FactKey;
  label: string;
  /** The value the check used, or null when unknown. */
  value: number | null;
  /** Dutch: where the value came from. */
  source: string;
  /** The user's override, when one is set (shown in the input). */
  override: number | null;
}

function factSource(f: Fact | null): string {
  return f ? f.source.description : "niet gevonden in de werkmap";
}

/** The year and facts the check used, each with its source and the user's override. */
export function factRows(result: CheckResult, settings: PanelSettings | null): FactRow[] {
  const o = settings?.overrides ?? {};
  return [
    { key: "year", label: PANEL_FIELDS.year, value: result.year, source: result.yearSource, override: settings?.year ?? null },
    { key: "centres", label: PANEL_FIELDS.centres, value: result.inputs.centres?.value ?? null, source: factSource(result.inputs.centres), override: o.centres ?? null },
    { key: "fte", label: PANEL_FIELDS.fte, value: result.inputs.fte?.value ?? null, source: factSource(result.inputs.fte), override: o.fte ?? null },
    { key: "toddlers", label: PANEL_FIELDS.toddlers, value: result.inputs.targetToddlers?.value ?? null, source: factSource(result.inputs.targetToddlers), override: o.toddlers ?? null },
    {
      key: "formationHours",
      label: PANEL_FIELDS.formationHours,
      value: result.formation.hours,
      source: result.formation.source?.description ?? "niet gevonden in de werkmap",
      override: o.formationHours ?? null,
    },
    {
      key: "leavePercent",
      label: MONEY_FIELDS.leavePercent,
      value: result.formation.leavePercent?.value ?? null,
      source: result.formation.leavePercent ? result.formation.leavePercent.source.description : "niet opgegeven (geen verlof verrekend)",
      override: o.leavePercent ?? null,
    },
    {
      key: "hourlyRate",
      label: MONEY_FIELDS.hourlyRate,
      value: result.formation.hourlyRate?.value ?? null,
      source: result.formation.hourlyRate ? result.formation.hourlyRate.source.description : "niet opgegeven (geen bedragen)",
      override: o.hourlyRate ?? null,
    },
  ];
}

const FACT_WHAT: Record<FactKey, string> = {
  year: "het jaar",
  centres: "het aantal kindercentra",
  fte: "het aantal fte",
  toddlers: "het aantal doelgroeppeuters",
  formationHours: "de formatie in uren",
  leavePercent: "verlof en verzuim (%)",
  hourlyRate: "het uurtarief",
};

/**
 * The fact fields as typed by the user (Dutch numbers; empty = use the workbook) →
 * settings with year and overrides replaced. Throws an IkkError with a Dutch message
 * for text, negative numbers or decimals in a count.
 */
export function applyFactInputs(settings: PanelSettings | null, inputs: Partial<Record<FactKey, string>>): PanelSettings {
  const values: Partial<Record<FactKey, number>> = {};
  for (const key of Object.keys(FACT_WHAT) as FactKey[]) {
    const n = cellNumber(inputs[key] ?? "", FACT_WHAT[key]);
    if (n === null) continue;
    if (n < 0) throw new IkkError("NEGATIEF", `Vul voor ${FACT_WHAT[key]} geen negatief getal in (kreeg ${formatDutch(n, 4)}).`);
    if ((key === "centres" || key === "toddlers") && !Number.isInteger(n)) {
      throw new IkkError("GEEN_GEHEEL_GETAL", `Vul voor ${FACT_WHAT[key]} een heel getal in (kreeg ${formatDutch(n, 4)}).`);
    }
    if (key === "year") checkYear(n);
    if (key === "leavePercent" && n > 100) throw new IkkError("ONGELDIGE_INVOER", `Vul voor ${FACT_WHAT[key]} een percentage van 0 tot 100 in (kreeg ${formatDutch(n, 4)}).`);
    values[key] = n;
  }
  const next: PanelSettings = { ...(settings ?? { version: 1 }), version: 1 };
  delete next.year;
  delete next.overrides;
  if (values.year !== undefined) next.year = values.year;
  const overrides: NonNullable<PanelSettings["overrides"]> = {};
  if (values.centres !== undefined) overrides.centres = values.centres;
  if (values.fte !== undefined) overrides.fte = values.fte;
  if (values.toddlers !== undefined) overrides.toddlers = values.toddlers;
  if (values.formationHours !== undefined) overrides.formationHours = values.formationHours;
  if (values.leavePercent !== undefined) overrides.leavePercent = values.leavePercent;
  if (values.hourlyRate !== undefined) overrides.hourlyRate = values.hourlyRate;
  if (Object.keys(overrides).length > 0) next.overrides = overrides;
  return next;
}

/** The check options the settings stand for. */
export function checkOptions(settings: PanelSettings | null, today?: string): CheckOptions {
  const options: CheckOptions = {};
  if (today !== undefined) {
    // The panel reads the clock and passes today's date; the engine never does.
    options.asOf = asOfOf(settings, today);
    options.asOfSource = settings?.asOf ? "opgegeven in het paneel (Peildatum realisatie)" : "vandaag";
    options.alertFromMonth = alertMonthOf(settings);
  }
  if (!settings) return options;
  if (settings.year !== undefined) options.year = settings.year;
  if (settings.overrides && Object.keys(settings.overrides).length > 0) options.overrides = { ...settings.overrides };
  if (settings.mapping !== undefined) options.mapping = settings.mapping;
  if (settings.includeHidden === true) options.includeHidden = true;
  if (settings.countBbl === false) options.countBbl = false;
  if (settings.countPolicyOfficerOnGroup === false) options.countPolicyOfficerOnGroup = false;
  return options;
}

/** A checkbox of the panel for one check option stored in the settings. */
export interface OptionToggle {
  key: "includeHidden" | "countBbl" | "countPolicyOfficerOnGroup";
  testid: string;
  label: string;
  /** Its state when the settings say nothing. */
  default: boolean;
}

/**
 * The option checkboxes: hidden sheets (default off), and the two counting rules the law
 * leaves open, BBL students and a beleidsmedewerker who also works on the group (default
 * on: counted, as the CLI's --bbl and --pbm-op-groep).
 */
export const OPTION_TOGGLES: readonly OptionToggle[] = Object.freeze([
  { key: "includeHidden", testid: "include-hidden", label: "Verborgen bladen meetellen", default: false },
  { key: "countBbl", testid: "count-bbl", label: "BBL-studenten meetellen in de fte", default: true },
  { key: "countPolicyOfficerOnGroup", testid: "count-pbm-on-group", label: "Beleidsmedewerker die ook op de groep werkt meetellen in de fte", default: true },
]);

/** Whether an option checkbox is ticked for these settings. */
export function optionChecked(settings: PanelSettings | null, o: OptionToggle): boolean {
  const v = settings?.[o.key];
  return typeof v === "boolean" ? v : o.default;
}

/** The roles a user can give a table, with their Dutch names, in dropdown order. */
export const ROLE_OPTIONS: ReadonlyArray<{ role: TableRole; label: string }> = Object.freeze([
  { role: "policy", label: "beleid" },
  { role: "coaching", label: "coaching" },
  { role: "ve", label: "VE" },
  { role: "ve-toddlers", label: "VE-peuters" },
  { role: "staff", label: "personeel" },
  { role: "locations", label: "locaties" },
  // A long list whose category column says beleid, coaching or VE per row.
  { role: "mixed", label: "gemengd (per categorie)" },
  // Hours spent (issue 12): read as realised, never as planned.
  { role: "realisation", label: "realisatie" },
  { role: "ignored", label: "negeren" },
  // "unknown" removes the user's choice, so the detector decides again.
  { role: "unknown", label: "automatisch herkennen" },
]);


/** Any failure as a Dutch message for the panel (IkkError messages are already Dutch). */
export function errorText(e: unknown): string {
  if (isIkkError(e)) return e.message;
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return detail ? `Er ging iets mis: ${detail}` : "Er ging iets mis. Probeer het opnieuw.";
}

/** Status after a check: "Controle klaar: 2 fouten, 1 waarschuwing, 0 meldingen ter informatie." (the report sheet's words). */
export function statusLine(result: CheckResult): string {
  return `Controle klaar: ${findingCounts(result.findings)}.`;
}

// ---------------------------------------------------------------- "Gebruik selectie"

/** What the user makes of a selection: a table with a role, or one fact read from a cell. */
export type SelectionChoice = { kind: "table"; role: TableRole } | { kind: "fact"; fact: MappingFactName };

/** The override key of each mapping fact (the fact field of the panel). */
const FACT_OVERRIDE: Readonly<Record<MappingFactName, keyof NonNullable<PanelSettings["overrides"]>>> = Object.freeze({
  kindercentra: "centres",
  fte: "fte",
  doelgroeppeuters: "toddlers",
  formatie_uren: "formationHours",
});

/** Dutch names of the facts in the dropdown and the messages. */
export const FACT_LABELS: Readonly<Record<MappingFactName, string>> = Object.freeze({
  kindercentra: "kindercentra",
  fte: "fte",
  doelgroeppeuters: "doelgroeppeuters",
  formatie_uren: "formatie-uren",
});

/** The dropdown of "Gebruik selectie": value (plain text) → choice, with its Dutch label and group. */
export const SELECTION_OPTIONS: ReadonlyArray<{ value: string; label: string; group: "Tabel" | "Gegeven (één cel)"; choice: SelectionChoice }> = Object.freeze([
  ...ROLE_OPTIONS.filter((o) => o.role !== "unknown").map((o) => ({
    value: `tabel:${o.role}`,
    label: o.label,
    group: "Tabel" as const,
    choice: { kind: "table" as const, role: o.role },
  })),
  ...MAPPING_FACTS.map((f) => ({ value: `feit:${f}`, label: FACT_LABELS[f], group: "Gegeven (één cel)" as const, choice: { kind: "fact" as const, fact: f } })),
]);

/** The choice of a dropdown value, or null for anything else. */
export function selectionChoice(value: string): SelectionChoice | null {
  return SELECTION_OPTIONS.find((o) => o.value === value)?.choice ?? null;
}

/** A selected area, 0-based and inclusive; an open end (whole column or row) is Infinity. */
export interface SelectionArea {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** "B2", "A3:F20", "$A$3:$F$20", whole columns "A:C", whole rows "3:5", "A5:B" (row 5 down) → the area; null otherwise. */
export function parseSelectionArea(a1: string): SelectionArea | null {
  const t = a1.trim().replace(/\$/g, "");
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(t);
  if (cols) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { r1: 0, r2: Infinity, c1: Math.min(a, b), c2: Math.max(a, b) };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(t);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a < 0 || b < 0) return null;
    return { r1: Math.min(a, b), r2: Math.max(a, b), c1: 0, c2: Infinity };
  }
  // Open at the bottom ("A5:B", as in Sheets' A1 notation): from that row down.
  const open = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})$/.exec(t);
  if (open) {
    const a = columnIndex(open[1]);
    const b = columnIndex(open[3]);
    const row = Number(open[2]) - 1;
    if (row < 0) return null;
    return { r1: row, r2: Infinity, c1: Math.min(a, b), c2: Math.max(a, b) };
  }
  const [p, q, extra] = t.split(":");
  if (extra !== undefined) return null;
  const start = parseCell(p ?? "");
  const end = q === undefined ? start : parseCell(q);
  if (!start || !end) return null;
  return { r1: Math.min(start.row, end.row), r2: Math.max(start.row, end.row), c1: Math.min(start.col, end.col), c2: Math.max(start.col, end.col) };
}

/** "'Uren 2026'!B6" style text for messages (the sheet name is data: shown as text only). */
export function selectionPlace(sheet: string, a1: string): string {
  return `'${sheet}'!${a1}`;
}

/**
 * The first checks of a selection, before the user picks a role: something is selected,
 * not on the report sheet, one area, a readable address. Returns the area, or throws an
 * IkkError with a Dutch message.
 */
export function checkSelection(selection: SheetSelection | null): SelectionArea {
  if (!selection || typeof selection.sheet !== "string" || selection.sheet === "" || typeof selection.a1 !== "string" || selection.a1.trim() === "") {
    throw new IkkError("ONGELDIGE_INVOER", "Er is niets geselecteerd. Selecteer in het blad een cel of een bereik en klik opnieuw op 'Gebruik selectie'.");
  }
  if (selection.sheet === REPORT_SHEET_NAME) {
    throw new IkkError("ONGELDIGE_INVOER", `Het blad '${REPORT_SHEET_NAME}' is het rapport van deze controle, geen invoer. Selecteer een cel of bereik op een ander blad.`);
  }
  if (/[,;]/.test(selection.a1)) {
    throw new IkkError("ONGELDIGE_INVOER", "U heeft meerdere gebieden tegelijk geselecteerd. Selecteer één aaneengesloten bereik of één cel en probeer het opnieuw.");
  }
  const area = parseSelectionArea(selection.a1);
  if (!area) throw new IkkError("ONGELDIGE_INVOER", `De selectie '${selection.a1}' is niet te lezen als cel of bereik.`);
  return area;
}

function filled(v: CellValue | undefined, f: string | null | undefined): boolean {
  return (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) || (typeof f === "string" && f !== "");
}

/** Bounding box of the filled cells of `sheet` inside `area`, or null when none is filled. */
export function filledBox(sheet: WorkbookSnapshot["sheets"][number], area: SelectionArea): SelectionArea | null {
  let box: SelectionArea | null = null;
  const lastRow = Math.min(area.r2, Math.max(sheet.values.length, sheet.formulas?.length ?? 0) - 1);
  for (let r = area.r1; r <= lastRow; r++) {
    const row = sheet.values[r] ?? [];
    const frow = sheet.formulas?.[r] ?? [];
    const lastCol = Math.min(area.c2, Math.max(row.length, frow.length) - 1);
    for (let c = area.c1; c <= lastCol; c++) {
      if (!filled(row[c], frow[c])) continue;
      box = box ? { r1: Math.min(box.r1, r), r2: Math.max(box.r2, r), c1: Math.min(box.c1, c), c2: Math.max(box.c2, c) } : { r1: r, r2: r, c1: c, c2: c };
    }
  }
  return box;
}

function cellsIn(a: SelectionArea): number {
  return (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);
}

function overlaps(a: SelectionArea, b: SelectionArea): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export interface SelectionResult {
  /** The settings to save (mapping updated; for a fact, the typed override of that fact removed). */
  settings: PanelSettings;
  /** Sheet and A1 range or cell as stored in the mapping. */
  sheet: string;
  a1: string;
  /** Dutch: what was stored. */
  message: string;
}

/**
 * The selection + the user's choice → new settings (pure; the panel saves them and checks
 * again). Tables: the range is cut to its filled cells (so a whole column "A:F", a Sheets
 * "A1:F1000" or a selection with empty rows below becomes the table itself, and a "Totaal"
 * last row stays last), and any earlier user range on that sheet that overlaps it is
 * replaced. Facts: exactly one cell, not empty; a typed value for that fact is removed so
 * the cell counts. Throws an IkkError with a Dutch message for anything else.
 */
export function selectionSettings(settings: PanelSettings | null, selection: SheetSelection | null, choice: SelectionChoice, workbook: WorkbookSnapshot): SelectionResult {
  const area = checkSelection(selection);
  const sel = selection!;
  const sheet = workbook.sheets.find((s) => s.name === sel.sheet);
  if (!sheet) throw new IkkError("ONBRUIKBAAR", `Het blad '${sel.sheet}' staat niet in de gelezen werkmap. Klik op Controleren en probeer het opnieuw.`);
  const base: PanelSettings = { ...(settings ?? { version: 1 }), version: 1 };
  const whole = !Number.isFinite(area.r2) || !Number.isFinite(area.c2);

  if (choice.kind === "fact") {
    const name = FACT_LABELS[choice.fact];
    if (whole || cellsIn(area) > 1) {
      const what = whole ? (Number.isFinite(area.c2) ? "een hele kolom" : "een hele rij") : `${cellsIn(area)} cellen (${sel.a1.trim()})`;
      throw new IkkError("ONGELDIGE_INVOER", `Het gegeven '${name}' staat in één cel, maar u selecteerde ${what}. Selecteer alleen de cel met het getal.`);
    }
    const cell = rangeAddress(area.r1, area.c1, area.r1, area.c1);
    if (!filledBox(sheet, area)) {
      throw new IkkError("ONGELDIGE_INVOER", `Cel ${selectionPlace(sel.sheet, cell)} is leeg. Selecteer de cel met het getal voor '${name}'.`);
    }
    const next: PanelSettings = { ...base, mapping: withFactCell(base.mapping, choice.fact, sel.sheet, cell) };
    const key = FACT_OVERRIDE[choice.fact];
    let note = "";
    if (next.overrides && next.overrides[key] !== undefined) {
      const overrides = { ...next.overrides };
      delete overrides[key];
      if (Object.keys(overrides).length > 0) next.overrides = overrides;
      else delete next.overrides;
      note = " De ingetypte waarde voor dit gegeven is gewist.";
    }
    return { settings: next, sheet: sel.sheet, a1: cell, message: `'${name}' komt nu uit cel ${selectionPlace(sel.sheet, cell)}.${note}` };
  }

  const box = filledBox(sheet, area);
  if (!box) {
    const what = whole ? (Number.isFinite(area.c2) ? "De geselecteerde kolommen zijn" : "De geselecteerde rijen zijn") : "Het geselecteerde bereik is";
    throw new IkkError("ONGELDIGE_INVOER", `${what} leeg (${selectionPlace(sel.sheet, sel.a1.trim())}). Selecteer de tabel zelf, met de kopregel.`);
  }
  if (box.r2 === box.r1) {
    throw new IkkError(
      "ONGELDIGE_INVOER",
      `Een tabel heeft een kopregel en ten minste één rij eronder; in ${selectionPlace(sel.sheet, sel.a1.trim())} is maar één rij gevuld. Selecteer de hele tabel.`,
    );
  }
  const range = rangeAddress(box.r1, box.c1, box.r2, box.c2);
  // An earlier user range on this sheet that overlaps the new one: the new selection wins.
  let mapping: unknown = base.mapping;
  if (mapping && typeof mapping === "object" && !Array.isArray(mapping) && Array.isArray((mapping as { tabellen?: unknown }).tabellen)) {
    const kept = ((mapping as { tabellen: unknown[] }).tabellen).filter((t) => {
      const e = t as { blad?: unknown; bereik?: unknown };
      if (e.blad !== sel.sheet || typeof e.bereik !== "string") return true;
      const other = parseSelectionArea(e.bereik);
      return !other || !overlaps(other, box);
    });
    mapping = { ...(mapping as Record<string, unknown>), tabellen: kept };
  }
  const role = mappingRoleName(choice.role) ?? choice.role;
  const clipped = whole || range !== sel.a1.trim().replace(/\$/g, "").toUpperCase();
  return {
    settings: { ...base, mapping: withTableRole(mapping, sel.sheet, range, choice.role) },
    sheet: sel.sheet,
    a1: range,
    message: `${selectionPlace(sel.sheet, range)} is nu tabel '${role}'.${clipped ? ` (De selectie ${sel.a1.trim()} is ingekort tot de gevulde cellen.)` : ""}`,
  };
}
