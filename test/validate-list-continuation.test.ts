/**
 * Lists that go on after a blank row (regions with a heading), totals on top of a table, and
 * labels below a list that are no rows of it. Figures by hand: 10 h per fte of 36 h/week.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";

const plan = buildSheet("Verdeling", [
  ["Coachplan 2027"],
  ["Locatie", "LRK", "Beleidsuren", "Coachuren"],
  ["Oost", "123456782", 50, 60],
]);

test("a staff list split into regions by blank rows and headings counts every region", () => {
  const staff = buildSheet("Medewerkers", [
    ["Medewerker", "Functie", "Uren per week"],
    ["Gebied West"],
    ["Ans", "PM", 36],
    ["Bob", "PM", 18],
    [],
    ["Gebied Oost"],
    ["Cor", "PM", 36],
    ["Dee", "PM", 18],
    [],
    [],
    ["Eef", "PM", 36],
  ]);
  // (36 + 18 + 36 + 18 + 36) / 36 = 4 fte → 40 h coaching; 60 planned.
  const r = checkWorkbook({ sheets: [plan, staff] });
  expect(r.inputs.fte?.value).toBe(4);
  expect(r.required.coaching).toBe(40);
});

test("a heading that names a part after a blank row starts something else", () => {
  const sheet = buildSheet("Uren", [
    ["Coaching 2027"],
    ["Locatie", "Uren"],
    ["Oost", 30],
    ["West", 30],
    [],
    ["VE"],
    ["Oost", 40],
  ]);
  const r = checkWorkbook({ sheets: [sheet] }, { overrides: { centres: 2, fte: 6 } });
  expect(r.planned.coaching).toBe(60);
});

test("a label with one figure below a list is a fact, not a row of the list", () => {
  const staff = buildSheet("Medewerkers", [
    ["Medewerker", "Uren per week"],
    ["Ans", 36],
    ["Bob", 36],
    [],
    ["Aantal kindercentra", 3],
  ]);
  const r = checkWorkbook({ sheets: [plan, staff] });
  expect(r.inputs.fte?.value).toBe(2);
  expect(r.inputs.centres?.value).toBe(3);
});

test("a Totaal row right under the header: the rows below are the data and the typed total is checked", () => {
  const sheet = buildSheet("Coaching", [
    ["Coachuren 2027"],
    ["Locatie", "LRK", "Coachuren"],
    ["Totaal", null, 50],
    ["Oost", "123456782", 30],
    ["West", "234567891", 30],
  ]);
  const r = checkWorkbook({ sheets: [sheet] }, { overrides: { fte: 5 } });
  expect(r.inputs.centres?.value).toBe(2);
  expect(r.planned.coaching).toBe(60);
  expect(r.findings.filter((f) => f.rule === RULES.COLUMN_TOTAL).map((f) => f.cell)).toEqual(["C3"]);
});

describe("a bare 'Uren' column in a staff list", () => {
  const staff = (title: string) =>
    buildSheet("Blad2", [
      [title],
      ["Naam", "Uren"],
      ["Ans", 36],
      ["Bob", 27],
      ["Cor", 9],
    ]);

  test("under a title that says 'the staff' it holds the weekly hours", () => {
    // 72 / 36 = 2 fte.
    const r = checkWorkbook({ sheets: [plan, staff("Medewerkers per 1 januari")] });
    expect(r.inputs.fte?.value).toBe(2);
  });

  test("under a title about coaching it is no fte source (those may be coaching hours per person)", () => {
    const r = checkWorkbook({ sheets: [plan, staff("Coaching per medewerker")] });
    expect(r.inputs.fte).toBeNull();
    expect(r.complete).toBe(false);
  });
});

test("three lists side by side, one blank column apart, each with its own length and Totaal", () => {
  const sheet = buildSheet("Overzicht 2027", [
    ["Vestiging", "LRK", "Beleid", null, "Naam", "Contracturen", "Coachuren", null, "Groep", "Doelgroeppeuters", "VE-uren"],
    ["Noord", "123456782", 50, null, "Ans", 36, 10, null, "Noord", 2, 20],
    ["Zuid", "234567891", 50, null, "Bob", 36, 10, null, "Totaal", 2, 20],
    ["Totaal", null, 100, null, "Cor", 36, 10],
    [null, null, null, null, "Totaal", 108, 30],
  ]);
  const r = checkWorkbook({ sheets: [sheet] });
  // 2 LRK → 100; 108 / 36 = 3 fte → 30; Noord 2 toddlers → 20.
  expect(r.inputs.centres?.value).toBe(2);
  expect(r.inputs.fte?.value).toBe(3);
  expect(r.required).toEqual({ policy: 100, coaching: 30, ve: 20, total: 150 });
  expect(r.planned).toEqual({ policy: 100, coaching: 30, ve: 20, total: 150 });
  expect(r.complete).toBe(true);
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
});
