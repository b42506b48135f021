/** The in-memory host: reading with progress, marks that restore the original fill, report as text, settings, call log. */
import type { WorkbookSnapshot } from "../shared/validate/types";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
import { MemoryHost, cellsOf } from "../demo/memory-host";

function workbook(): WorkbookSnapshot {
  return {
    name: "klein.xlsx",
    sheets: [
      { name: "Uren", values: [["Locatie", "Uren"], ["A", 10], ["B", 20], ["Totaal", 30]], formulas: [[null, null], [null, null], [null, null], [null, "=SUM(B2:B3)"]] },
      { name: "Peuters", values: [["Locatie", "Aantal"], ["A", 3]] },
    ],
  };
}

test("readWorkbook reports progress per sheet and returns a copy", async () => {
  const host = new MemoryHost(workbook());
  const progress: string[] = [];
  const wb = await host.readWorkbook((done, total, sheet) => progress.push(`${done}/${total} ${sheet}`));
  expect(progress).toEqual(["1/2 Uren", "2/2 Peuters"]);
  expect(wb).toEqual(workbook());
  wb.sheets[0].values[1][1] = 999;
  expect(host.workbook.sheets[0].values[1][1]).toBe(10);
});

test("cellsOf expands ranges and rejects garbage", () => {
  expect(cellsOf("B2:C3")).toEqual(["B2", "C2", "B3", "C3"]);
  expect(cellsOf("$A$1")).toEqual(["A1"]);
  expect(() => cellsOf("Z")).toThrow(/celadres 'Z'/);
});

test("marks colour cells by severity and clearMarks restores the original fills exactly", async () => {
  const host = new MemoryHost(workbook(), { fills: { "Uren!B4": "#00FF00" } });
  await host.applyMarks([
    { sheet: "Uren", cell: "B4", severity: "error" },
    { sheet: "Uren", cell: "A2:A3", severity: "warning" },
  ]);
  expect(host.fills.get("Uren!B4")).toBe(MARK_COLOURS.error);
  expect(host.fills.get("Uren!A3")).toBe(MARK_COLOURS.warning);
  // Marking again must not forget the original colour.
  await host.applyMarks([{ sheet: "Uren", cell: "B4", severity: "info" }]);
  expect(host.fills.get("Uren!B4")).toBe(MARK_COLOURS.info);
  expect(await host.clearMarks()).toEqual({ restored: 3, skipped: [] });
  expect([...host.fills.entries()]).toEqual([["Uren!B4", "#00FF00"]]);
});

test("a marked cell the user recoloured is left as it is and reported by clearMarks", async () => {
  const host = new MemoryHost(workbook(), { fills: { "Uren!B4": "#00FF00" } });
  await host.applyMarks([{ sheet: "Uren", cell: "A2:B2", severity: "error" }]);
  host.userFill("Uren", "B2", "#123456");
  expect(await host.clearMarks()).toEqual({ restored: 1, skipped: [{ sheet: "Uren", cell: "B2", reason: "changed" }] });
  expect(host.fills.get("Uren!B2")).toBe("#123456");
  expect(host.fills.has("Uren!A2")).toBe(false);
});

test("a user's own sheet named IKK-rapport is read, kept and never removed; the report goes to 'IKK-rapport (2)'", async () => {
  const wb = workbook();
  wb.sheets.push({ name: REPORT_SHEET_NAME, values: [["Mijn aantekeningen"]] });
  const host = new MemoryHost(wb);
  expect(await host.writeReport([["Bevinding"]])).toEqual({ sheet: `${REPORT_SHEET_NAME} (2)` });
  expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(["Uren", "Peuters", REPORT_SHEET_NAME]);
  expect(await host.removeReport()).toEqual({ removed: `${REPORT_SHEET_NAME} (2)` });
  expect(await host.removeReport()).toEqual({ removed: null });
  expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Uren", "Peuters", REPORT_SHEET_NAME]);
});

test("marks on a sheet that does not exist are a Dutch error", async () => {
  const host = new MemoryHost(workbook());
  await expect(host.applyMarks([{ sheet: "Weg", cell: "A1", severity: "error" }])).rejects.toThrow("Het blad 'Weg' bestaat niet (meer).");
});

test("selectCell records the selection", async () => {
  const host = new MemoryHost(workbook());
  let changes = 0;
  host.onChange(() => changes++);
  await host.selectCell("Peuters", "B2");
  expect(host.selection).toEqual({ sheet: "Peuters", cell: "B2" });
  expect(changes).toBe(1);
  await expect(host.selectCell("Peuters", "nope")).rejects.toThrow(/celadres/);
});

test("writeReport adds the report sheet with text only, replacing an earlier one; removeReport deletes it", async () => {
  const host = new MemoryHost(workbook());
  await host.writeReport([["Bevinding", "Cel"], ['=HYPERLINK("http://x","y")', "B4"]]);
  await host.writeReport([["Bevinding"], ["=1+1"]]);
  const reports = host.workbook.sheets.filter((s) => s.name === REPORT_SHEET_NAME);
  expect(reports).toHaveLength(1);
  expect(reports[0].values).toEqual([["Bevinding"], ["=1+1"]]);
  expect(reports[0].formulas!.flat().every((f) => f === null)).toBe(true);
  await host.removeReport();
  expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Uren", "Peuters"]);
});

test("settings round-trip as plain JSON copies", async () => {
  const host = new MemoryHost(workbook());
  expect(await host.loadSettings()).toBeNull();
  const settings = { version: 1 as const, year: 2026, overrides: { fte: 42.37 } };
  await host.saveSettings(settings);
  settings.year = 1999;
  expect(await host.loadSettings()).toEqual({ version: 1, year: 2026, overrides: { fte: 42.37 } });
});

test("every call is logged, so tests can count round trips", async () => {
  const host = new MemoryHost(workbook());
  await host.readWorkbook(() => undefined);
  await host.selectCell("Uren", "B4");
  await host.selectCell("Uren", "B2");
  expect(host.count()).toBe(3);
  expect(host.count("selectCell")).toBe(2);
  expect(host.calls[1]).toEqual({ method: "selectCell", args: ["Uren", "B4"] });
  expect(host.calls[0]).toEqual({ method: "readWorkbook", args: [] });
});
