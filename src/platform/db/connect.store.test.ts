import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, DatabaseLockedError, openDatabase } from "./connect.ts";
import { platformMigrations } from "./migrations/index.ts";
import { testTargets } from "./testing.ts";

for (const target of testTargets()) {
  describe(`database on ${target.kind}`, () => {
    it("migrates and keeps the audit log append-only", async () => {
      const db = await target.open(platformMigrations);
      try {
        await db.kysely
          .insertInto("audit_log")
          .values({ actor_label: "system", action: "test", detail: JSON.stringify({ a: 1 }), institution_id: null, actor_id: null, entity: null, entity_id: null })
          .execute();
        await expect(sql`update audit_log set action = 'x'`.execute(db.kysely)).rejects.toThrow(/append-only/);
        await expect(sql`delete from audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
        const rows = await db.kysely.selectFrom("audit_log").selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]?.detail).toEqual({ a: 1 });
      } finally {
        await db.drop();
      }
    });
  });
}

describe("PGlite data folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "bevis-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second opener with a clear message and reopens after close", async () => {
    const first = await openDatabase({ dataDir: dir, migrations: platformMigrations });
    expect(() => acquireLock(dir)).toThrow(DatabaseLockedError);
    expect(() => acquireLock(dir)).toThrow(/in use by another bevis process/);
    await first.close();
    const again = await openDatabase({ dataDir: dir, migrations: platformMigrations });
    const r = await sql<{ n: number }>`select count(*)::int as n from bevis_migration`.execute(again.kysely);
    expect(r.rows[0]?.n).toBe(Object.keys(platformMigrations).length);
    await again.close();
  });
});
