/**
 * The built Excel custom functions (dist/excel/functions.js + functions.json), run the
 * way Excel runs them: the script is loaded in a fresh VM context whose only host global
 * is a fake CustomFunctions that records associate(id, fn); functions are then called
 * with the arguments Excel passes (2-D arrays for range parameters, null for omitted
 * optional ones). Expected values come from the shared calc functions or from the
 * worked examples in docs/domain.md. Runs after `npm run build`.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { CATALOGUE, callFunction } from "../shared/catalogue";
import * as calc from "../shared/calc";
import { IkkError } from "../shared/errors";

const DIST = path.join(__dirname, "..", "dist", "excel");

/** Stand-in for Office's CustomFunctions.Error (same shape: code + message). */
class FakeCustomFunctionError {
  readonly type = "CustomFunctionError";
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

type Fn = (...args: unknown[]) => unknown;
const bound = new Map<string, Fn>();
const associateCalls: string[] = [];

interface JsonParam { name: string; description?: string; optional?: boolean; dimensionality?: string; type?: string }
interface JsonFunction { id: string; name: string; description: string; parameters: JsonParam[]; result: { type?: string; dimensionality?: string } }
let metadata: { functions: JsonFunction[] };

beforeAll(() => {
  const script = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  const CustomFunctions = {
    associate(id: string, fn: Fn) {
      associateCalls.push(id);
      bound.set(id, fn);
    },
    Error: FakeCustomFunctionError,
    ErrorCode,
  };
  // Only CustomFunctions (and console): any other host global the bundle touched would throw here.
  const context = vm.createContext({ CustomFunctions, console });
  vm.runInContext(script, context, { filename: "functions.js" });
});

type Outcome = { value: unknown } | { error: FakeCustomFunctionError };

/** Calls a bound function as Excel would and captures a thrown or returned CustomFunctions.Error. */
function excel(id: string, ...args: unknown[]): Outcome {
  const fn = bound.get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  try {
    const value = fn(...args);
    if (value instanceof FakeCustomFunctionError) return { error: value };
    return { value };
  } catch (e) {
    if (e instanceof FakeCustomFunctionError) return { error: e };
    throw e; // anything else escaping to Excel would be a bug
  }
}

function value(o: Outcome): unknown {
  if ("error" in o) throw new Error(`expected a value, got ${o.error.code} ${o.error.message}`);
  return o.value;
}

function error(o: Outcome): FakeCustomFunctionError {
  if (!("error" in o)) throw new Error(`expected an error, got ${JSON.stringify(o.value)}`);
  return o.error;
}

/** The Dutch message the shared core gives for the same arguments. */
function sharedMessage(name: string, args: unknown[]): string {
  try {
    callFunction(name, args);
  } catch (e) {
    expect(e).toBeInstanceOf(IkkError);
    return (e as IkkError).message;
  }
  throw new Error(`shared ${name} did not fail`);
}

/** Asserts an Excel #VALUE! error with exactly the shared Dutch message. */
function expectDutchError(name: string, args: unknown[]): string {
  const err = error(excel(name, ...args));
  expect(err.code).toBe(ErrorCode.invalidValue);
  expect(err.message).toBe(sharedMessage(name, args));
  return err.message!;
}

describe("functions.js binding and functions.json metadata", () => {
  test("every function in functions.json is associated exactly once, and nothing else", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(ids.length).toBe(CATALOGUE.length);
    expect([...associateCalls].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(typeof bound.get(id)).toBe("function");
  });

  test("functions.json matches the catalogue: names, Dutch descriptions, parameters, result shape", () => {
    for (const spec of CATALOGUE) {
      const fn = metadata.functions.find((f) => f.id === spec.name);
      expect(fn).toBeDefined();
      expect(fn!.name).toBe(spec.name);
      expect(fn!.description).toBe(spec.description);
      expect(fn!.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      fn!.parameters.forEach((p, i) => {
        const want = spec.params[i];
        expect({ name: p.name, optional: p.optional === true, matrix: p.dimensionality === "matrix", description: p.description }).toEqual({
          name: want.name,
          optional: want.optional,
          matrix: want.range,
          description: want.description,
        });
      });
      expect(fn!.result.dimensionality === "matrix").toBe(spec.result === "matrix");
      if (spec.result === "number") expect(fn!.result.type).toBe("number");
      // Excel passes every declared parameter; the bound function takes them all.
      expect(bound.get(spec.name)!.length).toBe(spec.params.length);
    }
  });

  test("optional parameters only come after the required ones", () => {
    for (const fn of metadata.functions) {
      const flags = fn.parameters.map((p) => p.optional === true);
      expect(flags).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
    }
  });
});

describe("worked examples from the 2026 plan (docs/domain.md)", () => {
  test("=IKK.BELEIDSUREN(16) = 800", () => {
    const got = value(excel("BELEIDSUREN", [[16]], null));
    expect(got).toBe(800);
    expect(got).toBe(calc.policyHours(16));
  });

  test("=IKK.COACHUREN(42,37) = 423,7 exactly", () => {
    const got = value(excel("COACHUREN", [[42.37]], null));
    expect(got).toBe(423.7);
    expect(got).toBe(calc.coachingHours(42.37));
  });

  test("=IKK.VE_UREN(21) = 210 as a 1×1 matrix (the function returns a 2-D result)", () => {
    const got = value(excel("VE_UREN", [[21]], null));
    expect(got).toEqual([[210]]);
    expect(got).toEqual([[calc.veHours(21)]]);
    // A plain number (not how Excel passes a range parameter) still gives the declared 2-D shape.
    expect(value(excel("VE_UREN", 21, null))).toEqual([[210]]);
  });

  test("=IKK.VE_UREN over the four VE locations gives one result per cell: 60, 40, 60, 50", () => {
    const got = value(excel("VE_UREN", [[6], [4], [6], [5]], 2026));
    expect(got).toEqual([[60], [40], [60], [50]]);
    expect(got).toEqual([6, 4, 6, 5].map((n) => [calc.veHours(n, 2026)]));
  });

  test("=IKK.MINIMUMUREN(16; 42,37; 21) = 1 433,7, also with toddlers per location", () => {
    expect(value(excel("MINIMUMUREN", [[16]], [[42.37]], [[21]], null))).toBe(1433.7);
    expect(value(excel("MINIMUMUREN", [[16]], [[42.37]], [[6], [4], [6], [5]], [[2026]]))).toBe(1433.7);
    expect(value(excel("MINIMUMUREN", [[16]], [[42.37]], [[21]], null))).toBe(calc.requiredHours(16, 42.37, [21]).total);
  });

  test("2024 plan: 806 h/week ÷ 36 → 22,39 fte, no rounding", () => {
    const fte = value(excel("FTE", [[806]], null));
    expect(fte).toBe(calc.fteFromWeeklyHours(806));
    expect(value(excel("COACHUREN", [[fte]], [[2024]]))).toBe(calc.coachingHours(calc.fteFromWeeklyHours(806), 2024));
  });

  test("Dutch number text and ranges of LRK numbers are read like the shared core reads them", () => {
    expect(value(excel("COACHUREN", [["42,37"]], null))).toBe(423.7);
    const lrk = [["123456789"], ["123456789"], ["987654321"], [""]];
    expect(value(excel("BELEIDSUREN", lrk, null))).toBe(calc.policyHours(2));
  });

  test("every other function gives what the shared catalogue gives", () => {
    const cases: [string, unknown[]][] = [
      ["FLEX_FTE", [[[468], [234]], null, null]],
      ["FORMATIE_UREN", [[[1.33]], null, null]],
      ["SALDO", [[[2010]], [[1433.7]]]],
      ["UREN_PER_PM", [[[222]], [["Anna"], ["Bram"], ["Cem"]]]],
      ["NORM", ["COACHUREN_PER_FTE", 2026]],
    ];
    for (const [name, args] of cases) {
      expect(value(excel(name, ...args))).toEqual(callFunction(name, args));
    }
    expect(value(excel("FORMATIE_UREN", [[1.33]], null, null))).toBe(2489.76);
  });
});

describe("bad input gives #VALUE! with the Dutch message", () => {
  test("VE_UREN(21; 2021): the VE norm only exists from 2022", () => {
    const message = expectDutchError("VE_UREN", [[[21]], 2021]);
    expect(message).toContain("2022");
    expect(message).toMatch(/VE-norm/);
  });

  test("a year before 2019 has no norm", () => {
    expect(expectDutchError("BELEIDSUREN", [[[16]], 2018])).toContain("2019");
  });

  test("text where a number belongs", () => {
    const message = expectDutchError("COACHUREN", [[["veel"]], null]);
    expect(message).toMatch(/moet een getal zijn/);
    expect(message).toContain('"veel"');
    expect(expectDutchError("VE_UREN", [[[6], ["vier"]], null])).toMatch(/rij 2, kolom 1/);
  });

  test("error cells such as #REF! (as text or as a CustomFunctions.Error value)", () => {
    expect(expectDutchError("COACHUREN", [[[1], ["#REF!"]], null])).toMatch(/foutwaarde #REF!/);
    expect(expectDutchError("BELEIDSUREN", [[["#VERW!"]], null])).toMatch(/foutwaarde #VERW!/);
    const refError = new FakeCustomFunctionError(ErrorCode.invalidReference);
    expect(expectDutchError("COACHUREN", [[[1], [refError]], null])).toMatch(/foutwaarde #REF!/);
  });

  test("negative numbers and counts with decimals", () => {
    expect(expectDutchError("BELEIDSUREN", [[[-1]], null])).toMatch(/negatief/);
    expect(expectDutchError("COACHUREN", [[[10], [-5]], null])).toMatch(/negatief/);
    expect(expectDutchError("VE_UREN", [[[2.5]], null])).toMatch(/heel getal/);
  });

  test("empty input: blank cells as Excel passes them (null or empty text)", () => {
    // An empty required input is a Dutch error, never a silent 0.
    for (const blank of [null, ""]) {
      expect(expectDutchError("BELEIDSUREN", [[[blank]], null])).toMatch(/kindercentra ontbreekt/);
      expect(expectDutchError("COACHUREN", [[[blank], [blank]], null])).toMatch(/fte ontbreekt/);
      expect(expectDutchError("VE_UREN", [[[blank]], null])).toMatch(/doelgroeppeuters ontbreekt/);
    }
    expect(expectDutchError("UREN_PER_PM", [[[222]], [[null]]])).toMatch(/ontbreekt/);
    expect(expectDutchError("UREN_PER_PM", [[[222]], [[""], [""]]])).toMatch(/0/);
    expect(expectDutchError("NORM", [null, null])).toMatch(/Onbekende norm/);
  });

  test("a range where one value belongs", () => {
    expect(expectDutchError("FTE", [[[36]], [[36, 40]]])).toMatch(/één waarde/);
  });

  test("an unexpected failure is still a #VALUE! with a Dutch message", () => {
    const unreadable = { toString: () => { throw new TypeError("kapot"); } };
    const err = error(excel("BELEIDSUREN", [["A"], [unreadable]], null));
    expect(err.code).toBe(ErrorCode.invalidValue);
    expect(err.message).toBe("Onverwachte fout in IKK.BELEIDSUREN: kapot");
  });
});

describe("large ranges", () => {
  const ROWS = 100;
  const COLS = 100;
  const grid = Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLS }, (_, c) => (r * COLS + c) % 7));

  test("VE_UREN over a 10 000-cell range in one call returns a 100×100 result", () => {
    const started = Date.now();
    const got = value(excel("VE_UREN", grid, null)) as number[][];
    const ms = Date.now() - started;
    expect(got).toHaveLength(ROWS);
    for (let r = 0; r < ROWS; r++) {
      expect(got[r]).toHaveLength(COLS);
      for (let c = 0; c < COLS; c++) expect(got[r][c]).toBe(calc.veHours(grid[r][c]));
    }
    expect(ms).toBeLessThan(2000);
  });

  test("COACHUREN sums a 10 000-cell range in one call", () => {
    const ones = grid.map((row) => row.map(() => 1));
    expect(value(excel("COACHUREN", ones, null))).toBe(calc.coachingHours(ROWS * COLS));
    const withText = grid.map((row) => [...row]) as unknown[][];
    withText[99][42] = "n.v.t.";
    expect(expectDutchError("COACHUREN", [withText, null])).toMatch(/rij 100, kolom 43/);
  });
});
