/** Seed 003 §2.3/§4: programme-area count and combinations, VMM32, forbidden subject pairs. */
import { describe, expect, it } from "vitest";
import { LEVEL_ORDER, type ProgrammeAreaEntry, type SubjectResult } from "./model.ts";
import { subjectDef } from "./codes/catalogue.ts";
import { FELLESFAG_CHAINS } from "./codes/fellesfag-levels.ts";
import { checkCombinations, checkProgrammeAreas, requiredVmm32 } from "./combination.ts";
import { hy, line } from "./testing.ts";

const errors = (fs: { rule: string; severity: string }[]) => fs.filter((f) => f.severity === "error").map((f) => f.rule);
const pa = (code: string, level: ProgrammeAreaEntry["level"], extra: Partial<ProgrammeAreaEntry> = {}): ProgrammeAreaEntry => ({ code, level, ...extra });
const ST = [pa("STUSP1----", "VG1"), pa("STREA2----", "VG2"), pa("STREA3----", "VG3")];

describe("§2.3/§4.1 programme areas on the document", () => {
  it.each([
    // [section, document, areas, fourAreaLop, expected errors]
    ["4.1", "vitnemal", ST, false, []],
    ["4.1 vg4 påbygging: four areas", "vitnemal", [pa("ELELE1----", "VG1"), pa("ELELE2----", "VG2"), pa("ELELE3----", "VG3"), pa("PBPBY4----", "VG4")], true, []],
    ["4.1 four areas without a four-area course", "vitnemal", [...ST, pa("PBPBY4----", "VG4")], false, ["vitnemal.programme-area.vitnemal-count"]],
    ["4.1 five areas", "kompetansebevis", [...ST, pa("ELELE1----", "VG1"), pa("ELELE2----", "VG2")], false, ["vitnemal.programme-area.more-than-four"]],
    ["4.1 kompetansebevis: any combination of four", "kompetansebevis", [pa("STUSP1----", "VG1"), pa("ELELE1----", "VG1"), pa("ELELE2----", "VG2"), pa("RMRMF1----", "VG1")], false, []],
    ["4.1 vitnemål: two vg1 (omvalg)", "vitnemal", [pa("STUSP1----", "VG1"), pa("ELELE1----", "VG1"), pa("ELELE2----", "VG2")], false, ["vitnemal.programme-area.same-level"]],
    ["4.1 vitnemål: area outside the course", "vitnemal", [...ST.slice(0, 2), pa("ELELE2----", "VG2", { inLop: false })], false, ["vitnemal.programme-area.outside-lop", "vitnemal.programme-area.same-level"]],
    ["2.3/7.7 GSGSK0VG-- on a kompetansebevis", "kompetansebevis", [pa("GSGSK0VG--", "GS")], false, []],
    ["2.3/7.7 GSGSK0VG-- on a vitnemål", "vitnemal", [pa("GSGSK0VG--", "GS"), ...ST], false, ["vitnemal.programme-area.grunnskole-on-vitnemal", "vitnemal.programme-area.vitnemal-count"]],
    ["2.3 wrong format", "kompetansebevis", [pa("STUSP1---", "VG1")], false, ["vitnemal.programme-area.length"]],
    ["2.3 level digit disagrees", "kompetansebevis", [pa("STREA2----", "VG3")], false, ["vitnemal.programme-area.level-mismatch"]],
    ["13.2 R94 codes", "vitnemal", [pa("R94GK1----", "VG1"), pa("R94VKI----", "VG2"), pa("STREA3----", "VG3")], false, []],
  ] as const)("§%s", (_ref, document, areas, fourAreaLop, expected) => {
    const d = checkProgrammeAreas({ document, programmeAreas: areas, course: { fourAreaLop } });
    expect(errors(d.because)).toEqual(expected);
  });

  it("§2.3 variant codes only for Den Tyske Skole Oslo, Steiner and Montessori schools", () => {
    const areas = [pa("STSSA1RS--", "VG1")];
    expect(errors(checkProgrammeAreas({ document: "kompetansebevis", programmeAreas: areas }).because)).toEqual(["vitnemal.programme-area.variant"]);
    expect(errors(checkProgrammeAreas({ document: "kompetansebevis", programmeAreas: areas, variantSchool: true }).because)).toEqual([]);
  });
});

describe("§4.2 VMM32", () => {
  it("subjects beyond the minimum from another programme area need VMM32 with code and name; YFF subjects do not (§9.4)", () => {
    const subjects: SubjectResult[] = [
      line("REA3038", { fagtype: "VP", standpunkt: 5, beyondMinimum: true, programmeArea: "STREA2----" }),
      line("ELE1006", { fagtype: "FP", standpunkt: 4, beyondMinimum: true, programmeArea: "ELELE1----" }),
      line("YFF4190", { fagtype: "YF", standpunkt: 4, beyondMinimum: true, programmeArea: "ELELE1----" }),
      line("ENG1007", { standpunkt: 4 }),
    ];
    const d = requiredVmm32(subjects, ST, { "ELELE1----": "Elektro og datateknologi" });
    expect(d.value).toEqual([{ code: "VMM32", params: { programomrade: "ELELE1---- Elektro og datateknologi" }, because: "4.2" }]);
  });
});

describe("§4.2/§4.5/§4.7 subject combinations", () => {
  const ok = (fagkode: string, extra: Partial<SubjectResult> = {}) => line(fagkode, { standpunkt: 4, ...extra });
  it.each([
    // [section, document, subjects, areas, expected errors]
    ["4.5 1T and 1P", "vitnemal", [ok("MAT1021"), ok("MAT1019")], ST, ["vitnemal.combination.mat-1T-1P"]],
    ["4.5 1T oral code and 1P", "kompetansebevis", [ok("MAT1022"), ok("MAT1019")], ST, ["vitnemal.combination.mat-1T-1P"]],
    ["4.5 1P and 2T may stand together (here 1P + 2P)", "vitnemal", [ok("MAT1019"), ok("MAT1023")], ST, []],
    ["4.5 1T-Y and 1P-Y", "kompetansebevis", [ok("MAT1133"), ok("MAT1113")], [pa("ELELE1----", "VG1")], ["vitnemal.combination.mat-1TY-1PY"]],
    ["4.5 1T with 2P-Y on a vitnemål", "vitnemal", [ok("MAT1021"), ok("MAT1151")], ST, ["vitnemal.combination.mat-sf-y"]],
    ["4.5 1T with 2P-Y on a kompetansebevis (the rule names the vitnemål)", "kompetansebevis", [ok("MAT1021"), ok("MAT1151")], ST, []],
    ["4.5 S and R, any level", "vitnemal", [ok("REA3056", { fagtype: "VP" }), ok("REA3062", { fagtype: "VP" })], ST, ["vitnemal.combination.mat-S-R"]],
    ["4.5 LK06 S1 with LK20 R2", "vitnemal", [ok("REA3026", { fagtype: "VP" }), ok("REA3058", { fagtype: "VP" })], ST, ["vitnemal.combination.mat-S-R"]],
    ["4.5 naturfag 140 with 84+56", "vitnemal", [ok("NAT1007"), ok("NAT1009"), ok("NAT1018")], ST, ["vitnemal.combination.naturfag"]],
    ["4.5 kroppsøving on idrettsfag", "vitnemal", [ok("KRO1017")], [pa("IDRET1----", "VG1")], ["vitnemal.combination.kroppsoving-id-md"]],
    ["4.5 kroppsøving on studiespesialisering", "vitnemal", [ok("KRO1017")], ST, []],
    ["4.5 programfag Tysk nivå I with fellesfag Tysk II", "vitnemal", [ok("FSP5122", { language: { name: "tysk", level: 2 } }), ok("SPR9001", { fagtype: "VP", language: { name: "tysk", level: 1 } })], ST, ["vitnemal.combination.language-level"]],
    ["4.5 programfag Tysk nivå II with fellesfag Tysk II (same level)", "vitnemal", [ok("FSP5122", { language: { name: "tysk", level: 2 } }), ok("SPR9002", { fagtype: "VP", language: { name: "tysk", level: 2 } })], ST, ["vitnemal.combination.language-level"]],
    ["4.5 programfag Tysk nivå III with fellesfag Tysk II", "vitnemal", [ok("FSP5122", { language: { name: "tysk", level: 2 } }), ok("SPR9003", { fagtype: "VP", language: { name: "tysk", level: 3 } })], ST, []],
    ["4.5 programfag Fransk I with fellesfag Tysk II", "vitnemal", [ok("FSP5122", { language: { name: "tysk", level: 2 } }), ok("SPR9004", { fagtype: "VP", language: { name: "fransk", level: 1 } })], ST, []],
    ["4.7 SAS4000 with a grade", "vitnemal", [ok("SAS4000")], ST, ["vitnemal.combination.sas4000-deltatt"]],
    ["4.7 SAS4000 «Deltatt»", "vitnemal", [line("SAS4000", { standpunkt: "D" })], ST, []],
    ["4.2 elev and privatist in the same fagkode at once", "vitnemal", [ok("ENG1007"), line("ENG1007", { status: "privatist", eksamen: 5 })], ST, ["vitnemal.combination.elev-and-privatist"]],
    ["4.2 privatist improvement in a later half-year", "vitnemal", [ok("ENG1007", { year: hy("V2023") }), line("ENG1007", { status: "privatist", eksamen: 5, year: hy("V2024") })], ST, []],
  ] as const)("§%s", (_ref, document, subjects, areas, expected) => {
    const d = checkCombinations({ document, subjects, programmeAreas: areas });
    expect(errors(d.because)).toEqual(expected);
    expect(d.value).toBe(expected.length === 0);
  });

  it("§4.5 families without reference codes still apply once the catalogue names them (geofag x, norsk variants)", () => {
    const families = { GEO9X: ["geofag-x"], GEO91: ["geofag-1"], NORD: ["norsk-dove"], NORO: ["norsk-ordinaer"] } as const;
    expect(errors(checkCombinations({ document: "vitnemal", subjects: [line("GEO9X"), line("GEO91")], programmeAreas: ST, families }).because)).toEqual(["vitnemal.combination.geofag-x"]);
    expect(errors(checkCombinations({ document: "vitnemal", subjects: [line("NORO"), line("NORD")], programmeAreas: ST, families }).because)).toEqual(["vitnemal.combination.norsk-varianter"]);
  });
});

describe("§4.5 «Dere skal bare føre fellesfag på høyeste nivå dersom ikke annet framgår av fastsatt vurderingsordning»", () => {
  const sp = (fagkode: string, level: SubjectResult["level"], extra: Partial<SubjectResult> = {}) => line(fagkode, { standpunkt: 4, level, ...extra });
  it.each([
    // [case, subjects, document, expected errors (fagkoder)]
    ["norsk vg1 (no standpunkt) beside norsk vg3", [line("NOR1260", { halvar: 4 }), sp("NOR1267", "VG3")], "kompetansebevis", ["NOR1260"]],
    ["norsk vg1 and vg2 beside vg3 (skriftlig and muntlig codes)", [line("NOR1260", { halvar: 4 }), line("NOR1265", { level: "VG2", halvar: 4 }), sp("NOR1269", "VG3")], "kompetansebevis", ["NOR1260", "NOR1265"]],
    ["norsk vg2 alone is its highest level (kompetansebevis)", [line("NOR1264", { level: "VG2", halvar: 4 })], "kompetansebevis", []],
    ["historie vg2 beside historie vg3", [line("HIS1009", { level: "VG2", halvar: 4 }), sp("HIS1010", "VG3")], "vitnemal", ["HIS1009"]],
    ["Spansk I, 1. år beside Spansk I", [line("FSP6218", { halvar: 3 }), sp("FSP6219", "VG2")], "vitnemal", ["FSP6218"]],
    ["Spansk I+II 1. and 2. år beside Spansk I+II", [line("FSP6224", { halvar: 3 }), line("FSP6225", { level: "VG2", halvar: 3 }), sp("FSP6226", "VG3")], "vitnemal", ["FSP6224", "FSP6225"]],
    ["Spansk I, 1. år alone (§9.3 kryssløp: «Vg1 blir «høyeste nivå»»)", [line("FSP6218", { standpunkt: null, merknader: [{ code: "FAM12" }] })], "vitnemal", []],
    ["the vurderingsordning says otherwise: 1P (standpunkt) beside 2P", [sp("MAT1019", "VG1"), sp("MAT1023", "VG2")], "vitnemal", []],
    ["… 1P's oral exam code with its standpunkt code, beside 2P", [sp("MAT1019", "VG1"), line("MAT1020", { eksamen: 4 }), sp("MAT1023", "VG2")], "vitnemal", []],
    ["… kroppsøving vg1, vg2 and vg3 each have standpunkt", [sp("KRO1017", "VG1"), sp("KRO1018", "VG2"), sp("KRO1019", "VG3")], "vitnemal", []],
    ["… norsk vg2 yrkesfag (standpunkt) beside vg3 påbygging", [sp("NOR1262", "VG2"), sp("NOR1270", "VG3")], "vitnemal", []],
  ] as const)("%s", (_case, subjects, document, expected) => {
    const d = checkCombinations({ document, subjects, programmeAreas: ST });
    const hl = d.because.filter((f) => f.rule === "vitnemal.combination.highest-level");
    expect(hl.map((f) => f.subject)).toEqual(expected);
    expect(hl.every((f) => f.severity === "error" && f.cite.ref === "4.5")).toBe(true);
  });

  it("every chain's codes are in the catalogue, each code in one chain only, levels rising", () => {
    const seen = new Set<string>();
    for (const chain of FELLESFAG_CHAINS) {
      let prev = -1;
      for (const step of chain.steps) {
        const levels = step.map((k) => subjectDef(k)?.level);
        for (const [i, k] of step.entries()) {
          expect(subjectDef(k), k).toBeDefined();
          expect(seen.has(k), k).toBe(false);
          seen.add(k);
          expect(subjectDef(k)?.fagtype, k).toBe("FF");
          const lv = LEVEL_ORDER.indexOf(levels[i] as (typeof LEVEL_ORDER)[number]);
          expect(lv, k).toBeGreaterThan(prev);
        }
        prev = Math.max(...levels.map((l) => LEVEL_ORDER.indexOf(l as (typeof LEVEL_ORDER)[number])));
      }
    }
  });
});
