/**
 * Long lists with a category column (issue #8, item 8): Datum | Medewerker | Locatie |
 * Activiteit | Uren. Hours split by category into beleid, coaching and VE; other
 * categories are not counted and named in an info finding. The mapping can name the
 * category column and the role of single columns. Expected sums are worked out by hand.
 */
import { isIkkError } from "../shared/errors";
import { buildSheet, checkWorkbook, parseMapping, RULES } from "../shared/validate";
import type { CheckResult } from "../shared/validate";

const rules = (r: CheckResult, rule: string) => r.findings.filter((x) => x.rule === rule);

function ikkMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isIkkError(e)) return e.message;
    throw e;
  }
  throw new Error("expected an IkkError");
}

describe("a Dutch registration list with an 'Activiteit' column", () => {
  const sheet = buildSheet("Urenregistratie", [
    ["Registratie pedagogisch beleidsmedewerker"],
    [],
    ["Datum", "Medewerker", "Locatie", "Activiteit", "Uren"],
    ["2026-01-06", "Anna", "Dommelen", "Coaching op de groep", 3],
    ["2026-01-07", "Anna", "Dommelen", "Beleidsontwikkeling", 4],
    ["2026-01-08", "Bram", "Budel", "VE-coaching", 2.5],
    ["2026-01-09", "Bram", "Budel", "Teamoverleg", 1.5],
    ["2026-01-12", "Anna", "Budel", "Pedagogisch beleid", 6],
    ["2026-01-13", "Bram", "Dommelen", "Coaching individueel", 2],
    ["2026-01-14", "Anna", "Dommelen", "VVE observatie", 1],
    ["2026-01-15", "Bram", "Budel", "Teamoverleg", 0.5],
    ["2026-01-16", "Anna", "Budel", "Administratie", 2],
  ]);
  const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });

  test("is a mixed list, not a staff list", () => {
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ role: "mixed", range: "A3:E12" });
  });

  test("hours split by category", () => {
    // beleid: 4 + 6 = 10; coaching: 3 + 2 = 5; VE (VE-coaching, VVE observatie): 2,5 + 1 = 3,5.
    expect(r.planned.policy).toBe(10);
    expect(r.planned.coaching).toBe(5);
    expect(r.planned.ve).toBe(3.5);
  });

  test("other categories are named with their hours in one info finding", () => {
    const info = rules(r, RULES.CATEGORY_OTHER);
    expect(info).toHaveLength(1);
    expect(info[0].severity).toBe("info");
    // Teamoverleg 1,5 + 0,5 = 2; Administratie 2.
    expect(info[0].message).toContain("'Teamoverleg' (2 uur)");
    expect(info[0].message).toContain("'Administratie' (2 uur)");
    expect(info[0].cell).toBe("D3:D12");
  });
});

describe("an English list with a 'Category' column, columns in another order", () => {
  test("policy / coach / VE words in English", () => {
    const sheet = buildSheet("Log", [
      ["Hours", "Category", "Employee", "Site", "Date"],
      [12, "Policy work", "Kim", "North", "2025-02-01"],
      [8, "Coach on the job", "Kim", "North", "2025-02-03"],
      [5.25, "Coaching", "Lee", "South", "2025-02-04"],
      [4, "VE support", "Lee", "South", "2025-02-05"],
      [3, "Training", "Kim", "South", "2025-02-06"],
      [7, "policy", "Lee", "North", "2025-02-07"],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2025 });
    expect(r.tables[0].role).toBe("mixed");
    // policy 12 + 7 = 19; coaching 8 + 5,25 = 13,25; VE 4.
    expect(r.planned).toMatchObject({ policy: 19, coaching: 13.25, ve: 4 });
    expect(rules(r, RULES.CATEGORY_OTHER)[0].message).toContain("'Training' (3 uur)");
  });

  test("a list without VE rows leaves VE not found (never 0)", () => {
    const sheet = buildSheet("Blad1", [
      ["Datum", "Naam", "Soort", "Aantal uren"],
      ["2024-03-01", "Eva", "Beleid", 10],
      ["2024-03-02", "Eva", "Coaching", 20],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2024 });
    expect(r.planned.policy).toBe(10);
    expect(r.planned.coaching).toBe(20);
    expect(r.planned.ve).toBeNull();
  });

  test("a formula without a cached result makes its part unknown, not 0", () => {
    const sheet = buildSheet("Blad1", [
      ["Medewerker", "Activiteit", "Uren"],
      ["Eva", "Beleid", 10],
      ["Eva", "Coaching", { formula: "=2*5", value: null }],
      ["Eva", "Coaching", 4],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026 });
    expect(r.planned.policy).toBe(10);
    expect(r.planned.coaching).toBeNull();
    expect(rules(r, RULES.PLANNED_UNKNOWN).length).toBeGreaterThan(0);
  });
});

describe("the mapping names a category column and the role of single columns", () => {
  const sheet = buildSheet("Inzet", [
    ["Wie", "Waar", "Omschrijving", "Tijd"],
    ["Eva", "Zon", "beleid", 10],
    ["Eva", "Maan", "coaching", 6],
    ["Piet", "Zon", "coaching", 4],
    ["Piet", "Maan", "overig", 9],
  ]);

  test("'categorie' and 'kolommen' read an unlabelled list", () => {
    const mapping = { versie: 1, tabellen: [{ blad: "Inzet", bereik: "A1:D5", categorie: "C", kolommen: { D: "uren" } }] };
    const r = checkWorkbook({ sheets: [sheet] }, { year: 2026, mapping });
    expect(r.tables[0]).toMatchObject({ role: "mixed", range: "A1:D5", confidence: 1 });
    expect(r.planned.policy).toBe(10);
    expect(r.planned.coaching).toBe(10);
  });

  test("one column mapped as coaching counts whole", () => {
    const s2 = buildSheet("Plan", [
      ["Locatie", "Inzet", "Anders"],
      ["Zon", 30, 1],
      ["Maan", 45, 2],
    ]);
    const mapping = { versie: 1, tabellen: [{ blad: "Plan", bereik: "A1:C3", rol: "coaching", kolommen: { B: "coaching", C: "negeren" } }] };
    const r = checkWorkbook({ sheets: [s2] }, { year: 2026, mapping });
    expect(r.planned.coaching).toBe(75);
  });

  test("parseMapping keeps the columns, 0-based", () => {
    const m = parseMapping({ versie: 1, tabellen: [{ blad: "Inzet", bereik: "B2:F9", categorie: "d", kolommen: { F: "coaching" } }] });
    expect(m.tables[0]).toMatchObject({ role: "mixed", category: 3, columns: { 5: "coaching" } });
  });

  test("Dutch errors: a column outside the range, an unknown column role, no role and no category", () => {
    expect(ikkMessage(() => parseMapping({ versie: 1, tabellen: [{ blad: "X", bereik: "A1:D5", categorie: "G" }] }))).toBe(
      "De koppeling is ongeldig: veld 'tabellen[0].categorie' noemt kolom G, maar die valt buiten het bereik A1:D5.",
    );
    expect(ikkMessage(() => parseMapping({ versie: 1, tabellen: [{ blad: "X", bereik: "A1:D5", rol: "beleid", kolommen: { B: "koffie" } }] }))).toContain(
      "veld 'tabellen[0].kolommen.B' moet een van deze waarden zijn",
    );
    expect(ikkMessage(() => parseMapping({ versie: 1, tabellen: [{ blad: "X", bereik: "A1:D5", categorie: "12" }] }))).toContain("kolomletter");
    expect(ikkMessage(() => parseMapping({ versie: 1, tabellen: [{ blad: "X", bereik: "A1:D5" }] }))).toContain("'tabellen[0].rol' ontbreekt");
  });
});
