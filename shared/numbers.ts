/**
 * Dutch number parsing and formatting. Spreadsheets hold numbers as text ("42,37",
 * "2.496 uur", "1.433,7", "€ 1.000"); this module turns them into numbers, or null when
 * the text is not a number. Nothing here rounds.
 */

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

/** Format a number the Dutch way: decimal comma, dot for thousands, at most `maxDecimals`. */
export function formatDutch(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
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
