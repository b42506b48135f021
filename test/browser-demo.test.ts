/**
 * The demo page in a real browser (Debian's chromium via playwright-core): the panel
 * checks the example workbooks with the real engine, shows the Dutch summary, findings
 * that select their cell, marks, the report sheet, fact overrides, and shows hostile
 * cell text as plain text. Needs `npm run build` first (npm test does that).
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DEMO_DIR, serveStatic, type StaticServer } from "../demo/serve";
import { BROKEN_2026, broken2026, HOSTILE_FORMULA, HOSTILE_MARKUP } from "../demo/examples";
import { dutchDate } from "../shared/validate/report";
import { RULE_NAMES } from "../shared/validate/rule-names";
import type { RuleId } from "../shared/validate/rules/ids";
import { PLAN_2026_CELLS } from "../examples/plan-2026";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
import { launchChromium } from "./helpers/browser";

jest.setTimeout(120_000);

const SCREENSHOT = path.join(__dirname, "artifacts", "demo.png");

let server: StaticServer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEMO_DIR, "index.html"))) {
    throw new Error(`${DEMO_DIR}/index.html ontbreekt: bouw eerst met 'npm run build' (of npx webpack --mode production --config demo/webpack.config.js).`);
  }
  server = await serveStatic(DEMO_DIR);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Record every text the status line shows, to see the progress messages. */
async function recordStatus(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { statusLog: string[] };
    w.statusLog = [];
    const el = document.querySelector('[data-testid="status"]')!;
    new MutationObserver(() => w.statusLog.push(el.textContent ?? "")).observe(el, { childList: true, characterData: true, subtree: true });
  });
}

async function check(example: string): Promise<void> {
  await page.getByTestId("example").selectOption(example);
  await recordStatus();
  await page.getByTestId("check").click();
  await page.getByTestId("status").filter({ hasText: /Controle klaar|Er ging iets mis|ongeldig/ }).waitFor();
}

const text = async (testid: string) => (await page.getByTestId(testid).textContent())?.trim();

test("the page is one self-contained file: no other requests than the page itself", async () => {
  expect(fs.readdirSync(DEMO_DIR)).toEqual(["index.html"]);
  const html = fs.readFileSync(path.join(DEMO_DIR, "index.html"), "utf8");
  expect(html).not.toMatch(/<script[^>]+src=/i);
  expect(html).not.toMatch(/<link[^>]+stylesheet/i);
  expect(requests.filter((u) => !u.startsWith("data:"))).toEqual([server.url]);
});

test("2026 example: progress per sheet, then the norm summary in Dutch numbers", async () => {
  await check("2026");
  const statuses = await page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
  expect(statuses).toContain("Blad 1 van 2 lezen…");
  expect(statuses).toContain("Blad 2 van 2 lezen…");
  expect(await text("required-policy")).toBe("800");
  expect(await text("required-coaching")).toBe("423,7");
  expect(await text("required-ve")).toBe("210");
  expect(await text("required-total")).toBe("1.433,7");
  expect(await text("planned-policy")).toBe("800");
  expect(await text("planned-coaching")).toBe("1.000");
  expect(await text("planned-ve")).toBe("210");
  const formation = await page.getByTestId("formation").allTextContents();
  expect(formation.join(" ")).toContain("2.496 uur");
  expect(await page.getByTestId("group-error").locator("h3").textContent()).toBe("Fouten (0)");
});

test("a fact override is applied by 'Opnieuw controleren'; bad input is a Dutch message", async () => {
  await page.getByTestId("fact-fte").fill("50");
  await page.getByTestId("recheck").click();
  await page.getByTestId("required-coaching").filter({ hasText: "500" }).waitFor();
  expect(await text("required-total")).toBe("1.510");
  expect(await text("fact-value-fte")).toBe("gebruikt: 50");

  await page.getByTestId("fact-fte").fill("veel");
  await page.getByTestId("recheck").click();
  const status = page.getByTestId("status");
  await status.filter({ hasText: "veel" }).waitFor();
  expect(await status.getAttribute("class")).toContain("error");
  expect(await status.textContent()).toMatch(/fte moet een getal zijn/);

  await page.getByTestId("reset-facts").click();
  await page.getByTestId("required-coaching").filter({ hasText: "423,7" }).waitFor();
});

test("broken example: findings point at their cells, a click selects the cell in the workbook", async () => {
  await check("2026-fouten");
  const errors = page.getByTestId("group-error").getByTestId("finding");
  expect(await errors.count()).toBeGreaterThan(0);

  const wrongTotal = page.locator(`[data-testid="finding"][data-sheet="${BROKEN_2026.sheet}"][data-cell="${BROKEN_2026.wrongTotal}"]`);
  expect(await wrongTotal.count()).toBeGreaterThan(0);
  expect(await wrongTotal.first().textContent()).toContain(`${BROKEN_2026.sheet}!${BROKEN_2026.wrongTotal}`);

  const findingTexts = (await page.getByTestId("finding").allTextContents()).join("\n");
  expect(findingTexts).toMatch(/Dommelen/);
  const veShort = page.getByTestId("group-error").getByTestId("finding").filter({ hasText: "Dommelen" });
  expect(await veShort.getAttribute("data-sheet")).toBe(BROKEN_2026.sheet);
  expect(await veShort.getAttribute("data-cell")).toMatch(/^G\d+$/);

  // Before the click the workbook view shows the first sheet and nothing is selected.
  expect(await page.locator('td[data-selected="true"]').count()).toBe(0);
  expect(await page.locator(`td[data-sheet="${BROKEN_2026.sheet}"]`).count()).toBe(0);
  const cell = page.locator(`td[data-sheet="${BROKEN_2026.sheet}"][data-cell="${BROKEN_2026.wrongTotal}"]`);
  await wrongTotal.first().click();
  await page.locator(`td[data-sheet="${BROKEN_2026.sheet}"][data-cell="${BROKEN_2026.wrongTotal}"][data-selected="true"]`).waitFor();
  expect(await cell.textContent()).toBe(String(BROKEN_2026.wrongTotalValue));
  expect(await page.locator('td[data-selected="true"]').count()).toBe(1);
});

test("hostile cell text is shown as literal text: no img element, no dialog", async () => {
  await page.locator(`[data-sheet-tab="${BROKEN_2026.sheet}"]`).click();
  const markupCell = page.locator("td").filter({ hasText: HOSTILE_MARKUP });
  expect(await markupCell.count()).toBe(1);
  expect(await markupCell.textContent()).toBe(HOSTILE_MARKUP);
  const formulaCell = page.locator("td").filter({ hasText: HOSTILE_FORMULA });
  expect(await formulaCell.textContent()).toBe(HOSTILE_FORMULA);
  expect(await page.locator("img").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("marks colour the finding cells and 'Markeringen wissen' removes them", async () => {
  const cell = page.locator(`td[data-sheet="${BROKEN_2026.sheet}"][data-cell="${BROKEN_2026.wrongTotal}"]`);
  const background = () => cell.evaluate((el) => (el as HTMLElement).style.backgroundColor);
  expect(await background()).toBe("");
  await page.getByTestId("marks-show").click();
  await page.getByTestId("status").filter({ hasText: "gemarkeerd" }).waitFor();
  const hex = MARK_COLOURS.error;
  const rgb = `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
  expect(await background()).toBe(rgb);
  await page.evaluate(() => document.querySelector('[data-testid="summary"]')!.scrollIntoView());
  await page.screenshot({ path: SCREENSHOT, fullPage: false });
  await page.getByTestId("marks-clear").click();
  await page.getByTestId("status").filter({ hasText: "gewist" }).waitFor();
  expect(await background()).toBe("");
});

test("'Rapport maken' adds the report sheet with text; 'Rapport verwijderen' removes it", async () => {
  await page.getByTestId("report-write").click();
  const tab = page.locator(`[data-sheet-tab="${REPORT_SHEET_NAME}"]`);
  await tab.waitFor();
  await tab.click();
  const cells = page.locator(`td[data-sheet="${REPORT_SHEET_NAME}"]`);
  expect(await cells.count()).toBeGreaterThan(0);
  const reportText = (await cells.allTextContents()).join("\n");
  expect(reportText).toContain(BROKEN_2026.wrongTotal);
  // In the panel's words: the file name and today's date on top, "Vereist", the rule by its Dutch name.
  const grid = await page.evaluate(
    (sheet) =>
      Array.from(document.querySelectorAll("table.sheet tbody tr")).map((tr) =>
        Array.from(tr.querySelectorAll(`td[data-sheet="${sheet}"]`)).map((td) => td.textContent ?? ""),
      ),
    REPORT_SHEET_NAME,
  );
  const row = (label: string) => grid.find((r) => r[0] === label)?.filter((c) => c !== "");
  expect(row("Bestand")).toEqual(["Bestand", broken2026().name]);
  expect(row("Datum rapport")).toEqual(["Datum rapport", dutchDate(new Date())]);
  expect(row("Onderdeel")).toEqual(["Onderdeel", "Vereist (uren)", "Gepland (uren)", "Verschil (uren)"]);
  const rule = (await page.getByTestId("finding").filter({ hasText: BROKEN_2026.wrongTotal }).first().getAttribute("data-rule")) as RuleId;
  expect(grid.some((r) => r[1] === RULE_NAMES[rule] && r[3] === BROKEN_2026.wrongTotal)).toBe(true);
  expect(await page.locator("img").count()).toBe(0);
  await page.getByTestId("report-remove").click();
  await tab.waitFor({ state: "detached" });
});

test("changing a table's role is saved in the mapping and re-checks with it", async () => {
  await check("2026");
  const veTable = PLAN_2026_CELLS.veTable;
  const select = page.locator(`[data-testid="table-role"][data-sheet="${veTable.sheet}"][data-range="${veTable.range}"]`);
  expect(await select.inputValue()).toBe("ve");
  expect(await text("planned-policy")).toBe("800");
  // The VE table counted as policy hours: 800 + 210.
  await recordStatus();
  await select.selectOption("policy");
  await page.getByTestId("planned-policy").filter({ hasText: "1.010" }).waitFor();
  // Re-checked on the snapshot already read: no second read of the workbook.
  const statuses = await page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
  expect(statuses.some((t) => /lezen/.test(t))).toBe(false);
  expect(statuses.length).toBeGreaterThan(0);
  expect(await select.inputValue()).toBe("policy");
  expect(await page.getByTestId("status").getAttribute("class")).not.toContain("error");
  await select.selectOption("ve");
  await page.getByTestId("planned-policy").filter({ hasText: /^800$/ }).waitFor();
});

test("2024 example checks without errors in the page", async () => {
  await check("2024");
  expect(await text("required-policy")).toBe("550");
  expect(pageErrors).toEqual([]);
  expect(dialogs).toEqual([]);
});
