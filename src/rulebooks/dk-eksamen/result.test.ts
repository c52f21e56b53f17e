import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageProblems } from "../../kernel/law.ts";
import { grade7, GRADES_7 } from "../../kernel/grades/seven-step.ts";
import { add, compare, dec, eq, max, min, mul, rational, rationalToString, type Rational } from "../../kernel/rational.ts";
import { diplomaContent, type DiplomaContent, type DiplomaLine } from "./diploma.ts";
import type { Education, ExamGrade, Examinee } from "./model.ts";
import { EXAM_RESULT_DISPLAY, examResult, explainExamResult, formatExact, orderAppliesToExam, weightsFor } from "./result.ts";
import { exam, examinee, merit, record, sp, subj } from "./testing-grades.ts";
import { WEIGHT_VERSIONS } from "./weights.ts";

const q = rationalToString;
const resultOf = (e: Examinee, grades: ExamGrade[], standpunkt = [] as ReturnType<typeof sp>[], merits = [] as ReturnType<typeof merit>[]) => {
  const content = diplomaContent(record(e, grades, standpunkt, merits));
  return examResult(content.value, e);
};
const aSubjects = (grades: number[]) => grades.map((g, i) => exam(`A${i}`, "A", "oral", g));

describe("§§ 40–41: worked examples (computed by hand)", () => {
  it("stx: split weights, standpunkt, SRP, AT, AP not counted → 75/10 = 7,5", () => {
    // DAN A: 4 grades share 2 → ½ each: (7+10+7+10)/2 = 17 · MAT A: (4+2+4+7)/2 = 17/2 · ENG B: 2 grades share 1,5 → ¾ each:
    // (12+10)·¾ = 33/2 · HIS C: 7 · SRP: 2·10 = 20 · AT: 1,5·4 = 6 · sum 75, weights 2+2+1,5+1+2+1,5 = 10
    const r = resultOf(
      examinee("stx"),
      [
        exam("DAN", "A", "written", 7),
        exam("DAN", "A", "oral", 10),
        exam("MAT", "A", "oral", 4),
        exam("MAT", "A", "written", 2),
        exam("ENG", "B", "oral", 12),
        exam("HIS", "C", "oral", 7),
        exam(subj("SRP", "srp"), undefined, "combined", 10),
        exam(subj("AT", "at"), undefined, "oral", 4),
        exam(subj("AP", "ap"), undefined, "written", 12),
      ],
      [sp("DAN", "A", "written", 7), sp("DAN", "A", "oral", 10), sp("MAT", "A", "written", 4), sp("MAT", "A", "oral", 7), sp("ENG", "B", "oral", 10)],
    );
    const v = r.value!;
    expect([q(v.weightedSum), q(v.totalWeight), q(v.preliminary), q(v.final)]).toEqual(["75", "10", "15/2", "15/2"]);
    expect(v.display.preliminary).toEqual({ da: "7,5", en: "7.5" });
    expect(v.passed).toBe(true);
    expect(v.extraALevels).toBe(0);
    expect(v.steps.filter((s) => s.subject.code === "ENG").map((s) => q(s.weight))).toEqual(["3/4", "3/4"]);
    expect(v.steps.find((s) => s.subject.code === "SRP")!.ref).toBe("§ 40, stk. 1, nr. 4");
    expect(v.steps.find((s) => s.subject.code === "AT")!.ref).toBe("§ 40, stk. 1, nr. 5");
    expect(v.steps.some((s) => s.subject.code === "AP")).toBe(false);
    expect(r.because.filter((f) => f.rule === "eksamen.result.weight-split").map((f) => f.cite.ref)).toEqual(["§ 40, stk. 2", "§ 40, stk. 2", "§ 40, stk. 2"]);
  });

  it("hf: the faggrupper, SSO and eksamensprojekt → 155/20 = 7,75, shown 7,7 (rounded down)", () => {
    // DAN A written 4 + oral 7 share 2: 11 · ENG B 10·1,5 = 15 · NF 7·1,5 = 10,5 · KS 4·2 = 8 · SSO 10·1,5 = 15 · EP 12·1,5 = 18
    // sum 77,5, weights 10
    const r = resultOf(examinee("hf2"), [
      exam("DAN", "A", "written", 4),
      exam("DAN", "A", "oral", 7),
      exam("ENG", "B", "oral", 10),
      exam(subj("NF", "nf"), undefined, "oral", 7),
      exam(subj("KS", "ks"), undefined, "oral", 4),
      exam(subj("SSO", "sso"), undefined, "written", 10),
      exam(subj("EP", "eksamensprojekt"), undefined, "oral", 12),
    ]);
    expect(q(r.value!.preliminary)).toBe("31/4");
    expect(r.value!.display.final.da).toBe("7,7");
    expect(r.value!.steps.map((s) => s.ref)).toContain("§ 40, stk. 1, nr. 10");
  });

  it("eux: SSO and eksamensprojekt weigh 1,5", () => {
    const r = resultOf(examinee("eux"), [exam("DAN", "C", "oral", 4), exam(subj("SSO", "sso"), undefined, "written", 10), exam(subj("EP", "eksamensprojekt"), undefined, "oral", 7)]);
    // 4·1 + 10·1,5 + 7·1,5 = 29,5 over 4 = 59/8
    expect(q(r.value!.preliminary)).toBe("59/8");
  });

  it("htx and hhx: studieområdet weighs 2", () => {
    for (const edu of ["htx", "hhx"] as const) {
      const r = resultOf(examinee(edu), [exam("FYS", "B", "oral", 4), exam(subj("SO", "studieomraade"), undefined, "oral", 10)]);
      // 4·1,5 + 10·2 = 26 over 3,5 = 52/7
      expect(q(r.value!.preliminary)).toBe("52/7");
    }
  });

  it("a merit grade counts in its subject; »Bestået« does not", () => {
    const r = resultOf(examinee("stx"), [exam("DAN", "A", "oral", 4)], [], [merit("TYS", "B", "oral", { kind: "grade", grade: grade7(12) }), merit("FRA", "C", "oral", { kind: "passed" })]);
    // 4·2 + 12·1,5 = 26 over 3,5 = 52/7
    expect(q(r.value!.preliminary)).toBe("52/7");
  });
});

describe("§ 41, stk. 1: the pass requirement on the exact value", () => {
  const cs = (n2: number, n0: number) => [...Array.from({ length: n2 }, (_, i) => exam(`C${i}`, "C", "oral", 2)), ...Array.from({ length: n0 }, (_, i) => exam(`Z${i}`, "C", "oral", 0))];
  it.each([
    ["exactly 2,0", cs(3, 0), "2", true, "2,0"],
    ["39 × 02 and one 00 = 1,95 (half-up would show 2,0)", cs(39, 1), "39/20", false, "1,9"],
    ["24 × 02 and one 00 = 1,92", cs(24, 1), "48/25", false, "1,9"],
    ["one -3 and one 12 = 4,5", [exam("X", "C", "oral", -3), exam("Y", "C", "oral", 12)], "9/2", true, "4,5"],
    ["all -3", [exam("X", "A", "oral", -3)], "-3", false, "-3,0"],
  ])("%s", (_n, grades, exact, passed, shown) => {
    const r = resultOf(examinee("stx", { coherent: false }), grades);
    expect(q(r.value!.preliminary)).toBe(exact);
    expect(r.value!.passed).toBe(passed);
    expect(r.value!.display.preliminary.da).toBe(shown);
    expect(r.because.find((f) => f.rule.startsWith("eksamen.result.passed") || f.rule.startsWith("eksamen.result.not-passed"))!.cite).toEqual({ seed: "002", ref: "§ 41, stk. 1" });
  });
});

describe("§ 42: the A-level bonus", () => {
  it("stx with 5 A levels: one extra → ×1,03: 74/11 × 103/100 = 3811/550 (6,929…)", () => {
    // five A subjects 12, 10, 7, 4, 02 (weight 2 each: 70) and HIS C 4 (weight 1): 74/11
    const r = resultOf(examinee("stx"), [...aSubjects([12, 10, 7, 4, 2]), exam("HIS", "C", "oral", 4)]);
    const v = r.value!;
    expect([q(v.preliminary), q(v.factor), q(v.final), v.extraALevels]).toEqual(["74/11", "103/100", "3811/550", 1]);
    expect([v.display.preliminary.da, v.display.final.da]).toEqual(["6,7", "6,9"]);
    expect(r.because.find((f) => f.rule === "eksamen.result.extra-a-level")!.cite.ref).toBe("§ 42, stk. 2, nr. 2");
  });
  it("stx with 6 A levels: two or more extra → ×1,06: 88/13 × 53/50 = 2332/325 (7,175…): floor 7,1, half-up 7,2", () => {
    const e = examinee("stx");
    const content = diplomaContent(record(e, [...aSubjects([12, 10, 7, 4, 2, 7]), exam("HIS", "C", "oral", 4)])).value;
    const r = examResult(content, e);
    expect([q(r.value!.preliminary), q(r.value!.final), r.value!.extraALevels]).toEqual(["88/13", "2332/325", 2]);
    expect(r.value!.display.final.da).toBe("7,1");
    expect(examResult(content, e, { ...EXAM_RESULT_DISPLAY, mode: "half-up" }).value!.display.final.da).toBe("7,2");
  });
  it.each([
    ["stx", 4, 0],
    ["stx", 5, 1],
    ["stx", 7, 2],
    ["hhx", 5, 1],
    ["hhx", 4, 0],
    ["htx", 3, 0],
    ["htx", 4, 1],
    ["htx", 5, 2],
    ["hf2", 1, 0],
    ["hf2", 2, 1],
    ["hf2", 3, 2],
    ["eux", 2, 1],
    ["eux", 3, 2],
  ] as const)("%s with %i A levels → %i extra", (edu, n, extra) => {
    const r = resultOf(examinee(edu), aSubjects(Array.from({ length: n }, () => 7)));
    expect(r.value!.extraALevels).toBe(extra);
    expect(q(r.value!.final)).toBe(q(mul(rational(7), [dec("1"), dec("1,03"), dec("1,06")][extra]!)));
  });
  it("an A level counts once per subject, also with several grades or as a merit", () => {
    const r = resultOf(examinee("hf2"), [exam("DAN", "A", "oral", 7), exam("DAN", "A", "written", 7)], [sp("DAN", "A", "oral", 7)], [merit("ENG", "A", "oral", { kind: "passed" })]);
    expect(r.value!.aLevelSubjects).toEqual(["DAN", "ENG"]);
    expect(r.value!.extraALevels).toBe(1);
  });
  it("not a coherent programme: no bonus ('For øvrige elever og kursister er »Eksamensresultat« identisk')", () => {
    const r = resultOf(examinee("stx", { coherent: false }), aSubjects([7, 7, 7, 7, 7, 7]));
    expect(r.value!.extraALevels).toBe(0);
    expect(q(r.value!.final)).toBe("7");
    expect(r.because.find((f) => f.rule === "eksamen.result.no-bonus-not-coherent")!.cite.ref).toBe("§ 42, stk. 1");
  });
});

describe("§ 42, stk. 1: an eux-forløb qualifies without being a 'sammenhængende gymnasial uddannelse'", () => {
  it("eux with 3 A levels gets ×1,06 even when not marked coherent", () => {
    const r = resultOf(examinee("eux", { coherent: false }), aSubjects([7, 7, 7]));
    expect(r.value!.extraALevels).toBe(2);
  });
});

describe("refusals", () => {
  it.each([["avu"], ["fvu"], ["gsk"]] as const)("%s has no exam result", (edu) => {
    const r = resultOf(examinee(edu), [exam("DAN", "C", "oral", 7)]);
    expect(r.value).toBeNull();
    expect(r.because).toMatchObject([{ rule: "eksamen.result.no-exam-result", severity: "error", cite: { ref: "§ 40, stk. 1" } }]);
  });
  it("a component § 40 does not weigh in that education (SRP on hf) is an error, nothing is computed", () => {
    const r = resultOf(examinee("hf2"), [exam("DAN", "A", "oral", 7), exam(subj("SRP", "srp"), undefined, "combined", 12)]);
    expect(r.value).toBeNull();
    expect(r.because.at(-1)).toMatchObject({ rule: "eksamen.result.no-weight", severity: "error", cite: { ref: "§ 40, stk. 1" } });
  });
  it("no counted grade: an error", () => {
    const r = resultOf(examinee("stx"), [exam(subj("AP", "ap"), undefined, "written", 7)]);
    expect(r.value).toBeNull();
    expect(r.because.at(-1)).toMatchObject({ rule: "eksamen.result.no-grades", severity: "error" });
  });
});

describe("§ 58: transition", () => {
  it.each([
    ["2010-08-31", false],
    ["2010-09-01", true],
    ["2010-09-02", true],
  ])("an exam beginning %s is governed by this order: %s", (d, applies) => {
    expect(orderAppliesToExam(d)).toMatchObject({ value: applies, because: [{ cite: { ref: "§ 58, stk. 1" } }] });
  });
  it.each([
    ["2010-07-31", null],
    ["2010-08-01", "Eksamensbekendtgørelsen 2010, § 40"],
  ])("a course begun %s: § 40 version %s", (start, source) => {
    const w = weightsFor(start);
    expect(w.value.rows === null ? null : w.value.source).toBe(source);
    expect(w.because[0]!.cite.ref).toBe("§ 58, stk. 3");
  });
  it("a course begun before 1 August 2010 cannot be computed (BEK 738/2009 § 40 is not in the seed)", () => {
    const r = resultOf(examinee("stx", { programmeStart: "2009-08-10" }), [exam("DAN", "A", "oral", 7)]);
    expect(r.value).toBeNull();
    expect(r.because).toMatchObject([{ rule: "eksamen.transition.weights-738-2009", severity: "error" }]);
  });
  it("the § 40 versions cover every date without gap or overlap", () => {
    expect(coverageProblems(WEIGHT_VERSIONS, "1990-01-01", "2100-12-31")).toEqual([]);
  });
});

describe("examResult: properties", () => {
  const EDUS: Education[] = ["stx", "hhx", "htx", "hf2", "eux"];
  const arbLine: fc.Arbitrary<DiplomaLine> = fc
    .record({
      code: fc.constantFrom("DAN", "MAT", "ENG", "BIO", "HIS", "FYS", "KEM"),
      level: fc.constantFrom("A", "B", "C" as const),
      part: fc.constantFrom("written", "oral" as const),
      source: fc.constantFrom("exam", "standpunkt" as const),
      grade: fc.constantFrom(...GRADES_7),
    })
    .map((r) => ({ subject: subj(r.code), level: r.level, part: r.part, source: r.source, grade: r.grade, counts: true, from: [`l${r.code}${r.level}${r.part}`], date: "2024-06-01" }));
  const arbContent = fc.tuple(fc.constantFrom(...EDUS), fc.array(arbLine, { minLength: 1, maxLength: 14 }));
  const content = (education: Education, lines: DiplomaLine[]): DiplomaContent => ({ examineeId: "e1", education, lines });

  it("does not depend on the order of the lines", () => {
    fc.assert(
      fc.property(arbContent.chain(([e, ls]) => fc.tuple(fc.constant(e), fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length }))), ([e, ls, shuffled]) => {
        const a = examResult(content(e, ls), examinee(e)).value!;
        const b = examResult(content(e, shuffled), examinee(e)).value!;
        expect(eq(a.preliminary, b.preliminary) && eq(a.final, b.final)).toBe(true);
      }),
    );
  });
  it("the preliminary result lies within [min, max] of the grades; the final one is it × 1, 1,03 or 1,06; pass iff ≥ 2", () => {
    fc.assert(
      fc.property(arbContent, fc.boolean(), ([e, ls], coherent) => {
        const v = examResult(content(e, ls), examinee(e, { coherent })).value!;
        const gs = ls.map((l) => rational(l.grade!));
        const lo = gs.reduce(min);
        const hi = gs.reduce(max);
        expect(compare(lo, v.preliminary) <= 0 && compare(v.preliminary, hi) <= 0).toBe(true);
        expect(["1", "103/100", "53/50"]).toContain(q(v.factor));
        expect(eq(v.final, mul(v.preliminary, v.factor))).toBe(true);
        expect(v.passed).toBe(compare(v.preliminary, rational(2)) >= 0);
        if (!coherent && e !== "eux") expect(q(v.factor)).toBe("1");
      }),
    );
  });
  it("the shown value (rounded down) is never above the exact one and less than 0,1 below it", () => {
    fc.assert(
      fc.property(arbContent, ([e, ls]) => {
        const v = examResult(content(e, ls), examinee(e)).value!;
        const shown: Rational = dec(v.display.final.da);
        expect(compare(shown, v.final) <= 0).toBe(true);
        expect(compare(v.final, add(shown, dec("0,1"))) < 0).toBe(true);
        expect(dec(v.display.final.en)).toEqual(shown);
      }),
    );
  });
  it("equal grades give that grade, whatever the weights", () => {
    fc.assert(
      fc.property(arbContent, fc.constantFrom(...GRADES_7), ([e, ls], g) => {
        const same = ls.map((l) => ({ ...l, grade: g }));
        expect(q(examResult(content(e, same), examinee(e, { coherent: false })).value!.preliminary)).toBe(String(g));
      }),
    );
  });
});

describe("explainExamResult: the calculation step by step", () => {
  it.each([
    ["3/4", ",", "0,75"],
    ["74/11", ",", "74/11"],
    ["15/2", ".", "7.5"],
    ["-3", ",", "-3"],
    ["103/100", ",", "1,03"],
  ])("formatExact(%s) → %s", (v, sep, out) => {
    const [n, d] = v.split("/");
    expect(formatExact(rational(BigInt(n!), BigInt(d ?? "1")), sep as "," | ".")).toBe(out);
  });
  it("explains the stx bonus example line by line", () => {
    const r = resultOf(examinee("stx"), [...aSubjects([12, 10, 7, 4, 2]), exam("HIS", "C", "oral", 4), exam("DAN", "B", "oral", 7), exam("DAN", "B", "written", 4)]).value!;
    // A0–A4: 70 · HIS C: 4 · DAN B 7 and 4 share 1,5: 0,75 each → 8,25 · sum 82,25 over 12,5 = 329/50 = 6,58 · × 1,03 = 33887/5000 = 6,7774
    const x = explainExamResult(r);
    expect(x.da).toContain("DAN B, mundtlig prøve: 7 × 0,75 (1,5 / 2) = 5,25 [§ 40, stk. 1, nr. 2]");
    expect(x.da).toContain("Foreløbigt eksamensresultat = 82,25 / 12,5 = 6,58, vises som 6,5 [§ 41, stk. 2]");
    expect(x.da.at(-1)).toBe("Eksamensresultat = 6,58 × 1,03 = 6,7774, vises som 6,7 [§ 42, stk. 1; facts.md: Rounding of the exam result]");
    expect(x.en.at(-1)).toBe("Exam result = 6.58 × 1.03 = 6.7774, shown as 6.7 [§ 42, stk. 1; facts.md: Rounding of the exam result]");
    expect(x.da).toHaveLength(r.steps.length + 5);
  });
});
