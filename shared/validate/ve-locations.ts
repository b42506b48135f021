/**
 * VE per location (from 2022 the VE norm is 10 h per doelgroeppeuter PER LOCATION; a
 * surplus at one location never covers another, see docs/regels.md): the toddlers per
 * location, the planned VE hours per location from every source that holds them, and the
 * match between the two. Rows of one location (groups, per-coach blocks) are summed first;
 * the key is the LRK number when both sides have one, else the location name through
 * locationKey(). A row that could belong to two locations is ambiguous, never guessed.
 */
import { cleanFloat } from "../numbers";
import { rangeAddress } from "./a1";
import { normalizeText } from "./cell-read";
import type { ReadCell } from "./cell-read";
import { LRK_SHAPE, lrkNumbers } from "./lrk-cells";
import { hoursSources, partColumns, rowCategory, rowValue, type HoursSource, type Part } from "./planned";
import type { SheetIndex } from "./sheet-index";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind, NO_TODDLERS } from "./table-model";
import { groupColumn, isBlockTotalRow, locationColumnFor, matrixColumns } from "./table-places";

/** One row of a VE toddler source: a location (or a group of one) with its doelgroeppeuters. */
export interface ToddlerLocation {
  name: string;
  key: string;
  /** Valid (nine-digit) LRK numbers on the row, if the table has an LRK column. */
  lrks: string[];
  toddlers: number;
  sheet: string;
  row: number;
  col: number;
}

/** One row of a VE hours source. */
export interface HoursRow {
  name: string;
  key: string;
  lrks: string[];
  /** The row's hours; null when blank or unknown (see unknownCol). */
  value: number | null;
  sheet: string;
  row: number;
  /** The cell findings point at (the hours cell, or the row total). */
  col: number;
  /** The cell without a known value (formula without result, error value, negative, text) the row depends on, else null. */
  unknownCol: number | null;
}

/** A location: its toddler rows and the hours rows matched to it. */
export interface VeSite {
  name: string;
  key: string;
  lrks: string[];
  toddlers: number;
  toddlerRows: ToddlerLocation[];
  hoursRows: HoursRow[];
}

/** Longest name text looked at: a location name is short; longer cell text is cut, so every pattern stays linear. */
const MAX_NAME = 200;

/**
 * The one normalisation of a location name for matching between tables, in this order:
 * lower case without accents; parenthesised parts dropped ("(VE)", "(2 groepen)");
 * quotes dropped; group suffixes dropped ("groep 1", "groep B", "groep II", "group 2",
 * a lone "groep", "peuters", "- peuters"); kinds of care and filler words dropped (kdv,
 * bso, psz, slg, do, kov, vve, ve, locatie, location, kindercentrum, kinderdagverblijf,
 * peuterspeelzaal, speelleergroep, peutergroep, opvang); other punctuation becomes a space.
 * "KDV\nDommelen", "Dommelen groep 2", "Locatie Dommelen (VE)" and "kdv/psz Dommelen - peuters"
 * all give "dommelen". A name that is nothing but such words keeps its plain normalised text.
 */
export function locationKey(name: string): string {
  const plain = normalizeText(name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name);
  // Most names hold none of the words and signs below: no new strings for them.
  if (SIMPLE_NAME.test(plain) && !NAME_NOISE.test(plain)) return plain;
  const t = plain
    .replace(/\([^()]*\)/g, " ")
    .replace(/['"]/g, "")
    .replace(/\b(?:groep|group)\s+(?:\d+|[a-z]|[ivx]+)\b/g, " ")
    .replace(NAME_NOISE_ALL, " ")
    .replace(/[^a-z0-9&]+/g, " ")
    .trim();
  return t === "" ? plain : t;
}

/** Lower-case words and digits with single spaces between them. */
const SIMPLE_NAME = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const NOISE_WORDS =
  "\\b(?:groep|group|peuters?|kdv|bso|psz|slg|do|kov|vve|ve|locatie|location|kindercentrum|kinderdagverblijf|peuterspeelzaal|speelleergroep|peutergroep|opvang)\\b";
const NAME_NOISE = new RegExp(NOISE_WORDS);
const NAME_NOISE_ALL = new RegExp(NOISE_WORDS, "g");

const NO_LRK: string[] = [];
/** A name as shown in findings: one line, single spaces, at most MAX_NAME characters. */
const tidy = (s: string) => (s.length <= MAX_NAME && !/\s\s|[\t\n\r]|^\s|\s$/.test(s) ? s : s.replace(/\s+/g, " ").trim().slice(0, MAX_NAME));

interface RowPlace {
  /** The location name as written (a blank cell on a group row: the name above, as in a merged cell); null when none. */
  name: string | null;
  /** locationKey(name), "" without a name. */
  key: string;
  lrks: string[];
  /** The location cell holds a total label ("Totaal" of a block inside the table): no location, its figures are a sum. */
  total?: boolean;
}

/** Name and LRK numbers of every data row of a table for the figures in column `col`, in dataRows order. */
/** rowPlaces per table and location column: the toddlers and the hours of one table share them. */
const placesMemo = new WeakMap<Table, Map<number, RowPlace[]>>();

function rowPlaces(ix: SheetIndex, t: Table, col: number): RowPlace[] {
  const loc = locationColumnFor(t, col);
  const memoKey = loc ? loc.col : -1;
  let byLoc = placesMemo.get(t);
  const known = byLoc?.get(memoKey);
  if (known) return known;
  // The LRK column of the same block: the one whose nearest location column is `loc`.
  const lrk = t.columns.find((c) => c.kind === "lrk" && locationColumnFor(t, c.col) === loc);
  // A location written once over its rows: carried down over its groups, or over its categories in a category list.
  const group = groupColumn(t) ?? (t.role === "mixed" ? columnOfKind(t, "category") : undefined);
  let last: string | null = null;
  const out = t.dataRows.map((r): RowPlace => {
    // A "Totaal" of a block inside the table (side-by-side blocks) is no location.
    if (isBlockTotalRow(ix, t, r, col)) {
      last = null;
      return { name: null, key: "", lrks: NO_LRK, total: true };
    }
    let name = loc ? ix.text(r, loc.col) : null;
    if (name !== null && name.trim() === "") name = null;
    if (name === null && group && group !== loc && ix.text(r, group.col) !== null) name = last;
    if (name !== null) last = name;
    const lrks = lrk ? lrkNumbers(ix, r, lrk.col).filter((x) => LRK_SHAPE.test(x)) : NO_LRK;
    if (name === null) return { name: null, key: "", lrks };
    const shown = tidy(name);
    return { name: shown, key: locationKey(shown), lrks };
  });
  if (!byLoc) placesMemo.set(t, (byLoc = new Map()));
  byLoc.set(memoKey, out);
  return out;
}

/** The tables the toddlers per location are read from: the VE toddler tables, else a location list with a toddler column. */
export function toddlerTables(tables: Table[]): Table[] {
  const own = tables.filter((t) => t.role === "ve-toddlers" && columnOfKind(t, "toddlers"));
  return own.length ? own : tables.filter((t) => t.role === "locations" && columnOfKind(t, "toddlers"));
}

/** A toddler cell that can be read: a number, or blank / "n.v.t." / "-" (none here). Anything else makes the total unknown. */
export type ToddlerCell = { kind: "count"; n: number } | { kind: "none" } | { kind: "unreadable" };

export function toddlerCell(v: ReadCell): ToddlerCell {
  if (v.kind === "blank" || (v.kind === "text" && NO_TODDLERS.test(v.text.trim()))) return { kind: "none" };
  if (v.kind === "number") return v.n < 0 ? { kind: "unreadable" } : { kind: "count", n: v.n };
  return { kind: "unreadable" };
}

export interface ToddlerRead {
  locations: ToddlerLocation[];
  /** The tables read, as "sheet!range" is built by the caller. */
  tables: Table[];
  unreadable: number;
  firstUnreadable: { sheet: string; row: number; col: number } | null;
}

/**
 * The doelgroeppeuters per row of the toddler tables. A negative count stays listed (the
 * location check reports it at its cell) and also counts as unreadable.
 */
export function readToddlers(tables: Table[], byName: Map<string, SheetIndex>): ToddlerRead {
  const out: ToddlerRead = { locations: [], tables: toddlerTables(tables), unreadable: 0, firstUnreadable: null };
  for (const t of out.tables) {
    const ix = byName.get(t.sheet)!;
    const tc = columnOfKind(t, "toddlers")!;
    const places = rowPlaces(ix, t, tc.col);
    t.dataRows.forEach((r, i) => {
      if (places[i].total) return;
      const v = ix.read(r, tc.col);
      if (toddlerCell(v).kind === "unreadable") {
        out.unreadable++;
        out.firstUnreadable ??= { sheet: t.sheet, row: r, col: tc.col };
      }
      if (v.kind !== "number") return;
      const p = places[i];
      const name = p.name ?? `rij ${r + 1}`;
      out.locations.push({ name, key: p.name === null ? locationKey(name) : p.key, lrks: places[i].lrks, toddlers: v.n, sheet: t.sheet, row: r, col: tc.col });
    });
  }
  return out;
}

/** The value of one hours cell in a list column: blank and "n.v.t." are none; text, errors, formulas without result and negatives are unknown. */
function columnHours(v: ReadCell): { value: number | null; unknown: boolean } {
  if (v.kind === "number") return v.n < 0 ? { value: null, unknown: true } : { value: v.n, unknown: false };
  if (v.kind === "blank" || (v.kind === "text" && NO_TODDLERS.test(v.text.trim()))) return { value: null, unknown: false };
  return { value: null, unknown: true };
}

/** The first part or total cell of an allocation-table row that holds text (not a "none" word), else null. */
function textCell(ix: SheetIndex, t: Table, r: number): number | null {
  for (const c of partColumns(t).concat(columnOfKind(t, "total") ?? [])) {
    const v = ix.read(r, c.col);
    if (v.kind === "text" && !NO_TODDLERS.test(v.text.trim())) return c.col;
  }
  return null;
}

/** The VE hours of a matrix per place: each place column's sum over the people, at its Totaal cell when there is one. */
function matrixRows(ix: SheetIndex, t: Table, places: TableColumn[], out: HoursRow[]): void {
  for (const c of places) {
    let sum = 0;
    let unknownRow: number | null = null;
    for (const r of t.dataRows) {
      const h = columnHours(ix.read(r, c.col));
      if (h.unknown) unknownRow ??= r;
      else if (h.value !== null) sum += h.value;
    }
    const name = tidy(c.header);
    const at = unknownRow ?? t.totalRow ?? t.dataRows[0] ?? t.top;
    out.push({ name, key: locationKey(name), lrks: NO_LRK, value: unknownRow === null ? cleanFloat(sum) : null, sheet: t.sheet, row: at, col: c.col, unknownCol: unknownRow === null ? null : c.col });
  }
}

function sourceRows(ix: SheetIndex, s: HoursSource, out: HoursRow[], part: Part = "ve"): void {
  const t = s.table;
  const matrix = s.col === null && !s.category ? matrixColumns(t) : null;
  if (matrix) {
    matrixRows(ix, t, matrix, out);
    return;
  }
  const places = rowPlaces(ix, t, s.col ? s.col.col : t.left);
  t.dataRows.forEach((r, i) => {
    const name = places[i].name;
    if (name === null) return;
    // A category list: only the rows of the part (VE for the VE check).
    if (s.category && rowCategory(ix, r, s.category) !== part) return;
    let value: number | null;
    let col: number;
    let unknownCol: number | null;
    if (s.col) {
      const h = columnHours(ix.read(r, s.col.col));
      value = h.value;
      col = s.col.col;
      unknownCol = h.unknown ? col : null;
    } else {
      const v = rowValue(ix, t, r);
      value = v.value;
      col = v.col;
      unknownCol = v.unknownCol ?? (v.value === null ? textCell(ix, t, r) : null);
    }
    out.push({ name, key: places[i].key, lrks: places[i].lrks, value, sheet: t.sheet, row: r, col, unknownCol });
  });
}

export interface VeHours {
  /** Every named row of every VE hours source. */
  rows: HoursRow[];
  /** Where the VE hours were read ("sheet!range" per table or column); empty when there is no VE hours source at all. */
  where: string[];
}

/** The VE hours per row from the same sources as the planned VE total (see hoursSources). */
export function veHoursPerLocation(tables: Table[], byName: Map<string, SheetIndex>, fromLists = true): VeHours {
  const sources = hoursSources("ve", tables, byName, fromLists);
  const rows: HoursRow[] = [];
  const where: string[] = [];
  for (const s of sources) {
    sourceRows(byName.get(s.table.sheet)!, s, rows);
    const t = s.table;
    where.push(`${t.sheet}!${s.col ? rangeAddress(t.top, s.col.col, t.bottom, s.col.col) : rangeAddress(t.top, t.left, t.bottom, t.right)}`);
  }
  return { rows, where };
}

/** The planned hours of any part per row, from the same sources as its planned total (the realisation per location). */
export function partHoursPerLocation(part: Part, tables: Table[], byName: Map<string, SheetIndex>, fromLists = true): HoursRow[] {
  const rows: HoursRow[] = [];
  for (const s of hoursSources(part, tables, byName, fromLists)) sourceRows(byName.get(s.table.sheet)!, s, rows, part);
  return rows;
}

export interface VeMatch {
  sites: VeSite[];
  /** Rows that fit more than one location: not counted for any; the check is incomplete. */
  ambiguous: { row: HoursRow | ToddlerLocation; sites: VeSite[] }[];
  /** Hours rows that fit no location with toddlers (they cover nothing else). */
  unmatched: HoursRow[];
}

const shares = (a: string[], b: string[]) => a.some((x) => b.includes(x));

/** Names with more words than this are matched on their whole key only (keeps "one name inside the other" bounded per row). */
const MAX_WORDS = 12;

/** Every run of consecutive words of a key ("a b c" → "a", "a b", "a b c", "b", "b c", "c"). */
function wordRuns(key: string): string[] {
  const words = key.split(" ");
  if (words.length > MAX_WORDS) return [key];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length; j++) out.push(words.slice(i, j).join(" "));
  return out;
}

/** Index of sites by LRK number, by key and by every run of words of their key (for "one name inside the other"). */
class SiteIndex {
  readonly byLrk = new Map<string, VeSite>();
  readonly byKey = new Map<string, VeSite[]>();
  private readonly byRun = new Map<string, VeSite[]>();

  add(site: VeSite): void {
    for (const l of site.lrks) this.byLrk.set(l, site);
    push(this.byKey, site.key, site);
    for (const run of new Set(wordRuns(site.key))) push(this.byRun, run, site);
  }

  addLrks(site: VeSite, lrks: string[]): void {
    for (const l of lrks) {
      if (site.lrks.includes(l)) continue;
      site.lrks.push(l);
      this.byLrk.set(l, site);
    }
  }

  /** Sites whose key is inside `key` or holds it, word for word: bounded per row, whatever the number of sites. */
  inside(key: string): VeSite[] {
    // More than two candidates is ambiguous however many there are: a few are enough to name.
    const found = new Set<VeSite>((this.byRun.get(key) ?? []).slice(0, 5));
    for (const run of wordRuns(key)) for (const s of (this.byKey.get(run) ?? []).slice(0, 5)) found.add(s);
    return [...found];
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Which sites a row belongs to: by LRK number when the row and a site both have one;
 * else the same key among the sites without a different LRK number; else one name inside
 * the other. More than one result is ambiguous.
 */
function candidates(ix: SiteIndex, key: string, lrks: string[]): VeSite[] {
  const byLrk = new Set<VeSite>();
  for (const l of lrks) {
    const s = ix.byLrk.get(l);
    if (s) byLrk.add(s);
  }
  if (byLrk.size) return [...byLrk];
  // A site with LRK numbers other than the row's is another location, whatever its name.
  const fits = (s: VeSite) => lrks.length === 0 || s.lrks.length === 0 || shares(s.lrks, lrks);
  const exact = (ix.byKey.get(key) ?? []).filter(fits);
  if (exact.length) return exact;
  return ix.inside(key).filter(fits);
}

/**
 * Groups the toddler rows into locations (rows of one LRK number or one key are one
 * location) and matches every hours row to its location. Linear in the rows, apart from
 * names that share words.
 */
export function matchVeLocations(toddlers: ToddlerLocation[], hours: HoursRow[]): VeMatch {
  const ix = new SiteIndex();
  const out: VeMatch = { sites: [], ambiguous: [], unmatched: [] };
  // Rows with an LRK number first, so a row without one joins the location of its name.
  const ordered = [...toddlers.filter((t) => t.lrks.length > 0), ...toddlers.filter((t) => t.lrks.length === 0)];
  for (const t of ordered) {
    let site: VeSite | undefined;
    if (t.lrks.length) {
      site = t.lrks.map((l) => ix.byLrk.get(l)).find((s) => s !== undefined);
      if (!site) {
        const same = (ix.byKey.get(t.key) ?? []).filter((s) => s.lrks.length === 0);
        if (same.length === 1) site = same[0];
      }
    } else {
      const same = ix.byKey.get(t.key) ?? [];
      if (same.length > 1) {
        out.ambiguous.push({ row: t, sites: same });
        continue;
      }
      site = same[0];
    }
    if (!site) {
      site = { name: t.name, key: t.key, lrks: [], toddlers: 0, toddlerRows: [], hoursRows: [] };
      out.sites.push(site);
      ix.add(site);
    }
    ix.addLrks(site, t.lrks);
    site.toddlerRows.push(t);
    site.toddlers += t.toddlers;
  }
  for (const h of hours) {
    const c = candidates(ix, h.key, h.lrks);
    if (c.length === 1) c[0].hoursRows.push(h);
    else if (c.length > 1) out.ambiguous.push({ row: h, sites: c });
    else out.unmatched.push(h);
  }
  return out;
}

const TODDLER_HINT = /peuter|doelgroep/i;
/** A label that counts doelgroeppeuters ("Doelgroeppeuters", "Aantal VE-doelgroeppeuters", "VVE-peuters"). */
const TODDLER_LABEL = /^(aantal\s)?(v?ve[-: ]{0,3})?(doelgroep\s?peuters?|doelgroepkinderen|peuters met (een )?v?ve[- ]?indicatie)\b/;
/** Words after the toddler word that name no location ("per 1 januari 2026", "totaal", "op peildatum"). */
const GENERIC_REST = new Set(
  "totaal total per op de het in van aantal peildatum januari jan locatie locaties vestiging vestigingen alle met ve vve indicatie ve-indicatie organisatie houder kinderen peuters doelgroep stuks".split(" "),
);

/** The location a toddler label names ("Doelgroeppeuters PSZ Het Kabouterhuis"), or null (a generic label). */
export function toddlerLabelLocation(normalized: string): string | null {
  const m = TODDLER_LABEL.exec(normalized);
  if (!m) return null;
  const rest = normalized
    .slice(m[0].length)
    .replace(/[():;,.–-]/g, " ")
    .trim();
  const words = rest.split(" ").filter((w) => w !== "" && !/\d/.test(w));
  return words.some((w) => w.length >= 3 && !GENERIC_REST.has(w)) ? rest : null;
}

/**
 * Toddler counts written as labels per location, outside any table: "Doelgroeppeuters PSZ
 * Het Kabouterhuis | 5", or "Doelgroeppeuters | PSZ Helmond | 3" (the name in the cell
 * after the label). Used when there is no toddler table.
 */
export function labelledToddlers(sheets: SheetIndex[], tables: Table[]): ToddlerLocation[] {
  const out: ToddlerLocation[] = [];
  for (const ix of sheets) {
    const own = tables.filter((t) => t.sheet === ix.name);
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      if (cols.length < 2) continue;
      for (let i = 0; i < cols.length - 1; i++) {
        const c = cols[i];
        const raw = ix.text(r, c);
        // Cheap test first: a toddler label holds "peuter" or "doelgroep" in any case.
        if (raw === null || raw.length > 120 || !TODDLER_HINT.test(raw)) continue;
        const n = ix.norm(r, c);
        if (n === null || !TODDLER_LABEL.test(n)) continue;
        if (own.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right)) continue;
        let name = toddlerLabelLocation(n) !== null ? ix.text(r, c)!.replace(TODDLER_PREFIX, "") : null;
        let j = i + 1;
        if (name === null) {
          // The name in the next cell, the count after it.
          const nextText = ix.text(r, cols[j]);
          if (nextText === null || ix.read(r, cols[j]).kind !== "text") continue;
          name = nextText;
          j++;
        }
        if (j >= cols.length || cols[j] - c > 6) continue;
        const v = ix.read(r, cols[j]);
        if (v.kind !== "number") continue;
        const clean = trimLabelMarks(name).replace(/\s+/g, " ");
        if (clean === "") continue;
        out.push({ name: clean, key: locationKey(clean), lrks: [], toddlers: v.n, sheet: ix.name, row: r, col: cols[j] });
        break;
      }
    }
  }
  return out;
}

/**
 * A name without white space, colons and dashes at either end. A loop, not
 * /^[\s:–-]+|[\s:–-]+$/g: the second branch is tried at every position of a long run of
 * such characters and rescans the run each time (quadratic).
 */
function trimLabelMarks(name: string): string {
  const mark = (ch: string) => ch === ":" || ch === "–" || ch === "-" || ch.trim() === "";
  let start = 0;
  let end = name.length;
  while (start < end && mark(name[start])) start++;
  while (end > start && mark(name[end - 1])) end--;
  return name.slice(start, end);
}

/** The toddler words at the start of a label as written (to keep the location name as the user typed it). */
const TODDLER_PREFIX = /^\s*(aantal\s+)?(v?ve[-: ]{0,3})?(doelgroep\s?peuters?|doelgroepkinderen|peuters met (een )?v?ve[- ]?indicatie)\s*(?:[:–-]\s*)?/i;
