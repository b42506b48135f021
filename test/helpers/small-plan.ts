/**
 * The small plan the formation tests share: 2 kindercentra (100 h beleid), 3 fte (30 h
 * coaching), no VE, so 130 h are required; `extra` rows go below the facts (a stated
 * formation, a leave percentage, an hourly rate).
 */
import { buildSheet } from "../../shared/validate";
import type { CellValue, SheetSnapshot } from "../../shared/validate/types";

export function smallPlanSheet(extra: CellValue[][] = [], year = 2026): SheetSnapshot {
  return buildSheet(`Uren ${year}`, [
    ["Peildatum", `1 januari ${year}`],
    ["Aantal LRK-registraties", 2],
    ["Fte pedagogisch medewerkers", 3],
    ["Doelgroeppeuters", 0],
    ...extra,
    [],
    ["Locatie", "Beleidsuren", "Coachuren", "VE-uren"],
    ["Dommelen", 50, 15, 0],
    ["Budel", 50, 15, 0],
    ["Totaal", 100, 30, 0],
  ]);
}
