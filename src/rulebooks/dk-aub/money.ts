/**
 * Money for the AUB rulebook (seed 004): amounts are integer øre in safe JavaScript integers, never floating point.
 * Every rounding is a named function with a citation at the place it is used.
 */

/** An amount in øre (1 krone = 100 øre). Always a safe integer; may be negative for a difference or a repayment. */
export type Oere = number;

/** True when `x` is an integer that JavaScript represents exactly (|x| < 2^53). */
export function isOere(x: unknown): x is Oere {
  return typeof x === "number" && Number.isSafeInteger(x);
}

/**
 * n / d rounded to the nearest whole øre, halves away from zero ("afrundes til nærmeste hele øre"). Exact: computed
 * with bigint, so products larger than 2^53 do not lose digits. `d` must be positive.
 */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divisor must be positive");
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = a / d;
  const r = a % d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** n / d rounded towards zero (the remainder is dropped). `d` must be positive. */
export function divTrunc(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divisor must be positive");
  return n / d;
}

/** Back from bigint to a safe-integer øre amount; throws only on a programming error (an amount beyond 2^53 øre). */
export function toOere(x: bigint): Oere {
  const n = Number(x);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${x} øre is beyond the safe integer range`);
  return n;
}

/** Sum of øre amounts (exact as long as the result is a safe integer, which `toOere` checks). */
export function sumOere(xs: readonly Oere[]): Oere {
  let s = 0n;
  for (const x of xs) s += BigInt(x);
  return toOere(s);
}

/** Danish display: 157385 → "1.573,85 kr."; negative amounts get a leading minus. */
export function formatKroner(oere: Oere): string {
  const neg = oere < 0;
  const a = Math.abs(oere);
  const kr = Math.floor(a / 100);
  const ore = a % 100;
  const grouped = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${neg ? "-" : ""}${grouped},${String(ore).padStart(2, "0")} kr.`;
}

/** English display: 157385 → "DKK 1,573.85". */
export function formatDkk(oere: Oere): string {
  const neg = oere < 0;
  const a = Math.abs(oere);
  const kr = Math.floor(a / 100);
  const ore = a % 100;
  const grouped = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}DKK ${grouped}.${String(ore).padStart(2, "0")}`;
}
