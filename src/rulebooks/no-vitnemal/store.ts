/**
 * Vitnemål store: SQL only. Every function takes the institution id it is scoped by (the service passes
 * `actor.institutionId`, never a value from the request). No rules here: the service runs decide/issuance and passes
 * the results.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import type { IssuanceEvent } from "./issuance.ts";
import type { VitnemalTables } from "./schema.ts";
import { type Claim, claimNextVersion as claimVersion } from "../../platform/db/versioned.ts";

export type VmKysely = Kysely<PlatformTables & VitnemalTables>;
export type VmTx = Transaction<PlatformTables & VitnemalTables>;
export type VmQ = VmKysely | VmTx;

export function vitnemalKysely(db: Db): VmKysely {
  return db.kysely.withTables<VitnemalTables>() as unknown as VmKysely;
}

export interface Recorder {
  label: string;
  userId: string | null;
}

// -------------------------------------------------------------------------------------------------------------- cases

/** The columns of one version row the service decides. */
export interface CaseVersionData {
  fnr: string;
  name: string;
  /** The case input (docs/api.md `VitnemalCaseInput`), stored as given after validation. */
  input: Record<string, unknown>;
  errors: number;
  warnings: number;
}

function versionValues(caseId: string, institutionId: string, version: number, d: CaseVersionData, by: Recorder, reason: string | null) {
  return {
    case_id: caseId,
    version,
    institution_id: institutionId,
    fnr: d.fnr,
    name: d.name,
    input: JSON.stringify(d.input),
    finding_errors: d.errors,
    finding_warnings: d.warnings,
    recorded_by: by.label,
    recorded_by_id: by.userId,
    reason,
  };
}

export async function insertCase(tx: VmQ, institutionId: string, d: CaseVersionData, by: Recorder, reason: string | null): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("vitnemal_case").values({ id, institution_id: institutionId, version: 1, created_by: by.label }).execute();
  await tx.insertInto("vitnemal_case_version").values(versionValues(id, institutionId, 1, d, by, reason)).execute();
  return id;
}

/** Takes the next version when `expected` is the current one; "missing" (other institution / no such case) or "stale". */
export const claimNextVersion = (tx: VmTx, institutionId: string, id: string, expected: number): Promise<Claim> =>
  claimVersion(tx, "vitnemal_case", institutionId, id, expected);

/** Appends the next version (the one before stays as it was: the table is append-only). */
export async function insertVersion(tx: VmTx, institutionId: string, id: string, version: number, d: CaseVersionData, by: Recorder, reason: string): Promise<void> {
  await tx.insertInto("vitnemal_case_version").values(versionValues(id, institutionId, version, d, by, reason)).execute();
}

export interface StoredCase {
  id: string;
  version: number;
  fnr: string;
  name: string;
  input: Record<string, unknown>;
  errors: number;
  warnings: number;
  recordedAt: string;
  recordedBy: string;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** The current version of a case (or a given version). */
export async function getCase(k: VmQ, institutionId: string, id: string, version?: number): Promise<StoredCase | undefined> {
  const r = await k
    .selectFrom("vitnemal_case as c")
    .innerJoin("vitnemal_case_version as v", (j) => j.onRef("v.case_id", "=", "c.id").on(version === undefined ? sql<boolean>`v.version = c.version` : sql<boolean>`v.version = ${version}`))
    .select(["c.id", "v.version", "v.fnr", "v.name", "v.input", "v.finding_errors", "v.finding_warnings", "v.recorded_at", "v.recorded_by"])
    .where("c.id", "=", id)
    .where("c.institution_id", "=", institutionId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    version: r.version,
    fnr: r.fnr,
    name: r.name,
    input: r.input,
    errors: r.finding_errors,
    warnings: r.finding_warnings,
    recordedAt: iso(r.recorded_at),
    recordedBy: r.recorded_by,
  };
}

/** The current versions of several cases (those of this institution; the others are left out). */
export async function getCases(k: VmQ, institutionId: string, ids: readonly string[]): Promise<StoredCase[]> {
  if (ids.length === 0) return [];
  const rows = await k
    .selectFrom("vitnemal_case as c")
    .innerJoin("vitnemal_case_version as v", (j) => j.onRef("v.case_id", "=", "c.id").onRef("v.version", "=", "c.version"))
    .select(["c.id", "v.version", "v.fnr", "v.name", "v.input", "v.finding_errors", "v.finding_warnings", "v.recorded_at", "v.recorded_by"])
    .where("c.id", "in", [...ids])
    .where("c.institution_id", "=", institutionId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    fnr: r.fnr,
    name: r.name,
    input: r.input,
    errors: r.finding_errors,
    warnings: r.finding_warnings,
    recordedAt: iso(r.recorded_at),
    recordedBy: r.recorded_by,
  }));
}

export interface HistoryEntry {
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  supersededAt: string | null;
  supersededBy: string | null;
}

/** Every version, oldest first; a version is superseded by the next one (its time and author). */
export async function getHistory(k: VmQ, institutionId: string, id: string): Promise<HistoryEntry[]> {
  const rows = await k
    .selectFrom("vitnemal_case_version")
    .select(["version", "recorded_at", "recorded_by", "reason"])
    .where("case_id", "=", id)
    .where("institution_id", "=", institutionId)
    .orderBy("version")
    .execute();
  return rows.map((r, i) => {
    const next = rows[i + 1];
    return {
      version: r.version,
      recordedAt: iso(r.recorded_at),
      recordedBy: r.recorded_by,
      reason: r.reason,
      supersededAt: next ? iso(next.recorded_at) : null,
      supersededBy: next ? next.recorded_by : null,
    };
  });
}

export interface ListedCase {
  id: string;
  version: number;
  fnr: string;
  name: string;
  input: Record<string, unknown>;
  errors: number;
  warnings: number;
}

/** The institution's cases, current versions, by name. */
export async function listCases(k: VmQ, institutionId: string, o: { limit?: number; offset?: number } = {}): Promise<{ rows: ListedCase[]; total: number }> {
  const base = k
    .selectFrom("vitnemal_case as c")
    .innerJoin("vitnemal_case_version as v", (j) => j.onRef("v.case_id", "=", "c.id").onRef("v.version", "=", "c.version"))
    .where("c.institution_id", "=", institutionId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst();
  const rows = await base
    .select(["c.id", "v.version", "v.fnr", "v.name", "v.input", "v.finding_errors", "v.finding_warnings"])
    .orderBy("v.name")
    .orderBy("c.id")
    .limit(o.limit ?? 500)
    .offset(o.offset ?? 0)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    rows: rows.map((r) => ({ id: r.id, version: r.version, fnr: r.fnr, name: r.name, input: r.input, errors: r.finding_errors, warnings: r.finding_warnings })),
  };
}

// ----------------------------------------------------------------------------------------------------------- issuance

/**
 * Locks the institution's issuance log for this transaction (a row lock on its head) and returns the last seq. Two
 * issuing transactions of one institution run one after the other, so each sees the other's events and numbers.
 */
export async function lockLog(tx: VmTx, institutionId: string): Promise<number> {
  const r = await sql<{ last_seq: number }>`
    insert into vitnemal_log_head (institution_id, last_seq) values (${institutionId}, 0)
    on conflict (institution_id) do update set last_seq = vitnemal_log_head.last_seq
    returning last_seq
  `.execute(tx);
  return Number(r.rows[0]!.last_seq);
}

/** The institution's issuance log, in seq order. */
export async function loadLog(k: VmQ, institutionId: string): Promise<IssuanceEvent[]> {
  const rows = await k.selectFrom("vitnemal_issuance").select(["event"]).where("institution_id", "=", institutionId).orderBy("seq").execute();
  return rows.map((r) => r.event as unknown as IssuanceEvent);
}

/**
 * Takes a serial from the counter of (institution, letter, year): the counter must be below it (numbers are never
 * reused) and is set to it. Returns false when the counter is already at or past it.
 */
export async function takeSerial(tx: VmTx, institutionId: string, letter: "V" | "K", year: number, serial: number): Promise<boolean> {
  const r = await sql<{ last_serial: number }>`
    insert into vitnemal_number_counter (institution_id, letter, year, last_serial) values (${institutionId}, ${letter}, ${year}, ${serial})
    on conflict (institution_id, letter, year) do update set last_serial = excluded.last_serial
      where vitnemal_number_counter.last_serial < excluded.last_serial
    returning last_serial
  `.execute(tx);
  return r.rows.length === 1;
}

/** Moves the counter up to at least `serial` (a number that came from outside, e.g. an archived original, §2.11 way 1). */
export async function raiseSerial(tx: VmTx, institutionId: string, letter: "V" | "K", year: number, serial: number): Promise<void> {
  await sql`
    insert into vitnemal_number_counter (institution_id, letter, year, last_serial) values (${institutionId}, ${letter}, ${year}, ${serial})
    on conflict (institution_id, letter, year) do update set last_serial = greatest(vitnemal_number_counter.last_serial, excluded.last_serial)
  `.execute(tx);
}

/**
 * The part of the log one person's issuing reads: every event on a number issued to this fødselsnummer or from this
 * case (their documents, cancellations and duplicates), in seq order.
 */
export async function loadPersonLog(k: VmQ, institutionId: string, o: { fnr: string; caseId: string }): Promise<IssuanceEvent[]> {
  const rows = await k
    .selectFrom("vitnemal_issuance")
    .select(["event"])
    .where("institution_id", "=", institutionId)
    .where("number", "in", (eb) =>
      eb
        .selectFrom("vitnemal_issuance as i")
        .select("i.number")
        .where("i.institution_id", "=", institutionId)
        .where("i.type", "=", "issued")
        .where((w) => w.or([w("i.fnr", "=", o.fnr), w("i.case_id", "=", o.caseId)])),
    )
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.event as unknown as IssuanceEvent);
}

/** An event of the log with the person and case of the document it is about (from the number's "issued" row). */
export interface OwnedEvent {
  event: IssuanceEvent;
  fnr: string | null;
  caseId: string | null;
}

/**
 * loadPersonLog for several people at once (a batch): every event on a number issued to one of these fødselsnumre or
 * from one of these cases, in seq order, each with the fødselsnummer and case of its number's "issued" row.
 */
export async function loadPeopleLog(k: VmQ, institutionId: string, o: { fnrs: readonly string[]; caseIds: readonly string[] }): Promise<OwnedEvent[]> {
  if (o.fnrs.length === 0 && o.caseIds.length === 0) return [];
  const rows = await k
    .selectFrom("vitnemal_issuance as e")
    .innerJoin("vitnemal_issuance as i", (j) => j.onRef("i.institution_id", "=", "e.institution_id").onRef("i.number", "=", "e.number").on("i.type", "=", "issued"))
    .select(["e.event", "i.fnr", "i.case_id"])
    .where("e.institution_id", "=", institutionId)
    .where((w) =>
      w.or([
        ...(o.fnrs.length > 0 ? [w("i.fnr", "in", [...o.fnrs])] : []),
        ...(o.caseIds.length > 0 ? [w("i.case_id", "in", [...o.caseIds])] : []),
      ]),
    )
    .orderBy("e.seq")
    .execute();
  return rows.map((r) => ({ event: r.event as unknown as IssuanceEvent, fnr: r.fnr, caseId: r.case_id }));
}

/**
 * The events on one document number (its issue, cancellation and duplicates), in seq order: what printing it reads.
 * One indexed lookup (vitnemal_issuance_number), however long the institution's log is.
 */
export async function loadDocumentLog(k: VmQ, institutionId: string, number: string): Promise<IssuanceEvent[]> {
  const rows = await k
    .selectFrom("vitnemal_issuance")
    .select(["event"])
    .where("institution_id", "=", institutionId)
    .where("number", "=", number)
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.event as unknown as IssuanceEvent);
}

/** A case a batch may issue: its id, name and the last year of its subjects (0 when none has a year). */
export interface BatchCase {
  id: string;
  name: string;
  lastYear: number;
}

/**
 * The cases of a batch: every current case whose subjects' last year is `year` and that has no valid document, by
 * name — ids and names only (the service reads each case when it issues it, so a batch holds no inputs). `total` is the
 * number of cases of the institution. The year is read from the stored input in SQL (`subjects[].year.year`, a
 * number or a string of digits).
 */
export async function listBatchCases(k: VmQ, institutionId: string, year: number): Promise<{ rows: BatchCase[]; total: number }> {
  const lastYear = sql<number>`coalesce((
    select max((s->'year'->>'year')::int)
      from jsonb_array_elements(case when jsonb_typeof(v.input->'subjects') = 'array' then v.input->'subjects' else '[]'::jsonb end) s
     where (s->'year'->>'year') ~ '^[0-9]{1,4}$'), 0)`;
  const total = await k.selectFrom("vitnemal_case").select((eb) => eb.fn.countAll<string>().as("n")).where("institution_id", "=", institutionId).executeTakeFirst();
  const rows = await k
    .selectFrom("vitnemal_case as c")
    .innerJoin("vitnemal_case_version as v", (j) => j.onRef("v.case_id", "=", "c.id").onRef("v.version", "=", "c.version"))
    .select(["c.id", "v.name", lastYear.as("last_year")])
    .where("c.institution_id", "=", institutionId)
    .where(lastYear, "=", year)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("vitnemal_document as d")
            .select("d.number")
            .whereRef("d.case_id", "=", "c.id")
            .where("d.institution_id", "=", institutionId)
            .where("d.status", "=", "issued"),
        ),
      ),
    )
    .orderBy("v.name")
    .orderBy("c.id")
    .execute();
  return { total: Number(total?.n ?? 0), rows: rows.map((r) => ({ id: r.id, name: r.name, lastYear: Number(r.last_year) })) };
}

/** The last serial the counter has given for (institution, letter, year), 0 when none. */
export async function lastSerial(k: VmQ, institutionId: string, letter: "V" | "K", year: number): Promise<number> {
  const r = await k
    .selectFrom("vitnemal_number_counter")
    .select("last_serial")
    .where("institution_id", "=", institutionId)
    .where("letter", "=", letter)
    .where("year", "=", year)
    .executeTakeFirst();
  return r?.last_serial ?? 0;
}

/** Appends events to the log (their seq follows the head) and moves the head. */
export async function appendEvents(
  tx: VmTx,
  institutionId: string,
  events: readonly IssuanceEvent[],
  meta: { caseId: string | null; caseVersion: number | null; byId: string | null },
): Promise<void> {
  await appendEventGroups(tx, institutionId, [{ events, caseId: meta.caseId, caseVersion: meta.caseVersion }], meta.byId);
}

/**
 * Appends the events of several operations (a batch: one group per case) in one statement, in the given order (their
 * seqs follow the head and each other), and moves the head to the last.
 */
export async function appendEventGroups(
  tx: VmTx,
  institutionId: string,
  groups: readonly { events: readonly IssuanceEvent[]; caseId: string | null; caseVersion: number | null }[],
  byId: string | null,
): Promise<void> {
  const rows = groups.flatMap((g) =>
    g.events.map((e) => {
      const doc = e.type === "issued" ? e.document : e.type === "duplicated" ? (e.archived ?? null) : null;
      return {
        id: crypto.randomUUID(),
        institution_id: institutionId,
        seq: e.seq,
        type: e.type,
        number: e.number,
        kind: doc?.kind ?? null,
        fnr: doc?.person.fodselsnummer ?? null,
        case_id: e.type === "issued" ? g.caseId : null,
        case_version: e.type === "issued" ? g.caseVersion : null,
        reason: e.type === "duplicated" ? `way-${e.way}` : e.reason,
        replaces: e.type === "issued" ? (e.replaces ?? null) : null,
        replaced_by: e.type === "cancelled" ? (e.replacedBy ?? null) : null,
        way: e.type === "duplicated" ? e.way : e.type === "issued" && e.reason === "duplicate" ? 3 : null,
        event: JSON.stringify(e),
        on_date: e.on,
        by_label: e.by,
        created_by_id: byId,
      };
    }),
  );
  if (rows.length === 0) return;
  await tx.insertInto("vitnemal_issuance").values(rows).execute();
  await tx.updateTable("vitnemal_log_head").set({ last_seq: rows[rows.length - 1]!.seq }).where("institution_id", "=", institutionId).execute();
}

export interface DocumentRow {
  number: string;
  kind: "vitnemal" | "kompetansebevis";
  fnr: string;
  caseId: string | null;
  caseVersion: number | null;
  reason: string;
  replaces: string | null;
  on: string;
  by: string;
  status: "issued" | "cancelled";
}

const dateText = (d: string | Date): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** Issued documents (with their status), newest first; filter by case or by issue date range. */
export async function listDocuments(k: VmQ, institutionId: string, f: { caseId?: string; from?: string; to?: string } = {}): Promise<DocumentRow[]> {
  let q = k.selectFrom("vitnemal_document").selectAll().where("institution_id", "=", institutionId);
  if (f.caseId !== undefined) q = q.where("case_id", "=", f.caseId);
  if (f.from !== undefined) q = q.where("on_date", ">=", f.from);
  if (f.to !== undefined) q = q.where("on_date", "<=", f.to);
  const rows = await q.orderBy("seq", "desc").execute();
  return rows.map((r) => ({
    number: r.number,
    kind: r.kind,
    fnr: r.fnr,
    caseId: r.case_id,
    caseVersion: r.case_version,
    reason: r.reason,
    replaces: r.replaces,
    on: dateText(r.on_date),
    by: r.by_label,
    status: r.status,
  }));
}
