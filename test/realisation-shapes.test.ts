/**
 * More realisation shapes, as general rules (taught after the second held-out corpus
 * measured 2 of 8 blind; the shapes and names here are made up, not copies of it):
 * quarter headers, the category column before the location, a part column without a header,
 * a two-row header with a part over each run of months, running totals "t/m <maand>",
 * "Coachee"/"Voor wie" columns and "Coachuren ontvangen"/"Coaching gekregen" staff columns.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import { monthOfHeader } from "../shared/validate/realisation-months";
import { columnKindFromHeader } from "../shared/validate/tables";
import type { CellValue } from "../shared/validate/types";
import { smallPlanSheet } from "./helpers/small-plan";

const realised = (sheets: ReturnType<typeof buildSheet>[], asOf = "2026-10-01") => checkWorkbook({ sheets: [smallPlanSheet(), ...sheets] }, { asOf });

describe("quarter headers", () => {
  test.each([
    ["K1", 3],
    ["Q2", 6],
    ["kw3", 9],
    ["Kwartaal 4", 12],
    ["2e kwartaal", 6],
    ["Q1 2026", 3],
  ])("'%s' is dated at month %i (the quarter's last month)", (h, month) => {
    expect(monthOfHeader(h)?.month).toBe(month);
  });

  test.each(["K5", "Q0", "kwartaal", "KDV 1"])("'%s' is no quarter", (h) => {
    expect(monthOfHeader(h)).toBeNull();
  });

  test("'Activiteit | Vestiging | Q1 … Q4' on a realised sheet: parts per row, locations, Q4 after 1 October is a warning", () => {
    const sheet = buildSheet("Besteed per kwartaal", [
      ["Activiteit", "Vestiging", "Q1", "Q2", "Q3", "Q4"],
      ["Beleid", "Dommelen", 10, 12, 8, null],
      ["Beleid", "Budel", 9, 11, 7, null],
      ["Coaching", "Dommelen", 3, 2, 1, 4],
    ]);
    const r = realised([sheet]);
    expect(r.planned).toEqual({ policy: 100, coaching: 30, ve: 0, total: 130 });
    expect(r.realisation!.realised.policy).toBe(57);
    expect(r.realisation!.realised.coaching).toBe(10);
    const dommelen = r.realisation!.locations.find((l) => l.location === "Dommelen" && l.part === "policy");
    expect(dommelen?.realised).toBe(30);
    expect(r.findings.some((f) => f.rule === RULES.REALISATION_FUTURE && f.sheet === "Besteed per kwartaal" && f.cell === "F1")).toBe(true);
  });
});

test("a part column without a header between the location and the months ('uren beleid', 'uren coaching')", () => {
  const sheet = buildSheet("Realisatie", [
    ["Bestede uren", null, "jan-26", "feb-26", "mrt-26", "apr-26"],
    ["Dommelen", "uren beleid", 4, 3, null, 5],
    ["Dommelen", "uren coaching", 1, null, 2, null],
    ["Budel", "uren beleid", 2, 2, 2, 2],
  ]);
  const r = realised([sheet], "2026-05-01");
  expect(r.realisation!.realised.policy).toBe(20);
  expect(r.realisation!.realised.coaching).toBe(3);
});

test("a two-row header: a part over each run of months ('Beleid' over 2026-01 … 2026-04, 'Coaching' over the same months)", () => {
  const sheet = buildSheet("Realisatie per locatie", [
    ["Locatie", "Beleid", null, null, null, "Coaching", null, null, null],
    [null, "2026-01", "2026-02", "2026-03", "2026-04", "2026-01", "2026-02", "2026-03", "2026-04"],
    ["Dommelen", 5, 5, 5, 5, 1, null, 1, null],
    ["Budel", 4, 4, 4, 4, null, 2, null, 2],
  ]);
  const r = realised([sheet], "2026-05-01");
  expect(r.realisation!.realised.policy).toBe(36);
  expect(r.realisation!.realised.coaching).toBe(6);
  const budelCoaching = r.realisation!.locations.find((l) => l.location === "Budel" && l.part === "coaching");
  expect(budelCoaching?.realised).toBe(4);
});

describe("running totals", () => {
  const sheet = (headers: string[], rows: CellValue[][]) => buildSheet("Stand", [["Locatie", "Soort", ...headers], ...rows]);

  test("'t/m jan … t/m apr' are running totals: the realised hours are the last one, each month the step", () => {
    const r = realised(
      [
        sheet(
          ["t/m jan", "t/m feb", "t/m mrt", "t/m apr"],
          [
            ["Dommelen", "Beleid", 4, 9, 9, 15],
            ["Budel", "Coaching", 1, 1, 3, 3],
          ],
        ),
      ],
      "2026-05-01",
    );
    expect(r.realisation!.realised.policy).toBe(15);
    expect(r.realisation!.realised.coaching).toBe(3);
  });

  test("a running total that goes down is unreadable: the part is unknown, never a partial sum", () => {
    const r = realised([sheet(["tot en met januari", "tot en met februari", "tot en met maart"], [["Dommelen", "Beleid", 6, 4, 8]])], "2026-05-01");
    expect(r.realisation!.realised.policy).toBeNull();
    expect(r.findings.some((f) => f.rule === RULES.REALISATION_UNREADABLE)).toBe(true);
  });

  test("plain month columns without a realised title stay out of the realisation", () => {
    const r = realised([buildSheet("Jaarplanning", [["Locatie", "Soort", "jan", "feb", "mrt", "apr"], ["Dommelen", "Beleid", 4, 4, 4, 4]])], "2026-05-01");
    expect(r.realisation?.realised.policy ?? null).toBeNull();
  });
});

describe("who was coached", () => {
  test.each(["Coachuren ontvangen", "Coaching gekregen", "Coaching gehad", "Coachingsuren besteed"])("'%s' is hours received, never planned", (h) => {
    expect(columnKindFromHeader(h.toLowerCase(), false).kind).toBe("realised");
  });

  test.each(["Coachee", "Voor wie", "Gecoachte collega"])("a list's '%s' column names the staff member coached", (header) => {
    const staff = buildSheet("Team", [["Naam", "Functie", "Contracturen per week"], ["Ans Kok", "Pedagogisch medewerker", 30], ["Bo Smit", "Pedagogisch medewerker", 20], ["Cas Ruis", "Pedagogisch medewerker", 24]]);
    const log = buildSheet("Logboek coaching", [
      ["Datum", "Locatie", "Soort", "Coach", header, "Uren"],
      ["2026-02-03", "Dommelen", "Coaching", "Door Coach", "Ans Kok", 2],
      ["2026-03-04", "Budel", "Coaching", "Door Coach", "Cas Ruis", 1.5],
      ["2026-04-05", "Budel", "Beleid", "Door Coach", null, 3],
    ]);
    const r = realised([staff, log]);
    // Only Bo Smit was never coached; the coach's own name ("Door Coach") is not a staff member coached.
    expect(r.realisation!.notCoached.map((n) => n.cell)).toEqual(["A3"]);
  });

  test("'Coachuren ontvangen' 0 in a staff list: not coached, a warning at that row from September", () => {
    const staff = buildSheet("Team", [["Naam", "Functie", "Contracturen per week", "Coachuren ontvangen"], ["Ans Kok", "Pedagogisch medewerker", 30, 2], ["Bo Smit", "Pedagogisch medewerker", 20, 0]]);
    const log = buildSheet("Realisatie", [["Maand", "Locatie", "Onderdeel", "Uren"], ["maart", "Budel", "Coaching", 2]]);
    const r = realised([staff, log], "2026-09-01");
    expect(r.realisation!.notCoached.map((n) => `${n.sheet}!${n.cell}`)).toEqual(["Team!D3"]);
    expect(r.findings.some((f) => f.rule === RULES.STAFF_NOT_COACHED_YET && f.severity === "warning" && f.sheet === "Team" && /3$/.test(f.cell ?? ""))).toBe(true);
  });
});
