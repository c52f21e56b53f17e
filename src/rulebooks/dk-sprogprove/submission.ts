/**
 * The submission (Endelig indberetning …, Hvem kan indberette?, Praktisk vejledning 1–2.4): who may submit, and the
 * check behind the receipt, which lists every gap per step before it turns green.
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { maskCpr } from "../../kernel/ids/cpr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { checkAttempts } from "./attempts.ts";
import { SUBMITTER_ROLES, stageOf } from "./codes.ts";
import { checkExemptedCount, checkExemption, coveredByRules, schoolCovered } from "./coverage.ts";
import { f001, scoped } from "./findings.ts";
import type { Pupil, Report, Step, Submitter } from "./model.ts";
import { checkBhklOnlyFields, checkRykkerOp, checkSpecialPermission } from "./promotion.ts";
import { afterSummerReminder, checkClassLevel, mayEdit } from "./window.ts";
import { checkLeftPupil, isReported } from "./leaving.ts";

/**
 * "Det er vigtigt, at personen, som skal indberette i systemet, har rollen 'Leder', 'Ledelse' eller 'TAP' (teknisk
 * administrativt personale) i jeres administrative system. Personer med andre roller kan ikke indberette."
 * (Hvem kan indberette?) Value: whether one of the submitter's roles may submit.
 */
export function maySubmit(submitter: Submitter): Decision<boolean> {
  const row = SUBMITTER_ROLES.find((r) => r.maySubmit && submitter.roles.includes(r.role));
  if (row) {
    return decision(true, [
      f001(
        "role.may-submit",
        "info",
        "whoMay",
        { en: `The role ${row.da} may submit the report.`, da: `Rollen ${row.da} kan indberette.` },
        { subject: "role", value: row.role },
      ),
    ]);
  }
  const has = submitter.roles.length > 0 ? submitter.roles.join(", ") : "none";
  return decision(false, [
    f001(
      "role.may-not-submit",
      "error",
      "whoMay",
      {
        en: `Only the roles Leder, Ledelse or TAP (technical and administrative staff) may submit; your roles: ${has}.`,
        da: `Kun rollerne Leder, Ledelse eller TAP (teknisk administrativt personale) kan indberette; dine roller: ${has}.`,
      },
      { subject: "role", value: has },
    ),
  ]);
}

/** The report step a pupil's findings belong to: tab 1 for børnehaveklassen, tab 2 for 1.–9. klasse. */
export const stepOfPupil = (p: Pupil): Step => (stageOf(p.classLevel) === "bhkl" ? "1-bhkl" : "2-1-9");

/**
 * All rules for one pupil in the report, subjects relative to the pupil ("attempts.3.result", "rykkerOp").
 * Pupils who are not to be tested are not reported ("Oplysninger om elever …, som har afholdt sprogprøver, skal
 * indberettes på elevens CPR-nummer"), so only their selection and exemption are checked.
 * A pupil who left the school during the year is checked by `checkLeftPupil` instead (leaving.ts): nothing more is
 * required of the school for that pupil.
 */
export function checkPupil(pupil: Pupil, ctx: { report: Report; schoolIsCovered: boolean | null; on: IsoDate }): Finding[] {
  const out: Finding[] = [...checkClassLevel(pupil, ctx.report.schoolYear, ctx.on)];
  if (pupil.left !== undefined) return [...out, ...checkLeftPupil({ ...pupil, left: pupil.left })];
  const covered = coveredByRules(pupil, ctx.schoolIsCovered);
  const exemption = checkExemption(pupil, covered.value);
  out.push(...exemption.because);
  const bhkl = pupil.classLevel === 0;
  const step = bhkl ? "step21" : "step22";
  if (pupil.toBeTested === null) {
    out.push(
      f001(
        "selection.missing",
        "error",
        "step1",
        {
          en: "It is not registered whether the pupil goes to the language test (Udvælg elever, der skal til sprogprøve).",
          da: "Det er ikke registreret, om eleven skal til sprogprøve (Udvælg elever, der skal til sprogprøve).",
        },
        { subject: "toBeTested", value: null },
      ),
    );
  } else if (pupil.toBeTested === false && covered.value === true && pupil.exemption === undefined) {
    out.push(
      f001(
        "selection.must-be-tested",
        "error",
        "who",
        bhkl
          ? {
              en: "All pupils in børnehaveklassen at a covered school take the mandatory language tests; the pupil is marked not to.",
              da: "Alle elever i børnehaveklassen på en omfattet skole skal gennemføre de obligatoriske sprogprøver; eleven er markeret til ikke at skulle.",
            }
          : {
              en: 'The pupil receives "Dansk som andetsprog – supplerende" and is to stop, so the pupil takes the test; the pupil is marked not to.',
              da: 'Eleven modtager "Dansk som andetsprog – supplerende" og skal ophøre med det, så eleven skal aflægge sprogprøven; eleven er markeret til ikke at skulle.',
            },
        { subject: "toBeTested", value: false },
      ),
      ...covered.because.filter((f) => f.severity !== "info"),
    );
  } else if (pupil.toBeTested === true && covered.value === false && ctx.schoolIsCovered !== false) {
    out.push(
      f001(
        "selection.not-in-target-group",
        "warning",
        "who",
        {
          en: 'The pupil is marked to take the test but is not in the target group (does not receive "Dansk som andetsprog – supplerende", or is not to stop yet); check the selection.',
          da: 'Eleven er markeret til sprogprøve, men er ikke i målgruppen (modtager ikke "Dansk som andetsprog – supplerende" eller skal ikke ophøre endnu); kontrollér udvælgelsen.',
        },
        { subject: "toBeTested", value: true },
      ),
    );
  }
  out.push(...checkBhklOnlyFields(pupil), ...checkSpecialPermission(pupil));
  if (pupil.toBeTested === true) {
    out.push(...checkAttempts(stageOf(pupil.classLevel), pupil.attempts, { complete: true }), ...checkRykkerOp(pupil, { complete: true }));
  } else if (pupil.attempts.some((a) => a.result === "sprogparat" || a.result === "ikke-sprogparat")) {
    out.push(
      f001(
        "selection.results-not-tested",
        "warning",
        step,
        {
          en: "The pupil has attempt results but is not marked to take the test; the results are not reported.",
          da: "Eleven har resultater af sprogprøveforsøg, men er ikke markeret til sprogprøve; resultaterne indberettes ikke.",
        },
        { subject: "toBeTested", value: pupil.toBeTested },
      ),
    );
  }
  return out;
}

/** The receipt: every finding per step, and whether it is green (no error anywhere). */
export interface Receipt {
  /** Green: "Når alle relevante oplysninger er registreret og indberettet, vises en grøn kvitteringsside." */
  complete: boolean;
  steps: Record<Step, Finding[]>;
  /** Whether the school is covered (null: unknown). */
  schoolCovered: boolean | null;
  /** Number of pupils reported per step: selected for the test, and for a pupil who left, with an attempt held here. */
  reported: { bhkl: number; "1-9": number };
  /** Pupils who left the school during the year: how many are still reported (attempts held here) and how many not. */
  left: { reported: number; notReported: number };
}

/**
 * Checks the whole report on a date, the way the receipt does: "Her vil det fremgå, hvis indberetningen er mangelfuld -
 * eksempelvis hvis det ikke er angivet, om en elev rykker op til næste klassetrin" (2.4). Every gap is listed, per
 * step; nothing stops at the first. With a submitter, step 4 also checks the role.
 */
export function checkReport(report: Report, opts: { on: IsoDate; submitter?: Submitter }): Decision<Receipt> {
  const steps: Record<Step, Finding[]> = { "1-bhkl": [], "2-1-9": [], "3-exempted": [], "4-submit": [] };
  const covered = schoolCovered(report.school);
  steps["4-submit"].push(...covered.because);
  if (covered.value === false) {
    steps["4-submit"].push(
      f001(
        "school.not-obliged",
        "warning",
        "who",
        {
          en: "The school is not covered, so it has no duty to report language tests.",
          da: "Skolen er ikke omfattet og har derfor ikke pligt til at indberette sprogprøver.",
        },
        { subject: "school.coverage", value: false },
      ),
    );
  }
  const seen = new Map<string, string>();
  for (const p of report.pupils) {
    const step = stepOfPupil(p);
    const prev = seen.get(p.cpr);
    if (prev !== undefined) {
      steps[step].push(
        f001(
          "pupil.duplicate-cpr",
          "error",
          "what",
          {
            en: `CPR number ${maskCpr(p.cpr)} is on two pupils (${prev} and ${p.id}); each pupil is reported once, on the pupil's CPR number.`,
            da: `CPR-nummer ${maskCpr(p.cpr)} står på to elever (${prev} og ${p.id}); hver elev indberettes én gang på elevens CPR-nummer.`,
          },
          { subject: `pupils.${p.id}.cpr`, value: maskCpr(p.cpr) },
        ),
      );
    } else seen.set(p.cpr, p.id);
    steps[step].push(...scoped(`pupils.${p.id}`, checkPupil(p, { report, schoolIsCovered: covered.value, on: opts.on })));
  }
  steps["3-exempted"].push(...checkExemptedCount(report.exemptedCount, report.pupils, covered.value));
  steps["4-submit"].push(...mayEdit(report.schoolYear, opts.on).because, ...afterSummerReminder(report.schoolYear, opts.on));
  if (opts.submitter) steps["4-submit"].push(...maySubmit(opts.submitter).because);
  const all = Object.values(steps).flat();
  const tested = report.pupils.filter(isReported);
  const left = report.pupils.filter((p) => p.left !== undefined);
  return decision(
    {
      complete: !hasErrors(all),
      steps,
      schoolCovered: covered.value,
      reported: { bhkl: tested.filter((p) => p.classLevel === 0).length, "1-9": tested.filter((p) => p.classLevel !== 0).length },
      left: { reported: left.filter(isReported).length, notReported: left.filter((p) => !isReported(p)).length },
    },
    all,
  );
}

/**
 * Submitting ("Indberet", 2.4): refused when the submitter's role may not submit or the window is closed; otherwise
 * accepted, and the receipt says whether it is complete (green) or lists the gaps. "Først når alle sprogprøveforsøg er
 * registreret, godkendt og indberettet på indberet.sprogprøver.dk, har Styrelsen for It og Læring modtaget jeres
 * indberetning." (Endelig indberetning …)
 */
export function submit(report: Report, submitter: Submitter, on: IsoDate): Decision<{ accepted: boolean; receipt: Receipt }> {
  const receipt = checkReport(report, { on, submitter });
  const accepted = maySubmit(submitter).value && mayEdit(report.schoolYear, on).value;
  return decision({ accepted, receipt: receipt.value }, receipt.because);
}
