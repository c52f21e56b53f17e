/**
 * Chapter 2 of seed 004: the contribution per ATP-reporting unit per quarter (§ 3), with exempt trainees (§ 4) left out
 * of the basis, and the recalculation when the employer corrects its ATP reporting (§ 3, stk. 2, 2. pkt.).
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { compareQuarters, formatQuarter, quarterEnd, quarterStart, type Quarter } from "../../kernel/time/quarter.ts";
import { aubFinding } from "./cite.ts";
import { contributionLiability } from "./employer.ts";
import {
  SEED_004_IN_FORCE,
  type AtpReport,
  type AtpUnit,
  type ContributionRevision,
  type Employer,
  type RemainderPolicy,
  type TraineeExemption,
  type UnitQuarterContribution,
} from "./model.ts";
import { divRoundHalfUp, formatDkk, formatKroner, isOere, sumOere, toOere, type Oere } from "./money.ts";
import { CONTRIBUTION_RATES, FULL_QUARTER_ATP, parameterOn, type ContributionRate, type DatedParameter } from "./parameters/index.ts";

export interface ContributionContext {
  employer: Employer;
  unit: AtpUnit;
  /**
   * Decided trainee exemptions (§§ 4–6). Those notified for this unit's SE or the employer's CVR and overlapping the
   * quarter take their trainee out; others are ignored.
   */
  exemptTrainees?: readonly TraineeExemption[];
  /** How a basis that is not a whole number of full-quarter ATP amounts is charged; default "whole-quarters". */
  policy?: RemainderPolicy;
  /**
   * The dated parameter tables to use (default: the shipped tables in parameters/). The store passes the shipped rows
   * plus the years an administrator added, so a new year's rate needs no code change.
   */
  parameters?: ContributionParameters;
}

/** The tables § 3 reads: the contribution rate (lov om AUB § 18) and the full quarter's ATP amount. */
export interface ContributionParameters {
  contributionRates: readonly DatedParameter<ContributionRate>[];
  fullQuarterAtp: readonly DatedParameter<Oere>[];
}

const kr = (o: Oere) => ({ da: formatKroner(o), en: formatDkk(o) });

/** Checks an ATP report's numbers: non-negative safe-integer øre, person amounts within the total. */
export function atpReportProblems(report: AtpReport): Finding[] {
  const out: Finding[] = [];
  if (!isOere(report.totalOere) || report.totalOere < 0)
    out.push(
      aubFinding(
        "atp.total-invalid",
        "error",
        "§ 3, stk. 2",
        `The reported ATP total for ${formatQuarter(report.quarter)} must be a whole, non-negative number of øre; got ${String(report.totalOere)}.`,
        `Det indberettede samlede ATP-bidrag for ${formatQuarter(report.quarter)} skal være et helt, ikke-negativt antal øre; modtaget ${String(report.totalOere)}.`,
        "totalOere",
        report.totalOere,
      ),
    );
  if (!Number.isInteger(report.version) || report.version < 1)
    out.push(
      aubFinding(
        "atp.version-invalid",
        "error",
        "§ 3, stk. 2",
        `A report version is a whole number from 1 (the first report); got ${String(report.version)}.`,
        `En indberetnings version er et helt tal fra 1 (den første indberetning); modtaget ${String(report.version)}.`,
        "version",
        report.version,
      ),
    );
  const persons = report.persons ?? [];
  persons.forEach((p, i) => {
    if (!isOere(p.amountOere) || p.amountOere < 0)
      out.push(
        aubFinding(
          "atp.person-amount-invalid",
          "error",
          "§ 3, stk. 2",
          `Person line ${i + 1}: the ATP amount must be a whole, non-negative number of øre; got ${String(p.amountOere)}.`,
          `Personlinje ${i + 1}: ATP-beløbet skal være et helt, ikke-negativt antal øre; modtaget ${String(p.amountOere)}.`,
          `persons[${i}].amountOere`,
          p.amountOere,
        ),
      );
  });
  if (out.length === 0 && persons.length > 0) {
    const sum = sumOere(persons.map((p) => p.amountOere));
    if (sum > report.totalOere)
      out.push(
        aubFinding(
          "atp.persons-exceed-total",
          "error",
          "§ 3, stk. 2",
          `The person amounts add up to ${formatDkk(sum)}, more than the reported total ${formatDkk(report.totalOere)}.`,
          `Personbeløbene giver i alt ${formatKroner(sum)}, mere end det indberettede samlede beløb ${formatKroner(report.totalOere)}.`,
          "persons",
          sum,
        ),
      );
  }
  return out;
}

/**
 * The trainee exemptions that concern a unit: notified with the unit's SE number, or with the employer's CVR number
 * (§ 5, stk. 1: "arbejdsgiverens CVR-nr. eller SE-nr."). A trainee exempt with one employer is not exempt with another.
 */
export function exemptionsForUnit(exemptions: readonly TraineeExemption[], employer: Employer, unit: AtpUnit): TraineeExemption[] {
  return exemptions.filter(
    (x) => (x.employerSe !== undefined && x.employerSe === unit.se) || (x.employerCvr !== undefined && x.employerCvr === employer.cvr),
  );
}

/**
 * § 4, stk. 1: "Der beregnes og betales ikke bidrag for de uddannelsessøgende, der er nævnt i § 20, stk. 4, i lov om
 * Arbejdsgivernes Uddannelsesbidrag". The ATP amounts of trainees whose exemption covers at least one day of the quarter
 * are left out of the basis (choice: the ATP amount is reported per quarter and cannot be split by day; see the
 * rulebook doc).
 */
export function exemptTraineeAmount(
  report: AtpReport,
  exemptions: readonly TraineeExemption[],
): Decision<Oere> {
  const qs = quarterStart(report.quarter);
  const qe = quarterEnd(report.quarter);
  // One trainee is left out once, however many of their exemptions overlap the quarter.
  const byCpr = new Map<string, TraineeExemption>();
  for (const x of exemptions) if (x.from <= qe && x.to >= qs && !byCpr.has(x.cpr)) byCpr.set(x.cpr, x);
  const because: Finding[] = [];
  let total = 0n;
  for (const x of byCpr.values()) {
    const lines = (report.persons ?? []).filter((p) => p.cpr === x.cpr);
    if (lines.length === 0) {
      because.push(
        aubFinding(
          "contribution.exempt-trainee-without-amount",
          "warning",
          "§ 4, stk. 1",
          `An exempt trainee (notification ${x.notificationId}) has no ATP amount in the report for ${formatQuarter(report.quarter)}; nothing is left out for them.`,
          `En bidragsfritaget elev (anmeldelse ${x.notificationId}) har intet ATP-beløb i indberetningen for ${formatQuarter(report.quarter)}; der fratrækkes intet for eleven.`,
          "persons",
          x.notificationId,
        ),
      );
      continue;
    }
    const amount = sumOere(lines.map((l) => l.amountOere));
    total += BigInt(amount);
    because.push(
      aubFinding(
        "contribution.exempt-trainee",
        "info",
        "§ 4, stk. 1",
        `The ATP amount ${formatDkk(amount)} of an exempt trainee (notification ${x.notificationId}, exempt ${x.from}–${x.to}) is left out of the basis.`,
        `ATP-beløbet ${formatKroner(amount)} for en bidragsfritaget elev (anmeldelse ${x.notificationId}, fritaget ${x.from}–${x.to}) indgår ikke i grundlaget.`,
        "persons",
        x.notificationId,
      ),
    );
  }
  return decision(toOere(total), because);
}

/**
 * The bare arithmetic of § 3, stk. 1, without findings (for bulk runs and the benchmark; `unitQuarterContribution` uses
 * it and explains it). `basisOere` ≥ 0, `fullQuarterAtpOere` > 0.
 * - whole-quarters: ⌊basis / full⌋ × perQuarter; the remainder is not charged;
 * - proportional: basis × perQuarter / full, rounded to the nearest øre (halves up).
 */
export function contributionArithmetic(
  basisOere: Oere,
  fullQuarterAtpOere: Oere,
  perQuarterOere: Oere,
  policy: RemainderPolicy,
): { fullQuarters: number; remainderOere: Oere; contributionOere: Oere } {
  const fullQuarters = Math.floor(basisOere / fullQuarterAtpOere);
  const remainderOere = basisOere - fullQuarters * fullQuarterAtpOere;
  const contributionOere =
    policy === "whole-quarters"
      ? toOere(BigInt(fullQuarters) * BigInt(perQuarterOere))
      : toOere(divRoundHalfUp(BigInt(basisOere) * BigInt(perQuarterOere), BigInt(fullQuarterAtpOere)));
  return { fullQuarters, remainderOere, contributionOere };
}

/**
 * The contribution of one ATP-reporting unit for one quarter, from one version of its ATP report.
 *
 * § 3: "Arbejdsgiveren skal betale et fuldt kvartals bidrag til Arbejdsgivernes Uddannelsesbidrag, for hver gang
 * arbejdsgiveren har indberettet et beløb, der svarer til et fuldt kvartals ATP-bidrag". Stk. 2: "Bidrag … beregnes
 * kvartalsvis på grundlag af de samlede ATP-bidrag, som arbejdsgiveren har indberettet vedrørende det kvartal". Stk. 3:
 * "Opgørelsen af de samlede bidrag … foretages for hver ATP-indberettende enhed."
 *
 * Basis = the unit's reported total − exempt trainees' amounts (§ 4). Policy "whole-quarters" (default, the seed's
 * words): contribution = ⌊basis / full-quarter ATP⌋ × (yearly rate / 4); the remainder is not charged and not carried to
 * another quarter (stk. 2: "kvartalsvis"). Policy "proportional": basis × quarterly rate / full-quarter ATP, rounded to
 * the nearest øre (halves up). Rates are those in force on the quarter's first day.
 */
export function unitQuarterContribution(
  report: AtpReport,
  ctx: ContributionContext,
): Decision<UnitQuarterContribution | null> {
  const policy = ctx.policy ?? "whole-quarters";
  const q = formatQuarter(report.quarter);
  const because: Finding[] = [];
  if (report.unitId !== ctx.unit.id || ctx.unit.employerId !== ctx.employer.id)
    because.push(
      aubFinding(
        "contribution.unit-mismatch",
        "error",
        "§ 3, stk. 3",
        `The report belongs to unit ${report.unitId}, which is not unit ${ctx.unit.id} of employer ${ctx.employer.id}.`,
        `Indberetningen tilhører enhed ${report.unitId}, som ikke er enhed ${ctx.unit.id} hos arbejdsgiver ${ctx.employer.id}.`,
        "unitId",
        report.unitId,
      ),
    );
  because.push(...atpReportProblems(report));
  if (hasErrors(because)) return decision<UnitQuarterContribution | null>(null, because);

  const on = quarterStart(report.quarter);
  if (on < SEED_004_IN_FORCE)
    because.push(
      aubFinding(
        "contribution.before-seed",
        "warning",
        "§ 12",
        `${q} is before 1 January 2024, when seed 004 took effect; BEK nr. 1257 af 1. november 2013 governs it.`,
        `${q} ligger før 1. januar 2024, hvor bekendtgørelsen trådte i kraft; BEK nr. 1257 af 1. november 2013 gælder.`,
        "quarter",
        q,
      ),
    );

  const atp = parameterOn(ctx.parameters?.fullQuarterAtp ?? FULL_QUARTER_ATP, on, { id: "full-quarter-atp", en: "Full quarter's ATP amount", da: "Fuldt kvartals ATP-bidrag" }, "§ 3, stk. 1", formatKroner);
  const rate = parameterOn(ctx.parameters?.contributionRates ?? CONTRIBUTION_RATES, on, { id: "contribution-rate", en: "AUB contribution per full-time employee per year", da: "AUB-bidrag pr. fuldtidsbeskæftiget pr. år" }, "§ 3, stk. 1", (v) => formatKroner(v.perYearOere));
  because.push(...atp.because, ...rate.because);
  if (atp.value === null || rate.value === null) return decision<UnitQuarterContribution | null>(null, because);

  const liability = contributionLiability(ctx.employer, report.quarter);
  because.push(...liability.because);

  const exempt = exemptTraineeAmount(report, exemptionsForUnit(ctx.exemptTrainees ?? [], ctx.employer, ctx.unit));
  because.push(...exempt.because);
  const basis = report.totalOere - exempt.value;

  const fullAtp = atp.value.value;
  const perYear = rate.value.value.perYearOere;
  if (perYear % 4 !== 0)
    because.push(
      aubFinding(
        "contribution.rate-not-divisible",
        "warning",
        "§ 3, stk. 1",
        `The yearly rate ${formatDkk(perYear)} is not divisible into four equal quarters; the quarterly rate is rounded to the nearest øre.`,
        `Årssatsen ${formatKroner(perYear)} kan ikke deles i fire lige store kvartaler; kvartalssatsen afrundes til nærmeste øre.`,
        "ratePerQuarterOere",
        perYear,
      ),
    );
  const perQuarter = toOere(divRoundHalfUp(BigInt(perYear), 4n));
  const arithmetic = contributionArithmetic(basis, fullAtp, perQuarter, policy);
  const { fullQuarters, remainderOere: remainder } = arithmetic;
  const contribution: Oere = liability.value ? arithmetic.contributionOere : 0;

  const b = kr(basis);
  const a = kr(fullAtp);
  const r = kr(perQuarter);
  const c = kr(contribution);
  if (liability.value) {
    if (policy === "whole-quarters")
      because.push(
        aubFinding(
          "contribution.whole-quarters",
          "info",
          "§ 3, stk. 1",
          `${q}, unit ${ctx.unit.id}: basis ${b.en} holds ${fullQuarters} full quarter's ATP amounts of ${a.en}; contribution ${fullQuarters} × ${r.en} = ${c.en}.`,
          `${q}, enhed ${ctx.unit.id}: grundlaget ${b.da} svarer til ${fullQuarters} fulde kvartalers ATP-bidrag à ${a.da}; bidrag ${fullQuarters} × ${r.da} = ${c.da}.`,
          "contributionOere",
          contribution,
        ),
      );
    else
      because.push(
        aubFinding(
          "contribution.proportional",
          "info",
          "§ 3, stk. 1",
          `${q}, unit ${ctx.unit.id}: basis ${b.en} / ${a.en} × ${r.en} = ${c.en} (rounded to the nearest øre).`,
          `${q}, enhed ${ctx.unit.id}: grundlaget ${b.da} / ${a.da} × ${r.da} = ${c.da} (afrundet til nærmeste øre).`,
          "contributionOere",
          contribution,
        ),
      );
    if (remainder > 0 && policy === "whole-quarters")
      because.push(
        aubFinding(
          "contribution.remainder-not-charged",
          "info",
          "§ 3, stk. 1",
          `${kr(remainder).en} of the basis is less than a full quarter's ATP amount and is not charged (nor carried to another quarter).`,
          `${kr(remainder).da} af grundlaget er mindre end et fuldt kvartals ATP-bidrag og udløser ikke bidrag (og overføres ikke til et andet kvartal).`,
          "remainderOere",
          remainder,
        ),
      );
  }

  return decision<UnitQuarterContribution | null>(
    {
      unitId: ctx.unit.id,
      employerId: ctx.employer.id,
      quarter: report.quarter,
      version: report.version,
      policy,
      reportedOere: report.totalOere,
      exemptTraineeOere: exempt.value,
      basisOere: basis,
      fullQuarterAtpOere: fullAtp,
      fullQuarters,
      remainderOere: remainder,
      ratePerQuarterOere: perQuarter,
      contributionOere: contribution,
      employerExempt: !liability.value,
    },
    because,
  );
}

/**
 * § 3, stk. 2, 2. pkt.: "Retter arbejdsgiveren indberetning af ATP-bidrag, som har dannet grundlag for beregning af
 * allerede opkrævede bidrag til Arbejdsgivernes Uddannelsesbidrag, genberegnes disse bidrag".
 *
 * Recalculates the quarter from the corrected report and returns the difference from what was already charged
 * (`chargedOere`, from the store): positive is charged in addition, negative refunded. The rates are those of the
 * corrected quarter, not of the day of the correction.
 */
export function recalculate(
  chargedOere: Oere,
  corrected: AtpReport,
  ctx: ContributionContext,
): Decision<ContributionRevision | null> {
  const c = unitQuarterContribution(corrected, ctx);
  if (c.value === null) return decision<ContributionRevision | null>(null, c.because);
  const diff = c.value.contributionOere - chargedOere;
  return decision<ContributionRevision | null>(
    { contribution: c.value, previousOere: chargedOere, differenceOere: diff },
    [
      ...c.because,
      aubFinding(
        "contribution.recalculated",
        "info",
        "§ 3, stk. 2",
        `Corrected ATP report (version ${corrected.version}) for ${formatQuarter(corrected.quarter)}: contribution ${formatDkk(c.value.contributionOere)}, already charged ${formatDkk(chargedOere)}, difference ${formatDkk(diff)}.`,
        `Rettet ATP-indberetning (version ${corrected.version}) for ${formatQuarter(corrected.quarter)}: bidrag ${formatKroner(c.value.contributionOere)}, allerede opkrævet ${formatKroner(chargedOere)}, difference ${formatKroner(diff)}.`,
        "differenceOere",
        diff,
      ),
    ],
  );
}

/**
 * The whole history of one unit's quarter: every report version in order, each recalculated, with the difference from
 * the version before (§ 3, stk. 2). The versions must be of one unit and one quarter and numbered 1, 2, 3 … without
 * a gap or a repeat.
 */
export function contributionHistory(
  reports: readonly AtpReport[],
  ctx: ContributionContext,
): Decision<ContributionRevision[] | null> {
  const sorted = [...reports].sort((a, b) => a.version - b.version);
  const first = sorted[0];
  const because: Finding[] = [];
  if (first === undefined) return decision<ContributionRevision[] | null>([], []);
  sorted.forEach((r, i) => {
    if (r.unitId !== first.unitId || compareQuarters(r.quarter, first.quarter) !== 0)
      because.push(
        aubFinding(
          "contribution.history-mixed",
          "error",
          "§ 3, stk. 3",
          `Version ${r.version} is for unit ${r.unitId}, ${formatQuarter(r.quarter)}; a history is of one unit and one quarter.`,
          `Version ${r.version} vedrører enhed ${r.unitId}, ${formatQuarter(r.quarter)}; en historik gælder én enhed og ét kvartal.`,
          "unitId",
          r.unitId,
        ),
      );
    if (r.version !== i + 1)
      because.push(
        aubFinding(
          "contribution.version-sequence",
          "error",
          "§ 3, stk. 2",
          `Report versions must run 1, 2, 3 …; found version ${r.version} in place ${i + 1}.`,
          `Indberetningens versioner skal være 1, 2, 3 …; fandt version ${r.version} på plads ${i + 1}.`,
          "version",
          r.version,
        ),
      );
  });
  if (hasErrors(because)) return decision<ContributionRevision[] | null>(null, because);
  const out: ContributionRevision[] = [];
  let previous = 0;
  for (const r of sorted) {
    const c = unitQuarterContribution(r, ctx);
    because.push(...c.because);
    if (c.value === null) return decision<ContributionRevision[] | null>(null, because);
    out.push({ contribution: c.value, previousOere: previous, differenceOere: c.value.contributionOere - previous });
    previous = c.value.contributionOere;
  }
  return decision<ContributionRevision[] | null>(out, because);
}

/** The current version of each unit's quarter: the highest version wins (history is never overwritten). */
export function latestVersions(reports: readonly AtpReport[]): AtpReport[] {
  const best = new Map<string, AtpReport>();
  for (const r of reports) {
    const key = `${r.unitId}|${formatQuarter(r.quarter)}`;
    const cur = best.get(key);
    if (cur === undefined || r.version > cur.version) best.set(key, r);
  }
  return [...best.values()];
}

/** An employer's statement for a quarter: every unit's contribution and their sum (§ 3, stk. 3). */
export interface EmployerQuarterStatement {
  employerId: string;
  quarter: Quarter;
  units: UnitQuarterContribution[];
  totalOere: Oere;
}

/**
 * § 3, stk. 3: "Opgørelsen af de samlede bidrag … foretages for hver ATP-indberettende enhed." The employer's total for
 * a quarter is the sum of its units' contributions, each computed on its own (a unit's remainder is not pooled with
 * another unit's). Takes the latest version of each unit's report.
 */
export function employerQuarterStatement(
  employer: Employer,
  units: readonly AtpUnit[],
  quarter: Quarter,
  reports: readonly AtpReport[],
  options: { exemptTrainees?: readonly TraineeExemption[]; policy?: RemainderPolicy; parameters?: ContributionParameters } = {},
): Decision<EmployerQuarterStatement | null> {
  const because: Finding[] = [];
  const out: UnitQuarterContribution[] = [];
  const current = latestVersions(reports.filter((r) => compareQuarters(r.quarter, quarter) === 0));
  for (const r of current) {
    const unit = units.find((u) => u.id === r.unitId);
    if (unit === undefined || unit.employerId !== employer.id) {
      because.push(
        aubFinding(
          "contribution.unknown-unit",
          "error",
          "§ 3, stk. 3",
          `Unit ${r.unitId} is not an ATP-reporting unit of employer ${employer.id}.`,
          `Enhed ${r.unitId} er ikke en ATP-indberettende enhed hos arbejdsgiver ${employer.id}.`,
          "unitId",
          r.unitId,
        ),
      );
      continue;
    }
    const ctx: ContributionContext = { employer, unit };
    if (options.exemptTrainees !== undefined) ctx.exemptTrainees = options.exemptTrainees;
    if (options.policy !== undefined) ctx.policy = options.policy;
    if (options.parameters !== undefined) ctx.parameters = options.parameters;
    const c = unitQuarterContribution(r, ctx);
    because.push(...c.because);
    if (c.value !== null) out.push(c.value);
  }
  if (hasErrors(because)) return decision<EmployerQuarterStatement | null>(null, because);
  out.sort((a, b) => a.unitId.localeCompare(b.unitId));
  return decision<EmployerQuarterStatement | null>(
    { employerId: employer.id, quarter, units: out, totalOere: sumOere(out.map((u) => u.contributionOere)) },
    because,
  );
}
