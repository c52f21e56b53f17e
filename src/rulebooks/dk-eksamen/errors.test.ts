import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES_7, grade7 } from "../../kernel/grades/seven-step.ts";
import { gradeAfterErrorRemedy, remedyError } from "./errors.ts";

const affected = ["x1", "x2", "x3"];

describe("§ 45 errors and deficiencies", () => {
  it.each([
    ["remediable, institution task", { setBy: "institution", remediable: true, significant: false }, "leader", 0, "§ 45, stk. 1"],
    ["significant, re-assessment for all", { setBy: "institution", remediable: false, significant: true, remedy: "reassessment" }, "leader", 3, "§ 45, stk. 2"],
    ["significant, retest offered to all", { setBy: "institution", remediable: false, significant: true, remedy: "retest" }, "leader", 3, "§ 45, stk. 2"],
    ["significant, ministry task: the ministry decides", { setBy: "ministry", remediable: false, significant: true, remedy: "retest" }, "ministry", 3, "§ 45, stk. 4"],
    ["annulled by the ministry", { setBy: "ministry", remediable: false, significant: true, annulled: true }, "ministry", 3, "§ 45, stk. 3"],
    ["significant, no remedy chosen", { setBy: "institution", remediable: false, significant: true }, "leader", 0, "§ 45, stk. 2"],
  ] as const)("%s", (_n, c, by, offers, ref) => {
    const d = remedyError({ ...c, affected });
    expect(d.value.decidedBy).toBe(by);
    expect(d.value.offers).toHaveLength(offers);
    expect(d.because.map((f) => f.cite.ref)).toContain(ref);
    expect(d.value.mayWithholdDiploma).toBe(offers > 0);
    expect(d.because.at(-1)?.cite.ref).toBe("§ 55, stk. 1");
  });

  it("every affected examinee gets the same remedy: re-assessment carried out, retest offered", () => {
    expect(remedyError({ setBy: "institution", remediable: false, significant: true, remedy: "reassessment", affected }).value.offers).toEqual(
      affected.map((examineeId) => ({ examineeId, remedy: "reassessment", mode: "carried-out" })),
    );
    expect(remedyError({ setBy: "institution", remediable: false, significant: true, remedy: "retest", affected }).value.offers.every((o) => o.mode === "offered")).toBe(true);
  });

  it("a missing remedy for a significant error is an error finding", () => {
    const d = remedyError({ setBy: "institution", remediable: false, significant: true, affected });
    expect(d.because.find((f) => f.severity === "error")?.rule).toBe("eksamen.error.remedy-missing");
  });
});

describe("§ 46 no lower grade unless annulled", () => {
  it.each([
    [7, 4, false, 7],
    [7, 10, false, 10],
    [2, -3, false, 2],
    [7, 4, true, 4],
    [4, 12, true, 12],
    [10, 10, false, 10],
  ] as const)("original %d, new %d, annulled %s → %d", (o, n, a, r) => {
    const d = gradeAfterErrorRemedy(grade7(o), grade7(n), a);
    expect(d.value).toBe(r);
    expect(d.because[0]?.cite.ref).toBe("§ 46, stk. 1");
  });
  it("property: without annulment the result is never below the original and is one of the two", () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRADES_7), fc.constantFrom(...GRADES_7), (o, n) => {
        const r = gradeAfterErrorRemedy(o, n, false).value;
        expect(r >= o).toBe(true);
        expect([o, n]).toContain(r);
        expect(gradeAfterErrorRemedy(o, n, true).value).toBe(n);
      }),
    );
  });
});
