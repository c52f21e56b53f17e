/**
 * The HTTP app: request id → database → security headers → auth (tenancy, src/platform/http/auth.ts) → routes.
 * Rulebooks plug in as `RulebookHttp` (a Hono router mounted at its prefix plus its OpenAPI operations); compose.ts
 * lists them. Errors leave as application/problem+json; the built web app is served with an SPA fallback.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { Hono, type Context } from "hono";
import type { Db } from "../db/connect.ts";
import { authMiddleware } from "./auth.ts";
import { ProblemError, type AppEnv } from "./context.ts";
import { openApiDocument, type OpenApiOp } from "./openapi.ts";
import { platformOps, platformRouter, type LoginOptions } from "./platform-routes.ts";

export interface RulebookHttp {
  /** Where the router is mounted, e.g. "/api/amu". */
  prefix: string;
  router: Hono<AppEnv>;
  /** Its operations with full paths ("/api/amu/participations/:id"), for /openapi.json. */
  ops: OpenApiOp[];
}

export interface AppDeps {
  db: Db;
  rulebooks: RulebookHttp[];
  /** The built web app (web/dist); served when the folder exists. */
  webDist?: string;
  /** Login throttling: trusted proxy, limits, clock (docs/decisions/0005-login-throttling.md). */
  login?: LoginOptions;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'self'",
  "frame-src 'self' blob:",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const STATUS_TITLES: Record<number, string> = { 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error" };

export function problem(c: Context, status: number, title: string, detail?: string, findings: unknown[] = []): Response {
  const body: Record<string, unknown> = { type: "about:blank", title, status };
  if (detail !== undefined) body.detail = detail;
  body.findings = findings;
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * An error message made fit for a log line: quoted values, key/value details and long digit runs (a CPR, a
 * fødselsnummer) are blanked, so personal data does not reach the logs.
 */
export function redactForLog(s: string): string {
  return s
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\([^()]*\)=\([^()]*\)/g, "(…)=(…)")
    .replace(/\d[\d-]{5,}\d/g, "#…");
}

export const PLATFORM_VERSION = "0.1.0";

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const allOps: OpenApiOp[] = [...platformOps, ...deps.rulebooks.flatMap((r) => r.ops)];

  // 1. request id
  app.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.set("requestId", id);
    await next();
    c.header("X-Request-Id", id);
  });

  // 2. database into the context
  app.use("*", async (c, next) => {
    c.set("db", deps.db);
    await next();
  });

  // Security headers (also on errors: onError's response passes through here).
  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "SAMEORIGIN");
    if (c.req.path.startsWith("/api/") || c.req.path === "/api") c.header("Cache-Control", "no-store");
    else if (!c.res.headers.get("content-security-policy")) c.header("Content-Security-Policy", CSP);
  });

  // 3. auth: the one place the caller's institution and roles are decided
  app.use("*", authMiddleware());

  // 4. routes
  app.route("/api", platformRouter(deps.login));
  for (const rb of deps.rulebooks) app.route(rb.prefix, rb.router);

  const openapi = openApiDocument(allOps, { title: "bevis", version: PLATFORM_VERSION });
  app.get("/openapi.json", (c) => c.json(openapi));

  app.all("/api/*", (c) => problem(c, 404, "Not Found", `no route ${c.req.method} ${c.req.path}`));
  app.all("/api", (c) => problem(c, 404, "Not Found", `no route ${c.req.method} ${c.req.path}`));

  if (deps.webDist && existsSync(join(deps.webDist, "index.html"))) {
    const root = resolve(deps.webDist);
    app.get("*", (c) => serveWeb(c, root));
  }

  app.notFound((c) => problem(c, 404, "Not Found", `no route ${c.req.method} ${c.req.path}`));

  app.onError((err, c) => {
    if (err instanceof ProblemError) return problem(c, err.status, err.title, err.detail, err.findings);
    const status = (err as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500 && typeof (err as { getResponse?: unknown }).getResponse === "function") {
      // Hono's HTTPException (e.g. a malformed body Hono itself refused)
      return problem(c, status, STATUS_TITLES[status] ?? "Bad Request");
    }
    const code = (err as { code?: unknown }).code;
    const frames = (err.stack ?? "").split("\n").slice(1, 6).join("\n");
    console.error(
      `[${c.get("requestId") ?? "-"}] ${c.req.method} ${c.req.routePath ?? c.req.path} failed: ${err.name}${typeof code === "string" ? ` (${code})` : ""}: ${redactForLog(err.message)}\n${frames}`,
    );
    return problem(c, 500, "Internal Server Error", `something went wrong; quote request id ${c.get("requestId") ?? "-"} when reporting it`);
  });

  return app;
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
};

/** A file of the built web app, or index.html for any other path (the SPA routes on the client). */
function serveWeb(c: Context, root: string): Response {
  let rel: string;
  try {
    rel = decodeURIComponent(c.req.path);
  } catch {
    rel = "/";
  }
  const file = resolve(root, "." + rel);
  const inside = file === root || file.startsWith(root + sep);
  if (inside && file !== root && existsSync(file) && statSync(file).isFile()) {
    const immutable = rel.startsWith("/assets/");
    return new Response(readFileSync(file), {
      headers: {
        "content-type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      },
    });
  }
  return new Response(readFileSync(join(root, "index.html")), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
  });
}
