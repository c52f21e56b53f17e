/**
 * Kapitel 4–5 of seed 002: the draw (§ 12, stk. 4), lateness and absence (§ 17), language (§ 18), special exam
 * conditions (§ 19), and cheating, expulsion and its consequences (§ 20). Pure rules; dates are inputs.
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { addMonths, type IsoDate } from "../../kernel/time/date.ts";
import { addSpan, rollForward, workingDaysBetween } from "../../kernel/time/deadline.ts";
import type { AnswerForm } from "./model.ts";
import { EXAM_CALENDAR, f002 } from "./procedure.ts";

// ---------------------------------------------------------------------------------------------------------------
// § 12, stk. 4 — the draw

/** Who is present at the draw. */
export type DrawPresence = "examiner" | "censor" | "leader" | "leader-appointee";

export interface DrawInput {
  /** The answer form(s) of the exam; the draw rule covers exams with an oral answer. */
  answer: readonly AnswerForm[];
  /** "medmindre andet fremgår af reglerne om de enkelte prøver": the exam's own rules use no draw. */
  noDrawByExamRules?: boolean;
  /** Number of trækningsmuligheder (options to draw). */
  options: number;
  examinees: number;
  /** "Alle trækningsmuligheder skal fremlægges ved prøvens start." */
  allOptionsShownAtStart: boolean;
  /** The tasks are known to the examinees before the exam (then the presence rule does not apply). */
  tasksKnownBeforehand: boolean;
  present: readonly DrawPresence[];
  examDate: IsoDate;
  /** When the tasks and other material were sent to the censor (undefined: not sent yet). */
  materialSentOn?: IsoDate;
  /** "medmindre særlige forhold er til hinder herfor" */
  specialCircumstances?: boolean;
}

/**
 * § 12, stk. 4: the last day the tasks can be sent to the censor, "mindst 5 hverdage før prøvens afholdelse":
 * the 5th working day (Monday–Friday, not a Danish holiday or closing day) before the exam, the exam day not counted.
 */
export const latestCensorMaterialDate = (examDate: IsoDate): IsoDate => addSpan(examDate, { weekdays: -5 }, EXAM_CALENDAR);

/**
 * § 12, stk. 4: "Opgaverne til prøver med mundtlig besvarelse fordeles ved lodtrækning …. Antallet af
 * trækningsmuligheder skal overstige antallet af eksaminander med mindst 3. Alle trækningsmuligheder skal fremlægges ved
 * prøvens start. Når opgaverne ikke er kendt af eksaminanderne forud …, skal eksaminator samt enten censor, …
 * institutionens leder eller en person udpeget af denne, være til stede ved lodtrækningen. Opgaverne … sendes til censor
 * mindst 5 hverdage før prøvens afholdelse, medmindre særlige forhold er til hinder herfor." Value: the draw is lawful.
 */
export function checkDraw(input: DrawInput): Decision<boolean> {
  const fs: Finding[] = [];
  const ref = "§ 12, stk. 4";
  if (!input.answer.includes("oral") || input.noDrawByExamRules === true) {
    fs.push(
      f002(
        "draw.not-required",
        "info",
        ref,
        "No draw is required (the exam has no oral answer, or its own rules say otherwise).",
        "Der skal ikke trækkes lod (prøven har ikke mundtlig besvarelse, eller reglerne om prøven bestemmer andet).",
      ),
    );
  } else {
    const minimum = input.examinees + 3;
    if (!Number.isInteger(input.options) || !Number.isInteger(input.examinees) || input.options < 0 || input.examinees < 0) {
      fs.push(f002("draw.bad-count", "error", ref, "The numbers of options and examinees must be whole numbers ≥ 0.", "Antallet af trækningsmuligheder og eksaminander skal være hele tal ≥ 0.", "options", input.options));
    } else if (input.options < minimum) {
      fs.push(
        f002(
          "draw.too-few-options",
          "error",
          ref,
          `${input.options} options for ${input.examinees} examinees: the options must exceed the examinees by at least 3 (at least ${minimum}).`,
          `${input.options} trækningsmuligheder til ${input.examinees} eksaminander: antallet skal overstige antallet af eksaminander med mindst 3 (mindst ${minimum}).`,
          "options",
          input.options,
        ),
      );
    } else {
      fs.push(
        f002(
          "draw.options-ok",
          "info",
          ref,
          `${input.options} options for ${input.examinees} examinees (at least ${minimum} required).`,
          `${input.options} trækningsmuligheder til ${input.examinees} eksaminander (mindst ${minimum}).`,
          "options",
          input.options,
        ),
      );
    }
    if (!input.allOptionsShownAtStart) {
      fs.push(f002("draw.not-shown", "error", ref, "All options must be presented at the start of the exam.", "Alle trækningsmuligheder skal fremlægges ved prøvens start.", "allOptionsShownAtStart", false));
    }
    if (!input.tasksKnownBeforehand) {
      const examiner = input.present.includes("examiner");
      const second = input.present.some((p) => p === "censor" || p === "leader" || p === "leader-appointee");
      if (!examiner || !second) {
        fs.push(
          f002(
            "draw.presence",
            "error",
            ref,
            "The examiner and either the censor, the head of the institution or a person the head appoints must be present at the draw.",
            "Eksaminator samt enten censor, institutionens leder eller en person udpeget af denne skal være til stede ved lodtrækningen.",
            "present",
            input.present.join(","),
          ),
        );
      }
    }
  }
  fs.push(...checkCensorMaterial(input.examDate, input.materialSentOn, input.specialCircumstances === true).because);
  return decision(!hasErrors(fs), fs);
}

/**
 * § 12, stk. 4: "Opgaverne og eventuelt andet materiale … sendes til censor mindst 5 hverdage før prøvens afholdelse,
 * medmindre særlige forhold er til hinder herfor." Sent on the latest day is in time; one working day later is late
 * (an error; a warning when special circumstances prevented it). Material sent on a non-working day counts from the
 * next working day (a Saturday sending after a Friday deadline is late). Value: the number of working days from the
 * (effective) sending day to the exam, as the kernel counts them (the exam day counted, the sending day not).
 */
export function checkCensorMaterial(examDate: IsoDate, sentOn: IsoDate | undefined, specialCircumstances: boolean): Decision<number | null> {
  const ref = "§ 12, stk. 4";
  const latest = latestCensorMaterialDate(examDate);
  if (sentOn === undefined) {
    return decision(null, [
      f002("censor-material.due", "info", ref, `Send the tasks and material to the censor no later than ${latest} (5 weekdays before ${examDate}).`, `Opgaver og materiale sendes til censor senest ${latest} (5 hverdage før ${examDate}).`, "materialSentOn", latest),
    ]);
  }
  const n = workingDaysBetween(rollForward(sentOn, EXAM_CALENDAR), examDate, EXAM_CALENDAR);
  if (sentOn <= latest) {
    return decision(n, [
      f002("censor-material.in-time", "info", ref, `Material sent on ${sentOn}, ${n} weekdays before the exam (latest ${latest}).`, `Materialet sendt ${sentOn}, ${n} hverdage før prøven (senest ${latest}).`, "materialSentOn", sentOn),
    ]);
  }
  return decision(n, [
    f002(
      specialCircumstances ? "censor-material.late-special" : "censor-material.late",
      specialCircumstances ? "warning" : "error",
      ref,
      `Material sent on ${sentOn}, only ${n} weekdays before the exam on ${examDate}; at least 5 are required (latest ${latest})${specialCircumstances ? ", special circumstances noted" : ""}.`,
      `Materialet sendt ${sentOn}, kun ${n} hverdage før prøven ${examDate}; der kræves mindst 5 (senest ${latest})${specialCircumstances ? ", særlige forhold noteret" : ""}.`,
      "materialSentOn",
      sentOn,
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// § 17 — lateness and absence

export interface LatenessInput {
  kind: "absent" | "late";
  answer: readonly AnswerForm[];
  /** § 17, stk. 2: it is ruled out that the late examinee can have received any information about the task. */
  couldNotHaveReceivedInformation?: boolean;
  /** § 17, stk. 2: the institution judges the delay reasonably justified and short. */
  delayJustifiedAndShort?: boolean;
  /** § 17, stk. 2: in special cases the institution extends the exam time. */
  extendTimeSpecialCase?: boolean;
  /** § 17, stk. 3: the institution judges the absence or delay reasonably justified. */
  reasonablyJustified?: boolean;
}

export interface LatenessOutcome {
  /** Whether the examinee may take part in the exam now (late for a written exam). */
  participateNow: boolean;
  /** Whether the exam time is extended. */
  timeExtended: boolean;
  /** Whether the institution may offer the exam at a later time. */
  laterOfferPossible: boolean;
}

/**
 * § 17: "En eksaminand, der udebliver fra eller kommer for sent til en prøve, har ikke krav på at aflægge prøven."
 * Stk. 2: late for a written exam, no information possible, delay "rimeligt begrundet og af kortere varighed": may take
 * part; "Prøvetiden forlænges ikke", unless "i særlige tilfælde". Stk. 3: justified: "kan … få tilbud om at aflægge
 * prøve på et senere tidspunkt". These decisions follow forvaltningsloven and can be appealed (§ 55).
 */
export function lateOrAbsent(input: LatenessInput): Decision<LatenessOutcome> {
  const fs: Finding[] = [
    f002("late.no-right", "info", "§ 17, stk. 1", "An examinee who is absent or late has no right to take the exam.", "En eksaminand, der udebliver eller kommer for sent, har ikke krav på at aflægge prøven.", "kind", input.kind),
  ];
  const written = input.answer.includes("written");
  const participateNow =
    input.kind === "late" && written && input.couldNotHaveReceivedInformation === true && input.delayJustifiedAndShort === true;
  const timeExtended = participateNow && input.extendTimeSpecialCase === true;
  if (participateNow) {
    fs.push(
      f002(
        timeExtended ? "late.admitted-extended" : "late.admitted",
        "info",
        "§ 17, stk. 2",
        timeExtended ? "Admitted to the written exam; in this special case the exam time is extended." : "Admitted to the written exam; the exam time is not extended.",
        timeExtended ? "Får lov at deltage i den skriftlige prøve; i dette særlige tilfælde forlænges prøvetiden." : "Får lov at deltage i den skriftlige prøve; prøvetiden forlænges ikke.",
      ),
    );
  } else if (input.kind === "late" && written) {
    fs.push(
      f002(
        "late.not-admitted",
        "warning",
        "§ 17, stk. 2",
        "Not admitted: it is not ruled out that information about the task was received, or the delay is not judged reasonably justified and short.",
        "Ikke adgang: det er ikke udelukket, at eksaminanden har modtaget oplysning om opgaven, eller forsinkelsen er ikke rimeligt begrundet og af kortere varighed.",
      ),
    );
  }
  const laterOfferPossible = !participateNow && input.reasonablyJustified === true;
  if (laterOfferPossible) {
    fs.push(f002("late.later-offer", "info", "§ 17, stk. 3", "Justified: the examinee may be offered the exam at a later time.", "Rimeligt begrundet: eksaminanden kan få tilbud om at aflægge prøve på et senere tidspunkt."));
  }
  fs.push(f002("late.appeal", "info", "§ 55, stk. 1", "The decision follows forvaltningsloven and can be appealed to the ministry within 2 weeks.", "Afgørelsen følger forvaltningslovens regler og kan påklages til ministeriet inden 2 uger."));
  return decision({ participateNow, timeExtended, laterOfferPossible }, fs);
}

// ---------------------------------------------------------------------------------------------------------------
// § 18 — language

export interface LanguageInput {
  /** ISO 639-1 code of the language asked for: "da", "sv", "no"/"nb"/"nn", "en", "de" … */
  language: string;
  /** The exam's purpose is to document the examinee's skills in Danish. */
  documentsDanish: boolean;
  /** The language the subject was taught in, when it was a foreign language (e.g. "en" for engelsk, "de" for tysk). */
  taughtIn?: string;
  /** § 18, stk. 2: the institution departs from "the taught language" rule. */
  institutionDeparts?: boolean;
  /** § 18, stk. 3: an agreement between institution and examinee on another language. */
  agreement?: { veryspecialCircumstances: boolean; assessmentEnsured: boolean };
}

const SCANDINAVIAN = new Set(["sv", "no", "nb", "nn"]);

/**
 * § 18: "Prøverne aflægges på dansk … Prøverne kan aflægges på svensk eller norsk i stedet for dansk, medmindre prøvens
 * formål er at dokumentere eksaminandens færdigheder i dansk." Stk. 2: taught in a foreign language → the exam is in that
 * language unless the institution departs. Stk. 3: another language by agreement when "ganske særlige omstændigheder"
 * and "den foreskrevne bedømmelse kan finde sted" (examinee, examiner and censor master it). Value: the language is
 * allowed.
 */
export function examLanguage(input: LanguageInput): Decision<boolean> {
  const lang = input.language.toLowerCase();
  const taught = input.taughtIn?.toLowerCase();
  const ok = (rule: string, ref: string, en: string, da: string) => decision(true, [f002(rule, "info", ref, en, da, "language", lang)]);
  if (taught !== undefined && taught !== "da" && input.institutionDeparts !== true) {
    if (lang === taught) return ok("language.taught", "§ 18, stk. 2", "The subject was taught in this language, so the exam is taken in it.", "Undervisningen er gennemført på dette sprog, så prøven aflægges på det.");
    return decision(false, [
      f002("language.must-be-taught", "error", "§ 18, stk. 2", `The subject was taught in "${taught}": the exam is taken in that language unless the institution departs from the rule.`, `Undervisningen er gennemført på "${taught}": prøven aflægges på dette sprog, medmindre institutionen fraviger reglen.`, "language", lang),
    ]);
  }
  if (lang === "da") return ok("language.danish", "§ 18, stk. 1", "The exam is taken in Danish.", "Prøven aflægges på dansk.");
  if (SCANDINAVIAN.has(lang)) {
    if (!input.documentsDanish) return ok("language.scandinavian", "§ 18, stk. 1", "Swedish or Norwegian may replace Danish.", "Prøven kan aflægges på svensk eller norsk i stedet for dansk.");
    return decision(false, [
      f002("language.danish-skills", "error", "§ 18, stk. 1", "The exam documents skills in Danish: it cannot be taken in Swedish or Norwegian.", "Prøvens formål er at dokumentere færdigheder i dansk: den kan ikke aflægges på svensk eller norsk.", "language", lang),
    ]);
  }
  const a = input.agreement;
  if (a !== undefined && a.veryspecialCircumstances && a.assessmentEnsured) {
    return ok("language.agreement", "§ 18, stk. 3", "Another language by agreement: very special circumstances, and the prescribed assessment is ensured.", "Andet sprog efter aftale: ganske særlige omstændigheder, og den foreskrevne bedømmelse er sikret.");
  }
  return decision(false, [
    f002(
      "language.not-allowed",
      "error",
      "§ 18, stk. 3",
      "Another language needs an agreement with the institution for very special circumstances, and examinee, examiner and censor must master the language.",
      "Et andet sprog kræver aftale med institutionen ved ganske særlige omstændigheder, og eksaminand, eksaminator og censor skal beherske sproget.",
      "language",
      lang,
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// § 19 — special exam conditions

export interface SpecialConditionsInput {
  basis: "mental" | "physical" | "similar-specific" | "none";
  /** Necessary to put the examinee on an equal footing with others in the exam situation. */
  necessaryForEquality: boolean;
  /** The offer changes the exam's level. */
  changesLevel: boolean;
}

/**
 * § 19: "Institutionen træffer afgørelse om tilbud af særlige prøvevilkår til eksaminander med psykisk eller fysisk
 * funktionsnedsættelse eller med andre tilsvarende specifikke vanskeligheder, når dette er nødvendigt for at ligestille
 * … Det er en forudsætning, at der med tilbuddet ikke sker en ændring af prøvens niveau." Never shown on a diploma
 * (§ 35, stk. 3). Value: the offer may be made.
 */
export function specialConditions(input: SpecialConditionsInput): Decision<boolean> {
  const fs: Finding[] = [];
  if (input.basis === "none")
    fs.push(f002("special.no-basis", "error", "§ 19", "Special conditions require a mental or physical disability or a similar specific difficulty.", "Særlige prøvevilkår forudsætter psykisk eller fysisk funktionsnedsættelse eller tilsvarende specifikke vanskeligheder.", "basis", input.basis));
  if (!input.necessaryForEquality)
    fs.push(f002("special.not-necessary", "error", "§ 19", "Special conditions are offered only when necessary to put the examinee on an equal footing.", "Særlige prøvevilkår tilbydes kun, når det er nødvendigt for at ligestille eksaminanden med andre.", "necessaryForEquality", false));
  if (input.changesLevel)
    fs.push(f002("special.changes-level", "error", "§ 19", "The offer must not change the level of the exam.", "Tilbuddet må ikke ændre prøvens niveau.", "changesLevel", true));
  const ok = fs.length === 0;
  if (ok) fs.push(f002("special.granted", "info", "§ 19", "Special exam conditions can be offered.", "Der kan tilbydes særlige prøvevilkår."));
  fs.push(f002("special.not-on-diploma", "info", "§ 35, stk. 3", "Special exam conditions are never shown on a diploma.", "Beviset må ikke indeholde oplysninger om særlige prøvevilkår."));
  return decision(ok, fs);
}

// ---------------------------------------------------------------------------------------------------------------
// § 20 — cheating and expulsion

export type Misconduct =
  | "obtained-help" // skaffer sig uretmæssig hjælp
  | "gave-help" // giver en anden eksaminand uretmæssig hjælp
  | "unauthorised-aids" // benytter ikke-tilladte hjælpemidler
  | "others-work" // har udgivet en andens arbejde for sit eget
  | "own-earlier-work" // har anvendt eget tidligere bedømt arbejde uden henvisning
  | "rules-breach"; // overtræder eksamensreglerne, jf. § 6, stk. 3 og 4

export interface MisconductInput {
  kind: Misconduct;
  /** Found during the exam (stk. 1) or a suspicion after it (stk. 2). */
  when: "during" | "after";
  /** For a suspicion (stk. 2): the suspicion is confirmed. */
  confirmed?: boolean;
  /** For stk. 2: the act has affected or could affect the assessment. */
  couldAffectAssessment?: boolean;
}

/**
 * § 20, stk. 1: caught obtaining or giving unlawful help or using non-permitted aids during the exam → "bortvises af
 * institutionen". Stk. 2: a suspicion (help, another's work, own earlier assessed work without reference) is reported;
 * confirmed and "har fået eller ville kunne få betydning for bedømmelsen" → "skal institutionen bortvise". Stk. 3: other
 * breaches of the exam rules → "kan … bortvises". Value: "must", "may" or "no" expulsion.
 */
export function expulsion(input: MisconductInput): Decision<"must" | "may" | "no"> {
  if (input.kind === "rules-breach") {
    return decision("may", [f002("cheating.rules-breach", "warning", "§ 20, stk. 3", "A breach of the exam rules: the institution may expel the examinee.", "Overtrædelse af eksamensreglerne: institutionen kan bortvise eksaminanden.", "kind", input.kind)]);
  }
  const stk1 = input.kind === "obtained-help" || input.kind === "gave-help" || input.kind === "unauthorised-aids";
  if (input.when === "during" && stk1) {
    return decision("must", [f002("cheating.caught", "error", "§ 20, stk. 1", "Unlawful help or non-permitted aids during the exam: the examinee is expelled from the exam.", "Uretmæssig hjælp eller ikke-tilladte hjælpemidler under prøven: eksaminanden bortvises fra prøven.", "kind", input.kind)]);
  }
  const reported = f002("cheating.reported", "info", "§ 20, stk. 2", "The suspicion is reported to the institution.", "Formodningen indberettes til institutionen.", "kind", input.kind);
  if (input.confirmed === true && input.couldAffectAssessment === true) {
    return decision("must", [reported, f002("cheating.confirmed", "error", "§ 20, stk. 2", "The suspicion is confirmed and could affect the assessment: the institution must expel the examinee.", "Formodningen er bekræftet og kan få betydning for bedømmelsen: institutionen skal bortvise eksaminanden.", "confirmed", true)]);
  }
  return decision("no", [
    reported,
    f002(
      "cheating.not-confirmed",
      "info",
      "§ 20, stk. 2",
      input.confirmed === true ? "Confirmed, but it could not affect the assessment: no expulsion under stk. 2." : "The suspicion is not confirmed: no expulsion.",
      input.confirmed === true ? "Bekræftet, men uden betydning for bedømmelsen: ingen bortvisning efter stk. 2." : "Formodningen er ikke bekræftet: ingen bortvisning.",
      "confirmed",
      input.confirmed === true,
    ),
  ]);
}

/** A later term in which the exam is held anyway ("hvor den pågældende prøve i forvejen afholdes"). */
export interface OfferedTerm {
  id: string;
  start: IsoDate;
  end: IsoDate;
}

export interface ExpulsionConsequences {
  gradesVoid: true;
  mayRetake: true;
  /** The next term after the expulsion in which the exam is held, if it starts within the year. */
  retakeTerm: OfferedTerm | null;
  /** The last day the retake may be held: 1 year after the expulsion. */
  latestRetakeDate: IsoDate;
}

/**
 * § 20, stk. 4: "Bortvisning fra en prøve efter stk. 1-3 medfører, at eventuelle karakterer bortfalder. Eksaminanden kan
 * herefter aflægge prøven på ny. En sådan prøve afholdes i den følgende termin, hvor den pågældende prøve i forvejen
 * afholdes, dog inden 1 år efter bortvisningen." "Inden 1 år" is read as up to and including the same date a year later
 * (decision, docs). When the next term holding the exam starts later, the institution must hold a retake before then.
 */
export function expulsionConsequences(expelledOn: IsoDate, laterTerms: readonly OfferedTerm[]): Decision<ExpulsionConsequences> {
  const latest = addMonths(expelledOn, 12);
  const next = [...laterTerms].filter((t) => t.start > expelledOn).sort((a, b) => (a.start < b.start ? -1 : 1))[0];
  const fs: Finding[] = [
    f002("expulsion.grades-void", "info", "§ 20, stk. 4", "The expulsion voids any grades of the exam.", "Bortvisningen medfører, at eventuelle karakterer bortfalder.", "expelledOn", expelledOn),
  ];
  let retakeTerm: OfferedTerm | null = null;
  if (next !== undefined && next.start <= latest) {
    retakeTerm = next;
    fs.push(f002("expulsion.retake-term", "info", "§ 20, stk. 4", `The retake is held in the next term where the exam is held: ${next.id} (${next.start}–${next.end}); no later than ${latest}.`, `Prøven aflægges på ny i den følgende termin, hvor prøven afholdes: ${next.id} (${next.start}–${next.end}); senest ${latest}.`, "retakeTerm", next.id));
  } else {
    fs.push(
      f002(
        "expulsion.no-term-within-year",
        "warning",
        "§ 20, stk. 4",
        `No term holding the exam starts within 1 year of the expulsion: the institution must hold the retake no later than ${latest}.`,
        `Ingen termin med prøven begynder inden 1 år efter bortvisningen: institutionen skal afholde prøven senest ${latest}.`,
        "latestRetakeDate",
        latest,
      ),
    );
  }
  fs.push(f002("expulsion.appeal", "info", "§ 55, stk. 1", "The expulsion follows forvaltningsloven and can be appealed to the ministry within 2 weeks.", "Bortvisningen følger forvaltningslovens regler og kan påklages til ministeriet inden 2 uger."));
  return decision({ gradesVoid: true, mayRetake: true, retakeTerm, latestRetakeDate: latest }, fs);
}

/** § 20, stk. 4: whether a planned retake date lies within 1 year of the expulsion (the anniversary included). */
export function checkRetakeDate(expelledOn: IsoDate, retakeOn: IsoDate): Decision<boolean> {
  const latest = addMonths(expelledOn, 12);
  const ok = retakeOn > expelledOn && retakeOn <= latest;
  return decision(ok, [
    ok
      ? f002("expulsion.retake-in-time", "info", "§ 20, stk. 4", `Retake on ${retakeOn}, within 1 year of the expulsion (latest ${latest}).`, `Omprøve ${retakeOn}, inden 1 år efter bortvisningen (senest ${latest}).`, "retakeOn", retakeOn)
      : f002("expulsion.retake-late", "error", "§ 20, stk. 4", `Retake on ${retakeOn} is not within 1 year after the expulsion on ${expelledOn} (latest ${latest}).`, `Prøven ${retakeOn} ligger ikke inden 1 år efter bortvisningen ${expelledOn} (senest ${latest}).`, "retakeOn", retakeOn),
  ]);
}

/** § 20, stk. 5: a written answer is handed in with the examinee's signature confirming it was made without unlawful help. */
export function checkDeclaration(written: boolean, signed: boolean): Finding[] {
  if (!written || signed) return [];
  return [f002("cheating.declaration-missing", "error", "§ 20, stk. 5", "The written answer lacks the examinee's signed declaration that it was made without unlawful help.", "Den skriftlige besvarelse mangler eksaminandens underskrift på, at den er udfærdiget uden uretmæssig hjælp.", "signed", false)];
}

// ---------------------------------------------------------------------------------------------------------------
// § 56 — products of an exam

/**
 * § 56, stk. 2: the examinee owns the products of an exam (against payment for materials); "Hvis eksaminanden ikke gør
 * ejendomsretten gældende inden for 2 måneder, efter at resultatet af bedømmelsen er meddelt, overgår ejendomsretten til
 * institutionen." The last day to claim is the same date 2 months later (clamped to the month's end: 31 March → 31 May,
 * 31 December → 28/29 February). Value: who owns the product on `on`.
 */
export function productOwner(resultNotifiedOn: IsoDate, on: IsoDate, claimedOn?: IsoDate): Decision<"examinee" | "institution"> {
  const last = addMonths(resultNotifiedOn, 2);
  if (claimedOn !== undefined && claimedOn <= last) {
    return decision("examinee", [f002("product.claimed", "info", "§ 56, stk. 2", `Ownership claimed on ${claimedOn}, within 2 months (by ${last}).`, `Ejendomsretten gjort gældende ${claimedOn}, inden for 2 måneder (senest ${last}).`, "claimedOn", claimedOn)]);
  }
  if (on <= last) {
    return decision("examinee", [f002("product.open", "info", "§ 56, stk. 2", `The examinee can claim the product until ${last}.`, `Eksaminanden kan gøre ejendomsretten gældende til og med ${last}.`, "on", on)]);
  }
  return decision("institution", [f002("product.to-institution", "info", "§ 56, stk. 2", `Not claimed by ${last}: ownership has passed to the institution.`, `Ikke gjort gældende senest ${last}: ejendomsretten er overgået til institutionen.`, "on", on)]);
}

// ---------------------------------------------------------------------------------------------------------------
// § 13 — public exams and the voting; § 16 — when an exam has begun; § 21 — exams abroad and by video

export type ExamRoomPerson =
  | { kind: "public" }
  | { kind: "group-member-not-yet-examined" }
  | { kind: "censor" }
  | { kind: "examiner" }
  | { kind: "inexperienced-examiner" };

export interface RoomInput {
  answer: readonly AnswerForm[];
  phase: "examination" | "voting";
  person: ExamRoomPerson;
  /** The examinee sits an individual oral exam on a group product (§ 13, stk. 3). */
  individualOnGroupProduct?: boolean;
  /** § 13, stk. 2: the institution closes the exam (special circumstances, the examinee's interest, or space). */
  institutionCloses?: boolean;
  /** § 13, stk. 5: the institution lets inexperienced examiners attend the voting. */
  institutionAllowsInexperienced?: boolean;
}

/**
 * § 13: oral and practical examinations "er offentlige" (stk. 1) unless the institution decides otherwise (stk. 2);
 * on a group product "må de øvrige medlemmer af gruppen ikke være til stede i prøvelokalet, før de selv skal
 * eksamineres" (stk. 3); "Under voteringen … må kun censor og eksaminator være til stede", inexperienced examiners if
 * the institution decides (stk. 5). Value: the person may be present.
 */
export function mayBePresent(input: RoomInput): Decision<boolean> {
  const p = input.person.kind;
  const yes = (ref: string, en: string, da: string) => decision(true, [f002("room.allowed", "info", ref, en, da, "person", p)]);
  const no = (ref: string, en: string, da: string) => decision(false, [f002("room.not-allowed", "error", ref, en, da, "person", p)]);
  if (input.phase === "voting") {
    if (p === "censor" || p === "examiner") return yes("§ 13, stk. 5", "Censor and examiner are present at the voting.", "Censor og eksaminator er til stede under voteringen.");
    if (p === "inexperienced-examiner" && input.institutionAllowsInexperienced === true)
      return yes("§ 13, stk. 5", "The institution lets an inexperienced examiner attend the voting.", "Institutionen har besluttet, at ikke-erfarne eksaminatorer kan overvære voteringen.");
    return no("§ 13, stk. 5", "Only the censor and the examiner may be present during the voting.", "Under voteringen må kun censor og eksaminator være til stede.");
  }
  if (p === "censor" || p === "examiner" || p === "inexperienced-examiner") return yes("§ 13, stk. 1", "An assessor is present at the examination.", "En bedømmer er til stede ved eksaminationen.");
  if (p === "group-member-not-yet-examined" && input.individualOnGroupProduct === true)
    return no("§ 13, stk. 3", "Other members of the group may not be in the exam room until they are examined themselves.", "De øvrige medlemmer af gruppen må ikke være til stede i prøvelokalet, før de selv skal eksamineres.");
  const oralOrPractical = input.answer.includes("oral") || input.answer.includes("practical");
  if (!oralOrPractical) return no("§ 13, stk. 1", "Only oral and practical examinations are public.", "Kun eksaminationer med mundtlig og praktisk besvarelse er offentlige.");
  if (input.institutionCloses === true) return no("§ 13, stk. 2", "The institution has closed this examination to the public.", "Institutionen har fraveget offentligheden ved denne eksamination.");
  return yes("§ 13, stk. 1", "Oral and practical examinations are public.", "Eksaminationer med mundtlig og praktisk besvarelse er offentlige.");
}

/**
 * § 16, stk. 1: "En prøve er begyndt, når uddelingen af opgaverne er begyndt, eller når eksaminanden er blevet gjort
 * bekendt med prøvespørgsmålet, opgaven, opgavetitlen, forberedelsesmaterialet eller lignende."
 */
export function examHasBegun(input: { distributionStarted: boolean; examineeToldTask: boolean }): Decision<boolean> {
  const begun = input.distributionStarted || input.examineeToldTask;
  return decision(begun, [
    f002(
      begun ? "exam.begun" : "exam.not-begun",
      "info",
      "§ 16, stk. 1",
      begun ? "The exam has begun (the tasks are being handed out or the examinee knows the task)." : "The exam has not begun.",
      begun ? "Prøven er begyndt (uddelingen af opgaverne er begyndt, eller eksaminanden kender opgaven)." : "Prøven er ikke begyndt.",
    ),
  ]);
}

export interface AbroadInput {
  where: "representation" | "elsewhere-abroad" | "video";
  /** § 21, stk. 1: the examinee and the representation agree; practical or economic reasons. */
  examineeAgrees?: boolean;
  representationAgrees?: boolean;
  practicalOrEconomicReasons?: boolean;
  /** § 21, stk. 2: the ministry approved, on the same conditions as in Denmark. */
  ministryApproved?: boolean;
  /** § 21, stk. 3: a supervisor appointed or approved by the institution stays with the examinee the whole exam. */
  supervisorPresent?: boolean;
}

/**
 * § 21: exams at a Danish representation abroad "undtagelsesvis" with the examinee's and the representation's consent,
 * for practical or economic reasons (stk. 1); elsewhere abroad with the ministry's approval and the examinee's consent
 * (stk. 2); by video conference with "en tilsynsførende, der skal være hos eksaminanden under hele prøven" (stk. 3).
 */
export function examAbroad(input: AbroadInput): Decision<boolean> {
  const fs: Finding[] = [];
  if (input.where === "representation") {
    if (input.examineeAgrees !== true || input.representationAgrees !== true)
      fs.push(f002("abroad.consent", "error", "§ 21, stk. 1", "The examinee and the representation must agree.", "Eksaminanden og repræsentationen skal være indforstået.", "where", input.where));
    if (input.practicalOrEconomicReasons !== true)
      fs.push(f002("abroad.reason", "error", "§ 21, stk. 1", "Only when the examinee cannot come to Denmark for practical or economic reasons.", "Kun når eksaminanden af praktiske eller økonomiske grunde ikke kan deltage i prøverne i Danmark.", "where", input.where));
  } else if (input.where === "elsewhere-abroad") {
    if (input.ministryApproved !== true || input.examineeAgrees !== true)
      fs.push(f002("abroad.approval", "error", "§ 21, stk. 2", "Elsewhere abroad needs the ministry's approval (same conditions as in Denmark) and the examinee's consent.", "Andre steder i udlandet kræver ministeriets godkendelse (samme betingelser som i Danmark) og eksaminandens samtykke.", "where", input.where));
  } else if (input.supervisorPresent !== true) {
    fs.push(f002("abroad.supervisor", "error", "§ 21, stk. 3", "A video exam needs a supervisor appointed or approved by the institution, with the examinee throughout the exam.", "En prøve som videokonference kræver en tilsynsførende, der er hos eksaminanden under hele prøven.", "supervisorPresent", false));
  }
  const ok = fs.length === 0;
  if (ok) fs.push(f002("abroad.allowed", "info", input.where === "representation" ? "§ 21, stk. 1" : input.where === "video" ? "§ 21, stk. 3" : "§ 21, stk. 2", "The exam may be held this way.", "Prøven kan afholdes på denne måde.", "where", input.where));
  return decision(ok, fs);
}
