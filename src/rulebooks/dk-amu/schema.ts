/**
 * Kysely table types of the AMU rulebook (migrations.ts). Reached with `db.kysely.withTables<AmuTables>()`.
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { EmergencyTeaching, ParticipationStatus, SubCourse, UvmTestPeriod } from "./model.ts";

type Json<T extends object | null> = JSONColumnType<T, string, string>;
type DateCol = ColumnType<string, string, string>;
type NullableDateCol = ColumnType<string | null, string | null, string | null>;

export interface AmuGoalTable {
  id: string;
  institution_id: string | null;
  fagkode: string;
  title: string;
  certificate: boolean;
  written_and_oral: boolean;
  uvm_test_periods: Json<UvmTestPeriod[]>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface AmuParticipationTable {
  id: string;
  institution_id: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AmuParticipationVersionTable {
  participation_id: string;
  version: number;
  institution_id: string;
  is_current: boolean;
  cpr: string;
  fagkode: string;
  start_date: DateCol;
  end_date: NullableDateCol;
  status: ParticipationStatus;
  outsourced_to: string | null;
  eu_efteruddannelse: boolean;
  industry_certificate: boolean;
  emergency_teaching: EmergencyTeaching;
  forloeb_id: string | null;
  sub_courses: Json<SubCourse[]>;
  resultat_proevebelagt: number | null;
  resultat_ikke_proevebelagt: number | null;
  ej_relevant: boolean;
  ikv_competence_fagkoder: Json<string[]>;
  written_taken: boolean | null;
  oral_taken: boolean | null;
  industry_certificate_obtained: boolean | null;
  result_group: number | null;
  finding_errors: number;
  finding_warnings: number;
  recorded_at: Generated<Date>;
  recorded_by: string;
  recorded_by_id: string | null;
  reason: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
}

export interface AmuRetakeTable {
  id: string;
  participation_id: string;
  institution_id: string;
  seq: number;
  date: DateCol;
  resultat_proevebelagt: number | null;
  resultat_ikke_proevebelagt: number | null;
  written_taken: boolean | null;
  oral_taken: boolean | null;
  added_in_version: number;
  recorded_at: Generated<Date>;
  recorded_by: string;
}

export interface AmuReportCounterTable {
  institution_id: string;
  last_number: number;
}

export interface AmuReportTable {
  id: string;
  institution_id: string;
  number: number;
  quarter: string;
  window_from: DateCol;
  window_to: DateCol;
  window_quarters: Json<string[]>;
  created_at: Generated<Date>;
  created_by: string;
  created_by_id: string | null;
  row_count: number;
  /** Reports stored before migration 1002; later ones keep `rows_gz` / `diff_gz` (gzip of the same JSON). */
  rows: Json<unknown[]> | null;
  diff: Json<unknown[]> | null;
  rows_gz: Buffer | null;
  diff_gz: Buffer | null;
  counts: Json<{ new: number; changed: number; unchanged: number; removed: number }>;
  excluded: Json<unknown[]>;
  previous_id: string | null;
}

export type AmuTables = {
  amu_goal: AmuGoalTable;
  amu_participation: AmuParticipationTable;
  amu_participation_version: AmuParticipationVersionTable;
  amu_participation_current: AmuParticipationVersionTable;
  amu_retake: AmuRetakeTable;
  amu_report_counter: AmuReportCounterTable;
  amu_report: AmuReportTable;
};
