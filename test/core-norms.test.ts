import { NORM_VERSIONS, normForYear, normForDate, newestNorm, veUrenPerPeuter, checkYear } from "../shared/norms";
import { IkkError } from "../shared/errors";

function dutchError(fn: () => unknown, code: string, pattern: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IkkError);
    expect((e as IkkError).code).toBe(code);
    expect((e as IkkError).message).toMatch(pattern);
    return;
  }
  throw new Error("expected an IkkError");
}

describe("norm versions", () => {
  test("versions are sorted by start date and carry the law's figures", () => {
    const dates = NORM_VERSIONS.map((v) => v.from);
    expect([...dates].sort()).toEqual(dates);
    for (const v of NORM_VERSIONS) {
      expect(v.beleidsurenPerKindercentrum).toBe(50);
      expect(v.coachurenPerFte).toBe(10);
      expect(v.urenPerFteWeek).toBe(36);
      expect(v.gastouderCoachurenPerGastouder).toBeNull(); // unverified: never ship a figure
    }
  });

  test("2019 and 2021 have no VE policy norm; 2022 and later have 10 h", () => {
    expect(normForYear(2019).veUrenPerDoelgroeppeuter).toBeNull();
    expect(normForYear(2021).veUrenPerDoelgroeppeuter).toBeNull();
    expect(normForYear(2022).veUrenPerDoelgroeppeuter).toBe(10);
    expect(normForYear(2026).veUrenPerDoelgroeppeuter).toBe(10);
  });

  test("the VE offer of 960 h starts on 1 August 2020 (so from peildatum 2021)", () => {
    expect(normForDate("2020-07-31").veAanbodUren).toBeNull();
    expect(normForDate("2020-08-01").veAanbodUren).toBe(960);
    expect(normForYear(2020).veAanbodUren).toBeNull();
    expect(normForYear(2021).veAanbodUren).toBe(960);
  });

  test("a year after the newest entry uses the newest entry; no year = newest", () => {
    expect(normForYear(2040)).toBe(newestNorm());
    expect(normForYear(undefined)).toBe(newestNorm());
    expect(newestNorm()).toBe(NORM_VERSIONS[NORM_VERSIONS.length - 1]);
  });

  test("years before 2019 and odd years are Dutch errors", () => {
    dutchError(() => normForYear(2018), "GEEN_NORM", /geen IKK-norm.*2019/);
    dutchError(() => normForDate("2018-12-31"), "GEEN_NORM", /2019/);
    dutchError(() => checkYear(2026.5), "ONGELDIGE_INVOER", /heel getal/);
    dutchError(() => checkYear(NaN), "ONGELDIGE_INVOER", /jaar/);
    dutchError(() => veUrenPerPeuter(2021), "GEEN_NORM", /2022/);
  });
});
