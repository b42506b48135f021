/**
 * Generators of hostile cell texts and small workbooks around them, for the fuzz tests.
 * Every generator takes a size n (lines or characters) and is deterministic. Excel holds at
 * most 32 767 characters in a cell; the sizes used stay within that.
 */
import { buildSheet } from "../../shared/validate";
import type { WorkbookSnapshot } from "../../shared/validate/types";

/** The most characters Excel keeps in one cell. */
export const EXCEL_CELL_CHARS = 32_767;

/** Hostile shapes of one cell text, by name; n is the number of lines or repeated units. */
export const HOSTILE_TEXTS: Record<string, (n: number) => string> = {
  /** The shape that made foldText cubic: a hyphen, then only line breaks. */
  hyphenBreaks: (n) => "a-" + "\n".repeat(n),
  /** Line breaks between hyphens and word characters: many join candidates. */
  hyphenBreakWords: (n) => "a-\n".repeat(n),
  /** Windows line ends with spaces around them. */
  crlfSpaces: (n) => "a- \r\n ".repeat(n) + "-",
  /** n lines of text: a 32 000-line cell. */
  lines: (n) => "regel\n".repeat(n),
  spaces: (n) => " ".repeat(n) + "x",
  dashes: (n) => "-".repeat(n) + "x",
  digits: (n) => "1".repeat(n),
  dottedOnes: (n) => "1.".repeat(n) + "1",
  digitsThenSpaces: (n) => "42" + " ".repeat(n) + "uur x",
  colons: (n) => "Doelgroeppeuters " + ": ".repeat(n) + "x",
  yearDashes: (n) => "2026 - ".repeat(n) + "x",
  lrkSpaces: (n) => "123456789" + " ".repeat(n) + "x",
};

/** A hostile text cut to what one Excel cell holds. */
export function hostile(shape: string, n: number): string {
  return HOSTILE_TEXTS[shape](n).slice(0, EXCEL_CELL_CHARS);
}

/**
 * A small, complete 2026 plan (2 kindercentra, 10 fte, 100 h policy and 100 h coaching
 * planned, no VE) with the text `t` placed where the engine reads text: as a title, a
 * label beside a figure, a table header, a location name, a peildatum value, an LRK cell
 * and on a second sheet.
 */
export function planWithText(t: string): WorkbookSnapshot {
  return {
    sheets: [
      buildSheet("Planning", [
        ["Coachplan 2026"],
        [t],
        ["Aantal kindercentra", 2],
        ["Fte pedagogisch medewerkers", "10"],
        ["Aantal doelgroeppeuters", 0],
        ["Opmerking", t],
        [],
        ["Locatie", "LRK-nummer", "Beleid", "Coaching", t],
        ["Dommelen", "123456782", 50, 50, t],
        [t, t, null, null, null],
        ["Budel", "234567891", 50, 50, null],
        ["Totaal", null, 100, 100, null],
      ]),
      buildSheet("Notities", [[t], ["Peildatum", t], [t, t]]),
    ],
  };
}
