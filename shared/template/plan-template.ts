/**
 * The "nieuw plan" template (issue 12): seven sheets that hold a year's plan of the
 * pedagogisch beleidsmedewerker / coach hours with plain spreadsheet formulas, so the
 * workbook computes in Excel, Google Sheets and LibreOffice without the add-in, and the
 * check reads it completely without a mapping (docs/nieuw-plan.md).
 *
 * Every input table has its title in row 1, one header row in row 2 and its rows from
 * row 3 on, with room for TEMPLATE_ROWS rows. Formulas refer to whole fixed ranges of
 * those rows and to the norm cells on the Normen sheet; nothing is rounded. A per-row
 * formula yields "" on an empty row, so the check sees empty rows as empty.
 *
 * Pure: no host or Node APIs (the CLI, the Excel and the Sheets adapters write the model).
 */
import { DUTCH_MONTHS } from "../dates";
import { IkkError } from "../errors";
import { NORM_VERSIONS, normForYear, type NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { columnLetters } from "../validate/a1";
import type {
  CarriedPlan,
  PlanSheetKey,
  TemplateCell,
  TemplateSheet,
  TemplateValidationRule,
  TemplateWorkbook,
} from "./types";

export type { CarriedPlan, PlanSheetKey } from "./types";

/** The sheets in workbook order. */
export const PLAN_SHEET_KEYS: readonly PlanSheetKey[] = ["normen", "locaties", "medewerkers", "formatie", "verdeling", "realisatie", "overzicht"];

export const DEFAULT_PLAN_SHEET_NAMES: Readonly<Record<PlanSheetKey, string>> = Object.freeze({
  normen: "Normen",
  locaties: "Locaties",
  medewerkers: "Medewerkers",
  formatie: "Formatie",
  verdeling: "Verdeling",
  realisatie: "Realisatie",
  overzicht: "Overzicht",
});

/** Rows of room in each input table (more when more rows are carried over). */
export const TEMPLATE_ROWS = Object.freeze({ locations: 60, staff: 400, formation: 20, realisation: 2000 });

/**
 * The most rows a new plan takes over per table, checked before any row is built: far
 * above any Dutch provider (the largest have some thousands of staff), far below what
 * would make the writer (exceljs, or Excel itself through the panel) take gigabytes —
 * 120 000 carried staff took 14 s and 1,6 GB in the CLI.
 */
export const CARRY_LIMITS = Object.freeze({ locations: 5_000, staff: 25_000, formation: 1_000 });

const CARRY_DUTCH: Record<keyof typeof CARRY_LIMITS, string> = { locations: "locaties", staff: "pedagogisch medewerkers", formation: "coaches en beleidsmedewerkers" };

/** An IkkError when the carried plan has more rows than CARRY_LIMITS allows, naming the table and the limit. */
export function assertCarryLimits(carried: CarriedPlan | undefined): void {
  if (!carried) return;
  for (const key of Object.keys(CARRY_LIMITS) as (keyof typeof CARRY_LIMITS)[]) {
    const n = carried[key].length;
    if (n > CARRY_LIMITS[key]) {
      throw new IkkError(
        "ONBRUIKBAAR",
        `Het oude plan heeft ${formatDutch(n, 0)} ${CARRY_DUTCH[key]}; een nieuw plan neemt er hoogstens ${formatDutch(CARRY_LIMITS[key], 0)} over. Maak het nieuwe plan zonder overnemen (zonder --van) en vul de lijst zelf, of splits het oude plan.`,
      );
    }
  }
}

export interface TemplateSizes {
  locations: number;
  staff: number;
  formation: number;
  realisation: number;
}

/** The rows of each table: TEMPLATE_ROWS, or the carried rows plus ten when there are more. */
export function templateSizes(carried?: CarriedPlan): TemplateSizes {
  const room = (min: number, n: number) => (n > min ? n + 10 : min);
  return {
    locations: room(TEMPLATE_ROWS.locations, carried?.locations.length ?? 0),
    staff: room(TEMPLATE_ROWS.staff, carried?.staff.length ?? 0),
    formation: room(TEMPLATE_ROWS.formation, carried?.formation.length ?? 0),
    realisation: TEMPLATE_ROWS.realisation,
  };
}

/** The header row of every input table (1-based); its rows start one below. */
export const HEADER_ROW = 2;
export const FIRST_ROW = HEADER_ROW + 1;

/** The Realisatie header (a contract with the engine's realisation reader). */
export const REALISATION_HEADERS = ["Maand", "Locatie", "Onderdeel", "Uren", "Medewerker (bij coaching)", "Toelichting"] as const;

/** The Realisatie sheet's month list (the one Dutch list in shared/dates.ts). */
export const MONTHS = DUTCH_MONTHS;
export const PARTS = ["Beleid", "Coaching", "VE"] as const;
export const CONTRACT_KINDS = ["Vast", "Flex"] as const;
export const CARE_KINDS = ["KDV", "BSO", "PSZ", "Peuteropvang", "Overig"] as const;
export const STAFF_FUNCTIONS = ["Pedagogisch medewerker", "Invalkracht", "Oproepkracht", "Uitzendkracht", "BBL-student", "Beleidsmedewerker op de groep"] as const;
export const COACH_FUNCTIONS = ["Pedagogisch coach", "Pedagogisch beleidsmedewerker", "Beleidsmedewerker en coach"] as const;

/** Number formats (invariant codes; a Dutch locale shows 1.433,7). */
export const FORMATS = Object.freeze({ count: "#,##0", hours: "#,##0.0#", fte: "#,##0.00", text: "@" });

/** Where each norm figure stands on the Normen sheet (column B). */
export const NORM_CELLS = Object.freeze({
  year: "B4",
  policyPerCentre: "B5",
  coachingPerFte: "B6",
  hoursPerFteWeek: "B7",
  flexWeeks: "B8",
  weeksPerYear: "B9",
  vePerToddler: "B10",
});

/** Columns of the input tables (0-based), the one place formulas and readers take them from. */
export const COLUMNS = Object.freeze({
  locaties: { lrk: 0, name: 1, kind: 2, toddlers: 3, veRequired: 4 },
  medewerkers: { name: 0, function: 1, contract: 2, weekly: 3, worked: 4, location: 5, coached: 6 },
  formatie: { name: 0, function: 1, weekly: 2, yearly: 3 },
  verdeling: { name: 0, policy: 1, coaching: 2, ve: 3, total: 4, veRequired: 5 },
  realisatie: { month: 0, location: 1, part: 2, hours: 3, staff: 4, note: 5 },
});

/** Rows of the Overzicht sheet (1-based) that hold each figure in column B. */
export const OVERVIEW_ROWS = Object.freeze({
  centres: 4,
  fte: 5,
  toddlers: 6,
  formationHours: 7,
  formationFte: 8,
  requiredPolicy: 11,
  requiredCoaching: 12,
  requiredVe: 13,
  requiredTotal: 14,
  plannedPolicy: 17,
  plannedCoaching: 18,
  plannedVe: 19,
  plannedTotal: 20,
  realisedPolicy: 23,
  realisedCoaching: 24,
  realisedVe: 25,
  realisedTotal: 26,
  marginPolicy: 29,
  marginCoaching: 30,
  marginVe: 31,
  marginTotal: 32,
  veShortLocations: 33,
  marginFormation: 34,
});

export interface PlanTemplateInput {
  year: number;
  /** Sheet names other than the defaults (the panel avoids clashes: "Locaties 2027"). */
  names?: Partial<Record<PlanSheetKey, string>>;
  /** Last year's locations, staff and formation (carry-over.ts). */
  carried?: CarriedPlan;
}

/** Characters a sheet name may not hold (Excel's rule; Sheets and LibreOffice accept the rest). */
const BAD_SHEET_CHAR = /[[\]:*?/\\]/;

function sheetNames(names: PlanTemplateInput["names"]): Record<PlanSheetKey, string> {
  const out = { ...DEFAULT_PLAN_SHEET_NAMES };
  for (const key of PLAN_SHEET_KEYS) {
    const given = names?.[key];
    if (given === undefined) continue;
    const name = String(given);
    if (name.trim() === "" || name.length > 31 || BAD_SHEET_CHAR.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new IkkError(
        "ONGELDIGE_INVOER",
        `De bladnaam '${name}' kan niet: een bladnaam heeft 1 tot 31 tekens, zonder [ ] : * ? / \\ en zonder ' aan het begin of eind.`,
      );
    }
    out[key] = name;
  }
  const seen = new Map<string, PlanSheetKey>();
  for (const key of PLAN_SHEET_KEYS) {
    const lower = out[key].toLowerCase();
    if (seen.has(lower)) throw new IkkError("ONGELDIGE_INVOER", `De bladnaam '${out[key]}' staat er twee keer in; elk blad heeft een eigen naam nodig.`);
    seen.set(lower, key);
  }
  return out;
}

/** A name that can stand unquoted before "!": letters, digits, "_" and ".", not like a cell or R1C1 address. */
const PLAIN_SHEET_NAME = /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc]|true|false)$/i;

/** The sheet part of a reference: Locaties!, 'Locaties 2027'!, 'Jan''s blad'!. */
export function sheetRef(name: string): string {
  if (PLAIN_SHEET_NAME.test(name) && !LOOKS_LIKE_CELL.test(name)) return `${name}!`;
  return `'${name.replace(/'/g, "''")}'!`;
}

/** An absolute column range of one input table: $D$3:$D$62. */
function colRange(col: number, rows: number): string {
  const l = columnLetters(col);
  return `$${l}$${FIRST_ROW}:$${l}$${FIRST_ROW + rows - 1}`;
}

/** The A1 range of a column over the table's rows, relative form for validations: D3:D62. */
function validationRange(col: number, rows: number): string {
  const l = columnLetters(col);
  return `${l}${FIRST_ROW}:${l}${FIRST_ROW + rows - 1}`;
}

const text = (value: string, bold = false): TemplateCell => (bold ? { value, bold: true } : { value });
const num = (value: number | null, numberFormat: string): TemplateCell => ({ value, numberFormat });
const formula = (f: string, numberFormat: string, bold = false): TemplateCell => (bold ? { formula: f, numberFormat, bold: true } : { formula: f, numberFormat });
/**
 * A per-row formula with the result it shows on a new plan when that is known without
 * computing anything but the row's own carried values: "" on an empty row, a copied name, a
 * product with a norm figure. `undefined` = not known (the spreadsheet computes it).
 */
const rowFormula = (f: string, numberFormat: string, known: string | number | undefined): TemplateCell =>
  known === undefined ? { formula: f, numberFormat } : { formula: f, numberFormat, knownResult: known };
const blank = (v: unknown): v is undefined | null | "" => v === undefined || v === null || v === "";
/** value × factor, or undefined when either is not a number (a product the spreadsheet must compute). */
const times = (v: unknown, factor: number | null): number | undefined => (typeof v === "number" && factor !== null ? cleanFloat(v * factor) : undefined);
const title = (value: string): TemplateCell => ({ value, bold: true });
const headerRow = (headers: readonly string[]): TemplateCell[] => headers.map((h) => text(h, true));

/** An input cell of a column: the carried value (text stays text), or blank with the column's format. */
function input(value: string | number | null | undefined, numberFormat: string): TemplateCell {
  return { value: value === undefined || value === "" ? null : value, numberFormat };
}

function wholeRule(range: string, message: string): TemplateValidationRule {
  return { range, rule: { kind: "whole", min: 0 }, message };
}
function decimalRule(range: string, message: string, max?: number): TemplateValidationRule {
  return { range, rule: max === undefined ? { kind: "decimal", min: 0 } : { kind: "decimal", min: 0, max }, message };
}
function listRule(range: string, values: readonly string[], message: string): TemplateValidationRule {
  return { range, rule: { kind: "list", values: [...values] }, message };
}

/** The norm sources that apply to the year: every version in force on 1 January, oldest first. */
function sourcesFor(norm: NormVersion): string[] {
  return NORM_VERSIONS.filter((v) => v.from <= norm.from).map((v) => v.bron);
}

function normsSheet(name: string, year: number, norm: NormVersion): TemplateSheet {
  const ve = norm.veUrenPerDoelgroeppeuter;
  const rows: (TemplateCell | null)[][] = [
    [title(`Normen ${year}`)],
    [text("Norm", true), text("Waarde", true)],
    [text("Peildatum"), text(`1 januari ${year}`)],
    [text("Jaar"), num(year, "0")],
    [text("Beleidsuren per kindercentrum per jaar"), num(norm.beleidsurenPerKindercentrum, FORMATS.hours)],
    [text("Coachuren per fte per jaar"), num(norm.coachurenPerFte, FORMATS.hours)],
    [text("Volledige werkweek (uren)"), num(norm.urenPerFteWeek, FORMATS.hours)],
    [text("Weken gemiddelde flexibele krachten"), num(norm.flexWeken, FORMATS.count)],
    [text("Werkweken per jaar"), num(norm.formatieWekenPerJaar, FORMATS.count)],
    // Before 2022 there is no VE hours norm: 0, so every VE requirement of the sheets is 0.
    [text("VE-uren per doelgroeppeuter per jaar"), num(ve ?? 0, FORMATS.hours)],
    [],
    ...sourcesFor(norm).map((bron) => [text("Bron"), text(bron)]),
  ];
  return { name, rows, columnWidths: [40, 16, 70], frozenRows: HEADER_ROW };
}

function locationsSheet(name: string, year: number, normRef: string, carried: CarriedPlan | undefined, sizes: TemplateSizes): TemplateSheet {
  const C = COLUMNS.locaties;
  const n = sizes.locations;
  const rows: (TemplateCell | null)[][] = [
    [title(`Locaties (kindercentra) ${year}`)],
    headerRow(["LRK-nummer", "Locatie", "Soort opvang", "Doelgroeppeuters op 1 januari", "VE-uren vereist"]),
  ];
  const toddlers = columnLetters(C.toddlers);
  for (let i = 0; i < n; i++) {
    const r = FIRST_ROW + i;
    const loc = carried?.locations[i];
    rows.push([
      input(loc?.lrk ?? null, FORMATS.text),
      input(loc?.name ?? null, FORMATS.text),
      input(loc?.kind ?? null, FORMATS.text),
      input(loc?.toddlers ?? null, FORMATS.count),
      rowFormula(`=IF(${toddlers}${r}="","",${toddlers}${r}*${normRef}${abs(NORM_CELLS.vePerToddler)})`, FORMATS.hours, blank(loc?.toddlers) ? "" : times(loc?.toddlers, normForYear(year).veUrenPerDoelgroeppeuter)),
    ]);
  }
  const lrk = columnLetters(C.lrk);
  return {
    name,
    rows,
    columnWidths: [14, 34, 16, 16, 14],
    frozenRows: HEADER_ROW,
    validations: [
      {
        range: validationRange(C.lrk, n),
        rule: { kind: "custom", formula: lrkValidationFormula(`${lrk}${FIRST_ROW}`) },
        message: "Een LRK-nummer heeft precies negen cijfers (zonder spaties of punten).",
      },
      listRule(validationRange(C.kind, n), CARE_KINDS, `Kies de soort opvang: ${CARE_KINDS.join(", ")}.`),
      wholeRule(validationRange(C.toddlers, n), "Het aantal doelgroeppeuters is een heel getal, 0 of meer."),
    ],
  };
}

/** Nine characters that are all digits (no sign, point, comma, exponent or space). */
export function lrkValidationFormula(cell: string): string {
  const none = ["-", "+", ".", ",", "e", " "].map((ch) => `ISERROR(SEARCH("${ch}",${cell}))`).join(",");
  return `=AND(LEN(${cell})=9,ISNUMBER(VALUE(${cell})),${none})`;
}

/** $B$7 from B7. */
function abs(cell: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return `$${m[1]}$${m[2]}`;
}

function staffSheet(name: string, year: number, realisation: string, carried: CarriedPlan | undefined, sizes: TemplateSizes): TemplateSheet {
  const C = COLUMNS.medewerkers;
  const R = COLUMNS.realisatie;
  const n = sizes.staff;
  const rows: (TemplateCell | null)[][] = [
    [title(`Pedagogisch medewerkers ${year}`)],
    headerRow([
      "Naam",
      "Functie",
      "Vast/flex",
      "Contracturen per week",
      "Gewerkte uren in de 13 weken voor 1 januari",
      "Locatie",
      "Coaching ontvangen (uren)",
    ]),
  ];
  const real = (col: number) => `${realisation}${colRange(col, sizes.realisation)}`;
  const nameCol = columnLetters(C.name);
  for (let i = 0; i < n; i++) {
    const r = FIRST_ROW + i;
    const s = carried?.staff[i];
    rows.push([
      input(s?.name ?? null, FORMATS.text),
      input(s?.function ?? null, FORMATS.text),
      input(s?.contract ?? null, FORMATS.text),
      input(s?.weeklyHours ?? null, FORMATS.hours),
      input(s?.workedHours13 ?? null, FORMATS.hours),
      input(s?.location ?? null, FORMATS.text),
      rowFormula(`=IF(${nameCol}${r}="","",SUMIFS(${real(R.hours)},${real(R.staff)},${nameCol}${r},${real(R.part)},"Coaching"))`, FORMATS.hours, blank(s?.name) ? "" : 0), // the Realisatie sheet starts empty
    ]);
  }
  const contract = `${columnLetters(C.contract)}${FIRST_ROW}`;
  const weekly = `${columnLetters(C.weekly)}${FIRST_ROW}`;
  return {
    name,
    rows,
    columnWidths: [28, 26, 10, 14, 18, 24, 14],
    frozenRows: HEADER_ROW,
    validations: [
      listRule(validationRange(C.function, n), STAFF_FUNCTIONS, "Alleen pedagogisch medewerkers die meetellen in de fte; coaches en beleidsmedewerkers staan op het blad Formatie."),
      listRule(validationRange(C.contract, n), CONTRACT_KINDS, "Kies Vast of Flex."),
      {
        range: validationRange(C.weekly, n),
        rule: { kind: "custom", formula: `=AND(ISNUMBER(${weekly}),${weekly}>=0,${contract}<>"Flex")` },
        message: "Contracturen per week: een getal, 0 of meer, alleen bij een vast contract. Vul bij flex de gewerkte uren in de 13 weken voor 1 januari in.",
      },
      decimalRule(validationRange(C.worked, n), "Gewerkte uren in de 13 weken voor 1 januari: een getal, 0 of meer (het totaal over die 13 weken)."),
    ],
  };
}

function formationSheet(name: string, year: number, normRef: string, carried: CarriedPlan | undefined, sizes: TemplateSizes): TemplateSheet {
  const C = COLUMNS.formatie;
  const n = sizes.formation;
  const rows: (TemplateCell | null)[][] = [
    [title(`Formatie pedagogisch coaches en beleidsmedewerkers ${year}`)],
    headerRow(["Naam", "Functie", "Uren per week", "Uren per jaar"]),
  ];
  const weekly = columnLetters(C.weekly);
  for (let i = 0; i < n; i++) {
    const r = FIRST_ROW + i;
    const c = carried?.formation[i];
    rows.push([
      input(c?.name ?? null, FORMATS.text),
      input(c?.function ?? null, FORMATS.text),
      input(c?.weeklyHours ?? null, FORMATS.hours),
      rowFormula(`=IF(${weekly}${r}="","",${weekly}${r}*${normRef}${abs(NORM_CELLS.weeksPerYear)})`, FORMATS.hours, blank(c?.weeklyHours) ? "" : times(c?.weeklyHours, normForYear(year).formatieWekenPerJaar)),
    ]);
  }
  return {
    name,
    rows,
    columnWidths: [28, 30, 14, 14],
    frozenRows: HEADER_ROW,
    validations: [
      listRule(validationRange(C.function, n), COACH_FUNCTIONS, `Kies de functie: ${COACH_FUNCTIONS.join(", ")}.`),
      decimalRule(validationRange(C.weekly, n), "Uren per week: een getal, 0 of meer."),
    ],
  };
}

function allocationSheet(name: string, year: number, locations: string, normRef: string, carried: CarriedPlan | undefined, sizes: TemplateSizes): TemplateSheet {
  const C = COLUMNS.verdeling;
  const L = COLUMNS.locaties;
  const n = sizes.locations;
  const rows: (TemplateCell | null)[][] = [
    [title(`Verdeling uren per locatie ${year}`)],
    headerRow(["Locatie", "Beleidsuren", "Coachuren", "VE-uren", "Totaal", "VE-uren vereist"]),
  ];
  const nameCol = columnLetters(C.name);
  const first = columnLetters(C.policy);
  const last = columnLetters(C.ve);
  for (let i = 0; i < n; i++) {
    const r = FIRST_ROW + i;
    const locName = `${locations}${columnLetters(L.name)}${r}`;
    const toddlers = `${locations}${columnLetters(L.toddlers)}${r}`;
    const loc = carried?.locations[i];
    rows.push([
      rowFormula(`=IF(${locName}="","",${locName})`, FORMATS.text, blank(loc?.name) ? "" : loc!.name),
      input(null, FORMATS.hours),
      input(null, FORMATS.hours),
      input(null, FORMATS.hours),
      // A new plan's hours start empty, so every row total starts as "".
      rowFormula(`=IF(OR(${nameCol}${r}="",COUNT(${first}${r}:${last}${r})=0),"",SUM(${first}${r}:${last}${r}))`, FORMATS.hours, ""),
      rowFormula(`=IF(OR(${nameCol}${r}="",${toddlers}=""),"",${toddlers}*${normRef}${abs(NORM_CELLS.vePerToddler)})`, FORMATS.hours, blank(loc?.name) || blank(loc?.toddlers) ? "" : times(loc?.toddlers, normForYear(year).veUrenPerDoelgroeppeuter)),
    ]);
  }
  const msg = "Uren per jaar: een getal, 0 of meer.";
  return {
    name,
    rows,
    columnWidths: [34, 13, 13, 13, 13, 15],
    frozenRows: HEADER_ROW,
    validations: [decimalRule(validationRange(C.policy, n), msg), decimalRule(validationRange(C.coaching, n), msg), decimalRule(validationRange(C.ve, n), msg)],
  };
}

function realisationSheet(name: string, year: number, sizes: TemplateSizes): TemplateSheet {
  const C = COLUMNS.realisatie;
  const n = sizes.realisation;
  const rows: (TemplateCell | null)[][] = [[title(`Realisatie ${year}`)], headerRow(REALISATION_HEADERS)];
  for (let i = 0; i < n; i++) {
    rows.push([
      input(null, FORMATS.text),
      input(null, FORMATS.text),
      input(null, FORMATS.text),
      input(null, FORMATS.hours),
      input(null, FORMATS.text),
      input(null, FORMATS.text),
    ]);
  }
  return {
    name,
    rows,
    columnWidths: [12, 30, 12, 10, 28, 40],
    frozenRows: HEADER_ROW,
    validations: [
      listRule(validationRange(C.month, n), MONTHS, "Kies de maand: januari tot en met december."),
      listRule(validationRange(C.part, n), PARTS, "Kies het onderdeel: Beleid, Coaching of VE."),
      decimalRule(validationRange(C.hours, n), "Uren: een getal, 0 of meer."),
    ],
  };
}

function overviewSheet(names: Record<PlanSheetKey, string>, year: number, sizes: TemplateSizes): TemplateSheet {
  const N = sheetRef(names.normen);
  const L = sheetRef(names.locaties);
  const M = sheetRef(names.medewerkers);
  const F = sheetRef(names.formatie);
  const V = sheetRef(names.verdeling);
  const R = sheetRef(names.realisatie);
  const norm = (key: keyof typeof NORM_CELLS) => `${N}${abs(NORM_CELLS[key])}`;
  const lr = (col: number) => `${L}${colRange(col, sizes.locations)}`;
  const mr = (col: number) => `${M}${colRange(col, sizes.staff)}`;
  const fr = (col: number) => `${F}${colRange(col, sizes.formation)}`;
  const vr = (col: number) => `${V}${colRange(col, sizes.locations)}`;
  const rr = (col: number) => `${R}${colRange(col, sizes.realisation)}`;
  const O = OVERVIEW_ROWS;
  const b = (row: number) => `B${row}`;
  const CL = COLUMNS.locaties;
  const CM = COLUMNS.medewerkers;
  const CF = COLUMNS.formatie;
  const CV = COLUMNS.verdeling;
  const CR = COLUMNS.realisatie;

  // A figure of an empty input sheet is "" (not known yet), never 0: a 0 would read as "no kindercentra" or "no fte".
  const planned = (col: number) => formula(`=IF(COUNT(${vr(col)})=0,"",SUM(${vr(col)}))`, FORMATS.hours);
  const margin = (a: number, b2: number) => formula(`=IF(OR(${b(a)}="",${b(b2)}=""),"",${b(a)}-${b(b2)})`, FORMATS.hours);
  const byRow = new Map<number, (TemplateCell | null)[]>();
  // No notes beside the figures: a note naming a fact ("LRK-nummers op …") would read as that fact's label.
  const put = (row: number, label: string, cell: TemplateCell, bold = false) => byRow.set(row, [text(label, bold), cell]);
  // Inputs on the peildatum.
  put(O.centres, "Kindercentra (LRK-registraties)", formula(`=IF(COUNTA(${lr(CL.lrk)})=0,"",COUNTA(${lr(CL.lrk)}))`, FORMATS.count));
  // Fte: contract hours per week, else the worked hours of the 13 weeks ÷ 13; ÷ the full-time week.
  put(
    O.fte,
    "Fte pedagogisch medewerkers",
    formula(
      `=IF(COUNTA(${mr(CM.name)})=0,"",(SUMIF(${mr(CM.weekly)},">0")+SUMPRODUCT((${mr(CM.weekly)}<=0)*${mr(CM.worked)})/${norm("flexWeeks")})/${norm("hoursPerFteWeek")})`,
      FORMATS.fte,
    ),
  );
  put(O.toddlers, "Doelgroeppeuters (VE-indicatie)", formula(`=IF(COUNT(${lr(CL.toddlers)})=0,"",SUM(${lr(CL.toddlers)}))`, FORMATS.count));
  put(O.formationHours, "Formatie coaches en beleidsmedewerkers (uren per jaar)", formula(`=IF(COUNT(${fr(CF.weekly)})=0,"",SUM(${fr(CF.yearly)}))`, FORMATS.hours));
  put(O.formationFte, "Formatie coaches en beleidsmedewerkers (fte)", formula(`=IF(COUNT(${fr(CF.weekly)})=0,"",SUM(${fr(CF.weekly)})/${norm("hoursPerFteWeek")})`, FORMATS.fte));

  byRow.set(O.requiredPolicy - 1, [text("Benodigd volgens Wet IKK", true)]);
  put(O.requiredPolicy, "Benodigd beleid", formula(`=IF(${b(O.centres)}="","",${b(O.centres)}*${norm("policyPerCentre")})`, FORMATS.hours));
  put(O.requiredCoaching, "Benodigd coaching", formula(`=IF(${b(O.fte)}="","",${b(O.fte)}*${norm("coachingPerFte")})`, FORMATS.hours));
  put(O.requiredVe, "Benodigd VE", formula(`=IF(${b(O.toddlers)}="","",SUM(${lr(CL.veRequired)}))`, FORMATS.hours));
  put(O.requiredTotal, "Benodigd totaal", formula(`=IF(COUNT(${b(O.requiredPolicy)}:${b(O.requiredVe)})<3,"",SUM(${b(O.requiredPolicy)}:${b(O.requiredVe)}))`, FORMATS.hours), true);

  byRow.set(O.plannedPolicy - 1, [text(`Verdeeld op ${names.verdeling}`, true)]);
  put(O.plannedPolicy, "Gepland beleid", planned(CV.policy));
  put(O.plannedCoaching, "Gepland coaching", planned(CV.coaching));
  put(O.plannedVe, "Gepland VE", planned(CV.ve));
  put(O.plannedTotal, "Gepland totaal", formula(`=IF(COUNT(${b(O.plannedPolicy)}:${b(O.plannedVe)})=0,"",SUM(${b(O.plannedPolicy)}:${b(O.plannedVe)}))`, FORMATS.hours), true);

  byRow.set(O.realisedPolicy - 1, [text(`Gerealiseerd volgens ${names.realisatie}`, true)]);
  const realised = (part: string) => formula(`=SUMIFS(${rr(CR.hours)},${rr(CR.part)},"${part}")`, FORMATS.hours);
  put(O.realisedPolicy, "Gerealiseerd beleid", realised("Beleid"));
  put(O.realisedCoaching, "Gerealiseerd coaching", realised("Coaching"));
  put(O.realisedVe, "Gerealiseerd VE", realised("VE"));
  put(O.realisedTotal, "Gerealiseerd totaal", formula(`=SUM(${b(O.realisedPolicy)}:${b(O.realisedVe)})`, FORMATS.hours), true);

  byRow.set(O.marginPolicy - 1, [text("Marge (verdeeld min benodigd)", true)]);
  put(O.marginPolicy, "Marge beleid", margin(O.plannedPolicy, O.requiredPolicy));
  put(O.marginCoaching, "Marge coaching", margin(O.plannedCoaching, O.requiredCoaching));
  put(O.marginVe, "Marge VE", margin(O.plannedVe, O.requiredVe));
  put(O.marginTotal, "Marge totaal", margin(O.plannedTotal, O.requiredTotal), true);
  put(
    O.veShortLocations,
    "Locaties met te weinig VE-uren",
    formula(`=SUMPRODUCT((${lr(CL.toddlers)}*${norm("vePerToddler")}>${vr(CV.ve)})*1)`, FORMATS.count),
  );
  put(O.marginFormation, "Marge uren coaches (beschikbaar min benodigd)", margin(O.formationHours, O.requiredTotal));

  const last = Math.max(...byRow.keys());
  const rows: (TemplateCell | null)[][] = [[title(`Overzicht ${year}`)], [], [text(`Invoer op de peildatum 1 januari ${year}`, true)]];
  for (let r = rows.length + 1; r <= last; r++) rows.push(byRow.get(r) ?? []);
  return { name: names.overzicht, rows, columnWidths: [50, 14] };
}

/**
 * The template with every knownResult dropped: call it after changing input cells of a
 * built template (an example filled in code), whose known results then no longer hold.
 */
export function withoutKnownResults(t: TemplateWorkbook): TemplateWorkbook {
  return {
    ...t,
    sheets: t.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) =>
        row.map((cell) => {
          if (!cell || cell.knownResult === undefined) return cell;
          const { knownResult: _dropped, ...rest } = cell;
          return rest;
        }),
      ),
    })),
  };
}

/**
 * The template for a plan year. A year without a norm (before 2019) is an IkkError with a
 * Dutch message; bad sheet names too.
 */
export function buildPlanTemplate(input: PlanTemplateInput): TemplateWorkbook {
  const year = input.year;
  const norm = normForYear(year);
  const names = sheetNames(input.names);
  const normRef = sheetRef(names.normen);
  assertCarryLimits(input.carried);
  const sizes = templateSizes(input.carried);
  return {
    year,
    sheets: [
      normsSheet(names.normen, year, norm),
      locationsSheet(names.locaties, year, normRef, input.carried, sizes),
      staffSheet(names.medewerkers, year, sheetRef(names.realisatie), input.carried, sizes),
      formationSheet(names.formatie, year, normRef, input.carried, sizes),
      allocationSheet(names.verdeling, year, sheetRef(names.locaties), normRef, input.carried, sizes),
      realisationSheet(names.realisatie, year, sizes),
      overviewSheet(names, year, sizes),
    ],
  };
}
