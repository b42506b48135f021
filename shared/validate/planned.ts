/**
 * The planned hours a workbook allocates, per part of the norm (policy, coaching, VE),
 * with the cell that holds the total (for findings), and the VE hours per location.
 */
import { cleanFloat } from "../numbers";
import { cellAddress, rangeAddress } from "./a1";
import { normalizeName } from "./cell-read";
import type { SheetIndex } from "./sheet-index";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind, PART_KINDS } from "./table-model";
import type { TableRole } from "./types";

export type Part = "policy" | "coaching" | "ve";

export interface PlannedPart {
  value: number;
  sheet: string;
  /** The total cell, or the range summed when there is no total cell. */
  cell: string;
  description: string;
}

/** Sum of the numbers in a column over the data rows. */
function columnSum(ix: SheetIndex, t: Table, col: number): number {
  let s = 0;
  for (const r of t.dataRows) {
    const v = ix.read(r, col);
    if (v.kind === "number") s += v.n;
  }
  return cleanFloat(s);
}

export function partColumns(t: Table): TableColumn[] {
  return t.columns.filter((c) => PART_KINDS.has(c.kind));
}

/** The value of a row: its total cell if it holds a number, else the sum of its parts; null when all are blank. */
export function rowValue(ix: SheetIndex, t: Table, row: number): { value: number | null; col: number } {
  const total = columnOfKind(t, "total");
  if (total) {
    const v = ix.read(row, total.col);
    if (v.kind === "number") return { value: v.n, col: total.col };
  }
  let s = 0;
  let any = false;
  for (const c of partColumns(t)) {
    const v = ix.read(row, c.col);
    if (v.kind === "number") {
      s += v.n;
      any = true;
    }
  }
  const col = total ? total.col : partColumns(t)[0]?.col ?? t.left;
  return { value: any ? cleanFloat(s) : null, col };
}

/** The planned hours of an allocation table (its grand total, else the sum of its rows). */
function tableTotal(ix: SheetIndex, t: Table): PlannedPart {
  const total = columnOfKind(t, "total");
  const range = rangeAddress(t.top, t.left, t.bottom, t.right);
  if (total && t.totalRow !== null) {
    const v = ix.read(t.totalRow, total.col);
    if (v.kind === "number") {
      const cell = cellAddress(t.totalRow, total.col);
      return { value: v.n, sheet: t.sheet, cell, description: `totaal in ${t.sheet}!${cell}` };
    }
  }
  let s = 0;
  for (const r of t.dataRows) s += rowValue(ix, t, r).value ?? 0;
  return { value: cleanFloat(s), sheet: t.sheet, cell: range, description: `som van de rijen van ${t.sheet}!${range}` };
}

/** The planned hours in one column of a list (staff, locations, VE toddlers). */
function columnTotal(ix: SheetIndex, t: Table, col: TableColumn): PlannedPart {
  if (t.totalRow !== null) {
    const v = ix.read(t.totalRow, col.col);
    if (v.kind === "number") {
      const cell = cellAddress(t.totalRow, col.col);
      return { value: v.n, sheet: t.sheet, cell, description: `totaal van kolom '${col.header}' in ${t.sheet}!${cell}` };
    }
  }
  const range = rangeAddress(t.dataRows[0] ?? t.top, col.col, t.dataRows[t.dataRows.length - 1] ?? t.top, col.col);
  return { value: columnSum(ix, t, col.col), sheet: t.sheet, cell: range, description: `som van kolom '${col.header}' in ${t.sheet}!${range}` };
}

function combine(parts: PlannedPart[]): PlannedPart | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return {
    value: cleanFloat(parts.reduce((s, p) => s + p.value, 0)),
    sheet: parts[0].sheet,
    cell: parts[0].cell,
    description: parts.map((p) => p.description).join(" + "),
  };
}

const ROLE_OF: Record<Part, TableRole> = { policy: "policy", coaching: "coaching", ve: "ve" };
/** Where a part's hours may stand as a column in a list, in order of preference. */
const LIST_ROLES: Record<Part, TableRole[]> = {
  policy: ["locations", "staff"],
  coaching: ["staff", "locations"],
  ve: ["ve-toddlers", "locations"],
};

/**
 * The planned hours of a part: its allocation tables, else (when `fromLists`) an hours
 * column of that part in a list. Pass fromLists = false when the part's allocation table
 * was mapped to another role: a list column would count those hours a second time.
 */
export function plannedPart(part: Part, tables: Table[], byName: Map<string, SheetIndex>, fromLists = true): PlannedPart | null {
  const own = tables.filter((t) => t.role === ROLE_OF[part]);
  if (own.length) return combine(own.map((t) => tableTotal(byName.get(t.sheet)!, t)));
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

export interface LocationHours {
  name: string;
  key: string;
  value: number | null;
  sheet: string;
  row: number;
  col: number;
}

/** VE hours per location from the VE allocation tables. */
export function veHoursPerLocation(tables: Table[], byName: Map<string, SheetIndex>): LocationHours[] {
  const out: LocationHours[] = [];
  for (const t of tables) {
    if (t.role !== "ve") continue;
    const ix = byName.get(t.sheet)!;
    const name = columnOfKind(t, "name");
    for (const r of t.dataRows) {
      const text = name ? ix.text(r, name.col) : null;
      if (!text) continue;
      const v = rowValue(ix, t, r);
      out.push({ name: text.replace(/\s+/g, " ").trim(), key: normalizeName(text), value: v.value, sheet: t.sheet, row: r, col: v.col });
    }
  }
  return out;
}
