/**
 * Login throttling (docs/decisions/0005-login-throttling.md) on both databases: the limits per account and per
 * address, refusal before the password check, the rolling window on a moved clock, reset on success, the count shared
 * by two app instances (two connection pools on PostgreSQL), concurrent attempts, and the trusted-proxy switch.
 */
import type { Hono } from "hono";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/connect.ts";
import { platformMigrations } from "../db/migrations/index.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createTestDatabase, testServerUrl, testTargets } from "../db/testing.ts";
import { createApp } from "../http/app.ts";
import type { AppEnv } from "../http/context.ts";
import type { LoginOptions } from "../http/platform-routes.ts";
import { makeInstitution, makeUser, testClient } from "../http/testing.ts";
import { admitLogin, DEFAULT_LIMITS, failuresOf, pruneLoginAttempts, recordLoginSuccess, type ThrottleLimits } from "./throttle.ts";

const MIN = 60 * 1000;
const T0 = new Date("2026-03-02T08:00:00Z");

/** A clock the test moves by hand. */
function clock(start = T0) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), set: (d: Date) => void (t = d.getTime()) };
}

interface Sent {
  status: number;
  retryAfter: string | null;
  body: { title?: string; detail?: string; findings?: { rule: string; message: { en: string; da?: string }; subject?: string }[] };
}

/** POST /api/auth/login as if from `address` (the node server's socket), with extra headers. */
async function loginFrom(app: Hono<AppEnv>, email: string, password: string, address?: string, headers: Record<string, string> = {}): Promise<Sent> {
  const env = address ? { incoming: { socket: { remoteAddress: address } } } : undefined;
  const res = await app.request(
    "http://localhost/api/auth/login",
    { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email, password }) },
    env,
  );
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: text ? JSON.parse(text) : {} };
}

const failedAudits = async (db: Db, email: string) =>
  Number(
    (
      await db.kysely
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("action", "=", "auth.login.failed")
        .where(sql<boolean>`detail->>'email' = ${email.toLowerCase()}`)
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const target of testTargets()) {
  describe(`login throttling on ${target.kind}`, () => {
    let db: Db & { drop(): Promise<void> };
    let inst: { id: string };

    beforeAll(async () => {
      db = await target.open(platformMigrations);
      inst = await makeInstitution(db, "Throttle");
    });
    afterAll(async () => db?.drop());

    const appWith = (login: LoginOptions) => createApp({ db, rulebooks: [], login });

    it("refuses the 11th failure in 15 minutes with 429 + Retry-After, before the password is checked", async () => {
      const u = await makeUser(db, inst.id, ["tap"]);
      const c = clock();
      const app = appWith({ now: c.now });
      for (let i = 1; i <= DEFAULT_LIMITS.perAccount; i++) {
        const r = await loginFrom(app, i % 2 ? u.email : u.email.toUpperCase(), "wrong-password", "192.0.2.10");
        expect(r.status, `failure ${i}`).toBe(401);
        c.advance(30 * 1000);
      }
      expect(await failedAudits(db, u.email)).toBe(10);
      // The 11th — even with the right password — is refused without a look at the password.
      const refused = await loginFrom(app, u.email, u.password, "192.0.2.10");
      expect(refused.status).toBe(429);
      expect(refused.body.title).toBe("Too Many Requests");
      // The first failure (at T0) leaves the window at T0 + 15 min; now is T0 + 5 min.
      expect(refused.retryAfter).toBe(String(10 * 60));
      expect(refused.body.findings?.[0]).toMatchObject({ rule: "platform.login.throttled.account", subject: "email" });
      expect(refused.body.findings?.[0]?.message.da).toMatch(/For mange mislykkede login.*Prøv igen om 10 minutter/);
      expect(refused.body.findings?.[0]?.message.en).toMatch(/Too many failed logins.*Try again in 10 minutes/);
      expect(await failedAudits(db, u.email)).toBe(10); // nothing was checked, so nothing failed
      const sessions = await db.kysely.selectFrom("user_session").select("id").where("user_id", "=", u.id).execute();
      expect(sessions).toEqual([]);
      // Another address does not help: the account is the key.
      expect((await loginFrom(app, u.email, u.password, "198.51.100.7")).status).toBe(429);
    });

    it("throttles an unknown e-mail exactly like a known one (no oracle)", async () => {
      const c = clock();
      const app = appWith({ now: c.now, limits: { ...DEFAULT_LIMITS, perAccount: 3 } });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await loginFrom(app, "nobody.here@test.example", "x", "192.0.2.11")).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it("allows again once the oldest failures leave the rolling window", async () => {
      const u = await makeUser(db, inst.id, ["tap"]);
      const c = clock();
      const app = appWith({ now: c.now, limits: { ...DEFAULT_LIMITS, perAccount: 3 } });
      for (let i = 0; i < 3; i++) {
        expect((await loginFrom(app, u.email, "wrong", "192.0.2.12")).status).toBe(401);
        c.advance(MIN); // failures at T0, T0+1, T0+2 min
      }
      c.set(new Date(T0.getTime() + 15 * MIN - 1000)); // the first failure is still inside
      const still = await loginFrom(app, u.email, u.password, "192.0.2.12");
      expect(still.status).toBe(429);
      expect(still.retryAfter).toBe("1");
      c.set(new Date(T0.getTime() + 15 * MIN)); // now it has left: one attempt is free
      expect((await loginFrom(app, u.email, "wrong", "192.0.2.12")).status).toBe(401);
      expect((await loginFrom(app, u.email, u.password, "192.0.2.12")).status).toBe(429); // …and used up
      c.set(new Date(T0.getTime() + 16 * MIN));
      expect((await loginFrom(app, u.email, u.password, "192.0.2.12")).status).toBe(200);
    });

    it("clears the account's counter on a successful login", async () => {
      const u = await makeUser(db, inst.id, ["tap"]);
      const c = clock();
      const app = appWith({ now: c.now, limits: { ...DEFAULT_LIMITS, perAccount: 3 } });
      for (let i = 0; i < 2; i++) expect((await loginFrom(app, u.email, "wrong", "192.0.2.13")).status).toBe(401);
      c.advance(1000);
      expect(await failuresOf(db.kysely, u.email, c.now())).toBe(2);
      expect((await loginFrom(app, u.email, u.password, "192.0.2.13")).status).toBe(200);
      c.advance(1000);
      expect(await failuresOf(db.kysely, u.email, c.now())).toBe(0);
      // Three more failures are allowed again before the limit.
      for (let i = 0; i < 3; i++) expect((await loginFrom(app, u.email, "wrong", "192.0.2.13")).status).toBe(401);
      expect((await loginFrom(app, u.email, u.password, "192.0.2.13")).status).toBe(429);
    });

    it("limits failures per address across many e-mails; a success does not clear the address", async () => {
      const c = clock();
      const limits: ThrottleLimits = { perAccount: 10, perAddress: 12, windowMs: 15 * MIN };
      const app = appWith({ now: c.now, limits });
      const u = await makeUser(db, inst.id, ["tap"]);
      for (let i = 0; i < 11; i++) expect((await loginFrom(app, `guess${i}@test.example`, "pw", "203.0.113.5")).status).toBe(401);
      expect((await loginFrom(app, u.email, u.password, "203.0.113.5")).status).toBe(200); // admitted (11 failures < 12)
      expect((await loginFrom(app, "guess-last@test.example", "pw", "203.0.113.5")).status).toBe(401); // the 12th failure
      const refused = await loginFrom(app, "fresh@test.example", "pw", "203.0.113.5");
      expect(refused.status).toBe(429);
      expect(refused.body.findings?.[0]).toMatchObject({ rule: "platform.login.throttled.address", subject: "address" });
      expect(Number(refused.retryAfter)).toBe(15 * 60);
      // The same user from another address is fine: the address is the key here.
      expect((await loginFrom(app, u.email, u.password, "203.0.113.6")).status).toBe(200);
      // IPv4-mapped IPv6 is the same address.
      expect((await loginFrom(app, "fresh@test.example", "pw", "::ffff:203.0.113.5")).status).toBe(429);
    });

    it("does not trust X-Forwarded-For unless told to", async () => {
      const c = clock();
      const limits: ThrottleLimits = { perAccount: 10, perAddress: 3, windowMs: 15 * MIN };
      const plain = appWith({ now: c.now, limits });
      // Without trustProxy, a forged header changes nothing: the socket address counts.
      for (let i = 0; i < 3; i++) {
        const r = await loginFrom(plain, `xff${i}@test.example`, "pw", "192.0.2.50", { "x-forwarded-for": `10.0.0.${i}` });
        expect(r.status).toBe(401);
      }
      expect((await loginFrom(plain, "xff9@test.example", "pw", "192.0.2.50", { "x-forwarded-for": "10.9.9.9" })).status).toBe(429);
      // Behind a trusted proxy, the last entry (the one the proxy appended) counts; the socket is the proxy.
      const proxied = appWith({ now: c.now, limits, trustProxy: true });
      for (let i = 0; i < 3; i++) {
        const r = await loginFrom(proxied, `p${i}@test.example`, "pw", "192.0.2.50", { "x-forwarded-for": `1.2.3.4, 198.51.100.${i}` });
        expect(r.status, `client ${i}`).toBe(401); // three clients, one failure each, although the proxy has 3+ already
      }
      for (let i = 0; i < 2; i++) await loginFrom(proxied, `q${i}@test.example`, "pw", "192.0.2.50", { "x-forwarded-for": "198.51.100.0" });
      const r = await loginFrom(proxied, "q9@test.example", "pw", "192.0.2.50", { "x-forwarded-for": "6.6.6.6, 198.51.100.0" });
      expect(r.status).toBe(429); // the forged first entry does not help
    });

    it("two app instances on the same database share the count", async () => {
      const u = await makeUser(db, inst.id, ["tap"]);
      const c = clock();
      const limits = { ...DEFAULT_LIMITS, perAccount: 4 };
      const one = appWith({ now: c.now, limits });
      const two = appWith({ now: c.now, limits });
      for (let i = 0; i < 4; i++) expect((await loginFrom(i % 2 ? one : two, u.email, "wrong", `192.0.2.${60 + i}`)).status).toBe(401);
      expect((await loginFrom(one, u.email, u.password, "192.0.2.70")).status).toBe(429);
      expect((await loginFrom(two, u.email, u.password, "192.0.2.71")).status).toBe(429);
    });

    it("admits no more than the limit when attempts race", async () => {
      const u = await makeUser(db, inst.id, ["tap"]);
      const app = appWith({ now: () => T0, limits: { ...DEFAULT_LIMITS, perAccount: 5 } });
      const results = await Promise.all(Array.from({ length: 12 }, () => loginFrom(app, u.email, "wrong", "192.0.2.80")));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
      expect(await failedAudits(db, u.email)).toBe(5);
    });

    it("keeps the in-process test clients far under the limits (unknown address, a few failures)", async () => {
      const u = await makeUser(db, inst.id, ["tap"]);
      const app = createApp({ db, rulebooks: [] }); // the system clock, default limits, like every other store test
      const t = testClient(app);
      expect((await t.login(u.email, "wrong")).status).toBe(401);
      expect((await t.login(u.email, u.password)).status).toBe(200);
    });

    it("stores rows that cannot be updated, and prunes them by age", async () => {
      const c = clock(new Date("2026-04-01T00:00:00Z"));
      const a = await admitLogin(db.kysely, { email: "Prune.Me@Test.example", address: "192.0.2.90" }, c.now());
      expect(a.allowed).toBe(true);
      if (!a.allowed) return;
      await recordLoginSuccess(db.kysely, a.attemptId, "prune.me@test.example", c.now());
      await expect(sql`update login_attempt set address = 'x' where id = ${a.attemptId}`.execute(db.kysely)).rejects.toThrow(/append-only/);
      await expect(sql`update login_success set account = 'x' where attempt_id = ${a.attemptId}`.execute(db.kysely)).rejects.toThrow(/append-only/);
      const stored = await sql<{ account: string }>`select account from login_attempt where id = ${a.attemptId}`.execute(db.kysely);
      expect(stored.rows[0]?.account).toBe("prune.me@test.example");
      c.advance(15 * MIN - 1000);
      await pruneLoginAttempts(db.kysely, c.now());
      expect((await sql`select 1 from login_attempt where id = ${a.attemptId}`.execute(db.kysely)).rows).toHaveLength(1);
      c.advance(1000);
      expect(await pruneLoginAttempts(db.kysely, c.now())).toBeGreaterThanOrEqual(1);
      expect((await sql`select 1 from login_attempt where id = ${a.attemptId}`.execute(db.kysely)).rows).toHaveLength(0);
      expect((await sql`select 1 from login_success where attempt_id = ${a.attemptId}`.execute(db.kysely)).rows).toHaveLength(0);
    });
  });
}

for (const target of testTargets()) {
  describe(`migration 0003 on an existing database (${target.kind})`, () => {
    it("runs on a database that already ran later-numbered migrations of other sets", async () => {
      const { "0003-login-throttle": _throttle, ...before } = platformMigrations;
      const later = {
        "1999-other-set": { up: async (k: Kysely<unknown>) => void (await sql`create table other_set_probe (x int)`.execute(k)) },
      };
      const db = await target.open({ ...before, ...later });
      try {
        expect(await migrateToLatest(db.kysely, { ...platformMigrations, ...later })).toEqual(["0003-login-throttle"]);
        const a = await admitLogin(db.kysely, { email: "upgrade@test.example", address: "192.0.2.1" }, T0);
        expect(a.allowed).toBe(true);
      } finally {
        await db.drop();
      }
    });
  });
}

const serverUrl = testServerUrl();
describe.runIf(Boolean(serverUrl))("login throttling across two connection pools on one PostgreSQL (two server processes)", () => {
  let dbs: Db[] = [];
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const created = await createTestDatabase(serverUrl!, "bevis_throttle");
    drop = created.drop;
    dbs = [await openDatabase({ url: created.url, migrations: platformMigrations }), await openDatabase({ url: created.url })];
  });
  afterAll(async () => {
    for (const d of dbs) await d.close();
    await drop();
  });

  it("counts failures made through either pool, and refuses on both", async () => {
    const [a, b] = dbs as [Db, Db];
    const inst = await makeInstitution(a, "Two pools");
    const u = await makeUser(a, inst.id, ["tap"]);
    const c = clock();
    const limits = { ...DEFAULT_LIMITS, perAccount: 6 };
    const one = createApp({ db: a, rulebooks: [], login: { now: c.now, limits } });
    const two = createApp({ db: b, rulebooks: [], login: { now: c.now, limits } });
    // Raced across both instances at once: the advisory locks serialise the count.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => loginFrom(i % 2 ? one : two, u.email, "wrong", "192.0.2.100")));
    expect(results.filter((r) => r.status === 401)).toHaveLength(6);
    expect(results.filter((r) => r.status === 429)).toHaveLength(4);
    expect((await loginFrom(one, u.email, u.password, "192.0.2.101")).status).toBe(429);
    c.advance(15 * MIN);
    expect((await loginFrom(two, u.email, u.password, "192.0.2.101")).status).toBe(200);
  });
});
