/**
 * The "nieuw plan" template for 2026 filled with the 2026 example's figures (plan-2026.ts,
 * reference plan 002): 16 LRK registrations (invented nine-digit numbers that pass the
 * eleven-test), pedagogisch medewerkers whose hours give 42,37 fte exactly, 21
 * doelgroeppeuters (Dommelen 6, Nederweert 4, Budel 6, Valkenswaard 5), two coaches of
 * 24 h per week (2 496 h per year) and the plan's distribution: 800 h beleid (50 per
 * kindercentrum), 1 000 h coaching, 210 h VE. The realisation runs from January to
 * September: checked at 1 October (75 % of the year) it shows beleid behind the pace the law
 * needs, coaching and VE on plan, and one staff member not yet coached.
 */
import { buildPlanTemplate, COLUMNS, FIRST_ROW, withoutKnownResults } from "../shared/template/plan-template";
import type { CarriedCoach, CarriedLocation, CarriedPlan, CarriedStaff, TemplateWorkbook } from "../shared/template/types";

/** [LRK, location, coaching hours (plan-2026.ts COACHING, parts summed), VE hours, doelgroeppeuters]. */
export const FILLED_LOCATIONS: [string, string, number, number | null, number | null][] = [
  ["479717084", "KDV Valkenswaard", 110, 50, 5],
  ["880603811", "BSO Valkenswaard", 70, null, null],
  ["502618681", "KDV Nederweert", 110, 40, 4],
  ["686416284", "BSO Nederweert", 70, null, null],
  ["731568618", "KDV Dommelen", 110, 60, 6],
  ["292869885", "BSO Dommelen", 70, null, null],
  ["237627012", "KDV Oirschot", 110, null, null],
  ["769339487", "BSO Oirschot", 70, null, null],
  ["400389411", "BSO Roek Veldhoven", 70, null, null],
  ["684785080", "KDV Roek Veldhoven", 30, null, null],
  ["814095811", "KDV Borkel & Schaft", 30, null, null],
  ["825766680", "BSO Borkel & Schaft", 30, null, null],
  ["247386212", "KDV Budel", 30, 60, 6],
  ["307300614", "KDV Gastel", 30, null, null],
  ["514577885", "BSO Zilverackers Veldhoven", 30, null, null],
  ["827527482", "BSO Oostelbeers", 30, null, null],
];

/** Policy hours per kindercentrum in the plan (16 × 50 = 800). */
export const FILLED_POLICY_PER_LOCATION = 50;

const FIRST_NAMES = ["Anouk", "Bram", "Charlotte", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Iris", "Jesse", "Kim", "Lotte", "Maud", "Noor", "Olga", "Pien", "Quinty", "Roos", "Sanne", "Tess"];
const LAST_NAMES = ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters"];

/**
 * Fixed contract hours per week: 20 × 32 + 16 × 28 + 12 × 24 + 30 + 26 + 24,32 = 1 456,32;
 * with the flex staff's 69 h per week on average (897 h in 13 weeks) that is 1 525,32 h
 * per week = 42,37 fte of 36 h.
 */
const FIXED_HOURS: number[] = [...Array(20).fill(32), ...Array(16).fill(28), ...Array(12).fill(24), 30, 26, 24.32];
/** Flex staff: hours worked in the 13 weeks before 1 January (÷ 13 = 20, 15, 24, 10 per week). */
const FLEX_WORKED: [string, number][] = [
  ["Invalkracht", 260],
  ["Oproepkracht", 195],
  ["Uitzendkracht", 312],
  ["Invalkracht", 130],
];

function staffList(): CarriedStaff[] {
  const out: CarriedStaff[] = [];
  const name = (i: number) => `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`;
  const location = (i: number) => FILLED_LOCATIONS[i % FILLED_LOCATIONS.length][1];
  FIXED_HOURS.forEach((h, i) => {
    out.push({ name: name(i), function: i === 5 ? "BBL-student" : "Pedagogisch medewerker", contract: "Vast", weeklyHours: h, workedHours13: null, location: location(i) });
  });
  FLEX_WORKED.forEach(([fn, worked], k) => {
    const i = FIXED_HOURS.length + k;
    out.push({ name: name(i), function: fn, contract: "Flex", weeklyHours: null, workedHours13: worked, location: location(i) });
  });
  return out;
}

export const FILLED_COACHES: CarriedCoach[] = [
  { name: "Marieke Hendriks", function: "Pedagogisch coach", weeklyHours: 24 },
  { name: "Tom Willems", function: "Beleidsmedewerker en coach", weeklyHours: 24 },
];

/** Realisation rows [month, location, part, hours, staff member, note]. */
export type RealisationRow = [string, string, string, number, string | null, string | null];


const MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september"];

/**
 * January to September as a coach would log it: per location and month 3,5 h beleid
 * (behind the plan's 50 h a year on purpose, so the example shows the warning), the
 * location's coaching in whole and half hours close to 1/12 of its plan, named per staff
 * member of that location in turn (never FILLED_NOT_COACHED), and the VE hours 1/12 of
 * each VE location's plan. One note starts with "=": cell text stays text.
 */
function realisation(): RealisationRow[] {
  const staff = staffList();
  const rows: RealisationRow[] = [];
  const turn = new Map<string, number>();
  MONTH_NAMES.forEach((month) => {
    FILLED_LOCATIONS.forEach(([, name, coaching, ve]) => {
      rows.push([month, name, "Beleid", 3.5, null, month === "januari" && name === "KDV Oirschot" ? "=werkplan bijstellen" : null]);
      const here = staff.filter((p) => p.location === name && p.name !== FILLED_NOT_COACHED).map((p) => p.name);
      const k = turn.get(name) ?? 0;
      turn.set(name, k + 1);
      rows.push([month, name, "Coaching", Math.round((coaching / 12) * 2) / 2, here.length ? here[k % here.length] : null, "coaching on the job"]);
      if (ve !== null) rows.push([month, name, "VE", ve / 12 === Math.round(ve / 12) ? ve / 12 : Math.round((ve / 12) * 2) / 2, null, "VE-groep"]);
    });
  });
  return rows;
}

/** The staff member no coaching row names (the last flex worker): the check warns about them from September on. */
export const FILLED_NOT_COACHED: string = staffList()[staffList().length - 1].name;

export const FILLED_REALISATION: RealisationRow[] = realisation();

export function filledCarried(): CarriedPlan {
  const locations: CarriedLocation[] = FILLED_LOCATIONS.map(([lrk, name, , , toddlers]) => ({
    lrk,
    name,
    kind: name.startsWith("KDV") ? "KDV" : "BSO",
    toddlers,
  }));
  return { locations, staff: staffList(), formation: FILLED_COACHES };
}

/** Sets an input cell (0-based row index of the table, 0-based column) of a sheet. */
function setInput(t: TemplateWorkbook, sheet: string, index: number, col: number, value: string | number | null): void {
  const s = t.sheets.find((x) => x.name === sheet)!;
  const row = s.rows[FIRST_ROW - 1 + index];
  const cell = row[col];
  if (!cell || cell.formula !== undefined) throw new Error(`${sheet} row ${index}, column ${col} is no input cell`);
  row[col] = { ...cell, value };
}

/** The 2026 template filled as described above. `withRealisation` false leaves Realisatie empty. */
export function filledPlanTemplate2026(withRealisation = true): TemplateWorkbook {
  // Filled in below: the results the builder knows for an unfilled plan no longer hold.
  const t = withoutKnownResults(buildPlanTemplate({ year: 2026, carried: filledCarried() }));
  const V = COLUMNS.verdeling;
  FILLED_LOCATIONS.forEach(([, , coaching, ve], i) => {
    setInput(t, "Verdeling", i, V.policy, FILLED_POLICY_PER_LOCATION);
    setInput(t, "Verdeling", i, V.coaching, coaching);
    if (ve !== null) setInput(t, "Verdeling", i, V.ve, ve);
  });
  if (withRealisation) {
    FILLED_REALISATION.forEach((row, i) => row.forEach((v, c) => setInput(t, "Realisatie", i, c, v)));
  }
  return t;
}
