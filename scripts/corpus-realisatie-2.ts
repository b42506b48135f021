/**
 * Scores the second held-out realisation corpus (test/fixtures/realisatie-2): per workbook
 * pass/fail with the differences, then "N van M werkmappen goed". Needs `npm run build`.
 * Run: npx tsx scripts/corpus-realisatie-2.ts
 */
import { checkWorkbook, corpus2Names, loadExpectation } from "../test/helpers/realisatie-corpus-2";

let good = 0;
const names = corpus2Names();
for (const name of names) {
  const problems = checkWorkbook(name);
  const layout = loadExpectation(name).layout;
  if (problems.length === 0) {
    good++;
    console.log(`GOED  ${name} (${layout})`);
  } else {
    console.log(`FOUT  ${name} (${layout})`);
    for (const p of problems) console.log(`      - ${p}`);
  }
}
console.log(`${good} van ${names.length} werkmappen goed`);
