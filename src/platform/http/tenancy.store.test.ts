/**
 * The cross-tenant test: walks EVERY route of the composed app (platform + all rulebooks from src/compose.ts) as a
 * user of institution B against rows of institution A, and expects 403 or 404 — never 2xx on A's rows, never A's
 * data in any answer, never a 500. Also: every non-public /api route refuses a request without login (401).
 */
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allMigrations, crossTenantFixtures, rulebookHttp } from "../../compose.ts";
import { testTargets } from "../db/testing.ts";
import type { Db } from "../db/connect.ts";
import { createApiToken } from "../auth/api-tokens.ts";
import { createApp } from "./app.ts";
import { PUBLIC_API_ROUTES } from "./auth.ts";
import type { Actor, AppEnv } from "./context.ts";
import type { OpenApiOp } from "./openapi.ts";
import { platformOps } from "./platform-routes.ts";
import { makeInstitution, makeUser, testClient, type TestClient, type TestResponse } from "./testing.ts";

interface Route {
  method: string;
  path: string;
}

/** Every concrete route of the app (not middleware, not catch-alls), without regex suffixes on parameters. */
export function routesOf(app: Hono<AppEnv>): Route[] {
  const seen = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === "ALL" || r.path.includes("*")) continue;
    const path = r.path.replace(/:(\w+)\{[^}]*\}/g, ":$1");
    seen.set(`${r.method} ${path}`, { method: r.method, path });
  }
  return [...seen.values()];
}

const paramsOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** Fills `:param` from the fixtures: the longest route-pattern key that prefixes the path wins, then a bare name. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_m, name: string, offset: number) => {
    const upto = path.slice(0, offset) + `:${name}`;
    const scoped = Object.keys(values)
      .filter((k) => k.startsWith("/") && k.endsWith(`:${name}`) && upto === k)
      .sort((a, b) => b.length - a.length)[0];
    const v = scoped !== undefined ? values[scoped] : values[name];
    return encodeURIComponent(v ?? randomUUID());
  });
}

/** A plausible value for a JSON schema (so that bodies pass validation and requests reach the data). */
interface Probe {
  institutionId: string;
  /** Bare fixture keys (`quarter`, `id` …): they also fill body fields and query parameters of that name. */
  values: Record<string, string>;
}

function sample(schema: unknown, name: string, probe: Probe): unknown {
  const s = (schema ?? {}) as Record<string, unknown>;
  if (name && !name.startsWith("/") && probe.values[name] !== undefined) return probe.values[name];
  if ("default" in s) return s.default;
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const alts = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (alts) {
    const nonNull = alts.find((a) => (a as { type?: string }).type !== "null") ?? alts[0];
    return sample(nonNull, name, probe);
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== "null") : (s.type as string | undefined);
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) out[k] = sample(v, k, probe);
      return out;
    }
    case "array": {
      const min = typeof s.minItems === "number" ? s.minItems : 0;
      return Array.from({ length: min }, () => sample(s.items, name, probe));
    }
    case "integer":
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 1;
    case "boolean":
      return false;
    case "null":
      return null;
    case "string": {
      if (name === "institutionId") return probe.institutionId; // try to reach A directly
      if (s.format === "email" || /email/i.test(name)) return `probe.${randomUUID().slice(0, 8)}@test.example`;
      if (/password/i.test(name)) return "a-long-enough-password";
      if (/quarter/i.test(name)) return "2024Q1";
      if (s.format === "date" || /date/i.test(name)) return "2024-03-01";
      if (/cpr/i.test(name)) return "0101901234";
      if (/fagkode/i.test(name)) return "40000";
      const min = typeof s.minLength === "number" ? s.minLength : 1;
      return "probe".padEnd(min, "x");
    }
    default:
      return {};
  }
}

/** A query string for the route: its required parameters, and every parameter a fixture names. */
function queryFor(op: OpenApiOp | undefined, probe: Probe): string {
  if (!op?.query) return "";
  const js = z.toJSONSchema(op.query, { unrepresentable: "any", io: "input" }) as { properties?: Record<string, unknown>; required?: string[] };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(js.properties ?? {}))
    if (js.required?.includes(k) || probe.values[k] !== undefined) q.set(k, String(sample(v, k, probe)));
  const str = q.toString();
  return str ? `?${str}` : "";
}

function probeOf(institutionId: string, fixtures: Record<string, string>): Probe {
  return { institutionId, values: Object.fromEntries(Object.entries(fixtures).filter(([k]) => !k.startsWith("/"))) };
}

function bodyFor(method: string, op: OpenApiOp | undefined, probe: Probe): unknown {
  if (method === "GET" || method === "HEAD" || method === "DELETE") return undefined;
  if (!op?.body) return {};
  if (op.bodyMediaType && !op.bodyMediaType.includes("json")) return "probe\n";
  const js = z.toJSONSchema(op.body, { unrepresentable: "any", io: "input" });
  return sample(js, "", probe);
}

/** Routes that answer without a login, by design. */
const PUBLIC = new Set([...PUBLIC_API_ROUTES, "GET /openapi.json"]);

/** Calls every route as `b`; returns what went wrong (empty when B got nothing of A). */
async function walk(
  b: TestClient,
  routes: Route[],
  ops: Map<string, OpenApiOp>,
  fixtures: Record<string, string>,
  secretsOfA: string[],
  institutionOfA: string,
  relogin: () => Promise<void>,
): Promise<string[]> {
  // Log out last: it ends the session the walk uses.
  const ordered = [...routes].sort((x, y) => Number(x.path === "/api/auth/logout") - Number(y.path === "/api/auth/logout"));
  const problems: string[] = [];
  for (const r of ordered) {
    const key = `${r.method} ${r.path}`;
    if (PUBLIC.has(key) && r.path !== "/api/auth/login") continue;
    const op = ops.get(key);
    const probe = probeOf(institutionOfA, fixtures);
    const res: TestResponse = await b.request(r.method, fillPath(r.path, fixtures) + queryFor(op, probe), bodyFor(r.method, op, probe));
    const leaked = secretsOfA.filter((s) => s && res.text.includes(s));
    if (leaked.length) problems.push(`${key}: answer contains A's data (${leaked.length} value(s))`);
    if (res.status >= 500) problems.push(`${key}: ${res.status}`);
    if (paramsOf(r.path).length > 0) {
      const inputOnly =
        res.status === 400 && ((res.body as { findings?: { rule: string }[] }).findings ?? []).every((f) => f.rule.startsWith("input."));
      if (![403, 404].includes(res.status) && !inputOnly) problems.push(`${key}: ${res.status} on A's row (expected 403 or 404)`);
    }
    if (r.path === "/api/auth/switch" && res.status !== 403) problems.push(`${key}: switching into A answered ${res.status}`);
    if (res.status === 401) await relogin();
  }
  return problems;
}

for (const target of testTargets()) {
  describe(`cross-tenant walk on ${target.kind}`, () => {
    let db: Db & { drop(): Promise<void> };
    let app: Hono<AppEnv>;
    let routes: Route[];
    let ops: Map<string, OpenApiOp>;
    let fixtures: Record<string, string>;
    /** Strings that must never appear in an answer to B. */
    let secretsOfA: string[];
    let instA: { id: string; code: string };
    let adminA: { id: string; email: string; password: string };
    let adminB: { id: string; email: string; password: string };
    let tokenB: string;

    beforeAll(async () => {
      db = await target.open(allMigrations);
      instA = await makeInstitution(db, "Institution A (tenancy test)");
      const instB = await makeInstitution(db, "Institution B (tenancy test)");
      adminA = await makeUser(db, instA.id, ["admin", "tap"]);
      adminB = await makeUser(db, instB.id, ["admin", "leder", "ledelse", "tap", "laerer"]);
      const actorA: Actor = { userId: adminA.id, label: adminA.email, institutionId: instA.id, roles: ["admin", "tap"], via: "cli" };
      // The platform's own fixture: an API token of A (for DELETE /api/admin/tokens/:id).
      const tokenA = await createApiToken(db.kysely, { userId: adminA.id, institutionId: instA.id, name: "a-token" }, actorA);
      fixtures = { "/api/admin/tokens/:id": tokenA.id };
      for (const f of crossTenantFixtures) Object.assign(fixtures, await f(db, actorA));
      tokenB = (await createApiToken(db.kysely, { userId: adminB.id, institutionId: instB.id, name: "b-token" }, null)).token;
      // A's rows (the route-pattern keys) are secret; bare keys are probe inputs and may be public (a quarter).
      const idsOfA = Object.entries(fixtures).filter(([key]) => key.startsWith("/")).map(([, v]) => v);
      secretsOfA = [instA.id, instA.code, adminA.email, tokenA.id, ...idsOfA];
      app = createApp({ db, rulebooks: rulebookHttp });
      routes = routesOf(app);
      ops = new Map([...platformOps, ...rulebookHttp.flatMap((r) => r.ops)].map((o) => [`${o.method.toUpperCase()} ${o.path}`, o]));
    });
    afterAll(async () => db?.drop());

    it("knows every route it walks (each is described in the OpenAPI operations)", () => {
      const undescribed = routes.filter((r) => !PUBLIC.has(`${r.method} ${r.path}`) && !ops.has(`${r.method} ${r.path}`));
      expect(undescribed).toEqual([]);
      expect(routes.length).toBeGreaterThanOrEqual(platformOps.length);
    });

    it("refuses every non-public /api route without login (401)", async () => {
      const c = testClient(app);
      for (const r of routes.filter((r) => r.path.startsWith("/api") && !PUBLIC.has(`${r.method} ${r.path}`))) {
        const op = ops.get(`${r.method} ${r.path}`);
        const probe = probeOf(instA.id, fixtures);
        const res = await c.request(r.method, fillPath(r.path, fixtures) + queryFor(op, probe), bodyFor(r.method, op, probe));
        expect(res.status, `${r.method} ${r.path}`).toBe(401);
      }
    });

    it("has fixtures that A itself can read (so the walk below is not vacuous)", async () => {
      const a = testClient(app);
      await a.login(adminA.email, adminA.password);
      for (const r of routes.filter((r) => r.method === "GET" && paramsOf(r.path).length > 0)) {
        const res = await a.get(fillPath(r.path, fixtures) + queryFor(ops.get(`GET ${r.path}`), probeOf(instA.id, fixtures)));
        expect(res.status, `A: GET ${r.path}`).not.toBe(404);
        expect(res.status, `A: GET ${r.path}`).toBeLessThan(500);
      }
    });

    for (const via of ["session", "token"] as const) {
      it(`gives a user of B (via ${via}) nothing of A on any route`, async () => {
        const b: TestClient = testClient(app);
        const login = async () => {
          if (via === "session") expect((await b.login(adminB.email, adminB.password)).status).toBe(200);
          else b.bearer = tokenB;
        };
        await login();
        const problems = await walk(b, routes, ops, fixtures, secretsOfA, instA.id, login);
        expect(problems).toEqual([]);
      });
    }

    it("catches a route that forgets the institution (the walk itself is tested)", async () => {
      const leaky = new Hono<AppEnv>();
      // Looks rows up by id alone — the mistake this test exists to catch.
      leaky.get("/things/:id", async (c) => {
        const row = await db.kysely.selectFrom("api_token").select(["id", "institution_id"]).where("id", "=", c.req.param("id")).executeTakeFirst();
        return row ? c.json(row) : c.json({ title: "Not Found" }, 404);
      });
      const leakyApp = createApp({ db, rulebooks: [{ prefix: "/api/leaky", router: leaky, ops: [{ method: "get", path: "/api/leaky/things/:id", summary: "leaky", tag: "t" }] }] });
      const b = testClient(leakyApp);
      const login = async () => void (await b.login(adminB.email, adminB.password));
      await login();
      const problems = await walk(b, routesOf(leakyApp), ops, { ...fixtures, "/api/leaky/things/:id": fixtures["/api/admin/tokens/:id"]! }, secretsOfA, instA.id, login);
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/leaky\/things\/:id: 200 on A's row/), expect.stringMatching(/A's data/)]));
    });
  });
}
