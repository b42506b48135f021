/**
 * The Google Sheets adapter of the validation panel: PanelHost over google.script.run,
 * running in the sidebar. The engine runs here in the browser; the server functions of
 * Code.gs (generated wrappers → server.ts SERVER_FUNCTIONS) only read and write cells in
 * bulk. Settings are encoded and decoded with host-kit's codec, as in Excel.
 *
 * google.script.run calls per operation:
 *   readWorkbook   1 (ikkListSheets) + 1 per non-empty sheet (ikkReadSheet), so the panel
 *                  can show "Blad 3 van 12 lezen…"; empty sheets need no call
 *   selectCell, applyMarks, clearMarks, writeReport, removeReport, loadSettings,
 *   saveSettings, getSelection, addPlanSheets, removePlanSheets, writeOverview   1 each
 */
import { assertSheetAreas } from "../shared/validate/budgets";
import type { CellMark, ClearMarksResult, MarkSkipReason, PanelHost, PanelSettings, PlanSheetsAdded, PlanSheetsRemoved, ReadProgress, ReportRemoved, ReportWritten, SheetSelection } from "../shared/panel/host";
import type { TemplateWorkbook } from "../shared/template/types";
import { decodeSettings, encodeSettings, type HostName } from "../shared/panel/host-kit";
import { IkkError } from "../shared/errors";
import type { SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import type { ServerApi, ServerFunctionName } from "./server-api";

const HOST: HostName = "Google Spreadsheets";

/** The part of google.script.run the adapter uses: a runner with handlers, then the call. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

/** google.script.run of the sidebar page, or null outside Apps Script. */
function pageRunner(): ScriptRunner | null {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run ?? null;
}

/** Message of a failure from google.script.run, without Apps Script's "Error: "/"Exception: " prefix. */
export function failureMessage(error: unknown): string {
  const raw = error instanceof Error || (error && typeof error === "object" && "message" in error) ? String((error as { message: unknown }).message) : String(error);
  const text = raw.replace(/^(Script)?(Error|Exception|IkkError):\s*/i, "").trim();
  return text === "" ? "Google Spreadsheets gaf een onbekende fout." : text;
}

/**
 * Calls a server function and resolves with its result: a promise over
 * withSuccessHandler / withFailureHandler, typed by ServerApi.
 */
export function callServer<K extends ServerFunctionName>(
  runner: () => ScriptRunner | null,
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = runner();
    if (!run) {
      reject(new IkkError("ONBRUIKBAAR", "Deze zijbalk werkt alleen in Google Spreadsheets (google.script.run ontbreekt)."));
      return;
    }
    const target = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(new Error(failureMessage(error))));
    const fn = target[name];
    if (typeof fn !== "function") {
      reject(new IkkError("ONBRUIKBAAR", `De serverfunctie ${name} ontbreekt in het script; werk de invoegtoepassing bij.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(target, args);
  });
}

function isSheet(v: unknown): v is SheetSnapshot {
  return !!v && typeof v === "object" && typeof (v as SheetSnapshot).name === "string" && Array.isArray((v as SheetSnapshot).values);
}

export class AppsScriptHost implements PanelHost {
  private readonly runner: () => ScriptRunner | null;

  /** runner: where google.script.run comes from (tests pass their own). */
  constructor(runner: () => ScriptRunner | null = pageRunner) {
    this.runner = runner;
  }

  private call<K extends ServerFunctionName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
    return callServer(this.runner, name, ...args);
  }

  async readWorkbook(onProgress?: ReadProgress): Promise<WorkbookSnapshot> {
    const list = await this.call("ikkListSheets");
    if (!list || !Array.isArray(list.sheets)) throw new IkkError("ONBRUIKBAAR", "Google Spreadsheets gaf geen lijst van bladen terug.");
    // The server leaves out the report sheet it created (by its stored sheet id); a user's
    // own sheet named like the report is read like any other.
    const targets = list.sheets;
    // Area budget before any sheet is read (one ikkListSheets gave every size).
    assertSheetAreas(targets.map((t) => ({ name: t.name, rows: Number(t.rows) || 0, columns: Number(t.columns) || 0 })));
    const sheets: SheetSnapshot[] = [];
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      onProgress?.(i + 1, targets.length, t.name);
      const hidden = t.hidden === true ? ({ visibility: "hidden" } as const) : {};
      if (t.rows === 0 || t.columns === 0) {
        sheets.push({ name: t.name, values: [], ...hidden });
        continue;
      }
      const sheet = await this.call("ikkReadSheet", t.name);
      if (!isSheet(sheet)) throw new IkkError("ONBRUIKBAAR", `Het blad '${t.name}' kon niet worden gelezen (leeg antwoord van Google Spreadsheets).`);
      sheets.push({ ...sheet, ...hidden });
    }
    return list.name ? { name: list.name, sheets } : { sheets };
  }

  async selectCell(sheet: string, a1: string): Promise<void> {
    await this.call("ikkSelectCell", sheet, a1);
  }

  async applyMarks(marks: CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    await this.call("ikkApplyMarks", marks.map((m) => ({ sheet: m.sheet, cell: m.cell, severity: m.severity })));
  }

  /** One call (ikkClearMarks); the reply is checked, since it crossed google.script.run. */
  async clearMarks(): Promise<ClearMarksResult> {
    const r = await this.call("ikkClearMarks");
    const reasons: MarkSkipReason[] = ["sheetGone", "cellGone", "changed"];
    if (!r || typeof r.restored !== "number" || !Array.isArray(r.skipped)) throw new IkkError("ONBRUIKBAAR", "Google Spreadsheets gaf geen leesbaar antwoord na het wissen van de markeringen.");
    return {
      restored: r.restored,
      skipped: r.skipped
        .filter((x) => x && typeof x.sheet === "string" && typeof x.cell === "string")
        .map((x) => ({ sheet: x.sheet, cell: x.cell, reason: reasons.includes(x.reason) ? x.reason : "changed" })),
    };
  }

  async writeReport(rows: string[][]): Promise<ReportWritten> {
    const r = await this.call("ikkWriteReport", rows.map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v)))));
    if (!r || typeof r.sheet !== "string") throw new IkkError("ONBRUIKBAAR", "Google Spreadsheets zei niet naar welk blad het rapport is geschreven.");
    return { sheet: r.sheet };
  }

  async removeReport(): Promise<ReportRemoved> {
    const r = await this.call("ikkRemoveReport");
    return { removed: r && typeof r.removed === "string" ? r.removed : null };
  }

  /** One call (ikkAddPlanSheets): the template is plain JSON; the server checks it (plan-sheets planTemplate). */
  async addPlanSheets(template: TemplateWorkbook): Promise<PlanSheetsAdded> {
    const r = await this.call("ikkAddPlanSheets", JSON.parse(JSON.stringify(template)) as TemplateWorkbook);
    if (!r || !Array.isArray(r.sheets) || r.sheets.some((x) => typeof x !== "string")) throw new IkkError("ONBRUIKBAAR", "Google Spreadsheets zei niet welke bladen zijn toegevoegd.");
    return { sheets: r.sheets };
  }

  /** One call (ikkRemovePlanSheets); the reply is checked. */
  async removePlanSheets(): Promise<PlanSheetsRemoved> {
    const r = await this.call("ikkRemovePlanSheets");
    const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    return { removed: names(r?.removed), kept: names(r?.kept) };
  }

  async writeOverview(rows: string[][]): Promise<ReportWritten> {
    const r = await this.call("ikkWriteOverview", rows.map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v)))));
    if (!r || typeof r.sheet !== "string") throw new IkkError("ONBRUIKBAAR", "Google Spreadsheets zei niet naar welk blad het overzicht is geschreven.");
    return { sheet: r.sheet };
  }

  /** One call (ikkLoadSettings); the stored JSON text through host-kit's decodeSettings. */
  async loadSettings(): Promise<PanelSettings | null> {
    return decodeSettings(await this.call("ikkLoadSettings"), HOST);
  }

  async saveSettings(settings: PanelSettings): Promise<void> {
    await this.call("ikkSaveSettings", encodeSettings(settings));
  }

  /** One call (ikkGetSelection); the reply is checked, since it crossed google.script.run. */
  async getSelection(): Promise<SheetSelection | null> {
    const sel = await this.call("ikkGetSelection");
    if (sel === null || sel === undefined) return null;
    if (typeof sel !== "object" || typeof sel.sheet !== "string" || typeof sel.a1 !== "string") {
      throw new IkkError("ONBRUIKBAAR", "Google Spreadsheets gaf geen leesbare selectie terug.");
    }
    return { sheet: sel.sheet, a1: sel.a1 };
  }
}
