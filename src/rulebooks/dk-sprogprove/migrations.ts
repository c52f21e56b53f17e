/**
 * Sprogprøve tables (seed 001). Names sort after the platform's (0xxx) and AMU's (1xxx): 2xxx.
 *
 * - sp_year: one head row per institution and reported school year (identity, tenancy, current version for optimistic
 *   locking). sp_year_version holds the history of the school's own data for that year: coverage counts or a decision
 *   taken elsewhere, and step 3's count of exempted pupils (a number, never CPRs). A correction inserts a new version
 *   and marks the old one superseded (who, when, why).
 * - sp_pupil / sp_pupil_version: one pupil in one reported school year (CPR unique per year), with every version of
 *   its class level, selection, DSA, § 14 exemption, attempts (jsonb, with delprøver) and the bh.kl. check boxes and
 *   "rykker op". Append-only in the same way.
 * - sp_submission: every "Indberet" (2.4), numbered per year, with the whole report as submitted and its receipt.
 *   Never updated or deleted.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { MigrationSet } from "../../platform/db/migrate.ts";

const core: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table sp_year (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        start_year integer not null check (start_year between 2000 and 2100),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (institution_id, start_year)
      );

      create table sp_year_version (
        year_id uuid not null references sp_year(id),
        version integer not null,
        institution_id uuid not null references institution(id),
        is_current boolean not null,
        pupils_total integer check (pupils_total >= 0),
        pupils_in_listed_areas integer check (pupils_in_listed_areas >= 0),
        coverage_source text,
        covered_override boolean,
        covered_override_reason text,
        exempted_count integer check (exempted_count >= 0),
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        recorded_by_id uuid,
        reason text,
        superseded_at timestamptz,
        superseded_by text,
        primary key (year_id, version)
      );
      create unique index sp_year_version_one_current on sp_year_version(year_id) where is_current;

      create table sp_pupil (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        year_id uuid not null references sp_year(id),
        cpr text not null check (cpr ~ '^[0-9]{10}$'),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (year_id, cpr)
      );
      create index sp_pupil_inst_year on sp_pupil(institution_id, year_id);

      create table sp_pupil_version (
        pupil_id uuid not null references sp_pupil(id),
        version integer not null,
        institution_id uuid not null references institution(id),
        year_id uuid not null references sp_year(id),
        is_current boolean not null,
        cpr text not null check (cpr ~ '^[0-9]{10}$'),
        class_level smallint not null check (class_level between 0 and 9),
        class_level_start_year integer,
        to_be_tested boolean,
        dsa jsonb,
        exemption jsonb,
        attempts jsonb not null default '[]'::jsonb,
        sommerskole boolean not null default false,
        special_permission boolean not null default false,
        previously_postponed boolean not null default false,
        rykker_op boolean,
        finding_errors integer not null default 0,
        finding_warnings integer not null default 0,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        recorded_by_id uuid,
        reason text,
        superseded_at timestamptz,
        superseded_by text,
        primary key (pupil_id, version)
      );
      create unique index sp_pupil_version_one_current on sp_pupil_version(pupil_id) where is_current;
      create index sp_pupil_version_year on sp_pupil_version(institution_id, year_id) where is_current;

      create table sp_submission (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        year_id uuid not null references sp_year(id),
        number integer not null,
        decided_on date not null,
        complete boolean not null,
        errors integer not null,
        warnings integer not null,
        year_version integer not null,
        report jsonb not null,
        receipt jsonb not null,
        created_at timestamptz not null default now(),
        created_by text not null,
        created_by_id uuid,
        created_by_roles jsonb not null,
        unique (year_id, number)
      );
      create trigger sp_submission_append_only before update or delete on sp_submission
        for each row execute function bevis_append_only();
    `.execute(db);
  },
};

/**
 * The pupil's name (for staff: a list of masked CPR numbers is hard to read), as the pupil-list import from the
 * administrative system gives it or the form states it. Never part of the report to STIL; kept per version.
 */
const pupilName: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table sp_pupil_version add column name text check (char_length(name) <= 200)`.execute(db);
  },
};

/**
 * A pupil who left the school during the reported school year ("udmeldt"; leaving.ts): the last day at the school, the
 * reason, and who recorded the departure and when. Kept per version like every other field: a departure is a new
 * version, an undo another one; nothing is deleted. All four are set together or not at all.
 */
const pupilLeft: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table sp_pupil_version
        add column left_on date,
        add column left_reason text check (char_length(left_reason) <= 1000),
        add column left_recorded_by text,
        add column left_recorded_at timestamptz,
        add constraint sp_pupil_version_left_all check (
          (left_on is null and left_reason is null and left_recorded_by is null and left_recorded_at is null)
          or (left_on is not null and left_reason is not null and left_recorded_by is not null and left_recorded_at is not null)
        )
    `.execute(db);
  },
};

export const sprogproveMigrations: MigrationSet = {
  "2001-sprogprove-core": core,
  "2002-sprogprove-pupil-name": pupilName,
  "2003-sprogprove-pupil-left": pupilLeft,
};
