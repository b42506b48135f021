/**
 * The formation of the coaches / pedagogisch beleidsmedewerkers in hours per year and in
 * fte, and its margin against the required total. Hours win: the formation hours actually
 * used (given, mapped, labelled or from the coaches' table) decide, and the fte shown is
 * always those hours ÷ (urenPerFteWeek × formatieWekenPerJaar) of the norm version, never a
 * workbook's own fte beside them. Only without hours does a stated fte give them
 * (fte × full-time week × formation weeks). A workbook fte that disagrees with its hours is
 * a warning at the fte cell. A negative formation is a finding at its cell, never a crash
 * or a margin.
 */
import * as calc from "../calc";
import { IkkError } from "../errors";
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import type { Facts } from "./facts";
import type { Findings } from "./findings";
import { safely } from "./required";
import { RULES } from "./rules/ids";
import type { CheckResult, Fact, FactSource } from "./types";

export type Formation = CheckResult["formation"];

function nonNegativeHours(n: number, what: string): number {
  if (n < 0) throw new IkkError("NEGATIEF", `${what} kan niet negatief zijn (kreeg ${formatDutch(n)}).`);
  return n;
}

/** Hours per fte of a formation under this norm version (36 × 52 = 1 872 since 2019). */
export function formationHoursPerFte(norm: NormVersion): number {
  return calc.formationHours(1, undefined, undefined, norm);
}

/**
 * A workbook's formation fte beside its formation hours: the same formation, so they must
 * agree up to the rounding of the fte as written (1,33 fte stands for 2 496 h). Otherwise a
 * warning at the fte cell: the hours are used and the fte is computed from them.
 */
function checkFteAgainstHours(hours: Fact, fte: Fact, norm: NormVersion, findings: Findings): void {
  if (fte.source.kind !== "cell" || fte.value < 0 || hours.value < 0) return;
  const perFte = formationHoursPerFte(norm);
  const fromHours = cleanFloat(hours.value / perFte);
  const decimals = (String(fte.value).split(".")[1] ?? "").length;
  if (Math.abs(fromHours - fte.value) <= 0.5 * Math.pow(10, -decimals) + 1e-9) return;
  findings.add(
    RULES.FACT_CONFLICT,
    "warning",
    fte.source.sheet,
    fte.source.cell,
    `Hier staat een formatie van ${formatDutch(fte.value, 4)} fte, maar de formatie in uren is ${formatDutch(hours.value)} uur ` +
      `(${hours.source.description}), en dat is ${formatDutch(fromHours, 2)} fte (${formatDutch(hours.value)} ÷ ${formatDutch(perFte)}). ` +
      `Gebruikt zijn de uren; de fte is daaruit berekend. Maak de fte en de uren gelijk.`,
  );
}

export function formationOf(facts: Facts, norm: NormVersion, requiredTotal: number | null, findings: Findings): Formation {
  const fteHours = formationHoursPerFte(norm);
  const hoursFact = facts.formationHours;
  let hours: number | null = hoursFact ? safely(() => nonNegativeHours(hoursFact.value, "De formatie in uren"), hoursFact, findings) : null;
  let source: FactSource | null = hours !== null ? hoursFact!.source : null;
  const fteFact = facts.formationFte;
  if (fteFact && hoursFact && hours !== null && hoursFact.source.kind !== "override") checkFteAgainstHours(hoursFact, fteFact, norm, findings);
  if (hours === null && !hoursFact && fteFact) {
    const hoursFromFte = safely(() => calc.formationHours(fteFact.value, undefined, undefined, norm), fteFact, findings);
    if (hoursFromFte !== null) {
      hours = hoursFromFte;
      source = { ...fteFact.source, description: `${fteFact.source.description} × ${formatDutch(norm.urenPerFteWeek)} × ${formatDutch(norm.formatieWekenPerJaar)}` };
    }
  }
  // The fte is always that of the hours used: one formation, one figure, in the text and the margin alike.
  const fte = hours !== null ? cleanFloat(hours / fteHours) : null;
  const marginHours = hours !== null && requiredTotal !== null ? cleanFloat(hours - requiredTotal) : null;
  // Leave and absence: the hours actually available are the formation × (1 − pct/100); no rounding.
  const leave = facts.leavePercent ?? null;
  const netHours = hours !== null && leave ? cleanFloat(hours * (1 - leave.value / 100)) : null;
  const netMarginHours = netHours !== null && requiredTotal !== null ? cleanFloat(netHours - requiredTotal) : null;
  return {
    hours,
    fte,
    marginHours,
    marginFte: marginHours !== null ? cleanFloat(marginHours / fteHours) : null,
    source,
    vacancyHours: facts.formationList ? facts.formationList.vacancyHours : null,
    leavePercent: leave,
    netHours,
    netMarginHours,
    netMarginFte: netMarginHours !== null ? cleanFloat(netMarginHours / fteHours) : null,
    hourlyRate: facts.hourlyRate ?? null,
  };
}
