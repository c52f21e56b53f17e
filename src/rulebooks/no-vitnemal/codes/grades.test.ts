/** §5.1 grades, §5.2 other expressions, §5.6 conduct, §6.1 exam forms. */
import { describe, expect, it } from "vitest";
import { CONDUCT_GRADES, EXAM_FORMS, parseVurdering, vurderingPassed, vurderingText } from "./grades.ts";

describe("assessment expressions", () => {
  it.each([
    // [section, value, printed, passed]
    ["5.1", 6, "6 seks", true],
    ["5.1", 5, "5 fem", true],
    ["5.1", 4, "4 fire", true],
    ["5.1", 3, "3 tre", true],
    ["5.1", 2, "2 to", true],
    ["5.1", 1, "1 en", false],
    ["5.2", "BM", "BM", true],
    ["5.2", "B", "Bestått", true],
    ["5.2", "IB", "Ikke bestått", false],
    ["5.2", "D", "Deltatt", true],
    ["5.2", "F", "Fritatt", true],
    ["5.2", "GK", "Godkjent", true],
    ["5.2", "IV", "IV", false],
    ["5.2", "IM", "IM", false],
  ] as const)("§%s %s prints %j, passed %s", (_ref, v, printed, passed) => {
    expect(vurderingText(v)).toBe(printed);
    expect(vurderingPassed(v)).toBe(passed);
  });

  it("§5.2: BM prints «Bestått meget godt» on a fag-/svennebrev", () => {
    expect(vurderingText("BM", true)).toBe("Bestått meget godt");
  });

  it.each([
    ["4", 4],
    [" gk ", "GK"],
    ["IV", "IV"],
    ["7", undefined],
    ["0", undefined],
    ["X", undefined],
  ] as const)("§5.2 data-system value %j → %j", (s, v) => {
    expect(parseVurdering(s)).toBe(v);
  });

  it("§5.6 conduct grades and §6.1 exam forms", () => {
    expect(CONDUCT_GRADES.map((c) => c.nb)).toEqual(["God", "Nokså god", "Lite god"]);
    expect(EXAM_FORMS.map((e) => e.code)).toEqual(["S", "M", "MP", "P"]);
  });
});
