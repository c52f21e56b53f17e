import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasErrors } from "../../kernel/law.ts";
import {
  contributionArithmetic,
  contributionHistory,
  employerQuarterStatement,
  latestVersions,
  recalculate,
  unitQuarterContribution,
  type ContributionContext,
} from "./contribution.ts";
import { cprA, cprB, CVR, employer, FULL, Q, RATE_Q, report, SE2, unit, unit2 } from "./fixtures.test-helpers.ts";
import type { AtpReport, TraineeExemption } from "./model.ts";

const ctx: ContributionContext = { employer, unit };
const contribution = (r: AtpReport, c: ContributionContext = ctx) => unitQuarterContribution(r, c).value?.contributionOere;

describe("§ 3, stk. 1: one full quarter's contribution per full quarter's ATP amount", () => {
  it.each([
    ["nothing reported", 0, 0, 0, 0],
    ["exactly one full amount", FULL, 1, 0, RATE_Q],
    ["one øre short of a full amount", FULL - 1, 0, FULL - 1, 0],
    ["one full amount and one øre", FULL + 1, 1, 1, RATE_Q],
    ["ten full amounts (virk.dk example: 8.520,00 kr.)", 10 * FULL, 10, 0, 10 * RATE_Q],
    ["two part-time amounts of 568,00 kr. each", 2 * 56_800, 1, 28_400, RATE_Q],
  ])("%s: %i øre → %i full, remainder %i, contribution %i", (_what, total, full, remainder, due) => {
    const d = unitQuarterContribution(report({ totalOere: total }), ctx);
    expect(d.value).toMatchObject({ fullQuarters: full, remainderOere: remainder, contributionOere: due, basisOere: total });
    expect(d.because.find((f) => f.rule === "aub.contribution.whole-quarters")?.cite).toEqual({ seed: "004", ref: "§ 3, stk. 1" });
  });

  it("the remainder is named and not charged", () => {
    const d = unitQuarterContribution(report({ totalOere: FULL + 100 }), ctx);
    const f = d.because.find((x) => x.rule === "aub.contribution.remainder-not-charged");
    expect(f).toMatchObject({ subject: "remainderOere", value: 100, cite: { ref: "§ 3, stk. 1" } });
    expect(f?.message.da).toContain("1,00 kr.");
  });

  it("proportional policy charges the remainder pro rata, rounded to the øre", () => {
    // 2/3 of a full amount: 78725 × 2/3 = 52483.33… → 52483 øre
    const d = unitQuarterContribution(report({ totalOere: 56_800 }), { ...ctx, policy: "proportional" });
    expect(d.value?.contributionOere).toBe(52_483);
    // half a full amount: 39362.5 → rounds half up to 39363
    expect(contribution(report({ totalOere: FULL / 2 }), { ...ctx, policy: "proportional" })).toBe(39_363);
    // whole amounts give the same under both policies
    expect(contribution(report({ totalOere: 7 * FULL }), { ...ctx, policy: "proportional" })).toBe(7 * RATE_Q);
  });

  it("every quarter of 2024 uses the 2024 rate; 2025 has no rate yet (an error, never a guess)", () => {
    for (const q of [1, 2, 3, 4] as const) expect(contribution(report({ quarter: Q(2024, q) }))).toBe(10 * RATE_Q);
    const d = unitQuarterContribution(report({ quarter: Q(2025, 1) }), ctx);
    expect(d.value).toBeNull();
    expect(d.because.some((f) => f.rule === "aub.parameter.contribution-rate.missing")).toBe(true);
  });

  it("the full-quarter ATP amount is flagged as coming from a secondary source", () => {
    const d = unitQuarterContribution(report(), ctx);
    expect(d.because.find((f) => f.rule === "aub.parameter.full-quarter-atp.secondary-source")?.severity).toBe("warning");
  });

  it("a quarter before 1 January 2024 is outside the seed (§ 12)", () => {
    const d = unitQuarterContribution(report({ quarter: Q(2023, 4) }), ctx);
    expect(d.because.some((f) => f.rule === "aub.contribution.before-seed" && f.cite.ref === "§ 12")).toBe(true);
  });
});

describe("§ 3, stk. 2: bad input gives findings on the field", () => {
  it.each([
    ["negative total", report({ totalOere: -1 }), "totalOere"],
    ["fractional øre", report({ totalOere: 10.5 }), "totalOere"],
    ["version 0", report({ version: 0 }), "version"],
    ["negative person amount", report({ persons: [{ cpr: cprA, amountOere: -5 }] }), "persons[0].amountOere"],
    ["persons above total", report({ totalOere: 100, persons: [{ cpr: cprA, amountOere: 101 }] }), "persons"],
    ["report of another unit", report({ unitId: "U9" }), "unitId"],
  ])("%s", (_what, r, subject) => {
    const d = unitQuarterContribution(r, ctx);
    expect(d.value).toBeNull();
    expect(d.because.find((f) => f.severity === "error")?.subject).toBe(subject);
  });
});

describe("§ 2 within § 3: an exempt employer pays nothing", () => {
  it("a diplomatic representation's unit owes 0 and the basis is still shown", () => {
    const d = unitQuarterContribution(report(), { employer: { ...employer, category: "diplomatic-representation" }, unit });
    expect(d.value).toMatchObject({ contributionOere: 0, employerExempt: true, basisOere: 10 * FULL });
  });
});

describe("§ 4, stk. 1: exempt trainees are left out of the basis", () => {
  const ex = (from: string, to: string, cpr = cprA): TraineeExemption => ({
    notificationId: "N1",
    cpr,
    employerCvr: CVR,
    from,
    to,
    fromQuarter: Q(2024, 1),
    toQuarter: Q(2024, 4),
  });
  const r = report({ totalOere: 3 * FULL, persons: [{ cpr: cprA, amountOere: FULL }, { cpr: cprB, amountOere: FULL }] });

  it.each([
    ["covering the whole quarter", "2023-08-01", "2026-07-31", 2],
    ["starting on the quarter's last day", "2024-03-31", "2026-07-31", 2],
    ["ending on the quarter's first day", "2021-01-01", "2024-01-01", 2],
    ["starting the day after the quarter", "2024-04-01", "2026-07-31", 3],
    ["ending the day before the quarter", "2021-01-01", "2023-12-31", 3],
  ])("exemption %s (%s–%s) → %i full amounts", (_what, from, to, full) => {
    const d = unitQuarterContribution(r, { ...ctx, exemptTrainees: [ex(from, to)] });
    expect(d.value?.fullQuarters).toBe(full);
    expect(d.value?.exemptTraineeOere).toBe((3 - full) * FULL);
  });

  it("only exemptions notified for this employer's CVR or this unit's SE count", () => {
    const other = { ...ex("2024-01-01", "2024-12-31"), employerCvr: "29999996" as typeof CVR };
    expect(unitQuarterContribution(r, { ...ctx, exemptTrainees: [other] }).value?.exemptTraineeOere).toBe(0);
    const bySe = { ...ex("2024-01-01", "2024-12-31"), employerSe: SE2 };
    delete bySe.employerCvr;
    expect(unitQuarterContribution(r, { ...ctx, exemptTrainees: [bySe] }).value?.exemptTraineeOere).toBe(0);
    expect(unitQuarterContribution({ ...r, unitId: "U2" }, { employer, unit: unit2, exemptTrainees: [bySe] }).value?.exemptTraineeOere).toBe(FULL);
  });

  it("two overlapping exemptions of one trainee leave their amount out once", () => {
    const d = unitQuarterContribution(r, { ...ctx, exemptTrainees: [ex("2023-08-01", "2024-02-10"), { ...ex("2024-02-11", "2026-07-31"), notificationId: "N2" }] });
    expect(d.value?.exemptTraineeOere).toBe(FULL);
  });

  it("an exempt trainee without a person line: a warning, nothing left out", () => {
    const d = unitQuarterContribution(report(), { ...ctx, exemptTrainees: [ex("2024-01-01", "2024-12-31")] });
    expect(d.value?.exemptTraineeOere).toBe(0);
    expect(d.because.find((f) => f.rule === "aub.contribution.exempt-trainee-without-amount")?.severity).toBe("warning");
  });
});

describe("§ 3, stk. 2, 2. pkt.: corrections recalculate the contribution with the difference", () => {
  it("a correction of an earlier quarter uses that quarter's rate and gives the difference", () => {
    const d = recalculate(10 * RATE_Q, report({ quarter: Q(2024, 1), version: 2, receivedOn: "2024-10-15", totalOere: 12 * FULL }), ctx);
    expect(d.value).toMatchObject({ previousOere: 10 * RATE_Q, differenceOere: 2 * RATE_Q });
    expect(d.because.at(-1)).toMatchObject({ rule: "aub.contribution.recalculated", cite: { ref: "§ 3, stk. 2" }, subject: "differenceOere" });
  });

  it("a correction downwards gives a negative difference (a refund)", () => {
    expect(recalculate(10 * RATE_Q, report({ version: 2, totalOere: 9 * FULL + 5 }), ctx).value?.differenceOere).toBe(-RATE_Q);
  });

  it("history: versions 1, 2, 3 with the differences between them", () => {
    const h = contributionHistory(
      [report({ version: 3, totalOere: 11 * FULL }), report({ version: 1, totalOere: 10 * FULL }), report({ version: 2, totalOere: 8 * FULL })],
      ctx,
    );
    expect(h.value?.map((x) => [x.contribution.version, x.previousOere, x.differenceOere])).toEqual([
      [1, 0, 10 * RATE_Q],
      [2, 10 * RATE_Q, -2 * RATE_Q],
      [3, 8 * RATE_Q, 3 * RATE_Q],
    ]);
  });

  it("history with a gap or a repeated version, or of two quarters, is refused", () => {
    expect(hasErrors(contributionHistory([report({ version: 1 }), report({ version: 3 })], ctx).because)).toBe(true);
    expect(hasErrors(contributionHistory([report({ version: 1 }), report({ version: 1 })], ctx).because)).toBe(true);
    expect(hasErrors(contributionHistory([report({ version: 1 }), report({ version: 2, quarter: Q(2024, 2) })], ctx).because)).toBe(true);
  });

  it("latestVersions keeps the highest version per unit and quarter", () => {
    const l = latestVersions([report({ version: 1 }), report({ version: 2, totalOere: 1 }), report({ quarter: Q(2024, 2) })]);
    expect(l.map((r) => [r.quarter.q, r.version])).toEqual([[1, 2], [2, 1]]);
  });

  it("property: the difference equals new minus old, and the differences add up to the latest contribution", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 * FULL }), { minLength: 1, maxLength: 6 }), (totals) => {
        const h = contributionHistory(totals.map((t, i) => report({ version: i + 1, totalOere: t })), ctx).value ?? [];
        let sum = 0;
        h.forEach((rev, i) => {
          expect(rev.differenceOere).toBe(rev.contribution.contributionOere - (h[i - 1]?.contribution.contributionOere ?? 0));
          sum += rev.differenceOere;
        });
        expect(sum).toBe(h.at(-1)?.contribution.contributionOere);
      }),
    );
  });
});

describe("§ 3, stk. 3: per ATP-reporting unit", () => {
  it("each unit is computed on its own: remainders are not pooled", () => {
    const s = employerQuarterStatement(employer, [unit, unit2], Q(2024, 1), [
      report({ unitId: "U1", totalOere: FULL + FULL / 2 }),
      report({ unitId: "U2", totalOere: FULL + FULL / 2 }),
    ]);
    expect(s.value?.totalOere).toBe(2 * RATE_Q); // pooled, 3 full amounts would give 3 × RATE_Q
    expect(s.value?.units.map((u) => u.unitId)).toEqual(["U1", "U2"]);
  });

  it("the statement uses the latest version of each unit and refuses a stranger's unit", () => {
    const s = employerQuarterStatement(employer, [unit], Q(2024, 1), [report({ version: 1 }), report({ version: 2, totalOere: FULL })]);
    expect(s.value?.totalOere).toBe(RATE_Q);
    const bad = employerQuarterStatement(employer, [unit], Q(2024, 1), [report({ unitId: "U2" })]);
    expect(bad.value).toBeNull();
  });

  it("property: an employer's contribution is additive over its units", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 * FULL }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("whole-quarters" as const, "proportional" as const),
        (totals, policy) => {
          const units = totals.map((_, i) => ({ id: `U${i}`, employerId: "E1" }));
          const reports = totals.map((t, i) => report({ unitId: `U${i}`, totalOere: t }));
          const s = employerQuarterStatement(employer, units, Q(2024, 3), reports.map((r) => ({ ...r, quarter: Q(2024, 3) })), { policy });
          const each = reports.map((r, i) => {
            const u = units[i];
            if (u === undefined) throw new Error("unit");
            return unitQuarterContribution({ ...r, quarter: Q(2024, 3) }, { employer, unit: u, policy }).value?.contributionOere ?? NaN;
          });
          expect(s.value?.totalOere).toBe(each.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });

  it("property: whole-quarters never charges more than proportional, and less by under one quarter's rate", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 * FULL }), (t) => {
        const w = contribution(report({ totalOere: t })) ?? NaN;
        const p = contribution(report({ totalOere: t }), { ...ctx, policy: "proportional" }) ?? NaN;
        expect(w).toBeLessThanOrEqual(p);
        expect(p - w).toBeLessThan(RATE_Q);
      }),
    );
  });
});

describe("§ 3, stk. 1: the bare arithmetic", () => {
  it("property: unitQuarterContribution agrees with contributionArithmetic, and the contribution never falls as the basis grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 * FULL }),
        fc.integer({ min: 0, max: 10 * FULL }),
        fc.constantFrom("whole-quarters" as const, "proportional" as const),
        (t, extra, policy) => {
          const a = contributionArithmetic(t, FULL, RATE_Q, policy);
          expect(unitQuarterContribution(report({ totalOere: t }), { ...ctx, policy }).value).toMatchObject(a);
          expect(a.fullQuarters * FULL + a.remainderOere).toBe(t);
          expect(a.remainderOere).toBeLessThan(FULL);
          expect(contributionArithmetic(t + extra, FULL, RATE_Q, policy).contributionOere).toBeGreaterThanOrEqual(a.contributionOere);
        },
      ),
    );
  });
});
