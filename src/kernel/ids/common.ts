/**
 * Helpers shared by the identifier parsers: weighted modulus-11 sums and the findings they produce.
 * Identifier findings cite `../shared/reference/facts.md`, where each identifier's rule and source is recorded.
 */
import { cite, finding, type Citation, type Finding, type Severity, type Texts } from "../law.ts";

/** The weighted digit sum of `digits` (a string of digits) with `weights`, position by position. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum;
}

/** True when the weighted sum over all digits is divisible by 11. */
export function mod11Holds(digits: string, weights: readonly number[]): boolean {
  return weights.length === digits.length && weightedSum(digits, weights) % 11 === 0;
}

export const refCite = (ref: string): Citation => cite("reference", ref);

/** An identifier finding: the field it concerns and the (already masked) offending value. */
export function idFinding(
  rule: string,
  severity: Severity,
  ref: string,
  message: Texts,
  field: string,
  maskedValue: string,
): Finding {
  return finding(rule, severity, refCite(ref), message, { subject: field, value: maskedValue });
}

/** Removes all white space (for numbers that people write in groups, "12 34 56 78"). */
export const stripSpaces = (s: string): string => s.replace(/\s+/g, "");

/** Shortens an echo of what was typed, so a finding never carries a whole pasted document. */
export function clip(s: string, max = 24): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}

/**
 * Masks a would-be personal number that could not be parsed: keeps at most the first six digits (the birth date,
 * which the normal mask shows too) and replaces every later digit by "x". Safe for any input.
 */
export function maskAfterSixDigits(s: string): string {
  let seen = 0;
  let out = "";
  for (const ch of clip(s.trim(), 20)) {
    if (ch >= "0" && ch <= "9") {
      seen++;
      out += seen <= 6 ? ch : "x";
    } else out += ch;
  }
  return out;
}
