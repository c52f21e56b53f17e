/**
 * The weights of § 40 (seed 002) as a dated code table: one row per item of § 40, stk. 1, each with its citation.
 *
 * § 58, stk. 3: "Bekendtgørelsens § 40 gælder dog ikke for elever, der har påbegyndt et 2-, 3- eller 4-årigt forløb
 * før den 1. august 2010. For disse elever gælder § 40 i bekendtgørelse nr. 738 af 9. juli 2009". The version is
 * picked by the date the examinee began the course (`Examinee.programmeStart`), not by the exam date. The weights of
 * BEK nr. 738/2009 are not in the seed, so that version has no rows: bevis refuses to compute rather than guess.
 */
import type { Validity } from "../../kernel/law.ts";
import { dec, type Rational } from "../../kernel/rational.ts";
import type { Component, Education, Level } from "./model.ts";

export interface WeightRow {
  /** A level (§ 40, stk. 1, nr. 1-3) or a named component (nr. 4-10). */
  key: { level: Level } | { component: Component };
  /** The educations the row is written for. */
  educations: readonly Education[];
  weight: Rational;
  /** The item of § 40 that fixes it. */
  ref: string;
  /** The seed's own words. */
  quote: string;
}

export interface WeightTableVersion extends Validity {
  /** Which order's § 40 this is. */
  source: string;
  /** null: the order's § 40 is not in the seed (BEK nr. 738/2009). */
  rows: readonly WeightRow[] | null;
  /** Citation of the transition rule that picks this version. */
  ref: string;
}

/** "De gymnasiale uddannelser og eux" — the heading above §§ 40–44. */
const GYM: readonly Education[] = ["stx", "hhx", "htx", "hf2", "eux"];

export const WEIGHTS_2010: readonly WeightRow[] = [
  { key: { level: "A" }, educations: GYM, weight: dec("2"), ref: "§ 40, stk. 1, nr. 1", quote: "Fag på A-niveau tildeles vægten 2." },
  { key: { level: "B" }, educations: GYM, weight: dec("1,5"), ref: "§ 40, stk. 1, nr. 2", quote: "Fag på B-niveau tildeles vægten 1,5." },
  { key: { level: "C" }, educations: GYM, weight: dec("1"), ref: "§ 40, stk. 1, nr. 3", quote: "Fag på C-niveau tildeles vægten 1." },
  {
    key: { component: "srp" },
    educations: ["stx", "hhx", "htx"],
    weight: dec("2"),
    ref: "§ 40, stk. 1, nr. 4",
    quote: "Studieretningsprojektet i stx, i hhx og i htx tildeles vægten 2.",
  },
  { key: { component: "at" }, educations: ["stx"], weight: dec("1,5"), ref: "§ 40, stk. 1, nr. 5", quote: "Almen studieforberedelse i stx tildeles vægten 1,5." },
  {
    key: { component: "studieomraade" },
    educations: ["hhx", "htx"],
    weight: dec("2"),
    ref: "§ 40, stk. 1, nr. 6",
    quote: "Studieområdet i hhx og i htx tildeles vægten 2.",
  },
  {
    key: { component: "sso" },
    educations: ["hf2", "eux"],
    weight: dec("1,5"),
    ref: "§ 40, stk. 1, nr. 7",
    quote: "Den større skriftlige opgave på hf og i eux-forløb tildeles vægten 1,5.",
  },
  {
    key: { component: "eksamensprojekt" },
    educations: ["hf2", "eux"],
    weight: dec("1,5"),
    ref: "§ 40, stk. 1, nr. 8",
    quote: "Eksamensprojektet på hf og i eux-forløb tildeles vægten 1,5.",
  },
  { key: { component: "nf" }, educations: ["hf2"], weight: dec("1,5"), ref: "§ 40, stk. 1, nr. 9", quote: "Den naturvidenskabelige faggruppe på hf tildeles vægten 1,5." },
  { key: { component: "ks" }, educations: ["hf2"], weight: dec("2"), ref: "§ 40, stk. 1, nr. 10", quote: "Kultur- og samfundsfagsfaggruppen på hf tildeles vægten 2." },
];

export const WEIGHT_VERSIONS: readonly WeightTableVersion[] = [
  { validTo: "2010-07-31", source: "BEK nr. 738 af 9. juli 2009, § 40", rows: null, ref: "§ 58, stk. 3" },
  { validFrom: "2010-08-01", source: "Eksamensbekendtgørelsen 2010, § 40", rows: WEIGHTS_2010, ref: "§ 58, stk. 3" },
];

/**
 * The § 42, stk. 2 thresholds: "ét ekstra fag på A-niveau betyder, at den pågældende ... samlet har: 1) Hf - 2
 * A-niveauer. 2) Stx - 5 A-niveauer. 3) Hhx - 5 A-niveauer. 4) Htx - 4 A-niveauer. 5) Eux - 2 A-niveauer".
 */
export const A_LEVELS_FOR_ONE_EXTRA: Readonly<Partial<Record<Education, { count: number; ref: string }>>> = {
  hf2: { count: 2, ref: "§ 42, stk. 2, nr. 1" },
  stx: { count: 5, ref: "§ 42, stk. 2, nr. 2" },
  hhx: { count: 5, ref: "§ 42, stk. 2, nr. 3" },
  htx: { count: 4, ref: "§ 42, stk. 2, nr. 4" },
  eux: { count: 2, ref: "§ 42, stk. 2, nr. 5" },
};

/** § 42, stk. 1: "multipliceret med 1,03 for gennemførelsen af ét ekstra fag på A-niveau og med 1,06 for gennemførelse af 2 eller flere". */
export const A_LEVEL_FACTORS = { none: dec("1"), one: dec("1,03"), twoOrMore: dec("1,06") } as const;
