/**
 * THE one place tenancy is decided (docs/decisions/0003-tenancy-in-one-place.md). For every /api request that is
 * not public, this middleware finds the caller (session cookie or Bearer token), the one institution the request acts
 * in, and the caller's roles there, and puts them into the context as `actor`. Rulebook routers never choose an
 * institution: they read `c.get("actor").institutionId` and scope every query by it.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getUser, membershipsOf, rolesIn } from "../auth/directory.ts";
import { resolveApiToken } from "../auth/api-tokens.ts";
import { resolveSession, SESSION_COOKIE, SESSION_MAX_AGE_MS, setSessionInstitution } from "../auth/sessions.ts";
import { ProblemError, type AppEnv } from "./context.ts";

/** Routes that answer without a login (method + path). Everything else under /api needs one. */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set(["GET /api/health", "POST /api/auth/login"]);

/** Routes a logged-in user without any institution may still call. */
const NO_INSTITUTION_OK: ReadonlySet<string> = new Set(["GET /api/auth/me", "POST /api/auth/logout", "POST /api/auth/switch"]);

export function isHttps(c: Context): boolean {
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https" || new URL(c.req.url).protocol === "https:";
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isHttps(c),
    maxAge: Math.floor(SESSION_MAX_AGE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c), httpOnly: true, sameSite: "Lax" });
}

const unauthorized = (detail = "log in first") => new ProblemError(401, "Unauthorized", [], detail);

/** A state-changing request carried by a cookie must come from our own origin (defence in depth beside SameSite). */
function checkOrigin(c: Context): void {
  const method = c.req.method;
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return;
  const origin = c.req.header("origin");
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ProblemError(403, "Forbidden", [], "bad Origin header");
  }
  const own = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  if (host !== own) throw new ProblemError(403, "Forbidden", [], "cross-site request refused");
}

export function authMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (!(path === "/api" || path.startsWith("/api/"))) return next();
    const key = `${c.req.method} ${path.replace(/\/+$/, "") || "/"}`;
    if (PUBLIC_API_ROUTES.has(key)) return next();
    const db = c.get("db");
    const k = db.kysely;

    const authz = c.req.header("authorization");
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      if (!m) throw unauthorized("malformed Authorization header");
      const tok = await resolveApiToken(k, m[1]!);
      if (!tok) throw unauthorized("unknown or revoked token");
      const user = await getUser(k, tok.userId);
      if (!user || user.disabled) throw unauthorized("the token's user is disabled");
      const roles = await rolesIn(k, tok.userId, tok.institutionId);
      if (roles.length === 0) throw new ProblemError(403, "Forbidden", [], "the token's user is no longer a member of its institution");
      c.set("user", { id: user.id, email: user.email, name: user.name });
      c.set("actor", { userId: user.id, label: `token:${tok.name}`, institutionId: tok.institutionId, roles, via: "token" });
      return next();
    }

    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) throw unauthorized();
    const session = await resolveSession(k, cookie);
    if (!session) {
      clearSessionCookie(c);
      throw unauthorized("the session has expired; log in again");
    }
    const user = await getUser(k, session.userId);
    if (!user || user.disabled) throw unauthorized("the user is disabled");
    checkOrigin(c);
    c.set("sessionId", session.id);
    c.set("user", { id: user.id, email: user.email, name: user.name });

    let institutionId = session.institutionId;
    let roles = institutionId ? await rolesIn(k, user.id, institutionId) : [];
    if (roles.length === 0) {
      // The current institution is gone (membership removed): fall back to the first remaining one.
      const first = (await membershipsOf(k, user.id))[0];
      institutionId = first?.id ?? null;
      roles = first?.roles ?? [];
      if (first) await setSessionInstitution(k, session.id, first.id);
    }
    if (institutionId && roles.length > 0) {
      c.set("actor", { userId: user.id, label: user.email, institutionId, roles, via: "session" });
    } else if (!NO_INSTITUTION_OK.has(key)) {
      throw new ProblemError(403, "Forbidden", [], "you are not a member of any institution");
    }
    return next();
  };
}
