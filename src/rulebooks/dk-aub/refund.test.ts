import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q } from "./fixtures.test-helpers.ts";
import type { SchoolWeekLine } from "./model.ts";
import {
  checkAttestation,
  estimateGrant,
  quarterlyPrepayments,
  refundForLines,
  schoolWeekLineProblems,
  weeklyFromMonthly,
  weeklyRate,
  yearEndSettlement,
} from "./refund.ts";

/** 6.820,00 kr. × 12 / 52 = 1.573,846… kr. → 1.573,85 kr. */
const W2024 = 157_385;
/** 6.589,00 kr. × 12 / 52 = 1.520,538… kr. → 1.520,54 kr. */
const W2023 = 152_054;

const line = (over: Partial<SchoolWeekLine> = {}): SchoolWeekLine => ({
  institutionId: "I1",
  cpr: "010104-1234",
  education: "Smed",
  speciality: "Klejnsmed",
  part: "hovedforloeb",
  supplementaryStudyPreparatory: true,
  weeks: 2,
  from: "2024-02-05",
  to: "2024-02-16",
  ...over,
});

describe("§ 7: the weekly rate = monthly SU rate × 12 / 52", () => {
  it.each([
    [682_000, W2024],
    [658_900, W2023],
    [52_00, 1_200], // exact: 5.200 øre × 12 / 52 = 1.200 øre
    [13, 3], // 3,0 øre exactly
    [1, 0], // 0,23 øre → 0
    [3, 1], // 0,69 øre → 1
  ])("monthly %i øre → weekly %i øre", (monthly, weekly) => {
    expect(weeklyFromMonthly(monthly)).toBe(weekly);
  });

  it("2024: 1.573,85 kr., from the SU rate flagged as a secondary source", () => {
    const d = weeklyRate("2024-09-01");
    expect(d.value).toMatchObject({ monthlyOere: 682_000, weeklyOere: W2024 });
    expect(d.because.map((f) => f.cite.ref)).toContain("§ 7, stk. 2");
    expect(d.because.find((f) => f.rule === "aub.parameter.su-rate.secondary-source")?.severity).toBe("warning");
    expect(d.because.find((f) => f.rule === "aub.refund.weekly-rate")?.message.da).toContain("1.573,85 kr.");
  });

  it("no SU rate recorded for 2025: an error", () => {
    expect(weeklyRate("2025-01-01").value).toBeNull();
  });

  it("property: the rounded weekly rate is within half an øre of monthly × 12 / 52", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (m) => {
        const w = weeklyFromMonthly(m);
        expect(Math.abs(w * 52 - m * 12)).toBeLessThanOrEqual(26);
      }),
    );
  });
});

describe("§ 9, stk. 2 and § 7, stk. 1: the school-week report", () => {
  it("a complete eligible line has no problems", () => {
    expect(schoolWeekLineProblems(line(), 0)).toEqual([]);
  });

  it.each<[string, Partial<SchoolWeekLine>, string, string]>([
    ["CPR missing", { cpr: "" }, "lines[0].cpr", "§ 9, stk. 2"],
    ["education missing", { education: " " }, "lines[0].education", "§ 9, stk. 2"],
    ["speciality missing", { speciality: undefined }, "lines[0].speciality", "§ 9, stk. 2"],
    ["zero weeks", { weeks: 0 }, "lines[0].weeks", "§ 9, stk. 2"],
    ["half a week", { weeks: 1.5 }, "lines[0].weeks", "§ 9, stk. 2"],
    ["more weeks than the period holds", { weeks: 3 }, "lines[0].weeks", "§ 9, stk. 2"],
    ["not the supplementary study-preparatory teaching", { supplementaryStudyPreparatory: false }, "lines[0].supplementaryStudyPreparatory", "§ 7, stk. 1"],
    ["neither grundforløb nor hovedforløb given", { part: undefined }, "lines[0].part", "§ 7, stk. 1"],
    ["period across new year", { from: "2024-12-23", to: "2025-01-10" }, "lines[0].to", "§ 7, stk. 1"],
    ["period reversed", { from: "2024-02-16", to: "2024-02-05" }, "lines[0].to", "§ 9, stk. 2"],
  ])("%s → error on %s (%s)", (_w, over, subject, ref) => {
    const fs = schoolWeekLineProblems(line(over), 0);
    expect(fs.find((f) => f.severity === "error")).toMatchObject({ subject, cite: ref.startsWith("§") ? { seed: "004", ref } : {} });
  });

  it("a bad CPR gets the kernel's finding on the line's field", () => {
    expect(schoolWeekLineProblems(line({ cpr: "320204-1234" }), 3)[0]?.subject).toBe("lines[3].cpr");
  });

  it("refund: weeks × the weekly rate of the line's year, in the quarter of its first day", () => {
    const d = refundForLines([line(), line({ weeks: 1, from: "2024-03-31", to: "2024-04-06" }), line({ weeks: 1, from: "2023-11-06", to: "2023-11-10" })]);
    expect(d.value?.lines.map((l) => [l.quarter, l.amountOere])).toEqual([
      [Q(2024, 1), 2 * W2024],
      [Q(2024, 1), W2024], // a line starting on the last day of a quarter belongs to that quarter
      [Q(2023, 4), W2023],
    ]);
    expect(d.value?.totalOere).toBe(3 * W2024 + W2023);
  });

  it("all or nothing: one bad line and no amount", () => {
    const d = refundForLines([line(), line({ weeks: -1 })]);
    expect(d.value).toBeNull();
    expect(d.because.filter((f) => f.severity === "error")).toHaveLength(1);
  });

  it("property: the refund is additive over lines", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 20 }), (weeks) => {
        const lines = weeks.map((w) => line({ weeks: w }));
        const whole = refundForLines(lines).value?.totalOere;
        const parts = lines.map((l) => refundForLines([l]).value?.totalOere ?? NaN).reduce((a, b) => a + b, 0);
        expect(whole).toBe(parts);
      }),
    );
  });
});

describe("§ 8: quarterly prepayment and year-end settlement", () => {
  it.each([
    [400, [100, 100, 100, 100]],
    [403, [101, 101, 101, 100]],
    [1, [1, 0, 0, 0]],
    [0, [0, 0, 0, 0]],
  ])("estimate %i øre is prepaid as %o", (total, parts) => {
    expect(quarterlyPrepayments(2024, total).value?.map((p) => p.amountOere)).toEqual(parts);
  });

  it("a negative estimate is refused", () => {
    expect(quarterlyPrepayments(2024, -1).value).toBeNull();
  });

  it("property: the four prepayments add up to the estimate and differ by at most one øre", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (t) => {
        const ps = quarterlyPrepayments(2024, t).value?.map((p) => p.amountOere) ?? [];
        expect(ps.reduce((a, b) => a + b, 0)).toBe(t);
        expect(Math.max(...ps) - Math.min(...ps)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("estimate: expected weeks × the year's weekly rate + administration", () => {
    expect(estimateGrant(2024, 100, 50_000).value).toBe(100 * W2024 + 50_000);
  });

  it("settlement: grant − prepaid, positive (the state pays the rest) or negative (AUB pays back)", () => {
    const lines = [line({ weeks: 2 }), line({ weeks: 1, from: "2024-10-07", to: "2024-10-11" })];
    const pre = quarterlyPrepayments(2024, 4 * W2024).value ?? [];
    const d = yearEndSettlement({ year: 2024, lines, prepayments: pre, administrationOere: 10_000 });
    expect(d.value).toMatchObject({ eligibleWeeks: 3, refundOere: 3 * W2024, grantOere: 3 * W2024 + 10_000, prepaidOere: 4 * W2024, balanceOere: 10_000 - W2024 });
    expect(d.because.find((f) => f.rule === "aub.settlement.balance")?.message.da).toContain("tilbagebetales");
  });

  it("settlement refuses lines and prepayments of another year, and notes a quarter without prepayment", () => {
    expect(yearEndSettlement({ year: 2024, lines: [line({ from: "2023-03-01", to: "2023-03-14" })], prepayments: [], administrationOere: 0 }).value).toBeNull();
    expect(yearEndSettlement({ year: 2024, lines: [], prepayments: [{ quarter: Q(2023, 4), amountOere: 1 }], administrationOere: 0 }).value).toBeNull();
    const d = yearEndSettlement({ year: 2024, lines: [], prepayments: [{ quarter: Q(2024, 1), amountOere: 5 }], administrationOere: 0 });
    expect(d.value?.balanceOere).toBe(-5);
    expect(d.because.filter((f) => f.rule === "aub.settlement.no-prepayment")).toHaveLength(3);
  });
});

describe("§ 11: the auditor's attestation of the school weeks", () => {
  const lines = [line({ weeks: 2 }), line({ weeks: 1, from: "2024-05-06", to: "2024-05-10" }), line({ institutionId: "I2", weeks: 2 })];
  it("agrees", () => {
    const d = checkAttestation(lines, { institutionId: "I1", year: 2024, attestedWeeks: 3 });
    expect(d.value.differenceWeeks).toBe(0);
    expect(d.because[0]).toMatchObject({ severity: "info", cite: { ref: "§ 11" } });
  });
  it("differs: an error on attestedWeeks", () => {
    const d = checkAttestation(lines, { institutionId: "I1", year: 2024, attestedWeeks: 4 });
    expect(d.value.differenceWeeks).toBe(1);
    expect(d.because[0]).toMatchObject({ severity: "error", subject: "attestedWeeks" });
  });
});
