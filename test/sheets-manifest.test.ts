/**
 * The Apps Script manifest (sheets-addon/appsscript.json and its copy in dist/sheets),
 * the clasp files, and dist/sheets as the set of files a user pastes into a bound script:
 * the add-on asks for exactly the two scopes it needs and runs on V8; dist/sheets holds
 * exactly the files README's "Google Spreadsheets installeren" lists, and clasp's own file
 * selection (run offline) pushes exactly those, unchanged, under the same names.
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

// ---------------------------------------------------------------- clasp and copy/paste

const DIST = path.join(ROOT, "dist", "sheets");
const CLASP_BIN = path.join(ROOT, "node_modules", ".bin", "clasp");
const CLASP_CORE = path.join(ROOT, "node_modules", "@google", "clasp", "build", "src", "core", "clasp.js");

/** The files README's section "Google Spreadsheets installeren" tells users to paste: [file in dist/sheets, file in the editor]. */
function readmePasteList(): Array<[string, string]> {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("\n## Google Spreadsheets installeren");
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]);
}

/** The clasp command of `npm run push:sheets` (package.json), as arguments after "clasp". */
function pushScriptArgs(): string[] {
  const script: string = readJson(path.join(ROOT, "package.json")).scripts["push:sheets"];
  const words = script.trim().split(/\s+/);
  expect(words[0]).toBe("clasp");
  expect(words[words.length - 1]).toBe("push");
  return words.slice(1, -1);
}

/**
 * A throw-away clasp project: .clasp.json = sheets-addon/.clasp.json.example (what the
 * README tells clasp users to copy) and dist/sheets copied in; an empty HOME so no
 * credentials are read.
 */
function claspProject(): { dir: string; home: string; dispose(): void } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-clasp-"));
  const dir = path.join(tmp, "project");
  const home = path.join(tmp, "home");
  fs.mkdirSync(home);
  fs.mkdirSync(path.join(dir, "dist"), { recursive: true });
  fs.cpSync(DIST, path.join(dir, "dist", "sheets"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "sheets-addon", ".clasp.json.example"), path.join(dir, ".clasp.json"));
  return { dir, home, dispose: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

interface ClaspFile {
  localPath: string;
  remotePath: string;
  type: "SERVER_JS" | "HTML" | "JSON";
  source: string;
}

/**
 * clasp's own push selection, offline: initClaspInstance (reads .clasp.json: rootDir,
 * scriptExtensions; the ignore file given by --ignore, else clasp's DEFAULT_CLASP_IGNORE)
 * and Files.collectLocalFiles (walks rootDir, applies the ignore rules, keeps files whose
 * extension is a script/HTML extension or appsscript.json, names them without extension),
 * from node_modules/@google/clasp/build/src/core/clasp.js and core/files.js (clasp 3.4.1).
 * `clasp push` sends exactly these files (Files.push calls collectLocalFiles).
 */
function claspCollect(project: { dir: string; home: string }, ignoreFile: string | undefined): { files: ClaspFile[]; skipped: { localPath: string; reason: string }[] } {
  const script = [
    'import { pathToFileURL } from "url";',
    "const [core, ignoreFile] = process.argv.slice(1);",
    "const { initClaspInstance } = await import(pathToFileURL(core).href);",
    "const clasp = await initClaspInstance({ ignoreFile: ignoreFile || undefined });",
    "const { files, skipped } = await clasp.files.collectLocalFiles();",
    "process.stdout.write(JSON.stringify({ files: files.map((f) => ({ localPath: f.localPath, remotePath: f.remotePath, type: f.type, source: f.source })), skipped }));",
  ].join("\n");
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script, CLASP_CORE, ignoreFile ?? ""], {
    cwd: project.dir,
    env: { ...process.env, HOME: project.home, USERPROFILE: project.home },
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** The extension the Apps Script editor shows for a file of this clasp type. */
const EDITOR_EXTENSION: Record<ClaspFile["type"], string> = { SERVER_JS: ".gs", HTML: ".html", JSON: ".json" };

describe("dist/sheets: what clasp pushes is what the README tells users to paste", () => {
  test("the README's paste list names every file of dist/sheets, under the same name in the editor", () => {
    const list = readmePasteList();
    expect(list.map(([built]) => built).sort()).toEqual(["Code.gs", "Sidebar.html", "appsscript.json"]);
    for (const [built, editor] of list) expect(editor).toBe(built);
    // Nothing else in the folder: no .claspignore, no source map, no README (dotfiles included).
    expect(fs.readdirSync(DIST).sort()).toEqual(list.map(([built]) => built).sort());
  });

  test("clasp's file selection (its own code, offline) with `npm run push:sheets`'s options pushes exactly those files, unchanged", () => {
    const project = claspProject();
    try {
      const args = pushScriptArgs();
      const ignoreAt = args.indexOf("--ignore");
      const { files } = claspCollect(project, ignoreAt >= 0 ? args[ignoreAt + 1] : undefined);
      const pasted = readmePasteList();
      expect(files.map((f) => f.localPath).sort()).toEqual(pasted.map(([built]) => `dist/sheets/${built}`).sort());
      for (const f of files) {
        const name = path.basename(f.localPath);
        // Same bytes as the file the user copies.
        expect(f.source).toBe(fs.readFileSync(path.join(DIST, name), "utf8"));
        // The project file clasp creates is the one the README has the user create.
        const editorName = f.type === "JSON" ? `${f.remotePath}.json` : `${f.remotePath}${EDITOR_EXTENSION[f.type]}`;
        expect(pasted.find(([built]) => built === name)?.[1]).toBe(editorName);
      }
      expect(Object.fromEntries(files.map((f) => [f.remotePath, f.type]))).toEqual({ Code: "SERVER_JS", Sidebar: "HTML", appsscript: "JSON" });
    } finally {
      project.dispose();
    }
  }, 90_000);

  test("the server code opens the HTML file clasp pushes: createHtmlOutputFromFile(\"Sidebar\")", () => {
    const code = fs.readFileSync(path.join(DIST, "Code.gs"), "utf8");
    const names = [...code.matchAll(/HtmlService\.createHtmlOutputFromFile\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(names).toEqual(["Sidebar"]);
    expect(fs.existsSync(path.join(DIST, `${names[0]}.html`))).toBe(true);
  });

  test("stray files in the build folder (a .js, a source map, a README) are not pushed", () => {
    const project = claspProject();
    try {
      for (const [name, text] of Object.entries({ "stray.js": "// no\n", "Code.gs.map": "{}", "README.md": "# no\n" })) {
        fs.writeFileSync(path.join(project.dir, "dist", "sheets", name), text);
      }
      const { files, skipped } = claspCollect(project, "dist/sheets");
      expect(files.map((f) => path.basename(f.localPath)).sort()).toEqual(["Code.gs", "Sidebar.html", "appsscript.json"]);
      // stray.js: .clasp.json.example's scriptExtensions [".gs"] keep it out.
      expect(skipped.map((x) => x.localPath)).toContain("dist/sheets/stray.js");
    } finally {
      project.dispose();
    }
  }, 90_000);
});

describe("clasp", () => {
  test(".clasp.json.example points at the build folder, pushes .gs as script files and holds no real script id", () => {
    const example = readJson(path.join(ROOT, "sheets-addon", ".clasp.json.example"));
    // scriptExtensions [".gs"]: `clasp pull` then writes Code.gs (clasp names pulled script
    // files with the first script extension, core/files.js getFileExtension), not a Code.js
    // beside Code.gs, which clasp would refuse on the next push (FILE_CONFLICT).
    expect(example).toEqual({ scriptId: "JOUW_SCRIPT_ID", rootDir: "dist/sheets", scriptExtensions: [".gs"] });
  });

  // The clasp command line itself lists what it would push without a login
  // (show-file-status reads only local files).
  test("clasp show-file-status (offline, the CLI) agrees: Code.gs, Sidebar.html, appsscript.json", () => {
    const project = claspProject();
    try {
      const out = execFileSync(CLASP_BIN, ["show-file-status", "--json", ...pushScriptArgs()], {
        cwd: project.dir,
        env: { ...process.env, HOME: project.home, USERPROFILE: project.home },
        encoding: "utf8",
        timeout: 60_000,
      });
      const status = JSON.parse(out.trim().split("\n").pop()!);
      expect([...status.filesToPush].sort()).toEqual(["dist/sheets/Code.gs", "dist/sheets/Sidebar.html", "dist/sheets/appsscript.json"]);
    } finally {
      project.dispose();
    }
  }, 90_000);
});
