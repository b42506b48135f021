/**
 * Formulas that show nothing (=IF(A3="","",…) on a row not filled in yet), as the "nieuw
 * plan" template has on every empty row: the CLI reader gives their cached empty text as
 * "" (a known blank, as Excel and Sheets give it), never as a formula without a result; and
 * the table detector ends a list at such a row as at an empty one.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../cli/read-xlsx";
import { checkWorkbook } from "../shared/validate";
import type { SheetSnapshot } from "../shared/validate/types";
import { makeTempDir, writeRawXlsx } from "./helpers/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("blank-formulas");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a t="str" formula with an empty <v></v> reads as "" with its formula; one without <v> has no cached value', async () => {
  const p = path.join(dir, "leeg.xlsx");
  await writeRawXlsx(p, {
    sheets: [
      {
        name: "Blad1",
        sheetData:
          '<row r="1"><c r="A1" t="str"><f>IF(B1="","",B1)</f><v></v></c>' +
          '<c r="B1" t="str"><f>IF(C1="","",C1)</f><v/></c>' +
          '<c r="C1" t="str"><f>"x"</f><v>x</v></c>' +
          '<c r="D1"><f>1+1</f></c></row>',
      },
    ],
  });
  const wb = await readXlsx(p);
  expect(wb.sheets[0].values[0]).toEqual(["", "", "x", null]);
  expect(wb.sheets[0].formulas![0]).toEqual(['=IF(B1="","",B1)', '=IF(C1="","",C1)', '="x"', "=1+1"]);
});

/** A staff list of two rows, then rows whose only cells are formulas showing "". */
function staffWithFormulaRows(blankAs: "" | null): SheetSnapshot {
  const values: (string | number | null)[][] = [
    ["Medewerkers 2026"],
    ["Naam", "Functie", "Contracturen per week", "Coaching ontvangen (uren)"],
    ["An", "Pedagogisch medewerker", 36, 0],
    ["Bo", "Pedagogisch medewerker", 18, 0],
  ];
  const formulas: (string | null)[][] = [[], [], [null, null, null, "=SUM(X3)"], [null, null, null, "=SUM(X4)"]];
  for (let r = 4; r < 30; r++) {
    values.push([null, null, null, blankAs]);
    formulas.push([null, null, null, `=IF(A${r + 1}="","",SUM(X${r + 1}))`]);
  }
  return { name: "Medewerkers", values, formulas };
}

test("rows of formulas that show nothing end a table like empty rows", () => {
  const result = checkWorkbook({ sheets: [staffWithFormulaRows("")] }, { year: 2026 });
  const staff = result.tables.find((t) => t.role === "staff");
  expect(staff?.range).toBe("A2:D4");
  // 36 + 18 hours per week = 1,5 fte; the empty rows are neither staff nor unknown hours.
  expect(result.inputs.fte?.value).toBe(1.5);
});

test("a formula without a cached result still counts as unknown, never as an empty row", () => {
  const result = checkWorkbook({ sheets: [staffWithFormulaRows(null)] }, { year: 2026 });
  const staff = result.tables.find((t) => t.role === "staff");
  expect(staff?.range).toBe("A2:D30");
});
