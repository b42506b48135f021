/**
 * The exceljs adapter (cli/read-xlsx.ts): every kind of cell an .xlsx can hold becomes the
 * right snapshot value, formulas keep their text and cached result, and files that are no
 * usable workbook give a Dutch ONBRUIKBAAR error.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx, snapshotValue } from "../cli/read-xlsx";
import { isoDateText } from "../shared/dates";
import { isIkkError } from "../shared/errors";
import { checkWorkbook, RULES } from "../shared/validate";
import { makeTempDir, writeRawXlsx, xmlEscape } from "./helpers/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("read");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, name);

async function expectUnusable(p: string, pattern: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await readXlsx(p);
  } catch (e) {
    caught = e;
  }
  expect(isIkkError(caught)).toBe(true);
  expect((caught as { code: string }).code).toBe("ONBRUIKBAAR");
  expect((caught as Error).message).toMatch(pattern);
}

describe("cell kinds", () => {
  let sheet: { values: unknown[][]; formulas?: (string | null)[][] };

  beforeAll(async () => {
    const p = file("kinds.xlsx");
    await writeRawXlsx(p, {
      sharedStrings: [
        "<si><t>Locatie</t></si>",
        "<si><r><rPr><b/></rPr><t>KDV </t></r><r><t xml:space=\"preserve\">Budel</t></r></si>",
        "<si><t>111725185</t></si>",
      ],
      sheets: [
        {
          name: "Blad 1",
          sheetData: [
            // A1 shared string, B1 rich shared string, C1 inline string, D1 rich inline string
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
              '<c r="C1" t="inlineStr"><is><t>42,37</t></is></c>' +
              '<c r="D1" t="inlineStr"><is><r><t>Totaal </t></r><r><t>per locatie</t></r></is></c></row>',
            // A2 number, B2 boolean, C2 error, D2 date (style 1 = numFmt 14), E2 LRK text
            '<row r="2"><c r="A2"><v>423.7</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#REF!</v></c>' +
              '<c r="D2" s="1"><v>46023</v></c><c r="E2" t="s"><v>2</v></c></row>',
            // Row 3: formulas: with cached number, without cached value, cached error, cached text
            '<row r="3"><c r="A3"><f>SUM(A2:A2)</f><v>423.7</v></c><c r="B3"><f>A2*10</f></c>' +
              '<c r="C3" t="e"><f>C2+1</f><v>#REF!</v></c><c r="D3" t="str"><f>"uur"</f><v>uur</v></c></row>',
            // Rows 5-7: a shared formula over C5:C7 (master C5, children without text)
            '<row r="5"><c r="B5"><v>6</v></c><c r="C5"><f t="shared" ref="C5:C7" si="0">B5*10</f><v>60</v></c></row>' +
              '<row r="6"><c r="B6"><v>4</v></c><c r="C6"><f t="shared" si="0"/><v>40</v></c></row>' +
              '<row r="7"><c r="B7"><v>5</v></c><c r="C7"><f t="shared" si="0"/><v>50</v></c></row>',
            // Row 9: text that looks like a formula stays text; control characters are kept as data
            `<row r="9"><c r="A9" t="inlineStr"><is><t>${xmlEscape("=HYPERLINK(\"x\")")}</t></is></c></row>`,
          ].join(""),
        },
      ],
    });
    const wb = await readXlsx(p);
    expect(wb.name).toBe("kinds.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Blad 1"]);
    sheet = wb.sheets[0];
  });

  test("shared strings, rich text and inline strings become plain text", () => {
    expect(sheet.values[0]).toEqual(["Locatie", "KDV Budel", "42,37", "Totaal per locatie"]);
  });

  test("numbers, booleans, error values, dates and LRK text", () => {
    expect(sheet.values[1]).toEqual([423.7, true, { error: "#REF!" }, "2026-01-01", "111725185"]);
  });

  test("formula cells: text with '=' in formulas, cached result in values, null without a cached value", () => {
    expect(sheet.formulas?.[2]).toEqual(["=SUM(A2:A2)", "=A2*10", "=C2+1", '="uur"']);
    expect(sheet.values[2]).toEqual([423.7, null, { error: "#REF!" }, "uur"]);
  });

  test("shared formulas are translated to each cell's own text", () => {
    expect(sheet.formulas?.[4]?.[2]).toBe("=B5*10");
    expect(sheet.formulas?.[5]?.[2]).toBe("=B6*10");
    expect(sheet.formulas?.[6]?.[2]).toBe("=B7*10");
    expect([sheet.values[4][2], sheet.values[5][2], sheet.values[6][2]]).toEqual([60, 40, 50]);
  });

  test("rows keep their spreadsheet position; empty rows are empty arrays", () => {
    expect(sheet.values[3]).toEqual([]);
    expect(sheet.values[7]).toEqual([]);
    expect(sheet.values[8]).toEqual(["=HYPERLINK(\"x\")"]);
    expect(sheet.formulas?.[8]).toEqual([null]);
  });

  test("formulas has the same shape as values", () => {
    expect(sheet.formulas?.length).toBe(sheet.values.length);
    sheet.values.forEach((row, r) => expect(sheet.formulas?.[r]?.length).toBe(row.length));
  });
});

test("merged cells: only the top-left cell holds the value; a sheet without formulas has no formulas", async () => {
  const p = file("merged.xlsx");
  await writeRawXlsx(p, {
    sheets: [
      {
        name: "Uren",
        sheetData:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Overzicht</t></is></c><c r="B1"/><c r="C1"/></row>' +
          '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>',
        after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
      },
    ],
  });
  const wb = await readXlsx(p);
  expect(wb.sheets[0].values).toEqual([["Overzicht"], [1, 2]]);
  expect(wb.sheets[0].formulas).toBeUndefined();
});

test("hidden and very hidden sheets: the state attribute in xl/workbook.xml becomes visibility; a check leaves them out", async () => {
  const p = file("hidden.xlsx");
  const row = (r: number, label: string, n: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${label}</t></is></c><c r="B${r}"><v>${n}</v></c></row>`;
  await writeRawXlsx(p, {
    sheets: [
      { name: "Coachplan 2026", sheetData: row(1, "Aantal kindercentra", 2) + row(2, "Fte pedagogisch medewerkers", 10) },
      { name: "Reserve", state: "hidden", sheetData: row(1, "Aantal kindercentra", 9) },
      { name: "Hulp", state: "veryHidden", sheetData: row(1, "Peildatum", 2017) },
      { name: "Zichtbaar", state: "visible", sheetData: row(1, "Notitie", 1) },
    ],
  });
  const wb = await readXlsx(p);
  expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
    ["Coachplan 2026", undefined],
    ["Reserve", "hidden"],
    ["Hulp", "veryHidden"],
    ["Zichtbaar", undefined],
  ]);
  // The state flows through to the engine: 2 kindercentra (not 9), the peildatum 2017 on the very hidden sheet does not vote.
  const r = checkWorkbook(wb);
  expect(r.year).toBe(2026);
  expect(r.inputs.centres?.value).toBe(2);
  const info = r.findings.filter((f) => f.rule === RULES.HIDDEN_SHEET);
  expect(info).toHaveLength(1);
  expect(info[0].message).toContain("'Reserve' (verborgen), 'Hulp' (zeer verborgen)");
  const all = checkWorkbook(wb, { includeHidden: true, year: 2026 });
  expect(all.findings.some((f) => f.rule === RULES.HIDDEN_SHEET)).toBe(false);
});

test("hyperlink cells give their text", () => {
  expect(snapshotValue({ text: "KDV Budel", hyperlink: "https://example.org" })).toBe("KDV Budel");
  expect(snapshotValue({ text: { richText: [{ text: "KDV " }, { text: "Gastel" }] }, hyperlink: "x" })).toBe("KDV Gastel");
});

test("dates become ISO text, with the time only when there is one", () => {
  expect(isoDateText(new Date(Date.UTC(2024, 0, 1)))).toBe("2024-01-01");
  expect(isoDateText(new Date(Date.UTC(2024, 0, 1, 8, 30)))).toBe("2024-01-01T08:30:00");
});

describe("unusable files give a Dutch ONBRUIKBAAR error", () => {
  test("missing file", async () => {
    await expectUnusable(file("bestaat-niet.xlsx"), /bestaat niet/);
  });

  test("a folder", async () => {
    await expectUnusable(dir, /is een map/);
  });

  test("an empty file", async () => {
    fs.writeFileSync(file("leeg.xlsx"), "");
    await expectUnusable(file("leeg.xlsx"), /is leeg/);
  });

  test("a text file named .xlsx", async () => {
    fs.writeFileSync(file("tekst.xlsx"), "Locatie;Uren\nBudel;60\n");
    await expectUnusable(file("tekst.xlsx"), /geen Excel-werkmap/);
  });

  test("an encrypted (password-protected) workbook: a CFB/OLE container", async () => {
    const cfb = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    fs.writeFileSync(file("beveiligd.xlsx"), cfb);
    await expectUnusable(file("beveiligd.xlsx"), /wachtwoord/);
  });

  test("a zip that is not a workbook", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("readme.txt", "geen werkmap");
    fs.writeFileSync(file("zip.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    await expectUnusable(file("zip.xlsx"), /bevat geen werkbladen/);
  });

  test("a truncated workbook", async () => {
    const full = fs.readFileSync(path.join(__dirname, "..", "examples", "plan-2026.xlsx"));
    fs.writeFileSync(file("kapot.xlsx"), full.subarray(0, Math.floor(full.length / 2)));
    await expectUnusable(file("kapot.xlsx"), /kan niet als Excel-werkmap gelezen worden/);
  });
});
