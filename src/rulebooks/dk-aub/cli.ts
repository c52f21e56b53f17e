/**
 * `bevis aub …` — the AUB commands (registered through compose.ts `cliModules`). They call the same service as the
 * HTTP routes, acting as the CLI operator ("cli:<os user>", admin) in one institution (`--institution <code>` when
 * there are several). Every command takes the global `--json`.
 *
 *   bevis aub employers [--q text]
 *   bevis aub import-atp <file.csv>
 *   bevis aub import-school-weeks <file.csv> [--school name] [--received-on 2024-06-30]
 *   bevis aub contributions [--quarter 2024Q3] [--employer <id>]
 *   bevis aub statement <cvr|employer-id> <quarter> [--lang da|en] [--out file.pdf]
 *   bevis aub settlement <year> [--format pdf|xlsx|json] [--lang da|en] [--out file]
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError, type CliContext } from "../../cli/context.ts";
import type { Db } from "../../platform/db/connect.ts";
import { type Actor } from "../../platform/http/context.ts";
import * as docs from "./documents.ts";
import { importAtpCsv, importSchoolWeeksCsv } from "./import.ts";
import { formatKroner } from "./money.ts";
import * as service from "./service.ts";
import * as store from "./store.ts";
import { findingLine, readTextFile, refusals, withDb } from "../../cli/helpers.ts";

async function employerId(db: Db, actor: Actor, key: string): Promise<string> {
  if (store.isUuid(key)) return key;
  const e = await store.getEmployerByCvr(store.aubKysely(db), actor.institutionId, key.replace(/\s/g, ""));
  if (!e) throw new CliError(`no employer with CVR ${key} in this institution`);
  return e.id;
}

export function aubCli(program: Command, ctx: CliContext): void {
  const aub = program.command("aub").description("Arbejdsgivernes Uddannelsesbidrag (seed 004)");

  aub
    .command("employers")
    .description("list employers (CVR, name, § 2 category)")
    .option("--q <text>", "search name or CVR")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { q?: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const r = await service.listEmployers(db, actor, { q: o.q, limit: 500 });
        ctx.out(r, () => r.items.map((e) => `${e.cvr}  ${e.name}${e.category ? `  (§ 2: ${e.category})` : ""}  ${e.id}`).join("\n") + `\n${r.total} employer(s)`);
      });
    });

  aub
    .command("import-atp <file>")
    .description("import ATP reports and corrections from CSV, all or nothing (se;quarter;totalOere;receivedOn[;version;reason;persons])")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (file: string, o: { institution?: string }) => {
      const content = readTextFile(file);
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const r = await refusals(ctx, () => importAtpCsv(db, actor, content));
        ctx.out({ ok: true, ...r }, () => `imported ${r.imported} ATP report(s), ${r.corrections} correction(s), difference ${formatKroner(r.differenceOere)}`);
      });
    });

  aub
    .command("import-school-weeks <file>")
    .description("import an institution's school weeks (§ 9) from CSV, all or nothing")
    .option("--school <name>", "the reporting institution (when the file has no school column)")
    .option("--received-on <date>", "the day AUB received the report (default today)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (file: string, o: { school?: string; receivedOn?: string; institution?: string }) => {
      const content = readTextFile(file);
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const r = await refusals(ctx, () => importSchoolWeeksCsv(db, actor, content, { school: o.school, receivedOn: o.receivedOn }));
        ctx.out({ ok: true, ...r }, () => `imported ${r.lines} line(s), ${r.weeks} school week(s), refund ${formatKroner(r.amountOere)}`);
      });
    });

  aub
    .command("contributions")
    .description("charged contributions per employer and quarter (§ 3)")
    .option("--quarter <quarter>", "e.g. 2024Q3")
    .option("--employer <cvr|id>", "one employer")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (o: { quarter?: string; employer?: string; institution?: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const id = o.employer ? await employerId(db, actor, o.employer) : undefined;
        const r = await refusals(ctx, () => service.listContributions(db, actor, { quarter: o.quarter, employerId: id }));
        ctx.out(r, () =>
          [...r.items.map((x) => `${x.quarter}  ${x.cvr}  ${x.name.padEnd(40)} ${formatKroner(x.chargedOere).padStart(16)}`), "", ...r.byQuarter.map((q) => `${q.quarter}  total ${formatKroner(q.chargedOere)}`)].join("\n"),
        );
      });
    });

  aub
    .command("statement <employer> <quarter>")
    .description("the contribution statement of an employer (CVR or id) for a quarter, as PDF (or JSON with --json)")
    .option("--lang <lang>", "da or en", "da")
    .option("--out <file>", "write the PDF here (default aub-bidragsopgoerelse-<cvr>-<quarter>.pdf)")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (employer: string, quarter: string, o: { lang: string; out?: string; institution?: string }) => {
      if (o.lang !== "da" && o.lang !== "en") throw new CliError("--lang must be da or en");
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const id = await employerId(db, actor, employer);
        const s = await refusals(ctx, () => service.contributionStatement(db, actor, id, quarter));
        if (ctx.json) return ctx.out(s, () => "");
        const file = o.out ?? `aub-bidragsopgoerelse-${s.employer.cvr}-${s.quarter}.pdf`;
        writeFileSync(file, await docs.statementPdf(s, o.lang as "da" | "en"));
        await service.auditExport(db, actor, "statement", { employerId: id, quarter: s.quarter, via: "cli" });
        ctx.out({ file }, () => `${s.employer.name} ${s.quarter}: contribution ${formatKroner(s.totalOere)}, charged ${formatKroner(s.chargedOere)} → ${file}`);
      });
    });

  aub
    .command("settlement <year>")
    .description("the year-end settlement of the state's grant (§ 8) as PDF, XLSX or JSON")
    .option("--format <format>", "pdf, xlsx or json", "pdf")
    .option("--lang <lang>", "da or en", "da")
    .option("--out <file>", "write the document here")
    .option("--institution <code>", "institution number (when there are several)")
    .action(async (yearText: string, o: { format: string; lang: string; out?: string; institution?: string }) => {
      const year = Number(yearText);
      if (!Number.isInteger(year)) throw new CliError(`not a year: ${yearText}`);
      if (!["pdf", "xlsx", "json"].includes(o.format)) throw new CliError("--format must be pdf, xlsx or json");
      if (o.lang !== "da" && o.lang !== "en") throw new CliError("--lang must be da or en");
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const s = await service.settlement(db, actor, year);
        if (o.format === "json" || ctx.json) return ctx.out(s, () => JSON.stringify(s, null, 2));
        const ov = await service.refundOverview(db, actor, year);
        const file = o.out ?? `aub-slutregulering-${year}.${o.format}`;
        writeFileSync(file, o.format === "xlsx" ? await docs.settlementXlsx(year, s, ov, o.lang as "da" | "en") : await docs.settlementPdf(year, s, ov, o.lang as "da" | "en"));
        await service.auditExport(db, actor, "settlement", { year, format: o.format, via: "cli" });
        const x = s.settlement;
        ctx.out({ file }, () => (x ? `${year}: grant ${formatKroner(x.grantOere)}, prepaid ${formatKroner(x.prepaidOere)}, balance ${formatKroner(x.balanceOere)} → ${file}` : `${year}: cannot settle\n${s.findings.map(findingLine).join("\n")}`));
      });
    });
}
