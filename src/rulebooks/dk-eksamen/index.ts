/**
 * Seed 002 (eksamensbekendtgørelsen) as a library: the pure decisions, no database. `docs/rulebooks/002-eksamen.md`
 * maps each § to the function here and its test.
 */
export * from "./model.ts";
export * from "./parse.ts";
// grading side: diploma content (§§ 34–38), exam result (§§ 40–42, 58), mandatory exams (§§ 43–44), certificates
export * from "./diploma.ts";
export * from "./weights.ts";
export * from "./result.ts";
export * from "./mandatory.ts";
export * from "./certificate.ts";
// procedure: access (§§ 7–10), conduct (§§ 12–21), censors (§§ 23–31), errors (§§ 45–46), complaints (§§ 47–55)
export * from "./access.ts";
export * from "./conduct.ts";
export * from "./censors.ts";
export * from "./censor-assignment.ts";
export * from "./errors.ts";
export * from "./complaint.ts";
