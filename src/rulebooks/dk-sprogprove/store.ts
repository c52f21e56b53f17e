/**
 * Sprogprøve store: SQL only. Every function takes the institution id it is scoped by (the service passes
 * `actor.institutionId`, never a value from the request). No rules here: the service computes findings.
 *
 * History is append-only: a change claims the next version on the head row (optimistic lock: the caller's version must
 * be the current one), marks the current version row superseded and inserts the new one as current.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import type { ClassLevel } from "./codes.ts";
import type { Attempt, DsaSupplerende, Exemption } from "./model.ts";
import type { SprogproveTables } from "./schema.ts";
import { type Claim, claimNextVersion, isUuid } from "../../platform/db/versioned.ts";
export { isUuid };

export type SpKysely = Kysely<PlatformTables & SprogproveTables>;
export type SpTx = Transaction<PlatformTables & SprogproveTables>;
export type SpQ = SpKysely | SpTx;

export function spKysely(db: Db): SpKysely {
  return db.kysely.withTables<SprogproveTables>() as unknown as SpKysely;
}

export interface Recorder {
  label: string;
  userId: string | null;
}


export type { Claim };

const claim = (tx: SpTx, table: "sp_year" | "sp_pupil", institutionId: string, id: string, expected: number): Promise<Claim> =>
  claimNextVersion(tx, table, institutionId, id, expected);

export interface HistoryEntry {
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  supersededAt: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
/** A `date` column as YYYY-MM-DD (the pg driver gives text; a Date is read in UTC). */
const dateText = (d: Date | string): string => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

// ---------------------------------------------------------------------------------------------------------------- years

/** The school's own data for a reported school year (one version). */
export interface YearData {
  pupilsTotal: number | null;
  pupilsInListedAreas: number | null;
  coverageSource: string | null;
  coveredOverride: boolean | null;
  coveredOverrideReason: string | null;
  exemptedCount: number | null;
}

export interface StoredYear {
  id: string;
  startYear: number;
  version: number;
  data: YearData;
  recordedAt: string;
  recordedBy: string;
}

function yearValues(id: string, institutionId: string, version: number, d: YearData, by: Recorder, reason: string | null) {
  return {
    year_id: id,
    version,
    institution_id: institutionId,
    is_current: true,
    pupils_total: d.pupilsTotal,
    pupils_in_listed_areas: d.pupilsInListedAreas,
    coverage_source: d.coverageSource,
    covered_override: d.coveredOverride,
    covered_override_reason: d.coveredOverrideReason,
    exempted_count: d.exemptedCount,
    recorded_by: by.label,
    recorded_by_id: by.userId,
    reason,
  };
}

export async function insertYear(tx: SpQ, institutionId: string, startYear: number, d: YearData, by: Recorder, reason: string | null): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("sp_year").values({ id, institution_id: institutionId, start_year: startYear, version: 1, created_by: by.label }).execute();
  await tx.insertInto("sp_year_version").values(yearValues(id, institutionId, 1, d, by, reason)).execute();
  return id;
}

export const claimYearVersion = (tx: SpTx, institutionId: string, id: string, expected: number): Promise<Claim> =>
  claim(tx, "sp_year", institutionId, id, expected);

export async function insertYearVersion(tx: SpTx, institutionId: string, id: string, version: number, d: YearData, by: Recorder, reason: string): Promise<void> {
  await tx
    .updateTable("sp_year_version")
    .set({ is_current: false, superseded_at: sql<Date>`now()`, superseded_by: by.label })
    .where("year_id", "=", id)
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .execute();
  await tx.insertInto("sp_year_version").values(yearValues(id, institutionId, version, d, by, reason)).execute();
}

const YEAR_COLS = [
  "y.id",
  "y.start_year",
  "v.version",
  "v.pupils_total",
  "v.pupils_in_listed_areas",
  "v.coverage_source",
  "v.covered_override",
  "v.covered_override_reason",
  "v.exempted_count",
  "v.recorded_at",
  "v.recorded_by",
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected year row
function toYear(r: any): StoredYear {
  return {
    id: r.id,
    startYear: r.start_year,
    version: r.version,
    data: {
      pupilsTotal: r.pupils_total,
      pupilsInListedAreas: r.pupils_in_listed_areas,
      coverageSource: r.coverage_source,
      coveredOverride: r.covered_override,
      coveredOverrideReason: r.covered_override_reason,
      exemptedCount: r.exempted_count,
    },
    recordedAt: iso(r.recorded_at)!,
    recordedBy: r.recorded_by,
  };
}

function yearQuery(k: SpQ, institutionId: string) {
  return k
    .selectFrom("sp_year as y")
    .innerJoin("sp_year_version as v", (j) => j.onRef("v.year_id", "=", "y.id").on("v.is_current", "=", true))
    .where("y.institution_id", "=", institutionId)
    .where("v.institution_id", "=", institutionId)
    .select(YEAR_COLS);
}

export async function getYear(k: SpQ, institutionId: string, id: string): Promise<StoredYear | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await yearQuery(k, institutionId).where("y.id", "=", id).executeTakeFirst();
  return r ? toYear(r) : undefined;
}

export async function findYear(k: SpQ, institutionId: string, startYear: number): Promise<StoredYear | undefined> {
  const r = await yearQuery(k, institutionId).where("y.start_year", "=", startYear).executeTakeFirst();
  return r ? toYear(r) : undefined;
}

export async function listYears(k: SpQ, institutionId: string): Promise<StoredYear[]> {
  const rows = await yearQuery(k, institutionId).orderBy("y.start_year", "desc").execute();
  return rows.map(toYear);
}

export async function yearHistory(k: SpQ, institutionId: string, id: string): Promise<HistoryEntry[]> {
  const rows = await k
    .selectFrom("sp_year_version")
    .select(["version", "recorded_at", "recorded_by", "reason", "superseded_at"])
    .where("year_id", "=", id)
    .where("institution_id", "=", institutionId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({ version: r.version, recordedAt: iso(r.recorded_at)!, recordedBy: r.recorded_by, reason: r.reason, supersededAt: iso(r.superseded_at) }));
}

// --------------------------------------------------------------------------------------------------------------- pupils

/** One version of a pupil, as the service decided it. */
export interface PupilData {
  cpr: string;
  classLevel: ClassLevel;
  classLevelStartYear: number | null;
  toBeTested: boolean | null;
  dsa: DsaSupplerende | null;
  exemption: Exemption | null;
  attempts: Attempt[];
  sommerskole: boolean;
  specialPermission: boolean;
  previouslyPostponed: boolean;
  rykkerOp: boolean | null;
  /** For staff; never reported (migration 2002). */
  name: string | null;
  /** The pupil left the school during the year (migration 2003); null = a pupil of the school. */
  left: { on: string; reason: string; recordedBy: string; recordedAt: string } | null;
  errors: number;
  warnings: number;
}

export interface StoredPupil {
  id: string;
  yearId: string;
  version: number;
  data: PupilData;
  recordedAt: string;
  recordedBy: string;
}

function pupilValues(id: string, institutionId: string, yearId: string, version: number, d: PupilData, by: Recorder, reason: string | null) {
  return {
    pupil_id: id,
    version,
    institution_id: institutionId,
    year_id: yearId,
    is_current: true,
    cpr: d.cpr,
    class_level: d.classLevel,
    class_level_start_year: d.classLevelStartYear,
    to_be_tested: d.toBeTested,
    dsa: d.dsa === null ? null : JSON.stringify(d.dsa),
    exemption: d.exemption === null ? null : JSON.stringify(d.exemption),
    attempts: JSON.stringify(d.attempts),
    sommerskole: d.sommerskole,
    special_permission: d.specialPermission,
    previously_postponed: d.previouslyPostponed,
    rykker_op: d.rykkerOp,
    name: d.name,
    left_on: d.left?.on ?? null,
    left_reason: d.left?.reason ?? null,
    left_recorded_by: d.left?.recordedBy ?? null,
    left_recorded_at: d.left?.recordedAt ?? null,
    finding_errors: d.errors,
    finding_warnings: d.warnings,
    recorded_by: by.label,
    recorded_by_id: by.userId,
    reason,
  };
}

export async function insertPupil(tx: SpQ, institutionId: string, yearId: string, d: PupilData, by: Recorder, reason: string | null): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("sp_pupil").values({ id, institution_id: institutionId, year_id: yearId, cpr: d.cpr, version: 1, created_by: by.label }).execute();
  await tx.insertInto("sp_pupil_version").values(pupilValues(id, institutionId, yearId, 1, d, by, reason)).execute();
  return id;
}

export const claimPupilVersion = (tx: SpTx, institutionId: string, id: string, expected: number): Promise<Claim> =>
  claim(tx, "sp_pupil", institutionId, id, expected);

export async function insertPupilVersion(
  tx: SpTx,
  institutionId: string,
  yearId: string,
  id: string,
  version: number,
  d: PupilData,
  by: Recorder,
  reason: string,
): Promise<void> {
  await tx
    .updateTable("sp_pupil_version")
    .set({ is_current: false, superseded_at: sql<Date>`now()`, superseded_by: by.label })
    .where("pupil_id", "=", id)
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .execute();
  await tx.insertInto("sp_pupil_version").values(pupilValues(id, institutionId, yearId, version, d, by, reason)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected pupil version row
function toPupil(r: any): StoredPupil {
  return {
    id: r.pupil_id,
    yearId: r.year_id,
    version: r.version,
    data: {
      cpr: r.cpr,
      classLevel: r.class_level as ClassLevel,
      classLevelStartYear: r.class_level_start_year,
      toBeTested: r.to_be_tested,
      dsa: r.dsa,
      exemption: r.exemption,
      attempts: r.attempts ?? [],
      sommerskole: r.sommerskole,
      specialPermission: r.special_permission,
      previouslyPostponed: r.previously_postponed,
      rykkerOp: r.rykker_op,
      name: r.name ?? null,
      left:
        r.left_on === null || r.left_on === undefined
          ? null
          : { on: dateText(r.left_on), reason: r.left_reason ?? "", recordedBy: r.left_recorded_by ?? "", recordedAt: iso(r.left_recorded_at) ?? "" },
      errors: r.finding_errors,
      warnings: r.finding_warnings,
    },
    recordedAt: iso(r.recorded_at)!,
    recordedBy: r.recorded_by,
  };
}

export async function getPupil(k: SpQ, institutionId: string, yearId: string, id: string): Promise<StoredPupil | undefined> {
  if (!isUuid(id) || !isUuid(yearId)) return undefined;
  const r = await k
    .selectFrom("sp_pupil_version")
    .selectAll()
    .where("pupil_id", "=", id)
    .where("year_id", "=", yearId)
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .executeTakeFirst();
  return r ? toPupil(r) : undefined;
}

export async function findPupilByCpr(k: SpQ, institutionId: string, yearId: string, cpr: string): Promise<string | undefined> {
  const r = await k
    .selectFrom("sp_pupil")
    .select("id")
    .where("institution_id", "=", institutionId)
    .where("year_id", "=", yearId)
    .where("cpr", "=", cpr)
    .executeTakeFirst();
  return r?.id;
}

/** The current version of every pupil of a year, ordered by class level then CPR. */
export async function listPupils(k: SpQ, institutionId: string, yearId: string): Promise<StoredPupil[]> {
  const rows = await k
    .selectFrom("sp_pupil_version")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .where("year_id", "=", yearId)
    .where("is_current", "=", true)
    .orderBy("class_level")
    .orderBy("cpr")
    .execute();
  return rows.map(toPupil);
}

export async function pupilHistory(k: SpQ, institutionId: string, id: string): Promise<(HistoryEntry & { data: PupilData })[]> {
  const rows = await k
    .selectFrom("sp_pupil_version")
    .selectAll()
    .where("pupil_id", "=", id)
    .where("institution_id", "=", institutionId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    recordedAt: iso(r.recorded_at)!,
    recordedBy: r.recorded_by,
    reason: r.reason,
    supersededAt: iso(r.superseded_at),
    data: toPupil(r).data,
  }));
}

/** Every version of every pupil of a year (the year's change log), oldest first; each with its data. */
export async function yearPupilVersions(k: SpQ, institutionId: string, yearId: string): Promise<(HistoryEntry & { pupilId: string; data: PupilData })[]> {
  if (!isUuid(yearId)) return [];
  const rows = await k
    .selectFrom("sp_pupil_version")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .where("year_id", "=", yearId)
    .orderBy("recorded_at")
    .orderBy("pupil_id")
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    pupilId: r.pupil_id,
    version: r.version,
    recordedAt: iso(r.recorded_at)!,
    recordedBy: r.recorded_by,
    reason: r.reason,
    supersededAt: iso(r.superseded_at),
    data: toPupil(r).data,
  }));
}

// ---------------------------------------------------------------------------------------------------------- submissions

export interface StoredSubmission {
  id: string;
  yearId: string;
  number: number;
  decidedOn: string;
  complete: boolean;
  errors: number;
  warnings: number;
  yearVersion: number;
  report: Record<string, unknown>;
  receipt: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  createdByRoles: string[];
}

export type NewSubmission = Omit<StoredSubmission, "id" | "number" | "createdAt" | "createdBy">;

/** Stores submission n+1 of the year (numbers per year; the unique key refuses a concurrent duplicate). */
export async function insertSubmission(tx: SpTx, institutionId: string, s: NewSubmission, by: Recorder): Promise<StoredSubmission> {
  const last = await tx
    .selectFrom("sp_submission")
    .select((eb) => eb.fn.max("number").as("m"))
    .where("year_id", "=", s.yearId)
    .where("institution_id", "=", institutionId)
    .executeTakeFirst();
  const number = Number(last?.m ?? 0) + 1;
  const id = crypto.randomUUID();
  const r = await tx
    .insertInto("sp_submission")
    .values({
      id,
      institution_id: institutionId,
      year_id: s.yearId,
      number,
      decided_on: s.decidedOn,
      complete: s.complete,
      errors: s.errors,
      warnings: s.warnings,
      year_version: s.yearVersion,
      report: JSON.stringify(s.report),
      receipt: JSON.stringify(s.receipt),
      created_by: by.label,
      created_by_id: by.userId,
      created_by_roles: JSON.stringify(s.createdByRoles),
    })
    .returning("created_at")
    .executeTakeFirstOrThrow();
  return { ...s, id, number, createdAt: iso(r.created_at)!, createdBy: by.label };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected submission row
function toSubmission(r: any): StoredSubmission {
  return {
    id: r.id,
    yearId: r.year_id,
    number: r.number,
    decidedOn: typeof r.decided_on === "string" ? r.decided_on : new Date(r.decided_on).toISOString().slice(0, 10),
    complete: r.complete,
    errors: r.errors,
    warnings: r.warnings,
    yearVersion: r.year_version,
    report: r.report ?? {},
    receipt: r.receipt ?? {},
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
    createdByRoles: r.created_by_roles ?? [],
  };
}

/** Summaries (report and receipt left out) newest first. */
export async function listSubmissions(k: SpQ, institutionId: string, yearId: string): Promise<StoredSubmission[]> {
  const rows = await k
    .selectFrom("sp_submission")
    .select(["id", "year_id", "number", "decided_on", "complete", "errors", "warnings", "year_version", "created_at", "created_by", "created_by_roles"])
    .where("institution_id", "=", institutionId)
    .where("year_id", "=", yearId)
    .orderBy("number", "desc")
    .execute();
  return rows.map(toSubmission);
}

export async function getSubmission(k: SpQ, institutionId: string, yearId: string, id: string): Promise<StoredSubmission | undefined> {
  if (!isUuid(id) || !isUuid(yearId)) return undefined;
  const r = await k
    .selectFrom("sp_submission")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .where("year_id", "=", yearId)
    .where("id", "=", id)
    .executeTakeFirst();
  return r ? toSubmission(r) : undefined;
}
