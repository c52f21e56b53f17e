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
 *   bevis eksamen appeals [--state filed|statement-sent|…] [--on YYYY-MM-DD]   (§ 55 cases, state and next deadline)
 *   bevis eksamen appeal <id> [--on YYYY-MM-DD]     (one § 55 case: state, deadline clock, next steps, history with findings)
 *   bevis eksamen export39 [--term <id|name>] [--from d] [--to d] [--out file.csv]
 *   bevis eksamen leaver-document <cpr|examinee id> --kind proevebevis|deltagerbevis --on YYYY-MM-DD
 *         [--copy original|copy|english-certified-copy] [--original-lost] [--requested] [--completed "MAT A,DAN A"]
 *         [--out file.pdf] [--lang da|en]                (§ 37; the ledger rules of § 36)
 *
 * Imports are all or nothing: a refusal prints its findings (JSON with --json) and exits 1; so does a refused
 * leaver-document, and nothing is saved.
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Option, type Command } from "commander";
import { CliError, type CliContext } from "../../cli/context.ts";
import type { Db } from "../../platform/db/connect.ts";
import { type Actor } from "../../platform/http/context.ts";
import { EksamenDocumentError, renderEksamenDocumentPdf } from "./documents.ts";
import { importGradesCsv, importRegistrationsCsv } from "./http.ts";
import type { Level } from "./model.ts";
import type { Appeal55Deadline, Appeal55State } from "./appeal55.ts";
import * as service from "./service.ts";
import * as store from "./store.ts";
import type { Finding } from "../../kernel/law.ts";
import { findingLine, readTextFile, refusals, withDb } from "../../cli/helpers.ts";

/** `--completed "MAT A, DAN A, HIS"` → the completed subjects (afsluttede fag, § 37) with their level when given. */
export function parseCompleted(text: string | undefined): { subjectCode: string; level?: Level }[] {
  if (text === undefined) return [];
  return text
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((item) => {
      const [code, level, ...rest] = item.split(/\s+/);
      if (rest.length > 0 || (level !== undefined && !/^[ABC]$/i.test(level)))
        throw new CliError(`--completed: "${item}" is not "<subject code> [A|B|C]" (e.g. "MAT A,DAN A")`, 2);
      return level === undefined ? { subjectCode: code!.toUpperCase() } : { subjectCode: code!.toUpperCase(), level: level.toUpperCase() as Level };
    });
}

const KIND_NAME = { proevebevis: { da: "prøvebevis", en: "prøvebevis (certificate of the exams taken)" }, deltagerbevis: { da: "deltagerbevis", en: "deltagerbevis (certificate of participation)" } } as const;
const COPY_NAME = { original: { da: "original", en: "original" }, copy: { da: "genpart", en: "copy" }, "english-certified-copy": { da: "bekræftet engelsk kopi", en: "English certified copy" } } as const;

/** The states of a § 55 case (appeal55.ts `Appeal55State`), for `--state`. */
export const APPEAL55_STATES = ["none", "filed", "statement-sent", "comments-received", "comment-deadline-passed", "forwarded", "decided"] as const satisfies readonly Appeal55State[];

/** A deadline as one terminal line: what, who, when, and where the case stands on the day asked about. */
export function deadlineLine(d: Appeal55Deadline): string {
  const left = d.status === "met" ? "met" : d.daysLeft < 0 ? `overdue by ${-d.daysLeft} day(s)` : d.daysLeft === 0 ? "due today" : `${d.daysLeft} day(s) left`;
  return `${d.id.padEnd(16)} ${d.party.padEnd(14)} ${d.due} ${d.kind.padEnd(6)} ${left}  (${d.ref})`;
}

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
    .command("appeals")
    .description("§ 55 complaint cases (access, lateness, special conditions, expulsion, § 45, legal questions, rejected complaints) with their state and next deadline")
    .addOption(new Option("--state <state>", "only cases in this state").choices(APPEAL55_STATES))
    .option("--on <date>", "the day the deadlines are seen from, YYYY-MM-DD (default today)")
    .option("--institution <code>", inst)
    .action(async (o: { state?: string; on?: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const list = await refusals(ctx, () => service.listAppeals55(db, actor, { state: o.state, on: o.on }));
        ctx.out(
          list,
          () =>
            list
              .map((a) =>
                [
                  a.examineeName.padEnd(24),
                  `${a.decision} (${a.decisionRef})`.padEnd(38),
                  (a.state + (a.suspensive ? " suspensive" : "")).padEnd(24),
                  a.nextDeadline ? `${a.nextDeadline.id} ${a.nextDeadline.due} (${a.nextDeadline.ref})`.padEnd(36) : "no open deadline".padEnd(36),
                  a.id,
                ].join(" "),
              )
              .join("\n") || "no § 55 cases",
        );
      });
    });

  eks
    .command("appeal <id>")
    .description("one § 55 case: the decision, state, deadline clock, next steps and history with each step's findings")
    .option("--on <date>", "the day the deadlines are seen from, YYYY-MM-DD (default today)")
    .option("--institution <code>", inst)
    .action(async (id: string, o: { on?: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const v = await refusals(ctx, () => service.getAppeal55(db, actor, id, o.on));
        ctx.out(v, () =>
          [
            `§ 55 case ${v.id} — ${v.examinee.name}`,
            `decision:  ${v.decision.kind} (${v.decision.ref})${v.decision.decidedOn ? `, decided ${v.decision.decidedOn}` : ""}, notified ${v.decision.notifiedOn}${v.reference ? `; ${v.reference.kind} ${v.reference.id}` : ""}`,
            ...(v.description ? [`           ${v.description}`] : []),
            `state:     ${v.case.state}${v.case.filedBy ? `, filed by ${v.case.filedBy}` : ""}${v.case.suspensive ? `, suspensive (${v.case.suspendedBy ?? "granted"}, § 55, stk. 4)` : ""}${v.case.outcome ? `, outcome ${v.case.outcome}` : ""}`,
            `clock as of ${v.on}:`,
            ...v.deadlines.map((d) => `  ${deadlineLine(d)}`),
            ...(v.earliestForward && v.allowedEvents.some((e) => e.event === "forward") ? [`  forward to the ministry from ${v.earliestForward} (§ 55, stk. 3)`] : []),
            `next steps: ${v.allowedEvents.map((e) => `${e.event} (${e.actors.join("/")}, ${e.ref})`).join(", ") || "none"}`,
            "history:",
            ...v.events.flatMap((e) => [
              `  ${String(e.seq).padStart(2)}  ${e.on}  ${e.actor.padEnd(14)} ${(e.event as { type: string }).type}   (${e.recordedBy}, ${e.recordedAt})`,
              ...(e.findings as Finding[]).map((f) => `    ${findingLine(f)}`),
            ]),
          ].join("\n"),
        );
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

  eks
    .command("leaver-document <examinee>")
    .summary("issue a leaver's prøvebevis or deltagerbevis (§ 37), with --out its PDF; refusals cite the §")
    .description(
      "issue a leaver's prøvebevis or deltagerbevis (§ 37) to an examinee who has left (cpr or examinee id), under the ledger rules of § 36; " +
        "a refusal prints each finding with its § and exits 1, nothing saved. With --out the PDF is written as GET /documents/:id/pdf gives it " +
        "(Danish; English for the English certified copy, § 36)",
    )
    .addOption(new Option("--kind <kind>", "which certificate").choices(["proevebevis", "deltagerbevis"]).makeOptionMandatory())
    .requiredOption("--on <date>", "date of issue, YYYY-MM-DD")
    .addOption(new Option("--copy <copy>", "original, a copy (only when the original is lost) or the English certified copy (on request)").choices(["original", "copy", "english-certified-copy"]).default("original"))
    .option("--original-lost", "the original is lost (§ 36: a copy is issued only then)")
    .option("--requested", "the examinee asked for the English certified copy")
    .option("--completed <subjects>", 'completed subjects not drawn for an exam, for the deltagerbevis: "MAT A,DAN A"')
    .option("--out <file>", "write the document's PDF here")
    .addOption(new Option("--lang <lang>", "language of the terminal lines (the PDF's language follows --copy)").choices(["da", "en"]).default("en"))
    .option("--institution <code>", inst)
    .action(
      async (
        key: string,
        o: { kind: "proevebevis" | "deltagerbevis"; on: string; copy: "original" | "copy" | "english-certified-copy"; originalLost?: boolean; requested?: boolean; completed?: string; out?: string; lang: "da" | "en"; institution?: string },
      ) => {
        const completed = parseCompleted(o.completed);
        if (o.out !== undefined) {
          const dir = dirname(resolve(o.out));
          if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`cannot write ${o.out}: no folder ${dir}`, 2); // before anything is issued
        }
        await withDb(ctx, async (db) => {
          const actor = await ctx.actorFor(db, o.institution);
          const id = await examineeId(db, actor, key);
          const row = await refusals(
            ctx,
            () =>
              service.issueLeaverDocument(db, actor, id, {
                kind: o.kind,
                copy: o.copy,
                on: o.on,
                completed,
                ...(o.originalLost ? { originalLost: true } : {}),
                ...(o.requested ? { requestedByExaminee: true } : {}),
              }),
            o.lang,
          );
          if (o.out !== undefined) {
            // the path of GET /documents/:id/pdf (http.ts): the stored content, rendered; a refused rendering is a refusal
            const { input } = await service.documentInput(db, actor, row.id);
            const pdf = await refusals(
              ctx,
              async () => {
                try {
                  return await renderEksamenDocumentPdf(input);
                } catch (e) {
                  if (e instanceof EksamenDocumentError) throw service.refuse(e.findings, `document ${row.number} is issued, but its PDF cannot be made`);
                  throw e;
                }
              },
              o.lang,
            );
            writeFileSync(o.out, pdf);
          }
          const L = o.lang;
          ctx.out({ ok: true, ...row, ...(o.out !== undefined ? { file: o.out } : {}) }, () =>
            [
              L === "da"
                ? `udstedt ${KIND_NAME[row.kind as keyof typeof KIND_NAME].da} (${COPY_NAME[row.copy].da}) nr. ${row.number} den ${row.issuedOn}`
                : `issued ${KIND_NAME[row.kind as keyof typeof KIND_NAME].en}, ${COPY_NAME[row.copy].en}, no. ${row.number} on ${row.issuedOn}`,
              ...(o.out !== undefined ? [L === "da" ? `PDF skrevet til ${o.out}` : `PDF written to ${o.out}`] : []),
            ].join("\n"),
          );
        });
      },
    );
}
