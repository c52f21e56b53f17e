import { describe, expect, it } from "vitest";
import { contributionLiability, religiousExemptQuarters } from "./employer.ts";
import { Q } from "./fixtures.test-helpers.ts";
import type { Employer, ExemptionCategory } from "./model.ts";

const base: Employer = { id: "E", name: "X", atpCovered: true };

describe("§ 1: employers covered by ATP owe contributions", () => {
  it("an ordinary ATP-covered employer is liable", () => {
    const d = contributionLiability(base, Q(2024, 2));
    expect(d.value).toBe(true);
    expect(d.because.at(-1)?.cite).toEqual({ seed: "004", ref: "§ 1" });
  });
  it("an employer not covered by ATP is not", () => {
    const d = contributionLiability({ ...base, atpCovered: false }, Q(2024, 2));
    expect(d.value).toBe(false);
    expect(d.because[0]?.subject).toBe("atpCovered");
  });
});

describe("§ 2, stk. 1: exempt employers", () => {
  it.each<[ExemptionCategory, boolean | undefined, boolean]>([
    ["julemaerkefonden", undefined, false],
    ["diplomatic-representation", undefined, false],
    ["international-organisation", undefined, false],
    ["consular-representation", true, false],
    ["consular-representation", false, true],
    ["consular-representation", undefined, true],
    ["religious-community", undefined, true],
  ])("%s (posted staff %s): liable = %s", (category, hasPostedStaff, liable) => {
    const e: Employer = { ...base, category };
    if (hasPostedStaff !== undefined) e.hasPostedStaff = hasPostedStaff;
    const d = contributionLiability(e, Q(2024, 1));
    expect(d.value).toBe(liable);
    expect(d.because.some((f) => f.cite.ref.startsWith("§ 2"))).toBe(true);
  });
});

describe("§ 2, stk. 2: religious communities, from the quarter of the documented application", () => {
  const rel = (apps: Employer["religiousApplications"]): Employer => ({ ...base, category: "religious-community", religiousApplications: apps });

  it.each([
    // received on the last day of a quarter → exempt from that quarter
    ["2024-03-31", "2024-03-31", Q(2024, 1)],
    // received on the first day of a quarter → exempt from that quarter, not the one before
    ["2024-04-01", "2024-04-01", Q(2024, 2)],
    // documentation arriving later moves the start to its quarter
    ["2024-03-31", "2024-04-01", Q(2024, 2)],
    // documentation dated before the application: the application's quarter
    ["2024-07-15", "2024-06-30", Q(2024, 3)],
  ])("application %s, documentation %s → from %o", (receivedOn, documentationReceivedOn, from) => {
    expect(religiousExemptQuarters({ receivedOn, documentationReceivedOn }).value).toEqual({ from });
  });

  it("no documentation: no exemption, a warning on the field", () => {
    const d = religiousExemptQuarters({ receivedOn: "2024-02-01" });
    expect(d.value).toBeNull();
    expect(d.because[0]).toMatchObject({ severity: "warning", subject: "documentationReceivedOn", cite: { ref: "§ 2, stk. 2" } });
  });

  it.each([
    // notice on the first day of Q4: exempt up to and including Q3
    ["2024-10-01", Q(2024, 3)],
    // notice on the last day of Q3: the exemption ends at the beginning of Q3, last exempt quarter Q2
    ["2024-09-30", Q(2024, 2)],
  ])("lapse notice %s → last exempt quarter %o", (notice, to) => {
    expect(religiousExemptQuarters({ receivedOn: "2024-01-10", documentationReceivedOn: "2024-01-10", conditionLapsedNoticeOn: notice }).value).toEqual({
      from: Q(2024, 1),
      to,
    });
  });

  it("a lapse notice in the quarter of the application leaves no exempt quarter", () => {
    const d = religiousExemptQuarters({ receivedOn: "2024-04-02", documentationReceivedOn: "2024-04-02", conditionLapsedNoticeOn: "2024-06-30" });
    expect(d.value).toBeNull();
  });

  it("liability quarter by quarter, with a second application after a lapse", () => {
    const e = rel([
      { receivedOn: "2024-03-31", documentationReceivedOn: "2024-03-31", conditionLapsedNoticeOn: "2024-07-01" },
      { receivedOn: "2024-12-31", documentationReceivedOn: "2024-12-31" },
    ]);
    const liable = [Q(2023, 4), Q(2024, 1), Q(2024, 2), Q(2024, 3), Q(2024, 4), Q(2025, 1)].map((q) => contributionLiability(e, q).value);
    expect(liable).toEqual([true, false, false, true, false, false]);
  });

  it("a religious community without application is liable, with the reason", () => {
    const d = contributionLiability(rel([]), Q(2024, 1));
    expect(d.value).toBe(true);
    expect(d.because.find((f) => f.rule === "aub.employer.religious.not-exempt-in-quarter")?.message.da).toMatch(/kun efter ansøgning/);
  });
});
