import { sql, type Kysely, type Migration } from "kysely";

/** Institutions, users, roles, sessions, API tokens and the append-only audit log. */
export const platformCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table institution (
        id uuid primary key,
        code text not null unique,
        name text not null,
        country text not null check (country in ('DK','NO')),
        created_at timestamptz not null default now()
      );
      create table app_user (
        id uuid primary key,
        email text not null unique check (email = lower(email)),
        name text not null,
        password_hash text,
        disabled boolean not null default false,
        created_at timestamptz not null default now()
      );
      create table membership (
        user_id uuid not null references app_user(id),
        institution_id uuid not null references institution(id),
        role text not null check (role in ('admin','leder','ledelse','tap','laerer','readonly')),
        created_at timestamptz not null default now(),
        primary key (user_id, institution_id, role)
      );
      create table user_session (
        id text primary key,
        user_id uuid not null references app_user(id),
        institution_id uuid references institution(id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        last_seen_at timestamptz not null default now()
      );
      create index user_session_user on user_session(user_id);
      create table api_token (
        id uuid primary key,
        user_id uuid not null references app_user(id),
        institution_id uuid not null references institution(id),
        name text not null,
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        institution_id uuid references institution(id),
        actor_id uuid,
        actor_label text not null,
        action text not null,
        entity text,
        entity_id text,
        detail jsonb not null default '{}'::jsonb
      );
      create index audit_log_institution_at on audit_log(institution_id, at);
      create function bevis_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
      end $$;
      create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function bevis_append_only();
    `.execute(db);
  },
};
