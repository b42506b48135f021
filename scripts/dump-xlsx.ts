/**
 * Prints what the check reads of a workbook: every sheet (with its visibility) and its
 * non-blank cells, row by row, as "A1=value" (formulas as "=…→value"). For developers
 * looking at a workbook the check gets wrong:
 *
 *   npx tsx scripts/dump-xlsx.ts FILE.xlsx [max-rows-per-sheet]
 */
import { cellAddress } from "../shared/validate/a1";
import { readXlsx } from "../cli/read-xlsx";

async function main(): Promise<void> {
  const [file, maxArg] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("Gebruik: npx tsx scripts/dump-xlsx.ts BESTAND.xlsx [max-rijen]\n");
    process.exit(2);
  }
  const max = maxArg ? Number(maxArg) : 60;
  const wb = await readXlsx(file);
  for (const s of wb.sheets) {
    console.log(`--- ${s.name}${s.visibility && s.visibility !== "visible" ? ` (${s.visibility})` : ""}`);
    s.values.slice(0, max).forEach((row, r) => {
      const cells = row
        .map((v, c) => {
          const f = s.formulas?.[r]?.[c];
          if ((v === null || v === "") && !f) return null;
          return `${cellAddress(r, c)}=${f ? `=${f}→` : ""}${JSON.stringify(v)}`;
        })
        .filter((x) => x !== null);
      if (cells.length) console.log(cells.join("  "));
    });
  }
}

void main();
