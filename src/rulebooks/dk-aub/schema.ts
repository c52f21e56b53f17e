/**
 * Kysely table types of the AUB rulebook (migrations.ts). Reached with `db.kysely.withTables<AubTables>()`.
 * bigint columns come back as string (node-postgres) or number (PGlite): the store converts them with Number()
 * (safe: amounts are checked to be safe integers before they are written).
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Json<T extends object | null> = JSONColumnType<T, string, string>;
type DateCol = ColumnType<string, string, string>;
type NullableDateCol = ColumnType<string | null, string | null, string | null>;
type Big = ColumnType<string | number, number, number>;

export interface AubParameterTable {
  id: string;
  institution_id: string;
  kind: "contribution-rate" | "full-quarter-atp" | "su-rate";
  valid_from: DateCol;
  valid_to: DateCol;
  value: Json<{ oere: number; components?: { ref: string; perYearOere: number }[]; perQuarterPublishedOere?: number; perQuarterSource?: string }>;
  source: string;
  facts_row: string | null;
  sureness: "certain" | "good" | "medium" | "low";
  secondary: boolean;
  note: string | null;
  created_at: Generated<Date>;
  created_by: string;
  /** 5002: the added row this one corrects (supersedes), with the reason; null for a plain addition. */
  supersedes: string | null;
  reason: string | null;
}

export interface AubEmployerTable {
  id: string;
  institution_id: string;
  cvr: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
}

export interface StoredReligiousApplication {
  receivedOn: string;
  documentationReceivedOn?: string;
  conditionLapsedNoticeOn?: string;
}

export interface AubEmployerVersionTable {
  employer_id: string;
  version: number;
  institution_id: string;
  is_current: boolean;
  name: string;
  atp_covered: boolean;
  category: string | null;
  has_posted_staff: boolean | null;
  religious_applications: Json<StoredReligiousApplication[]>;
  recorded_at: Generated<Date>;
  recorded_by: string;
  reason: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
}

export interface AubUnitTable {
  id: string;
  institution_id: string;
  employer_id: string;
  se: string;
  name: string | null;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AubAtpReportTable {
  id: string;
  institution_id: string;
  unit_id: string;
  employer_id: string;
  quarter: string;
  version: number;
  is_current: boolean;
  received_on: DateCol;
  total_oere: Big;
  persons: Json<{ cpr: string; amountOere: number }[]>;
  recorded_at: Generated<Date>;
  recorded_by: string;
  reason: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
}

export interface AubChargeTable {
  id: string;
  institution_id: string;
  unit_id: string;
  employer_id: string;
  quarter: string;
  seq: number;
  report_version: number;
  cause: string;
  contribution_oere: Big;
  previous_oere: Big;
  difference_oere: Big;
  reported_oere: Big;
  exempt_trainee_oere: Big;
  basis_oere: Big;
  full_quarters: number;
  remainder_oere: Big;
  rate_per_quarter_oere: Big;
  full_quarter_atp_oere: Big;
  employer_exempt: boolean;
  charged_at: Generated<Date>;
  charged_by: string;
}

export interface AubEducationTable {
  id: string;
  institution_id: string;
  code: string;
  name: string;
  law20_stk4_nr: number;
  normal_duration_months: number;
  origin: Json<{ kind: "list"; listedFrom?: string; listedTo?: string } | { kind: "approved"; approvedOn: string; applicationId?: string }>;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AubEducationApplicationTable {
  id: string;
  institution_id: string;
  education_name: string;
  content: string | null;
  legal_basis: string | null;
  other_facts: string | null;
  law20_stk4_nr: number | null;
  normal_duration_months: number | null;
  received_on: DateCol;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AubEducationDecisionTable {
  application_id: string;
  institution_id: string;
  approved: boolean;
  decided_on: DateCol;
  education_code: string | null;
  decided_at: Generated<Date>;
  decided_by: string;
}

export interface AubAgreementTable {
  id: string;
  institution_id: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AubAgreementVersionTable {
  agreement_id: string;
  version: number;
  institution_id: string;
  is_current: boolean;
  notification: Json<Record<string, unknown>>;
  employer_id: string | null;
  cpr: string | null;
  exempt_from: NullableDateCol;
  exempt_to: NullableDateCol;
  finding_errors: number;
  finding_warnings: number;
  recorded_at: Generated<Date>;
  recorded_by: string;
  reason: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
}

export interface AubSchoolWeekReportTable {
  id: string;
  institution_id: string;
  school: string;
  received_on: DateCol;
  lines: Json<unknown[]>;
  line_count: number;
  weeks: number;
  amount_oere: Big;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AubGrantYearTable {
  institution_id: string;
  year: number;
  estimated_grant_oere: Big;
  administration_oere: Big;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AubPrepaymentTable {
  institution_id: string;
  quarter: string;
  amount_oere: Big;
  created_at: Generated<Date>;
  created_by: string;
}

export interface AubAttestationTable {
  id: string;
  institution_id: string;
  school: string;
  year: number;
  attested_weeks: number;
  reported_weeks: number;
  created_at: Generated<Date>;
  created_by: string;
}

export type AubTables = {
  aub_parameter: AubParameterTable;
  aub_employer: AubEmployerTable;
  aub_employer_version: AubEmployerVersionTable;
  aub_unit: AubUnitTable;
  aub_atp_report: AubAtpReportTable;
  aub_charge: AubChargeTable;
  aub_education: AubEducationTable;
  aub_education_application: AubEducationApplicationTable;
  aub_education_decision: AubEducationDecisionTable;
  aub_agreement: AubAgreementTable;
  aub_agreement_version: AubAgreementVersionTable;
  aub_school_week_report: AubSchoolWeekReportTable;
  aub_grant_year: AubGrantYearTable;
  aub_prepayment: AubPrepaymentTable;
  aub_attestation: AubAttestationTable;
};
