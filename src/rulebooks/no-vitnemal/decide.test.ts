/**
 * One document decided end to end from a case (§1, §3, §4, §5), and mapped into the layout (§2): the good case issues,
 * and every kind of bad input named by the issue — unknown fagkode, wrong programme-area format, an expired or
 * misplaced merknad, a forbidden combination — gives a finding with its section and nothing is issuable.
 */
import { describe, expect, it } from "vitest";
import { arrangeDocument } from "./layout.ts";
import type { SubjectResult, VitnemalCase } from "./model.ts";
import { decideContent, toLayoutInput } from "./decide.ts";
import { hy, line, testIssuer, testPerson } from "./testing.ts";

const ST_SUBJECTS: SubjectResult[] = [
  line("ENG1007", { standpunkt: 5, eksamen: 4, examForm: "S", level: "VG1", year: hy("V2023") }),
  line("MAT1021", { standpunkt: 4, level: "VG1", year: hy("V2023") }),
  line("NAT1007", { standpunkt: 5, level: "VG1", year: hy("V2023") }),
  line("REA3056", { fagtype: "VP", standpunkt: 3, level: "VG2", year: hy("V2024") }),
  line("NOR1267", { standpunkt: 4, eksamen: 5, examForm: "S", omfang: 393, level: "VG3", year: hy("V2025"), faggruppe: "NOR1267" }),
];

function stCase(over: Partial<VitnemalCase> = {}): VitnemalCase {
  return {
    person: testPerson(),
    issuer: testIssuer("skole"),
    decisionDate: "2025-06-20",
    statuses: [2022, 2023, 2024].map((startYear) => ({ status: "elev" as const, schoolYear: { startYear } })),
    programmeAreas: [
      { code: "STUSP1----", level: "VG1" },
      { code: "STREA2----", level: "VG2" },
      { code: "STREA3----", level: "VG3" },
    ],
    subjects: ST_SUBJECTS,
    conduct: [{ schoolYear: { startYear: 2024 }, orden: "G", adferd: "G", kind: "standpunkt", elevInYear: true }],
    absence: [1, 2, 3].map((y) => ({ courseYear: y, schoolYear: { startYear: 2021 + y }, days: y, hours: 2 * y })),
    course: { achieved: ["studiekompetanse"], fixedLop: true, withinNormalTime: true },
    ...over,
  };
}

const errorsOf = (fs: { rule: string; severity: string; cite: { ref: string } }[]) => fs.filter((f) => f.severity === "error").map((f) => [f.rule, f.cite.ref]);

describe("decideContent: the good case", () => {
  it("§1.1/§1.2/§5.6: an elev with studiekompetanse within normal time gets a førstegangsvitnemål, issuable", () => {
    const d = decideContent(stCase());
    expect(errorsOf(d.because)).toEqual([]);
    expect(d.value.kind).toBe("vitnemal");
    expect(d.value.forstegang).toBe(true);
    expect(d.value.vmm.map((m) => m.def.code)).toEqual(["VMM06"]);
    expect(d.value.sluttkompetanse).toEqual(["studiekompetanse"]);
    expect(d.value.conduct?.schoolYear.startYear).toBe(2024);
    expect(d.value.issuable).toBe(true);
  });

  it("§2: the decided content goes through 3b's layout without errors", () => {
    const d = decideContent(stCase());
    const input = toLayoutInput(stCase(), d.value, { issuedOn: "2025-06-20", signatories: ["Rektor", "Avdelingsleder"], documentNumber: "V974760673202500001" });
    expect(input.value).not.toBeNull();
    if (input.value === null) return;
    expect(input.value.subjects.map((s) => s.fagkode)).toEqual(["ENG1007", "MAT1021", "NAT1007", "REA3056", "NOR1267"]);
    expect(input.value.merknader).toEqual([{ code: "VMM06", text: "Førstegangsvitnemål" }]);
    const doc = arrangeDocument(input.value);
    expect(doc.because.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("decideContent: the issue's browser case (§6.3 seen from §1/§3)", () => {
  it("IM + FAM39 (documented absence at the exam): kompetansebevis, issuable; FAM39 would be refused on a vitnemål", () => {
    const subjects = ST_SUBJECTS.map((s) => (s.fagkode === "ENG1007" ? { ...s, eksamen: "IM" as const, merknader: [{ code: "FAM39", because: "6.3" }] } : s));
    const d = decideContent(stCase({ subjects }));
    expect(d.value.kind).toBe("kompetansebevis");
    expect(d.value.issuable).toBe(true);
    expect(d.value.subjects.find((s) => s.line.fagkode === "ENG1007")?.merknad?.text).toBe("Dokumentert fravær");
    const refused = decideContent(stCase({ subjects }), "vitnemal");
    expect(refused.value.kind).toBeNull();
    expect(errorsOf(refused.because)).toContainEqual(["vitnemal.document.vitnemal-refused", "1.1"]);
  });
});

describe("decideContent: bad input is refused with its section", () => {
  it.each([
    ["2.6 unknown fagkode", { subjects: [...ST_SUBJECTS, line("XYZ1234", { standpunkt: 4 })] }, ["vitnemal.catalogue.unknown-fagkode", "2.6"]],
    ["2.3 wrong programme-area format", { programmeAreas: [{ code: "STUSP1---", level: "VG1" as const }, { code: "STREA2----", level: "VG2" as const }, { code: "STREA3----", level: "VG3" as const }] }, ["vitnemal.programme-area.length", "2.3"]],
    ["3.5 expired merknad", { subjects: ST_SUBJECTS.map((s, i) => (i === 1 ? { ...s, merknader: [{ code: "FAM47" }] } : s)) }, ["vitnemal.merknad.expired", "3.5"]],
    ["3.1 misplaced merknad (FAM21 only on kompetansebevis)", { subjects: ST_SUBJECTS.map((s, i) => (i === 1 ? { ...s, merknader: [{ code: "FAM21" }] } : s)) }, ["vitnemal.merknad.wrong-document", "3.1"]],
    ["3.4 misplaced VMM (VMM26 only on kompetansebevis)", { vitnemalsmerknader: [{ code: "VMM26" }] }, ["vitnemal.merknad.wrong-document", "3.4"]],
    ["4.5 forbidden combination 1T + 1P", { subjects: [...ST_SUBJECTS, line("MAT1019", { standpunkt: 3 })] }, ["vitnemal.combination.mat-1T-1P", "4.5"]],
    ["4.1 five programme areas", { programmeAreas: ["STUSP1----", "STREA2----", "STREA3----", "ELELE1----", "ELELE2----"].map((code) => ({ code, level: `VG${code[5]}` as "VG1" })) }, ["vitnemal.programme-area.more-than-four", "4.1"]],
    ["1.10 a school issuing a lærling's document", { statuses: [{ status: "laerling" as const, schoolYear: { startYear: 2024 } }] }, ["vitnemal.issuer.wrong-kind", "1.10"]],
    ["5.6 missing orden og adferd", { conduct: [] }, ["vitnemal.conduct.missing", "5.6"]],
  ] as const)("§%s", (_n, over, expected) => {
    const c = stCase(over as Partial<VitnemalCase>);
    const d = decideContent(c);
    expect(errorsOf(d.because)).toContainEqual(expected);
    expect(d.value.issuable).toBe(false);
    const input = toLayoutInput(c, d.value, { issuedOn: "2025-06-20", signatories: ["A", "B"], documentNumber: "X" });
    expect(input.value).toBeNull();
  });
});

describe("§2.3 the year in «har i <åååå> bestått»", () => {
  const extras = { issuedOn: "2025-06-20" as const, signatories: ["A", "B"] as const, documentNumber: "V1" };
  it("is the year of the last subject on the vitnemål", () => {
    const c = stCase();
    expect(toLayoutInput(c, decideContent(c).value, extras).value?.completedYear).toBe(2025);
  });
  it("is VMM31's year when the vitnemål documents fagopplæring", () => {
    const c = stCase({ vitnemalsmerknader: [{ code: "VMM31", params: { dato: "14.08.2026" } }] });
    expect(toLayoutInput(c, decideContent(c).value, extras).value?.completedYear).toBe(2026);
  });
});

describe("decideContent: vocational and exceptions", () => {
  it("§1.5: FAM37 for two fellesfag with grade 1 lets a vocational vitnemål through", () => {
    const subjects = [
      line("ENG1009", { standpunkt: 1, level: "VG1", year: hy("V2023") }),
      line("MAT1113", { standpunkt: 1, omfang: 84, level: "VG1", year: hy("V2023") }),
      line("ELE1006", { fagtype: "FP", standpunkt: 4, omfang: 197, level: "VG1", year: hy("V2023") }),
    ];
    const c = stCase({
      subjects,
      programmeAreas: [{ code: "ELELE1----", level: "VG1" }, { code: "ELELE2----", level: "VG2" }],
      course: { achieved: ["yrkeskompetanse"], section342Approved: ["ENG1009", "MAT1113"] },
    });
    const d = decideContent(c);
    expect(errorsOf(d.because)).toEqual([]);
    expect(d.value.kind).toBe("vitnemal");
    expect(d.value.forstegang).toBe(false);
    expect(d.value.subjects.map((s) => s.merknad?.def.code ?? null)).toEqual(["FAM37", "FAM37", null]);
  });

  it("§4.2: a beyond-minimum subject not passed is left off the vitnemål", () => {
    const d = decideContent(stCase({ subjects: [...ST_SUBJECTS, line("REA3038", { fagtype: "VP", standpunkt: 1, beyondMinimum: true, level: "VG3" })] }));
    expect(d.value.kind).toBe("vitnemal");
    expect(d.value.subjects.map((s) => s.line.fagkode)).not.toContain("REA3038");
    expect(d.because.map((f) => f.rule)).toContain("vitnemal.decide.dropped-beyond-minimum");
  });

  it("§4.2: VMM32 on a kompetansebevis only when it shows a completed, not passed fixed course", () => {
    const vmm32 = [{ code: "VMM32", params: { programomrade: "ELELE1---- Elektro og datateknologi" } }];
    const failing = ST_SUBJECTS.map((s) => (s.fagkode === "MAT1021" ? { ...s, standpunkt: 1 as const } : s));
    const completed = decideContent(stCase({ subjects: failing, vitnemalsmerknader: vmm32, course: { achieved: ["studiekompetanse"], fixedLop: true } }));
    expect(completed.value.kind).toBe("kompetansebevis");
    expect(completed.value.programmeAreas.map((a) => a.completion)).toEqual(["fullfort", "bestatt", "bestatt"]);
    expect(completed.value.vmm.map((m) => m.def.code)).toContain("VMM32");
    expect(completed.value.issuable).toBe(true);
    const notFixed = decideContent(stCase({ subjects: failing, vitnemalsmerknader: vmm32, course: { achieved: ["studiekompetanse"] } }));
    expect(notFixed.because.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["vitnemal.merknad.wrong-document"]);
  });

  it("§1.3: a kompetansebevis after vg1 marks the level «bestått»", () => {
    const c = stCase({
      subjects: ST_SUBJECTS.slice(0, 3),
      programmeAreas: [{ code: "STUSP1----", level: "VG1" }],
      course: {},
      statuses: [{ status: "elev", schoolYear: { startYear: 2022 } }],
      conduct: [{ schoolYear: { startYear: 2022 }, orden: "G", adferd: "NG", kind: "halvar", elevInYear: true }],
    });
    const d = decideContent(c);
    expect(errorsOf(d.because)).toEqual([]);
    expect(d.value.kind).toBe("kompetansebevis");
    expect(d.value.programmeAreas.map((a) => a.completion)).toEqual(["bestatt"]);
    const input = toLayoutInput(c, d.value, { issuedOn: "2023-06-20", signatories: ["A", "B"], documentNumber: "K974760673202300001" });
    expect(input.value?.programmeAreas[0]?.status).toBe("bestatt");
    expect(input.value?.orden).toBe("G");
    expect(input.value?.adferd).toBe("N");
  });
});

describe("decideContent: §4.2 choices and replacements, §4.6 old/new mathematics, end to end", () => {
  it("§4.2 «kan ikke … erstatte et fullført fag, med et annet fag tatt som privatist»: a vitnemål, but not a førstegangsvitnemål", () => {
    const subjects = [...ST_SUBJECTS, line("GEO1003", { status: "privatist", eksamen: 4, omfang: 56, level: "VG2", year: hy("V2024"), replaces: "SAK1001" })];
    const d = decideContent(stCase({ subjects }));
    expect(errorsOf(d.because)).toEqual([]);
    expect(d.value.kind).toBe("vitnemal");
    expect(d.value.forstegang).toBe(false);
    expect(d.because.map((f) => [f.rule, f.cite.ref])).toContainEqual(["vitnemal.forstegang.replaced-by-privatist", "4.2"]);
    expect(d.value.vmm.map((m) => m.def.code)).not.toContain("VMM06");
  });

  it("§4.2/§4.5 1T replaced by 1P as privatist within normal time keeps the førstegangsvitnemål (1T left off)", () => {
    const subjects = [...ST_SUBJECTS, line("MAT1019", { status: "privatist", eksamen: 4, examForm: "S", level: "VG1", year: hy("V2024"), replaces: "MAT1021" })];
    const d = decideContent(stCase({ subjects }));
    expect(errorsOf(d.because)).toEqual([]);
    expect(d.value.subjects.map((s) => s.line.fagkode)).not.toContain("MAT1021");
    expect(d.value.forstegang).toBe(true);
    expect(d.because.map((f) => f.rule)).toContain("vitnemal.choice.swap-1T-1P");
  });

  it("§4.2 a subject beyond the minimum without an exam, left off by choice, is not on the document", () => {
    const subjects = [...ST_SUBJECTS, line("REA3038", { fagtype: "VP", standpunkt: 2, level: "VG3", year: hy("V2025"), beyondMinimum: true, leftOffByChoice: true, programmeArea: "STREA3----" })];
    const d = decideContent(stCase({ subjects }));
    expect(errorsOf(d.because)).toEqual([]);
    expect(d.value.subjects.map((s) => s.line.fagkode)).not.toContain("REA3038");
    expect(d.value.issuable).toBe(true);
  });

  it("§4.2 the trekkordning's exam count (an input) is checked on the document", () => {
    const d = decideContent(stCase({ course: { achieved: ["studiekompetanse"], fixedLop: true, withinNormalTime: true, requiredExams: 3 } }));
    expect(errorsOf(d.because)).toContainEqual(["vitnemal.choice.exam-count", "4.2"]);
    expect(d.value.issuable).toBe(false);
  });

  it("§4.6 old vg1 halvårsvurdering with new vg2: the halvår grade stands as standpunkt under the old vg1 code", () => {
    const subjects = [
      ...ST_SUBJECTS.filter((s) => s.fagkode !== "MAT1021"),
      line("MAT1007", { halvar: 4, level: "VG1", year: hy("V2009") }),
      line("MAT1015", { standpunkt: 3, omfang: 84, level: "VG2", year: hy("V2010") }),
    ];
    const d = decideContent(stCase({ subjects }));
    expect(errorsOf(d.because)).toEqual([]);
    expect(d.value.issuable).toBe(true);
    const m = d.value.subjects.find((s) => s.line.fagkode === "MAT1007");
    expect(m?.line.standpunkt).toBe(4);
    expect(m?.line.halvar).toBeUndefined();
  });
});
