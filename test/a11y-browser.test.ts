/**
 * Accessibility of the panel in its three homes, in a real browser (chromium via
 * playwright-core): axe-core on the demo page, the built
 * Excel task pane and the built Sheets sidebar after a check with findings, and the
 * keyboard: Tab to a finding, Enter or Space selects its cell as a click does.
 * Needs `npm run build` first (npm test does that).
 */
import * as fs from "fs";
import * as axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { DEMO_DIR, serveStatic, type StaticServer } from "../demo/serve";
import { BROKEN_2026, broken2026 } from "../demo/examples";
import { useTaskpane } from "./helpers/taskpane-page";
import { check, openSidebar, until, useSidebarServer } from "./helpers/sidebar-page";
import { launchChromium } from "./helpers/browser";

jest.setTimeout(120_000);

/** WCAG 2.x A and AA rules plus axe's best practices. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** Violations as readable text for a failure message. */
function describe_(violations: Violation[]): string {
  return violations
    .map((v) => `${v.impact}: ${v.id} (${v.help})\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)}: ${n.failureSummary ?? ""}`).join("\n")}`)
    .join("\n");
}

/** Runs axe on the page; fails with every serious or critical violation listed. */
async function expectNoSeriousViolations(page: Page, label: string): Promise<Violation[]> {
  // @axe-core/playwright's AxeBuilder needs a page from browser.newContext(); the page
  // helpers use browser.newPage(), so axe-core's source is injected and run directly.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axe.source });
  const results = (await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  )) as axe.AxeResults;
  const all = results.violations as Violation[];
  // Printed so the measured state is visible in the test log as well.
  if (all.length) console.log(`axe ${label}:\n${describe_(all)}`);
  const serious = all.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect({ page: label, serious: describe_(serious) }).toEqual({ page: label, serious: "" });
  // axe really ran the rules that matter here (not an empty result because nothing was checked).
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id));
  for (const rule of ["color-contrast", "label", "button-name"]) expect(ran).toContain(rule);
  return all;
}

/** Presses Tab until the focused element matches `selector` (at most `max` times); fails otherwise. */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Met Tab niet bij ${selector} gekomen na ${max} keer.`);
}

/**
 * Tabs through the whole page once (from the top) and gives the indices of the panel's
 * enabled controls that got the keyboard focus, next to all of them.
 */
async function tabThroughPanel(page: Page): Promise<{ all: string[]; reached: string[] }> {
  const all = await page.evaluate(() => {
    const panel = document.querySelector(".ikk-panel")!;
    // Every enabled control counts, also one taken out of the Tab order with tabindex="-1".
    const controls = Array.from(panel.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]")).filter((el) => !(el as HTMLButtonElement).disabled);
    controls.forEach((el, i) => el.setAttribute("data-a11y-i", `${i}:${el.getAttribute("data-testid") ?? el.tagName}`));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.map((el) => el.getAttribute("data-a11y-i")!);
  });
  const reached = new Set<string>();
  for (let i = 0; i < all.length + 100; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => document.activeElement?.getAttribute("data-a11y-i") ?? null);
    if (at) reached.add(at);
  }
  return { all, reached: all.filter((a) => reached.has(a)) };
}

/** The outline of the focused element: style, width in px and its contrast with white. */
async function focusOutline(page: Page): Promise<{ style: string; width: number; contrast: number }> {
  return page.evaluate(() => {
    const cs = getComputedStyle(document.activeElement!);
    const [r, g, b] = (cs.outlineColor.match(/\d+(\.\d+)?/g) ?? ["0", "0", "0"]).map(Number);
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), contrast: 1.05 / (l + 0.05) };
  });
}

/** The element with the keyboard focus: its data-testid, data-sheet and data-cell. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { testid: el?.getAttribute("data-testid") ?? null, sheet: el?.getAttribute("data-sheet") ?? null, cell: el?.getAttribute("data-cell") ?? null };
  });

/** A selector for the finding button of one cell. */
const findingAt = (sheet: string, cell: string) => `[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"]`;

describe("demo page", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!fs.existsSync(`${DEMO_DIR}/index.html`)) throw new Error(`${DEMO_DIR}/index.html ontbreekt: bouw eerst met 'npm run build'.`);
    server = await serveStatic(DEMO_DIR);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    await page.getByTestId("example").selectOption("2026-fouten");
    await page.getByTestId("check").click();
    await page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("axe: no serious or critical violation after a check with findings", async () => {
    expect(await page.getByTestId("finding").count()).toBeGreaterThan(0);
    // The status line is a polite live region: screen readers announce "Controle klaar: …".
    const status = page.getByTestId("status");
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(await status.textContent()).toMatch(/^Controle klaar: \d+ fout(en)?, /);
    await expectNoSeriousViolations(page, "demo");
  });

  test("keyboard: Tab to a finding, Enter highlights its cell; the focus stays on the finding", async () => {
    expect(await page.locator('td[data-selected="true"]').count()).toBe(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, findingAt(BROKEN_2026.sheet, BROKEN_2026.wrongTotal));
    const outline = await focusOutline(page);
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    expect(outline.contrast).toBeGreaterThanOrEqual(3);
    await page.keyboard.press("Enter");
    await page.locator(`td[data-sheet="${BROKEN_2026.sheet}"][data-cell="${BROKEN_2026.wrongTotal}"][data-selected="true"]`).waitFor();
    expect(await page.locator('td[data-selected="true"]').count()).toBe(1);
    expect(await focused(page)).toEqual({ testid: "finding", sheet: BROKEN_2026.sheet, cell: BROKEN_2026.wrongTotal });
  });

  test("keyboard: every enabled control of the panel is reached with Tab", async () => {
    const { all, reached } = await tabThroughPanel(page);
    expect(all.length).toBeGreaterThan(10);
    expect(reached).toEqual(all);
    // The issue-12 controls are among them, each labelled.
    for (const id of ["plan-new", "plan-remove", "overview-write", "as-of", "alert-month"]) expect(all.some((a) => a.endsWith(`:${id}`))).toBe(true);
    expect(await page.locator('label[for="ikk-as-of"]').textContent()).toBe("Peildatum realisatie");
    expect(await page.locator('label[for="ikk-alert-month"]').textContent()).toBe("Waarschuw voor niet-gecoachte medewerkers vanaf");
  });

  test("axe after Nieuw plan and the overview sheet (a new check): still no serious or critical violation", async () => {
    await page.getByTestId("plan-new").click();
    await page.getByTestId("status").filter({ hasText: "toegevoegd" }).waitFor();
    await page.getByTestId("overview-write").click();
    await page.getByTestId("status").filter({ hasText: "Overzicht voor ouders" }).waitFor();
    await expectNoSeriousViolations(page, "demo na Nieuw plan");
  });
});

describe("Excel task pane (built, Office.js fake)", () => {
  const pane = useTaskpane();

  beforeAll(async () => {
    await pane.page.getByTestId("check").click();
    await pane.page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
  });

  test("axe: no serious or critical violation after a check with findings", async () => {
    expect(await pane.page.getByTestId("finding").count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(pane.page, "Excel-taakvenster");
  });

  test("keyboard: Enter on a finding selects its cell in Excel, Space on another selects that one", async () => {
    const { page } = pane;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, findingAt(BROKEN_2026.sheet, BROKEN_2026.wrongTotal));
    await page.keyboard.press("Enter");
    await pane.until("f.selection", { sheet: BROKEN_2026.sheet, address: BROKEN_2026.wrongTotal });
    expect(await focused(page)).toEqual({ testid: "finding", sheet: BROKEN_2026.sheet, cell: BROKEN_2026.wrongTotal });

    // Another finding with a cell, further down: Tab on from here, then Space.
    const other = await page.evaluate((wrong) => {
      const list = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="finding"][data-cell]')).filter((el) => el.dataset.cell && el.dataset.cell !== wrong);
      return list.length ? { sheet: list[0].dataset.sheet!, cell: list[0].dataset.cell! } : null;
    }, BROKEN_2026.wrongTotal);
    expect(other).not.toBeNull();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, findingAt(other!.sheet, other!.cell));
    await page.keyboard.press("Space");
    await pane.until("f.selection", { sheet: other!.sheet, address: other!.cell });
  });

  test("keyboard: every enabled control of the panel is reached with Tab", async () => {
    const { all, reached } = await tabThroughPanel(pane.page);
    expect(all.length).toBeGreaterThan(10);
    expect(reached).toEqual(all);
  });
});

describe("Sheets sidebar (built, google.script.run fake)", () => {
  useSidebarServer();

  test("axe: no serious or critical violation after a check with findings; Enter on a finding selects its cell", async () => {
    const sb = await openSidebar(broken2026());
    try {
      await check(sb);
      expect(await sb.page.getByTestId("finding").count()).toBeGreaterThan(0);
      await expectNoSeriousViolations(sb.page, "Sheets-zijbalk");

      // Keyboard: Tab to the wrong total's finding and Enter selects it in the sheet.
      await tabTo(sb.page, findingAt(BROKEN_2026.sheet, BROKEN_2026.wrongTotal));
      await sb.page.keyboard.press("Enter");
      await until(() => sb.ss.selection, { sheet: BROKEN_2026.sheet, a1: BROKEN_2026.wrongTotal });
      await sb.page.waitForTimeout(100);
      expect(await focused(sb.page)).toEqual({ testid: "finding", sheet: BROKEN_2026.sheet, cell: BROKEN_2026.wrongTotal });

      // Every control of the sidebar's panel is reached with Tab.
      const { all, reached } = await tabThroughPanel(sb.page);
      expect(all.length).toBeGreaterThan(10);
      expect(reached).toEqual(all);

      // "Opnieuw controleren" with the keyboard: the form is drawn again, the focus comes back to the button.
      await tabTo(sb.page, '[data-testid="recheck"]');
      await sb.page.keyboard.press("Enter");
      await sb.page.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
      await sb.page.waitForTimeout(100);
      expect((await focused(sb.page)).testid).toBe("recheck");
    } finally {
      await sb.page.close();
    }
  });
});
