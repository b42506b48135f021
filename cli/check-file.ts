/**
 * The full check of one .xlsx file: read (the CLI's own budgeted reader, cli/xlsx-reader.ts)
 * → snapshot → engine. Shared by the CLI and the benchmark so both measure the same path.
 */
import { checkWorkbook } from "../shared/validate";
import type { CheckOptions, CheckResult, WorkbookSnapshot } from "../shared/validate/types";
import { readXlsx } from "./read-xlsx";

export interface FileCheck {
  snapshot: WorkbookSnapshot;
  result: CheckResult;
}

export async function checkFile(file: string, options: CheckOptions = {}): Promise<FileCheck> {
  const snapshot = await readXlsx(file);
  const result = checkWorkbook(snapshot, options);
  return { snapshot, result };
}
