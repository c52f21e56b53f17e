/**
 * Kapitel 6 of seed 002, "Bedømmerne": who appoints and assigns censors (§§ 24–25), censor eligibility (§ 27), the
 * replacement of a censor in an emergency (§ 28) and who assesses an exam (§§ 23, 31). Pure rules; a censor assignment
 * planner can call `censorEligibility` for each (exam, censor) pair with a history index.
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { addMonths, ymd, type IsoDate } from "../../kernel/time/date.ts";
import type { AnswerForm, Education, TaskSetter } from "./model.ts";
import { f002 } from "./procedure.ts";

export interface CensorCandidate {
  id: string;
  /** Institutions that employ the censor. */
  employedAt: readonly string[];
  /** Beskikket (appointed) as censor by the ministry (§ 24); undefined = not known. */
  appointed?: boolean;
  /** Qualified for the subject and level (§ 26); undefined = not known. */
  qualified?: boolean;
}

export interface CensoredExam {
  institutionId: string;
  /** The teachers who examine (eksaminatorer, § 30). */
  examinerIds: readonly string[];
  date: IsoDate;
}

/** One censorship in the past: this censor censored exams examined by these examiners on this date. */
export interface CensorshipRecord {
  censorId: string;
  examinerIds: readonly string[];
  date: IsoDate;
}

/**
 * The two readings of "individuel gentagen og gensidig censur" (§ 27, stk. 1), see docs/rulebooks/002-eksamen.md:
 * - "repeated-or-mutual" (default, strict): no censor for an examiner the censor already censored within 2 years
 *   (repeated), and none for an examiner who censored the censor within 2 years (mutual);
 * - "mutual": only the mutual case is refused; a repetition alone is a warning.
 */
export type Section27Reading = "repeated-or-mutual" | "mutual";

export interface EligibilityOptions {
  reading?: Section27Reading;
  /** "medmindre særlige forhold gør sig gældende": a repeated or mutual censorship becomes a warning. */
  specialCircumstances?: boolean;
  /** Inhabilitet under forvaltningsloven (§ 27, stk. 2), decided elsewhere. */
  conflictOfInterest?: boolean;
}

/** The first day of the 2-year window of § 27 for an exam on `date` (the same date 2 years earlier, inclusive). */
export const censorshipWindowStart = (date: IsoDate): IsoDate => addMonths(date, -24);

/**
 * § 27, stk. 1: "Censorerne må ikke være ansat på den institution, hvor de skal virke som censorer. Ved fordeling af
 * censorarbejdet, skal det sikres, at der ikke forekommer individuel gentagen og gensidig censur inden for en samlet
 * periode på 2 år medmindre særlige forhold gør sig gældende." Stk. 2: "bestemmelserne i forvaltningsloven om
 * inhabilitet". Value: the censor may censor the exam. `history` may hold any records: only those within the window
 * (from 2 years before the exam up to the exam date) that concern this censor and these examiners count.
 */
export function censorEligibility(
  censor: CensorCandidate,
  exam: CensoredExam,
  history: readonly CensorshipRecord[],
  options: EligibilityOptions = {},
): Decision<boolean> {
  const fs: Finding[] = [];
  const reading = options.reading ?? "repeated-or-mutual";
  if (censor.employedAt.includes(exam.institutionId)) {
    fs.push(
      f002(
        "censor.employed",
        "error",
        "§ 27, stk. 1",
        `The censor is employed at the institution (${exam.institutionId}) where the exam is held.`,
        `Censor er ansat på institutionen (${exam.institutionId}), hvor prøven afholdes.`,
        "employedAt",
        exam.institutionId,
      ),
    );
  }
  if (exam.examinerIds.includes(censor.id) || options.conflictOfInterest === true) {
    fs.push(
      f002(
        "censor.disqualified",
        "error",
        "§ 27, stk. 2",
        "The censor is disqualified (inhabil) under forvaltningsloven (e.g. examiner of the same exam).",
        "Censor er inhabil efter forvaltningsloven (fx eksaminator ved samme prøve).",
        "censorId",
        censor.id,
      ),
    );
  }
  const from = censorshipWindowStart(exam.date);
  const examiners = new Set(exam.examinerIds);
  let repeated: CensorshipRecord | undefined;
  let mutual: CensorshipRecord | undefined;
  for (const r of history) {
    if (r.date < from || r.date > exam.date) continue;
    if (r.censorId === censor.id && r.examinerIds.some((e) => examiners.has(e))) repeated ??= r;
    if (examiners.has(r.censorId) && r.examinerIds.includes(censor.id)) mutual ??= r;
  }
  const special = options.specialCircumstances === true;
  if (mutual !== undefined) {
    fs.push(
      f002(
        special ? "censor.mutual-special" : "censor.mutual",
        special ? "warning" : "error",
        "§ 27, stk. 1",
        `Mutual censorship within 2 years: examiner ${mutual.censorId} censored this censor's exam on ${mutual.date} (window from ${from})${special ? "; special circumstances noted" : ""}.`,
        `Gensidig censur inden for 2 år: eksaminator ${mutual.censorId} var censor ved denne censors prøve ${mutual.date} (perioden fra ${from})${special ? "; særlige forhold noteret" : ""}.`,
        "history",
        mutual.date,
      ),
    );
  }
  if (repeated !== undefined) {
    const strict = reading === "repeated-or-mutual" && !special;
    fs.push(
      f002(
        strict ? "censor.repeated" : "censor.repeated-allowed",
        strict ? "error" : "warning",
        "§ 27, stk. 1",
        `Repeated censorship within 2 years: this censor censored the same examiner on ${repeated.date} (window from ${from}; reading: ${reading}).`,
        `Gentagen censur inden for 2 år: censor var censor for samme eksaminator ${repeated.date} (perioden fra ${from}; læsning: ${reading}).`,
        "history",
        repeated.date,
      ),
    );
  }
  if (censor.qualified === false) {
    fs.push(f002("censor.not-qualified", "error", "§ 26", "The censor is not qualified to teach the subject up to this exam.", "Censor er ikke kvalificeret til at gennemføre et undervisningsforløb frem til prøven.", "qualified", false));
  }
  const ok = !hasErrors(fs);
  if (ok) fs.push(f002("censor.eligible", "info", "§ 27, stk. 1", "The censor may censor this exam.", "Censor kan virke som censor ved prøven.", "censorId", censor.id));
  return decision(ok, fs);
}

// ---------------------------------------------------------------------------------------------------------------
// § 28 — replacement

export interface ReplacementInput {
  answer: readonly AnswerForm[];
  /** Why the appointed censor cannot act. */
  reason: "sudden-absence" | "similar-emergency" | "other";
  /** The candidate the institution proposes, with its eligibility under § 27 already decided. */
  candidate?: CensorCandidate;
  candidateEligible?: Decision<boolean>;
}

/**
 * § 28: "Får en beskikket censor pludseligt forfald, eller opstår der lignende nødstilfælde ved mundtlige og praktiske
 * prøver, udpeger institutionen en anden censor, som opfylder kravene i §§ 25 og 26." Otherwise the ministry assigns
 * (§ 25). Value: who appoints the replacement, and whether the candidate is acceptable (null: none proposed).
 */
export function censorReplacement(input: ReplacementInput): Decision<{ appointedBy: "institution" | "ministry"; candidateOk: boolean | null }> {
  const oralOrPractical = input.answer.includes("oral") || input.answer.includes("practical");
  const emergency = input.reason !== "other";
  if (!oralOrPractical || !emergency) {
    return decision({ appointedBy: "ministry", candidateOk: null }, [
      f002(
        "replacement.ministry",
        "info",
        "§ 25, stk. 1",
        "Only a sudden absence or similar emergency at an oral or practical exam lets the institution appoint a censor; otherwise the ministry assigns the censor task.",
        "Kun ved pludseligt forfald eller lignende nødstilfælde ved mundtlige og praktiske prøver udpeger institutionen en anden censor; ellers pålægger ministeriet censoropgaven.",
        "reason",
        input.reason,
      ),
    ]);
  }
  const fs: Finding[] = [
    f002("replacement.institution", "info", "§ 28", "The institution appoints another censor.", "Institutionen udpeger en anden censor.", "reason", input.reason),
  ];
  if (input.candidate === undefined) return decision({ appointedBy: "institution", candidateOk: null }, fs);
  if (input.candidate.appointed === false) {
    fs.push(f002("replacement.not-appointed", "error", "§ 28", "The replacement must meet § 25: a censor appointed (beskikket) for censor tasks.", "Den nye censor skal opfylde kravene i § 25: en beskikket censor.", "appointed", false));
  }
  if (input.candidate.qualified === false) {
    fs.push(f002("replacement.not-qualified", "error", "§ 28", "The replacement must meet § 26: qualified for the subject.", "Den nye censor skal opfylde kravene i § 26: kvalificeret i faget.", "qualified", false));
  }
  if (input.candidateEligible !== undefined) fs.push(...input.candidateEligible.because.filter((f) => f.severity !== "info"));
  return decision({ appointedBy: "institution", candidateOk: !hasErrors(fs) }, fs);
}

// ---------------------------------------------------------------------------------------------------------------
// §§ 23, 24–25, 31 — who assesses

export interface AssessmentInput {
  education: Education;
  answer: readonly AnswerForm[];
  setBy: TaskSetter;
  examDate: IsoDate;
  /** avu: "de sproglige prøver i fagene dansk og dansk som andetsprog samt … prøven i læseforståelse i faget engelsk". */
  avuLanguageExam?: boolean;
  /** § 23 "medmindre andet fremgår af reglerne om de enkelte prøver": the exam's own rules use no censor. */
  noCensorByExamRules?: boolean;
}

export interface Assessors {
  examiner: boolean;
  censors: 0 | 1 | 2;
  /** Who assigns the censor task (§ 25): the ministry, or for avu oral exams the censor's institution. */
  censorTaskBy: "ministry" | "censor-institution" | null;
}

/**
 * § 31: "Eksaminator deltager i bedømmelsen sammen med censor" (stk. 1); written answers with centrally set tasks in the
 * gymnasial educations, GS and eux: "alene af to censorer" (stk. 2); GSK exams in August and fvu written exams, and the
 * avu language exams in dansk, dansk som andetsprog and the reading test in engelsk: "alene af én censor" (stk. 3).
 * An exam is "med skriftlig besvarelse" when its answer is written only (decision, docs).
 */
export function assessors(input: AssessmentInput): Decision<Assessors> {
  const written = input.answer.length > 0 && input.answer.every((a) => a === "written");
  const taskBy = (): Assessors["censorTaskBy"] => (input.education === "avu" && !written ? "censor-institution" : "ministry");
  if (input.noCensorByExamRules === true) {
    return decision({ examiner: true, censors: 0, censorTaskBy: null }, [
      f002("assess.no-censor", "info", "§ 23", "The exam's own rules use no censor: the examiner assesses.", "Reglerne om prøven bestemmer, at der ikke medvirker censor: eksaminator bedømmer.", "noCensorByExamRules", true),
    ]);
  }
  const one = (ref: string, en: string, da: string) => decision<Assessors>({ examiner: false, censors: 1, censorTaskBy: "ministry" }, [f002("assess.one-censor", "info", ref, en, da, "education", input.education)]);
  if (written && input.education === "gsk" && ymd(input.examDate).m === 8)
    return one("§ 31, stk. 3", "GSK written exam in August: assessed by one censor alone.", "GSK, skriftlig prøve i august: bedømmes alene af én censor.");
  if (written && input.education === "fvu") return one("§ 31, stk. 3", "fvu written exam: assessed by one censor alone.", "fvu, skriftlig prøve: bedømmes alene af én censor.");
  if (input.education === "avu" && input.avuLanguageExam === true)
    return one("§ 31, stk. 3", "avu language exam (dansk, dansk som andetsprog, reading in engelsk): assessed by one censor alone.", "avu, sproglig prøve (dansk, dansk som andetsprog, læseforståelse i engelsk): bedømmes alene af én censor.");
  const twoCensorEducations: readonly Education[] = ["stx", "hhx", "htx", "hf2", "gsk", "eux"];
  if (written && input.setBy === "ministry" && twoCensorEducations.includes(input.education)) {
    return decision({ examiner: false, censors: 2, censorTaskBy: "ministry" }, [
      f002(
        "assess.two-censors",
        "info",
        "§ 31, stk. 2",
        "Written exam with a centrally set task: assessed by two censors alone.",
        "Skriftlig prøve med centralt stillet opgave: bedømmes alene af to censorer.",
        "education",
        input.education,
      ),
    ]);
  }
  const fs: Finding[] = [f002("assess.examiner-and-censor", "info", "§ 31, stk. 1", "The examiner assesses together with the censor.", "Eksaminator deltager i bedømmelsen sammen med censor.", "education", input.education)];
  if (taskBy() === "censor-institution") {
    fs.push(f002("assess.avu-oral-censor", "info", "§ 25, stk. 2", "avu oral exam: the censor's own institution assigns the censor task (unless the ministry appointed the censor).", "avu, mundtlig prøve: censoropgaven pålægges af censors institution (medmindre ministeriet har beskikket censor).", "education", "avu"));
  }
  return decision({ examiner: true, censors: 1, censorTaskBy: taskBy() }, fs);
}

/**
 * § 29, stk. 3: "Censor og eksaminator skal gøre notater om præstationen og karakterfastsættelsen … Notaterne skal
 * opbevares i 1 år." The last day the notes must be kept: the same date a year after the exam (29 February → 28 February).
 */
export const keepNotesUntil = (examDate: IsoDate): IsoDate => addMonths(examDate, 12);

// ---------------------------------------------------------------------------------------------------------------
// § 30 — who examines

export interface ExaminerInput {
  /** Teachers responsible for the examinee's teaching in the subject(s). */
  responsibleTeachers: readonly string[];
  /** The proposed examiners. */
  examiners: readonly string[];
  /** § 30, stk. 2: "ganske særlige tilfælde, herunder lærerens forfald på grund af sygdom". */
  veryspecialCase?: boolean;
  /** § 30, stk. 3: a multi-subject exam where several teachers taught and their competences are needed. */
  multiSubjectNeedsSeveral?: boolean;
  /** § 53, stk. 1: a re-assessment or retest after a complaint (new assessors). */
  complaintRetest?: boolean;
}

/**
 * § 30: "Den lærer eller en af de lærere, der er ansvarlig for den enkelte elevs eller kursists undervisning, er
 * eksaminator ved prøverne" (stk. 1); another examiner "i ganske særlige tilfælde" (stk. 2); at multi-subject exams
 * "mere end én eksaminator, når flere lærere har været ansvarlige …, og det er nødvendigt" (stk. 3); new assessors after
 * a complaint (§ 53, stk. 1). Value: the examiners are lawful.
 */
export function checkExaminers(input: ExaminerInput): Decision<boolean> {
  const fs: Finding[] = [];
  if (input.examiners.length === 0) {
    fs.push(f002("examiner.none", "error", "§ 30, stk. 1", "An exam needs an examiner.", "Der skal være en eksaminator ved prøven.", "examiners", 0));
  }
  const outsiders = input.examiners.filter((e) => !input.responsibleTeachers.includes(e));
  if (outsiders.length > 0 && input.complaintRetest === true) {
    fs.push(f002("examiner.complaint-new", "info", "§ 53, stk. 1", "New assessors for the re-assessment or retest after a complaint.", "Nye bedømmere ved ombedømmelse eller omprøve efter klage.", "examiners", outsiders.join(",")));
  } else if (outsiders.length > 0 && input.veryspecialCase !== true) {
    fs.push(f002("examiner.not-teacher", "error", "§ 30, stk. 1", "The examiner is the teacher (or one of the teachers) responsible for the teaching; another only in very special cases.", "Eksaminator er den eller en af de lærere, der er ansvarlig for undervisningen; en anden kun i ganske særlige tilfælde.", "examiners", outsiders.join(",")));
  } else if (outsiders.length > 0) {
    fs.push(f002("examiner.other", "info", "§ 30, stk. 2", "A very special case (e.g. the teacher's illness): the institution appoints another examiner.", "Ganske særligt tilfælde (fx lærerens sygdom): institutionen udpeger en anden eksaminator.", "examiners", outsiders.join(",")));
  }
  if (input.examiners.length > 1 && input.multiSubjectNeedsSeveral !== true && input.complaintRetest !== true) {
    fs.push(f002("examiner.several", "error", "§ 30, stk. 3", "More than one examiner only at a multi-subject exam where several teachers taught and their competences are needed.", "Mere end én eksaminator kun ved flerfaglige prøver, når flere lærere har været ansvarlige, og det er nødvendigt.", "examiners", input.examiners.length));
  }
  const ok = !hasErrors(fs);
  if (ok && fs.length === 0) fs.push(f002("examiner.ok", "info", "§ 30, stk. 1", "The examiner is a responsible teacher.", "Eksaminator er en ansvarlig lærer.", "examiners", input.examiners.join(",")));
  return decision(ok, fs);
}
