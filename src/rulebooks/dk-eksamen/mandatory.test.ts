import { describe, expect, it } from "vitest";
import { mandatoryExams, type SubjectPlan } from "./mandatory.ts";
import type { Component, Level } from "./model.ts";
import { examinee, subj } from "./testing-grades.ts";

const p = (code: string, level: Level | undefined, exams: [("written" | "oral" | "combined"), boolean][], component?: Component): SubjectPlan => {
  const s: SubjectPlan = { subject: subj(code, component), exams: exams.map(([part, taken]) => ({ part, taken })) };
  if (level !== undefined) s.level = level;
  return s;
};
const AT = (taken: boolean) => p("AT", undefined, [["oral", taken]], "at");

describe("§ 43, stk. 1: a subject with a written and an oral exam — at least one is taken", () => {
  it.each([
    ["stx", [p("DAN", "A", [["written", false], ["oral", false]]), AT(true)], false, ["eksamen.mandatory.written-and-oral-one"]],
    ["stx", [p("DAN", "A", [["written", true], ["oral", false]]), AT(true)], true, []],
    ["stx", [p("DAN", "A", [["written", false], ["oral", true]]), AT(true)], true, []],
    ["stx", [p("HIS", "B", [["oral", false]]), AT(true)], true, []],
    ["eux", [p("MAT", "B", [["written", false], ["oral", false]])], false, ["eksamen.mandatory.written-and-oral-one"]],
    ["hhx", [p("ENG", "A", [["written", false], ["oral", false]]), p("EC", undefined, [["oral", true]], "erhvervscase")], false, ["eksamen.mandatory.written-and-oral-one"]],
  ] as const)("%s plan → %s", (edu, plan, ok, rules) => {
    const d = mandatoryExams(examinee(edu), plan as unknown as SubjectPlan[]);
    expect(d.value).toBe(ok);
    expect(d.because.map((f) => f.rule)).toEqual(rules);
    if (!ok) expect(d.because[0]!.cite).toEqual({ seed: "002", ref: "§ 43, stk. 1" });
  });
  it("does not apply outside a coherent stx/hhx/htx (e.g. single subjects)", () => {
    const d = mandatoryExams(examinee("stx", { coherent: false }), [p("DAN", "A", [["written", false], ["oral", false]])]);
    expect(d).toMatchObject({ value: true, because: [{ rule: "eksamen.mandatory.not-applicable", severity: "info" }] });
  });
});

describe("§ 43, stk. 2: exams always taken", () => {
  it.each([
    ["stx, AT taken", "stx", [AT(true)], true, undefined],
    ["stx, AT not taken", "stx", [AT(false)], false, "§ 43, stk. 2, nr. 1"],
    ["stx, no AT in the plan", "stx", [], false, "§ 43, stk. 2, nr. 1"],
    ["htx, both taken", "htx", [p("TEK", "A", [["combined", true]], "teknikfag"), p("SO", undefined, [["oral", true]], "studieomraade")], true, undefined],
    ["htx, teknikfag not taken", "htx", [p("TEK", "A", [["combined", false]], "teknikfag"), p("SO", undefined, [["oral", true]], "studieomraade")], false, "§ 43, stk. 2, nr. 2"],
    ["htx, studieområdet missing", "htx", [p("TEK", "A", [["combined", true]], "teknikfag")], false, "§ 43, stk. 2, nr. 2"],
    ["hhx, erhvervscase only", "hhx", [p("EC", undefined, [["oral", true]], "erhvervscase"), p("IO", undefined, [["oral", false]], "international")], true, undefined],
    ["hhx, det internationale område only", "hhx", [p("EC", undefined, [["oral", false]], "erhvervscase"), p("IO", undefined, [["oral", true]], "international")], true, undefined],
    ["hhx, neither", "hhx", [p("EC", undefined, [["oral", false]], "erhvervscase"), p("IO", undefined, [["oral", false]], "international")], false, "§ 43, stk. 2, nr. 3"],
    ["eux has no § 43 stk. 2 rule", "eux", [], true, undefined],
  ] as const)("%s", (_n, edu, plan, ok, ref) => {
    const d = mandatoryExams(examinee(edu), plan as unknown as SubjectPlan[]);
    expect(d.value).toBe(ok);
    if (ref !== undefined) expect(d.because).toMatchObject([{ rule: "eksamen.mandatory.always", severity: "error", cite: { ref } }]);
    else expect(d.because).toEqual([]);
  });
});

describe("§ 44: 2-year hf — an exam in every subject except idræt C", () => {
  it("idræt C without an exam is fine; another subject without one is not", () => {
    const d = mandatoryExams(examinee("hf2"), [
      p("IDR", "C", [["oral", false]], "idraet"),
      p("DAN", "A", [["written", true], ["oral", true]]),
      p("MAT", "C", [["oral", false]]),
    ]);
    expect(d.value).toBe(false);
    expect(d.because).toMatchObject([{ rule: "eksamen.mandatory.hf-all-subjects", cite: { ref: "§ 44" }, value: "MAT" }]);
  });
  it("idræt on B level is not exempt", () => {
    expect(mandatoryExams(examinee("hf2"), [p("IDR", "B", [["oral", false]], "idraet")]).value).toBe(false);
  });
  it("§ 43, stk. 1 does not apply to hf: one exam of DAN is enough for § 44", () => {
    expect(mandatoryExams(examinee("hf2"), [p("DAN", "A", [["written", true], ["oral", false]])])).toEqual({ value: true, because: [] });
  });
  it.each([["avu"], ["fvu"], ["gsk"]] as const)("%s: not applicable", (edu) => {
    expect(mandatoryExams(examinee(edu), []).because[0]!.rule).toBe("eksamen.mandatory.not-applicable");
  });
});
