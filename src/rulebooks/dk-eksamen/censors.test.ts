import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateBetween } from "../../kernel/ids/testing.ts";
import { addDays } from "../../kernel/time/date.ts";
import { assessors, censorEligibility, censorReplacement, censorshipWindowStart, checkExaminers, keepNotesUntil, type CensorshipRecord, type CensoredExam } from "./censors.ts";

const errs = (fs: readonly { rule: string; severity: string }[]) => fs.filter((f) => f.severity === "error").map((f) => f.rule);
const C = { id: "c1", employedAt: ["inst-b"] };
const exam: CensoredExam = { institutionId: "inst-a", examinerIds: ["e1"], date: "2025-06-10" };

describe("§ 27 censor eligibility", () => {
  it.each([
    // [case, history, options, eligible, errors]
    ["no history", [], {}, true, []],
    ["c1 censored e1 on 2023-06-10 (exactly 2 years before: inside)", [{ censorId: "c1", examinerIds: ["e1"], date: "2023-06-10" }], {}, false, ["eksamen.censor.repeated"]],
    ["c1 censored e1 on 2023-06-09 (outside the 2 years)", [{ censorId: "c1", examinerIds: ["e1"], date: "2023-06-09" }], {}, true, []],
    ["e1 censored c1 on 2024-01-15: mutual", [{ censorId: "e1", examinerIds: ["c1", "x"], date: "2024-01-15" }], {}, false, ["eksamen.censor.mutual"]],
    ["mutual with special circumstances: warning", [{ censorId: "e1", examinerIds: ["c1"], date: "2024-01-15" }], { specialCircumstances: true }, true, []],
    ["repeated under the 'mutual' reading: warning", [{ censorId: "c1", examinerIds: ["e1"], date: "2024-01-15" }], { reading: "mutual" }, true, []],
    ["mutual under the 'mutual' reading: error", [{ censorId: "e1", examinerIds: ["c1"], date: "2024-01-15" }], { reading: "mutual" }, false, ["eksamen.censor.mutual"]],
    ["c1 censored another examiner: fine", [{ censorId: "c1", examinerIds: ["e2"], date: "2024-01-15" }], {}, true, []],
    ["a record after the exam date does not count", [{ censorId: "c1", examinerIds: ["e1"], date: "2025-06-11" }], {}, true, []],
    ["inhabil (forvaltningsloven)", [], { conflictOfInterest: true }, false, ["eksamen.censor.disqualified"]],
  ] as const)("%s", (_n, history, options, ok, errors) => {
    const d = censorEligibility(C, exam, history as readonly CensorshipRecord[], options);
    expect(d.value).toBe(ok);
    expect(errs(d.because)).toEqual(errors);
    expect(d.because.every((f) => f.cite.seed === "002")).toBe(true);
  });

  it("a censor employed at the institution is refused (§ 27, stk. 1), and the examiner cannot censor own exam (stk. 2)", () => {
    const d = censorEligibility({ id: "e1", employedAt: ["inst-a", "inst-c"] }, exam, []);
    expect(d.value).toBe(false);
    expect(d.because.filter((f) => f.severity === "error").map((f) => [f.rule, f.cite.ref])).toEqual([
      ["eksamen.censor.employed", "§ 27, stk. 1"],
      ["eksamen.censor.disqualified", "§ 27, stk. 2"],
    ]);
  });

  it("a censor not qualified (§ 26) is refused", () => {
    expect(errs(censorEligibility({ ...C, qualified: false }, exam, []).because)).toEqual(["eksamen.censor.not-qualified"]);
  });

  it("window: 29 Feb 2024 → from 28 Feb 2022", () => {
    expect(censorshipWindowStart("2024-02-29")).toBe("2022-02-28");
  });

  it("property: a record counts exactly when it lies in [exam − 2 years, exam]", () => {
    fc.assert(
      fc.property(dateBetween("2013-01-01", "2040-12-31"), fc.integer({ min: -800, max: 30 }), (date, off) => {
        const rec = { censorId: "c1", examinerIds: ["e1"], date: addDays(date, off) };
        const d = censorEligibility(C, { ...exam, date }, [rec]);
        const inside = rec.date >= censorshipWindowStart(date) && rec.date <= date;
        expect(d.value).toBe(!inside);
      }),
    );
  });
});

describe("§ 28 replacement", () => {
  it.each([
    [["oral"], "sudden-absence", "institution", "§ 28"],
    [["practical"], "similar-emergency", "institution", "§ 28"],
    [["written"], "sudden-absence", "ministry", "§ 25, stk. 1"],
    [["oral"], "other", "ministry", "§ 25, stk. 1"],
  ] as const)("%o %s → %s (%s)", (answer, reason, by, ref) => {
    const d = censorReplacement({ answer, reason });
    expect(d.value.appointedBy).toBe(by);
    expect(d.because[0]?.cite.ref).toBe(ref);
  });
  it("the candidate must be appointed (§ 25), qualified (§ 26) and eligible (§ 27)", () => {
    const bad = { id: "c9", employedAt: ["inst-a"], appointed: false, qualified: false };
    const d = censorReplacement({ answer: ["oral"], reason: "sudden-absence", candidate: bad, candidateEligible: censorEligibility(bad, exam, []) });
    expect(d.value).toEqual({ appointedBy: "institution", candidateOk: false });
    expect(errs(d.because)).toEqual(["eksamen.replacement.not-appointed", "eksamen.replacement.not-qualified", "eksamen.censor.employed", "eksamen.censor.not-qualified"]);
    const good = { id: "c9", employedAt: ["inst-z"], appointed: true, qualified: true };
    expect(censorReplacement({ answer: ["oral"], reason: "sudden-absence", candidate: good, candidateEligible: censorEligibility(good, exam, []) }).value.candidateOk).toBe(true);
  });
});

describe("§ 31 who assesses", () => {
  it.each([
    // [education, answer, setBy, date, extra, examiner, censors, ref]
    ["stx", ["written"], "ministry", "2025-05-20", {}, false, 2, "§ 31, stk. 2"],
    ["hf2", ["written"], "ministry", "2025-05-20", {}, false, 2, "§ 31, stk. 2"],
    ["eux", ["written"], "ministry", "2025-05-20", {}, false, 2, "§ 31, stk. 2"],
    ["gsk", ["written"], "ministry", "2025-05-20", {}, false, 2, "§ 31, stk. 2"],
    ["gsk", ["written"], "ministry", "2025-08-12", {}, false, 1, "§ 31, stk. 3"],
    ["gsk", ["written"], "ministry", "2025-07-31", {}, false, 2, "§ 31, stk. 2"],
    ["fvu", ["written"], "institution", "2025-05-20", {}, false, 1, "§ 31, stk. 3"],
    ["avu", ["written"], "ministry", "2025-05-20", { avuLanguageExam: true }, false, 1, "§ 31, stk. 3"],
    ["avu", ["written"], "ministry", "2025-05-20", {}, true, 1, "§ 31, stk. 1"],
    ["stx", ["written"], "institution", "2025-05-20", {}, true, 1, "§ 31, stk. 1"],
    ["stx", ["oral"], "institution", "2025-06-10", {}, true, 1, "§ 31, stk. 1"],
    ["stx", ["written", "oral"], "ministry", "2025-06-10", {}, true, 1, "§ 31, stk. 1"],
    ["htx", ["oral"], "institution", "2025-06-10", { noCensorByExamRules: true }, true, 0, "§ 23"],
  ] as const)("%s %o set by %s on %s %o → examiner %s, %d censors (%s)", (education, answer, setBy, examDate, extra, examiner, censors, ref) => {
    const d = assessors({ education, answer, setBy, examDate, ...extra });
    expect(d.value).toMatchObject({ examiner, censors });
    expect(d.because[0]?.cite.ref).toBe(ref);
  });
  it("avu oral: the censor's institution assigns the censor task (§ 25, stk. 2)", () => {
    const d = assessors({ education: "avu", answer: ["oral"], setBy: "institution", examDate: "2025-06-10" });
    expect(d.value.censorTaskBy).toBe("censor-institution");
    expect(d.because.map((f) => f.cite.ref)).toEqual(["§ 31, stk. 1", "§ 25, stk. 2"]);
  });
});

describe("§ 29, stk. 3 notes kept 1 year", () => {
  it.each([
    ["2025-06-10", "2026-06-10"],
    ["2024-02-29", "2025-02-28"],
  ] as const)("exam %s → keep until %s", (d, until) => {
    expect(keepNotesUntil(d)).toBe(until);
  });
});

describe("§ 30 who examines", () => {
  it.each([
    [{ responsibleTeachers: ["t1"], examiners: ["t1"] }, true, "§ 30, stk. 1"],
    [{ responsibleTeachers: ["t1", "t2"], examiners: ["t2"] }, true, "§ 30, stk. 1"],
    [{ responsibleTeachers: ["t1"], examiners: ["t9"] }, false, "§ 30, stk. 1"],
    [{ responsibleTeachers: ["t1"], examiners: ["t9"], veryspecialCase: true }, true, "§ 30, stk. 2"],
    [{ responsibleTeachers: ["t1", "t2"], examiners: ["t1", "t2"] }, false, "§ 30, stk. 3"],
    [{ responsibleTeachers: ["t1", "t2"], examiners: ["t1", "t2"], multiSubjectNeedsSeveral: true }, true, "§ 30, stk. 1"],
    [{ responsibleTeachers: ["t1"], examiners: ["t8", "t9"], complaintRetest: true }, true, "§ 53, stk. 1"],
    [{ responsibleTeachers: ["t1"], examiners: [] }, false, "§ 30, stk. 1"],
  ] as const)("%o → %s (%s)", (input, ok, ref) => {
    const d = checkExaminers(input);
    expect(d.value).toBe(ok);
    expect(d.because.map((f) => f.cite.ref)).toContain(ref);
  });
});
