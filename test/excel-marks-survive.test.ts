/**
 * Issue 11 items 7 and 8 (report sheet) for the Excel adapter: marks survive a sheet
 * rename and inserted rows (hidden named items + worksheet.id + a check of the current
 * fill), clearMarks reports what it left alone, and the report sheet never replaces,
 * skips or deletes a sheet the adapter did not create. Against test/helpers/office-fake.ts,
 * which models worksheet ids, defined names that move with inserted rows and the "format
 * same as above" of inserted rows.
 */
import { OfficeHost, MARK_NAME_PREFIX } from "../excel-addin/office-host";
import { FakeExcel, type Fill } from "./helpers/office-fake";
import { plan2026 } from "../examples/plan-2026";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
import { CUT_MARK, MAX_CELL_TEXT, REPORT_KEY, clearMarksMessage, encodeMarks } from "../shared/panel/host-kit";
import { MARKS_KEY } from "../excel-addin/office-host";

const SHEET = "Verdeling 2026";
const RED: Fill = { color: "#FF0000", pattern: "Solid" };
const BLUE: Fill = { color: "#0070C0", pattern: "Solid" };
const GREEN: Fill = { color: "#00B050", pattern: "Solid" };

function setup(options?: ConstructorParameters<typeof FakeExcel>[0]) {
  const fake = FakeExcel.fromSnapshot(plan2026(), options);
  fake.cell(SHEET, "B2").fill = { ...GREEN };
  fake.cell(SHEET, "B3").fill = { ...RED };
  fake.cell(SHEET, "C3").fill = { ...BLUE };
  return { fake, host: new OfficeHost(fake.apis()) };
}

describe("marks that survive edits (Excel)", () => {
  test("each newly marked cell gets one hidden named item pointing at it", async () => {
    const { fake, host } = setup();
    await host.applyMarks([{ sheet: SHEET, cell: "B3:C3", severity: "error" }]);
    expect(fake.names.map((n) => n.name.startsWith(MARK_NAME_PREFIX))).toEqual([true, true]);
    expect(fake.names.every((n) => n.visible === false)).toBe(true);
  });

  test("rename the sheet, then clear: every cell restored (the named items follow the sheet)", async () => {
    const { fake, host } = setup();
    await host.applyMarks([{ sheet: SHEET, cell: "B3:C3", severity: "error" }]);
    fake.renameSheet(SHEET, "Verdeling (oud)");
    const result = await host.clearMarks();
    expect(result).toEqual({ restored: 2, skipped: [] });
    expect(fake.cell("Verdeling (oud)", "B3").fill).toEqual(RED);
    expect(fake.cell("Verdeling (oud)", "C3").fill).toEqual(BLUE);
    expect(fake.settings.saved.has(MARKS_KEY)).toBe(false);
  });

  test("without named items (ExcelApi below 1.4) a renamed sheet is still found by its id", async () => {
    const { fake, host } = setup({ supported: (name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= 3 });
    await host.applyMarks([{ sheet: SHEET, cell: "B3", severity: "warning" }]);
    expect(fake.names).toEqual([]);
    fake.renameSheet(SHEET, "Nieuw");
    expect(await host.clearMarks()).toEqual({ restored: 1, skipped: [] });
    expect(fake.cell("Nieuw", "B3").fill).toEqual(RED);
  });

  test("insert a row above a mark, then clear: the moved cell is restored, the cell now at the old address is untouched", async () => {
    const { fake, host } = setup();
    await host.applyMarks([
      { sheet: SHEET, cell: "B2", severity: "warning" },
      { sheet: SHEET, cell: "B3", severity: "error" },
    ]);
    fake.insertRows(SHEET, 3); // above row 3: B3 moves to B4; the new B3 takes B2's fill (the mark colour)
    expect(fake.cell(SHEET, "B3").fill?.color).toBe(MARK_COLOURS.warning);
    expect(fake.cell(SHEET, "B4").fill?.color).toBe(MARK_COLOURS.error);
    const result = await host.clearMarks();
    expect(result).toEqual({ restored: 2, skipped: [] });
    expect(fake.cell(SHEET, "B2").fill).toEqual(GREEN);
    expect(fake.cell(SHEET, "B4").fill).toEqual(RED); // the marked cell, where it is now
    expect(fake.cell(SHEET, "B3").fill?.color).toBe(MARK_COLOURS.warning); // the new cell: not given B3's old fill
  });

  test("marked again after the insert (the check found the cell at its new address): the first original wins", async () => {
    const { fake, host } = setup();
    await host.applyMarks([{ sheet: SHEET, cell: "B3", severity: "error" }]);
    fake.insertRows(SHEET, 2);
    await host.applyMarks([{ sheet: SHEET, cell: "B4", severity: "warning" }]);
    expect(fake.names).toHaveLength(1); // B4 is the same marked cell: nothing new remembered
    expect(await host.clearMarks()).toEqual({ restored: 1, skipped: [] });
    expect(fake.cell(SHEET, "B4").fill).toEqual(RED);
  });

  test("a cell the user recoloured after marking is left as it is and reported; the panel message says so", async () => {
    const { fake, host } = setup();
    await host.applyMarks([{ sheet: SHEET, cell: "B3:C3", severity: "error" }]);
    fake.cell(SHEET, "C3").fill = { color: "#FFFF00", pattern: "Solid" };
    const result = await host.clearMarks();
    expect(result).toEqual({ restored: 1, skipped: [{ sheet: SHEET, cell: "C3", reason: "changed" }] });
    expect(fake.cell(SHEET, "B3").fill).toEqual(RED);
    expect(fake.cell(SHEET, "C3").fill).toEqual({ color: "#FFFF00", pattern: "Solid" });
    const message = clearMarksMessage(result);
    expect(message).toBe(
      "Markeringen gewist: 1 cel hersteld; 1 cel niet: 'Verdeling 2026'!C3 (de opmaak is na het markeren gewijzigd). Die cellen zijn niet aangeraakt; herstel hun opmaak zo nodig zelf.",
    );
    expect(message).not.toMatch(/oorspronkelijke opmaak is terug/);
  });

  test("a marked row deleted: reported as a deleted cell, nothing else touched", async () => {
    const { fake, host } = setup();
    await host.applyMarks([{ sheet: SHEET, cell: "B3", severity: "error" }]);
    fake.deleteRows(SHEET, 3);
    const before = JSON.stringify(fake.cell(SHEET, "B3").fill);
    expect(await host.clearMarks()).toEqual({ restored: 0, skipped: [{ sheet: SHEET, cell: "B3", reason: "cellGone" }] });
    expect(JSON.stringify(fake.cell(SHEET, "B3").fill)).toBe(before);
  });

  test("marks stored by the previous version ([sheet, a1, fill]) are restored after the fill check", async () => {
    const { fake } = setup();
    fake.cell(SHEET, "B3").fill = { color: MARK_COLOURS.error, pattern: "Solid" };
    fake.cell(SHEET, "C3").fill = { color: "#FFFF00", pattern: "Solid" }; // recoloured by the user
    fake.settings.saved.set(MARKS_KEY, encodeMarks([[SHEET, "B3", { color: "#FF0000" }], [SHEET, "C3", { none: true }]]));
    const result = await new OfficeHost(fake.apis()).clearMarks();
    expect(result).toEqual({ restored: 1, skipped: [{ sheet: SHEET, cell: "C3", reason: "changed" }] });
    expect(fake.cell(SHEET, "B3").fill?.color).toBe("#FF0000");
  });
});

describe("the report sheet is the adapter's own (Excel)", () => {
  test("a user's own sheet named IKK-rapport is kept and read; the report goes to 'IKK-rapport (2)' and is skipped when reading", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    fake.addSheet(REPORT_SHEET_NAME);
    fake.cell(REPORT_SHEET_NAME, "A1").value = "Mijn eigen aantekeningen";
    const host = new OfficeHost(fake.apis());
    expect(await host.writeReport([["Ernst", "Melding"]])).toEqual({ sheet: `${REPORT_SHEET_NAME} (2)` });
    expect(fake.cell(REPORT_SHEET_NAME, "A1").value).toBe("Mijn eigen aantekeningen");
    expect(fake.cell(`${REPORT_SHEET_NAME} (2)`, "A1").value).toBe("Ernst");
    const wb = await host.readWorkbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Uren 2026", "Verdeling 2026", REPORT_SHEET_NAME]);

    // Again: the adapter's own sheet is replaced, the user's stays.
    expect(await host.writeReport([["opnieuw"]])).toEqual({ sheet: `${REPORT_SHEET_NAME} (2)` });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Uren 2026", "Verdeling 2026", REPORT_SHEET_NAME, `${REPORT_SHEET_NAME} (2)`]);
    expect(fake.cell(`${REPORT_SHEET_NAME} (2)`, "A1").value).toBe("opnieuw");

    // removeReport deletes only the adapter's own sheet.
    expect(await host.removeReport()).toEqual({ removed: `${REPORT_SHEET_NAME} (2)` });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Uren 2026", "Verdeling 2026", REPORT_SHEET_NAME]);
    expect(await host.removeReport()).toEqual({ removed: null });
    expect(fake.sheet(REPORT_SHEET_NAME)).toBeDefined();
  });

  test("the adapter's report deleted by the user and a new sheet of that name made by hand: that sheet is the user's", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    const host = new OfficeHost(fake.apis());
    await host.writeReport([["rapport"]]);
    expect(typeof fake.settings.saved.get(REPORT_KEY)).toBe("string");
    fake.sheets = fake.sheets.filter((s) => s.name !== REPORT_SHEET_NAME);
    fake.addSheet(REPORT_SHEET_NAME);
    fake.cell(REPORT_SHEET_NAME, "A1").value = "van de gebruiker";
    expect(await host.removeReport()).toEqual({ removed: null });
    expect(fake.cell(REPORT_SHEET_NAME, "A1").value).toBe("van de gebruiker");
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toContain(REPORT_SHEET_NAME);
  });

  test("a renamed report sheet is the user's now: kept, and the next report gets the plain name again", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    const host = new OfficeHost(fake.apis());
    await host.writeReport([["rapport"]]);
    fake.renameSheet(REPORT_SHEET_NAME, "Rapport januari");
    expect(await host.writeReport([["nieuw"]])).toEqual({ sheet: REPORT_SHEET_NAME });
    expect(fake.cell("Rapport januari", "A1").value).toBe("rapport");
  });

  test("report cells longer than Excel's 32 767 characters are cut below it with a visible '…(ingekort)'", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    const long = "x".repeat(40_000);
    await new OfficeHost(fake.apis()).writeReport([["Melding", long]]);
    const text = String(fake.cell(REPORT_SHEET_NAME, "B1").value);
    expect(text.length).toBe(MAX_CELL_TEXT);
    expect(text.length).toBeLessThan(32_767);
    expect(text.endsWith(CUT_MARK)).toBe(true);
  });
});
