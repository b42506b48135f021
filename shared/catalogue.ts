/**
 * The one catalogue of custom functions. Both hosts are generated from it:
 * Excel shows IKK.<name>, Google Sheets IKK_<name>. Each entry holds the Dutch
 * description and parameter help (used for JSDoc / autocomplete) and the
 * implementation, which takes the raw host values (numbers, text, 2-D ranges, blanks)
 * and returns a number or a 2-D array, or throws an IkkError with a Dutch message.
 */
import { IkkError } from "./errors";
import { capital, cellNumber, isBlank, isMatrix, position, toMatrix, errorValueText, shorten } from "./cells";
import { cleanFloat, limitProblem, quantityProblem, type Quantity } from "./numbers";
import { NORM_NAMES, normForYear } from "./norms";
import * as calc from "./calc";

export interface ParamSpec {
  name: string;
  /** Dutch help text shown by the host. */
  description: string;
  /** Accepts a range (2-D array); a single value is treated as a 1×1 range. */
  range: boolean;
  optional: boolean;
}

export type FunctionResult = number | string | (number | string)[][];

export interface FunctionSpec {
  name: string;
  /** Dutch description shown by the host. */
  description: string;
  params: ParamSpec[];
  /** "matrix" when the function returns one value per input cell. */
  result: "number" | "matrix" | "text";
  impl: (...args: unknown[]) => FunctionResult;
}

/* ---------- argument coercion, in one place ---------- */

/**
 * A required argument that is empty (an omitted argument, a blank cell, a range of only
 * blank cells) is a Dutch error, never a silent 0.
 */
function required(v: unknown, what: string): unknown {
  const m = toMatrix(v);
  if (m.every((row) => row.every(isBlank))) {
    throw new IkkError("ONGELDIGE_INVOER", `${capital(what)} ontbreekt: de cel of het bereik is leeg.`);
  }
  return v;
}

function optionalYear(v: unknown): number | undefined {
  if (isBlank(v)) return undefined;
  const m = toMatrix(v);
  if (m.length !== 1 || m[0].length !== 1) throw new IkkError("ONGELDIGE_INVOER", "Het jaar moet één waarde zijn, geen bereik.");
  // Google Sheets passes a date cell as a Date: its year is meant (a peildatum such as 1-1-2024).
  if (m[0][0] instanceof Date || Object.prototype.toString.call(m[0][0]) === "[object Date]") {
    const year = (m[0][0] as Date).getFullYear();
    normForYear(year);
    return year;
  }
  const n = cellNumber(m[0][0], "het jaar");
  if (n === null) return undefined;
  normForYear(n); // validates: whole number, not before 2019
  return n;
}

function optionalNumber(v: unknown, what: string): number | undefined {
  if (isBlank(v)) return undefined;
  const m = toMatrix(v);
  if (m.length !== 1 || m[0].length !== 1) throw new IkkError("ONGELDIGE_INVOER", `${what} moet één waarde zijn, geen bereik.`);
  return cellNumber(m[0][0], what) ?? undefined;
}

/**
 * Sum of the numbers in a range; blanks are skipped, anything else that is not a number is an
 * error, and so is a sum above the bound of its quantity (numbers.ts LIMITS: never Infinity).
 */
function sumRange(v: unknown, what: string, quantity: Quantity, allowNegative = false): number {
  const m = toMatrix(v);
  let sum = 0;
  const rows = m.length;
  for (let r = 0; r < rows; r++) {
    const row = m[r];
    for (let c = 0; c < row.length; c++) {
      const n = cellNumber(row[c], what, position(rows, row.length, r, c));
      if (n === null) continue;
      if (!allowNegative && n < 0) {
        throw new IkkError("NEGATIEF", `${capital(what)}${position(rows, row.length, r, c)} kan niet negatief zijn.`);
      }
      sum += n;
    }
  }
  const problem = limitProblem(sum, quantity, rows * (m[0]?.length ?? 0) > 1 ? `de som van ${what}` : what);
  if (problem) throw new IkkError("ONGELDIGE_INVOER", problem);
  return cleanFloat(sum);
}

const LRK_NUMBER = /^\d{9}$/;

/**
 * Number of kindercentra from a count or a list. A single number is a count, unless it
 * looks like an LRK number (nine digits); a single text is one kindercentrum; a range
 * counts its distinct non-empty cells (LRK numbers or names).
 */
export function countCentres(v: unknown): number {
  const m = toMatrix(v);
  const cells = m.reduce((n, row) => n + row.length, 0);
  if (cells === 1) {
    const only = m[0][0];
    if (isBlank(only)) return 0;
    const err = errorValueText(only);
    if (err) throw new IkkError("FOUTWAARDE", `De cel met kindercentra bevat de foutwaarde ${err}. Herstel eerst die cel.`);
    if (typeof only === "string" && LRK_NUMBER.test(only.trim())) return 1;
    if (typeof only === "number" && LRK_NUMBER.test(String(only))) return 1;
    if (typeof only === "string" && (cellNumberOrNull(only) === null || /[a-z]/i.test(only))) {
      // "16 kindercentra", "12 fte": a count with words (or another quantity's unit), not the
      // name of one kindercentrum.
      const lead = /^\d[\d.,]*/.exec(only.trim());
      if (lead) {
        throw new IkkError(
          "ONGELDIGE_INVOER",
          `Het aantal kindercentra moet een getal zijn, of een bereik met LRK-nummers of namen, maar de cel bevat de tekst "${shorten(only)}". ` +
            `Schrijf alleen het getal (${lead[0]}), of geef een bereik met de namen of LRK-nummers van de kindercentra.`,
        );
      }
      return 1; // a name
    }
    const n = cellNumber(only, "het aantal kindercentra")!;
    return n;
  }
  const seen = new Set<string>();
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m[r].length; c++) {
      const cell = m[r][c];
      if (isBlank(cell)) continue;
      const err = errorValueText(cell);
      if (err) {
        throw new IkkError("FOUTWAARDE", `De lijst met kindercentra bevat de foutwaarde ${err}${position(m.length, m[r].length, r, c)}. Herstel eerst die cel.`);
      }
      seen.add(String(cell).trim().toLowerCase().replace(/\s+/g, " "));
    }
  }
  return seen.size;
}

function cellNumberOrNull(s: string): number | null {
  try {
    return cellNumber(s, "");
  } catch {
    return null;
  }
}

function countStaff(v: unknown): number {
  const m = toMatrix(v);
  const cells = m.reduce((n, row) => n + row.length, 0);
  if (cells === 1) {
    const n = cellNumber(m[0][0], "het aantal medewerkers");
    if (n === null) throw new IkkError("ONGELDIGE_INVOER", "Het aantal medewerkers ontbreekt.");
    if (n < 0) throw new IkkError("NEGATIEF", "Het aantal medewerkers kan niet negatief zijn.");
    // A number of people: whole (1,5 medewerker is no count; fte belongs in COACHUREN) and bounded.
    const problem = quantityProblem(n, "staff", "het aantal medewerkers");
    if (problem) throw new IkkError(Number.isInteger(n) ? "ONGELDIGE_INVOER" : "GEEN_GEHEEL_GETAL", problem);
    return n;
  }
  let count = 0;
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m[r].length; c++) {
      const cell = m[r][c];
      if (isBlank(cell)) continue;
      const err = errorValueText(cell);
      if (err) throw new IkkError("FOUTWAARDE", `De lijst met medewerkers bevat de foutwaarde ${err}${position(m.length, m[r].length, r, c)}.`);
      count++;
    }
  }
  return count;
}

/* ---------- the functions ---------- */

const P = (name: string, description: string, range = false, optional = false): ParamSpec => ({ name, description, range, optional });
const JAAR = P("jaar", "Het jaar waarvoor de uren gelden (peildatum 1 januari). Leeg: de nieuwste norm.", false, true);

export const CATALOGUE: readonly FunctionSpec[] = [
  {
    name: "BELEIDSUREN",
    description: "Minimaal aantal beleidsuren per jaar: 50 uur per kindercentrum (LRK-registratie).",
    params: [P("kindercentra", "Het aantal kindercentra, of een bereik met LRK-nummers of namen (unieke, niet-lege cellen tellen).", true), JAAR],
    result: "number",
    impl: (kindercentra, jaar) => calc.policyHours(countCentres(required(kindercentra, "het aantal kindercentra")), optionalYear(jaar)),
  },
  {
    name: "COACHUREN",
    description: "Minimaal aantal coachuren per jaar: 10 uur per fte pedagogisch medewerker, zonder afronding.",
    params: [P("fte", "Het aantal fte, of een bereik met fte-waarden (worden opgeteld).", true), JAAR],
    result: "number",
    impl: (fte, jaar) => calc.coachingHours(sumRange(required(fte, "het aantal fte"), "het aantal fte", "fte"), optionalYear(jaar)),
  },
  {
    name: "VE_UREN",
    description: "VE-uren per jaar: 10 uur per doelgroeppeuter, per locatie (vanaf 2022). Bij een bereik één uitkomst per cel.",
    params: [P("doelgroeppeuters", "Het aantal doelgroeppeuters, of een bereik met het aantal per locatie.", true), JAAR],
    result: "matrix",
    impl: (peuters, jaar) => {
      const year = optionalYear(jaar);
      required(peuters, "het aantal doelgroeppeuters");
      if (!isMatrix(peuters)) {
        const n = cellNumber(peuters, "het aantal doelgroeppeuters") ?? 0;
        return calc.veHours(n, year);
      }
      const m = toMatrix(peuters);
      return m.map((row, r) =>
        row.map((cell, c) => {
          const n = cellNumber(cell, "het aantal doelgroeppeuters", position(m.length, row.length, r, c));
          return n === null ? "" : calc.veHours(n, year);
        }),
      );
    },
  },
  {
    name: "MINIMUMUREN",
    description: "Totaal minimum aantal uren pedagogisch beleidsmedewerker/coach: beleid + coaching + VE.",
    params: [
      P("kindercentra", "Het aantal kindercentra, of een bereik met LRK-nummers of namen.", true),
      P("fte", "Het aantal fte pedagogisch medewerkers, of een bereik met fte-waarden.", true),
      P("doelgroeppeuters", "Doelgroeppeuters: een aantal, of een bereik met het aantal per VE-locatie. Mag leeg.", true, true),
      JAAR,
    ],
    result: "number",
    impl: (kindercentra, fte, peuters, jaar) => {
      const m = isBlank(peuters) ? [] : toMatrix(peuters);
      const perLocation: number[] = [];
      m.forEach((row, r) =>
        row.forEach((cell, c) => {
          const n = cellNumber(cell, "het aantal doelgroeppeuters", position(m.length, row.length, r, c));
          if (n !== null) perLocation.push(n);
        }),
      );
      const centres = countCentres(required(kindercentra, "het aantal kindercentra"));
      return calc.requiredHours(centres, sumRange(required(fte, "het aantal fte"), "het aantal fte", "fte"), perLocation, optionalYear(jaar)).total;
    },
  },
  {
    name: "FTE",
    description: "Fte uit uren per week: de som van de weekuren gedeeld door 36 (of de opgegeven volledige werkweek).",
    params: [
      P("uren_per_week", "Contracturen per week, of een bereik met de weekuren per medewerker (worden opgeteld).", true),
      P("uren_per_fte", "Uren per week in een volledige fte. Leeg: 36.", false, true),
    ],
    result: "number",
    impl: (uren, urenPerFte) => calc.fteFromWeeklyHours(sumRange(required(uren, "het aantal uren per week"), "het aantal uren per week", "hours"), optionalNumber(urenPerFte, "het aantal uren per fte")),
  },
  {
    name: "FLEX_FTE",
    description: "Fte van flexibele medewerkers: gewerkte uren in de 13 weken voor 1 januari, gedeeld door 13 en door 36.",
    params: [
      P("gewerkte_uren", "Gewerkte uren in de peilperiode, of een bereik met de uren per medewerker.", true),
      P("weken", "Aantal weken van de peilperiode. Leeg: 13.", false, true),
      P("uren_per_fte", "Uren per week in een volledige fte. Leeg: 36.", false, true),
    ],
    result: "number",
    impl: (uren, weken, urenPerFte) =>
      calc.flexFte(sumRange(required(uren, "het aantal gewerkte uren"), "het aantal gewerkte uren", "hours"), optionalNumber(weken, "het aantal weken"), optionalNumber(urenPerFte, "het aantal uren per fte")),
  },
  {
    name: "FORMATIE_UREN",
    description: "Uren per jaar van een formatie: fte × 36 × 52 (1 fte = 1.872 uur).",
    params: [
      P("fte", "De formatie in fte, of een bereik met fte-waarden.", true),
      P("uren_per_fte", "Uren per week in een volledige fte. Leeg: 36.", false, true),
      P("weken", "Weken per jaar. Leeg: 52.", false, true),
    ],
    result: "number",
    impl: (fte, urenPerFte, weken) =>
      calc.formationHours(sumRange(required(fte, "de formatie in fte"), "de formatie in fte", "fte"), optionalNumber(urenPerFte, "het aantal uren per fte"), optionalNumber(weken, "het aantal weken")),
  },
  {
    name: "SALDO",
    description: "Geplande min vereiste uren. Negatief betekent een tekort.",
    params: [P("gepland", "Geplande uren, of een bereik (wordt opgeteld).", true), P("vereist", "Vereiste uren, of een bereik (wordt opgeteld).", true)],
    result: "number",
    impl: (gepland, vereist) =>
      cleanFloat(sumRange(required(gepland, "de geplande uren"), "de geplande uren", "hours") - sumRange(required(vereist, "de vereiste uren"), "de vereiste uren", "hours")),
  },
  {
    name: "UREN_PER_PM",
    description: "Coachuren per pedagogisch medewerker: uren gedeeld door het aantal medewerkers.",
    params: [
      P("uren", "Coachuren, of een bereik (wordt opgeteld).", true),
      P("aantal_medewerkers", "Het aantal medewerkers, of een bereik met hun namen (niet-lege cellen tellen).", true),
    ],
    result: "number",
    impl: (uren, aantal) => {
      const n = countStaff(aantal);
      if (n < 0) throw new IkkError("NEGATIEF", "Het aantal medewerkers kan niet negatief zijn.");
      if (n === 0) throw new IkkError("DELEN_DOOR_NUL", "Het aantal medewerkers is 0: delen door nul kan niet.");
      return cleanFloat(sumRange(required(uren, "de coachuren"), "de coachuren", "hours") / n);
    },
  },
  {
    name: "NORM",
    description: "Een normgetal voor een jaar, zodat het blad laat zien welke regel is toegepast (bijv. \"BELEIDSUREN_PER_KINDERCENTRUM\").",
    params: [
      P("naam", `Naam van de norm: ${NORM_NAMES.map((n) => n.name).join(", ")}.`),
      JAAR,
    ],
    result: "number",
    impl: (naam, jaar) => {
      const key = String(isMatrix(naam) ? toMatrix(naam)[0][0] : naam ?? "").trim().toUpperCase().replace(/[\s-]+/g, "_");
      const entry = NORM_NAMES.find((n) => n.name === key || n.aliases.includes(key));
      if (!entry) {
        throw new IkkError("GEEN_NORM", `Onbekende norm "${shorten(String(naam ?? ""))}". Kies uit: ${NORM_NAMES.map((n) => n.name).join(", ")}.`);
      }
      const year = optionalYear(jaar);
      const value = normForYear(year)[entry.field];
      if (typeof value !== "number") {
        throw new IkkError("GEEN_NORM", `De norm ${entry.name} (${entry.beschrijving}) geldt niet in ${year ?? "dit jaar"}.`);
      }
      return value;
    },
  },
];

export function findFunction(name: string): FunctionSpec | undefined {
  return CATALOGUE.find((f) => f.name === name.toUpperCase());
}

/** Call a catalogue function by name with raw host arguments (used by both hosts). */
export function callFunction(name: string, args: unknown[]): FunctionResult {
  const spec = findFunction(name);
  if (!spec) throw new IkkError("ONGELDIGE_INVOER", `Onbekende functie ${name}.`);
  return spec.impl(...args);
}
