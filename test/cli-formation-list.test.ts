/**
 * Issue 10 items 2 and 3 through the built CLI: the formation from a list of coaches (pro rata
 * for a start date inside the year, a vacancy shown apart), leave and absence (--verlof or a
 * labelled cell: net hours and a net margin that decides a shortage), and money (--uurtarief
 * or a labelled cell: required, formation and margin in euros). Expected figures are worked
 * out by hand from docs/regels.md ("Formatie uit een lijst") with the norm's own figures.
 */
import * as fs from "fs";
import * as path from "path";
import { normForYear } from "../shared/norms";
import type { JsonReport } from "../shared/validate";
import { buildSheet } from "../shared/validate";
import type { CellValue, WorkbookSnapshot } from "../shared/validate/types";
import { writeSnapshotXlsx } from "../examples/generate";
import { smallPlanSheet } from "./helpers/small-plan";
import { makeTempDir, runCli } from "./helpers/xlsx";

const norm = normForYear(2026);
const WEEKS = norm.formatieWekenPerJaar; // 52
const PER_FTE = norm.urenPerFteWeek * WEEKS; // 1 872
/** Tom de Vries from 1 July 2026: 184 of the 365 days of 2026. */
const TOM = (16 * WEEKS * 184) / 365;
const LIST = 24 * WEEKS + TOM;
const VACANCY = 12 * WEEKS;
/** 2 kindercentra × 50 + 3 fte × 10 = 130 h required. */
const REQUIRED = 2 * 50 + 3 * 10;

function plan(extra: CellValue[][] = []): WorkbookSnapshot {
  return {
    sheets: [
      smallPlanSheet(extra),
      buildSheet("Coaches", [
        ["Coach", "Functie", "Uren per week", "Ingangsdatum", "Einddatum", "Status"],
        ["Marieke Jansen", "Coach", 24, "", "", ""],
        ["Tom de Vries", "Beleidsmedewerker", 16, "2026-07-01", "", ""],
        ["Vacature", "Coach", 12, "", "", "open"],
      ]),
    ],
  };
}

let dir: string;
const file = (name: string) => path.join(dir, name);
beforeAll(async () => {
  dir = makeTempDir("cli-formation-list");
  await writeSnapshotXlsx(plan(), file("lijst.xlsx"));
  await writeSnapshotXlsx(plan([["Verlof en verzuim (%)", 10], ["Uurtarief", 60]]), file("cellen.xlsx"));
  await writeSnapshotXlsx(plan([["Formatie coaches (uren per jaar)", 2000]]), file("genoemd.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (args: string[]): JsonReport => JSON.parse(runCli(args).stdout) as JsonReport;

describe("a list of coaches: Σ weekly hours × weeks, pro rata by days, vacancies apart", () => {
  test("JSON: formation 24 × 52 + 16 × 52 × 184/365, its fte from those hours, the vacancy's 12 × 52 apart; no leave, no money", () => {
    const r = json(["check", file("lijst.xlsx"), "--json"]);
    expect(r.formation).toBeCloseTo(LIST, 9);
    expect(r.formationFte).toBeCloseTo(LIST / PER_FTE, 12);
    expect(r.margin.hours).toBeCloseTo(LIST - REQUIRED, 9);
    expect(r.vacancyHours).toBe(VACANCY);
    expect(r.leave).toBeNull();
    expect(r.money).toBeNull();
    expect(r.margin).toEqual({ hours: expect.closeTo(LIST - REQUIRED, 9), fte: expect.closeTo((LIST - REQUIRED) / PER_FTE, 12), euros: null });
  });

  test("text: the formation says how it was computed, the vacancy has its own line, exit 0 (complete, no finding)", () => {
    const run = runCli(["check", file("lijst.xlsx")]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const formation = lines.find((l) => l.startsWith("Formatie: "))!;
    expect(formation).toContain("Formatie: 1.667,42 uur (0,89 fte)");
    expect(formation).toContain("Tom de Vries 16 × 52 × 184/365 dagen (vanaf 01-07-2026)");
    expect(formation).toContain("1 vacature (624 uur) niet meegeteld");
    expect(lines).toContain("Open vacatures: 624 uur per jaar (niet meegeteld in de formatie)");
    expect(run.stdout).not.toContain("Verlof en verzuim");
    expect(run.stdout).not.toContain("In euro");
  });

  test("a stated formation beside the list: a warning at the stated cell naming both figures, the stated one used", () => {
    const r = json(["check", file("genoemd.xlsx"), "--json"]);
    expect(r.formation).toBe(2000);
    const conflict = r.findings.filter((f) => f.rule === "gegevens-tegenstrijdig");
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ severity: "warning", sheet: "Uren 2026", cell: "B5" });
    expect(conflict[0].message).toContain("Hier staat een formatie van 2.000 uur, maar de lijst van coaches/beleidsmedewerkers geeft 1.667,42 uur");
    expect(conflict[0].message).toContain("Gebruikt is de formatie uit deze cel (2.000 uur)");
  });
});

describe("leave and absence (--verlof, a labelled cell): net hours and a net margin", () => {
  test("--verlof 8,5 --uurtarief 50: JSON leave and money, existing keys unchanged", () => {
    const r = json(["check", file("lijst.xlsx"), "--json", "--verlof", "8,5", "--uurtarief", "50"]);
    const net = LIST * (1 - 8.5 / 100);
    expect(r.leave).toEqual({
      percent: 8.5,
      netHours: expect.closeTo(net, 9),
      netMarginHours: expect.closeTo(net - REQUIRED, 9),
      netMarginFte: expect.closeTo((net - REQUIRED) / PER_FTE, 12),
    });
    // The gross margin keeps its meaning; euros of it at the rate.
    expect(r.margin.hours).toBeCloseTo(LIST - REQUIRED, 9);
    expect(r.margin.euros).toBeCloseTo((LIST - REQUIRED) * 50, 6);
    expect(r.money).toEqual({ rate: 50, required: REQUIRED * 50, formation: expect.closeTo(LIST * 50, 6), margin: expect.closeTo((LIST - REQUIRED) * 50, 6) });
  });

  test("text: the net lines and the euro line", () => {
    const run = runCli(["check", file("lijst.xlsx"), "--verlof", "8,5%", "--uurtarief", "50"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toContain("Verlof en verzuim: 8,5 % (opgegeven verlof en verzuim (%)); netto beschikbaar: 1.525,69 uur");
    expect(lines).toContain("Netto marge ten opzichte van het vereiste totaal: 1.395,69 uur (0,75 fte)");
    expect(lines).toContain("In euro (uurtarief € 50): vereist € 6.500; formatie € 83.370,96; marge € 76.870,96");
  });

  test("labelled cells 'Verlof en verzuim (%)' 10 and 'Uurtarief' 60 are read with their cell as source", () => {
    const r = json(["check", file("cellen.xlsx"), "--json"]);
    expect(r.leave?.percent).toBe(10);
    expect(r.leave?.netHours).toBeCloseTo(LIST * 0.9, 9);
    expect(r.money?.rate).toBe(60);
    expect(r.money?.required).toBe(REQUIRED * 60);
    const text = runCli(["check", file("cellen.xlsx")]).stdout;
    expect(text).toContain("Verlof en verzuim: 10 % (label 'Verlof en verzuim (%)' in Uren 2026!B5)");
    // The option wins over the cell.
    expect(json(["check", file("cellen.xlsx"), "--json", "--verlof", "5", "--uurtarief", "40"]).leave?.percent).toBe(5);
    expect(json(["check", file("cellen.xlsx"), "--json", "--uurtarief", "40"]).money?.rate).toBe(40);
  });

  test("the net hours decide a shortage: 140 h covers the 130 h gross, but after 10 % leave 126 h does not (exit 1)", () => {
    const gross = runCli(["check", file("lijst.xlsx"), "--formatie", "140"]);
    expect(gross.code).toBe(0);
    const net = runCli(["check", file("lijst.xlsx"), "--formatie", "140", "--verlof", "10"]);
    expect(net.code).toBe(1);
    expect(net.stdout).toContain("De formatie van 140 uur, na 10 % verlof en verzuim 126 uur, is kleiner dan de 130 uur die nodig zijn; tekort 4 uur (0 fte).");
    expect(net.stdout).toContain("Netto tekort ten opzichte van het vereiste totaal: 4 uur");
  });

  test("--verlof is a percentage from 0 to 100, read the Dutch way; anything else exit 2 with a Dutch message", () => {
    const above = runCli(["check", file("lijst.xlsx"), "--verlof", "101"]);
    expect(above.code).toBe(2);
    expect(above.stderr).toContain("De waarde van --verlof (101) is geen percentage: meer dan 100.");
    const text = runCli(["check", file("lijst.xlsx"), "--verlof", "veel"]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("--verlof moet een getal zijn");
    const negative = runCli(["check", file("lijst.xlsx"), "--verlof", "-3"]);
    expect(negative.code).toBe(2);
  });
});
