/**
 * AUB tables (seed 004). Names sort after the platform's (0xxx) and the other rulebooks': 5xxx.
 *
 * Every table carries institution_id: the AUB case-worker institution owns its employers, units, reports, agreements,
 * school weeks and parameters; every query is scoped by it.
 *
 * - aub_parameter: dated parameter rows an administrator added (the shipped rows live in parameters/*.ts); append-only.
 * - aub_employer + aub_employer_version: an employer (CVR) and its history (§ 2 category, religious applications);
 *   a change inserts a new version and marks the old one superseded; head.version is the optimistic lock (409).
 * - aub_unit: ATP-reporting units (§ 3, stk. 3), one SE number each; append-only.
 * - aub_atp_report: ATP reports per unit and quarter; a correction is the next version (§ 3, stk. 2), the old one is
 *   marked superseded, never overwritten.
 * - aub_charge: the contribution charged for a unit's quarter, append-only: each recalculation appends the new
 *   contribution with the difference to what was charged before (§ 3, stk. 2, 2. pkt.).
 * - aub_education, aub_education_application, aub_education_decision: the exempt educations (§ 4).
 * - aub_agreement + aub_agreement_version: notified education agreements (§ 5) with their decided exemption (§ 6).
 * - aub_school_week_report, aub_grant_year, aub_prepayment, aub_attestation: the wage refund (§§ 7–11).
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { MigrationSet } from "../../platform/db/migrate.ts";

const aubCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table aub_parameter (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        kind text not null check (kind in ('contribution-rate','full-quarter-atp','su-rate')),
        valid_from date not null,
        valid_to date not null,
        value jsonb not null,
        source text not null,
        facts_row text,
        sureness text not null check (sureness in ('certain','good','medium','low')),
        secondary boolean not null,
        note text,
        created_at timestamptz not null default now(),
        created_by text not null,
        check (valid_from <= valid_to)
      );
      create index aub_parameter_inst on aub_parameter(institution_id, kind);
      create trigger aub_parameter_append_only before update or delete on aub_parameter
        for each row execute function bevis_append_only();

      create table aub_employer (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        cvr text not null check (cvr ~ '^[0-9]{8}$'),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (institution_id, cvr)
      );

      create table aub_employer_version (
        employer_id uuid not null references aub_employer(id),
        version integer not null,
        institution_id uuid not null references institution(id),
        is_current boolean not null,
        name text not null,
        atp_covered boolean not null,
        category text check (category in ('julemaerkefonden','diplomatic-representation','consular-representation','international-organisation','religious-community')),
        has_posted_staff boolean,
        religious_applications jsonb not null default '[]'::jsonb,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        reason text,
        superseded_at timestamptz,
        superseded_by text,
        primary key (employer_id, version)
      );
      create unique index aub_ev_one_current on aub_employer_version(employer_id) where is_current;
      create index aub_ev_inst on aub_employer_version(institution_id) where is_current;

      create table aub_unit (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        employer_id uuid not null references aub_employer(id),
        se text not null check (se ~ '^[0-9]{8}$'),
        name text,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (institution_id, se)
      );
      create index aub_unit_employer on aub_unit(employer_id);
      create trigger aub_unit_append_only before update or delete on aub_unit
        for each row execute function bevis_append_only();

      create table aub_atp_report (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        unit_id uuid not null references aub_unit(id),
        employer_id uuid not null references aub_employer(id),
        quarter text not null check (quarter ~ '^[0-9]{4}Q[1-4]$'),
        version integer not null check (version >= 1),
        is_current boolean not null,
        received_on date not null,
        total_oere bigint not null check (total_oere >= 0),
        persons jsonb not null default '[]'::jsonb,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        reason text,
        superseded_at timestamptz,
        superseded_by text,
        unique (unit_id, quarter, version)
      );
      create unique index aub_atp_one_current on aub_atp_report(unit_id, quarter) where is_current;
      create index aub_atp_inst_quarter on aub_atp_report(institution_id, quarter) where is_current;
      create index aub_atp_employer on aub_atp_report(employer_id) where is_current;
      -- the quarterly run pages through the current reports in this order (store.currentReportPages)
      create index aub_atp_run on aub_atp_report(institution_id, employer_id, unit_id, quarter) where is_current;

      create table aub_charge (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        unit_id uuid not null references aub_unit(id),
        employer_id uuid not null references aub_employer(id),
        quarter text not null check (quarter ~ '^[0-9]{4}Q[1-4]$'),
        seq integer not null check (seq >= 1),
        report_version integer not null,
        cause text not null,
        contribution_oere bigint not null,
        previous_oere bigint not null,
        difference_oere bigint not null,
        reported_oere bigint not null,
        exempt_trainee_oere bigint not null,
        basis_oere bigint not null,
        full_quarters integer not null,
        remainder_oere bigint not null,
        rate_per_quarter_oere bigint not null,
        full_quarter_atp_oere bigint not null,
        employer_exempt boolean not null,
        charged_at timestamptz not null default now(),
        charged_by text not null,
        unique (unit_id, quarter, seq)
      );
      create index aub_charge_inst_quarter on aub_charge(institution_id, quarter);
      create index aub_charge_employer on aub_charge(employer_id, quarter);
      create trigger aub_charge_append_only before update or delete on aub_charge
        for each row execute function bevis_append_only();

      create table aub_education (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        code text not null,
        name text not null,
        law20_stk4_nr integer not null check (law20_stk4_nr >= 1),
        normal_duration_months integer not null check (normal_duration_months >= 1),
        origin jsonb not null,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (institution_id, code)
      );
      create trigger aub_education_append_only before update or delete on aub_education
        for each row execute function bevis_append_only();

      create table aub_education_application (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        education_name text not null,
        content text,
        legal_basis text,
        other_facts text,
        law20_stk4_nr integer,
        normal_duration_months integer,
        received_on date not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create trigger aub_education_application_append_only before update or delete on aub_education_application
        for each row execute function bevis_append_only();

      create table aub_education_decision (
        application_id uuid primary key references aub_education_application(id),
        institution_id uuid not null references institution(id),
        approved boolean not null,
        decided_on date not null,
        education_code text,
        decided_at timestamptz not null default now(),
        decided_by text not null
      );
      create trigger aub_education_decision_append_only before update or delete on aub_education_decision
        for each row execute function bevis_append_only();

      create table aub_agreement (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null
      );

      create table aub_agreement_version (
        agreement_id uuid not null references aub_agreement(id),
        version integer not null,
        institution_id uuid not null references institution(id),
        is_current boolean not null,
        notification jsonb not null,
        employer_id uuid references aub_employer(id),
        cpr text,
        exempt_from date,
        exempt_to date,
        finding_errors integer not null,
        finding_warnings integer not null,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        reason text,
        superseded_at timestamptz,
        superseded_by text,
        primary key (agreement_id, version)
      );
      create unique index aub_av_one_current on aub_agreement_version(agreement_id) where is_current;
      create index aub_av_employer on aub_agreement_version(institution_id, employer_id) where is_current;

      create table aub_school_week_report (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        school text not null,
        received_on date not null,
        lines jsonb not null,
        line_count integer not null,
        weeks integer not null,
        amount_oere bigint not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index aub_swr_inst on aub_school_week_report(institution_id);
      create trigger aub_school_week_report_append_only before update or delete on aub_school_week_report
        for each row execute function bevis_append_only();

      create table aub_grant_year (
        institution_id uuid not null references institution(id),
        year integer not null,
        estimated_grant_oere bigint not null check (estimated_grant_oere >= 0),
        administration_oere bigint not null check (administration_oere >= 0),
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (institution_id, year)
      );
      create trigger aub_grant_year_append_only before update or delete on aub_grant_year
        for each row execute function bevis_append_only();

      create table aub_prepayment (
        institution_id uuid not null references institution(id),
        quarter text not null check (quarter ~ '^[0-9]{4}Q[1-4]$'),
        amount_oere bigint not null check (amount_oere >= 0),
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (institution_id, quarter)
      );
      create trigger aub_prepayment_append_only before update or delete on aub_prepayment
        for each row execute function bevis_append_only();

      create table aub_attestation (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        school text not null,
        year integer not null,
        attested_weeks integer not null check (attested_weeks >= 0),
        reported_weeks integer not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create trigger aub_attestation_append_only before update or delete on aub_attestation
        for each row execute function bevis_append_only();
    `.execute(db);
  },
};

/**
 * 5002: a wrongly added parameter row is corrected by a superseding row (docs/rulebooks/004-aub.md, choice 20). The new
 * row names the row it supersedes and the reason; who and when are its created_by / created_at. Rows stay append-only
 * (adding columns does not touch a row); one row can be superseded once (the unique index), and a superseded row no
 * longer counts (service.effectiveParameters).
 */
const aubParameterCorrection: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table aub_parameter add column supersedes uuid references aub_parameter(id);
      alter table aub_parameter add column reason text;
      alter table aub_parameter add constraint aub_parameter_supersedes_reason check (supersedes is null or (reason is not null and reason <> ''));
      create unique index aub_parameter_superseded_once on aub_parameter(supersedes) where supersedes is not null;
    `.execute(db);
  },
};

export const aubMigrations: MigrationSet = {
  "5001-aub-core": aubCore,
  "5002-aub-parameter-correction": aubParameterCorrection,
};
