/**
 * Offline checks of manifest.xml (the online validator has no offline mode): every resid
 * resolves to a resource of the right kind, the shared-runtime URLs agree, the custom
 * functions namespace is IKK, and every localhost URL is a file of the build in dist/excel.
 * Runs after `npm run build`.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist", "excel");
const DEV_URL = "https://localhost:3000/";

type XmlNode = { [key: string]: unknown };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseAttributeValue: false, parseTagValue: false });
const doc = parser.parse(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")) as XmlNode;
const app = doc.OfficeApp as XmlNode;

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Every element in the tree with its tag name and the path of tag names above it. */
function elements(node: unknown, name = "", trail: string[] = []): { name: string; node: XmlNode; trail: string[] }[] {
  if (typeof node !== "object" || node === null) return [];
  const out: { name: string; node: XmlNode; trail: string[] }[] = [];
  for (const item of asArray(node as XmlNode | XmlNode[])) {
    if (typeof item !== "object" || item === null) continue;
    if (name) out.push({ name, node: item, trail });
    for (const [key, child] of Object.entries(item)) {
      if (key.startsWith("@_") || key === "#text") continue;
      out.push(...elements(child, key, name ? [...trail, name] : trail));
    }
  }
  return out;
}

const all = elements(app, "OfficeApp");
const versionOverrides = app.VersionOverrides as XmlNode;
const resources = versionOverrides.Resources as XmlNode;

type Kind = "Image" | "Url" | "ShortString" | "LongString";
const RESOURCE_GROUPS: [string, string, Kind][] = [
  ["bt:Images", "bt:Image", "Image"],
  ["bt:Urls", "bt:Url", "Url"],
  ["bt:ShortStrings", "bt:String", "ShortString"],
  ["bt:LongStrings", "bt:String", "LongString"],
];
const resourceList = RESOURCE_GROUPS.flatMap(([group, item, kind]) =>
  asArray((resources[group] as XmlNode | undefined)?.[item] as XmlNode | XmlNode[] | undefined).map((r) => ({
    id: String(r["@_id"]),
    value: String(r["@_DefaultValue"]),
    kind,
  })),
);
const resourceById = new Map(resourceList.map((r) => [r.id, r]));

/** Elements that carry a resid, outside Resources. */
const residUses = all.filter((e) => e.node["@_resid"] !== undefined && !e.trail.includes("Resources"));

/** Which kind of resource an element's resid must point at. */
function expectedKind(e: { name: string; trail: string[] }): Kind {
  if (e.name === "bt:Image") return "Image";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(e.name)) return "Url";
  if (e.name === "Description" || e.trail.includes("Supertip") && e.name !== "Title") return "LongString";
  return "ShortString"; // Label, Title, Namespace
}

function residUrl(resid: unknown): string {
  const r = resourceById.get(String(resid));
  if (!r) throw new Error(`resid ${String(resid)} is not defined in Resources`);
  return r.value;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function distFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return path.join(DIST, ...url.slice(DEV_URL.length).split("/"));
}

describe("manifest.xml", () => {
  test("is a task pane add-in for Excel (Workbook) with a GUID id and Dutch texts", () => {
    expect(app["@_xsi:type"]).toBe("TaskPaneApp");
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    // Not the id of the Microsoft templates this manifest follows.
    expect(String(app.Id)).not.toMatch(/^(19791936-c8fa-48c9-a354-e347c71ae827|ca968be6-628b-4f14-ba3c-3e614effa9bd)$/);
    expect(String(app.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.DefaultLocale).toBe("nl-NL");
    expect((app.DisplayName as XmlNode)["@_DefaultValue"]).toBe("IKK-normen");
    expect(String((app.Description as XmlNode)["@_DefaultValue"])).toMatch(/uren.*pedagogisch beleidsmedewerker/);
    expect(asArray((app.Hosts as XmlNode).Host as XmlNode | XmlNode[]).map((h) => h["@_Name"])).toEqual(["Workbook"]);
    const overrideHosts = asArray((versionOverrides.Hosts as XmlNode).Host as XmlNode | XmlNode[]);
    expect(overrideHosts.map((h) => h["@_xsi:type"])).toEqual(["Workbook"]);
  });

  test("requires CustomFunctionsRuntime 1.1 and SharedRuntime 1.1", () => {
    const sets = asArray(((app.Requirements as XmlNode).Sets as XmlNode).Set as XmlNode | XmlNode[]);
    const byName = Object.fromEntries(sets.map((s) => [s["@_Name"], s["@_MinVersion"]]));
    expect(byName).toMatchObject({ CustomFunctionsRuntime: "1.1", SharedRuntime: "1.1" });
  });

  test("resource ids are unique and every one is used", () => {
    expect(resourceList.length).toBeGreaterThan(0);
    expect(new Set(resourceList.map((r) => r.id)).size).toBe(resourceList.length);
    const used = new Set(residUses.map((e) => String(e.node["@_resid"])));
    expect(resourceList.map((r) => r.id).filter((id) => !used.has(id))).toEqual([]);
  });

  test("every resid resolves to a resource of the right kind", () => {
    expect(residUses.length).toBeGreaterThan(10);
    const problems = residUses
      .map((e) => ({ where: [...e.trail, e.name].join("/"), resid: String(e.node["@_resid"]), want: expectedKind(e) }))
      .filter((u) => resourceById.get(u.resid)?.kind !== u.want)
      .map((u) => `${u.where}: ${u.resid} should be a ${u.want}, is ${resourceById.get(u.resid)?.kind ?? "missing"}`);
    expect(problems).toEqual([]);
  });

  test("short strings fit in 125 characters, long strings in 250", () => {
    for (const r of resourceList) {
      if (r.kind === "ShortString") expect(r.value.length).toBeLessThanOrEqual(125);
      if (r.kind === "LongString") expect(r.value.length).toBeLessThanOrEqual(250);
    }
  });

  test("shared runtime: Runtime, FunctionFile, custom-functions Page and ShowTaskpane use one URL", () => {
    const runtimes = all.filter((e) => e.name === "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].node["@_lifetime"]).toBe("long");
    const runtimeUrl = residUrl(runtimes[0].node["@_resid"]);

    const functionFiles = all.filter((e) => e.name === "FunctionFile");
    const pages = all.filter((e) => e.name === "SourceLocation" && e.trail[e.trail.length - 1] === "Page");
    const showTaskpane = all.filter((e) => e.name === "Action" && e.node["@_xsi:type"] === "ShowTaskpane");
    expect(functionFiles).toHaveLength(1);
    expect(pages).toHaveLength(1);
    expect(showTaskpane.length).toBeGreaterThanOrEqual(1);

    const urls = [
      ...functionFiles.map((e) => residUrl(e.node["@_resid"])),
      ...pages.map((e) => residUrl(e.node["@_resid"])),
      ...showTaskpane.map((e) => residUrl((e.node.SourceLocation as XmlNode)["@_resid"])),
      String(((app.DefaultSettings as XmlNode).SourceLocation as XmlNode)["@_DefaultValue"]),
    ];
    expect(new Set(urls)).toEqual(new Set([runtimeUrl]));
    expect(runtimeUrl).toBe(`${DEV_URL}taskpane.html`);
  });

  test("custom functions: namespace IKK, script functions.js, metadata functions.json", () => {
    const point = all.find((e) => e.name === "ExtensionPoint" && e.node["@_xsi:type"] === "CustomFunctions");
    expect(point).toBeDefined();
    const cf = point!.node;
    const namespace = resourceById.get(String((cf.Namespace as XmlNode)["@_resid"]));
    expect(namespace?.kind).toBe("ShortString");
    expect(namespace?.value).toBe("IKK");
    // Namespace rules: at most 32 characters; like function ids, letters, digits and periods, starting with a letter.
    expect(namespace!.value).toMatch(/^[A-Za-z][A-Za-z0-9.]{0,31}$/);
    expect(residUrl(((cf.Script as XmlNode).SourceLocation as XmlNode)["@_resid"])).toBe(`${DEV_URL}functions.js`);
    expect(residUrl(((cf.Metadata as XmlNode).SourceLocation as XmlNode)["@_resid"])).toBe(`${DEV_URL}functions.json`);
  });

  test("a ribbon button labelled IKK-normen opens the task pane", () => {
    const buttons = all.filter((e) => e.name === "Control" && e.node["@_xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    const button = buttons[0].node;
    expect(residUrl((button.Label as XmlNode)["@_resid"])).toBe("IKK-normen");
    expect((button.Action as XmlNode)["@_xsi:type"]).toBe("ShowTaskpane");
  });

  test("every URL is https and every localhost URL is a file of the build in dist/excel", () => {
    const urls = new Set<string>();
    for (const r of resourceList) if (r.kind === "Url" || r.kind === "Image") urls.add(r.value);
    for (const e of all) {
      const v = e.node["@_DefaultValue"];
      if (typeof v === "string" && /^[a-z]+:\/\//i.test(v)) urls.add(v);
    }
    expect(urls.size).toBeGreaterThanOrEqual(6);
    const missing: string[] = [];
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      if (url.startsWith(DEV_URL) && !fs.existsSync(distFile(url))) missing.push(url);
    }
    expect(missing).toEqual([]);
  });

  test("icons are PNGs of the declared sizes", () => {
    const checks: [string, number][] = [
      [String((app.IconUrl as XmlNode)["@_DefaultValue"]), 32],
      [String((app.HighResolutionIconUrl as XmlNode)["@_DefaultValue"]), 64],
    ];
    for (const e of all.filter((x) => x.name === "bt:Image" && !x.trail.includes("Resources"))) {
      checks.push([residUrl(e.node["@_resid"]), Number(e.node["@_size"])]);
    }
    expect(checks.length).toBeGreaterThan(2);
    for (const [url, size] of checks) {
      expect(pngSize(distFile(url))).toEqual({ width: size, height: size });
    }
  });

  test("the shared-runtime page loads the functions script and office.js", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script[^>]+src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?/);
    expect(html).toMatch(/<script[^>]+src="?functions\.js"?/);
    expect(html).toMatch(/<script[^>]+src="?taskpane\.js"?/);
    // office.js must come before the bundles, which use Office and CustomFunctions.
    expect(html.indexOf("office.js")).toBeLessThan(html.indexOf("functions.js"));
  });
});
