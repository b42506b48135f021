/**
 * A gastouderbureau's workbook (domain.md "Gastouderbureaus"): art. 8 (50 h per
 * kindercentrum, 10 h per fte) does not apply, and gastouders are not pedagogisch
 * medewerkers, so their hours never count as fte. The coaching of gastouders (3 h per
 * gastouder from 1 July 2026, source RVO, decree text unverified) is information only.
 *
 * Decision: such a workbook is recognised when it names gastouders and no kind of
 * kindercentrum anywhere (and the user gave no number of kindercentra). The check then
 * applies no art. 8 norm and records one gap saying that it does not apply, so the verdict
 * is neither "in orde" on art. 8 numbers nor a request for kindercentra.
 */
import { GASTOUDER_COACHING } from "../../norms";
import { cleanFloat, formatDutch } from "../../numbers";
import { cellAddress, rangeAddress } from "../a1";
import type { Facts } from "../facts";
import type { Findings } from "../findings";
import type { SheetIndex } from "../sheet-index";
import { isHeadingRow } from "../staff-functions";
import type { Table } from "../table-model";
import { columnOfKind } from "../table-model";
import { HOW_TO_SUPPLY } from "../completeness";
import { RULES } from "./ids";

const GASTOUDER = /gastouder|childminder/;
/** Words for a kind of kindercentrum: a workbook naming one of them is not (only) a bureau. */
const CENTRE_WORDS = /kindercentr|kinderdagverblijf|\bkdv\b|\bbso\b|buitenschoolse|peuteropvang|peuterspeelza|\bpsz\b|dagopvang|speelleergroep|\bslg\b|day ?care|nursery/;
const COUNT_LABEL = /aantal gastouders|gastouders \(aantal\)|number of childminders/;

export interface GastouderBureau {
  /** Number of gastouders, when the workbook says or lists it. */
  gastouders: { value: number; where: string } | null;
  /** Where the workbook names gastouders first. */
  sheet: string;
  cell: string;
}

/**
 * Is this a gastouderbureau's workbook? One pass over the text cells (linear in filled
 * cells). A number of kindercentra given by the user (option, mapping) says it is not.
 */
export function findGastouderBureau(sheets: SheetIndex[], tables: Table[], facts: Facts): GastouderBureau | null {
  if (facts.centres && (facts.centres.source.kind === "override" || facts.centres.source.kind === "mapping")) return null;
  let first: { sheet: string; cell: string } | null = null;
  let counted: GastouderBureau["gastouders"] = null;
  for (const ix of sheets) {
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      for (let i = 0; i < cols.length; i++) {
        const raw = ix.text(r, cols[i]);
        if (raw === null || raw.length > 400) continue;
        const n = ix.norm(r, cols[i])!;
        if (CENTRE_WORDS.test(n)) return null;
        if (!GASTOUDER.test(n)) continue;
        first ??= { sheet: ix.name, cell: cellAddress(r, cols[i]) };
        if (!counted && COUNT_LABEL.test(n) && i + 1 < cols.length) {
          const v = ix.read(r, cols[i + 1]);
          if (v.kind === "number" && v.n >= 0 && Number.isInteger(v.n)) counted = { value: v.n, where: `${ix.name}!${cellAddress(r, cols[i + 1])}` };
        }
      }
    }
  }
  if (!first) return null;
  return { gastouders: counted ?? listedGastouders(sheets, tables), sheet: first.sheet, cell: first.cell };
}

/** The gastouders a list names: rows with a name in a table about gastouders (title or name header). */
function listedGastouders(sheets: SheetIndex[], tables: Table[]): GastouderBureau["gastouders"] {
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  let n = 0;
  const where: string[] = [];
  for (const t of tables) {
    const name = columnOfKind(t, "name");
    if (!name) continue;
    const about = GASTOUDER.test(name.header.toLowerCase()) || (t.title !== null && GASTOUDER.test(t.title.toLowerCase()));
    if (!about) continue;
    const ix = byName.get(t.sheet)!;
    for (const r of t.dataRows) if (!isHeadingRow(ix, t, r) && ix.text(r, name.col) !== null) n++;
    where.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
  }
  return where.length ? { value: n, where: where.join(", ") } : null;
}

/** The info finding and the gap that says art. 8 does not apply. */
export function reportGastouderBureau(b: GastouderBureau, year: number, findings: Findings): void {
  const g = GASTOUDER_COACHING;
  const fromYear = Number(g.from.slice(0, 4));
  const when = year < fromYear ? `Niet voor ${year}.` : year === fromYear ? `In ${year} vanaf 1 juli.` : "";
  const n = b.gastouders?.value;
  const count = n !== undefined ? ` ${formatDutch(n, 0)} gastouders (${b.gastouders!.where}) × ${g.urenPerGastouder} = ${formatDutch(cleanFloat(n * g.urenPerGastouder))} uur.` : "";
  findings.add(
    RULES.GASTOUDER,
    "info",
    b.sheet,
    b.cell,
    `Gastouderbureau (de werkmap noemt gastouders, geen kindercentra): art. 8 (uren per kindercentrum en per fte) geldt niet en gastouders tellen niet als fte. ` +
      `Vanaf 1 juli 2026 geldt minimaal ${g.urenPerGastouder} uur coaching per gastouder per jaar (${g.bron}). ${when}${count} Alleen ter informatie.`,
  );
  findings.gap(
    `een toets volgens art. 8: die geldt alleen voor kindercentra, dit is een gastouderbureau (zie '${RULES.GASTOUDER}'); gaat het toch om kindercentra, ${HOW_TO_SUPPLY.centres}`,
  );
}
