/**
 * checkWorkbook: reads a workbook snapshot as the user made it (tables, facts, year),
 * computes the legal minimum with shared/calc, and reports what is wrong, each finding
 * pointing at its cell. Host-free; linear in the filled cells.
 */
import * as calc from "../calc";
import { IkkError, isIkkError } from "../errors";
import { cleanFloat, formatDutch } from "../numbers";
import { firstVeNorm, newestNorm, normForYear, normYear, type NormVersion } from "../norms";
import { parseRange, rangeAddress } from "./a1";
import { findFacts, type Facts } from "./facts";
import { Findings, sortFindings } from "./findings";
import { applyColumnMapping, parseMapping, type Mapping } from "./mapping";
import { plannedPart, reportOtherCategories, withLabelledTotal, type Part, type UnknownCells } from "./planned";
import { veHoursPerLocation } from "./ve-locations";
import { mentionsVe, recordGaps, reportIncomplete } from "./completeness";
import { checkCoverage } from "./rules/coverage";
import { LOW_CONFIDENCE } from "./severity";
import { RULES } from "./rules/ids";
import { coachingIntensity, flexWording } from "./rules/info";
import { findGastouderBureau, reportGastouderBureau } from "./rules/gastouder";
import { checkLrk } from "./rules/lrk";
import { checkStatedNorms } from "./rules/stated-norms";
import { checkFormation, checkPolicyAndCoaching, checkVe } from "./rules/norms";
import { checkTableCells } from "./rules/table-cells";
import { indexWorkbook, type SheetIndex } from "./sheet-index";
import { selectSheets } from "./sheet-select";
import type { Table } from "./table-model";
import { columnOfKind, NUMERIC_KINDS, ROLE_DUTCH } from "./table-model";
import { buildTable, detectSheetTables, toDetected } from "./tables";
import type { CheckOptions, CheckResult, Fact, Finding, PartHours, WorkbookSnapshot } from "./types";
import { dutchDate, HOW_TO_SET_YEAR } from "./year";

/** A mapping already parsed by parseMapping (the CLI passes one) or raw JSON to validate. */
function resolveMapping(m: unknown): Mapping | null {
  if (m === undefined || m === null) return null;
  const o = m as Partial<Mapping>;
  if (o.version === 1 && Array.isArray(o.tables) && typeof o.facts === "object") return o as Mapping;
  return parseMapping(m);
}

function mappedTables(mapping: Mapping | null, byName: Map<string, SheetIndex>): Table[] {
  if (!mapping) return [];
  return mapping.tables.map((mt, i) => {
    const ix = byName.get(mt.sheet);
    if (!ix) throw new IkkError("ONGELDIGE_INVOER", `De koppeling noemt blad '${mt.sheet}' (tabellen[${i}].blad), maar dat blad bestaat niet in de werkmap.`);
    const r = parseRange(mt.range)!;
    const headerRows = [r.start.row];
    // A second header row: text only, nothing in the first column.
    const second = ix.filled[r.start.row + 1] ?? [];
    if (
      r.end.row > r.start.row + 1 &&
      second.length > 0 &&
      second[0] > r.start.col &&
      second.every((c) => c > r.end.col || ix.read(r.start.row + 1, c).kind === "text")
    ) {
      headerRows.push(r.start.row + 1);
    }
    const t = buildTable(ix, headerRows, r.start.col, r.end.col, r.end.row, false);
    applyColumnMapping(t, mt);
    t.role = mt.role;
    t.confidence = 1;
    t.reason = `rol '${ROLE_DUTCH[mt.role]}' opgegeven in de koppeling`;
    t.fromMapping = true;
    if (mt.role === "ignored") {
      // Listed with the range as mapped, so the panel can find the entry again.
      t.bottom = r.end.row;
      t.reason = "door de gebruiker genegeerd (rol 'negeren' in de koppeling): niet meegeteld en niet gecontroleerd";
    }
    return t;
  });
}

function overlaps(a: Table, b: Table): boolean {
  return a.sheet === b.sheet && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The mapped tables, plus the detected ones no mapped range overlaps, in sheet order. */
interface TableSet {
  /** Every table, ignored ones included (what the result lists). */
  all: Table[];
  /** The tables the engine reads: all but the ignored ones. */
  active: Table[];
  ignored: Table[];
  /**
   * Parts whose allocation table the mapping gave another role (e.g. the VE table mapped as
   * beleid): their hours count under the new role only, so the part is not filled again
   * from an hours column in a list (the VE toddler table's "uren"), which would count the
   * same hours twice.
   */
  movedParts: Set<Part>;
}

const PARTS: readonly Part[] = ["policy", "coaching", "ve"];

function collectTables(sheets: SheetIndex[], byName: Map<string, SheetIndex>, mapping: Mapping | null): TableSet {
  const mapped = mappedTables(mapping, byName);
  const detectedAll = sheets.flatMap((ix) => detectSheetTables(ix));
  const movedParts = new Set<Part>();
  for (const d of detectedAll) {
    const part = PARTS.find((p) => p === d.role);
    if (part && mapped.some((m) => overlaps(m, d) && m.role !== d.role)) movedParts.add(part);
  }
  const detected = detectedAll.filter((t) => !mapped.some((m) => overlaps(m, t)));
  const all = [...mapped, ...detected].sort(
    (a, b) => byName.get(a.sheet)!.order - byName.get(b.sheet)!.order || a.top - b.top || a.left - b.left,
  );
  return { all, active: all.filter((t) => t.role !== "ignored"), ignored: all.filter((t) => t.role === "ignored"), movedParts };
}

/** Is the finding's cell (or range) inside one of the ignored tables? */
function inIgnored(f: Finding, ignored: Table[]): boolean {
  if (f.sheet === null || f.cell === null || ignored.length === 0) return false;
  const r = parseRange(f.cell.includes(":") ? f.cell : `${f.cell}:${f.cell}`);
  if (!r) return false;
  return ignored.some((t) => t.sheet === f.sheet && r.start.row >= t.top && r.end.row <= t.bottom && r.start.col >= t.left && r.end.col <= t.right);
}

/**
 * A numeric column whose header names only other years ("Uren 2025" in a 2026 plan, a
 * comparison with last year) holds no hours of this year: it becomes a text column, so
 * it is neither summed nor checked, and an info finding says so.
 */
function ignoreOtherYearColumns(tables: Table[], year: number, findings: Findings): void {
  const yearsOf = (header: string) => [...header.matchAll(/(?:^|[^\d])((?:19|20|21)\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  for (const t of tables) {
    // A toddler count dated in another year may be the only count there is; it is left out
    // only when the table also counts them for this year ("Doelgroeppeuters | 2025 | 2026").
    const toddlersThisYear = t.columns.some((c) => c.kind === "toddlers" && yearsOf(c.header).includes(year));
    for (const c of t.columns) {
      if (!NUMERIC_KINDS.has(c.kind) || (c.kind === "toddlers" && !toddlersThisYear)) continue;
      const years = yearsOf(c.header);
      if (years.length === 0 || years.includes(year)) continue;
      c.kind = "text";
      findings.add(
        RULES.TABLE_UNCERTAIN,
        "info",
        t.sheet,
        rangeAddress(t.top, c.col, t.bottom, c.col),
        `De kolom '${c.header}' gaat over ${years.join(", ")}, niet over ${year}; deze uren zijn niet meegeteld.`,
      );
    }
  }
}

/** The facts of a gastouderbureau: no kindercentra, and gastouders are no fte (art. 8 does not apply). */
function withoutArticle8(f: Facts): Facts {
  return { ...f, centres: null, fte: null, toddlers: null, toddlerLocations: null, toddlerLocationsIncomplete: false, staffCount: null };
}

/** Runs a calc function; an IkkError (e.g. 16,5 kindercentra) becomes a finding at the fact's cell. */
function safely(fn: () => number, fact: Fact, findings: Findings): number | null {
  try {
    return fn();
  } catch (e) {
    if (!isIkkError(e)) throw e;
    findings.add(RULES.FACT_INVALID, "error", fact.source.sheet, fact.source.cell, `${e.message} (${fact.source.description})`);
    return null;
  }
}

function requiredHours(facts: Facts, norm: NormVersion, toddlersOverridden: boolean, veApplies: boolean, findings: Findings): PartHours {
  const policy = facts.centres ? safely(() => calc.policyHours(facts.centres!.value, norm), facts.centres, findings) : null;
  const coaching = facts.fte ? safely(() => calc.coachingHours(facts.fte!.value, norm), facts.fte, findings) : null;
  let ve: number | null = null;
  if (norm.veUrenPerDoelgroeppeuter !== null) {
    if (facts.toddlerLocations && !toddlersOverridden) {
      let s = 0;
      let ok = true;
      for (const l of facts.toddlerLocations) {
        const fact: Fact = { value: l.toddlers, source: { kind: "table", sheet: l.sheet, cell: rangeAddress(l.row, l.col, l.row, l.col), description: `VE-locatie '${l.name}'` } };
        const v = safely(() => calc.veHours(l.toddlers, norm), fact, findings);
        if (v === null) ok = false;
        else s += v;
      }
      ve = ok && !facts.toddlerLocationsIncomplete ? cleanFloat(s) : null;
    } else if (facts.toddlers) {
      ve = safely(() => calc.veHours(facts.toddlers!.value, norm), facts.toddlers, findings);
    }
  }
  // A total of parts is never a partial sum: null when a part the law requires is unknown.
  const total = policy !== null && coaching !== null && (ve !== null || !veApplies) ? cleanFloat(policy + coaching + (ve ?? 0)) : null;
  return { policy, coaching, ve, total };
}

function nonNegativeHours(n: number, what: string): number {
  if (n < 0) throw new IkkError("NEGATIEF", `${what} kan niet negatief zijn (kreeg ${formatDutch(n)}).`);
  return n;
}

/** Planned hours that depend on a cell without a known value: unknown, and why. */
function reportUnknownPlanned(u: UnknownCells, dutch: string, findings: Findings): void {
  const rows = u.count === 1 ? "1 rij of cel hangt" : `${formatDutch(u.count, 0)} rijen of cellen hangen`;
  findings.add(
    RULES.PLANNED_UNKNOWN,
    "warning",
    u.sheet,
    u.first,
    `De geplande uren ${dutch} zijn onbekend: in ${u.sheet}!${u.range} ${rows} af van een cel zonder bekende waarde (een formule zonder opgeslagen uitkomst, een foutwaarde of een negatief getal), de eerste is ${u.first}. ` +
      `Ze zijn niet als 0 geteld; de norm voor ${dutch} is daarom niet vergeleken met de planning.`,
  );
}

/** The info text for a VE table in a year before the VE norm; `veNorm` is the first version with one. */
export function veBeforeNormText(year: number, veNorm: NormVersion): string {
  return `Deze VE-tabel hoort bij ${year}; de VE-urennorm (${formatDutch(veNorm.veUrenPerDoelgroeppeuter!)} uur per doelgroeppeuter) geldt pas vanaf 1 januari ${normYear(veNorm)} en is niet toegepast.`;
}

/** The sheets by name; two sheets with one name (a hand-made snapshot) cannot be told apart: a Dutch error. */
function sheetsByName(sheets: SheetIndex[]): Map<string, SheetIndex> {
  const byName = new Map<string, SheetIndex>();
  for (const s of sheets) {
    if (byName.has(s.name)) {
      throw new IkkError("ONGELDIGE_INVOER", `De werkmap heeft meer dan één blad met de naam '${s.name}'; geef ieder blad een eigen naam.`);
    }
    byName.set(s.name, s);
  }
  return byName;
}

export function checkWorkbook(wb: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  if (!wb || !Array.isArray(wb.sheets) || wb.sheets.length === 0) {
    throw new IkkError("ONBRUIKBAAR", "De werkmap bevat geen bladen; er is niets te controleren.");
  }
  // Hidden, archive and other-year sheets are left out before anything is read or voted.
  const { sheets, yearChoice, mapping, report: reportSkippedSheets } = selectSheets(wb, options, resolveMapping(options.mapping));
  const byName = sheetsByName(sheets);
  const year = yearChoice.year;
  // The norm version is resolved once; every figure below comes from it.
  const norm = normForYear(year);
  const findings = new Findings();
  reportSkippedSheets(findings);

  const set = collectTables(sheets, byName, mapping);
  const tables = set.active;

  // Columns of another year never count: typed as text before any fact or hour is read from them.
  ignoreOtherYearColumns(tables, year, findings);

  // A gastouderbureau: no art. 8 norm, gastouders are not PM; its staff list says nothing (rules/gastouder.ts).
  const bureau = findGastouderBureau(sheets, options.overrides?.centres !== undefined || mapping?.facts.centres !== undefined);
  const found = findFacts(sheets, tables, options, mapping, year, norm, bureau ? new Findings() : findings, set.ignored);
  const facts: Facts = bureau ? withoutArticle8(found) : found;
  const anyWorkbookFact = bureau !== null || [facts.centres, facts.fte, facts.toddlers, facts.formationHours, facts.formationFte, facts.sites].some(
    (f) => f !== null && f.source.kind !== "override",
  );
  if (tables.length === 0 && !anyWorkbookFact) {
    throw new IkkError(
      "ONBRUIKBAAR",
      "Geen herkenbare urentabellen of gegevens gevonden (zoals een tabel met 'Locatie' en 'Totaal', of 'Aantal LRK-registraties'). Geef de tabellen op in een koppeling.",
    );
  }

  if (yearChoice.doubt) findings.add(RULES.YEAR_CONFLICT, "warning", null, null, yearChoice.doubt);
  if (!yearChoice.known) {
    const newest = newestNorm();
    findings.add(
      RULES.YEAR_UNKNOWN,
      "info",
      null,
      null,
      `Geen jaar gevonden: er is geen jaar opgegeven en de werkmap noemt geen peildatum of jaartal. Toegepast is de nieuwste normversie, ` +
        `geldig vanaf ${dutchDate(newest.from)}; daarom staat als jaar ${year} (de regels zijn voor elk jaar vanaf ${year} gelijk). ` +
        `Geef het jaar op ${HOW_TO_SET_YEAR}.`,
    );
  }

  // Cell rules per table.
  for (const t of tables) {
    checkTableCells(byName.get(t.sheet)!, t, findings);
    if (t.role === "ve-toddlers" && !columnOfKind(t, "toddlers")) {
      findings.add(
        RULES.TABLE_UNCERTAIN,
        "warning",
        t.sheet,
        rangeAddress(t.top, t.left, t.bottom, t.right),
        "Deze tabel heeft de rol VE-peuters, maar geen kolom met het aantal doelgroeppeuters (een kop met 'doelgroeppeuters' of 'peuters'); de doelgroeppeuters zijn hier niet geteld.",
      );
    }
    if (!t.fromMapping && t.confidence < LOW_CONFIDENCE) {
      findings.add(
        RULES.TABLE_UNCERTAIN,
        "info",
        t.sheet,
        rangeAddress(t.top, t.left, t.bottom, t.right),
        `Van deze tabel is niet zeker waar hij over gaat (${t.reason}); geef de rol op in de koppeling.`,
      );
    }
  }
  checkLrk(tables, byName, findings);
  if (!bureau) checkCoverage(tables, byName, options, findings);

  // VE before the VE norm.
  const veNorm = norm.veUrenPerDoelgroeppeuter !== null;
  if (!veNorm) {
    for (const t of tables) {
      if (t.role === "ve" || t.role === "ve-toddlers") {
        findings.add(
          RULES.VE_BEFORE_NORM,
          "info",
          t.sheet,
          rangeAddress(t.top, t.left, t.bottom, t.right),
          veBeforeNormText(year, firstVeNorm()),
        );
      }
    }
  }

  // Missing inputs.
  if (bureau) reportGastouderBureau(bureau, year, findings);
  else if (!facts.centres) {
    const sites = facts.sites ? ` Er staat wel '${formatDutch(facts.sites.value)}' locaties (${facts.sites.source.description}), maar locaties zijn geen kindercentra: tel de LRK-registraties.` : "";
    findings.add(RULES.FACT_MISSING, "warning", null, null, `Het aantal kindercentra (LRK-registraties) is niet gevonden; de beleidsuren zijn niet berekend.${sites}`);
  }
  if (!facts.fte && !bureau) {
    findings.add(RULES.FACT_MISSING, "warning", null, null, "Het aantal fte pedagogisch medewerkers is niet gevonden (geen cel met 'fte' en geen personeelslijst met uren per week); de coachuren zijn niet berekend.");
  }
  if (veNorm && !facts.toddlers && tables.some((t) => t.role === "ve")) {
    findings.add(RULES.FACT_MISSING, "warning", null, null, "Er is een VE-urentabel, maar het aantal doelgroeppeuters is niet gevonden; de VE-norm is niet gecontroleerd.");
  }

  const toddlersOverridden = options.overrides?.toddlers !== undefined || (mapping?.facts.toddlers !== undefined);
  const veApplies = !bureau && veNorm && mentionsVe(sheets, tables, facts);
  const required = requiredHours(facts, norm, toddlersOverridden, veApplies, findings);
  checkStatedNorms(sheets, required, findings);

  const listsFor = (part: Part) => !set.movedParts.has(part);
  const planOf = (part: Part) => withLabelledTotal(part, plannedPart(part, tables, byName, listsFor(part)), facts.plannedLabels[part], findings);
  const pPolicy = planOf("policy");
  const pCoaching = planOf("coaching");
  const pVe = veNorm ? planOf("ve") : null;
  reportOtherCategories(tables, byName, findings);
  // The total of the parts the law requires; null (never a partial sum) when one of them is unknown.
  const requiredParts = veApplies ? [pPolicy, pCoaching, pVe] : [pPolicy, pCoaching, ...(pVe && pVe.value !== null ? [pVe] : [])];
  const planned: PartHours = {
    policy: pPolicy ? pPolicy.value : null,
    coaching: pCoaching ? pCoaching.value : null,
    ve: pVe ? pVe.value : null,
    total: requiredParts.every((p) => p !== null && p.value !== null) ? cleanFloat(requiredParts.reduce((s, p) => s + p!.value!, 0)) : null,
  };
  for (const [p, dutch] of [[pPolicy, "beleid"], [pCoaching, "coaching"], [pVe, "VE"]] as const) {
    if (p && p.value === null && p.unknown) reportUnknownPlanned(p.unknown, dutch, findings);
  }

  checkPolicyAndCoaching(norm, required, { policy: pPolicy, coaching: pCoaching }, facts, findings);
  if (veNorm) checkVe(norm, facts, veHoursPerLocation(tables, byName, listsFor("ve")), pVe, required.ve, findings);

  // Formation.
  const fteHours = norm.urenPerFteWeek * norm.formatieWekenPerJaar;
  // A negative formation (hours or fte) is a finding at its cell, never a crash or a margin.
  const fHoursFact = facts.formationHours;
  let fHours: number | null = fHoursFact ? safely(() => nonNegativeHours(fHoursFact.value, "De formatie in uren"), fHoursFact, findings) : null;
  let fSource = fHours !== null ? fHoursFact!.source : null;
  const fFteFact = facts.formationFte;
  const fteHoursFromFte = fFteFact ? safely(() => calc.formationHours(fFteFact.value, undefined, undefined, norm), fFteFact, findings) : null;
  if (fHours === null && !fHoursFact && fteHoursFromFte !== null) {
    fHours = fteHoursFromFte;
    fSource = { ...fFteFact!.source, description: `${fFteFact!.source.description} × ${formatDutch(norm.urenPerFteWeek)} × ${formatDutch(norm.formatieWekenPerJaar)}` };
  }
  const fFte = fFteFact && fteHoursFromFte !== null ? fFteFact.value : fHours !== null ? cleanFloat(fHours / fteHours) : null;
  const marginHours = fHours !== null && required.total !== null ? cleanFloat(fHours - required.total) : null;
  const formation = {
    hours: fHours,
    fte: fFte,
    marginHours,
    marginFte: marginHours !== null ? cleanFloat(marginHours / fteHours) : null,
    source: fSource,
  };
  checkFormation(formation, { sheet: fSource?.sheet ?? null, cell: fSource?.cell ?? null }, required.total, planned.total, findings);

  coachingIntensity(pCoaching, facts.staffCount, findings);
  flexWording(sheets, norm, findings);

  if (!bureau) {
    recordGaps(
      { yearKnown: yearChoice.known, facts, required, planned: { policy: pPolicy, coaching: pCoaching, ve: pVe }, veApplies, tables },
      findings,
    );
  }
  reportIncomplete(findings);

  return {
    year,
    yearSource: yearChoice.source,
    yearKnown: yearChoice.known,
    inputs: { centres: facts.centres, fte: facts.fte, targetToddlers: facts.toddlers },
    required,
    planned,
    formation,
    tables: set.all.map(toDetected),
    findings: sortFindings(
      findings.list.filter((f) => !inIgnored(f, set.ignored)),
      new Map(sheets.map((s) => [s.name, s.order] as const)),
    ),
    complete: findings.gaps.length === 0,
    missing: [...findings.gaps],
  };
}

/** The tables the detector (and mapping, if given) finds, without running the rules. */
export function detectTables(wb: WorkbookSnapshot, mapping?: unknown) {
  const sheets = indexWorkbook(wb);
  const byName = sheetsByName(sheets);
  return collectTables(sheets, byName, resolveMapping(mapping)).all.map(toDetected);
}
