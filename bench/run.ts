/**
 * `npm run bench` — bevis' benchmarks. Each figure is printed beside the bare infrastructure measured in the same run:
 *
 *   (a) one quarterly AMU report through the real path (service.createReport: store query, rules, diff, stored
 *       submission) vs (b) a bare SQL SELECT of the same rows — time ratio (target ≤ 3×) and peak RSS (< 1 GiB);
 *   (c) CSV import through the real path (import.importCsv) vs COPY of the same participations — rows/s ratio
 *       (target ≥ 0.3×).
 *
 *   (d) dk-eksamen: censor assignment for a term of 50,000 exams and 3,000 censors with 2 years of history vs the
 *       maximum-flow bound of the same instance (Dinic, same run) — target 100 % of the bound, < 10 s (bench/eksamen.ts).
 *
 *   (e) dk-aub: contributions for 200,000 employers × 8 quarters with 5 % corrections through the quarterly run
 *       (service.computeContributions) vs a bare SQL aggregation of the same rows — time ratio (target ≤ 3×), on each
 *       database of --db (bench/aub.ts).
 *
 *   (f) no-vitnemal: issue N vitnemål through issueAll + the PDF of each vs a bare pdfkit page (bench/vitnemal.ts).
 *
 * Suites: --only amu,eksamen,aub,vitnemal (default: all). Each suite besides AMU is a file bench/<suite>.ts that also
 * runs alone.
 *
 * Options: --n 1000000 (participations loaded; PGlite uses --pglite-n, default 200000, as its single-threaded WASM
 * engine loads ~10× slower), --import-n 100000 (--pglite-import-n 20000), --db pglite|postgres|both (postgres via
 * BENCH_DATABASE_URL or TEST_DATABASE_URL; a fresh database is created and dropped), --quarter 2024Q4, --seed 1,
 * --json, --aub-employers 200000 (AUB employers on PostgreSQL), --pglite-aub-employers 50000 (PGlite loads the
 * 1.6 M reports of 200,000 employers in 8–14 min on 2 shared cores, so its default is smaller; the issue's full size on
 * PGlite: `npm run bench -- --only aub --db pglite --pglite-aub-employers 200000`), --vitnemal-n 10000. Every step runs in a process of its own (bench/worker.ts) so each peak RSS is that step's. A missed target
 * prints MISSED; the exit code is 0 unless a step fails.
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describeUrl } from "../src/platform/db/connect.ts";
import type { DbTarget, StepArgs } from "./worker.ts";
import { aubLines, type AubBenchResult } from "./aub.ts";
import { eksamenLines, type EksamenResult } from "./eksamen.ts";
import { vitnemalLines, type VitnemalResult } from "./vitnemal.ts";

const HERE = dirname(fileURLToPath(import.meta.url));

interface Options {
  n: number;
  pgliteN: number;
  importN: number;
  pgliteImportN: number;
  db: ("pglite" | "postgres")[];
  quarter: string;
  seed: number;
  json: boolean;
  only: Suite[];
  aubEmployers: number;
  pgliteAubEmployers: number;
  vitnemalN: number;
}

const SUITES = ["amu", "eksamen", "aub", "vitnemal"] as const;
type Suite = (typeof SUITES)[number];

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const num = (name: string, dflt: number): number => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v.replace(/[_,]/g, ""));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got ${v}`);
    return n;
  };
  const url = pgUrl();
  const dbArg = get("db") ?? (url ? "both" : "pglite");
  if (!["pglite", "postgres", "both"].includes(dbArg)) throw new Error(`--db must be pglite, postgres or both, got ${dbArg}`);
  const db = dbArg === "both" ? (["pglite", "postgres"] as const) : ([dbArg] as ["pglite" | "postgres"]);
  if (db.includes("postgres") && !url) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
  const n = num("n", 1_000_000);
  const importN = num("import-n", 100_000);
  const aubEmployers = num("aub-employers", 200_000);
  return {
    aubEmployers,
    pgliteAubEmployers: num("pglite-aub-employers", Math.min(aubEmployers, 50_000)),
    vitnemalN: num("vitnemal-n", 10_000),
    n,
    pgliteN: num("pglite-n", Math.min(n, 200_000)),
    importN,
    pgliteImportN: num("pglite-import-n", Math.min(importN, 20_000)),
    db: [...db],
    quarter: get("quarter") ?? "2024Q4",
    seed: num("seed", 1),
    json: argv.includes("--json"),
    only: parseOnly(get("only")),
  };
}

function parseOnly(v: string | undefined): Suite[] {
  if (v === undefined) return [...SUITES];
  const xs = v.split(",").map((x) => x.trim()).filter(Boolean);
  for (const x of xs) if (!(SUITES as readonly string[]).includes(x)) throw new Error(`--only takes ${SUITES.join(", ")}; got ${x}`);
  return xs as Suite[];
}

const pgUrl = (): string | undefined => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

/** Runs one step in a fresh process with the same loader as this one (tsx). */
function step<T>(args: StepArgs): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(HERE, "worker.ts"), JSON.stringify(args)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`step ${args.step} on ${args.db.kind} exited with ${code}`));
      const line = out.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`step ${args.step}: no result line (${line.slice(0, 200)})`));
      }
    });
  });
}

/** Runs a suite file (bench/<suite>.ts) in a fresh process with --json and returns its result line. */
function suiteProcess<T>(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(HERE, file), ...args, "--json"], { stdio: ["ignore", "pipe", "inherit"], env });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as T);
      } catch {
        reject(new Error(`${file}: no result line`));
      }
    });
  });
}

interface Prepared {
  target: DbTarget;
  drop(): Promise<void>;
}

async function prepare(kind: "pglite" | "postgres"): Promise<Prepared> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "bevis-bench-"));
    return { target: { kind, dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = pgUrl()!;
  const name = `bevis_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    target: { kind, url: u.toString() },
    async drop() {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

interface LoadResult { rows: number; retakes: number; seconds: number; copySeconds: number; maxRssMiB: number }
interface ScanResult { rows: number; seconds: number; cpuSeconds: number; startRssMiB: number; peakRssMiB: number; maxRssMiB: number }
interface ReportResult extends ScanResult { excluded: number; csvSeconds: number; csvBytes: number }
interface ImportResult { importRows: number; importSeconds: number; importCpuSeconds: number; copyRows: number; copySeconds: number; copyCpuSeconds: number; storedImport: number; storedCopy: number }

export interface DbResult {
  db: "pglite" | "postgres";
  where: string;
  n: number;
  importN: number;
  load: LoadResult;
  scan: ScanResult;
  report: ReportResult;
  import: ImportResult;
}

const TARGET = { reportRatio: 3, reportRssMiB: 1024, importRatio: 0.3 };

async function runDb(kind: "pglite" | "postgres", o: Options): Promise<DbResult> {
  const n = kind === "pglite" ? o.pgliteN : o.n;
  const importN = kind === "pglite" ? o.pgliteImportN : o.importN;
  const p = await prepare(kind);
  const institutionId = randomUUID();
  const say = (s: string) => process.stderr.write(`[${kind}] ${s}\n`);
  try {
    say(`load ${n.toLocaleString("en")} participations (generate + COPY)`);
    const load = await step<LoadResult>({ step: "load", db: p.target, n, seed: o.seed, institutionId });
    say(`bare SQL scan of the ${o.quarter} window`);
    const scan = await step<ScanResult>({ step: "scan", db: p.target, institutionId, quarter: o.quarter });
    say(`quarterly report ${o.quarter} through service.createReport`);
    const report = await step<ReportResult>({ step: "report", db: p.target, institutionId, quarter: o.quarter });
    say(`CSV import of ${importN.toLocaleString("en")} rows vs COPY`);
    const imp = await step<ImportResult>({ step: "import", db: p.target, n: importN, seed: o.seed + 1 });
    return {
      db: kind,
      where: p.target.kind === "pglite" ? "PGlite (in-process, data folder in tmp)" : describeUrl(p.target.url),
      n,
      importN,
      load,
      scan,
      report,
      import: imp,
    };
  } finally {
    await p.drop();
  }
}

// ------------------------------------------------------------------------------------------------------------ output

const int = (x: number) => Math.round(x).toLocaleString("en");
const secs = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} s`;
const mib = (x: number) => `${int(x)} MiB`;
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");

export function table(results: readonly DbResult[], o: Options): string {
  const head = ["db", "measurement", "rows", "time", "client CPU", "rows/s", "peak RSS", "ratio", "target", ""];
  const lines: string[][] = [];
  for (const r of results) {
    const ratio = r.report.seconds / r.scan.seconds;
    const impRate = r.import.importRows / r.import.importSeconds;
    const copyRate = r.import.copyRows / r.import.copySeconds;
    const impRatio = impRate / copyRate;
    const d = `${r.db} N=${int(r.n)}`;
    lines.push(
      [d, "load: generate + rules + COPY", int(r.load.rows), secs(r.load.seconds), "", int(r.load.rows / r.load.seconds), mib(r.load.maxRssMiB), "", "", ""],
      [d, "  of which COPY", int(r.load.rows), secs(r.load.copySeconds), "", int(r.load.rows / r.load.copySeconds), "", "", "", ""],
      [d, "(b) bare SQL scan of the window", int(r.scan.rows), secs(r.scan.seconds), secs(r.scan.cpuSeconds), int(r.scan.rows / r.scan.seconds), mib(r.scan.maxRssMiB), "1.00×", "", ""],
      [d, "(a) quarterly report (createReport)", int(r.report.rows), secs(r.report.seconds), secs(r.report.cpuSeconds), int(r.report.rows / r.report.seconds), mib(r.report.maxRssMiB), `${ratio.toFixed(2)}×`, `≤ ${TARGET.reportRatio}×`, verdict(ratio <= TARGET.reportRatio)],
      [d, "(a) report peak RSS", "", "", "", "", mib(r.report.maxRssMiB), "", "< 1 GiB", verdict(r.report.maxRssMiB < TARGET.reportRssMiB)],
      [d, "    report CSV file (writers.ts)", int(r.report.rows), secs(r.report.csvSeconds), "", int(r.report.rows / r.report.csvSeconds), "", "", "", ""],
      [`${r.db} N=${int(r.importN)}`, "COPY of the import's rows (bare)", int(r.import.copyRows), secs(r.import.copySeconds), secs(r.import.copyCpuSeconds), int(copyRate), "", "1.00×", "", ""],
      [`${r.db} N=${int(r.importN)}`, "(c) CSV import (importCsv)", int(r.import.importRows), secs(r.import.importSeconds), secs(r.import.importCpuSeconds), int(impRate), "", `${impRatio.toFixed(2)}×`, `≥ ${TARGET.importRatio}×`, verdict(impRatio >= TARGET.importRatio)],
    );
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const right = new Set([2, 3, 4, 5, 6, 7]);
  const fmt = (l: string[]) => l.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  const out = [fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(fmt)];
  const notes = results.map(
    (r) =>
      `${r.db}: ${r.where}; report ${o.quarter}: ${int(r.report.rows)} rows, ${int(r.report.excluded)} excluded; ` +
      `worker RSS before the step: scan ${mib(r.scan.startRssMiB)}, report ${mib(r.report.startRssMiB)}; ` +
      `sampled peak: scan ${mib(r.scan.peakRssMiB)}, report ${mib(r.report.peakRssMiB)}; ` +
      `stored rows: import ${int(r.import.storedImport)}, COPY ${int(r.import.storedCopy)}`,
  );
  return [...out, "", ...notes].join("\n");
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const started = new Date();
  const t0 = performance.now();
  const header =
    `bevis bench — ${started.toISOString()} — node ${process.versions.node}, ${availableParallelism()} CPU (${cpus()[0]?.model ?? "?"}), ` +
    `${int(totalmem() / 2 ** 20)} MiB RAM\n` +
    [
      o.only.includes("amu") ? `AMU: ${o.db.map((d) => `${d} ${int(d === "pglite" ? o.pgliteN : o.n)} participations, import ${int(d === "pglite" ? o.pgliteImportN : o.importN)}`).join("; ")}; report quarter ${o.quarter}` : "",
      o.only.includes("aub") ? `AUB: ${o.db.map((d) => `${d} ${int(d === "pglite" ? o.pgliteAubEmployers : o.aubEmployers)} employers`).join("; ")}` : "",
      o.only.includes("vitnemal") ? `vitnemål: ${int(o.vitnemalN)}` : "",
      `seed ${o.seed}`,
    ]
      .filter(Boolean)
      .join(" — ");
  process.stderr.write(header + "\n");
  const results: DbResult[] = [];
  if (o.only.includes("amu")) for (const kind of o.db) results.push(await runDb(kind, o));
  let eksamen: EksamenResult | undefined;
  if (o.only.includes("eksamen")) {
    process.stderr.write("[eksamen] censor assignment: 50,000 exams, 3,000 censors, 2 years of history\n");
    eksamen = await suiteProcess<EksamenResult>("eksamen.ts", [`--seed=${o.seed}`]);
  }
  const aub: AubBenchResult[] = [];
  if (o.only.includes("aub"))
    for (const kind of o.db) {
      const employers = kind === "pglite" ? o.pgliteAubEmployers : o.aubEmployers;
      process.stderr.write(`[aub] contributions: ${int(employers)} employers × 8 quarters with corrections on ${kind}\n`);
      aub.push(await suiteProcess<AubBenchResult>("aub.ts", [`--employers=${employers}`, `--db=${kind}`]));
    }
  let vitnemal: VitnemalResult | undefined;
  if (o.only.includes("vitnemal")) {
    process.stderr.write(`[vitnemal] issue ${int(o.vitnemalN)} vitnemål + PDFs\n`);
    vitnemal = await suiteProcess<VitnemalResult>("vitnemal.ts", [`--n=${o.vitnemalN}`]);
  }
  const total = (performance.now() - t0) / 1000;
  if (o.json) process.stdout.write(JSON.stringify({ started: started.toISOString(), options: o, results, eksamen, aub, vitnemal, totalSeconds: total }, null, 2) + "\n");
  else {
    const parts = [`\n${header}\n`];
    if (results.length > 0) parts.push(table(results, o));
    if (eksamen) parts.push(eksamenLines(eksamen).join("\n"));
    if (aub.length > 0) parts.push(aub.flatMap(aubLines).join("\n"));
    if (vitnemal) parts.push(vitnemalLines(vitnemal).join("\n"));
    process.stdout.write(`${parts.join("\n\n")}\n\ntotal ${secs(total)}\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
