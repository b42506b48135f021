/**
 * "Gebruik selectie" on Google Sheets: ikkGetSelection in the built dist/sheets/Code.gs
 * over the Apps Script fake (test/helpers/apps-script-fake.ts), and AppsScriptHost
 * .getSelection over a google.script.run fake that calls it: one call, plain JSON, and
 * the panel's refusals for what Sheets hands back. Needs the Sheets build first.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { AppsScriptHost, type ScriptRunner } from "../sheets-addon/sidebar-host";
import { appsScriptGlobals, fakeSheetsOf, FakeSpreadsheet } from "./helpers/apps-script-fake";
import { checkSelection, selectionSettings } from "../shared/panel/view-model";
import { REPORT_SHEET_NAME } from "../shared/panel/host";

const CODE_FILE = path.join(__dirname, "..", "dist", "sheets", "Code.gs");

beforeAll(() => {
  if (!fs.existsSync(CODE_FILE)) throw new Error("dist/sheets/Code.gs ontbreekt: bouw eerst met 'npm run generate && npx webpack --mode production --config sheets-addon/webpack.config.js'.");
});

function load() {
  const wb = plan2026();
  const ss = new FakeSpreadsheet([...fakeSheetsOf(wb), { name: "Mijn 'blad'", values: [["x"]] }, { name: REPORT_SHEET_NAME, values: [["Rapport"]] }]);
  const context = vm.createContext({ ...appsScriptGlobals(ss).globals });
  vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.gs" });
  const call = (name: string, ...args: unknown[]): unknown => ((context as Record<string, unknown>)[name] as (...a: unknown[]) => unknown)(...args);
  return { wb, ss, call };
}

/** google.script.run: async, JSON in and out, errors to the failure handler. */
function runnerFor(s: ReturnType<typeof load>, calls: string[]): () => ScriptRunner {
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_t, prop) {
        if (prop === "withSuccessHandler") return (f: (v: unknown) => void) => make(f, fail);
        if (prop === "withFailureHandler") return (f: (e: unknown) => void) => make(ok, f);
        if (typeof prop !== "string" || !prop.startsWith("ikk")) return undefined;
        return (...args: unknown[]) => {
          calls.push(prop);
          setTimeout(() => {
            try {
              const v = s.call(prop, ...(JSON.parse(JSON.stringify(args)) as unknown[]));
              ok?.(v === undefined ? null : JSON.parse(JSON.stringify(v)));
            } catch (e) {
              fail?.(new Error(`Error: ${(e as Error).message}`));
            }
          }, 0);
        };
      },
    });
  return () => make();
}

describe("ikkGetSelection (Code.gs)", () => {
  test("a range: sheet name and A1, through getActiveRangeList, no cell read", () => {
    const s = load();
    const t = PLAN_2026_CELLS.coachingTable;
    s.ss.userSelect(t.sheet, t.range);
    s.ss.counter.reset();
    expect(s.call("ikkGetSelection")).toEqual({ sheet: t.sheet, a1: t.range });
    expect(s.ss.counter.count("Spreadsheet.getActiveRangeList")).toBe(1);
    expect(s.ss.counter.count("Range.getA1Notation")).toBe(1);
    expect(s.ss.counter.count("Range.getValues")).toBe(0);
  });

  test("a cell, a sheet name with quotes, several areas (all of them, not only the last), a whole column, nothing", () => {
    const s = load();
    s.ss.userSelect("Mijn 'blad'", "B2");
    expect(s.call("ikkGetSelection")).toEqual({ sheet: "Mijn 'blad'", a1: "B2" });
    s.ss.userSelect("Uren 2026", "A1:B2", "D4");
    expect(s.call("ikkGetSelection")).toEqual({ sheet: "Uren 2026", a1: "A1:B2,D4" });
    s.ss.userSelect("Uren 2026", "B:B");
    expect(s.call("ikkGetSelection")).toEqual({ sheet: "Uren 2026", a1: "B1:B1000" });
    s.ss.userSelect("Uren 2026");
    expect(s.call("ikkGetSelection")).toBeNull();
  });

  test("a Sheets failure becomes a Dutch message", () => {
    const s = load();
    (s.ss as unknown as { getActiveRangeList: () => never }).getActiveRangeList = () => {
      throw new Error("Service Spreadsheets failed");
    };
    expect(() => s.call("ikkGetSelection")).toThrow(/^Google Spreadsheets gaf een fout bij het lezen van de selectie: (Error: )?Service Spreadsheets failed$/);
  });
});

describe("AppsScriptHost.getSelection", () => {
  test("one google.script.run call; the selection goes through the panel's checks and into the mapping", async () => {
    const s = load();
    const calls: string[] = [];
    const host = new AppsScriptHost(runnerFor(s, calls));
    s.ss.userSelect("Uren 2026", "A:C");
    const sel = await host.getSelection();
    expect(calls).toEqual(["ikkGetSelection"]);
    expect(sel).toEqual({ sheet: "Uren 2026", a1: "A1:C1000" });
    // The Sheets whole-column range is cut to the filled cells.
    const r = selectionSettings(null, sel, { kind: "table", role: "ignored" }, s.wb);
    expect(r.a1).not.toBe("A1:C1000");
    expect(Number(/\d+$/.exec(r.a1)![0])).toBeLessThan(100);
  });

  test("refusals in Dutch: several areas, the report sheet, nothing selected, a broken reply", async () => {
    const s = load();
    const host = new AppsScriptHost(runnerFor(s, []));
    s.ss.userSelect("Uren 2026", "A1:B2", "D4");
    expect(() => checkSelection(null)).toThrow(/niets geselecteerd/);
    const multi = await host.getSelection();
    expect(() => checkSelection(multi)).toThrow(/meerdere gebieden/);
    s.ss.userSelect(REPORT_SHEET_NAME, "A1");
    expect(() => checkSelection(null)).toThrow();
    const report = await host.getSelection();
    expect(() => checkSelection(report)).toThrow(/'IKK-rapport' is het rapport/);
    s.ss.userSelect("Uren 2026");
    expect(await host.getSelection()).toBeNull();
    const broken = new AppsScriptHost(() => {
      let ok: (v: unknown) => void = () => undefined;
      const r: ScriptRunner = {
        withSuccessHandler: (f) => ((ok = f), r),
        withFailureHandler: () => r,
        ikkGetSelection: () => setTimeout(() => ok({ sheet: 3 }), 0),
      };
      return r;
    });
    await expect(broken.getSelection()).rejects.toThrow("Google Spreadsheets gaf geen leesbare selectie terug.");
  });
});
