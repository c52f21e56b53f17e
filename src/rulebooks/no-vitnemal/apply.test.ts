import { describe, expect, it } from "vitest";
import { applyRules } from "./apply.ts";
import { decideContent } from "./decide.ts";
import type { SubjectResult, VitnemalCase } from "./model.ts";
import { hy, line, testIssuer, testPerson } from "./testing.ts";

const SUBJECTS: SubjectResult[] = [
  line("ENG1007", { standpunkt: 5, level: "VG1", year: hy("V2023") }),
  line("MAT1021", { standpunkt: 4, level: "VG1", year: hy("V2023") }),
  line("NAT1007", { standpunkt: 5, level: "VG1", year: hy("V2023") }),
];

const theCase = (over: Partial<VitnemalCase> = {}): VitnemalCase => ({
  person: testPerson(),
  issuer: testIssuer("skole"),
  decisionDate: "2023-06-20",
  statuses: [{ status: "elev", schoolYear: { startYear: 2022 } }],
  programmeAreas: [{ code: "STUSP1----", level: "VG1" }],
  subjects: SUBJECTS,
  conduct: [{ schoolYear: { startYear: 2022 }, orden: "G", adferd: "NG", kind: "standpunkt", elevInYear: true }],
  absence: [{ courseYear: 1, schoolYear: { startYear: 2022 }, days: 4, hours: 7 }],
  course: { achieved: [], fixedLop: true, withinNormalTime: true },
  ...over,
});

describe("applyRules → decideContent", () => {
  it("§6.3 the issue's pupil: exam not met with documented absence → IM, S, FAM39, a kompetansebevis that can be issued", () => {
    const c = theCase({ exams: [{ fagkode: "ENG1007", form: "S", halfYear: hy("V2023"), kind: "ordinaer", status: "elev", outcome: { kind: "notMet", documented: true } }] });
    const a = applyRules(c);
    const eng = a.value.case.subjects.find((s) => s.fagkode === "ENG1007")!;
    expect([eng.standpunkt, eng.eksamen, eng.examForm, eng.merknader?.map((m) => m.code)]).toEqual([5, "IM", "S", ["FAM39"]]);
    expect(a.value.onlyOn).toBe("kompetansebevis");
    const d = decideContent(a.value.case);
    expect(d.value.kind).toBe("kompetansebevis");
    expect(d.value.issuable).toBe(true);
    expect(d.value.subjects.find((s) => s.line.fagkode === "ENG1007")?.merknad?.text).toBe("Dokumentert fravær");
    expect(a.because.find((f) => f.rule === "vitnemal.exam.not-met-documented")?.cite).toEqual({ seed: "003", ref: "6.3" });
  });

  it("§6.3 undocumented → FAM29", () => {
    const c = theCase({ exams: [{ fagkode: "ENG1007", form: "S", halfYear: hy("V2023"), kind: "ordinaer", status: "elev", outcome: { kind: "notMet", documented: false } }] });
    const d = decideContent(applyRules(c).value.case);
    expect(d.value.subjects.find((s) => s.line.fagkode === "ENG1007")?.merknad?.text).toBe("Eksamen ikke avlagt");
  });

  it("§8.1 absence after deductions: 20 days with 8 documented health days → 15 days, hours kept", () => {
    const c = theCase({ absence: [{ courseYear: 1, schoolYear: { startYear: 2022 }, days: 20, hours: 9, deductions: [{ ground: "helse", days: 8, documented: true }] }] });
    expect(applyRules(c).value.absence).toEqual([{ label: "1. år", days: 15, hours: 9 }]);
  });

  it("§8.2 over the 10 % limit → IV + FAM51 on a kompetansebevis", () => {
    const c = theCase({ subjectAbsence: [{ fagkode: "MAT1021", schoolYear: { startYear: 2022 }, undocumentedHours: 15, subjectHours: 140 }] });
    const a = applyRules(c);
    const mat = a.value.case.subjects.find((s) => s.fagkode === "MAT1021")!;
    expect([mat.standpunkt, mat.merknader?.map((m) => m.code)]).toEqual(["IV", ["FAM51"]]);
    const d = decideContent(a.value.case);
    expect(d.value.kind).toBe("kompetansebevis");
    expect(d.value.subjects.find((s) => s.line.fagkode === "MAT1021")?.merknad?.text).toBe("Overskredet fraværsgrense");
  });

  it("§8.2 exactly 10 % → no change", () => {
    const c = theCase({ subjectAbsence: [{ fagkode: "MAT1021", schoolYear: { startYear: 2022 }, undocumentedHours: 14, subjectHours: 140 }] });
    expect(applyRules(c).value.case.subjects.find((s) => s.fagkode === "MAT1021")?.standpunkt).toBe(4);
  });

  it("§12.1 / §3.3 two dispensations → VMM17 and VMM18 with padded case numbers, FAM35 on the subject", () => {
    const c = theCase({
      udirDecisions: [
        { kind: "dispensasjon", ref: { caseNumber: "2023/7", date: "2023-05-02", text: "Dispensasjon A" }, fagkoder: ["NAT1007"] },
        { kind: "dispensasjon", ref: { caseNumber: "2023/88", date: "2023-05-03", text: "Dispensasjon B" }, fagkoder: [] },
      ],
    });
    const a = applyRules(c);
    const v = a.value.case.vitnemalsmerknader ?? [];
    expect(v.filter((m) => m.code.startsWith("VMM1")).map((m) => [m.code, m.params?.["tekst"]])).toEqual([
      ["VMM17", "Dispensasjon A (saksnr. 2023/0007, dato 02.05.2023)"],
      ["VMM18", "Dispensasjon B (saksnr. 2023/0088, dato 03.05.2023)"],
    ]);
    expect(a.value.case.subjects.find((s) => s.fagkode === "NAT1007")?.merknader?.map((m) => m.code)).toEqual(["FAM35"]);
    expect(a.value.vedlegg).toHaveLength(2);
  });

  it("§6 an exam for a subject not on the document → warning", () => {
    const c = theCase({ exams: [{ fagkode: "SAF1001", form: "M", halfYear: hy("V2023"), kind: "ordinaer", status: "elev", outcome: { kind: "graded", result: 4 } }] });
    expect(applyRules(c).because.map((f) => f.rule)).toContain("vitnemal.apply.no-line");
  });
});
