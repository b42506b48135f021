/**
 * The installable CLI: `npm pack` gives a tarball that installs with `npm install -g` into a
 * temporary prefix, offline and with an empty npm cache (its runtime dependencies travel in
 * the tarball: bundleDependencies), and the installed `ikk-normen` checks a workbook that
 * lies outside this repository. The pack uses the CLI already built by `npm run build`
 * (npm test builds first); the package's own prepack script builds it for a bare `npm pack`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { EXAMPLES, ROOT } from "./helpers/xlsx";

jest.setTimeout(300_000);

let tmp: string;
let tarball: string;
let packed: { files: { path: string }[] };
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** An environment without this repository: PATH has only node and the temporary prefix. */
function cleanEnv(prefix: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: [path.join(prefix, "bin"), path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter),
    HOME: home,
    LANG: "C.UTF-8",
  };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "ikk-normen.js"))) {
    throw new Error("dist/cli/ikk-normen.js is missing: run `npm run build` first (npm test does).");
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-pack-"));
  const pack = spawnSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const info = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info[0];
  tarball = path.join(tmp, info[0].filename.replace(/^.*[\\/]/, ""));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("the tarball holds the launcher, the built CLI and its runtime dependencies, not the sources", () => {
  expect(fs.existsSync(tarball)).toBe(true);
  const files = packed.files.map((f) => f.path);
  expect(files).toContain("bin/ikk-normen.js");
  expect(files).toContain("dist/cli/ikk-normen.js");
  expect(files).toContain("package.json");
  for (const dep of ["commander", "exceljs", "zod"]) expect(files.some((f) => f.startsWith(`node_modules/${dep}/`))).toBe(true);
  expect(files.some((f) => /^(test|shared|cli|excel-addin|sheets-addon|demo|scripts)\//.test(f))).toBe(false);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(pkg.private).toBe(true); // never published by accident; pack still works
  expect(pkg.scripts.prepack).toMatch(/webpack .*--config-name cli/);
});

test("installs offline with an empty cache into a temporary prefix and checks a workbook elsewhere", () => {
  const prefix = path.join(tmp, "prefix");
  const cache = path.join(tmp, "lege-cache");
  const work = path.join(tmp, "ergens-anders");
  fs.mkdirSync(prefix);
  fs.mkdirSync(cache);
  fs.mkdirSync(work);
  const install = spawnSync(NPM, ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, "--cache", cache, tarball], {
    cwd: work,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...cleanEnv(prefix, work), npm_config_userconfig: path.join(work, ".npmrc-leeg") },
  });
  expect(install.stderr).not.toMatch(/ENOTCACHED|ERR!/);
  expect(install.status).toBe(0);

  const bin = path.join(prefix, "bin", process.platform === "win32" ? "ikk-normen.cmd" : "ikk-normen");
  expect(fs.existsSync(bin)).toBe(true);
  fs.copyFileSync(path.join(EXAMPLES, "plan-2026.xlsx"), path.join(work, "plan.xlsx"));
  fs.copyFileSync(path.join(EXAMPLES, "plan-2024.xlsx"), path.join(work, "oud.xlsx"));

  // `ikk-normen` found on PATH, run from a folder without this repository.
  const run = spawnSync("ikk-normen", ["check", "plan.xlsx"], { cwd: work, encoding: "utf8", timeout: 60_000, env: cleanEnv(prefix, work) });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Oordeel: in orde/i);

  // The summary workbook needs exceljs from the tarball too.
  const batch = spawnSync("ikk-normen", ["check", "plan.xlsx", "oud.xlsx", "--overzicht", "overzicht.xlsx"], { cwd: work, encoding: "utf8", timeout: 60_000, env: cleanEnv(prefix, work) });
  expect(batch.status).toBe(1); // the 2024 plan has errors: the worst of the files
  expect(fs.statSync(path.join(work, "overzicht.xlsx")).size).toBeGreaterThan(1000);
});
