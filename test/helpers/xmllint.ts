/**
 * Validates an XML file against Microsoft's Office add-in manifest XSDs with xmllint
 * (libxml2-utils). The schemas are not in this repository: they are public data files from
 * another repository, kept in the steering repository's shared/ folder, which lies beside every
 * clone (and beside CI's). Where they come from and how they are patched:
 * docs/manifest-schemas.md.
 *
 * Folder: IKK_MANIFEST_XSD_DIR, else ../shared/schemas/office-manifest next to this repository.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

export const MANIFEST_XSD_DIR = process.env.IKK_MANIFEST_XSD_DIR
  ? path.resolve(process.env.IKK_MANIFEST_XSD_DIR)
  : path.join(ROOT, "..", "shared", "schemas", "office-manifest");
export const MANIFEST_XSD = path.join(MANIFEST_XSD_DIR, "OfficeAppManifestV1_1.xsd");

/** True when the schema folder holds the entry schema; the xmllint tests are skipped (with a warning) otherwise. */
export function manifestSchemasAvailable(): boolean {
  const found = fs.existsSync(MANIFEST_XSD);
  if (!found) {
    console.warn(
      `Manifest-XSD's ontbreken in ${MANIFEST_XSD_DIR}: de xmllint-controle van manifest.xml is overgeslagen. ` +
        `Zie docs/manifest-schemas.md (of zet IKK_MANIFEST_XSD_DIR).`,
    );
  }
  return found;
}

export interface XmllintResult {
  status: number | null;
  output: string;
}

export function validateManifest(file: string): XmllintResult {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", MANIFEST_XSD, file], { encoding: "utf8" });
  if (run.error) {
    throw new Error(`xmllint ontbreekt (${run.error.message}). Installeer het met 'bash scripts/install-test-deps.sh' (Debian: libxml2-utils).`);
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
