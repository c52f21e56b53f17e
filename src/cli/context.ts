/** What every CLI command (the platform's and each rulebook's) gets from the `bevis` program. */
import type { Db } from "../platform/db/connect.ts";
import type { Actor } from "../platform/http/context.ts";

export interface CliContext {
  /** Opens the database (DATABASE_URL, else PGlite at BEVIS_DATA or ./data) and runs all migrations. */
  openDb(): Promise<Db>;
  /** "cli:<os user>" acting as admin in that institution (default: the only institution). */
  actorFor(db: Db, institutionCode?: string): Promise<Actor>;
  /** --json given: print machine-readable output only. */
  readonly json: boolean;
  /** Prints `obj` as JSON with --json, else the human text. */
  out(obj: unknown, human: () => string): void;
  /** A progress bar on a terminal (not with --json); silent otherwise. */
  progress(total: number, label: string): { tick(n?: number): void; stop(): void };
}

/** An error the CLI reports as its message alone (no stack) with the given exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
