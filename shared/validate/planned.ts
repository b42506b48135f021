/**
 * The planned hours a workbook allocates, per part of the norm (policy, coaching, VE),
 * with the cell that holds the total (for findings), and the VE hours per location.
 */
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, rangeAddress } from "./a1";
import { normalizeText } from "./cell-read";
import { groupColumn, isBlockTotalRow, locationColumnFor, locationColumns } from "./table-places";
import type { ReadCell } from "./cell-read";
import { differs } from "./numbers-compare";
import type { SheetIndex } from "./sheet-index";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind, PART_KINDS } from "./table-model";
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
  // Blocks side by side (or groups beside locations) may hold a block's own Totaal row inside the table.
  const blocks = locationColumns(t).length > 1 || groupColumn(t) !== undefined;
  for (const r of t.dataRows) {
    if (blocks && isBlockTotalRow(ix, t, r, col.col)) continue;
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
  // A location list with a toddler column is read as the VE toddler table; its beleid and coaching columns still count.
  policy: ["locations", "ve-toddlers", "staff"],
  coaching: ["staff", "locations", "ve-toddlers"],
  ve: ["ve-toddlers", "locations"],
};

/** Does the table have a column of hours (parts or a row total)? One with only text plans nothing known: not a 0. */
const hasHours = (t: Table) => rowShape(t).parts.length > 0 || rowShape(t).total !== undefined;

/** A header that says the column holds planned hours ("Aantal uren", "Gepland", "Inzet"), not just any count ("Aantal groepen"). */
const PLANNED_WORD = /uren|\buur\b|hours|gepland|planning|inzet|begroot|planned/;
/** A header that says the column holds what is needed, not what is planned ("Benodigd (×10)", "Norm"). */
const NEEDED_WORD = /benodigd|\bnodig|norm|vereist|minimaal|minimum|required/;

/**
 * The columns of a list that hold a part's hours: the first column of its kind in each
 * block (side-by-side blocks each have one); in the VE toddler table without a VE column, the first hours
 * column beside the toddlers whose header says planned hours (never the "Benodigd" column).
 */
function listColumns(part: Part, t: Table): TableColumn[] {
  // One per block: "Uren VE" under each of two side-by-side "Locatie" blocks; a second one in the same block ("gerealiseerd") is not added.
  const own: TableColumn[] = [];
  const blocks = new Set<TableColumn | undefined>();
  for (const c of t.columns) {
    if (c.kind !== part) continue;
    const block = locationColumnFor(t, c.col);
    if (own.length && blocks.has(block)) continue;
    blocks.add(block);
    own.push(c);
  }
  if (own.length || part !== "ve" || t.role !== "ve-toddlers") return own;
  const h = t.columns.find((c) => c.kind === "hours" && PLANNED_WORD.test(normalizeText(c.header)) && !NEEDED_WORD.test(normalizeText(c.header)));
  return h ? [h] : [];
}

/**
 * One place a part's planned hours are read: the rows of an allocation table (col null), one
 * column of a list, or in a category list the rows whose category names the part (`category`
 * set, hours in `col`).
 */
export interface HoursSource {
  table: Table;
  col: TableColumn | null;
  category?: TableColumn;
}

/**
 * Where a part's planned hours stand: all its allocation tables (several per-coach blocks
 * are summed), else (when `fromLists`) its column in the lists of the first list role that
 * has one. The VE total and the VE check per location read the same sources, so the two
 * never disagree. Pass fromLists = false when the part's allocation table was mapped to
 * another role: a list column would count those hours a second time.
 */
export function hoursSources(part: Part, tables: Table[], byName: Map<string, SheetIndex>, fromLists = true): HoursSource[] {
  const own = tables.filter((t) => t.role === ROLE_OF[part] && hasHours(t));
  if (own.length) return own.flatMap(blockSources);
  const fromCategories = tables.flatMap((t) => (t.role === "mixed" ? categorySources(byName.get(t.sheet)!, t, part) : []));
  if (!fromLists) return fromCategories;
  const fromList = listSources(part, tables);
  // VE counts per location: a summary by category without locations gives way to a list with the VE hours per location.
  if (fromCategories.length && part === "ve" && fromList.length && fromCategories.every((s) => locationColumns(s.table).length === 0)) return fromList;
  return fromCategories.length ? fromCategories : fromList;
}

/** A part's hours as a column in the lists of the first list role that has one. */
function listSources(part: Part, tables: Table[]): HoursSource[] {
  for (const role of LIST_ROLES[part]) {
    const found: HoursSource[] = [];
    for (const t of tables) {
      if (t.role === role) for (const col of listColumns(part, t)) found.push({ table: t, col });
    }
    if (found.length) return found;
  }
  return [];
}

/**
 * The columns of a category list: which column says the part, which holds the hours. With
 * several period columns (jan … dec, K1 … K4) and no column headed as hours or total, a
 * row's hours are its whole row (`byRow`: the sum of its hours columns), not one period.
 */
export function categoryColumns(t: Table): { category: TableColumn; value: TableColumn; byRow: boolean } | null {
  // Several category-like columns ("Activiteit", "Categorie"): the one whose values most often name a part.
  const category = t.columns.filter((c) => c.kind === "category").reduce<TableColumn | undefined>((best, c) => (!best || (c.partRows ?? 0) > (best.partRows ?? 0) ? c : best), undefined);
  // The hours: a column headed as hours ("Uren", "Hours"), else the total, else the last number column.
  const numbers = t.columns.filter((c) => c.kind === "hours" || c.kind === "total");
  const headed = numbers.find((c) => HOURS_WORD.test(normalizeText(c.header))) ?? columnOfKind(t, "total");
  const value = headed ?? numbers[numbers.length - 1];
  const byRow = !headed && numbers.length >= 2;
  return category && value ? { category, value, byRow } : null;
}

/** The hours of one row of a category list: its value column, or with `value` null its whole row (rowValue). */
function categoryRowHours(ix: SheetIndex, t: Table, r: number, value: TableColumn | null): { value: number | null; unknownCol: number | null; negative: boolean } {
  if (value === null) {
    const rv = rowValue(ix, t, r);
    return { value: rv.value, unknownCol: rv.unknownCol, negative: rv.negative === true };
  }
  const v = ix.read(r, value.col);
  if (v.kind === "number" && v.n >= 0) return { value: v.n, unknownCol: null, negative: false };
  if (isUnknown(v.kind) || isNegative(v)) return { value: null, unknownCol: value.col, negative: isNegative(v) };
  return { value: null, unknownCol: null, negative: false };
}

/** The part a row of a category list is for, or null (another activity, or no category). */
export function rowCategory(ix: SheetIndex, row: number, category: TableColumn): Part | null {
  const n = ix.norm(row, category.col);
  return n === null ? null : partOfText(n);
}

/**
 * Where a category list holds a part's hours: a column mapped or headed as that part counts
 * whole; else the rows whose category names the part. None when the list has no row of
 * that part (not found, never a 0).
 */
function categorySources(ix: SheetIndex, t: Table, part: Part): HoursSource[] {
  const own = columnOfKind(t, part);
  if (own) return [{ table: t, col: own }];
  const cols = categoryColumns(t);
  if (!cols) return [];
  for (const r of t.dataRows) if (rowCategory(ix, r, cols.category) === part) return [{ table: t, col: cols.byRow ? null : cols.value, category: cols.category }];
  return [];
}

/** The planned hours of one part in a category list: the hours of the rows whose category names the part. */
function categoryTotal(ix: SheetIndex, t: Table, part: Part, category: TableColumn, value: TableColumn | null): PlannedPart {
  const range = rangeAddress(t.top, t.left, t.bottom, t.right);
  const rows: number[] = [];
  let s = 0;
  let unknown: UnknownCells | undefined;
  for (const r of t.dataRows) {
    if (rowCategory(ix, r, category) !== part) continue;
    rows.push(r);
    const h = categoryRowHours(ix, t, r, value);
    if (h.unknownCol !== null) {
      if (unknown) unknown.count++;
      else unknown = { count: 1, sheet: t.sheet, first: cellAddress(r, h.unknownCol), range };
      if (h.negative) unknown.negative = true;
    } else if (h.value !== null) s += h.value;
  }
  const what = `rijen '${PART_DUTCH[part]}' in kolom '${category.header}'`;
  const words = { total: `totaal van ${what}`, sum: `som van ${what} in`, unchecked: "rijen", cells: `${what} in` };
  // One row for the part (a summary table "Onderdeel | Uren"): findings point at its cell.
  const single = rows.length === 1 ? (value ? cellAddress(rows[0], value.col) : rangeAddress(rows[0], t.left, rows[0], t.right)) : range;
  return plannedFrom(t.sheet, range, s, unknown, null, null, words, single);
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
      const h = categoryRowHours(ix, t, r, cols.byRow ? null : cols.value);
      other.set(key, (other.get(key) ?? 0) + (h.value ?? 0));
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

/** A planned figure with the same value as a typed "Totaal <part>" cell: findings point at that cell. */
export function atTypedTotal(p: PlannedPart | null, total: Fact | null): PlannedPart | null {
  if (!p || p.value === null || !total || total.source.sheet === null || total.source.cell === null || differs(total.value, p.value)) return p;
  return { ...p, sheet: total.source.sheet, cell: total.source.cell };
}

/**
 * A part's planned hours from its tables, else from a labelled cell ("Totaal coachuren
 * gepland: 430", "Planned coaching hours"). When both exist the table wins and a
 * difference is reported at the labelled cell.
 */
export function withLabelledTotal(part: Part, fromTables: PlannedPart | null, label: Fact | null, findings: Findings): PlannedPart | null {
  if (!label || label.source.sheet === null || label.source.cell === null) return fromTables;
  if (!fromTables) return { value: label.value, sheet: label.source.sheet, cell: label.source.cell, description: label.source.description };
  if (fromTables.value === null) return fromTables;
  // The same figure as the table: findings about the part point at the typed total, where the user reads it.
  if (!differs(label.value, fromTables.value)) return atTypedTotal(fromTables, label);
  findings.add(
    RULES.PLANNED_LABEL_CONFLICT,
    "warning",
    label.source.sheet,
    label.source.cell,
    `Hier staan ${formatDutch(label.value)} geplande uren ${PART_DUTCH[part]}, maar de tabel geeft ${formatDutch(fromTables.value)} (${fromTables.description}). Gerekend is met de tabel.`,
  );
  return fromTables;
}

/**
 * An allocation table as sources: its rows (col null); with blocks side by side (each its
 * own "Locatie" column), per block its row-total column, else each of its hours columns, so
 * that a block's hours are read against its own location names and its own Totaal row.
 */
function blockSources(t: Table): HoursSource[] {
  const locs = locationColumns(t);
  if (locs.length < 2) return [{ table: t, col: null }];
  const out: HoursSource[] = [];
  for (const loc of locs) {
    const cols = t.columns.filter((c) => (PART_KINDS.has(c.kind) || c.kind === "total") && locationColumnFor(t, c.col) === loc);
    const total = cols.find((c) => c.kind === "total");
    for (const col of total ? [total] : cols) out.push({ table: t, col });
  }
  return out.length ? out : [{ table: t, col: null }];
}

/** The planned hours of a part, summed over its sources (see hoursSources); null when there is none. */
export function plannedPart(part: Part, tables: Table[], byName: Map<string, SheetIndex>, fromLists = true): PlannedPart | null {
  const parts = hoursSources(part, tables, byName, fromLists).map((s) => {
    const ix = byName.get(s.table.sheet)!;
    if (s.category) return categoryTotal(ix, s.table, part, s.category, s.col);
    return s.col ? columnTotal(ix, s.table, s.col) : tableTotal(ix, s.table);
  });
  return combine(parts);
}

