/**
 * Seed 003 §4.6 old/new mathematics: the code table's validity swept half-year by half-year, and the rules from the
 * seed's own sentences.
 */
import { describe, expect, it } from "vitest";
import { addHalfYears, compareHalfYears, formatHalfYear, type HalfYear } from "../../kernel/time/half-year.ts";
import { MATHS_ORDNING } from "./codes/maths-ordning.ts";
import { checkMathsOrdning, mathsCodeValid } from "./maths-transition.ts";
import type { Status, SubjectResult } from "./model.ts";
import { hy, line } from "./testing.ts";

const SWEEP_FROM = hy("V2004");
const SWEEP_TO = hy("H2030");
const sweep = (): HalfYear[] => {
  const out: HalfYear[] = [];
  for (let h = SWEEP_FROM; compareHalfYears(h, SWEEP_TO) <= 0; h = addHalfYears(h, 1)) out.push(h);
  return out;
};

describe("§4.6 date sweep over the code table", () => {
  // The seed's boundaries, written out independently of the table: [fagkode, status, first valid, last valid or null].
  const expected: [string, Status, string, string | null][] = [
    ["MAT1002", "elev", "H2006", "V2009"],
    ["MAT1007", "elev", "H2006", "V2009"],
    ["MAT1002", "privatist", "H2006", "V2009"],
    ["MAT1003", "elev", "H2006", "V2010"],
    ["MAT1008", "elev", "H2006", "V2010"],
    ["MAT1003", "privatist", "H2006", "V2012"],
    ["MAT1008", "privatist", "H2006", "V2012"],
    ["MAT1011", "elev", "H2009", null],
    ["MAT1013", "privatist", "H2009", null],
    ["MAT1015", "elev", "H2009", null],
    ["MAT1017", "privatist", "H2009", null],
  ];
  it.each(expected)("%s as %s: valid from %s to %s, every half-year", (fagkode, status, from, to) => {
    const row = MATHS_ORDNING.find((r) => r.fagkode === fagkode);
    expect(row).toBeDefined();
    if (row === undefined) return;
    for (const h of sweep()) {
      const inRange = compareHalfYears(h, hy(from)) >= 0 && (to === null || compareHalfYears(h, hy(to)) <= 0);
      expect(mathsCodeValid(row, status, h) === "valid", `${fagkode} ${status} ${formatHalfYear(h)}`).toBe(inRange);
    }
  });

  it("every row is valid on one unbroken stretch, and an elev always has a vg1 and a vg2 code from H2006 on (no gap between the schemes)", () => {
    for (const row of MATHS_ORDNING)
      for (const status of ["elev", "privatist"] as const) {
        const flags = sweep().map((h) => mathsCodeValid(row, status, h) === "valid");
        const starts = flags.filter((f, i) => f && (i === 0 || flags[i - 1] !== true)).length;
        expect(starts, `${row.fagkode} ${status}`).toBe(1);
      }
    for (const h of sweep().filter((x) => compareHalfYears(x, hy("H2006")) >= 0))
      for (const level of ["VG1", "VG2"] as const)
        expect(
          MATHS_ORDNING.some((r) => r.level === level && mathsCodeValid(r, "elev", h) === "valid"),
          `${level} ${formatHalfYear(h)}`,
        ).toBe(true);
  });

  it("every row cites §4.6 and quotes the seed's table", () => {
    for (const r of MATHS_ORDNING) {
      expect(r.cite).toEqual({ seed: "003", ref: "4.6" });
      expect(r.quote).toContain(r.fagkode);
    }
  });
});

const rules = (fs: { rule: string; severity: string; cite: { ref: string } }[]) => fs.filter((f) => f.severity !== "info").map((f) => [f.rule, f.severity, f.cite.ref]);
const infos = (fs: { rule: string; severity: string }[]) => fs.filter((f) => f.severity === "info").map((f) => f.rule);

describe("§4.6 rules", () => {
  it.each([
    // [the seed's words, lines, expected errors/warnings, expected infos]
    [
      "«Elevene beholder standpunktkarakteren fra vg1»",
      [line("MAT1002", { standpunkt: 4, year: hy("V2009") }), line("MAT1015", { standpunkt: 3, level: "VG2", year: hy("V2010") })],
      [],
      ["vitnemal.maths.old-vg1-kept"],
    ],
    [
      "«halvårsvurderingen fra vg1 omgjøres til standpunktkarakter»",
      [line("MAT1007", { halvar: 5, year: hy("V2009") }), line("MAT1017", { standpunkt: 4, level: "VG2", year: hy("V2010") })],
      [],
      ["vitnemal.maths.halvar-to-standpunkt"],
    ],
    [
      "old vg1 with neither grade",
      [line("MAT1007", { year: hy("V2009") }), line("MAT1017", { standpunkt: 4, level: "VG2", year: hy("V2010") })],
      [["vitnemal.maths.old-vg1-no-grade", "error", "4.6"]],
      [],
    ],
    [
      "«Til og med våren 2012 … privatister … vg2 etter gammel ordning og få godskrevet både vg1 og vg2»",
      [line("MAT1003", { status: "privatist", eksamen: 4, level: "VG2", year: hy("V2012") })],
      [],
      ["vitnemal.maths.old-vg2-whole"],
    ],
    [
      "«Etter den tid»: old vg2 as privatist in H2012",
      [line("MAT1003", { status: "privatist", eksamen: 4, level: "VG2", year: hy("H2012") })],
      [["vitnemal.maths.ordning-ended", "error", "4.6"]],
      [],
    ],
    [
      "«t.o.m. vår 2009 vg1»: old vg1 as elev in V2010",
      [line("MAT1002", { standpunkt: 4, year: hy("V2010") })],
      [["vitnemal.maths.ordning-ended", "error", "4.6"]],
      [],
    ],
    [
      "«fra 2006»: old vg1 in V2006",
      [line("MAT1002", { standpunkt: 4, year: hy("V2006") })],
      [["vitnemal.maths.ordning-not-yet", "error", "4.6"]],
      [],
    ],
    [
      "«må privatister som ikke har tatt vg1 i faget som elev, ta privatisteksamen både på vg1 og vg2 etter ny ordning»: vg2 only",
      [line("MAT1015", { status: "privatist", eksamen: 4, level: "VG2", year: hy("V2014") })],
      [["vitnemal.maths.privatist-vg1-missing", "warning", "4.6"]],
      [],
    ],
    [
      "… with the old vg1 as privatist (does not count after 2012)",
      [line("MAT1002", { status: "privatist", eksamen: 4, year: hy("V2009") }), line("MAT1015", { status: "privatist", eksamen: 4, level: "VG2", year: hy("V2014") })],
      [["vitnemal.maths.privatist-vg1-missing", "warning", "4.6"]],
      [],
    ],
    [
      "… both on the new scheme",
      [line("MAT1011", { status: "privatist", eksamen: 4, year: hy("H2013") }), line("MAT1015", { status: "privatist", eksamen: 4, level: "VG2", year: hy("V2014") })],
      [],
      [],
    ],
    [
      "… vg1 taken as elev",
      [line("MAT1011", { standpunkt: 3, year: hy("V2012") }), line("MAT1015", { status: "privatist", eksamen: 4, level: "VG2", year: hy("V2014") })],
      [],
      [],
    ],
  ] as const)("%s", (_w, lines, expected, expectedInfos) => {
    const d = checkMathsOrdning(lines as readonly SubjectResult[]);
    expect(rules(d.because)).toEqual(expected);
    expect(infos(d.because)).toEqual(expectedInfos);
  });

  it("the converted line keeps the old vg1 fagkode and carries the halvår grade as standpunkt", () => {
    const d = checkMathsOrdning([line("MAT1007", { halvar: 5, year: hy("V2009") }), line("MAT1017", { standpunkt: 4, level: "VG2", year: hy("V2010") })]);
    expect(d.value[0]).toMatchObject({ fagkode: "MAT1007", standpunkt: 5 });
    expect(d.value[0]?.halvar).toBeUndefined();
  });

  it("lines without §4.6 codes pass through untouched", () => {
    const lines = [line("MAT1021", { standpunkt: 4 })];
    const d = checkMathsOrdning(lines);
    expect(d.value).toEqual(lines);
    expect(d.because).toEqual([]);
  });
});
