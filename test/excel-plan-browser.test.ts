/**
 * "Nieuw plan", "Nieuw plan verwijderen", "Overzicht als blad" and the realisation fields in
 * the built Excel task pane (chromium, Office.js fake holding the broken 2026 example).
 * Needs the build first (npm run build). Screenshot: test/artifacts/panel-nieuw-plan.png.
 */
import * as path from "path";
import { OVERVIEW_SHEET_NAME } from "../shared/panel/host";
import { useTaskpane } from "./helpers/taskpane-page";

jest.setTimeout(120_000);

const pane = useTaskpane();
const { fake, until } = pane;
const PLAN = ["Normen", "Locaties", "Medewerkers", "Formatie", "Verdeling", "Realisatie", "Overzicht"];

test("Nieuw plan adds the seven sheets with formulas and validation in a few syncs, and says which", async () => {
  const before = await fake<string[]>("f.sheets.map((s) => s.name)");
  await fake("f.syncs = 0");
  await pane.page.getByTestId("plan-new").click();
  await pane.page.getByTestId("status").filter({ hasText: "toegevoegd" }).waitFor();
  // 3 syncs to read the workbook (the sheet names in use), 3 to add the sheets: never per cell.
  expect(await fake<number>("f.syncs")).toBeLessThanOrEqual(6);
  expect(await fake<string[]>("f.sheets.map((s) => s.name)")).toEqual([...before, ...PLAN]);
  const status = (await pane.page.getByTestId("status").textContent()) ?? "";
  expect(status).toMatch(/^Nieuw plan \d{4}: 7 bladen toegevoegd \('Normen', 'Locaties'/);
  expect(await fake<number>(`[...f.sheet("Verdeling").cells.values()].filter((c) => c.formula).length`)).toBeGreaterThan(10);
  expect(await fake<number>(`(f.sheet("Locaties").validations || []).length`)).toBeGreaterThan(0);
  expect(await fake<number>(`f.sheet("Realisatie").frozenRows`)).toBeGreaterThan(0);
  // Carried over from the open workbook (carry-over.ts): its 16 locations, as text.
  expect(status).toMatch(/Overgenomen: 16 locaties/);
  const cellsWith = (text: string) =>
    fake<Array<{ formula: unknown; numberFormat: string }>>(`[...f.sheet("Locaties").cells.values()].filter((c) => c.value === ${JSON.stringify(text)}).map((c) => ({ formula: c.formula ?? null, numberFormat: c.numberFormat }))`);
  expect(await cellsWith("KDV Budel")).toEqual([{ formula: null, numberFormat: "@" }]);
  expect(await cellsWith("BSO Borkel & Schaft")).toEqual([{ formula: null, numberFormat: "@" }]);
  await pane.page.screenshot({ path: path.join(__dirname, "artifacts", "panel-nieuw-plan.png"), fullPage: true });
});

test("Nieuw plan verwijderen removes exactly those sheets; the workbook's own sheets stay", async () => {
  const own = await fake<string[]>(`f.sheets.map((s) => s.name).filter((n) => !${JSON.stringify(PLAN)}.includes(n))`);
  await fake(`f.cell("Formatie", "A3").value = "Coach A"`); // the user starts filling in one sheet
  await pane.page.getByTestId("plan-remove").click();
  await pane.page.getByTestId("status").filter({ hasText: "Verwijderd" }).waitFor();
  expect(await fake<string[]>("f.sheets.map((s) => s.name)")).toEqual([...own, "Formatie"]);
  expect(await pane.page.getByTestId("status").textContent()).toMatch(/Niet verwijderd, want sinds het toevoegen gewijzigd.*'Formatie'/);
});

test("Overzicht als blad checks and writes the overview as text to IKK-overzicht; a second run replaces it", async () => {
  await pane.page.getByTestId("overview-write").click();
  await pane.page.getByTestId("status").filter({ hasText: "Overzicht voor ouders" }).waitFor();
  expect(await pane.page.getByTestId("status").textContent()).toMatch(new RegExp(`blad '${OVERVIEW_SHEET_NAME}'`));
  const sheet = JSON.stringify(OVERVIEW_SHEET_NAME);
  expect(await fake<number>(`[...f.sheet(${sheet}).cells.values()].filter((c) => c.value !== null && (c.formula !== undefined || c.numberFormat !== "@")).length`)).toBe(0);
  expect(await fake<string>(`f.cell(${sheet}, "A1").value`)).toMatch(/^Inzet pedagogisch beleidsmedewerker en coach 2026/);
  await pane.page.getByTestId("overview-write").click();
  await until(`f.sheets.filter((s) => s.name.startsWith(${sheet})).length`, 1);
  expect(pane.pageErrors).toEqual([]);
  expect(pane.outside).toEqual([]);
});

test("Peildatum and alert month are stored in the document settings and re-check", async () => {
  await pane.page.getByTestId("as-of").fill("2026-10-01");
  await until(`JSON.parse(f.settings.get("ikk-normen.settings")).asOf`, "2026-10-01");
  await pane.page.getByTestId("alert-month").selectOption("6");
  await until(`JSON.parse(f.settings.get("ikk-normen.settings")).alertFromMonth`, 6);
  expect(await pane.page.getByTestId("status").textContent()).toMatch(/Controle klaar/);
});

test("a Realisatie sheet in the workbook: the result shows the realisation at the chosen reference date", async () => {
  const rows: unknown[][] = [
    ["Realisatie 2026"],
    ["Maand", "Locatie", "Onderdeel", "Uren", "Medewerker (bij coaching)", "Toelichting"],
    ["januari", "KDV Budel", "Coaching", 100],
    ["februari", "KDV Budel", "Coaching", 50],
  ];
  await fake(`(() => { const s = f.addSheet("Realisatie 2026"); ${JSON.stringify(rows)}.forEach((row, r) => row.forEach((v, c) => { f.cell("Realisatie 2026", String.fromCharCode(65 + c) + (r + 1)).value = v; })); return true; })()`);
  await pane.page.getByTestId("as-of").fill("2026-10-01");
  await pane.page.getByTestId("check").click();
  await pane.page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  await pane.page.getByTestId("realisation-title").filter({ hasText: "Realisatie per 01-10-2026 (75 % van het jaar)" }).waitFor();
  // The same workbook checked in node with the same date: the panel shows those figures.
  const { broken2026 } = await import("../demo/examples");
  const { buildSheet, checkWorkbook } = await import("../shared/validate");
  const wb = broken2026();
  wb.sheets.push(buildSheet("Realisatie 2026", rows as never));
  const real = checkWorkbook(wb, { asOf: "2026-10-01", alertFromMonth: 6 }).realisation!;
  expect(real.realised.coaching).toBe(150);
  const { formatDutch } = await import("../shared/numbers");
  const cells = await pane.page.getByTestId("realisation-coaching").locator("th, td").allTextContents();
  expect(cells).toEqual(["Coaching", "150", formatDutch(real.expected.coaching!), formatDutch(real.projected.coaching!)]);
  expect(real.projected.coaching).toBe(200); // 150 ÷ 0,75
  await pane.page.getByTestId("realisation").screenshot({ path: path.join(__dirname, "artifacts", "panel-realisatie.png") });
});
