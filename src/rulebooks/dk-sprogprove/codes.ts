/**
 * The code tables of seed 001 ("Indberetning af sprogprøver i børnehaveklassen og 1.-9. klasse", STIL's guide for the
 * school year 2022/2023) as data: the passages of the guide, the result values, the attempt plan and the roles that
 * may submit. Every row carries the passage it comes from. No behaviour here beyond look-ups.
 */
import { cite, type Citation } from "../../kernel/law.ts";

/**
 * The guide's sections, by their heading as the guide writes it. A finding's `cite.ref` is one of these, so a reader can
 * find the words. (The guide has no paragraph numbers; the practical part numbers its steps 1, 2, 2.1–2.4.)
 */
export const REF = {
  intro: "Indledning",
  who: "Hvem skal indberette?",
  when: "Hvornår finder indberetningen sted?",
  what: "Hvad skal indberettes?",
  where: "Hvor finder indberetningen sted?",
  continuous: "Løbende registrering af sprogprøveforsøg og delprøver i børnehaveklassen",
  final: "Endelig indberetning af sprogprøveforsøg, resultater og fritagelser – børnehaveklassen samt 1.-9. klasse",
  whoMay: "Hvem kan indberette?",
  exemption: "Hvornår kan en elev fritages fra de obligatoriske sprogprøver?",
  permission: "Hvornår kan der gives særlig tilladelse til at rykke en børnehaveklasseelev op i 1. klasse - til trods for, at eleven er vurderet ikke-sprogparat?",
  step1: "Praktisk vejledning, 1. Udvælg elever, der skal til sprogprøve",
  step2: "Praktisk vejledning, 2. Indberet resultaterne til Børne- og Undervisningsministeriet",
  step21: "Praktisk vejledning, 2.1. Elever i børnehaveklassen",
  step22: "Praktisk vejledning, 2.2 Elever i 1.-9. klasse",
  step23: "Praktisk vejledning, 2.3 Fritagne elever",
  step24: "Praktisk vejledning, 2.4 Indberetning",
  receipt: "Kvittering",
} as const;

export type RefKey = keyof typeof REF;

/** A citation into seed 001 by the key of its heading. */
export const c001 = (key: RefKey): Citation => cite("001", REF[key]);

// ---------------------------------------------------------------------------------------------------------------------
// Result values

/** The result of one sprogprøveforsøg (language-test attempt), as bevis stores it. */
export type SprogproveResult = "sprogparat" | "ikke-sprogparat" | "intet-resultat";

export interface ResultRow {
  code: SprogproveResult;
  /** The official Danish label. */
  da: string;
  /** English gloss. */
  en: string;
  /** Whether the attempt was passed ("bestået"): the pupil was found sprogparat. */
  passed: boolean;
  /** The guide's words behind the row. */
  quote: string;
  cite: Citation[];
}

/** The three result values of an attempt. */
export const RESULTS: readonly ResultRow[] = [
  {
    code: "sprogparat",
    da: "Sprogparat",
    en: "Sprogparat (ready in language: passed)",
    passed: true,
    quote: "Hvis en elev, som vist i eksemplet ovenfor, er vurderet sprogparat efter 2. forsøg, …",
    cite: [c001("step21"), c001("step22")],
  },
  {
    code: "ikke-sprogparat",
    da: "Ikke sprogparat",
    en: "Ikke sprogparat (not ready in language: not passed)",
    passed: false,
    quote: "… til trods for, at eleven er vurderet ikke-sprogparat?",
    cite: [c001("permission")],
  },
  {
    code: "intet-resultat",
    da: "Intet resultat",
    en: "Intet resultat (no result: not taken, or after a Sprogparat attempt)",
    passed: false,
    quote: "… skal 3. og 4. forsøg udfyldes med 'Intet resultat'.",
    cite: [c001("step21"), c001("step22")],
  },
];

export function resultRow(code: SprogproveResult): ResultRow {
  const row = RESULTS.find((r) => r.code === code);
  if (!row) throw new Error(`unknown result code ${code}`); // unreachable for a typed code
  return row;
}

// ---------------------------------------------------------------------------------------------------------------------
// Attempts

/** Class level in the reported school year: 0 = børnehaveklassen (bh.kl., reception class), 1–9 = 1.–9. klasse. */
export type ClassLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** The two groups of the report: børnehaveklassen and 1.–9. klasse. */
export type Stage = "bhkl" | "1-9";

export const stageOf = (level: ClassLevel): Stage => (level === 0 ? "bhkl" : "1-9");

export interface AttemptRow {
  stage: Stage;
  /** The attempt's number (1 = first). */
  no: number;
  kind: "mandatory" | "voluntary";
  /** Number of delprøver (sub-tests) registered per attempt, when the guide names one. */
  delprover: number | null;
  quote: string;
  cite: Citation[];
}

/**
 * The attempts of børnehaveklassen: three mandatory and a fourth voluntary, each with its four delprøver.
 * The guide gives no fixed number of attempts for 1.–9. klasse (see `MAX_ATTEMPTS`).
 */
export const BHKL_ATTEMPTS: readonly AttemptRow[] = [1, 2, 3, 4].map((no) => ({
  stage: "bhkl" as const,
  no,
  kind: no <= 3 ? ("mandatory" as const) : ("voluntary" as const),
  delprover: 4,
  quote:
    no <= 3
      ? "… hvis eleven ikke består det tredje obligatoriske eller fjerde frivillige sprogprøveforsøg."
      : "… det tredje obligatoriske eller fjerde frivillige sprogprøveforsøg. … skal 3. og 4. forsøg udfyldes med 'Intet resultat'.",
  cite: [c001("permission"), c001("continuous"), c001("step21")],
}));

/** The number of delprøver in each bh.kl. attempt: "resultater i de fire delprøver for hvert sprogprøveforsøg". */
export const BHKL_DELPROVER = 4;

/**
 * The highest attempt number bevis accepts per stage. bh.kl.: 4 (three mandatory + one voluntary). 1.–9. klasse: the
 * guide sets no number ("De enkelte elevers resultater fra sprogprøveforsøg"); bevis accepts up to 4 there too — the
 * same form as bh.kl. — and says so in docs/rulebooks/001-sprogprove.md. Attempt 5 is rejected in both stages.
 */
export const MAX_ATTEMPTS: Readonly<Record<Stage, { max: number; quote: string; cite: Citation[] }>> = {
  bhkl: {
    max: 4,
    quote: "… det tredje obligatoriske eller fjerde frivillige sprogprøveforsøg.",
    cite: [c001("permission")],
  },
  "1-9": {
    max: 4,
    quote: "Resultatet af hver elevs forsøg udfyldes og gemmes … (no number given; bevis' choice, see the rulebook doc)",
    cite: [c001("step22")],
  },
};

// ---------------------------------------------------------------------------------------------------------------------
// Roles

export interface RoleRow {
  /** The role code as bevis' platform names it (src/platform/db/schema.ts ROLES). */
  role: string;
  da: string;
  en: string;
  maySubmit: boolean;
  quote: string;
  cite: Citation[];
}

const ROLE_QUOTE = "… har rollen 'Leder', 'Ledelse' eller 'TAP' (teknisk administrativt personale) i jeres administrative system.";

/** The roles that may submit ("indberette"); every other role may not: "Personer med andre roller kan ikke indberette." */
export const SUBMITTER_ROLES: readonly RoleRow[] = [
  { role: "leder", da: "Leder", en: "Leader (head of school)", maySubmit: true, quote: ROLE_QUOTE, cite: [c001("whoMay")] },
  { role: "ledelse", da: "Ledelse", en: "Management", maySubmit: true, quote: ROLE_QUOTE, cite: [c001("whoMay")] },
  {
    role: "tap",
    da: "TAP (teknisk administrativt personale)",
    en: "TAP (technical and administrative staff)",
    maySubmit: true,
    quote: ROLE_QUOTE,
    cite: [c001("whoMay")],
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Dates (month and day; the year comes from the reported school year, see window.ts)

export interface DayOfYearRow {
  /** Month 1–12 and day, in the calendar year in which the reported school year ends. */
  month: number;
  day: number;
  quote: string;
  cite: Citation[];
}

/**
 * The dates of the guide, by what happens on them. The guide writes them for 2022/2023, some with the year 2022 and some
 * with 2023; bevis reads all of them in the calendar year in which the reported school year ends (see the rulebook doc).
 */
export const DATES = {
  /** The last day of reporting and editing ("frem til og med 5. september"). */
  closes: {
    month: 9,
    day: 5,
    quote: "Indberetningen af sprogprøver for skoleåret 2022/2023 kan ske frem til og med 5. september 2023.",
    cite: [c001("when"), c001("step24")],
  },
  /** The last day for saving PDFs from sprogprøver.dk before it closes for the transfer. */
  savePdfBy: {
    month: 8,
    day: 6,
    quote: "… gemme dem som PDF senest d. 6. august 2023.",
    cite: [c001("continuous")],
  },
  /** First day of the transfer (sprogprøver.dk closed, data deleted): registrations made before this day win. */
  transferStarts: {
    month: 8,
    day: 7,
    quote:
      "Hvis der er registreret oplysninger om sprogprøveforsøg for en elev på indberet.sprogprøver.dk inden d. 7. august, overføres de eventuelle oplysninger … ikke",
    cite: [c001("continuous")],
  },
  /** Last day sprogprøver.dk is closed for the transfer. */
  transferEnds: {
    month: 8,
    day: 15,
    quote: "Sprogprøver.dk er lukket under dataoverførslen fra den 7. august - 15. august 2023.",
    cite: [c001("continuous")],
  },
  /**
   * The transferred results are visible in the reporting site "senest fra d. 16. august" (step 2.1); the section on
   * continuous registration says 17 August 2022. bevis uses the later, 17 August, as "visible at the latest".
   */
  transferVisible: {
    month: 8,
    day: 17,
    quote: "De vil fremgå på selve indberetningsløsningen fra d. 17. august 2022. / … senest fra d. 16. august.",
    cite: [c001("continuous"), c001("step21")],
  },
} as const satisfies Record<string, DayOfYearRow>;
