/** Seed 003 §4.2 "Fag utover minstekravet/erstatte fag": left-off subjects, the exam count, privatist replacements. */
import { describe, expect, it } from "vitest";
import { checkExamCount, checkLeftOff, checkReplacements, is1T1PSwap } from "./choice.ts";
import type { SubjectResult } from "./model.ts";
import { line } from "./testing.ts";

const rules = (fs: { rule: string; severity: string }[], severity?: string) => fs.filter((f) => severity === undefined || f.severity === severity).map((f) => f.rule);

describe("§4.2 subjects left off by choice", () => {
  it.each([
    // [the seed's words, line, expected errors, stays on the document]
    ["«kan velge om disse fagene skal føres»: beyond the minimum, no exam", line("REA3038", { fagtype: "VP", standpunkt: 5, beyondMinimum: true, leftOffByChoice: true }), [], false],
    ["«ta vekk et fag (som han eller hun ikke har hatt eksamen i)»: elev with an exam", line("REA3038", { fagtype: "VP", standpunkt: 5, eksamen: 4, beyondMinimum: true, leftOffByChoice: true }), ["vitnemal.choice.left-off-with-exam"], true],
    ["«For elever og lærlinger»: a lærling with an exam", line("REA3038", { fagtype: "VP", status: "laerling", standpunkt: 5, eksamen: 4, beyondMinimum: true, leftOffByChoice: true }), ["vitnemal.choice.left-off-with-exam"], true],
    ["privatist beyond the minimum with an exam («Det samme gjelder … tatt som privatist»)", line("REA3038", { fagtype: "VP", status: "privatist", eksamen: 4, beyondMinimum: true, leftOffByChoice: true }), [], false],
    ["«utover fastsatte minstekrav»: a subject within the minimum", line("ENG1007", { standpunkt: 4, leftOffByChoice: true }), ["vitnemal.choice.left-off-within-minimum"], true],
    ["not chosen away", line("ENG1007", { standpunkt: 4 }), [], true],
  ] as const)("%s", (_w, l, expected, stays) => {
    const d = checkLeftOff([l as SubjectResult]);
    expect(rules(d.because, "error")).toEqual(expected);
    expect(d.because.every((f) => f.cite.ref === "4.2")).toBe(true);
    expect(d.value.length).toBe(stays ? 1 : 0);
  });
});

describe("§4.2 «antall eksamener iht. gjeldende bestemmelser om uttrekk til eksamen»", () => {
  const lines = [
    line("ENG1007", { standpunkt: 4, eksamen: 5 }),
    line("NOR1267", { standpunkt: 4, eksamen: "IM" }),
    line("REA3038", { fagtype: "VP", status: "privatist", eksamen: 3 }),
    line("MAT1021", { standpunkt: 4 }),
  ];
  it.each([
    [undefined, []],
    [2, []],
    [3, ["vitnemal.choice.exam-count"]],
  ] as const)("required %s (two elev exams; the privatist's does not count)", (required, expected) => {
    expect(rules(checkExamCount(lines, required))).toEqual(expected);
  });
});

describe("§4.2 privatist improvements and replacements", () => {
  it.each([
    // [the seed's words, line, rule, severity, replaced within the minimum]
    ["«forbedre karakteren … samme fagkode»", line("ENG1007", { status: "privatist", eksamen: 5, replaces: "ENG1007" }), "vitnemal.choice.improvement", "info", []],
    ["«Unntaket er matematikk 1T som kan byttes ut med 1P»", line("MAT1019", { status: "privatist", eksamen: 4, replaces: "MAT1021" }), "vitnemal.choice.swap-1T-1P", "info", []],
    ["«… eller omvendt»", line("MAT1021", { status: "privatist", eksamen: 4, replaces: "MAT1019" }), "vitnemal.choice.swap-1T-1P", "info", []],
    ["«Eksamen i fag som tas som privatist kan ikke «erstatte» fag fullført som elev»", line("GEO1003", { status: "privatist", eksamen: 4, replaces: "SAK1001" }), "vitnemal.choice.replaced-other-code", "warning", ["GEO1003"]],
    ["«anses også som «fullført» … ikke bestått og IV» (the replaced grade does not matter)", line("MAT1023", { status: "privatist", eksamen: 4, replaces: "MAT1151" }), "vitnemal.choice.replaced-other-code", "warning", ["MAT1023"]],
    ["another fagkode beyond the minimum: not an improvement, but no loss of the førstegangsvitnemål", line("GEO1003", { status: "privatist", eksamen: 4, replaces: "SAK1001", beyondMinimum: true }), "vitnemal.choice.replaced-other-code", "warning", []],
    ["«forbedre karakteren i et fag som privatist»: an elev line cannot be the improvement", line("ENG1007", { standpunkt: 5, replaces: "ENG1007" }), "vitnemal.choice.replaces-not-privatist", "error", []],
  ] as const)("%s", (_w, l, rule, severity, within) => {
    const d = checkReplacements([line("SAK1001", { standpunkt: "IV" }), l as SubjectResult]);
    expect(d.because.map((f) => [f.rule, f.severity, f.cite.ref])).toEqual([[rule, severity, "4.2"]]);
    expect(d.value.replacedWithinMinimum).toEqual(within);
  });

  it("§4.5 «anses for å forbedre karakteren i matematikk fellesfag»: the swapped elev 1T line and its oral code leave the document", () => {
    const d = checkReplacements([
      line("MAT1021", { standpunkt: 2, faggruppe: "MAT1021" }),
      line("MAT1022", { eksamen: 2, faggruppe: "MAT1021" }),
      line("MAT1019", { status: "privatist", eksamen: 4, replaces: "MAT1021" }),
      line("ENG1007", { standpunkt: 4 }),
    ]);
    expect(d.value.lines.map((l) => l.fagkode)).toEqual(["MAT1019", "ENG1007"]);
  });

  it("«Dersom fag som tas som privatist er med å oppfylle kravet til fag- og timefordeling»: a privatist line without `replaces` is no replacement", () => {
    const d = checkReplacements([line("GEO1003", { status: "privatist", eksamen: 4 }), line("ENG1007", { standpunkt: 4 })]);
    expect(d.because).toEqual([]);
    expect(d.value.replacedWithinMinimum).toEqual([]);
  });

  it.each([
    ["MAT1021", "MAT1019", true],
    ["MAT1013", "MAT1011", true],
    ["MAT1007", "MAT1019", true],
    ["MAT1133", "MAT1113", false],
    ["MAT1021", "MAT1023", false],
  ] as const)("1T/1P swap %s ↔ %s: %s (only vg1 T/P, not T-Y/P-Y)", (a, b, expected) => {
    expect(is1T1PSwap(a, b)).toBe(expected);
    expect(is1T1PSwap(b, a)).toBe(expected);
  });
});
