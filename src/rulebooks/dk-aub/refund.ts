/**
 * Chapters 4–5 of seed 004: the state's grant for wage refund for the optional supplementary study-preparatory teaching
 * in EUD (lønrefusion vedrørende den valgfri supplerende studieforberedende undervisning), §§ 7–11: the weekly rate
 * (§ 7), the quarterly prepayment and the year-end settlement (§ 8), the institutions' reports of school weeks (§ 9) and
 * the auditor's attestation of them (§ 11). § 10 (the institutions' accounts) has nothing to compute.
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { parseCpr } from "../../kernel/ids/cpr.ts";
import { daysBetween, isoDate, type IsoDate } from "../../kernel/time/date.ts";
import { compareQuarters, formatQuarter, quarterOf, type Quarter } from "../../kernel/time/quarter.ts";
import { aubFinding } from "./cite.ts";
import type { Prepayment, SchoolWeekLine, YearEndSettlement } from "./model.ts";
import { divRoundHalfUp, formatDkk, formatKroner, isOere, sumOere, toOere, type Oere } from "./money.ts";
import { SU_STIPEND_UDEBOENDE_20, parameterOn, type DatedParameter } from "./parameters/index.ts";

/** The SU table § 7 reads (default: the shipped rows; the store adds the years an administrator recorded). */
export type SuRates = readonly DatedParameter<Oere>[];

// ── § 7: the rate ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * § 7, stk. 2: "Ved omregning til ugesats ganges den månedlige SU-stipendiesats med 12 og divideres herefter med 52."
 * Rounding (a choice, docs/rulebooks/004-aub.md): the weekly rate is rounded once to the nearest øre, halves up, and
 * every amount is a whole number of weeks × that rounded rate, so amounts add up exactly over lines, institutions and
 * quarters. 6.820,00 kr. × 12 / 52 = 1.573,846… kr. → 1.573,85 kr.
 */
export function weeklyFromMonthly(monthlyOere: Oere): Oere {
  return toOere(divRoundHalfUp(BigInt(monthlyOere) * 12n, 52n));
}

export interface WeeklyRate {
  /** The SU stipend rate for udeboende aged 20+ per month in force (§ 7, stk. 1). */
  monthlyOere: Oere;
  /** monthly × 12 / 52, rounded to the øre (§ 7, stk. 2). */
  weeklyOere: Oere;
  validFrom: IsoDate;
  validTo: IsoDate;
}

/**
 * § 7, stk. 1: the grant "beregnes med en sats svarende til SU-stipendiesatsen for udeboende, der er fyldt 20 år",
 * converted to a weekly rate by stk. 2. The SU rate is the one in force on `on`; from a secondary source it carries a
 * warning.
 */
export function weeklyRate(on: IsoDate, suRates: SuRates = SU_STIPEND_UDEBOENDE_20): Decision<WeeklyRate | null> {
  const p = parameterOn(
    suRates,
    on,
    { id: "su-rate", en: "SU stipend rate (living away from home, 20+) per month", da: "SU-stipendiesats for udeboende, der er fyldt 20 år, pr. måned" },
    "§ 7, stk. 1",
    formatKroner,
  );
  if (p.value === null) return decision<WeeklyRate | null>(null, p.because);
  const monthly = p.value.value;
  const weekly = weeklyFromMonthly(monthly);
  return decision<WeeklyRate | null>({ monthlyOere: monthly, weeklyOere: weekly, validFrom: p.value.validFrom, validTo: p.value.validTo }, [
    ...p.because,
    aubFinding(
      "refund.weekly-rate",
      "info",
      "§ 7, stk. 2",
      `Weekly rate: ${formatDkk(monthly)} × 12 / 52 = ${formatDkk(weekly)} (rounded to the nearest øre).`,
      `Ugesats: ${formatKroner(monthly)} × 12 / 52 = ${formatKroner(weekly)} (afrundet til nærmeste øre).`,
      "weeklyOere",
      weekly,
    ),
  ]);
}

// ── § 9: the report of school weeks ─────────────────────────────────────────────────────────────────────────────────

/**
 * One line of an institution's report, checked. § 9, stk. 2: "Indberetningen skal indeholde angivelse af elevernes
 * eller lærlingenes personnumre og uddannelse med speciale samt antal skoleuger." § 7, stk. 1: only the supplementary
 * study-preparatory teaching in a grundforløb or hovedforløb qualifies ("tilskudsberettigede skoleuger", § 9, stk. 1).
 * Choices: weeks are whole weeks; a line lies within one calendar year (the SU rate is yearly), and claims no more
 * weeks than the calendar weeks its period touches.
 */
export function schoolWeekLineProblems(line: SchoolWeekLine, index: number): Finding[] {
  const at = (f: string) => `lines[${index}].${f}`;
  const n = index + 1;
  const out: Finding[] = [];
  if (line.cpr === undefined || line.cpr.trim() === "")
    out.push(aubFinding("school-weeks.cpr-missing", "error", "§ 9, stk. 2", `Line ${n}: the pupil's CPR number is missing.`, `Linje ${n}: elevens personnummer mangler.`, at("cpr"), null));
  else out.push(...parseCpr(line.cpr, at("cpr")).because.filter((f) => f.severity === "error"));
  if (line.education === undefined || line.education.trim() === "")
    out.push(aubFinding("school-weeks.education-missing", "error", "§ 9, stk. 2", `Line ${n}: the education is missing.`, `Linje ${n}: uddannelsen mangler.`, at("education"), null));
  if (line.speciality === undefined || line.speciality.trim() === "")
    out.push(aubFinding("school-weeks.speciality-missing", "error", "§ 9, stk. 2", `Line ${n}: the speciality is missing.`, `Linje ${n}: specialet mangler.`, at("speciality"), null));
  if (!Number.isInteger(line.weeks) || line.weeks <= 0)
    out.push(
      aubFinding("school-weeks.weeks-invalid", "error", "§ 9, stk. 2", `Line ${n}: the number of school weeks must be a whole number above 0; got ${String(line.weeks)}.`, `Linje ${n}: antal skoleuger skal være et helt tal over 0; modtaget ${String(line.weeks)}.`, at("weeks"), line.weeks),
    );
  if (!line.supplementaryStudyPreparatory)
    out.push(
      aubFinding(
        "school-weeks.not-eligible",
        "error",
        "§ 7, stk. 1",
        `Line ${n}: only weeks of the optional supplementary study-preparatory teaching qualify for the grant.`,
        `Linje ${n}: kun skoleuger med valgfri supplerende studieforberedende undervisning er tilskudsberettigede.`,
        at("supplementaryStudyPreparatory"),
        false,
      ),
    );
  if (line.part === undefined)
    out.push(aubFinding("school-weeks.part-missing", "error", "§ 7, stk. 1", `Line ${n}: state whether the weeks are in the grundforløb or the hovedforløb.`, `Linje ${n}: angiv, om skoleugerne ligger i grundforløbet eller hovedforløbet.`, at("part"), null));
  if (line.to < line.from)
    out.push(aubFinding("school-weeks.period-reversed", "error", "§ 9, stk. 2", `Line ${n}: the period ends (${line.to}) before it starts (${line.from}).`, `Linje ${n}: perioden slutter (${line.to}), før den begynder (${line.from}).`, at("to"), line.to));
  else {
    if (line.from.slice(0, 4) !== line.to.slice(0, 4))
      out.push(
        aubFinding("school-weeks.crosses-year", "error", "§ 7, stk. 1", `Line ${n}: the period ${line.from}–${line.to} crosses a new year; split it, as the rate is set per year.`, `Linje ${n}: perioden ${line.from}–${line.to} går hen over et årsskifte; del den, da satsen fastsættes pr. år.`, at("to"), line.to),
      );
    const calendarWeeks = Math.ceil((daysBetween(line.from, line.to) + 1) / 7);
    if (Number.isInteger(line.weeks) && line.weeks > calendarWeeks)
      out.push(
        aubFinding("school-weeks.too-many-weeks", "error", "§ 9, stk. 2", `Line ${n}: ${line.weeks} school weeks do not fit in ${line.from}–${line.to} (${calendarWeeks} weeks).`, `Linje ${n}: ${line.weeks} skoleuger kan ikke ligge i ${line.from}–${line.to} (${calendarWeeks} uger).`, at("weeks"), line.weeks),
      );
  }
  return out;
}

export interface RefundLine {
  index: number;
  institutionId: string;
  year: number;
  quarter: Quarter;
  weeks: number;
  weeklyOere: Oere;
  amountOere: Oere;
}

export interface RefundSummary {
  lines: RefundLine[];
  totalWeeks: number;
  totalOere: Oere;
}

/**
 * The grant for reported school weeks: each line is its weeks × the weekly rate of its year (§ 7), placed in the
 * quarter of its first day. All or nothing: one bad line and no amount is returned (every line's findings are).
 */
export function refundForLines(lines: readonly SchoolWeekLine[], suRates: SuRates = SU_STIPEND_UDEBOENDE_20): Decision<RefundSummary | null> {
  const because: Finding[] = [];
  lines.forEach((l, i) => because.push(...schoolWeekLineProblems(l, i)));
  if (hasErrors(because)) return decision<RefundSummary | null>(null, because);
  const rates = new Map<number, Decision<WeeklyRate | null>>();
  const out: RefundLine[] = [];
  for (const [i, l] of lines.entries()) {
    const year = Number(l.from.slice(0, 4));
    let r = rates.get(year);
    if (r === undefined) {
      r = weeklyRate(isoDate(year, 1, 1), suRates);
      rates.set(year, r);
      because.push(...r.because);
    }
    if (r.value === null) continue;
    out.push({ index: i, institutionId: l.institutionId, year, quarter: quarterOf(l.from), weeks: l.weeks, weeklyOere: r.value.weeklyOere, amountOere: toOere(BigInt(l.weeks) * BigInt(r.value.weeklyOere)) });
  }
  if (hasErrors(because)) return decision<RefundSummary | null>(null, because);
  return decision<RefundSummary | null>({ lines: out, totalWeeks: out.reduce((s, l) => s + l.weeks, 0), totalOere: sumOere(out.map((l) => l.amountOere)) }, because);
}

// ── § 8: prepayment and settlement ──────────────────────────────────────────────────────────────────────────────────

/**
 * § 8: "Statens tilskud inklusive administrationsomkostninger udbetales kvartalsvis … Betaling sker forskudsvis, og der
 * foretages slutregulering efter årets udgang."
 * The year's estimated grant (an input: the seed does not say how it is estimated) is split into four prepayments of
 * whole øre; the øre that do not divide by four go to the first quarters, one each, so the four add up exactly.
 */
export function quarterlyPrepayments(year: number, estimatedGrantOere: Oere): Decision<Prepayment[] | null> {
  if (!isOere(estimatedGrantOere) || estimatedGrantOere < 0)
    return decision<Prepayment[] | null>(null, [
      aubFinding("refund.estimate-invalid", "error", "§ 8", `The estimated grant must be a whole, non-negative number of øre; got ${String(estimatedGrantOere)}.`, `Det skønnede tilskud skal være et helt, ikke-negativt antal øre; modtaget ${String(estimatedGrantOere)}.`, "estimatedGrantOere", estimatedGrantOere),
    ]);
  const base = Math.floor(estimatedGrantOere / 4);
  const extra = estimatedGrantOere - base * 4;
  const out: Prepayment[] = ([1, 2, 3, 4] as const).map((q, i) => ({ quarter: { year, q }, amountOere: base + (i < extra ? 1 : 0) }));
  return decision<Prepayment[] | null>(out, [
    aubFinding(
      "refund.prepayments",
      "info",
      "§ 8",
      `The estimated grant for ${year}, ${formatDkk(estimatedGrantOere)}, is prepaid in four quarterly instalments: ${out.map((p) => formatDkk(p.amountOere)).join(", ")}.`,
      `Det skønnede tilskud for ${year}, ${formatKroner(estimatedGrantOere)}, udbetales forskudsvis i fire kvartalsvise rater: ${out.map((p) => formatKroner(p.amountOere)).join(", ")}.`,
      "estimatedGrantOere",
      estimatedGrantOere,
    ),
  ]);
}

/**
 * An estimate of a year's grant from an expected number of school weeks and the administration costs: weeks × the
 * weekly rate in force on 1 January + administration. A helper for `quarterlyPrepayments`; the estimate is not law.
 */
export function estimateGrant(year: number, expectedWeeks: number, administrationOere: Oere, suRates: SuRates = SU_STIPEND_UDEBOENDE_20): Decision<Oere | null> {
  const r = weeklyRate(isoDate(year, 1, 1), suRates);
  if (r.value === null) return decision<Oere | null>(null, r.because);
  if (!Number.isInteger(expectedWeeks) || expectedWeeks < 0 || !isOere(administrationOere) || administrationOere < 0)
    return decision<Oere | null>(null, [
      ...r.because,
      aubFinding("refund.estimate-input-invalid", "error", "§ 8", "Expected weeks and administration costs must be whole, non-negative numbers.", "Forventede uger og administrationsomkostninger skal være hele, ikke-negative tal.", "expectedWeeks", expectedWeeks),
    ]);
  return decision<Oere | null>(toOere(BigInt(expectedWeeks) * BigInt(r.value.weeklyOere) + BigInt(administrationOere)), r.because);
}

/**
 * § 8: the year-end settlement (slutregulering). The grant is the refund for the year's reported school weeks (§§ 7, 9)
 * plus the administration costs (an input; the seed sets no amount); the balance is the grant minus the prepayments:
 * positive, the ministry pays AUB the rest; negative, AUB pays back the excess.
 */
export function yearEndSettlement(input: {
  year: number;
  lines: readonly SchoolWeekLine[];
  prepayments: readonly Prepayment[];
  administrationOere: Oere;
  suRates?: SuRates;
}): Decision<YearEndSettlement | null> {
  const because: Finding[] = [];
  input.lines.forEach((l, i) => {
    if (l.from.slice(0, 4) !== String(input.year))
      because.push(aubFinding("settlement.line-other-year", "error", "§ 8", `Line ${i + 1} (${l.from}) is not of ${input.year}.`, `Linje ${i + 1} (${l.from}) vedrører ikke ${input.year}.`, `lines[${i}].from`, l.from));
  });
  input.prepayments.forEach((p, i) => {
    if (p.quarter.year !== input.year)
      because.push(aubFinding("settlement.prepayment-other-year", "error", "§ 8", `Prepayment ${i + 1} is for ${formatQuarter(p.quarter)}, not ${input.year}.`, `Forskudsbetaling ${i + 1} vedrører ${formatQuarter(p.quarter)}, ikke ${input.year}.`, `prepayments[${i}].quarter`, formatQuarter(p.quarter)));
    if (!isOere(p.amountOere) || p.amountOere < 0)
      because.push(aubFinding("settlement.prepayment-invalid", "error", "§ 8", `Prepayment ${i + 1} must be a whole, non-negative number of øre.`, `Forskudsbetaling ${i + 1} skal være et helt, ikke-negativt antal øre.`, `prepayments[${i}].amountOere`, p.amountOere));
  });
  if (!isOere(input.administrationOere) || input.administrationOere < 0)
    because.push(aubFinding("settlement.administration-invalid", "error", "§ 8", "Administration costs must be a whole, non-negative number of øre.", "Administrationsomkostningerne skal være et helt, ikke-negativt antal øre.", "administrationOere", input.administrationOere));
  for (const q of [1, 2, 3, 4] as const)
    if (!input.prepayments.some((p) => compareQuarters(p.quarter, { year: input.year, q }) === 0))
      because.push(aubFinding("settlement.no-prepayment", "info", "§ 8", `No prepayment is recorded for ${input.year}Q${q}.`, `Der er ikke registreret forskudsbetaling for ${input.year}Q${q}.`, "prepayments", `${input.year}Q${q}`));
  if (hasErrors(because)) return decision<YearEndSettlement | null>(null, because);
  const refund = refundForLines(input.lines, input.suRates ?? SU_STIPEND_UDEBOENDE_20);
  because.push(...refund.because);
  const rate = weeklyRate(isoDate(input.year, 1, 1), input.suRates ?? SU_STIPEND_UDEBOENDE_20);
  if (refund.value === null || rate.value === null) return decision<YearEndSettlement | null>(null, [...because, ...(rate.value === null ? rate.because : [])]);
  const grant = refund.value.totalOere + input.administrationOere;
  const prepaid = sumOere(input.prepayments.map((p) => p.amountOere));
  const balance = grant - prepaid;
  because.push(
    aubFinding(
      "settlement.balance",
      "info",
      "§ 8",
      `${input.year}: ${refund.value.totalWeeks} school weeks × ${formatDkk(rate.value.weeklyOere)} = ${formatDkk(refund.value.totalOere)}, plus administration ${formatDkk(input.administrationOere)} = grant ${formatDkk(grant)}; prepaid ${formatDkk(prepaid)}; balance ${formatDkk(balance)}${balance < 0 ? " (to be paid back)" : ""}.`,
      `${input.year}: ${refund.value.totalWeeks} skoleuger × ${formatKroner(rate.value.weeklyOere)} = ${formatKroner(refund.value.totalOere)}, plus administration ${formatKroner(input.administrationOere)} = tilskud ${formatKroner(grant)}; udbetalt forskudsvis ${formatKroner(prepaid)}; slutregulering ${formatKroner(balance)}${balance < 0 ? " (tilbagebetales)" : ""}.`,
      "balanceOere",
      balance,
    ),
  );
  return decision<YearEndSettlement | null>(
    {
      year: input.year,
      eligibleWeeks: refund.value.totalWeeks,
      weeklyRateOere: rate.value.weeklyOere,
      refundOere: refund.value.totalOere,
      administrationOere: input.administrationOere,
      grantOere: grant,
      prepaidOere: prepaid,
      balanceOere: balance,
    },
    because,
  );
}

// ── § 11: the auditor's attestation ─────────────────────────────────────────────────────────────────────────────────

/** Reported eligible school weeks per institution for a year: the figures the management and auditor statement attests. */
export function schoolWeeksByInstitution(lines: readonly SchoolWeekLine[], year: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) if (l.from.slice(0, 4) === String(year) && l.supplementaryStudyPreparatory) m.set(l.institutionId, (m.get(l.institutionId) ?? 0) + l.weeks);
  return m;
}

/**
 * § 11: "Revisor … attesterer antallet af tilskudsberettigende skoleuger vedrørende den valgfri supplerende
 * studieforberedende undervisning, jf. § 9, ved brug af blanketten 'Ledelses- og Revisorerklæring'". Compares the
 * attested number with the reported weeks; a difference is an error on `attestedWeeks`.
 */
export function checkAttestation(
  lines: readonly SchoolWeekLine[],
  attestation: { institutionId: string; year: number; attestedWeeks: number },
): Decision<{ reportedWeeks: number; attestedWeeks: number; differenceWeeks: number }> {
  const reported = schoolWeeksByInstitution(lines, attestation.year).get(attestation.institutionId) ?? 0;
  const diff = attestation.attestedWeeks - reported;
  const f =
    diff === 0
      ? aubFinding("attestation.agrees", "info", "§ 11", `The auditor attests ${reported} eligible school weeks for ${attestation.year}, as reported.`, `Revisor attesterer ${reported} tilskudsberettigende skoleuger for ${attestation.year} som indberettet.`, "attestedWeeks", attestation.attestedWeeks)
      : aubFinding(
          "attestation.differs",
          "error",
          "§ 11",
          `The auditor attests ${attestation.attestedWeeks} school weeks for ${attestation.year}, but ${reported} were reported (difference ${diff}).`,
          `Revisor attesterer ${attestation.attestedWeeks} skoleuger for ${attestation.year}, men der er indberettet ${reported} (forskel ${diff}).`,
          "attestedWeeks",
          attestation.attestedWeeks,
        );
  return decision({ reportedWeeks: reported, attestedWeeks: attestation.attestedWeeks, differenceWeeks: diff }, [f]);
}
