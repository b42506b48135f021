/**
 * For developers: the check's figures next to a fixture's expected ones, with the findings
 * that are not information and what is missing.
 *
 *   npx tsx scripts/explain-fixture.ts test/fixtures/layouts/NN-slug.xlsx
 */
import * as fs from "fs";
import { run } from "../cli/main";

async function main(): Promise<void> {
  const file = process.argv[2];
  const exp = JSON.parse(fs.readFileSync(file.replace(/\.xlsx$/, ".expected.json"), "utf8"));
  let out = "";
  const code = await run(["node", "ikk-normen", "check", file, "--json", ...(exp.flags ?? [])], { stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t) });
  const d = JSON.parse(out);
  const j = (x: unknown) => JSON.stringify(x);
  console.log("GOT", "inputs", j(d.inputs), "req", j(d.required), "plan", j(d.planned), "form", d.formation, "complete", d.complete, "exit", code);
  console.log("EXP", "inputs", j(exp.inputs), "req", j(exp.required), "plan", j(exp.planned), "form", exp.formation, "complete", exp.complete, "exit", exp.exit);
  console.log("EXP findings", j(exp.findings));
  for (const f of d.findings) if (f.severity !== "info") console.log(" ", f.severity, f.rule, f.sheet, f.cell, f.message.slice(0, 260));
  for (const m of d.missing) console.log("  missing:", m.slice(0, 200));
}

void main();
