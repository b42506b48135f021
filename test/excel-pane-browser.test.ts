/**
 * The built Excel task pane (dist/excel/taskpane.html + functions.js + taskpane.js) in a
 * real browser (chromium via playwright-core), with office.js replaced by the Office.js
 * fake (test/helpers/office-fake-browser.ts, bundled here with webpack). Clicks through the
 * panel and checks what happened in the "workbook": round trips, marks, report, selection.
 * Needs the Excel build first (npx webpack --mode production --config excel-addin/webpack.config.js).
 */
import * as path from "path";
import { BROKEN_2026 } from "../demo/examples";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
import { useTaskpane } from "./helpers/taskpane-page";

jest.setTimeout(120_000);

const pane = useTaskpane();
const { fake, until } = pane;

test("Controleren reads the workbook in 3 round trips (sheets, used-range sizes, cells) and shows the findings", async () => {
  await fake("f.syncs = 0");
  await pane.page.getByTestId("check").click();
  await pane.page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  expect(await fake<number>("f.syncs")).toBe(3);
  expect(await fake<number>("Math.max(...f.payloads.map((p) => p.response))")).toBeLessThan(1_000_000);
  expect(await pane.page.getByTestId("finding").count()).toBeGreaterThan(0);
  // The function list is still there, folded.
  expect(await pane.page.locator("#ikk-functies dt").count()).toBeGreaterThan(5);
  await pane.page.screenshot({ path: path.join(__dirname, "artifacts", "excel-taskpane.png"), fullPage: true });
});

test("a finding selects its cell in Excel", async () => {
  const finding = pane.page.getByTestId("finding").filter({ hasText: BROKEN_2026.wrongTotal }).first();
  await finding.click();
  await until("f.selection", { sheet: BROKEN_2026.sheet, address: BROKEN_2026.wrongTotal });
  expect(await fake<string>("f.activeSheet")).toBe(BROKEN_2026.sheet);
});

test("marks colour the cells and clearing restores no fill", async () => {
  const cell = `f.cell(${JSON.stringify(BROKEN_2026.sheet)}, ${JSON.stringify(BROKEN_2026.wrongTotal)}).fill`;
  expect(await fake<unknown>(cell)).toBeNull();
  await pane.page.getByTestId("marks-show").click();
  await until(`${cell}?.color`, MARK_COLOURS.error);
  await pane.page.getByTestId("marks-clear").click();
  await until(cell, null);
});

test("the report sheet gets the report as text, and a new check ignores it", async () => {
  await pane.page.getByTestId("report-write").click();
  await until(`!!f.sheet(${JSON.stringify(REPORT_SHEET_NAME)})`, true);
  const formulas = await fake<number>(`[...f.sheet(${JSON.stringify(REPORT_SHEET_NAME)}).cells.values()].filter((c) => c.formula !== undefined || c.numberFormat !== "@").length`);
  expect(formulas).toBe(0);
  await pane.page.getByTestId("check").click();
  await pane.page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  expect(pane.pageErrors).toEqual([]);
  expect(pane.outside).toEqual([]);
});

test("a marked cell the user recoloured is left and named in the status; the status never says all was restored", async () => {
  const sheet = JSON.stringify(BROKEN_2026.sheet);
  const cell = `f.cell(${sheet}, ${JSON.stringify(BROKEN_2026.wrongTotal)}).fill`;
  await pane.page.getByTestId("marks-show").click();
  await until(`${cell}?.color`, MARK_COLOURS.error);
  await fake(`${cell} = { color: "#FFFF00", pattern: "Solid" }`);
  await pane.page.getByTestId("marks-clear").click();
  const status = pane.page.getByTestId("status");
  await status.filter({ hasText: "Markeringen gewist" }).waitFor();
  const text = (await status.textContent()) ?? "";
  expect(text).toMatch(/hersteld; 1 cel niet: /);
  expect(text).toContain(`!${BROKEN_2026.wrongTotal} (de opmaak is na het markeren gewijzigd)`);
  expect(text).not.toContain("oorspronkelijke opmaak is terug");
  expect(await fake<unknown>(`${cell}?.color`)).toBe("#FFFF00");
  await fake(`${cell} = null`);
});

test("a user's own sheet named IKK-rapport is kept: the report goes to 'IKK-rapport (2)', and only that one is removed", async () => {
  const own = JSON.stringify(REPORT_SHEET_NAME);
  const second = JSON.stringify(`${REPORT_SHEET_NAME} (2)`);
  if (await fake<boolean>(`!!f.sheet(${own})`)) {
    await pane.page.getByTestId("report-remove").click();
    await until(`!!f.sheet(${own})`, false);
  }
  await fake(`(f.addSheet(${own}), f.cell(${own}, "A1").value = "Mijn aantekeningen")`);
  await pane.page.getByTestId("report-write").click();
  await pane.page.getByTestId("status").filter({ hasText: `Rapport geschreven naar blad '${REPORT_SHEET_NAME} (2)'` }).waitFor();
  expect(await fake<unknown>(`f.cell(${own}, "A1").value`)).toBe("Mijn aantekeningen");
  await pane.page.getByTestId("report-remove").click();
  await pane.page.getByTestId("status").filter({ hasText: `Blad '${REPORT_SHEET_NAME} (2)' verwijderd.` }).waitFor();
  expect(await fake<boolean>(`!!f.sheet(${second})`)).toBe(false);
  expect(await fake<boolean>(`!!f.sheet(${own})`)).toBe(true);
  expect(pane.pageErrors).toEqual([]);
});
