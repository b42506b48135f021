/**
 * Cell rules inside tables, one function each: error values, formulas without a cached
 * result, negative numbers, text in a number column, and row/column totals that differ
 * from the sum of their parts.
 */
import { shorten } from "../../cells";
import { cleanFloat, formatDutch } from "../../numbers";
import { cellAddress, rangeAddress } from "../a1";
import type { ReadCell } from "../cell-read";
import type { Findings } from "../findings";
import { differs } from "../numbers-compare";
import { categoryColumns, partColumns, rowCategory, rowValue } from "../planned";
import type { SheetIndex } from "../sheet-index";
import type { ColumnKind, Table } from "../table-model";
import { columnOfKind, expectedText, NUMERIC_KINDS } from "../table-model";
import { isTotalLabelCell } from "../tables";
import { RULES } from "./ids";

function rowLabel(ix: SheetIndex, t: Table, row: number): string {
  const name = columnOfKind(t, "name");
  const s = name ? ix.text(row, name.col) : null;
  return s ? ` (rij '${shorten(s, 40)}')` : "";
}

/** Error values (#DEEL/0!, #VERW!): an error at each. */
function reportErrorValue(ix: SheetIndex, t: Table, r: number, c: number, text: string, findings: Findings): void {
  findings.at(RULES.ERROR_VALUE, "error", t.sheet, r, c, `De cel bevat de foutwaarde ${text}${rowLabel(ix, t, r)}; herstel de formule of de verwijzing.`);
}

/** A negative number in a number column: an error (the row is not counted). */
function reportNegative(ix: SheetIndex, t: Table, r: number, c: number, n: number, findings: Findings): void {
  findings.at(
    RULES.NEGATIVE,
    "error",
    t.sheet,
    r,
    c,
    `De cel bevat het negatieve getal ${formatDutch(n)}${rowLabel(ix, t, r)}; uren en aantallen kunnen niet negatief zijn. Deze rij is daarom niet meegeteld in de geplande uren.`,
  );
}

/** Text or a boolean in a number column, other than the Totaal label and expected texts ("n.v.t." for toddlers): an error. */
function checkTextInNumberColumn(ix: SheetIndex, t: Table, r: number, c: number, v: ReadCell & { kind: "text" | "bool" }, kind: ColumnKind, findings: Findings): void {
  if (r === t.totalRow && isTotalLabelCell(ix, r, c)) return;
  // "0-uren" in a contract-hours column, "n.v.t." in a toddler column: expected values (table-model.expectedText).
  if (v.kind === "text" && expectedText(kind, ix.norm(r, c) ?? "")) return;
  const shown = v.kind === "text" ? `de tekst "${shorten(v.text, 40)}"` : v.b ? "WAAR" : "ONWAAR";
  findings.at(RULES.NOT_A_NUMBER, "error", t.sheet, r, c, `In een kolom met getallen staat ${shown}${rowLabel(ix, t, r)}; vul een getal in.`);
}

/** Formulas without a cached result: collected, then one warning per table at the first, with the count and range. */
class FormulasWithoutResult {
  private count = 0;
  private first: { row: number; col: number; formula: string } | null = null;
  private top = 0;
  private bottom = 0;
  private left = 0;
  private right = 0;

  add(r: number, c: number, formula: string): void {
    if (this.first === null) {
      this.first = { row: r, col: c, formula };
      this.top = this.bottom = r;
      this.left = this.right = c;
    } else {
      this.bottom = r; // rows ascend
      if (c < this.left) this.left = c;
      if (c > this.right) this.right = c;
    }
    this.count++;
  }

  report(ix: SheetIndex, t: Table, findings: Findings): void {
    const first = this.first;
    if (first === null) return;
    const range = rangeAddress(this.top, this.left, this.bottom, this.right);
    const what =
      this.count === 1
        ? `De formule ${shorten(first.formula, 40)} in ${range} heeft geen opgeslagen uitkomst${rowLabel(ix, t, first.row)}`
        : `${formatDutch(this.count, 0)} formulecellen zonder opgeslagen uitkomst in ${range} (de eerste: ${shorten(first.formula, 40)})`;
    findings.at(
      RULES.FORMULA_NO_VALUE,
      "warning",
      t.sheet,
      first.row,
      first.col,
      `${what}; open en bewaar het bestand in Excel of LibreOffice zodat de uitkomsten worden opgeslagen. Tot dan zijn deze waarden onbekend en niet als 0 gelezen.`,
    );
  }
}

/** The rules per cell, in one pass over the filled cells of the data rows and the Totaal row. */
function checkCells(ix: SheetIndex, t: Table, findings: Findings): void {
  const numericKind = new Map(t.columns.filter((c) => NUMERIC_KINDS.has(c.kind)).map((c) => [c.col, c.kind] as const));
  const noResult = new FormulasWithoutResult();
  const rows = t.totalRow === null ? t.dataRows : [...t.dataRows, t.totalRow];
  for (const r of rows) {
    for (const c of ix.filled[r]) {
      if (c < t.left || c > t.right) continue;
      const v = ix.read(r, c);
      if (v.kind === "error") reportErrorValue(ix, t, r, c, v.text, findings);
      else if (v.kind === "nocache") noResult.add(r, c, v.formula);
      else if (v.kind === "number") {
        if (v.n < 0 && numericKind.has(c)) reportNegative(ix, t, r, c, v.n, findings);
      } else if ((v.kind === "text" || v.kind === "bool") && numericKind.has(c)) {
        checkTextInNumberColumn(ix, t, r, c, v, numericKind.get(c)!, findings);
      }
    }
  }
  noResult.report(ix, t, findings);
}

/** A row total that is not the sum of its parts: an error at the total; the parts are used. */
function checkRowTotals(ix: SheetIndex, t: Table, findings: Findings): void {
  const total = columnOfKind(t, "total");
  const parts = partColumns(t).filter((c) => c.col !== total?.col);
  if (!total || !parts.length) return;
  for (const r of t.dataRows) {
    const tv = ix.read(r, total.col);
    if (tv.kind !== "number") continue;
    let sum = 0;
    let any = false;
    let readable = true;
    for (const p of parts) {
      const v = ix.read(r, p.col);
      if (v.kind === "number") {
        sum += v.n;
        any = true;
      } else if (v.kind !== "blank") readable = false;
    }
    if (!readable || !any || !differs(tv.n, sum)) continue;
    const range = rangeAddress(r, parts[0].col, r, parts[parts.length - 1].col);
    findings.at(
      RULES.ROW_TOTAL,
      "error",
      t.sheet,
      r,
      total.col,
      `Het rijtotaal ${formatDutch(tv.n)}${rowLabel(ix, t, r)} is niet de som van ${range} (${formatDutch(sum)}); verschil ${formatDutch(tv.n - sum)} uur. ` +
        `Gerekend is met de som van de delen, ${formatDutch(sum)} uur, niet met dit getypte totaal.`,
    );
  }
}

/** A figure in the Totaal row that is not the sum of its column: an error at the total; the rows are used. */
function checkColumnTotals(ix: SheetIndex, t: Table, findings: Findings): void {
  if (t.totalRow === null || !t.dataRows.length) return;
  const category = t.role === "mixed" ? categoryColumns(t)?.category : undefined;
  const tr = t.totalRow;
  for (const c of t.columns) {
    if (!NUMERIC_KINDS.has(c.kind)) continue;
    const tv = ix.read(tr, c.col);
    if (tv.kind !== "number") continue;
    let sum = 0;
    let partSum = 0;
    let readable = true;
    for (const r of t.dataRows) {
      const v = ix.read(r, c.col);
      if (v.kind === "number") {
        sum += v.n;
        if (category && rowCategory(ix, r, category) !== null) partSum += v.n;
      } else if (v.kind !== "blank") readable = false;
    }
    // A category summary may also hold fact rows ("Aantal LRK | 9"): its Totaal then adds up the part rows only.
    if (!readable || !differs(tv.n, sum) || (category && !differs(tv.n, partSum))) continue;
    const range = rangeAddress(t.dataRows[0], c.col, t.dataRows[t.dataRows.length - 1], c.col);
    // The figure the check uses: the sum of the rows (for the row-total column, of each row's parts).
    let used = sum;
    if (c.kind === "total") {
      used = 0;
      for (const r of t.dataRows) used += rowValue(ix, t, r).value ?? 0;
    }
    findings.add(
      RULES.COLUMN_TOTAL,
      "error",
      t.sheet,
      cellAddress(tr, c.col),
      `Het kolomtotaal ${formatDutch(tv.n)} van '${shorten(c.header || "kolom", 40)}' is niet de som van ${range} (${formatDutch(sum)}); verschil ${formatDutch(tv.n - sum)}. ` +
        `Gerekend is met de som van de delen, ${formatDutch(cleanFloat(used))}, niet met dit getypte totaal.`,
    );
  }
}

/** Every cell rule on one table. */
export function checkTableCells(ix: SheetIndex, t: Table, findings: Findings): void {
  checkCells(ix, t, findings);
  checkRowTotals(ix, t, findings);
  checkColumnTotals(ix, t, findings);
}
