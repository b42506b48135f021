/**
 * The generator of excel-addin/generated/functions.ts: one JSDoc'd declaration per
 * catalogue entry, and the file on disk is current (run `npm run generate` first).
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOGUE } from "../shared/catalogue";
import { generateFunctionsSource } from "../excel-addin/generate";

const GENERATED = path.join(__dirname, "..", "excel-addin", "generated", "functions.ts");
const source = generateFunctionsSource();

/** The JSDoc block and declaration line of one generated function. */
function block(name: string): { doc: string; decl: string } {
  const m = source.match(new RegExp(`/\\*\\*\\n((?: \\*.*\\n)*?) \\*/\\nexport function ${name}\\((.*)\\)`));
  if (!m) throw new Error(`no declaration for ${name}`);
  return { doc: m[1], decl: m[2] };
}

describe("excel-addin/generate.ts", () => {
  test("the generated file on disk is up to date", () => {
    expect(fs.readFileSync(GENERATED, "utf8")).toBe(source);
  });

  test("one function declaration per catalogue entry, and no others", () => {
    const declared = [...source.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
    expect(declared).toEqual(CATALOGUE.map((f) => f.name));
  });

  test("JSDoc: @customfunction id, Dutch description, typed and bracketed parameters, return type", () => {
    for (const spec of CATALOGUE) {
      const { doc, decl } = block(spec.name);
      expect(doc).toContain(` * ${spec.description}\n`);
      expect(doc).toContain(` * @customfunction ${spec.name}\n`);
      for (const p of spec.params) {
        const type = p.range ? "any[][]" : "any";
        const name = p.optional ? `[${p.name}]` : p.name;
        expect(doc).toContain(` * @param {${type}} ${name} ${p.description}\n`);
        expect(decl).toContain(`${p.name}${p.optional ? "?" : ""}: ${type}`);
      }
      expect(doc).toContain(` * @returns {${spec.result === "matrix" ? "any[][]" : spec.result === "text" ? "string" : "number"}}\n`);
      expect(decl.split(",").filter((s) => s.trim()).length).toBe(spec.params.length);
    }
  });

  test("bodies only forward to the runner", () => {
    for (const spec of CATALOGUE) {
      const runner = spec.result === "matrix" ? "runMatrix" : "run";
      expect(source).toContain(`return ${runner}("${spec.name}", [${spec.params.map((p) => p.name).join(", ")}])`);
    }
  });
});
