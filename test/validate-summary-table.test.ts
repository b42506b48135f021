/**
 * A plan whose hours stand in a small summary table ("Onderdeel | Toelichting | Uren") with
 * the computation written out beside them, a note beside a header, and VE hours only as a
 * total. Figures by hand: 50 h per LRK registration, 10 h per fte (36 h/week), 10 h per
 * doelgroeppeuter per VE location.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import type { CheckResult } from "../shared/validate/types";

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === "error").map((f) => `${f.rule}@${f.sheet}!${f.cell}`);

const summary = (veHours: number) =>
  buildSheet("Samenvatting", [
    ["Urenplan 2027"],
    ["Onderdeel", "Berekening", "Uren gepland", "Let op: de berekening volgt de wet, zonder afronding."],
    ["Beleid", "3 kindercentra × 50", 150],
    ["Coaching", "10 uur x fte", 90],
    ["VE", "5 doelgroeppeuters × 10", veHours],
  ]);
const lists = (toddlers: [string, number][]) => [
  buildSheet("Kindercentra", [
    ["Naam", "LRK-nummer", "Doelgroeppeuters"],
    ["Appel", "123456782", toddlers[0]?.[1] ?? null],
    ["Peer", "234567891", toddlers[1]?.[1] ?? null],
    ["Pruim", "345678901", null],
  ]),
  buildSheet("PM", [
    ["Naam", "Uren per week"],
    ...Array.from({ length: 9 }, (_, i) => [`PM ${i + 1}`, 36]),
  ]),
];

test("the written-out computations are no labels of inputs; the summary rows give the planned parts and findings point at their cells", () => {
  // 3 LRK → 150; 9 × 36 / 36 = 9 fte → 90; one VE location (Appel, 5) → 50.
  const r = checkWorkbook({ sheets: [summary(50), ...lists([["Appel", 5]])] });
  expect(r.inputs.centres?.value).toBe(3);
  expect(r.inputs.fte?.value).toBe(9);
  expect(r.inputs.targetToddlers?.value).toBe(5);
  expect(r.required).toEqual({ policy: 150, coaching: 90, ve: 50, total: 290 });
  expect(r.planned).toEqual({ policy: 150, coaching: 90, ve: 50, total: 290 });
  expect(errors(r)).toEqual([]);
  expect(r.complete).toBe(true);
});

test("VE only as a total: short in total is a ve-tekort at that cell; enough in total over two VE locations cannot be checked per location", () => {
  const short = checkWorkbook({ sheets: [summary(40), ...lists([["Appel", 5]])] });
  expect(errors(short)).toEqual([`${RULES.VE_SHORT}@Samenvatting!C5`]);

  // Appel 3 + Peer 2 = 5 toddlers → 50 h; 50 planned in total, but not per location.
  const split = checkWorkbook({ sheets: [summary(50), ...lists([["Appel", 3], ["Peer", 2]])] });
  expect(errors(split)).toEqual([`${RULES.CHECK_INCOMPLETE}@null!null`]);
  expect(split.missing.some((m) => /alleen een totaal/.test(m))).toBe(true);
});

test("'Norm …' / 'Benodigd' columns beside the planned ones are never planned hours; their Totaal row is checked against the law", () => {
  const sheet = buildSheet("Uren 2027", [
    ["Vestiging", "LRK-nummer", "Norm beleid", "Ingezet beleid", "Benodigd coaching", "Ingezet coaching"],
    ["Appel", "123456782", 45, 50, 40, 45],
    ["Peer", "234567891", 45, 50, 50, 50],
    ["Totaal", null, 90, 100, 90, 95],
  ]);
  const staff = buildSheet("Personeel", [["Naam", "Uren per week"], ["A", 36], ["B", 36], ["C", 36], ["D", 36], ["E", 36], ["F", 36], ["G", 36], ["H", 36], ["I", 36]]);
  const r = checkWorkbook({ sheets: [sheet, staff] }, { overrides: { toddlers: 0 } });
  // 2 LRK → 100 h policy (planned 100); 9 fte → 90 h coaching (planned 95); no VE (0 given). The stated policy norm 90 is below the law.
  expect(r.planned).toMatchObject({ policy: 100, coaching: 95 });
  expect(errors(r)).toEqual([`${RULES.STATED_NORM_LOW}@Uren 2027!C4`]);
});

test("a matrix of coaches × places: the VE hours per place are its column, summed over the coaches", () => {
  const sheet = buildSheet("Inzet", [
    ["VE-uren per coach 2027"],
    ["Pedagogisch coach", "Appel", "Peer", "Pruim", "Totaal"],
    ["Ria", 20, null, null, 20],
    ["Sam", 10, 15, null, 25],
    ["Totaal", 30, 15, null, 45],
  ]);
  const toddlers = buildSheet("Peuters", [["Locatie", "Doelgroeppeuters"], ["Appel", 3], ["Peer", 2]]);
  const r = checkWorkbook({ sheets: [sheet, toddlers] }, { overrides: { centres: 3, fte: 1 } });
  // Appel 3 → 30 (planned 20 + 10 = 30); Peer 2 → 20 (planned 15): short 5 at Peer, whatever Appel has.
  const short = r.findings.filter((f) => f.rule === RULES.VE_SHORT);
  expect(short).toHaveLength(1);
  expect(short[0].message).toContain("Peer");
  expect(r.planned.ve).toBe(45);
});

test("fact rows inside a summary by year ('Aantal LRK-registraties | 8 | 9' under '2025 | 2026') give the check year's figures", () => {
  const sheet = buildSheet("Meerjarig", [
    ["Peildatum", "2026-01-01"],
    [],
    ["Onderdeel", "2025", "2026"],
    ["Aantal LRK-registraties", 2, 3],
    ["Fte pedagogisch medewerkers", 8, 9],
    ["Doelgroeppeuters", 0, 0],
    ["Uren beleid", 100, 150],
    ["Uren coaching", 80, 95],
  ]);
  const r = checkWorkbook({ sheets: [sheet] });
  // 2026: 3 × 50 = 150 (planned 150); 9 × 10 = 90 (planned 95); no VE.
  expect(r.inputs.centres?.value).toBe(3);
  expect(r.inputs.fte?.value).toBe(9);
  expect(r.planned).toMatchObject({ policy: 150, coaching: 95 });
  expect(errors(r)).toEqual([]);
  expect(r.complete).toBe(true);
});

test("a stated norm with an explanation in brackets is checked; a VE shortfall summed from a log points at the location's toddler cell", () => {
  const plan = buildSheet("Plan 2027", [
    ["Locatie", "LRK", "Beleid", "Coaching"],
    ["Zon", "123456782", 50, 20],
    ["Maan", "234567891", 50, 20],
    [],
    ["Fte PM", 4],
    ["Vereist beleid (50 u per locatie)", 90],
    ["Doelgroeppeuters Zon", 2],
  ]);
  const log = buildSheet("Logboek", [
    ["Datum", "Locatie", "Categorie", "Uren"],
    ["2027-01-10", "Zon", "VE", 5],
    ["2027-02-10", "Zon", "VE", 5],
    ["2027-03-10", "Zon", "VE", 5],
  ]);
  const r = checkWorkbook({ sheets: [plan, log] });
  // Policy 2 × 50 = 100 > 90 stated; Zon 2 toddlers → 20 h, 15 logged.
  expect(errors(r).sort()).toEqual([`${RULES.STATED_NORM_LOW}@Plan 2027!B6`, `${RULES.VE_SHORT}@Plan 2027!B7`].sort());
});

test("a summary by year with fact rows: its Totaal adds the part rows only, VE per location comes from the list below, a formation row far below the years reads the check year", () => {
  const sheet = buildSheet("Meerjarig", [
    ["Peildatum", "2026-01-01"],
    [],
    ["Onderdeel", "2025", "2026"],
    ["Aantal LRK-registraties", 2, 2],
    ["Fte pedagogisch medewerkers", 8, 9],
    ["Doelgroeppeuters", 3, 3],
    ["Uren beleid", 100, 100],
    ["Uren coaching", 80, 95],
    ["Uren VE", 30, 30],
    ["Totaal uren", 210, 225],
    ["Formatie coach (uur/jaar)", 936, 1040],
    [],
    ["VE per locatie"],
    ["Locatie", "Doelgroeppeuters", "VE-uren"],
    ["Zon", 3, 30],
  ]);
  const r = checkWorkbook({ sheets: [sheet] });
  // 2026: 2 × 50 = 100; 9 × 10 = 90 (planned 95); Zon 3 → 30 (planned 30). Formation 1 040 ≥ 220.
  expect(errors(r)).toEqual([]);
  expect(r.formation.hours).toBe(1040);
  expect(r.complete).toBe(true);
});

test("hours spent beside the plan ('Coaching gerealiseerd', 'Besteed') are never counted as planned", () => {
  const sheet = buildSheet("Uren 2027", [
    ["Locatie", "LRK", "Beleid", "Coaching gepland", "Coaching gerealiseerd"],
    ["Zon", "123456782", 50, 40, 35],
    ["Maan", "234567891", 50, 40, 30],
    [],
    ["Coachuren per locatie"],
    ["Locatie", "Uren gepland", "Uren besteed"],
    ["Zon", 40, 35],
    ["Maan", 40, 30],
  ]);
  const staff = buildSheet("Personeel", [["Naam", "Uren per week"], ...Array.from({ length: 12 }, (_, i) => [`P${i}`, 36])]);
  const r = checkWorkbook({ sheets: [sheet, staff] }, { overrides: { toddlers: 0 } });
  // 12 fte → 120 h coaching needed; 80 planned (not 80 + 65).
  expect(r.planned.coaching).toBe(80);
  expect(errors(r).map((e) => e.split("@")[0])).toEqual([RULES.COACHING_SHORT]);
});
