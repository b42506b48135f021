/**
 * The Excel task pane: the validation panel (shared/panel) on the Office.js adapter, and
 * below it the list of custom functions from the shared catalogue (a folded section).
 * The panel and engine live only in this bundle; functions.js stays free of them.
 */
import { CATALOGUE, FunctionSpec } from "../shared/catalogue";
import { escapeHtml } from "../shared/panel/escape";
import { mountPanel } from "../shared/panel/panel";
import { OfficeHost } from "./office-host";

export { escapeHtml };

/** The namespace from manifest.xml (Functions.Namespace). */
export const NAMESPACE = "IKK";

/** How the function is typed in Dutch Excel: `=IKK.BELEIDSUREN(kindercentra; [jaar])`. */
export function functionSignature(spec: FunctionSpec): string {
  const params = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ");
  return `=${NAMESPACE}.${spec.name}(${params})`;
}

/** The function list as HTML (`<dt>`/`<dd>` pairs); every catalogue text is escaped. */
export function functionListHtml(specs: readonly FunctionSpec[] = CATALOGUE): string {
  return specs
    .map((spec) => `<dt><code>${escapeHtml(functionSignature(spec))}</code></dt><dd>${escapeHtml(spec.description)}</dd>`)
    .join("");
}

function showFunctions(): void {
  const list = document.getElementById("ikk-functies");
  if (list) list.innerHTML = functionListHtml();
}

/** What the pane says outside Excel (mirrors the Sheets sidebar's "werkt alleen in Google Spreadsheets"). */
export const OUTSIDE_EXCEL_MESSAGE =
  "Dit taakvenster werkt alleen in Excel. Open het in Excel (Windows, Mac of Excel op het web) via Start > Invoegtoepassingen; in een gewone browser is er geen werkmap om te controleren.";

/** Mounts the panel in #app (the adapter needs Excel.run). */
function showPanel(): void {
  const root = document.getElementById("app");
  if (root) mountPanel(root, new OfficeHost());
}

/** Outside Excel: a Dutch message in #app instead of the panel; the function list stays. */
function showOutsideExcel(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const p = document.createElement("p");
  p.className = "buiten-excel";
  p.setAttribute("role", "alert");
  p.setAttribute("data-testid", "outside-excel");
  p.textContent = OUTSIDE_EXCEL_MESSAGE;
  root.replaceChildren(p);
}

/**
 * Office.onReady gives the host the page runs in: "Excel" inside Excel, null in a plain
 * browser (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/initialize-add-in#initialize-with-officeonready);
 * without office.js (not loaded, e.g. offline or opened from disk) there is no Office at all.
 */
export function start(office: { onReady?: (cb: (info: { host: unknown }) => void) => unknown } | undefined, show = { panel: showPanel, outside: showOutsideExcel }): void {
  if (!office || typeof office.onReady !== "function") {
    whenDomReady(show.outside);
    return;
  }
  void office.onReady((info) => whenDomReady(() => (info && String(info.host) === "Excel" ? show.panel() : show.outside())));
}

function whenDomReady(fn: () => void): void {
  if (typeof document === "undefined") return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
  else fn();
}

if (typeof document !== "undefined") {
  whenDomReady(showFunctions);
  start(typeof Office === "undefined" ? undefined : (Office as unknown as Parameters<typeof start>[0]));
}
