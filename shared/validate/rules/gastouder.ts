/**
 * A gastouderbureau's workbook (domain.md "Gastouderbureaus"): art. 8 (50 h per
 * kindercentrum, 10 h per fte) does not apply, and gastouders are not pedagogisch
 * medewerkers, so their hours never count as fte. The coaching of gastouders (3 h per
 * gastouder from 1 July 2026, source RVO, decree text unverified) is information only.
 *
 * Decision: such a workbook is recognised when it names gastouders (twice) and no kind of
 * kindercentrum anywhere (and the user gave no number of kindercentra). The check then
 * applies no art. 8 norm, reads no fte or kindercentra (the staff findings of the list are
 * dropped: gastouders are not PM), and records no gap: nothing the law asks of a bureau is
 * missing. The `gastouderbureau` info says that art. 8 does not apply and why, so the
 * result is no "in orde" on art. 8 numbers and no request for kindercentra. Giving a
 * number of kindercentra (option, mapping) turns the art. 8 check back on.
 */
import { GASTOUDER_COACHING } from "../../norms";
import { cleanFloat, formatDutch } from "../../numbers";
import { cellAddress } from "../a1";
import type { Findings } from "../findings";
import type { SheetIndex } from "../sheet-index";
import { RULES } from "./ids";

const GASTOUDER = /gastouder|childminder/;
/** Words for a kind of kindercentrum: a workbook naming one of them is not (only) a bureau. */
const CENTRE_WORDS = /kindercentr|kinderdagverblijf|\bkdv\b|\bbso\b|buitenschoolse|peuteropvang|peuterspeelza|\bpsz\b|dagopvang|day ?care/;
const COUNT_LABEL = /aantal gastouders|number of childminders/;

export interface GastouderBureau {
  /** Number of gastouders, when a label says it ("Aantal gastouders"). */
  gastouders: { value: number; where: string } | null;
  /** Where the workbook names gastouders first. */
  sheet: string;
  cell: string;
}

/**
 * Is this a gastouderbureau's workbook? One pass over the text cells (linear in filled
 * cells). A number of kindercentra given by the user (option, mapping) says it is not.
 */
export function findGastouderBureau(sheets: SheetIndex[], centresGiven: boolean): GastouderBureau | null {
  if (centresGiven) return null;
  let first: { sheet: string; cell: string } | null = null;
  let counted: GastouderBureau["gastouders"] = null;
  let mentions = 0;
  for (const ix of sheets) {
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      for (let i = 0; i < cols.length; i++) {
        const raw = ix.text(r, cols[i]);
        if (raw === null || raw.length > 400) continue;
        const n = ix.norm(r, cols[i])!;
        // "Gastouders zijn geen pedagogisch medewerkers van een kindercentrum" speaks of gastouders, not of a centre.
        if (!GASTOUDER.test(n)) {
          if (CENTRE_WORDS.test(n)) return null;
          continue;
        }
        mentions++;
        if (!first) first = { sheet: ix.name, cell: cellAddress(r, cols[i]) };
        if (!counted && COUNT_LABEL.test(n) && i + 1 < cols.length) {
          const v = ix.read(r, cols[i + 1]);
          if (v.kind === "number" && v.n >= 0 && Number.isInteger(v.n)) counted = { value: v.n, where: `${ix.name}!${cellAddress(r, cols[i + 1])}` };
        }
      }
    }
  }
  // One remark ("gastouders vallen hier buiten") does not make a bureau.
  return first && mentions > 1 ? { gastouders: counted, sheet: first.sheet, cell: first.cell } : null;
}

/** The info finding: art. 8 does not apply, and the gastouder coaching rule. */
export function reportGastouderBureau(b: GastouderBureau, year: number, findings: Findings): void {
  const g = GASTOUDER_COACHING;
  const fromYear = Number(g.from.slice(0, 4));
  const when = year < fromYear ? `Niet voor ${year}.` : year === fromYear ? `In ${year} vanaf 1 juli.` : "";
  const n = b.gastouders;
  const count = n ? ` ${formatDutch(n.value, 0)} gastouders (${n.where}) × ${g.urenPerGastouder} = ${formatDutch(cleanFloat(n.value * g.urenPerGastouder))} uur.` : "";
  findings.add(
    RULES.GASTOUDER,
    "info",
    b.sheet,
    b.cell,
    `Gastouderbureau (gastouders, geen kindercentra): art. 8 geldt niet en gastouders tellen niet als fte. ` +
      `Vanaf 1 juli 2026 minimaal ${g.urenPerGastouder} uur coaching per gastouder per jaar (${g.bron}). ${when}${count} Alleen ter informatie.`,
  );
}
