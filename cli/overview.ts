/**
 * `ikk-normen overzicht PLAN.xlsx --uit OVERZICHT.html`: checks the plan and writes the
 * overview for parents and staff as one HTML page. The target must be an .html file in an
 * existing folder, never the input and never a folder, pipe or device; errors are Dutch
 * IkkErrors (exit 2). Exit 0 once the page is written (an incomplete check says so on the page).
 */
import * as fs from "fs";
import * as path from "path";
import { IkkError } from "../shared/errors";
import { overviewHtml } from "../shared/overview-html";
import { overviewModel } from "../shared/validate/overview";
import type { CheckOptions } from "../shared/validate/types";
import { EXIT_OK, isFolder } from "./batch";
import { checkFile } from "./check-file";
import { assertRegularInput } from "./input-files";
import { terminalSafe } from "./terminal-text";

interface OverviewIo {
  stdout: (text: string) => void;
}

/** Refuses an unusable target before the plan is read. */
export function assertOverviewTarget(target: string, input: string): void {
  const shown = terminalSafe(target);
  if (!/\.html?$/i.test(target)) throw new IkkError("ONGELDIGE_INVOER", `Het overzicht moet een .html-bestand zijn (kreeg "${shown}").`);
  const full = path.resolve(target);
  if (full === path.resolve(input)) throw new IkkError("ONBRUIKBAAR", `Het overzicht "${shown}" zou het plan zelf overschrijven; kies een andere naam.`);
  if (!isFolder(path.dirname(full))) throw new IkkError("ONBRUIKBAAR", `Het overzicht "${shown}" kan niet geschreven worden: de map "${terminalSafe(path.dirname(target))}" bestaat niet.`);
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(full);
  } catch {
    st = null;
  }
  if (st && st.isDirectory()) throw new IkkError("ONBRUIKBAAR", `Het overzicht "${shown}" kan niet geschreven worden: dat is een map.`);
  if (st && !st.isFile()) throw new IkkError("ONBRUIKBAAR", `Het overzicht "${shown}" kan niet geschreven worden: dat is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat).`);
}

export async function writeOverview(file: string, target: string, options: CheckOptions, io: OverviewIo): Promise<number> {
  assertOverviewTarget(target, file);
  assertRegularInput(file);
  const { snapshot, result } = await checkFile(file, options);
  const model = overviewModel(snapshot, result);
  try {
    fs.writeFileSync(target, overviewHtml(model), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IkkError("ONBRUIKBAAR", `Het overzicht "${terminalSafe(target)}" kan niet geschreven worden (${terminalSafe(String(code ?? (e as Error).message))}).`);
  }
  io.stdout(`Overzicht ${model.year} geschreven naar ${terminalSafe(target)}${model.incomplete.length > 0 ? " (niet volledig: zie de pagina)" : ""}.\n`);
  return EXIT_OK;
}
