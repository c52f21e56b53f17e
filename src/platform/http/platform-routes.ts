/**
 * The platform's own routes (docs/api.md, "Platform"): health, login/logout/me/switch, and the admin routes for users
 * and API tokens of the current institution. Each route is described beside it in `platformOps`.
 */
import type { IncomingMessage } from "node:http";
import { Hono, type Context } from "hono";
import { z } from "zod";
import { sql } from "kysely";
import { ROLES } from "../db/schema.ts";
import { audit } from "../audit/audit.ts";
import { addUser, findUserByEmail, getUser, membershipsOf, usersOf, type MembershipInfo } from "../auth/directory.ts";
import { verifyPassword } from "../auth/password.ts";
import { createSession, deleteSession, setSessionInstitution } from "../auth/sessions.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../auth/api-tokens.ts";
import { admitLogin, DEFAULT_LIMITS, pruneLoginAttempts, recordLoginSuccess, type Admission, type ThrottleLimits } from "../auth/throttle.ts";
import { finding } from "../../kernel/law.ts";
import { clearSessionCookie, setSessionCookie } from "./auth.ts";
import { ProblemError, requireRole, type AppEnv } from "./context.ts";
import type { OpenApiOp } from "./openapi.ts";
import { jsonBody } from "./validate.ts";

const RoleSchema = z.enum(ROLES);
const MeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  institutions: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), country: z.enum(["DK", "NO"]), roles: z.array(RoleSchema) }),
  ),
  current: z.string().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

const LoginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1000) });
const SwitchBody = z.object({ institutionId: z.string().min(1).max(100) });
const NewUserBody = z.object({
  email: z.string().email().max(320),
  name: z.string().min(1).max(200),
  password: z.string().min(10).max(1000),
  role: RoleSchema,
});
const NewTokenBody = z.object({ name: z.string().min(1).max(100) });
const UserRow = z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(RoleSchema), disabled: z.boolean() });
const TokenRow = z.object({ id: z.string(), name: z.string(), userId: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const WRONG_LOGIN = new ProblemError(401, "Unauthorized", [], "wrong e-mail or password");

function me(user: { id: string; email: string; name: string }, institutions: MembershipInfo[], current: string | null): Me {
  return { user: { id: user.id, email: user.email, name: user.name }, institutions, current };
}

/** How the login route throttles (docs/decisions/0005-login-throttling.md). */
export interface LoginOptions {
  /**
   * Take the client address from the last entry of X-Forwarded-For (the one the proxy in front of bevis appended)
   * instead of the socket. Only for a server reachable through that proxy alone; off by default, since anyone can
   * send the header. `bevis serve` turns it on with BEVIS_TRUST_PROXY=1.
   */
  trustProxy?: boolean;
  /** Default: 10 failures per account, 50 per address, in 15 minutes. */
  limits?: ThrottleLimits;
  /** The clock (tests move it; default: the system clock). */
  now?: () => Date;
}

/**
 * The address the login is counted under: the socket's remote address (node server), or with `trustProxy` the last
 * X-Forwarded-For entry; "unknown" when neither is there (in-process requests in tests). IPv4-mapped IPv6 addresses
 * are written as IPv4.
 */
export function clientAddress(c: Context, trustProxy = false): string {
  let addr: string | undefined;
  if (trustProxy) {
    const entries = (c.req.header("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    addr = entries[entries.length - 1];
  }
  if (!addr) {
    const env = c.env as { incoming?: IncomingMessage; server?: { incoming?: IncomingMessage } } | undefined;
    addr = (env?.server?.incoming ?? env?.incoming)?.socket?.remoteAddress;
  }
  if (!addr) return "unknown";
  const lower = addr.toLowerCase();
  return lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice(7) : lower;
}

/** 429 with Retry-After: refused before any password was looked at. */
function tooManyAttempts(admission: Extract<Admission, { allowed: false }>): Response {
  const secs = admission.retryAfterSeconds;
  const minutes = Math.ceil(secs / 60);
  const who = admission.scope === "account" ? { en: "for this e-mail address", da: "for denne e-mailadresse" } : { en: "from your network address", da: "fra din netværksadresse" };
  const f = finding(
    `platform.login.throttled.${admission.scope}`,
    "error",
    { seed: "reference", ref: "docs/decisions/0005-login-throttling.md" },
    {
      en: `Too many failed logins ${who.en}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      da: `For mange mislykkede login ${who.da}. Prøv igen om ${minutes} minut${minutes === 1 ? "" : "ter"}.`,
    },
    { subject: admission.scope === "account" ? "email" : "address", value: secs },
  );
  const body = { type: "about:blank", title: "Too Many Requests", status: 429, detail: f.message.en, findings: [f] };
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: { "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store", "retry-after": String(secs) },
  });
}

export function platformRouter(login: LoginOptions = {}): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const limits = login.limits ?? DEFAULT_LIMITS;
  const now = login.now ?? (() => new Date());

  r.get("/health", async (c) => {
    const db = c.get("db");
    await sql`select 1`.execute(db.kysely);
    return c.json({ ok: true, db: db.kind });
  });

  r.post("/auth/login", async (c) => {
    const body = await jsonBody(c, LoginBody);
    const k = c.get("db").kysely;
    // Throttle first: a refused attempt never reaches the password check (docs/decisions/0005-login-throttling.md).
    const admission = await admitLogin(k, { email: body.email, address: clientAddress(c, login.trustProxy) }, now(), limits);
    if (!admission.allowed) return tooManyAttempts(admission);
    await pruneLoginAttempts(k, now(), limits);
    const user = await findUserByEmail(k, body.email);
    const ok = await verifyPassword(body.password, user?.password_hash);
    if (!user || !ok || user.disabled) {
      await audit(k, null, {
        action: "auth.login.failed",
        entity: "app_user",
        ...(user ? { entityId: user.id } : {}),
        detail: { email: body.email.trim().toLowerCase().slice(0, 320), reason: !user ? "unknown-user" : user.disabled ? "disabled" : "wrong-password" },
      });
      throw WRONG_LOGIN;
    }
    await recordLoginSuccess(k, admission.attemptId, body.email, now());
    const institutions = await membershipsOf(k, user.id);
    const current = institutions[0]?.id ?? null;
    const { token } = await createSession(k, user.id, current);
    await audit(k, { userId: user.id, label: user.email, institutionId: current as string }, { action: "auth.login", entity: "app_user", entityId: user.id });
    setSessionCookie(c, token);
    return c.json(me(user, institutions, current));
  });

  r.post("/auth/logout", async (c) => {
    const k = c.get("db").kysely;
    const sessionId = c.get("sessionId");
    const user = c.get("user");
    if (sessionId) await deleteSession(k, sessionId);
    if (user) {
      const actor = c.get("actor");
      await audit(k, { userId: user.id, label: user.email, institutionId: actor?.institutionId ?? (null as unknown as string) }, {
        action: "auth.logout",
        entity: "app_user",
        entityId: user.id,
      });
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  r.get("/auth/me", async (c) => {
    const user = c.get("user")!;
    const institutions = await membershipsOf(c.get("db").kysely, user.id);
    return c.json(me(user, institutions, c.get("actor")?.institutionId ?? null));
  });

  r.post("/auth/switch", async (c) => {
    const body = await jsonBody(c, SwitchBody);
    const k = c.get("db").kysely;
    const user = c.get("user")!;
    const sessionId = c.get("sessionId");
    if (!sessionId) throw new ProblemError(403, "Forbidden", [], "an API token is bound to one institution; switching needs a session");
    const institutions = await membershipsOf(k, user.id);
    const target = institutions.find((i) => i.id === body.institutionId);
    if (!target) throw new ProblemError(403, "Forbidden", [], "you are not a member of that institution");
    await setSessionInstitution(k, sessionId, target.id);
    await audit(k, { userId: user.id, label: user.email, institutionId: target.id }, { action: "auth.switch", entity: "institution", entityId: target.id });
    return c.json(me(user, institutions, target.id));
  });

  r.get("/admin/users", async (c) => {
    const actor = c.get("actor");
    requireRole(actor, ["admin"]);
    return c.json(await usersOf(c.get("db").kysely, actor.institutionId));
  });

  r.post("/admin/users", async (c) => {
    const actor = c.get("actor");
    requireRole(actor, ["admin"]);
    const body = await jsonBody(c, NewUserBody);
    const { user } = await addUser(
      c.get("db").kysely,
      { email: body.email, name: body.name, password: body.password, role: body.role, institutionId: actor.institutionId },
      actor,
    );
    return c.json({ ...user, roles: [body.role], disabled: false }, 201);
  });

  r.get("/admin/tokens", async (c) => {
    const actor = c.get("actor");
    requireRole(actor, ["admin"]);
    const rows = await listApiTokens(c.get("db").kysely, actor.institutionId);
    return c.json(
      rows.map((t) => ({ id: t.id, name: t.name, userId: t.userId, createdAt: new Date(t.createdAt).toISOString(), revokedAt: t.revokedAt && new Date(t.revokedAt).toISOString() })),
    );
  });

  r.post("/admin/tokens", async (c) => {
    const actor = c.get("actor");
    requireRole(actor, ["admin"]);
    const body = await jsonBody(c, NewTokenBody);
    if (!actor.userId) throw new ProblemError(403, "Forbidden", [], "a token needs a user");
    const t = await createApiToken(c.get("db").kysely, { userId: actor.userId, institutionId: actor.institutionId, name: body.name }, actor);
    return c.json({ id: t.id, name: body.name, token: t.token }, 201);
  });

  r.delete("/admin/tokens/:id", async (c) => {
    const actor = c.get("actor");
    requireRole(actor, ["admin"]);
    const id = c.req.param("id");
    if (!UUID_RE.test(id)) throw new ProblemError(404, "Not Found", [], "no such token");
    await revokeApiToken(c.get("db").kysely, actor.institutionId, id, actor);
    return c.body(null, 204);
  });

  return r;
}

/** Keeps a user's record fresh for /me after a change (used by tests and the CLI). */
export async function meOf(db: Parameters<typeof getUser>[0], userId: string, current: string | null): Promise<Me | undefined> {
  const user = await getUser(db, userId);
  if (!user) return undefined;
  return me(user, await membershipsOf(db, userId), current);
}

const TAG = "platform";
export const platformOps: OpenApiOp[] = [
  { method: "get", path: "/api/health", summary: "Liveness and database kind", tag: TAG, public: true, response: z.object({ ok: z.literal(true), db: z.enum(["pglite", "postgres"]) }) },
  { method: "post", path: "/api/auth/login", summary: "Log in; sets the bevis_session cookie (429 with Retry-After after too many failed logins)", tag: TAG, public: true, body: LoginBody, response: MeSchema },
  { method: "post", path: "/api/auth/logout", summary: "Log out; clears the cookie (204)", tag: TAG },
  { method: "get", path: "/api/auth/me", summary: "The logged-in user, their institutions and roles", tag: TAG, response: MeSchema },
  { method: "post", path: "/api/auth/switch", summary: "Switch the session's current institution", tag: TAG, body: SwitchBody, response: MeSchema },
  { method: "get", path: "/api/admin/users", summary: "Users of the current institution (admin)", tag: TAG, response: z.array(UserRow) },
  { method: "post", path: "/api/admin/users", summary: "Create a user in the current institution (admin; 201)", tag: TAG, body: NewUserBody, response: UserRow },
  { method: "get", path: "/api/admin/tokens", summary: "API tokens of the current institution (admin)", tag: TAG, response: z.array(TokenRow) },
  { method: "post", path: "/api/admin/tokens", summary: "Create an API token for yourself in the current institution; shown once (admin; 201)", tag: TAG, body: NewTokenBody, response: z.object({ id: z.string(), name: z.string(), token: z.string() }) },
  { method: "delete", path: "/api/admin/tokens/:id", summary: "Revoke an API token (admin; 204)", tag: TAG },
];
