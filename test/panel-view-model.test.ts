/**
 * Pure view-model functions of the panel: summary numbers, bars, grouping, facts and
 * their parsing, check options, error texts. The CheckResult here is built by hand from
 * the 2026 figures in domain.md (the engine itself is exercised in panel-engine.test.ts).
 */
import type { CheckResult, Finding } from "../shared/validate/types";
import { IkkError } from "../shared/errors";
import {
  applyFactInputs,
  barWidths,
  checkOptions,
  differenceText,
  OPTION_TOGGLES,
  optionChecked,
  errorText,
  factRows,
  factText,
  findingPlace,
  formationLines,
  groupFindings,
  marksFor,
  show,
  statusLine,
  summaryRows,
} from "../shared/panel/view-model";

const cellSource = (sheet: string, cell: string, description: string) => ({ kind: "cell" as const, sheet, cell, description });

function result2026(findings: Finding[] = []): CheckResult {
  return {
    year: 2026,
    yearSource: "titel in Uren!A1",
    inputs: {
      centres: { value: 16, source: cellSource("Uren", "B4", "label 'Aantal LRK-registraties' in Uren!B4") },
      fte: { value: 42.37, source: cellSource("Uren", "B6", "label 'Fte' in Uren!B6") },
      targetToddlers: { value: 21, source: cellSource("Uren", "B7", "label 'Doelgroeppeuters' in Uren!B7") },
    },
    required: { policy: 800, coaching: 423.7, ve: 210, total: 1433.7 },
    planned: { policy: 800, coaching: 1000, ve: 200, total: 2000 },
    formation: { hours: 2496, fte: 1.33, marginHours: 2496 - 1433.7, marginFte: (2496 - 1433.7) / 1872, source: cellSource("Uren", "B8", "label 'Formatie' in Uren!B8") },
    tables: [],
    findings,
    complete: true,
    missing: [],
  };
}

const finding = (severity: Finding["severity"], sheet: string | null, cell: string | null, rule: Finding["rule"] = "totaal-rij"): Finding => ({
  rule,
  severity,
  sheet,
  cell,
  message: `${rule} ${severity}`,
});

describe("summaryRows", () => {
  test("gives required, planned and the difference per part in the order Beleid, Coaching, VE, Totaal", () => {
    const rows = summaryRows(result2026());
    expect(rows.map((r) => r.label)).toEqual(["Beleid", "Coaching", "VE", "Totaal"]);
    expect(rows.map((r) => show(r.required))).toEqual(["800", "423,7", "210", "1.433,7"]);
    expect(rows.map((r) => show(r.planned))).toEqual(["800", "1.000", "200", "2.000"]);
    expect(rows[1].difference).toBe(576.3); // no float noise: 1000 − 423,7
    expect(rows.map((r) => r.status)).toEqual(["ok", "ok", "short", "ok"]);
  });

  test("unknown planned hours give an unknown difference, shown as a dash", () => {
    const r = result2026();
    r.planned.ve = null;
    const ve = summaryRows(r)[2];
    expect(ve.difference).toBeNull();
    expect(ve.status).toBe("unknown");
    expect(show(ve.planned)).toBe("–");
  });

  test("the difference as shown: '+' when more is planned, '-' when short, '–' when unknown", () => {
    expect(summaryRows(result2026()).map((r) => differenceText(r.difference))).toEqual(["0", "+576,3", "-10", "+566,3"]);
    expect(differenceText(null)).toBe("–");
    expect(differenceText(0.001)).toBe("0"); // rounds to 0: no "+0"
  });

  test("bar widths are relative to the largest number", () => {
    const widths = barWidths(summaryRows(result2026()));
    expect(widths[3].planned).toBe(100); // 2 000 is the largest
    expect(widths[0].required).toBeCloseTo(40, 10); // 800 / 2 000
    expect(widths[2].planned).toBeCloseTo(10, 10);
  });

  test("bars are all zero when nothing is known", () => {
    const r = result2026();
    r.required = { policy: null, coaching: null, ve: null, total: null };
    r.planned = { ...r.required };
    expect(barWidths(summaryRows(r)).every((w) => w.required === 0 && w.planned === 0)).toBe(true);
  });
});

describe("formationLines", () => {
  test("shows formation and margin in hours and fte, Dutch", () => {
    expect(formationLines(result2026())).toEqual(["Formatie: 2.496 uur (1,33 fte)", "Marge: 1.062,3 uur (0,57 fte)"]);
  });

  test("a negative margin is called a shortfall", () => {
    const r = result2026();
    r.formation = { ...r.formation, hours: 1000, fte: 1000 / 1872, marginHours: 1000 - 1433.7, marginFte: (1000 - 1433.7) / 1872 };
    expect(formationLines(r)[1]).toBe("Tekort: 433,7 uur (0,23 fte)");
  });

  test("asks for the formation when none was found", () => {
    const r = result2026();
    r.formation = { hours: null, fte: null, marginHours: null, marginFte: null, source: null };
    expect(formationLines(r)[0]).toMatch(/Geen formatie gevonden/);
  });
});

describe("groupFindings and marks", () => {
  const findings = [
    finding("info", null, null, "jaar-onbekend"),
    finding("error", "Verdeling", "F4", "totaal-rij"),
    finding("warning", "Verdeling", "F4", "formule-zonder-waarde"),
    finding("error", "Uren", "B6", "foutwaarde"),
    finding("warning", "Uren", null, "gegeven-ontbreekt"),
  ];

  test("groups in the order Fouten, Waarschuwingen, Informatie with counts", () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => `${g.title} (${g.count})`)).toEqual(["Fouten (2)", "Waarschuwingen (2)", "Informatie (1)"]);
    expect(groups[0].findings.map((f) => f.rule)).toEqual(["totaal-rij", "foutwaarde"]);
  });

  test("empty groups are still there, with count 0", () => {
    expect(groupFindings([]).map((g) => g.count)).toEqual([0, 0, 0]);
  });

  test("the place of a finding", () => {
    expect(findingPlace(findings[1])).toBe("Verdeling!F4");
    expect(findingPlace(findings[4])).toBe("Uren");
    expect(findingPlace(findings[0])).toBe("");
  });

  test("marks: one per cell, the strongest severity wins, findings without a cell are skipped", () => {
    expect(marksFor(findings)).toEqual([
      { sheet: "Verdeling", cell: "F4", severity: "error" },
      { sheet: "Uren", cell: "B6", severity: "error" },
    ]);
    expect(marksFor([finding("info", "S", "A1"), finding("warning", "S", "A1")])).toEqual([{ sheet: "S", cell: "A1", severity: "warning" }]);
  });

  test("status line counts with Dutch singular and plural", () => {
    expect(statusLine(result2026(findings))).toBe("Controle klaar: 2 fouten, 2 waarschuwingen, 1 melding ter informatie.");
    expect(statusLine(result2026([finding("error", "S", "A1")]))).toBe("Controle klaar: 1 fout, 0 waarschuwingen, 0 meldingen ter informatie.");
  });
});

describe("facts", () => {
  test("each fact with its value, source and override", () => {
    const rows = factRows(result2026(), { version: 1, year: 2025, overrides: { fte: 40 } });
    expect(rows.map((r) => r.key)).toEqual(["year", "centres", "fte", "toddlers", "formationHours", "leavePercent", "hourlyRate"]);
    expect(rows[0]).toMatchObject({ value: 2026, source: "titel in Uren!A1", override: 2025 });
    expect(rows[2]).toMatchObject({ value: 42.37, override: 40 });
    expect(rows[4]).toMatchObject({ value: 2496, source: "label 'Formatie' in Uren!B8", override: null });
  });

  test("a fact the workbook lacks says so", () => {
    const r = result2026();
    r.inputs.targetToddlers = null;
    expect(factRows(r, null)[3]).toMatchObject({ value: null, source: "niet gevonden in de werkmap" });
    expect(factText("toddlers", null)).toBe("onbekend");
  });

  test("the year shows without a thousands dot, other facts Dutch", () => {
    expect(factText("year", 2026)).toBe("2026");
    expect(factText("fte", 42.37)).toBe("42,37");
    expect(factText("formationHours", 2496)).toBe("2.496");
  });

  test("typed facts (Dutch numbers) become the year and overrides; empty fields are dropped", () => {
    const next = applyFactInputs({ version: 1, mapping: { keep: true }, overrides: { centres: 3 } }, {
      year: "2024",
      centres: "",
      fte: "42,37",
      toddlers: " 21 ",
      formationHours: "2.496",
    });
    expect(next).toEqual({ version: 1, mapping: { keep: true }, year: 2024, overrides: { fte: 42.37, toddlers: 21, formationHours: 2496 } });
  });

  test("all fields empty removes year and overrides but keeps the mapping", () => {
    expect(applyFactInputs({ version: 1, year: 2024, overrides: { fte: 1 }, mapping: ["m"] }, {})).toEqual({ version: 1, mapping: ["m"] });
  });

  test.each([
    [{ fte: "veel" }, /fte moet een getal zijn.*"veel"/],
    [{ centres: "-2" }, /geen negatief getal/],
    [{ toddlers: "2,5" }, /heel getal/],
    [{ centres: "#REF!" }, /foutwaarde #REF!/],
    [{ year: "2018" }, /Voor 2018 bestaat geen IKK-norm/],
    [{ year: "2026,5" }, /heel getal/],
  ])("bad input %j is a Dutch IkkError", (inputs, message) => {
    let caught: unknown;
    try {
      applyFactInputs(null, inputs);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IkkError);
    expect((caught as Error).message).toMatch(message);
  });

  test("checkOptions carries year, overrides and mapping", () => {
    expect(checkOptions(null)).toEqual({});
    expect(checkOptions({ version: 1 })).toEqual({});
    expect(checkOptions({ version: 1, year: 2024, overrides: { centres: 11 }, mapping: { x: 1 } })).toEqual({
      year: 2024,
      overrides: { centres: 11 },
      mapping: { x: 1 },
    });
    expect(checkOptions({ version: 1, overrides: {} })).toEqual({});
  });
});

describe("errorText", () => {
  test("an IkkError keeps its Dutch message", () => {
    expect(errorText(new IkkError("ONBRUIKBAAR", "Geen tabellen gevonden."))).toBe("Geen tabellen gevonden.");
  });
  test("any other failure becomes a Dutch message", () => {
    expect(errorText(new TypeError("x is undefined"))).toBe("Er ging iets mis: x is undefined");
    expect(errorText("kapot")).toBe("Er ging iets mis: kapot");
    expect(errorText(undefined)).toBe("Er ging iets mis. Probeer het opnieuw.");
  });
});

describe("option checkboxes", () => {
  test("hidden sheets off, BBL and beleidsmedewerker on the group counted by default; unticking passes the option", () => {
    const options = checkOptions;
    const state = (s: Parameters<typeof optionChecked>[0]) => OPTION_TOGGLES.map((o) => `${o.key}:${optionChecked(s, o)}`);
    expect(state(null)).toEqual(["includeHidden:false", "countBbl:true", "countPolicyOfficerOnGroup:true"]);
    expect(options({ version: 1 })).toEqual({});
    expect(options({ version: 1, countBbl: false, countPolicyOfficerOnGroup: false, includeHidden: true })).toEqual({
      includeHidden: true,
      countBbl: false,
      countPolicyOfficerOnGroup: false,
    });
    expect(state({ version: 1, countBbl: false })).toEqual(["includeHidden:false", "countBbl:false", "countPolicyOfficerOnGroup:true"]);
  });
});

describe("leave, vacancies and money in the panel (issue 10)", () => {
  const override = (description: string) => ({ kind: "override" as const, sheet: null, cell: null, description });

  test("fact fields 'Verlof en verzuim (%)' and 'Uurtarief (euro)' show the value used, its source and the override", () => {
    const r = result2026();
    r.formation = { ...r.formation, leavePercent: { value: 8, source: override("opgegeven verlof en verzuim (%)") }, hourlyRate: null };
    const rows = factRows(r, { version: 1, overrides: { leavePercent: 8 } });
    const leave = rows.find((x) => x.key === "leavePercent")!;
    expect(leave).toMatchObject({ label: "Verlof en verzuim (%)", value: 8, override: 8, source: "opgegeven verlof en verzuim (%)" });
    const rate = rows.find((x) => x.key === "hourlyRate")!;
    expect(rate).toMatchObject({ label: "Uurtarief (euro)", value: null, override: null, source: "niet opgegeven (geen bedragen)" });
  });

  test("typed Dutch numbers are stored as overrides and passed as CheckOptions; more than 100 % is refused in Dutch", () => {
    const next = applyFactInputs(null, { leavePercent: "8,5", hourlyRate: "52,50" });
    expect(next.overrides).toEqual({ leavePercent: 8.5, hourlyRate: 52.5 });
    expect(checkOptions(next).overrides).toEqual({ leavePercent: 8.5, hourlyRate: 52.5 });
    expect(() => applyFactInputs(null, { leavePercent: "120" })).toThrow("Vul voor verlof en verzuim (%) een percentage van 0 tot 100 in (kreeg 120).");
    expect(() => applyFactInputs(null, { hourlyRate: "-5" })).toThrow(IkkError);
    expect(applyFactInputs(next, {}).overrides).toBeUndefined();
  });

  test("formationLines: vacancies, the net hours and margin after leave, and the euros at the rate", () => {
    const r = result2026();
    const net = 2496 * 0.9;
    r.formation = {
      ...r.formation,
      vacancyHours: 624,
      leavePercent: { value: 10, source: override("opgegeven verlof en verzuim (%)") },
      netHours: net,
      netMarginHours: net - 1433.7,
      netMarginFte: (net - 1433.7) / 1872,
      hourlyRate: { value: 50, source: override("opgegeven uurtarief") },
    };
    expect(formationLines(r).slice(2)).toEqual([
      "Open vacatures: 624 uur (niet in de formatie)",
      "Na 10 % verlof en verzuim: 2.246,4 uur beschikbaar",
      "Netto marge: 812,7 uur",
      "In euro (uurtarief € 50): vereist € 71.685, formatie € 124.800, marge € 53.115",
    ]);
  });
});
