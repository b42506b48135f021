/**
 * The human-readable Dutch report of a check, for a terminal. All text that may come
 * from the workbook (sheet names, labels, messages quoting cells) passes terminalSafe.
 */
import { formatDutch } from "../shared/numbers";
import type { CheckResult, Fact, Finding, PartHours, Severity } from "../shared/validate/types";
import type { AppliedOption, AppliedOptions } from "../shared/validate/mapping";
import { marginEuros, moneyOf, verdictOf, type ReportContext } from "../shared/validate/report";
import { SEVERITIES, SEVERITY_TITLES } from "../shared/validate/severity";
import { partsWithoutRealisedText, realisationHeading, realisationTotalLabel } from "../shared/validate/realisation-report";
import { terminalSafe } from "./terminal-text";


const PARTS: Array<{ key: keyof PartHours; label: string }> = [
  { key: "policy", label: "Beleid" },
  { key: "coaching", label: "Coaching" },
  { key: "ve", label: "VE" },
  { key: "total", label: "Totaal" },
];

function hours(n: number | null): string {
  return n === null ? "–" : `${formatDutch(n, 2)} uur`;
}

function signedHours(n: number | null): string {
  if (n === null) return "–";
  const s = formatDutch(n, 2);
  return `${n > 0 && s !== "0" ? "+" : ""}${s} uur`;
}

/** Planned − required, or null when either is unknown. */
function difference(planned: number | null, required: number | null): number | null {
  if (planned === null || required === null) return null;
  return planned - required;
}

function factLine(label: string, fact: Fact | null, decimals: number): string {
  if (!fact) return `  ${label}: niet gevonden`;
  return `  ${label}: ${formatDutch(fact.value, decimals)} (${terminalSafe(fact.source.description)})`;
}

/** Left-aligned first column, right-aligned number columns. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map(
    (r) => "  " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   ").trimEnd(),
  );
}

function where(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  if (f.sheet) return f.sheet;
  if (f.cell) return f.cell;
  return "werkmap";
}

export function countBySeverity(result: CheckResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return counts;
}


/** The closing verdict line. */
export function verdictLine(result: CheckResult): string {
  const v = verdictOf(result);
  if (v.kind === "errors") return `Oordeel: NIET IN ORDE – ${v.text.replace(/^Niet in orde: /, "")}`;
  if (v.kind === "incomplete") return `Oordeel: NIET VOLLEDIG TE BEOORDELEN – ${v.text.replace(/^Niet volledig te beoordelen: /, "")}`;
  if (v.kind === "ok") return `Oordeel: in orde – ${v.text.replace(/^In orde: /, "")}`;
  return `Oordeel: ${v.text.charAt(0).toLowerCase()}${v.text.slice(1)}`;
}

/** fte in text: always 2 decimals at most (the raw value is in the JSON). */
export function fteText(n: number): string {
  return `${formatDutch(n, 2)} fte`;
}

/** Euros in text: "€ 21.685" or "€ 1.234,5". */
export function eurosText(n: number): string {
  return `€ ${formatDutch(n, 2)}`;
}

const SOURCE_DUTCH: Record<AppliedOption["source"], (flag: string) => string> = {
  option: (flag) => `opgegeven met ${flag}`,
  mapping: () => "uit de koppeling",
  default: () => "standaard",
};

/** The counting options applied, one line each, saying where the value came from. */
export function optionLines(applied: AppliedOptions): string[] {
  const bbl = applied.countBbl;
  const pbm = applied.countPolicyOfficerOnGroup;
  return [
    `  BBL-studenten: ${bbl.value ? "tellen mee" : "tellen niet mee"} in de fte (${SOURCE_DUTCH[bbl.source]("--bbl")})`,
    `  Beleidsmedewerker die ook op de groep werkt: ${pbm.value ? "telt mee" : "telt niet mee"} in de fte (${SOURCE_DUTCH[pbm.source]("--pbm-op-groep")})`,
  ];
}

/** The formation and its margin (or shortage): one fte figure, 2 decimals, from the hours used; vacancies, leave and money when known. */
export function formationLines(result: CheckResult, hourlyRate?: number | null): string[] {
  const fm = result.formation;
  const out: string[] = [];
  if (fm.hours === null) out.push("Formatie: niet gevonden (geef die op met --formatie UREN).");
  else {
    const fte = fm.fte === null ? "" : ` (${fteText(fm.fte)})`;
    const src = fm.source ? ` – ${terminalSafe(fm.source.description)}` : "";
    out.push(`Formatie: ${hours(fm.hours)}${fte}${src}`);
  }
  if (fm.hours !== null && fm.marginHours !== null) {
    const extra: string[] = [];
    if (fm.marginFte !== null) extra.push(fteText(Math.abs(fm.marginFte)));
    const euros = marginEuros(result, hourlyRate);
    if (euros !== null) extra.push(eurosText(Math.abs(euros)));
    const word = fm.marginHours >= 0 ? "Marge" : "Tekort";
    out.push(`${word} ten opzichte van het vereiste totaal: ${hours(Math.abs(fm.marginHours))}${extra.length ? ` (${extra.join("; ")})` : ""}`);
  }
  if (fm.vacancyHours) out.push(`Open vacatures: ${hours(fm.vacancyHours)} per jaar (niet meegeteld in de formatie)`);
  if (fm.leavePercent && fm.hours !== null) {
    const pct = `${formatDutch(fm.leavePercent.value, 4)} %`;
    out.push(`Verlof en verzuim: ${pct} (${terminalSafe(fm.leavePercent.source.description)}); netto beschikbaar: ${hours(fm.netHours ?? null)}`);
    if (fm.netMarginHours !== null && fm.netMarginHours !== undefined) {
      const word = fm.netMarginHours >= 0 ? "Netto marge" : "Netto tekort";
      const fteNet = fm.netMarginFte !== null && fm.netMarginFte !== undefined ? ` (${fteText(Math.abs(fm.netMarginFte))})` : "";
      out.push(`${word} ten opzichte van het vereiste totaal: ${hours(Math.abs(fm.netMarginHours))}${fteNet}`);
    }
  }
  const money = moneyOf(result, hourlyRate);
  if (money) {
    const parts = [`vereist ${money.required === null ? "–" : eurosText(money.required)}`, `formatie ${money.formation === null ? "–" : eurosText(money.formation)}`];
    if (money.margin !== null) parts.push(`${money.margin >= 0 ? "marge" : "tekort"} ${eurosText(Math.abs(money.margin))}`);
    out.push(`In euro (uurtarief ${eurosText(money.rate)}): ${parts.join("; ")}`);
  }
  return out;
}

/**
 * The realisation block (issue 12): per part gerealiseerd, verwacht volgens plan and the
 * year-end figure at this pace; empty without realisation.
 */
export function realisationLines(result: CheckResult): string[] {
  const x = result.realisation;
  const heading = realisationHeading(result);
  if (!x || heading === null) return [];
  const compared = x.fraction !== null;
  const rows: string[][] = [compared ? ["Onderdeel", "Gerealiseerd", "Verwacht volgens plan", "Op dit tempo eind van het jaar"] : ["Onderdeel", "Gerealiseerd"]];
  for (const { key, label } of PARTS) {
    if (x.realised[key] === null && (key === "total" || x.complete !== false)) continue;
    const shown = key === "total" ? realisationTotalLabel(result) : label;
    rows.push(compared ? [shown, hours(x.realised[key]), hours(x.expected[key]), hours(x.projected[key])] : [shown, hours(x.realised[key])]);
  }
  const out = [`${heading}:`];
  if (rows.length > 1) out.push(...table(rows));
  const without = partsWithoutRealisedText(result);
  if (without !== null) out.push(`  Nog geen bestede uren: ${without}.`);
  if (x.complete === false) out.push("  Onvolledig: niet alle bestede uren zijn te lezen (zie de waarschuwingen); een onderdeel met zo'n cel is niet opgeteld.");
  if (x.notCoached.length) out.push(`  Nog niet gecoacht: ${formatDutch(x.notCoached.length, 0)} ${x.notCoached.length === 1 ? "medewerker" : "medewerkers"}.`);
  return out;
}

/** The whole report as lines of text (no trailing newline). */
export function textReport(result: CheckResult, fileName: string, context: ReportContext = {}): string {
  const out: string[] = [];
  out.push(`Controle van ${terminalSafe(fileName)}`);
  out.push("");
  out.push(`Jaar: ${result.year} (${terminalSafe(result.yearSource)})`);
  out.push("");
  out.push("Gebruikte gegevens:");
  out.push(factLine("Kindercentra (LRK-registraties)", result.inputs.centres, 0));
  out.push(factLine("Fte pedagogisch medewerkers", result.inputs.fte, 4));
  out.push(factLine("Doelgroeppeuters (VE)", result.inputs.targetToddlers, 0));
  if (context.options) out.push(...optionLines(context.options));
  out.push("");
  out.push("Uren per onderdeel:");
  const rows: string[][] = [["Onderdeel", "Gepland", "Vereist", "Verschil"]];
  for (const { key, label } of PARTS) {
    const p = result.planned[key];
    const r = result.required[key];
    rows.push([label, hours(p), hours(r), signedHours(difference(p, r))]);
  }
  out.push(...table(rows));
  out.push("");
  out.push(...formationLines(result, context.hourlyRate));
  const realisation = realisationLines(result);
  if (realisation.length) out.push("", ...realisation);
  for (const severity of SEVERITIES) {
    const title = SEVERITY_TITLES[severity];
    const list = result.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push("");
    out.push(`${title} (${list.length}):`);
    for (const f of list) out.push(`  ${terminalSafe(where(f))}: ${terminalSafe(f.message)}`);
  }
  out.push("");
  out.push(verdictLine(result));
  return out.join("\n");
}
