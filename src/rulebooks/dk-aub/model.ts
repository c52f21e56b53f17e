/**
 * The AUB rulebook's data (seed 004, Bekendtgørelse om Arbejdsgivernes Uddannelsesbidrag, in force 1 January 2024).
 * Plain data shared by the pure rules and, later, the store, the API and the documents. No behaviour here.
 *
 * Money is integer øre (`Oere`); dates are ISO strings; quarters are kernel `Quarter`s. History is never overwritten:
 * a corrected ATP report is a new version of the report, not an edit.
 */
import type { Cpr } from "../../kernel/ids/cpr.ts";
import type { Cvr, SeNumber } from "../../kernel/ids/cvr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import type { Quarter } from "../../kernel/time/quarter.ts";
import type { Oere } from "./money.ts";

export type { Oere } from "./money.ts";

/** The day seed 004 enters into force (§ 12, stk. 1); BEK nr. 1257 af 1. november 2013 applies before (§ 12, stk. 2). */
export const SEED_004_IN_FORCE: IsoDate = "2024-01-01";

// ── Chapter 1: employers (§§ 1–2) ────────────────────────────────────────────────────────────────────────────────────

/**
 * The employers § 2 takes out of the AUB law.
 * - `julemaerkefonden`: Julemærkefonden og dens julemærkehjem (the Christmas Seal Foundation and its homes);
 * - `diplomatic-representation`: diplomatiske repræsentationer;
 * - `consular-representation`: konsulære repræsentationer — exempt only "med udsendte medarbejdere" (with posted staff);
 * - `international-organisation`: internationale organisationer;
 * - `religious-community`: religiøse samfund exempt from payroll tax (lønsumsafgift) under § 2 a of lov om afgift af
 *   lønsum m.v. — exempt only on application, for the quarters of § 2, stk. 2.
 */
export type ExemptionCategory =
  | "julemaerkefonden"
  | "diplomatic-representation"
  | "consular-representation"
  | "international-organisation"
  | "religious-community";

export const EXEMPTION_CATEGORIES: readonly ExemptionCategory[] = [
  "julemaerkefonden",
  "diplomatic-representation",
  "consular-representation",
  "international-organisation",
  "religious-community",
];

/**
 * A religious community's application for exemption (§ 2, stk. 2). The exemption runs from the quarter in which AUB
 * receives the application *with* documentation that the payroll-tax exemption has been granted, until the beginning of
 * the quarter in which AUB receives notice that the condition no longer holds.
 */
export interface ReligiousExemptionApplication {
  /** The day AUB received the application. */
  receivedOn: IsoDate;
  /**
   * The day AUB received the documentation that exemption from payroll tax has been granted under § 2 a of lov om afgift
   * af lønsum m.v. (the same day as `receivedOn` when it came with the application); absent while it is missing.
   */
  documentationReceivedOn?: IsoDate;
  /** The day AUB received notice ("meddelelse") that the condition for the exemption no longer holds, if it has. */
  conditionLapsedNoticeOn?: IsoDate;
}

/** A unit that reports ATP contributions (ATP-indberettende enhed, § 3, stk. 3), usually one SE number. */
export interface AtpUnit {
  id: string;
  employerId: string;
  se?: SeNumber;
  name?: string;
}

/** An employer (arbejdsgiver). § 1: every employer covered by the ATP law owes contributions, unless § 2 exempts it. */
export interface Employer {
  id: string;
  name: string;
  cvr?: Cvr;
  /** Covered by lov om Arbejdsmarkedets Tillægspension (§ 1). */
  atpCovered: boolean;
  /** The § 2 category the employer belongs to, if any. */
  category?: ExemptionCategory;
  /** Consular representations only: whether it has posted staff ("udsendte medarbejdere", § 2, stk. 1). */
  hasPostedStaff?: boolean;
  /** Religious communities only: applications under § 2, stk. 2, in any order. */
  religiousApplications?: ReligiousExemptionApplication[];
}

// ── Chapter 2: contributions (§ 3) ───────────────────────────────────────────────────────────────────────────────────

/** One person's ATP amount in a report; needed only to leave exempt trainees (§ 4) out of the basis. */
export interface AtpPersonAmount {
  cpr: Cpr;
  amountOere: Oere;
}

/**
 * The ATP contributions a unit reported for a quarter (§ 3, stk. 2: "de samlede ATP-bidrag, som arbejdsgiveren har
 * indberettet vedrørende det kvartal"). A correction is a new version of the same unit and quarter; version 1 is the
 * first report, every correction takes the next number.
 */
export interface AtpReport {
  unitId: string;
  quarter: Quarter;
  version: number;
  receivedOn: IsoDate;
  /** The unit's total ATP contributions for the quarter, in øre. */
  totalOere: Oere;
  /** Per-person amounts, when reported (at least those of exempt trainees); they must not exceed the total. */
  persons?: AtpPersonAmount[];
}

/** How an ATP total that is not a whole number of full-quarter amounts is charged (§ 3, stk. 1; see the rulebook doc). */
export type RemainderPolicy =
  /** The seed's words: one full quarter's contribution "for hver gang" a full quarter's ATP amount was reported; the remainder is not charged. */
  | "whole-quarters"
  /** AUB's published practice (divide by the full-quarter amount, multiply by the rate), rounded to the øre. */
  | "proportional";

/** How the contribution of one unit for one quarter, in one report version, was computed (§ 3). */
export interface UnitQuarterContribution {
  unitId: string;
  employerId: string;
  quarter: Quarter;
  version: number;
  policy: RemainderPolicy;
  /** The reported ATP total. */
  reportedOere: Oere;
  /** ATP of exempt trainees left out (§ 4). */
  exemptTraineeOere: Oere;
  /** reportedOere − exemptTraineeOere: the basis of § 3, stk. 2. */
  basisOere: Oere;
  /** The full-quarter ATP amount in force. */
  fullQuarterAtpOere: Oere;
  /** Whole full-quarter amounts in the basis. */
  fullQuarters: number;
  /** basisOere − fullQuarters × fullQuarterAtpOere: what is not a whole full-quarter amount. */
  remainderOere: Oere;
  /** One full quarter's contribution (the yearly rate / 4). */
  ratePerQuarterOere: Oere;
  /** The contribution due (0 for an exempt employer). */
  contributionOere: Oere;
  /** The employer was exempt under § 2 in this quarter. */
  employerExempt: boolean;
}

/** One step in the history of a unit's quarter: the contribution of a report version and what changed from the last. */
export interface ContributionRevision {
  contribution: UnitQuarterContribution;
  /** The contribution of the previous version (0 for the first report). */
  previousOere: Oere;
  /** contribution − previous: to charge (positive) or to refund (negative) (§ 3, stk. 2, 2. pkt.). */
  differenceOere: Oere;
}

// ── Chapter 3: exempt trainees (§§ 4–6) ──────────────────────────────────────────────────────────────────────────────

/**
 * An education whose trainees are exempt (§ 4): on the list at virk.dk/aub (stk. 1) or approved on application
 * (stk. 2–3). `law20Stk4Nr` is the number in § 20, stk. 4, of lov om AUB that covers it; nr. 3 caps the exemption at
 * 3 years (§ 6, stk. 1).
 */
export interface ExemptEducation {
  code: string;
  name: string;
  law20Stk4Nr: number;
  /** The education's normal duration (normale uddannelsestid, § 6, stk. 1), in months. */
  normalDurationMonths: number;
  origin:
    | { kind: "list"; listedFrom?: IsoDate; listedTo?: IsoDate }
    | { kind: "approved"; approvedOn: IsoDate; applicationId?: string };
}

/** An application to have an education approved as exempt (§ 4, stk. 2). */
export interface EducationApplication {
  id: string;
  educationName: string;
  /** "oplysning om uddannelsens indhold" */
  content?: string;
  /** "regelgrundlag" (the rules the education is given under) */
  legalBasis?: string;
  /** "andre forhold af betydning for vurdering af, om betingelserne er opfyldt" */
  otherFacts?: string;
  /** The number of § 20, stk. 4, of lov om AUB the applicant claims (the education must be covered by § 20, stk. 4). */
  law20Stk4Nr?: number;
  receivedOn: IsoDate;
  /** AUB's decision, once made. Approval takes effect from the quarter of `decidedOn` (§ 4, stk. 3). */
  decision?: { approved: boolean; decidedOn: IsoDate };
}

/** Who employs the trainee: § 5, stk. 3 lets a letter of appointment replace the agreement in the public sector. */
export type EmployerSector = "private" | "state" | "municipality" | "region";

/** What was attached to the notification (§ 5, stk. 1, 3. pkt., stk. 2–3). */
export type NotificationAttachment = "signed-agreement" | "letter-of-appointment" | "none";

/** A length of time as the parties wrote it (the probation period, "prøvetidens længde"). */
export type Length = { months: number } | { weeks: number } | { days: number };

/**
 * The notification of an education agreement (anmeldelse af uddannelsesaftalen, § 5), as received: every field may be
 * missing or wrong, and the rules say which. Identifiers are the raw text; the rules parse them.
 */
export interface AgreementNotification {
  id: string;
  /** The day AUB received the notification. */
  notifiedOn: IsoDate;
  /** "arbejdsgiverens CVR-nr. eller SE-nr." — at least one of the two. */
  employerCvr?: string;
  employerSe?: string;
  /** "elevens, lærlingens eller den uddannelsessøgende navn og CPR-nummer" */
  traineeName?: string;
  traineeCpr?: string;
  /** "uddannelsens navn": the code of an education in the exempt list (or approved), with its name as written. */
  educationCode?: string;
  educationName?: string;
  /** "den lønnede arbejdstid i virksomheden ifølge uddannelsesaftalen", hours a week. */
  paidHoursPerWeek?: number;
  /** "oplysninger om prøvetidens længde" */
  probation?: Length;
  /** Entered under lov om erhvervsuddannelser (EUD): the agreement need not be attached (§ 5, stk. 2). */
  underEudLaw: boolean;
  employerSector: EmployerSector;
  /** Employed as a civil servant on probation or similar ("tjenestemænd på prøve og lignende"): probation is 3 months (§ 6, stk. 2). */
  civilServantOnProbation: boolean;
  attachment: NotificationAttachment;
  /** Whether the attached agreement is signed by both parties (§ 5, stk. 1, 3. pkt.). */
  signedByBoth?: boolean;
  /** The agreed education period, both ends inclusive. */
  agreementStart?: IsoDate;
  agreementEnd?: IsoDate;
  /** The day the agreement was terminated (ophævet), if it was. */
  terminatedOn?: IsoDate;
}

/** A trainee's decided exemption: the employer's trainee is left out of the basis from `from` to `to` (inclusive). */
export interface TraineeExemption {
  notificationId: string;
  cpr: Cpr;
  /** CVR or SE of the employer as notified (already parsed). */
  employerCvr?: Cvr;
  employerSe?: SeNumber;
  from: IsoDate;
  to: IsoDate;
  fromQuarter: Quarter;
  toQuarter: Quarter;
}

// ── Chapter 4–5: wage refund for supplementary study-preparatory teaching (§§ 7–11) ──────────────────────────────────

/** The part of the EUD programme the weeks belong to (§ 7, stk. 1: "grundforløb og hovedforløb"). */
export type EudPart = "grundforloeb" | "hovedforloeb";

/**
 * One line of an institution's report of school weeks (§ 9, stk. 2): "elevernes eller lærlingenes personnumre og
 * uddannelse med speciale samt antal skoleuger". `from`/`to` place the weeks in time (the rate is that of their year).
 */
export interface SchoolWeekLine {
  institutionId: string;
  cpr?: string;
  education?: string;
  speciality?: string;
  part?: EudPart;
  /** Whether the weeks are the optional supplementary study-preparatory teaching (§ 24, stk. 2, § 33 a EUD-loven). */
  supplementaryStudyPreparatory: boolean;
  weeks: number;
  from: IsoDate;
  to: IsoDate;
}

/** A prepayment of the state's grant for a quarter (§ 8: "Betaling sker forskudsvis"). */
export interface Prepayment {
  quarter: Quarter;
  amountOere: Oere;
}

/** The year-end settlement (slutregulering, § 8). */
export interface YearEndSettlement {
  year: number;
  eligibleWeeks: number;
  weeklyRateOere: Oere;
  refundOere: Oere;
  administrationOere: Oere;
  /** refund + administration: the state's grant for the year. */
  grantOere: Oere;
  prepaidOere: Oere;
  /** grant − prepaid: positive, the state pays AUB the rest; negative, AUB pays back. */
  balanceOere: Oere;
}
