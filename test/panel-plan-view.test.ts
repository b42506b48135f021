/**
 * The panel's issue-12 helpers (shared/panel/plan-view.ts) and the memory host's new calls:
 * the year of a new plan, the reference date and alert month passed to the engine, the
 * realisation block from a hand-built CheckResult and from the real engine, the Dutch
 * messages, and "Nieuw plan" with the real template through the in-memory host.
 */
import type { CheckResult, RealisationResult } from "../shared/validate/types";
import { realisationRows as reportRealisationRows } from "../shared/validate/realisation-report";
import { checkWorkbook, buildSheet } from "../shared/validate";
import { plan2026 } from "../examples/plan-2026";
import { checkOptions } from "../shared/panel/view-model";
import {
  asOfSetting,
  isoDate,
  newPlanTemplate,
  newPlanYear,
  overviewWrittenMessage,
  planAddedMessage,
  planRemovedMessage,
  realisationView,
} from "../shared/panel/plan-view";
import { MemoryHost } from "../demo/memory-host";
import { OVERVIEW_SHEET_NAME } from "../shared/panel/host";
import { overviewModel } from "../shared/validate/overview";
import { overviewRows } from "../shared/overview-rows";

describe("year and dates", () => {
  test("the panel's year wins; otherwise this year, next year from October on", () => {
    expect(newPlanYear({ version: 1, year: 2025 }, new Date(2026, 10, 3))).toBe(2025);
    expect(newPlanYear(null, new Date(2026, 8, 30))).toBe(2026);
    expect(newPlanYear(null, new Date(2026, 9, 1))).toBe(2027);
    expect(newPlanYear({ version: 1 }, new Date(2026, 11, 31))).toBe(2027);
    // What is typed in the year field now wins, also before "Opnieuw controleren".
    expect(newPlanYear({ version: 1, year: 2025 }, new Date(2026, 11, 31), " 2028 ")).toBe(2028);
    expect(() => newPlanYear(null, new Date(2026, 11, 31), "2015")).toThrow(/2019/);
    expect(() => newPlanYear(null, new Date(2026, 11, 31), "volgend jaar")).toThrow(/heel getal/);
  });

  test("today as the local date; Dutch display; a typed date is checked", () => {
    expect(isoDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(asOfSetting("2026-10-01", "2026-12-01")).toBe("2026-10-01");
    expect(asOfSetting("", "2026-12-01")).toBeNull();
    expect(asOfSetting("2026-12-01", "2026-12-01")).toBeNull();
    expect(() => asOfSetting("2026-02-30", "2026-12-01")).toThrow(/geen bestaande datum/);
  });

  test("checkOptions passes today as asOf (the engine reads no clock) and september by default; stored values win", () => {
    expect(checkOptions(null, "2026-12-01")).toEqual({ asOf: "2026-12-01", asOfSource: "vandaag", alertFromMonth: 9 });
    const o = checkOptions({ version: 1, asOf: "2026-10-01", alertFromMonth: 6, year: 2026 }, "2026-12-01");
    expect(o).toMatchObject({ asOf: "2026-10-01", alertFromMonth: 6, year: 2026 });
    expect(o.asOfSource).toMatch(/paneel/);
    // Without a date given, nothing about the realisation (older callers unchanged).
    expect(checkOptions({ version: 1 })).toEqual({});
  });
});

describe("realisation block", () => {
  const parts = (policy: number | null, coaching: number | null, ve: number | null, total: number | null) => ({ policy, coaching, ve, total });
  const real: RealisationResult = {
    asOf: "2026-10-01",
    asOfSource: "vandaag",
    fraction: 0.75,
    realised: parts(500, 600, null, 1100),
    expected: parts(600, 750, null, 1350),
    projected: parts(666.6666666666666, 800, null, 1466.6666666666667),
    locations: [],
    alertFromMonth: 9,
    notCoached: [{ sheet: "Medewerkers", cell: "A5", name: "X" }, { sheet: "Medewerkers", cell: "A9" }],
  };

  const withReal = (x: RealisationResult | null): CheckResult => ({ realisation: x } as unknown as CheckResult);

  test("heading with the date and the share of the year; a row per part with figures, in Dutch numbers; VE left out; notes", () => {
    const v = realisationView(withReal(real))!;
    expect(v.title).toBe("Realisatie per 01-10-2026 (75 % van het jaar)");
    expect(v.header).toEqual(["Onderdeel", "Gerealiseerd (uren)", "Verwacht volgens plan (uren)", "Op dit tempo eind van het jaar (uren)"]);
    expect(v.rows).toEqual([
      { part: "policy", cells: ["Beleid", "500", "600", "666,67"] },
      { part: "coaching", cells: ["Coaching", "600", "750", "800"] },
      { part: "total", cells: ["Totaal", "1.100", "1.350", "1.466,67"] },
    ]);
    expect(v.notes).toEqual(["Nog niet gecoacht (medewerkers): 2", "Een waarschuwing per niet-gecoachte medewerker vanaf september (zie de bevindingen)."]);
    // The panel shows what the report sheet says: the same rows.
    const report = reportRealisationRows(withReal(real));
    expect([[v.title], v.header, ...v.rows.map((r) => r.cells)]).toEqual(report.slice(0, 5));
    expect(realisationView(withReal(null))).toBeNull();
  });

  test("without a reference date: said plainly, nothing compared", () => {
    const v = realisationView(withReal({ ...real, asOf: null, fraction: null }))!;
    expect(v.title).toMatch(/geen peildatum/);
    expect(v.header).toEqual(["Onderdeel", "Gerealiseerd (uren)"]);
  });

  test("with the real engine: realised hours from a Realisatie sheet compared pro rata to 1 October", () => {
    const wb = plan2026();
    wb.sheets.push(
      buildSheet("Realisatie", [
        ["Realisatie 2026"],
        ["Maand", "Locatie", "Onderdeel", "Uren", "Medewerker (bij coaching)", "Toelichting"],
        ["januari", "KDV Budel", "Coaching", 100, "", ""],
        ["februari", "KDV Budel", "Coaching", 50, "", ""],
        ["maart", "KDV Budel", "Beleid", 40, "", ""],
      ]),
    );
    const r: CheckResult = checkWorkbook(wb, checkOptions({ version: 1 }, "2026-10-01"));
    expect(r.realisation).toBeTruthy();
    const real2 = r.realisation!;
    expect(real2.fraction).toBe(0.75);
    expect(real2.realised.coaching).toBe(150);
    // The 2026 example plans 1.000 coaching hours: by 1 October 750 are expected; 150 ÷ 0,75 = 200 at this pace.
    expect(real2.expected.coaching).toBe(750);
    const coaching = realisationView(r)!.rows.find((x) => x.part === "coaching")!;
    expect(coaching.cells).toEqual(["Coaching", "150", "750", "200"]);
  });
});

describe("messages", () => {
  test("added, removed, kept, overview", () => {
    expect(planAddedMessage(2027, { sheets: ["Normen", "Locaties 2027"] })).toMatch(/^Nieuw plan 2027: 2 bladen toegevoegd \('Normen' en 'Locaties 2027'\)/);
    expect(planRemovedMessage({ removed: [], kept: [] })).toMatch(/geen bladen/);
    const both = planRemovedMessage({ removed: ["Normen"], kept: ["Verdeling"] });
    expect(both).toMatch(/^Verwijderd: 'Normen'\. Niet verwijderd, want sinds het toevoegen gewijzigd/);
    expect(both).toContain("'Verdeling'");
    expect(overviewWrittenMessage(OVERVIEW_SHEET_NAME, 0)).toBe("Overzicht voor ouders en medewerkers geschreven naar blad 'IKK-overzicht'.");
    expect(overviewWrittenMessage(`${OVERVIEW_SHEET_NAME} (2)`, 2)).toMatch(/eigen blad 'IKK-overzicht'.*niet volledig/);
  });
});

describe("Nieuw plan with the real template through the memory host", () => {
  test("seven sheets; a taken name gets the year; undo removes exactly those; an edited one stays", async () => {
    const host = new MemoryHost({ sheets: [{ name: "Locaties", values: [["eigen"]] }] });
    const template = newPlanTemplate(2027, ["Locaties"]);
    expect(template.sheets.map((s) => s.name)).toEqual(["Normen", "Locaties 2027", "Medewerkers", "Formatie", "Verdeling", "Realisatie", "Overzicht"]);
    const added = await host.addPlanSheets(template);
    expect(added.sheets).toEqual(template.sheets.map((s) => s.name));
    const verdeling = host.workbook.sheets.find((s) => s.name === "Verdeling")!;
    const formulas = verdeling.formulas!.flat().filter((f): f is string => !!f);
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.some((f) => f.includes("'Locaties 2027'!"))).toBe(true);
    expect(formulas.some((f) => /(^|[^'\w])Locaties!/.test(f))).toBe(false);
    host.userEdit("Formatie", 4, 0, "Coach A");
    const r = await host.removePlanSheets();
    expect(r.kept).toEqual(["Formatie"]);
    expect(r.removed).toEqual(["Normen", "Locaties 2027", "Medewerkers", "Verdeling", "Realisatie", "Overzicht"]);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Locaties", "Formatie"]);
  });

  test("the overview sheet: text rows of the model, replaced on a second run, left out of reading", async () => {
    const wb = plan2026();
    const host = new MemoryHost(wb);
    const rows = overviewRows(overviewModel(wb, checkWorkbook(wb)));
    expect((await host.writeOverview(rows)).sheet).toBe(OVERVIEW_SHEET_NAME);
    expect((await host.writeOverview(rows)).sheet).toBe(OVERVIEW_SHEET_NAME);
    expect(host.workbook.sheets.filter((s) => s.name === OVERVIEW_SHEET_NAME)).toHaveLength(1);
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).not.toContain(OVERVIEW_SHEET_NAME);
  });
});
