/**
 * Login throttling (docs/decisions/0005-login-throttling.md): failed logins are counted per account (the e-mail,
 * case-insensitive) and per client address in a rolling window, in the database, so every server instance on one
 * PostgreSQL shares the count. Over a limit, the attempt is refused before any password is checked.
 *
 * How an attempt is counted: `admitLogin` writes a `login_attempt` row BEFORE the password is checked, inside a short
 * transaction that holds a transaction-scoped advisory lock per account and per address, so concurrent attempts
 * cannot slip past the limit together. A successful login appends a `login_success` row for its attempt; every
 * attempt without one is a failure (or still in flight). An account's count starts after its latest success (a
 * success clears the account's counter); an address's count is its attempts without a success. Rows are never
 * updated (a trigger refuses UPDATE); rows older than the longest window are pruned by `pruneLoginAttempts`.
 *
 * Every function takes `now`: the clock is an input, so tests move time without sleeping.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { PlatformTables, Timestamp } from "../db/schema.ts";
import { normalizeEmail } from "./directory.ts";

export interface LoginAttemptTable {
  id: string; // uuid
  at: Timestamp;
  /** The normalised e-mail the attempt named (whether or not such a user exists). */
  account: string;
  /** The client address (see clientAddress in src/platform/http/platform-routes.ts); "unknown" when there is none. */
  address: string;
}

export interface LoginSuccessTable {
  attempt_id: string;
  account: string;
  at: Timestamp;
}

export type LoginThrottleTables = {
  login_attempt: LoginAttemptTable;
  login_success: LoginSuccessTable;
};

type K = Kysely<PlatformTables>;
type TK = Kysely<PlatformTables & LoginThrottleTables>;

const tk = (db: K): TK => db.withTables<LoginThrottleTables>() as unknown as TK;

export interface ThrottleLimits {
  /** Failed logins per account within `windowMs` before further attempts are refused. */
  perAccount: number;
  /** Failed logins per client address within `windowMs` (any e-mails) before further attempts are refused. */
  perAddress: number;
  /** The rolling window. */
  windowMs: number;
}

/** 10 failures per account and 50 per address in any 15 minutes (the ADR explains the numbers). */
export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 10, perAddress: 50, windowMs: 15 * 60 * 1000 };

/** The longest attempt value stored, so a huge body cannot bloat the table (the login route allows 320). */
const MAX_KEY = 320;

export type Admission =
  | { allowed: true; attemptId: string }
  | {
      allowed: false;
      /** Which limit was hit (the account's wins when both are). */
      scope: "account" | "address";
      /** Whole seconds until one more attempt is allowed (≥ 1). */
      retryAfterSeconds: number;
    };

/** The key an e-mail is counted under: trimmed, lower-case, at most 320 characters. */
export function accountKey(email: string): string {
  return normalizeEmail(email).slice(0, MAX_KEY);
}

async function lock(db: TK, key: string): Promise<void> {
  // hashtextextended: a 64-bit hash of the key; a collision only serialises two unrelated keys for a moment.
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
}

/**
 * When the `limit`-th most recent counted attempt leaves the window, the count drops below the limit: that is the
 * earliest moment one more attempt is allowed. Undefined while under the limit.
 */
function retryAfter(newestFirst: readonly { at: Date | string }[], limit: number, limits: ThrottleLimits, now: Date): number | undefined {
  if (newestFirst.length < limit) return undefined;
  const pivot = new Date(newestFirst[limit - 1]!.at).getTime();
  return Math.max(1, Math.ceil((pivot + limits.windowMs - now.getTime()) / 1000));
}

/**
 * Decides whether a login attempt may go on to the password check, and records it when it may. Call it before
 * looking at the password; on a refusal do not check the password at all.
 */
export async function admitLogin(
  db: K,
  input: { email: string; address: string },
  now: Date,
  limits: ThrottleLimits = DEFAULT_LIMITS,
): Promise<Admission> {
  const account = accountKey(input.email);
  const address = input.address.slice(0, MAX_KEY) || "unknown";
  const since = new Date(now.getTime() - limits.windowMs);
  return tk(db)
    .transaction()
    .execute(async (tx) => {
      // Always account first, then address: two attempts never wait for each other's locks in a cycle.
      await lock(tx, `bevis.login.account:${account}`);
      await lock(tx, `bevis.login.address:${address}`);
      const lastSuccess = await tx
        .selectFrom("login_success")
        .select((eb) => eb.fn.max("at").as("at"))
        .where("account", "=", account)
        .executeTakeFirst();
      const accountFrom = lastSuccess?.at && new Date(lastSuccess.at).getTime() > since.getTime() ? new Date(lastSuccess.at) : since;
      const byAccount = await tx
        .selectFrom("login_attempt")
        .select("at")
        .where("account", "=", account)
        .where("at", ">", accountFrom)
        .orderBy("at", "desc")
        .limit(limits.perAccount)
        .execute();
      const accountWait = retryAfter(byAccount, limits.perAccount, limits, now);
      if (accountWait !== undefined) return { allowed: false, scope: "account", retryAfterSeconds: accountWait } as const;
      const byAddress = await tx
        .selectFrom("login_attempt as a")
        .select("a.at")
        .where("a.address", "=", address)
        .where("a.at", ">", since)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom("login_success as s").select("s.attempt_id").whereRef("s.attempt_id", "=", "a.id"))))
        .orderBy("a.at", "desc")
        .limit(limits.perAddress)
        .execute();
      const addressWait = retryAfter(byAddress, limits.perAddress, limits, now);
      if (addressWait !== undefined) return { allowed: false, scope: "address", retryAfterSeconds: addressWait } as const;
      const attemptId = randomUUID();
      await tx.insertInto("login_attempt").values({ id: attemptId, at: now, account, address }).execute();
      return { allowed: true, attemptId } as const;
    });
}

/** Marks an admitted attempt as a successful login: the account's counter starts again from here. */
export async function recordLoginSuccess(db: K, attemptId: string, email: string, now: Date): Promise<void> {
  await tk(db)
    .insertInto("login_success")
    .values({ attempt_id: attemptId, account: accountKey(email), at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Deletes attempts (and their successes) that no window can count any more. Harmless to call from several instances
 * at once. Keeps the latest success of each account only while its attempt is in the window: an older success no
 * longer matters, since every attempt before it is outside the window too.
 */
export async function pruneLoginAttempts(db: K, now: Date, limits: ThrottleLimits = DEFAULT_LIMITS): Promise<number> {
  const before = new Date(now.getTime() - limits.windowMs);
  const k = tk(db);
  await k.deleteFrom("login_success").where("at", "<=", before).execute();
  const r = await k.deleteFrom("login_attempt").where("at", "<=", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The failed (or in-flight) attempts an account has in the window now; for tests and operators. */
export async function failuresOf(db: K, email: string, now: Date, limits: ThrottleLimits = DEFAULT_LIMITS): Promise<number> {
  const account = accountKey(email);
  const since = new Date(now.getTime() - limits.windowMs);
  const k = tk(db);
  const lastSuccess = await k.selectFrom("login_success").select((eb) => eb.fn.max("at").as("at")).where("account", "=", account).executeTakeFirst();
  const from = lastSuccess?.at && new Date(lastSuccess.at).getTime() > since.getTime() ? new Date(lastSuccess.at) : since;
  const r = await k
    .selectFrom("login_attempt")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("account", "=", account)
    .where("at", ">", from)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
