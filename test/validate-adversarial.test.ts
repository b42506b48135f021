/**
 * Adversarial workbooks as Dutch childcare managers make them: every expected figure is
 * worked out by hand from docs/domain.md (50 h per LRK registration, 10 h per fte of 36 h).
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import type { CheckResult, WorkbookSnapshot } from "../shared/validate/types";

const byRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);
const wb = (...sheets: ReturnType<typeof buildSheet>[]): WorkbookSnapshot => ({ sheets });

describe("LRK numbers in a location list", () => {
  test("one site with KDV and BSO: two LRK numbers in one cell count as two kindercentra", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Locaties 2026", [
          ["Locatie", "LRK-nummer", "Coachuren"],
          ["Dommelen (KDV + BSO)", "123456782 / 234567891", 40],
          ["Budel", 345678901, 30],
          ["Gastel", "456 789 012", 20],
          ["Oirschot", "567890123;\n678901234", 20],
        ]),
      ),
    );
    // 6 registrations: 2 + 1 + 1 + 2 → 6 × 50 = 300 h.
    expect(r.inputs.centres?.value).toBe(6);
    expect(r.required.policy).toBe(300);
    expect(byRule(r, RULES.LRK_FORMAT)).toEqual([]);
  });

  test("the same LRK number as number and as spaced text counts once", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Locaties 2026", [
          ["Locatie", "LRK", "Beleidsuren"],
          ["Budel", 345678901, 50],
          ["Budel (dubbel)", " 345 678 901 ", 50],
        ]),
      ),
    );
    expect(r.inputs.centres?.value).toBe(1);
    expect(byRule(r, RULES.LRK_DUPLICATE)).toHaveLength(1);
  });
});

describe("staff list", () => {
  const staff = () =>
    buildSheet("Personeel 2026", [
      ["Naam", "Functie", "Contracturen", "Gemiddeld gewerkt per week (13 weken)", "Opmerking", "Coachuren"],
      ["An", "PM", "24 uur", null, "coaching in Q2 gepland", 10],
      ["Bo", "PM flex", null, 18, null, 6],
      ["Cor", "BBL-student", 20, null, null, 4],
      ["Dirk", "Pedagogisch medewerker + beleidsmedewerker", 36, null, null, 2],
    ]);

  test("contract hours as '24 uur', flex 13-week average, BBL and policy officer all counted by default", () => {
    const r = checkWorkbook(wb(staff()));
    // (24 + 18 + 20 + 36) / 36 = 98 / 36 fte → 10 × that = 27,2 h (no rounding).
    expect(r.inputs.fte?.value).toBeCloseTo(98 / 36, 10);
    expect(r.required.coaching).toBeCloseTo(980 / 36, 10);
    expect(r.planned.coaching).toBe(22);
  });

  test("countBbl/countPolicyOfficerOnGroup false look at the function, not at a remark mentioning coaching", () => {
    const r = checkWorkbook(wb(staff()), { countBbl: false, countPolicyOfficerOnGroup: false });
    // An (24, remark mentions coaching but she is a PM) + Bo (18) = 42 / 36 fte.
    expect(r.inputs.fte?.value).toBeCloseTo(42 / 36, 10);
  });
});

describe("allocation tables", () => {
  test("a number column 'Nr' is not hours, and 'Totaal' in the first column is a label", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Beleid 2026", [
          ["Beleidsuren per locatie"],
          ["Nr", "Locatie", "Beleid", "Som"],
          [1, "Dommelen", 30, 30],
          [2, "Budel", 50, 50],
          ["Totaal", null, 80, 80],
        ]),
      ),
    );
    expect(r.planned.policy).toBe(80);
    expect(byRule(r, RULES.ROW_TOTAL)).toEqual([]);
    expect(byRule(r, RULES.NOT_A_NUMBER)).toEqual([]);
    expect(byRule(r, RULES.COLUMN_TOTAL)).toEqual([]);
  });

  test("a subtotal row is not counted as a location", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Beleid 2026", [
          ["Beleidsuren per locatie"],
          ["Locatie", "Beleid", "Overleg", "Totaal per locatie"],
          ["Dommelen", 30, 20, 50],
          ["Budel", 0, 50, 50],
          ["Gastel", "1.000", 0, 1000],
          ["Subtotaal regio Zuid", 1030, 70, 1100],
          ["Oirschot", 10, 40, 50],
          ["Totaal", 1040, 110, 1150],
        ]),
      ),
    );
    // 50 + 50 + 1 000 + 50 = 1 150.
    expect(r.planned.policy).toBe(1150);
    expect(byRule(r, RULES.COLUMN_TOTAL)).toEqual([]);
    expect(byRule(r, RULES.ROW_TOTAL)).toEqual([]);
  });

  test("negative hours are an error and make the planned hours unknown, not a smaller sum", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Beleid 2026", [
          ["Beleidsuren per locatie"],
          ["Locatie", "Beleid", "Overleg", "Totaal"],
          ["Dommelen", 30, 20, 50],
          ["Oirschot", -10, 60, 50],
          ["Totaal", 20, 80, 100],
        ]),
      ),
    );
    const neg = r.findings.filter((f) => f.severity === "error" && f.cell === "B4");
    expect(neg).toHaveLength(1);
    expect(neg[0].message).toMatch(/negatief/);
    expect(r.planned.policy).toBeNull();
    expect(byRule(r, RULES.PLANNED_UNKNOWN)).toHaveLength(1);
  });

  test("a blank row between the header and the data does not end the table", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Coaching 2026", [
          ["Coachuren per locatie"],
          ["Locatie", "Coachuren"],
          [],
          ["Dommelen", 40],
          ["Budel", 25],
        ]),
      ),
    );
    expect(r.planned.coaching).toBe(65);
  });
});

describe("formation", () => {
  test("formation in hours and in fte that disagree: a warning, the hours cell is used", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Uren 2026", [
          ["Formatie coach (uren per jaar)", "2.496 uur"],
          ["Formatie coach (fte)", "1,5 fte"],
          ["Aantal LRK-registraties", 2],
          [],
          ["Beleidsuren per locatie"],
          ["Locatie", "Beleidsuren"],
          ["Dommelen", 50],
          ["Budel", 50],
        ]),
      ),
    );
    expect(r.formation.hours).toBe(2496);
    // 1,5 fte × 36 × 52 = 2 808 h ≠ 2 496 h.
    const c = byRule(r, RULES.FACT_CONFLICT);
    expect(c).toHaveLength(1);
    expect(c[0].message).toContain("1,33"); // 2 496 h ÷ 1 872 h per fte
  });
});

describe("formation rounding", () => {
  test("1,33 fte next to 2 496 h is the same formation written rounded: no conflict", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Uren 2026", [
          ["Formatie coach (uren per jaar)", 2496],
          ["Formatie coach (fte)", "1,33 fte"],
          ["Aantal LRK-registraties", 2],
          ["Beleidsuren per locatie"],
          ["Locatie", "Beleidsuren"],
          ["Dommelen", 50],
          ["Budel", 50],
        ]),
      ),
    );
    expect(r.formation.hours).toBe(2496);
    expect(byRule(r, RULES.FACT_CONFLICT)).toEqual([]);
  });

  test("a negative formation in fte is a finding, not a crash", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Uren 2026", [
          ["Formatie coach (fte)", -1],
          ["Aantal LRK-registraties", 2],
          ["Beleidsuren per locatie"],
          ["Locatie", "Beleidsuren"],
          ["Dommelen", 50],
          ["Budel", 50],
        ]),
      ),
    );
    expect(r.formation.hours).toBeNull();
    expect(byRule(r, RULES.FACT_INVALID)).toHaveLength(1);
  });
});

describe("LRK cells without a value", () => {
  test("an error value in the LRK column makes the number of kindercentra unknown, not one less", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Locaties 2026", [
          ["Locatie", "LRK-nummer", "Beleidsuren"],
          ["Dommelen", "123456782", 50],
          ["Budel", { error: "#VERW!" }, 50],
        ]),
      ),
    );
    expect(r.inputs.centres).toBeNull();
    expect(r.required.policy).toBeNull();
    expect(byRule(r, RULES.FACT_INVALID)).toHaveLength(1);
    expect(byRule(r, RULES.ERROR_VALUE)).toHaveLength(1);
  });
});

describe("malformed workbooks", () => {
  const pol = [["Beleidsuren per locatie"], ["Locatie", "Beleidsuren"], ["Dommelen", 50], ["Budel", 50]];

  test("two sheets with the same name: a Dutch error, not a crash", () => {
    const two = wb(buildSheet("Uren 2026", pol), buildSheet("Uren 2026", [["Aantal LRK-registraties", 2]]));
    expect(() => checkWorkbook(two)).toThrow(/meer dan één blad met de naam 'Uren 2026'/);
  });

  test("a policy table whose hours column holds only text plans nothing known, not 0 hours", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Beleid 2026", [
          ["Aantal LRK-registraties", 2],
          [],
          ["Locatie", "Beleidsuren"],
          ["Dommelen", "veertig"],
          ["Budel", "zie planning"],
          ["Gastel", { error: "#WAARDE!" }],
        ]),
      ),
    );
    expect(r.required.policy).toBe(100);
    expect(r.planned.policy).toBeNull();
    expect(byRule(r, RULES.POLICY_SHORT)).toEqual([]);
  });

  test("50 sheets of which one holds the table, behind 20 000 blank rows", () => {
    const sheets = Array.from({ length: 49 }, (_, i) => buildSheet(`Blad${i + 1}`, i % 3 ? [] : [["notitie"]]));
    const rows: (string | number | null)[][] = Array.from({ length: 20000 }, () => []);
    rows.push(["Aantal LRK-registraties", 2], ...pol);
    sheets.push(buildSheet("Uren 2026", rows));
    const r = checkWorkbook({ sheets });
    expect(r.year).toBe(2026);
    expect(r.required.policy).toBe(100);
    expect(r.planned.policy).toBe(100);
    expect(r.tables.map((t) => [t.sheet, t.range, t.role])).toEqual([["Uren 2026", "A20003:B20005", "policy"]]);
  });
});

describe("year detection", () => {
  const pol = [["Beleidsuren per locatie"], ["Locatie", "Beleidsuren"], ["Dommelen", 50], ["Budel", 50]];
  const yearWarnings = (r: CheckResult) => byRule(r, RULES.YEAR_CONFLICT);

  test("sheet '2025' with title 'Coachplan 2026': a warning naming both years", () => {
    const r = checkWorkbook(wb(buildSheet("2025", [["Coachplan 2026"], [], ...pol])));
    const w = yearWarnings(r);
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe("warning");
    expect(w[0].message).toContain("2025");
    expect(w[0].message).toContain("2026");
  });

  test("title 'Coachplan 2025-2026' names two years: a warning", () => {
    const r = checkWorkbook(wb(buildSheet("Blad1", [["Coachplan 2025-2026"], [], ...pol])));
    expect(yearWarnings(r)).toHaveLength(1);
  });

  test("a peildatum as ISO date text gives the year without doubt", () => {
    const r = checkWorkbook(wb(buildSheet("Blad1", [["Peildatum", "2025-01-01"], [], ...pol])));
    expect(r.year).toBe(2025);
    expect(yearWarnings(r)).toEqual([]);
  });

  test("a column header 'Uren 2025' next to 'Uren 2026' is no year conflict, and both columns are read", () => {
    const r = checkWorkbook(
      wb(buildSheet("Beleid", [["Beleidsplan 2026"], ["Locatie", "Beleidsuren 2026"], ["Dommelen", 50], ["Budel", 50]])),
    );
    expect(r.year).toBe(2026);
    expect(r.planned.policy).toBe(100);
    expect(yearWarnings(r)).toEqual([]);
  });
});

describe("columns of another year", () => {
  test("'Uren 2025' next to 'Uren 2026' in a 2026 plan: only 2026 is counted", () => {
    const r = checkWorkbook(
      wb(buildSheet("Blad1", [["Beleidsuren per locatie 2026"], ["Locatie", "Uren 2026", "Uren 2025"], ["Dommelen", 50, 40], ["Budel", 50, 40]])),
    );
    expect(r.year).toBe(2026);
    expect(r.planned.policy).toBe(100); // not 180
    const info = byRule(r, RULES.OTHER_YEAR).filter((f) => f.cell === "C2:C4");
    expect(info).toHaveLength(1);
    expect(info[0].message).toContain("2025");
  });
});

describe("VE and coaching lists as written by hand", () => {
  test("location names differ in 'KDV', case and spaces; a VE location missing from the hours table is an error", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("VE 2026", [
          ["Doelgroeppeuters per locatie"],
          ["Locatie", "Aantal doelgroeppeuters"],
          ["KDV Dommelen ", 6],
          ["nederweert", 4],
          ["Budel", 6],
          [],
          ["VE-uren per locatie"],
          ["Locatie", "VE-uren"],
          ["Dommelen", 60],
          ["KDV  NEDERWEERT", 30],
        ]),
      ),
    );
    // 16 toddlers × 10 = 160 h; planned 60 + 30 = 90.
    expect(r.required.ve).toBe(160);
    expect(r.planned.ve).toBe(90);
    const short = byRule(r, RULES.VE_SHORT);
    expect(short.map((f) => f.cell).sort()).toEqual(["B10", "B5"]); // Nederweert 30 < 40; Budel has no row
    expect(short.find((f) => f.cell === "B5")!.message).toContain("Budel");
  });

  test("coaching per staff member: 0 and blank are both 'no coaching' errors, the sum is the plan", () => {
    const r = checkWorkbook(
      wb(
        buildSheet("Coaching 2026", [
          ["Naam medewerker", "Locatie", "Coachuren"],
          ["An", "Dommelen", 6],
          ["Bo", "Budel", 0],
          ["Cor", "Budel", null],
          ["Dirk", "Gastel", 8],
        ]),
      ),
    );
    expect(r.planned.coaching).toBe(14);
    expect(byRule(r, RULES.STAFF_NO_COACHING).map((f) => f.cell)).toEqual(["C3", "C4"]);
  });
});

describe("flexible contracts in the contract-hours column", () => {
  const staffSheet = (rows: (string | number | null)[][]) =>
    buildSheet("Personeel 2026", [
      ["Personeel 2026"],
      ["Naam", "Contracturen per week", "Gewerkt in 13 weken", "Coachuren"],
      ...rows,
      [],
      ["Aantal LRK-registraties", 1],
    ]);

  test("'0-uren' / 'min-max' text is not a typing error; the 13-week hours count (also 0)", () => {
    const wb = {
      sheets: [
        staffSheet([
          ["Anna", 36, null, 10],
          ["Bram", "0-uren", 234, 10], // 234 h in 13 weeks = 18 h/week = 0,5 fte
          ["Cas", "min-max", 0, 10], // worked nothing in the 13 weeks: 0 fte, known
        ]),
      ],
    };
    const r = checkWorkbook(wb, { year: 2026 });
    expect(r.findings.filter((x) => x.rule === RULES.NOT_A_NUMBER)).toEqual([]);
    expect(r.inputs.fte?.value).toBe(1.5);
    expect(r.required.coaching).toBe(15);
  });

  test("a typing error in the same column is still an error", () => {
    const r = checkWorkbook({ sheets: [staffSheet([["Anna", 36, null, 10], ["Bram", "zesendertig", null, 10]])] }, { year: 2026 });
    expect(r.findings.find((x) => x.rule === RULES.NOT_A_NUMBER)).toMatchObject({ severity: "error", cell: "B4" });
  });
});

test("toddler counts written as '6 peuters' are numbers: VE per location is checked", () => {
  const wb = {
    sheets: [
      buildSheet("VE 2026", [
        ["VE-locaties 2026"],
        ["Locatie", "Aantal peuters op 1 januari", "VE-uren"],
        ["Dommelen", "6 peuters", 60],
        ["Budel", "4 peuters", 30],
        ["Totaal", "10 peuters", 90],
      ]),
    ],
  };
  const r = checkWorkbook(wb, { overrides: { centres: 2, fte: 1 } });
  expect(r.inputs.targetToddlers?.value).toBe(10);
  expect(r.required.ve).toBe(100);
  expect(r.findings.find((x) => x.rule === RULES.VE_SHORT)).toMatchObject({ severity: "error", sheet: "VE 2026" });
});

describe("toddler cells that cannot be read make the toddler total unknown, never too low", () => {
  const ve = (b4: unknown) => ({
    sheets: [
      buildSheet("VE 2026", [
        ["VE-locaties 2026"],
        ["Locatie", "Aantal peuters op 1 januari", "VE-uren"],
        ["Dommelen", 6, 60],
        ["Budel", b4 as never, 40],
        ["Gastel", "n.v.t.", 0],
      ]),
    ],
  });

  test.each([
    ["an error value", { error: "#VERW!" }, "warning"],
    ["text that is not a count", "zes", "warning"],
    ["a negative count", -4, "error"],
  ])("%s", (_what, cell, severity) => {
    const r = checkWorkbook(ve(cell), { overrides: { centres: 3, fte: 1 } });
    expect(r.inputs.targetToddlers).toBeNull();
    expect(r.required.ve).toBeNull();
    expect(r.findings.find((x) => x.rule === RULES.FACT_INVALID)).toMatchObject({ severity, sheet: "VE 2026", cell: "B4" });
  });

  test("'n.v.t.' means no toddlers at that location", () => {
    const r = checkWorkbook(ve(4), { overrides: { centres: 3, fte: 1 } });
    expect(r.inputs.targetToddlers?.value).toBe(10);
    expect(r.required.ve).toBe(100);
  });
});
