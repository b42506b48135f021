/**
 * Host-neutral types of the validator: the workbook snapshot every adapter fills
 * (exceljs for the CLI, Office.js for the task pane, Apps Script for the sidebar, an
 * in-memory one for the demo) and the result the engine returns.
 * Everything here is plain JSON (Apps Script's google.script.run drops Dates and classes).
 */
import type { RuleId } from "./rules/ids";

/** An error value in a cell, e.g. { error: "#REF!" } (Dutch hosts may give "#VERW!"). */
export interface CellError {
  error: string;
}

/**
 * A cell value: number, text, boolean, blank (null) or an error value.
 * Adapters turn dates into ISO date text ("2024-01-01").
 */
export type CellValue = number | string | boolean | null | CellError;

export interface SheetSnapshot {
  name: string;
  /** Values, row-major, starting at A1 (row 0 = spreadsheet row 1). Rows may differ in length. */
  values: CellValue[][];
  /**
   * Formulas where the host gives them ("=SUM(B2:E2)"), same shape as values, null where
   * the cell holds no formula. A formula cell whose value is null has no cached result.
   */
  formulas?: (string | null)[][];
  /**
   * Whether the user sees the sheet: "hidden" (unhide via the sheet tabs) or "veryHidden"
   * (only via VBA / the developer tools). Absent = visible. Hidden sheets are not counted
   * by default.
   */
  visibility?: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** File name or document title, for messages. */
  name?: string;
}

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Stable rule id, e.g. "totaal-rij", "coaching-tekort" (rules/ids.ts). */
  rule: RuleId;
  severity: Severity;
  /** Sheet name, or null for findings about the whole workbook. */
  sheet: string | null;
  /** A1-style cell (or range) address, or null. */
  cell: string | null;
  /** Dutch message with the numbers. */
  message: string;
}

/** Where a fact came from: a cell, a derived table, the user (option/panel) or the mapping. */
export interface FactSource {
  kind: "cell" | "table" | "override" | "mapping";
  sheet: string | null;
  cell: string | null;
  /** Dutch description: "label 'Aantal LRK-registraties' in Uren!B3", "opgegeven met --fte". */
  description: string;
}

export interface Fact {
  value: number;
  source: FactSource;
}

export interface PartHours {
  policy: number | null;
  coaching: number | null;
  ve: number | null;
  total: number | null;
}

/**
 * A table the detector found, for the panel and for mappings. "ignored" only comes from a
 * mapping (`"rol": "negeren"`): the engine skips that table (no hours, facts or findings).
 * "mixed" is a long list whose category column ("Activiteit", "Categorie") says per row
 * whether its hours are beleid, coaching or VE. "realisation" holds hours spent (a
 * realisation list or a table per month titled as realised, issue 12): never planned hours.
 */
export type TableRole = "policy" | "coaching" | "ve" | "ve-toddlers" | "staff" | "locations" | "mixed" | "realisation" | "unknown" | "ignored";

export interface DetectedTable {
  sheet: string;
  /** A1 range of the whole table, header included. */
  range: string;
  role: TableRole;
  /** How sure the detector is, 0..1; below LOW_CONFIDENCE (severity.ts) the panel asks the user. */
  confidence: number;
  /** Dutch explanation of why this role was chosen. */
  reason: string;
}

export interface CheckResult {
  year: number;
  /**
   * Dutch: why this year ("titel 'Uren 2026' in Blad1!A1", "opgegeven jaar 2026"). When no
   * year was given or found it says so, which norm version was applied and how to set the
   * year; `year` is then the first year of the newest norm version (see yearKnown).
   */
  yearSource: string;
  /** False when no year was given or found and `year` is the newest norm version's first year. */
  yearKnown?: boolean;
  inputs: {
    centres: Fact | null;
    fte: Fact | null;
    targetToddlers: Fact | null;
  };
  required: PartHours;
  planned: PartHours;
  formation: {
    hours: number | null;
    fte: number | null;
    /** formation hours − required total (positive = margin). */
    marginHours: number | null;
    marginFte: number | null;
    source: FactSource | null;
    /** Yearly hours of open vacancies in the coaches' list, not in `hours` (null without a list). */
    vacancyHours?: number | null;
    /** Leave and absence applied, in percent (null when none was given). */
    leavePercent?: Fact | null;
    /** hours × (1 − leavePercent/100): the hours actually available; null without a leave percentage. */
    netHours?: number | null;
    /** netHours − required total; null without a leave percentage or a required total. */
    netMarginHours?: number | null;
    netMarginFte?: number | null;
    /** Hourly cost in euros (option, panel or labelled cell), or null. */
    hourlyRate?: Fact | null;
  };
  tables: DetectedTable[];
  findings: Finding[];
  /**
   * True only when the check is complete: the year is known, every input the law needs for
   * that year was read or given, and planned hours were found for every required part.
   * Only then can the verdict be "in orde".
   */
  complete: boolean;
  /** Dutch: what is missing or not trusted, each with how to supply it (empty when complete). */
  missing: string[];
  /**
   * Hours actually spent (realisatie), read from a realisation table; null when the workbook
   * has none. Optional only so older producers of CheckResult stay valid; the engine sets it.
   */
  realisation?: RealisationResult | null;
  /** Planned hours per kindercentrum from the planned totals' own sources (the overview for parents and staff). */
  plannedLocations?: PlannedLocations;
}

/** Planned hours per kindercentrum (planned-locations.ts). */
export interface PlannedLocations {
  /** Parts read per location: every row named by a location column, known, and adding up to the planned total. */
  parts: ("policy" | "coaching" | "ve")[];
  /** Parts with planned hours that cannot be shown per location (rows not named by a location, unknown, or not adding up). */
  notShown: ("policy" | "coaching" | "ve")[];
  /** One row per location name (whitespace collapsed, compared without case), in the order first met. */
  rows: { location: string; policy: number | null; coaching: number | null; ve: number | null }[];
}

/** One location × part of the realisation: planned, realised and expected by the reference date. */
export interface RealisationLocation {
  location: string;
  part: "policy" | "coaching" | "ve";
  /** Planned for the whole year (from the allocation tables), null when not planned there. */
  planned: number | null;
  realised: number;
  /** planned × fraction, null without a planned figure. */
  expected: number | null;
}

/**
 * The year as it is spent (issue 12): realised hours compared with the plan pro rata to a
 * reference date. fraction = (month − 1 + (day − 1) / daysInMonth) / 12 of the check year,
 * so 1 October gives exactly 0,75; 0 before the year, 1 after it.
 * The engine reads no clock: without CheckOptions.asOf the realised hours are still listed,
 * but asOf, fraction, expected and projected are null and nothing is compared (an info
 * finding "realisatie-zonder-peildatum" says so). The CLI and the panel always pass a date.
 */
export interface RealisationResult {
  /** ISO date the comparison is made at ("2026-10-01"); null when no reference date was given. */
  asOf: string | null;
  /** Dutch: where asOf came from ("opgegeven peildatum", "geen peildatum opgegeven"). */
  asOfSource: string;
  /** Share of the check year passed at asOf (0..1); null without a reference date. */
  fraction: number | null;
  /**
   * Same shape as planned: hours realised per part. Null for a part without realised hours,
   * and for a part with a cell that cannot be read (never a partial sum; see `complete`).
   * total: the sum of the parts that have realised hours, null when one of them is unknown.
   */
  realised: PartHours;
  /**
   * planned × fraction per part (null without a planned figure or a reference date). total:
   * over the same parts as realised.total (the parts with realised hours), so realised,
   * expected and projected totals compare like with like; null when one of those parts has
   * no planned figure.
   */
  expected: PartHours;
  /** realised ÷ fraction per part: the year-end figure at the current pace (null when fraction is 0 or null); total = realised.total ÷ fraction, the same parts. */
  projected: PartHours;
  /** The parts without any realised hours yet (left out of the totals). */
  partsWithoutRealised?: ("policy" | "coaching" | "ve")[];
  locations: RealisationLocation[];
  /** The first month (1–12) from which staff not yet coached are warned about. */
  alertFromMonth: number;
  /** Staff rows without any coaching yet (warned about only from alertFromMonth on); `name` as written. */
  notCoached: { sheet: string; cell: string; name?: string }[];
  /** False when a realised hours, month or part cell could not be read: the realisation is incomplete. */
  complete?: boolean;
  /** Where the realised hours were read ("Realisatie!A3:F40"). */
  where?: string[];
}

/** Options of a check; overrides win over what the workbook says. */
export interface CheckOptions {
  /** Year to apply (otherwise detected from the workbook, otherwise the newest norm). */
  year?: number;
  overrides?: {
    centres?: number;
    fte?: number;
    /** Total doelgroeppeuters (used when no per-location VE table exists). */
    toddlers?: number;
    formationHours?: number;
    /** Leave and absence in percent (0–100) of the formation: net hours = formation × (1 − pct/100). */
    leavePercent?: number;
    /** Hourly cost in euros of a coach's hour: the required hours, formation and margin in euros. */
    hourlyRate?: number;
  };
  /** User mapping of tables/facts where detection fails (see mapping.ts). */
  mapping?: unknown;
  /**
   * Unverified rules, explicit options (docs/regels.md, 1.2): count BBL students and a policy
   * officer who also works on the group in the fte. Default true when they appear.
   */
  countBbl?: boolean;
  countPolicyOfficerOnGroup?: boolean;
  /**
   * Count hidden and very hidden sheets too (CLI --verborgen-bladen ja, the panel's checkbox).
   * Default false: a hidden sheet is left out and an info finding lists it.
   */
  includeHidden?: boolean;
  /**
   * Reference date of the realisation comparison, ISO "yyyy-mm-dd" (CLI --peildatum, panel
   * field). Absent = today (the caller passes today's date; the engine never reads a clock).
   */
  asOf?: string;
  /** Dutch: where asOf came from, for the result ("opgegeven met --peildatum", "vandaag"). */
  asOfSource?: string;
  /** From this month (1–12) on, every staff member not yet coached is a warning. Default 9. */
  alertFromMonth?: number;
}
