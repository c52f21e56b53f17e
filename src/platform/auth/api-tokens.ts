/**
 * API tokens: `bevis_` + 32 random bytes, stored only as sha256, bound to one user and one institution, revocable.
 * A token acts with its user's current roles in its institution (removing the membership disarms the token).
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { PlatformTables } from "../db/schema.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../http/context.ts";
import { ProblemError } from "../http/context.ts";
import { API_TOKEN_PREFIX, randomSecret, sha256Hex } from "./tokens.ts";

type K = Kysely<PlatformTables>;

export interface ApiTokenInfo {
  id: string;
  name: string;
  userId: string;
  institutionId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function createApiToken(
  db: K,
  input: { userId: string; institutionId: string; name: string },
  by: Pick<Actor, "userId" | "label" | "institutionId"> | null,
): Promise<{ id: string; token: string }> {
  const token = API_TOKEN_PREFIX + randomSecret();
  const id = randomUUID();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("api_token")
      .values({ id, user_id: input.userId, institution_id: input.institutionId, name: input.name, token_hash: sha256Hex(token), revoked_at: null })
      .execute();
    await audit(tx, by ?? { userId: null, label: "system", institutionId: input.institutionId }, {
      action: "auth.token.create",
      entity: "api_token",
      entityId: id,
      detail: { name: input.name, userId: input.userId },
    });
  });
  return { id, token };
}

/** The live token row for a presented token, or undefined. */
export async function resolveApiToken(db: K, token: string): Promise<{ id: string; name: string; userId: string; institutionId: string } | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return undefined;
  const row = await db
    .selectFrom("api_token")
    .select(["id", "name", "user_id", "institution_id"])
    .where("token_hash", "=", sha256Hex(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, userId: row.user_id, institutionId: row.institution_id };
}

export async function listApiTokens(db: K, institutionId: string): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom("api_token")
    .select(["id", "name", "user_id", "institution_id", "created_at", "revoked_at"])
    .where("institution_id", "=", institutionId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, userId: r.user_id, institutionId: r.institution_id, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Revokes a token of the institution; 404 for an unknown id or another institution's token. */
export async function revokeApiToken(db: K, institutionId: string, id: string, by: Pick<Actor, "userId" | "label" | "institutionId">): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable("api_token")
      .set({ revoked_at: new Date() })
      .where("id", "=", id)
      .where("institution_id", "=", institutionId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new ProblemError(404, "Not Found", [], "no such live token in this institution");
    await audit(tx, by, { action: "auth.token.revoke", entity: "api_token", entityId: id });
  });
}
