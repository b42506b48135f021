/**
 * The large fuzz cases of the engine budgets and the CLI's inputs and outputs (issue 11,
 * items 1, 3, 4 and 9), each in its own process with a timeout; prints time, peak memory
 * (maximum resident set size) and the outcome per case. CI runs the same generators small
 * (test/fuzz/engine.test.ts, test/cli-safety.test.ts).
 *
 *   npm run build && npx tsx scripts/fuzz-engine.ts [case ...]
 *
 * Goal (issue 11): every case ends within 15 s and 1 GB, with exit 0, 1 or 2.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../shared/validate";
import { isIkkError } from "../shared/errors";
import { cliCases, ENGINE_CASES, OUTPUT_CASES } from "../test/fuzz/engine-generators";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "ikk-normen.js");
const PLAN = path.join(ROOT, "examples", "plan-2026.xlsx");
const TIMEOUT_MS = 60_000;

/** Large sizes per engine case. */
const LARGE: Record<string, number> = {
  wholeSheetRange: 20_000,
  twentyWholeSheetRanges: 20_000,
  manyMappingEntries: 10_000,
  manyColumnRoles: 676,
  farAway: 20_000,
  manyCells: 1_500_000,
  manyCellsOverSheets: 3_000_000,
  wideBlankRows: 1_000,
};

/** Child mode: one engine case, timed around checkWorkbook; prints one JSON line. */
function runEngineCase(name: string, n: number): void {
  const { workbook, mapping } = ENGINE_CASES[name](n);
  const t0 = process.hrtime.bigint();
  let outcome: string;
  try {
    const r = checkWorkbook(workbook, { mapping });
    outcome = `ok (${r.tables.length} tabellen, ${r.findings.length} bevindingen)`;
  } catch (e) {
    outcome = isIkkError(e) ? `geweigerd: ${(e as Error).message.slice(0, 90)}…` : `FOUT: ${String(e)}`;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, outcome }) + "\n");
}

/** `/usr/bin/time` around a command: seconds and peak kB from its last stderr line. */
function timed(cmd: string[], env: NodeJS.ProcessEnv = process.env): { s: string; peakMB: string; code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("/usr/bin/time", ["-f", "TIJD %e %M", ...cmd], { encoding: "utf8", timeout: TIMEOUT_MS, killSignal: "SIGKILL", env, maxBuffer: 64 * 1024 * 1024 });
  const m = /TIJD ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? "");
  return {
    s: m ? m[1] : r.error ? `> ${TIMEOUT_MS / 1000}` : "?",
    peakMB: m ? (Number(m[2]) / 1024).toFixed(0) : "?",
    code: r.status,
    stdout: r.stdout ?? "",
    stderr: (r.stderr ?? "").replace(/TIJD .*\s*$/, "").replace(/^Command exited with non-zero status \d+$/m, "").trim().split("\n")[0] ?? "",
  };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === "--case") return runEngineCase(args[1], Number(args[2]));
  const want = (name: string) => args.length === 0 || args.includes(name);
  const rows: string[] = [];
  const line = (kind: string, name: string, s: string, mb: string, outcome: string) =>
    rows.push(`${kind.padEnd(7)} ${name.padEnd(24)} ${s.padStart(8)} s ${mb.padStart(6)} MB  ${outcome}`);

  for (const [name, n] of Object.entries(LARGE)) {
    if (!want(name)) continue;
    const r = timed([process.execPath, "--import", "tsx", __filename, "--case", name, String(n)]);
    let outcome = r.stderr;
    try {
      const j = JSON.parse(r.stdout.trim().split("\n").pop() ?? "");
      outcome = `${(j.ms / 1000).toFixed(2)} s in de controle; ${j.outcome}`;
    } catch {
      outcome = `exit ${r.code}: ${r.stderr}`;
    }
    line("engine", `${name} (${n})`, r.s, r.peakMB, outcome);
  }

  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "ikk-normen.js"))) {
    rows.push("(CLI-gevallen overgeslagen: voer eerst npm run build uit)");
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-fuzz-engine-"));
    try {
      for (const [name, cmd] of Object.entries(cliCases(dir, PLAN, 50_000_000))) {
        if (!want(name)) continue;
        const r = timed([process.execPath, BIN, ...cmd]);
        line("cli", name, r.s, r.peakMB, `exit ${r.code}${r.stderr ? ": " + r.stderr.slice(0, 100) : ""}`);
      }
      for (const [name, c] of Object.entries(OUTPUT_CASES)) {
        if (!want(name)) continue;
        const r = timed(["bash", "-c", c.script], { ...process.env, BIN, PLAN });
        line("output", name, r.s, r.peakMB, `exit ${r.code} (verwacht ${c.code})${r.stderr ? ": " + r.stderr.slice(0, 100) : ""}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(rows.join("\n") + "\n");
}

main();
