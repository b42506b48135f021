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
import { partColumns, rowValue } from "../planned";
import type { SheetIndex } from "../sheet-index";
import type { Table } from "../table-model";
import { columnOfKind, expectedText, NUMERIC_KINDS } from "../table-model";
import { isTotalLabelCell } from "../tables";
import { RULES } from "./ids";

function rowLabel(ix: SheetIndex, t: Table, row: number): string {
  const name = columnOfKind(t, "name");
  const s = name ? ix.text(row, name.col) : null;
  return s ? ` (rij '${shorten(s, 40)}')` : "";
}

/** The rows the cell rules look at: the data rows and the Totaal row. */
function checkedRows(t: Table): number[] {
  return t.totalRow === null ? t.dataRows : [...t.dataRows, t.totalRow];
}

/** Every filled cell of the checked rows within the table's columns, row by row. */
function forEachCell(ix: SheetIndex, t: Table, visit: (r: number, c: number, v: ReadCell) => void): void {
  for (const r of checkedRows(t)) {
    for (const c of ix.filled[r]) {
      if (c < t.left || c > t.right) continue;
      visit(r, c, ix.read(r, c));
    }
  }
}

/** Error values (#DEEL/0!, #VERW!): an error at each. */
function checkErrorValues(ix: SheetIndex, t: Table, findings: Findings): void {
  forEachCell(ix, t, (r, c, v) => {
    if (v.kind === "error") {
      findings.at(RULES.ERROR_VALUE, "error", t.sheet, r, c, `De cel bevat de foutwaarde ${v.text}${rowLabel(ix, t, r)}; herstel de formule of de verwijzing.`);
    }
  });
}

/** Formulas without a cached result: one warning per table, at the first, with the count and range. */
function checkFormulasWithoutResult(ix: SheetIndex, t: Table, findings: Findings): void {
  let noCache = 0;
  let first: { row: number; col: number; formula: string } | null = null;
  let top = 0;
  let bottom = 0;
  let left = 0;
  let right = 0;
  forEachCell(ix, t, (r, c, v) => {
    if (v.kind !== "nocache") return;
    if (first === null) {
      first = { row: r, col: c, formula: v.formula };
      top = bottom = r;
      left = right = c;
    } else {
      bottom = r; // rows ascend
      if (c < left) left = c;
      if (c > right) right = c;
    }
    noCache++;
  });
  if (first === null) return;
  const f: { row: number; col: number; formula: string } = first;
  const range = rangeAddress(top, left, bottom, right);
  const what =
    noCache === 1
      ? `De formule ${shorten(f.formula, 40)} in ${range} heeft geen opgeslagen uitkomst${rowLabel(ix, t, f.row)}`
      : `${formatDutch(noCache, 0)} formulecellen zonder opgeslagen uitkomst in ${range} (de eerste: ${shorten(f.formula, 40)})`;
  findings.at(
    RULES.FORMULA_NO_VALUE,
    "warning",
    t.sheet,
    f.row,
    f.col,
    `${what}; open en bewaar het bestand in Excel of LibreOffice zodat de uitkomsten worden opgeslagen. Tot dan zijn deze waarden onbekend en niet als 0 gelezen.`,
  );
}

/** The columns that hold numbers (hours, counts, totals). */
function numericColumns(t: Table): Set<number> {
  return new Set(t.columns.filter((c) => NUMERIC_KINDS.has(c.kind)).map((c) => c.col));
}

/** Negative numbers in a number column: an error at each (the row is not counted). */
function checkNegatives(ix: SheetIndex, t: Table, findings: Findings): void {
  const numericCols = numericColumns(t);
  forEachCell(ix, t, (r, c, v) => {
    if (v.kind !== "number" || v.n >= 0 || !numericCols.has(c)) return;
    findings.at(
      RULES.NEGATIVE,
      "error",
      t.sheet,
      r,
      c,
      `De cel bevat het negatieve getal ${formatDutch(v.n)}${rowLabel(ix, t, r)}; uren en aantallen kunnen niet negatief zijn. Deze rij is daarom niet meegeteld in de geplande uren.`,
    );
  });
}

/** Text or a boolean in a number column, other than the Totaal label and expected texts: an error at each. */
function checkTextInNumberColumns(ix: SheetIndex, t: Table, findings: Findings): void {
  const numericCols = numericColumns(t);
  const kindOf = new Map(t.columns.map((c) => [c.col, c.kind] as const));
  forEachCell(ix, t, (r, c, v) => {
    if ((v.kind !== "text" && v.kind !== "bool") || !numericCols.has(c)) return;
    if (r === t.totalRow && isTotalLabelCell(ix, r, c)) return;
    // "0-uren" in a contract-hours column, "n.v.t." in a toddler column: expected values (table-model.expectedText).
    if (v.kind === "text" && expectedText(kindOf.get(c)!, ix.norm(r, c) ?? "")) return;
    const shown = v.kind === "text" ? `de tekst "${shorten(v.text, 40)}"` : v.b ? "WAAR" : "ONWAAR";
    findings.at(RULES.NOT_A_NUMBER, "error", t.sheet, r, c, `In een kolom met getallen staat ${shown}${rowLabel(ix, t, r)}; vul een getal in.`);
  });
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
  const tr = t.totalRow;
  for (const c of t.columns) {
    if (!NUMERIC_KINDS.has(c.kind)) continue;
    const tv = ix.read(tr, c.col);
    if (tv.kind !== "number") continue;
    let sum = 0;
    let readable = true;
    for (const r of t.dataRows) {
      const v = ix.read(r, c.col);
      if (v.kind === "number") sum += v.n;
      else if (v.kind !== "blank") readable = false;
    }
    if (!readable || !differs(tv.n, sum)) continue;
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
  checkErrorValues(ix, t, findings);
  checkFormulasWithoutResult(ix, t, findings);
  checkNegatives(ix, t, findings);
  checkTextInNumberColumns(ix, t, findings);
  checkRowTotals(ix, t, findings);
  checkColumnTotals(ix, t, findings);
}
