import { sql, type Kysely, type Migration } from "kysely";

/** Which demo seeder has run for which institution, so `bevis serve --demo` seeds each only once. */
export const demoSeed: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table demo_seed (
        institution_id uuid not null references institution(id),
        seeder text not null,
        seeded_at timestamptz not null default now(),
        primary key (institution_id, seeder)
      );
      create index user_session_expires on user_session(expires_at);
    `.execute(db);
  },
};
