/**
 * Every rule id has a Dutch name (shared/validate/rule-names.ts), the same words as the
 * heading of its section in docs/regels.md, and no two rules share a name.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../shared/validate/rules/ids";
import { RULE_NAMES, ruleName } from "../shared/validate/rule-names";

const doc = fs.readFileSync(path.join(__dirname, "..", "docs", "regels.md"), "utf8");

/** "#### `coaching-tekort` — Te weinig coachuren" → the words after the dash, per id. */
const docNames = new Map([...doc.matchAll(/^#{1,6}\s+`([a-z0-9-]+)`\s+—\s+(.+?)\s*$/gm)].map((m) => [m[1], m[2]]));

describe("Dutch rule names", () => {
  test.each(Object.values(RULES))("rule %s has a Dutch name, the heading of its section in docs/regels.md", (id) => {
    const name = ruleName(id);
    expect(name).not.toBe(id);
    expect(name.trim()).not.toBe("");
    expect(docNames.get(id)).toBe(name);
  });

  test("the table names exactly the rule ids, and every name is different", () => {
    expect(Object.keys(RULE_NAMES).sort()).toEqual(Object.values(RULES).sort());
    const names = Object.values(RULE_NAMES);
    expect(new Set(names).size).toBe(names.length);
  });
});
