/**
 * `bevis sprogprove …` — the sprogprøve commands (registered through compose.ts `cliModules`). They call the same
 * service as the HTTP routes, in one institution (`--institution <code>` when there are several), with today's date in
 * Copenhagen as the decision date. Every command takes the global `--json`.
 *
 *   bevis sprogprove import <file> --year 2022/23 [--format csv|json]   transfer from sprogprøver.dk (all or nothing)
 *   bevis sprogprove import-pupils <file> --year 2022/23                 the pupil list from the administrative system (all or nothing;
 *                                                                         the udmeldt column records pupils who left)
 *   bevis sprogprove validate --year 2022/23                             the receipt as it would be now (exit 1 on gaps)
 *   bevis sprogprove submit --year 2022/23 --as <email>                  "Indberet" as a Leder/Ledelse/TAP user
 *   bevis sprogprove export --year 2022/23 [--submission n|latest] --out file.xlsx
 *
 * The CLI operator acts as admin, and admin may not submit ("Personer med andre roller kan ikke indberette"): `submit`
 * needs `--as <email>` of a user who has the role Leder, Ledelse or TAP in the institution, and acts with that user's
 * roles (audited under the user).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError, type CliContext } from "../../cli/context.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { Role } from "../../platform/db/schema.ts";
import { ProblemError, type Actor } from "../../platform/http/context.ts";
import { todayIn } from "../../kernel/time/date.ts";
import { STEPS } from "./model.ts";
import { parseTransfer } from "./import.ts";
import * as service from "./service.ts";
import { submissionXlsx } from "./xlsx.ts";
import { findingLine, withDb } from "../../cli/helpers.ts";

const on = () => ({ on: todayIn("Europe/Copenhagen") });

function receiptText(r: service.ReceiptView): string {
  const lines = [`${r.complete ? "COMPLETE (green receipt)" : "INCOMPLETE"}: ${r.errors} error(s), ${r.warnings} warning(s); reported bh.kl. ${r.reported.bhkl}, 1.–9. ${r.reported["1-9"]}`];
  for (const s of STEPS) {
    const fs = r.steps[s.step].filter((f) => f.severity !== "info");
    lines.push(`${s.en}: ${fs.length === 0 ? "ok" : ""}`);
    for (const f of fs) {
      const pid = /^pupils\.([^.]+)/.exec(f.subject ?? "")?.[1];
      lines.push(findingLine(f) + (pid && r.pupils[pid] ? ` (pupil ${r.pupils[pid].cprMasked})` : ""));
    }
  }
  return lines.join("\n");
}

/** The CLI acting as a user of the institution (their roles), for `submit`. */
async function actAs(db: Db, base: Actor, email: string): Promise<Actor> {
  const u = await db.kysely.selectFrom("app_user").select(["id", "email"]).where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  if (!u) throw new CliError(`no user ${email}`);
  const roles = (
    await db.kysely.selectFrom("membership").select("role").where("user_id", "=", u.id).where("institution_id", "=", base.institutionId).execute()
  ).map((r) => r.role as Role);
  if (roles.length === 0) throw new CliError(`${email} has no role in this institution`);
  return { userId: u.id, label: `${u.email} (cli)`, institutionId: base.institutionId, roles, via: "cli" };
}

/** A refusal: with --json one JSON object (status, findings) and exit code 1; else the findings on stderr. */
function printProblem(ctx: CliContext, e: unknown): void {
  if (e instanceof ProblemError) {
    if (ctx.json) {
      process.stdout.write(JSON.stringify({ ok: false, status: e.status, error: e.detail ?? e.title, findings: e.findings }) + "\n");
      process.exitCode = 1;
      return;
    }
    for (const f of e.findings) process.stderr.write(findingLine(f) + "\n");
    throw new CliError(e.detail ?? e.title);
  }
  throw e;
}

export function sprogproveCli(program: Command, ctx: CliContext): void {
  const sp = program.command("sprogprove").description("sprogprøver in børnehaveklassen and 1.–9. klasse, reported to STIL (seed 001)");

  sp.command("import <file>")
    .description("import results registered on sprogprøver.dk (layout: docs/rulebooks/001-sprogprove.md), all or nothing, never overwriting")
    .requiredOption("--year <schoolYear>", "the reported school year, e.g. 2022/23")
    .option("--format <format>", "csv or json (default: from the content)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (file: string, o: { year: string; format?: string; institution?: string }) => {
      if (o.format && o.format !== "csv" && o.format !== "json") throw new CliError(`--format must be csv or json (got ${o.format})`);
      let content: string;
      try {
        content = readFileSync(file, "utf8");
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        try {
          const yearId = await service.findYearId(db, actor, o.year);
          const parsed = parseTransfer(content, o.format as "csv" | "json" | undefined);
          if (parsed.findings.some((f) => f.severity === "error"))
            throw new ProblemError(422, "Unprocessable Content", parsed.findings, `${file}: ${parsed.findings.length} problem(s); nothing was imported`);
          const r = await service.applyTransfer(db, actor, yearId, parsed.records, { ...on(), source: `cli:${file.split(/[\\/]/).pop()}` });
          ctx.out({ ok: true, ...r }, () =>
            [
              `taken from sprogprøver.dk: ${r.taken.length} pupil(s)${r.taken.length ? ` (${r.taken.map((t) => `${t.cprMasked}: ${t.attempts}`).join(", ")})` : ""}`,
              `kept (already registered, not overwritten): ${r.kept.length} pupil(s)${r.kept.length ? ` (${r.kept.map((t) => t.cprMasked).join(", ")})` : ""}`,
              `not in the pupil list: ${r.unmatched.length}${r.unmatched.length ? ` (${r.unmatched.join(", ")})` : ""}`,
            ].join("\n"),
          );
        } catch (e) {
          printProblem(ctx, e);
        }
      });
    });

  sp.command("import-pupils <file>")
    .description(
      "import the pupil list from the administrative system (CSV cpr;klassetrin;navn;dsa_supplerende;dsa_skoleaar;skoleaar;udmeldt;udmeldt_aarsag, layout: docs/rulebooks/001-sprogprove.md), all or nothing; pupils already registered are kept, a new departure (udmeldt) is recorded",
    )
    .requiredOption("--year <schoolYear>", "the reported school year, e.g. 2022/23")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (file: string, o: { year: string; institution?: string }) => {
      let content: string;
      try {
        content = readFileSync(file, "utf8");
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        try {
          const yearId = await service.findYearId(db, actor, o.year);
          const r = await service.importPupils(db, actor, yearId, content, { ...on(), source: `cli:${file.split(/[\\/]/).pop()}` });
          ctx.out({ ok: true, ...r }, () =>
            [
              `added: ${r.added.length} pupil(s)${r.added.length ? ` (${r.added.map((a) => `${a.cprMasked} ${a.classLevel === 0 ? "bh.kl." : `${a.classLevel}. kl.`}`).join(", ")})` : ""}`,
              `kept (already registered, not overwritten): ${r.kept.length} pupil(s)${
                r.kept.length ? ` (${r.kept.map((x) => `${x.cprMasked}${x.differs.length ? ` — the file differs in ${x.differs.join(", ")}` : ""}`).join(", ")})` : ""
              }`,
              ...(r.left.length ? [`left (departure recorded, a new version each): ${r.left.map((x) => `${x.cprMasked} on ${x.on}`).join(", ")}`] : []),
              ...r.findings.map(findingLine),
            ].join("\n"),
          );
        } catch (e) {
          printProblem(ctx, e);
        }
      });
    });

  sp.command("validate")
    .description("the receipt as it would be now: every gap per step (exit code 1 while it is not green)")
    .requiredOption("--year <schoolYear>", "the reported school year, e.g. 2022/23")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { year: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        try {
          const yearId = await service.findYearId(db, actor, o.year);
          const r = await service.draftReceipt(db, actor, yearId, on());
          // The CLI operator (admin) is not a submitter; leave the role check of step 4 out of the validation.
          r.steps["4-submit"] = r.steps["4-submit"].filter((f) => !f.rule.startsWith("sprogprove.role."));
          const errors = Object.values(r.steps).flat().filter((f) => f.severity === "error").length;
          const view = { ...r, errors, complete: errors === 0 };
          ctx.out(view, () => receiptText(view));
          if (!view.complete) process.exitCode = 1;
        } catch (e) {
          printProblem(ctx, e);
        }
      });
    });

  sp.command("submit")
    .description('submit ("Indberet") as a user with the role Leder, Ledelse or TAP; prints the receipt')
    .requiredOption("--year <schoolYear>", "the reported school year, e.g. 2022/23")
    .requiredOption("--as <email>", "the user who submits (must have the role Leder, Ledelse or TAP here)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { year: string; as: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await actAs(db, await ctx.actorFor(db, o.institution), o.as);
        try {
          const yearId = await service.findYearId(db, actor, o.year);
          const s = await service.submit(db, actor, yearId, on());
          ctx.out(s, () => `submission no. ${s.number} for ${s.schoolYear} on ${s.decidedOn} by ${s.createdBy}\n${receiptText(s.receipt)}`);
        } catch (e) {
          printProblem(ctx, e);
        }
      });
    });

  sp.command("export")
    .description("write the copy of a submission as XLSX (audited)")
    .requiredOption("--year <schoolYear>", "the reported school year, e.g. 2022/23")
    .option("--submission <ref>", "the submission's number or 'latest'", "latest")
    .requiredOption("--out <file>", "the XLSX file to write")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { year: string; submission: string; out: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        try {
          const yearId = await service.findYearId(db, actor, o.year);
          let ref = o.submission;
          if (/^\d+$/.test(ref)) {
            const s = (await service.listSubmissions(db, actor, yearId)).find((x) => x.number === Number(ref));
            if (!s) throw new CliError(`no submission no. ${ref} for ${o.year}`);
            ref = s.id;
          }
          const x = await service.exportSubmission(db, actor, yearId, ref, "xlsx");
          writeFileSync(o.out, await submissionXlsx(x.detail, x.report, x.school));
          ctx.out({ file: o.out, number: x.detail.number, schoolYear: x.detail.schoolYear, complete: x.detail.complete }, () => `wrote submission no. ${x.detail.number} (${x.detail.schoolYear}) to ${o.out}`);
        } catch (e) {
          printProblem(ctx, e);
        }
      });
    });
}
