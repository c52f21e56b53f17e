/** §2.6 approved fagkoder, §2.3 centrally issued programme-area codes; the generated catalogue's integrity. */
import { describe, expect, it } from "vitest";
import { parseProgrammeAreaCode } from "./programme-area.ts";
import { allowedExamForms, checkFagkode, checkProgrammeAreaKnown, languageOf, programmeAreaDef, subjectDef } from "./catalogue.ts";
import { PROGRAMME_AREA_ROWS, SUBJECT_ROWS } from "./catalogue-data.ts";

describe("catalogue", () => {
  it.each([
    // [section, fagkode, name, expected rules]
    ["2.6", "ENG1007", undefined, []],
    ["2.6", "ENG1007", "Engelsk vg1 studieforberedende utdanningsprogram", []],
    ["2.6", "ENG1007", "Engelsk", ["vitnemal.catalogue.name-differs"]],
    ["2.6", "XYZ1234", undefined, ["vitnemal.catalogue.unknown-fagkode"]],
    ["7.6/13.3 UPF9xxx", "UPF9001", undefined, []],
    ["11.3 IOP1000", "IOP1000", undefined, []],
    ["4.7 SAS4000", "SAS4000", undefined, []],
    ["2.6 unverified", "MAT1011", undefined, ["vitnemal.catalogue.unverified"]],
  ] as const)("§%s %s %s → %j", (_ref, fagkode, name, expected) => {
    const d = checkFagkode(name === undefined ? { fagkode } : { fagkode, name });
    expect(d.because.map((f) => f.rule)).toEqual(expected);
  });

  it("an unknown fagkode is an error citing §2.6", () => {
    const f = checkFagkode({ fagkode: "XYZ1234" }).because[0];
    expect([f?.severity, f?.cite.ref]).toEqual(["error", "2.6"]);
  });

  it("every generated subject has a fagkode of 3 letters + 4 digits, a fagtype of §2.5 and distinct codes", () => {
    const codes = SUBJECT_ROWS.map((r) => r.def.fagkode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of SUBJECT_ROWS) {
      expect(r.def.fagkode).toMatch(/^[A-Z]{3}\d{4}$/);
      expect(["FF", "FP", "VP", "UP", "PF", "YF", "IO"]).toContain(r.def.fagtype);
    }
  });

  it("every verified programme-area code parses with the one §2.3 parser", () => {
    for (const r of PROGRAMME_AREA_ROWS.filter((x) => x.verified)) {
      const d = parseProgrammeAreaCode(r.def.code);
      expect(d.value?.code, r.def.code).toBe(r.def.code);
    }
  });

  it.each([
    ["STUSP1----", []],
    ["GSGSK0VG--", []],
    ["R94VKI----", []],
    ["STSSA1----", ["vitnemal.catalogue.unknown-programme-area"]],
  ])("§2.3 %s known → %j", (code, expected) => {
    expect(checkProgrammeAreaKnown(code).map((f) => f.rule)).toEqual(expected);
  });

  it("look-ups: names, levels, exam forms (§6.1), faggruppe of teaching and exam codes", () => {
    expect(programmeAreaDef("PBPBY4----")?.level).toBe("VG4");
    expect(subjectDef("ENG1008")?.faggruppe).toBe("ENG1007");
    expect(subjectDef("ENG1007")?.faggruppe).toBe("ENG1007");
    expect(allowedExamForms("ENG1007")).toEqual(["S"]);
    expect(allowedExamForms("REA3038")).toEqual(["MP"]);
    expect(subjectDef("ELE3004")?.finalTest).toBe("fagprove");
    expect(subjectDef("YFF4209")?.fagtype).toBe("YF");
  });

  it.each([
    ["FSP6219", { name: "spansk", level: 1 }],
    ["FSP6222", { name: "spansk", level: 2 }],
    ["FSP6226", { name: "spansk", level: 2 }],
    ["FSP6227", { name: "spansk", level: 2 }],
    ["FSP5122", { name: "tysk", level: 2 }],
    ["ENG1007", undefined],
  ] as const)("§4.5 language level of %s", (code, expected) => {
    expect(languageOf(code)).toEqual(expected);
  });
});
