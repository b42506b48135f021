/**
 * "Gebruik selectie" in Excel: OfficeHost.getSelection over the Office.js fake
 * (test/helpers/office-fake.ts): one sync, the sheet prefix and quotes stripped from the
 * address, and Dutch messages when Excel has no single range selected.
 */
import { OfficeHost, splitAddress } from "../excel-addin/office-host";
import { FakeExcel, OfficeError, excelSheetRef } from "./helpers/office-fake";
import { plan2026, PLAN_2026_CELLS } from "../examples/plan-2026";
import { checkWorkbook } from "../shared/validate";
import { checkOptions, selectionSettings } from "../shared/panel/view-model";
import { isIkkError } from "../shared/errors";

describe("splitAddress", () => {
  test("Excel addresses with sheet → sheet and A1", () => {
    expect(splitAddress("Blad1!A1:C4")).toEqual({ sheet: "Blad1", a1: "A1:C4" });
    expect(splitAddress("'Mijn blad'!B2")).toEqual({ sheet: "Mijn blad", a1: "B2" });
    expect(splitAddress("'Jan''s plan'!$A:$A")).toEqual({ sheet: "Jan's plan", a1: "A:A" });
    expect(splitAddress("'Uren!2026'!3:3")).toEqual({ sheet: "Uren!2026", a1: "3:3" });
    expect(splitAddress("")).toBeNull();
    expect(splitAddress(null)).toBeNull();
    for (const bad of ["A1", "!A1", "Blad1!"]) expect(() => splitAddress(bad)).toThrow(/Excel gaf een onleesbaar adres voor de selectie/);
  });

  test("the fake quotes sheet names as Excel does", () => {
    expect(excelSheetRef("Blad1")).toBe("Blad1");
    expect(excelSheetRef("Verdeling 2026")).toBe("'Verdeling 2026'");
    expect(excelSheetRef("Jan's")).toBe("'Jan''s'");
  });
});

describe("OfficeHost.getSelection", () => {
  test("one sync; a range on a sheet with a space in its name comes back without prefix or quotes", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    const t = PLAN_2026_CELLS.coachingTable;
    fake.userSelect(t.sheet, t.range);
    fake.syncs = 0;
    const sel = await new OfficeHost(fake.apis()).getSelection();
    expect(fake.syncs).toBe(1);
    expect(sel).toEqual({ sheet: t.sheet, a1: t.range });
    expect(JSON.parse(JSON.stringify(sel))).toEqual(sel);
  });

  test("no selection made by the user: Excel's default, A1 of the active sheet", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    expect(await new OfficeHost(fake.apis()).getSelection()).toEqual({ sheet: fake.activeSheet, a1: "A1" });
  });

  test("a whole column is given as 'A:F' and cut to the filled cells by the panel", async () => {
    const wb = plan2026();
    const fake = FakeExcel.fromSnapshot(wb);
    fake.userSelect("Uren 2026", "B:B");
    const sel = await new OfficeHost(fake.apis()).getSelection();
    expect(sel).toEqual({ sheet: "Uren 2026", a1: "B:B" });
    expect(() => selectionSettings(null, sel, { kind: "fact", fact: "fte" }, wb)).toThrow(/u selecteerde een hele kolom/);
  });

  test("several areas or a chart selected: one Dutch message (Excel documents no error code for it)", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    const host = new OfficeHost(fake.apis());
    fake.userSelect("Uren 2026", "A1:B2", "D4");
    const multi = await host.getSelection().catch((e) => e);
    expect(isIkkError(multi)).toBe(true);
    expect(multi.message).toBe(
      "Excel kon de selectie niet lezen. Selecteer één aaneengesloten bereik of één cel (niet meerdere gebieden tegelijk, geen grafiek of vorm) en probeer het opnieuw.",
    );
    fake.userSelect("Uren 2026", "A1");
    fake.shapeSelected = true;
    await expect(host.getSelection()).rejects.toThrow(/geen grafiek of vorm/);
    const denied = new OfficeHost({
      ...fake.apis(),
      run: async () => {
        throw new OfficeError("AccessDenied", "denied");
      },
    });
    await expect(denied.getSelection()).rejects.toThrow(/Excel staat de wijziging niet toe/);
  });

  test("selected fact cell → settings → the engine uses it", async () => {
    const wb = plan2026();
    const fake = FakeExcel.fromSnapshot(wb);
    fake.userSelect(PLAN_2026_CELLS.centres.sheet, PLAN_2026_CELLS.centres.cell);
    const sel = await new OfficeHost(fake.apis()).getSelection();
    const r = selectionSettings(null, sel, { kind: "fact", fact: "kindercentra" }, wb);
    expect(r.settings.mapping).toEqual({ versie: 1, feiten: { kindercentra: { blad: PLAN_2026_CELLS.centres.sheet, cel: PLAN_2026_CELLS.centres.cell } } });
    expect(checkWorkbook(wb, checkOptions(r.settings)).inputs.centres?.source.description).toMatch(/B4/);
  });
});
