/**
 * The vitnemål rulebook's data (seed 003, Udir "Føring av vitnemål og kompetansebevis for videregående opplæring i
 * Kunnskapsløftet – 2023"). Plain data shared by the pure rules (document choice, pass logic, merknader, combinations,
 * exams, exemptions, absence, vocational rules, IOP, dispensations) and, later, the render model, the store, the API
 * and the web pages. No behaviour here except tiny constant lists.
 *
 * Glossary (Norwegian term → English gloss), first use:
 * - vitnemål: diploma (completed and passed upper-secondary education, §1.1);
 * - kompetansebevis: certificate of competence (completed but not qualifying for a vitnemål, §1.3);
 * - fag-/svennebrev, praksisbrev: trade/journeyman certificate, practice certificate (issued by the fylkeskommune;
 *   bevis only decides whether one may be issued, §1.4–1.9);
 * - fagkode / fagtype: subject code / subject type (FF, FP, VP, UP, PF, YF, IO, §2.5);
 * - omfang: extent in annual hours of 60 minutes (§2.6);
 * - standpunktkarakter: final teacher-assessed grade; halvårsvurdering: half-year assessment (only on kompetansebevis);
 *   eksamenskarakter: exam grade (§5);
 * - FAM (fagmerknad): subject remark; VMM (vitnemålsmerknad): document remark (§3);
 * - programområde: programme area (a level of an utdanningsprogram, education programme) (§2.3);
 * - orden og adferd: conduct ("orden" = order/diligence, "adferd" = behaviour) (§5.6);
 * - fravær: absence in days and hours per school year (§8);
 * - IOP (individuell opplæringsplan): individual education plan (§11).
 *
 * This file is imported by the other 003 rule files (exam cases, exemptions, absence, vocational rules, IOP,
 * dispensations, layout). Extend it additively only: add optional fields and new union members, never rename or remove.
 *
 * A fødselsnummer is a `Fodselsnummer` (parsed by the kernel); it never appears in a finding, only masked.
 */
import type { Fodselsnummer } from "../../kernel/ids/fodselsnummer.ts";
import type { Orgnr } from "../../kernel/ids/orgnr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import type { HalfYear } from "../../kernel/time/half-year.ts";
import type { SchoolYear } from "../../kernel/time/school-year.ts";

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary (closed code lists of the seed)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Status in upper-secondary education, per subject and per year (§1.9 "Status i videregående opplæring").
 * - `elev`: pupil; `privatist`: external candidate; `laerling`: apprentice; `laerekandidat`: training candidate;
 * - `voksen`: adult participant (voksen deltaker, opplæringsloven kapittel 4A);
 * - `praksisbrevkandidat`: practice-certificate candidate;
 * - `praksiskandidat` and `fagbrevPaJobb` (kandidat for fagbrev på jobb): one column of the §1.9 table, two schemes
 *   (FAM40 vs FAM55, §9.8), so they are kept apart here.
 */
export type Status =
  | "elev"
  | "privatist"
  | "laerling"
  | "laerekandidat"
  | "voksen"
  | "praksisbrevkandidat"
  | "praksiskandidat"
  | "fagbrevPaJobb";

export const STATUSES: readonly Status[] = [
  "elev",
  "privatist",
  "laerling",
  "laerekandidat",
  "voksen",
  "praksisbrevkandidat",
  "praksiskandidat",
  "fagbrevPaJobb",
];

/** The documents of §1.9's table. bevis renders vitnemål and kompetansebevis; the other two it only decides on. */
export type DocumentKind = "vitnemal" | "kompetansebevis" | "fagbrev" | "praksisbrev";

/** The two documents this rulebook issues (the FAM/VMM tables say on which of them a merknad may stand). */
export type IssuedDocumentKind = "vitnemal" | "kompetansebevis";

/** Fagtype in the order of §2.5: FF, FP, VP, UP, PF, YF, IO. */
export type Fagtype = "FF" | "FP" | "VP" | "UP" | "PF" | "YF" | "IO";
export const FAGTYPE_ORDER: readonly Fagtype[] = ["FF", "FP", "VP", "UP", "PF", "YF", "IO"];

/** Level (årstrinn). `GS` = a subject taken on ungdomstrinnet (lower secondary, programme area GSGSK0VG--, §7.7). */
export type Level = "GS" | "VG1" | "VG2" | "VG3" | "VG4";
export const LEVEL_ORDER: readonly Level[] = ["GS", "VG1", "VG2", "VG3", "VG4"];

/** Eksamensform (§6.1): S skriftlig, M muntlig, MP muntlig-praktisk, P praktisk. */
export type ExamForm = "S" | "M" | "MP" | "P";

/** Karakter 1–6 (§5.1). */
export type Grade = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The other assessment expressions of §5.2, as entered in the data system ("Føring i datasystem"):
 * BM bestått meget godt, B bestått, IB ikke bestått, D deltatt, F fritatt, GK godkjent, IV ikke vurderingsgrunnlag,
 * IM ikke møtt. The texts are in `codes/grades.ts`.
 */
export type OtherExpression = "BM" | "B" | "IB" | "D" | "F" | "GK" | "IV" | "IM";

/**
 * One cell's assessment: a grade 1–6 or another expression. `null` = nothing is entered: the cell carries a dotted
 * line ("stiplet linje", §2.6) — e.g. after an avlyst exam (§6.7) or a slettet standpunkt after fusk (§6.6).
 */
export type Vurdering = Grade | OtherExpression;

/** Grade in orden and in adferd (§5.6): «God», «Nokså god», «Lite god». */
export type ConductGrade = "G" | "NG" | "LG";

/** The final tests that replace an exam in vocational training (§6.1, §6.4, §9.9, §9.10). */
export type FinalTestKind = "fagprove" | "svenneprove" | "praksisbrevprove" | "kompetanseprove";

/** Sluttkompetanse printed on a vitnemål (§2.3 "Oppnådd sluttkompetanse"). */
export type Sluttkompetanse = "studiekompetanse" | "yrkeskompetanse" | "fagopplaering";

// ---------------------------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------------------------

/** The person the document is about (§2.2: «Navn», «Fødselsnummer», in bold). */
export interface Person {
  /** Fødselsnummer or D-nummer, parsed by the kernel (`parseFodselsnummer`). */
  fnr: Fodselsnummer;
  /** Full name as it stands on the document. */
  name: string;
  /** Earlier fødselsnumre (e.g. after a change of legal gender, §2.12): a new vitnemål, not a duplicate. */
  previousFnr?: Fodselsnummer[];
}

/**
 * The issuing body (§1.10, §2.8): a school or a fylkeskommune (county authority). The document number is built from
 * its organisasjonsnummer; an approved Norwegian school abroad without one uses its foreign number (§2.8 last para).
 */
export interface Issuer {
  kind: "skole" | "fylkeskommune";
  name: string;
  /** Organisasjonsnummer, parsed by the kernel (`parseOrgnr`). */
  orgnr?: Orgnr;
  /** Only for "Godkjente norske skoler i utlandet som ikke har norsk organisasjonsnummer" (§2.8). */
  foreignNumber?: string;
  /** Sted (place) printed with the date (§2.8). */
  place: string;
  /** For a school: the organisasjonsnummer of its fylkeskommune (who takes over when the school closes, §1.10). */
  countyOrgnr?: Orgnr;
  /** A privately run school approved under privatskoleloven (matters for §1.10 point 8). */
  privateSchool?: boolean;
  /** The school no longer exists (§1.10 points 2–3). */
  closed?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue: programme areas and subjects (data from Udir's læreplandatabase / Grep; see reference/no-codes.md)
// ---------------------------------------------------------------------------------------------------------------

/** A programme area of the offer structure (tilbudsstrukturen). Code format: see `codes/programme-area.ts` (§2.3). */
export interface ProgrammeAreaDef {
  /** 10 characters, e.g. "STUSP1----", "PBPBY4----", "GSGSK0VG--". */
  code: string;
  name: string;
  level: Level;
  /** Utdanningsprogram code (2 letters, e.g. "ST") and its name; absent for PB and "fag for studiekompetanse" (§2.3). */
  utdanningsprogram?: { code: string; name: string };
  /** Whether the level is taught in school or in a company (lærefag). */
  place?: "skole" | "bedrift";
  /** Yrkesfaglig (vocational) or studieforberedende (preparing for higher education). */
  track?: "yrkesfag" | "studieforberedende";
}

/** A subject code of the curriculum database (§2.6 "Dere kan bare føre godkjente fagkoder og fagnavn"). */
export interface SubjectDef {
  fagkode: string;
  name: string;
  fagtype: Fagtype;
  /** Årstimer (60-minute units); absent for assessment codes without hours (printed as "--", §2.6). */
  omfang?: number;
  /** "VG2/VG3" etc. when the catalogue gives a range; "ukjent" when it gives none (IOP codes, LK06 mappings). */
  level: Level | "VG2/VG3" | "VG1/VG2" | "VG1-VG3" | "ukjent";
  /** Exam forms the code allows for elever and privatister (§6.1: "Dere skal ikke føre andre former enn dette"). */
  examForms: ExamForm[];
  /** Whether the læreplan sets a standpunkt grade on this code (§5.7, FAM12/FAM33). */
  standpunkt: boolean;
  /** The expression scale of the code (§5.2). */
  scale?: "tall" | "tallEllerFritatt" | "deltatt" | "bestatt" | "bestattMegetGodt" | "godkjent";
  /**
   * Codes that together make ONE fag (e.g. norsk hovedmål skriftlig + muntlig = "norskfaget", §1.5/§9.2; an exam code
   * and its teaching code). Codes with the same `faggruppe` count as one subject for FAM37's "inntil to fellesfag".
   */
  faggruppe?: string;
  /** The code is a tverrfaglig (interdisciplinary) exam code (§5.1: grade 1 is not lifted by a tverrfaglig exam). */
  tverrfaglig?: boolean;
  /** The code records a fag-/svenneprøve or another final test (§6.1, §9.9, §9.10). */
  finalTest?: FinalTestKind;
  /** Læreplan generation, for the §4.6 and §13 transitional rules. */
  curriculum?: "LK06" | "LK20" | "R94";
}

// ---------------------------------------------------------------------------------------------------------------
// The person's record
// ---------------------------------------------------------------------------------------------------------------

/** The person's status in one school year (§1.9; several statuses may hold in one year for different subjects). */
export interface StatusPeriod {
  schoolYear: SchoolYear;
  status: Status;
  /** Deltidselev (part-time pupil) — matters for førstegangsvitnemål with privatist exams (§4.2). */
  partTime?: boolean;
}

/** A programme area the person followed, one line on the document (§2.3). */
export interface ProgrammeAreaEntry {
  code: string;
  /** Name as printed; defaults to the catalogue name. */
  name?: string;
  level: Level;
  /** The school year in which the level was followed. */
  schoolYear?: SchoolYear;
  /** For a kompetansebevis: the level was «fullført» or «bestått» (§1.3, §2.3); absent = neither. */
  completion?: "fullfort" | "bestatt";
  /** Part of the defined opplæringsløp (course of study) that a vitnemål documents (§4.1). */
  inLop?: boolean;
}

/** A remark requested for a subject, with the values of its placeholders (e.g. FAM13 "Fag R94 <FAGKODE>"). */
export interface MerknadUse {
  /** "FAM01" … "FAM59", "VMM06" … "VMM42". */
  code: string;
  /** Values for the placeholders of the text, e.g. { fagkode: "AA6010" }, { aaaa: "1992" }, { dato: "15.06.2024" }. */
  params?: Record<string, string>;
  /** The section that puts it there (filled by the deciding rule). */
  because?: string;
  /**
   * The user chose this FAM as the one printed on the subject when several apply (§3 "En fagmerknad per fag/fagkode":
   * the one that matters for points, else the most important to readers); the others go to the vedlegg with VMM23.
   */
  primary?: boolean;
}

/**
 * One subject line as recorded for the person: the cells of §2.6 before layout.
 * `null` in an assessment cell = a dotted line ("stiplet linje").
 */
export interface SubjectResult {
  fagkode: string;
  /** Name as recorded (checked against the catalogue, §2.6). */
  name?: string;
  fagtype: Fagtype;
  /** Årstimer; `null` = "--" (codes without omfang, §2.6). */
  omfang: number | null;
  level: Level;
  /** The person's status in this subject (§1.9, §5.6, §8.1). */
  status: Status;
  /** Standpunktkarakter or another expression; null = dotted line; undefined = not given. */
  standpunkt?: Vurdering | null;
  /** Halvårsvurdering with grade (only on a kompetansebevis, §5.1, §5.7). */
  halvar?: Vurdering | null;
  /** Eksamenskarakter (also the grade of a fag-/svenneprøve, §5.2); null = dotted line. */
  eksamen?: Vurdering | null;
  /** Eksamensform; null = dotted line (e.g. fag-/svenneprøve, §6.1). */
  examForm?: ExamForm | null;
  /** The "År" column: V/H and the year (§2.6). */
  year: HalfYear;
  /** The exam that gave `eksamen` was a tverrfaglig exam (§5.1, §5.5). */
  tverrfagligExam?: boolean;
  /** The exam was særskilt or ny exam (§5.5 "ved særskilt eller ny eksamen"). */
  examKind?: ExamKind;
  /** The line records a fag-/svenneprøve or another final test (§6.1). */
  finalTest?: FinalTestKind;
  /** Fagmerknader requested by the caller (the rules add the ones they derive). */
  merknader?: MerknadUse[];
  /** The subject lies beyond the minimum requirement of the programme area (§4.2). */
  beyondMinimum?: boolean;
  /** The programme area the subject belongs to (for VMM32 and FAM42). */
  programmeArea?: string;
  /**
   * A privatist line that improves or replaces the grade of a subject completed as elev: that subject's fagkode (§4.2
   * "Faget som tas som privatist må da ha samme fagkode som faget tatt som elev. Unntaket er matematikk 1T …").
   */
  replaces?: string;
  /**
   * The person chose to leave this subject off the document (§4.2: subjects beyond the minimum may be left off, and on a
   * førstegangsvitnemål only "et fag (som han eller hun ikke har hatt eksamen i)"). The line is checked, then dropped.
   */
  leftOffByChoice?: boolean;
  /** Taken while the person was a pupil on ungdomstrinnet (FAM34, §1.2, §7.7). */
  takenInLowerSecondary?: boolean;
  /**
   * Lines with the same `faggruppe` are one fag (e.g. norsk hovedmål skriftlig + muntlig; a teaching code and its oral
   * exam code): §5.1 pass logic and §1.5/§9.2 "inntil to fellesfag" count per fag. Absent = the line is its own fag.
   */
  faggruppe?: string;
  /** The line is fremmedspråk fellesfag (§1.3 VMM33, §4.5, §7.8). */
  fremmedsprak?: boolean;
  /**
   * A foreign language and its level (nivå I = 1, II = 2, I+II = 2, III = 3, IV = 4), for §4.5 "programfag i et bestemt
   * fremmedspråk … på samme eller lavere nivå enn fellesfaget i samme språk". Filled from the catalogue's FSP names when
   * absent.
   */
  language?: { name: string; level: number };
}

// ---------------------------------------------------------------------------------------------------------------
// Exams (§6)
// ---------------------------------------------------------------------------------------------------------------

/** ordinær, særskilt (§ 3-30), utsatt (§ 3-32) or ny (§ 3-33/3-34) eksamen. */
export type ExamKind = "ordinaer" | "saerskilt" | "utsatt" | "ny";

/**
 * What happened at one exam or final test (§6.2–6.11):
 * - `graded`: a grade or BM/B/IB;
 * - `notMet`: did not meet (also: fell ill and broke off), documented absence or not (§6.3, §6.4);
 * - `bortvist`: sent away for disturbing (§6.5);
 * - `fusk`: cheating or attempted cheating (§6.6);
 * - `avlyst`: cancelled by force majeure (§6.7), with or without an Udir dispensation;
 * - `annulledByUdir`: annulled by Udir (formal error, strike…), with or without dispensation (§6.2);
 * - `annulledAfterComplaint`: grade of an oral/oral-practical/practical exam annulled after complaint (§6.2);
 * - `annulled20230522`: annulled after the log-in failure of 22 May 2023 (§6.8);
 * - `korona`: cancelled by the general korona dispensation of spring 2020/2021/2022 (§6.9–6.11).
 */
export type ExamOutcome =
  | { kind: "graded"; result: Vurdering }
  | { kind: "notMet"; documented: boolean; brokeOffIll?: boolean }
  | { kind: "bortvist" }
  | { kind: "fusk" }
  | { kind: "avlyst"; reason: string; dispensation?: DispensationRef; neededForVitnemal?: boolean }
  | { kind: "annulledByUdir"; dispensation?: DispensationRef }
  | { kind: "annulledAfterComplaint"; retaken?: Vurdering }
  | { kind: "annulled20230522" }
  | { kind: "korona"; spring: 2020 | 2021 | 2022 };

/** One exam or final test the person was entered for. */
export interface ExamEvent {
  fagkode: string;
  /** Null for fag-/svenneprøve and the other final tests (dotted line, §6.1). */
  form: ExamForm | null;
  /** The half-year the exam was (or should have been) taken (§6.1 "det året eksamenen skulle vært avlagt"). */
  halfYear: HalfYear;
  date?: IsoDate;
  kind: ExamKind;
  status: Status;
  /** Sentralt gitt / lokalt gitt, tverrfaglig. */
  tverrfaglig?: boolean;
  finalTest?: FinalTestKind;
  /** Obligatory exam or needed for the number of exams (§6.7: then a dispensation may be needed). */
  obligatory?: boolean;
  outcome: ExamOutcome;
}

// ---------------------------------------------------------------------------------------------------------------
// Exemptions and approvals (§7), IOP (§11), dispensations and trials (§12)
// ---------------------------------------------------------------------------------------------------------------

/**
 * An exemption decision (fritak, §7.1–7.5, §9.5):
 * - `opplaering`: from teaching (FAM01), e.g. sidemål (§7.1), kroppsøving (§7.2);
 * - `vurdering`: from assessment with grade (FAM02), sidemål or kroppsøving (§7.3, §7.4);
 * - `fellesfag`: privatist/adult exempt from fellesfag with five years' practice (FAM43, §7.4);
 * - `fremmedsprak`: dispensation from grade in fremmedspråk (instruks 28.05.2020, FAM02, §7.5);
 * - `laerekontrakt`: apprentice whose contract covers programfag taught in school (FAM38, §9.5);
 * - `hoyereNiva`: privatist passed a higher level (FAM17, §5.8).
 */
export interface Exemption {
  fagkode: string;
  kind: "opplaering" | "vurdering" | "fellesfag" | "fremmedsprak" | "laerekontrakt" | "hoyereNiva";
  /** What the exemption is about, for choosing the merknad (§7.1–7.3: LK06/LK20 norsk differ). */
  area?: "sidemal" | "kroppsoving" | "fremmedsprak" | "programfag" | "yff" | "other";
  decidedOn: IsoDate;
  /** The year the subject would naturally have been completed (§7.1 "det året faget naturlig skulle vært avsluttet"). */
  naturalEnd?: HalfYear;
  decidedBy?: "rektor" | "fylkeskommune" | "statsforvalter" | "udir";
}

/**
 * An approval (godkjenning) of earlier or other learning (§5.3, §7.6–7.10, §13):
 * - `soknad`: approved after application, single subject or a whole year, in Norway or abroad (FAM52);
 * - `realkompetanse`: adult's prior learning, whole subject (GK + FAM18) or part (FAM03 + vedlegg) (§5.3);
 * - `ungdomstrinn`: taken on ungdomstrinnet (FAM34, §7.7);
 * - `omvalg`: kept after change of programme (FAM57, §7.10);
 * - `steiner`: taken at a Steiner school (FAM48, §7.9);
 * - `r94`: Reform 94 subject (FAM13, §13.3); `forR94`: before R94 (FAM16, §13.8).
 */
export interface Approval {
  fagkode: string;
  kind: "soknad" | "realkompetanse" | "ungdomstrinn" | "omvalg" | "steiner" | "r94" | "forR94";
  /** Only part of the subject is approved (realkompetanse, §5.3). */
  partial?: boolean;
  /** The whole school year was approved (abroad, §7.6) — the rest goes to UPF9xxx. */
  wholeYear?: Level;
  abroad?: boolean;
  /** The year the learning was completed or assessed (the "År" column). */
  completed: HalfYear;
  /** The original code (R94 fagkode, RS code, lower-secondary language code) for the merknad's placeholder. */
  originalCode?: string;
  /** The year passed before R94 (FAM16 "<åååå>"). */
  passedYear?: number;
  decidedOn?: IsoDate;
}

/** An individual education plan (§11). */
export interface Iop {
  /** Subjects with deviation from the læreplan so that no grade can be given (IV + FAM05, §11.3). */
  deviatingSubjects: string[];
  /** Training recorded with IOP1000–IOP5000 codes for each year (§11.3). */
  yearCodes?: boolean;
  /** Enkeltvedtak om spesialundervisning (§ 5-1) — VMM26. */
  specialEducationDecision: boolean;
  /** Whether the plan builds on goals from vg2 or vg3 (else only the vg1 programme area is printed, §11.3). */
  buildsOnVg2OrVg3?: boolean;
}

/**
 * A reference to an Udir decision (dispensation, §12.1, or trial, §12.2). `caseNumber` as "2013/999" or "13/999";
 * the text on the document pads the serial to 4–5 digits ("2013/0999", §3.3).
 */
export interface DispensationRef {
  caseNumber: string;
  date: IsoDate;
  /** The text Udir's decision says to print (VMM17–19). */
  text?: string;
  /** The decision's text itself says the document has a vedlegg (else VMM23 is added, §12.1). */
  textMentionsVedlegg?: boolean;
}

/** A dispensation (§12.1) or a trial (forsøk, §12.2) granted by Udir. */
export interface UdirDecision {
  kind: "dispensasjon" | "forsok";
  ref: DispensationRef;
  /** The subjects it concerns (FAM35 / FAM32). */
  fagkoder: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Absence (§8), conduct (§5.6), apprenticeship (§9)
// ---------------------------------------------------------------------------------------------------------------

/** The grounds of §8.1 "Fratrekk av fravær" for not recording documented absence (up to 10 days a year). */
export type DeductionGround =
  | "helse"
  | "velferd"
  | "tillitsvalgt"
  | "politisk"
  | "hjelpearbeid"
  | "lovpalagt"
  | "representasjon";

/** One documented absence the person asks to have deducted (§8.1). */
export interface AbsenceDeduction {
  ground: DeductionGround;
  /** Days of the spell (for helse: counted from the first day; only from day 4 can be deducted). */
  days: number;
  /** Single hours (60-minute units) that belong to the spell, when not whole days. */
  hours?: number;
  documented: boolean;
  /** Legeerklæring showing documented risk of absence from chronic illness or disability: from day 1 (§8.1). */
  chronicFromDay1?: boolean;
  from?: IsoDate;
}

/** Absence of one school year of the course (§2.7, §8.1): days and hours are never converted into each other. */
export interface AbsenceYear {
  /** 1 … 5: the year of the course (4th/5th year for extended time, §2.7). */
  courseYear: number;
  schoolYear: SchoolYear;
  days: number;
  hours: number;
  deductions?: AbsenceDeduction[];
  /** A year abroad without absence in its documentation (§2.7: then nothing is recorded). */
  abroadWithoutRecord?: boolean;
  /** Alternativ vg3 i skole: absence is recorded, the 10 % limit does not apply (§2.7, §8.2). */
  alternativeVg3?: boolean;
}

/** Undocumented absence in one subject, for the 10 % limit (§8.2). Hours in 60-minute units. */
export interface SubjectAbsence {
  fagkode: string;
  schoolYear: SchoolYear;
  undocumentedHours: number;
  /** The subject's hours for the whole school year (§8.2 "ut ifra timetallet i faget for hele skoleåret"). */
  subjectHours: number;
}

/** Orden og adferd for one school year (§5.6), with whether it is standpunkt or halvår. */
export interface ConductRecord {
  schoolYear: SchoolYear;
  orden: ConductGrade;
  adferd: ConductGrade;
  kind: "standpunkt" | "halvar";
  /** The person had elev status in at least one subject that year (§5.6). */
  elevInYear: boolean;
}

/** An apprenticeship or training contract (lærekontrakt / opplæringskontrakt, §9). */
export interface ApprenticeshipContract {
  kind: "laerekontrakt" | "opplaeringskontrakt";
  status: "laerling" | "laerekandidat" | "praksisbrevkandidat";
  /** The lærefag (trade) and its programme area (vg3/vg4 in company). */
  fagName: string;
  programmeArea: string;
  start: IsoDate;
  /** Fastsatt kontraktstid in months (VMM29). */
  contractMonths: number;
  /** Months completed (VMM29). */
  completedMonths?: number;
  /** Læretid ended (contract expiry) — with the final test's pass date it gives VMM31's date (§9.1). */
  end?: IsoDate;
  /** The contract was cancelled (hevet) before its end (§9.11). */
  cancelled?: IsoDate;
  /** The company teaches the vg1/vg2 programfag normally taught in school (§9.5). */
  programfagInCompany?: boolean;
  /** The result of the fag-/svenneprøve, praksisbrevprøve or kompetanseprøve and when it was passed. */
  finalTest?: { kind: FinalTestKind; result?: Vurdering; passedOn?: IsoDate };
  /** YSK model (yrkes- og studiekompetanse, VMM28, §9.6). */
  ysk?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// The whole case
// ---------------------------------------------------------------------------------------------------------------

/** Reasons for extended time that keep the right to a førstegangsvitnemål (§1.2, VMM07–10, 20–22, 24). */
export type ExtendedTimeReason =
  | "utveksling" // international exchange, folkehøgskole, verneplikt, omsorgsarbeid ≥ 6 months — VMM07
  | "omvalg" // § 3-1 fjerde ledd — VMM08
  | "sykdom" // long illness — VMM09
  | "utvidetOpplaeringstid" // § 3-1 femte ledd — VMM10
  | "utsattEksamen" // § 3-32 — VMM20
  | "saerskiltEksamen" // § 3-30 — VMM21
  | "nyEksamen" // §§ 3-33, 3-34 — VMM22
  | "idrett"; // four years with sport, § 3-40 siste ledd — VMM24

/**
 * Everything the decisions read about one person at one decision date. Fields are optional where the seed's rules
 * do not need them for every person.
 */
export interface VitnemalCase {
  person: Person;
  issuer: Issuer;
  /** The decision date (issue date); rules never read the clock. */
  decisionDate: IsoDate;
  statuses: StatusPeriod[];
  programmeAreas: ProgrammeAreaEntry[];
  subjects: SubjectResult[];
  exams?: ExamEvent[];
  exemptions?: Exemption[];
  approvals?: Approval[];
  absence?: AbsenceYear[];
  subjectAbsence?: SubjectAbsence[];
  conduct?: ConductRecord[];
  contracts?: ApprenticeshipContract[];
  iop?: Iop;
  udirDecisions?: UdirDecision[];
  /** Document remarks requested by the caller (the rules add the ones they derive). */
  vitnemalsmerknader?: MerknadUse[];
  /** Facts about the course that the document rules need (§1.2, §1.3, §1.5, §4). */
  course?: CourseFacts;
}

/** Facts about the person's course of study that the seed's document rules turn on. */
export interface CourseFacts {
  /** Sluttkompetanser the course fulfils (computed elsewhere from fag- og timefordeling; input here). */
  achieved?: Sluttkompetanse[];
  /** All subjects of the course are passed, counting the §1.5/§9.2 exception only when approved. */
  allPassed?: boolean;
  /** The course follows a fixed opplæringsløp in tilbudsstrukturen (LK) (§1.2). */
  fixedLop?: boolean;
  /** Completed within normal time (sammenhengende) (§1.2). */
  withinNormalTime?: boolean;
  /** Reasons for extended time that keep the førstegangsvitnemål right (§1.2). */
  extendedTimeReasons?: ExtendedTimeReason[];
  /** Took a ny eksamen after a failed grade (§ 3-31) after normal time: no førstegangsvitnemål (§1.2). */
  retookFailedAfterNormalTime?: boolean;
  /** Vg4 påbygging til generell studiekompetanse (§1.2: no førstegangsvitnemål; §4.4). */
  vg4Pabygging?: boolean;
  /** A subject completed as elev was replaced by a privatist subject within the minimum (§4.2). */
  replacedElevSubjectWithPrivatist?: boolean;
  /**
   * The number of exams the trekkordning requires for this course (§4.2 "antall eksamener iht. gjeldende bestemmelser om
   * uttrekk til eksamen"; forskrift § 3-44 and Udir-2-2018 — not in the seed, so an input). Absent = not checked.
   */
  requiredExams?: number;
  /** The course has four programme areas by its structure (vg4 påbygging, avioniker-, flymotor-… faget, §4.1). */
  fourAreaLop?: boolean;
  /** Fellesfag documented for praksiskandidater/fagbrev på jobb (§1.9 footnote, § 3-39). */
  fellesfagDocumented?: boolean;
  /** Rektor approved the § 3-42 exception for up to two fellesfag with grade 1 (§1.5, §9.2). */
  section342Approved?: string[];
  /** Fag-/svenneprøve or praksisbrevprøve passed while up to two fellesfag (one for praksisbrev) are not (§1.7, §1.8). */
  finalTestPassedFellesfagFailed?: boolean;
  /** VMM33 agreement: fremmedspråk fellesfag as privatist by this date (§1.3). */
  fremmedsprakPrivatistBy?: IsoDate;
  /**
   * §1.6: the fylkeskommune approved a praksisbrev although one fellesfag is completed but not passed
   * ("kan likevel på visse vilkår få utstedt praksisbrevet").
   */
  praksisbrevExceptionApproved?: boolean;
}
