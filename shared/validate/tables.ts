/**
 * Table detection: finds header rows by their words (Locatie, Totaal, uren, LRK, peuters,
 * activity names), merges headers written over two rows, follows the data rows down to a
 * blank row or a Totaal row, types the columns and classifies the table
 * (policy, coaching, VE, VE toddlers, staff, locations) with a confidence and a Dutch reason.
 * One pass over the filled cells of each sheet; rows inside a found table are skipped.
 */
import { rangeAddress } from "./a1";
import { normalizeText } from "./cell-read";
import type { SheetIndex } from "./sheet-index";
import type { ColumnKind, Table, TableColumn } from "./table-model";
import { expectedText, NUMERIC_KINDS } from "./table-model";
import type { DetectedTable, TableRole } from "./types";
import { shorten } from "../cells";

const HEADER_WORD =
  /locatie|naam|medewerker|kindercentr|speelleergroep|peutergroep|vestiging|totaal|uren|\buur\b|lrk|peuter|doelgroep|coach|beleid|\bfte\b|functie|contract|activiteit|\bve\b|vve/;
const TOTAL_LABEL = /^(totaal|totalen|total|som|eindtotaal)\b/;
/** Row numbers and codes: numbers that are no hours ("Nr", "Nr.", "#", "Kostenplaats", "Postcode"). */
const ID_HEADER = /^(nr\.?|no\.?|nummer|volgnummer|volgnr\.?|#|id|code|kostenplaats|kostenplaatsnummer|postcode|huisnummer|jaar)$/;
/** Subtotal rows inside a table: neither data nor the end of the table. */
const SUBTOTAL_LABEL = /^(sub-?\s?totaal|tussentotaal|subtotal)/;
const NAME_HEADER = /locatie|naam|medewerker|kindercentr|speelleergroep|peutergroep|vestiging|groep/;

/** The kind of a column from its (normalised) header text. */
export function columnKindFromHeader(h: string, isFirst: boolean): { kind: ColumnKind; workedIsTotal?: boolean } {
  if (h === "") return { kind: "text" };
  if (ID_HEADER.test(h)) return { kind: "id" };
  if (/lrk|registratienummer/.test(h)) return { kind: "lrk" };
  if (h.length <= 60 && /peuter|doelgroep|indicatie|aantal (v?ve-?)?kinderen/.test(h) && !/uren|\buur\b|coach|ondersteun|observ/.test(h)) {
    return { kind: "toddlers" };
  }
  if (!isFirst && TOTAL_LABEL.test(h)) return { kind: "total" };
  if (/gewerkt|13 weken|gemiddeld|gem\. /.test(h)) return { kind: "worked", workedIsTotal: !/per week|gemiddeld|gem\./.test(h) };
  if (/per week|weekuren|contracturen|contract uren|uren p\/?w|uren p\.w|\bp\/w\b|uren ?\/ ?w(ee)?k|contract hours|hours per week/.test(h)) return { kind: "weekly" };
  if (/\bfte\b/.test(h)) return { kind: "fte" };
  if (/\bv?ve\b|vve|voorschools/.test(h) && /uren|\buur\b/.test(h)) return { kind: "ve" };
  if (/coach/.test(h)) return { kind: "coaching" };
  if (/beleid/.test(h)) return { kind: "policy" };
  if (/\bv?ve\b|vve/.test(h)) return { kind: "ve" };
  if (NAME_HEADER.test(h)) return { kind: "name" };
  if (/uren|\buur\b|aantal/.test(h)) return { kind: "hours" };
  return { kind: "text" };
}

function rowTexts(ix: SheetIndex, r: number): { col: number; text: string }[] | null {
  const cols = ix.filled[r];
  if (!cols || cols.length === 0) return null;
  const out: { col: number; text: string }[] = [];
  for (const c of cols) {
    const cell = ix.read(r, c);
    if (cell.kind !== "text") return null; // a header row holds text only
    out.push({ col: c, text: cell.text });
  }
  return out;
}

/** A row of text cells where at least two name header words. */
function isHeaderRow(ix: SheetIndex, r: number): { col: number; text: string }[] | null {
  const cols = ix.filled[r];
  if (!cols || cols.length < 2) return null;
  // Checked without allocating: most rows are data rows and hold a number somewhere.
  for (const c of cols) if (ix.read(r, c).kind !== "text") return null;
  let hits = 0;
  for (const c of cols) if (HEADER_WORD.test(ix.norm(r, c)!) && ++hits >= 2) return rowTexts(ix, r);
  return null;
}

/** Does the row hold a number, a formula or an error value between left and right? */
function hasNumberLike(ix: SheetIndex, r: number, left: number, right: number): boolean {
  for (const c of ix.filled[r] ?? []) {
    if (c < left || c > right) continue;
    const k = ix.read(r, c).kind;
    if (k === "number" || k === "error" || k === "nocache") return true;
  }
  return false;
}

function isBlankRow(ix: SheetIndex, r: number, left: number, right: number): boolean {
  for (const c of ix.filled[r] ?? []) if (c >= left && c <= right) return false;
  return true;
}

/**
 * Can normalizeText(s) start with a total word (t, s or e)? The first non-space
 * character decides: ASCII letters only change case, anything else non-ASCII may fold.
 */
function mayBeTotalLabel(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i) | 0x20; // ASCII lower case
    if (ch === 0x20 || (s.charCodeAt(i) >= 9 && s.charCodeAt(i) <= 13)) continue;
    if (s.charCodeAt(i) >= 128) return true;
    return ch === 0x74 /* t */ || ch === 0x73 /* s */ || ch === 0x65; /* e */
  }
  return false;
}

/** Does one of the first two columns of the table hold a label matching `label` (totaal, subtotaal)? */
function isLabelRow(ix: SheetIndex, r: number, left: number, label: RegExp): boolean {
  for (const c of ix.filled[r] ?? []) {
    if (c > left + 1) break;
    if (c < left) continue;
    const raw = ix.text(r, c);
    if (raw === null || !mayBeTotalLabel(raw)) continue;
    const t = ix.norm(r, c);
    if (t !== null && label.test(t)) return true;
  }
  return false;
}

/** Is this a Totaal row (label in one of the first two columns of the table)? */
export function isTotalRow(ix: SheetIndex, r: number, left: number): boolean {
  return isLabelRow(ix, r, left, TOTAL_LABEL);
}

/** Is (r, c) the label cell of a Totaal row ("Totaal" in one of the first two columns)? */
export function isTotalLabelCell(ix: SheetIndex, r: number, c: number, left: number): boolean {
  if (c < left || c > left + 1) return false;
  const t = ix.norm(r, c);
  return t !== null && TOTAL_LABEL.test(t);
}

/** The title above a header: the nearest non-blank row within three rows holding one text cell. */
function titleAbove(ix: SheetIndex, headerRow: number): { row: number; text: string } | null {
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 3); r--) {
    const cols = ix.filled[r];
    if (!cols || cols.length === 0) continue;
    if (cols.length === 1) {
      const t = ix.text(r, cols[0]);
      if (t !== null) return { row: r, text: t };
    }
    return null;
  }
  return null;
}

/**
 * Builds a table from its header rows and the rows below, up to `limit` (inclusive) or
 * the first blank row, header row or Totaal row.
 */
export function buildTable(
  ix: SheetIndex,
  headerRows: number[],
  left: number,
  right: number,
  limit: number,
  stopAtBlank: boolean,
): Table {
  const first = headerRows[headerRows.length - 1] + 1;
  const dataRows: number[] = [];
  let totalRow: number | null = null;
  let r = first;
  for (; r <= limit && r < ix.rowCount; r++) {
    if (isBlankRow(ix, r, left, right)) {
      // A blank row right below the header (layout) does not end the table; one after data does.
      if (stopAtBlank && dataRows.length > 0) break;
      continue;
    }
    if (stopAtBlank && isHeaderRow(ix, r)) break;
    if (isLabelRow(ix, r, left, SUBTOTAL_LABEL)) continue;
    if (isTotalRow(ix, r, left)) {
      totalRow = r;
      break;
    }
    dataRows.push(r);
  }
  const bottom = totalRow ?? (dataRows.length ? dataRows[dataRows.length - 1] : headerRows[headerRows.length - 1]);

  const columns: TableColumn[] = [];
  let nameFound = false;
  for (let c = left; c <= right; c++) {
    const header = headerRows
      .map((hr) => ix.text(hr, c) ?? "")
      .filter((t) => t.trim() !== "")
      .join("\n");
    const norm = normalizeText(header);
    const guess = columnKindFromHeader(norm, c === left);
    let numbers = 0;
    let texts = 0;
    for (const dr of dataRows) {
      const k = ix.read(dr, c).kind;
      if (k === "number" || k === "nocache") numbers++;
      else if (k === "bool") texts++;
      // "0-uren" in a contract-hours column, "n.v.t." in a toddler column: expected values, not a text column.
      else if (k === "text" && !expectedText(guess.kind, ix.norm(dr, c) ?? "")) texts++;
    }
    if (header === "" && numbers === 0 && texts === 0) continue;
    let kind = guess.kind;
    const mostlyText = texts > numbers;
    if (kind === "id") {
      // stays an identifier column, whatever it holds
    } else if (kind !== "lrk" && mostlyText) {
      kind = !nameFound && (kind === "name" || kind === "text" || c === left) ? "name" : "text";
    } else if (kind === "name" || kind === "text") {
      kind = numbers > 0 ? "hours" : !nameFound && kind === "name" ? "name" : "text";
    }
    if (kind === "name") nameFound = true;
    columns.push({ col: c, header: header.replace(/\s*\n\s*/g, " ").trim(), kind, workedIsTotal: guess.workedIsTotal });
  }

  const top = headerRows[0];
  const title = titleAbove(ix, top);
  const t: Table = {
    sheet: ix.name,
    top,
    left,
    bottom,
    right,
    headerRows,
    title: title ? title.text : null,
    columns,
    dataRows,
    totalRow,
    role: "unknown",
    confidence: 0,
    reason: "",
    fromMapping: false,
  };
  classify(t);
  return t;
}

/** Title words, with "(zonder VE-uren inzet)" and the like taken out. */
function titleWords(title: string | null): string {
  if (!title) return "";
  return normalizeText(title)
    .replace(/\(?\s*(zonder|exclusief|excl\.?|exclusief de|buiten)\s+(de\s+)?v?ve[- ]?(uren)?( inzet)?\s*\)?/g, " ")
    .trim();
}

/**
 * A column header that is nothing but the name of one part ("Coaching", "Beleidsuren",
 * "VE-uren", "Uren pedagogisch coach"), as opposed to an activity description that
 * happens to mention coaching or VE.
 */
const PART_HEADER = /^(uren\s+)?(pedagogisch(e)?\s+)?(coach\w*|beleid\w*|v?ve(-?\s?uren)?)(\s+(uren|uur))?(\s+\d{4})?$/;

/** Sets role, confidence and reason. */
export function classify(t: Table): void {
  const has = (k: ColumnKind) => t.columns.find((c) => c.kind === k);
  const name = t.columns.find((c) => c.kind === "name");
  const title = titleWords(t.title);
  const titleQuote = t.title ? `titel '${shorten(t.title, 60)}'` : "";
  const set = (role: TableRole, confidence: number, reason: string) => {
    t.role = role;
    t.confidence = confidence;
    t.reason = reason;
  };
  const toddlers = has("toddlers");
  if (toddlers) return set("ve-toddlers", 0.9, `kolom '${shorten(toddlers.header, 40)}' telt doelgroeppeuters per locatie`);
  const staffCol = has("weekly") ?? has("worked") ?? has("fte");
  if (staffCol) return set("staff", 0.85, `kolom '${shorten(staffCol.header, 40)}' geeft uren of fte per medewerker`);
  if (name && /naam|medewerker/.test(normalizeText(name.header)) && !/locatie/.test(normalizeText(name.header))) {
    return set("staff", 0.7, `eerste kolom '${shorten(name.header, 40)}' noemt medewerkers`);
  }
  const lrk = has("lrk");
  if (lrk) return set("locations", 0.85, `kolom '${shorten(lrk.header, 40)}' bevat LRK-nummers`);
  // One column per part (beleid, coaching, VE) per location: a list, whatever its title says.
  const partColumns = t.columns.filter((c) => (c.kind === "coaching" || c.kind === "policy" || c.kind === "ve") && PART_HEADER.test(normalizeText(c.header)));
  if (new Set(partColumns.map((c) => c.kind)).size >= 2) {
    return set("locations", 0.8, `kolommen ${partColumns.map((c) => `'${shorten(c.header, 30)}'`).join(", ")} geven de uren per onderdeel per locatie`);
  }

  const ve = /\bv?ve\b|vve|voorschools|doelgroep/.test(title);
  const coach = /coach/.test(title);
  const policy = /beleid/.test(title);
  if (ve) return set("ve", 0.9, `${titleQuote} gaat over VE`);
  if (coach && !policy) return set("coaching", 0.9, `${titleQuote} gaat over coaching`);
  if (policy && !coach) return set("policy", 0.9, `${titleQuote} gaat over beleid`);

  // No decisive title: count the words in the column headers.
  let nVe = 0;
  let nCoach = 0;
  let nPolicy = 0;
  for (const c of t.columns) {
    const h = normalizeText(c.header);
    if (/\bv?ve\b|vve/.test(h)) nVe++;
    if (/coach/.test(h)) nCoach++;
    if (/beleid/.test(h)) nPolicy++;
  }
  const best = Math.max(nVe, nCoach, nPolicy);
  const via = titleQuote ? `${titleQuote} en kolomkoppen` : "kolomkoppen";
  if (best > 0) {
    const tied = [nVe, nCoach, nPolicy].filter((n) => n === best).length > 1;
    const confidence = tied ? 0.4 : 0.6;
    if (nVe === best) return set("ve", confidence, `${via} noemen vooral VE`);
    if (nCoach === best) return set("coaching", confidence, `${via} noemen vooral coaching`);
    return set("policy", confidence, `${via} noemen vooral beleid`);
  }
  return set("unknown", 0.2, "geen woorden gevonden die zeggen of dit over beleid, coaching of VE gaat");
}

/** Finds the tables of one sheet. `skip` marks rows already covered (mapped ranges). */
export function detectSheetTables(ix: SheetIndex, skip?: (row: number, col: number) => boolean): Table[] {
  const found: Table[] = [];
  for (let r = 0; r < ix.rowCount; r++) {
    const header = isHeaderRow(ix, r);
    if (!header) continue;
    if (skip && header.some((h) => skip(r, h.col))) continue;
    let left = header[0].col;
    let right = header[header.length - 1].col;
    const headerRows = [r];
    // A header written over two rows: the next row holds text only, nothing in the first
    // (name) column, and the row after it holds numbers.
    const next = rowTexts(ix, r + 1);
    if (next && next[0].col > left && !isTotalRow(ix, r + 1, left) && r + 2 < ix.rowCount && hasNumberLike(ix, r + 2, left, Math.max(right, next[next.length - 1].col))) {
      headerRows.push(r + 1);
      left = Math.min(left, next[0].col);
      right = Math.max(right, next[next.length - 1].col);
    }
    const firstData = headerRows[headerRows.length - 1] + 1;
    // There must be numbers in the first rows below the header.
    let numbersBelow = false;
    for (let k = firstData; k < Math.min(ix.rowCount, firstData + 3); k++) {
      if (hasNumberLike(ix, k, left, right)) {
        numbersBelow = true;
        break;
      }
    }
    if (!numbersBelow) continue;
    const t = buildTable(ix, headerRows, left, right, ix.rowCount - 1, true);
    found.push(t);
    r = t.bottom;
  }
  return found;
}

export function toDetected(t: Table): DetectedTable {
  return {
    sheet: t.sheet,
    range: rangeAddress(t.top, t.left, t.bottom, t.right),
    role: t.role,
    confidence: t.confidence,
    reason: t.reason,
  };
}

export function isNumericColumn(c: TableColumn): boolean {
  return NUMERIC_KINDS.has(c.kind);
}
