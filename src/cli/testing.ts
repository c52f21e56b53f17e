/**
 * Test helper for the CLI store tests: runs `bevis …` in-process (main() from ./main.ts, stdout and stderr captured)
 * against each database bevis supports — a PGlite data folder (always; the CLI finds it through BEVIS_DATA) and a fresh
 * database on the PostgreSQL server of TEST_DATABASE_URL when it is set (through DATABASE_URL; CI must set it, see
 * src/platform/db/testing.ts `testServerUrl`). Each target can also be opened for seeding through the services.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allMigrations } from "../compose.ts";
import { openDatabase, type Db, type DbKind } from "../platform/db/connect.ts";
import type { MigrationSet } from "../platform/db/migrate.ts";
import { createTestDatabase, testServerUrl } from "../platform/db/testing.ts";
import { main } from "./main.ts";

/** What one CLI run gave: the exit code (or process.exitCode when a command set that), stdout and stderr. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Environment variables for one run; `undefined` unsets the variable for the run. */
export type CliEnv = Record<string, string | undefined>;

/**
 * Runs `bevis …args` in-process with `env` set for the run (and restored after), capturing stdout and stderr.
 * The exit code is main()'s, or process.exitCode when a command ends with that instead.
 */
export async function runCli(env: CliEnv, ...args: string[]): Promise<CliRun> {
  const saved: CliEnv = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => (err.push(String(s)), true)) as typeof process.stderr.write;
  const savedExit = process.exitCode;
  try {
    const code = await main(["node", "bevis", ...args]);
    const exit = process.exitCode ?? 0;
    return { code: code || Number(exit), out: out.join(""), err: err.join("") };
  } finally {
    process.exitCode = savedExit;
    process.stdout.write = o;
    process.stderr.write = e;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** One database the CLI runs against in a test, with a scratch folder for the test's input and output files. */
export interface CliTarget {
  kind: DbKind;
  /** A scratch folder for files the test writes or the CLI writes (--out); not the database. */
  dir: string;
  /** The environment a run gets: BEVIS_DATA (PGlite) or DATABASE_URL (PostgreSQL), the other unset. */
  env(): Promise<CliEnv>;
  /**
   * Opens the database (migrated; all rulebooks unless `migrations` is given) for seeding through the services.
   * Close it before the next run(): a PGlite folder is locked while it is open.
   */
  open(migrations?: MigrationSet): Promise<Db>;
  /** Runs `bevis …args` in-process against this database. */
  run(...args: string[]): Promise<CliRun>;
  /** Another fresh, empty database of the same kind; this target's cleanup() removes it too. */
  fresh(): CliTarget;
  /** Removes the database (drops the PostgreSQL database; deletes the PGlite folder) and the scratch folder, and those of fresh() ones. */
  cleanup(): Promise<void>;
}

function pgliteTarget(prefix: string): CliTarget {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const data = join(dir, "data");
  const children: CliTarget[] = [];
  const env = async (): Promise<CliEnv> => ({ BEVIS_DATA: data, DATABASE_URL: undefined });
  return {
    kind: "pglite",
    dir,
    env,
    open: (migrations = allMigrations) => openDatabase({ dataDir: data, migrations }),
    run: async (...args) => runCli(await env(), ...args),
    fresh() {
      const c = pgliteTarget(prefix);
      children.push(c);
      return c;
    },
    async cleanup() {
      for (const c of children) await c.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresTarget(serverUrl: string, prefix: string): CliTarget {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const children: CliTarget[] = [];
  let created: ReturnType<typeof createTestDatabase> | undefined; // made on first use
  const database = () => (created ??= createTestDatabase(serverUrl, prefix.replace(/[^a-z0-9_]/gi, "_").toLowerCase()));
  const env = async (): Promise<CliEnv> => ({ DATABASE_URL: (await database()).url, BEVIS_DATA: undefined });
  return {
    kind: "postgres",
    dir,
    env,
    open: async (migrations = allMigrations) => openDatabase({ url: (await database()).url, migrations }),
    run: async (...args) => runCli(await env(), ...args),
    fresh() {
      const c = postgresTarget(serverUrl, prefix);
      children.push(c);
      return c;
    },
    async cleanup() {
      for (const c of children) await c.cleanup();
      if (created) await (await created).drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The databases a CLI store test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set (an error in CI when
 * it is not). Each is fresh and empty (created on first use); call cleanup() in afterAll. `prefix` names the temp
 * folders and the PostgreSQL database.
 */
export function cliTargets(prefix = "bevis-cli"): CliTarget[] {
  const targets = [pgliteTarget(prefix)];
  const url = testServerUrl();
  if (url) targets.push(postgresTarget(url, prefix));
  return targets;
}
