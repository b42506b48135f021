/**
 * The minimal Excel task pane: lists the custom functions from the shared catalogue.
 * (To be replaced by the validation panel; keep this file self-contained.)
 */
import { CATALOGUE, FunctionSpec } from "../shared/catalogue";

/** The namespace from manifest.xml (Functions.Namespace). */
export const NAMESPACE = "IKK";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

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

function show(): void {
  const list = document.getElementById("ikk-functies");
  if (list) list.innerHTML = functionListHtml();
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
}
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  // Office needs onReady to know the page is an add-in; the pane needs nothing else from it.
  Office.onReady(() => undefined);
}
