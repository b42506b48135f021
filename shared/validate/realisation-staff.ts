/**
 * Which pedagogisch medewerkers have not been coached yet (issue 12): a staff list's own
 * column ("Gecoacht", "Coaching ontvangen (uren)", "Laatst gecoacht"), else the names on
 * the coaching rows of a realisation list. A cell without a known value (a SUMIFS without
 * cached result, an error) is unknown, never "not coached".
 */
import { normalizeText } from "./cell-read";
import type { SheetIndex } from "./sheet-index";
import { isCoachFormationTable, staffRowReader } from "./staff-functions";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind } from "./table-model";
import type { CheckOptions } from "./types";
import { COACHED_DAY as DAY, COACHED_HEADER, COACHED_NO as NO, COACHED_SO_FAR, COACHED_YES as YES, PERSON_WORD } from "./vocabulary";

export interface StaffRowRef {
  sheet: string;
  row: number;
  col: number;
  name: string;
}

export interface CoachedStatus {
  notCoached: StaffRowRef[];
  /** Staff rows whose coaching is unknown (no cached value, an error, text that says neither). */
  unknown: number;
  /** Staff rows known to be coached. */
  coached: number;
  /** The staff tables looked at, "Blad!A1:F20". */
  tables: Table[];
}


/** Coached (true), not coached (false) or unknown (null) from one cell of a coached column. */
function coachedCell(ix: SheetIndex, r: number, c: number): boolean | null {
  const v = ix.read(r, c);
  if (v.kind === "number") return v.n > 0 ? true : v.n === 0 ? false : null;
  if (v.kind === "blank") return false;
  if (v.kind === "bool") return v.b;
  if (v.kind === "text") {
    const n = normalizeText(v.text.slice(0, 40)).trim();
    if (YES.test(n) || DAY.test(n)) return true;
    if (NO.test(n)) return false;
  }
  return null;
}

function nameColumn(t: Table): TableColumn | undefined {
  return t.columns.find((c) => (c.kind === "name" || c.kind === "text") && PERSON_WORD.test(normalizeText(c.header))) ?? columnOfKind(t, "name");
}

/**
 * The staff rows (those counted as pedagogisch medewerker) without coaching yet. Null when
 * nothing says who was coached: no staff list with a coached column, and no names on the
 * coaching rows of a realisation list.
 */
export function coachedStatus(tables: Table[], byName: Map<string, SheetIndex>, options: CheckOptions, coachedNames: Set<string> | null): CoachedStatus | null {
  const out: CoachedStatus = { notCoached: [], unknown: 0, coached: 0, tables: [] };
  for (const t of tables) {
    if (t.role !== "staff") continue;
    const ix = byName.get(t.sheet)!;
    if (isCoachFormationTable(ix, t)) continue;
    const column = t.columns.find((c) => {
      const n = normalizeText(c.header);
      return COACHED_HEADER.test(n) || COACHED_SO_FAR(n);
    });
    const name = nameColumn(t);
    if (!column && (!coachedNames || !name)) continue;
    out.tables.push(t);
    const who = staffRowReader(ix, t, options);
    for (const r of t.dataRows) {
      if (!who(r).counts) continue;
      const written = name ? ix.text(r, name.col) : null;
      const shown = written === null ? `rij ${r + 1}` : written.replace(/\s+/g, " ").trim().slice(0, 200);
      if (column) {
        const coached = coachedCell(ix, r, column.col);
        if (coached === null) out.unknown++;
        else if (coached) out.coached++;
        else if (!coached) out.notCoached.push({ sheet: t.sheet, row: r, col: column.col, name: shown });
      } else if (written !== null) {
        if (coachedNames!.has(normalizeText(written.slice(0, 200)).trim())) out.coached++;
        else out.notCoached.push({ sheet: t.sheet, row: r, col: name!.col, name: shown });
      }
    }
  }
  return out.tables.length ? out : null;
}
