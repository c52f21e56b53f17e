import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, weekday, type IsoDate } from "../../kernel/time/date.ts";
import { REF, type ClassLevel } from "./codes.ts";
import { pupil, SY_2022 } from "./testing.ts";
import {
  afterSummerReminder,
  checkClassLevel,
  classLevelInReportedYear,
  closingDate,
  guideDate,
  mayEdit,
  mustResubmit,
  overdue,
  valuesAtClose,
  type WindowEvent,
} from "./window.ts";

describe("edits until and including 5 September (Hvornår finder indberetningen sted?, 2.4)", () => {
  it.each([
    ["2023-09-04", true],
    ["2023-09-05", true],
    ["2023-09-06", false],
    ["2023-08-16", true],
    ["2022-09-05", true], // a year earlier: still before the close of 2022/23 (no opening date in the guide)
    ["2024-09-05", false],
  ] as [IsoDate, boolean][])("2022/23 on %s → %s", (on, expected) => {
    const d = mayEdit(SY_2022, on);
    expect(d.value).toBe(expected);
    expect(d.because[0]).toMatchObject({ severity: expected ? "info" : "error", cite: { seed: "001", ref: REF.step24 }, value: on });
  });
  it("the closing date is 5 September of the year the school year ends, also on a weekend (2026-09-05 is a Saturday)", () => {
    expect(closingDate(SY_2022)).toBe("2023-09-05");
    expect(closingDate({ startYear: 2025 })).toBe("2026-09-05");
    expect(weekday("2026-09-05")).toBe(5);
    expect(mayEdit({ startYear: 2025 }, "2026-09-07").value).toBe(false);
  });
  it("all the guide's dates are read in the year the reported school year ends", () => {
    expect([guideDate(SY_2022, "savePdfBy"), guideDate(SY_2022, "transferStarts"), guideDate(SY_2022, "transferEnds"), guideDate(SY_2022, "transferVisible")]).toEqual([
      "2023-08-06",
      "2023-08-07",
      "2023-08-15",
      "2023-08-17",
    ]);
  });
  it("property: editing is allowed exactly on the days up to and including the closing date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: -800, max: 800 }), (startYear, offset) => {
        const sy = { startYear };
        const on = addDays(closingDate(sy), offset);
        expect(mayEdit(sy, on).value).toBe(offset <= 0);
      }),
    );
  });
  it("STIL contacts the school when nothing was received by 5 September", () => {
    expect(overdue(SY_2022, "2023-09-05", false).value).toBe(false);
    expect(overdue(SY_2022, "2023-09-06", false).because[0]?.cite.ref).toBe(REF.when);
    expect(overdue(SY_2022, "2023-09-06", true).value).toBe(false);
  });
});

describe("resubmission after a change; the latest registration counts at the close (2.4)", () => {
  const ev = (seq: number, on: IsoDate, kind: WindowEvent["kind"]): WindowEvent => ({ seq, on, kind });
  it.each([
    ["never submitted", [ev(1, "2023-06-01", "change")], true, "sprogprove.window.not-submitted"],
    ["submitted after the last change", [ev(1, "2023-06-01", "change"), ev(2, "2023-06-02", "submit")], false, undefined],
    ["changed after submitting", [ev(1, "2023-06-01", "submit"), ev(2, "2023-09-04", "change")], true, "sprogprove.window.resubmit"],
    ["changed on 5 Sep after submitting", [ev(1, "2023-09-01", "submit"), ev(2, "2023-09-05", "change")], true, "sprogprove.window.resubmit"],
    ["a change on 6 Sep does not count", [ev(1, "2023-09-01", "submit"), ev(2, "2023-09-06", "change")], false, undefined],
    ["resubmitted on 5 Sep", [ev(1, "2023-09-01", "submit"), ev(2, "2023-09-04", "change"), ev(3, "2023-09-05", "submit")], false, undefined],
  ] as [string, WindowEvent[], boolean, string | undefined][])("%s", (_n, events, expected, rule) => {
    const d = mustResubmit(SY_2022, events);
    expect(d.value).toBe(expected);
    expect(d.because[0]?.rule).toBe(rule);
  });

  it("the latest registration on or before 5 September counts, later ones do not", () => {
    const d = valuesAtClose(SY_2022, [
      { key: "pupils.p1.rykkerOp", seq: 1, on: "2023-06-20", value: false },
      { key: "pupils.p1.rykkerOp", seq: 3, on: "2023-09-05", value: true },
      { key: "pupils.p1.rykkerOp", seq: 4, on: "2023-09-06", value: false },
      { key: "pupils.p2.rykkerOp", seq: 2, on: "2023-09-04", value: true },
    ]);
    expect(Object.fromEntries(d.value)).toEqual({ "pupils.p1.rykkerOp": true, "pupils.p2.rykkerOp": true });
    expect(d.because.map((f) => [f.rule, f.subject, f.value])).toEqual([["sprogprove.window.after-close", "pupils.p1.rykkerOp", "2023-09-06"]]);
  });
  it("property: order of the input does not matter; the value is the one with the highest seq in the window", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ seq: fc.nat(1000), day: fc.integer({ min: -30, max: 30 }), value: fc.integer() }), { selector: (r) => r.seq, minLength: 1 }),
        (rows) => {
          const regs = rows.map((r) => ({ key: "k", seq: r.seq, on: addDays("2023-09-05", r.day), value: r.value }));
          const inWindow = rows.filter((r) => r.day <= 0).sort((a, b) => b.seq - a.seq);
          const got = valuesAtClose(SY_2022, regs).value.get("k");
          expect(got).toBe(inWindow[0]?.value);
          expect(valuesAtClose(SY_2022, [...regs].reverse()).value.get("k")).toBe(got);
        },
      ),
    );
  });
});

describe("the class level of the reported school year, also after the summer holiday", () => {
  it("a level stated for 2023/24 in the report for 2022/23 is an error citing step 1 after the summer", () => {
    const p = pupil({ classLevel: 1, classLevelSchoolYear: { startYear: 2023 } });
    const [f] = checkClassLevel(p, SY_2022, "2023-08-20");
    expect(f).toMatchObject({ rule: "sprogprove.class-level.school-year", subject: "classLevel", value: 1, cite: { ref: REF.step1 } });
    expect(f?.message.en).toContain("after the summer holiday");
    expect(checkClassLevel(p, SY_2022, "2023-06-20")[0]?.cite.ref).toBe(REF.when);
    expect(checkClassLevel({ ...p, classLevelSchoolYear: SY_2022 }, SY_2022, "2023-08-20")).toEqual([]);
    expect(checkClassLevel({ ...p, classLevelSchoolYear: undefined }, SY_2022, "2023-08-20")).toEqual([]);
  });
  it("a class level outside 0–9 is an error", () => {
    expect(checkClassLevel(pupil({ classLevel: 10 as ClassLevel }), SY_2022, "2023-06-01")[0]?.rule).toBe("sprogprove.class-level.range");
  });
  it.each([
    ["31 July: still the school year", "2023-07-31", 0],
    ["1 August: after the summer", "2023-08-01", 1],
    ["5 September", "2023-09-05", 1],
  ] as [string, IsoDate, number][])("report-wide reminder on %s", (_n, on, n) => {
    expect(afterSummerReminder(SY_2022, on)).toHaveLength(n);
  });
  it.each([
    [1, 2023, true, 0, "1. kl. in 2023/24 after moving up → bh.kl. in 2022/23"],
    [0, 2023, false, 0, "bh.kl. again in 2023/24 → bh.kl. in 2022/23"],
    [5, 2023, true, 4, "5. kl. → 4. kl."],
    [3, 2022, null, 3, "same year: as stated"],
    [3, 2023, null, null, "unknown whether the pupil moved up"],
    [0, 2023, true, null, "bh.kl. cannot follow a move up"],
    [3, 2024, true, null, "two years later: not derived"],
  ] as [ClassLevel, number, boolean | null, ClassLevel | null, string][])("%i in %i, rykkede op %s → %s (%s)", (level, year, up, expected) => {
    const d = classLevelInReportedYear(level, { startYear: year }, SY_2022, up);
    expect(d.value).toBe(expected);
    if (expected === null) expect(d.because[0]?.severity).toBe("error");
  });
});
