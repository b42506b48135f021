/**
 * `ikk-normen check FILE.xlsx`: the command line. Exit codes: 0 no errors, 1 errors
 * found, 2 input unusable (Dutch message on stderr). The input file is only read.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { isIkkError, IkkError } from "../shared/errors";
import { jsonReport, parseMapping } from "../shared/validate";
import type { CheckOptions } from "../shared/validate/types";
import { checkFile } from "./check-file";
import { checkOptionsFrom, type RawCheckOptions } from "./options";
import { countBySeverity, textReport } from "./report-text";
import { terminalSafe } from "./terminal-text";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
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
    case "commander.excessArguments":
      return "Geef precies één .xlsx-bestand op: ikk-normen check BESTAND.xlsx";
    default:
      return `Ongeldige aanroep. Zie ikk-normen --help.`;
  }
}

/** Reads and parses a mapping file given with --map. */
function readMapping(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new IkkError("ONBRUIKBAAR", `Het koppelingsbestand "${file}" kan niet gelezen worden.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new IkkError("ONBRUIKBAAR", `Het koppelingsbestand "${file}" is geen geldige JSON (${(e as Error).message}).`);
  }
  return parseMapping(json);
}

async function check(file: string, raw: RawCheckOptions, io: Io): Promise<number> {
  const options: CheckOptions = checkOptionsFrom(raw);
  if (raw.map !== undefined) options.mapping = readMapping(raw.map);
  const { result } = await checkFile(file, options);
  if (raw.json) {
    const report = jsonReport(result) as unknown;
    const text = typeof report === "string" ? report : JSON.stringify(report, null, 2);
    io.stdout(text.trimEnd() + "\n");
  } else {
    io.stdout(textReport(result, path.basename(file)) + "\n");
  }
  return countBySeverity(result).error > 0 ? EXIT_ERRORS : EXIT_OK;
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
    .description("controleer de uren in een .xlsx-bestand tegen de IKK-norm (beleid, coaching, VE, totaal)")
    .argument("<bestand>", "het .xlsx-bestand (wordt alleen gelezen, nooit gewijzigd)")
    .usage("[opties] <bestand>")
    .option("--jaar <jaar>", "het jaar waarvoor de uren gelden (anders uit de werkmap, anders de nieuwste norm)")
    .option("--json", "druk alleen het rapport af als één JSON-object")
    .option("--map <bestand>", "JSON-bestand met een koppeling van tabellen en gegevens als de herkenning faalt")
    .option("--kindercentra <aantal>", "aantal kindercentra (LRK-registraties); gaat voor wat de werkmap zegt")
    .option("--fte <fte>", "fte pedagogisch medewerkers, bijv. 42,37; gaat voor wat de werkmap zegt")
    .option("--peuters <aantal>", "totaal aantal VE-doelgroeppeuters (als er geen tabel per locatie is)")
    .option("--formatie <uren>", "formatie van de beleidsmedewerkers/coaches in uren per jaar, bijv. 2.496")
    .option("--verborgen-bladen <ja|nee>", "tel verborgen bladen mee (standaard nee: verborgen bladen worden overgeslagen en genoemd)")
    .option("--bbl <ja|nee>", "tellen BBL-studenten mee in de fte? (standaard ja)")
    .option("--pbm-op-groep <ja|nee>", "telt een beleidsmedewerker die ook op de groep werkt mee in de fte? (standaard ja)")
    .helpOption("-h, --help", "toon deze hulp")
    .configureHelp({ styleTitle: (t) => HELP_TITLES[t] ?? t })
    .action(async (file: string, raw: RawCheckOptions) => {
      setExit(await check(file, raw, io));
    });
  return program;
}

/** Runs the CLI with process-style argv (node, script, ...args); resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
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
  }
}
