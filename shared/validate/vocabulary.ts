/**
 * The words the validator recognises, Dutch and English, in one place: table detection
 * (column headers, header rows, category values) and the label scan (label cells beside
 * their value) both read them from here. All patterns run on normalizeText output
 * (lower case, accents folded, single spaces) and are linear: no nested or adjacent
 * unbounded quantifiers.
 */

/** Hours words: "uren", "uur", "hours", "hrs". */
export const HOURS_WORD = /uren|\buur\b|\bhours?\b|\bhrs\b/;

/** A location, site or centre (a name column or a "number of locations" label). */
export const LOCATION_WORD = /locatie|vestiging|kindercentr|speelleergroep|peutergroep|\blocations?\b|\bsites?\b|\bbranch|\bcent(re|er)s?\b/;

/** A column that names people: staff members. */
export const PERSON_WORD = /naam|medewerker|\bname\b|employee|\bstaff\b|\bperson/;

/** A column that names a location or a person (the row's name). */
export const NAME_HEADER = new RegExp(`${LOCATION_WORD.source}|${PERSON_WORD.source}|groep|\\bgroup\\b`);

/** Words that make a row of text cells a table header (two of them are needed). */
export const HEADER_WORD = new RegExp(
  `${NAME_HEADER.source}|totaal|\\btotal\\b|${HOURS_WORD.source}|lrk|peuter|toddler|doelgroep|coach|beleid|policy|\\bfte\\b|functie|function|\\brole\\b|contract|activiteit|activity|categor|onderdeel|\\bve\\b|vve`,
);

/** A Totaal row's label ("Totaal", "Total", "Som", "Grand total"). */
export const TOTAL_LABEL = /^(totaal|totalen|totals?|som|sum|eindtotaal|grand total)\b/;

/** A subtotal row's label: neither data nor the end of the table. */
export const SUBTOTAL_LABEL = /^(sub-?\s?totaal|tussentotaal|sub-?\s?totals?)/;

/** Row numbers, codes and dates: numbers that are no hours ("Nr", "#", "Kostenplaats", "Cost centre", "Year", "Week", "Datum"). */
export const ID_HEADER =
  /^(nr\.?|no\.?|nummer|number|volgnummer|volgnr\.?|#|id|code|kostenplaats|kostenplaatsnummer|cost cent(re|er)|postcode|zip|huisnummer|jaar|year|week|weeknr\.?|weeknummer|week number|datum|date|dag|day|maand|month|periode|period)$/;

/** LRK numbers ("LRK", "Registratienummer", "Registration number"). */
export const LRK_WORD = /lrk|registratienummer|registration (number|no)/;

/** Doelgroeppeuters ("Doelgroeppeuters", "VE-indicatie", "Target toddlers", "Toddlers with VE indication"). */
export const TODDLER_WORD = /peuter|doelgroep|indicatie|aantal (v?ve-?)?kinderen|toddler|target (group|child)/;

/** Words in a toddler header that make it a column of hours instead ("uren coaching peuters"). */
export const TODDLER_NOT = new RegExp(`${HOURS_WORD.source}|coach|ondersteun|observ|support`);

/** Flex hours actually worked: a 13-week average or total. */
export const WORKED_WORD = /gewerkt|13 weken|gemiddeld|gem\. |worked|13 weeks|average|\bavg\b/;
/** A worked-hours header that is an average per week (else a 13-week total). */
export const WORKED_AVERAGE = /per week|gemiddeld|gem\.|average|\bavg\b|weekly/;

/** Contract hours per week ("Uren per week", "Contracturen", "Hours per week", "Weekly hours"). */
export const WEEKLY_WORD = /per week|weekuren|contract|uren p\/?w|uur p\/?w|uren p\.w|\bu\/w(ee)?k\b|uu?re?n? ?\/ ?w(ee)?k|weekly hours|hrs\/wk|hours\/week|hours per week|\bp\/w\b/;

export const FTE_WORD = /\bfte\b/;
export const COACHING_WORD = /coach/;
export const POLICY_WORD = /beleid|policy/;
/** Voorschoolse educatie. */
export const VE_WORD = /\bv?ve\b|vve|voorschools|early childhood/;

/** The function of a staff member ("Functie", "Rol", "Role", "Function", "Position", "Job title"). */
export const FUNCTION_HEADER = /functie|\brol\b|\brole\b|function|position|job title|soort|dienstverband|opleiding/;

/** A column whose values say which part a row's hours are for ("Activiteit", "Categorie", "Soort", "Activity", "Category", "Type"). */
export const CATEGORY_HEADER = /^(activiteit|categorie|soort|type|activity|category|kind|taak|task|onderdeel|component)\b(?! (contract|dienstverband|of contract))/;

/** Columns that are never a part of a row total: remarks, counts of children or groups. */
export const NOT_A_PART = /opmerking|toelichting|notitie|\bnote|remark|comment|kinderen|children|groepen|\bgroups?\b|peuter|toddler|\bfte\b|lrk/;

/** Formation: the contract hours of the coaches ("Formatie", "Formation"). */
export const FORMATION_WORD = /formatie|formation/;

/** "Benodigd / Minimaal / Norm / Vereist / Required / Minimum": a figure the law asks, not one planned. */
export const REQUIRED_WORD = /benodigd|minimaal|\bnorm\b|vereist|verplicht|required|minimum|\bneeded\b/;

/** A figure that is planned ("gepland", "ingepland", "begroot", "planned", "allocated", "budgeted"). */
export const PLANNED_WORD = /gepland|ingepland|begroot|planned|allocated|budgeted|scheduled/;

/**
 * The part a category value or a label names: VE wins ("VE-coaching" is VE hours), then
 * coaching, then policy; null for any other activity.
 */
export function partOfText(normalized: string): "policy" | "coaching" | "ve" | null {
  if (VE_WORD.test(normalized)) return "ve";
  if (COACHING_WORD.test(normalized)) return "coaching";
  if (POLICY_WORD.test(normalized)) return "policy";
  return null;
}

/** A year in a header ("2026", "Uren 2025"): 1900–2199, not part of a longer number. */
export const YEAR_IN_TEXT = /(?:^|[^\d])((?:19|20|21)\d\d)(?!\d)/g;

/** A cell that is nothing but a year: the number 2026 or the text "2026". */
export const YEAR_ONLY = /^\s*(19|20|21)\d\d\s*$/;

/** Units and fillers after a label's value: "uur", "uren", "h", "fte", ":", "=". */
export const UNIT_TEXT = /^(uur|uren|u|h|hrs?|hours?|fte|kindercentra|locaties|peuters|per jaar|p\/j|per year|:|=|-|–|\(.{0,30}\))$/;

/** Hours spent, not planned ("Gerealiseerd", "Besteed", "Werkelijk", "Actual"): never part of the planned hours. */
export const REALISED_WORD = /gerealiseerd|realisatie|besteed|werkelijk|\bactual\b|realised|realized|\bspent\b|gecoacht|\bcoached\b|ontvangen|received|gehad|gekregen/;

/**
 * Hours still to spend ("Nog te besteden", "Resterend", "Restant", "Nog in te zetten",
 * "Remaining", "Outstanding", "Saldo"): neither planned nor realised, never summed.
 */
export const REMAINING_WORD = /nog te besteden|nog in te zetten|nog te (gebruiken|plannen|verdelen)|nog beschikbaar|resterend|\brestant|\bremaining|\boutstanding|\bsaldo\b|\bbalance\b|\bhours left\b|\bto go\b/;

/** Hours spent up to a month or today ("Coaching t/m sept", "tot en met juni", "tot nu toe", "year to date", "YTD"). */
export const SO_FAR_WORD = /\bt\/m (jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec|peildatum|vandaag|nu)|tot en met (jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec|peildatum|vandaag|nu)|tot nu( toe)?\b|\bytd\b|year to date|\bto date\b|\bso far\b/;

/** A table or sheet of hours spent: realised words, or a time sheet ("Urenregistratie", "Logboek", "Timesheet"). */
export const REALISATION_TITLE = new RegExp(`${REALISED_WORD.source}|urenregistratie|uren registratie|tijdregistratie|logboek|timesheet`);

/** A staff list's column that says whether (or when, or how many hours) a staff member was coached. */
export const COACHED_HEADER = /gecoacht|\bcoached\b|coach[a-z]{0,8} (?:ontvangen|gerealiseerd|besteed|gehad|gekregen)|(?:ontvangen|gekregen) coach|(?:gerealiseerde|bestede) coach/;
/** The column of a realisation list that names who was coached (not the coach): "Coachee", "Voor wie", "Gecoachte medewerker". */
export const COACHEE_HEADER = /coachee|voor wie|gecoachte|\bfor whom\b/;

/** A coached cell that says yes, no, or a day ("ja", "nee", "nog niet", "12-03-2026"): expected text in a column of hours spent. */
export const COACHED_YES = /^(ja|j|yes|y|x|v|✓|✔|gedaan|klaar|done)$/;
export const COACHED_NO = /^(nee|n|no|-|–|nog niet|niet|geen|not yet)$/;
export const COACHED_DAY = /^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

/** A staff list's coaching column dated "so far" ("Coaching t/m sept (uren)", "Coachuren tot nu toe"): hours received, so a coached column. */
export const COACHED_SO_FAR = (normalized: string): boolean => /coach/.test(normalized) && SO_FAR_WORD.test(normalized) && !PLANNED_WORD.test(normalized);
