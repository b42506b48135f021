/**
 * The tables a check reads: the ranges the mapping gives (with their roles), plus the
 * detected tables no mapped range overlaps, in sheet order; the ignored ones apart. Also
 * what follows from the set alone: findings inside an ignored table are dropped, and a
 * column of another year is no column of hours.
 */
import { IkkError } from "../errors";
import { assertMappedArea } from "./budgets";
import { parseRange, rangeAddress, type CellRef } from "./a1";
import type { Findings } from "./findings";
import { applyColumnMapping, parseMapping, type Mapping, type MappingTable } from "./mapping";
import type { Part } from "./planned";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { ColumnKind, Table } from "./table-model";
import { NUMERIC_KINDS, ROLE_DUTCH } from "./table-model";
import { buildTable, detectSheetTables } from "./tables";
import type { Finding } from "./types";

/** A mapping already parsed by parseMapping (the CLI passes one) or raw JSON to validate. */
export function resolveMapping(m: unknown): Mapping | null {
  if (m === undefined || m === null) return null;
  const o = m as Partial<Mapping>;
  if (o.version === 1 && Array.isArray(o.tables) && typeof o.facts === "object") return o as Mapping;
  return parseMapping(m);
}

function mappedTables(mapping: Mapping | null, byName: Map<string, SheetIndex>): Table[] {
  if (!mapping) return [];
  let area = 0;
  return mapping.tables.map((mt, i) => {
    const ix = byName.get(mt.sheet);
    if (!ix) throw new IkkError("ONGELDIGE_INVOER", `De koppeling noemt blad '${mt.sheet}' (tabellen[${i}].blad), maar dat blad bestaat niet in de werkmap.`);
    const mappedRange = parseRange(mt.range)!;
    const r = clipToUsed(mappedRange, ix);
    area += (r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1);
    assertMappedArea(area, i);
    const headerRows = [r.start.row];
    // A second header row: text only, nothing in the first column.
    const second = ix.filled[r.start.row + 1] ?? [];
    if (
      r.end.row > r.start.row + 1 &&
      second.length > 0 &&
      second[0] > r.start.col &&
      second.every((c) => c > r.end.col || ix.read(r.start.row + 1, c).kind === "text")
    ) {
      headerRows.push(r.start.row + 1);
    }
    const t = buildTable(ix, headerRows, r.start.col, r.end.col, r.end.row, false);
    applyColumnMapping(t, withinColumns(mt, r.end.col));
    t.role = mt.role;
    t.confidence = 1;
    t.reason = `rol '${ROLE_DUTCH[mt.role]}' opgegeven in de koppeling`;
    t.fromMapping = true;
    if (mt.role === "ignored") {
      // Listed with the range as mapped, so the panel can find the entry again.
      t.bottom = mappedRange.end.row;
      t.right = mappedRange.end.col;
      t.reason = "door de gebruiker genegeerd (rol 'negeren' in de koppeling): niet meegeteld en niet gecontroleerd";
    }
    return t;
  });
}

/**
 * A mapped range clipped to the sheet's used range (at least its first cell stays): the
 * work on `A1:XFD1048576` is the work on the cells the sheet holds, never 17 billion.
 */
function clipToUsed(r: { start: CellRef; end: CellRef }, ix: SheetIndex): { start: CellRef; end: CellRef } {
  return {
    start: r.start,
    end: {
      row: Math.max(r.start.row, Math.min(r.end.row, ix.rowCount - 1)),
      col: Math.max(r.start.col, Math.min(r.end.col, ix.colCount - 1)),
    },
  };
}

/** The user's column roles up to `right`: a role for a column past the used range names an empty column. */
function withinColumns(mt: MappingTable, right: number): MappingTable {
  if (!mt.columns) return mt;
  const columns: Record<number, ColumnKind> = {};
  for (const [key, kind] of Object.entries(mt.columns)) if (Number(key) <= right) columns[Number(key)] = kind;
  return { ...mt, columns };
}

function overlaps(a: Table, b: Table): boolean {
  return a.sheet === b.sheet && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The mapped tables, plus the detected ones no mapped range overlaps, in sheet order. */
export interface TableSet {
  /** Every table, ignored ones included (what the result lists). */
  all: Table[];
  /** The tables the engine reads: all but the ignored ones. */
  active: Table[];
  ignored: Table[];
  /**
   * Parts whose allocation table the mapping gave another role (e.g. the VE table mapped as
   * beleid): their hours count under the new role only, so the part is not filled again
   * from an hours column in a list (the VE toddler table's "uren"), which would count the
   * same hours twice.
   */
  movedParts: Set<Part>;
}

const PARTS: readonly Part[] = ["policy", "coaching", "ve"];

export function collectTables(sheets: SheetIndex[], byName: Map<string, SheetIndex>, mapping: Mapping | null): TableSet {
  const mapped = mappedTables(mapping, byName);
  const detectedAll = sheets.flatMap((ix) => detectSheetTables(ix));
  const movedParts = new Set<Part>();
  for (const d of detectedAll) {
    const part = PARTS.find((p) => p === d.role);
    if (part && mapped.some((m) => overlaps(m, d) && m.role !== d.role)) movedParts.add(part);
  }
  const detected = detectedAll.filter((t) => !mapped.some((m) => overlaps(m, t)));
  const all = [...mapped, ...detected].sort(
    (a, b) => byName.get(a.sheet)!.order - byName.get(b.sheet)!.order || a.top - b.top || a.left - b.left,
  );
  return { all, active: all.filter((t) => t.role !== "ignored"), ignored: all.filter((t) => t.role === "ignored"), movedParts };
}

/** Is the finding's cell (or range) inside one of the ignored tables? */
export function inIgnored(f: Finding, ignored: Table[]): boolean {
  if (f.sheet === null || f.cell === null || ignored.length === 0) return false;
  const r = parseRange(f.cell.includes(":") ? f.cell : `${f.cell}:${f.cell}`);
  if (!r) return false;
  return ignored.some((t) => t.sheet === f.sheet && r.start.row >= t.top && r.end.row <= t.bottom && r.start.col >= t.left && r.end.col <= t.right);
}

/**
 * A numeric column whose header names only other years ("Uren 2025" in a 2026 plan, a
 * comparison with last year) holds no hours of this year: it becomes a text column, so
 * it is neither summed nor checked, and an info finding says so.
 */
export function ignoreOtherYearColumns(tables: Table[], year: number, findings: Findings): void {
  const yearsOf = (header: string) => [...header.matchAll(/(?:^|[^\d])((?:19|20|21)\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  for (const t of tables) {
    // A toddler count dated in another year may be the only count there is; it is left out
    // only when the table also counts them for this year ("Doelgroeppeuters | 2025 | 2026").
    const toddlersThisYear = t.columns.some((c) => c.kind === "toddlers" && yearsOf(c.header).includes(year));
    for (const c of t.columns) {
      if (!NUMERIC_KINDS.has(c.kind) || (c.kind === "toddlers" && !toddlersThisYear)) continue;
      const years = yearsOf(c.header);
      if (years.length === 0 || years.includes(year)) continue;
      c.kind = "text";
      findings.add(
        RULES.OTHER_YEAR,
        "info",
        t.sheet,
        rangeAddress(t.top, c.col, t.bottom, c.col),
        `De kolom '${c.header}' gaat over ${years.join(", ")}, niet over ${year}; deze uren zijn niet meegeteld.`,
      );
    }
  }
}
