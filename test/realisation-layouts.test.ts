/**
 * General rules for realisation layouts the engine had not seen (issue 12 follow-up):
 * remaining-hours columns, "so far" coached columns, months in rows, a category column in
 * a month-wide table, yes/no text in a column of hours spent, location matching by
 * displayed name / LRK / unambiguous key, and the totals over the same parts.
 * The shapes and names here are made up for these rules (not copies of the held-out corpus).
 */
import { buildSheet, checkWorkbook, reportRows, RULES } from "../shared/validate";
import { matchPlannedLocation } from "../shared/validate/realisation";
import { columnKindFromHeader } from "../shared/validate/tables";
import type { CellValue, SheetSnapshot } from "../shared/validate/types";
import { realisationLines } from "../cli/report-text";
import { smallPlanSheet } from "./helpers/small-plan";

const kind = (h: string) => columnKindFromHeader(h.toLowerCase(), false).kind;

describe("remaining hours are neither planned nor realised", () => {
  test.each(["Nog te besteden", "Resterend", "Restant uren", "Nog in te zetten", "Remaining", "Outstanding hours", "Saldo"])("'%s' is a remaining column", (h) => {
    expect(kind(h)).toBe("remaining");
  });

  test("'Coachuren t/m juni' and 'Hours spent to date' are realised; 'Gepland t/m juni' is not", () => {
    expect(kind("Coachuren t/m juni")).toBe("realised");
    expect(kind("Coaching year to date")).toBe("realised");
    expect(kind("Gepland t/m juni")).not.toBe("realised");
  });

  test("a plan with 'Uren | Restant' plans only the Uren column", () => {
    const plan = buildSheet("Plan", [
      ["Aantal LRK-registraties", 2],
      ["Fte pedagogisch medewerkers", 3],
      [],
      ["Coaching per vestiging"],
      ["Vestiging", "Uren", "Restant"],
      ["Noord", 20, 7],
      ["Zuid", 10, 4],
      [],
      ["Beleid per vestiging"],
      ["Vestiging", "Uren", "Restant"],
      ["Noord", 50, 30],
      ["Zuid", 50, 25],
    ]);
    const r = checkWorkbook({ sheets: [plan] }, { year: 2026 });
    expect(r.planned.coaching).toBe(30);
    expect(r.planned.policy).toBe(100);
  });
});

/** The small plan (Dommelen 50/15, Budel 50/15) with a staff list. */
function staff(coachedHeader: string, values: CellValue[]): SheetSnapshot {
  return buildSheet("Personeel", [["Naam", "Functie", "Contracturen per week", coachedHeader], ...values.map((v, i) => [`Persoon ${i + 1}`, "Pedagogisch medewerker", 30, v])]);
}

describe("months in rows, locations in columns", () => {
  const tall = buildSheet("Bestede coaching", [
    ["Coaching besteed per vestiging"],
    ["Periode", "Dommelen", "Budel", "Som"],
    ["jan", 1, 2, 3],
    ["feb", 2, 1, 3],
    ["mrt", 1.5, 0, 1.5],
    ["apr", null, 3, 3],
    ["Som", 4.5, 6, 10.5],
  ]);
  const r = checkWorkbook({ sheets: [smallPlanSheet(), tall] }, { asOf: "2026-05-01" });

  test("the part comes from the title, each column is a location, the total column and row are not counted", () => {
    expect(r.realisation!.realised.coaching).toBe(10.5);
    expect(r.realisation!.realised.policy).toBeNull();
    const byLoc = Object.fromEntries(r.realisation!.locations.filter((l) => l.part === "coaching").map((l) => [l.location, l.realised]));
    expect(byLoc).toEqual({ Dommelen: 4.5, Budel: 6 });
  });

  test("the hours never count as planned", () => {
    expect(r.planned.coaching).toBe(30);
  });

  test("a month-in-rows table with text in a column is a list, not read as hours per location", () => {
    const list = buildSheet("Realisatie", [
      ["Realisatie coaching"],
      ["Maand", "Vestiging", "Uren"],
      ["jan", "Dommelen", 2],
      ["feb", "Budel", 3],
      ["mrt", "Dommelen", 1],
    ]);
    const q = checkWorkbook({ sheets: [smallPlanSheet(), list] }, { asOf: "2026-05-01" });
    expect(q.realisation!.realised.coaching).toBe(6);
    expect(q.findings.filter((f) => f.rule === RULES.REALISATION_UNREADABLE)).toEqual([]);
  });
});

describe("a month-wide table with a location and a category column", () => {
  const wide = buildSheet("Registratie", [
    ["Gerealiseerde uren 2026"],
    ["Vestiging", "Soort", "jan", "feb", "mrt", "Totaal"],
    ["Dommelen", "Coaching", "1,5", 2, null, 3.5],
    [null, "Beleid", 4, "4,5", 5, 13.5],
    ["Budel", "Coaching", 1, 1, 1, 3],
    [null, "Overleg", 9, 9, 9, 27],
  ]);
  const r = checkWorkbook({ sheets: [smallPlanSheet(), wide] }, { asOf: "2026-04-01" });

  test("the category column gives the part, Dutch number text is read, another activity is not counted", () => {
    expect(r.realisation!.realised.coaching).toBe(6.5);
    expect(r.realisation!.realised.policy).toBe(13.5);
  });

  test("a blank location cell belongs to the location above", () => {
    const dommelen = r.realisation!.locations.find((l) => l.part === "policy" && l.location === "Dommelen");
    expect(dommelen?.realised).toBe(13.5);
  });
});

describe("staff coached columns", () => {
  test("'nee'/'ja' in 'Coaching ontvangen' is expected text, no typing error; 'nee' and 0 are not coached", () => {
    const r = checkWorkbook({ sheets: [smallPlanSheet(), staff("Coaching ontvangen", ["ja", "nee", 0, "2,5"])] }, { asOf: "2026-10-01" });
    expect(r.findings.filter((f) => f.rule === RULES.NOT_A_NUMBER)).toEqual([]);
    expect(r.realisation!.notCoached.map((n) => n.cell)).toEqual(["D3", "D4"]);
  });

  test("'Coachuren tot nu toe' with 0 is a coached column (not coached)", () => {
    const r = checkWorkbook({ sheets: [smallPlanSheet(), staff("Coachuren tot nu toe", [3, 0, 2])] }, { asOf: "2026-10-01" });
    expect(r.realisation!.notCoached.map((n) => n.cell)).toEqual(["D3"]);
  });
});

describe("matching realised to planned locations", () => {
  const planned = [
    { name: "KDV Valkenswaard", lrks: ["111111111"] },
    { name: "BSO Valkenswaard", lrks: ["222222222"] },
    { name: "KDV Budel", lrks: [] },
  ];
  test("the same displayed name (whitespace, case) first", () => {
    expect(matchPlannedLocation(planned, "bso   valkenswaard", [])).toBe(1);
    expect(matchPlannedLocation(planned, "KDV\nValkenswaard", [])).toBe(0);
  });
  test("then a shared LRK number", () => {
    expect(matchPlannedLocation(planned, "Valkenswaard (peuters)", ["222222222"])).toBe(1);
  });
  test("then the location key only when one planned location has it", () => {
    expect(matchPlannedLocation(planned, "Locatie Budel", [])).toBe(2);
    expect(matchPlannedLocation(planned, "Valkenswaard", [])).toBeNull();
  });

  test("KDV and BSO of one place stay two locations in the realisation", () => {
    const plan = buildSheet("Uren 2026", [
      ["Aantal LRK-registraties", 2],
      ["Fte pedagogisch medewerkers", 3],
      [],
      ["Locatie", "Beleidsuren", "Coachuren"],
      ["KDV Zandvoort", 50, 15],
      ["BSO Zandvoort", 50, 15],
      ["Totaal", 100, 30],
    ]);
    const real = buildSheet("Realisatie", [["Realisatie 2026"], [], ["Maand", "Locatie", "Onderdeel", "Uren"], ["januari", "KDV Zandvoort", "Beleid", 10], ["februari", "BSO Zandvoort", "Beleid", 4]]);
    const r = checkWorkbook({ sheets: [plan, real] }, { asOf: "2026-07-01" });
    const policy = r.realisation!.locations.filter((l) => l.part === "policy");
    expect(policy).toEqual([
      expect.objectContaining({ location: "KDV Zandvoort", planned: 50, realised: 10 }),
      expect.objectContaining({ location: "BSO Zandvoort", planned: 50, realised: 4 }),
    ]);
  });
});

describe("the totals cover the same parts", () => {
  const real = buildSheet("Realisatie", [["Realisatie 2026"], [], ["Maand", "Locatie", "Onderdeel", "Uren"], ["januari", "Dommelen", "Coaching", 6], ["maart", "Budel", "Coaching", 3]]);
  const r = checkWorkbook({ sheets: [smallPlanSheet(), real] }, { asOf: "2026-07-01" });
  const x = r.realisation!;

  test("only coaching recorded: expected.total is the coaching plan × fraction, not the whole plan", () => {
    expect(x.fraction).toBe(0.5);
    expect(x.realised.total).toBe(9);
    expect(x.expected.total).toBe(15); // 30 h coaching × 0,5; beleid (100 h) has nothing realised
    expect(x.expected.policy).toBe(50);
    expect(x.projected.total).toBe(18);
    expect(x.partsWithoutRealised).toEqual(["policy", "ve"]);
  });

  test("the report rows say which parts have no realised hours yet", () => {
    const rows = reportRows(r).map((row) => row.join(" | "));
    expect(rows).toContain("Totaal (coaching) | 9 | 15 | 18");
    expect(rows.some((row) => row.startsWith("Nog geen bestede uren | beleid, VE"))).toBe(true);
  });

  test("the text report says the same", () => {
    const lines = realisationLines(r);
    expect(lines.some((l) => /^\s*Totaal \(coaching\)\s/.test(l))).toBe(true);
    expect(lines).toContain("  Nog geen bestede uren: beleid, VE (niet in het totaal).");
  });

  test("with every part realised the total row is plain 'Totaal' and no such row", () => {
    const all = buildSheet("Realisatie", [["Realisatie 2026"], [], ["Maand", "Locatie", "Onderdeel", "Uren"], ["januari", "Dommelen", "Coaching", 6], ["maart", "Budel", "Beleid", 3], ["april", "Budel", "VE", 1]]);
    const q = checkWorkbook({ sheets: [smallPlanSheet(), all] }, { asOf: "2026-07-01" });
    const rows = reportRows(q).map((row) => row[0]);
    expect(rows).toContain("Totaal");
    expect(rows).not.toContain("Nog geen bestede uren");
    expect(q.realisation!.expected.total).toBe(65); // (100 + 30 + 0) × 0,5
  });
});
