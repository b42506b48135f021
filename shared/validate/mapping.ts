/**
 * The user's mapping (koppeling): which range of which sheet is which table, and which
 * cells hold the norm inputs, for workbooks the detector cannot read on its own.
 * Format: see MAPPING.md. Validated with zod/mini (zod 4's tree-shakable API: the task
 * pane and the sidebar bundle this file); a bad mapping is an IkkError with a Dutch
 * message naming the field.
 */
import * as z from "zod/mini";
import { IkkError } from "../errors";
import { parseCell, parseRange } from "./a1";
import { assertMappingBudget } from "./budgets";
import type { ColumnKind, Table } from "./table-model";
import type { TableRole } from "./types";

/** Dutch role names of the mapping, and the English TableRole each stands for. */
export const MAPPING_ROLES: Record<string, TableRole> = {
  beleid: "policy",
  coaching: "coaching",
  ve: "ve",
  "ve-peuters": "ve-toddlers",
  personeel: "staff",
  locaties: "locations",
  /** A long list whose category column says per row whether the hours are beleid, coaching or VE. */
  gemengd: "mixed",
  /** Hours spent (realisatie): read as realised, never as planned hours. */
  realisatie: "realisation",
  /** The user's "negeren": the engine skips the table entirely. */
  negeren: "ignored",
};

/** The Dutch mapping name of a role (inverse of MAPPING_ROLES). */
export function mappingRoleName(role: TableRole): string | null {
  for (const [k, v] of Object.entries(MAPPING_ROLES)) if (v === role) return k;
  return null;
}

const ROLE_NAMES = [...Object.keys(MAPPING_ROLES), "policy", "ve-toddlers", "staff", "locations", "mixed", "realisation", "ignored"] as const;

/** Dutch names of a single column's role (`"kolommen": { "E": "coaching" }`) and the column kind each stands for. */
export const COLUMN_ROLES: Record<string, ColumnKind> = {
  beleid: "policy",
  coaching: "coaching",
  ve: "ve",
  uren: "hours",
  totaal: "total",
  lrk: "lrk",
  doelgroeppeuters: "toddlers",
  fte: "fte",
  "uren-per-week": "weekly",
  "gewerkt-per-week": "worked",
  naam: "name",
  categorie: "category",
  negeren: "text",
};

const columnLetter = z.string().check(z.refine((s) => /^\s*[A-Za-z]{1,3}\s*$/.test(s), { message: "moet een kolomletter zijn, zoals D" }));

const cellRef = z.strictObject({
  blad: z.string().check(z.minLength(1)),
  cel: z.string().check(z.refine((s) => parseCell(s) !== null, { message: "moet een celadres zijn, zoals B4" })),
});
const factValue = z.union([z.number().check(z.nonnegative()), cellRef]);

const schema = z.strictObject({
  versie: z.literal(1),
  jaar: z.optional(z.int().check(z.gte(1900), z.lte(9999))),
  tabellen: z.optional(
    z.array(
      z.strictObject({
        blad: z.string().check(z.minLength(1)),
        bereik: z.string().check(
          z.refine((s) => /^\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+$/.test(s.trim()) && parseRange(s.trim()) !== null, {
            message: "moet een bereik zijn, zoals A3:F20",
          }),
        ),
        rol: z.optional(z.enum(ROLE_NAMES)),
        categorie: z.optional(columnLetter),
        kolommen: z.optional(z.record(columnLetter, z.enum(Object.keys(COLUMN_ROLES) as [string, ...string[]]))),
      }),
    ),
  ),
  feiten: z.optional(
    z.strictObject({
      kindercentra: z.optional(factValue),
      fte: z.optional(factValue),
      doelgroeppeuters: z.optional(factValue),
      formatie_uren: z.optional(factValue),
    }),
  ),
  /** The unverified counting rules (domain.md, "Who counts in the fte"); a CLI flag wins over them. */
  opties: z.optional(
    z.strictObject({
      bbl: z.optional(z.boolean()),
      pbmOpGroep: z.optional(z.boolean()),
    }),
  ),
});

export type MappingFact = number | { blad: string; cel: string };

export interface MappingTable {
  sheet: string;
  range: string;
  role: TableRole;
  /** The category column (0-based), for a list whose rows say beleid, coaching or VE. */
  category?: number;
  /** The kind of single columns (0-based column → kind), set by the user. */
  columns?: Record<number, ColumnKind>;
}

export interface Mapping {
  version: 1;
  year?: number;
  tables: MappingTable[];
  facts: {
    centres?: MappingFact;
    fte?: MappingFact;
    toddlers?: MappingFact;
    formationHours?: MappingFact;
  };
  /** `opties`: count BBL students / a beleidsmedewerker on the group in the fte (absent = not set). */
  options?: MappingOptions;
}

export interface MappingOptions {
  countBbl?: boolean;
  countPolicyOfficerOnGroup?: boolean;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? String(p) : `.${String(p)}`;
  return s || "(hoofdniveau)";
}

/** Dutch names of the types zod reports as expected. */
const TYPE_DUTCH: Record<string, string> = {
  number: "een getal",
  int: "een geheel getal",
  string: "tekst",
  object: "een object { ... }",
  array: "een lijst [ ... ]",
  boolean: "true of false",
};

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "ontbreekt" : `heeft het verkeerde type (verwacht: ${TYPE_DUTCH[issue.expected] ?? issue.expected})`;
    case "invalid_value":
      return `moet een van deze waarden zijn: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `bevat onbekende velden: ${issue.keys.join(", ")}`;
    case "too_small":
      if (issue.origin === "string") return "mag niet leeg zijn";
      return `is te klein (minimaal ${String(issue.minimum)})`;
    case "too_big":
      return `is te groot (maximaal ${String(issue.maximum)})`;
    case "invalid_union":
      return "moet een getal zijn of een cel als { \"blad\": \"...\", \"cel\": \"B4\" }";
    default:
      return issue.message;
  }
}

/** Validates a mapping (parsed JSON). Throws IkkError with a Dutch message naming the field. */
export function parseMapping(input: unknown): Mapping {
  // Counted before zod walks the entries: a document can carry a hostile mapping.
  assertMappingBudget(input);
  // reportInput: tells a missing field ("ontbreekt") from one of the wrong type.
  const r = z.safeParse(schema, input, { reportInput: true });
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new IkkError("ONGELDIGE_INVOER", `De koppeling is ongeldig: veld '${fieldPath(issue.path)}' ${issueText(issue)}.`);
  }
  const m = r.data;
  const toRole = (rol: string): TableRole => MAPPING_ROLES[rol] ?? (rol as TableRole);
  const out: Mapping = {
    version: 1,
    year: m.jaar,
    tables: (m.tabellen ?? []).map((t, i) => mappingTable(t, i, toRole)),
    facts: {
      centres: m.feiten?.kindercentra,
      fte: m.feiten?.fte,
      toddlers: m.feiten?.doelgroeppeuters,
      formationHours: m.feiten?.formatie_uren,
    },
  };
  if (m.opties) {
    const options: MappingOptions = {};
    if (m.opties.bbl !== undefined) options.countBbl = m.opties.bbl;
    if (m.opties.pbmOpGroep !== undefined) options.countPolicyOfficerOnGroup = m.opties.pbmOpGroep;
    out.options = options;
  }
  return out;
}

/** Where an applied counting option came from: a CLI flag or panel field, the mapping's `opties`, or the default. */
export type OptionSource = "option" | "mapping" | "default";

export interface AppliedOption {
  /** True: these rows count in the fte. */
  value: boolean;
  source: OptionSource;
}

/** The counting options a check applied, and where each came from (for the text and the JSON). */
export interface AppliedOptions {
  countBbl: AppliedOption;
  countPolicyOfficerOnGroup: AppliedOption;
}

/**
 * The check options with the mapping's `opties` filled in where the caller set nothing (a
 * flag wins over the mapping), and which value each counting option got from where.
 * Defaults as in domain.md: both count.
 */
export function withMappingOptions<T extends { countBbl?: boolean; countPolicyOfficerOnGroup?: boolean }>(
  options: T,
  mapping: Mapping | null | undefined,
): { options: T; applied: AppliedOptions } {
  const out = { ...options };
  const pick = (key: keyof MappingOptions): AppliedOption => {
    const given = options[key];
    if (given !== undefined) return { value: given, source: "option" };
    const mapped = mapping?.options?.[key];
    if (mapped !== undefined) {
      out[key] = mapped as T[typeof key];
      return { value: mapped, source: "mapping" };
    }
    return { value: true, source: "default" };
  };
  return { options: out, applied: { countBbl: pick("countBbl"), countPolicyOfficerOnGroup: pick("countPolicyOfficerOnGroup") } };
}

/** Column number (0-based) of a letter in a mapped range; a Dutch error when it lies outside the range. */
function columnInRange(letter: string, range: string, field: string): number {
  const col = parseCell(`${letter.trim()}1`)!.col;
  const r = parseRange(range)!;
  if (col < r.start.col || col > r.end.col) {
    throw new IkkError("ONGELDIGE_INVOER", `De koppeling is ongeldig: veld '${field}' noemt kolom ${letter.trim().toUpperCase()}, maar die valt buiten het bereik ${range}.`);
  }
  return col;
}

interface RawTable {
  blad: string;
  bereik: string;
  rol?: string;
  categorie?: string;
  kolommen?: Record<string, string>;
}

function mappingTable(t: RawTable, i: number, toRole: (rol: string) => TableRole): MappingTable {
  const range = t.bereik.trim().replace(/\$/g, "").toUpperCase();
  if (t.rol === undefined && t.categorie === undefined) {
    throw new IkkError("ONGELDIGE_INVOER", `De koppeling is ongeldig: veld 'tabellen[${i}].rol' ontbreekt (of geef een 'categorie'-kolom op voor een lijst met beleid, coaching en VE per rij).`);
  }
  const out: MappingTable = { sheet: t.blad, range, role: t.categorie !== undefined ? "mixed" : toRole(t.rol!) };
  if (t.categorie !== undefined) out.category = columnInRange(t.categorie, range, `tabellen[${i}].categorie`);
  if (t.kolommen) {
    out.columns = {};
    for (const [letter, role] of Object.entries(t.kolommen)) out.columns[columnInRange(letter, range, `tabellen[${i}].kolommen.${letter}`)] = COLUMN_ROLES[role];
  }
  return out;
}

/** Applies the user's column roles and category column to a table built from a mapped range. */
export function applyColumnMapping(t: Table, mt: MappingTable): void {
  const kinds: Record<number, ColumnKind> = { ...(mt.columns ?? {}) };
  if (mt.category !== undefined) {
    kinds[mt.category] = "category";
    // The user's category column is the only one.
    for (const c of t.columns) if (c.kind === "category" && c.col !== mt.category) c.kind = "text";
  }
  for (const [key, kind] of Object.entries(kinds)) {
    const col = Number(key);
    const c = t.columns.find((x) => x.col === col);
    if (c) c.kind = kind;
    else t.columns.push({ col, header: "", kind });
  }
  t.columns.sort((a, b) => a.col - b.col);
}

/**
 * Returns a mapping object (JSON, Dutch keys) with the role of one range set, keeping the
 * rest; for the panel's "rol aanpassen". `existing` may be undefined or an earlier mapping.
 * Role "unknown" removes the user's entry (detection decides again); role "ignored" writes
 * `"rol": "negeren"`, which makes the engine skip the table.
 */
export function withTableRole(existing: unknown, sheet: string, range: string, role: TableRole): Record<string, unknown> {
  const base: Record<string, unknown> =
    existing && typeof existing === "object" && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  base.versie = 1;
  const tables = Array.isArray(base.tabellen) ? (base.tabellen as Record<string, unknown>[]).filter((t) => !(t.blad === sheet && t.bereik === range)) : [];
  if (role !== "unknown") tables.push({ blad: sheet, bereik: range, rol: mappingRoleName(role) ?? role });
  base.tabellen = tables;
  return base;
}

/** The Dutch mapping names of the facts ("feiten"), as stored in the document. */
export const MAPPING_FACTS = ["kindercentra", "fte", "doelgroeppeuters", "formatie_uren"] as const;
export type MappingFactName = (typeof MAPPING_FACTS)[number];

/**
 * Returns a mapping object (JSON, Dutch keys) with one fact read from a cell
 * (`"feiten": { "<fact>": { "blad": sheet, "cel": cell } }`), keeping the rest; for the
 * panel's "Gebruik selectie". `existing` may be undefined or an earlier mapping. The cell
 * must be one A1 cell ("B4"; "$B$4" is stored as "B4"), else an IkkError in Dutch.
 */
export function withFactCell(existing: unknown, fact: MappingFactName, sheet: string, cell: string): Record<string, unknown> {
  if (!(MAPPING_FACTS as readonly string[]).includes(fact)) throw new IkkError("ONGELDIGE_INVOER", `Onbekend gegeven '${String(fact)}' in de koppeling.`);
  if (typeof sheet !== "string" || sheet === "") throw new IkkError("ONGELDIGE_INVOER", "Er is geen bladnaam opgegeven.");
  const ref = typeof cell === "string" ? parseCell(cell) : null;
  if (!ref) throw new IkkError("ONGELDIGE_INVOER", `'${String(cell)}' is geen enkele cel (zoals B4).`);
  const base: Record<string, unknown> =
    existing && typeof existing === "object" && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  base.versie = 1;
  const facts: Record<string, unknown> =
    base.feiten && typeof base.feiten === "object" && !Array.isArray(base.feiten) ? { ...(base.feiten as Record<string, unknown>) } : {};
  facts[fact] = { blad: sheet, cel: cell.trim().replace(/\$/g, "").toUpperCase() };
  base.feiten = facts;
  return base;
}
