import { buildSheet, checkWorkbook, detectTables, formulaCell as f, parseMapping, RULES, withTableRole } from "../shared/validate";
import { isIkkError } from "../shared/errors";
import { PLAN_2026, plan2026 } from "../examples/plan-2026";

function ikk(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isIkkError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected an IkkError");
}

describe("detection", () => {
  test("several tables on one sheet, one-row and two-row headers", () => {
    const t = detectTables(PLAN_2026).filter((x) => x.sheet === "Verdeling 2026");
    expect(t.map((x) => [x.range, x.role])).toEqual([
      ["A3:F20", "coaching"],
      ["A25:G43", "policy"], // header text over rows 25 and 26
      ["A48:G53", "ve"],
    ]);
    expect(t[0].reason).toContain("coaching");
  });

  test("'(zonder VE-uren inzet)' in a title does not make a table VE", () => {
    const t = detectTables(PLAN_2026).find((x) => x.range === "A3:F20")!;
    expect(t.role).toBe("coaching");
  });

  test("without a title the column headers decide, with lower confidence", () => {
    const sheet = buildSheet("Blad1", [
      ["Locatie", "Coaching op de groep", "Coaching individueel", "Totaal"],
      ["Zon", 10, 5, f("=SUM(B2:C2)", 15)],
      ["Maan", 8, 2, f("=SUM(B3:C3)", 10)],
      ["Totaal", 18, 7, 25],
    ]);
    const [t] = detectTables({ sheets: [sheet] });
    expect(t).toMatchObject({ range: "A1:D4", role: "coaching" });
    expect(t.confidence).toBeGreaterThanOrEqual(0.5);
    expect(t.confidence).toBeLessThan(0.9);
  });

  test("a table whose header the detector does not know is found through the mapping", () => {
    const sheet = buildSheet("Blad1", [
      ["Overzicht 2026"],
      ["Plek", "A", "B", "Som"],
      ["Zon", 10, 5, 15],
      ["Maan", 8, 2, 11],
      ["Totaal", 19, 7, 26],
      [],
      ["Aantal LRK-registraties", 2],
      ["Fte pedagogisch medewerkers", 2],
    ]);
    const wb = { sheets: [sheet] };
    expect(detectTables(wb)).toEqual([]);
    const r = checkWorkbook(wb, { mapping: { versie: 1, tabellen: [{ blad: "Blad1", bereik: "A2:D5", rol: "coaching" }] } });
    expect(r.tables).toEqual([{ sheet: "Blad1", range: "A2:D5", role: "coaching", confidence: 1, reason: expect.stringContaining("koppeling") }]);
    // Maan's typed total 11 is wrong (8 + 2 = 10): the planned hours are the parts, 15 + 10.
    expect(r.planned.coaching).toBe(25);
    const rows = r.findings.filter((x) => x.rule === RULES.ROW_TOTAL);
    expect(rows.map((x) => [x.sheet, x.cell])).toEqual([["Blad1", "D4"]]);
    expect(rows[0].message).toContain("Gerekend is met de som van de delen, 10 uur");
    const cols = r.findings.filter((x) => x.rule === RULES.COLUMN_TOTAL);
    expect(cols.map((x) => x.cell)).toEqual(["B5"]);
  });
});

describe("mapping", () => {
  test("a mapping overrides the detected role of a range", () => {
    const mapping = { versie: 1, tabellen: [{ blad: "Verdeling 2026", bereik: "A25:G43", rol: "coaching" }] };
    const r = checkWorkbook(plan2026(), { mapping });
    const t = r.tables.find((x) => x.range === "A25:G43")!;
    expect(t).toMatchObject({ role: "coaching", confidence: 1 });
    expect(r.tables.filter((x) => x.range === "A25:G43")).toHaveLength(1);
    expect(r.planned.coaching).toBe(1800);
    expect(r.planned.policy).toBeNull();
    expect(r.findings.some((x) => x.rule === RULES.TABLE_MISSING && x.message.includes("beleid"))).toBe(true);
  });

  test("mapping facts: a number, or a cell", () => {
    const r = checkWorkbook(plan2026(), { mapping: { versie: 1, feiten: { kindercentra: 17, fte: { blad: "Uren 2026", cel: "B7" } } } });
    expect(r.inputs.centres).toMatchObject({ value: 17, source: { kind: "mapping" } });
    expect(r.inputs.fte).toMatchObject({ value: 21, source: { kind: "mapping", sheet: "Uren 2026", cell: "B7" } });
    expect(r.required.policy).toBe(850);
  });

  test("an already parsed mapping is accepted (the CLI passes one)", () => {
    const parsed = parseMapping({ versie: 1, jaar: 2025, tabellen: [{ blad: "Verdeling 2026", bereik: "A25:G43", rol: "beleid" }] });
    expect(parsed.tables[0].role).toBe("policy");
    const r = checkWorkbook(plan2026(), { mapping: parsed });
    expect(r.year).toBe(2025);
    expect(r.yearSource).toContain("koppeling");
  });

  test("invalid mappings give a Dutch error naming the field", () => {
    expect(ikk(() => parseMapping({ versie: 2 }))).toEqual({ code: "ONGELDIGE_INVOER", message: expect.stringContaining("'versie'") });
    const badRole = ikk(() => parseMapping({ versie: 1, tabellen: [{ blad: "X", bereik: "A1:B2", rol: "salaris" }] }));
    expect(badRole.message).toContain("'tabellen[0].rol'");
    expect(badRole.message).toContain("coaching");
    expect(ikk(() => parseMapping({ versie: 1, tabellen: [{ blad: "X", bereik: "A1", rol: "ve" }] })).message).toContain("'tabellen[0].bereik'");
    expect(ikk(() => parseMapping({ versie: 1, feiten: { fte: "veel" } })).message).toContain("'feiten.fte'");
    expect(ikk(() => parseMapping({ versie: 1, onbekend: 1 })).message).toContain("onbekend");
    expect(ikk(() => checkWorkbook(plan2026(), { mapping: { versie: 1, tabellen: [{ blad: "Bestaat niet", bereik: "A1:B2", rol: "ve" }] } })).message).toContain(
      "Bestaat niet",
    );
  });

  test("withTableRole writes a mapping that parseMapping accepts", () => {
    const m = withTableRole(undefined, "Verdeling 2026", "A25:G43", "coaching");
    const m2 = withTableRole(m, "Verdeling 2026", "A48:G53", "ve-toddlers");
    const parsed = parseMapping(m2);
    expect(parsed.tables).toEqual([
      { sheet: "Verdeling 2026", range: "A25:G43", role: "coaching" },
      { sheet: "Verdeling 2026", range: "A48:G53", role: "ve-toddlers" },
    ]);
  });
});

describe("one column per part", () => {
  test("a location table with columns Coaching / Beleid counts each part once, whatever its title says", () => {
    const sheet = buildSheet("Uren", [
      ["Coachuren 2023"],
      ["Locatie", "Coaching", "Beleid", "Totaal"],
      ["KDV Zon", 20, 50, f("=SUM(B3:C3)", 70)],
      ["BSO Maan", 0, 50, f("=SUM(B4:C4)", 50)],
      ["Totaal", 20, 100, 120],
    ]);
    const wb = { sheets: [sheet] };
    const [t] = detectTables(wb);
    expect(t).toMatchObject({ range: "A2:D5", role: "locations" });
    const r = checkWorkbook(wb, { overrides: { centres: 2, fte: 1 } });
    expect(r.planned.coaching).toBe(20); // not the row totals (120) that mix in the policy hours
    expect(r.planned.policy).toBe(100);
    expect(r.findings.find((x) => x.rule === RULES.LOCATION_NO_COACHING)).toMatchObject({ sheet: "Uren", cell: "B4" });
  });

  test("activity headers that merely mention coaching or VE keep the reference layout's roles", () => {
    const roles = detectTables(PLAN_2026).map((x) => x.role);
    expect(roles).not.toContain("locations");
  });
});
