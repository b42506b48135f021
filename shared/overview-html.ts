/**
 * The overview for parents and staff as one self-contained HTML page: Dutch, inline CSS with
 * print rules (the browser prints it as one A4 PDF), no script, no external resource. Every
 * text from the workbook is escaped. Pure: model in, string out.
 */
import { formatDutch } from "./numbers";
import { escapeHtml } from "./panel/escape";
import type { OverviewModel } from "./validate/overview";

function hours(n: number | null): string {
  return n === null ? "onbekend" : `${formatDutch(n, 2)}`;
}

function cell(n: number | null): string {
  return n === null ? "–" : escapeHtml(formatDutch(n, 2));
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1a1a1a;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.sub{color:#444;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot td{font-weight:bold;border-top:2px solid #333}
.let{border:2px solid #b00;background:#fff4f4;padding:.5rem .75rem;margin:1rem 0}
ul.calc{padding-left:1.2rem;margin:.25rem 0}
.voet{color:#555;font-size:.85rem;margin-top:1.5rem}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}.let{background:none}}
`;

/** The overview as a complete HTML document (`<html lang="nl">`). */
export function overviewHtml(m: OverviewModel): string {
  const title = `Inzet pedagogisch beleidsmedewerker en coach ${m.year}`;
  const out: string[] = [];
  out.push("<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${escapeHtml(title)}</title>`, `<style>${CSS}</style>`, "</head>", "<body>");
  out.push(`<h1>${escapeHtml(title)}</h1>`);
  out.push(`<p class="sub">${m.organisation ? escapeHtml(m.organisation) + " · " : ""}Verdeling van de uren over de kindercentra (Besluit kwaliteit kinderopvang, artikel 8)</p>`);
  if (m.incomplete.length > 0) {
    out.push('<div class="let"><strong>Dit overzicht is niet volledig:</strong><ul>');
    for (const r of m.incomplete) out.push(`<li>${escapeHtml(r)}</li>`);
    out.push("</ul>De cijfers hieronder zijn dus niet definitief.</div>");
  }

  out.push("<h2>Uren per kindercentrum</h2>");
  if (m.locations.length === 0) {
    out.push("<p>De uren per kindercentrum staan niet in de werkmap.</p>");
  } else {
    out.push("<table><thead><tr><th>Kindercentrum</th><th class=\"n\">Beleid (uur)</th><th class=\"n\">Coaching (uur)</th>");
    if (m.showVe) out.push('<th class="n">VE (uur)</th>');
    out.push("</tr></thead><tbody>");
    for (const l of m.locations) {
      out.push(`<tr><td>${escapeHtml(l.name)}</td><td class="n">${cell(l.policy)}</td><td class="n">${cell(l.coaching)}</td>${m.showVe ? `<td class="n">${cell(l.ve)}</td>` : ""}</tr>`);
    }
    out.push(`</tbody><tfoot><tr><td>Totaal gepland</td><td class="n">${cell(m.planned.policy)}</td><td class="n">${cell(m.planned.coaching)}</td>${m.showVe ? `<td class="n">${cell(m.planned.ve)}</td>` : ""}</tr>`);
    out.push(`<tr><td>Minimum volgens de wet</td><td class="n">${cell(m.required.policy)}</td><td class="n">${cell(m.required.coaching)}</td>${m.showVe ? `<td class="n">${cell(m.required.ve)}</td>` : ""}</tr></tfoot></table>`);
  }

  out.push("<h2>Zo is het minimum berekend</h2>", '<ul class="calc">');
  const n = m.norm;
  out.push(`<li>Beleid: ${m.centres === null ? "aantal kindercentra onbekend" : escapeHtml(formatDutch(m.centres, 0))} kindercentra × ${escapeHtml(formatDutch(n.policyPerCentre))} uur = ${escapeHtml(hours(m.required.policy))} uur</li>`);
  out.push(`<li>Coaching: ${m.fte === null ? "fte onbekend" : escapeHtml(formatDutch(m.fte, 2))} fte pedagogisch professionals × ${escapeHtml(formatDutch(n.coachingPerFte))} uur = ${escapeHtml(hours(m.required.coaching))} uur</li>`);
  if (m.showVe && n.vePerToddler !== null) {
    if (m.toddlerLocations.length > 0) {
      out.push(`<li>VE: ${escapeHtml(formatDutch(n.vePerToddler))} uur per doelgroeppeuter, per locatie:<ul>`);
      for (const t of m.toddlerLocations) out.push(`<li>${escapeHtml(t.name)}: ${escapeHtml(formatDutch(t.toddlers, 0))} × ${escapeHtml(formatDutch(n.vePerToddler))} uur = ${escapeHtml(formatDutch(t.required))} uur</li>`);
      out.push(`</ul>samen ${escapeHtml(hours(m.required.ve))} uur</li>`);
    } else {
      out.push(`<li>VE: ${m.toddlers === null ? "aantal doelgroeppeuters onbekend" : escapeHtml(formatDutch(m.toddlers, 0))} doelgroeppeuters × ${escapeHtml(formatDutch(n.vePerToddler))} uur = ${escapeHtml(hours(m.required.ve))} uur</li>`);
    }
  }
  out.push(`<li><strong>Totaal minimum: ${escapeHtml(hours(m.required.total))} uur</strong>; gepland: ${escapeHtml(hours(m.planned.total))} uur</li>`);
  out.push("</ul>");
  out.push(`<p class="voet">Norm: ${escapeHtml(n.source)}. Dit overzicht bevat geen namen of uren van individuele medewerkers.</p>`);
  out.push("</body>", "</html>");
  return out.join("\n") + "\n";
}
