/**
 * The server functions of the Sheets sidebar in the built dist/sheets/Code.gs, run in a
 * vm context with a fake of SpreadsheetApp and PropertiesService that counts every call
 * (test/helpers/apps-script-fake.ts): bulk reads, JSON-safe values, marks that
 * restore the original backgrounds exactly, the report as text, settings in document
 * properties. Plus the AppsScriptHost adapter over a google.script.run fake that calls
 * those same built functions. Needs the Sheets build first:
 *   npm run generate && npx webpack --mode production --config sheets-addon/webpack.config.js
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { MARK_COLOURS, REPORT_SHEET_NAME, type CellMark, type PanelSettings } from "../shared/panel/host";
import { checkWorkbook } from "../shared/validate";
import { plan2026 } from "../examples/plan-2026";
import { AppsScriptHost, type ScriptRunner } from "../sheets-addon/sidebar-host";
import { appsScriptGlobals, fakeSheetsOf, FakeSpreadsheet, type FakeOptions, type FakeSheetInput } from "../test/helpers/apps-script-fake";

const ROOT = path.join(__dirname, "..");
const CODE_FILE = path.join(ROOT, "dist", "sheets", "Code.gs");

beforeAll(() => {
  if (!fs.existsSync(CODE_FILE)) throw new Error("dist/sheets/Code.gs ontbreekt: bouw eerst met 'npm run generate && npx webpack --mode production --config sheets-addon/webpack.config.js'.");
});

/** Code.gs loaded as Apps Script loads it, over a fake spreadsheet. */
function load(sheets: FakeSheetInput[], options: FakeOptions = {}) {
  const ss = new FakeSpreadsheet(sheets, options);
  const { globals, properties } = appsScriptGlobals(ss);
  const context = vm.createContext({ ...globals });
  vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.gs" });
  const call = (name: string, ...args: unknown[]): unknown => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`${name} is not a top-level function of Code.gs`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  return { ss, properties, call, c: ss.counter };
}

/** What google.script.run would hand to the browser: JSON, nothing else. */
const overTheWire = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a throw");
}

const grid = <T,>(rows: number, cols: number, fn: (r: number, c: number) => T): T[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => fn(r, c)));

describe("Code.gs size and contents", () => {
  const code = () => fs.readFileSync(CODE_FILE, "utf8");
  test("Code.gs is at most 150 KB and holds no panel, engine or zod", () => {
    expect(fs.statSync(CODE_FILE).size).toBeLessThanOrEqual(150 * 1024);
    for (const marker of ["Markeringen tonen", "Opnieuw controleren", "coaching-tekort", "$ZodType", "ZodError", "Blad "]) {
      expect(code()).not.toContain(marker);
    }
  });

  test("every ServerApi function is a top-level declaration; helpers are private (end in _)", () => {
    const names = ["ikkListSheets", "ikkReadSheet", "ikkSelectCell", "ikkApplyMarks", "ikkClearMarks", "ikkWriteReport", "ikkRemoveReport", "ikkAddPlanSheets", "ikkRemovePlanSheets", "ikkWriteOverview", "ikkLoadSettings", "ikkSaveSettings", "ikkGetSelection"];
    for (const n of names) expect(code()).toMatch(new RegExp(`^function ${n}\\(`, "m"));
    const declared = [...code().matchAll(/^function (ikk\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared.filter((n) => !n.endsWith("_"))).toEqual([...names].sort());
  });
});

describe("ikkListSheets / ikkReadSheet", () => {
  test("list: names and used-range sizes, no cell access", () => {
    const s = load([
      { name: "Uren", values: grid(4, 3, (r, c) => r * 10 + c) },
      { name: "Leeg", values: [] },
    ], { name: "Coachplan 2026" });
    const list = overTheWire(s.call("ikkListSheets"));
    expect(list).toEqual({ name: "Coachplan 2026", sheets: [{ name: "Uren", rows: 4, columns: 3 }, { name: "Leeg", rows: 0, columns: 0 }] });
    expect(s.c.count("Range.getValues")).toBe(0);
    expect(s.c.count("Sheet.getDataRange")).toBe(0);
  });

  test.each([10, 10_000])("%i rows: exactly one getValues and one getFormulas, values from A1", (rows) => {
    const values = grid(rows, 5, (r, c) => (c === 0 ? `Locatie ${r}` : c === 4 ? "" : r + c / 10));
    const formulas = grid(rows, 5, (r, c) => (c === 4 ? `=SUM(B${r + 1}:D${r + 1})` : ""));
    const s = load([{ name: "Groot", values, formulas }, { name: "Ander", values: [[1]] }]);
    const sheet = overTheWire(s.call("ikkReadSheet", "Groot"));
    expect(s.c.count("Range.getValues")).toBe(1);
    expect(s.c.count("Range.getFormulas")).toBe(1);
    expect(s.c.count("Range.getValue")).toBe(0);
    expect(s.c.log.filter((l) => l.startsWith("Range.getValues"))).toEqual([`Range.getValues Groot!A1:E${rows}`]);
    expect(sheet.name).toBe("Groot");
    expect(sheet.values).toHaveLength(rows);
    expect(sheet.values[rows - 1]).toEqual([`Locatie ${rows - 1}`, rows - 1 + 0.1, rows - 1 + 0.2, rows - 1 + 0.3]);
    expect(sheet.formulas[rows - 1]).toEqual([null, null, null, null, `=SUM(B${rows}:D${rows})`]);
  });

  test("JSON-safe: Dates become ISO text in the spreadsheet's time zone, blanks null, error texts stay", () => {
    // Midnight 1 Jan 2024 in Amsterdam is 23:00 UTC the day before: toISOString would give the wrong day.
    const newYear = new Date(Date.UTC(2023, 11, 31, 23, 0, 0));
    const withTime = new Date(Date.UTC(2024, 5, 3, 6, 30, 0)); // 08:30 summer time
    const s = load([{ name: "Blad1", values: [["Datum", newYear, withTime], ["Fout", "#REF!", ""], [true, 0, "42,37"]], formulas: [["", "", ""], ["", "=A9/0", ""], ["", "", ""]] }]);
    const raw = s.call("ikkReadSheet", "Blad1") as { values: unknown[][] };
    const sheet = overTheWire(raw);
    expect(JSON.stringify(raw)).not.toMatch(/Z"/); // no Date serialised by JSON
    expect(sheet.values).toEqual([["Datum", "2024-01-01", "2024-06-03T08:30:00"], ["Fout", "#REF!"], [true, 0, "42,37"]]);
    expect(sheet.formulas).toEqual([[], [null, "=A9/0"], []]);
    expect(s.c.count("Spreadsheet.getSpreadsheetTimeZone")).toBe(1);
    // A plain check that nothing non-JSON is left anywhere in the reply.
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        expect(Object.getPrototypeOf(v) === null || Object.prototype.toString.call(v) === "[object Object]").toBe(true);
        Object.values(v).forEach(walk);
      } else expect(["string", "number", "boolean"].includes(typeof v) || v === null).toBe(true);
    };
    walk(raw);
  });

  test("a missing sheet is a Dutch message", () => {
    const s = load([{ name: "Blad1", values: [[1]] }]);
    expect(thrownMessage(() => s.call("ikkReadSheet", "Weg"))).toBe("Het blad 'Weg' bestaat niet (meer). Controleer de spreadsheet opnieuw.");
  });

  test("the example plan read through Code.gs gives the engine the same result as the snapshot itself", () => {
    const wb = plan2026();
    const s = load(fakeSheetsOf(wb));
    const list = overTheWire(s.call("ikkListSheets")) as { sheets: { name: string }[] };
    const sheets = list.sheets.map((x) => overTheWire(s.call("ikkReadSheet", x.name)));
    expect(s.c.count("Range.getValues")).toBe(wb.sheets.length);
    const viaSheets = checkWorkbook({ sheets });
    const direct = checkWorkbook(wb);
    expect(viaSheets.required).toEqual(direct.required);
    expect(viaSheets.planned).toEqual(direct.planned);
    expect(viaSheets.required.total).toBeCloseTo(800 + 423.7 + 210, 10);
    expect(viaSheets.findings.map((f) => f.rule).sort()).toEqual(direct.findings.map((f) => f.rule).sort());
  });
});

describe("ikkSelectCell", () => {
  test("activates the sheet and the range", () => {
    const s = load([{ name: "A", values: [[1]] }, { name: "Verdeling 2026", values: [[1]] }]);
    s.call("ikkSelectCell", "Verdeling 2026", "B3:E3");
    expect(s.ss.active?.name).toBe("Verdeling 2026");
    expect(s.ss.selection).toEqual({ sheet: "Verdeling 2026", a1: "B3:E3" });
  });

  test("a cell on a hidden sheet: a Dutch message saying so; the sheet stays hidden, nothing is activated", () => {
    const s = load([{ name: "Overzicht", values: [[1]] }, { name: "Concept", hidden: true, values: [[1, 2], [3, 4]] }]);
    s.c.reset();
    expect(thrownMessage(() => s.call("ikkSelectCell", "Concept", "B2"))).toBe(
      "De cel staat op het verborgen blad 'Concept'. Maak het blad eerst zichtbaar (Weergave > Verborgen bladen) en klik dan opnieuw op de bevinding.",
    );
    expect(s.ss.sheet("Concept")!.hidden).toBe(true);
    expect(s.ss.active?.name).toBe("Overzicht");
    expect(s.c.count("Sheet.isSheetHidden")).toBe(1);
    expect(s.c.count("Sheet.activate")).toBe(0);
    expect(s.c.count("Range.activate")).toBe(0);
    // Once the user shows the sheet again, the same call goes there.
    s.ss.sheet("Concept")!.hidden = false;
    s.call("ikkSelectCell", "Concept", "B2");
    expect(s.ss.selection).toEqual({ sheet: "Concept", a1: "B2" });
  });

  test("the fake models the risk: activating a hidden sheet shows it", () => {
    const s = load([{ name: "Overzicht", values: [[1]] }, { name: "Concept", hidden: true, values: [[1]] }]);
    s.ss.sheet("Concept")!.activate();
    expect(s.ss.sheet("Concept")!.hidden).toBe(false);
  });

  test("bad address or sheet: Dutch messages", () => {
    const s = load([{ name: "A", values: [[1]] }]);
    expect(thrownMessage(() => s.call("ikkSelectCell", "A", "B3:"))).toBe("Het celadres 'B3:' is niet te lezen.");
    expect(thrownMessage(() => s.call("ikkSelectCell", "B", "B3"))).toMatch(/Het blad 'B' bestaat niet/);
  });
});

describe("ikkApplyMarks / ikkClearMarks", () => {
  const sheets = (): FakeSheetInput[] => [
    {
      name: "Uren",
      values: grid(12, 6, (r, c) => r * c),
      // B2 yellow-ish, C3 "white" (Sheets' no fill), D4 blue, the rest none.
      backgrounds: grid(12, 6, (r, c) => (r === 1 && c === 1 ? "#FFE599" : r === 2 && c === 2 ? "#ffffff" : r === 3 && c === 3 ? "#0000ff" : null)),
    },
    { name: "Andere", values: grid(3, 3, () => 1), backgrounds: [["#00ff00"]] },
  ];
  const marks: CellMark[] = [
    { sheet: "Uren", cell: "B2", severity: "warning" },
    { sheet: "Uren", cell: "B3:E3", severity: "info" },
    { sheet: "Uren", cell: "C3", severity: "error" }, // overlaps B3:E3: error wins
    { sheet: "Uren", cell: "D4", severity: "error" },
    { sheet: "Uren", cell: "F12", severity: "warning" },
    { sheet: "Andere", cell: "A1:B2", severity: "error" },
  ];

  function backgrounds(s: ReturnType<typeof load>) {
    return s.ss.sheets.map((sh) => ({ name: sh.name, bg: sh.grid.map((row) => row.map((c) => c.background)) }));
  }

  test("colours by severity, batched: one getBackgrounds per sheet, one setBackground per sheet and severity", () => {
    const s = load(sheets());
    s.call("ikkApplyMarks", marks);
    const uren = s.ss.sheet("Uren")!;
    expect(uren.at("B2").background).toBe(MARK_COLOURS.warning.toLowerCase());
    expect(uren.at("B3").background).toBe(MARK_COLOURS.info.toLowerCase());
    expect(uren.at("C3").background).toBe(MARK_COLOURS.error.toLowerCase());
    expect(uren.at("E3").background).toBe(MARK_COLOURS.info.toLowerCase());
    expect(uren.at("D4").background).toBe(MARK_COLOURS.error.toLowerCase());
    expect(uren.at("F12").background).toBe(MARK_COLOURS.warning.toLowerCase());
    expect(s.ss.sheet("Andere")!.at("B2").background).toBe(MARK_COLOURS.error.toLowerCase());
    expect(s.c.count("Range.getBackgrounds")).toBe(2); // one per sheet (bounding box)
    expect(s.c.count("Range.getBackground")).toBe(0);
    expect(s.c.count("RangeList.setBackground")).toBe(3 + 1); // Uren: info, warning, error; Andere: error
    expect(s.c.count("Range.setBackground")).toBe(0);
    expect(s.c.count("Properties.setProperties")).toBe(1);
    // Originals were stored before anything was coloured.
    const firstPaint = s.c.log.findIndex((l) => l.startsWith("RangeList.setBackground"));
    const stored = s.c.log.findIndex((l) => l.startsWith("Properties.setProperties ikk-normen.marks"));
    expect(stored).toBeGreaterThanOrEqual(0);
    expect(stored).toBeLessThan(firstPaint);
  });

  test("clear restores every original background exactly: colours, white → none, none → none", () => {
    const s = load(sheets());
    const before = backgrounds(s);
    s.call("ikkApplyMarks", marks);
    expect(backgrounds(s)).not.toEqual(before);
    s.call("ikkClearMarks");
    const expected = before.map((sh) => ({ ...sh, bg: sh.bg.map((row) => row.map((b) => (b === "#ffffff" ? null : b))) }));
    expect(backgrounds(s)).toEqual(expected);
    expect(s.ss.sheet("Uren")!.at("B2").background).toBe("#ffe599");
    expect(s.ss.sheet("Uren")!.at("C3").background).toBeNull(); // setBackground(null), not white
    expect(s.ss.sheet("Uren")!.at("D4").background).toBe("#0000ff");
    expect(s.ss.sheet("Uren")!.at("F12").background).toBeNull();
    expect(s.ss.sheet("Andere")!.at("A1").background).toBe("#00ff00");
    expect(s.ss.sheet("Andere")!.at("B2").background).toBeNull();
    expect(s.properties.data.has("ikk-normen.marks")).toBe(false);
    // Restoring is batched per sheet and original colour: Uren (none, #ffe599, #0000ff) and
    // Andere (#00ff00, none) = 5 calls, after the 4 of applying.
    expect(s.c.count("RangeList.setBackground")).toBe(4 + 5);
  });

  test("marking twice keeps the first originals; clear after a new session (fresh Code.gs) still restores", () => {
    const s = load(sheets());
    s.call("ikkApplyMarks", [{ sheet: "Uren", cell: "B2", severity: "info" }]);
    s.call("ikkApplyMarks", [{ sheet: "Uren", cell: "B2:C2", severity: "error" }]);
    expect(s.ss.sheet("Uren")!.at("B2").background).toBe(MARK_COLOURS.error.toLowerCase());
    // The second call read only what was new (C2): its box is B2:C2, one call.
    expect(s.c.count("Range.getBackgrounds")).toBe(2);
    // A new server call runs a fresh Code.gs: only the document properties remain.
    const context = vm.createContext({ ...appsScriptGlobals(s.ss, s.properties).globals });
    vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context);
    (context as unknown as { ikkClearMarks: () => void }).ikkClearMarks();
    expect(s.ss.sheet("Uren")!.at("B2").background).toBe("#ffe599");
    expect(s.ss.sheet("Uren")!.at("C2").background).toBeNull();
  });

  test("many marks: originals split over several properties under 9 KB each, and restored", () => {
    const s = load([{ name: "Veel", values: grid(1200, 3, () => 1), backgrounds: grid(1200, 3, (r, c) => (c === 0 ? `#${(r % 256).toString(16).padStart(2, "0")}0000` : null)) }]);
    const many: CellMark[] = Array.from({ length: 1200 }, (_, r) => ({ sheet: "Veel", cell: `A${r + 1}`, severity: "error" as const }));
    s.call("ikkApplyMarks", many);
    expect(s.properties.data.size).toBeGreaterThan(2);
    for (const v of s.properties.data.values()) expect(Buffer.byteLength(v)).toBeLessThan(9 * 1024);
    s.call("ikkClearMarks");
    for (let r = 0; r < 1200; r++) expect(s.ss.sheet("Veel")!.cell(r, 0).background).toBe(`#${(r % 256).toString(16).padStart(2, "0")}0000`);
    expect(s.properties.data.size).toBe(0);
  });

  test("clearing with nothing marked touches no cells; a deleted sheet is skipped", () => {
    const s = load(sheets());
    s.call("ikkClearMarks");
    expect(s.c.count("RangeList.setBackground")).toBe(0);
    s.call("ikkApplyMarks", marks);
    s.ss.deleteSheet(s.ss.sheet("Andere")!);
    s.call("ikkClearMarks");
    expect(s.ss.sheet("Uren")!.at("D4").background).toBe("#0000ff");
  });

  test("bad marks: Dutch messages, nothing coloured", () => {
    const s = load(sheets());
    expect(thrownMessage(() => s.call("ikkApplyMarks", [{ sheet: "Uren", cell: "ZZZZ0", severity: "error" }]))).toBe("Het celadres 'ZZZZ0' is niet te lezen.");
    expect(thrownMessage(() => s.call("ikkApplyMarks", [{ sheet: "Weg", cell: "A1", severity: "error" }]))).toMatch(/Het blad 'Weg' bestaat niet/);
    expect(s.c.count("RangeList.setBackground")).toBe(0);
  });
});

describe("ikkWriteReport / ikkRemoveReport", () => {
  const HOSTILE = '=HYPERLINK("http://x","y")';
  const rows = [["Ernst", "Blad", "Cel", "Melding"], ["fout", "Uren", "F5", HOSTILE], ["info", "-", "", "+31 6", "@mention"], ["0012", "1.433,7"]];

  test("text format before ONE setValues; =HYPERLINK stays text; rows padded; the server's old report is replaced", () => {
    const s = load([{ name: "Uren", values: [[1]] }]);
    expect(s.call("ikkWriteReport", [["oud"]])).toEqual({ sheet: REPORT_SHEET_NAME });
    s.c.reset();
    expect(s.call("ikkWriteReport", rows)).toEqual({ sheet: REPORT_SHEET_NAME });
    const report = s.ss.sheet(REPORT_SHEET_NAME)!;
    expect(report.at("A1").value).toBe("Ernst");
    expect(s.ss.sheets.filter((x) => x.name === REPORT_SHEET_NAME)).toHaveLength(1);
    expect(report.at("D2").value).toBe(HOSTILE);
    expect(report.at("D2").formula).toBe("");
    expect(report.at("E3").value).toBe("@mention");
    expect(report.at("D3").value).toBe("+31 6");
    expect(report.at("A4").value).toBe("0012"); // not the number 12
    expect(report.at("E4").value).toBe(""); // padded
    for (const row of report.grid) for (const cell of row) expect(cell.formula).toBe("");
    const order = s.c.log.filter((l) => /^(Spreadsheet\.(deleteSheet|insertSheet)|Range\.(setNumberFormat|setValues))/.test(l));
    expect(order).toEqual([
      `Spreadsheet.deleteSheet ${REPORT_SHEET_NAME}`,
      `Spreadsheet.insertSheet ${REPORT_SHEET_NAME}`,
      `Range.setNumberFormat ${REPORT_SHEET_NAME}!A1:E4 @`,
      `Range.setValues ${REPORT_SHEET_NAME}!A1:E4`,
    ]);
    expect(s.c.count("Range.setValues")).toBe(1);
    expect(s.c.count("Range.setValue")).toBe(0);
    expect(s.ss.active?.name).toBe(REPORT_SHEET_NAME);
  });

  test("if Sheets made a formula anyway, that cell is rewritten with the text apostrophe and stays text", () => {
    const s = load([{ name: "Uren", values: [[1]] }], { formulasIgnoreTextFormat: true });
    s.call("ikkWriteReport", rows);
    const report = s.ss.sheet(REPORT_SHEET_NAME)!;
    expect(report.at("D2").formula).toBe("");
    expect(report.at("D2").value).toBe(HOSTILE);
    expect(s.c.count("Range.setValue")).toBe(1); // only the one cell
  });

  test("the same number of calls for 5 or 5 000 rows", () => {
    const count = (n: number) => {
      const s = load([{ name: "Uren", values: [[1]] }]);
      s.call("ikkWriteReport", Array.from({ length: n }, (_, i) => [`r${i}`, "x"]));
      return JSON.stringify(s.c.counts);
    };
    expect(count(5000)).toBe(count(5));
  });

  test("remove deletes the report sheet; without one nothing happens", () => {
    const s = load([{ name: "Uren", values: [[1]] }]);
    s.call("ikkRemoveReport");
    expect(s.c.count("Spreadsheet.deleteSheet")).toBe(0);
    s.call("ikkWriteReport", rows);
    s.call("ikkRemoveReport");
    expect(s.ss.sheets.map((x) => x.name)).toEqual(["Uren"]);
  });

  test("not a table: Dutch message", () => {
    const s = load([{ name: "Uren", values: [[1]] }]);
    expect(thrownMessage(() => s.call("ikkWriteReport", "tekst"))).toBe("Het rapport is geen tabel (lijst van rijen).");
  });
});

describe("ikkLoadSettings / ikkSaveSettings", () => {
  const settings: PanelSettings = { version: 1, year: 2026, overrides: { fte: 42.37 }, mapping: { tabellen: [{ blad: "Uren", bereik: "A1:F20", rol: "coaching" }] } };

  test("round trip through document properties under ikk-normen.settings", () => {
    const s = load([{ name: "Uren", values: [[1]] }]);
    expect(s.call("ikkLoadSettings")).toBeNull();
    s.call("ikkSaveSettings", JSON.stringify(settings));
    expect(JSON.parse(s.properties.data.get("ikk-normen.settings")!)).toEqual(settings);
    expect(JSON.parse(s.call("ikkLoadSettings") as string)).toEqual(settings);
    expect(s.c.count("PropertiesService.getDocumentProperties")).toBe(3);
  });

  test("a long mapping (over 9 KB) round-trips in parts; a shorter one afterwards removes the parts", () => {
    const s = load([{ name: "Uren", values: [[1]] }]);
    const big: PanelSettings = { version: 1, mapping: { tabellen: Array.from({ length: 400 }, (_, i) => ({ blad: `Blad ë ${i}`, bereik: `A${i + 1}:F${i + 20}`, rol: "coaching" })) } };
    s.call("ikkSaveSettings", JSON.stringify(big));
    expect(JSON.parse(s.call("ikkLoadSettings") as string)).toEqual(big);
    expect(s.properties.data.size).toBeGreaterThan(2);
    s.call("ikkSaveSettings", JSON.stringify(settings));
    expect([...s.properties.data.keys()]).toEqual(["ikk-normen.settings"]);
    expect(JSON.parse(s.call("ikkLoadSettings") as string)).toEqual(settings);
  });

  test("no document properties (getDocumentProperties() gives null outside a bound script or add-on): a Dutch error, no TypeError", () => {
    const ss = new FakeSpreadsheet([{ name: "Uren", values: [[1]] }]);
    const context = vm.createContext({ ...appsScriptGlobals(ss, null).globals });
    vm.runInContext(fs.readFileSync(CODE_FILE, "utf8"), context, { filename: "Code.gs" });
    const fn = (name: string) => (context as Record<string, (...a: unknown[]) => unknown>)[name];
    for (const call of [() => fn("ikkLoadSettings")(), () => fn("ikkSaveSettings")(JSON.stringify(settings)), () => fn("ikkClearMarks")(), () => fn("ikkApplyMarks")([{ sheet: "Uren", cell: "A1", severity: "error" }])]) {
      expect(thrownMessage(call)).toMatch(/geen documenteigenschappen.*gekoppeld/);
    }
    expect(ss.sheet("Uren")!.cell(0, 0).background ?? null).toBeNull(); // nothing coloured without a place to keep the original
  });

  test("unreadable settings are refused in Dutch", () => {
    const s = load([{ name: "Uren", values: [[1]] }]);
    expect(thrownMessage(() => s.call("ikkSaveSettings", "{kapot"))).toMatch(/onleesbaar/);
    expect(thrownMessage(() => s.call("ikkSaveSettings", JSON.stringify({ version: 2 })))).toMatch(/onleesbaar/);
  });

  test("the manifest keeps exactly the two scopes (PropertiesService needs no extra scope)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "dist", "sheets", "appsscript.json"), "utf8"));
    expect([...manifest.oauthScopes].sort()).toEqual(["https://www.googleapis.com/auth/script.container.ui", "https://www.googleapis.com/auth/spreadsheets.currentonly"]);
  });
});

describe("AppsScriptHost over google.script.run", () => {
  /** A google.script.run fake: calls the built function asynchronously, JSON in and out, errors to the failure handler. */
  function runnerFor(s: ReturnType<typeof load>, calls: string[]): () => ScriptRunner {
    const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRunner =>
      new Proxy({} as ScriptRunner, {
        get(_t, prop) {
          if (prop === "withSuccessHandler") return (f: (v: unknown) => void) => make(f, fail);
          if (prop === "withFailureHandler") return (f: (e: unknown) => void) => make(ok, f);
          if (typeof prop !== "string" || !prop.startsWith("ikk")) return undefined;
          return (...args: unknown[]) => {
            calls.push(prop);
            setTimeout(() => {
              try {
                ok?.(overTheWire(s.call(prop, ...(JSON.parse(JSON.stringify(args)) as unknown[]))));
              } catch (e) {
                fail?.(new Error(`Error: ${(e as Error).message}`));
              }
            }, 0);
          };
        },
      });
    return () => make();
  }

  test("readWorkbook: one list call and one call per non-empty sheet, progress per sheet, the server's own report sheet skipped", async () => {
    const wb = plan2026();
    const s = load([...fakeSheetsOf(wb), { name: "Leeg", values: [] }], { name: "Plan" });
    const calls: string[] = [];
    const host = new AppsScriptHost(runnerFor(s, calls));
    await host.writeReport([["oud rapport"]]);
    calls.length = 0;
    const progress: string[] = [];
    const read = await host.readWorkbook((done, total, name) => progress.push(`${done}/${total} ${name}`));
    const names = [...wb.sheets.map((x) => x.name), "Leeg"];
    expect(progress).toEqual(names.map((n, i) => `${i + 1}/${names.length} ${n}`));
    expect(calls).toEqual(["ikkListSheets", ...wb.sheets.map(() => "ikkReadSheet")]);
    expect(read.name).toBe("Plan");
    expect(read.sheets.map((x) => x.name)).toEqual(names);
    expect(checkWorkbook(read).required).toEqual(checkWorkbook(wb).required);
  });

  test("hidden sheets: isSheetHidden in the list (no extra call, no cell access), visibility in the snapshot, left out by the check", async () => {
    const s = load(
      [
        { name: "Overzicht", values: [["Uren 2026"], ["Aantal kindercentra", 3], ["Fte pedagogisch medewerkers", 12]] },
        { name: "Concept", hidden: true, values: [["Peildatum", "1-1-2017"], ["Aantal kindercentra", 8]] },
        { name: "Verborgen leeg", hidden: true, values: [] },
      ],
      { name: "Plan" },
    );
    expect(overTheWire(s.call("ikkListSheets"))).toEqual({
      name: "Plan",
      sheets: [
        { name: "Overzicht", rows: 3, columns: 2 },
        { name: "Concept", rows: 2, columns: 2, hidden: true },
        { name: "Verborgen leeg", rows: 0, columns: 0, hidden: true },
      ],
    });
    expect(s.c.count("Sheet.isSheetHidden")).toBe(3);
    expect(s.c.count("Range.getValues")).toBe(0);
    const calls: string[] = [];
    const read = await new AppsScriptHost(runnerFor(s, calls)).readWorkbook();
    expect(calls).toEqual(["ikkListSheets", "ikkReadSheet", "ikkReadSheet"]);
    expect(read.sheets.map((x) => [x.name, x.visibility])).toEqual([
      ["Overzicht", undefined],
      ["Concept", "hidden"],
      ["Verborgen leeg", "hidden"],
    ]);
    const r = checkWorkbook(read);
    expect(r.year).toBe(2026);
    expect(r.inputs.centres?.value).toBe(3);
    expect(r.findings.find((f) => f.rule === "blad-verborgen")?.message).toContain("'Concept' (verborgen), 'Verborgen leeg' (verborgen)");
  });

  test("the other operations are one call each and do what the server does", async () => {
    const s = load([{ name: "Uren", values: [[1, 2]] }]);
    const calls: string[] = [];
    const host = new AppsScriptHost(runnerFor(s, calls));
    await host.selectCell("Uren", "B1");
    await host.applyMarks([{ sheet: "Uren", cell: "A1", severity: "error" }]);
    await host.clearMarks();
    await host.writeReport([["a", "=1+1"]]);
    await host.removeReport();
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ version: 1, year: 2025 });
    expect(await host.loadSettings()).toEqual({ version: 1, year: 2025 });
    await host.applyMarks([]); // nothing to do: no call
    expect(calls).toEqual(["ikkSelectCell", "ikkApplyMarks", "ikkClearMarks", "ikkWriteReport", "ikkRemoveReport", "ikkLoadSettings", "ikkSaveSettings", "ikkLoadSettings"]);
    expect(s.ss.selection).toEqual({ sheet: "Uren", a1: "B1" });
  });

  test("selectCell on a hidden sheet rejects with the Dutch hidden-sheet message (the panel shows it)", async () => {
    const s = load([{ name: "Uren", values: [[1]] }, { name: "Oud", hidden: true, values: [[1]] }]);
    const calls: string[] = [];
    await expect(new AppsScriptHost(runnerFor(s, calls)).selectCell("Oud", "A1")).rejects.toThrow(/^De cel staat op het verborgen blad 'Oud'\. Maak het blad eerst zichtbaar \(Weergave > Verborgen bladen\)/);
    expect(calls).toEqual(["ikkSelectCell"]);
    expect(s.ss.sheet("Oud")!.hidden).toBe(true);
  });

  test("server errors reject with the Dutch message (without 'Error: '); no google.script.run is a Dutch message", async () => {
    const s = load([{ name: "Uren", values: [[1]] }]);
    const host = new AppsScriptHost(runnerFor(s, []));
    await expect(host.selectCell("Weg", "A1")).rejects.toThrow(/^Het blad 'Weg' bestaat niet/);
    await expect(new AppsScriptHost(() => null).readWorkbook()).rejects.toThrow("Deze zijbalk werkt alleen in Google Spreadsheets (google.script.run ontbreekt).");
  });

  test("clearMarks, writeReport and removeReport hand the server's answers to the panel (what was skipped, which sheet)", async () => {
    const s = load([{ name: "Uren", values: [["a", "b"]], backgrounds: [["#ff0000", null]] }, { name: REPORT_SHEET_NAME, values: [["eigen"]] }]);
    const calls: string[] = [];
    const host = new AppsScriptHost(runnerFor(s, calls));
    await host.applyMarks([{ sheet: "Uren", cell: "A1:B1", severity: "warning" }]);
    s.ss.sheet("Uren")!.at("B1").background = "#00ff00";
    expect(await host.clearMarks()).toEqual({ restored: 1, skipped: [{ sheet: "Uren", cell: "B1", reason: "changed" }] });
    expect(await host.writeReport([["r"]])).toEqual({ sheet: `${REPORT_SHEET_NAME} (2)` });
    expect(await host.removeReport()).toEqual({ removed: `${REPORT_SHEET_NAME} (2)` });
    expect(await host.removeReport()).toEqual({ removed: null });
    expect(s.ss.sheet(REPORT_SHEET_NAME)!.at("A1").value).toBe("eigen");
    expect(calls).toEqual(["ikkApplyMarks", "ikkClearMarks", "ikkWriteReport", "ikkRemoveReport", "ikkRemoveReport"]);
  });
});
