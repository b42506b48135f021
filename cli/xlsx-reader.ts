/**
 * The CLI's own .xlsx reader: the zip parts the check needs (workbook, its relationships,
 * shared strings, the number formats of the cell styles, the worksheets) are inflated under
 * a byte budget and scanned once into a WorkbookSnapshot. It gives the same snapshot as the
 * exceljs reader in read-xlsx.ts (the same value rules: dates by number format, shared
 * formulas slid from their master, rich text joined, merged cells keep only the top-left
 * value) at a fraction of the time and memory, and never builds cells it does not return.
 */
import { IkkError } from "../shared/errors";
import { isoDateText } from "../shared/dates";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import { LIMITS, LIMIT_MESSAGES, limitError, type ReadLimits } from "./limits";
import { gridSnapshot, newGrid, placeCell } from "./sheet-grid";
import { BUDGETS, sheetAreaError, workbookAreaError } from "../shared/validate/budgets";
import { InflateBudget, inflateEntry, readZipDirectory, ZipBudgetError, ZipFormatError, type ZipEntry } from "./xlsx-zip";

// ---------------------------------------------------------------- XML scanning

interface Tag {
  /** Local name (namespace prefix dropped). */
  name: string;
  close: boolean;
  selfClose: boolean;
  /** Raw text between the name and ">" (attributes). */
  attrs: string;
  /** Index just past ">". */
  end: number;
}

/** Index of the ">" that ends the tag opening at lt, respecting quoted attribute values. */
function tagEnd(s: string, lt: number): number {
  let q = 0;
  for (let i = lt + 1; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (q) {
      if (ch === q) q = 0;
    } else if (ch === 34 || ch === 39) q = ch;
    else if (ch === 62) return i;
  }
  return -1;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
function decodeEntities(t: string): string {
  if (t.indexOf("&") < 0) return t;
  return t.replace(ENTITY, (m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}

/** The value of one attribute in a tag's attribute text, entity-decoded; undefined when absent. */
function attr(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return undefined;
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    let j = i + name.length;
    while (attrs.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && attrs.charCodeAt(j) === 61) {
      j++;
      while (attrs.charCodeAt(j) === 32) j++;
      const q = attrs.charCodeAt(j);
      if (q === 34 || q === 39) {
        const k = attrs.indexOf(String.fromCharCode(q), j + 1);
        if (k < 0) return undefined;
        return decodeEntities(attrs.slice(j + 1, k));
      }
    }
    from = i + name.length;
  }
}

/**
 * Walks the tags of an XML text in order; `onText` receives the decoded text between tags
 * when `wantText()` says the current element collects text. CDATA counts as text; comments
 * and processing instructions are skipped.
 */
function scan(s: string, onTag: (t: Tag) => void, wantText: () => boolean, onText: (t: string) => void): void {
  let pos = 0;
  const tag: Tag = { name: "", close: false, selfClose: false, attrs: "", end: 0 };
  for (;;) {
    const lt = s.indexOf("<", pos);
    if (lt < 0) return;
    if (lt > pos && wantText()) onText(decodeEntities(s.slice(pos, lt)));
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (s.startsWith("<![CDATA[", lt)) {
        const e = s.indexOf("]]>", lt + 9);
        if (e < 0) return;
        if (wantText()) onText(s.slice(lt + 9, e));
        pos = e + 3;
      } else if (s.startsWith("<!--", lt)) {
        const e = s.indexOf("-->", lt + 4);
        if (e < 0) return;
        pos = e + 3;
      } else {
        const e = s.indexOf(">", lt);
        if (e < 0) return;
        pos = e + 1;
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      const e = s.indexOf("?>", lt);
      if (e < 0) return;
      pos = e + 2;
      continue;
    }
    const gt = tagEnd(s, lt);
    if (gt < 0) return;
    const close = c1 === 47;
    let i = close ? lt + 2 : lt + 1;
    const nameStart = i;
    let colon = -1;
    for (; i < gt; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
      if (ch === 58) colon = i;
    }
    tag.name = s.slice(colon >= 0 ? colon + 1 : nameStart, i);
    tag.close = close;
    tag.selfClose = !close && s.charCodeAt(gt - 1) === 47;
    tag.attrs = close ? "" : s.slice(i, tag.selfClose ? gt - 1 : gt);
    tag.end = gt + 1;
    onTag(tag);
    pos = gt + 1;
  }
}

// ---------------------------------------------------------------- value rules (as exceljs)

/** exceljs's decoding of the _xHHHH_ escapes in a <t> text (upper-case hex only). */
const unescapeX = (t: string): string => (t.indexOf("_x") < 0 ? t : t.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));

/** exceljs's second decoding of named entities in a t="str" value. */
const xmlDecodeAgain = (t: string): string =>
  t.indexOf("&") < 0
    ? t
    : t.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);

/** Is this number format a date or time (exceljs's rule: y m d h s b outside quotes and brackets)? */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

/** The built-in number formats (ECMA-376 18.8.30) exceljs knows by id. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** An Excel serial as exceljs converts it (any value is coerced to a number first, as exceljs does). */
function serialToText(v: unknown, date1904: boolean): string {
  const ms = Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return isoDateText(new Date(ms));
}

/** Column letters → number (A = 1). */
function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}
function colLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = (n - 1 - m) / 26;
  }
  return s;
}
/** The column of a cell reference ("B12", "$B$12" → 2), or 0 when it is none. */
function columnOf(a: string): number {
  let i = a.charCodeAt(0) === 36 ? 1 : 0;
  let n = 0;
  const start = i;
  for (; i < a.length && i - start < 4; i++) {
    const ch = a.charCodeAt(i) | 0x20;
    if (ch < 97 || ch > 122) break;
    n = n * 26 + (ch - 96);
  }
  const letters = i - start;
  if (letters < 1 || letters > 3) return 0;
  if (a.charCodeAt(i) === 36) i++;
  if (i >= a.length) return 0;
  for (; i < a.length; i++) {
    const ch = a.charCodeAt(i);
    if (ch < 48 || ch > 57) return 0;
  }
  return n;
}

/** "B12" / "$B$12" → { col, row }, or null. */
function decodeAddress(a: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  if (!m) return null;
  return { col: colNumber(m[1].toUpperCase()), row: parseInt(m[2], 10) };
}

/** exceljs's slideFormula: a shared formula moved from its master's address to another cell. */
function slideFormula(formula: string, from: { col: number; row: number }, to: { col: number; row: number }): string {
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (ref, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
    if (paren) return ref;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
    if (!m) return ref;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return ref;
    let col = colNumber(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    return (sheet || "") + (m[1] || "") + colLetters(col) + (m[3] || "") + row;
  });
}

// ---------------------------------------------------------------- parts

interface WorkbookPart {
  sheets: { name: string; rid: string; state?: string }[];
  date1904: boolean;
}

function parseWorkbook(xml: string): WorkbookPart {
  const out: WorkbookPart = { sheets: [], date1904: false };
  scan(
    xml,
    (t) => {
      if (t.close) return;
      if (t.name === "sheet") {
        out.sheets.push({ name: attr(t.attrs, "name") ?? "", rid: attr(t.attrs, "r:id") ?? "", state: attr(t.attrs, "state") });
      } else if (t.name === "workbookPr") {
        out.date1904 = attr(t.attrs, "date1904") === "1";
      }
    },
    () => false,
    () => undefined,
  );
  return out;
}

/** Relationship id → target path inside the zip (as exceljs resolves workbook targets). */
function parseWorkbookRels(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  scan(
    xml,
    (t) => {
      if (t.close || t.name !== "Relationship") return;
      const id = attr(t.attrs, "Id");
      const target = attr(t.attrs, "Target");
      if (id && target) out.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`);
    },
    () => false,
    () => undefined,
  );
  return out;
}

/** The shared strings, each as the text exceljs gives it (rich text runs joined, phonetic runs ignored). */
function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inRun = false;
  let inPh = 0;
  let inT = false;
  let plain: string | null = null;
  let runs: string[] | null = null;
  let text = "";
  scan(
    xml,
    (t) => {
      switch (t.name) {
        case "si":
          if (!t.close) {
            inSi = true;
            plain = null;
            runs = null;
          }
          if (t.close || t.selfClose) {
            inSi = false;
            out.push(plain ?? (runs ? (runs as string[]).join("") : ""));
          }
          break;
        case "rPh":
          if (t.selfClose) break;
          inPh += t.close ? -1 : 1;
          break;
        case "r":
          if (!inSi || inPh) break;
          inRun = !t.close && !t.selfClose;
          if (!t.close && !runs) runs = [];
          if (t.selfClose && !runs) runs = [];
          break;
        case "t":
          if (!inSi || inPh) break;
          if (!t.close) {
            text = "";
            inT = !t.selfClose;
          }
          if (t.close || t.selfClose) {
            inT = false;
            const v = unescapeX(text);
            if (inRun) runs!.push(v);
            else plain = v;
          }
          break;
      }
    },
    () => inT,
    (s) => {
      text += s;
    },
  );
  return out;
}

/** For each cell style index (cellXfs), whether its number format is a date (exceljs: style 0 never is). */
function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const xfNumFmt: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  scan(
    xml,
    (t) => {
      if (t.name === "cellXfs") inCellXfs = !t.close && !t.selfClose;
      else if (t.name === "numFmts") inNumFmts = !t.close && !t.selfClose;
      else if (t.name === "numFmt" && !t.close && inNumFmts) {
        const id = parseInt(attr(t.attrs, "numFmtId") ?? "", 10);
        const code = attr(t.attrs, "formatCode");
        if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, "$1"));
      } else if (t.name === "xf" && !t.close && inCellXfs) {
        xfNumFmt.push(parseInt(attr(t.attrs, "numFmtId") ?? "", 10));
      }
    },
    () => false,
    () => undefined,
  );
  return xfNumFmt.map((id, i) => i !== 0 && !!id && isDateFormat(custom.get(id) || BUILTIN_FORMATS[id]));
}

// ---------------------------------------------------------------- worksheet

/** Excel's grid. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Rows visited to apply merges, in one sheet: beyond it the merges are refused as hostile. */
const MERGE_ROW_VISITS = 10_000_000;

interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  file: string;
  limits: ReadLimits;
  /** Cells read so far in the workbook. */
  cells: number;
  /** Cells the sheets read so far span (empty ones included). */
  area: number;
}

function parseSheet(xml: string, name: string, ctx: SheetContext): SheetSnapshot {
  const grid = newGrid();
  const sharedMasters = new Map<string, { formula: string | undefined; col: number; row: number }>();
  const linked = new Set<string>();
  const merges: string[] = [];
  let sheetCells = 0;

  // Row and cell state.
  let rowNumber = 0;
  let inSheetData = false;
  let inCell = false;
  let lastCol = 0;
  let cAddr: string | undefined;
  let cCol = 0;
  let cType: string | undefined;
  let cStyle = 0;
  let fText: string | undefined;
  let fType: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  let value: string | undefined;
  /** The cell has a <v> element (an empty one is a cached empty text of a t="str" formula). */
  let hasV = false;
  let runs: string[] | null = null;
  let collect: 0 | 1 | 2 | 3 = 0; // 0 none, 1 <f>, 2 <v>/<t>, 3 run <t>
  let inRun = false;
  let runText = "";

  /** Formula cells by reference, for the rule on external hyperlinks (their list follows sheetData). */
  const formulaCells: { row: number; col: number; addr: string }[] = [];

  const place = (row: number, col: number, v: CellValue, formula: string | null): void => {
    const r = row - 1;
    const c = col - 1;
    // Outside Excel's grid (1 048 576 rows, 16 384 columns) no cell can exist: a hostile
    // row number would otherwise make a snapshot of a billion rows.
    if (r < 0 || c < 0 || row > MAX_ROWS || col > MAX_COLUMNS) return;
    if (!placeCell(grid, r, c, v, formula, Math.min(BUDGETS.sheetArea, BUDGETS.workbookArea - ctx.area))) {
      const sheetWouldSpan = grid.area + c + 1 - (grid.values[r]?.length ?? 0);
      throw sheetWouldSpan > BUDGETS.sheetArea ? sheetAreaError(name) : workbookAreaError();
    }
  };

  const endCell = (): void => {
    inCell = false;
    const col = cCol;
    const isDate = cStyle > 0 && ctx.dateStyles[cStyle] === true;
    let v: unknown = undefined;
    let formula: string | undefined;
    let isFormula = false;
    let rich: string[] | null = null;
    if (fText || fType) {
      isFormula = true;
      if (value) {
        if (cType === "str") v = xmlDecodeAgain(value);
        else if (cType === "b") v = parseInt(value, 10) !== 0;
        else if (cType === "e") v = { error: value };
        else v = parseFloat(value);
      } else if (hasV && cType === "str") {
        // <v></v>: the formula's cached result is the empty text (IF(A1="","",…)), a known blank, not a missing result.
        v = "";
      }
      if (v !== undefined && isDate) v = serialToText(v, ctx.date1904);
      formula = fText;
      const here = { col, row: rowNumber };
      if (fType === "shared" && fSi !== undefined) {
        if (fRef) sharedMasters.set(fSi, { formula: fText, col, row: rowNumber });
        else if (!formula) {
          const master = sharedMasters.get(fSi);
          if (master && master.formula) formula = slideFormula(master.formula, master, here);
        }
      }
    } else if (value !== undefined || runs) {
      switch (cType) {
        case "s": {
          const s = ctx.strings[parseInt(value ?? "", 10)];
          v = s === undefined ? null : s;
          break;
        }
        case "str":
          v = xmlDecodeAgain(value ?? "");
          break;
        case "inlineStr":
          if (runs) rich = runs;
          v = rich ? rich.join("") : value;
          break;
        case "b":
          v = parseInt(value ?? "", 10) !== 0;
          break;
        case "e":
          v = { error: value };
          break;
        default:
          v = parseFloat(value ?? "");
          if (isDate) v = serialToText(v, ctx.date1904);
      }
    }
    let out: CellValue;
    if (v === undefined || v === null) out = null;
    else if (typeof v === "number") out = Number.isFinite(v) ? v : null;
    else out = v as CellValue;
    let formulaOut = typeof formula === "string" && formula !== "" ? (formula.startsWith("=") ? formula : "=" + formula) : null;
    if (!isFormula) formulaOut = null;
    if (out === null && formulaOut === null) return;
    if (++sheetCells > ctx.limits.maxCellsPerSheet) throw limitError(LIMIT_MESSAGES.cellsPerSheet(ctx.file, name, ctx.limits.maxCellsPerSheet));
    if (++ctx.cells > ctx.limits.maxCellsTotal) throw limitError(LIMIT_MESSAGES.cellsTotal(ctx.file, ctx.limits.maxCellsTotal));
    place(rowNumber, col, out, formulaOut);
    if (formulaOut !== null && cAddr !== undefined) formulaCells.push({ row: rowNumber, col, addr: cAddr });
  };

  scan(
    xml,
    (t) => {
      const n = t.name;
      if (inCell) {
        if (n === "c" && t.close) return endCell();
        switch (n) {
          case "f":
            if (!t.close) {
              fType = attr(t.attrs, "t");
              fSi = attr(t.attrs, "si");
              fRef = attr(t.attrs, "ref");
              collect = t.selfClose ? 0 : 1;
            } else collect = 0;
            return;
          case "v":
            if (!t.close) hasV = true;
            collect = t.close || t.selfClose ? 0 : 2;
            return;
          case "r":
            if (!t.close) {
              inRun = !t.selfClose;
              runText = "";
              if (!runs) runs = [];
              if (t.selfClose) runs.push("");
            } else {
              inRun = false;
              runs!.push(runText);
            }
            return;
          case "t":
            if (inRun) {
              if (!t.close) runText = "";
              collect = t.close || t.selfClose ? 0 : 3;
              if (t.close) runText = unescapeX(runText);
            } else collect = t.close || t.selfClose ? 0 : 2;
            return;
          default:
            return;
        }
      }
      switch (n) {
        case "sheetData":
          inSheetData = !t.close && !t.selfClose;
          return;
        case "row":
          if (!t.close && inSheetData) {
            const r = parseInt(attr(t.attrs, "r") ?? "", 10);
            rowNumber = Number.isFinite(r) && r > 0 ? r : rowNumber + 1;
            lastCol = 0;
          }
          return;
        case "c":
          if (t.close || !inSheetData) return;
          cAddr = attr(t.attrs, "r");
          {
            const col = cAddr === undefined ? 0 : columnOf(cAddr);
            cCol = col > 0 ? col : lastCol + 1;
          }
          lastCol = cCol;
          cType = attr(t.attrs, "t");
          {
            const s = attr(t.attrs, "s");
            cStyle = s ? parseInt(s, 10) || 0 : 0;
          }
          fText = fType = fSi = fRef = value = undefined;
          hasV = false;
          runs = null;
          collect = 0;
          inRun = false;
          inCell = true;
          if (t.selfClose) endCell();
          return;
        case "mergeCell":
          if (!t.close) {
            const ref = attr(t.attrs, "ref");
            if (ref) {
              merges.push(ref);
              if (merges.length > ctx.limits.maxMergesPerSheet) throw limitError(LIMIT_MESSAGES.merges(ctx.file, name, ctx.limits.maxMergesPerSheet));
            }
          }
          return;
        case "hyperlink":
          if (!t.close && attr(t.attrs, "r:id") !== undefined) {
            const ref = attr(t.attrs, "ref");
            if (ref) linked.add(ref);
          }
          return;
      }
    },
    () => collect !== 0,
    (s) => {
      if (collect === 1) fText = fText === undefined ? s : fText + s;
      else if (collect === 2) value = value === undefined ? s : value + s;
      else if (collect === 3) runText += s;
    },
  );

  // exceljs: a formula cell with an external hyperlink keeps only its result.
  const formulas = grid.formulas;
  if (linked.size && formulas) {
    for (const p of formulaCells) if (linked.has(p.addr)) formulas[p.row - 1][p.col - 1] = null;
  }
  if (merges.length && !applyMerges(grid.values, formulas, merges)) {
    throw limitError(LIMIT_MESSAGES.mergeArea(ctx.file, name));
  }
  ctx.area += grid.area;
  return gridSnapshot(name, grid);
}

/**
 * Merged ranges: every cell but the top-left one of a range is empty (as Excel shows it and
 * exceljs reads it). Ranges are clipped to the rows and columns that hold cells, so a merge
 * over the whole sheet costs no more than the cells there are.
 */
function applyMerges(values: CellValue[][], formulas: (string | null)[][] | null, merges: string[]): boolean {
  const rows = values.length;
  let visits = 0;
  let width = 0;
  for (const line of values) if (line && line.length > width) width = line.length;
  for (const ref of merges) {
    const [a, b] = ref.split(":");
    const tl = decodeAddress(a ?? "");
    const br = decodeAddress(b ?? a ?? "");
    if (!tl || !br) continue;
    const top = Math.min(tl.row, br.row);
    const left = Math.min(tl.col, br.col);
    const bottom = Math.min(Math.max(tl.row, br.row), rows);
    const right = Math.min(Math.max(tl.col, br.col), width);
    if (bottom >= top) visits += bottom - top + 1;
    if (visits > MERGE_ROW_VISITS) return false;
    for (let r = top; r <= bottom; r++) {
      const line = values[r - 1];
      if (!line) continue;
      const fl = formulas?.[r - 1];
      const last = Math.min(right, line.length);
      for (let c = r === top ? left + 1 : left; c <= last; c++) {
        line[c - 1] = null;
        if (fl && c - 1 < fl.length) fl[c - 1] = null;
      }
      // Trailing empties are not stored (as a row without those cells).
      while (line.length && line[line.length - 1] === null && !(fl && fl[line.length - 1])) line.pop();
      if (fl) while (fl.length > line.length) fl.pop();
    }
  }
  return true;
}

// ---------------------------------------------------------------- workbook

/** Why a zip holds no workbook, in Dutch (.xlsb, OpenDocument, or no workbook at all). */
export type NoWorkbookReason = "xlsb" | "ods" | "none";

export class NoWorkbookError extends Error {
  constructor(readonly reason: NoWorkbookReason) {
    super(reason);
  }
}

/**
 * Reads an .xlsx held in memory into a snapshot. Throws IkkError (budgets), NoWorkbookError
 * (a zip without a workbook part) or ZipFormatError (not a readable zip).
 */
export function readXlsxBuffer(buf: Buffer, fileName: string, limits: ReadLimits = LIMITS): WorkbookSnapshot {
  const dir = readZipDirectory(buf);
  const budget = new InflateBudget(limits.maxInflatedBytes);
  const part = (entry: ZipEntry | undefined): string | null => {
    if (!entry) return null;
    try {
      return inflateEntry(buf, entry, budget).toString("utf8");
    } catch (e) {
      if (e instanceof ZipBudgetError) throw limitError(LIMIT_MESSAGES.inflated(fileName, limits.maxInflatedBytes));
      throw e;
    }
  };
  const workbookXml = part(dir.get("xl/workbook.xml"));
  if (workbookXml === null) {
    if (dir.has("xl/workbook.bin")) throw new NoWorkbookError("xlsb");
    if (dir.has("mimetype") || dir.has("content.xml")) throw new NoWorkbookError("ods");
    throw new NoWorkbookError("none");
  }
  const wb = parseWorkbook(workbookXml);
  const relsXml = part(dir.get("xl/_rels/workbook.xml.rels"));
  const rels = relsXml === null ? new Map<string, string>() : parseWorkbookRels(relsXml);
  // The declared sizes of all parts to be read, before inflating any large one.
  const sheetEntries = wb.sheets.map((s) => dir.get(rels.get(s.rid) ?? ""));
  const toRead = [dir.get("xl/sharedStrings.xml"), dir.get("xl/styles.xml"), ...sheetEntries];
  const declared = toRead.reduce((sum, e) => sum + (e ? e.declaredSize : 0), 0);
  if (declared > budget.remaining) throw limitError(LIMIT_MESSAGES.inflated(fileName, limits.maxInflatedBytes));

  const stringsXml = part(dir.get("xl/sharedStrings.xml"));
  const strings = stringsXml === null ? [] : parseSharedStrings(stringsXml);
  const stylesXml = part(dir.get("xl/styles.xml"));
  const dateStyles = stylesXml === null ? [] : parseDateStyles(stylesXml);
  const ctx: SheetContext = { strings, dateStyles, date1904: wb.date1904, file: fileName, limits, cells: 0, area: 0 };
  const sheets: SheetSnapshot[] = [];
  wb.sheets.forEach((s, i) => {
    const xml = part(sheetEntries[i]);
    if (xml === null) return; // a sheet without its part: exceljs skips it too
    const sheet = parseSheet(xml, s.name, ctx);
    if (s.state === "hidden" || s.state === "veryHidden") sheet.visibility = s.state;
    sheets.push(sheet);
  });
  if (sheets.length === 0) throw new NoWorkbookError("none");
  return { sheets, name: fileName };
}

export { ZipFormatError };
export const isIkkReadError = (e: unknown): e is IkkError => e instanceof IkkError;
