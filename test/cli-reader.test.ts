/**
 * The CLI's own .xlsx reader (cli/xlsx-reader.ts via readXlsx) against the exceljs reader it
 * replaced (readXlsxWithExceljs): the same snapshot for every workbook in test/fixtures and
 * examples/, and for a workbook built to hold every odd cell kind (date formats, 1904 dates,
 * shared formulas, rich and escaped text, merges, hidden sheets). The expected snapshots are
 * made here by the exceljs reader, never written down.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx, readXlsxWithExceljs } from "../cli/read-xlsx";
import { ROOT, makeTempDir } from "./helpers/xlsx";
import { buildZip, type ZipPart } from "./fuzz/zip-generators";
import type { WorkbookSnapshot } from "../shared/validate/types";

/**
 * exceljs drops a formula's cached empty text (<c t="str"><f>…</f><v></v></c>, what
 * =IF(A1="","",…) saves) and hands over no result; the CLI reader keeps it as "", as the
 * Excel and Sheets adapters give it. Where exactly that differs, take the CLI's "" as
 * expected; every other cell must be the same.
 */
function withCachedEmptyText(expected: WorkbookSnapshot, actual: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...expected,
    sheets: expected.sheets.map((s, i) => {
      const a = actual.sheets[i];
      if (!a || a.name !== s.name) return s;
      const values = s.values.map((row, r) =>
        row.map((v, c) => (v === null && a.values[r]?.[c] === "" && (s.formulas?.[r]?.[c] ?? null) !== null && s.formulas?.[r]?.[c] === a.formulas?.[r]?.[c] ? "" : v)),
      );
      return { ...s, values };
    }),
  };
}

function workbookFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...workbookFiles(p));
    else if (/\.xls[xm]$/i.test(entry.name)) out.push(p);
  }
  return out.sort();
}

const FILES = [...workbookFiles(path.join(ROOT, "test", "fixtures")), ...workbookFiles(path.join(ROOT, "examples"))];

let dir: string;
beforeAll(() => {
  dir = makeTempDir("reader");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("there are fixtures to compare (layouts, holdout, final and the examples)", () => {
  const rel = FILES.map((f) => path.relative(ROOT, f));
  expect(rel.some((f) => f.startsWith("test/fixtures/layouts/"))).toBe(true);
  expect(rel.some((f) => f.startsWith("test/fixtures/holdout/"))).toBe(true);
  expect(rel.some((f) => f.startsWith("test/fixtures/final/"))).toBe(true);
  expect(rel.some((f) => f.startsWith("examples/"))).toBe(true);
  expect(FILES.length).toBeGreaterThan(40);
});

describe("every fixture and example reads to the same snapshot as with exceljs", () => {
  test.each(FILES.map((f) => [path.relative(ROOT, f), f]))("%s", async (_rel, file) => {
    const actual = await readXlsx(file);
    const expected = withCachedEmptyText(await readXlsxWithExceljs(file), actual);
    expect(actual).toStrictEqual(expected);
  });
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook of odd but valid cell kinds, written part by part. */
function kindsWorkbook(date1904: boolean): Buffer {
  const styles =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>` +
    `<numFmts count="3"><numFmt numFmtId="164" formatCode="d\\-m\\-yyyy"/><numFmt numFmtId="165" formatCode="&quot;Uur&quot;\\ 0.00"/><numFmt numFmtId="166" formatCode="[Red]0.0"/></numFmts>` +
    `<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
    // xf 0 carries a date format (exceljs never applies style 0); 1 built-in date; 2 custom date;
    // 3 text in quotes (no date); 4 colour in brackets (no date); 5 time (h:mm); 6 percent.
    `<cellXfs count="7"><xf numFmtId="14"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="20"/><xf numFmtId="9"/></cellXfs>` +
    // A number format inside a differential format is no cell format.
    `<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs>` +
    `</styleSheet>`;
  const strings =
    `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="6" uniqueCount="6">` +
    `<si><t>Peildatum</t></si>` +
    `<si><r><rPr><b/></rPr><t>Rijk </t></r><r><t xml:space="preserve">gemaakt</t></r></si>` +
    `<si><t>regel_x000D_een&#10;twee</t><rPh sb="0" eb="1"><t>fonetisch</t></rPh></si>` +
    `<si><t>A &amp; B &lt;C&gt;</t></si>` +
    `<si><t/></si>` +
    `<si><t xml:space="preserve">  spaties  </t></si>` +
    `</sst>`;
  const sheet1 =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:H20"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46023</v></c><c r="C1" s="2"><v>46023.5</v></c><c r="D1" s="0"><v>46023</v></c><c r="E1" s="3"><v>12.5</v></c><c r="F1" s="4"><v>7</v></c><c r="G1" s="5"><v>0.75</v></c><c r="H1" s="6"><v>0.25</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c><c r="E2" t="s"><v>5</v></c></row>` +
    `<row r="3"><c r="A3" t="inlineStr"><is><t>inline_x000D_tekst</t></is></c><c r="B3" t="inlineStr"><is><r><t>ri</t></r><r><t>ch_x0041_</t></r></is></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><v>x &amp;amp; y</v></c></row>` +
    `<row r="4"><c r="A4"><f>SUM(B4:C4)</f><v>3</v></c><c r="B4"><v>1</v></c><c r="C4"><v>2</v></c><c r="D4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F4" t="b"><f>TRUE()</f><v>1</v></c><c r="G4"><f>NOW()</f></c><c r="H4" s="1"><f>B1+1</f><v>46024</v></c></row>` +
    `<row r="5"><c r="A5"><f t="shared" ref="A5:A7" si="0">B5*2+$C$1+Blad2!B5</f><v>2</v></c><c r="B5"><v>1</v></c></row>` +
    `<row r="6"><c r="A6"><f t="shared" si="0"/><v>4</v></c><c r="B6"><v>2</v></c></row>` +
    `<row r="7"><c r="A7"><f t="shared" si="0"/><v>6</v></c><c r="B7"><v>3</v></c><c r="C7"><f t="shared" si="9"/><v>0</v></c></row>` +
    // A merge whose other cells still hold values (only the top-left stays), and a formula-only cell.
    `<row r="9"><c r="A9" t="inlineStr"><is><t>Kop</t></is></c><c r="B9"><v>99</v></c><c r="C9"><v>98</v></c><c r="D9"><v>1</v></c></row>` +
    `<row r="10"><c r="A10"><v>97</v></c><c r="E10"><v>5</v></c></row>` +
    // Cells without r (the next column) and numbers in odd notations.
    `<row r="12"><c r="B12"><v>1e3</v></c><c><v>-0.5</v></c><c><v> 7 </v></c><c s="1"><v>abc</v></c></row>` +
    `<row r="20"><c r="H20" t="inlineStr"><is><t>laatste</t></is></c></row>` +
    `</sheetData><mergeCells count="1"><mergeCell ref="A9:C10"/></mergeCells>` +
    `<hyperlinks><hyperlink ref="A4" r:id="rId1"/><hyperlink ref="B4" location="Blad2!A1"/></hyperlinks>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const sheet2 = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="2"><c r="B2"><v>5</v></c></row></sheetData></worksheet>`;
  const sheet3 = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData/></worksheet>`;
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>` +
        `<sheet name="Uren &amp; fte" sheetId="3" r:id="rId1"/><sheet name="Blad2" sheetId="1" state="hidden" r:id="rId2"/><sheet name="Geheim" sheetId="2" state="veryHidden" r:id="rId3"/>` +
        `</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>` +
        `<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
        `</Relationships>`,
    },
    { name: "xl/styles.xml", data: styles },
    { name: "xl/sharedStrings.xml", data: strings, method: 0 },
    { name: "xl/worksheets/sheet1.xml", data: sheet1 },
    {
      name: "xl/worksheets/_rels/sheet1.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
    },
    { name: "xl/worksheets/sheet2.xml", data: sheet2 },
    { name: "xl/worksheets/sheet3.xml", data: sheet3 },
    { name: "xl/media/image1.png", data: Buffer.alloc(4096, 7) },
  ];
  return buildZip(parts);
}

describe("odd cell kinds read as exceljs reads them", () => {
  test.each([
    ["1900 dates", false],
    ["1904 dates", true],
  ])("%s", async (_label, date1904) => {
    const file = path.join(dir, `kinds-${date1904 ? 1904 : 1900}.xlsx`);
    fs.writeFileSync(file, kindsWorkbook(date1904 as boolean));
    const expected = await readXlsxWithExceljs(file);
    const actual = await readXlsx(file);
    expect(actual).toStrictEqual(expected);

    // And the values themselves, so a change in exceljs cannot hide a change here.
    const s = actual.sheets[0];
    expect(actual.sheets.map((x) => [x.name, x.visibility ?? "visible"])).toEqual([
      ["Uren & fte", "visible"],
      ["Blad2", "hidden"],
      ["Geheim", "veryHidden"],
    ]);
    expect(s.values[0]).toEqual(
      date1904 ? ["Peildatum", "2030-01-02", "2030-01-02T12:00:00", 46023, 12.5, 7, "1904-01-01T18:00:00", 0.25] : ["Peildatum", "2026-01-01", "2026-01-01T12:00:00", 46023, 12.5, 7, "1899-12-30T18:00:00", 0.25],
    );
    expect(s.values[1]).toEqual(["Rijk gemaakt", "regel\reen\ntwee", "A & B <C>", "", "  spaties  "]);
    expect(s.values[2]).toEqual(["inline_x000D_tekst", "richA", true, false, { error: "#N/A" }, "x & y"]);
    // A4 carries an external hyperlink: exceljs keeps only its result.
    expect(s.formulas![3]).toEqual([null, null, null, '="a"&"b"', "=1/0", "=TRUE()", "=NOW()", "=B1+1"]);
    expect(s.values[3][7]).toBe(date1904 ? "2030-01-03" : "2026-01-02");
    expect(s.formulas![4][0]).toBe("=B5*2+$C$1+Blad2!B5");
    expect(s.formulas![5][0]).toBe("=B6*2+$C$1+Blad2!B6");
    expect(s.formulas![6][0]).toBe("=B7*2+$C$1+Blad2!B7");
    expect(s.formulas![6][2]).toBeNull(); // a shared formula whose master is unknown has no text
    expect(s.values[8]).toEqual(["Kop", null, null, 1]);
    expect(s.values[9]).toEqual([null, null, null, null, 5]);
    expect(s.values[11]).toEqual([null, 1000, -0.5, 7, ""]);
    expect(s.values).toHaveLength(20);
    expect(actual.sheets[2].values).toEqual([]);
  });
});

describe("what exceljs could not read", () => {
  test("two sheet names over 31 characters alike in their first 31: both read, nothing printed", async () => {
    const long = "Urenverantwoording pedagogisch coach";
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const parts: ZipPart[] = [
      { name: "xl/workbook.xml", data: `<workbook ${NS}><sheets><sheet name="${long} 2025" sheetId="1" r:id="rId1"/><sheet name="${long} 2026" sheetId="2" r:id="rId2"/></sheets></workbook>` },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>`,
      },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
      { name: "xl/worksheets/sheet2.xml", data: sheet },
    ];
    const file = path.join(dir, "lange-namen.xlsx");
    fs.writeFileSync(file, buildZip(parts));
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const wb = await readXlsx(file);
      expect(wb.sheets.map((s) => s.name)).toEqual([`${long} 2025`, `${long} 2026`]);
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
      // exceljs itself fails on this file ("Worksheet name already exists").
      await expect(readXlsxWithExceljs(file)).rejects.toThrow();
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  test("tags with a namespace prefix (x:row, x:c) read like plain ones", async () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const parts: ZipPart[] = [
      { name: "xl/workbook.xml", data: `<x:workbook ${x}><x:sheets><x:sheet name="Blad1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>` },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
      },
      { name: "xl/worksheets/sheet1.xml", data: `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Locatie</x:t></x:is></x:c><x:c r="B1"><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>` },
    ];
    const file = path.join(dir, "voorvoegsel.xlsx");
    fs.writeFileSync(file, buildZip(parts));
    const wb = await readXlsx(file);
    expect(wb.sheets[0].values).toEqual([["Locatie", 4]]);
  });
});
