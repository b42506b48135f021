/**
 * Generators of hostile workbook snapshots and mappings for the engine-side budgets
 * (issue 11, item 1), and of hostile CLI inputs and outputs (items 3 and 4). Deterministic;
 * n is the size (rows, tables, cells). The CI test runs them small; scripts/fuzz-engine.ts
 * runs them large and prints time and peak memory per case.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../shared/validate/types";

export const SHEET = "Uren 2026";

/** A plan sheet of n locations over 10 columns. */
export function planSheet(n: number, name = SHEET): SheetSnapshot {
  const values: CellValue[][] = [["Locatie", "LRK-nummer", "Beleidsuren", "Coachuren", "A", "B", "C", "D", "E", "F"]];
  for (let r = 0; r < n; r++) values.push([`Locatie ${r}`, "123456782", 5, 4, 1, 2, 3, 4, 5, 6]);
  return { name, values };
}

/** k mapping entries over the whole sheet (`A1:XFD1048576`), alternating roles. */
export function wholeSheetMapping(k: number, sheet = SHEET): unknown {
  const roles = ["beleid", "coaching", "ve", "personeel", "negeren"];
  return { versie: 1, tabellen: Array.from({ length: k }, (_, i) => ({ blad: sheet, bereik: "A1:XFD1048576", rol: roles[i % roles.length] })) };
}

/** Hostile engine cases: a snapshot and a mapping, by name; n scales the case. */
export const ENGINE_CASES: Record<string, (n: number) => { workbook: WorkbookSnapshot; mapping?: unknown }> = {
  /** One whole-sheet range on an n-row sheet (before: 108 s and 3,9 GB at n = 20 000). */
  wholeSheetRange: (n) => ({ workbook: { sheets: [planSheet(n)] }, mapping: wholeSheetMapping(1) }),
  /** Twenty whole-sheet ranges (before: never finished at n = 20 000). */
  twentyWholeSheetRanges: (n) => ({ workbook: { sheets: [planSheet(n)] }, mapping: wholeSheetMapping(20) }),
  /** n mapping entries of one small range each. */
  manyMappingEntries: (n) => ({
    workbook: { sheets: [planSheet(10)] },
    mapping: { versie: 1, tabellen: Array.from({ length: n }, (_, i) => ({ blad: SHEET, bereik: `A${(i % 10) + 1}:D${(i % 10) + 2}`, rol: "beleid" })) },
  }),
  /** One table with n column roles (two-letter columns). */
  manyColumnRoles: (n) => {
    const kolommen: Record<string, string> = {};
    for (let c = 0; c < Math.min(n, 26 * 26); c++) kolommen[String.fromCharCode(65 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26))] = "uren";
    return { workbook: { sheets: [planSheet(10)] }, mapping: { versie: 1, tabellen: [{ blad: SHEET, bereik: "A1:ZZ1048576", rol: "beleid", kolommen }] } };
  },
  /** A range far below and right of the data, and a fact cell at the sheet's last cell. */
  farAway: (n) => ({
    workbook: { sheets: [planSheet(n)] },
    mapping: { versie: 1, tabellen: [{ blad: SHEET, bereik: "XFA1048570:XFD1048576", rol: "beleid" }], feiten: { fte: { blad: SHEET, cel: "XFD1048576" } } },
  }),
  /** One sheet of n filled cells, 100 to a row. */
  manyCells: (n) => {
    const values: CellValue[][] = [];
    for (let i = 0; i < n; i += 100) values.push(Array.from({ length: Math.min(100, n - i) }, (_, k) => k));
    return { workbook: { sheets: [{ name: SHEET, values }] } };
  },
  /** Ten sheets of n/10 filled cells each. */
  manyCellsOverSheets: (n) => {
    const per = Math.ceil(n / 10);
    const sheets = Array.from({ length: 10 }, (_, s) => {
      const values: CellValue[][] = [];
      for (let i = 0; i < per; i += 100) values.push(Array.from({ length: Math.min(100, per - i) }, (_, k) => k));
      return { name: `Blad ${s}`, values };
    });
    return { workbook: { sheets } };
  },
  /** Wide blank rows: n rows of 16 384 nulls (blank cells count for nothing). */
  wideBlankRows: (n) => {
    const values: CellValue[][] = [["Locatie", "Beleidsuren"], ["Dommelen", 5]];
    for (let r = 0; r < n; r++) values.push(new Array(16_384).fill(null));
    return { workbook: { sheets: [{ name: SHEET, values }] } };
  },
};

/** Hostile CLI inputs in `dir`: the argument lists, by name (a FIFO, devices, a folder, big and BOM mappings). */
export function cliCases(dir: string, plan: string, mapBytes: number): Record<string, string[]> {
  const fifo = path.join(dir, "pijp.xlsx");
  if (!fs.existsSync(fifo)) execFileSync("mkfifo", [fifo]);
  const big = path.join(dir, "groot.json");
  fs.writeFileSync(big, '{"versie":1}' + " ".repeat(mapBytes));
  const bom = path.join(dir, "bom.json");
  fs.writeFileSync(bom, "\uFEFF" + JSON.stringify({ versie: 1 }));
  return {
    fifoInput: ["check", fifo],
    fifoMap: ["check", plan, "--map", fifo],
    devZeroMap: ["check", plan, "--map", "/dev/zero"],
    devZeroInput: ["check", "/dev/zero"],
    devRandomMap: ["check", plan, "--map", "/dev/urandom"],
    folderMap: ["check", plan, "--map", dir],
    bigMap: ["check", plan, "--map", big],
    bomMap: ["check", plan, "--map", bom],
    fifoInBatch: ["check", plan, fifo],
  };
}

/** Output cases: a shell line around the bin ($BIN, $PLAN) and the exit status it must end with. */
export const OUTPUT_CASES: Record<string, { script: string; code: number }> = {
  epipeText: { script: 'node "$BIN" check "$PLAN" | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}', code: 0 },
  epipeJsonErrors: { script: 'node "$BIN" check "$PLAN" --fte 1000 --json | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}', code: 1 },
  epipeClosedAtOnce: { script: 'node "$BIN" check "$PLAN" | true; exit ${PIPESTATUS[0]}', code: 0 },
  devFull: { script: 'node "$BIN" check "$PLAN" > /dev/full', code: 2 },
  devFullJson: { script: 'node "$BIN" check "$PLAN" --json > /dev/full', code: 2 },
};
