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

/** Mounts the panel in #app once Office is ready (the adapter needs Excel.run). */
function showPanel(): void {
  const root = document.getElementById("app");
  if (root) mountPanel(root, new OfficeHost());
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showFunctions);
  else showFunctions();
}
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => showPanel());
}
