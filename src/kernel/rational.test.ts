import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  dec,
  div,
  eq,
  formatRational,
  max,
  min,
  mul,
  neg,
  parseDecimal,
  rational,
  rationalToString,
  roundTo,
  roundToUnits,
  sub,
  sum,
  ONE,
  ZERO,
  type Rational,
} from "./rational.ts";

const arbBig = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
const arbQ: fc.Arbitrary<Rational> = fc
  .tuple(arbBig, fc.bigInt({ min: 1n, max: 10n ** 9n }))
  .map(([n, d]) => rational(n, d));

describe("rational", () => {
  it("normalises sign and common factors", () => {
    expect(rational(6, -4)).toEqual({ n: -3n, d: 2n });
    expect(rational(0, 7)).toEqual({ n: 0n, d: 1n });
    expect(rational(10n, 5n)).toEqual({ n: 2n, d: 1n });
  });
  it("refuses a zero denominator and non-integers", () => {
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => rational(1.5, 1)).toThrow(RangeError);
    expect(() => div(ONE, ZERO)).toThrow(RangeError);
  });
  it.each([
    ["1,03", "103/100"],
    ["1.06", "53/50"],
    ["-3", "-3"],
    ["1,5", "3/2"],
    [" 02 ", "2"],
    ["+0,50", "1/2"],
  ])("parses the decimal %j as %s", (s, q) => {
    expect(rationalToString(parseDecimal(s)!)).toBe(q);
  });
  it.each([["1e3"], ["1.000,5"], [""], ["."], ["1,"], ["abc"]])("does not parse %j", (s) => {
    expect(parseDecimal(s)).toBeUndefined();
  });
  it("does exact arithmetic: 1/10 + 2/10 = 3/10, 1,03 × 7 = 7,21", () => {
    expect(eq(add(dec("0,1"), dec("0,2")), dec("0,3"))).toBe(true);
    expect(eq(mul(dec("1,03"), rational(7)), dec("7,21"))).toBe(true);
    expect(rationalToString(div(rational(1), rational(3)))).toBe("1/3");
    expect(rationalToString(sub(rational(1, 2), rational(1, 3)))).toBe("1/6");
  });

  it.each([
    // value, decimals, mode, expected text
    ["2,45", 1, "half-up", "2,5"],
    ["2,45", 1, "half-even", "2,4"],
    ["2,55", 1, "half-even", "2,6"],
    ["2,45", 1, "floor", "2,4"],
    ["2,45", 1, "truncate", "2,4"],
    ["1,99", 1, "floor", "1,9"],
    ["1,96", 1, "half-up", "2,0"],
    ["-0,45", 1, "half-up", "-0,5"],
    ["-0,45", 1, "floor", "-0,5"],
    ["-0,45", 1, "truncate", "-0,4"],
    ["-0,45", 1, "half-even", "-0,4"],
    ["7", 1, "floor", "7,0"],
    ["0,04", 1, "half-up", "0,0"],
    ["12", 0, "half-up", "12"],
  ] as const)("rounds %s to %i decimal(s) %s → %s", (v, decimals, mode, out) => {
    expect(formatRational(dec(v), decimals, mode, ",")).toBe(out);
  });

  it("formats a repeating fraction: 37/6 = 6,1666… → 6,2 half-up, 6,1 floor; 2/3 → 0.67", () => {
    expect(formatRational(rational(37, 6), 1, "half-up", ",")).toBe("6,2");
    expect(formatRational(rational(37, 6), 1, "floor", ",")).toBe("6,1");
    expect(formatRational(rational(2, 3), 2, "half-up")).toBe("0.67");
    expect(formatRational(rational(-1, 3), 2, "floor")).toBe("-0.34");
  });

  describe("properties", () => {
    it("add and mul are commutative and associative; sub undoes add", () => {
      fc.assert(
        fc.property(arbQ, arbQ, arbQ, (a, b, c) => {
          expect(add(a, b)).toEqual(add(b, a));
          expect(mul(a, b)).toEqual(mul(b, a));
          expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
          expect(mul(mul(a, b), c)).toEqual(mul(a, mul(b, c)));
          expect(sub(add(a, b), b)).toEqual(a);
          expect(add(a, neg(a))).toEqual(ZERO);
        }),
      );
    });
    it("div undoes mul; results stay normalised", () => {
      fc.assert(
        fc.property(arbQ, arbQ, (a, b) => {
          fc.pre(b.n !== 0n);
          const q = div(mul(a, b), b);
          expect(q).toEqual(a);
          expect(q.d > 0n).toBe(true);
        }),
      );
    });
    it("compare is a total order consistent with sub; min ≤ max", () => {
      fc.assert(
        fc.property(arbQ, arbQ, (a, b) => {
          const s = sub(a, b).n;
          expect(compare(a, b)).toBe(s < 0n ? -1 : s > 0n ? 1 : 0);
          expect(compare(a, b)).toBe(-compare(b, a) as -1 | 0 | 1);
          expect(compare(min(a, b), max(a, b)) <= 0).toBe(true);
        }),
      );
    });
    it("floor ≤ value ≤ floor + 1 unit; truncate moves towards zero; half-up is within half a unit", () => {
      fc.assert(
        fc.property(arbQ, fc.integer({ min: 0, max: 4 }), (a, decimals) => {
          const unit = rational(1n, 10n ** BigInt(decimals));
          const fl = roundTo(a, decimals, "floor");
          expect(compare(fl, a) <= 0).toBe(true);
          expect(compare(a, add(fl, unit)) < 0).toBe(true);
          const tr = roundTo(a, decimals, "truncate");
          const absLe = (x: Rational, y: Rational) => compare(x.n < 0n ? neg(x) : x, y.n < 0n ? neg(y) : y) <= 0;
          expect(absLe(tr, a)).toBe(true);
          for (const mode of ["half-up", "half-even"] as const) {
            const r = roundTo(a, decimals, mode);
            const diff = sub(r, a);
            expect(compare(diff.n < 0n ? neg(diff) : diff, mul(unit, rational(1, 2))) <= 0).toBe(true);
          }
        }),
      );
    });
    it("roundToUnits on an exact decimal returns its units in every mode", () => {
      fc.assert(
        fc.property(arbBig, fc.integer({ min: 0, max: 3 }), (units, decimals) => {
          const r = rational(units, 10n ** BigInt(decimals));
          for (const mode of ["floor", "truncate", "half-up", "half-even"] as const) expect(roundToUnits(r, decimals, mode)).toBe(units);
        }),
      );
    });
    it("sum equals a left fold of add", () => {
      fc.assert(
        fc.property(fc.array(arbQ, { maxLength: 8 }), (xs) => {
          expect(sum(xs)).toEqual(xs.reduce(add, ZERO));
        }),
      );
    });
  });
});
