/**
 * Test helper (not part of the kernel's runtime API): builders for synthetic, well-formed identifiers and fast-check
 * arbitraries over them, for this folder's tests and for rulebook tests and demo data that need valid ids.
 * Everything built here is synthetic; none of it is a real person's number by intent.
 */
import fc from "fast-check";
import { addDays, ymd, type IsoDate } from "../time/date.ts";
import { cprCentury, type Cpr } from "./cpr.ts";
import { cvrCheckDigit, type Cvr } from "./cvr.ts";
import { fnrCentury, type Fodselsnummer } from "./fodselsnummer.ts";
import { orgnrCheckDigit, type Orgnr } from "./orgnr.ts";

const two = (n: number) => String(n).padStart(2, "0");

/** The 7th CPR digits that give this birth year (empty outside 1858–2057). */
export function cprSeventhDigits(year: number): number[] {
  const yy = year % 100;
  return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((s) => cprCentury(s, yy) + yy === year);
}

/** A CPR number for a birth date; `pick` chooses among the allowed 7th digits, `serial` (0–999) fills the rest. */
export function cprFor(date: IsoDate, serial: number, pick = 0): Cpr | undefined {
  const { y, m, d } = ymd(date);
  const digits = cprSeventhDigits(y);
  if (digits.length === 0) return undefined;
  const seventh = digits[pick % digits.length] as number;
  return `${two(d)}${two(m)}${two(y % 100)}${seventh}${String(serial % 1000).padStart(3, "0")}` as Cpr;
}

/** The CVR/SE number with these first seven digits, or undefined when no check digit exists. */
export function cvrFrom(first7: string): Cvr | undefined {
  const c = cvrCheckDigit(first7);
  return c === undefined ? undefined : (`${first7}${c}` as Cvr);
}

/** The organisasjonsnummer with these first eight digits, or undefined when no check digit exists. */
export function orgnrFrom(first8: string): Orgnr | undefined {
  const c = orgnrCheckDigit(first8);
  return c === undefined ? undefined : (`${first8}${c}` as Orgnr);
}

/** The individnummer ranges allocated to a birth year (Skatteetaten), as [from, to] pairs. */
export function individnummerRanges(year: number): [number, number][] {
  if (year >= 1854 && year <= 1899) return [[500, 749]];
  if (year >= 1900 && year <= 1939) return [[0, 499]];
  if (year >= 1940 && year <= 1999) return [[0, 499], [900, 999]];
  if (year >= 2000 && year <= 2039) return [[500, 999]];
  return [];
}

function mod11Digit(digits: string, weights: readonly number[]): number | undefined {
  let sum = 0;
  weights.forEach((w, i) => (sum += w * Number(digits[i])));
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k === 10 ? undefined : k;
}

/** Appends the two classic check digits to nine digits, whatever they mean; undefined when a check digit would be 10. */
export function withFnrCheckDigits(first9: string): string | undefined {
  const k1 = mod11Digit(first9, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === undefined) return undefined;
  const k2 = mod11Digit(`${first9}${k1}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k2 === undefined ? undefined : `${first9}${k1}${k2}`;
}

/**
 * A fødselsnummer (or, with `dnr`, a D-nummer) for a birth date and individnummer, with the classic check digits;
 * undefined when the individnummer is not allocated to the year or a check digit would be 10.
 */
export function fodselsnummerFor(date: IsoDate, individnummer: number, dnr = false): Fodselsnummer | undefined {
  const { y, m, d } = ymd(date);
  if (fnrCentury(individnummer, y % 100) !== Math.floor(y / 100) * 100) return undefined;
  if (!individnummerRanges(y).some(([a, b]) => individnummer >= a && individnummer <= b)) return undefined;
  const base = `${two(d + (dnr ? 40 : 0))}${two(m)}${two(y % 100)}${String(individnummer).padStart(3, "0")}`;
  return withFnrCheckDigits(base) as Fodselsnummer | undefined;
}

/** A date between two dates, both included. */
export const dateBetween = (from: IsoDate, to: IsoDate): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: 0, max: Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) }).map((n) => addDays(from, n));

export const arbCpr: fc.Arbitrary<{ cpr: Cpr; date: IsoDate }> = fc
  .tuple(dateBetween("1858-01-01", "2057-12-31"), fc.integer({ min: 0, max: 999 }), fc.nat())
  .map(([date, serial, pick]) => ({ cpr: cprFor(date, serial, pick) as Cpr, date }));

export const arbCvr: fc.Arbitrary<Cvr> = fc
  .integer({ min: 1_000_000, max: 9_999_999 })
  .map((n) => cvrFrom(String(n)))
  .filter((c): c is Cvr => c !== undefined);

export const arbOrgnr: fc.Arbitrary<Orgnr> = fc
  .integer({ min: 0, max: 99_999_999 })
  .map((n) => orgnrFrom(String(n).padStart(8, "0")))
  .filter((o): o is Orgnr => o !== undefined);

export const arbFodselsnummer: fc.Arbitrary<{ id: Fodselsnummer; date: IsoDate; dnr: boolean }> = fc
  .tuple(dateBetween("1854-01-01", "2039-12-31"), fc.nat(), fc.boolean())
  .map(([date, pick, dnr]) => {
    const ranges = individnummerRanges(ymd(date).y);
    const sizes = ranges.map(([a, b]) => b - a + 1);
    let k = pick % sizes.reduce((s, n) => s + n, 0);
    let ind = 0;
    for (const [i, [a]] of ranges.entries()) {
      const size = sizes[i] as number;
      if (k < size) {
        ind = a + k;
        break;
      }
      k -= size;
    }
    return { id: fodselsnummerFor(date, ind, dnr), date, dnr };
  })
  .filter((x): x is { id: Fodselsnummer; date: IsoDate; dnr: boolean } => x.id !== undefined);

/** Every string that differs from `s` in exactly one digit. */
export function singleDigitChanges(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++)
    for (let d = 0; d <= 9; d++) if (String(d) !== s[i]) out.push(`${s.slice(0, i)}${d}${s.slice(i + 1)}`);
  return out;
}
