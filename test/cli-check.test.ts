/**
 * End to end: `node bin/ikk-normen.js check ...` on the example workbooks and on broken
 * variants written to a temp dir. Needs the build (npm test runs it before jest).
 */
import * as fs from "fs";
import * as path from "path";
import { writeSnapshotXlsx } from "../examples/generate";
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { parseCell } from "../shared/validate/a1";
import type { CellValue, Finding, WorkbookSnapshot } from "../shared/validate/types";
import { RULES } from "../shared/validate/rules/ids";
import { EXAMPLES, makeTempDir, runCli, type CliRun } from "./helpers/xlsx";

import type { JsonReport } from "../shared/validate";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cli");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const example = (name: string): string => path.join(EXAMPLES, name);

/** stdout must be exactly one JSON object. */
function jsonOf(run: CliRun): JsonReport {
  const parsed: unknown = JSON.parse(run.stdout);
  expect(typeof parsed).toBe("object");
  expect(Array.isArray(parsed)).toBe(false);
  expect(parsed).not.toBeNull();
  return parsed as JsonReport;
}

/** Sets a cell of a snapshot (A1 address), growing the rows; `formula` null removes a formula. */
function setCell(wb: WorkbookSnapshot, sheet: string, a1: string, value: CellValue, formula: string | null = null): void {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { row, col } = parseCell(a1)!;
  while (s.values.length <= row) s.values.push([]);
  while (s.values[row].length <= col) s.values[row].push(null);
  s.values[row][col] = value;
  if (s.formulas) {
    while (s.formulas.length <= row) s.formulas.push([]);
    while (s.formulas[row].length <= col) s.formulas[row].push(null);
    s.formulas[row][col] = formula;
  }
}

function getCell(wb: WorkbookSnapshot, sheet: string, a1: string): CellValue {
  const { row, col } = parseCell(a1)!;
  return wb.sheets.find((x) => x.name === sheet)!.values[row]?.[col] ?? null;
}

async function variant(name: string, edit: (wb: WorkbookSnapshot) => void): Promise<string> {
  const wb = plan2026();
  edit(wb);
  const file = path.join(dir, name);
  await writeSnapshotXlsx(wb, file);
  return file;
}

const ALLOC = "Verdeling 2026";
const errorsOf = (r: JsonReport): Finding[] => r.findings.filter((f) => f.severity === "error");

describe("the 2026 example", () => {
  let run: CliRun;
  let report: JsonReport;
  beforeAll(() => {
    run = runCli(["check", example("plan-2026.xlsx"), "--json"]);
    report = jsonOf(run);
  });

  test("exit 0, nothing on stderr", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(errorsOf(report)).toEqual([]);
  });

  test("required 800 + 423,7 + 210 = 1 433,7 h for 2026", () => {
    expect(report.year).toBe(2026);
    expect(report.required).toMatchObject({ policy: 800, coaching: 423.7, ve: 210, total: 1433.7 });
  });

  test("planned 800 beleid, 1 000 coaching, 210 VE; formation 2 496 h", () => {
    expect(report.planned).toMatchObject({ policy: 800, coaching: 1000, ve: 210 });
    expect(report.formation).toBe(2496);
  });

  test("the human report says it in Dutch and ends with the verdict", () => {
    const text = runCli(["check", example("plan-2026.xlsx")]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Jaar: 2026");
    expect(text.stdout).toMatch(/Coaching\s+1\.000 uur\s+423,7 uur/);
    expect(text.stdout).toMatch(/Totaal\s+2\.010 uur\s+1\.433,7 uur/);
    expect(text.stdout).toContain("Formatie: 2.496 uur");
    expect(text.stdout.trimEnd().split("\n").pop()).toMatch(/^Oordeel: /);
  });

  test("options override the workbook: --fte in Dutch notation changes the coaching norm", () => {
    const r = jsonOf(runCli(["check", example("plan-2026.xlsx"), "--json", "--fte", "50,5", "--jaar", "2026"]));
    expect(r.required.coaching).toBe(505);
    expect(r.required.total).toBe(800 + 505 + 210);
  });
});

describe("the 2024 example", () => {
  test("exit 1 with a coaching shortfall (222 h planned, 223,89 h required)", () => {
    const run = runCli(["check", example("plan-2024.xlsx"), "--json"]);
    expect(run.code).toBe(1);
    const report = jsonOf(run);
    expect(report.year).toBe(2024);
    const coaching = report.findings.filter((f) => f.rule === RULES.COACHING_SHORT);
    expect(coaching).toHaveLength(1);
    expect(coaching[0].severity).toBe("error");
    expect(report.planned.coaching).toBe(222);
    expect(report.required.coaching).toBeCloseTo((806 / 36) * 10, 10);
  });

  test("the text report lists it under Fouten and ends NIET IN ORDE", () => {
    const run = runCli(["check", example("plan-2024.xlsx")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Fouten \(\d+\):/);
    expect(run.stdout).toMatch(/Oordeel: NIET IN ORDE/);
  });
});

describe("broken variants", () => {
  test("a typed-over column total that is wrong → error at that cell, exit 1", async () => {
    const { sheet, cell } = PLAN_2026_CELLS.coachingTotal;
    const file = await variant("verkeerd-totaal.xlsx", (wb) => setCell(wb, sheet, cell, 990));
    const run = runCli(["check", file, "--json"]);
    expect(run.code).toBe(1);
    const found = errorsOf(jsonOf(run)).filter((f) => f.rule === RULES.COLUMN_TOTAL);
    expect(found).toEqual([expect.objectContaining({ sheet, cell, severity: "error" })]);
  });

  test("one VE location short (Dommelen 50 h for 6 toddlers) → ve-tekort error, exit 1", async () => {
    // Verdeling 2026 rows 49-52 are Dommelen, Nederweert, Budel, Valkenswaard; C = 2nd part, G = total.
    const file = await variant("ve-kort.xlsx", (wb) => {
      setCell(wb, ALLOC, "C49", 10);
      setCell(wb, ALLOC, "G49", 50, "=SUM(B49:F49)");
      setCell(wb, ALLOC, "C53", 50, "=SUM(C49:C52)");
      setCell(wb, ALLOC, "G53", 200, "=SUM(G49:G52)");
    });
    const run = runCli(["check", file, "--json"]);
    expect(run.code).toBe(1);
    const report = jsonOf(run);
    const ve = report.findings.filter((f) => f.rule === RULES.VE_SHORT);
    expect(ve).toHaveLength(1);
    expect(ve[0]).toMatchObject({ severity: "error", sheet: ALLOC });
    expect(ve[0].cell).toMatch(/49$/);
    expect(ve[0].message).toMatch(/Dommelen/);
    // The other parts are untouched: no total errors.
    expect(report.findings.filter((f) => f.rule === RULES.ROW_TOTAL || f.rule === RULES.COLUMN_TOTAL)).toEqual([]);
  });

  test("numbers stored as Dutch text are read as numbers", async () => {
    const file = await variant("tekstgetallen.xlsx", (wb) => {
      setCell(wb, "Uren 2026", "B4", "16");
      setCell(wb, "Uren 2026", "B8", "2.496 uur");
      for (let r = 4; r <= 19; r++) {
        const v = getCell(wb, ALLOC, `B${r}`);
        setCell(wb, ALLOC, `B${r}`, String(v));
      }
    });
    const run = runCli(["check", file, "--json"]);
    const report = jsonOf(run);
    expect(errorsOf(report)).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.required).toMatchObject({ policy: 800, total: 1433.7 });
    expect(report.planned).toMatchObject({ coaching: 1000 });
    expect(report.formation).toBe(2496);
  });

  test("text that is not a number in a number column → geen-getal error at that cell, exit 1", async () => {
    const file = await variant("tekst.xlsx", (wb) => setCell(wb, ALLOC, "B5", "twintig"));
    const run = runCli(["check", file, "--json"]);
    expect(run.code).toBe(1);
    const found = jsonOf(run).findings.filter((f) => f.rule === RULES.NOT_A_NUMBER);
    expect(found).toEqual([expect.objectContaining({ sheet: ALLOC, cell: "B5", severity: "error" })]);
    expect(found[0].message).toContain("twintig");
  });

  test("a #REF! cell inside a table → foutwaarde error at that cell, exit 1", async () => {
    const file = await variant("ref.xlsx", (wb) => {
      setCell(wb, ALLOC, "B4", { error: "#REF!" });
      setCell(wb, ALLOC, "F4", { error: "#REF!" }, "=SUM(B4:E4)");
    });
    const run = runCli(["check", file, "--json"]);
    expect(run.code).toBe(1);
    const found = jsonOf(run).findings.filter((f) => f.rule === RULES.ERROR_VALUE);
    expect(found).toContainEqual(expect.objectContaining({ sheet: ALLOC, cell: "B4", severity: "error" }));
    expect(found.find((f) => f.cell === "B4")!.message).toContain("#REF!");
  });

  test("an empty workbook → exit 2 with a Dutch message on stderr and nothing on stdout", async () => {
    const file = path.join(dir, "leeg.xlsx");
    await writeSnapshotXlsx({ sheets: [{ name: "Blad1", values: [] }] }, file);
    const run = runCli(["check", file, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^ikk-normen: .+/);
  });

  test("a text file named .xlsx → exit 2", () => {
    const file = path.join(dir, "csv.xlsx");
    fs.writeFileSync(file, "Locatie;Coachuren\nBudel;60\n");
    const run = runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("geen Excel-werkmap");
    expect(run.stdout).toBe("");
  });

  test("a password-protected workbook (CFB header) → exit 2", () => {
    const file = path.join(dir, "wachtwoord.xlsx");
    const buf = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    fs.writeFileSync(file, buf);
    const run = runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("wachtwoord");
  });

  test("a missing file → exit 2", () => {
    const run = runCli(["check", path.join(dir, "bestaat-niet.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bestaat niet");
  });
});

describe("command line", () => {
  test("Dutch help", () => {
    const run = runCli(["check", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Gebruik: ikk-normen check [opties] <bestand>");
    expect(run.stdout).toContain("--kindercentra <aantal>");
    expect(run.stdout).toContain("toon deze hulp");
  });

  test("bad option values and unknown options → exit 2 with a Dutch message", () => {
    const bad = runCli(["check", example("plan-2026.xlsx"), "--fte", "veel"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--fte moet een getal zijn");
    expect(bad.stdout).toBe("");
    const unknown = runCli(["check", example("plan-2026.xlsx"), "--onzin"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Onbekende optie --onzin");
    const noFile = runCli(["check"]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("Geef het .xlsx-bestand op");
  });

  test("--map: a mapping's facts win over the workbook's labels; a bad mapping → exit 2", () => {
    const good = path.join(dir, "koppeling.json");
    fs.writeFileSync(good, JSON.stringify({ versie: 1, feiten: { kindercentra: 20, formatie_uren: { blad: "Uren 2026", cel: "B8" } } }));
    const r = jsonOf(runCli(["check", example("plan-2026.xlsx"), "--json", "--map", good]));
    expect(r.required.policy).toBe(1000);
    expect(r.formation).toBe(2496);

    const notJson = path.join(dir, "kapot.json");
    fs.writeFileSync(notJson, "{ versie: 1,");
    const bad = runCli(["check", example("plan-2026.xlsx"), "--map", notJson]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("geen geldige JSON");

    const wrongField = path.join(dir, "fout.json");
    fs.writeFileSync(wrongField, JSON.stringify({ versie: 1, tabellen: [{ blad: "Uren 2026", bereik: "A1:B2", rol: "onzin" }] }));
    const wrong = runCli(["check", example("plan-2026.xlsx"), "--map", wrongField]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("tabellen[0].rol");

    const missing = runCli(["check", example("plan-2026.xlsx"), "--map", path.join(dir, "nergens.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("kan niet gelezen worden");
  });

  test("a year before the norm → exit 2", () => {
    const run = runCli(["check", example("plan-2026.xlsx"), "--jaar", "2018"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/2018/);
  });

  test("--json prints exactly one JSON object, also for the 2024 example", () => {
    for (const name of ["plan-2026.xlsx", "plan-2024.xlsx"]) {
      const run = runCli(["check", example(name), "--json"]);
      expect(() => JSON.parse(run.stdout)).not.toThrow();
      expect(run.stdout.trim().startsWith("{")).toBe(true);
      expect(run.stdout.trim().endsWith("}")).toBe(true);
      expect(run.stderr).toBe("");
    }
  });

  test("control characters in a location name do not reach stdout", async () => {
    const evil = "KDV \u001b[31mDommelen\u001b]0;titel\u0007\u0000";
    const file = await variant("stuurtekens.xlsx", (wb) => {
      setCell(wb, ALLOC, "A49", evil);
      // Make that location short so a finding quotes its name.
      setCell(wb, ALLOC, "C49", 10);
      setCell(wb, ALLOC, "G49", 50, "=SUM(B49:F49)");
      setCell(wb, ALLOC, "C53", 50, "=SUM(C49:C52)");
      setCell(wb, ALLOC, "G53", 200, "=SUM(G49:G52)");
    });
    const run = runCli(["check", file]);
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toContain("Dommelen");
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test("the input file is never written: same bytes and mtime after a check", () => {
    const src = example("plan-2024.xlsx");
    const copy = path.join(dir, "onaangeroerd.xlsx");
    fs.copyFileSync(src, copy);
    const old = new Date(Date.UTC(2025, 0, 1));
    fs.utimesSync(copy, old, old);
    const before = fs.readFileSync(copy);
    const mtime = fs.statSync(copy).mtimeMs;
    runCli(["check", copy]);
    runCli(["check", copy, "--json"]);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
    expect(fs.statSync(copy).mtimeMs).toBe(mtime);
  });
});
