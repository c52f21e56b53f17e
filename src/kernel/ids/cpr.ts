/**
 * Danish CPR number (personnummer): DDMMYY-SSSS.
 *
 * facts.md, "CPR number": "DDMMYY-SSSS; the 7th digit with YY gives the century; the modulus-11 check is NOT
 * required (numbers without it are issued since 2007)". A CPR number never appears unmasked in a finding.
 */
import { decision, type Decision, type Finding } from "../law.ts";
import { isoDate, isRealDate, type IsoDate } from "../time/date.ts";
import { idFinding, maskAfterSixDigits, mod11Holds } from "./common.ts";

/** A CPR number, normalised to 10 digits without the dash; only `parseCpr` makes one. */
export type Cpr = string & { readonly __brand: "Cpr" };

const REF = "facts.md: CPR number";
const CPR = /^(\d{6})[-\u2010-\u2013 ]?(\d{4})$/;
/** The classic CPR modulus-11 weights (no longer required; reported as information). */
export const CPR_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * The century of a CPR number from its 7th digit and the two-digit year (CPR-kontoret's table):
 *
 * | 7th digit | YY 00–36 | YY 37–57 | YY 58–99 |
 * |-----------|----------|----------|----------|
 * | 0–3       | 1900     | 1900     | 1900     |
 * | 4, 9      | 2000     | 1900     | 1900     |
 * | 5–8       | 2000     | 2000     | 1800     |
 */
export function cprCentury(seventhDigit: number, yy: number): 1800 | 1900 | 2000 {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** The full birth year of a 10-digit CPR string. */
function birthYear(digits: string): number {
  const yy = Number(digits.slice(4, 6));
  return cprCentury(Number(digits[6]), yy) + yy;
}

/** The birth date a CPR number encodes. */
export function cprBirthDate(cpr: Cpr): IsoDate {
  return isoDate(birthYear(cpr), Number(cpr.slice(2, 4)), Number(cpr.slice(0, 2)));
}

/** Whether the old modulus-11 check holds (information only: not required since 2007). */
export function cprMod11Holds(cpr: Cpr): boolean {
  return mod11Holds(cpr, CPR_WEIGHTS);
}

/** "DDMMYY-xxxx". Safe on any input: malformed input keeps at most its first six digits, later digits become "x". */
export function maskCpr(cpr: string): string {
  const m = CPR.exec(cpr.trim());
  if (m) return `${m[1]}-xxxx`;
  return maskAfterSixDigits(cpr);
}

/** Formats a CPR number the way people write it: "DDMMYY-SSSS" (only for places where the full number may be shown). */
export function formatCpr(cpr: Cpr): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

/**
 * Parses a CPR number. Accepts "DDMMYY-SSSS" and "DDMMYYSSSS" (also a space or a typographic dash between the parts)
 * with surrounding spaces. The date must exist in the century given by the 7th digit. The modulus-11 check is not
 * required: an info finding says whether it holds. Value: the normalised number, or null with an error finding.
 */
export function parseCpr(input: string, field = "cpr"): Decision<Cpr | null> {
  const masked = maskCpr(input);
  const m = CPR.exec(input.trim());
  if (!m) {
    const empty = input.trim() === "";
    return decision<Cpr | null>(null, [
      idFinding(
        empty ? "id.cpr.missing" : "id.cpr.format",
        "error",
        REF,
        empty
          ? { en: `Field "${field}": a CPR number is required (DDMMYY-SSSS).`, da: `Feltet "${field}": CPR-nummer mangler (DDMMYY-SSSS).` }
          : {
              en: `Field "${field}": "${masked}" is not a CPR number; a CPR number is 10 digits, written DDMMYY-SSSS.`,
              da: `Feltet "${field}": "${masked}" er ikke et CPR-nummer; et CPR-nummer har 10 cifre og skrives DDMMYY-SSSS.`,
            },
        field,
        masked,
      ),
    ]);
  }
  const digits = `${m[1]}${m[2]}`;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = birthYear(digits);
  if (!isRealDate(year, month, day)) {
    return decision<Cpr | null>(null, [
      idFinding(
        "id.cpr.date",
        "error",
        REF,
        {
          en: `Field "${field}": CPR number ${masked} has no valid birth date: ${m[1]} read as day ${day}, month ${month}, year ${year} (the 7th digit with YY gives the century).`,
          da: `Feltet "${field}": CPR-nummer ${masked} har ikke en gyldig fødselsdato: ${m[1]} læst som dag ${day}, måned ${month}, år ${year} (7. ciffer og YY giver århundredet).`,
        },
        field,
        masked,
      ),
    ]);
  }
  const cpr = digits as Cpr;
  const holds = cprMod11Holds(cpr);
  const because: Finding[] = [
    idFinding(
      "id.cpr.mod11",
      "info",
      REF,
      holds
        ? {
            en: `CPR number ${masked}: the modulus-11 check holds (not required).`,
            da: `CPR-nummer ${masked}: modulus 11-kontrollen går op (kræves ikke).`,
          }
        : {
            en: `CPR number ${masked}: the modulus-11 check does not hold; that is allowed, CPR numbers without it are issued since 2007.`,
            da: `CPR-nummer ${masked}: modulus 11-kontrollen går ikke op; det er tilladt, CPR-numre uden den udstedes siden 2007.`,
          },
      field,
      masked,
    ),
  ];
  return decision<Cpr | null>(cpr, because);
}
