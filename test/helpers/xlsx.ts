/**
 * Test helpers for .xlsx files: temp dirs, raw workbooks written part by part (for cell
 * kinds exceljs never writes itself: inline strings, shared formulas, missing cached
 * values), rewriting the parts of an existing file, LibreOffice conversion, and running
 * the built CLI.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
// exceljs' own zip library (a dependency of exceljs, not of this project directly).
import JSZip from "jszip";
import type { CellValue, WorkbookSnapshot } from "../../shared/validate/types";

export const ROOT = path.resolve(__dirname, "..", "..");
export const EXAMPLES = path.join(ROOT, "examples");
export const BIN = path.join(ROOT, "bin", "ikk-normen.js");

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ikk-${prefix}-`));
}

/** Rows without trailing blanks and without trailing empty rows, for comparing snapshots. */
export function trimRows<T>(rows: (T | null)[][] | undefined): (T | null)[][] {
  const out = (rows ?? []).map((r) => {
    const x = [...r];
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** A snapshot reduced to what cells hold (sheet names, values, formulas), blanks trimmed. */
export function cellContents(wb: WorkbookSnapshot): Array<{ name: string; values: CellValue[][]; formulas: (string | null)[][] }> {
  return wb.sheets.map((s) => ({ name: s.name, values: trimRows(s.values), formulas: trimRows(s.formulas) }));
}

// ---------------------------------------------------------------------------------------
// Raw workbooks

export interface RawSheet {
  name: string;
  /** The inner XML of <sheetData>: <row r="1"><c r="A1" ...>...</c></row>... */
  sheetData: string;
  /** Extra XML after </sheetData>, e.g. <mergeCells>...</mergeCells>. */
  after?: string;
  /** The state attribute of its <sheet> in xl/workbook.xml (absent = visible). */
  state?: "visible" | "hidden" | "veryHidden";
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** <si> elements of the shared string table, e.g. "<si><t>tekst</t></si>". */
  sharedStrings?: string[];
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Minimal styles: xf 0 = General, xf 1 = a date (numFmtId 14). */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Writes an .xlsx file from raw sheet XML, as other generators (and Google Sheets) do. */
export async function writeRawXlsx(file: string, wb: RawWorkbook): Promise<void> {
  const zip = new JSZip();
  const hasStrings = (wb.sharedStrings?.length ?? 0) > 0;
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
${hasStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}
${wb.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("\n")}
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${NS} ${REL_NS}><sheets>
${wb.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("\n")}
</sheets></workbook>`,
  );
  const n = wb.sheets.length;
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
${wb.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("\n")}
<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
${hasStrings ? `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ""}
</Relationships>`,
  );
  zip.file("xl/styles.xml", STYLES);
  if (hasStrings) {
    const si = wb.sharedStrings!;
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${si.length}" uniqueCount="${si.length}">${si.join("")}</sst>`,
    );
  }
  wb.sheets.forEach((s, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS} ${REL_NS}><sheetData>${s.sheetData}</sheetData>${s.after ?? ""}</worksheet>`,
    );
  });
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

// ---------------------------------------------------------------------------------------
// Rewriting existing files

/** Copies an .xlsx, passing every XML part through `edit(partPath, text, zip)`. */
export async function rewriteXlsx(
  src: string,
  dst: string,
  edit: (part: string, text: string, zip: JSZip) => string | Promise<string>,
): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(src));
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    const text = await entry.async("string");
    const next = await edit(name, text, zip);
    if (next !== text) zip.file(name, next);
  }
  fs.writeFileSync(dst, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** The text of every <si> of a shared string table (rich runs joined), XML-escaped as stored. */
function sharedStringItems(xml: string): string[] {
  const items: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const texts = [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]);
    items.push(texts.join(""));
  }
  return items;
}

/**
 * Rewrites every shared-string cell as an inline string (<c t="inlineStr"><is><t>…</t></is></c>),
 * the way several generators and exports write text.
 */
export async function inlineSharedStrings(src: string, dst: string): Promise<number> {
  const zip = await JSZip.loadAsync(fs.readFileSync(src));
  const sst = zip.file("xl/sharedStrings.xml");
  const items = sst ? sharedStringItems(await sst.async("string")) : [];
  let count = 0;
  await rewriteXlsx(src, dst, (part, text) => {
    if (!part.startsWith("xl/worksheets/sheet")) return text;
    return text.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_all, before: string, after: string, idx: string) => {
      count++;
      return `<c ${before}t="inlineStr"${after}><is><t xml:space="preserve">${items[Number(idx)]}</t></is></c>`;
    });
  });
  return count;
}

/** Removes the cached result (<v>) of every formula cell, as a generator without a calc engine writes them. */
export async function dropCachedFormulaValues(src: string, dst: string): Promise<number> {
  let count = 0;
  await rewriteXlsx(src, dst, (part, text) => {
    if (!part.startsWith("xl/worksheets/sheet")) return text;
    return text.replace(/(<f(?:\s[^>]*)?>[^<]*<\/f>|<f(?:\s[^>]*)?\/>)<v>[^<]*<\/v>/g, (_all, f: string) => {
      count++;
      return f;
    });
  });
  return count;
}

// ---------------------------------------------------------------------------------------
// LibreOffice

/** The soffice binary; CI installs it (scripts/install-test-deps.sh), so a missing one fails loudly. */
export function sofficePath(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, "soffice");
    if (fs.existsSync(p)) return p;
  }
  throw new Error("LibreOffice (soffice) not found: run `bash scripts/install-test-deps.sh` first (CI does).");
}

/** Opens `src` in LibreOffice Calc (headless) and saves it as .xlsx in `outDir`; returns the new path. */
export function convertWithSoffice(src: string, outDir: string): string {
  const profile = makeTempDir("lo-profile");
  try {
    execFileSync(
      sofficePath(),
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, src],
      { stdio: "pipe", timeout: 120_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, path.basename(src).replace(/\.[^.]+$/, "") + ".xlsx");
  if (!fs.existsSync(out)) throw new Error(`soffice did not write ${out}`);
  return out;
}

/** LibreOffice's own rendering of a workbook as HTML, in a Dutch locale (its number formats show 1.433,7); returns the page's path. */
export function libreOfficeHtml(file: string, outDir: string): string {
  const profile = makeTempDir("lo-profile");
  try {
    execFileSync(sofficePath(), [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "html", "--outdir", outDir, file], {
      stdio: "pipe",
      timeout: 120_000,
      env: { ...process.env, LC_ALL: "nl_NL.UTF-8", LANG: "nl_NL.UTF-8" },
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return path.join(outDir, path.basename(file).replace(/\.xlsx$/, ".html"));
}

// ---------------------------------------------------------------------------------------
// The built CLI

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/ikk-normen.js ...args` (needs `npm run build` first; `npm test` does it). */
export function runCli(args: string[], cwd: string = ROOT): CliRun {
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "ikk-normen.js"))) {
    throw new Error("dist/cli/ikk-normen.js is missing: run `npm run build` first (npm test does).");
  }
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
