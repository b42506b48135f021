/**
 * The "nieuw plan" template computed by a spreadsheet without the add-in: the 2026 template
 * filled with the 2026 example's data (examples/nieuw-plan-2026.ts) is written by the CLI's
 * writer without any cached result, recalculated by LibreOffice headless, read back with
 * the CLI reader and checked without a mapping. Also renders the recalculated Overzicht and
 * Verdeling with LibreOffice (Dutch locale, its HTML export) and screenshots them in
 * chromium: test/artifacts/nieuw-plan.png and nieuw-plan-verdeling.png.
 * LibreOffice is required (CI installs it with scripts/install-test-deps.sh).
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../cli/read-xlsx";
import { writeTemplateXlsx } from "../cli/template-xlsx";
import { checkWorkbook } from "../shared/validate";
import type { CheckResult, SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import { FILLED_LOCATIONS, FILLED_NOT_COACHED, FILLED_REALISATION, filledPlanTemplate2026 } from "../examples/nieuw-plan-2026";
import { OVERVIEW_ROWS } from "../shared/template/plan-template";
import { launchChromium } from "./helpers/browser";
import { convertWithSoffice, libreOfficeHtml, makeTempDir, sofficePath } from "./helpers/xlsx";

jest.setTimeout(240_000);

let dir: string;
let recalculated: string;
let snapshot: WorkbookSnapshot;
let result: CheckResult;

beforeAll(async () => {
  sofficePath();
  dir = makeTempDir("template-lo");
  const plain = path.join(dir, "in", "nieuw-plan-2026.xlsx");
  fs.mkdirSync(path.dirname(plain));
  await writeTemplateXlsx(filledPlanTemplate2026(), plain);
  // Written without results: the figures below come from LibreOffice's calculation only.
  const before = await readXlsx(plain);
  expect(before.sheets.find((s) => s.name === "Overzicht")!.values[OVERVIEW_ROWS.requiredTotal - 1]?.[1] ?? null).toBeNull();
  recalculated = convertWithSoffice(plain, dir);
  snapshot = await readXlsx(recalculated);
  result = checkWorkbook(snapshot, { year: undefined });
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const sheetOf = (wb: WorkbookSnapshot, name: string): SheetSnapshot => wb.sheets.find((s) => s.name === name)!;
/** Column B of an Overzicht row (1-based). */
const overview = (row: number) => sheetOf(snapshot, "Overzicht").values[row - 1]?.[1] ?? null;

test("recalculated by LibreOffice and checked without a mapping: 800 / 423,7 / 210, complete", () => {
  expect(result.year).toBe(2026);
  expect(result.yearKnown).toBe(true);
  expect(result.required.policy).toBe(800); // 16 × 50
  expect(result.required.coaching).toBeCloseTo(423.7, 9); // 42,37 fte × 10
  expect(result.required.ve).toBe(210); // 21 × 10
  expect(result.required.total).toBeCloseTo(1433.7, 9);
  expect(result.planned).toEqual({ policy: 800, coaching: 1000, ve: 210, total: 2010 });
  expect(result.inputs.centres?.value).toBe(16);
  expect(result.inputs.fte?.value).toBeCloseTo(42.37, 9);
  expect(result.inputs.targetToddlers?.value).toBe(21);
  expect(result.formation.hours).toBe(2496); // 2 × 24 h × 52
  expect(result.complete).toBe(true);
  expect(result.missing).toEqual([]);
  expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  const roles = result.tables.map((t) => `${t.sheet}:${t.role}`);
  expect(roles).toEqual(expect.arrayContaining(["Locaties:ve-toddlers", "Medewerkers:staff", "Formatie:staff", "Verdeling:locations"]));
  // No table read from the Overzicht or the Normen: their figures are labels, not a plan.
  expect(result.tables.filter((t) => t.sheet === "Overzicht" || t.sheet === "Normen")).toEqual([]);
});

test("the input sheets alone give the same figures (the Overzicht's labels are not what makes it complete)", () => {
  const inputsOnly: WorkbookSnapshot = { sheets: snapshot.sheets.filter((s) => s.name !== "Overzicht") };
  const r = checkWorkbook(inputsOnly, {});
  expect(r.inputs.centres?.value).toBe(16); // 16 distinct LRK numbers in Locaties
  expect(r.inputs.centres?.source.kind).toBe("table");
  expect(r.inputs.fte?.value).toBeCloseTo(42.37, 9); // Medewerkers: 1 456,32 + 897 ÷ 13 = 1 525,32 h ÷ 36
  expect(r.inputs.fte?.source.kind).toBe("table");
  expect(r.inputs.targetToddlers?.value).toBe(21);
  expect(r.formation.hours).toBe(2496);
  expect(r.required).toEqual(result.required);
  expect(r.planned).toEqual(result.planned);
  expect(r.complete).toBe(true);
});

test("the Overzicht's recalculated figures equal the engine's", () => {
  const O = OVERVIEW_ROWS;
  expect(overview(O.centres)).toBe(result.inputs.centres!.value);
  expect(overview(O.fte) as number).toBeCloseTo(result.inputs.fte!.value, 9);
  expect(overview(O.toddlers)).toBe(result.inputs.targetToddlers!.value);
  expect(overview(O.formationHours)).toBe(result.formation.hours);
  expect(overview(O.formationFte) as number).toBeCloseTo(48 / 36, 9);
  expect(overview(O.requiredPolicy)).toBe(result.required.policy);
  expect(overview(O.requiredCoaching) as number).toBeCloseTo(result.required.coaching!, 9);
  expect(overview(O.requiredVe)).toBe(result.required.ve);
  expect(overview(O.requiredTotal) as number).toBeCloseTo(result.required.total!, 9);
  expect(overview(O.plannedPolicy)).toBe(result.planned.policy);
  expect(overview(O.plannedCoaching)).toBe(result.planned.coaching);
  expect(overview(O.plannedVe)).toBe(result.planned.ve);
  expect(overview(O.plannedTotal)).toBe(result.planned.total);
  expect(overview(O.marginPolicy)).toBe(0);
  expect(overview(O.marginCoaching) as number).toBeCloseTo(1000 - 423.7, 9);
  expect(overview(O.marginVe)).toBe(0);
  expect(overview(O.marginTotal) as number).toBeCloseTo(2010 - 1433.7, 9);
  expect(overview(O.veShortLocations)).toBe(0);
  expect(overview(O.marginFormation) as number).toBeCloseTo(result.formation.marginHours!, 9);
  // Realised: the Realisatie rows summed per part.
  const realised = (part: string) => FILLED_REALISATION.filter((r) => r[2] === part).reduce((s, r) => s + r[3], 0);
  expect(overview(O.realisedPolicy)).toBe(realised("Beleid"));
  expect(overview(O.realisedCoaching)).toBe(realised("Coaching"));
  expect(overview(O.realisedVe)).toBe(realised("VE"));
  if (result.realisation) {
    expect(result.realisation.realised.policy).toBe(realised("Beleid"));
    expect(result.realisation.realised.coaching).toBe(realised("Coaching"));
    expect(result.realisation.realised.ve).toBe(realised("VE"));
  }
});

test("per-row formulas: VE required per location, row totals, coaching received per staff member; empty rows show nothing", () => {
  const loc = sheetOf(snapshot, "Locaties");
  const ver = sheetOf(snapshot, "Verdeling");
  FILLED_LOCATIONS.forEach(([lrk, name, coaching, ve, toddlers], i) => {
    expect(loc.values[2 + i][0]).toBe(lrk);
    expect(loc.values[2 + i][4]).toBe(toddlers === null ? "" : toddlers * 10);
    expect(ver.values[2 + i][0]).toBe(name);
    expect(ver.values[2 + i][4]).toBe(50 + coaching + (ve ?? 0));
    expect(ver.values[2 + i][5]).toBe(toddlers === null ? "" : toddlers * 10);
  });
  // The first empty row: formulas showing "", read as empty text (not as unknown).
  expect(ver.values[2 + FILLED_LOCATIONS.length].slice(0, 6)).toEqual(["", null, null, null, "", ""]);
  const staff = sheetOf(snapshot, "Medewerkers");
  const coached = new Map<string, number>();
  for (const [, , part, hours, who] of FILLED_REALISATION) if (part === "Coaching" && who) coached.set(who, (coached.get(who) ?? 0) + hours);
  // Every staff member but one is named on a coaching row; that one must read 0 (not coached yet).
  expect(coached.size).toBe(54);
  expect(coached.has(FILLED_NOT_COACHED)).toBe(false);
  let rowsWithName = 0;
  for (let r = 2; r < staff.values.length; r++) {
    const name = staff.values[r]?.[0];
    if (typeof name !== "string" || name === "") {
      if (r < 402) expect(staff.values[r]?.[6] ?? "").toBe("");
      continue;
    }
    rowsWithName++;
    expect(staff.values[r][6]).toBe(coached.get(name) ?? 0);
  }
  expect(rowsWithName).toBe(55);
  // Text that starts with "=" stays text.
  const real = sheetOf(snapshot, "Realisatie");
  const noteRow = FILLED_REALISATION.findIndex((r) => (r[5] ?? "").startsWith("="));
  expect(noteRow).toBeGreaterThanOrEqual(0);
  expect(real.values[2 + noteRow][5]).toBe("=werkplan bijstellen");
  expect(real.formulas?.[2 + noteRow]?.[5] ?? null).toBeNull();
});

test("LibreOffice shows the Overzicht in Dutch number formats (screenshots test/artifacts/nieuw-plan*.png)", async () => {
  const html = libreOfficeHtml(recalculated, path.join(dir, "html"));
  const text = fs.readFileSync(html, "utf8");
  expect(text).toContain("1.433,7"); // required total, format #,##0.0# in a Dutch locale
  expect(text).toContain("423,7");
  expect(text).toContain("42,37");
  expect(text).toContain("2.496");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto("file://" + html);
    const tables = page.locator("table");
    expect(await tables.count()).toBe(7);
    fs.mkdirSync(path.join(__dirname, "artifacts"), { recursive: true });
    await tables.nth(6).screenshot({ path: path.join(__dirname, "artifacts", "nieuw-plan.png") });
    // Verdeling: the 16 filled rows and the header (the empty rows below are cut off).
    const verdeling = tables.nth(4);
    const clip = await verdeling.evaluate((table) => {
      const t = table.getBoundingClientRect();
      const row = (table as HTMLTableElement).rows[18].getBoundingClientRect();
      return { x: t.left + window.scrollX, y: t.top + window.scrollY, width: t.width, height: row.top - t.top };
    });
    await page.screenshot({ path: path.join(__dirname, "artifacts", "nieuw-plan-verdeling.png"), fullPage: true, clip });
    expect(await tables.nth(6).innerText()).toContain("Benodigd totaal");
  } finally {
    await browser.close();
  }
});
