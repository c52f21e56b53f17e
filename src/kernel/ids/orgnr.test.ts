import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatOrgnr, orgnrCheckDigit, parseOrgnr, type Orgnr } from "./orgnr.ts";
import { arbOrgnr, orgnrFrom, singleDigitChanges } from "./testing.ts";

describe("parseOrgnr", () => {
  it.each([
    ["974760673", "974760673"], // Brønnøysundregistrene
    ["974 760 673", "974760673"],
    [" NO 974 760 673 MVA ", "974760673"],
    ["no974760673mva", "974760673"],
  ])("accepts %j", (s, v) => {
    expect(parseOrgnr(s)).toEqual({ value: v, because: [] });
  });

  it("computes the check digit of 974760673: 3·9+2·7+7·4+6·7+5·6+4·0+3·6+2·7 = 173, 173 mod 11 = 8, 11 − 8 = 3", () => {
    expect(orgnrCheckDigit("97476067")).toBe(3);
  });

  it("remainder 0 gives check digit 0 and remainder 1 gives none", () => {
    // 3·1+2·0+7·0+6·0+5·0+4·0+3·0+2·4 = 11 → remainder 0
    expect(orgnrCheckDigit("10000004")).toBe(0);
    expect(parseOrgnr("100000040").value).toBe("100000040");
    // 3·4 = 12 → remainder 1: no digit makes a valid number
    expect(orgnrCheckDigit("40000000")).toBeUndefined();
    for (let d = 0; d <= 9; d++) expect(parseOrgnr(`40000000${d}`).value).toBeNull();
  });

  it.each([
    ["", "id.orgnr.missing"],
    ["97476067", "id.orgnr.format"],
    ["9747606730", "id.orgnr.format"],
    ["97476067x", "id.orgnr.format"],
    ["974760674", "id.orgnr.checksum"],
    ["974760763", "id.orgnr.checksum"],
  ])("refuses %j with %s, in en, da and nb", (s, rule) => {
    const d = parseOrgnr(s, "school.orgnr");
    expect(d.value).toBeNull();
    expect(d.because).toMatchObject([{ rule, severity: "error", subject: "school.orgnr", cite: { seed: "reference" } }]);
    const m = d.because[0]?.message;
    expect(m?.en).toContain("school.orgnr");
    expect(m?.da).toBeTruthy();
    expect(m?.nb).toBeTruthy();
  });

  it("formats in groups of three", () => {
    expect(formatOrgnr("974760673" as Orgnr)).toBe("974 760 673");
  });
});

describe("orgnr properties", () => {
  it("every generated valid number parses, also in its grouped form", () => {
    fc.assert(
      fc.property(arbOrgnr, (o) => {
        expect(parseOrgnr(o).value).toBe(o);
        expect(parseOrgnr(formatOrgnr(o)).value).toBe(o);
      }),
    );
  });
  it("a single changed digit is always caught", () => {
    fc.assert(
      fc.property(arbOrgnr, (o) => {
        for (const wrong of singleDigitChanges(o)) expect(parseOrgnr(wrong).value).toBeNull();
      }),
    );
  });
  it("the builder agrees with the parser on arbitrary 8-digit prefixes", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (p) => {
        const o = orgnrFrom(p);
        if (o !== undefined) expect(parseOrgnr(o).value).toBe(o);
      }),
    );
  });
});
