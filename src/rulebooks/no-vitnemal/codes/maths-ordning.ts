/**
 * §4.6 "Kombinasjon i Kunnskapsløftet av matematikk etter ny og gammel ordning" — the seed's code table as data, with
 * each code's validity by half-year (the "År" column of the line) for elever and for privatister:
 *
 *   Gammel ordning (fra 2006 t.o.m. vår 2009 vg1 / 2010 vg2)
 *   vg1: Fagkoder MAT1002 eller MAT1007
 *   vg2: Fagkoder MAT1003 eller MAT1008 – omfattet hele faget
 *   Ny ordning
 *   vg1: Fagkoder MAT1011 eller MAT1013
 *   vg2: Fagkoder MAT1015 eller MAT1017
 *
 * and "Til og med våren 2012 var det mulig for privatister å forbedre eller ta førstegangseksamen på vg2 etter gammel
 * ordning". Choices (docs/rulebooks/003-vitnemal.md, §4): "fra 2006" = from H2006 (the first LK06 half-year); the
 * new scheme starts the half-year after the old vg1 ends (H2009), for vg1 and vg2 alike ("kan fullføre vg2 matematikk
 * som elev/privatist etter ny ordning"); the seed gives the new codes no end. Old vg1 for privatists ends with the old
 * scheme (V2009): the seed's privatist extension names vg2 only.
 */
import type { HalfYear } from "../../../kernel/time/half-year.ts";
import type { Citation } from "../../../kernel/law.ts";
import { seed003 } from "../cite.ts";

export interface MathsOrdningRow {
  fagkode: string;
  ordning: "gammel" | "ny";
  level: "VG1" | "VG2";
  /** "omfattet hele faget": the old vg2 code covers vg1 and vg2. */
  wholeSubject: boolean;
  validFrom: HalfYear;
  /** Last half-year for elever (and every status but privatist); absent = open. */
  lastElev?: HalfYear;
  /** Last half-year for privatister; absent = open. */
  lastPrivatist?: HalfYear;
  quote: string;
  cite: Citation;
}

const H2006: HalfYear = { year: 2006, half: "H" };
const H2009: HalfYear = { year: 2009, half: "H" };
const V2009: HalfYear = { year: 2009, half: "V" };
const V2010: HalfYear = { year: 2010, half: "V" };
const V2012: HalfYear = { year: 2012, half: "V" };

const OLD_VG1 = "Gammel ordning (fra 2006 t.o.m. vår 2009 vg1 …) vg1: Fagkoder MAT1002 eller MAT1007";
const OLD_VG2 = "Gammel ordning (… 2010 vg2) vg2: Fagkoder MAT1003 eller MAT1008 – omfattet hele faget; privatister t.o.m. våren 2012";
const NEW_VG1 = "Ny ordning vg1: Fagkoder MAT1011 eller MAT1013";
const NEW_VG2 = "Ny ordning vg2: Fagkoder MAT1015 eller MAT1017";

export const MATHS_ORDNING: readonly MathsOrdningRow[] = [
  { fagkode: "MAT1002", ordning: "gammel", level: "VG1", wholeSubject: false, validFrom: H2006, lastElev: V2009, lastPrivatist: V2009, quote: OLD_VG1, cite: seed003("4.6") },
  { fagkode: "MAT1007", ordning: "gammel", level: "VG1", wholeSubject: false, validFrom: H2006, lastElev: V2009, lastPrivatist: V2009, quote: OLD_VG1, cite: seed003("4.6") },
  { fagkode: "MAT1003", ordning: "gammel", level: "VG2", wholeSubject: true, validFrom: H2006, lastElev: V2010, lastPrivatist: V2012, quote: OLD_VG2, cite: seed003("4.6") },
  { fagkode: "MAT1008", ordning: "gammel", level: "VG2", wholeSubject: true, validFrom: H2006, lastElev: V2010, lastPrivatist: V2012, quote: OLD_VG2, cite: seed003("4.6") },
  { fagkode: "MAT1011", ordning: "ny", level: "VG1", wholeSubject: false, validFrom: H2009, quote: NEW_VG1, cite: seed003("4.6") },
  { fagkode: "MAT1013", ordning: "ny", level: "VG1", wholeSubject: false, validFrom: H2009, quote: NEW_VG1, cite: seed003("4.6") },
  { fagkode: "MAT1015", ordning: "ny", level: "VG2", wholeSubject: false, validFrom: H2009, quote: NEW_VG2, cite: seed003("4.6") },
  { fagkode: "MAT1017", ordning: "ny", level: "VG2", wholeSubject: false, validFrom: H2009, quote: NEW_VG2, cite: seed003("4.6") },
];

export function mathsOrdningRow(fagkode: string): MathsOrdningRow | undefined {
  return MATHS_ORDNING.find((r) => r.fagkode === fagkode.trim());
}
