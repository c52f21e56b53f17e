/** Every finding of this rulebook names its field, its value and its paragraph, in Danish and English. */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../kernel/law.ts";
import { contributionHistory, employerQuarterStatement, recalculate, unitQuarterContribution } from "./contribution.ts";
import { contributionLiability, religiousExemptQuarters } from "./employer.ts";
import { apprenticeExemption, approvedEducationEffect, educationApplicationFindings } from "./exemption.ts";
import { cprA, employer, FULL, Q, report, unit } from "./fixtures.test-helpers.ts";
import type { AgreementNotification, ExemptEducation } from "./model.ts";
import { checkAttestation, quarterlyPrepayments, refundForLines, yearEndSettlement } from "./refund.ts";

const EDU: ExemptEducation = { code: "E", name: "Smed", law20Stk4Nr: 3, normalDurationMonths: 48, origin: { kind: "approved", approvedOn: "2024-02-01" } };
const N: AgreementNotification = {
  id: "N1", notifiedOn: "2024-03-01", employerCvr: "12345674", traineeName: "A", traineeCpr: "0101041234", educationCode: "E",
  paidHoursPerWeek: 37, probation: { months: 3 }, underEudLaw: false, employerSector: "private", civilServantOnProbation: false,
  attachment: "signed-agreement", signedByBoth: true, agreementStart: "2023-10-01", agreementEnd: "2028-09-30",
};

function all(): Finding[] {
  const fs: Finding[] = [];
  const ex = apprenticeExemption(N, [EDU], { asOf: "2023-11-01" });
  fs.push(...ex.because);
  for (const over of [{ probation: undefined }, { attachment: "none" as const }, { terminatedOn: "2023-10-02" }, { agreementEnd: "2023-11-01" }, { underEudLaw: true }, { civilServantOnProbation: true }, { educationCode: "X" }, { paidHoursPerWeek: 0 }, { signedByBoth: false }, { attachment: "letter-of-appointment" as const }])
    fs.push(...apprenticeExemption({ ...N, ...over }, [EDU]).because);
  fs.push(...educationApplicationFindings({ id: "A", educationName: "", receivedOn: "2024-01-01" }));
  fs.push(...approvedEducationEffect({ id: "A", educationName: "x", receivedOn: "2024-01-01" }).because);
  fs.push(...approvedEducationEffect({ id: "A", educationName: "x", receivedOn: "2024-01-01", decision: { approved: true, decidedOn: "2024-02-01" } }).because);
  for (const category of ["julemaerkefonden", "consular-representation", "religious-community"] as const)
    fs.push(...contributionLiability({ ...employer, category }, Q(2024, 1)).because);
  fs.push(...contributionLiability({ ...employer, atpCovered: false }, Q(2024, 1)).because);
  fs.push(...religiousExemptQuarters({ receivedOn: "2024-01-01" }).because);
  fs.push(...religiousExemptQuarters({ receivedOn: "2024-01-01", documentationReceivedOn: "2024-01-01", conditionLapsedNoticeOn: "2024-08-01" }).because);
  fs.push(...religiousExemptQuarters({ receivedOn: "2024-01-01", documentationReceivedOn: "2024-01-01", conditionLapsedNoticeOn: "2024-02-01" }).because);
  const exemptTrainees = ex.value === null ? [] : [ex.value, { ...ex.value, cpr: "0202052345" as typeof cprA }];
  fs.push(...unitQuarterContribution(report({ totalOere: 3 * FULL + 7, persons: [{ cpr: cprA, amountOere: FULL }] }), { employer, unit, exemptTrainees }).because);
  fs.push(...unitQuarterContribution(report({ totalOere: FULL / 3 }), { employer, unit, policy: "proportional" }).because);
  fs.push(...unitQuarterContribution(report({ quarter: Q(2023, 4) }), { employer, unit }).because);
  fs.push(...unitQuarterContribution(report({ quarter: Q(2025, 1) }), { employer, unit }).because);
  fs.push(...unitQuarterContribution(report({ totalOere: -1, version: 0, unitId: "U9", persons: [{ cpr: cprA, amountOere: -1 }] }), { employer, unit }).because);
  fs.push(...unitQuarterContribution(report({ totalOere: 1, persons: [{ cpr: cprA, amountOere: 2 }] }), { employer, unit }).because);
  fs.push(...recalculate(0, report({ version: 2 }), { employer, unit }).because);
  fs.push(...contributionHistory([report({ version: 2, quarter: Q(2024, 2) }), report()], { employer, unit }).because);
  fs.push(...employerQuarterStatement(employer, [unit], Q(2024, 1), [report({ unitId: "UX" })]).because);
  const line = { institutionId: "I", cpr: "", education: "", speciality: "", supplementaryStudyPreparatory: false, weeks: 9, from: "2024-12-30", to: "2025-01-02" };
  fs.push(...refundForLines([line, { ...line, from: "2024-02-01", to: "2024-01-01" }]).because);
  fs.push(...quarterlyPrepayments(2024, 10).because, ...quarterlyPrepayments(2024, -1).because);
  fs.push(...yearEndSettlement({ year: 2024, lines: [], prepayments: [{ quarter: Q(2023, 1), amountOere: -1 }], administrationOere: -1 }).because);
  fs.push(...yearEndSettlement({ year: 2024, lines: [], prepayments: [], administrationOere: 0 }).because);
  fs.push(...checkAttestation([], { institutionId: "I", year: 2024, attestedWeeks: 0 }).because, ...checkAttestation([], { institutionId: "I", year: 2024, attestedWeeks: 1 }).because);
  return fs;
}

describe("findings of seed 004", () => {
  const fs = all();
  const ours = fs.filter((f) => f.rule.startsWith("aub."));

  it("the sample reaches many distinct rules", () => {
    expect(new Set(ours.map((f) => f.rule)).size).toBeGreaterThan(60);
  });

  it("every aub.* finding has a subject, a value, a paragraph of seed 004 (or a facts.md row) and both languages", () => {
    for (const f of ours) {
      expect(f.subject, f.rule).toBeTruthy();
      expect(f.value, f.rule).not.toBeUndefined();
      if (f.cite.seed === "004") expect(f.cite.ref, f.rule).toMatch(/^§ \d+(, stk\. \d+)?$/);
      else expect(f.cite).toMatchObject({ seed: "reference", ref: expect.stringMatching(/^facts\.md/) });
      expect(f.message.da, f.rule).toBeTruthy();
      expect(f.message.en, f.rule).toBeTruthy();
    }
  });

  it("no finding carries a whole CPR number", () => {
    for (const f of fs) {
      const text = `${f.message.en} ${f.message.da ?? ""} ${String(f.value)}`;
      expect(text, f.rule).not.toMatch(/0101041234|010104-1234|0202052345/);
    }
  });
});
