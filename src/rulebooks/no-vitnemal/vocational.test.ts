import { describe, expect, it } from "vitest";
import { famCodes, vmmCodes } from "./entry.ts";
import type { ApprenticeshipContract } from "./model.ts";
import { hy, line } from "./testing.ts";
import {
  candidateTestDocumentEntry,
  checkAviationCode,
  crossoverFam12Entry,
  crossoverKroppsovingCode,
  crossoverNorskEntry,
  fam37Entries,
  practiceCandidateEntries,
  programfagInCompanyEntries,
  shipElectricianEntry,
  vmm29,
  vmm31,
  wholeMonthsBetween,
  yffEntry,
  yskEntries,
} from "./vocational.ts";

const t = <R extends { ref: string; name: string }>(rows: R[]) => rows.map((r) => [`§${r.ref} ${r.name}`, r] as const);
const contract = (over: Partial<ApprenticeshipContract> = {}): ApprenticeshipContract => ({
  kind: "laerekontrakt",
  status: "laerling",
  fagName: "elektrikerfaget",
  programmeArea: "ELELE3----",
  start: "2022-08-15",
  contractMonths: 24,
  end: "2024-08-14",
  ...over,
});

describe("vmm31 — §9.1 the later of contract end and test passed", () => {
  it.each(
    t([
      { ref: "9.1", name: "test passed after the contract ended → test date", c: contract({ finalTest: { kind: "fagprove", result: "B", passedOn: "2024-09-10" } }), dato: "10.09.2024" },
      { ref: "9.1", name: "test passed before the contract ended → contract end", c: contract({ finalTest: { kind: "fagprove", result: "BM", passedOn: "2024-06-03" } }), dato: "14.08.2024" },
      { ref: "9.1", name: "both on the same day → that day", c: contract({ finalTest: { kind: "fagprove", result: "B", passedOn: "2024-08-14" } }), dato: "14.08.2024" },
      { ref: "9.1", name: "test not passed (IB) → no VMM31", c: contract({ finalTest: { kind: "fagprove", result: "IB", passedOn: "2024-06-03" } }), dato: null },
      { ref: "9.1", name: "training period not completed → no VMM31", c: contract({ end: undefined, finalTest: { kind: "fagprove", result: "B", passedOn: "2024-06-03" } }), dato: null },
    ]),
  )("%s", (_t, { c, dato }) => {
    const d = vmm31(c);
    expect(d.value?.vmm[0]?.params?.["dato"] ?? null).toBe(dato);
    if (dato !== null) expect(vmmCodes(d.value!)).toEqual(["VMM31"]);
  });
});

describe("fam37Entries — §9.2 (via pass.ts section342Exception)", () => {
  const subjects = [
    line("NOR1206", { fagtype: "FF", standpunkt: 1, faggruppe: "norsk" }),
    line("NOR1207", { fagtype: "FF", standpunkt: 1, faggruppe: "norsk" }),
    line("MAT1001", { fagtype: "FF", standpunkt: 1 }),
    line("ENG1007", { fagtype: "FF", standpunkt: "IV" }),
    line("NAT1002", { fagtype: "FF", standpunkt: 1 }),
  ];
  it("§9.2 norsk skriftlig + muntlig count as one fag: norsk and matematikk → FAM37 on three lines", () => {
    const d = fam37Entries(subjects, ["norsk", "MAT1001"], { document: "vitnemal", vocational: true });
    expect(d.value.map((e) => [e.fagkode, famCodes(e)])).toEqual([
      ["NOR1206", ["FAM37"]],
      ["NOR1207", ["FAM37"]],
      ["MAT1001", ["FAM37"]],
    ]);
  });
  it.each(
    t([
      { ref: "9.2", name: "three fellesfag → error", approved: ["norsk", "MAT1001", "NAT1002"] },
      { ref: "9.2", name: "IV excluded → error", approved: ["ENG1007"] },
    ]),
  )("%s", (_t, { approved }) => {
    const d = fam37Entries(subjects, approved, { document: "vitnemal", vocational: true });
    expect(d.value).toEqual([]);
    expect(d.because.some((x) => x.severity === "error")).toBe(true);
  });
});

describe("§9.3 kryssløp", () => {
  it.each(
    t([
      { ref: "9.3", name: "halvår 1 (not passed) is enough → FAM12, dotted cells", halvar: 1 as const, fam: ["FAM12"], error: false },
      { ref: "9.3", name: "halvår 4 → FAM12", halvar: 4 as const, fam: ["FAM12"], error: false },
      { ref: "9.3", name: "IV → no FAM12, error", halvar: "IV" as const, fam: [], error: true },
      { ref: "9.3", name: "no halvår → error", halvar: undefined, fam: [], error: true },
    ]),
  )("%s", (_t, { halvar, fam, error }) => {
    const d = crossoverFam12Entry("SPR1008", halvar, hy("V2023"), 113);
    expect(famCodes(d.value)).toEqual(fam);
    expect(d.because.some((x) => x.severity === "error")).toBe(error);
    if (!error) expect([d.value.standpunkt, d.value.eksamen, d.value.omfang]).toEqual([null, null, 113]);
  });
  it.each([
    [false, "KRO1015", 56],
    [true, "KRO1016", 112],
  ] as const)("§9.3 kroppsøving after crossover from MD/ID, påbygg %s → %s (%i h)", (pabygg, code, h) => expect(crossoverKroppsovingCode(pabygg)).toEqual({ fagkode: code, omfang: h }));
  it.each(
    t([
      { ref: "9.3", name: "norsk with passed vg1 halvår → GK + FAM52", halvar: 3 as const, gk: true },
      { ref: "9.3", name: "norsk with halvår 1 → cannot be approved", halvar: 1 as const, gk: false },
    ]),
  )("%s", (_t, { halvar, gk }) => {
    const d = crossoverNorskEntry("NOR1206", halvar, hy("V2023"));
    expect(d.value.standpunkt === "GK").toBe(gk);
    expect(famCodes(d.value)).toEqual(gk ? ["FAM52"] : []);
  });
});

describe("yffEntry — §9.4", () => {
  it.each(
    t([
      { ref: "9.4", name: "elev, kompetansebevis → FAM03 + local curriculum as vedlegg", y: { fagkode: "YFF1001", document: "kompetansebevis" as const, status: "elev" as const }, code: "YFF1001", fam: ["FAM03"], vmm: [], vedlegg: 1 },
      { ref: "9.4", name: "elev, vitnemål → no FAM, no vedlegg", y: { fagkode: "YFF1001", document: "vitnemal" as const, status: "elev" as const }, code: "YFF1001", fam: [], vmm: [], vedlegg: 0 },
      { ref: "9.4", name: "privatist → Fritatt in eksamen + FAM43, year practice approved", y: { fagkode: "YFF1001", document: "vitnemal" as const, status: "privatist" as const, praksisApproved: hy("H2023") }, code: "YFF1001", fam: ["FAM43"], vmm: [], vedlegg: 0 },
      { ref: "9.4", name: "second vg1 programme area → YFF4190 + FAM42, VMM32 on vitnemål", y: { fagkode: "YFF1001", document: "vitnemal" as const, status: "elev" as const, secondProgrammeArea: { code: "HSHSF1----", level: "VG1" as const } }, code: "YFF4190", fam: ["FAM42"], vmm: ["VMM32"], vedlegg: 0 },
      { ref: "9.4", name: "second vg2 programme area on kompetansebevis → YFF4290 + FAM42, no VMM32", y: { fagkode: "YFF2001", document: "kompetansebevis" as const, status: "elev" as const, secondProgrammeArea: { code: "ELELE2----", level: "VG2" as const } }, code: "YFF4290", fam: ["FAM42"], vmm: [], vedlegg: 0 },
    ]),
  )("%s", (_t, { y, code, fam, vmm, vedlegg }) => {
    const d = yffEntry(y);
    expect(d.value.fagkode).toBe(code);
    expect(famCodes(d.value)).toEqual(fam);
    expect(vmmCodes(d.value)).toEqual(vmm);
    expect(d.value.vedlegg).toHaveLength(vedlegg);
  });
  it("§9.4 privatist: eksamen F, dotted form, year", () => {
    const e = yffEntry({ fagkode: "YFF1001", document: "vitnemal", status: "privatist", praksisApproved: hy("H2023") }).value;
    expect([e.eksamen, e.examForm, e.year]).toEqual(["F", null, hy("H2023")]);
  });
  it("§9.4 FAM42 carries the programme-area code", () => {
    const e = yffEntry({ fagkode: "YFF1001", document: "vitnemal", status: "elev", secondProgrammeArea: { code: "HSHSF1----", level: "VG1" } }).value;
    expect(e.fam[0]?.params).toEqual({ programomradekode: "HSHSF1----" });
  });
  it("§9.4 second programme area on vg3 → error", () => {
    expect(yffEntry({ fagkode: "YFF3001", document: "vitnemal", status: "elev", secondProgrammeArea: { code: "ELELE3----", level: "VG3" } }).because.some((x) => x.severity === "error")).toBe(true);
  });
});

describe("programfagInCompanyEntries — §9.5", () => {
  const base = { programfag: ["ELE1001", "ELE2001"], yff: ["YFF1001"], kroppsoving: "KRO1017", examYear: hy("V2023"), contract: contract({ cancelled: "2023-02-14", completedMonths: 6 }), on: "2023-06-20" };
  it("§9.5 exam passed → programfag and YFF Fritatt + FAM38, kroppsøving Fritatt + FAM01, year of the exam", () => {
    const d = programfagInCompanyEntries({ ...base, writtenExamPassed: true });
    expect(d.value.map((e) => [e.fagkode, e.standpunkt, famCodes(e)])).toEqual([
      ["KRO1017", "F", ["FAM01"]],
      ["YFF1001", "F", ["FAM38"]],
      ["ELE1001", "F", ["FAM38"]],
      ["ELE2001", "F", ["FAM38"]],
    ]);
    expect(d.value.every((e) => e.year?.year === 2023)).toBe(true);
  });
  it("§9.5 exam not passed → no programfag fritak; VMM14 + VMM29 on the kompetansebevis", () => {
    const d = programfagInCompanyEntries({ ...base, writtenExamPassed: false });
    expect(d.value.map((e) => e.fagkode)).toEqual(["KRO1017", "YFF1001", ""]);
    expect(vmmCodes(d.value[2]!)).toEqual(["VMM14", "VMM29"]);
    expect(d.value[2]?.onlyOn).toBe("kompetansebevis");
  });
});

describe("§9.6 YSK, §9.7, §9.8, §9.9, §9.10", () => {
  it("§9.6 YSK → VMM28 with vedlegg", () => {
    const d = yskEntries({ missingKroppsoving: false });
    expect(d.value.flatMap(vmmCodes)).toEqual(["VMM28"]);
  });
  it("§9.6 YSK missing KRO1005 without dispensation → error", () => {
    expect(yskEntries({ missingKroppsoving: true }).because.map((x) => x.rule)).toContain("vitnemal.vocational.ysk-kroppsoving");
  });
  it("§9.6 YSK missing KRO1005 with dispensation → VMM28, VMM17, VMM23", () => {
    const d = yskEntries({ missingKroppsoving: true, dispensation: { kind: "dispensasjon", ref: { caseNumber: "2023/5", date: "2023-04-01", text: "Dispensasjon kroppsøving YSK" }, fagkoder: ["KRO1005"] } });
    expect(d.value.flatMap(vmmCodes)).toEqual(["VMM28", "VMM17", "VMM23"]);
    expect(d.because.some((x) => x.severity === "error")).toBe(false);
  });
  it("§9.7 skipselektriker → VMM23 + vedlegg", () => {
    const e = shipElectricianEntry();
    expect([vmmCodes(e), e.vedlegg.length]).toEqual([["VMM23"], 1]);
  });
  it.each(
    t([
      { ref: "9.8", name: "praksiskandidat with fellesfag → vitnemål, FAM40", status: "praksiskandidat" as const, ff: true, doc: "vitnemal", fam: "FAM40" },
      { ref: "9.8", name: "fagbrev på jobb with fellesfag → vitnemål, FAM55", status: "fagbrevPaJobb" as const, ff: true, doc: "vitnemal", fam: "FAM55" },
      { ref: "9.8", name: "praksiskandidat without fellesfag → kompetansebevis, no fritak lines", status: "praksiskandidat" as const, ff: false, doc: "kompetansebevis", fam: undefined },
    ]),
  )("%s", (_t, { status, ff, doc, fam }) => {
    const d = practiceCandidateEntries({ status, fellesfagPassed: ff, programfag: ["ELE1001", "ELE2001"], obligatoryExamPassed: hy("V2024") });
    expect(d.value.document).toBe(doc);
    expect(d.value.entries.map((e) => famCodes(e)[0])).toEqual(fam === undefined ? [] : [fam, fam]);
  });
  it.each(
    t([
      { ref: "9.9", name: "praksisbrevprøve → VMM23 + local praksisbrev curriculum", kind: "praksisbrevprove" as const, sp: false, vmm: ["VMM23"] },
      { ref: "9.10", name: "kompetanseprøve → VMM23 + training goals", kind: "kompetanseprove" as const, sp: false, vmm: ["VMM23"] },
      { ref: "9.10", name: "kompetanseprøve with spesialundervisning → VMM23 + VMM26", kind: "kompetanseprove" as const, sp: true, vmm: ["VMM23", "VMM26"] },
    ]),
  )("%s", (_t, { kind, sp, vmm }) => {
    const e = candidateTestDocumentEntry(kind, { specialEducation: sp });
    expect(vmmCodes(e)).toEqual(vmm);
    expect(e.onlyOn).toBe("kompetansebevis");
    expect(e.vedlegg).toHaveLength(1);
  });
});

describe("vmm29 — §9.11", () => {
  it.each(
    t([
      { ref: "9.11", name: "lærekontrakt hevet after 14 months (given) → 14 of 24", c: contract({ cancelled: "2023-10-20", completedMonths: 14 }), params: { rolle: "Lærlingen", aaaa: "2023", maneder: "14", kontraktstid: "24", fag: "elektrikerfaget" } },
      { ref: "9.11", name: "hevet, months computed from start 15.08.2022 to 14.10.2023 → 13", c: contract({ cancelled: "2023-10-14" }), params: { rolle: "Lærlingen", aaaa: "2023", maneder: "13", kontraktstid: "24", fag: "elektrikerfaget" } },
      { ref: "9.11", name: "expired without test → months equal the contract", c: contract({ end: "2024-08-14" }), params: { rolle: "Lærlingen", aaaa: "2024", maneder: "24", kontraktstid: "24", fag: "elektrikerfaget" } },
      { ref: "9.11", name: "lærekandidat → «Lærekandidaten»", c: contract({ status: "laerekandidat", kind: "opplaeringskontrakt", cancelled: "2023-02-01", completedMonths: 5 }), params: { rolle: "Lærekandidaten", aaaa: "2023", maneder: "5", kontraktstid: "24", fag: "elektrikerfaget" } },
      { ref: "9.11", name: "running contract → no VMM29", c: contract({ end: "2025-08-14" }), params: null },
    ]),
  )("%s", (_t, { c, params }) => {
    const d = vmm29(c, "2024-09-01");
    expect(d.value?.vmm[0]?.params ?? null).toEqual(params);
  });
  it.each([
    ["2022-08-15", "2023-10-14", 13],
    ["2022-08-15", "2023-10-15", 14],
    ["2022-01-31", "2022-02-28", 0],
    ["2022-01-31", "2022-03-31", 2],
  ])("§9.11 whole months %s → %s = %i", (a, b, n) => expect(wholeMonthsBetween(a, b)).toBe(n));
});

describe("checkAviationCode — §9.7", () => {
  it.each([
    ["FLY3012", "flytekniske", []],
    ["AVI3010", "avioniker", []],
    ["AVI3011", "flytekniske", ["vitnemal.vocational.aviation-code"]],
    ["FLY3013", "avioniker", ["vitnemal.vocational.aviation-code"]],
  ] as const)("§9.7 %s for %s", (code, prog, rules) => expect(checkAviationCode(code, prog).map((x) => x.rule)).toEqual(rules));
});
