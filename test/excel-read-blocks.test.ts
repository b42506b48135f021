/**
 * readWorkbook in row blocks (excel-addin/office-host.ts) against the Office.js fake, which
 * measures every sync's response (JSON bytes of what was loaded) and fails a sync above
 * Excel on the web's 5 MB with RequestPayloadSizeLimitExceeded
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * The snapshot must be exactly what one-shot reading (every used range in one sync) gives.
 */
import { OfficeHost, READ_RESPONSE_BUDGET, dutchError, excelErrorMessage } from "../excel-addin/office-host";
import { USED_RANGE_PROPERTIES, UsedRangeData, sheetSnapshot } from "../excel-addin/excel-cells";
import { FakeExcel, OfficeError, PAYLOAD_LIMIT, jsonBytes, type FakeCell } from "./helpers/office-fake";
import { plan2026 } from "../examples/plan-2026";
import { plan2024 } from "../examples/plan-2024";
import { broken2026 } from "../demo/examples";
import { REPORT_SHEET_NAME } from "../shared/panel/host";
import { isIkkError } from "../shared/errors";
import type { WorkbookSnapshot } from "../shared/validate/types";

jest.setTimeout(120_000);

/** The reading before blocks: every sheet's used range with all four properties in one sync (no payload limit). */
async function oneShot(fake: FakeExcel): Promise<WorkbookSnapshot> {
  const limit = fake.options.payloadLimit;
  const syncs = fake.syncs;
  const payloads = fake.payloads.length;
  fake.options.payloadLimit = Infinity;
  try {
    return await fake.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      context.workbook.load("name");
      await context.sync();
      const targets = worksheets.items
        .filter((ws) => ws.name !== REPORT_SHEET_NAME)
        .map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load([...USED_RANGE_PROPERTIES]);
          return { ws, used };
        });
      await context.sync();
      const sheets = targets.map(({ ws, used }) => {
        const sheet = sheetSnapshot(ws.name, used.isNullObject ? null : (used as unknown as UsedRangeData));
        if (ws.visibility === "Hidden") sheet.visibility = "hidden";
        if (ws.visibility === "VeryHidden") sheet.visibility = "veryHidden";
        return sheet;
      });
      return { name: context.workbook.name, sheets };
    });
  } finally {
    fake.options.payloadLimit = limit;
    fake.syncs = syncs;
    fake.payloads.length = payloads;
  }
}

const cell = (value: FakeCell["value"], extra: Partial<FakeCell> = {}): FakeCell => ({ value, numberFormat: "General", fill: null, ...extra });

/** A text of n characters, different per row. */
const longText = (r: number, n: number) => `Notitie ${r}: ${"kinderopvang en coaching ".repeat(Math.ceil(n / 25))}`.slice(0, n);

/**
 * 250 000 cells on 3 sheets: "Uren" 20 000 × 6 (text, numbers, a date, a formula), "Verdeling"
 * 15 000 × 6 from row 3, column B (numbers, an error per 1 000 rows, text like an error),
 * "Notities" 10 000 × 4 (two columns of 300-character text).
 */
function bigWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  const uren = fake.addSheet("Uren").cells;
  for (let r = 0; r < 20_000; r++) {
    uren.set(`${r},0`, cell(`Locatie ${r + 1}`));
    uren.set(`${r},1`, cell(r));
    uren.set(`${r},2`, cell(r * 0.25));
    uren.set(`${r},3`, cell(46023 + (r % 365), { numberFormat: "d-m-yyyy" }));
    uren.set(`${r},4`, cell(r * 1.25, { formula: `=B${r + 1}+C${r + 1}` }));
    uren.set(`${r},5`, cell(r % 2 === 0 ? "ja" : "nee"));
  }
  const verdeling = fake.addSheet("Verdeling").cells;
  for (let r = 2; r < 15_002; r++) {
    for (let c = 1; c < 7; c++) verdeling.set(`${r},${c}`, cell(r * c));
    if (r % 1000 === 0) verdeling.set(`${r},3`, { ...cell(null), error: "#DEEL/0!" });
    if (r % 1000 === 1) verdeling.set(`${r},4`, cell("#REF!"));
  }
  const notities = fake.addSheet("Notities");
  notities.visibility = "Hidden";
  for (let r = 0; r < 10_000; r++) {
    notities.cells.set(`${r},0`, cell(r + 1));
    notities.cells.set(`${r},1`, cell(longText(r, 300)));
    notities.cells.set(`${r},2`, cell(longText(r + 7, 300)));
    notities.cells.set(`${r},3`, cell(r % 3 === 0 ? null : "ok"));
  }
  return fake;
}

describe("reading in blocks gives exactly the one-shot snapshot", () => {
  test.each([
    ["plan 2026", plan2026],
    ["plan 2024", plan2024],
    ["broken 2026 (demo)", broken2026],
  ])("%s: same snapshot, 3 syncs", async (_name, make) => {
    const fake = FakeExcel.fromSnapshot(make());
    const expected = await oneShot(fake);
    const read = await new OfficeHost(fake.apis()).readWorkbook();
    expect(read).toEqual(expected);
    expect(fake.syncs).toBe(3);
  });

  test("the bytes per cell of each loaded property, as the fake measures them (printed)", () => {
    const fake = bigWorkbook();
    const sample = async (sheet: string, a1: string) =>
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRange(a1);
        range.load(["values", "formulas", "valueTypes", "numberFormat"]);
        await context.sync();
        const cells = range.values.length * range.values[0].length;
        return Object.fromEntries(["values", "formulas", "valueTypes", "numberFormat"].map((p) => [p, +(jsonBytes({ [p]: (range as unknown as Record<string, unknown>)[p] }) / cells).toFixed(1)]));
      });
    return Promise.all([sample("Uren", "A1000:F1999"), sample("Verdeling", "B1000:G1999"), sample("Notities", "A1000:D1999")]).then(([uren, verdeling, notities]) => {
      console.log(`bytes per cell\n  Uren (text, numbers, date, formula): ${JSON.stringify(uren)}\n  Verdeling (numbers): ${JSON.stringify(verdeling)}\n  Notities (300-character texts): ${JSON.stringify(notities)}`);
      // Numbers: a value of a few bytes, "Double" and "General" are fixed costs.
      expect(verdeling.valueTypes).toBeCloseTo(9, 0);
      expect(verdeling.numberFormat).toBeCloseTo(10, 0);
      // Long text comes back twice: in values and in formulas.
      expect(notities.values).toBeGreaterThan(100);
      expect(notities.formulas).toBeCloseTo(notities.values, 0);
    });
  });

  test("250 000 cells on 3 sheets: every response under 1 MB, progress per sheet, few syncs, the one-shot snapshot", async () => {
    const fake = bigWorkbook();
    const expected = await oneShot(fake);
    const progress: string[] = [];
    const host = new OfficeHost(fake.apis());
    const started = Date.now();
    const read = await host.readWorkbook((done, total, sheet) => progress.push(`${done}/${total} ${sheet}`));
    const ms = Date.now() - started;
    const responses = fake.payloads.map((p) => p.response);
    const total = responses.reduce((a, b) => a + b, 0);
    console.log(
      `250 000 cells: ${fake.syncs} syncs, ${(total / 1e6).toFixed(2)} MB in all, largest response ${(Math.max(...responses) / 1e6).toFixed(3)} MB, ` +
        `responses (kB): ${responses.map((b) => Math.round(b / 1000)).join(" ")}; adapter's measure per data batch (kB): ${host.lastReadBatches.map((b) => Math.round(b / 1000)).join(" ")}; ${ms} ms`,
    );
    expect(Math.max(...responses)).toBeLessThanOrEqual(READ_RESPONSE_BUDGET);
    expect(progress).toEqual(["1/3 Uren", "2/3 Verdeling", "3/3 Notities"]);
    // As few syncs as 1 MB responses allow: 2 before the cells, the data at ≥ 60% of 1 MB a batch, a first block per sheet.
    expect(fake.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / 600_000) + 3);
    expect(fake.syncs).toBeGreaterThanOrEqual(2 + Math.ceil(total / READ_RESPONSE_BUDGET));
    // The adapter measures what the fake counts (same JSON, give or take the property names).
    expect(Math.abs(host.lastReadBatches.reduce((a, b) => a + b, 0) - responses.slice(2).reduce((a, b) => a + b, 0))).toBeLessThan(total * 0.01);

    expect(read).toEqual(expected);
    // Spot checks against the cells as written.
    const [uren, verdeling, notities] = read.sheets;
    expect(read.sheets.map((s) => [s.name, s.values.length, s.visibility])).toEqual([
      ["Uren", 20_000, undefined],
      ["Verdeling", 15_002, undefined],
      ["Notities", 10_000, "hidden"],
    ]);
    expect(read.sheets.reduce((n, s) => n + s.values.reduce((m, row) => m + row.filter((v) => v !== null).length, 0), 0)).toBe(250_000 - 3334);
    expect(uren.values[0]).toEqual(["Locatie 1", 0, 0, "2026-01-01", 0, "ja"]);
    expect(uren.values[19_999]).toEqual(["Locatie 20000", 19_999, 4999.75, "2026-10-17", 24998.75, "nee"]);
    expect(uren.formulas?.[12_345][4]).toBe("=B12346+C12346");
    expect(uren.formulas?.[12_345][1]).toBeNull();
    expect(verdeling.values[0]).toEqual([]);
    expect(verdeling.values[2]).toEqual([null, 2, 4, 6, 8, 10, 12]);
    expect(verdeling.values[5000][3]).toEqual({ error: "#DEEL/0!" });
    expect(verdeling.values[5001][4]).toBe("#REF!");
    expect(verdeling.values[15_001]).toEqual([null, 15_001, 30_002, 45_003, "#REF!", 75_005, 90_006]); // text that looks like an error stays text
    expect(notities.values[9_999]).toEqual([10_000, longText(9_999, 300), longText(10_006, 300), null]); // 9 999 is a multiple of 3: empty
    expect(notities.values[9_999][1]).toHaveLength(300);
  });
});

describe("payload errors", () => {
  /** One sheet of `rows` × `cols` cells of `chars`-character text. */
  function textSheet(rows: number, cols: number, chars: number): FakeExcel {
    const fake = new FakeExcel();
    const cells = fake.addSheet("Tekst").cells;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.set(`${r},${c}`, cell(longText(r * cols + c, chars)));
    return fake;
  }

  test("a first block far heavier than estimated (20 MB of text) is split in halves after the payload error, until every half fits", async () => {
    const fake = textSheet(200, 5, 10_000);
    const expected = await oneShot(fake);
    const read = await new OfficeHost(fake.apis()).readWorkbook();
    const failed = fake.payloads.filter((p) => p.response > PAYLOAD_LIMIT);
    console.log(`text-heavy sheet: ${fake.syncs} syncs, ${failed.length} failed with the payload error, responses (kB): ${fake.payloads.map((p) => Math.round(p.response / 1000)).join(" ")}`);
    // The whole sheet (≈ 20 MB) as one first block fails; the next try takes at most half the
    // cells, sized at ≥ 5 MB / 1 000 cells a cell, and passes; from its measured size on, every
    // response stays under 1 MB.
    expect(failed.length).toBe(1);
    expect(fake.payloads[2].response).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.payloads[3].response).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(fake.payloads.slice(4).every((p) => p.response <= READ_RESPONSE_BUDGET)).toBe(true);
    expect(fake.payloads.length).toBeGreaterThan(4);
    expect(read).toEqual(expected);
    expect(read.sheets[0].values[199][4]).toBe(longText(999, 10_000));
  });

  test("a single row above 5 MB cannot be split: a Dutch message about the 5 MB, no stack trace", async () => {
    const fake = textSheet(1, 120, 30_000); // one row of 120 cells of 30 000 characters ≈ 7.2 MB
    const e = await new OfficeHost(fake.apis()).readWorkbook().catch((x) => x);
    expect(isIkkError(e)).toBe(true);
    expect(e.message).toMatch(/^De gegevens zijn te groot voor één verzoek aan Excel bij het lezen van de bladen \(Excel op het web staat per verzoek en per antwoord hoogstens 5 MB toe\)/);
    expect(e.message).not.toMatch(/\n|\bat |RichApi|[Pp]ayload/);
  });
});

describe("writing a large report", () => {
  test("40 000 rows of text: written in blocks, every request and response under 1 MB, every cell the same text", async () => {
    const fake = FakeExcel.fromSnapshot(plan2026());
    const rows = Array.from({ length: 40_000 }, (_, r) => ["waarschuwing", `Blad ${r % 7}`, `B${r + 1}`, `=HYPERLINK("https://example.invalid/${r}") melding nummer ${r}`]);
    await new OfficeHost(fake.apis()).writeReport(rows);
    const requests = fake.payloads.map((p) => p.request);
    const responses = fake.payloads.map((p) => p.response);
    console.log(`report of 40 000 rows: ${fake.syncs} syncs, ${(requests.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB written, largest request ${(Math.max(...requests) / 1e6).toFixed(3)} MB, largest response ${(Math.max(...responses) / 1e6).toFixed(3)} MB`);
    expect(Math.max(...requests)).toBeLessThanOrEqual(1_000_000);
    expect(Math.max(...responses)).toBeLessThanOrEqual(1_000_000);
    const blocks = requests.filter((b) => b > 0).length;
    expect(blocks).toBeGreaterThan(5);
    expect(fake.syncs).toBe(1 + blocks + 1);
    expect(fake.activeSheet).toBe(REPORT_SHEET_NAME);
    expect(fake.log).not.toContain(`activate-ignored ${REPORT_SHEET_NAME}`);
    for (const r of [0, 12_345, 39_999]) {
      rows[r].forEach((text, c) => {
        const cell = fake.cell(REPORT_SHEET_NAME, `${"ABCD"[c]}${r + 1}`);
        expect(cell.formula).toBeUndefined();
        expect(cell.value).toBe(text);
      });
    }
  });
});

describe("Office error codes get Dutch messages", () => {
  const CODES: Array<[string, RegExp]> = [
    ["RequestPayloadSizeLimitExceeded", /te groot .* 5 MB/],
    ["ResponsePayloadSizeLimitExceeded", /te groot .* 5 MB/],
    ["ItemNotFound", /bestaat niet meer/],
    ["AccessDenied", /beveiligd, of alleen-lezen/],
    ["InvalidOperation", /staat het schrijven van het rapport op dit moment niet toe/],
    ["InvalidOperationInCellEditMode", /cel aan het bewerken.*Enter of Esc/],
    ["InvalidArgument", /celadres niet gebruiken/],
    ["InvalidReference", /celadres niet gebruiken/],
    ["ItemAlreadyExists", /Het blad 'IKK-rapport' bestaat al/],
    ["GeneralException", /interne fout bij het schrijven van het rapport/],
  ];

  test.each(CODES)("%s", async (code, message) => {
    expect(excelErrorMessage(code, "writeReport")).toMatch(message);
    // Through the adapter: a sync that fails with the code.
    const fake = FakeExcel.fromSnapshot(plan2026());
    const host = new OfficeHost({ ...fake.apis(), run: () => Promise.reject(Object.assign(new OfficeError(code, "English text\n    at Excel.run (office.js:1:1)"), { debugInfo: {} })) });
    const e = await host.writeReport([["x"]]).catch((x) => x);
    expect(isIkkError(e)).toBe(true);
    expect(e.message).toMatch(message);
    expect(e.message).not.toMatch(/English|office\.js/);
  });

  test("any other failure: a Dutch sentence around the first line of Excel's text, never a stack trace", () => {
    const e = dutchError(Object.assign(new Error("Something odd happened.\n    at x (office.js:1:2)"), { code: "Conflict" }), "clearMarks");
    expect(e.message).toBe("Excel gaf een fout bij het wissen van de markeringen: Something odd happened.");
    const plain = dutchError("kapot", "readWorkbook");
    expect(plain.message).toBe("Excel gaf een fout bij het lezen van de bladen: kapot");
  });
});
