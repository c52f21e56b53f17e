/**
 * Norwegian fødselsnummer and D-nummer: DDMMYY + individnummer (3) + two check digits.
 *
 * facts.md, "Fødselsnummer / D-nummer": "11 digits, two mod-11 check digits; D-nummer adds 4 to the first digit;
 * a maintained validator: npm @navikt/fnrvalidator (NAV)". The check digits are verified by that library (which also
 * accepts the first check digit of the numbering scheme Skatteetaten announced for 2032); the birth date is checked
 * here with the century the individnummer gives, so 29 Feb 1900 is refused although 29 Feb 2000 is accepted.
 *
 * H-nummer (health-sector help numbers, month + 40) and synthetic test numbers (Test Norge / Tenor, month + 80) are
 * recognised but refused: they identify no one in Folkeregisteret and must not reach a diploma or a report.
 * A fødselsnummer never appears unmasked in a finding.
 */
import { getType, idnr } from "@navikt/fnrvalidator";
import { decision, type Decision, type Texts } from "../law.ts";
import { isoDate, isRealDate, type IsoDate } from "../time/date.ts";
import { idFinding, maskAfterSixDigits } from "./common.ts";

/** A fødselsnummer or D-nummer, normalised to 11 digits; only `parseFodselsnummer` makes one. */
export type Fodselsnummer = string & { readonly __brand: "Fodselsnummer" };

const REF = "facts.md: Fødselsnummer / D-nummer";
const FNR = /^(\d{6})[ -]?(\d{5})$/;

/**
 * The century from the individnummer (digits 7–9) and the two-digit year (Skatteetaten's allocation):
 * 000–499 → 1900–1999; 500–749 with YY 54–99 → 1854–1899; 500–999 with YY 00–39 → 2000–2039;
 * 900–999 with YY 40–99 → 1940–1999. Other combinations were never allocated: undefined.
 */
export function fnrCentury(individnummer: number, yy: number): 1800 | 1900 | 2000 | undefined {
  if (individnummer <= 499) return 1900;
  if (yy <= 39) return 2000;
  if (individnummer <= 749 && yy >= 54) return 1800;
  if (individnummer >= 900) return 1900;
  return undefined;
}

/** Whether the number is a D-nummer (first digit 4–7: day + 40). */
export const isDnummer = (digits: string): boolean => Number(digits[0]) >= 4;

function birthParts(digits: string): { y: number | undefined; m: number; d: number } {
  const yy = Number(digits.slice(4, 6));
  const century = fnrCentury(Number(digits.slice(6, 9)), yy);
  const day = Number(digits.slice(0, 2)) - (isDnummer(digits) ? 40 : 0);
  return { y: century === undefined ? undefined : century + yy, m: Number(digits.slice(2, 4)), d: day };
}

/** The birth date the number encodes (D-nummer: first digit minus 4; century from the individnummer ranges). */
export function fodselsnummerBirthDate(id: Fodselsnummer): IsoDate {
  const { y, m, d } = birthParts(id);
  if (y === undefined || !isRealDate(y, m, d)) throw new Error("not a parsed fødselsnummer");
  return isoDate(y, m, d);
}

/** "DDMMYYxxxxx". Safe on any input: malformed input keeps at most its first six digits, later digits become "x". */
export function maskFodselsnummer(s: string): string {
  const m = FNR.exec(s.trim());
  if (m) return `${m[1]}xxxxx`;
  return maskAfterSixDigits(s);
}

/**
 * Parses a fødselsnummer or D-nummer: 11 digits (a space or dash after the date part allowed), valid check digits,
 * an allocated individnummer range for the year, and a birth date that exists.
 */
export function parseFodselsnummer(
  input: string,
  field = "fodselsnummer",
): Decision<{ id: Fodselsnummer; kind: "fnr" | "dnr" } | null> {
  type V = { id: Fodselsnummer; kind: "fnr" | "dnr" } | null;
  const masked = maskFodselsnummer(input);
  const fail = (rule: string, message: Texts) => decision<V>(null, [idFinding(`id.fnr.${rule}`, "error", REF, message, field, masked)]);
  const m = FNR.exec(input.trim());
  if (!m) {
    if (input.trim() === "")
      return fail("missing", {
        en: `Field "${field}": a fødselsnummer or D-nummer is required.`,
        da: `Feltet "${field}": fødselsnummer eller D-nummer mangler.`,
        nb: `Feltet "${field}": fødselsnummer eller D-nummer mangler.`,
      });
    return fail("format", {
      en: `Field "${field}": "${masked}" is not a fødselsnummer or D-nummer; it must be 11 digits.`,
      da: `Feltet "${field}": "${masked}" er ikke et norsk fødselsnummer eller D-nummer; det skal være 11 cifre.`,
      nb: `Feltet "${field}": "${masked}" er ikke et fødselsnummer eller D-nummer; det må være 11 siffer.`,
    });
  }
  const digits = `${m[1]}${m[2]}`;
  const result = idnr(digits);
  if (result.status === "invalid" && result.reasons.includes("checksums don't match"))
    return fail("checksum", {
      en: `Field "${field}": ${masked} has wrong check digits (modulus 11); check for a mistyped digit.`,
      da: `Feltet "${field}": ${masked} har forkerte kontrolcifre (modulus 11); kontrollér for et fejltastet ciffer.`,
      nb: `Feltet "${field}": ${masked} har feil kontrollsiffer (modulus 11); sjekk om et siffer er feil.`,
    });
  const type = getType(digits);
  if (type === "hnr" || type === "dnr-and-hnr")
    return fail("hnr", {
      en: `Field "${field}": ${masked} is an H-nummer (a health-sector help number), not a fødselsnummer or D-nummer.`,
      da: `Feltet "${field}": ${masked} er et H-nummer (et hjælpenummer i sundhedssektoren), ikke et fødselsnummer eller D-nummer.`,
      nb: `Feltet "${field}": ${masked} er et H-nummer (hjelpenummer i helsesektoren), ikke et fødselsnummer eller D-nummer.`,
    });
  if (type === "tnr" || type === "dnr-and-tnr")
    return fail("synthetic", {
      en: `Field "${field}": ${masked} is a synthetic test number (month + 80), not a real fødselsnummer or D-nummer.`,
      da: `Feltet "${field}": ${masked} er et syntetisk testnummer (måned + 80), ikke et rigtigt fødselsnummer eller D-nummer.`,
      nb: `Feltet "${field}": ${masked} er et syntetisk testnummer (måned + 80), ikke et ekte fødselsnummer eller D-nummer.`,
    });
  const { y, m: month, d } = birthParts(digits);
  if (y === undefined)
    return fail("individnummer", {
      en: `Field "${field}": ${masked}: the individnummer is outside the ranges allocated for birth year ..${digits.slice(4, 6)}.`,
      da: `Feltet "${field}": ${masked}: individnummeret ligger uden for de serier, der er tildelt fødselsår ..${digits.slice(4, 6)}.`,
      nb: `Feltet "${field}": ${masked}: individnummeret ligger utenfor seriene som er tildelt fødselsår ..${digits.slice(4, 6)}.`,
    });
  if (!isRealDate(y, month, d))
    return fail("date", {
      en: `Field "${field}": ${masked} has no valid birth date (day ${d}, month ${month}, year ${y}).`,
      da: `Feltet "${field}": ${masked} har ikke en gyldig fødselsdato (dag ${d}, måned ${month}, år ${y}).`,
      nb: `Feltet "${field}": ${masked} har ingen gyldig fødselsdato (dag ${d}, måned ${month}, år ${y}).`,
    });
  // Any other reason from the library (none is known besides length, checksum and date) is still a refusal.
  if (result.status === "invalid")
    return fail("invalid", {
      en: `Field "${field}": ${masked} is not a valid fødselsnummer or D-nummer.`,
      da: `Feltet "${field}": ${masked} er ikke et gyldigt fødselsnummer eller D-nummer.`,
      nb: `Feltet "${field}": ${masked} er ikke et gyldig fødselsnummer eller D-nummer.`,
    });
  return decision<V>({ id: digits as Fodselsnummer, kind: isDnummer(digits) ? "dnr" : "fnr" });
}
