/**
 * The Dutch name of every rule, for the report sheet and anything else a user reads: the
 * heading of the rule's section in docs/regels.md ("#### `coaching-tekort` — Te weinig
 * coachuren"), in the same order. A Record over RuleId, so a new rule id without a name
 * does not compile.
 */
import { RULES, type RuleId } from "./rules/ids";

export const RULE_NAMES: Readonly<Record<RuleId, string>> = Object.freeze({
  [RULES.CHECK_INCOMPLETE]: "Niet volledig te beoordelen",
  [RULES.YEAR_UNKNOWN]: "Geen jaar gevonden",
  [RULES.YEAR_CONFLICT]: "De werkmap noemt verschillende jaren",
  [RULES.OTHER_YEAR]: "Blad van een ander jaar of archiefblad",
  [RULES.HIDDEN_SHEET]: "Verborgen blad niet meegeteld",
  [RULES.FACT_MISSING]: "Gegeven niet gevonden",
  [RULES.FACT_INVALID]: "Gegeven niet bruikbaar",
  [RULES.FACT_CONFLICT]: "Cel en tabel spreken elkaar tegen",
  [RULES.FTE_ROUNDED]: "Fte naar beneden afgerond",
  [RULES.NOT_PM]: "Rijen niet meegeteld als pedagogisch medewerker",
  [RULES.GASTOUDER]: "Gastouderbureau: geen norm van artikel 8",
  [RULES.LRK_FORMAT]: "Geen LRK-nummer van 9 cijfers",
  [RULES.LRK_CHECKSUM]: "LRK-nummer voldoet niet aan de elfproef",
  [RULES.LRK_DUPLICATE]: "LRK-nummer staat dubbel",
  [RULES.POLICY_SHORT]: "Te weinig beleidsuren",
  [RULES.COACHING_SHORT]: "Te weinig coachuren",
  [RULES.VE_SHORT]: "Te weinig VE-uren op een locatie",
  [RULES.VE_BEFORE_NORM]: "VE-tabel in een jaar zonder VE-urennorm",
  [RULES.STATED_NORM_LOW]: "Vermelde norm lager dan de wet",
  [RULES.STATED_NORM_HIGH]: "Vermelde norm hoger dan de wet",
  [RULES.STAFF_NO_COACHING]: "Medewerker zonder coachuren",
  [RULES.LOCATION_NO_COACHING]: "Locatie zonder coachuren",
  [RULES.FORMATION_SHORT]: "Formatie te klein",
  [RULES.FORMATION_MARGIN]: "Marge van de formatie",
  [RULES.FORMATION_OVERPLANNED]: "Meer gepland dan de formatie",
  [RULES.TABLE_MISSING]: "Geen tabel met geplande uren",
  [RULES.TABLE_UNCERTAIN]: "Rol van een tabel onzeker",
  [RULES.ROW_TOTAL]: "Rijtotaal is niet de som van de delen",
  [RULES.COLUMN_TOTAL]: "Kolomtotaal is niet de som van de kolom",
  [RULES.ERROR_VALUE]: "Foutwaarde in een cel",
  [RULES.FORMULA_NO_VALUE]: "Formule zonder opgeslagen uitkomst",
  [RULES.PLANNED_UNKNOWN]: "Geplande uren onbekend",
  [RULES.CATEGORY_OTHER]: "Uren in een lijst met een andere categorie",
  [RULES.PLANNED_LABEL_CONFLICT]: "Getypt totaal wijkt af van de tabel",
  [RULES.NOT_A_NUMBER]: "Tekst in een kolom met getallen",
  [RULES.NEGATIVE]: "Negatief getal",
  [RULES.COACHING_INTENSITY]: "Coaching per medewerker",
  [RULES.FLEX_PREVIOUS_YEAR]: "Flexuren op het gemiddelde van het vorige jaar",
  [RULES.REALISATION_BEHIND]: "Realisatie loopt achter",
  [RULES.REALISATION_SHORT]: "Te weinig uren besteed over het jaar",
  [RULES.REALISATION_LOCATION_BEHIND]: "Locatie loopt achter op de planning",
  [RULES.REALISATION_VE_LOCATION]: "VE-uren van een locatie lopen achter",
  [RULES.REALISATION_FUTURE]: "Uren in een maand na de peildatum",
  [RULES.REALISATION_UNREADABLE]: "Realisatie niet te lezen",
  [RULES.REALISATION_OTHER_YEAR]: "Bestede uren van een ander jaar",
  [RULES.REALISATION_NO_DATE]: "Realisatie zonder peildatum",
  [RULES.STAFF_NOT_COACHED_YET]: "Medewerker nog niet gecoacht",
});

/** The Dutch name of a rule ("Te weinig coachuren"); the id itself for an id not in the table. */
export function ruleName(id: RuleId): string {
  return (RULE_NAMES as Record<string, string>)[id] ?? id;
}
