/**
 * The formation of the coaches / pedagogisch beleidsmedewerkers in hours per year and in
 * fte, and its margin against the required total. Hours as stated win; without them the
 * fte × full-time week × formation weeks of the norm version. A negative formation is a
 * finding at its cell, never a crash or a margin.
 */
import * as calc from "../calc";
import { IkkError } from "../errors";
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import type { Facts } from "./facts";
import type { Findings } from "./findings";
import { safely } from "./required";
import type { CheckResult, FactSource } from "./types";

export type Formation = CheckResult["formation"];

function nonNegativeHours(n: number, what: string): number {
  if (n < 0) throw new IkkError("NEGATIEF", `${what} kan niet negatief zijn (kreeg ${formatDutch(n)}).`);
  return n;
}

export function formationOf(facts: Facts, norm: NormVersion, requiredTotal: number | null, findings: Findings): Formation {
  const fteHours = norm.urenPerFteWeek * norm.formatieWekenPerJaar;
  const hoursFact = facts.formationHours;
  let hours: number | null = hoursFact ? safely(() => nonNegativeHours(hoursFact.value, "De formatie in uren"), hoursFact, findings) : null;
  let source: FactSource | null = hours !== null ? hoursFact!.source : null;
  const fteFact = facts.formationFte;
  const hoursFromFte = fteFact ? safely(() => calc.formationHours(fteFact.value, undefined, undefined, norm), fteFact, findings) : null;
  if (hours === null && !hoursFact && hoursFromFte !== null) {
    hours = hoursFromFte;
    source = { ...fteFact!.source, description: `${fteFact!.source.description} × ${formatDutch(norm.urenPerFteWeek)} × ${formatDutch(norm.formatieWekenPerJaar)}` };
  }
  const fte = fteFact && hoursFromFte !== null ? fteFact.value : hours !== null ? cleanFloat(hours / fteHours) : null;
  const marginHours = hours !== null && requiredTotal !== null ? cleanFloat(hours - requiredTotal) : null;
  return {
    hours,
    fte,
    marginHours,
    marginFte: marginHours !== null ? cleanFloat(marginHours / fteHours) : null,
    source,
  };
}
