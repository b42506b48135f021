/**
 * Parity of the two built hosts: every catalogue function exists in the Excel build
 * (dist/excel/functions.js + functions.json) and in the Sheets build (dist/sheets/Code.gs)
 * with the same parameters, and the same arguments give the same results or the same
 * Dutch error in both. Arguments are written once "as a user types them" and passed the
 * way each host passes them: Excel gives 2-D arrays for range parameters and null for
 * omitted ones; Sheets gives a scalar or a 2-D array, "" for blanks, undefined when omitted.
 * Runs after `npm run build`.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { CATALOGUE } from "../shared/catalogue";

const ROOT = path.join(__dirname, "..");
type Fn = (...args: unknown[]) => unknown;

class FakeExcelError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

function loadExcel(): { fns: Map<string, Fn>; metadata: { functions: { id: string; parameters: { name: string; optional?: boolean }[] }[] } } {
  const fns = new Map<string, Fn>();
  const CustomFunctions = { associate: (id: string, fn: Fn) => fns.set(id, fn), Error: FakeExcelError, ErrorCode: { invalidValue: "#VALUE!" } };
  vm.runInContext(fs.readFileSync(path.join(ROOT, "dist/excel/functions.js"), "utf8"), vm.createContext({ CustomFunctions, console }));
  return { fns, metadata: JSON.parse(fs.readFileSync(path.join(ROOT, "dist/excel/functions.json"), "utf8")) };
}

function loadSheets(): vm.Context {
  const context = vm.createContext({ console, Logger: { log() {} } });
  vm.runInContext(fs.readFileSync(path.join(ROOT, "dist/sheets/Code.gs"), "utf8"), context);
  return context;
}

const excel = loadExcel();
const sheets = loadSheets();

type Outcome = { value: unknown } | { error: string };

function callExcel(name: string, args: unknown[]): Outcome {
  const spec = CATALOGUE.find((f) => f.name === name)!;
  const excelArgs = spec.params.map((p, i) => {
    const a = args[i];
    if (a === undefined) return null;
    if (p.range && !Array.isArray(a)) return [[a === "" ? null : a]];
    return a;
  });
  try {
    const v = excel.fns.get(name)!(...excelArgs);
    if (v instanceof FakeExcelError) return { error: v.message ?? v.code };
    return { value: unwrap(v) };
  } catch (e) {
    if (e instanceof FakeExcelError) return { error: e.message ?? e.code };
    throw e;
  }
}

function callSheets(name: string, args: unknown[]): Outcome {
  const fn = (sheets as Record<string, unknown>)[`IKK_${name}`] as Fn;
  try {
    return { value: unwrap(fn(...args)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** A 1×1 matrix and a single value display the same in a cell. */
function unwrap(v: unknown): unknown {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;
}

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const big = Array.from({ length: 10000 }, (_, i) => [(i % 9) * 0.25]);

/** Arguments as a user would give them; undefined = omitted. */
const CASES: Record<string, unknown[][]> = {
  BELEIDSUREN: [[16], [16, 2026], [11, 2024], [col("123456782", "123456782", "KDV Budel")], ["123456782"], [16, 2018], [-1], [2.5], ["abc"], [""], [col("#REF!")], [16, "2026"]],
  COACHUREN: [[42.37], ["42,37"], [806 / 36, 2024], [col(10, "", "2,5")], [big], [-1], ["tien"], [col("#WAARDE!")], [""], [true]],
  VE_UREN: [[21], [21, 2021], [col(6, 4, 6, 5)], [col(6, "", 5)], [1.5], [""], [col("vier")]],
  MINIMUMUREN: [[16, 42.37, col(6, 4, 6, 5), 2026], [11, 806 / 36, col(11, 3, 12, 2, 8), 2024], [16, 42.37, 21, 2021], [16, 42.37], [16, ""]],
  FTE: [[806], [col(36, 18, "")], [36, 40], [36, 0], ["x"]],
  FLEX_FTE: [[468], [100, 10, 20], [100, 0], [-5]],
  FORMATIE_UREN: [[1], [2496 / 1872], [1, 38, 52], [""]],
  SALDO: [[2010, 1433.7], [222, 806 / 36 * 10], [col(1, 2, 3), 10], ["", 1]],
  UREN_PER_PM: [[222, 37], [222, col("A", "B", "", "C")], [100, 0], [100, ""]],
  NORM: [["BELEIDSUREN_PER_KINDERCENTRUM"], ["VE", 2021], ["VE", 2022], ["onzin"], ["ve_aanbod", 2021]],
};

describe("both builds expose the same functions with the same parameters", () => {
  test.each(CATALOGUE.map((f) => f.name))("%s", (name) => {
    const spec = CATALOGUE.find((f) => f.name === name)!;
    const meta = excel.metadata.functions.find((f) => f.id === name);
    expect(meta).toBeDefined();
    expect(meta!.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    expect(meta!.parameters.map((p) => !!p.optional)).toEqual(spec.params.map((p) => p.optional));
    const fn = (sheets as Record<string, unknown>)[`IKK_${name}`];
    expect(typeof fn).toBe("function");
    const src = String(fn);
    const params = src.slice(src.indexOf("(") + 1, src.indexOf(")")).split(",").map((s) => s.trim()).filter(Boolean);
    expect(params).toEqual(spec.params.map((p) => p.name));
  });

  test("every catalogue function has parity cases", () => {
    expect(Object.keys(CASES).sort()).toEqual(CATALOGUE.map((f) => f.name).sort());
  });
});

describe("same arguments, same result or same Dutch error", () => {
  const rows = Object.entries(CASES).flatMap(([name, list]) => list.map((args) => [name, args] as const));
  test.each(rows)("%s %j", (name, args) => {
    const e = callExcel(name, args);
    const s = callSheets(name, args);
    expect(e).toEqual(s);
    if ("error" in s) expect(s.error).toMatch(/[a-zë]{3,}/); // a sentence, not a code
  });

  test("the worked examples come out the same in both", () => {
    expect(callExcel("BELEIDSUREN", [16])).toEqual({ value: 800 });
    expect(callSheets("COACHUREN", [42.37])).toEqual({ value: 423.7 });
    expect(callExcel("VE_UREN", [21])).toEqual({ value: 210 });
    expect(callSheets("MINIMUMUREN", [16, 42.37, col(6, 4, 6, 5), 2026])).toEqual({ value: 1433.7 });
  });
});
