/**
 * The one place that knows all rulebooks. The platform never imports a rulebook; this file wires each rulebook's
 * migrations, HTTP router, demo seeder, CLI commands and cross-tenant fixture into the app.
 *
 * To add a rulebook: import its parts below in its marked block and append them to the lists.
 */
import type { Command } from "commander";
import type { Db } from "./platform/db/connect.ts";
import type { MigrationSet } from "./platform/db/migrate.ts";
import { platformMigrations } from "./platform/db/migrations/index.ts";
import type { RulebookHttp } from "./platform/http/app.ts";
import type { Actor } from "./platform/http/context.ts";
import type { CliContext } from "./cli/context.ts";

// ── seed 000: dk-amu ────────────────────────────────────────────────────────────────────────────────────────────────
import { amuMigrations } from "./rulebooks/dk-amu/migrations.ts";
import { amuHttp } from "./rulebooks/dk-amu/http.ts";
import { amuCrossTenantFixture, seedAmuDemo } from "./rulebooks/dk-amu/demo.ts";
import { amuCli } from "./rulebooks/dk-amu/cli.ts";

// ── seed 001: dk-sprogprove ─────────────────────────────────────────────────────────────────────────────────────────
import { sprogproveMigrations } from "./rulebooks/dk-sprogprove/migrations.ts";
import { sprogproveHttp } from "./rulebooks/dk-sprogprove/http.ts";
import { seedSprogproveDemo, sprogproveCrossTenantFixture } from "./rulebooks/dk-sprogprove/demo.ts";
import { sprogproveCli } from "./rulebooks/dk-sprogprove/cli.ts";
// ── seed 002: dk-eksamen ────────────────────────────────────────────────────────────────────────────────────────────
import { eksamenMigrations } from "./rulebooks/dk-eksamen/migrations.ts";
import { eksamenHttp } from "./rulebooks/dk-eksamen/http.ts";
import { eksamenCrossTenantFixture, seedEksamenDemo } from "./rulebooks/dk-eksamen/demo.ts";
import { eksamenCli } from "./rulebooks/dk-eksamen/cli.ts";
// ── seed 003: no-vitnemal ───────────────────────────────────────────────────────────────────────────────────────────
import { vitnemalMigrations } from "./rulebooks/no-vitnemal/migrations.ts";
import { vitnemalHttp } from "./rulebooks/no-vitnemal/http.ts";
import { seedVitnemalDemo, vitnemalCrossTenantFixture } from "./rulebooks/no-vitnemal/demo.ts";
import { vitnemalCli } from "./rulebooks/no-vitnemal/cli.ts";
// ── seed 004: dk-aub ────────────────────────────────────────────────────────────────────────────────────────────────
import { aubMigrations } from "./rulebooks/dk-aub/migrations.ts";
import { aubHttp } from "./rulebooks/dk-aub/http.ts";
import { aubCrossTenantFixture, seedAubDemo } from "./rulebooks/dk-aub/demo.ts";
import { aubCli } from "./rulebooks/dk-aub/cli.ts";

export type { CliContext };

/** Every migration: the platform's (0xxx) and each rulebook's (1xxx for seed 000, 2xxx for 001, …). */
export const allMigrations: MigrationSet = {
  ...platformMigrations,
  ...amuMigrations,
  ...sprogproveMigrations, // seed 001
  ...eksamenMigrations, // seed 002
  ...vitnemalMigrations, // seed 003
  ...aubMigrations, // seed 004
};

/** Each rulebook's router, mounted at its prefix after the platform's auth middleware. */
export const rulebookHttp: RulebookHttp[] = [
  amuHttp,
  sprogproveHttp, // seed 001
  eksamenHttp, // seed 002
  vitnemalHttp, // seed 003
  aubHttp, // seed 004
];

/**
 * Demo data per institution, called by `bevis serve --demo` for each demo institution whose `modules`
 * (platform/bootstrap.ts DEMO_INSTITUTIONS) include the seeder's module. Each seeder runs once per
 * institution (the platform records it in `demo_seed`, keyed by the function's name), so a second start adds nothing.
 */
export type DemoSeeder = (db: Db, institution: { id: string; code: string }) => Promise<void>;
export const demoSeeders: { module: string; seed: DemoSeeder }[] = [
  { module: "amu", seed: seedAmuDemo },
  { module: "sprogprove", seed: seedSprogproveDemo }, // seed 001
  { module: "eksamen", seed: seedEksamenDemo }, // seed 002
  { module: "vitnemal", seed: seedVitnemalDemo }, // seed 003
  { module: "aub", seed: seedAubDemo }, // seed 004
];

/** Sub-commands per rulebook (`bevis amu …`). */
export const cliModules: ((program: Command, ctx: CliContext) => void)[] = [
  amuCli,
  sprogproveCli, // seed 001
  eksamenCli, // seed 002
  vitnemalCli, // seed 003
  aubCli, // seed 004
];

/**
 * For the cross-tenant test (src/platform/http/tenancy.store.test.ts): creates rows in the actor's institution (A)
 * and returns path-parameter values pointing at them. The test then calls every route of the composed app with these
 * values as a user of institution B and expects 403 or 404 (never 2xx, never A's data in the answer).
 *
 * Keys: a bare parameter name (`{ id: "…" }`) fills `:id` in any route; a route pattern ending in the parameter
 * (`{ "/api/amu/reports/:id": "…" }`) fills it only in routes under that pattern (longest match wins), so two
 * entities that both use `:id` can each get a real row. Unfilled parameters get a random uuid. Bare keys also fill
 * query parameters and body fields of the same name (e.g. `quarter: "2024Q2"`, the quarter A has data in), so list,
 * preview and create routes are probed where A's data is.
 */
export type CrossTenantFixture = (db: Db, actorOfA: Actor) => Promise<Record<string, string>>;
export const crossTenantFixtures: CrossTenantFixture[] = [
  amuCrossTenantFixture,
  sprogproveCrossTenantFixture, // seed 001
  eksamenCrossTenantFixture, // seed 002
  vitnemalCrossTenantFixture, // seed 003
  aubCrossTenantFixture, // seed 004
];
