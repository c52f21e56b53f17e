/**
 * `bevis vitnemal …` — the vitnemål commands (registered through compose.ts `cliModules`). They call the same service
 * as the HTTP routes, acting as the CLI operator ("cli:<os user>", admin) in one institution (`--institution <code>`
 * when there are several). Every command takes the global `--json`.
 *
 *   bevis vitnemal list
 *   bevis vitnemal add <case.json>                          (a VitnemalCaseInput, docs/api.md)
 *   bevis vitnemal preview <caseId> [--on 2025-06-20]
 *   bevis vitnemal issue <caseId> [--on …] [--cancel-reason KLA|FEI|ANN] [--out file.pdf]
 *   bevis vitnemal issue-all --year 2025 [--on …] [--out-dir pdfs/]   (every case of that year without a document;
 *                                                           progress bar on stderr when it is a terminal)
 *   bevis vitnemal duplicate <number> --way 1|2|3 --signatory <name> [--place …] [--on …] [--out file.pdf]
 *   bevis vitnemal cancel <number> --reason KLA|FEI|ANN [--comment …] [--on …]
 *   bevis vitnemal reissue <number> --new-fnr <fødselsnummer> [--on …]   (§2.12)
 *   bevis vitnemal pdf <number> --out file.pdf
 *   bevis vitnemal export-nvb <2024/25> [--school-number 12345] [--out file]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CommanderError, type Command } from "commander";
import { CliError, type CliContext } from "../../cli/context.ts";
import type { Db } from "../../platform/db/connect.ts";
import { ProblemError } from "../../platform/http/context.ts";
import type { CancelReason } from "./issuance.ts";
import * as service from "./service.ts";
import { findingLineIn } from "../../cli/helpers.ts";

async function withDb<T>(ctx: CliContext, f: (db: Db) => Promise<T>): Promise<T> {
  const db = await ctx.openDb();
  try {
    return await f(db);
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    // A refusal prints its findings (with --json: one JSON document with them) and exits 1; a CommanderError is passed
    // through main() without a second message.
    if (ctx.json) process.stdout.write(JSON.stringify({ ok: false, status: e.status, error: e.message, findings: e.findings }, null, 2) + "\n");
    else process.stderr.write(`bevis: ${e.message}\n${e.findings.map(findingLine).join("\n")}${e.findings.length ? "\n" : ""}`);
    throw new CommanderError(1, "bevis.vitnemal.refused", e.message);
  } finally {
    await db.close();
  }
}

const findingLine = findingLineIn("nb");

const REASONS: readonly CancelReason[] = ["KLA", "FEI", "ANN"];
function reasonOf(s: string | undefined): CancelReason | undefined {
  if (s === undefined) return undefined;
  const r = s.toUpperCase() as CancelReason;
  if (!REASONS.includes(r)) throw new CliError(`--reason must be one of ${REASONS.join(", ")}`, 2);
  return r;
}

type Inst = { institution?: string };

export function vitnemalCli(program: Command, ctx: CliContext): void {
  const vm = program.command("vitnemal").description("Norwegian vitnemål and kompetansebevis (seed 003)");

  vm.command("list")
    .description("the institution's cases (fødselsnummer masked) and documents")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: Inst) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const cases = await service.listCases(db, actor);
        const docs = await service.listDocuments(db, actor);
        ctx.out({ cases, documents: docs }, () =>
          [
            ...cases.items.map(
              (c) =>
                `${c.id}  ${c.fnrMasked}  ${c.name.padEnd(24)}  ${(c.kind ?? "-").padEnd(15)}  ${c.document?.number ?? (c.issuable ? "(not issued)" : "(blocked)")}  ${c.errors} error(s), ${c.warnings} warning(s)`,
            ),
            ...docs.map((d) => `${d.number}  ${d.kind}  ${d.status}  ${d.on}`),
          ].join("\n"),
        );
      });
    });

  vm.command("add <file>")
    .description("register a case from a JSON file (VitnemalCaseInput, docs/api.md)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (file: string, o: Inst) => {
      const input = JSON.parse(readFileSync(file, "utf8")) as service.CaseInput;
      await withDb(ctx, async (db) => {
        const d = await service.createCase(db, await ctx.actorFor(db, o.institution), input);
        ctx.out(d, () => `registered case ${d.id} (${d.fnrMasked}); ${d.preview.issuable ? "issuable" : "NOT issuable"}\n${d.preview.findings.map(findingLine).join("\n")}`);
      });
    });

  vm.command("preview <caseId>")
    .description("the document as it would be issued: findings and every line with why it is there")
    .option("--on <date>", "decision/issue date (default today)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (id: string, o: Inst & { on?: string }) => {
      await withDb(ctx, async (db) => {
        const p = await service.previewCase(db, await ctx.actorFor(db, o.institution), id, o.on !== undefined ? { on: o.on } : {});
        ctx.out(p, () =>
          [
            `${p.kind ?? "(no document)"}${p.forstegang ? " (førstegangsvitnemål)" : ""} — ${p.issuable ? "can be issued" : "cannot be issued"}`,
            ...p.lines.map((l) => `${l.text.padEnd(70)}  § ${l.sections.join(", ")}`),
            ...(p.findings.length ? ["findings:", ...p.findings.map(findingLine)] : []),
          ].join("\n"),
        );
      });
    });

  vm.command("issue <caseId>")
    .description("issue the case's document with the next number (refused with the findings when any is an error)")
    .option("--on <date>", "issue date (default today)")
    .option("--cancel-reason <code>", "when the case already has a valid document: KLA, FEI or ANN (default ANN)")
    .option("--out <file>", "write the PDF")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (id: string, o: Inst & { on?: string; cancelReason?: string; out?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const cr = reasonOf(o.cancelReason);
        const r = await service.issueCase(db, actor, id, { ...(o.on !== undefined ? { on: o.on } : {}), ...(cr ? { cancelReason: cr } : {}) });
        if (o.out) writeFileSync(o.out, (await service.downloadPdf(db, actor, r.number)).pdf);
        ctx.out(r, () => `issued ${r.kind} ${r.number}${r.cancelled ? ` (cancelled ${r.cancelled})` : ""}${o.out ? ` → ${o.out}` : ""}`);
      });
    });

  vm.command("issue-all")
    .description("issue every case of a year (last subject year) that has no valid document yet; a progress bar on a terminal")
    .requiredOption("--year <yyyy>", "the year")
    .option("--on <date>", "issue date (default today)")
    .option("--out-dir <dir>", "write each document's PDF to this folder as it is issued (<kind>-<number>.pdf)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: Inst & { year: string; on?: string; outDir?: string }) => {
      const year = Number(o.year);
      if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new CliError("--year must be a year, e.g. 2025", 2);
      const outDir = o.outDir;
      if (outDir !== undefined) mkdirSync(outDir, { recursive: true });
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        // on stderr, and only on a terminal (ctx.progress is silent with --json or when stderr is not a TTY)
        let bar: ReturnType<CliContext["progress"]> | undefined;
        let written = 0;
        try {
          const r = await service.issueAll(db, actor, {
            year,
            ...(o.on !== undefined ? { on: o.on } : {}),
            // each PDF is written as soon as it is rendered and not kept
            ...(outDir !== undefined ? {
                  pdf: async (d: service.BatchPdf) => {
                    await writeFile(join(outDir, d.fileName), d.pdf);
                    written++;
                  },
                } : {}),
            onProgress: (_done, total) => {
              bar ??= ctx.progress(total, outDir !== undefined ? "issuing + PDF" : "issuing");
              bar.tick(1);
            },
          });
          bar?.stop();
          bar = undefined;
          ctx.out({ ...r, ...(outDir !== undefined ? { outDir, pdfs: written } : {}) }, () =>
            [
              `issued ${r.issued.length} document(s), refused ${r.refused.length}, skipped ${r.skipped} case(s) (other year or already issued)${outDir !== undefined ? `; ${written} PDF(s) → ${outDir}` : ""}`,
              ...r.refused.map((x) => `refused ${x.caseId} ${x.name}:\n${x.findings.map(findingLine).join("\n")}`),
            ].join("\n"),
          );
        } finally {
          bar?.stop();
        }
      });
    });

  vm.command("duplicate <number>")
    .description("a §2.11 duplicate: way 1/2 same number, way 3 new number")
    .requiredOption("--way <n>", "1, 2 or 3")
    .requiredOption("--signatory <name>", "who signs the duplicate")
    .option("--place <place>", "place (default the original's)")
    .option("--on <date>", "date (default today)")
    .option("--out <file>", "write the PDF")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (number: string, o: Inst & { way: string; signatory: string; place?: string; on?: string; out?: string }) => {
      const way = Number(o.way);
      if (way !== 1 && way !== 2 && way !== 3) throw new CliError("--way must be 1, 2 or 3", 2);
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const r = await service.duplicateDocument(db, actor, number, {
          way,
          signatory: o.signatory,
          ...(o.place !== undefined ? { place: o.place } : {}),
          ...(o.on !== undefined ? { on: o.on } : {}),
        });
        if (o.out) writeFileSync(o.out, (await service.downloadPdf(db, actor, r.number)).pdf);
        ctx.out(r, () => `duplicate of ${number}: ${r.number}${r.cancelled ? ` (cancelled ${r.cancelled})` : ""}${o.out ? ` → ${o.out}` : ""}`);
      });
    });

  vm.command("reissue <number>")
    .description("§2.12: a new document with the new fødselsnummer after a change of legal gender (the original is cancelled)")
    .requiredOption("--new-fnr <fnr>", "the new fødselsnummer")
    .option("--on <date>", "date (default today)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (number: string, o: Inst & { newFnr: string; on?: string }) => {
      await withDb(ctx, async (db) => {
        const r = await service.reissueDocument(db, await ctx.actorFor(db, o.institution), number, { newFodselsnummer: o.newFnr, ...(o.on !== undefined ? { on: o.on } : {}) });
        ctx.out(r, () => `new document ${r.number} (cancelled ${number})`);
      });
    });

  vm.command("cancel <number>")
    .description("cancel a valid document (NVB reason KLA, FEI or ANN)")
    .requiredOption("--reason <code>", "KLA, FEI or ANN")
    .option("--comment <text>", "comment (NVB D6)")
    .option("--on <date>", "date (default today)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (number: string, o: Inst & { reason: string; comment?: string; on?: string }) => {
      await withDb(ctx, async (db) => {
        const r = await service.cancelDocument(db, await ctx.actorFor(db, o.institution), number, {
          reason: reasonOf(o.reason)!,
          ...(o.comment !== undefined ? { comment: o.comment } : {}),
          ...(o.on !== undefined ? { on: o.on } : {}),
        });
        ctx.out(r, () => `cancelled ${r.number}`);
      });
    });

  vm.command("pdf <number>")
    .description("write a document's PDF as it prints today")
    .requiredOption("--out <file>", "the PDF file")
    .option("--lang <nb|nn|en>", "labels in bokmål (default), nynorsk or English (§2.1)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (number: string, o: Inst & { out: string; lang?: string }) => {
      if (o.lang !== undefined && !["nb", "nn", "en"].includes(o.lang)) throw new CliError(`--lang must be nb, nn or en (§2.1); got ${o.lang}`, 2);
      await withDb(ctx, async (db) => {
        const r = await service.downloadPdf(db, await ctx.actorFor(db, o.institution), number, o.lang ? { lang: o.lang as "nb" | "nn" | "en" } : {});
        writeFileSync(o.out, r.pdf);
        ctx.out({ number, out: o.out, bytes: r.pdf.length }, () => `${number} → ${o.out} (${r.pdf.length} bytes)`);
      });
    });

  vm.command("export-nvb <schoolYear>")
    .description("the NVB import file for a school year's documents and cancellations (e.g. 2024/25)")
    .option("--school-number <nr>", "VIGO school number (5 digits) when the documents do not carry one")
    .option("--out <file>", "write the file (default: print it)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (schoolYear: string, o: Inst & { schoolNumber?: string; out?: string }) => {
      await withDb(ctx, async (db) => {
        const r = await service.exportNvb(db, await ctx.actorFor(db, o.institution), { schoolYear, ...(o.schoolNumber ? { schoolNumber: o.schoolNumber } : {}) });
        if (o.out) writeFileSync(o.out, r.file);
        const summary = { fileName: r.fileName, documents: r.documents, cancellations: r.cancellations, findings: r.findings, ...(o.out ? { out: o.out } : { file: r.file }) };
        ctx.out(summary, () => (o.out ? `${r.documents} document(s), ${r.cancellations} cancellation(s) → ${o.out}` : r.file));
      });
    });
}
