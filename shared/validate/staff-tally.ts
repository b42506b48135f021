/**
 * Bookkeeping of the staff list: the rows left out of the fte (or counted with an
 * unrecognised function), tallied per function for one finding. (The formation of a
 * coaches' own hours table: formation-list.ts.)
 */
import { shorten } from "../cells";
import { rangeAddress } from "./a1";
import type { Findings } from "./findings";
import { RULES } from "./rules/ids";
import type { StaffRow } from "./staff-functions";
import type { Table } from "./table-model";
import type { Severity } from "./types";

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
