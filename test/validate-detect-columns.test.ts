/**
 * Several columns of one kind (issue #8, item 7): every LRK column counts, only the check
 * year's columns count when years stand side by side, a Totaal row is found wherever its
 * label sits, and a row total is only compared with the columns that are its parts.
 * Every expected number is worked out by hand in the comments.
 */
import { buildSheet, checkWorkbook, detectTables, formulaCell as f, RULES } from "../shared/validate";
import type { CheckResult } from "../shared/validate";

const rules = (r: CheckResult, rule: string) => r.findings.filter((x) => x.rule === rule);

describe("every LRK column counts", () => {
  test("'LRK KDV' and 'LRK BSO': all distinct numbers of both columns", () => {
    const sheet = buildSheet("Locaties", [
      ["Overzicht kindercentra 2026"],
      [],
      ["Vestiging", "LRK KDV", "LRK BSO", "Beleidsuren", "Coachuren"],
      ["Zonnebloem", "111111110", "555555550", 100, 40],
      ["Klaproos", "222222220", null, 50, 30],
      ["Madelief", "333333330", "666666660", 100, 50],
      // The same BSO registration written twice: one kindercentrum.
      ["Vlinder", "444444440", "666666660", 50, 20],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    // KDV: 4 numbers; BSO: 555555550 and 666666660 = 2 distinct → 6 kindercentra → 6 × 50 = 300 h.
    expect(r.inputs.centres?.value).toBe(6);
    expect(r.required.policy).toBe(300);
    // Planned from the list's part columns: 100 + 50 + 100 + 50 = 300; 40 + 30 + 50 + 20 = 140.
    expect(r.planned.policy).toBe(300);
    expect(r.planned.coaching).toBe(140);
  });

  test("the same LRK numbers in two tables are no duplicates; twice in one table's columns they are", () => {
    const a = buildSheet("Coaching", [
      ["Locatie", "LRK", "Coachuren"],
      ["Zon", "111111110", 40],
      ["Maan", "222222220", 30],
    ]);
    const b = buildSheet("Beleid", [
      ["Locatie", "LRK KDV", "LRK BSO", "Beleidsuren"],
      ["Zon", "111111110", "111111110", 50],
      ["Maan", "222222220", null, 50],
    ]);
    const r = checkWorkbook({ sheets: [a, b] }, { year: 2026 });
    expect(r.inputs.centres?.value).toBe(2);
    expect(rules(r, RULES.LRK_DUPLICATE).map((x) => `${x.sheet}!${x.cell}`)).toEqual(["Beleid!C2"]);
  });

  test("English headers, LRK columns not next to each other, numbers typed as numbers", () => {
    const sheet = buildSheet("Sites", [
      ["Site", "Registration number (day care)", "Policy hours", "Registration number (after school)"],
      ["North", 123456789, 60, 987654321],
      ["South", 234567891, 40, null],
      ["East", 345678912, 50, 876543219],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2025 });
    // 3 + 2 = 5 distinct numbers.
    expect(r.inputs.centres?.value).toBe(5);
    expect(r.required.policy).toBe(250);
    expect(r.planned.policy).toBe(150);
  });
});

describe("years side by side: only the check year's columns count", () => {
  test("columns headed '2025 | 2026' under a coaching title", () => {
    const sheet = buildSheet("Coaching", [
      ["Coachuren per locatie"],
      ["Locatie", 2025, 2026],
      ["Dommelen", 100, 150],
      ["Budel", 120, 130],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(r.tables[0]).toMatchObject({ role: "coaching", range: "A2:C4" });
    // 150 + 130 = 280; the 2025 column (220) does not count.
    expect(r.planned.coaching).toBe(280);
    const r25 = checkWorkbook({ sheets: [sheet] }, { year: 2025 });
    expect(r25.planned.coaching).toBe(220);
  });

  test("'Hours 2025 | Hours 2026' in English", () => {
    const sheet = buildSheet("Plan", [
      ["Coaching hours per site"],
      ["Site", "Hours 2025", "Hours 2026"],
      ["A-street", 80, 90],
      ["B-lane", 70, 75.5],
      ["Total", 150, 165.5],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(r.planned.coaching).toBe(165.5);
    expect(rules(r, RULES.COLUMN_TOTAL)).toEqual([]);
  });

  test("a row of years above the part columns (years as numbers, merged cells)", () => {
    const sheet = buildSheet("Verdeling", [
      ["Inzet pedagogisch beleidsmedewerker"],
      [null, 2025, null, 2026, null],
      ["Locatie", "Beleid", "Coaching", "Beleid", "Coaching"],
      ["Zon", 50, 20, 50, 25],
      ["Maan", 50, 30, 100, 35],
      ["Ster", 50, 10, 50, 15.5],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    // 2026: beleid 50 + 100 + 50 = 200, coaching 25 + 35 + 15,5 = 75,5.
    expect(r.planned.policy).toBe(200);
    expect(r.planned.coaching).toBe(75.5);
    expect(r.tables[0].range).toBe("A2:E6");
  });

  test("a header row naming years as text over part columns, location header in the same row", () => {
    const sheet = buildSheet("Uren", [
      ["Locatie", "2026", null, "2025", null, "Opmerking"],
      [null, "VE-uren", "Coachuren", "VE-uren", "Coachuren", null],
      ["Dommelen", 60, 100, 50, 90, "nieuw"],
      ["Budel", 40, 80, 40, 70, null],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    // Only B and C are 2026: coaching 100 + 80 = 180.
    expect(r.planned.coaching).toBe(180);
    // The 2025 columns are not read as a second coaching part (that would give 340).
    expect(r.planned.coaching).not.toBe(340);
  });
});

describe("a Totaal row wherever its label sits", () => {
  const rows = (total: number) => [
    ["Nr", "Code", "Locatie", "Coaching"],
    [1, "K01", "Zon", 100],
    [2, "K02", "Maan", 150],
    [null, null, "Totaal", total],
    [],
    ["Los getal onder de tabel", 999],
  ];

  test("label in the third column ends the table; its figure is a column total, not data", () => {
    const r = checkWorkbook({ sheets: [buildSheet("Blad1", rows(250))] }, { year: 2026 });
    expect(r.tables[0].range).toBe("A1:D4");
    expect(r.planned.coaching).toBe(250); // 100 + 150, not 500
    expect(rules(r, RULES.NOT_A_NUMBER)).toEqual([]);
  });

  test("a wrong typed total there is reported at its cell", () => {
    const r = checkWorkbook({ sheets: [buildSheet("Blad1", rows(260))] }, { year: 2026 });
    expect(rules(r, RULES.COLUMN_TOTAL).map((x) => x.cell)).toEqual(["D4"]);
    expect(r.planned.coaching).toBe(250);
  });

  test("'Total' after a region label; a remark such as 'totaal 2 sessies' is data", () => {
    const sheet = buildSheet("Coaching", [
      ["Regio", "Locatie", "Toelichting", "Coachuren"],
      ["Zuid", "Zon", "totaal 2 sessies", 30],
      ["Zuid", "Maan", null, 20],
      ["Zuid", "Subtotaal", null, 50],
      ["Noord", "Ster", "nieuw", 40],
      [null, "Total", null, 90],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(r.tables[0].range).toBe("A1:D6");
    // 30 + 20 + 40 = 90 (the subtotal row is skipped).
    expect(r.planned.coaching).toBe(90);
    expect(rules(r, RULES.COLUMN_TOTAL)).toEqual([]);
  });
});

describe("the row total is compared with its parts only", () => {
  test("LRK, group counts and remarks are no parts of the total", () => {
    const sheet = buildSheet("Locaties", [
      ["Locatie", "LRK", "Aantal groepen", "Beleid", "Coaching", "Opmerking", "Totaal"],
      ["Zon", "111111110", 3, 50, 100, null, f("=D2+E2", 150)],
      ["Maan", "222222220", 2, 50, 60, 7, f("=D3+E3", 110)],
      ["Ster", "333333330", 4, 50, 80, null, 140],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    // Only row 4 is wrong: 50 + 80 = 130, typed 140.
    const rowTotals = rules(r, RULES.ROW_TOTAL);
    expect(rowTotals.map((x) => x.cell)).toEqual(["G4"]);
    expect(rowTotals[0].message).toContain("130");
    expect(r.planned.policy).toBe(150);
    expect(r.planned.coaching).toBe(240);
  });

  test("a column of another year is no part of this year's total", () => {
    const sheet = buildSheet("Coaching", [
      ["Coachuren"],
      ["Locatie", "Uren 2025", "Groep", "Individueel", "Totaal 2026"],
      ["Zon", 70, 40, 20, 60],
      ["Maan", 55, 30, 30, 60],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(rules(r, RULES.ROW_TOTAL)).toEqual([]);
    // 40 + 20 + 30 + 30 = 120.
    expect(r.planned.coaching).toBe(120);
  });

  test("detectTables still lists one table per block", () => {
    const t = detectTables({
      sheets: [
        buildSheet("X", [
          ["Location", "Policy", "Coaching", "Total"],
          ["One", 10, 20, 30],
          ["Total", 10, 20, 30],
        ]),
      ],
    });
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ range: "A1:D3", role: "locations" });
  });
});

describe("more layouts of several columns and blocks", () => {
  test("two tables side by side under one header row are two tables", () => {
    const sheet = buildSheet("Plan 2024", [
      ["Locatie", "LRK-nummer", "Beleidsuren", null, null, "Speelleergroep", "Doelgroeppeuters", "VE-uren"],
      ["Zon", "111111110", 60, null, null, "SLG Zon", 4, 40],
      ["Maan", "222222220", 40, null, null, "SLG Maan", 2, 20],
      ["Ster", "333333330", 50, null, null, "Totaal", 6, 60],
      ["Totaal", null, 150],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2024 });
    expect(r.tables.map((t) => [t.range, t.role])).toEqual([
      ["A1:C5", "locations"],
      ["F1:H4", "ve-toddlers"],
    ]);
    // 4 + 2 = 6 toddlers (the right table's Totaal row is no location); 3 LRK numbers.
    expect(r.inputs.targetToddlers?.value).toBe(6);
    expect(r.inputs.centres?.value).toBe(3);
    expect(r.planned.policy).toBe(150);
  });

  test("toddlers per year under a title, and a labelled fte under year columns", () => {
    const sheet = buildSheet("Begroting", [
      ["Doelgroeppeuters op 1 januari"],
      ["VE-locatie", "2025", "2026"],
      ["Zon", 5, 6],
      ["Maan", 4, 2],
      [],
      ["Personeel", null, null],
      [null, 2025, 2026],
      ["Fte", 40.5, 38.25],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    // 2026: 6 + 2 = 8 toddlers; fte 38,25 → 382,5 h.
    expect(r.inputs.targetToddlers?.value).toBe(8);
    expect(r.inputs.fte?.value).toBe(38.25);
    expect(r.required.coaching).toBe(382.5);
    const r25 = checkWorkbook({ sheets: [sheet] }, { year: 2025 });
    expect(r25.inputs.targetToddlers?.value).toBe(9);
    expect(r25.inputs.fte?.value).toBe(40.5);
    // A year with no column: no fte from this row (never the wrong year's figure).
    const r24 = checkWorkbook({ sheets: [sheet] }, { year: 2024 });
    expect(r24.inputs.fte).toBeNull();
  });

  test("a list under a one-cell heading 'Doelgroeppeuters'", () => {
    const sheet = buildSheet("Uren", [
      [null, "Target toddlers"],
      [null, "Harbour", 3],
      [null, "Mill", 7],
      [],
      [null, "Location", "VE hours"],
      [null, "Harbour", 30],
      [null, "Mill", 70],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(r.inputs.targetToddlers?.value).toBe(10);
    expect(r.required.ve).toBe(100);
    expect(r.planned.ve).toBe(100);
  });
});

