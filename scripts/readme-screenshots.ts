/**
 * The README's pictures of issue 12, made from the committed examples with the built
 * product (run `npm run build` first; needs chromium and LibreOffice, see
 * scripts/install-test-deps.sh):
 *
 *   docs/img/nieuw-plan.png        examples/nieuw-plan-2026.xlsx as LibreOffice shows it (Verdeling, Overzicht)
 *   docs/img/paneel-realisatie.png the panel (browser demo) on that workbook at peildatum 1-10-2026
 *   docs/img/overzicht.png         `ikk-normen overzicht` of that workbook, rendered by chromium
 *
 *   npm run screenshots
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEMO_DIR, serveStatic } from "../demo/serve";
import { launchChromium } from "../test/helpers/browser";
import { libreOfficeHtml } from "../test/helpers/xlsx";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "docs", "img");
const EXAMPLE = path.join(ROOT, "examples", "nieuw-plan-2026.xlsx");

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DEMO_DIR, "index.html")) || !fs.existsSync(path.join(ROOT, "dist", "cli"))) {
    throw new Error("Bouw eerst het product: npm run build.");
  }
  fs.mkdirSync(OUT, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-shots-"));
  const browser = await launchChromium();
  try {
    // 1. The template in LibreOffice: the Verdeling's filled rows beside the Overzicht.
    const html = libreOfficeHtml(EXAMPLE, tmp);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto("file://" + html);
    await page.evaluate(() => {
      const tables = Array.from(document.querySelectorAll("table"));
      const verdeling = tables[4] as HTMLTableElement;
      for (const row of Array.from(verdeling.rows).slice(19)) row.remove();
      const box = document.createElement("div");
      box.id = "shot";
      box.style.cssText = "display:flex;gap:32px;align-items:flex-start;padding:12px;background:#fff;font-family:sans-serif";
      box.append(verdeling, tables[6]);
      document.body.replaceChildren(box);
    });
    await page.locator("#shot").screenshot({ path: path.join(OUT, "nieuw-plan.png") });

    // 2. The panel on the same workbook at 1 October 2026.
    const server = await serveStatic(DEMO_DIR);
    try {
      const demo = await browser.newPage({ viewport: { width: 1280, height: 1300 } });
      await demo.goto(server.url);
      await demo.getByTestId("example").selectOption("nieuw-plan-2026");
      // The fields show after the first check; a new date checks again.
      await demo.getByTestId("check").click();
      await demo.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
      await demo.getByTestId("as-of").fill("2026-10-01");
      await demo.getByTestId("check").click();
      await demo.getByTestId("realisation-title").filter({ hasText: "01-10-2026" }).waitFor();
      await demo.getByTestId("status").filter({ hasText: "Controle klaar" }).waitFor();
      // The sheet beside the panel: the Realisatie as the coach fills it in.
      await demo.getByText("Realisatie", { exact: true }).first().click();
      await demo.waitForTimeout(500);
      await demo.screenshot({ path: path.join(OUT, "paneel-realisatie.png") });
    } finally {
      await server.close();
    }

    // 3. The overview for parents and staff, as the CLI writes it.
    const overview = path.join(tmp, "overzicht.html");
    execFileSync(process.execPath, [path.join(ROOT, "bin", "ikk-normen.js"), "overzicht", EXAMPLE, "--uit", overview], { stdio: "pipe" });
    const ov = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    await ov.goto("file://" + overview);
    await ov.screenshot({ path: path.join(OUT, "overzicht.png"), fullPage: true });
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const f of ["nieuw-plan.png", "paneel-realisatie.png", "overzicht.png"]) console.log(`geschreven: docs/img/${f}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
