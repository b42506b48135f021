/**
 * The Google Sheets sidebar: the validation panel (shared/panel) on the Apps Script
 * adapter. Bundled with the engine into dist/sheets/Sidebar.html (one file, everything
 * inlined); Code.gs stays free of it.
 */
import { mountPanel } from "../shared/panel/panel";
import { AppsScriptHost } from "./sidebar-host";

function start(): void {
  const root = document.getElementById("app");
  if (root) mountPanel(root, new AppsScriptHost());
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
