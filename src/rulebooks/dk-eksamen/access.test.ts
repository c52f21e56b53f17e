import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../../kernel/time/date.ts";
import { dateBetween } from "../../kernel/ids/testing.ts";
import { earliestSelfStudyDeadline, examAccess, mayRetake, selfStudyDeadline, selfStudyRegistration, sickExam, type AccessInput } from "./access.ts";
import type { Education } from "./model.ts";

const rules = (fs: readonly { rule: string }[]) => fs.map((f) => f.rule);
const base: AccessInput = { education: "stx", subject: "Matematik", level: "B", followedTeaching: true, formalRequirementsMet: null, followsOrWillFollow: [] };

describe("§ 7 access to an exam", () => {
  it.each([
    // [§, case, input changes, access, rule expected]
    ["§ 7, stk. 1", "followed the teaching", {}, true, "eksamen.access.granted"],
    ["§ 7, stk. 1", "did not follow the teaching", { followedTeaching: false }, false, "eksamen.access.not-followed"],
    ["§ 7, stk. 1", "not followed, but the education's rules admit", { followedTeaching: false, admittedByEducationRules: true }, true, "eksamen.access.education-rules"],
    ["§ 7, stk. 1", "formal requirements of the synopsis not met", { formalRequirementsMet: false }, false, "eksamen.access.formal-requirements"],
    ["§ 7, stk. 1", "formal requirements met", { formalRequirementsMet: true }, true, "eksamen.access.granted"],
    ["§ 7, stk. 2", "stx: follows Matematik A, exam at B", { followsOrWillFollow: ["A"] }, false, "eksamen.access.lower-level"],
    ["§ 7, stk. 2", "htx: will follow B, exam at C", { education: "htx", level: "C", followsOrWillFollow: ["B"] }, false, "eksamen.access.lower-level"],
    ["§ 7, stk. 2", "eux: follows A, exam at C", { education: "eux", level: "C", followsOrWillFollow: ["A"] }, false, "eksamen.access.lower-level"],
    ["§ 7, stk. 1", "hhx: follows the same level only", { education: "hhx", followsOrWillFollow: ["B"] }, true, "eksamen.access.granted"],
    ["§ 7, stk. 1", "stx: follows a lower level too", { level: "A", followsOrWillFollow: ["B", "A"] }, true, "eksamen.access.granted"],
    ["§ 7, stk. 1", "avu is not a 2-/3-year gymnasial education", { education: "avu", followsOrWillFollow: ["A"] }, true, "eksamen.access.granted"],
    ["§ 7, stk. 2", "hf subject (not faggruppe) at lower level", { education: "hf2", level: "C", followsOrWillFollow: ["B"] }, false, "eksamen.access.lower-level"],
    ["§ 7, stk. 2", "hf naturvidenskabelig faggruppe with biologi B as valgfag", { education: "hf2", level: "C", faggruppe: "naturvidenskabelig", followsOrWillFollow: ["B"] }, true, "eksamen.access.hf-faggruppe"],
    ["§ 7, stk. 2", "hf kultur- og samfundsfaggruppe with historie A", { education: "hf2", level: "C", faggruppe: "kultur-samfund", followsOrWillFollow: ["A"] }, true, "eksamen.access.hf-faggruppe"],
  ] as const)("%s: %s", (ref, _name, change, ok, rule) => {
    const d = examAccess({ ...base, ...change } as AccessInput);
    expect(d.value).toBe(ok);
    expect(rules(d.because)).toContain(rule);
    expect(d.because.find((f) => f.rule === rule)?.cite).toEqual({ seed: "002", ref });
  });

  it("every access decision says the institution decides (§ 7, stk. 3)", () => {
    const d = examAccess({ ...base, followedTeaching: false });
    expect(d.because.at(-1)?.cite.ref).toBe("§ 7, stk. 3");
  });
});

describe("§ 8 self-study deadlines", () => {
  // Exam Monday 2025-06-02; 8 weeks before = Monday 2025-04-07.
  it.each([
    ["stx", "2025-04-07", "2025-04-07", "2025-04-07", true, "§ 8, stk. 2", "exactly 8 weeks before: lawful, registration on the day is in time"],
    ["stx", "2025-04-07", "2025-04-08", "2025-04-07", false, "§ 8, stk. 2", "the day after the deadline is late"],
    ["stx", "2025-04-06", "2025-04-07", "2025-04-07", true, "§ 8, stk. 2", "a deadline 8 weeks + 1 day before is unlawful: 8 weeks applies"],
    ["stx", "2025-04-06", "2025-04-08", "2025-04-07", false, "§ 8, stk. 2", "… and the day after it is late"],
    ["hhx", "2025-05-01", "2025-04-30", "2025-05-01", true, "§ 8, stk. 2", "a later deadline is allowed"],
    ["avu", undefined, "2025-06-01", null, true, "§ 8, stk. 2", "no deadline set"],
    ["fvu", undefined, "2025-05-19", "2025-05-19", true, "§ 8, stk. 3", "fvu: exactly 2 weeks before"],
    ["fvu", undefined, "2025-05-20", "2025-05-19", true, "§ 8, stk. 3", "fvu: one day late is a warning only (normalt)"],
    ["fvu", "2025-04-07", "2025-05-10", "2025-05-19", true, "§ 8, stk. 3", "fvu: an 8-week institution deadline does not apply"],
  ] as const)("%s deadline %s, registered %s → %s (%s) [%s: %s]", (education, instDl, registeredOn, deadline, accepted, ref, _why) => {
    const input = { education: education as Education, examDate: "2025-06-02", registeredOn, institutionHoldsExam: true, ...(instDl ? { institutionDeadline: instDl } : {}) };
    const d = selfStudyRegistration(input);
    expect(d.value).toEqual({ accepted, deadline });
    expect(d.because.some((f) => f.cite.ref === ref)).toBe(true);
  });

  it("registration must be at an institution that holds the exam; it may refer elsewhere (§ 8, stk. 1)", () => {
    const d = selfStudyRegistration({ education: "stx", examDate: "2025-06-02", registeredOn: "2025-01-01", institutionHoldsExam: false, referredTo: "Anden skole" });
    expect(d.value.accepted).toBe(false);
    expect(rules(d.because)).toEqual(expect.arrayContaining(["eksamen.selfstudy.institution-not-holding", "eksamen.selfstudy.referred"]));
  });

  it("fvu late is a warning, stx late is an error", () => {
    const late = (education: Education) =>
      selfStudyRegistration({ education, examDate: "2025-06-02", registeredOn: "2025-06-01", institutionHoldsExam: true, institutionDeadline: "2025-05-01" }).because.find((f) =>
        f.rule.startsWith("eksamen.selfstudy.late"),
      )?.severity;
    expect(late("fvu")).toBe("warning");
    expect(late("stx")).toBe("error");
  });

  it("property: the applied deadline is never earlier than 8 weeks before the exam; fvu's never earlier than 2 weeks", () => {
    fc.assert(
      fc.property(dateBetween("2011-01-01", "2040-12-31"), fc.integer({ min: -120, max: 0 }), (exam, off) => {
        const inst = addDays(exam, off);
        const d = selfStudyDeadline("stx", exam, inst).value;
        expect(d).not.toBeNull();
        expect(daysBetween(d as string, exam)).toBeLessThanOrEqual(56);
        expect(d! >= earliestSelfStudyDeadline(exam)).toBe(true);
        const f = selfStudyDeadline("fvu", exam, inst).value!;
        expect(daysBetween(f, exam)).toBeLessThanOrEqual(14);
      }),
    );
  });
});

describe("§ 9 sick exams", () => {
  it.each([
    [{ reason: "illness", documented: true }, true, false, "eksamen.sick.entitled"],
    [{ reason: "illness", documented: false }, false, false, "eksamen.sick.undocumented"],
    [{ reason: "other", blameless: true }, true, false, "eksamen.sick.entitled"],
    [{ reason: "other", blameless: false }, false, false, "eksamen.sick.not-blameless"],
    [{ reason: "illness", documented: true, hasSubmissionDeadline: true }, true, true, "eksamen.sick.extend-deadline"],
    [{ reason: "illness", documented: false, hasSubmissionDeadline: true }, false, false, "eksamen.sick.undocumented"],
  ] as const)("%o → entitled %s, extend %s (%s)", (input, entitled, extend, rule) => {
    const d = sickExam(input);
    expect(d.value).toEqual({ entitled, asSoonAsPossible: entitled, mayExtendDeadline: extend });
    expect(rules(d.because)).toContain(rule);
  });
});

describe("§ 10 the retake ban and its exceptions", () => {
  it.each([
    [{ education: "stx" }, false, "§ 10, stk. 1"],
    [{ education: "hf2" }, false, "§ 10, stk. 1"],
    [{ education: "eux" }, false, "§ 10, stk. 1"],
    [{ education: "stx", repeatingYear: true }, true, "§ 10, stk. 2"],
    [{ education: "htx", expelled: true }, true, "§ 20, stk. 4"],
    [{ education: "hhx", errorRetest: true }, true, "§ 45, stk. 2"],
    [{ education: "stx", complaintRetest: true }, true, "§ 50, stk. 1"],
    [{ education: "avu" }, true, "§ 10, stk. 1"],
    [{ education: "gsk" }, true, "§ 10, stk. 1"],
    [{ education: "stx", selfStudy: true }, true, "§ 10, stk. 1"],
  ] as const)("%o → may retake %s (%s)", (input, ok, ref) => {
    const d = mayRetake(input);
    expect(d.value).toBe(ok);
    expect(d.because[0]?.cite).toEqual({ seed: "002", ref });
    expect(d.because[0]?.severity).toBe(ok ? "info" : "error");
  });
});
