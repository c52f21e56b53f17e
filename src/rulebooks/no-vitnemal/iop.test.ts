import { describe, expect, it } from "vitest";
import { famCodes, vmmCodes } from "./entry.ts";
import { checkIopExemptions, IOP_YEAR_CODES, iopDocumentEntry, iopProgrammeAreas, iopSubjectEntry, iopYearEntries } from "./iop.ts";
import type { Iop, ProgrammeAreaEntry } from "./model.ts";
import { hy } from "./testing.ts";

const iop = (over: Partial<Iop> = {}): Iop => ({ deviatingSubjects: ["MAT1001"], specialEducationDecision: true, ...over });

describe("§11 individuell opplæringsplan", () => {
  it("§11.2 no exemption from assessment in an IOP subject", () => {
    const fs = checkIopExemptions(iop(), [
      { fagkode: "MAT1001", kind: "vurdering", decidedOn: "2024-01-01" },
      { fagkode: "KRO1017", kind: "vurdering", area: "kroppsoving", decidedOn: "2024-01-01" },
    ]);
    expect(fs.map((f) => [f.rule, f.subject])).toEqual([["vitnemal.iop.no-exemption", "MAT1001"]]);
  });
  it.each([
    ["§11.2 graded subject → nothing about the IOP", 3 as const, undefined, []],
    ["§11.3 no basis → IV + FAM05, kompetansebevis", "IV" as const, "IV", ["FAM05"]],
    ["§11.3 no grade given → IV + FAM05", undefined, "IV", ["FAM05"]],
  ] as const)("%s", (_n, grade, standpunkt, fam) => {
    const e = iopSubjectEntry("MAT1001", grade, hy("V2024")).value;
    expect(e.standpunkt).toEqual(standpunkt);
    expect(famCodes(e)).toEqual(fam);
  });
  it("§11.3 IOP1000–IOP5000 names", () => {
    expect(IOP_YEAR_CODES.map((c) => `${c.fagkode} ${c.name}`)).toEqual([
      "IOP1000 Indiv. opplæringsplan 1. år",
      "IOP2000 Indiv. opplæringsplan 2. år",
      "IOP3000 Indiv. opplæringsplan 3. år",
      "IOP4000 Indiv. opplæringsplan 4. år",
      "IOP5000 Indiv. opplæringsplan 5. år",
    ]);
  });
  it("§11.3 year codes: IV, local omfang, no FAM05, year each code ended", () => {
    const d = iopYearEntries([
      { courseYear: 1, ended: hy("V2022"), omfang: 800 },
      { courseYear: 2, ended: hy("V2023"), omfang: 780 },
      { courseYear: 4, ended: hy("V2025"), omfang: 500 },
    ]);
    expect(d.value.map((e) => [e.fagkode, e.standpunkt, e.omfang, famCodes(e), e.year?.year])).toEqual([
      ["IOP1000", "IV", 800, [], 2022],
      ["IOP2000", "IV", 780, [], 2023],
      ["IOP4000", "IV", 500, [], 2025],
    ]);
  });
  it("§11.3 a sixth year has no code → error", () => {
    expect(iopYearEntries([{ courseYear: 6, ended: hy("V2026"), omfang: 1 }]).because.some((f) => f.severity === "error")).toBe(true);
  });
  it("§11.3 the three VMMs on the kompetansebevis: VMM27, VMM26, VMM23 + vedlegg", () => {
    const e = iopDocumentEntry(iop()).value!;
    expect([vmmCodes(e), e.onlyOn, e.vedlegg.length]).toEqual([["VMM27", "VMM26", "VMM23"], "kompetansebevis", 1]);
  });
  it("§11.2 IOP with grades in every subject → no VMMs", () => {
    expect(iopDocumentEntry(iop({ deviatingSubjects: [] })).value).toBeNull();
  });
  it("§11.3 plan not building on vg2/vg3 → only the vg1 programme area", () => {
    const areas: ProgrammeAreaEntry[] = [
      { code: "HSHSF1----", level: "VG1" },
      { code: "HSBUA2----", level: "VG2" },
    ];
    expect(iopProgrammeAreas(iop({ yearCodes: true, buildsOnVg2OrVg3: false }), areas).value.map((a) => a.code)).toEqual(["HSHSF1----"]);
    expect(iopProgrammeAreas(iop({ yearCodes: true, buildsOnVg2OrVg3: true }), areas).value).toHaveLength(2);
  });
});
