/**
 * VE per location (#8 item 4): wherever VE hours stand (a VE table, per-coach blocks, a VE
 * column in a location list, rows per group, a location column beside a group column), the
 * hours of one location are summed first and compared with 10 h × that location's
 * doelgroeppeuters; a surplus at one location never covers another. Every expected figure
 * below is worked out by hand from the law (10 h per doelgroeppeuter per location, from
 * 2022), never taken from the engine.
 */
import { buildSheet, checkWorkbook, RULES } from "../shared/validate";
import type { CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { locationKey } from "../shared/validate/ve-locations";
import { plan2024 } from "../examples/plan-2024";
import { plan2026 } from "../examples/plan-2026";

type Row = (string | number | null | { error: string })[];
const byRule = (r: CheckResult, rule: string) => r.findings.filter((x) => x.rule === rule);
const cells = (r: CheckResult, rule: string) => byRule(r, rule).map((x) => `${x.sheet}!${x.cell}`);
const veShort = (r: CheckResult) => cells(r, RULES.VE_SHORT);

/**
 * The parts that are not VE, all in order: 3 kindercentra → 150 h beleid (planned 3 × 50 =
 * 150), 10 fte → 100 h coaching (planned 3 × 40 = 120). Rows 1–17 of sheet "Basis".
 */
function basis(names = ["Dommelen", "Budel", "Heeze"]): Row[] {
  return [
    ["Coachplan 2026"],
    ["Aantal LRK-registraties", 3],
    ["Fte pedagogisch medewerkers", 10],
    [],
    ["Beleidsuren per locatie"],
    ["Locatie", "Beleidsuren"],
    ...names.map((n) => [n, 50]),
    ["Totaal", 150],
    [],
    ["Coaching per locatie"],
    ["Locatie", "Coachuren"],
    ...names.map((n) => [n, 40]),
    ["Totaal", 120],
  ];
}

function wb(...sheets: [string, Row[]][]): WorkbookSnapshot {
  return { sheets: sheets.map(([name, rows]) => buildSheet(name, rows as never)) };
}

const check = (w: WorkbookSnapshot) => checkWorkbook(w, { year: 2026 });

describe("per-coach blocks: several VE tables on one sheet, summed per location", () => {
  // Toddlers: Dommelen 6 → 60 h, Budel 4 → 40 h, Heeze 3 → 30 h; required VE 130 h.
  const toddlers: Row[] = [["VE-locaties"], ["Locatie", "Doelgroeppeuters"], ["Dommelen", 6], ["Budel", 4], ["Heeze", 3]];
  function blocks(heezeByPiet: number): Row[] {
    return [
      ["Anja de Vries"], // row 1
      ["Vestiging", "VE-uren"],
      ["Dommelen", 30], // B3
      ["Budel", 40], // B4
      [],
      ["Piet Jansen"], // row 6
      ["Vestiging", "VE-uren"],
      ["Dommelen", 30], // B8
      ["Heeze", heezeByPiet], // B9
    ];
  }

  test("Dommelen 30 + 30 = 60 covers 6 toddlers; Heeze 20 < 30 is short at its hours cell in Piet's block", () => {
    const r = check(wb(["Basis", basis()], ["Peuters", toddlers], ["VE inzet", blocks(20)]));
    expect(r.required.ve).toBe(130);
    expect(r.planned.ve).toBe(120); // 30 + 40 + 30 + 20
    expect(veShort(r)).toEqual(["VE inzet!B9"]);
    const m = byRule(r, RULES.VE_SHORT)[0].message;
    expect(m).toContain("Heeze");
    expect(m).toContain("20");
    expect(m).toContain("30");
  });

  test("with Heeze at 30 every location is covered and the check is complete", () => {
    const r = check(wb(["Basis", basis()], ["Peuters", toddlers], ["VE inzet", blocks(30)]));
    expect(r.planned.ve).toBe(130);
    expect(veShort(r)).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
  });
});

describe("never netted across locations", () => {
  test("the totals agree (100 = 100) but Beek gets 20 of its 50 h: short there only", () => {
    const r = check(
      wb(
        ["Basis", basis(["Aalst", "Beek", "Cuijk"])],
        [
          "VE",
          [
            ["Doelgroeppeuters per kindercentrum"],
            ["Kindercentrum", "Aantal doelgroeppeuters"],
            ["Aalst", 5], // 50 h
            ["Beek", 5], // 50 h
            [],
            ["Uren VE per kindercentrum"],
            ["Kindercentrum", "Uren VE"],
            ["Aalst", 80], // B8
            ["Beek", 20], // B9
          ],
        ],
      ),
    );
    expect(r.required.ve).toBe(100);
    expect(r.planned.ve).toBe(100);
    expect(veShort(r)).toEqual(["VE!B9"]);
    expect(byRule(r, RULES.VE_SHORT)[0].message).toMatch(/tekort 30/);
  });
});

describe("rows per group of one location", () => {
  test("'Dommelen groep 1' + 'Dommelen groep 2' (30 + 30) cover Dommelen's 6 toddlers; 'Budel - peuters (VE)' 35 < 40 is short", () => {
    const r = check(
      wb(
        ["Basis", basis()],
        [
          "Blad2",
          [
            ["Locatie", "Doelgroeppeuters"],
            ["KDV Dommelen", 6],
            ["PSZ Budel", 4],
            [],
            ["VE-uren 2026"],
            ["Locatie", "Uren"],
            ["Dommelen groep 1", 30], // B7
            ["Dommelen groep 2", 30], // B8
            ["Budel - peuters (VE)", 35], // B9
          ],
        ],
      ),
    );
    expect(r.required.ve).toBe(100);
    expect(r.planned.ve).toBe(95);
    expect(veShort(r)).toEqual(["Blad2!B9"]);
  });

  test("toddlers written per group too: 3 + 3 toddlers of Dommelen against one hours row of 50 → short 10", () => {
    const r = check(
      wb(
        ["Basis", basis()],
        [
          "VVE",
          [
            ["Locatie / groep", "Doelgroeppeuters"],
            ["Dommelen groep A", 3],
            ["Dommelen groep B", 3],
            [],
            ["Inzet VVE"],
            ["Locatie", "VVE uren"],
            ["Dommelen", 50], // B7
          ],
        ],
      ),
    );
    expect(r.required.ve).toBe(60);
    expect(veShort(r)).toEqual(["VVE!B7"]);
    expect(byRule(r, RULES.VE_SHORT)[0].message).toContain("6 doelgroeppeuters");
  });
});

describe("a location column beside a group column (one table with toddlers and hours)", () => {
  // Meander: Zon 3 toddlers, Maan 3 toddlers → 60 h for the location; Heeze 2 → 20 h.
  function table(zon: number, maan: number): Row[] {
    return [
      ["Speelleergroepen VE 2026"],
      ["Groep", "Locatie", "Doelgroeppeuters", "VE-uren"],
      ["Zon", "Meander", 3, zon], // D3
      ["Maan", null, 3, maan], // location written once (merged cell): D4
      ["Ster", "Heeze", 2, 20], // D5
    ];
  }

  test("Zon 20 h (alone below its 30) + Maan 40 h = 60 h: the location is covered, no error", () => {
    const r = check(wb(["Basis", basis(["Meander", "Heeze", "Budel"])], ["VE", table(20, 40)]));
    expect(r.required.ve).toBe(80);
    expect(r.planned.ve).toBe(80);
    expect(veShort(r)).toEqual([]);
  });

  test("Zon 20 + Maan 30 = 50 < 60: short, pointing at the group row that is short by itself", () => {
    const r = check(wb(["Basis", basis(["Meander", "Heeze", "Budel"])], ["VE", table(20, 30)]));
    expect(veShort(r)).toEqual(["VE!D3"]);
    const m = byRule(r, RULES.VE_SHORT)[0].message;
    expect(m).toContain("Meander");
    expect(m).toContain("tekort 10");
  });
});

describe("side-by-side blocks and block totals inside one table", () => {
  test("two coach blocks side by side, each 'Locatie … VE'; a block's own Totaal row is no location", () => {
    // Kade 5 toddlers → 50 h: 30 (left) + 10 (right) = 40, short 10. Plein 2 → 20 h: 20. Planned VE 60 (not 120 with the block totals).
    const r = check(
      wb(
        ["Basis", basis(["Kade", "Plein", "Hof"])],
        [
          "Coaches",
          [
            ["Locatie", "Uren VE", null, "Locatie", "Uren VE"],
            ["Kade", 30, null, "Kade", 10], // B2, E2
            ["Plein", 20, null, "Totaal", 10],
            ["Totaal", 50, null, null, null],
          ],
        ],
        ["Peuters", [["Vestiging", "Doelgroeppeuters"], ["Kade", 5], ["Plein", 2], ["Totaal", 7]]],
      ),
    );
    expect(r.inputs.targetToddlers?.value).toBe(7);
    expect(r.required.ve).toBe(70);
    expect(r.planned.ve).toBe(60);
    expect(veShort(r)).toEqual(["Coaches!B2"]);
    expect(byRule(r, RULES.VE_SHORT)[0].message).toContain("tekort 10");
  });

  test("a 'Benodigd (×10)' column beside the toddlers is the need, never the plan", () => {
    // Only "Gepland" is planned: Noord 4 → 40 h, planned 35: short 5 at D2.
    const r = check(
      wb(
        ["Basis", basis(["Noord", "Zuid", "Oost"])],
        [
          "VE",
          [
            ["VE-locatie", "Doelgroeppeuters", "Benodigd (x10)", "Gepland"],
            ["Noord", 4, 40, 35], // D2
            ["Zuid", 1, 10, 10],
          ],
        ],
      ),
    );
    expect(r.planned.ve).toBe(45);
    expect(veShort(r)).toEqual(["VE!D2"]);
  });

  test("'Locatie | Groep' with the location written once over its groups (merged cell)", () => {
    // Veld: 2 + 2 toddlers → 40 h; 15 + 15 = 30, short 10. The first group row is short by itself (15 < 20): C2.
    const r = check(
      wb(
        ["Basis", basis(["Veld", "Bos", "Hei"])],
        [
          "Groepen",
          [
            ["Locatie", "Groep", "VE-uren", "Doelgroeppeuters"],
            ["Veld", "Uilen", 15, 2], // C2
            [null, "Vossen", 15, 2],
            ["Bos", "Egels", 10, 1],
          ],
        ],
      ),
    );
    expect(r.required.ve).toBe(50);
    expect(r.planned.ve).toBe(40);
    expect(veShort(r)).toEqual(["Groepen!C2"]);
    expect(byRule(r, RULES.VE_SHORT)[0].message).toContain("4 doelgroeppeuters");
  });
});

describe("a VE column in a list of locations, matched by LRK number", () => {
  test("names differ between the tables, the LRK numbers match; De Vlinder 25 < 40 is short", () => {
    const r = check(
      wb(
        ["Basis", basis()],
        [
          "Locaties",
          [
            ["Kindercentrum", "LRK-nummer", "Beleid", "Coaching", "VE"],
            ["Vlinder (Heeze)", "123456782", 50, 40, 25], // E2
            ["Het Anker", "234567891", 50, 40, 50], // E3
          ],
        ],
        [
          "Doelgroep",
          [
            ["VE-peuters op 1 januari"],
            ["Naam", "LRK", "Doelgroeppeuters"],
            ["KDV De Vlinder", "123456782", 4], // 40 h
            ["Anker, locatie Budel", "234567891", 5], // 50 h
          ],
        ],
      ),
    );
    expect(r.required.ve).toBe(90);
    expect(r.planned.ve).toBe(75);
    expect(veShort(r)).toEqual(["Locaties!E2"]);
  });

  test("two locations with one name but different LRK numbers are told apart by the number", () => {
    const r = check(
      wb(
        ["Basis", basis()],
        [
          "L",
          [
            ["Locatie", "LRK", "Doelgroeppeuters", "VE-uren"],
            ["Dommelen", "111111110", 2, 20], // D2
            ["Dommelen", "222222220", 3, 10], // D3: 10 < 30
          ],
        ],
      ),
    );
    expect(r.required.ve).toBe(50);
    expect(veShort(r)).toEqual(["L!D3"]);
  });
});

describe("one location list with beleid, coaching, VE and toddlers", () => {
  // 2 kindercentra → 100 h beleid (planned 100); 10 fte → 100 h coaching (planned 110);
  // Noord 3 → 30 h (planned 30), Zuid 2 → 20 h (planned 20): everything in order.
  const list = (zuidVe: number): Row[] => [
    ["Plan 2026"],
    ["Fte pedagogisch medewerkers", 10],
    [],
    ["Vestiging", "LRK", "Beleid", "Coaching", "VE-uren", "Doelgroeppeuters"],
    ["Noord", "111111110", 50, 50, 30, 3],
    ["Zuid", "222222220", 50, 60, zuidVe, 2], // E6
    ["Totaal", null, 100, 110, 30 + zuidVe, 5],
  ];

  test("read as the toddler table, its beleid and coaching columns still count: complete and in order", () => {
    const r = check(wb(["Plan", list(20)]));
    expect(r.inputs.centres?.value).toBe(2);
    expect(r.required).toEqual({ policy: 100, coaching: 100, ve: 50, total: 250 });
    expect(r.planned).toEqual({ policy: 100, coaching: 110, ve: 50, total: 260 });
    expect(r.complete).toBe(true);
    expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
  });

  test("Zuid 15 < 20: ve-tekort at E6", () => {
    const r = check(wb(["Plan", list(15)]));
    expect(veShort(r)).toEqual(["Plan!E6"]);
  });
});

describe("a location with toddlers but no VE hours", () => {
  test("a VE hours source without a row for Heeze: error at Heeze's toddler cell", () => {
    const r = check(
      wb(
        ["Basis", basis()],
        ["T", [["Locatie", "Doelgroeppeuters"], ["Dommelen", 1], ["Heeze", 2] /* B3 */]],
        ["U", [["VE-uren per locatie"], ["Locatie", "VE-uren"], ["Dommelen", 10]]],
      ),
    );
    expect(veShort(r)).toEqual(["T!B3"]);
    expect(byRule(r, RULES.VE_SHORT)[0].message).toContain("Heeze");
  });

  test("no VE hours anywhere: a gap for the planned VE hours, no ve-tekort, not complete", () => {
    const r = check(wb(["Basis", basis()], ["T", [["Locatie", "Doelgroeppeuters"], ["Dommelen", 1], ["Heeze", 2]]]));
    expect(r.required.ve).toBe(30);
    expect(r.planned.ve).toBeNull();
    expect(veShort(r)).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.missing.join(" ")).toMatch(/geplande uren VE/);
    expect(byRule(r, RULES.CHECK_INCOMPLETE)).toHaveLength(1);
  });
});

describe("never a guess", () => {
  test("one hours row 'Dommelen' that fits both 'Dommelen Noord' and 'Dommelen Zuid': a gap, not an error or a pass", () => {
    const r = check(
      wb(
        ["Basis", basis()],
        [
          "VE",
          [
            ["Locatie", "Doelgroeppeuters"],
            ["Dommelen Noord", 3],
            ["Dommelen Zuid", 3],
            [],
            ["VE inzet"],
            ["Locatie", "VE-uren"],
            ["Dommelen", 60], // B7
          ],
        ],
      ),
    );
    expect(veShort(r)).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.missing.some((m) => m.includes("VE!B7") && m.includes("Dommelen Noord") && m.includes("Dommelen Zuid"))).toBe(true);
  });

  test("an hours cell with an error value: unknown, never 0 (warning and gap, no ve-tekort)", () => {
    const r = check(
      wb(
        ["Basis", basis()],
        ["VE", [["Locatie", "Doelgroeppeuters", "VE-uren"], ["Dommelen", 3, { error: "#REF!" }], ["Heeze", 2, 20]]],
      ),
    );
    expect(veShort(r)).toEqual([]);
    expect(cells(r, RULES.PLANNED_UNKNOWN)).toContain("VE!C2");
    expect(r.complete).toBe(false);
  });

  test("text in an hours cell ('volgt') is not 0 either", () => {
    const r = check(
      wb(["Basis", basis()], ["VE", [["Locatie", "Doelgroeppeuters"], ["Dommelen", 3], [], ["VE-uren"], ["Locatie", "Uren VE"], ["Dommelen", "volgt"]]]),
    );
    expect(veShort(r)).toEqual([]);
    expect(r.complete).toBe(false);
  });
});

describe("matching stays bounded", () => {
  test("3 000 toddler locations starting with 'De' and 3 000 hours rows that match none exactly", () => {
    // Toddlers 'De Egel N' (1 each); hours rows 'De Egel N Oost': one name inside the other, each fits one location.
    const toddlers: Row[] = [["Locatie", "Doelgroeppeuters"]];
    const hours: Row[] = [["VE inzet"], ["Locatie", "VE-uren"]];
    for (let i = 0; i < 3000; i++) {
      toddlers.push([`De Egel ${i}`, 1]);
      hours.push([`De Egel ${i} Oost`, i === 7 ? 9 : 10]);
    }
    const t0 = Date.now();
    const r = check(wb(["Basis", basis()], ["T", toddlers], ["U", hours]));
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(r.required.ve).toBe(30_000);
    expect(veShort(r)).toEqual(["U!B10"]); // 'De Egel 7 Oost' in row 3 + 7
  });
});

describe("the examples stay as the law says", () => {
  test("2026: Dommelen 6 → 60, Nederweert 4 → 40, Budel 6 → 60, Valkenswaard 5 → 50 = 210 h", () => {
    const r = checkWorkbook(plan2026());
    expect(r.required.ve).toBe(210);
    expect(r.planned.ve).toBe(210);
    expect(veShort(r)).toEqual([]);
  });

  test("2024: the two groups of location Meander (11 + 3 toddlers, 110 + 30 h) are one location", () => {
    const w = plan2024();
    // Kwetternest 100 h (own row short of 110), Ratjetoe 40 h: Meander 140 h for 14 toddlers.
    w.sheets[2].values[3][3] = 100;
    w.sheets[2].values[4][3] = 40;
    const r = checkWorkbook(w);
    expect(r.required.ve).toBe(360);
    expect(veShort(r)).toEqual([]);
  });
});

describe("locationKey: one normalisation for matching", () => {
  test.each([
    ["KDV\nDommelen", "dommelen"],
    ["Dommelen groep 2", "dommelen"],
    ["Locatie Dommelen (VE)", "dommelen"],
    ["kdv/psz Dommelen - peuters", "dommelen"],
    ["Dommelen Groep B", "dommelen"],
    ["Peuterspeelzaal 't Kwetternest", "t kwetternest"],
    ["Dommelen Noord", "dommelen noord"],
    ["De Peuterhoek", "de peuterhoek"],
    ["KDV", "kdv"],
  ])("%j → %j", (name, key) => {
    expect(locationKey(name)).toBe(key);
  });

  test("a very long cell stays fast and does not throw", () => {
    const long = "(".repeat(50_000) + "groep ".repeat(10_000);
    const t0 = Date.now();
    expect(typeof locationKey(long)).toBe("string");
    expect(Date.now() - t0).toBeLessThan(200);
  });
});

describe("size", () => {
  test("2 000 VE locations with hours in per-coach blocks stay linear", () => {
    const toddlers: Row[] = [["Locatie", "Doelgroeppeuters"]];
    const hours: Row[] = [];
    for (let i = 0; i < 2000; i++) toddlers.push([`Kindercentrum Nummer${i}`, 1]);
    for (let b = 0; b < 4; b++) {
      hours.push([`Coach ${b + 1}`], ["Locatie", "VE-uren"]);
      for (let i = b * 500; i < (b + 1) * 500; i++) hours.push([`Nummer${i}`, i === 1999 ? 5 : 10]);
      hours.push([]);
    }
    const t0 = Date.now();
    const r = check(wb(["Basis", basis()], ["Peuters", toddlers], ["Uren", hours]));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.required.ve).toBe(20_000);
    expect(veShort(r)).toHaveLength(1);
  });
});

