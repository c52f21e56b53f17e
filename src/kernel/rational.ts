/**
 * Exact rational numbers for averages and weights (ARCHITECTURE: "averages in exact rationals; rounding is a named,
 * cited step"). A Rational is always normalised: the denominator is positive and shares no factor with the numerator,
 * so two equal numbers have equal fields. No floating point is used anywhere in this file.
 */

/** n / d with bigint parts; only the functions of this module make one (always normalised). */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n / d, normalised. Throws RangeError on a zero denominator (a programming error, never a business outcome). */
export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = typeof n === "number" ? intToBig(n) : n;
  let dd = typeof d === "number" ? intToBig(d) : d;
  if (dd === 0n) throw new RangeError("denominator is zero");
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}

function intToBig(x: number): bigint {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${x} is not a safe integer`);
  return BigInt(x);
}

export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

/**
 * Parses a plain decimal as people write it, with a comma or a point: "1,03" → 103/100, "-3" → -3, "1.5" → 3/2.
 * Returns undefined for anything else (no exponents, no thousands separators).
 */
export function parseDecimal(s: string): Rational | undefined {
  const m = /^\s*([+-]?)(\d+)(?:[.,](\d+))?\s*$/.exec(s);
  if (!m) return undefined;
  const frac = m[3] ?? "";
  const n = BigInt(m[2]! + frac) * (m[1] === "-" ? -1n : 1n);
  return rational(n, 10n ** BigInt(frac.length));
}

/** Like parseDecimal, for constants in code: throws on a malformed literal. */
export function dec(s: string): Rational {
  const r = parseDecimal(s);
  if (r === undefined) throw new RangeError(`not a decimal: ${s}`);
  return r;
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });

/** a / b; throws RangeError when b is zero (callers check for an empty sum of weights first). */
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("division by zero");
  return rational(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const eq = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;
export const lt = (a: Rational, b: Rational): boolean => compare(a, b) < 0;
export const gte = (a: Rational, b: Rational): boolean => compare(a, b) >= 0;
export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);

export function sum(xs: readonly Rational[]): Rational {
  let s = ZERO;
  for (const x of xs) s = add(s, x);
  return s;
}

/** How a rational is brought to a fixed number of decimals. */
export type RoundingMode =
  /** Towards −∞: the shown value is never above the exact one. */
  | "floor"
  /** Towards zero (drop the further digits). */
  | "truncate"
  /** To the nearest; a half goes away from zero (the usual school rounding). */
  | "half-up"
  /** To the nearest; a half goes to the even neighbour. */
  | "half-even";

/**
 * The named rounding step: `r` rounded to `decimals` decimal places under `mode`, returned as an integer count of
 * 10^-decimals units (e.g. 2.46 with 1 decimal, half-up → 25n). Exact: no floating point.
 */
export function roundToUnits(r: Rational, decimals: number, mode: RoundingMode): bigint {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError("decimals must be a non-negative integer");
  const scaled = r.n * 10n ** BigInt(decimals); // value in units = scaled / r.d
  const d = r.d;
  const q = scaled / d; // truncated towards zero
  const rem = scaled % d; // same sign as scaled
  if (rem === 0n) return q;
  const negative = scaled < 0n;
  const absRem2 = (rem < 0n ? -rem : rem) * 2n;
  switch (mode) {
    case "truncate":
      return q;
    case "floor":
      return negative ? q - 1n : q;
    case "half-up":
      if (absRem2 >= d) return negative ? q - 1n : q + 1n;
      return q;
    case "half-even": {
      if (absRem2 > d || (absRem2 === d && q % 2n !== 0n)) return negative ? q - 1n : q + 1n;
      return q;
    }
  }
}

/** The rounded value as a Rational (units / 10^decimals). */
export function roundTo(r: Rational, decimals: number, mode: RoundingMode): Rational {
  return rational(roundToUnits(r, decimals, mode), 10n ** BigInt(decimals));
}

/**
 * Formats `r` with exactly `decimals` decimals after rounding under `mode`, with the given decimal separator:
 * (123/50, 1, "half-up", ",") → "2,5". Danish uses ",", English ".".
 */
export function formatRational(r: Rational, decimals: number, mode: RoundingMode, separator: "," | "." = "."): string {
  const units = roundToUnits(r, decimals, mode);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? separator + frac : ""}`;
}

/** The exact value as "n/d" (or "n" for an integer), for logs and step-by-step explanations. */
export function rationalToString(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

/** A float approximation, for charts and sorting displays only; never for a decision. */
export function toNumberApprox(r: Rational): number {
  return Number(r.n) / Number(r.d);
}
