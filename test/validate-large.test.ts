import { buildSheet, checkWorkbook, formulaCell as f, RULES } from "../shared/validate";
import type { WorkbookSnapshot } from "../shared/validate/types";
import type { CellInput } from "../shared/validate/build";

/** 1 000 locations (coaching and policy tables, LRK list) and 10 000 staff rows. */
export function largeWorkbook(): WorkbookSnapshot {
  const N = 1000;
  const S = 10000;
  const lrk = (i: number) => {
    const s = String(10000000 + i).slice(0, 8);
    let t = 0;
    for (let k = 0; k < 8; k++) t += (9 - k) * Number(s[k]);
    const c = t % 11;
    return c === 10 ? s + "X" : s + c; // about 1 in 11 fails the format on purpose
  };
  const loc: CellInput[][] = [["Locaties 2026"], ["Locatie", "LRK-nummer", "Beleidsuren", "Coachuren", "Totaal"]];
  for (let i = 0; i < N; i++) loc.push([`Locatie ${i}`, lrk(i), 50, 40, f(`=SUM(C${i + 3}:D${i + 3})`, 90)]);
  loc.push(["Totaal", null, f(`=SUM(C3:C${N + 2})`, 50 * N), f(`=SUM(D3:D${N + 2})`, 40 * N), f(`=SUM(E3:E${N + 2})`, 90 * N)]);
  const staff: CellInput[][] = [["Personeel"], ["Naam", "Functie", "Uren per week", "Coachuren"]];
  for (let i = 0; i < S; i++) staff.push([`Medewerker ${i}`, "Pedagogisch medewerker", 18, i === 5 ? 0 : 4]);
  staff.push(["Totaal", null, 18 * S, 4 * S - 4]);
  return { sheets: [buildSheet("Locaties 2026", loc), buildSheet("Personeel 2026", staff)] };
}

// Correctness on a huge workbook; its speed is measured by `npm run bench`, not here.
test("1 000 locations and 10 000 staff rows: facts, norm and findings", () => {
  const r = checkWorkbook(largeWorkbook());
  expect(r.inputs.centres?.value).toBe(1000);
  expect(r.inputs.fte?.value).toBe(5000); // 10 000 × 18 h ÷ 36
  expect(r.required.coaching).toBe(50000);
  expect(r.planned.coaching).toBe(40000 - 4); // the staff list's coaching column
  expect(r.findings.find((x) => x.rule === RULES.COACHING_SHORT)).toMatchObject({ severity: "error", sheet: "Personeel 2026", cell: "D10003" });
  expect(r.findings.filter((x) => x.rule === RULES.STAFF_NO_COACHING).map((x) => x.cell)).toEqual(["D8"]);
});
