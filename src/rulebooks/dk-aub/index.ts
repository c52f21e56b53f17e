/**
 * The AUB rulebook's pure API (seed 004, Bekendtgørelse om Arbejdsgivernes Uddannelsesbidrag). No I/O: the store, the
 * HTTP routes, the CLI and the web pages build on these functions. Traceability: docs/rulebooks/004-aub.md.
 */
export * from "./model.ts";
export * from "./money.ts";
export { seed004 } from "./cite.ts";
export * from "./parameters/index.ts";
export { contributionLiability, religiousExemptQuarters, type ExemptQuarters } from "./employer.ts";
export {
  atpReportProblems,
  contributionArithmetic,
  contributionHistory,
  employerQuarterStatement,
  exemptTraineeAmount,
  exemptionsForUnit,
  latestVersions,
  recalculate,
  unitQuarterContribution,
  type ContributionContext,
  type ContributionParameters,
  type EmployerQuarterStatement,
} from "./contribution.ts";
export {
  apprenticeExemption,
  approvedEducationEffect,
  checkNotification,
  CIVIL_SERVANT_PROBATION,
  educationApplicationFindings,
  educationEffectiveFrom,
  lastDayOf,
  MINIMUM_EXTENT,
  NR3_CAP,
  type ValidNotification,
} from "./exemption.ts";
export {
  checkAttestation,
  estimateGrant,
  quarterlyPrepayments,
  refundForLines,
  schoolWeekLineProblems,
  schoolWeeksByInstitution,
  weeklyFromMonthly,
  weeklyRate,
  yearEndSettlement,
  type RefundLine,
  type RefundSummary,
  type SuRates,
  type WeeklyRate,
} from "./refund.ts";
