/**
 * `bevis amu …` — the AMU commands (registered through compose.ts `cliModules`). They call the same service as the
 * HTTP routes, acting as the CLI operator ("cli:<os user>", admin) in one institution (`--institution <code>` when
 * there are several). Every command takes the global `--json`.
 *
 *   bevis amu import <file.csv> [--institution <code>]
 *   bevis amu findings [--quarter 2024Q3] [--severity error|warning|info]
 *   bevis amu report build <quarter>
 *   bevis amu report preview <quarter>
 *   bevis amu report list
 *   bevis amu report export <number|latest> --format csv|json [--out file]
 *   bevis amu generate <n> [--seed 1] [--out file.csv]      (synthetic import file, for benchmarks)
 */
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError, type CliContext } from "../../cli/context.ts";
import type { Db } from "../../platform/db/connect.ts";
import { ProblemError } from "../../platform/http/context.ts";
import { formatProblem, importCsv, ImportRefused } from "./import.ts";
import { generateCsvLines } from "./generate.ts";
import * as service from "./service.ts";
import { DEMO_CATALOGUE } from "./catalogue.ts";
import { amuKysely, insertGoals } from "./store.ts";
import { isReportFormat, reportWriters, type ReportMeta } from "./writers.ts";
import { findingLine, withDb } from "../../cli/helpers.ts";

async function metaFor(db: Db, institutionId: string, d: service.ReportDetail): Promise<ReportMeta> {
  const inst = await db.kysely.selectFrom("institution").select(["code", "name"]).where("id", "=", institutionId).executeTakeFirst();
  return { providerCode: inst?.code ?? "", providerName: inst?.name ?? "", quarter: d.quarter, number: d.number, createdAt: d.createdAt, window: d.window };
}

const countsText = (c: service.ReportSummary["counts"]) => `new ${c.new}, changed ${c.changed}, unchanged ${c.unchanged}, removed ${c.removed}`;

/** The import prints at most this many bad cells on a terminal (all of them with --json). */
const MAX_PRINTED_PROBLEMS = 200;

export function amuCli(program: Command, ctx: CliContext): void {
  const amu = program.command("amu").description("AMU results reporting (seed 000)");

  const goals = amu.command("goals").description("the AMU goal catalogue");
  goals
    .command("list", { isDefault: true })
    .description("the goals the institution sees (global and its own)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const list = await service.listGoals(db, actor);
        ctx.out(list, () =>
          list
            .map((g) => `${g.fagkode}  ${g.title}${g.uvmTestPeriods.length ? `  UVM-prøve ${g.uvmTestPeriods.map((p) => `${p.validFrom}–${p.validTo ?? ""}`).join(", ")}` : ""}`)
            .join("\n"),
        );
      });
    });
  goals
    .command("load-demo")
    .description("load the illustrative demo catalogue (fagkoder 9xxxx, made up for bevis) as global goals")
    .action(async () => {
      await withDb(ctx, async (db) => {
        const n = await insertGoals(amuKysely(db), null, DEMO_CATALOGUE);
        ctx.out({ added: n }, () => `added ${n} demo goal(s)`);
      });
    });

  amu
    .command("import <file>")
    .description("import participations from a CSV file, all or nothing (layout: docs/rulebooks/000-amu.md)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (file: string, o: { institution?: string }) => {
      let content: string;
      try {
        content = readFileSync(file, "utf8");
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        let bar: ReturnType<CliContext["progress"]> | undefined;
        let last = 0;
        try {
          const r = await importCsv(db, actor, content, {
            source: `cli:${file.split(/[\\/]/).pop()}`,
            onProgress: (done, total) => {
              bar ??= ctx.progress(total, "importing");
              bar.tick(done - last);
              last = done;
            },
          });
          bar?.stop();
          ctx.out({ ok: true, ...r }, () => `imported ${r.imported} participation(s) and ${r.retakes} retake(s) from ${file}`);
        } catch (e) {
          bar?.stop();
          if (!(e instanceof ImportRefused)) throw e;
          const summary = `${file}: ${e.detail ?? "refused"}`;
          if (ctx.json) {
            process.stdout.write(JSON.stringify({ ok: false, error: summary, problems: e.problems }, null, 2) + "\n");
          } else {
            const shown = e.problems.slice(0, MAX_PRINTED_PROBLEMS);
            for (const p of shown) process.stderr.write(`${formatProblem(p)} (${p.rule})\n`);
            if (e.problems.length > shown.length)
              process.stderr.write(`… and ${e.problems.length - shown.length} more problem(s) (--json lists them all)\n`);
            process.stderr.write(`bevis: ${summary}\n`);
          }
          await db.close();
          process.exit(1);
        }
      });
    });

  amu
    .command("findings")
    .description("list the current findings of the institution's participations")
    .option("--quarter <quarter>", "only participations that end in this quarter, e.g. 2024Q3")
    .option("--severity <level>", "lowest severity shown: error, warning or info", "warning")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { quarter?: string; severity: string; institution?: string }) => {
      if (!["error", "warning", "info"].includes(o.severity)) throw new CliError(`--severity must be error, warning or info (got ${o.severity})`);
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const list = await service.allFindings(db, actor, { quarter: o.quarter, severity: o.severity as "error" | "warning" | "info" });
        ctx.out(list, () =>
          list.length === 0
            ? "no findings"
            : list.map((x) => `${x.id}  ${x.cprMasked}  ${x.fagkode}  ends ${x.endDate ?? "-"}\n${x.findings.map(findingLine).join("\n")}`).join("\n") +
              `\n${list.length} participation(s) with findings`,
        );
      });
    });

  const report = amu.command("report").description("the quarterly report to STIL's Datavarehus");

  report
    .command("build <quarter>")
    .description("build and store the next report submission for a quarter (refused while a participation in scope has errors)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (quarter: string, o: { institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        try {
          const r = await service.createReport(db, actor, quarter);
          ctx.out(
            { id: r.id, number: r.number, quarter: r.quarter, rows: r.rowCount, counts: r.counts, window: r.window },
            () => `report no. ${r.number} for ${r.quarter} (window ${r.window.quarters.join(", ")}): ${r.rowCount} row(s); ${countsText(r.counts)}`,
          );
        } catch (e) {
          if (e instanceof ProblemError && e.status === 422 && e.findings.length > 0 && !ctx.json) {
            for (const f of e.findings) process.stderr.write(findingLine(f) + "\n");
          }
          throw e;
        }
      });
    });

  report
    .command("preview <quarter>")
    .description("the report for a quarter as it would be now (not stored)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (quarter: string, o: { institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const p = await service.previewReport(db, actor, quarter);
        ctx.out({ ...p, rows: p.rows.length }, () =>
          [
            `preview for ${p.quarter} (window ${p.window.quarters.join(", ")}): ${p.rowCount} row(s); ${countsText(p.counts)}; ${p.excluded.length} excluded`,
            ...(p.blocking.length > 0
              ? [`${p.blocking.length} participation(s) block the report:`, ...p.blocking.flatMap((b) => [`${b.id}`, ...b.findings.map(findingLine)])]
              : []),
          ].join("\n"),
        );
      });
    });

  report
    .command("list")
    .description("stored report submissions, newest first")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const list = await service.listReports(db, actor);
        ctx.out(list, () =>
          list.length === 0
            ? "no reports yet"
            : list.map((r) => `no. ${String(r.number).padStart(3)}  ${r.quarter}  ${r.createdAt}  ${r.createdBy}  ${r.rows} row(s); ${countsText(r.counts)}`).join("\n"),
        );
      });
    });

  report
    .command("export <ref>")
    .description("write a stored report's file (ref: its number or 'latest'); audited")
    .option("--format <format>", "csv or json", "csv")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (ref: string, o: { format: string; out?: string; institution?: string }) => {
      if (!isReportFormat(o.format)) throw new CliError(`--format must be csv or json (got ${o.format})`);
      const writer = reportWriters[o.format];
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const d = await service.exportReport(db, actor, ref, "file", o.format);
        const meta = await metaFor(db, actor.institutionId, d);
        const body = writer.write(d.rows, meta);
        if (o.out) {
          writeFileSync(o.out, body);
          ctx.out({ file: o.out, number: d.number, quarter: d.quarter, rows: d.rowCount, format: o.format }, () => `wrote report no. ${d.number} (${d.quarter}, ${d.rowCount} row(s)) to ${o.out}`);
        } else {
          process.stdout.write(body);
        }
      });
    });

  amu
    .command("generate <n>")
    .description("write a synthetic import file with n participations (synthetic CPR numbers; for benchmarks and demos)")
    .option("--seed <seed>", "PRNG seed", "1")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (n: string, o: { seed: string; out?: string }) => {
      const count = Number(n);
      if (!Number.isInteger(count) || count < 0) throw new CliError(`not a count: ${n}`);
      const out: NodeJS.WritableStream = o.out ? createWriteStream(o.out) : process.stdout;
      for (const line of generateCsvLines(count, Number(o.seed))) {
        if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
      }
      if (o.out) await new Promise<void>((r) => out.end(() => r()));
    });
}
