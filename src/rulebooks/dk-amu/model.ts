/**
 * The AMU rulebook's data (seed 000, "Vejledning om registrering og indberetning af resultater på AMU").
 * Plain data shared by the pure rules, the report, the store and the API. No behaviour here.
 */
import type { IsoDate } from "../../kernel/time/date.ts";

/** AMU-mål number ("fagkode"), 5 digits, e.g. "40080". */
export type Fagkode = string;

/** The two IKV goals of seed 000 §4: individuelle kompetencevurderinger i AMU and i AMU F/I. */
export const IKV_FAGKODER = ["40080", "40081"] as const;

/** Result group of seed 000 §3: 1 = a UVM-prøve is attached on the start date, 2 = not. */
export type ResultGroup = 1 | 2;

/**
 * ResultatProevebelagt — result field for group 1 (seed 000 §3, Bilag 1):
 * 1 bestået prøve · 2 dispensation, bevis · 3 IKV · 4 ikke-bestået · 5 afbrud eller udeblivelse · 6 dispensation uden bevis.
 */
export type ResultatProevebelagt = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * ResultatIkkeProevebelagt — result field for group 2 (seed 000 §3, Bilag 2; §4 for IKV):
 * 1 bevis opnået · 2 bevis opnået ved IKV · 3 manglende målopfyldning · 4 afbrud.
 * (Bilag 2 numbers both "Bevis opnået ved individuel kompetencevurdering" and "manglende målopfyldning" as "3)";
 * bevis follows §3's list, where IKV is 2 — see docs/rulebooks/000-amu.md.)
 */
export type ResultatIkkeProevebelagt = 1 | 2 | 3 | 4;

/** A period in which a UVM-prøve is attached to an AMU goal (both ends inclusive; open end = still attached). */
export interface UvmTestPeriod {
  validFrom: IsoDate;
  validTo?: IsoDate;
}

/** An AMU goal in the provider's course catalogue. */
export interface AmuGoal {
  fagkode: Fagkode;
  title: string;
  /** Periods in which a UVM-prøve is attached (seed 000 §3: "Er der tilknyttet en UVM-prøve på startdatoen"). */
  uvmTestPeriods: UvmTestPeriod[];
  /** A certifikatuddannelse (seed 000 §3 1)–2), §6.2, §6.3). */
  certificate: boolean;
  /** The test is written and oral, both needed for the bevis (seed 000 §6.2). */
  writtenAndOral: boolean;
}

/** Whether the course participation has ended (seed 000 §6.1). */
export type ParticipationStatus =
  /** Ended: the participation is reported in the quarter of its end date. */
  | "ended"
  /** Not ended yet (including an exam postponed in emergency teaching, §6.2): not reported, no result. */
  | "not-ended"
  /** Planned but never held (§6.1): never reported. Not the same as the participant not showing up. */
  | "never-held";

/** Emergency teaching (nødundervisning, seed 000 §6.2). */
export type EmergencyTeaching = "none" | "exam-omitted" | "exam-postponed";

/** One exam attempt. Retakes (omprøver, §5) are separate attempts on the same fagkode and never overwrite an earlier one. */
export interface ExamAttempt {
  /** 1 = the ordinary exam, 2.. = retakes (omprøve). */
  seq: number;
  date: IsoDate;
  /** Took part in the written part / the oral part (for goals with writtenAndOral, §6.2). Undefined = not split. */
  writtenTaken?: boolean;
  oralTaken?: boolean;
  /** The category recorded for this attempt in the participation's result field. */
  resultatProevebelagt?: ResultatProevebelagt | null;
  resultatIkkeProevebelagt?: ResultatIkkeProevebelagt | null;
}

/** A sub-course (delforløb) of opsplittet undervisning, merged into one forløb for reporting (seed 000 §3.2). */
export interface SubCourse {
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** One course participation (kursusdeltagelse) as registered by the approved AMU provider. */
export interface Participation {
  id: string;
  /** Institution id of the approved AMU provider that reports it (§6.2: the approved provider, not the outsourcing party). */
  providerId: string;
  /** Institution number (or name) of the udliciteringspart when the course is outsourced; null otherwise. */
  outsourcedTo: string | null;
  /** The participant's CPR number (10 digits, no dash). Never logged, never in a URL. */
  cpr: string;
  fagkode: Fagkode;
  startDate: IsoDate;
  endDate: IsoDate | null;
  status: ParticipationStatus;
  /** Taken as an optional module of the drivers' qualification training ("EU-efteruddannelse", §3.1). */
  euEfteruddannelse: boolean;
  /** The course ended with an industry or authority certificate test, not a UVM-prøve (§6.3). */
  industryCertificate: boolean;
  emergencyTeaching: EmergencyTeaching;
  /** Id of a forløb of several courses with one combined exam (§6.2); every course in it still gets its own result. */
  forloebId: string | null;
  /** Delforløb merged into this participation (§3.2); empty when taught in one go. */
  subCourses: SubCourse[];
  /** Result in the group-1 field, or null. */
  resultatProevebelagt: ResultatProevebelagt | null;
  /** Result in the group-2 field, or null. */
  resultatIkkeProevebelagt: ResultatIkkeProevebelagt | null;
  /** "Ej relevant" in "Prøveresultat" (§3.2); equals "Ingen registrering" in the Datavarehus. */
  ejRelevant: boolean;
  /** Retakes (omprøver, §5), in order; the ordinary result stays in the result fields above. */
  retakes: ExamAttempt[];
  /** For an IKV (40080/40081): the fagkoder the participant demonstrated competence in (AMU-beviser, §4 Bemærk 3). */
  ikvCompetenceFagkoder: Fagkode[];
  /** Row version for optimistic concurrency. */
  version: number;
  /**
   * Ordinary exam of a written-and-oral goal (§6.2): whether the participant took the written part / the oral part.
   * Undefined = not recorded (or the test is not split). Added by the rules engineer; optional so existing code keeps compiling.
   */
  writtenTaken?: boolean;
  oralTaken?: boolean;
  /**
   * For an industry or authority certificate course (§6.3): whether the participant obtained the certificate.
   * Undefined = not recorded. When true the result is "Bevis opnået" in ResultatIkkeProevebelagt.
   */
  industryCertificateObtained?: boolean;
}

/** A calendar quarter label as used by the kernel, e.g. "2024Q3". */
export type QuarterLabel = string;
