/**
 * Every pedagogisch medewerker receives coaching every year: a staff member without
 * coaching hours is an error; a location without coaching hours is a warning (its staff
 * may still be coached under another heading, but it deserves a look).
 */
import { shorten } from "../../cells";
import { isCoachFormationTable, staffRowReader } from "../staff-functions";
import type { Findings } from "../findings";
import { rowValue } from "../planned";
import type { SheetIndex } from "../sheet-index";
import type { Table } from "../table-model";
import { columnOfKind } from "../table-model";
import type { CheckOptions } from "../types";
import { RULES } from "./ids";

const locationWithout = (name: string) =>
  `Locatie '${shorten(name, 40)}' heeft geen coachuren. Iedere pedagogisch medewerker moet jaarlijks coaching krijgen; controleer of deze locatie is vergeten.`;

/** The name of a row (its name column), else "rij N". */
function rowName(ix: SheetIndex, t: Table): (r: number) => string {
  const name = columnOfKind(t, "name");
  return (r) => (name ? ix.text(r, name.col)?.replace(/\s+/g, " ").trim() ?? `rij ${r + 1}` : `rij ${r + 1}`);
}

/** A coaching table: a location row with no coaching hours is a warning. */
function locationsWithoutCoaching(ix: SheetIndex, t: Table, findings: Findings): void {
  const label = rowName(ix, t);
  for (const r of t.dataRows) {
    const v = rowValue(ix, t, r);
    if (v.value !== null && v.value !== 0) continue;
    if (v.unknownCol !== null) continue; // unknown, not 0: reported by the cell rules
    findings.at(RULES.LOCATION_NO_COACHING, "warning", t.sheet, r, v.col, locationWithout(label(r)));
  }
}

/** A staff or location list with a coaching column: a PM without coaching is an error, a location a warning. */
function rowsWithoutCoaching(ix: SheetIndex, t: Table, options: CheckOptions, findings: Findings): void {
  const coach = columnOfKind(t, "coaching");
  if (!coach || (t.role !== "staff" && t.role !== "locations")) return;
  if (t.role === "staff" && isCoachFormationTable(ix, t)) return; // the coaches themselves
  const label = rowName(ix, t);
  const who = staffRowReader(ix, t, options);
  for (const r of t.dataRows) {
    const v = ix.read(r, coach.col);
    if (v.kind === "number" && v.n > 0) continue;
    if (v.kind !== "number" && v.kind !== "blank") continue; // reported by the cell rules
    if (t.role === "locations") {
      findings.at(RULES.LOCATION_NO_COACHING, "warning", t.sheet, r, coach.col, locationWithout(label(r)));
    } else if (who(r).counts) {
      findings.at(
        RULES.STAFF_NO_COACHING,
        "error",
        t.sheet,
        r,
        coach.col,
        `Medewerker '${shorten(label(r), 40)}' heeft geen coachuren. Iedere pedagogisch medewerker moet ieder jaar coaching krijgen (Besluit kwaliteit kinderopvang art. 8).`,
      );
    }
  }
}

export function checkCoverage(tables: Table[], byName: Map<string, SheetIndex>, options: CheckOptions, findings: Findings): void {
  for (const t of tables) {
    const ix = byName.get(t.sheet)!;
    if (t.role === "coaching") locationsWithoutCoaching(ix, t, findings);
    rowsWithoutCoaching(ix, t, options, findings);
  }
}
