/**
 * Sessions live in the database (table user_session), so any number of server instances can serve one PostgreSQL
 * (docs/decisions/0001-sessions-in-database.md). The cookie holds a random token; the row's id is its sha256.
 * Expiry slides: each use moves it IDLE ahead, but never past created_at + MAX_AGE.
 */
import type { Kysely } from "kysely";
import type { PlatformTables } from "../db/schema.ts";
import { randomSecret, sha256Hex } from "./tokens.ts";

type K = Kysely<PlatformTables>;

export const SESSION_COOKIE = "bevis_session";
/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and in any case this long after login. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen/expiry are written at most this often per session (saves a write per request). */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionRow {
  id: string;
  userId: string;
  institutionId: string | null;
  expiresAt: Date;
}

export async function createSession(db: K, userId: string, institutionId: string | null, now = new Date()): Promise<{ token: string; session: SessionRow }> {
  const token = randomSecret();
  const id = sha256Hex(token);
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db
    .insertInto("user_session")
    .values({ id, user_id: userId, institution_id: institutionId, created_at: now, last_seen_at: now, expires_at: expiresAt })
    .execute();
  return { token, session: { id, userId, institutionId, expiresAt } };
}

/** The live session for a cookie token, its expiry slid forward; undefined when unknown or expired. */
export async function resolveSession(db: K, token: string, now = new Date()): Promise<SessionRow | undefined> {
  if (!token || token.length > 200) return undefined;
  const id = sha256Hex(token);
  const row = await db
    .selectFrom("user_session")
    .select(["id", "user_id", "institution_id", "created_at", "expires_at", "last_seen_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  if (new Date(row.expires_at).getTime() <= now.getTime()) {
    await db.deleteFrom("user_session").where("id", "=", id).execute();
    return undefined;
  }
  let expiresAt = new Date(row.expires_at);
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    const cap = new Date(row.created_at).getTime() + SESSION_MAX_AGE_MS;
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap));
    await db.updateTable("user_session").set({ last_seen_at: now, expires_at: expiresAt }).where("id", "=", id).execute();
  }
  return { id: row.id, userId: row.user_id, institutionId: row.institution_id, expiresAt };
}

export async function setSessionInstitution(db: K, sessionId: string, institutionId: string): Promise<void> {
  await db.updateTable("user_session").set({ institution_id: institutionId }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: K, sessionId: string): Promise<void> {
  await db.deleteFrom("user_session").where("id", "=", sessionId).execute();
}

/** Removes expired sessions (called now and then by the server; harmless to call from several instances). */
export async function purgeExpiredSessions(db: K, now = new Date()): Promise<number> {
  const r = await db.deleteFrom("user_session").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
