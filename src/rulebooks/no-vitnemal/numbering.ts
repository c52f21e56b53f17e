/**
 * Vitnemålsnummer / kompetansebevisnummer (seed 003 §2.8) — the document number, and NVB's Vgdoknr.
 *
 * §2.8: «For vitnemål fører dere et 18-sifret vitnemålsnummer som består av følgende: <V>, <skolens eller
 * fylkeskommunens organisasjonsnummer>, <åååå> og <løpenummer fem siffer>. Det skal være årstallet vitnemålet skrives
 * ut.» … «Løpenummeret genereres fortløpende og enhver endring av et vitnemål/kompetansebevis eller ny utstedelse krever
 * et nytt nummer.» NVB (nvb-format.md §3.3, V1 Vgdoknr, A18): «V (VM) or K (KB) + issuer orgnr (9) + year (4) + serial
 * 0001–9999 (4)».
 *
 * The two disagree, and the seed disagrees with itself: 1 + 9 + 4 + 5 = 19 characters, not 18. DECISION (docs
 * 003-vitnemal.md, "Numbering"): bevis writes the 18-character form that NVB imports — letter, orgnr, year, a 4-digit
 * serial 0001–9999 — which also matches the seed's own count of 18. A 19-character number (5-digit serial) is refused:
 * NVB would cut it to 18 characters (field width A18, "truncated inside the engine or at import"), and two documents
 * could then share a number. The serial runs per issuer, year and letter (V and K numbers cannot collide because the
 * letter is part of the number); when 9999 is reached, issuing is refused rather than wrapping (a number is never
 * reused). The year is the year of the issue date (§2.8), which is not always the year the pupil completed (NVB V6).
 *
 * Foreign schools: §2.8 lets «Godkjente norske skoler i utlandet som ikke har norsk organisasjonsnummer» use a foreign
 * number «selv om antall siffer da kan bli forskjellig»; NVB (§7.2) gives such schools a fictitious 9-digit orgnr starting
 * with 4. bevis requires 9 digits with a valid check digit (real or SO's fictitious number), so every number it issues
 * can be sent to NVB.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { parseOrgnr } from "../../kernel/ids/orgnr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { vmFinding } from "./cite.ts";
import type { DocumentKind } from "./layout.ts";

export type DocumentLetter = "V" | "K";

export interface DocumentNumber {
  letter: DocumentLetter;
  orgnr: string;
  year: number;
  serial: number;
}

/** Digits of the running number (decision above: NVB's 4, not the seed's 5). */
export const SERIAL_DIGITS = 4;
export const MAX_SERIAL = 9999;
export const NUMBER_LENGTH = 1 + 9 + 4 + SERIAL_DIGITS; // 18

/** §2.8: V for vitnemål, K for kompetansebevis. */
export const letterOf = (kind: DocumentKind): DocumentLetter => (kind === "vitnemal" ? "V" : "K");

/** «skrives sammenhengende uten mellomrom»: V97456781420250042. */
export function formatDocumentNumber(n: DocumentNumber): string {
  return `${n.letter}${n.orgnr}${String(n.year).padStart(4, "0")}${String(n.serial).padStart(SERIAL_DIGITS, "0")}`;
}

const NUMBER = /^([VK])(\d{9})(\d{4})(\d{4})$/;

/** Parses a document number of the 18-character form; explains a 19-character (5-digit serial) number. */
export function parseDocumentNumber(input: string, field = "documentNumber"): Decision<DocumentNumber | null> {
  const s = input.trim();
  const m = NUMBER.exec(s);
  if (!m) {
    const five = /^[VK]\d{9}\d{4}\d{5}$/.test(s);
    return decision<DocumentNumber | null>(null, [
      vmFinding(
        five ? "number.five-digit-serial" : "number.format",
        "error",
        "2.8",
        five
          ? `«${s}» har løpenummer med fem siffer (19 tegn). bevis bruker NVBs 18 tegn: V/K, organisasjonsnummer, år og løpenummer med fire siffer.`
          : `«${s}» er ikke et vitnemåls-/kompetansebevisnummer (V eller K, 9 siffer organisasjonsnummer, 4 siffer år, 4 siffer løpenummer).`,
        five
          ? `"${s}" has a five-digit serial (19 characters). bevis uses NVB's 18 characters: V/K, orgnr, year and a four-digit serial.`
          : `"${s}" is not a document number (V or K, 9-digit orgnr, 4-digit year, 4-digit serial).`,
        field,
        s,
      ),
    ]);
  }
  const n: DocumentNumber = { letter: m[1] as DocumentLetter, orgnr: m[2]!, year: Number(m[3]), serial: Number(m[4]) };
  if (n.serial === 0)
    return decision<DocumentNumber | null>(null, [
      vmFinding("number.serial-zero", "error", "2.8", "Løpenummeret begynner på 0001.", "The serial starts at 0001.", field, s),
    ]);
  return decision<DocumentNumber | null>(n);
}

/**
 * The next number for an issuer, document kind and issue date, given every number already issued (by anyone, in any
 * state: cancelled numbers count, so a number is never reused). Refuses an invalid orgnr and a full year (9999).
 */
export function nextDocumentNumber(
  used: Iterable<string>,
  issuer: { orgnr: string },
  kind: DocumentKind,
  issuedOn: IsoDate,
): Decision<string | null> {
  const org = parseOrgnr(issuer.orgnr, "issuer.orgnr");
  if (org.value === null)
    return decision<string | null>(null, [
      ...org.because,
      vmFinding(
        "number.orgnr",
        "error",
        "2.8",
        "Vitnemålsnummeret krever skolens eller fylkeskommunens organisasjonsnummer med 9 siffer (skoler i utlandet: fiktivt nummer fra Samordna opptak).",
        "The document number needs the issuer's 9-digit organisation number (schools abroad: the fictitious number from Samordna opptak).",
        "issuer.orgnr",
        issuer.orgnr,
      ),
    ]);
  const letter = letterOf(kind);
  const year = Number(issuedOn.slice(0, 4));
  let max = 0;
  for (const u of used) {
    const m = NUMBER.exec(u);
    if (m && m[1] === letter && m[2] === org.value && Number(m[3]) === year) max = Math.max(max, Number(m[4]));
  }
  if (max >= MAX_SERIAL)
    return decision<string | null>(null, [
      vmFinding(
        "number.exhausted",
        "error",
        "2.8",
        `Alle løpenumre 0001–9999 for ${letter}${org.value}${year} er brukt; et nummer brukes aldri på nytt.`,
        `All serials 0001–9999 of ${letter}${org.value}${year} are used; a number is never reused.`,
        "documentNumber",
      ),
    ]);
  const because: Finding[] = [];
  return decision<string | null>(formatDocumentNumber({ letter, orgnr: org.value, year, serial: max + 1 }), because);
}
