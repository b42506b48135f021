/**
 * "Gebruik selectie" in the built Excel task pane, in chromium, over the Office.js fake
 * (test/helpers/office-fake-browser.ts, the broken 2026 example): the user selects a range
 * in the fake, clicks "Gebruik selectie", picks a role, and the check changes; the mapping
 * is stored in the document settings. Needs the Excel build first.
 */
import { PLAN_2026_CELLS } from "../examples/plan-2026";
import { useTaskpane } from "./helpers/taskpane-page";

jest.setTimeout(120_000);

const pane = useTaskpane();
const { fake, until } = pane;

async function waitStatus(text: string | RegExp): Promise<string> {
  const status = pane.page.getByTestId("status");
  await status.filter({ hasText: text }).waitFor();
  return (await status.textContent()) ?? "";
}

test("select the coaching table, 'Gebruik selectie', 'negeren': its hours drop out; 'coaching' again: counted", async () => {
  const t = PLAN_2026_CELLS.coachingTable;
  await pane.page.getByTestId("check").click();
  await waitStatus("Controle klaar");
  const planned = (await pane.page.getByTestId("planned-coaching").textContent())?.trim();
  expect(planned).not.toBe("–");

  await fake(`f.userSelect(${JSON.stringify(t.sheet)}, ${JSON.stringify(t.range)})`);
  await fake("f.syncs = 0");
  await pane.page.getByTestId("selection-use").click();
  await pane.page.getByTestId("selection-place").filter({ hasText: `'${t.sheet}'!${t.range}` }).waitFor();
  expect(await fake<number>("f.syncs")).toBe(1);

  await fake("f.syncs = 0");
  await pane.page.getByTestId("selection-role").selectOption("tabel:ignored");
  expect(await waitStatus("is nu tabel 'negeren'")).toMatch(/Controle klaar/);
  expect((await pane.page.getByTestId("planned-coaching").textContent())?.trim()).toBe("–");
  // The workbook is read again (3 syncs); the settings are saved in the document.
  expect(await fake<number>("f.syncs")).toBe(3);
  const saved = JSON.parse(await fake<string>(`f.settings.saved.get("ikk-normen.settings")`));
  expect(saved.mapping.tabellen).toEqual([{ blad: t.sheet, bereik: t.range, rol: "negeren" }]);

  // A whole-column selection of the table's columns would take in the other tables too;
  // the user selects the table again and gives it its role back.
  await pane.page.getByTestId("selection-use").click();
  await pane.page.getByTestId("selection-role").selectOption("tabel:coaching");
  await waitStatus("is nu tabel 'coaching'");
  expect((await pane.page.getByTestId("planned-coaching").textContent())?.trim()).toBe(planned);
});

test("a fact from one cell; a range for a fact and several areas are refused in Dutch", async () => {
  const centres = PLAN_2026_CELLS.centres;
  await fake(`f.userSelect(${JSON.stringify(centres.sheet)}, "A4:B4")`);
  await pane.page.getByTestId("selection-use").click();
  await pane.page.getByTestId("selection-role").selectOption("feit:fte");
  expect(await waitStatus("staat in één cel")).toContain("maar u selecteerde 2 cellen (A4:B4)");
  expect(await pane.page.getByTestId("status").getAttribute("class")).toContain("error");

  await fake(`f.userSelect(${JSON.stringify(centres.sheet)}, "A1:B2", "D4")`);
  await pane.page.getByTestId("selection-use").click();
  expect(await waitStatus("Excel kon de selectie niet lezen")).toContain("niet meerdere gebieden tegelijk");

  await fake(`f.userSelect(${JSON.stringify(centres.sheet)}, ${JSON.stringify(centres.cell)})`);
  await pane.page.getByTestId("selection-use").click();
  await pane.page.getByTestId("selection-role").selectOption("feit:fte");
  await waitStatus("'fte' komt nu uit cel");
  expect(await pane.page.getByTestId("fact-value-fte").textContent()).toBe(`gebruikt: ${(await pane.page.getByTestId("fact-value-centres").textContent())!.replace("gebruikt: ", "")}`);
  expect(pane.pageErrors).toEqual([]);
  expect(pane.outside).toEqual([]);
});
