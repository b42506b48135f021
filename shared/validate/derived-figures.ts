/**
 * The sheet's own derived figures, checked instead of trusted:
 * - a stated fte (label cell, or an fte column / its total in a staff list) lower than its
 *   own weekly hours ÷ the full-time week (norm.urenPerFteWeek) — rounded down by a formula (ROUNDDOWN, AFRONDEN.NAAR.BENEDEN,
 *   INTEGER, INT, ROUND, AFRONDEN, TRUNC) or typed rounded — is an `fte-afgerond` error at
 *   that cell, and the norm uses the unrounded weekly hours ÷ full-time week (the law makes no rounding);
 * - a formation labelled per week ("Formatie coach (uur per week)") is weekly hours × norm.formatieWekenPerJaar.
 */
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, parseCell } from "./a1";
import { HOW_TO_SUPPLY } from "./completeness";
import type { Findings } from "./findings";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { Table } from "./table-model";
import { columnOfKind } from "./table-model";
import type { Fact } from "./types";

/** A label that says its figure is per week: "uur per week", "uren p/w", "weekuren". */
const PER_WEEK = /per week|\bp\/ ?w\b|\bp\.w|\bpw\b|weekuren|\/ ?week\b/;

/**
 * A formation labelled per week (in its label, or in a unit cell right of the figure:
 * "Formatie | 14 | uur per week"), as hours per year (× the formation weeks per year); other formations unchanged.
 */
export function yearlyFormation(f: Fact, normalizedLabel: string, byName: Map<string, SheetIndex>, norm: NormVersion): Fact {
  const ix = f.source.sheet !== null ? byName.get(f.source.sheet) : undefined;
  const at = f.source.cell !== null ? parseCell(f.source.cell) : null;
  const unit = ix && at ? ix.norm(at.row, at.col + 1) : null;
  if (!PER_WEEK.test(normalizedLabel) && !(unit !== null && PER_WEEK.test(unit))) return f;
  const weeks = norm.formatieWekenPerJaar;
  return {
    value: cleanFloat(f.value * weeks),
    source: { ...f.source, description: `${f.source.description}: ${formatDutch(f.value)} uur per week × ${formatDutch(weeks)}` },
  };
}

/** Spreadsheet functions that round (English and Dutch names). */
const ROUNDING = /^=?\s*(rounddown|afronden\.naar\.beneden|integer|int|round|afronden|trunc|geheel)\s*\(/i;

/** The rounding function a formula applies first ("ROUNDDOWN"), or null. */
function roundingFunction(formula: string | null): string | null {
  if (!formula) return null;
  const m = ROUNDING.exec(formula.trim());
  return m ? m[1].toUpperCase() : null;
}

/**
 * The fte to use for the norm, given the fte stated in a labelled cell and the fte its
 * own weekly hours give (`exact`, from a "uren per week" cell or the staff list). A stated
 * fte below `exact` is an error at its cell and `exact` is used. A rounding formula without
 * such weekly hours makes the fte unknown (null: completeness records the gap), never a
 * guess.
 */
export function checkStatedFte(stated: Fact, exact: Fact | null, byName: Map<string, SheetIndex>, findings: Findings): Fact | null {
  const { sheet, cell } = stated.source;
  const ix = sheet !== null ? byName.get(sheet) : undefined;
  const at = cell !== null ? parseCell(cell) : null;
  const formula = ix && at ? ix.formula(at.row, at.col) : null;
  const fn = roundingFunction(formula);
  if (!exact) {
    if (!fn) return stated;
    findings.add(
      RULES.FTE_ROUNDED,
      "warning",
      sheet,
      cell,
      `De fte in ${sheet}!${cell} is afgerond (${fn}) en de uren per week erachter zijn niet gevonden; de fte is onbekend: ${HOW_TO_SUPPLY.fte}.`,
    );
    return null;
  }
  if (stated.value >= exact.value - 1e-9) return stated;
  lowFte(findings, sheet!, cell!, stated.value, fn, exact.source.description, exact.value);
  return exact;
}

/** The `fte-afgerond` error: `stated` at sheet!cell is below `exact`, which follows from `from`. */
function lowFte(findings: Findings, sheet: string, cell: string, stated: number, fn: string | null, from: string, exact: number): void {
  findings.add(
    RULES.FTE_ROUNDED,
    "error",
    sheet,
    cell,
    `De fte in ${sheet}!${cell} is ${formatDutch(stated)}${fn ? ` (${fn})` : ""}, maar uit ${from} volgt ${formatDutch(exact)} fte. De wet kent geen afronding; de norm gebruikt ${formatDutch(exact)} fte.`,
  );
}

/**
 * The fte in the Totaal row of a staff list below the weekly hours ÷ full-time week of its rows: an
 * `fte-afgerond` error at the total. The norm already uses the weekly hours.
 */
export function checkFteColumn(ix: SheetIndex, t: Table, norm: NormVersion, findings: Findings): void {
  const wk = columnOfKind(t, "weekly");
  const fte = columnOfKind(t, "fte");
  if (!wk || !fte) return;
  const perFte = norm.urenPerFteWeek;
  let weekly = 0;
  for (const r of t.dataRows) {
    const w = ix.read(r, wk.col);
    const e = ix.read(r, fte.col);
    // Only rows with both figures compare (flex staff may have an fte without weekly hours).
    if (w.kind !== "number" || e.kind !== "number") {
      if (w.kind !== "blank" || e.kind !== "blank") return;
      continue;
    }
    weekly += w.n;
  }
  if (t.totalRow === null) return;
  const total = ix.read(t.totalRow, fte.col);
  const exact = cleanFloat(weekly / perFte);
  if (total.kind !== "number" || total.n >= exact - 1e-9) return;
  const at = cellAddress(t.totalRow, fte.col);
  const fn = roundingFunction(ix.formula(t.totalRow, fte.col));
  lowFte(findings, t.sheet, at, total.n, fn, `${formatDutch(cleanFloat(weekly))} uur per week ÷ ${formatDutch(perFte)}`, exact);
}
