/**
 * The norms of Wet IKK as data, versioned by the date they took effect
 * (see docs/regels.md: Besluit kwaliteit kinderopvang art. 8). A year's norm is the newest
 * version in force on its peildatum, 1 January of that year. Years before the first
 * version have no norm; years after the newest use the newest.
 *
 * Adding a rule is one entry: copy the previous version, change what changed.
 */
import { IkkError } from "./errors";

export interface NormVersion {
  /** ISO date the version takes effect. */
  from: string;
  /** Policy hours per kindercentrum (LRK registration) per year. */
  beleidsurenPerKindercentrum: number;
  /** Coaching hours per fte of pedagogical staff per year. */
  coachurenPerFte: number;
  /** Hours in a full-time working week (1 fte). */
  urenPerFteWeek: number;
  /** Weeks before 1 January over which flexible staff's worked hours are averaged. */
  flexWeken: number;
  /** Weeks per year the sector uses to turn a formation in fte into yearly hours. */
  formatieWekenPerJaar: number;
  /** VE policy officer hours per doelgroeppeuter per year, per location; null before 2022. */
  veUrenPerDoelgroeppeuter: number | null;
  /** VE offer in hours per doelgroeppeuter over 1,5 years; null before 1 August 2020. */
  veAanbodUren: number | null;
  /**
   * Coaching hours per gastouder per year (gastouderbureaus; docs/regels.md, 1.4). Unverified: the decree
   * (Stb. 2025, 427) is not confirmed here, so no version ships a figure yet. When it is
   * confirmed, add a version with this field set.
   */
  gastouderCoachurenPerGastouder: number | null;
  /** Where the rule comes from, shown to users who ask which rule applied. */
  bron: string;
}

export const NORM_VERSIONS: readonly NormVersion[] = Object.freeze([
  {
    from: "2019-01-01",
    beleidsurenPerKindercentrum: 50,
    coachurenPerFte: 10,
    urenPerFteWeek: 36,
    flexWeken: 13,
    formatieWekenPerJaar: 52,
    veUrenPerDoelgroeppeuter: null,
    veAanbodUren: null,
    gastouderCoachurenPerGastouder: null,
    bron: "Wet IKK, Besluit kwaliteit kinderopvang art. 8 (per 1 januari 2019)",
  },
  {
    from: "2020-08-01",
    beleidsurenPerKindercentrum: 50,
    coachurenPerFte: 10,
    urenPerFteWeek: 36,
    flexWeken: 13,
    formatieWekenPerJaar: 52,
    veUrenPerDoelgroeppeuter: null,
    veAanbodUren: 960,
    gastouderCoachurenPerGastouder: null,
    bron: "VE-aanbod 960 uur per doelgroeppeuter over 1,5 jaar (per 1 augustus 2020)",
  },
  {
    from: "2022-01-01",
    beleidsurenPerKindercentrum: 50,
    coachurenPerFte: 10,
    urenPerFteWeek: 36,
    flexWeken: 13,
    formatieWekenPerJaar: 52,
    veUrenPerDoelgroeppeuter: 10,
    veAanbodUren: 960,
    gastouderCoachurenPerGastouder: null,
    bron: "VE: 10 uur pedagogisch beleidsmedewerker per doelgroeppeuter per locatie (per 1 januari 2022)",
  },
]);

export const FIRST_NORM_YEAR = Number(NORM_VERSIONS[0].from.slice(0, 4));
/** The first version with a VE hours norm per doelgroeppeuter. */
export function firstVeNorm(): NormVersion {
  return NORM_VERSIONS.find((v) => v.veUrenPerDoelgroeppeuter !== null)!;
}

/** The newest version: used when no year is given (deterministic, not today's date). */
export function newestNorm(): NormVersion {
  return NORM_VERSIONS[NORM_VERSIONS.length - 1];
}

/** The version in force on an ISO date (yyyy-mm-dd). */
export function normForDate(isoDate: string): NormVersion {
  let found: NormVersion | undefined;
  for (const v of NORM_VERSIONS) if (v.from <= isoDate) found = v;
  if (!found) {
    throw new IkkError(
      "GEEN_NORM",
      `Voor ${isoDate} bestaat geen IKK-norm: de urennorm voor de pedagogisch beleidsmedewerker geldt vanaf 1 januari ${FIRST_NORM_YEAR}.`,
    );
  }
  return found;
}

/** Checks a year: a whole number in a sensible range. */
export function checkYear(year: number): number {
  if (!Number.isFinite(year) || !Number.isInteger(year)) {
    throw new IkkError("ONGELDIGE_INVOER", `Het jaar moet een heel getal zijn, zoals 2026 (kreeg ${year}).`);
  }
  if (year < FIRST_NORM_YEAR) {
    throw new IkkError(
      "GEEN_NORM",
      `Voor ${year} bestaat geen IKK-norm: de urennorm voor de pedagogisch beleidsmedewerker geldt vanaf ${FIRST_NORM_YEAR}.`,
    );
  }
  if (year > 9999) throw new IkkError("ONGELDIGE_INVOER", `${year} is geen geldig jaar.`);
  return year;
}

/** The norm for a year (peildatum 1 January); undefined year = newest version. */
export function normForYear(year?: number): NormVersion {
  if (year === undefined) return newestNorm();
  checkYear(year);
  return normForDate(`${String(year).padStart(4, "0")}-01-01`);
}

/**
 * A norm version already resolved (the engine resolves it once per check and passes it on),
 * or a year to resolve (the custom functions), or undefined for the newest.
 */
export type NormRef = NormVersion | number | undefined;

export function resolveNorm(ref: NormRef): NormVersion {
  return typeof ref === "object" ? ref : normForYear(ref);
}

/** The first year a norm version applies to. */
export function normYear(norm: NormVersion): number {
  return Number(norm.from.slice(0, 4));
}

/** The VE hours per doelgroeppeuter for a year, or a Dutch error before 2022. */
export function veUrenPerPeuter(ref?: NormRef): number {
  const norm = resolveNorm(ref);
  if (norm.veUrenPerDoelgroeppeuter === null) {
    const veNorm = firstVeNorm();
    const when = typeof ref === "number" ? String(ref) : `de norm van ${norm.from.slice(0, 4)}`;
    throw new IkkError(
      "GEEN_NORM",
      `De VE-norm (${veNorm.veUrenPerDoelgroeppeuter} uur per doelgroeppeuter) geldt pas vanaf 1 januari ${normYear(veNorm)}; voor ${when} bestaat geen VE-urennorm.`,
    );
  }
  return norm.veUrenPerDoelgroeppeuter;
}

/** Names accepted by the NORM function, with their aliases, mapped to a field. */
export const NORM_NAMES: ReadonlyArray<{ name: string; aliases: string[]; field: keyof NormVersion; beschrijving: string }> = [
  { name: "BELEIDSUREN_PER_KINDERCENTRUM", aliases: ["BELEID", "BELEIDSUREN"], field: "beleidsurenPerKindercentrum", beschrijving: "beleidsuren per kindercentrum per jaar" },
  { name: "COACHUREN_PER_FTE", aliases: ["COACH", "COACHUREN", "COACHING"], field: "coachurenPerFte", beschrijving: "coachuren per fte per jaar" },
  { name: "UREN_PER_FTE", aliases: ["FTE", "FTE_UREN", "WEEKUREN"], field: "urenPerFteWeek", beschrijving: "uren per week in 1 fte" },
  { name: "VE_UREN_PER_DOELGROEPPEUTER", aliases: ["VE", "VE_UREN"], field: "veUrenPerDoelgroeppeuter", beschrijving: "VE-uren per doelgroeppeuter per jaar" },
  { name: "VE_AANBOD_UREN", aliases: ["VE_AANBOD"], field: "veAanbodUren", beschrijving: "uren VE-aanbod per doelgroeppeuter over 1,5 jaar" },
  { name: "FLEX_WEKEN", aliases: ["FLEX", "PEILWEKEN"], field: "flexWeken", beschrijving: "weken voor 1 januari waarover flexibele uren worden gemiddeld" },
  { name: "WEKEN_PER_JAAR", aliases: ["WEKEN", "FORMATIE_WEKEN"], field: "formatieWekenPerJaar", beschrijving: "weken per jaar voor formatie-uren" },
];

/**
 * Coaching of gastouders by a beleidsmedewerker of the gastouderbureau (domain.md,
 * "Gastouderbureaus"): 3 h per gastouder per year from 1 July 2026 according to RVO; the
 * decree text (Stb. 2025, 427) was not read. Reported as information only, never as an
 * error, until that text is verified. Kept apart from NORM_VERSIONS: a version dated
 * 2026-07-01 would change which art. 8 version is "newest" without any art. 8 change.
 */
export const GASTOUDER_COACHING = Object.freeze({
  from: "2026-07-01",
  urenPerGastouder: 3,
  bron: "bron RVO; besluit Stb. 2025, 427 niet gecontroleerd",
});
