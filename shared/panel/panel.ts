/**
 * The validation panel: plain DOM, written once for every host. mountPanel(root, host)
 * builds it inside root; all host access goes through the PanelHost interface.
 * All user-facing text is Dutch; workbook text only ever enters the DOM as text.
 */
import type { CheckResult, DetectedTable, TableRole, WorkbookSnapshot } from "../validate/types";
import { checkWorkbook, reportRows, verdictOf, withTableRole } from "../validate";
import type { PanelHost, PanelSettings, SheetSelection } from "./host";
import { REPORT_SHEET_NAME } from "./host";
import { clearMarksMessage } from "./host-kit";
import { overviewModel } from "../validate/overview";
import { overviewRows } from "../overview-rows";
import { carryOver } from "../template/carry-over";
import {
  MONTH_NAMES,
  alertMonthOf,
  asOfOf,
  asOfSetting,
  isoDate,
  newPlanTemplate,
  newPlanYear,
  overviewWrittenMessage,
  planAddedMessage,
  planRemovedMessage,
  realisationView,
  sheetNamesOf,
} from "./plan-view";
import { h, replace } from "./dom";
import { PANEL_CSS } from "./styles";
import {
  FactKey,
  LOW_CONFIDENCE,
  ROLE_OPTIONS,
  applyFactInputs,
  SELECTION_OPTIONS,
  barWidths,
  checkOptions,
  checkSelection,
  differenceText,
  selectionChoice,
  selectionPlace,
  selectionSettings,
  errorText,
  factRows,
  factText,
  findingPlace,
  formationLines,
  groupFindings,
  marksFor,
  show,
  statusLine,
  summaryRows,
  OPTION_TOGGLES,
  optionChecked,
  type OptionToggle,
} from "./view-model";

export interface PanelController {
  /** Read the workbook and check it (what the "Controleren" button does). */
  check(): Promise<void>;
  /** The last result, or null before the first check. */
  readonly result: CheckResult | null;
  /** Remove the panel from its root. */
  destroy(): void;
}

export function mountPanel(root: HTMLElement, host: PanelHost): PanelController {
  let settings: PanelSettings | null = null;
  let snapshot: WorkbookSnapshot | null = null;
  let result: CheckResult | null = null;
  let busy = false;
  // Settings stored in the document; every check waits for them.
  const ready: Promise<void> = host.loadSettings().then(
    (s) => {
      settings = s;
    },
    (e) => setStatus(errorText(e), true),
  );

  const style = h("style", {}, PANEL_CSS);
  const status = h("div", { className: "status", testid: "status", attrs: { role: "status", "aria-live": "polite", "aria-atomic": "true" } });
  const checkButton = h("button", { className: "primary", testid: "check", on: { click: () => void controller.check() } }, "Controleren");
  const summary = h("section", { testid: "summary" });
  const findings = h("section", { testid: "findings" });
  const facts = h("section", { testid: "facts" });
  const tables = h("section", { testid: "tables" });
  const selectionSection = h("section", { testid: "selection" });
  const actions = h("section", { testid: "actions" });
  const planSection = h("section", { testid: "plan" });
  const panel = h(
    "div",
    { className: "ikk-panel" },
    style,
    h("h1", {}, "IKK-urencontrole"),
    checkButton,
    status,
    summary,
    findings,
    facts,
    tables,
    selectionSection,
    actions,
    planSection,
  );
  root.appendChild(panel);

  function setStatus(text: string, isError = false): void {
    status.textContent = text;
    status.className = isError ? "status error" : "status";
  }

  /**
   * While an action runs every control is disabled, except the one with the keyboard focus:
   * disabling it would drop the focus to the page (a keyboard user would have to Tab from
   * the top again). That one is only marked aria-disabled; run() ignores it while busy.
   */
  function setBusy(on: boolean): void {
    busy = on;
    const active = document.activeElement;
    for (const b of Array.from(panel.querySelectorAll("button, select, input"))) {
      const el = b as HTMLButtonElement;
      if (on) {
        el.dataset.wasDisabled = el.disabled ? "1" : "";
        if (el === active) el.setAttribute("aria-disabled", "true");
        else el.disabled = true;
      } else if (el.dataset.wasDisabled !== undefined) {
        el.disabled = el.dataset.wasDisabled === "1";
        delete el.dataset.wasDisabled;
        el.removeAttribute("aria-disabled");
      }
    }
  }

  /** What identifies a control across a new rendering: its test id and the cell or range it is about. */
  function focusKey(el: Element | null): string | null {
    if (!el || !panel.contains(el)) return null;
    const testid = el.getAttribute("data-testid");
    if (!testid) return null;
    return [testid, ...["data-sheet", "data-cell", "data-range", "data-rule"].map((a) => el.getAttribute(a) ?? "")].join("\u0000");
  }

  /** After an action drew the panel again: put the focus back on the same control, if the focus was lost. */
  function restoreFocus(key: string | null): void {
    if (key === null) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const again = Array.from(panel.querySelectorAll<HTMLElement>("[data-testid]")).find((el) => focusKey(el) === key);
    if (again && !(again as HTMLButtonElement).disabled) again.focus();
  }

  /** Runs one user action; any failure becomes a Dutch message in the panel. */
  async function run(action: () => Promise<void>): Promise<void> {
    if (busy) return;
    const key = focusKey(document.activeElement);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setStatus(errorText(e), true);
    } finally {
      setBusy(false);
      restoreFocus(key);
    }
  }

  async function read(): Promise<WorkbookSnapshot> {
    setStatus("Werkmap lezen…");
    const wb = await host.readWorkbook((done, total) => setStatus(`Blad ${done} van ${total} lezen…`));
    // The adapters leave out the report sheet they created themselves (recognised by what they
    // stored, not by name), so a user's own sheet named like the report is checked.
    return wb;
  }

  function evaluate(): void {
    if (!snapshot) return;
    setStatus("Controleren…");
    result = checkWorkbook(snapshot, checkOptions(settings, isoDate(new Date())));
    render();
    setStatus(statusLine(result));
  }

  async function save(next: PanelSettings): Promise<void> {
    await host.saveSettings(next);
    settings = next;
  }

  function render(): void {
    if (!result) return;
    renderSummary(result);
    renderFindings(result);
    renderFacts(result);
    renderTables(result);
    renderActions();
  }

  function renderSummary(r: CheckResult): void {
    const rows = summaryRows(r);
    const widths = barWidths(rows);
    const table = h(
      "table",
      { className: "summary" },
      h("thead", {}, h("tr", {}, ...["Onderdeel", "Vereist", "Gepland", "Verschil"].map((t) => h("th", { attrs: { scope: "col" } }, t)))),
      h(
        "tbody",
        {},
        ...rows.map((row) =>
          h(
            "tr",
            { testid: `row-${row.part}` },
            h("th", { attrs: { scope: "row" } }, row.label),
            h("td", { testid: `required-${row.part}` }, show(row.required)),
            h("td", { testid: `planned-${row.part}` }, show(row.planned)),
            h("td", { className: row.status, testid: `difference-${row.part}` }, differenceText(row.difference)),
          ),
        ),
      ),
    );
    const bars = h(
      "div",
      { className: "bars", attrs: { "aria-hidden": "true" } },
      ...rows.map((row, i) => {
        const req = h("div", { className: "bar required" });
        req.style.width = `${widths[i].required}%`;
        const plan = h("div", { className: `bar planned ${row.status}` });
        plan.style.width = `${widths[i].planned}%`;
        return h("div", { className: "bar-row" }, h("span", {}, row.label), h("div", {}, h("div", { className: "bar-track" }, req), h("div", { className: "bar-track" }, plan)));
      }),
      h("div", { className: "legend" }, h("span", { className: "bar required" }), "vereist", h("span", { className: "bar planned" }), "gepland"),
    );
    const v = verdictOf(r);
    const verdict = h(
      "div",
      { className: `verdict ${v.kind}`, testid: "verdict", attrs: { role: "status" } },
      h("strong", {}, v.title),
      h("div", {}, v.text),
      ...(r.missing.length ? [h("ul", { testid: "missing" }, ...r.missing.map((m) => h("li", {}, m)))] : []),
    );
    replace(
      summary,
      h("h2", {}, `Urennorm ${r.year} (uren per jaar)`),
      verdict,
      table,
      bars,
      ...formationLines(r).map((line) => h("div", { testid: "formation" }, line)),
      realisationBlock(r),
    );
  }

  /** Hours spent so far against the plan, pro rata to the reference date (only when the workbook has a realisation). */
  function realisationBlock(r: CheckResult) {
    const view = realisationView(r);
    if (!view) return null;
    return h(
      "div",
      { testid: "realisation" },
      h("h3", { testid: "realisation-title" }, view.title),
      view.rows.length === 0
        ? null
        : h(
            "table",
            { className: "summary" },
            h("thead", {}, h("tr", {}, ...view.header.map((t) => h("th", { attrs: { scope: "col" } }, t)))),
            h(
              "tbody",
              {},
              ...view.rows.map((row) =>
                h("tr", { testid: `realisation-${row.part}` }, h("th", { attrs: { scope: "row" } }, row.cells[0]), ...row.cells.slice(1).map((c) => h("td", {}, c))),
              ),
            ),
          ),
      ...view.notes.map((line) => h("div", { testid: "realisation-note" }, line)),
    );
  }

  function renderFindings(r: CheckResult): void {
    const groups = groupFindings(r.findings);
    replace(
      findings,
      h("h2", {}, `Bevindingen (${r.findings.length})`),
      ...groups.map((g) =>
        h(
          "div",
          { testid: `group-${g.severity}` },
          h("h3", { attrs: { id: `ikk-findings-${g.severity}` } }, `${g.title} (${g.count})`),
          g.count === 0
            ? h("div", { className: "muted" }, "Geen.")
            : h(
                "ul",
                { attrs: { "aria-labelledby": `ikk-findings-${g.severity}` } },
                ...g.findings.map((f) => {
                  const place = findingPlace(f);
                  const sheet = f.sheet;
                  const cell = f.cell;
                  const attrs = { "data-rule": f.rule, "data-sheet": sheet ?? "", "data-cell": cell ?? "" };
                  const content = [place ? h("span", { className: "place" }, place) : null, h("span", { className: "message" }, f.message)];
                  // A finding without a cell has nothing to select: plain text, not a control.
                  if (sheet === null || cell === null) return h("li", {}, h("div", { className: `finding ${f.severity}`, testid: "finding", attrs }, ...content));
                  const button = h(
                    "button",
                    {
                      className: `finding ${f.severity}`,
                      testid: "finding",
                      attrs: { ...attrs, type: "button" },
                      title: "Selecteer deze cel in de werkmap",
                      on: { click: () => void run(async () => host.selectCell(sheet, cell)) },
                    },
                    ...content,
                  );
                  return h("li", {}, button);
                }),
              ),
        ),
      ),
    );
  }

  function renderFacts(r: CheckResult): void {
    const rows = factRows(r, settings);
    const inputs = new Map<FactKey, HTMLInputElement>();
    const form = h(
      "form",
      {
        on: {
          submit: (ev) => {
            ev.preventDefault();
            void run(async () => {
              const values: Partial<Record<FactKey, string>> = {};
              for (const [key, input] of inputs) values[key] = input.value;
              await save(applyFactInputs(settings, values));
              snapshot = await read();
              evaluate();
            });
          },
        },
      },
      ...rows.map((row) => {
        const input = h("input", {
          testid: `fact-${row.key}`,
          attrs: { type: "text", inputmode: "decimal", id: `ikk-fact-${row.key}`, autocomplete: "off" },
        });
        input.value = row.override === null ? "" : factText(row.key, row.override);
        input.placeholder = factText(row.key, row.value);
        inputs.set(row.key, input);
        return h(
          "div",
          { className: "fact" },
          h("label", { attrs: { for: `ikk-fact-${row.key}` } }, row.label),
          input,
          " ",
          h("span", { testid: `fact-value-${row.key}` }, `gebruikt: ${factText(row.key, row.value)}`),
          h("div", { className: "source" }, `Bron: ${row.source}`),
        );
      }),
      h("button", { testid: "recheck", attrs: { type: "submit" } }, "Opnieuw controleren"),
      h(
        "button",
        {
          testid: "reset-facts",
          attrs: { type: "button" },
          on: {
            click: () =>
              void run(async () => {
                await save(applyFactInputs(settings, {}));
                evaluate();
              }),
          },
        },
        "Aanpassingen wissen",
      ),
    );
    replace(facts, h("h2", {}, "Jaar en gegevens"), h("div", { className: "muted" }, "Laat een veld leeg om de waarde uit de werkmap te gebruiken."), form, optionToggles(), realisationFields());
  }

  /**
   * "Peildatum realisatie" (default today; stored only when another date is chosen) and the
   * month from which staff not yet coached are warned about (default september). A change
   * re-checks the snapshot already read.
   */
  function realisationFields() {
    const today = isoDate(new Date());
    const date = h("input", { testid: "as-of", attrs: { type: "date", id: "ikk-as-of" } });
    date.value = asOfOf(settings, today);
    date.addEventListener("change", () =>
      void run(async () => {
        const asOf = asOfSetting(date.value, isoDate(new Date()));
        const next: PanelSettings = { ...(settings ?? { version: 1 }), version: 1 };
        if (asOf === null) delete next.asOf;
        else next.asOf = asOf;
        await save(next);
        evaluate();
      }),
    );
    const month = h(
      "select",
      {
        testid: "alert-month",
        attrs: { id: "ikk-alert-month" },
        on: {
          change: () =>
            void run(async () => {
              await save({ ...(settings ?? { version: 1 }), version: 1, alertFromMonth: Number(month.value) });
              evaluate();
            }),
        },
      },
      ...MONTH_NAMES.map((name, i) => {
        const opt = h("option", { attrs: { value: String(i + 1) } }, name);
        if (i + 1 === alertMonthOf(settings)) opt.selected = true;
        return opt;
      }),
    );
    return h(
      "div",
      {},
      h("h3", {}, "Realisatie"),
      h("div", { className: "fact" }, h("label", { attrs: { for: "ikk-as-of" } }, "Peildatum realisatie"), date, h("div", { className: "source" }, "Leeg of vandaag: de datum van vandaag.")),
      h("div", { className: "fact" }, h("label", { attrs: { for: "ikk-alert-month" } }, "Waarschuw voor niet-gecoachte medewerkers vanaf"), month),
    );
  }

  /**
   * The option checkboxes, stored in the document: "Verborgen bladen meetellen"
   * (CheckOptions.includeHidden; the snapshot already holds hidden sheets) and the two
   * unverified counting rules (BBL students, a beleidsmedewerker on the group; default: count).
   */
  function optionToggles() {
    return h("div", {}, ...OPTION_TOGGLES.map((o) => optionToggle(o)));
  }

  function optionToggle(o: OptionToggle) {
    const box = h("input", {
      testid: o.testid,
      attrs: { type: "checkbox", id: `ikk-${o.testid}` },
      on: {
        change: () =>
          void run(async () => {
            await save({ ...(settings ?? { version: 1 }), version: 1, [o.key]: box.checked });
            evaluate();
          }),
      },
    });
    box.checked = optionChecked(settings, o);
    return h("div", { className: "fact" }, box, " ", h("label", { attrs: { for: `ikk-${o.testid}` } }, o.label));
  }

  function renderTables(r: CheckResult): void {
    const sorted = [...r.tables].sort((a, b) => Number(b.confidence < LOW_CONFIDENCE) - Number(a.confidence < LOW_CONFIDENCE));
    const unsure = sorted.filter((t) => t.confidence < LOW_CONFIDENCE).length;
    replace(
      tables,
      h("h2", {}, `Gevonden tabellen (${r.tables.length})`),
      unsure > 0 ? h("div", { className: "status" }, `Bij ${unsure} ${unsure === 1 ? "tabel" : "tabellen"} is de rol onzeker: kies de juiste rol.`) : null,
      r.tables.length === 0 ? h("div", { className: "muted" }, "Geen tabellen herkend.") : null,
      ...sorted.map((t) => tableItem(t)),
    );
  }

  function tableItem(t: DetectedTable) {
    const low = t.confidence < LOW_CONFIDENCE;
    const select = h(
      "select",
      {
        testid: "table-role",
        attrs: { "data-sheet": t.sheet, "data-range": t.range, "aria-label": `Rol van ${t.sheet}!${t.range}` },
        on: {
          change: () => {
            const role = select.value as TableRole;
            void run(async () => {
              await save({ ...(settings ?? { version: 1 }), version: 1, mapping: withTableRole(settings?.mapping, t.sheet, t.range, role) });
              if (!snapshot) snapshot = await read();
              evaluate();
            });
          },
        },
      },
      ...ROLE_OPTIONS.map((o) => {
        const opt = h("option", { attrs: { value: o.role } }, o.label);
        if (o.role === t.role) opt.selected = true;
        return opt;
      }),
    );
    return h(
      "div",
      { className: low ? "table-item low" : "table-item", testid: "table" },
      h("div", {}, h("strong", {}, `${t.sheet}!${t.range}`), " ", select),
      h("div", { className: "source" }, `${low ? "Onzeker" : "Zeker"} (${show(t.confidence * 100, 0)}%): ${t.reason}`),
    );
  }

  /**
   * "Gebruik selectie": read the user's selection (one host call), let the user pick a
   * table role or a fact, store it in the mapping and check again (the workbook is read
   * again, so the range is cut to what is in the sheet now).
   */
  function renderSelection(pending: SheetSelection | null = null): void {
    const useButton = h(
      "button",
      {
        testid: "selection-use",
        title: "Selecteer in het blad een tabel of een cel en klik hier",
        on: {
          click: () =>
            void run(async () => {
              const sel = await host.getSelection();
              checkSelection(sel);
              renderSelection(sel);
              setStatus(`Selectie ${selectionPlace(sel!.sheet, sel!.a1)}: kies wat het is.`);
            }),
        },
      },
      "Gebruik selectie",
    );
    if (!pending) {
      replace(
        selectionSection,
        h("h2", {}, "Selectie koppelen"),
        h("div", { className: "muted" }, "Selecteer in het blad een tabel (met kopregel) of één cel met een gegeven, en geef die hier een rol."),
        useButton,
      );
      return;
    }
    const choose = h(
      "select",
      {
        testid: "selection-role",
        attrs: { "aria-label": `Wat is ${selectionPlace(pending.sheet, pending.a1)}?` },
        on: {
          change: () => {
            const choice = selectionChoice(choose.value);
            if (!choice) return;
            void run(async () => {
              await ready;
              snapshot = await read();
              const r = selectionSettings(settings, pending, choice, snapshot);
              await save(r.settings);
              evaluate();
              renderSelection();
              setStatus(`${r.message} ${result ? statusLine(result) : ""}`.trim());
            });
          },
        },
      },
      h("option", { attrs: { value: "" } }, "Kies wat dit is…"),
      ...(["Tabel", "Gegeven (één cel)"] as const).map((group) =>
        h("optgroup", { attrs: { label: group } }, ...SELECTION_OPTIONS.filter((o) => o.group === group).map((o) => h("option", { attrs: { value: o.value } }, o.label))),
      ),
    );
    replace(
      selectionSection,
      h("h2", {}, "Selectie koppelen"),
      h("div", {}, "Selectie: ", h("strong", { testid: "selection-place" }, selectionPlace(pending.sheet, pending.a1))),
      choose,
      " ",
      h("button", { testid: "selection-cancel", on: { click: () => renderSelection() } }, "Annuleren"),
      h("div", {}, useButton),
    );
  }

  function renderActions(): void {
    /** A button whose status line is what its host call says it did. */
    const action = (label: string, testid: string, fn: () => Promise<string>) =>
      h(
        "button",
        {
          testid,
          on: {
            click: () =>
              void run(async () => {
                setStatus(await fn());
              }),
          },
        },
        label,
      );
    replace(
      actions,
      h("h2", {}, "In de werkmap"),
      action("Markeringen tonen", "marks-show", async () => {
        await host.applyMarks(marksFor(result?.findings ?? []));
        return "Cellen met bevindingen zijn gemarkeerd.";
      }),
      action("Markeringen wissen", "marks-clear", async () => clearMarksMessage(await host.clearMarks())),
      h("br"),
      action("Rapport maken", "report-write", async () => {
        const written = await host.writeReport(result ? reportRows(result, { name: snapshot?.name }) : []);
        const name = written?.sheet ?? REPORT_SHEET_NAME;
        const aside = name === REPORT_SHEET_NAME ? "" : ` (er is al een eigen blad '${REPORT_SHEET_NAME}'; dat blijft staan)`;
        return `Rapport geschreven naar blad '${name}'${aside}.`;
      }),
      action("Rapport verwijderen", "report-remove", async () => {
        const { removed } = (await host.removeReport()) ?? { removed: null };
        return removed === null ? "Er is geen rapportblad van het IKK-paneel om te verwijderen." : `Blad '${removed}' verwijderd.`;
      }),
    );
  }

  /**
   * "Nieuw plan", "Nieuw plan verwijderen" and "Overzicht als blad": always there, also
   * before a check. Nieuw plan reads the workbook (for the sheet names in use) when it was not
   * read yet; the overview reads and checks the workbook first, so it shows it as it is now.
   */
  function renderPlan(): void {
    const button = (label: string, testid: string, fn: () => Promise<string>, title?: string) =>
      h("button", { testid, title, on: { click: () => void run(async () => setStatus(await fn())) } }, label);
    replace(
      planSection,
      h("h2", {}, "Nieuw plan en overzicht"),
      h("div", { className: "muted" }, "Nieuw plan zet lege bladen voor een jaarplan in deze werkmap (Normen, Locaties, Medewerkers, Formatie, Verdeling, Realisatie, Overzicht), met formules en invoercontrole."),
      button("Nieuw plan", "plan-new", async () => {
        await ready;
        // The open workbook as it is now: its sheet names, and what to take over (locations, staff, formation).
        snapshot = await read();
        const typed = panel.querySelector<HTMLInputElement>('[data-testid="fact-year"]')?.value ?? "";
        const year = newPlanYear(settings, new Date(), typed);
        // Checked again without drawing: the tables carry-over reads must be those of this snapshot.
        const over = carryOver(snapshot, checkWorkbook(snapshot, checkOptions(settings, isoDate(new Date()))));
        const template = newPlanTemplate(year, sheetNamesOf(snapshot), over.carried);
        setStatus(`Nieuw plan ${year}: ${template.sheets.length} bladen toevoegen…`);
        const added = await host.addPlanSheets(template);
        return planAddedMessage(year, added, over.messages);
      }),
      button("Nieuw plan verwijderen", "plan-remove", async () => {
        setStatus("Bladen van het nieuwe plan nakijken…");
        return planRemovedMessage(await host.removePlanSheets());
      }),
      h("br"),
      button(
        "Overzicht als blad",
        "overview-write",
        async () => {
          // Always the workbook as it is now: read and check again.
          await ready;
          snapshot = await read();
          evaluate();
          const model = overviewModel(snapshot!, result!);
          setStatus("Overzicht schrijven…");
          const written = await host.writeOverview(overviewRows(model));
          return overviewWrittenMessage(written.sheet, model.incomplete.length);
        },
        "Per kindercentrum de uren beleid, coaching en VE, en hoe het minimum is berekend; zonder namen van medewerkers",
      ),
    );
  }

  const controller: PanelController = {
    check: () =>
      run(async () => {
        await ready;
        snapshot = await read();
        evaluate();
      }),
    get result() {
      return result;
    },
    destroy() {
      panel.remove();
    },
  };

  renderSelection();
  renderPlan();
  setStatus("Klik op Controleren om de urentabellen van deze werkmap na te lopen.");
  return controller;
}
