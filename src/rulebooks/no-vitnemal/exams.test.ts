import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { famCodes, vmmCodes, applyEntry } from "./entry.ts";
import { checkExamForm, examEntries, privatistImprovement } from "./exams.ts";
import type { ExamEvent, ExamOutcome, SubjectDef } from "./model.ts";
import { hy, line } from "./testing.ts";

const ev = (outcome: ExamOutcome, over: Partial<ExamEvent> = {}): ExamEvent => ({
  fagkode: "ENG1002",
  form: "S",
  halfYear: hy("V2024"),
  kind: "ordinaer",
  status: "elev",
  outcome,
  ...over,
});
const disp = { caseNumber: "2024/99", date: "2024-05-30", text: "Dispensasjon fra kravet om eksamen i engelsk" };

type Row = {
  ref: string;
  name: string;
  e: ExamEvent;
  eksamen: unknown;
  form: unknown;
  fam: string[];
  vmm?: string[];
  onlyOn?: string;
  vedlegg?: number;
  error?: string;
};

const rows: Row[] = [
  { ref: "6.1", name: "graded written exam: grade and form", e: ev({ kind: "graded", result: 4 }), eksamen: 4, form: "S", fam: [] },
  { ref: "6.3", name: "not met, undocumented → IM + FAM29", e: ev({ kind: "notMet", documented: false }), eksamen: "IM", form: "S", fam: ["FAM29"], onlyOn: "kompetansebevis" },
  { ref: "6.3", name: "not met, documented → IM + FAM39", e: ev({ kind: "notMet", documented: true }), eksamen: "IM", form: "S", fam: ["FAM39"], onlyOn: "kompetansebevis" },
  { ref: "6.3", name: "fell ill and broke off, documented → same as not met: IM + FAM39", e: ev({ kind: "notMet", documented: true, brokeOffIll: true }, { form: "M" }), eksamen: "IM", form: "M", fam: ["FAM39"], onlyOn: "kompetansebevis" },
  { ref: "6.5", name: "bortvist → IV, form, FAM29", e: ev({ kind: "bortvist" }), eksamen: "IV", form: "S", fam: ["FAM29"], onlyOn: "kompetansebevis" },
  { ref: "6.6", name: "fusk (elev) → IV, form, FAM04, standpunkt deleted", e: ev({ kind: "fusk" }, { form: "M" }), eksamen: "IV", form: "M", fam: ["FAM04"] },
  { ref: "6.7", name: "avlyst, needed, with dispensation → dotted, form, FAM36, VMM17", e: ev({ kind: "avlyst", reason: "streik", dispensation: disp, neededForVitnemal: true }), eksamen: null, form: "S", fam: ["FAM36"], vmm: ["VMM17"], vedlegg: 1 },
  { ref: "6.7", name: "avlyst, obligatory, no dispensation → FAM36, reason in vedlegg, warning", e: ev({ kind: "avlyst", reason: "naturkatastrofe" }, { obligatory: true }), eksamen: null, form: "S", fam: ["FAM36"], vedlegg: 1 },
  { ref: "6.7", name: "avlyst, not needed → not shown (no form, no FAM)", e: ev({ kind: "avlyst", reason: "sykdom hos sensor", neededForVitnemal: false }), eksamen: null, form: null, fam: [] },
  { ref: "6.2", name: "annulled by Udir with dispensation → Fritatt, form, FAM04, VMM17", e: ev({ kind: "annulledByUdir", dispensation: disp }), eksamen: "F", form: "S", fam: ["FAM04"], vmm: ["VMM17"], vedlegg: 1 },
  { ref: "6.2", name: "annulled by Udir without dispensation → dotted, form, FAM04", e: ev({ kind: "annulledByUdir" }), eksamen: null, form: "S", fam: ["FAM04"] },
  { ref: "6.2", name: "oral grade annulled after complaint → Fritatt, form, FAM04, no VMM", e: ev({ kind: "annulledAfterComplaint" }, { form: "M" }), eksamen: "F", form: "M", fam: ["FAM04"], vmm: [] },
  { ref: "6.2", name: "annulled after complaint, new exam taken → its grade, FAM04 removed", e: ev({ kind: "annulledAfterComplaint", retaken: 5 }, { form: "MP" }), eksamen: 5, form: "MP", fam: [] },
  { ref: "6.2", name: "written exam cannot be annulled after complaint → error", e: ev({ kind: "annulledAfterComplaint" }), eksamen: "F", form: "S", fam: ["FAM04"], error: "vitnemal.exam.annulled-complaint-form" },
  { ref: "6.8", name: "22 May 2023 → Fritatt, form, FAM04, VMM42, no vedlegg", e: ev({ kind: "annulled20230522" }, { halfYear: hy("V2023"), date: "2023-05-22" }), eksamen: "F", form: "S", fam: ["FAM04"], vmm: ["VMM42"], vedlegg: 0 },
  { ref: "6.8", name: "22 May 2023 rule on another date → error", e: ev({ kind: "annulled20230522" }, { halfYear: hy("V2023"), date: "2023-05-23" }), eksamen: "F", form: "S", fam: ["FAM04"], vmm: ["VMM42"], error: "vitnemal.exam.annulled-20230522-date" },
  { ref: "6.9", name: "korona 2020 → dotted, form, VMM39, no FAM36", e: ev({ kind: "korona", spring: 2020 }, { halfYear: hy("V2020") }), eksamen: null, form: "S", fam: [], vmm: ["VMM39"], vedlegg: 0 },
  { ref: "6.10", name: "korona 2021 → VMM40", e: ev({ kind: "korona", spring: 2021 }, { halfYear: hy("V2021"), form: "M" }), eksamen: null, form: "M", fam: [], vmm: ["VMM40"] },
  { ref: "6.11", name: "korona 2022, voksen deltaker → VMM41", e: ev({ kind: "korona", spring: 2022 }, { halfYear: hy("V2022"), status: "voksen" }), eksamen: null, form: "S", fam: [], vmm: ["VMM41"] },
  { ref: "6.10", name: "korona 2021 for a privatist → error", e: ev({ kind: "korona", spring: 2021 }, { halfYear: hy("V2021"), status: "privatist" }), eksamen: null, form: "S", fam: [], vmm: ["VMM40"], error: "vitnemal.exam.korona-status" },
  { ref: "6.9", name: "korona 2020 in autumn 2020 → error", e: ev({ kind: "korona", spring: 2020 }, { halfYear: hy("H2020") }), eksamen: null, form: "S", fam: [], vmm: ["VMM39"], error: "vitnemal.exam.korona-half-year" },
  // final tests
  { ref: "6.1", name: "fagprøve passed → B, dotted form, FAM27", e: ev({ kind: "graded", result: "B" }, { fagkode: "BRL3102", form: null, finalTest: "fagprove", status: "laerling" }), eksamen: "B", form: null, fam: ["FAM27"] },
  { ref: "6.1", name: "svenneprøve BM → FAM28", e: ev({ kind: "graded", result: "BM" }, { fagkode: "TMF3102", form: null, finalTest: "svenneprove", status: "laerling" }), eksamen: "BM", form: null, fam: ["FAM28"] },
  { ref: "9.9", name: "praksisbrevprøve → FAM53, kompetansebevis only", e: ev({ kind: "graded", result: "B" }, { form: null, finalTest: "praksisbrevprove", status: "praksisbrevkandidat" }), eksamen: "B", form: null, fam: ["FAM53"], onlyOn: "kompetansebevis" },
  { ref: "9.10", name: "kompetanseprøve → FAM31, kompetansebevis only", e: ev({ kind: "graded", result: "B" }, { form: null, finalTest: "kompetanseprove", status: "laerekandidat" }), eksamen: "B", form: null, fam: ["FAM31"], onlyOn: "kompetansebevis" },
  { ref: "6.4", name: "lærling not met fagprøve, undocumented → IM, dotted form, FAM49", e: ev({ kind: "notMet", documented: false }, { form: null, finalTest: "fagprove", status: "laerling" }), eksamen: "IM", form: null, fam: ["FAM49"], onlyOn: "kompetansebevis" },
  { ref: "6.4", name: "praksisbrevkandidat not met, undocumented → FAM54", e: ev({ kind: "notMet", documented: false }, { form: null, finalTest: "praksisbrevprove", status: "praksisbrevkandidat" }), eksamen: "IM", form: null, fam: ["FAM54"], onlyOn: "kompetansebevis" },
  { ref: "6.4", name: "lærekandidat not met, undocumented → FAM50", e: ev({ kind: "notMet", documented: false }, { form: null, finalTest: "kompetanseprove", status: "laerekandidat" }), eksamen: "IM", form: null, fam: ["FAM50"], onlyOn: "kompetansebevis" },
  { ref: "6.4", name: "lærling not met, documented → FAM39", e: ev({ kind: "notMet", documented: true }, { form: null, finalTest: "svenneprove", status: "laerling" }), eksamen: "IM", form: null, fam: ["FAM39"], onlyOn: "kompetansebevis" },
  { ref: "6.5", name: "lærling bortvist from fagprøve → FAM49", e: ev({ kind: "bortvist" }, { form: null, finalTest: "fagprove", status: "laerling" }), eksamen: "IV", form: null, fam: ["FAM49"], onlyOn: "kompetansebevis" },
  { ref: "6.6", name: "fusk at fagprøve → grade deleted, FAM56", e: ev({ kind: "fusk" }, { form: null, finalTest: "fagprove", status: "laerling" }), eksamen: null, form: null, fam: ["FAM56"], onlyOn: "kompetansebevis" },
];

describe("examEntries — §6.1–6.11", () => {
  it.each(rows.map((r) => [`§${r.ref} ${r.name}`, r] as const))("%s", (_t, r) => {
    const d = examEntries(r.e);
    const first = d.value[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    expect(first.eksamen).toEqual(r.eksamen);
    expect(first.examForm).toEqual(r.form);
    expect(famCodes(first)).toEqual(r.fam);
    if (r.vmm !== undefined) expect(vmmCodes(first)).toEqual(r.vmm);
    if (r.vedlegg !== undefined) expect(first.vedlegg).toHaveLength(r.vedlegg);
    expect(first.onlyOn).toEqual(r.onlyOn);
    expect(first.year).toEqual(r.e.outcome.kind === "avlyst" && r.form === null ? undefined : r.e.halfYear);
    const errors = d.because.filter((f) => f.severity === "error").map((f) => f.rule);
    expect(errors).toEqual(r.error === undefined ? [] : [r.error]);
    for (const f of d.because) expect(f.cite.seed).toBe("003");
  });
});

describe("§6.6 fusk on two fagkoder", () => {
  it("elev: standpunkt on another code is deleted and gets FAM04 too", () => {
    const d = examEntries(ev({ kind: "fusk" }, { fagkode: "ENG1008", form: "M", halfYear: hy("V2024") }), { standpunktFagkode: "ENG1007" });
    expect(d.value.map((e) => [e.fagkode, e.standpunkt, e.eksamen, famCodes(e)])).toEqual([
      ["ENG1008", undefined, "IV", ["FAM04"]],
      ["ENG1007", null, undefined, ["FAM04"]],
    ]);
    expect(d.value[1]?.year).toEqual(hy("V2024"));
  });
  it("elev: same code → standpunkt deleted on the exam line (dotted)", () => {
    const [e] = examEntries(ev({ kind: "fusk" }, { form: "M" })).value;
    expect(e?.standpunkt).toBeNull();
    const applied = applyEntry(line("ENG1002", { standpunkt: 4, eksamen: 5 }), e!);
    expect([applied.standpunkt, applied.eksamen, applied.merknader?.map((m) => m.code)]).toEqual([null, "IV", ["FAM04"]]);
  });
  it("privatist: both exam codes are annulled, no standpunkt touched", () => {
    const d = examEntries(ev({ kind: "fusk" }, { status: "privatist", fagkode: "NOR1211", form: "S" }), { otherExamFagkode: "NOR1212" });
    expect(d.value.map((e) => [e.fagkode, e.eksamen, "standpunkt" in e])).toEqual([
      ["NOR1211", "IV", false],
      ["NOR1212", "IV", false],
    ]);
  });
});

describe("§6.7 avlyst: dispensation text carries the padded case number (§3.3, §12.1)", () => {
  it("pads 2024/99 to 2024/0099 and adds the date", () => {
    const [e] = examEntries(ev({ kind: "avlyst", reason: "streik", dispensation: disp, neededForVitnemal: true })).value;
    expect(e?.vmm[0]?.params?.["tekst"]).toBe("Dispensasjon fra kravet om eksamen i engelsk (saksnr. 2024/0099, dato 30.05.2024)");
  });
  it("warns when an obligatory exam is cancelled without a dispensation", () => {
    const d = examEntries(ev({ kind: "avlyst", reason: "streik" }, { obligatory: true }));
    expect(d.because.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual(["vitnemal.exam.avlyst-no-dispensation"]);
  });
});

describe("checkExamForm — §6.1", () => {
  const def: SubjectDef = { fagkode: "ENG1002", name: "Engelsk", fagtype: "FF", level: "VG1", examForms: ["S", "M"], standpunkt: true };
  it.each([
    ["S", []],
    ["M", []],
    ["MP", ["vitnemal.exam.form-not-allowed"]],
    ["P", ["vitnemal.exam.form-not-allowed"]],
  ] as const)("§6.1 form %s", (form, rules) => {
    expect(checkExamForm(ev({ kind: "graded", result: 3 }, { form }), def).map((f) => f.rule)).toEqual(rules);
  });
});

describe("privatistImprovement — §6.12", () => {
  it.each([
    { ref: "6.12", s: { standpunktGrades: 1, privatistExams: 2 } as const, mustTake: "both", fall: false },
    { ref: "6.12", s: { standpunktGrades: 2, privatistExams: 2 } as const, mustTake: "eitherIndependently", fall: false },
    { ref: "6.12", s: { standpunktGrades: 2, privatistExams: 2, fremmedsprak: true } as const, mustTake: "eitherIndependently", fall: true },
  ].map((r) => [`§${r.ref} ${r.s.standpunktGrades} standpunkt, ${r.s.privatistExams} exams${r.s.fremmedsprak ? ", fremmedspråk" : ""} → ${r.mustTake}`, r] as const))("%s", (_t, { s, mustTake, fall }) => {
    const d = privatistImprovement(s);
    expect(d.value).toEqual({ mustTake, underlyingGradesFallAway: fall });
  });
});

describe("§6.1 property: every exam case keeps the exam form and the year the exam should have been taken", () => {
  const outcome = fc.oneof(
    fc.constantFrom<ExamOutcome>(
      { kind: "bortvist" },
      { kind: "fusk" },
      { kind: "annulledByUdir" },
      { kind: "annulledByUdir", dispensation: disp },
      { kind: "annulledAfterComplaint" },
      { kind: "annulled20230522" },
      { kind: "avlyst", reason: "streik", neededForVitnemal: true },
      { kind: "avlyst", reason: "streik", dispensation: disp, neededForVitnemal: true },
    ),
    fc.boolean().map((documented): ExamOutcome => ({ kind: "notMet", documented })),
    fc.constantFrom(1, 2, 3, 4, 5, 6).map((g): ExamOutcome => ({ kind: "graded", result: g as 1 | 2 | 3 | 4 | 5 | 6 })),
  );
  it("form and year are kept, every finding cites seed 003 §6", () => {
    fc.assert(
      fc.property(outcome, fc.constantFrom("S" as const, "M" as const, "MP" as const, "P" as const), fc.integer({ min: 2008, max: 2030 }), fc.constantFrom("V" as const, "H" as const), (o, form, year, half) => {
        const d = examEntries(ev(o, { form, halfYear: { year, half } }));
        const first = d.value[0]!;
        expect(first.examForm).toBe(form);
        expect(first.year).toEqual({ year, half });
        for (const f of d.because) expect([f.cite.seed, f.cite.ref.startsWith("6.") || f.cite.ref.startsWith("3.") || f.cite.ref.startsWith("12.")]).toEqual(["003", true]);
      }),
    );
  });
});
