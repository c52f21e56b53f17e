/**
 * Optimistic concurrency for every rulebook's versioned entities: a head row (`id`, `institution_id`, `version`) whose
 * version is bumped when a correction is written; the correction itself goes into the rulebook's append-only version
 * table. A write that names a version other than the current one is refused ("stale", → 409), one for another
 * institution's row is "missing" (→ 404).
 */
import { sql, type QueryExecutorProvider } from "kysely";

export type Claim = { ok: true; version: number } | { ok: false; why: "missing" } | { ok: false; why: "stale"; current: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether `s` can be a row id (so a malformed id is "missing", not a database error). */
export const isUuid = (s: string): boolean => UUID.test(s);

/** Takes the next version of `table`'s row `id` in the institution when `expected` is its current version. */
export async function claimNextVersion(tx: QueryExecutorProvider, table: string, institutionId: string, id: string, expected: number): Promise<Claim> {
  if (!isUuid(id)) return { ok: false, why: "missing" };
  const t = sql.table(table);
  const r = await sql<{ version: number }>`update ${t} set version = version + 1
    where id = ${id} and institution_id = ${institutionId} and version = ${expected} returning version`.execute(tx);
  const bumped = r.rows[0];
  if (bumped) return { ok: true, version: Number(bumped.version) };
  const cur = await sql<{ version: number }>`select version from ${t} where id = ${id} and institution_id = ${institutionId}`.execute(tx);
  const current = cur.rows[0];
  return current ? { ok: false, why: "stale", current: Number(current.version) } : { ok: false, why: "missing" };
}
