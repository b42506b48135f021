/**
 * The norm arithmetic on plain numbers. No rounding: the law has none. cleanFloat only
 * removes binary noise (42,37 × 10 gives 423,7, not 423,70000000000005).
 */
import { IkkError } from "./errors";
import { cleanFloat, formatDutch, limitProblem, type Quantity } from "./numbers";
import { resolveNorm, veUrenPerPeuter, type NormRef } from "./norms";

/** Not negative and within the sane bound of its quantity (numbers.ts LIMITS); Dutch errors. */
function nonNegative(n: number, what: string, quantity: Quantity): number {
  if (n < 0) throw new IkkError("NEGATIEF", `${what} kan niet negatief zijn (kreeg ${formatDutch(n, 6)}).`);
  const problem = limitProblem(n, quantity, what);
  if (problem) throw new IkkError("ONGELDIGE_INVOER", problem);
  return n;
}

/** A count: not negative, whole, within its bound. */
function wholeCount(n: number, what: string, quantity: Quantity): number {
  nonNegative(n, what, quantity);
  if (!Number.isInteger(n)) throw new IkkError("GEEN_GEHEEL_GETAL", `${what} moet een heel getal zijn (kreeg ${formatDutch(n, 6)}).`);
  return n;
}

/** A result in hours within the bound for hours (a bounded input can still give too many, e.g. a huge formation). */
function hoursResult(n: number, what: string): number {
  const problem = limitProblem(n, "hours", what);
  if (problem) throw new IkkError("ONGELDIGE_INVOER", problem);
  return n;
}

/** 50 h × kindercentra (LRK registrations). */
export function policyHours(centres: number, norm?: NormRef): number {
  wholeCount(centres, "Het aantal kindercentra", "centres");
  return cleanFloat(centres * resolveNorm(norm).beleidsurenPerKindercentrum);
}

/** 10 h × fte of pedagogical staff, over all kindercentra of the houder. */
export function coachingHours(fte: number, norm?: NormRef): number {
  nonNegative(fte, "Het aantal fte", "fte");
  return cleanFloat(fte * resolveNorm(norm).coachurenPerFte);
}

/** 10 h × doelgroeppeuters of one VE location; a year before 2022 is an error. */
export function veHours(toddlers: number, norm?: NormRef): number {
  wholeCount(toddlers, "Het aantal doelgroeppeuters", "toddlers");
  return cleanFloat(toddlers * veUrenPerPeuter(norm));
}

/** fte from weekly hours: hours ÷ full-time week (36 by default). */
export function fteFromWeeklyHours(hoursPerWeek: number, hoursPerFte?: number, norm?: NormRef): number {
  nonNegative(hoursPerWeek, "Het aantal uren per week", "hours");
  const full = hoursPerFte ?? resolveNorm(norm).urenPerFteWeek;
  nonNegative(full, "Het aantal uren per fte", "weekHours");
  if (!(full > 0)) throw new IkkError("DELEN_DOOR_NUL", "Het aantal uren per fte moet groter dan 0 zijn.");
  return cleanFloat(hoursPerWeek / full);
}

/** Flexible staff: hours worked in the weeks before 1 January ÷ weeks ÷ full-time week. */
export function flexFte(workedHours: number, weeks?: number, hoursPerFte?: number, norm?: NormRef): number {
  nonNegative(workedHours, "Het aantal gewerkte uren", "hours");
  const n = resolveNorm(norm);
  const w = weeks ?? n.flexWeken;
  const full = hoursPerFte ?? n.urenPerFteWeek;
  nonNegative(w, "Het aantal weken", "weeks");
  nonNegative(full, "Het aantal uren per fte", "weekHours");
  if (!(w > 0)) throw new IkkError("DELEN_DOOR_NUL", "Het aantal weken moet groter dan 0 zijn.");
  if (!(full > 0)) throw new IkkError("DELEN_DOOR_NUL", "Het aantal uren per fte moet groter dan 0 zijn.");
  return cleanFloat(workedHours / w / full);
}

/** Yearly hours of a formation: fte × 36 × 52 by default (1 fte = 1 872 h). */
export function formationHours(fte: number, hoursPerFte?: number, weeks?: number, norm?: NormRef): number {
  nonNegative(fte, "Het aantal fte", "fte");
  const n = resolveNorm(norm);
  const full = hoursPerFte ?? n.urenPerFteWeek;
  const w = weeks ?? n.formatieWekenPerJaar;
  nonNegative(full, "Het aantal uren per fte", "weekHours");
  nonNegative(w, "Het aantal weken", "weeks");
  return hoursResult(cleanFloat(fte * full * w), "De formatie in uren");
}

export interface RequiredHours {
  policy: number;
  coaching: number;
  /** null when the year has no VE norm (before 2022). */
  ve: number | null;
  total: number;
}

/** The total minimum: policy + coaching + VE (VE per location, summed). */
export function requiredHours(centres: number, fte: number, toddlersPerLocation: number[], norm?: NormRef): RequiredHours {
  const policy = policyHours(centres, norm);
  const coaching = coachingHours(fte, norm);
  const anyToddlers = toddlersPerLocation.some((t) => t !== 0);
  let ve: number | null = null;
  if (resolveNorm(norm).veUrenPerDoelgroeppeuter !== null) {
    ve = cleanFloat(toddlersPerLocation.reduce((s, t) => s + veHours(t, norm), 0));
  } else if (anyToddlers) {
    veUrenPerPeuter(norm); // throws the Dutch "VE norm only from 2022" error
  }
  return { policy, coaching, ve, total: cleanFloat(policy + coaching + (ve ?? 0)) };
}
