/**
 * The norm rules: planned policy, coaching and VE hours against the legal minimum
 * (no rounding: 222 h against 223,89 h is short), VE per location (a surplus at one
 * location never covers a shortfall at another), and the formation against the total.
 */
import { veHours } from "../../calc";
import { formatDutch } from "../../numbers";
import { normForYear } from "../../norms";
import { cellAddress } from "../a1";
import type { Facts, ToddlerLocation } from "../facts";
import type { Findings } from "../findings";
import type { LocationHours, PlannedPart } from "../planned";
import type { PartHours } from "../types";
import { RULES } from "./ids";

const h = (n: number) => formatDutch(n, 2);

export function checkPolicyAndCoaching(
  required: PartHours,
  planned: { policy: PlannedPart | null; coaching: PlannedPart | null },
  facts: Facts,
  findings: Findings,
): void {
  if (required.policy !== null && planned.policy && planned.policy.value !== null && planned.policy.value < required.policy) {
    const p = planned.policy as PlannedPart & { value: number };
    findings.add(
      RULES.POLICY_SHORT,
      "error",
      p.sheet,
      p.cell,
      `Gepland ${h(p.value)} uur beleid, nodig is ${h(required.policy)} uur (50 uur × ${formatDutch(facts.centres!.value)} kindercentra); tekort ${h(required.policy - p.value)} uur.`,
    );
  }
  if (required.coaching !== null && planned.coaching && planned.coaching.value !== null && planned.coaching.value < required.coaching) {
    const p = planned.coaching as PlannedPart & { value: number };
    findings.add(
      RULES.COACHING_SHORT,
      "error",
      p.sheet,
      p.cell,
      `Gepland ${h(p.value)} uur coaching, nodig is ${h(required.coaching)} uur (10 uur × ${formatDutch(facts.fte!.value, 4)} fte); tekort ${h(required.coaching - p.value)} uur. De wet rondt niet af.`,
    );
  }
  const missing: [keyof PartHours, string][] = [
    ["policy", "beleid"],
    ["coaching", "coaching"],
  ];
  for (const [part, dutch] of missing) {
    if (required[part] !== null && !planned[part as "policy" | "coaching"]) {
      findings.add(RULES.TABLE_MISSING, "info", null, null, `Geen tabel met geplande uren ${dutch} gevonden; nodig is ${h(required[part]!)} uur. Geef de tabel op in de koppeling als die er wel is.`);
    }
  }
}

/** Finds the VE hours row for a toddler location: same normalised name, else one name inside the other. */
function matchLocation(loc: ToddlerLocation, hours: LocationHours[], byKey: Map<string, LocationHours[]>): LocationHours[] {
  const exact = byKey.get(loc.key);
  if (exact) return exact;
  const inside = hours.filter((x) => ` ${x.key} `.includes(` ${loc.key} `) || ` ${loc.key} `.includes(` ${x.key} `));
  return inside;
}

export function checkVe(
  year: number,
  facts: Facts,
  perLocation: LocationHours[],
  plannedVe: PlannedPart | null,
  requiredVe: number | null,
  findings: Findings,
): void {
  if (normForYear(year).veUrenPerDoelgroeppeuter === null) return;
  const locs = facts.toddlerLocations;
  if (locs && locs.length) {
    const byKey = new Map<string, LocationHours[]>();
    for (const x of perLocation) byKey.set(x.key, [...(byKey.get(x.key) ?? []), x]);
    const haveTable = perLocation.length > 0;
    for (const loc of locs) {
      if (!(loc.toddlers > 0) || !Number.isInteger(loc.toddlers)) continue;
      const need = veHours(loc.toddlers, year);
      let value: number | null = null;
      let sheet = loc.sheet;
      let cell = cellAddress(loc.row, loc.col);
      if (haveTable) {
        const rows = matchLocation(loc, perLocation, byKey);
        if (rows.length === 0) {
          findings.add(
            RULES.VE_SHORT,
            "error",
            loc.sheet,
            cell,
            `VE-locatie '${loc.name}' heeft ${formatDutch(loc.toddlers, 0)} doelgroeppeuters (nodig ${h(need)} uur), maar in de VE-urentabel staat geen rij voor deze locatie.`,
          );
          continue;
        }
        const unknown = rows.find((x) => x.unknownCol !== null);
        if (unknown) {
          findings.add(
            RULES.PLANNED_UNKNOWN,
            "warning",
            unknown.sheet,
            cellAddress(unknown.row, unknown.unknownCol!),
            `VE-locatie '${loc.name}': de geplande uren zijn onbekend, want deze cel heeft geen bekende waarde (formule zonder opgeslagen uitkomst of foutwaarde). Ze zijn niet als 0 geteld; de VE-norm voor deze locatie (${h(need)} uur) is niet gecontroleerd.`,
          );
          findings.gap(`de geplande VE-uren van locatie '${loc.name}' (onbekend, zie de waarschuwing bij ${unknown.sheet}!${cellAddress(unknown.row, unknown.unknownCol!)})`);
          continue;
        }
        value = rows.reduce((s, x) => s + (x.value ?? 0), 0);
        sheet = rows[0].sheet;
        cell = cellAddress(rows[0].row, rows[0].col);
      } else if (loc.hours) {
        value = loc.hours.value;
        cell = cellAddress(loc.hours.row, loc.hours.col);
      } else {
        findings.gap(
          `de geplande VE-uren van locatie '${loc.name}' (${formatDutch(loc.toddlers, 0)} doelgroeppeuters): geen VE-uren per locatie gevonden; geef een VE-urentabel per locatie op (koppeling of paneel: rol 'VE')`,
        );
        continue;
      }
      if (value < need) {
        findings.add(
          RULES.VE_SHORT,
          "error",
          sheet,
          cell,
          `VE-locatie '${loc.name}': gepland ${h(value)} uur, nodig ${h(need)} uur (10 uur × ${formatDutch(loc.toddlers, 0)} doelgroeppeuters); tekort ${h(need - value)} uur. Een overschot op een andere locatie telt hier niet mee.`,
        );
      }
    }
    if (!haveTable && !locs.some((l) => l.hours) && requiredVe !== null) {
      findings.add(RULES.TABLE_MISSING, "info", null, null, `Geen VE-urentabel gevonden; nodig is ${h(requiredVe)} uur VE, per locatie 10 uur per doelgroeppeuter.`);
    }
    return;
  }
  // Only a total number of toddlers: compare totals, and say per location is not checked.
  if (requiredVe !== null && requiredVe > 0) {
    if (plannedVe && plannedVe.value !== null && plannedVe.value < requiredVe) {
      findings.add(
        RULES.VE_SHORT,
        "error",
        plannedVe.sheet,
        plannedVe.cell,
        `Gepland ${h(plannedVe.value)} uur VE, nodig is ${h(requiredVe)} uur (10 uur × ${formatDutch(facts.toddlers!.value)} doelgroeppeuters); tekort ${h(requiredVe - plannedVe.value!)} uur.`,
      );
    } else if (!plannedVe) {
      findings.add(RULES.TABLE_MISSING, "info", null, null, `Geen VE-urentabel gevonden; nodig is ${h(requiredVe)} uur VE.`);
    }
    findings.add(
      RULES.TABLE_MISSING,
      "info",
      null,
      null,
      "Geen tabel met doelgroeppeuters per locatie gevonden: de VE-norm geldt per locatie en is nu alleen in totaal gecontroleerd.",
    );
  }
}

export interface FormationFigures {
  hours: number | null;
  fte: number | null;
  marginHours: number | null;
  marginFte: number | null;
}

export function checkFormation(
  formation: FormationFigures,
  cell: { sheet: string | null; cell: string | null },
  requiredTotal: number | null,
  plannedTotal: number | null,
  findings: Findings,
): void {
  if (formation.hours === null) return;
  if (requiredTotal !== null && formation.marginHours !== null) {
    if (formation.marginHours < 0) {
      findings.add(
        RULES.FORMATION_SHORT,
        "error",
        cell.sheet,
        cell.cell,
        `De formatie van ${h(formation.hours)} uur is kleiner dan de ${h(requiredTotal)} uur die nodig zijn; tekort ${h(-formation.marginHours)} uur (${formatDutch(-formation.marginFte!, 2)} fte).`,
      );
    } else {
      findings.add(
        RULES.FORMATION_MARGIN,
        "info",
        cell.sheet,
        cell.cell,
        `Formatie ${h(formation.hours)} uur tegen ${h(requiredTotal)} uur nodig: marge ${h(formation.marginHours)} uur (${formatDutch(formation.marginFte!, 2)} fte).`,
      );
    }
  }
  if (plannedTotal !== null && plannedTotal > formation.hours) {
    findings.add(
      RULES.FORMATION_OVERPLANNED,
      "warning",
      cell.sheet,
      cell.cell,
      `Er zijn ${h(plannedTotal)} uur ingepland, meer dan de formatie van ${h(formation.hours)} uur.`,
    );
  }
}
