import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../kernel/law.ts";
import { addDays } from "../../kernel/time/date.ts";
import { forcedLaterResults } from "./attempts.ts";
import { REF, SUBMITTER_ROLES, type SprogproveResult } from "./codes.ts";
import type { Pupil } from "./model.ts";
import { checkReport, maySubmit, submit } from "./submission.ts";
import { attempts, coveredSchool, I, N, pupil, report, S, syntheticCpr } from "./testing.ts";

const TAP = { roles: ["tap"] };
const LAERER = { roles: ["laerer"] };
const subjects = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => f.subject);

describe("only Leder, Ledelse or TAP may submit (Hvem kan indberette?)", () => {
  it.each([
    [["leder"], true],
    [["ledelse"], true],
    [["tap"], true],
    [["laerer", "tap"], true],
    [["laerer"], false],
    [["admin"], false],
    [["readonly"], false],
    [[], false],
  ])("roles %j → %s", (roles, expected) => {
    const d = maySubmit({ roles });
    expect(d.value).toBe(expected);
    expect(d.because[0]).toMatchObject({ subject: "role", cite: { seed: "001", ref: REF.whoMay }, severity: expected ? "info" : "error" });
  });
  it("the role table cites the passage on every row", () => {
    for (const r of SUBMITTER_ROLES) expect(r.cite).toEqual([{ seed: "001", ref: REF.whoMay }]);
  });
});

describe("the receipt lists every gap per step before it turns green (2.4)", () => {
  it("the issue's scenario: bh.kl. sprogparat in 2., 3.–4. forced, a pupil without rykker op, fixed, resubmitted", () => {
    const registered = attempts(I, S);
    const forced = forcedLaterResults("bhkl", registered).value;
    const anna = pupil({ id: "anna", attempts: forced, rykkerOp: null });
    const first = submit(report([anna]), TAP, "2023-06-20");
    expect(first.value.accepted).toBe(true);
    expect(first.value.receipt.complete).toBe(false);
    expect(subjects(first.value.receipt.steps["1-bhkl"])).toEqual(["pupils.anna.rykkerOp"]);
    expect(first.value.receipt.steps["1-bhkl"].find((f) => f.severity === "error")?.cite.ref).toBe(REF.step21);
    const fixed = submit(report([{ ...anna, rykkerOp: true }]), TAP, "2023-06-21");
    expect(fixed.value.receipt.complete).toBe(true);
    expect(fixed.because.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a lærer-role user cannot submit; the finding gives the reason", () => {
    const d = submit(report([pupil({ attempts: attempts(S, N, N, N), rykkerOp: true })]), LAERER, "2023-06-20");
    expect(d.value.accepted).toBe(false);
    expect(d.value.receipt.steps["4-submit"].find((f) => f.rule === "sprogprove.role.may-not-submit")?.message.da).toContain("TAP");
  });

  it.each([
    ["2023-09-04", true],
    ["2023-09-05", true],
    ["2023-09-06", false],
  ])("submitting on %s is accepted: %s", (on, accepted) => {
    const d = submit(report([pupil({ attempts: attempts(S, N, N, N), rykkerOp: true })]), TAP, on);
    expect(d.value.accepted).toBe(accepted);
    expect(d.value.receipt.complete).toBe(accepted);
  });

  it("lists every gap, in all steps, not only the first", () => {
    const ps: Pupil[] = [
      pupil({ id: "b1", attempts: attempts(I, S, S, N), rykkerOp: true }), // two Sprogparat
      pupil({ id: "b2", attempts: attempts(I, I, null, null), rykkerOp: null }), // attempts 3, 4 and rykker op missing
      pupil({ id: "b3", attempts: attempts(S, N, N, N), rykkerOp: true, specialPermission: true }), // permission after a pass
      pupil({ id: "b4", attempts: attempts(I, I, I, I), rykkerOp: true }), // must repeat
      pupil({ id: "b5", toBeTested: null }),
      pupil({ id: "n1", classLevel: 4, attempts: attempts(S), rykkerOp: null, dsa: { receiving: true, schoolYearsReceived: 4, leaderJudgesNoLongerNeeded: false } }),
      pupil({ id: "n2", classLevel: 6, attempts: [], rykkerOp: true, dsa: { receiving: true, schoolYearsReceived: 2, leaderJudgesNoLongerNeeded: true } }),
    ];
    const d = checkReport(report(ps, { exemptedCount: null }), { on: "2023-08-20", submitter: TAP });
    const r = d.value;
    expect(r.complete).toBe(false);
    expect(subjects(r.steps["1-bhkl"])).toEqual([
      "pupils.b1.attempts.3.result",
      "pupils.b2.attempts.3.result",
      "pupils.b2.attempts.4.result",
      "pupils.b2.rykkerOp",
      "pupils.b3.specialPermission",
      "pupils.b4.rykkerOp",
      "pupils.b5.toBeTested",
    ]);
    expect(subjects(r.steps["2-1-9"])).toEqual(["pupils.n1.rykkerOp", "pupils.n2.attempts"]);
    expect(subjects(r.steps["3-exempted"])).toEqual(["exemptedCount"]);
    expect(r.steps["4-submit"].map((f) => f.rule)).toContain("sprogprove.class-level.after-summer");
    expect(r.reported).toEqual({ bhkl: 4, "1-9": 2 });
  });

  it("a covered bh.kl. pupil marked not to be tested, without exemption, is an error; with a sound exemption it is counted", () => {
    const no = pupil({ id: "x", toBeTested: false });
    expect(subjects(checkReport(report([no]), { on: "2023-06-01" }).value.steps["1-bhkl"])).toEqual(["pupils.x.toBeTested"]);
    const ex = { ...no, exemption: { considerableDisability: true, pppAssessment: true, specialConditionsConsidered: true } };
    const ok = checkReport(report([ex], { exemptedCount: 1 }), { on: "2023-06-01" });
    expect(ok.value.complete).toBe(true);
  });

  it("a class level of the new school year, reported after the summer, is flagged on the pupil", () => {
    const p = pupil({ id: "y", classLevel: 1, classLevelSchoolYear: { startYear: 2023 }, attempts: attempts(S), rykkerOp: true, dsa: { receiving: true, schoolYearsReceived: 1, leaderJudgesNoLongerNeeded: true } });
    const r = checkReport(report([p]), { on: "2023-08-25" }).value;
    expect(r.steps["2-1-9"].find((f) => f.rule === "sprogprove.class-level.school-year")).toMatchObject({ subject: "pupils.y.classLevel", cite: { ref: REF.step1 } });
  });

  it("the same CPR on two pupils is an error, masked", () => {
    const a = pupil({ id: "a1", attempts: attempts(S, N, N, N), rykkerOp: true });
    const b = { ...a, id: "a2" };
    const r = checkReport(report([a, b]), { on: "2023-06-01" });
    const dup = r.value.steps["1-bhkl"].find((f) => f.rule === "sprogprove.pupil.duplicate-cpr");
    expect(dup?.value).toBe(`${a.cpr.slice(0, 6)}-xxxx`);
  });

  it("a school that is not covered is told it has no duty to report", () => {
    const r = checkReport(report([], { school: { ...coveredSchool, coverage: { pupilsTotal: 100, pupilsInListedAreas: 30 } } }), { on: "2023-06-01" });
    expect(r.value.schoolCovered).toBe(false);
    expect(r.value.steps["4-submit"].map((f) => f.rule)).toContain("sprogprove.school.not-obliged");
  });

  const resultArb = fc.constantFrom<SprogproveResult | null>(S, I, N, null);
  it("property: no finding of the receipt ever carries a full CPR number; green iff no error", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.constantFrom(0, 0, 1, 5, 9),
            results: fc.array(resultArb, { maxLength: 5 }),
            rykkerOp: fc.constantFrom(true, false, null),
            toBeTested: fc.constantFrom(true, false, null),
            permission: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
        fc.integer({ min: -10, max: 10 }),
        (rows, day) => {
          const ps = rows.map((r, i) =>
            pupil({
              id: `q${i}`,
              cpr: syntheticCpr(100 + (i % 4)),
              classLevel: r.level as 0,
              attempts: attempts(...r.results),
              rykkerOp: r.rykkerOp,
              toBeTested: r.toBeTested,
              specialPermission: r.permission,
            }),
          );
          const d = checkReport(report(ps), { on: addDays("2023-09-05", day), submitter: TAP });
          const json = JSON.stringify(d);
          for (const p of ps) expect(json).not.toContain(p.cpr);
          for (const f of d.because) {
            expect(f.subject).toBeTruthy();
            expect("value" in f).toBe(true);
            expect(f.message.da).toBeTruthy();
            expect(f.cite.seed).toBe("001");
          }
          expect(d.value.complete).toBe(!d.because.some((f) => f.severity === "error"));
        },
      ),
    );
  });
});
