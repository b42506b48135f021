/**
 * The "nieuw plan" template for 2026 filled with the 2026 example's figures (plan-2026.ts,
 * reference plan 002): 16 LRK registrations (invented nine-digit numbers that pass the
 * eleven-test), pedagogisch medewerkers whose hours give 42,37 fte exactly, 21
 * doelgroeppeuters (Dommelen 6, Nederweert 4, Budel 6, Valkenswaard 5), two coaches of
 * 24 h per week (2 496 h per year) and the plan's distribution: 800 h beleid (50 per
 * kindercentrum), 1 000 h coaching, 210 h VE. A few realisation rows of January show the
 * "Coaching ontvangen" column at work.
 */
import { buildPlanTemplate, COLUMNS, FIRST_ROW } from "../shared/template/plan-template";
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
export const FILLED_REALISATION: [string, string, string, number, string | null, string | null][] = [
  ["januari", "KDV Dommelen", "Coaching", 1.5, "Anouk de Vries", "individuele coaching"],
  ["januari", "KDV Dommelen", "Coaching", 2, "Anouk de Vries", "video-interactiebegeleiding"],
  ["januari", "KDV Valkenswaard", "Coaching", 1, "Bram de Boer", null],
  ["januari", "KDV Budel", "VE", 4, null, "observatie VE-groep"],
  ["januari", "KDV Oirschot", "Beleid", 3, null, "=werkplan bijstellen"],
];

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
  const t = buildPlanTemplate({ year: 2026, carried: filledCarried() });
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
