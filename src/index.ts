/**
 * bevis as a library: the kernel vocabulary (law, ids, time) and each rulebook's pure API, without the HTTP server,
 * the database or the CLI.
 *
 *   import { amu, decision } from "bevis";
 */
export * from "./kernel/index.ts";

// ── one line per rulebook's pure API ──
export * as amu from "./rulebooks/dk-amu/public.ts"; // seed 000
export * as sprogprove from "./rulebooks/dk-sprogprove/index.ts"; // seed 001
export * as eksamen from "./rulebooks/dk-eksamen/index.ts"; // seed 002
export * as vitnemal from "./rulebooks/no-vitnemal/index.ts"; // seed 003
export * as aub from "./rulebooks/dk-aub/index.ts"; // seed 004
