/**
 * The overview for parents and staff as rows of text, for the sheet "IKK-overzicht" the
 * panel writes (PanelHost.writeOverview). Built from the same OverviewModel as the HTML page
 * of shared/overview-html.ts, with the same headings, figures and computation lines, so the
 * sheet and the page cannot say different things. Every cell is text (Dutch numbers); no
 * staff name or individual hours are in the model, so none can reach the sheet. Pure.
 */
import { formatDutch } from "./numbers";
import type { OverviewModel } from "./validate/overview";

/** Hours as in the page's computation lines: Dutch, "onbekend" when unknown. */
function hours(n: number | null): string {
  return n === null ? "onbekend" : formatDutch(n, 2);
}

/** Hours as in the page's table: Dutch, "–" when unknown. */
function cell(n: number | null): string {
  return n === null ? "–" : formatDutch(n, 2);
}

/** The title of page and sheet. */
export function overviewTitle(m: OverviewModel): string {
  return `Inzet pedagogisch beleidsmedewerker en coach ${m.year}`;
}

/**
 * The overview as rows of text: title, organisation, the incompleteness notice (on top, when
 * the model is not complete), the hours per kindercentrum with the planned totals and the
 * legal minimum, how the minimum was computed, and the norm's source.
 */
export function overviewRows(m: OverviewModel): string[][] {
  const rows: string[][] = [];
  rows.push([overviewTitle(m)]);
  rows.push([`${m.organisation ? `${m.organisation} · ` : ""}Verdeling van de uren over de kindercentra (Besluit kwaliteit kinderopvang, artikel 8)`]);
  if (m.incomplete.length > 0) {
    rows.push(["Dit overzicht is niet volledig: de cijfers hieronder zijn dus niet definitief."]);
    for (const r of m.incomplete) rows.push([`- ${r}`]);
  }
  rows.push([]);
  rows.push(["Uren per kindercentrum"]);
  if (m.locations.length === 0) {
    rows.push(["De uren per kindercentrum staan niet in de werkmap."]);
  } else {
    const ve = (n: number | null) => (m.showVe ? [cell(n)] : []);
    rows.push(["Kindercentrum", "Beleid (uur)", "Coaching (uur)", ...(m.showVe ? ["VE (uur)"] : [])]);
    for (const l of m.locations) rows.push([l.name, cell(l.policy), cell(l.coaching), ...ve(l.ve)]);
    rows.push(["Totaal gepland", cell(m.planned.policy), cell(m.planned.coaching), ...ve(m.planned.ve)]);
    rows.push(["Minimum volgens de wet", cell(m.required.policy), cell(m.required.coaching), ...ve(m.required.ve)]);
  }
  rows.push([]);
  rows.push(["Zo is het minimum berekend"]);
  const n = m.norm;
  rows.push([`Beleid: ${m.centres === null ? "aantal kindercentra onbekend" : formatDutch(m.centres, 0)} kindercentra × ${formatDutch(n.policyPerCentre)} uur = ${hours(m.required.policy)} uur`]);
  rows.push([`Coaching: ${m.fte === null ? "fte onbekend" : formatDutch(m.fte, 2)} fte pedagogisch professionals × ${formatDutch(n.coachingPerFte)} uur = ${hours(m.required.coaching)} uur`]);
  if (m.showVe && n.vePerToddler !== null) {
    if (m.toddlerLocations.length > 0) {
      rows.push([`VE: ${formatDutch(n.vePerToddler)} uur per doelgroeppeuter, per locatie:`]);
      for (const t of m.toddlerLocations) rows.push([`  ${t.name}: ${formatDutch(t.toddlers, 0)} × ${formatDutch(n.vePerToddler)} uur = ${formatDutch(t.required)} uur`]);
      rows.push([`  samen ${hours(m.required.ve)} uur`]);
    } else {
      rows.push([`VE: ${m.toddlers === null ? "aantal doelgroeppeuters onbekend" : formatDutch(m.toddlers, 0)} doelgroeppeuters × ${formatDutch(n.vePerToddler)} uur = ${hours(m.required.ve)} uur`]);
    }
  }
  rows.push([`Totaal minimum: ${hours(m.required.total)} uur; gepland: ${hours(m.planned.total)} uur`]);
  rows.push([]);
  rows.push([`Norm: ${n.source}. Dit overzicht bevat geen namen of uren van individuele medewerkers.`]);
  return rows;
}
