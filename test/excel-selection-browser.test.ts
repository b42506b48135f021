/**
 * "Gebruik selectie" in the built Excel task pane, in chromium, over the Office.js fake
 * (test/helpers/office-fake-browser.ts, the broken 2026 example): the user selects a range
 * in the fake, clicks "Gebruik selectie", picks a role, and the check changes; the mapping
 * is stored in the document settings. Needs the Excel build first.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../demo/serve";
import { PLAN_2026_CELLS } from "../examples/plan-2026";
import { launchChromium } from "./helpers/browser";

jest.setTimeout(120_000);

const DIST = path.join(__dirname, "..", "dist", "excel");
let fakeScript = "";
let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const outside: string[] = [];

function bundleFake(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "office-fake-"));
  return new Promise((resolve, reject) =>
    webpack(
      {
        mode: "development",
        devtool: false,
        target: ["web", "es2019"],
        entry: path.join(__dirname, "helpers", "office-fake-browser.ts"),
        output: { path: out, filename: "office.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(__dirname, "..", "tsconfig.json"), compilerOptions: { module: "esnext" } } } }],
        },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString("errors-only")));
        else resolve(fs.readFileSync(path.join(out, "office.js"), "utf8"));
      },
    ),
  );
}

/** Evaluates fn against the fake in the page. */
function fake<T>(fn: string): Promise<T> {
  return page.evaluate(`(() => { const f = window.__fake; return (${fn}); })()`) as Promise<T>;
}

/** Waits until fn (run against the fake) gives the expected JSON, or fails with the last value. */
async function until(fn: string, expected: unknown): Promise<void> {
  let last: unknown;
  for (let i = 0; i < 100; i++) {
    last = await fake<unknown>(fn);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(last).toEqual(expected);
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/excel ontbreekt: bouw eerst de Excel-invoegtoepassing.");
  fakeScript = await bundleFake();
  server = await serveStatic(DIST);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")) return route.fulfill({ contentType: "text/javascript", body: fakeScript });
    if (url.startsWith(server.url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(new URL("taskpane.html", server.url).href);
  await page.getByTestId("check").waitFor({ timeout: 10_000 }).catch((e) => {
    throw new Error(`${e}\npage errors: ${pageErrors.join(" | ")}\nblocked: ${outside.join(" ")}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


async function waitStatus(text: string | RegExp): Promise<string> {
  const status = page.getByTestId("status");
  await status.filter({ hasText: text }).waitFor();
  return (await status.textContent()) ?? "";
}

test("select the coaching table, 'Gebruik selectie', 'negeren': its hours drop out; 'coaching' again: counted", async () => {
  const t = PLAN_2026_CELLS.coachingTable;
  await page.getByTestId("check").click();
  await waitStatus("Controle klaar");
  const planned = (await page.getByTestId("planned-coaching").textContent())?.trim();
  expect(planned).not.toBe("–");

  await fake(`f.userSelect(${JSON.stringify(t.sheet)}, ${JSON.stringify(t.range)})`);
  await fake("f.syncs = 0");
  await page.getByTestId("selection-use").click();
  await page.getByTestId("selection-place").filter({ hasText: `'${t.sheet}'!${t.range}` }).waitFor();
  expect(await fake<number>("f.syncs")).toBe(1);

  await fake("f.syncs = 0");
  await page.getByTestId("selection-role").selectOption("tabel:ignored");
  expect(await waitStatus("is nu tabel 'negeren'")).toMatch(/Controle klaar/);
  expect((await page.getByTestId("planned-coaching").textContent())?.trim()).toBe("–");
  // The workbook is read again (2 syncs); the settings are saved in the document.
  expect(await fake<number>("f.syncs")).toBe(2);
  const saved = JSON.parse(await fake<string>(`f.settings.saved.get("ikk-normen.settings")`));
  expect(saved.mapping.tabellen).toEqual([{ blad: t.sheet, bereik: t.range, rol: "negeren" }]);

  // A whole-column selection of the table's columns would take in the other tables too;
  // the user selects the table again and gives it its role back.
  await page.getByTestId("selection-use").click();
  await page.getByTestId("selection-role").selectOption("tabel:coaching");
  await waitStatus("is nu tabel 'coaching'");
  expect((await page.getByTestId("planned-coaching").textContent())?.trim()).toBe(planned);
});

test("a fact from one cell; a range for a fact and several areas are refused in Dutch", async () => {
  const centres = PLAN_2026_CELLS.centres;
  await fake(`f.userSelect(${JSON.stringify(centres.sheet)}, "A4:B4")`);
  await page.getByTestId("selection-use").click();
  await page.getByTestId("selection-role").selectOption("feit:fte");
  expect(await waitStatus("staat in één cel")).toContain("maar u selecteerde 2 cellen (A4:B4)");
  expect(await page.getByTestId("status").getAttribute("class")).toContain("error");

  await fake(`f.userSelect(${JSON.stringify(centres.sheet)}, "A1:B2", "D4")`);
  await page.getByTestId("selection-use").click();
  expect(await waitStatus("Excel kon de selectie niet lezen")).toContain("niet meerdere gebieden tegelijk");

  await fake(`f.userSelect(${JSON.stringify(centres.sheet)}, ${JSON.stringify(centres.cell)})`);
  await page.getByTestId("selection-use").click();
  await page.getByTestId("selection-role").selectOption("feit:fte");
  await waitStatus("'fte' komt nu uit cel");
  expect(await page.getByTestId("fact-value-fte").textContent()).toBe(`gebruikt: ${(await page.getByTestId("fact-value-centres").textContent())!.replace("gebruikt: ", "")}`);
  expect(pageErrors).toEqual([]);
  expect(outside).toEqual([]);
});
