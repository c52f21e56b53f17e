/** Seed 003 §1.5, §5.1–§5.8: pass logic and the other grade rules, table-driven from the guideline's own words. */
import { describe, expect, it } from "vitest";
import type { ConductRecord } from "./model.ts";
import {
  checkHalvar,
  checkRealkompetanse,
  checkVitnemalPassed,
  conductOnDocument,
  creditLowerLevels,
  fagPassed,
  finalTestPassed,
  ivAnnulsExam,
  section342Exception,
  subjectsPassed,
  tverrfagligExamStands,
} from "./pass.ts";
import { hy, line } from "./testing.ts";

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe("§5.1/§5.5 one fag, one standpunkt", () => {
  it.each([
    // [section, standpunkt, eksamen, tverrfaglig, expected]
    ["5.1 2–6 passed", 2, undefined, false, "passed"],
    ["5.1 2–6 passed", 6, undefined, false, "passed"],
    ["5.1 standpunkt 1 alone", 1, undefined, false, "notPassed"],
    ["5.1 standpunkt 1 + exam 2", 1, 2, false, "passed"],
    ["5.5 standpunkt 1 + exam 4 (særskilt/ny too)", 1, 4, false, "passed"],
    ["5.1 standpunkt 1 + exam 1", 1, 1, false, "notPassed"],
    ["5.1/5.5 standpunkt 1 + tverrfaglig exam 5", 1, 5, true, "notPassed"],
    ["5.1 standpunkt 4 + exam 1: the exam must be passed", 4, 1, false, "notPassed"],
    ["5.2 Fritatt counts as passed", "F", undefined, false, "passed"],
    ["5.2 Godkjent counts as passed", "GK", undefined, false, "passed"],
    ["5.2 exam Fritatt (annulled with dispensation)", 3, "F", false, "passed"],
    ["5.2 IV not passed", "IV", undefined, false, "notPassed"],
    ["5.2 IM at exam not passed", 4, "IM", false, "notPassed"],
    ["5.2 IV at exam (bortvist/fusk)", 4, "IV", false, "notPassed"],
    ["5.2 Deltatt (bevis: passed)", "D", undefined, false, "passed"],
    ["5.3 privatist/realkompetanse: exam only", undefined, "GK", false, "passed"],
    ["5.1 privatist: exam 3 only", undefined, 3, false, "passed"],
    ["5.1 privatist: exam 1 only", undefined, 1, false, "notPassed"],
    ["6.7 exam avlyst (dotted) keeps standpunkt", 3, null, false, "passed"],
    ["5.1 nothing recorded", undefined, undefined, false, "notAssessed"],
  ] as const)("§%s: standpunkt %s, exam %s (tverrfaglig %s) → %s", (_ref, sp, ex, tv, expected) => {
    const l = line("ENG1007", {
      ...(sp !== undefined ? { standpunkt: sp } : {}),
      ...(ex !== undefined ? { eksamen: ex } : {}),
      tverrfagligExam: tv,
    });
    expect(fagPassed([l]).value).toBe(expected);
  });

  it("§5.5: the lifted standpunkt 1 is explained (and still printed)", () => {
    const d = fagPassed([line("MAT1021", { standpunkt: 1, eksamen: 3 })]);
    expect(rules(d.because)).toEqual(["vitnemal.pass.standpunkt-1-lifted"]);
    expect(d.because[0]?.cite).toEqual({ seed: "003", ref: "5.5" });
  });
});

describe("§5.1 one standpunkt and two exam forms vs two or three standpunkt grades", () => {
  it("one standpunkt (ENG1007) and the oral exam on its own code (ENG1008): the exam lifts the standpunkt 1", () => {
    const g = "engelsk-vg1";
    expect(fagPassed([line("ENG1007", { standpunkt: 1, faggruppe: g }), line("ENG1008", { omfang: null, eksamen: 3, examForm: "M", faggruppe: g })]).value).toBe("passed");
  });

  it("one standpunkt: whichever exam form was drawn, the exam must be passed", () => {
    const g = "engelsk-vg1";
    expect(fagPassed([line("ENG1007", { standpunkt: 4, faggruppe: g }), line("ENG1008", { omfang: null, eksamen: 1, examForm: "M", faggruppe: g })]).value).toBe("notPassed");
  });

  it("norsk with three standpunkt grades: the hovedmål exam counts only for hovedmål", () => {
    const g = "norsk-vg3";
    const hoved = line("NOR1267", { standpunkt: 1, eksamen: 4, examForm: "S", faggruppe: g, level: "VG3" });
    const sidemal = line("NOR1268", { omfang: null, standpunkt: 1, faggruppe: g, level: "VG3" });
    const muntlig = line("NOR1269", { omfang: null, standpunkt: 3, faggruppe: g, level: "VG3" });
    const d = fagPassed([hoved, sidemal, muntlig]);
    expect(d.value).toBe("notPassed");
    expect(rules(d.because)).toEqual(["vitnemal.pass.standpunkt-1-lifted", "vitnemal.pass.standpunkt-1"]);
    expect(fagPassed([hoved, { ...sidemal, standpunkt: 2 }, muntlig]).value).toBe("passed");
  });
});

describe("§5.2 fag-/svenneprøve", () => {
  it.each([
    ["BM", "passed"],
    ["B", "passed"],
    ["IB", "notPassed"],
    ["IM", "notPassed"],
  ] as const)("prøve %s → %s", (v, expected) => {
    expect(finalTestPassed(line("ELE3004", { finalTest: "fagprove", eksamen: v, omfang: null })).value).toBe(expected);
  });

  it("subjectsPassed groups by fag and uses the final-test rule for the prøve line", () => {
    const d = subjectsPassed([line("ELE3004", { finalTest: "fagprove", eksamen: "B", fagtype: "FP" }), line("ELE3103", { eksamen: 4, examForm: "S", fagtype: "FP" })]);
    expect(d.value.map((r) => [r.fag, r.state])).toEqual([
      ["ELE3004", "passed"],
      ["ELE3103", "passed"],
    ]);
  });
});

describe("§1.5 (§9.2) the § 3-42 exception, FAM37", () => {
  const norsk = [
    line("NOR1262", { standpunkt: 1, faggruppe: "norsk", level: "VG2" }),
    line("NOR1263", { standpunkt: 2, omfang: null, faggruppe: "norsk", level: "VG2" }),
  ];
  const eng = line("ENG1009", { standpunkt: 1 });
  const mat = line("MAT1113", { standpunkt: 1, omfang: 84 });
  const opts = { document: "vitnemal" as const, vocational: true };

  it("§1.7: exam grade 1 with a passing standpunkt qualifies", () => {
    expect(section342Exception([line("ENG1009", { standpunkt: 3, eksamen: 1 })], ["ENG1009"], opts).value.covered).toEqual(["ENG1009"]);
  });

  it("two fellesfag with grade 1 (norsk skriftlig+muntlig count as one fag) are covered, FAM37 on the grade-1 lines", () => {
    const d = section342Exception([...norsk, eng], ["norsk", "ENG1009"], opts);
    expect(d.value.covered).toEqual(["norsk", "ENG1009"]);
    expect(d.value.fam.map((f) => f.fagkode)).toEqual(["NOR1262", "ENG1009"]);
    expect(rules(d.because)).toEqual(["vitnemal.s342.applied"]);
    expect(checkVitnemalPassed([...norsk, eng], d.value.covered).value).toBe(true);
  });

  it.each([
    ["three fag", [...norsk, eng, mat], ["norsk", "ENG1009", "MAT1113"], opts, "vitnemal.s342.more-than-two"],
    ["IV", [line("ENG1009", { standpunkt: "IV" })], ["ENG1009"], opts, "vitnemal.s342.iv"],
    ["no grade 1 (a passed fag)", [line("ENG1009", { standpunkt: 2 })], ["ENG1009"], opts, "vitnemal.s342.not-grade-1"],
    ["exam grade 1 counts too (§1.7 'enten i standpunkt eller i eksamenskarakter')", [line("ENG1009", { standpunkt: 2, eksamen: 1 }), eng, mat], ["ENG1009", "MAT1113", "X"], opts, "vitnemal.s342.more-than-two"],
    ["programfag", [line("ELE1006", { standpunkt: 1, fagtype: "FP" })], ["ELE1006"], opts, "vitnemal.s342.not-fellesfag"],
    ["kompetansebevis", [eng], ["ENG1009"], { document: "kompetansebevis" as const, vocational: true }, "vitnemal.s342.not-vitnemal"],
    ["studieforberedende", [eng], ["ENG1009"], { document: "vitnemal" as const, vocational: false }, "vitnemal.s342.not-vocational"],
  ] as const)("§1.5 refuses: %s", (_name, subjects, approved, o, rule) => {
    const d = section342Exception(subjects, approved, o);
    expect(rules(d.because)).toContain(rule);
    expect(d.value.covered).toEqual([]);
  });
});

describe("§5.5 no failed subject on a vitnemål", () => {
  it("a failed subject in the basis is an error; beyond the minimum only a warning", () => {
    const d = checkVitnemalPassed([line("ENG1007", { standpunkt: 4 }), line("MAT1021", { standpunkt: 1 })]);
    expect(d.value).toBe(false);
    expect(d.because.map((f) => [f.rule, f.severity, f.cite.ref])).toEqual([["vitnemal.vitnemal.subject-not-passed", "error", "5.5"]]);
    const e = checkVitnemalPassed([line("ENG1007", { standpunkt: 4 }), line("REA3060", { standpunkt: 1, fagtype: "VP", beyondMinimum: true })]);
    expect(e.value).toBe(true);
    expect(e.because.map((f) => f.severity)).toEqual(["warning"]);
  });
});

describe("§5.3 realkompetanse", () => {
  it.each([
    ["whole subject as the seed says", line("ENG1007", { eksamen: "GK", examForm: null, merknader: [{ code: "FAM18" }] }), false, "vitnemal", []],
    ["whole subject with a standpunkt", line("ENG1007", { standpunkt: 4, eksamen: "GK", merknader: [{ code: "FAM18" }] }), false, "vitnemal", ["vitnemal.realkompetanse.whole-standpunkt"]],
    ["whole subject without FAM18", line("ENG1007", { eksamen: "GK" }), false, "vitnemal", ["vitnemal.realkompetanse.whole-fam18"]],
    ["part of a subject", line("ENG1007", { merknader: [{ code: "FAM03" }] }), true, "kompetansebevis", []],
    ["part of a subject on a vitnemål", line("ENG1007", { merknader: [{ code: "FAM03" }] }), true, "vitnemal", ["vitnemal.realkompetanse.partial-on-vitnemal"]],
  ] as const)("§5.3 %s", (_n, l, partial, doc, expected) => {
    expect(rules(checkRealkompetanse(l, partial, doc))).toEqual(expected);
  });
});

describe("§5.4 IV", () => {
  it("IV in standpunkt annuls the exam automatically", () => {
    const d = ivAnnulsExam(line("ENG1007", { standpunkt: "IV", eksamen: 4, examForm: "S" }));
    expect(d.value.eksamen).toBeNull();
    expect(d.value.examForm).toBe("S");
    expect(rules(d.because)).toEqual(["vitnemal.iv.exam-annulled"]);
  });
  it.each([
    ["IV in all programfag: annulled", ["IV", "IV"], false],
    ["IV in two of three: stands", ["IV", "IV", 4], true],
    ["IV in one of two: stands", ["IV", 3], true],
  ] as const)("tverrfaglig: %s", (_n, cells, stands) => {
    expect(tverrfagligExamStands(cells).value).toBe(stands);
  });
});

describe("§5.1/§5.7 halvårsvurdering", () => {
  it.each([
    ["on a kompetansebevis with FAM33", line("NOR1260", { halvar: 4, merknader: [{ code: "FAM33" }] }), "kompetansebevis", []],
    ["on a kompetansebevis with FAM12 (kryssløp)", line("FSP6218", { halvar: 3, merknader: [{ code: "FAM12" }] }), "kompetansebevis", []],
    ["without FAM33", line("NOR1260", { halvar: 4 }), "kompetansebevis", ["vitnemal.halvar.fam33"]],
    ["on a vitnemål", line("NOR1260", { halvar: 4, merknader: [{ code: "FAM33" }] }), "vitnemal", ["vitnemal.halvar.on-vitnemal"]],
    ["beside a standpunkt", line("NOR1260", { halvar: 4, standpunkt: 4 }), "kompetansebevis", ["vitnemal.halvar.with-standpunkt"]],
  ] as const)("§5.7 %s", (_n, l, doc, expected) => {
    expect(rules(checkHalvar(l, doc))).toEqual(expected);
  });
});

describe("§5.6 orden og adferd", () => {
  const rec = (startYear: number, kind: ConductRecord["kind"], elevInYear = true): ConductRecord => ({ schoolYear: { startYear }, orden: "G", adferd: "NG", kind, elevInYear });

  it.each([
    ["vitnemål: last year with elev status, standpunkt", [rec(2022, "standpunkt"), rec(2023, "standpunkt")], "vitnemal", 2023, "vitnemal.conduct.vitnemal"],
    ["2+2: standpunkt from vg2, no elev status in the company years", [rec(2022, "standpunkt"), rec(2023, "standpunkt", false)], "vitnemal", 2022, "vitnemal.conduct.vitnemal"],
    ["vitnemål: last elev year only halvår → set standpunkt", [rec(2022, "standpunkt"), rec(2023, "halvar")], "vitnemal", 2022, "vitnemal.conduct.standpunkt-missing"],
    ["kompetansebevis: halvår of the last year", [rec(2022, "standpunkt"), rec(2023, "halvar")], "kompetansebevis", 2023, "vitnemal.conduct.kompetansebevis"],
    ["no record", [], "vitnemal", null, "vitnemal.conduct.missing"],
  ] as const)("§5.6 %s", (_n, records, doc, year, rule) => {
    const d = conductOnDocument([line("ENG1007")], records, doc);
    expect(d.value?.schoolYear.startYear ?? null).toBe(year);
    expect(rules(d.because)).toEqual([rule]);
  });

  it.each([
    ["voksen (§2.7)", "voksen", "2.7"],
    ["lærling without school subjects", "laerling", "5.6"],
    ["privatist", "privatist", "5.6"],
  ] as const)("§5.6 no orden og adferd: %s", (_n, status, ref) => {
    const d = conductOnDocument([line("ENG1007", { status })], [rec(2023, "standpunkt")], "vitnemal");
    expect(d.value).toBeNull();
    expect(d.because[0]?.cite.ref).toBe(ref);
  });

  it("§5.6: a lærling who takes a subject as elev gets orden og adferd", () => {
    const d = conductOnDocument([line("ELE3004", { status: "laerling" }), line("ENG1009", { status: "elev" })], [rec(2023, "standpunkt")], "kompetansebevis");
    expect(d.value?.schoolYear.startYear).toBe(2023);
  });

  it("§7.7: subjects from ungdomstrinnet → orden og adferd is on the grunnskole vitnemål", () => {
    const d = conductOnDocument([line("ENG1007", { takenInLowerSecondary: true, level: "GS" })], [rec(2023, "standpunkt")], "kompetansebevis");
    expect(d.value).toBeNull();
    expect(d.because[0]?.cite.ref).toBe("7.7");
  });
});

describe("§5.8 privatists at the highest level", () => {
  it("the seed's example: elev at fellesfag nivå I, privatist exam at programfag nivå III credits II and I", () => {
    const highest = line("SPR3010", { status: "privatist", fagtype: "VP", eksamen: 5, examForm: "S", year: hy("V2025") });
    const lower = [
      line("FSP6149", { standpunkt: 4, eksamen: 3, examForm: "M", year: hy("V2023"), level: "VG2" }),
      line("SPR3008", { fagtype: "VP", year: hy("V2025") }),
    ];
    const d = creditLowerLevels(highest, lower);
    for (const l of d.value) {
      expect(l.standpunkt).toBeNull();
      expect(l.eksamen).toBe("F");
      expect(l.examForm).toBeNull();
      expect(l.year).toEqual(hy("V2025"));
      expect(l.merknader?.map((m) => m.code)).toEqual(["FAM17"]);
    }
    expect(rules(d.because)).toEqual(["vitnemal.highest-level.credited", "vitnemal.highest-level.credited"]);
  });

  it("only a privatist exam credits lower levels", () => {
    const d = creditLowerLevels(line("SPR3010", { status: "elev", standpunkt: 5 }), [line("FSP6149")]);
    expect(rules(d.because)).toEqual(["vitnemal.highest-level.not-privatist-exam"]);
  });
});
