/**
 * "Gebruik selectie" in the demo page (memory host): click a cell in the shown sheet,
 * shift-click to extend it to a range, "Gebruik selectie", pick a role: the check changes.
 * Needs `npm run build` first.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DEMO_DIR, serveStatic, type StaticServer } from "../demo/serve";
import { PLAN_2026_CELLS } from "../examples/plan-2026";
import { launchChromium } from "./helpers/browser";

jest.setTimeout(120_000);

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEMO_DIR, "index.html"))) throw new Error(`${DEMO_DIR}/index.html ontbreekt: bouw eerst met 'npm run build'.`);
  server = await serveStatic(DEMO_DIR);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("select the coaching table with click + shift-click, 'Gebruik selectie', 'negeren': coaching hours drop out", async () => {
  const t = PLAN_2026_CELLS.coachingTable;
  const [from, to] = t.range.split(":");
  await page.getByTestId("example").selectOption("2026");
  await page.getByTestId("check").click();
  await page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  expect((await page.getByTestId("planned-coaching").textContent())?.trim()).not.toBe("–");

  await page.locator(`[data-sheet-tab="${t.sheet}"]`).click();
  await page.locator(`td[data-sheet="${t.sheet}"][data-cell="${from}"]`).click();
  await page.locator(`td[data-sheet="${t.sheet}"][data-cell="${to}"]`).click({ modifiers: ["Shift"] });
  expect(await page.locator(`td[data-sheet="${t.sheet}"][data-selected="true"]`).count()).toBe(18 * 6);

  await page.getByTestId("selection-use").click();
  await page.getByTestId("selection-place").filter({ hasText: `'${t.sheet}'!${t.range}` }).waitFor();
  await page.getByTestId("selection-role").selectOption("tabel:ignored");
  await page.getByTestId("status").filter({ hasText: "is nu tabel 'negeren'" }).waitFor();
  expect((await page.getByTestId("planned-coaching").textContent())?.trim()).toBe("–");
  expect(pageErrors).toEqual([]);
});
