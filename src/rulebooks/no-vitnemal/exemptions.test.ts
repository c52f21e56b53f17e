import { describe, expect, it } from "vitest";
import { famCodes, vmmCodes } from "./entry.ts";
import {
  adultKroppsovingEntry,
  approvalEntry,
  approvalFamOn,
  exemptionEntry,
  lowerSecondaryLanguageEntry,
  privatistLanguageOmfang,
  wholeYearUpfOmfang,
  type ApprovalContext,
  type ExemptionContext,
} from "./exemptions.ts";
import type { Approval, Exemption } from "./model.ts";
import { hy } from "./testing.ts";

const t = <R extends { ref: string; name: string }>(rows: R[]) => rows.map((r) => [`§${r.ref} ${r.name}`, r] as const);
const ex = (over: Partial<Exemption>): Exemption => ({ fagkode: "NOR1212", kind: "opplaering", area: "sidemal", decidedOn: "2023-09-01", naturalEnd: hy("V2025"), ...over });
const elev: ExemptionContext = { status: "elev", norskCurriculum: "LK06" };

describe("exemptionEntry — §7.1–7.5, §5.8, §9.5", () => {
  it.each(
    t([
      { ref: "7.1", name: "LK06 sidemål opplæring → sidemål line, Fritatt standpunkt, FAM01, natural end year", x: ex({}), ctx: elev, fagkode: "NOR1212", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM01"], year: hy("V2025") },
      { ref: "7.1", name: "LK20 vg1/vg2 (underveis) → hovedmål skriftlig keeps grade + FAM59, kompetansebevis", x: ex({}), ctx: { status: "elev", norskCurriculum: "LK20", hovedmalFagkode: "NOR1260" } as ExemptionContext, fagkode: "NOR1260", standpunkt: undefined, eksamen: undefined, form: undefined, fam: ["FAM59"], onlyOn: "kompetansebevis" },
      { ref: "7.1", name: "LK20 in the year of sidemål's own assessment → Fritatt + FAM01", x: ex({}), ctx: { status: "elev", norskCurriculum: "LK20", sidemalOwnAssessmentYear: true } as ExemptionContext, fagkode: "NOR1212", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM01"] },
      { ref: "7.1", name: "curriculum without sidemål (samisk) → line omitted", x: ex({}), ctx: { status: "elev", noSidemalInPlan: true } as ExemptionContext, fagkode: "NOR1212", standpunkt: undefined, eksamen: undefined, form: undefined, fam: [], omit: true },
      { ref: "7.2", name: "kroppsøving opplæring with legeerklæring → Fritatt + FAM01", x: ex({ fagkode: "KRO1017", area: "kroppsoving" }), ctx: { status: "elev", legeerklaering: true } as ExemptionContext, fagkode: "KRO1017", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM01"] },
      { ref: "7.2", name: "kroppsøving opplæring without legeerklæring → error", x: ex({ fagkode: "KRO1017", area: "kroppsoving" }), ctx: { status: "elev", legeerklaering: false } as ExemptionContext, fagkode: "KRO1017", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM01"], error: "vitnemal.exemption.kroppsoving-no-legeerklaering" },
      { ref: "7.3", name: "vurdering sidemål (elev, LK06) → Fritatt + FAM02", x: ex({ kind: "vurdering" }), ctx: elev, fagkode: "NOR1212", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM02"] },
      { ref: "7.3", name: "vurdering sidemål LK20 underveis → FAM58 on hovedmål, kompetansebevis", x: ex({ kind: "vurdering" }), ctx: { status: "elev", norskCurriculum: "LK20", hovedmalFagkode: "NOR1260" } as ExemptionContext, fagkode: "NOR1260", standpunkt: undefined, eksamen: undefined, form: undefined, fam: ["FAM58"], onlyOn: "kompetansebevis" },
      { ref: "7.3", name: "vurdering kroppsøving (hele faget) → Fritatt + FAM02", x: ex({ kind: "vurdering", fagkode: "KRO1017", area: "kroppsoving" }), ctx: elev, fagkode: "KRO1017", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM02"] },
      { ref: "7.3", name: "vurdering in mathematics → error", x: ex({ kind: "vurdering", fagkode: "MAT1019", area: "other" }), ctx: elev, fagkode: "MAT1019", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM02"], error: "vitnemal.exemption.vurdering-area" },
      { ref: "7.4", name: "voksen vurdering sidemål → as elev: Fritatt standpunkt + FAM02", x: ex({ kind: "vurdering" }), ctx: { status: "voksen", norskCurriculum: "LK06" } as ExemptionContext, fagkode: "NOR1212", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM02"] },
      { ref: "7.4", name: "privatist vurdering sidemål → Fritatt in eksamen, FAM02, dotted form, year of the other norsk codes", x: ex({ kind: "vurdering" }), ctx: { status: "privatist", norskYear: hy("V2024") } as ExemptionContext, fagkode: "NOR1212", standpunkt: undefined, eksamen: "F", form: null, fam: ["FAM02"], year: hy("V2024") },
      { ref: "7.4", name: "privatist fellesfag → Fritatt in eksamen + FAM43, dotted form", x: ex({ kind: "fellesfag", fagkode: "MAT1001", area: "other" }), ctx: { status: "privatist", yearsOfPractice: 6 } as ExemptionContext, fagkode: "MAT1001", standpunkt: undefined, eksamen: "F", form: null, fam: ["FAM43"] },
      { ref: "7.4", name: "voksen fellesfag → Fritatt in standpunkt + FAM43", x: ex({ kind: "fellesfag", fagkode: "MAT1001", area: "other" }), ctx: { status: "voksen", yearsOfPractice: 5 } as ExemptionContext, fagkode: "MAT1001", standpunkt: "F", eksamen: undefined, form: null, fam: ["FAM43"] },
      { ref: "7.4", name: "fellesfag with four years' practice → error", x: ex({ kind: "fellesfag", fagkode: "MAT1001", area: "other" }), ctx: { status: "voksen", yearsOfPractice: 4 } as ExemptionContext, fagkode: "MAT1001", standpunkt: "F", eksamen: undefined, form: null, fam: ["FAM43"], error: "vitnemal.exemption.fellesfag-practice" },
      { ref: "7.4", name: "fellesfag for an elev → error", x: ex({ kind: "fellesfag", fagkode: "MAT1001", area: "other" }), ctx: elev, fagkode: "MAT1001", standpunkt: "F", eksamen: undefined, form: null, fam: ["FAM43"], error: "vitnemal.exemption.fellesfag-status" },
      { ref: "7.5", name: "fremmedspråk dispensation → Fritatt, FAM02, exam struck", x: ex({ kind: "fremmedsprak", fagkode: "SPR3015", area: "fremmedsprak", decidedOn: "2021-01-10" }), ctx: elev, fagkode: "SPR3015", standpunkt: "F", eksamen: null, form: undefined, fam: ["FAM02"] },
      { ref: "7.5", name: "fremmedspråk dispensation for English → error", x: ex({ kind: "fremmedsprak", fagkode: "ENG1007", area: "fremmedsprak", decidedOn: "2021-01-10" }), ctx: elev, fagkode: "ENG1007", standpunkt: "F", eksamen: null, form: undefined, fam: ["FAM02"], error: "vitnemal.exemption.fremmedsprak-english" },
      { ref: "7.5", name: "fremmedspråk dispensation dated 27.05.2020 (before the instruks) → error", x: ex({ kind: "fremmedsprak", fagkode: "SPR3015", area: "fremmedsprak", decidedOn: "2020-05-27" }), ctx: elev, fagkode: "SPR3015", standpunkt: "F", eksamen: null, form: undefined, fam: ["FAM02"], error: "vitnemal.exemption.fremmedsprak-before-instruks" },
      { ref: "7.5", name: "fremmedspråk dispensation dated 28.05.2020 → fine", x: ex({ kind: "fremmedsprak", fagkode: "SPR3015", area: "fremmedsprak", decidedOn: "2020-05-28" }), ctx: elev, fagkode: "SPR3015", standpunkt: "F", eksamen: null, form: undefined, fam: ["FAM02"] },
      { ref: "9.5", name: "lærekontrakt programfag → Fritatt + FAM38, year of the central exam", x: ex({ kind: "laerekontrakt", fagkode: "ELE1001", area: "programfag", naturalEnd: undefined }), ctx: { status: "laerling", examYear: hy("H2023") } as ExemptionContext, fagkode: "ELE1001", standpunkt: "F", eksamen: undefined, form: undefined, fam: ["FAM38"], year: hy("H2023") },
      { ref: "5.8", name: "privatist passed higher level → lower level Fritatt in eksamen, FAM17, dotted form, standpunkt lost", x: ex({ kind: "hoyereNiva", fagkode: "SPR1008", area: "fremmedsprak", naturalEnd: hy("V2024") }), ctx: { status: "privatist" } as ExemptionContext, fagkode: "SPR1008", standpunkt: null, eksamen: "F", form: null, fam: ["FAM17"], year: hy("V2024") },
    ]),
  )("%s", (_t, r) => {
    const d = exemptionEntry(r.x, r.ctx);
    const e = d.value;
    expect(e.fagkode).toBe(r.fagkode);
    expect(e.standpunkt).toEqual(r.standpunkt);
    expect(e.eksamen).toEqual(r.eksamen);
    expect(e.examForm).toEqual(r.form);
    expect(famCodes(e)).toEqual(r.fam);
    expect(e.onlyOn).toEqual("onlyOn" in r ? r.onlyOn : undefined);
    expect(e.omit).toEqual("omit" in r ? r.omit : undefined);
    if ("year" in r) expect(e.year).toEqual(r.year);
    expect(d.because.filter((x) => x.severity === "error").map((x) => x.rule)).toEqual("error" in r ? [r.error] : []);
  });

  it("§7.4 voksne 4A: no kroppsøving line, VMM36 on the vitnemål", () => {
    const e = adultKroppsovingEntry("KRO1017");
    expect([e.omit, vmmCodes(e), e.onlyOn]).toEqual([true, ["VMM36"], "vitnemal"]);
  });
});

const ap = (over: Partial<Approval>): Approval => ({ fagkode: "SAF1001", kind: "soknad", completed: hy("V2023"), ...over });
const actx = (over: Partial<ApprovalContext> = {}): ApprovalContext => ({ on: "2024-06-20", level: "VG1", ...over });

describe("approvalEntry — §5.3, §7.6, §7.7, §7.9, §7.10", () => {
  it.each(
    t([
      { ref: "7.6", name: "single subject abroad → GK in standpunkt + FAM52, year completed abroad", a: ap({ abroad: true }), ctx: actx(), standpunkt: "GK", eksamen: undefined, fam: ["FAM52"] },
      { ref: "7.6", name: "whole vg2 abroad → GK + FAM52", a: ap({ abroad: true, wholeYear: "VG2" }), ctx: actx({ level: "VG2" }), standpunkt: "GK", eksamen: undefined, fam: ["FAM52"] },
      { ref: "7.6", name: "vg3 abroad → error", a: ap({ abroad: true }), ctx: actx({ level: "VG3" }), standpunkt: "GK", eksamen: undefined, fam: ["FAM52"], error: "vitnemal.exemption.approval-vg3-abroad" },
      { ref: "7.6", name: "subject already passed in Kunnskapsløftet → grades kept, no GK", a: ap({}), ctx: actx({ passedInKL: true }), standpunkt: undefined, eksamen: undefined, fam: [] },
      { ref: "3.5", name: "approval on a 2016 document → FAM47 (FAM52 only from 2017)", a: ap({}), ctx: actx({ on: "2016-06-20" }), standpunkt: "GK", eksamen: undefined, fam: ["FAM47"] },
      { ref: "5.3", name: "realkompetanse, whole subject → GK in eksamen, FAM18, dotted standpunkt and form", a: ap({ kind: "realkompetanse" }), ctx: actx(), standpunkt: null, eksamen: "GK", fam: ["FAM18"] },
      { ref: "5.3", name: "realkompetanse, part of subject → dotted, FAM03 + vedlegg, kompetansebevis", a: ap({ kind: "realkompetanse", partial: true }), ctx: actx({ name: "Samfunnsfag" }), standpunkt: null, eksamen: null, fam: ["FAM03"], onlyOn: "kompetansebevis" },
      { ref: "7.7", name: "taken on ungdomstrinnet → grade + FAM34, year taken", a: ap({ kind: "ungdomstrinn", completed: hy("V2022") }), ctx: actx({ grade: 5 }), standpunkt: 5, eksamen: undefined, fam: ["FAM34"] },
      { ref: "7.7", name: "lower level under a u.tr. subject → FAM17", a: ap({ kind: "ungdomstrinn" }), ctx: actx({ secondary: true }), standpunkt: undefined, eksamen: undefined, fam: ["FAM17"] },
      { ref: "7.10", name: "omvalg → FAM57", a: ap({ kind: "omvalg" }), ctx: actx({ grade: 4 }), standpunkt: undefined, eksamen: undefined, fam: ["FAM57"] },
      { ref: "7.10", name: "omvalg with grade 1 → no FAM57, error", a: ap({ kind: "omvalg" }), ctx: actx({ grade: 1 }), standpunkt: undefined, eksamen: undefined, fam: [], error: "vitnemal.exemption.omvalg-excluded" },
      { ref: "7.10", name: "omvalg with IV → no FAM57, error", a: ap({ kind: "omvalg" }), ctx: actx({ grade: "IV" }), standpunkt: undefined, eksamen: undefined, fam: [], error: "vitnemal.exemption.omvalg-excluded" },
      { ref: "7.10", name: "omvalg, retaken as privatist → error", a: ap({ kind: "omvalg" }), ctx: actx({ grade: 4, retakenAsPrivatist: true }), standpunkt: undefined, eksamen: undefined, fam: [], error: "vitnemal.exemption.omvalg-excluded" },
      { ref: "7.9", name: "Steiner subject → grade + FAM48 «Fag RS <code>»", a: ap({ kind: "steiner", originalCode: "RS1234" }), ctx: actx({ grade: 4 }), standpunkt: 4, eksamen: undefined, fam: ["FAM48"] },
      { ref: "7.9", name: "Steiner subject equal to several: the others Fritatt + FAM48", a: ap({ kind: "steiner", originalCode: "RS1234" }), ctx: actx({ secondary: true }), standpunkt: "F", eksamen: undefined, fam: ["FAM48"] },
    ]),
  )("%s", (_t, r) => {
    const d = approvalEntry(r.a, r.ctx);
    expect(d.value.standpunkt).toEqual(r.standpunkt);
    expect(d.value.eksamen).toEqual(r.eksamen);
    expect(famCodes(d.value)).toEqual(r.fam);
    expect(d.value.year).toEqual(r.a.completed);
    expect(d.value.onlyOn).toEqual("onlyOn" in r ? r.onlyOn : undefined);
    expect(d.because.filter((x) => x.severity === "error").map((x) => x.rule)).toEqual("error" in r ? [r.error] : []);
  });

  it("§7.9 FAM48 carries the RS code", () => {
    expect(approvalEntry(ap({ kind: "steiner", originalCode: "RS1234" }), actx()).value.fam[0]?.params).toEqual({ fagkode: "RS1234" });
  });
  it("§5.3 the vedlegg text names the subject", () => {
    expect(approvalEntry(ap({ kind: "realkompetanse", partial: true }), actx({ name: "Samfunnsfag" })).value.vedlegg[0]?.text).toBe(
      "Følgende deler av faget SAF1001 Samfunnsfag er godkjent etter realkompetansevurdering:",
    );
  });
  it.each([
    ["2016-12-31", {}, "FAM47"],
    ["2016-12-31", { abroad: true }, "FAM15"],
    ["2016-12-31", { abroad: true, wholeYear: "VG1" as const }, "FAM24"],
    ["2016-12-31", { abroad: true, wholeYear: "VG2" as const }, "FAM25"],
    ["2017-01-01", { abroad: true, wholeYear: "VG1" as const }, "FAM52"],
    ["2017-01-01", {}, "FAM52"],
  ])("§3.5 approval code on %s %j → %s", (on, a, code) => expect(approvalFamOn(on, a)).toBe(code));
});

describe("§7.6 whole year abroad, §7.8", () => {
  it.each([
    [1123, [140, 84], 899, false],
    [1123, [1123], 0, false],
    [100, [140], 0, true],
  ])("§7.6 total %i minus %j → UPF %i", (total, sep, rest, err) => {
    const d = wholeYearUpfOmfang(total, sep);
    expect(d.value).toBe(rest);
    expect(d.because.some((f) => f.severity === "error")).toBe(err);
  });
  it("§7.8 FAM46 names the lower-secondary language code", () => {
    expect(lowerSecondaryLanguageEntry("SPR1008", "FSP5020").fam).toEqual([{ code: "FAM46", because: "7.8", params: { fagkode: "FSP5020" } }]);
  });
  it.each([
    ["elev with I+II (365 h) keeps 365", { elevStandpunkt: 3 as const, elevOmfang: 365 }, 365],
    ["pure privatist → 225", {}, 225],
    ["IV as elev → 225", { elevStandpunkt: "IV" as const, elevOmfang: 365 }, 225],
  ])("§7.8 %s", (_n, p, h) => expect(privatistLanguageOmfang(p).value).toBe(h));
});
