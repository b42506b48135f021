/**
 * The workbooks of the demo: the two example plans, a broken copy of the 2026 plan
 * with a wrong row total, too few VE hours at one location, and hostile location names
 * (markup and a formula) that must show up as plain text, and the filled "nieuw plan"
 * template with its realisation (January to September 2026).
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../shared/validate/types";
import { parseCell } from "../shared/validate/a1";
import { PLAN_2026_CELLS, plan2026 } from "../examples/plan-2026";
import { plan2024 } from "../examples/plan-2024";
// The filled "nieuw plan" template with LibreOffice's results (examples/generate-template.ts).
import nieuwPlan2026 from "../examples/nieuw-plan-2026.snapshot.json";

export const HOSTILE_MARKUP = "<img src=x onerror=alert(1)>";
export const HOSTILE_FORMULA = '=HYPERLINK("http://x","y")';

export interface DemoExample {
  id: string;
  label: string;
  workbook: () => WorkbookSnapshot;
}

function sheetOf(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`Blad ${name} ontbreekt in het voorbeeld.`);
  return s;
}

/** Set a cell to a typed value (removing any formula there). */
function setValue(sheet: SheetSnapshot, a1: string, value: CellValue): void {
  const ref = parseCell(a1);
  if (!ref) throw new Error(`Ongeldig adres ${a1}`);
  sheet.values[ref.row][ref.col] = value;
  if (sheet.formulas?.[ref.row]) sheet.formulas[ref.row][ref.col] = null;
}

function findRow(sheet: SheetSnapshot, firstCell: (v: CellValue) => boolean, fromRow = 0): number {
  for (let r = fromRow; r < sheet.values.length; r++) if (firstCell(sheet.values[r][0] ?? null)) return r;
  throw new Error("Rij niet gevonden in het voorbeeld.");
}

const text = (v: CellValue): string => (typeof v === "string" ? v.replace(/\s+/g, " ") : "");

/** Where the broken example differs from the 2026 plan (A1 addresses on "Verdeling 2026"). */
export const BROKEN_2026 = {
  sheet: PLAN_2026_CELLS.coachingFirstRowTotal.sheet,
  /** Typed total 120 where the parts add up to 110. */
  wrongTotal: PLAN_2026_CELLS.coachingFirstRowTotal.cell,
  wrongTotalValue: 120,
  /** VE hours of KDV Dommelen lowered from 60 to 40 (6 doelgroeppeuters need 60). */
  veLocation: "KDV Dommelen",
};

export function broken2026(): WorkbookSnapshot {
  const wb = plan2026();
  wb.name = "Coachplan 2026 met fouten.xlsx";
  const sheet = sheetOf(wb, BROKEN_2026.sheet);

  // 1. A hand-typed row total that does not match its parts.
  setValue(sheet, BROKEN_2026.wrongTotal, BROKEN_2026.wrongTotalValue);

  // 2. KDV Dommelen gets 40 VE hours instead of 60: two parts 20 → 10, totals kept consistent.
  const veStart = parseCell(PLAN_2026_CELLS.veTable.range.split(":")[0])!.row;
  const row = findRow(sheet, (v) => text(v) === "KDV Dommelen", veStart);
  const totalRow = findRow(sheet, (v) => text(v) === "Totaal", row);
  for (const col of [2, 5]) {
    sheet.values[row][col] = (sheet.values[row][col] as number) - 10;
    sheet.values[totalRow][col] = (sheet.values[totalRow][col] as number) - 10;
  }
  sheet.values[row][6] = (sheet.values[row][6] as number) - 20;
  sheet.values[totalRow][6] = (sheet.values[totalRow][6] as number) - 20;

  // 3. Hostile location names in the coaching table: markup and a formula, as text.
  const coachStart = parseCell(PLAN_2026_CELLS.coachingTable.range.split(":")[0])!.row;
  const oirschot = findRow(sheet, (v) => text(v) === "BSO Oirschot", coachStart);
  setValue(sheet, `A${oirschot + 1}`, HOSTILE_MARKUP);
  const oostelbeers = findRow(sheet, (v) => text(v) === "BSO Oostelbeers", coachStart);
  setValue(sheet, `A${oostelbeers + 1}`, HOSTILE_FORMULA);
  return wb;
}

export const DEMO_EXAMPLES: readonly DemoExample[] = [
  { id: "2026", label: "Voorbeeld 2026", workbook: plan2026 },
  { id: "2024", label: "Voorbeeld 2024", workbook: plan2024 },
  { id: "2026-fouten", label: "Voorbeeld 2026 met fouten", workbook: broken2026 },
  { id: "nieuw-plan-2026", label: "Nieuw plan 2026 met realisatie", workbook: () => structuredClone(nieuwPlan2026 as WorkbookSnapshot) },
];
