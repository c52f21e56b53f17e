/** Seed 003 §3: selecting and checking the merknader of one document. */
import { describe, expect, it } from "vitest";
import type { MerknadUse, SubjectResult } from "./model.ts";
import { padCaseNumbers, selectMerknader, type MerknadInput } from "./merknader.ts";
import { hy, line } from "./testing.ts";

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);
const errors = (fs: { rule: string; severity: string }[]) => fs.filter((f) => f.severity === "error").map((f) => f.rule);
const input = (over: Partial<MerknadInput>): MerknadInput => ({ document: "vitnemal", on: "2024-06-20", subjects: [], vitnemalsmerknader: [], ...over });
const fam = (code: string, extra: Partial<MerknadUse> = {}): MerknadUse => ({ code, ...extra });
const withFam = (fagkode: string, ...m: MerknadUse[]): SubjectResult => line(fagkode, { standpunkt: 4, merknader: m });

describe("§3 one fagmerknad per fag/fagkode", () => {
  it("§3: two FAMs on one line — the one that matters for points is printed, the other goes to the vedlegg with VMM23", () => {
    const d = selectMerknader(input({ subjects: [withFam("ENG1007", fam("FAM34"), fam("FAM04"))] }));
    expect(d.value.perSubject.map((m) => m?.def.code)).toEqual(["FAM04"]);
    expect(d.value.vedlegg).toEqual([{ fagkode: "ENG1007", code: "FAM34", text: "ENG1007: Fag tatt u.tr. § 1-15", because: "3" }]);
    expect(d.value.vmm.map((m) => [m.def.code, m.text])).toEqual([["VMM23", "Jf. vedlegg."]]);
    expect(rules(d.because)).toEqual(["vitnemal.merknad.one-per-subject", "vitnemal.merknad.vmm23-added"]);
  });

  it("§3: the user's choice (primary) wins over bevis's order", () => {
    const d = selectMerknader(input({ subjects: [withFam("ENG1007", fam("FAM04"), fam("FAM34", { primary: true }))] }));
    expect(d.value.perSubject.map((m) => m?.def.code)).toEqual(["FAM34"]);
    expect(d.value.vedlegg.map((v) => v.code)).toEqual(["FAM04"]);
  });

  it("§3: VMM23 is written once even when several lines overflow and VMM23 was asked for", () => {
    const d = selectMerknader(
      input({
        subjects: [withFam("ENG1007", fam("FAM34"), fam("FAM04")), withFam("MAT1021", fam("FAM52"), fam("FAM18"))],
        vitnemalsmerknader: [fam("VMM23")],
      }),
    );
    expect(d.value.vmm.map((m) => m.def.code)).toEqual(["VMM23"]);
    expect(d.value.vedlegg.map((v) => [v.fagkode, v.code])).toEqual([
      ["ENG1007", "FAM34"],
      ["MAT1021", "FAM52"],
    ]);
  });

  it("§2.6/§3: the printed text is the merknad's content, not its code, placeholders filled", () => {
    const d = selectMerknader(input({ subjects: [withFam("UPF9001", fam("FAM13", { params: { fagkode: "AA6010" } }))] }));
    expect(d.value.perSubject[0]?.text).toBe("Fag R94 AA6010");
  });

  it("the same FAM twice on a line counts once", () => {
    const d = selectMerknader(input({ subjects: [withFam("ENG1007", fam("FAM04"), fam("FAM04"))] }));
    expect(d.value.vedlegg).toEqual([]);
    expect(d.because).toEqual([]);
  });
});

describe("§3.1–§3.6 refusals (nothing is issued)", () => {
  it.each([
    // [section, document, date, subjects, vmm, expected error]
    ["3", "vitnemal", "2024-06-20", [withFam("ENG1007", fam("FAM99"))], [], "vitnemal.merknad.unknown"],
    ["3.1", "vitnemal", "2024-06-20", [withFam("ENG1007", fam("FAM39"))], [], "vitnemal.merknad.wrong-document"],
    ["3.1", "vitnemal", "2024-06-20", [withFam("ENG1007", fam("FAM51"))], [], "vitnemal.merknad.wrong-document"],
    ["3.1", "kompetansebevis", "2024-06-20", [withFam("ENG1007", fam("FAM37"))], [], "vitnemal.merknad.wrong-document"],
    ["3.5", "vitnemal", "2024-06-20", [withFam("ENG1007", fam("FAM15"))], [], "vitnemal.merknad.expired"],
    ["3.6", "vitnemal", "2024-06-20", [], [fam("VMM12")], "vitnemal.merknad.expired"],
    ["3.4", "vitnemal", "2024-06-20", [], [fam("VMM34")], "vitnemal.merknad.wrong-document"],
    ["3.2", "kompetansebevis", "2024-06-20", [], [fam("VMM06")], "vitnemal.merknad.wrong-document"],
    ["3.2", "vitnemal", "2024-06-20", [], [fam("VMM21")], "vitnemal.merknad.extended-without-vmm06"],
    ["3.1", "vitnemal", "2024-06-20", [withFam("NOR1262", fam("FAM19"))], [], "vitnemal.merknad.wrong-fagkode"],
    ["3.1", "vitnemal", "2024-06-20", [withFam("YFF4106", fam("FAM42", { params: { programomradekode: "ELELE1----" } }))], [], "vitnemal.merknad.wrong-fagkode"],
    ["3.1", "vitnemal", "2024-06-20", [line("KRO1017", { standpunkt: 4, year: hy("V2013"), merknader: [fam("FAM14")] })], [], "vitnemal.merknad.subject-too-late"],
    ["3.1", "vitnemal", "2024-06-20", [withFam("ENG1007", fam("FAM35"))], [], "vitnemal.merknad.fam35-without-vmm17"],
    ["3.3", "vitnemal", "2024-06-20", [line("NOR1049", { eksamen: 4, year: hy("V2019") })], [fam("VMM25")], "vitnemal.merknad.vmm25-too-late"],
    ["3", "vitnemal", "2024-06-20", [withFam("ENG1007", fam("VMM23"))], [], "vitnemal.merknad.vmm-on-subject"],
    ["3", "vitnemal", "2024-06-20", [], [fam("FAM01")], "vitnemal.merknad.fam-as-vmm"],
    ["3.1", "vitnemal", "2024-06-20", [withFam("ENG1007", fam("FAM04", { primary: true }), fam("FAM34", { primary: true }))], [], "vitnemal.merknad.two-primary"],
  ] as const)("§%s %s: %j / %j → %s", (_ref, document, on, subjects, vmm, expected) => {
    const d = selectMerknader(input({ document, on, subjects, vitnemalsmerknader: vmm }));
    expect(errors(d.because)).toContain(expected);
  });

  it.each([
    ["FAM14 for kroppsøving completed V2012", [line("KRO1005", { standpunkt: 4, year: hy("V2012"), merknader: [fam("FAM14")] })], []],
    ["FAM19 on NOR3001", [line("NOR3001", { standpunkt: "D", merknader: [fam("FAM19")] })], []],
    ["FAM42 on YFF4190", [line("YFF4190", { standpunkt: 4, merknader: [fam("FAM42", { params: { programomradekode: "ELELE1----" } })] })], []],
    ["VMM25 with NOR1049 taken H2018", [line("NOR1049", { eksamen: 4, year: hy("H2018") })], [fam("VMM25")]],
    ["FAM35 with VMM17", [withFam("ENG1007", fam("FAM35"))], [fam("VMM17", { params: { tekst: "Dispensasjon fra Udir, saksnr. 2013/0999, 01.03.2023." } })]],
  ] as const)("§3.1/§3.3 allowed: %s", (_n, subjects, vmm) => {
    const d = selectMerknader(input({ subjects, vitnemalsmerknader: vmm }));
    expect(errors(d.because)).toEqual([]);
  });

  it("§6.7 vs §3.1: FAM36 without VMM17–19 is a warning, not an error", () => {
    const d = selectMerknader(input({ subjects: [withFam("ENG1007", fam("FAM36"))] }));
    expect(d.because.map((f) => [f.rule, f.severity])).toEqual([["vitnemal.merknad.fam36-without-vmm17", "warning"]]);
  });
});

describe("§1.2 VMM06 agrees with the førstegangsvitnemål decision", () => {
  it.each([
    [true, [fam("VMM06")], []],
    [true, [fam("VMM06"), fam("VMM21")], []],
    [true, [], ["vitnemal.merknad.vmm06-missing"]],
    [false, [fam("VMM06")], ["vitnemal.merknad.vmm06-not-entitled"]],
    [false, [], []],
  ] as const)("forstegang %s with %j → %j", (forstegang, vmm, expected) => {
    expect(errors(selectMerknader(input({ forstegang, vitnemalsmerknader: vmm })).because)).toEqual(expected);
  });
});

describe("§3.3 case numbers with four digits (NVB)", () => {
  it.each([
    ["2013/999", "2013/0999"],
    ["2013/99", "2013/0099"],
    ["2013/9", "2013/0009"],
    ["2013/1234", "2013/1234"],
    ["2013/12345", "2013/12345"],
    ["Vedtak 20.03.2023, saksnr. 2023/45.", "Vedtak 20.03.2023, saksnr. 2023/0045."],
  ])("%s → %s", (raw, padded) => {
    expect(padCaseNumbers(raw)).toBe(padded);
  });

  it("VMM17 text is padded and the change explained", () => {
    const d = selectMerknader(input({ vitnemalsmerknader: [fam("VMM17", { params: { tekst: "Dispensasjon, saksnr. 2013/99, 01.03.2013." } })] }));
    expect(d.value.vmm[0]?.text).toBe("Dispensasjon, saksnr. 2013/0099, 01.03.2013.");
    expect(rules(d.because)).toEqual(["vitnemal.merknad.case-number-padded"]);
  });
});

describe("§4.2 VMM32 on a kompetansebevis", () => {
  const vmm = [fam("VMM32", { params: { programomrade: "ELELE2---- Elenergi og ekom" } })];
  it("only for a completed, not passed course", () => {
    expect(errors(selectMerknader(input({ document: "kompetansebevis", vitnemalsmerknader: vmm })).because)).toEqual(["vitnemal.merknad.wrong-document"]);
    expect(errors(selectMerknader(input({ document: "kompetansebevis", vitnemalsmerknader: vmm, completedNotPassedLop: true })).because)).toEqual([]);
  });
});
