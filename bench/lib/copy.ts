/**
 * The bare infrastructure the benchmarks compare against: PostgreSQL's COPY of already prepared rows.
 *
 * On a PostgreSQL server COPY … FROM STDIN goes through pg-copy-streams. PGlite cannot take COPY FROM STDIN through
 * its node-postgres adapter (each wire message is a separate call and PGlite cannot resume a copy across calls; the
 * process dies), so on PGlite the bench opens the data folder with PGlite itself and uses its `/dev/blob` COPY.
 */
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { acquireLock } from "../../src/platform/db/connect.ts";
import type { RetakeData, VersionData } from "../../src/rulebooks/dk-amu/store.ts";

export interface CopyTarget {
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
  /** Runs plain SQL (ANALYZE after a load). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function pgCopyTarget(pool: pg.Pool): CopyTarget {
  return {
    async copy(table, columns, text) {
      const client = await pool.connect();
      try {
        await pipeline(Readable.from([text]), client.query(copyFrom(`copy ${table} (${columns.join(", ")}) from stdin`)));
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {},
  };
}

/** Opens a PGlite data folder made by openDatabase (its database lives in <dir>/pgdata), taking the folder's lock. */
export async function pgliteCopyTarget(dataDir: string): Promise<CopyTarget> {
  const release = acquireLock(dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(join(dataDir, "pgdata"));
  await db.waitReady;
  return {
    async copy(table, columns, text) {
      await db.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function t(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export const PARTICIPATION_COLUMNS = ["id", "institution_id", "version", "created_by"] as const;
export const VERSION_COLUMNS = [
  "participation_id", "version", "institution_id", "is_current", "cpr", "fagkode", "start_date", "end_date", "status",
  "outsourced_to", "eu_efteruddannelse", "industry_certificate", "emergency_teaching", "forloeb_id", "sub_courses",
  "resultat_proevebelagt", "resultat_ikke_proevebelagt", "ej_relevant", "ikv_competence_fagkoder", "written_taken",
  "oral_taken", "industry_certificate_obtained", "result_group", "finding_errors", "finding_warnings", "recorded_by",
  "recorded_by_id", "reason",
] as const;
export const RETAKE_COLUMNS = [
  "id", "participation_id", "institution_id", "seq", "date", "resultat_proevebelagt", "resultat_ikke_proevebelagt",
  "written_taken", "oral_taken", "added_in_version", "recorded_by",
] as const;

export interface PreparedParticipation {
  id: string;
  data: VersionData;
  retakes: RetakeData[];
}

/** The COPY text of a batch for the three tables a participation lives in. */
export function copyText(items: readonly PreparedParticipation[], institutionId: string, by: string): { participation: string; version: string; retake: string } {
  let participation = "";
  let version = "";
  let retake = "";
  for (const { id, data: d, retakes } of items) {
    participation += `${id}\t${institutionId}\t1\t${t(by)}\n`;
    version +=
      [
        id, 1, institutionId, true, d.cpr, d.fagkode, d.startDate, d.endDate, d.status, d.outsourcedTo, d.euEfteruddannelse,
        d.industryCertificate, d.emergencyTeaching, d.forloebId, JSON.stringify(d.subCourses), d.resultatProevebelagt,
        d.resultatIkkeProevebelagt, d.ejRelevant, JSON.stringify(d.ikvCompetenceFagkoder), d.writtenTaken ?? null,
        d.oralTaken ?? null, d.industryCertificateObtained ?? null, d.resultGroup, d.errors, d.warnings, by, null, "bench",
      ]
        .map(t)
        .join("\t") + "\n";
    retakes.forEach((r, i) => {
      retake +=
        [crypto.randomUUID(), id, institutionId, i + 2, r.date, r.resultatProevebelagt, r.resultatIkkeProevebelagt, r.writtenTaken, r.oralTaken, 1, by]
          .map(t)
          .join("\t") + "\n";
    });
  }
  return { participation, version, retake };
}

/** COPYs one prepared batch into the three tables (parents first). */
export async function copyBatch(target: CopyTarget, items: readonly PreparedParticipation[], institutionId: string, by: string): Promise<void> {
  const text = copyText(items, institutionId, by);
  await target.copy("amu_participation", PARTICIPATION_COLUMNS, text.participation);
  await target.copy("amu_participation_version", VERSION_COLUMNS, text.version);
  if (text.retake !== "") await target.copy("amu_retake", RETAKE_COLUMNS, text.retake);
}
