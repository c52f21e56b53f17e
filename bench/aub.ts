/**
 * Bench (issue 6): AUB contributions for N employers × 8 quarters with corrections, through the real code path
 * (dk-aub/service.ts `computeContributions`: keyset-paged store query of the current ATP report versions, parameters
 * resolved per quarter, § 2 liability and § 4 exemptions by the full rule for the employers they can change, § 3
 * arithmetic for the rest) vs a bare SQL aggregation of the same rows in the same run (sum over the current versions
 * of ⌊total / full-quarter ATP⌋ × quarterly rate, grouped by quarter). Target: ratio ≤ 3×. Both must give the same
 * totals per quarter (checked).
 *
 * Data: loaded with set-based SQL (generate_series) — loading is not what is measured. Quarters 2024Q1–2025Q4; 2025's
 * rate and full-quarter ATP amount are added as bench-only parameter rows (marked "bench: synthetic"). A share of the
 * unit-quarters (default 5 %) has a correction (version 2; version 1 superseded). 1 % of the employers are § 2
 * diplomatic representations (owe 0), so the real path's rule branch is exercised too. CVR/SE numbers are 8-digit
 * sequence numbers, not valid CVR numbers (the columns check only the shape).
 *
 * Run alone: `npx tsx bench/aub.ts [--employers 2000] [--seed 1] [--db pglite|postgres]` (postgres via
 * BENCH_DATABASE_URL or TEST_DATABASE_URL; a fresh database is created and dropped).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase, type Db } from "../src/platform/db/connect.ts";
import { platformMigrations } from "../src/platform/db/migrations/index.ts";
import { createInstitution } from "../src/platform/auth/directory.ts";
import type { Actor } from "../src/platform/http/context.ts";
import { aubMigrations } from "../src/rulebooks/dk-aub/migrations.ts";
import * as service from "../src/rulebooks/dk-aub/service.ts";
import * as store from "../src/rulebooks/dk-aub/store.ts";
import { measure } from "./lib/measure.ts";
import { isMain, numArg } from "./lib/args.ts";

export interface AubBenchOptions {
  /** Employers (one ATP-reporting unit each). Issue 6: 200,000. */
  employers: number;
  /** Share of unit-quarters with a correction (version 2), 0–1. Default 0.05. */
  correctionShare?: number;
  /** "pglite" (in memory) or a PostgreSQL server URL (a fresh database is created on it and dropped). */
  db: "pglite" | { url: string };
  /** Employers inserted per SQL statement while loading. Default 20,000. */
  batch?: number;
}

export interface AubBenchResult {
  db: "pglite" | "postgres";
  employers: number;
  quarters: number;
  reports: number;
  corrections: number;
  loadSeconds: number;
  /** The real path (service.computeContributions). */
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  /** The bare SQL aggregation of the same rows. */
  sqlSeconds: number;
  ratio: number;
  target: 3;
  ok: boolean;
  /** Both paths give the same total per quarter. */
  agree: boolean;
  totalOere: number;
}

/**
 * Row ids: sequential UUIDs per table ("e…" employers, "a…" units, "b…" reports, "c…" corrections), so the loader's
 * index inserts append instead of landing at random (md5 ids took 8.5 min to load 200,000 employers on PGlite). The
 * timed queries scan, hash and aggregate; they do not depend on the ids' order.
 */
const E = "e0000000-0000-4000-8000-";
const U = "a0000000-0000-4000-8000-";
const R = "b0000000-0000-4000-8000-";
const C = "c0000000-0000-4000-8000-";

const QUARTERS = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"];
const FULL = 85_200;
const RATE = { 2024: 78_725, 2025: 80_000 } as const;

async function open(target: AubBenchOptions["db"]): Promise<{ db: Db; drop: () => Promise<void>; kind: "pglite" | "postgres" }> {
  const migrations = { ...platformMigrations, ...aubMigrations };
  if (target === "pglite") {
    const db = await openDatabase({ dataDir: "memory://", migrations });
    return { db, drop: () => db.close(), kind: "pglite" };
  }
  const name = `bevis_bench_aub_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(target.url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString(), migrations });
  return {
    db,
    kind: "postgres",
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: target.url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Loads N employers × 8 quarters (+ corrections) with set-based SQL. */
async function load(db: Db, institutionId: string, o: Required<Pick<AubBenchOptions, "employers" | "correctionShare" | "batch">>): Promise<{ reports: number; corrections: number }> {
  const k = store.aubKysely(db);
  const by: store.Recorder = { label: "bench", userId: null };
  for (const [y, rate] of [[2025, RATE[2025] * 4]] as const) {
    await store.insertParameter(k, institutionId, { kind: "contribution-rate", validFrom: `${y}-01-01`, validTo: `${y}-12-31`, valueOere: rate, source: "bench: synthetic", factsRow: null, sureness: "low", secondary: true, note: "bench only" }, by);
    await store.insertParameter(k, institutionId, { kind: "full-quarter-atp", validFrom: `${y}-01-01`, validTo: `${y}-12-31`, valueOere: FULL, source: "bench: synthetic", factsRow: null, sureness: "low", secondary: true, note: "bench only" }, by);
  }
  const corrEvery = o.correctionShare > 0 ? Math.max(1, Math.round(1 / o.correctionShare)) : 0;
  for (let from = 1; from <= o.employers; from += o.batch) {
    const to = Math.min(o.employers, from + o.batch - 1);
    const inst = institutionId;
    await sql`
      insert into aub_employer (id, institution_id, cvr, version, created_by)
      select (${E}::text || lpad(to_hex(i), 12, '0'))::uuid, ${inst}::uuid, lpad((10000000 + i)::text, 8, '0'), 1, 'bench' from generate_series(${from}::int, ${to}::int) i
    `.execute(db.kysely);
    await sql`
      insert into aub_employer_version (employer_id, version, institution_id, is_current, name, atp_covered, category, recorded_by, reason)
      select (${E}::text || lpad(to_hex(i), 12, '0'))::uuid, 1, ${inst}::uuid, true, 'Employer ' || i, true,
             case when i % 100 = 0 then 'diplomatic-representation' else null end, 'bench', 'bench'
        from generate_series(${from}::int, ${to}::int) i
    `.execute(db.kysely);
    await sql`
      insert into aub_unit (id, institution_id, employer_id, se, created_by)
      select (${U}::text || lpad(to_hex(i), 12, '0'))::uuid, ${inst}::uuid, (${E}::text || lpad(to_hex(i), 12, '0'))::uuid, lpad((20000000 + i)::text, 8, '0'), 'bench' from generate_series(${from}::int, ${to}::int) i
    `.execute(db.kysely);
    // version 1 of every unit-quarter; current unless it is corrected
    await sql`
      insert into aub_atp_report (id, institution_id, unit_id, employer_id, quarter, version, is_current, received_on, total_oere, recorded_by, superseded_at)
      select (${R}::text || lpad(to_hex(i * 8 + q), 12, '0'))::uuid, ${inst}::uuid, (${U}::text || lpad(to_hex(i), 12, '0'))::uuid, (${E}::text || lpad(to_hex(i), 12, '0'))::uuid, qs[q], 1,
             not (${corrEvery}::int > 0 and (i * 8 + q) % ${corrEvery || 1}::int = 0),
             '2026-01-20', ((i * 7919 + q * 104729) % 5000000)::bigint, 'bench',
             case when ${corrEvery}::int > 0 and (i * 8 + q) % ${corrEvery || 1}::int = 0 then now() else null end
        from generate_series(${from}::int, ${to}::int) i, generate_series(1, 8) q, (select ${QUARTERS}::text[] as qs) x
    `.execute(db.kysely);
    if (corrEvery > 0)
      await sql`
        insert into aub_atp_report (id, institution_id, unit_id, employer_id, quarter, version, is_current, received_on, total_oere, recorded_by, reason)
        select (${C}::text || lpad(to_hex(i * 8 + q), 12, '0'))::uuid, ${inst}::uuid, (${U}::text || lpad(to_hex(i), 12, '0'))::uuid, (${E}::text || lpad(to_hex(i), 12, '0'))::uuid, qs[q], 2, true,
               '2026-03-01', ((i * 7919 + q * 104729) % 5000000 + 85200)::bigint, 'bench', 'bench correction'
          from generate_series(${from}::int, ${to}::int) i, generate_series(1, 8) q, (select ${QUARTERS}::text[] as qs) x
         where (i * 8 + q) % ${corrEvery}::int = 0
      `.execute(db.kysely);
  }
  await sql`analyze`.execute(db.kysely);
  const n = await sql<{ reports: string | number; corrections: string | number }>`
    select count(*) filter (where is_current) as reports, count(*) filter (where version > 1) as corrections from aub_atp_report where institution_id = ${institutionId}
  `.execute(db.kysely);
  return { reports: Number(n.rows[0]!.reports), corrections: Number(n.rows[0]!.corrections) };
}

/** The bare SQL aggregation: the same current rows, the same § 3 arithmetic, § 2 employers left out. */
async function bareSql(db: Db, institutionId: string): Promise<Map<string, number>> {
  const r = await sql<{ quarter: string; total: string | number }>`
    select a.quarter, sum((a.total_oere / ${sql.lit(FULL)}) * case when a.quarter like '2024%' then ${sql.lit(RATE[2024])} else ${sql.lit(RATE[2025])} end) as total
      from aub_atp_report a
      join aub_employer_version v on v.employer_id = a.employer_id and v.is_current
     where a.institution_id = ${institutionId} and a.is_current and v.category is null
     group by a.quarter order by a.quarter
  `.execute(db.kysely);
  return new Map(r.rows.map((x) => [x.quarter, Number(x.total)]));
}

/**
 * Runs the AUB bench once: loads the data, then measures the real path and the bare SQL in the same process and
 * database. Run it in a process of its own for a clean peak RSS.
 */
export async function runAubBench(opts: AubBenchOptions): Promise<AubBenchResult> {
  const o = { employers: opts.employers, correctionShare: opts.correctionShare ?? 0.05, batch: opts.batch ?? 20_000 };
  const { db, drop, kind } = await open(opts.db);
  try {
    const inst = await createInstitution(db.kysely, { code: "990199", name: "AUB bench", country: "DK" });
    const actor: Actor = { userId: null, label: "bench", institutionId: inst.id, roles: ["admin"], via: "cli" };
    const dbg = (m: string) => { if (process.env.AUB_BENCH_DEBUG) console.error(`[aub bench] ${m}`); };
    dbg("opened");
    const t0 = performance.now();
    const counts = await load(db, inst.id, o);
    const loadSeconds = (performance.now() - t0) / 1000;
    dbg(`loaded ${counts.reports} in ${loadSeconds.toFixed(1)} s`);
    // one unmeasured run of each first (query plans, JIT, the database's cache): both are then timed warm, same state
    await bareSql(db, inst.id);
    await service.computeContributions(db, actor);
    dbg("warmed up");
    const bare = await measure(() => bareSql(db, inst.id));
    dbg(`sql ${bare.seconds.toFixed(2)} s`);
    const real = await measure(() => service.computeContributions(db, actor));
    if (process.env.AUB_BENCH_DEBUG) {
      // where the real path's time goes (diagnostics only, not part of the result)
      const kk = store.aubKysely(db);
      const step = async (label: string, f: () => Promise<unknown>) => {
        const t = performance.now();
        await f();
        dbg(`  ${label}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
      };
      await step("parameters", () => service.effectiveParameters(kk, inst.id));
      await step("§ 2 employers", () => store.exemptCandidates(kk, inst.id));
      await step("employers with exemptions", () => store.employersWithExemptions(kk, inst.id));
      await step("plain sums (one scan)", () => store.fullQuarterSums(kk, inst.id, QUARTERS.map((quarter) => ({ quarter, fullOere: FULL }))));
      await step("ruled rows (pages)", async () => {
        for await (const page of store.currentReportPages(kk, inst.id, { ruledOnly: true })) void page;
      });
    }
    const agree = QUARTERS.every((q) => (bare.value.get(q) ?? 0) === (real.value.byQuarter.get(q) ?? 0));
    const ratio = real.seconds / bare.seconds;
    return {
      db: kind,
      employers: o.employers,
      quarters: QUARTERS.length,
      reports: counts.reports,
      corrections: counts.corrections,
      loadSeconds,
      seconds: real.seconds,
      cpuSeconds: real.cpuSeconds,
      maxRssMiB: real.maxRssMiB,
      sqlSeconds: bare.seconds,
      ratio,
      target: 3,
      ok: ratio <= 3 && agree,
      agree,
      totalOere: real.value.totalOere,
    };
  } finally {
    await drop();
  }
}

/** Lines for the bench report. */
export function aubLines(r: AubBenchResult): string[] {
  return [
    `AUB contributions (${r.db}): ${r.employers.toLocaleString("en")} employers × ${r.quarters} quarters = ${r.reports.toLocaleString("en")} current reports (${r.corrections.toLocaleString("en")} corrections), loaded in ${r.loadSeconds.toFixed(1)} s`,
    `  real path ${r.seconds.toFixed(2)} s (cpu ${r.cpuSeconds.toFixed(2)} s, peak RSS ${r.maxRssMiB.toFixed(0)} MiB) vs bare SQL ${r.sqlSeconds.toFixed(2)} s: ${r.ratio.toFixed(2)}× (target ≤ ${r.target}×) ${r.ok ? "ok" : "MISSED"}${r.agree ? "" : " — TOTALS DIFFER"}`,
  ];
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const employers = numArg(argv, "employers", 2000);
  const i = argv.indexOf("--db");
  const dbRaw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--db="))?.slice(5);
  if (dbRaw !== undefined && dbRaw !== "pglite" && dbRaw !== "postgres") throw new Error(`--db must be pglite or postgres, got ${dbRaw}`);
  const dbArg = dbRaw ?? "pglite";
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (dbArg === "postgres" && !url) throw new Error("set BENCH_DATABASE_URL or TEST_DATABASE_URL");
  const r = await runAubBench({ employers, db: dbArg === "postgres" ? { url: url! } : "pglite" });
  if (argv.includes("--json")) console.log(JSON.stringify(r));
  else for (const l of aubLines(r)) console.log(l);
}
