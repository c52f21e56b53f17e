/**
 * The sprogprøve rulebook's data (seed 001, STIL's guide "Indberetning af sprogprøver i børnehaveklassen og 1.-9.
 * klasse"). Plain data shared by the pure rules and, later, the store, the API and the web pages. No behaviour here.
 *
 * A CPR number is a `Cpr` (parsed by the kernel); it never appears in a finding or a log, only masked.
 */
import type { Cpr } from "../../kernel/ids/cpr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import type { SchoolYear } from "../../kernel/time/school-year.ts";
import type { ClassLevel, SprogproveResult } from "./codes.ts";

export type { ClassLevel, SprogproveResult, Stage } from "./codes.ts";

/**
 * What decides whether a school (or a department of one, "afdeling") is covered by the duty to report:
 * "Grundskoler (og afdelinger heraf) med over 30 procent elever bosat i boligområder, der inden for de seneste tre år
 * har været på Social-, Bolig- og Ældreministeriets liste over udsatte boligområder" (Hvem skal indberette?).
 * The counts are the school's own; bevis does not hold the ministry's lists, the caller counts the pupils who live in
 * an area that was on a list within the latest three years.
 */
export interface SchoolCoverageBasis {
  /** All pupils of the school (or department). */
  pupilsTotal: number;
  /** Pupils living in a housing area that was on the list of udsatte boligområder within the latest three years. */
  pupilsInListedAreas: number;
  /** Where the counts come from (e.g. "lists of 1 Dec 2019–2021, register of 5 Sep 2022"); shown with the decision. */
  source?: string;
}

export interface School {
  id: string;
  /** Institution number (6 digits). */
  institutionNumber: string;
  name: string;
  /** Set when the unit is a department (afdeling) of another school: the main school's institution number. */
  departmentOf?: string;
  /** The counts behind coverage; absent = unknown (coverage then rests on `coveredOverride`). */
  coverage?: SchoolCoverageBasis;
  /** A coverage decision taken elsewhere (e.g. a letter from STIL), with its reason; wins over the counts. */
  coveredOverride?: { covered: boolean; reason: string };
}

/**
 * Teaching in "Dansk som andetsprog – supplerende" (Danish as a second language, supplementary), which decides whether
 * a pupil in 1.–9. klasse goes to the test (Hvem skal indberette?).
 */
export interface DsaSupplerende {
  /** The pupil receives "Dansk som andetsprog – supplerende" in the reported school year. */
  receiving: boolean;
  /** How many school years (counting the reported one) the pupil has received it. */
  schoolYearsReceived: number;
  /** The school leader judges that the pupil no longer needs it ("skolelederen vurderer, at eleven ikke længere har behov"). */
  leaderJudgesNoLongerNeeded: boolean;
}

/**
 * An exemption under § 14 of bekendtgørelse nr. 696 of 4 July 2019 (Hvornår kan en elev fritages …): the school leader
 * exempts a pupil who, because of a considerable disability, cannot take the test even on special conditions, on the
 * basis of a pedagogical-psychological assessment. Kept locally; reported only as a count, never by CPR.
 */
export interface Exemption {
  /** "betydelig funktionsnedsættelse" — a considerable disability. */
  considerableDisability: boolean;
  /** "på baggrund af en pædagogisk-psykologisk vurdering" */
  pppAssessment: boolean;
  /** "når mulighederne for prøveaflæggelse på særlige vilkår har været til overvejelse" */
  specialConditionsConsidered: boolean;
  decidedOn?: IsoDate;
}

/** One delprøve (sub-test) of a bh.kl. attempt. The guide does not say what a delprøve's result looks like. */
export interface Delprove {
  /** 1–4. */
  no: number;
  /** The result as registered on sprogprøver.dk, kept as text (the guide gives no scale); null = not registered. */
  value: string | null;
}

/** One sprogprøveforsøg (language-test attempt). */
export interface Attempt {
  /** 1 = first attempt. bh.kl.: 1–3 mandatory, 4 voluntary. */
  no: number;
  /** The result; null = not registered yet. */
  result: SprogproveResult | null;
  /** When the attempt was held, if known. */
  heldOn?: IsoDate;
  /** bh.kl. only: the four delprøver, when registered (on sprogprøver.dk or locally). */
  delprover?: Delprove[];
  /** Where the attempt's result came from. */
  source?: "local" | "sprogprover.dk";
}

/**
 * The pupil left the school during the reported school year ("udmeldt": moved away, changed school). The guide says
 * nothing about leavers; what bevis does with them is decided in docs/rulebooks/001-sprogprove.md ("Pupils who leave")
 * and implemented in leaving.ts. Recorded as a new version of the pupil; nothing is deleted.
 */
export interface Leaving {
  /** The last day the pupil was a pupil of the school. */
  on: IsoDate;
  /** Why (e.g. "moved to Aarhus", "changed to Nordskolen"). */
  reason: string;
  /** Who recorded the departure and when (set by the service from the version that recorded it). */
  recordedBy?: string;
  recordedAt?: string;
}

/** A pupil in the reported school year, as registered for the report. */
export interface Pupil {
  /** bevis' own key for the pupil (never the CPR). */
  id: string;
  cpr: Cpr;
  /** The class level in the reported school year: 0 = børnehaveklassen, 1–9 = 1.–9. klasse. */
  classLevel: ClassLevel;
  /**
   * The school year `classLevel` belongs to, when the source says so (e.g. the administrative system's current level
   * after the summer holiday). Must be the reported school year; see `window.ts` `checkClassLevel`.
   */
  classLevelSchoolYear?: SchoolYear;
  /** Step 1, "Udvælg elever, der skal til sprogprøve": whether the pupil goes to the test; null = not yet decided. */
  toBeTested: boolean | null;
  /** 1.–9. klasse: the pupil's "Dansk som andetsprog – supplerende". */
  dsa?: DsaSupplerende;
  /** An exemption under § 14; reported only in the school's count. */
  exemption?: Exemption;
  attempts: Attempt[];
  /** bh.kl.: takes part in voluntary teaching in the summer holiday (sommerskole). A check box: false unless ticked. */
  sommerskole?: boolean;
  /** bh.kl.: special permission under folkeskoleloven § 11 a, stk. 5 to begin 1. klasse. A check box. */
  specialPermission?: boolean;
  /**
   * bh.kl.: the pupil's start in 1. klasse has already been postponed once (this is the pupil's second year in
   * børnehaveklassen after not passing). "Elevens påbegyndelse af 1. klasse kan kun udsættes én gang".
   */
  previouslyPostponed?: boolean;
  /** Whether the pupil rykker op (moves up a class level) after the school year; null = not stated yet. */
  rykkerOp: boolean | null;
  /** The pupil's name, for staff only (the pupil list, the history); not part of the report to STIL. */
  name?: string;
  /** Set when the pupil left the school during the reported school year (leaving.ts). */
  left?: Leaving;
}

/** The count of exempted pupils (step 3): a number, never a list of CPR numbers. null = not stated yet. */
export type ExemptedCount = number | null;

/** The four steps of the reporting site ("Registrering og indberetning"). */
export type Step = "1-bhkl" | "2-1-9" | "3-exempted" | "4-submit";

/** Step 0 of the practical guide, the pupil selection ("Udvælg elever"), is checked with steps 1 and 2 (per pupil). */
export const STEPS: readonly { step: Step; da: string; en: string }[] = [
  { step: "1-bhkl", da: "1) Elever i børnehaveklasse", en: "1) Pupils in børnehaveklassen (reception class)" },
  { step: "2-1-9", da: "2) Elever i 1.-9. klasse", en: "2) Pupils in 1.–9. klasse" },
  { step: "3-exempted", da: "3) Fritagne elever", en: "3) Exempted pupils" },
  { step: "4-submit", da: "4) Indberetning", en: "4) Submission" },
];

/** The whole report of one school for one school year. */
export interface Report {
  school: School;
  schoolYear: SchoolYear;
  pupils: Pupil[];
  /** Step 3: the school's total number of exempted pupils, across bh.kl. and 1.–9. klasse. */
  exemptedCount: ExemptedCount;
}

/** Who submits and when. `role` is the platform's role code ("leder", "ledelse", "tap", "laerer", …). */
export interface Submitter {
  roles: readonly string[];
}
