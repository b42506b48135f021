/**
 * Is the check complete? "In orde" only when the year is known, every input the law needs
 * for that year was read from the workbook or given (kindercentra, fte, doelgroeppeuters
 * per VE location from 2022), and planned hours were found and trusted for every part the
 * law requires. Everything else is a gap, said in Dutch with how to supply it; the gaps
 * become one `controle-onvolledig` finding (severity error). See docs/regels.md.
 */
import type { Facts } from "./facts";
import type { Findings } from "./findings";
import type { Part, PlannedPart } from "./planned";
import { RULES } from "./rules/ids";
import { LOW_CONFIDENCE } from "./severity";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";
import type { PartHours } from "./types";
import { VE_WORD } from "./vocabulary";
import { HOW_TO_SET_YEAR } from "./year";

/** The panel's input fields, by fact: one name for the panel and for the messages that point at it. */
export const PANEL_FIELDS = Object.freeze({
  year: "Jaar",
  centres: "Kindercentra (LRK)",
  fte: "Fte pedagogisch medewerkers",
  toddlers: "Doelgroeppeuters",
  formationHours: "Formatie uren",
});

/** How the user supplies a fact, in the CLI and in the panel. */
export const HOW_TO_SUPPLY = {
  centres: `geef het aantal op met --kindercentra N of in een koppeling (--map, feiten.kindercentra), of in het paneel in het veld '${PANEL_FIELDS.centres}' of met 'Gebruik selectie' op de cel of de kolom met LRK-nummers`,
  fte: `geef de fte op met --fte N of in een koppeling (--map, feiten.fte), of in het paneel in het veld '${PANEL_FIELDS.fte}' of met 'Gebruik selectie' op de personeelslijst (rol 'personeel')`,
  toddlers: `geef een tabel met per VE-locatie het aantal doelgroeppeuters (koppeling: rol 've-peuters'; paneel: 'Gebruik selectie' met de rol VE-peuters); met --peuters N of het veld '${PANEL_FIELDS.toddlers}' is alleen het totaal bekend`,
  table: (dutch: string) =>
    `geef de tabel met de geplande uren ${dutch} op in een koppeling (--map, met de rol '${dutch}') of kies in het paneel de rol van die tabel, of selecteer hem en kies 'Gebruik selectie'`,
} as const;

const PART_DUTCH: Record<Part, string> = { policy: "beleid", coaching: "coaching", ve: "VE" };

/** Words that say the workbook is about VE (voorschoolse educatie). */
const VE_WORDS = new RegExp(`${VE_WORD.source}|doelgroeppeuter|doelgroepkind`);

/**
 * Does the workbook deal with VE: a VE table or column, a toddler count, or the words
 * anywhere in its text? Then the VE norm (from 2022) needs the toddlers per location.
 */
export function mentionsVe(sheets: SheetIndex[], tables: Table[], facts: Facts): boolean {
  if (facts.toddlers !== null || facts.toddlerLocations !== null) return true;
  if (tables.some((t) => t.role === "ve" || t.role === "ve-toddlers" || t.columns.some((c) => c.kind === "ve" || c.kind === "toddlers"))) return true;
  for (const ix of sheets) {
    for (let r = 0; r < ix.rowCount; r++) {
      for (const c of ix.filled[r]) {
        const raw = ix.text(r, c);
        if (raw === null || raw.length > 400) continue;
        const n = ix.norm(r, c);
        if (n !== null && VE_WORDS.test(n)) return true;
      }
    }
  }
  return false;
}

export interface CompletenessInput {
  yearKnown: boolean;
  facts: Facts;
  required: PartHours;
  planned: Record<Part, PlannedPart | null>;
  /** The VE norm applies to this year and the workbook deals with VE. */
  veApplies: boolean;
  /** The VE norm applies to the year, but the workbook says nothing about VE or doelgroeppeuters. */
  veSilent?: boolean;
  /** The tables the engine read (for the trust in their roles). */
  tables: Table[];
}

/** Records the gaps of the check in `findings` (findings.gap). */
export function recordGaps(input: CompletenessInput, findings: Findings): void {
  const { facts, required, planned } = input;
  if (!input.yearKnown) findings.gap(`het jaar van de uren: ${HOW_TO_SET_YEAR}`);
  // A count of 0 derived from tables means the tables held no rows to count, not a provider without kindercentra or staff.
  const emptyTable = (f: { value: number; source: { kind: string } } | null) => f !== null && f.value === 0 && f.source.kind === "table";
  if (emptyTable(facts.centres)) findings.gap(`het aantal kindercentra: in de tabellen met LRK-nummers staat geen enkel LRK-nummer; ${HOW_TO_SUPPLY.centres}`);
  if (emptyTable(facts.fte)) findings.gap(`het aantal fte pedagogisch medewerkers: in de personeelslijst staan geen uren; ${HOW_TO_SUPPLY.fte}`);
  if (input.veApplies && facts.toddlerLocations !== null && facts.toddlerLocations.length === 0 && !facts.toddlerLocationsIncomplete) {
    findings.gap(`het aantal doelgroeppeuters per VE-locatie: de tabel met doelgroeppeuters heeft geen rijen; ${HOW_TO_SUPPLY.toddlers}`);
  }
  if (!facts.centres) findings.gap(`het aantal kindercentra (LRK-registraties): ${HOW_TO_SUPPLY.centres}`);
  else if (required.policy === null) findings.gap(`een bruikbaar aantal kindercentra (het gevonden aantal is ongeldig, zie de fout erbij): ${HOW_TO_SUPPLY.centres}`);
  if (!facts.fte) findings.gap(`het aantal fte pedagogisch medewerkers: ${HOW_TO_SUPPLY.fte}`);
  else if (required.coaching === null) findings.gap(`een bruikbaar aantal fte (het gevonden aantal is ongeldig, zie de fout erbij): ${HOW_TO_SUPPLY.fte}`);
  if (input.veSilent) {
    findings.gap(
      `het aantal doelgroeppeuters (VE): de werkmap noemt geen VE en geen doelgroeppeuters, en sinds 2022 hoort dat bij de norm; biedt u geen VE aan, geef dan 0 op (--peuters 0, het veld '${PANEL_FIELDS.toddlers}' in het paneel, of een cel 'Doelgroeppeuters' met 0 in de werkmap)`,
    );
  }
  if (input.veApplies) {
    // A total of toddlers is per location when there is one kindercentrum only, or no toddlers at all.
    const totalIsPerLocation = facts.toddlers !== null && (facts.toddlers.value === 0 || facts.centres?.value === 1);
    if ((facts.toddlerLocations === null && !totalIsPerLocation) || facts.toddlerLocationsIncomplete) {
      findings.gap(`het aantal doelgroeppeuters per VE-locatie: ${HOW_TO_SUPPLY.toddlers}`);
    }
  }
  const parts: Part[] = input.veApplies ? ["policy", "coaching", "ve"] : ["policy", "coaching"];
  for (const part of parts) {
    const need = required[part];
    if (need === null || need <= 0) continue;
    const p = planned[part];
    const dutch = PART_DUTCH[part];
    if (!p) findings.gap(`de geplande uren ${dutch} (geen tabel of kolom gevonden): ${HOW_TO_SUPPLY.table(dutch)}`);
    else if (p.value === null) findings.gap(`de geplande uren ${dutch} (onbekend: ze hangen af van een cel zonder bekende waarde, zie de waarschuwing)`);
    const doubtful = input.tables.find((t) => t.role === part && !t.fromMapping && t.confidence < LOW_CONFIDENCE);
    if (p && doubtful) {
      findings.gap(
        `zekerheid over de tabel ${doubtful.sheet} (rij ${doubtful.top + 1}): de rol '${dutch}' is gegokt (${doubtful.reason}); ${HOW_TO_SUPPLY.table(dutch)}`,
      );
    }
  }
}

/** The one `controle-onvolledig` finding for the recorded gaps (none when complete). */
export function reportIncomplete(findings: Findings): void {
  if (findings.gaps.length === 0) return;
  findings.add(
    RULES.CHECK_INCOMPLETE,
    "error",
    null,
    null,
    `Niet volledig te beoordelen: ${findings.gaps.length === 1 ? "er ontbreekt 1 gegeven" : `er ontbreken ${findings.gaps.length} gegevens`}: ` +
      findings.gaps.map((g, i) => `(${i + 1}) ${g}`).join("; ") +
      ". Zonder deze gegevens kan de controle niet zeggen dat het plan in orde is.",
  );
}
