/**
 * Unknown is not 0 (formula cells without a cached value, error values), one warning per
 * table for missing cached values, a typed-over wrong total, the report's Dutch roles and
 * counts, and the engine's cell cache (every cell parsed at most once).
 */
import * as numbers from "../shared/numbers";
import { buildSheet, checkWorkbook, formulaCell as f, reportRows, RULES } from "../shared/validate";
import { foldText, mayBeNumberText, normalizeText } from "../shared/validate/cell-read";
import type { CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { PLAN_2024, plan2024 } from "../examples/plan-2024";
import { PLAN_2026, plan2026 } from "../examples/plan-2026";

/** A staff list of 1 200 people, each with coaching hours, and one location. */
function bigStaff(): WorkbookSnapshot {
  const rows: (string | number | null)[][] = [["Personeel 2026"], ["Naam", "Functie", "Uren per week", "Coachuren"]];
  for (let i = 0; i < 1200; i++) rows.push([`Medewerker ${i + 1}`, "Pedagogisch medewerker", 36, 12]);
  rows.push([], ["Aantal LRK-registraties", 1]);
  return { sheets: [buildSheet("Personeel 2026", rows)] };
}

const byRule = (r: CheckResult, rule: string) => r.findings.filter((x) => x.rule === rule);

/** Every formula cell loses its cached value, as a generator without a calculation engine writes it. */
function dropCachedValues(wb: WorkbookSnapshot): number {
  let n = 0;
  for (const s of wb.sheets) {
    s.formulas?.forEach((row, r) =>
      row.forEach((fm, c) => {
        if (fm) {
          s.values[r][c] = null;
          n++;
        }
      }),
    );
  }
  return n;
}

describe("unknown is not 0", () => {
  test("2024 example without cached values: planned VE is unknown (null) with a finding, never 0", () => {
    const wb = plan2024();
    expect(dropCachedValues(wb)).toBeGreaterThan(5);
    const r = checkWorkbook(wb);
    const known = checkWorkbook(PLAN_2024);
    expect(known.planned.ve).toBe(360);
    expect(r.planned.ve).toBeNull();
    expect(r.planned.total).toBeNull();
    for (const v of Object.values(r.planned)) expect(v).not.toBe(0);
    const why = byRule(r, RULES.PLANNED_UNKNOWN).find((x) => x.message.includes("uren VE"));
    expect(why).toMatchObject({ severity: "warning", sheet: "VE 2024", cell: "D4" });
    expect(why!.message).toContain("niet als 0 geteld");
    // No shortfall computed from a 0.
    expect(r.findings.some((x) => /Verschil -?360|gepland 0 uur/i.test(x.message))).toBe(false);
    expect(byRule(r, RULES.VE_SHORT).filter((x) => x.message.includes("gepland 0"))).toEqual([]);
  });

  test("an error value in a part without a readable row total makes the table's planned hours unknown", () => {
    const wb = plan2026();
    const alloc = wb.sheets[1];
    alloc.values[4][2] = { error: "#REF!" }; // C5
    alloc.values[4][5] = null; // F5 =SUM(B5:E5) without a value
    alloc.values[19][5] = null; // F20 grand total without a value
    const r = checkWorkbook(wb);
    expect(r.planned.coaching).toBeNull();
    expect(r.planned.total).toBeNull();
    expect(byRule(r, RULES.ERROR_VALUE).map((x) => x.cell)).toEqual(["C5"]);
    const why = byRule(r, RULES.PLANNED_UNKNOWN);
    expect(why).toHaveLength(1);
    expect(why[0]).toMatchObject({ sheet: "Verdeling 2026", cell: "C5" });
    expect(why[0].message).toContain("coaching");
    expect(byRule(r, RULES.COACHING_SHORT)).toEqual([]);
  });

  test("an unknown row total with known parts is the sum of the parts", () => {
    const wb = plan2026();
    wb.sheets[1].values[5][5] = null; // F6 without a value; B6:E6 known
    const r = checkWorkbook(wb);
    expect(r.planned.coaching).toBe(1000);
    expect(byRule(r, RULES.PLANNED_UNKNOWN)).toEqual([]);
  });
});

describe("formulas without a cached value: one warning per table", () => {
  test("2026 example without cached values: one warning per table with the count and range", () => {
    const wb = plan2026();
    const dropped = dropCachedValues(wb);
    expect(dropped).toBeGreaterThan(30);
    const r = checkWorkbook(wb);
    const warnings = byRule(r, RULES.FORMULA_NO_VALUE);
    const tableWarnings = warnings.filter((w) => /formulecel/.test(w.message));
    // At most one per table, plus the fact cells outside the tables.
    const perTable = new Map<string, number>();
    for (const t of r.tables) perTable.set(`${t.sheet}!${t.range}`, 0);
    expect(tableWarnings.length).toBeLessThanOrEqual(r.tables.length);
    expect(warnings.length).toBeLessThan(10);
    const coaching = r.tables.find((t) => t.role === "coaching")!;
    const w = tableWarnings.find((x) => x.sheet === coaching.sheet && x.cell === "F4");
    expect(w).toBeDefined();
    expect(w!.severity).toBe("warning");
    expect(w!.message).toMatch(/^17 formulecellen zonder opgeslagen uitkomst in F4:F20/);
    expect(w!.message).toContain("open en bewaar het bestand in Excel of LibreOffice");
  });

  test("a single formula without a value names the formula", () => {
    const wb = plan2026();
    wb.sheets[1].values[5][5] = null; // F6
    const w = byRule(checkWorkbook(wb), RULES.FORMULA_NO_VALUE);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ sheet: "Verdeling 2026", cell: "F6" });
    expect(w[0].message).toContain("=SUM(B6:E6)");
  });

  test("error values keep one finding per cell", () => {
    const wb = plan2026();
    wb.sheets[1].values[4][2] = { error: "#REF!" };
    wb.sheets[1].values[6][3] = "#DEEL/0!";
    expect(byRule(checkWorkbook(wb), RULES.ERROR_VALUE).map((x) => x.cell)).toEqual(["C5", "D7"]);
  });
});

describe("a typed-over wrong total", () => {
  test("the planned hours are the sum of the parts, and the error says which figure was used", () => {
    const wb = plan2026();
    wb.sheets[1].values[19][5] = 990; // F20 1 000 → 990
    const r = checkWorkbook(wb);
    expect(r.planned.coaching).toBe(1000);
    const e = byRule(r, RULES.COLUMN_TOTAL);
    expect(e).toHaveLength(1);
    expect(e[0].message).toContain("Gerekend is met de som van de delen, 1.000");
  });

  test("a wrong total in a staff list's coaching column: the column's sum counts", () => {
    const sheet = buildSheet("Personeel 2026", [
      ["Naam", "Functie", "Uren per week", "Coachuren"],
      ["An", "PM", 36, 10],
      ["Bo", "PM", 18, 5],
      ["Totaal", null, 54, f("=SUM(D2:D3)", 50)],
      [],
      ["Aantal LRK-registraties", 1],
    ]);
    const r = checkWorkbook({ sheets: [sheet] });
    expect(r.planned.coaching).toBe(15);
    expect(byRule(r, RULES.COLUMN_TOTAL)[0].message).toContain("Gerekend is met de som van de delen, 15");
  });
});

describe("report rows and counts", () => {
  test("table roles are Dutch in the report rows", () => {
    const r = checkWorkbook(PLAN_2026);
    const rows = reportRows(r);
    const header = rows.findIndex((row) => row[0] === "Gevonden tabellen");
    const roles = rows.slice(header + 1, header + 1 + r.tables.length).map((row) => row[2]);
    expect(roles).toHaveLength(r.tables.length);
    expect(roles).toContain("beleid");
    expect(roles).toContain("coaching");
    for (const role of roles) expect(["beleid", "coaching", "VE", "VE-peuters", "personeel", "locaties", "genegeerd", "onbekend"]).toContain(role);
  });

  test("counts in messages have the thousands dot", () => {
    const r = checkWorkbook(bigStaff());
    expect(r.inputs.fte?.source.description).toMatch(/^1\.200 medewerkers/);
    expect(byRule(r, RULES.COACHING_INTENSITY)[0].message).toContain("voor 1.200 medewerkers");
  });
});

describe("the cell cache: each cell parsed at most once", () => {
  afterEach(() => jest.restoreAllMocks());

  test("number text is parsed once per cell; text without digits never", () => {
    const rows: (string | number | null)[][] = [["Overzicht coaching 2026"], ["Locatie", "Individueel", "Team", "Totaal"]];
    for (let i = 0; i < 50; i++) rows.push([`Locatie ${String.fromCharCode(65 + (i % 26))}`, "10", "5,5", "15,5"]);
    rows.push(["Totaal", "500", "275", "775"]);
    rows.push([], ["Aantal LRK-registraties", "1"], ["Fte pedagogisch medewerkers", "2"]);
    const wb: WorkbookSnapshot = { sheets: [buildSheet("Blad 2026", rows)] };
    const numberTexts = rows.flat().filter((v) => typeof v === "string" && /^[\d,]+$/.test(v)).length;
    const spy = jest.spyOn(numbers, "parseDutchNumber");
    const r = checkWorkbook(wb);
    expect(r.planned.coaching).toBe(775);
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(numberTexts);
    for (const [s] of spy.mock.calls) expect(s).toMatch(/\d/);
  });

  test("the pre-check never rejects text that parseDutchNumber reads as a number", () => {
    const samples = [
      "42,37", "2.496 uur", "1.433,7", "€ 1.000", "€1.000,-", " eur 5", "EUR 12", "-5", "\u22125", "+3", ".5", ",5", "\u00a0 7 uren",
      "10 fte", "100 per jaar", "5 p/j", "5pj", "uur 5", "Medewerker 1", "e5", "5 eur 000", "\t12\n", "12 u.", "12h", "x12", "1e3",
      "Locatie 3", "2026", "\u2009 8", "−12,5", "abc", "", "  ", "1,000,000", "0.5", "3 uur per week",
    ];
    for (const s of samples) {
      if (numbers.parseDutchNumber(s) !== null) expect([s, mayBeNumberText(s)]).toEqual([s, true]);
    }
    // Brute force over short strings of the characters that matter.
    const alphabet = ["1", "0", ".", ",", "-", "+", " ", "€", "e", "u", "r", "h", "a", "\u2212", "\u00a0"];
    const walk = (prefix: string, depth: number) => {
      if (numbers.parseDutchNumber(prefix) !== null && !mayBeNumberText(prefix)) throw new Error(`pre-check rejects '${prefix}'`);
      if (depth === 0) return;
      for (const ch of alphabet) walk(prefix + ch, depth - 1);
    };
    expect(() => walk("", 5)).not.toThrow();
  });

  test("normalizeText's fast path gives what the full folding gives", () => {
    const full = foldText;
    const samples = ["Totaal", "Medewerker 12", "  Totaal ", "Deskundigheids-\nbevordering", "Café", "a  b", "it`s", "LRK-nummer", "Uren per week (gem.)", "ÉÉN", "x\ty"];
    for (const s of samples) expect(normalizeText(s)).toBe(full(s));
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 3000; i++) {
      let s = "";
      const n = Math.floor(rnd() * 8);
      for (let k = 0; k < n; k++) s += String.fromCharCode(32 + Math.floor(rnd() * 95));
      expect(normalizeText(s)).toBe(full(s));
    }
  });
});

describe("staff hours that cannot be read make the fte unknown, never too low", () => {
  test.each([
    ["a formula without a cached value", (wb: WorkbookSnapshot, r: number, c: number) => {
      const s = wb.sheets.find((x) => x.name === "Personeel")!;
      s.values[r][c] = null;
      s.formulas = s.formulas ?? s.values.map((row) => row.map(() => null));
      while (s.formulas.length <= r) s.formulas.push([]);
      s.formulas[r][c] = "=B4*2";
    }],
    ["an error value", (wb: WorkbookSnapshot, r: number, c: number) => {
      wb.sheets.find((x) => x.name === "Personeel")!.values[r][c] = { error: "#REF!" };
    }],
  ])("%s in the weekly hours of one staff member", (_what, breakIt) => {
    const good = checkWorkbook(PLAN_2024);
    expect(good.inputs.fte?.value).toBeCloseTo(806 / 36, 10);
    const wb = plan2024();
    // the staff hours column is the column of the hours total (D41); row 5 is a staff row
    breakIt(wb, 4, 3);
    const r = checkWorkbook(wb);
    expect(r.inputs.fte).toBeNull();
    expect(r.required.coaching).toBeNull();
    const f = byRule(r, RULES.FACT_INVALID).find((x) => x.cell === "D5");
    expect(f).toMatchObject({ severity: "warning", sheet: "Personeel", cell: "D5" });
    expect(f!.message).toMatch(/fte/);
  });
});
