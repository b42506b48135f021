/** Reading LRK numbers from a cell (shared by the kindercentra count, the LRK rules and the VE location match). */
import { cutText } from "./cell-read";
import type { SheetIndex } from "./sheet-index";

/** The shape of one LRK number: nine digits. */
export const LRK_SHAPE = /^\d{9}$/;

/**
 * What separates several LRK numbers in one cell ("123456782 / 234567891", "…; …", "… en …").
 * White space around it is trimmed from the parts afterwards, not matched here: a leading
 * \s* made the search quadratic on a long run of spaces without a separator.
 */
const LRK_SEPARATOR = /[\/;,|&+\n]|\ben\b/;

/**
 * The LRK numbers in a cell as digit text ("123456789"): a number cell, text with spaces or
 * dots inside one number ("456 789 012"), or several numbers in one cell (one building
 * with a KDV and a BSO: "123456782 / 234567891", or nine-digit groups separated by
 * spaces). A part that is not digits is kept as written (the format rule reports it).
 */
export function lrkNumbers(ix: SheetIndex, row: number, col: number): string[] {
  const raw = ix.sheet.values[row]?.[col];
  if (typeof raw === "number") return [String(raw)];
  if (typeof raw !== "string" || raw.trim() === "") return [];
  const out: string[] = [];
  for (const part of cutText(raw).trim().split(LRK_SEPARATOR)) {
    if (part.trim() === "") continue;
    if (/^\d{9}(\s+\d{9})+$/.test(part.trim())) out.push(...part.trim().split(/\s+/));
    else out.push(part.trim().replace(/[\s.]/g, ""));
  }
  return out;
}
