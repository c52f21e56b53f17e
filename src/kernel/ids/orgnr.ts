/**
 * Norwegian organisasjonsnummer (Enhetsregisteret, Brønnøysundregistrene).
 *
 * facts.md, "Organisasjonsnummer": "9 digits, mod-11 check digit with weights 3 2 7 6 5 4 3 2". The check digit is
 * 11 − (sum mod 11); remainder 0 gives 0 and remainder 1 gives no valid number.
 */
import { decision, type Decision } from "../law.ts";
import { clip, idFinding, weightedSum } from "./common.ts";

export type Orgnr = string & { readonly __brand: "Orgnr" };

export const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
const REF = "facts.md: Organisasjonsnummer";

/** The check digit for the first eight digits, or undefined when the remainder is 1 (no valid number). */
export function orgnrCheckDigit(first8: string): number | undefined {
  const r = weightedSum(first8, ORGNR_WEIGHTS) % 11;
  if (r === 0) return 0;
  if (r === 1) return undefined;
  return 11 - r;
}

/** "974 760 673": the grouping Brønnøysundregistrene print. */
export function formatOrgnr(o: Orgnr): string {
  return `${o.slice(0, 3)} ${o.slice(3, 6)} ${o.slice(6)}`;
}

/**
 * Parses an organisasjonsnummer: 9 digits (spaces allowed, also the VAT form "NO 974 760 673 MVA"), modulus 11 with
 * weights 3 2 7 6 5 4 3 2.
 */
export function parseOrgnr(input: string, field = "orgnr"): Decision<Orgnr | null> {
  const s = input.replace(/\s+/g, "").replace(/^NO(?=\d)/i, "").replace(/(?<=\d)MVA$/i, "");
  const shown = clip(input.trim());
  const fail = (rule: string, en: string, da: string, nb: string) =>
    decision<Orgnr | null>(null, [idFinding(`id.orgnr.${rule}`, "error", REF, { en, da, nb }, field, shown)]);
  if (s === "")
    return fail(
      "missing",
      `Field "${field}": an organisation number is required.`,
      `Feltet "${field}": organisationsnummer mangler.`,
      `Feltet "${field}": organisasjonsnummer mangler.`,
    );
  if (!/^\d{9}$/.test(s))
    return fail(
      "format",
      `Field "${field}": "${shown}" is not a Norwegian organisation number; it must be 9 digits.`,
      `Feltet "${field}": "${shown}" er ikke et norsk organisationsnummer; det skal være 9 cifre.`,
      `Feltet "${field}": "${shown}" er ikke et organisasjonsnummer; det må være 9 siffer.`,
    );
  if (orgnrCheckDigit(s) !== Number(s[8]))
    return fail(
      "checksum",
      `Field "${field}": organisation number "${shown}" fails the modulus-11 check (weights 3 2 7 6 5 4 3 2); check for a mistyped digit.`,
      `Feltet "${field}": organisationsnummer "${shown}" består ikke modulus 11-kontrollen (vægte 3 2 7 6 5 4 3 2).`,
      `Feltet "${field}": organisasjonsnummer "${shown}" har feil kontrollsiffer (modulus 11, vekter 3 2 7 6 5 4 3 2); sjekk om et siffer er feil.`,
    );
  return decision<Orgnr | null>(s as Orgnr);
}
