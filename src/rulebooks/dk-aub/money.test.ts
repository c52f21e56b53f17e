import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divRoundHalfUp, formatDkk, formatKroner, sumOere } from "./money.ts";

describe("money in øre", () => {
  it.each([
    [157384615n, 1000n, 157385n],
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 2n, 2n],
    [14n, 10n, 1n],
    [15n, 10n, 2n],
  ])("divRoundHalfUp(%s, %s) = %s", (n, d, want) => {
    expect(divRoundHalfUp(n, d)).toBe(want);
  });

  it("rounding is within half an øre and symmetric", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const r = divRoundHalfUp(n, d);
        const err = r * d - n;
        expect(2n * (err < 0n ? -err : err) <= d).toBe(true);
        expect(divRoundHalfUp(-n, d)).toBe(-r);
      }),
    );
  });

  it("formats kroner in Danish and English", () => {
    expect(formatKroner(157385)).toBe("1.573,85 kr.");
    expect(formatKroner(-78725)).toBe("-787,25 kr.");
    expect(formatKroner(5)).toBe("0,05 kr.");
    expect(formatDkk(314900000)).toBe("DKK 3,149,000.00");
  });

  it("sums exactly", () => {
    expect(sumOere([1, 2, 3])).toBe(6);
    expect(() => sumOere([Number.MAX_SAFE_INTEGER, 1])).toThrow();
  });
});
