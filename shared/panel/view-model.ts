/**
 * Pure functions from a CheckResult (and the panel settings) to what the panel shows:
 * summary rows, bar widths, grouped findings, facts with their sources, and the parsing
 * of the facts the user types. No DOM here, so all of it is tested in node.
 */
import type { CheckOptions, CheckResult, Fact, Finding, PartHours, Severity, TableRole } from "../validate/types";
import { cleanFloat, formatDutch } from "../numbers";
import { cellNumber } from "../cells";
import { checkYear } from "../norms";
import { IkkError, isIkkError } from "../errors";
import type { CellMark, PanelSettings } from "./host";

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
    const difference = required === null || planned === null ? null : cleanFloat(planned - required);
    const status = difference === null ? "unknown" : difference < 0 ? "short" : "ok";
    return { part, label: PART_LABELS[part], required, planned, difference, status };
  });
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
  if (f.hours === null && f.fte === null) return ["Geen formatie gevonden (vul 'Formatie uren' in om de marge te zien)."];
  const lines = [`Formatie: ${show(f.hours)} uur (${show(f.fte)} fte)`];
  if (f.marginHours !== null) {
    const word = f.marginHours < 0 ? "Tekort" : "Marge";
    lines.push(`${word}: ${show(Math.abs(f.marginHours))} uur (${show(f.marginFte === null ? null : Math.abs(f.marginFte))} fte)`);
  }
  return lines;
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  count: number;
  findings: Finding[];
}

export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = Object.freeze({
  error: "Fouten",
  warning: "Waarschuwingen",
  info: "Informatie",
});

/** Findings by severity, always in the order Fouten, Waarschuwingen, Informatie. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  return (["error", "warning", "info"] as Severity[]).map((severity) => {
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

export type FactKey = "year" | "centres" | "fte" | "toddlers" | "formationHours";

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
    { key: "year", label: "Jaar", value: result.year, source: result.yearSource, override: settings?.year ?? null },
    { key: "centres", label: "Kindercentra (LRK)", value: result.inputs.centres?.value ?? null, source: factSource(result.inputs.centres), override: o.centres ?? null },
    { key: "fte", label: "Fte pedagogisch medewerkers", value: result.inputs.fte?.value ?? null, source: factSource(result.inputs.fte), override: o.fte ?? null },
    { key: "toddlers", label: "Doelgroeppeuters", value: result.inputs.targetToddlers?.value ?? null, source: factSource(result.inputs.targetToddlers), override: o.toddlers ?? null },
    {
      key: "formationHours",
      label: "Formatie uren",
      value: result.formation.hours,
      source: result.formation.source?.description ?? "niet gevonden in de werkmap",
      override: o.formationHours ?? null,
    },
  ];
}

const FACT_WHAT: Record<FactKey, string> = {
  year: "het jaar",
  centres: "het aantal kindercentra",
  fte: "het aantal fte",
  toddlers: "het aantal doelgroeppeuters",
  formationHours: "de formatie in uren",
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
  if (Object.keys(overrides).length > 0) next.overrides = overrides;
  return next;
}

/** The check options the settings stand for. */
export function checkOptions(settings: PanelSettings | null): CheckOptions {
  const options: CheckOptions = {};
  if (!settings) return options;
  if (settings.year !== undefined) options.year = settings.year;
  if (settings.overrides && Object.keys(settings.overrides).length > 0) options.overrides = { ...settings.overrides };
  if (settings.mapping !== undefined) options.mapping = settings.mapping;
  return options;
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
  { role: "ignored", label: "negeren" },
  // "unknown" removes the user's choice, so the detector decides again.
  { role: "unknown", label: "automatisch herkennen" },
]);

/** Below this confidence the panel asks the user to confirm a table's role. */
export const LOW_CONFIDENCE = 0.5;

/** Any failure as a Dutch message for the panel (IkkError messages are already Dutch). */
export function errorText(e: unknown): string {
  if (isIkkError(e)) return e.message;
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return detail ? `Er ging iets mis: ${detail}` : "Er ging iets mis. Probeer het opnieuw.";
}

/** Status after a check: "Controle klaar: 2 fouten, 1 waarschuwing, 0 meldingen ter informatie." */
export function statusLine(result: CheckResult): string {
  const [errors, warnings, infos] = groupFindings(result.findings).map((g) => g.count);
  return (
    `Controle klaar: ${errors} ${errors === 1 ? "fout" : "fouten"}, ` +
    `${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}, ` +
    `${infos} ${infos === 1 ? "melding" : "meldingen"} ter informatie.`
  );
}
