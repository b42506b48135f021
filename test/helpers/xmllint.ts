/** Validates an XML file against the vendored Office manifest XSDs with xmllint (libxml2-utils). */
import { spawnSync } from "child_process";
import * as path from "path";

export const MANIFEST_XSD = path.join(__dirname, "..", "schemas", "manifest", "OfficeAppManifestV1_1.xsd");

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
