/**
 * The demo shows examples/nieuw-plan-2026.snapshot.json (it has no xlsx reader): that file
 * must be exactly what the CLI reads from examples/nieuw-plan-2026.xlsx, and both must give
 * the same check, so the demo and the README's command can't drift apart.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../cli/read-xlsx";
import { checkWorkbook } from "../shared/validate";
import type { WorkbookSnapshot } from "../shared/validate/types";
import { EXAMPLES } from "./helpers/xlsx";

test("the demo's snapshot equals the example workbook as the CLI reads it", async () => {
  const fromXlsx = await readXlsx(path.join(EXAMPLES, "nieuw-plan-2026.xlsx"));
  const stored: WorkbookSnapshot = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "nieuw-plan-2026.snapshot.json"), "utf8"));
  expect(stored.sheets.map((s) => s.name)).toEqual(["Normen", "Locaties", "Medewerkers", "Formatie", "Verdeling", "Realisatie", "Overzicht"]);
  expect(stored.sheets).toEqual(fromXlsx.sheets);
  const a = checkWorkbook(stored, { asOf: "2026-10-01" });
  expect(a.complete).toBe(true);
  expect(a.required).toEqual({ policy: 800, coaching: 423.7, ve: 210, total: 1433.7 });
  expect(a.realisation?.notCoached).toHaveLength(1);
});
