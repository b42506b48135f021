/**
 * No regular expression in shared/ has the shapes that backtrack super-linearly on cell text
 * (issue 11, item 2): see regex-audit.ts for the shapes. The audit reads every regular
 * expression literal in shared/ and the patterns built with new RegExp that are exported.
 */
import * as path from "path";
import { audit, parse, regexLiterals } from "./regex-audit";
import { HEADER_WORD, NAME_HEADER, TODDLER_NOT } from "../../shared/validate/vocabulary";

/**
 * Reviewed: a repeated group holding a repetition, where every repetition starts with a
 * character the inner repetition cannot take (white space after digits or letters), so the
 * input splits between the repetitions in one way only.
 */
const REVIEWED = new Set(["^\\d{9}(\\s+\\d{9})+$", "^[a-z0-9]+(?: [a-z0-9]+)*$"]);

describe("regular expressions in shared/", () => {
  const all = regexLiterals(path.join(__dirname, "../../shared"));

  test("the audit reads every literal (and there are many)", () => {
    expect(all.length).toBeGreaterThan(150);
    for (const r of all) expect(() => parse(r.source)).not.toThrow();
  });

  test("the audit finds the shapes it looks for", () => {
    expect(audit("(\\w)-\\s*[\\r\\n]+\\s*(\\w)", "g").map((p) => p.rule)).toContain("adjacent");
    expect(audit("\\s*\\n\\s*", "g").map((p) => p.rule)).toContain("leading");
    expect(audit("^[\\s:–-]+|[\\s:–-]+$", "g").map((p) => p.rule)).toContain("leading");
    expect(audit("^\\s*x\\s*[:–-]?\\s*", "i").map((p) => p.rule)).toContain("adjacent");
    expect(audit("(a+)+b", "").map((p) => p.rule)).toContain("nested");
    expect(audit("0+$", "")).not.toEqual([]);
    // Safe shapes pass.
    expect(audit("^\\s*(19|20|21)\\d\\d\\s*$", "")).toEqual([]);
    expect(audit("\\s+", "g")).toEqual([]);
    expect(audit("(?:^|[^\\d])(19\\d\\d|20\\d\\d)\\s*[-/–]\\s*((?:19|20|21)?\\d\\d)(?!\\d)", "")).toEqual([]);
  });

  test("no literal has nested or adjacent unbounded repetitions, nor an unanchored leading one", () => {
    const bad = all
      .filter((r) => !REVIEWED.has(r.source))
      .map((r) => ({ at: `${path.relative(path.join(__dirname, "../.."), r.file)}:${r.line}`, regex: `/${r.source}/${r.flags}`, problems: audit(r.source, r.flags) }))
      .filter((r) => r.problems.length > 0);
    expect(bad).toEqual([]);
  });

  test("the exported patterns built with new RegExp pass the audit too", () => {
    for (const re of [HEADER_WORD, NAME_HEADER, TODDLER_NOT]) expect(audit(re.source, re.flags)).toEqual([]);
  });
});
