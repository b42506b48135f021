/**
 * Linear text handling (issue 11, item 2): hostile cells of up to 32 767 characters go
 * through the text folding and the whole engine with work that grows at most linearly,
 * measured as an operation count (characters scanned, textWork), never a wall clock.
 */
import { foldText, normalizeText, textWork, MAX_TEXT_CHARS, cutText } from "../../shared/validate/cell-read";
import { checkWorkbook } from "../../shared/validate";
import { parseDutchNumber, MAX_NUMBER_TEXT } from "../../shared/numbers";
import { EXCEL_CELL_CHARS, HOSTILE_TEXTS, hostile, planWithText } from "./generators";

/** Characters scanned by `fn`. */
function work(fn: () => unknown): number {
  const before = textWork.chars;
  fn();
  return textWork.chars - before;
}

const SHAPES = Object.keys(HOSTILE_TEXTS);

describe("text folding is linear", () => {
  test.each(SHAPES)("foldText and normalizeText on '%s': work at 2n at most 2,5 × the work at n (below the cut)", (shape) => {
    // Below MAX_TEXT_CHARS the texts are read whole: this measures the scan itself.
    const n = Math.floor(MAX_TEXT_CHARS / 8);
    for (const fn of [foldText, normalizeText]) {
      const a = work(() => fn(HOSTILE_TEXTS[shape](n)));
      const b = work(() => fn(HOSTILE_TEXTS[shape](2 * n)));
      expect(a).toBeGreaterThan(0);
      expect(b / a).toBeLessThanOrEqual(2.5);
      // And at most a few passes per character.
      expect(b).toBeLessThanOrEqual(8 * HOSTILE_TEXTS[shape](2 * n).length);
    }
  });

  test.each(SHAPES)("a 32 000-line (or 32 767-character) cell of shape '%s' costs no more than the cut text", (shape) => {
    const full = hostile(shape, 32_000);
    const half = hostile(shape, 16_000);
    expect(full.length).toBeGreaterThan(MAX_TEXT_CHARS);
    const a = work(() => foldText(half));
    const b = work(() => foldText(full));
    expect(b / a).toBeLessThanOrEqual(2.5);
    expect(b).toBeLessThanOrEqual(8 * MAX_TEXT_CHARS);
    expect(work(() => normalizeText(full))).toBeLessThanOrEqual(9 * MAX_TEXT_CHARS);
  });

  test("the hyphenated line break is still joined, other white space folded", () => {
    expect(foldText("deskundigheids-\nbevordering")).toBe("deskundigheidsbevordering");
    expect(foldText("deskundigheids- \r\n  bevordering")).toBe("deskundigheidsbevordering");
    expect(foldText("Coach-  uren")).toBe("coach- uren"); // no line break: not joined
    expect(foldText("a-\n\n\n")).toBe("a-");
    expect(foldText("  Één\tTwee \n drie  ")).toBe("een twee drie");
    expect(foldText("a-\nb-\nc")).toBe("abc");
    expect(foldText("’t Kabouterhuis")).toBe("'t kabouterhuis");
    expect(foldText(hostile("hyphenBreaks", 32_000))).toBe("a-");
  });

  test("texts are cut to MAX_TEXT_CHARS before matching, never inside a surrogate pair", () => {
    const long = "x".repeat(MAX_TEXT_CHARS - 1) + "😀" + "y".repeat(100);
    const cut = cutText(long);
    expect(cut.length).toBe(MAX_TEXT_CHARS - 1);
    expect(normalizeText("A".repeat(EXCEL_CELL_CHARS)).length).toBe(MAX_TEXT_CHARS);
  });

  test("a number text longer than MAX_NUMBER_TEXT is not a number (the parser reads a bounded text)", () => {
    expect(parseDutchNumber("42" + " ".repeat(MAX_NUMBER_TEXT) + "uur")).toBeNull();
    expect(parseDutchNumber(hostile("dottedOnes", 16_000))).toBeNull();
    expect(parseDutchNumber(hostile("digits", 32_000))).toBeNull();
    expect(parseDutchNumber("€ 1.433,70 uur per jaar")).toBe(1433.7);
    expect(parseDutchNumber("36 uur €")).toBe(36);
  });
});

describe("the whole engine on hostile cells", () => {
  const clean = checkWorkbook(planWithText("Toelichting"));

  test("the plan without hostile text is complete and in order (the baseline)", () => {
    expect(clean.year).toBe(2026);
    expect(clean.planned).toMatchObject({ policy: 100, coaching: 100 });
    expect(clean.required).toMatchObject({ policy: 100, coaching: 100 });
  });

  test.each(SHAPES)("checkWorkbook with '%s' cells: work at 32 000 at most 2,5 × the work at 16 000, same figures as without", (shape) => {
    const a = work(() => checkWorkbook(planWithText(hostile(shape, 16_000))));
    let r: ReturnType<typeof checkWorkbook> | undefined;
    const b = work(() => {
      r = checkWorkbook(planWithText(hostile(shape, 32_000)));
    });
    expect(a).toBeGreaterThan(0);
    expect(b / a).toBeLessThanOrEqual(2.5);
    // Bounded by the cells, not their length: about 20 hostile cells, each read a few times at most.
    expect(b).toBeLessThanOrEqual(20 * 20 * MAX_TEXT_CHARS);
    expect(r!.year).toBe(2026);
    expect(r!.required).toMatchObject({ policy: 100, coaching: 100 });
  });

  test("below the cut the engine's text work grows linearly too (n = 500 and 1 000 lines)", () => {
    for (const shape of ["hyphenBreaks", "crlfSpaces", "spaces", "lines"]) {
      const a = work(() => checkWorkbook(planWithText(HOSTILE_TEXTS[shape](500))));
      const b = work(() => checkWorkbook(planWithText(HOSTILE_TEXTS[shape](1000))));
      expect(b / a).toBeLessThanOrEqual(2.5);
    }
  });
});
