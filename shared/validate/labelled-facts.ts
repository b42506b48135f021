/**
 * Facts written as labels outside the tables that the label scan does not read as one
 * figure: the LRK numbers of a sheet per location ("LRK-nummer(s) | 321741961", the next
 * number on the row below), and the contract hours of each coach written in the heading of
 * that coach's block ("Coach: Marieke Jansen | Contracturen per week | 24").
 */
import { cellAddress } from "./a1";
import { LRK_SHAPE, lrkNumbers } from "./lrk-cells";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";

/** A label of LRK numbers (not a count of them: "Aantal LRK" is a count). */
const LRK_LABEL = /^(lrk|lrk-?nummers?|lrk-?nr\.?|registratienummers?)\b(?!.*aantal)/;

function inTables(tables: Table[], sheet: string, r: number, c: number): boolean {
  return tables.some((t) => t.sheet === sheet && r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
}

/** The nine-digit LRK numbers of a cell, or none. */
function lrksOf(ix: SheetIndex, r: number, c: number): string[] {
  return lrkNumbers(ix, r, c).filter((x) => LRK_SHAPE.test(x));
}

export interface LabelledLrks {
  numbers: string[];
  /** Where they were read, "Blad!B4". */
  where: string[];
}

/**
 * LRK numbers beside an LRK label outside the tables, and on the rows right below it in the
 * same column while the label's column stays blank (one building with a KDV and a BSO).
 */
export function labelledLrkNumbers(sheets: SheetIndex[], tables: Table[]): LabelledLrks {
  const out: LabelledLrks = { numbers: [], where: [] };
  for (const ix of sheets) {
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      if (cols.length < 2) continue;
      const c = cols[0];
      const n = ix.norm(r, c);
      if (n === null || n.length > 40 || !LRK_LABEL.test(n) || inTables(tables, ix.name, r, c)) continue;
      const vc = cols[1];
      if (vc - c > 3) continue;
      let found = lrksOf(ix, r, vc);
      if (found.length === 0) continue;
      const before = out.numbers.length;
      for (let k = r; k < ix.rowCount && found.length > 0; ) {
        out.numbers.push(...found);
        k++;
        if (k >= ix.rowCount || ix.filled[k].includes(c) || ix.filled[k][0] !== vc) break;
        found = lrksOf(ix, k, vc);
      }
      out.where.push(`${ix.name}!${cellAddress(r, vc)}${out.numbers.length - before > 1 ? ` (${out.numbers.length - before} nummers)` : ""}`);
    }
  }
  return out;
}

/** A heading that names one coach or policy officer ("Coach: Marieke Jansen", "Beleidsmedewerker – Tom"). */
const COACH_HEADING = /^(pedagogisch(e)? )?(coach|beleidsmedewerker|pbm'?er)\s?[:–-]\s?\S/;
/** A label of contract hours per week in such a heading row. */
const WEEKLY_LABEL = /contracturen|uren per week|uur per week|weekuren|u\/w(ee)?k|per week/;

/** Weekly hours written in a coach's heading: "20 uur per week", "16 u/wk", "(24 u p/w)". */
const HOURS_IN_HEADING = /(\d{1,2}(?:[.,]\d{1,2})?) ?(?:uur|uren|u) ?(?:per week|p\/ ?w|\/ ?w(?:ee)?k)/;

export interface CoachHeadings {
  /** The sum of the coaches' weekly contract hours. */
  weeklyHours: number;
  count: number;
  where: string[];
}

/** Weekly contract hours written in the heading of each coach's block, or null when there are none. */
export function coachHeadingHours(sheets: SheetIndex[]): CoachHeadings | null {
  const out: CoachHeadings = { weeklyHours: 0, count: 0, where: [] };
  for (const ix of sheets) {
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      if (cols.length < 1) continue;
      const head = ix.norm(r, cols[0]);
      if (head === null || head.length > 80 || !COACH_HEADING.test(head)) continue;
      // "Coach: Sanne de Wit — 20 uur per week": the hours in the heading itself.
      const inHeading = HOURS_IN_HEADING.exec(head);
      if (inHeading) {
        const n = Number(inHeading[1].replace(",", "."));
        if (n > 0 && n <= 60) {
          out.weeklyHours += n;
          out.count++;
          out.where.push(`${ix.name}!${cellAddress(r, cols[0])}`);
        }
        continue;
      }
      for (let i = 1; i < cols.length - 1; i++) {
        const l = ix.norm(r, cols[i]);
        if (l === null || !WEEKLY_LABEL.test(l)) continue;
        const v = ix.read(r, cols[i + 1]);
        if (v.kind !== "number" || !(v.n > 0) || v.n > 60) break;
        out.weeklyHours += v.n;
        out.count++;
        out.where.push(`${ix.name}!${cellAddress(r, cols[i + 1])}`);
        break;
      }
    }
  }
  return out.count > 0 ? out : null;
}

/** Is row r the heading of one coach's block (its hours are formation, never PM hours)? */
export function isCoachHeadingRow(ix: SheetIndex, r: number): boolean {
  const first = ix.filled[r]?.[0];
  if (first === undefined) return false;
  const head = ix.norm(r, first);
  return head !== null && head.length <= 80 && COACH_HEADING.test(head);
}
