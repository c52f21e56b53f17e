/**
 * Kysely table types of the vitnemål rulebook (migrations.ts). Reached with `db.kysely.withTables<VitnemalTables>()`.
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Json<T extends object | null> = JSONColumnType<T, string, string>;
type DateCol = ColumnType<string, string, string>;

export interface VitnemalCaseTable {
  id: string;
  institution_id: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
}

export interface VitnemalCaseVersionTable {
  case_id: string;
  version: number;
  institution_id: string;
  fnr: string;
  name: string;
  input: Json<Record<string, unknown>>;
  finding_errors: number;
  finding_warnings: number;
  recorded_at: Generated<Date>;
  recorded_by: string;
  recorded_by_id: string | null;
  reason: string | null;
}

export interface VitnemalLogHeadTable {
  institution_id: string;
  last_seq: number;
}

export interface VitnemalNumberCounterTable {
  institution_id: string;
  letter: "V" | "K";
  year: number;
  last_serial: number;
}

export interface VitnemalIssuanceTable {
  id: string;
  institution_id: string;
  seq: number;
  type: "issued" | "cancelled" | "duplicated";
  number: string;
  kind: "vitnemal" | "kompetansebevis" | null;
  fnr: string | null;
  case_id: string | null;
  case_version: number | null;
  reason: string;
  replaces: string | null;
  replaced_by: string | null;
  way: number | null;
  event: Json<Record<string, unknown>>;
  on_date: DateCol;
  by_label: string;
  created_at: Generated<Date>;
  created_by_id: string | null;
}

export interface VitnemalDocumentView {
  institution_id: string;
  number: string;
  kind: "vitnemal" | "kompetansebevis";
  fnr: string;
  case_id: string | null;
  case_version: number | null;
  reason: string;
  replaces: string | null;
  on_date: DateCol;
  by_label: string;
  seq: number;
  status: "issued" | "cancelled";
}

export type VitnemalTables = {
  vitnemal_case: VitnemalCaseTable;
  vitnemal_case_version: VitnemalCaseVersionTable;
  vitnemal_log_head: VitnemalLogHeadTable;
  vitnemal_number_counter: VitnemalNumberCounterTable;
  vitnemal_issuance: VitnemalIssuanceTable;
  vitnemal_document: VitnemalDocumentView;
};
