/**
 * Clear refusals of what is no .xlsx: an OpenDocument spreadsheet (by its extension and by
 * its content, under any name), a binary workbook (.xlsb) and a CSV file, each with what to
 * do; an .xlsm is read like an .xlsx (its macros never run). Never "bevat geen werkbladen"
 * for those, never a stack trace.
 */
import * as fs from "fs";
import * as path from "path";
import { isOpenDocumentZip } from "../cli/read-xlsx";
import { makeBatchFixtures, type BatchFixtures } from "./fixtures/batch/make";
import { convertWithSoffice, makeTempDir, runCli } from "./helpers/xlsx";
import { execFileSync } from "child_process";

let f: BatchFixtures;
let dir: string;
beforeAll(async () => {
  dir = makeTempDir("cli-refusals");
  f = await makeBatchFixtures(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Exit 2, one Dutch line on stderr, nothing on stdout, no stack trace. */
function refused(file: string): string {
  const out = runCli(["check", file]);
  expect(out.code).toBe(2);
  expect(out.stdout).toBe("");
  expect(out.stderr).toMatch(/^ikk-normen: Het bestand ".+"/);
  expect(out.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(out.stderr).not.toContain("bevat geen werkbladen");
  return out.stderr;
}

describe("OpenDocument (.ods)", () => {
  test("by extension: 'OpenDocument-bestand; sla het op als .xlsx'", () => {
    expect(refused(f.ods)).toContain('Het bestand "f-open.ods" is een OpenDocument-bestand; sla het op als .xlsx');
  });

  test("by content, named .xlsx: the zip's first entry 'mimetype' says application/vnd.oasis.opendocument.spreadsheet", () => {
    expect(refused(f.odsAsXlsx)).toContain('"g-open-vermomd.xlsx" is een OpenDocument-bestand; sla het op als .xlsx');
    expect(isOpenDocumentZip(fs.readFileSync(f.odsAsXlsx))).toBe(true);
    expect(isOpenDocumentZip(fs.readFileSync(f.good))).toBe(false);
    expect(isOpenDocumentZip(fs.readFileSync(f.xlsb))).toBe(false);
  });

  test("an .ods as LibreOffice itself writes it, renamed to .xlsx, is refused the same way", () => {
    const profile = makeTempDir("lo-ods");
    const outDir = makeTempDir("lo-ods-out");
    try {
      const converted = convertWithSoffice(f.good, outDir); // .xlsx → .xlsx, then to .ods
      execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "ods", "--outdir", outDir, converted], {
        stdio: "pipe",
        timeout: 120_000,
      });
      const ods = path.join(outDir, path.basename(converted).replace(/\.xlsx$/, ".ods"));
      const disguised = path.join(outDir, "libreoffice.xlsx");
      fs.copyFileSync(ods, disguised);
      expect(refused(ods)).toContain("OpenDocument-bestand; sla het op als .xlsx");
      expect(refused(disguised)).toContain('"libreoffice.xlsx" is een OpenDocument-bestand; sla het op als .xlsx');
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe(".xlsb and .csv are named as such, with what to do", () => {
  test(".xlsb: a binary workbook; save it as .xlsx", () => {
    const text = refused(f.xlsb);
    expect(text).toContain("binaire Excel-werkmap (.xlsb)");
    expect(text).toContain("Sla het in Excel op als .xlsx");
  });

  test("an .xlsb under the name .xlsx is named by its content (xl/workbook.bin)", () => {
    const disguised = path.join(dir, "binair-vermomd.xlsx");
    fs.copyFileSync(f.xlsb, disguised);
    expect(refused(disguised)).toContain("binaire Excel-werkmap (.xlsb)");
  });

  test(".csv: text without sheets; open it and save it as .xlsx", () => {
    const text = refused(f.csv);
    expect(text).toContain('"i-lijst.csv" is een CSV-bestand (.csv)');
    expect(text).toContain("sla het op als .xlsx");
  });

  test("a missing .ods is said to be missing, not to be OpenDocument", () => {
    expect(refused(path.join(dir, "nergens.ods"))).toContain("bestaat niet");
  });
});

test("an .xlsm is read like the .xlsx it is (the macro part is never run): the 2026 example's figures", () => {
  const out = runCli(["check", f.xlsm, "--json"]);
  expect(out.code).toBe(0);
  expect(out.stderr).toBe("");
  const r = JSON.parse(out.stdout) as { required: { total: number }; formation: number };
  expect(r.required.total).toBe(1433.7);
  expect(r.formation).toBe(2496);
});

test("a zip that is no workbook at all still says it has no worksheets, with what to do", async () => {
  const JSZip = (await import("jszip")).default;
  const zip = new JSZip();
  zip.file("readme.txt", "geen werkmap");
  const file = path.join(dir, "zip.xlsx");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  const out = runCli(["check", file]);
  expect(out.code).toBe(2);
  expect(out.stderr).toContain("bevat geen werkbladen");
  expect(out.stderr).toContain("sla het opnieuw op als .xlsx");
});
