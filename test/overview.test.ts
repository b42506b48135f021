/**
 * The overview for parents and staff (issue 12, item 3): per kindercentrum the hours, the
 * minimum and how it was computed; no staff name, no script, every workbook text escaped.
 * The CLI part runs the built bin (`npm run build` first).
 */
import * as fs from "fs";
import * as path from "path";
import { writeSnapshotXlsx } from "../examples/generate";
import { plan2026 } from "../examples/plan-2026";
import { FILLED_COACHES, FILLED_LOCATIONS, FILLED_POLICY_PER_LOCATION, filledCarried } from "../examples/nieuw-plan-2026";
import { checkWorkbook, buildSheet } from "../shared/validate";
import { overviewModel } from "../shared/validate/overview";
import { overviewHtml } from "../shared/overview-html";
import { normForYear } from "../shared/norms";
import { formatDutch } from "../shared/numbers";
import type { WorkbookSnapshot } from "../shared/validate/types";
import { EXAMPLES, makeTempDir, runCli } from "./helpers/xlsx";
import { launchChromium } from "./helpers/browser";

const htmlOf = (wb: WorkbookSnapshot): string => overviewHtml(overviewModel(wb, checkWorkbook(wb)));

/** The 2026 example with a staff list (names, functions, hours) on a sheet "Personeel". */
function withStaff(): WorkbookSnapshot {
  const wb = plan2026();
  wb.sheets.push(
    buildSheet("Personeel", [
      ["Medewerker", "Functie", "Contracturen per week", "Locatie"],
      ["Annemieke Verhoeven", "Pedagogisch medewerker", 32, "KDV Budel"],
      ["Jeroen Timmermans", "Pedagogisch medewerker", 24, "BSO Oirschot"],
      ["Fatima El Amrani", "Pedagogisch coach", 28, "KDV Gastel"],
    ]),
  );
  return wb;
}

describe("overview of the 2026 example", () => {
  const wb = plan2026();
  const result = checkWorkbook(wb);
  const model = overviewModel(wb, result);
  const html = overviewHtml(model);

  test("every kindercentrum with its hours; the totals 800 / 423,7 / 210", () => {
    expect(model.incomplete).toEqual([]);
    expect(model.locations).toHaveLength(16);
    const budel = model.locations.find((l) => l.name === "KDV Budel");
    expect(budel).toEqual({ name: "KDV Budel", policy: 50, coaching: 30, ve: 60 });
    for (const l of model.locations) expect(html).toContain(`<td>${l.name.replace(/&/g, "&amp;")}</td>`);
    expect(html).toContain("<td>Minimum volgens de wet</td><td class=\"n\">800</td><td class=\"n\">423,7</td><td class=\"n\">210</td>");
    expect(html).toContain("Totaal minimum: 1.433,7 uur");
    expect(html).not.toContain("niet volledig");
  });

  test("the computation lines use the norm version's figures", () => {
    const n = normForYear(2026);
    expect(html).toContain(`16 kindercentra × ${formatDutch(n.beleidsurenPerKindercentrum)} uur = 800 uur`);
    expect(html).toContain(`42,37 fte pedagogisch professionals × ${formatDutch(n.coachurenPerFte)} uur = 423,7 uur`);
    expect(html).toContain(`Dommelen: 6 × ${formatDutch(n.veUrenPerDoelgroeppeuter!)} uur = 60 uur`);
  });

  test("a self-contained Dutch page: no script, no external resource, print CSS", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).toContain("@media print");
  });
});

test("no staff name reaches the overview", () => {
  const wb = withStaff();
  const staff = wb.sheets.find((s) => s.name === "Personeel")!;
  const names = staff.values.slice(1).map((r) => String(r[0]));
  expect(names).toHaveLength(3);
  const html = htmlOf(wb);
  for (const name of names) expect(html).not.toContain(name);
  expect(html).toContain("KDV Budel");
});

test("a hostile location name stays text", () => {
  const wb = plan2026();
  const sheet = wb.sheets.find((s) => s.name === "Verdeling 2026")!;
  const row = sheet.values.findIndex((r) => r[0] === "KDV\nValkenswaard");
  sheet.values[row][0] = "<img src=x onerror=alert(1)>";
  const html = htmlOf(wb);
  expect(html).not.toContain("<img");
  expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
});

test("the organisation's name from a labelled cell, escaped", () => {
  const wb = plan2026();
  wb.sheets.find((s) => s.name === "Uren 2026")!.values.push([], ["Organisatie", "<b>Kinderopvang De Roek & Co</b>"]);
  const html = htmlOf(wb);
  expect(html).toContain("&lt;b&gt;Kinderopvang De Roek &amp; Co&lt;/b&gt;");
  expect(html).not.toContain("<b>");
});

test("an incomplete check says so plainly", () => {
  const wb = plan2026();
  const sheet = wb.sheets.find((s) => s.name === "Uren 2026")!;
  const row = sheet.values.findIndex((r) => r[0] === "Aantal LRK-registraties");
  sheet.values[row] = [];
  const html = htmlOf(wb);
  expect(html).toContain("Dit overzicht is niet volledig:");
});

describe("ikk-normen overzicht", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("overzicht");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes the page with exit 0", () => {
    const out = path.join(dir, "overzicht.html");
    const r = runCli(["overzicht", path.join(EXAMPLES, "plan-2026.xlsx"), "--uit", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, "utf8");
    expect(html).toContain("KDV Roek Veldhoven");
    expect(html).toContain("423,7");
  });

  test("a staff sheet in the file: no name in the written page", async () => {
    const wb = withStaff();
    const file = path.join(dir, "met-personeel.xlsx");
    await writeSnapshotXlsx(wb, file);
    const out = path.join(dir, "met-personeel.html");
    const r = runCli(["overzicht", file, "--uit", out]);
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, "utf8");
    for (const row of wb.sheets.find((s) => s.name === "Personeel")!.values.slice(1)) expect(html).not.toContain(String(row[0]));
  });

  test("refuses a non-.html target, the input itself and a missing --uit (exit 2, Dutch)", () => {
    const input = path.join(EXAMPLES, "plan-2026.xlsx");
    const txt = runCli(["overzicht", input, "--uit", path.join(dir, "x.txt")]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain("moet een .html-bestand zijn");
    expect(runCli(["overzicht", input, "--uit", input]).code).toBe(2);
    const none = runCli(["overzicht", input]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Geef het HTML-bestand op");
    expect(runCli(["overzicht", path.join(dir, "bestaat-niet.xlsx"), "--uit", path.join(dir, "y.html")]).code).toBe(2);
  });
});

test("renders in chromium (screenshot test/artifacts/overzicht.png)", async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.setContent(htmlOf(plan2026()));
    expect(await page.locator("tbody tr").count()).toBe(16);
    fs.mkdirSync(path.join(__dirname, "artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, "artifacts", "overzicht.png"), fullPage: true });
  } finally {
    await browser.close();
  }
}, 60_000);

describe("overview of the filled nieuw-plan template (one Verdeling table with beleid, coaching and VE columns)", () => {
  // The snapshot the example generator wrote from examples/nieuw-plan-2026.xlsx (LibreOffice's results).
  const snapshot = (): WorkbookSnapshot => JSON.parse(fs.readFileSync(path.join(EXAMPLES, "nieuw-plan-2026.snapshot.json"), "utf8"));

  test("every kindercentrum with its three parts, complete; VE lines name the location, not its LRK number", () => {
    const wb = snapshot();
    const model = overviewModel(wb, checkWorkbook(wb, { asOf: "2026-10-01" }));
    expect(model.incomplete).toEqual([]);
    expect(model.locations.map((l) => l.name)).toEqual(FILLED_LOCATIONS.map((l) => l[1]));
    FILLED_LOCATIONS.forEach(([, name, coaching, ve]) => {
      const loc = model.locations.find((l) => l.name === name)!;
      expect(loc).toEqual({ name, policy: FILLED_POLICY_PER_LOCATION, coaching, ve });
    });
    expect(model.toddlerLocations.map((t) => t.name).sort()).toEqual(["KDV Budel", "KDV Dommelen", "KDV Nederweert", "KDV Valkenswaard"]);
  });

  test("no staff or coach name and no LRK number in the page", () => {
    const wb = snapshot();
    const html = overviewHtml(overviewModel(wb, checkWorkbook(wb, { asOf: "2026-10-01" })));
    const names = [...filledCarried().staff.map((s) => s.name), ...FILLED_COACHES.map((c) => c.name)];
    expect(names.length).toBeGreaterThan(50);
    for (const n of names) expect(html).not.toContain(n);
    for (const [lrk] of FILLED_LOCATIONS) expect(html).not.toContain(lrk);
  });
});
