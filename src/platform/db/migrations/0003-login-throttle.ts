import { sql, type Kysely, type Migration } from "kysely";

/**
 * Login throttling (src/platform/auth/throttle.ts, docs/decisions/0005-login-throttling.md): one row per admitted
 * login attempt, written before the password is checked, and one per successful login. Rows are never updated (the
 * append-only trigger refuses UPDATE); rows older than the window are deleted by age.
 */
export const loginThrottle: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table login_attempt (
        id uuid primary key,
        at timestamptz not null,
        account text not null,
        address text not null
      );
      create index login_attempt_account_at on login_attempt(account, at);
      create index login_attempt_address_at on login_attempt(address, at);
      create index login_attempt_at on login_attempt(at);
      create table login_success (
        attempt_id uuid primary key,
        account text not null,
        at timestamptz not null
      );
      create index login_success_account_at on login_success(account, at);
      create trigger login_attempt_no_update before update on login_attempt
        for each row execute function bevis_append_only();
      create trigger login_success_no_update before update on login_success
        for each row execute function bevis_append_only();
    `.execute(db);
  },
};
