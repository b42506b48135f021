/**
 * The Apps Script manifest (sheets-addon/appsscript.json and its copy in dist/sheets)
 * and the clasp files: the add-on asks for exactly the two scopes it needs, runs on V8.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const SOURCE = path.join(ROOT, "sheets-addon", "appsscript.json");
const BUILT = path.join(ROOT, "dist", "sheets", "appsscript.json");

const SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
];

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

describe.each([
  ["sheets-addon/appsscript.json", SOURCE],
  ["dist/sheets/appsscript.json", BUILT],
])("%s", (_label, file) => {
  const manifest = () => readJson(file);

  test("has exactly the two scopes: current spreadsheet and container UI", () => {
    const scopes: string[] = manifest().oauthScopes;
    expect(scopes).toHaveLength(2);
    expect([...scopes].sort()).toEqual([...SCOPES].sort());
  });

  test("runs on V8 in Europe/Amsterdam, logging exceptions to Stackdriver", () => {
    const m = manifest();
    expect(m.runtimeVersion).toBe("V8");
    expect(m.timeZone).toBe("Europe/Amsterdam");
    expect(m.exceptionLogging).toBe("STACKDRIVER");
  });
});

test("the build copies the manifest unchanged", () => {
  expect(readJson(BUILT)).toEqual(readJson(SOURCE));
});

describe("clasp", () => {
  test(".clasp.json.example points at the build folder and holds no real script id", () => {
    const example = readJson(path.join(ROOT, "sheets-addon", ".clasp.json.example"));
    expect(example).toEqual({ scriptId: "JOUW_SCRIPT_ID", rootDir: "dist/sheets" });
  });

  test("dist/sheets/.claspignore lets through only the files Apps Script needs", () => {
    const lines = fs.readFileSync(path.join(ROOT, "dist", "sheets", ".claspignore"), "utf8").split("\n").filter(Boolean);
    expect(lines[0]).toBe("**/**");
    const kept = lines.filter((l) => l.startsWith("!")).map((l) => l.slice(1)).sort();
    expect(kept).toEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
    for (const f of kept) expect(fs.existsSync(path.join(ROOT, "dist", "sheets", f))).toBe(true);
  });

  // clasp 3 lists what it would push without a login (show-file-status reads only local
  // files). Run in a temporary project with a dummy script id and an empty HOME, so no
  // credentials are read; a stray file in the build folder must stay behind.
  test("clasp show-file-status (offline) would push exactly Code.js, Sidebar.html and appsscript.json", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-clasp-"));
    try {
      const home = path.join(tmp, "home");
      const project = path.join(tmp, "project");
      fs.mkdirSync(home);
      fs.mkdirSync(path.join(project, "dist"), { recursive: true });
      fs.cpSync(path.join(ROOT, "dist", "sheets"), path.join(project, "dist", "sheets"), { recursive: true });
      fs.writeFileSync(path.join(project, "dist", "sheets", "stray.js"), "// not part of the add-on\n");
      fs.writeFileSync(path.join(project, ".clasp.json"), JSON.stringify({ scriptId: "JOUW_SCRIPT_ID", rootDir: "dist/sheets" }));
      const clasp = path.join(ROOT, "node_modules", ".bin", "clasp");
      const out = execFileSync(clasp, ["show-file-status", "--json", "--ignore", "dist/sheets"], {
        cwd: project,
        env: { ...process.env, HOME: home, USERPROFILE: home },
        encoding: "utf8",
        timeout: 60_000,
      });
      const status = JSON.parse(out.trim().split("\n").pop()!);
      expect([...status.filesToPush].sort()).toEqual(["dist/sheets/Code.js", "dist/sheets/Sidebar.html", "dist/sheets/appsscript.json"]);
      expect(status.untrackedFiles).toContain("dist/sheets/stray.js");
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 90_000);
});
