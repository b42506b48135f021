/**
 * Tables turned on their side: the locations as columns and the figures as rows
 * ("| Zonnehof | De Speelark | Totaal" over "LRK KDV | …", "Fte | …", "Beleidsuren | …").
 * Such a block is read as a virtual sheet with rows and columns swapped, so every detector
 * and rule works on it unchanged; the result's cells are mapped back to the real sheet.
 */
import { cellAddress, parseCell, parseRange, rangeAddress } from "./a1";
import { normalizeText } from "./cell-read";
import { columnKindFromHeader } from "./tables";
import type { ColumnKind } from "./table-model";
import type { CellValue, CheckResult, DetectedTable, SheetSnapshot, WorkbookSnapshot } from "./types";

/** Row labels that name a figure of a location (what a header would say in a normal table). */
const FIGURE_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["lrk", "toddlers", "weekly", "worked", "fte", "policy", "coaching", "ve", "required"]);
/** A cheap test before the full label reading: the words a figure label holds (names of people or places hold none). */
const FIGURE_HINT = /lrk|fte|peuter|doelgroep|uren|uur|hours|beleid|policy|coach|\bv?ve\b|contract|week|norm|vereist|benodigd|toddler|registra/i;
/** The least number of such row labels under each other that make a block. */
const MIN_LABELS = 3;
/** Blocks larger than this are not turned (the work stays linear and small). */
const MAX_CELLS = 20000;

export interface TurnedBlock {
  /** The virtual sheet's name. */
  name: string;
  /** The real sheet. */
  sheet: string;
  /** Top-left cell of the block on the real sheet (the corner above the row labels). */
  top: number;
  left: number;
}

interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The filled columns of one row, ascending (raw values: the check's own cell cache is built later, once). */
function filledOf(row: CellValue[] | undefined): number[] {
  const out: number[] = [];
  if (row) for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) out.push(c);
  return out;
}

/** The first filled column of a row, or -1. */
function firstFilled(row: CellValue[] | undefined): number {
  if (row) for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return c;
  return -1;
}

function labelKind(v: CellValue | undefined): ColumnKind | null {
  if (typeof v !== "string" || v.length > 60) return null;
  return columnKindFromHeader(normalizeText(v), false).kind;
}

/** A figure: a number, or digits written as text ("520073356", "12,5"), without parsing it. */
function isFigure(v: CellValue | undefined): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const t = v.trim();
  return t.length > 0 && t.length <= 20 && /^[\d.,]+$/.test(t);
}

/** Does the row hold at least two figures right of column c? */
function twoFiguresRight(row: CellValue[], c: number): boolean {
  let n = 0;
  for (let k = c + 1; k < row.length; k++) if (isFigure(row[k]) && ++n >= 2) return true;
  return false;
}

/** Is the row's first cell a figure label with figures to its right? The label column, else -1. */
function figureRow(row: CellValue[] | undefined): number {
  const first = firstFilled(row);
  if (first < 0) return -1;
  const label = row![first];
  if (typeof label !== "string" || !FIGURE_HINT.test(label) || !twoFiguresRight(row!, first)) return -1;
  const kind = labelKind(label);
  return kind !== null && FIGURE_KINDS.has(kind) ? first : -1;
}

/** The blocks of one sheet: a column of figure labels with figures to their right, under a row of names. */
function findBlocks(s: SheetSnapshot): Block[] {
  const out: Block[] = [];
  const rows = s.values;
  for (let r = 1; r < rows.length; r++) {
    const first = figureRow(rows[r]);
    if (first < 0) continue;
    // The header: the nearest row above holding two or more text cells right of the label column and nothing in it.
    let head = r - 1;
    while (head >= 0 && firstFilled(rows[head]) < 0) head--;
    if (head < 0) continue;
    const headCols = filledOf(rows[head]);
    if (headCols.includes(first)) continue;
    const names = headCols.filter((k) => k > first && typeof rows[head][k] === "string" && !isFigure(rows[head][k]));
    if (names.length < 2) continue;
    let bottom = r;
    let labels = 0;
    for (let k = r; k < rows.length; k++) {
      if (firstFilled(rows[k]) !== first) break;
      const kk = labelKind(rows[k][first]);
      if (kk !== null && FIGURE_KINDS.has(kk)) labels++;
      bottom = k;
    }
    const right = names[names.length - 1];
    if (labels >= MIN_LABELS && (bottom - head + 1) * (right - first + 1) <= MAX_CELLS) {
      out.push({ top: head, left: first, bottom, right });
      r = bottom;
    }
  }
  return out;
}

/**
 * The workbook with every turned block moved to a virtual sheet of its own (rows and
 * columns swapped) and blanked on its real sheet. Unchanged when there is none.
 */
export function turnBlocks(wb: WorkbookSnapshot, keep: ReadonlySet<string> = new Set()): { workbook: WorkbookSnapshot; blocks: TurnedBlock[] } {
  if (!wb || !Array.isArray(wb.sheets)) return { workbook: wb, blocks: [] };
  const blocks: TurnedBlock[] = [];
  const extra: SheetSnapshot[] = [];
  const sheets = wb.sheets.map((s) => {
    if (!s || !Array.isArray(s.values) || keep.has(s.name) || s.visibility === "hidden" || s.visibility === "veryHidden") return s;
    const found = findBlocks(s);
    if (found.length === 0) return s;
    const values = s.values.map((row) => [...row]);
    const formulas = s.formulas?.map((row) => (row ? [...row] : row));
    found.forEach((b, n) => {
      const name = `${s.name} (gekanteld${found.length > 1 ? ` ${n + 1}` : ""})`;
      const tv: CellValue[][] = [];
      const tf: (string | null)[][] = [];
      for (let c = b.left; c <= b.right; c++) {
        const vr: CellValue[] = [];
        const fr: (string | null)[] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          vr.push(values[r]?.[c] ?? null);
          fr.push(formulas?.[r]?.[c] ?? null);
        }
        tv.push(vr);
        tf.push(fr);
      }
      // The corner above the row labels heads the names of the locations.
      if (tv[0][0] === null || tv[0][0] === "") tv[0][0] = "Locatie";
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          if (values[r]) values[r][c] = null;
          if (formulas?.[r]) formulas[r][c] = null;
        }
      }
      extra.push({ name, values: tv, formulas: tf });
      blocks.push({ name, sheet: s.name, top: b.top, left: b.left });
    });
    return { ...s, values, ...(formulas ? { formulas } : {}) };
  });
  return blocks.length ? { workbook: { ...wb, sheets: [...sheets, ...extra] }, blocks } : { workbook: wb, blocks };
}

/** A cell or range on a virtual sheet, on the real sheet. */
function backCell(b: TurnedBlock, cell: string): string {
  if (cell.includes(":")) {
    const r = parseRange(cell);
    if (!r) return cell;
    const a = { row: b.top + r.start.col, col: b.left + r.start.row };
    const z = { row: b.top + r.end.col, col: b.left + r.end.row };
    return rangeAddress(Math.min(a.row, z.row), Math.min(a.col, z.col), Math.max(a.row, z.row), Math.max(a.col, z.col));
  }
  const p = parseCell(cell);
  return p ? cellAddress(b.top + p.col, b.left + p.row) : cell;
}

/** Detected tables on a virtual sheet, on the real sheet. */
export function unturnTables(tables: DetectedTable[], blocks: TurnedBlock[]): DetectedTable[] {
  if (blocks.length === 0) return tables;
  const byName = new Map(blocks.map((b) => [b.name, b] as const));
  return tables.map((t) => {
    const b = byName.get(t.sheet);
    return b ? { ...t, sheet: b.sheet, range: backCell(b, t.range), reason: `${t.reason} (tabel met de locaties als kolommen)` } : t;
  });
}

/** The result with every sheet and cell of a virtual sheet mapped back to the real sheet. */
export function unturnResult(result: CheckResult, blocks: TurnedBlock[]): CheckResult {
  if (blocks.length === 0) return result;
  const byName = new Map(blocks.map((b) => [b.name, b] as const));
  const text = (s: string) => {
    let out = s;
    for (const b of blocks) out = out.split(`${b.name}!`).join(`${b.sheet}!`).split(`'${b.name}'`).join(`'${b.sheet}'`);
    return out;
  };
  const place = <T extends { sheet: string | null; cell: string | null }>(x: T): T => {
    const b = x.sheet !== null ? byName.get(x.sheet) : undefined;
    return b ? { ...x, sheet: b.sheet, cell: x.cell === null ? null : backCell(b, x.cell) } : x;
  };
  const fact = <F extends { source: { sheet: string | null; cell: string | null; description: string } } | null>(f: F): F =>
    f === null ? f : ({ ...f, source: { ...place(f.source), description: text(f.source.description) } } as F);
  return {
    ...result,
    inputs: { centres: fact(result.inputs.centres), fte: fact(result.inputs.fte), targetToddlers: fact(result.inputs.targetToddlers) },
    formation: { ...result.formation, source: result.formation.source ? { ...place(result.formation.source), description: text(result.formation.source.description) } : null },
    tables: unturnTables(result.tables, blocks),
    findings: result.findings.map((f) => ({ ...place(f), message: text(f.message) })),
    missing: result.missing.map(text),
    ...(result.realisation
      ? {
          realisation: {
            ...result.realisation,
            notCoached: result.realisation.notCoached.map((n) => place(n) as typeof n),
            where: result.realisation.where?.map(text),
          },
        }
      : {}),
  };
}
