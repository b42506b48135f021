/**
 * File-level budgets of the CLI reader: every .xlsx is checked against them before (file
 * size, declared part sizes) and while (inflated bytes, cells, merges) it is read, so a
 * hostile file is refused within seconds and bounded memory. Each limit has a Dutch
 * message that names it and says what to do.
 */
import { IkkError } from "../shared/errors";
import { formatDutch } from "../shared/numbers";

export interface ReadLimits {
  /** Size of the .xlsx file on disk, checked with fs.stat before reading. */
  maxFileBytes: number;
  /** Total uncompressed size of the zip parts actually read (workbook, strings, styles, sheets). */
  maxInflatedBytes: number;
  /** Cells with a value or formula in one worksheet. */
  maxCellsPerSheet: number;
  /** Cells with a value or formula in the whole workbook. */
  maxCellsTotal: number;
  /** Merged ranges (mergeCell elements) in one worksheet. */
  maxMergesPerSheet: number;
}

export const LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxCellsPerSheet: 2_000_000,
  maxCellsTotal: 5_000_000,
  maxMergesPerSheet: 100_000,
};

const mb = (bytes: number): string => `${formatDutch(bytes / 1024 / 1024, bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const count = (n: number): string => formatDutch(n, 0);

/** The Dutch refusals, one per limit. */
export const LIMIT_MESSAGES = {
  fileSize: (name: string, size: number, limit: number) =>
    `Het bestand "${name}" is ${mb(size)}; dat is groter dan de grens van ${mb(limit)} voor één werkmap (bestandsgrootte). ` +
    `Verwijder afbeeldingen en bladen die niet nodig zijn voor de controle, of splits de werkmap, en probeer het opnieuw.`,
  inflated: (name: string, limit: number) =>
    `Het bestand "${name}" pakt uit tot meer dan ${mb(limit)} aan werkbladgegevens (grens voor uitgepakte grootte); ` +
    `dat is geen gewone werkmap of hij is veel te groot. Sla alleen de bladen met de urenverantwoording op in een nieuwe .xlsx en controleer die.`,
  cellsPerSheet: (name: string, sheet: string, limit: number) =>
    `Het werkblad "${sheet}" in "${name}" heeft meer dan ${count(limit)} gevulde cellen (grens per werkblad). ` +
    `Verwijder rijen of kolommen die niet bij de urenverantwoording horen, of zet ze op een apart bestand, en probeer het opnieuw.`,
  cellsTotal: (name: string, limit: number) =>
    `De werkmap "${name}" heeft meer dan ${count(limit)} gevulde cellen (grens voor de hele werkmap). ` +
    `Verwijder bladen die niet bij de urenverantwoording horen en probeer het opnieuw.`,
  merges: (name: string, sheet: string, limit: number) =>
    `Het werkblad "${sheet}" in "${name}" heeft meer dan ${count(limit)} samengevoegde celbereiken (grens voor samenvoegingen). ` +
    `Hef de samenvoeging op (Start > Samenvoegen en centreren) en probeer het opnieuw.`,
  mergeArea: (name: string, sheet: string) =>
    `Het werkblad "${sheet}" in "${name}" heeft samengevoegde celbereiken die samen te veel rijen beslaan (grens voor samenvoegingen). ` +
    `Hef de samenvoeging op (Start > Samenvoegen en centreren) en probeer het opnieuw.`,
};

export function limitError(message: string): IkkError {
  return new IkkError("ONBRUIKBAAR", message);
}
