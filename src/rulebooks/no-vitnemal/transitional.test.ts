import { describe, expect, it } from "vitest";
import { famCodes, vmmCodes } from "./entry.ts";
import { hy, line } from "./testing.ts";
import {
  bedriftsokonomiEntries,
  checkAtLeastOneKlSubject,
  checkR94ProgrammeArea,
  preR94Entry,
  r94Conduct,
  r94DocumentAllowed,
  r94Grade,
  r94GroupEntries,
  r94SubjectEntry,
  r94TverrfagligEntry,
} from "./transitional.ts";

const t = <R extends { ref: string; name: string }>(rows: R[]) => rows.map((r) => [`§${r.ref} ${r.name}`, r] as const);
const errs = (fs: { severity: string; rule: string }[]) => fs.filter((f) => f.severity === "error").map((f) => f.rule);

describe("§13.2 R94 programme areas", () => {
  it.each(
    t([
      { ref: "13.2", name: "R94GK1---- on vg1, passed 2009 → text", a: { code: "R94GK1----", level: "VG1" as const, passedOn: "2009-06-20" }, text: "Reform 94 – grunnkurs for vg1", errors: [] as string[] },
      { ref: "13.2", name: "R94VKI---- on vg2, passed 31.07.2010 → ok", a: { code: "R94VKI----", level: "VG2" as const, passedOn: "2010-07-31" }, text: "Reform 94 – VKI for vg2", errors: [] },
      { ref: "13.2", name: "passed 01.08.2010 → error", a: { code: "R94VKI----", level: "VG2" as const, passedOn: "2010-08-01" }, text: "Reform 94 – VKI for vg2", errors: ["vitnemal.transitional.r94-area-date"] },
      { ref: "13.2", name: "R94 code on vg3 → error", a: { code: "R94VKI----", level: "VG3" as const, passedOn: "2009-06-20" }, text: "Reform 94 – VKI for vg2", errors: ["vitnemal.transitional.r94-area-level"] },
      { ref: "13.2", name: "grades improved after 2010 → error", a: { code: "R94GK1----", level: "VG1" as const, passedOn: "2009-06-20", improvedAfter2010: true }, text: "Reform 94 – grunnkurs for vg1", errors: ["vitnemal.transitional.r94-area-improved"] },
    ]),
  )("%s", (_t, { a, text, errors }) => {
    const d = checkR94ProgrammeArea(a);
    expect(d.value?.text).toBe(text);
    expect(errs(d.because)).toEqual(errors);
  });
});

describe("§13.3 R94 subjects", () => {
  it.each([
    [0, 1],
    [1, 1],
    [4, 4],
    [6, 6],
    [7, undefined],
  ])("§13.3 R94 grade %i → %s", (g, out) => expect(r94Grade(g)).toBe(out));
  it("§13.3 KL code, R94 grades (0 → 1), FAM13 with the R94 code, R94 year", () => {
    const e = r94SubjectEntry({ klFagkode: "MAT1011", r94Fagkode: "MA1001", standpunkt: 0, eksamen: 3, assessed: hy("V2005") }).value;
    expect([e.standpunkt, e.eksamen, famCodes(e), e.fam[0]?.params, e.year]).toEqual([1, 3, ["FAM13"], { fagkode: "MA1001" }, hy("V2005")]);
  });
  it("§13.3 one R94 subject = several KL subjects: the others Fritatt + FAM13", () => {
    const e = r94SubjectEntry({ klFagkode: "HIS1002", r94Fagkode: "AA6010", assessed: hy("V2004"), secondary: true }).value;
    expect([e.standpunkt, famCodes(e)]).toEqual(["F", ["FAM13"]]);
  });
  it("§13.3 different exam form → dotted form, exam grade kept", () => {
    const e = r94SubjectEntry({ klFagkode: "ENG1002", r94Fagkode: "EN1001", eksamen: 4, assessed: hy("V2006"), differentExamForm: true }).value;
    expect([e.eksamen, e.examForm]).toEqual([4, null]);
  });
  it.each([
    ["passed → Fritatt in the cell", true, "F", []],
    ["not passed → cannot be entered (error)", false, undefined, ["vitnemal.transitional.r94-scheme-not-passed"]],
  ] as const)("§13.3 different assessment scheme, %s", (_n, passed, cell, errors) => {
    const d = r94SubjectEntry({ klFagkode: "KRO1004", r94Fagkode: "KR1001", assessed: hy("V2006"), differentScheme: { cell: "eksamen", passed } });
    expect(d.value.eksamen).toEqual(cell);
    expect(errs(d.because)).toEqual(errors);
  });
  it("§13.3 UPF for an R94 subject beside its KL code → no omfang (--)", () => {
    expect(r94SubjectEntry({ klFagkode: "UPF9001", r94Fagkode: "AA1234", standpunkt: 5, assessed: hy("V2006"), upfWithoutOmfang: true }).value.omfang).toBeNull();
  });
  it("§13.3 conduct: the common R94 grade is entered for both orden and adferd", () => {
    expect(r94Conduct("NG")).toEqual({ orden: "NG", adferd: "NG" });
  });
  it.each(
    t([
      { ref: "13.3", name: "one KL subject among R94 ones → fine", subjects: [line("MAT1011", { merknader: [{ code: "FAM13", params: { fagkode: "MA1" } }] }), line("NOR1211")], errors: [] as string[] },
      { ref: "13.3", name: "all subjects from R94/earlier → error", subjects: [line("MAT1011", { merknader: [{ code: "FAM13" }] }), line("HIS1002", { merknader: [{ code: "FAM16" }] })], errors: ["vitnemal.transitional.no-kl-subject"] },
    ]),
  )("%s", (_t, { subjects, errors }) => expect(errs(checkAtLeastOneKlSubject(subjects))).toEqual(errors));
});

describe("§13.4 groups and tverrfaglige eksamener", () => {
  const r94 = [
    { upfCode: "UPF9001", r94Fagkode: "EL2001", grade: 4, assessed: hy("V2003"), omfang: 300 },
    { upfCode: "UPF9002", r94Fagkode: "EL2002", grade: 3, assessed: hy("V2004"), omfang: 300 },
  ];
  it("§13.4 KL codes Fritatt + FAM01; R94 subjects as UPF without omfang with R94 grade + FAM13", () => {
    const d = r94GroupEntries({ klFagkoder: ["ELE2001", "ELE2002"], klOmfang: 589, r94 });
    expect(d.value.map((e) => [e.fagkode, e.standpunkt, e.omfang, famCodes(e)])).toEqual([
      ["ELE2001", "F", undefined, ["FAM01"]],
      ["ELE2002", "F", undefined, ["FAM01"]],
      ["UPF9001", 4, null, ["FAM13"]],
      ["UPF9002", 3, null, ["FAM13"]],
    ]);
    expect(errs(d.because)).toEqual([]);
  });
  it.each(
    t([
      { ref: "13.4", name: "fewer R94 hours than approved → error", klOmfang: 700, grades: [4, 3], errors: ["vitnemal.transitional.r94-group-omfang"] },
      { ref: "13.4", name: "an R94 subject not passed (0) → error", klOmfang: 589, grades: [4, 0], errors: ["vitnemal.transitional.r94-group-not-passed"] },
    ]),
  )("%s", (_t, { klOmfang, grades, errors }) => {
    const d = r94GroupEntries({ klFagkoder: ["ELE2001"], klOmfang, r94: r94.map((r, i) => ({ ...r, grade: grades[i] ?? 4 })) });
    expect(errs(d.because)).toEqual(errors);
  });
  it.each([
    ["UPF9400", []],
    ["UPF9502", []],
    ["UPF9001", ["vitnemal.transitional.r94-tverrfaglig-code"]],
  ] as const)("§13.4 tverrfaglig R94 exam on %s", (code, errors) => {
    const d = r94TverrfagligEntry(code, 5, hy("V2002"));
    expect([d.value.eksamen, d.value.examForm]).toEqual([5, null]);
    expect(errs(d.because)).toEqual(errors);
  });
});

describe("§13.7 R94 documents, §13.8 before R94", () => {
  it.each(
    t([
      { ref: "13.7", name: "passed V2010 → allowed", p: { lastPassed: hy("V2010") }, ok: true },
      { ref: "13.7", name: "passed H2010 → too late", p: { lastPassed: hy("H2010") }, ok: false },
      { ref: "13.7", name: "7000 series passed V2011 → allowed", p: { lastPassed: hy("V2011"), series: "7000" as const }, ok: true },
      { ref: "13.7", name: "6000 series passed H2011 → too late", p: { lastPassed: hy("H2011"), series: "6000" as const }, ok: false },
      { ref: "13.7", name: "duplicate → always allowed", p: { lastPassed: hy("V2015"), duplicate: true }, ok: true },
    ]),
  )("%s", (_t, { p, ok }) => expect(r94DocumentAllowed(p).value).toBe(ok));
  it("§13.8 before R94: Godkjent + FAM16 «Bestått fag 1989» + VMM23 + original documentation as vedlegg", () => {
    const e = preR94Entry({ klFagkode: "MAT1011", passedYear: 1989 }).value;
    expect([e.standpunkt, famCodes(e), e.fam[0]?.params, vmmCodes(e), e.vedlegg.length, e.year]).toEqual(["GK", ["FAM16"], { aaaa: "1989" }, ["VMM23"], 1, hy("V1989")]);
  });
  it("§13.8 grade from Samordna opptak's conversion table is kept", () => {
    expect(preR94Entry({ klFagkode: "MAT1011", passedYear: 1989, passedHalf: "H", convertedGrade: 5 }).value.standpunkt).toBe(5);
  });
  it("§13.8 a year from 1994 on is not before R94 → warning", () => {
    expect(preR94Entry({ klFagkode: "MAT1011", passedYear: 1995 }).because.map((f) => f.severity)).toContain("warning");
  });
});

describe("§13.5 bedriftsøkonomi I", () => {
  it("geografi Fritatt + FAM30; AA6010 as SAM3029 with the R94 grade and FAM13", () => {
    const d = r94BedriftsokonomiCase("SAM3029", true);
    expect(d.value.map((e) => [e.fagkode, e.standpunkt, famCodes(e)])).toEqual([
      ["GEO1001", "F", ["FAM30"]],
      ["SAM3029", 5, ["FAM13"]],
    ]);
    expect(errs(d.because)).toEqual([]);
  });
  it.each([
    ["another replacement code → error", "SAM3001", true, ["vitnemal.transitional.bedriftsokonomi-code"]],
    ["no nyere historie on vg3 in KL → error", "SAM3033", false, ["vitnemal.transitional.bedriftsokonomi-historie"]],
  ] as const)("§13.5 %s", (_n, code, hist, errors) => expect(errs(r94BedriftsokonomiCase(code, hist).because)).toEqual(errors));
});

function r94BedriftsokonomiCase(replacement: string, nyereHistorieVg3InKL: boolean) {
  return bedriftsokonomiEntries({ geografiFagkode: "GEO1001", replacement, grade: 5, assessed: hy("V2004"), nyereHistorieVg3InKL });
}
