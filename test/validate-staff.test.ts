/**
 * Only pedagogisch medewerkers count in the fte (docs/domain.md "Who counts in the fte").
 * Hand-made staff lists with varied sheet names, header words, column order and title
 * rows; every expected fte is worked out by hand: PM weekly hours ÷ 36.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import type { CheckOptions, CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { checkOptionsFrom, yesNo } from "../cli/options";
import { functionKind } from "../shared/validate/staff-functions";
import { normalizeText } from "../shared/validate/cell-read";

const byRule = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);
const wb = (...sheets: ReturnType<typeof buildSheet>[]): WorkbookSnapshot => ({ sheets });
const check = (w: WorkbookSnapshot, o: CheckOptions = {}) => checkWorkbook(w, { year: 2026, ...o });

describe("function column: PM rows only", () => {
  const hrExport = () =>
    buildSheet("HR-export", [
      ["Personeelsoverzicht per 1 januari 2026"],
      [],
      ["Medewerker", "Functie", "Contracturen per week", "Coachuren"],
      ["A. de Vries", "Pedagogisch medewerker", 32, 12],
      ["B. Jansen", "PM'er", 24, 10],
      ["C. Bakker", "Groepsleidster BSO", 20, 8],
      ["D. Visser", "Locatiemanager", 36, null],
      ["E. Smit", "Kok", 20, null],
      ["F. Mulder", "Pedagogisch coach", 28, null],
      ["G. Bos", "Administratief medewerker", 16, null],
      ["H. Meijer", "Invalkracht", 12, 4],
    ]);

  test("manager, kok, coach and administratie are left out; one niet-pm info names them", () => {
    const r = check(wb(hrExport()));
    // PM: 32 + 24 + 20 + 12 = 88 h/week → 88 ÷ 36 fte → 880 ÷ 36 coachuren.
    expect(r.inputs.fte?.value).toBeCloseTo(88 / 36, 10);
    expect(r.required.coaching).toBeCloseTo(880 / 36, 10);
    const info = byRule(r, RULES.NOT_PM);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info", sheet: "HR-export" });
    expect(info[0].message).toMatch(/^4 /);
    for (const fn of ["Locatiemanager", "Kok", "Pedagogisch coach", "Administratief medewerker"]) expect(info[0].message).toContain(fn);
    // Who is no PM needs no coaching as a PM.
    expect(byRule(r, RULES.STAFF_NO_COACHING)).toEqual([]);
  });

  test("English function header first, Dutch and English function names; an unknown function is counted with a warning", () => {
    const r = check(
      wb(
        buildSheet("Staff", [
          ["Job title", "Naam", "Uren per week"],
          ["Manager", "Ann", 36],
          ["Pedagogisch medewerker", "Bob", 30],
          ["Flexkracht", "Cas", 10],
          ["Stagiair", "Dee", 16],
          ["Directeur", "Eef", 20],
          ["Schoonmaak", "Fay", 8],
          ["Childcare worker", "Gus", 4],
        ]),
      ),
    );
    // Counted: 30 + 10 + 16 (unknown: counted) + 4 = 60 h → 60 ÷ 36 fte.
    expect(r.inputs.fte?.value).toBeCloseTo(60 / 36, 10);
    const f = byRule(r, RULES.NOT_PM);
    expect(f.map((x) => x.severity).sort()).toEqual(["info", "warning"]);
    const warning = f.find((x) => x.severity === "warning")!;
    expect(warning.message).toContain("Stagiair");
    expect(warning.message).not.toContain("Manager");
    const info = f.find((x) => x.severity === "info")!;
    expect(info.message).toMatch(/^3 /);
  });

  test("function words are classified, not matched on one exact string", () => {
    const kind = (s: string) => functionKind(normalizeText(s));
    expect(["Pedagogisch Medewerker KDV", "pm", "PM-er BSO", "Beroepskracht", "Uitzendkracht", "Oproepkracht", "Groepsleider"].map(kind)).toEqual(
      Array(7).fill("pm"),
    );
    expect(["Leidinggevende", "Locatiemanager", "Directie", "Planner", "Huishoudelijk medewerker", "Facilitair", "Kok"].map(kind)).toEqual(
      Array(7).fill("not-pm"),
    );
    expect(kind("Pedagogisch beleidsmedewerker")).toBe("coach");
    expect(kind("Coach")).toBe("coach");
    expect(kind("PM + beleidsmedewerker")).toBe("policy-on-group");
    expect(kind("BBL-student")).toBe("bbl");
    // Management (domain: leidinggevende) in other words; an English coach is a coach, not a PM.
    expect(["Teamleider", "Team lead", "Bestuurder"].map(kind)).toEqual(Array(3).fill("not-pm"));
    // Office and support staff (domain): staff officers, group assistants.
    expect(["Stafmedewerker", "Groepshulp", "Ondersteunend medewerker"].map(kind)).toEqual(Array(3).fill("not-pm"));
    expect(kind("Pedagogical coach")).toBe("coach");
    expect(kind("Pedagogical staff member")).toBe("pm");
    expect(kind("Stagiair")).toBe("unknown");
  });
});

describe("heading rows", () => {
  test("region and location headings inside a list are never staff", () => {
    const r = check(
      wb(
        buildSheet("Medewerkers 2026", [
          ["Naam", "Uren p/w", "Coaching (uren)"],
          ["Regio Noord"],
          ["Anna", 24, 10],
          ["Bert", 30, 12],
          ["Locatie De Boomgaard"],
          ["Cees", 18, 6],
        ]),
      ),
    );
    // 24 + 30 + 18 = 72 h → 2 fte → 20 h.
    expect(r.inputs.fte?.value).toBe(2);
    expect(r.required.coaching).toBe(20);
    expect(byRule(r, RULES.STAFF_NO_COACHING)).toEqual([]);
    expect(byRule(r, RULES.NOT_PM)).toEqual([]);
  });

  test("a staff member with a name but no hours is unknown, never 0", () => {
    const r = check(
      wb(
        buildSheet("Personeel", [
          ["Naam", "Functie", "Weekuren"],
          ["Anna", "PM", 24],
          ["Bert", "PM", null],
        ]),
      ),
    );
    expect(r.inputs.fte).toBeNull();
    expect(r.complete).toBe(false);
    expect(byRule(r, RULES.FACT_INVALID)[0]).toMatchObject({ sheet: "Personeel", cell: "C3" });
  });
});

describe("BBL and beleidsmedewerker on the group: explicit options, default counted", () => {
  const list = () =>
    wb(
      buildSheet("Team", [
        ["Naam", "Functie", "Dienstverband", "Contracturen"],
        ["Ans", "PM", "vast", 30],
        ["Ben", "BBL-leerling", "leerovereenkomst", 20],
        ["Cor", "Pedagogisch medewerker / beleidsmedewerker", "vast", 24],
        ["Dot", "Pedagogisch medewerker", "BBL", 10],
      ]),
    );
  test.each([
    [{}, 84],
    [{ countBbl: false }, 54],
    [{ countPolicyOfficerOnGroup: false }, 60],
    [{ countBbl: false, countPolicyOfficerOnGroup: false }, 30],
  ] as [CheckOptions, number][])("options %j: %d h per week", (o, hours) => {
    const r = check(list(), o);
    expect(r.inputs.fte?.value).toBeCloseTo(hours / 36, 10);
    const info = byRule(r, RULES.NOT_PM);
    expect(info).toHaveLength(hours === 84 ? 0 : 1);
  });

  test("CLI flags --bbl and --pbm-op-groep: ja/nee, Dutch error otherwise", () => {
    expect(checkOptionsFrom({ bbl: "nee", pbmOpGroep: "Ja" })).toEqual({ countBbl: false, countPolicyOfficerOnGroup: true });
    expect(checkOptionsFrom({})).toEqual({});
    expect(yesNo("n", "--bbl")).toBe(false);
    expect(() => yesNo("misschien", "--bbl")).toThrow(/--bbl moet "ja" of "nee" zijn/);
    expect(() => checkOptionsFrom({ pbmOpGroep: "soms" })).toThrow(/--pbm-op-groep/);
  });
});

describe("the coaches' own hours are formation, not the PM list", () => {
  test("a 'Coach' table beside the PM list: its weekly hours × 52 are the formation", () => {
    const r = check(
      wb(
        buildSheet("Formatie en personeel", [
          ["Pedagogisch medewerkers"],
          ["Naam", "Functie", "Uren per week"],
          ["Ria", "PM", 36],
          ["Sem", "PM", 36],
          [],
          ["Coaches"],
          ["Coach", "Uren per week"],
          ["Petra", 20],
          ["Ilse", 28],
        ]),
      ),
    );
    expect(r.inputs.fte?.value).toBe(2);
    // (20 + 28) × 52 = 2 496 h.
    expect(r.formation.hours).toBe(2496);
  });

  test("a list whose every function is beleidsmedewerker/coach is formation; no 'geen coachuren' errors", () => {
    const r = check(
      wb(
        buildSheet("PBM", [
          ["Naam", "Rol", "Contracturen", "Coachuren"],
          ["Joke", "Pedagogisch beleidsmedewerker", 16, null],
          ["Karel", "Pedagogisch coach", 24, null],
        ]),
        buildSheet("PM", [
          ["Medewerker", "Functie", "Weekuren"],
          ["Lies", "Groepsleidster", 27],
        ]),
      ),
    );
    expect(r.inputs.fte?.value).toBe(0.75);
    expect(r.formation.hours).toBe(40 * 52);
    expect(byRule(r, RULES.STAFF_NO_COACHING)).toEqual([]);
  });
});

describe("gastouderbureau", () => {
  const bureau = () =>
    buildSheet("Gastouders 2026", [
      ["Gastouderbureau De Knuffel: coaching gastouders 2026"],
      [],
      ["Gastouder", "LRK-nummer", "Uren opvang per week", "Coachuren"],
      ["Mieke", "123456782", 40, 3],
      ["Nora", "234567891", 32, null],
      ["Oscar", "345678901", 24, 3],
      ["Pien", "456789013", 20, 3],
    ]);

  test("no art. 8 norm, gastouders are no fte; info on the 3 h rule; no art. 8 figures and no request for kindercentra", () => {
    const r = check(wb(bureau()));
    expect(r.inputs.centres).toBeNull();
    expect(r.inputs.fte).toBeNull();
    expect(r.required).toEqual({ policy: null, coaching: null, ve: null, total: null });
    const info = byRule(r, RULES.GASTOUDER);
    expect(info).toHaveLength(1);
    expect(info[0].severity).toBe("info");
    expect(info[0].message).toContain("3 uur coaching per gastouder");
    expect(info[0].message).toContain("In 2026 vanaf 1 juli");
    expect(info[0].message).toContain("art. 8 geldt niet");
    // Nothing the law asks of a bureau is missing: no gap, no error.
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
    expect(byRule(r, RULES.STAFF_NO_COACHING)).toEqual([]);
    expect(byRule(r, RULES.FACT_MISSING)).toEqual([]);
    // With a number of kindercentra given, art. 8 applies again.
    const asCentre = check(wb(bureau()), { overrides: { centres: 1 } });
    expect(asCentre.required.policy).toBe(50);
    expect(byRule(asCentre, RULES.GASTOUDER)).toEqual([]);
  });

  test("'Aantal gastouders' label in 2025: the gastouder rule is not yet in force", () => {
    const r = checkWorkbook(wb(buildSheet("GOB", [["Gastouderbureau Zonnetje"], ["Aantal gastouders", 25], ["Beleidsuren", 40]])), { year: 2025 });
    const info = byRule(r, RULES.GASTOUDER)[0];
    expect(info.message).toContain("75 uur"); // 25 × 3
    expect(info.message).toContain("Niet voor 2025");
  });

  test("one remark about gastouders does not make a bureau", () => {
    const r = check(
      wb(
        buildSheet("Plan 2026", [
          ["Locatie", "LRK", "Beleidsuren", "Coachuren"],
          ["De Boomhut", "123456782", 50, 10],
          [],
          ["Gastouders vallen buiten deze berekening."],
        ]),
      ),
    );
    expect(r.required.policy).toBe(50);
    expect(byRule(r, RULES.GASTOUDER)).toEqual([]);
  });

  test("a kindercentrum workbook that also mentions gastouders is checked under art. 8", () => {
    const r = check(
      wb(
        buildSheet("KDV 2026", [
          ["Kinderdagverblijf en gastouderopvang"],
          ["Locatie", "LRK", "Beleidsuren", "Coachuren"],
          ["KDV Zon", "123456782", 50, 10],
        ]),
      ),
    );
    expect(r.inputs.centres?.value).toBe(1);
    expect(byRule(r, RULES.GASTOUDER)).toEqual([]);
  });
});

test("a gastouderbureau whose note says gastouders are no staff of a kindercentrum is still a bureau", () => {
  const sheet = buildSheet("Coaching gastouders", [
    ["Gastouderbureau Zonneveld – coaching 2026"],
    ["Aantal gastouders", 20],
    ["Bemiddelingsmedewerker", "Aantal gastouders", "Coachuren"],
    ["Ans", 20, 60],
    ["Gastouders zijn geen pedagogisch medewerkers van een kindercentrum."],
  ]);
  const r = checkWorkbook({ sheets: [sheet] });
  expect(r.findings.some((f) => f.rule === RULES.GASTOUDER)).toBe(true);
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
});
