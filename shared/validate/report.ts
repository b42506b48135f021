/**
 * Reports of a check: the fixed JSON shape for the CLI (--json: year, inputs, required, planned, formation, findings, …, realised, realisation; nothing else) and the Dutch rows for
 * the "Rapport maken" sheet and the text report.
 */
import { cleanFloat, formatDutch } from "../numbers";
import { RULES, type RuleId } from "./rules/ids";
import { ruleName } from "./rule-names";
import { SEVERITY_DUTCH } from "./severity";
import { ROLE_DUTCH } from "./table-model";
import type { CheckResult, Fact, Finding, Severity } from "./types";

// jsonReport's own imports (kept apart from the rest of this file's; an alias, so they never clash with the imports above).
import { cleanFloat as cleanAmount } from "../numbers";
import type { AppliedOptions } from "./mapping";
import { realisationJson, realisationRows, realisedJson, type RealisationJson } from "./realisation-report";

/** The --json shape: these keys in this order, nothing else (see JsonReport's fields). */
export interface JsonReport {
  year: number;
  inputs: { centres: number | null; fte: number | null; targetToddlers: number | null };
  required: { policy: number | null; coaching: number | null; ve: number | null; total: number | null };
  planned: { policy: number | null; coaching: number | null; ve: number | null; total: number | null };
  /** Formation hours per year actually used (null when none was found). */
  formation: number | null;
  /** Those hours ÷ (urenPerFteWeek × formatieWekenPerJaar) of the norm version, unrounded. */
  formationFte: number | null;
  /** Formation − required total (positive: margin, negative: shortage); euros only with an hourly rate. */
  margin: { hours: number | null; fte: number | null; euros: number | null };
  findings: { rule: RuleId; severity: Severity; sheet: string | null; cell: string | null; message: string }[];
  /** True only when the check is complete (year, every input, every required part found). */
  complete: boolean;
  /** Dutch: what is missing and how to supply it. */
  missing: string[];
  /** The counting options applied and where each came from; null when the caller did not say. */
  options: AppliedOptions | null;
  /** Yearly hours of open vacancies in the coaches' list, not in the formation; null without a list. */
  vacancyHours: number | null;
  /** Leave and absence (--verlof, a labelled cell, the panel): the net hours available and the net margin; null when none given. */
  leave: { percent: number; netHours: number | null; netMarginHours: number | null; netMarginFte: number | null } | null;
  /** Euros at the hourly rate (--uurtarief, a labelled cell, the panel); null when no rate is known. */
  money: { rate: number; required: number | null; formation: number | null; margin: number | null } | null;
  /** Hours spent per part (issue 12), the shape of `planned`; null when the workbook has no realisation. */
  realised: { policy: number | null; coaching: number | null; ve: number | null; total: number | null } | null;
  /** The comparison at the reference date (asOf, fraction, expected, projected, locations, notCoached); null without realisation. */
  realisation: RealisationJson | null;
}

/** What a report knows beside the result: the hourly rate given (--uurtarief) and the counting options applied. */
export interface ReportContext {
  hourlyRate?: number | null;
  options?: AppliedOptions | null;
}

/** The hourly rate that applies: the caller's (--uurtarief), else the one the check read (panel, labelled cell); null without one. */
export function rateOf(r: CheckResult, hourlyRate?: number | null): number | null {
  return hourlyRate ?? r.formation.hourlyRate?.value ?? null;
}

/** Margin in euros: hours × hourly rate, or null without either. */
export function marginEuros(r: CheckResult, hourlyRate: number | null | undefined): number | null {
  const rate = rateOf(r, hourlyRate);
  if (rate === null || r.formation.marginHours === null) return null;
  return cleanAmount(r.formation.marginHours * rate);
}

/** Required hours, formation and margin in euros at the hourly rate (no rounding); null without a rate. */
export function moneyOf(r: CheckResult, hourlyRate?: number | null): JsonReport["money"] {
  const rate = rateOf(r, hourlyRate);
  if (rate === null) return null;
  const euros = (n: number | null) => (n === null ? null : cleanAmount(n * rate));
  return { rate, required: euros(r.required.total), formation: euros(r.formation.hours), margin: euros(r.formation.marginHours) };
}

/** The leave percentage applied with the net hours and net margin, or null. */
export function leaveOf(r: CheckResult): JsonReport["leave"] {
  const f = r.formation;
  if (!f.leavePercent) return null;
  return { percent: f.leavePercent.value, netHours: f.netHours ?? null, netMarginHours: f.netMarginHours ?? null, netMarginFte: f.netMarginFte ?? null };
}

export function jsonReport(r: CheckResult, context: ReportContext = {}): JsonReport {
  const v = (f: Fact | null) => (f ? f.value : null);
  return {
    year: r.year,
    inputs: { centres: v(r.inputs.centres), fte: v(r.inputs.fte), targetToddlers: v(r.inputs.targetToddlers) },
    required: { policy: r.required.policy, coaching: r.required.coaching, ve: r.required.ve, total: r.required.total },
    planned: { policy: r.planned.policy, coaching: r.planned.coaching, ve: r.planned.ve, total: r.planned.total },
    formation: r.formation.hours,
    formationFte: r.formation.fte,
    margin: { hours: r.formation.marginHours, fte: r.formation.marginFte, euros: marginEuros(r, context.hourlyRate) },
    findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message })),
    complete: r.complete,
    missing: [...r.missing],
    options: context.options ?? null,
    vacancyHours: r.formation.vacancyHours ?? null,
    leave: leaveOf(r),
    money: moneyOf(r, context.hourlyRate),
    realised: realisedJson(r),
    realisation: realisationJson(r),
  };
}

/**
 * The verdict, one vocabulary for the CLI, the panel and the report sheet: "in orde" only
 * when the check is complete and found no error; "niet volledig te beoordelen" when
 * something the law needs was not found (whatever else was found).
 */
export type VerdictKind = "ok" | "warnings" | "incomplete" | "errors";

export interface Verdict {
  kind: VerdictKind;
  /** Short Dutch heading: "In orde", "Niet in orde", "Niet volledig te beoordelen". */
  title: string;
  /** One Dutch sentence. */
  text: string;
}

function plural(n: number, one: string, many: string): string {
  return `${formatDutch(n, 0)} ${n === 1 ? one : many}`;
}

export function verdictOf(r: CheckResult): Verdict {
  const errors = r.findings.filter((f) => f.severity === "error" && f.rule !== "controle-onvolledig").length;
  const warnings = r.findings.filter((f) => f.severity === "warning").length;
  const also = warnings ? ` en ${plural(warnings, "waarschuwing", "waarschuwingen")}` : "";
  if (!r.complete) {
    const found = errors ? ` Wel gevonden: ${plural(errors, "fout", "fouten")}${also}.` : "";
    return {
      kind: "incomplete",
      title: "Niet volledig te beoordelen",
      text: `Niet volledig te beoordelen: ${r.missing.length === 1 ? "er ontbreekt 1 gegeven" : `er ontbreken ${r.missing.length} gegevens`} (zie de bevinding '${ruleName(RULES.CHECK_INCOMPLETE)}').${found}`,
    };
  }
  if (errors > 0) return { kind: "errors", title: "Niet in orde", text: `Niet in orde: ${plural(errors, "fout", "fouten")}${also} gevonden.` };
  if (warnings > 0) {
    return {
      kind: "warnings",
      title: "In orde, met waarschuwingen",
      text: `Geen fouten gevonden, wel ${plural(warnings, "waarschuwing", "waarschuwingen")}; bekijk die voordat u het plan vaststelt.`,
    };
  }
  return { kind: "ok", title: "In orde", text: `In orde: geen fouten of waarschuwingen gevonden voor ${r.year}.` };
}


/**
 * The counts of findings in words, as the panel's status line and the report sheet say
 * them: "2 fouten, 1 waarschuwing, 1 melding ter informatie".
 */
export function findingCounts(findings: readonly Finding[]): string {
  const n = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return `${plural(n("error"), "fout", "fouten")}, ${plural(n("warning"), "waarschuwing", "waarschuwingen")}, ${plural(n("info"), "melding", "meldingen")} ter informatie`;
}

/** Planned − required hours of one part (positive: more planned than required); null when either is unknown. */
export function hoursDifference(required: number | null, planned: number | null): number | null {
  return required === null || planned === null ? null : cleanFloat(planned - required);
}

/** A difference with its sign, as the panel's summary shows it: "+176,3", "-13,7", "0". */
export function signedDutch(n: number, maxDecimals = 2): string {
  return (n > 0 && formatDutch(n, maxDecimals) !== "0" ? "+" : "") + formatDutch(n, maxDecimals);
}

/** A date as dd-mm-jjjj ("01-12-2026"), in local time. */
export function dutchDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getDate())}-${two(d.getMonth() + 1)}-${d.getFullYear()}`;
}

/**
 * Text that a host writes as text: a leading "=", "+" or "@" would make it a formula, so
 * it gets Excel's and Sheets' text prefix. A signed number ("+176,3", a difference) is no
 * formula and stays as it is.
 */
function asText(s: string): string {
  return /^[=+@]/.test(s) && !/^\+\d[\d.]*(,\d+)?$/.test(s) ? `'${s}` : s;
}

/** Rows followed by a blank row, or nothing when there are none. */
const withBlank = (rows: string[][]): string[][] => (rows.length ? [...rows, []] : []);

const num = (n: number | null, decimals = 2) => (n === null ? "onbekend" : formatDutch(n, decimals));

/** What the report says about itself: the workbook's file name (left out when unknown) and the date (default: now). */
export interface ReportAbout {
  name?: string;
  date?: Date;
  /** The hourly rate given outside the check (else the one the check read). */
  hourlyRate?: number | null;
}

/** Report rows for vacancies, leave and money, only where they are known. */
function extraFormationRows(r: CheckResult, hourlyRate?: number | null): string[][] {
  const f = r.formation;
  const rows: string[][] = [];
  if (f.vacancyHours) rows.push(["Open vacatures (uren per jaar, niet in de formatie)", num(f.vacancyHours)]);
  if (f.leavePercent) {
    rows.push(["Verlof en verzuim (%)", num(f.leavePercent.value, 4), f.leavePercent.source.description]);
    rows.push(["Netto beschikbaar (uren)", num(f.netHours ?? null)], ["Netto marge (uren)", num(f.netMarginHours ?? null)]);
  }
  const money = moneyOf(r, hourlyRate);
  if (money) {
    const src = hourlyRate != null ? "opgegeven uurtarief" : f.hourlyRate!.source.description;
    rows.push(
      ["Uurtarief (euro)", num(money.rate), src],
      ["Vereist (euro)", num(money.required)],
      ["Formatie (euro)", num(money.formation)],
      ["Marge (euro)", num(money.margin)],
    );
  }
  return rows;
}

/**
 * The Dutch summary and findings as rows of text (first column is a label), in the panel's
 * words: "Vereist" and "Gepland" with their difference, the counts as in the status line,
 * and each finding's rule by its Dutch name (its id in the last column, the key of
 * docs/regels.md).
 */
export function reportRows(r: CheckResult, about: ReportAbout = {}): string[][] {
  const fact = (label: string, f: Fact | null, decimals = 2): string[] => [label, f ? formatDutch(f.value, decimals) : "onbekend", f ? f.source.description : "niet gevonden"];
  const part = (label: string, key: keyof CheckResult["required"]): string[] => {
    const difference = hoursDifference(r.required[key], r.planned[key]);
    return [label, num(r.required[key]), num(r.planned[key]), difference === null ? "" : signedDutch(difference)];
  };
  const name = about.name?.trim();
  const rows: string[][] = [
    ["Controle uren pedagogisch beleidsmedewerker/coach (Wet IKK)"],
    ...(name ? [["Bestand", name]] : []),
    ["Jaar", String(r.year), r.yearSource],
    ["Datum rapport", dutchDate(about.date ?? new Date())],
    ["Oordeel", verdictOf(r).text],
    [],
    ["Gegeven", "Waarde", "Bron"],
    fact("Kindercentra (LRK-registraties)", r.inputs.centres),
    fact("Fte pedagogisch medewerkers", r.inputs.fte, 4),
    fact("Doelgroeppeuters", r.inputs.targetToddlers),
    [],
    ["Onderdeel", "Vereist (uren)", "Gepland (uren)", "Verschil (uren)"],
    part("Beleid", "policy"),
    part("Coaching", "coaching"),
    part("VE", "ve"),
    part("Totaal", "total"),
    [],
    ["Formatie (uren per jaar)", num(r.formation.hours), r.formation.source ? r.formation.source.description : "niet gevonden"],
    ["Formatie (fte)", num(r.formation.fte)],
    ["Marge (uren)", num(r.formation.marginHours)],
    ["Marge (fte)", num(r.formation.marginFte)],
    ...extraFormationRows(r, about.hourlyRate),
    [],
    ...withBlank(realisationRows(r)),
    ["Gevonden tabellen", "Bereik", "Rol", "Zekerheid", "Reden"],
    ...r.tables.map((t) => [t.sheet, t.range, ROLE_DUTCH[t.role] ?? t.role, `${Math.round(t.confidence * 100)}%`, t.reason]),
    [],
    ["Bevindingen", findingCounts(r.findings)],
    ["Ernst", "Regel", "Blad", "Cel", "Melding"],
    ...r.findings.map((f) => [SEVERITY_DUTCH[f.severity], ruleName(f.rule), f.sheet ?? "", f.cell ?? "", f.message]),
  ];
  return rows.map((row) => row.map(asText));
}
