/**
 * "Nieuw plan", its undo and the overview sheet in the built dist/sheets/Code.gs, run in a vm
 * over the Apps Script fake (test/helpers/apps-script-fake.ts): bulk writes per sheet (never
 * per cell), formulas as formulas, user text starting with "=" as text, validations through
 * SpreadsheetApp.newDataValidation(), undo of exactly the unchanged added sheets.
 * Needs the Sheets build first (npm run build).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { OVERVIEW_SHEET_NAME } from "../shared/panel/host";
import { columnWidthPixels } from "../shared/panel/plan-sheets";
import { appsScriptGlobals, FakeSpreadsheet, type FakeOptions, type FakeSheetInput } from "./helpers/apps-script-fake";
import { HOSTILE_NAME, sampleTemplate } from "./helpers/plan-sample";
import { AppsScriptHost, type ScriptRunner } from "../sheets-addon/sidebar-host";

const CODE_FILE = path.join(__dirname, "..", "dist", "sheets", "Code.gs");

function load(sheets: FakeSheetInput[], options: FakeOptions = {}) {
  const ss = new FakeSpreadsheet(sheets, options);
  const { globals, properties } = appsScriptGlobals(ss);
  const context = vm.createContext({ ...globals });
  vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.gs" });
  const call = (name: string, ...args: unknown[]): unknown => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`${name} is not a top-level function of Code.gs`);
    return JSON.parse(JSON.stringify((fn as (...a: unknown[]) => unknown)(...JSON.parse(JSON.stringify(args))) ?? null));
  };
  return { ss, properties, call, c: ss.counter };
}

const user = (): FakeSheetInput[] => [{ name: "Blad1", values: [["Mijn eigen gegevens"]] }];

describe("ikkAddPlanSheets", () => {
  test("formulas as formulas, text as text, formats, bold, widths, frozen rows and validation; calls per block", () => {
    const s = load(user());
    s.c.reset();
    expect(s.call("ikkAddPlanSheets", sampleTemplate())).toEqual({ sheets: ["Normen", "Locaties", "Verdeling"] });
    expect(s.ss.sheets.map((x) => x.name)).toEqual(["Blad1", "Normen", "Locaties", "Verdeling"]);
    const loc = s.ss.sheet("Locaties")!;
    const ver = s.ss.sheet("Verdeling")!;
    expect(loc.at("D2").formula).toBe("=Normen!$B$2");
    expect(ver.at("C4").formula).toBe('=SUMIFS(Locaties!D:D,Locaties!C:C,"KDV")');
    expect(loc.at("A3")).toMatchObject({ value: HOSTILE_NAME, formula: "", numberFormat: "@" });
    expect(loc.at("B2").value).toBe("123456789");
    expect(s.ss.sheet("Normen")!.at("B2")).toMatchObject({ value: 50, numberFormat: "#,##0.0" });
    expect(s.ss.sheet("Normen")!.at("A1").fontWeight).toBe("bold");
    expect(s.ss.sheet("Normen")!.at("A2").fontWeight).toBeUndefined();
    expect(ver.frozenRows).toBe(1);
    expect(loc.columnWidths.get(0)).toBe(columnWidthPixels(30));
    expect(columnWidthPixels(30)).toBe(215);
    expect(ver.validations).toEqual([
      { a1: "B2:B201", rule: { criteria: "NUMBER_GREATER_THAN_OR_EQUAL_TO", values: [0], allowInvalid: false, helpText: "Vul een aantal uren van 0 of meer in." } },
      // Sheets has no whole-number rule: a formula on the first cell, relative.
      { a1: "C2:C201", rule: { criteria: "CUSTOM_FORMULA", values: ["=AND(ISNUMBER(C2),C2=INT(C2),C2>=0,C2<=99)"], allowInvalid: false, helpText: "Vul een heel getal van 0 tot 99 in." } },
    ]);
    expect(loc.validations.map((v) => [v.rule.criteria, v.rule.values])).toEqual([
      ["CUSTOM_FORMULA", ["=AND(LEN(B2)=9,ISNUMBER(VALUE(B2)))"]],
      ["VALUE_IN_LIST", [["KDV", "BSO", "PSZ", "GOK"], true]],
    ]);
    // Bulk: one setValues, one getValues and one getFormulas per sheet; no setValue per cell.
    expect(s.c.count("Range.setValues")).toBe(3);
    expect(s.c.count("Range.setValue")).toBe(0);
    expect(s.c.count("Range.getValues")).toBe(3);
    expect(s.c.count("Range.getFormulas")).toBe(3);
    expect(s.c.count("Range.setNumberFormat")).toBe(0);
    // One RangeList per number format per sheet: Normen "@", "#,##0.0", "0"; Locaties "@", "#,##0.0"; Verdeling "#,##0.0", "0", "@".
    expect(s.c.count("RangeList.setNumberFormat")).toBe(8);
    expect(s.c.count("RangeList.setFontWeight")).toBe(3);
    expect(s.ss.active!.name).toBe("Normen");
  });

  test("calls do not grow with the rows: 500 more locations, the same number of writes", () => {
    const big = sampleTemplate();
    for (let i = 0; i < 500; i++) big.sheets[1].rows.push([{ value: `Locatie ${i}` }, { value: String(100000000 + i) }, { value: "KDV" }, { formula: "=Normen!$B$2" }]);
    const s = load(user());
    s.c.reset();
    s.call("ikkAddPlanSheets", big);
    expect(s.c.count("Range.setValues")).toBe(3);
    expect(s.c.count("RangeList.setNumberFormat")).toBe(8);
    expect(s.ss.sheet("Locaties")!.at("D502").formula).toBe("=Normen!$B$2");
  });

  test("a clash: 'Locaties 2027', formulas follow it; a Sheets that ignores '@' gets the apostrophe rewrite", () => {
    const s = load([...user(), { name: "locaties", values: [["eigen"]] }], { formulasIgnoreTextFormat: true });
    expect(s.call("ikkAddPlanSheets", sampleTemplate())).toEqual({ sheets: ["Normen", "Locaties 2027", "Verdeling"] });
    expect(s.ss.sheet("Verdeling")!.at("A2").formula).toBe("='Locaties 2027'!A2");
    expect(s.ss.sheet("Locaties 2027")!.at("A3")).toMatchObject({ value: HOSTILE_NAME, formula: "" });
    expect(s.ss.sheet("locaties")!.at("A1").value).toBe("eigen");
  });
});

describe("ikkRemovePlanSheets", () => {
  test("removes exactly the added, unchanged sheets; edited and renamed ones are kept; user's sheets untouched", () => {
    const s = load([...user(), { name: "Locaties", values: [["eigen"]] }]);
    s.call("ikkAddPlanSheets", sampleTemplate());
    s.ss.sheet("Verdeling")!.at("B2").value = 40;
    s.ss.renameSheet("Normen", "Mijn normen");
    s.c.reset();
    const r = s.call("ikkRemovePlanSheets") as { removed: string[]; kept: string[] };
    expect(r.removed).toEqual(["Locaties 2027"]);
    expect(r.kept.sort()).toEqual(["Mijn normen", "Verdeling"]);
    expect(s.ss.sheets.map((x) => x.name).sort()).toEqual(["Blad1", "Locaties", "Mijn normen", "Verdeling"]);
    // Only the recorded sheets are read: three getValues, none of Blad1 or Locaties.
    expect(s.c.log.filter((l) => l.startsWith("Range.getValues")).map((l) => l.slice("Range.getValues ".length).split("!")[0]).sort()).toEqual(["Locaties 2027", "Mijn normen", "Verdeling"]);
    expect(s.call("ikkRemovePlanSheets")).toEqual({ removed: [], kept: [] });
  });

  test("right after adding: all three go", () => {
    const s = load(user());
    s.call("ikkAddPlanSheets", sampleTemplate());
    expect(s.call("ikkRemovePlanSheets")).toEqual({ removed: ["Normen", "Locaties", "Verdeling"], kept: [] });
    expect(s.ss.sheets.map((x) => x.name)).toEqual(["Blad1"]);
  });
});

describe("ikkWriteOverview", () => {
  test("text only; replaced on a second run; a user's IKK-overzicht kept; left out of the sheet list", () => {
    const s = load([...user(), { name: OVERVIEW_SHEET_NAME, values: [["van de gebruiker"]] }]);
    const first = s.call("ikkWriteOverview", [["Inzet 2027"], [HOSTILE_NAME]]) as { sheet: string };
    expect(first.sheet).toBe(`${OVERVIEW_SHEET_NAME} (2)`);
    expect(s.ss.sheet(first.sheet)!.at("A2")).toMatchObject({ value: HOSTILE_NAME, formula: "" });
    const second = s.call("ikkWriteOverview", [["Opnieuw"]]) as { sheet: string };
    expect(second.sheet).toBe(first.sheet);
    expect(s.ss.sheets.map((x) => x.name).sort()).toEqual(["Blad1", OVERVIEW_SHEET_NAME, `${OVERVIEW_SHEET_NAME} (2)`]);
    expect(s.ss.sheet(second.sheet)!.at("A1").value).toBe("Opnieuw");
    expect(s.ss.sheet(OVERVIEW_SHEET_NAME)!.at("A1").value).toBe("van de gebruiker");
    const list = s.call("ikkListSheets") as { sheets: Array<{ name: string }> };
    expect(list.sheets.map((x) => x.name)).toEqual(["Blad1", OVERVIEW_SHEET_NAME]);
  });
});

test("the sidebar adapter: one google.script.run call each, replies checked", async () => {
  const s = load(user());
  const calls: string[] = [];
  const runner = (): ScriptRunner => {
    let ok: (v: unknown) => void = () => undefined;
    let fail: (e: unknown) => void = () => undefined;
    const r: ScriptRunner = {
      withSuccessHandler: (h) => ((ok = h), r),
      withFailureHandler: (h) => ((fail = h), r),
    };
    for (const name of ["ikkAddPlanSheets", "ikkRemovePlanSheets", "ikkWriteOverview"]) {
      r[name] = (...args: unknown[]) => {
        calls.push(name);
        setTimeout(() => {
          try {
            ok(s.call(name, ...args));
          } catch (e) {
            fail(e);
          }
        }, 0);
      };
    }
    return r;
  };
  const host = new AppsScriptHost(runner);
  expect(await host.addPlanSheets(sampleTemplate())).toEqual({ sheets: ["Normen", "Locaties", "Verdeling"] });
  expect(await host.writeOverview([["x"]])).toEqual({ sheet: OVERVIEW_SHEET_NAME });
  expect(await host.removePlanSheets()).toEqual({ removed: ["Normen", "Locaties", "Verdeling"], kept: [] });
  expect(calls).toEqual(["ikkAddPlanSheets", "ikkWriteOverview", "ikkRemovePlanSheets"]);
  await expect(host.addPlanSheets({ year: 2027, sheets: [] })).rejects.toThrow(/sjabloon .* geen bladen/);
});
