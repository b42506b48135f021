/**
 * In-memory host over a WorkbookSnapshot, for the demo page and the tests. It keeps a
 * fill-colour map (the "formatting" that marks change), the selected cell, the stored
 * settings, and a log of every call so tests can count round trips.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import type { TemplateWorkbook } from "../shared/template/types";
import { cellsOf, freeReportName, freeSheetName, isMarkColour } from "../shared/panel/host-kit";
import { contentFingerprint, planRemoval, planTemplate, type PlanSheetEntry } from "../shared/panel/plan-sheets";
import { IkkError } from "../shared/errors";
import { cellAddress } from "../shared/validate/a1";
import type { ClearMarksResult, PlanSheetsAdded, PlanSheetsRemoved, ReportRemoved, ReportWritten, SkippedMark } from "../shared/panel/host";
import { CellMark, MARK_COLOURS, OVERVIEW_SHEET_NAME, PanelHost, PanelSettings, ReadProgress, SheetSelection } from "../shared/panel/host";

export { cellsOf };

export interface HostCall {
  method: keyof PanelHost;
  args: unknown[];
}

export interface MemoryHostOptions {
  /** Original fill colours, keyed "Sheet!A1" (cells without an entry have no fill). */
  fills?: Record<string, string>;
  settings?: PanelSettings | null;
  /** Milliseconds to wait per sheet while reading, so the demo shows progress. */
  readDelayMs?: number;
}

/** Key of a cell in the fill map. */
export function fillKey(sheet: string, a1: string): string {
  return `${sheet}!${a1}`;
}

function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export class MemoryHost implements PanelHost {
  readonly workbook: WorkbookSnapshot;
  /** Current fill colours ("Sheet!A1" → "#RRGGBB"). */
  readonly fills: Map<string, string>;
  /** Original fill (or null = none) of every cell that a mark changed. */
  private readonly saved = new Map<string, string | null>();
  /** The selected cell or range ("cell" may be "A:A" or, multi-area, "A1:B2,D4"), or null. */
  selection: { sheet: string; cell: string } | null = null;
  settings: PanelSettings | null;
  readonly calls: HostCall[] = [];
  private readonly readDelayMs: number;
  private readonly listeners: Array<() => void> = [];
  /** Name of the report sheet this host created, or null: only that sheet is skipped, replaced or removed. */
  reportSheet: string | null = null;
  /** Name of the overview sheet this host created, or null (as reportSheet). */
  overviewSheet: string | null = null;
  /** The sheets "Nieuw plan" added (id, name, fingerprint), for removePlanSheets. */
  planRecord: PlanSheetEntry[] = [];
  /** Number formats and validations written by addPlanSheets ("Sheet!A1" → format; sheet → rules), for tests and the demo. */
  readonly formats = new Map<string, string>();
  readonly validations = new Map<string, unknown[]>();
  /** A stable id per sheet object (survives a rename, as the hosts' sheet ids). */
  private readonly ids = new WeakMap<SheetSnapshot, string>();
  private nextId = 1;

  constructor(workbook: WorkbookSnapshot, options: MemoryHostOptions = {}) {
    this.workbook = copy(workbook);
    this.fills = new Map(Object.entries(options.fills ?? {}));
    this.settings = options.settings ? copy(options.settings) : null;
    this.readDelayMs = options.readDelayMs ?? 0;
  }

  /** Called after every change (selection, fills, report); the demo re-renders on it. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** How many calls of one method (or of all methods) were made. */
  count(method?: keyof PanelHost): number {
    return method ? this.calls.filter((c) => c.method === method).length : this.calls.length;
  }

  private log(method: keyof PanelHost, ...args: unknown[]): void {
    this.calls.push({ method, args: copy(args.filter((a) => typeof a !== "function")) });
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private sheet(name: string) {
    const s = this.workbook.sheets.find((x) => x.name === name);
    if (!s) throw new IkkError("ONBRUIKBAAR", `Het blad '${name}' bestaat niet (meer).`);
    return s;
  }

  async readWorkbook(onProgress?: ReadProgress): Promise<WorkbookSnapshot> {
    this.log("readWorkbook");
    // The host's own report sheet is output, never input; a user's sheet of that name is read.
    const sheets = this.workbook.sheets.filter((s) => s.name !== this.reportSheet && s.name !== this.overviewSheet);
    const total = sheets.length;
    for (let i = 0; i < total; i++) {
      onProgress?.(i + 1, total, sheets[i].name);
      await new Promise((resolve) => setTimeout(resolve, this.readDelayMs));
    }
    return copy({ ...this.workbook, sheets });
  }

  async selectCell(sheet: string, a1: string): Promise<void> {
    this.log("selectCell", sheet, a1);
    this.sheet(sheet);
    cellsOf(a1);
    this.selection = { sheet, cell: a1 };
    this.changed();
  }

  async applyMarks(marks: CellMark[]): Promise<void> {
    this.log("applyMarks", marks);
    for (const m of marks) {
      this.sheet(m.sheet);
      for (const a1 of cellsOf(m.cell)) {
        const key = fillKey(m.sheet, a1);
        if (!this.saved.has(key)) this.saved.set(key, this.fills.get(key) ?? null);
        this.fills.set(key, MARK_COLOURS[m.severity]);
      }
    }
    this.changed();
  }

  /** Restores every marked cell that still carries a mark colour; a cell recoloured since (userFill) is left and reported. */
  async clearMarks(): Promise<ClearMarksResult> {
    this.log("clearMarks");
    let restored = 0;
    const skipped: SkippedMark[] = [];
    for (const [key, original] of this.saved) {
      const bang = key.lastIndexOf("!");
      const sheet = key.slice(0, bang);
      const cell = key.slice(bang + 1);
      if (!this.workbook.sheets.some((s) => s.name === sheet)) {
        skipped.push({ sheet, cell, reason: "sheetGone" });
        continue;
      }
      if (!isMarkColour(this.fills.get(key))) {
        skipped.push({ sheet, cell, reason: "changed" });
        continue;
      }
      if (original === null) this.fills.delete(key);
      else this.fills.set(key, original);
      restored++;
    }
    this.saved.clear();
    this.changed();
    return { restored, skipped };
  }

  async writeReport(rows: string[][]): Promise<ReportWritten> {
    this.log("writeReport", rows);
    this.removeReportSheet();
    const name = freeReportName(this.workbook.sheets.map((s) => s.name));
    // Values as text: the memory host stores strings and never formulas.
    this.workbook.sheets.push({
      name,
      values: rows.map((r) => r.map((v) => String(v))),
      formulas: rows.map((r) => r.map(() => null)),
    });
    this.reportSheet = name;
    this.changed();
    return { sheet: name };
  }

  async removeReport(): Promise<ReportRemoved> {
    this.log("removeReport");
    const removed = this.removeReportSheet();
    this.changed();
    return { removed };
  }

  /** Deletes this host's own report sheet (never a user's sheet of the same name); its name, or null. */
  private removeReportSheet(): string | null {
    const name = this.reportSheet;
    this.reportSheet = null;
    const i = name === null ? -1 : this.workbook.sheets.findIndex((s) => s.name === name);
    if (i < 0) return null;
    this.workbook.sheets.splice(i, 1);
    if (this.selection?.sheet === name) this.selection = null;
    return name;
  }

  async writeOverview(rows: string[][]): Promise<ReportWritten> {
    this.log("writeOverview", rows);
    const old = this.overviewSheet === null ? -1 : this.workbook.sheets.findIndex((s) => s.name === this.overviewSheet);
    if (old >= 0) this.workbook.sheets.splice(old, 1);
    const name = freeSheetName(OVERVIEW_SHEET_NAME, this.workbook.sheets.map((s) => s.name));
    this.workbook.sheets.push({ name, values: rows.map((r) => r.map((v) => String(v))), formulas: rows.map((r) => r.map(() => null)) });
    this.overviewSheet = name;
    this.changed();
    return { sheet: name };
  }

  private idOf(sheet: SheetSnapshot): string {
    let id = this.ids.get(sheet);
    if (!id) this.ids.set(sheet, (id = `m${this.nextId++}`));
    return id;
  }

  private fingerprintOf(sheet: SheetSnapshot): string {
    return contentFingerprint(sheet.values, sheet.formulas);
  }

  /** Adds the template's sheets (formulas kept as formulas, without a computed value: the memory host does not calculate). */
  async addPlanSheets(template: TemplateWorkbook): Promise<PlanSheetsAdded> {
    this.log("addPlanSheets", template);
    const planned = planTemplate(template, this.workbook.sheets.map((s) => s.name));
    for (const p of planned) {
      const sheet: SheetSnapshot = {
        name: p.name,
        values: p.values.map((row, r) => row.map((v, c) => (p.formulas[r][c] !== null || v === "" ? null : v))),
        formulas: p.formulas.map((row) => [...row]),
      };
      this.workbook.sheets.push(sheet);
      p.numberFormats.forEach((row, r) => row.forEach((f, c) => f !== null && this.formats.set(fillKey(p.name, cellAddress(r, c)), f)));
      this.validations.set(p.name, p.validations);
      this.planRecord.push({ id: this.idOf(sheet), name: p.name, fingerprint: this.fingerprintOf(sheet) });
    }
    this.changed();
    return { sheets: planned.map((p) => p.name) };
  }

  /** Deletes the sheets addPlanSheets added that are unchanged since; keeps edited or renamed ones. */
  async removePlanSheets(): Promise<PlanSheetsRemoved> {
    this.log("removePlanSheets");
    const recorded = new Set(this.planRecord.map((e) => e.id));
    const now = this.workbook.sheets.map((s) => {
      const id = this.idOf(s);
      return recorded.has(id) ? { id, name: s.name, fingerprint: this.fingerprintOf(s) } : { id, name: s.name };
    });
    const { remove, kept } = planRemoval(this.planRecord, now);
    const gone = new Set(remove.map((s) => s.id));
    const removed = this.workbook.sheets.filter((s) => gone.has(this.idOf(s))).map((s) => s.name);
    for (let i = this.workbook.sheets.length - 1; i >= 0; i--) if (gone.has(this.idOf(this.workbook.sheets[i]))) this.workbook.sheets.splice(i, 1);
    if (this.selection && removed.includes(this.selection.sheet)) this.selection = null;
    this.planRecord = [];
    this.changed();
    return { removed, kept };
  }

  /** The user edits a cell (demo/tests; not a PanelHost call, not logged). */
  userEdit(sheet: string, row: number, col: number, value: string | number | null): void {
    const s = this.sheet(sheet);
    while (s.values.length <= row) s.values.push([]);
    while (s.values[row].length <= col) s.values[row].push(null);
    s.values[row][col] = value;
    if (s.formulas?.[row]) s.formulas[row][col] = null;
    this.changed();
  }

  /** The user renames a sheet (demo/tests; not logged). */
  userRename(from: string, to: string): void {
    this.sheet(from).name = to;
    this.changed();
  }

  /** The user fills a cell (demo/tests; not a PanelHost call, not logged): null removes the fill. */
  userFill(sheet: string, a1: string, colour: string | null): void {
    const key = fillKey(sheet, a1);
    if (colour === null) this.fills.delete(key);
    else this.fills.set(key, colour);
    this.changed();
  }

  async loadSettings(): Promise<PanelSettings | null> {
    this.log("loadSettings");
    return this.settings ? copy(this.settings) : null;
  }

  async saveSettings(settings: PanelSettings): Promise<void> {
    this.log("saveSettings", settings);
    this.settings = copy(settings);
  }

  async getSelection(): Promise<SheetSelection | null> {
    this.log("getSelection");
    return this.selection ? { sheet: this.selection.sheet, a1: this.selection.cell } : null;
  }

  /** The user selects cells (demo: a click in the sheet; tests). Not a PanelHost call, not logged. */
  userSelect(sheet: string, a1: string | null): void {
    this.selection = a1 === null ? null : { sheet, cell: a1 };
    this.changed();
  }
}
