import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDocumentNumber, letterOf, MAX_SERIAL, nextDocumentNumber, NUMBER_LENGTH, parseDocumentNumber } from "./numbering.ts";
import { ORGNR } from "./layout.test-helpers.ts";

const OTHER_ORGNR = "842872022"; // nvb-format.md §7.2 worked example, valid check digit

describe("§2.8 document number (decision: NVB's 18 characters, 4-digit serial)", () => {
  it("V/K + orgnr + åååå + serial, written without spaces, 18 characters", () => {
    const s = formatDocumentNumber({ letter: "V", orgnr: ORGNR, year: 2025, serial: 42 });
    expect(s).toBe("V97456781420250042");
    expect(s).toHaveLength(NUMBER_LENGTH);
    expect(s).not.toMatch(/\s/);
    expect(letterOf("vitnemal")).toBe("V");
    expect(letterOf("kompetansebevis")).toBe("K");
  });

  it.each([
    ["nvb-format.md §3.3 example", "V97995898620080001", { letter: "V", orgnr: "979958986", year: 2008, serial: 1 }],
    ["a kompetansebevis", "K97456781420250007", { letter: "K", orgnr: ORGNR, year: 2025, serial: 7 }],
  ])("parses %s", (_n, s, n) => {
    expect(parseDocumentNumber(s).value).toEqual(n);
  });

  it.each([
    ["the seed's 5-digit serial (19 characters)", "V974567814202500042", "vitnemal.number.five-digit-serial"],
    ["spaces", "V 974567814 2025 0042", "vitnemal.number.format"],
    ["another letter (T is NVB test mode only)", "T97456781420250042", "vitnemal.number.format"],
    ["serial 0000", "V97456781420250000", "vitnemal.number.serial-zero"],
  ])("refuses %s", (_n, s, rule) => {
    const d = parseDocumentNumber(s);
    expect(d.value).toBeNull();
    expect(d.because.map((f) => [f.rule, f.cite.ref])).toEqual([[rule, "2.8"]]);
  });

  it("property: format and parse are inverse", () => {
    fc.assert(
      fc.property(fc.constantFrom<"V" | "K">("V", "K"), fc.integer({ min: 2009, max: 2099 }), fc.integer({ min: 1, max: MAX_SERIAL }), (letter, year, serial) => {
        const n = { letter, orgnr: ORGNR, year, serial };
        expect(parseDocumentNumber(formatDocumentNumber(n)).value).toEqual(n);
      }),
    );
  });
});

describe("§2.8 the running number", () => {
  it("starts at 0001 per issuer, year (of the issue date) and letter", () => {
    expect(nextDocumentNumber([], { orgnr: ORGNR }, "vitnemal", "2025-06-20").value).toBe("V97456781420250001");
    expect(nextDocumentNumber([], { orgnr: ORGNR }, "kompetansebevis", "2025-06-20").value).toBe("K97456781420250001");
  });

  it("continues after the highest number used, cancelled ones included, never reusing a number", () => {
    const used = ["V97456781420250001", "V97456781420250007", "K97456781420250009", "V97456781420240033", `V${OTHER_ORGNR}20250050`];
    expect(nextDocumentNumber(used, { orgnr: ORGNR }, "vitnemal", "2025-12-31").value).toBe("V97456781420250008");
    expect(nextDocumentNumber(used, { orgnr: ORGNR }, "kompetansebevis", "2025-01-01").value).toBe("K97456781420250010");
    expect(nextDocumentNumber(used, { orgnr: ORGNR }, "vitnemal", "2024-06-01").value).toBe("V97456781420240034");
    expect(nextDocumentNumber(used, { orgnr: ORGNR }, "vitnemal", "2026-01-02").value).toBe("V97456781420260001");
    expect(nextDocumentNumber(used, { orgnr: OTHER_ORGNR }, "vitnemal", "2025-06-20").value).toBe(`V${OTHER_ORGNR}20250051`);
  });

  it("«Det skal være årstallet vitnemålet skrives ut»: the year is the issue date's, not the completion year", () => {
    expect(nextDocumentNumber([], { orgnr: ORGNR }, "vitnemal", "2026-02-01").value).toBe("V97456781420260001");
  });

  it("refuses when all 9999 numbers of the year are used", () => {
    const d = nextDocumentNumber(["V97456781420259999"], { orgnr: ORGNR }, "vitnemal", "2025-06-20");
    expect(d.value).toBeNull();
    expect(d.because.map((f) => f.rule)).toEqual(["vitnemal.number.exhausted"]);
  });

  it.each([
    ["wrong check digit", "974567815"],
    ["a foreign number of another length (§2.8; NVB needs SO's fictitious 9-digit number)", "12345"],
  ])("refuses an issuer without a valid 9-digit orgnr: %s", (_n, orgnr) => {
    const d = nextDocumentNumber([], { orgnr }, "vitnemal", "2025-06-20");
    expect(d.value).toBeNull();
    expect(d.because.map((f) => f.rule)).toContain("vitnemal.number.orgnr");
  });

  it("property: issuing n numbers in a row gives n distinct numbers, each above every number used before", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9000 }), { maxLength: 20 }), fc.integer({ min: 1, max: 30 }), (start, n) => {
        const used = start.map((s) => formatDocumentNumber({ letter: "V", orgnr: ORGNR, year: 2025, serial: s }));
        const before = new Set(used);
        for (let i = 0; i < n; i++) {
          const next = nextDocumentNumber(used, { orgnr: ORGNR }, "vitnemal", "2025-06-20").value!;
          expect(before.has(next)).toBe(false);
          expect(used.every((u) => u < next)).toBe(true);
          used.push(next);
        }
      }),
    );
  });
});
