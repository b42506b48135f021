/**
 * The formation from a list of coaches / beleidsmedewerkers (formation-list.ts, docs/regels.md
 * "Formatie uit een lijst"), leave and absence, and money in the report rows. Figures by hand
 * from the norm's own formatieWekenPerJaar and urenPerFteWeek.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import { normForYear } from "../shared/norms";
import { reportRows } from "../shared/validate/report";
import { yearFraction } from "../shared/validate/formation-list";
import type { CellValue, CheckOptions, CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { smallPlanSheet } from "./helpers/small-plan";

const norm = normForYear(2026);
const WEEKS = norm.formatieWekenPerJaar;
const byRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);

function plan(coaches: CellValue[][], extra: CellValue[][] = [], year = 2026): WorkbookSnapshot {
  return {
    sheets: [
      smallPlanSheet(extra, year),
      buildSheet("Coaches", coaches),
    ],
  };
}
const HEAD = ["Coach", "Functie", "Uren per week", "Ingangsdatum", "Einddatum"];
const check = (wb: WorkbookSnapshot, o: CheckOptions = {}) => checkWorkbook(wb, o);

describe("pro rata by days inside the check year", () => {
  test("the year's days: 365 in 2026, 366 in 2028; no dates is the whole year; a contract outside the year is 0", () => {
    expect(yearFraction(2026, null, null)).toEqual({ days: 365, of: 365 });
    expect(yearFraction(2028, null, null)).toEqual({ days: 366, of: 366 });
    const day = (s: string) => Date.parse(s) / 86_400_000;
    expect(yearFraction(2026, day("2026-07-01"), null)).toEqual({ days: 184, of: 365 });
    expect(yearFraction(2026, null, day("2026-03-31"))).toEqual({ days: 90, of: 365 });
    expect(yearFraction(2026, day("2025-01-01"), day("2025-12-31"))).toEqual({ days: 0, of: 365 });
    expect(yearFraction(2026, day("2027-02-01"), null)).toEqual({ days: 0, of: 365 });
  });

  test("an end date (Dutch '31-3-2026') and a start date as an Excel serial number: both pro rata", () => {
    const serial1July2026 = 46204; // 2026-07-01 in Excel's 1900 system
    const r = check(plan([HEAD, ["Anne", "Coach", 20, "", "31-3-2026"], ["Bas", "Coach", 10, serial1July2026, ""]]));
    expect(r.formation.hours).toBeCloseTo((20 * WEEKS * 90) / 365 + (10 * WEEKS * 184) / 365, 9);
    expect(r.formation.source?.description).toContain("tot en met 31-03-2026");
    expect(r.formation.source?.description).toContain("vanaf 01-07-2026");
  });

  test("in a leap year the days are of 366", () => {
    const r = check(plan([HEAD, ["Anne", "Coach", 20, "2028-07-01", ""]], [], 2028));
    expect(r.year).toBe(2028);
    expect(r.formation.hours).toBeCloseTo((20 * WEEKS * 184) / 366, 9);
  });

  test("without dates the sum is exactly Σ weekly hours × weeks (no rounding)", () => {
    const r = check(plan([HEAD, ["Anne", "Coach", 20.5, "", ""], ["Bas", "Coach", 7.25, "", ""]]));
    expect(r.formation.hours).toBe((20.5 + 7.25) * WEEKS);
  });

  test("an unreadable date: a warning at that cell, and the formation unknown (never counted in full)", () => {
    const r = check(plan([HEAD, ["Anne", "Coach", 20, "binnenkort", ""], ["Bas", "Coach", 10, "", ""]]));
    expect(r.formation.hours).toBeNull();
    const bad = byRule(r, RULES.FACT_INVALID).filter((f) => f.sheet === "Coaches");
    expect(bad).toHaveLength(1);
    expect(bad[0].cell).toBe("D2");
    expect(bad[0].message).toContain("de datum in de kolom 'Ingangsdatum'");
  });

  test("an impossible date (31-02-2026) is unreadable too", () => {
    const r = check(plan([HEAD, ["Anne", "Coach", 20, "31-02-2026", ""]]));
    expect(r.formation.hours).toBeNull();
  });
});

describe("fte instead of hours, vacancies", () => {
  test("an fte column: fte × the norm's full-time week × weeks", () => {
    const r = check(plan([["Coach", "Functie", "Fte"], ["Anne", "Coach", 0.5], ["Bas", "Coach", 0.25]]));
    expect(r.formation.hours).toBeCloseTo(0.75 * norm.urenPerFteWeek * WEEKS, 9);
  });

  test("vacancies by name ('Vacature coach') or by status ('open') are not counted, their hours apart (also pro rata)", () => {
    const r = check(
      plan([
        [...HEAD, "Status"],
        ["Anne", "Coach", 20, "", "", ""],
        ["Vacature coach", "Coach", 8, "", "", ""],
        ["Nieuwe coach", "Coach", 16, "2026-07-01", "", "Open"],
      ]),
    );
    expect(r.formation.hours).toBe(20 * WEEKS);
    expect(r.formation.vacancyHours).toBeCloseTo(8 * WEEKS + (16 * WEEKS * 184) / 365, 9);
    expect(r.formation.source?.description).toContain("2 vacatures");
  });

  test("no list: vacancyHours is null (not 0)", () => {
    const r = check({ sheets: [buildSheet("Uren 2026", [["Peildatum", "1 januari 2026"], ["Formatie coach (uren per jaar)", 500]])] });
    expect(r.formation.vacancyHours).toBeNull();
  });

  test("a stated formation equal to the list (within half an hour): no conflict", () => {
    const r = check(plan([HEAD, ["Anne", "Coach", 20, "", ""]], [["Formatie coaches (uren per jaar)", 20 * WEEKS]]));
    expect(byRule(r, RULES.FACT_CONFLICT)).toEqual([]);
  });
});

describe("leave and absence from a labelled cell", () => {
  const coaches = [HEAD, ["Anne", "Coach", 36, "", ""]];
  test("a cell in Excel's percentage format (0,08) is 8 %; 'Verzuim %' with 6 is 6 %; text '7,5%' is 7,5 %", () => {
    expect(check(plan(coaches, [["Verlof", 0.08]])).formation.leavePercent?.value).toBe(8);
    expect(check(plan(coaches, [["Verzuim %", 6]])).formation.leavePercent?.value).toBe(6);
    const r = check(plan(coaches, [["Afwezigheid (%)", "7,5%"]]));
    expect(r.formation.leavePercent?.value).toBe(7.5);
    expect(r.formation.netHours).toBeCloseTo(36 * WEEKS * (1 - 0.075), 9);
    expect(r.formation.netMarginHours).toBeCloseTo(36 * WEEKS * (1 - 0.075) - 130, 9);
  });

  test("'Verlofuren' (hours) is no percentage; a value above 100 is a warning and not used", () => {
    expect(check(plan(coaches, [["Verlofuren", 80]])).formation.leavePercent).toBeNull();
    const r = check(plan(coaches, [["Verzuim %", 150]]));
    expect(r.formation.leavePercent).toBeNull();
    expect(r.formation.netHours).toBeNull();
    expect(byRule(r, RULES.FACT_INVALID).some((f) => f.cell === "B5" && f.message.includes("geen percentage tussen 0 en 100"))).toBe(true);
  });

  test("the option wins over the cell; without leave the net figures are null", () => {
    expect(check(plan(coaches, [["Verlof", 0.08]]), { overrides: { leavePercent: 3 } }).formation.leavePercent?.value).toBe(3);
    const none = check(plan(coaches));
    expect(none.formation.netHours).toBeNull();
    expect(none.formation.netMarginHours).toBeNull();
  });
});

describe("money in the report sheet rows", () => {
  const coaches = [HEAD, ["Anne", "Coach", 36, "", ""]];
  test("'Kosten per uur' 55: required, formation and margin in euros; none of these rows without a rate", () => {
    const r = check(plan(coaches, [["Kosten per uur", 55]]));
    expect(r.formation.hourlyRate?.value).toBe(55);
    const rows = reportRows(r, { date: new Date(2026, 0, 1) });
    const row = (label: string) => rows.find((x) => x[0] === label);
    expect(row("Uurtarief (euro)")?.slice(0, 2)).toEqual(["Uurtarief (euro)", "55"]);
    expect(row("Vereist (euro)")?.[1]).toBe("7.150");
    expect(row("Formatie (euro)")?.[1]).toBe("102.960");
    expect(row("Marge (euro)")?.[1]).toBe("95.810");
    const without = reportRows(check(plan(coaches)), { date: new Date(2026, 0, 1) });
    expect(without.some((x) => x[0] === "Uurtarief (euro)")).toBe(false);
  });

  test("leave and vacancy rows appear when known", () => {
    const r = check(plan([[...HEAD, "Status"], ["Anne", "Coach", 36, "", "", ""], ["Vacature", "Coach", 10, "", "", ""]]), { overrides: { leavePercent: 10 } });
    const rows = reportRows(r, { date: new Date(2026, 0, 1) });
    expect(rows.find((x) => x[0] === "Open vacatures (uren per jaar, niet in de formatie)")?.[1]).toBe("520");
    expect(rows.find((x) => x[0] === "Netto beschikbaar (uren)")?.[1]).toBe("1.684,8");
  });
});

describe("a coach planned for more than the contract (per coach, only by exact name in a plan column headed 'Coach')", () => {
  const coaches = [HEAD, ["Marieke Jansen", "Coach", 24, "", ""], ["Tom de Vries", "Beleidsmedewerker", 16, "2026-07-01", ""]];
  const plan2 = (rows: CellValue[][]): WorkbookSnapshot => ({
    sheets: [
      buildSheet("Uren 2026", [
        ["Peildatum", "1 januari 2026"],
        ["Aantal LRK-registraties", 2],
        ["Fte pedagogisch medewerkers", 3],
        ["Doelgroeppeuters", 0],
        [],
        ["Coach", "Locatie", "Beleidsuren", "Coachuren"],
        ...rows,
      ]),
      buildSheet("Coaches", coaches),
    ],
  });
  const TOM = (16 * WEEKS * 184) / 365; // 419,42 h from 1 July

  test("Tom: 350 + 110 = 460 h planned against 419,42 h of contract → a warning at the row that goes over", () => {
    const r = check(plan2([["Marieke Jansen", "Dommelen", 50, 15], ["Tom de Vries", "Budel", 50, 300], ["Tom de Vries", "Budel", 10, 100]]));
    const over = byRule(r, RULES.FORMATION_OVERPLANNED).filter((f) => f.sheet === "Uren 2026");
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: "warning", cell: "D9" });
    expect(over[0].message).toBe(`Tom de Vries is tot en met deze rij voor 460 uur ingepland, meer dan de ${"419,42"} uur van het contract in de lijst van coaches/beleidsmedewerkers.`);
    expect(TOM).toBeCloseTo(419.42, 2);
  });

  test("within the contract, or a name not written as in the list: no warning", () => {
    expect(byRule(check(plan2([["Tom de Vries", "Budel", 50, 300]])), RULES.FORMATION_OVERPLANNED)).toEqual([]);
    expect(byRule(check(plan2([["T. de Vries", "Budel", 500, 300]])), RULES.FORMATION_OVERPLANNED)).toEqual([]);
  });
});
