/**
 * Every rule id the check can report has its own section in docs/regels.md (a heading
 * that names the id in backticks), so a rule added without user documentation fails CI.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../shared/validate/rules/ids";

const doc = fs.readFileSync(path.join(__dirname, "..", "docs", "regels.md"), "utf8");
const headings = doc.split(/\r?\n/).filter((line) => /^#{1,6}\s/.test(line));

describe("docs/regels.md documents every rule id", () => {
  test.each(Object.values(RULES))("rule %s has a section", (id) => {
    expect(headings.some((h) => h.includes("`" + id + "`"))).toBe(true);
  });

  test("no section for a rule id that does not exist", () => {
    const ids = new Set<string>(Object.values(RULES));
    const documented = headings.flatMap((h) => [...h.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));
    expect(documented.filter((id) => !ids.has(id))).toEqual([]);
  });
});
