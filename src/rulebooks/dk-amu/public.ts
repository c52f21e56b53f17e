/**
 * The AMU rulebook's pure API (seed 000, AMU results and the quarterly Datavarehus report). No I/O: the store, the
 * HTTP routes, the CLI and the web pages build on these. Traceability: docs/rulebooks/000-amu.md.
 */
export * from "./model.ts";
export * from "./categories.ts";
export { DEMO_CATALOGUE, goalByFagkode, catalogueProblems } from "./catalogue.ts";
export {
  amuBeviserAfterIkv,
  checkParticipation,
  checkSplitReporting,
  isIkvFagkode,
  mergeSubCourses,
  resultGroup,
  suggestedCategory,
  uvmTestOn,
  type SuggestedCategory,
} from "./rules.ts";
export * from "./report.ts";
export { CSV_LAYOUT, LAYOUT_ID, readReportCsv, reportFileSha256, reportWriters, type ReportMeta, type ReportWriter } from "./writers.ts";
