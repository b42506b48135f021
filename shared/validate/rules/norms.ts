/**
 * The norm rules: planned policy, coaching and VE hours against the legal minimum
 * (no rounding: 222 h against 223,89 h is short), VE per location (a surplus at one
 * location never covers a shortfall at another), and the formation against the total.
 */
import { veHours } from "../../calc";
import { cleanFloat, formatDutch } from "../../numbers";
import type { NormVersion } from "../../norms";
import { cellAddress } from "../a1";
import type { Facts } from "../facts";
import type { Findings } from "../findings";
import type { PlannedPart } from "../planned";
import { matchVeLocations, type ToddlerLocation, type VeHours, type VeSite } from "../ve-locations";
import type { PartHours } from "../types";
import { RULES, type RuleId } from "./ids";
import type { Formation } from "../formation";

const h = (n: number) => formatDutch(n, 2);

/** A part planned below its norm: an error at the planned figure; `how` says how the norm is made up. */
function reportShort(rule: RuleId, dutch: string, p: PlannedPart | null, need: number | null, how: () => string, tail: string, findings: Findings): void {
  if (need === null || !p || p.value === null || p.value >= need) return;
  findings.add(rule, "error", p.sheet, p.cell, `Gepland ${h(p.value)} uur ${dutch}, nodig is ${h(need)} uur (${how()}); tekort ${h(need - p.value)} uur.${tail}`);
}

export function checkPolicyAndCoaching(
  norm: NormVersion,
  required: PartHours,
  planned: { policy: PlannedPart | null; coaching: PlannedPart | null },
  facts: Facts,
  findings: Findings,
): void {
  reportShort(RULES.POLICY_SHORT, "beleid", planned.policy, required.policy, () => `${formatDutch(norm.beleidsurenPerKindercentrum)} uur × ${formatDutch(facts.centres!.value)} kindercentra`, "", findings);
  reportShort(
    RULES.COACHING_SHORT,
    "coaching",
    planned.coaching,
    required.coaching,
    () => `${formatDutch(norm.coachurenPerFte)} uur × ${formatDutch(facts.fte!.value, 4)} fte`,
    " De wet rondt niet af.",
    findings,
  );
  const missing: [keyof PartHours, string][] = [
    ["policy", "beleid"],
    ["coaching", "coaching"],
  ];
  for (const [part, dutch] of missing) {
    if (required[part] !== null && !planned[part as "policy" | "coaching"]) {
      findings.add(RULES.TABLE_MISSING, "info", null, null, `Geen tabel met geplande uren ${dutch} gevonden; nodig is ${h(required[part]!)} uur. Geef de tabel op in de koppeling als die er wel is.`);
    }
  }
}

/** Up to `max` items, then "…". */
function some(items: string[], max: number): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")}, …`;
}

/** How a location is named in a finding: its name, or the names of its rows (groups) when they differ. */
function siteLabel(site: VeSite): string {
  const names = [...new Set(site.toddlerRows.map((r) => r.name))];
  return names.length === 1 ? names[0] : `${names.slice(0, 3).join("' + '")}${names.length > 3 ? "' + …" : ""}`;
}

/**
 * The cell a shortfall points at: the location's only hours cell; with several rows
 * (groups, per-coach blocks) the first row that is short against the toddlers on that
 * same row, else the first hours row.
 */
function shortCell(site: VeSite, perToddler: number): { sheet: string; row: number; col: number } {
  let withToddlers = false;
  for (const h of site.hoursRows) {
    const own = site.toddlerRows.find((t) => t.sheet === h.sheet && t.row === h.row);
    if (own) withToddlers = true;
    if (own && (h.value ?? 0) < own.toddlers * perToddler) return h;
  }
  // Hours summed over many rows elsewhere (a log): the location's own toddler cell says what it needs.
  if (!withToddlers && site.hoursRows.length > 2 && site.toddlerRows.length > 0) return site.toddlerRows[0];
  return site.hoursRows[0];
}

/**
 * VE per location: the hours rows of one location are summed (groups, per-coach blocks)
 * and compared with the norm × that location's toddlers; never netted across locations.
 */
function checkVePerLocation(
  norm: NormVersion,
  perToddler: number,
  locs: ToddlerLocation[],
  hours: VeHours,
  plannedVe: PlannedPart | null,
  requiredVe: number | null,
  findings: Findings,
): void {
  const perToddlerText = formatDutch(perToddler);
  const m = matchVeLocations(locs, hours.rows);
  const unsure = new Set<VeSite>();
  for (const a of m.ambiguous) {
    for (const s of a.sites) unsure.add(s);
    findings.gap(
      `bij welke VE-locatie rij '${a.row.name}' (${a.row.sheet}!${cellAddress(a.row.row, a.row.col)}) hoort: die past bij ${a.sites.map((s) => `'${siteLabel(s)}'`).join(" en ")}; ` +
        "geef iedere locatie een eigen naam of zet het LRK-nummer in een kolom 'LRK' in beide tabellen",
    );
  }
  const noHours: VeSite[] = [];
  /** VE hours were found, but only as a total (a summary row, a category row without a location): none per location. */
  const onlyTotal = hours.where.length > 0 && hours.rows.length === 0;
  for (const site of m.sites) {
    if (unsure.has(site) || !(site.toddlers > 0) || site.toddlerRows.some((t) => !Number.isInteger(t.toddlers) || t.toddlers < 0)) continue;
    const need = veHours(site.toddlers, norm);
    const label = siteLabel(site);
    const first = site.toddlerRows[0];
    if (site.hoursRows.length === 0) {
      if (hours.where.length === 0 || onlyTotal) {
        noHours.push(site);
        continue;
      }
      findings.at(
        RULES.VE_SHORT,
        "error",
        first.sheet,
        first.row,
        first.col,
        `VE-locatie '${label}' heeft ${formatDutch(site.toddlers, 0)} doelgroeppeuters (nodig ${h(need)} uur), maar bij de VE-uren (${some(hours.where, 3)}) staat geen rij voor deze locatie.`,
      );
      continue;
    }
    const unknown = site.hoursRows.find((x) => x.unknownCol !== null);
    if (unknown) {
      const at = `${unknown.sheet}!${cellAddress(unknown.row, unknown.unknownCol!)}`;
      findings.at(
        RULES.PLANNED_UNKNOWN,
        "warning",
        unknown.sheet,
        unknown.row,
        unknown.unknownCol!,
        `VE-locatie '${label}': de geplande uren zijn onbekend, want deze cel heeft geen bekende waarde (formule zonder opgeslagen uitkomst, foutwaarde, tekst of een negatief getal). Ze zijn niet als 0 geteld; de VE-norm voor deze locatie (${h(need)} uur) is niet gecontroleerd.`,
      );
      findings.gap(`de geplande VE-uren van locatie '${label}' (onbekend, zie de waarschuwing bij ${at})`);
      continue;
    }
    const value = cleanFloat(site.hoursRows.reduce((s, x) => s + (x.value ?? 0), 0));
    if (value >= need) continue;
    const at = shortCell(site, perToddler);
    const rows =
      site.hoursRows.length > 1
        ? ` (som van ${site.hoursRows.length} rijen: ${some(site.hoursRows.map((x) => `${x.sheet}!${cellAddress(x.row, x.col)}`), 4)})`
        : "";
    findings.at(
      RULES.VE_SHORT,
      "error",
      at.sheet,
      at.row,
      at.col,
      `VE-locatie '${label}': gepland ${h(value)} uur${rows}, nodig ${h(need)} uur (${perToddlerText} uur × ${formatDutch(site.toddlers, 0)} doelgroeppeuters); tekort ${h(need - value)} uur. Een overschot op een andere locatie telt hier niet mee.`,
    );
  }
  if (onlyTotal && noHours.length && plannedVe && plannedVe.value !== null) {
    const need = cleanFloat(noHours.reduce((sum, site) => sum + veHours(site.toddlers, norm), 0));
    if (plannedVe.value < need) {
      // Short in total, so short at one location at least, whatever the split.
      findings.add(
        RULES.VE_SHORT,
        "error",
        plannedVe.sheet,
        plannedVe.cell,
        `Gepland ${h(plannedVe.value)} uur VE in totaal, nodig is ${h(need)} uur (${perToddlerText} uur per doelgroeppeuter op ${some(noHours.map((s) => `'${siteLabel(s)}'`), 3)}); tekort ${h(need - plannedVe.value)} uur.`,
      );
    } else if (noHours.length > 1) {
      findings.gap(
        `de geplande VE-uren per locatie: er staat alleen een totaal van ${h(plannedVe.value)} uur VE (${plannedVe.sheet}!${plannedVe.cell}), en de norm geldt per locatie (${some(noHours.map((s) => `'${siteLabel(s)}'`), 3)}); ` +
          "zet de VE-uren per locatie in een tabel of kolom 'VE-uren'",
      );
    }
    return;
  }
  // No VE hours source at all while VE hours are required: completeness already names the missing VE table.
  if (noHours.length && !(plannedVe === null && requiredVe !== null && requiredVe > 0)) {
    findings.gap(
      `de geplande VE-uren per locatie voor ${noHours.length === 1 ? "VE-locatie" : `${formatDutch(noHours.length, 0)} VE-locaties`} ${some(noHours.map((s) => `'${siteLabel(s)}'`), 3)} (geen VE-uren gevonden): ` +
        "geef een VE-urentabel per locatie op (koppeling of paneel: rol 'VE') of een kolom 'VE-uren' in de lijst met locaties",
    );
  }
  const stray = m.unmatched.filter((x) => x.value !== null && x.value > 0);
  if (stray.length) {
    findings.at(
      RULES.TABLE_UNCERTAIN,
      "info",
      stray[0].sheet,
      stray[0].row,
      stray[0].col,
      `VE-uren bij ${some(stray.map((x) => `'${x.name}'`), 3)} horen bij geen locatie met doelgroeppeuters; ze tellen voor geen andere locatie mee.`,
    );
  }
  if (hours.where.length === 0 && requiredVe !== null) {
    findings.add(RULES.TABLE_MISSING, "info", null, null, `Geen VE-urentabel gevonden; nodig is ${h(requiredVe)} uur VE, per locatie ${perToddlerText} uur per doelgroeppeuter.`);
  }
}

export function checkVe(
  norm: NormVersion,
  facts: Facts,
  hours: VeHours,
  plannedVe: PlannedPart | null,
  requiredVe: number | null,
  findings: Findings,
): void {
  const perToddler = norm.veUrenPerDoelgroeppeuter;
  if (perToddler === null) return;
  const locs = facts.toddlerLocations;
  if (locs && locs.length) {
    checkVePerLocation(norm, perToddler, locs, hours, plannedVe, requiredVe, findings);
    return;
  }
  // Only a total number of toddlers: compare totals, and say per location is not checked.
  if (requiredVe !== null && requiredVe > 0) {
    reportShort(RULES.VE_SHORT, "VE", plannedVe, requiredVe, () => `${formatDutch(perToddler)} uur × ${formatDutch(facts.toddlers!.value)} doelgroeppeuters`, "", findings);
    if (!plannedVe) {
      findings.add(RULES.TABLE_MISSING, "info", null, null, `Geen VE-urentabel gevonden; nodig is ${h(requiredVe)} uur VE.`);
    }
    findings.add(
      RULES.TABLE_MISSING,
      "info",
      null,
      null,
      "Geen tabel met doelgroeppeuters per locatie gevonden: de VE-norm geldt per locatie en is nu alleen in totaal gecontroleerd.",
    );
  }
}

/** The formation against the required total (short: error; else its margin) and against the planned total. */
export function checkFormation(
  formation: Formation,
  requiredTotal: number | null,
  plannedTotal: number | null,
  findings: Findings,
): void {
  if (formation.hours === null) return;
  const cell = { sheet: formation.source?.sheet ?? null, cell: formation.source?.cell ?? null };
  // With leave and absence given, the net hours (formation × (1 − pct/100)) are what is available: they decide (docs/regels.md).
  const net = formation.netHours ?? null;
  const pct = formation.leavePercent ? formatDutch(formation.leavePercent.value, 4) : null;
  const margin = net !== null ? formation.netMarginHours ?? null : formation.marginHours;
  const marginFte = net !== null ? formation.netMarginFte ?? null : formation.marginFte;
  const after = net !== null ? `, na ${pct} % verlof en verzuim ${h(net)} uur,` : "";
  if (requiredTotal !== null && margin !== null) {
    if (margin < 0) {
      findings.add(
        RULES.FORMATION_SHORT,
        "error",
        cell.sheet,
        cell.cell,
        `De formatie van ${h(formation.hours)} uur${after} is kleiner dan de ${h(requiredTotal)} uur die nodig zijn; tekort ${h(-margin)} uur (${formatDutch(-marginFte!, 2)} fte).`,
      );
    } else {
      findings.add(
        RULES.FORMATION_MARGIN,
        "info",
        cell.sheet,
        cell.cell,
        `Formatie ${h(formation.hours)} uur${after} tegen ${h(requiredTotal)} uur nodig: marge ${h(margin)} uur (${formatDutch(marginFte!, 2)} fte).`,
      );
    }
  }
  if (plannedTotal !== null && plannedTotal > formation.hours) {
    findings.add(
      RULES.FORMATION_OVERPLANNED,
      "warning",
      cell.sheet,
      cell.cell,
      `Er zijn ${h(plannedTotal)} uur ingepland, meer dan de formatie van ${h(formation.hours)} uur.`,
    );
  }
}
