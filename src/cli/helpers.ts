/** Small helpers every rulebook's CLI uses: open/close the database, print findings, read an input file, report refusals. */
import { readFileSync } from "node:fs";
import type { Db } from "../platform/db/connect.ts";
import { ProblemError } from "../platform/http/context.ts";
import { text, type Finding } from "../kernel/law.ts";
import { CliError, type CliContext } from "./context.ts";

/** Opens the database for one command and always closes it. */
export async function withDb<T>(ctx: CliContext, f: (db: Db) => Promise<T>): Promise<T> {
  const db = await ctx.openDb();
  try {
    return await f(db);
  } finally {
    await db.close();
  }
}

/** One finding as a terminal line in `lang`: severity, field, message, citation. */
export const findingLineIn =
  (lang: "en" | "da" | "nb") =>
  (f: Finding): string =>
    `  ${f.severity.padEnd(7)} ${f.subject ? `${f.subject}: ` : ""}${text(f.message, lang)} [seed ${f.cite.seed} ${f.cite.ref}]`;

/** One finding as a terminal line in English. */
export const findingLine = findingLineIn("en");

/** Reads an input file as UTF-8; a missing or unreadable file is a CliError naming it. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Runs `f`; a refusal (422 …) is printed with its findings (JSON on stdout with --json; else one line each, in `lang`,
 * English by default) and ends the command with exit code 1.
 */
export async function refusals<T>(ctx: CliContext, f: () => Promise<T>, lang: "en" | "da" | "nb" = "en"): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    if (ctx.json) process.stdout.write(JSON.stringify({ ok: false, status: e.status, error: e.detail ?? e.title, findings: e.findings }) + "\n");
    else for (const fd of e.findings) process.stderr.write(findingLineIn(lang)(fd) + "\n");
    throw new CliError(e.detail ?? e.title, 1);
  }
}
