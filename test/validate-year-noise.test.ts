/**
 * Year noise never sinks a check (issue 11, item 5): a year before the first norm (2019) in
 * free text or a sheet name is not the check year and never fails the check; only a labelled
 * peildatum or a year the user gives makes "geen norm" an error, and that error says where
 * the year came from (sheet!cell) and how to give another (--jaar, the panel's field 'Jaar').
 */
import { buildSheet, checkWorkbook } from "../shared/validate";
import { isIkkError } from "../shared/errors";
import type { CheckResult, SheetSnapshot } from "../shared/validate/types";

/** A complete plan: 2 kindercentra, 10 fte, no VE, 100 h policy and 100 h coaching planned. */
function plan(title: string | null, extra: (string | number | null)[][] = []): SheetSnapshot {
  return buildSheet("Planning", [
    ...(title ? [[title]] : []),
    ["Aantal kindercentra", 2],
    ["Fte pedagogisch medewerkers", 10],
    ["Aantal doelgroeppeuters", 0],
    ...extra,
    [],
    ["Locatie", "Beleid", "Coaching"],
    ["Dommelen", 50, 50],
    ["Budel", 50, 50],
    ["Totaal", 100, 100],
  ]);
}

/** What must not change with noise: the year, the figures, the verdict and every warning or error. */
function outcome(r: CheckResult) {
  return {
    year: r.year,
    yearKnown: r.yearKnown,
    inputs: [r.inputs.centres?.value, r.inputs.fte?.value, r.inputs.targetToddlers?.value],
    required: r.required,
    planned: r.planned,
    complete: r.complete,
    missing: r.missing,
    findings: r.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.severity, f.message]),
  };
}

const thrown = (fn: () => unknown): Error | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e as Error;
  }
};

const NOISE: [string, (base: SheetSnapshot) => SheetSnapshot[]][] = [
  ["a founding year in a cell", () => [plan("Coachplan 2026", [["Stichting opgericht in 1998"]])]],
  ["a founding year beside a label", () => [plan("Coachplan 2026", [["Opgericht", 1998]])]],
  ["a founding year in a text that mentions the peildatum", () => [plan("Coachplan 2026", [["Opgericht in 1998; de peildatum staat op blad 2"]])]],
  ["an old year in running text", () => [plan("Coachplan 2026", [["Kinderopvang sinds 1995, in 2010 uitgebreid met twee locaties"]])]],
  ["an old date in a cell", () => [plan("Coachplan 2026", [["Eerste inspectie", "1-1-2016"]])]],
  ["running text with an old year beside a peildatum label", () => [plan("Coachplan 2026", [["Peildatum", "Stichting opgericht in 1998"]])]],
  ["a sheet 'Archief 2015'", (base) => [base, buildSheet("Archief 2015", [["Aantal kindercentra", 9], ["Stichting opgericht in 1998"]])]],
  ["a sheet 'Overzicht 2015' without an archive word", (base) => [base, buildSheet("Overzicht 2015", [["Jaaroverzicht 2015"], ["Aantal locaties", 4]])]],
  ["a sheet '1998'", (base) => [buildSheet("1998", [["Geschiedenis van de stichting"]]), base]],
];

describe("old years in free text or sheet names are noise", () => {
  const base = plan("Coachplan 2026");
  const clean = checkWorkbook({ sheets: [base] });

  test("the plan without noise: 2026, complete, no warnings or errors", () => {
    expect(clean.year).toBe(2026);
    expect(clean.yearKnown).toBe(true);
    expect(clean.complete).toBe(true);
    expect(clean.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test.each(NOISE)("%s: same result as without it", (_, sheets) => {
    const r = checkWorkbook({ sheets: sheets(base) });
    expect(outcome(r)).toEqual(outcome(clean));
    expect(r.findings.map((f) => f.message).join(" ")).not.toMatch(/bestaat geen IKK-norm/);
  });

  describe("a plan that names no year: the noise does not become the year either", () => {
    const noYear = plan(null);
    const unknown = checkWorkbook({ sheets: [noYear] });

    test("without noise: the newest norm, the year unknown, never complete", () => {
      expect(unknown.yearKnown).toBe(false);
      expect(unknown.complete).toBe(false);
    });

    test.each(NOISE)("%s: no error, same result as without it", (_, sheets) => {
      // The same noise around a plan without a title.
      const withNoise = sheets(noYear).map((s) => (s.name === "Planning" && s.values[0]?.[0] === "Coachplan 2026" ? { ...s, values: s.values.slice(1) } : s));
      const e = thrown(() => checkWorkbook({ sheets: withNoise }));
      expect(e).toBeNull();
      const r = checkWorkbook({ sheets: withNoise });
      expect(r.yearKnown).toBe(false);
      expect(r.year).toBe(unknown.year);
      expect(r.required).toEqual(unknown.required);
      expect(r.complete).toBe(false);
    });

    test("a lone sheet name 'Uren 2017' on the plan itself: no error, the plan is checked with the newest norm", () => {
      const r = checkWorkbook({ sheets: [{ ...noYear, name: "Uren 2017" }] });
      expect(r.yearKnown).toBe(false);
      expect(r.planned).toMatchObject({ policy: 100, coaching: 100 });
      expect(r.complete).toBe(false);
    });
  });
});

describe("a year before 2019 that is meant as the year: a Dutch error that says where and how to override", () => {
  test("a labelled peildatum in 2015 names its cell, the option --jaar and the panel field 'Jaar'", () => {
    for (const [value, shown] of [["1-1-2015", "1-1-2015"], ["2015-01-01", "2015-01-01"], [2015, "2015"]] as const) {
      const sheets = [plan("Coachplan", [["Peildatum", value]])];
      const e = thrown(() => checkWorkbook({ sheets }));
      expect(e).not.toBeNull();
      expect(isIkkError(e)).toBe(true);
      expect((e as { code?: string }).code).toBe("GEEN_NORM");
      expect(e!.message).toContain("Voor 2015 bestaat geen IKK-norm");
      expect(e!.message).toContain("1 januari 2019");
      expect(e!.message).toContain(`peildatum '${shown}' in Planning!B5`);
      expect(e!.message).toContain("--jaar");
      expect(e!.message).toContain("'Jaar' van het paneel");
      // The override works.
      const r = checkWorkbook({ sheets }, { year: 2026 });
      expect(r.year).toBe(2026);
      expect(r.complete).toBe(true);
    }
  });

  test("a peildatum in the label cell itself ('Peildatum: 1 januari 2016') names that cell", () => {
    const e = thrown(() => checkWorkbook({ sheets: [plan("Peildatum: 1 januari 2016")] }));
    expect((e as { code?: string }).code).toBe("GEEN_NORM");
    expect(e!.message).toContain("Planning!A1");
  });

  test("a year before 2019 in the mapping says it comes from the mapping", () => {
    const e = thrown(() => checkWorkbook({ sheets: [plan("Coachplan 2026")] }, { mapping: { versie: 1, jaar: 2016 } }));
    expect((e as { code?: string }).code).toBe("GEEN_NORM");
    expect(e!.message).toContain("Het jaar 2016 staat in de koppeling");
    expect(e!.message).toContain("--jaar");
  });

  test("a year given as option says it was given", () => {
    const e = thrown(() => checkWorkbook({ sheets: [plan("Coachplan 2026")] }, { year: 2017 }));
    expect((e as { code?: string }).code).toBe("GEEN_NORM");
    expect(e!.message).toContain("Het jaar 2017 is opgegeven");
  });
});
