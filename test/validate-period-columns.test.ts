/**
 * Allocation tables whose columns are periods (months, quarters) or activities under a title
 * that names one part: the title decides the part, also when the table lists LRK numbers.
 * Figures by hand: 50 h per LRK registration, 10 h per fte of 36 h/week.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";

const staff = buildSheet("Team", [
  ["Medewerker", "Contract (u/wk)"],
  ["A", 36],
  ["B", 27],
  ["C", 9],
]);

test("quarters under 'Coaching per kwartaal' and 'Beleid per kwartaal', with LRK numbers beside them", () => {
  const sheet = buildSheet("Planning", [
    ["Coaching per kwartaal 2027"],
    ["Vestiging", "LRK-nr", "K1", "K2", "K3", "K4"],
    ["Zon", "123456782", 3, 2, 2, 3],
    ["Maan", "234567891", 2, 2, 1, 1],
    [],
    ["Beleid per kwartaal"],
    ["Vestiging", "LRK-nr", "K1", "K2", "K3", "K4"],
    ["Zon", "123456782", 10, 10, 15, 15],
    ["Maan", "234567891", 12, 12, 12, 12],
  ]);
  const r = checkWorkbook({ sheets: [sheet, staff] }, { overrides: { toddlers: 0 } });
  // 2 LRK → 100 h policy; (36 + 27 + 9) / 36 = 2 fte → 20 h coaching; no VE (0 given). Planned: coaching 10 + 6 = 16 (short), policy 50 + 48 = 98 (short).
  expect(r.inputs.centres?.value).toBe(2);
  expect(r.required).toMatchObject({ policy: 100, coaching: 20 });
  expect(r.planned).toMatchObject({ policy: 98, coaching: 16 });
  expect(r.findings.filter((f) => f.severity === "error").map((f) => f.rule).sort()).toEqual([RULES.POLICY_SHORT, RULES.COACHING_SHORT].sort());
});

test("a title naming two parts does not decide: the LRK table stays a location list", () => {
  const sheet = buildSheet("Planning", [
    ["Beleid en coaching 2027"],
    ["Vestiging", "LRK-nr", "jan", "feb"],
    ["Zon", "123456782", 3, 2],
  ]);
  const r = checkWorkbook({ sheets: [sheet, staff] });
  expect(r.tables[0].role).toBe("locations");
  expect(r.complete).toBe(false);
});

test("a category column with period columns: each row's hours are its whole row; a typed total of the part is where the finding points", () => {
  const sheet = buildSheet("Jaarplan", [
    ["Inzet beleidsmedewerker 2027"],
    ["Kindercentrum", "LRK", "Soort uren", "Q1", "Q2", "Q3", "Q4"],
    ["Zon", "123456782", "Beleid", 10, 10, 10, 10],
    [null, null, "Coaching", 3, 3, 2, 2],
    ["Maan", "234567891", "Beleid", 12, 12, 12, 12],
    [null, null, "Coaching", 3, 3, 2, 2],
    [],
    ["Totaal beleidsuren gepland", null, null, null, null, null, 88],
  ]);
  const r = checkWorkbook({ sheets: [sheet, staff] });
  // Policy: 40 + 48 = 88 < 2 × 50 = 100; coaching 10 + 10 = 20 = 2 fte × 10.
  expect(r.planned).toMatchObject({ policy: 88, coaching: 20 });
  const short = r.findings.filter((f) => f.rule === RULES.POLICY_SHORT);
  expect(short.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["Jaarplan!G8"]);
  expect(r.findings.some((f) => f.rule === RULES.COACHING_SHORT)).toBe(false);
});

describe("toddlers written per location as labels", () => {
  const plan = (toddlerRows: (string | number | null)[][]) =>
    buildSheet("Overzicht", [
      ["Plan 2027"],
      ["Locatie", "LRK", "Beleidsuren", "Coachuren", "VE-uren"],
      ["De Uil", "123456782", 50, 10, 40],
      ["Het Hert", "234567891", 50, 10, 0],
      [],
      ...toddlerRows,
    ]);

  test("'Doelgroeppeuters <locatie> | n' per location is a count per location, checked against that location's VE hours", () => {
    // De Uil 4 toddlers → 40 h (planned 40); Het Hert 2 → 20 h (planned 0): short at Het Hert.
    const r = checkWorkbook({ sheets: [plan([["Doelgroeppeuters De Uil", 4], ["Doelgroeppeuters Het Hert", 2]]), staff] });
    expect(r.inputs.targetToddlers?.value).toBe(6);
    expect(r.required.ve).toBe(60);
    expect(r.findings.filter((f) => f.rule === RULES.VE_SHORT).map((f) => f.message)).toEqual([expect.stringContaining("Het Hert")]);
  });

  test("'Doelgroeppeuters | <locatie> | n' (the name in its own cell) reads the same way", () => {
    const r = checkWorkbook({ sheets: [plan([["Doelgroeppeuters", "De Uil", 4]]), staff] });
    // De Uil 4 → 40 h planned 40; no other VE location named: complete, in orde.
    expect(r.inputs.targetToddlers?.value).toBe(4);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.complete).toBe(true);
  });

  test("a generic label ('Doelgroeppeuters per 1 januari') stays a total, which for two kindercentra is not per location", () => {
    const r = checkWorkbook({ sheets: [plan([["Doelgroeppeuters per 1 januari", 4]]), staff] });
    expect(r.inputs.targetToddlers?.value).toBe(4);
    expect(r.complete).toBe(false);
  });
});

test("a category list with the location written once over its category rows: VE per location follows the carried-down name", () => {
  const sheet = buildSheet("Jaarplan", [
    ["Inzet 2027"],
    ["Locatie", "LRK", "Onderdeel", "H1", "H2"],
    ["Zon", "123456782", "Beleid", 25, 25],
    [null, null, "Coaching", 5, 5],
    [null, null, "VE", 15, 15],
    ["Maan", "234567891", "Beleid", 25, 25],
    [null, null, "Coaching", 5, 5],
  ]);
  const toddlers = buildSheet("VE", [["Doelgroeppeuters", "Zon", 3]]);
  const r = checkWorkbook({ sheets: [sheet, staff, toddlers] });
  // Zon 3 toddlers → 30 h, planned 15 + 15 = 30 on Zon's VE row: not short.
  expect(r.planned).toMatchObject({ policy: 100, coaching: 20, ve: 30 });
  expect(r.findings.filter((f) => f.rule === RULES.VE_SHORT)).toEqual([]);
  expect(r.complete).toBe(true);
});

test("a typed 'Totaal beleid' equal to the planned hours is where the shortfall points; it never replaces the table", () => {
  const sheet = (typed: number) =>
    buildSheet("Jaarplan", [
      ["Inzet beleidsmedewerker 2027"],
      ["Kindercentrum", "LRK", "Soort uren", "Q1", "Q2", "Q3", "Q4"],
      ["Zon", "123456782", "Beleid", 10, 10, 10, 10],
      [null, null, "Coaching", 3, 3, 2, 2],
      ["Maan", "234567891", "Beleid", 12, 12, 12, 12],
      [null, null, "Coaching", 3, 3, 2, 2],
      [],
      ["Totaal beleid", null, null, null, null, null, typed],
    ]);
  const same = checkWorkbook({ sheets: [sheet(88), staff] });
  expect(same.findings.filter((f) => f.rule === RULES.POLICY_SHORT).map((f) => f.cell)).toEqual(["G8"]);
  const other = checkWorkbook({ sheets: [sheet(100), staff] });
  expect(other.planned.policy).toBe(88);
  expect(other.findings.filter((f) => f.rule === RULES.POLICY_SHORT).map((f) => f.cell)).not.toEqual(["G8"]);
});
