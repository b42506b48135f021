/**
 * The Dutch text report: parts table, formation, findings grouped by severity with
 * Blad!Cel, verdict line, and workbook text made safe for a terminal.
 */
import { textReport, verdictLine } from "../cli/report-text";
import type { CheckResult, Finding } from "../shared/validate/types";

function result(findings: Finding[], overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    year: 2026,
    yearSource: "titel 'Uren 2026' in Uren!A1",
    inputs: {
      centres: { value: 16, source: { kind: "cell", sheet: "Uren", cell: "B4", description: "label 'Aantal LRK-registraties' in Uren!B4" } },
      fte: { value: 42.37, source: { kind: "cell", sheet: "Uren", cell: "B6", description: "label 'Fte' in Uren!B6" } },
      targetToddlers: null,
    },
    required: { policy: 800, coaching: 423.7, ve: 210, total: 1433.7 },
    planned: { policy: 800, coaching: 1000, ve: null, total: 1800 },
    formation: { hours: 2496, fte: 1.3333, marginHours: 1062.3, marginFte: 0.5675, source: null },
    tables: [],
    findings,
    complete: true,
    missing: [],
    ...overrides,
  };
}

const F = (severity: Finding["severity"], message: string, sheet: string | null = "Verdeling", cell: string | null = "F20"): Finding => ({
  rule: "totaal-rij",
  severity,
  sheet,
  cell,
  message,
});

test("year with its reason, facts with their sources, and a missing fact", () => {
  const text = textReport(result([]), "plan.xlsx");
  expect(text).toContain("Jaar: 2026 (titel 'Uren 2026' in Uren!A1)");
  expect(text).toMatch(/Kindercentra \(LRK-registraties\): 16 \(label 'Aantal LRK-registraties' in Uren!B4\)/);
  expect(text).toMatch(/Fte pedagogisch medewerkers: 42,37 /);
  expect(text).toMatch(/Doelgroeppeuters \(VE\): niet gevonden/);
});

test("the parts table: planned, required and the difference in Dutch notation", () => {
  const lines = textReport(result([]), "plan.xlsx").split("\n");
  const row = (label: string): string => lines.find((l) => l.trim().startsWith(label))!;
  expect(row("Beleid")).toMatch(/800 uur\s+800 uur\s+0 uur$/);
  expect(row("Coaching")).toMatch(/1\.000 uur\s+423,7 uur\s+\+576,3 uur$/);
  expect(row("VE")).toMatch(/–\s+210 uur\s+–$/);
  expect(row("Totaal")).toMatch(/1\.800 uur\s+1\.433,7 uur\s+\+366,3 uur$/);
});

test("formation and margin, or a shortfall; fte with 2 decimals, euros only with an hourly rate", () => {
  const text = textReport(result([]), "p.xlsx");
  expect(text).toContain("Formatie: 2.496 uur (1,33 fte)");
  expect(text).toContain("Marge ten opzichte van het vereiste totaal: 1.062,3 uur (0,57 fte)");
  expect(text).not.toMatch(/\d,\d{3,} fte/);
  expect(text).not.toContain("€");
  expect(textReport(result([]), "p.xlsx", { hourlyRate: 50 })).toContain("Marge ten opzichte van het vereiste totaal: 1.062,3 uur (0,57 fte; € 53.115)");
  const short = result([], { formation: { hours: 1000, fte: null, marginHours: -433.7, marginFte: null, source: null } });
  expect(textReport(short, "p.xlsx")).toContain("Tekort ten opzichte van het vereiste totaal: 433,7 uur");
  const none = result([], { formation: { hours: null, fte: null, marginHours: null, marginFte: null, source: null } });
  expect(textReport(none, "p.xlsx")).toContain("Formatie: niet gevonden");
});

test("findings grouped Fouten / Waarschuwingen / Informatie with Blad!Cel", () => {
  const text = textReport(
    result([F("info", "Ter informatie."), F("error", "Totaal klopt niet.", "Verdeling", "F20"), F("warning", "Let op.", null, null)]),
    "p.xlsx",
  );
  const iErr = text.indexOf("Fouten (1):");
  const iWarn = text.indexOf("Waarschuwingen (1):");
  const iInfo = text.indexOf("Informatie (1):");
  expect(iErr).toBeGreaterThan(0);
  expect(iWarn).toBeGreaterThan(iErr);
  expect(iInfo).toBeGreaterThan(iWarn);
  expect(text).toContain("  Verdeling!F20: Totaal klopt niet.");
  expect(text).toContain("  werkmap: Let op.");
});

test("verdict line", () => {
  expect(verdictLine(result([]))).toBe("Oordeel: in orde – geen fouten of waarschuwingen gevonden voor 2026.");
  expect(verdictLine(result([F("warning", "x")]))).toMatch(/^Oordeel: geen fouten gevonden, wel 1 waarschuwing;/);
  expect(verdictLine(result([F("error", "x"), F("error", "y"), F("warning", "z")]))).toBe(
    "Oordeel: NIET IN ORDE – 2 fouten en 1 waarschuwing gevonden.",
  );
});

test("escape sequences and control characters from the workbook never reach the text", () => {
  const evil = "KDV \u001b[31mRood\u001b[0m\u0007\nBudel";
  const text = textReport(
    result([F("error", `Locatie '${evil}' te weinig uren.`, `Blad\u001b]0;x\u0007`, "A1")], {
      yearSource: `titel '${evil}'`,
    }),
    "p\u001b[2J.xlsx",
  );
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(text).toContain("Locatie 'KDV Rood Budel' te weinig uren.");
});

test("the counting options applied, and where each came from, only when the caller says", () => {
  expect(textReport(result([]), "p.xlsx")).not.toContain("BBL");
  const text = textReport(result([]), "p.xlsx", {
    options: { countBbl: { value: false, source: "option" }, countPolicyOfficerOnGroup: { value: true, source: "mapping" } },
  });
  expect(text).toContain("  BBL-studenten: tellen niet mee in de fte (opgegeven met --bbl)");
  expect(text).toContain("  Beleidsmedewerker die ook op de groep werkt: telt mee in de fte (uit de koppeling)");
  const defaults = textReport(result([]), "p.xlsx", {
    options: { countBbl: { value: true, source: "default" }, countPolicyOfficerOnGroup: { value: true, source: "default" } },
  });
  expect(defaults).toContain("  BBL-studenten: tellen mee in de fte (standaard)");
});
