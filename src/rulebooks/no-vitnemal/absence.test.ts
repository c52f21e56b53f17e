import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageProblems } from "../../kernel/law.ts";
import {
  absenceLimit,
  absenceReasonEntry,
  absenceRecorded,
  absenceYears,
  DEDUCTION_LIMITS,
  deductibleDays,
  deductionLimitFor,
  minutesToHours,
  noBasisEntry,
  recordedAbsence,
} from "./absence.ts";
import { famCodes, vmmCodes } from "./entry.ts";
import type { AbsenceDeduction, AbsenceYear } from "./model.ts";
import { hy } from "./testing.ts";

const t = <R extends { ref: string; name: string }>(rows: R[]) => rows.map((r) => [`§${r.ref} ${r.name}`, r] as const);
const ded = (over: Partial<AbsenceDeduction>): AbsenceDeduction => ({ ground: "helse", days: 5, documented: true, ...over });
const year = (start: number, over: Partial<AbsenceYear> = {}): AbsenceYear => ({ courseYear: 1, schoolYear: { startYear: start }, days: 20, hours: 7, ...over });

describe("deductibleDays — §8.1 health day-4 rule", () => {
  it.each(
    t([
      { ref: "8.1", name: "health 3 days → 0 (only from day 4)", d: ded({ days: 3 }), out: 0 },
      { ref: "8.1", name: "health 4 days → 1 (day 4 is the first)", d: ded({ days: 4 }), out: 1 },
      { ref: "8.1", name: "health 10 days → 7", d: ded({ days: 10 }), out: 7 },
      { ref: "8.1", name: "health 1 day → 0", d: ded({ days: 1 }), out: 0 },
      { ref: "8.1", name: "chronic illness legeerklæring → from day 1 (3 days → 3)", d: ded({ days: 3, chronicFromDay1: true }), out: 3 },
      { ref: "8.1", name: "tillitsvalgt 2 days → 2 (no day-4 rule)", d: ded({ ground: "tillitsvalgt", days: 2 }), out: 2 },
      { ref: "8.1", name: "lovpålagt oppmøte 1 day → 1", d: ded({ ground: "lovpalagt", days: 1 }), out: 1 },
      { ref: "8.1", name: "undocumented → 0", d: ded({ ground: "politisk", days: 4, documented: false }), out: 0 },
    ]),
  )("%s", (_t, { d, out }) => expect(deductibleDays(d).value).toBe(out));
});

describe("deduction limit — §8.1 / §8.2 dated rule (14 → 10 days)", () => {
  it("the dated table covers all time without gap or overlap", () => {
    expect(coverageProblems(DEDUCTION_LIMITS, "2000-01-01", "2100-12-31")).toEqual([]);
  });
  it.each(
    t([
      { ref: "8.2", name: "school year 2008/09 → 14", start: 2008, days: 14 },
      { ref: "8.2", name: "school year 2009/10 (ends 31.07.2010) → 14", start: 2009, days: 14 },
      { ref: "8.1", name: "school year 2010/11 (from 01.08.2010) → 10", start: 2010, days: 10 },
      { ref: "8.1", name: "school year 2023/24 → 10", start: 2023, days: 10 },
    ]),
  )("%s", (_t, { start, days }) => expect(deductionLimitFor({ startYear: start }).days).toBe(days));
});

describe("recordedAbsence — §8.1 days and hours per year", () => {
  it.each(
    t([
      { ref: "8.1", name: "no deductions: days and hours as recorded", y: year(2023), days: 20, hours: 7, deducted: 0 },
      { ref: "8.1", name: "no absence prints 0, not a dotted line", y: year(2023, { days: 0, hours: 0 }), days: 0, hours: 0, deducted: 0 },
      { ref: "8.1", name: "health 8 days → 5 deducted", y: year(2023, { deductions: [ded({ days: 8 })] }), days: 15, hours: 7, deducted: 5 },
      { ref: "8.1", name: "12 deductible days capped at 10 (2023/24)", y: year(2023, { deductions: [ded({ ground: "representasjon", days: 12 })] }), days: 10, hours: 7, deducted: 10 },
      { ref: "8.1", name: "exactly 10 deductible days → all 10", y: year(2023, { deductions: [ded({ ground: "velferd", days: 4 }), ded({ ground: "hjelpearbeid", days: 6 })] }), days: 10, hours: 7, deducted: 10 },
      { ref: "8.2", name: "12 deductible days in 2009/10 → all 12 (limit 14)", y: year(2009, { deductions: [ded({ ground: "representasjon", days: 12 })] }), days: 8, hours: 7, deducted: 12 },
      { ref: "8.2", name: "16 deductible days in 2009/10 → capped at 14", y: year(2009, { days: 30, deductions: [ded({ ground: "representasjon", days: 16 })] }), days: 16, hours: 7, deducted: 14 },
      { ref: "8.1", name: "hours are never deducted or converted", y: year(2023, { days: 2, hours: 40, deductions: [ded({ ground: "tillitsvalgt", days: 5 })] }), days: 0, hours: 40, deducted: 2 },
    ]),
  )("%s", (_t, { y, days, hours, deducted }) => expect(recordedAbsence(y).value).toEqual({ days, hours, deductedDays: deducted }));

  it("§8.1 part-time pupil, hours only (rektor's decision) → days dotted, hours kept", () => {
    expect(recordedAbsence(year(2023, { days: 3, hours: 12 }), { partTimeHoursOnly: true }).value).toEqual({ days: null, hours: 12, deductedDays: 0 });
  });
  it("§2.7 a year abroad without absence in its documentation → null (dotted)", () => {
    expect(recordedAbsence(year(2023, { abroadWithoutRecord: true })).value).toBeNull();
  });
  it("§8.2 absence before 01.08.2009 with deductions → warning", () => {
    expect(recordedAbsence(year(2008, { deductions: [ded({ ground: "velferd", days: 1 })] })).because.map((f) => f.rule)).toContain("vitnemal.absence.before-2009");
  });
  it("property: recorded days = days − min(deductible, limit, days), never negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }), fc.integer({ min: 2005, max: 2030 }), (days, spells, start) => {
        const y = year(start, { days, deductions: spells.map((d) => ded({ ground: "velferd", days: d })) });
        const r = recordedAbsence(y).value!;
        const limit = start >= 2010 ? 10 : 14;
        expect(r.deductedDays).toBe(Math.min(spells.reduce((a, b) => a + b, 0), limit, days));
        expect(r.days).toBe(days - r.deductedDays);
        expect(r.days ?? -1).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("minutesToHours — §8.1 60-minute units", () => {
  it.each([
    [0, 0],
    [29, 0],
    [30, 1],
    [45, 1],
    [60, 1],
    [89, 1],
    [90, 2],
    [135, 2],
  ])("§8.1 %i minutes → %i hours", (m, h) => expect(minutesToHours(m)).toBe(h));
});

describe("absenceRecorded / absenceYears — §2.7, §8.1", () => {
  it.each(
    t([
      { ref: "8.1", name: "elev → recorded", s: { statuses: ["elev" as const] }, out: true },
      { ref: "8.1", name: "lærling with one subject as elev → recorded", s: { statuses: ["laerling" as const, "elev" as const] }, out: true },
      { ref: "2.7", name: "lærling in company only → not recorded", s: { statuses: ["laerling" as const], allInCompany: true }, out: false },
      { ref: "2.7", name: "voksen 4A → not recorded", s: { statuses: ["elev" as const], adult4A: true }, out: false },
      { ref: "8.1", name: "privatist only → not recorded", s: { statuses: ["privatist" as const] }, out: false },
    ]),
  )("%s", (_t, { s, out }) => expect(absenceRecorded(s).value).toBe(out));
  it.each(
    t([
      { ref: "2.7", name: "three-year course → 1–3", o: { normalYears: 3 }, out: [1, 2, 3] },
      { ref: "2.7", name: "four-year course → 1–4", o: { normalYears: 4 }, out: [1, 2, 3, 4] },
      { ref: "2.7", name: "extended time 2 years → 1–5", o: { normalYears: 3, extendedYears: 2 }, out: [1, 2, 3, 4, 5] },
    ]),
  )("%s", (_t, { o, out }) => expect(absenceYears(o)).toEqual(out));
});

describe("absenceLimit — §8.2 the 10 % limit", () => {
  const a = (u: number, h = 140) => ({ fagkode: "MAT1019", schoolYear: { startYear: 2023 }, undocumentedHours: u, subjectHours: h });
  it.each(
    t([
      { ref: "8.2", name: "13 of 140 h (9.3 %) → within", a: a(13), alt: false, exceeded: false },
      { ref: "8.2", name: "exactly 14 of 140 h (10 %) → within", a: a(14), alt: false, exceeded: false },
      { ref: "8.2", name: "15 of 140 h (10.7 %) → exceeded", a: a(15), alt: false, exceeded: true },
      { ref: "8.2", name: "exactly 10 of 100 h → within", a: a(10, 100), alt: false, exceeded: false },
      { ref: "8.2", name: "11 of 100 h → exceeded", a: a(11, 100), alt: false, exceeded: true },
      { ref: "8.2", name: "alternativt vg3 i skole: 50 of 100 h → the rule does not apply", a: a(50, 100), alt: true, exceeded: false },
    ]),
  )("%s", (_t, { a: x, alt, exceeded }) => expect(absenceLimit(x, { alternativeVg3: alt }).value.exceeded).toBe(exceeded));
  it("§8.2 property: exceeded iff 10·undocumented > hours", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 600 }), (u, h) => {
        expect(absenceLimit(a(u, h)).value.exceeded).toBe(u * 10 > h);
      }),
    );;
  });
  it.each(
    t([
      { ref: "8.2", name: "exceeded → IV + FAM51, kompetansebevis", exceeded: true, fam: ["FAM51"] },
      { ref: "5.4", name: "not exceeded but no basis → IV + FAM21", exceeded: false, fam: ["FAM21"] },
    ]),
  )("%s", (_t, { exceeded, fam }) => {
    const e = noBasisEntry("MAT1019", exceeded, hy("V2024"));
    expect([e.standpunkt, famCodes(e), e.onlyOn, e.year]).toEqual(["IV", fam, "kompetansebevis", hy("V2024")]);
  });
  it("§8.1 reason for absence in a vedlegg → VMM16", () => {
    const e = absenceReasonEntry("Langvarig sykdom, jf. legeerklæring");
    expect(vmmCodes(e)).toEqual(["VMM16"]);
    expect(e.vedlegg).toHaveLength(1);
  });
});
