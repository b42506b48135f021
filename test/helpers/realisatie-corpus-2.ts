/**
 * Runs the built CLI on one workbook of the second realisation corpus
 * (test/fixtures/realisatie-2) and compares its answer with the spec-derived expectation.
 * Shared by test/realisatie-corpus-2.test.ts and scripts/corpus-realisatie-2.ts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const CORPUS2_DIR = path.join(__dirname, "..", "fixtures", "realisatie-2");
const BIN = path.join(__dirname, "..", "..", "bin", "ikk-normen.js");
const PARTS = ["policy", "coaching", "ve"] as const;

export interface Corpus2Expectation {
  year: number;
  asOf: string;
  layout: string;
  realised: Record<string, number | null>;
  expected: Record<string, number>;
  notCoachedRows: { sheet: string; row: number }[];
  planned: Record<string, number>;
  overviewLocations: Record<string, { policy: number; coaching: number; ve: number }>;
  staffNames: string[];
}

export function corpus2Names(): string[] {
  return fs.readdirSync(CORPUS2_DIR).filter((f) => f.endsWith(".xlsx")).map((f) => f.replace(/\.xlsx$/, "")).sort();
}

export function loadExpectation(name: string): Corpus2Expectation {
  return JSON.parse(fs.readFileSync(path.join(CORPUS2_DIR, `${name}.expected.json`), "utf8")) as Corpus2Expectation;
}

/** Dutch number text as a reader would write it: thousands dot, decimal comma, at most 2 decimals. */
export function dutch(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const f = frac.replace(/0+$/, "");
  return f ? `${grouped},${f}` : grouped;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
const close = (a: number | null | undefined, b: number | null) =>
  b === null ? a === null || a === undefined : typeof a === "number" && Math.abs(a - b) <= 0.01;
const fmt = (v: unknown) => (typeof v === "number" ? String(Math.round(v * 1000) / 1000) : String(v));

interface Report {
  inputs?: { centres?: number | null };
  planned?: Record<string, number | null>;
  realised?: Record<string, number | null> | null;
  realisation?: { expected?: Record<string, number | null> } | null;
  findings?: { rule: string; severity?: string; sheet?: string; cell?: string }[];
}

/** All differences between the product's answer and the expectation; empty means pass. */
export function checkWorkbook(name: string): string[] {
  const exp = loadExpectation(name);
  const file = path.join(CORPUS2_DIR, `${name}.xlsx`);
  const problems: string[] = [];
  const run = spawnSync(process.execPath, [BIN, "check", file, "--json", "--peildatum", exp.asOf], { encoding: "utf8" });
  let rep: Report;
  try {
    rep = JSON.parse(run.stdout) as Report;
  } catch {
    return [`check gaf geen JSON (exit ${run.status}): ${run.stderr.slice(0, 200)}`];
  }
  // Plan part read
  const nLoc = Object.keys(exp.overviewLocations).length;
  if (rep.inputs?.centres !== nLoc) problems.push(`kindercentra: kreeg ${fmt(rep.inputs?.centres)}, verwacht ${nLoc}`);
  for (const k of [...PARTS, "total"]) {
    if (!close(rep.planned?.[k], exp.planned[k])) problems.push(`gepland ${k}: kreeg ${fmt(rep.planned?.[k])}, verwacht ${exp.planned[k]}`);
  }
  // Realised per part
  for (const k of [...PARTS, "total"]) {
    const got = rep.realised?.[k];
    if (!close(got, exp.realised[k])) problems.push(`gerealiseerd ${k}: kreeg ${fmt(got)}, verwacht ${fmt(exp.realised[k])}`);
  }
  // Expected pro rata
  const e = rep.realisation?.expected;
  for (const k of [...PARTS, "total"]) {
    if (!close(e?.[k], exp.expected[k])) problems.push(`verwacht nu ${k}: kreeg ${fmt(e?.[k])}, verwacht ${exp.expected[k]}`);
  }
  // Not-coached rows
  const got = new Set(
    (rep.findings ?? [])
      .filter((f) => f.rule === "nog-niet-gecoacht" && f.severity === "warning")
      .map((f) => `${f.sheet}!${(f.cell ?? "").replace(/^[A-Z]+/, "")}`),
  );
  const want = new Set(exp.notCoachedRows.map((r) => `${r.sheet}!${r.row}`));
  const missing = [...want].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !want.has(x));
  if (missing.length) problems.push(`niet-gecoacht gemist: ${missing.join(", ")}`);
  if (extra.length) problems.push(`niet-gecoacht te veel: ${extra.join(", ")}`);
  // Overview
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corpus2-"));
  const out = path.join(tmp, "overzicht.html");
  try {
    const ov = spawnSync(process.execPath, [BIN, "overzicht", file, "--uit", out], { encoding: "utf8" });
    if (!fs.existsSync(out)) {
      problems.push(`overzicht niet geschreven (exit ${ov.status}): ${(ov.stderr || ov.stdout).slice(0, 200)}`);
    } else {
      const html = fs.readFileSync(out, "utf8");
      for (const [loc, hours] of Object.entries(exp.overviewLocations)) {
        const start = html.indexOf(`<td>${escapeHtml(loc)}</td>`);
        if (start < 0) { problems.push(`overzicht mist kindercentrum '${loc}'`); continue; }
        const rowEnd = html.indexOf("</tr>", start);
        const cells = [...html.slice(start, rowEnd).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1].trim());
        const want3 = PARTS.map((p) => hours[p]);
        const ok = want3.every((h, i) => {
          const c = cells[i + 1];
          return c === dutch(h) || (h === 0 && (c === "" || c === "-" || c === "–" || c === "—"));
        });
        if (!ok) problems.push(`overzicht '${loc}': kreeg ${cells.slice(1).join(" | ")}, verwacht ${want3.map(dutch).join(" | ")}`);
      }
      for (const n of exp.staffNames) if (html.includes(n) || html.includes(escapeHtml(n))) problems.push(`overzicht noemt medewerker '${n}'`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return problems;
}
