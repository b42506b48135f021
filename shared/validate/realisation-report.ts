/**
 * The realisation (issue 12) in the reports: the --json keys `realised` and `realisation`,
 * and the Dutch rows of the report sheet and the text report ("Realisatie per 01-10-2026
 * (75 % van het jaar)": per part realised, expected by the plan, year-end at this pace).
 */
import { formatDutch } from "../numbers";
import type { CheckResult, PartHours, RealisationLocation } from "./types";

export interface RealisationJson {
  asOf: string | null;
  fraction: number | null;
  expected: PartHours;
  projected: PartHours;
  locations: RealisationLocation[];
  notCoached: { sheet: string; cell: string; name?: string }[];
}

/** `realised` of --json: the same shape as `planned`, null when the workbook has no realisation. */
export function realisedJson(r: CheckResult): PartHours | null {
  const x = r.realisation;
  return x ? { policy: x.realised.policy, coaching: x.realised.coaching, ve: x.realised.ve, total: x.realised.total } : null;
}

/** `realisation` of --json, null when the workbook has no realisation. */
export function realisationJson(r: CheckResult): RealisationJson | null {
  const x = r.realisation;
  if (!x) return null;
  return { asOf: x.asOf, fraction: x.fraction, expected: { ...x.expected }, projected: { ...x.projected }, locations: x.locations.map((l) => ({ ...l })), notCoached: x.notCoached.map((n) => ({ ...n })) };
}

/** "2026-10-01" as "01-10-2026". */
export function dutchIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}

/** The heading: "Realisatie per 01-10-2026 (75 % van het jaar)", or without a date "Realisatie (geen peildatum)". */
export function realisationHeading(r: CheckResult): string | null {
  const x = r.realisation;
  if (!x) return null;
  if (x.asOf === null || x.fraction === null) return "Realisatie (geen peildatum: niet vergeleken met de planning)";
  return `Realisatie per ${dutchIsoDate(x.asOf)} (${formatDutch(x.fraction * 100, 2)} % van het jaar)`;
}

const PART_NAME = { policy: "beleid", coaching: "coaching", ve: "VE" } as const;

/** The total row's label: "Totaal", or with parts lacking realised hours the parts it covers ("Totaal (coaching)"). */
export function realisationTotalLabel(r: CheckResult): string {
  const without = r.realisation?.partsWithoutRealised ?? [];
  const counted = (["policy", "coaching", "ve"] as const).filter((p) => !without.includes(p)).map((p) => PART_NAME[p]);
  return without.length > 0 && counted.length > 0 ? `Totaal (${counted.join(" + ")})` : "Totaal";
}

/** "beleid, VE (niet in het totaal)": the parts without realised hours yet, null when every part has some. */
export function partsWithoutRealisedText(r: CheckResult): string | null {
  const without = r.realisation?.partsWithoutRealised ?? [];
  return without.length ? `${without.map((p) => PART_NAME[p]).join(", ")} (niet in het totaal)` : null;
}

const num = (n: number | null) => (n === null ? "onbekend" : formatDutch(n));

/**
 * The realisation as rows of text, for the report sheet and the text report: the heading,
 * a header row and one row per part (and the total), then the staff not yet coached.
 * Empty when the workbook has no realisation.
 */
export function realisationRows(r: CheckResult): string[][] {
  const x = r.realisation;
  const heading = realisationHeading(r);
  if (!x || heading === null) return [];
  const compared = x.fraction !== null;
  const rows: string[][] = [[heading], compared ? ["Onderdeel", "Gerealiseerd (uren)", "Verwacht volgens plan (uren)", "Op dit tempo eind van het jaar (uren)"] : ["Onderdeel", "Gerealiseerd (uren)"]];
  const parts: [string, keyof PartHours][] = [
    ["Beleid", "policy"],
    ["Coaching", "coaching"],
    ["VE", "ve"],
    ["Totaal", "total"],
  ];
  for (const [label, key] of parts) {
    if (x.realised[key] === null && !(key !== "total" && x.complete === false)) continue;
    const shown = key === "total" ? realisationTotalLabel(r) : label;
    rows.push(compared ? [shown, num(x.realised[key]), num(x.expected[key]), num(x.projected[key])] : [shown, num(x.realised[key])]);
  }
  const without = partsWithoutRealisedText(r);
  if (without !== null) rows.push(["Nog geen bestede uren", without]);
  if (x.complete === false) rows.push(["Onvolledig", "niet alle bestede uren zijn te lezen; zie de bevindingen"]);
  if (x.notCoached.length) rows.push(["Nog niet gecoacht (medewerkers)", formatDutch(x.notCoached.length, 0)]);
  return rows;
}
