import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REF } from "./codes.ts";
import { checkExemptedCount, checkExemption, coveredByRules, exemptedCountOf, schoolCovered } from "./coverage.ts";
import type { DsaSupplerende, Exemption, School } from "./model.ts";
import { pupil } from "./testing.ts";

const school = (listed: number, total: number): School => ({
  id: "s",
  institutionNumber: "101001",
  name: "S",
  coverage: { pupilsTotal: total, pupilsInListedAreas: listed },
});

describe("which schools report: over 30 percent of pupils in listed housing areas (Hvem skal indberette?)", () => {
  it.each([
    [30, 100, false, "exactly 30 % is not over 30 %"],
    [31, 100, true, "31 %"],
    [3, 10, false, "3 of 10"],
    [4, 10, true, "4 of 10"],
    [301, 1000, true, "30.1 %"],
    [0, 100, false, "none"],
    [100, 100, true, "all"],
    [1, 3, true, "33.3 %"],
  ])("%i of %i → %s (%s)", (listed, total, expected) => {
    const d = schoolCovered(school(listed, total));
    expect(d.value).toBe(expected);
    expect(d.because[0]?.cite).toEqual({ seed: "001", ref: REF.who });
    expect(d.because[0]?.value).toBe(`${listed}/${total}`);
  });
  it("unusable or missing counts give null and a finding", () => {
    expect(schoolCovered(school(5, 0)).value).toBeNull();
    expect(schoolCovered(school(11, 10)).because[0]?.rule).toBe("sprogprove.school.coverage-counts");
    expect(schoolCovered(school(1.5, 10)).because[0]?.severity).toBe("error");
    const unknown = schoolCovered({ id: "s", institutionNumber: "1", name: "S" });
    expect(unknown.value).toBeNull();
    expect(unknown.because[0]?.rule).toBe("sprogprove.school.coverage-unknown");
  });
  it("a decision taken elsewhere wins, with its reason", () => {
    const d = schoolCovered({ ...school(0, 100), coveredOverride: { covered: true, reason: "letter from STIL" } });
    expect(d.value).toBe(true);
    expect(d.because[0]?.message.en).toContain("letter from STIL");
  });
  it("property: integer comparison equals the exact rational comparison listed/total > 3/10", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (total, l) => {
        const listed = l % (total + 1);
        expect(schoolCovered(school(listed, total)).value).toBe(BigInt(listed) * 10n > BigInt(total) * 3n);
      }),
    );
  });
  it("property: monotonic — one more pupil from a listed area never uncovers a school", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (total, l) => {
        const listed = l % total;
        if (schoolCovered(school(listed, total)).value) expect(schoolCovered(school(listed + 1, total)).value).toBe(true);
      }),
    );
  });
});

describe("which pupils take the test (Hvem skal indberette?)", () => {
  const dsa = (over: Partial<DsaSupplerende>): DsaSupplerende => ({
    receiving: true,
    schoolYearsReceived: 1,
    leaderJudgesNoLongerNeeded: false,
    ...over,
  });
  it.each([
    ["bh.kl., covered school: all pupils", pupil({ classLevel: 0 }), true, true, "sprogprove.pupil.bhkl-all"],
    ["bh.kl., school not covered", pupil({ classLevel: 0 }), false, false, "sprogprove.pupil.school-not-covered"],
    ["3. kl., no DSA recorded", pupil({ classLevel: 3 }), true, null, "sprogprove.pupil.dsa-unknown"],
    ["3. kl., not receiving DSA supplerende", pupil({ classLevel: 3, dsa: dsa({ receiving: false }) }), true, false, "sprogprove.pupil.no-dsa"],
    ["3. kl., leader: no longer needed", pupil({ classLevel: 3, dsa: dsa({ leaderJudgesNoLongerNeeded: true }) }), true, true, "sprogprove.pupil.dsa-no-longer-needed"],
    ["3. kl., 3rd year of DSA", pupil({ classLevel: 3, dsa: dsa({ schoolYearsReceived: 3 }) }), true, false, "sprogprove.pupil.dsa-not-yet"],
    ["3. kl., 4th year of DSA: at the latest now", pupil({ classLevel: 3, dsa: dsa({ schoolYearsReceived: 4 }) }), true, true, "sprogprove.pupil.dsa-fourth-year"],
    ["5. kl., 5th year of DSA: overdue", pupil({ classLevel: 5, dsa: dsa({ schoolYearsReceived: 5 }) }), true, true, "sprogprove.pupil.dsa-past-fourth-year"],
    ["5. kl., 0 years: bad input", pupil({ classLevel: 5, dsa: dsa({ schoolYearsReceived: 0 }) }), true, null, "sprogprove.pupil.dsa-years"],
  ] as const)("%s", (_name, p, schoolIsCovered, expected, rule) => {
    const d = coveredByRules(p, schoolIsCovered);
    expect(d.value).toBe(expected);
    expect(d.because.map((f) => f.rule)).toEqual([rule]);
    expect(d.because[0]?.cite.ref).toBe(REF.who);
  });
  it("an unknown coverage (null) does not prevent the bh.kl. rule", () => {
    expect(coveredByRules(pupil({ classLevel: 0 }), null).value).toBe(true);
  });
});

describe("exemptions under § 14: counted, never by CPR, only for covered pupils (Hvornår kan en elev fritages …)", () => {
  const sound: Exemption = { considerableDisability: true, pppAssessment: true, specialConditionsConsidered: true };
  it("a sound exemption of a covered pupil counts", () => {
    expect(checkExemption(pupil({ exemption: sound, toBeTested: false }), true)).toEqual({ value: true, because: [] });
  });
  it.each([
    ["no pedagogical-psychological assessment", { ...sound, pppAssessment: false }, true, false, ["exemption.pppAssessment"]],
    ["special conditions not considered first", { ...sound, specialConditionsConsidered: false }, true, false, ["exemption.specialConditionsConsidered"]],
    ["no considerable disability", { ...sound, considerableDisability: false }, true, false, ["exemption.considerableDisability"]],
    ["pupil not covered: not reported as exempted", sound, false, false, ["exemption"]],
    ["exempted but also marked to be tested", sound, true, true, ["toBeTested"]],
  ] as const)("%s → error", (_n, exemption, covered, toBeTested, subjects) => {
    const d = checkExemption(pupil({ exemption, toBeTested }), covered);
    expect(d.value).toBe(false);
    expect(d.because.map((f) => f.subject)).toEqual(subjects);
    expect(d.because.every((f) => f.severity === "error" && f.cite.ref === REF.exemption)).toBe(true);
  });
  it("the count across bh.kl. and 1.–9. leaves out pupils not covered", () => {
    const ps = [
      pupil({ classLevel: 0, exemption: sound, toBeTested: false }),
      pupil({ classLevel: 4, exemption: sound, toBeTested: false, dsa: { receiving: true, schoolYearsReceived: 4, leaderJudgesNoLongerNeeded: false } }),
      pupil({ classLevel: 4, exemption: sound, toBeTested: false, dsa: { receiving: false, schoolYearsReceived: 0, leaderJudgesNoLongerNeeded: false } }),
      pupil({ classLevel: 2 }),
    ];
    expect(exemptedCountOf(ps, true)).toBe(2);
    expect(checkExemptedCount(2, ps, true)).toEqual([]);
    const differs = checkExemptedCount(3, ps, true);
    expect(differs.map((f) => [f.rule, f.severity, f.value])).toEqual([["sprogprove.exempted.count-differs", "warning", 3]]);
  });
  it("step 3: the count is stated and is a whole number ≥ 0", () => {
    expect(checkExemptedCount(null, [], true)[0]).toMatchObject({ rule: "sprogprove.exempted.missing", subject: "exemptedCount", cite: { ref: REF.step23 } });
    expect(checkExemptedCount(-1, [], true)[0]?.rule).toBe("sprogprove.exempted.not-a-count");
    expect(checkExemptedCount(0, [], true)).toEqual([]);
    expect(checkExemptedCount(7, [], true)).toEqual([]); // no local registrations to compare with
  });
});
