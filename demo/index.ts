/**
 * Demo page: the validation panel against the example workbooks through the in-memory
 * host, with the workbook shown as a table beside it. Selecting a finding highlights its
 * cell here, marks colour the cells, and the report appears as a new sheet.
 */
import type { CellValue, SheetSnapshot } from "../shared/validate/types";
import { columnLetters, cellAddress, rangeAddress } from "../shared/validate/a1";
import { errorValueText } from "../shared/cells";
import { formatDutch } from "../shared/numbers";
import { MemoryHost, cellsOf, fillKey } from "./memory-host";
import { mountPanel, type PanelController } from "../shared/panel/panel";
import { h, replace } from "../shared/panel/dom";
import { errorText } from "../shared/panel/view-model";
import { DEMO_EXAMPLES } from "./examples";

const DEMO_CSS = `
body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif; font-size: 13px; color: #222; }
header { padding: 8px 12px; background: #0f6cbd; color: #fff; display: flex; gap: 12px; align-items: center; }
header h1 { font-size: 16px; margin: 0; }
header select { font: inherit; }
main { display: flex; align-items: flex-start; }
#workbook { flex: 1; overflow: auto; height: calc(100vh - 44px); padding: 8px; box-sizing: border-box; }
#panel { width: 420px; border-left: 1px solid #ddd; overflow: auto; height: calc(100vh - 44px); }
.tabs button { font: inherit; border: 1px solid #ccc; border-bottom: none; background: #f3f2f1; padding: 3px 10px; margin-right: 2px; cursor: pointer; }
.tabs button.active { background: #fff; font-weight: 600; }
table.sheet { border-collapse: collapse; font-size: 12px; }
table.sheet th { background: #f3f2f1; color: #605e5c; font-weight: normal; padding: 1px 4px; border: 1px solid #ddd; position: sticky; top: 0; }
table.sheet td { border: 1px solid #e1dfdd; padding: 1px 4px; white-space: pre-wrap; max-width: 220px; vertical-align: top; }
table.sheet td.num { text-align: right; }
table.sheet td.selected { outline: 2px solid #107c10; outline-offset: -2px; background-image: linear-gradient(rgba(16,124,16,.12), rgba(16,124,16,.12)); }
.demo-error { color: #a4262c; padding: 8px; }
`;

/** How the demo shows a cell value: Dutch numbers, WAAR/ONWAAR, error text, text as is. */
function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatDutch(v, 4);
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  const err = errorValueText(v);
  if (err) return err;
  return String(v);
}

/** The cells of a selection; none for what the demo cannot draw (whole columns, several areas). */
function selectedCells(a1: string): string[] {
  try {
    return cellsOf(a1);
  } catch {
    return [];
  }
}

function start(root: HTMLElement): void {
  root.appendChild(h("style", {}, DEMO_CSS));
  const select = h(
    "select",
    { testid: "example", attrs: { "aria-label": "Voorbeeld" } },
    ...DEMO_EXAMPLES.map((e) => h("option", { attrs: { value: e.id } }, e.label)),
  );
  const workbookView = h("section", { testid: "workbook", attrs: { id: "workbook" } });
  const panelRoot = h("aside", { attrs: { id: "panel" } });
  root.append(
    h("header", {}, h("h1", {}, "IKK-normen: demo van de controle"), h("label", {}, "Werkmap: ", select)),
    h("main", {}, workbookView, panelRoot),
  );

  let host: MemoryHost;
  let panel: PanelController | null = null;
  let activeSheet = "";

  function renderWorkbook(): void {
    const sheets = host.workbook.sheets;
    if (!sheets.some((s) => s.name === activeSheet)) activeSheet = sheets[0]?.name ?? "";
    const sheet = sheets.find((s) => s.name === activeSheet);
    const tabs = h(
      "div",
      { className: "tabs" },
      ...sheets.map((s) =>
        h(
          "button",
          {
            className: s.name === activeSheet ? "active" : "",
            attrs: { "data-sheet-tab": s.name, "aria-pressed": s.name === activeSheet ? "true" : "false" },
            on: {
              click: () => {
                activeSheet = s.name;
                renderWorkbook();
              },
            },
          },
          s.name,
        ),
      ),
    );
    replace(workbookView, tabs, sheet ? sheetTable(sheet) : null);
  }

  function sheetTable(sheet: SheetSnapshot): HTMLTableElement {
    const width = Math.max(0, ...sheet.values.map((r) => r.length));
    const selected = new Set(host.selection && host.selection.sheet === sheet.name ? selectedCells(host.selection.cell) : []);
    // The empty corner is a td: an empty header cell labels nothing.
    const head = h("tr", {}, h("td", {}), ...Array.from({ length: width }, (_, c) => h("th", { attrs: { scope: "col" } }, columnLetters(c))));
    const body = sheet.values.map((row, r) =>
      h(
        "tr",
        {},
        h("th", { attrs: { scope: "row" } }, String(r + 1)),
        ...Array.from({ length: width }, (_, c) => {
          const a1 = cellAddress(r, c);
          const value = row[c];
          const td = h(
            "td",
            {
              className: typeof value === "number" ? "num" : "",
              attrs: { "data-sheet": sheet.name, "data-cell": a1 },
              // The user's selection, for "Gebruik selectie": click a cell, shift-click to extend to a range.
              on: { click: (ev) => selectInDemo(sheet.name, r, c, (ev as MouseEvent).shiftKey) },
            },
            cellText(value),
          );
          const formula = sheet.formulas?.[r]?.[c];
          if (formula) td.title = formula;
          const fill = host.fills.get(fillKey(sheet.name, a1));
          if (fill) td.style.backgroundColor = fill;
          if (selected.has(a1)) {
            td.classList.add("selected");
            td.setAttribute("data-selected", "true");
          }
          return td;
        }),
      ),
    );
    return h("table", { className: "sheet" }, h("thead", {}, head), h("tbody", {}, ...body));
  }

  let anchor: { sheet: string; row: number; col: number } | null = null;
  function selectInDemo(sheetName: string, row: number, col: number, extend: boolean): void {
    if (extend && anchor && anchor.sheet === sheetName) {
      host.userSelect(sheetName, rangeAddress(Math.min(anchor.row, row), Math.min(anchor.col, col), Math.max(anchor.row, row), Math.max(anchor.col, col)));
    } else {
      anchor = { sheet: sheetName, row, col };
      host.userSelect(sheetName, cellAddress(row, col));
    }
  }

  function load(id: string): void {
    const example = DEMO_EXAMPLES.find((e) => e.id === id) ?? DEMO_EXAMPLES[0];
    panel?.destroy();
    host = new MemoryHost(example.workbook(), { readDelayMs: 40 });
    let lastSelection: unknown = null;
    host.onChange(() => {
      // A new selection shows its sheet; otherwise keep the tab the user chose.
      if (host.selection && host.selection !== lastSelection) activeSheet = host.selection.sheet;
      lastSelection = host.selection;
      renderWorkbook();
      const selectedCell = workbookView.querySelector("td.selected");
      if (selectedCell) selectedCell.scrollIntoView({ block: "nearest", inline: "nearest" });
    });
    activeSheet = "";
    renderWorkbook();
    panel = mountPanel(panelRoot, host);
  }

  select.addEventListener("change", () => load(select.value));
  load(select.value);
}

const root = document.getElementById("app");
if (root) {
  try {
    start(root);
  } catch (e) {
    root.appendChild(h("div", { className: "demo-error" }, errorText(e)));
  }
}
