/**
 * The legal minimum of a check, per part and in total, from the facts and the norm version
 * (shared/calc): policy per kindercentrum, coaching per fte, VE per doelgroeppeuter summed
 * over the VE locations. An input calc rejects (16,5 kindercentra) is a finding at its
 * cell and leaves that part unknown.
 */
import * as calc from "../calc";
import { isIkkError } from "../errors";
import type { NormVersion } from "../norms";
import { cleanFloat } from "../numbers";
import { rangeAddress } from "./a1";
import type { Facts } from "./facts";
import type { Findings } from "./findings";
import { RULES } from "./rules/ids";
import type { Fact, PartHours } from "./types";

/** Runs a calc function; an IkkError (e.g. 16,5 kindercentra) becomes a finding at the fact's cell. */
export function safely(fn: () => number, fact: Fact, findings: Findings): number | null {
  try {
    return fn();
  } catch (e) {
    if (!isIkkError(e)) throw e;
    findings.add(RULES.FACT_INVALID, "error", fact.source.sheet, fact.source.cell, `${e.message} (${fact.source.description})`);
    return null;
  }
}

/** VE: the norm per location, summed; null when a location's count is unusable or incomplete. */
function requiredVe(facts: Facts, norm: NormVersion, toddlersOverridden: boolean, findings: Findings): number | null {
  if (norm.veUrenPerDoelgroeppeuter === null) return null;
  if (facts.toddlerLocations && !toddlersOverridden) {
    let s = 0;
    let ok = true;
    for (const l of facts.toddlerLocations) {
      const fact: Fact = { value: l.toddlers, source: { kind: "table", sheet: l.sheet, cell: rangeAddress(l.row, l.col, l.row, l.col), description: `VE-locatie '${l.name}'` } };
      const v = safely(() => calc.veHours(l.toddlers, norm), fact, findings);
      if (v === null) ok = false;
      else s += v;
    }
    return ok && !facts.toddlerLocationsIncomplete ? cleanFloat(s) : null;
  }
  if (facts.toddlers) return safely(() => calc.veHours(facts.toddlers!.value, norm), facts.toddlers, findings);
  return null;
}

export function requiredHours(facts: Facts, norm: NormVersion, toddlersOverridden: boolean, veApplies: boolean, findings: Findings): PartHours {
  const policy = facts.centres ? safely(() => calc.policyHours(facts.centres!.value, norm), facts.centres, findings) : null;
  const coaching = facts.fte ? safely(() => calc.coachingHours(facts.fte!.value, norm), facts.fte, findings) : null;
  const ve = requiredVe(facts, norm, toddlersOverridden, findings);
  // A total of parts is never a partial sum: null when a part the law requires is unknown.
  const total = policy !== null && coaching !== null && (ve !== null || !veApplies) ? cleanFloat(policy + coaching + (ve ?? 0)) : null;
  return { policy, coaching, ve, total };
}
