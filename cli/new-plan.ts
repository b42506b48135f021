/**
 * `ikk-normen nieuw-plan PLAN.xlsx [--jaar 2027] [--van OUD.xlsx] [--overschrijven]`:
 * writes the "nieuw plan" template (shared/template/plan-template.ts) as an .xlsx file,
 * optionally with last year's locations, staff and formation carried over from OUD.xlsx
 * (shared/template/carry-over.ts). An existing file is never overwritten without
 * --overschrijven, and the old workbook is only read.
 */
import * as fs from "fs";
import * as path from "path";
import { IkkError } from "../shared/errors";
import { formatDutch, parseOptionNumber } from "../shared/numbers";
import { checkYear, normForYear } from "../shared/norms";
import { carryOver } from "../shared/template/carry-over";
import { buildPlanTemplate } from "../shared/template/plan-template";
import type { CarriedPlan } from "../shared/template/types";
import { checkFile } from "./check-file";
import { assertRegularInput } from "./input-files";
import { templateToWorkbook } from "./template-xlsx";
import { terminalSafe } from "./terminal-text";

export interface RawNewPlanOptions {
  jaar?: string;
  van?: string;
  overschrijven?: boolean;
}

/**
 * The plan year when --jaar is not given: the current year, or from October on the next
 * year (a plan for 1 January is made in the autumn before).
 */
export function defaultPlanYear(now: Date): number {
  return now.getMonth() >= 9 ? now.getFullYear() + 1 : now.getFullYear();
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Writes the new plan; returns the Dutch lines for stdout. Throws IkkError on bad input (exit 2). */
export async function newPlan(target: string, raw: RawNewPlanOptions, now: Date = new Date()): Promise<string[]> {
  const shown = terminalSafe(target);
  if (!/\.xlsx$/i.test(target)) throw new IkkError("ONGELDIGE_INVOER", `Het nieuwe plan wordt een .xlsx-bestand; geef een naam die op .xlsx eindigt (kreeg "${shown}").`);
  const year = raw.jaar !== undefined ? checkYear(parseOptionNumber(raw.jaar, "--jaar", "year")) : defaultPlanYear(now);
  const norm = normForYear(year);
  if (raw.van !== undefined && sameFile(raw.van, target)) {
    throw new IkkError("ONGELDIGE_INVOER", `Het nieuwe plan kan niet hetzelfde bestand zijn als het oude plan "${terminalSafe(raw.van)}"; kies een andere naam.`);
  }
  if (fs.existsSync(target) && !raw.overschrijven) {
    throw new IkkError("ONGELDIGE_INVOER", `"${shown}" bestaat al en wordt niet overschreven. Kies een andere naam of geef --overschrijven op.`);
  }
  const lines: string[] = [];
  let carried: CarriedPlan | undefined;
  if (raw.van !== undefined) {
    assertRegularInput(raw.van);
    const { snapshot, result } = await checkFile(raw.van);
    const over = carryOver(snapshot, result);
    carried = over.carried;
    lines.push(`Uit ${terminalSafe(raw.van)} (plan ${result.year}):`, ...over.messages.map((m) => `  ${terminalSafe(m)}`));
  }
  const template = buildPlanTemplate({ year, carried });
  const buffer = Buffer.from(await templateToWorkbook(template).xlsx.writeBuffer());
  try {
    // "wx": never replace a file that appeared meanwhile, unless --overschrijven.
    fs.writeFileSync(target, buffer, { flag: raw.overschrijven ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new IkkError("ONGELDIGE_INVOER", `"${shown}" bestaat al en wordt niet overschreven. Kies een andere naam of geef --overschrijven op.`);
    if (code === "ENOENT" || code === "ENOTDIR") throw new IkkError("ONBRUIKBAAR", `"${shown}" kan niet geschreven worden: de map bestaat niet.`);
    if (code === "EACCES" || code === "EPERM") throw new IkkError("ONBRUIKBAAR", `Geen toegang om "${shown}" te schrijven.`);
    if (code === "EISDIR") throw new IkkError("ONBRUIKBAAR", `"${shown}" is een map, geen bestand.`);
    throw new IkkError("ONBRUIKBAAR", `"${shown}" kan niet geschreven worden (${code ?? "onbekende fout"}).`);
  }
  const ve = norm.veUrenPerDoelgroeppeuter;
  lines.unshift(
    `Nieuw plan ${year} geschreven: ${shown}`,
    `Bladen: ${template.sheets.map((s) => s.name).join(", ")}.`,
    `Normen ${year}: ${formatDutch(norm.beleidsurenPerKindercentrum)} uur beleid per kindercentrum, ${formatDutch(norm.coachurenPerFte)} uur coaching per fte (1 fte = ${formatDutch(norm.urenPerFteWeek)} uur per week)` +
      (ve === null ? "; nog geen VE-urennorm." : `, ${formatDutch(ve)} uur VE per doelgroeppeuter per locatie.`),
  );
  lines.push("De formules rekenen in Excel, Google Sheets en LibreOffice, ook zonder de invoegtoepassing.");
  return lines;
}
