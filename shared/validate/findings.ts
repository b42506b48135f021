/** Collecting findings during a check, and their order in the result. */
import type { Finding, Severity } from "./types";
import { cellAddress, parseCell, parseRange } from "./a1";
import type { RuleId } from "./rules/ids";
import { SEVERITY_RANK } from "./severity";

export class Findings {
  readonly list: Finding[] = [];
  private readonly seen = new Set<string>();

  add(rule: RuleId, severity: Severity, sheet: string | null, cell: string | null, message: string): void {
    const key = `${rule}|${sheet}|${cell}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ rule, severity, sheet, cell, message });
  }

  /** What the check could not read or trust, in Dutch with how to supply it (see completeness.ts: controle-onvolledig). */
  readonly gaps: string[] = [];

  /** Records that the check is incomplete: `text` says what is missing and how to supply it. */
  gap(text: string): void {
    if (!this.gaps.includes(text)) this.gaps.push(text);
  }

  /** Convenience for a cell given as 0-based row/column. */
  at(rule: RuleId, severity: Severity, sheet: string, row: number, col: number, message: string): void {
    this.add(rule, severity, sheet, cellAddress(row, col), message);
  }
}

/** Severity first, then sheet (workbook order; workbook-wide findings first), then row and column. */
export function sortFindings(list: Finding[], sheetOrder: Map<string, number>): Finding[] {
  const pos = (f: Finding): [number, number, number] => {
    const s = f.sheet === null ? -1 : sheetOrder.get(f.sheet) ?? 1e9;
    const start = f.cell ? parseCell(f.cell.split(":")[0]) ?? parseRange(f.cell)?.start ?? null : null;
    return [s, start ? start.row : -1, start ? start.col : -1];
  };
  return list
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        a.p[0] - b.p[0] ||
        a.p[1] - b.p[1] ||
        a.p[2] - b.p[2] ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
