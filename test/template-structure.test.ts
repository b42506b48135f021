/**
 * The "nieuw plan" template model (shared/template/plan-template.ts): its sheets, headers,
 * validations and formulas, the norm figures with their source, sheet names with spaces,
 * a year without a norm, and carried rows.
 */
import { isIkkError } from "../shared/errors";
import { NORM_VERSIONS, normForYear } from "../shared/norms";
import { formatDutch } from "../shared/numbers";
import {
  assertCarryLimits,
  buildPlanTemplate,
  CARRY_LIMITS,
  COACH_FUNCTIONS,
  DEFAULT_PLAN_SHEET_NAMES,
  FIRST_ROW,
  MONTHS,
  NORM_CELLS,
  PLAN_SHEET_KEYS,
  REALISATION_HEADERS,
  sheetRef,
  STAFF_FUNCTIONS,
  TEMPLATE_ROWS,
} from "../shared/template/plan-template";
import type { CarriedPlan, CarriedStaff, TemplateSheet, TemplateWorkbook } from "../shared/template/types";
import { parseCell } from "../shared/validate/a1";
import { functionKind } from "../shared/validate/staff-functions";
import { normalizeText } from "../shared/validate/cell-read";

const sheet = (t: TemplateWorkbook, name: string): TemplateSheet => {
  const s = t.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const headerTexts = (s: TemplateSheet) => (s.rows[FIRST_ROW - 2] ?? []).map((c) => c?.value);
const allFormulas = (t: TemplateWorkbook): { sheet: string; formula: string }[] =>
  t.sheets.flatMap((s) => [
    ...s.rows.flatMap((row) => row.filter((c) => c?.formula !== undefined).map((c) => ({ sheet: s.name, formula: c!.formula! }))),
    ...(s.validations ?? []).flatMap((v) => (v.rule.kind === "custom" ? [{ sheet: s.name, formula: v.rule.formula }] : [])),
  ]);

/** The sheet names a formula refers to: 'Quoted name'! (with '' for ') or Plain!. */
function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*)!/g;
  for (let m = re.exec(formula.replace(/"[^"]*"/g, '""')); m; m = re.exec(formula)) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  return out;
}

describe("the 2026 template", () => {
  const t = buildPlanTemplate({ year: 2026 });

  test("has the seven sheets in order, each with its title and header", () => {
    expect(t.year).toBe(2026);
    expect(t.sheets.map((s) => s.name)).toEqual(["Normen", "Locaties", "Medewerkers", "Formatie", "Verdeling", "Realisatie", "Overzicht"]);
    expect(headerTexts(sheet(t, "Locaties"))).toEqual(["LRK-nummer", "Locatie", "Soort opvang", "Doelgroeppeuters op 1 januari", "VE-uren vereist"]);
    expect(headerTexts(sheet(t, "Medewerkers"))).toEqual([
      "Naam",
      "Functie",
      "Vast/flex",
      "Contracturen per week",
      "Gewerkte uren in de 13 weken voor 1 januari",
      "Locatie",
      "Coaching ontvangen (uren)",
    ]);
    expect(headerTexts(sheet(t, "Formatie"))).toEqual(["Naam", "Functie", "Uren per week", "Uren per jaar"]);
    expect(headerTexts(sheet(t, "Verdeling"))).toEqual(["Locatie", "Beleidsuren", "Coachuren", "VE-uren", "Totaal", "VE-uren vereist"]);
    for (const s of t.sheets) expect(String(s.rows[0][0]?.value)).toMatch(/ 2026$/);
  });

  test("Realisatie: the title row 'Realisatie 2026', then exactly the agreed header", () => {
    const r = sheet(t, "Realisatie");
    expect(r.rows[0].map((c) => c?.value)).toEqual(["Realisatie 2026"]);
    expect(headerTexts(r)).toEqual(["Maand", "Locatie", "Onderdeel", "Uren", "Medewerker (bij coaching)", "Toelichting"]);
    expect([...REALISATION_HEADERS]).toEqual(headerTexts(r));
    expect(r.rows.length).toBe(FIRST_ROW - 1 + TEMPLATE_ROWS.realisation);
    expect(r.frozenRows).toBe(2);
  });

  test("room for 60 locations, 400 staff, 20 coaches and 2 000 realisation rows", () => {
    expect(sheet(t, "Locaties").rows.length - (FIRST_ROW - 1)).toBeGreaterThanOrEqual(60);
    expect(sheet(t, "Verdeling").rows.length - (FIRST_ROW - 1)).toBe(sheet(t, "Locaties").rows.length - (FIRST_ROW - 1));
    expect(sheet(t, "Medewerkers").rows.length - (FIRST_ROW - 1)).toBeGreaterThanOrEqual(400);
    expect(sheet(t, "Formatie").rows.length - (FIRST_ROW - 1)).toBeGreaterThanOrEqual(20);
    expect(sheet(t, "Realisatie").rows.length - (FIRST_ROW - 1)).toBeGreaterThanOrEqual(2000);
  });

  test("the norm figures of 2026 with their source, in the cells the formulas use", () => {
    const n = sheet(t, "Normen");
    const norm = normForYear(2026);
    const at = (a1: string) => {
      const ref = parseCell(a1)!;
      return n.rows[ref.row]?.[ref.col]?.value;
    };
    expect(at(NORM_CELLS.year)).toBe(2026);
    expect(at(NORM_CELLS.policyPerCentre)).toBe(norm.beleidsurenPerKindercentrum);
    expect(at(NORM_CELLS.coachingPerFte)).toBe(norm.coachurenPerFte);
    expect(at(NORM_CELLS.hoursPerFteWeek)).toBe(36);
    expect(at(NORM_CELLS.flexWeeks)).toBe(13);
    expect(at(NORM_CELLS.weeksPerYear)).toBe(52);
    expect(at(NORM_CELLS.vePerToddler)).toBe(10);
    const texts = n.rows.flat().map((c) => c?.value);
    // Every version in force on 1 January 2026 names its source.
    for (const v of NORM_VERSIONS) expect(texts).toContain(v.bron);
  });

  test("formulas: plain functions with a leading '=', never rounded, every sheet they name exists", () => {
    const formulas = allFormulas(t);
    // 60 + 400 + 20 + 3 × 60 per-row formulas, the Overzicht and the custom validations.
    expect(formulas.length).toBeGreaterThan(60 + 400 + 20 + 180 + 20);
    const names = new Set(t.sheets.map((s) => s.name));
    const used = new Set<string>();
    for (const { formula } of formulas) {
      expect(formula.startsWith("=")).toBe(true);
      expect(formula).not.toMatch(/\b(ROUND|ROUNDUP|ROUNDDOWN|MROUND|TRUNC|INT|FLOOR|CEILING|AFRONDEN)\s*\(/i);
      for (const ref of referencedSheets(formula)) {
        expect(names.has(ref)).toBe(true);
        used.add(ref);
      }
    }
    // The Overzicht reads every input sheet.
    expect([...used].sort()).toEqual(["Formatie", "Locaties", "Medewerkers", "Normen", "Realisatie", "Verdeling"]);
  });

  test("Overzicht: required, planned, realised and margin are formulas over the input sheets", () => {
    const o = sheet(t, "Overzicht");
    const byLabel = new Map(o.rows.filter((r) => r.length >= 2).map((r) => [String(r[0]?.value), r[1]?.formula ?? ""]));
    expect(byLabel.get("Benodigd beleid")).toContain(`Normen!$B$5`);
    expect(byLabel.get("Benodigd coaching")).toContain("Normen!$B$6");
    expect(byLabel.get("Benodigd VE")).toContain("Locaties!$E$3:$E$62");
    expect(byLabel.get("Gepland beleid")).toContain("SUM(Verdeling!$B$3:$B$62)");
    expect(byLabel.get("Gerealiseerd coaching")).toBe('=SUMIFS(Realisatie!$D$3:$D$2002,Realisatie!$C$3:$C$2002,"Coaching")');
    expect(byLabel.get("Marge totaal")).toMatch(/B20-B14/);
    // fte: contract hours per week, else the 13-week hours ÷ 13, ÷ 36.
    expect(byLabel.get("Fte pedagogisch medewerkers")).toContain("/Normen!$B$8)/Normen!$B$7");
  });

  test("Medewerkers: 'Coaching ontvangen' sums the coaching rows of the Realisatie by name", () => {
    const m = sheet(t, "Medewerkers");
    expect(m.rows[FIRST_ROW - 1][6]?.formula).toBe('=IF(A3="","",SUMIFS(Realisatie!$D$3:$D$2002,Realisatie!$E$3:$E$2002,A3,Realisatie!$C$3:$C$2002,"Coaching"))');
    expect(m.rows[FIRST_ROW + 9][6]?.formula).toContain("Realisatie!$E$3:$E$2002,A13,");
  });

  test("validations: LRK nine digits, whole counts ≥ 0, hours ≥ 0, lists for contract, part, month and functions", () => {
    const rule = (s: string, range: string) => sheet(t, s).validations!.find((v) => v.range === range)?.rule;
    expect(rule("Locaties", "A3:A62")).toEqual({ kind: "custom", formula: expect.stringMatching(/^=AND\(LEN\(A3\)=9,ISNUMBER\(VALUE\(A3\)\)/) });
    expect(rule("Locaties", "D3:D62")).toEqual({ kind: "whole", min: 0 });
    expect(rule("Medewerkers", "C3:C402")).toEqual({ kind: "list", values: ["Vast", "Flex"] });
    expect(rule("Medewerkers", "E3:E402")).toEqual({ kind: "decimal", min: 0 });
    expect(rule("Medewerkers", "D3:D402")).toEqual({ kind: "custom", formula: '=AND(ISNUMBER(D3),D3>=0,C3<>"Flex")' });
    expect(rule("Formatie", "C3:C22")).toEqual({ kind: "decimal", min: 0 });
    expect(rule("Verdeling", "B3:B62")).toEqual({ kind: "decimal", min: 0 });
    expect(rule("Realisatie", "A3:A2002")).toEqual({ kind: "list", values: [...MONTHS] });
    expect(rule("Realisatie", "C3:C2002")).toEqual({ kind: "list", values: ["Beleid", "Coaching", "VE"] });
    expect(rule("Realisatie", "D3:D2002")).toEqual({ kind: "decimal", min: 0 });
    expect(MONTHS).toHaveLength(12);
    for (const s of t.sheets) for (const v of s.validations ?? []) expect(v.message).toMatch(/[a-z]/);
  });

  test("number formats: text for the LRK numbers, decimals for hours and fte", () => {
    const l = sheet(t, "Locaties");
    expect(l.rows[FIRST_ROW - 1][0]?.numberFormat).toBe("@");
    const o = sheet(t, "Overzicht");
    const fte = o.rows.find((r) => r[0]?.value === "Fte pedagogisch medewerkers")!;
    expect(fte[1]?.numberFormat).toBe("#,##0.00");
    const need = o.rows.find((r) => r[0]?.value === "Benodigd totaal")!;
    expect(need[1]?.numberFormat).toBe("#,##0.0#");
  });

  test("the staff list's functions are only staff that count in the fte; the formation's only coaches", () => {
    for (const f of STAFF_FUNCTIONS) expect(["pm", "bbl", "policy-on-group", "unknown"]).toContain(functionKind(normalizeText(f)));
    for (const f of STAFF_FUNCTIONS) expect(functionKind(normalizeText(f))).not.toBe("unknown");
    for (const f of COACH_FUNCTIONS) expect(functionKind(normalizeText(f))).toBe("coach");
  });
});

describe("sheet names", () => {
  test("names with spaces and quotes are quoted in every formula; the defaults no longer appear", () => {
    const t = buildPlanTemplate({ year: 2027, names: { locaties: "Locaties 2027", normen: "Jan's normen", realisatie: "Realisatie 2027", verdeling: "Verdeling_2027" } });
    expect(t.sheets.map((s) => s.name)).toEqual(["Jan's normen", "Locaties 2027", "Medewerkers", "Formatie", "Verdeling_2027", "Realisatie 2027", "Overzicht"]);
    const names = new Set(t.sheets.map((s) => s.name));
    const formulas = allFormulas(t);
    for (const { formula } of formulas) for (const ref of referencedSheets(formula)) expect(names.has(ref)).toBe(true);
    const text = formulas.map((f) => f.formula).join("\n");
    expect(text).toContain("'Locaties 2027'!$A$3:$A$62");
    expect(text).toContain("'Jan''s normen'!$B$10");
    expect(text).toContain("'Realisatie 2027'!$D$3:$D$2002");
    expect(text).toContain("Verdeling_2027!$B$3:$B$62");
    expect(text).not.toMatch(/(^|[^'\w])Locaties!/);
    expect(text).not.toMatch(/(^|[^'\w])Normen!/);
  });

  test("sheetRef quotes what needs quoting", () => {
    expect(sheetRef("Locaties")).toBe("Locaties!");
    expect(sheetRef("Locaties 2027")).toBe("'Locaties 2027'!");
    expect(sheetRef("AB12")).toBe("'AB12'!"); // looks like a cell
    expect(sheetRef("2027")).toBe("'2027'!");
    expect(sheetRef("O'Neil")).toBe("'O''Neil'!");
  });

  test("a bad or doubled sheet name is a Dutch error", () => {
    expect(() => buildPlanTemplate({ year: 2026, names: { locaties: "Loc:aties" } })).toThrow(/bladnaam 'Loc:aties' kan niet/);
    expect(() => buildPlanTemplate({ year: 2026, names: { locaties: "x".repeat(32) } })).toThrow(/1 tot 31 tekens/);
    expect(() => buildPlanTemplate({ year: 2026, names: { locaties: "normen" } })).toThrow(/staat er twee keer in/);
    expect(Object.keys(DEFAULT_PLAN_SHEET_NAMES)).toEqual([...PLAN_SHEET_KEYS]);
  });
});

describe("years", () => {
  test("a year without a norm is an IkkError with a Dutch message", () => {
    let caught: unknown;
    try {
      buildPlanTemplate({ year: 2018 });
    } catch (e) {
      caught = e;
    }
    expect(isIkkError(caught)).toBe(true);
    expect((caught as { code: string }).code).toBe("GEEN_NORM");
    expect((caught as Error).message).toMatch(/Voor 2018 bestaat geen IKK-norm/);
    expect(() => buildPlanTemplate({ year: 2026.5 })).toThrow(/heel getal/);
  });

  test("2020: the norm of that year, no VE hours norm yet (0 per doelgroeppeuter)", () => {
    const t = buildPlanTemplate({ year: 2020 });
    const n = sheet(t, "Normen");
    const ve = parseCell(NORM_CELLS.vePerToddler)!;
    expect(n.rows[ve.row][ve.col]?.value).toBe(0);
    const texts = n.rows.flat().map((c) => c?.value);
    expect(texts).toContain(NORM_VERSIONS[0].bron);
    expect(texts).not.toContain(NORM_VERSIONS[2].bron);
  });
});

describe("carried rows", () => {
  test("carried text stays text (never a formula), numbers stay numbers; more rows than the room extends every range", () => {
    const locations = Array.from({ length: 75 }, (_, i) => ({ lrk: String(100000000 + i), name: i === 0 ? "=HYPERLINK(\"x\")" : `Locatie ${i}`, kind: "KDV", toddlers: i % 3 }));
    const t = buildPlanTemplate({ year: 2026, carried: { locations, staff: [{ name: "An", function: "Pedagogisch medewerker", contract: "Vast", weeklyHours: 24.5, workedHours13: null, location: null }], formation: [] } });
    const l = sheet(t, "Locaties");
    expect(l.rows[FIRST_ROW - 1][1]).toEqual({ value: '=HYPERLINK("x")', numberFormat: "@" });
    expect(l.rows[FIRST_ROW - 1][0]?.value).toBe("100000000");
    expect(l.rows[FIRST_ROW - 1 + 74][1]?.value).toBe("Locatie 74");
    expect(l.rows.length - (FIRST_ROW - 1)).toBe(85);
    expect(sheet(t, "Verdeling").rows.length).toBe(l.rows.length);
    const m = sheet(t, "Medewerkers");
    expect(m.rows[FIRST_ROW - 1][3]).toEqual({ value: 24.5, numberFormat: "#,##0.0#" });
    const overview = allFormulas(t).filter((f) => f.sheet === "Overzicht").map((f) => f.formula).join("\n");
    expect(overview).toContain("Locaties!$A$3:$A$87");
    expect(overview).toContain("Verdeling!$D$3:$D$87");
    expect(overview).not.toContain("$A$62");
  });
});

describe("carry-over limits (checked before any row is built)", () => {
  const staff = (n: number): CarriedStaff[] => Array.from({ length: n }, (_, i) => ({ name: `M${i}`, function: "Pedagogisch medewerker", contract: "Vast", weeklyHours: 24, workedHours13: null, location: null }));
  const carried = (n: number): CarriedPlan => ({ locations: [], staff: staff(n), formation: [] });

  test("one staff member above the limit: a Dutch refusal naming the count and the limit", () => {
    expect(() => buildPlanTemplate({ year: 2027, carried: carried(CARRY_LIMITS.staff + 1) })).toThrow(
      new RegExp(`heeft ${formatDutch(CARRY_LIMITS.staff + 1, 0).replace(".", "\\.")} pedagogisch medewerkers; een nieuw plan neemt er hoogstens ${formatDutch(CARRY_LIMITS.staff, 0).replace(".", "\\.")} over`),
    );
  });

  test("at the limit it is allowed", () => {
    expect(() => assertCarryLimits(carried(CARRY_LIMITS.staff))).not.toThrow();
  });
});
