/**
 * "Gebruik selectie" in the built Google Sheets sidebar, in chromium: google.script.run
 * forwards to the built Code.gs in a Node vm over the Apps Script fake. The user selects a
 * range in the fake spreadsheet, clicks "Gebruik selectie", picks a role, and the check
 * changes; the mapping is stored in the document properties. Needs the Sheets build first.
 */
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { REPORT_SHEET_NAME } from "../shared/panel/host";
import { check, openSidebar, type Sidebar, until, useSidebarServer } from "./helpers/sidebar-page";

jest.setTimeout(120_000);

useSidebarServer();

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
