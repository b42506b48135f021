import * as kit from "../shared/panel/host-kit";
import { IkkError } from "../shared/errors";
import {
  PAINT_ORDER,
  checkSettingsText,
  decodeMarks,
  decodeSettings,
  encodeMarks,
  encodeSettings,
  cellsOf,
  hostError,
  inPaintOrder,
  rectangularText,
  textMismatches,
  withHostErrors,
  HOST_MESSAGES,
} from "../shared/panel/host-kit";

const isColour = (v: unknown): v is string | null => v === null || typeof v === "string";

describe("settings codec", () => {
  it("round-trips settings and treats nothing stored as null", () => {
    const s = { version: 1 as const, year: 2026, includeHidden: true };
    expect(decodeSettings(encodeSettings(s), "Excel")).toEqual(s);
    expect(decodeSettings(s, "Excel")).toEqual(s);
    for (const empty of [null, undefined, ""]) expect(decodeSettings(empty, "Excel")).toBeNull();
  });
  it("refuses unreadable or other-version settings in Dutch, naming the document", () => {
    expect(() => decodeSettings("{kapot", "Excel")).toThrow(/instellingen .* werkmap zijn onleesbaar/);
    expect(() => decodeSettings(JSON.stringify({ version: 7 }), "Google Spreadsheets")).toThrow(/spreadsheet zijn onleesbaar/);
    expect(() => decodeSettings("[1]", "Excel")).toThrow(IkkError);
  });
  it("checks settings text before it is stored", () => {
    expect(checkSettingsText('{"version":1,"year":2025}')).toBe('{"version":1,"year":2025}');
    expect(() => checkSettingsText('{"version":2}')).toThrow(/niet opgeslagen/);
    expect(() => checkSettingsText(42)).toThrow(/niet opgeslagen/);
  });
});

describe("marks codec", () => {
  it("round-trips entries and drops the unreadable ones", () => {
    const cells: Array<[string, string, string | null]> = [["Blad1", "B3", null], ["Blad 2", "C4:D5", "#ff0000"]];
    expect(decodeMarks(encodeMarks(cells), isColour)).toEqual(cells);
    const mixed = JSON.stringify({ version: 1, cells: [["A", "B2", null], ["A", "niet-een-cel", null], ["A", "B3", 5], ["A", "B4"], "x"] });
    expect(decodeMarks(mixed, isColour)).toEqual([["A", "B2", null]]);
  });
  it("gives nothing to restore for broken or foreign data", () => {
    for (const raw of ["{kapot", JSON.stringify({ version: 2, cells: [] }), null, "", JSON.stringify({ version: 1 })]) {
      expect(decodeMarks(raw, isColour)).toEqual([]);
    }
  });
});

describe("cellsOf", () => {
  it("lists every cell of a range row by row", () => {
    expect(cellsOf("B3:C4")).toEqual(["B3", "C3", "B4", "C4"]);
    expect(cellsOf("A1")).toEqual(["A1"]);
  });
  it("refuses an unreadable address in Dutch", () => {
    expect(() => cellsOf("hallo")).toThrow(/celadres 'hallo' is niet te lezen/);
  });
});

describe("paint order", () => {
  it("paints the most severe last, stable within a severity", () => {
    expect(PAINT_ORDER).toEqual(["info", "warning", "error"]);
    const marks = [
      { id: 1, severity: "error" as const },
      { id: 2, severity: "info" as const },
      { id: 3, severity: "warning" as const },
      { id: 4, severity: "info" as const },
    ];
    expect(inPaintOrder(marks).map((m) => m.id)).toEqual([2, 4, 3, 1]);
  });
});

describe("report text", () => {
  it("pads rows to a rectangle of text", () => {
    expect(rectangularText([["a"], ["b", 2 as unknown as string, null as unknown as string], []])).toEqual([
      ["a", "", ""],
      ["b", "2", ""],
      ["", "", ""],
    ]);
    expect(() => rectangularText("tekst")).toThrow(/geen tabel/);
    expect(() => rectangularText([["a"], "b"])).toThrow(/geen tabel/);
  });
  it("finds cells that did not stay the written text", () => {
    const written = [["=A1", "12"], ["tekst", "x"]];
    expect(textMismatches(written, [["=A1", 12], ["tekst", "x"]])).toEqual([[0, 1]]);
    expect(textMismatches(written, [["=A1", "12"], ["tekst", "x"]], [["=A1", ""], ["", ""]])).toEqual([[0, 0]]);
    expect(textMismatches(written, undefined)).toHaveLength(4);
  });
});

describe("host errors", () => {
  it("keeps an IkkError, maps known codes, and wraps the rest in Dutch without a stack", () => {
    const own = new IkkError("ONGELDIGE_INVOER", "eigen melding");
    expect(hostError("Excel", "selectCell", own)).toBe(own);
    const mapped = hostError("Excel", "applyMarks", { code: "AccessDenied", message: "Access denied" }, (c) => (c === "AccessDenied" ? "Beveiligd blad." : null));
    expect(mapped.message).toBe("Beveiligd blad.");
    const e = new Error("Service Spreadsheets failed\n    at foo (Code.gs:1)");
    const wrapped = hostError("Google Spreadsheets", "writeReport", e);
    expect(wrapped.message).toBe("Google Spreadsheets gaf een fout bij het schrijven van het rapport: Service Spreadsheets failed");
    expect(wrapped.message).not.toMatch(/Code\.gs/);
    expect(hostError("Excel", "readWorkbook", "").message).toBe("Excel gaf een fout bij het lezen van de bladen.");
  });
  it("withHostErrors passes results through and converts failures", async () => {
    await expect(withHostErrors("Excel", "getSelection", async () => 5)).resolves.toBe(5);
    await expect(
      withHostErrors("Excel", "getSelection", async () => {
        throw { code: "GeneralException", message: "x".repeat(1000) };
      }),
    ).rejects.toThrow(/^Excel gaf een fout bij het lezen van de selectie: x{297}\.\.\.$/);
  });
  it("names the hidden sheet and how to show it per host", () => {
    expect(HOST_MESSAGES.hiddenSheet("Oud", "Excel")).toMatch(/verborgen blad 'Oud'.*Zichtbaar maken/);
    expect(HOST_MESSAGES.hiddenSheet("Oud", "Google Spreadsheets")).toMatch(/Verborgen bladen/);
    expect(HOST_MESSAGES.reportTextChanged("Excel", 1)).toMatch(/1 tekst in/);
    expect(HOST_MESSAGES.reportTextChanged("Excel", 3)).toMatch(/3 teksten in/);
  });
});

describe("issue 11: report cells cut, free report name, marks v2, the clear message", () => {
  test("rectangularText cuts a cell above MAX_CELL_TEXT with a visible mark, below Excel's 32 767", () => {
    const [[short, long]] = kit.rectangularText([["kort", "a".repeat(50_000)]]);
    expect(short).toBe("kort");
    expect(long.length).toBe(kit.MAX_CELL_TEXT);
    expect(long.length).toBeLessThan(32_767);
    expect(long.endsWith(kit.CUT_MARK)).toBe(true);
    expect(kit.CUT_MARK).toBe("…(ingekort)");
    // Never half a surrogate pair before the mark.
    const emoji = kit.cutCellText("😀".repeat(20_000));
    expect(emoji.endsWith(kit.CUT_MARK)).toBe(true);
    const head = emoji.slice(0, -kit.CUT_MARK.length);
    expect(head.length % 2).toBe(0);
    expect(kit.cutCellText("x".repeat(kit.MAX_CELL_TEXT))).toBe("x".repeat(kit.MAX_CELL_TEXT));
  });

  test("freeReportName: the plain name, else the first free '(n)', names compared without case", () => {
    expect(kit.freeReportName(["Uren"])).toBe("IKK-rapport");
    expect(kit.freeReportName(["ikk-RAPPORT"])).toBe("IKK-rapport (2)");
    expect(kit.freeReportName(["IKK-rapport", "IKK-rapport (2)"])).toBe("IKK-rapport (3)");
  });

  test("isOwnReport: same id and still the same name", () => {
    const rec = kit.decodeReportRecord(kit.encodeReportRecord({ id: "7", name: "IKK-rapport" }));
    expect(kit.isOwnReport(rec, { id: "7", name: "IKK-rapport" })).toBe(true);
    expect(kit.isOwnReport(rec, { id: "8", name: "IKK-rapport" })).toBe(false);
    expect(kit.isOwnReport(rec, { id: "7", name: "Rapport januari" })).toBe(false);
    expect(kit.isOwnReport(null, { id: "7", name: "IKK-rapport" })).toBe(false);
    expect(kit.decodeReportRecord("{kapot")).toBeNull();
  });

  test("saved marks: version 2 round trip; version 1 read as entries without id or tag; junk dropped", () => {
    const isColour = (v: unknown): v is string | null => v === null || typeof v === "string";
    const v2 = [{ sheet: "Blad1", sheetId: "3", cell: "B2", fill: "#ff0000", tag: "a|b" }];
    expect(kit.decodeSavedMarks(kit.encodeSavedMarks(v2), isColour)).toEqual(v2);
    expect(kit.decodeSavedMarks(kit.encodeMarks([["Blad1", "B2:C2", null]]), isColour)).toEqual([{ sheet: "Blad1", cell: "B2:C2", fill: null }]);
    expect(kit.decodeSavedMarks(JSON.stringify({ version: 2, marks: [{ sheet: "x", cell: "??", fill: null }, { sheet: 1 }] }), isColour)).toEqual([]);
  });

  test("clearMarksMessage names what was not restored and never claims all came back", () => {
    expect(kit.clearMarksMessage({ restored: 12, skipped: [] })).toBe("Markeringen gewist: 12 cellen hersteld; de oorspronkelijke opmaak is terug.");
    expect(kit.clearMarksMessage({ restored: 0, skipped: [] })).toBe("Er waren geen markeringen om te wissen.");
    const msg = kit.clearMarksMessage({
      restored: 12,
      skipped: [
        { sheet: "Uren 2026", cell: "B3", reason: "changed" },
        { sheet: "Oud", cell: "C4", reason: "sheetGone" },
      ],
    });
    expect(msg).toBe(
      "Markeringen gewist: 12 cellen hersteld; 2 cellen niet: 'Uren 2026'!B3 (de opmaak is na het markeren gewijzigd), Oud!C4 (het blad bestaat niet meer). Die cellen zijn niet aangeraakt; herstel hun opmaak zo nodig zelf.",
    );
    const many = kit.clearMarksMessage({ restored: 0, skipped: Array.from({ length: 8 }, (_, i) => ({ sheet: "A", cell: `A${i + 1}`, reason: "cellGone" as const })) });
    expect(many).toMatch(/8 cellen niet: .*A!A5 \(de cel is verwijderd\) en nog 3\./);
    expect(kit.isMarkColour("#f4cccc")).toBe(true);
    expect(kit.isMarkColour("#FFFFFF")).toBe(false);
  });
});
