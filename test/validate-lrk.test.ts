import { checkWorkbook, passesElevenTest, RULES } from "../shared/validate";
import { plan2024 } from "../examples/plan-2024";

describe("LRK numbers", () => {
  test("all example numbers pass the eleven-test", () => {
    const wb = plan2024();
    for (let r = 4; r < 15; r++) expect(passesElevenTest(String(wb.sheets[0].values[r][2]))).toBe(true);
    expect(checkWorkbook(wb).findings.filter((f) => f.rule.startsWith("lrk"))).toEqual([]);
  });

  test("eleven-test by hand: 9·1+8·1+7·1+6·7+5·2+4·5+3·1+2·8 = 115 ≡ 5", () => {
    expect(passesElevenTest("111725185")).toBe(true);
    expect(passesElevenTest("111725186")).toBe(false);
    expect(passesElevenTest("11172518")).toBe(false);
  });

  test("not 9 digits → warning at the cell", () => {
    const wb = plan2024();
    wb.sheets[0].values[4][2] = "11172518";
    const r = checkWorkbook(wb);
    const f = r.findings.filter((x) => x.rule === RULES.LRK_FORMAT);
    expect(f).toEqual([{ rule: RULES.LRK_FORMAT, severity: "warning", sheet: "Locaties 2024", cell: "C5", message: expect.stringContaining("9 cijfers") }]);
  });

  test("failing the eleven-test → warning only", () => {
    const wb = plan2024();
    wb.sheets[0].values[5][2] = 648986434;
    const r = checkWorkbook(wb);
    const f = r.findings.filter((x) => x.rule === RULES.LRK_CHECKSUM);
    expect(f.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["warning", "Locaties 2024", "C6"]]);
    expect(r.inputs.centres?.value).toBe(11);
  });

  test("a duplicate LRK number counts once and is a warning", () => {
    const wb = plan2024();
    wb.sheets[0].values[6][2] = "111725185";
    const r = checkWorkbook(wb);
    expect(r.inputs.centres?.value).toBe(10);
    expect(r.findings.filter((x) => x.rule === RULES.LRK_DUPLICATE).map((x) => x.cell)).toEqual(["C7"]);
  });
});
