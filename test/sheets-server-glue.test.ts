/**
 * The glue between the sidebar and the server half, generated instead of kept in step by
 * hand: SERVER_FUNCTIONS (sheets-addon/server.ts) is the one list; generate.ts writes a
 * top-level wrapper per entry into generated/server.js (part of the built Code.gs), and
 * ServerApi (server-api.ts) is derived from the table. Checked here on the built Code.gs
 * in a vm: every entry has its wrapper and nothing else looks like one, each wrapper has
 * the function's own parameter names, hands over the services and its arguments and
 * returns the result, and failures come out as plain Errors with Dutch messages.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { SERVER_FUNCTIONS } from "../sheets-addon/server";
import type { ServerApi, ServerFunctionName } from "../sheets-addon/server-api";
import { declaredParams, generateServer, SERVER_OUTPUT_FILE, serverDeclaration } from "../sheets-addon/generate";
import { IkkError } from "../shared/errors";
import { appsScriptGlobals, FakeSpreadsheet } from "./helpers/apps-script-fake";

const CODE_FILE = path.join(__dirname, "..", "dist", "sheets", "Code.gs");
const NAMES = Object.keys(SERVER_FUNCTIONS) as ServerFunctionName[];

function load() {
  const ss = new FakeSpreadsheet([{ name: "Blad1", values: [[1]] }]);
  const { globals } = appsScriptGlobals(ss);
  const context = vm.createContext({ ...globals });
  vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.gs" });
  const g = context as Record<string, unknown>;
  const server = (g.IKK as { server: Record<string, (...a: unknown[]) => unknown> }).server;
  return { g, server, ss, context };
}

/** Parameter names of a function from its source text. */
function paramsOf(fn: unknown): string[] {
  const m = /^function\s*[\w$]*\s*\(([^)]*)\)/.exec(String(fn));
  expect(m).not.toBeNull();
  return m![1].split(",").map((p) => p.trim()).filter(Boolean);
}

describe("SERVER_FUNCTIONS ↔ the top-level functions of the built Code.gs", () => {
  test("every server function has a top-level wrapper, and every public ikk… declaration is one of them", () => {
    const code = fs.readFileSync(CODE_FILE, "utf8");
    const declared = [...code.matchAll(/^function (ikk\w*)\s*\(/gm)].map((m) => m[1]);
    // Functions ending in "_" are private (google.script.run cannot call them): only ikkServices_.
    expect(declared.filter((n) => n.endsWith("_"))).toEqual(["ikkServices_"]);
    expect(declared.filter((n) => !n.endsWith("_")).sort()).toEqual([...NAMES].sort());
    const { g, server } = load();
    for (const name of NAMES) expect(typeof g[name]).toBe("function");
    expect(Object.keys(server).sort()).toEqual([...NAMES].sort());
    expect(NAMES.length).toBeGreaterThanOrEqual(10);
  });

  test.each(NAMES)("%s: the wrapper's parameters are the server function's, after the services", (name) => {
    const { g } = load();
    const own = declaredParams(SERVER_FUNCTIONS[name] as (...a: never[]) => unknown);
    expect(own[0]).toBe("s");
    expect(paramsOf(g[name])).toEqual(own.slice(1));
  });

  test.each(NAMES)("%s: hands the services and every argument to IKK.server and returns its result", (name) => {
    const { g, server, ss } = load();
    const seen: unknown[][] = [];
    server[name] = (...args: unknown[]) => {
      seen.push(args);
      return { from: name };
    };
    const args = paramsOf(g[name]).map((p, i) => `${p}-${i}`);
    expect((g[name] as (...a: unknown[]) => unknown)(...args)).toEqual({ from: name });
    expect(seen).toHaveLength(1);
    const [services, ...rest] = seen[0] as [{ spreadsheet: unknown; properties: () => unknown; formatDate: unknown }, ...unknown[]];
    expect(rest).toEqual(args);
    expect(services.spreadsheet).toBe(ss);
    expect(typeof services.properties).toBe("function");
    expect(typeof services.formatDate).toBe("function");
  });

  test("failures: an IkkError keeps its Dutch message, any other error gets the Dutch action around its first line; both as a plain Error", () => {
    const { g, server, context } = load();
    const ContextError = vm.runInContext("Error", context) as ErrorConstructor;
    server.ikkClearMarks = () => {
      throw new IkkError("ONBRUIKBAAR", "Iets in het Nederlands.");
    };
    server.ikkWriteReport = () => {
      throw new Error("Service Spreadsheets failed\n    at writeReport (Code.gs:1)");
    };
    const thrown = (fn: () => unknown): Error => {
      try {
        fn();
      } catch (e) {
        return e as Error;
      }
      throw new Error("expected a throw");
    };
    const a = thrown(() => (g.ikkClearMarks as () => unknown)());
    expect(a).toBeInstanceOf(ContextError);
    expect(a.name).toBe("Error");
    expect(a.message).toBe("Iets in het Nederlands.");
    const b = thrown(() => (g.ikkWriteReport as (r: unknown) => unknown)([["x"]]));
    expect(b.name).toBe("Error");
    expect(b.message).toBe("Google Spreadsheets gaf een fout bij het schrijven van het rapport: Service Spreadsheets failed");
  });
});

describe("generate.ts", () => {
  test("generated/server.js is what generateServer() writes now, and Code.gs holds it", () => {
    const text = generateServer();
    expect(fs.readFileSync(SERVER_OUTPUT_FILE, "utf8")).toBe(text);
    expect(fs.readFileSync(CODE_FILE, "utf8")).toContain(text.trim());
  });

  test("a wrapper passes its own parameter names on; unusable names and parameters are refused", () => {
    function example(s: unknown, sheetName: string, a1: string) {
      return [s, sheetName, a1];
    }
    expect(serverDeclaration("ikkExample", example)).toBe(
      [
        "function ikkExample(sheetName, a1) {",
        '  return IKK.serverCall("ikkExample", function () {',
        "    return IKK.server.ikkExample(ikkServices_(), sheetName, a1);",
        "  });",
        "}",
      ].join("\n"),
    );
    expect(() => serverDeclaration("ikkPrivate_", example)).toThrow(/not usable/);
    expect(() => serverDeclaration("listSheets", example)).toThrow(/not usable/);
    function withDefault(s: unknown, a = 1) {
      return [s, a];
    }
    expect(() => declaredParams(withDefault)).toThrow();
    expect(() => declaredParams(((s: unknown) => s) as (...a: never[]) => unknown)).toThrow(/plain function/);
  });
});

describe("ServerApi is derived from SERVER_FUNCTIONS", () => {
  test("same names; a call with the wrong arguments or to a missing function does not compile", () => {
    const keys: Record<keyof ServerApi, true> = Object.fromEntries(NAMES.map((n) => [n, true])) as Record<keyof ServerApi, true>;
    expect(Object.keys(keys).sort()).toEqual([...NAMES].sort());
    // Type-level checks (tsc and ts-jest fail on an unused @ts-expect-error): never run.
    const typeChecks = (api: ServerApi) => {
      // @ts-expect-error ikkReadSheet takes the sheet name as text
      api.ikkReadSheet(1);
      // @ts-expect-error ikkSelectCell takes the sheet and the A1 address
      api.ikkSelectCell("Blad1");
      // @ts-expect-error no such server function
      api.ikkNoSuchFunction();
      const settings: string | null = api.ikkLoadSettings();
      return settings;
    };
    expect(typeof typeChecks).toBe("function");
  });
});
