/**
 * Which column names the location of a figure in a table: a table may hold two blocks side
 * by side, each with its own "Locatie" column, or a group column beside the location
 * column ("Speelleergroep | Locatie | …"). Shared by the planned hours (one hours column per
 * block) and the VE check per location.
 */
import { normalizeText } from "./cell-read";
import type { Table, TableColumn } from "./table-model";
import { columnOfKind } from "./table-model";
import type { SheetIndex } from "./sheet-index";
import { isTotalText } from "./tables";

const LOCATION_HEADER = /locatie|vestiging|kindercentr|location|\bsite\b|peuterspeelzaal|\bkdv\b|\bpsz\b/;
const GROUP_HEADER = /groep|group/;

interface Places {
  /** Per column that names a location: the columns left of the next one belong to it (side-by-side blocks). */
  locations: TableColumn[];
  /** A column naming the group, if any (a location written once over its groups leaves blanks). */
  group: TableColumn | undefined;
}

/** A first column that names coaches or people: its rows are people, so a matrix's columns are the places. */
const PERSON_FIRST = /coach|beleidsmedewerker|\bpbm|medewerker|\bnaam\b|\bname\b|employee|\bstaff\b/;
/** A column header that says hours or a part rather than naming a place. */
const NOT_A_PLACE = /uren|\buur\b|hours|totaal|total|beleid|coach|\bv?ve\b|vve|fte|lrk|opmerking|toelichting/;

/**
 * A matrix of people × places ("Coach | Noord KDV | De Parel | … | Totaal"): rows name
 * coaches, and every hours column is headed by a place. Then the places are the columns.
 */
export function matrixColumns(t: Table): TableColumn[] | null {
  const first = t.columns[0];
  if (!first || !(first.kind === "name" || first.kind === "text") || !PERSON_FIRST.test(normalizeText(first.header))) return null;
  const places = t.columns.filter((c) => c.kind === "hours");
  if (places.length < 2 || places.some((c) => c.header.trim() === "" || NOT_A_PLACE.test(normalizeText(c.header)))) return null;
  return places;
}

/** The location and group columns of a table (computed once per table). */
const placesCache = new WeakMap<Table, Places>();
function placesOf(t: Table): Places {
  let p = placesCache.get(t);
  if (!p) {
    // A matrix of people × places has no location column: its columns are the places.
    const named = matrixColumns(t) ? [] : t.columns.filter((c) => c.kind === "name" || c.kind === "text");
    const isGroup = (c: TableColumn) => GROUP_HEADER.test(normalizeText(c.header));
    const group = named.find(isGroup);
    const locations = named.filter((c) => LOCATION_HEADER.test(normalizeText(c.header)) && !isGroup(c));
    const name = columnOfKind(t, "name");
    // A category list names its rows by the category ("Beleid", "Coaching"): only a column headed as a location names a place.
    const fallback = name && t.role !== "mixed" ? [name] : [];
    p = { locations: locations.length ? locations : fallback, group };
    placesCache.set(t, p);
  }
  return p;
}

/**
 * The column that names the location of the figures in column `col`: the nearest location
 * column at or left of it (two blocks side by side, each with its own "Locatie"), else the
 * first one. "Speelleergroep | Locatie | …" sums the groups of one location.
 */
export function locationColumnFor(t: Table, col: number): TableColumn | undefined {
  const locs = placesOf(t).locations;
  let best: TableColumn | undefined = locs[0];
  for (const c of locs) if (c.col <= col) best = c;
  return best;
}

/** The columns that name a location, left to right (more than one: blocks side by side). */
export function locationColumns(t: Table): TableColumn[] {
  return placesOf(t).locations;
}

/** The column that names the group (a location written once over its groups leaves blanks below it), if any. */
export function groupColumn(t: Table): TableColumn | undefined {
  return placesOf(t).group;
}

/**
 * Is row `r` the "Totaal" of the block that column `col` belongs to (two blocks side by
 * side end at different rows, so the table's own Totaal row is not theirs)? Its location
 * cell, or its group cell when the location cell is blank, holds a total label.
 */
export function isBlockTotalRow(ix: SheetIndex, t: Table, r: number, col: number): boolean {
  const loc = locationColumnFor(t, col);
  const locText = loc ? ix.norm(r, loc.col) : null;
  if (locText !== null) return isTotalText(locText);
  const group = placesOf(t).group;
  const groupText = group ? ix.norm(r, group.col) : null;
  return groupText !== null && isTotalText(groupText);
}
