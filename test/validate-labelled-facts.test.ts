/**
 * Facts written beside labels in words the check must read, not guess: a formation as text,
 * coaches' hours in their block headings, LRK numbers of a sheet per location, a count of
 * registrations per location. Figures by hand: 36 × 52 = 1 872 h per fte; 50 h per LRK.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import { parseFormationText } from "../shared/validate/formation-text";

const staff = buildSheet("Personeel", [["Naam", "Uren per week"], ["A", 36], ["B", 36]]);

describe("a formation written as text", () => {
  test.each([
    ["2 coaches à 28 uur per week", 56, true],
    ["3 x 24 u p/w", 72, true],
    ["1 pbm'er van 32 uur per week", 32, true],
    ["1.144 uur per jaar", 1144, false],
    ["2.496", 2496, false],
  ])("%j → %d (per week: %s)", (text, hours, perWeek) => {
    expect(parseFormationText(text)).toMatchObject({ hours, perWeek });
  });

  test.each(["zie tabblad Formatie", "n.v.t.", "vacature"])("%j is no formation", (text) => {
    expect(parseFormationText(text)).toBeNull();
  });

  test("'2 coaches à 28 uur per week' is 2 × 28 × 52 = 2 912 h; short of what is needed", () => {
    const plan = buildSheet("Plan 2027", [
      ["Formatie beleidsmedewerkers", "2 coaches à 28 uur per week"],
      ["Doelgroeppeuters", 0],
      [],
      ["Locatie", "LRK", "Beleid", "Coaching"],
      ...Array.from({ length: 40 }, (_, i) => [`Loc ${i + 1}`, String(100000000 + i * 7), 50, 30]),
    ]);
    const big = buildSheet("Personeel", [["Naam", "Uren per week"], ...Array.from({ length: 100 }, (_, i) => [`P${i}`, 36])]);
    const r = checkWorkbook({ sheets: [plan, big] });
    // 40 LRK × 50 = 2 000; 100 fte × 10 = 1 000; 3 000 needed > 2 912.
    expect(r.formation.hours).toBe(2912);
    expect(r.findings.filter((f) => f.rule === RULES.FORMATION_SHORT).map((f) => f.cell)).toEqual(["B1"]);
  });

  test("a formation label with text that is no figure is said (warning at its cell), never a silent 'no formation'", () => {
    const plan = buildSheet("Plan 2027", [["Formatie coach", "volgt na overleg"], [], ["Locatie", "LRK", "Beleid", "Coaching"], ["Zon", "123456782", 50, 20]]);
    const r = checkWorkbook({ sheets: [plan, staff] });
    expect(r.formation.hours).toBeNull();
    const w = r.findings.filter((f) => f.rule === RULES.FACT_INVALID && f.cell === "B1");
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe("warning");
    expect(w[0].message).toContain("--formatie");
  });
});

test("coaches' contract hours in their block headings are the formation, never PM hours", () => {
  const blocks = buildSheet("Coaches 2027", [
    ["Coach: Ria de Vries", null, "Contracturen per week", 20],
    ["Locatie", "LRK", "Beleid", "Coaching"],
    ["Zon", "123456782", 50, 10],
    [],
    ["Coach: Sam Jansen", null, "Contracturen per week", 16],
    ["Locatie", "LRK", "Beleid", "Coaching"],
    ["Maan", "234567891", 50, 10],
  ]);
  const r = checkWorkbook({ sheets: [blocks, staff] });
  // (20 + 16) × 52 = 1 872 h; the PM fte stays 72 / 36 = 2.
  expect(r.formation.hours).toBe(1872);
  expect(r.inputs.fte?.value).toBe(2);
});

describe("kindercentra", () => {
  const perLocation = (name: string, lrks: string[]) =>
    buildSheet(name, [[`Locatieplan ${name} 2027`], [], ["LRK-nummer(s)", lrks[0]], ...lrks.slice(1).map((l) => [null, l]), [], ["Coachuren", 20]]);

  test("LRK numbers beside an LRK label on each location's sheet count, one building's second number on the row below", () => {
    const r = checkWorkbook({ sheets: [perLocation("Zon", ["123456782", "234567891"]), perLocation("Maan", ["345678901"]), staff] }, { year: 2027 });
    expect(r.inputs.centres?.value).toBe(3);
  });

  test("an 'Aantal LRK' column per location is a count, summed", () => {
    const sheet = buildSheet("Overzicht", [["Locatie", "Aantal LRK", "Beleid", "Coaching"], ["Zon", 2, 100, 10], ["Maan", 1, 50, 10]]);
    const r = checkWorkbook({ sheets: [sheet, staff] }, { year: 2027 });
    expect(r.inputs.centres?.value).toBe(3);
    expect(r.required.policy).toBe(150);
  });
});

test("coaches' weekly hours in the heading itself, or as a 'Coach contract hours per week' label, are the formation", () => {
  const blocks = buildSheet("Per coach", [
    ["Coach: Ria de Vries — 20 uur per week"],
    ["Locatie", "LRK", "Beleid", "Coaching"],
    ["Zon", "123456782", 50, 10],
    [],
    ["Coach: Sam Jansen (16 u/wk)"],
    ["Locatie", "LRK", "Beleid", "Coaching"],
    ["Maan", "234567891", 50, 10],
  ]);
  expect(checkWorkbook({ sheets: [blocks, staff] }).formation.hours).toBe(36 * 52);
  const english = buildSheet("Plan", [["Coach contract hours per week", 20], [], ["Site", "LRK", "Policy hours", "Coaching hours"], ["Sun", "123456782", 50, 20]]);
  expect(checkWorkbook({ sheets: [english, staff] }).formation.hours).toBe(20 * 52);
});

test("a location row that plans hours but has no LRK number leaves the count of kindercentra untrusted", () => {
  const sheet = (third: string | null) =>
    buildSheet("Verdeling", [
      ["Locatie", "LRK", "Beleid", "Coaching"],
      ["Zon", "123456782", 50, 10],
      ["Ster", third, 50, 10],
      ["Maan", "345678901", 50, 10],
    ]);
  const short = checkWorkbook({ sheets: [sheet(null), staff] }, { year: 2027, overrides: { toddlers: 0 } });
  // Two numbers counted, but Ster has none: 2 × 50 = 100 may be too low.
  expect(short.inputs.centres?.value).toBe(2);
  expect(short.complete).toBe(false);
  expect(short.findings.some((f) => f.rule === RULES.FACT_INVALID && f.cell === "B3")).toBe(true);
  const full = checkWorkbook({ sheets: [sheet("234567891"), staff] }, { year: 2027, overrides: { toddlers: 0 } });
  expect(full.inputs.centres?.value).toBe(3);
  expect(full.complete).toBe(true);
});
