/**
 * Reading the hours spent (realisatie, issue 12) from the layouts users keep:
 * - a long list with a month or date column, hours and a part per row (a category column
 *   such as "Onderdeel" or "Activiteit", columns per part, or the part in the title), titled
 *   or on a sheet named as realised ("Realisatie 2026", "Urenregistratie") or dated per day;
 * - a wide table per month (rows = locations or parts, columns jan … dec) titled as realised;
 * - a "Gerealiseerd"/"Besteed" column beside the planned hours of an allocation table.
 * Lists and wide tables get the role "realisation" before the planned hours are read, so
 * their hours never count as planned. Linear in the cells of the tables.
 */
import { cleanFloat } from "../numbers";
import { rangeAddress } from "./a1";
import { normalizeText } from "./cell-read";
import { categoryColumns, hoursSources, rowCategory, type Part } from "./planned";
import { monthCell, monthOfHeader, monthOfText } from "./realisation-months";
import type { SheetIndex } from "./sheet-index";
import type { Table, TableColumn } from "./table-model";
import { locationColumn } from "./table-model";
import { lrkNumbers } from "./lrk-cells";
import { isBlockTotalRow, locationColumnFor } from "./table-places";
import { CATEGORY_HEADER, COACHEE_HEADER, HOURS_WORD, LOCATION_WORD, NOT_A_PART, PERSON_WORD, PLANNED_WORD, REALISATION_TITLE, REALISED_WORD, TOTAL_LABEL, partOfText } from "./vocabulary";

/** One cell of realised hours. */
export interface RealisedCell {
  part: Part;
  /** The location as written (tidied), null when the source names none. */
  location: string | null;
  hours: number;
  sheet: string;
  row: number;
  col: number;
  /** The month (1–12) the hours were spent in, null when the source has no months. */
  month: number | null;
  /** The year the month cell names ("2026-03-14"), null when it names none. */
  year: number | null;
  /** The day, when the cell is a full date; else null. */
  day: number | null;
  /** The cell the month stands in (a month column or header), for findings. */
  monthRow: number;
  monthCol: number;
  /** The staff member named on the row (coaching rows of a list), else null. */
  staff: string | null;
  /** LRK numbers on the row (a list or table with an LRK column), to match the planned location. */
  lrks?: string[];
}

/** A cell the realisation cannot read: hours that are no number, a month that is no month. */
export interface UnreadableCell {
  sheet: string;
  row: number;
  col: number;
  /** The part the row is for, null when unknown (then every part is incomplete). */
  part: Part | null;
  what: "uren" | "maand" | "onderdeel";
}

export interface RealisedRead {
  cells: RealisedCell[];
  unreadable: UnreadableCell[];
  /** Where the realised hours were read, "Blad!A3:F40" per source. */
  where: string[];
  /** Names (normalised) on the coaching rows of a list's staff column; null when no list has a staff column with a name. */
  coachedNames: Set<string> | null;
}

/** A month or date column's header. */
const MONTH_HEADER = /^(maand|month|datum|date|periode|period|dag|day)\b/;
/** A month cell written as a day: a list of days is a time sheet (hours spent). */
const DAY_TEXT = /^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;

const tidyName = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 200);

/**
 * Does the title (else the sheet name) call the table realised? A title that also names the
 * plan ("Planning en realisatie", "Planning per maand" on a sheet "Realisatie") is neither.
 */
function titledRealised(ix: SheetIndex, t: { title: string | null }, words: RegExp = REALISATION_TITLE): boolean {
  const says = (text: string | null): boolean | null => {
    if (!text) return null;
    const n = normalizeText(text.slice(0, 200));
    if (PLANNED_WORD.test(n) || /\bplan|begroting|budget/.test(n)) return false;
    return words.test(n) ? true : null;
  };
  return says(t.title) ?? says(ix.name) ?? false;
}

function monthColumn(t: Table): TableColumn | undefined {
  return t.columns.find((c) => c.kind !== "realised" && MONTH_HEADER.test(normalizeText(c.header)));
}

/** Most filled month cells are days ("2026-03-14"): a time sheet. */
function datedPerDay(ix: SheetIndex, t: Table, col: number): boolean {
  let days = 0;
  let filled = 0;
  for (const r of t.dataRows.slice(0, 200)) {
    const text = ix.text(r, col);
    if (text === null) continue;
    filled++;
    if (DAY_TEXT.test(text.trim())) days++;
  }
  return filled > 0 && days * 2 > filled;
}

/** The columns of a realisation list: month, hours per part or hours with a category, location, staff. */
interface ListShape {
  month: TableColumn;
  category: TableColumn | null;
  /** Hours columns, each with its part (null: the row's category says it). */
  hours: { col: TableColumn; part: Part | null }[];
  location: TableColumn | undefined;
  staff: TableColumn | undefined;
}

const HOURS_KINDS = new Set(["hours", "total", "realised", "coaching", "policy", "ve"]);

function listShape(ix: SheetIndex, t: Table): ListShape | null {
  const month = monthColumn(t);
  if (!month) return null;
  const location = locationColumn(t);
  const staff =
    t.columns.find((c) => c !== location && c !== month && COACHEE_HEADER.test(normalizeText(c.header))) ??
    t.columns.find((c) => c !== location && c !== month && PERSON_WORD.test(normalizeText(c.header)));
  const usable = t.columns.filter((c) => c !== month && c !== staff && c !== location && HOURS_KINDS.has(c.kind) && !NOT_A_PART.test(normalizeText(c.header)));
  const cats = categoryColumns(t);
  const category = cats?.category ?? t.columns.find((c) => c.kind === "category") ?? null;
  const titlePart = partOfText(normalizeText(`${t.title ?? ""} ${ix.name}`.slice(0, 200)));
  if (category) {
    const value = cats?.value ?? usable.find((c) => HOURS_WORD.test(normalizeText(c.header))) ?? usable[usable.length - 1];
    return value ? { month, category, hours: [{ col: value, part: null }], location, staff } : null;
  }
  const perPart = usable.map((c) => ({ col: c, part: partOfText(normalizeText(c.header)) })).filter((h) => h.part !== null);
  if (perPart.length) return { month, category: null, hours: perPart, location, staff };
  const plain = usable.find((c) => HOURS_WORD.test(normalizeText(c.header))) ?? usable[0];
  return plain && titlePart ? { month, category: null, hours: [{ col: plain, part: titlePart }], location, staff } : null;
}

/**
 * Is a detected table a realisation list (and not a planned one)? "strong" when its title,
 * sheet or hours header says realised ("Realisatie", "Besteed"); "weak" when only a time
 * sheet's words ("Logboek", "Urenregistratie") or days in the month column say so.
 */
function isRealisationList(ix: SheetIndex, t: Table): { shape: ListShape; strong: boolean } | null {
  if (t.role === "staff" || t.role === "ve-toddlers") return null;
  const shape = listShape(ix, t);
  if (!shape) return null;
  const strong = titledRealised(ix, t, REALISED_WORD) || shape.hours.some((h) => REALISED_WORD.test(normalizeText(h.col.header)));
  if (strong) return { shape, strong };
  return titledRealised(ix, t, REALISATION_TITLE) || datedPerDay(ix, t, shape.month.col) ? { shape, strong } : null;
}

/** The parts a list holds hours for (its category rows, or its hours columns). */
function listParts(ix: SheetIndex, t: Table, shape: ListShape): Set<Part> {
  const parts = new Set<Part>();
  for (const h of shape.hours) if (h.part) parts.add(h.part);
  if (shape.category) {
    for (const r of t.dataRows) {
      const p = rowCategory(ix, r, shape.category);
      if (p) parts.add(p);
      if (parts.size === 3) break;
    }
  }
  return parts;
}

/** A table per month: a header row with three or more month columns, a name column left of them. */
export interface WideTable {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  header: number;
  name: number;
  /** Month columns: column → month. */
  months: Map<number, number>;
  /** The part of every row, from the title, the name header or the sheet name; null: the row names it. */
  part: Part | null;
  /** A column beside the name headed "Onderdeel"/"Activiteit" whose cells name each row's part (the name column then names the location); else null. */
  category: number | null;
  rows: number[];
  /** A header row above the months naming each month column's part ("Beleid" over jan … aug, "Coaching" over jan … aug); null without one. */
  columnParts: Map<number, Part> | null;
  /** The month columns hold running totals ("t/m jan", "t/m feb", …): a month's hours are the step from the column before. */
  cumulative: boolean;
}

/** The month columns of a row that is a header of months (three or more, ascending, text only). */
function monthHeaderRow(ix: SheetIndex, r: number): Map<number, number> | null {
  return monthHeader(ix, r)?.months ?? null;
}

/** "t/m jan", "tot en met maart", "YTD feb", "cum. mrt": a running total up to that month. */
const CUMULATIVE_PREFIX = /^(?:t\/m|tm|tot en met|tot|ytd|cum\.?|cumulatief) /;

/**
 * The month columns of a header row (text only): ascending months, or months that start
 * again under a row above that names a part per column (two-row headers of a pivot table).
 */
function monthHeader(ix: SheetIndex, r: number): { months: Map<number, number>; columnParts: Map<number, Part> | null; cumulative: boolean } | null {
  const cols = ix.filled[r];
  if (!cols || cols.length < 3) return null;
  const found: [number, number][] = [];
  let cumulative = 0;
  for (const c of cols) {
    const text = ix.text(r, c);
    if (text === null) return null;
    const plain = normalizeText(text.trim().slice(0, 40));
    const prefix = CUMULATIVE_PREFIX.exec(plain);
    const m = monthOfHeader(prefix ? plain.slice(prefix[0].length) : text.trim());
    if (m) {
      found.push([c, m.month]);
      if (prefix) cumulative++;
    }
  }
  if (found.length < 3) return null;
  // Parts over the month columns: the row above, a part name carried to the right (merged cells).
  const columnParts = new Map<number, Part>();
  if (r > 0) {
    let carried: Part | null = null;
    const first = found[0][0];
    for (let c = first; c <= found[found.length - 1][0]; c++) {
      const above = ix.norm(r - 1, c);
      if (above !== null) carried = partOfText(above.slice(0, 200));
      if (carried !== null) columnParts.set(c, carried);
    }
  }
  const months = new Map<number, number>();
  const withParts = found.every(([c]) => columnParts.has(c)) && new Set(columnParts.values()).size > 1;
  let last = 0;
  let lastPart: Part | null = null;
  for (const [c, month] of found) {
    const part = withParts ? columnParts.get(c)! : null;
    if (part !== lastPart) last = 0; // a new part starts its months again
    if (month > last) {
      months.set(c, month);
      last = month;
      lastPart = part;
    }
  }
  if (months.size < 3 || (!withParts && cols.length < 4)) return null;
  return { months, columnParts: withParts ? columnParts : null, cumulative: cumulative === found.length };
}

function isTotalName(ix: SheetIndex, r: number, c: number): boolean {
  const n = ix.norm(r, c);
  return n !== null && TOTAL_LABEL.test(n);
}

/** A lone text cell in one of the three rows above a header row (the table's title), stopping at a row with more cells; else null. */
function titleAbove(ix: SheetIndex, r: number): string | null {
  for (let a = r - 1; a >= Math.max(0, r - 3); a--) {
    const cols = ix.filled[a] ?? [];
    if (cols.length > 1) return null;
    const text = cols.length === 1 ? ix.text(a, cols[0]) : null;
    if (text !== null) return text;
  }
  return null;
}

/** A column strictly between `name` and `firstMonth` whose cells name a part (beleid, coaching, VE) in at least half of the rows below the header, else null. */
function partNamingColumn(ix: SheetIndex, name: number, firstMonth: number, header: number, bottom: number): number | null {
  for (let c = name + 1; c < firstMonth; c++) {
    let named = 0;
    let filled = 0;
    for (let d = header + 1; d <= bottom; d++) {
      const n = ix.norm(d, c);
      if (n === null) continue;
      filled++;
      if (partOfText(n.slice(0, 200)) !== null) named++;
    }
    if (filled > 0 && named * 2 >= filled) return c;
  }
  return null;
}

/** The wide realisation tables of a sheet: titled (or headed, or on a sheet named) as realised. */
function wideTables(ix: SheetIndex): WideTable[] {
  const out: WideTable[] = [];
  for (let r = 0; r < ix.rowCount; r++) {
    const head = monthHeader(ix, r);
    if (!head) continue;
    const months = head.months;
    const firstMonth = Math.min(...months.keys());
    const lastMonth = Math.max(...months.keys());
    const name = (ix.filled[r] ?? []).find((c) => c < firstMonth) ?? Math.max(0, firstMonth - 1);
    const nameHeader = ix.text(r, name);
    const title = titleAbove(ix, r);
    const words = normalizeText(`${title ?? ""} ${nameHeader ?? ""} ${ix.name}`.slice(0, 300));
    // Running totals "t/m jan … t/m okt" are hours spent so far by their own headers; other month tables need a title or sheet name.
    if (!head.cumulative && !titledRealised(ix, { title: `${title ?? ""} ${nameHeader ?? ""}`.trim() || null })) continue;
    const rows: number[] = [];
    let bottom = r;
    for (let d = r + 1; d < ix.rowCount; d++) {
      const cols = ix.filled[d] ?? [];
      if (cols.length === 0 || monthHeaderRow(ix, d)) break;
      bottom = d;
      if (isTotalName(ix, d, name)) break;
      rows.push(d);
    }
    let nameIsCategory = nameHeader !== null && CATEGORY_HEADER.test(normalizeText(nameHeader));
    // "Locatie | Onderdeel | jan … dec": a category column between the name and the months says each row's part.
    let category = nameIsCategory ? null : (ix.filled[r] ?? []).find((c) => c > name && c < firstMonth && CATEGORY_HEADER.test(ix.norm(r, c) ?? "")) ?? null;
    // A column without a header between the name and the months whose cells name a part in most rows ("beleidsuren", "coachuren").
    if (!nameIsCategory && category === null) category = partNamingColumn(ix, name, firstMonth, r, bottom);
    let nameCol = name;
    // "Onderdeel | Locatie | K1 … K4": the category first, a location column after it.
    const placeAfter = nameIsCategory ? (ix.filled[r] ?? []).find((c) => c > name && c < firstMonth && LOCATION_WORD.test(ix.norm(r, c) ?? "")) : undefined;
    if (placeAfter !== undefined) {
      category = name;
      nameCol = placeAfter;
      nameIsCategory = false;
    }
    const part = nameIsCategory || category !== null ? null : partOfText(words);
    out.push({ sheet: ix.name, top: r, left: name, bottom, right: lastMonth, header: r, name: nameCol, months, part: head.columnParts ? null : part, category, rows, columnParts: head.columnParts, cumulative: head.cumulative });
    r = bottom;
  }
  return out;
}

/**
 * A table with the months down its first column ("Maand | KDV De Kikker | BSO De Kikker |
 * Totaal", a row per month): each other column is a location of the part the title or
 * sheet names ("Beleid besteed"), or a part itself ("Maand | Beleid | Coaching").
 */
export interface TallTable {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  header: number;
  /** The column holding the months. */
  monthCol: number;
  columns: { col: number; part: Part; location: string | null }[];
  /** The month rows: row → month and the year the cell names. */
  rows: { row: number; month: number; year: number | null }[];
}

/** The month rows below a header row in column c: three or more, ascending, each a month name alone. */
function monthRowsBelow(ix: SheetIndex, header: number, c: number): { row: number; month: number; year: number | null }[] {
  const rows: { row: number; month: number; year: number | null }[] = [];
  let last = 0;
  for (let d = header + 1; d < ix.rowCount; d++) {
    const text = ix.text(d, c);
    const m = text === null ? null : monthOfHeader(text.trim());
    if (!m || m.month <= last) break;
    rows.push({ row: d, month: m.month, year: m.year ?? null });
    last = m.month;
  }
  return rows;
}

/** The tables of a sheet with months in rows, titled (or on a sheet named) as realised; a column holding text is a list, never such a table. */
function tallTables(ix: SheetIndex): TallTable[] {
  const out: TallTable[] = [];
  for (let r = 0; r < ix.rowCount - 3; r++) {
    const cols = ix.filled[r];
    if (!cols || cols.length < 2) continue;
    const monthCol = cols[0];
    if (ix.text(r + 1, monthCol) === null) continue;
    const rows = monthRowsBelow(ix, r, monthCol);
    if (rows.length < 3) continue;
    const title = titleAbove(ix, r);
    const first = ix.text(r, monthCol);
    if (!titledRealised(ix, { title: `${title ?? ""} ${first ?? ""}`.trim() || null })) continue;
    const tablePart = partOfText(normalizeText(`${title ?? ""} ${ix.name}`.slice(0, 300)));
    const columns: TallTable["columns"] = [];
    let list = false;
    for (const c of cols.slice(1)) {
      const h = ix.text(r, c);
      if (h === null) {
        list = true; // a number in the header row: no table of this shape
        break;
      }
      const n = normalizeText(h.slice(0, 200));
      if (n.trim() === "" || TOTAL_LABEL.test(n) || NOT_A_PART.test(n)) continue;
      if (rows.some((m) => ix.read(m.row, c).kind === "text" && hoursOf(ix, m.row, c) !== "blank")) {
        list = true; // text under a header: a list (month, location, part, hours), read as a list
        break;
      }
      const headerPart = partOfText(n);
      if (headerPart !== null) columns.push({ col: c, part: headerPart, location: null });
      else if (tablePart !== null) columns.push({ col: c, part: tablePart, location: tidyName(h) });
    }
    if (list || columns.length === 0) continue;
    let bottom = rows[rows.length - 1].row;
    const after = bottom + 1;
    if (after < ix.rowCount && isTotalName(ix, after, monthCol)) bottom = after;
    out.push({ sheet: ix.name, top: r, left: monthCol, bottom, right: Math.max(...cols), header: r, monthCol, columns, rows });
    r = bottom;
  }
  return out;
}

function readTall(ix: SheetIndex, t: TallTable, out: RealisedRead): void {
  for (const m of t.rows) {
    for (const c of t.columns) {
      const hours = hoursOf(ix, m.row, c.col);
      if (hours === "blank") continue;
      if (hours === "unreadable") {
        out.unreadable.push({ sheet: t.sheet, row: m.row, col: c.col, part: c.part, what: "uren" });
        continue;
      }
      out.cells.push({ part: c.part, location: c.location, hours, sheet: t.sheet, row: m.row, col: c.col, month: m.month, year: m.year, day: null, monthRow: m.row, monthCol: t.monthCol, staff: null });
    }
  }
  out.where.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
}

function overlapsWide(t: Table, w: WideTable | TallTable): boolean {
  return t.sheet === w.sheet && t.top <= w.bottom && w.top <= t.bottom && t.left <= w.right && w.left <= t.right;
}

/** What markRealisation found: the realisation lists (with their shapes) and the wide tables. */
export interface RealisationSources {
  lists: { table: Table; shape: ListShape }[];
  wide: WideTable[];
  /** Tables with the months in rows. */
  tall: TallTable[];
}

/**
 * Finds the realisation lists and wide tables and gives every detected table among them
 * (or overlapping a wide one) the role "realisation", so no planned figure reads them.
 * Only when the workbook plans its hours elsewhere: a workbook whose only hours are such a
 * list ("Urenregistratie" of the year) is read as before, the list being its plan.
 * Mapped tables keep their role; one mapped as "realisatie" is read as a list.
 */
export function markRealisation(sheets: SheetIndex[], tables: Table[], byName: Map<string, SheetIndex>): RealisationSources {
  const lists: { table: Table; shape: ListShape }[] = [];
  const found: { table: Table; shape: ListShape; strong: boolean }[] = [];
  for (const t of tables) {
    const ix = byName.get(t.sheet)!;
    if (t.fromMapping) {
      const shape = t.role === "realisation" ? listShape(ix, t) : null;
      if (shape) lists.push({ table: t, shape });
      continue;
    }
    const is = isRealisationList(ix, t);
    if (is) found.push({ table: t, ...is });
  }
  const wide = sheets.flatMap((ix) => wideTables(ix));
  const tall = sheets.flatMap((ix) => tallTables(ix));
  if (found.length === 0 && wide.length === 0 && tall.length === 0) return { lists, wide: [], tall: [] };
  const grids = [...wide, ...tall];
  const taken = (t: Table) => found.some((l) => l.table === t) || grids.some((w) => overlapsWide(t, w));
  const others = tables.filter((t) => !taken(t));
  const plannedParts = new Set((["policy", "coaching", "ve"] as const).filter((p) => hoursSources(p, others, byName).length > 0));
  if (plannedParts.size === 0) return { lists, wide: [], tall: [] };
  for (const l of found) {
    // A time sheet known only by its words or its days stays the plan of a part planned nowhere else (a VE log).
    if (!l.strong && [...listParts(byName.get(l.table.sheet)!, l.table, l.shape)].some((p) => !plannedParts.has(p))) continue;
    l.table.role = "realisation";
    l.table.confidence = 0.8;
    l.table.reason = `kolom '${l.shape.month.header}' met uren per maand of datum, als besteed benoemd: gerealiseerde uren, niet de planning`;
    lists.push({ table: l.table, shape: l.shape });
  }
  for (const w of grids) {
    for (const t of tables) {
      if (t.fromMapping || !overlapsWide(t, w) || lists.some((l) => l.table === t)) continue;
      t.role = "realisation";
      t.confidence = 0.8;
      t.reason = "uren per maand, als besteed benoemd: gerealiseerde uren, niet de planning";
    }
  }
  const free = <T extends WideTable | TallTable>(w: T) => !lists.some((l) => overlapsWideList(l.table, w));
  return { lists, wide: wide.filter(free), tall: tall.filter(free) };
}

const overlapsWideList = (t: Table, w: WideTable | TallTable) => overlapsWide(t, w) && t.role === "realisation" && monthColumn(t) !== undefined;

/** The hours in one cell: a number ≥ 0, blank (none), or unreadable. */
function hoursOf(ix: SheetIndex, r: number, c: number): number | "blank" | "unreadable" {
  const v = ix.read(r, c);
  if (v.kind === "number") return v.n >= 0 ? v.n : "unreadable";
  if (v.kind === "blank") return "blank";
  if (v.kind === "text" && /^(-|–|n\.?v\.?t\.?)$/.test(v.text.trim().toLowerCase())) return "blank";
  return "unreadable";
}

function readList(ix: SheetIndex, t: Table, shape: ListShape, out: RealisedRead): void {
  const lrk = t.columns.find((c) => c.kind === "lrk");
  let month: { month: number; year: number | null; day: number | null } | null = null;
  let place: string | null = null;
  for (const r of t.dataRows) {
    const mc = monthCell(ix.read(r, shape.month.col));
    if (mc.kind === "month") month = { month: mc.month, year: mc.year, day: mc.day ?? null };
    const loc = shape.location ? ix.text(r, shape.location.col) : null;
    if (loc !== null && loc.trim() !== "") place = tidyName(loc);
    const part = shape.category ? rowCategory(ix, r, shape.category) : null;
    const staffText = shape.staff ? ix.text(r, shape.staff.col) : null;
    for (const h of shape.hours) {
      const hours = hoursOf(ix, r, h.col.col);
      if (hours === "blank") continue;
      const rowPart = h.part ?? part;
      if (rowPart === null && shape.category) {
        // Another activity ("Overleg") is not counted; hours without any category are unreadable.
        if (hours !== 0 && ix.read(r, shape.category.col).kind === "blank") out.unreadable.push({ sheet: t.sheet, row: r, col: shape.category.col, part: null, what: "onderdeel" });
        continue;
      }
      if (hours === "unreadable") {
        out.unreadable.push({ sheet: t.sheet, row: r, col: h.col.col, part: rowPart, what: "uren" });
        continue;
      }
      if (mc.kind === "unreadable" || month === null) {
        out.unreadable.push({ sheet: t.sheet, row: r, col: shape.month.col, part: rowPart, what: "maand" });
        continue;
      }
      out.cells.push({
        part: rowPart!,
        location: place,
        hours,
        sheet: t.sheet,
        row: r,
        col: h.col.col,
        month: month.month,
        year: month.year,
        day: month.day,
        monthRow: r,
        monthCol: shape.month.col,
        staff: staffText !== null && staffText.trim() !== "" && rowPart === "coaching" ? staffText : null,
        lrks: lrk ? lrkNumbers(ix, r, lrk.col) : undefined,
      });
    }
  }
  out.where.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
}

function readWide(ix: SheetIndex, w: WideTable, out: RealisedRead): void {
  let place: string | null = null;
  for (const r of w.rows) {
    const name = ix.text(r, w.name);
    const partCol = w.category ?? w.name;
    const partText = ix.text(r, partCol);
    const rowNorm = partText === null ? null : normalizeText(partText.slice(0, 200));
    const rowPart = w.part ?? (rowNorm === null ? null : partOfText(rowNorm));
    const named = (w.part !== null || w.category !== null || w.columnParts !== null) && name !== null && name.trim() !== "" ? tidyName(name) : null;
    // With a category column the location is written once over its part rows (merged or left blank below).
    if (named !== null || w.category === null) place = named;
    const location = place;
    // Running totals: each month's hours are the step from the last filled month before it.
    let runningBefore = 0;
    for (const [c, m] of w.months) {
      const part = w.columnParts?.get(c) ?? rowPart;
      let hours = hoursOf(ix, r, c);
      if (w.cumulative && typeof hours === "number") {
        const step = cleanFloat(hours - runningBefore);
        if (step < 0) hours = "unreadable"; // a running total that goes down
        else {
          runningBefore = hours;
          hours = step;
        }
      }
      if (hours === "blank" || (hours === 0 && part === null)) continue;
      if (part === null) {
        if (w.part === null && rowNorm !== null) break; // another activity
        out.unreadable.push({ sheet: w.sheet, row: r, col: partCol, part: null, what: "onderdeel" });
        break;
      }
      if (hours === "unreadable") {
        out.unreadable.push({ sheet: w.sheet, row: r, col: c, part, what: "uren" });
        continue;
      }
      const header = ix.text(w.header, c);
      const year = header ? monthOfText(header)?.year ?? null : null;
      out.cells.push({ part, location, hours, sheet: w.sheet, row: r, col: c, month: m, year, day: null, monthRow: w.header, monthCol: c, staff: null });
    }
  }
  out.where.push(`${w.sheet}!${rangeAddress(w.top, w.left, w.bottom, w.right)}`);
}

/** The "Gerealiseerd"/"Besteed" columns beside the planned hours of allocation and location tables, for parts no list gives. */
function readBesidePlan(tables: Table[], byName: Map<string, SheetIndex>, done: Set<Part>, out: RealisedRead): void {
  const ROLE_PART: Partial<Record<string, Part>> = { policy: "policy", coaching: "coaching", ve: "ve" };
  for (const t of tables) {
    if (!["policy", "coaching", "ve", "locations", "ve-toddlers"].includes(t.role)) continue;
    const ix = byName.get(t.sheet)!;
    for (const c of t.columns) {
      if (c.kind !== "realised") continue;
      const part = partOfText(normalizeText(c.header)) ?? ROLE_PART[t.role] ?? null;
      if (part === null || done.has(part)) continue;
      const loc = locationColumnFor(t, c.col) ?? locationColumn(t);
      const lrk = t.columns.find((x) => x.kind === "lrk");
      for (const r of t.dataRows) {
        if (isBlockTotalRow(ix, t, r, c.col)) continue;
        const hours = hoursOf(ix, r, c.col);
        if (hours === "blank") continue;
        if (hours === "unreadable") {
          out.unreadable.push({ sheet: t.sheet, row: r, col: c.col, part, what: "uren" });
          continue;
        }
        const name = loc ? ix.text(r, loc.col) : null;
        const location = name !== null && name.trim() !== "" ? tidyName(name) : null;
        out.cells.push({ part, location, hours, sheet: t.sheet, row: r, col: c.col, month: null, year: null, day: null, monthRow: r, monthCol: c.col, staff: null, lrks: lrk ? lrkNumbers(ix, r, lrk.col) : undefined });
      }
      out.where.push(`${t.sheet}!${rangeAddress(t.top, c.col, t.bottom, c.col)}`);
    }
  }
}

/** Every realised cell of the sources; columns beside the plan only for parts no list or wide table gives. */
export function readRealised(sources: RealisationSources, tables: Table[], byName: Map<string, SheetIndex>): RealisedRead {
  const out: RealisedRead = { cells: [], unreadable: [], where: [], coachedNames: null };
  for (const l of sources.lists) readList(byName.get(l.table.sheet)!, l.table, l.shape, out);
  for (const w of sources.wide) readWide(byName.get(w.sheet)!, w, out);
  for (const t of sources.tall) readTall(byName.get(t.sheet)!, t, out);
  const done = new Set<Part>([...out.cells.map((c) => c.part), ...out.unreadable.flatMap((u) => (u.part ? [u.part] : []))]);
  readBesidePlan(tables, byName, done, out);
  const names = out.cells.flatMap((c) => (c.staff !== null ? [normalizeText(c.staff.slice(0, 200)).trim()] : []));
  if (names.length) out.coachedNames = new Set(names);
  return out;
}
