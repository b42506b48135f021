/**
 * checkWorkbook: reads a workbook snapshot as the user made it (tables, facts, year),
 * computes the legal minimum with shared/calc, and reports what is wrong, each finding
 * pointing at its cell. Host-free; linear in the filled cells.
 *
 * The check is a pipeline of named steps: select the sheets and the year (and the norm
 * version, resolved once), collect the tables, read the facts, report on the tables and
 * the inputs, then required hours, planned hours, the norm rules, the formation, and the
 * completeness of it all.
 */
import { IkkError } from "../errors";
import { cleanFloat, formatDutch, limitProblem, quantityProblem, type Quantity } from "../numbers";
import { firstVeNorm, newestNorm, normForYear, normYear, type NormVersion } from "../norms";
import { rangeAddress } from "./a1";
import { assertCellBudget } from "./budgets";
import { findFacts, type Facts } from "./facts";
import { Findings, sortFindings } from "./findings";
import { formationOf, type Formation } from "./formation";
import { withMappingOptions, type Mapping } from "./mapping";
import { atTypedTotal, plannedPart, reportOtherCategories, withLabelledTotal, type Part, type PlannedPart, type UnknownCells } from "./planned";
import { requiredHours } from "./required";
import { veHoursPerLocation } from "./ve-locations";
import { alertMonth, checkRealisation, markRealisation, referenceDate, type RealisationSources } from "./realisation";
import { mentionsVe, recordGaps, reportIncomplete } from "./completeness";
import { turnBlocks, unturnResult, unturnTables } from "./transposed";
import { checkCoverage } from "./rules/coverage";
import { LOW_CONFIDENCE } from "./severity";
import { RULES } from "./rules/ids";
import { coachingIntensity, flexWording } from "./rules/info";
import { findGastouderBureau, reportGastouderBureau, type GastouderBureau } from "./rules/gastouder";
import { checkLrk } from "./rules/lrk";
import { checkStatedNorms } from "./rules/stated-norms";
import { checkFormation, checkPolicyAndCoaching, checkVe } from "./rules/norms";
import { checkTableCells } from "./rules/table-cells";
import { indexWorkbook, type SheetIndex } from "./sheet-index";
import { selectSheets } from "./sheet-select";
import type { Table } from "./table-model";
import { columnOfKind } from "./table-model";
import { collectTables, ignoreOtherYearColumns, inIgnored, resolveMapping, type TableSet } from "./table-set";
import { toDetected } from "./tables";
import type { CheckOptions, CheckResult, Fact, PartHours, WorkbookSnapshot } from "./types";
import { dutchDate, HOW_TO_SET_YEAR, type YearChoice } from "./year";

/** What every step of one check shares: the sheets, the year and its norm version, the findings. */
interface Check {
  sheets: SheetIndex[];
  byName: Map<string, SheetIndex>;
  options: CheckOptions;
  mapping: Mapping | null;
  yearChoice: YearChoice;
  year: number;
  /** The norm version of `year`, resolved once; every figure comes from it. */
  norm: NormVersion;
  /** The VE hours norm applies to this year. */
  veNorm: boolean;
  findings: Findings;
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

/** The sheets that count and the year. Hidden, archive and other-year sheets are left out before anything is read or voted. */
function startCheck(wb: WorkbookSnapshot, options: CheckOptions): Check {
  if (!wb || !Array.isArray(wb.sheets) || wb.sheets.length === 0) {
    throw new IkkError("ONBRUIKBAAR", "De werkmap bevat geen bladen; er is niets te controleren.");
  }
  const { sheets, yearChoice, mapping, report: reportSkippedSheets } = selectSheets(wb, options, resolveMapping(options.mapping));
  const byName = sheetsByName(sheets);
  const year = yearChoice.year;
  const norm = normForYear(year);
  const findings = new Findings();
  reportSkippedSheets(findings);
  return { sheets, byName, options, mapping, yearChoice, year, norm, veNorm: norm.veUrenPerDoelgroeppeuter !== null, findings };
}

/**
 * The tables the check reads; columns of another year are typed as text before any fact or
 * hour is read from them, and realisation tables (hours spent) get their role first, so
 * their hours never count as planned.
 */
function readTables(c: Check): { set: TableSet; realisation: RealisationSources } {
  const set = collectTables(c.sheets, c.byName, c.mapping);
  ignoreOtherYearColumns(set.active, c.year, c.findings);
  const realisation = markRealisation(c.sheets, set.active, c.byName);
  return { set, realisation };
}

/** The facts of a gastouderbureau: no kindercentra, and gastouders are no fte (art. 8 does not apply). */
function withoutArticle8(f: Facts): Facts {
  return { ...f, centres: null, fte: null, toddlers: null, toddlerLocations: null, toddlerLocationsIncomplete: false, staffCount: null };
}

/** The norm inputs; a gastouderbureau (rules/gastouder.ts) has none under art. 8, and its staff list says nothing. */
function readFacts(c: Check, set: TableSet): { facts: Facts; bureau: GastouderBureau | null } {
  const bureau = findGastouderBureau(c.sheets, c.options.overrides?.centres !== undefined || c.mapping?.facts.centres !== undefined);
  const found = findFacts(c.sheets, set.active, c.options, c.mapping, c.year, c.norm, bureau ? new Findings() : c.findings, set.ignored);
  return { facts: bureau ? withoutArticle8(found) : found, bureau };
}

/** The facts bounded like every input (numbers.ts LIMITS), with the quantity each one is. */
const FACT_QUANTITY: ReadonlyArray<[key: "centres" | "fte" | "toddlers" | "formationHours" | "formationFte" | "sites", quantity: Quantity, dutch: string]> = [
  ["centres", "centres", "het aantal kindercentra"],
  ["fte", "fte", "het aantal fte pedagogisch medewerkers"],
  ["toddlers", "toddlers", "het aantal doelgroeppeuters"],
  ["formationHours", "hours", "de formatie in uren"],
  ["formationFte", "fte", "de formatie in fte"],
  ["sites", "centres", "het aantal locaties"],
];

/** Where a fact came from, for messages: "Blad!B3" or its description (an option, the mapping). */
const factPlace = (f: Fact) => (f.source.sheet && f.source.cell ? `${f.source.sheet}!${f.source.cell}` : f.source.description);

/**
 * Facts above the sane bound of their quantity (1e308 in a cell, an LRK number typed as the
 * number of kindercentra) are refused: an error at the fact's cell, and the fact is left out
 * (unknown, so the check is incomplete, never computed with it). Returns the keys refused.
 */
function boundFacts(f: Facts, findings: Findings): { facts: Facts; refused: Set<string> } {
  const refused = new Set<string>();
  const out: Facts = { ...f, plannedLabels: { ...f.plannedLabels }, totalLabels: { ...f.totalLabels } };
  const refuse = (fact: Fact, quantity: Quantity, dutch: string, whole: boolean): boolean => {
    const problem = whole ? quantityProblem(fact.value, quantity, `${dutch} (${factPlace(fact)})`) : limitProblem(fact.value, quantity, `${dutch} (${factPlace(fact)})`);
    if (!problem) return false;
    findings.add(RULES.FACT_INVALID, "error", fact.source.sheet, fact.source.cell, `${problem} Dit gegeven is niet gebruikt.`);
    return true;
  };
  for (const [key, quantity, dutch] of FACT_QUANTITY) {
    const fact = out[key];
    // Whole counts are checked where they are read (a fractional count has its own finding); here the bound.
    if (fact && refuse(fact, quantity, dutch, false)) {
      out[key] = null;
      refused.add(key);
    }
  }
  for (const labels of [out.plannedLabels, out.totalLabels]) {
    for (const part of ["policy", "coaching", "ve"] as const) {
      const fact = labels[part];
      if (fact && refuse(fact, "hours", "het aantal uren", false)) labels[part] = null;
    }
  }
  if (out.toddlerLocations) {
    const bad = out.toddlerLocations.find((l) => limitProblem(l.toddlers, "toddlers", "") !== null);
    if (bad) {
      findings.at(RULES.FACT_INVALID, "error", bad.sheet, bad.row, bad.col, `${limitProblem(bad.toddlers, "toddlers", `het aantal doelgroeppeuters van '${bad.name}'`)} Dit gegeven is niet gebruikt.`);
      out.toddlerLocations = out.toddlerLocations.filter((l) => limitProblem(l.toddlers, "toddlers", "") === null);
      out.toddlerLocationsIncomplete = true;
    }
  }
  if (out.staffCount !== null && limitProblem(out.staffCount, "staff", "") !== null) out.staffCount = null;
  return { facts: out, refused };
}

/** Neither a table nor a fact from the workbook: nothing to check, a Dutch error. */
function requireSomethingToCheck(tables: Table[], facts: Facts, bureau: GastouderBureau | null): void {
  const anyWorkbookFact =
    bureau !== null ||
    [facts.centres, facts.fte, facts.toddlers, facts.formationHours, facts.formationFte, facts.sites].some((f) => f !== null && f.source.kind !== "override");
  if (tables.length === 0 && !anyWorkbookFact) {
    throw new IkkError(
      "ONBRUIKBAAR",
      "Geen herkenbare urentabellen of gegevens gevonden (zoals een tabel met 'Locatie' en 'Totaal', of 'Aantal LRK-registraties'). Geef de tabellen op in een koppeling.",
    );
  }
}

/** Doubt about the year, or no year at all (then the newest norm version applies). */
function reportYear(c: Check): void {
  const { yearChoice, year, findings } = c;
  if (yearChoice.doubt) findings.add(RULES.YEAR_CONFLICT, "warning", null, null, yearChoice.doubt);
  if (yearChoice.known) return;
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

/** The info text for a VE table in a year before the VE norm; `veNorm` is the first version with one. */
export function veBeforeNormText(year: number, veNorm: NormVersion): string {
  return `Deze VE-tabel hoort bij ${year}; de VE-urennorm (${formatDutch(veNorm.veUrenPerDoelgroeppeuter!)} uur per doelgroeppeuter) geldt pas vanaf 1 januari ${normYear(veNorm)} en is niet toegepast.`;
}

/** The rules on the tables themselves: cells, roles in doubt, LRK numbers, coverage of staff, VE before the VE norm. */
function reportTables(c: Check, tables: Table[], bureau: GastouderBureau | null): void {
  const { findings } = c;
  for (const t of tables) {
    checkTableCells(c.byName.get(t.sheet)!, t, findings);
    const where = rangeAddress(t.top, t.left, t.bottom, t.right);
    if (t.role === "ve-toddlers" && !columnOfKind(t, "toddlers")) {
      findings.add(
        RULES.TABLE_UNCERTAIN,
        "warning",
        t.sheet,
        where,
        "Deze tabel heeft de rol VE-peuters, maar geen kolom met het aantal doelgroeppeuters (een kop met 'doelgroeppeuters' of 'peuters'); de doelgroeppeuters zijn hier niet geteld.",
      );
    }
    if (!t.fromMapping && t.confidence < LOW_CONFIDENCE) {
      findings.add(RULES.TABLE_UNCERTAIN, "info", t.sheet, where, `Van deze tabel is niet zeker waar hij over gaat (${t.reason}); geef de rol op in de koppeling.`);
    }
  }
  checkLrk(tables, c.byName, findings);
  if (!bureau) checkCoverage(tables, c.byName, c.options, findings);
  if (c.veNorm) return;
  for (const t of tables) {
    if (t.role === "ve" || t.role === "ve-toddlers") {
      findings.add(RULES.VE_BEFORE_NORM, "info", t.sheet, rangeAddress(t.top, t.left, t.bottom, t.right), veBeforeNormText(c.year, firstVeNorm()));
    }
  }
}

/** An input the law needs and the workbook does not give: a warning per input (a gastouderbureau: its own info). */
function reportMissingInputs(c: Check, tables: Table[], facts: Facts, bureau: GastouderBureau | null, refused: Set<string>): void {
  const { findings } = c;
  if (bureau) {
    reportGastouderBureau(bureau, c.year, findings);
  } else if (!facts.centres && !refused.has("centres")) {
    const sites = facts.sites ? ` Er staat wel '${formatDutch(facts.sites.value)}' locaties (${facts.sites.source.description}), maar locaties zijn geen kindercentra: tel de LRK-registraties.` : "";
    findings.add(RULES.FACT_MISSING, "warning", null, null, `Het aantal kindercentra (LRK-registraties) is niet gevonden; de beleidsuren zijn niet berekend.${sites}`);
  }
  if (!facts.fte && !bureau && !refused.has("fte")) {
    findings.add(RULES.FACT_MISSING, "warning", null, null, "Het aantal fte pedagogisch medewerkers is niet gevonden (geen cel met 'fte' en geen personeelslijst met uren per week); de coachuren zijn niet berekend.");
  }
  if (c.veNorm && !facts.toddlers && !refused.has("toddlers") && tables.some((t) => t.role === "ve")) {
    findings.add(RULES.FACT_MISSING, "warning", null, null, "Er is een VE-urentabel, maar het aantal doelgroeppeuters is niet gevonden; de VE-norm is niet gecontroleerd.");
  }
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

/** Planned hours above the bound for hours (numbers.ts LIMITS): an error at the total, and unknown (never compared). */
function boundPlanned(p: PlannedPart | null, dutch: string, findings: Findings): PlannedPart | null {
  if (!p || p.value === null) return p;
  const problem = limitProblem(p.value, "hours", `het totaal van de geplande uren ${dutch} (${p.sheet}!${p.cell})`);
  if (!problem) return p;
  findings.add(RULES.FACT_INVALID, "error", p.sheet, p.cell.split(":")[0], `${problem} Deze uren zijn niet met de norm vergeleken.`);
  return { ...p, value: null };
}

interface Planned {
  parts: Record<Part, PlannedPart | null>;
  hours: PartHours;
}

/** The planned hours per part (VE only under the VE norm) and their total; unknown parts are reported. */
function plannedHours(c: Check, set: TableSet, facts: Facts, veApplies: boolean): Planned {
  const tables = set.active;
  const planOf = (part: Part) =>
    atTypedTotal(withLabelledTotal(part, plannedPart(part, tables, c.byName, !set.movedParts.has(part)), facts.plannedLabels[part], c.findings), facts.totalLabels[part]);
  const policy = boundPlanned(planOf("policy"), "beleid", c.findings);
  const coaching = boundPlanned(planOf("coaching"), "coaching", c.findings);
  const ve = c.veNorm ? boundPlanned(planOf("ve"), "VE", c.findings) : null;
  reportOtherCategories(tables, c.byName, c.findings);
  // The total of the parts the law requires; null (never a partial sum) when one of them is unknown.
  const requiredParts = veApplies ? [policy, coaching, ve] : [policy, coaching, ...(ve && ve.value !== null ? [ve] : [])];
  const hours: PartHours = {
    policy: policy ? policy.value : null,
    coaching: coaching ? coaching.value : null,
    ve: ve ? ve.value : null,
    total: requiredParts.every((p) => p !== null && p.value !== null) ? cleanFloat(requiredParts.reduce((s, p) => s + p!.value!, 0)) : null,
  };
  for (const [p, dutch] of [[policy, "beleid"], [coaching, "coaching"], [ve, "VE"]] as const) {
    if (p && p.value === null && p.unknown) reportUnknownPlanned(p.unknown, dutch, c.findings);
  }
  return { parts: { policy, coaching, ve }, hours };
}

/** The result as the hosts and the CLI read it; findings inside ignored tables dropped, the rest in order. */
function assembleResult(c: Check, set: TableSet, facts: Facts, required: PartHours, planned: PartHours, formation: Formation, realisation: CheckResult["realisation"]): CheckResult {
  return {
    year: c.year,
    yearSource: c.yearChoice.source,
    yearKnown: c.yearChoice.known,
    inputs: { centres: facts.centres, fte: facts.fte, targetToddlers: facts.toddlers },
    required,
    planned,
    formation,
    tables: set.all.map(toDetected),
    findings: sortFindings(
      c.findings.list.filter((f) => !inIgnored(f, set.ignored)),
      new Map(c.sheets.map((s) => [s.name, s.order] as const)),
    ),
    complete: c.findings.gaps.length === 0,
    missing: [...c.findings.gaps],
    realisation,
  };
}

export function checkWorkbook(wb: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  // Tables with the locations as columns are read turned on their side (transposed.ts).
  // The mapping is parsed once here; startCheck takes the parsed one as it is.
  // Budgets first (budgets.ts): nothing is turned, indexed or detected in a snapshot above them.
  assertCellBudget(wb);
  const mapping = resolveMapping(options.mapping);
  const turned = turnBlocks(wb, mappedSheetNames(mapping));
  // The mapping's `opties` (count BBL, policy officer on the group) apply wherever the
  // mapping comes from (CLI --map, the panel's stored mapping); a given option wins.
  const given = mapping === null ? options : { ...withMappingOptions(options, mapping).options, mapping };
  return unturnResult(checkSheets(turned.workbook, given), turned.blocks);
}

/** The sheets a mapping names: the user placed its ranges there as the sheet is, so it is not turned. */
function mappedSheetNames(m: Mapping | null): Set<string> {
  return new Set([...(m?.tables ?? []).map((t) => t.sheet), ...Object.values(m?.facts ?? {}).flatMap((f) => (f && typeof f === "object" ? [f.blad] : []))]);
}

function checkSheets(wb: WorkbookSnapshot, options: CheckOptions): CheckResult {
  // The realisation options are checked before any work (a Dutch error for a date that does not exist).
  referenceDate(options);
  alertMonth(options);
  const c = startCheck(wb, options);
  const { findings, norm } = c;
  const { set, realisation: realisationSources } = readTables(c);
  const tables = set.active;
  const read = readFacts(c, set);
  const bureau = read.bureau;
  requireSomethingToCheck(tables, read.facts, bureau);
  const { facts, refused } = boundFacts(read.facts, findings);

  reportYear(c);
  reportTables(c, tables, bureau);
  reportMissingInputs(c, tables, facts, bureau, refused);

  const toddlersOverridden = options.overrides?.toddlers !== undefined || c.mapping?.facts.toddlers !== undefined;
  const veApplies = !bureau && c.veNorm && mentionsVe(c.sheets, tables, facts);
  // From 2022 the toddlers are an input of the law: a workbook silent on VE leaves it unknown (0 must be said).
  const veSilent = !bureau && c.veNorm && !veApplies;
  const required = requiredHours(facts, norm, toddlersOverridden, veApplies || veSilent, findings);
  checkStatedNorms(c.sheets, required, findings);

  // Planned VE is a required part unless the law needs none (0 doelgroeppeuters said).
  const planned = plannedHours(c, set, facts, (veApplies || veSilent) && required.ve !== 0);
  checkPolicyAndCoaching(norm, required, planned.parts, facts, findings);
  if (c.veNorm) checkVe(norm, facts, veHoursPerLocation(tables, c.byName, !set.movedParts.has("ve")), planned.parts.ve, required.ve, findings);

  const formation = formationOf(facts, norm, required.total, findings);
  checkFormation(formation, required.total, planned.hours.total, findings);

  coachingIntensity(planned.parts.coaching, facts.staffCount, findings);
  flexWording(c.sheets, norm, findings);

  // The hours spent against the plan (issue 12); reads nothing the figures above depend on.
  const realisation = checkRealisation({
    year: c.year,
    options,
    tables,
    byName: c.byName,
    sources: realisationSources,
    planned: planned.hours,
    required,
    facts,
    veNorm: bureau ? null : norm.veUrenPerDoelgroeppeuter,
    movedParts: set.movedParts,
    findings,
  });

  if (!bureau) recordGaps({ yearKnown: c.yearChoice.known, facts, required, planned: planned.parts, veApplies, veSilent, tables }, findings);
  reportIncomplete(findings);

  return assembleResult(c, set, facts, required, planned.hours, formation, realisation);
}

/** The tables the detector (and mapping, if given) finds, without running the rules. */
export function detectTables(wb: WorkbookSnapshot, mapping?: unknown) {
  assertCellBudget(wb);
  const parsed = resolveMapping(mapping);
  const turned = turnBlocks(wb, mappedSheetNames(parsed));
  const sheets = indexWorkbook(turned.workbook);
  const byName = sheetsByName(sheets);
  return unturnTables(collectTables(sheets, byName, parsed).all.map(toDetected), turned.blocks);
}
