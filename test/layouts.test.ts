/**
 * The layout corpus (test/fixtures/layouts, written by generate.ts): for every workbook the
 * CLI, run in-process, must give the hand-computed year, inputs, required and planned hours,
 * formation, completeness, exit code and the required findings (rule, sheet, cell), and none
 * of the forbidden error rules. See the issue "Trustworthy verdict" (issues show 8).
 */
import * as fs from "fs";
import * as path from "path";
import { checkInProcess, corpus, differences, falseGreen } from "./fixtures/layouts/compare";

const DIR = path.join(__dirname, "fixtures", "layouts");
const cases = corpus(DIR);

jest.setTimeout(60_000);

describe("the layout corpus itself", () => {
  test("at least 28 workbooks, at least 10 breaking the law, at least 3 saved by LibreOffice", () => {
    expect(cases.length).toBeGreaterThanOrEqual(28);
    expect(cases.filter((c) => c.expected.breaksLaw).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.expected.libreoffice).length).toBeGreaterThanOrEqual(3);
  });

  test("every expected.json has its generated workbook and every workbook its expected.json", () => {
    for (const c of cases) expect(fs.existsSync(c.xlsx) ? c.base : `${c.base}: .xlsx ontbreekt`).toBe(c.base);
    const xlsx = fs.readdirSync(DIR).filter((f) => /^\d+-.*\.xlsx$/.test(f)).map((f) => f.replace(/\.xlsx$/, ""));
    expect(xlsx.sort()).toEqual(cases.map((c) => c.base).sort());
  });

  test("every expectation carries its hand arithmetic and a consistent verdict", () => {
    for (const c of cases) {
      const e = c.expected;
      expect(e.arithmetic.length).toBeGreaterThan(20);
      expect([0, 1, 2]).toContain(e.exit);
      if (e.exit === 0) expect(e.complete).toBe(true);
      if (!e.complete) expect(e.exit).toBe(1);
      if (e.breaksLaw) expect(e.exit).toBe(1);
    }
  });
});

describe.each(cases.map((c) => [c.base, c] as const))("%s", (_base, c) => {
  test(`${c.expected.class}: ${c.expected.breaksLaw ? "breaks the law" : c.expected.complete ? "keeps the law" : "cannot be judged"} → exit ${c.expected.exit}`, async () => {
    const actual = await checkInProcess(c.xlsx, c.expected.flags);
    const diffs = differences(c.expected, actual);
    if (falseGreen(c.expected, actual)) diffs.unshift("FALSE GREEN: exit 0 (in orde) for a plan that is not in order");
    expect(diffs).toEqual([]);
  });
});
