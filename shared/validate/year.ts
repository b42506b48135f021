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
}

const YEAR = /(?:^|[^\d])(19\d\d|20\d\d|21\d\d)(?!\d)/;

interface Candidate {
  year: number;
  score: number;
  where: string;
}

/** Scores: peildatum text 4, short "1 januari YYYY" 3, sheet name 2, other short text (titles, headers) 1. */
export function detectYear(sheets: SheetIndex[]): Candidate | null {
  const counts = new Map<number, number>();
  let best: Candidate | null = null;
  const consider = (c: Candidate) => {
    counts.set(c.year, (counts.get(c.year) ?? 0) + 1);
    if (!best || c.score > best.score) best = c;
  };
  for (const ix of sheets) {
    const m = YEAR.exec(ix.name);
    if (m) consider({ year: Number(m[1]), score: 2, where: `bladnaam '${ix.name}'` });
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
        consider({ year: Number(y[1]), score, where: `'${shorten(t, 60)}' in ${ix.name}!${cellAddress(r, c)}` });
      }
    }
  }
  return best;
}

export function chooseYear(sheets: SheetIndex[], optionYear: number | undefined, mappingYear: number | undefined): YearChoice {
  if (optionYear !== undefined) return { year: checkYear(optionYear), source: `opgegeven jaar ${optionYear}`, known: true };
  if (mappingYear !== undefined) return { year: checkYear(mappingYear), source: `jaar ${mappingYear} uit de koppeling`, known: true };
  const found = detectYear(sheets);
  if (found) return { year: checkYear(found.year), source: `gevonden in ${found.where}`, known: true };
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
