/**
 * Danish CVR numbers (the company register) and SE numbers (a company's tax registration units).
 *
 * facts.md, "CVR / SE number": "8 digits, mod-11 with weights 2 7 6 5 4 3 2 1" (Erhvervsstyrelsen). The first digit
 * is never 0. Both registers use the same rule; the types are kept apart so one cannot be passed for the other.
 */
import { decision, type Decision } from "../law.ts";
import { clip, idFinding, mod11Holds, stripSpaces } from "./common.ts";

export type Cvr = string & { readonly __brand: "Cvr" };
export type SeNumber = string & { readonly __brand: "SeNumber" };

export const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;
const REF = "facts.md: CVR / SE number";

/** The check digit that makes the first seven digits a valid CVR/SE number, or undefined when none exists (remainder 1). */
export function cvrCheckDigit(first7: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (CVR_WEIGHTS[i] ?? 0);
  const d = (11 - (sum % 11)) % 11;
  return d === 10 ? undefined : d;
}

type Kind = { name: "CVR" | "SE"; ruleId: "cvr" | "se"; da: string };
const KINDS = {
  cvr: { name: "CVR", ruleId: "cvr", da: "CVR-nummer" },
  se: { name: "SE", ruleId: "se", da: "SE-nummer" },
} satisfies Record<string, Kind>;

function parse8(input: string, field: string, k: Kind): Decision<string | null> {
  // People write "12 34 56 78" and, for VAT, "DK12345678".
  const s = stripSpaces(input).replace(/^DK/i, "");
  const shown = clip(input.trim());
  const fail = (rule: string, en: string, da: string) =>
    decision<string | null>(null, [idFinding(`id.${k.ruleId}.${rule}`, "error", REF, { en, da }, field, shown)]);
  if (s === "")
    return fail("missing", `Field "${field}": a ${k.name} number is required.`, `Feltet "${field}": ${k.da} mangler.`);
  if (!/^\d{8}$/.test(s))
    return fail(
      "format",
      `Field "${field}": "${shown}" is not a ${k.name} number; it must be 8 digits.`,
      `Feltet "${field}": "${shown}" er ikke et ${k.da}; det skal være 8 cifre.`,
    );
  if (s.startsWith("0"))
    return fail(
      "leading-zero",
      `Field "${field}": ${k.name} number "${shown}" cannot begin with 0.`,
      `Feltet "${field}": ${k.da} "${shown}" kan ikke begynde med 0.`,
    );
  if (!mod11Holds(s, CVR_WEIGHTS))
    return fail(
      "checksum",
      `Field "${field}": ${k.name} number "${shown}" fails the modulus-11 check (weights 2 7 6 5 4 3 2 1); check for a mistyped digit.`,
      `Feltet "${field}": ${k.da} "${shown}" består ikke modulus 11-kontrollen (vægte 2 7 6 5 4 3 2 1); kontrollér for et fejltastet ciffer.`,
    );
  return decision<string | null>(s);
}

/** Parses a CVR number: 8 digits (spaces and a "DK" prefix allowed), first digit not 0, modulus 11. */
export function parseCvr(input: string, field = "cvr"): Decision<Cvr | null> {
  return parse8(input, field, KINDS.cvr) as Decision<Cvr | null>;
}

/** Parses an SE number: the same rule as CVR. */
export function parseSe(input: string, field = "se"): Decision<SeNumber | null> {
  return parse8(input, field, KINDS.se) as Decision<SeNumber | null>;
}
