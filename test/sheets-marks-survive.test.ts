/**
 * Issue 11 items 7 and 8 (report sheet) for Google Sheets, through the built
 * dist/sheets/Code.gs in a vm over test/helpers/apps-script-fake.ts: marks survive a sheet
 * rename (getSheetId) and inserted rows (developer metadata on the mark's row and column),
 * a recoloured cell is left and reported, and the report sheet never replaces, skips or
 * deletes a sheet the server did not create.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
import { CUT_MARK, MAX_CELL_TEXT, MARKS_KEY, clearMarksMessage, encodeMarks } from "../shared/panel/host-kit";
import { appsScriptGlobals, FakeSpreadsheet, type FakeSheetInput } from "./helpers/apps-script-fake";

const CODE_FILE = path.join(__dirname, "..", "dist", "sheets", "Code.gs");

beforeAll(() => {
  if (!fs.existsSync(CODE_FILE)) throw new Error("dist/sheets/Code.gs ontbreekt: bouw eerst (npm run build).");
});

function load(sheets: FakeSheetInput[]) {
  const ss = new FakeSpreadsheet(sheets);
  const { globals, properties } = appsScriptGlobals(ss);
  const context = vm.createContext({ ...globals });
  vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.gs" });
  const call = (name: string, ...args: unknown[]): unknown => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`${name} is not a top-level function of Code.gs`);
    return JSON.parse(JSON.stringify((fn as (...a: unknown[]) => unknown)(...args) ?? null));
  };
  return { ss, properties: properties!, call, c: ss.counter };
}

const SHEET = "Verdeling";
const GREEN = "#00b050";
const RED = "#ff0000";
const BLUE = "#0070c0";

function setup() {
  const values = Array.from({ length: 6 }, (_, r) => [`Locatie ${r + 1}`, r, r * 2]);
  const backgrounds = [[null, GREEN, null], [null, RED, BLUE]];
  return load([{ name: SHEET, values, backgrounds }, { name: "Uren", values: [["x"]] }]);
}

describe("marks that survive edits (Sheets)", () => {
  test("new marks tag their row and column with developer metadata (whole rows/columns only)", () => {
    const s = setup();
    s.call("ikkApplyMarks", [{ sheet: SHEET, cell: "B2:C2", severity: "error" }]);
    // B2:C2 have different originals: two entries, one row tag and two column tags.
    expect(s.ss.metadata.map((m) => `${m.type} ${m.index}`).sort()).toEqual(["COLUMN 1", "COLUMN 2", "ROW 1"]);
    expect(s.c.count("Range.addDeveloperMetadata")).toBe(3);
  });

  test("service calls as documented in server.ts: ONE finder, per sheet ONE getBackgrounds, per sheet and colour ONE setBackground", () => {
    const s = setup();
    s.call("ikkApplyMarks", [
      { sheet: SHEET, cell: "B1:C2", severity: "error" },
      { sheet: "Uren", cell: "A1", severity: "info" },
    ]);
    // New ranges B1:C2 (mixed originals: per cell) and Uren!A1: rows 1, 2 and columns B, C on
    // Verdeling, row 1 and column A on Uren — one metadata call per distinct row and column.
    expect(s.c.count("Range.addDeveloperMetadata")).toBe(6);
    s.c.reset();
    expect(s.call("ikkClearMarks")).toEqual({ restored: 5, skipped: [] });
    expect(s.c.count("Spreadsheet.createDeveloperMetadataFinder")).toBe(1);
    expect(s.c.count("DeveloperMetadataFinder.find")).toBe(1);
    expect(s.c.count("DeveloperMetadata.remove")).toBe(6);
    expect(s.c.count("Range.getBackgrounds")).toBe(2);
    // Verdeling: none, green, red, blue → 4; Uren: none → 1.
    expect(s.c.count("RangeList.setBackground")).toBe(5);
    expect(s.c.count("Range.getValues")).toBe(0);
  });

  test("rename the sheet, then clear: restored (the sheet is found by its id)", () => {
    const s = setup();
    s.call("ikkApplyMarks", [{ sheet: SHEET, cell: "B2:C2", severity: "error" }]);
    s.ss.renameSheet(SHEET, "Verdeling (oud)");
    expect(s.call("ikkClearMarks")).toEqual({ restored: 2, skipped: [] });
    const sh = s.ss.sheet("Verdeling (oud)")!;
    expect(sh.at("B2").background).toBe(RED);
    expect(sh.at("C2").background).toBe(BLUE);
    expect(s.ss.metadata).toEqual([]); // tags removed
    expect(s.properties.data.has(MARKS_KEY)).toBe(false);
  });

  test("insert a row above a mark, then clear: the moved cell is restored, the cell now at the old address untouched", () => {
    const s = setup();
    s.call("ikkApplyMarks", [
      { sheet: SHEET, cell: "B1", severity: "warning" },
      { sheet: SHEET, cell: "B2", severity: "error" },
    ]);
    s.ss.insertRows(SHEET, 2); // above row 2: B2 moves to B3; the new B2 takes B1's background (the mark colour)
    const sh = s.ss.sheet(SHEET)!;
    expect(sh.at("B2").background).toBe(MARK_COLOURS.warning.toLowerCase());
    expect(s.call("ikkClearMarks")).toEqual({ restored: 2, skipped: [] });
    expect(sh.at("B1").background).toBe(GREEN);
    expect(sh.at("B3").background).toBe(RED); // the marked cell, where it is now
    expect(sh.at("B3").value).toBe(1);
    expect(sh.at("B2").background).toBe(MARK_COLOURS.warning.toLowerCase()); // not given the old B2's fill
  });

  test("marked again at its new address after the insert: no second original, the first wins", () => {
    const s = setup();
    s.call("ikkApplyMarks", [{ sheet: SHEET, cell: "B2", severity: "error" }]);
    s.ss.insertRows(SHEET, 1);
    s.call("ikkApplyMarks", [{ sheet: SHEET, cell: "B3", severity: "warning" }]);
    expect(s.call("ikkClearMarks")).toEqual({ restored: 1, skipped: [] });
    expect(s.ss.sheet(SHEET)!.at("B3").background).toBe(RED);
  });

  test("a cell the user recoloured is left as it is and reported", () => {
    const s = setup();
    s.call("ikkApplyMarks", [{ sheet: SHEET, cell: "B2:C2", severity: "error" }]);
    s.ss.sheet(SHEET)!.at("C2").background = "#ffff00";
    const result = s.call("ikkClearMarks") as { restored: number; skipped: unknown[] };
    expect(result).toEqual({ restored: 1, skipped: [{ sheet: SHEET, cell: "C2", reason: "changed" }] });
    expect(s.ss.sheet(SHEET)!.at("C2").background).toBe("#ffff00");
    expect(s.ss.sheet(SHEET)!.at("B2").background).toBe(RED);
    expect(clearMarksMessage(result as never)).toMatch(/^Markeringen gewist: 1 cel hersteld; 1 cel niet: Verdeling!C2 \(de opmaak is na het markeren gewijzigd\)/);
  });

  test("a marked row deleted or its sheet deleted: reported, nothing else touched", () => {
    const s = setup();
    s.call("ikkApplyMarks", [
      { sheet: SHEET, cell: "B2", severity: "error" },
      { sheet: "Uren", cell: "A1", severity: "info" },
    ]);
    s.ss.deleteRows(SHEET, 2);
    s.ss.deleteSheet(s.ss.sheet("Uren")!);
    const before = s.ss.sheet(SHEET)!.at("B2").background;
    expect(s.call("ikkClearMarks")).toEqual({
      restored: 0,
      skipped: [
        { sheet: SHEET, cell: "B2", reason: "cellGone" },
        { sheet: "Uren", cell: "A1", reason: "sheetGone" },
      ],
    });
    expect(s.ss.sheet(SHEET)!.at("B2").background).toBe(before);
  });

  test("marks stored by the previous version ([sheet, a1, colour]) are restored after the fill check", () => {
    const s = setup();
    const sh = s.ss.sheet(SHEET)!;
    sh.at("B2").background = MARK_COLOURS.error.toLowerCase();
    sh.at("C2").background = "#ffff00";
    s.properties.data.set(MARKS_KEY, encodeMarks([[SHEET, "B2:C2", RED]]));
    expect(s.call("ikkClearMarks")).toEqual({ restored: 1, skipped: [{ sheet: SHEET, cell: "C2", reason: "changed" }] });
    expect(sh.at("B2").background).toBe(RED);
  });
});

describe("the report sheet is the server's own (Sheets)", () => {
  test("a user's own IKK-rapport is kept and listed; the report goes to 'IKK-rapport (2)'; remove deletes only that", () => {
    const s = load([{ name: "Uren", values: [["x"]] }, { name: REPORT_SHEET_NAME, values: [["Mijn eigen aantekeningen"]] }]);
    expect(s.call("ikkWriteReport", [["Ernst", "Melding"]])).toEqual({ sheet: `${REPORT_SHEET_NAME} (2)` });
    expect(s.ss.sheet(REPORT_SHEET_NAME)!.at("A1").value).toBe("Mijn eigen aantekeningen");
    expect(s.ss.sheet(`${REPORT_SHEET_NAME} (2)`)!.at("A1").value).toBe("Ernst");
    const list = s.call("ikkListSheets") as { sheets: Array<{ name: string }> };
    expect(list.sheets.map((x) => x.name)).toEqual(["Uren", REPORT_SHEET_NAME]);
    expect(s.call("ikkWriteReport", [["opnieuw"]])).toEqual({ sheet: `${REPORT_SHEET_NAME} (2)` });
    expect(s.ss.sheets.map((x) => x.name).sort()).toEqual(["IKK-rapport", "IKK-rapport (2)", "Uren"]);
    expect(s.call("ikkRemoveReport")).toEqual({ removed: `${REPORT_SHEET_NAME} (2)` });
    expect(s.call("ikkRemoveReport")).toEqual({ removed: null });
    expect(s.ss.sheets.map((x) => x.name)).toEqual(["Uren", REPORT_SHEET_NAME]);
  });

  test("the server's report deleted and a sheet of that name made by hand: never removed", () => {
    const s = load([{ name: "Uren", values: [["x"]] }]);
    s.call("ikkWriteReport", [["rapport"]]);
    s.ss.deleteSheet(s.ss.sheet(REPORT_SHEET_NAME)!);
    s.ss.insertSheet(REPORT_SHEET_NAME).getRange("A1").setValue("van de gebruiker");
    expect(s.call("ikkRemoveReport")).toEqual({ removed: null });
    expect(s.ss.sheet(REPORT_SHEET_NAME)!.at("A1").value).toBe("van de gebruiker");
  });

  test("report cells longer than the cell limit are cut with a visible '…(ingekort)'", () => {
    const s = load([{ name: "Uren", values: [["x"]] }]);
    s.call("ikkWriteReport", [["Melding", "y".repeat(60_000)]]);
    const text = String(s.ss.sheet(REPORT_SHEET_NAME)!.at("B1").value);
    expect(text.length).toBe(MAX_CELL_TEXT);
    expect(text.endsWith(CUT_MARK)).toBe(true);
  });
});
