/**
 * Exam tables (seed 002, eksamensbekendtgørelsen): the 3xxx range. Every table carries institution_id and every query
 * is scoped by it. History is never overwritten:
 *
 * - eksamen_subject, eksamen_teacher, eksamen_term, eksamen_team, eksamen_exam (§ 12 form as jsonb), eksamen_censor:
 *   the plan of a term; rows are added.
 * - eksamen_examinee + eksamen_examinee_version: the examinee (CPR, unique per institution) and its versions; a change
 *   inserts a new version and marks the old one superseded; head.version is the optimistic lock (409).
 * - eksamen_registration: a registration for an exam with the §§ 7–8 findings it was accepted with; append-only.
 * - eksamen_censorship: who censored whom on which day (§ 27 history), the censor assignment of a term's exams
 *   (exam_id set) and earlier censorship elsewhere (exam_id null); append-only.
 * - eksamen_grade + eksamen_grade_version: exam grades and standpunkt grades on the 7-trinsskala; a correction or a
 *   voided grade (§ 20, stk. 4) is a new version.
 * - eksamen_merit, eksamen_special_conditions (§ 19), eksamen_cheating_case (§ 20): append-only.
 * - eksamen_complaint + eksamen_complaint_event: a complaint (§§ 47–55) is the list of the pure state machine's events,
 *   numbered (seq is the optimistic lock); append-only.
 * - eksamen_document + eksamen_document_revocation: the original/copy ledger (§ 36) with the issued content; a
 *   revocation is its own row; both append-only.
 * - eksamen_appeal55 + eksamen_appeal55_event (3002): a complaint about another decision (§ 55) — the decision
 *   complained about (kind, dates, optionally the stored row it is: a cheating case, special conditions, a registration
 *   or a rejected complaint) and the list of the pure state machine's events (appeal55.ts), numbered (seq is the
 *   optimistic lock); append-only.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { MigrationSet } from "../../platform/db/migrate.ts";

const LEVEL = `level text check (level in ('A','B','C'))`;
const PART = `part text not null check (part in ('written','oral','practical','combined'))`;

const eksamenCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql
      .raw(
        `
      create table eksamen_subject (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        code text not null check (length(code) between 1 and 40),
        name_da text not null,
        name_en text,
        component text,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (institution_id, code)
      );

      create table eksamen_teacher (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        name text not null,
        initials text not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_teacher_inst on eksamen_teacher(institution_id);

      create table eksamen_term (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        name text not null,
        start_date date not null,
        end_date date not null,
        self_study_deadline date,
        created_at timestamptz not null default now(),
        created_by text not null,
        check (start_date <= end_date)
      );
      create index eksamen_term_inst on eksamen_term(institution_id);

      create table eksamen_examinee (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        cpr text not null check (cpr ~ '^[0-9]{10}$'),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (institution_id, cpr)
      );

      create table eksamen_examinee_version (
        examinee_id uuid not null references eksamen_examinee(id),
        version integer not null,
        institution_id uuid not null references institution(id),
        is_current boolean not null,
        name text not null,
        education text not null check (education in ('stx','hhx','htx','hf2','eux','avu','fvu','gsk')),
        coherent boolean not null,
        programme_start date not null,
        self_study boolean not null default false,
        left_on date,
        repeats_year boolean not null default false,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        reason text,
        superseded_at timestamptz,
        primary key (examinee_id, version)
      );
      create unique index eksamen_xv_one_current on eksamen_examinee_version(examinee_id) where is_current;
      create index eksamen_xv_inst on eksamen_examinee_version(institution_id) where is_current;

      create table eksamen_team (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        term_id uuid references eksamen_term(id),
        name text not null,
        subject_code text not null,
        ${LEVEL},
        teacher_ids jsonb not null default '[]'::jsonb,
        examinee_ids jsonb not null default '[]'::jsonb,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_team_inst on eksamen_team(institution_id);

      create table eksamen_exam (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        term_id uuid not null references eksamen_term(id),
        subject_code text not null,
        ${LEVEL},
        ${PART},
        exam_date date not null,
        form jsonb not null,
        examiner_ids jsonb not null default '[]'::jsonb,
        team_id uuid references eksamen_team(id),
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_exam_term on eksamen_exam(institution_id, term_id, exam_date);

      create table eksamen_registration (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        exam_id uuid not null references eksamen_exam(id),
        examinee_id uuid not null references eksamen_examinee(id),
        self_study boolean not null,
        registered_on date not null,
        input jsonb not null,
        accepted boolean not null,
        deadline date,
        findings jsonb not null default '[]'::jsonb,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (exam_id, examinee_id)
      );
      create index eksamen_reg_examinee on eksamen_registration(institution_id, examinee_id);
      create trigger eksamen_registration_append_only before update or delete on eksamen_registration
        for each row execute function bevis_append_only();

      create table eksamen_censor (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        name text not null,
        employed_at jsonb not null default '[]'::jsonb,
        subjects jsonb not null default '[]'::jsonb,
        capacity integer not null check (capacity >= 0),
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_censor_inst on eksamen_censor(institution_id);

      create table eksamen_censorship (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        censor_id uuid not null references eksamen_censor(id),
        examiner_ids jsonb not null,
        exam_date date not null,
        institution_code text not null,
        exam_id uuid references eksamen_exam(id),
        term_id uuid references eksamen_term(id),
        recorded_at timestamptz not null default now(),
        recorded_by text not null
      );
      create unique index eksamen_censorship_one_per_exam on eksamen_censorship(exam_id) where exam_id is not null;
      create index eksamen_censorship_inst on eksamen_censorship(institution_id, censor_id);
      create trigger eksamen_censorship_append_only before update or delete on eksamen_censorship
        for each row execute function bevis_append_only();

      create table eksamen_grade (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        examinee_id uuid not null references eksamen_examinee(id),
        kind text not null check (kind in ('exam','standpunkt')),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_grade_examinee on eksamen_grade(institution_id, examinee_id);

      create table eksamen_grade_version (
        grade_id uuid not null references eksamen_grade(id),
        version integer not null,
        institution_id uuid not null references institution(id),
        is_current boolean not null,
        subject_code text not null,
        ${LEVEL},
        ${PART},
        grade smallint not null check (grade in (12, 10, 7, 4, 2, 0, -3)),
        grade_date date not null,
        announced_on date,
        term_id uuid references eksamen_term(id),
        exam_id uuid references eksamen_exam(id),
        status text not null check (status in ('valid','void')),
        replaces_id uuid references eksamen_grade(id),
        replaces_reason text check (replaces_reason in ('error-reassessment','error-retest','annulment-retest','complaint-reassessment','complaint-retest')),
        special_conditions boolean not null default false,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        reason text,
        superseded_at timestamptz,
        primary key (grade_id, version)
      );
      create unique index eksamen_gv_one_current on eksamen_grade_version(grade_id) where is_current;
      create index eksamen_gv_term on eksamen_grade_version(institution_id, term_id) where is_current;

      create table eksamen_merit (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        examinee_id uuid not null references eksamen_examinee(id),
        subject_code text not null,
        ${LEVEL},
        ${PART},
        assessment jsonb not null,
        source text not null,
        merit_date date not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_merit_examinee on eksamen_merit(institution_id, examinee_id);
      create trigger eksamen_merit_append_only before update or delete on eksamen_merit
        for each row execute function bevis_append_only();

      create table eksamen_special_conditions (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        examinee_id uuid not null references eksamen_examinee(id),
        exam_id uuid not null references eksamen_exam(id),
        basis text not null,
        conditions text not null,
        decided_on date not null,
        findings jsonb not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_sc_examinee on eksamen_special_conditions(institution_id, examinee_id);
      create trigger eksamen_special_conditions_append_only before update or delete on eksamen_special_conditions
        for each row execute function bevis_append_only();

      create table eksamen_cheating_case (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        examinee_id uuid not null references eksamen_examinee(id),
        exam_id uuid not null references eksamen_exam(id),
        misconduct jsonb not null,
        on_date date not null,
        decision text not null check (decision in ('must','may','no')),
        expelled boolean not null,
        note text,
        findings jsonb not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_cc_examinee on eksamen_cheating_case(institution_id, examinee_id);
      create trigger eksamen_cheating_case_append_only before update or delete on eksamen_cheating_case
        for each row execute function bevis_append_only();

      create table eksamen_complaint (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        examinee_id uuid not null references eksamen_examinee(id),
        grade_id uuid not null references eksamen_grade(id),
        exam jsonb not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_complaint_inst on eksamen_complaint(institution_id);
      create trigger eksamen_complaint_append_only before update or delete on eksamen_complaint
        for each row execute function bevis_append_only();

      create table eksamen_complaint_event (
        complaint_id uuid not null references eksamen_complaint(id),
        seq integer not null check (seq >= 1),
        institution_id uuid not null references institution(id),
        actor text not null,
        event jsonb not null,
        on_date date not null,
        findings jsonb not null,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        primary key (complaint_id, seq)
      );
      create trigger eksamen_complaint_event_append_only before update or delete on eksamen_complaint_event
        for each row execute function bevis_append_only();

      create table eksamen_document (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        examinee_id uuid not null references eksamen_examinee(id),
        number text not null,
        kind text not null check (kind in ('eksamensbevis','proevebevis','deltagerbevis')),
        copy text not null check (copy in ('original','copy','english-certified-copy')),
        issued_on date not null,
        content jsonb not null,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (institution_id, number)
      );
      create index eksamen_document_examinee on eksamen_document(institution_id, examinee_id);
      create trigger eksamen_document_append_only before update or delete on eksamen_document
        for each row execute function bevis_append_only();

      create table eksamen_document_revocation (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        document_id uuid not null references eksamen_document(id),
        revoked_on date not null,
        destroyed boolean not null,
        reason text not null,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create index eksamen_revocation_doc on eksamen_document_revocation(document_id);
      create trigger eksamen_document_revocation_append_only before update or delete on eksamen_document_revocation
        for each row execute function bevis_append_only();
    `,
      )
      .execute(db);
  },
};

const eksamenAppeal55: Migration = {
  async up(db: Kysely<unknown>) {
    await sql
      .raw(
        `
      create table eksamen_appeal55 (
        id uuid primary key,
        institution_id uuid not null references institution(id),
        examinee_id uuid not null references eksamen_examinee(id),
        decision_kind text not null check (decision_kind in ('access','lateness','special-conditions','expulsion','error-remedy','legal-question','complaint-rejection')),
        ref_kind text check (ref_kind in ('cheating-case','special-conditions','registration','complaint')),
        ref_id uuid,
        decision jsonb not null,
        description text,
        created_at timestamptz not null default now(),
        created_by text not null,
        check ((ref_kind is null) = (ref_id is null))
      );
      create index eksamen_appeal55_inst on eksamen_appeal55(institution_id, examinee_id);
      create index eksamen_appeal55_ref on eksamen_appeal55(institution_id, ref_id) where ref_id is not null;
      create trigger eksamen_appeal55_append_only before update or delete on eksamen_appeal55
        for each row execute function bevis_append_only();

      create table eksamen_appeal55_event (
        appeal_id uuid not null references eksamen_appeal55(id),
        seq integer not null check (seq >= 1),
        institution_id uuid not null references institution(id),
        actor text not null check (actor in ('examinee','custody-holder','institution','ministry')),
        event jsonb not null,
        on_date date not null,
        findings jsonb not null,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        primary key (appeal_id, seq)
      );
      create trigger eksamen_appeal55_event_append_only before update or delete on eksamen_appeal55_event
        for each row execute function bevis_append_only();
    `,
      )
      .execute(db);
  },
};

export const eksamenMigrations: MigrationSet = {
  "3001-eksamen-core": eksamenCore,
  "3002-eksamen-appeal55": eksamenAppeal55,
};
