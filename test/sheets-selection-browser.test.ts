/**
 * "Gebruik selectie" in the built Google Sheets sidebar, in chromium: google.script.run
 * forwards to the built Code.js in a Node vm over the Apps Script fake. The user selects a
 * range in the fake spreadsheet, clicks "Gebruik selectie", picks a role, and the check
 * changes; the mapping is stored in the document properties. Needs the Sheets build first.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../demo/serve";
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { REPORT_SHEET_NAME } from "../shared/panel/host";
import type { WorkbookSnapshot } from "../shared/validate/types";
import { appsScriptGlobals, fakeSheetsOf, FakeProperties, FakeSpreadsheet } from "../test/helpers/apps-script-fake";
import { launchChromium } from "./helpers/browser";

jest.setTimeout(120_000);

const DIST = path.join(__dirname, "..", "dist", "sheets");
const SIDEBAR = path.join(DIST, "Sidebar.html");
const CODE_FILE = path.join(DIST, "Code.js");

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

interface Sidebar {
  page: Page;
  ss: FakeSpreadsheet;
  properties: FakeProperties;
  /** google.script.run calls in order. */
  calls: string[];
  requests: string[];
  pageErrors: string[];
}

/** Opens Sidebar.html with google.script.run wired to Code.js over a fake spreadsheet of `workbook`. */
async function openSidebar(workbook: WorkbookSnapshot): Promise<Sidebar> {
  const ss = new FakeSpreadsheet(fakeSheetsOf(workbook), { name: workbook.name ?? "Coachplan" });
  const properties = new FakeProperties(ss.counter);
  const context = vm.createContext({ ...appsScriptGlobals(ss, properties).globals });
  vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.js" });
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
  await page.goto(new URL("Sidebar.html", server.url).href);
  await page.getByTestId("check").waitFor({ timeout: 10_000 }).catch((e) => {
    throw new Error(`${e}\npage errors: ${pageErrors.join(" | ")}`);
  });
  return { page, ss, properties, calls, requests, pageErrors };
}

async function check(sb: Sidebar): Promise<void> {
  await sb.page.getByTestId("check").click();
  await sb.page.getByTestId("status").filter({ hasText: /Controle klaar|Er ging iets mis|ongeldig|bestaat niet/ }).waitFor();
}

/** Waits until fn() gives the expected value, or fails with the last one. */
async function until<T>(fn: () => T, expected: T): Promise<void> {
  let last: T = fn();
  for (let i = 0; i < 100 && JSON.stringify(last) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 50));
    last = fn();
  }
  expect(last).toEqual(expected);
}


async function waitStatus(sb: Sidebar, text: string | RegExp): Promise<string> {
  const status = sb.page.getByTestId("status");
  await status.filter({ hasText: text }).waitFor();
  return (await status.textContent()) ?? "";
}

test("select the coaching table, 'Gebruik selectie', 'negeren', then 'coaching': the check changes each time", async () => {
  const sb = await openSidebar(plan2026());
  const t = PLAN_2026_CELLS.coachingTable;
  try {
    await check(sb);
    const planned = (await sb.page.getByTestId("planned-coaching").textContent())?.trim();
    expect(planned).not.toBe("–");

    sb.ss.userSelect(t.sheet, t.range);
    sb.calls.length = 0;
    await sb.page.getByTestId("selection-use").click();
    await sb.page.getByTestId("selection-place").filter({ hasText: `'${t.sheet}'!${t.range}` }).waitFor();
    expect(sb.calls).toEqual(["ikkGetSelection"]);

    sb.calls.length = 0;
    await sb.page.getByTestId("selection-role").selectOption("tabel:ignored");
    expect(await waitStatus(sb, "is nu tabel 'negeren'")).toMatch(/Controle klaar/);
    expect((await sb.page.getByTestId("planned-coaching").textContent())?.trim()).toBe("–");
    expect(sb.calls.filter((c) => c === "ikkSaveSettings")).toHaveLength(1);
    const saved = JSON.parse(sb.properties.data.get("ikk-normen.settings")!);
    expect(saved.mapping.tabellen).toEqual([{ blad: t.sheet, bereik: t.range, rol: "negeren" }]);

    await sb.page.getByTestId("selection-use").click();
    await sb.page.getByTestId("selection-role").selectOption("tabel:coaching");
    await waitStatus(sb, "is nu tabel 'coaching'");
    expect((await sb.page.getByTestId("planned-coaching").textContent())?.trim()).toBe(planned);
    expect(sb.pageErrors).toEqual([]);
  } finally {
    await sb.page.close();
  }
});

test("several areas, the report sheet and nothing selected are refused in Dutch", async () => {
  const wb = plan2026();
  wb.sheets.push({ name: REPORT_SHEET_NAME, values: [["Rapport"]] });
  const sb = await openSidebar(wb);
  try {
    sb.ss.userSelect("Uren 2026", "A1:B2", "D4");
    await sb.page.getByTestId("selection-use").click();
    expect(await waitStatus(sb, "meerdere gebieden")).toContain("Selecteer één aaneengesloten bereik");
    sb.ss.userSelect(REPORT_SHEET_NAME, "A1");
    await sb.page.getByTestId("selection-use").click();
    await waitStatus(sb, "is het rapport van deze controle");
    sb.ss.userSelect("Uren 2026");
    await sb.page.getByTestId("selection-use").click();
    await waitStatus(sb, "Er is niets geselecteerd");
    expect(await sb.page.getByTestId("status").getAttribute("class")).toContain("error");
    expect(sb.pageErrors).toEqual([]);
  } finally {
    await sb.page.close();
  }
});
