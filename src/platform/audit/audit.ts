/**
 * The append-only audit log: every change and every export is one row (the table refuses UPDATE and DELETE).
 * Call it inside the same transaction as the change, so a change without its audit row cannot happen.
 */
import type { Kysely, Transaction } from "kysely";
import type { PlatformTables } from "../db/schema.ts";
import type { Actor } from "../http/context.ts";

export interface AuditEntry {
  action: string;
  entity?: string;
  entityId?: string;
  /** What changed (never a CPR or fødselsnummer: pass masked values). */
  detail?: Record<string, unknown>;
}

export async function audit(
  db: Kysely<PlatformTables> | Transaction<PlatformTables>,
  actor: Pick<Actor, "userId" | "label" | "institutionId"> | null,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      institution_id: actor?.institutionId ?? null,
      actor_id: actor?.userId ?? null,
      actor_label: actor?.label ?? "system",
      action: entry.action,
      entity: entry.entity ?? null,
      entity_id: entry.entityId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/** Several audit rows in one statement (a batch's documents), in the given order; same columns as `audit`. */
export async function auditMany(
  db: Kysely<PlatformTables> | Transaction<PlatformTables>,
  actor: Pick<Actor, "userId" | "label" | "institutionId"> | null,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto("audit_log")
    .values(
      entries.map((entry) => ({
        institution_id: actor?.institutionId ?? null,
        actor_id: actor?.userId ?? null,
        actor_label: actor?.label ?? "system",
        action: entry.action,
        entity: entry.entity ?? null,
        entity_id: entry.entityId ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      })),
    )
    .execute();
}
