/**
 * Kysely table types of the platform. Each rulebook declares its own tables next to its store and reaches them with
 * `db.withTables<ItsTables>()`, so the platform never imports a rulebook.
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const ROLES = ["admin", "leder", "ledelse", "tap", "laerer", "readonly"] as const;
export type Role = (typeof ROLES)[number];

export interface InstitutionTable {
  id: string; // uuid
  /** Institution number (DK: 6-digit institutionsnummer; NO: organisasjonsnummer), unique. */
  code: string;
  name: string;
  country: "DK" | "NO";
  created_at: Generated<Date>;
}

export interface AppUserTable {
  id: string;
  email: string; // stored lower-case
  name: string;
  password_hash: string | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface MembershipTable {
  user_id: string;
  institution_id: string;
  role: Role;
  created_at: Generated<Date>;
}

export interface SessionTable {
  /** sha256 of the cookie token (the token itself is never stored). */
  id: string;
  user_id: string;
  institution_id: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  institution_id: string;
  name: string;
  /** sha256 of the token. */
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<string>; // bigserial, as string
  at: Generated<Date>;
  institution_id: string | null;
  actor_id: string | null;
  /** Who did it, for people: user e-mail, token name or "system". */
  actor_label: string;
  /** e.g. "amu.participation.create", "amu.report.export", "auth.login". */
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface DemoSeedTable {
  institution_id: string;
  seeder: string;
  seeded_at: Generated<Date>;
}

export interface PlatformTables {
  institution: InstitutionTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: SessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  demo_seed: DemoSeedTable;
}
