/**
 * The one parser for programområdekoder (programme-area codes), seed 003 §2.3:
 *
 * "Det er kun de sentralt gitte programområdekodene som kan føres på kompetansebeviset og vitnemålet. Disse har formen
 * 5 bokstaver, 1 tall og 4 bindestreker. Unntaket er Den Tyske Skole Oslo, Steinerskoler og Montessoriskoler som har
 * fått tildelt egne koder som inneholder bokstaver i 7. og 8. posisjon. Elever på ungdomstrinnet som tar fag fra
 * videregående opplæring skal ha koden GSGSK0VG— på sitt kompetansebevis."
 *
 * and the transitional Reform 94 codes of §13.2: «R94GK1----» (grunnkurs for vg1) and «R94VKI----» (VKI for vg2).
 *
 * Structure of an ordinary code: 2 letters utdanningsprogram (e.g. "ST"), 3 letters programområde ("USP"), 1 digit
 * level (1–4 = vg1–vg4), 4 hyphens. "GSGSK0VG--" (level 0 = ungdomstrinnet) has letters in positions 7–8 too.
 * The seed prints the ungdomstrinn code as "GSGSK0VG—" (a typographic dash for "--"): bevis reads that form as an error
 * with a hint, and writes the code with two hyphens.
 */
import { decision, type Decision, type Finding } from "../../../kernel/law.ts";
import { vmFinding } from "../cite.ts";
import type { Level } from "../model.ts";

export type ProgrammeAreaCodeKind = "ordinary" | "variant" | "grunnskole" | "r94";

export interface ParsedProgrammeArea {
  code: string;
  kind: ProgrammeAreaCodeKind;
  /** The 2-letter utdanningsprogram ("ST", "EL", "PB", "GS"); absent for R94 codes. */
  utdanningsprogram?: string;
  level: Level;
  /** Positions 7–8 when they are letters (Den Tyske Skole Oslo, Steiner, Montessori; "VG" in GSGSK0VG--). */
  variant?: string;
}

/** The ungdomstrinn code of §2.3 and §7.7. */
export const GRUNNSKOLE_CODE = "GSGSK0VG--";
/** «Fag for studiekompetanse», §4.3 and §4.4. */
export const FAG_FOR_STUDIEKOMPETANSE = "PBPBY4----";
/** §13.2: R94 grunnkurs (vg1) and VKI (vg2). */
export const R94_CODES: Readonly<Record<string, Level>> = { "R94GK1----": "VG1", "R94VKI----": "VG2" };

const ORDINARY = /^([A-Z]{2})([A-Z]{3})([0-9])(----)$/;
const VARIANT = /^([A-Z]{2})([A-Z]{3})([0-9])([A-Z]{2})(--)$/;

export interface ParseOptions {
  /** The issuer is Den Tyske Skole Oslo, a Steiner school or a Montessori school (codes with letters in 7–8). */
  variantSchool?: boolean;
  /** The field name for findings. */
  field?: string;
}

const LEVELS: Record<string, Level> = { "0": "GS", "1": "VG1", "2": "VG2", "3": "VG3", "4": "VG4" };

/**
 * Parses a programme-area code. Returns the parsed code, or null with an error finding citing §2.3 (or §13.2).
 * Surrounding white space is ignored; letters must be capitals as Udir writes them.
 */
export function parseProgrammeAreaCode(input: string, opts: ParseOptions = {}): Decision<ParsedProgrammeArea | null> {
  const field = opts.field ?? "programomradekode";
  const code = input.trim();
  const fail = (rule: string, nb: string, en: string, ref = "2.3"): Decision<ParsedProgrammeArea | null> =>
    decision<ParsedProgrammeArea | null>(null, [vmFinding(`programme-area.${rule}`, "error", ref, nb, en, field, code.slice(0, 24))]);

  if (code === "")
    return fail("missing", "Programområdekode mangler.", "A programme-area code is required.");

  const r94 = R94_CODES[code];
  if (r94 !== undefined) {
    const f: Finding = vmFinding(
      "programme-area.r94",
      "info",
      "13.2",
      `${code} er en overgangskode for Reform 94 (grunnkurs/VKI fullført og bestått før 01.08.2010); rubrikken for utdanningsprogram fylles ikke ut.`,
      `${code} is a Reform 94 transitional code (grunnkurs/VKI completed and passed before 01.08.2010); the utdanningsprogram column stays empty.`,
      field,
      code,
    );
    return decision<ParsedProgrammeArea | null>({ code, kind: "r94", level: r94 }, [f]);
  }

  if (/[\u2010-\u2015]/.test(code))
    return fail(
      "dash",
      `«${code}» inneholder en tankestrek; programområdekoder skrives med bindestreker (f.eks. ${GRUNNSKOLE_CODE}).`,
      `"${code}" contains a typographic dash; programme-area codes use hyphens (e.g. ${GRUNNSKOLE_CODE}).`,
    );

  if (code.length !== 10)
    return fail(
      "length",
      `«${code}» er ikke en programområdekode: den må ha 10 tegn (5 bokstaver, 1 tall og 4 bindestreker).`,
      `"${code}" is not a programme-area code: it must have 10 characters (5 letters, 1 digit and 4 hyphens).`,
    );

  if (code === GRUNNSKOLE_CODE)
    return decision<ParsedProgrammeArea | null>({ code, kind: "grunnskole", utdanningsprogram: "GS", level: "GS", variant: "VG" });

  const o = ORDINARY.exec(code);
  const v = o === null ? VARIANT.exec(code) : null;
  const m = o ?? v;
  if (m === null || m[1] === undefined || m[3] === undefined)
    return fail(
      "format",
      `«${code}» har ikke formen 5 bokstaver, 1 tall og 4 bindestreker (f.eks. STUSP1----).`,
      `"${code}" does not have the form 5 letters, 1 digit and 4 hyphens (e.g. STUSP1----).`,
    );
  const level = LEVELS[m[3]];
  if (level === undefined || level === "GS")
    return fail(
      "level",
      `«${code}»: tallet i 6. posisjon er årstrinnet og må være 1–4 (vg1–vg4).`,
      `"${code}": the digit in position 6 is the level and must be 1–4 (vg1–vg4).`,
    );
  if (v !== null) {
    if (opts.variantSchool !== true)
      return fail(
        "variant",
        `«${code}» har bokstaver i 7. og 8. posisjon; slike koder er bare tildelt Den Tyske Skole Oslo, steinerskoler og montessoriskoler.`,
        `"${code}" has letters in positions 7–8; such codes are assigned only to Den Tyske Skole Oslo, Steiner and Montessori schools.`,
      );
    return decision<ParsedProgrammeArea | null>({ code, kind: "variant", utdanningsprogram: m[1], level, variant: v[4] ?? "" });
  }
  return decision<ParsedProgrammeArea | null>({ code, kind: "ordinary", utdanningsprogram: m[1], level });
}
