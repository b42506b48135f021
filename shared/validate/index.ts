/** The validator engine: public API. */
export { checkWorkbook, detectTables } from "./check";
export { parseMapping, withTableRole, withFactCell, mappingRoleName, MAPPING_ROLES, MAPPING_FACTS, type MappingFactName, type Mapping, type MappingTable } from "./mapping";
export { SEVERITIES, SEVERITY_DUTCH, SEVERITY_RANK, SEVERITY_TITLES, LOW_CONFIDENCE } from "./severity";
export { jsonReport, reportRows, verdictOf, type JsonReport, type Verdict, type VerdictKind } from "./report";
export { RULES, type RuleId } from "./rules/ids";
export { passesElevenTest } from "./rules/lrk";
export { RESEARCH_HOURS_PER_STAFF } from "./rules/info";
export { detectYear, chooseYear } from "./year";
export { buildSheet, cloneWorkbook, f as formulaCell } from "./build";
export * from "./types";
