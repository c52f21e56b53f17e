/**
 * Bench (issue 3): issue N vitnemål in one batch through the real path — `service.issueAll` (rules, numbering, the
 * issuance log in the database, audit) with the PDF of every document rendered in the batch and written to a file in a
 * temporary folder (each PDF is written and dropped: nothing is held) — vs a bare pdfkit page with the same text
 * (the first document's text, read back with pdftotext: the same number of characters), rendered N times with the same
 * Tinos fonts (the same parsed fonts the renderer uses) and written the same way, in the same run.
 * Prints documents/s, the ratio (target ≥ 0.5×), the RSS and JS heap after each quarter of the batch and the batch's
 * peak RSS (memory should stay flat as the batch grows).
 *
 * Run alone: `npx tsx bench/vitnemal.ts [--n 10000] [--db pglite|postgres] [--json]` (PGlite in a temporary folder, or
 * the PostgreSQL server at BENCH_DATABASE_URL or TEST_DATABASE_URL — `source .ci/postgres.sh` — in a fresh database
 * that is dropped afterwards; without --db, BENCH_DATABASE_URL set means postgres). `npm run bench` runs it in its own
 * process. The cases are registered before the clock starts, in transactions of 500 straight through the store (with
 * the findings the service would record), which is not what is measured.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import pg from "pg";
import { allMigrations } from "../src/compose.ts";
import { openDatabase, type Db } from "../src/platform/db/connect.ts";
import type { Actor } from "../src/platform/http/context.ts";
import { FONT_BOLD, FONT_REGULAR, tinosFonts } from "../src/platform/render/pdf.ts";
import { demoFnr, vitnemalCase } from "../src/rulebooks/no-vitnemal/demo.ts";
import * as service from "../src/rulebooks/no-vitnemal/service.ts";
import * as store from "../src/rulebooks/no-vitnemal/store.ts";
import { isMain, numArg } from "./lib/args.ts";

export interface VitnemalResult {
  n: number;
  db: string;
  setupSeconds: number;
  issued: number;
  /** Cases refused (only the §2.8 number space, 9,999 a year per letter, is expected) and why. */
  refused: number;
  refusedBecause: string[];
  /** issueAll with the PDF of every document rendered and written in the batch. */
  batchSeconds: number;
  pdfBytes: number;
  bareSeconds: number;
  bareBytes: number;
  textChars: number;
  /** After each quarter of the batch: RSS and JS heap in MiB. */
  rssMiB: { quarter: number; rss: number; heap: number }[];
  /** The highest RSS sampled during the batch (every 25 documents), and the process's peak (setup included). */
  batchPeakRssMiB: number;
  maxRssMiB: number;
}

const MiB = 1024 * 1024;
const rss = () => process.memoryUsage().rss / MiB;

/** N distinct synthetic fødselsnumre: birth dates over two years, several individnumre per date. */
function* fnrs(n: number): Generator<string> {
  let made = 0;
  for (let k = 0; made < n; k++) {
    for (let d = 0; d < 730 && made < n; d++) {
      const date = new Date(Date.UTC(2006, 0, 1 + d));
      const ddmmyy = `${String(date.getUTCDate()).padStart(2, "0")}${String(date.getUTCMonth() + 1).padStart(2, "0")}${String(date.getUTCFullYear()).slice(2)}`;
      yield demoFnr(ddmmyy, k);
      made++;
    }
  }
}

async function openBenchDb(which: "pglite" | "postgres"): Promise<{ db: Db; where: string; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (which === "postgres") {
    if (!url) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL (source .ci/postgres.sh)");
    const name = `bevis_bench_vm_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ url: u.toString(), migrations: allMigrations });
    return {
      db,
      where: "postgres",
      drop: async () => {
        await db.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "bevis-bench-vm-"));
  const db = await openDatabase({ dataDir: dir, migrations: allMigrations });
  return {
    db,
    where: "pglite",
    drop: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registers n cases straight through the store, 500 to a transaction, with the findings the service records. */
async function registerCases(db: Db, institutionId: string, n: number): Promise<void> {
  const inst = { code: "921234562", name: "Bench vgs" };
  const k = store.vitnemalKysely(db);
  const by = { label: "bench", userId: null };
  const it = fnrs(n);
  let counts: { errors: number; warnings: number } | undefined;
  for (let i = 0; i < n; ) {
    const end = Math.min(n, i + 500);
    await k.transaction().execute(async (tx) => {
      for (; i < end; i++) {
        const fnr = it.next().value as string;
        const input = vitnemalCase(`Elev ${String(i + 1).padStart(5, "0")} Benchmark`, fnr);
        const v = service.validateCaseInput(input);
        if (!v.ok) throw new Error(`bench case ${i + 1} is malformed`);
        // the cases differ only in name and fødselsnummer: the first one's findings stand for all
        counts ??= (() => {
          const ev = service.evaluate(input, inst, "2025-06-20" as Parameters<typeof service.evaluate>[2]);
          return { errors: ev.findings.filter((f) => f.severity === "error").length, warnings: ev.findings.filter((f) => f.severity === "warning").length };
        })();
        await store.insertCase(tx, institutionId, { fnr: v.fnr, name: input.person.name, input: input as unknown as Record<string, unknown>, ...counts }, by, "registered");
      }
    });
    if (i % 2000 === 0 || i === n) process.stderr.write(`  · cases ${i.toLocaleString("en")} / ${n.toLocaleString("en")}\n`);
  }
}

/**
 * The bare infrastructure: pdfkit alone, one A4 page per document with the same text lines in Tinos 11 pt (the
 * renderer's parsed fonts), each PDF written to a file in `dir` like the batch's.
 */
async function bareRender(lines: readonly string[], n: number, dir: string): Promise<number> {
  const fonts = tinosFonts();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const doc = new PDFDocument({ size: "A4", margin: 42, autoFirstPage: true });
    // (@types/pdfkit 0.17 lists only the bytes forms of a font source)
    doc.registerFont(FONT_REGULAR, fonts[FONT_REGULAR] as unknown as Buffer);
    doc.registerFont(FONT_BOLD, fonts[FONT_BOLD] as unknown as Buffer);
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on("end", () => r()));
    doc.font(FONT_REGULAR).fontSize(11);
    for (const l of lines) doc.text(l, { lineBreak: false }).moveDown(0);
    doc.end();
    await done;
    const pdf = Buffer.concat(chunks);
    await writeFile(join(dir, `bare-${i + 1}.pdf`), pdf);
    bytes += pdf.length;
  }
  return bytes;
}

export async function runVitnemalBench(n: number, which: "pglite" | "postgres" = process.env.BENCH_DATABASE_URL ? "postgres" : "pglite"): Promise<VitnemalResult> {
  const { db, where, drop } = await openBenchDb(which);
  const out = mkdtempSync(join(tmpdir(), "bevis-bench-vm-pdf-"));
  try {
    const institutionId = crypto.randomUUID();
    await db.kysely.insertInto("institution").values({ id: institutionId, code: "921234562", name: "Bench vgs", country: "NO" }).execute();
    const actor: Actor = { userId: null, label: "bench", institutionId, roles: ["admin"], via: "cli" };
    const t0 = performance.now();
    await registerCases(db, institutionId, n);
    const setupSeconds = (performance.now() - t0) / 1000;

    (globalThis as { gc?: () => void }).gc?.(); // the registration's garbage, when node runs with --expose-gc
    const marks: VitnemalResult["rssMiB"] = [];
    let batchPeak = rss();
    let first: Buffer | undefined;
    let pdfBytes = 0;
    const t1 = performance.now();
    const batch = await service.issueAll(db, actor, {
      year: 2025,
      on: "2025-06-20",
      // written to its file and dropped: the batch holds no PDF
      pdf: async (d) => {
        first ??= d.pdf;
        pdfBytes += d.pdf.length;
        await writeFile(join(out, d.fileName), d.pdf);
      },
      onProgress: (done, total) => {
        if (done % 25 === 0) batchPeak = Math.max(batchPeak, rss());
        if (Math.floor((4 * done) / total) > Math.floor((4 * (done - 1)) / total)) {
          // with node --expose-gc the heap is what is still referenced (without it, also garbage not yet collected)
          (globalThis as { gc?: () => void }).gc?.();
          marks.push({ quarter: marks.length + 1, rss: rss(), heap: process.memoryUsage().heapUsed / MiB });
          process.stderr.write(`  · issued + PDF ${done.toLocaleString("en")} / ${total.toLocaleString("en")}\n`);
        }
      },
    });
    const batchSeconds = (performance.now() - t1) / 1000;
    batchPeak = Math.max(batchPeak, rss());
    // §2.8 numbers have a 4-digit running number per issuer, letter and year: past 9,999 vitnemål a year the rest is
    // refused with the numbering finding (reported, not hidden); anything else refused is a failure of the bench
    const other = batch.refused.filter((x) => !x.findings.some((f) => f.rule.startsWith("vitnemal.number")));
    if (batch.issued.length === 0 || other.length > 0) throw new Error(`issued ${batch.issued.length} of ${n}; refused ${JSON.stringify(batch.refused.slice(0, 2))}`);

    // The same text as the first document, via pdftotext (poppler-utils), one line per line.
    let lines: string[] = [];
    if (first) {
      const f = join(out, "first.pdf");
      writeFileSync(f, first);
      lines = execFileSync("pdftotext", ["-layout", f, "-"], { encoding: "utf8" }).split("\n").filter((l) => l.trim() !== "");
    }
    const t3 = performance.now();
    const bareBytes = await bareRender(lines, batch.issued.length, out);
    const bareSeconds = (performance.now() - t3) / 1000;
    return {
      n,
      db: where,
      setupSeconds,
      issued: batch.issued.length,
      refused: batch.refused.length,
      refusedBecause: [...new Set(batch.refused.flatMap((x) => x.findings.map((f) => `${f.rule} (§${f.cite.ref})`)))],
      batchSeconds,
      pdfBytes,
      bareSeconds,
      bareBytes,
      textChars: lines.join("").length,
      rssMiB: marks,
      batchPeakRssMiB: batchPeak,
      maxRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
    await drop();
  }
}

export function vitnemalLines(r: VitnemalResult): string[] {
  const docsPerS = r.issued / r.batchSeconds;
  const barePerS = r.issued / r.bareSeconds;
  const ratio = docsPerS / barePerS;
  // flat: the highest quarter's RSS at most 25 % (+32 MiB) above the lowest
  const rs = r.rssMiB.map((m) => m.rss);
  const flat = rs.length > 0 && Math.max(...rs) <= Math.min(...rs) * 1.25 + 32;
  return [
    `vitnemal  issue ${r.n.toLocaleString("en")} documents in one batch (${r.db}; ${r.setupSeconds.toFixed(1)} s to register the cases, not timed)`,
    `vitnemal    issueAll + PDF of each, written  ${r.batchSeconds.toFixed(1)} s   ${docsPerS.toFixed(0)} documents/s   issued ${r.issued.toLocaleString("en")}${r.refused ? ` (refused ${r.refused}: ${r.refusedBecause.join(", ")})` : ""}, ${(r.pdfBytes / MiB).toFixed(0)} MiB of PDF`,
    `vitnemal    bare pdfkit page, same text      ${r.bareSeconds.toFixed(1)} s   ${barePerS.toFixed(0)} documents/s   (${r.textChars} characters a page, ${(r.bareBytes / MiB).toFixed(0)} MiB)`,
    `vitnemal    issue + PDF vs bare page         ${docsPerS.toFixed(0)} vs ${barePerS.toFixed(0)} documents/s = ${ratio.toFixed(2)}×   target ≥ 0.5×   ${ratio >= 0.5 ? "ok" : "MISSED"}`,
    `vitnemal    memory after each quarter (MiB)  RSS ${r.rssMiB.map((m) => m.rss.toFixed(0)).join(" / ")}; heap ${r.rssMiB.map((m) => m.heap.toFixed(0)).join(" / ")}; batch peak RSS ${r.batchPeakRssMiB.toFixed(0)} (process ${r.maxRssMiB.toFixed(0)})   flat ${flat ? "ok" : "MISSED"}`,
  ];
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dbArg = argv.find((a) => a.startsWith("--db="))?.slice(5) ?? (argv.includes("--db") ? argv[argv.indexOf("--db") + 1] : undefined);
  if (dbArg !== undefined && dbArg !== "pglite" && dbArg !== "postgres") throw new Error("--db must be pglite or postgres");
  const r = await runVitnemalBench(numArg(argv, "n", 10_000), dbArg);
  process.stdout.write(argv.includes("--json") ? JSON.stringify(r) + "\n" : vitnemalLines(r).join("\n") + "\n");
}
