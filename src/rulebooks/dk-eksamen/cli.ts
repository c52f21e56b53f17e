/**
 * `bevis eksamen …` — the exam commands (seed 002; registered through compose.ts `cliModules`). They call the same
 * service as the HTTP routes, acting as the CLI operator ("cli:<os user>", admin) in one institution
 * (`--institution <code>` when there are several). Every command takes the global `--json`.
 *
 *   bevis eksamen terms
 *   bevis eksamen assign-censors <term id|name> [--reading repeated-or-mutual|mutual]   (progress bar on stderr, TTY only)
 *   bevis eksamen import-registrations <file.csv>   (cpr;subjectCode;level;part;date;followedTeaching;formalRequirementsMet;registeredOn)
 *   bevis eksamen import-grades <file.csv>          (cpr;kind;subjectCode;level;part;grade;date;announcedOn)
 *   bevis eksamen diploma <cpr|examinee id>
 *   bevis eksamen complaints
 *   bevis eksamen export39 [--term <id|name>] [--from d] [--to d] [--out file.csv]
 *
 * Imports are all or nothing: a refusal prints its findings (JSON with --json) and exits 1.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError, type CliContext } from "../../cli/context.ts";
import type { Db } from "../../platform/db/connect.ts";
import { type Actor } from "../../platform/http/context.ts";
import { importGradesCsv, importRegistrationsCsv } from "./http.ts";
import * as service from "./service.ts";
import * as store from "./store.ts";
import { findingLine, readTextFile, refusals, withDb } from "../../cli/helpers.ts";

async function termId(db: Db, actor: Actor, key: string): Promise<string> {
  const terms = await service.listTerms(db, actor);
  const t = terms.find((x) => x.id === key || x.name.toLowerCase() === key.toLowerCase());
  if (!t) throw new CliError(`no term "${key}" in this institution (terms: ${terms.map((x) => x.name).join(", ") || "none"})`);
  return t.id;
}

async function examineeId(db: Db, actor: Actor, key: string): Promise<string> {
  if (store.isUuid(key)) return key;
  const e = await store.getExamineeByCpr(store.eksKysely(db), actor.institutionId, key.replace(/[-\s]/g, ""));
  if (!e) throw new CliError("no examinee with that CPR number in this institution");
  return e.id;
}

export function eksamenCli(program: Command, ctx: CliContext): void {
  const eks = program.command("eksamen").description("Prøver og eksamen, gymnasiale uddannelser (seed 002)");
  const inst = "institution number (when there are several)";

  eks
    .command("terms")
    .description("list exam terms")
    .option("--institution <code>", inst)
    .action(async (o: { institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const terms = await service.listTerms(db, actor);
        ctx.out(terms, () => terms.map((t) => `${t.name.padEnd(20)} ${t.start} – ${t.end}  ${t.id}`).join("\n") || "no terms");
      });
    });

  eks
    .command("assign-censors <term>")
    .description("assign censors to the term's exams without one (§ 27); lists the exams left without a censor and why")
    .option("--reading <reading>", "§ 27 reading: repeated-or-mutual (default) or mutual")
    .option("--institution <code>", inst)
    .action(async (term: string, o: { reading?: string; institution?: string }) => {
      if (o.reading !== undefined && o.reading !== "repeated-or-mutual" && o.reading !== "mutual") throw new CliError("--reading is repeated-or-mutual or mutual");
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const id = await termId(db, actor, term);
        let bar: ReturnType<CliContext["progress"]> | undefined;
        const r = await refusals(ctx, () =>
          service.assignTermCensors(db, actor, id, {
            reading: o.reading as "repeated-or-mutual" | "mutual" | undefined,
            onProgress: (done, total) => {
              if (!bar) bar = ctx.progress(total, "saving assignments");
              bar.tick();
              if (done === total) bar.stop();
            },
          }),
        );
        bar?.stop();
        ctx.out(r, () =>
          [
            ...r.assigned.map((a) => `${a.date}  ${a.subject} ${a.level ?? ""}`.padEnd(22) + `  ${a.censorName}`),
            "",
            ...r.unassigned.map((u) => `${u.date}  ${u.subject} ${u.level ?? ""}`.padEnd(22) + `  NO CENSOR (${u.reason})`),
            "",
            ...r.load.map((l) => `${l.name.padEnd(30)} ${l.exams}/${l.capacity}`),
            `${r.assigned.length} assigned, ${r.unassigned.length} without a censor`,
          ].join("\n"),
        );
      });
    });

  eks
    .command("import-registrations <file>")
    .description("import registrations from CSV, all or nothing (§§ 7–8 checked per row)")
    .option("--institution <code>", inst)
    .action(async (file: string, o: { institution?: string }) => {
      const content = readTextFile(file);
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const r = await refusals(ctx, () => importRegistrationsCsv(db, actor, content));
        ctx.out({ ok: true, ...r }, () => `imported ${r.imported} registration(s)`);
      });
    });

  eks
    .command("import-grades <file>")
    .description("import exam and standpunkt grades from CSV, all or nothing (7-trinsskala)")
    .option("--institution <code>", inst)
    .action(async (file: string, o: { institution?: string }) => {
      const content = readTextFile(file);
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const r = await refusals(ctx, () => importGradesCsv(db, actor, content));
        ctx.out({ ok: true, ...r }, () => `imported ${r.imported} grade(s)`);
      });
    });

  eks
    .command("diploma <examinee>")
    .description("diploma preview with the exam result step by step (§§ 35, 40–42)")
    .option("--institution <code>", inst)
    .action(async (key: string, o: { institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const p = await refusals(ctx, async () => service.diplomaPreview(db, actor, await examineeId(db, actor, key)));
        ctx.out(p, () =>
          [
            `${p.examinee.name} — ${p.kind ?? "no certificate"}`,
            ...p.lines.map((l) => `  ${l.subject.code} ${l.level ?? ""} ${l.part.padEnd(9)} ${l.source.padEnd(10)} ${l.grade ?? l.merit ?? ""}${l.counts ? "" : "  (not counted)"}`),
            ...p.explanation.en.map((s) => `  ${s}`),
            ...p.findings.filter((f) => f.severity !== "info").map(findingLine),
          ].join("\n"),
        );
      });
    });

  eks
    .command("complaints")
    .description("complaint cases with their state and next deadline (§§ 47–55)")
    .option("--institution <code>", inst)
    .action(async (o: { institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const list = await service.listComplaints(db, actor);
        ctx.out(list, () => list.map((c) => `${c.examineeName.padEnd(24)} ${c.subject.code} ${c.level ?? ""} ${c.part.padEnd(8)} ${c.state.padEnd(16)} ${c.nextDeadline ? `${c.nextDeadline.id} ${c.nextDeadline.due} (${c.nextDeadline.ref})` : ""}`).join("\n") || "no complaints");
      });
    });

  eks
    .command("export39")
    .description("the § 39 grade report (CSV; format in docs/rulebooks/002-eksamen.md)")
    .option("--term <term>", "term id or name")
    .option("--from <date>", "grades dated from")
    .option("--to <date>", "grades dated to")
    .option("--out <file>", "write the CSV here (default stdout)")
    .option("--institution <code>", inst)
    .action(async (o: { term?: string; from?: string; to?: string; out?: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const tid = o.term ? await termId(db, actor, o.term) : undefined;
        const r = await refusals(ctx, () => service.export39(db, actor, { termId: tid, from: o.from, to: o.to }));
        for (const f of r.findings) process.stderr.write(findingLine(f) + "\n");
        const csv = service.export39Csv(r.rows);
        if (o.out) {
          writeFileSync(o.out, csv);
          ctx.out({ ok: true, rows: r.rows.length, examinees: r.examinees, file: o.out }, () => `${r.rows.length} row(s) for ${r.examinees} examinee(s) written to ${o.out}`);
        } else if (ctx.json) ctx.out({ ok: true, rows: r.rows, findings: r.findings }, () => "");
        else process.stdout.write(csv);
      });
    });
}
