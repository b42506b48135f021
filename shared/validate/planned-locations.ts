/**
 * The planned hours per kindercentrum, for the overview for parents and staff (art. 8 lid 3):
 * read from the same sources as the planned totals (planned.ts hoursSources, the rows of
 * ve-locations.ts partHoursPerLocation), so a single table with beleid, coaching and VE
 * columns, per-part tables, category lists and place × coach matrices all count alike.
 *
 * A part is shown per location only when every one of its sources names its rows by a
 * column headed as a location (or is a matrix whose columns are places): a list named by a
 * "Naam" column may name people, and the overview must never show a staff name. The part
 * is also left out when a row's hours are unknown or the rows do not add up to the planned
 * total; the overview then says it is not complete.
 */
import { cleanFloat } from "../numbers";
import { normalizeText } from "./cell-read";
import { hoursSources, type Part } from "./planned";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";
import { locationColumnFor, matrixColumns } from "./table-places";
import type { PartHours, PlannedLocations } from "./types";
import { partHoursPerLocation } from "./ve-locations";

const PARTS: Part[] = ["policy", "coaching", "ve"];
/** A column header that names a kindercentrum (never a person). */
const PLACE_HEADER = /locatie|vestiging|kindercentr|location|\bsite\b|peuterspeelzaal|\bkdv\b|\bbso\b|\bpsz\b|\blrk\b/;

/** Every source of the part names its rows by a location column, or is a place × people matrix. */
function namedByPlace(part: Part, tables: Table[], byName: Map<string, SheetIndex>, fromLists: boolean): boolean {
  const sources = hoursSources(part, tables, byName, fromLists);
  if (sources.length === 0) return false;
  return sources.every((s) => {
    if (s.col === null && !s.category && matrixColumns(s.table)) return true;
    const loc = locationColumnFor(s.table, s.col ? s.col.col : s.table.left);
    return loc !== undefined && PLACE_HEADER.test(normalizeText(loc.header));
  });
}

/** One line of text with single spaces: how the overview writes a name, and its key in lower case. */
const shown = (name: string) => name.replace(/\s+/g, " ").trim();

export function plannedLocations(tables: Table[], byName: Map<string, SheetIndex>, planned: PartHours, movedParts: Set<Part>): PlannedLocations {
  const rows = new Map<string, PlannedLocations["rows"][number]>();
  const parts: Part[] = [];
  const notShown: Part[] = [];
  for (const part of PARTS) {
    const total = planned[part];
    if (total === null) continue;
    const fromLists = !movedParts.has(part);
    if (!namedByPlace(part, tables, byName, fromLists)) {
      notShown.push(part);
      continue;
    }
    const list = partHoursPerLocation(part, tables, byName, fromLists);
    if (list.some((r) => r.unknownCol !== null)) {
      notShown.push(part);
      continue;
    }
    const sum = cleanFloat(list.reduce((s, r) => s + (r.value ?? 0), 0));
    if (Math.abs(sum - total) > 1e-6) {
      notShown.push(part);
      continue;
    }
    parts.push(part);
    for (const r of list) {
      if (r.value === null) continue;
      const name = shown(r.name);
      const key = name.toLowerCase();
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { location: name, policy: null, coaching: null, ve: null }));
      row[part] = cleanFloat((row[part] ?? 0) + r.value);
    }
  }
  return { parts, notShown, rows: [...rows.values()] };
}
