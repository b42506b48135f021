/**
 * Benchmark of the CLI check on a large workbook: 1 000 locations in the coaching and
 * beleid tables and 10 000 staff rows. Measures, in one run, a bare exceljs readFile of the
 * file against the full check (read + snapshot + engine), several repetitions each
 * (interleaved), and prints the medians and their ratio (target ≤ 1,25×). Prints only.
 *
 *   npx tsx scripts/bench.ts [--herhalingen N] [--bewaar groot.xlsx]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { checkFile } from "../cli/check-file";
import { loadWorkbook, workbookSnapshot } from "../cli/read-xlsx";
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

function largeWorkbook(): WorkbookSnapshot {
  const weekly = Array.from({ length: STAFF }, (_, i) => [16, 20, 24, 28, 32, 36][i % 6]);
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
  const staffLast = staffFirst + STAFF - 1;
  const perStaff = coachingTotal / STAFF;
  const staff: CellInput[][] = [
    [`Pedagogisch medewerkers op 1 januari ${YEAR}`],
    [],
    ["Naam", "Functie", "Contract", "Uren per week", `Coachuren ${YEAR}`],
    ...weekly.map((h, i) => [`Medewerker ${i + 1}`, "Pedagogisch medewerker", i % 10 === 9 ? "flex (0-uren)" : "vast", h, perStaff] as CellInput[]),
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

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--herhalingen");
  const reps = flag > 0 ? Math.max(1, Number(process.argv[flag + 1]) || 9) : 9;
  const keepFlag = process.argv.indexOf("--bewaar");
  const keep = keepFlag > 0 ? process.argv[keepFlag + 1] : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-bench-"));
  const file = path.join(dir, "groot.xlsx");
  try {
    const tGen = await time(() => writeSnapshotXlsx(largeWorkbook(), file));
    const size = fs.statSync(file).size;
    console.log(`Werkmap: ${LOCATIONS} locaties (coaching- en beleidstabel), ${STAFF} medewerkers`);
    console.log(`Bestand: ${formatDutch(size / 1024 / 1024, 2)} MB, geschreven in ${formatDutch(tGen, 0)} ms`);

    // One warm-up of each path (module loading, JIT), not counted.
    await new ExcelJS.Workbook().xlsx.readFile(file);
    const warm = await checkFile(file);
    const roles = warm.result.tables.map((t) => `${t.role} ${t.sheet}!${t.range}`).join("; ");
    console.log(`Controle: jaar ${warm.result.year}, ${warm.result.findings.length} bevindingen, tabellen: ${roles}`);

    const bare: number[] = [];
    const full: number[] = [];
    const snapshotOnly: number[] = [];
    const engineOnly: number[] = [];
    for (let i = 0; i < reps; i++) {
      bare.push(await time(() => new ExcelJS.Workbook().xlsx.readFile(file)));
      full.push(await time(() => checkFile(file)));
      // The parts, for whoever wants to make it faster.
      const wb = await loadWorkbook(file);
      let snapshot: WorkbookSnapshot | undefined;
      snapshotOnly.push(await time(async () => (snapshot = workbookSnapshot(wb, "groot.xlsx"))));
      engineOnly.push(await time(async () => checkWorkbook(snapshot!)));
    }
    const mb = median(bare);
    const mf = median(full);
    const ratio = mf / mb;
    console.log(`Herhalingen: ${reps} (afwisselend), mediaan:`);
    console.log(`  alleen exceljs readFile:                     ${formatDutch(mb, 0).padStart(7)} ms   [${bare.map((t) => formatDutch(t, 0)).join(", ")}]`);
    console.log(`  volledige controle (lezen+snapshot+engine):  ${formatDutch(mf, 0).padStart(7)} ms   [${full.map((t) => formatDutch(t, 0)).join(", ")}]`);
    console.log(`  waarvan snapshot maken (exceljs → snapshot): ${formatDutch(median(snapshotOnly), 0)} ms, engine (checkWorkbook): ${formatDutch(median(engineOnly), 0)} ms`);
    console.log(`  verhouding: ${formatDutch(ratio, 3)}× (doel ≤ 1,25×) ${ratio <= 1.25 ? "binnen doel" : "BOVEN doel"}`);
  } finally {
    if (keep) fs.copyFileSync(file, keep);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
