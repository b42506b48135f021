/**
 * The planned hours a workbook allocates, per part of the norm (policy, coaching, VE),
 * with the cell that holds the total (for findings), and the VE hours per location.
 */
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, rangeAddress } from "./a1";
import { normalizeName, normalizeText } from "./cell-read";
import type { ReadCell } from "./cell-read";
import { differs } from "./numbers-compare";
import type { SheetIndex } from "./sheet-index";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind, locationColumn, PART_KINDS } from "./table-model";
import { shorten } from "../cells";
import type { Findings } from "./findings";
import { RULES } from "./rules/ids";
import type { Fact } from "./types";
import type { TableRole } from "./types";
import { HOURS_WORD, NOT_A_PART, partOfText } from "./vocabulary";

export type Part = "policy" | "coaching" | "ve";

export interface PlannedPart {
  /**
   * The planned hours, or null when they are unknown: they depend on a cell without a
   * known value (a formula without a cached result, an error value). Never a silent 0.
   */
  value: number | null;
  sheet: string;
  /** The total cell, or the range summed when there is no total cell. */
  cell: string;
  description: string;
  /** When value is null: the first cell without a known value and how many rows depend on one. */
  unknown?: UnknownCells;
}

export interface UnknownCells {
  /** Rows (or cells of a column) whose value is unknown. */
  count: number;
  sheet: string;
  /** The first such cell, A1. */
  first: string;
  /** The table range or column range they stand in. */
  range: string;
  /** A negative number among them: a typed total that includes it is not used either. */
  negative?: boolean;
}

/** The columns of a table that make up a row's value, computed once per table. */
interface RowShape {
  total: TableColumn | undefined;
  parts: TableColumn[];
  /** The column findings about the row point at. */
  col: number;
}

const shapes = new WeakMap<Table, RowShape>();

function rowShape(t: Table): RowShape {
  let s = shapes.get(t);
  if (!s) {
    const total = columnOfKind(t, "total");
    const parts = partColumns(t).filter((c) => c !== total);
    s = { total, parts, col: total ? total.col : parts[0]?.col ?? t.left };
    shapes.set(t, s);
  }
  return s;
}

/**
 * The columns whose hours make up a row (and its row total): beleid, coaching, VE and other
 * hours columns, but never a remark, a count of children or groups, an fte or LRK column
 * that happens to hold numbers, nor a column of another year (made text before this runs).
 */
export function partColumns(t: Table): TableColumn[] {
  return t.columns.filter((c) => PART_KINDS.has(c.kind) && !(c.kind === "hours" && NOT_A_PART.test(normalizeText(c.header))));
}

const isUnknown = (kind: string) => kind === "nocache" || kind === "error";

/** A negative number of hours: invalid (reported by the cell rules), so what depends on it is unknown. */
const isNegative = (v: ReadCell) => v.kind === "number" && v.n < 0;

export interface RowValue {
  /** The row's hours, or null when its cells are blank or its value is unknown. */
  value: number | null;
  /** The cell findings about the row point at (the total cell, else the first part). */
  col: number;
  /** The first column whose unknown value (formula without cached result, error value, negative number) makes the row unknown, else null. */
  unknownCol: number | null;
  /** True when a negative number makes the row unknown (a typed grand total would repeat it). */
  negative?: boolean;
}

/**
 * The value of a row: the sum of its parts when they are all known (what the row
 * deploys, also when a typed total differs: that is reported as an error), else its total
 * cell when that holds a number; unknown when it depends on a cell without a known value;
 * null when all are blank.
 */
export function rowValue(ix: SheetIndex, t: Table, row: number): RowValue {
  const shape = rowShape(t);
  let s = 0;
  let any = false;
  let unknownCol: number | null = null;
  for (const c of shape.parts) {
    const v = ix.read(row, c.col);
    // A negative part: the row is unknown; a typed row total would only repeat it.
    if (isNegative(v)) return { value: null, col: shape.col, unknownCol: c.col, negative: true };
    if (v.kind === "number") {
      s += v.n;
      any = true;
    } else if (unknownCol === null && isUnknown(v.kind)) unknownCol = c.col;
  }
  // An integer sum has no float noise: skip cleanFloat's toPrecision (a string per row).
  if (any && unknownCol === null) return { value: Number.isInteger(s) ? s : cleanFloat(s), col: shape.col, unknownCol: null };
  if (shape.total) {
    const v = ix.read(row, shape.total.col);
    if (isNegative(v)) return { value: null, col: shape.col, unknownCol: unknownCol ?? shape.total.col, negative: true };
    if (v.kind === "number") return { value: v.n, col: shape.col, unknownCol: null };
    if (isUnknown(v.kind) && unknownCol === null) unknownCol = shape.total.col;
  }
  if (unknownCol !== null) return { value: null, col: shape.col, unknownCol };
  return { value: null, col: shape.col, unknownCol: null };
}

/** The planned hours of an allocation table: the sum of its rows (the distribution), else its known grand total. */
function tableTotal(ix: SheetIndex, t: Table): PlannedPart {
  const total = columnOfKind(t, "total");
  const range = rangeAddress(t.top, t.left, t.bottom, t.right);
  let s = 0;
  let unknown: UnknownCells | undefined;
  for (const r of t.dataRows) {
    const rv = rowValue(ix, t, r);
    if (rv.unknownCol !== null) {
      if (unknown) unknown.count++;
      else unknown = { count: 1, sheet: t.sheet, first: cellAddress(r, rv.unknownCol), range };
      if (rv.negative) unknown.negative = true;
    } else if (rv.value !== null) s += rv.value;
  }
  const totalCell = total && t.totalRow !== null ? cellAddress(t.totalRow, total.col) : null;
  const typed = total && t.totalRow !== null ? ix.read(t.totalRow, total.col) : null;
  const words = { total: "totaal", sum: "som van de rijen van", unchecked: "rijen", cells: "rijen van" };
  return plannedFrom(t.sheet, range, s, unknown, totalCell, typed, words, totalCell ?? range);
}

/** The planned hours in one column of a list (staff, locations, VE toddlers): its sum, else its known total. */
function columnTotal(ix: SheetIndex, t: Table, col: TableColumn): PlannedPart {
  const range = rangeAddress(t.dataRows[0] ?? t.top, col.col, t.dataRows[t.dataRows.length - 1] ?? t.top, col.col);
  let s = 0;
  let unknown: UnknownCells | undefined;
  for (const r of t.dataRows) {
    const v = ix.read(r, col.col);
    if (v.kind === "number" && v.n >= 0) s += v.n;
    else if (isUnknown(v.kind) || isNegative(v)) {
      if (unknown) unknown.count++;
      else unknown = { count: 1, sheet: t.sheet, first: cellAddress(r, col.col), range };
      if (isNegative(v)) unknown.negative = true;
    }
  }
  const totalCell = t.totalRow !== null ? cellAddress(t.totalRow, col.col) : null;
  const typed = t.totalRow !== null ? ix.read(t.totalRow, col.col) : null;
  const what = `kolom '${col.header}'`;
  const words = { total: `totaal van ${what}`, sum: `som van ${what} in`, unchecked: "kolom", cells: `${what} in` };
  return plannedFrom(t.sheet, range, s, unknown, totalCell, typed, words, range);
}

/** How a planned figure's source is described: the rows of an allocation table, or one column of a list. */
interface PlannedWords {
  total: string;
  sum: string;
  unchecked: string;
  cells: string;
}

/**
 * The planned figure from the parts' sum, the parts without a known value and a typed
 * total: the sum when every part is known (a differing typed total is named), else the
 * typed total when it is known and no part is negative, else unknown.
 */
function plannedFrom(
  sheet: string,
  range: string,
  sum: number,
  unknown: UnknownCells | undefined,
  totalCell: string | null,
  typed: ReadCell | null,
  words: PlannedWords,
  sumCell: string,
): PlannedPart {
  if (!unknown) {
    const value = cleanFloat(sum);
    if (totalCell && typed && typed.kind === "number") {
      const description = !differs(typed.n, value)
        ? `${words.total} in ${sheet}!${totalCell}`
        : `${words.sum} ${sheet}!${range} (het getypte totaal ${formatDutch(typed.n)} in ${totalCell} wijkt af)`;
      return { value, sheet, cell: totalCell, description };
    }
    return { value, sheet, cell: sumCell, description: `${words.sum} ${sheet}!${range}` };
  }
  if (totalCell && typed && typed.kind === "number" && !unknown.negative) {
    // Parts without a known value, but a total that has one: the total is what is known.
    return { value: typed.n, sheet, cell: totalCell, description: `${words.total} in ${sheet}!${totalCell} (${words.unchecked} niet na te rekenen)` };
  }
  return { value: null, sheet, cell: totalCell ?? range, description: `${words.cells} ${sheet}!${range}`, unknown };
}

function combine(parts: PlannedPart[]): PlannedPart | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  const unknown = parts.find((p) => p.value === null);
  return {
    value: unknown ? null : cleanFloat(parts.reduce((s, p) => s + p.value!, 0)),
    sheet: parts[0].sheet,
    cell: parts[0].cell,
    description: parts.map((p) => p.description).join(" + "),
    unknown: unknown?.unknown,
  };
}

const ROLE_OF: Record<Part, TableRole> = { policy: "policy", coaching: "coaching", ve: "ve" };
/** Where a part's hours may stand as a column in a list, in order of preference. */
const LIST_ROLES: Record<Part, TableRole[]> = {
  policy: ["locations", "ve-toddlers", "staff"],
  coaching: ["staff", "locations", "ve-toddlers"],
  ve: ["ve-toddlers", "locations"],
};

/**
 * The planned hours of a part: its allocation tables, else (when `fromLists`) an hours
 * column of that part in a list. Pass fromLists = false when the part's allocation table
 * was mapped to another role: a list column would count those hours a second time.
 */
export function plannedPart(part: Part, tables: Table[], byName: Map<string, SheetIndex>, fromLists = true): PlannedPart | null {
  // A table without a column of hours (its hours column holds text) plans nothing known: not a 0.
  const own = tables.filter((t) => t.role === ROLE_OF[part] && (rowShape(t).parts.length > 0 || rowShape(t).total !== undefined));
  if (own.length) return combine(own.map((t) => tableTotal(byName.get(t.sheet)!, t)));
  const fromCategories: PlannedPart[] = [];
  for (const t of tables) {
    if (t.role !== "mixed") continue;
    const p = categoryTotal(byName.get(t.sheet)!, t, part);
    if (p) fromCategories.push(p);
  }
  if (fromCategories.length) return combine(fromCategories);
  if (!fromLists) return null;
  for (const role of LIST_ROLES[part]) {
    const found: PlannedPart[] = [];
    for (const t of tables) {
      if (t.role !== role) continue;
      const col = columnOfKind(t, part) ?? (part === "ve" && role === "ve-toddlers" ? columnOfKind(t, "hours") : undefined);
      if (col) found.push(columnTotal(byName.get(t.sheet)!, t, col));
    }
    if (found.length) return combine(found);
  }
  return null;
}

/** The columns of a category list: which column says the part, which holds the hours. */
export function categoryColumns(t: Table): { category: TableColumn; value: TableColumn } | null {
  const category = columnOfKind(t, "category");
  // The hours: a column headed as hours ("Uren", "Hours"), else the total, else the last number column.
  const numbers = t.columns.filter((c) => c.kind === "hours" || c.kind === "total");
  const value = numbers.find((c) => HOURS_WORD.test(normalizeText(c.header))) ?? columnOfKind(t, "total") ?? numbers[numbers.length - 1];
  return category && value ? { category, value } : null;
}

/** The part a row of a category list is for, or null (another activity, or no category). */
export function rowCategory(ix: SheetIndex, row: number, category: TableColumn): Part | null {
  const n = ix.norm(row, category.col);
  return n === null ? null : partOfText(n);
}

/**
 * The planned hours of one part in a category list: a column mapped or headed as that part
 * counts whole; else the hours of the rows whose category names the part. Null when the
 * list has no row of that part (not found, never a 0).
 */
function categoryTotal(ix: SheetIndex, t: Table, part: Part): PlannedPart | null {
  const own = columnOfKind(t, part);
  if (own) return columnTotal(ix, t, own);
  const cols = categoryColumns(t);
  if (!cols) return null;
  const range = rangeAddress(t.top, t.left, t.bottom, t.right);
  let s = 0;
  let rows = 0;
  let unknown: UnknownCells | undefined;
  for (const r of t.dataRows) {
    if (rowCategory(ix, r, cols.category) !== part) continue;
    rows++;
    const v = ix.read(r, cols.value.col);
    if (v.kind === "number" && v.n >= 0) s += v.n;
    else if (isUnknown(v.kind) || isNegative(v)) {
      if (unknown) unknown.count++;
      else unknown = { count: 1, sheet: t.sheet, first: cellAddress(r, cols.value.col), range };
      if (isNegative(v)) unknown.negative = true;
    }
  }
  if (rows === 0) return null;
  const what = `rijen '${PART_DUTCH[part]}' in kolom '${cols.category.header}'`;
  const words = { total: `totaal van ${what}`, sum: `som van ${what} in`, unchecked: "rijen", cells: `${what} in` };
  return plannedFrom(t.sheet, range, s, unknown, null, null, words, range);
}

const PART_DUTCH: Record<Part, string> = { policy: "beleid", coaching: "coaching", ve: "VE" };

/**
 * The rows of category lists that are no part (an activity such as "Overleg"): not
 * counted, named with their hours in one info finding per list.
 */
export function reportOtherCategories(tables: Table[], byName: Map<string, SheetIndex>, findings: Findings): void {
  for (const t of tables) {
    if (t.role !== "mixed") continue;
    const cols = categoryColumns(t);
    if (!cols) continue;
    const ix = byName.get(t.sheet)!;
    const other = new Map<string, number>();
    for (const r of t.dataRows) {
      const name = ix.text(r, cols.category.col);
      if (name === null || rowCategory(ix, r, cols.category) !== null) continue;
      const key = name.replace(/\s+/g, " ").trim();
      const v = ix.read(r, cols.value.col);
      other.set(key, (other.get(key) ?? 0) + (v.kind === "number" ? v.n : 0));
    }
    if (other.size === 0) continue;
    const shown = [...other].slice(0, 6).map(([k, h]) => `'${shorten(k, 30)}' (${formatDutch(cleanFloat(h))} uur)`);
    const more = other.size > 6 ? ` en ${formatDutch(other.size - 6, 0)} andere` : "";
    findings.add(
      RULES.CATEGORY_OTHER,
      "info",
      t.sheet,
      rangeAddress(t.top, cols.category.col, t.bottom, cols.category.col),
      `Niet meegeteld als beleid, coaching of VE: ${shown.join(", ")}${more}. Alleen rijen waarvan de categorie beleid, coaching of VE noemt tellen mee; pas de categorie aan als deze uren wel meetellen.`,
    );
  }
}

/**
 * A part's planned hours from its tables, else from a labelled cell ("Totaal coachuren
 * gepland: 430", "Planned coaching hours"). When both exist the table wins and a
 * difference is reported at the labelled cell.
 */
export function withLabelledTotal(part: Part, fromTables: PlannedPart | null, label: Fact | null, findings: Findings): PlannedPart | null {
  if (!label || label.source.sheet === null || label.source.cell === null) return fromTables;
  if (!fromTables) return { value: label.value, sheet: label.source.sheet, cell: label.source.cell, description: label.source.description };
  if (fromTables.value !== null && differs(label.value, fromTables.value)) {
    findings.add(
      RULES.PLANNED_LABEL_CONFLICT,
      "warning",
      label.source.sheet,
      label.source.cell,
      `Hier staan ${formatDutch(label.value)} geplande uren ${PART_DUTCH[part]}, maar de tabel geeft ${formatDutch(fromTables.value)} (${fromTables.description}). Gerekend is met de tabel.`,
    );
  }
  return fromTables;
}

export interface LocationHours {
  name: string;
  key: string;
  /** Null when blank or unknown (see unknownCol). */
  value: number | null;
  sheet: string;
  row: number;
  col: number;
  /** The column of the cell without a known value the row depends on, else null. */
  unknownCol: number | null;
}

/** VE hours per location from the VE allocation tables. */
export function veHoursPerLocation(tables: Table[], byName: Map<string, SheetIndex>): LocationHours[] {
  const out: LocationHours[] = [];
  for (const t of tables) {
    if (t.role === "mixed") {
      veRowsOfCategoryList(byName.get(t.sheet)!, t, out);
      continue;
    }
    if (t.role !== "ve") continue;
    const ix = byName.get(t.sheet)!;
    const name = columnOfKind(t, "name");
    for (const r of t.dataRows) {
      const text = name ? ix.text(r, name.col) : null;
      if (!text) continue;
      const v = rowValue(ix, t, r);
      out.push({ name: text.replace(/\s+/g, " ").trim(), key: normalizeName(text), value: v.value, sheet: t.sheet, row: r, col: v.col, unknownCol: v.unknownCol });
    }
  }
  return out;
}

/** The VE rows of a category list, per location (its location column). */
function veRowsOfCategoryList(ix: SheetIndex, t: Table, out: LocationHours[]): void {
  const cols = categoryColumns(t);
  const loc = locationColumn(t);
  if (!cols || !loc) return;
  for (const r of t.dataRows) {
    if (rowCategory(ix, r, cols.category) !== "ve") continue;
    const text = ix.text(r, loc.col);
    if (!text) continue;
    const v = ix.read(r, cols.value.col);
    const unknown = isUnknown(v.kind) || isNegative(v);
    out.push({
      name: text.replace(/\s+/g, " ").trim(),
      key: normalizeName(text),
      value: v.kind === "number" && v.n >= 0 ? v.n : null,
      sheet: t.sheet,
      row: r,
      col: cols.value.col,
      unknownCol: unknown ? cols.value.col : null,
    });
  }
}
