/**
 * For tests only (never bundled): a fake of the Apps Script services the built Code.gs
 * uses (SpreadsheetApp, PropertiesService, Utilities, HtmlService), over an in-memory
 * spreadsheet of 2-D grids. Every service call is counted ("Range.getValues", ...) and
 * logged in order, so tests can assert bulk access and the order of writes.
 *
 * Behaviour modelled on Google Sheets:
 * - getValues gives "" for blank cells, Date objects for date cells, an error cell's text
 *   ("#REF!"); getFormulas gives "" where a cell has no formula.
 * - getBackgrounds gives "#ffffff" for a cell without fill; setBackground(null) resets.
 * - setValues/setValue: a text starting with "'" is text without the apostrophe; in a
 *   cell with number format "@" any text stays text (unless `formulasIgnoreTextFormat`,
 *   a pessimistic Sheets); otherwise "=…" becomes a formula and number text a number.
 * - Document properties reject a value over 9 KB, as the Properties quota does.
 * - Hidden sheets: isSheetHidden() tells; activate() on a hidden sheet (Sheet.activate or
 *   Range.activate) makes it the active sheet AND visible again, the worst case of what
 *   Google leaves undocumented (the reference only says activate() makes the sheet the
 *   active one), so a test sees any adapter that activates a hidden sheet unhide it.
 * - Sheets have a stable getSheetId() that survives a rename (test helper renameSheet).
 * - Developer metadata (Range.addDeveloperMetadata, Spreadsheet.createDeveloperMetadataFinder)
 *   sits on a whole row or a whole column only (another range fails, as Apps Script does);
 *   it moves with its row/column when rows are inserted or deleted above it and is deleted
 *   with its row or sheet, as the Sheets API reference describes
 *   (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
 * - Inserted rows (test helper insertRows, the user's edit) take the backgrounds of the row
 *   above, so after an insert another cell can show a mark colour.
 */
import type { CellValue, WorkbookSnapshot } from "../../shared/validate/types";
import { cellAddress, parseRange } from "../../shared/validate/a1";

export interface FakeCell {
  value: unknown;
  formula: string;
  background: string | null;
  numberFormat: string;
  /** setFontWeight: "bold" or "normal" (absent = normal). */
  fontWeight?: string;
}

/**
 * A built data validation (DataValidationBuilder.build()): the criteria type and values as
 * Apps Script's DataValidation.getCriteriaType()/getCriteriaValues() give them, allowInvalid
 * and help text.
 */
export interface FakeDataValidation {
  criteria: "NUMBER_BETWEEN" | "NUMBER_GREATER_THAN_OR_EQUAL_TO" | "VALUE_IN_LIST" | "CUSTOM_FORMULA";
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** SpreadsheetApp.newDataValidation(): the builder methods the server uses, each returning the builder. */
export function newDataValidation(counter: Counter) {
  const state: FakeDataValidation = { criteria: "NUMBER_BETWEEN", values: [], allowInvalid: true, helpText: "" };
  let set = false;
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`Invalid argument: ${what}`);
  };
  const b = {
    requireNumberBetween(start: number, end: number) {
      need(typeof start === "number" && typeof end === "number", "requireNumberBetween");
      Object.assign(state, { criteria: "NUMBER_BETWEEN", values: [start, end] });
      set = true;
      return b;
    },
    requireNumberGreaterThanOrEqualTo(n: number) {
      need(typeof n === "number", "requireNumberGreaterThanOrEqualTo");
      Object.assign(state, { criteria: "NUMBER_GREATER_THAN_OR_EQUAL_TO", values: [n] });
      set = true;
      return b;
    },
    requireValueInList(values: string[], showDropdown = true) {
      need(Array.isArray(values) && values.length > 0, "requireValueInList");
      Object.assign(state, { criteria: "VALUE_IN_LIST", values: [[...values], showDropdown] });
      set = true;
      return b;
    },
    requireFormulaSatisfied(formula: string) {
      need(typeof formula === "string" && formula.startsWith("="), "requireFormulaSatisfied");
      Object.assign(state, { criteria: "CUSTOM_FORMULA", values: [formula] });
      set = true;
      return b;
    },
    setAllowInvalid(allow: boolean) {
      state.allowInvalid = allow;
      return b;
    },
    setHelpText(text: string) {
      state.helpText = text;
      return b;
    },
    build(): FakeDataValidation {
      counter.hit("DataValidationBuilder.build");
      need(set, "a data validation needs criteria");
      return { ...state, values: JSON.parse(JSON.stringify(state.values)) };
    },
  };
  return b;
}

export interface FakeOptions {
  name?: string;
  timeZone?: string;
  /** Model a Sheets that turns "=…" into a formula even in a plain-text cell. */
  formulasIgnoreTextFormat?: boolean;
}

export interface FakeSheetInput {
  name: string;
  /** Cell values as getValues gives them ("" blank, Date, "#REF!" for an error). */
  values: unknown[][];
  formulas?: (string | null)[][];
  /** Fill colours ("#rrggbb"), null = none. */
  backgrounds?: (string | null)[][];
  /** Hidden via the sheet tab's "Hide sheet" (Sheets has no "very hidden"). */
  hidden?: boolean;
}

const DEFAULT_FORMAT = "0.###############";

/** One developer metadata: on a whole row or column (0-based index) of a sheet. */
export interface FakeMetadata {
  id: number;
  key: string;
  value: string | null;
  sheet: FakeSheet;
  type: "ROW" | "COLUMN";
  index: number;
}
const MAX_PROPERTY_BYTES = 9 * 1024;

export class Counter {
  readonly counts: Record<string, number> = {};
  readonly log: string[] = [];
  hit(name: string, detail = ""): void {
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    this.log.push(detail ? `${name} ${detail}` : name);
  }
  count(name: string): number {
    return this.counts[name] ?? 0;
  }
  reset(): void {
    for (const k of Object.keys(this.counts)) delete this.counts[k];
    this.log.length = 0;
  }
}

const a1 = cellAddress;

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    /** 0-based top-left and size. */
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  private get c(): Counter {
    return this.sheet.ss.counter;
  }
  getSheet(): FakeSheet {
    this.c.hit("Range.getSheet");
    return this.sheet;
  }
  getA1Notation(): string {
    this.c.hit("Range.getA1Notation");
    return this.a1();
  }
  /** Not counted (used by the fake's own log lines). */
  a1(): string {
    const tl = a1(this.row, this.col);
    const br = a1(this.row + this.numRows - 1, this.col + this.numCols - 1);
    return tl === br ? tl : `${tl}:${br}`;
  }
  private map<T>(fn: (cell: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numCols; c++) row.push(fn(this.sheet.cell(this.row + r, this.col + c)));
      out.push(row);
    }
    return out;
  }
  private each(fn: (cell: FakeCell, r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numCols; c++) fn(this.sheet.cell(this.row + r, this.col + c, true), r, c);
  }
  getValues(): unknown[][] {
    this.c.hit("Range.getValues", `${this.sheet.name}!${this.a1()}`);
    return this.map((cell) => (cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value));
  }
  getFormulas(): string[][] {
    this.c.hit("Range.getFormulas", `${this.sheet.name}!${this.a1()}`);
    return this.map((cell) => cell.formula);
  }
  getBackgrounds(): string[][] {
    this.c.hit("Range.getBackgrounds", `${this.sheet.name}!${this.a1()}`);
    return this.map((cell) => cell.background ?? "#ffffff");
  }
  getBackground(): string {
    this.c.hit("Range.getBackground");
    return this.sheet.cell(this.row, this.col).background ?? "#ffffff";
  }
  setBackground(color: string | null): FakeRange {
    this.c.hit("Range.setBackground", `${this.sheet.name}!${this.a1()} ${color}`);
    this.paint(color);
    return this;
  }
  /** Without counting (RangeList.setBackground counts once for all its ranges). */
  paint(color: string | null): void {
    this.each((cell) => (cell.background = color === null || color === "" ? null : color.toLowerCase()));
  }
  setBackgrounds(colors: (string | null)[][]): FakeRange {
    this.c.hit("Range.setBackgrounds");
    this.each((cell, r, c) => (cell.background = colors[r][c] === null ? null : String(colors[r][c]).toLowerCase()));
    return this;
  }
  setNumberFormat(format: string): FakeRange {
    this.c.hit("Range.setNumberFormat", `${this.sheet.name}!${this.a1()} ${format}`);
    this.each((cell) => (cell.numberFormat = format));
    return this;
  }
  getNumberFormats(): string[][] {
    this.c.hit("Range.getNumberFormats");
    return this.map((cell) => cell.numberFormat);
  }
  setValues(values: unknown[][]): FakeRange {
    this.c.hit("Range.setValues", `${this.sheet.name}!${this.a1()}`);
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values?.length} but the range has ${this.numRows}.`);
    }
    values.forEach((row) => {
      if (!Array.isArray(row) || row.length !== this.numCols) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row?.length} but the range has ${this.numCols}.`);
      }
    });
    this.each((cell, r, c) => this.sheet.ss.write(cell, values[r][c]));
    return this;
  }
  setValue(value: unknown): FakeRange {
    this.c.hit("Range.setValue", `${this.sheet.name}!${this.a1()}`);
    this.each((cell) => this.sheet.ss.write(cell, value));
    return this;
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this.c.hit("Range.setDataValidation", `${this.sheet.name}!${this.a1()}`);
    const a1 = this.a1();
    this.sheet.validations = this.sheet.validations.filter((v) => v.a1 !== a1);
    if (rule) this.sheet.validations.push({ a1, rule });
    return this;
  }
  setFontWeight(weight: string | null): FakeRange {
    this.c.hit("Range.setFontWeight", `${this.sheet.name}!${this.a1()} ${weight}`);
    this.each((cell) => (cell.fontWeight = weight ?? "normal"));
    return this;
  }
  /** Not counted (RangeList.setNumberFormat counts once for all its ranges). */
  format(format: string): void {
    this.each((cell) => (cell.numberFormat = format));
  }
  /** Not counted (RangeList.setFontWeight). */
  weight(weight: string | null): void {
    this.each((cell) => (cell.fontWeight = weight ?? "normal"));
  }
  addDeveloperMetadata(key: string, value?: string): FakeRange {
    this.c.hit("Range.addDeveloperMetadata", `${this.sheet.name}!${this.a1()} ${key}=${value}`);
    const wholeRow = this.numRows === 1 && this.col === 0 && this.numCols === this.sheet.gridColumns;
    const wholeColumn = this.numCols === 1 && this.row === 0 && this.numRows === this.sheet.gridRows;
    if (!wholeRow && !wholeColumn) {
      throw new Error("Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.");
    }
    const ss = this.sheet.ss;
    ss.metadata.push({ id: ++ss.metadataIds, key, value: value ?? null, sheet: this.sheet, type: wholeRow ? "ROW" : "COLUMN", index: wholeRow ? this.row : this.col });
    return this;
  }
  activate(): FakeRange {
    this.c.hit("Range.activate", `${this.sheet.name}!${this.a1()}`);
    this.sheet.hidden = false; // see the file comment: activating shows a hidden sheet
    this.sheet.ss.active = this.sheet;
    this.sheet.ss.selection = { sheet: this.sheet.name, a1: this.a1() };
    this.sheet.ss.activeAreas = [this];
    return this;
  }
}

export class FakeSheet {
  /** Rows of cells; missing rows/cells are blank. */
  readonly grid: FakeCell[][] = [];
  /** Size of the sheet's grid (Sheets: 1000 rows × 26 columns for a new sheet). */
  gridRows = 1000;
  gridColumns = 26;
  hidden = false;
  /** Data validations set with Range.setDataValidation (by A1 of the range). */
  validations: Array<{ a1: string; rule: FakeDataValidation }> = [];
  frozenRows = 0;
  /** Column widths in pixels set with setColumnWidth(s) (0-based column → px). */
  readonly columnWidths = new Map<number, number>();

  /** getSheetId(): stable across renames. */
  readonly sheetId: number;
  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {
    this.sheetId = ss.nextSheetId++;
  }
  getSheetId(): number {
    this.ss.counter.hit("Sheet.getSheetId");
    return this.sheetId;
  }

  cell(row: number, col: number, create = false): FakeCell {
    const blank = (): FakeCell => ({ value: "", formula: "", background: null, numberFormat: DEFAULT_FORMAT });
    if (!create) return this.grid[row]?.[col] ?? blank();
    while (this.grid.length <= row) this.grid.push([]);
    const r = this.grid[row];
    while (r.length <= col) r.push(blank());
    return r[col];
  }
  private used(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value !== "" || cell.formula !== "") {
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
      }),
    );
    return { rows, cols };
  }
  getName(): string {
    this.ss.counter.hit("Sheet.getName");
    return this.name;
  }
  /** Sheet.isSheetHidden(): true when the sheet is hidden in the UI. */
  isSheetHidden(): boolean {
    this.ss.counter.hit("Sheet.isSheetHidden");
    return this.hidden;
  }
  getLastRow(): number {
    this.ss.counter.hit("Sheet.getLastRow");
    return this.used().rows;
  }
  getLastColumn(): number {
    this.ss.counter.hit("Sheet.getLastColumn");
    return this.used().cols;
  }
  getDataRange(): FakeRange {
    this.ss.counter.hit("Sheet.getDataRange");
    const u = this.used();
    return new FakeRange(this, 0, 0, Math.max(u.rows, 1), Math.max(u.cols, 1));
  }
  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.ss.counter.hit("Sheet.getRange");
    if (typeof a1OrRow === "string") {
      const rows = /^(\d+):(\d+)$/.exec(a1OrRow);
      if (rows) return new FakeRange(this, Number(rows[1]) - 1, 0, Number(rows[2]) - Number(rows[1]) + 1, this.gridColumns);
      const cols = /^([A-Z]+):([A-Z]+)$/.exec(a1OrRow);
      if (cols) {
        const c = parseRange(`${cols[1]}1:${cols[2]}1`)!;
        return new FakeRange(this, 0, c.start.col, this.gridRows, c.end.col - c.start.col + 1);
      }
      const r = parseRange(a1OrRow);
      if (!r) throw new Error(`Range not found`);
      return new FakeRange(this, r.start.row, r.start.col, r.end.row - r.start.row + 1, r.end.col - r.start.col + 1);
    }
    if (!(a1OrRow >= 1) || !(column! >= 1) || numRows < 1 || numColumns < 1) throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new FakeRange(this, a1OrRow - 1, column! - 1, numRows, numColumns);
  }
  getRangeList(a1s: string[]) {
    this.ss.counter.hit("Sheet.getRangeList", a1s.join(","));
    const ranges = a1s.map((x) => {
      const r = parseRange(x);
      if (!r) throw new Error(`Range not found`);
      return new FakeRange(this, r.start.row, r.start.col, r.end.row - r.start.row + 1, r.end.col - r.start.col + 1);
    });
    const list = {
      getRanges: () => ranges,
      setBackground: (color: string | null) => {
        this.ss.counter.hit("RangeList.setBackground", `${this.name}!${a1s.join(",")} ${color}`);
        for (const r of ranges) r.paint(color);
        return list;
      },
      setNumberFormat: (format: string) => {
        this.ss.counter.hit("RangeList.setNumberFormat", `${this.name}!${a1s.join(",")} ${format}`);
        for (const r of ranges) r.format(format);
        return list;
      },
      setFontWeight: (weight: string | null) => {
        this.ss.counter.hit("RangeList.setFontWeight", `${this.name}!${a1s.join(",")} ${weight}`);
        for (const r of ranges) r.weight(weight);
        return list;
      },
    };
    return list;
  }
  activate(): FakeSheet {
    this.ss.counter.hit("Sheet.activate", this.name);
    this.hidden = false; // see the file comment: activating shows a hidden sheet
    this.ss.active = this;
    return this;
  }
  clear(): FakeSheet {
    this.ss.counter.hit("Sheet.clear", this.name);
    this.grid.length = 0;
    return this;
  }
  setFrozenRows(rows: number): FakeSheet {
    this.ss.counter.hit("Sheet.setFrozenRows", `${this.name} ${rows}`);
    if (!Number.isInteger(rows) || rows < 0 || rows >= this.gridRows) throw new Error("Invalid argument: rows");
    this.frozenRows = rows;
    return this;
  }
  getFrozenRows(): number {
    this.ss.counter.hit("Sheet.getFrozenRows");
    return this.frozenRows;
  }
  setColumnWidth(column: number, width: number): FakeSheet {
    this.ss.counter.hit("Sheet.setColumnWidth", `${this.name} ${column} ${width}`);
    this.columnWidths.set(column - 1, width);
    return this;
  }
  setColumnWidths(start: number, num: number, width: number): FakeSheet {
    this.ss.counter.hit("Sheet.setColumnWidths", `${this.name} ${start} ${num} ${width}`);
    if (!(start >= 1) || !(num >= 1)) throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    for (let c = start - 1; c < start - 1 + num; c++) this.columnWidths.set(c, width);
    return this;
  }
  autoResizeColumns(start: number, num: number): FakeSheet {
    this.ss.counter.hit("Sheet.autoResizeColumns", `${start} ${num}`);
    return this;
  }
  /** Test helper (not counted): the cell at an A1 address. */
  at(address: string): FakeCell {
    const r = parseRange(address);
    if (!r) throw new Error(`bad address ${address}`);
    return this.cell(r.start.row, r.start.col);
  }
}

export class FakeSpreadsheet {
  readonly counter = new Counter();
  nextSheetId = 0;
  /** Developer metadata of the spreadsheet's rows and columns. */
  metadata: FakeMetadata[] = [];
  metadataIds = 0;
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  selection: { sheet: string; a1: string } | null = null;
  /** The ranges the user has selected (Ctrl-select: several); empty = nothing selected. */
  activeAreas: FakeRange[] = [];
  readonly name: string;
  readonly timeZone: string;
  readonly options: FakeOptions;

  constructor(sheets: FakeSheetInput[], options: FakeOptions = {}) {
    this.options = options;
    this.name = options.name ?? "Spreadsheet zonder titel";
    this.timeZone = options.timeZone ?? "Europe/Amsterdam";
    for (const input of sheets) {
      const sheet = new FakeSheet(this, input.name);
      sheet.hidden = input.hidden === true;
      input.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = sheet.cell(r, c, true);
          cell.value = v === null || v === undefined ? "" : v;
        }),
      );
      input.formulas?.forEach((row, r) => row.forEach((f, c) => f && (sheet.cell(r, c, true).formula = f)));
      input.backgrounds?.forEach((row, r) => row.forEach((b, c) => b && (sheet.cell(r, c, true).background = b.toLowerCase())));
      this.sheets.push(sheet);
    }
    this.active = this.sheets[0] ?? null;
  }

  /** How Sheets stores a written value (see the file comment). */
  write(cell: FakeCell, value: unknown): void {
    cell.formula = "";
    if (typeof value === "string") {
      if (value.startsWith("'")) {
        cell.value = value.slice(1);
      } else if (cell.numberFormat === "@" && !(this.options.formulasIgnoreTextFormat && value.startsWith("="))) {
        cell.value = value;
      } else if (value.startsWith("=")) {
        cell.formula = value;
        cell.value = ""; // the fake does not calculate
      } else if (value.trim() !== "" && cell.numberFormat !== "@" && Number.isFinite(Number(value))) {
        cell.value = Number(value);
      } else {
        cell.value = value;
      }
      return;
    }
    cell.value = value === null || value === undefined ? "" : value;
  }

  getName(): string {
    this.counter.hit("Spreadsheet.getName");
    return this.name;
  }
  getSheets(): FakeSheet[] {
    this.counter.hit("Spreadsheet.getSheets");
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.counter.hit("Spreadsheet.getSheetByName", name);
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string): FakeSheet {
    this.counter.hit("Spreadsheet.insertSheet", name);
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name);
    const at = this.active ? this.sheets.indexOf(this.active) + 1 : this.sheets.length;
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.counter.hit("Spreadsheet.deleteSheet", sheet.name);
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error("Sheet not found");
    this.sheets.splice(i, 1);
    this.metadata = this.metadata.filter((m) => m.sheet !== sheet);
    if (this.active === sheet) this.active = this.sheets[0];
  }
  createDeveloperMetadataFinder() {
    this.counter.hit("Spreadsheet.createDeveloperMetadataFinder");
    let key: string | null = null;
    const finder = {
      withKey: (k: string) => {
        this.counter.hit("DeveloperMetadataFinder.withKey", k);
        key = k;
        return finder;
      },
      find: () => {
        this.counter.hit("DeveloperMetadataFinder.find");
        return this.metadata.filter((m) => key === null || m.key === key).map((m) => this.metadataObject(m));
      },
    };
    return finder;
  }
  private metadataObject(m: FakeMetadata) {
    const c = this.counter;
    return {
      getKey: () => (c.hit("DeveloperMetadata.getKey"), m.key),
      getValue: () => (c.hit("DeveloperMetadata.getValue"), m.value),
      getLocation: () => {
        c.hit("DeveloperMetadata.getLocation");
        return {
          getRow: () => (c.hit("DeveloperMetadataLocation.getRow"), m.type === "ROW" ? { getRow: () => (c.hit("Range.getRow"), m.index + 1) } : null),
          getColumn: () => (c.hit("DeveloperMetadataLocation.getColumn"), m.type === "COLUMN" ? { getColumn: () => (c.hit("Range.getColumn"), m.index + 1) } : null),
        };
      },
      remove: () => {
        c.hit("DeveloperMetadata.remove");
        this.metadata = this.metadata.filter((x) => x !== m);
      },
    };
  }
  /** The user renames a sheet (test helper, not counted): the id stays. */
  renameSheet(from: string, to: string): void {
    const sh = this.sheet(from);
    if (!sh) throw new Error(`no sheet ${from}`);
    sh.name = to;
  }
  /**
   * The user inserts `count` rows above 1-based row `at` (test helper, not counted): cells
   * move down, the new rows take the backgrounds of the row above, row metadata moves.
   */
  insertRows(sheetName: string, at: number, count = 1): void {
    const sh = this.sheet(sheetName);
    if (!sh) throw new Error(`no sheet ${sheetName}`);
    const r0 = at - 1;
    while (sh.grid.length < r0) sh.grid.push([]);
    const above = r0 > 0 ? (sh.grid[r0 - 1] ?? []) : [];
    const fresh = Array.from({ length: count }, () => above.map((c) => ({ value: "", formula: "", background: c.background, numberFormat: DEFAULT_FORMAT })));
    sh.grid.splice(r0, 0, ...fresh);
    sh.gridRows += count;
    for (const m of this.metadata) if (m.sheet === sh && m.type === "ROW" && m.index >= r0) m.index += count;
  }
  /** The user deletes `count` rows from 1-based row `at` (test helper): their metadata goes with them. */
  deleteRows(sheetName: string, at: number, count = 1): void {
    const sh = this.sheet(sheetName);
    if (!sh) throw new Error(`no sheet ${sheetName}`);
    const r0 = at - 1;
    sh.grid.splice(r0, count);
    sh.gridRows -= count;
    this.metadata = this.metadata.filter((m) => !(m.sheet === sh && m.type === "ROW" && m.index >= r0 && m.index < r0 + count));
    for (const m of this.metadata) if (m.sheet === sh && m.type === "ROW" && m.index >= r0 + count) m.index -= count;
  }
  getSpreadsheetTimeZone(): string {
    this.counter.hit("Spreadsheet.getSpreadsheetTimeZone");
    return this.timeZone;
  }
  /**
   * The user selects one or more areas on a sheet (test helper, not counted). A whole
   * column "A:A" / row "3:3" becomes the range Sheets gives for it: every row (column)
   * of the sheet's grid, `gridRows` × `gridColumns` (a new sheet has 1000 × 26).
   */
  userSelect(sheetName: string, ...areas: string[]): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.active = sheet;
    this.activeAreas = areas.map((x) => {
      const col = /^([A-Z]+):([A-Z]+)$/.exec(x);
      if (col) {
        const r = parseRange(`${col[1]}1:${col[2]}1`)!;
        return new FakeRange(sheet, 0, r.start.col, sheet.gridRows, r.end.col - r.start.col + 1);
      }
      const row = /^(\d+):(\d+)$/.exec(x);
      if (row) return new FakeRange(sheet, Number(row[1]) - 1, 0, Number(row[2]) - Number(row[1]) + 1, sheet.gridColumns);
      const r = parseRange(x);
      if (!r) throw new Error(`bad address ${x}`);
      return new FakeRange(sheet, r.start.row, r.start.col, r.end.row - r.start.row + 1, r.end.col - r.start.col + 1);
    });
    const last = this.activeAreas[this.activeAreas.length - 1];
    this.selection = last ? { sheet: sheetName, a1: last.a1() } : null;
  }
  getActiveRange(): FakeRange | null {
    this.counter.hit("Spreadsheet.getActiveRange");
    // Sheets: with several areas selected, only the last one.
    return this.activeAreas[this.activeAreas.length - 1] ?? null;
  }
  getActiveRangeList(): { getRanges(): FakeRange[] } | null {
    this.counter.hit("Spreadsheet.getActiveRangeList");
    if (this.activeAreas.length === 0) return null;
    const ranges = [...this.activeAreas];
    return {
      getRanges: () => {
        this.counter.hit("RangeList.getRanges");
        return [...ranges];
      },
    };
  }
  getActiveSheet(): FakeSheet | null {
    this.counter.hit("Spreadsheet.getActiveSheet");
    return this.active;
  }
  /** Test helper (not counted). */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

export class FakeProperties {
  readonly data = new Map<string, string>();
  constructor(readonly counter: Counter) {}
  private check(key: string, value: string): void {
    if (Buffer.byteLength(key, "utf8") + Buffer.byteLength(value, "utf8") > MAX_PROPERTY_BYTES) {
      throw new Error("Argument too large: value");
    }
  }
  getProperty(key: string): string | null {
    this.counter.hit("Properties.getProperty", key);
    return this.data.has(key) ? this.data.get(key)! : null;
  }
  getProperties(): Record<string, string> {
    this.counter.hit("Properties.getProperties");
    return Object.fromEntries(this.data);
  }
  getKeys(): string[] {
    this.counter.hit("Properties.getKeys");
    return [...this.data.keys()];
  }
  setProperty(key: string, value: string): FakeProperties {
    this.counter.hit("Properties.setProperty", key);
    this.check(key, String(value));
    this.data.set(key, String(value));
    return this;
  }
  setProperties(values: Record<string, string>, deleteAllOthers = false): FakeProperties {
    this.counter.hit("Properties.setProperties", Object.keys(values).join(","));
    for (const [k, v] of Object.entries(values)) this.check(k, String(v));
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of Object.entries(values)) this.data.set(k, String(v));
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.counter.hit("Properties.deleteProperty", key);
    this.data.delete(key);
    return this;
  }
}

/** Utilities.formatDate for the patterns the script uses (yyyy MM dd HH mm ss and quoted text). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const map: Record<string, string> = { yyyy: parts.year, MM: parts.month, dd: parts.day, HH: parts.hour, mm: parts.minute, ss: parts.second };
  return pattern.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss/g, (m, quoted) => (quoted !== undefined ? quoted : map[m]));
}

/**
 * The globals of an Apps Script project bound to `ss`, for a vm context. properties null:
 * a script neither bound nor an add-on, for which getDocumentProperties() returns null
 * (https://developers.google.com/apps-script/reference/properties/properties-service).
 */
export function appsScriptGlobals(ss: FakeSpreadsheet, properties?: FakeProperties): { properties: FakeProperties; globals: Record<string, unknown> };
export function appsScriptGlobals(ss: FakeSpreadsheet, properties: null): { properties: null; globals: Record<string, unknown> };
export function appsScriptGlobals(ss: FakeSpreadsheet, properties: FakeProperties | null = new FakeProperties(ss.counter)): { properties: FakeProperties | null; globals: Record<string, unknown> } {
  const counter = ss.counter;
  return {
    properties,
    globals: {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => {
          counter.hit("SpreadsheetApp.getActiveSpreadsheet");
          return ss;
        },
        newDataValidation: () => {
          counter.hit("SpreadsheetApp.newDataValidation");
          return newDataValidation(counter);
        },
        getUi: () => ({
          // Ui.createAddonMenu: the Extensions sub-menu an add-on may add (no createMenu: a top-level menu is not for add-ons).
          createAddonMenu: () => {
            const b = { addItem: () => b, addSeparator: () => b, addToUi: () => undefined };
            return b;
          },
          showSidebar: () => undefined,
          alert: () => "OK",
          ButtonSet: { OK: "OK" },
        }),
      },
      PropertiesService: {
        getDocumentProperties: () => {
          counter.hit("PropertiesService.getDocumentProperties");
          return properties;
        },
      },
      Utilities: {
        formatDate: (date: Date, timeZone: string, pattern: string) => {
          counter.hit("Utilities.formatDate");
          return formatDate(date, timeZone, pattern);
        },
      },
      HtmlService: {
        createHtmlOutputFromFile: (file: string) => {
          const out = { file, setTitle: () => out };
          return out;
        },
      },
    },
  };
}

/** A workbook snapshot (the examples) as fake sheets: values as getValues would give them. */
export function fakeSheetsOf(workbook: WorkbookSnapshot): FakeSheetInput[] {
  const value = (v: CellValue): unknown => {
    if (v === null) return "";
    if (typeof v === "object") return v.error; // Sheets' getValues gives an error cell's text
    return v;
  };
  return workbook.sheets.map((s) => ({
    name: s.name,
    values: s.values.map((row) => row.map(value)),
    formulas: s.formulas?.map((row) => row.map((f) => f ?? "")),
    ...(s.visibility === "hidden" || s.visibility === "veryHidden" ? { hidden: true } : {}),
  }));
}
