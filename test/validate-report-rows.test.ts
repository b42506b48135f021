/**
 * The report sheet's rows (reportRows) in the panel's words: counts with singular and
 * plural as the status line, "Vereist" and "Gepland" with their difference (planned −
 * required, as the panel's summary), Dutch rule names, and on top the file name, the year
 * and the date of the report.
 */
import type { CheckResult, Finding, Severity } from "../shared/validate/types";
import { checkWorkbook, RULES } from "../shared/validate";
import { dutchDate, findingCounts, reportRows } from "../shared/validate/report";
import { RULE_NAMES } from "../shared/validate/rule-names";
import { differenceText, show, statusLine, summaryRows } from "../shared/panel/view-model";
import { PLAN_2024 } from "../examples/plan-2024";
import { PLAN_2026 } from "../examples/plan-2026";

const DATE = new Date(2026, 11, 1, 9, 30); // 1 December 2026, local time

/** A result with exactly these numbers of findings per severity (the 2026 plan otherwise). */
function withCounts(errors: number, warnings: number, infos: number): CheckResult {
  const r = checkWorkbook(PLAN_2026);
  const make = (severity: Severity, n: number): Finding[] =>
    Array.from({ length: n }, (_, i) => ({ rule: RULES.ROW_TOTAL, severity, sheet: "Uren", cell: `B${i + 1}`, message: `melding ${i + 1}` }));
  return { ...r, findings: [...make("error", errors), ...make("warning", warnings), ...make("info", infos)] };
}

/** The row whose first cell is `label`. */
const rowOf = (rows: string[][], label: string) => rows.find((row) => row[0] === label);

describe("counts of findings: one wording for the status line and the report", () => {
  test.each([
    [1, 1, 1, "1 fout, 1 waarschuwing, 1 melding ter informatie"],
    [2, 2, 2, "2 fouten, 2 waarschuwingen, 2 meldingen ter informatie"],
    [0, 0, 0, "0 fouten, 0 waarschuwingen, 0 meldingen ter informatie"],
    [1, 0, 3, "1 fout, 0 waarschuwingen, 3 meldingen ter informatie"],
  ])("%i errors, %i warnings, %i infos: '%s' in the report and in the status line", (e, w, i, words) => {
    const r = withCounts(e, w, i);
    expect(findingCounts(r.findings)).toBe(words);
    expect(rowOf(reportRows(r, { date: DATE }), "Bevindingen")).toEqual(["Bevindingen", words]);
    expect(statusLine(r)).toBe(`Controle klaar: ${words}.`);
  });
});

describe("the hours per part", () => {
  test("'Vereist (uren)', 'Gepland (uren)' and 'Verschil (uren)' = planned − required, signed as in the panel", () => {
    const r = checkWorkbook(PLAN_2024);
    const rows = reportRows(r, { date: DATE });
    const header = rows.findIndex((row) => row[0] === "Onderdeel");
    expect(rows[header]).toEqual(["Onderdeel", "Vereist (uren)", "Gepland (uren)", "Verschil (uren)"]);
    expect(rows.flat()).not.toContain("Nodig (uren)");
    const summary = summaryRows(r);
    expect(rows.slice(header + 1, header + 5)).toEqual(summary.map((s) => [s.label, show(s.required), show(s.planned), differenceText(s.difference)]));
    // The 2024 plan: coaching 222 planned against 10 × 806/36 fte = 223,89 required → short.
    expect(r.planned.coaching! - r.required.coaching!).toBeLessThan(0);
    expect(rowOf(rows, "Coaching")).toEqual(["Coaching", "223,89", "222", "-1,89"]);
    expect(rowOf(rows, "Beleid")).toEqual(["Beleid", "550", "550", "0"]);
  });

  test("more planned than required gets a '+' (no text prefix: a signed number is no formula)", () => {
    const r = checkWorkbook(PLAN_2026);
    expect(r.planned.coaching! - r.required.coaching!).toBeGreaterThan(0);
    const coaching = rowOf(reportRows(r, { date: DATE }), "Coaching")!;
    expect(coaching[3]).toBe(`+${show(r.planned.coaching! - r.required.coaching!)}`);
  });

  test("an unknown required or planned figure: 'onbekend' and an empty difference", () => {
    const base = checkWorkbook(PLAN_2026);
    const r: CheckResult = { ...base, planned: { ...base.planned, ve: null }, required: { ...base.required, policy: null } };
    const rows = reportRows(r, { date: DATE });
    expect(rowOf(rows, "VE")).toEqual(["VE", show(base.required.ve), "onbekend", ""]);
    expect(rowOf(rows, "Beleid")).toEqual(["Beleid", "onbekend", show(base.planned.policy), ""]);
  });
});

describe("findings by their Dutch rule name", () => {
  test("the 'Regel' column names the rule in Dutch; no rule id anywhere", () => {
    const r = checkWorkbook(PLAN_2024);
    const rows = reportRows(r, { date: DATE });
    const header = rows.findIndex((row) => row[0] === "Ernst");
    expect(rows[header]).toEqual(["Ernst", "Regel", "Blad", "Cel", "Melding"]);
    const findingRows = rows.slice(header + 1);
    expect(findingRows).toHaveLength(r.findings.length);
    findingRows.forEach((row, i) => {
      expect(row[1]).toBe(RULE_NAMES[r.findings[i].rule]);
      expect(row[1]).not.toBe(r.findings[i].rule);
      expect(row).toHaveLength(5);
    });
    expect(findingRows).toContainEqual(["fout", "Te weinig coachuren", "Personeel", "E41", expect.stringContaining("223,89")]);
    const ids = new Set<string>(Object.values(RULES));
    for (const row of rows) for (const cell of row) expect(ids.has(cell)).toBe(false);
  });

  test("a message that starts like a formula gets the text prefix", () => {
    const r = withCounts(0, 0, 0);
    r.findings = [{ rule: RULES.NOT_A_NUMBER, severity: "warning", sheet: "Uren", cell: "B2", message: "=HYPERLINK(\"x\")" }];
    const rows = reportRows(r, { date: DATE });
    expect(rows[rows.length - 1][4]).toBe("'=HYPERLINK(\"x\")");
  });
});

describe("the lines on top: file, year, date", () => {
  test("file name, year with its source and the date dd-mm-jjjj, above the verdict", () => {
    const r = checkWorkbook(PLAN_2026);
    const rows = reportRows(r, { name: "Coachplan 2026.xlsx", date: DATE });
    expect(rows.slice(0, 5)).toEqual([
      ["Controle uren pedagogisch beleidsmedewerker/coach (Wet IKK)"],
      ["Bestand", "Coachplan 2026.xlsx"],
      ["Jaar", "2026", r.yearSource],
      ["Datum rapport", "01-12-2026"],
      ["Oordeel", expect.any(String)],
    ]);
  });

  test("no file name: no 'Bestand' line", () => {
    const r = checkWorkbook(PLAN_2026);
    for (const name of [undefined, "", "  "]) {
      const rows = reportRows(r, { name, date: DATE });
      expect(rows.some((row) => row[0] === "Bestand")).toBe(false);
      expect(rows[1][0]).toBe("Jaar");
    }
  });

  test("the date: two digits for day and month, four for the year; default today", () => {
    expect(dutchDate(new Date(2027, 0, 5))).toBe("05-01-2027");
    expect(dutchDate(new Date(2026, 10, 30, 23, 59))).toBe("30-11-2026");
    jest.useFakeTimers({ now: new Date(2028, 1, 29, 12) });
    try {
      expect(rowOf(reportRows(checkWorkbook(PLAN_2026)), "Datum rapport")).toEqual(["Datum rapport", "29-02-2028"]);
    } finally {
      jest.useRealTimers();
    }
  });

  test("every cell is text", () => {
    const rows = reportRows(checkWorkbook(PLAN_2024), { name: "plan.xlsx", date: DATE });
    for (const row of rows) for (const cell of row) expect(typeof cell).toBe("string");
  });
});
