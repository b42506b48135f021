/**
 * Information beyond the law: coaching per staff member against research figures, and
 * older "previous year average" wording for flexible staff.
 */
import type { NormVersion } from "../../norms";
import { formatDutch } from "../../numbers";
import type { Findings } from "../findings";
import type { PlannedPart } from "../planned";
import type { SheetIndex } from "../sheet-index";
import { RULES } from "./ids";

/** Research (EVENING, Sardes 2024): about 1 hour of contact every two weeks ≈ 26 h per staff member per year. */
export const RESEARCH_HOURS_PER_STAFF = 26;

export function coachingIntensity(plannedCoaching: PlannedPart | null, staffCount: number | null, findings: Findings): void {
  if (!plannedCoaching || plannedCoaching.value === null || !staffCount) return;
  const avg = plannedCoaching.value / staffCount;
  findings.add(
    RULES.COACHING_INTENSITY,
    "info",
    plannedCoaching.sheet,
    plannedCoaching.cell,
    `Gemiddeld ${formatDutch(avg, 1)} uur coaching per medewerker per jaar (${formatDutch(plannedCoaching.value)} uur voor ${formatDutch(staffCount, 0)} medewerkers). ` +
      `Onderzoek (EVENING, Sardes 2024) wijst op ongeveer ${RESEARCH_HOURS_PER_STAFF} uur contacttijd per medewerker per jaar (1 uur per twee weken); dit is informatie, geen wettelijke eis.`,
  );
}

/** "N weken (M maanden)": the flex averaging period; the months only when the weeks make whole quarters. */
function flexPeriod(weeks: number): string {
  return weeks % 13 === 0 ? `${formatDutch(weeks)} weken (${formatDutch((weeks / 13) * 3)} maanden)` : `${formatDutch(weeks)} weken`;
}

const PREVIOUS_YEAR = /(gemiddeld|gemiddelde).{0,60}(voorgaande|vorige?) jaar|(voorgaande|vorige?) jaar.{0,60}gemiddel/;

export function flexWording(sheets: SheetIndex[], norm: NormVersion, findings: Findings): void {
  for (const ix of sheets) {
    for (let r = 0; r < ix.rowCount; r++) {
      for (const c of ix.filled[r]) {
        const t = ix.text(r, c);
        if (t === null || t.length < 12 || !/jaar/i.test(t)) continue;
        if (!PREVIOUS_YEAR.test(ix.norm(r, c)!)) continue;
        findings.at(
          RULES.FLEX_PREVIOUS_YEAR,
          "info",
          ix.name,
          r,
          c,
          `Hier staat dat flexibele uren op het gemiddelde van het voorgaande jaar zijn gebaseerd. De huidige uitleg is het gemiddelde over de ${flexPeriod(norm.flexWeken)} voor 1 januari.`,
        );
      }
    }
  }
}
