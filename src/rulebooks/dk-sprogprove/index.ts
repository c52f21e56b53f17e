/** Seed 001 — sprogprøver in børnehaveklassen and 1.–9. klasse, reported to STIL: the pure API. */
export * from "./codes.ts";
export * from "./model.ts";
export * from "./attempts.ts";
export * from "./coverage.ts";
export * from "./promotion.ts";
export * from "./window.ts";
export * from "./transfer.ts";
export * from "./parse.ts";
export * from "./submission.ts";
export * from "./leaving.ts";
