import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { cvrCheckDigit, parseCvr, parseSe, type Cvr, type SeNumber } from "./cvr.ts";
import { arbCvr, cvrFrom, singleDigitChanges } from "./testing.ts";

describe("parseCvr", () => {
  // 24256790 (Novo Nordisk A/S) and 61126228 (Danske Bank A/S) are public CVR numbers; the third is built here.
  const built = cvrFrom("1234567");
  it.each([["24256790"], ["61126228"], [built as string]])("accepts the valid number %s", (s) => {
    expect(parseCvr(s)).toEqual({ value: s, because: [] });
  });

  it("computes check digits: 2·2+7·4+6·2+5·5+4·6+3·7+2·9 = 132 → 0", () => {
    expect(cvrCheckDigit("2425679")).toBe(0);
    expect(built).toMatch(/^1234567\d$/);
  });

  it.each([
    [" 24256790 ", "24256790"],
    ["24 25 67 90", "24256790"],
    ["DK24256790", "24256790"],
    ["dk 2425 6790", "24256790"],
  ])("normalises %j", (s, v) => {
    expect(parseCvr(s).value).toBe(v);
  });

  it.each([
    ["", "id.cvr.missing"],
    ["2425679", "id.cvr.format"],
    ["242567900", "id.cvr.format"],
    ["2425679O", "id.cvr.format"],
    ["24256791", "id.cvr.checksum"],
    ["24256709", "id.cvr.checksum"],
    [cvrFrom("0123456") ?? "01234560", "id.cvr.leading-zero"],
  ])("refuses %j with %s", (s, rule) => {
    const d = parseCvr(s, "employer.cvr");
    expect(d.value).toBeNull();
    expect(d.because).toMatchObject([
      { rule, severity: "error", subject: "employer.cvr", cite: { seed: "reference", ref: "facts.md: CVR / SE number" } },
    ]);
    expect(d.because[0]?.message.en).toContain("employer.cvr");
    expect(d.because[0]?.message.da).toBeTruthy();
  });

  it("SE numbers follow the same rule under their own rule ids and type", () => {
    expect(parseSe("24256790").value).toBe("24256790");
    expect(parseSe("24256791").because[0]?.rule).toBe("id.se.checksum");
    expectTypeOf(parseSe("x").value).toEqualTypeOf<SeNumber | null>();
    expectTypeOf(parseCvr("x").value).toEqualTypeOf<Cvr | null>();
    expectTypeOf<SeNumber>().not.toEqualTypeOf<Cvr>();
  });
});

describe("CVR properties", () => {
  it("every generated valid number parses to itself", () => {
    fc.assert(
      fc.property(arbCvr, (c) => {
        expect(parseCvr(c).value).toBe(c);
      }),
    );
  });
  it("a single changed digit is always caught", () => {
    fc.assert(
      fc.property(arbCvr, (c) => {
        for (const wrong of singleDigitChanges(c)) expect(parseCvr(wrong).value).toBeNull();
      }),
    );
  });
  it("seven digits have a check digit unless the remainder is 1 (about 1 in 11)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 9_999_999 }), (n) => {
        const c = cvrCheckDigit(String(n));
        if (c !== undefined) expect(parseCvr(`${n}${c}`).value).toBe(`${n}${c}`);
        else for (let d = 0; d <= 9; d++) expect(parseCvr(`${n}${d}`).value).toBeNull();
      }),
    );
  });
});
