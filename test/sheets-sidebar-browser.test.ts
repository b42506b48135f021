/**
 * The built Google Sheets sidebar (dist/sheets/Sidebar.html) in a real browser (Debian's
 * chromium via playwright-core). google.script.run is replaced by a fake (injected with
 * page.addInitScript) that forwards every call, as JSON, to the built Code.gs running in a
 * Node vm over a fake spreadsheet made from the example plans
 * (test/helpers/apps-script-fake.ts). So both halves run as built: panel + engine
 * + AppsScriptHost in the page, the server functions in "Apps Script".
 * Needs the Sheets build first and /usr/bin/chromium (bash scripts/install-test-deps.sh).
 */
import * as fs from "fs";
import * as path from "path";
import { BROKEN_2026, broken2026 } from "../demo/examples";
import { plan2026 } from "../examples/plan-2026";
import { MARK_COLOURS, REPORT_SHEET_NAME } from "../shared/panel/host";
import { check, DIST, sidebarUrl, openSidebar, type Sidebar, SIDEBAR, until, useSidebarServer } from "./helpers/sidebar-page";

jest.setTimeout(120_000);

useSidebarServer();

describe("Sidebar.html as a file", () => {
  const html = () => fs.readFileSync(SIDEBAR, "utf8");

  test("one self-contained file: no script src, no stylesheet link, no remote URL anywhere", () => {
    expect(html()).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html()).not.toMatch(/<link\b/i);
    expect(html()).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html()).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    // Any http(s) text left may only be an XML namespace name (never loaded).
    const urls = [...html().matchAll(/https?:\/\/[^\s"'<>)`]+/g)].map((m) => m[0]);
    expect(urls.filter((u) => !u.startsWith("http://www.w3.org/"))).toEqual([]);
  });

  test("holds the panel and is Dutch; dist/sheets has only the files clasp pushes", () => {
    // (html-webpack-plugin minifies in production: attribute quotes may be dropped.)
    expect(html()).toMatch(/<html[^>]*lang="?nl/);
    expect(html()).toContain("Controleren");
    expect(html()).toMatch(/<div id="?app"?><\/div>/);
    expect(html()).toMatch(/<base target="?_top/);
    expect(fs.readdirSync(DIST).sort()).toEqual(["Code.gs", "Sidebar.html", "appsscript.json"]);
  });
});

describe("the sidebar over google.script.run (fake) and Code.gs (built)", () => {
  test("Controleren on the 2026 plan: progress per sheet, one read call per sheet, required total 1.433,7", async () => {
    const wb = plan2026();
    const sb = await openSidebar(wb);
    try {
      await sb.page.evaluate(() => {
        const w = window as unknown as { statusLog: string[] };
        w.statusLog = [];
        const el = document.querySelector('[data-testid="status"]')!;
        new MutationObserver(() => w.statusLog.push(el.textContent ?? "")).observe(el, { childList: true, characterData: true, subtree: true });
      });
      sb.ss.counter.reset();
      sb.calls.length = 0;
      await check(sb);
      expect(await sb.page.getByTestId("status").textContent()).toMatch(/Controle klaar/);
      expect((await sb.page.getByTestId("required-total").textContent())?.trim()).toBe("1.433,7");
      expect((await sb.page.getByTestId("required-policy").textContent())?.trim()).toBe("800");
      expect((await sb.page.getByTestId("required-coaching").textContent())?.trim()).toBe("423,7");
      expect((await sb.page.getByTestId("required-ve").textContent())?.trim()).toBe("210");
      const statuses = await sb.page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
      const n = wb.sheets.length;
      for (let i = 1; i <= n; i++) expect(statuses).toContain(`Blad ${i} van ${n} lezen…`);
      expect(sb.calls).toEqual(["ikkListSheets", ...wb.sheets.map(() => "ikkReadSheet")]);
      expect(sb.ss.counter.count("Range.getValues")).toBe(n);
      expect(sb.ss.counter.count("Range.getFormulas")).toBe(n);
      expect(sb.pageErrors).toEqual([]);
      expect(sb.requests).toEqual([sidebarUrl()]);
      await sb.page.screenshot({ path: path.join(__dirname, "artifacts", "sheets-sidebar.png"), fullPage: true });
    } finally {
      await sb.page.close();
    }
  });

  test("broken plan: a finding selects its cell; marks colour and clear restores; the report is text", async () => {
    const sb = await openSidebar(broken2026());
    try {
      await check(sb);
      const cell = () => sb.ss.sheet(BROKEN_2026.sheet)!.at(BROKEN_2026.wrongTotal);

      await sb.page.locator(`[data-testid="finding"][data-sheet="${BROKEN_2026.sheet}"][data-cell="${BROKEN_2026.wrongTotal}"]`).first().click();
      await until(() => sb.ss.selection, { sheet: BROKEN_2026.sheet, a1: BROKEN_2026.wrongTotal });

      expect(cell().background).toBeNull();
      await sb.page.getByTestId("marks-show").click();
      await until(() => cell().background, MARK_COLOURS.error.toLowerCase());
      await sb.page.getByTestId("marks-clear").click();
      await until(() => cell().background, null);

      await sb.page.getByTestId("report-write").click();
      await until(() => !!sb.ss.sheet(REPORT_SHEET_NAME), true);
      const report = sb.ss.sheet(REPORT_SHEET_NAME)!;
      const cells = report.grid.flat();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.filter((c) => c.formula !== "")).toEqual([]);
      expect(cells.filter((c) => c.value !== "" && c.numberFormat !== "@")).toEqual([]);
      // Numbers in the report are text too: the year and the required total (Dutch notation).
      const texts = cells.map((c) => c.value);
      expect(texts).toContain("2026");
      expect(texts).not.toContain(2026);
      expect(texts).toContain("1.433,7");
      // The spreadsheet's name heads the report.
      expect(report.grid.find((r) => r[0].value === "Bestand")?.[1].value).toBe(broken2026().name);

      // A new check ignores the report sheet and reads each other sheet once.
      sb.calls.length = 0;
      await check(sb);
      expect(sb.calls.filter((c) => c === "ikkReadSheet")).toHaveLength(sb.ss.sheets.length - 1);
      await sb.page.getByTestId("report-remove").click();
      await until(() => !!sb.ss.sheet(REPORT_SHEET_NAME), false);
      expect(sb.pageErrors).toEqual([]);
    } finally {
      await sb.page.close();
    }
  });

  test("a finding on a hidden sheet: the panel says the sheet is hidden; the sheet stays hidden", async () => {
    const sb = await openSidebar(broken2026());
    try {
      await check(sb);
      // The user hides the sheet after the check (or counted hidden sheets in).
      const sheet = sb.ss.sheet(BROKEN_2026.sheet)!;
      sheet.hidden = true;
      const before = sb.ss.active?.name;
      sb.ss.counter.reset();
      await sb.page.locator(`[data-testid="finding"][data-sheet="${BROKEN_2026.sheet}"]`).first().click();
      const status = sb.page.getByTestId("status");
      await status.filter({ hasText: "verborgen blad" }).waitFor();
      expect(await status.textContent()).toContain(
        `De cel staat op het verborgen blad '${BROKEN_2026.sheet}'. Maak het blad eerst zichtbaar (Weergave > Verborgen bladen) en klik dan opnieuw op de bevinding.`,
      );
      expect(sheet.hidden).toBe(true);
      expect(sb.ss.active?.name).toBe(before);
      expect(sb.ss.counter.count("Sheet.activate") + sb.ss.counter.count("Range.activate")).toBe(0);
      expect(sb.pageErrors).toEqual([]);
    } finally {
      await sb.page.close();
    }
  });

  test("a server error shows as a Dutch message in the panel", async () => {
    const sb = await openSidebar(broken2026());
    try {
      await check(sb);
      // The sheet is deleted between the check and the click on one of its findings.
      sb.ss.sheets.splice(sb.ss.sheets.findIndex((s) => s.name === BROKEN_2026.sheet), 1);
      await sb.page.locator(`[data-testid="finding"][data-sheet="${BROKEN_2026.sheet}"]`).first().click();
      const status = sb.page.getByTestId("status");
      await status.filter({ hasText: "bestaat niet" }).waitFor();
      expect(await status.textContent()).toContain(`Het blad '${BROKEN_2026.sheet}' bestaat niet (meer)`);
      expect(await status.getAttribute("class")).toContain("error");
      expect(sb.pageErrors).toEqual([]);
    } finally {
      await sb.page.close();
    }
  });
});
