/**
 * `ikk-normen nieuw-plan` (the built CLI): the file it writes, refusing to overwrite, a year
 * without a norm, the default year, and --van carrying over last year's locations, staff
 * and formation from the examples.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { defaultPlanYear } from "../cli/new-plan";
import { EXAMPLES, makeTempDir, runCli } from "./helpers/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("nieuw-plan");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The data rows (from row 3) of a sheet, as cell values, until the first row without a value in column A. */
function rows(ws: ExcelJS.Worksheet, cols: number): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = 3; ; r++) {
    const first = ws.getCell(r, 1).value;
    if (first === null || first === undefined || first === "") return out;
    out.push(Array.from({ length: cols }, (_, c) => ws.getCell(r, c + 1).value));
  }
}

test("writes the template: seven sheets, formulas without results, validations, formats, frozen header", async () => {
  const file = path.join(dir, "plan-2027.xlsx");
  const run = runCli(["nieuw-plan", file, "--jaar", "2027"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Nieuw plan 2027 geschreven: ${file}`);
  expect(run.stdout).toContain("50 uur beleid per kindercentrum, 10 uur coaching per fte (1 fte = 36 uur per week), 10 uur VE per doelgroeppeuter");
  const wb = await open(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Normen", "Locaties", "Medewerkers", "Formatie", "Verdeling", "Realisatie", "Overzicht"]);
  const overzicht = wb.getWorksheet("Overzicht")!;
  const need = overzicht.getCell("B11").value as ExcelJS.CellFormulaValue;
  expect(need.formula).toBe('IF(B4="","",B4*Normen!$B$5)');
  expect(need.result).toBeUndefined();
  expect(wb.getWorksheet("Normen")!.getCell("B5").value).toBe(50);
  expect(wb.getWorksheet("Normen")!.getCell("B4").value).toBe(2027);
  const locaties = wb.getWorksheet("Locaties")!;
  expect(locaties.getCell("A3").numFmt).toBe("@");
  expect(locaties.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  const medewerkers = wb.getWorksheet("Medewerkers")!;
  expect(medewerkers.getCell("G2").value).toBe("Coaching ontvangen (uren)");
  const dv = (ws: ExcelJS.Worksheet, a1: string) => (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations.find(a1);
  expect(dv(medewerkers, "C3")).toMatchObject({ type: "list", formulae: ['"Vast,Flex"'] });
  expect(dv(locaties, "A40")).toMatchObject({ type: "custom" });
  expect(dv(locaties, "D3")).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
  const realisatie = wb.getWorksheet("Realisatie")!;
  expect([1, 2, 3, 4, 5, 6].map((c) => realisatie.getCell(2, c).value)).toEqual(["Maand", "Locatie", "Onderdeel", "Uren", "Medewerker (bij coaching)", "Toelichting"]);
  expect(dv(realisatie, "A2002")).toMatchObject({ type: "list" });
  expect(String(dv(realisatie, "A3")!.formulae[0])).toBe('"januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december"');
});

test("refuses to overwrite an existing file (exit 2, Dutch), unless --overschrijven", () => {
  const file = path.join(dir, "bestaat.xlsx");
  fs.writeFileSync(file, "oud");
  const run = runCli(["nieuw-plan", file, "--jaar", "2026"]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain("bestaat al en wordt niet overschreven");
  expect(run.stderr).toContain("--overschrijven");
  expect(fs.readFileSync(file, "utf8")).toBe("oud");
  const again = runCli(["nieuw-plan", file, "--jaar", "2026", "--overschrijven"]);
  expect(again.code).toBe(0);
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
});

test("a year without a norm, a bad year and a name that is no .xlsx: exit 2 with a Dutch message, nothing written", () => {
  const file = path.join(dir, "oud-jaar.xlsx");
  const old = runCli(["nieuw-plan", file, "--jaar", "2018"]);
  expect(old.code).toBe(2);
  expect(old.stderr).toContain("Voor 2018 bestaat geen IKK-norm");
  const bad = runCli(["nieuw-plan", file, "--jaar", "twintig"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--jaar/);
  expect(fs.existsSync(file)).toBe(false);
  const csv = runCli(["nieuw-plan", path.join(dir, "plan.csv")]);
  expect(csv.code).toBe(2);
  expect(csv.stderr).toContain("op .xlsx eindigt");
});

test("the default year: this year, from October on the next", () => {
  expect(defaultPlanYear(new Date(2026, 8, 30))).toBe(2026);
  expect(defaultPlanYear(new Date(2026, 9, 1))).toBe(2027);
  expect(defaultPlanYear(new Date(2027, 0, 5))).toBe(2027);
  const file = path.join(dir, "standaard.xlsx");
  const run = runCli(["nieuw-plan", file]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Nieuw plan ${defaultPlanYear(new Date())} geschreven`);
});

test("--van the 2024 plan: its 11 LRK locations with their toddlers and the 37 staff, flex staff as 13-week hours", async () => {
  const file = path.join(dir, "van-2024.xlsx");
  const source = path.join(EXAMPLES, "plan-2024.xlsx");
  const before = fs.readFileSync(source);
  const run = runCli(["nieuw-plan", file, "--jaar", "2025", "--van", source]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("(plan 2024)");
  expect(run.stdout).toContain("Overgenomen: 11 locaties (11 met LRK-nummer, 4 met doelgroeppeuters), 37 pedagogisch medewerkers.");
  expect(run.stdout).toContain("Niet gevonden: de formatie (coaches en beleidsmedewerkers).");
  expect(fs.readFileSync(source).equals(before)).toBe(true); // only read
  const wb = await open(file);
  const locations = rows(wb.getWorksheet("Locaties")!, 4);
  // plan-2024.ts: the LRK numbers as text, in the order of the list.
  expect(locations.map((r) => r[0])).toEqual([
    "111725185", "648986433", "275855090", "345772982", "458873366", "873105217", "439978804", "146769235", "692622779", "511649174", "849115218",
  ]);
  expect(locations[0][1]).toBe("'t Drakenest");
  expect(locations[6].slice(1, 3)).toEqual(["Rovershol", "BSO"]);
  // The VE table's playgroups: Meander 11 + 3, Pinkeltje 12, 't Draeckske 2, de Boemeltrein 8 = 36.
  expect(Object.fromEntries(locations.filter((r) => r[3] !== null).map((r) => [r[0], r[3]]))).toEqual({ "275855090": 14, "345772982": 12, "458873366": 2, "873105217": 8 });
  const staff = rows(wb.getWorksheet("Medewerkers")!, 6);
  expect(staff).toHaveLength(37);
  expect(staff[0]).toEqual(["Anouk B.", "Pedagogisch medewerker", "Vast", 28, null, null]);
  expect(staff[12][1]).toBe("BBL-student");
  // The two flex staff worked 7,5 and 6,5 hours per week on average: 13 weeks × that.
  expect(staff.filter((r) => r[2] === "Flex").map((r) => [r[3], r[4]])).toEqual([
    [null, 97.5],
    [null, 84.5],
  ]);
  const weekly = staff.reduce((s, r) => s + (typeof r[3] === "number" ? r[3] : 0), 0) + staff.reduce((s, r) => s + (typeof r[4] === "number" ? r[4] / 13 : 0), 0);
  expect(weekly).toBeCloseTo(806, 9); // the 2024 plan's 806 hours per week
  expect(rows(wb.getWorksheet("Formatie")!, 3)).toEqual([]);
  expect(wb.getWorksheet("Normen")!.getCell("B4").value).toBe(2025);
});

test("--van the 2026 plan: 16 locations by name, toddlers matched to the KDV; no LRK numbers, staff or per-person formation", async () => {
  const file = path.join(dir, "van-2026.xlsx");
  const run = runCli(["nieuw-plan", file, "--jaar", "2027", "--van", path.join(EXAMPLES, "plan-2026.xlsx")]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("Overgenomen: 16 locaties (0 met LRK-nummer, 4 met doelgroeppeuters).");
  expect(run.stdout).toContain("LRK-nummers (16 van de 16 locaties)");
  expect(run.stdout).toContain("een lijst met pedagogisch medewerkers");
  expect(run.stdout).toContain("de formatie per persoon (alleen een totaal van 2.496 uur per jaar)");
  const ws = (await open(file)).getWorksheet("Locaties")!;
  expect(ws.getCell("A3").value).toBeNull(); // no LRK number carried
  const named: Record<string, ExcelJS.CellValue> = {};
  for (let r = 3; r < 3 + 16; r++) named[String(ws.getCell(r, 2).value)] = ws.getCell(r, 4).value;
  expect(Object.keys(named)).toHaveLength(16);
  expect(named["KDV Dommelen"]).toBe(6);
  expect(named["BSO Dommelen"]).toBeNull();
  expect(named["KDV Nederweert"]).toBe(4);
  expect(named["KDV Budel"]).toBe(6);
  expect(named["KDV Valkenswaard"]).toBe(5);
  expect(ws.getCell(3, 3).value).toBe("KDV"); // "KDV Borkel & Schaft"
});

test("--van the target itself, or a file that does not exist: exit 2, nothing written", () => {
  const file = path.join(dir, "zelf.xlsx");
  fs.copyFileSync(path.join(EXAMPLES, "plan-2024.xlsx"), file);
  const before = fs.readFileSync(file);
  const same = runCli(["nieuw-plan", file, "--van", file, "--overschrijven"]);
  expect(same.code).toBe(2);
  expect(same.stderr).toContain("kan niet hetzelfde bestand zijn als het oude plan");
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  const missing = runCli(["nieuw-plan", path.join(dir, "nieuw.xlsx"), "--van", path.join(dir, "bestaat-niet.xlsx")]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/bestaat niet|niet gevonden|kan niet/);
  expect(fs.existsSync(path.join(dir, "nieuw.xlsx"))).toBe(false);
});

test("the help lists nieuw-plan", () => {
  const run = runCli(["--help"]);
  expect(run.stdout).toContain("nieuw-plan");
  const own = runCli(["nieuw-plan", "--help"]);
  expect(own.stdout).toContain("--van <OUD.xlsx>");
  expect(own.stdout.replace(/\s+/g, " ")).toContain("standaard dit jaar, vanaf oktober het volgende jaar");
});

test("a new plan from --van is read by the check before anyone opens it: the rows' known results are stored", () => {
  const file = path.join(dir, "ongeopend.xlsx");
  expect(runCli(["nieuw-plan", file, "--jaar", "2027", "--van", path.join(EXAMPLES, "plan-2024.xlsx")]).code).toBe(0);
  const run = runCli(["check", file, "--json", "--peildatum", "2027-01-01"]);
  const json = JSON.parse(run.stdout);
  // The 2024 plan's inputs: 11 LRK registrations, 806 h/week of 37 staff (flex as 13-week hours), 36 toddlers.
  expect(json.inputs.centres).toBe(11);
  expect(json.inputs.fte).toBeCloseTo(806 / 36, 9);
  expect(json.inputs.targetToddlers).toBe(36);
  expect(json.required.policy).toBe(550);
  expect(json.required.ve).toBe(360);
  // Nothing is planned yet: the shortfalls are errors, never "in orde".
  expect(run.code).toBe(1);
  expect(json.planned.policy).toBe(0);
  // No per-row formula of the input sheets is left unknown ("" on empty rows, names, toddlers × 10, weekly × 52).
  const unknown = json.findings.filter((f: { message: string; sheet: string }) => /zonder opgeslagen uitkomst/.test(f.message) && f.sheet !== "Overzicht");
  expect(unknown).toEqual([]);
});
