/**
 * Scoreboard for a corpus of NN-*.xlsx + NN-*.expected.json (default test/fixtures/layouts):
 * one line per workbook, right or wrong and which fields differ, then
 * "N of M right; false green: K" (false green = exit 0 where the expected exit is not 0).
 *
 *   npx tsx scripts/layouts-score.ts [dir] [--verbose]
 */
import * as path from "path";
import { checkInProcess, corpus, differences, falseGreen } from "../test/fixtures/layouts/compare";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const dir = path.resolve(args.find((a) => !a.startsWith("--")) ?? path.join(__dirname, "..", "test", "fixtures", "layouts"));
  const cases = corpus(dir);
  if (cases.length === 0) {
    console.error(`geen NN-*.expected.json in ${dir}`);
    return 2;
  }
  let right = 0;
  let green = 0;
  const width = Math.max(...cases.map((c) => c.base.length));
  for (const c of cases) {
    const actual = await checkInProcess(c.xlsx, c.expected.flags);
    const diffs = differences(c.expected, actual);
    const fg = falseGreen(c.expected, actual);
    if (fg) green++;
    if (diffs.length === 0) right++;
    const verdict = diffs.length === 0 ? "goed " : fg ? "FOUT!" : "fout ";
    const summary = diffs.length === 0 ? "" : verbose ? diffs.join("; ") : diffs.map((d) => d.split(" ")[0] + (d.startsWith("finding") || d.startsWith("verboden") ? " " + d.split(" ")[1] : "")).join(", ");
    console.log(`${c.base.padEnd(width)}  ${verdict} exit ${actual.exit} (verwacht ${c.expected.exit})${fg ? " FALSE GREEN" : ""}  ${summary}`);
  }
  console.log(`\n${right} of ${cases.length} right; false green: ${green}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
