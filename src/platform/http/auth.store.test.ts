import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../db/migrations/index.ts";
import { testTargets } from "../db/testing.ts";
import type { Db } from "../db/connect.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { createApp, redactForLog } from "./app.ts";
import { ProblemError, requireRole, type AppEnv } from "./context.ts";
import { makeInstitution, makeUser, testClient } from "./testing.ts";
import { bootstrap, DEMO_USERS } from "../bootstrap.ts";

/** A stand-in rulebook: shows what the actor is, fails on purpose, and refuses without a role. */
function fakeRulebook() {
  const router = new Hono<AppEnv>();
  router.get("/whoami", (c) => c.json(c.get("actor")));
  router.get("/boom", () => {
    throw new Error('duplicate key value violates unique constraint "x": Key (cpr)=(0101901234) already exists');
  });
  router.post("/write", (c) => {
    requireRole(c.get("actor"), ["tap"]);
    return c.json({ ok: true }, 201);
  });
  router.get("/refuse", () => {
    throw new ProblemError(422, "Unprocessable Content", [
      { rule: "x.y", severity: "error", cite: { seed: "000", ref: "3" }, message: { en: "no", da: "nej" }, subject: "field" },
    ]);
  });
  return { prefix: "/api/fake", router, ops: [{ method: "get" as const, path: "/api/fake/whoami", summary: "who am I", tag: "fake" }] };
}

describe("password hashing", () => {
  it("verifies the right password only, with a per-user salt", async () => {
    const h1 = await hashPassword("correct horse");
    const h2 = await hashPassword("correct horse");
    expect(h1).not.toBe(h2);
    expect(h1).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("correct horse", h1)).toBe(true);
    expect(await verifyPassword("correct hors", h1)).toBe(false);
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });

  it("redacts values from log lines", () => {
    const s = redactForLog('Key (cpr)=(0101901234) already exists; invalid input "010190-1234" 0101901234');
    expect(s).not.toMatch(/0101901234|010190-1234/);
  });
});

for (const target of testTargets()) {
  describe(`auth and platform routes on ${target.kind}`, () => {
    let db: Db & { drop(): Promise<void> };
    let app: Hono<AppEnv>;
    let instA: { id: string; code: string };
    let instB: { id: string; code: string };
    let admin: { id: string; email: string; password: string };
    let tap: { id: string; email: string; password: string };
    let both: { id: string; email: string; password: string };
    let webDir: string;

    beforeAll(async () => {
      db = await target.open(platformMigrations);
      instA = await makeInstitution(db, "A");
      instB = await makeInstitution(db, "B");
      admin = await makeUser(db, instA.id, ["admin"]);
      tap = await makeUser(db, instA.id, ["tap", "laerer"]);
      both = await makeUser(db, instA.id, ["laerer"]);
      await makeUser(db, instB.id, ["tap"], both.email);
      webDir = mkdtempSync(join(tmpdir(), "bevis-web-"));
      mkdirSync(join(webDir, "assets"));
      writeFileSync(join(webDir, "index.html"), "<!doctype html><title>bevis</title>");
      writeFileSync(join(webDir, "assets", "app-1.js"), "console.log(1)");
      app = createApp({ db, rulebooks: [fakeRulebook()], webDist: webDir });
    });
    afterAll(async () => {
      rmSync(webDir, { recursive: true, force: true });
      await db?.drop();
    });

    const auditActions = async (actorId: string | null) =>
      (
        await db.kysely
          .selectFrom("audit_log")
          .select("action")
          .$if(actorId !== null, (q) => q.where("actor_id", "=", actorId))
          .orderBy("id")
          .execute()
      ).map((r) => r.action);

    it("answers health and the OpenAPI document without login", async () => {
      const c = testClient(app);
      const h = await c.get("/api/health");
      expect(h.status).toBe(200);
      expect(h.body).toEqual({ ok: true, db: target.kind });
      expect(h.headers.get("cache-control")).toBe("no-store");
      const o = await c.get("/openapi.json");
      expect(o.status).toBe(200);
      const paths = (o.body as { paths: Record<string, unknown> }).paths;
      expect(Object.keys(paths)).toEqual(expect.arrayContaining(["/api/auth/login", "/api/admin/tokens/{id}", "/api/fake/whoami"]));
    });

    it("refuses every non-public /api request without login (401 problem+json)", async () => {
      const c = testClient(app);
      for (const [m, p] of [
        ["GET", "/api/auth/me"],
        ["GET", "/api/admin/users"],
        ["GET", "/api/fake/whoami"],
        ["GET", "/api/nothing-here"],
        ["POST", "/api/auth/logout"],
      ] as const) {
        const r = await c.request(m, p);
        expect(r.status, `${m} ${p}`).toBe(401);
        expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        expect(r.body).toMatchObject({ type: "about:blank", title: "Unauthorized", status: 401, findings: [] });
      }
    });

    it("says only 'wrong e-mail or password' on a failed login, and audits it", async () => {
      const c = testClient(app);
      const wrongPw = await c.login(admin.email, "nope-nope");
      const unknown = await c.login("nobody@test.example", "nope-nope");
      for (const r of [wrongPw, unknown]) {
        expect(r.status).toBe(401);
        expect((r.body as { detail: string }).detail).toBe("wrong e-mail or password");
        expect(r.headers.get("set-cookie")).toBeNull();
      }
      const failed = await db.kysely.selectFrom("audit_log").select(["detail", "actor_label"]).where("action", "=", "auth.login.failed").execute();
      expect(failed.length).toBeGreaterThanOrEqual(2);
      expect(failed.map((f) => f.detail.email)).toEqual(expect.arrayContaining([admin.email, "nobody@test.example"]));
      const bad = await c.request("POST", "/api/auth/login", "{not json", { "content-type": "application/json" });
      expect(bad.status).toBe(400);
      const missing = await c.post("/api/auth/login", { email: admin.email });
      expect(missing.status).toBe(400);
      expect((missing.body as { findings: { subject: string }[] }).findings[0]?.subject).toBe("password");
    });

    it("logs in with a database session cookie, answers /me, and logs out", async () => {
      const c = testClient(app);
      const r = await c.login(admin.email.toUpperCase(), admin.password);
      expect(r.status).toBe(200);
      const sc = r.headers.get("set-cookie")!;
      expect(sc).toMatch(/^bevis_session=[\w-]{20,};/);
      expect(sc).toMatch(/HttpOnly/);
      expect(sc).toMatch(/SameSite=Lax/);
      expect(sc).toMatch(/Path=\//);
      expect(sc).not.toMatch(/Secure/);
      const token = c.cookies.get("bevis_session")!;
      const stored = await db.kysely.selectFrom("user_session").select("id").where("user_id", "=", admin.id).execute();
      expect(stored.map((s) => s.id)).not.toContain(token); // only the hash is stored
      expect(r.body).toMatchObject({ user: { id: admin.id, email: admin.email }, current: instA.id, institutions: [{ id: instA.id, roles: ["admin"] }] });
      const me = await c.get("/api/auth/me");
      expect(me.status).toBe(200);
      expect(me.body).toEqual(r.body);
      const who = await c.get("/api/fake/whoami");
      expect(who.body).toEqual({ userId: admin.id, label: admin.email, institutionId: instA.id, roles: ["admin"], via: "session" });

      const out = await c.post("/api/auth/logout");
      expect(out.status).toBe(204);
      expect(c.cookies.has("bevis_session")).toBe(false);
      c.cookies.set("bevis_session", token); // a replayed cookie is dead too
      expect((await c.get("/api/auth/me")).status).toBe(401);
      expect(await auditActions(admin.id)).toEqual(expect.arrayContaining(["auth.login", "auth.logout"]));
    });

    it("marks the cookie Secure on https", async () => {
      const c = testClient(app, "https://bevis.example");
      const r = await c.login(tap.email, tap.password);
      expect(r.headers.get("set-cookie")).toMatch(/Secure/);
      const behindProxy = await testClient(app).request("POST", "/api/auth/login", { email: tap.email, password: tap.password }, { "x-forwarded-proto": "https" });
      expect(behindProxy.headers.get("set-cookie")).toMatch(/Secure/);
    });

    it("ends an expired session and slides the expiry of a used one", async () => {
      const c = testClient(app);
      await c.login(tap.email, tap.password);
      const id = (await db.kysely.selectFrom("user_session").select("id").where("user_id", "=", tap.id).orderBy("created_at", "desc").executeTakeFirstOrThrow()).id;
      // Pretend it was last used two minutes ago and ends in one minute: a request moves the end ahead.
      await sql`update user_session set last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 minute' where id = ${id}`.execute(db.kysely);
      expect((await c.get("/api/auth/me")).status).toBe(200);
      const slid = await sql<{ later: boolean }>`select expires_at > now() + interval '1 hour' as later from user_session where id = ${id}`.execute(db.kysely);
      expect(slid.rows[0]?.later).toBe(true);
      await sql`update user_session set expires_at = now() - interval '1 second' where id = ${id}`.execute(db.kysely);
      const r = await c.get("/api/auth/me");
      expect(r.status).toBe(401);
      expect((r.body as { detail: string }).detail).toMatch(/expired/);
      expect(await db.kysely.selectFrom("user_session").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    });

    it("checks roles: admin routes refuse a tap user, a write route refuses a readonly one", async () => {
      const c = testClient(app);
      await c.login(tap.email, tap.password);
      expect((await c.get("/api/admin/users")).status).toBe(403);
      expect((await c.post("/api/admin/tokens", { name: "x" })).status).toBe(403);
      expect((await c.post("/api/admin/users", { email: "x@test.example", name: "X", password: "long-enough-pw", role: "tap" })).status).toBe(403);
      expect((await c.post("/api/fake/write")).status).toBe(201);
      const ro = await makeUser(db, instA.id, ["readonly"]);
      const r = testClient(app);
      await r.login(ro.email, ro.password);
      const w = await r.post("/api/fake/write");
      expect(w.status).toBe(403);
      expect((w.body as { detail: string }).detail).toMatch(/roles tap/);
    });

    it("lets an admin list and create users of the current institution (audited)", async () => {
      const c = testClient(app);
      await c.login(admin.email, admin.password);
      const list = await c.get("/api/admin/users");
      expect(list.status).toBe(200);
      const emails = (list.body as { email: string }[]).map((u) => u.email);
      expect(emails).toEqual(expect.arrayContaining([admin.email, tap.email, both.email]));
      const created = await c.post("/api/admin/users", { email: "New.Person@Test.example", name: "New Person", password: "a-long-password", role: "laerer" });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: "new.person@test.example", roles: ["laerer"] });
      expect((await c.post("/api/admin/users", { email: "new.person@test.example", name: "Again", password: "a-long-password", role: "tap" })).status).toBe(409);
      const n = testClient(app);
      expect((await n.login("new.person@test.example", "a-long-password")).status).toBe(200);
      expect(await auditActions(admin.id)).toContain("auth.user.create");
      const weak = await c.post("/api/admin/users", { email: "w@test.example", name: "W", password: "short", role: "tap" });
      expect(weak.status).toBe(400);
    });

    it("issues API tokens bound to one user and institution, and revokes them", async () => {
      const c = testClient(app);
      await c.login(admin.email, admin.password);
      const t = await c.post("/api/admin/tokens", { name: "sis-sync" });
      expect(t.status).toBe(201);
      const { id, token } = t.body as { id: string; token: string };
      expect(token).toMatch(/^bevis_[\w-]{40,}$/);
      const stored = await db.kysely.selectFrom("api_token").select("token_hash").where("id", "=", id).executeTakeFirstOrThrow();
      expect(stored.token_hash).not.toContain(token);

      const api = testClient(app);
      api.bearer = token;
      const who = await api.get("/api/fake/whoami");
      expect(who.status).toBe(200);
      expect(who.body).toEqual({ userId: admin.id, label: "token:sis-sync", institutionId: instA.id, roles: ["admin"], via: "token" });
      expect((await api.post("/api/auth/switch", { institutionId: instB.id })).status).toBe(403);

      const listed = await c.get("/api/admin/tokens");
      expect((listed.body as { id: string }[]).map((x) => x.id)).toContain(id);
      expect(JSON.stringify(listed.body)).not.toContain(token);
      expect((await c.request("DELETE", `/api/admin/tokens/${id}`)).status).toBe(204);
      expect((await api.get("/api/fake/whoami")).status).toBe(401);
      expect((await c.request("DELETE", `/api/admin/tokens/${id}`)).status).toBe(404);
      expect((await c.request("DELETE", `/api/admin/tokens/not-a-uuid`)).status).toBe(404);

      const bogus = testClient(app);
      bogus.bearer = "bevis_nonsense";
      expect((await bogus.get("/api/fake/whoami")).status).toBe(401);
      const malformed = await testClient(app).request("GET", "/api/fake/whoami", undefined, { authorization: "Basic abc" });
      expect(malformed.status).toBe(401);
      expect(await auditActions(admin.id)).toEqual(expect.arrayContaining(["auth.token.create", "auth.token.revoke"]));
    });

    it("switches institution only to one the user is a member of", async () => {
      const c = testClient(app);
      const r = await c.login(both.email, both.password);
      expect((r.body as { institutions: unknown[] }).institutions).toHaveLength(2);
      const before = await c.get("/api/fake/whoami");
      const first = (before.body as { institutionId: string }).institutionId;
      const other = first === instA.id ? instB : instA;
      const s = await c.post("/api/auth/switch", { institutionId: other.id });
      expect(s.status).toBe(200);
      expect((s.body as { current: string }).current).toBe(other.id);
      const after = await c.get("/api/fake/whoami");
      expect(after.body).toMatchObject({ institutionId: other.id, roles: other.id === instA.id ? ["laerer"] : ["tap"] });
      expect((await c.get("/api/auth/me")).body).toMatchObject({ current: other.id });

      const stranger = await makeInstitution(db, "C");
      const refused = await c.post("/api/auth/switch", { institutionId: stranger.id });
      expect(refused.status).toBe(403);
      expect((await c.post("/api/auth/switch", { institutionId: "not-a-uuid" })).status).toBe(403);
      expect((await c.get("/api/fake/whoami")).body).toMatchObject({ institutionId: other.id });
      expect(await auditActions(both.id)).toContain("auth.switch");
    });

    it("refuses a cross-site state change carried by the cookie", async () => {
      const c = testClient(app);
      await c.login(tap.email, tap.password);
      const evil = await c.request("POST", "/api/fake/write", {}, { origin: "https://evil.example" });
      expect(evil.status).toBe(403);
      const same = await c.request("POST", "/api/fake/write", {}, { origin: "http://localhost" });
      expect(same.status).toBe(201);
    });

    it("turns refusals into problem+json with findings and hides internal errors", async () => {
      const c = testClient(app);
      await c.login(admin.email, admin.password);
      const r = await c.get("/api/fake/refuse");
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ status: 422, findings: [{ rule: "x.y", subject: "field" }] });
      const errors: string[] = [];
      const orig = console.error;
      console.error = (...a: unknown[]) => void errors.push(a.map(String).join(" "));
      let boom;
      try {
        boom = await c.get("/api/fake/boom");
      } finally {
        console.error = orig;
      }
      expect(boom.status).toBe(500);
      expect(boom.headers.get("content-type")).toMatch(/problem\+json/);
      expect(boom.text).not.toMatch(/duplicate|cpr|0101901234|at /);
      expect(errors.join("\n")).not.toContain("0101901234");
      expect(errors.join("\n")).toContain(boom.headers.get("x-request-id")!);
      const nf = await c.get("/api/fake/none");
      expect(nf.status).toBe(404);
      expect(nf.headers.get("content-type")).toMatch(/problem\+json/);
    });

    it("serves the web app with an SPA fallback and security headers", async () => {
      const c = testClient(app);
      const root = await c.get("/");
      expect(root.status).toBe(200);
      expect(root.text).toContain("<title>bevis</title>");
      expect(root.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
      expect(root.headers.get("x-content-type-options")).toBe("nosniff");
      const deep = await c.get("/amu/participations/123");
      expect(deep.text).toContain("<title>bevis</title>");
      const js = await c.get("/assets/app-1.js");
      expect(js.headers.get("content-type")).toMatch(/javascript/);
      expect(js.headers.get("cache-control")).toMatch(/immutable/);
      const trav = await c.get("/..%2f..%2fetc%2fpasswd");
      expect(trav.text).toContain("<title>bevis</title>");
      const api = await c.get("/api/unknown");
      expect(api.status).toBe(401); // the API never falls back to the web app
    });
  });

  describe(`bootstrap on ${target.kind}`, () => {
    let db: Db & { drop(): Promise<void> };
    beforeAll(async () => {
      db = await target.open(platformMigrations);
    });
    afterAll(async () => db?.drop());

    it("creates the first admin once, then the demo institutions and users once", async () => {
      const first = await bootstrap(db, { institution: { code: "123456", name: "Første", country: "DK" }, adminEmail: "root@test.example" });
      expect(first.firstStart).toBe(true);
      expect(first.logins).toHaveLength(1);
      expect(first.logins[0]!.password.length).toBeGreaterThanOrEqual(16);
      const again = await bootstrap(db, {});
      expect(again).toMatchObject({ firstStart: false, logins: [], createdInstitutions: [] });

      const calls: string[] = [];
      const seedX = async (_db: Db, inst: { id: string; code: string }) => void calls.push(inst.code);
      const seedY = async (_db: Db, inst: { id: string; code: string }) => void calls.push(`y:${inst.code}`);
      const seeders = [
        { module: "amu", seed: seedX },
        { module: "sprogprove", seed: seedY },
      ];
      const demo1 = await bootstrap(db, { demo: true, seeders });
      expect(demo1.createdInstitutions.map((i) => i.code)).toEqual(["280727", "280728", "101005", "751015", "990100", "921234562"]);
      const counts = async () =>
        Promise.all(
          (["institution", "app_user", "membership", "api_token"] as const).map(async (t) =>
            Number((await db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n),
          ),
        );
      const c1 = await counts();
      const demo2 = await bootstrap(db, { demo: true, seeders });
      expect(demo2.createdInstitutions).toEqual([]);
      expect(await counts()).toEqual(c1);
      // Each seeder ran once, and only for the demo institutions of its module.
      expect(calls.sort()).toEqual(["280727", "280728", "y:101005"]);

      const app = createApp({ db, rulebooks: [] });
      const c = testClient(app);
      const begge = DEMO_USERS.find((u) => u.memberships.length > 1)!;
      const me = await c.login(begge.email, begge.password);
      expect(me.status).toBe(200);
      expect((me.body as { institutions: { code: string }[] }).institutions.map((i) => i.code)).toEqual(["280727", "280728"]);
      const rootLogin = await testClient(app).login("root@test.example", first.logins[0]!.password);
      expect(rootLogin.status).toBe(200);
    });
  });
}
