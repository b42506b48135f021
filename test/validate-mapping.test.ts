/**
 * The mapping (koppeling): Dutch messages for bad input, the "negeren" role that makes the
 * engine skip a table, and a table mapped to another role counting under that role only.
 */
import { buildSheet, checkWorkbook, cloneWorkbook, detectTables, MAPPING_ROLES, mappingRoleName, parseMapping, withTableRole } from "../shared/validate";
import { parseCell, parseRange } from "../shared/validate/a1";
import { isIkkError } from "../shared/errors";
import type { Finding, WorkbookSnapshot } from "../shared/validate/types";
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";

const message = (input: unknown): string => {
  try {
    parseMapping(input);
  } catch (e) {
    if (isIkkError(e) && e.code === "ONGELDIGE_INVOER") return e.message;
    throw e;
  }
  throw new Error("expected the mapping to be refused");
};

const inRange = (f: Finding, sheet: string, range: string): boolean => {
  if (f.sheet !== sheet || f.cell === null) return false;
  const r = parseRange(range)!;
  const c = parseCell(f.cell.split(":")[0])!;
  return c.row >= r.start.row && c.row <= r.end.row && c.col >= r.start.col && c.col <= r.end.col;
};

describe("mapping messages", () => {
  test("a field of the wrong type is named and not called missing", () => {
    const jaar = message({ versie: 1, jaar: "2026" });
    expect(jaar).toContain("'jaar'");
    expect(jaar).toContain("verkeerde type");
    expect(jaar).toContain("(verwacht: een getal)");
    expect(jaar).not.toContain("ontbreekt");
    expect(message({ versie: 1, jaar: 2026.5 })).toContain("'jaar' heeft het verkeerde type (verwacht: een geheel getal)");
    expect(message({ versie: 1, tabellen: {} })).toMatch(/'tabellen' heeft het verkeerde type \(verwacht: een lijst/);
    expect(message(null)).toContain("verkeerde type");
  });

  test("a missing field says so", () => {
    expect(message({ versie: 1, tabellen: [{ blad: "X", rol: "ve" }] })).toContain("veld 'tabellen[0].bereik' ontbreekt");
  });

  test("an empty sheet name is called empty", () => {
    expect(message({ versie: 1, tabellen: [{ blad: "", bereik: "A1:B2", rol: "ve" }] })).toContain("'tabellen[0].blad' mag niet leeg zijn");
    expect(message({ versie: 1, feiten: { fte: { blad: "", cel: "B4" } } })).toContain("'feiten.fte.blad' mag niet leeg zijn");
  });

  test("ranges, cells, numbers and unknown keys keep their messages", () => {
    expect(message({ versie: 1, tabellen: [{ blad: "X", bereik: "A1", rol: "ve" }] })).toContain("'tabellen[0].bereik' moet een bereik zijn");
    expect(message({ versie: 1, feiten: { fte: { blad: "X", cel: "zz" } } })).toContain("'feiten.fte.cel' moet een celadres zijn");
    expect(message({ versie: 1, feiten: { fte: -1 } })).toContain("'feiten.fte' is te klein (minimaal 0)");
    expect(message({ versie: 1, feiten: { fte: "veel" } })).toContain("'feiten.fte' moet een getal zijn of een cel");
    expect(message({ versie: 1, jaar: 1800 })).toContain("'jaar' is te klein (minimaal 1900)");
    expect(message({ versie: 1, tabellen: [{ blad: "X", bereik: "A1:B2", rol: "ve", kleur: "rood" }] })).toContain("'tabellen[0]' bevat onbekende velden: kleur");
  });
});

describe("role 'negeren'", () => {
  const { sheet, range } = PLAN_2026_CELLS.coachingTable;

  test("is a mapping role the panel can offer, and round-trips through withTableRole", () => {
    expect(MAPPING_ROLES.negeren).toBe("ignored");
    expect(mappingRoleName("ignored")).toBe("negeren");
    const m = withTableRole(undefined, sheet, range, "ignored");
    expect(m.tabellen).toEqual([{ blad: sheet, bereik: range, rol: "negeren" }]);
    expect(parseMapping(m).tables).toEqual([{ sheet, range, role: "ignored" }]);
    // "unknown" still removes the user's entry, so detection decides again.
    expect(withTableRole(m, sheet, range, "unknown").tabellen).toEqual([]);
  });

  test("the table is listed as ignored and counts for nothing", () => {
    const wb = plan2026();
    const base = checkWorkbook(wb);
    const r = checkWorkbook(wb, { mapping: withTableRole(undefined, sheet, range, "ignored") });
    expect(r.tables.find((t) => t.sheet === sheet && t.range === range)).toEqual({
      sheet,
      range,
      role: "ignored",
      confidence: 1,
      reason: expect.stringContaining("genegeerd"),
    });
    expect(r.tables.filter((t) => t.role === "coaching")).toEqual([]);
    expect(base.planned.coaching).not.toBeNull();
    expect(r.planned.coaching).toBeNull();
    expect(r.planned.policy).toBe(base.planned.policy);
    expect(r.planned.ve).toBe(base.planned.ve);
    // Coaching is no longer planned anywhere: the total is unknown (never a partial sum) and the check incomplete.
    expect(r.planned.total).toBeNull();
    expect(r.complete).toBe(false);
    expect(r.findings.some((f) => f.rule === "controle-onvolledig" && f.severity === "error" && /coaching/.test(f.message))).toBe(true);
    // The norm itself does not change.
    expect(r.required).toEqual(base.required);
  });

  test("no findings come from an ignored table", () => {
    const wb = cloneWorkbook(plan2026());
    const { cell } = PLAN_2026_CELLS.coachingFirstRowTotal;
    const ref = parseCell(cell)!;
    const s = wb.sheets.find((x) => x.name === sheet)!;
    s.values[ref.row][ref.col] = 999; // a typed row total that does not match its parts
    s.formulas![ref.row][ref.col] = null;
    const before = checkWorkbook(wb);
    expect(before.findings.some((f) => inRange(f, sheet, range))).toBe(true);
    const r = checkWorkbook(wb, { mapping: withTableRole(undefined, sheet, range, "ignored") });
    expect(r.findings.filter((f) => inRange(f, sheet, range))).toEqual([]);
  });

  test("label cells inside an ignored range give no facts", () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        buildSheet("Uren 2026", [
          ["Aantal kindercentra", 3],
          ["Fte pedagogisch medewerkers", 12],
        ]),
      ],
    };
    expect(checkWorkbook(wb).inputs.centres?.value).toBe(3);
    const r = checkWorkbook(wb, { mapping: { versie: 1, tabellen: [{ blad: "Uren 2026", bereik: "A1:B1", rol: "negeren" }] } });
    expect(r.inputs.centres).toBeNull();
    expect(r.inputs.fte?.value).toBe(12);
    expect(r.required.policy).toBeNull();
  });

  test("detectTables lists it too", () => {
    const m = withTableRole(undefined, sheet, range, "ignored");
    expect(detectTables(plan2026(), m).find((t) => t.range === range)?.role).toBe("ignored");
  });
});

describe("a table mapped to another role counts under that role only", () => {
  const ve = PLAN_2026_CELLS.veTable;

  test("the VE table mapped as beleid: its hours move to beleid and are not counted as VE again", () => {
    const wb = plan2026();
    const base = checkWorkbook(wb);
    const veTable = base.tables.find((t) => t.sheet === ve.sheet && t.range === ve.range);
    expect(veTable?.role).toBe("ve");
    const r = checkWorkbook(wb, { mapping: withTableRole(undefined, ve.sheet, ve.range, "policy") });
    expect(r.planned.policy).toBe(base.planned.policy! + base.planned.ve!);
    // Not filled again from the "Aantal uren" column of the VE toddler table.
    expect(r.planned.ve).toBeNull();
    // The workbook's hours are counted once; the VE hours per location are gone, so the
    // total is unknown (never a partial sum) and the check says it is incomplete.
    expect(r.planned.policy! + r.planned.coaching!).toBe(base.planned.total);
    expect(r.planned.total).toBeNull();
    expect(r.complete).toBe(false);
  });

  test("mapping a table to the role it already had changes nothing", () => {
    const wb = plan2026();
    const base = checkWorkbook(wb);
    const r = checkWorkbook(wb, { mapping: withTableRole(undefined, ve.sheet, ve.range, "ve") });
    expect(r.planned).toEqual(base.planned);
  });

  test("a workbook without a VE allocation table still takes the VE hours from the toddler list", () => {
    const wb = plan2026();
    const base = checkWorkbook(wb);
    // Only the Uren sheet: the toddler table with its "Aantal uren" column, no allocation tables.
    const only = { sheets: wb.sheets.filter((s) => s.name === PLAN_2026_CELLS.toddlerTable.sheet) };
    const r = checkWorkbook(only);
    expect(r.planned.ve).toBe(base.planned.ve);
  });
});
