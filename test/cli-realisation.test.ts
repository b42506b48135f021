/**
 * Issue 12 on the command line: --peildatum (dd-mm-jjjj or jjjj-mm-dd, default today),
 * --signaal-vanaf (1–12 or a month name), the `realised` and `realisation` keys of --json
 * and the "Realisatie per …" block of the text report. Needs the build.
 */
import * as fs from "fs";
import * as path from "path";
import { writeSnapshotXlsx } from "../examples/generate";
import { buildSheet } from "../shared/validate";
import type { JsonReport } from "../shared/validate";
import { RULES } from "../shared/validate/rules/ids";
import { smallPlanSheet } from "./helpers/small-plan";
import { makeTempDir, runCli } from "./helpers/xlsx";
import { alertMonthFrom, referenceDateFrom, todayIso } from "../cli/options";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = makeTempDir("cli-real");
  file = path.join(dir, "realisatie.xlsx");
  const staff = buildSheet("Medewerkers", [
    ["Naam", "Functie", "Contracturen per week", "Locatie"],
    ["An", "Pedagogisch medewerker", 36, "Dommelen"],
    ["Bob", "Pedagogisch medewerker", 36, "Budel"],
    ["Cor", "Pedagogisch medewerker", 36, "Budel"],
  ]);
  // 18 of the 30 planned coaching hours (60 %), Cor not coached.
  const real = buildSheet("Realisatie", [
    ["Realisatie 2026"],
    [],
    ["Maand", "Locatie", "Onderdeel", "Uren", "Medewerker (bij coaching)", "Toelichting"],
    ["januari", "Dommelen", "Coaching", 6, "An", ""],
    ["maart", "Budel", "Coaching", 6, "Bob", ""],
    ["september", "Dommelen", "Coaching", 6, "An", ""],
  ]);
  await writeSnapshotXlsx({ sheets: [smallPlanSheet(), staff, real] }, file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (args: string[]) => JSON.parse(runCli(["check", file, "--json", ...args]).stdout) as JsonReport;

test("--peildatum 01-10-2026 --json: fraction 0,75, expected and projected, the warning at Cor's row", () => {
  const j = json(["--peildatum", "01-10-2026"]);
  expect(j.planned).toEqual({ policy: 100, coaching: 30, ve: 0, total: 130 });
  expect(j.realised).toEqual({ policy: null, coaching: 18, ve: null, total: 18 });
  expect(j.realisation).toMatchObject({ asOf: "2026-10-01", fraction: 0.75, expected: { coaching: 22.5 }, notCoached: [{ sheet: "Medewerkers", cell: "A4" }] });
  expect(j.realisation!.projected.coaching).toBeCloseTo(24, 10);
  expect(j.findings).toContainEqual(expect.objectContaining({ rule: RULES.STAFF_NOT_COACHED_YET, severity: "warning", sheet: "Medewerkers", cell: "A4" }));
  expect(Object.keys(j).slice(-2)).toEqual(["realised", "realisation"]);
});

test("jjjj-mm-dd works too; --signaal-vanaf november gives only an info", () => {
  const j = json(["--peildatum", "2026-10-01", "--signaal-vanaf", "november"]);
  const n = j.findings.filter((f) => f.rule === RULES.STAFF_NOT_COACHED_YET);
  expect(n.map((f) => f.severity)).toEqual(["info"]);
  const k = json(["--peildatum", "2026-10-01", "--signaal-vanaf", "11"]);
  expect(k.findings.filter((f) => f.rule === RULES.STAFF_NOT_COACHED_YET).map((f) => f.severity)).toEqual(["info"]);
});

test("without --peildatum the CLI compares at today's date", () => {
  const before = todayIso(new Date());
  const j = json([]);
  const after = todayIso(new Date());
  expect([before, after]).toContain(j.realisation!.asOf);
});

test("an invalid --peildatum or --signaal-vanaf: a Dutch error, exit 2", () => {
  for (const args of [["--peildatum", "31-02-2026"], ["--peildatum", "morgen"], ["--signaal-vanaf", "13"], ["--signaal-vanaf", "herfst"]]) {
    const r = runCli(["check", file, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--peildatum|--signaal-vanaf/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
  }
});

test("the text report has the Realisatie block in Dutch numbers", () => {
  const r = runCli(["check", file, "--peildatum", "01-10-2026"]);
  expect(r.stdout).toContain("Realisatie per 01-10-2026 (75 % van het jaar):");
  expect(r.stdout).toMatch(/Coaching\s+18 uur\s+22,5 uur\s+24 uur/);
});

test("option parsing: dates and months", () => {
  expect(referenceDateFrom("1-10-2026")).toBe("2026-10-01");
  expect(referenceDateFrom("2026-10-01")).toBe("2026-10-01");
  expect(() => referenceDateFrom("2026-02-29")).toThrow(/--peildatum/);
  expect(alertMonthFrom("september")).toBe(9);
  expect(alertMonthFrom("okt")).toBe(10);
  expect(() => alertMonthFrom("0")).toThrow(/--signaal-vanaf/);
});

test("batch mode takes the options too", () => {
  const r = runCli(["check", file, file, "--json", "--peildatum", "01-10-2026"]);
  const list = JSON.parse(r.stdout) as (JsonReport & { file: string })[];
  expect(list).toHaveLength(2);
  for (const j of list) expect(j.realisation).toMatchObject({ asOf: "2026-10-01", fraction: 0.75 });
});
