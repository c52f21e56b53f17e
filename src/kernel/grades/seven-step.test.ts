import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatGrade7, grade7, GRADES_7, isPassingGrade7, parseGrade7 } from "./seven-step.ts";

describe("7-trinsskala (facts.md: 7-trinsskala grades)", () => {
  it("has exactly 12, 10, 7, 4, 02, 00, -3, highest first", () => {
    expect(GRADES_7.map(formatGrade7)).toEqual(["12", "10", "7", "4", "02", "00", "-3"]);
  });

  it.each([
    ["12", 12],
    ["10", 10],
    ["7", 7],
    ["4", 4],
    ["02", 2],
    ["00", 0],
    ["-3", -3],
    ["−3", -3],
    [" 02 ", 2],
  ])("accepts %j as %i", (s, v) => {
    expect(parseGrade7(s)).toEqual({ value: v, because: [] });
  });

  it.each([
    ["2", "grade.7.not-on-scale", 'Write it as "02"'],
    ["0", "grade.7.not-on-scale", 'Write it as "00"'],
    ["13", "grade.7.not-on-scale", undefined],
    ["03", "grade.7.not-on-scale", undefined],
    ["07", "grade.7.not-on-scale", undefined],
    ["11", "grade.7.not-on-scale", undefined],
    ["-03", "grade.7.not-on-scale", undefined],
    ["+12", "grade.7.not-on-scale", undefined],
    ["B", "grade.7.not-on-scale", undefined],
    ["12.0", "grade.7.not-on-scale", undefined],
    ["", "grade.7.missing", undefined],
    ["   ", "grade.7.missing", undefined],
  ])("refuses %j with %s", (s, rule, hint) => {
    const d = parseGrade7(s, "exam.grade");
    expect(d.value).toBeNull();
    expect(d.because).toMatchObject([
      { rule, severity: "error", subject: "exam.grade", cite: { seed: "reference", ref: "facts.md: 7-trinsskala grades" } },
    ]);
    expect(d.because[0]!.message.da).toBeTruthy();
    if (hint !== undefined) expect(d.because[0]!.message.en).toContain(hint);
  });

  it("passes at 02 and above", () => {
    expect(GRADES_7.filter(isPassingGrade7).map(formatGrade7)).toEqual(["12", "10", "7", "4", "02"]);
  });

  it("grade7() refuses values off the scale", () => {
    expect(() => grade7(5)).toThrow(RangeError);
    expect(grade7(-3)).toBe(-3);
  });

  it("property: format and parse are inverse on the scale; any other integer text is refused", () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRADES_7), (g) => {
        expect(parseGrade7(formatGrade7(g)).value).toBe(g);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), (n) => {
        const s = String(n);
        const ok = ["12", "10", "7", "4", "-3"].includes(s);
        expect(parseGrade7(s).value === null).toBe(!ok);
      }),
    );
  });
});
