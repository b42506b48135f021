/** Stable rule ids of the validator findings (used in reports, JSON and tests). */
export const RULES = {
  /** A row total differs from the sum of its parts. */
  ROW_TOTAL: "totaal-rij",
  /** A column total (Totaal row) differs from the sum of the column. */
  COLUMN_TOTAL: "totaal-kolom",
  /** An error value (#REF!, #WAARDE!, ...) inside a table or fact cell. */
  ERROR_VALUE: "foutwaarde",
  /** A formula cell without a cached result: unknown, not read as 0. */
  FORMULA_NO_VALUE: "formule-zonder-waarde",
  /** Planned hours that depend on a cell without a known value: unknown, not 0. */
  PLANNED_UNKNOWN: "gepland-onbekend",
  /** Text that is not a number in a number column. */
  NOT_A_NUMBER: "geen-getal",
  /** A negative number in a column of hours, toddlers or fte. */
  NEGATIVE: "negatief-getal",
  /** Planned policy hours below 50 × kindercentra. */
  POLICY_SHORT: "beleid-tekort",
  /** Planned coaching hours below 10 × fte. */
  COACHING_SHORT: "coaching-tekort",
  /** VE hours of a location below 10 × its doelgroeppeuters. */
  VE_SHORT: "ve-tekort",
  /** A VE table in a year before the VE norm (2022). */
  VE_BEFORE_NORM: "ve-voor-2022",
  /** A location/kindercentrum without coaching hours. */
  LOCATION_NO_COACHING: "locatie-zonder-coaching",
  /** A staff member without coaching hours (every PM must be coached every year). */
  STAFF_NO_COACHING: "medewerker-zonder-coaching",
  /** Formation below the required total. */
  FORMATION_SHORT: "formatie-tekort",
  /** Formation margin in hours and fte. */
  FORMATION_MARGIN: "formatie-marge",
  /** Planned hours exceed the formation. */
  FORMATION_OVERPLANNED: "formatie-overschreden",
  /** LRK number not 9 digits. */
  LRK_FORMAT: "lrk-formaat",
  /** LRK number fails the eleven-test. */
  LRK_CHECKSUM: "lrk-elfproef",
  /** The same LRK number twice. */
  LRK_DUPLICATE: "lrk-dubbel",
  /** Coaching per staff member compared with research (information). */
  COACHING_INTENSITY: "coaching-per-medewerker",
  /** Older "previous year average" wording for flexible staff. */
  FLEX_PREVIOUS_YEAR: "flex-vorig-jaar",
  /** The workbook names different years (sheet name, title, peildatum) or a range "2025-2026". */
  YEAR_CONFLICT: "jaar-tegenstrijdig",
  /** No year found in the workbook. */
  YEAR_UNKNOWN: "jaar-onbekend",
  /** A norm input (kindercentra, fte, doelgroeppeuters) was not found. */
  FACT_MISSING: "gegeven-ontbreekt",
  /** A norm input found that cannot be used (negative, decimals in a count, ...). */
  FACT_INVALID: "gegeven-ongeldig",
  /** A fact in a cell disagrees with what the tables give. */
  FACT_CONFLICT: "gegevens-tegenstrijdig",
  /** No planned hours found for a part of the norm. */
  TABLE_MISSING: "tabel-ontbreekt",
  /** A detected table whose role is uncertain. */
  TABLE_UNCERTAIN: "tabel-onzeker",
  /**
   * The check is not complete: the year, an input the law needs (kindercentra, fte,
   * doelgroeppeuters per VE location) or the planned hours of a required part were not
   * found or not trusted. Severity error: never an "in orde" for an incomplete check.
   */
  CHECK_INCOMPLETE: "controle-onvolledig",
  /** A stated fte lower than its own weekly hours ÷ the full-time week (rounded down by a formula or by hand). */
  FTE_ROUNDED: "fte-afgerond",
  /** A stated "Benodigd / Minimaal / Norm / Vereist" figure below the law (above: info). */
  STATED_NORM_LOW: "norm-te-laag",
  STATED_NORM_HIGH: "norm-hoger",
  /** Rows of a staff list left out of the fte (not pedagogisch medewerker), information. */
  NOT_PM: "niet-pm",
  /** A gastouderbureau: no art. 8 norm, gastouders are not PM (information). */
  GASTOUDER: "gastouderbureau",
  /** Hidden or very hidden sheets not counted (information). */
  HIDDEN_SHEET: "blad-verborgen",
  /** A sheet or column of another year: not counted (information). */
  OTHER_YEAR: "ander-jaar",
  /** Rows of a category list whose category is not beleid, coaching or VE: not counted (information). */
  CATEGORY_OTHER: "categorie-overig",
  /** A labelled planned total of a part ("Totaal coachuren gepland") that differs from its table. */
  PLANNED_LABEL_CONFLICT: "gepland-tegenstrijdig",
  /** Realised hours of a part behind: at this pace below the law (warning) or below the plan (info). */
  REALISATION_BEHIND: "realisatie-achter",
  /** After the year: the realised hours of a part below the law. */
  REALISATION_SHORT: "realisatie-tekort",
  /** A location's realised hours of a part behind its plan (information). */
  REALISATION_LOCATION_BEHIND: "realisatie-locatie-achter",
  /** A location's VE hours at this pace below 10 × its doelgroeppeuters. */
  REALISATION_VE_LOCATION: "realisatie-ve-locatie",
  /** Realised hours in a month after the reference date. */
  REALISATION_FUTURE: "realisatie-na-peildatum",
  /** A realised hours, month or part cell that cannot be read: the realisation is incomplete. */
  REALISATION_UNREADABLE: "realisatie-onleesbaar",
  /** Realised hours dated in another year: not counted (information). */
  REALISATION_OTHER_YEAR: "realisatie-ander-jaar",
  /** Realised hours found but no reference date given: not compared (information). */
  REALISATION_NO_DATE: "realisatie-zonder-peildatum",
  /** A pedagogisch medewerker not coached yet (warning from the alert month on, else an info with the count). */
  STAFF_NOT_COACHED_YET: "nog-niet-gecoacht",
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];
