import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatGrade7, grade7 } from "../../kernel/grades/seven-step.ts";
import { diplomaContent, leaverCertificates, mayDeleteCertificateData, mayIssue, meritText, resolveAttempts, retainUntil, type DiplomaLine } from "./diploma.ts";
import type { IssuedDocument } from "./model.ts";
import { exam, examinee, merit, record, sp, subj } from "./testing-grades.ts";

const show = (l: DiplomaLine) =>
  `${l.subject.code} ${l.level ?? "-"} ${l.part} ${l.source} ${l.grade === undefined ? meritText(l.merit!).da : formatGrade7(l.grade)}${l.counts ? "" : " (not counted)"}`;
const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe("§ 35, stk. 1: the highest grade at the same level", () => {
  it("shows the highest of two exams in the same subject, level and part", () => {
    const d = diplomaContent(record(examinee("stx"), [exam("MAT", "A", "oral", 4, "2023-06-10"), exam("MAT", "A", "oral", 10, "2024-06-10")]));
    expect(d.value.lines.map(show)).toEqual(["MAT A oral exam 10"]);
    expect(d.because).toMatchObject([{ rule: "eksamen.diploma.highest-grade", cite: { seed: "002", ref: "§ 35, stk. 1" } }]);
  });
  it("keeps the written and the oral exam of one subject apart", () => {
    const d = diplomaContent(record(examinee("stx"), [exam("DAN", "A", "oral", 7), exam("DAN", "A", "written", 4)]));
    expect(d.value.lines.map(show)).toEqual(["DAN A exam written 4".replace("exam written", "written exam"), "DAN A oral exam 7"]);
  });
  it("a merit given as a grade is a meritoverført prøve and competes: 12 by merit beats an own 7", () => {
    const d = diplomaContent(record(examinee("hhx"), [exam("ENG", "B", "oral", 7)], [], [merit("ENG", "B", "oral", { kind: "grade", grade: grade7(12) })]));
    expect(d.value.lines.map(show)).toEqual(["ENG B oral merit 12"]);
  });
  it("drops the lower level when the subject is later examined at a higher level (exam, standpunkt and merit)", () => {
    const d = diplomaContent(
      record(
        examinee("stx"),
        [exam("ENG", "B", "written", 7, "2023-06-01"), exam("ENG", "A", "written", 10, "2024-06-01")],
        [sp("ENG", "B", "written", 7, "2023-05-31"), sp("ENG", "A", "written", 10, "2024-05-31")],
        [merit("ENG", "C", "oral", { kind: "passed" }, "2022-06-01")],
      ),
    );
    expect(d.value.lines.map(show)).toEqual(["ENG A written exam 10", "ENG A written standpunkt 10"]);
    expect(rules(d.because).sort()).toEqual([
      "eksamen.diploma.lower-level-dropped",
      "eksamen.diploma.lower-level-dropped",
      "eksamen.diploma.lower-level-standpunkt-dropped",
    ]);
  });
  it("keeps a lower-level exam taken after the higher one (only 'efterfølgende' drops), with a warning", () => {
    const d = diplomaContent(record(examinee("stx"), [exam("FYS", "B", "oral", 7, "2023-06-01"), exam("FYS", "C", "oral", 4, "2024-06-01")]));
    expect(d.value.lines.map(show)).toEqual(["FYS B oral exam 7", "FYS C oral exam 4"]);
    expect(d.because).toMatchObject([{ rule: "eksamen.diploma.lower-level-after-higher", severity: "warning" }]);
  });
});

describe("§ 46 and § 53, stk. 5: re-assessment and retest replace the grade they re-assess", () => {
  const orig = exam("KEM", "B", "written", 7, "2024-06-01");
  it.each([
    ["error-reassessment", 4, "7", "eksamen.diploma.replacement-not-lower", "§ 46, stk. 1"],
    ["error-retest", 10, "10", "eksamen.diploma.replacement-applied", "§ 46, stk. 1"],
    ["annulment-retest", 4, "4", "eksamen.diploma.replacement-applied", "§ 46, stk. 1"],
    ["complaint-reassessment", 4, "4", "eksamen.diploma.replacement-applied", "§ 53, stk. 5"],
    ["complaint-retest", 2, "02", "eksamen.diploma.replacement-applied", "§ 53, stk. 5"],
  ] as const)("%s giving %i → %s", (reason, g, shown, rule, ref) => {
    const re = exam("KEM", "B", "written", g, "2024-07-01", { replaces: { gradeId: orig.id, reason } });
    const d = diplomaContent(record(examinee("stx"), [re, orig]));
    expect(d.value.lines.map(show)).toEqual([`KEM B written exam ${shown}`]);
    expect(d.because).toMatchObject([{ rule, cite: { ref } }]);
  });
  it("a complaint result can be lower than an earlier, separate sitting — it replaces only its own grade; the highest sitting is shown", () => {
    const first = exam("KEM", "B", "written", 10, "2023-06-01");
    const re = exam("KEM", "B", "written", 2, "2024-07-01", { replaces: { gradeId: orig.id, reason: "complaint-reassessment" } });
    const d = diplomaContent(record(examinee("stx"), [first, orig, re]));
    expect(d.value.lines.map(show)).toEqual(["KEM B written exam 10"]);
  });
  it("follows a chain: complaint lowers 7 to 4, a later error re-assessment to 02 cannot lower it further", () => {
    const c = exam("KEM", "B", "written", 4, "2024-07-01", { replaces: { gradeId: orig.id, reason: "complaint-reassessment" } });
    const e = exam("KEM", "B", "written", 2, "2024-08-01", { replaces: { gradeId: c.id, reason: "error-reassessment" } });
    const r = resolveAttempts([e, orig, c]);
    expect(r.value.map((a) => [a.grade, a.from])).toEqual([[4, [orig.id, c.id, e.id]]]);
  });
  it("applies a chain in chain order even when a replacement carries an earlier date than its original", () => {
    const o = exam("KEM", "B", "written", 10, "2024-06-01");
    const re = exam("KEM", "B", "written", 4, "2024-05-01", { replaces: { gradeId: o.id, reason: "complaint-reassessment" } });
    expect(resolveAttempts([o, re]).value.map((a) => a.grade)).toEqual([4]);
    expect(resolveAttempts([re, o]).value.map((a) => a.grade)).toEqual([4]);
  });
  it("a replacement of an unknown grade is an error and is left out", () => {
    const d = diplomaContent(record(examinee("stx"), [exam("KEM", "B", "written", 12, "2024-07-01", { replaces: { gradeId: "nope", reason: "complaint-retest" } })]));
    expect(d.value.lines).toEqual([]);
    expect(d.because).toMatchObject([{ rule: "eksamen.diploma.replaced-grade-missing", severity: "error" }]);
  });
  it("§ 20, stk. 4: a void grade after an expulsion is not shown", () => {
    const d = diplomaContent(record(examinee("stx"), [exam("BIO", "C", "oral", 12, "2024-06-01", { status: "void" }), exam("BIO", "C", "oral", 4, "2024-08-20")]));
    expect(d.value.lines.map(show)).toEqual(["BIO C oral exam 4"]);
    expect(d.because).toMatchObject([{ rule: "eksamen.diploma.void-grade-left-out", cite: { ref: "§ 20, stk. 4" } }]);
  });
});

describe("§ 35, stk. 2: standpunkt grades, stx AP and NV, merits", () => {
  it("shows final standpunkt grades, counted", () => {
    const d = diplomaContent(record(examinee("htx"), [exam("DAN", "A", "oral", 7)], [sp("DAN", "A", "oral", 10), sp("DAN", "A", "written", 4)]));
    expect(d.value.lines.map(show)).toEqual(["DAN A oral exam 7", "DAN A written standpunkt 4", "DAN A oral standpunkt 10"]);
  });
  it("two final standpunkt grades in the same slot are an error (the first is kept)", () => {
    const a = sp("DAN", "A", "oral", 10, "2024-05-30");
    const b = sp("DAN", "A", "oral", 4, "2024-05-31");
    const d = diplomaContent(record(examinee("htx"), [], [b, a]));
    expect(d.value.lines.map(show)).toEqual(["DAN A oral standpunkt 10"]);
    expect(d.because).toMatchObject([{ rule: "eksamen.diploma.standpunkt-twice", severity: "error", cite: { ref: "§ 35, stk. 2" } }]);
  });
  it("stx: almen sprogforståelse and naturvidenskabeligt grundforløb are shown without counting", () => {
    const d = diplomaContent(record(examinee("stx"), [exam(subj("AP", "ap"), undefined, "written", 7), exam(subj("NV", "nv"), undefined, "oral", 10), exam("MAT", "A", "oral", 4)]));
    expect(d.value.lines.map(show)).toEqual(["AP - written exam 7 (not counted)", "MAT A oral exam 4", "NV - oral exam 10 (not counted)"]);
    expect(rules(d.because)).toEqual(["eksamen.diploma.stx-ap-nv-not-counted", "eksamen.diploma.stx-ap-nv-not-counted"]);
  });
  it("merits are shown as »Bestået«, »Godkendt«, a grade, or merit from a competence certificate; only a grade counts", () => {
    const d = diplomaContent(
      record(examinee("hf2"), [], [], [
        merit("BIO", "C", "oral", { kind: "passed" }),
        merit("GEO", "C", "oral", { kind: "approved" }),
        merit("REL", "C", "oral", { kind: "grade", grade: grade7(7) }),
        merit("SAM", "C", "oral", { kind: "competence-certificate", certificate: "KB-17" }),
      ]),
    );
    expect(d.value.lines.map(show)).toEqual([
      "BIO C oral merit Bestået (not counted)",
      "GEO C oral merit Godkendt (not counted)",
      "REL C oral merit 7",
      "SAM C oral merit Merit på grundlag af kompetencebevis (KB-17) (not counted)",
    ]);
  });
});

describe("§ 35, stk. 3: special exam conditions are never shown", () => {
  it("a grade earned under særlige prøvevilkår appears without any trace of them", () => {
    const d = diplomaContent(record(examinee("stx"), [exam("DAN", "A", "written", 7, "2024-06-01", { specialConditions: true })]));
    expect(d.value.lines.map(show)).toEqual(["DAN A written exam 7"]);
    const json = JSON.stringify(d);
    expect(json).not.toMatch(/special|særlig|vilkår/i);
  });
});

describe("diplomaContent: properties", () => {
  const codes = ["DAN", "MAT", "ENG"] as const;
  const arbExam = fc
    .record({
      code: fc.constantFrom(...codes),
      level: fc.constantFrom("A", "B", "C" as const),
      part: fc.constantFrom("written", "oral" as const),
      grade: fc.constantFrom(12, 10, 7, 4, 2, 0, -3),
      day: fc.integer({ min: 1, max: 28 }),
      special: fc.boolean(),
    })
    .map((r) => exam(r.code, r.level, r.part, r.grade, `2024-06-${String(r.day).padStart(2, "0")}`, r.special ? { specialConditions: true } : {}));
  it("is independent of input order", () => {
    fc.assert(
      fc.property(fc.array(arbExam, { maxLength: 12 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))), ([xs, ys]) => {
        expect(diplomaContent(record(examinee("stx"), ys)).value).toEqual(diplomaContent(record(examinee("stx"), xs)).value);
      }),
    );
  });
  it("with standpunkt grades and merits too: independent of input order, never shows a void grade", () => {
    const arbSp = fc
      .record({ code: fc.constantFrom(...codes), level: fc.constantFrom("A", "B", "C" as const), part: fc.constantFrom("written", "oral" as const), grade: fc.constantFrom(12, 7, 2, -3), day: fc.integer({ min: 1, max: 28 }) })
      .map((r) => sp(r.code, r.level, r.part, r.grade, `2024-05-${String(r.day).padStart(2, "0")}`));
    const arbMerit = fc
      .record({ code: fc.constantFrom(...codes), level: fc.constantFrom("A", "B", "C" as const), kind: fc.constantFrom("passed", "approved", "grade" as const), grade: fc.constantFrom(12, 4) })
      .map((r) => merit(r.code, r.level, "oral", r.kind === "grade" ? { kind: "grade", grade: grade7(r.grade) } : { kind: r.kind }));
    const arbVoid = arbExam.map((x) => ({ ...x, status: "void" as const }));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arbExam, arbVoid), { maxLength: 8 }),
        fc.array(arbSp, { maxLength: 6 }),
        fc.array(arbMerit, { maxLength: 3 }),
        fc.nat(),
        (xs, sps, ms, seed) => {
          const rot = <T,>(a: T[]) => (a.length === 0 ? a : [...a.slice(seed % a.length), ...a.slice(0, seed % a.length)].reverse());
          const a = diplomaContent(record(examinee("stx"), xs, sps, ms));
          const b = diplomaContent(record(examinee("stx"), rot(xs), rot(sps), rot(ms)));
          expect(b.value).toEqual(a.value);
          const voidIds = new Set(xs.filter((x) => x.status === "void").map((x) => x.id));
          expect(a.value.lines.some((l) => l.from.some((id) => voidIds.has(id)))).toBe(false);
        },
      ),
    );
  });
  it("shows one exam line per subject/level/part that survives, with the highest grade of that slot", () => {
    fc.assert(
      fc.property(fc.array(arbExam, { maxLength: 12 }), (xs) => {
        const lines = diplomaContent(record(examinee("stx"), xs)).value.lines;
        const keys = lines.map((l) => `${l.subject.code}${l.level}${l.part}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const l of lines) {
          const rank = { A: 3, B: 2, C: 1 } as const;
          const survives = (x: (typeof xs)[number]) =>
            !xs.some((h) => h.subject.code === x.subject.code && rank[h.level!] > rank[x.level!] && h.date >= x.date);
          const same = xs.filter((x) => x.subject.code === l.subject.code && x.level === l.level && x.part === l.part && survives(x));
          expect(l.grade).toBe(Math.max(...same.map((x) => x.grade)));
        }
        expect(JSON.stringify(lines)).not.toContain("specialConditions");
      }),
    );
  });
});

describe("resolveAttempts: properties", () => {
  const reasons = ["error-reassessment", "error-retest", "annulment-retest", "complaint-reassessment", "complaint-retest"] as const;
  const arbChain = fc.tuple(
    fc.constantFrom(12, 10, 7, 4, 2, 0, -3),
    fc.array(fc.tuple(fc.constantFrom(...reasons), fc.constantFrom(12, 10, 7, 4, 2, 0, -3), fc.integer({ min: 1, max: 28 })), { maxLength: 4 }),
  );
  const build = ([g0, steps]: [number, [(typeof reasons)[number], number, number][]]) => {
    const grades = [exam("FYS", "A", "oral", g0, "2024-06-01")];
    for (const [reason, g, day] of steps)
      grades.push(exam("FYS", "A", "oral", g, `2024-07-${String(day).padStart(2, "0")}`, { replaces: { gradeId: grades.at(-1)!.id, reason } }));
    return grades;
  };
  it("one attempt per chain, independent of input order; only errors never lower the grade", () => {
    fc.assert(
      fc.property(arbChain.chain((c) => { const gs = build(c); return fc.tuple(fc.constant(c), fc.constant(gs), fc.shuffledSubarray(gs, { minLength: gs.length })); }), ([[g0, steps], gs, shuffled]) => {
        const a = resolveAttempts(gs).value;
        expect(a).toHaveLength(1);
        expect(resolveAttempts(shuffled).value).toEqual(a);
        // replay the chain by hand
        let cur: number = g0;
        for (const [reason, g] of steps) cur = reason.startsWith("error") ? Math.max(cur, g) : g;
        expect(a[0]!.grade).toBe(cur);
      }),
    );
  });
});

describe("§§ 34, 36: one original, copies, a new original only after recall and destruction", () => {
  const orig: IssuedDocument = { id: "d1", examineeId: "e1", kind: "eksamensbevis", copy: "original", issuedOn: "2024-06-28" };
  const base = { examineeId: "e1", kind: "eksamensbevis" as const, on: "2024-09-01" };
  it.each([
    ["first original", [], { copy: "original" }, true, "eksamen.document.original", "§ 36, stk. 1"],
    ["second original", [orig], { copy: "original" }, false, "eksamen.document.one-original", "§ 36, stk. 1"],
    ["new original after recall only", [{ ...orig, revokedOn: "2024-08-01" }], { copy: "original" }, false, "eksamen.document.one-original", "§ 36, stk. 2"],
    ["new original after recall and destruction", [{ ...orig, revokedOn: "2024-08-01", destroyed: true }], { copy: "original" }, true, "eksamen.document.new-original", "§ 36, stk. 2"],
    ["copy of a lost original", [orig], { copy: "copy", originalLost: true }, true, "eksamen.document.copy", "§ 36, stk. 1"],
    ["copy without loss", [orig], { copy: "copy" }, false, "eksamen.document.copy-only-if-lost", "§ 36, stk. 1"],
    ["copy with no original", [], { copy: "copy", originalLost: true }, false, "eksamen.document.no-original", "§ 36, stk. 1"],
    ["English copy on request", [orig], { copy: "english-certified-copy", requestedByExaminee: true }, true, "eksamen.document.english-copy", "§ 34, stk. 2"],
    ["English copy without request", [orig], { copy: "english-certified-copy" }, false, "eksamen.document.english-on-request", "§ 34, stk. 2"],
    ["withheld during a case", [], { copy: "original", withheld: true }, false, "eksamen.document.withheld", "§ 46, stk. 2"],
    ["another examinee's original does not count", [{ ...orig, examineeId: "e2" }], { copy: "original" }, true, "eksamen.document.original", "§ 36, stk. 1"],
    ["a prøvebevis original does not block the eksamensbevis", [{ ...orig, kind: "proevebevis" as const }], { copy: "original" }, true, "eksamen.document.original", "§ 36, stk. 1"],
  ] as const)("%s", (_n, ledger, req, ok, rule, ref) => {
    const d = mayIssue(ledger as readonly IssuedDocument[], { ...base, ...req } as Parameters<typeof mayIssue>[1]);
    expect(d.value).toBe(ok);
    expect(d.because).toMatchObject([{ rule, cite: { seed: "002", ref } }]);
  });
});

describe("§ 37: certificates for leavers", () => {
  it("gives a prøvebevis for the exams taken and a deltagerbevis for completed subjects not drawn, with standpunkt grades", () => {
    const e = examinee("stx", { leftOn: "2024-01-15" });
    const d = leaverCertificates(record(e, [exam("ENG", "B", "oral", 7, "2023-06-10")], [sp("ENG", "B", "oral", 10, "2023-06-01"), sp("NAT", "C", "oral", 4, "2023-06-01")]), [
      { subject: subj("ENG"), level: "B" },
      { subject: subj("NAT"), level: "C" },
      { subject: subj("IDR"), level: "C" },
    ]);
    expect(d.value!.proevebevis!.map(show)).toEqual(["ENG B oral exam 7", "ENG B oral standpunkt 10"]);
    expect(d.value!.deltagerbevis!.map((r) => [r.subject.code, r.standpunkt.map(show)])).toEqual([
      ["NAT", ["NAT C oral standpunkt 4"]],
      ["IDR", []],
    ]);
    expect(d.because.at(-1)).toMatchObject({ rule: "eksamen.leaver.entitled", cite: { ref: "§ 37, stk. 1" } });
  });
  it("no exam taken: no prøvebevis", () => {
    const d = leaverCertificates(record(examinee("eux", { leftOn: "2024-01-15" })), [{ subject: subj("DAN"), level: "C" }]);
    expect(d.value).toMatchObject({ proevebevis: null, deltagerbevis: [{ subject: { code: "DAN" }, level: "C" }] });
  });
  it.each([["avu"], ["fvu"], ["gsk"]] as const)("%s is not covered by § 37", (edu) => {
    const d = leaverCertificates(record(examinee(edu, { leftOn: "2024-01-15" })), []);
    expect(d.value).toBeNull();
    expect(d.because).toMatchObject([{ rule: "eksamen.leaver.not-covered", severity: "info" }]);
  });
  it("an examinee who has not left gets an error", () => {
    expect(leaverCertificates(record(examinee("hf2")), []).because).toMatchObject([{ rule: "eksamen.leaver.not-left", severity: "error" }]);
  });
});

describe("§ 38: retention for 30 years", () => {
  it.each([
    ["2024-06-20", "2054-06-20"],
    ["2024-02-29", "2054-02-28"],
    ["2010-12-31", "2040-12-31"],
  ])("completed %s → kept until %s", (done, until) => {
    expect(retainUntil(done)).toMatchObject({ value: until, because: [{ cite: { ref: "§ 38, stk. 1" } }] });
  });
  it("may delete only after the last day", () => {
    expect(mayDeleteCertificateData("2024-06-20", "2054-06-20").value).toBe(false);
    expect(mayDeleteCertificateData("2024-06-20", "2054-06-21").value).toBe(true);
  });
});
