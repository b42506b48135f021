/**
 * Bookkeeping of the staff list: the rows left out of the fte (or counted with an
 * unrecognised function), tallied per function for one finding, and the formation that a
 * coaches' own hours table gives (weekly hours × the formation weeks per year).
 */
import { shorten } from "../cells";
import type { NormVersion } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { cellAddress, rangeAddress } from "./a1";
import type { Findings } from "./findings";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { StaffRow } from "./staff-functions";
import type { Table } from "./table-model";
import { columnOfKind } from "./table-model";
import type { Fact, Severity } from "./types";

/** How a row is named in the finding: its function as written, else its kind. */
export function tallyName(row: StaffRow): string {
  return shorten(row.fn, 40) || row.kind;
}

/** Rows per name, with the first table they were seen in. */
export class StaffTally {
  private readonly counts = new Map<string, number>();
  private total = 0;
  private where: Table | null = null;

  add(t: Table, name: string): void {
    this.counts.set(name, (this.counts.get(name) || 0) + 1);
    this.total++;
    if (!this.where) this.where = t;
  }

  /** One finding at the first table: `text(count, "'Kok' (2), 'Planner' (1)")`. */
  report(findings: Findings, text: (n: number, list: string) => string, severity: Severity): void {
    const t = this.where;
    if (!t) return;
    const list = [...this.counts].map(([name, n]) => `'${name}' (${n})`).join(", ");
    findings.add(RULES.NOT_PM, severity, t.sheet, rangeAddress(t.top, t.left, t.bottom, t.right), text(this.total, list));
  }
}

/**
 * The formation from the coaches' own hours tables: their weekly hours × norm.formatieWekenPerJaar (urenPerFteWeek × formatieWekenPerJaar h per
 * fte). Unknown (null) when an hours cell cannot be read: never a partial sum.
 */
/** Where a coaches' table states its formation: the Totaal cell that holds the yearly figure, else the weekly hours' Totaal cell. */
function formationTotalCell(ix: SheetIndex, t: Table, yearly: number): string | null {
  if (t.totalRow === null) return null;
  for (const c of t.columns) {
    const v = ix.read(t.totalRow, c.col);
    if (v.kind === "number" && Math.abs(v.n - yearly) < 1e-6) return cellAddress(t.totalRow, c.col);
  }
  const wk = columnOfKind(t, "weekly");
  return wk ? cellAddress(t.totalRow, wk.col) : null;
}

export function coachFormation(tables: Table[], byName: Map<string, SheetIndex>, norm: NormVersion): Fact | null {
  if (tables.length === 0) return null;
  let weekly = 0;
  const where: string[] = [];
  for (const t of tables) {
    const ix = byName.get(t.sheet)!;
    const wk = columnOfKind(t, "weekly");
    if (!wk) return null;
    for (const r of t.dataRows) {
      const v = ix.read(r, wk.col);
      if (v.kind === "blank" && ix.filled[r].length <= 1) continue; // a heading row
      if (v.kind !== "number" || v.n < 0) return null;
      weekly += v.n;
    }
    where.push(`${t.sheet}!${rangeAddress(t.top, t.left, t.bottom, t.right)}`);
  }
  weekly = cleanFloat(weekly);
  const weeks = norm.formatieWekenPerJaar;
  const value = cleanFloat(weekly * weeks);
  return {
    value,
    source: {
      kind: "table",
      sheet: tables[0].sheet,
      cell: tables.length === 1 ? formationTotalCell(byName.get(tables[0].sheet)!, tables[0], value) : null,
      description: `uren per week van de coaches/beleidsmedewerkers in ${where.join(", ")}: ${formatDutch(weekly)} uur per week × ${formatDutch(weeks)}`,
    },
  };
}
