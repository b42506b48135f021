/**
 * A formation written as text beside its label: "2 coaches à 28 uur per week", "3 x 24 u/w",
 * "1 pbm'er van 32 uur", "2.496 uur per jaar". Gives the hours and whether they are per week
 * (the caller multiplies by the weeks of the norm); null when the text says something else.
 * Every pattern is anchored and linear (no nested or adjacent unbounded quantifiers).
 */
import { parseDutchNumber } from "../numbers";

export interface FormationText {
  /** Hours as written: per week when perWeek, else per year. */
  hours: number;
  perWeek: boolean;
  /** Dutch: how the figure was read ("2 × 28 uur per week"). */
  reading: string;
}

const PER_WEEK = /per week|p\/ ?w\b|\/ ?w(ee)?k\b|\bpw\b|weekuren/;
/** "2 coaches à 28 uur", "3 x 24 u", "2 pbm'ers van 32 uur": a count, then hours each. */
const COUNT_TIMES = /^(\d{1,3})\s?(?:[a-z']{1,20}\s)?(?:à|a|x|×|\*|van|of)\s?(\d{1,3}(?:[.,]\d{1,2})?)\s?(?:uur|uren|u|h|hours)\b/;
/** "28 uur per week", "2.496 uur per jaar", "1872": one figure with a unit. */
const ONE_FIGURE = /^(\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?|\d{1,6}(?:[.,]\d{1,2})?)\s?(?:uur|uren|u|h|hours)?\b/;

export function parseFormationText(text: string): FormationText | null {
  if (text.length > 120) return null;
  const t = text.toLowerCase().replace(/\s+/g, " ").trim();
  const perWeek = PER_WEEK.test(t);
  const times = COUNT_TIMES.exec(t);
  if (times) {
    const count = Number(times[1]);
    const each = parseDutchNumber(times[2]);
    if (each === null) return null;
    const hours = count * each;
    return { hours, perWeek, reading: `${count} × ${times[2]} uur${perWeek ? " per week" : ""}` };
  }
  const one = ONE_FIGURE.exec(t);
  if (!one) return null;
  const hours = parseDutchNumber(one[1]);
  if (hours === null) return null;
  return { hours, perWeek, reading: `${one[1]} uur${perWeek ? " per week" : ""}` };
}
