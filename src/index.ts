/**
 * bevis as a library: the kernel vocabulary (law, ids, time) and each rulebook's pure API, without the HTTP server,
 * the database or the CLI.
 *
 *   import { amu, decision } from "bevis";
 */
export * from "./kernel/index.ts";

// ── one line per rulebook's pure API ──
// TODO(dk-amu): export * as amu from "./rulebooks/dk-amu/public.ts";   (when that file exists)
// TODO(dk-sprogprove, dk-eksamen, no-vitnemal, dk-aub): export * as … from "./rulebooks/…/public.ts";
