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
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    targets.push({
      kind: "postgres",
      async open(migrations) {
        const name = `bevis_test_${randomBytes(6).toString("hex")}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const u = new URL(url);
        u.pathname = `/${name}`;
        const db = await openDatabase({ url: u.toString(), migrations });
        return Object.assign(db, {
          async drop() {
            await db.close();
            const a = new pg.Client({ connectionString: url });
            await a.connect();
            await a.query(`drop database if exists ${name} with (force)`);
            await a.end();
          },
        });
      },
    });
  } else if (process.env.CI) {
    throw new Error("CI must test on a PostgreSQL server: TEST_DATABASE_URL is not set (see .ci/postgres.sh)");
  }
  return targets;
}
