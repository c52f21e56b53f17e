/**
 * AUB use cases, shared by HTTP and CLI (seed 004). Each takes `(db, actor, input)`; every query is scoped by
 * `actor.institutionId` (never an institution id from the request). Rules come from the pure core (contribution.ts,
 * employer.ts, exemption.ts, refund.ts); SQL from store.ts. Every change and every export is audited in the same
 * transaction.
 *
 * Malformed input (a CVR/SE with a wrong check digit, a negative ATP amount, an impossible date, overlapping rate
 * periods) is refused with 422 and findings, and nothing is saved. A notified agreement is saved with its § 5/§ 6
 * findings (an incomplete notification gives no exemption until it is completed).
 */
import type { Transaction } from "kysely";
import { audit } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import { ProblemError, requireRole, WRITE_ROLES, type Actor } from "../../platform/http/context.ts";
import { finding, versionOn, type Finding } from "../../kernel/law.ts";
import { maskCpr, parseCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import { parseCvr, parseSe, type SeNumber } from "../../kernel/ids/cvr.ts";
import { parseIsoDate } from "../../kernel/time/date.ts";
import { formatQuarter, parseQuarter, quarterOf, quartersBetween, quarterStart, type Quarter } from "../../kernel/time/quarter.ts";
import { aubFinding } from "./cite.ts";
import { atpReportProblems, contributionArithmetic, unitQuarterContribution, type ContributionParameters } from "./contribution.ts";
import { contributionLiability, religiousExemptQuarters } from "./employer.ts";
import { apprenticeExemption, educationApplicationFindings, notificationNames } from "./exemption.ts";
import type {
  AgreementNotification,
  AtpReport,
  AtpUnit,
  EmployerSector,
  ExemptEducation,
  ExemptionCategory,
  Length,
  NotificationAttachment,
  SchoolWeekLine,
  TraineeExemption,
  UnitQuarterContribution,
  YearEndSettlement,
} from "./model.ts";
import { divRoundHalfUp, isOere, toOere, type Oere } from "./money.ts";
import { CONTRIBUTION_RATES, FULL_QUARTER_ATP, SU_STIPEND_UDEBOENDE_20, type ContributionRate, type DatedParameter } from "./parameters/index.ts";
import { checkAttestation, quarterlyPrepayments, refundForLines, schoolWeekLineProblems, weeklyRate, yearEndSettlement, type SuRates } from "./refund.ts";
import * as store from "./store.ts";

// ------------------------------------------------------------------------------------------------------------ helpers

const k = (db: Db) => store.aubKysely(db);
const by = (a: Actor): store.Recorder => ({ label: a.label, userId: a.userId });
const auditTx = (tx: store.AubTx) => tx as unknown as Transaction<PlatformTables>;
export const canSeeCpr = (a: Actor): boolean => a.roles.some((r) => r === "admin" || WRITE_ROLES.includes(r));

/** A finding about the shape of the input (not a rule of the seed): cites docs/api.md. */
export function inputFinding(rule: string, subject: string, value: Finding["value"], en: string, da: string): Finding {
  return finding(`aub.input.${rule}`, "error", { seed: "reference", ref: "docs/api.md" }, { en, da }, { subject, value });
}

export const refuse = (findings: Finding[], what: string): ProblemError =>
  new ProblemError(422, "Unprocessable Content", findings, `${what}: ${findings.length} problem(s)`);

const notFound = (what: string) => new ProblemError(404, "Not Found", [], `no such ${what} in this institution`);

const stale = (what: string, current: number, sent: number) =>
  new ProblemError(
    409,
    "Conflict",
    [
      finding(
        "aub.version.stale",
        "error",
        { seed: "reference", ref: "docs/api.md" },
        {
          en: `The ${what} was changed by someone else (you sent version ${sent}, the current one is ${current}). Reload and try again.`,
          da: `Dette er ændret af en anden (du sendte version ${sent}, den aktuelle er ${current}). Hent det igen og prøv igen.`,
        },
        { subject: "version", value: sent },
      ),
    ],
    `version ${sent} is stale; the current version is ${current}`,
  );

function checkDate(s: string | null | undefined, subject: string, required: boolean, out: Finding[]): string | undefined {
  if (s === null || s === undefined || s === "") {
    if (required) out.push(inputFinding("date-missing", subject, null, `${subject}: a date is required (YYYY-MM-DD).`, `${subject}: dato mangler (ÅÅÅÅ-MM-DD).`));
    return undefined;
  }
  const d = parseIsoDate(s);
  if (d === undefined) out.push(inputFinding("date", subject, s, `${subject} = "${s}": not a date (YYYY-MM-DD).`, `${subject} = "${s}": ikke en dato (ÅÅÅÅ-MM-DD).`));
  return d;
}

export function quarterOrRefuse(label: string, subject = "quarter"): Quarter {
  const q = parseQuarter(label);
  if (!q) throw refuse([inputFinding("quarter", subject, label, `${subject} = "${label}": not a quarter (write e.g. 2024Q3).`, `${subject} = "${label}": ikke et kvartal (skriv fx 2024Q3).`)], "not a quarter");
  return q;
}

function checkOere(v: number, subject: string, ref: string, out: Finding[], what: { en: string; da: string }): void {
  if (!isOere(v) || v < 0)
    out.push(
      aubFinding(
        "input.amount-invalid",
        "error",
        ref,
        `${subject} = ${String(v)}: ${what.en} must be a whole, non-negative number of øre.`,
        `${subject} = ${String(v)}: ${what.da} skal være et helt, ikke-negativt antal øre.`,
        subject,
        v,
      ),
    );
}

// --------------------------------------------------------------------------------------------------------- parameters

export type ParameterKind = store.ParameterKind;

export interface ParameterRow {
  kind: ParameterKind;
  validFrom: string;
  validTo: string;
  valueOere: number;
  /** Derived, for display: the quarterly rate (contribution rate) or the weekly rate (SU, § 7, stk. 2). */
  derivedOere: number | null;
  source: string;
  factsRow: string | null;
  sureness: "certain" | "good" | "medium" | "low";
  secondary: boolean;
  /** "shipped" with bevis (parameters/*.ts) or "added" by an administrator. */
  origin: "shipped" | "added";
  note: string | null;
  /** The paragraph of seed 004 the value is used by. */
  usedBy: string;
  /** An added row's id (the one a correction names); null for a shipped row. */
  id: string | null;
  /** "superseded": an added row corrected by a later row (`supersededBy`); it no longer counts (choice 20). */
  status: "in-force" | "superseded";
  supersedes: string | null;
  supersededBy: string | null;
  /** Why the row was corrected (a superseding row), and who recorded the row when (added rows). */
  reason: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

export interface EffectiveParameters extends ContributionParameters {
  suRates: SuRates;
}

const USED_BY: Record<ParameterKind, string> = { "contribution-rate": "§ 3, stk. 1", "full-quarter-atp": "§ 3, stk. 1", "su-rate": "§ 7" };

function contributionRateRow(p: store.StoredParameter): DatedParameter<ContributionRate> {
  const v: ContributionRate = {
    perYearOere: p.valueOere,
    components: [{ ref: "lov om AUB § 18", perYearOere: p.valueOere }],
    perQuarterPublishedOere: p.perQuarterPublishedOere ?? toOere(divRoundHalfUp(BigInt(p.valueOere), 4n)),
    perQuarterSource: p.source,
  };
  return datedOf(p, v);
}

function datedOf<T>(p: store.StoredParameter, value: T): DatedParameter<T> {
  const d: DatedParameter<T> = { validFrom: p.validFrom, validTo: p.validTo, value, source: p.source, sureness: p.sureness, secondary: p.secondary };
  if (p.factsRow !== null) d.factsRow = p.factsRow;
  const who = p.supersedes !== null ? `corrected by ${p.createdBy} on ${p.createdAt.slice(0, 10)}: ${p.reason ?? ""}` : `added by ${p.createdBy}`;
  d.note = p.note !== null ? `${p.note} (${who})` : who;
  return d;
}

/** The shipped tables plus the rows this institution's administrators added, sorted by validity. */
export async function effectiveParameters(q: store.AubQ, institutionId: string): Promise<EffectiveParameters> {
  // a superseded row no longer counts: its correction took its place (choice 20)
  const added = (await store.listParameters(q, institutionId)).filter((p) => p.supersededBy === null);
  const by = (kind: ParameterKind) => added.filter((p) => p.kind === kind);
  const sort = <T extends { validFrom: string }>(xs: T[]) => xs.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return {
    contributionRates: sort([...CONTRIBUTION_RATES, ...by("contribution-rate").map(contributionRateRow)]),
    fullQuarterAtp: sort([...FULL_QUARTER_ATP, ...by("full-quarter-atp").map((p) => datedOf(p, p.valueOere))]),
    suRates: sort([...SU_STIPEND_UDEBOENDE_20, ...by("su-rate").map((p) => datedOf(p, p.valueOere))]),
  };
}

export async function listParameters(db: Db, actor: Actor): Promise<ParameterRow[]> {
  const added = await store.listParameters(k(db), actor.institutionId);
  const out: ParameterRow[] = [];
  const ship = <T>(kind: ParameterKind, rows: readonly DatedParameter<T>[], value: (v: T) => number, derived: (v: number) => number | null) => {
    for (const r of rows) {
      const v = value(r.value);
      out.push({
        kind,
        validFrom: r.validFrom,
        validTo: r.validTo,
        valueOere: v,
        derivedOere: derived(v),
        source: r.source,
        factsRow: r.factsRow ?? null,
        sureness: r.sureness,
        secondary: r.secondary,
        origin: "shipped",
        note: r.note ?? null,
        usedBy: USED_BY[kind],
        id: null,
        status: "in-force",
        supersedes: null,
        supersededBy: null,
        reason: null,
        recordedBy: null,
        recordedAt: null,
      });
    }
  };
  const quarterOfYear = (v: number) => toOere(divRoundHalfUp(BigInt(v), 4n));
  const weekly = (v: number) => toOere(divRoundHalfUp(BigInt(v) * 12n, 52n));
  ship("contribution-rate", CONTRIBUTION_RATES, (v) => v.perYearOere, quarterOfYear);
  ship("full-quarter-atp", FULL_QUARTER_ATP, (v) => v, () => null);
  ship("su-rate", SU_STIPEND_UDEBOENDE_20, (v) => v, weekly);
  for (const p of added)
    out.push({
      kind: p.kind,
      validFrom: p.validFrom,
      validTo: p.validTo,
      valueOere: p.valueOere,
      derivedOere: p.kind === "contribution-rate" ? quarterOfYear(p.valueOere) : p.kind === "su-rate" ? weekly(p.valueOere) : null,
      source: p.source,
      factsRow: p.factsRow,
      sureness: p.sureness,
      secondary: p.secondary,
      origin: "added",
      note: p.note,
      usedBy: USED_BY[p.kind],
      id: p.id,
      status: p.supersededBy === null ? "in-force" : "superseded",
      supersedes: p.supersedes,
      supersededBy: p.supersededBy,
      reason: p.reason,
      recordedBy: p.createdBy,
      recordedAt: p.createdAt,
    });
  // by kind and period; a superseded row before the row that corrected it
  const rank = (r: ParameterRow) => (r.status === "superseded" ? 0 : 1);
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.validFrom.localeCompare(b.validFrom) || rank(a) - rank(b) || (a.recordedAt ?? "").localeCompare(b.recordedAt ?? ""));
}

export interface ParameterInput {
  kind: ParameterKind;
  validFrom: string;
  validTo: string;
  valueOere: number;
  source: string;
  factsRow?: string | null | undefined;
  sureness: "certain" | "good" | "medium" | "low";
  secondary: boolean;
  note?: string | null | undefined;
}

/**
 * The checks every new row passes (an addition or a correction): a valid period, whole non-negative øre (above 0 for the
 * full-quarter ATP amount, divisible by 4 for the yearly rate), a source, and no overlap with a row of the same
 * parameter in force (shipped or added; `except` leaves out the row being corrected): a date has exactly one value.
 */
async function parameterProblems(q: store.AubQ, institutionId: string, input: ParameterInput, except?: store.StoredParameter): Promise<Finding[]> {
  const out: Finding[] = [];
  const from = checkDate(input.validFrom, "validFrom", true, out);
  const to = checkDate(input.validTo, "validTo", true, out);
  const ref = USED_BY[input.kind];
  if (from && to && to < from) out.push(inputFinding("period-reversed", "validTo", input.validTo, `validTo ${input.validTo} is before validFrom ${input.validFrom}.`, `validTo ${input.validTo} ligger før validFrom ${input.validFrom}.`));
  checkOere(input.valueOere, "valueOere", ref, out, { en: "the value", da: "værdien" });
  if (input.valueOere === 0 && input.kind === "full-quarter-atp")
    out.push(aubFinding("parameter.full-quarter-atp-zero", "error", "§ 3, stk. 1", "The full quarter's ATP amount must be above 0 (the basis is divided by it).", "Et fuldt kvartals ATP-bidrag skal være over 0 (grundlaget divideres med det).", "valueOere", 0));
  if (input.kind === "contribution-rate" && isOere(input.valueOere) && input.valueOere % 4 !== 0)
    out.push(aubFinding("parameter.rate-not-divisible", "error", "§ 3, stk. 1", "The yearly rate must divide into four equal quarters of whole øre.", "Årssatsen skal kunne deles i fire lige store kvartaler i hele øre.", "valueOere", input.valueOere));
  if ((input.source ?? "").trim() === "") out.push(inputFinding("source-missing", "source", null, "Every value needs its source (law, LBK, web page).", "Hver værdi skal have sin kilde (lov, LBK, webside)."));
  if (out.length === 0 && from && to) {
    const eff = await effectiveParameters(q, institutionId);
    const all: readonly { validFrom: string; validTo: string }[] =
      input.kind === "contribution-rate" ? eff.contributionRates : input.kind === "full-quarter-atp" ? eff.fullQuarterAtp : eff.suRates;
    const table = except ? all.filter((r) => !(r.validFrom === except.validFrom && r.validTo === except.validTo)) : all;
    for (const r of table)
      if (r.validFrom <= to && from <= r.validTo)
        out.push(
          aubFinding(
            "parameter.overlap",
            "error",
            ref,
            `${input.kind} ${from}–${to} overlaps the value in force ${r.validFrom}–${r.validTo}; a date must have exactly one value.`,
            `${input.kind} ${from}–${to} overlapper værdien i kraft ${r.validFrom}–${r.validTo}; en dato skal have præcis én værdi.`,
            "validFrom",
            `${r.validFrom}–${r.validTo}`,
          ),
        );
  }
  return out;
}

/**
 * An administrator adds a year's value (e.g. the 2025 contribution rate). Refused (422) when the period is not a
 * valid date range, the value is not whole non-negative øre, the source is empty, or the period overlaps a row of the
 * same parameter (shipped or added): a date must have exactly one value.
 *
 * Recalculation (choice 18, docs/rulebooks/004-aub.md): because an overlapping period is refused, a new row can only
 * give a value to dates that had none, so it never changes an amount already charged (those stay final, § 3, stk. 2
 * recalculates only on a corrected report or a changed basis). What it does change: ATP reports filed for a quarter
 * that lacked a contribution rate or full-quarter ATP amount were saved without a charge (`aub.parameter.*.missing`);
 * adding the missing row charges them now, in the same transaction (cause `parameter-added`), and returns the charges.
 * An SU rate (§ 7) charges nothing: a school-week report is refused while its year has no rate.
 */
export async function addParameter(db: Db, actor: Actor, input: ParameterInput): Promise<{ parameters: ParameterRow[]; charged: (Recalculation & { employerId: string })[] }> {
  requireRole(actor, ["admin"], "only an administrator can add a parameter value");
  const out = await parameterProblems(k(db), actor.institutionId, input);
  if (out.length > 0) throw refuse(out, "the parameter was not saved");
  const charged = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertParameter(
        tx,
        actor.institutionId,
        { kind: input.kind, validFrom: input.validFrom, validTo: input.validTo, valueOere: input.valueOere, source: input.source.trim(), factsRow: input.factsRow ?? null, sureness: input.sureness, secondary: input.secondary, note: input.note ?? null },
        by(actor),
      );
      await audit(auditTx(tx), actor, { action: "aub.parameter.add", entity: "aub_parameter", entityId: id, detail: { kind: input.kind, validFrom: input.validFrom, validTo: input.validTo, valueOere: input.valueOere, secondary: input.secondary } });
      if (input.kind === "su-rate") return [];
      // the quarters whose first day (the day whose rates a quarter uses) lies in the new period
      const quarters = (await store.reportQuarters(tx, actor.institutionId)).filter((q) => {
        const first = quarterStart(parseQuarter(q)!);
        return input.validFrom <= first && first <= input.validTo;
      });
      const out: (Recalculation & { employerId: string })[] = [];
      for (const e of await store.employersWithUnchargedReports(tx, actor.institutionId, quarters))
        for (const r of await recalcEmployer(tx, actor, e, "parameter-added")) out.push({ ...r, employerId: e });
      return out;
    });
  return { parameters: await listParameters(db, actor), charged };
}

export interface ParameterCorrectionInput extends Omit<ParameterInput, "kind"> {
  /** Why the row is corrected (required): the superseding row records it with who and when. */
  reason: string;
}

/** A year's wage refund before and after an SU rate was corrected (§ 7): computed again from the reported weeks. */
export interface RefundChange {
  year: number;
  weeks: number;
  beforeOere: number | null;
  afterOere: number | null;
  differenceOere: number | null;
}

export interface ParameterCorrection {
  parameters: ParameterRow[];
  superseded: ParameterRow;
  replacement: ParameterRow;
  /** § 3, stk. 2, 2. pkt.: the unit-quarters whose contribution changed, appended as new charges with the difference. */
  recalculated: (Recalculation & { employerId: string })[];
  /** SU rate (§ 7): the refund of each year whose rate changed, before and after (refunds are computed, not charged). */
  refunds: RefundChange[];
}

const yearsIn = (from: string, to: string): number[] => {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (from <= `${y}-01-01` && `${y}-01-01` <= to) out.push(y);
  return out;
};

/**
 * Corrects a wrongly added parameter row (choice 20, docs/rulebooks/004-aub.md): an administrator records a superseding
 * row with a reason (who and when are the row's recorder and time). Nothing is overwritten: the wrong row stays, marked
 * superseded, and no longer counts. Only rows added in bevis can be corrected (shipped rows are changed in code,
 * parameters/*.ts); a row already corrected gets 409 (correct its replacement instead).
 *
 * The new row passes every check of an addition, except that it may overlap the row it replaces. It may not take a
 * value away from a quarter that has been charged (`aub.parameter.correction-uncovers-charged`) nor from a year with
 * reported school weeks (`aub.parameter.correction-uncovers-refund`): an amount charged must stay explained by a value.
 *
 * What was charged with the wrong value is not changed in place. In the same transaction, every current report whose
 * quarter's first day lies in the old or the new period is computed again (§ 3, stk. 2, 2. pkt., "genberegnes"): where
 * the contribution changed, a new charge with the difference is appended (cause `parameter-corrected`); a report that
 * waited for a value is charged for the first time. An SU rate (§ 7) charges nothing: the refund of each year it covers is
 * computed again from the reported weeks, and the response shows it before and after.
 */
export async function correctParameter(db: Db, actor: Actor, id: string, input: ParameterCorrectionInput): Promise<ParameterCorrection> {
  requireRole(actor, ["admin"], "only an administrator can correct a parameter value");
  const kk = k(db);
  const old = await store.getParameter(kk, actor.institutionId, id);
  if (!old) throw notFound("added parameter row");
  if (old.supersededBy !== null) throw supersededProblem(old.supersededBy);
  const full: ParameterInput = { ...input, kind: old.kind };
  const out = await parameterProblems(kk, actor.institutionId, full, old);
  if ((input.reason ?? "").trim() === "")
    out.push(aubFinding("parameter.correction-reason-missing", "error", USED_BY[old.kind], "A correction of a parameter value needs a reason.", "En rettelse af en parameterværdi kræver en begrundelse.", "reason", null));
  const same =
    input.validFrom === old.validFrom &&
    input.validTo === old.validTo &&
    input.valueOere === old.valueOere &&
    (input.source ?? "").trim() === old.source &&
    (input.factsRow ?? null) === old.factsRow &&
    input.sureness === old.sureness &&
    input.secondary === old.secondary;
  if (same) out.push(inputFinding("correction-unchanged", "valueOere", input.valueOere, "The correction changes nothing.", "Rettelsen ændrer intet."));
  if (out.length === 0) {
    const inNew = (d: string) => input.validFrom <= d && d <= input.validTo;
    const inOld = (d: string) => old.validFrom <= d && d <= old.validTo;
    if (old.kind === "su-rate") {
      for (const y of yearsIn(old.validFrom, old.validTo).filter((y) => !inNew(`${y}-01-01`))) {
        const { lines } = await linesOfYear(kk, actor.institutionId, y);
        if (lines.length > 0)
          out.push(
            aubFinding(
              "parameter.correction-uncovers-refund",
              "error",
              "§ 7",
              `${y} has reported school weeks refunded at this rate; the corrected period must still cover 1 January ${y}.`,
              `${y} har indberettede skoleuger refunderet med denne sats; den rettede periode skal fortsat dække 1. januar ${y}.`,
              `${y}-01-01` < input.validFrom ? "validFrom" : "validTo",
              y,
            ),
          );
      }
    } else {
      const uncovered = (await store.reportQuarters(kk, actor.institutionId)).filter((q) => {
        const first = quarterStart(parseQuarter(q)!);
        return inOld(first) && !inNew(first);
      });
      for (const q of await store.chargedQuarters(kk, actor.institutionId, uncovered))
        out.push(
          aubFinding(
            "parameter.correction-uncovers-charged",
            "error",
            "§ 3, stk. 2",
            `${q} has been charged with this value; the corrected period must still cover its first day (a charged quarter keeps a value).`,
            `${q} er opkrævet med denne værdi; den rettede periode skal fortsat dække kvartalets første dag (et opkrævet kvartal beholder en værdi).`,
            quarterStart(parseQuarter(q)!) < input.validFrom ? "validFrom" : "validTo",
            q,
          ),
        );
    }
  }
  if (out.length > 0) throw refuse(out, "the correction was not saved");
  const before = await effectiveParameters(kk, actor.institutionId);
  const result = await kk.transaction().execute(async (tx) => {
    if (!(await store.lockParameter(tx, actor.institutionId, id))) throw notFound("added parameter row");
    const again = await store.getParameter(tx, actor.institutionId, id);
    if (again?.supersededBy) throw supersededProblem(again.supersededBy);
    const newId = await store.insertParameter(
      tx,
      actor.institutionId,
      { kind: old.kind, validFrom: input.validFrom, validTo: input.validTo, valueOere: input.valueOere, source: input.source.trim(), factsRow: input.factsRow ?? null, sureness: input.sureness, secondary: input.secondary, note: input.note ?? null, supersedes: id, reason: input.reason.trim() },
      by(actor),
    );
    await audit(auditTx(tx), actor, {
      action: "aub.parameter.correct",
      entity: "aub_parameter",
      entityId: newId,
      detail: { supersedes: id, kind: old.kind, reason: input.reason.trim(), before: { validFrom: old.validFrom, validTo: old.validTo, valueOere: old.valueOere }, after: { validFrom: input.validFrom, validTo: input.validTo, valueOere: input.valueOere } },
    });
    const inEither = (d: string) => (old.validFrom <= d && d <= old.validTo) || (input.validFrom <= d && d <= input.validTo);
    const recalculated: (Recalculation & { employerId: string })[] = [];
    const refunds: RefundChange[] = [];
    if (old.kind === "su-rate") {
      const after = await effectiveParameters(tx, actor.institutionId);
      const years = [...new Set([...yearsIn(old.validFrom, old.validTo), ...yearsIn(input.validFrom, input.validTo)])].sort();
      for (const y of years) {
        const { lines } = await linesOfYear(tx, actor.institutionId, y);
        if (lines.length === 0) continue;
        const b = refundForLines(lines, before.suRates).value;
        const a = refundForLines(lines, after.suRates).value;
        const beforeOere = b?.totalOere ?? null;
        const afterOere = a?.totalOere ?? null;
        refunds.push({ year: y, weeks: a?.totalWeeks ?? b?.totalWeeks ?? 0, beforeOere, afterOere, differenceOere: beforeOere !== null && afterOere !== null ? afterOere - beforeOere : null });
      }
    } else {
      const quarters = (await store.reportQuarters(tx, actor.institutionId)).filter((q) => inEither(quarterStart(parseQuarter(q)!)));
      for (const e of await store.employersWithReportsIn(tx, actor.institutionId, quarters))
        for (const r of await recalcEmployer(tx, actor, e, "parameter-corrected")) recalculated.push({ ...r, employerId: e });
    }
    return { newId, recalculated, refunds };
  });
  const parameters = await listParameters(db, actor);
  return { parameters, superseded: parameters.find((p) => p.id === id)!, replacement: parameters.find((p) => p.id === result.newId)!, recalculated: result.recalculated, refunds: result.refunds };
}

function supersededProblem(by: string): ProblemError {
  return new ProblemError(
    409,
    "Conflict",
    [
      finding(
        "aub.parameter.superseded",
        "error",
        { seed: "reference", ref: "docs/api.md" },
        { en: "This row has already been corrected; correct the row that replaced it.", da: "Denne række er allerede rettet; ret den række, der afløste den." },
        { subject: "version", value: by },
      ),
    ],
    `the row is superseded by ${by}`,
  );
}

// ---------------------------------------------------------------------------------------------------------- employers

export interface ReligiousApplicationInput {
  receivedOn: string;
  documentationReceivedOn?: string | null | undefined;
  conditionLapsedNoticeOn?: string | null | undefined;
}

export interface EmployerInput {
  cvr: string;
  name: string;
  atpCovered: boolean;
  category: ExemptionCategory | null;
  hasPostedStaff: boolean | null;
  religiousApplications: ReligiousApplicationInput[];
  units?: { se: string; name?: string | null | undefined }[] | undefined;
}

export interface EmployerSummary {
  id: string;
  cvr: string;
  name: string;
  category: ExemptionCategory | null;
  atpCovered: boolean;
  version: number;
}

export interface EmployerDetail {
  employer: store.StoredEmployer;
  units: store.StoredUnit[];
  /** § 2, stk. 2: the quarters each religious-community application covers. */
  religiousExemptions: { application: store.StoredEmployer["religiousApplications"][number]; from: string | null; to: string | null; findings: Finding[] }[];
  history: Awaited<ReturnType<typeof store.employerHistory>>;
}

function employerData(input: EmployerInput, out: Finding[]): store.EmployerData {
  if ((input.name ?? "").trim() === "") out.push(inputFinding("name-missing", "name", null, "The employer's name is required.", "Arbejdsgiverens navn mangler."));
  const apps = (input.religiousApplications ?? []).map((a, i) => {
    const app: store.EmployerData["religiousApplications"][number] = { receivedOn: checkDate(a.receivedOn, `religiousApplications.${i}.receivedOn`, true, out) ?? a.receivedOn };
    const doc = checkDate(a.documentationReceivedOn, `religiousApplications.${i}.documentationReceivedOn`, false, out);
    const lapse = checkDate(a.conditionLapsedNoticeOn, `religiousApplications.${i}.conditionLapsedNoticeOn`, false, out);
    if (doc) app.documentationReceivedOn = doc;
    if (lapse) app.conditionLapsedNoticeOn = lapse;
    return app;
  });
  if (apps.length > 0 && input.category !== "religious-community")
    out.push(
      aubFinding("employer.religious-application-category", "error", "§ 2, stk. 2", "Only a religious community can apply for exemption under § 2, stk. 2.", "Kun et religiøst samfund kan søge om undtagelse efter § 2, stk. 2.", "religiousApplications", apps.length),
    );
  return { name: (input.name ?? "").trim(), atpCovered: input.atpCovered, category: input.category, hasPostedStaff: input.hasPostedStaff, religiousApplications: apps };
}

async function employerDetail(q: store.AubQ, actor: Actor, id: string): Promise<EmployerDetail> {
  const e = await store.getEmployer(q, actor.institutionId, id);
  if (!e) throw notFound("employer");
  const units = await store.unitsOf(q, actor.institutionId, id);
  const history = await store.employerHistory(q, actor.institutionId, id);
  const religiousExemptions = e.religiousApplications.map((a) => {
    const d = religiousExemptQuarters(a);
    return { application: a, from: d.value ? formatQuarter(d.value.from) : null, to: d.value?.to ? formatQuarter(d.value.to) : null, findings: d.because };
  });
  return { employer: e, units, religiousExemptions, history };
}

export async function getEmployer(db: Db, actor: Actor, id: string): Promise<EmployerDetail> {
  return employerDetail(k(db), actor, id);
}

export async function listEmployers(db: Db, actor: Actor, query: { q?: string | undefined; limit?: number | undefined; offset?: number | undefined }): Promise<{ items: EmployerSummary[]; total: number }> {
  const { rows, total } = await store.listEmployers(k(db), actor.institutionId, { q: query.q, limit: Math.min(Math.max(query.limit ?? 50, 1), 500), offset: Math.max(query.offset ?? 0, 0) });
  return { total, items: rows.map((e) => ({ id: e.id, cvr: e.cvr, name: e.name, category: e.category, atpCovered: e.atpCovered, version: e.version })) };
}

function parseSeOrFinding(se: string, subject: string, out: Finding[]): string | undefined {
  const p = parseSe(se ?? "", subject);
  out.push(...p.because.filter((f) => f.severity === "error"));
  return p.value ?? undefined;
}

/** Registers an employer (§ 1) with its ATP-reporting units (§ 3, stk. 3). A bad CVR or SE → 422, nothing saved. */
export async function createEmployer(db: Db, actor: Actor, input: EmployerInput): Promise<EmployerDetail> {
  requireRole(actor, WRITE_ROLES);
  const out: Finding[] = [];
  const cvr = parseCvr(input.cvr ?? "", "cvr");
  out.push(...cvr.because.filter((f) => f.severity === "error"));
  const data = employerData(input, out);
  const units = (input.units ?? []).map((u, i) => ({ se: parseSeOrFinding(u.se, `units.${i}.se`, out), name: u.name ?? null }));
  const kk = k(db);
  if (cvr.value !== null && (await store.getEmployerByCvr(kk, actor.institutionId, cvr.value)))
    out.push(inputFinding("cvr-exists", "cvr", cvr.value, `An employer with CVR ${cvr.value} is already registered.`, `En arbejdsgiver med CVR ${cvr.value} er allerede registreret.`));
  const seen = new Set<string>();
  for (const [i, u] of units.entries()) {
    if (u.se === undefined) continue;
    if (seen.has(u.se) || (await store.unitBySe(kk, actor.institutionId, u.se)))
      out.push(inputFinding("se-exists", `units.${i}.se`, u.se, `SE ${u.se} is already an ATP-reporting unit.`, `SE ${u.se} er allerede en ATP-indberettende enhed.`));
    seen.add(u.se);
  }
  if (out.length > 0 || cvr.value === null) throw refuse(out, "the employer was not saved");
  const id = await kk.transaction().execute(async (tx) => {
    const newId = await store.insertEmployer(tx, actor.institutionId, cvr.value!, data, by(actor), "registered");
    for (const u of units) await store.insertUnit(tx, actor.institutionId, newId, u.se!, u.name, by(actor));
    await audit(auditTx(tx), actor, { action: "aub.employer.create", entity: "aub_employer", entityId: newId, detail: { cvr: cvr.value, name: data.name, category: data.category, units: units.map((u) => u.se) } });
    return newId;
  });
  return getEmployer(db, actor, id);
}

/**
 * Changes an employer (§ 2 category, posted staff, religious applications): a new version supersedes the current one
 * (409 when stale); every quarter already charged is recalculated and the differences appended.
 */
export async function updateEmployer(db: Db, actor: Actor, id: string, input: Omit<EmployerInput, "cvr" | "units"> & { version: number; reason: string }): Promise<EmployerDetail & { recalculated: Recalculation[] }> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  if (!(await store.getEmployer(kk, actor.institutionId, id))) throw notFound("employer");
  const out: Finding[] = [];
  const data = employerData({ ...input, cvr: "" }, out);
  if ((input.reason ?? "").trim() === "") out.push(inputFinding("reason-missing", "reason", null, "A change needs a reason.", "En ændring kræver en begrundelse."));
  if (out.length > 0) throw refuse(out, "the change was not saved");
  const recalculated = await kk.transaction().execute(async (tx) => {
    const claim = await store.claimNext(tx, "aub_employer", actor.institutionId, id, input.version);
    if (!claim.ok) throw claim.why === "missing" ? notFound("employer") : stale("employer", claim.current, input.version);
    await store.insertEmployerVersion(tx, actor.institutionId, id, claim.version, data, by(actor), input.reason.trim());
    await audit(auditTx(tx), actor, { action: "aub.employer.update", entity: "aub_employer", entityId: id, detail: { version: claim.version, reason: input.reason, category: data.category } });
    return recalcEmployer(tx, actor, id, "employer-changed");
  });
  return { ...(await getEmployer(db, actor, id)), recalculated };
}

export async function addUnit(db: Db, actor: Actor, employerId: string, input: { se: string; name?: string | null | undefined }): Promise<EmployerDetail> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  if (!(await store.getEmployer(kk, actor.institutionId, employerId))) throw notFound("employer");
  const out: Finding[] = [];
  const se = parseSeOrFinding(input.se, "se", out);
  if (se && (await store.unitBySe(kk, actor.institutionId, se))) out.push(inputFinding("se-exists", "se", se, `SE ${se} is already an ATP-reporting unit.`, `SE ${se} er allerede en ATP-indberettende enhed.`));
  if (out.length > 0 || !se) throw refuse(out, "the unit was not saved");
  await kk.transaction().execute(async (tx) => {
    const uid = await store.insertUnit(tx, actor.institutionId, employerId, se, input.name ?? null, by(actor));
    await audit(auditTx(tx), actor, { action: "aub.unit.create", entity: "aub_unit", entityId: uid, detail: { employerId, se } });
  });
  return getEmployer(db, actor, employerId);
}

// --------------------------------------------------------------------------------------------------- contributions

/** The decided trainee exemptions of an employer's current agreements (§§ 4–6), for § 3's basis. */
async function exemptionsOf(q: store.AubQ, institutionId: string, employerId: string): Promise<TraineeExemption[]> {
  const rows = await store.listAgreements(q, institutionId, { employerId });
  const out: TraineeExemption[] = [];
  for (const a of rows) {
    if (a.exemptFrom === null || a.exemptTo === null || a.cpr === null) continue;
    const x: TraineeExemption = {
      notificationId: a.id,
      cpr: a.cpr as TraineeExemption["cpr"],
      from: a.exemptFrom,
      to: a.exemptTo,
      fromQuarter: quarterOf(a.exemptFrom),
      toQuarter: quarterOf(a.exemptTo),
    };
    const cvr = a.notification.employerCvr ? parseCvr(a.notification.employerCvr).value : null;
    const se = a.notification.employerSe ? parseSe(a.notification.employerSe).value : null;
    if (cvr) x.employerCvr = cvr;
    if (se) x.employerSe = se;
    out.push(x);
  }
  return out;
}

const toAtpReport = (r: store.StoredAtpReport): AtpReport => ({
  unitId: r.unitId,
  quarter: parseQuarter(r.quarter)!,
  version: r.version,
  receivedOn: r.receivedOn,
  totalOere: r.totalOere,
  persons: r.persons.map((p) => ({ cpr: p.cpr as Cpr, amountOere: p.amountOere })),
});

const toUnit = (u: store.StoredUnit): AtpUnit => ({ id: u.id, employerId: u.employerId, se: u.se as SeNumber, ...(u.name ? { name: u.name } : {}) });

export interface Recalculation {
  unitId: string;
  se: string;
  quarter: string;
  reportVersion: number;
  previousOere: number;
  contributionOere: number;
  differenceOere: number;
}

/**
 * § 3, stk. 2, 2. pkt.: recalculates every current report of the employer and appends a charge where the contribution
 * changed (after an exemption took effect, an employer's § 2 status changed, …). Returns the differences.
 */
export async function recalcEmployer(tx: store.AubTx, actor: Actor, employerId: string, cause: string): Promise<Recalculation[]> {
  const e = await store.getEmployer(tx, actor.institutionId, employerId);
  if (!e) return [];
  const units = await store.unitsOf(tx, actor.institutionId, employerId);
  const reports = await store.reportsOfEmployer(tx, actor.institutionId, employerId, { currentOnly: true });
  const params = await effectiveParameters(tx, actor.institutionId);
  const exemptions = await exemptionsOf(tx, actor.institutionId, employerId);
  const employer = store.employerModel(e);
  const out: Recalculation[] = [];
  for (const r of reports) {
    const unit = units.find((u) => u.id === r.unitId);
    if (!unit) continue;
    const c = unitQuarterContribution(toAtpReport(r), { employer, unit: toUnit(unit), exemptTrainees: exemptions, parameters: params });
    if (c.value === null) continue;
    const last = await store.lastCharge(tx, actor.institutionId, r.unitId, r.quarter);
    if (last && last.contributionOere === c.value.contributionOere && last.reportVersion === r.version) continue;
    if (last && last.contributionOere === c.value.contributionOere) continue;
    const ch = await store.appendCharge(tx, actor.institutionId, c.value, r.quarter, cause, by(actor));
    out.push({ unitId: r.unitId, se: unit.se, quarter: r.quarter, reportVersion: r.version, previousOere: ch.previousOere, contributionOere: ch.contributionOere, differenceOere: ch.differenceOere });
  }
  if (out.length > 0)
    await audit(auditTx(tx), actor, { action: "aub.contribution.recalculate", entity: "aub_employer", entityId: employerId, detail: { cause, changes: out.map((x) => ({ se: x.se, quarter: x.quarter, differenceOere: x.differenceOere })) } });
  return out;
}

export interface AtpReportInput {
  /** The unit by its SE number (or `unitId`). */
  se?: string | undefined;
  unitId?: string | undefined;
  quarter: string;
  totalOere: number;
  receivedOn: string;
  persons?: { cpr: string; amountOere: number }[] | undefined;
  /** For a correction: the version being corrected (the current one), else 409. */
  version?: number | undefined;
  reason?: string | null | undefined;
}

export interface FiledReport {
  report: { unitId: string; se: string; employerId: string; quarter: string; version: number; totalOere: number; receivedOn: string };
  contribution: UnitQuarterContribution | null;
  charge: { previousOere: number; contributionOere: number; differenceOere: number } | null;
  findings: Finding[];
}

/** Validated, ready to store: the unit, the parsed quarter and the report. */
interface ReadyReport {
  unit: store.StoredUnit;
  quarter: string;
  report: AtpReport;
  persons: { cpr: string; amountOere: number }[];
}

/** Shape checks of one ATP report (shared by the API and the CSV import). Findings' subjects are prefixed. */
export async function validateAtpReport(q: store.AubQ, institutionId: string, input: AtpReportInput, prefix = ""): Promise<{ ok: true; ready: ReadyReport } | { ok: false; findings: Finding[] }> {
  const out: Finding[] = [];
  let unit: store.StoredUnit | undefined;
  if (input.unitId) {
    unit = await store.getUnit(q, institutionId, input.unitId);
    if (!unit) out.push(inputFinding("unit-unknown", `${prefix}unitId`, input.unitId, "No such ATP-reporting unit.", "Ingen sådan ATP-indberettende enhed."));
  } else {
    const se = parseSeOrFinding(input.se ?? "", `${prefix}se`, out);
    if (se) {
      unit = await store.unitBySe(q, institutionId, se);
      if (!unit)
        out.push(aubFinding("atp.unit-unknown", "error", "§ 3, stk. 3", `SE ${se} is not a registered ATP-reporting unit; register the employer and its unit first.`, `SE ${se} er ikke en registreret ATP-indberettende enhed; registrér arbejdsgiveren og enheden først.`, `${prefix}se`, se));
    }
  }
  const qq = parseQuarter(input.quarter ?? "");
  if (!qq) out.push(inputFinding("quarter", `${prefix}quarter`, input.quarter, `"${input.quarter}" is not a quarter (write e.g. 2024Q3).`, `"${input.quarter}" er ikke et kvartal (skriv fx 2024Q3).`));
  const received = checkDate(input.receivedOn, `${prefix}receivedOn`, true, out);
  const persons: { cpr: string; amountOere: number }[] = [];
  (input.persons ?? []).forEach((p, i) => {
    const c = parseCpr(p.cpr ?? "", `${prefix}persons.${i}.cpr`);
    out.push(...c.because.filter((f) => f.severity === "error"));
    if (c.value) persons.push({ cpr: c.value, amountOere: p.amountOere });
  });
  if (unit && qq && received) {
    const report: AtpReport = { unitId: unit.id, quarter: qq, version: 1, receivedOn: received, totalOere: input.totalOere, persons: persons.map((p) => ({ cpr: p.cpr as Cpr, amountOere: p.amountOere })) };
    const problems = atpReportProblems(report);
    out.push(...problems.map((f) => ({ ...f, subject: `${prefix}${f.subject ?? ""}` })));
    if (out.length === 0) return { ok: true, ready: { unit, quarter: formatQuarter(qq), report, persons } };
  } else {
    if (!isOere(input.totalOere) || input.totalOere < 0)
      out.push(aubFinding("atp.total-invalid", "error", "§ 3, stk. 2", `The reported ATP total must be a whole, non-negative number of øre; got ${String(input.totalOere)}.`, `Det indberettede samlede ATP-bidrag skal være et helt, ikke-negativt antal øre; modtaget ${String(input.totalOere)}.`, `${prefix}totalOere`, input.totalOere));
  }
  return { ok: false, findings: out };
}

/** Stores one validated report (a correction when the unit's quarter has one) and charges it. Caller's transaction. */
async function storeReport(tx: store.AubTx, actor: Actor, ready: ReadyReport, input: { version?: number | undefined; reason?: string | null | undefined }, prefix = ""): Promise<FiledReport> {
  const cur = await store.currentReport(tx, actor.institutionId, ready.unit.id, ready.quarter);
  let version = 1;
  if (cur) {
    if (input.version === undefined || input.version !== cur.version) throw stale("ATP report", cur.version, input.version ?? 0);
    if ((input.reason ?? "").trim() === "")
      throw refuse([aubFinding("atp.correction-reason-missing", "error", "§ 3, stk. 2", "A correction of an ATP report needs a reason.", "En rettelse af en ATP-indberetning kræver en begrundelse.", `${prefix}reason`, null)], "the correction was not saved");
    version = cur.version + 1;
  }
  await store.insertReport(tx, actor.institutionId, { unitId: ready.unit.id, employerId: ready.unit.employerId, quarter: ready.quarter, version, receivedOn: ready.report.receivedOn, totalOere: ready.report.totalOere, persons: ready.persons, reason: input.reason?.trim() || null }, by(actor));
  const e = await store.getEmployer(tx, actor.institutionId, ready.unit.employerId);
  const params = await effectiveParameters(tx, actor.institutionId);
  const exemptions = await exemptionsOf(tx, actor.institutionId, ready.unit.employerId);
  const c = unitQuarterContribution({ ...ready.report, version }, { employer: store.employerModel(e!), unit: toUnit(ready.unit), exemptTrainees: exemptions, parameters: params });
  let charge: FiledReport["charge"] = null;
  const findings = [...c.because];
  if (c.value) {
    const ch = await store.appendCharge(tx, actor.institutionId, c.value, ready.quarter, version === 1 ? "atp-report" : "atp-correction", by(actor));
    charge = { previousOere: ch.previousOere, contributionOere: ch.contributionOere, differenceOere: ch.differenceOere };
    if (version > 1)
      findings.push(
        aubFinding(
          "contribution.recalculated",
          "info",
          "§ 3, stk. 2",
          `Corrected ATP report (version ${version}) for ${ready.quarter}: contribution ${ch.contributionOere} øre, already charged ${ch.previousOere} øre, difference ${ch.differenceOere} øre.`,
          `Rettet ATP-indberetning (version ${version}) for ${ready.quarter}: bidrag ${ch.contributionOere} øre, allerede opkrævet ${ch.previousOere} øre, difference ${ch.differenceOere} øre.`,
          "differenceOere",
          ch.differenceOere,
        ),
      );
  }
  await audit(auditTx(tx), actor, {
    action: version === 1 ? "aub.atp.report" : "aub.atp.correct",
    entity: "aub_atp_report",
    entityId: `${ready.unit.se}/${ready.quarter}/${version}`,
    detail: { se: ready.unit.se, quarter: ready.quarter, version, totalOere: ready.report.totalOere, persons: ready.persons.length, differenceOere: charge?.differenceOere ?? null },
  });
  return {
    report: { unitId: ready.unit.id, se: ready.unit.se, employerId: ready.unit.employerId, quarter: ready.quarter, version, totalOere: ready.report.totalOere, receivedOn: ready.report.receivedOn },
    contribution: c.value,
    charge,
    findings,
  };
}

/**
 * Files an ATP report for a unit's quarter (§ 3, stk. 2). When the quarter already has one, this is a correction: the
 * request must name the current version (409 otherwise) and give a reason; the contribution already charged is
 * recalculated and the difference appended (never overwritten).
 */
export async function fileAtpReport(db: Db, actor: Actor, input: AtpReportInput): Promise<FiledReport> {
  requireRole(actor, WRITE_ROLES);
  const v = await validateAtpReport(k(db), actor.institutionId, input);
  if (!v.ok) throw refuse(v.findings, "the ATP report was not saved");
  return k(db)
    .transaction()
    .execute((tx) => storeReport(tx, actor, v.ready, input));
}

export interface AtpReportVersions {
  /** The unit of the SE number, or null when no unit of this institution has it (a report would be refused). */
  unit: { id: string; se: string; name: string | null } | null;
  employer: { id: string; cvr: string; name: string } | null;
  quarter: string;
  /** Every version, oldest first; the last is current (a correction names its version). CPR masked for read-only roles. */
  versions: { version: number; isCurrent: boolean; totalOere: number; receivedOn: string; reason: string | null; recordedAt: string; recordedBy: string; persons: { cpr: string; amountOere: number }[] }[];
  /** The charge ledger of the unit's quarter (§ 3, stk. 2): every (re)calculation with its difference. */
  charges: store.StoredCharge[];
}

/** A unit's ATP report for a quarter with its versions and charges: what the web form shows before a correction. */
export async function atpReportVersions(db: Db, actor: Actor, query: { se: string; quarter: string }): Promise<AtpReportVersions> {
  const out: Finding[] = [];
  const se = parseSeOrFinding(query.se, "se", out);
  const qq = parseQuarter(query.quarter ?? "");
  if (!qq) out.push(inputFinding("quarter", "quarter", query.quarter, `"${query.quarter}" is not a quarter (write e.g. 2024Q3).`, `"${query.quarter}" er ikke et kvartal (skriv fx 2024Q3).`));
  if (out.length > 0 || !se || !qq) throw refuse(out, "not a unit's quarter");
  const quarter = formatQuarter(qq);
  const kk = k(db);
  const unit = await store.unitBySe(kk, actor.institutionId, se);
  if (!unit) return { unit: null, employer: null, quarter, versions: [], charges: [] };
  const e = await store.getEmployer(kk, actor.institutionId, unit.employerId);
  const reports = (await store.reportsOfEmployer(kk, actor.institutionId, unit.employerId, { quarter })).filter((r) => r.unitId === unit.id);
  const charges = (await store.chargesOfEmployer(kk, actor.institutionId, unit.employerId, quarter)).filter((c) => c.unitId === unit.id);
  const see = canSeeCpr(actor);
  return {
    unit: { id: unit.id, se: unit.se, name: unit.name },
    employer: e ? { id: e.id, cvr: e.cvr, name: e.name } : null,
    quarter,
    versions: reports.map((r) => ({
      version: r.version,
      isCurrent: r.isCurrent,
      totalOere: r.totalOere,
      receivedOn: r.receivedOn,
      reason: r.reason,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
      persons: r.persons.map((p) => ({ cpr: see ? p.cpr : maskCpr(p.cpr as Cpr), amountOere: p.amountOere })),
    })),
    charges,
  };
}

/** Files many reports, all or nothing (the CSV import): every row validated first, then one transaction. */
export async function fileAtpReports(db: Db, actor: Actor, inputs: { line: number; input: AtpReportInput }[]): Promise<FiledReport[]> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  const problems: Finding[] = [];
  const ready: { line: number; ready: ReadyReport; input: AtpReportInput }[] = [];
  for (const { line, input } of inputs) {
    const v = await validateAtpReport(kk, actor.institutionId, input, `line ${line}: `);
    if (!v.ok) problems.push(...v.findings);
    else ready.push({ line, ready: v.ready, input });
  }
  if (problems.length > 0) throw refuse(problems, `the file has ${problems.length} problem(s); nothing was imported`);
  return kk.transaction().execute(async (tx) => {
    const out: FiledReport[] = [];
    for (const r of ready) {
      // Rows of one unit's quarter follow one another: each later row corrects the one before it.
      const cur = await store.currentReport(tx, actor.institutionId, r.ready.unit.id, r.ready.quarter);
      const input = { version: r.input.version ?? cur?.version, reason: r.input.reason ?? (cur ? `correction (import line ${r.line})` : null) };
      try {
        out.push(await storeReport(tx, actor, r.ready, input, `line ${r.line}: `));
      } catch (e) {
        if (e instanceof ProblemError) throw new ProblemError(e.status, e.title, e.findings.map((f) => ({ ...f, subject: f.subject?.startsWith("line") ? f.subject : `line ${r.line}: ${f.subject ?? ""}` })), `line ${r.line}: ${e.detail ?? ""}; nothing was imported`);
        throw e;
      }
    }
    await audit(auditTx(tx), actor, { action: "aub.atp.import", entity: "aub_atp_report", detail: { rows: out.length } });
    return out;
  });
}

export interface QuarterContributionRow {
  employerId: string;
  cvr: string;
  name: string;
  quarter: string;
  chargedOere: number;
}

/** Contributions charged per employer and quarter (the latest charge of each unit, summed; § 3, stk. 3). */
export async function listContributions(db: Db, actor: Actor, opts: { quarter?: string | undefined; employerId?: string | undefined }): Promise<{ items: QuarterContributionRow[]; byQuarter: { quarter: string; chargedOere: number }[] }> {
  if (opts.quarter) quarterOrRefuse(opts.quarter);
  const kk = k(db);
  if (opts.employerId && !(await store.getEmployer(kk, actor.institutionId, opts.employerId))) throw notFound("employer");
  const rows = await store.chargedTotals(kk, actor.institutionId, { quarter: opts.quarter, employerId: opts.employerId });
  const ids = [...new Set(rows.map((r) => r.employerId))];
  const emps = new Map<string, store.StoredEmployer>();
  for (const id of ids.slice(0, 2000)) {
    const e = await store.getEmployer(kk, actor.institutionId, id);
    if (e) emps.set(id, e);
  }
  const byQ = new Map<string, number>();
  for (const r of rows) byQ.set(r.quarter, (byQ.get(r.quarter) ?? 0) + r.chargedOere);
  return {
    items: rows.map((r) => ({ employerId: r.employerId, cvr: emps.get(r.employerId)?.cvr ?? "", name: emps.get(r.employerId)?.name ?? "", quarter: r.quarter, chargedOere: r.chargedOere })),
    byQuarter: [...byQ.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([quarter, chargedOere]) => ({ quarter, chargedOere })),
  };
}

export interface ContributionStatement {
  employer: store.StoredEmployer;
  quarter: string;
  liability: { liable: boolean; findings: Finding[] };
  units: {
    unit: store.StoredUnit;
    report: { version: number; totalOere: number; receivedOn: string } | null;
    contribution: UnitQuarterContribution | null;
    /** The paragraphs behind each krone: every finding of the calculation (§ 3, § 4, the parameters used). */
    findings: Finding[];
    charges: store.StoredCharge[];
    reportVersions: { version: number; totalOere: number; receivedOn: string; reason: string | null; recordedAt: string }[];
  }[];
  totalOere: number;
  chargedOere: number;
  /** Charged differences of corrections (§ 3, stk. 2): sum of every charge's difference after the first. */
  correctionsOere: number;
}

/** The contribution statement of an employer for a quarter: each unit's calculation with its paragraphs and history. */
export async function contributionStatement(db: Db, actor: Actor, employerId: string, quarter: string): Promise<ContributionStatement> {
  const qq = quarterOrRefuse(quarter);
  const q = formatQuarter(qq);
  const kk = k(db);
  const e = await store.getEmployer(kk, actor.institutionId, employerId);
  if (!e) throw notFound("employer");
  const units = await store.unitsOf(kk, actor.institutionId, employerId);
  const reports = await store.reportsOfEmployer(kk, actor.institutionId, employerId, { quarter: q });
  const charges = await store.chargesOfEmployer(kk, actor.institutionId, employerId, q);
  const params = await effectiveParameters(kk, actor.institutionId);
  const exemptions = await exemptionsOf(kk, actor.institutionId, employerId);
  const employer = store.employerModel(e);
  const liability = contributionLiability(employer, qq);
  let total = 0;
  let charged = 0;
  let corrections = 0;
  const out: ContributionStatement["units"] = [];
  for (const u of units) {
    const versions = reports.filter((r) => r.unitId === u.id);
    const cur = versions.find((r) => r.isCurrent);
    const uc = charges.filter((c) => c.unitId === u.id);
    let contribution: UnitQuarterContribution | null = null;
    let findings: Finding[] = [];
    if (cur) {
      const c = unitQuarterContribution(toAtpReport(cur), { employer, unit: toUnit(u), exemptTrainees: exemptions, parameters: params });
      contribution = c.value;
      findings = c.because;
      total += c.value?.contributionOere ?? 0;
    }
    const last = uc[uc.length - 1];
    charged += last?.contributionOere ?? 0;
    corrections += uc.slice(1).reduce((s, c) => s + c.differenceOere, 0);
    if (!cur && uc.length === 0) continue;
    out.push({
      unit: u,
      report: cur ? { version: cur.version, totalOere: cur.totalOere, receivedOn: cur.receivedOn } : null,
      contribution,
      findings,
      charges: uc,
      reportVersions: versions.map((r) => ({ version: r.version, totalOere: r.totalOere, receivedOn: r.receivedOn, reason: r.reason, recordedAt: r.recordedAt })),
    });
  }
  return { employer: e, quarter: q, liability: { liable: liability.value, findings: liability.because }, units: out, totalOere: total, chargedOere: charged, correctionsOere: corrections };
}

/** An employer's charged contributions quarter by quarter (for the chart over time). */
export async function contributionSeries(db: Db, actor: Actor, employerId?: string): Promise<{ quarter: string; chargedOere: number }[]> {
  return (await listContributions(db, actor, { employerId })).byQuarter;
}

/**
 * The quarterly run over the whole institution (and the benchmark's code path): the contribution of every current
 * report. Plain employers: the whole full-quarter amounts of each report are summed in the database and multiplied by
 * the quarterly rate (§ 3, stk. 1 per unit, stk. 3); employers with a § 2 category or a trainee exemption go row by row
 * through the rules (contributionLiability, unitQuarterContribution), streamed in pages.
 */
export async function computeContributions(db: Db, actor: Actor, opts: { quarters?: string[]; pageSize?: number } = {}): Promise<{ reports: number; byQuarter: Map<string, number>; totalOere: number; findings: Finding[] }> {
  const kk = k(db);
  const params = await effectiveParameters(kk, actor.institutionId);
  const special = new Map((await store.exemptCandidates(kk, actor.institutionId)).map((e) => [e.id, e]));
  const withExemptions = await store.employersWithExemptions(kk, actor.institutionId);
  const perQuarterParams = new Map<string, { full: Oere; perQuarter: Oere } | null>();
  const findings: Finding[] = [];
  const missing = new Set<string>();
  const noParameters = (q: string) => {
    if (missing.has(q)) return;
    missing.add(q);
    findings.push(aubFinding("parameter.missing", "error", "§ 3, stk. 1", `No contribution rate or full-quarter ATP amount is recorded for ${q}.`, `Der er ikke registreret bidragssats eller fuldt kvartals ATP-bidrag for ${q}.`, "quarter", q));
  };
  // the parameters of a quarter are those in force on its first day (§ 3, stk. 2: "vedrørende det kvartal")
  const lookup = (q: string) => {
    let p = perQuarterParams.get(q);
    if (p === undefined) {
      const on = quarterStart(parseQuarter(q)!);
      const atp = versionOn(params.fullQuarterAtp, on);
      const rate = versionOn(params.contributionRates, on);
      p = atp && rate ? { full: atp.value, perQuarter: toOere(divRoundHalfUp(BigInt(rate.value.perYearOere), 4n)) } : null;
      perQuarterParams.set(q, p);
    }
    return p;
  };
  const paramsFor = (q: string) => {
    const p = lookup(q);
    if (p === null) noParameters(q);
    return p;
  };
  const byQuarter = new Map<string, number>();
  let total = 0;
  let n = 0;
  const add = (q: string, amount: number) => {
    byQuarter.set(q, (byQuarter.get(q) ?? 0) + amount);
    total += amount;
  };
  // Plain employers (no § 2 category, no trainee exemption): ⌊basis / full⌋ per report summed in the database, then
  // × the quarterly rate (Σ⌊b/f⌋ × rate = Σ(⌊b/f⌋ × rate), the "whole-quarters" policy of contributionArithmetic).
  // The quarters with a full-quarter ATP amount in force (a few dozen): the one scan of the reports finds which of
  // them, and which other quarters, have reports.
  const covered = new Map<string, { full: Oere; perQuarter: Oere }>();
  for (const row of params.fullQuarterAtp)
    for (const qq of quartersBetween(quarterOf(row.validFrom), quarterOf(row.validTo))) {
      const q = formatQuarter(qq);
      const p = lookup(q);
      if (p !== null && (opts.quarters === undefined || opts.quarters.includes(q))) covered.set(q, p);
    }
  for (const s of await store.fullQuarterSums(kk, actor.institutionId, [...covered].map(([quarter, p]) => ({ quarter, fullOere: p.full })), opts.quarters)) {
    const p = covered.get(s.quarter);
    if (p === undefined || s.fullQuarters === null) {
      noParameters(s.quarter);
      continue;
    }
    n += s.reports;
    add(s.quarter, contributionArithmetic(s.fullQuarters * p.full, p.full, p.perQuarter, "whole-quarters").contributionOere);
  }
  // The employers the rules can change: row by row through § 2 (liability) and § 4 (exempt trainees).
  if (special.size > 0 || withExemptions.size > 0)
    for await (const page of store.currentReportPages(kk, actor.institutionId, { ...opts, ruledOnly: true })) {
      for (const r of page) {
        if (opts.quarters && !opts.quarters.includes(r.quarter)) continue;
        n++;
        if (withExemptions.has(r.employerId) && r.hasPersons) {
          add(r.quarter, await contributionStatementUnit(kk, actor, r, params));
          continue;
        }
        const sp = special.get(r.employerId);
        if (sp !== undefined && !contributionLiability(store.employerModel(sp), parseQuarter(r.quarter)!).value) continue;
        const p = paramsFor(r.quarter);
        if (p === null) continue;
        add(r.quarter, contributionArithmetic(r.totalOere, p.full, p.perQuarter, "whole-quarters").contributionOere);
      }
    }
  return { reports: n, byQuarter, totalOere: total, findings };
}

async function contributionStatementUnit(kk: store.AubQ, actor: Actor, r: store.BulkReportRow, params: EffectiveParameters): Promise<number> {
  const e = await store.getEmployer(kk, actor.institutionId, r.employerId);
  const unit = await store.getUnit(kk, actor.institutionId, r.unitId);
  const rep = await store.currentReport(kk, actor.institutionId, r.unitId, r.quarter);
  if (!e || !unit || !rep) return 0;
  const c = unitQuarterContribution(toAtpReport(rep), { employer: store.employerModel(e), unit: toUnit(unit), exemptTrainees: await exemptionsOf(kk, actor.institutionId, e.id), parameters: params });
  return c.value?.contributionOere ?? 0;
}

// ---------------------------------------------------------------------------------------------------------- educations

export interface EducationInput {
  code: string;
  name: string;
  law20Stk4Nr: number;
  normalDurationMonths: number;
  listedFrom?: string | null | undefined;
  listedTo?: string | null | undefined;
}

export async function listEducations(db: Db, actor: Actor): Promise<ExemptEducation[]> {
  return store.listEducations(k(db), actor.institutionId);
}

/** Adds an education from the list at virk.dk/aub (§ 4, stk. 1). */
export async function addEducation(db: Db, actor: Actor, input: EducationInput): Promise<ExemptEducation[]> {
  requireRole(actor, WRITE_ROLES);
  const out: Finding[] = [];
  if (input.code.trim() === "") out.push(inputFinding("code-missing", "code", null, "The education needs a code.", "Uddannelsen skal have en kode."));
  if (input.name.trim() === "") out.push(inputFinding("name-missing", "name", null, "The education needs a name.", "Uddannelsen skal have et navn."));
  const from = checkDate(input.listedFrom, "listedFrom", false, out);
  const to = checkDate(input.listedTo, "listedTo", false, out);
  const existing = await store.listEducations(k(db), actor.institutionId);
  if (existing.some((e) => e.code === input.code.trim())) out.push(inputFinding("code-exists", "code", input.code, `Education ${input.code} is already on the list.`, `Uddannelse ${input.code} er allerede på listen.`));
  if (out.length > 0) throw refuse(out, "the education was not saved");
  const origin: ExemptEducation["origin"] = { kind: "list" };
  if (from) origin.listedFrom = from;
  if (to) origin.listedTo = to;
  await k(db)
    .transaction()
    .execute(async (tx) => {
      await store.insertEducation(tx, actor.institutionId, { code: input.code.trim(), name: input.name.trim(), law20Stk4Nr: input.law20Stk4Nr, normalDurationMonths: input.normalDurationMonths, origin }, by(actor));
      await audit(auditTx(tx), actor, { action: "aub.education.add", entity: "aub_education", entityId: input.code, detail: { name: input.name, law20Stk4Nr: input.law20Stk4Nr } });
    });
  return listEducations(db, actor);
}

export interface ApplicationInput {
  educationName: string;
  content?: string | null | undefined;
  legalBasis?: string | null | undefined;
  otherFacts?: string | null | undefined;
  law20Stk4Nr?: number | null | undefined;
  normalDurationMonths?: number | null | undefined;
  receivedOn: string;
}

export interface ApplicationDetail extends store.StoredApplication {
  findings: Finding[];
  effectiveFrom: string | null;
  /** After an approval (§ 4, stk. 3): the agreements naming the education that were re-evaluated, with the recalculations. */
  rechecked?: RecheckedAgreement[];
  /** The quarters recalculated because of the approval (§ 3, stk. 2): new charges with the difference. */
  recalculated?: (Recalculation & { employerId: string })[];
}

/** An agreement re-evaluated because an education it names was approved: its exemption before and after. */
export interface RecheckedAgreement {
  agreementId: string;
  /** The new version recorded (the notification is unchanged; its findings and exemption are not). */
  version: number;
  before: { exemptFrom: string | null; exemptTo: string | null; errors: number };
  after: { exemptFrom: string | null; exemptTo: string | null; errors: number };
}

function applicationDetail(a: store.StoredApplication): ApplicationDetail {
  const model = {
    id: a.id,
    educationName: a.educationName,
    receivedOn: a.receivedOn,
    ...(a.content ? { content: a.content } : {}),
    ...(a.legalBasis ? { legalBasis: a.legalBasis } : {}),
    ...(a.otherFacts ? { otherFacts: a.otherFacts } : {}),
    ...(a.law20Stk4Nr !== null ? { law20Stk4Nr: a.law20Stk4Nr } : {}),
    ...(a.decision ? { decision: { approved: a.decision.approved, decidedOn: a.decision.decidedOn } } : {}),
  };
  const findings = educationApplicationFindings(model);
  const eff = a.decision?.approved ? formatQuarter(quarterOf(a.decision.decidedOn)) : null;
  if (eff)
    findings.push(aubFinding("education-application.effective-from", "info", "§ 4, stk. 3", `Approved on ${a.decision!.decidedOn}: exemption from ${eff}.`, `Godkendt den ${a.decision!.decidedOn}: bidragsfritagelse fra ${eff}.`, "decision", a.decision!.decidedOn));
  return { ...a, findings, effectiveFrom: eff };
}

export async function listApplications(db: Db, actor: Actor): Promise<ApplicationDetail[]> {
  return (await store.listApplications(k(db), actor.institutionId)).map(applicationDetail);
}

/** An application to have an education approved as exempt (§ 4, stk. 2); saved with its findings. */
export async function createApplication(db: Db, actor: Actor, input: ApplicationInput): Promise<ApplicationDetail> {
  requireRole(actor, WRITE_ROLES);
  const out: Finding[] = [];
  const received = checkDate(input.receivedOn, "receivedOn", true, out);
  if (input.educationName.trim() === "") out.push(inputFinding("name-missing", "educationName", null, "The application must name the education.", "Ansøgningen skal angive uddannelsens navn."));
  if (out.length > 0 || !received) throw refuse(out, "the application was not saved");
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const newId = await store.insertApplication(
        tx,
        actor.institutionId,
        { educationName: input.educationName.trim(), content: input.content ?? null, legalBasis: input.legalBasis ?? null, otherFacts: input.otherFacts ?? null, law20Stk4Nr: input.law20Stk4Nr ?? null, normalDurationMonths: input.normalDurationMonths ?? null, receivedOn: received },
        by(actor),
      );
      await audit(auditTx(tx), actor, { action: "aub.education-application.create", entity: "aub_education_application", entityId: newId, detail: { educationName: input.educationName } });
      return newId;
    });
  return (await store.listApplications(k(db), actor.institutionId, id)).map(applicationDetail)[0]!;
}

/**
 * AUB's decision on an application (§ 4, stk. 3): an approval adds the education to the exempt educations with effect
 * from the quarter of `decidedOn`. Refused while the application lacks what § 4, stk. 2 requires, or when decided.
 */
export async function decideApplication(db: Db, actor: Actor, id: string, input: { approved: boolean; decidedOn: string; code?: string | null | undefined; normalDurationMonths?: number | null | undefined; law20Stk4Nr?: number | null | undefined }): Promise<ApplicationDetail> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  const a = (await store.listApplications(kk, actor.institutionId, id))[0];
  if (!a) throw notFound("application");
  const out: Finding[] = [];
  const decided = checkDate(input.decidedOn, "decidedOn", true, out);
  if (a.decision) out.push(inputFinding("already-decided", "decision", a.decision.decidedOn, `The application was decided on ${a.decision.decidedOn}.`, `Ansøgningen blev afgjort den ${a.decision.decidedOn}.`));
  const code = (input.code ?? "").trim();
  const nr = input.law20Stk4Nr ?? a.law20Stk4Nr;
  const months = input.normalDurationMonths ?? a.normalDurationMonths;
  if (input.approved) {
    out.push(...applicationDetail(a).findings.filter((f) => f.severity === "error"));
    if (code === "") out.push(inputFinding("code-missing", "code", null, "An approved education needs a code.", "En godkendt uddannelse skal have en kode."));
    if (!nr) out.push(aubFinding("education-application.law-ref-missing", "error", "§ 4, stk. 2", "Only educations covered by § 20, stk. 4, of lov om AUB can be approved: state the number.", "Kun uddannelser omfattet af § 20, stk. 4, i lov om AUB kan godkendes: angiv nummeret.", "law20Stk4Nr", null));
    if (!months || months < 1) out.push(inputFinding("duration-missing", "normalDurationMonths", months ?? null, "The normal duration in months is needed (§ 6, stk. 1).", "Den normale uddannelsestid i måneder skal oplyses (§ 6, stk. 1)."));
    if (code !== "" && (await store.listEducations(kk, actor.institutionId)).some((e) => e.code === code)) out.push(inputFinding("code-exists", "code", code, `Education ${code} already exists.`, `Uddannelse ${code} findes allerede.`));
  }
  if (out.length > 0 || !decided) throw refuse(out, "the decision was not saved");
  const { rechecked, recalculated } = await kk.transaction().execute(async (tx) => {
    await store.insertDecision(tx, actor.institutionId, id, input.approved, decided, input.approved ? code : null, by(actor));
    if (input.approved) await store.insertEducation(tx, actor.institutionId, { code, name: a.educationName, law20Stk4Nr: nr!, normalDurationMonths: months!, origin: { kind: "approved", approvedOn: decided, applicationId: id } }, by(actor));
    await audit(auditTx(tx), actor, { action: "aub.education-application.decide", entity: "aub_education_application", entityId: id, detail: { approved: input.approved, decidedOn: decided, code } });
    return input.approved ? recheckAgreements(tx, actor, { code, name: a.educationName }, `education ${code} approved on ${decided} (§ 4, stk. 3)`) : { rechecked: [], recalculated: [] };
  });
  return { ...(await store.listApplications(kk, actor.institutionId, id)).map(applicationDetail)[0]!, rechecked, recalculated };
}

/**
 * § 4, stk. 3 with § 3, stk. 2: an approved education gives exemption "fra det kvartal, hvor [AUB] godkender
 * uddannelsen", so the agreements already notified for it (saved with `aub.notification.education-not-exempt`) are
 * evaluated again. Where the findings or the exemption change, a new agreement version records it (the notification
 * itself is unchanged; the version claims the optimistic lock, so a form open on the old version gets 409), and the
 * employers' quarters already charged are recalculated from the effective quarter: new charges with the difference,
 * never an overwrite. Runs in the caller's transaction (the approval and its consequences are one change).
 */
async function recheckAgreements(tx: store.AubTx, actor: Actor, education: { code: string; name: string }, reason: string): Promise<{ rechecked: RecheckedAgreement[]; recalculated: (Recalculation & { employerId: string })[] }> {
  const out: RecheckedAgreement[] = [];
  const employers = new Set<string>();
  for (const a of await store.listAgreements(tx, actor.institutionId)) {
    if (!notificationNames(a.notification, education)) continue;
    const ev = await evaluateAgreement(tx, actor.institutionId, a.notification, a.id);
    const data = agreementData(a.notification, ev);
    if (data.exemptFrom === a.exemptFrom && data.exemptTo === a.exemptTo && data.errors === a.errors && data.warnings === a.warnings) continue;
    const claim = await store.claimNext(tx, "aub_agreement", actor.institutionId, a.id, a.version);
    if (!claim.ok) throw claim.why === "missing" ? notFound("agreement") : stale("agreement", claim.current, a.version);
    await store.insertAgreementVersion(tx, actor.institutionId, a.id, claim.version, data, by(actor), reason);
    await audit(auditTx(tx), actor, { action: "aub.agreement.recheck", entity: "aub_agreement", entityId: a.id, detail: { version: claim.version, reason, errors: data.errors, exemptFrom: data.exemptFrom, exemptTo: data.exemptTo } });
    for (const e of [a.employerId, data.employerId]) if (e !== null) employers.add(e);
    out.push({ agreementId: a.id, version: claim.version, before: { exemptFrom: a.exemptFrom, exemptTo: a.exemptTo, errors: a.errors }, after: { exemptFrom: data.exemptFrom, exemptTo: data.exemptTo, errors: data.errors } });
  }
  const recalculated: (Recalculation & { employerId: string })[] = [];
  for (const e of employers) for (const r of await recalcEmployer(tx, actor, e, "education-approved")) recalculated.push({ ...r, employerId: e });
  return { rechecked: out, recalculated };
}

// ---------------------------------------------------------------------------------------------------------- agreements

/** The notification as sent (every field may be missing: § 5 says which must be there). */
export interface AgreementInput {
  notifiedOn: string;
  employerCvr?: string | null | undefined;
  employerSe?: string | null | undefined;
  traineeName?: string | null | undefined;
  traineeCpr?: string | null | undefined;
  educationCode?: string | null | undefined;
  educationName?: string | null | undefined;
  paidHoursPerWeek?: number | null | undefined;
  probation?: Length | null | undefined;
  underEudLaw: boolean;
  employerSector: EmployerSector;
  civilServantOnProbation: boolean;
  attachment: NotificationAttachment;
  signedByBoth?: boolean | null | undefined;
  agreementStart?: string | null | undefined;
  agreementEnd?: string | null | undefined;
  terminatedOn?: string | null | undefined;
}

export const AGREEMENT_FIELDS = [
  "notifiedOn",
  "employerCvr",
  "employerSe",
  "traineeName",
  "traineeCpr",
  "educationCode",
  "educationName",
  "paidHoursPerWeek",
  "probation",
  "underEudLaw",
  "employerSector",
  "civilServantOnProbation",
  "attachment",
  "signedByBoth",
  "agreementStart",
  "agreementEnd",
  "terminatedOn",
] as const satisfies readonly (keyof AgreementInput)[];

export interface AgreementDetail {
  id: string;
  version: number;
  notification: Omit<AgreementNotification, "id"> & { traineeCprMasked: string | null };
  employer: { id: string; cvr: string; name: string } | null;
  findings: Finding[];
  exemption: { from: string; to: string; fromQuarter: string; toQuarter: string } | null;
  history: Awaited<ReturnType<typeof store.agreementHistory>>;
  recalculated?: Recalculation[];
}

function toNotification(input: AgreementInput, out: Finding[]): Omit<AgreementNotification, "id"> {
  const n: Omit<AgreementNotification, "id"> = {
    notifiedOn: checkDate(input.notifiedOn, "notifiedOn", true, out) ?? input.notifiedOn,
    underEudLaw: input.underEudLaw,
    employerSector: input.employerSector,
    civilServantOnProbation: input.civilServantOnProbation,
    attachment: input.attachment,
  };
  const str = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === "" ? undefined : v.trim());
  const set = <K extends keyof typeof n>(key: K, v: (typeof n)[K] | undefined) => {
    if (v !== undefined) n[key] = v;
  };
  set("employerCvr", str(input.employerCvr));
  set("employerSe", str(input.employerSe));
  set("traineeName", str(input.traineeName));
  set("traineeCpr", str(input.traineeCpr));
  set("educationCode", str(input.educationCode));
  set("educationName", str(input.educationName));
  set("paidHoursPerWeek", input.paidHoursPerWeek ?? undefined);
  set("probation", input.probation ?? undefined);
  set("signedByBoth", input.signedByBoth ?? undefined);
  set("agreementStart", checkDate(input.agreementStart, "agreementStart", false, out));
  set("agreementEnd", checkDate(input.agreementEnd, "agreementEnd", false, out));
  set("terminatedOn", checkDate(input.terminatedOn, "terminatedOn", false, out));
  return n;
}

async function evaluateAgreement(q: store.AubQ, institutionId: string, n: Omit<AgreementNotification, "id">, id: string) {
  const educations = await store.listEducations(q, institutionId);
  const d = apprenticeExemption({ ...n, id }, educations, { asOf: n.notifiedOn });
  let employer: store.StoredEmployer | undefined;
  const cvr = n.employerCvr ? parseCvr(n.employerCvr).value : null;
  const se = n.employerSe ? parseSe(n.employerSe).value : null;
  if (cvr) employer = await store.getEmployerByCvr(q, institutionId, cvr);
  if (!employer && se) {
    const u = await store.unitBySe(q, institutionId, se);
    if (u) employer = await store.getEmployer(q, institutionId, u.employerId);
  }
  const findings = [...d.because];
  if (!employer && (cvr || se))
    findings.push(aubFinding("notification.employer-unknown", "warning", "§ 5, stk. 1", "The notified CVR/SE number is not a registered employer; the exemption cannot reduce any contribution until it is.", "Det anmeldte CVR-/SE-nummer er ikke en registreret arbejdsgiver; fritagelsen kan ikke nedsætte noget bidrag, før den er.", "employerCvr", cvr ?? se));
  const cpr = n.traineeCpr ? parseCpr(n.traineeCpr).value : null;
  return { decision: d, employer, findings, cpr };
}

async function agreementDetail(q: store.AubQ, actor: Actor, id: string): Promise<AgreementDetail> {
  const a = await store.getAgreement(q, actor.institutionId, id);
  if (!a) throw notFound("agreement");
  const ev = await evaluateAgreement(q, actor.institutionId, a.notification, a.id);
  const full = canSeeCpr(actor);
  const cpr = a.notification.traineeCpr ?? null;
  const notification = { ...a.notification, traineeCprMasked: cpr ? maskCpr(cpr) : null };
  if (!full && cpr) notification.traineeCpr = maskCpr(cpr);
  const x = ev.decision.value;
  return {
    id: a.id,
    version: a.version,
    notification,
    employer: ev.employer ? { id: ev.employer.id, cvr: ev.employer.cvr, name: ev.employer.name } : null,
    findings: ev.findings,
    exemption: x ? { from: x.from, to: x.to, fromQuarter: formatQuarter(x.fromQuarter), toQuarter: formatQuarter(x.toQuarter) } : null,
    history: await store.agreementHistory(q, actor.institutionId, id),
  };
}

export async function getAgreement(db: Db, actor: Actor, id: string): Promise<AgreementDetail> {
  return agreementDetail(k(db), actor, id);
}

export async function listAgreements(db: Db, actor: Actor, opts: { employerId?: string | undefined } = {}): Promise<{ id: string; version: number; employerId: string | null; traineeName: string | null; traineeCprMasked: string | null; education: string | null; notifiedOn: string; errors: number; warnings: number; exemptFrom: string | null; exemptTo: string | null }[]> {
  const rows = await store.listAgreements(k(db), actor.institutionId, opts);
  return rows.map((a) => ({
    id: a.id,
    version: a.version,
    employerId: a.employerId,
    traineeName: a.notification.traineeName ?? null,
    traineeCprMasked: a.notification.traineeCpr ? maskCpr(a.notification.traineeCpr) : null,
    education: a.notification.educationName ?? a.notification.educationCode ?? null,
    notifiedOn: a.notification.notifiedOn,
    errors: a.errors,
    warnings: a.warnings,
    exemptFrom: a.exemptFrom,
    exemptTo: a.exemptTo,
  }));
}

/** What §§ 5–6 say about a notification, without saving. */
export async function checkAgreement(db: Db, actor: Actor, input: AgreementInput): Promise<{ findings: Finding[]; exemption: AgreementDetail["exemption"] }> {
  const out: Finding[] = [];
  const n = toNotification(input, out);
  if (out.length > 0) return { findings: out, exemption: null };
  const ev = await evaluateAgreement(k(db), actor.institutionId, n, "check");
  const x = ev.decision.value;
  return { findings: ev.findings, exemption: x ? { from: x.from, to: x.to, fromQuarter: formatQuarter(x.fromQuarter), toQuarter: formatQuarter(x.toQuarter) } : null };
}

function agreementData(n: Omit<AgreementNotification, "id">, ev: Awaited<ReturnType<typeof evaluateAgreement>>): store.AgreementData {
  const x = ev.decision.value;
  return {
    notification: n,
    employerId: ev.employer?.id ?? null,
    cpr: ev.cpr,
    exemptFrom: x?.from ?? null,
    exemptTo: x?.to ?? null,
    errors: ev.findings.filter((f) => f.severity === "error").length,
    warnings: ev.findings.filter((f) => f.severity === "warning").length,
  };
}

/**
 * Notifies an education agreement (§ 5). Saved with its findings: an incomplete or failing notification gives no
 * exemption; a complete one gives the exemption § 6 allows, and the employer's quarters already charged are
 * recalculated (§ 3, stk. 2). Only impossible dates are refused (422).
 */
export async function notifyAgreement(db: Db, actor: Actor, input: AgreementInput): Promise<AgreementDetail> {
  requireRole(actor, WRITE_ROLES);
  const out: Finding[] = [];
  const n = toNotification(input, out);
  if (out.length > 0) throw refuse(out, "the notification was not saved");
  const kk = k(db);
  const { id, recalculated } = await kk.transaction().execute(async (tx) => {
    const ev = await evaluateAgreement(tx, actor.institutionId, n, "new");
    const data = agreementData(n, ev);
    const newId = await store.insertAgreement(tx, actor.institutionId, data, by(actor));
    await audit(auditTx(tx), actor, { action: "aub.agreement.notify", entity: "aub_agreement", entityId: newId, detail: { cpr: ev.cpr ? maskCpr(ev.cpr) : null, errors: data.errors, exemptFrom: data.exemptFrom, exemptTo: data.exemptTo } });
    const rec = data.employerId && data.exemptFrom ? await recalcEmployer(tx, actor, data.employerId, "exemption") : [];
    return { id: newId, recalculated: rec };
  });
  return { ...(await agreementDetail(kk, actor, id)), recalculated };
}

/** Completes or corrects a notification: a new version (409 when stale); both employers' quarters are recalculated. */
export async function updateAgreement(db: Db, actor: Actor, id: string, input: AgreementInput & { version: number; reason: string }): Promise<AgreementDetail> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  const before = await store.getAgreement(kk, actor.institutionId, id);
  if (!before) throw notFound("agreement");
  const out: Finding[] = [];
  const n = toNotification(input, out);
  if ((input.reason ?? "").trim() === "") out.push(inputFinding("reason-missing", "reason", null, "A change needs a reason.", "En ændring kræver en begrundelse."));
  if (out.length > 0) throw refuse(out, "the change was not saved");
  const recalculated = await kk.transaction().execute(async (tx) => {
    const claim = await store.claimNext(tx, "aub_agreement", actor.institutionId, id, input.version);
    if (!claim.ok) throw claim.why === "missing" ? notFound("agreement") : stale("agreement", claim.current, input.version);
    const ev = await evaluateAgreement(tx, actor.institutionId, n, id);
    const data = agreementData(n, ev);
    await store.insertAgreementVersion(tx, actor.institutionId, id, claim.version, data, by(actor), input.reason.trim());
    const changed = AGREEMENT_FIELDS.filter((f) => JSON.stringify((before.notification as Record<string, unknown>)[f] ?? null) !== JSON.stringify((n as Record<string, unknown>)[f] ?? null));
    await audit(auditTx(tx), actor, { action: "aub.agreement.update", entity: "aub_agreement", entityId: id, detail: { version: claim.version, reason: input.reason, changed, errors: data.errors, exemptFrom: data.exemptFrom, exemptTo: data.exemptTo } });
    const rec: Recalculation[] = [];
    for (const eid of new Set([before.employerId, data.employerId].filter((x): x is string => x !== null))) rec.push(...(await recalcEmployer(tx, actor, eid, "exemption")));
    return rec;
  });
  return { ...(await agreementDetail(kk, actor, id)), recalculated };
}

// -------------------------------------------------------------------------------------------------------- school weeks

export interface SchoolWeekLineInput {
  cpr?: string | null | undefined;
  education?: string | null | undefined;
  speciality?: string | null | undefined;
  part?: "grundforloeb" | "hovedforloeb" | null | undefined;
  supplementaryStudyPreparatory: boolean;
  weeks: number;
  from: string;
  to: string;
}

export interface SchoolWeekReportInput {
  school: string;
  receivedOn: string;
  lines: SchoolWeekLineInput[];
}

function toLine(school: string, l: SchoolWeekLineInput): SchoolWeekLine {
  const line: SchoolWeekLine = { institutionId: school, supplementaryStudyPreparatory: l.supplementaryStudyPreparatory, weeks: l.weeks, from: l.from, to: l.to };
  if (l.cpr) line.cpr = l.cpr.replace(/[\s-]/g, "");
  if (l.education) line.education = l.education;
  if (l.speciality) line.speciality = l.speciality;
  if (l.part) line.part = l.part;
  return line;
}

/**
 * An institution's report of eligible school weeks (§ 9), all or nothing: every line is checked (§ 7, stk. 1; § 9,
 * stk. 2) and priced (weeks × the weekly rate of its year, § 7, stk. 2); one bad line and nothing is saved (422 with
 * the findings of every bad line, subjects `lines[i].field`, `line` numbers 1-based).
 */
export async function reportSchoolWeeks(db: Db, actor: Actor, input: SchoolWeekReportInput, lineNumbers?: number[]): Promise<{ id: string; lines: number; weeks: number; amountOere: number; findings: Finding[] }> {
  requireRole(actor, WRITE_ROLES);
  const out: Finding[] = [];
  const received = checkDate(input.receivedOn, "receivedOn", true, out);
  if ((input.school ?? "").trim() === "") out.push(inputFinding("school-missing", "school", null, "Name the reporting institution.", "Angiv den indberettende institution."));
  input.lines.forEach((l, i) => {
    checkDate(l.from, `lines[${i}].from`, true, out);
    checkDate(l.to, `lines[${i}].to`, true, out);
  });
  if (input.lines.length === 0) out.push(inputFinding("lines-missing", "lines", 0, "The report has no lines.", "Indberetningen har ingen linjer."));
  const lines = input.lines.map((l) => toLine(input.school.trim(), l));
  const kk = k(db);
  const params = await effectiveParameters(kk, actor.institutionId);
  if (out.length === 0) {
    for (const [i, l] of lines.entries()) out.push(...schoolWeekLineProblems(l, i).filter((f) => f.severity === "error"));
  }
  const relabel = (fs: Finding[]) =>
    lineNumbers ? fs.map((f) => ({ ...f, subject: (f.subject ?? "").replace(/^lines\[(\d+)\]/, (_m, i: string) => `line ${lineNumbers[Number(i)] ?? Number(i) + 1}`) })) : fs;
  if (out.length > 0) throw refuse(relabel(out), "the school-week report was not saved");
  const refund = refundForLines(lines, params.suRates);
  if (refund.value === null) throw refuse(relabel(refund.because.filter((f) => f.severity === "error")), "the school-week report was not saved");
  const r = refund.value;
  const id = await kk.transaction().execute(async (tx) => {
    const newId = await store.insertSchoolWeekReport(tx, actor.institutionId, { school: input.school.trim(), receivedOn: received!, lines, lineCount: lines.length, weeks: r.totalWeeks, amountOere: r.totalOere }, by(actor));
    await audit(auditTx(tx), actor, { action: "aub.school-weeks.report", entity: "aub_school_week_report", entityId: newId, detail: { school: input.school, lines: lines.length, weeks: r.totalWeeks, amountOere: r.totalOere } });
    return newId;
  });
  return { id, lines: lines.length, weeks: r.totalWeeks, amountOere: r.totalOere, findings: refund.because };
}

export interface RefundOverview {
  year: number;
  weeklyRate: { monthlyOere: number; weeklyOere: number; findings: Finding[] } | null;
  quarters: { quarter: string; weeks: number; amountOere: number; prepaidOere: number }[];
  schools: { school: string; weeks: number; amountOere: number }[];
  reports: { id: string; school: string; receivedOn: string; lines: number; weeks: number; amountOere: number }[];
  totalWeeks: number;
  totalOere: number;
  grant: { estimatedGrantOere: number; administrationOere: number } | null;
}

async function linesOfYear(q: store.AubQ, institutionId: string, year: number): Promise<{ lines: SchoolWeekLine[]; reports: store.StoredSchoolWeekReport[] }> {
  const reports = await store.listSchoolWeekReports(q, institutionId);
  const lines = reports.flatMap((r) => r.lines).filter((l) => l.from.slice(0, 4) === String(year));
  return { lines, reports: reports.filter((r) => r.lines.some((l) => l.from.slice(0, 4) === String(year))) };
}

/** The wage refund of a year (§§ 7–9): weeks and amounts per quarter and institution, and the prepayments (§ 8). */
export async function refundOverview(db: Db, actor: Actor, year: number): Promise<RefundOverview> {
  const kk = k(db);
  const params = await effectiveParameters(kk, actor.institutionId);
  const { lines, reports } = await linesOfYear(kk, actor.institutionId, year);
  const rate = weeklyRate(`${year}-01-01`, params.suRates);
  const refund = lines.length > 0 ? refundForLines(lines, params.suRates) : null;
  const prepaid = await store.prepaymentsOf(kk, actor.institutionId, year);
  const quarters = [1, 2, 3, 4].map((n) => {
    const q = `${year}Q${n}`;
    const ls = refund?.value?.lines.filter((l) => formatQuarter(l.quarter) === q) ?? [];
    return { quarter: q, weeks: ls.reduce((s, l) => s + l.weeks, 0), amountOere: ls.reduce((s, l) => s + l.amountOere, 0), prepaidOere: prepaid.find((p) => p.quarter === q)?.amountOere ?? 0 };
  });
  const schools = new Map<string, { weeks: number; amountOere: number }>();
  for (const l of refund?.value?.lines ?? []) {
    const s = schools.get(l.institutionId) ?? { weeks: 0, amountOere: 0 };
    s.weeks += l.weeks;
    s.amountOere += l.amountOere;
    schools.set(l.institutionId, s);
  }
  return {
    year,
    weeklyRate: rate.value ? { monthlyOere: rate.value.monthlyOere, weeklyOere: rate.value.weeklyOere, findings: rate.because } : null,
    quarters,
    schools: [...schools.entries()].map(([school, v]) => ({ school, ...v })).sort((a, b) => a.school.localeCompare(b.school)),
    reports: reports.map((r) => ({ id: r.id, school: r.school, receivedOn: r.receivedOn, lines: r.lineCount, weeks: r.weeks, amountOere: r.amountOere })),
    totalWeeks: refund?.value?.totalWeeks ?? 0,
    totalOere: refund?.value?.totalOere ?? 0,
    grant: (await store.getGrantYear(kk, actor.institutionId, year)) ?? null,
  };
}

/** § 8: the state's quarterly prepayments for a year, from the estimated grant (an input), stored once. */
export async function setPrepayments(db: Db, actor: Actor, input: { year: number; estimatedGrantOere: number; administrationOere: number }): Promise<RefundOverview> {
  requireRole(actor, WRITE_ROLES);
  const out: Finding[] = [];
  if (!Number.isInteger(input.year) || input.year < 2024 || input.year > 2100) out.push(inputFinding("year", "year", input.year, "The year must be 2024 or later (seed 004, § 12).", "Året skal være 2024 eller senere (§ 12)."));
  checkOere(input.estimatedGrantOere, "estimatedGrantOere", "§ 8", out, { en: "the estimated grant", da: "det skønnede tilskud" });
  checkOere(input.administrationOere, "administrationOere", "§ 8", out, { en: "the administration costs", da: "administrationsomkostningerne" });
  const kk = k(db);
  if (out.length === 0 && (await store.getGrantYear(kk, actor.institutionId, input.year)))
    out.push(aubFinding("refund.prepayments-exist", "error", "§ 8", `The prepayments for ${input.year} are already recorded; the difference is settled after the year (slutregulering).`, `Forskudsbetalingerne for ${input.year} er allerede registreret; forskellen reguleres efter årets udgang.`, "year", input.year));
  if (out.length > 0) throw refuse(out, "the prepayments were not saved");
  const p = quarterlyPrepayments(input.year, input.estimatedGrantOere);
  if (!p.value) throw refuse(p.because, "the prepayments were not saved");
  await kk.transaction().execute(async (tx) => {
    await store.insertGrantYear(tx, actor.institutionId, input.year, input.estimatedGrantOere, input.administrationOere, p.value!.map((x) => ({ quarter: formatQuarter(x.quarter), amountOere: x.amountOere })), by(actor));
    await audit(auditTx(tx), actor, { action: "aub.grant.prepayments", entity: "aub_grant_year", entityId: String(input.year), detail: { ...input } });
  });
  return refundOverview(db, actor, input.year);
}

/** § 8: the year-end settlement (slutregulering) from the year's school weeks and prepayments. */
export async function settlement(db: Db, actor: Actor, year: number): Promise<{ settlement: YearEndSettlement | null; findings: Finding[] }> {
  const kk = k(db);
  const params = await effectiveParameters(kk, actor.institutionId);
  const { lines } = await linesOfYear(kk, actor.institutionId, year);
  const prepaid = await store.prepaymentsOf(kk, actor.institutionId, year);
  const grant = await store.getGrantYear(kk, actor.institutionId, year);
  const d = yearEndSettlement({
    year,
    lines,
    prepayments: prepaid.map((p) => ({ quarter: parseQuarter(p.quarter)!, amountOere: p.amountOere })),
    administrationOere: grant?.administrationOere ?? 0,
    suRates: params.suRates,
  });
  const findings = [...d.because];
  if (!grant) findings.push(aubFinding("settlement.no-grant-year", "warning", "§ 8", `No prepayments or administration costs are recorded for ${year}; administration counts as 0.`, `Der er ikke registreret forskud eller administrationsomkostninger for ${year}; administration regnes som 0.`, "year", year));
  return { settlement: d.value, findings };
}

/** § 11: checks (and records) the auditor's attested number of school weeks against the reported weeks. */
export async function attest(db: Db, actor: Actor, input: { school: string; year: number; attestedWeeks: number }): Promise<{ reportedWeeks: number; attestedWeeks: number; differenceWeeks: number; findings: Finding[] }> {
  requireRole(actor, WRITE_ROLES);
  const out: Finding[] = [];
  if (!Number.isInteger(input.attestedWeeks) || input.attestedWeeks < 0) out.push(inputFinding("weeks", "attestedWeeks", input.attestedWeeks, "A whole, non-negative number of weeks.", "Et helt, ikke-negativt antal uger."));
  if (out.length > 0) throw refuse(out, "the attestation was not saved");
  const kk = k(db);
  const { lines } = await linesOfYear(kk, actor.institutionId, input.year);
  const d = checkAttestation(lines, { institutionId: input.school, year: input.year, attestedWeeks: input.attestedWeeks });
  await kk.transaction().execute(async (tx) => {
    const id = await store.insertAttestation(tx, actor.institutionId, { school: input.school, year: input.year, attestedWeeks: input.attestedWeeks, reportedWeeks: d.value.reportedWeeks }, by(actor));
    await audit(auditTx(tx), actor, { action: "aub.attestation.record", entity: "aub_attestation", entityId: id, detail: { ...input, reportedWeeks: d.value.reportedWeeks } });
  });
  return { ...d.value, findings: d.because };
}

/** The lines of a year for one school (the management and auditor statement, § 11). */
export async function schoolWeekLines(db: Db, actor: Actor, year: number, school?: string): Promise<SchoolWeekLine[]> {
  const { lines } = await linesOfYear(k(db), actor.institutionId, year);
  return school ? lines.filter((l) => l.institutionId === school) : lines;
}

/** Audits a document download (every export is audited). */
export async function auditExport(db: Db, actor: Actor, what: string, detail: Record<string, unknown>): Promise<void> {
  await k(db)
    .transaction()
    .execute((tx) => audit(auditTx(tx), actor, { action: `aub.export.${what}`, entity: "aub_document", detail }));
}
