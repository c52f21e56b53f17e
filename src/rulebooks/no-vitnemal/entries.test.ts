/**
 * Consistency of the §6–§13 rules with the §3 tables (codes/merknader.ts via codes/lookup.ts) and with the §3
 * selection (merknader.ts): every FAM/VMM an entry names exists, is in force on the document date, may stand on the
 * document the entry allows, and has every placeholder filled. One scenario per rule family, each naming its section.
 */
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../kernel/time/date.ts";
import { absenceReasonEntry, noBasisEntry } from "./absence.ts";
import { resolveMerknad } from "./codes/lookup.ts";
import { udirDecisionEntries } from "./dispensations.ts";
import { applyEntry, type Entry } from "./entry.ts";
import { examEntries } from "./exams.ts";
import { adultKroppsovingEntry, approvalEntry, exemptionEntry, lowerSecondaryLanguageEntry } from "./exemptions.ts";
import { iopDocumentEntry, iopSubjectEntry } from "./iop.ts";
import { selectMerknader } from "./merknader.ts";
import { adaptedCourseEntry, specialLanguageEntry } from "./minorities.ts";
import type { IssuedDocumentKind } from "./model.ts";
import { hy, line } from "./testing.ts";
import { preR94Entry, r94SubjectEntry } from "./transitional.ts";
import { candidateTestDocumentEntry, crossoverFam12Entry, vmm29, vmm31, yffEntry, yskEntries } from "./vocational.ts";

const contract = {
  kind: "laerekontrakt" as const,
  status: "laerling" as const,
  fagName: "elektrikerfaget",
  programmeArea: "ELELE3----",
  start: "2022-08-15",
  contractMonths: 24,
};
const disp = { caseNumber: "2023/12", date: "2023-05-02", text: "Dispensasjon fra kravet om eksamen" };
const exam = (outcome: Parameters<typeof examEntries>[0]["outcome"], over: Partial<Parameters<typeof examEntries>[0]> = {}) =>
  examEntries({ fagkode: "ENG1002", form: "S", halfYear: hy("V2024"), kind: "ordinaer", status: "elev", outcome, ...over }).value;

const scenarios: { ref: string; name: string; on: IsoDate; entries: Entry[] }[] = [
  { ref: "6.3", name: "IM + FAM29 / FAM39", on: "2024-06-20", entries: [...exam({ kind: "notMet", documented: false }), ...exam({ kind: "notMet", documented: true })] },
  { ref: "6.4", name: "final tests not taken", on: "2024-06-20", entries: (["fagprove", "praksisbrevprove", "kompetanseprove"] as const).flatMap((k) => exam({ kind: "notMet", documented: false }, { form: null, finalTest: k })) },
  { ref: "6.5–6.6", name: "bortvist, fusk", on: "2024-06-20", entries: [...exam({ kind: "bortvist" }), ...exam({ kind: "fusk" }), ...exam({ kind: "fusk" }, { form: null, finalTest: "svenneprove" })] },
  { ref: "6.2, 6.7", name: "annulled / avlyst with dispensation", on: "2024-06-20", entries: [...exam({ kind: "annulledByUdir", dispensation: disp }), ...exam({ kind: "avlyst", reason: "streik", dispensation: disp, neededForVitnemal: true })] },
  { ref: "6.8–6.11", name: "22.05.2023 and korona", on: "2024-06-20", entries: [...exam({ kind: "annulled20230522" }, { halfYear: hy("V2023") }), ...exam({ kind: "korona", spring: 2021 }, { halfYear: hy("V2021") })] },
  { ref: "6.1", name: "final test rows", on: "2024-06-20", entries: (["fagprove", "svenneprove", "praksisbrevprove", "kompetanseprove"] as const).flatMap((k) => exam({ kind: "graded", result: "B" }, { form: null, finalTest: k })) },
  {
    ref: "7",
    name: "exemptions and approvals",
    on: "2024-06-20",
    entries: [
      exemptionEntry({ fagkode: "NOR1212", kind: "opplaering", area: "sidemal", decidedOn: "2023-01-01", naturalEnd: hy("V2024") }, { status: "elev", norskCurriculum: "LK06" }).value,
      exemptionEntry({ fagkode: "NOR1212", kind: "vurdering", area: "sidemal", decidedOn: "2023-01-01" }, { status: "elev", norskCurriculum: "LK20", hovedmalFagkode: "NOR1260" }).value,
      exemptionEntry({ fagkode: "NOR1212", kind: "opplaering", area: "sidemal", decidedOn: "2023-01-01" }, { status: "elev", norskCurriculum: "LK20", hovedmalFagkode: "NOR1260" }).value,
      exemptionEntry({ fagkode: "MAT1001", kind: "fellesfag", decidedOn: "2023-01-01" }, { status: "privatist" }).value,
      adultKroppsovingEntry("KRO1017"),
      approvalEntry({ fagkode: "SAF1001", kind: "soknad", completed: hy("V2023") }, { on: "2024-06-20", level: "VG1" }).value,
      approvalEntry({ fagkode: "SAF1001", kind: "realkompetanse", partial: true, completed: hy("V2023") }, { on: "2024-06-20", level: "VG1" }).value,
      approvalEntry({ fagkode: "SAF1001", kind: "steiner", originalCode: "RS1", completed: hy("V2023") }, { on: "2024-06-20", level: "VG1", grade: 4 }).value,
      approvalEntry({ fagkode: "SAF1001", kind: "omvalg", completed: hy("V2023") }, { on: "2024-06-20", level: "VG1", grade: 4 }).value,
      lowerSecondaryLanguageEntry("SPR1008", "FSP5020"),
    ],
  },
  { ref: "3.5", name: "approval before 2017 uses FAM47", on: "2016-06-20", entries: [approvalEntry({ fagkode: "SAF1001", kind: "soknad", completed: hy("V2015") }, { on: "2016-06-20", level: "VG1" }).value] },
  { ref: "8", name: "absence", on: "2024-06-20", entries: [noBasisEntry("MAT1019", true, hy("V2024")), noBasisEntry("MAT1019", false, hy("V2024")), absenceReasonEntry("Sykdom")] },
  {
    ref: "9",
    name: "vocational",
    on: "2024-09-20",
    entries: [
      vmm31({ ...contract, end: "2024-08-14", finalTest: { kind: "fagprove", result: "B", passedOn: "2024-09-01" } }).value!,
      vmm29({ ...contract, cancelled: "2023-10-01", completedMonths: 13 }, "2024-09-20").value!,
      crossoverFam12Entry("SPR1008", 3, hy("V2023")).value,
      yffEntry({ fagkode: "YFF1001", document: "vitnemal", status: "elev", secondProgrammeArea: { code: "HSHSF1----", name: "Vg1 helse- og oppvekstfag", level: "VG1" } }).value,
      yffEntry({ fagkode: "YFF1001", document: "kompetansebevis", status: "elev" }).value,
      ...yskEntries({ missingKroppsoving: false }).value,
      candidateTestDocumentEntry("kompetanseprove", { specialEducation: true }),
    ],
  },
  { ref: "10", name: "minorities", on: "2024-06-20", entries: [adaptedCourseEntry("ENG3001", 70, hy("V2024")).value, specialLanguageEntry("NOR1206", ["NOR0214", "MSM1001"], hy("V2024")).value] },
  { ref: "11", name: "IOP", on: "2024-06-20", entries: [iopSubjectEntry("MAT1001", "IV", hy("V2024")).value, iopDocumentEntry({ deviatingSubjects: ["MAT1001"], specialEducationDecision: true }).value!] },
  { ref: "12", name: "dispensation and forsøk", on: "2024-06-20", entries: [...udirDecisionEntries({ kind: "dispensasjon", ref: disp, fagkoder: ["KRO1005"] }).value, ...udirDecisionEntries({ kind: "forsok", ref: disp, fagkoder: ["MAT1019"] }).value] },
  { ref: "13", name: "transitional", on: "2024-06-20", entries: [r94SubjectEntry({ klFagkode: "MAT1011", r94Fagkode: "MA1001", standpunkt: 4, assessed: hy("V2005") }).value, preR94Entry({ klFagkode: "MAT1011", passedYear: 1989 }).value] },
];

const docsFor = (e: Entry): IssuedDocumentKind[] => (e.onlyOn !== undefined ? [e.onlyOn] : ["vitnemal", "kompetansebevis"]);

describe("every merknad an entry names resolves in the §3 tables", () => {
  it.each(scenarios.map((s) => [`§${s.ref} ${s.name}`, s] as const))("%s", (_t, s) => {
    const problems: string[] = [];
    for (const e of s.entries) {
      // FAMs that the §3.1 table allows only on one document come with onlyOn, or are produced for that document only.
      const famDocs = docsFor(e);
      for (const m of [...e.fam, ...e.vmm]) {
        const docs = m.code.startsWith("VMM") ? docsFor(e) : famDocs;
        const ok = docs.some((document) => {
          const d = resolveMerknad(m.code, { on: s.on, document, ...(m.params !== undefined ? { params: m.params } : {}), conditionalAllowed: true });
          return d.value !== null && !d.because.some((f) => f.severity === "error");
        });
        if (!ok) problems.push(`${e.fagkode} ${m.code} on ${docs.join("/")}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("§6.3 end to end with the §3 selection (the issue's browser case)", () => {
  const [e] = exam({ kind: "notMet", documented: true });
  const subject = applyEntry(line("ENG1002", { standpunkt: 4 }), e!);
  it("IM in the exam cell, the exam form kept, FAM39 printed on the kompetansebevis", () => {
    const d = selectMerknader({ document: "kompetansebevis", on: "2024-06-20", subjects: [subject], vitnemalsmerknader: [] });
    expect([subject.eksamen, subject.examForm, d.value.perSubject[0]?.text]).toEqual(["IM", "S", "Dokumentert fravær"]);
    expect(d.because.filter((f) => f.severity === "error")).toEqual([]);
  });
  it("FAM39 may not stand on a vitnemål", () => {
    const d = selectMerknader({ document: "vitnemal", on: "2024-06-20", subjects: [subject], vitnemalsmerknader: [] });
    expect(d.because.some((f) => f.severity === "error")).toBe(true);
  });
});
