import { buildSheet, checkWorkbook, jsonReport, RULES } from "../shared/validate";
import { newestNorm } from "../shared/norms";
import { isIkkError } from "../shared/errors";
import { plan2026 } from "../examples/plan-2026";
import { plan2024 } from "../examples/plan-2024";

const small = (title: string | null) =>
  buildSheet(title ?? "Blad1", [
    ["Aantal kindercentra", 3],
    ["Fte pedagogisch medewerkers", "12,5"],
  ]);

describe("year", () => {
  test("from a sheet name when nothing better is there", () => {
    const r = checkWorkbook({ sheets: [small("Coachplan 2025")] });
    expect(r.year).toBe(2025);
    expect(r.yearSource).toContain("Coachplan 2025");
    expect(r.required).toMatchObject({ policy: 150, coaching: 125 });
  });

  test("the option wins over the workbook", () => {
    const r = checkWorkbook(plan2024(), { year: 2023 });
    expect(r.year).toBe(2023);
    expect(r.yearSource).toContain("opgegeven");
  });

  test("no year found: newest norm, and an info finding asking for the year", () => {
    const r = checkWorkbook({ sheets: [small(null)] });
    expect(r.year).toBe(2022);
    expect(r.year).toBe(Number(newestNorm().from.slice(0, 4)));
    expect(r.yearKnown).toBe(false);
    expect(r.yearSource).toContain("geen jaar gevonden");
    expect(r.findings.find((f) => f.rule === RULES.YEAR_UNKNOWN)).toMatchObject({ severity: "info", sheet: null, cell: null });
  });

  test("no year found: source and finding name the norm version applied and how to set the year", () => {
    const r = checkWorkbook({ sheets: [small(null)] });
    const finding = r.findings.find((f) => f.rule === RULES.YEAR_UNKNOWN)!;
    for (const text of [r.yearSource, finding.message]) {
      expect(text).toMatch(/geen jaar gevonden/i);
      expect(text).toContain("nieuwste normversie, geldig vanaf 1 januari 2022");
      expect(text).toContain("als jaar 2022");
      expect(text).toContain("--jaar");
      expect(text).toContain("het veld 'Jaar' van het paneel");
      expect(text).not.toMatch(/\d{4}-\d\d-\d\d/); // a Dutch date, not ISO
    }
    // Deterministic: nothing depends on today's date.
    expect(checkWorkbook({ sheets: [small(null)] })).toEqual(r);
  });

  test("the CLI JSON keeps its fixed shape: the year, and a finding (not extra keys) when none was found", () => {
    const unknownResult = checkWorkbook({ sheets: [small(null)] });
    expect(unknownResult).toMatchObject({ yearKnown: false, yearSource: expect.stringContaining("1 januari 2022") });
    const unknown = jsonReport(unknownResult);
    expect(unknown.year).toBe(2022);
    expect(unknown).not.toHaveProperty("yearSource");
    expect(unknown).not.toHaveProperty("yearKnown");
    expect(unknown.findings.find((f) => f.rule === RULES.YEAR_UNKNOWN)?.message).toContain("1 januari 2022");
    // No year: never "in orde".
    expect(unknown.complete).toBe(false);
    expect(unknown.missing.some((m) => /jaar/.test(m) && m.includes("--jaar"))).toBe(true);
    expect(unknown.findings.some((f) => f.rule === RULES.CHECK_INCOMPLETE && f.severity === "error")).toBe(true);
    const knownResult = checkWorkbook({ sheets: [small("Coachplan 2025")] });
    expect(knownResult).toMatchObject({ yearKnown: true, yearSource: expect.stringContaining("Coachplan 2025") });
    const known = jsonReport(knownResult);
    expect(Object.keys(known)).toEqual(["year", "inputs", "required", "planned", "formation", "formationFte", "margin", "findings", "complete", "missing", "options", "vacancyHours", "leave", "money", "realised", "realisation"]);
    expect(known.year).toBe(2025);
    expect(known.findings.some((f) => f.rule === RULES.YEAR_UNKNOWN)).toBe(false);
  });

  test("a year before 2019 given or as a labelled peildatum is a Dutch error; in a sheet name it is no check year", () => {
    const peil2017 = buildSheet("Blad1", [["Peildatum", "1-1-2017"], ["Aantal kindercentra", 3], ["Fte pedagogisch medewerkers", "12,5"]]);
    for (const run of [() => checkWorkbook(plan2026(), { year: 2018 }), () => checkWorkbook({ sheets: [peil2017] })]) {
      try {
        run();
        throw new Error("expected an error");
      } catch (e) {
        expect(isIkkError(e)).toBe(true);
        expect((e as { code: string }).code).toBe("GEEN_NORM");
        expect((e as Error).message).toContain("2019");
        expect((e as Error).message).toContain("--jaar");
      }
    }
    // "Uren 2017" is history, not the year of the check: the newest norm, the year unknown (never "in orde").
    const r = checkWorkbook({ sheets: [small("Uren 2017")] });
    expect(r.yearKnown).toBe(false);
    expect(r.year).toBe(2022);
    expect(r.complete).toBe(false);
  });
});

describe("unusable workbooks", () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return isIkkError(e) ? [e.code, e.message] : ["other", String(e)];
    }
    return ["none", ""];
  };

  test("no sheets, empty sheets, or nothing recognisable → ONBRUIKBAAR", () => {
    expect(code(() => checkWorkbook({ sheets: [] }))).toEqual(["ONBRUIKBAAR", expect.stringContaining("geen bladen")]);
    expect(code(() => checkWorkbook({ sheets: [{ name: "Blad1", values: [[null], []] }] }))).toEqual(["ONBRUIKBAAR", expect.stringContaining("leeg")]);
    const prose = buildSheet("Blad1", [["Ons coachplan"], ["Wij coachen iedereen."], [1, 2, 3]]);
    expect(code(() => checkWorkbook({ sheets: [prose] }))).toEqual(["ONBRUIKBAAR", expect.stringContaining("koppeling")]);
  });
});

describe("facts", () => {
  test("sites are not kindercentra: 'Aantal locaties' alone is not used", () => {
    const sheet = buildSheet("Uren 2026", [
      ["Aantal locaties", 10],
      ["Fte pedagogisch medewerkers", 20],
    ]);
    const r = checkWorkbook({ sheets: [sheet] });
    expect(r.inputs.centres).toBeNull();
    expect(r.required.policy).toBeNull();
    const f = r.findings.find((x) => x.rule === RULES.FACT_MISSING)!;
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("locaties zijn geen kindercentra");
  });

  test("a stated fact that differs from the tables is a warning at the cell", () => {
    const wb = plan2026();
    wb.sheets[0].values[6][1] = 25; // B7 doelgroeppeuters 21 → 25
    const r = checkWorkbook(wb);
    expect(r.inputs.targetToddlers?.value).toBe(25);
    expect(r.required.ve).toBe(210); // the norm is per location, from the toddler table
    expect(r.findings.find((x) => x.rule === RULES.FACT_CONFLICT)).toMatchObject({ severity: "warning", sheet: "Uren 2026", cell: "B7" });
  });

  test("a decimal count of kindercentra is an error at its cell", () => {
    const wb = plan2026();
    wb.sheets[0].values[3][1] = "16,5";
    const r = checkWorkbook(wb);
    expect(r.required.policy).toBeNull();
    expect(r.findings.find((x) => x.rule === RULES.FACT_INVALID)).toMatchObject({ severity: "error", sheet: "Uren 2026", cell: "B4" });
  });

  test("an error value in a fact cell is reported there", () => {
    const wb = plan2026();
    wb.sheets[0].values[5][1] = { error: "#DEEL/0!" };
    const r = checkWorkbook(wb);
    expect(r.inputs.fte).toBeNull();
    expect(r.findings.find((x) => x.rule === RULES.ERROR_VALUE)).toMatchObject({ severity: "error", sheet: "Uren 2026", cell: "B6" });
  });

  test("flexible staff: worked hours over 13 weeks ÷ 13 ÷ 36", () => {
    const sheet = buildSheet("Personeel 2025", [
      ["Naam", "Contracturen per week", "Gewerkte uren 13 weken", "Coachuren"],
      ["A", 36, null, 10],
      ["B", null, 234, 10],
    ]);
    const r = checkWorkbook({ sheets: [sheet] });
    expect(r.inputs.fte?.value).toBeCloseTo(1 + 234 / 13 / 36, 12);
  });
});

describe("peildatum and edit dates (issue 8, item 6)", () => {
  // 2 kindercentra, 10 fte, no VE (said: 0 doelgroeppeuters); policy and coaching tables that meet the norm in every year.
  const tables: (string | number | null)[][] = [
    ["Aantal kindercentra", 2],
    ["Fte pedagogisch medewerkers", 10],
    ["Aantal doelgroeppeuters", 0],
    [],
    ["Beleidsuren per locatie"],
    ["Locatie", "Beleidsuren"],
    ["Dommelen", 50],
    ["Budel", 50],
    [],
    ["Coachuren per locatie"],
    ["Locatie", "Coachuren"],
    ["Dommelen", 50],
    ["Budel", 50],
  ];
  const year = (head: (string | number | null)[][], name = "Blad1", options = {}) => checkWorkbook({ sheets: [buildSheet(name, [...head, [], ...tables])] }, options);
  const conflicts = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => f.rule === RULES.YEAR_CONFLICT);

  test.each([
    ["label and ISO date cell", [["Peildatum", "2026-01-01"]]],
    ["label and Dutch date text", [["Peildatum:", "1-1-2026"]]],
    ["zero-padded date", [["Peildatum", "01-01-2026"]]],
    ["written month", [["Peildatum", "1 januari 2026"]]],
    ["in one cell", [["Peildatum: 1 januari 2026"]]],
    ["English label", [["Reference date", "2026-01-01"]]],
    ["beside a label merged over 3 columns", [["Peildatum", null, null, "1-1-2026"]]],
    ["just below the label", [["Peildatum"], ["2026-01-01"]]],
    ["a year number beside the label", [["Peildatum", 2026]]],
  ])("a peildatum (%s) outranks edit, version and print dates placed before it", (_, peil) => {
    const r = year([
      ["Laatst bijgewerkt 13-12-2021"],
      ["Versie 2 – 14-11-2025"],
      ["Afgedrukt op", "3-2-2024"],
      ["Datum: 3-2-2025"],
      ["Last updated", "2023-06-30"],
      ...(peil as (string | number | null)[][]),
    ]);
    expect(r.year).toBe(2026);
    expect(r.yearKnown).toBe(true);
    expect(r.yearSource).toContain("Blad1!");
    expect(r.complete).toBe(true);
    expect(conflicts(r)).toEqual([]); // edit dates never vote, so there is nothing to conflict with
  });

  test("edit, version and print dates alone never give the year: unknown, never 2021", () => {
    const r = year([["Laatst bijgewerkt", "13-12-2021"], ["Versie 2 – 14-11-2025"], ["Afgedrukt op 2-2-2024"], ["Datum", "2025-02-03"], ["Last updated: 2023-06-30"]]);
    expect(r.yearKnown).toBe(false);
    expect(r.complete).toBe(false);
    expect(r.findings.some((f) => f.rule === RULES.CHECK_INCOMPLETE)).toBe(true);
  });

  test("a title still votes, also with a version or edit remark in it; the version date does not", () => {
    expect(year([["Versie 2 – 14-11-2025"], ["Coachplan 2026"]]).year).toBe(2026);
    const r = year([["Coachplan 2024 (bijgewerkt 13-12-2025)"]]);
    expect(r.year).toBe(2024);
    expect(r.yearSource).toContain("Coachplan 2024");
    expect(conflicts(r)).toEqual([]);
  });

  test("a founding year in running text neither fails the check nor wins the vote", () => {
    const alone = year([["Stichting opgericht in 1998"], ["Kinderopvang sinds 2003, 12 locaties"]]);
    expect(alone.yearKnown).toBe(false);
    const withTitle = year([["Stichting opgericht in 1998"], ["Coachplan 2025"]]);
    expect(withTitle.year).toBe(2025);
    // A year before the first norm without a history word: no vote either (it names no IKK year).
    expect(year([["Overzicht", "1998"], ["Jaarplan 2026"]]).year).toBe(2026);
  });

  test("a peildatum outranks the sheet name and a title of another year, with a warning naming both", () => {
    const r = year([["Coachplan 2025"], ["Peildatum", "1-1-2026"]], "Uren 2025");
    expect(r.year).toBe(2026);
    expect(r.yearSource).toContain("peildatum");
    expect(conflicts(r)).toHaveLength(1);
    expect(r.planned.policy).toBe(100); // the sheet the peildatum is on still counts
  });

  test("a label left of a date that is not a peildatum ('Datum in dienst') mutes only that date; other dates weigh less than a title", () => {
    expect(year([["Datum in dienst", "2019-03-01"], ["Coachplan 2026"]]).year).toBe(2026);
    expect(year([["Ingevuld", "2019-03-01"], ["Coachplan 2026"]]).year).toBe(2026);
  });

  test("date texts are read without super-linear regex: 50 000 characters of digits and dashes in a cell", () => {
    const long = "1-".repeat(25_000) + "x";
    const t0 = Date.now();
    const r = year([["Coachplan 2026"], [long.slice(0, 190)], ["Peildatum", long]]);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.year).toBe(2026);
  });
});
