/**
 * "Nieuw plan", its undo and "Overzicht als blad" in the built Sheets sidebar over
 * google.script.run (fake) and the built Code.gs: one server call per action, bulk writes.
 * Needs the build first (npm run build).
 */
import { plan2026 } from "../examples/plan-2026";
import { OVERVIEW_SHEET_NAME } from "../shared/panel/host";
import { openSidebar, useSidebarServer } from "./helpers/sidebar-page";

jest.setTimeout(120_000);
useSidebarServer();

const PLAN = ["Normen", "Locaties", "Medewerkers", "Formatie", "Verdeling", "Realisatie", "Overzicht"];

test("Nieuw plan: one read of the sheet list and sheets, one ikkAddPlanSheets; undo in one call; the overview as text", async () => {
  const wb = plan2026();
  const sb = await openSidebar(wb);
  try {
    const before = sb.ss.sheets.map((s) => s.name);
    sb.calls.length = 0;
    sb.ss.counter.reset();
    await sb.page.getByTestId("plan-new").click();
    await sb.page.getByTestId("status").filter({ hasText: "toegevoegd" }).waitFor();
    expect(sb.calls.filter((c) => c !== "ikkReadSheet")).toEqual(["ikkListSheets", "ikkAddPlanSheets"]);
    expect(sb.ss.sheets.map((s) => s.name).sort()).toEqual([...before, ...PLAN].sort());
    // Bulk: one setValues per added sheet, never a setValue per cell.
    expect(sb.ss.counter.count("Range.setValues")).toBe(PLAN.length);
    expect(sb.ss.counter.count("Range.setValue")).toBe(0);
    expect(sb.ss.sheet("Verdeling")!.grid.flat().filter((c) => c.formula !== "").length).toBeGreaterThan(10);
    expect(sb.ss.sheet("Locaties")!.validations.length).toBeGreaterThan(0);

    sb.calls.length = 0;
    await sb.page.getByTestId("plan-remove").click();
    await sb.page.getByTestId("status").filter({ hasText: "Verwijderd" }).waitFor();
    expect(sb.calls).toEqual(["ikkRemovePlanSheets"]);
    expect(sb.ss.sheets.map((s) => s.name).sort()).toEqual([...before].sort());

    sb.calls.length = 0;
    await sb.page.getByTestId("overview-write").click();
    await sb.page.getByTestId("status").filter({ hasText: "Overzicht voor ouders" }).waitFor();
    expect(sb.calls[sb.calls.length - 1]).toBe("ikkWriteOverview");
    const sheet = sb.ss.sheet(OVERVIEW_SHEET_NAME)!;
    expect(sheet.grid.flat().filter((c) => c.formula !== "").length).toBe(0);
    expect(String(sheet.at("A1").value)).toMatch(/^Inzet pedagogisch beleidsmedewerker en coach 2026/);
    expect(sheet.grid.flat().map((c) => String(c.value)).join("\n")).toContain("Minimum volgens de wet");
    expect(sb.pageErrors).toEqual([]);
  } finally {
    await sb.page.close();
  }
});
