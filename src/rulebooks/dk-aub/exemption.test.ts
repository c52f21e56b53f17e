import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasErrors } from "../../kernel/law.ts";
import { addDays, addMonths } from "../../kernel/time/date.ts";
import { unitQuarterContribution } from "./contribution.ts";
import {
  apprenticeExemption,
  approvedEducationEffect,
  checkNotification,
  educationApplicationFindings,
  educationEffectiveFrom,
  lastDayOf,
} from "./exemption.ts";
import { employer, FULL, Q, RATE_Q, report, unit } from "./fixtures.test-helpers.ts";
import type { AgreementNotification, EducationApplication, ExemptEducation } from "./model.ts";

const SMED: ExemptEducation = { code: "EUD-SMED", name: "Smed", law20Stk4Nr: 1, normalDurationMonths: 48, origin: { kind: "list" } };
const NR3: ExemptEducation = { code: "NR3", name: "Uddannelse efter nr. 3", law20Stk4Nr: 3, normalDurationMonths: 60, origin: { kind: "list" } };
const APPROVED: ExemptEducation = { code: "NEW", name: "Ny uddannelse", law20Stk4Nr: 2, normalDurationMonths: 24, origin: { kind: "approved", approvedOn: "2024-05-20" } };
const EDUS = [SMED, NR3, APPROVED];

const N: AgreementNotification = {
  id: "N1",
  notifiedOn: "2024-01-05",
  employerCvr: "12345674",
  traineeName: "Ida Jensen",
  traineeCpr: "010104-1234",
  educationCode: "EUD-SMED",
  educationName: "Smed",
  paidHoursPerWeek: 37,
  probation: { months: 3 },
  underEudLaw: false,
  employerSector: "private",
  civilServantOnProbation: false,
  attachment: "signed-agreement",
  signedByBoth: true,
  agreementStart: "2024-01-15",
  agreementEnd: "2027-01-14",
};
const n = (over: Partial<AgreementNotification>): AgreementNotification => ({ ...N, ...over });
function without<K extends keyof AgreementNotification>(k: K): AgreementNotification {
  const copy = { ...N };
  delete copy[k];
  return copy;
}

describe("§ 4: exempt educations and applications", () => {
  const app: EducationApplication = { id: "A1", educationName: "Ny uddannelse", content: "…", legalBasis: "BEK nr. …", otherFacts: "…", law20Stk4Nr: 2, receivedOn: "2024-02-01" };

  it("§ 4, stk. 2: a complete application has no findings", () => {
    expect(educationApplicationFindings(app)).toEqual([]);
  });

  it.each([
    ["content", "error"],
    ["legalBasis", "error"],
    ["educationName", "error"],
    ["otherFacts", "info"],
    ["law20Stk4Nr", "warning"],
  ] as const)("§ 4, stk. 2: missing %s → %s on that field", (field, severity) => {
    const a = { ...app } as Record<string, unknown>;
    delete a[field];
    const fs = educationApplicationFindings(a as unknown as EducationApplication);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ subject: field, severity, cite: { seed: "004", ref: "§ 4, stk. 2" } });
  });

  it.each([
    ["2024-03-31", Q(2024, 1)], // approved on the last day of a quarter: effective from that quarter
    ["2024-04-01", Q(2024, 2)], // approved on the first day of a quarter: from that quarter
  ])("§ 4, stk. 3: approved on %s → effective from %o", (decidedOn, q) => {
    const d = approvedEducationEffect({ ...app, decision: { approved: true, decidedOn } });
    expect(d.value).toEqual(q);
    expect(d.because[0]?.cite.ref).toBe("§ 4, stk. 3");
  });

  it("§ 4, stk. 3: undecided or refused gives no exemption", () => {
    expect(approvedEducationEffect(app).value).toBeNull();
    expect(approvedEducationEffect({ ...app, decision: { approved: false, decidedOn: "2024-04-01" } }).value).toBeNull();
  });

  it("an approved education gives exemption from the first day of the quarter of approval", () => {
    expect(educationEffectiveFrom(APPROVED)).toBe("2024-04-01");
    expect(educationEffectiveFrom(SMED)).toBeUndefined();
  });
});

describe("§ 5: the notification", () => {
  it("a complete notification passes", () => {
    const d = checkNotification(N, EDUS);
    expect(hasErrors(d.because)).toBe(false);
    expect(d.value?.cpr).toBe("0101041234");
    expect(d.value?.cvr).toBe("12345674");
  });

  it.each([
    ["employerCvr", without("employerCvr"), "§ 5, stk. 1"],
    ["traineeName", without("traineeName"), "§ 5, stk. 1"],
    ["traineeCpr", without("traineeCpr"), "§ 5, stk. 1"],
    ["paidHoursPerWeek", without("paidHoursPerWeek"), "§ 5, stk. 1"],
    ["probation", without("probation"), "§ 5, stk. 1"],
    ["educationName", n({ educationCode: "", educationName: "" }), "§ 5, stk. 1"],
  ])("§ 5, stk. 1: missing %s is an error on that field", (field, notification, ref) => {
    const d = checkNotification(notification, EDUS);
    expect(d.value).toBeNull();
    const f = d.because.find((x) => x.severity === "error");
    expect(f).toMatchObject({ subject: field, cite: { seed: "004", ref } });
    expect(f?.message.da).toBeDefined();
  });

  it("the SE number may stand in for the CVR number", () => {
    expect(checkNotification(n({ employerCvr: undefined, employerSe: "31000009" }), EDUS).value?.se).toBe("31000009");
  });

  it("a CVR with a wrong check digit is refused by the kernel parser, on the field", () => {
    const d = checkNotification(n({ employerCvr: "12345675" }), EDUS);
    expect(d.value).toBeNull();
    expect(d.because.find((f) => f.severity === "error")).toMatchObject({ subject: "employerCvr", rule: "id.cvr.checksum" });
  });

  it("an impossible CPR date is refused, and the CPR is never echoed whole", () => {
    const d = checkNotification(n({ traineeCpr: "3202041234" }), EDUS);
    expect(d.value).toBeNull();
    const f = d.because.find((x) => x.subject === "traineeCpr");
    expect(String(f?.value)).not.toContain("1234");
  });

  it.each([0, -1, 200, Number.NaN])("paid hours %s are invalid", (h) => {
    expect(checkNotification(n({ paidHoursPerWeek: h }), EDUS).because.find((f) => f.severity === "error")?.subject).toBe("paidHoursPerWeek");
  });

  it("an education not on the list is refused with a pointer to § 4, stk. 2", () => {
    const d = checkNotification(n({ educationCode: "XYZ", educationName: "Ukendt" }), EDUS);
    expect(d.because.find((f) => f.severity === "error")).toMatchObject({ subject: "educationCode", cite: { ref: "§ 4, stk. 1" } });
  });

  it.each<[string, Partial<AgreementNotification>, string | null, string | null]>([
    ["private, signed agreement", {}, null, null],
    ["private, agreement not signed by both", { signedByBoth: false }, "signedByBoth", "§ 5, stk. 1"],
    ["private, nothing attached", { attachment: "none" }, "attachment", "§ 5, stk. 1"],
    ["private, letter of appointment", { attachment: "letter-of-appointment" }, "attachment", "§ 5, stk. 3"],
    ["EUD agreement, nothing attached", { underEudLaw: true, attachment: "none" }, null, null],
    ["municipality, letter of appointment", { employerSector: "municipality", attachment: "letter-of-appointment" }, null, null],
    ["state, letter of appointment", { employerSector: "state", attachment: "letter-of-appointment" }, null, null],
    ["region, nothing attached", { employerSector: "region", attachment: "none" }, "attachment", "§ 5, stk. 1"],
  ])("§ 5, stk. 1–3: %s", (_what, over, errorField, ref) => {
    const d = checkNotification(n(over), EDUS);
    const err = d.because.find((f) => f.severity === "error");
    if (errorField === null) expect(err).toBeUndefined();
    else expect(err).toMatchObject({ subject: errorField, cite: { ref } });
  });

  it("EUD: an info finding cites § 5, stk. 2", () => {
    expect(checkNotification(n({ underEudLaw: true, attachment: "none" }), EDUS).because.some((f) => f.cite.ref === "§ 5, stk. 2")).toBe(true);
  });
});

describe("§ 6, stk. 1: normal duration, 3-year cap, at least 3 months", () => {
  it("exemption for the agreement, within the normal duration", () => {
    const d = apprenticeExemption(N, EDUS);
    expect(d.value).toMatchObject({ from: "2024-01-15", to: "2027-01-14", fromQuarter: Q(2024, 1), toQuarter: Q(2027, 1), cpr: "0101041234" });
  });

  it("an agreement longer than the normal duration is cut at the normal duration", () => {
    const d = apprenticeExemption(n({ agreementEnd: "2029-06-30" }), EDUS);
    expect(d.value?.to).toBe("2028-01-14"); // 48 months from 15 Jan 2024
    expect(d.because.find((f) => f.rule === "aub.exemption.ends")?.subject).toBe("educationCode");
  });

  it("§ 20, stk. 4, nr. 3: at most 3 years", () => {
    const d = apprenticeExemption(n({ educationCode: "NR3", agreementEnd: "2028-12-31" }), EDUS);
    expect(d.value?.to).toBe("2027-01-14");
  });

  it.each([
    ["exactly 3 months", "2024-01-15", "2024-04-14", true],
    ["one day short of 3 months", "2024-01-15", "2024-04-13", false],
    ["3 months from the first of a month", "2024-01-01", "2024-03-31", true],
    ["3 months from 30 November (clamped to February's end)", "2024-11-30", "2025-02-27", true],
    ["3 months from 30 November, one day short", "2024-11-30", "2025-02-26", false],
  ])("%s (%s–%s) qualifies: %s", (_w, start, end, ok) => {
    const d = apprenticeExemption(n({ agreementStart: start, agreementEnd: end }), EDUS);
    expect(d.value !== null).toBe(ok);
    if (!ok) expect(d.because.find((f) => f.severity === "error")).toMatchObject({ rule: "aub.exemption.shorter-than-3-months", cite: { ref: "§ 6, stk. 1" } });
  });

  it("the agreed extent counts, not the actual: terminated after probation but before 3 months still qualifies, up to the termination", () => {
    const d = apprenticeExemption(n({ probation: { weeks: 4 }, terminatedOn: "2024-03-01" }), EDUS);
    expect(d.value?.to).toBe("2024-03-01");
  });

  it("missing or reversed agreement dates are errors on the field", () => {
    expect(apprenticeExemption(without("agreementStart"), EDUS).because.find((f) => f.severity === "error")?.subject).toBe("agreementStart");
    expect(apprenticeExemption(n({ agreementEnd: "2023-01-01" }), EDUS).because.find((f) => f.severity === "error")?.subject).toBe("agreementEnd");
  });

  it("§ 4, stk. 3: an approved education gives exemption from its approval quarter only", () => {
    const d = apprenticeExemption(n({ educationCode: "NEW", agreementStart: "2024-02-01", agreementEnd: "2025-12-31" }), EDUS);
    expect(d.value?.from).toBe("2024-04-01");
    expect(d.because.some((f) => f.rule === "aub.exemption.from-education-effect" && f.cite.ref === "§ 4, stk. 3")).toBe(true);
  });

  it("an agreement that ended before the education was approved gives nothing", () => {
    const d = apprenticeExemption(n({ educationCode: "NEW", agreementStart: "2023-09-01", agreementEnd: "2024-03-31" }), EDUS);
    expect(d.value).toBeNull();
  });

  it("a late notification works back, with a finding", () => {
    const d = apprenticeExemption(n({ notifiedOn: "2024-06-01" }), EDUS);
    expect(d.value?.from).toBe("2024-01-15");
    expect(d.because.some((f) => f.rule === "aub.exemption.notified-late")).toBe(true);
  });
});

describe("§ 6, stk. 2: not terminated within the probation; 3 months for civil servants", () => {
  it.each([
    ["terminated on the probation's last day", { months: 3 }, "2024-04-14", false],
    ["terminated the day after the probation", { months: 3 }, "2024-04-15", true],
    ["terminated on the first day", { months: 3 }, "2024-01-15", false],
    ["4 weeks' probation, terminated on day 28", { weeks: 4 }, "2024-02-11", false],
    ["4 weeks' probation, terminated on day 29", { weeks: 4 }, "2024-02-12", true],
    ["no probation, terminated on day 1", { days: 0 }, "2024-01-15", true],
  ] as const)("%s (%o, %s) → exempt: %s", (_w, probation, terminatedOn, ok) => {
    const d = apprenticeExemption(n({ probation, terminatedOn }), EDUS);
    expect(d.value !== null).toBe(ok);
    if (!ok) expect(d.because.at(-1)).toMatchObject({ rule: "aub.exemption.terminated-in-probation", subject: "terminatedOn", cite: { ref: "§ 6, stk. 2" } });
    else expect(d.value?.to).toBe(terminatedOn);
  });

  it("civil servant on probation: probation counts as 3 months whatever was notified, and need not be notified", () => {
    const cs = n({ civilServantOnProbation: true, employerSector: "state", probation: { weeks: 2 } });
    expect(apprenticeExemption({ ...cs, terminatedOn: "2024-04-14" }, EDUS).value).toBeNull();
    expect(apprenticeExemption({ ...cs, terminatedOn: "2024-04-15" }, EDUS).value).not.toBeNull();
    const noProbation = { ...cs };
    delete noProbation.probation;
    expect(hasErrors(checkNotification(noProbation, EDUS).because)).toBe(false);
  });

  it("asOf inside the probation marks the exemption provisional", () => {
    const d = apprenticeExemption(N, EDUS, { asOf: "2024-03-01" });
    expect(d.because.find((f) => f.rule === "aub.exemption.provisional")).toMatchObject({ severity: "warning", value: "2024-04-14" });
    expect(apprenticeExemption(N, EDUS, { asOf: "2024-04-15" }).because.some((f) => f.rule === "aub.exemption.provisional")).toBe(false);
  });

  it("property: lastDayOf(start, n months) is the day before the same date n months on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, months) => {
        const start = addDays("2020-01-01", offset);
        expect(lastDayOf(start, { months })).toBe(addDays(addMonths(start, months), -1));
      }),
    );
  });
});

describe("§§ 4–6 into § 3: the exemption takes the trainee out of the next quarter's basis", () => {
  it("incomplete notification, then completed: the contribution drops by one quarter's rate", () => {
    const incomplete = apprenticeExemption(without("probation"), EDUS);
    expect(incomplete.value).toBeNull();
    expect(incomplete.because.find((f) => f.severity === "error")).toMatchObject({ subject: "probation", cite: { ref: "§ 5, stk. 1" } });
    const done = apprenticeExemption(N, EDUS);
    if (done.value === null) throw new Error("expected an exemption");
    const r = report({ quarter: Q(2024, 2), totalOere: 5 * FULL, persons: [{ cpr: done.value.cpr, amountOere: FULL }] });
    const before = unitQuarterContribution(r, { employer, unit }).value?.contributionOere;
    const after = unitQuarterContribution(r, { employer, unit, exemptTrainees: [done.value] }).value?.contributionOere;
    expect(before).toBe(5 * RATE_Q);
    expect(after).toBe(4 * RATE_Q);
  });
});
