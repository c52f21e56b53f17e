/**
 * Seed 003 §8 Fravær (with §2.7 "Fravær spesifisert for hvert år"):
 * - who has absence on the document and for which years (§2.7, §8.1);
 * - days and hours per year, hours in 60-minute units, never converted into days, 0 printed as 0 (§8.1);
 * - "Fratrekk av fravær": documented absence on the listed grounds is not recorded, up to 10 days a school year — 14
 *   days for absence before 31.07.2010 (a dated rule picked by the absence's school year); health absence only from
 *   the fourth day, from the first with a legeerklæring for chronic illness or disability (§8.1, §8.2 Overgangsordninger);
 * - the 10 % limit of undocumented absence per subject, FAM51 + IV, or FAM21 + IV when the limit is not exceeded (§8.2).
 */
import { decision, versionOn, type Decision, type Finding, type Validity } from "../../kernel/law.ts";
import type { HalfYear } from "../../kernel/time/half-year.ts";
import { formatSchoolYear, schoolYearStart, type SchoolYear } from "../../kernel/time/school-year.ts";
import { vmFinding } from "./cite.ts";
import { entry, use, type Entry } from "./entry.ts";
import type { AbsenceDeduction, AbsenceYear, DeductionGround, Status, SubjectAbsence } from "./model.ts";

// ---------------------------------------------------------------------------------------------------------------
// The dated deduction limit (§8.1, §8.2 Overgangsordninger)
// ---------------------------------------------------------------------------------------------------------------

export interface DeductionLimit extends Validity {
  /** Most school days a year that documented absence may be left off the document. */
  days: number;
  ref: string;
  quote: string;
}

/**
 * §8.2 Overgangsordninger: "Antall dager som ikke kan føres på vitnemålet/kompetansebeviset: • inntil 14 skoledager per
 * opplæringsår for fravær før 31.07.2010 • inntil 10 skoledager per opplæringsår for fravær fra og med 01.08.2010".
 * Validity is by the absence's date; the boundary coincides with the school year 2010/11 (1 August), and 31.07.2010
 * itself — "før 31.07.2010" read literally would leave it in neither — is taken as the last day of the 14-day rule.
 */
export const DEDUCTION_LIMITS: readonly DeductionLimit[] = [
  { validTo: "2010-07-31", days: 14, ref: "8.2", quote: "inntil 14 skoledager per opplæringsår for fravær før 31.07.2010" },
  { validFrom: "2010-08-01", days: 10, ref: "8.1", quote: "For inntil sammenlagt 10 dager i et opplæringsår" },
];

/** "For fravær før 01.08.2009 er det forskriften som gjaldt da som angir godkjente fraværsgrunner og vilkår." */
export const OLD_REGULATION_BEFORE = "2009-08-01";

/** The limit in force for a school year (picked by its first day, 1 August). */
export function deductionLimitFor(y: SchoolYear): DeductionLimit {
  const v = versionOn(DEDUCTION_LIMITS, schoolYearStart(y));
  if (v === undefined) throw new Error("DEDUCTION_LIMITS has a gap");
  return v;
}

/** The grounds of §8.1 in bokmål. */
export const GROUND_NB: Readonly<Record<DeductionGround, string>> = {
  helse: "helsegrunner",
  velferd: "velferdsgrunner",
  tillitsvalgt: "arbeid som tillitsvalgt",
  politisk: "politisk arbeid",
  hjelpearbeid: "hjelpearbeid",
  lovpalagt: "lovpålagt oppmøte",
  representasjon: "representasjon i arrangement på nasjonalt og internasjonalt nivå",
};

/**
 * The days of one documented spell that may be left off.
 *
 * §8.1 "dersom det kan dokumenteres at fraværet skyldes helse- og velferdsgrunner, arbeid som tillitsvalgt, politisk
 * arbeid, hjelpearbeid, lovpålagt oppmøte eller representasjon …" and "Fravær av helsemessige grunner … må eleven legge
 * fram en legeerklæring. … vil det kun være fravær med varighet utover tre dager som kan unntas … bare fravær fra og med
 * den fjerde dagen … Elever som har en legeerklæring som viser at de har dokumentert risiko for fravær pga. kronisk
 * sykdom eller funksjonshemning, kan få strøket fravær fra første fraværsdag."
 */
export function deductibleDays(d: AbsenceDeduction): Decision<number> {
  if (!d.documented)
    return decision(0, [
      vmFinding("absence.deduction-undocumented", "warning", "8.1", `Fravær på grunn av ${GROUND_NB[d.ground]} (${d.days} dager) er ikke dokumentert og kan ikke trekkes fra.`, `Absence for ${d.ground} (${d.days} days) is not documented and cannot be deducted.`, "deductions", d.days),
    ]);
  const days = Math.max(0, Math.trunc(d.days));
  if (d.ground !== "helse") return decision(days);
  if (d.chronicFromDay1 === true)
    return decision(days, [
      vmFinding("absence.health-chronic", "info", "8.1", `Legeerklæring om kronisk sykdom/funksjonshemning: alle ${days} dager kan strykes fra første fraværsdag.`, `Medical certificate for chronic illness/disability: all ${days} days can be struck from the first day.`, "deductions", days),
    ]);
  const from4 = Math.max(0, days - 3);
  return decision(from4, [
    vmFinding(
      "absence.health-day-4",
      "info",
      "8.1",
      `Helsefravær på ${days} dager: bare fra og med fjerde dag kan unntas — ${from4} dager.`,
      `Health absence of ${days} days: only from the fourth day can be left off — ${from4} days.`,
      "deductions",
      from4,
    ),
  ]);
}

export interface RecordedAbsence {
  /** Null for a part-time pupil whose absence the principal records in hours only (§8.1): dotted line. */
  days: number | null;
  hours: number;
  /** Days left off under §8.1. */
  deductedDays: number;
}

/**
 * The days and hours printed for one school year after "Fratrekk av fravær": the deductible days of all documented
 * spells, capped at the limit of the year (10, or 14 before 01.08.2010), are taken off the days. Hours are not
 * deducted (the seed counts the deduction in days) and never converted into days. A year abroad without absence in
 * its documentation prints nothing (null: dotted line, §2.7). §8.1 "Rektor avgjør om fravær for deltidselever, skal føres
 * i dager og timer eller bare i timer": `partTimeHoursOnly` leaves the days cell dotted.
 */
export function recordedAbsence(y: AbsenceYear, opts: { partTimeHoursOnly?: boolean } = {}): Decision<RecordedAbsence | null> {
  const because: Finding[] = [];
  if (y.abroadWithoutRecord === true)
    return decision(null, [
      vmFinding("absence.abroad", "info", "2.7", `${formatSchoolYear(y.schoolYear)}: år i utlandet uten fravær på dokumentasjonen derfra — fravær føres ikke (stiplet linje).`, `${formatSchoolYear(y.schoolYear)}: a year abroad without absence in its documentation — not recorded (dotted line).`, "absence", formatSchoolYear(y.schoolYear)),
    ]);
  if (y.days < 0 || y.hours < 0 || !Number.isInteger(y.days) || !Number.isInteger(y.hours))
    because.push(vmFinding("absence.not-whole", "error", "8.1", "Fravær føres med hele tall for dager og timer.", "Absence is recorded in whole days and hours.", "absence", `${y.days}/${y.hours}`));
  if (schoolYearStart(y.schoolYear) < OLD_REGULATION_BEFORE && (y.deductions ?? []).length > 0)
    because.push(
      vmFinding("absence.before-2009", "warning", "8.2", `${formatSchoolYear(y.schoolYear)}: for fravær før 01.08.2009 gjelder forskriften som gjaldt da — kontroller fraværsgrunnene manuelt.`, `${formatSchoolYear(y.schoolYear)}: absence before 01.08.2009 follows the regulation then in force — check the grounds by hand.`, "absence"),
    );
  const limit = deductionLimitFor(y.schoolYear);
  let sum = 0;
  for (const d of y.deductions ?? []) {
    const r = deductibleDays(d);
    because.push(...r.because);
    sum += r.value;
  }
  const capped = Math.min(sum, limit.days, Math.max(0, y.days));
  if (sum > limit.days)
    because.push(
      vmFinding("absence.deduction-capped", "info", limit.ref, `${formatSchoolYear(y.schoolYear)}: ${sum} dokumenterte dager, men bare inntil ${limit.days} dager per opplæringsår kan unntas («${limit.quote}»).`, `${formatSchoolYear(y.schoolYear)}: ${sum} documented days, but at most ${limit.days} days a school year can be left off.`, "absence", limit.days),
    );
  if (opts.partTimeHoursOnly === true) {
    because.push(
      vmFinding("absence.part-time-hours-only", "info", "8.1", `${formatSchoolYear(y.schoolYear)}: deltidselev — rektor har bestemt at fraværet føres bare i timer.`, `${formatSchoolYear(y.schoolYear)}: part-time pupil — the principal decided to record hours only.`, "absence"),
    );
    return decision({ days: null, hours: y.hours, deductedDays: capped }, because);
  }
  return decision({ days: Math.max(0, y.days - capped), hours: y.hours, deductedDays: capped }, because);
}

/**
 * §8.1 "Enkelttimene regnes ev. om til 60 minutters enheter. Enkelttimer skal ikke konverteres til dager."
 * The seed does not say how a remainder is rounded; bevis rounds to the nearest whole 60-minute unit, halves up
 * (a named step, see docs/rulebooks/003-vitnemal.md).
 */
export function minutesToHours(minutes: number): number {
  return Math.floor((Math.max(0, minutes) + 30) / 60);
}

export interface AbsenceScope {
  /** Statuses the person had in the year's subjects. */
  statuses: readonly Status[];
  /** Voksne with teaching under opplæringsloven kapittel 4A. */
  adult4A?: boolean;
  /** All teaching of the year took place in a company (lærling, praksisbrevkandidat, lærekandidat). */
  allInCompany?: boolean;
}

/**
 * Whether absence is recorded for a year.
 * §8.1 "Dere fører fravær dersom minst ett av fagene er tatt som elev. Det gjelder også lærlinger, elever som ikke får
 * læreplass (alternativt vg3 i skole …), praksisbrevkandidater og lærekandidater som tar enkeltfag i skole."
 * §2.7 "Dere skal ikke føre fravær for • lærlinger, praksisbrevkandidater og lærekandidater som har opplæring i bedrift.
 * • voksne som får opplæring etter opplæringsloven kapittel 4A. • elever som har et år i utlandet …"
 */
export function absenceRecorded(scope: AbsenceScope): Decision<boolean> {
  if (scope.adult4A === true)
    return decision(false, [vmFinding("absence.adult-4a", "info", "2.7", "Voksne med opplæring etter kapittel 4A: fravær føres ikke.", "Adults taught under chapter 4A: no absence is recorded.", "absence")]);
  if (!scope.statuses.includes("elev"))
    return decision(false, [
      vmFinding(
        "absence.no-elev-subject",
        "info",
        scope.allInCompany === true ? "2.7" : "8.1",
        "Ingen fag er tatt som elev dette året: fravær føres ikke.",
        "No subject was taken as a pupil this year: no absence is recorded.",
        "absence",
      ),
    ]);
  return decision(true);
}

/**
 * The years with an absence column (§2.7): 1–3 always; the 4th when the course normally lasts longer than three years
 * or the pupil has a decision on a 4th year; the 5th only with a decision on a 5th year. "For elever som har vedtak om
 * et 4. og/eller 5. år (utvidet tid), fører dere fravær på hvert år selv om de har samme programområdet flere år."
 * §11.3: the same for IOP pupils with extended time.
 */
export function absenceYears(opts: { normalYears: number; extendedYears?: number }): number[] {
  const n = Math.min(5, Math.max(3, opts.normalYears + (opts.extendedYears ?? 0)));
  return Array.from({ length: n }, (_, i) => i + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// §8.2 the 10 % limit
// ---------------------------------------------------------------------------------------------------------------

export interface LimitResult {
  exceeded: boolean;
  /** The undocumented share in per cent (for the explanation; the decision uses exact integers). */
  percent: number;
}

/**
 * §8.2 "Fraværsgrensen for å få vurdering er i utgangpunktet på 10 prosent udokumentert fravær i hvert fag." Exceeded
 * means more than 10 %: exactly 10 % is within the limit. Compared exactly (10 × undocumented > subject hours), no
 * rounding. "Beregningsgrunnlaget skal være ut ifra timetallet i faget for hele skoleåret" (also after a change of
 * subject or school, where the count in the new subject starts at zero). "For elever som ikke får læreplass og som tar
 * alternativt vg3 i skole istedenfor i bedrift, gjelder ikke 10 %-regelen".
 */
export function absenceLimit(a: SubjectAbsence, opts: { alternativeVg3?: boolean } = {}): Decision<LimitResult> {
  const percent = a.subjectHours > 0 ? (100 * a.undocumentedHours) / a.subjectHours : 0;
  if (opts.alternativeVg3 === true)
    return decision({ exceeded: false, percent }, [
      vmFinding("absence.limit-alternative-vg3", "info", "8.2", `${a.fagkode}: alternativt vg3 i skole — 10 %-regelen gjelder ikke.`, `${a.fagkode}: alternative vg3 in school — the 10 % rule does not apply.`, a.fagkode),
    ]);
  if (a.subjectHours <= 0)
    return decision({ exceeded: false, percent }, [
      vmFinding("absence.limit-no-hours", "error", "8.2", `${a.fagkode}: timetallet i faget for skoleåret mangler; fraværsgrensen kan ikke beregnes.`, `${a.fagkode}: the subject's hours for the school year are missing; the limit cannot be computed.`, a.fagkode),
    ]);
  const exceeded = a.undocumentedHours * 10 > a.subjectHours;
  return decision({ exceeded, percent }, [
    vmFinding(
      exceeded ? "absence.limit-exceeded" : "absence.limit-within",
      "info",
      "8.2",
      `${a.fagkode}: ${a.undocumentedHours} av ${a.subjectHours} timer udokumentert fravær (${percent.toFixed(1).replace(".", ",")} %) — fraværsgrensen på 10 % er ${exceeded ? "overskredet" : "ikke overskredet"}.`,
      `${a.fagkode}: ${a.undocumentedHours} of ${a.subjectHours} hours undocumented (${percent.toFixed(1)} %) — the 10 % limit is ${exceeded ? "exceeded" : "not exceeded"}.`,
      a.fagkode,
      a.undocumentedHours,
    ),
  ]);
}

/**
 * The line of a subject without a standpunkt grade (§8.2, §5.4): "Ved overtrådt fraværsgrense skal dere føre FAM51
 * «Overskredet fraværsgrense» og «Ikke vurderingsgrunnlag» (IV) i rubrikken for standpunktkarakter. FAM51 er en
 * fagmerknad som kun skal føres på kompetansebeviset. … Det er kun der eleven ikke har gått over fraværsgrensen og
 * læreren ikke har tilstrekkelig grunnlag til å sette karakter … at det skal føres FAM21 «Ikke vurderingsgrunnlag»."
 * §5.4 "I rubrikken «år» fører dere det året opplæring i faget skulle vært fullført." The exam falls away (§5.4, see
 * pass.ts ivAnnulsExam).
 */
export function noBasisEntry(fagkode: string, exceeded: boolean, shouldHaveEnded: HalfYear): Entry {
  return entry(fagkode, {
    standpunkt: "IV",
    year: shouldHaveEnded,
    fam: [use(exceeded ? "FAM51" : "FAM21", exceeded ? "8.2" : "5.4")],
    onlyOn: "kompetansebevis",
  });
}

/**
 * §8.1 "Eleven kan kreve at dere fører årsaken til fraværet på et vedlegg … Dere må da føre VMM16 «Årsak til fravær
 * dokumentert i vedlegg»."
 */
export function absenceReasonEntry(reason: string): Entry {
  return entry("", { vmm: [use("VMM16", "8.1")], vedlegg: [{ code: "VMM16", text: reason, because: "8.1" }] });
}
