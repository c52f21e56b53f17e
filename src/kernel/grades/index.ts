/** Grading scales. */
export * from "./seven-step.ts";
