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
import { expectedText, NUMERIC_KINDS, PART_KINDS, ROLE_DUTCH } from "./table-model";
import { partOfText } from "./vocabulary";
import { categoryColumns } from "./planned";
import type { DetectedTable, TableRole } from "./types";
import { shorten } from "../cells";
import {
  CATEGORY_HEADER,
  COACHING_WORD,
  FTE_WORD,
  HEADER_WORD,
  HOURS_WORD,
  ID_HEADER,
  LRK_WORD,
  NAME_HEADER,
  PERSON_WORD,
  LOCATION_WORD,
  POLICY_WORD,
  SUBTOTAL_LABEL,
  TODDLER_NOT,
  TODDLER_WORD,
  TOTAL_LABEL,
  VE_WORD,
  WEEKLY_WORD,
  WORKED_AVERAGE,
  WORKED_WORD,
  YEAR_ONLY,
  REQUIRED_WORD,
  REALISED_WORD,
  REMAINING_WORD,
  SO_FAR_WORD,
  PLANNED_WORD,
} from "./vocabulary";

/** The kind of a column from its (normalised) header text. */
export function columnKindFromHeader(h: string, isFirst: boolean): { kind: ColumnKind; workedIsTotal?: boolean } {
  if (h === "") return { kind: "text" };
  if (ID_HEADER.test(h)) return { kind: "id" };
  if (LRK_WORD.test(h)) return { kind: "lrk" };
  if (h.length <= 60 && TODDLER_WORD.test(h) && !TODDLER_NOT.test(h)) return { kind: "toddlers" };
  // "Vereist beleid", "Benodigd (× 10)", "Norm coaching": what the sheet says is needed, never planned hours.
  if (!isFirst && REQUIRED_WORD.test(h)) return { kind: "required" };
  // "Nog te besteden", "Resterend", "Remaining": hours still to spend, neither planned nor realised.
  if (!isFirst && REMAINING_WORD.test(h)) return { kind: "remaining" };
  // "Coaching gerealiseerd", "Besteed", "Coaching t/m sept": hours spent, reported beside the plan, never planned hours.
  if (!isFirst && (REALISED_WORD.test(h) || (SO_FAR_WORD.test(h) && !PLANNED_WORD.test(h)))) return { kind: "realised" };
  if (!isFirst && TOTAL_LABEL.test(h)) return { kind: "total" };
  if (WORKED_WORD.test(h)) return { kind: "worked", workedIsTotal: !WORKED_AVERAGE.test(h) };
  if (WEEKLY_WORD.test(h)) return { kind: "weekly" };
  if (FTE_WORD.test(h)) return { kind: "fte" };
  if (VE_WORD.test(h) && HOURS_WORD.test(h)) return { kind: "ve" };
  if (COACHING_WORD.test(h)) return { kind: "coaching" };
  if (POLICY_WORD.test(h)) return { kind: "policy" };
  if (VE_WORD.test(h)) return { kind: "ve" };
  if (CATEGORY_HEADER.test(h)) return { kind: "category" };
  if (NAME_HEADER.test(h)) return { kind: "name" };
  if (HOURS_WORD.test(h) || /aantal/.test(h)) return { kind: "hours" };
  return { kind: "text" };
}

/** A header cell's text: text, or a year typed as a number (2026). Null for anything else. */
function headerText(ix: SheetIndex, r: number, c: number): string | null {
  const cell = ix.read(r, c);
  if (cell.kind === "text") return cell.text;
  if (cell.kind === "number" && Number.isInteger(cell.n) && cell.n >= 1900 && cell.n <= 2199) return String(cell.n);
  return null;
}

function rowTexts(ix: SheetIndex, r: number): { col: number; text: string }[] | null {
  const cols = ix.filled[r];
  if (!cols || cols.length === 0) return null;
  const out: { col: number; text: string }[] = [];
  for (const c of cols) {
    const text = headerText(ix, r, c);
    if (text === null) return null; // a header row holds text (and years) only
    out.push({ col: c, text });
  }
  return out;
}

/**
 * A row of text cells where at least two name header words, or one header word over two
 * or more years ("Locatie | 2025 | 2026": years side by side).
 */
function isHeaderRow(ix: SheetIndex, r: number): { col: number; text: string }[] | null {
  const cols = ix.filled[r];
  if (!cols || cols.length < 2) return null;
  // Checked without allocating: most rows are data rows and hold a number somewhere.
  let years = 0;
  for (const c of cols) {
    const k = ix.read(r, c).kind;
    if (k === "text") continue;
    if (k !== "number" || headerText(ix, r, c) === null) return null;
    years++;
  }
  let hits = 0;
  for (const c of cols) {
    const n = ix.norm(r, c);
    if (n === null) continue;
    if (YEAR_ONLY.test(n)) years++;
    else if (HEADER_WORD.test(n)) hits++;
  }
  if (!(hits >= 2 || (hits >= 1 && years >= 2))) return null;
  // A label with its value written as words ("Formatie coach | 2 coaches à 28 uur per week") is no header.
  if (cols.length === 2 && isValueSentence(ix.norm(r, cols[1]))) return null;
  return rowTexts(ix, r);
}

/** Text that states a figure in words: digits and at least three words ("2 coaches à 28 uur per week"). */
function isValueSentence(n: string | null): boolean {
  if (n === null || n.length > 120 || !/\d/.test(n)) return false;
  let words = 1;
  for (let i = 0; i < n.length; i++) if (n.charCodeAt(i) === 32) words++;
  return words >= 4;
}

/** A row above a header that holds years over its columns ("| 2025 | | 2026 |", merged cells): part of the header. */
function isYearBand(ix: SheetIndex, r: number, left: number, right: number): boolean {
  const cols = ix.filled[r];
  if (!cols || cols.length === 0) return false;
  let years = 0;
  for (const c of cols) {
    const t = headerText(ix, r, c);
    if (t === null) return false;
    if (YEAR_ONLY.test(t) && c > left && c <= right) years++;
  }
  return years >= 1;
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

/**
 * No cell between left and right shows anything: empty, or a formula whose result is the
 * empty text (=IF(A5="","",…) on a row not filled in yet), which is filled but reads blank.
 */
function isBlankRow(ix: SheetIndex, r: number, left: number, right: number): boolean {
  for (const c of ix.filled[r] ?? []) if (c >= left && c <= right && ix.read(r, c).kind !== "blank") return false;
  return true;
}

/**
 * Can normalizeText(s) start with a total word (t, s, e or g)? The first non-space
 * character decides: ASCII letters only change case, anything else non-ASCII may fold.
 */
function mayBeTotalLabel(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i) | 0x20; // ASCII lower case
    if (ch === 0x20 || (s.charCodeAt(i) >= 9 && s.charCodeAt(i) <= 13)) continue;
    if (s.charCodeAt(i) >= 128) return true;
    return ch === 0x74 /* t */ || ch === 0x73 /* s */ || ch === 0x65 /* e */ || ch === 0x67; /* g */
  }
  return false;
}

/**
 * Does the row carry a label matching `label` (totaal, subtotaal) wherever it sits: in one
 * of the first two text cells of the row between left and right ("| | Totaal | 800",
 * "Regio Zuid | Subtotaal | 300")? Later text cells (an activity, a remark) are data.
 */
function isLabelRow(ix: SheetIndex, r: number, left: number, right: number, label: RegExp): boolean {
  let texts = 0;
  /** A number after the first text cell: a later "Totaal" belongs to a block beside it ("Plein | 20 | | Totaal | 10"), not to the row. */
  let numberAfterText = false;
  for (const c of ix.filled[r] ?? []) {
    if (c < left) continue;
    if (c > right) break;
    const raw = ix.text(r, c);
    if (raw === null) {
      if (texts > 0) numberAfterText = true;
      continue;
    }
    if (mayBeTotalLabel(raw)) {
      const t = ix.norm(r, c);
      // The second text cell only when it is a bare label right after the first ("Regio Zuid | Subtotaal | 300"),
      // not a remark such as "totaal 2 sessies".
      if (t !== null && label.test(t) && (texts === 0 || (!numberAfterText && t.length <= 20 && !/\d/.test(t)))) return true;
    }
    if (++texts >= 2) return false;
  }
  return false;
}

/** Is this (normalised) text a total or subtotal label ("Totaal", "Subtotaal", "Som")? */
export function isTotalText(norm: string): boolean {
  return TOTAL_LABEL.test(norm) || SUBTOTAL_LABEL.test(norm);
}

/** Is this a Totaal row (label in one of the first two text cells of the row)? */
export function isTotalRow(ix: SheetIndex, r: number, left: number, right: number): boolean {
  return isLabelRow(ix, r, left, right, TOTAL_LABEL);
}

/** Is (r, c) the label cell of a Totaal row ("Totaal", "Total")? */
export function isTotalLabelCell(ix: SheetIndex, r: number, c: number): boolean {
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

/** Rows of one shape: the columns that hold numbers in the rows so far. */
function numberColumns(ix: SheetIndex, rows: number[], left: number, right: number): Set<number> {
  const out = new Set<number>();
  for (const r of rows.slice(-5)) for (const c of ix.filled[r] ?? []) if (c >= left && c <= right && ix.read(r, c).kind === "number") out.add(c);
  return out;
}

/** The start of a label of a fact or a total, never the name in a row of a list. */
const FACT_LABEL_START = /^(aantal|totaal|total|subtotaal|fte|formatie|peildatum|norm|benodigd|vereist|minimaal|number of)\b|kindercentr|\blrk\b|doelgroep/;

/**
 * A row of the same list: text, and numbers in at least half of the list's number columns
 * (a label with one figure below a list, "Aantal LRK-registraties | 1", is not a row of it).
 */
function sameShape(ix: SheetIndex, r: number, left: number, right: number, numbers: Set<number>): boolean {
  let hits = 0;
  let text = false;
  for (const c of ix.filled[r] ?? []) {
    if (c < left || c > right) continue;
    const k = ix.read(r, c).kind;
    if (k === "number" && numbers.has(c)) hits++;
    else if (k === "text") {
      // "Aantal kindercentra | 5", "Fte | 12,5" below a list label a fact; they are no row of it.
      if (!text && FACT_LABEL_START.test(ix.norm(r, c)!)) return false;
      text = true;
    }
  }
  return text && hits > 0 && hits * 2 >= numbers.size && !isHeaderRow(ix, r);
}

/**
 * After a blank row at `blank`: the row where the same list goes on (skipping up to two blank
 * rows and one heading row such as "Regio Zuid"), or null when the table ends there. A heading
 * that names a part ("VE", "Coaching") or a total starts something else.
 */
function continuationAfterBlank(ix: SheetIndex, blank: number, left: number, right: number, dataRows: number[], limit: number): number | null {
  let k = blank;
  while (k <= limit && k < ix.rowCount && k - blank < 3 && isBlankRow(ix, k, left, right)) k++;
  if (k > limit || k >= ix.rowCount || isBlankRow(ix, k, left, right)) return null;
  const numbers = numberColumns(ix, dataRows, left, right);
  if (numbers.size === 0) return null;
  if (sameShape(ix, k, left, right, numbers)) return k;
  const cells = (ix.filled[k] ?? []).filter((c) => c >= left && c <= right);
  if (cells.length !== 1) return null;
  const heading = ix.norm(k, cells[0]);
  if (heading === null || heading.length > 60 || partOfText(heading) !== null || isTotalText(heading)) return null;
  return k + 1 <= limit && sameShape(ix, k + 1, left, right, numbers) ? k + 1 : null;
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
      // A blank row right below the header (layout) does not end the table; one after data does,
      // unless the same list goes on below it (regions: "Regio Zuid", then more rows of the same shape).
      if (stopAtBlank && dataRows.length > 0) {
        const next = continuationAfterBlank(ix, r, left, right, dataRows, limit);
        if (next === null) break;
        r = next - 1;
      }
      continue;
    }
    if (stopAtBlank && isHeaderRow(ix, r)) break;
    if (isLabelRow(ix, r, left, right, SUBTOTAL_LABEL)) continue;
    if (isTotalRow(ix, r, left, right)) {
      // A Totaal row right under the header (totals on top): the rows below are the data.
      if (dataRows.length === 0 && totalRow === null && stopAtBlank) {
        totalRow = r;
        continue;
      }
      totalRow = r;
      break;
    }
    dataRows.push(r);
  }
  const lastData = dataRows.length ? dataRows[dataRows.length - 1] : headerRows[headerRows.length - 1];
  const bottom = totalRow !== null ? Math.max(totalRow, lastData) : lastData;

  const columns: TableColumn[] = [];
  let nameFound = false;
  // A year over merged header cells ("2025" over Beleid | Coaching) holds for the blank cells to its right.
  const carry: (string | null)[] = headerRows.map(() => null);
  for (let c = left; c <= right; c++) {
    const parts: string[] = [];
    headerRows.forEach((hr, i) => {
      const t = headerText(ix, hr, c);
      if (t !== null && t.trim() !== "") {
        parts.push(t);
        carry[i] = i < headerRows.length - 1 && YEAR_ONLY.test(t) ? t.trim() : null;
      } else if (carry[i] !== null) parts.push(carry[i]!);
    });
    const header = parts.join("\n");
    const norm = normalizeText(header);
    const guess = columnKindFromHeader(norm, c === left);
    let numbers = 0;
    let texts = 0;
    let partRows = 0;
    for (const dr of dataRows) {
      const k = ix.read(dr, c).kind;
      if (k === "number" || k === "nocache") numbers++;
      else if (k === "bool") texts++;
      // "0-uren" in a contract-hours column, "n.v.t." in a toddler column: expected values, not a text column.
      else if (k === "text" && !expectedText(guess.kind, ix.norm(dr, c) ?? "")) {
        texts++;
        if (guess.kind === "category" && partOfText(ix.norm(dr, c)!) !== null) partRows++;
      }
    }
    if (header === "" && numbers === 0 && texts === 0) continue;
    // A note beside the header ("Let op: flexkrachten met gemiddelde over 13 weken …") over an empty column is no column.
    if (numbers === 0 && texts === 0 && (header.length > 40 || /[.:!?]\s\S/.test(header))) continue;
    let kind = guess.kind;
    const mostlyText = texts > numbers;
    if (kind === "category") {
      if (!mostlyText) kind = numbers > 0 ? "hours" : "text";
    } else if (kind === "id") {
      // stays an identifier column, whatever it holds
    } else if (kind !== "lrk" && mostlyText) {
      kind = !nameFound && (kind === "name" || kind === "text" || c === left) ? "name" : "text";
    } else if (kind === "name" || kind === "text") {
      kind = numbers > 0 ? "hours" : !nameFound && kind === "name" ? "name" : "text";
    }
    if (kind === "name") nameFound = true;
    const column: TableColumn = { col: c, header: joinLines(header), kind, workedIsTotal: guess.workedIsTotal };
    if (kind === "category") column.partRows = partRows;
    columns.push(column);
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

/**
 * A header written over several lines as one line: each line break with the white space
 * around it becomes one space. Split and trim, not /\s*\n\s*\/g, which is quadratic on a
 * long run of spaces without a line break.
 */
function joinLines(header: string): string {
  return header
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}

/** Title words, with "(zonder VE-uren inzet)" and the like taken out. */
function titleWords(title: string | null): string {
  if (!title) return "";
  return normalizeText(title)
    // Normalised text has single spaces only: no unbounded white-space runs to match.
    .replace(/\(? ?(zonder|exclusief|excl\.?|exclusief de|buiten) (de )?v?ve[- ]?(uren)?( inzet)? ?\)?/g, " ")
    .trim();
}

/**
 * A column header that is nothing but the name of one part ("Coaching", "Beleidsuren",
 * "VE-uren", "Uren pedagogisch coach"), as opposed to an activity description that
 * happens to mention coaching or VE.
 */
const PART_HEADER = /^(\d{4}\s)?((uren|hours)\s)?(pedagogisch(e)?\s)?(coach\w*|beleid\w*|policy|v?ve(-?\s?uren)?)(\s(uren|uur|hours))?(\s\d{4})?$/;

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
  // A title that counts doelgroeppeuters ("Doelgroeppeuters per 1 januari") over columns headed only
  // by a year or nothing: those columns count toddlers, not hours.
  if (!has("toddlers") && t.title && TODDLER_WORD.test(title) && !TODDLER_NOT.test(title)) {
    for (const c of t.columns) if (c.kind === "hours" && !HOURS_WORD.test(normalizeText(c.header))) c.kind = "toddlers";
  }
  const toddlers = has("toddlers");
  if (toddlers) return set("ve-toddlers", 0.9, `kolom '${shorten(toddlers.header, 40)}' telt doelgroeppeuters per locatie`);
  const staffCol = has("weekly") ?? has("worked") ?? has("fte");
  if (staffCol) return set("staff", 0.85, `kolom '${shorten(staffCol.header, 40)}' geeft uren of fte per medewerker`);
  // A long list whose category column names parts per row (Datum | Medewerker | Activiteit | Uren).
  const category = t.columns.find((c) => c.kind === "category" && (c.partRows ?? 0) > 0);
  const categoryHours = category ? categoryColumns(t)?.value : undefined;
  if (category && categoryHours) {
    return set("mixed", 0.8, `kolom '${shorten(category.header, 40)}' zegt per rij of de uren in '${shorten(categoryHours.header, 30)}' beleid, coaching of VE zijn`);
  }
  if (name && PERSON_WORD.test(normalizeText(name.header)) && !LOCATION_WORD.test(normalizeText(name.header))) {
    return set("staff", 0.7, `eerste kolom '${shorten(name.header, 40)}' noemt medewerkers`);
  }
  const ve = VE_WORD.test(title) || /doelgroep/.test(title);
  const coach = COACHING_WORD.test(title);
  const policy = POLICY_WORD.test(title);
  // Generic hours (months, quarters, activities) under a title that names exactly one part: that
  // part's allocation table, also when it lists LRK numbers (which still count as kindercentra).
  const namedPart = t.columns.some((c) => c.kind === "coaching" || c.kind === "policy" || c.kind === "ve");
  if (!namedPart && t.columns.some((c) => c.kind === "hours" || c.kind === "total") && Number(ve) + Number(coach) + Number(policy) === 1) {
    const role: TableRole = ve ? "ve" : coach ? "coaching" : "policy";
    return set(role, 0.85, `${titleQuote} gaat over ${ROLE_DUTCH[role]}; de kolommen geven de uren per periode of activiteit`);
  }
  const lrk = has("lrk");
  if (lrk) return set("locations", 0.85, `kolom '${shorten(lrk.header, 40)}' bevat LRK-nummers`);
  // One column per part (beleid, coaching, VE) per location: a list, whatever its title says.
  const partColumns = t.columns.filter((c) => (c.kind === "coaching" || c.kind === "policy" || c.kind === "ve") && PART_HEADER.test(normalizeText(c.header)));
  if (new Set(partColumns.map((c) => c.kind)).size >= 2) {
    return set("locations", 0.8, `kolommen ${partColumns.map((c) => `'${shorten(c.header, 30)}'`).join(", ")} geven de uren per onderdeel per locatie`);
  }

  // Only VE hours (a per-coach block titled with the coach's name): VE, whatever the title says.
  const hoursCols = t.columns.filter((c) => PART_KINDS.has(c.kind));
  if (hoursCols.length > 0 && hoursCols.every((c) => c.kind === "ve")) {
    return set("ve", 0.85, `alleen kolommen met VE-uren (${hoursCols.map((c) => `'${shorten(c.header, 30)}'`).join(", ")})`);
  }

  if (ve) return set("ve", 0.9, `${titleQuote} gaat over VE`);
  if (coach && !policy) return set("coaching", 0.9, `${titleQuote} gaat over coaching`);
  if (policy && !coach) return set("policy", 0.9, `${titleQuote} gaat over beleid`);

  // No decisive title: count the words in the column headers.
  let nVe = 0;
  let nCoach = 0;
  let nPolicy = 0;
  for (const c of t.columns) {
    const h = normalizeText(c.header);
    if (VE_WORD.test(h)) nVe++;
    if (COACHING_WORD.test(h)) nCoach++;
    if (POLICY_WORD.test(h)) nPolicy++;
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

/**
 * The header cells of one row split into blocks: two tables side by side are separated by
 * at least two blank columns ("Locatie | LRK | Beleidsuren |  |  | Speelleergroep | Peuters"),
 * or by one blank column, empty below the header too, before a header that names people or
 * places ("… | Beleidsuren |  | Medewerker | Functie | …").
 */
function headerBlocks(ix: SheetIndex, r: number, header: { col: number; text: string }[]): { col: number; text: string }[][] {
  const blocks: { col: number; text: string }[][] = [[header[0]]];
  for (let i = 1; i < header.length; i++) {
    const gap = header[i].col - header[i - 1].col;
    const spacer = gap === 2 && NAME_HEADER.test(normalizeText(header[i].text)) && blankBelow(ix, r, header[i - 1].col + 1, 6);
    if (gap > 2 || spacer) blocks.push([]);
    blocks[blocks.length - 1].push(header[i]);
  }
  return blocks.length === 1 ? blocks : blocks.filter((b) => b.length >= 2);
}

/** Is column `c` blank in the `n` rows below row r? */
function blankBelow(ix: SheetIndex, r: number, c: number, n: number): boolean {
  for (let k = r + 1; k <= r + n && k < ix.rowCount; k++) if (ix.filled[k].includes(c)) return false;
  return true;
}

/** The table under one block of header cells in row r, or null when no numbers follow. `limit` is the last column it may take. */
function tableAt(ix: SheetIndex, r: number, block: { col: number; text: string }[], limit: number, skip?: (row: number, col: number) => boolean): Table | null {
  let left = block[0].col;
  let right = block[block.length - 1].col;
  const headerRows = [r];
  // A header written over two rows: the next row holds text only, nothing in the first
  // (name) column, and the row after it holds numbers.
  const next = rowTexts(ix, r + 1)?.filter((h) => h.col >= left && h.col <= limit);
  if (next && next.length > 0 && next[0].col > left && !isTotalRow(ix, r + 1, left, right) && r + 2 < ix.rowCount && hasNumberLike(ix, r + 2, left, Math.max(right, next[next.length - 1].col))) {
    headerRows.push(r + 1);
    left = Math.min(left, next[0].col);
    right = Math.max(right, next[next.length - 1].col);
  }
  // Years above the header ("| 2025 | | 2026 |" over "Locatie | Beleid | Coaching | …"): part of the header.
  if (r > 0 && isYearBand(ix, r - 1, left, right) && !(skip && ix.filled[r - 1].some((c) => skip(r - 1, c)))) headerRows.unshift(r - 1);
  const firstData = headerRows[headerRows.length - 1] + 1;
  // There must be numbers in the first rows below the header.
  for (let k = firstData; k < Math.min(ix.rowCount, firstData + 3); k++) {
    if (hasNumberLike(ix, k, left, right)) {
      const t = buildTable(ix, headerRows, left, right, ix.rowCount - 1, true);
      // A label row that reads like a header ("Formatie coach | 1.144 uur per jaar") right above a real header holds no rows.
      return t.dataRows.length > 0 || t.totalRow !== null ? t : null;
    }
  }
  return null;
}

/**
 * A list under a one-cell heading that counts doelgroeppeuters ("Doelgroeppeuters" over
 * "KDV Zon | 5" rows): the first column names the locations, the numbers count toddlers.
 */
function headingList(ix: SheetIndex, r: number, skip?: (row: number, col: number) => boolean): Table | null {
  const cols = ix.filled[r];
  if (!cols || cols.length !== 1 || r + 1 >= ix.rowCount) return null;
  const heading = ix.norm(r, cols[0]);
  if (heading === null || heading.length > 60 || !TODDLER_WORD.test(heading) || TODDLER_NOT.test(heading)) return null;
  const next = ix.filled[r + 1];
  if (!next || next.length !== 2 || next[0] !== cols[0] || ix.read(r + 1, next[0]).kind !== "text" || ix.read(r + 1, next[1]).kind !== "number") return null;
  if (skip && skip(r, cols[0])) return null;
  const t = buildTable(ix, [r], next[0], next[1], ix.rowCount - 1, true);
  const name = t.columns.find((c) => c.col === next[0]);
  if (name) name.kind = "name";
  const count = t.columns.find((c) => c.col === next[1]);
  if (!count) return null;
  count.kind = "toddlers";
  count.header = ix.text(r, cols[0])!.trim();
  t.title = count.header;
  classify(t);
  return t;
}

/** Finds the tables of one sheet. `skip` marks rows already covered (mapped ranges). */
export function detectSheetTables(ix: SheetIndex, skip?: (row: number, col: number) => boolean): Table[] {
  const found: Table[] = [];
  for (let r = 0; r < ix.rowCount; r++) {
    const header = isHeaderRow(ix, r);
    if (!header) {
      const list = headingList(ix, r, skip);
      if (list) {
        found.push(list);
        r = list.bottom;
      }
      continue;
    }
    if (skip && header.some((h) => skip(r, h.col))) continue;
    const blocks = headerBlocks(ix, r, header);
    let bottom = r;
    blocks.forEach((block, i) => {
      const limit = i + 1 < blocks.length ? blocks[i + 1][0].col - 1 : Number.MAX_SAFE_INTEGER;
      const t = tableAt(ix, r, block, limit, skip);
      if (!t) return;
      found.push(t);
      bottom = Math.max(bottom, t.bottom);
    });
    r = bottom;
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
