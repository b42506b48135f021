/**
 * The built Excel task pane (dist/excel/taskpane.html + functions.js + taskpane.js) in a
 * real browser (chromium via playwright-core), with office.js replaced by the Office.js
 * fake (test/helpers/office-fake-browser.ts, bundled here with webpack). Clicks through the
 * panel and checks what happened in the "workbook": round trips, marks, report, selection.
 * Needs the Excel build first (npx webpack --mode production --config excel-addin/webpack.config.js).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../demo/serve";
import { BROKEN_2026 } from "../demo/examples";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
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

test("Controleren reads the workbook in 2 round trips and shows the findings", async () => {
  await fake("f.syncs = 0");
  await page.getByTestId("check").click();
  await page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  expect(await fake<number>("f.syncs")).toBe(2);
  expect(await page.getByTestId("finding").count()).toBeGreaterThan(0);
  // The function list is still there, folded.
  expect(await page.locator("#ikk-functies dt").count()).toBeGreaterThan(5);
  await page.screenshot({ path: path.join(__dirname, "artifacts", "excel-taskpane.png"), fullPage: true });
});

test("a finding selects its cell in Excel", async () => {
  const finding = page.getByTestId("finding").filter({ hasText: BROKEN_2026.wrongTotal }).first();
  await finding.click();
  await until("f.selection", { sheet: BROKEN_2026.sheet, address: BROKEN_2026.wrongTotal });
  expect(await fake<string>("f.activeSheet")).toBe(BROKEN_2026.sheet);
});

test("marks colour the cells and clearing restores no fill", async () => {
  const cell = `f.cell(${JSON.stringify(BROKEN_2026.sheet)}, ${JSON.stringify(BROKEN_2026.wrongTotal)}).fill`;
  expect(await fake<unknown>(cell)).toBeNull();
  await page.getByTestId("marks-show").click();
  await until(`${cell}?.color`, MARK_COLOURS.error);
  await page.getByTestId("marks-clear").click();
  await until(cell, null);
});

test("the report sheet gets the report as text, and a new check ignores it", async () => {
  await page.getByTestId("report-write").click();
  await until(`!!f.sheet(${JSON.stringify(REPORT_SHEET_NAME)})`, true);
  const formulas = await fake<number>(`[...f.sheet(${JSON.stringify(REPORT_SHEET_NAME)}).cells.values()].filter((c) => c.formula !== undefined || c.numberFormat !== "@").length`);
  expect(formulas).toBe(0);
  await page.getByTestId("check").click();
  await page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  expect(pageErrors).toEqual([]);
  expect(outside).toEqual([]);
});
