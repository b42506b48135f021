/**
 * Hostile .xlsx files through the built CLI with its real budgets: a 1 MB zip bomb that
 * inflates to 1 GB (honest and lying about its size), a whole-sheet merge, 40 000 merges, a
 * 3 GB file that starts with "PK". Each run ends within 15 s and 1 GB of memory with exit
 * 0, 1 or 2, a Dutch message where the file is refused, and no stack trace or control
 * characters. The large sizes are in scripts/fuzz-large.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { BIN, makeTempDir } from "../helpers/xlsx";
import { manyMerges, wholeSheetMerge, zipBomb } from "./zip-generators";

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(path.dirname(BIN), "..", "dist", "cli", "ikk-normen.js"))) {
    throw new Error("dist/cli/ikk-normen.js is missing: run `npm run build` first (npm test does).");
  }
  dir = makeTempDir("fuzz-zip");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const HAS_TIME = fs.existsSync("/usr/bin/time");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakMb: number | null;
}

/** Runs `ikk-normen check FILE` and measures wall time and (with /usr/bin/time) peak memory. */
function check(file: string): Run {
  const t0 = Date.now();
  const args = HAS_TIME ? ["-f", "PEAK_KB=%M", process.execPath, BIN, "check", file] : [BIN, "check", file];
  const r = spawnSync(HAS_TIME ? "/usr/bin/time" : process.execPath, args, { encoding: "utf8", timeout: 30_000 });
  const ms = Date.now() - t0;
  const m = /PEAK_KB=(\d+)/.exec(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/PEAK_KB=\d+\s*$/, ""), ms, peakMb: m ? Number(m[1]) / 1024 : null };
}

function expectClean(run: Run): void {
  expect([0, 1, 2]).toContain(run.code);
  expect(run.ms).toBeLessThan(15_000);
  if (run.peakMb !== null) expect(run.peakMb).toBeLessThan(1024);
  const out = run.stdout + run.stderr;
  expect(out).not.toMatch(/\n\s+at /); // no stack trace
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(out).not.toMatch(/Error:|TypeError|RangeError|heap/);
}

test("a 1 MB zip bomb of 1 GB row XML is refused with the inflate limit", () => {
  const file = path.join(dir, "bom.xlsx");
  fs.writeFileSync(file, zipBomb(1024 * 1024 * 1024));
  expect(fs.statSync(file).size).toBeLessThan(1.5 * 1024 * 1024);
  const run = check(file);
  expectClean(run);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/pakt uit tot meer dan 200 MB .*grens voor uitgepakte grootte/);
});

test("the same bomb declaring 1 KB is stopped while inflating, within time and memory", () => {
  const file = path.join(dir, "leugen.xlsx");
  fs.writeFileSync(file, zipBomb(1024 * 1024 * 1024, true));
  const run = check(file);
  expectClean(run);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/grens voor uitgepakte grootte/);
});

test("a whole-sheet merge (1,6 KB) ends at once with a verdict, not out of memory", () => {
  const file = path.join(dir, "heelblad.xlsx");
  fs.writeFileSync(file, wholeSheetMerge());
  const run = check(file);
  expectClean(run);
  expect(run.ms).toBeLessThan(10_000);
});

test("40 000 merges end within seconds", () => {
  const file = path.join(dir, "samen.xlsx");
  fs.writeFileSync(file, manyMerges(40_000));
  const run = check(file);
  expectClean(run);
  expect(run.code).not.toBeNull();
});

test("a 3 GB file starting with PK is refused on its size before reading", () => {
  const file = path.join(dir, "drie-gb.xlsx");
  fs.writeFileSync(file, "PK\u0003\u0004");
  try {
    fs.truncateSync(file, 3 * 1024 * 1024 * 1024); // sparse: no disk used
  } catch {
    return; // a file system without sparse files
  }
  const run = check(file);
  expectClean(run);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/groter dan de grens van 50 MB voor één werkmap \(bestandsgrootte\)/);
  expect(run.ms).toBeLessThan(5_000);
});
