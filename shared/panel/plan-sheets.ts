/**
 * What both spreadsheet adapters share for "Nieuw plan" (PanelHost.addPlanSheets /
 * removePlanSheets): the template checked and laid out as blocks the hosts write in bulk
 * (values, formulas, number formats and bold cells as rectangles, validations, widths),
 * sheet names that do not clash with the workbook's (and the template's formulas following
 * them), the record of the sheets the tool added with a fingerprint of their contents, and
 * which of them an undo may delete. Pure and host-free.
 */
import { IkkError } from "../errors";
import { cellAddress, parseRange } from "../validate/a1";
import type { TemplateValidation, TemplateWorkbook } from "../template/types";

/** Document key of the record of the sheets "Nieuw plan" added (PlanRecord). */
export const PLAN_KEY = "ikk-normen.plan";

// ---------------------------------------------------------------- names

/** A sheet name as written in a formula: quoted ('Mijn blad', quotes doubled) unless letters, digits, "_" and "." only. */
export function sheetInFormula(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseRange(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The names the template's sheets get in a workbook that has `existing` sheets (both hosts
 * compare names case-insensitively): the template's own name when free, else with the year
 * ("Locaties 2027"), else "Locaties 2027 (2)", "(3)", … Names stay within 31 characters (Excel's limit).
 */
export function planSheetNames(names: readonly string[], existing: readonly string[], year: number): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  return names.map((name) => {
    const tries = function* () {
      yield name;
      const withYear = `${name.slice(0, 26)} ${year}`;
      yield withYear;
      for (let i = 2; ; i++) yield `${withYear.slice(0, 31 - ` (${i})`.length)} (${i})`;
    };
    for (const candidate of tries()) {
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
    return name; // not reached: the generator never ends
  });
}

/**
 * A formula with its sheet references renamed: `Locaties!A:A` and `'Locaties'!A:A` become
 * `'Locaties 2027'!A:A` when `renames` maps "locaties" (lower case) to "Locaties 2027". Text
 * in double quotes ("…", with "" inside) is left as it is. A scanner, no regular expression
 * over the whole formula.
 */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  let out = "";
  let i = 0;
  const isNameChar = (ch: string) => /[A-Za-z0-9_.\u00C0-\uFFFF]/.test(ch);
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
        else if (formula[j] === '"') break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === "!" && renames.has(name.toLowerCase())) {
        out += `${sheetInFormula(renames.get(name.toLowerCase())!)}!`;
        i = j + 2;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
      continue;
    }
    if (isNameChar(ch) && (i === 0 || !isNameChar(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && isNameChar(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "!" && renames.has(word.toLowerCase())) {
        out += `${sheetInFormula(renames.get(word.toLowerCase())!)}!`;
        i = j + 1;
      } else {
        out += word;
        i = j;
      }
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------- the write plan

/** A rectangle of cells (0-based) that share one property value: `rows` × `cols` from (row, col). */
export interface CellBlock<K> {
  row: number;
  col: number;
  rows: number;
  cols: number;
  key: K;
}

/** One template sheet laid out for writing. */
export interface PlannedSheet {
  /** The name in the workbook (planSheetNames). */
  name: string;
  /** The template's name (for messages). */
  templateName: string;
  height: number;
  width: number;
  /** Constants, "" where a cell is empty or holds a formula; text is text. */
  values: (string | number | boolean)[][];
  /** Formulas (references renamed), null where a cell holds none. */
  formulas: (string | null)[][];
  /** Number format per cell, null = the host's default ("@" for every text value). */
  numberFormats: (string | null)[][];
  /** The same formats as vertical blocks per column (Sheets writes one RangeList per format). */
  formatBlocks: CellBlock<string>[];
  /** Bold cells as vertical blocks. */
  boldBlocks: CellBlock<true>[];
  /** [row, col] of every text value: must read back as exactly that text. */
  textCells: Array<[number, number]>;
  /** [row, col] of every formula. */
  formulaCells: Array<[number, number]>;
  /** Column widths in characters, from column A (0 or absent = leave). */
  columnWidths: number[];
  frozenRows: number;
  validations: Array<{ range: string; rule: TemplateValidation; message: string }>;
}

/** Pixels of a column `chars` characters wide (Excel's rule: 7 px per character of the default font + 5 px padding). */
export function columnWidthPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

/** Points of that width (Excel's Range.format.columnWidth is in points: 0,75 pt per pixel). */
export function columnWidthPoints(chars: number): number {
  return columnWidthPixels(chars) * 0.75;
}

const bad = (what: string) => new IkkError("ONGELDIGE_INVOER", `Het sjabloon voor het nieuwe plan is onbruikbaar: ${what}.`);

function isRule(v: unknown): v is TemplateValidation {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  if (r.kind === "whole" || r.kind === "decimal") return typeof r.min === "number" && (r.max === undefined || typeof r.max === "number");
  if (r.kind === "list") return Array.isArray(r.values) && r.values.length > 0 && r.values.every((x) => typeof x === "string");
  if (r.kind === "custom") return typeof r.formula === "string" && r.formula.startsWith("=");
  return false;
}

/** Vertical blocks per column of equal non-null keys. */
function columnBlocks<K>(grid: (K | null)[][], height: number, width: number): CellBlock<K>[] {
  const out: CellBlock<K>[] = [];
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < height) {
      const k = grid[r][c];
      if (k === null) {
        r++;
        continue;
      }
      let end = r + 1;
      while (end < height && grid[end][c] === k) end++;
      out.push({ row: r, col: c, rows: end - r, cols: 1, key: k });
      r = end;
    }
  }
  return out;
}

/**
 * The template (plain JSON, it may have crossed google.script.run) checked and laid out for a
 * workbook whose sheets are named `existing`. Dutch error for anything that is not a template.
 */
export function planTemplate(template: unknown, existing: readonly string[]): PlannedSheet[] {
  const t = template as TemplateWorkbook;
  if (!t || typeof t !== "object" || !Array.isArray(t.sheets) || t.sheets.length === 0) throw bad("er staan geen bladen in");
  if (typeof t.year !== "number" || !Number.isInteger(t.year)) throw bad("het jaar ontbreekt");
  for (const s of t.sheets) {
    if (!s || typeof s.name !== "string" || s.name.trim() === "" || !Array.isArray(s.rows) || s.rows.some((r) => !Array.isArray(r))) throw bad("een blad heeft geen naam of rijen");
  }
  const names = planSheetNames(
    t.sheets.map((s) => s.name),
    existing,
    t.year,
  );
  const renames = new Map<string, string>();
  t.sheets.forEach((s, i) => {
    if (names[i] !== s.name) renames.set(s.name.toLowerCase(), names[i]);
  });
  return t.sheets.map((s, i) => {
    const height = s.rows.length;
    const width = s.rows.reduce((w, r) => Math.max(w, r.length), 0);
    const values: (string | number | boolean)[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    const bold: (true | null)[][] = [];
    const textCells: Array<[number, number]> = [];
    const formulaCells: Array<[number, number]> = [];
    for (let r = 0; r < height; r++) {
      values.push([]);
      formulas.push([]);
      numberFormats.push([]);
      bold.push([]);
      for (let c = 0; c < width; c++) {
        const cell = s.rows[r][c] ?? null;
        let value: string | number | boolean = "";
        let formula: string | null = null;
        let format: string | null = cell && typeof cell.numberFormat === "string" && cell.numberFormat !== "" ? cell.numberFormat : null;
        if (cell && typeof cell.formula === "string" && cell.formula !== "") {
          if (!cell.formula.startsWith("=")) throw bad(`de formule in ${s.name}!${cellAddress(r, c)} begint niet met "="`);
          formula = renameSheetRefs(cell.formula, renames);
          if (format === "@") format = null; // a text format would turn the formula into text
          formulaCells.push([r, c]);
        } else if (cell && cell.value !== null && cell.value !== undefined && cell.value !== "") {
          const v = cell.value;
          if (typeof v === "string") {
            value = v;
            format = "@"; // text stays text, "=…" included
            textCells.push([r, c]);
          } else if (typeof v === "number" && Number.isFinite(v)) value = v;
          else if (typeof v === "boolean") value = v;
          else throw bad(`de waarde in ${s.name}!${cellAddress(r, c)} is geen tekst, getal of waar/onwaar`);
        }
        values[r].push(value);
        formulas[r].push(formula);
        numberFormats[r].push(format);
        bold[r].push(cell && cell.bold === true ? true : null);
      }
    }
    const validations = (s.validations ?? []).map((v) => {
      if (!v || typeof v.range !== "string" || !parseRange(v.range) || !isRule(v.rule)) throw bad(`een invoercontrole op blad ${s.name} is onleesbaar`);
      const rule: TemplateValidation = v.rule.kind === "custom" ? { kind: "custom", formula: renameSheetRefs(v.rule.formula, renames) } : v.rule;
      return { range: v.range, rule, message: typeof v.message === "string" ? v.message : "" };
    });
    const widths = Array.isArray(s.columnWidths) ? s.columnWidths.map((w) => (typeof w === "number" && Number.isFinite(w) && w > 0 ? w : 0)) : [];
    return {
      name: names[i],
      templateName: s.name,
      height,
      width,
      values,
      formulas,
      numberFormats,
      formatBlocks: columnBlocks(numberFormats, height, width),
      boldBlocks: columnBlocks(bold, height, width),
      textCells,
      formulaCells,
      columnWidths: widths,
      frozenRows: typeof s.frozenRows === "number" && s.frozenRows > 0 ? Math.floor(s.frozenRows) : 0,
      validations,
    };
  });
}

/** A block's A1 address ("B2:B200"). */
export function blockAddress(b: { row: number; col: number; rows: number; cols: number }): string {
  const a = cellAddress(b.row, b.col);
  const z = cellAddress(b.row + b.rows - 1, b.col + b.cols - 1);
  return a === z ? a : `${a}:${z}`;
}

/**
 * [row, col] of every cell that did not come out as written: a text value that reads back
 * other than that text, or a formula that is not there. `values` and `formulas` as read from
 * the host from A1 (Excel: range.formulas gives a constant's value, so a text cell is judged
 * by `values`; Sheets: getFormulas gives "" for a constant).
 */
export function planMismatches(sheet: PlannedSheet, values: unknown[][] | undefined, formulas: unknown[][] | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [r, c] of sheet.textCells) if (values?.[r]?.[c] !== sheet.values[r][c]) out.push([r, c]);
  // A formula only has to be there: hosts may write its text back in their own form (quotes, case).
  for (const [r, c] of sheet.formulaCells) {
    const f = formulas?.[r]?.[c];
    if (typeof f !== "string" || !f.startsWith("=")) out.push([r, c]);
  }
  return out;
}

// ---------------------------------------------------------------- fingerprint and record

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/**
 * A short fingerprint of a sheet's contents: per cell its formula, else its value, from A1
 * (blank rows and columns at the end do not count). Both reads, when added and at undo, go
 * through the same host call, so an unchanged sheet gives the same fingerprint.
 * formulas: same shape as values, "" or null where a cell holds no formula.
 */
export function contentFingerprint(values: unknown[][], formulas?: unknown[][]): string {
  const rows: string[][] = values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas?.[r]?.[c];
      if (typeof f === "string" && f.startsWith("=")) return f;
      if (v === null || v === undefined) return "";
      if (isDate(v)) return `d${v.getTime()}`;
      return typeof v === "string" ? v : `${typeof v}:${String(v)}`;
    }),
  );
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === "") row.pop();
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  // FNV-1a, 32 bit, over the JSON text.
  const text = JSON.stringify(rows);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, "0")}.${text.length}`;
}

/** One sheet "Nieuw plan" added: the host's stable id, the name it got, its contents' fingerprint then. */
export interface PlanSheetEntry {
  id: string;
  name: string;
  fingerprint: string;
}

export function encodePlanRecord(sheets: readonly PlanSheetEntry[]): string {
  return JSON.stringify({ version: 1, sheets });
}

/** Stored record → its readable entries; [] when none or unreadable (then no sheet counts as added by the tool). */
export function decodePlanRecord(raw: unknown): PlanSheetEntry[] {
  let o: unknown = raw;
  if (typeof raw === "string") {
    try {
      o = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!o || typeof o !== "object" || (o as { version?: unknown }).version !== 1 || !Array.isArray((o as { sheets?: unknown }).sheets)) return [];
  return ((o as { sheets: unknown[] }).sheets).filter((e): e is PlanSheetEntry => {
    const x = e as Record<string, unknown> | null;
    return !!x && typeof x.id === "string" && typeof x.name === "string" && typeof x.fingerprint === "string";
  });
}

/** A sheet of the workbook now: id, name and (for the recorded ones) the fingerprint of its contents. */
export interface SheetNow {
  id: string;
  name: string;
  fingerprint?: string;
}

/**
 * Which recorded sheets an undo deletes: those still there with the same name and the same
 * contents. A renamed or edited one is kept (the user's now); a recorded sheet that is gone
 * is forgotten. The workbook keeps at least one sheet: when every sheet would go, the last is
 * kept. A sheet not in the record is never in `remove`.
 */
export function planRemoval(record: readonly PlanSheetEntry[], now: readonly SheetNow[]): { remove: SheetNow[]; kept: string[] } {
  const byId = new Map(now.map((s) => [s.id, s] as const));
  const remove: SheetNow[] = [];
  const kept: string[] = [];
  for (const e of record) {
    const s = byId.get(e.id);
    if (!s) continue;
    if (s.name === e.name && s.fingerprint === e.fingerprint) remove.push(s);
    else kept.push(s.name);
  }
  if (remove.length > 0 && remove.length >= now.length) kept.push(remove.pop()!.name);
  return { remove, kept };
}

/** The ids recorded, for an adapter that needs to know which sheets to fingerprint. */
export function recordedIds(record: readonly PlanSheetEntry[]): Set<string> {
  return new Set(record.map((e) => e.id));
}
