/**
 * The formation through the built CLI: the fte printed is the formation hours used ÷
 * (urenPerFteWeek × formatieWekenPerJaar), 2 decimals in text, raw in JSON; the margin and
 * its text use the same figure; `--json` has formationFte and margin { hours, fte, euros }
 * beside the keys it always had.
 */
import * as fs from "fs";
import * as path from "path";
import { normForYear } from "../shared/norms";
import type { JsonReport } from "../shared/validate";
import { formationConflictPlan } from "./fixtures/batch/make";
import { writeSnapshotXlsx } from "../examples/generate";
import { EXAMPLES, makeTempDir, runCli } from "./helpers/xlsx";

const PLAN_2026 = path.join(EXAMPLES, "plan-2026.xlsx");
const norm = normForYear(2026);
const PER_FTE = norm.urenPerFteWeek * norm.formatieWekenPerJaar; // 1 872

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cli-formation");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (args: string[]): JsonReport => JSON.parse(runCli(args).stdout) as JsonReport;

describe("--formatie 1000 on the 2026 example (workbook: 2 496 h, 1,33 fte)", () => {
  test("text: 1.000 uur is 0,53 fte (not the workbook's 1,33); the shortage 433,7 h is 0,23 fte on every line", () => {
    const run = runCli(["check", PLAN_2026, "--formatie", "1000"]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines).toContain("Formatie: 1.000 uur (0,53 fte) – opgegeven formatie in uren");
    expect(lines).toContain("Tekort ten opzichte van het vereiste totaal: 433,7 uur (0,23 fte)");
    expect(run.stdout).not.toContain("1,33 fte");
    // No fte with more than 2 decimals anywhere in the text (the old "0,2317 fte").
    expect(run.stdout).not.toMatch(/\d,\d{3,} fte/);
    expect(run.stdout).toContain("tekort 433,7 uur (0,23 fte)");
  });

  test("JSON: formation 1 000, formationFte 1 000 ÷ 1 872 raw, margin in hours and fte, euros null without a rate", () => {
    const r = json(["check", PLAN_2026, "--json", "--formatie", "1000"]);
    expect(r.formation).toBe(1000);
    expect(r.formationFte).toBeCloseTo(1000 / PER_FTE, 12);
    expect(r.margin.hours).toBeCloseTo(1000 - 1433.7, 9);
    expect(r.margin.fte).toBeCloseTo((1000 - 1433.7) / PER_FTE, 12);
    expect(r.margin.euros).toBeNull();
  });

  test("--uurtarief 50 (and Dutch '€ 52,50'): the margin in euros, in JSON and text", () => {
    const r = json(["check", PLAN_2026, "--json", "--formatie", "1000", "--uurtarief", "50"]);
    expect(r.margin.euros).toBeCloseTo(-433.7 * 50, 6);
    const text = runCli(["check", PLAN_2026, "--formatie", "1.000", "--uurtarief", "€ 52,50"]).stdout;
    expect(text).toContain("Tekort ten opzichte van het vereiste totaal: 433,7 uur (0,23 fte; € 22.769,25)");
    const bad = runCli(["check", PLAN_2026, "--uurtarief", "duur"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--uurtarief moet een getal zijn");
  });
});

test("without --formatie the 2026 example shows 2 496 h as 1,33 fte (2 496 ÷ 1 872) and the margin 1 062,3 h as 0,57 fte", () => {
  const run = runCli(["check", PLAN_2026]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("Formatie: 2.496 uur (1,33 fte)");
  expect(run.stdout).toContain("Marge ten opzichte van het vereiste totaal: 1.062,3 uur (0,57 fte)");
  const r = json(["check", PLAN_2026, "--json"]);
  expect(r.formationFte).toBeCloseTo(2496 / PER_FTE, 12);
  expect(r.margin).toEqual({ hours: expect.closeTo(1062.3, 9), fte: expect.closeTo(1062.3 / PER_FTE, 12), euros: null });
});

test("hours and fte that disagree in the workbook (2 496 h, 1,5 fte): the hours win in text, JSON and margin, with a warning at the fte cell", async () => {
  const file = path.join(dir, "formatie-tegenstrijdig.xlsx");
  await writeSnapshotXlsx(formationConflictPlan(), file);
  const run = runCli(["check", file]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("Formatie: 2.496 uur (1,33 fte)");
  expect(run.stdout).toContain("Marge ten opzichte van het vereiste totaal: 2.366 uur (1,26 fte)");
  expect(run.stdout).toMatch(/Uren 2026!B6: Hier staat een formatie van 1,5 fte, maar .*Gebruikt zijn de uren/);
  const r = json(["check", file, "--json"]);
  expect(r.formation).toBe(2496);
  expect(r.formationFte).toBeCloseTo(2496 / PER_FTE, 12);
  expect(r.margin.hours).toBe(2366);
  expect(r.findings).toContainEqual(expect.objectContaining({ rule: "gegevens-tegenstrijdig", severity: "warning", sheet: "Uren 2026", cell: "B6" }));
});

test("--json keeps every key it had, in order, and adds formationFte, margin and options", () => {
  const r = json(["check", path.join(EXAMPLES, "plan-2024.xlsx"), "--json"]);
  expect(Object.keys(r)).toEqual(["year", "inputs", "required", "planned", "formation", "formationFte", "margin", "findings", "complete", "missing", "options", "vacancyHours", "leave", "money", "realised", "realisation"]);
  // No formation in the 2024 plan: everything about it unknown.
  expect(r.formation).toBeNull();
  expect(r.formationFte).toBeNull();
  expect(r.margin).toEqual({ hours: null, fte: null, euros: null });
});
