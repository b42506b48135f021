/**
 * The year a workbook is about: from options, the mapping, or the workbook itself
 * (peildatum text, "1 januari 2024", sheet names such as "Uren 2026", titles such as
 * "Coachplan 2026"). When nothing is found, the newest norm applies and the result says so.
 */
import { DUTCH_MONTHS } from "../dates";
import { IkkError } from "../errors";
import { checkYear, FIRST_NORM_YEAR, newestNorm } from "../norms";
import { cellAddress } from "./a1";
import type { SheetIndex } from "./sheet-index";
import { shorten } from "../cells";

export interface YearChoice {
  year: number;
  /** Dutch explanation. */
  source: string;
  /** False when no year was given or found (the newest norm was applied). */
  known: boolean;
  /** Dutch warning when the workbook names different years or a range such as "2025-2026". */
  doubt?: string;
  /** The sheet the year was found on (its name or a cell); such a sheet is never "another year". */
  fromSheet?: string;
}

const YEAR = /(?:^|[^\d])(19\d\d|20\d\d|21\d\d)(?!\d)/;

interface Candidate {
  year: number;
  score: number;
  where: string;
  sheet: string;
}

const YEAR_RANGE = /(?:^|[^\d])(19\d\d|20\d\d|21\d\d)\s*[-/–]\s*((?:19|20|21)?\d\d)(?!\d)/;

/** Does the text name the next year right after a year ("2025-2026", "2025/26"): a school year, two calendar years? (Not a date "2025-01-01".) */
function namesYearRange(t: string): boolean {
  const m = YEAR_RANGE.exec(t);
  if (!m) return false;
  const next = Number(m[1]) + 1;
  return m[2].length === 4 ? Number(m[2]) === next : Number(m[2]) === next % 100;
}

interface ScoredCandidate extends Candidate {
  /** A title (the only filled cell of its row) or a score ≥ 2: weighs in when years conflict. */
  strong: boolean;
  /** The text names a range of years ("2025-2026"). */
  range: boolean;
  /** Where the year came from: a sheet name, a peildatum, or other cell text. */
  kind: "sheet" | "peildatum" | "cell";
}

/** A cell the year vote leaves out (a range the mapping marks 'negeren'). */
export type SkipCell = (sheet: string, row: number, col: number) => boolean;

/** A peildatum label: "Peildatum", "Peildatum:", "Reference date", "Referentiedatum". */
const PEIL_LABEL = /peildatum|reference date|referentiedatum/;
/**
 * Edit, version, print and history labels: the text from the label on never votes ("Laatst
 * bijgewerkt 13-12-2021", "Versie 2 – 14-11-2025", "Afgedrukt op …", "Datum: 3-2-2025",
 * "Stichting opgericht in 1998"), nor does the value beside or below a bare label.
 */
const EDIT_LABEL =
  /bijgewerkt|gewijzigd|wijzigingsdatum|versie|afgedrukt|geprint|printdatum|opgesteld|aangemaakt|gemaakt op|opgericht|sinds|last updated|last modified|updated|modified|printed|version|created|founded|since|\bdatum\b|\bdate\b/;

/** A cheap test on the raw text before normalising it: every peildatum or edit label holds one of these. */
const LABEL_HINT = /peil|refer|bij-?\s*gew|gewijz|wijzig|versie|afgedr|geprint|print|opgest|aangem|gemaakt|opgericht|sinds|updat|modif|version|creat|found|since|datum|date/i;

const MONTH_WORDS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|may|june|july|august|october";
/** "1-1-2026", "01/01/2026", "1.1.2026". */
const DMY = /(?:^|[^\d])(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20|21)\d\d)(?!\d)/;
/** "2026-01-01" (what the adapters give for a date cell, also with a time). */
const ISO = /(?:^|[^\d])((?:19|20|21)\d\d)-(\d\d)-(\d\d)(?!\d)/;
/** "1 januari 2026", "1 jan. 2026". */
const DMONTHY = new RegExp(`(?:^|[^\\d])(\\d{1,2})\\.? ?(${MONTH_WORDS})\\.? ((?:19|20|21)\\d\\d)(?!\\d)`);

interface YearInText {
  year: number;
  /** A full date in the text: on 1 January (a peildatum) or another day. */
  date: "jan1" | "other" | null;
}

/** The year a (normalised) text names, and whether it is part of a full date. */
export function yearInText(norm: string): YearInText | null {
  let m = ISO.exec(norm);
  if (m) return { year: Number(m[1]), date: Number(m[2]) === 1 && Number(m[3]) === 1 ? "jan1" : "other" };
  m = DMY.exec(norm);
  if (m) return { year: Number(m[3]), date: Number(m[1]) === 1 && Number(m[2]) === 1 ? "jan1" : "other" };
  m = DMONTHY.exec(norm);
  if (m) return { year: Number(m[3]), date: Number(m[1]) === 1 && m[2].startsWith("jan") ? "jan1" : "other" };
  const y = YEAR.exec(norm);
  return y ? { year: Number(y[1]), date: null } : null;
}

/** The part of a text before an edit/version/print/history label (the whole text when it has none). */
function beforeEditLabel(norm: string): string {
  const i = norm.search(EDIT_LABEL);
  return i < 0 ? norm : norm.slice(0, i);
}

/** The first filled column right of `col`, at most 4 columns on (a value beside a merged label), or -1. */
function valueRightOf(ix: SheetIndex, row: number, col: number): number {
  for (const c of ix.filled[row]) if (c > col) return c <= col + 4 ? c : -1;
  return -1;
}

/**
 * Cells whose year is a peildatum (right of or below a "Peildatum" label) or must not vote
 * (right of or below a bare "Laatst bijgewerkt" / "Versie" / "Afgedrukt op" label).
 * Keys are row * 2^20 + col (the 16 384 columns of Excel fit).
 */
function labelledValues(ix: SheetIndex): Map<number, Label> {
  const out = new Map<number, Label>();
  const key = (r: number, c: number) => r * 1048576 + c;
  for (let r = 0; r < ix.rowCount; r++) {
    for (const c of ix.filled[r]) {
      const t = ix.text(r, c);
      // A bare label: the label without a year of its own ("Peildatum", "Laatst bijgewerkt:").
      if (t === null || t.length > 80 || !LABEL_HINT.test(t) || YEAR.test(t)) continue;
      const norm = ix.norm(r, c)!;
      const kind = PEIL_LABEL.test(norm) ? "peil" : EDIT_LABEL.test(norm) ? "mute" : null;
      if (!kind) continue;
      const right = valueRightOf(ix, r, c);
      if (right >= 0) {
        if (!out.has(key(r, right))) out.set(key(r, right), kind);
      } else if (ix.filled[r + 1]?.includes(c) && !out.has(key(r + 1, c))) {
        // Nothing beside the label: the value below it, if that is a date or a number.
        out.set(key(r + 1, c), kind === "peil" ? "peil-below" : "mute-below");
      }
    }
  }
  return out;
}

/** How a label above or left of a cell makes its year count: as peildatum, or not at all. */
type Label = "peil" | "mute" | "peil-below" | "mute-below";

/**
 * Scores: peildatum 4 (the label in the cell, or a date beside or below a "Peildatum"
 * label), a date on 1 January ("1 januari 2026", "1-1-2026") 3, sheet name or title (the
 * only filled cell of its row) 2, other short text (headers) 1, another full date 0.5. Edit, version and print dates never vote;
 * a year before the first IKK norm never votes from a sheet name or a cell that is not a
 * peildatum ("Archief 2015", "Stichting opgericht in 1998"): only a labelled peildatum or a
 * year given by the user can make "no norm" an error.
 */

function yearCandidates(sheets: SheetIndex[], skip?: SkipCell): ScoredCandidate[] {
  const out: ScoredCandidate[] = [];
  for (const ix of sheets) {
    const m = YEAR.exec(ix.name);
    // A sheet name with a year before the first norm ("Archief 2015", "Uren 2017") is history: no vote.
    if (m && Number(m[1]) >= FIRST_NORM_YEAR) {
      out.push({ year: Number(m[1]), score: 2, where: `bladnaam '${ix.name}'`, sheet: ix.name, strong: true, range: namesYearRange(ix.name), kind: "sheet" });
    }
    const labelled = labelledValues(ix);
    for (let r = 0; r < ix.rowCount; r++) {
      for (const c of ix.filled[r]) {
        const cand = cellCandidate(ix, r, c, labelled.get(r * 1048576 + c));
        if (cand && !(skip && skip(ix.name, r, c))) out.push(cand);
      }
    }
  }
  return out;
}

function cellCandidate(ix: SheetIndex, r: number, c: number, labelled: Label | undefined): ScoredCandidate | null {
  const t = ix.text(r, c);
  let label: "peil" | "mute" | undefined = labelled === "peil" || labelled === "mute" ? labelled : undefined;
  if (labelled === "peil-below" || labelled === "mute-below") {
    // Below a label only a date ("13-12-2021", "2026-01-01") or a number is its value, not a title.
    const n = t === null ? null : ix.norm(r, c);
    if (n === null || (n.length <= 30 && yearInText(n)?.date)) label = labelled === "peil-below" ? "peil" : "mute";
  }
  if (label === "mute") return null;
  let found: YearInText | null;
  let norm: string;
  if (t === null) {
    // A number beside a "Peildatum" label that is a year (2026).
    const v = ix.read(r, c);
    if (label !== "peil" || v.kind !== "number" || !Number.isInteger(v.n) || v.n < 1900 || v.n > 2199) return null;
    found = { year: v.n, date: null };
    norm = String(v.n);
  } else {
    if (t.length > 200 || !YEAR.test(t)) return null; // most cells name no year: one cheap test
    norm = ix.norm(r, c)!;
    // "Peildatum 1-1-2026" in the cell: the year after the label is the peildatum; a year before
    // the label ("Opgericht 1998; peildatum zie blad 2") is other text.
    const peilAt = norm.search(PEIL_LABEL);
    const peilYear = peilAt >= 0 ? yearInText(norm.slice(peilAt)) : null;
    found = peilYear ?? yearInText(label === "peil" ? norm : beforeEditLabel(norm));
    if (!found) return null;
    if (peilYear) label = "peil";
    // Beside a "Peildatum" label a year before the first norm counts only as a date or a bare
    // year ("1-1-2015", "2015"); running text there ("Stichting opgericht in 1998") is no peildatum.
    else if (label === "peil" && found.year < FIRST_NORM_YEAR && found.date === null && norm.trim() !== String(found.year)) {
      found = yearInText(beforeEditLabel(norm));
      if (!found) return null;
      label = undefined;
    }
  }
  let score: number;
  if (label === "peil") score = 4;
  else if (found.date === "jan1" && norm.length <= 60) score = 3;
  else if (norm.length > 120) return null; // sentences in running text are no title
  else if (found.date === "other") score = 0.5;
  else if (ix.filled[r].length === 1) score = 2; // a title ("Coachplan 2026") weighs as a sheet name
  else score = 1;
  // A year before the first norm in a cell is history (a founding year, an archive): no vote.
  if (score < 4 && found.year < FIRST_NORM_YEAR) return null;
  const shown = t ?? norm;
  return {
    year: found.year,
    score,
    where: `${label === "peil" ? "peildatum " : ""}'${shorten(shown, 60)}' in ${ix.name}!${cellAddress(r, c)}`,
    sheet: ix.name,
    strong: score >= 2,
    range: namesYearRange(shown),
    kind: label === "peil" ? "peildatum" : "cell",
  };
}

/** The best-scoring year in the workbook (the first of equal scores), or null. */
export function detectYear(sheets: SheetIndex[], skip?: SkipCell): Candidate | null {
  return bestCandidate(yearCandidates(sheets, skip));
}

/**
 * The highest score wins. Of equal scores the first, except between sheet names and titles
 * (score 2: "2025" and "2026", sheet "Uren 2025" and title "Coachplan 2026"): the newest,
 * as a workbook keeps older years as archive or comparison.
 */
function bestCandidate(cands: ScoredCandidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const c of cands) {
    if (!best || c.score > best.score) best = c;
    else if (c.score === best.score && c.score === 2 && c.year > best.year) best = c;
  }
  return best;
}

/**
 * Dutch warning text when the found year is not clear: another title, sheet name or
 * peildatum names a different year, or the chosen text names a range ("2025-2026").
 */
function yearDoubt(cands: ScoredCandidate[], best: ScoredCandidate): string | null {
  const other = cands.find((c) => c.strong && c.year !== best.year);
  if (other) {
    return `De werkmap noemt verschillende jaren: ${best.year} (${best.where}) en ${other.year} (${other.where}). Gebruikt is ${best.year}; controleer of dat het jaar van de peildatum (1 januari) is, of geef het jaar op ${HOW_TO_SET_YEAR}.`;
  }
  if (best.range) {
    return `In ${best.where} staan twee jaren; gebruikt is ${best.year}. De norm geldt per kalenderjaar met peildatum 1 januari: controleer het jaar, of geef het op ${HOW_TO_SET_YEAR}.`;
  }
  return null;
}

export function chooseYear(sheets: SheetIndex[], optionYear: number | undefined, mappingYear: number | undefined, skip?: SkipCell): YearChoice {
  if (optionYear !== undefined) {
    return { year: yearWithNorm(optionYear, "is opgegeven (met --jaar in de opdrachtregel of in het veld 'Jaar' van het paneel)"), source: `opgegeven jaar ${optionYear}`, known: true };
  }
  if (mappingYear !== undefined) return { year: yearWithNorm(mappingYear, "staat in de koppeling (jaar)"), source: `jaar ${mappingYear} uit de koppeling`, known: true };
  const cands = yearCandidates(sheets, skip);
  const found = bestCandidate(cands);
  if (found) {
    const doubt = yearDoubt(cands, found);
    return { year: yearWithNorm(found.year, `komt uit de ${found.where}`), source: `gevonden in ${found.where}`, known: true, fromSheet: found.sheet, ...(doubt ? { doubt } : {}) };
  }
  return unknownYear();
}

/** How to give another year, for the "no norm" error. */
const HOW_TO_OVERRIDE_YEAR = "geef het juiste jaar op met --jaar in de opdrachtregel (bijvoorbeeld --jaar 2026) of in het veld 'Jaar' van het paneel";

/**
 * The year checked (a whole number in range), or the Dutch "no norm" error (GEEN_NORM) for a
 * year before the first norm, saying where the year came from and how to give another.
 */
function yearWithNorm(year: number, origin: string): number {
  if (Number.isInteger(year) && year < FIRST_NORM_YEAR) {
    throw new IkkError(
      "GEEN_NORM",
      `Voor ${year} bestaat geen IKK-norm: de urennorm voor de pedagogisch beleidsmedewerker geldt vanaf 1 januari ${FIRST_NORM_YEAR}. ` +
        `Het jaar ${year} ${origin}. Is dat niet het jaar van de controle, ${origin.startsWith("komt uit de peildatum") ? "pas de peildatum aan of " : ""}${HOW_TO_OVERRIDE_YEAR}.`,
    );
  }
  return checkYear(year);
}


/** "2022-01-01" → "1 januari 2022". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${DUTCH_MONTHS[m - 1]} ${y}`;
}

/** How the user sets the year, for messages (CLI option and the panel's field). */
export const HOW_TO_SET_YEAR = "met --jaar in de opdrachtregel (bijvoorbeeld --jaar 2026), in het veld 'Jaar' van het paneel, of in de werkmap met een peildatum of een titel als 'Uren 2026'";

/**
 * No year given or found: deterministic, never today's date. The newest norm version
 * applies, and `year` is its first year (the rules are the same for every later year).
 */
function unknownYear(): YearChoice {
  const newest = newestNorm();
  const year = Number(newest.from.slice(0, 4));
  return {
    year,
    source:
      `geen jaar gevonden (niet opgegeven en niet in de werkmap); toegepast is de nieuwste normversie, geldig vanaf ${dutchDate(newest.from)}, ` +
      `daarom staat als jaar ${year} (de regels zijn voor elk jaar vanaf ${year} gelijk). Geef het jaar op ${HOW_TO_SET_YEAR}`,
    known: false,
  };
}
