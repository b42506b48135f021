/**
 * Which sheets a check counts: hidden and very hidden sheets only on request
 * (CheckOptions.includeHidden), archive sheets ("Oud", "Archief 2015") never, and a sheet
 * whose name names only other years ("Uren 2025" in a 2026 check) never. Sheets left out do
 * not vote on the year either; a sheet the mapping names is always counted.
 */
import { IkkError } from "../errors";
import { parseRange } from "./a1";
import { normalizeText } from "./cell-read";
import { Findings } from "./findings";
import type { Mapping } from "./mapping";
import { RULES } from "./rules/ids";
import { indexSheet, type SheetIndex } from "./sheet-index";
import type { CheckOptions, SheetSnapshot, WorkbookSnapshot } from "./types";
import { chooseYear, type SkipCell, type YearChoice } from "./year";

export interface SelectedSheets {
  /** The sheets the check counts, each with its position in the whole workbook. */
  sheets: SheetIndex[];
  /** The mapping without its 'negeren' ranges on sheets left out (nothing to ignore there). */
  mapping: Mapping | null;
  yearChoice: YearChoice;
  /** Adds the info findings about the sheets left out (blad-verborgen, ander-jaar). */
  report(findings: Findings): void;
}

/** Archive words in a sheet name (whole words): such a sheet is history, never the plan. */
const ARCHIVE = /\b(?:oud|oude|archief|archive|archived|old|vorig jaar|vorige jaar|previous year|historie|history)\b/;
const NAME_YEARS = /(?:^|[^\d])((?:19|20|21)\d\d)(?:\s*[-/–]\s*((?:19|20|21)?\d\d))?(?!\d)/g;

/** The years a sheet name names ("Uren 2025" → [2025], "2025-2026" and "2025/26" → [2025, 2026]). */
export function sheetNameYears(name: string): number[] {
  const years: number[] = [];
  for (const m of name.matchAll(NAME_YEARS)) {
    const y = Number(m[1]);
    years.push(y);
    if (m[2] !== undefined) {
      const next = m[2].length === 4 ? Number(m[2]) : Math.floor(y / 100) * 100 + Number(m[2]);
      if (next === y + 1) years.push(next);
    }
  }
  return years;
}

const VISIBILITY_DUTCH = { hidden: "verborgen", veryHidden: "zeer verborgen" } as const;

/** The sheets a mapping points at (tables other than 'negeren', facts in a cell). */
function mappedSheets(mapping: Mapping | null): Set<string> {
  const out = new Set<string>();
  if (!mapping) return out;
  for (const t of mapping.tables) if (t.role !== "ignored") out.add(t.sheet);
  for (const f of Object.values(mapping.facts)) if (f && typeof f === "object") out.add(f.blad);
  return out;
}

/** Cells inside a range the mapping marks 'negeren': they do not vote on the year. */
function ignoredByMapping(mapping: Mapping | null): SkipCell | undefined {
  const ranges = (mapping?.tables ?? []).filter((t) => t.role === "ignored").map((t) => ({ sheet: t.sheet, r: parseRange(t.range) }));
  if (ranges.length === 0) return undefined;
  return (sheet, row, col) =>
    ranges.some((x) => x.sheet === sheet && x.r !== null && row >= x.r.start.row && row <= x.r.end.row && col >= x.r.start.col && col <= x.r.end.col);
}

const hasData = (sheets: SheetIndex[]) => sheets.some((ix) => ix.filled.some((r) => r.length > 0));

const quoted = (names: string[]) => names.map((n) => `'${n}'`).join(", ");

export function selectSheets(wb: WorkbookSnapshot, options: CheckOptions, mapping: Mapping | null): SelectedSheets {
  const named = mappedSheets(mapping);
  const hidden: SheetSnapshot[] = [];
  const archive: string[] = [];
  const voting: SheetIndex[] = [];
  wb.sheets.forEach((s, i) => {
    const kept = named.has(s.name);
    if (!kept && !options.includeHidden && (s.visibility === "hidden" || s.visibility === "veryHidden")) hidden.push(s);
    else if (!kept && ARCHIVE.test(normalizeText(String(s.name)))) archive.push(s.name);
    else voting.push(indexSheet(s, i));
  });
  const yearChoice = chooseYear(voting, options.year, mapping?.year, ignoredByMapping(mapping));
  const year = yearChoice.year;
  let otherYear: string[] = [];
  let sheets = voting.filter((ix) => {
    const years = sheetNameYears(ix.name);
    if (named.has(ix.name) || years.length === 0 || years.includes(year) || ix.name === yearChoice.fromSheet) return true;
    otherYear.push(ix.name);
    return false;
  });
  // Every sheet with data names another year than the one given ("Uren 2026" checked with
  // --jaar 2025): the user chose the norm year for this plan, so the sheets are checked.
  let checkedAnyway: string[] = [];
  if (otherYear.length > 0 && !hasData(sheets)) {
    checkedAnyway = otherYear;
    otherYear = [];
    sheets = voting;
  }
  // The doubt ("the workbook names different years") counts only the sheets that count.
  const choice = otherYear.length > 0 && yearChoice.doubt ? chooseYear(sheets, options.year, mapping?.year, ignoredByMapping(mapping)) : yearChoice;
  const shownHidden = hidden.length > 0 ? hidden.map((s) => `'${s.name}' (${VISIBILITY_DUTCH[s.visibility as "hidden" | "veryHidden"]})`).join(", ") : "";
  const howToInclude =
    "Tel verborgen bladen mee met --verborgen-bladen ja in de opdrachtregel of met het vinkje 'Verborgen bladen meetellen' in het paneel, of maak het blad zichtbaar.";
  const empty = !hasData(sheets);
  if (empty && hidden.length + archive.length + otherYear.length === 0) throw new IkkError("ONBRUIKBAAR", "De werkmap is leeg; er is niets te controleren.");
  if (empty) {
    const parts = [
      hidden.length > 0 ? `verborgen: ${shownHidden}` : "",
      archive.length > 0 ? `archief: ${quoted(archive)}` : "",
      otherYear.length > 0 ? `ander jaar dan ${year}: ${quoted(otherYear)}` : "",
    ].filter((p) => p !== "");
    throw new IkkError(
      "ONBRUIKBAAR",
      `Er is geen blad met gegevens om te controleren: de bladen met gegevens zijn overgeslagen (${parts.join("; ")}).${hidden.length > 0 ? " " + howToInclude : ""} Geef zo nodig het jaar op met --jaar of in het veld 'Jaar' van het paneel.`,
    );
  }
  const counted = new Set(sheets.map((ix) => ix.name));
  const usedMapping =
    mapping && mapping.tables.some((t) => !counted.has(t.sheet) && t.role === "ignored")
      ? { ...mapping, tables: mapping.tables.filter((t) => counted.has(t.sheet) || t.role !== "ignored") }
      : mapping;
  return {
    sheets,
    mapping: usedMapping,
    yearChoice: sheets.length > 0 && choice.year === year ? choice : yearChoice,
    report(findings: Findings) {
      if (hidden.length > 0) {
        findings.add(
          RULES.HIDDEN_SHEET,
          "info",
          null,
          null,
          `${hidden.length === 1 ? "Dit verborgen blad is" : "Deze verborgen bladen zijn"} niet meegeteld: ${shownHidden}. ${howToInclude}`,
        );
      }
      if (archive.length > 0) {
        findings.add(RULES.OTHER_YEAR, "info", null, null, `${archive.length === 1 ? "Het blad" : "De bladen"} ${quoted(archive)} ${archive.length === 1 ? "is" : "zijn"} een archief (oud of vorig jaar); niet meegeteld en niet gebruikt voor het jaar.`);
      }
      if (checkedAnyway.length > 0) {
        findings.add(
          RULES.OTHER_YEAR,
          "info",
          null,
          null,
          `${checkedAnyway.length === 1 ? "Het blad" : "De bladen"} ${quoted(checkedAnyway)} ${checkedAnyway.length === 1 ? "noemt" : "noemen"} een ander jaar dan ${year}; gecontroleerd is met de norm van ${year} (${yearChoice.source}).`,
        );
      }
      if (otherYear.length > 0) {
        findings.add(
          RULES.OTHER_YEAR,
          "info",
          null,
          null,
          `${otherYear.length === 1 ? "Het blad" : "De bladen"} ${quoted(otherYear)} ${otherYear.length === 1 ? "gaat" : "gaan"} over een ander jaar dan ${year}; niet meegeteld. Is ${year} niet het juiste jaar, geef het jaar dan op met --jaar of in het veld 'Jaar' van het paneel.`,
        );
      }
    },
  };
}
