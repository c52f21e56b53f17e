/** §2.3 programme-area code format and its exceptions; §13.2 R94 codes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProgrammeAreaCode } from "./programme-area.ts";

describe("parseProgrammeAreaCode (§2.3)", () => {
  it.each([
    // [section, input, variantSchool, kind or rule, level]
    ["2.3", "STUSP1----", false, "ordinary", "VG1"],
    ["2.3", "STREA2----", false, "ordinary", "VG2"],
    ["2.3", "ELELE3----", false, "ordinary", "VG3"],
    ["4.3", "PBPBY4----", false, "ordinary", "VG4"],
    ["2.3", " STSSA3---- ", false, "ordinary", "VG3"],
    ["2.3", "GSGSK0VG--", false, "grunnskole", "GS"],
    ["2.3", "STSSA1RS--", true, "variant", "VG1"],
    ["13.2", "R94GK1----", false, "r94", "VG1"],
    ["13.2", "R94VKI----", false, "r94", "VG2"],
    ["2.3", "STSSA1RS--", false, "vitnemal.programme-area.variant", null],
    ["2.3", "PBPBY4YK--", false, "vitnemal.programme-area.variant", null],
    ["2.3", "GSGSK0VG—", false, "vitnemal.programme-area.dash", null],
    ["2.3", "STUSP1---", false, "vitnemal.programme-area.length", null],
    ["2.3", "STUSP1-----", false, "vitnemal.programme-area.length", null],
    ["2.3", "stusp1----", false, "vitnemal.programme-area.format", null],
    ["2.3", "ST1SP1----", false, "vitnemal.programme-area.format", null],
    ["2.3", "STUSPA----", false, "vitnemal.programme-area.format", null],
    ["2.3", "STUSP5----", false, "vitnemal.programme-area.level", null],
    ["2.3", "STUSP0----", false, "vitnemal.programme-area.level", null],
    ["2.3", "", false, "vitnemal.programme-area.missing", null],
  ] as const)("§%s %j (variant school %s) → %s", (ref, input, variantSchool, expected, level) => {
    const d = parseProgrammeAreaCode(input, { variantSchool });
    if (expected.startsWith("vitnemal.")) {
      expect(d.value).toBeNull();
      expect(d.because.map((f) => [f.rule, f.severity, f.cite.ref])).toEqual([[expected, "error", ref]]);
    } else {
      expect(d.value?.kind).toBe(expected);
      expect(d.value?.level).toBe(level);
      expect(d.because.filter((f) => f.severity === "error")).toEqual([]);
    }
  });

  it("property: every 5 capitals + digit 1–4 + '----' parses, with the first two letters as utdanningsprogram", () => {
    const letters = fc.stringMatching(/^[A-Z]{5}$/);
    fc.assert(
      fc.property(letters, fc.integer({ min: 1, max: 4 }), (l, n) => {
        const code = `${l}${n}----`;
        if (code.startsWith("R94")) return;
        const d = parseProgrammeAreaCode(code);
        expect(d.value?.utdanningsprogram).toBe(l.slice(0, 2));
        expect(d.value?.level).toBe(`VG${n}`);
      }),
    );
  });

  it("property: the parser never throws and every refusal is an error citing a section", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (s) => {
        const d = parseProgrammeAreaCode(s);
        if (d.value === null) expect(d.because.some((f) => f.severity === "error" && f.cite.seed === "003")).toBe(true);
      }),
    );
  });
});
