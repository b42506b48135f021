/**
 * Hidden sheets, archives and sheets of another year (issue 8, item 5): hand-made workbooks
 * where counting the wrong sheet would change the verdict. Hidden and very hidden sheets
 * are left out by default (one info finding, how to include them); archive and other-year
 * sheets never count and never vote on the year; a range mapped 'negeren' does not vote.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import type { CellInput } from "../shared/validate/build";
import type { CheckResult, SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import { isIkkError } from "../shared/errors";
import { checkOptions } from "../shared/panel/view-model";
import { run } from "../cli/main";
import { makeTempDir } from "./helpers/xlsx";

/** Facts plus a policy and a coaching table of two locations; policy/coaching are the planned totals. */
function planRows(title: string | null, centres: number, fte: number, policy: number, coaching: number, place = ["Dommelen", "Budel"]): CellInput[][] {
  return [
    ...(title ? [[title], []] : []),
    ["Aantal kindercentra", centres],
    ["Fte pedagogisch medewerkers", fte],
    ["Aantal doelgroeppeuters", 0],
    [],
    ["Beleidsuren per locatie"],
    ["Locatie", "Beleidsuren"],
    [place[0], policy / 2],
    [place[1], policy / 2],
    [],
    ["Coachuren per locatie"],
    ["Locatie", "Coachuren"],
    [place[0], coaching / 2],
    [place[1], coaching / 2],
  ];
}

const hide = (s: SheetSnapshot, visibility: "hidden" | "veryHidden"): SheetSnapshot => ({ ...s, visibility });
const rules = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);
const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === "error").map((f) => f.rule);

function ikkError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isIkkError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected an IkkError");
}

describe("hidden sheets", () => {
  // 3 kindercentra, 14 fte: 150 policy + 140 coaching needed.
  const visible = buildSheet("Coachplan", planRows("Coachplan 2026", 3, 14, 150, 140));
  // Last year's plan, hidden: other figures that would double the hours and conflict.
  const old = buildSheet("Blad3", planRows("Coachplan 2026", 5, 30, 250, 300, ["Gastel", "Oirschot"]));

  test("a hidden sheet is not counted: hours and facts come from the visible sheet only, one info finding lists it", () => {
    const r = checkWorkbook({ sheets: [visible, hide(old, "hidden")] });
    expect(r.year).toBe(2026);
    expect(r.inputs.centres?.value).toBe(3);
    expect(r.inputs.fte?.value).toBe(14);
    expect(r.planned).toMatchObject({ policy: 150, coaching: 140 });
    expect(r.complete).toBe(true);
    expect(errors(r)).toEqual([]);
    const info = rules(r, RULES.HIDDEN_SHEET);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info", sheet: null, cell: null });
    expect(info[0].message).toContain("'Blad3' (verborgen)");
    expect(info[0].message).toContain("--verborgen-bladen ja");
    expect(info[0].message).toContain("'Verborgen bladen meetellen'");
    expect(r.tables.every((t) => t.sheet === "Coachplan")).toBe(true);
  });

  test("includeHidden counts it: its tables and its facts come back", () => {
    const r = checkWorkbook({ sheets: [visible, hide(old, "hidden")] }, { includeHidden: true });
    expect(rules(r, RULES.HIDDEN_SHEET)).toEqual([]);
    expect(r.tables.some((t) => t.sheet === "Blad3")).toBe(true);
    expect(r.planned.policy).toBe(400);
  });

  test("a plan short on coaching is not made green by hours on a very hidden sheet", () => {
    // 2 kindercentra, 20 fte: 200 coaching needed, 120 planned on the visible sheet.
    const short = buildSheet("Uren", planRows(null, 2, 20, 100, 120));
    const extra = buildSheet("Reserve", [["Coachuren per locatie"], ["Locatie", "Coachuren"], ["Dommelen", 50], ["Budel", 50]]);
    const r = checkWorkbook({ sheets: [short, hide(extra, "veryHidden")] }, { year: 2025 });
    expect(r.planned.coaching).toBe(120);
    expect(errors(r)).toContain(RULES.COACHING_SHORT);
    expect(rules(r, RULES.HIDDEN_SHEET)[0].message).toContain("'Reserve' (zeer verborgen)");
    const all = checkWorkbook({ sheets: [short, hide(extra, "veryHidden")] }, { year: 2025, includeHidden: true });
    expect(all.planned.coaching).toBe(220);
    expect(errors(all)).not.toContain(RULES.COACHING_SHORT);
  });

  test("years on a hidden sheet do not vote: its peildatum 2017 neither wins nor fails the check", () => {
    const notes = buildSheet("Notities", [["Peildatum", "2017-01-01"], ["Versie 1"]]);
    const r = checkWorkbook({ sheets: [hide(notes, "hidden"), buildSheet("Plan 2024", planRows(null, 1, 8, 50, 80))] });
    expect(r.year).toBe(2024);
    expect(r.yearSource).toContain("Plan 2024");
  });

  test("only hidden sheets hold data: a Dutch ONBRUIKBAAR that says how to include them", () => {
    const e = ikkError(() => checkWorkbook({ sheets: [buildSheet("Leeg", []), hide(visible, "hidden")] }));
    expect(e.code).toBe("ONBRUIKBAAR");
    expect(e.message).toContain("'Coachplan' (verborgen)");
    expect(e.message).toContain("--verborgen-bladen ja");
  });

  test("a hidden sheet the mapping names is counted", () => {
    const data = buildSheet("Gegevens", [["Gegevens"], ["Aantal kindercentra", 3], ["Fte pedagogisch medewerkers", 14]]);
    const tables = buildSheet("Verdeling 2026", planRows(null, 3, 14, 150, 140).slice(3));
    const mapping = { versie: 1, feiten: { kindercentra: { blad: "Gegevens", cel: "B2" } } };
    const r = checkWorkbook({ sheets: [hide(data, "hidden"), tables] }, { mapping });
    expect(r.inputs.centres).toMatchObject({ value: 3, source: { sheet: "Gegevens" } });
    expect(rules(r, RULES.HIDDEN_SHEET)).toEqual([]);
  });

  test("a 'negeren' range on a hidden sheet is no error when that sheet is left out", () => {
    const mapping = { versie: 1, tabellen: [{ blad: "Blad3", bereik: "A1:B5", rol: "negeren" }] };
    const r = checkWorkbook({ sheets: [visible, hide(old, "hidden")] }, { mapping });
    expect(r.planned).toMatchObject({ policy: 150, coaching: 140 });
    expect(r.tables.some((t) => t.sheet === "Blad3")).toBe(false);
    // Counted again with includeHidden: the ignored range is listed as ignored.
    const all = checkWorkbook({ sheets: [visible, hide(old, "hidden")] }, { mapping, includeHidden: true });
    expect(all.tables.find((t) => t.sheet === "Blad3" && t.range === "A1:B5")?.role).toBe("ignored");
  });

  test("the panel's checkbox setting becomes includeHidden", () => {
    expect(checkOptions({ version: 1, includeHidden: true })).toEqual({ includeHidden: true });
    expect(checkOptions({ version: 1, includeHidden: false })).toEqual({});
    expect(checkOptions({ version: 1 })).toEqual({});
  });
});

describe("archives and sheets of another year", () => {
  // The 2026 plan is fine: 2 kindercentra, 10 fte → 100 + 100.
  const current = buildSheet("Planning", planRows("Coachplan 2026", 2, 10, 100, 100));

  test.each([
    ["Oud 2024", "Coachplan 2024"],
    ["Archief 2015", "Stichting opgericht in 1998"],
    ["2025", "Coachplan 2025"],
    ["Uren 2025", "Overzicht"],
    ["oude planning", "Coachplan"],
  ])("a visible sheet '%s' is never counted and never votes on the year", (name, title) => {
    const other = buildSheet(name, planRows(title, 9, 90, 10, 10, ["Gastel", "Oirschot"]));
    for (const sheets of [[other, current], [current, other]]) {
      const r = checkWorkbook({ sheets });
      expect(r.year).toBe(2026);
      expect(r.inputs.centres?.value).toBe(2);
      expect(r.planned).toMatchObject({ policy: 100, coaching: 100 });
      expect(errors(r)).toEqual([]);
      expect(r.complete).toBe(true);
      expect(r.tables.map((t) => t.sheet)).not.toContain(name);
      const info = rules(r, RULES.OTHER_YEAR);
      expect(info).toHaveLength(1);
      expect(info[0]).toMatchObject({ severity: "info" });
      expect(info[0].message).toContain(`'${name}'`);
      expect(rules(r, RULES.YEAR_CONFLICT)).toEqual([]);
    }
  });

  test("sheets '2025' and '2026' side by side: the newest counts, the other is left out", () => {
    const s2025 = buildSheet("2025", planRows(null, 2, 10, 40, 40));
    const s2026 = buildSheet("2026", planRows(null, 2, 10, 100, 100));
    const r = checkWorkbook({ sheets: [s2025, s2026] });
    expect(r.year).toBe(2026);
    expect(r.planned).toMatchObject({ policy: 100, coaching: 100 });
    expect(rules(r, RULES.OTHER_YEAR)[0].message).toContain("'2025'");
    expect(rules(r, RULES.YEAR_CONFLICT)).toEqual([]);
    // With --jaar 2025 it is the other way round, and the 2025 plan is short.
    const r25 = checkWorkbook({ sheets: [s2025, s2026] }, { year: 2025 });
    expect(r25.planned.policy).toBe(40);
    expect(errors(r25)).toEqual(expect.arrayContaining([RULES.POLICY_SHORT, RULES.COACHING_SHORT]));
  });

  test("every sheet names another year than the one given: checked with the given year, and said so", () => {
    const r = checkWorkbook({ sheets: [buildSheet("Uren 2026", planRows(null, 2, 10, 100, 100))] }, { year: 2024 });
    expect(r.year).toBe(2024);
    expect(r.planned.policy).toBe(100);
    const info = rules(r, RULES.OTHER_YEAR);
    expect(info).toHaveLength(1);
    expect(info[0].message).toContain("'Uren 2026' noemt een ander jaar dan 2024; gecontroleerd is met de norm van 2024 (opgegeven jaar 2024)");
  });

  test("a school year in the sheet name ('Coachplan 2025-2026') counts for 2026", () => {
    const r = checkWorkbook({ sheets: [buildSheet("Coachplan 2025-2026", planRows(null, 2, 10, 100, 100))] }, { year: 2026 });
    expect(r.planned.policy).toBe(100);
    expect(rules(r, RULES.OTHER_YEAR)).toEqual([]);
  });

  test("a peildatum on a sheet whose name names another year: that sheet still counts", () => {
    const r = checkWorkbook({ sheets: [buildSheet("Uren 2025", [["Peildatum", "2026-01-01"], [], ...planRows(null, 2, 10, 100, 100)])] });
    expect(r.year).toBe(2026);
    expect(r.planned.policy).toBe(100);
  });

  test("a range mapped 'negeren' does not vote on the year", () => {
    const sheet = buildSheet("Blad1", [["Vergelijking", "oud"], ["Peildatum", "2021-01-01"], ["a", 1], [], ["Coachplan 2026"], [], ...planRows(null, 2, 10, 100, 100)]);
    expect(checkWorkbook({ sheets: [sheet] }).year).toBe(2021);
    const mapping = { versie: 1, tabellen: [{ blad: "Blad1", bereik: "A1:B3", rol: "negeren" }] };
    const r = checkWorkbook({ sheets: [sheet] }, { mapping });
    expect(r.year).toBe(2026);
    expect(r.yearSource).toContain("Coachplan 2026");
  });

  test("only archive sheets hold data: a Dutch ONBRUIKBAAR naming them", () => {
    const e = ikkError(() => checkWorkbook({ sheets: [buildSheet("Archief", planRows("Coachplan 2026", 2, 10, 100, 100))] }));
    expect(e.code).toBe("ONBRUIKBAAR");
    expect(e.message).toContain("archief: 'Archief'");
  });
});

describe("the CLI reads the hidden state from the file", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("hidden");
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function writeXlsx(file: string, wb: WorkbookSnapshot): Promise<void> {
    const book = new ExcelJS.Workbook();
    for (const s of wb.sheets) {
      const ws = book.addWorksheet(s.name);
      s.values.forEach((row) => ws.addRow(row.map((v) => (v !== null && typeof v === "object" ? null : v))));
      if (s.visibility) ws.state = s.visibility;
    }
    await book.xlsx.writeFile(file);
  }

  async function cli(args: string[]): Promise<{ code: number; out: string }> {
    let out = "";
    const code = await run(["node", "ikk-normen", ...args], { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    return { code, out };
  }

  test("a short visible plan with the missing coaching hours on a hidden sheet: exit 1 unless --verborgen-bladen ja", async () => {
    // 2 kindercentra, 20 fte: 100 + 200 needed; 100 + 120 visible, 80 more coaching on the hidden sheet.
    const file = path.join(dir, "verborgen.xlsx");
    await writeXlsx(file, {
      sheets: [
        buildSheet("Coachplan 2026", planRows(null, 2, 20, 100, 120)),
        hide(buildSheet("Aanvulling", [["Coachuren per locatie"], ["Locatie", "Coachuren"], ["Dommelen", 40], ["Budel", 40]]), "hidden"),
      ],
    });
    const hidden = await cli(["check", file, "--json"]);
    expect(hidden.code).toBe(1);
    const json = JSON.parse(hidden.out);
    expect(json.planned.coaching).toBe(120);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining([RULES.COACHING_SHORT, RULES.HIDDEN_SHEET]));
    const counted = await cli(["check", file, "--json", "--verborgen-bladen", "ja"]);
    expect(counted.code).toBe(0);
    expect(JSON.parse(counted.out).planned.coaching).toBe(200);
    const wrong = await cli(["check", file, "--verborgen-bladen", "soms"]);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain('"ja" of "nee"');
  });
});
