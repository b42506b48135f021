/**
 * The compiler enforces the boundaries between areas: shared/ (core) sees no DOM, Node, Office
 * or Apps Script types; shared/panel sees the DOM but no host types; each host sees only its
 * own. Checked on the files each area's tsconfig pulls in (tsc --listFilesOnly, so a package
 * that drags in @types/node is caught too) and with a probe file that uses host globals.
 * `npm run typecheck` compiles every area.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

function tsc(args: string[]) {
  const run = spawnSync(process.execPath, [TSC, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Which host type packages and DOM lib an area's compilation contains. */
function hostTypesOf(project: string): string[] {
  const run = tsc(["-p", project, "--listFilesOnly"]);
  expect(run.status).toBe(0);
  const found = new Set<string>();
  for (const line of run.output.split("\n")) {
    const types = /node_modules\/@types\/([a-z-]+)\//.exec(line);
    if (types && ["node", "office-js", "custom-functions-runtime", "google-apps-script", "jest"].includes(types[1])) found.add(types[1]);
    if (/lib\.dom\.d\.ts$/.test(line.trim())) found.add("DOM");
  }
  return [...found].sort();
}

describe("tsconfig per area", () => {
  test.each([
    ["shared/tsconfig.json", []],
    ["shared/tsconfig.panel.json", ["DOM"]],
    ["excel-addin/tsconfig.json", ["DOM", "custom-functions-runtime", "office-js"]],
    ["sheets-addon/tsconfig.json", ["DOM", "google-apps-script"]],
    ["demo/tsconfig.json", ["DOM"]],
    ["cli/tsconfig.json", ["node"]],
  ])("%s sees only %j", (project, expected) => {
    expect(hostTypesOf(project)).toEqual(expected);
  }, 120_000);

  test("shared/ core rejects Node, DOM, Office and Apps Script globals", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-tsconfig-"));
    try {
      fs.writeFileSync(
        path.join(dir, "probe.ts"),
        [
          'export const a = Buffer.from("x");',
          "export const b = process.env.X;",
          "export const c = document.title;",
          "export const d = Office.context;",
          "export const e = SpreadsheetApp.getActive();",
          "export const f = 1 + 1;",
        ].join("\n"),
      );
      fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ extends: path.join(ROOT, "shared", "tsconfig.json"), include: [], files: ["probe.ts"] }),
      );
      const run = tsc(["--noEmit", "-p", path.join(dir, "tsconfig.json")]);
      expect(run.status).not.toBe(0);
      for (const name of ["Buffer", "process", "document", "Office", "SpreadsheetApp"]) {
        expect(run.output).toContain(`Cannot find name '${name}'`);
      }
      expect(run.output).not.toMatch(/probe\.ts\(6,/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
