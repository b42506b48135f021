/**
 * Benchmark of the CLI check on a large workbook: 1 000 locations in the coaching and
 * beleid tables and 10 000 staff rows. Measures, in one run, a bare exceljs readFile of the
 * file against the full check (read + snapshot + engine), several repetitions each
 * (interleaved), and prints the medians, their ratio (target ≤ 1,0×) and the peak memory of
 * each path in its own process. A wide variant has 30 staff columns; --rijen adds one with
 * 4× the staff rows. Prints only.
 *
 *   npx tsx scripts/bench.ts [--herhalingen N] [--bewaar groot.xlsx]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { checkFile } from "../cli/check-file";
import { readXlsx } from "../cli/read-xlsx";
import { spawnSync } from "child_process";
import { checkWorkbook } from "../shared/validate";
import { writeSnapshotXlsx } from "../examples/generate";
import { buildSheet, f, type CellInput } from "../shared/validate/build";
import { columnLetters } from "../shared/validate/a1";
import { formatDutch } from "../shared/numbers";
import type { WorkbookSnapshot } from "../shared/validate/types";

const LOCATIONS = 1000;
const STAFF = 10000;
const YEAR = 2026;

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

function allocationTable(title: string, header: string[], parts: (i: number) => number[], startRow: number): CellInput[][] {
  const rows: CellInput[][] = [[title], [], ["Locatie", ...header, "Totaal per locatie"]];
  const first = startRow + rows.length;
  let grand = 0;
  for (let i = 0; i < LOCATIONS; i++) {
    const r = first + i;
    const p = parts(i);
    grand += sum(p);
    rows.push([`${i % 2 ? "BSO" : "KDV"} Locatie ${i + 1}`, ...p, f(`=SUM(B${r}:${columnLetters(p.length)}${r})`, sum(p))]);
  }
  const last = first + LOCATIONS - 1;
  const totalCol = columnLetters(header.length + 1);
  const total: CellInput[] = ["Totaal"];
  for (let c = 1; c <= header.length; c++) total.push(null);
  total.push(f(`=SUM(${totalCol}${first}:${totalCol}${last})`, grand));
  rows.push(total);
  return rows;
}

/** Extra staff columns of the wide variant: 30 columns in all (dates, text, numbers). */
const WIDE_COLUMNS = 30;

function extraStaffCells(i: number, count: number): CellInput[] {
  const out: CellInput[] = [];
  for (let c = 0; c < count; c++) {
    const k = c % 5;
    if (k === 0) out.push(`Team ${(i + c) % 40}`);
    else if (k === 1) out.push(`${1 + ((i + c) % 28)}-${1 + ((i + c) % 12)}-20${10 + ((i + c) % 15)}`);
    else if (k === 2) out.push(((i * 7 + c) % 100) / 4);
    else if (k === 3) out.push(`Opmerking ${i}-${c}`);
    else out.push((i + c) % 3);
  }
  return out;
}

function extraStaffHeaders(count: number): string[] {
  const names = ["Team", "In dienst sinds", "Verlof (dagen)", "Opmerking", "Niveau"];
  return Array.from({ length: count }, (_, c) => `${names[c % 5]} ${Math.floor(c / 5) + 1}`);
}

function largeWorkbook(extraColumns = 0, staffCount = STAFF): WorkbookSnapshot {
  const weekly = Array.from({ length: staffCount }, (_, i) => [16, 20, 24, 28, 32, 36][i % 6]);
  const fte = sum(weekly) / 36;
  const coachingParts = (i: number): number[] => [4 + (i % 3), 3, 2, 3];
  const policyParts = (): number[] => [10, 15, 5, 10, 10];
  const coachingTotal = sum(Array.from({ length: LOCATIONS }, (_, i) => sum(coachingParts(i))));

  const facts: CellInput[][] = [
    [`Uren verantwoording inzet pedagogisch coach en beleidsmedewerker ${YEAR}`],
    [],
    ["Peildatum", `1 januari ${YEAR}`],
    ["Aantal LRK-registraties", LOCATIONS],
    ["Fte pedagogisch professionals", fte],
    ["Doelgroeppeuters (VE-indicatie)", 0],
    ["Formatie pedagogisch coach/beleidsmedewerker (uren per jaar)", 200000],
    [],
    ["Benodigd volgens Wet IKK"],
    ["Pedagogische beleidsontwikkeling/implementatie", f("=B4*50", LOCATIONS * 50)],
    ["Coaching pedagogisch professionals", f("=B5*10", fte * 10)],
  ];

  const coaching = allocationTable(
    `Overzicht geschatte uren coaching per locatie ${YEAR}`,
    ["Individuele coaching", "Scholing/training", "Teamoverleg", "Ondersteuning"],
    coachingParts,
    1,
  );
  const policyStart = coaching.length + 3;
  const policy = allocationTable(
    `Overzicht geschatte uren beleidsmedewerker per locatie ${YEAR}`,
    ["Bijstellen beleid", "Nieuw beleid", "Communicatie", "Overleg", "Deskundigheidsbevordering"],
    policyParts,
    policyStart,
  );
  const allocation: CellInput[][] = [...coaching, [], [], ...policy];

  const staffFirst = 4;
  const staffLast = staffFirst + staffCount - 1;
  const perStaff = coachingTotal / staffCount;
  const staff: CellInput[][] = [
    [`Pedagogisch medewerkers op 1 januari ${YEAR}`],
    [],
    ["Naam", "Functie", "Contract", "Uren per week", `Coachuren ${YEAR}`, ...extraStaffHeaders(extraColumns)],
    ...weekly.map((h, i) => [`Medewerker ${i + 1}`, "Pedagogisch medewerker", i % 10 === 9 ? "flex (0-uren)" : "vast", h, perStaff, ...extraStaffCells(i, extraColumns)] as CellInput[]),
    ["Totaal", null, null, f(`=SUM(D${staffFirst}:D${staffLast})`, sum(weekly)), f(`=SUM(E${staffFirst}:E${staffLast})`, coachingTotal)],
  ];

  return {
    name: "groot.xlsx",
    sheets: [buildSheet(`Uren ${YEAR}`, facts), buildSheet(`Verdeling ${YEAR}`, allocation), buildSheet("Personeel", staff)],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Peak memory of one path in a fresh process: `--meet kaal|controle FILE` prints JSON. */
async function measureOnce(mode: string, file: string): Promise<void> {
  const t0 = performance.now();
  if (mode === "kaal") await new ExcelJS.Workbook().xlsx.readFile(file);
  else await checkFile(file);
  const ms = performance.now() - t0;
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

function peakInChild(mode: string, file: string): { ms: number; peakMb: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", __filename, "--meet", mode, file], { encoding: "utf8", cwd: path.join(__dirname, "..") });
  if (r.status !== 0) throw new Error(`meting ${mode} mislukt: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

interface Variant {
  label: string;
  staff: number;
  extraColumns: number;
}

async function benchVariant(v: Variant, reps: number, dir: string, keep?: string): Promise<boolean> {
  const file = path.join(dir, `${v.label}.xlsx`);
  const tGen = await time(() => writeSnapshotXlsx(largeWorkbook(v.extraColumns, v.staff), file));
  const size = fs.statSync(file).size;
  console.log(``);
  console.log(`== ${v.label}: ${LOCATIONS} locaties, ${v.staff} medewerkers, personeelstabel met ${5 + v.extraColumns} kolommen`);
  console.log(`Bestand: ${formatDutch(size / 1024 / 1024, 2)} MB, geschreven in ${formatDutch(tGen, 0)} ms`);

  // One warm-up of each path (module loading, JIT), not counted.
  await new ExcelJS.Workbook().xlsx.readFile(file);
  const warm = await checkFile(file);
  const roles = warm.result.tables.map((t) => `${t.role} ${t.sheet}!${t.range}`).join("; ");
  console.log(`Controle: jaar ${warm.result.year}, ${warm.result.findings.length} bevindingen, tabellen: ${roles}`);

  const bare: number[] = [];
  const full: number[] = [];
  const readOnly: number[] = [];
  const engineOnly: number[] = [];
  for (let i = 0; i < reps; i++) {
    bare.push(await time(() => new ExcelJS.Workbook().xlsx.readFile(file)));
    full.push(await time(() => checkFile(file)));
    // The parts, for whoever wants to make it faster.
    let snapshot: WorkbookSnapshot | undefined;
    readOnly.push(await time(async () => (snapshot = await readXlsx(file))));
    engineOnly.push(await time(async () => checkWorkbook(snapshot!)));
  }
  const mb = median(bare);
  const mf = median(full);
  const ratio = mf / mb;
  console.log(`Herhalingen: ${reps} (afwisselend), mediaan:`);
  console.log(`  alleen exceljs readFile:                      ${formatDutch(mb, 0).padStart(7)} ms   [${bare.map((t) => formatDutch(t, 0)).join(", ")}]`);
  console.log(`  volledige controle (lezen+snapshot+engine):   ${formatDutch(mf, 0).padStart(7)} ms   [${full.map((t) => formatDutch(t, 0)).join(", ")}]`);
  console.log(`  waarvan lezen (eigen lezer → snapshot): ${formatDutch(median(readOnly), 0)} ms, engine (checkWorkbook): ${formatDutch(median(engineOnly), 0)} ms`);
  const peakBare = peakInChild("kaal", file);
  const peakFull = peakInChild("controle", file);
  console.log(`  piekgeheugen (eigen proces, maxRSS): exceljs readFile ${formatDutch(peakBare.peakMb, 0)} MB, volledige controle ${formatDutch(peakFull.peakMb, 0)} MB`);
  const ok = ratio <= 1.0;
  console.log(`  verhouding: ${formatDutch(ratio, 3)}× (doel ≤ 1,0×) ${ok ? "binnen doel" : "BOVEN doel"}`);
  if (keep) fs.copyFileSync(file, keep.replace(/(\.xlsx)?$/, `-${v.label}.xlsx`));
  return ok;
}

async function main(): Promise<void> {
  const meet = process.argv.indexOf("--meet");
  if (meet > 0) return measureOnce(process.argv[meet + 1], process.argv[meet + 2]);
  const flag = process.argv.indexOf("--herhalingen");
  const reps = flag > 0 ? Math.max(1, Number(process.argv[flag + 1]) || 9) : 9;
  const keepFlag = process.argv.indexOf("--bewaar");
  const keep = keepFlag > 0 ? process.argv[keepFlag + 1] : undefined;
  const rowsFlag = process.argv.includes("--rijen");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-bench-"));
  const variants: Variant[] = [
    { label: "groot", staff: STAFF, extraColumns: 0 },
    { label: "breed", staff: STAFF, extraColumns: WIDE_COLUMNS - 5 },
  ];
  // --rijen: the same workbook with 4× the staff rows, to see memory against the number of rows.
  if (rowsFlag) variants.push({ label: "groot-4x", staff: STAFF * 4, extraColumns: 0 });
  try {
    let ok = true;
    for (const v of variants) ok = (await benchVariant(v, reps, dir, keep)) && ok;
    console.log(``);
    console.log(ok ? "Alle varianten binnen doel (≤ 1,0× een kale exceljs-lezing)." : "Niet alle varianten binnen doel.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
