/**
 * Kapitel 9 of seed 002, "Fejl og mangler ved prøver" (§§ 45–46): who remedies an error or deficiency, the
 * re-assessment or retest offered to every affected examinee, annulment, and the grade after a remedy. Pure rules.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { formatGrade7 } from "../../kernel/grades/seven-step.ts";
import type { Grade7, TaskSetter } from "./model.ts";
import { f002 } from "./procedure.ts";

export interface ErrorCase {
  /** Who set the tasks (§ 45, stk. 4: ministry-set tasks → the ministry takes over stk. 1 and 2). */
  setBy: TaskSetter;
  /** "fejl og mangler, der kan udbedres" (stk. 1). */
  remediable: boolean;
  /** "væsentlige fejl og mangler" (stk. 2). */
  significant: boolean;
  /** The ministry has annulled the exams held (stk. 3, "fejl og mangler af særlig grov karakter"). */
  annulled?: boolean;
  /** The remedy the deciding authority chose for a significant error. */
  remedy?: "reassessment" | "retest";
  /** Every examinee for whom the exam suffers from the same defect. */
  affected: readonly string[];
}

export interface ErrorOffer {
  examineeId: string;
  /** Re-assessment is carried out; a retest is offered (the examinee may decline). */
  remedy: "reassessment" | "retest";
  mode: "carried-out" | "offered";
}

export interface ErrorDecision {
  decidedBy: "leader" | "ministry";
  offers: ErrorOffer[];
  /** The new grade may be lower only after an annulment (§ 46, stk. 1). */
  mayBeLower: boolean;
  /** § 46, stk. 2: the institution may withhold the certificate or diploma until the case is settled. */
  mayWithholdDiploma: boolean;
}

/**
 * § 45, stk. 1: "træffer institutionens leder … afgørelse om, hvordan udbedringen skal ske." Stk. 2: "Ved væsentlige fejl
 * og mangler tilbyder institutionen ombedømmelse eller omprøve … Hvis en prøve lider af samme mangel for flere
 * eksaminander, skal ombedømmelse foretages for og omprøve tilbydes alle eksaminander, for hvem prøven lider af samme
 * mangel." Stk. 3: the ministry may annul. Stk. 4: ministry-set tasks → "inddrage ministeriet, der herefter varetager de
 * i stk. 1 og 2 nævnte funktioner". Reading: the remedy chosen applies to every affected examinee — a re-assessment is
 * carried out for all, a retest is offered to all (docs).
 */
export function remedyError(c: ErrorCase): Decision<ErrorDecision> {
  const decidedBy = c.setBy === "ministry" ? "ministry" : "leader";
  const fs: Finding[] = [];
  if (decidedBy === "ministry") {
    fs.push(f002("error.ministry", "info", "§ 45, stk. 4", "The tasks were set by the ministry: the institution involves the ministry, which decides the remedy.", "Opgaverne er stillet af Undervisningsministeriet: institutionen inddrager ministeriet, der træffer afgørelse om udbedringen.", "setBy", "ministry"));
  }
  let offers: ErrorOffer[] = [];
  if (c.annulled === true) {
    fs.push(f002("error.annulled", "warning", "§ 45, stk. 3", "The ministry has annulled the exam: every affected examinee is offered a new exam, whose grade may be lower.", "Ministeriet har annulleret prøven: alle berørte eksaminander tilbydes ny prøve, hvor karakteren kan blive lavere.", "annulled", true));
    offers = c.affected.map((examineeId) => ({ examineeId, remedy: "retest", mode: "offered" }));
  } else if (c.significant) {
    if (c.remedy === undefined) {
      fs.push(f002("error.remedy-missing", "error", "§ 45, stk. 2", "A significant error: choose re-assessment or retest.", "Væsentlige fejl og mangler: der skal vælges ombedømmelse eller omprøve.", "remedy", null));
    } else {
      const remedy = c.remedy;
      const mode = remedy === "reassessment" ? "carried-out" : "offered";
      offers = c.affected.map((examineeId) => ({ examineeId, remedy, mode }));
      fs.push(
        f002(
          "error.remedy-for-all",
          "info",
          "§ 45, stk. 2",
          remedy === "reassessment"
            ? `Re-assessment is carried out for all ${c.affected.length} examinees with the same defect; the institution decides whether the original assessors do it.`
            : `A retest is offered to all ${c.affected.length} examinees with the same defect; the institution decides whether the original assessors assess it.`,
          remedy === "reassessment"
            ? `Ombedømmelse foretages for alle ${c.affected.length} eksaminander med samme mangel; institutionen beslutter, om det sker ved de oprindelige bedømmere.`
            : `Omprøve tilbydes alle ${c.affected.length} eksaminander med samme mangel; institutionen beslutter, om det sker ved de oprindelige bedømmere.`,
          "affected",
          c.affected.length,
        ),
      );
    }
  } else if (c.remediable) {
    fs.push(f002("error.remediable", "info", "§ 45, stk. 1", "A remediable error: the head of the institution decides how to remedy it, possibly after talking to the assessors or task setters.", "Fejl og mangler, der kan udbedres: institutionens leder træffer afgørelse om udbedringen, eventuelt efter drøftelse med bedømmerne eller opgavestillerne.", "remediable", true));
  } else {
    fs.push(f002("error.none", "info", "§ 45, stk. 1", "Neither remediable nor significant: no remedy.", "Hverken fejl, der kan udbedres, eller væsentlige fejl: ingen udbedring.", "significant", false));
  }
  if (offers.length > 0) {
    fs.push(f002("error.withhold", "info", "§ 46, stk. 2", "The institution may withhold the certificate or diploma until the case is settled.", "Institutionen kan tilbageholde prøve- eller eksamensbevis, indtil sagen er afgjort."));
  }
  fs.push(f002("error.appeal", "info", "§ 55, stk. 1", "The decision follows forvaltningsloven and can be appealed to the ministry within 2 weeks.", "Afgørelsen følger forvaltningslovens regler og kan påklages til ministeriet inden 2 uger."));
  return decision({ decidedBy, offers, mayBeLower: c.annulled === true, mayWithholdDiploma: offers.length > 0 }, fs);
}

/**
 * § 46, stk. 1: "Ombedømmelse eller omprøve kan ikke resultere i en lavere karakter, medmindre omprøven skyldes
 * annullering af den oprindelige prøve, jf. § 45, stk. 3." The grade that stands after an error remedy. (A complaint's
 * re-assessment or retest may be lower: § 53, stk. 5, see complaint.ts.)
 */
export function gradeAfterErrorRemedy(original: Grade7, next: Grade7, annulled: boolean): Decision<Grade7> {
  if (annulled) {
    return decision(next, [f002("error.grade-annulled", "info", "§ 46, stk. 1", `The original exam was annulled: the new grade ${formatGrade7(next)} stands, even if lower.`, `Den oprindelige prøve er annulleret: den nye karakter ${formatGrade7(next)} gælder, også hvis den er lavere.`, "grade", next)]);
  }
  if (next < original) {
    return decision(original, [f002("error.grade-not-lower", "info", "§ 46, stk. 1", `The re-assessment or retest gave ${formatGrade7(next)}, lower than ${formatGrade7(original)}: the original grade stands.`, `Ombedømmelsen eller omprøven gav ${formatGrade7(next)}, lavere end ${formatGrade7(original)}: den oprindelige karakter gælder.`, "grade", original)]);
  }
  return decision(next, [f002("error.grade-new", "info", "§ 46, stk. 1", `The new grade ${formatGrade7(next)} stands.`, `Den nye karakter ${formatGrade7(next)} gælder.`, "grade", next)]);
}
