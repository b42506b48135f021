/**
 * The reader's file-level budgets (cli/limits.ts), each tried with a small limit: file size
 * (before reading), uncompressed bytes actually inflated (whatever the zip declares), cells
 * per sheet and in total, merges. Every refusal is a Dutch ONBRUIKBAAR error that names the
 * limit and says what to do; a whole-sheet merge is clipped to the cells there are.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { readXlsx } from "../cli/read-xlsx";
import { LIMITS, type ReadLimits } from "../cli/limits";
import { isIkkError } from "../shared/errors";
import { makeTempDir } from "./helpers/xlsx";
import { buildZip, manyCells, manyMerges, smallSheet, wholeSheetMerge, workbookParts, zipBomb } from "./fuzz/zip-generators";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("limits");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, data: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

async function refusal(file: string, limits: ReadLimits = LIMITS): Promise<string> {
  let caught: unknown;
  try {
    await readXlsx(file, limits);
  } catch (e) {
    caught = e;
  }
  expect(isIkkError(caught)).toBe(true);
  expect((caught as { code: string }).code).toBe("ONBRUIKBAAR");
  return (caught as Error).message;
}

const small = (over: Partial<ReadLimits>): ReadLimits => ({ ...LIMITS, ...over });

test("the limits are the documented ones", () => {
  expect(LIMITS).toEqual({
    maxFileBytes: 50 * 1024 * 1024,
    maxInflatedBytes: 200 * 1024 * 1024,
    maxCellsPerSheet: 2_000_000,
    maxCellsTotal: 5_000_000,
    maxMergesPerSheet: 100_000,
  });
});

test("file size: refused before reading, naming the limit and what to do", async () => {
  const file = write("groot.xlsx", manyCells(200, 5));
  const size = fs.statSync(file).size;
  const msg = await refusal(file, small({ maxFileBytes: size - 1 }));
  expect(msg).toMatch(/groter dan de grens van .* MB voor één werkmap \(bestandsgrootte\)/);
  expect(msg).toMatch(/Verwijder afbeeldingen/);
  await expect(readXlsx(file, small({ maxFileBytes: size }))).resolves.toBeDefined();
});

describe("uncompressed size: the bytes actually inflated count, not what the zip says", () => {
  test("an honest zip bomb is refused on its declared size", async () => {
    const file = write("bom.xlsx", zipBomb(8 * 1024 * 1024));
    expect(fs.statSync(file).size).toBeLessThan(64 * 1024);
    const msg = await refusal(file, small({ maxInflatedBytes: 4 * 1024 * 1024 }));
    expect(msg).toMatch(/pakt uit tot meer dan 4 MB .*\(grens voor uitgepakte grootte\)/);
    expect(msg).toMatch(/Sla alleen de bladen/);
  });

  test("a bomb that declares 1 KB is stopped at the limit while inflating", async () => {
    const file = write("leugen.xlsx", zipBomb(8 * 1024 * 1024, true));
    const msg = await refusal(file, small({ maxInflatedBytes: 4 * 1024 * 1024 }));
    expect(msg).toMatch(/grens voor uitgepakte grootte/);
    // Under the limit the same file reads: the cap is on bytes, not on the file's look.
    const ok = await readXlsx(file, small({ maxInflatedBytes: 16 * 1024 * 1024 }));
    expect(ok.sheets[0].values[4]).toHaveLength(10);
  });

  test("parts the check never reads (images) are not inflated and do not count", async () => {
    const parts = workbookParts(smallSheet());
    parts.push({ name: "xl/media/image1.png", data: Buffer.alloc(3 * 1024 * 1024, 1) });
    const file = write("plaatje.xlsx", buildZip(parts));
    const wb = await readXlsx(file, small({ maxInflatedBytes: 1024 * 1024 }));
    expect(wb.sheets[0].values[0]).toEqual(["Peildatum", 2026]);
  });
});

test("cells per sheet: refused with the sheet's name", async () => {
  const file = write("cellen.xlsx", manyCells(100, 10));
  const msg = await refusal(file, small({ maxCellsPerSheet: 999 }));
  expect(msg).toMatch(/Het werkblad "Blad1" in "cellen.xlsx" heeft meer dan 999 gevulde cellen \(grens per werkblad\)/);
  await expect(readXlsx(file, small({ maxCellsPerSheet: 1000 }))).resolves.toBeDefined();
});

test("cells in the whole workbook", async () => {
  const file = write("totaal.xlsx", manyCells(100, 10));
  const msg = await refusal(file, small({ maxCellsTotal: 500 }));
  expect(msg).toMatch(/meer dan 500 gevulde cellen \(grens voor de hele werkmap\)/);
});

describe("merges", () => {
  test("more merges than the limit are refused", async () => {
    const file = write("samen.xlsx", manyMerges(101));
    const msg = await refusal(file, small({ maxMergesPerSheet: 100 }));
    expect(msg).toMatch(/meer dan 100 samengevoegde celbereiken \(grens voor samenvoegingen\)/);
    expect(msg).toMatch(/Hef de samenvoeging op/);
  });

  test("a whole-sheet merge A1:XFD1048576 is clipped to the cells there are, at once", async () => {
    const file = write("heelblad.xlsx", wholeSheetMerge());
    const t0 = Date.now();
    const wb = await readXlsx(file);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(wb.sheets[0].values).toEqual([["Peildatum"]]);
  });

  test("40 000 small merges read in well under the time exceljs needed (minutes)", async () => {
    const file = write("veel.xlsx", manyMerges(40_000));
    const t0 = Date.now();
    const wb = await readXlsx(file);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(wb.sheets[0].values[1]).toEqual(["Aantal LRK-registraties", 3]);
  });
});

test("a cell at row 1 000 000 000 (outside Excel's grid) is ignored, not a billion rows", async () => {
  const sheet = smallSheet().replace("</sheetData>", `<row r="1000000000"><c r="A1000000000"><v>1</v></c></row><row r="3"><c r="ZZZZ3"><v>2</v></c></row></sheetData>`);
  const file = write("rij.xlsx", buildZip(workbookParts(sheet)));
  const wb = await readXlsx(file);
  expect(wb.sheets[0].values.length).toBeLessThanOrEqual(3);
});

test("a FIFO is refused at once instead of blocking", async () => {
  const fifo = path.join(dir, "pijp.xlsx");
  const made = spawnSync("mkfifo", [fifo]);
  if (made.status !== 0) return; // no mkfifo on this system
  const msg = await refusal(fifo);
  expect(msg).toMatch(/is een pipe \(FIFO\), geen \.xlsx-bestand/);
});

test("not a zip at all, and a truncated zip: Dutch, no stack", async () => {
  const good = manyCells(5, 5);
  const cut = write("afgekapt.xlsx", good.subarray(0, good.length - 30));
  expect(await refusal(cut)).toMatch(/kan niet als Excel-werkmap gelezen worden; het is beschadigd of geen \.xlsx/);
});
