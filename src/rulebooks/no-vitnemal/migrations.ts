/**
 * Vitnemål tables (seed 003). Names sort after the platform's (0xxx): 4xxx.
 *
 * - vitnemal_case: one head row per person's case in an institution (identity, tenancy, current version for optimistic
 *   locking — the only row here that is ever updated).
 * - vitnemal_case_version: the case input (the `VitnemalCase` without its decision date) as jsonb, one row per version,
 *   append-only: a correction inserts the next version with who/when/why; the version it supersedes is the one before
 *   (superseded at/by = the next row's recorded at/by). The current version is the head's `version`.
 * - vitnemal_issuance: the issuance log (issuance.ts `IssuanceEvent`), append-only, numbered per institution by `seq`:
 *   issued (number, kind, person, the document snapshot the PDF is rendered from), cancelled (reason, replaced by),
 *   duplicated (§2.11 ways 1 and 2). A document's status (issued / cancelled) is derived from its events
 *   (`vitnemal_document` view). Way-3 duplicates and changes are "issued" rows with `replaces`.
 * - vitnemal_log_head: the institution's last `seq`, updated in the issuing transaction (serialises writers).
 * - vitnemal_number_counter: the last serial per institution, letter (V/K) and year (§2.8), updated in the issuing
 *   transaction; it only goes up, so a number is never reused (also after a cancellation).
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { MigrationSet } from "../../platform/db/migrate.ts";

const vitnemalCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table vitnemal_case (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index vitnemal_case_inst on vitnemal_case(institution_id);

      create table vitnemal_case_version (
        case_id uuid not null references vitnemal_case(id),
        version integer not null check (version >= 1),
        institution_id uuid not null references institution(id),
        fnr text not null check (fnr ~ '^[0-9]{11}$'),
        name text not null,
        input jsonb not null,
        finding_errors integer not null default 0,
        finding_warnings integer not null default 0,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        recorded_by_id uuid,
        reason text,
        primary key (case_id, version)
      );
      create index vitnemal_cv_inst on vitnemal_case_version(institution_id, case_id);
      create trigger vitnemal_case_version_append_only before update or delete on vitnemal_case_version
        for each row execute function bevis_append_only();

      create table vitnemal_log_head (
        institution_id uuid primary key references institution(id),
        last_seq integer not null
      );

      create table vitnemal_number_counter (
        institution_id uuid not null references institution(id),
        letter text not null check (letter in ('V','K')),
        year integer not null,
        last_serial integer not null check (last_serial between 1 and 9999),
        primary key (institution_id, letter, year)
      );

      create table vitnemal_issuance (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        seq integer not null check (seq >= 1),
        type text not null check (type in ('issued','cancelled','duplicated')),
        number text not null check (number ~ '^[VK][0-9]{17}$'),
        kind text check (kind in ('vitnemal','kompetansebevis')),
        fnr text,
        case_id uuid references vitnemal_case(id),
        case_version integer,
        reason text not null,
        replaces text,
        replaced_by text,
        way smallint check (way between 1 and 3),
        event jsonb not null,
        on_date date not null,
        by_label text not null,
        created_at timestamptz not null default now(),
        created_by_id uuid,
        unique (institution_id, seq)
      );
      -- a number is issued once per institution (the counter makes it so; this makes it certain)
      create unique index vitnemal_issuance_issued_once on vitnemal_issuance(institution_id, number) where type = 'issued';
      create index vitnemal_issuance_number on vitnemal_issuance(institution_id, number);
      create index vitnemal_issuance_case on vitnemal_issuance(institution_id, case_id);
      create trigger vitnemal_issuance_append_only before update or delete on vitnemal_issuance
        for each row execute function bevis_append_only();

      create view vitnemal_document as
        select i.institution_id, i.number, i.kind, i.fnr, i.case_id, i.case_version, i.reason, i.replaces, i.on_date,
               i.by_label, i.seq,
               case when exists (select 1 from vitnemal_issuance c
                                  where c.institution_id = i.institution_id and c.number = i.number and c.type = 'cancelled')
                    then 'cancelled' else 'issued' end as status
          from vitnemal_issuance i where i.type = 'issued';
    `.execute(db);
  },
};

export const vitnemalMigrations: MigrationSet = {
  "4000-vitnemal-core": vitnemalCore,
};
