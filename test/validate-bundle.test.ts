/**
 * The engine's browser bundle size: the Excel task pane and the Sheets sidebar include
 * shared/validate, so the mapping validator must use zod's tree-shakable API (zod/mini),
 * not the classic one with its methods and 60+ locales. Bundled here the way those hosts
 * bundle it (webpack production, ts-loader emitting ES modules so webpack can tree-shake).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

const ROOT = path.join(__dirname, "..");
/**
 * The engine alone: ~131 KB with classic zod in this build, ~67 KB with zod/mini at first;
 * ~92 KB once the English vocabulary, category lists and column mapping came in, ~101 KB with
 * the verdict, hidden sheets and the selection mapping, ~127 KB with the staff functions,
 * VE per location and turned tables (issue 8), ~151 KB with the formation list, leave and
 * money (issue 10), ~179 KB with the realisation (issue 12: realisation lists, months, the
 * pro-rata comparison and its Dutch messages). Classic zod adds ~64 KB, so this bound still catches it.
 */
const MAX_ENGINE_BYTES = 196 * 1024;

interface Built {
  bytes: number;
  code: string;
  modules: string[];
}

function bundleEngine(outDir: string): Promise<Built> {
  const compiler = webpack({
    mode: "production",
    target: "web",
    context: ROOT,
    entry: { engine: path.join(ROOT, "shared", "validate", "index.ts") },
    output: { path: outDir, filename: "[name].js", library: { name: "engine", type: "var" } },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          exclude: /node_modules/,
          options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json"), compilerOptions: { module: "esnext", sourceMap: false } },
        },
      ],
    },
    devtool: false,
    performance: { hints: false },
  });
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString("errors-only") ?? "webpack gaf geen resultaat"));
      const json = stats.toJson({ modules: true, nestedModules: true });
      const names: string[] = [];
      const walk = (ms: webpack.StatsModule[] | undefined) => {
        for (const m of ms ?? []) {
          if (m.name) names.push(m.name);
          walk(m.modules);
        }
      };
      walk(json.modules);
      const file = path.join(outDir, "engine.js");
      resolve({ bytes: fs.statSync(file).size, code: fs.readFileSync(file, "utf8"), modules: names });
    });
  });
}

describe("engine bundle for the browser hosts", () => {
  let built: Built;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-engine-bundle-"));
    built = await bundleEngine(dir);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("uses zod/mini, and no zod locale text ends up in the code", () => {
    const zod = built.modules.filter((m) => m.includes("node_modules/zod/"));
    expect(zod.some((m) => m.includes("zod/v4/mini/"))).toBe(true);
    expect(zod.filter((m) => m.includes("zod/v4/classic/"))).toEqual([]);
    // Locale modules may be listed by webpack but must be shaken out of the output.
    expect(built.code).not.toContain("Ungültige Eingabe"); // German locale
    expect(built.code).not.toContain("Invalid input: expected"); // English locale
    expect(built.code).toContain("moet een bereik zijn, zoals A3:F20"); // our Dutch messages are
  });

  test(`is at most ${MAX_ENGINE_BYTES / 1024} KB`, () => {
    expect(built.bytes).toBeLessThanOrEqual(MAX_ENGINE_BYTES);
  });
});
