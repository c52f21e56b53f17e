/** Kysely table types of the sprogprøve rulebook (migrations.ts). Reached with `db.kysely.withTables<SprogproveTables>()`. */
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { Attempt, DsaSupplerende, Exemption } from "./model.ts";

type Json<T extends object | null> = JSONColumnType<T, string, string>;
type NullableJson<T extends object> = ColumnType<T | null, string | null, string | null>;
type DateCol = ColumnType<string, string, string>;

export interface SpYearTable {
  id: string;
  institution_id: string;
  start_year: number;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
}

export interface SpYearVersionTable {
  year_id: string;
  version: number;
  institution_id: string;
  is_current: boolean;
  pupils_total: number | null;
  pupils_in_listed_areas: number | null;
  coverage_source: string | null;
  covered_override: boolean | null;
  covered_override_reason: string | null;
  exempted_count: number | null;
  recorded_at: Generated<Date>;
  recorded_by: string;
  recorded_by_id: string | null;
  reason: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
}

export interface SpPupilTable {
  id: string;
  institution_id: string;
  year_id: string;
  cpr: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
}

export interface SpPupilVersionTable {
  pupil_id: string;
  version: number;
  institution_id: string;
  year_id: string;
  is_current: boolean;
  cpr: string;
  class_level: number;
  class_level_start_year: number | null;
  to_be_tested: boolean | null;
  dsa: NullableJson<DsaSupplerende>;
  exemption: NullableJson<Exemption>;
  attempts: Json<Attempt[]>;
  sommerskole: boolean;
  special_permission: boolean;
  previously_postponed: boolean;
  rykker_op: boolean | null;
  /** The pupil's name for staff (migration 2002); never reported. */
  name: string | null;
  /** The pupil left the school (migration 2003): last day, reason, who recorded it and when; all null or all set. */
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
  left_reason: ColumnType<string | null, string | null | undefined, string | null>;
  left_recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  left_recorded_at: ColumnType<Date | null, string | null | undefined, string | null>;
  finding_errors: number;
  finding_warnings: number;
  recorded_at: Generated<Date>;
  recorded_by: string;
  recorded_by_id: string | null;
  reason: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
}

export interface SpSubmissionTable {
  id: string;
  institution_id: string;
  year_id: string;
  number: number;
  decided_on: DateCol;
  complete: boolean;
  errors: number;
  warnings: number;
  year_version: number;
  report: Json<Record<string, unknown>>;
  receipt: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  created_by: string;
  created_by_id: string | null;
  created_by_roles: Json<string[]>;
}

export type SprogproveTables = {
  sp_year: SpYearTable;
  sp_year_version: SpYearVersionTable;
  sp_pupil: SpPupilTable;
  sp_pupil_version: SpPupilVersionTable;
  sp_submission: SpSubmissionTable;
};
