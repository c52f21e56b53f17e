/**
 * The data of the Danish exam rulebook (seed 002, "Bekendtgørelse om prøver og eksamen i de almene og
 * studieforberedende ungdoms- og voksenuddannelser", eksamensbekendtgørelsen, signed 25 August 2010, in force
 * 1 September 2010). Plain data types shared by the pure rules (grading, diplomas, exam result, and the procedure:
 * access, censors, complaints) and, later, the store, the API and the web pages. No behaviour here except small
 * constant tables.
 *
 * A CPR number is a `Cpr` (parsed by the kernel); it never appears in a finding or a log, only masked.
 */
import type { Cpr } from "../../kernel/ids/cpr.ts";
import type { Grade7 } from "../../kernel/grades/seven-step.ts";
import type { IsoDate } from "../../kernel/time/date.ts";

export type { Grade7 } from "../../kernel/grades/seven-step.ts";

// ---------------------------------------------------------------------------------------------------------------
// Educations and levels

/**
 * The educations the order covers (§ 1, the enabling acts in the preamble):
 * - `stx`  — uddannelsen til studentereksamen (upper secondary school leaving exam), 3 years
 * - `hhx`  — højere handelseksamen (higher commercial exam), 3 years
 * - `htx`  — højere teknisk eksamen (higher technical exam), 3 years
 * - `hf2`  — det 2-årige hf, højere forberedelseseksamen (2-year higher preparatory exam)
 * - `eux`  — eux-forløb, studiekompetencegivende eksamen i forbindelse med erhvervsuddannelse (vocational + upper
 *            secondary)
 * - `avu`  — almen voksenuddannelse (general adult education)
 * - `fvu`  — forberedende voksenundervisning (preparatory adult education)
 * - `gsk`  — gymnasiale suppleringskurser / gymnasial supplering (GSK/GS, supplementary upper secondary courses)
 */
export const EDUCATIONS = ["stx", "hhx", "htx", "hf2", "eux", "avu", "fvu", "gsk"] as const;
export type Education = (typeof EDUCATIONS)[number];

export const EDUCATION_NAMES: Record<Education, { da: string; en: string }> = {
  stx: { da: "Studentereksamen (stx)", en: "Upper secondary school exam (stx)" },
  hhx: { da: "Højere handelseksamen (hhx)", en: "Higher commercial exam (hhx)" },
  htx: { da: "Højere teknisk eksamen (htx)", en: "Higher technical exam (htx)" },
  hf2: { da: "Højere forberedelseseksamen, 2-årig hf", en: "Higher preparatory exam, 2-year hf" },
  eux: { da: "Eux-forløb", en: "Eux programme (vocational and upper secondary)" },
  avu: { da: "Almen voksenuddannelse (avu)", en: "General adult education (avu)" },
  fvu: { da: "Forberedende voksenundervisning (fvu)", en: "Preparatory adult education (fvu)" },
  gsk: { da: "Gymnasial supplering (GSK/GS)", en: "Supplementary upper secondary courses (GSK/GS)" },
};

/**
 * "de 2- og 3-årige gymnasiale uddannelser ... eller et eux-forløb" (§ 7, stk. 2; § 10, stk. 1; § 37, stk. 1):
 * stx, hhx, htx (3 years), 2-year hf, and eux.
 */
export const GYMNASIAL_OR_EUX: readonly Education[] = ["stx", "hhx", "htx", "hf2", "eux"];

/** Subject levels (fagniveauer), "Fag på A-niveau / B-niveau / C-niveau" (§ 40, stk. 1, nr. 1-3). A is highest. */
export const LEVELS = ["A", "B", "C"] as const;
export type Level = (typeof LEVELS)[number];

/** Higher number = higher level. */
export const LEVEL_RANK: Record<Level, number> = { A: 3, B: 2, C: 1 };

// ---------------------------------------------------------------------------------------------------------------
// Subjects

/**
 * Components the order names by themselves (they carry their own weight in § 40 or their own rule in §§ 35, 43, 44).
 * An ordinary subject (dansk, matematik …) has no component and is weighted by its level.
 *
 * - `srp`             — studieretningsprojektet (study-programme project), stx/hhx/htx (§ 40, stk. 1, nr. 4)
 * - `at`              — almen studieforberedelse (general study preparation), stx (§ 40 nr. 5; § 43, stk. 2, nr. 1)
 * - `studieomraade`   — studieområdet (the study area), hhx/htx (§ 40 nr. 6; § 43, stk. 2, nr. 2)
 * - `sso`             — den større skriftlige opgave (the major written assignment), hf/eux (§ 40 nr. 7)
 * - `eksamensprojekt` — eksamensprojektet (the exam project), hf/eux (§ 40 nr. 8)
 * - `nf`              — den naturvidenskabelige faggruppe (science subject group), hf (§ 40 nr. 9; § 7, stk. 2)
 * - `ks`              — kultur- og samfundsfagsfaggruppen (culture and society subject group), hf (§ 40 nr. 10)
 * - `ap`              — almen sprogforståelse (general language understanding), stx: shown, not counted (§ 35, stk. 2)
 * - `nv`              — naturvidenskabeligt grundforløb (basic science course), stx: shown, not counted (§ 35, stk. 2)
 * - `teknikfag`       — teknikfag (technology subject), htx (§ 43, stk. 2, nr. 2)
 * - `erhvervscase`    — erhvervscase (business case exam), hhx (§ 43, stk. 2, nr. 3)
 * - `international`   — det internationale område (the international area), hhx (§ 43, stk. 2, nr. 3)
 * - `idraet`          — idræt (physical education); idræt C is exempt from exams in 2-year hf (§ 44)
 */
export const COMPONENTS = [
  "srp",
  "at",
  "studieomraade",
  "sso",
  "eksamensprojekt",
  "nf",
  "ks",
  "ap",
  "nv",
  "teknikfag",
  "erhvervscase",
  "international",
  "idraet",
] as const;
export type Component = (typeof COMPONENTS)[number];

export interface Subject {
  /** The institution's or the ministry's subject code, e.g. "DAN", "MAT". Two grades are in the same subject iff codes match. */
  code: string;
  name: { da: string; en?: string };
  /** Set for the components the order names by themselves; absent for an ordinary subject. */
  component?: Component;
}

// ---------------------------------------------------------------------------------------------------------------
// Exam forms (§ 12 vocabulary)

/** "Besvarelsens form: a) Skriftlig. b) Mundtlig. c) Praktisk." (§ 12, stk. 1, nr. 3); a combination is several. */
export type AnswerForm = "written" | "oral" | "practical";

/** Who sets the tasks: "Det fastsættes i reglerne for den enkelte uddannelse, når Undervisningsministeriet stiller opgaverne. Opgaverne til øvrige prøver stilles af institutionen." (§ 2, stk. 2) */
export type TaskSetter = "ministry" | "institution";

/** A prøveform (exam form), built from the elements of § 12. */
export interface ExamForm {
  /** "Prøvens grundlag" (§ 12, stk. 1, nr. 1): a) "Forlægget" (the base text/task) … */
  basis: { forlaeg: string; otherMaterial: boolean };
  /** "Prøvens forløb" (nr. 2): a) time frame, b) draw (§ 12, stk. 4), c) preparation, d) the examination. */
  course: { timeMinutes: number; draw: boolean; preparationMinutes: number; examinationMinutes: number };
  /** "Besvarelsens form" (nr. 3); two or more = "Kombinationer af litra a-c" (d). Never empty. */
  answer: AnswerForm[];
  /** "Prøven kan være elektronisk baseret" (§ 12, stk. 2). */
  electronic: boolean;
  /** "enkeltfaglig eller flerfaglig" (§ 12, stk. 3): true = multi-subject. */
  multiSubject: boolean;
  /** "Prøverne tilrettelægges som individuelle prøver, medmindre andet er bestemt" (§ 11, stk. 2): true = group exam. */
  group: boolean;
  /** § 2, stk. 2. */
  setBy: TaskSetter;
}

/**
 * Which of a subject's exams a grade belongs to, when a subject ends with more than one grade (§ 40, stk. 2): e.g.
 * dansk A has a written and an oral exam and a written and an oral standpunkt grade.
 */
export type GradePart = "written" | "oral" | "practical" | "combined";

// ---------------------------------------------------------------------------------------------------------------
// People and terms

/** An eksaminand (examinee): an elev (pupil) or kursist (adult student), or a selvstuderende (self-study, § 8). */
export interface Examinee {
  id: string;
  cpr: Cpr;
  name: string;
  education: Education;
  /**
   * "en sammenhængende gymnasial uddannelse" (a coherent upper-secondary programme, § 42, stk. 1), as opposed to
   * single subjects (hf-enkeltfag, GSK, avu). Only a coherent programme can earn the § 42 A-level bonus.
   */
  coherent: boolean;
  /** When the examinee began the 2-, 3- or 4-year course: picks the § 40 version (§ 58, stk. 3). */
  programmeStart: IsoDate;
  /** A selvstuderende (self-study examinee, § 8) has not followed the teaching. */
  selfStudy?: boolean;
  /** Set when the examinee left without completing (§ 37). */
  leftOn?: IsoDate;
  /** An omgænger (repeats a school year, § 10, stk. 2). */
  repeatsYear?: boolean;
}

/** A termin (exam term, § 3): the ministry may fix terms; dates are inclusive. */
export interface Term {
  id: string;
  /** e.g. "Sommer 2024". */
  name: string;
  start: IsoDate;
  end: IsoDate;
}

// ---------------------------------------------------------------------------------------------------------------
// Grades, standpunkt, merit

/**
 * Why a grade replaces an earlier one:
 * - `error-reassessment` / `error-retest` — ombedømmelse/omprøve after a fejl og mangel (§ 45, stk. 2): never lower
 *   than the original (§ 46, stk. 1)
 * - `annulment-retest` — a retest after the ministry annulled the exam (§ 45, stk. 3): may be lower (§ 46, stk. 1)
 * - `complaint-reassessment` / `complaint-retest` — after a complaint (§§ 50, 52, 54): "kan resultere i en lavere
 *   karakter" (§ 53, stk. 5)
 */
export type ReplacementReason =
  | "error-reassessment"
  | "error-retest"
  | "annulment-retest"
  | "complaint-reassessment"
  | "complaint-retest";

/** A prøvekarakter (exam grade) on the 7-trinsskala. */
export interface ExamGrade {
  id: string;
  examineeId: string;
  subject: Subject;
  /** Absent for a component without a level (srp, at, sso …). */
  level?: Level;
  part: GradePart;
  grade: Grade7;
  /** The day the exam was held (its last day for a multi-day exam). */
  date: IsoDate;
  /**
   * When the grade was made known to the examinee: "Når bedømmelsen af en prøve foreligger, meddeles bedømmelsen
   * straks eksaminanden." (§ 33). The complaint deadline runs from here (§ 47, stk. 2). Absent = not yet announced.
   */
  announcedOn?: IsoDate;
  termId?: string;
  /**
   * `void`: "Bortvisning fra en prøve ... medfører, at eventuelle karakterer bortfalder" (§ 20, stk. 4): the grade is
   * kept for the record but never shown or counted.
   */
  status: "valid" | "void";
  /** Set when this grade is the result of a re-assessment or retest of another grade. */
  replaces?: { gradeId: string; reason: ReplacementReason };
  /**
   * The exam was taken under særlige prøvevilkår (special exam conditions, § 19). Kept for the institution only:
   * "Beviset må ikke indeholde oplysninger om særlige prøvevilkår" (§ 35, stk. 3).
   */
  specialConditions?: boolean;
}

/**
 * An afsluttende standpunktskarakter (final year grade, årskarakter): "Eksamensbeviset skal indeholde oplysninger om
 * afsluttende standpunktskarakterer, hvor disse gives" (§ 35, stk. 2).
 */
export interface StandpunktGrade {
  id: string;
  examineeId: string;
  subject: Subject;
  level?: Level;
  part: GradePart;
  grade: Grade7;
  /** When the subject ended at this level. */
  date: IsoDate;
}

/**
 * How a merit (meritoverførsel, credit transfer) is assessed (§ 35, stk. 2): "med angivelse af eventuelt opnået
 * bedømmelse som »Bestået«, »Godkendt« eller en karakter ...", or merit "givet på grundlag af et kompetencebevis"
 * (a competence certificate from a recognition of prior learning).
 */
export type MeritAssessment =
  | { kind: "passed" } // »Bestået«
  | { kind: "approved" } // »Godkendt«
  | { kind: "grade"; grade: Grade7 }
  | { kind: "competence-certificate"; certificate: string }
  | { kind: "none" }; // merit without an assessment ("eventuelt opnået bedømmelse")

export interface MeritEntry {
  id: string;
  examineeId: string;
  subject: Subject;
  level?: Level;
  part: GradePart;
  assessment: MeritAssessment;
  /** Where the merit comes from (institution, earlier education, certificate issuer). */
  source: string;
  date: IsoDate;
}

/** All grading data of one examinee that a diploma is built from. */
export interface GradeRecord {
  examinee: Examinee;
  examGrades: ExamGrade[];
  standpunkt: StandpunktGrade[];
  merits: MeritEntry[];
}

// ---------------------------------------------------------------------------------------------------------------
// Documents (Kapitel 8)

/**
 * - `eksamensbevis` — exam diploma for a completed education (§ 34)
 * - `proevebevis`   — certificate of the exams taken (§ 34; § 37, stk. 1)
 * - `deltagerbevis` — certificate of participation for completed subjects not drawn for an exam (§ 37, stk. 1)
 */
export type DiplomaKind = "eksamensbevis" | "proevebevis" | "deltagerbevis";

/**
 * One document issued for a prøve or eksamen (§ 36): the original, a copy when the original is lost, the English
 * certified copy (§ 34, stk. 2). `revokedOn` is set when the document is "inddraget og tilintetgjort" (recalled and
 * destroyed, § 36, stk. 2) or recalled during a complaint (§ 52, stk. 2).
 */
export interface IssuedDocument {
  id: string;
  examineeId: string;
  kind: DiplomaKind;
  copy: "original" | "copy" | "english-certified-copy";
  issuedOn: IsoDate;
  revokedOn?: IsoDate;
  /** Recalled AND destroyed (§ 36, stk. 2 requires both before a new original). */
  destroyed?: boolean;
}
