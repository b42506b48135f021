/** LRK numbers: nine digits, and (undocumented, so a warning only) the eleven-test. */
import { shorten } from "../../cells";
import type { Findings } from "../findings";
import { LRK_SHAPE, lrkNumbers } from "../lrk-cells";
import type { SheetIndex } from "../sheet-index";
import type { Table } from "../table-model";
import { columnsOfKind } from "../table-model";
import { RULES } from "./ids";

/** 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). */
export function passesElevenTest(lrk: string): boolean {
  if (!LRK_SHAPE.test(lrk)) return false;
  let s = 0;
  for (let i = 0; i < 8; i++) s += (9 - i) * Number(lrk[i]);
  s -= Number(lrk[8]);
  return s % 11 === 0;
}

export function checkLrk(tables: Table[], byName: Map<string, SheetIndex>, findings: Findings): void {
  for (const t of tables) {
    // Duplicates within one table (over all its LRK columns): the same locations listed again
    // in another table (coaching, beleid, VE) are no duplicates.
    const seen = new Map<string, string>();
    const ix = byName.get(t.sheet)!;
    for (const col of columnsOfKind(t, "lrk")) for (const r of t.dataRows) {
      if (ix.read(r, col.col).kind === "error") continue; // reported as an error value
      for (const s of lrkNumbers(ix, r, col.col)) {
        if (!LRK_SHAPE.test(s)) {
          findings.at(RULES.LRK_FORMAT, "warning", t.sheet, r, col.col, `'${shorten(s, 30)}' is geen LRK-nummer van 9 cijfers.`);
          continue;
        }
        if (!passesElevenTest(s)) {
          findings.at(
            RULES.LRK_CHECKSUM,
            "warning",
            t.sheet,
            r,
            col.col,
            `LRK-nummer ${s} voldoet niet aan de elfproef; controleer het nummer in het Landelijk Register Kinderopvang.`,
          );
        }
        const where = `${t.sheet}!${col.col}:${r}`;
        const first = seen.get(s);
        if (first !== undefined && first !== where) {
          findings.at(RULES.LRK_DUPLICATE, "warning", t.sheet, r, col.col, `LRK-nummer ${s} staat meer dan eens in de lijst; het telt als één kindercentrum.`);
        } else seen.set(s, where);
      }
    }
  }
}
