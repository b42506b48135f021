/**
 * Issue 12, item 2: the hours spent (realisatie) compared with the plan pro rata to a
 * reference date. The small plan (test/helpers/small-plan.ts) plans 100 h beleid and 30 h
 * coaching (15 h per location), which is also what the law requires (2 kindercentra, 3 fte).
 */
import { buildSheet, checkWorkbook, formulaCell as f, jsonReport, reportRows, RULES } from "../shared/validate";
import { monthOfText, yearFraction } from "../shared/validate/realisation-months";
import type { CellValue, CheckResult, SheetSnapshot } from "../shared/validate/types";
import { smallPlanSheet } from "./helpers/small-plan";

const STAFF_HEADER = ["Naam", "Functie", "Contracturen per week", "Locatie"];

function staffSheet(names = ["An", "Bob", "Cor"]): SheetSnapshot {
  return buildSheet("Medewerkers", [STAFF_HEADER, ...names.map((n, i) => [n, "Pedagogisch medewerker", 36, i === 0 ? "Dommelen" : "Budel"])]);
}

/** The template's realisation sheet: title, header, then rows Maand | Locatie | Onderdeel | Uren | Medewerker | Toelichting. */
function realisationSheet(rows: CellValue[][]): SheetSnapshot {
  return buildSheet("Realisatie", [["Realisatie 2026"], [], ["Maand", "Locatie", "Onderdeel", "Uren", "Medewerker (bij coaching)", "Toelichting"], ...rows]);
}

/** 18 h coaching by 1 October: 60 % of the 30 planned hours; An and Bob coached, Cor not. */
const SIXTY_PERCENT: CellValue[][] = [
  ["januari", "Dommelen", "Coaching", 6, "An", ""],
  ["maart", "Budel", "Coaching", 6, "Bob", ""],
  ["september", "Dommelen", "Coaching", 6, "An", ""],
  ["februari", "Budel", "Beleid", 75, "", ""],
];

const at = (r: CheckResult, rule: string) => r.findings.filter((x) => x.rule === rule);

describe("the issue's case: 1 October, 60 % of the coaching spent, one staff member not coached", () => {
  const wb = { sheets: [smallPlanSheet(), staffSheet(), realisationSheet(SIXTY_PERCENT)] };
  const r = checkWorkbook(wb, { asOf: "2026-10-01" });
  const x = r.realisation!;

  test("fraction 0,75; expected = planned × 0,75; projected = realised ÷ 0,75 = 80 % of planned", () => {
    expect(x.asOf).toBe("2026-10-01");
    expect(x.fraction).toBe(0.75);
    expect(x.realised.coaching).toBe(18);
    expect(x.realised.policy).toBe(75);
    expect(x.realised.ve).toBeNull();
    expect(x.expected.coaching).toBe(30 * 0.75);
    expect(x.expected.policy).toBe(75);
    expect(x.projected.coaching).toBeCloseTo(0.8 * 30, 10);
    expect(x.projected.policy).toBe(100);
  });

  test("coaching at this pace (24 h) below the law (30 h) is a warning; beleid on pace gives nothing", () => {
    const behind = at(r, RULES.REALISATION_BEHIND);
    expect(behind).toHaveLength(1);
    expect(behind[0]).toMatchObject({ severity: "warning", sheet: "Realisatie" });
    expect(behind[0].message).toContain("24 uur");
    expect(behind[0].message).toContain("30 uur");
  });

  test("the staff member not coached gets a warning at that row, the others none", () => {
    const w = at(r, RULES.STAFF_NOT_COACHED_YET);
    expect(w).toEqual([expect.objectContaining({ severity: "warning", sheet: "Medewerkers", cell: "A4", message: expect.stringContaining("'Cor'") })]);
    expect(x.notCoached).toEqual([expect.objectContaining({ sheet: "Medewerkers", cell: "A4" })]);
  });

  test("per location × part: planned from the allocation table, realised from the list", () => {
    const dommelen = x.locations.find((l) => l.location === "Dommelen" && l.part === "coaching");
    const budel = x.locations.find((l) => l.location === "Budel" && l.part === "coaching");
    expect(dommelen).toEqual({ location: "Dommelen", part: "coaching", planned: 15, realised: 12, expected: 11.25 });
    expect(budel).toEqual({ location: "Budel", part: "coaching", planned: 15, realised: 6, expected: 11.25 });
    // Budel is behind its plan (6 < 11,25): an info; Dommelen is ahead: none.
    const loc = at(r, RULES.REALISATION_LOCATION_BEHIND).filter((l) => l.message.includes("coaching"));
    expect(loc).toHaveLength(1);
    expect(loc[0].message).toContain("'Budel'");
  });

  test("the realisation changes no planned or required figure and no finding of the plan", () => {
    const without = checkWorkbook({ sheets: [smallPlanSheet(), staffSheet()] }, { asOf: "2026-10-01" });
    expect(r.planned).toEqual(without.planned);
    expect(r.required).toEqual(without.required);
    expect(r.complete).toBe(without.complete);
    const REALISATION_RULES = new Set<string>([RULES.REALISATION_BEHIND, RULES.REALISATION_LOCATION_BEHIND, RULES.STAFF_NOT_COACHED_YET]);
    expect(r.findings.filter((x) => !REALISATION_RULES.has(x.rule))).toEqual(without.findings);
    expect(without.realisation).toBeNull();
    expect(r.tables.find((t) => t.sheet === "Realisatie")!.role).toBe("realisation");
  });

  test("--json: realised has the shape of planned; realisation comes after the existing keys", () => {
    const j = jsonReport(r);
    expect(j.realised).toEqual({ policy: 75, coaching: 18, ve: null, total: 93 });
    expect(j.realisation).toMatchObject({ asOf: "2026-10-01", fraction: 0.75 });
    expect(Object.keys(j).slice(-2)).toEqual(["realised", "realisation"]);
  });

  test("the report rows hold the realisation block in Dutch numbers", () => {
    const rows = reportRows(r);
    expect(rows).toContainEqual(["Realisatie per 01-10-2026 (75 % van het jaar)"]);
    expect(rows).toContainEqual(["Coaching", "18", "22,5", "24"]);
  });
});

describe("staff not coached", () => {
  test("everyone coached: no warning", () => {
    const rows = [...SIXTY_PERCENT, ["april", "Budel", "Coaching", 2, "Cor", ""]];
    const r = checkWorkbook({ sheets: [smallPlanSheet(), staffSheet(), realisationSheet(rows)] }, { asOf: "2026-10-01" });
    expect(at(r, RULES.STAFF_NOT_COACHED_YET)).toEqual([]);
    expect(r.realisation!.notCoached).toEqual([]);
  });

  test("alert from November: on 1 October only an info with the count", () => {
    const r = checkWorkbook({ sheets: [smallPlanSheet(), staffSheet(), realisationSheet(SIXTY_PERCENT)] }, { asOf: "2026-10-01", alertFromMonth: 11 });
    const n = at(r, RULES.STAFF_NOT_COACHED_YET);
    expect(n).toHaveLength(1);
    expect(n[0].severity).toBe("info");
    expect(n[0].message).toContain("1 pedagogisch medewerker is nog niet gecoacht");
    expect(r.realisation!.alertFromMonth).toBe(11);
  });

  test("a staff list's own column: 0 or nee is not coached, a SUMIFS without cached value is unknown", () => {
    const staff = buildSheet("Medewerkers", [
      [...STAFF_HEADER, "Coaching ontvangen (uren)"],
      ["An", "Pedagogisch medewerker", 36, "Dommelen", f("=SUMIFS(Realisatie!D:D,Realisatie!E:E,A2)", 12)],
      ["Bob", "Pedagogisch medewerker", 36, "Budel", f("=SUMIFS(Realisatie!D:D,Realisatie!E:E,A3)", 0)],
      ["Cor", "Pedagogisch medewerker", 36, "Budel", f("=SUMIFS(Realisatie!D:D,Realisatie!E:E,A4)", null)],
    ]);
    const r = checkWorkbook({ sheets: [smallPlanSheet(), staff, realisationSheet(SIXTY_PERCENT)] }, { asOf: "2026-10-01" });
    expect(at(r, RULES.STAFF_NOT_COACHED_YET).map((x) => x.cell)).toEqual(["E3"]);
    // The column is no planned coaching either: planned coaching is the allocation table's 30.
    expect(r.planned.coaching).toBe(30);
    expect(at(r, RULES.STAFF_NO_COACHING)).toEqual([]);
  });

  test("a 'Gecoacht' ja/nee column, and a 'Laatst gecoacht' date", () => {
    const staff = buildSheet("Medewerkers", [
      [...STAFF_HEADER, "Gecoacht"],
      ["An", "Pedagogisch medewerker", 36, "Dommelen", "ja"],
      ["Bob", "Pedagogisch medewerker", 36, "Budel", "nee"],
      ["Cor", "Pedagogisch medewerker", 36, "Budel", "2026-03-04"],
    ]);
    const r = checkWorkbook({ sheets: [smallPlanSheet(), staff, realisationSheet(SIXTY_PERCENT)] }, { asOf: "2026-09-15" });
    expect(at(r, RULES.STAFF_NOT_COACHED_YET).map((x) => `${x.severity} ${x.cell}`)).toEqual(["warning E3"]);
  });
});

describe("months and the fraction", () => {
  test("month cells: numbers, Dutch and English names and abbreviations, dates", () => {
    expect(monthOfText("maart")).toEqual({ month: 3, year: null });
    expect(monthOfText("Mrt.")).toEqual({ month: 3, year: null });
    expect(monthOfText("October")).toEqual({ month: 10, year: null });
    expect(monthOfText("okt 2026")).toEqual({ month: 10, year: 2026 });
    expect(monthOfText("2026-03-14")).toEqual({ month: 3, year: 2026, day: 14 });
    expect(monthOfText("14-03-2026")).toEqual({ month: 3, year: 2026, day: 14 });
    expect(monthOfText("2026-13-01")).toBeNull();
    expect(monthOfText("Overleg")).toBeNull();
  });

  test("fraction = (month − 1 + (day − 1)/daysInMonth)/12; 0 before the year, 1 after it", () => {
    expect(yearFraction({ year: 2026, month: 10, day: 1 }, 2026)).toBe(0.75);
    expect(yearFraction({ year: 2026, month: 1, day: 1 }, 2026)).toBe(0);
    expect(yearFraction({ year: 2026, month: 2, day: 15 }, 2026)).toBe((1 + 14 / 28) / 12);
    expect(yearFraction({ year: 2025, month: 12, day: 31 }, 2026)).toBe(0);
    expect(yearFraction({ year: 2027, month: 1, day: 1 }, 2026)).toBe(1);
  });

  test("month numbers and English abbreviations in the list read like names", () => {
    const rows: CellValue[][] = [
      [1, "Dommelen", "Coaching", 4, "An", ""],
      ["Feb", "Budel", "coachgesprek", 5, "Bob", ""],
    ];
    const r = checkWorkbook({ sheets: [smallPlanSheet(), realisationSheet(rows)] }, { asOf: "2026-03-01" });
    expect(r.realisation!.realised.coaching).toBe(9);
  });

  test("a row dated in another year is not counted (info); a month after the reference date is a warning at it", () => {
    const rows: CellValue[][] = [
      ["2025-12-15", "Dommelen", "Coaching", 7, "An", ""],
      ["2026-02-10", "Budel", "Coaching", 4, "Bob", ""],
      ["2026-11-02", "Budel", "Coaching", 2, "Bob", ""],
      ["2026-10-01", "Budel", "Coaching", 1, "Bob", ""],
      ["2026-10-02", "Budel", "Coaching", 1, "Bob", ""],
    ];
    const r = checkWorkbook({ sheets: [smallPlanSheet(), realisationSheet(rows)] }, { asOf: "2026-10-01" });
    // 4 + 2 + 1 + 1 of 2026 (the rows after the reference date are warned about, and counted).
    expect(r.realisation!.realised.coaching).toBe(8);
    expect(at(r, RULES.REALISATION_OTHER_YEAR)).toEqual([expect.objectContaining({ severity: "info", cell: "A4" })]);
    // November, and 2 October (a day after the reference date); 1 October itself is no later.
    expect(at(r, RULES.REALISATION_FUTURE).map((x) => x.cell)).toEqual(["A6", "A8"]);
    expect(at(r, RULES.REALISATION_FUTURE)[1].message).toContain("op 2 oktober 2026");
  });

  test("after the year, realised below the law is an error", () => {
    const r = checkWorkbook({ sheets: [smallPlanSheet(), realisationSheet(SIXTY_PERCENT)] }, { asOf: "2027-01-15" });
    expect(r.realisation!.fraction).toBe(1);
    // Coaching 18 of 30 and beleid 75 of 100 over the whole year: both short.
    expect(at(r, RULES.REALISATION_SHORT).map((x) => `${x.severity}: ${x.message}`)).toEqual([
      expect.stringMatching(/^error: .*coaching.*tekort 12 uur/),
      expect.stringMatching(/^error: .*beleid.*tekort 25 uur/),
    ]);
  });

  test("without a reference date: realised hours listed, nothing compared", () => {
    const r = checkWorkbook({ sheets: [smallPlanSheet(), realisationSheet(SIXTY_PERCENT)] });
    expect(r.realisation).toMatchObject({ asOf: null, fraction: null, realised: { coaching: 18 } });
    expect(r.realisation!.expected.coaching).toBeNull();
    expect(at(r, RULES.REALISATION_NO_DATE)).toHaveLength(1);
    expect(at(r, RULES.REALISATION_BEHIND)).toEqual([]);
  });

  test("a reference date that does not exist, or an alert month outside 1–12, is a Dutch error", () => {
    const wb = { sheets: [smallPlanSheet()] };
    expect(() => checkWorkbook(wb, { asOf: "2026-02-30" })).toThrow(/peildatum/);
    expect(() => checkWorkbook(wb, { asOf: "2026-10-01", alertFromMonth: 13 })).toThrow(/1 tot en met 12/);
  });
});

describe("other layouts", () => {
  test("a wide table per part: locations × months, titled as realised", () => {
    const wide = buildSheet("Uren besteed", [
      ["Gerealiseerd coaching 2026"],
      ["Locatie", "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
      ["Dommelen", 1, 1, 1, 1, 1, 1, 1, 1, 1],
      ["Budel", 2, 2, 2],
    ]);
    const r = checkWorkbook({ sheets: [smallPlanSheet(), wide] }, { asOf: "2026-10-01" });
    expect(r.realisation!.realised.coaching).toBe(15);
    expect(r.realisation!.locations.find((l) => l.location === "Budel" && l.part === "coaching")!.realised).toBe(6);
    expect(r.planned.coaching).toBe(30);
  });

  test("VE per location: at this pace below 10 × its doelgroeppeuters is a warning at the toddler cell", () => {
    const plan = buildSheet("Uren 2026", [
      ["Peildatum", "1 januari 2026"],
      ["Aantal LRK-registraties", 2],
      ["Fte pedagogisch medewerkers", 3],
      [],
      ["Locatie", "Beleidsuren", "Coachuren", "VE-uren", "Doelgroeppeuters"],
      ["Dommelen", 50, 15, 40, 4],
      ["Budel", 50, 15, 20, 2],
      ["Totaal", 100, 30, 60, 6],
    ]);
    // Dommelen 30 h by 1 October → 40 at this pace = 10 × 4: enough; Budel 9 h → 12 < 10 × 2.
    const real = buildSheet("Realisatie", [["Realisatie 2026"], ["Maand", "Locatie", "Onderdeel", "Uren"], ["maart", "Dommelen", "VE", 30], ["april", "Budel", "VE", 9]]);
    const r = checkWorkbook({ sheets: [plan, real] }, { asOf: "2026-10-01" });
    expect(r.planned.ve).toBe(60);
    const ve = at(r, RULES.REALISATION_VE_LOCATION);
    expect(ve).toEqual([expect.objectContaining({ severity: "warning", sheet: "Uren 2026", cell: "E7", message: expect.stringContaining("12 uur VE; nodig is 20 uur") })]);
    // 39 h in all → 52 at this pace, below the 60 the law asks.
    expect(r.realisation!.projected.ve).toBe(52);
    expect(at(r, RULES.REALISATION_BEHIND)).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("60 uur") })]);
  });

  test("a wide table with the parts as rows, a list with a column per part, an English list", () => {
    const layouts: [SheetSnapshot, { policy: number | null; coaching: number | null; ve: number | null }][] = [
      [buildSheet("Blad2", [["Gerealiseerd 2026"], ["Onderdeel", "januari", "februari", "maart", "april"], ["Beleid", 10, 10, 10, 10], ["Coaching", 2, 2, 2, 2], ["Totaal", 12, 12, 12, 12]]), { policy: 40, coaching: 8, ve: null }],
      // An explicit 0 in the VE column: VE realised is 0, not unknown.
      [buildSheet("Besteed", [["Besteed 2026"], ["Maand", "Locatie", "Beleid", "Coaching", "VE"], ["jan", "Dommelen", 5, 1, 0], ["feb", "Budel", 5, 2, 0]]), { policy: 10, coaching: 3, ve: 0 }],
      [buildSheet("Actuals", [["Actual hours 2026"], ["Month", "Location", "Category", "Hours"], ["January", "Dommelen", "policy", 8], ["Feb", "Budel", "coaching", 3]]), { policy: 8, coaching: 3, ve: null }],
    ];
    for (const [sheet, realised] of layouts) {
      const r = checkWorkbook({ sheets: [smallPlanSheet(), sheet] }, { asOf: "2026-05-01" });
      expect(r.planned).toEqual({ policy: 100, coaching: 30, ve: 0, total: 130 });
      expect(r.realisation!.realised).toMatchObject(realised);
      expect(r.realisation!.fraction).toBe(4 / 12);
    }
  });

  test("a table per month titled as the plan is no realisation, even on a sheet named Realisatie", () => {
    const planned = buildSheet("Realisatie", [["Planning coaching per maand 2026"], ["Locatie", "jan", "feb", "mrt", "apr"], ["Dommelen", 1, 1, 1, 1]]);
    const r = checkWorkbook({ sheets: [smallPlanSheet(), planned] }, { asOf: "2026-10-01" });
    const without = checkWorkbook({ sheets: [smallPlanSheet()] }, { asOf: "2026-10-01" });
    expect(r.realisation).toBeNull();
    expect(r.tables.some((t) => t.role === "realisation")).toBe(false);
    expect(r.required).toEqual(without.required);
  });

  test("a 'Gerealiseerd' column beside the planned hours", () => {
    const plan = buildSheet("Uren 2026", [
      ["Peildatum", "1 januari 2026"],
      ["Aantal LRK-registraties", 2],
      ["Fte pedagogisch medewerkers", 3],
      ["Doelgroeppeuters", 0],
      [],
      ["Locatie", "Beleidsuren", "Coachuren", "Coaching gerealiseerd", "VE-uren"],
      ["Dommelen", 50, 15, 12, 0],
      ["Budel", 50, 15, 3, 0],
      ["Totaal", 100, 30, 15, 0],
    ]);
    const r = checkWorkbook({ sheets: [plan] }, { asOf: "2026-07-01" });
    expect(r.planned.coaching).toBe(30);
    expect(r.realisation!.realised.coaching).toBe(15);
    expect(r.realisation!.projected.coaching).toBe(30);
    const budel = r.realisation!.locations.find((l) => l.location === "Budel")!;
    expect(budel).toEqual({ location: "Budel", part: "coaching", planned: 15, realised: 3, expected: 7.5 });
  });

  test("an error value or text in the hours: a warning at the cell, the part not summed, incomplete", () => {
    for (const bad of [{ error: "#REF!" }, "drie"] as CellValue[]) {
      const rows = [...SIXTY_PERCENT, ["mei", "Budel", "Coaching", bad, "Bob", ""]];
      const r = checkWorkbook({ sheets: [smallPlanSheet(), realisationSheet(rows)] }, { asOf: "2026-10-01" });
      const x = r.realisation!;
      expect(x.realised.coaching).toBeNull();
      expect(x.realised.policy).toBe(75);
      expect(x.realised.total).toBeNull();
      expect(x.complete).toBe(false);
      expect(at(r, RULES.REALISATION_UNREADABLE)).toEqual([expect.objectContaining({ severity: "warning", sheet: "Realisatie", cell: "D8" })]);
      expect(at(r, RULES.REALISATION_BEHIND).filter((b) => b.message.includes("coaching"))).toEqual([]);
    }
  });

  test("an empty realisation table: no realisation", () => {
    const r = checkWorkbook({ sheets: [smallPlanSheet(), staffSheet(), realisationSheet([])] }, { asOf: "2026-10-01" });
    expect(r.realisation).toBeNull();
    expect(at(r, RULES.STAFF_NOT_COACHED_YET)).toEqual([]);
  });

  test("a time sheet that is the workbook's only hours stays its plan (as before)", () => {
    const kern = buildSheet("Kern", [["Peildatum", "1 januari 2026"], ["Aantal LRK-registraties", 2], ["Fte pedagogisch medewerkers", 3], ["Doelgroeppeuters", 0]]);
    const log = buildSheet("Urenregistratie", [["Datum", "Locatie", "Categorie", "Uren"], ["2026-01-05", "Dommelen", "Beleid", 100], ["2026-01-06", "Budel", "Coaching", 30]]);
    const r = checkWorkbook({ sheets: [kern, log] }, { asOf: "2026-10-01" });
    expect(r.planned.policy).toBe(100);
    expect(r.planned.coaching).toBe(30);
    expect(r.realisation).toBeNull();
  });

  test("a huge list is read in bounded time with a bounded number of findings", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 60_000; i++) rows.push(["december", i % 2 ? "Budel" : "Dommelen", "Coaching", 0.5, "An", ""]);
    const start = Date.now();
    const r = checkWorkbook({ sheets: [smallPlanSheet(), realisationSheet(rows)] }, { asOf: "2026-10-01" });
    expect(Date.now() - start).toBeLessThan(15_000);
    expect(r.realisation!.realised.coaching).toBe(30_000);
    expect(at(r, RULES.REALISATION_FUTURE).length).toBeLessThanOrEqual(21);
  });
});
