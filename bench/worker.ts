/**
 * One benchmark step in a process of its own (started by bench/run.ts), so its peak RSS is its own. Prints one JSON
 * line with the result on stdout; progress goes to stderr.
 *
 *   node --import tsx bench/worker.ts '{"step":"scan","db":{"kind":"postgres","url":"…"},…}'
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { openDatabase, type Db } from "../src/platform/db/connect.ts";
import { platformMigrations } from "../src/platform/db/migrations/index.ts";
import type { Actor } from "../src/platform/http/context.ts";
import { DEMO_CATALOGUE } from "../src/rulebooks/dk-amu/catalogue.ts";
import { generateCsvLines, generateParticipations, toParticipation } from "../src/rulebooks/dk-amu/generate.ts";
import { importCsv } from "../src/rulebooks/dk-amu/import.ts";
import { amuMigrations } from "../src/rulebooks/dk-amu/migrations.ts";
import { reportWindow } from "../src/rulebooks/dk-amu/report.ts";
import { createReport, evaluate, versionData } from "../src/rulebooks/dk-amu/service.ts";
import * as store from "../src/rulebooks/dk-amu/store.ts";
import { reportWriters } from "../src/rulebooks/dk-amu/writers.ts";
import { parseQuarter } from "../src/kernel/time/quarter.ts";
import { copyBatch, pgCopyTarget, pgliteCopyTarget, type CopyTarget, type PreparedParticipation } from "./lib/copy.ts";
import { measure } from "./lib/measure.ts";

export type DbTarget = { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };

export type StepArgs =
  | { step: "load"; db: DbTarget; n: number; seed: number; institutionId: string }
  | { step: "scan"; db: DbTarget; institutionId: string; quarter: string }
  | { step: "report"; db: DbTarget; institutionId: string; quarter: string }
  | { step: "import"; db: DbTarget; n: number; seed: number };

export const MIGRATIONS = { ...platformMigrations, ...amuMigrations };
const BATCH = 20_000;

const log = (s: string) => process.stderr.write(`  · ${s}\n`);

async function open(t: DbTarget, migrate = false): Promise<Db> {
  return openDatabase(t.kind === "pglite" ? { dataDir: t.dir, ...(migrate ? { migrations: MIGRATIONS } : {}) } : { url: t.url, ...(migrate ? { migrations: MIGRATIONS } : {}) });
}

async function copyTarget(t: DbTarget, db: Db): Promise<CopyTarget> {
  return t.kind === "pglite" ? pgliteCopyTarget(t.dir) : pgCopyTarget(db.pool);
}

async function addInstitution(db: Db, id: string, code: string, name: string): Promise<void> {
  await db.kysely.insertInto("institution").values({ id, code, name, country: "DK" }).execute();
}

const actorOf = (institutionId: string): Actor => ({ userId: null, label: "bench", institutionId, roles: ["admin"], via: "cli" });

/** Generated participations with the findings the rules give them, as the store keeps them (what an import stores). */
function* prepared(n: number, seed: number, institutionId: string): Generator<PreparedParticipation> {
  for (const g of generateParticipations(n, seed, { catalogue: DEMO_CATALOGUE })) {
    const p = toParticipation(g.input, g.retakes, institutionId);
    yield {
      id: randomUUID(),
      data: versionData(p, evaluate(p, DEMO_CATALOGUE)),
      retakes: g.retakes.map((r) => ({
        date: r.date,
        resultatProevebelagt: r.resultatProevebelagt ?? null,
        resultatIkkeProevebelagt: r.resultatIkkeProevebelagt ?? null,
        writtenTaken: r.writtenTaken ?? null,
        oralTaken: r.oralTaken ?? null,
      })),
    };
  }
}

function* batches<T>(it: Iterable<T>, size: number): Generator<T[]> {
  let b: T[] = [];
  for (const x of it) {
    b.push(x);
    if (b.length >= size) {
      yield b;
      b = [];
    }
  }
  if (b.length) yield b;
}

/** Schema, the catalogue and the institution; then n participations by COPY. */
async function load(a: Extract<StepArgs, { step: "load" }>) {
  const db = await open(a.db, true);
  await addInstitution(db, a.institutionId, "100001", "Bench Erhvervsskole");
  await store.insertGoals(store.amuKysely(db), null, DEMO_CATALOGUE);
  if (a.db.kind === "pglite") await db.close(); // PGlite's own COPY needs the folder to itself
  const target = await copyTarget(a.db, db);
  let copySeconds = 0;
  let retakes = 0;
  const m = await measure(async () => {
    let done = 0;
    for (const b of batches(prepared(a.n, a.seed, a.institutionId), BATCH)) {
      const t0 = performance.now();
      await copyBatch(target, b, a.institutionId, "bench");
      copySeconds += (performance.now() - t0) / 1000;
      done += b.length;
      retakes += b.reduce((s, x) => s + x.retakes.length, 0);
      if (done % 100_000 === 0 || done === a.n) log(`loaded ${done.toLocaleString("en")} / ${a.n.toLocaleString("en")}`);
    }
    await target.exec("analyze");
    return done;
  });
  await target.close();
  if (a.db.kind === "postgres") await db.close();
  return { rows: m.value, retakes, seconds: m.seconds, copySeconds, maxRssMiB: m.maxRssMiB };
}

/** The bare infrastructure: the same rows the report's store query reads, fetched with one plain SELECT. */
async function scan(a: Extract<StepArgs, { step: "scan" }>) {
  const db = await open(a.db);
  try {
    const w = reportWindow(parseQuarter(a.quarter)!);
    const m = await measure(async () => {
      const r = await db.pool.query(
        `select * from amu_participation_version
          where institution_id = $1 and is_current
            and ((end_date between $2 and $3) or (end_date is null and start_date between $2 and $3))`,
        [a.institutionId, w.from, w.to],
      );
      return r.rows.length;
    });
    return { rows: m.value, seconds: m.seconds, cpuSeconds: m.cpuSeconds, startRssMiB: m.startRssMiB, peakRssMiB: m.sampledPeakRssMiB, maxRssMiB: m.maxRssMiB };
  } finally {
    await db.close();
  }
}

/** One quarterly report through the real path: service.createReport (store query, rules, diff, stored submission). */
async function report(a: Extract<StepArgs, { step: "report" }>) {
  const db = await open(a.db);
  try {
    const actor = actorOf(a.institutionId);
    const m = await measure(async () => createReport(db, actor, a.quarter));
    const detail = m.value;
    const meta = {
      providerCode: "100001",
      providerName: "Bench Erhvervsskole",
      quarter: detail.quarter,
      number: detail.number,
      createdAt: detail.createdAt,
      window: detail.window,
    };
    const f = await measure(async () => reportWriters.csv.write(detail.rows, meta).length);
    return {
      rows: detail.rowCount,
      excluded: detail.excluded.length,
      seconds: m.seconds,
      cpuSeconds: m.cpuSeconds,
      startRssMiB: m.startRssMiB,
      peakRssMiB: m.sampledPeakRssMiB,
      maxRssMiB: m.maxRssMiB,
      csvSeconds: f.seconds,
      csvBytes: f.value,
    };
  } finally {
    await db.close();
  }
}

/** CSV import through the real path (import.importCsv) vs COPY of the same participations, each into a fresh institution. */
async function importStep(a: Extract<StepArgs, { step: "import" }>) {
  const viaImport = randomUUID();
  const viaCopy = randomUUID();
  let db = await open(a.db);
  await addInstitution(db, viaImport, "100002", "Bench import");
  await addInstitution(db, viaCopy, "100003", "Bench COPY");
  const text = [...generateCsvLines(a.n, a.seed)].join("");
  log(`import file: ${a.n.toLocaleString("en")} rows, ${(text.length / 1024 / 1024).toFixed(1)} MiB`);
  const imp = await measure(() => importCsv(db, actorOf(viaImport), text, { source: "bench" }));
  // COPY of the same participations: prepared first (not timed), then only the COPY is timed.
  const items = [...prepared(a.n, a.seed, viaCopy)];
  if (a.db.kind === "pglite") await db.close();
  const target = await copyTarget(a.db, db);
  const cp = await measure(async () => {
    for (let i = 0; i < items.length; i += BATCH) await copyBatch(target, items.slice(i, i + BATCH), viaCopy, "bench");
    return items.length;
  });
  await target.close();
  if (a.db.kind === "pglite") db = await open(a.db);
  const count = async (inst: string) =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from amu_participation_version where institution_id = ${inst} and is_current`.execute(db.kysely))
        .rows[0]?.n ?? 0,
    );
  const [ni, nc] = [await count(viaImport), await count(viaCopy)];
  await db.close();
  return { importRows: imp.value.imported, importSeconds: imp.seconds, importCpuSeconds: imp.cpuSeconds, copyRows: cp.value, copySeconds: cp.seconds, copyCpuSeconds: cp.cpuSeconds, storedImport: ni, storedCopy: nc };
}

const args = JSON.parse(process.argv[2] ?? "{}") as StepArgs;
const run = { load, scan, report, import: importStep }[args.step] as (a: StepArgs) => Promise<unknown>;
if (!run) {
  process.stderr.write(`unknown step ${String((args as { step?: string }).step)}\n`);
  process.exit(2);
}
run(args).then(
  (r) => {
    process.stdout.write(JSON.stringify(r) + "\n");
    process.exit(0);
  },
  (e: unknown) => {
    process.stderr.write(`step ${args.step} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
