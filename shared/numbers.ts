/**
 * Dutch number parsing and formatting. Spreadsheets hold numbers as text ("42,37",
 * "2.496 uur", "1.433,7", "€ 1.000"); this module turns them into numbers, or null when
 * the text is not a number. Nothing here rounds.
 */
import { IkkError } from "./errors";

/** Unit words at the end of a number text; applied to trimmed text only, so no trailing \s* is needed. */
const UNIT_WORDS = /(uren|uur|u|h|fte|per\s+jaar|p\/j|pj|peuters?|doelgroeppeuters?|kinderen)\.?$/i;

/**
 * The longest text parseDutchNumber reads as a number (characters). The longest real
 * number text ("€ 1.234.567,89 uur per jaar") is far shorter; a longer text is not a number,
 * and the parser's work stays bounded on any cell.
 */
export const MAX_NUMBER_TEXT = 100;

const THOUSANDS_DOT_INT = /^\d{1,3}(\.\d{3})*$/;
const THOUSANDS_COMMA_INT = /^\d{1,3}(,\d{3})*$/;

/**
 * Parse a Dutch (or plain) number written as text. Returns null if the text is not a
 * number. Rules:
 * - both "." and "," present: the last one is the decimal separator ("1.433,7", "1,433.7");
 * - only ",": a single comma is the decimal comma ("42,37"); several are thousands ("1,000,000");
 * - only ".": groups of exactly three digits after every dot are thousands ("2.496",
 *   "1.000.000"); otherwise the dot is a decimal point ("42.37", "0.5");
 * - a currency sign (€), unit words (uur, uren, u, h, fte, peuters, kinderen), spaces and a
 *   trailing ",-" are ignored;
 * - "-" and the Unicode minus make it negative.
 */
export function parseDutchNumber(input: string): number | null {
  if (input.length > MAX_NUMBER_TEXT) return null;
  if (/^\d{1,15}$/.test(input)) return Number(input); // fast path: plain digits
  let s = input.replace(/[\u00a0\u202f\u2009]/g, " ").trim();
  if (s === "") return null;
  // Units after the figure, up to two ("1.144 uur per jaar", "36 uur"); "per week" is not stripped: it changes the meaning.
  s = s.replace(/€|eur\b/gi, "").trim().replace(UNIT_WORDS, "").trim().replace(UNIT_WORDS, "").replace(/,-$/, "").trim();
  s = s.replace(/\u2212/g, "-");
  let sign = 1;
  if (s.startsWith("-")) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trim();
  }
  s = s.replace(/ /g, "");
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? "." : ",";
    const thou = dec === "." ? "," : ".";
    const [intPart, frac, ...rest] = s.split(dec);
    if (rest.length > 0 || frac.includes(thou)) return null;
    if (!(thou === "." ? THOUSANDS_DOT_INT : THOUSANDS_COMMA_INT).test(intPart)) return null;
    normal = intPart.split(thou).join("") + "." + frac;
  } else if (lastComma >= 0) {
    const parts = s.split(",");
    if (parts.length === 2) normal = parts[0] + "." + parts[1];
    else if (/^[1-9]\d{0,2}(,\d{3})+$/.test(s)) normal = parts.join("");
    else return null;
  } else if (lastDot >= 0) {
    if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) normal = s.split(".").join("");
    else if (s.split(".").length === 2) normal = s;
    else return null;
  } else {
    normal = s;
  }
  if (normal.startsWith(".")) normal = "0" + normal;
  if (normal.endsWith(".")) normal = normal.slice(0, -1);
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? sign * n : null;
}

/**
 * Removes binary floating-point noise (42.37 * 10 = 423.70000000000005) without rounding
 * any real digit: 15 significant digits is the precision of a spreadsheet number.
 */
export function cleanFloat(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(15));
}

/** Format a number the Dutch way: decimal comma, dot for thousands, at most `maxDecimals`. Never "Infinity" or "NaN". */
export function formatDutch(n: number, maxDecimals = 2): string {
  if (Number.isNaN(n)) return "geen getal";
  if (!Number.isFinite(n)) return n > 0 ? "oneindig groot getal" : "oneindig klein getal";
  if (Math.abs(n) >= 1e21) {
    // Beyond what toFixed writes out: "1 × 10^308".
    const [mantissa, exp] = n.toExponential(2).split("e");
    return `${formatDutch(Number(mantissa), 2)} × 10^${Number(exp)}`;
  }
  const neg = n < 0;
  const factor = Math.pow(10, maxDecimals);
  const r = Math.round(Math.abs(n) * factor) / factor;
  let [int, frac = ""] = r.toFixed(maxDecimals).split(".");
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--; // trailing zeros (a loop: /0+$/ rescans runs of zeros)
  frac = frac.slice(0, end);
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg && r !== 0 ? "-" : "") + int + (frac ? "," + frac : "");
}

/** Format hours for messages: "1.433,7 uur". */
export function formatUren(n: number): string {
  return `${formatDutch(n, 2)} uur`;
}

/* ---------- sane upper bounds ---------- */

/**
 * The kinds of quantity the norm reads, each with one upper bound. A value above its bound
 * is a typing or unit error (a cell with 1e308, an LRK number in a count, hours per year
 * typed as minutes), never a plan: the check refuses it with a Dutch message instead of
 * computing with it, so no result ever shows a number like "Infinity uur".
 */
export type Quantity = "centres" | "fte" | "toddlers" | "staff" | "hours" | "weekHours" | "weeks" | "year";

/**
 * The bounds, far above any one houder and far below where arithmetic loses meaning:
 * - centres 10 000: the whole Landelijk Register Kinderopvang holds some tens of thousands
 *   of kindercentra (KDV, BSO, PSZ) of thousands of houders; the largest houders have about
 *   a thousand registrations;
 * - fte 100 000 pedagogisch medewerkers: about the whole Dutch childcare sector;
 * - toddlers 1 000 000 doelgroeppeuters: more than all toddlers with a VE indication in the country;
 * - staff 1 000 000 persons: more people than the sector employs (part-timers included);
 * - hours 100 000 000 per year: more than the highest required total the bounds above allow
 *   (10 000 × 50 + 100 000 × 10 + 1 000 000 × 10 = 11 500 000 h) and than a formation of
 *   the full 100 000 fte (× 1 872 h = 187 200 000 h would exceed it: such a formation is
 *   refused too, rightly);
 * - weekHours 168 (hours in a week) for "uren per fte", weeks 53 (weeks in a year), year 9999.
 */
export const LIMITS: Readonly<Record<Quantity, number>> = Object.freeze({
  centres: 10_000,
  fte: 100_000,
  toddlers: 1_000_000,
  staff: 1_000_000,
  hours: 100_000_000,
  weekHours: 168,
  weeks: 53,
  year: 9999,
});

/** Counts: whole numbers only. */
const WHOLE: ReadonlySet<Quantity> = new Set<Quantity>(["centres", "toddlers", "staff", "year"]);

/** Dutch names of the quantities, for messages. */
export const QUANTITY_DUTCH: Readonly<Record<Quantity, string>> = Object.freeze({
  centres: "het aantal kindercentra",
  fte: "het aantal fte",
  toddlers: "het aantal doelgroeppeuters",
  staff: "het aantal medewerkers",
  hours: "het aantal uren",
  weekHours: "het aantal uren per week",
  weeks: "het aantal weken",
  year: "het jaar",
});

/**
 * Dutch message when `n` is no sane value of `quantity` (not finite, above its bound, or not
 * whole for a count), else null. `what` names the value in the message ("--fte", "de cel
 * Uren!B3"); negative values are left to the caller (each has its own message for them).
 */
export function quantityProblem(n: number, quantity: Quantity, what: string): string | null {
  const name = what || QUANTITY_DUTCH[quantity];
  const limit = limitProblem(n, quantity, what);
  if (limit) return limit;
  if (WHOLE.has(quantity) && !Number.isInteger(n)) {
    return `${capitalFirst(name)} moet een heel getal zijn (kreeg ${formatDutch(n, 6)}).`;
  }
  return null;
}

/** Dutch message when `n` is not finite or above the bound of `quantity`, else null (whole or not). */
export function limitProblem(n: number, quantity: Quantity, what: string): string | null {
  const name = what || QUANTITY_DUTCH[quantity];
  if (!Number.isFinite(n)) return `${capitalFirst(name)} is geen bruikbaar getal (${formatDutch(n)}).`;
  if (Math.abs(n) > LIMITS[quantity]) {
    return `${capitalFirst(name)} is ${formatDutch(n)}; dat is meer dan ${formatDutch(LIMITS[quantity])}, de bovengrens voor ${QUANTITY_DUTCH[quantity]}. Controleer het getal (een tikfout, een LRK-nummer of een verkeerde eenheid?).`;
  }
  return null;
}

function capitalFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A number typed as a command-line option (or any other free input without a cell's number
 * format), read with the same Dutch parser as cells but refusing the forms that read two
 * ways, and bounded like every other value of its quantity:
 * - one "." or "," followed by exactly three digits ("42.370", "2,496"): thousands (42 370)
 *   or decimals (42,37)? Both readings are named and the user writes it unambiguously;
 * - one "." followed by four or more digits ("2.4960"): no Dutch thousands group and no usual
 *   decimal either; refused, with both readings;
 * - otherwise as parseDutchNumber ("42,37", "1.433,7", "1.000.000", "42.5", "36 uur").
 * `ambiguous: "dutch"` reads the three-digit forms the Dutch way ("2.496" = 2 496, "2,496" =
 * 2,496) instead of refusing them, for an option whose documentation promises that reading;
 * "2.4960" is refused either way.
 * Throws an IkkError with a Dutch message naming `flag`; returns the number.
 */
export function parseOptionNumber(raw: string, flag: string, quantity: Quantity, ambiguous: "refuse" | "dutch" = "refuse"): number {
  const text = raw.trim();
  const shown = text.length > 40 ? text.slice(0, 39) + "…" : text;
  const bare = text.replace(/[\s\u00a0\u202f]/g, "");
  const one = /^(\d{1,3})([.,])(\d{3,})$/.exec(bare);
  const dutchReading = ambiguous === "dutch" && one !== null && one[3].length === 3;
  if (one && !dutchReading && (one[3].length === 3 || one[2] === ".")) {
    const [, int, sep, frac] = one;
    const asThousands = formatDutch(Number(int + frac), 0).replace(/\./g, "");
    const asDecimal = formatDutch(Number(`${int}.${frac}`), 10);
    const meaning = sep === "." ? "de punt als scheiding van duizendtallen" : "de komma als scheiding van duizendtallen (Engelse schrijfwijze)";
    const decimalMeaning = sep === "." ? "de punt als decimaalteken (Engelse schrijfwijze)" : "de komma als decimaalteken";
    throw new IkkError(
      "ONGELDIGE_INVOER",
      frac.length === 3
        ? `De waarde van ${flag} ("${shown}") is dubbelzinnig: ${asThousands} (met ${meaning}) of ${asDecimal} (met ${decimalMeaning}). Schrijf ${asThousands} of ${asDecimal}.`
        : `De waarde van ${flag} ("${shown}") is onduidelijk: een punt staat in het Nederlands tussen groepen van drie cijfers, maar hier volgen er ${frac.length}. Bedoeld is ${asDecimal} of ${asThousands}? Schrijf ${asDecimal} (met een decimale komma) of ${asThousands}.`,
    );
  }
  const n = parseDutchNumber(text);
  if (n === null) throw new IkkError("ONGELDIGE_INVOER", `De waarde van ${flag} moet een getal zijn, maar is "${shown}".`);
  if (n < 0) throw new IkkError("NEGATIEF", `De waarde van ${flag} kan niet negatief zijn (kreeg ${shown}).`);
  const problem = quantityProblem(n, quantity, `de waarde van ${flag}`);
  if (problem) throw new IkkError(WHOLE.has(quantity) && Number.isFinite(n) && n <= LIMITS[quantity] ? "GEEN_GEHEEL_GETAL" : "ONGELDIGE_INVOER", problem);
  return n;
}
