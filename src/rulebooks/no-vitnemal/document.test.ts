/** Seed 003 §1: which document (§1.1–§1.9), førstegangsvitnemål (§1.2), fullført/bestått årstrinn (§1.3), issuer (§1.10). */
import { describe, expect, it } from "vitest";
import type { CourseFacts, DocumentKind, Status } from "./model.ts";
import {
  checkIssuer,
  decideDocument,
  decideForstegangsvitnemal,
  documentStatus,
  levelCompletion,
  responsibleIssuer,
  STATUS_TABLE,
} from "./document.ts";
import { line, testIssuer } from "./testing.ts";

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);
const passedCourse = (achieved: CourseFacts["achieved"]): CourseFacts => ({ achieved, allPassed: true });

describe("§1.9 the status table as the seed prints it", () => {
  it.each([
    // [document, elev, privatist, lærling, lærekandidat, voksen, praksisbrevkandidat, praksiskandidat]
    ["vitnemal", "X", "X", "X", "", "X", "", "(X)"],
    ["fagbrev", "", "", "X", "", "X", "", "X"],
    ["kompetansebevis", "X", "X", "X", "X", "X", "X", "X"],
    ["praksisbrev", "", "", "", "", "", "X", ""],
  ] as const)("§1.9 %s", (doc, ...cells) => {
    const row = STATUS_TABLE[doc as DocumentKind];
    expect([row.elev, row.privatist, row.laerling, row.laerekandidat, row.voksen, row.praksisbrevkandidat, row.praksiskandidat]).toEqual(cells);
    expect(row.fagbrevPaJobb).toBe(row.praksiskandidat);
  });
});

describe("§1.1–§1.9 which document", () => {
  it.each([
    // [section, status, course, finalTest, requested, entitled, issue, merknader]
    ["1.1 elev, studiekompetanse, all passed", "elev", passedCourse(["studiekompetanse"]), undefined, undefined, ["vitnemal"], "vitnemal", []],
    ["1.1 one vitnemål, two sluttkompetanser (YSK)", "elev", passedCourse(["studiekompetanse", "yrkeskompetanse"]), undefined, undefined, ["vitnemal"], "vitnemal", []],
    ["1.3 elev, not all passed", "elev", { achieved: ["studiekompetanse"], allPassed: false }, undefined, undefined, ["kompetansebevis"], "kompetansebevis", []],
    ["1.3 elev after vg1 (no sluttkompetanse yet)", "elev", { allPassed: true }, undefined, undefined, ["kompetansebevis"], "kompetansebevis", []],
    ["1.3 kompetansebevis on request although entitled to a vitnemål", "elev", passedCourse(["studiekompetanse"]), undefined, "kompetansebevis", ["vitnemal"], "kompetansebevis", []],
    ["1.9 privatist", "privatist", passedCourse(["studiekompetanse"]), undefined, undefined, ["vitnemal"], "vitnemal", []],
    ["1.9 voksen", "voksen", passedCourse(["yrkeskompetanse"]), undefined, undefined, ["vitnemal"], "vitnemal", []],
    ["1.9/9.1 lærling, fagprøve passed, all passed", "laerling", passedCourse(["fagopplaering"]), { kind: "fagprove", passed: true }, undefined, ["vitnemal", "fagbrev"], "vitnemal", []],
    ["9.10 lærekandidat never a vitnemål", "laerekandidat", passedCourse(["yrkeskompetanse"]), { kind: "kompetanseprove", passed: true }, undefined, ["kompetansebevis"], "kompetansebevis", []],
    ["9.9 praksisbrevkandidat: praksisbrev + kompetansebevis", "praksisbrevkandidat", { allPassed: true }, { kind: "praksisbrevprove", passed: true }, undefined, ["praksisbrev", "kompetansebevis"], "kompetansebevis", []],
    ["1.9* praksiskandidat without fellesfag: fagbrev + kompetansebevis", "praksiskandidat", { achieved: ["fagopplaering"], allPassed: false }, { kind: "fagprove", passed: true }, undefined, ["fagbrev", "kompetansebevis"], "kompetansebevis", []],
    ["1.9* praksiskandidat with fellesfag documented: vitnemål", "praksiskandidat", { achieved: ["yrkeskompetanse"], allPassed: true, fellesfagDocumented: true }, { kind: "fagprove", passed: true }, undefined, ["vitnemal", "fagbrev"], "vitnemal", []],
    ["1.9* fagbrev på jobb without fellesfag documented", "fagbrevPaJobb", { achieved: ["yrkeskompetanse"], allPassed: true }, { kind: "fagprove", passed: true }, undefined, ["fagbrev", "kompetansebevis"], "kompetansebevis", []],
    ["1.7 fagprøve passed, fellesfag not: VMM34", "laerling", { achieved: ["fagopplaering"], allPassed: false, finalTestPassedFellesfagFailed: true }, { kind: "fagprove", passed: true }, undefined, ["kompetansebevis"], "kompetansebevis", ["VMM34"]],
    ["1.6 praksisbrevprøve passed, one fellesfag not, exception approved: praksisbrev", "praksisbrevkandidat", { allPassed: false, praksisbrevExceptionApproved: true }, { kind: "praksisbrevprove", passed: true }, undefined, ["praksisbrev", "kompetansebevis"], "kompetansebevis", []],
    ["1.6 with the §1.8 fact recorded: the approved exception wins, no VMM38", "praksisbrevkandidat", { allPassed: false, praksisbrevExceptionApproved: true, finalTestPassedFellesfagFailed: true }, { kind: "praksisbrevprove", passed: true }, undefined, ["praksisbrev", "kompetansebevis"], "kompetansebevis", []],
    ["1.8 praksisbrevprøve passed, fellesfag not: VMM38", "praksisbrevkandidat", { allPassed: false, finalTestPassedFellesfagFailed: true }, { kind: "praksisbrevprove", passed: true }, undefined, ["kompetansebevis"], "kompetansebevis", ["VMM38"]],
  ] as const)("§%s", (_ref, status, course, finalTest, requested, entitled, issue, merknader) => {
    const d = decideDocument({
      status,
      course: course as CourseFacts,
      ...(finalTest !== undefined ? { finalTest } : {}),
      ...(requested !== undefined ? { requested } : {}),
    });
    expect(d.value.entitled).toEqual(entitled);
    expect(d.value.issue).toBe(issue);
    expect(d.value.merknader.map((m) => m.code)).toEqual(merknader);
    expect(d.because.filter((f) => f.severity === "error")).toEqual([]);
  });

  it.each([
    ["1.1 not passed", "elev", { achieved: ["studiekompetanse"], allPassed: false }, "1.1"],
    ["1.9 lærekandidat", "laerekandidat", passedCourse(["yrkeskompetanse"]), "1.9"],
    ["1.9 praksisbrevkandidat", "praksisbrevkandidat", passedCourse(["yrkeskompetanse"]), "1.9"],
    ["1.9* praksiskandidat without fellesfag", "praksiskandidat", passedCourse(["yrkeskompetanse"]), "1.1"],
  ] as const)("a requested vitnemål is refused: %s", (_n, status, course, ref) => {
    const d = decideDocument({ status, course: course as CourseFacts, requested: "vitnemal" });
    expect(d.value.issue).toBeNull();
    const err = d.because.find((f) => f.severity === "error");
    expect(err?.rule).toBe("vitnemal.document.vitnemal-refused");
    expect(err?.cite.ref).toBe(ref);
  });

  it("§1.1/§2.3: the vitnemål carries the sluttkompetanse lines", () => {
    expect(decideDocument({ status: "elev", course: passedCourse(["studiekompetanse", "yrkeskompetanse"]) }).value.sluttkompetanse).toEqual(["studiekompetanse", "yrkeskompetanse"]);
  });

  it.each([
    ["one year, elev", [["elev", 2023]], "elev"],
    ["lærling taking a subject in school (§5.6, §8.1)", [["laerling", 2024], ["elev", 2024]], "laerling"],
    ["elev vg1–vg2, lærling later", [["elev", 2022], ["elev", 2023], ["laerling", 2024]], "laerling"],
    ["elev who improves as privatist the same year", [["elev", 2024], ["privatist", 2024]], "elev"],
    ["privatist after being elev", [["elev", 2022], ["privatist", 2024]], "privatist"],
  ] as const)("§1.9 documentStatus: %s", (_n, periods, expected) => {
    expect(documentStatus(periods.map(([status, startYear]) => ({ status: status as Status, schoolYear: { startYear } }))).value).toBe(expected);
  });
});

describe("§1.2 førstegangsvitnemål", () => {
  const base = {
    status: "elev" as Status,
    document: "vitnemal" as const,
    sluttkompetanse: ["studiekompetanse" as const],
    subjects: [line("ENG1007", { standpunkt: 4 })],
  };
  const course = (over: Partial<CourseFacts>): CourseFacts => ({ fixedLop: true, withinNormalTime: true, ...over });

  it.each([
    // [section, case, input overrides, forstegang, vmm, rule]
    ["1.2", "passed within normal time", {}, true, ["VMM06"], "vitnemal.forstegang.yes"],
    ["1.2", "særskilt exam (§ 3-30)", { withinNormalTime: false, extendedTimeReasons: ["saerskiltEksamen"] }, true, ["VMM06", "VMM21"], "vitnemal.forstegang.yes"],
    ["1.2", "utsatt exam (§ 3-32)", { withinNormalTime: false, extendedTimeReasons: ["utsattEksamen"] }, true, ["VMM06", "VMM20"], "vitnemal.forstegang.yes"],
    ["1.2", "bortvisning complaint upheld / annulled by Udir (§§ 3-33, 3-34)", { withinNormalTime: false, extendedTimeReasons: ["nyEksamen"] }, true, ["VMM06", "VMM22"], "vitnemal.forstegang.yes"],
    ["1.2", "four years with sport", { withinNormalTime: false, extendedTimeReasons: ["idrett"] }, true, ["VMM06", "VMM24"], "vitnemal.forstegang.yes"],
    ["1.2", "omvalg", { withinNormalTime: false, extendedTimeReasons: ["omvalg"] }, true, ["VMM06", "VMM08"], "vitnemal.forstegang.yes"],
    ["1.2", "utvidet opplæringstid", { withinNormalTime: false, extendedTimeReasons: ["utvidetOpplaeringstid"] }, true, ["VMM06", "VMM10"], "vitnemal.forstegang.yes"],
    ["1.2", "long illness", { withinNormalTime: false, extendedTimeReasons: ["sykdom"] }, true, ["VMM06", "VMM09"], "vitnemal.forstegang.yes"],
    ["1.2", "exchange, folkehøgskole, verneplikt, care work", { withinNormalTime: false, extendedTimeReasons: ["utveksling", "sykdom"] }, true, ["VMM06", "VMM07", "VMM09"], "vitnemal.forstegang.yes"],
    ["1.2", "after normal time without a reason", { withinNormalTime: false }, false, [], "vitnemal.forstegang.normal-time"],
    ["1.2", "ny eksamen after a failed grade (§ 3-31) after normal time", { retookFailedAfterNormalTime: true }, false, [], "vitnemal.forstegang.ny-eksamen-3-31"],
    ["1.2", "vg4 påbygging", { vg4Pabygging: true }, false, [], "vitnemal.forstegang.vg4"],
    ["1.2", "not a fixed course", { fixedLop: false }, false, [], "vitnemal.forstegang.not-fixed-lop"],
    ["4.2", "elev subject replaced by a privatist subject", { replacedElevSubjectWithPrivatist: true }, false, [], "vitnemal.forstegang.replaced-by-privatist"],
  ] as const)("§%s %s", (_ref, _n, over, forstegang, vmm, rule) => {
    const d = decideForstegangsvitnemal({ ...base, course: course(over as Partial<CourseFacts>) });
    expect(d.value.forstegang).toBe(forstegang);
    expect(d.value.vmm.map((m) => m.code)).toEqual(vmm);
    expect(rules(d.because)).toContain(rule);
  });

  it.each([
    ["yrkeskompetanse", { sluttkompetanse: ["yrkeskompetanse"] }, "vitnemal.forstegang.no-studiekompetanse"],
    ["studie- and yrkeskompetanse", { sluttkompetanse: ["studiekompetanse", "yrkeskompetanse"] }, "vitnemal.forstegang.yrkeskompetanse"],
    ["privatist", { status: "privatist" }, "vitnemal.forstegang.not-elev"],
    ["kompetansebevis", { document: "kompetansebevis" }, "vitnemal.forstegang.not-vitnemal"],
  ] as const)("§1.2 no førstegangsvitnemål: %s", (_n, over, rule) => {
    const d = decideForstegangsvitnemal({ ...base, ...over, course: course({}) } as Parameters<typeof decideForstegangsvitnemal>[0]);
    expect(d.value.forstegang).toBe(false);
    expect(rules(d.because)).toEqual([rule]);
  });

  it("§1.2: FAM34 for every subject passed on ungdomstrinnet, and the right is kept", () => {
    const d = decideForstegangsvitnemal({
      ...base,
      subjects: [line("ENG1007", { standpunkt: 5, takenInLowerSecondary: true }), line("MAT1021", { standpunkt: 4 })],
      course: course({}),
    });
    expect(d.value.forstegang).toBe(true);
    expect(d.value.fam).toEqual([{ fagkode: "ENG1007", merknad: { code: "FAM34", because: "1.2" } }]);
  });
});

describe("§1.3 fullført / bestått årstrinn", () => {
  const on = "2024-06-20";
  it.each([
    ["all assessed and passed", [line("ENG1007", { standpunkt: 4 }), line("MAT1021", { standpunkt: 3, eksamen: 2 })], "bestatt"],
    ["standpunkt 1 lifted by the exam", [line("MAT1021", { standpunkt: 1, eksamen: 3 })], "bestatt"],
    ["assessed, one not passed", [line("ENG1007", { standpunkt: 4 }), line("MAT1021", { standpunkt: 1 })], "fullfort"],
    ["halvår 2–6 passes", [line("NOR1260", { halvar: 3, merknader: [{ code: "FAM33" }] })], "bestatt"],
    ["halvår 1 is fullført only", [line("NOR1260", { halvar: 1, merknader: [{ code: "FAM33" }] })], "fullfort"],
    ["dotted line with FAM12 counts", [line("FSP6218", { standpunkt: null, merknader: [{ code: "FAM12" }] }), line("ENG1007", { standpunkt: 5 })], "bestatt"],
    ["a subject without assessment", [line("ENG1007", { standpunkt: 4 }), line("MAT1021")], null],
    ["exam not attended (IM)", [line("ENG1007", { standpunkt: 4, eksamen: "IM" })], null],
    ["privatist needs an exam grade in every subject", [line("ENG1007", { status: "privatist", standpunkt: 4 })], null],
    ["privatist with exam grades", [line("ENG1007", { status: "privatist", eksamen: 4 })], "bestatt"],
  ] as const)("§1.3 %s → %s", (_n, subjects, expected) => {
    expect(levelCompletion({ level: "VG1", subjects, on }).value.completion).toBe(expected);
  });

  it("§1.3 VMM33: the missing fremmedspråk is excused until the agreed date, on vg1/vg2 only", () => {
    const subjects = [line("ENG1007", { standpunkt: 4 }), line("FSP6219", { fremmedsprak: true, level: "VG2" })];
    const ok = levelCompletion({ level: "VG2", subjects, on, fremmedsprakPrivatistBy: "2025-06-01" });
    expect(ok.value).toEqual({ completion: "bestatt", merknader: [{ code: "VMM33", params: { dato: "01.06.2025" }, because: "1.3" }] });
    const late = levelCompletion({ level: "VG2", subjects, on: "2025-06-02", fremmedsprakPrivatistBy: "2025-06-01" });
    expect(late.value).toEqual({ completion: null, merknader: [] });
    expect(rules(late.because)).toContain("vitnemal.level.vmm33-lapsed");
    expect(levelCompletion({ level: "VG3", subjects, on, fremmedsprakPrivatistBy: "2025-06-01" }).value.completion).toBeNull();
  });
});

describe("§1.10 who issues", () => {
  it.each([
    ["elev", "elev", "vitnemal", undefined, undefined, "skole", 1],
    ["elev, new vitnemål", "elev", "vitnemal", { issuerKind: "skole", asElev: true }, undefined, "skole", 2],
    ["elev, new vitnemål, school closed", "elev", "vitnemal", { issuerKind: "skole", asElev: true, schoolClosed: true }, undefined, "fylkeskommune", 2],
    ["privatist with an earlier elev vitnemål", "privatist", "vitnemal", { issuerKind: "skole", asElev: true }, undefined, "skole", 3],
    ["lærling without an earlier vitnemål", "laerling", "vitnemal", undefined, undefined, "fylkeskommune", 4],
    ["lærekandidat", "laerekandidat", "kompetansebevis", undefined, undefined, "fylkeskommune", 5],
    ["voksen", "voksen", "vitnemal", undefined, undefined, "fylkeskommune", 6],
    ["praksiskandidat", "praksiskandidat", "kompetansebevis", undefined, undefined, "fylkeskommune", 6],
    ["privatist", "privatist", "vitnemal", undefined, false, "fylkeskommune", 7],
    ["privatist without standpunkt", "privatist", "vitnemal", undefined, true, "fylkeskommune", 8],
  ] as const)("§1.10 %s", (_name, status, document, earlier, noSp, issuer, point) => {
    const d = responsibleIssuer({
      status,
      document,
      ...(earlier !== undefined ? { earlierVitnemal: earlier } : {}),
      ...(noSp !== undefined ? { noStandpunktOrPrivateSchool: noSp } : {}),
    });
    expect([d.value.issuer, d.value.point]).toEqual([issuer, point]);
  });

  it("§1.10: a school may not issue a lærling's vitnemål", () => {
    const exp = responsibleIssuer({ status: "laerling", document: "vitnemal" }).value;
    expect(rules(checkIssuer(exp, testIssuer("skole")))).toEqual(["vitnemal.issuer.wrong-kind"]);
    expect(checkIssuer(exp, testIssuer("fylkeskommune"))).toEqual([]);
  });
});
