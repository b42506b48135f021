/**
 * Writes examples/nieuw-plan-2026.xlsx: the "nieuw plan" template for 2026 filled with the
 * 2026 example's figures (examples/nieuw-plan-2026.ts), with a cached result in every
 * formula cell so the check (and any reader without a calculation engine) reads the
 * computed figures. The results are LibreOffice's: the filled template is written without
 * results, recalculated by LibreOffice headless (soffice --convert-to xlsx), and its
 * values are stored as the cached results of our own file (formats and validations stay
 * exactly as the template writes them). LibreOffice is required.
 *
 *   npx tsx examples/generate-template.ts      # also run by `npm run examples`
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../cli/read-xlsx";
import { writeTemplateXlsx, type FormulaResults } from "../cli/template-xlsx";
import type { TemplateWorkbook } from "../shared/template/types";
import { cellAddress } from "../shared/validate/a1";
import { filledPlanTemplate2026 } from "./nieuw-plan-2026";

export const TEMPLATE_EXAMPLE = "nieuw-plan-2026.xlsx";
/** The same workbook as the demo reads it (the demo has no xlsx reader and no calculation engine). */
export const TEMPLATE_SNAPSHOT = "nieuw-plan-2026.snapshot.json";

/** soffice on the PATH, or a clear error. */
function soffice(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, "soffice");
    if (fs.existsSync(p)) return p;
  }
  throw new Error("LibreOffice (soffice) is nodig om de formules van het voorbeeld uit te rekenen; installeer het (scripts/install-test-deps.sh).");
}

/** Recalculates an .xlsx with LibreOffice headless; returns the path of the recalculated copy in outDir. */
export function recalculateWithLibreOffice(file: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-lo-profile-"));
  try {
    execFileSync(soffice(), [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, file], {
      stdio: "pipe",
      timeout: 180_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, path.basename(file));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice schreef ${out} niet.`);
  return out;
}

/** The recalculated values of every formula cell of the template ("Blad!B4" → value). */
export async function formulaResults(template: TemplateWorkbook, recalculated: string): Promise<FormulaResults> {
  const snapshot = await readXlsx(recalculated);
  const results: FormulaResults = new Map();
  for (const sheet of template.sheets) {
    const values = snapshot.sheets.find((s) => s.name === sheet.name)?.values ?? [];
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula) return;
        const v = values[r]?.[c] ?? null;
        if (v !== null && typeof v === "object") throw new Error(`${sheet.name}!${cellAddress(r, c)} geeft de foutwaarde ${v.error}.`);
        results.set(`${sheet.name}!${cellAddress(r, c)}`, v);
      }),
    );
  }
  return results;
}

/** Writes the filled 2026 template with LibreOffice's results cached. */
export async function generateTemplateExample(target: string = path.join(__dirname, TEMPLATE_EXAMPLE)): Promise<string> {
  const template = filledPlanTemplate2026();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-template-"));
  try {
    const plain = path.join(tmp, "in", TEMPLATE_EXAMPLE);
    fs.mkdirSync(path.dirname(plain));
    await writeTemplateXlsx(template, plain);
    const recalculated = recalculateWithLibreOffice(plain, tmp);
    await writeTemplateXlsx(template, target, await formulaResults(template, recalculated));
    // The snapshot of the file as written, read by the CLI's reader: values and formulas.
    const snapshot = await readXlsx(target);
    snapshot.name = "Nieuw plan 2026.xlsx";
    fs.writeFileSync(path.join(path.dirname(target), TEMPLATE_SNAPSHOT), JSON.stringify(snapshot) + "\n");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

if (require.main === module) {
  generateTemplateExample()
    .then((f) => console.log(`geschreven: ${path.relative(process.cwd(), f)}`))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
