/**
 * `ikk-normen check FILE.xlsx [MORE.xlsx | FOLDER ...]`: the command line. Exit codes: 0 no
 * errors, 1 errors found, 2 input unusable (Dutch message on stderr). With more than one
 * file (or a folder) every file is checked in this one process; the exit code is the worst
 * of the files. Input files are only read.
 */
import * as path from "path";
import { Command, CommanderError } from "commander";
import { isIkkError, IkkError } from "../shared/errors";
import { jsonReport, parseMapping } from "../shared/validate";
import { withMappingOptions, type Mapping } from "../shared/validate/mapping";
import type { ReportContext } from "../shared/validate/report";
import type { CheckOptions } from "../shared/validate/types";
import { assertSummaryTarget, checkOutcome, expandInputs, EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, exitCodeOf, isFolder, summaryRow, summaryText, worstExitCode, writeSummaryXlsx, type FileOutcome } from "./batch";
import { checkFile } from "./check-file";
import { writeOverview } from "./overview";
import { newPlan, type RawNewPlanOptions } from "./new-plan";
import { assertRegularInput, readMappingText, withRegularInputs } from "./input-files";
import { checkOptionsFrom, hourlyRateFrom, withToday, type RawCheckOptions } from "./options";
import { countBySeverity, textReport } from "./report-text";
import { terminalSafe } from "./terminal-text";

export { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE };

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Is stderr a terminal? Progress lines of a batch are written only then. */
  stderrIsTty?: boolean;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTty: process.stderr.isTTY === true,
};

// Injected by the webpack build (DefinePlugin); tsx/jest runs fall back to "dev".
declare const __IKK_VERSION__: string | undefined;
const VERSION = typeof __IKK_VERSION__ === "string" ? __IKK_VERSION__ : "dev";

const HELP_TITLES: Record<string, string> = {
  "Usage:": "Gebruik:",
  "Options:": "Opties:",
  "Commands:": "Opdrachten:",
  "Arguments:": "Argumenten:",
  "Global Options:": "Algemene opties:",
};

/** Commander's own (English) parse errors in Dutch. */
function commanderMessage(err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1];
  switch (err.code) {
    case "commander.unknownOption":
      return `Onbekende optie ${quoted ?? ""}. Zie ikk-normen check --help.`;
    case "commander.unknownCommand":
      return `Onbekende opdracht ${quoted ?? ""}. Gebruik: ikk-normen check BESTAND.xlsx`;
    case "commander.missingArgument":
      return "Geef het .xlsx-bestand op: ikk-normen check BESTAND.xlsx";
    case "commander.optionMissingArgument":
      return `De optie ${quoted ?? ""} heeft een waarde nodig.`;
    default:
      return `Ongeldige aanroep. Zie ikk-normen --help.`;
  }
}

/** Reads and parses a mapping file given with --map. */
function readMapping(file: string): Mapping {
  // A regular file under 1 MB only (a FIFO or /dev/zero would block or never end); a BOM is dropped.
  const text = readMappingText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new IkkError("ONBRUIKBAAR", `Het koppelingsbestand "${terminalSafe(file)}" is geen geldige JSON (${terminalSafe((e as Error).message)}).`);
  }
  return parseMapping(json);
}

/** The engine's options and the report context (hourly rate, counting options applied) from the raw options. */
function prepare(raw: RawCheckOptions): { options: CheckOptions; context: ReportContext } {
  // The clock is read here, in the CLI only: the realisation's default reference date is today.
  const given: CheckOptions = withToday(checkOptionsFrom(raw), new Date());
  const hourlyRate = hourlyRateFrom(raw);
  const mapping: Mapping | null = raw.map !== undefined ? readMapping(raw.map) : null;
  if (mapping) given.mapping = mapping;
  // A flag wins over the mapping's `opties`; the report says which value came from where.
  const { options, applied } = withMappingOptions(given, mapping);
  return { options, context: { hourlyRate, options: applied } };
}

function printJson(value: unknown, io: Io): void {
  io.stdout(JSON.stringify(value, null, 2) + "\n");
}

/** One file, as before batches existed: errors are thrown (stderr, exit 2). */
async function checkOne(file: string, raw: RawCheckOptions, io: Io): Promise<number> {
  const { options, context } = prepare(raw);
  if (raw.overzicht !== undefined) assertSummaryTarget(raw.overzicht, [file]);
  // A FIFO, device or socket is refused before anything opens it.
  assertRegularInput(file);
  const { result } = await checkFile(file, options);
  if (raw.overzicht !== undefined) await writeSummaryXlsx(raw.overzicht, [summaryRow({ file, result }, context.hourlyRate ?? null)], [file]);
  if (raw.json) printJson(jsonReport(result, context), io);
  else io.stdout(textReport(result, path.basename(file), context) + "\n");
  return countBySeverity(result).error > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The per-file JSON object of a batch: `file` first, then the report, or the file's Dutch error. */
function outcomeJson(o: FileOutcome, context: ReportContext): Record<string, unknown> {
  if ("error" in o) return { file: o.file, error: o.error };
  return { file: o.file, ...jsonReport(o.result, context) };
}

/** The text section of one file in a batch. */
function outcomeText(o: FileOutcome, context: ReportContext): string {
  if ("error" in o) return `Controle van ${terminalSafe(o.file)}\n\nNiet te controleren: ${terminalSafe(o.error)}`;
  return textReport(o.result, o.file, context);
}

/** Many files in one process: per-file reports, then the summary; the worst exit code. */
async function checkMany(args: string[], raw: RawCheckOptions, io: Io): Promise<number> {
  const { options, context } = prepare(raw);
  // The summary of an earlier run, written into a folder being checked, is no input.
  const inputs = withRegularInputs(expandInputs(args, raw.overzicht !== undefined ? [raw.overzicht] : []));
  // A summary that cannot be written is said before the (possibly long) batch starts.
  if (raw.overzicht !== undefined) assertSummaryTarget(raw.overzicht, inputs.map((x) => x.file));
  const outcomes: FileOutcome[] = [];
  const rule = "─".repeat(60);
  for (let i = 0; i < inputs.length; i++) {
    if (io.stderrIsTty) io.stderr(`[${i + 1}/${inputs.length}] ${terminalSafe(inputs[i].file)}\n`);
    const o = await checkOutcome(inputs[i], options);
    outcomes.push(o);
    if (!raw.json) io.stdout((i > 0 ? "\n" + rule + "\n\n" : "") + outcomeText(o, context) + "\n");
  }
  const rows = outcomes.map((o) => summaryRow(o, context.hourlyRate ?? null));
  if (raw.overzicht !== undefined) await writeSummaryXlsx(raw.overzicht, rows, inputs.map((x) => x.file));
  if (raw.json) printJson(outcomes.map((o) => outcomeJson(o, context)), io);
  else io.stdout("\n" + rule + "\n\n" + summaryText(rows) + "\n");
  if (io.stderrIsTty) {
    const codes = outcomes.map(exitCodeOf);
    io.stderr(`Klaar: ${outcomes.length} ${outcomes.length === 1 ? "bestand" : "bestanden"}, ${codes.filter((c) => c === EXIT_UNUSABLE).length} onbruikbaar.\n`);
  }
  return worstExitCode(outcomes);
}

/** One file as today; more files or a folder as a batch. */
async function check(files: string[], raw: RawCheckOptions, io: Io): Promise<number> {
  if (files.length === 1 && !isFolder(files[0])) return checkOne(files[0], raw, io);
  return checkMany(files, raw, io);
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("ikk-normen")
    .description("Controleert urentabellen van de pedagogisch beleidsmedewerker/coach (Wet IKK) in Excel-bestanden.")
    .usage("[opties] [opdracht]")
    .version(VERSION, "-v, --version", "toon het versienummer")
    .helpOption("-h, --help", "toon deze hulp")
    .helpCommand("help [opdracht]", "toon hulp bij een opdracht")
    .configureHelp({ styleTitle: (t) => HELP_TITLES[t] ?? t })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride()
    .showSuggestionAfterError(false);
  program
    .command("check")
    .description("controleer de uren in een of meer .xlsx-bestanden tegen de IKK-norm (beleid, coaching, VE, totaal)")
    .argument("<bestand...>", "een of meer .xlsx/.xlsm-bestanden of mappen (alle .xlsx/.xlsm erin); ze worden alleen gelezen, nooit gewijzigd")
    .usage("[opties] <bestand> [meer bestanden of mappen]")
    .option("--jaar <jaar>", "het jaar waarvoor de uren gelden (anders uit de werkmap, anders de nieuwste norm)")
    .option("--json", "druk alleen het rapport af als JSON (één object; bij meer bestanden één lijst met een object per bestand)")
    .option("--map <bestand>", "JSON-bestand met een koppeling van tabellen en gegevens als de herkenning faalt")
    .option("--kindercentra <aantal>", "aantal kindercentra (LRK-registraties); gaat voor wat de werkmap zegt")
    .option("--fte <fte>", "fte pedagogisch medewerkers, bijv. 42,37; gaat voor wat de werkmap zegt")
    .option("--peuters <aantal>", "totaal aantal VE-doelgroeppeuters (als er geen tabel per locatie is)")
    .option("--formatie <uren>", "formatie van de beleidsmedewerkers/coaches in uren per jaar, bijv. 2.496")
    .option("--verborgen-bladen <ja|nee>", "tel verborgen bladen mee (standaard nee: verborgen bladen worden overgeslagen en genoemd)")
    .option("--bbl <ja|nee>", "tellen BBL-studenten mee in de fte? (standaard ja, of wat de koppeling zegt onder opties.bbl)")
    .option("--pbm-op-groep <ja|nee>", "telt een beleidsmedewerker die ook op de groep werkt mee in de fte? (standaard ja, of wat de koppeling zegt onder opties.pbmOpGroep)")
    .option("--uurtarief <euro>", "kosten per uur van de beleidsmedewerker/coach, bijv. 52,50; toont de vereiste uren, de formatie en de marge ook in euro")
    .option("--verlof <procent>", "verlof en verzuim in procent van de formatie, bijv. 8,5; toont de netto beschikbare uren en de netto marge (die beslist dan over een tekort)")
    .option("--overzicht <bestand.xlsx>", "schrijf het overzicht (een rij per bestand) als Excel-werkmap")
    .option("--peildatum <datum>", "datum waarop de bestede uren (realisatie) met de planning worden vergeleken, dd-mm-jjjj of jjjj-mm-dd (standaard vandaag)")
    .option("--signaal-vanaf <maand>", "vanaf deze maand (1-12 of een naam als september) wordt iedere nog niet gecoachte medewerker gemeld (standaard september)")
    .helpOption("-h, --help", "toon deze hulp")
    .configureHelp({ styleTitle: (t) => HELP_TITLES[t] ?? t })
    .action(async (files: string[], raw: RawCheckOptions) => {
      setExit(await check(files, raw, io));
    });
  program
    .command("overzicht")
    .description("schrijf het overzicht voor ouders en medewerkers (uren per kindercentrum, hoe het minimum is berekend) als HTML-pagina")
    .argument("<bestand>", "het .xlsx/.xlsm-bestand met het plan; het wordt alleen gelezen")
    .usage("<bestand> --uit OVERZICHT.html [opties]")
    .option("--uit <bestand.html>", "het HTML-bestand dat geschreven wordt")
    .option("--jaar <jaar>", "het jaar waarvoor de uren gelden (anders uit de werkmap, anders de nieuwste norm)")
    .option("--map <bestand>", "JSON-bestand met een koppeling van tabellen en gegevens als de herkenning faalt")
    .option("--kindercentra <aantal>", "aantal kindercentra (LRK-registraties); gaat voor wat de werkmap zegt")
    .option("--fte <fte>", "fte pedagogisch medewerkers, bijv. 42,37; gaat voor wat de werkmap zegt")
    .option("--peuters <aantal>", "totaal aantal VE-doelgroeppeuters (als er geen tabel per locatie is)")
    .option("--verborgen-bladen <ja|nee>", "tel verborgen bladen mee (standaard nee)")
    .helpOption("-h, --help", "toon deze hulp")
    .configureHelp({ styleTitle: (t) => HELP_TITLES[t] ?? t })
    .action(async (file: string, raw: RawCheckOptions & { uit?: string }) => {
      if (raw.uit === undefined) throw new IkkError("ONGELDIGE_INVOER", "Geef het HTML-bestand op: ikk-normen overzicht PLAN.xlsx --uit OVERZICHT.html");
      const { options } = prepare(raw);
      setExit(await writeOverview(file, raw.uit, options, io));
    });
  program
    .command("nieuw-plan")
    .description("schrijf een nieuw, leeg plan (Normen, Locaties, Medewerkers, Formatie, Verdeling, Realisatie, Overzicht) met formules die zonder de invoegtoepassing rekenen")
    .argument("<bestand>", "het .xlsx-bestand dat geschreven wordt; een bestaand bestand wordt niet overschreven")
    .usage("<bestand> [--jaar 2027] [--van OUD.xlsx] [--overschrijven]")
    .option("--jaar <jaar>", "het jaar van het plan (standaard dit jaar, vanaf oktober het volgende jaar)")
    .option("--van <OUD.xlsx>", "neem locaties, pedagogisch medewerkers en formatie over uit het plan van vorig jaar (dat wordt alleen gelezen)")
    .option("--overschrijven", "overschrijf het bestand als het al bestaat")
    .helpOption("-h, --help", "toon deze hulp")
    .configureHelp({ styleTitle: (t) => HELP_TITLES[t] ?? t })
    .action(async (file: string, raw: RawNewPlanOptions) => {
      const lines = await newPlan(file, raw);
      io.stdout(lines.join("\n") + "\n");
      setExit(EXIT_OK);
    });
  return program;
}

/** Known English console lines of exceljs, in Dutch. */
function consoleDutch(text: string): string {
  const long = /^Worksheet name (.*) exceeds 31 chars\. This will be truncated$/s.exec(text);
  if (long) return `de bladnaam '${long[1]}' is langer dan 31 tekens; Excel kort zo'n naam in.`;
  return text;
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/**
 * While the CLI runs, whatever a library prints on the console (exceljs warns about long sheet
 * names, with the name raw) goes to stderr as one terminal-safe line (terminal-text.ts), never
 * to stdout (it would corrupt --json) and never with escape sequences. Returns the undo.
 */
function captureConsole(io: Io): () => void {
  const saved = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  for (const m of CONSOLE_METHODS) {
    console[m] = (...args: unknown[]) => {
      const text = args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : String(a))).join(" ");
      io.stderr(`ikk-normen: melding bij het lezen: ${terminalSafe(consoleDutch(text)).slice(0, 500)}\n`);
    };
  }
  return () => {
    for (const [m, fn] of saved) console[m] = fn as never;
  };
}

/** Runs the CLI with process-style argv (node, script, ...args); resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  const restoreConsole = captureConsole(io);
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT_UNUSABLE;
    }
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT_OK;
      io.stderr(`ikk-normen: ${commanderMessage(e)}\n`);
      return EXIT_UNUSABLE;
    }
    if (isIkkError(e)) {
      io.stderr(`ikk-normen: ${terminalSafe((e as Error).message)}\n`);
      return EXIT_UNUSABLE;
    }
    io.stderr(`ikk-normen: onverwachte fout: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT_UNUSABLE;
  } finally {
    restoreConsole();
  }
}

/** A failed write to stdout as one Dutch line (the code names the cause). */
function outputFailure(e: NodeJS.ErrnoException): string {
  if (e.code === "ENOSPC") return "ikk-normen: de uitvoer kan niet geschreven worden: de schijf is vol (ENOSPC).\n";
  if (e.code === "EDQUOT") return "ikk-normen: de uitvoer kan niet geschreven worden: de schijfruimte (quota) is op (EDQUOT).\n";
  return `ikk-normen: de uitvoer kan niet geschreven worden (${terminalSafe(String(e.code ?? e.message ?? "onbekende fout"))}).\n`;
}

/** Writes to stderr, ignoring a failure (nothing is left to tell it to). */
function writeStderr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // stderr itself is gone
  }
}

/**
 * The CLI as a process (bin/ikk-normen.js): output failures and uncaught errors end it cleanly.
 * - stdout closed by the reader (`| head -c 10`, EPIPE): the rest of the output is dropped
 *   quietly and the exit code is the check's own;
 * - any other write error (a full disk, ENOSPC): a Dutch line on stderr, exit 2;
 * - an uncaught error or rejection: a Dutch line, exit 2; never a stack trace.
 */
export async function runProcess(argv: string[]): Promise<void> {
  let stdoutClosed = false;
  let outputFailed = false;
  const failOutput = (e: NodeJS.ErrnoException) => {
    if (stdoutClosed || outputFailed) return;
    if (e.code === "EPIPE") {
      stdoutClosed = true;
      return;
    }
    outputFailed = true;
    writeStderr(outputFailure(e));
    process.exitCode = EXIT_UNUSABLE;
  };
  process.stdout.on("error", failOutput);
  process.stderr.on("error", () => undefined);
  const fatal = (e: unknown) => {
    writeStderr(`ikk-normen: onverwachte fout: ${terminalSafe(e instanceof Error ? e.message : String(e)).slice(0, 500)}\n`);
    process.exit(EXIT_UNUSABLE);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  const io: Io = {
    stdout: (t) => {
      if (stdoutClosed || outputFailed) return;
      try {
        process.stdout.write(t);
      } catch (e) {
        failOutput(e as NodeJS.ErrnoException);
      }
    },
    stderr: writeStderr,
    stderrIsTty: process.stderr.isTTY === true,
  };
  const code = await run(argv, io);
  // An error event may still come for the last write: failOutput then sets exit code 2 itself.
  process.exitCode = outputFailed ? EXIT_UNUSABLE : code;
}
