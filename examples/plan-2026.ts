/**
 * Example workbook modelled on the 2026 coaching plan (reference 002): 16 LRK
 * registrations on 10 sites, 42,37 fte, 21 doelgroeppeuters, formation 2 496 h, and the
 * three allocation tables (coaching 1 000 h, beleid 800 h, VE 210 h) plus the VE toddler
 * table, with SUM formulas in the total cells as users keep them.
 */
import type { WorkbookSnapshot } from "../shared/validate/types";
import { buildSheet, cloneWorkbook, f, type CellInput } from "../shared/validate/build";
import { columnLetters } from "../shared/validate/a1";

/** [location, individual coaching, training/on the job, team meetings, support]. */
const COACHING: [string, number, number, number, number][] = [
  ["KDV\nValkenswaard", 30, 25, 25, 30],
  ["BSO\nValkenswaard", 20, 15, 15, 20],
  ["KDV\nNederweert", 30, 25, 25, 30],
  ["BSO\nNederweert", 20, 15, 15, 20],
  ["KDV\nDommelen", 30, 25, 25, 30],
  ["BSO\nDommelen", 20, 15, 15, 20],
  ["KDV Oirschot", 30, 25, 25, 30],
  ["BSO Oirschot", 20, 15, 15, 20],
  ["BSO Roek\nVeldhoven", 20, 15, 15, 20],
  ["KDV Roek\nVeldhoven", 10, 5, 5, 10],
  ["KDV Borkel &\nSchaft", 10, 10, 5, 5],
  ["BSO Borkel &\nSchaft", 10, 10, 5, 5],
  ["KDV Budel", 10, 5, 5, 10],
  ["KDV Gastel", 10, 10, 5, 5],
  ["BSO\nZilverackers\nVeldhoven", 10, 5, 5, 10],
  ["BSO\nOostelbeers", 10, 5, 5, 10],
];

const POLICY_LOCATIONS = [
  "KDV Borkel & Schaft", "BSO Borkel & Schaft", "KDV Budel", "KDV Dommelen", "BSO Dommelen", "KDV Gastel",
  "KDV Nederweert", "BSO Nederweert", "KDV Oirschot", "BSO Oirschot", "BSO Oostelbeers", "BSO Roek Veldhoven",
  "KDV Roek Veldhoven", "BSO Zilverackers Veldhoven", "KDV Valkenswaard", "BSO Valkenswaard",
];
const POLICY_SPLIT = [5, 15, 5, 15, 10];

const VE: [string, number[]][] = [
  ["KDV\nDommelen", [10, 20, 5, 5, 20]],
  ["KDV\nNederweert", [10, 10, 5, 5, 10]],
  ["KDV\nBudel", [10, 20, 5, 5, 20]],
  ["KDV\nValkenswaard", [10, 10, 5, 5, 20]],
];

const TODDLERS: [string, number][] = [
  ["Dommelen", 6],
  ["Nederweert", 4],
  ["Budel", 6],
  ["Valkenswaard", 5],
];

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

/** A data row: name, parts, and =SUM over the parts in the total column. */
function rowWithTotal(row: number, name: string, parts: number[]): CellInput[] {
  const first = columnLetters(1);
  const last = columnLetters(parts.length);
  return [name, ...parts, f(`=SUM(${first}${row}:${last}${row})`, sum(parts))];
}

function buildHours(): CellInput[][] {
  const rows: CellInput[][] = [
    ["Uren verantwoording inzet pedagogisch coach en beleidsmedewerker 2026"],
    [],
    ["Peildatum", "1 januari 2026"],
    ["Aantal LRK-registraties", 16],
    ["Aantal locaties", 10],
    ["Fte pedagogisch professionals", "42,37"],
    ["Doelgroeppeuters (VE-indicatie)", 21],
    ["Formatie pedagogisch coach/beleidsmedewerker (uren per jaar)", 2496],
    ["Formatie pedagogisch coach/beleidsmedewerker (fte)", "1,33 fte"],
    [],
    ["Benodigd volgens Wet IKK"],
    ["Pedagogische beleidsontwikkeling/implementatie", f("=B4*50", 800)],
    ["Coaching pedagogisch professionals", f("=B6*10", 423.7)],
    ["VE coaching", f("=B7*10", 210)],
    ["Totaal benodigd", f("=SUM(B12:B14)", 1433.7)],
    [],
    ["VE-locaties met doelgroeppeuters"],
    ["Locatie", "Aantal peuters op 1 januari", "Aantal uren"],
  ];
  const first = rows.length + 1;
  TODDLERS.forEach(([name, n], i) => rows.push([name, n, f(`=B${first + i}*10`, n * 10)]));
  const last = first + TODDLERS.length - 1;
  rows.push([
    "Totaal",
    f(`=SUM(B${first}:B${last})`, sum(TODDLERS.map((t) => t[1]))),
    f(`=SUM(C${first}:C${last})`, sum(TODDLERS.map((t) => t[1] * 10))),
  ]);
  return rows;
}

function buildAllocation(): CellInput[][] {
  const rows: CellInput[][] = [];
  // Coaching: one-row header with multi-line cells; the Totaal row holds only the grand total.
  rows.push(["Overzicht geschatte uren coaching per locatie (zonder VE-uren inzet)"], []);
  rows.push([
    "Locatie",
    "Individuele\ncoaching",
    "Aanbieden van\nscholing/training/\ncoaching on the job",
    "Bijwonen\nteam-/\ngroepsoverleg/\norganiseren\npedagogische\nbijeenkomsten",
    "Ondersteuning\npedagogisch\nprofessionals bij\nvragen rondom\nkind/ouder/vvetraject\nenz.",
    "Totaal\nper\nlocatie",
  ]);
  let first = rows.length + 1;
  for (const [name, ...parts] of COACHING) rows.push(rowWithTotal(rows.length + 1, name, parts));
  let last = rows.length;
  rows.push(["Totaal", null, null, null, null, f(`=SUM(F${first}:F${last})`, sum(COACHING.map((c) => sum(c.slice(1) as number[]))))]);
  rows.push([], []);

  // Beleid: header text split over two rows.
  rows.push(["Overzicht geschatte uren beleidsmedewerker per locatie (zonder VE-uren inzet)"], []);
  rows.push([
    "Locatie",
    "Bijstellen pedagogisch beleid, pedagogisch werkplan, protocollen enz.",
    "Ontwikkelen en implementeren nieuw beleid (incl. bijwonen teamoverleggen)",
    "Communicatie richting teams en ouders over nieuw beleid",
    "Vragen beantwoorden en overleg rondom beleid (met leidinggevenden, pedagogisch coach)",
    "Deskundigheids-",
    "Totaal",
  ]);
  rows.push([null, null, null, null, null, "bevordering", "per locatie"]);
  first = rows.length + 1;
  for (const name of POLICY_LOCATIONS) rows.push(rowWithTotal(rows.length + 1, name, POLICY_SPLIT));
  last = rows.length;
  rows.push(["Totaal", null, null, null, null, null, f(`=SUM(G${first}:G${last})`, POLICY_LOCATIONS.length * sum(POLICY_SPLIT))]);
  rows.push([], []);

  // VE: column totals in the Totaal row as well.
  rows.push(["Overzicht geschatte uren VE-beleidstaken per locatie"], []);
  rows.push([
    "Locatie",
    "Observeren en coachen bij het doelgericht en planmatig werken volgens het VE programma (Startblokken)",
    "Coachen op het beredeneerd aanbod (wat bied je aan, wanneer, in welke context)",
    "Ondersteunen in het observeren en registeren",
    "Ondersteunen in het op juiste wijze uitvoeren van de warme overdracht, verdere samenwerking met leerkrachten ontwikkelen",
    "Coachen op zorgvragen van (VVE) kinderen; professional ondersteunen in het handelen, gesprekken voeren met ouders en externen enz.",
    "Totaal",
  ]);
  first = rows.length + 1;
  for (const [name, parts] of VE) rows.push(rowWithTotal(rows.length + 1, name, parts));
  last = rows.length;
  const totalRow: CellInput[] = ["Totaal"];
  for (let c = 1; c <= 6; c++) {
    const col = columnLetters(c);
    const value = c <= 5 ? sum(VE.map((v) => v[1][c - 1])) : sum(VE.map((v) => sum(v[1])));
    totalRow.push(f(`=SUM(${col}${first}:${col}${last})`, value));
  }
  rows.push(totalRow);
  return rows;
}

function build(): WorkbookSnapshot {
  return {
    name: "Coachplan 2026.xlsx",
    sheets: [buildSheet("Uren 2026", buildHours()), buildSheet("Verdeling 2026", buildAllocation())],
  };
}

/** The 2026 example workbook. Do not mutate: use plan2026() for a copy to break. */
export const PLAN_2026: WorkbookSnapshot = build();

/** A fresh deep copy of the 2026 example, safe to modify. */
export function plan2026(): WorkbookSnapshot {
  return cloneWorkbook(PLAN_2026);
}

/** Where things are, for tests and docs (A1 addresses). */
export const PLAN_2026_CELLS = {
  centres: { sheet: "Uren 2026", cell: "B4" },
  fte: { sheet: "Uren 2026", cell: "B6" },
  toddlers: { sheet: "Uren 2026", cell: "B7" },
  formationHours: { sheet: "Uren 2026", cell: "B8" },
  toddlerTable: { sheet: "Uren 2026", range: "A18:C23" },
  coachingTable: { sheet: "Verdeling 2026", range: "A3:F20" },
  coachingFirstRowTotal: { sheet: "Verdeling 2026", cell: "F4" },
  coachingTotal: { sheet: "Verdeling 2026", cell: "F20" },
  policyTable: { sheet: "Verdeling 2026", range: "A25:G43" },
  policyTotal: { sheet: "Verdeling 2026", cell: "G43" },
  veTable: { sheet: "Verdeling 2026", range: "A48:G53" },
  veTotal: { sheet: "Verdeling 2026", cell: "G53" },
} as const;
