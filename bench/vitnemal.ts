/**
 * Bench (issue 3): issue N vitnemål in one batch through the real path — `service.issueAll` (rules, numbering, the
 * issuance log in the database, audit) and then the PDF of every issued document (`service.downloadPdf`: the document
 * as it prints) — vs a bare pdfkit page with the same text, rendered N times with the same fonts in the same run.
 * Prints documents/s, the ratio (target ≥ 0.5×) and the RSS after each quarter of the batch (memory should stay flat).
 *
 * Run alone: `npx tsx bench/vitnemal.ts [--n 10000] [--json]` (PGlite in a temporary folder, or the PostgreSQL server
 * at BENCH_DATABASE_URL in a fresh database that is dropped afterwards). `npm run bench` runs it in its own process.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import pg from "pg";
import { allMigrations } from "../src/compose.ts";
import { openDatabase, type Db } from "../src/platform/db/connect.ts";
import type { Actor } from "../src/platform/http/context.ts";
import { FONT_BOLD, FONT_REGULAR, tinosPath } from "../src/platform/render/pdf.ts";
import { sfntFromWoffFile } from "../src/platform/render/woff.ts";
import { demoFnr, vitnemalCase } from "../src/rulebooks/no-vitnemal/demo.ts";
import * as service from "../src/rulebooks/no-vitnemal/service.ts";
import { isMain, numArg } from "./lib/args.ts";

export interface VitnemalResult {
  n: number;
  db: string;
  setupSeconds: number;
  issued: number;
  issueSeconds: number;
  renderSeconds: number;
  pdfBytes: number;
  bareSeconds: number;
  textChars: number;
  rssMiB: { quarter: number; issue: number; render: number }[];
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

async function openBenchDb(): Promise<{ db: Db; where: string; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
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

/** The bare infrastructure: pdfkit alone, one A4 page per document with the same text lines, the same fonts. */
async function bareRender(lines: readonly string[], n: number): Promise<number> {
  const regular = sfntFromWoffFile(tinosPath(400));
  const bold = sfntFromWoffFile(tinosPath(700));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const doc = new PDFDocument({ size: "A4", margin: 42, autoFirstPage: true });
    doc.registerFont(FONT_REGULAR, regular);
    doc.registerFont(FONT_BOLD, bold);
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on("end", () => r()));
    doc.font(FONT_REGULAR).fontSize(11);
    for (const l of lines) doc.text(l, { lineBreak: false }).moveDown(0);
    doc.end();
    await done;
    bytes += chunks.reduce((s, c) => s + c.length, 0);
  }
  return bytes;
}

export async function runVitnemalBench(n: number): Promise<VitnemalResult> {
  const { db, where, drop } = await openBenchDb();
  try {
    const institutionId = crypto.randomUUID();
    await db.kysely.insertInto("institution").values({ id: institutionId, code: "921234562", name: "Bench vgs", country: "NO" }).execute();
    const actor: Actor = { userId: null, label: "bench", institutionId, roles: ["admin"], via: "cli" };
    const t0 = performance.now();
    let i = 0;
    for (const fnr of fnrs(n)) {
      await service.createCase(db, actor, vitnemalCase(`Elev ${String(++i).padStart(5, "0")} Benchmark`, fnr));
      if (i % 1000 === 0) process.stderr.write(`  · cases ${i.toLocaleString("en")} / ${n.toLocaleString("en")}\n`);
    }
    const setupSeconds = (performance.now() - t0) / 1000;

    const marks: VitnemalResult["rssMiB"] = [1, 2, 3, 4].map((q) => ({ quarter: q, issue: 0, render: 0 }));
    const t1 = performance.now();
    const issued = await service.issueAll(db, actor, {
      year: 2025,
      on: "2025-06-20",
      onProgress: (done, total) => {
        const q = Math.floor((4 * done) / total);
        if (q >= 1 && (4 * done) % total < 4) marks[q - 1]!.issue = rss();
      },
    });
    const issueSeconds = (performance.now() - t1) / 1000;

    const t2 = performance.now();
    let pdfBytes = 0;
    let first: Buffer | undefined;
    for (const [j, d] of issued.issued.entries()) {
      const { pdf } = await service.downloadPdf(db, actor, d.number);
      first ??= pdf;
      pdfBytes += pdf.length;
      if ((4 * (j + 1)) % issued.issued.length < 4) marks[Math.floor((4 * (j + 1)) / issued.issued.length) - 1]!.render = rss();
      if ((j + 1) % 1000 === 0) process.stderr.write(`  · PDFs ${(j + 1).toLocaleString("en")}\n`);
    }
    const renderSeconds = (performance.now() - t2) / 1000;

    // The same text as the first document, via pdftotext (poppler-utils), one line per line.
    let lines: string[] = [];
    if (first) {
      const f = join(tmpdir(), `bevis-bench-vm-${process.pid}.pdf`);
      writeFileSync(f, first);
      lines = execFileSync("pdftotext", ["-layout", f, "-"], { encoding: "utf8" }).split("\n").filter((l) => l.trim() !== "");
      rmSync(f, { force: true });
    }
    const t3 = performance.now();
    await bareRender(lines, issued.issued.length);
    const bareSeconds = (performance.now() - t3) / 1000;
    return {
      n,
      db: where,
      setupSeconds,
      issued: issued.issued.length,
      issueSeconds,
      renderSeconds,
      pdfBytes,
      bareSeconds,
      textChars: lines.join("").length,
      rssMiB: marks,
      maxRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
    };
  } finally {
    await drop();
  }
}

export function vitnemalLines(r: VitnemalResult): string[] {
  const docsPerS = r.issued / (r.issueSeconds + r.renderSeconds);
  const barePerS = r.issued / r.bareSeconds;
  const ratio = docsPerS / barePerS;
  const flat = r.rssMiB.every((m) => m.render <= r.rssMiB[0]!.render * 1.25 + 32);
  return [
    `vitnemal  issue ${r.n.toLocaleString("en")} documents in one batch (${r.db}; ${r.setupSeconds.toFixed(1)} s to register the cases, not timed)`,
    `vitnemal    issueAll (rules, numbers, log)   ${r.issueSeconds.toFixed(1)} s   ${(r.issued / r.issueSeconds).toFixed(0)} documents/s   issued ${r.issued.toLocaleString("en")}`,
    `vitnemal    PDF of every document            ${r.renderSeconds.toFixed(1)} s   ${(r.issued / r.renderSeconds).toFixed(0)} documents/s   ${(r.pdfBytes / MiB).toFixed(0)} MiB`,
    `vitnemal    bare pdfkit page, same text      ${r.bareSeconds.toFixed(1)} s   ${barePerS.toFixed(0)} documents/s   (${r.textChars} characters a page)`,
    `vitnemal    issue + PDF vs bare page         ${docsPerS.toFixed(0)} vs ${barePerS.toFixed(0)} documents/s = ${ratio.toFixed(2)}×   target ≥ 0.5×   ${ratio >= 0.5 ? "ok" : "MISSED"}`,
    `vitnemal    RSS after each quarter (MiB)     issue ${r.rssMiB.map((m) => m.issue.toFixed(0)).join(" / ")}; PDFs ${r.rssMiB.map((m) => m.render.toFixed(0)).join(" / ")}; peak ${r.maxRssMiB.toFixed(0)}   flat ${flat ? "ok" : "MISSED"}`,
  ];
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const r = await runVitnemalBench(numArg(argv, "n", 10_000));
  process.stdout.write(argv.includes("--json") ? JSON.stringify(r) + "\n" : vitnemalLines(r).join("\n") + "\n");
}
