/**
 * AMU tables (seed 000). Names sort after the platform's (0xxx): 1xxx.
 *
 * - amu_goal: the catalogue, global (institution_id null) or per institution, with its UVM-prøve periods (jsonb).
 * - amu_participation: one head row per participation (identity, tenancy, current version for optimistic locking).
 * - amu_participation_version: the full history; a correction inserts a new version and marks the old one superseded
 *   (who, when, why). The current state is the row with is_current; `amu_participation_current` is the view.
 * - amu_retake: omprøver (§5), own rows, append-only, never overwriting the ordinary result.
 * - amu_report: report submissions, numbered per provider (institution) through amu_report_counter, never reused.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { MigrationSet } from "../../platform/db/migrate.ts";

const amuCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table amu_goal (
        id uuid primary key,
        institution_id uuid references institution(id),
        fagkode text not null check (fagkode ~ '^[0-9]{5}$'),
        title text not null,
        certificate boolean not null default false,
        written_and_oral boolean not null default false,
        uvm_test_periods jsonb not null default '[]'::jsonb,
        version integer not null default 1,
        created_at timestamptz not null default now()
      );
      create unique index amu_goal_global_fagkode on amu_goal(fagkode) where institution_id is null;
      create unique index amu_goal_inst_fagkode on amu_goal(institution_id, fagkode) where institution_id is not null;

      create table amu_participation (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index amu_participation_inst on amu_participation(institution_id);

      create table amu_participation_version (
        participation_id uuid not null references amu_participation(id),
        version integer not null,
        institution_id uuid not null references institution(id),
        is_current boolean not null,
        cpr text not null check (cpr ~ '^[0-9]{10}$'),
        fagkode text not null,
        start_date date not null,
        end_date date,
        status text not null check (status in ('ended','not-ended','never-held')),
        outsourced_to text,
        eu_efteruddannelse boolean not null,
        industry_certificate boolean not null,
        emergency_teaching text not null check (emergency_teaching in ('none','exam-omitted','exam-postponed')),
        forloeb_id text,
        sub_courses jsonb not null default '[]'::jsonb,
        resultat_proevebelagt smallint check (resultat_proevebelagt between 1 and 6),
        resultat_ikke_proevebelagt smallint check (resultat_ikke_proevebelagt between 1 and 4),
        ej_relevant boolean not null,
        ikv_competence_fagkoder jsonb not null default '[]'::jsonb,
        written_taken boolean,
        oral_taken boolean,
        industry_certificate_obtained boolean,
        result_group smallint check (result_group in (1,2)),
        finding_errors integer not null default 0,
        finding_warnings integer not null default 0,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        recorded_by_id uuid,
        reason text,
        superseded_at timestamptz,
        superseded_by text,
        primary key (participation_id, version)
      );
      -- one current version per participation
      create unique index amu_pv_one_current on amu_participation_version(participation_id) where is_current;
      -- the report query: a provider's current rows by end date (the reporting window)
      create index amu_pv_report on amu_participation_version(institution_id, end_date) where is_current;
      -- list filters
      create index amu_pv_fagkode on amu_participation_version(institution_id, fagkode) where is_current;
      create index amu_pv_findings on amu_participation_version(institution_id, finding_errors, finding_warnings) where is_current;

      create view amu_participation_current as
        select * from amu_participation_version where is_current;

      create table amu_retake (
        id uuid primary key,
        participation_id uuid not null references amu_participation(id),
        institution_id uuid not null references institution(id),
        seq integer not null check (seq >= 2),
        date date not null,
        resultat_proevebelagt smallint check (resultat_proevebelagt between 1 and 6),
        resultat_ikke_proevebelagt smallint check (resultat_ikke_proevebelagt between 1 and 4),
        written_taken boolean,
        oral_taken boolean,
        added_in_version integer not null,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        unique (participation_id, seq)
      );
      create trigger amu_retake_append_only before update or delete on amu_retake
        for each row execute function bevis_append_only();

      create table amu_report_counter (
        institution_id uuid primary key references institution(id),
        last_number integer not null
      );

      create table amu_report (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        number integer not null,
        quarter text not null check (quarter ~ '^[0-9]{4}Q[1-4]$'),
        window_from date not null,
        window_to date not null,
        window_quarters jsonb not null,
        created_at timestamptz not null default now(),
        created_by text not null,
        created_by_id uuid,
        row_count integer not null,
        rows jsonb not null,
        diff jsonb not null,
        counts jsonb not null,
        excluded jsonb not null,
        previous_id uuid references amu_report(id),
        unique (institution_id, number)
      );
      create trigger amu_report_append_only before update or delete on amu_report
        for each row execute function bevis_append_only();
    `.execute(db);
  },
};

/**
 * The two IKV goals, global: they are real and named by seed 000 §4 ("Individuelle kompetencevurderinger i AMU
 * (AMU-mål 40080)" and "… i AMU F/I (AMU-mål 40081)"), not UVM-prøvebelagte in themselves. Every other goal comes
 * from the provider's catalogue (`bevis amu goals load-demo` loads the illustrative demo catalogue).
 */
const amuIkvGoals: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      insert into amu_goal (id, institution_id, fagkode, title, certificate, written_and_oral, uvm_test_periods)
      values (gen_random_uuid(), null, '40080', 'Individuelle kompetencevurderinger i AMU', false, false, '[]'::jsonb),
             (gen_random_uuid(), null, '40081', 'Individuelle kompetencevurderinger i AMU F/I', false, false, '[]'::jsonb)
      on conflict do nothing
    `.execute(db);
  },
};

/**
 * A report's rows and diff are stored gzip-compressed (bytea) instead of as jsonb: a report of 300,000 rows is ~60 MB
 * of JSON, which PostgreSQL would parse, compress and write to its WAL inside the report's transaction; compressed on
 * the client (off the main thread) it is ~15 MB written as is. Reports stored before keep their jsonb (both are read).
 * See docs/decisions/0004-benchmarks.md.
 */
const amuReportCompressed: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table amu_report add column rows_gz bytea, add column diff_gz bytea;
      alter table amu_report alter column rows drop not null, alter column diff drop not null;
      alter table amu_report alter column rows_gz set storage external, alter column diff_gz set storage external;
      alter table amu_report add constraint amu_report_rows_stored check ((rows is not null or rows_gz is not null) and (diff is not null or diff_gz is not null));
    `.execute(db);
  },
};

export const amuMigrations: MigrationSet = {
  "1000-amu-core": amuCore,
  "1001-amu-ikv-goals": amuIkvGoals,
  "1002-amu-report-compressed": amuReportCompressed,
};
