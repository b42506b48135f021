/**
 * A table turned on its side: the locations as columns, the figures as rows. Figures by
 * hand: 50 h per LRK registration, 10 h per fte of 36 h/week, 10 h per doelgroeppeuter per
 * VE location; findings point at the real cells.
 */
import { buildSheet, checkWorkbook, detectTables, RULES } from "../shared/validate";

const sheet = (veAtNoord: number) =>
  buildSheet("Plan", [
    ["Urenplan 2027"],
    [],
    [null, "Noord", "Zuid", "West", "Totaal"],
    ["LRK-nummer", "123456782", "234567891", "345678901"],
    ["Contracturen PM per week", 180, 144, 108, 432],
    ["Doelgroeppeuters", 2, 0, 1, 3],
    ["Beleid", 50, 50, 50, 150],
    ["Coaching", 50, 40, 35, 125],
    ["VE-uren", veAtNoord, 0, 10, veAtNoord + 10],
  ]);

test("the figures per location are read across; the Totaal column is the total", () => {
  const r = checkWorkbook({ sheets: [sheet(20)] });
  // 3 LRK → 150; 432 / 36 = 12 fte → 120; Noord 2 + West 1 toddlers → 30.
  expect(r.inputs.centres?.value).toBe(3);
  expect(r.inputs.fte?.value).toBe(12);
  expect(r.required).toEqual({ policy: 150, coaching: 120, ve: 30, total: 300 });
  expect(r.planned).toEqual({ policy: 150, coaching: 125, ve: 30, total: 305 });
  expect(r.complete).toBe(true);
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(r.tables.every((t) => t.sheet === "Plan")).toBe(true);
  expect(detectTables({ sheets: [sheet(20)] }).map((t) => `${t.sheet}!${t.range}`)).toEqual(r.tables.map((t) => `${t.sheet}!${t.range}`));
});

test("a VE shortfall at one location points at that location's cell on the real sheet", () => {
  const r = checkWorkbook({ sheets: [sheet(10)] });
  const short = r.findings.filter((f) => f.rule === RULES.VE_SHORT);
  expect(short.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["Plan!B9"]);
  expect(short[0].message).toContain("Noord");
});
