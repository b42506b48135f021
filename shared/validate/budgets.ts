/**
 * Engine-side budgets, enforced before any work: a workbook snapshot may hold only so many
 * filled cells per sheet and in total, and a mapping only so many entries. A mapped range is
 * clipped to the sheet's used range (table-set.ts), so `A1:XFD1048576` costs what the sheet
 * holds, not 17 billion cells. The panel stores its mapping in the document, so a shared
 * workbook can carry a hostile one: these hold in every host, not just the CLI.
 * Each refusal is an IkkError with a Dutch message naming the limit and what to do.
 */
import { IkkError } from "../errors";
import { formatDutch } from "../numbers";
import type { WorkbookSnapshot } from "./types";

export const BUDGETS = Object.freeze({
  /** Filled cells (a value or a formula) on one sheet. */
  sheetCells: 1_000_000,
  /** Filled cells on all sheets together. */
  workbookCells: 2_000_000,
  /**
   * Cells a sheet spans, empty ones included: every row as far as its last filled cell
   * (hosts: the used range, rows × columns). One value per row at column XFD is 16 384 cells
   * a row; without this bound a 100 kB file spans billions of cells and gigabytes.
   */
  sheetArea: 20_000_000,
  /** Cells all sheets span together (as sheetArea). */
  workbookArea: 40_000_000,
  /** Entries under `tabellen` in a mapping. */
  mappingTables: 200,
  /** Cells the mapped ranges cover together, each clipped to its sheet's used range. */
  mappedCells: 5_000_000,
  /** Entries under `kolommen` of one mapped table. */
  mappingColumns: 500,
});

const n = (x: number) => formatDutch(x, 0);

/** Non-blank as sheet-index.ts reads it: not null/undefined and not white space only. */
const NOT_SPACE = /\S/;

/** The filled cells of one sheet: a value or a formula (rows of any shape; anything else counts nothing). */
function filledCells(values: unknown, formulas: unknown, stopAbove: number): number {
  let count = 0;
  const vs = Array.isArray(values) ? values : [];
  const fs = Array.isArray(formulas) ? formulas : [];
  const rows = Math.max(vs.length, fs.length);
  for (let r = 0; r < rows && count <= stopAbove; r++) {
    const vr = Array.isArray(vs[r]) ? (vs[r] as unknown[]) : [];
    const fr = Array.isArray(fs[r]) ? (fs[r] as unknown[]) : [];
    const width = Math.max(vr.length, fr.length);
    for (let c = 0; c < width; c++) {
      const v = vr[c];
      if ((v !== null && v !== undefined && !(typeof v === "string" && !NOT_SPACE.test(v))) || fr[c]) count++;
    }
  }
  return count;
}

/** The Dutch refusal of a sheet spanning more than BUDGETS.sheetArea cells (snapshot, CLI reader, both hosts). */
export function sheetAreaError(sheet: string): IkkError {
  return new IkkError(
    "ONBRUIKBAAR",
    `Het blad '${sheet}' beslaat meer dan ${n(BUDGETS.sheetArea)} cellen (tot en met de laatste gevulde rij en kolom, lege cellen meegeteld); dat is de grens per blad. ` +
      `Wis inhoud of opmaak ver buiten de tabellen (bijvoorbeeld een losse waarde in kolom XFD of rij 1.000.000) en controleer opnieuw.`,
  );
}

/** The Dutch refusal of a workbook spanning more than BUDGETS.workbookArea cells. */
export function workbookAreaError(): IkkError {
  return new IkkError(
    "ONBRUIKBAAR",
    `De bladen van de werkmap beslaan samen meer dan ${n(BUDGETS.workbookArea)} cellen (tot en met de laatste gevulde rij en kolom, lege cellen meegeteld); dat is de grens voor een hele werkmap. ` +
      `Wis inhoud of opmaak ver buiten de tabellen, of verwijder bladen die niet over de planning gaan, en controleer opnieuw.`,
  );
}

/**
 * Refuses, before a host reads any cell, sheets whose used range from A1 (rows × columns, as
 * the host reports it) spans more than the area budgets: the Excel and Sheets adapters call
 * this with the sizes they get first, so a far-away cell costs one message, not a frozen pane.
 */
export function assertSheetAreas(sheets: ReadonlyArray<{ name: string; rows: number; columns: number }>): void {
  let area = 0;
  for (const s of sheets) {
    const spanned = Math.max(0, s.rows) * Math.max(0, s.columns);
    if (spanned > BUDGETS.sheetArea) throw sheetAreaError(s.name);
    area += spanned;
    if (area > BUDGETS.workbookArea) throw workbookAreaError();
  }
}

/** The cells rows span (each row as far as its last stored cell), counting stops above `stopAbove`. */
function spannedCells(values: unknown, stopAbove: number): number {
  if (!Array.isArray(values)) return 0;
  let area = 0;
  for (let r = 0; r < values.length && area <= stopAbove; r++) if (Array.isArray(values[r])) area += (values[r] as unknown[]).length;
  return area;
}

/**
 * Refuses a snapshot above the cell budgets, before anything is indexed or detected.
 * Linear in the snapshot's array slots (which the host has already allocated).
 */
export function assertCellBudget(wb: WorkbookSnapshot): void {
  if (!wb || !Array.isArray(wb.sheets)) return;
  let total = 0;
  let area = 0;
  for (const s of wb.sheets) {
    if (!s || typeof s !== "object") continue;
    const spanned = spannedCells(s.values, BUDGETS.sheetArea);
    if (spanned > BUDGETS.sheetArea) throw sheetAreaError(String(s.name));
    area += spanned;
    if (area > BUDGETS.workbookArea) throw workbookAreaError();
    const cells = filledCells(s.values, s.formulas, BUDGETS.sheetCells);
    if (cells > BUDGETS.sheetCells) {
      throw new IkkError(
        "ONBRUIKBAAR",
        `Het blad '${String(s.name)}' heeft meer dan ${n(BUDGETS.sheetCells)} gevulde cellen; dat is de grens per blad. ` +
          `Zet de urentabellen op een blad met alleen de planning (verwijder of verplaats andere gegevens) en controleer opnieuw.`,
      );
    }
    total += cells;
    if (total > BUDGETS.workbookCells) {
      throw new IkkError(
        "ONBRUIKBAAR",
        `De werkmap heeft meer dan ${n(BUDGETS.workbookCells)} gevulde cellen; dat is de grens voor een hele werkmap. ` +
          `Verwijder bladen die niet over de planning gaan (of zet de urentabellen in een eigen werkmap) en controleer opnieuw.`,
      );
    }
  }
}

/** Refuses a raw mapping (JSON, Dutch keys) with too many entries, before its fields are validated. */
export function assertMappingBudget(raw: unknown): void {
  if (!raw || typeof raw !== "object") return;
  const tables = (raw as { tabellen?: unknown }).tabellen;
  if (!Array.isArray(tables)) return;
  if (tables.length > BUDGETS.mappingTables) {
    throw new IkkError(
      "ONGELDIGE_INVOER",
      `De koppeling is ongeldig: 'tabellen' heeft ${n(tables.length)} tabellen; de grens is ${n(BUDGETS.mappingTables)}. ` +
        `Geef alleen de tabellen op die de herkenning mist (of begin met een lege koppeling).`,
    );
  }
  tables.forEach((t, i) => {
    const cols = t && typeof t === "object" ? (t as { kolommen?: unknown }).kolommen : undefined;
    if (cols && typeof cols === "object" && Object.keys(cols).length > BUDGETS.mappingColumns) {
      throw new IkkError(
        "ONGELDIGE_INVOER",
        `De koppeling is ongeldig: 'tabellen[${i}].kolommen' noemt ${n(Object.keys(cols).length)} kolommen; de grens is ${n(BUDGETS.mappingColumns)}. ` +
          `Geef alleen de kolommen op die de herkenning verkeerd leest.`,
      );
    }
  });
}

/** Refuses mapped ranges that cover, clipped to the used range, more cells together than the budget. */
export function assertMappedArea(total: number, index: number): void {
  if (total <= BUDGETS.mappedCells) return;
  throw new IkkError(
    "ONGELDIGE_INVOER",
    `De koppeling is ongeldig: de bereiken onder 'tabellen' beslaan tot en met tabellen[${index}] samen meer dan ${n(BUDGETS.mappedCells)} cellen van het gebruikte deel van de bladen; dat is de grens. ` +
      `Geef per tabel alleen het bereik van die tabel op (zoals A3:F20), niet hele bladen.`,
  );
}
