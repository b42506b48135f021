/**
 * The sheet's own "Benodigd / Minimaal / Norm / Vereist / Required" figures, per part or in
 * total, checked against the law: below it is a `norm-te-laag` error at the figure's cell,
 * above it (beyond the rounding of the figure as written) `norm-hoger` information.
 * Two layouts: a label with the figure to its right ("Benodigde coachuren | 420"), and a
 * column headed "Norm" whose rows are named by their part ("Coaching | 423,7 | …").
 * Figures "per medewerker / per kindercentrum / per week" are no part norms and are skipped.
 */
import { shorten } from "../../cells";
import { formatDutch } from "../../numbers";
import type { Findings } from "../findings";
import type { SheetIndex } from "../sheet-index";
import type { PartHours } from "../types";
import { TOTAL_LABEL } from "../vocabulary";
import { RULES } from "./ids";

const STATED = /benodigd|minimaal|minimum|\bnorm\b|normuren|vereist|required|verplicht/;
/** Counts (unless the label names hours: "Benodigde coachuren (10 × fte)") and rates, not hours of a part. */
const COUNT = /\bfte\b|lrk|kindercentr|peuter/;
const HOURS = /uren|\buur\b|hours/;
const RATE = /\bper (?!jaar)/;

type Key = keyof PartHours;

/** Text without its parenthesised parts (one level, linear). */
function withoutBrackets(n: string): string {
  let out = "";
  let depth = 0;
  for (const ch of n) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.trim();
}
const PARTS: [Key, RegExp, string][] = [
  ["policy", /beleid|policy/, "beleid"],
  ["coaching", /coach/, "coaching"],
  ["ve", /\bv?ve\b|vve|voorschools/, "VE"],
  ["total", /totaal|total|\bsom\b/, "het totaal"],
];

function partOf(n: string): [Key, string] | null {
  for (const [k, re, dutch] of PARTS) if (re.test(n)) return [k, dutch];
  return null;
}

function compare(ix: SheetIndex, row: number, col: number, label: string, part: [Key, string], law: PartHours, findings: Findings): void {
  const v = ix.read(row, col);
  const need = law[part[0]];
  if (v.kind !== "number" || need === null) return;
  const decimals = Math.min(3, (String(v.n).split(".")[1] || "").length);
  const text = `'${shorten(label, 40)}' noemt ${formatDutch(v.n)} uur; de wettelijke norm voor ${part[1]} is ${formatDutch(need)} uur`;
  if (v.n < need - 1e-9) findings.at(RULES.STATED_NORM_LOW, "error", ix.name, row, col, `${text}.`);
  else if (v.n > need + 0.5 * Math.pow(10, -decimals) + 1e-9) findings.at(RULES.STATED_NORM_HIGH, "info", ix.name, row, col, `${text}.`);
}

/** Checks every stated norm figure of the workbook against `law` (the required hours). */
export function checkStatedNorms(sheets: SheetIndex[], law: PartHours, findings: Findings): void {
  for (const ix of sheets) {
    for (let r = 0; r < ix.rowCount; r++) {
      const cols = ix.filled[r];
      for (let i = 0; i < cols.length; i++) {
        const raw = ix.text(r, cols[i]);
        if (raw === null || raw.length > 80) continue;
        // An explanation in parentheses ("Vereist beleid (50 u per gebouw)") does not make it a rate.
        const full = ix.norm(r, cols[i])!;
        if (!STATED.test(full)) continue;
        const n = withoutBrackets(full);
        if (!STATED.test(n) || RATE.test(n) || (COUNT.test(n) && !HOURS.test(n))) continue;
        const part = partOf(n);
        if (part) {
          // Label with its figure to the right.
          if (i + 1 < cols.length && cols[i + 1] - cols[i] <= 3 && ix.read(r, cols[i + 1]).kind === "number") compare(ix, r, cols[i + 1], raw, part, law, findings);
          // A column headed so ("Vereist beleid" per location): its Totaal row states the part's total.
          else if (part[0] !== "total") {
            let k = r + 1;
            while (k < ix.rowCount && ix.read(k, cols[i]).kind === "number") k++;
            const last = k - 1;
            const first = last > r ? ix.filled[last][0] : undefined;
            const label = first !== undefined && first < cols[i] ? ix.norm(last, first) : null;
            if (label !== null && TOTAL_LABEL.test(label)) compare(ix, last, cols[i], raw, part, law, findings);
          }
          continue;
        }
        // A "Norm" column: the rows below name their part in their first text cell. A
        // Totaal row counts only below part rows (in a table per location it is the total of
        // one part, not of the law).
        let parts = 0;
        for (let k = r + 1; k < ix.rowCount && ix.read(k, cols[i]).kind === "number"; k++) {
          const first = ix.filled[k][0];
          const rowLabel = first < cols[i] ? ix.norm(k, first) : null;
          const rowPart = rowLabel !== null && rowLabel.length <= 60 ? partOf(rowLabel) : null;
          if (!rowPart || (rowPart[0] === "total" && parts === 0)) continue;
          parts++;
          compare(ix, k, cols[i], `${raw} ${ix.text(k, first)}`, rowPart, law, findings);
        }
      }
    }
  }
}
