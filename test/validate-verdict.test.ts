/**
 * The honest verdict (issue 8, item 1): "in orde" only when the check is complete; every
 * gap is named with how to supply it; a total of parts is never a partial sum. Expected
 * figures are worked out by hand (50 h per LRK registration, 10 h per fte of 36 h/week,
 * 10 h per doelgroeppeuter per VE location from 2022).
 */
import { buildSheet, checkWorkbook, jsonReport, RULES, verdictOf } from "../shared/validate";
import type { CheckResult, SheetSnapshot } from "../shared/validate/types";

const rules = (r: CheckResult) => r.findings.map((f) => f.rule);
const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === "error");

const locations = (): SheetSnapshot =>
  buildSheet("Locaties", [
    ["Overzicht locaties 2026"],
    [],
    ["Locatie", "LRK-nummer", "Beleidsuren", "Coachuren"],
    ["De Kikker", "123456782", 50, 10],
    ["Het Nest", "234567891", 50, 10],
  ]);
const staff = (): SheetSnapshot =>
  buildSheet("Personeel", [
    ["Naam", "Functie", "Uren per week"],
    ["Anna", "Pedagogisch medewerker", 36],
    ["Bram", "Pedagogisch medewerker", 18],
  ]);
const ve = (second: string | number | null): SheetSnapshot =>
  buildSheet("VE", [
    ["VE-uren per locatie"],
    ["Locatie", "Doelgroeppeuters", "VE-uren"],
    ["De Kikker", 3, 30],
    ["Het Nest", second, null],
  ]);

describe("a complete, compliant plan", () => {
  // 2 LRK × 50 = 100 h policy (planned 100); (36 + 18) / 36 = 1,5 fte × 10 = 15 h coaching
  // (planned 20); VE: De Kikker 3 × 10 = 30 (planned 30), Het Nest has no toddlers ("n.v.t.").
  test("'n.v.t.' in the toddler column means none: no geen-getal, complete, in orde", () => {
    const r = checkWorkbook({ sheets: [locations(), staff(), ve("n.v.t.")] });
    expect(r.required).toEqual({ policy: 100, coaching: 15, ve: 30, total: 145 });
    expect(r.planned).toEqual({ policy: 100, coaching: 20, ve: 30, total: 150 });
    expect(rules(r)).not.toContain(RULES.NOT_A_NUMBER);
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(errors(r)).toEqual([]);
    expect(verdictOf(r).kind === "ok" || verdictOf(r).kind === "warnings").toBe(true);
  });

  test("text other than 'none' in the toddler column is still reported and leaves VE unknown", () => {
    const r = checkWorkbook({ sheets: [locations(), staff(), ve("zie lijst")] });
    expect(rules(r)).toContain(RULES.NOT_A_NUMBER);
    expect(r.required.ve).toBeNull();
    expect(r.required.total).toBeNull();
    expect(r.complete).toBe(false);
  });
});

describe("an incomplete check is never 'in orde'", () => {
  test("neither kindercentra nor fte found: controle-onvolledig (error), both named with how to supply them", () => {
    const r = checkWorkbook({
      sheets: [
        buildSheet("Uren 2026", [
          ["Activiteit", "Coachuren", "Beleidsuren"],
          ["Teamoverleg", 40, 20],
          ["Observaties", 60, 0],
        ]),
      ],
    });
    expect(r.complete).toBe(false);
    const f = r.findings.find((x) => x.rule === RULES.CHECK_INCOMPLETE)!;
    expect(f.severity).toBe("error");
    expect(r.missing.some((m) => /kindercentra/.test(m) && m.includes("--kindercentra"))).toBe(true);
    expect(r.missing.some((m) => /fte/.test(m) && m.includes("--fte"))).toBe(true);
    expect(r.required.total).toBeNull();
    expect(verdictOf(r)).toMatchObject({ kind: "incomplete", title: "Niet volledig te beoordelen" });
    const j = jsonReport(r);
    expect(j.complete).toBe(false);
    expect(j.missing).toEqual(r.missing);
  });

  test("given the inputs (options), the same plan becomes complete", () => {
    const r = checkWorkbook(
      {
        sheets: [
          buildSheet("Uren 2026", [
            ["Activiteit", "Coachuren", "Beleidsuren"],
            ["Teamoverleg", 40, 20],
            ["Observaties", 60, 80],
          ]),
        ],
      },
      { overrides: { centres: 2, fte: 9.5, toddlers: 0 } },
    );
    // 2 × 50 = 100 policy (planned 100); 9,5 × 10 = 95 coaching (planned 100); no VE, said with 0 doelgroeppeuters.
    expect(r.required).toMatchObject({ policy: 100, coaching: 95, ve: 0, total: 195 });
    expect(r.planned).toMatchObject({ policy: 100, coaching: 100, total: 200 });
    expect(r.complete).toBe(true);
    expect(errors(r)).toEqual([]);
  });

  test("from 2022 a workbook silent on VE is incomplete: the doelgroeppeuters (0 when there is no VE) must be said", () => {
    const sheet = buildSheet("Uren 2026", [
      ["Activiteit", "Coachuren", "Beleidsuren"],
      ["Teamoverleg", 40, 20],
      ["Observaties", 60, 80],
    ]);
    const r = checkWorkbook({ sheets: [sheet] }, { overrides: { centres: 2, fte: 9.5 } });
    expect(r.required).toMatchObject({ policy: 100, coaching: 95, ve: null, total: null });
    expect(r.planned.total).toBeNull();
    expect(r.complete).toBe(false);
    expect(r.missing.some((m) => /doelgroeppeuters/.test(m) && m.includes("--peuters 0"))).toBe(true);
    // Before 2022 there is no VE norm: nothing to say.
    expect(checkWorkbook({ sheets: [sheet] }, { year: 2021, overrides: { centres: 2, fte: 9.5 } }).complete).toBe(true);
  });

  test("a VE location without any VE hours source is a gap, not a pass", () => {
    const r = checkWorkbook({
      sheets: [
        locations(),
        staff(),
        buildSheet("Peuters", [
          ["Locatie", "Doelgroeppeuters"],
          ["De Kikker", 4],
        ]),
      ],
    });
    // VE required 4 × 10 = 40 h, but no VE hours anywhere: unknown, never "in orde".
    expect(r.required.ve).toBe(40);
    expect(r.planned.total).toBeNull();
    expect(r.complete).toBe(false);
    expect(r.missing.some((m) => /VE/.test(m))).toBe(true);
  });

  test("no planned coaching anywhere: the planned total is unknown, not policy alone", () => {
    const r = checkWorkbook({
      sheets: [
        buildSheet("Locaties", [
          ["Overzicht 2026"],
          ["Locatie", "LRK-nummer", "Beleidsuren"],
          ["De Kikker", "123456782", 50],
        ]),
        staff(),
      ],
    });
    expect(r.planned.policy).toBe(50);
    expect(r.planned.total).toBeNull();
    expect(r.complete).toBe(false);
    expect(r.missing.some((m) => /coaching/.test(m))).toBe(true);
  });
});

describe("toddlers as a total", () => {
  const plan = (centres: number, lrks: string[]) =>
    buildSheet("Plan 2026", [
      ["Aantal kindercentra", centres],
      ["Doelgroeppeuters", 3],
      [],
      ["Locatie", "LRK-nummer", "Beleidsuren", "Coachuren", "VE-uren"],
      ...lrks.map((l, i) => [`Locatie ${i + 1}`, l, 50, 10, 30 / lrks.length]),
      [],
      ["Naam", "Uren per week"],
      ["Anna", 36],
      ["Bram", 36],
    ]);

  test("one kindercentrum: the total is that location's count, so the check is complete", () => {
    // 1 × 50 = 50 policy; 72 / 36 = 2 fte × 10 = 20 coaching; 3 × 10 = 30 VE.
    const r = checkWorkbook({ sheets: [plan(1, ["123456782"])] });
    expect(r.required).toEqual({ policy: 50, coaching: 20, ve: 30, total: 100 });
    expect(r.complete).toBe(true);
  });

  test("two kindercentra: a total alone cannot be checked per location, so the check is incomplete", () => {
    const r = checkWorkbook({ sheets: [plan(2, ["123456782", "234567891"])] });
    expect(r.complete).toBe(false);
    expect(r.missing.some((m) => /per VE-locatie/.test(m))).toBe(true);
  });
});

describe("tables without rows", () => {
  test("a table whose only row under the header is empty counts nothing: 0 kindercentra and 0 fte are gaps, never 'in orde'", () => {
    const r = checkWorkbook({
      sheets: [
        buildSheet("Coaching", [
          ["Coachuren 2026"],
          ["Locatie", "LRK", "Fte", "Coachuren"],
          ["Totaal", null, 0, 0],
        ]),
      ],
    });
    expect(r.complete).toBe(false);
    expect(verdictOf(r).kind).toBe("incomplete");
  });
});
