/**
 * Mandatory exams in the upper-secondary educations and eux (§§ 43–44 of seed 002): which exams an examinee's plan
 * must contain after the draw (udtræk). Pure: the caller passes the subjects with the exams each ends with and whether
 * each is taken (drawn or otherwise held for the examinee).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { exFinding } from "./cite.ts";
import type { Component, Examinee, GradePart, Level, Subject } from "./model.ts";

/** One exam a subject can end with, and whether the examinee takes it. */
export interface PlannedExam {
  part: GradePart;
  taken: boolean;
}

/** A subject of the examinee's education with the exams it ends with ("afsluttes med"). */
export interface SubjectPlan {
  subject: Subject;
  level?: Level;
  exams: PlannedExam[];
}

const label = (p: SubjectPlan) => `${p.subject.code}${p.level === undefined ? "" : ` ${p.level}`}`;
const takesAny = (p: SubjectPlan) => p.exams.some((e) => e.taken);

/** § 43, stk. 2: the components in which an exam is always taken, per education. */
const ALWAYS: { education: "stx" | "htx" | "hhx"; anyOf: Component[]; ref: string; en: string; da: string }[] = [
  { education: "stx", anyOf: ["at"], ref: "§ 43, stk. 2, nr. 1", en: "almen studieforberedelse", da: "almen studieforberedelse" },
  { education: "htx", anyOf: ["teknikfag"], ref: "§ 43, stk. 2, nr. 2", en: "teknikfag", da: "teknikfag" },
  { education: "htx", anyOf: ["studieomraade"], ref: "§ 43, stk. 2, nr. 2", en: "studieområdet", da: "studieområdet" },
  {
    education: "hhx",
    anyOf: ["erhvervscase", "international"],
    ref: "§ 43, stk. 2, nr. 3",
    en: "at least one of erhvervscase and det internationale område",
    da: "mindst én af prøverne i erhvervscase og det internationale område",
  },
];

/**
 * Checks the mandatory exams of a plan. Value: true when every rule that applies is met.
 *
 * - "I fag, der afsluttes med skriftlig og mundtlig prøve i de sammenhængende uddannelser til studentereksamen (stx),
 *   til højere handelseksamen (hhx) og til højere teknisk eksamen (htx) og i eux-forløb, aflægges mindst én prøve."
 *   (§ 43, stk. 1)
 * - "Der aflægges altid prøve 1) i almen studieforberedelse i stx 2) i teknikfag og i studieområdet i htx 3) i mindst
 *   én af prøverne i erhvervscase og det internationale område i hhx." (§ 43, stk. 2)
 * - "I det 2-årige hf aflægges prøve i alle de fag, der indgår i den enkelte kursists uddannelse, bortset fra idræt på
 *   C-niveau." (§ 44) — decision: at least one exam in each subject (how many of a subject's exams is for the hf rules).
 */
export function mandatoryExams(examinee: Examinee, plan: readonly SubjectPlan[]): Decision<boolean> {
  const because: Finding[] = [];
  const edu = examinee.education;
  const coherentGym = (edu === "stx" || edu === "hhx" || edu === "htx") && examinee.coherent;

  if (coherentGym || edu === "eux") {
    for (const p of plan) {
      const parts = new Set(p.exams.map((e) => e.part));
      if (!(parts.has("written") && parts.has("oral"))) continue;
      if (!takesAny(p))
        because.push(
          exFinding(
            "mandatory.written-and-oral-one",
            "error",
            "§ 43, stk. 1",
            `${label(p)} ends with a written and an oral exam; at least one of them must be taken.`,
            `${label(p)} afsluttes med skriftlig og mundtlig prøve; der skal aflægges mindst én prøve.`,
            "plan",
            p.subject.code,
          ),
        );
    }
    for (const rule of ALWAYS) {
      if (rule.education !== edu) continue;
      const hits = plan.filter((p) => p.subject.component !== undefined && rule.anyOf.includes(p.subject.component));
      if (!hits.some(takesAny))
        because.push(
          exFinding(
            "mandatory.always",
            "error",
            rule.ref,
            `${edu}: an exam in ${rule.en} is always taken; ${hits.length === 0 ? "the plan has none" : "none is taken in the plan"}.`,
            `${edu}: der aflægges altid prøve i ${rule.da}; ${hits.length === 0 ? "planen har ingen" : "ingen aflægges i planen"}.`,
            "plan",
            rule.anyOf.join("/"),
          ),
        );
    }
  } else if (edu === "hf2" && examinee.coherent) {
    for (const p of plan) {
      const exempt = p.subject.component === "idraet" && p.level === "C";
      if (exempt || takesAny(p)) continue;
      because.push(
        exFinding(
          "mandatory.hf-all-subjects",
          "error",
          "§ 44",
          `2-year hf: an exam is taken in every subject except idræt C; ${label(p)} has none.`,
          `2-årigt hf: der aflægges prøve i alle fag bortset fra idræt på C-niveau; ${label(p)} har ingen.`,
          "plan",
          p.subject.code,
        ),
      );
    }
  } else {
    return decision(true, [
      exFinding(
        "mandatory.not-applicable",
        "info",
        edu === "hf2" ? "§ 44" : "§ 43, stk. 1",
        `§§ 43–44 do not apply to ${edu}${examinee.coherent ? "" : " outside a coherent programme"}.`,
        `§§ 43-44 gælder ikke for ${edu}${examinee.coherent ? "" : " uden for en sammenhængende uddannelse"}.`,
        "education",
        edu,
      ),
    ]);
  }
  return decision(because.length === 0, because);
}
