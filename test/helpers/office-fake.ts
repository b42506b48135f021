/**
 * The smallest faithful fake of the Office.js calls the Excel adapter makes, for the
 * tests (office-addin-mock only returns fixed data: it has no queued writes applied in
 * order at sync, no null objects, no getUsedRangeOrNullObject over real cells, and no
 * number-format-dependent value writes, which is exactly what the adapter must get right).
 *
 * Modelled as Office.js documents it:
 * - proxies queue commands; nothing happens until context.sync(), which runs the queue in
 *   order (loads see the writes queued before them); reading a property that was not
 *   loaded and synced throws PropertyNotLoaded; Excel.run syncs leftover commands at the end;
 * - errors carry Office codes (ItemNotFound, ItemAlreadyExists, InvalidArgument) and fail
 *   the sync;
 * - getItemOrNullObject / getUsedRangeOrNullObject give isNullObject after the sync;
 * - range.values: "" for an empty cell, the error text ("#REF!") for an error cell, the
 *   result for a formula cell; range.formulas: the formula, else the value;
 * - writing values: a leading apostrophe makes text (the apostrophe is not part of the
 *   value); a cell formatted "@" keeps any string as text; otherwise "=…" becomes a
 *   formula and number text becomes a number (options can switch the "@" rule off, to
 *   test the adapter's fallback);
 * - fills: a cell without fill reads color "#FFFFFF" (indistinguishable from a solid white
 *   fill: https://github.com/OfficeDev/office-js/issues/6218), pattern null and tintAndShade
 *   null; a filled cell reads a number for tintAndShade (0 for the plain colour). That is what
 *   Excel reports per https://github.com/OfficeDev/office-js/issues/4900 (Microsoft's answer:
 *   load tintAndShade, null = "No Fill"); option noFillPattern "None" models a host that
 *   reports the documented Excel.FillPattern value instead. A range with mixed fills reads
 *   null (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefill); setting
 *   color makes a solid fill with tintAndShade 0; fill.clear() removes it.
 * - tint: a fill keeps its base colour and tintAndShade, as Excel does for a theme colour
 *   with a tint; reading color gives the colour shown, i.e. the base colour with the tint
 *   applied (tinted(), the HLS rule of ECMA-376 Part 1 §18.3.1.15 "tint"), and setting
 *   tintAndShade tints the current base colour. So writing back a loaded color and then the
 *   loaded tintAndShade applies the tint twice, as it would in Excel.
 * - payload limits: Excel on the web allows 5 MB per request and per response
 *   (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 *   the fake counts the JSON bytes of everything a sync loads (response) and of the values
 *   and number formats it writes (request), records both per sync in `payloads`, and fails
 *   a sync above the limit with RichApi code RequestPayloadSizeLimitExceeded (nothing loaded).
 * - worksheets.add then activate in the same batch: Excel on the web did not activate the
 *   new sheet (https://github.com/OfficeDev/office-js/issues/930; the documented workaround
 *   is a sync between add and activate, as in OfficeDev/office-js-helpers#30): the fake
 *   ignores such an activate (logged as "activate-ignored …").
 * - activating a hidden or very hidden sheet fails with InvalidOperation (Office.js does not
 *   document the code; Excel itself cannot show a hidden sheet's cells).
 * - sheets have a stable id (worksheet.id, ExcelApi 1.1) that survives a rename;
 *   worksheets.getItem(key) takes a name or an id, as documented.
 * - named items (workbook.names, ExcelApi 1.1; add 1.4): a name refers to a range of one
 *   sheet; it follows the sheet when renamed, moves when rows are inserted above it or
 *   deleted above it (grows when rows are inserted inside it), and becomes an error
 *   ("#REF!", type "Error") when its rows or its sheet are deleted — as Excel's defined
 *   names behave. `value` of a range name is its address "Blad1!$B$4".
 * - inserted rows take the format (fill) of the row above, Excel's default "Format Same As
 *   Above", so after an insert another cell can carry a mark colour (test helpers
 *   insertRows / deleteRows / renameSheet are the user's edits, not Office.js calls).
 */
import { cellAddress, parseCell, parseRange } from "../../shared/validate/a1";
import type { CellValue, WorkbookSnapshot } from "../../shared/validate/types";

export interface Fill {
  color: string;
  pattern: string;
  patternColor?: string;
  /** Lighter/darker than color (-1..1); absent = 0. */
  tintAndShade?: number;
}

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
  numberFormat: string;
  fill: Fill | null;
  /** format.font.bold */
  bold?: boolean;
}

/** A data validation set on a range (range.dataValidation.rule / errorAlert, ExcelApi 1.8). */
export interface FakeValidation {
  /** A1 address of the range, without sheet. */
  address: string;
  rule: Record<string, unknown>;
  errorAlert?: { message?: string; showAlert?: boolean; style?: string; title?: string };
}

export interface FakeSheet {
  name: string;
  /** worksheet.id: stable across renames. */
  id: string;
  cells: Map<string, FakeCell>;
  /** Excel.SheetVisibility; absent = "Visible". */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Data validations (range.dataValidation), in the order set. */
  validations?: FakeValidation[];
  /** Rows frozen at the top (worksheet.freezePanes.freezeRows). */
  frozenRows?: number;
  /** Column widths in points set by range.format.columnWidth (0-based column → points). */
  columnWidths?: Map<number, number>;
}

export interface FakeOptions {
  /** Whether a cell formatted "@" keeps a written "=…" string as text (default true). */
  textFormatKeepsText?: boolean;
  /** Whether a leading apostrophe makes a written value text (default true; false to test the adapter's last resort). */
  apostropheKeepsText?: boolean;
  /** Requirement sets the fake claims (default: ExcelApi up to 1.17). */
  supported?: (name: string, version: string) => boolean;
  /** What fill.pattern reads for a cell without fill (default null, as reported in office-js#4900). */
  noFillPattern?: string | null;
  /** Request and response limit of one sync in bytes (default 5 MB, Excel on the web). */
  payloadLimit?: number;
}

/** Excel on the web's limit per request and per response: 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** UTF-8 byte length of a value as JSON. */
export function jsonBytes(v: unknown): number {
  return new TextEncoder().encode(JSON.stringify(v) ?? "null").length;
}

/**
 * The colour shown for a base colour with a tint (-1..1): lightness in HLS scaled towards
 * black (tint < 0: L·(1+tint)) or white (tint > 0: L·(1−tint) + (1 − (1−tint))), the rule
 * of ECMA-376 Part 1 §18.3.1.15 (tint). Upper-case #RRGGBB.
 */
export function tinted(hex: string, tint: number | undefined): string {
  const base = hex.toUpperCase();
  if (!tint) return base;
  const m = /^#([0-9A-F]{2})([0-9A-F]{2})([0-9A-F]{2})$/.exec(base);
  if (!m) return base;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let sat = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    sat = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number) => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  let rgb: number[];
  if (sat === 0) rgb = [l, l, l];
  else {
    const q = l < 0.5 ? l * (1 + sat) : l + sat - l * sat;
    const p = 2 * l - q;
    rgb = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return `#${rgb.map((x) => Math.round(x * 255).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function newSheetId(): string {
  sheetCounter++;
  return `{00000000-0001-0000-${String(sheetCounter).padStart(4, "0")}-000000000000}`;
}

const key = (r: number, c: number) => `${r},${c}`;
const unkey = (k: string) => k.split(",").map(Number) as [number, number];

function emptyCell(): FakeCell {
  return { value: null, numberFormat: "General", fill: null };
}

/** The fake document settings (Office.context.document.settings). */
export class FakeSettings {
  /** What is saved in the document (what a reopened pane sees). */
  saved = new Map<string, unknown>();
  /** Pending, unsaved values (settings.set before saveAsync). */
  private pending = new Map<string, unknown>();
  saves = 0;
  failNextSave = false;

  get(name: string): unknown {
    return this.pending.has(name) ? this.pending.get(name) : (this.saved.get(name) ?? null);
  }
  set(name: string, value: unknown): void {
    this.pending.set(name, value);
  }
  remove(name: string): void {
    this.pending.set(name, undefined);
  }
  saveAsync(callback?: (r: { status: string; error?: { message: string } }) => void): void {
    setTimeout(() => {
      if (this.failNextSave) {
        this.failNextSave = false;
        callback?.({ status: "failed", error: { message: "disk full" } });
        return;
      }
      this.saves++;
      for (const [k, v] of this.pending) {
        if (v === undefined) this.saved.delete(k);
        else this.saved.set(k, v);
      }
      this.pending.clear();
      callback?.({ status: "succeeded" });
    }, 0);
  }
  /** A fresh settings object over the same saved document (the pane was closed and reopened). */
  reopened(): FakeSettings {
    const s = new FakeSettings();
    s.saved = new Map(this.saved);
    return s;
  }
}

/** A defined name of the workbook: the sheet (by id) and cell rectangle it refers to; box null = "#REF!". */
export interface FakeName {
  name: string;
  sheetId: string;
  box: { r1: number; c1: number; r2: number; c2: number } | null;
  visible: boolean;
  comment: string;
}

let sheetCounter = 0;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  /** workbook.names */
  names: FakeName[] = [];
  activeSheet = "";
  /**
   * The selected range (address without sheet: "B2", "A3:F20", "A:A"; several areas joined
   * by ","), or null = Excel's default selection, A1 of the active sheet.
   */
  selection: { sheet: string; address: string } | null = null;
  /** A chart or shape is selected instead of cells: getSelectedRange fails. */
  shapeSelected = false;
  /** context.sync() round trips since the last reset. */
  syncs = 0;
  /** Request and response bytes of every sync (JSON of what was written and loaded), in order. */
  payloads: Array<{ request: number; response: number }> = [];
  /** Commands in the order the fake applied them ("numberFormat IKK-rapport!A1:B2", ...). */
  log: string[] = [];
  workbookName = "Werkmap.xlsx";
  settings = new FakeSettings();
  readonly options: Required<FakeOptions>;

  constructor(options: FakeOptions = {}) {
    this.options = {
      textFormatKeepsText: options.textFormatKeepsText ?? true,
      apostropheKeepsText: options.apostropheKeepsText ?? true,
      supported: options.supported ?? ((name, version) => name === "ExcelApi" && Number(version.split(".")[1] ?? 0) <= 17),
      noFillPattern: options.noFillPattern === undefined ? null : options.noFillPattern,
      payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
    };
  }

  /** Adds the sheets of a snapshot (values, formulas with their values, error cells). */
  static fromSnapshot(wb: WorkbookSnapshot, options?: FakeOptions): FakeExcel {
    const fake = new FakeExcel(options);
    for (const s of wb.sheets) {
      const sheet = fake.addSheet(s.name);
      if (s.visibility === "hidden") sheet.visibility = "Hidden";
      if (s.visibility === "veryHidden") sheet.visibility = "VeryHidden";
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = s.formulas?.[r]?.[c] ?? null;
          if (v === null && f === null) return;
          const cell = emptyCell();
          setCellValue(cell, v);
          if (f !== null) cell.formula = f;
          sheet.cells.set(key(r, c), cell);
        }),
      );
    }
    fake.activeSheet = wb.sheets[0]?.name ?? "";
    return fake;
  }

  /** The user selects cells (test helper): one or more areas on one sheet. */
  userSelect(sheet: string, ...areas: string[]): void {
    this.activeSheet = sheet;
    this.shapeSelected = false;
    this.selection = { sheet, address: areas.join(",") };
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = { name, id: newSheetId(), cells: new Map() };
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  /** The sheet of that name (case-insensitive, as Excel compares sheet names). */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** worksheets.getItem(key): by name or by id. */
  sheetByKey(key: string): FakeSheet | undefined {
    return this.sheet(key) ?? this.sheets.find((s) => s.id === key);
  }

  /** The user renames a sheet (test helper): the id stays, names follow. */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new Error(`no sheet ${from}`);
    if (this.activeSheet === s.name) this.activeSheet = to;
    s.name = to;
  }

  /**
   * The user inserts `count` rows above 1-based row `at` (test helper): cells move down,
   * the new cells take the fill of the row above, names on the sheet move or grow.
   */
  insertRows(sheetName: string, at: number, count = 1): void {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const r0 = at - 1;
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of s.cells) {
      const [r, c] = unkey(k);
      moved.set(r >= r0 ? key(r + count, c) : k, cell);
    }
    if (r0 > 0) {
      for (const [k, cell] of [...moved]) {
        const [r, c] = unkey(k);
        if (r !== r0 - 1 || !cell.fill) continue;
        for (let i = 0; i < count; i++) moved.set(key(r0 + i, c), { ...emptyCell(), fill: { ...cell.fill } });
      }
    }
    s.cells = moved;
    for (const n of this.names) {
      if (n.sheetId !== s.id || !n.box) continue;
      if (n.box.r1 >= r0) n.box = { ...n.box, r1: n.box.r1 + count, r2: n.box.r2 + count };
      else if (n.box.r2 >= r0) n.box = { ...n.box, r2: n.box.r2 + count };
    }
  }

  /** The user deletes `count` rows from 1-based row `at` (test helper): names inside them become #REF!. */
  deleteRows(sheetName: string, at: number, count = 1): void {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const r0 = at - 1;
    const r1 = r0 + count - 1;
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of s.cells) {
      const [r, c] = unkey(k);
      if (r < r0) moved.set(k, cell);
      else if (r > r1) moved.set(key(r - count, c), cell);
    }
    s.cells = moved;
    for (const n of this.names) {
      if (n.sheetId !== s.id || !n.box) continue;
      if (n.box.r1 >= r0 && n.box.r2 <= r1) n.box = null;
      else if (n.box.r1 > r1) n.box = { ...n.box, r1: n.box.r1 - count, r2: n.box.r2 - count };
    }
  }

  /** The cell at an A1 address (created empty when absent). */
  cell(sheet: string, a1: string): FakeCell {
    const s = this.sheet(sheet);
    const ref = parseCell(a1);
    if (!s || !ref) throw new Error(`no cell ${sheet}!${a1}`);
    let c = s.cells.get(key(ref.row, ref.col));
    if (!c) s.cells.set(key(ref.row, ref.col), (c = emptyCell()));
    return c;
  }

  /** Excel.run: a new request context; leftover queued commands are synced at the end. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.queue.length > 0) await context.sync();
    return result;
  };

  /** The OfficeApis the adapter takes. */
  apis() {
    return {
      run: this.run,
      settings: () => this.settings,
      isSetSupported: (name: string, version: string) => this.options.supported(name, version),
    };
  }
}

function setCellValue(cell: FakeCell, v: CellValue): void {
  delete cell.formula;
  delete cell.error;
  if (v !== null && typeof v === "object") {
    cell.error = v.error;
    cell.value = null;
  } else cell.value = v;
}

/** What a written formula evaluates to, as far as the tests need it. */
function formulaResult(f: string): string | number {
  const link = /^=HYPERLINK\("([^"]*)"/i.exec(f);
  return link ? link[1] : 0;
}

type Op = () => void;

class FakeContext {
  queue: Op[] = [];
  /** Bytes written by the queued commands (request payload). */
  requestBytes = 0;
  /** Loaded values of the running sync, applied only when the sync succeeds. */
  delivered: Array<() => void> = [];
  responseBytes = 0;
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  async sync(): Promise<void> {
    this.fake.syncs++;
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.delivered = [];
    this.responseBytes = 0;
    const limit = this.fake.options.payloadLimit;
    const tooBig = () => new OfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    if (request > limit) {
      this.fake.payloads.push({ request, response: 0 });
      throw tooBig();
    }
    for (const op of ops) op();
    const response = this.responseBytes;
    this.fake.payloads.push({ request, response });
    if (response > limit) throw tooBig();
    for (const d of this.delivered) d();
    this.delivered = [];
    await Promise.resolve();
  }
}

/** Loaded property store: reading before load + sync throws like Office.js. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  /** A loaded property on its way back: counted in the sync's response, readable once the sync succeeds. */
  protected deliver(ctx: FakeContext, name: string, value: unknown): void {
    ctx.responseBytes += jsonBytes({ [name]: value });
    ctx.delivered.push(() => this.loaded.set(name, value));
  }
  protected get(name: string): unknown {
    if (!this.loaded.has(name)) {
      throw new OfficeError("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name);
  }
}

/** How Excel writes a sheet name in an address: quoted ('Mijn blad', quotes doubled) unless a plain name. */
export function excelSheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** workbook.getSelectedRange(): only `address` can be loaded (all the adapter needs). */
class FakeSelectedRangeProxy extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  load(props: string | string[]): void {
    const list = (typeof props === "string" ? props.split(",") : props).map((p) => p.trim());
    this.ctx.queue.push(() => {
      const fake = this.ctx.fake;
      if (fake.shapeSelected) throw new OfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      const sel = fake.selection ?? { sheet: fake.activeSheet, address: "A1" };
      // Documented: "If there are multiple ranges selected, this method will throw an error." (code not documented)
      if (sel.address.includes(",")) throw new OfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      for (const p of list) {
        if (p !== "address") throw new OfficeError("InvalidArgument", `fake: cannot load selectedRange.${p}`);
        this.deliver(this.ctx, "address", `${excelSheetRef(sel.sheet)}!${sel.address}`);
      }
    });
  }
  get address(): string {
    return this.get("address") as string;
  }
}

class FakeWorkbookProxy extends Loadable {
  readonly worksheets: FakeWorksheetsProxy;
  readonly names: FakeNamesProxy;
  constructor(private readonly ctx: FakeContext) {
    super();
    this.worksheets = new FakeWorksheetsProxy(ctx);
    this.names = new FakeNamesProxy(ctx);
  }
  getSelectedRange(): FakeSelectedRangeProxy {
    return new FakeSelectedRangeProxy(this.ctx);
  }
  get name(): string {
    return this.get("name") as string;
  }
  load(props: string | string[]): void {
    const list = typeof props === "string" ? props.split(",") : props;
    this.ctx.queue.push(() => {
      for (const p of list) {
        if (p.trim() !== "name") throw new OfficeError("InvalidArgument", `fake: cannot load workbook.${p}`);
        this.deliver(this.ctx, "name", this.ctx.fake.workbookName);
      }
    });
  }
}

/** A name's value as Excel gives it for a range name: "Blad1!$B$4" (or "#REF!"). */
function nameValue(fake: FakeExcel, n: FakeName): { type: string; value: string } {
  const sheet = fake.sheets.find((s) => s.id === n.sheetId);
  if (!sheet || !n.box) return { type: "Error", value: "#REF!" };
  const abs = (r: number, c: number) => cellAddress(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const a = abs(n.box.r1, n.box.c1);
  const b = abs(n.box.r2, n.box.c2);
  return { type: "Range", value: `${excelSheetRef(sheet.name)}!${a === b ? a : `${a}:${b}`}` };
}

class FakeNamesProxy extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  get items(): FakeNamedItemProxy[] {
    return this.get("items") as FakeNamedItemProxy[];
  }
  load(props: string): void {
    const list = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.queue.push(() => {
      const fake = this.ctx.fake;
      const items = fake.names.map((n) => {
        const item = new FakeNamedItemProxy(this.ctx, n.name);
        const { type, value } = nameValue(fake, n);
        const data: Record<string, unknown> = { name: n.name, type, value, visible: n.visible, comment: n.comment };
        for (const p of list) {
          if (!(p in data)) throw new OfficeError("InvalidArgument", `fake: cannot load namedItem.${p}`);
          item.preload(p, data[p]);
        }
        this.ctx.responseBytes += jsonBytes(Object.fromEntries(list.map((p) => [p, data[p]])));
        return item;
      });
      this.ctx.delivered.push(() => this.loaded.set("items", items));
    });
  }
  add(name: string, reference: FakeRangeProxy, comment = ""): FakeNamedItemProxy {
    this.ctx.queue.push(() => {
      const fake = this.ctx.fake;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || parseRange(name)) throw new OfficeError("InvalidArgument", `The name '${name}' is not valid.`);
      if (fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `The name '${name}' already exists.`);
      const { sheet, box } = reference.where();
      fake.names.push({ name, sheetId: sheet.id, box: { ...box }, visible: true, comment });
      fake.log.push(`names.add ${name} ${reference.address()}`);
    });
    return new FakeNamedItemProxy(this.ctx, name);
  }
}

class FakeNamedItemProxy extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly itemName: string,
  ) {
    super();
  }
  preload(p: string, v: unknown): void {
    this.loaded.set(p, v);
  }
  private item(): FakeName {
    const n = this.ctx.fake.names.find((x) => x.name.toLowerCase() === this.itemName.toLowerCase());
    if (!n) throw new OfficeError("ItemNotFound", `The name '${this.itemName}' does not exist.`);
    return n;
  }
  get name(): string {
    return this.get("name") as string;
  }
  get type(): string {
    return this.get("type") as string;
  }
  get value(): unknown {
    return this.get("value");
  }
  get visible(): boolean {
    return this.get("visible") as boolean;
  }
  set visible(v: boolean) {
    this.ctx.queue.push(() => {
      this.item().visible = v;
    });
  }
  delete(): void {
    this.ctx.queue.push(() => {
      const fake = this.ctx.fake;
      fake.names.splice(fake.names.indexOf(this.item()), 1);
      fake.log.push(`names.delete ${this.itemName}`);
    });
  }
}

class FakeWorksheetsProxy extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  get items(): FakeWorksheetProxy[] {
    return this.get("items") as FakeWorksheetProxy[];
  }
  load(props: string): void {
    const list = props.split(",").map((p) => p.trim());
    if (!list.includes("items/name") || list.some((p) => !["items/name", "items/visibility", "items/id"].includes(p))) throw new Error(`fake: unsupported worksheets.load(${props})`);
    const withVisibility = list.includes("items/visibility");
    const withId = list.includes("items/id");
    this.ctx.queue.push(() => {
      const sheets = this.ctx.fake.sheets;
      this.ctx.responseBytes += jsonBytes(
        sheets.map((s) => ({ name: s.name, ...(withVisibility ? { visibility: s.visibility ?? "Visible" } : {}), ...(withId ? { id: s.id } : {}) })),
      );
      const items = sheets.map((s) => new FakeWorksheetProxy(this.ctx, s.name, "item", true, withVisibility ? (s.visibility ?? "Visible") : undefined, withId ? s.id : undefined));
      this.ctx.delivered.push(() => this.loaded.set("items", items));
    });
  }
  getItem(name: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, name, "item");
  }
  getItemOrNullObject(name: string): FakeWorksheetProxy {
    const ws = new FakeWorksheetProxy(this.ctx, name, "orNull");
    this.ctx.queue.push(() => ws.resolveNull());
    return ws;
  }
  add(name: string): FakeWorksheetProxy {
    const ws = new FakeWorksheetProxy(this.ctx, name, "item");
    ws.addPending = true;
    this.ctx.queue.push(() => {
      ws.addPending = false;
      if (this.ctx.fake.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
      this.ctx.fake.sheets.push({ name, id: newSheetId(), cells: new Map() });
      this.ctx.fake.log.push(`add ${name}`);
    });
    return ws;
  }
}

class FakeWorksheetProxy extends Loadable {
  /** Returned by worksheets.add() whose batch has not been synced yet. */
  addPending = false;
  /** worksheet.freezePanes (ExcelApi 1.7): freezeRows(count) only. */
  readonly freezePanes = {
    freezeRows: (count: number) => {
      this.ctx.queue.push(() => {
        const sheet = this.sheet();
        if (!Number.isInteger(count) || count < 0) throw new OfficeError("InvalidArgument", "fake: freezeRows needs a row count");
        sheet.frozenRows = count;
        this.ctx.fake.log.push(`freezeRows ${sheet.name} ${count}`);
      });
    },
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    private readonly kind: "item" | "orNull",
    nameLoaded = false,
    visibility?: "Visible" | "Hidden" | "VeryHidden",
    id?: string,
  ) {
    super();
    if (nameLoaded) this.loaded.set("name", sheetName);
    if (visibility) this.loaded.set("visibility", visibility);
    if (id) this.loaded.set("id", id);
  }
  get id(): string {
    return this.get("id") as string;
  }
  get name(): string {
    return this.get("name") as string;
  }
  /** Excel.SheetVisibility; readable only after load("items/visibility") + sync, like Office.js. */
  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this.get("visibility") as "Visible" | "Hidden" | "VeryHidden";
  }
  get isNullObject(): boolean {
    return this.get("isNullObject") as boolean;
  }
  resolveNull(): void {
    this.loaded.set("isNullObject", !this.ctx.fake.sheetByKey(this.sheetName));
  }
  /** The sheet, at sync time (the key is a name or an id, as worksheets.getItem takes). */
  sheet(): FakeSheet {
    const s = this.ctx.fake.sheetByKey(this.sheetName);
    if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist (sheet '${this.sheetName}').`);
    return s;
  }
  /** Worksheet.load: name and visibility (ExcelApi 1.1 for reading visibility). */
  load(props: string | string[]): void {
    const list = (typeof props === "string" ? props.split(",") : props).map((p) => p.trim());
    this.ctx.queue.push(() => {
      const sheet = this.sheet();
      for (const p of list) {
        if (p === "name") this.deliver(this.ctx, p, sheet.name);
        else if (p === "visibility") this.deliver(this.ctx, p, sheet.visibility ?? "Visible");
        else if (p === "id") this.deliver(this.ctx, p, sheet.id);
        else throw new OfficeError("InvalidArgument", `fake: cannot load worksheet.${p}`);
      }
    });
  }
  activate(): void {
    const sameBatchAsAdd = this.addPending;
    this.ctx.queue.push(() => {
      const sheet = this.sheet();
      if (sameBatchAsAdd) {
        this.ctx.fake.log.push(`activate-ignored ${this.sheetName}`);
        return;
      }
      if (sheet.visibility === "Hidden" || sheet.visibility === "VeryHidden") throw new OfficeError("InvalidOperation", "This operation is not allowed on a hidden sheet.");
      this.ctx.fake.activeSheet = sheet.name;
      this.ctx.fake.log.push(`activate ${sheet.name}`);
    });
  }
  delete(): void {
    this.ctx.queue.push(() => {
      const fake = this.ctx.fake;
      const i = fake.sheets.indexOf(this.sheet());
      if (fake.sheets.length === 1) throw new OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      const name = fake.sheets[i].name;
      fake.sheets.splice(i, 1);
      if (fake.activeSheet === name) fake.activeSheet = fake.sheets[0].name;
      fake.log.push(`delete ${name}`);
    });
  }
  getRange(a1: string): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, this, () => {
      const r = parseRange(a1);
      if (!r) throw new OfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (address '${a1}').`);
      return { r1: r.start.row, c1: r.start.col, r2: r.end.row, c2: r.end.col };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, this, () => ({ r1: row, c1: col, r2: row + rows - 1, c2: col + cols - 1 }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    const range = new FakeRangeProxy(this.ctx, this, () => {
      let box: { r1: number; c1: number; r2: number; c2: number } | null = null;
      for (const [k, cell] of this.sheet().cells) {
        const hasContent = cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
        const hasFormat = cell.fill !== null || cell.numberFormat !== "General";
        if (!hasContent && !(hasFormat && !valuesOnly)) continue;
        const [r, c] = unkey(k);
        box = box
          ? { r1: Math.min(box.r1, r), c1: Math.min(box.c1, c), r2: Math.max(box.r2, r), c2: Math.max(box.c2, c) }
          : { r1: r, c1: c, r2: r, c2: c };
      }
      return box;
    });
    this.ctx.queue.push(() => range.resolveNull());
    return range;
  }
}

interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Excel.DataValidationOperator values (https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidationoperator). */
const VALIDATION_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/** Checks a DataValidationRule as Excel documents it: exactly one rule type; basic rules with formula1 (formula2 for Between) and an operator. */
function checkValidationRule(rule: unknown): Record<string, unknown> {
  const r = rule as Record<string, unknown> | null;
  const kinds = r ? Object.keys(r) : [];
  const known = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
  if (kinds.length !== 1 || !known.includes(kinds[0])) throw new OfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (dataValidation.rule).");
  const body = r![kinds[0]] as Record<string, unknown>;
  if (kinds[0] === "list") {
    if (typeof body?.source !== "string" || body.source === "") throw new OfficeError("InvalidArgument", "fake: list rule needs a source text");
  } else if (kinds[0] === "custom") {
    if (typeof body?.formula !== "string" || !String(body.formula).startsWith("=")) throw new OfficeError("InvalidArgument", "fake: custom rule needs a formula");
  } else {
    if (!VALIDATION_OPERATORS.includes(String(body?.operator)) || body.formula1 === undefined) throw new OfficeError("InvalidArgument", "fake: basic rule needs formula1 and an operator");
    if ((body.operator === "Between" || body.operator === "NotBetween") && body.formula2 === undefined) throw new OfficeError("InvalidArgument", "fake: Between needs formula2");
  }
  return r!;
}

class FakeRangeProxy extends Loadable {
  readonly format: { fill: FakeFillProxy; autofitColumns: () => void; font: { bold: boolean }; columnWidth: number };
  /** range.dataValidation (ExcelApi 1.8): rule and errorAlert are set, not read, by the adapter. */
  readonly dataValidation: { rule: unknown; errorAlert: unknown };
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheetProxy,
    private readonly area: () => Box | null,
  ) {
    super();
    const range = this;
    const font = {
      set bold(v: boolean) {
        range.command("font.bold", () => range.cells((cell) => void (cell.bold = v === true)));
      },
      get bold(): boolean {
        throw new OfficeError("PropertyNotLoaded", "fake: font.bold is not loadable here");
      },
    };
    this.format = {
      fill: new FakeFillProxy(ctx, this),
      autofitColumns: () => this.command("autofitColumns", () => undefined),
      font,
      set columnWidth(points: number) {
        range.command("columnWidth", () => {
          const { sheet, box } = range.where();
          sheet.columnWidths ??= new Map();
          for (let c = box.c1; c <= box.c2; c++) sheet.columnWidths.set(c, points);
        });
      },
      get columnWidth(): number {
        throw new OfficeError("PropertyNotLoaded", "fake: columnWidth is not loadable here");
      },
    };
    this.dataValidation = {
      set rule(rule: unknown) {
        const checked = checkValidationRule(rule);
        ctx.requestBytes += jsonBytes(rule);
        range.command("dataValidation.rule", () => {
          const { sheet } = range.where();
          const address = range.address().split("!")[1];
          sheet.validations ??= [];
          sheet.validations = sheet.validations.filter((v) => v.address !== address);
          sheet.validations.push({ address, rule: JSON.parse(JSON.stringify(checked)) });
        });
      },
      get rule(): unknown {
        throw new OfficeError("PropertyNotLoaded", "fake: dataValidation.rule is not loadable here");
      },
      set errorAlert(alert: unknown) {
        range.command("dataValidation.errorAlert", () => {
          const { sheet } = range.where();
          const address = range.address().split("!")[1];
          const v = sheet.validations?.find((x) => x.address === address);
          if (!v) throw new OfficeError("InvalidOperation", "fake: errorAlert before a rule");
          v.errorAlert = JSON.parse(JSON.stringify(alert));
        });
      },
      get errorAlert(): unknown {
        throw new OfficeError("PropertyNotLoaded", "fake: dataValidation.errorAlert is not loadable here");
      },
    };
  }
  resolveNull(): void {
    this.ws.sheet();
    this.loaded.set("isNullObject", this.area() === null);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject") as boolean;
  }
  /** Sheet and cell rectangle at sync time. */
  where(): { sheet: FakeSheet; box: Box } {
    const sheet = this.ws.sheet();
    const box = this.area();
    if (!box) throw new OfficeError("ItemNotFound", "The range is a null object.");
    return { sheet, box };
  }
  address(): string {
    const { sheet, box } = this.where();
    const a = cellAddress(box.r1, box.c1);
    const b = cellAddress(box.r2, box.c2);
    return `${sheet.name}!${a === b ? a : `${a}:${b}`}`;
  }
  cells<T>(fn: (cell: FakeCell, r: number, c: number) => T): T[][] {
    const { sheet, box } = this.where();
    const out: T[][] = [];
    for (let r = box.r1; r <= box.r2; r++) {
      const row: T[] = [];
      for (let c = box.c1; c <= box.c2; c++) {
        let cell = sheet.cells.get(key(r, c));
        if (!cell) sheet.cells.set(key(r, c), (cell = emptyCell()));
        row.push(fn(cell, r - box.r1, c - box.c1));
      }
      out.push(row);
    }
    return out;
  }
  command(name: string, apply: () => void): void {
    this.ctx.queue.push(() => {
      apply();
      this.ctx.fake.log.push(`${name} ${this.address()}`);
    });
  }
  load(props: string | string[]): void {
    const list = (typeof props === "string" ? props.split(",") : props).map((p) => p.trim());
    this.ctx.queue.push(() => {
      // A null object loads nothing (and does not fail the batch); isNullObject tells.
      if (this.loaded.get("isNullObject") === true) return;
      for (const p of list) this.deliver(this.ctx, p, this.read(p));
    });
  }
  private read(p: string): unknown {
    switch (p) {
      case "values":
        return this.cells((c) => (c.error ?? (c.value === null ? "" : c.value)));
      case "formulas":
        return this.cells((c) => c.formula ?? c.error ?? (c.value === null ? "" : c.value));
      case "valueTypes":
        return this.cells((c) =>
          c.error ? "Error" : c.value === null ? "Empty" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String",
        );
      case "numberFormat":
        return this.cells((c) => c.numberFormat);
      case "rowIndex":
        return this.where().box.r1;
      case "columnIndex":
        return this.where().box.c1;
      case "rowCount":
        return this.where().box.r2 - this.where().box.r1 + 1;
      case "columnCount":
        return this.where().box.c2 - this.where().box.c1 + 1;
      case "address":
        return this.address();
      default:
        throw new OfficeError("InvalidArgument", `fake: cannot load range.${p}`);
    }
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.ctx.requestBytes += jsonBytes({ values: v });
    this.command("values", () => {
      const { box } = this.where();
      if (v.length !== box.r2 - box.r1 + 1 || v.some((row) => row.length !== box.c2 - box.c1 + 1)) {
        throw new OfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      // null in a 2-D array leaves that cell unchanged (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
      this.cells((cell, r, c) => (v[r][c] === null ? undefined : this.write(cell, v[r][c])));
    });
  }
  /** range.formulas: "=…" becomes a formula (in any number format except "@"), anything else is written as a value; null leaves the cell. */
  set formulas(v: unknown[][]) {
    this.ctx.requestBytes += jsonBytes({ formulas: v });
    this.command("formulas", () => {
      const { box } = this.where();
      if (v.length !== box.r2 - box.r1 + 1 || v.some((row) => row.length !== box.c2 - box.c1 + 1)) {
        throw new OfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      this.cells((cell, r, c) => (v[r][c] === null ? undefined : this.write(cell, v[r][c])));
    });
  }
  private write(cell: FakeCell, v: unknown): void {
    delete cell.formula;
    delete cell.error;
    if (typeof v !== "string") {
      cell.value = (v as number | boolean | null) ?? null;
      return;
    }
    if (v === "") cell.value = null;
    else if (v.startsWith("'") && this.ctx.fake.options.apostropheKeepsText) cell.value = v.slice(1);
    else if (cell.numberFormat === "@" && this.ctx.fake.options.textFormatKeepsText) cell.value = v;
    else if (v.startsWith("=")) {
      cell.formula = v;
      cell.value = formulaResult(v);
    } else if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) cell.value = Number(v);
    else cell.value = v;
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes") as string[][];
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.requestBytes += jsonBytes({ numberFormat: v });
    this.command("numberFormat", () => {
      this.cells((cell, r, c) => {
        const f = v.length === 1 && v[0].length === 1 ? v[0][0] : v[r]?.[c];
        if (f === null || f === undefined) return; // null leaves the format
        cell.numberFormat = f === "" ? "General" : String(f);
      });
    });
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  select(): void {
    this.ctx.queue.push(() => {
      this.ctx.fake.selection = { sheet: this.where().sheet.name, address: this.address().split("!")[1] };
      this.ctx.fake.log.push(`select ${this.address()}`);
    });
  }
  clear(what?: string): void {
    this.command(`clear:${what ?? "All"}`, () => {
      this.cells((cell) => {
        if (what === "Contents" || what === undefined || what === "All") {
          cell.value = null;
          delete cell.formula;
          delete cell.error;
        }
        if (what === undefined || what === "All" || what === "Formats") {
          cell.fill = null;
          cell.numberFormat = "General";
        }
      });
    });
  }
}

class FakeFillProxy extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRangeProxy,
  ) {
    super();
  }
  load(props: string[] | string): void {
    const list = typeof props === "string" ? props.split(",") : props;
    this.ctx.queue.push(() => {
      const fills = this.range.cells((c) => c.fill).flat();
      const uniform = <T>(f: (x: Fill | null) => T): T | null => {
        const vs = fills.map(f);
        return vs.every((v) => v === vs[0]) ? vs[0] : null;
      };
      for (const p of list) {
        // color reads the colour shown: the base colour with its tint applied.
        if (p === "color") this.deliver(this.ctx, p, uniform((f) => (f ? tinted(f.color, f.tintAndShade) : "#FFFFFF")));
        else if (p === "pattern") this.deliver(this.ctx, p, uniform((f) => (f ? f.pattern : this.ctx.fake.options.noFillPattern)));
        else if (p === "patternColor") this.deliver(this.ctx, p, uniform((f) => f?.patternColor ?? "#000000"));
        else if (p === "tintAndShade") this.deliver(this.ctx, p, uniform((f) => (f ? (f.tintAndShade ?? 0) : null)));
        else throw new OfficeError("InvalidArgument", `fake: cannot load fill.${p}`);
      }
    });
  }
  get color(): string | null {
    return this.get("color") as string | null;
  }
  set color(v: string | null) {
    this.set("color", (f) => ({ color: String(v).toUpperCase(), pattern: "Solid", patternColor: f?.patternColor }));
  }
  get tintAndShade(): number | null {
    return this.get("tintAndShade") as number | null;
  }
  set tintAndShade(v: number | null) {
    this.set("tintAndShade", (f) => ({ ...(f ?? { color: "#FFFFFF", pattern: "Solid" }), tintAndShade: Number(v) }));
  }
  get pattern(): string | null {
    return this.get("pattern") as string | null;
  }
  set pattern(v: string | null) {
    this.set("pattern", (f) => ({ ...f, color: f?.color ?? "#FFFFFF", pattern: String(v), patternColor: f?.patternColor }));
  }
  get patternColor(): string | null {
    return this.get("patternColor") as string | null;
  }
  set patternColor(v: string | null) {
    this.set("patternColor", (f) => ({ ...f, color: f?.color ?? "#FFFFFF", pattern: f?.pattern ?? "Solid", patternColor: String(v) }));
  }
  private set(name: string, next: (f: Fill | null) => Fill): void {
    this.ctx.queue.push(() => {
      this.range.cells((cell) => {
        const f = next(cell.fill);
        if (f.patternColor === undefined) delete f.patternColor;
        if (!f.tintAndShade) delete f.tintAndShade;
        cell.fill = f;
      });
      this.ctx.fake.log.push(`fill.${name} ${this.range.address()}`);
    });
  }
  clear(): void {
    this.ctx.queue.push(() => {
      this.range.cells((cell) => {
        cell.fill = null;
      });
      this.ctx.fake.log.push(`fill.clear ${this.range.address()}`);
    });
  }
}
