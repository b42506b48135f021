/**
 * Many workbooks in one run: files and folders, per-file reports then one summary table,
 * one JSON array, the summary workbook (--overzicht), the worst exit code, progress only on
 * a terminal. The workbooks are built by test/fixtures/batch/make.ts.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { run, type Io } from "../cli/main";
import { expandInputs } from "../cli/batch";
import { writeSnapshotXlsx } from "../examples/generate";
import { formationConflictPlan, makeBatchFixtures, type BatchFixtures } from "./fixtures/batch/make";
import { makeTempDir, runCli } from "./helpers/xlsx";

let f: BatchFixtures;
let root: string;
beforeAll(async () => {
  root = makeTempDir("cli-batch");
  f = await makeBatchFixtures(path.join(root, "map"));
  // A sub-folder's workbook is never taken: a folder is not searched recursively.
  fs.mkdirSync(path.join(f.dir, "archief"));
  fs.copyFileSync(f.good, path.join(f.dir, "archief", "oud.xlsx"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Entry = { file: string; error?: string; formation?: number | null; complete?: boolean; findings?: Array<{ severity: string }> };

/** The folder's files in the order a batch takes them (sorted by name; "=" sorts before letters). */
const folderOrder = () => [f.formulaName, f.good, f.broken, f.formation, f.xlsm, f.empty, f.odsAsXlsx];

describe("the inputs of a batch", () => {
  test("a folder is its .xlsx/.xlsm files, sorted by name, not recursive, without lock files or other files", () => {
    expect(expandInputs([f.dir])).toEqual(folderOrder().map((file) => ({ file })));
  });

  test("files and folders keep the order given; an empty folder is an input with its Dutch reason", () => {
    const empty = path.join(root, "leeg");
    fs.mkdirSync(empty, { recursive: true });
    const inputs = expandInputs([f.csv, empty, f.good]);
    expect(inputs).toEqual([{ file: f.csv }, { file: empty, error: `De map "${empty}" bevat geen .xlsx- of .xlsm-bestanden.` }, { file: f.good }]);
  });
});

describe("a folder plus unusable files, as text", () => {
  let out: ReturnType<typeof runCli>;
  beforeAll(() => {
    out = runCli(["check", f.dir, f.ods, f.xlsb, f.csv]);
  });

  test("the exit code is the worst of the files: 2 (unusable files), and the batch did not stop at them", () => {
    expect(out.code).toBe(2);
    // Every file has its own report, in order.
    const order = [...folderOrder(), f.ods, f.xlsb, f.csv].map((file) => out.stdout.indexOf(`Controle van ${file}`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test("per-file reports end with their verdict; an unusable file says why in Dutch", () => {
    expect(out.stdout).toContain(`Controle van ${f.empty}\n\nNiet te controleren: Het bestand "e-leeg.xlsx" is leeg.`);
    expect(out.stdout).toContain("Oordeel: NIET IN ORDE");
    expect(out.stdout).toContain("Oordeel: in orde");
  });

  test("then one summary table: bestand, jaar, vereist, gepland, formatie, marge, oordeel", () => {
    const summary = out.stdout.slice(out.stdout.indexOf("Overzicht: "));
    const lines = summary.trimEnd().split("\n");
    expect(lines[0]).toBe("Overzicht: 10 bestanden, 5 gecontroleerd, 5 onbruikbaar");
    expect(lines[1]).toMatch(/^ {2}Bestand +Jaar +Vereist +Gepland +Formatie +Marge +Oordeel$/);
    const row = (file: string) => lines.find((l) => l.startsWith(`  ${file} `))!;
    expect(row(f.good)).toMatch(/ 2026 +1\.433,7 uur +2\.010 uur +2\.496 uur \(1,33 fte\) +\+1\.062,3 uur +In orde$/);
    expect(row(f.broken)).toMatch(/ 2026 .* Niet in orde$/);
    expect(row(f.formation)).toMatch(/ 2026 +130 uur +130 uur +2\.496 uur \(1,33 fte\) +\+2\.366 uur +In orde, met waarschuwingen$/);
    expect(row(f.xlsm)).toMatch(/ 2026 .* In orde$/);
    expect(row(f.ods)).toContain("Onbruikbaar: Het bestand \"f-open.ods\" is een OpenDocument-bestand; sla het op als .xlsx");
    expect(row(f.csv)).toContain("Onbruikbaar: Het bestand \"i-lijst.csv\" is een CSV-bestand");
    expect(lines).toHaveLength(2 + 10);
  });

  test("stderr is not a terminal here: no progress lines, nothing on stderr", () => {
    expect(out.stderr).toBe("");
  });
});

describe("exit codes of a batch without unusable files", () => {
  test("all good → 0; one with errors → 1", () => {
    expect(runCli(["check", f.good, f.xlsm]).code).toBe(0);
    expect(runCli(["check", f.good, f.broken, f.xlsm]).code).toBe(1);
  });

  test("a file with warnings only is no error (0); an incomplete check is never green (1)", async () => {
    expect(runCli(["check", f.formation, f.good]).code).toBe(0);
    // Without the fte of the staff the coaching norm is unknown: incomplete.
    const wb = formationConflictPlan();
    wb.sheets[0].values.splice(2, 1);
    const incomplete = path.join(root, "onvolledig.xlsx");
    await writeSnapshotXlsx(wb, incomplete);
    expect(runCli(["check", f.good, incomplete]).code).toBe(1);
    const list = JSON.parse(runCli(["check", f.good, incomplete, "--json"]).stdout) as Entry[];
    expect(list[1].complete).toBe(false);
  });
});

describe("--json with more than one file", () => {
  test("one JSON array of per-file objects, each with `file` first; an unusable file is { file, error }", () => {
    const out = runCli(["check", f.good, f.ods, f.broken, "--json"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("");
    const list = JSON.parse(out.stdout) as Entry[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((e) => e.file)).toEqual([f.good, f.ods, f.broken]);
    expect(Object.keys(list[0])[0]).toBe("file");
    expect(Object.keys(list[0])).toEqual(["file", "year", "inputs", "required", "planned", "formation", "formationFte", "margin", "findings", "complete", "missing", "options", "vacancyHours", "leave", "money", "realised", "realisation"]);
    expect(list[0].formation).toBe(2496);
    expect(list[1]).toEqual({ file: f.ods, error: expect.stringContaining("OpenDocument-bestand; sla het op als .xlsx") });
    expect(list[2].findings!.some((x) => x.severity === "error")).toBe(true);
  });

  test("a folder alone is a batch too: an array, even with one file in it", () => {
    const one = path.join(root, "een");
    fs.mkdirSync(one, { recursive: true });
    fs.copyFileSync(f.good, path.join(one, "plan.xlsx"));
    const list = JSON.parse(runCli(["check", one, "--json"]).stdout) as Entry[];
    expect(list).toHaveLength(1);
    expect(list[0].file).toBe(path.join(one, "plan.xlsx"));
  });

  test("one file stays one JSON object, as before", () => {
    const parsed: unknown = JSON.parse(runCli(["check", f.good, "--json"]).stdout);
    expect(Array.isArray(parsed)).toBe(false);
    expect(parsed).not.toHaveProperty("file");
  });

  test("a mapping that fits one workbook and not another: that file is unusable, the others are checked", () => {
    const map = path.join(root, "koppeling.json");
    fs.writeFileSync(map, JSON.stringify({ versie: 1, tabellen: [{ blad: "Verdeling 2026", bereik: "A3:F20", rol: "coaching" }] }));
    const out = runCli(["check", f.good, f.formulaName, "--json", "--map", map]);
    expect(out.code).toBe(2);
    const list = JSON.parse(out.stdout) as Entry[];
    expect(list[0].complete).toBe(true);
    expect(list[1]).toEqual({ file: f.formulaName, error: expect.stringContaining("De koppeling noemt blad 'Verdeling 2026'") });
  });
});

describe("--overzicht: the summary as a workbook", () => {
  let ws: ExcelJS.Worksheet;
  let out: ReturnType<typeof runCli>;
  const target = () => path.join(root, "overzicht.xlsx");
  beforeAll(async () => {
    out = runCli(["check", f.dir, f.csv, "--overzicht", target(), "--uurtarief", "50"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target());
    ws = wb.worksheets[0];
  });

  test("Dutch headers, one row per file (unusable files too, with their reason)", () => {
    expect(out.code).toBe(2);
    expect(ws.name).toBe("Overzicht");
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Bestand",
      "Jaar",
      "Vereist (uren)",
      "Gepland (uren)",
      "Formatie (uren)",
      "Formatie (fte)",
      "Marge (uren)",
      "Marge (fte)",
      "Marge (euro)",
      "Oordeel",
      "Fouten",
      "Waarschuwingen",
      "Toelichting",
    ]);
    expect(ws.rowCount).toBe(1 + 8);
    const files = [...folderOrder(), f.csv];
    files.forEach((file, i) => expect(ws.getRow(i + 2).getCell(1).value).toBe(file));
    const csvRow = ws.getRow(9);
    expect(csvRow.getCell(10).value).toBe("Onbruikbaar");
    expect(String(csvRow.getCell(13).value)).toContain("CSV-bestand");
    // Nothing known about an unusable file: empty cells, never 0.
    expect(csvRow.getCell(2).value).toBeNull();
    expect(csvRow.getCell(3).value).toBeNull();
  });

  test("numbers are numbers: year, required, planned, formation, margin (hours, fte, euros), counts", () => {
    const good = ws.getRow(3); // a-goed.xlsx
    expect(good.getCell(1).value).toBe(f.good);
    const nums = [2, 3, 4, 5, 6, 7, 8, 9, 11, 12].map((c) => good.getCell(c));
    for (const cell of nums) expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(good.getCell(2).value).toBe(2026);
    expect(good.getCell(3).value).toBe(1433.7);
    expect(good.getCell(4).value).toBe(2010);
    expect(good.getCell(5).value).toBe(2496);
    expect(good.getCell(6).value).toBeCloseTo(2496 / 1872, 12);
    expect(good.getCell(7).value).toBeCloseTo(1062.3, 9);
    expect(good.getCell(9).value).toBeCloseTo(1062.3 * 50, 6);
    expect(good.getCell(10).value).toBe("In orde");
    expect(good.getCell(11).value).toBe(0);
  });

  test("a file name starting with '=' stays text, never a formula", () => {
    const first = ws.getRow(2).getCell(1);
    expect(first.value).toBe(f.formulaName);
    expect(path.basename(String(first.value)).startsWith("=")).toBe(true);
    expect(first.type).toBe(ExcelJS.ValueType.String);
    expect(first.formula).toBeUndefined();
  });

  test("it also works with one file, whose output on stdout stays the single-file report", () => {
    const one = path.join(root, "een-overzicht.xlsx");
    const single = runCli(["check", f.good, "--overzicht", one]);
    expect(single.code).toBe(0);
    expect(single.stdout).not.toContain("Overzicht:");
    expect(fs.existsSync(one)).toBe(true);
  });

  test("a summary written into a folder being checked is no input of the next run", () => {
    const folder = path.join(root, "herhaal");
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(f.good, path.join(folder, "plan.xlsx"));
    const summary = path.join(folder, "overzicht.xlsx");
    for (let i = 0; i < 2; i++) {
      const again = runCli(["check", folder, "--json", "--overzicht", summary]);
      expect(again.code).toBe(0);
      expect((JSON.parse(again.stdout) as Entry[]).map((e) => e.file)).toEqual([path.join(folder, "plan.xlsx")]);
    }
  });

  test("it never overwrites an input file, and a path that cannot be written is a Dutch error (exit 2)", () => {
    const before = fs.readFileSync(f.good);
    const clash = runCli(["check", f.good, f.broken, "--overzicht", f.good]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("zou een van de te controleren bestanden overschrijven");
    expect(fs.readFileSync(f.good).equals(before)).toBe(true);
    const nowhere = runCli(["check", f.good, f.broken, "--overzicht", path.join(root, "bestaat-niet", "o.xlsx")]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^ikk-normen: Het overzicht ".*" kan niet geschreven worden: de map ".*" bestaat niet\.$/m);
    expect(nowhere.stderr).not.toMatch(/\n\s+at /);
    // Said before any file is checked: no per-file report on stdout.
    expect(nowhere.stdout).toBe("");
  });

  test("a FIFO as the summary is refused before anything is written (it would block)", () => {
    const fifo = path.join(root, "pijp.xlsx");
    const made = require("child_process").spawnSync("mkfifo", [fifo]);
    if (made.status !== 0) throw new Error("mkfifo is needed for this test");
    const r = runCli(["check", f.good, "--overzicht", fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("kan niet geschreven worden: dat is geen gewoon bestand");
    expect(r.stdout).toBe("");
  });
});

describe("progress on stderr, only when stderr is a terminal (one process for the batch)", () => {
  const io = (tty: boolean) => {
    const out = { stdout: "", stderr: "" };
    const io: Io = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), stderrIsTty: tty };
    return { io, out };
  };

  test("a terminal: one line per file, then a closing line; stdout as without a terminal", async () => {
    const tty = io(true);
    const code = await run(["node", "ikk-normen", "check", f.good, f.empty, "--json"], tty.io);
    expect(code).toBe(2);
    expect(tty.out.stderr.split("\n")).toEqual([`[1/2] ${f.good}`, `[2/2] ${f.empty}`, "Klaar: 2 bestanden, 1 onbruikbaar.", ""]);
    const plain = io(false);
    expect(await run(["node", "ikk-normen", "check", f.good, f.empty, "--json"], plain.io)).toBe(2);
    expect(plain.out.stderr).toBe("");
    expect(plain.out.stdout).toBe(tty.out.stdout);
  });
});
