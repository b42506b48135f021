/**
 * The options of `ikk-normen check` as the user types them (Dutch numbers allowed:
 * "42,37", "2.496") turned into the engine's CheckOptions, with Dutch errors.
 */
import { IkkError } from "../shared/errors";
import { parseDutchNumber, parseOptionNumber } from "../shared/numbers";
import { checkYear } from "../shared/norms";
import type { CheckOptions } from "../shared/validate/types";
import { monthOfText, parseIsoDate } from "../shared/validate/realisation-months";

/** The raw option strings commander collects (all optional). */
export interface RawCheckOptions {
  jaar?: string;
  json?: boolean;
  map?: string;
  kindercentra?: string;
  fte?: string;
  peuters?: string;
  formatie?: string;
  verborgenBladen?: string;
  /** "ja" / "nee": count BBL students in the fte. */
  bbl?: string;
  /** "ja" / "nee": count a beleidsmedewerker who also works on the group in the fte. */
  pbmOpGroep?: string;
  /** Hourly cost in euros of the coaches' hours (Dutch number, "€ 52,50"). */
  uurtarief?: string;
  /** Leave and absence in percent of the formation ("8", "8,5", "8%"). */
  verlof?: string;
  /** --overzicht: the summary workbook to write (batch). */
  overzicht?: string;
  /** Reference date of the realisation: dd-mm-jjjj or jjjj-mm-dd (default today). */
  peildatum?: string;
  /** From this month (1–12 or a Dutch month name) on, staff not yet coached are warned about. */
  signaalVanaf?: string;
}

type Kind = "count" | "amount";

/** One option value as a number; counts must be whole, nothing may be negative. */
export function optionNumber(raw: string, flag: string, kind: Kind): number {
  const n = parseDutchNumber(raw);
  if (n === null) {
    throw new IkkError("ONGELDIGE_INVOER", `De waarde van ${flag} moet een getal zijn, maar is "${raw}".`);
  }
  if (n < 0) throw new IkkError("NEGATIEF", `De waarde van ${flag} kan niet negatief zijn (kreeg ${raw}).`);
  if (kind === "count" && !Number.isInteger(n)) {
    throw new IkkError("GEEN_GEHEEL_GETAL", `De waarde van ${flag} moet een heel getal zijn (kreeg ${raw}).`);
  }
  return n;
}

/** "ja" / "nee" (also "yes"/"no", "true"/"false", "1"/"0") as a boolean, with a Dutch error. */
export function yesNo(raw: string, flag: string): boolean {
  const t = raw.trim().toLowerCase();
  if (t === "ja" || t === "j" || t === "yes" || t === "y" || t === "true" || t === "1") return true;
  if (t === "nee" || t === "n" || t === "no" || t === "false" || t === "0") return false;
  throw new IkkError("ONGELDIGE_INVOER", `De waarde van ${flag} moet "ja" of "nee" zijn, maar is "${raw}".`);
}

/** CheckOptions from the raw option strings; the mapping is read and parsed by the caller. */
export function checkOptionsFrom(raw: RawCheckOptions): CheckOptions {
  const options: CheckOptions = {};
  // Same parser and bounds as cells; ambiguous forms ("42.370" fte) are refused naming both
  // readings, except --formatie, documented with the Dutch reading ("2.496" = 2 496 uur).
  if (raw.jaar !== undefined) options.year = checkYear(parseOptionNumber(raw.jaar, "--jaar", "year"));
  if (raw.verborgenBladen !== undefined) options.includeHidden = yesNo(raw.verborgenBladen, "--verborgen-bladen");
  const overrides: NonNullable<CheckOptions["overrides"]> = {};
  if (raw.kindercentra !== undefined) overrides.centres = parseOptionNumber(raw.kindercentra, "--kindercentra", "centres");
  if (raw.fte !== undefined) overrides.fte = parseOptionNumber(raw.fte, "--fte", "fte");
  if (raw.peuters !== undefined) overrides.toddlers = parseOptionNumber(raw.peuters, "--peuters", "toddlers");
  if (raw.formatie !== undefined) overrides.formationHours = parseOptionNumber(raw.formatie, "--formatie", "hours", "dutch");
  if (raw.verlof !== undefined) overrides.leavePercent = leavePercentFrom(raw.verlof);
  const rate = hourlyRateFrom(raw);
  if (rate !== null) overrides.hourlyRate = rate;
  if (Object.keys(overrides).length > 0) options.overrides = overrides;
  if (raw.bbl !== undefined) options.countBbl = yesNo(raw.bbl, "--bbl");
  if (raw.pbmOpGroep !== undefined) options.countPolicyOfficerOnGroup = yesNo(raw.pbmOpGroep, "--pbm-op-groep");
  // The realisation's reference date when given (main.ts fills in today otherwise: the engine reads no clock).
  if (raw.peildatum !== undefined) {
    options.asOf = referenceDateFrom(raw.peildatum);
    options.asOfSource = "opgegeven met --peildatum";
  }
  if (raw.signaalVanaf !== undefined) options.alertFromMonth = alertMonthFrom(raw.signaalVanaf);
  return options;
}

/** The options with today as the reference date when none was given (the CLI's default). */
export function withToday(options: CheckOptions, now: Date): CheckOptions {
  return options.asOf !== undefined ? options : { ...options, asOf: todayIso(now), asOfSource: "vandaag" };
}

/** A local date as "jjjj-mm-dd". */
export function todayIso(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** --peildatum: "dd-mm-jjjj" (also with / or .) or "jjjj-mm-dd", a date that exists; else a Dutch error. */
export function referenceDateFrom(raw: string): string {
  const t = raw.trim();
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parts = dutch ? [dutch[3], dutch[2], dutch[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  const date = parts ? `${parts[0]}-${parts[1].padStart(2, "0")}-${parts[2].padStart(2, "0")}` : null;
  if (date === null || parseIsoDate(date) === null) {
    throw new IkkError("ONGELDIGE_INVOER", `De waarde van --peildatum moet een bestaande datum zijn als dd-mm-jjjj of jjjj-mm-dd (bijvoorbeeld 01-10-2026), maar is "${raw}".`);
  }
  return date;
}

/** --signaal-vanaf: a month 1–12 or a Dutch (or English) month name; else a Dutch error. */
export function alertMonthFrom(raw: string): number {
  const t = raw.trim();
  const m = /^\d{1,2}$/.test(t) ? Number(t) : monthOfText(t)?.month ?? null;
  if (m === null || m < 1 || m > 12 || (monthOfText(t)?.year ?? null) !== null) {
    throw new IkkError("ONGELDIGE_INVOER", `De waarde van --signaal-vanaf moet een maand zijn (1 tot en met 12 of een naam als september), maar is "${raw}".`);
  }
  return m;
}

/** The hourly rate of --uurtarief in euros, or null when not given; a Dutch error when it is no amount. */
export function hourlyRateFrom(raw: RawCheckOptions): number | null {
  if (raw.uurtarief === undefined) return null;
  const rate = optionNumber(raw.uurtarief, "--uurtarief", "amount");
  if (rate > MAX_HOURLY_RATE) {
    throw new IkkError("ONGELDIGE_INVOER", `De waarde van --uurtarief (${raw.uurtarief}) is geen uurtarief: meer dan € ${MAX_HOURLY_RATE.toLocaleString("nl-NL")} per uur.`);
  }
  return rate;
}

/** --verlof: a percentage from 0 to 100 ("8", "8,5", "8 %"), read as the other numbers; a Dutch error otherwise. */
export function leavePercentFrom(raw: string): number {
  const pct = parseOptionNumber(raw.replace(/%\s*$/, ""), "--verlof", "hours");
  if (pct > 100) throw new IkkError("ONGELDIGE_INVOER", `De waarde van --verlof (${raw}) is geen percentage: meer dan 100.`);
  return pct;
}

/** Far above any hourly cost of a coach (tens of euros), far below where sums lose meaning. */
export const MAX_HOURLY_RATE = 10_000;
