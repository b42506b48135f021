/**
 * Example workbook modelled on the 2024 coaching plan (reference 000): a location list of
 * 11 kindercentra with (fictional) LRK numbers and their policy hours (10 × 39 + 160 = 550),
 * a staff list of 37 fictional staff working 806 h/week with "6 h each" coaching (= 222,
 * short of 806 ÷ 36 × 10 = 223,89), and a VE table of five playgroups (36 toddlers, 360 h).
 * Names and numbers other than the totals are invented.
 */
import type { WorkbookSnapshot } from "../shared/validate/types";
import { buildSheet, cloneWorkbook, f, type CellInput } from "../shared/validate/build";

const LOCATIONS: [string, string, string, number][] = [
  ["'t Drakenest", "DO", "111725185", 39],
  ["'t Roversnest", "DO", "648986433", 39],
  ["Meander", "DO en SLG", "275855090", 160],
  ["Pinkeltje", "SLG", "345772982", 39],
  ["'t Draeckske", "SLG", "458873366", 39],
  ["de Boemeltrein", "SLG", "873105217", 39],
  ["Rovershol", "BSO", "439978804", 39],
  ["Meander", "BSO", "146769235", 39],
  ["de Schatrovers", "BSO", "692622779", 39],
  ["Struikrovers", "BSO", "511649174", 39],
  ["de Blokhut", "BSO", "849115218", 39],
];

/** Weekly hours of the 37 staff: contract hours, flex staff their 13-week average. Sum 806. */
const STAFF_HOURS: number[] = [
  28, 28, 24, 24, 20, 16, 24, 28, 28, 20, 24, 16, 12, 24, 28, 20, 24, 32, 16, 24, 20, 28, 24, 16, 20, 24, 32, 12, 24, 20,
  28, 16, 24, 20, 24, 7.5, 6.5,
];
const FIRST_NAMES = [
  "Anouk", "Bram", "Carmen", "Daan", "Eline", "Fatima", "Gerda", "Hanna", "Ilse", "Jasmijn", "Kim", "Lotte", "Maaike",
  "Nadia", "Olga", "Petra", "Quinty", "Romy", "Sanne", "Tessa", "Ursula", "Vera", "Wendy", "Xandra", "Yara", "Zoë",
  "Amber", "Bianca", "Chantal", "Demi", "Esra", "Femke", "Gwen", "Hilde", "Iris", "Joyce", "Karin",
];
const LAST_INITIALS = "BDGHJKLMNPRSTVWZ";

function staffRows(): CellInput[][] {
  return STAFF_HOURS.map((hours, i) => {
    const flex = i >= 35;
    const role = i === 12 ? "BBL-student" : "Pedagogisch medewerker";
    return [
      `${FIRST_NAMES[i]} ${LAST_INITIALS[i % LAST_INITIALS.length]}.`,
      role,
      flex ? "flex (0-uren)" : "vast",
      hours,
      6,
    ] as CellInput[];
  });
}

function build(): WorkbookSnapshot {
  const locHeader = 4; // spreadsheet row of the header
  const locFirst = locHeader + 1;
  const locLast = locFirst + LOCATIONS.length - 1;
  const locations: CellInput[][] = [
    ["Locaties en uren Kindercentrum 't Rovertje 2024"],
    ["Peildatum: 1 januari 2024"],
    [],
    ["Locatie", "Opvangsoort", "LRK-nummer", "Beleidsuren"],
    ...LOCATIONS.map(([name, kind, lrk, hours]) => [name, kind, lrk, hours] as CellInput[]),
    ["Totaal", null, null, f(`=SUM(D${locFirst}:D${locLast})`, LOCATIONS.reduce((s, l) => s + l[3], 0))],
  ];

  const staffHeader = 3;
  const staffFirst = staffHeader + 1;
  const staffLast = staffFirst + STAFF_HOURS.length - 1;
  const staff: CellInput[][] = [
    ["Pedagogisch medewerkers op 1 januari 2024 en coachuren"],
    [],
    ["Naam", "Functie", "Contract", "Uren per week", "Coachuren 2024"],
    ...staffRows(),
    [
      "Totaal",
      null,
      null,
      f(`=SUM(D${staffFirst}:D${staffLast})`, STAFF_HOURS.reduce((s, h) => s + h, 0)),
      f(`=SUM(E${staffFirst}:E${staffLast})`, 6 * STAFF_HOURS.length),
    ],
    [],
    ["Flexibele krachten: uren op basis van de gemiddelde inzet het voorgaande jaar."],
  ];

  const groups: [string, string, number][] = [
    ["SLG 't Kwetternest", "Meander", 11],
    ["SLG Ratjetoe", "Meander", 3],
    ["SLG Pinkeltje", "Pinkeltje", 12],
    ["SLG 't Draeckske", "'t Draeckske", 2],
    ["SLG de Boemeltrein", "de Boemeltrein", 8],
  ];
  const veFirst = 4;
  const veLast = veFirst + groups.length - 1;
  const ve: CellInput[][] = [
    ["Uren pedagogisch beleidsmedewerker VVE 2024"],
    [],
    ["Speelleergroep", "Locatie", "Doelgroeppeuters op 1 januari", "VE-uren"],
    ...groups.map(([g, loc, n], i) => [g, loc, n, f(`=C${veFirst + i}*10`, n * 10)] as CellInput[]),
    [
      "Totaal",
      null,
      f(`=SUM(C${veFirst}:C${veLast})`, groups.reduce((s, g) => s + g[2], 0)),
      f(`=SUM(D${veFirst}:D${veLast})`, groups.reduce((s, g) => s + g[2] * 10, 0)),
    ],
  ];

  return {
    name: "Coachplan 2024.xlsx",
    sheets: [buildSheet("Locaties 2024", locations), buildSheet("Personeel", staff), buildSheet("VE 2024", ve)],
  };
}

/** The 2024 example workbook. Do not mutate: use plan2024() for a copy to break. */
export const PLAN_2024: WorkbookSnapshot = build();

/** A fresh deep copy of the 2024 example, safe to modify. */
export function plan2024(): WorkbookSnapshot {
  return cloneWorkbook(PLAN_2024);
}

/** Where things are, for tests and docs (A1 addresses). */
export const PLAN_2024_CELLS = {
  policyTotal: { sheet: "Locaties 2024", cell: "D16" },
  staffHoursTotal: { sheet: "Personeel", cell: "D41" },
  coachingTotal: { sheet: "Personeel", cell: "E41" },
  firstStaffCoaching: { sheet: "Personeel", cell: "E4" },
  firstLrk: { sheet: "Locaties 2024", cell: "C5" },
  veHoursTotal: { sheet: "VE 2024", cell: "D9" },
} as const;


