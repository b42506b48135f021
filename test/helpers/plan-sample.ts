/**
 * A small hand-built "Nieuw plan" template (TemplateWorkbook) for the adapter tests, with
 * what the real builder writes: a header row in bold, user text (a carried-over location
 * name starting with "=" that must stay text), numbers with Dutch-looking formats, formulas
 * across sheets, every kind of validation, column widths and a frozen header row.
 */
import type { TemplateWorkbook } from "../../shared/template/types";

export const HOSTILE_NAME = '=HYPERLINK("http://x.invalid","klik")';

export function sampleTemplate(year = 2027): TemplateWorkbook {
  return {
    year,
    sheets: [
      {
        name: "Normen",
        rows: [
          [{ value: "Norm", bold: true }, { value: "Waarde", bold: true }],
          [{ value: "Beleidsuren per kindercentrum" }, { value: 50, numberFormat: "#,##0.0" }],
          [{ value: "Coachuren per fte" }, { value: 10, numberFormat: "#,##0.0" }],
          [{ value: "Jaar" }, { value: year, numberFormat: "0" }],
        ],
        columnWidths: [32, 12],
        frozenRows: 1,
      },
      {
        name: "Locaties",
        rows: [
          [{ value: "Locatie", bold: true }, { value: "LRK-nummer", bold: true }, { value: "Soort", bold: true }, { value: "Beleidsuren", bold: true }],
          [{ value: "KDV De Eik" }, { value: "123456789" }, { value: "KDV" }, { formula: "=Normen!$B$2", numberFormat: "#,##0.0" }],
          [{ value: HOSTILE_NAME }, { value: "987654321" }, { value: "BSO" }, { formula: "=Normen!$B$2", numberFormat: "#,##0.0" }],
        ],
        columnWidths: [30, 14, 10, 14],
        frozenRows: 1,
        validations: [
          { range: "B2:B201", rule: { kind: "custom", formula: "=AND(LEN(B2)=9,ISNUMBER(VALUE(B2)))" }, message: "Vul een LRK-nummer van 9 cijfers in." },
          { range: "C2:C201", rule: { kind: "list", values: ["KDV", "BSO", "PSZ", "GOK"] }, message: "Kies KDV, BSO, PSZ of GOK." },
        ],
      },
      {
        name: "Verdeling",
        rows: [
          [{ value: "Locatie", bold: true }, { value: "Coaching (uur)", bold: true }, { value: "Fte", bold: true }],
          [{ formula: "=Locaties!A2" }, { value: 12.5, numberFormat: "#,##0.0" }, { value: 3, numberFormat: "0" }],
          [{ formula: "='Locaties'!A3" }, { value: 8, numberFormat: "#,##0.0" }, { value: 2, numberFormat: "0" }],
          [{ value: "Totaal", bold: true }, { formula: "=SUM(B2:B3)", numberFormat: "#,##0.0", bold: true }, { formula: "=SUMIFS(Locaties!D:D,Locaties!C:C,\"KDV\")", numberFormat: "#,##0.0" }],
        ],
        columnWidths: [30, 14, 8],
        frozenRows: 1,
        validations: [
          { range: "B2:B201", rule: { kind: "decimal", min: 0 }, message: "Vul een aantal uren van 0 of meer in." },
          { range: "C2:C201", rule: { kind: "whole", min: 0, max: 99 }, message: "Vul een heel getal van 0 tot 99 in." },
        ],
      },
    ],
  };
}
