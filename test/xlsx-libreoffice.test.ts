/**
 * Files written by other programs: the examples saved by LibreOffice Calc, a variant with
 * inline strings (as several generators and exports write text), and one whose formula
 * cells carry no cached value (a generator without a calculation engine). The CLI must give
 * the same result as on the originals, and unknown formula values must never count as 0.
 * LibreOffice is required (CI installs it with scripts/install-test-deps.sh).
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../cli/read-xlsx";
import type { Finding } from "../shared/validate/types";
import { RULES } from "../shared/validate/rules/ids";
import {
  cellContents,
  convertWithSoffice,
  dropCachedFormulaValues,
  EXAMPLES,
  inlineSharedStrings,
  makeTempDir,
  runCli,
  sofficePath,
} from "./helpers/xlsx";

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  sofficePath(); // fails with a clear message when LibreOffice is missing
  dir = makeTempDir("lo");
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The JSON report without the fields that name the file. */
function report(file: string): { code: number | null; json: Record<string, unknown> } {
  const run = runCli(["check", file, "--json"]);
  expect(run.stderr).toBe("");
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  delete json.name;
  delete json.file;
  delete json.workbook;
  return { code: run.code, json };
}

describe.each(["plan-2026.xlsx", "plan-2024.xlsx"])("%s", (name) => {
  const original = path.join(EXAMPLES, name);

  test("saved by LibreOffice Calc: same cells and the same check result", async () => {
    const outDir = path.join(dir, "lo-" + name.replace(".xlsx", ""));
    fs.mkdirSync(outDir);
    const converted = convertWithSoffice(original, outDir);
    expect(fs.readFileSync(converted).equals(fs.readFileSync(original))).toBe(false); // really rewritten
    expect(cellContents(await readXlsx(converted))).toEqual(cellContents(await readXlsx(original)));
    expect(report(converted)).toEqual(report(original));
  });

  test("with inline strings instead of shared strings: same cells and result", async () => {
    const out = path.join(dir, "inline-" + name);
    const count = await inlineSharedStrings(original, out);
    expect(count).toBeGreaterThan(20);
    expect(cellContents(await readXlsx(out))).toEqual(cellContents(await readXlsx(original)));
    expect(report(out)).toEqual(report(original));
  });
});

describe.each(["plan-2026.xlsx", "plan-2024.xlsx"])("%s with formula cells without a cached value", (name) => {
  let findings: Finding[];
  let planned: Record<string, number | null>;
  let code: number | null;

  beforeAll(async () => {
    const out = path.join(dir, "zonder-waarden-" + name);
    const dropped = await dropCachedFormulaValues(path.join(EXAMPLES, name), out);
    expect(dropped).toBeGreaterThan(5);
    const run = runCli(["check", out, "--json"]);
    code = run.code;
    const json = JSON.parse(run.stdout) as { findings: Finding[]; planned: Record<string, number | null> };
    findings = json.findings;
    planned = json.planned;
  });

  test("the snapshot has the formula text and a null value", async () => {
    const out = path.join(dir, "zonder-waarden-" + name);
    const wb = await readXlsx(out);
    const formulaCells = wb.sheets.flatMap((s) =>
      (s.formulas ?? []).flatMap((row, r) => row.map((f, c) => ({ f, v: s.values[r][c] })).filter((x) => x.f !== null)),
    );
    expect(formulaCells.length).toBeGreaterThan(5);
    for (const { f, v } of formulaCells) {
      expect(f).toMatch(/^=/);
      expect(v).toBeNull();
    }
  });

  test("the engine warns about formulas without a value", () => {
    const warnings = findings.filter((f) => f.rule === RULES.FORMULA_NO_VALUE);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((f) => f.severity === "warning")).toBe(true);
    expect(code).not.toBe(2);
  });

  test("no unknown value is read as 0: no total errors and no planned part of 0", () => {
    expect(findings.filter((f) => f.rule === RULES.ROW_TOTAL || f.rule === RULES.COLUMN_TOTAL)).toEqual([]);
    for (const v of Object.values(planned)) expect(v).not.toBe(0);
  });
});
