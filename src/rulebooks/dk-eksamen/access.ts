/**
 * Kapitel 3, "Adgang til prøve" (seed 002, §§ 7–10): access to an exam, self-study registration and its deadlines,
 * sick exams and the retake ban. Pure rules: the decision date is an input, nothing reads the clock.
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { addSpan } from "../../kernel/time/deadline.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { f002, isGymnasialOrEux, isHigherLevel } from "./procedure.ts";
import type { Education, Level } from "./model.ts";

/** The hf faggrupper of § 7, stk. 2 (and § 40, nr. 9–10). */
export type HfFaggruppe = "naturvidenskabelig" | "kultur-samfund";

export interface AccessInput {
  education: Education;
  /** The subject of the exam (the faggruppe's own name for an hf faggruppe exam). */
  subject: string;
  level: Level;
  /** Set when the exam is the hf exam in one of the two faggrupper. */
  faggruppe?: HfFaggruppe;
  /** "har fulgt undervisningen i faget i det pågældende skole- eller kursusår eller … undervisningsforløb" */
  followedTeaching: boolean;
  /** "medmindre andet følger af reglerne for den enkelte uddannelse": the education's own rules admit without teaching. */
  admittedByEducationRules?: boolean;
  /**
   * Whether the formal requirements to papers, projects, synopses etc. made as part of the exam are met; null when the
   * exam has none.
   */
  formalRequirementsMet: boolean | null;
  /**
   * The levels at which the pupil follows or will follow the same subject (for an hf faggruppe exam: the levels of the
   * group's subjects chosen as valgfag). The exam's own level may be listed; only higher levels matter.
   */
  followsOrWillFollow: readonly Level[];
}

/**
 * § 7: "En elev eller kursist kan aflægge prøve i et fag, når eleven eller kursisten har fulgt undervisningen i faget …"
 * and "Det er en betingelse for adgang til eksaminationen, at de formelle krav til opgaver, projekter, synopser mv. …
 * er opfyldt." (stk. 1); "… følger eller vil følge et fag på et højere niveau, kan ikke aflægge prøve i faget på det
 * lavere niveau. En kursist i det 2-årige hf skal dog aflægge prøve i hver af de to faggrupper …" (stk. 2);
 * "Institutionen afgør, om eleven eller kursisten har opfyldt betingelserne" (stk. 3). Value: access granted.
 */
export function examAccess(input: AccessInput): Decision<boolean> {
  const fs: Finding[] = [];
  if (!input.followedTeaching) {
    if (input.admittedByEducationRules === true) {
      fs.push(
        f002(
          "access.education-rules",
          "info",
          "§ 7, stk. 1",
          "The pupil has not followed the teaching, but the rules of the education admit the pupil to the exam.",
          "Eleven har ikke fulgt undervisningen, men reglerne for den enkelte uddannelse giver adgang til prøven.",
          "followedTeaching",
          false,
        ),
      );
    } else {
      fs.push(
        f002(
          "access.not-followed",
          "error",
          "§ 7, stk. 1",
          "Only a pupil who has followed the teaching in the subject in the school or course year can take the exam (self-study: § 8).",
          "Kun en elev eller kursist, der har fulgt undervisningen i faget i det pågældende skole- eller kursusår, kan aflægge prøve (selvstuderende: § 8).",
          "followedTeaching",
          false,
        ),
      );
    }
  }
  if (input.formalRequirementsMet === false) {
    fs.push(
      f002(
        "access.formal-requirements",
        "error",
        "§ 7, stk. 1",
        "The formal requirements to the papers, projects or synopses the exam needs are not met: no access to the examination.",
        "De formelle krav til opgaver, projekter, synopser mv. er ikke opfyldt: ingen adgang til eksaminationen.",
        "formalRequirementsMet",
        false,
      ),
    );
  }
  const higher = input.followsOrWillFollow.filter((l) => isHigherLevel(l, input.level));
  if (higher.length > 0 && isGymnasialOrEux(input.education)) {
    const top = higher.includes("A") ? "A" : "B";
    if (input.education === "hf2" && input.faggruppe !== undefined) {
      fs.push(
        f002(
          "access.hf-faggruppe",
          "info",
          "§ 7, stk. 2",
          `An hf student must take the exam in the ${input.faggruppe === "naturvidenskabelig" ? "science" : "culture and society"} group even with a subject of the group at level ${top} as an elective.`,
          `En kursist i det 2-årige hf skal aflægge prøve i ${input.faggruppe === "naturvidenskabelig" ? "den naturvidenskabelige faggruppe" : "kultur- og samfundsfaggruppen"}, selv om et fag fra faggruppen er valgt på ${top}-niveau som valgfag.`,
          "faggruppe",
          input.faggruppe,
        ),
      );
    } else {
      fs.push(
        f002(
          "access.lower-level",
          "error",
          "§ 7, stk. 2",
          `The pupil follows or will follow ${input.subject} at level ${top} and cannot take the exam at the lower level ${input.level}.`,
          `Eleven følger eller vil følge ${input.subject} på ${top}-niveau og kan ikke aflægge prøve på det lavere ${input.level}-niveau.`,
          "level",
          input.level,
        ),
      );
    }
  }
  const ok = !hasErrors(fs);
  if (ok) {
    fs.push(
      f002(
        "access.granted",
        "info",
        "§ 7, stk. 1",
        `Access to the exam in ${input.subject} at level ${input.level}.`,
        `Adgang til prøve i ${input.subject} på ${input.level}-niveau.`,
      ),
    );
  }
  fs.push(
    f002(
      "access.institution-decides",
      "info",
      "§ 7, stk. 3",
      "The institution decides whether the conditions are met; the decision can be appealed to the ministry within 2 weeks (§ 55).",
      "Institutionen afgør, om betingelserne er opfyldt; afgørelsen kan påklages til ministeriet inden 2 uger (§ 55).",
    ),
  );
  return decision(ok, fs);
}

// ---------------------------------------------------------------------------------------------------------------
// § 8 Self-study (selvstuderende)

export interface SelfStudyInput {
  education: Education;
  examDate: IsoDate;
  registeredOn: IsoDate;
  /** Whether the institution "i forvejen afholder prøve i det pågældende fag og niveau". */
  institutionHoldsExam: boolean;
  /** The registration deadline the institution has set, if any. */
  institutionDeadline?: IsoDate;
  /** The institution refers the examinee to another institution (allowed by § 8, stk. 1). */
  referredTo?: string;
}

export interface SelfStudyRegistration {
  accepted: boolean;
  /** The deadline that applied (null: this order sets none and the institution set none). */
  deadline: IsoDate | null;
}

/** § 8, stk. 2: the earliest lawful registration deadline, 8 weeks (56 calendar days) before the exam. */
export const earliestSelfStudyDeadline = (examDate: IsoDate): IsoDate => addSpan(examDate, { weeks: -8 });

/** § 8, stk. 3: fvu self-study registration "normalt senest 2 uger før prøvens afholdelse". */
export const fvuSelfStudyDeadline = (examDate: IsoDate): IsoDate => addSpan(examDate, { weeks: -2 });

/**
 * The deadline for a self-study registration. § 8, stk. 2: "Institutionen kan fastsætte en frist for tilmelding, der
 * ligger tidligst 8 uger før prøvens afholdelse, jf. dog stk. 3." A deadline set earlier is unlawful: the earliest
 * lawful one (8 weeks before) applies instead. § 8, stk. 3: fvu registers "normalt senest 2 uger før" — for fvu that is
 * the deadline, and an institution deadline earlier than it does not apply (decision in docs/rulebooks/002-eksamen.md).
 */
export function selfStudyDeadline(education: Education, examDate: IsoDate, institutionDeadline?: IsoDate): Decision<IsoDate | null> {
  if (education === "fvu") {
    const d = fvuSelfStudyDeadline(examDate);
    const fs: Finding[] = [
      f002(
        "selfstudy.fvu-deadline",
        "info",
        "§ 8, stk. 3",
        `fvu: register normally no later than 2 weeks before the exam (${d}).`,
        `fvu: tilmelding normalt senest 2 uger før prøvens afholdelse (${d}).`,
        "deadline",
        d,
      ),
    ];
    if (institutionDeadline !== undefined && institutionDeadline < d) {
      fs.push(
        f002(
          "selfstudy.fvu-institution-deadline",
          "warning",
          "§ 8, stk. 3",
          `The institution's deadline ${institutionDeadline} is earlier than the 2 weeks fvu normally allows; ${d} applies.`,
          `Institutionens frist ${institutionDeadline} ligger før de normalt 2 uger for fvu; ${d} gælder.`,
          "institutionDeadline",
          institutionDeadline,
        ),
      );
      return decision(d, fs);
    }
    return decision(institutionDeadline !== undefined && institutionDeadline > d ? institutionDeadline : d, fs);
  }
  if (institutionDeadline === undefined) {
    return decision(null, [
      f002(
        "selfstudy.no-deadline",
        "info",
        "§ 8, stk. 2",
        "The institution has set no registration deadline (it may set one at the earliest 8 weeks before the exam).",
        "Institutionen har ikke fastsat en tilmeldingsfrist (den kan fastsætte en frist tidligst 8 uger før prøven).",
      ),
    ]);
  }
  const earliest = earliestSelfStudyDeadline(examDate);
  if (institutionDeadline < earliest) {
    return decision(earliest, [
      f002(
        "selfstudy.deadline-too-early",
        "error",
        "§ 8, stk. 2",
        `The institution's deadline ${institutionDeadline} is more than 8 weeks before the exam on ${examDate}; the earliest lawful deadline ${earliest} applies.`,
        `Institutionens frist ${institutionDeadline} ligger mere end 8 uger før prøven ${examDate}; den tidligst lovlige frist ${earliest} gælder.`,
        "institutionDeadline",
        institutionDeadline,
      ),
    ]);
  }
  return decision(institutionDeadline, [
    f002(
      "selfstudy.deadline",
      "info",
      "§ 8, stk. 2",
      `Registration deadline ${institutionDeadline} (not earlier than 8 weeks before the exam: ${earliest}).`,
      `Tilmeldingsfrist ${institutionDeadline} (tidligst 8 uger før prøven: ${earliest}).`,
      "institutionDeadline",
      institutionDeadline,
    ),
  ]);
}

/**
 * § 8, stk. 1: "Tilmelding skal ske ved en institution, der i forvejen afholder prøve i det pågældende fag og niveau.
 * Institutionen kan henvise den selvstuderende til at aflægge prøve ved en anden institution." A registration on the
 * deadline day is in time; the day after is late (an error; for fvu a warning, "normalt").
 */
export function selfStudyRegistration(input: SelfStudyInput): Decision<SelfStudyRegistration> {
  const fs: Finding[] = [];
  if (!input.institutionHoldsExam) {
    fs.push(
      f002(
        "selfstudy.institution-not-holding",
        "error",
        "§ 8, stk. 1",
        "Register at an institution that already holds the exam in this subject and level.",
        "Tilmelding skal ske ved en institution, der i forvejen afholder prøve i det pågældende fag og niveau.",
        "institutionHoldsExam",
        false,
      ),
    );
  }
  if (input.referredTo !== undefined) {
    fs.push(
      f002(
        "selfstudy.referred",
        "info",
        "§ 8, stk. 1",
        `The institution refers the self-study examinee to ${input.referredTo}.`,
        `Institutionen henviser den selvstuderende til at aflægge prøve ved ${input.referredTo}.`,
        "referredTo",
        input.referredTo,
      ),
    );
  }
  const dl = selfStudyDeadline(input.education, input.examDate, input.institutionDeadline);
  // The institution's unlawful deadline is its error, not the examinee's: in a registration it is a warning.
  fs.push(...dl.because.map((f) => (f.severity === "error" ? { ...f, severity: "warning" as const } : f)));
  const deadline = dl.value;
  if (deadline !== null && input.registeredOn > deadline) {
    const fvu = input.education === "fvu";
    fs.push(
      f002(
        fvu ? "selfstudy.late-fvu" : "selfstudy.late",
        fvu ? "warning" : "error",
        fvu ? "§ 8, stk. 3" : "§ 8, stk. 2",
        fvu
          ? `Registered on ${input.registeredOn}, after ${deadline} (normally 2 weeks before); the institution may still accept it.`
          : `Registered on ${input.registeredOn}, after the deadline ${deadline}.`,
        fvu
          ? `Tilmeldt ${input.registeredOn}, efter ${deadline} (normalt 2 uger før); institutionen kan stadig acceptere tilmeldingen.`
          : `Tilmeldt ${input.registeredOn}, efter fristen ${deadline}.`,
        "registeredOn",
        input.registeredOn,
      ),
    );
  } else if (deadline !== null) {
    fs.push(
      f002(
        "selfstudy.in-time",
        "info",
        input.education === "fvu" ? "§ 8, stk. 3" : "§ 8, stk. 2",
        `Registered on ${input.registeredOn}, within the deadline ${deadline}.`,
        `Tilmeldt ${input.registeredOn}, inden for fristen ${deadline}.`,
        "registeredOn",
        input.registeredOn,
      ),
    );
  }
  if (input.registeredOn > input.examDate) {
    fs.push(
      f002(
        "selfstudy.after-exam",
        "error",
        "§ 8, stk. 1",
        `Registered on ${input.registeredOn}, after the exam on ${input.examDate}.`,
        `Tilmeldt ${input.registeredOn}, efter prøven ${input.examDate}.`,
        "registeredOn",
        input.registeredOn,
      ),
    );
  }
  return decision({ accepted: !hasErrors(fs), deadline }, fs);
}

// ---------------------------------------------------------------------------------------------------------------
// § 9 Sick exams (sygeprøve)

export interface SickExamInput {
  reason: "illness" | "other";
  /** Illness: documented ("dokumenteret sygdom"). */
  documented?: boolean;
  /** Other reason: the institution finds it blameless ("anden uforskyldt grund"). */
  blameless?: boolean;
  /** The exam has a submission deadline (project or other task), so § 9, stk. 2 can apply. */
  hasSubmissionDeadline?: boolean;
}

export interface SickExamOutcome {
  entitled: boolean;
  /** "snarest muligt" */
  asSoonAsPossible: boolean;
  /** § 9, stk. 2: the institution may hold the sick exam by extending the submission deadline. */
  mayExtendDeadline: boolean;
}

/**
 * § 9: "En eksaminand, der har været forhindret i at gennemføre en prøve på grund af dokumenteret sygdom eller anden
 * uforskyldt grund, skal have mulighed for at aflægge prøven snarest muligt." Stk. 2: "Institutionen kan bestemme, at
 * sygeprøve gennemføres ved forlængelse af allerede fastsatte afleveringsfrister …"
 */
export function sickExam(input: SickExamInput): Decision<SickExamOutcome> {
  const entitled = input.reason === "illness" ? input.documented === true : input.blameless === true;
  const fs: Finding[] = [];
  if (entitled) {
    fs.push(
      f002(
        "sick.entitled",
        "info",
        "§ 9, stk. 1",
        "The examinee must be given the opportunity to take the exam as soon as possible.",
        "Eksaminanden skal have mulighed for at aflægge prøven snarest muligt.",
        "reason",
        input.reason,
      ),
    );
  } else {
    fs.push(
      input.reason === "illness"
        ? f002(
            "sick.undocumented",
            "error",
            "§ 9, stk. 1",
            "The illness is not documented: no right to a sick exam (§ 17 applies to absence).",
            "Sygdommen er ikke dokumenteret: ingen ret til sygeprøve (udeblivelse: § 17).",
            "documented",
            false,
          )
        : f002(
            "sick.not-blameless",
            "error",
            "§ 9, stk. 1",
            "The reason is not judged blameless: no right to a new exam (§ 17 applies to absence).",
            "Grunden er ikke vurderet som uforskyldt: ingen ret til ny prøve (udeblivelse: § 17).",
            "blameless",
            false,
          ),
    );
  }
  const mayExtendDeadline = entitled && input.hasSubmissionDeadline === true;
  if (mayExtendDeadline) {
    fs.push(
      f002(
        "sick.extend-deadline",
        "info",
        "§ 9, stk. 2",
        "The institution may hold the sick exam by extending the submission deadline already set.",
        "Institutionen kan bestemme, at sygeprøven gennemføres ved forlængelse af den allerede fastsatte afleveringsfrist.",
        "hasSubmissionDeadline",
        true,
      ),
    );
  }
  return decision({ entitled, asSoonAsPossible: entitled, mayExtendDeadline }, fs);
}

// ---------------------------------------------------------------------------------------------------------------
// § 10 Retake ban

export interface RetakeInput {
  education: Education;
  /** Self-study examinees are not "elever og kursister, som følger" the education. */
  selfStudy?: boolean;
  /** "omgængere": pupils repeating a school year (§ 10, stk. 2). */
  repeatingYear?: boolean;
  /** The earlier attempt ended in expulsion (§ 20, stk. 4). */
  expelled?: boolean;
  /** A retest offered because of an error or deficiency (§ 45). */
  errorRetest?: boolean;
  /** A retest offered in a complaint case (§ 50, stk. 1, nr. 2, § 54, stk. 4, nr. 2): decision, see docs. */
  complaintRetest?: boolean;
}

/**
 * § 10: "Elever og kursister, som følger de 2- og 3-årige gymnasiale uddannelser eller et eux-forløb, kan ikke deltage
 * i en tidligere aflagt prøve på ny, jf. dog stk. 2, § 20, stk. 4, og § 45." Stk. 2: "Stk. 1 gælder ikke for … omgængere."
 * Value: the pupil may take the earlier exam again.
 */
export function mayRetake(input: RetakeInput): Decision<boolean> {
  if (!isGymnasialOrEux(input.education) || input.selfStudy === true) {
    return decision(true, [
      f002(
        "retake.not-covered",
        "info",
        "§ 10, stk. 1",
        "The retake ban covers pupils in the 2- and 3-year gymnasial educations and eux only.",
        "Forbuddet mod at gå til en tidligere aflagt prøve på ny gælder kun elever og kursister i de 2- og 3-årige gymnasiale uddannelser og eux.",
        "education",
        input.education,
      ),
    ]);
  }
  const exception = (rule: string, ref: string, en: string, da: string): Decision<boolean> =>
    decision(true, [f002(rule, "info", ref, en, da)]);
  if (input.repeatingYear === true)
    return exception("retake.omgaenger", "§ 10, stk. 2", "A pupil repeating the school year (omgænger) may take the exam again.", "En omgænger kan aflægge prøven på ny.");
  if (input.expelled === true)
    return exception(
      "retake.after-expulsion",
      "§ 20, stk. 4",
      "After an expulsion the examinee may take the exam again (next term it is held, within 1 year).",
      "Efter bortvisning kan eksaminanden aflægge prøven på ny (i den følgende termin, dog inden 1 år).",
    );
  if (input.errorRetest === true)
    return exception("retake.error-retest", "§ 45, stk. 2", "A retest offered because of an error or deficiency.", "Omprøve tilbudt på grund af fejl og mangler.");
  if (input.complaintRetest === true)
    return exception("retake.complaint-retest", "§ 50, stk. 1", "A retest offered in a complaint case.", "Omprøve tilbudt i en klagesag.");
  return decision(false, [
    f002(
      "retake.banned",
      "error",
      "§ 10, stk. 1",
      "The pupil cannot take an exam already taken again.",
      "Eleven eller kursisten kan ikke deltage i en tidligere aflagt prøve på ny.",
      "education",
      input.education,
    ),
  ]);
}
