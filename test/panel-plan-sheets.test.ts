/**
 * shared/panel/plan-sheets.ts: free names for the template's sheets, formulas following the
 * new names, the write layout (text as "@", formulas apart), the fingerprint and the undo rule.
 */
import { contentFingerprint, planRemoval, planSheetNames, planTemplate, renameSheetRefs } from "../shared/panel/plan-sheets";
import { HOSTILE_NAME, sampleTemplate } from "./helpers/plan-sample";

describe("names", () => {
  test("free names stay; a taken one gets the year, then a number; case-insensitive like both hosts", () => {
    expect(planSheetNames(["Normen", "Locaties", "Verdeling"], ["Blad1"], 2027)).toEqual(["Normen", "Locaties", "Verdeling"]);
    expect(planSheetNames(["Normen", "Locaties"], ["locaties"], 2027)).toEqual(["Normen", "Locaties 2027"]);
    expect(planSheetNames(["Locaties"], ["Locaties", "LOCATIES 2027"], 2027)).toEqual(["Locaties 2027 (2)"]);
  });

  test("formulas follow renamed sheets, quoted; text in quotes and other sheets untouched", () => {
    const m = new Map([["locaties", "Locaties 2027"]]);
    expect(renameSheetRefs('=SUMIFS(Locaties!D:D,Locaties!C:C,"Locaties!A1")', m)).toBe("=SUMIFS('Locaties 2027'!D:D,'Locaties 2027'!C:C,\"Locaties!A1\")");
    expect(renameSheetRefs("='Locaties'!A3+Normen!B2+MyLocaties!A1", m)).toBe("='Locaties 2027'!A3+Normen!B2+MyLocaties!A1");
    expect(renameSheetRefs("=SUM(B2:B3)", m)).toBe("=SUM(B2:B3)");
  });
});

describe("layout", () => {
  const planned = planTemplate(sampleTemplate(), ["Locaties"]);
  const loc = planned.find((p) => p.templateName === "Locaties")!;
  const ver = planned.find((p) => p.templateName === "Verdeling")!;

  test("a clash renames the sheet and every formula and custom validation pointing at it", () => {
    expect(planned.map((p) => p.name)).toEqual(["Normen", "Locaties 2027", "Verdeling"]);
    expect(ver.formulas[1][0]).toBe("='Locaties 2027'!A2");
    expect(ver.formulas[2][0]).toBe("='Locaties 2027'!A3");
    expect(ver.formulas[3][2]).toBe("=SUMIFS('Locaties 2027'!D:D,'Locaties 2027'!C:C,\"KDV\")");
  });

  test("text values get '@' (so '=…' stays text), formula cells no value and no '@', numbers their format", () => {
    expect(loc.values[2][0]).toBe(HOSTILE_NAME);
    expect(loc.formulas[2][0]).toBeNull();
    expect(loc.numberFormats[2][0]).toBe("@");
    expect(loc.values[1][3]).toBe("");
    expect(loc.formulas[1][3]).toBe("=Normen!$B$2");
    expect(loc.numberFormats[1][3]).toBe("#,##0.0");
    expect(loc.textCells).toContainEqual([2, 0]);
    expect(loc.formulaCells).toEqual([[1, 3], [2, 3]]);
    // Column D of Locaties: one block of "#,##0.0" from D2 to D3.
    expect(loc.formatBlocks).toContainEqual({ row: 1, col: 3, rows: 2, cols: 1, key: "#,##0.0" });
  });

  test("not a template: a Dutch message", () => {
    expect(() => planTemplate({ year: 2027, sheets: [] }, [])).toThrow(/sjabloon .* geen bladen/);
    expect(() => planTemplate({ year: 2027, sheets: [{ name: "X", rows: [[{ formula: "SUM(A1)" }]] }] }, [])).toThrow(/begint niet met "="/);
  });
});

describe("fingerprint and undo", () => {
  test("equal contents, equal print; trailing blanks do not count; an edit or a formula change does", () => {
    const a = contentFingerprint([["a", 1], ["", ""]], [["", ""], ["", ""]]);
    expect(contentFingerprint([["a", 1]])).toBe(a);
    expect(contentFingerprint([["a", 2]])).not.toBe(a);
    expect(contentFingerprint([["a", "1"]])).not.toBe(a); // the text "1" is not the number 1
    expect(contentFingerprint([["a", 0]], [["", "=B9"]])).not.toBe(contentFingerprint([["a", 0]], [["", "=B8"]]));
  });

  test("only recorded sheets, unchanged and with their name, are removed; others kept; never the last sheet", () => {
    const record = [
      { id: "1", name: "Normen", fingerprint: "f1" },
      { id: "2", name: "Locaties", fingerprint: "f2" },
      { id: "3", name: "Verdeling", fingerprint: "f3" },
      { id: "9", name: "Weg", fingerprint: "f9" },
    ];
    const now = [
      { id: "0", name: "Blad1" },
      { id: "1", name: "Normen", fingerprint: "f1" },
      { id: "2", name: "Mijn locaties", fingerprint: "f2" },
      { id: "3", name: "Verdeling", fingerprint: "changed" },
    ];
    const r = planRemoval(record, now);
    expect(r.remove.map((s) => s.id)).toEqual(["1"]);
    expect(r.kept).toEqual(["Mijn locaties", "Verdeling"]);
    // Only the tool's sheets in the workbook: the last one stays.
    const only = planRemoval(record.slice(0, 1), [{ id: "1", name: "Normen", fingerprint: "f1" }]);
    expect(only).toEqual({ remove: [], kept: ["Normen"] });
  });
});
