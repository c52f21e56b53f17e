/**
 * AMU store: SQL only. Every function takes the institution id it is scoped by (the service passes
 * `actor.institutionId`, never a value from the request). No rules here: the service computes findings and groups.
 */
import { promisify } from "node:util";
import { gunzipSync, gzip } from "node:zlib";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import type { AmuGoal, ExamAttempt, Participation, ResultatIkkeProevebelagt, ResultatProevebelagt } from "./model.ts";
import { REPORT_COLUMNS } from "./report.ts";
import type { AmuTables } from "./schema.ts";
import { type Claim, claimNextVersion as claimVersion, isUuid } from "../../platform/db/versioned.ts";
export { isUuid };

export type AmuKysely = Kysely<PlatformTables & AmuTables>;
export type AmuTx = Transaction<PlatformTables & AmuTables>;
export type AmuQ = AmuKysely | AmuTx;

export function amuKysely(db: Db): AmuKysely {
  return db.kysely.withTables<AmuTables>() as unknown as AmuKysely;
}

// ---------------------------------------------------------------------------------------------------------------- goals

/** The catalogue an institution sees: global goals, overridden by the institution's own goal with the same fagkode. */
export async function listGoals(k: AmuQ, institutionId: string): Promise<AmuGoal[]> {
  const rows = await k
    .selectFrom("amu_goal")
    .selectAll()
    .where((eb) => eb.or([eb("institution_id", "is", null), eb("institution_id", "=", institutionId)]))
    .orderBy("fagkode")
    .execute();
  const byCode = new Map<string, AmuGoal>();
  for (const r of rows.sort((a, b) => (a.institution_id === null ? 0 : 1) - (b.institution_id === null ? 0 : 1))) {
    byCode.set(r.fagkode, {
      fagkode: r.fagkode,
      title: r.title,
      uvmTestPeriods: r.uvm_test_periods,
      certificate: r.certificate,
      writtenAndOral: r.written_and_oral,
    });
  }
  return [...byCode.values()].sort((a, b) => a.fagkode.localeCompare(b.fagkode));
}

/** Inserts goals (global when institutionId is null); an existing fagkode is left as it is. */
export async function insertGoals(k: AmuQ, institutionId: string | null, goals: readonly AmuGoal[]): Promise<number> {
  let n = 0;
  for (const g of goals) {
    const exists = await k
      .selectFrom("amu_goal")
      .select("id")
      .where("fagkode", "=", g.fagkode)
      .where((eb) => (institutionId === null ? eb("institution_id", "is", null) : eb("institution_id", "=", institutionId)))
      .executeTakeFirst();
    if (exists) continue;
    await k
      .insertInto("amu_goal")
      .values({
        id: crypto.randomUUID(),
        institution_id: institutionId,
        fagkode: g.fagkode,
        title: g.title,
        certificate: g.certificate,
        written_and_oral: g.writtenAndOral,
        uvm_test_periods: JSON.stringify(g.uvmTestPeriods),
      })
      .execute();
    n++;
  }
  return n;
}

// ------------------------------------------------------------------------------------------------------- participations

/** The columns of one version row that the service decides (everything but identity and bookkeeping). */
export interface VersionData {
  cpr: string;
  fagkode: string;
  startDate: string;
  endDate: string | null;
  status: Participation["status"];
  outsourcedTo: string | null;
  euEfteruddannelse: boolean;
  industryCertificate: boolean;
  emergencyTeaching: Participation["emergencyTeaching"];
  forloebId: string | null;
  subCourses: Participation["subCourses"];
  resultatProevebelagt: ResultatProevebelagt | null;
  resultatIkkeProevebelagt: ResultatIkkeProevebelagt | null;
  ejRelevant: boolean;
  ikvCompetenceFagkoder: string[];
  writtenTaken?: boolean | undefined;
  oralTaken?: boolean | undefined;
  industryCertificateObtained?: boolean | undefined;
  /** Derived by the service from the rules, stored for list filters. */
  resultGroup: 1 | 2 | null;
  errors: number;
  warnings: number;
}

export interface Recorder {
  label: string;
  userId: string | null;
}

function versionValues(
  participationId: string,
  institutionId: string,
  version: number,
  d: VersionData,
  by: Recorder,
  reason: string | null,
) {
  return {
    participation_id: participationId,
    version,
    institution_id: institutionId,
    is_current: true,
    cpr: d.cpr,
    fagkode: d.fagkode,
    start_date: d.startDate,
    end_date: d.endDate,
    status: d.status,
    outsourced_to: d.outsourcedTo,
    eu_efteruddannelse: d.euEfteruddannelse,
    industry_certificate: d.industryCertificate,
    emergency_teaching: d.emergencyTeaching,
    forloeb_id: d.forloebId,
    sub_courses: JSON.stringify(d.subCourses),
    resultat_proevebelagt: d.resultatProevebelagt,
    resultat_ikke_proevebelagt: d.resultatIkkeProevebelagt,
    ej_relevant: d.ejRelevant,
    ikv_competence_fagkoder: JSON.stringify(d.ikvCompetenceFagkoder),
    written_taken: d.writtenTaken ?? null,
    oral_taken: d.oralTaken ?? null,
    industry_certificate_obtained: d.industryCertificateObtained ?? null,
    result_group: d.resultGroup,
    finding_errors: d.errors,
    finding_warnings: d.warnings,
    recorded_by: by.label,
    recorded_by_id: by.userId,
    reason,
  };
}

export async function insertParticipation(tx: AmuQ, institutionId: string, d: VersionData, by: Recorder, reason: string | null): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("amu_participation").values({ id, institution_id: institutionId, version: 1, created_by: by.label }).execute();
  await tx.insertInto("amu_participation_version").values(versionValues(id, institutionId, 1, d, by, reason)).execute();
  return id;
}

/**
 * Takes the next version of a participation when `expected` is the current one. Returns the new version number,
 * "missing" when the participation does not exist in this institution, or "stale" with the current version.
 */
export const claimNextVersion = (tx: AmuTx, institutionId: string, id: string, expected: number): Promise<Claim> =>
  claimVersion(tx, "amu_participation", institutionId, id, expected);

/** Marks the current version superseded and inserts the new version as current (one transaction, caller's). */
export async function insertNextVersion(
  tx: AmuTx,
  institutionId: string,
  id: string,
  version: number,
  d: VersionData,
  by: Recorder,
  reason: string,
): Promise<void> {
  await tx
    .updateTable("amu_participation_version")
    .set({ is_current: false, superseded_at: sql<Date>`now()`, superseded_by: by.label })
    .where("participation_id", "=", id)
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .execute();
  await tx.insertInto("amu_participation_version").values(versionValues(id, institutionId, version, d, by, reason)).execute();
}

export interface StoredParticipation {
  participation: Participation;
  resultGroup: 1 | 2 | null;
  errors: number;
  warnings: number;
  recordedAt: Date;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected version row
function toParticipation(r: any, retakes: ExamAttempt[]): Participation {
  const p: Participation = {
    id: r.participation_id,
    providerId: r.institution_id,
    outsourcedTo: r.outsourced_to,
    cpr: r.cpr,
    fagkode: r.fagkode,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    euEfteruddannelse: r.eu_efteruddannelse,
    industryCertificate: r.industry_certificate,
    emergencyTeaching: r.emergency_teaching,
    forloebId: r.forloeb_id,
    subCourses: r.sub_courses,
    resultatProevebelagt: r.resultat_proevebelagt,
    resultatIkkeProevebelagt: r.resultat_ikke_proevebelagt,
    ejRelevant: r.ej_relevant,
    retakes,
    ikvCompetenceFagkoder: r.ikv_competence_fagkoder,
    version: r.version,
  };
  if (r.written_taken !== null && r.written_taken !== undefined) p.writtenTaken = r.written_taken;
  if (r.oral_taken !== null && r.oral_taken !== undefined) p.oralTaken = r.oral_taken;
  if (r.industry_certificate_obtained !== null && r.industry_certificate_obtained !== undefined)
    p.industryCertificateObtained = r.industry_certificate_obtained;
  return p;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected retake row
function toAttempt(r: any): ExamAttempt {
  const a: ExamAttempt = { seq: r.seq, date: r.date };
  if (r.written_taken !== null) a.writtenTaken = r.written_taken;
  if (r.oral_taken !== null) a.oralTaken = r.oral_taken;
  a.resultatProevebelagt = r.resultat_proevebelagt;
  a.resultatIkkeProevebelagt = r.resultat_ikke_proevebelagt;
  return a;
}

/** The current state of one participation (with its retakes), or undefined when it is not this institution's. */
export async function getParticipation(k: AmuQ, institutionId: string, id: string): Promise<StoredParticipation | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await k
    .selectFrom("amu_participation_version")
    .selectAll()
    .where("participation_id", "=", id)
    .where("institution_id", "=", institutionId)
    .where("is_current", "=", true)
    .executeTakeFirst();
  if (!r) return undefined;
  const retakes = await k
    .selectFrom("amu_retake")
    .selectAll()
    .where("participation_id", "=", id)
    .where("institution_id", "=", institutionId)
    .orderBy("seq")
    .execute();
  return {
    participation: toParticipation(r, retakes.map(toAttempt)),
    resultGroup: r.result_group as 1 | 2 | null,
    errors: r.finding_errors,
    warnings: r.finding_warnings,
    recordedAt: r.recorded_at,
  };
}

export interface HistoryEntry {
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  supersededAt: string | null;
}

export async function getHistory(k: AmuQ, institutionId: string, id: string): Promise<HistoryEntry[]> {
  const rows = await k
    .selectFrom("amu_participation_version")
    .select(["version", "recorded_at", "recorded_by", "reason", "superseded_at"])
    .where("participation_id", "=", id)
    .where("institution_id", "=", institutionId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    recordedAt: new Date(r.recorded_at).toISOString(),
    recordedBy: r.recorded_by,
    reason: r.reason,
    supersededAt: r.superseded_at ? new Date(r.superseded_at).toISOString() : null,
  }));
}

/** One version of a participation as it was (for history views and tests). */
export async function getVersion(k: AmuQ, institutionId: string, id: string, version: number): Promise<Participation | undefined> {
  const r = await k
    .selectFrom("amu_participation_version")
    .selectAll()
    .where("participation_id", "=", id)
    .where("institution_id", "=", institutionId)
    .where("version", "=", version)
    .executeTakeFirst();
  return r ? toParticipation(r, []) : undefined;
}

export interface RetakeData {
  date: string;
  resultatProevebelagt: number | null;
  resultatIkkeProevebelagt: number | null;
  writtenTaken: boolean | null;
  oralTaken: boolean | null;
}

/** Appends a retake (omprøve) with the next seq (2, 3, …). */
export async function insertRetake(tx: AmuTx, institutionId: string, id: string, version: number, d: RetakeData, by: Recorder): Promise<number> {
  const last = await tx
    .selectFrom("amu_retake")
    .select((eb) => eb.fn.max("seq").as("m"))
    .where("participation_id", "=", id)
    .executeTakeFirst();
  const seq = Math.max(1, Number(last?.m ?? 1)) + 1;
  await tx
    .insertInto("amu_retake")
    .values({
      id: crypto.randomUUID(),
      participation_id: id,
      institution_id: institutionId,
      seq,
      date: d.date,
      resultat_proevebelagt: d.resultatProevebelagt,
      resultat_ikke_proevebelagt: d.resultatIkkeProevebelagt,
      written_taken: d.writtenTaken,
      oral_taken: d.oralTaken,
      added_in_version: version,
      recorded_by: by.label,
    })
    .execute();
  return seq;
}

export interface ListFilter {
  q?: string | undefined;
  fagkode?: string | undefined;
  endFrom?: string | undefined;
  endTo?: string | undefined;
  status?: Participation["status"] | undefined;
  findings?: "error" | "warning" | "none" | undefined;
  limit: number;
  offset: number;
}

export interface ListedRow {
  id: string;
  cpr: string;
  fagkode: string;
  startDate: string;
  endDate: string | null;
  status: Participation["status"];
  resultGroup: 1 | 2 | null;
  resultatProevebelagt: number | null;
  resultatIkkeProevebelagt: number | null;
  ejRelevant: boolean;
  errors: number;
  warnings: number;
  version: number;
}

/** Current participations of an institution, filtered and paged, newest start first. */
export async function listParticipations(k: AmuQ, institutionId: string, f: ListFilter): Promise<{ rows: ListedRow[]; total: number }> {
  let q = k.selectFrom("amu_participation_version as v").where("v.institution_id", "=", institutionId).where("v.is_current", "=", true);
  if (f.fagkode) q = q.where("v.fagkode", "=", f.fagkode);
  if (f.status) q = q.where("v.status", "=", f.status);
  if (f.endFrom) q = q.where("v.end_date", ">=", f.endFrom);
  if (f.endTo) q = q.where("v.end_date", "<=", f.endTo);
  if (f.findings === "error") q = q.where("v.finding_errors", ">", 0);
  if (f.findings === "warning") q = q.where("v.finding_warnings", ">", 0);
  if (f.findings === "none") q = q.where("v.finding_errors", "=", 0).where("v.finding_warnings", "=", 0);
  if (f.q && f.q.trim() !== "") {
    const text = f.q.trim();
    const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("v.fagkode", "like", like),
        eb(
          "v.fagkode",
          "in",
          eb
            .selectFrom("amu_goal as g")
            .select("g.fagkode")
            .where("g.title", "ilike", like)
            .where((e2) => e2.or([e2("g.institution_id", "is", null), e2("g.institution_id", "=", institutionId)])),
        ),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      "v.participation_id",
      "v.version",
      "v.cpr",
      "v.fagkode",
      "v.start_date",
      "v.end_date",
      "v.status",
      "v.result_group",
      "v.resultat_proevebelagt",
      "v.resultat_ikke_proevebelagt",
      "v.ej_relevant",
      "v.finding_errors",
      "v.finding_warnings",
    ])
    .orderBy("v.start_date", "desc")
    .orderBy("v.participation_id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.participation_id,
      cpr: r.cpr,
      fagkode: r.fagkode,
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.status,
      resultGroup: r.result_group as 1 | 2 | null,
      resultatProevebelagt: r.resultat_proevebelagt,
      resultatIkkeProevebelagt: r.resultat_ikke_proevebelagt,
      ejRelevant: r.ej_relevant,
      errors: r.finding_errors,
      warnings: r.finding_warnings,
      version: r.version,
    })),
  };
}

/** The version columns a Participation is made of (toParticipation): what the report reads, nothing else. */
const REPORT_COLS = [
  "participation_id",
  "institution_id",
  "version",
  "outsourced_to",
  "cpr",
  "fagkode",
  "start_date",
  "end_date",
  "status",
  "eu_efteruddannelse",
  "industry_certificate",
  "emergency_teaching",
  "forloeb_id",
  "sub_courses",
  "resultat_proevebelagt",
  "resultat_ikke_proevebelagt",
  "ej_relevant",
  "ikv_competence_fagkoder",
  "written_taken",
  "oral_taken",
  "industry_certificate_obtained",
] as const;

const RETAKE_COLS = ["participation_id", "seq", "date", "written_taken", "oral_taken", "resultat_proevebelagt", "resultat_ikke_proevebelagt"] as const;

/**
 * The provider's current participations that can matter for a report whose window is [from, to], in pages of
 * `pageSize` ordered by id: those that end in the window, those without an end date that started in it (not ended:
 * listed as excluded), and those with a retake dated in the window (the retake is reported, §6.2).
 *
 * One query, read through a server-side cursor in a read-only transaction (one connection, one snapshot): the window
 * part goes through the partial index amu_pv_report (institution_id, end_date) where is_current, with only the
 * columns a Participation needs; the next page is fetched while the caller works on this one, so the client holds at
 * most three pages. The retakes of those participations are few and are read first, in one query.
 * Do not run other queries on the same PGlite database while iterating (its pool has one connection).
 */
export async function* loadForReport(k: AmuQ, institutionId: string, from: string, to: string, pageSize = 5000): AsyncGenerator<Participation[]> {
  const inWindow = sql<boolean>`coalesce((v.end_date >= ${from} and v.end_date <= ${to}) or (v.end_date is null and v.start_date >= ${from} and v.start_date <= ${to}), false)`;
  const retakeInWindow = sql<boolean>`v.participation_id in (select participation_id from amu_retake where institution_id = ${institutionId} and date >= ${from} and date <= ${to})`;
  const cols = sql.join(REPORT_COLS.map((c) => sql.ref(`v.${c}`)));
  const query = sql`
    select ${cols} from amu_participation_version v
     where v.institution_id = ${institutionId} and v.is_current and ${inWindow}
    union all
    select ${cols} from amu_participation_version v
     where v.institution_id = ${institutionId} and v.is_current and not ${inWindow} and ${retakeInWindow}
    order by participation_id`;

  const strings = new Map<string, string>();
  const intern = (x: string): string => {
    const seen = strings.get(x);
    if (seen !== undefined) return seen;
    strings.set(x, x);
    return x;
  };
  const byId = new Map<string, ExamAttempt[]>();
  const toPage = (rows: readonly ReportColsRow[]): Participation[] =>
    rows.map((r) => {
      const p = toParticipation(r, byId.get(r.participation_id) ?? []);
      // Report rows keep these strings: one copy of each distinct value instead of one per row.
      p.fagkode = intern(p.fagkode);
      p.startDate = intern(p.startDate);
      if (p.endDate !== null) p.endDate = intern(p.endDate);
      for (const a of p.retakes) a.date = intern(a.date);
      return p;
    });

  yield* pagesInTransaction<Participation[]>(k, async (tx, emit) => {
    const retakes = await sql<RetakeColsRow>`
      select ${sql.join(RETAKE_COLS.map((c) => sql.ref(`r.${c}`)))} from amu_retake r
        join amu_participation_version v on v.participation_id = r.participation_id and v.is_current
       where r.institution_id = ${institutionId} and (${inWindow} or ${retakeInWindow})
       order by r.participation_id, r.seq`.execute(tx);
    for (const r of retakes.rows) {
      let list = byId.get(r.participation_id);
      if (!list) byId.set(r.participation_id, (list = []));
      list.push(toAttempt(r));
    }
    await sql`declare amu_report_cursor no scroll cursor for ${query}`.execute(tx);
    for (;;) {
      const page = await sql<ReportColsRow>`fetch ${sql.raw(String(Math.trunc(pageSize)))} from amu_report_cursor`.execute(tx);
      if (page.rows.length === 0) break;
      await emit(toPage(page.rows));
      if (page.rows.length < pageSize) break;
    }
    await sql`close amu_report_cursor`.execute(tx);
  });
}

type ReportColsRow = Pick<AmuTables["amu_participation_version"], (typeof REPORT_COLS)[number]> & Record<string, unknown>;
type RetakeColsRow = Pick<AmuTables["amu_retake"], (typeof RETAKE_COLS)[number]> & Record<string, unknown>;

/**
 * Runs `work` in a read-only transaction on one connection and hands each page it emits to the caller's `for await`.
 * The producer runs at most one page ahead of the consumer (so the database fetches the next page while the caller
 * works on this one). If the caller stops early, the next `emit` throws and the transaction is rolled back.
 * Inside an existing transaction, `work` runs in it.
 */
async function* pagesInTransaction<T>(k: AmuQ, work: (tx: AmuQ, emit: (page: T) => Promise<void>) => Promise<void>): AsyncGenerator<T> {
  const buffer: T[] = [];
  let finished = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const wake = (which: "consumer" | "producer") => {
    const f = which === "consumer" ? wakeConsumer : wakeProducer;
    if (which === "consumer") wakeConsumer = null;
    else wakeProducer = null;
    f?.();
  };
  const stop = new Error("the reader stopped early");
  const emit = async (page: T) => {
    if (stopped) throw stop;
    buffer.push(page);
    wake("consumer");
    while (buffer.length > 1 && !stopped) await new Promise<void>((r) => (wakeProducer = r));
    if (stopped) throw stop;
  };
  const run = k.isTransaction ? work(k, emit) : k.transaction().setAccessMode("read only").execute((tx) => work(tx, emit));
  const done = run.then(
    () => {
      finished = true;
      wake("consumer");
    },
    (error: unknown) => {
      finished = true;
      if (error !== stop) failure = { error };
      wake("consumer");
    },
  );
  try {
    for (;;) {
      if (buffer.length > 0) {
        const page = buffer.shift()!;
        wake("producer");
        yield page;
        continue;
      }
      if (finished) {
        if (failure) throw (failure as { error: unknown }).error;
        return;
      }
      await new Promise<void>((r) => (wakeConsumer = r));
    }
  } finally {
    stopped = true;
    wake("producer");
    await done;
  }
}

/** Every current participation of an institution (for a full recheck or the findings command). Streams in pages. */
export async function* allCurrent(k: AmuQ, institutionId: string, pageSize = 5000): AsyncGenerator<Participation[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await k
      .selectFrom("amu_participation_version")
      .selectAll()
      .where("institution_id", "=", institutionId)
      .where("is_current", "=", true)
      .where("participation_id", ">", after)
      .orderBy("participation_id")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.participation_id);
    const retakes = await k.selectFrom("amu_retake").selectAll().where("participation_id", "in", ids).orderBy("seq").execute();
    const byId = new Map<string, ExamAttempt[]>();
    for (const r of retakes) {
      let list = byId.get(r.participation_id);
      if (!list) byId.set(r.participation_id, (list = []));
      list.push(toAttempt(r));
    }
    yield rows.map((r) => toParticipation(r, byId.get(r.participation_id) ?? []));
    after = ids[ids.length - 1]!;
    if (rows.length < pageSize) return;
  }
}

// ----------------------------------------------------------------------------------------------------------- bulk load

export interface BulkParticipation {
  data: VersionData;
  retakes: RetakeData[];
}

/**
 * Inserts many new participations (version 1) with their retakes in batches: one INSERT … SELECT FROM unnest(…) per
 * column set and batch, so a batch of thousands of rows is one statement with one parameter per column. Runs on
 * PostgreSQL and PGlite alike. Returns the new ids in input order.
 */
export async function bulkInsertParticipations(
  tx: AmuQ,
  institutionId: string,
  items: readonly BulkParticipation[],
  by: Recorder,
  reason: string,
  opts: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<string[]> {
  const batchSize = opts.batchSize ?? 5000;
  const ids: string[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize);
    const bIds = batch.map(() => crypto.randomUUID());
    ids.push(...bIds);
    const col = <T>(f: (d: VersionData) => T) => batch.map((b) => f(b.data));
    await sql`
      insert into amu_participation (id, institution_id, version, created_by)
      select id, ${institutionId}::uuid, 1, ${by.label} from unnest(${bIds}::uuid[]) as t(id)
    `.execute(tx);
    await sql`
      insert into amu_participation_version (
        participation_id, version, institution_id, is_current, cpr, fagkode, start_date, end_date, status, outsourced_to,
        eu_efteruddannelse, industry_certificate, emergency_teaching, forloeb_id, sub_courses, resultat_proevebelagt,
        resultat_ikke_proevebelagt, ej_relevant, ikv_competence_fagkoder, written_taken, oral_taken,
        industry_certificate_obtained, result_group, finding_errors, finding_warnings, recorded_by, recorded_by_id, reason)
      select id, 1, ${institutionId}::uuid, true, cpr, fagkode, start_date, end_date, status, outsourced_to,
        eu, ic, et, forloeb, sub::jsonb, rp, rip, ej, ikv::jsonb, wt, ot, ico, grp, errs, warns,
        ${by.label}, ${by.userId}::uuid, ${reason}
      from unnest(
        ${bIds}::uuid[], ${col((d) => d.cpr)}::text[], ${col((d) => d.fagkode)}::text[], ${col((d) => d.startDate)}::date[],
        ${col((d) => d.endDate)}::date[], ${col((d) => d.status)}::text[], ${col((d) => d.outsourcedTo)}::text[],
        ${col((d) => d.euEfteruddannelse)}::boolean[], ${col((d) => d.industryCertificate)}::boolean[],
        ${col((d) => d.emergencyTeaching)}::text[], ${col((d) => d.forloebId)}::text[],
        ${col((d) => JSON.stringify(d.subCourses))}::text[], ${col((d) => d.resultatProevebelagt)}::smallint[],
        ${col((d) => d.resultatIkkeProevebelagt)}::smallint[], ${col((d) => d.ejRelevant)}::boolean[],
        ${col((d) => JSON.stringify(d.ikvCompetenceFagkoder))}::text[], ${col((d) => d.writtenTaken ?? null)}::boolean[],
        ${col((d) => d.oralTaken ?? null)}::boolean[], ${col((d) => d.industryCertificateObtained ?? null)}::boolean[],
        ${col((d) => d.resultGroup)}::smallint[], ${col((d) => d.errors)}::integer[], ${col((d) => d.warnings)}::integer[]
      ) as t(id, cpr, fagkode, start_date, end_date, status, outsourced_to, eu, ic, et, forloeb, sub, rp, rip, ej, ikv,
             wt, ot, ico, grp, errs, warns)
    `.execute(tx);
    const retakeRows = batch.flatMap((b, i) => b.retakes.map((r, j) => ({ pid: bIds[i]!, seq: j + 2, r })));
    if (retakeRows.length > 0) {
      await sql`
        insert into amu_retake (id, participation_id, institution_id, seq, date, resultat_proevebelagt,
          resultat_ikke_proevebelagt, written_taken, oral_taken, added_in_version, recorded_by)
        select gen_random_uuid(), pid, ${institutionId}::uuid, seq, d, rp, rip, wt, ot, 1, ${by.label}
        from unnest(${retakeRows.map((x) => x.pid)}::uuid[], ${retakeRows.map((x) => x.seq)}::integer[],
          ${retakeRows.map((x) => x.r.date)}::date[], ${retakeRows.map((x) => x.r.resultatProevebelagt)}::smallint[],
          ${retakeRows.map((x) => x.r.resultatIkkeProevebelagt)}::smallint[], ${retakeRows.map((x) => x.r.writtenTaken)}::boolean[],
          ${retakeRows.map((x) => x.r.oralTaken)}::boolean[]) as t(pid, seq, d, rp, rip, wt, ot)
      `.execute(tx);
    }
    opts.onProgress?.(Math.min(items.length, start + batch.length));
  }
  return ids;
}

// ------------------------------------------------------------------------------------------------------------- reports

/** Takes the provider's next report number (1, 2, 3 …). Numbers are never reused: the counter only goes up. */
export async function nextReportNumber(tx: AmuTx, institutionId: string): Promise<number> {
  const r = await sql<{ last_number: number }>`
    insert into amu_report_counter (institution_id, last_number) values (${institutionId}, 1)
    on conflict (institution_id) do update set last_number = amu_report_counter.last_number + 1
    returning last_number
  `.execute(tx);
  return r.rows[0]!.last_number;
}

export interface StoredReport {
  id: string;
  number: number;
  quarter: string;
  windowFrom: string;
  windowTo: string;
  windowQuarters: string[];
  createdAt: string;
  createdBy: string;
  rowCount: number;
  rows: unknown[];
  diff: unknown[];
  counts: { new: number; changed: number; unchanged: number; removed: number };
  excluded: unknown[];
  previousId: string | null;
}

export async function insertReport(tx: AmuTx, institutionId: string, r: Omit<StoredReport, "id" | "createdAt" | "createdBy">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  // Compressed in libuv's thread pool, both at once (see migration 1002-amu-report-compressed).
  const [rowsGz, diffGz] = await Promise.all([gzipAsync(encodeRows(r.rows), GZIP), gzipAsync(JSON.stringify(r.diff), GZIP)]);
  await tx
    .insertInto("amu_report")
    .values({
      id,
      institution_id: institutionId,
      number: r.number,
      quarter: r.quarter,
      window_from: r.windowFrom,
      window_to: r.windowTo,
      window_quarters: JSON.stringify(r.windowQuarters),
      created_by: by.label,
      created_by_id: by.userId,
      row_count: r.rowCount,
      rows: null,
      diff: null,
      rows_gz: rowsGz,
      diff_gz: diffGz,
      counts: JSON.stringify(r.counts),
      excluded: JSON.stringify(r.excluded),
      previous_id: r.previousId,
    })
    .execute();
  return id;
}

/**
 * The rows are stored as one jsonb value in a compact form, the column names once and each row as an array of its
 * values in that order ({"columns": [...], "values": [[...], ...]}): the same JSON values as the row objects (exact),
 * in well under half the bytes. Reports stored earlier hold an array of row objects; both are read.
 */
const gzipAsync = promisify(gzip);
/** Level 1: a quarter of the JSON's size at several times the speed of the default level. */
const GZIP = { level: 1 } as const;

function encodeRows(rows: readonly unknown[]): string {
  const columns = REPORT_COLUMNS as readonly string[];
  let out = `{"columns":${JSON.stringify(columns)},"values":[`;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    out += (i === 0 ? "" : ",") + JSON.stringify(columns.map((c) => row[c]));
  }
  return out + "]}";
}

function decodeRows(stored: unknown): unknown[] {
  if (stored === null || stored === undefined) return [];
  if (Array.isArray(stored)) return stored;
  const { columns, values } = stored as { columns: string[]; values: unknown[][] };
  return values.map((v) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = v[i];
    return row;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selected report row
function toReport(r: any): StoredReport {
  return {
    id: r.id,
    number: r.number,
    quarter: r.quarter,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    windowQuarters: r.window_quarters ?? [],
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
    rowCount: r.row_count,
    rows: decodeRows(r.rows_gz ? JSON.parse(gunzipSync(r.rows_gz).toString("utf8")) : r.rows),
    diff: r.diff_gz ? JSON.parse(gunzipSync(r.diff_gz).toString("utf8")) : (r.diff ?? []),
    counts: r.counts,
    excluded: r.excluded ?? [],
    previousId: r.previous_id,
  };
}

const SUMMARY_COLS = [
  "id",
  "number",
  "quarter",
  "window_from",
  "window_to",
  "window_quarters",
  "created_at",
  "created_by",
  "row_count",
  "counts",
  "previous_id",
] as const;

/** Summaries (without rows) newest first. */
export async function listReports(k: AmuQ, institutionId: string): Promise<StoredReport[]> {
  const rows = await k.selectFrom("amu_report").select(SUMMARY_COLS).where("institution_id", "=", institutionId).orderBy("number", "desc").execute();
  return rows.map(toReport);
}

export async function getReport(k: AmuQ, institutionId: string, id: string): Promise<StoredReport | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await k.selectFrom("amu_report").selectAll().where("institution_id", "=", institutionId).where("id", "=", id).executeTakeFirst();
  return r ? toReport(r) : undefined;
}

export async function getReportByNumber(k: AmuQ, institutionId: string, number: number): Promise<StoredReport | undefined> {
  const r = await k.selectFrom("amu_report").selectAll().where("institution_id", "=", institutionId).where("number", "=", number).executeTakeFirst();
  return r ? toReport(r) : undefined;
}

export async function latestReport(k: AmuQ, institutionId: string): Promise<StoredReport | undefined> {
  const r = await k
    .selectFrom("amu_report")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return r ? toReport(r) : undefined;
}

