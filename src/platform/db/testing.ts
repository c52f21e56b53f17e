/**
 * Test helper: runs a store test suite on every database bevis supports — the embedded PGlite (always) and a
 * PostgreSQL server when TEST_DATABASE_URL is set (CI sets it; .ci/postgres.sh starts one on loopback).
 * Each suite gets a fresh, empty database, migrated with the given set.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Db, type DbKind } from "./connect.ts";
import type { MigrationSet } from "./migrate.ts";

export interface TestTarget {
  kind: DbKind;
  open(migrations: MigrationSet): Promise<Db & { drop(): Promise<void> }>;
}

/**
 * The PostgreSQL server the store tests use (TEST_DATABASE_URL), or undefined when there is none; in CI (CI set) a
 * missing server is an error, so CI never passes on PGlite alone.
 */
export function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) throw new Error("CI must test on a PostgreSQL server: TEST_DATABASE_URL is not set (see .ci/postgres.sh)");
  return url || undefined;
}

/** A fresh, empty database `<prefix>_<random>` on the server at `serverUrl`: its connection URL, and drop() to remove it. */
export async function createTestDatabase(serverUrl: string, prefix = "bevis_test"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [
    {
      kind: "pglite",
      async open(migrations) {
        const db = await openDatabase({ dataDir: "memory://", migrations });
        return Object.assign(db, { drop: () => db.close() });
      },
    },
  ];
  const url = testServerUrl();
  if (url) {
    targets.push({
      kind: "postgres",
      async open(migrations) {
        const created = await createTestDatabase(url);
        const db = await openDatabase({ url: created.url, migrations });
        return Object.assign(db, {
          async drop() {
            await db.close();
            await created.drop();
          },
        });
      },
    });
  }
  return targets;
}
