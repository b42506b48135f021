/**
 * The unverified counting rules as options (domain.md, "Who counts in the fte"): BBL
 * students and a beleidsmedewerker who also works on the group count by default; `--bbl
 * nee` / `--pbm-op-groep nee` or the mapping's `opties` leave them out; a flag wins over
 * the mapping; the text and the JSON say which value was applied and where it came from.
 */
import * as fs from "fs";
import * as path from "path";
import { parseMapping, withMappingOptions } from "../shared/validate/mapping";
import type { JsonReport } from "../shared/validate";
import { isIkkError } from "../shared/errors";
import { EXAMPLES, makeTempDir, runCli } from "./helpers/xlsx";

const PLAN_2024 = path.join(EXAMPLES, "plan-2024.xlsx");
let dir: string;
beforeAll(() => {
  dir = makeTempDir("cli-opties");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function mapping(content: unknown): string {
  const file = path.join(dir, `koppeling-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

const json = (args: string[]): JsonReport => JSON.parse(runCli(["check", PLAN_2024, "--json", ...args]).stdout) as JsonReport;

describe("the mapping's opties", () => {
  test("bbl and pbmOpGroep are booleans under opties; each may be left out", () => {
    expect(parseMapping({ versie: 1, opties: { bbl: false, pbmOpGroep: true } }).options).toEqual({ countBbl: false, countPolicyOfficerOnGroup: true });
    expect(parseMapping({ versie: 1, opties: { pbmOpGroep: false } }).options).toEqual({ countPolicyOfficerOnGroup: false });
    expect(parseMapping({ versie: 1 }).options).toBeUndefined();
  });

  test.each([
    [{ versie: 1, opties: { bbl: "nee" } }, "veld 'opties.bbl' heeft het verkeerde type (verwacht: true of false)"],
    [{ versie: 1, opties: { bbl: true, leerlingen: false } }, "veld 'opties' bevat onbekende velden: leerlingen"],
  ])("a wrong opties entry is a Dutch error naming the field: %j", (input, message) => {
    try {
      parseMapping(input);
      throw new Error("expected an error");
    } catch (e) {
      expect(isIkkError(e)).toBe(true);
      expect((e as Error).message).toContain(message);
    }
  });

  test("a flag wins over the mapping; the mapping over the default (count)", () => {
    const m = parseMapping({ versie: 1, opties: { bbl: false, pbmOpGroep: false } });
    const { options, applied } = withMappingOptions({ countBbl: true }, m);
    expect(options).toEqual({ countBbl: true, countPolicyOfficerOnGroup: false });
    expect(applied).toEqual({ countBbl: { value: true, source: "option" }, countPolicyOfficerOnGroup: { value: false, source: "mapping" } });
    expect(withMappingOptions({}, null).applied).toEqual({
      countBbl: { value: true, source: "default" },
      countPolicyOfficerOnGroup: { value: true, source: "default" },
    });
  });
});

describe("the 2024 example (806 h per week, of which 12 h by BBL students)", () => {
  test("default: BBL counts (806 ÷ 36 fte), and the JSON says so", () => {
    const r = json([]);
    expect(r.inputs.fte).toBeCloseTo(806 / 36, 12);
    expect(r.options).toEqual({ countBbl: { value: true, source: "default" }, countPolicyOfficerOnGroup: { value: true, source: "default" } });
  });

  test("--bbl nee lowers the fte by exactly the BBL rows: (806 − 12) ÷ 36", () => {
    const r = json(["--bbl", "nee"]);
    expect(r.inputs.fte).toBeCloseTo((806 - 12) / 36, 12);
    expect(r.required.coaching).toBeCloseTo(((806 - 12) / 36) * 10, 9);
    expect(r.options?.countBbl).toEqual({ value: false, source: "option" });
  });

  test("the mapping's opties.bbl false does the same, and says it came from the mapping", () => {
    const r = json(["--map", mapping({ versie: 1, opties: { bbl: false } })]);
    expect(r.inputs.fte).toBeCloseTo((806 - 12) / 36, 12);
    expect(r.options?.countBbl).toEqual({ value: false, source: "mapping" });
  });

  test("--bbl ja wins over the mapping's false", () => {
    const r = json(["--bbl", "ja", "--map", mapping({ versie: 1, opties: { bbl: false } })]);
    expect(r.inputs.fte).toBeCloseTo(806 / 36, 12);
    expect(r.options?.countBbl).toEqual({ value: true, source: "option" });
  });

  test("the text report says which was applied and where it came from", () => {
    const text = runCli(["check", PLAN_2024, "--map", mapping({ versie: 1, opties: { bbl: false } }), "--pbm-op-groep", "nee"]).stdout;
    expect(text).toContain("  BBL-studenten: tellen niet mee in de fte (uit de koppeling)");
    expect(text).toContain("  Beleidsmedewerker die ook op de groep werkt: telt niet mee in de fte (opgegeven met --pbm-op-groep)");
    expect(runCli(["check", PLAN_2024]).stdout).toContain("  BBL-studenten: tellen mee in de fte (standaard)");
  });

  test("a batch applies the same options to every file and says so in each", () => {
    const list = JSON.parse(runCli(["check", PLAN_2024, PLAN_2024, "--json", "--bbl", "nee"]).stdout) as Array<JsonReport & { file: string }>;
    expect(list).toHaveLength(2);
    for (const r of list) {
      expect(r.inputs.fte).toBeCloseTo((806 - 12) / 36, 12);
      expect(r.options?.countBbl).toEqual({ value: false, source: "option" });
    }
  });
});

describe("the mapping's opties in the engine itself (the panel's stored mapping)", () => {
  // The panel passes its stored mapping straight to checkWorkbook; the opties must apply
  // there too, and an option given by the panel (a checkbox set to nee) wins.
  const { checkWorkbook } = require("../shared/validate") as typeof import("../shared/validate");
  const { PLAN_2024: SNAPSHOT } = require("../examples/plan-2024") as typeof import("../examples/plan-2024");
  const fte = (options: Parameters<typeof checkWorkbook>[1]) => checkWorkbook(SNAPSHOT, options).inputs.fte?.value;

  test("opties.bbl false lowers the fte exactly as countBbl false does", () => {
    const base = fte({});
    const byOption = fte({ countBbl: false });
    expect(byOption).toBeLessThan(base!);
    expect(fte({ mapping: { versie: 1, opties: { bbl: false } } })).toBe(byOption);
  });

  test("a given option wins over the mapping's opties", () => {
    expect(fte({ countBbl: true, mapping: { versie: 1, opties: { bbl: false } } })).toBe(fte({}));
  });
});
