/**
 * Opens the database: an embedded PGlite (PostgreSQL compiled to WebAssembly) in a data folder by default, or a
 * PostgreSQL server when a URL is given. Both are reached through node-postgres and Kysely, so every query in bevis
 * runs unchanged on either.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { PlatformTables } from "./schema.ts";
import { migrateToLatest, type MigrationSet } from "./migrate.ts";

// Return DATE columns as "YYYY-MM-DD" strings and BIGINT as numbers-in-strings stay strings (exact); NUMERIC as string.
pg.types.setTypeParser(1082, (v: string) => v);

export type DbKind = "pglite" | "postgres";

export interface Db {
  kysely: Kysely<PlatformTables>;
  kind: DbKind;
  /** The node-postgres pool behind Kysely (size 1 on PGlite); used for COPY. */
  pool: pg.Pool;
  /** Where the data lives, for messages: the data folder or the server's host/database (never the password). */
  where: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — a PostgreSQL server. When absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; "memory://" for an in-memory database. Default ./data (or $BEVIS_DATA). */
  dataDir?: string;
  /** Migrations to run on open (default: none). */
  migrations?: MigrationSet;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The data folder is in use by another bevis process (pid ${pid}; lock file ${lockFile}). ` +
        `Stop that process first, or set BEVIS_DATA to another folder. Two processes on one PGlite folder would lose writes.`,
    );
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock file, refusing when a live process holds it; a stale lock (dead pid) is taken over. */
export function acquireLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "bevis.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (Number.isFinite(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) throw new DatabaseLockedError(file, pid);
      if (pid === process.pid) throw new DatabaseLockedError(file, pid);
      rmSync(file, { force: true }); // stale
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
  } catch {
    return "postgres://(unparsable url)";
  }
}

export async function openDatabase(opts: OpenOptions = {}): Promise<Db> {
  let db: Db;
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle client whose connection the server ends (restart, pg_terminate_backend, DROP DATABASE … WITH (FORCE))
    // emits "error" on the pool; without a listener that would crash the process. The pool drops the client and the
    // next query opens a new connection, so it is only reported.
    pool.on("error", (e) => process.stderr.write(`bevis: an idle database connection was closed by the server: ${e.message}\n`));
    const kysely = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    db = { kysely, pool, kind: "postgres", where: describeUrl(opts.url), close: () => kysely.destroy() };
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
    const dataDir = opts.dataDir ?? process.env.BEVIS_DATA ?? "./data";
    const memory = dataDir.startsWith("memory://");
    const release = memory ? () => {} : acquireLock(resolve(dataDir));
    let pglite: InstanceType<typeof PGlite>;
    try {
      if (!memory) mkdirSync(resolve(dataDir, "pgdata"), { recursive: true });
      pglite = memory ? new PGlite() : new PGlite(resolve(dataDir, "pgdata"));
      await pglite.waitReady;
    } catch (e) {
      release();
      throw e;
    }
    const pool = new pg.Pool({ ...(createPgConfig(pglite) as unknown as pg.PoolConfig), max: 1 });
    const kysely = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    let closed = false;
    db = {
      kysely,
      pool,
      kind: "pglite",
      where: memory ? "memory://" : resolve(dataDir),
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await kysely.destroy();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  }
  if (opts.migrations) {
    try {
      await migrateToLatest(db.kysely, opts.migrations);
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}

/** True when a PGlite data folder already holds a database. */
export function dataFolderExists(dataDir: string): boolean {
  return existsSync(join(resolve(dataDir), "pgdata", "PG_VERSION"));
}
