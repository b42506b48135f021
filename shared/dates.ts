/**
 * Dates in workbook snapshots are ISO text, so every host gives the engine the same
 * value for the same cell (Apps Script cannot pass Date objects to the sidebar).
 */

/** A date as ISO text: "2024-01-01", or "2024-01-01T08:30:00" when it has a time of day. */
export function isoDateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** An Excel serial date (1900 system) as ISO text, the same conversion exceljs makes. */
export function serialDateText(serial: number): string {
  return isoDateText(new Date(Math.round((serial - 25569) * 24 * 3600 * 1000)));
}

/** The Dutch month names, January first (index = month − 1): for messages, dates and the template's month list. */
export const DUTCH_MONTHS: readonly string[] = Object.freeze(["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]);
