/**
 * Versioned migrations, run on start. Each rulebook contributes a set; names sort into one order
 * (platform 0xxx, seed 000 1xxx, 001 2xxx, 002 3xxx, 003 4xxx, 004 5xxx).
 */
import { Migrator, type Kysely, type Migration } from "kysely";

export type MigrationSet = Record<string, Migration>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>, migrations: MigrationSet): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: "bevis_migration",
    migrationLockTableName: "bevis_migration_lock",
    // Each set numbers in its own range, so a set's new migration (e.g. platform 0003) sorts before migrations of
    // other sets that an existing database has already run; pending ones still run in name order.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`migration ${failed ?? "?"} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
