/**
 * The overview as sheet rows (shared/overview-rows.ts): the same model as the HTML page, so
 * the same figures; the incompleteness notice on top; no staff names; every cell text.
 */
import { plan2026 } from "../examples/plan-2026";
import { checkWorkbook, buildSheet } from "../shared/validate";
import { overviewModel } from "../shared/validate/overview";
import { overviewHtml } from "../shared/overview-html";
import { overviewRows } from "../shared/overview-rows";
import { formatDutch } from "../shared/numbers";
import { normForYear } from "../shared/norms";
import type { WorkbookSnapshot } from "../shared/validate/types";

const modelOf = (wb: WorkbookSnapshot) => overviewModel(wb, checkWorkbook(wb));

/** The page's visible text: tags dropped, entities undone, white space collapsed. */
function pageText(html: string): string {
  return html
    .replace(/<style>[^<]*<\/style>/, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");
}

/** Every Dutch number (digits with "." thousands and "," decimals) in a text, in order. */
function numbersIn(text: string): string[] {
  return text.match(/\d[\d.]*(?:,\d+)?/g) ?? [];
}

describe("overview rows of the 2026 example", () => {
  const wb = plan2026();
  const model = modelOf(wb);
  const rows = overviewRows(model);
  const flat = rows.map((r) => r.join(" ")).join("\n");

  test("one row per kindercentrum with its hours, then the planned totals and the legal minimum", () => {
    const header = rows.findIndex((r) => r[0] === "Kindercentrum");
    expect(rows[header]).toEqual(["Kindercentrum", "Beleid (uur)", "Coaching (uur)", "VE (uur)"]);
    expect(rows.slice(header + 1, header + 1 + model.locations.length).map((r) => r[0])).toEqual(model.locations.map((l) => l.name));
    expect(rows.find((r) => r[0] === "KDV Budel")).toEqual(["KDV Budel", "50", "30", "60"]);
    // 16 centres × 50 = 800; 42,37 fte × 10 = 423,7; VE 210: the figures of the example (docs/regels.md).
    expect(rows.find((r) => r[0] === "Minimum volgens de wet")).toEqual(["Minimum volgens de wet", "800", "423,7", "210"]);
    expect(flat).toContain("Totaal minimum: 1.433,7 uur");
    expect(flat).not.toContain("niet volledig");
  });

  test("the computation lines carry the norm's figures", () => {
    const n = normForYear(2026);
    expect(flat).toContain(`16 kindercentra × ${formatDutch(n.beleidsurenPerKindercentrum)} uur = 800 uur`);
    expect(flat).toContain(`42,37 fte pedagogisch professionals × ${formatDutch(n.coachurenPerFte)} uur = 423,7 uur`);
    expect(flat).toContain(`Dommelen: 6 × ${formatDutch(n.veUrenPerDoelgroeppeuter!)} uur = 60 uur`);
  });

  test("sheet and page hold the same figures in the same order (one model, no drift)", () => {
    const page = numbersIn(pageText(overviewHtml(model)).replace(/Inzet pedagogisch beleidsmedewerker en coach \d+/g, ""));
    const sheet = numbersIn(flat.replace(/Inzet pedagogisch beleidsmedewerker en coach \d+/g, ""));
    expect(sheet.length).toBeGreaterThan(40);
    expect(sheet).toEqual(page);
  });

  test("every cell is text", () => {
    for (const r of rows) for (const c of r) expect(typeof c).toBe("string");
  });
});

test("an incomplete check: the notice is on top, before the figures, with each reason", () => {
  const wb = plan2026();
  const sheet = wb.sheets.find((s) => s.name === "Uren 2026")!;
  sheet.values[sheet.values.findIndex((r) => r[0] === "Aantal LRK-registraties")] = [];
  const model = modelOf(wb);
  expect(model.incomplete.length).toBeGreaterThan(0);
  const rows = overviewRows(model);
  const notice = rows.findIndex((r) => /^Dit overzicht is niet volledig/.test(r[0] ?? ""));
  expect(notice).toBe(2);
  expect(rows.slice(notice + 1, notice + 1 + model.incomplete.length).map((r) => r[0])).toEqual(model.incomplete.map((m) => `- ${m}`));
  expect(notice).toBeLessThan(rows.findIndex((r) => r[0] === "Uren per kindercentrum"));
});

test("no staff name reaches the rows; the organisation's name does", () => {
  const wb = plan2026();
  wb.sheets.push(buildSheet("Personeel", [["Medewerker", "Functie", "Contracturen per week"], ["Annemieke Verhoeven", "Pedagogisch medewerker", 32]]));
  wb.sheets.push(buildSheet("Info", [["Organisatie", "Kinderopvang De Eik"]]));
  const flat = overviewRows(modelOf(wb)).flat().join("\n");
  expect(flat).not.toContain("Annemieke");
  expect(flat).toContain("Kinderopvang De Eik · Verdeling van de uren");
});
