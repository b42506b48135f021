/**
 * The one vocabulary of severities and trust, for the engine, the CLI, the panel and the
 * report sheet: order, Dutch names, and the confidence below which a detected table's role
 * is a guess.
 */
import type { Severity } from "./types";

/** Severities from worst to mildest: the order of every list of findings. */
export const SEVERITIES: readonly Severity[] = Object.freeze(["error", "warning", "info"] as Severity[]);

/** Rank for sorting: error 0, warning 1, info 2. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.freeze({ error: 0, warning: 1, info: 2 });

/** One finding's severity in Dutch ("fout"), e.g. in the report sheet. */
export const SEVERITY_DUTCH: Readonly<Record<Severity, string>> = Object.freeze({ error: "fout", warning: "waarschuwing", info: "informatie" });

/** A heading over the findings of one severity ("Fouten"). */
export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = Object.freeze({
  error: "Fouten",
  warning: "Waarschuwingen",
  info: "Informatie",
});

/**
 * Below this confidence a detected table's role is a guess: the panel asks the user, an
 * info finding says so, and planned hours read from such a table leave the check incomplete.
 */
export const LOW_CONFIDENCE = 0.5;
