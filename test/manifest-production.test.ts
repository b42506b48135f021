/**
 * The production build of the Excel add-in: IKK_BASE_URL=https://… moves every URL of the
 * built manifest under that address (build/manifest-urls.js, called by
 * excel-addin/webpack.config.js). Builds the Excel part once into a temporary folder with
 * IKK_BASE_URL set (needs `npm run generate`, which `npm run build` runs), then checks that
 * every URL is a file of that build, that nothing points at localhost, that there are no
 * source maps, and that the result validates against the XSDs. A base that is not https
 * fails the build with a Dutch message.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { manifestSchemasAvailable, validateManifest } from "./helpers/xmllint";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { baseUrlFrom, manifestFor, DEV_BASE } = require("../build/manifest-urls") as {
  baseUrlFrom(value: string | undefined): string;
  manifestFor(xml: string, base: string): string;
  DEV_BASE: string;
};

const ROOT = path.join(__dirname, "..");
const WEBPACK = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
const EXCEL_CONFIG = path.join(ROOT, "excel-addin", "webpack.config.js");
const BASE = "https://ikk.example.org/app";

function buildExcel(outDir: string, baseUrl: string) {
  return spawnSync(process.execPath, [WEBPACK, "--mode", "production", "--config", EXCEL_CONFIG, "--output-path", outDir], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, IKK_BASE_URL: baseUrl },
    timeout: 240_000,
  });
}

/** Every file below dir, as paths relative to it with "/". */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join("/"));
}

/** Every attribute value and text in the parsed XML that looks like an absolute URL (namespaces left out). */
function urlsIn(node: unknown, out: { where: string; url: string }[] = [], where = ""): { where: string; url: string }[] {
  if (Array.isArray(node)) node.forEach((n) => urlsIn(n, out, where));
  else if (typeof node === "string") {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.trim())) out.push({ where, url: node.trim() });
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("@_xmlns")) continue;
      urlsIn(value, out, key.startsWith("@_") || key === "#text" ? where : key);
    }
  }
  return out;
}

describe("production build with IKK_BASE_URL", () => {
  let out: string;
  let manifest: string;
  let urls: { where: string; url: string }[];

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-excel-prod-"));
    const run = buildExcel(out, BASE);
    if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, parseAttributeValue: false });
    urls = urlsIn(parser.parse(manifest));
  }, 300_000);

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("every URL of the manifest is under the base and is a file of the build", () => {
    expect(urls.length).toBeGreaterThanOrEqual(10);
    const kinds = new Set(urls.map((u) => u.where));
    for (const kind of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "bt:Url", "bt:Image"]) {
      expect(kinds).toContain(kind);
    }
    const problems: string[] = [];
    for (const { where, url } of urls) {
      if (!url.startsWith(`${BASE}/`)) {
        problems.push(`${where}: ${url} is not under ${BASE}/`);
        continue;
      }
      const rel = new URL(url).pathname.slice(new URL(BASE).pathname.length + 1);
      const file = path.join(out, ...decodeURIComponent(rel).split("/"));
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) problems.push(`${where}: ${url} → ${rel} is not in the build`);
    }
    expect(problems).toEqual([]);
  });

  test("nothing in the manifest points at localhost", () => {
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).not.toContain("3000");
  });

  (manifestSchemasAvailable() ? test : test.skip)("the manifest validates against the Office XSDs", () => {
    const r = validateManifest(path.join(out, "manifest.xml"));
    expect(r.output).toContain("validates");
    expect(r.status).toBe(0);
  });

  test("no source maps: no .map files and no sourceMappingURL comments", () => {
    const files = filesBelow(out);
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "taskpane.js", "functions.js", "functions.json", "manifest.xml"]));
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of files.filter((x) => /\.(js|html|css)$/.test(x))) {
      expect([f, fs.readFileSync(path.join(out, f), "utf8").includes("sourceMappingURL")]).toEqual([f, false]);
    }
  });

  test("the default build in dist/excel has no source maps either", () => {
    const dist = path.join(ROOT, "dist", "excel");
    expect(fs.existsSync(path.join(dist, "manifest.xml"))).toBe(true);
    const files = filesBelow(dist);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => /\.(js|html)$/.test(f) && fs.readFileSync(path.join(dist, f), "utf8").includes("sourceMappingURL"))).toEqual([]);
  });

  test("a base that is not https fails the build with a Dutch message", () => {
    const run = buildExcel(path.join(out, "never"), "http://ikk.example.org/app");
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("IKK_BASE_URL moet met https:// beginnen");
    expect(fs.existsSync(path.join(out, "never", "manifest.xml"))).toBe(false);
  });
});

describe("build/manifest-urls", () => {
  test("no variable (or a blank one) keeps the development address", () => {
    expect(baseUrlFrom(undefined)).toBe("https://localhost:3000/");
    expect(baseUrlFrom("  ")).toBe(DEV_BASE);
  });

  test("an https address gets exactly one trailing slash", () => {
    expect(baseUrlFrom("https://ikk.example.org/app")).toBe("https://ikk.example.org/app/");
    expect(baseUrlFrom("https://ikk.example.org/app//")).toBe("https://ikk.example.org/app/");
    expect(baseUrlFrom("https://ikk.example.org")).toBe("https://ikk.example.org/");
    expect(baseUrlFrom("https://ikk.example.org:8443/a/b/")).toBe("https://ikk.example.org:8443/a/b/");
  });

  test.each([
    ["http://ikk.example.org/app", /moet met https:\/\/ beginnen/],
    ["ftp://ikk.example.org/", /moet met https:\/\/ beginnen/],
    ["ikk.example.org/app", /geen geldig webadres/],
    ["https://", /geen geldig webadres/],
    ["https://ikk.example.org/app?x=1", /zonder gebruikersnaam, wachtwoord, \?-parameters of #/],
    ["https://ikk.example.org/app#x", /zonder gebruikersnaam, wachtwoord, \?-parameters of #/],
    ["https://wie:geheim@ikk.example.org/", /zonder gebruikersnaam/],
  ])("%s is refused", (value, message) => {
    expect(() => baseUrlFrom(value)).toThrow(message);
  });

  test("manifestFor replaces every development URL and keeps the rest", () => {
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const built = manifestFor(source, "https://h.example/x/");
    expect(built).not.toMatch(/localhost/);
    const count = (text: string, part: string) => text.split(part).length - 1;
    const uses = count(source.replace(/<!--[\s\S]*?-->/g, ""), DEV_BASE);
    expect(uses).toBeGreaterThanOrEqual(10);
    // One more: the comment that says which base the file was built for.
    expect(count(built, "https://h.example/x/")).toBe(uses + 1);
    expect(built).toContain('<Runtime resid="Taskpane.Url" lifetime="long" />');
    expect(manifestFor(source, DEV_BASE)).toContain(`${DEV_BASE}taskpane.html`);
  });

  test("manifestFor refuses a manifest that still names localhost after the replacement", () => {
    expect(() => manifestFor('<?xml version="1.0"?><a href="http://localhost:8080/x"/>', "https://h.example/")).toThrow(/localhost/);
  });
});
