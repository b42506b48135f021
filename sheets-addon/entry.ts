/**
 * The Google Sheets library, bundled by webpack as the global `IKK` (output.library
 * type "var"). The generated custom-function declarations call `IKK.run`; the menu and
 * trigger functions in triggers.js call the other exports. No Apps Script service is
 * touched here, so everything is testable in plain Node.
 */
import { CATALOGUE, callFunction, FunctionResult } from "../shared/catalogue";
import { isIkkError } from "../shared/errors";
import { newestNorm } from "../shared/norms";

/** Title of the menu, the sidebar and the about dialog. */
export const ADDON_TITLE = "IKK-normen";

/** Sheets function name of a catalogue entry (Sheets has no namespaces). */
export function sheetsName(catalogueName: string): string {
  return `IKK_${catalogueName}`;
}

/**
 * Run a catalogue function with the raw Sheets arguments. Sheets shows the message of a
 * thrown Error in the cell's error tooltip, so an IkkError becomes a plain Error with the
 * Dutch message; anything else is an internal error, also reported in Dutch.
 */
export function run(name: string, args: unknown[]): FunctionResult {
  try {
    return callFunction(name, args);
  } catch (e) {
    if (isIkkError(e)) throw new Error(e.message);
    const detail = e instanceof Error ? e.message : String(e);
    throw new Error(`Interne fout in ${sheetsName(name)}: ${detail}`);
  }
}

/** Text of the "Over IKK-normen" dialog: the functions and the rule that applies. */
export function aboutText(): string {
  const norm = newestNorm();
  return [
    "Urennormen van de Wet IKK voor de pedagogisch beleidsmedewerker/coach.",
    "",
    `Beleid: ${norm.beleidsurenPerKindercentrum} uur per kindercentrum (LRK-registratie). ` +
      `Coaching: ${norm.coachurenPerFte} uur per fte (1 fte = ${norm.urenPerFteWeek} uur per week), zonder afronding.` +
      (norm.veUrenPerDoelgroeppeuter !== null ? ` VE: ${norm.veUrenPerDoelgroeppeuter} uur per doelgroeppeuter per locatie.` : ""),
    `Bron: ${norm.bron}.`,
    "",
    "Functies: " + CATALOGUE.map((f) => sheetsName(f.name)).join(", ") + ".",
    "Kies Extensies > IKK-normen > Controleren… om een urentabel te laten controleren.",
  ].join("\n");
}

// The server half of the sidebar: IKK.server is SERVER_FUNCTIONS, called through
// IKK.serverCall by the generated top-level wrappers (generated/server.js). The validation
// engine and the panel run in the sidebar, never here: see server.ts.
export { serverCall, SERVER_FUNCTIONS as server } from "./server";
