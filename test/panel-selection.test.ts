/**
 * "Gebruik selectie": the pure step from a selection + the user's choice to new panel
 * settings (view-model selectionSettings), withFactCell, and what the engine then makes
 * of it on the 2026 example plan.
 */
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { checkWorkbook, parseMapping, withFactCell, withTableRole } from "../shared/validate";
import { isIkkError } from "../shared/errors";
import { REPORT_SHEET_NAME, type PanelSettings } from "../shared/panel/host";
import { MemoryHost } from "../demo/memory-host";
import {
  SELECTION_OPTIONS,
  checkOptions,
  checkSelection,
  filledBox,
  parseSelectionArea,
  selectionChoice,
  selectionSettings,
  type SelectionChoice,
} from "../shared/panel/view-model";
import type { WorkbookSnapshot } from "../shared/validate/types";

const table = (role: "policy" | "coaching" | "ve" | "ve-toddlers" | "staff" | "locations" | "ignored"): SelectionChoice => ({ kind: "table", role });
const fact = (f: "kindercentra" | "fte" | "doelgroeppeuters" | "formatie_uren"): SelectionChoice => ({ kind: "fact", fact: f });

function small(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Mijn blad",
        values: [
          [null, null, null],
          ["Locatie", "Uren", null],
          ["A", 10, null],
          ["B", 20, null],
          ["Totaal", 30, null],
          [null, null, null],
          ["fte", 12.5, "<b>tekst</b>"],
        ],
      },
      { name: REPORT_SHEET_NAME, values: [["Rapport"]] },
    ],
  };
}

/** The Dutch message of what fn throws (and that it is an IkkError). */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isIkkError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("did not throw");
}

describe("withFactCell", () => {
  test("sets one fact to a cell, keeps tables and other facts, and parses", () => {
    const start = withTableRole(undefined, "Uren", "A1:B4", "coaching");
    const m = withFactCell(withFactCell(start, "kindercentra", "Uren", "B2"), "fte", "Mijn blad", "$b$7");
    expect(m).toEqual({
      versie: 1,
      tabellen: [{ blad: "Uren", bereik: "A1:B4", rol: "coaching" }],
      feiten: { kindercentra: { blad: "Uren", cel: "B2" }, fte: { blad: "Mijn blad", cel: "B7" } },
    });
    expect(parseMapping(m).facts.fte).toEqual({ blad: "Mijn blad", cel: "B7" });
    // Does not change its input.
    expect(start).toEqual({ versie: 1, tabellen: [{ blad: "Uren", bereik: "A1:B4", rol: "coaching" }] });
  });

  test("replaces a typed number for that fact and refuses ranges and unknown facts in Dutch", () => {
    expect(withFactCell({ versie: 1, feiten: { fte: 3 } }, "fte", "X", "C3").feiten).toEqual({ fte: { blad: "X", cel: "C3" } });
    expect(refusal(() => withFactCell(undefined, "fte", "X", "A1:B2"))).toBe("'A1:B2' is geen enkele cel (zoals B4).");
    expect(refusal(() => withFactCell(undefined, "uren" as never, "X", "A1"))).toMatch(/Onbekend gegeven 'uren'/);
    expect(refusal(() => withFactCell(undefined, "fte", "", "A1"))).toMatch(/geen bladnaam/);
  });
});

describe("parseSelectionArea and checkSelection", () => {
  test("cells, ranges, whole columns and rows", () => {
    expect(parseSelectionArea("B2")).toEqual({ r1: 1, r2: 1, c1: 1, c2: 1 });
    expect(parseSelectionArea("$F$20:A3")).toEqual({ r1: 2, r2: 19, c1: 0, c2: 5 });
    expect(parseSelectionArea("C:A")).toEqual({ r1: 0, r2: Infinity, c1: 0, c2: 2 });
    expect(parseSelectionArea("3:5")).toEqual({ r1: 2, r2: 4, c1: 0, c2: Infinity });
    expect(parseSelectionArea("A5:B")).toEqual({ r1: 4, r2: Infinity, c1: 0, c2: 1 });
    for (const bad of ["", "A", "A1:", "A1:B2:C3", "0:1", "Blad!A1"]) expect(parseSelectionArea(bad)).toBeNull();
  });

  test("nothing selected, the report sheet, several areas, garbage: Dutch refusals", () => {
    expect(refusal(() => checkSelection(null))).toMatch(/^Er is niets geselecteerd\./);
    expect(refusal(() => checkSelection({ sheet: "X", a1: " " }))).toMatch(/^Er is niets geselecteerd\./);
    expect(refusal(() => checkSelection({ sheet: REPORT_SHEET_NAME, a1: "A1" }))).toMatch(/'IKK-rapport' is het rapport van deze controle/);
    expect(refusal(() => checkSelection({ sheet: "X", a1: "A1:B2,D4" }))).toMatch(/meerdere gebieden/);
    expect(refusal(() => checkSelection({ sheet: "X", a1: "hallo" }))).toBe("De selectie 'hallo' is niet te lezen als cel of bereik.");
    expect(checkSelection({ sheet: "X", a1: "A1" })).toEqual({ r1: 0, r2: 0, c1: 0, c2: 0 });
  });

  test("filledBox cuts to the filled cells (formulas without a value count)", () => {
    const sheet = { name: "S", values: [[null, null], [null, 1]], formulas: [[null, null], [null, null], ["=X()", null]] };
    expect(filledBox(sheet, { r1: 0, r2: Infinity, c1: 0, c2: Infinity })).toEqual({ r1: 1, r2: 2, c1: 0, c2: 1 });
    expect(filledBox(sheet, { r1: 0, r2: 0, c1: 0, c2: 5 })).toBeNull();
  });
});

describe("selectionSettings", () => {
  test("a table range becomes a mapping entry with the Dutch role; earlier settings stay", () => {
    const before: PanelSettings = { version: 1, year: 2026, overrides: { fte: 3 } };
    const r = selectionSettings(before, { sheet: "Mijn blad", a1: "A2:B5" }, table("coaching"), small());
    expect(r.settings).toEqual({
      version: 1,
      year: 2026,
      overrides: { fte: 3 },
      mapping: { versie: 1, tabellen: [{ blad: "Mijn blad", bereik: "A2:B5", rol: "coaching" }] },
    });
    expect(r.message).toBe("'Mijn blad'!A2:B5 is nu tabel 'coaching'.");
    expect(before).toEqual({ version: 1, year: 2026, overrides: { fte: 3 } });
  });

  test("a whole column (Excel 'A:B') or a Sheets column range ('A1:B1000') is cut to the filled cells", () => {
    for (const [a1, cut] of [["A:B", "A2:B7"], ["A1:B1000", "A2:B7"], ["A1:B5", "A2:B5"], ["A2:B", "A2:B7"]]) {
      const r = selectionSettings(null, { sheet: "Mijn blad", a1 }, table("policy"), small());
      expect(r.a1).toBe(cut);
      expect(r.message).toContain(`De selectie ${a1} is ingekort tot de gevulde cellen.`);
    }
    expect(selectionSettings(null, { sheet: "Mijn blad", a1: "2:5" }, table("ve"), small()).a1).toBe("A2:B5");
  });

  test("the new range replaces the user's overlapping ranges on that sheet, not others", () => {
    let s: PanelSettings | null = null;
    s = selectionSettings(s, { sheet: "Mijn blad", a1: "A2:B4" }, table("policy"), small()).settings;
    s = { ...s, mapping: withTableRole(s.mapping, "Ander blad", "A2:B5", "ve") };
    s = selectionSettings(s, { sheet: "Mijn blad", a1: "A2:B5" }, table("ignored"), small()).settings;
    expect((s.mapping as { tabellen: unknown[] }).tabellen).toEqual([
      { blad: "Ander blad", bereik: "A2:B5", rol: "ve" },
      { blad: "Mijn blad", bereik: "A2:B5", rol: "negeren" },
    ]);
  });

  test("a fact is one filled cell; it removes the typed value of that fact only", () => {
    const r = selectionSettings({ version: 1, overrides: { fte: 3, centres: 2 } }, { sheet: "Mijn blad", a1: "$B$7" }, fact("fte"), small());
    expect(r.settings).toEqual({ version: 1, overrides: { centres: 2 }, mapping: { versie: 1, feiten: { fte: { blad: "Mijn blad", cel: "B7" } } } });
    expect(r.message).toBe("'fte' komt nu uit cel 'Mijn blad'!B7. De ingetypte waarde voor dit gegeven is gewist.");
    const only = selectionSettings({ version: 1, overrides: { fte: 3 } }, { sheet: "Mijn blad", a1: "B7" }, fact("fte"), small());
    expect(only.settings.overrides).toBeUndefined();
  });

  test("Dutch refusals: a fact given a range, a column or an empty cell; an empty or one-row table; an unknown sheet", () => {
    const wb = small();
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "B6:B7" }, fact("kindercentra"), wb))).toBe(
      "Het gegeven 'kindercentra' staat in één cel, maar u selecteerde 2 cellen (B6:B7). Selecteer alleen de cel met het getal.",
    );
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "B:B" }, fact("fte"), wb))).toMatch(/u selecteerde een hele kolom/);
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "7:7" }, fact("fte"), wb))).toMatch(/u selecteerde een hele rij/);
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "D9" }, fact("formatie_uren"), wb))).toBe(
      "Cel 'Mijn blad'!D9 is leeg. Selecteer de cel met het getal voor 'formatie-uren'.",
    );
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "E:F" }, table("coaching"), wb))).toMatch(/^De geselecteerde kolommen zijn leeg/);
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "D1:E3" }, table("coaching"), wb))).toMatch(/^Het geselecteerde bereik is leeg/);
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "A7:C7" }, table("staff"), wb))).toMatch(/maar één rij gevuld/);
    expect(refusal(() => selectionSettings(null, { sheet: "Weg", a1: "A1" }, table("staff"), wb))).toMatch(/Het blad 'Weg' staat niet in de gelezen werkmap/);
    expect(refusal(() => selectionSettings(null, { sheet: REPORT_SHEET_NAME, a1: "A1" }, table("staff"), wb))).toMatch(/IKK-rapport/);
    expect(refusal(() => selectionSettings(null, { sheet: "Mijn blad", a1: "A1,B2" }, fact("fte"), wb))).toMatch(/meerdere gebieden/);
  });

  test("the dropdown: every table role but 'automatisch', every fact, values map back to choices", () => {
    expect(SELECTION_OPTIONS.map((o) => o.label)).toEqual(["beleid", "coaching", "VE", "VE-peuters", "personeel", "locaties", "gemengd (per categorie)", "realisatie", "negeren", "kindercentra", "fte", "doelgroeppeuters", "formatie-uren"]);
    for (const o of SELECTION_OPTIONS) expect(selectionChoice(o.value)).toEqual(o.choice);
    expect(selectionChoice("")).toBeNull();
    expect(selectionChoice("tabel:unknown")).toBeNull();
  });
});

describe("what the engine makes of it (2026 example)", () => {
  const wb = plan2026();
  const coaching = PLAN_2026_CELLS.coachingTable;

  test("the coaching table selected as 'negeren' drops its hours; selected as 'coaching' again counts them", () => {
    const base = checkWorkbook(wb);
    expect(base.planned.coaching).not.toBeNull();
    const ignored = selectionSettings(null, { sheet: coaching.sheet, a1: coaching.range }, table("ignored"), wb);
    expect(checkWorkbook(wb, checkOptions(ignored.settings)).planned.coaching).toBeNull();
    const exact = selectionSettings(ignored.settings, { sheet: coaching.sheet, a1: coaching.range }, table("coaching"), wb);
    expect(checkWorkbook(wb, checkOptions(exact.settings)).planned.coaching).toBe(base.planned.coaching);
  });

  test("a fact cell: fte read from the cell the user selected", () => {
    const centres = PLAN_2026_CELLS.centres;
    const r = selectionSettings(null, { sheet: centres.sheet, a1: centres.cell }, fact("fte"), wb);
    const result = checkWorkbook(wb, checkOptions(r.settings));
    expect(result.inputs.fte?.value).toBe(checkWorkbook(wb).inputs.centres?.value);
  });
});

test("MemoryHost.getSelection: the user's selection as JSON, null when none, one logged call", async () => {
  const host = new MemoryHost(small());
  expect(await host.getSelection()).toBeNull();
  host.userSelect("Mijn blad", "A2:B5");
  expect(await host.getSelection()).toEqual({ sheet: "Mijn blad", a1: "A2:B5" });
  expect(host.count("getSelection")).toBe(2);
  expect(host.count()).toBe(2);
});
