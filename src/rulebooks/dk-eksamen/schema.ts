/**
 * Kysely table types of the exam rulebook (migrations.ts, seed 002). Reached with `db.kysely.withTables<EksamenTables>()`.
 * Dates come back as "YYYY-MM-DD" strings (the platform's type parser); jsonb columns as parsed values.
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Json<T extends object | null> = JSONColumnType<T, string, string>;
type DateCol = ColumnType<string, string, string>;
type NullableDateCol = ColumnType<string | null, string | null | undefined, string | null>;
type Created = { created_at: Generated<Date>; created_by: string };

export interface EksamenSubjectTable extends Created {
  id: string;
  institution_id: string;
  code: string;
  name_da: string;
  name_en: string | null;
  component: string | null;
}

export interface EksamenTeacherTable extends Created {
  id: string;
  institution_id: string;
  name: string;
  initials: string;
}

export interface EksamenTermTable extends Created {
  id: string;
  institution_id: string;
  name: string;
  start_date: DateCol;
  end_date: DateCol;
  self_study_deadline: NullableDateCol;
}

export interface EksamenExamineeTable extends Created {
  id: string;
  institution_id: string;
  cpr: string;
  version: Generated<number>;
}

export interface EksamenExamineeVersionTable {
  examinee_id: string;
  version: number;
  institution_id: string;
  is_current: boolean;
  name: string;
  education: string;
  coherent: boolean;
  programme_start: DateCol;
  self_study: boolean;
  left_on: NullableDateCol;
  repeats_year: boolean;
  recorded_at: Generated<Date>;
  recorded_by: string;
  reason: string | null;
  superseded_at: Date | null;
}

export interface EksamenTeamTable extends Created {
  id: string;
  institution_id: string;
  term_id: string | null;
  name: string;
  subject_code: string;
  level: string | null;
  teacher_ids: Json<string[]>;
  examinee_ids: Json<string[]>;
}

export interface EksamenExamTable extends Created {
  id: string;
  institution_id: string;
  term_id: string;
  subject_code: string;
  level: string | null;
  part: string;
  exam_date: DateCol;
  form: Json<object>;
  examiner_ids: Json<string[]>;
  team_id: string | null;
}

export interface EksamenRegistrationTable extends Created {
  id: string;
  institution_id: string;
  exam_id: string;
  examinee_id: string;
  self_study: boolean;
  registered_on: DateCol;
  input: Json<object>;
  accepted: boolean;
  deadline: NullableDateCol;
  findings: Json<unknown[]>;
}

export interface EksamenCensorTable extends Created {
  id: string;
  institution_id: string;
  name: string;
  employed_at: Json<string[]>;
  subjects: Json<{ subject: string; level?: "A" | "B" | "C" }[]>;
  capacity: number;
}

export interface EksamenCensorshipTable {
  id: string;
  institution_id: string;
  censor_id: string;
  examiner_ids: Json<string[]>;
  exam_date: DateCol;
  institution_code: string;
  exam_id: string | null;
  term_id: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string;
}

export interface EksamenGradeTable extends Created {
  id: string;
  institution_id: string;
  examinee_id: string;
  kind: "exam" | "standpunkt";
  version: Generated<number>;
}

export interface EksamenGradeVersionTable {
  grade_id: string;
  version: number;
  institution_id: string;
  is_current: boolean;
  subject_code: string;
  level: string | null;
  part: string;
  grade: number;
  grade_date: DateCol;
  announced_on: NullableDateCol;
  term_id: string | null;
  exam_id: string | null;
  status: "valid" | "void";
  replaces_id: string | null;
  replaces_reason: string | null;
  special_conditions: boolean;
  recorded_at: Generated<Date>;
  recorded_by: string;
  reason: string | null;
  superseded_at: Date | null;
}

export interface EksamenMeritTable extends Created {
  id: string;
  institution_id: string;
  examinee_id: string;
  subject_code: string;
  level: string | null;
  part: string;
  assessment: Json<object>;
  source: string;
  merit_date: DateCol;
}

export interface EksamenSpecialConditionsTable extends Created {
  id: string;
  institution_id: string;
  examinee_id: string;
  exam_id: string;
  basis: string;
  conditions: string;
  decided_on: DateCol;
  findings: Json<unknown[]>;
}

export interface EksamenCheatingCaseTable extends Created {
  id: string;
  institution_id: string;
  examinee_id: string;
  exam_id: string;
  misconduct: Json<object>;
  on_date: DateCol;
  decision: "must" | "may" | "no";
  expelled: boolean;
  note: string | null;
  findings: Json<unknown[]>;
}

export interface EksamenComplaintTable extends Created {
  id: string;
  institution_id: string;
  examinee_id: string;
  grade_id: string;
  exam: Json<object>;
}

export interface EksamenComplaintEventTable {
  complaint_id: string;
  seq: number;
  institution_id: string;
  actor: string;
  event: Json<object>;
  on_date: DateCol;
  findings: Json<unknown[]>;
  recorded_at: Generated<Date>;
  recorded_by: string;
}

export interface EksamenAppeal55Table extends Created {
  id: string;
  institution_id: string;
  examinee_id: string;
  decision_kind: string;
  ref_kind: "cheating-case" | "special-conditions" | "registration" | "complaint" | null;
  ref_id: string | null;
  decision: Json<object>;
  description: string | null;
}

export interface EksamenAppeal55EventTable {
  appeal_id: string;
  seq: number;
  institution_id: string;
  actor: string;
  event: Json<object>;
  on_date: DateCol;
  findings: Json<unknown[]>;
  recorded_at: Generated<Date>;
  recorded_by: string;
}

export interface EksamenDocumentTable extends Created {
  id: string;
  institution_id: string;
  examinee_id: string;
  number: string;
  kind: "eksamensbevis" | "proevebevis" | "deltagerbevis";
  copy: "original" | "copy" | "english-certified-copy";
  issued_on: DateCol;
  content: Json<object>;
}

export interface EksamenDocumentRevocationTable extends Created {
  id: string;
  institution_id: string;
  document_id: string;
  revoked_on: DateCol;
  destroyed: boolean;
  reason: string;
}

export type EksamenTables = {
  eksamen_subject: EksamenSubjectTable;
  eksamen_teacher: EksamenTeacherTable;
  eksamen_term: EksamenTermTable;
  eksamen_examinee: EksamenExamineeTable;
  eksamen_examinee_version: EksamenExamineeVersionTable;
  eksamen_team: EksamenTeamTable;
  eksamen_exam: EksamenExamTable;
  eksamen_registration: EksamenRegistrationTable;
  eksamen_censor: EksamenCensorTable;
  eksamen_censorship: EksamenCensorshipTable;
  eksamen_grade: EksamenGradeTable;
  eksamen_grade_version: EksamenGradeVersionTable;
  eksamen_merit: EksamenMeritTable;
  eksamen_special_conditions: EksamenSpecialConditionsTable;
  eksamen_cheating_case: EksamenCheatingCaseTable;
  eksamen_complaint: EksamenComplaintTable;
  eksamen_complaint_event: EksamenComplaintEventTable;
  eksamen_document: EksamenDocumentTable;
  eksamen_document_revocation: EksamenDocumentRevocationTable;
  eksamen_appeal55: EksamenAppeal55Table;
  eksamen_appeal55_event: EksamenAppeal55EventTable;
};
