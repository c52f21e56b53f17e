/**
 * What every route and service knows about the caller. Tenancy is decided once, in the auth middleware
 * (platform/http/auth.ts): a request carries exactly one institution, and services receive it through `Actor`.
 */
import type { Finding } from "../../kernel/law.ts";
import type { Db } from "../db/connect.ts";
import type { Role } from "../db/schema.ts";

export interface Actor {
  /** app_user.id, or null for the local CLI operator ("system"). */
  userId: string | null;
  /** For the audit log and receipts: e-mail, "token:<name>" or "cli:<os user>". */
  label: string;
  /** The one institution this request acts in. Every query is scoped by it. */
  institutionId: string;
  /** The caller's roles in that institution. */
  roles: Role[];
  via: "session" | "token" | "cli";
}

export interface AppEnv {
  Variables: {
    db: Db;
    actor: Actor;
    /** The session id (hash) when the request came with a session cookie. */
    sessionId?: string;
    /** The logged-in user (set by the auth middleware, also when the user has no institution yet). */
    user?: { id: string; email: string; name: string };
    /** Correlates a request with its log lines; echoed in the X-Request-Id header. */
    requestId: string;
  };
}

/**
 * An error that becomes an RFC 9457 `application/problem+json` response carrying the findings.
 * Services throw it for refusals (bad input, forbidden, stale write); business outcomes are Findings, not errors.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 500,
    readonly title: string,
    readonly findings: Finding[] = [],
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/** Refuses (403) unless the actor has one of the roles; `why` explains the rule to the user. */
export function requireRole(actor: Actor, roles: readonly Role[], why?: string): void {
  if (actor.roles.includes("admin") || actor.roles.some((r) => roles.includes(r))) return;
  throw new ProblemError(
    403,
    "Forbidden",
    [],
    why ?? `this action needs one of the roles ${roles.join(", ")}; you have ${actor.roles.join(", ") || "none"}`,
  );
}

/** Roles that may register and correct data. */
export const WRITE_ROLES: readonly Role[] = ["admin", "leder", "ledelse", "tap"];
