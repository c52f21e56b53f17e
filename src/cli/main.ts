/**
 * The `bevis` command. Platform commands live here (serve, migrate, user, token, institution); each rulebook adds
 * its own through `cliModules` in src/compose.ts.
 */
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import cliProgress from "cli-progress";
import { allMigrations, cliModules, demoSeeders, rulebookHttp } from "../compose.ts";
import { DatabaseLockedError, openDatabase, type Db } from "../platform/db/connect.ts";
import { migrateToLatest } from "../platform/db/migrate.ts";
import { ROLES } from "../platform/db/schema.ts";
import { bootstrap, formatLogins } from "../platform/bootstrap.ts";
import { addUser, createInstitution, findUserByEmail, isRole, listInstitutions, membershipsOf } from "../platform/auth/directory.ts";
import { randomPassword } from "../platform/auth/password.ts";
import { createApiToken } from "../platform/auth/api-tokens.ts";
import { purgeExpiredSessions } from "../platform/auth/sessions.ts";
import { ProblemError } from "../platform/http/context.ts";
import { createApp } from "../platform/http/app.ts";
import { CliError, type CliContext } from "./context.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}

export function makeContext(program: Command): CliContext {
  return {
    get json() {
      return Boolean(program.opts().json);
    },
    async openDb() {
      const url = process.env.DATABASE_URL;
      const db = await openDatabase(url ? { url } : { dataDir: process.env.BEVIS_DATA ?? "./data" });
      try {
        await migrateToLatest(db.kysely, allMigrations);
      } catch (e) {
        await db.close();
        throw e;
      }
      return db;
    },
    async actorFor(db, code) {
      const all = await listInstitutions(db.kysely);
      let inst = code === undefined ? undefined : all.find((i) => i.code === code);
      if (code !== undefined && !inst) throw new CliError(`no institution with code ${code}; known: ${all.map((i) => `${i.code} (${i.name})`).join(", ") || "none"}`);
      if (!inst) {
        if (all.length === 0) throw new CliError("no institution yet: run `bevis serve` once or `bevis institution add`");
        if (all.length > 1)
          throw new CliError(`several institutions; choose one with --institution <code>: ${all.map((i) => `${i.code} (${i.name})`).join(", ")}`);
        inst = all[0]!;
      }
      return { userId: null, label: `cli:${osUser()}`, institutionId: inst.id, roles: ["admin"], via: "cli" };
    },
    out(obj, human) {
      if (this.json) process.stdout.write(JSON.stringify(obj) + "\n"); // one line per result: easy for jq and line readers
      else process.stdout.write(human() + "\n");
    },
    progress(total, label) {
      if (this.json || !process.stderr.isTTY) return { tick() {}, stop() {} }; // the bar is drawn on stderr
      const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
      return { tick: (n = 1) => bar.increment(n), stop: () => bar.stop() };
    },
  };
}

async function withDb<T>(ctx: CliContext, f: (db: Db) => Promise<T>): Promise<T> {
  const db = await ctx.openDb();
  try {
    return await f(db);
  } finally {
    await db.close();
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("bevis")
    .description("Results, certificates and statutory reporting for Danish and Norwegian education")
    .option("--json", "machine-readable output")
    .showHelpAfterError()
    .exitOverride();
  const ctx = makeContext(program);

  program
    .command("serve")
    .description("serve the API and the web app")
    .option("--port <port>", "port (default $PORT or 8080)")
    .option("--host <host>", "interface to listen on", process.env.HOST ?? "0.0.0.0")
    .option("--demo", "create demo institutions and users with fixed passwords")
    .action(async (o: { port?: string; host: string; demo?: boolean }) => {
      const port = Number(o.port ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`not a port: ${o.port ?? process.env.PORT}`);
      await serveCommand(ctx, { port, host: o.host, demo: Boolean(o.demo) });
    });

  program
    .command("migrate")
    .description("run the database migrations")
    .action(async () => {
      const url = process.env.DATABASE_URL;
      const db = await openDatabase(url ? { url } : { dataDir: process.env.BEVIS_DATA ?? "./data" });
      try {
        const ran = await migrateToLatest(db.kysely, allMigrations);
        ctx.out({ where: db.where, ran }, () => (ran.length ? `ran ${ran.join(", ")} on ${db.where}` : `up to date (${db.where})`));
      } finally {
        await db.close();
      }
    });

  const user = program.command("user").description("users and their roles");
  user
    .command("add")
    .description("create a user (or give an existing user a role) in an institution")
    .requiredOption("--email <email>")
    .option("--name <name>", "display name (default: the e-mail)")
    .addOption(new Option("--role <role>").choices([...ROLES]).makeOptionMandatory())
    .option("--institution <code>", "institution code (default: the only one)")
    .option("--password <password>", "password (default: a random one, printed once)")
    .action(async (o: { email: string; name?: string; role: string; institution?: string; password?: string }) => {
      if (!isRole(o.role)) throw new CliError(`unknown role ${o.role}`);
      const role = o.role;
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const existing = await findUserByEmail(db.kysely, o.email);
        const password = existing ? null : (o.password ?? randomPassword());
        const { user: u, created } = await addUser(
          db.kysely,
          { email: o.email, name: o.name ?? o.email, password, role, institutionId: actor.institutionId, reuseExisting: true },
          actor,
        );
        const shown = created && !o.password ? password : undefined;
        ctx.out({ ...u, created, role, ...(shown ? { password: shown } : {}) }, () =>
          created
            ? `created ${u.email} with role ${role}${shown ? `; password (shown once): ${shown}` : ""}`
            : `${u.email} exists; gave it role ${role} (password unchanged)`,
        );
      });
    });
  user
    .command("list")
    .description("all users with their institutions and roles")
    .action(async () => {
      await withDb(ctx, async (db) => {
        const users = await db.kysely.selectFrom("app_user").select(["id", "email", "name", "disabled"]).orderBy("email").execute();
        const rows: { id: string; email: string; name: string; disabled: boolean; institutions: { code: string; roles: string[] }[] }[] = [];
        for (const u of users) rows.push({ ...u, institutions: (await membershipsOf(db.kysely, u.id)).map((m) => ({ code: m.code, roles: m.roles })) });
        ctx.out(rows, () =>
          rows.length === 0
            ? "no users"
            : rows.map((r) => `${r.email.padEnd(30)} ${r.name.padEnd(24)} ${r.institutions.map((i) => `${i.code}:${i.roles.join("+")}`).join(" ")}${r.disabled ? " (disabled)" : ""}`).join("\n"),
        );
      });
    });

  const token = program.command("token").description("API tokens");
  token
    .command("add")
    .description("create an API token for a user in an institution (printed once)")
    .requiredOption("--user <email>")
    .option("--institution <code>", "institution code (default: the only one)")
    .requiredOption("--name <name>", "what the token is for")
    .action(async (o: { user: string; institution?: string; name: string }) => {
      await withDb(ctx, async (db) => {
        const actor = await ctx.actorFor(db, o.institution);
        const u = await findUserByEmail(db.kysely, o.user);
        if (!u) throw new CliError(`no user ${o.user}`);
        const roles = (await membershipsOf(db.kysely, u.id)).find((m) => m.id === actor.institutionId)?.roles ?? [];
        if (roles.length === 0) throw new CliError(`${o.user} is not a member of that institution`);
        const t = await createApiToken(db.kysely, { userId: u.id, institutionId: actor.institutionId, name: o.name }, actor);
        ctx.out({ id: t.id, name: o.name, token: t.token }, () => `token ${o.name} (shown once): ${t.token}`);
      });
    });

  const institution = program.command("institution").description("institutions");
  institution
    .command("add")
    .description("create an institution")
    .requiredOption("--code <code>", "institutionsnummer / organisasjonsnummer")
    .requiredOption("--name <name>")
    .addOption(new Option("--country <country>").choices(["DK", "NO"]).default("DK"))
    .action(async (o: { code: string; name: string; country: "DK" | "NO" }) => {
      await withDb(ctx, async (db) => {
        const inst = await createInstitution(db.kysely, o, { userId: null, label: `cli:${osUser()}`, institutionId: "" });
        ctx.out(inst, () => `created ${inst.code} ${inst.name} (${inst.country})`);
      });
    });
  institution
    .command("list")
    .description("all institutions")
    .action(async () => {
      await withDb(ctx, async (db) => {
        const all = await listInstitutions(db.kysely);
        ctx.out(all, () => all.map((i) => `${i.code}  ${i.name} (${i.country})`).join("\n") || "no institutions");
      });
    });

  for (const mod of cliModules) mod(program, ctx);
  return program;
}

async function serveCommand(ctx: CliContext, o: { port: number; host: string; demo: boolean }): Promise<void> {
  const { serve } = await import("@hono/node-server");
  const db = await ctx.openDb();
  let closing = false;
  try {
    const boot = await bootstrap(db, { demo: o.demo, seeders: demoSeeders });
    const webDist = join(ROOT, "web", "dist");
    // BEVIS_TRUST_PROXY=1: count failed logins by X-Forwarded-For (only behind a proxy that sets it; ADR 0005).
    const app = createApp({ db, rulebooks: rulebookHttp, webDist, login: { trustProxy: /^(1|true|yes)$/i.test(process.env.BEVIS_TRUST_PROXY ?? "") } });
    const server = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, (info) => {
      const url = `http://${o.host === "0.0.0.0" || o.host === "::" ? "localhost" : o.host}:${info.port}/`;
      const logins = formatLogins(boot, o.demo);
      ctx.out({ url, db: db.kind, where: db.where, logins: boot.logins, web: existsSync(join(webDist, "index.html")) }, () =>
        [
          `bevis serving ${url} (database: ${db.kind} at ${db.where})`,
          existsSync(join(webDist, "index.html")) ? "" : "(no web/dist: run `npm run build:web` for the web app; the API works)",
          logins,
        ]
          .filter(Boolean)
          .join("\n"),
      );
    });
    const purge = setInterval(() => void purgeExpiredSessions(db.kysely).catch(() => {}), 60 * 60 * 1000);
    purge.unref();
    await new Promise<void>((resolveDone) => {
      const stop = (signal: string) => {
        if (closing) return;
        closing = true;
        clearInterval(purge);
        if (!ctx.json) process.stderr.write(`\n${signal}: stopping…\n`);
        const hardStop = setTimeout(() => resolveDone(), 5000);
        hardStop.unref();
        server.close(() => resolveDone());
        // Idle keep-alive connections would hold close() open.
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    });
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : e.exitCode || 1;
    const json = argv.includes("--json");
    const report = (message: string, code: number) => {
      if (json) process.stdout.write(JSON.stringify({ error: message }) + "\n");
      else process.stderr.write(`bevis: ${message}\n`);
      return code;
    };
    if (e instanceof DatabaseLockedError) return report(e.message, 2);
    if (e instanceof CliError) return report(e.message, e.exitCode);
    if (e instanceof ProblemError) return report(e.detail ?? e.title, 1);
    const code = (e as { code?: unknown }).code;
    if (code === "ECONNREFUSED") return report(`cannot reach the database server (${(e as Error).message})`, 2);
    process.stderr.write(`bevis: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  main(process.argv).then((code) => process.exit(code));
}
