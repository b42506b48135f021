/**
 * The year a workbook is about: from options, the mapping, or the workbook itself
 * (peildatum text, "1 januari 2024", sheet names such as "Uren 2026", titles such as
 * "Coachplan 2026"). When nothing is found, the newest norm applies and the result says so.
 */
import { checkYear, newestNorm } from "../norms";
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
}

const YEAR = /(?:^|[^\d])(19\d\d|20\d\d|21\d\d)(?!\d)/;

interface Candidate {
  year: number;
  score: number;
  where: string;
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
}

/** Scores: peildatum text 4, short "1 januari YYYY" 3, sheet name 2, other short text (titles, headers) 1. */
function yearCandidates(sheets: SheetIndex[]): ScoredCandidate[] {
  const out: ScoredCandidate[] = [];
  for (const ix of sheets) {
    const m = YEAR.exec(ix.name);
    if (m) out.push({ year: Number(m[1]), score: 2, where: `bladnaam '${ix.name}'`, strong: true, range: namesYearRange(ix.name) });
    for (let r = 0; r < ix.rowCount; r++) {
      for (const c of ix.filled[r]) {
        const t = ix.text(r, c);
        if (t === null || t.length > 200) continue;
        const y = YEAR.exec(t);
        if (!y) continue;
        const norm = ix.norm(r, c)!;
        let score = 1;
        if (/peildatum/.test(norm)) score = 4;
        else if (t.length <= 60 && /1 januari (19|20|21)\d\d/.test(norm)) score = 3;
        else if (t.length > 120) continue; // sentences in running text are no title
        // A cell left of a "Peildatum" label also counts as peildatum.
        if (score < 4 && c > 0) {
          const label = ix.norm(r, c - 1);
          if (label && /peildatum/.test(label)) score = 4;
        }
        out.push({
          year: Number(y[1]),
          score,
          where: `'${shorten(t, 60)}' in ${ix.name}!${cellAddress(r, c)}`,
          strong: score >= 2 || ix.filled[r].length === 1,
          range: namesYearRange(t),
        });
      }
    }
  }
  return out;
}

/** The best-scoring year in the workbook (the first of equal scores), or null. */
export function detectYear(sheets: SheetIndex[]): Candidate | null {
  return bestCandidate(yearCandidates(sheets));
}

function bestCandidate(cands: ScoredCandidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const c of cands) if (!best || c.score > best.score) best = c;
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

export function chooseYear(sheets: SheetIndex[], optionYear: number | undefined, mappingYear: number | undefined): YearChoice {
  if (optionYear !== undefined) return { year: checkYear(optionYear), source: `opgegeven jaar ${optionYear}`, known: true };
  if (mappingYear !== undefined) return { year: checkYear(mappingYear), source: `jaar ${mappingYear} uit de koppeling`, known: true };
  const cands = yearCandidates(sheets);
  const found = bestCandidate(cands);
  if (found) {
    const doubt = yearDoubt(cands, found);
    return { year: checkYear(found.year), source: `gevonden in ${found.where}`, known: true, ...(doubt ? { doubt } : {}) };
  }
  return unknownYear();
}

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** "2022-01-01" → "1 januari 2022". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
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
