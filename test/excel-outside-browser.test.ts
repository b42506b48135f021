/**
 * The BUILT Excel task pane (dist/excel) opened outside Excel, in chromium: without
 * office.js (the request fails) and with office.js in a plain browser (Office.onReady gives
 * host null). Either way the page says in Dutch that it runs only in Excel — as the Sheets
 * sidebar says "werkt alleen in Google Spreadsheets" — keeps the function list, and has no
 * script error (functions.js used to stop at "CustomFunctions is not defined").
 * Needs the Excel build first (npm run build).
 */
import { OUTSIDE_EXCEL_MESSAGE } from "../excel-addin/taskpane";
import { useTaskpane, type Taskpane } from "./helpers/taskpane-page";

jest.setTimeout(120_000);

function outsideExcel(pane: Taskpane): void {
  test("a Dutch message that the pane works only in Excel, no panel, no script error, the function list still there", async () => {
    const message = pane.page.getByTestId("outside-excel");
    expect((await message.textContent())?.trim()).toBe(OUTSIDE_EXCEL_MESSAGE);
    expect(OUTSIDE_EXCEL_MESSAGE).toMatch(/^Dit taakvenster werkt alleen in Excel\./);
    expect(await message.getAttribute("role")).toBe("alert");
    expect(await message.isVisible()).toBe(true);
    // The panel is not mounted: no button that could only fail.
    expect(await pane.page.getByTestId("check").count()).toBe(0);
    expect(await pane.page.locator("#app > *").count()).toBe(1);
    expect(await pane.page.locator("#ikk-functies dt").count()).toBeGreaterThan(5);
    expect(pane.pageErrors).toEqual([]);
    expect(pane.outside).toEqual([]);
  });
}

describe("office.js not loaded (offline, or the page opened on its own)", () => {
  const pane = useTaskpane({ office: "missing", readyTestId: "outside-excel" });
  outsideExcel(pane);
});

describe("office.js in a plain browser: Office.onReady gives host null", () => {
  const pane = useTaskpane({ office: "outside", readyTestId: "outside-excel" });
  outsideExcel(pane);
});
