/**
 * Pupils who leave the school during the reported school year ("udmeldt": moved away, changed school).
 *
 * The guide says nothing about leavers. What bevis does is decided from its words in docs/rulebooks/001-sprogprove.md
 * ("Pupils who leave"), in short:
 *
 * - The duty to test lies on the school the pupil attends: "På de omfattede skoler skal alle elever i børnehaveklassen
 *   gennemføre de obligatoriske sprogprøver" (Hvem skal indberette?). From the day after the leaving date, this school
 *   owes the pupil no further attempt, no "rykker op" and no selection; the pupil's missing attempts are not gaps.
 * - What was held here is reported: "Oplysninger om elever …, som har afholdt sprogprøver, skal indberettes på elevens
 *   CPR-nummer" and "De enkelte elevers resultater fra sprogprøveforsøg" (Hvad skal indberettes?). A leaver selected for
 *   the test with at least one attempt held (Sprogparat or Ikke sprogparat) is reported with those attempts; a leaver
 *   with none is not reported.
 * - A leaver is not counted among the school's exempted pupils ("Samlede antal elever, der fritages", Hvad skal
 *   indberettes?, 3.): the count is of the school's pupils, and the exemption travels with the pupil.
 * - Coverage rests on the school's own counts (`SchoolCoverageBasis`); a departure does not change it.
 *
 * Pure: no clock; the decision date is an input.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { compareIsoDates, parseIsoDate, type IsoDate } from "../../kernel/time/date.ts";
import { formatSchoolYear, schoolYearEnd, schoolYearStart, type SchoolYear } from "../../kernel/time/school-year.ts";
import { checkAttempts } from "./attempts.ts";
import { stageOf } from "./codes.ts";
import { f001 } from "./findings.ts";
import type { Attempt, Leaving, Pupil } from "./model.ts";

/** The longest reason kept. */
export const MAX_LEAVING_REASON = 1000;

/** Whether the pupil is recorded as having left the school in the reported school year. */
export const isLeft = (p: Pick<Pupil, "left">): boolean => p.left !== undefined;

/** The attempts that were held: a result of Sprogparat or Ikke sprogparat ("Intet resultat" may be an attempt not taken). */
export function heldAttempts(attempts: readonly Attempt[]): Attempt[] {
  return attempts.filter((a) => a.result === "sprogparat" || a.result === "ikke-sprogparat");
}

/**
 * Whether the submission reports the pupil (on the pupil's CPR number). A pupil of the school: when selected for the
 * test (step 1). A leaver: when selected and at least one attempt was held here ("elever …, som har afholdt
 * sprogprøver"); otherwise the pupil is not reported by this school.
 */
export function isReported(p: Pick<Pupil, "left" | "toBeTested" | "attempts">): boolean {
  if (p.toBeTested !== true) return false;
  return p.left === undefined || heldAttempts(p.attempts).length > 0;
}

/**
 * The input rules of a departure, before it is recorded: a date (YYYY-MM-DD), not after the decision date (a departure
 * is recorded when it has happened), not after the reported school year's last day (31 July: a pupil who leaves later
 * completed the year here and is reported in full), and a reason. A date before the school year began is accepted
 * with a warning (the pupil was never a pupil of the year, e.g. a stale row in the administrative system's list).
 * Value: the departure, or null when any finding is an error.
 */
export function checkLeaving(
  input: { on: unknown; reason: unknown },
  sy: SchoolYear,
  on: IsoDate,
  subjects: { on: string; reason: string } = { on: "left.on", reason: "left.reason" },
): Decision<Leaving | null> {
  const out: Finding[] = [];
  const raw = typeof input.on === "string" ? input.on.trim() : "";
  const date = parseIsoDate(raw);
  const reason = typeof input.reason === "string" ? input.reason.trim().replace(/\s+/g, " ") : "";
  if (!date) {
    out.push(
      f001(
        "left.date",
        "error",
        "step1",
        { en: `"${raw.slice(0, 40)}" is not a date (YYYY-MM-DD) on which the pupil left.`, da: `"${raw.slice(0, 40)}" er ikke en dato (ÅÅÅÅ-MM-DD) for elevens udmeldelse.` },
        { subject: subjects.on, value: raw.slice(0, 40) },
      ),
    );
  } else if (compareIsoDates(date, on) > 0) {
    out.push(
      f001(
        "left.future",
        "error",
        "step1",
        {
          en: `The pupil cannot be recorded as having left on ${date}, after today (${on}): record the departure when it has happened.`,
          da: `Eleven kan ikke registreres som udmeldt ${date}, efter i dag (${on}): registrér udmeldelsen, når den er sket.`,
        },
        { subject: subjects.on, value: date },
      ),
    );
  } else if (compareIsoDates(date, schoolYearEnd(sy)) > 0) {
    out.push(
      f001(
        "left.after-year",
        "error",
        "step24",
        {
          en: `${date} is after the school year ${formatSchoolYear(sy)} ended (${schoolYearEnd(sy)}): the pupil completed the year at the school and is reported in full; the departure belongs to the next school year.`,
          da: `${date} er efter skoleåret ${formatSchoolYear(sy)} sluttede (${schoolYearEnd(sy)}): eleven gennemførte skoleåret på skolen og indberettes fuldt ud; udmeldelsen hører til næste skoleår.`,
        },
        { subject: subjects.on, value: date },
      ),
    );
  } else if (compareIsoDates(date, schoolYearStart(sy)) < 0) {
    out.push(
      f001(
        "left.before-year",
        "warning",
        "step1",
        {
          en: `${date} is before the school year ${formatSchoolYear(sy)} began: the pupil was not a pupil of the school in the reported year and is not reported.`,
          da: `${date} er før skoleåret ${formatSchoolYear(sy)} begyndte: eleven var ikke elev på skolen i det indberettede skoleår og indberettes ikke.`,
        },
        { subject: subjects.on, value: date },
      ),
    );
  }
  if (reason === "" || reason.length > MAX_LEAVING_REASON) {
    out.push(
      f001(
        "left.reason",
        "error",
        "step1",
        {
          en: `A departure needs its reason (e.g. "moved to another municipality"), at most ${MAX_LEAVING_REASON} characters.`,
          da: `En udmeldelse kræver en begrundelse (fx "flyttet til anden kommune"), højst ${MAX_LEAVING_REASON} tegn.`,
        },
        { subject: subjects.reason, value: reason === "" ? null : `${reason.length} characters` },
      ),
    );
  }
  const ok = date !== undefined && !out.some((f) => f.severity === "error");
  return decision(ok ? { on: date, reason } : null, out);
}

/**
 * The rules for a pupil who left, in place of those for a pupil of the school (submission.ts `checkPupil`). Nothing is
 * required any more (selection, further attempts, "rykker op", the § 14 conditions); the attempts held here must still
 * be consistent (one Sprogparat, numbers in range), and none may be dated after the departure.
 * Subjects are relative to the pupil.
 */
export function checkLeftPupil(p: Pupil & { left: Leaving }): Finding[] {
  const { on, reason } = p.left;
  const held = heldAttempts(p.attempts);
  const reported = isReported(p);
  const out: Finding[] = [
    f001(
      "left.recorded",
      "info",
      "who",
      {
        en: `The pupil left the school on ${on} (${reason}): from then the school has no duty to test the pupil, and nothing more is required of it for the pupil.`,
        da: `Eleven blev udmeldt af skolen ${on} (${reason}): derefter har skolen ikke pligt til at prøve eleven, og der kræves ikke mere for eleven.`,
      },
      { subject: "left", value: on },
    ),
  ];
  if (reported) {
    out.push(
      f001(
        "left.reported",
        "info",
        "what",
        {
          en: `${held.length} attempt(s) were held at the school before the pupil left; they are reported on the pupil's CPR number, without further attempts or "rykker op".`,
          da: `Der blev afholdt ${held.length} sprogprøveforsøg på skolen, før eleven blev udmeldt; de indberettes på elevens CPR-nummer uden yderligere forsøg eller "rykker op".`,
        },
        { subject: "attempts", value: held.length },
      ),
      ...checkAttempts(stageOf(p.classLevel), p.attempts, { complete: false }),
    );
  } else {
    out.push(
      f001(
        "left.not-reported",
        "info",
        "what",
        {
          en: "No attempt was held at the school before the pupil left (or the pupil was not selected), so the pupil is not reported by this school.",
          da: "Der blev ikke afholdt sprogprøveforsøg på skolen, før eleven blev udmeldt (eller eleven var ikke udvalgt), så eleven indberettes ikke af denne skole.",
        },
        { subject: "left", value: on },
      ),
    );
    if (held.length > 0)
      out.push(
        f001(
          "selection.results-not-tested",
          "warning",
          p.classLevel === 0 ? "step21" : "step22",
          {
            en: "The pupil has attempt results but is not marked to take the test; the results are not reported.",
            da: "Eleven har resultater af sprogprøveforsøg, men er ikke markeret til sprogprøve; resultaterne indberettes ikke.",
          },
          { subject: "toBeTested", value: p.toBeTested },
        ),
      );
  }
  for (const a of p.attempts) {
    if (a.heldOn !== undefined && a.result !== null && compareIsoDates(a.heldOn, on) > 0)
      out.push(
        f001(
          "left.attempt-after",
          "error",
          "what",
          {
            en: `Attempt ${a.no} is dated ${a.heldOn}, after the pupil left on ${on}: it cannot have been held at this school.`,
            da: `Forsøg ${a.no} er dateret ${a.heldOn}, efter at eleven blev udmeldt ${on}: det kan ikke være afholdt på denne skole.`,
          },
          { subject: `attempts.${a.no}.heldOn`, value: a.heldOn },
        ),
      );
  }
  if (p.exemption !== undefined)
    out.push(
      f001(
        "left.exemption-not-counted",
        "info",
        "what",
        {
          en: "The pupil's § 14 exemption is not counted in the school's number of exempted pupils after the pupil left.",
          da: "Elevens fritagelse efter § 14 tælles ikke med i skolens antal fritagne elever, efter at eleven er udmeldt.",
        },
        { subject: "exemption", value: on },
      ),
    );
  return out;
}
