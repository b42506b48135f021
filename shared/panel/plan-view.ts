/**
 * Pure helpers of the panel's issue-12 parts: the year and the template of "Nieuw plan",
 * the Dutch messages after adding, undoing and writing the overview, the reference date and
 * alert month of the realisation, and the realisation block of the result view. No DOM and
 * no clock here: the panel passes `now`.
 */
import type { CheckResult, PartHours, WorkbookSnapshot } from "../validate/types";
import { realisationRows as reportRealisationRows } from "../validate/realisation-report";
import type { CarriedPlan, TemplateWorkbook } from "../template/types";
import { DEFAULT_PLAN_SHEET_NAMES, PLAN_SHEET_KEYS, buildPlanTemplate, type PlanSheetKey } from "../template/plan-template";
import { DUTCH_MONTHS } from "../dates";
import { IkkError } from "../errors";
import { checkYear } from "../norms";
import type { PanelSettings, PlanSheetsAdded, PlanSheetsRemoved } from "./host";
import { OVERVIEW_SHEET_NAME } from "./host";
import { planSheetNames } from "./plan-sheets";

/** The month from which the panel warns about staff not yet coached, when the settings say nothing: september. */
export const DEFAULT_ALERT_MONTH = 9;

/** Dutch month names, January first. */
/** The month names of the alert-month select (the one Dutch list in shared/dates.ts). */
export const MONTH_NAMES = DUTCH_MONTHS;

/** The local calendar date of `now` as "yyyy-mm-dd". */
export function isoDate(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(now.getFullYear(), 4)}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A real calendar date "yyyy-mm-dd", or null. */
export function parseIsoDay(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days ? text.trim() : null;
}

/**
 * The year of "Nieuw plan": the panel's year field (what is typed in it now, else the stored
 * settings.year); otherwise this year, or next year from October on (a plan is made before
 * the year starts). A typed year without a norm is a Dutch error (checkYear).
 */
export function newPlanYear(settings: PanelSettings | null, now: Date, typed = ""): number {
  const t = typed.trim();
  if (t !== "") {
    const n = Number(t);
    checkYear(n);
    return n;
  }
  if (settings?.year !== undefined) return settings.year;
  return now.getMonth() >= 9 ? now.getFullYear() + 1 : now.getFullYear();
}

/**
 * The template of a new plan for `year`, its sheet names chosen beside the workbook's
 * (`existing`, e.g. from the last read): "Locaties" when free, else "Locaties 2027".
 * The adapters check the names again against the workbook as it is when they write.
 */
export function newPlanTemplate(year: number, existing: readonly string[], carried?: CarriedPlan): TemplateWorkbook {
  const defaults = PLAN_SHEET_KEYS.map((k) => DEFAULT_PLAN_SHEET_NAMES[k]);
  const chosen = planSheetNames(defaults, existing, year);
  const names: Partial<Record<PlanSheetKey, string>> = {};
  PLAN_SHEET_KEYS.forEach((k, i) => {
    if (chosen[i] !== defaults[i]) names[k] = chosen[i];
  });
  return buildPlanTemplate({ year, names, ...(carried ? { carried } : {}) });
}

/** The sheet names of a snapshot, hidden ones included (a hidden sheet's name is taken too). */
export function sheetNamesOf(snapshot: WorkbookSnapshot | null): string[] {
  return snapshot ? snapshot.sheets.map((s) => s.name) : [];
}

function quotedList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} en ${q[q.length - 1]}`;
}

/** Status after "Nieuw plan": which sheets were added, what was taken over from the workbook (carry-over's lines), and how to undo. */
export function planAddedMessage(year: number, added: PlanSheetsAdded, carried: readonly string[] = []): string {
  const n = added.sheets.length;
  const over = carried.length > 0 ? ` ${carried.join(" ")}` : "";
  const notes = (added.notes ?? []).map((t) => ` ${t}`).join("");
  return `Nieuw plan ${year}: ${n} ${n === 1 ? "blad" : "bladen"} toegevoegd (${quotedList(added.sheets)}).${over}${notes} Vul de bladen aan en klik op Controleren; 'Nieuw plan verwijderen' haalt ze weer weg zolang ze niet zijn gewijzigd.`;
}

/** Status after "Nieuw plan verwijderen": what went, and what stayed because the user changed it. */
export function planRemovedMessage(r: PlanSheetsRemoved): string {
  if (r.removed.length === 0 && r.kept.length === 0) return "Er zijn geen bladen van 'Nieuw plan' om te verwijderen.";
  const parts: string[] = [];
  if (r.removed.length > 0) parts.push(`Verwijderd: ${quotedList(r.removed)}.`);
  if (r.kept.length > 0) {
    parts.push(
      `Niet verwijderd, want sinds het toevoegen gewijzigd of hernoemd (of het laatste blad van de werkmap): ${quotedList(r.kept)}. Verwijder ${r.kept.length === 1 ? "dat blad" : "die bladen"} zelf als u ${r.kept.length === 1 ? "het" : "ze"} niet nodig hebt.`,
    );
  }
  return parts.join(" ");
}

/** Status after "Overzicht als blad": where it went, and plainly when it is not complete. */
export function overviewWrittenMessage(sheet: string, incomplete: number): string {
  const aside = sheet === OVERVIEW_SHEET_NAME ? "" : ` (er is al een eigen blad '${OVERVIEW_SHEET_NAME}'; dat blijft staan)`;
  const note = incomplete > 0 ? " Let op: het overzicht is niet volledig; bovenaan het blad staat waarom." : "";
  return `Overzicht voor ouders en medewerkers geschreven naar blad '${sheet}'${aside}.${note}`;
}

// ---------------------------------------------------------------- realisation settings

/** The reference date typed in the panel → what to store: null = today (not stored); Dutch error for anything else. */
export function asOfSetting(input: string, today: string): string | null {
  if (input.trim() === "" || input.trim() === today) return null;
  const d = parseIsoDay(input);
  if (!d) throw new IkkError("ONGELDIGE_INVOER", `De peildatum '${input.slice(0, 20)}' is geen bestaande datum. Kies een datum in het veld 'Peildatum realisatie'.`);
  return d;
}

/** The reference date the check uses: the stored one, else today. */
export function asOfOf(settings: PanelSettings | null, today: string): string {
  return settings?.asOf ?? today;
}

/** The alert month the check uses (1–12): the stored one, else september. */
export function alertMonthOf(settings: PanelSettings | null): number {
  const m = settings?.alertFromMonth;
  return typeof m === "number" && Number.isInteger(m) && m >= 1 && m <= 12 ? m : DEFAULT_ALERT_MONTH;
}

// ---------------------------------------------------------------- realisation view

/**
 * The realisation block of the result view, from the same rows as the report sheet and the
 * text report (shared/validate/realisation-report.ts), so the panel says what the report
 * says: the heading, the column headers, one row per part, and notes below.
 */
export interface RealisationView {
  title: string;
  header: string[];
  rows: Array<{ part: keyof PartHours; cells: string[] }>;
  notes: string[];
}

const PART_OF: Readonly<Record<string, keyof PartHours>> = { Beleid: "policy", Coaching: "coaching", VE: "ve", Totaal: "total" };

/** The realisation of a result as the panel shows it, or null when the workbook has none. */
export function realisationView(result: CheckResult): RealisationView | null {
  const real = result.realisation;
  const rows = reportRealisationRows(result);
  if (!real || rows.length < 2) return null;
  const [[title], header, ...rest] = rows;
  const view: RealisationView = { title, header, rows: [], notes: [] };
  for (const row of rest) {
    const part = PART_OF[row[0]];
    if (part) view.rows.push({ part, cells: row });
    else view.notes.push(`${row[0]}: ${row.slice(1).join(" ")}`);
  }
  if (real.notCoached.length > 0 && real.asOf !== null) {
    view.notes.push(`Een waarschuwing per niet-gecoachte medewerker vanaf ${MONTH_NAMES[real.alertFromMonth - 1] ?? real.alertFromMonth} (zie de bevindingen).`);
  }
  return view;
}
