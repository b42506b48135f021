/**
 * "Nieuw plan", its undo and the overview sheet in the Excel adapter (excel-addin/office-host.ts)
 * against the Office.js fake (test/helpers/office-fake.ts): formulas as formulas, user text
 * starting with "=" as text, validations, frozen rows, widths; undo removes exactly the added
 * sheets that are unchanged; name clashes; a bounded number of syncs.
 */
import { OfficeHost } from "../excel-addin/office-host";
import { FakeExcel } from "./helpers/office-fake";
import { HOSTILE_NAME, sampleTemplate } from "./helpers/plan-sample";
import { OVERVIEW_SHEET_NAME } from "../shared/panel/host";
import { columnWidthPoints } from "../shared/panel/plan-sheets";
import { HOST_MESSAGES } from "../shared/panel/host-kit";
import { planAddedMessage } from "../shared/panel/plan-view";

function workbook(): FakeExcel {
  const fake = new FakeExcel();
  const s = fake.addSheet("Blad1");
  s.cells.set("0,0", { value: "Mijn eigen gegevens", numberFormat: "General", fill: null });
  return fake;
}

describe("addPlanSheets", () => {
  test("the template's sheets in 3 syncs: formulas as formulas, text as text, formats, bold, widths, frozen rows, validation", async () => {
    const fake = workbook();
    const host = new OfficeHost(fake.apis());
    fake.syncs = 0;
    const added = await host.addPlanSheets(sampleTemplate());
    expect(added.sheets).toEqual(["Normen", "Locaties", "Verdeling"]);
    expect(fake.syncs).toBe(3);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Blad1", "Normen", "Locaties", "Verdeling"]);
    // Formulas are formulas.
    expect(fake.cell("Locaties", "D2").formula).toBe("=Normen!$B$2");
    expect(fake.cell("Verdeling", "C4").formula).toBe('=SUMIFS(Locaties!D:D,Locaties!C:C,"KDV")');
    // User text starting with "=" is text in an "@" cell, no formula.
    const hostile = fake.cell("Locaties", "A3");
    expect(hostile.formula).toBeUndefined();
    expect(hostile.value).toBe(HOSTILE_NAME);
    expect(hostile.numberFormat).toBe("@");
    // An LRK number written as text stays the text "123456789", not a number.
    expect(fake.cell("Locaties", "B2").value).toBe("123456789");
    expect(fake.cell("Normen", "B2")).toMatchObject({ value: 50, numberFormat: "#,##0.0" });
    expect(fake.cell("Normen", "A1").bold).toBe(true);
    expect(fake.cell("Normen", "A2").bold).toBeFalsy();
    expect(fake.sheet("Normen")!.frozenRows).toBe(1);
    expect(fake.sheet("Locaties")!.columnWidths!.get(0)).toBe(columnWidthPoints(30));
    // 30 characters: 30 × 7 + 5 = 215 px = 161,25 pt.
    expect(columnWidthPoints(30)).toBe(161.25);
    const v = fake.sheet("Verdeling")!.validations!;
    expect(v).toEqual([
      { address: "B2:B201", rule: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } }, errorAlert: { message: "Vul een aantal uren van 0 of meer in.", showAlert: true, style: "Stop", title: "IKK-normen" } },
      { address: "C2:C201", rule: { wholeNumber: { formula1: 0, formula2: 99, operator: "Between" } }, errorAlert: { message: "Vul een heel getal van 0 tot 99 in.", showAlert: true, style: "Stop", title: "IKK-normen" } },
    ]);
    expect(fake.sheet("Locaties")!.validations!.map((x) => x.rule)).toEqual([
      { custom: { formula: "=AND(LEN(B2)=9,ISNUMBER(VALUE(B2)))" } },
      { list: { inCellDropDown: true, source: "KDV,BSO,PSZ,GOK" } },
    ]);
    // The first new sheet is shown, activated only after its add was synced.
    expect(fake.activeSheet).toBe("Normen");
    expect(fake.log.some((l) => l.startsWith("activate-ignored"))).toBe(false);
  });

  test("an Excel without ExcelApi 1.8/1.7: no validation and no frozen rows are written, and the result says so in Dutch", async () => {
    const fake = new FakeExcel({ supported: (name, version) => name === "ExcelApi" && Number(version.split(".")[1] ?? 0) <= 6 });
    fake.addSheet("Blad1");
    const host = new OfficeHost(fake.apis());
    const added = await host.addPlanSheets(sampleTemplate());
    expect(added.sheets).toEqual(["Normen", "Locaties", "Verdeling"]);
    expect(fake.sheet("Verdeling")!.validations ?? []).toEqual([]);
    expect(fake.sheet("Normen")!.frozenRows ?? 0).toBe(0);
    expect(added.notes).toEqual([HOST_MESSAGES.planNoValidation, HOST_MESSAGES.planNoFrozenRows]);
    expect(planAddedMessage(2027, added)).toContain("geen invoercontrole");
    // A current Excel: nothing to say.
    const current = workbook();
    expect((await new OfficeHost(current.apis()).addPlanSheets(sampleTemplate())).notes).toBeUndefined();
  });

  test("syncs do not grow with the size of the template (not per cell or per sheet)", async () => {
    const big = sampleTemplate();
    for (let i = 0; i < 500; i++) big.sheets[1].rows.push([{ value: `Locatie ${i}` }, { value: String(100000000 + i) }, { value: "KDV" }, { formula: "=Normen!$B$2" }]);
    for (let i = 0; i < 5; i++) big.sheets.push({ ...big.sheets[0], name: `Extra ${i}` });
    const fake = workbook();
    fake.syncs = 0;
    await new OfficeHost(fake.apis()).addPlanSheets(big);
    expect(fake.syncs).toBe(3);
    expect(fake.cell("Locaties", "D502").formula).toBe("=Normen!$B$2");
  });

  test("a name the workbook has: 'Locaties 2027', and the formulas point at it, not at the user's sheet", async () => {
    const fake = workbook();
    fake.addSheet("Locaties");
    const added = await new OfficeHost(fake.apis()).addPlanSheets(sampleTemplate());
    expect(added.sheets).toEqual(["Normen", "Locaties 2027", "Verdeling"]);
    expect(fake.cell("Verdeling", "A2").formula).toBe("='Locaties 2027'!A2");
    expect(fake.sheet("Locaties")!.cells.size).toBe(0);
  });

  test("Excel not keeping '@' text as text: the apostrophe rewrite keeps the name as text (a 4th sync)", async () => {
    const fake = new FakeExcel({ textFormatKeepsText: false });
    fake.addSheet("Blad1");
    fake.syncs = 0;
    await new OfficeHost(fake.apis()).addPlanSheets(sampleTemplate());
    expect(fake.syncs).toBe(4);
    expect(fake.cell("Locaties", "A3").formula).toBeUndefined();
    expect(fake.cell("Locaties", "A3").value).toBe(HOSTILE_NAME);
    // And the undo still recognises the sheet as unchanged.
    const r = await new OfficeHost(fake.apis()).removePlanSheets();
    expect(r.removed).toEqual(["Normen", "Locaties", "Verdeling"]);
  });
});

describe("removePlanSheets", () => {
  test("removes exactly the added sheets (3 syncs); the user's sheets stay; a second undo does nothing", async () => {
    const fake = workbook();
    const host = new OfficeHost(fake.apis());
    await host.addPlanSheets(sampleTemplate());
    fake.syncs = 0;
    const r = await host.removePlanSheets();
    expect(r).toEqual({ removed: ["Normen", "Locaties", "Verdeling"], kept: [] });
    expect(fake.syncs).toBe(3);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Blad1"]);
    expect(fake.cell("Blad1", "A1").value).toBe("Mijn eigen gegevens");
    fake.syncs = 0;
    expect(await host.removePlanSheets()).toEqual({ removed: [], kept: [] });
    expect(fake.syncs).toBe(0);
  });

  test("an edited or renamed sheet is kept; a user's sheet of a template name is never deleted", async () => {
    const fake = workbook();
    fake.addSheet("Locaties");
    const host = new OfficeHost(fake.apis());
    await host.addPlanSheets(sampleTemplate());
    fake.cell("Verdeling", "B2").value = 40; // the user plans 40 hours
    fake.renameSheet("Normen", "Mijn normen");
    // The pane is closed and opened again: the record is in the document.
    const again = new OfficeHost({ ...fake.apis(), settings: () => fake.settings });
    const r = await again.removePlanSheets();
    expect(r.removed).toEqual(["Locaties 2027"]);
    expect(r.kept.sort()).toEqual(["Mijn normen", "Verdeling"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Blad1", "Locaties", "Mijn normen", "Verdeling"]);
  });
});

describe("writeOverview", () => {
  test("text only; the tool's own overview replaced on a second run; a user's IKK-overzicht kept", async () => {
    const fake = workbook();
    fake.addSheet(OVERVIEW_SHEET_NAME).cells.set("0,0", { value: "van de gebruiker", numberFormat: "General", fill: null });
    const host = new OfficeHost(fake.apis());
    const first = await host.writeOverview([["Inzet 2027"], ["Totaal minimum: 1.433,7 uur"], [HOSTILE_NAME]]);
    expect(first.sheet).toBe(`${OVERVIEW_SHEET_NAME} (2)`);
    expect(fake.cell(first.sheet, "A3")).toMatchObject({ value: HOSTILE_NAME, numberFormat: "@" });
    expect(fake.cell(first.sheet, "A3").formula).toBeUndefined();
    const second = await host.writeOverview([["Inzet 2027, opnieuw"]]);
    expect(second.sheet).toBe(first.sheet);
    expect(fake.sheets.filter((s) => s.name.startsWith(OVERVIEW_SHEET_NAME)).map((s) => s.name)).toEqual([OVERVIEW_SHEET_NAME, `${OVERVIEW_SHEET_NAME} (2)`]);
    expect(fake.cell(second.sheet, "A1").value).toBe("Inzet 2027, opnieuw");
    expect(fake.cell(second.sheet, "A3").value).toBeNull();
    expect(fake.cell(OVERVIEW_SHEET_NAME, "A1").value).toBe("van de gebruiker");
    // The tool's overview is output: a new read leaves it out; the user's sheet is read.
    const read = await host.readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual(["Blad1", OVERVIEW_SHEET_NAME]);
  });
});

describe("the real template with carried-over data", () => {
  test("a carried location name starting with '=' and an LRK number stay text in Excel; the template's formulas are formulas", async () => {
    const { checkWorkbook, buildSheet } = await import("../shared/validate");
    const { carryOver } = await import("../shared/template/carry-over");
    const { newPlanTemplate } = await import("../shared/panel/plan-view");
    const { plan2026 } = await import("../examples/plan-2026");
    const wb = plan2026();
    wb.sheets.push(buildSheet("Locaties", [["Locatie", "LRK-nummer", "Soort"], [HOSTILE_NAME, "123456789", "KDV"], ["KDV Budel", "987654321", "KDV"]]));
    const over = carryOver(wb, checkWorkbook(wb));
    const template = newPlanTemplate(2027, wb.sheets.map((s) => s.name), over.carried);
    const fake = FakeExcel.fromSnapshot(wb);
    fake.syncs = 0;
    const added = await new OfficeHost(fake.apis()).addPlanSheets(template);
    expect(fake.syncs).toBe(3);
    expect(added.sheets[1]).toBe("Locaties 2027");
    const loc = fake.sheet("Locaties 2027")!;
    const hostile = [...loc.cells.values()].filter((c) => c.value === HOSTILE_NAME);
    expect(hostile).toHaveLength(1);
    expect(hostile[0].formula).toBeUndefined();
    expect(hostile[0].numberFormat).toBe("@");
    const lrk = [...loc.cells.values()].filter((c) => c.value === "123456789");
    expect(lrk).toHaveLength(1);
    expect([...fake.sheet("Verdeling")!.cells.values()].filter((c) => c.formula).length).toBeGreaterThan(10);
    // The user's own "Locaties" sheet is untouched.
    expect(fake.cell("Locaties", "A2").value).toBe(HOSTILE_NAME);
    expect(fake.sheet("Locaties")!.cells.size).toBe(9);
  });
});
