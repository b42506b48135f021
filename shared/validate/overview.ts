/**
 * The overview for parents and staff (Besluit kwaliteit kinderopvang art. 8 lid 3): per
 * kindercentrum the planned policy, coaching and VE hours, the minimum and how it was
 * computed. Derived from a finished check and its snapshot: the hours per location are the
 * check's own `plannedLocations` (planned-locations.ts: the same sources as the planned
 * totals, a part only when every row is named by a location column), the toddlers from the
 * VE toddler tables whose first column names a location. A list named by people is never
 * shown, so no staff name or individual hours can reach the overview. Pure: no host, no DOM.
 */
import { normForYear } from "../norms";
import { cleanFloat, parseDutchNumber } from "../numbers";
import { parseRange } from "./a1";
import type { CellValue, CheckResult, DetectedTable, WorkbookSnapshot } from "./types";

export type OverviewPart = "policy" | "coaching" | "ve";

export interface OverviewLocation {
  /** The location's name as the workbook writes it (line breaks as spaces). */
  name: string;
  policy: number | null;
  coaching: number | null;
  ve: number | null;
}

export interface OverviewToddlers {
  name: string;
  toddlers: number;
  /** toddlers × the norm's VE hours per doelgroeppeuter. */
  required: number;
}

export interface OverviewModel {
  year: number;
  organisation: string | null;
  /** The norm version's figures used in the computation lines. */
  norm: { policyPerCentre: number; coachingPerFte: number; vePerToddler: number | null; source: string };
  centres: number | null;
  fte: number | null;
  toddlers: number | null;
  toddlerLocations: OverviewToddlers[];
  required: CheckResult["required"];
  planned: CheckResult["planned"];
  locations: OverviewLocation[];
  /** Whether the VE column applies (a VE norm this year and VE hours or toddlers present). */
  showVe: boolean;
  /** Dutch reasons why the overview is not complete; empty when it is. */
  incomplete: string[];
}

const LOCATION_HEADER = /locatie|location|vestiging|kindercentrum|kinderopvang|lrk/i;
const PART_DUTCH: Record<OverviewPart, string> = { policy: "beleid", coaching: "coaching", ve: "VE" };

function cellNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return parseDutchNumber(v);
  return null;
}

function cellText(v: CellValue | undefined): string {
  if (typeof v === "string") return v.replace(/\s+/g, " ").trim();
  return "";
}

interface TableBlock {
  rows: CellValue[][];
}

function block(snapshot: WorkbookSnapshot, t: DetectedTable): TableBlock | null {
  const sheet = snapshot.sheets.find((s) => s.name === t.sheet);
  const r = parseRange(t.range);
  if (!sheet || !r) return null;
  const rows: CellValue[][] = [];
  for (let i = r.start.row; i <= r.end.row; i++) rows.push((sheet.values[i] ?? []).slice(r.start.col, r.end.col + 1));
  return { rows };
}

/** Doelgroeppeuters per location from a VE toddler table (first column location, a column headed "peuters"). */
function toddlerLocations(b: TableBlock): { name: string; toddlers: number }[] | null {
  const header = b.rows[0] ?? [];
  if (!LOCATION_HEADER.test(cellText(header[0]))) return null;
  const col = header.findIndex((h) => /peuter|kinderen|toddler/i.test(cellText(h)));
  if (col <= 0) return null;
  // The location's name, not its LRK number, when the table has both ("LRK-nummer | Locatie | …").
  const named = header.findIndex((h, c) => c < col && /locatie|location|vestiging|kindercentrum/i.test(cellText(h)) && !/lrk/i.test(cellText(h)));
  const nameCol = named >= 0 ? named : 0;
  const out: { name: string; toddlers: number }[] = [];
  for (const row of b.rows.slice(1)) {
    const name = cellText(row[nameCol]);
    const n = cellNumber(row[col]);
    if (name === "" || /^(totaal|total)\b/i.test(name) || n === null) continue;
    out.push({ name, toddlers: n });
  }
  return out;
}

/** The organisation's name from a labelled cell ("Organisatie", "Naam houder"), else null. */
export function organisationName(snapshot: WorkbookSnapshot): string | null {
  for (const s of snapshot.sheets) {
    if (s.visibility && s.visibility !== "visible") continue;
    for (const row of s.values.slice(0, 40)) {
      for (let c = 0; c + 1 < Math.min(row.length, 10); c++) {
        if (!/^(naam\s+)?(van\s+de\s+)?(organisatie|houder|kinderopvangorganisatie)(snaam|naam)?\s*:?$/i.test(cellText(row[c]))) continue;
        const value = row.slice(c + 1).map(cellText).find((t) => t !== "");
        if (value && !/^\d/.test(value)) return value.slice(0, 200);
      }
    }
  }
  return null;
}

/** The overview model of a check: per location, the figures, and what is not complete. */
export function overviewModel(snapshot: WorkbookSnapshot, result: CheckResult): OverviewModel {
  const norm = normForYear(result.year);
  const incomplete: string[] = [];
  if (!result.yearKnown && result.yearKnown !== undefined) incomplete.push(`het jaar staat niet in de werkmap; de norm van ${result.year} is toegepast.`);
  for (const m of result.missing) incomplete.push(m);
  if (result.findings.some((f) => f.severity === "error")) incomplete.push("de controle vond fouten in de werkmap; de cijfers zijn niet gecontroleerd als juist.");

  const perLocation = result.plannedLocations ?? { parts: [], notShown: [], rows: [] };
  for (const part of ["policy", "coaching", "ve"] as const) {
    if (result.planned[part] === null || perLocation.parts.includes(part)) continue;
    incomplete.push(`de uren ${PART_DUTCH[part]} per kindercentrum zijn niet betrouwbaar af te lezen (geen tabel met een kolom Locatie, onbekende uren, of de som per locatie klopt niet met het geplande totaal).`);
  }
  const locations: OverviewLocation[] = perLocation.rows.map((r) => ({
    name: r.location,
    policy: perLocation.parts.includes("policy") ? r.policy : null,
    coaching: perLocation.parts.includes("coaching") ? r.coaching : null,
    ve: perLocation.parts.includes("ve") ? r.ve : null,
  }));

  const toddlers: OverviewToddlers[] = [];
  if (norm.veUrenPerDoelgroeppeuter !== null) {
    for (const t of result.tables.filter((x) => x.role === "ve-toddlers")) {
      const b = block(snapshot, t);
      for (const l of (b && toddlerLocations(b)) ?? []) toddlers.push({ name: l.name, toddlers: l.toddlers, required: cleanFloat(l.toddlers * norm.veUrenPerDoelgroeppeuter) });
    }
  }
  const showVe = norm.veUrenPerDoelgroeppeuter !== null && (result.required.ve !== null || result.planned.ve !== null || toddlers.length > 0);
  return {
    year: result.year,
    organisation: organisationName(snapshot),
    norm: { policyPerCentre: norm.beleidsurenPerKindercentrum, coachingPerFte: norm.coachurenPerFte, vePerToddler: norm.veUrenPerDoelgroeppeuter, source: norm.bron },
    centres: result.inputs.centres?.value ?? null,
    fte: result.inputs.fte?.value ?? null,
    toddlers: result.inputs.targetToddlers?.value ?? null,
    toddlerLocations: toddlers,
    required: result.required,
    planned: result.planned,
    locations,
    showVe,
    incomplete,
  };
}
