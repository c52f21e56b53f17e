/**
 * AUB store: SQL only. Every function takes the institution id it is scoped by (the service passes
 * `actor.institutionId`, never a value from the request). No rules here: the service decides and explains.
 * History is never overwritten: employers, ATP reports and agreements get new versions; charges, units, educations,
 * parameters and school-week reports are append-only (database triggers refuse UPDATE and DELETE).
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import type { AgreementNotification, Employer, ExemptEducation, ExemptionCategory, SchoolWeekLine, UnitQuarterContribution } from "./model.ts";
import type { AubTables, StoredReligiousApplication } from "./schema.ts";
import { type Claim, claimNextVersion, isUuid } from "../../platform/db/versioned.ts";
export { isUuid };

export type AubKysely = Kysely<PlatformTables & AubTables>;
export type AubTx = Transaction<PlatformTables & AubTables>;
export type AubQ = AubKysely | AubTx;

export function aubKysely(db: Db): AubKysely {
  return db.kysely.withTables<AubTables>() as unknown as AubKysely;
}

export interface Recorder {
  label: string;
  userId: string | null;
}

const num = (x: string | number | null | undefined): number => Number(x ?? 0);
const iso = (d: Date | string): string => new Date(d).toISOString();

// ------------------------------------------------------------------------------------------------------- parameters

export type ParameterKind = "contribution-rate" | "full-quarter-atp" | "su-rate";

export interface StoredParameter {
  id: string;
  kind: ParameterKind;
  validFrom: string;
  validTo: string;
  /** øre: per year for the contribution rate, per quarter for the ATP amount, per month for the SU rate. */
  valueOere: number;
  perQuarterPublishedOere?: number;
  source: string;
  factsRow: string | null;
  sureness: "certain" | "good" | "medium" | "low";
  secondary: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string;
  /** The added row this one corrects (5002), with the reason; null for a plain addition. */
  supersedes: string | null;
  reason: string | null;
  /** The row that corrected this one, if any: a superseded row no longer counts. */
  supersededBy: string | null;
}

/** Every row the institution's administrators added, superseded ones included (marked by `supersededBy`). */
export async function listParameters(k: AubQ, institutionId: string): Promise<StoredParameter[]> {
  const rows = await k.selectFrom("aub_parameter").selectAll().where("institution_id", "=", institutionId).orderBy("kind").orderBy("valid_from").orderBy("created_at").execute();
  const out = rows.map((r) => {
    const p: StoredParameter = {
      id: r.id,
      kind: r.kind,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      valueOere: r.value.oere,
      source: r.source,
      factsRow: r.facts_row,
      sureness: r.sureness,
      secondary: r.secondary,
      note: r.note,
      createdAt: iso(r.created_at),
      createdBy: r.created_by,
      supersedes: r.supersedes ?? null,
      reason: r.reason ?? null,
      supersededBy: null,
    };
    if (r.value.perQuarterPublishedOere !== undefined) p.perQuarterPublishedOere = r.value.perQuarterPublishedOere;
    return p;
  });
  for (const p of out) if (p.supersedes !== null) for (const q of out) if (q.id === p.supersedes) q.supersededBy = p.id;
  return out;
}

export async function getParameter(k: AubQ, institutionId: string, id: string): Promise<StoredParameter | undefined> {
  if (!isUuid(id)) return undefined;
  return (await listParameters(k, institutionId)).find((p) => p.id === id);
}

export async function insertParameter(
  tx: AubQ,
  institutionId: string,
  p: Omit<StoredParameter, "id" | "createdAt" | "createdBy" | "supersedes" | "reason" | "supersededBy"> & { supersedes?: string | null; reason?: string | null },
  by: Recorder,
): Promise<string> {
  const id = crypto.randomUUID();
  const value: { oere: number; perQuarterPublishedOere?: number } = { oere: p.valueOere };
  if (p.perQuarterPublishedOere !== undefined) value.perQuarterPublishedOere = p.perQuarterPublishedOere;
  await tx
    .insertInto("aub_parameter")
    .values({
      id,
      institution_id: institutionId,
      kind: p.kind,
      valid_from: p.validFrom,
      valid_to: p.validTo,
      value: JSON.stringify(value),
      source: p.source,
      facts_row: p.factsRow,
      sureness: p.sureness,
      secondary: p.secondary,
      note: p.note,
      created_by: by.label,
      supersedes: p.supersedes ?? null,
      reason: p.reason ?? null,
    })
    .execute();
  return id;
}

/**
 * Locks an added parameter row for the rest of the transaction (SELECT … FOR UPDATE: no row is changed, the
 * append-only trigger is not involved), so two corrections of one row run one after the other and the second sees the
 * first (→ 409 in the service) instead of failing on the unique index.
 */
export async function lockParameter(tx: AubTx, institutionId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const r = await sql<{ id: string }>`select id from aub_parameter where id = ${id} and institution_id = ${institutionId} for update`.execute(tx);
  return r.rows.length === 1;
}

/** Employers with a current ATP report in one of `quarters` (those a corrected parameter row may change). One query. */
export async function employersWithReportsIn(k: AubQ, institutionId: string, quarters: string[]): Promise<string[]> {
  if (quarters.length === 0) return [];
  const r = await sql<{ employer_id: string }>`
    select distinct employer_id from aub_atp_report
     where institution_id = ${institutionId} and is_current and quarter = any(${quarters}::text[])
     order by employer_id
  `.execute(k);
  return r.rows.map((x) => x.employer_id);
}

/** Quarters of `quarters` in which some unit has a charge (an amount already charged). */
export async function chargedQuarters(k: AubQ, institutionId: string, quarters: string[]): Promise<string[]> {
  if (quarters.length === 0) return [];
  const r = await sql<{ quarter: string }>`
    select distinct quarter from aub_charge where institution_id = ${institutionId} and quarter = any(${quarters}::text[]) order by quarter
  `.execute(k);
  return r.rows.map((x) => x.quarter);
}

// -------------------------------------------------------------------------------------------------------- employers

export interface EmployerData {
  name: string;
  atpCovered: boolean;
  category: ExemptionCategory | null;
  hasPostedStaff: boolean | null;
  religiousApplications: StoredReligiousApplication[];
}

export interface StoredEmployer extends EmployerData {
  id: string;
  cvr: string;
  version: number;
}

export async function insertEmployer(tx: AubQ, institutionId: string, cvr: string, d: EmployerData, by: Recorder, reason: string | null): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("aub_employer").values({ id, institution_id: institutionId, cvr, version: 1, created_by: by.label }).execute();
  await tx.insertInto("aub_employer_version").values(employerVersion(id, institutionId, 1, d, by, reason)).execute();
  return id;
}

function employerVersion(id: string, institutionId: string, version: number, d: EmployerData, by: Recorder, reason: string | null) {
  return {
    employer_id: id,
    version,
    institution_id: institutionId,
    is_current: true,
    name: d.name,
    atp_covered: d.atpCovered,
    category: d.category,
    has_posted_staff: d.hasPostedStaff,
    religious_applications: JSON.stringify(d.religiousApplications),
    recorded_by: by.label,
    reason,
  };
}

/** Optimistic lock on a head row: the next version when `expected` is current, else "missing" or "stale". */
export const claimNext = (tx: AubTx, table: "aub_employer" | "aub_agreement", institutionId: string, id: string, expected: number): Promise<Claim> =>
  claimNextVersion(tx, table, institutionId, id, expected);

export async function insertEmployerVersion(tx: AubTx, institutionId: string, id: string, version: number, d: EmployerData, by: Recorder, reason: string): Promise<void> {
  await tx
    .updateTable("aub_employer_version")
    .set({ is_current: false, superseded_at: sql<Date>`now()`, superseded_by: by.label })
    .where("employer_id", "=", id)
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .execute();
  await tx.insertInto("aub_employer_version").values(employerVersion(id, institutionId, version, d, by, reason)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a joined employer row
function toEmployer(r: any): StoredEmployer {
  return {
    id: r.id,
    cvr: r.cvr,
    version: r.version,
    name: r.name,
    atpCovered: r.atp_covered,
    category: r.category,
    hasPostedStaff: r.has_posted_staff,
    religiousApplications: r.religious_applications ?? [],
  };
}

function employerQuery(k: AubQ, institutionId: string) {
  return k
    .selectFrom("aub_employer as e")
    .innerJoin("aub_employer_version as v", (j) => j.onRef("v.employer_id", "=", "e.id").on("v.is_current", "=", true))
    .select(["e.id", "e.cvr", "v.version", "v.name", "v.atp_covered", "v.category", "v.has_posted_staff", "v.religious_applications"])
    .where("e.institution_id", "=", institutionId);
}

export async function getEmployer(k: AubQ, institutionId: string, id: string): Promise<StoredEmployer | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await employerQuery(k, institutionId).where("e.id", "=", id).executeTakeFirst();
  return r ? toEmployer(r) : undefined;
}

export async function getEmployerByCvr(k: AubQ, institutionId: string, cvr: string): Promise<StoredEmployer | undefined> {
  const r = await employerQuery(k, institutionId).where("e.cvr", "=", cvr).executeTakeFirst();
  return r ? toEmployer(r) : undefined;
}

export async function listEmployers(k: AubQ, institutionId: string, f: { q?: string | undefined; limit: number; offset: number }): Promise<{ rows: StoredEmployer[]; total: number }> {
  let q = employerQuery(k, institutionId);
  if (f.q && f.q.trim() !== "") {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb("v.name", "ilike", like), eb("e.cvr", "like", like)]));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const rows = await q.orderBy("v.name").orderBy("e.id").limit(f.limit).offset(f.offset).execute();
  return { rows: rows.map(toEmployer), total: Number(total.n) };
}

export async function employerHistory(k: AubQ, institutionId: string, id: string): Promise<{ version: number; recordedAt: string; recordedBy: string; reason: string | null; name: string; category: string | null }[]> {
  const rows = await k
    .selectFrom("aub_employer_version")
    .select(["version", "recorded_at", "recorded_by", "reason", "name", "category"])
    .where("employer_id", "=", id)
    .where("institution_id", "=", institutionId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({ version: r.version, recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by, reason: r.reason, name: r.name, category: r.category }));
}

/** The pure model's Employer from a stored one. */
export function employerModel(e: StoredEmployer): Employer {
  const m: Employer = { id: e.id, name: e.name, cvr: e.cvr as Employer["cvr"], atpCovered: e.atpCovered };
  if (e.category !== null) m.category = e.category;
  if (e.hasPostedStaff !== null) m.hasPostedStaff = e.hasPostedStaff;
  if (e.religiousApplications.length > 0) m.religiousApplications = e.religiousApplications;
  return m;
}

// ------------------------------------------------------------------------------------------------------------ units

export interface StoredUnit {
  id: string;
  employerId: string;
  se: string;
  name: string | null;
}

export async function insertUnit(tx: AubQ, institutionId: string, employerId: string, se: string, name: string | null, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("aub_unit").values({ id, institution_id: institutionId, employer_id: employerId, se, name, created_by: by.label }).execute();
  return id;
}

export async function unitsOf(k: AubQ, institutionId: string, employerId: string): Promise<StoredUnit[]> {
  const rows = await k.selectFrom("aub_unit").select(["id", "employer_id", "se", "name"]).where("institution_id", "=", institutionId).where("employer_id", "=", employerId).orderBy("se").execute();
  return rows.map((r) => ({ id: r.id, employerId: r.employer_id, se: r.se, name: r.name }));
}

export async function unitBySe(k: AubQ, institutionId: string, se: string): Promise<StoredUnit | undefined> {
  const r = await k.selectFrom("aub_unit").select(["id", "employer_id", "se", "name"]).where("institution_id", "=", institutionId).where("se", "=", se).executeTakeFirst();
  return r ? { id: r.id, employerId: r.employer_id, se: r.se, name: r.name } : undefined;
}

export async function getUnit(k: AubQ, institutionId: string, id: string): Promise<StoredUnit | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await k.selectFrom("aub_unit").select(["id", "employer_id", "se", "name"]).where("institution_id", "=", institutionId).where("id", "=", id).executeTakeFirst();
  return r ? { id: r.id, employerId: r.employer_id, se: r.se, name: r.name } : undefined;
}

// ------------------------------------------------------------------------------------------------------ ATP reports

export interface StoredAtpReport {
  id: string;
  unitId: string;
  employerId: string;
  quarter: string;
  version: number;
  isCurrent: boolean;
  receivedOn: string;
  totalOere: number;
  persons: { cpr: string; amountOere: number }[];
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected report row
function toReport(r: any): StoredAtpReport {
  return {
    id: r.id,
    unitId: r.unit_id,
    employerId: r.employer_id,
    quarter: r.quarter,
    version: r.version,
    isCurrent: r.is_current,
    receivedOn: r.received_on,
    totalOere: num(r.total_oere),
    persons: r.persons ?? [],
    recordedAt: iso(r.recorded_at),
    recordedBy: r.recorded_by,
    reason: r.reason,
  };
}

export async function currentReport(k: AubQ, institutionId: string, unitId: string, quarter: string): Promise<StoredAtpReport | undefined> {
  const r = await k
    .selectFrom("aub_atp_report")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .where("unit_id", "=", unitId)
    .where("quarter", "=", quarter)
    .where("is_current", "=", true)
    .executeTakeFirst();
  return r ? toReport(r) : undefined;
}

export interface NewReport {
  unitId: string;
  employerId: string;
  quarter: string;
  version: number;
  receivedOn: string;
  totalOere: number;
  persons: { cpr: string; amountOere: number }[];
  reason: string | null;
}

/** Inserts a report version; a version above 1 first marks the current one superseded (never overwritten). */
export async function insertReport(tx: AubQ, institutionId: string, r: NewReport, by: Recorder): Promise<string> {
  if (r.version > 1)
    await tx
      .updateTable("aub_atp_report")
      .set({ is_current: false, superseded_at: sql<Date>`now()`, superseded_by: by.label })
      .where("institution_id", "=", institutionId)
      .where("unit_id", "=", r.unitId)
      .where("quarter", "=", r.quarter)
      .where("is_current", "=", true)
      .execute();
  const id = crypto.randomUUID();
  await tx
    .insertInto("aub_atp_report")
    .values({
      id,
      institution_id: institutionId,
      unit_id: r.unitId,
      employer_id: r.employerId,
      quarter: r.quarter,
      version: r.version,
      is_current: true,
      received_on: r.receivedOn,
      total_oere: r.totalOere,
      persons: JSON.stringify(r.persons),
      recorded_by: by.label,
      reason: r.reason,
    })
    .execute();
  return id;
}

export async function reportsOfEmployer(k: AubQ, institutionId: string, employerId: string, opts: { currentOnly?: boolean; quarter?: string } = {}): Promise<StoredAtpReport[]> {
  let q = k.selectFrom("aub_atp_report").selectAll().where("institution_id", "=", institutionId).where("employer_id", "=", employerId);
  if (opts.currentOnly) q = q.where("is_current", "=", true);
  if (opts.quarter) q = q.where("quarter", "=", opts.quarter);
  const rows = await q.orderBy("quarter").orderBy("unit_id").orderBy("version").execute();
  return rows.map(toReport);
}

// ---------------------------------------------------------------------------------------------------------- charges

export interface StoredCharge {
  unitId: string;
  employerId: string;
  quarter: string;
  seq: number;
  reportVersion: number;
  cause: string;
  contributionOere: number;
  previousOere: number;
  differenceOere: number;
  reportedOere: number;
  exemptTraineeOere: number;
  basisOere: number;
  fullQuarters: number;
  remainderOere: number;
  ratePerQuarterOere: number;
  fullQuarterAtpOere: number;
  employerExempt: boolean;
  chargedAt: string;
  chargedBy: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected charge row
function toCharge(r: any): StoredCharge {
  return {
    unitId: r.unit_id,
    employerId: r.employer_id,
    quarter: r.quarter,
    seq: r.seq,
    reportVersion: r.report_version,
    cause: r.cause,
    contributionOere: num(r.contribution_oere),
    previousOere: num(r.previous_oere),
    differenceOere: num(r.difference_oere),
    reportedOere: num(r.reported_oere),
    exemptTraineeOere: num(r.exempt_trainee_oere),
    basisOere: num(r.basis_oere),
    fullQuarters: r.full_quarters,
    remainderOere: num(r.remainder_oere),
    ratePerQuarterOere: num(r.rate_per_quarter_oere),
    fullQuarterAtpOere: num(r.full_quarter_atp_oere),
    employerExempt: r.employer_exempt,
    chargedAt: iso(r.charged_at),
    chargedBy: r.charged_by,
  };
}

export async function lastCharge(k: AubQ, institutionId: string, unitId: string, quarter: string): Promise<StoredCharge | undefined> {
  const r = await k
    .selectFrom("aub_charge")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .where("unit_id", "=", unitId)
    .where("quarter", "=", quarter)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return r ? toCharge(r) : undefined;
}

/** Appends a charge: the new contribution and the difference to the last one (append-only, seq 1, 2, …). */
export async function appendCharge(tx: AubQ, institutionId: string, c: UnitQuarterContribution, quarter: string, cause: string, by: Recorder): Promise<StoredCharge> {
  const last = await lastCharge(tx, institutionId, c.unitId, quarter);
  const previous = last?.contributionOere ?? 0;
  const seq = (last?.seq ?? 0) + 1;
  await tx
    .insertInto("aub_charge")
    .values({
      id: crypto.randomUUID(),
      institution_id: institutionId,
      unit_id: c.unitId,
      employer_id: c.employerId,
      quarter,
      seq,
      report_version: c.version,
      cause,
      contribution_oere: c.contributionOere,
      previous_oere: previous,
      difference_oere: c.contributionOere - previous,
      reported_oere: c.reportedOere,
      exempt_trainee_oere: c.exemptTraineeOere,
      basis_oere: c.basisOere,
      full_quarters: c.fullQuarters,
      remainder_oere: c.remainderOere,
      rate_per_quarter_oere: c.ratePerQuarterOere,
      full_quarter_atp_oere: c.fullQuarterAtpOere,
      employer_exempt: c.employerExempt,
      charged_by: by.label,
    })
    .execute();
  const out = await lastCharge(tx, institutionId, c.unitId, quarter);
  return out!;
}

export async function chargesOfEmployer(k: AubQ, institutionId: string, employerId: string, quarter?: string): Promise<StoredCharge[]> {
  let q = k.selectFrom("aub_charge").selectAll().where("institution_id", "=", institutionId).where("employer_id", "=", employerId);
  if (quarter) q = q.where("quarter", "=", quarter);
  const rows = await q.orderBy("quarter").orderBy("unit_id").orderBy("seq").execute();
  return rows.map(toCharge);
}

/** Per employer and quarter: the sum of the latest charge of each unit (what is charged now), for the whole institution. */
export async function chargedTotals(k: AubQ, institutionId: string, opts: { quarter?: string; employerId?: string } = {}): Promise<{ employerId: string; quarter: string; chargedOere: number }[]> {
  const r = await sql<{ employer_id: string; quarter: string; charged: string | number }>`
    select employer_id, quarter, sum(contribution_oere) as charged from (
      select distinct on (unit_id, quarter) employer_id, unit_id, quarter, contribution_oere
        from aub_charge
       where institution_id = ${institutionId}
         ${opts.quarter ? sql`and quarter = ${opts.quarter}` : sql``}
         ${opts.employerId ? sql`and employer_id = ${opts.employerId}` : sql``}
       order by unit_id, quarter, seq desc
    ) t group by employer_id, quarter order by quarter, employer_id
  `.execute(k);
  return r.rows.map((x) => ({ employerId: x.employer_id, quarter: x.quarter, chargedOere: num(x.charged) }));
}

// ------------------------------------------------------------------------------------------------------- educations

export async function listEducations(k: AubQ, institutionId: string): Promise<ExemptEducation[]> {
  const rows = await k.selectFrom("aub_education").selectAll().where("institution_id", "=", institutionId).orderBy("code").execute();
  return rows.map((r) => ({ code: r.code, name: r.name, law20Stk4Nr: r.law20_stk4_nr, normalDurationMonths: r.normal_duration_months, origin: r.origin }));
}

export async function insertEducation(tx: AubQ, institutionId: string, e: ExemptEducation, by: Recorder): Promise<void> {
  await tx
    .insertInto("aub_education")
    .values({
      id: crypto.randomUUID(),
      institution_id: institutionId,
      code: e.code,
      name: e.name,
      law20_stk4_nr: e.law20Stk4Nr,
      normal_duration_months: e.normalDurationMonths,
      origin: JSON.stringify(e.origin),
      created_by: by.label,
    })
    .execute();
}

export interface StoredApplication {
  id: string;
  educationName: string;
  content: string | null;
  legalBasis: string | null;
  otherFacts: string | null;
  law20Stk4Nr: number | null;
  normalDurationMonths: number | null;
  receivedOn: string;
  decision: { approved: boolean; decidedOn: string; educationCode: string | null; decidedBy: string } | null;
}

export async function insertApplication(tx: AubQ, institutionId: string, a: Omit<StoredApplication, "id" | "decision">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await tx
    .insertInto("aub_education_application")
    .values({
      id,
      institution_id: institutionId,
      education_name: a.educationName,
      content: a.content,
      legal_basis: a.legalBasis,
      other_facts: a.otherFacts,
      law20_stk4_nr: a.law20Stk4Nr,
      normal_duration_months: a.normalDurationMonths,
      received_on: a.receivedOn,
      created_by: by.label,
    })
    .execute();
  return id;
}

export async function listApplications(k: AubQ, institutionId: string, id?: string): Promise<StoredApplication[]> {
  let q = k
    .selectFrom("aub_education_application as a")
    .leftJoin("aub_education_decision as d", "d.application_id", "a.id")
    .select([
      "a.id",
      "a.education_name",
      "a.content",
      "a.legal_basis",
      "a.other_facts",
      "a.law20_stk4_nr",
      "a.normal_duration_months",
      "a.received_on",
      "d.approved",
      "d.decided_on",
      "d.education_code",
      "d.decided_by",
    ])
    .where("a.institution_id", "=", institutionId);
  if (id !== undefined) {
    if (!isUuid(id)) return [];
    q = q.where("a.id", "=", id);
  }
  const rows = await q.orderBy("a.received_on").orderBy("a.id").execute();
  return rows.map((r) => ({
    id: r.id,
    educationName: r.education_name,
    content: r.content,
    legalBasis: r.legal_basis,
    otherFacts: r.other_facts,
    law20Stk4Nr: r.law20_stk4_nr,
    normalDurationMonths: r.normal_duration_months,
    receivedOn: r.received_on,
    decision:
      r.approved === null || r.approved === undefined
        ? null
        : { approved: r.approved, decidedOn: r.decided_on as string, educationCode: r.education_code ?? null, decidedBy: r.decided_by as string },
  }));
}

export async function insertDecision(tx: AubQ, institutionId: string, applicationId: string, approved: boolean, decidedOn: string, educationCode: string | null, by: Recorder): Promise<void> {
  await tx
    .insertInto("aub_education_decision")
    .values({ application_id: applicationId, institution_id: institutionId, approved, decided_on: decidedOn, education_code: educationCode, decided_by: by.label })
    .execute();
}

// ------------------------------------------------------------------------------------------------------- agreements

export interface AgreementData {
  notification: Omit<AgreementNotification, "id">;
  employerId: string | null;
  cpr: string | null;
  exemptFrom: string | null;
  exemptTo: string | null;
  errors: number;
  warnings: number;
}

export interface StoredAgreement extends AgreementData {
  id: string;
  version: number;
  recordedAt: string;
}

function agreementVersion(id: string, institutionId: string, version: number, d: AgreementData, by: Recorder, reason: string | null) {
  return {
    agreement_id: id,
    version,
    institution_id: institutionId,
    is_current: true,
    notification: JSON.stringify(d.notification),
    employer_id: d.employerId,
    cpr: d.cpr,
    exempt_from: d.exemptFrom,
    exempt_to: d.exemptTo,
    finding_errors: d.errors,
    finding_warnings: d.warnings,
    recorded_by: by.label,
    reason,
  };
}

export async function insertAgreement(tx: AubQ, institutionId: string, d: AgreementData, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("aub_agreement").values({ id, institution_id: institutionId, version: 1, created_by: by.label }).execute();
  await tx.insertInto("aub_agreement_version").values(agreementVersion(id, institutionId, 1, d, by, "notified")).execute();
  return id;
}

export async function insertAgreementVersion(tx: AubTx, institutionId: string, id: string, version: number, d: AgreementData, by: Recorder, reason: string): Promise<void> {
  await tx
    .updateTable("aub_agreement_version")
    .set({ is_current: false, superseded_at: sql<Date>`now()`, superseded_by: by.label })
    .where("agreement_id", "=", id)
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .execute();
  await tx.insertInto("aub_agreement_version").values(agreementVersion(id, institutionId, version, d, by, reason)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected agreement row
function toAgreement(r: any): StoredAgreement {
  return {
    id: r.agreement_id,
    version: r.version,
    notification: r.notification,
    employerId: r.employer_id,
    cpr: r.cpr,
    exemptFrom: r.exempt_from,
    exemptTo: r.exempt_to,
    errors: r.finding_errors,
    warnings: r.finding_warnings,
    recordedAt: iso(r.recorded_at),
  };
}

export async function getAgreement(k: AubQ, institutionId: string, id: string): Promise<StoredAgreement | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await k.selectFrom("aub_agreement_version").selectAll().where("institution_id", "=", institutionId).where("agreement_id", "=", id).where("is_current", "=", true).executeTakeFirst();
  return r ? toAgreement(r) : undefined;
}

export async function listAgreements(k: AubQ, institutionId: string, opts: { employerId?: string | undefined } = {}): Promise<StoredAgreement[]> {
  let q = k.selectFrom("aub_agreement_version").selectAll().where("institution_id", "=", institutionId).where("is_current", "=", true);
  if (opts.employerId) q = q.where("employer_id", "=", opts.employerId);
  const rows = await q.orderBy("recorded_at", "desc").orderBy("agreement_id").execute();
  return rows.map(toAgreement);
}

export async function agreementHistory(k: AubQ, institutionId: string, id: string): Promise<{ version: number; recordedAt: string; recordedBy: string; reason: string | null; errors: number }[]> {
  const rows = await k
    .selectFrom("aub_agreement_version")
    .select(["version", "recorded_at", "recorded_by", "reason", "finding_errors"])
    .where("institution_id", "=", institutionId)
    .where("agreement_id", "=", id)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({ version: r.version, recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by, reason: r.reason, errors: r.finding_errors }));
}

// ----------------------------------------------------------------------------------------------------- school weeks

export interface StoredSchoolWeekReport {
  id: string;
  school: string;
  receivedOn: string;
  lines: SchoolWeekLine[];
  lineCount: number;
  weeks: number;
  amountOere: number;
  createdAt: string;
  createdBy: string;
}

export async function insertSchoolWeekReport(tx: AubQ, institutionId: string, r: Omit<StoredSchoolWeekReport, "id" | "createdAt" | "createdBy">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await tx
    .insertInto("aub_school_week_report")
    .values({
      id,
      institution_id: institutionId,
      school: r.school,
      received_on: r.receivedOn,
      lines: JSON.stringify(r.lines),
      line_count: r.lineCount,
      weeks: r.weeks,
      amount_oere: r.amountOere,
      created_by: by.label,
    })
    .execute();
  return id;
}

export async function listSchoolWeekReports(k: AubQ, institutionId: string): Promise<StoredSchoolWeekReport[]> {
  const rows = await k.selectFrom("aub_school_week_report").selectAll().where("institution_id", "=", institutionId).orderBy("received_on").orderBy("created_at").execute();
  return rows.map((r) => ({
    id: r.id,
    school: r.school,
    receivedOn: r.received_on,
    lines: r.lines as SchoolWeekLine[],
    lineCount: r.line_count,
    weeks: r.weeks,
    amountOere: num(r.amount_oere),
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
  }));
}

// --------------------------------------------------------------------------------------------- grant and prepayment

export async function getGrantYear(k: AubQ, institutionId: string, year: number): Promise<{ estimatedGrantOere: number; administrationOere: number } | undefined> {
  const r = await k.selectFrom("aub_grant_year").selectAll().where("institution_id", "=", institutionId).where("year", "=", year).executeTakeFirst();
  return r ? { estimatedGrantOere: num(r.estimated_grant_oere), administrationOere: num(r.administration_oere) } : undefined;
}

export async function insertGrantYear(tx: AubQ, institutionId: string, year: number, estimatedGrantOere: number, administrationOere: number, prepayments: { quarter: string; amountOere: number }[], by: Recorder): Promise<void> {
  await tx.insertInto("aub_grant_year").values({ institution_id: institutionId, year, estimated_grant_oere: estimatedGrantOere, administration_oere: administrationOere, created_by: by.label }).execute();
  for (const p of prepayments)
    await tx.insertInto("aub_prepayment").values({ institution_id: institutionId, quarter: p.quarter, amount_oere: p.amountOere, created_by: by.label }).execute();
}

export async function prepaymentsOf(k: AubQ, institutionId: string, year: number): Promise<{ quarter: string; amountOere: number }[]> {
  const rows = await k.selectFrom("aub_prepayment").select(["quarter", "amount_oere"]).where("institution_id", "=", institutionId).where("quarter", "like", `${year}Q%`).orderBy("quarter").execute();
  return rows.map((r) => ({ quarter: r.quarter, amountOere: num(r.amount_oere) }));
}

export async function insertAttestation(tx: AubQ, institutionId: string, a: { school: string; year: number; attestedWeeks: number; reportedWeeks: number }, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await tx
    .insertInto("aub_attestation")
    .values({ id, institution_id: institutionId, school: a.school, year: a.year, attested_weeks: a.attestedWeeks, reported_weeks: a.reportedWeeks, created_by: by.label })
    .execute();
  return id;
}

// ------------------------------------------------------------------------------------------------------------- bulk

/** One current report row for a bulk run: the columns § 3 needs, nothing else. */
export interface BulkReportRow {
  unitId: string;
  employerId: string;
  quarter: string;
  version: number;
  totalOere: number;
  hasPersons: boolean;
}

/**
 * The employers the rules can change in a bulk run, as SQL (a set, never a list sent from the client): those whose
 * current version has a § 2 category or is not ATP-covered, and those with a current agreement giving an exemption
 * (their trainees may leave the basis, § 4). The same sets as `exemptCandidates` and `employersWithExemptions`.
 */
function ruledEmployers(institutionId: string) {
  return sql`(
    select v.employer_id from aub_employer_version v
     where v.institution_id = ${institutionId} and v.is_current and (v.category is not null or not v.atp_covered)
    union
    select g.employer_id from aub_agreement_version g
     where g.institution_id = ${institutionId} and g.is_current and g.exempt_from is not null and g.employer_id is not null
  )`;
}

/**
 * The institution's current ATP reports in pages ordered by (employer, unit, quarter), keyset-paged so the client holds
 * one page at a time. Used by the quarterly run (`ruledOnly`: only the employers the rules can change).
 */
export async function* currentReportPages(k: AubQ, institutionId: string, opts: { quarters?: string[]; pageSize?: number; ruledOnly?: boolean } = {}): AsyncGenerator<BulkReportRow[]> {
  const pageSize = opts.pageSize ?? 20000;
  let after: { e: string; u: string; q: string } | undefined;
  for (;;) {
    const r = await sql<{ unit_id: string; employer_id: string; quarter: string; version: number; total_oere: string | number; has_persons: boolean }>`
      select unit_id, employer_id, quarter, version, total_oere, jsonb_array_length(persons) > 0 as has_persons
        from aub_atp_report
       where institution_id = ${institutionId} and is_current
         ${opts.quarters ? sql`and quarter = any(${opts.quarters}::text[])` : sql``}
         ${opts.ruledOnly ? sql`and employer_id in ${ruledEmployers(institutionId)}` : sql``}
         ${after ? sql`and (employer_id, unit_id, quarter) > (${after.e}::uuid, ${after.u}::uuid, ${after.q})` : sql``}
       order by employer_id, unit_id, quarter
       limit ${pageSize}
    `.execute(k);
    if (r.rows.length === 0) return;
    yield r.rows.map((x) => ({ unitId: x.unit_id, employerId: x.employer_id, quarter: x.quarter, version: x.version, totalOere: num(x.total_oere), hasPersons: x.has_persons }));
    const last = r.rows[r.rows.length - 1]!;
    after = { e: last.employer_id, u: last.unit_id, q: last.quarter };
    if (r.rows.length < pageSize) return;
  }
}

/**
 * § 3, stk. 1 in the database for plain employers: per quarter, the number of whole full-quarter ATP amounts summed
 * over the current reports (each report divided on its own: ⌊total / full⌋, § 3, stk. 3), leaving out the employers
 * the rules can change (`ruledEmployers`, run by the service through the full rules). One scan for all quarters:
 * `fullByQuarter` gives the full-quarter amount in force in each quarter; a quarter with reports but without an amount
 * comes back with `fullQuarters: null` (the service reports the missing parameter). `quarters` limits the run.
 */
export async function fullQuarterSums(k: AubQ, institutionId: string, fullByQuarter: { quarter: string; fullOere: number }[], quarters?: string[]): Promise<{ quarter: string; fullQuarters: number | null; reports: number }[]> {
  for (const { fullOere } of fullByQuarter) if (!Number.isSafeInteger(fullOere) || fullOere <= 0) throw new RangeError(`full-quarter amount ${fullOere}`);
  const r = await sql<{ quarter: string; fq: string | number | null; n: string | number; covered: boolean }>`
    select a.quarter, sum(a.total_oere / f.full_oere) as fq, count(*) as n, bool_and(f.full_oere is not null) as covered
      from aub_atp_report a
      left join unnest(${fullByQuarter.map((x) => x.quarter)}::text[], ${fullByQuarter.map((x) => String(x.fullOere))}::bigint[]) as f(quarter, full_oere)
        on f.quarter = a.quarter
     where a.institution_id = ${institutionId} and a.is_current
       ${quarters ? sql`and a.quarter = any(${quarters}::text[])` : sql``}
       and not exists (select 1 from ${ruledEmployers(institutionId)} as x(employer_id) where x.employer_id = a.employer_id)
     group by a.quarter
     order by a.quarter
  `.execute(k);
  return r.rows.map((x) => ({ quarter: x.quarter, fullQuarters: x.covered ? num(x.fq ?? 0) : null, reports: num(x.n) }));
}

/**
 * Employers with a current report in one of `quarters` that has no charge yet (filed while a parameter of its quarter
 * was missing). Set-based: one query.
 */
export async function employersWithUnchargedReports(k: AubQ, institutionId: string, quarters: string[]): Promise<string[]> {
  if (quarters.length === 0) return [];
  const r = await sql<{ employer_id: string }>`
    select distinct a.employer_id
      from aub_atp_report a
     where a.institution_id = ${institutionId} and a.is_current and a.quarter = any(${quarters}::text[])
       and not exists (select 1 from aub_charge c where c.institution_id = a.institution_id and c.unit_id = a.unit_id and c.quarter = a.quarter)
     order by a.employer_id
  `.execute(k);
  return r.rows.map((x) => x.employer_id);
}

/** The distinct quarters with current reports. */
export async function reportQuarters(k: AubQ, institutionId: string): Promise<string[]> {
  const r = await sql<{ quarter: string }>`select distinct quarter from aub_atp_report where institution_id = ${institutionId} and is_current order by quarter`.execute(k);
  return r.rows.map((x) => x.quarter);
}

/** Employers of the institution with a § 2 category (all others are plainly liable under § 1). */
export async function exemptCandidates(k: AubQ, institutionId: string): Promise<StoredEmployer[]> {
  const rows = await employerQuery(k, institutionId)
    .where((eb) => eb.or([eb("v.category", "is not", null), eb("v.atp_covered", "=", false)]))
    .execute();
  return rows.map(toEmployer);
}

/** Employer ids that have at least one current agreement with an exemption (their trainees may leave the basis). */
export async function employersWithExemptions(k: AubQ, institutionId: string): Promise<Set<string>> {
  const rows = await k
    .selectFrom("aub_agreement_version")
    .select("employer_id")
    .distinct()
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .where("exempt_from", "is not", null)
    .execute();
  return new Set(rows.map((r) => r.employer_id).filter((x): x is string => x !== null));
}
