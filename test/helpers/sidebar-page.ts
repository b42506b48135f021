/**
 * The built Google Sheets sidebar (dist/sheets/Sidebar.html) in chromium, for the browser
 * tests of the sidebar: google.script.run is replaced by a fake (an init script) that
 * forwards every call, as JSON, to the built Code.gs in a Node vm over the Apps Script fake.
 * `useSidebarServer()` serves dist/sheets and starts chromium once per test file.
 * Needs the Sheets build first.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../../demo/serve";
import type { WorkbookSnapshot } from "../../shared/validate/types";
import { appsScriptGlobals, fakeSheetsOf, FakeProperties, FakeSpreadsheet } from "./apps-script-fake";
import { launchChromium } from "./browser";

export const DIST = path.join(__dirname, "..", "..", "dist", "sheets");
export const SIDEBAR = path.join(DIST, "Sidebar.html");
export const CODE_FILE = path.join(DIST, "Code.gs");

/** google.script.run in the page: every runner forwards name + JSON args to window.__gasCall. */
const FAKE_GOOGLE_SCRIPT_RUN = `(() => {
  function runner(ok, fail) {
    return new Proxy({}, {
      get(_t, prop) {
        if (prop === "withSuccessHandler") return (f) => runner(f, fail);
        if (prop === "withFailureHandler") return (f) => runner(ok, f);
        if (typeof prop !== "string") return undefined;
        return (...args) => {
          window.__gasCall(prop, JSON.stringify(args)).then((reply) => {
            const r = JSON.parse(reply);
            if (r.ok) { if (ok) ok(r.value); }
            else if (fail) fail(new Error(r.message));
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();`;

let server: StaticServer;
let browser: Browser;

/** Serves dist/sheets and starts chromium for this test file (beforeAll), and stops both (afterAll). */
export function useSidebarServer(): void {
  beforeAll(async () => {
    for (const f of [SIDEBAR, CODE_FILE]) {
      if (!fs.existsSync(f)) throw new Error(`${path.relative(process.cwd(), f)} ontbreekt: bouw eerst met 'npm run generate && npx webpack --mode production --config sheets-addon/webpack.config.js'.`);
    }
    server = await serveStatic(DIST);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The address of Sidebar.html on the test server. */
export function sidebarUrl(): string {
  return new URL("Sidebar.html", server.url).href;
}

export interface Sidebar {
  page: Page;
  ss: FakeSpreadsheet;
  properties: FakeProperties;
  /** google.script.run calls in order. */
  calls: string[];
  requests: string[];
  pageErrors: string[];
}

/** Opens Sidebar.html with google.script.run wired to Code.gs over a fake spreadsheet of `workbook`. */
export async function openSidebar(workbook: WorkbookSnapshot): Promise<Sidebar> {
  const ss = new FakeSpreadsheet(fakeSheetsOf(workbook), { name: workbook.name ?? "Coachplan" });
  const properties = new FakeProperties(ss.counter);
  const context = vm.createContext({ ...appsScriptGlobals(ss, properties).globals });
  vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.gs" });
  const calls: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.exposeFunction("__gasCall", (name: string, argsJson: string) => {
    calls.push(name);
    const fn = (context as Record<string, unknown>)[name];
    try {
      if (typeof fn !== "function" || name.endsWith("_")) throw new Error(`Script function not found: ${name}`);
      const value = (fn as (...a: unknown[]) => unknown)(...(JSON.parse(argsJson) as unknown[]));
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: (e as Error).message });
    }
  });
  await page.addInitScript(FAKE_GOOGLE_SCRIPT_RUN);
  await page.goto(sidebarUrl());
  await page.getByTestId("check").waitFor({ timeout: 10_000 }).catch((e) => {
    throw new Error(`${e}\npage errors: ${pageErrors.join(" | ")}`);
  });
  return { page, ss, properties, calls, requests, pageErrors };
}

export async function check(sb: Sidebar): Promise<void> {
  await sb.page.getByTestId("check").click();
  await sb.page.getByTestId("status").filter({ hasText: /Controle klaar|Er ging iets mis|ongeldig|bestaat niet/ }).waitFor();
}

/** Waits until fn() gives the expected value, or fails with the last one. */
export async function until<T>(fn: () => T, expected: T): Promise<void> {
  let last: T = fn();
  for (let i = 0; i < 100 && JSON.stringify(last) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 50));
    last = fn();
  }
  expect(last).toEqual(expected);
}
