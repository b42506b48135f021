/**
 * The large hostile-file cases of the reader's budgets, each run through the built CLI
 * (`node bin/ikk-normen.js check FILE`) in its own process, printing wall time, peak memory
 * (/usr/bin/time -v's maximum resident set size, else the process's own maxRSS is unknown)
 * and the exit code with the first line of the message. The small sizes run in CI
 * (test/fuzz/zip.test.ts, test/cli-reader-limits.test.ts); these take a minute or two.
 *
 *   npm run build && npx tsx scripts/fuzz-large.ts [--bewaar MAP]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { buildZip, manyCells, manyMerges, smallSheet, wholeSheetMerge, workbookParts, zipBomb } from "../test/fuzz/zip-generators";
import { formatDutch } from "../shared/numbers";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "ikk-normen.js");
const GB = 1024 * 1024 * 1024;

interface Case {
  name: string;
  make: (file: string) => void;
}

const write = (data: () => Buffer) => (file: string) => fs.writeFileSync(file, data());

const CASES: Case[] = [
  { name: "zip-bom 1 GB rij-XML (eerlijke grootte)", make: write(() => zipBomb(GB)) },
  { name: "zip-bom 1 GB, zegt 1 KB", make: write(() => zipBomb(GB, true)) },
  { name: "zip-bom 400 MB, zegt 1 KB", make: write(() => zipBomb(400 * 1024 * 1024, true)) },
  { name: "zip-bom 190 MB (net onder de grens)", make: write(() => zipBomb(190 * 1024 * 1024)) },
  { name: "samenvoeging A1:XFD1048576", make: write(wholeSheetMerge) },
  { name: "40 000 samenvoegingen", make: write(() => manyMerges(40_000)) },
  { name: "100 001 samenvoegingen", make: write(() => manyMerges(100_001)) },
  {
    name: "10 000 samenvoegingen over het hele blad",
    make: write(() => {
      const merges = Array.from({ length: 10_000 }, (_, i) => `<mergeCell ref="A${i + 3}:XFD1048576"/>`).join("");
      return buildZip(workbookParts(smallSheet(`<mergeCells count="10000">${merges}</mergeCells>`)));
    }),
  },
  { name: "2 100 000 cellen op één blad", make: write(() => manyCells(70_000, 30)) },
  {
    name: "3 GB bestand dat met PK begint",
    make: (file) => {
      fs.writeFileSync(file, "PK\u0003\u0004");
      fs.truncateSync(file, 3 * GB);
    },
  },
];

function run(file: string): { ms: number; peakMb: number | null; code: number | null; line: string } {
  const hasTime = fs.existsSync("/usr/bin/time");
  const t0 = Date.now();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-v", process.execPath, BIN, "check", file], { encoding: "utf8", timeout: 120_000 })
    : spawnSync(process.execPath, [BIN, "check", file], { encoding: "utf8", timeout: 120_000 });
  const ms = Date.now() - t0;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const message = (r.stderr.split("\n").find((l) => l.startsWith("ikk-normen:")) ?? r.stdout.trim().split("\n").pop() ?? "").slice(0, 140);
  const code = r.status ?? (r.signal ? -1 : null);
  return { ms, peakMb: m ? Number(m[1]) / 1024 : null, code, line: message };
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "ikk-normen.js"))) {
    console.error("dist/cli/ikk-normen.js ontbreekt: voer eerst npm run build uit.");
    process.exit(2);
  }
  const keepFlag = process.argv.indexOf("--bewaar");
  const keep = keepFlag > 0 ? process.argv[keepFlag + 1] : undefined;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "ikk-fuzz-large-"));
  fs.mkdirSync(dir, { recursive: true });
  let ok = true;
  try {
    for (const [i, c] of CASES.entries()) {
      const file = path.join(dir, `geval-${String(i + 1).padStart(2, "0")}.xlsx`);
      c.make(file);
      const size = fs.statSync(file).size;
      const r = run(file);
      const within = r.code !== null && r.code >= 0 && r.code <= 2 && r.ms < 15_000 && (r.peakMb === null || r.peakMb < 1024);
      ok = ok && within;
      console.log(
        `${within ? "ok  " : "FOUT"} ${c.name.padEnd(44)} ${formatDutch(size / 1024 / 1024, 2).padStart(8)} MB  ` +
          `${formatDutch(r.ms, 0).padStart(6)} ms  piek ${r.peakMb === null ? "?" : formatDutch(r.peakMb, 0).padStart(4)} MB  exit ${r.code}  ${r.line}`,
      );
      if (!keep) fs.rmSync(file, { force: true });
    }
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(ok ? "Alle gevallen binnen 15 s en 1 GB met exit 0, 1 of 2." : "Niet alle gevallen binnen de grenzen.");
  process.exitCode = ok ? 0 : 1;
}

main();
