/**
 * Bookkeeping of the staff list: the rows left out of the fte (or counted with an
 * unrecognised function), tallied per function for one finding, and the formation that a
 * coaches' own hours table gives (weekly hours × 52).
 */
import { shorten } from "../cells";
import { normForYear } from "../norms";
import { cleanFloat, formatDutch } from "../numbers";
import { rangeAddress } from "./a1";
import type { Findings } from "./findings";
import { RULES } from "./rules/ids";
import type { SheetIndex } from "./sheet-index";
import type { FunctionKind } from "./staff-functions";
import type { Table } from "./table-model";
import { columnOfKind } from "./table-model";
import type { Fact, Severity } from "./types";

/** Why a row with this function kind is not counted (Dutch, for the finding). */
export function notCountedWhy(kind: FunctionKind): string {
  switch (kind) {
    case "bbl":
      return "BBL, --bbl nee";
    case "policy-on-group":
      return "--pbm-op-groep nee";
    case "coach":
      return "coach/beleidsmedewerker";
    default:
      return "";
  }
}

/** Rows per function (as written), with the first table they were seen in. */
export class StaffTally {
  private readonly counts = new Map<string, { n: number; why: string }>();
  private total = 0;
  private where: Table | null = null;

  add(t: Table, fn: string, why: string): void {
    const key = shorten(fn, 40);
    const e = this.counts.get(key);
    if (e) e.n++;
    else this.counts.set(key, { n: 1, why });
    this.total++;
    this.where ??= t;
  }

  /** One finding at the first table: `text(count, "Kok (2), Planner (1)")`. */
  report(findings: Findings, text: (n: number, list: string) => string, severity: Severity): void {
    if (this.total === 0 || !this.where) return;
    const list = [...this.counts]
      .map(([fn, e]) => `${fn === "" ? "zonder naam" : `'${fn}'`} (${formatDutch(e.n, 0)}${e.why ? `, ${e.why}` : ""})`)
      .join(", ");
    const t = this.where;
    findings.add(RULES.NOT_PM, severity, t.sheet, rangeAddress(t.top, t.left, t.bottom, t.right), text(this.total, list));
  }
}

/**
 * The formation from the coaches' own hours tables: their weekly hours × 52 (36 × 52 h per
 * fte). Unknown (null) when an hours cell cannot be read: never a partial sum.
 */
export function coachFormation(tables: Table[], byName: Map<string, SheetIndex>, year: number): Fact | null {
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
  const weeks = normForYear(year).formatieWekenPerJaar;
  const value = cleanFloat(weekly * weeks);
  return {
    value,
    source: {
      kind: "table",
      sheet: tables[0].sheet,
      cell: null,
      description: `uren per week van de coaches/beleidsmedewerkers in ${where.join(", ")}: ${formatDutch(weekly)} uur per week × ${weeks}`,
    },
  };
}
