/**
 * Scoreboard for the realisation corpus (test/fixtures/realisatie, issue 12): per workbook the
 * expected and actual realised / expected / planned hours per part, the overview and the other
 * checks, right or wrong; then "N van M werkmappen goed". Needs the built CLI (npm run build).
 *
 *   npx tsx scripts/corpus-realisatie.ts [--verbose]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cliKnowsPeildatum, loadCorpus, overviewProblems, partRows, realisationProblems, runCheck, runOverview } from "../test/fixtures/realisatie/compare";

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 }).format(x));

function main(): number {
  const verbose = process.argv.includes("--verbose");
  const items = loadCorpus();
  const engine = cliKnowsPeildatum();
  if (!engine) console.log("Let op: `check --help` kent --peildatum niet; de realisatie ontbreekt in de CLI.\n");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-corpus-realisatie-"));
  let good = 0;
  let overviewGood = 0;
  try {
    for (const it of items) {
      const json = runCheck(it, engine);
      const problems = realisationProblems(it, json);
      let ov: string[];
      try {
        ov = overviewProblems(it, runOverview(it, path.join(tmp, `${it.base}.html`)));
      } catch (e) {
        ov = [(e as Error).message];
      }
      const ok = problems.length === 0 && ov.length === 0;
      if (ok) good++;
      if (ov.length === 0) overviewGood++;
      console.log(`${ok ? "goed" : "FOUT"}  ${it.base}  (peildatum ${it.exp.asOf}, f = ${fmt(it.exp.fraction)})`);
      for (const r of partRows(it, json))
        if (verbose || !r.ok || r.part === "total") console.log(`      ${r.ok ? "ok  " : "fout"} ${r.what.padEnd(12)} ${r.part.padEnd(8)} verwacht ${fmt(r.expected).padStart(9)}  werkelijk ${fmt(r.actual).padStart(9)}`);
      const other = problems.filter((p) => !/^(gerealiseerd|verwacht|jaareinde|gepland) (policy|coaching|ve|total):/.test(p));
      for (const p of other.slice(0, verbose ? 50 : 4)) console.log(`      fout ${p}`);
      if (other.length > (verbose ? 50 : 4)) console.log(`      … en ${other.length - 4} meer`);
      console.log(`      overzicht: ${ov.length === 0 ? "goed" : `${ov.length} probleem/problemen: ${ov.slice(0, 3).join("; ")}`}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\noverzicht goed in ${overviewGood} van ${items.length} werkmappen`);
  console.log(`${good} van ${items.length} werkmappen goed`);
  return good === items.length ? 0 : 1;
}

process.exitCode = main();
