/**
 * The area budget (shared/validate/budgets.ts BUDGETS.sheetArea / workbookArea): one value
 * per row in column XFD spans 16 384 cells a row. Before this budget a 100 kB workbook of
 * 20 000 such rows took the CLI 16 s and 3,8 GB; the engine, the CLI reader and the Sheets
 * adapter now refuse it in Dutch before the padding is built.
 */
import * as path from "path";
import { spawnSync } from "child_process";
import { checkWorkbook } from "../shared/validate";
import { BUDGETS, assertSheetAreas } from "../shared/validate/budgets";
import { AppsScriptHost, type ScriptRunner } from "../sheets-addon/sidebar-host";
import { BIN, makeTempDir, writeRawXlsx } from "./helpers/xlsx";

const COLUMNS = 16_384;
const ROWS_OVER = Math.ceil(BUDGETS.sheetArea / COLUMNS) + 1;

test("the engine refuses a snapshot whose rows span more than the sheet area", () => {
  // Sparse rows: length 16 384 without allocating the holes, as a host would hand them over.
  const values = Array.from({ length: ROWS_OVER }, () => {
    const row: number[] = [];
    row[COLUMNS - 1] = 1;
    return row;
  });
  expect(() => checkWorkbook({ sheets: [{ name: "Ver weg", values }] })).toThrow(/Het blad 'Ver weg' beslaat meer dan 20\.000\.000 cellen/);
});

test("hosts' sizes: a sheet over the area, or sheets over the workbook area together, are refused", () => {
  expect(() => assertSheetAreas([{ name: "A", rows: ROWS_OVER, columns: COLUMNS }])).toThrow(/'A' beslaat meer dan/);
  const half = { rows: 1000, columns: Math.floor(BUDGETS.sheetArea / 1000) };
  expect(() => assertSheetAreas([{ name: "A", ...half }, { name: "B", ...half }])).not.toThrow();
  expect(() => assertSheetAreas([{ name: "A", ...half }, { name: "B", ...half }, { name: "C", ...half }])).toThrow(/samen meer dan 40\.000\.000 cellen/);
});

test("the CLI refuses such a file at once, in Dutch, with little memory", async () => {
  const dir = makeTempDir("area");
  const file = path.join(dir, "ver-weg.xlsx");
  let rows = "";
  for (let i = 1; i <= 20_000; i++) rows += `<row r="${i}"><c r="XFD${i}"><v>1</v></c></row>`;
  await writeRawXlsx(file, { sheets: [{ name: "Blad1", sheetData: rows }] });
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, BIN, "check", file], { encoding: "utf8", timeout: 15_000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("Het blad 'Blad1' beslaat meer dan 20.000.000 cellen");
  const peakKb = Number(r.stderr.trim().split("\n").pop());
  expect(peakKb).toBeLessThan(1_000_000);
});

test("the Sheets sidebar refuses from the sheet list, before reading any sheet", async () => {
  const called: string[] = [];
  const runner = (): ScriptRunner => {
    let ok: (v: unknown) => void = () => undefined;
    const r: ScriptRunner = {
      withSuccessHandler: (h) => ((ok = h), r),
      withFailureHandler: () => r,
      ikkListSheets: () => (called.push("ikkListSheets"), ok({ name: "x", sheets: [{ name: "Ver weg", rows: 20_000, columns: COLUMNS }] })),
      ikkReadSheet: () => called.push("ikkReadSheet"),
    };
    return r;
  };
  await expect(new AppsScriptHost(runner).readWorkbook()).rejects.toThrow(/'Ver weg' beslaat meer dan/);
  expect(called).toEqual(["ikkListSheets"]);
});

test("the Excel task pane refuses from the used ranges' sizes, before loading any cell", async () => {
  const { FakeExcel } = require("./helpers/office-fake") as typeof import("./helpers/office-fake");
  const { OfficeHost } = require("../excel-addin/office-host") as typeof import("../excel-addin/office-host");
  const fake = new FakeExcel();
  const sheet = fake.addSheet("Ver weg");
  sheet.cells.set("0,0", { value: "Locatie", numberFormat: "General", fill: null });
  sheet.cells.set(`${ROWS_OVER - 1},${COLUMNS - 1}`, { value: 1, numberFormat: "General", fill: null });
  await expect(new OfficeHost(fake.apis()).readWorkbook()).rejects.toThrow(/'Ver weg' beslaat meer dan/);
  // Sheet list and used-range sizes only: no cell block was loaded.
  expect(fake.syncs).toBe(2);
});
