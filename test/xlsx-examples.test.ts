/**
 * The committed example workbooks: they hold exactly the cells of the snapshots in
 * examples/plan-*.ts, and regenerating them gives the same cells.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../cli/read-xlsx";
import { generateExamples } from "../examples/generate";
import { plan2024 } from "../examples/plan-2024";
import { plan2026 } from "../examples/plan-2026";
import { cellContents, EXAMPLES, makeTempDir } from "./helpers/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("examples");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ["plan-2026.xlsx", plan2026],
  ["plan-2024.xlsx", plan2024],
])("%s", (file, snapshot) => {
  test("the committed file holds the snapshot's sheets, values and formulas", async () => {
    const read = await readXlsx(path.join(EXAMPLES, file));
    expect(cellContents(read)).toEqual(cellContents(snapshot()));
  });

  test("regenerating gives the same cells as the committed file", async () => {
    await generateExamples(dir);
    const fresh = await readXlsx(path.join(dir, file));
    const committed = await readXlsx(path.join(EXAMPLES, file));
    expect(cellContents(fresh)).toEqual(cellContents(committed));
  });
});

test("text stays text: LRK numbers and Dutch number text are not turned into numbers", async () => {
  const wb2024 = await readXlsx(path.join(EXAMPLES, "plan-2024.xlsx"));
  const locations = wb2024.sheets.find((s) => s.name === "Locaties 2024")!;
  expect(locations.values[4][2]).toBe("111725185");
  const wb2026 = await readXlsx(path.join(EXAMPLES, "plan-2026.xlsx"));
  const hours = wb2026.sheets.find((s) => s.name === "Uren 2026")!;
  expect(hours.values[5][1]).toBe("42,37");
  expect(hours.values[8][1]).toBe("1,33 fte");
});

test("the 2026 example keeps its multi-line location names and header cells", async () => {
  const wb = await readXlsx(path.join(EXAMPLES, "plan-2026.xlsx"));
  const alloc = wb.sheets.find((s) => s.name === "Verdeling 2026")!;
  expect(alloc.values[3][0]).toBe("KDV\nValkenswaard");
  expect(String(alloc.values[2][5])).toBe("Totaal\nper\nlocatie");
  expect(alloc.formulas?.[19]?.[5]).toBe("=SUM(F4:F19)");
  expect(alloc.values[19][5]).toBe(1000);
});
