/**
 * The sheet's own derived figures are checked, not trusted: a rounded-down fte, a stated
 * norm below the law, a formation per week. Expected figures by hand from docs/domain.md:
 * fte = weekly hours ÷ 36 (no rounding), coaching = 10 × fte, policy = 50 × kindercentra,
 * VE = 10 × doelgroeppeuters, formation = weekly hours × 52.
 */
import { buildSheet, checkWorkbook, formulaCell as f, RULES } from "../shared/validate";
import type { CheckOptions, CheckResult, WorkbookSnapshot } from "../shared/validate/types";

const byRule = (r: CheckResult, rule: string) => r.findings.filter((x) => x.rule === rule);
const wb = (...sheets: ReturnType<typeof buildSheet>[]): WorkbookSnapshot => ({ sheets });
const check = (w: WorkbookSnapshot, o: CheckOptions = {}) => checkWorkbook(w, { year: 2024, ...o });

describe("fte rounded below its own weekly hours ÷ 36", () => {
  test("ROUNDDOWN on the fte beside the weekly hours: error at the fte, norm with 806 ÷ 36", () => {
    const r = check(
      wb(
        buildSheet("Berekening", [
          ["Coachplan 2024"],
          [],
          ["Uren per week pedagogisch medewerkers", 806],
          ["Fte", f("=ROUNDDOWN(B3/36,0)", 22)],
          ["Aantal kindercentra", 11],
        ]),
      ),
    );
    expect(r.inputs.fte?.value).toBeCloseTo(806 / 36, 10);
    expect(r.required.coaching).toBeCloseTo(8060 / 36, 10); // 223,89, not 220
    const e = byRule(r, RULES.FTE_ROUNDED);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ severity: "error", sheet: "Berekening", cell: "B4" });
    expect(e[0].message).toContain("ROUNDDOWN");
    expect(e[0].message).toContain("22,39");
  });

  test("AFRONDEN.NAAR.BENEDEN against the staff list on another sheet", () => {
    const r = check(
      wb(
        buildSheet("Samenvatting", [["Totaal fte PM", f("=AFRONDEN.NAAR.BENEDEN(Personeel!C5/36;1)", 2)]]),
        buildSheet("Personeel", [
          ["Naam", "Functie", "Contracturen"],
          ["Aaf", "PM", 24],
          ["Bas", "PM", 30],
          ["Cis", "PM", 20],
          ["Totaal", null, f("=SUM(C2:C4)", 74)],
        ]),
      ),
    );
    // 74 ÷ 36 = 2,0556 fte (stated 2,0).
    expect(r.inputs.fte?.value).toBeCloseTo(74 / 36, 10);
    expect(byRule(r, RULES.FTE_ROUNDED).map((x) => [x.severity, x.sheet, x.cell])).toEqual([["error", "Samenvatting", "B1"]]);
  });

  test("a typed figure: 42 below 1 525,5 ÷ 36 = 42,375 is an error; 42,38 (higher) is not", () => {
    const sheet = (fte: number) => wb(buildSheet("Blad1", [["Weekuren PM", 1525.5], ["FTE", fte]]));
    const low = check(sheet(42));
    expect(low.inputs.fte?.value).toBeCloseTo(42.375, 10);
    expect(byRule(low, RULES.FTE_ROUNDED)).toHaveLength(1);
    const up = check(sheet(42.38));
    expect(up.inputs.fte?.value).toBe(42.38);
    expect(byRule(up, RULES.FTE_ROUNDED)).toEqual([]);
  });

  test("INT of an unlabelled cell: the unrounded fte is unknown (a gap), never the rounded 22", () => {
    const r = check(wb(buildSheet("Fte", [["Uren", 806], ["fte", f("=INT(B1/36)", 22)], ["Kindercentra", 3]])));
    expect(r.inputs.fte).toBeNull();
    expect(r.missing.some((m) => m.includes("fte"))).toBe(true);
    expect(byRule(r, RULES.FTE_ROUNDED)[0]).toMatchObject({ severity: "warning", cell: "B2" });
  });

  test("ROUND on a figure that cannot be traced: the fte is unknown, not the rounded value", () => {
    const r = check(wb(buildSheet("Kengetallen", [["Aantal fte", f("=ROUND(Export!Z99,0)", 40)], ["Aantal kindercentra", 4]])));
    expect(r.inputs.fte).toBeNull();
    expect(r.required.coaching).toBeNull();
    expect(r.complete).toBe(false);
    expect(byRule(r, RULES.FTE_ROUNDED)[0]).toMatchObject({ severity: "warning", sheet: "Kengetallen", cell: "B1" });
  });

  test("the fte total of a staff list rounded down: error at the total", () => {
    const r = check(
      wb(
        buildSheet("Medewerkers", [
          ["Naam", "Uren per week", "FTE"],
          ["Dewi", 20, 0.56],
          ["Evi", 30, 0.83],
          ["Totaal", f("=SUM(B2:B3)", 50), f("=ROUNDDOWN(SUM(C2:C3),1)", 1.3)],
        ]),
      ),
    );
    // 50 ÷ 36 = 1,3889 fte; the norm uses it.
    expect(r.inputs.fte?.value).toBeCloseTo(50 / 36, 10);
    const e = byRule(r, RULES.FTE_ROUNDED);
    expect(e.map((x) => [x.severity, x.cell])).toEqual([["error", "C4"]]);
  });
});

describe("stated norms against the law", () => {
  // 16 kindercentra, 42,37 fte, 21 doelgroeppeuters: 800 + 423,7 + 210 = 1 433,7 h.
  const given: CheckOptions = { year: 2026 };
  const inputs = [["Aantal LRK-registraties", 16], ["Fte pedagogisch medewerkers", 42.37], ["Doelgroeppeuters", 21], []];

  test("a Norm column per part: too low is an error at its cell, equal is silent", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Overzicht", [
          ...inputs,
          ["Normen en planning 2026"],
          ["Onderdeel", "Norm", "Gepland"],
          ["Beleid", 800, 800],
          ["Coaching", 400, 1000],
          ["VE", 210, 210],
          ["Totaal", 1410, 2010],
        ]),
      ),
      given,
    );
    const low = byRule(r, RULES.STATED_NORM_LOW);
    expect(low.map((x) => [x.severity, x.sheet, x.cell])).toEqual([
      ["error", "Overzicht", "B8"],
      ["error", "Overzicht", "B10"],
    ]);
    expect(low[0].message).toContain("423,7");
    expect(byRule(r, RULES.STATED_NORM_HIGH)).toEqual([]);
  });

  test("labels with the figure to the right; above the law is information; display rounding is no finding", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Begroting", [
          ...inputs,
          ["Benodigde coachuren", null, 423.7],
          ["Vereiste beleidsuren", 850],
          ["Minimaal aantal uren VE", 200],
          ["Required total", 1433.7],
          ["Minimaal aantal uur coaching per medewerker", 10],
        ]),
      ),
      given,
    );
    expect(byRule(r, RULES.STATED_NORM_HIGH).map((x) => x.cell)).toEqual(["B6"]);
    expect(byRule(r, RULES.STATED_NORM_LOW).map((x) => x.cell)).toEqual(["B7"]);
  });

  test("a coaching norm written as 223,9 for 806 ÷ 36 × 10 = 223,89 is fine; 223 is too low", () => {
    const sheet = (v: number) => wb(buildSheet("Norm", [["Uren per week PM", 806], ["Norm coaching", v]]));
    const o: CheckOptions = { year: 2024 };
    expect(byRule(checkWorkbook(sheet(223.9), o), RULES.STATED_NORM_LOW)).toEqual([]);
    expect(byRule(checkWorkbook(sheet(223.9), o), RULES.STATED_NORM_HIGH)).toEqual([]);
    expect(byRule(checkWorkbook(sheet(223), o), RULES.STATED_NORM_LOW)).toHaveLength(1);
  });

  test("the Totaal of a per-location Norm column is not the norm of the whole law", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Coaching", [
          ...inputs,
          ["Locatie", "Norm coaching", "Gepland"],
          ["Dommelen", 200, 500],
          ["Budel", 223.7, 500],
          ["Totaal", 423.7, 1000],
        ]),
      ),
      given,
    );
    expect(byRule(r, RULES.STATED_NORM_LOW)).toEqual([]);
  });
});

describe("formation labelled per week", () => {
  test.each([
    ["Formatie coach (uur per week)", 48, 2496],
    ["Formatie beleidsmedewerkers uren p/w", 20, 1040],
    ["Formatie coaches (uren per jaar)", 2496, 2496],
  ])("'%s' %d → %d h per year", (label, value, hours) => {
    const r = check(wb(buildSheet("Formatie", [["Aantal LRK-registraties", 2], [label, value]])));
    expect(r.formation.hours).toBe(hours);
  });
});
