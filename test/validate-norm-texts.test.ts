/**
 * Finding texts take their figures from the norm version, never typed: with a fake norm
 * (40 h per kindercentrum, 12 h per fte, 9 h per doelgroeppeuter, a 38-hour week, 50
 * formation weeks, 26 flex weeks) every message shows those figures and none of the real
 * ones (50, 10, 36, 52, 13).
 */
import type { NormVersion } from "../shared/norms";

const FAKE: NormVersion = Object.freeze({
  from: "2022-01-01",
  beleidsurenPerKindercentrum: 40,
  coachurenPerFte: 12,
  urenPerFteWeek: 38,
  flexWeken: 26,
  formatieWekenPerJaar: 50,
  veUrenPerDoelgroeppeuter: 9,
  veAanbodUren: 960,
  gastouderCoachurenPerGastouder: null,
  bron: "nepnorm voor de test",
});

// The engine resolves the norm once per check (normForYear); here it resolves to FAKE.
jest.mock("../shared/norms", () => {
  const actual = jest.requireActual("../shared/norms");
  return { ...actual, normForYear: () => FAKE };
});

import { buildSheet, checkWorkbook } from "../shared/validate";
import { veBeforeNormText } from "../shared/validate/check";
import type { CheckResult } from "../shared/validate/types";

const texts = (r: CheckResult) => r.findings.map((f) => f.message);
const TYPED = [/\b50 uur/, /\b10 uur/, /÷ 36\b/, /\b36 ×/, /× 52\b/, /\b13 weken/];

describe("finding texts with a fake norm version", () => {
  const r = checkWorkbook(
    {
      sheets: [
        buildSheet("Plan", [
          ["Coachplan 2026"],
          ["Aantal kindercentra", 3],
          ["Uren per week pedagogisch medewerkers", 760],
          ["Aantal doelgroeppeuters", 5],
          ["Formatie (fte)", 1],
          ["Totaal beleidsuren gepland", 100],
          ["Totaal coachuren gepland", 200],
          ["Totaal VE-uren gepland", 40],
          ["Flexibele uren: gemiddeld over het voorgaande jaar"],
        ]),
      ],
    },
    { year: 2026 },
  );

  test("the figures come from the norm: 40 × 3, 12 × 20 fte (760 ÷ 38), 9 × 5", () => {
    expect(r.required).toEqual({ policy: 120, coaching: 240, ve: 45, total: 405 });
    expect(r.inputs.fte?.value).toBe(20);
    expect(r.inputs.fte?.source.description).toContain("÷ 38");
    expect(r.formation.hours).toBe(1900);
    expect(r.formation.source?.description).toContain("× 38 × 50");
  });

  test("the shortfall messages name the norm's figures", () => {
    const all = texts(r).join("\n");
    expect(all).toContain("(40 uur × 3 kindercentra)");
    expect(all).toContain("(12 uur × 20 fte)");
    expect(all).toContain("(9 uur × 5 doelgroeppeuters)");
    expect(all).toContain("26 weken");
  });

  test("no real-norm figure is typed into a message", () => {
    for (const m of [...texts(r), r.inputs.fte?.source.description ?? "", r.formation.source?.description ?? ""]) {
      for (const re of TYPED) expect(m).not.toMatch(re);
    }
  });

  test("VE before the VE norm: the figure and year of the first VE version", () => {
    const text = veBeforeNormText(2021, { ...FAKE, from: "2023-01-01" });
    expect(text).toContain("9 uur per doelgroeppeuter");
    expect(text).toContain("1 januari 2023");
  });
});
