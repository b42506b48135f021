/**
 * Property: for random plans generated from a known truth (seeded, no new dependency), the
 * check is either right (exit code and numbers match the truth) or says it cannot judge
 * (`controle-onvolledig`, complete false, exit 1). It NEVER says "in orde" (exit 0) for a plan
 * that breaks the law or lacks an input the law needs.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkInProcess } from "./fixtures/layouts/compare";
import { lrkMaker, people, prng, int, pick, shuffle, sum, round9, newWorkbook, putRow, SUM, L } from "./fixtures/layouts/lib";
import { makeTempDir } from "./helpers/xlsx";

const N = 200;
jest.setTimeout(180_000);

interface Site {
  name: string;
  lrks: string[];
  toddlers: number;
  policy: number[];
  coaching: number[];
  ve: number;
}

interface Plan {
  year: number;
  sites: Site[];
  staff: { name: string; fn: string; hours: number; pm: boolean }[];
  layout: "dutch-one-table" | "english-one-table" | "separate-sheets";
  withFunctions: boolean;
  omit: null | "fte" | "lrk" | "ve-hours" | "toddlers";
  wb: ExcelJS.Workbook;
}

interface Truth {
  missing: boolean;
  breaks: boolean;
  centres: number | null;
  fte: number | null;
  required: { policy: number | null; coaching: number | null; ve: number | null };
  planned: { policy: number; coaching: number; ve: number | null };
}

const TOWNS = ["Eersel", "Bergeijk", "Waalre", "Heeze", "Leende", "Geldrop", "Mierlo", "Nuenen", "Best", "Boxtel", "Vught", "Uden", "Oss", "Weert"];
const NON_PM = ["Leidinggevende", "Locatiemanager", "Kok", "Planner", "Administratie", "Schoonmaak", "Pedagogisch coach"];

function makePlan(seed: number): { plan: Plan; truth: Truth } {
  const rng = prng(seed * 7919 + 13);
  const lrk = lrkMaker(rng);
  const year = int(rng, 2022, 2026);
  const nSites = int(rng, 1, 10);
  const towns = shuffle(rng, TOWNS).slice(0, nSites);
  const mode = pick(rng, ["ok", "ok", "policy-short", "coaching-short", "ve-short"] as const);
  const omit = rng() < 0.2 ? pick(rng, ["fte", "lrk", "ve-hours", "toddlers"] as const) : null;
  const withFunctions = rng() < 0.5;
  const layout = pick(rng, ["dutch-one-table", "english-one-table", "separate-sheets"] as const);

  // Staff first: the coaching norm drives the allocation.
  const nStaff = int(rng, 6, 60);
  const names = people(rng, nStaff + 8);
  const staff: Plan["staff"] = [];
  for (let i = 0; i < nStaff; i++) staff.push({ name: names[i], fn: "Pedagogisch medewerker", hours: pick(rng, [12, 16, 18, 20, 24, 24, 28, 30, 32, 36]), pm: true });
  if (withFunctions) for (let i = 0; i < int(rng, 1, 6); i++) staff.push({ name: names[nStaff + i], fn: pick(rng, NON_PM), hours: pick(rng, [16, 24, 32, 36]), pm: false });
  const pmHours = round9(sum(staff.filter((s) => s.pm).map((s) => s.hours)));
  const fte = pmHours / 36;

  const sites: Site[] = towns.map((t) => {
    const two = rng() < 0.5;
    return { name: t, lrks: two ? [lrk(), lrk()] : [lrk()], toddlers: rng() < 0.4 ? int(rng, 1, 9) : 0, policy: [], coaching: [], ve: 0 };
  });
  if (!sites.some((s) => s.toddlers > 0)) sites[0].toddlers = int(rng, 1, 9); // every plan has VE data to judge
  const nLrk = sum(sites.map((s) => s.lrks.length));
  // Policy: 50 per LRK (+ some), coaching: spread 10 × fte rounded up (+ some), VE: 10 per toddler (+ some).
  for (const s of sites) s.policy = s.lrks.map(() => 50 + pick(rng, [0, 0, 5, 10]));
  const coachNeed = Math.ceil(fte * 10) + pick(rng, [0, 0, 5, 20]);
  const perLrk = Math.ceil(coachNeed / nLrk);
  for (const s of sites) s.coaching = s.lrks.map(() => perLrk);
  for (const s of sites) s.ve = s.toddlers * 10 + (s.toddlers ? pick(rng, [0, 0, 5]) : 0);
  let breaks = false;
  if (mode === "policy-short") {
    for (const x of sites) x.policy = x.lrks.map(() => 50);
    pick(rng, sites).policy[0] -= int(rng, 1, 10); // below 50 × nLrk in total
    breaks = true;
  } else if (mode === "coaching-short") {
    const total = sum(sites.flatMap((x) => x.coaching));
    const cut = total - Math.floor(fte * 10) + int(rng, 1, 8); // total ends below 10 × fte
    let left = cut;
    for (const s of sites)
      for (let i = 0; i < s.coaching.length && left > 0; i++) {
        const take = Math.min(left, s.coaching[i] - 1);
        s.coaching[i] -= take;
        left -= take;
      }
    breaks = left === 0 && sum(sites.flatMap((x) => x.coaching)) < fte * 10;
  } else if (mode === "ve-short") {
    const veSites = sites.filter((s) => s.toddlers > 0);
    if (veSites.length) {
      const s = pick(rng, veSites);
      s.ve = s.toddlers * 10 - pick(rng, [5, 10]);
      if (veSites.length > 1) {
        const other = veSites.find((x) => x !== s)!;
        other.ve += 20; // a surplus elsewhere never covers it
      }
      breaks = true;
    }
  }
  const totalToddlers = sum(sites.map((s) => s.toddlers));
  const hasVe = totalToddlers > 0;
  const missing =
    omit === "fte" || omit === "lrk" || (hasVe && (omit === "ve-hours" || omit === "toddlers"));
  const planned = {
    policy: sum(sites.flatMap((s) => s.policy)),
    coaching: sum(sites.flatMap((s) => s.coaching)),
    ve: omit === "ve-hours" && hasVe ? null : sum(sites.map((s) => s.ve)),
  };
  const truth: Truth = {
    missing,
    breaks,
    centres: omit === "lrk" ? null : nLrk,
    fte: omit === "fte" ? null : fte,
    required: {
      policy: omit === "lrk" ? null : 50 * nLrk,
      coaching: omit === "fte" ? null : round9(fte * 10),
      ve: omit === "toddlers" && hasVe ? null : 10 * totalToddlers,
    },
    planned,
  };
  const wb = newWorkbook("property");
  const plan: Plan = { year, sites, staff: shuffle(rng, staff), layout, withFunctions, omit, wb };
  writePlan(plan, rng);
  return { plan, truth };
}

function writePlan(p: Plan, rng: () => number): void {
  const en = p.layout === "english-one-table";
  const ws = p.wb.addWorksheet(en ? `Plan ${p.year}` : `Verdeling ${p.year}`);
  ws.getCell("A1").value = en ? `Coaching and policy hours ${p.year}` : `Uren beleidsmedewerker/coach ${p.year}`;
  ws.getCell("A2").value = en ? "Reference date" : "Peildatum";
  ws.getCell("B2").value = `1-1-${p.year}`;
  const showLrk = p.omit !== "lrk";
  const showVeHours = p.omit !== "ve-hours";
  const showToddlers = p.omit !== "toddlers";
  const sep = p.layout === "separate-sheets";
  const head = [
    en ? "Location" : "Locatie",
    ...(showLrk ? [en ? "LRK number" : "LRK-nummer"] : []),
    en ? "Policy hours" : "Beleidsuren",
    en ? "Coaching" : "Coachuren",
    ...(showVeHours && !sep ? [en ? "VE hours" : "VE-uren"] : []),
    ...(showToddlers && !sep ? [en ? "Target toddlers" : "Doelgroeppeuters"] : []),
  ];
  putRow(ws, 4, 1, head, { bold: true });
  let r = 5;
  for (const s of p.sites) {
    s.lrks.forEach((l, i) => {
      const kind = s.lrks.length === 2 ? (i === 0 ? "KDV" : "BSO") : "KDV";
      const first = i === 0;
      const row: (string | number | null)[] = [`${kind} ${s.name}`, ...(showLrk ? [l] : []), s.policy[i], s.coaching[i]];
      if (showVeHours && !sep) row.push(first && s.toddlers ? s.ve : null);
      if (showToddlers && !sep) row.push(first && s.toddlers ? s.toddlers : null);
      putRow(ws, r++, 1, row);
    });
  }
  put1(ws, r, head.length, en ? "Total" : "Totaal");
  if (sep && (showVeHours || showToddlers) && p.sites.some((s) => s.toddlers)) {
    const v = p.wb.addWorksheet("VE");
    const vh = [en ? "Location" : "VE-locatie", ...(showToddlers ? [en ? "Target toddlers" : "Doelgroeppeuters"] : []), ...(showVeHours ? [en ? "VE hours" : "VE-uren"] : [])];
    putRow(v, 1, 1, vh, { bold: true });
    let vr = 2;
    for (const s of p.sites.filter((x) => x.toddlers)) putRow(v, vr++, 1, [`KDV ${s.name}`, ...(showToddlers ? [s.toddlers] : []), ...(showVeHours ? [s.ve] : [])]);
  }
  if (p.omit !== "fte") {
    const st = p.wb.addWorksheet(en ? "Staff" : "Personeel");
    const h = [en ? "Name" : "Naam", ...(p.withFunctions ? [en ? "Job title" : "Functie"] : []), en ? "Contract hours" : "Uren per week"];
    putRow(st, 1, 1, h, { bold: true });
    p.staff.forEach((s, i) => putRow(st, 2 + i, 1, [s.name, ...(p.withFunctions ? [s.fn] : []), s.hours]));
    if (rng() < 0.5) {
      const c = L(h.length);
      putRow(st, 2 + p.staff.length, 1, [en ? "Total" : "Totaal", ...(p.withFunctions ? [null] : []), SUM(st, `${c}2:${c}${1 + p.staff.length}`)], { bold: true });
    }
  }
}

/** Totaal row with SUMs under every numeric column (all columns after the name, except LRK). */
function put1(ws: ExcelJS.Worksheet, r: number, ncol: number, label: string): void {
  ws.getCell(`A${r}`).value = label;
  for (let c = 2; c <= ncol; c++) {
    const head = String(ws.getCell(`${L(c)}4`).value ?? "");
    if (/lrk/i.test(head)) continue;
    ws.getCell(`${L(c)}${r}`).value = SUM(ws, `${L(c)}5:${L(c)}${r - 1}`) as ExcelJS.CellValue;
  }
}

const close = (a: unknown, b: number | null): boolean => (b === null ? a === null : typeof a === "number" && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));

test(`${N} random plans: right or 'controle-onvolledig', never a wrong 'in orde'`, async () => {
  const dir = makeTempDir("verdict-property");
  const counts = { right: 0, onvolledig: 0, wrong: 0, falseGreen: 0 };
  const wrong: string[] = [];
  try {
    for (let i = 0; i < N; i++) {
      const { plan, truth } = makePlan(i);
      const file = path.join(dir, `plan-${i}.xlsx`);
      await plan.wb.xlsx.writeFile(file);
      const a = await checkInProcess(file);
      const rep = (a.report ?? {}) as Record<string, any>;
      const findings = (rep.findings ?? []) as { rule: string; severity: string }[];
      const onvolledig = a.exit === 1 && rep.complete === false && findings.some((f) => f.rule === "controle-onvolledig" && f.severity === "error");
      const expectedExit = truth.missing ? 1 : truth.breaks ? 1 : 0;
      const numbersRight =
        rep.year === plan.year &&
        close(rep.inputs?.centres, truth.centres) &&
        close(rep.inputs?.fte, truth.fte) &&
        close(rep.required?.policy, truth.required.policy) &&
        close(rep.required?.coaching, truth.required.coaching) &&
        close(rep.required?.ve, truth.required.ve) &&
        close(rep.planned?.policy, truth.planned.policy) &&
        close(rep.planned?.coaching, truth.planned.coaching) &&
        close(rep.planned?.ve, truth.planned.ve);
      const right = !truth.missing && a.exit === expectedExit && rep.complete === true && numbersRight;
      const fg = a.exit === 0 && (truth.breaks || truth.missing);
      if (fg) counts.falseGreen++;
      if (right) counts.right++;
      else if (onvolledig) counts.onvolledig++;
      else {
        counts.wrong++;
        if (wrong.length < 15)
          wrong.push(
            `plan ${i} (${plan.layout}, omit ${plan.omit}, functies ${plan.withFunctions}, breaks ${truth.breaks}): exit ${a.exit}, complete ${rep.complete}; ` +
              `fte ${rep.inputs?.fte} vs ${truth.fte}; centres ${rep.inputs?.centres} vs ${truth.centres}; planned ${JSON.stringify(rep.planned)} vs ${JSON.stringify(truth.planned)}`,
          );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `verdict-property: ${N} plannen — goed ${counts.right}, controle-onvolledig ${counts.onvolledig}, fout ${counts.wrong}, waarvan onterecht 'in orde' (exit 0) ${counts.falseGreen}` +
      (wrong.length ? `\n  eerste fouten:\n  ${wrong.join("\n  ")}` : ""),
  );
  expect(counts.falseGreen).toBe(0);
  expect(counts.wrong).toBe(0);
});
