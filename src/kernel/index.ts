/** The kernel: the law vocabulary, dates and periods, identifiers. Pure, no I/O. */
export * from "./law.ts";
export * from "./time/date.ts";
export * from "./time/quarter.ts";
export * from "./time/school-year.ts";
export * from "./time/half-year.ts";
export * from "./time/deadline.ts";
export * from "./time/holidays.ts";
export * from "./ids/cpr.ts";
export * from "./ids/cvr.ts";
export * from "./ids/orgnr.ts";
export * from "./ids/fodselsnummer.ts";
// Exact rationals as a namespace (generic names: Q.add, Q.div, Q.compare …) and their types.
export * as Q from "./rational.ts";
export type { Rational, RoundingMode } from "./rational.ts";
export * from "./grades/index.ts";
