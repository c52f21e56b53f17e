/**
 * Chapter 3 of seed 004: exemption from contributions for certain trainees (bidragsfritagelse for visse
 * uddannelsessøgende), §§ 4–6: the list of exempt educations and applications to add one (§ 4), the notification of an
 * education agreement (§ 5) and the conditions of the exemption (§ 6).
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { parseCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import { parseCvr, parseSe, type Cvr, type SeNumber } from "../../kernel/ids/cvr.ts";
import { addDays, type IsoDate } from "../../kernel/time/date.ts";
import { addSpan } from "../../kernel/time/deadline.ts";
import { formatQuarter, quarterOf, quarterStart, type Quarter } from "../../kernel/time/quarter.ts";
import { aubFinding } from "./cite.ts";
import type { AgreementNotification, EducationApplication, ExemptEducation, Length, TraineeExemption } from "./model.ts";

// ── § 4: exempt educations ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * § 4, stk. 2: "Ansøgning om at få uddannelsen godkendt som bidragsfritaget indsendes … med oplysning om uddannelsens
 * indhold, regelgrundlag og andre forhold af betydning for vurdering af, om betingelserne er opfyldt." The education
 * must be covered by § 20, stk. 4, of lov om AUB. Content and legal basis are required; other facts are asked for.
 */
export function educationApplicationFindings(app: EducationApplication): Finding[] {
  const out: Finding[] = [];
  const blank = (s: string | undefined) => s === undefined || s.trim() === "";
  if (blank(app.educationName))
    out.push(aubFinding("education-application.name-missing", "error", "§ 4, stk. 2", "The application must name the education.", "Ansøgningen skal angive uddannelsens navn.", "educationName", null));
  if (blank(app.content))
    out.push(aubFinding("education-application.content-missing", "error", "§ 4, stk. 2", "The application must describe the education's content.", "Ansøgningen skal indeholde oplysning om uddannelsens indhold.", "content", null));
  if (blank(app.legalBasis))
    out.push(aubFinding("education-application.legal-basis-missing", "error", "§ 4, stk. 2", "The application must state the education's legal basis (regelgrundlag).", "Ansøgningen skal indeholde oplysning om uddannelsens regelgrundlag.", "legalBasis", null));
  if (blank(app.otherFacts))
    out.push(aubFinding("education-application.other-facts-empty", "info", "§ 4, stk. 2", "No other facts of importance for the assessment were given.", "Der er ikke oplyst andre forhold af betydning for vurderingen.", "otherFacts", null));
  if (app.law20Stk4Nr === undefined)
    out.push(
      aubFinding(
        "education-application.law-ref-missing",
        "warning",
        "§ 4, stk. 2",
        "The application does not say which number of § 20, stk. 4, of lov om AUB covers the education; only educations covered by it can be approved.",
        "Ansøgningen angiver ikke, hvilket nummer i § 20, stk. 4, i lov om AUB uddannelsen er omfattet af; kun uddannelser omfattet heraf kan godkendes.",
        "law20Stk4Nr",
        null,
      ),
    );
  return out;
}

/**
 * § 4, stk. 3: "Bidragsfritagelsen har virkning fra det kvartal, hvori Arbejdsgivernes Uddannelsesbidrag godkender
 * uddannelsen som fradragsberettigende." The first quarter an approved education gives exemption; null while undecided
 * or when refused.
 */
export function approvedEducationEffect(app: EducationApplication): Decision<Quarter | null> {
  const d = app.decision;
  if (d === undefined)
    return decision<Quarter | null>(null, [
      aubFinding("education-application.undecided", "info", "§ 4, stk. 3", `Application ${app.id} has not been decided; it gives no exemption yet.`, `Ansøgning ${app.id} er ikke afgjort; den giver endnu ikke bidragsfritagelse.`, "decision", null),
    ]);
  if (!d.approved)
    return decision<Quarter | null>(null, [
      aubFinding("education-application.refused", "info", "§ 4, stk. 3", `Application ${app.id} was refused on ${d.decidedOn}.`, `Ansøgning ${app.id} blev afslået den ${d.decidedOn}.`, "decision", d.decidedOn),
    ]);
  const q = quarterOf(d.decidedOn);
  return decision<Quarter | null>(q, [
    aubFinding(
      "education-application.effective-from",
      "info",
      "§ 4, stk. 3",
      `The education was approved on ${d.decidedOn}: the exemption takes effect from ${formatQuarter(q)}.`,
      `Uddannelsen blev godkendt den ${d.decidedOn}: bidragsfritagelsen har virkning fra ${formatQuarter(q)}.`,
      "decision",
      d.decidedOn,
    ),
  ]);
}

/**
 * The first day from which an education gives exemption: for a listed education the start of its listing (or no limit),
 * for an approved one the first day of the quarter of approval (§ 4, stk. 3). Undefined: no limit.
 */
export function educationEffectiveFrom(edu: ExemptEducation): IsoDate | undefined {
  if (edu.origin.kind === "list") return edu.origin.listedFrom;
  return quarterStart(quarterOf(edu.origin.approvedOn));
}

// ── § 5: the notification ───────────────────────────────────────────────────────────────────────────────────────────

/** A notification whose § 5 fields are complete and valid, with its identifiers parsed. */
export interface ValidNotification {
  notification: AgreementNotification;
  cvr?: Cvr;
  se?: SeNumber;
  cpr: Cpr;
  education: ExemptEducation;
  /** The probation that counts: the notified one, or 3 months for a civil servant on probation (§ 6, stk. 2). */
  probation: Length;
}

const blank = (s: string | undefined): s is undefined => s === undefined || s.trim() === "";

/**
 * Whether a notification names an education: by its code when the notification gives one, else by its name. The one
 * matching rule, used by `checkNotification` and by the recheck after an approval (§ 4, stk. 3).
 */
export function notificationNames(n: Pick<AgreementNotification, "educationCode" | "educationName">, e: Pick<ExemptEducation, "code" | "name">): boolean {
  return blank(n.educationCode) ? !blank(n.educationName) && e.name === n.educationName : e.code === n.educationCode;
}

function lengthValid(l: Length): boolean {
  const n = "months" in l ? l.months : "weeks" in l ? l.weeks : l.days;
  return Number.isInteger(n) && n >= 0;
}

const showLength = (l: Length): string =>
  "months" in l ? `${l.months} months` : "weeks" in l ? `${l.weeks} weeks` : `${l.days} days`;
const showLengthDa = (l: Length): string =>
  "months" in l ? `${l.months} måneder` : "weeks" in l ? `${l.weeks} uger` : `${l.days} dage`;

/** The deemed probation of civil servants on probation (§ 6, stk. 2, 2. pkt.). */
export const CIVIL_SERVANT_PROBATION: Length = { months: 3 };

/**
 * § 5, stk. 1: "Anmeldelsen skal indeholde oplysning om arbejdsgiverens CVR-nr. eller SE-nr., elevens, lærlingens eller
 * den uddannelsessøgende navn og CPR-nummer, uddannelsens navn, den lønnede arbejdstid i virksomheden ifølge
 * uddannelsesaftalen samt oplysninger om prøvetidens længde. Kopi af den skriftlige uddannelsesaftale, der skal være
 * underskrevet af begge parter, vedlægges, jf. dog stk. 2 og 3."
 * Stk. 2: "For uddannelsesforhold indgået i henhold til lov om erhvervsuddannelser skal uddannelsesaftalen ikke
 * vedlægges." Stk. 3: "For elever … ansat i staten, kommuner eller regioner kan ansættelsesbrevet træde i stedet for
 * uddannelsesaftalen."
 *
 * Every missing or wrong field is a finding on that field (identifier findings come from the kernel parsers and cite
 * facts.md). The education must be in `educations` (the list of § 4, stk. 1, or approved under § 4, stk. 2).
 */
export function checkNotification(n: AgreementNotification, educations: readonly ExemptEducation[]): Decision<ValidNotification | null> {
  const out: Finding[] = [];
  const missing = (field: string, en: string, da: string, ref = "§ 5, stk. 1") =>
    out.push(aubFinding(`notification.${field}-missing`, "error", ref, `The notification must state ${en}.`, `Anmeldelsen skal indeholde oplysning om ${da}.`, field, null));

  // CVR or SE
  let cvr: Cvr | undefined;
  let se: SeNumber | undefined;
  if (blank(n.employerCvr) && blank(n.employerSe)) missing("employerCvr", "the employer's CVR or SE number", "arbejdsgiverens CVR-nr. eller SE-nr.");
  if (!blank(n.employerCvr)) {
    const p = parseCvr(n.employerCvr, "employerCvr");
    out.push(...p.because);
    if (p.value !== null) cvr = p.value;
  }
  if (!blank(n.employerSe)) {
    const p = parseSe(n.employerSe, "employerSe");
    out.push(...p.because);
    if (p.value !== null) se = p.value;
  }

  // name and CPR
  if (blank(n.traineeName)) missing("traineeName", "the trainee's name", "elevens, lærlingens eller den uddannelsessøgendes navn");
  let cpr: Cpr | undefined;
  if (blank(n.traineeCpr)) missing("traineeCpr", "the trainee's CPR number", "elevens, lærlingens eller den uddannelsessøgendes CPR-nummer");
  else {
    const p = parseCpr(n.traineeCpr, "traineeCpr");
    out.push(...p.because);
    if (p.value !== null) cpr = p.value;
  }

  // education
  let education: ExemptEducation | undefined;
  if (blank(n.educationCode) && blank(n.educationName)) missing("educationName", "the name of the education", "uddannelsens navn");
  else {
    education = educations.find((e) => notificationNames(n, e));
    if (education === undefined)
      out.push(
        aubFinding(
          "notification.education-not-exempt",
          "error",
          "§ 4, stk. 1",
          `"${n.educationName ?? n.educationCode ?? ""}" is not in the list of exempt educations; an education not on the list can be approved on application (§ 4, stk. 2).`,
          `"${n.educationName ?? n.educationCode ?? ""}" er ikke optaget i oversigten over bidragsfritagne uddannelser; en uddannelse uden for oversigten kan godkendes efter ansøgning (§ 4, stk. 2).`,
          "educationCode",
          n.educationCode ?? n.educationName ?? null,
        ),
      );
  }

  // paid working hours
  if (n.paidHoursPerWeek === undefined) missing("paidHoursPerWeek", "the paid working hours in the company under the agreement", "den lønnede arbejdstid i virksomheden ifølge uddannelsesaftalen");
  else if (!Number.isFinite(n.paidHoursPerWeek) || n.paidHoursPerWeek <= 0 || n.paidHoursPerWeek > 168)
    out.push(
      aubFinding(
        "notification.paidHoursPerWeek-invalid",
        "error",
        "§ 5, stk. 1",
        `The paid working hours must be a number of hours a week above 0 and at most 168; got ${String(n.paidHoursPerWeek)}.`,
        `Den lønnede arbejdstid skal være et antal timer om ugen over 0 og højst 168; modtaget ${String(n.paidHoursPerWeek)}.`,
        "paidHoursPerWeek",
        n.paidHoursPerWeek,
      ),
    );

  // probation
  let probation: Length | undefined;
  if (n.civilServantOnProbation) {
    probation = CIVIL_SERVANT_PROBATION;
    out.push(
      aubFinding(
        "notification.civil-servant-probation",
        "info",
        "§ 6, stk. 2",
        `The trainee is employed as a civil servant on probation: the probation counts as 3 months${n.probation !== undefined ? ` (notified: ${showLength(n.probation)})` : ""}.`,
        `Eleven er ansat som tjenestemand på prøve: prøvetiden anses for at være 3 måneder${n.probation !== undefined ? ` (anmeldt: ${showLengthDa(n.probation)})` : ""}.`,
        "probation",
        "3 months",
      ),
    );
  } else if (n.probation === undefined) missing("probation", "the length of the probation period", "prøvetidens længde");
  else if (!lengthValid(n.probation))
    out.push(
      aubFinding(
        "notification.probation-invalid",
        "error",
        "§ 5, stk. 1",
        `The probation length must be a whole, non-negative number; got ${showLength(n.probation)}.`,
        `Prøvetidens længde skal være et helt, ikke-negativt tal; modtaget ${showLengthDa(n.probation)}.`,
        "probation",
        showLength(n.probation),
      ),
    );
  else probation = n.probation;

  // the agreement itself
  const publicSector = n.employerSector !== "private";
  if (n.underEudLaw) {
    out.push(aubFinding("notification.attachment-not-required-eud", "info", "§ 5, stk. 2", "The agreement is entered under lov om erhvervsuddannelser: it need not be attached.", "Uddannelsesforholdet er indgået i henhold til lov om erhvervsuddannelser: uddannelsesaftalen skal ikke vedlægges.", "attachment", n.attachment));
  } else if (n.attachment === "letter-of-appointment") {
    if (publicSector)
      out.push(aubFinding("notification.letter-of-appointment", "info", "§ 5, stk. 3", "The trainee is employed by the state, a municipality or a region: the letter of appointment replaces the agreement.", "Eleven er ansat i staten, en kommune eller en region: ansættelsesbrevet træder i stedet for uddannelsesaftalen.", "attachment", n.attachment));
    else
      out.push(
        aubFinding(
          "notification.letter-of-appointment-private",
          "error",
          "§ 5, stk. 3",
          "A letter of appointment can replace the agreement only for trainees employed by the state, a municipality or a region; attach the signed agreement.",
          "Ansættelsesbrevet kan kun træde i stedet for uddannelsesaftalen for elever ansat i staten, kommuner eller regioner; vedlæg den underskrevne uddannelsesaftale.",
          "attachment",
          n.attachment,
        ),
      );
  } else if (n.attachment === "none") {
    out.push(
      aubFinding(
        "notification.agreement-missing",
        "error",
        "§ 5, stk. 1",
        publicSector ? "Attach a copy of the written agreement signed by both parties, or the letter of appointment." : "Attach a copy of the written agreement signed by both parties.",
        publicSector ? "Vedlæg kopi af den skriftlige uddannelsesaftale underskrevet af begge parter eller ansættelsesbrevet." : "Vedlæg kopi af den skriftlige uddannelsesaftale underskrevet af begge parter.",
        "attachment",
        n.attachment,
      ),
    );
  } else if (n.signedByBoth !== true)
    out.push(
      aubFinding(
        "notification.agreement-unsigned",
        "error",
        "§ 5, stk. 1",
        "The attached agreement must be signed by both parties.",
        "Den vedlagte uddannelsesaftale skal være underskrevet af begge parter.",
        "signedByBoth",
        n.signedByBoth ?? null,
      ),
    );

  if (hasErrors(out) || cpr === undefined || education === undefined || probation === undefined) return decision<ValidNotification | null>(null, out);
  const v: ValidNotification = { notification: n, cpr, education, probation };
  if (cvr !== undefined) v.cvr = cvr;
  if (se !== undefined) v.se = se;
  return decision<ValidNotification | null>(v, out);
}

// ── § 6: the conditions and the period ──────────────────────────────────────────────────────────────────────────────

/** The last day of a period of `length` starting on `start` (inclusive counting: 3 months from 15 Jan end on 14 Apr). */
export function lastDayOf(start: IsoDate, length: Length): IsoDate {
  return addDays(addSpan(start, length), -1);
}

/** The cap on the exemption for educations under § 20, stk. 4, nr. 3, of lov om AUB (§ 6, stk. 1). */
export const NR3_CAP: Length = { months: 36 };
/** The minimum agreed extent (§ 6, stk. 1, 2. pkt.). */
export const MINIMUM_EXTENT: Length = { months: 3 };

const minDate = (...ds: IsoDate[]): IsoDate => ds.reduce((a, b) => (b < a ? b : a));

/**
 * The exemption a notified agreement gives: the period in which the trainee's ATP amount is left out of the basis.
 *
 * § 5, stk. 1: "Bidragsfritagelse … ydes ved uddannelsesaftalens anmeldelse" — only a complete notification (above).
 * § 4, stk. 3: not before the quarter in which AUB approved the education.
 * § 6, stk. 1: "Bidragsfritagelse … ydes i den normale uddannelsestid, dog højst i 3 år for de uddannelser, der er nævnt
 * i § 20, stk. 4, nr. 3 … Bidragsfritagelse ydes dog kun, såfremt det aftalte uddannelsesforhold har et samlet omfang på
 * mindst 3 måneder."
 * § 6, stk. 2: "Det er en betingelse for bidragsfritagelse, at uddannelsesaftalen ikke er ophævet inden prøvetidens
 * udløb. For uddannelsessøgende, der er ansat som tjenestemænd på prøve og lignende, anses prøvetiden for at være 3
 * måneder."
 *
 * Choices (docs/rulebooks/004-aub.md): periods count inclusively from the agreement's first day (3 months from
 * 15 January end on 14 April); the extent is that of the *agreed* period (a later termination does not shorten it);
 * termination on the last day of the probation is within it; the normal duration and the 3-year cap run from the
 * agreement's start; the notification date does not cut the period (a late notification works back, and § 3, stk. 2
 * recalculates the quarters already charged). `asOf`, when given, marks an exemption whose probation has not yet
 * expired as provisional.
 */
export function apprenticeExemption(
  n: AgreementNotification,
  educations: readonly ExemptEducation[],
  options: { asOf?: IsoDate } = {},
): Decision<TraineeExemption | null> {
  const checked = checkNotification(n, educations);
  const out: Finding[] = [...checked.because];
  const start = n.agreementStart;
  const end = n.agreementEnd;
  if (start === undefined)
    out.push(aubFinding("exemption.agreementStart-missing", "error", "§ 6, stk. 1", "The agreement's first day is needed to decide the exemption.", "Uddannelsesaftalens første dag skal oplyses for at afgøre bidragsfritagelsen.", "agreementStart", null));
  if (end === undefined)
    out.push(aubFinding("exemption.agreementEnd-missing", "error", "§ 6, stk. 1", "The agreement's last day is needed to decide the exemption.", "Uddannelsesaftalens sidste dag skal oplyses for at afgøre bidragsfritagelsen.", "agreementEnd", null));
  if (start !== undefined && end !== undefined && end < start)
    out.push(aubFinding("exemption.agreement-period-reversed", "error", "§ 6, stk. 1", `The agreement ends (${end}) before it starts (${start}).`, `Uddannelsesaftalen slutter (${end}), før den begynder (${start}).`, "agreementEnd", end));
  if (n.terminatedOn !== undefined && start !== undefined && n.terminatedOn < start)
    out.push(aubFinding("exemption.terminated-before-start", "error", "§ 6, stk. 2", `The termination date ${n.terminatedOn} is before the agreement's start ${start}.`, `Ophævelsesdatoen ${n.terminatedOn} ligger før uddannelsesaftalens start ${start}.`, "terminatedOn", n.terminatedOn));
  const v = checked.value;
  if (v === null || hasErrors(out) || start === undefined || end === undefined) return decision<TraineeExemption | null>(null, out);

  const none = (f: Finding) => decision<TraineeExemption | null>(null, [...out, f]);

  // § 6, stk. 1, 2. pkt.: at least 3 months
  const minEnd = lastDayOf(start, MINIMUM_EXTENT);
  if (end < minEnd)
    return none(
      aubFinding(
        "exemption.shorter-than-3-months",
        "error",
        "§ 6, stk. 1",
        `The agreed period ${start}–${end} is shorter than 3 months (it would have to last until ${minEnd}): no exemption.`,
        `Det aftalte uddannelsesforhold ${start}–${end} har et samlet omfang på under 3 måneder (det skulle vare til ${minEnd}): ingen bidragsfritagelse.`,
        "agreementEnd",
        end,
      ),
    );

  // § 6, stk. 2: not terminated within the probation
  const probationEnd = lastDayOf(start, v.probation);
  if (n.terminatedOn !== undefined && n.terminatedOn <= probationEnd)
    return none(
      aubFinding(
        "exemption.terminated-in-probation",
        "error",
        "§ 6, stk. 2",
        `The agreement was terminated on ${n.terminatedOn}, within the probation ending ${probationEnd}: no exemption for any part of it.`,
        `Uddannelsesaftalen blev ophævet den ${n.terminatedOn}, inden prøvetidens udløb den ${probationEnd}: ingen bidragsfritagelse for nogen del af den.`,
        "terminatedOn",
        n.terminatedOn,
      ),
    );

  // The period: from the start (not before the education gives exemption, § 4, stk. 3) to the first of the limits.
  const edu = v.education;
  const eduFrom = educationEffectiveFrom(edu);
  const from = eduFrom !== undefined && eduFrom > start ? eduFrom : start;
  if (eduFrom !== undefined && eduFrom > start)
    out.push(
      aubFinding(
        "exemption.from-education-effect",
        "info",
        edu.origin.kind === "approved" ? "§ 4, stk. 3" : "§ 4, stk. 1",
        `The education gives exemption only from ${eduFrom}; the exemption starts then, not on the agreement's start ${start}.`,
        `Uddannelsen giver først bidragsfritagelse fra ${eduFrom}; fritagelsen begynder da og ikke ved uddannelsesaftalens start ${start}.`,
        "agreementStart",
        eduFrom,
      ),
    );
  const limits: { to: IsoDate; ref: string; en: string; da: string; subject: string }[] = [
    { to: end, ref: "§ 6, stk. 1", en: "the agreement's end", da: "uddannelsesaftalens ophør", subject: "agreementEnd" },
    {
      to: lastDayOf(start, { months: edu.normalDurationMonths }),
      ref: "§ 6, stk. 1",
      en: `the normal duration of ${edu.name} (${edu.normalDurationMonths} months)`,
      da: `den normale uddannelsestid for ${edu.name} (${edu.normalDurationMonths} måneder)`,
      subject: "educationCode",
    },
  ];
  if (edu.law20Stk4Nr === 3)
    limits.push({ to: lastDayOf(start, NR3_CAP), ref: "§ 6, stk. 1", en: "3 years (§ 20, stk. 4, nr. 3)", da: "3 år (§ 20, stk. 4, nr. 3)", subject: "educationCode" });
  if (n.terminatedOn !== undefined)
    limits.push({ to: n.terminatedOn, ref: "§ 6, stk. 2", en: "the termination after the probation", da: "ophævelsen efter prøvetidens udløb", subject: "terminatedOn" });
  if (edu.origin.kind === "list" && edu.origin.listedTo !== undefined)
    limits.push({ to: edu.origin.listedTo, ref: "§ 4, stk. 1", en: "the education's removal from the list", da: "uddannelsens udgang af oversigten", subject: "educationCode" });
  const to = minDate(...limits.map((l) => l.to));
  const binding = limits.find((l) => l.to === to);
  if (binding !== undefined)
    out.push(
      aubFinding(
        "exemption.ends",
        "info",
        binding.ref,
        `The exemption ends on ${to}: ${binding.en}.`,
        `Bidragsfritagelsen ophører den ${to}: ${binding.da}.`,
        binding.subject,
        to,
      ),
    );
  if (to < from)
    return none(
      aubFinding(
        "exemption.empty-period",
        "error",
        "§ 4, stk. 3",
        `The exemption would start on ${from}, after it ends on ${to}: no exemption.`,
        `Bidragsfritagelsen ville begynde den ${from}, efter at den ophører den ${to}: ingen bidragsfritagelse.`,
        "agreementStart",
        from,
      ),
    );
  if (n.notifiedOn > from)
    out.push(
      aubFinding(
        "exemption.notified-late",
        "info",
        "§ 5, stk. 1",
        `The agreement was notified on ${n.notifiedOn}, after the exemption's start ${from}: quarters already charged are recalculated (§ 3, stk. 2).`,
        `Uddannelsesaftalen blev anmeldt den ${n.notifiedOn}, efter fritagelsens start ${from}: allerede opkrævede kvartaler genberegnes (§ 3, stk. 2).`,
        "notifiedOn",
        n.notifiedOn,
      ),
    );
  if (options.asOf !== undefined && n.terminatedOn === undefined && options.asOf <= probationEnd)
    out.push(
      aubFinding(
        "exemption.provisional",
        "warning",
        "§ 6, stk. 2",
        `The probation runs until ${probationEnd}: if the agreement is terminated by then, the exemption falls away entirely.`,
        `Prøvetiden løber til ${probationEnd}: ophæves uddannelsesaftalen inden da, bortfalder bidragsfritagelsen helt.`,
        "probation",
        probationEnd,
      ),
    );
  out.push(
    aubFinding(
      "exemption.granted",
      "info",
      "§ 6, stk. 1",
      `Exempt from ${from} to ${to} (${formatQuarter(quarterOf(from))}–${formatQuarter(quarterOf(to))}).`,
      `Bidragsfritaget fra ${from} til ${to} (${formatQuarter(quarterOf(from))}–${formatQuarter(quarterOf(to))}).`,
      "agreementStart",
      from,
    ),
  );
  const x: TraineeExemption = { notificationId: n.id, cpr: v.cpr, from, to, fromQuarter: quarterOf(from), toQuarter: quarterOf(to) };
  if (v.cvr !== undefined) x.employerCvr = v.cvr;
  if (v.se !== undefined) x.employerSe = v.se;
  return decision<TraineeExemption | null>(x, out);
}
