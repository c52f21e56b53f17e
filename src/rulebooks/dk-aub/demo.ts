/**
 * AUB demo data (registered in compose.ts `demoSeeders` for the module "aub"; the demo institution is
 * "AUB – Arbejdsgivernes Uddannelsesbidrag (demo)", code 990100). Deterministic: fixed names, CVR/SE numbers with
 * valid check digits computed from fixed stems, fixed amounts and dates in 2024 (the year the shipped rates cover).
 *
 * - exempt educations (§ 4, stk. 1) and one application under § 4, stk. 2 (undecided);
 * - employers: two ordinary (one with two units), a diplomatic representation (§ 2), a religious community exempt from
 *   2024Q2 on application (§ 2, stk. 2) and a consular representation without posted staff (liable);
 * - ATP reports for 2024Q1–Q4 of every unit, with per-person lines for the trainees, and a correction of 2024Q2;
 * - agreements: one complete (exempt), one missing the probation length (§ 5 finding, no exemption);
 * - school weeks of two institutions for 2024, the prepayments and an attestation.
 *
 * CPR numbers are synthetic (dates with serials 9xxx; no real person).
 */
import { audit } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { Actor } from "../../platform/http/context.ts";
import { cvrCheckDigit } from "../../kernel/ids/cvr.ts";
import * as service from "./service.ts";

/** A CVR/SE number with a valid modulus-11 check digit from a 7-digit stem (the next stem when it has none). */
export function validCvr(stem: number): string {
  for (let s = stem; ; s++) {
    const first7 = String(s).padStart(7, "0");
    const d = cvrCheckDigit(first7);
    if (d !== undefined && first7[0] !== "0") return first7 + String(d);
  }
}

export const DEMO_FULL = 85_200; // one full quarter's ATP amount (parameters/atp.ts), in øre

export const DEMO = {
  tomrer: { cvr: validCvr(3110001), name: "Tømrerfirmaet Hansen ApS", units: [validCvr(3110101), validCvr(3110201)] },
  kontor: { cvr: validCvr(4220001), name: "Nordisk Kontor A/S", units: [validCvr(4220101)] },
  ambassade: { cvr: validCvr(5330001), name: "Ambassaden for Demoland", units: [validCvr(5330101)] },
  kirke: { cvr: validCvr(6440001), name: "Frikirken Demo", units: [validCvr(6440101)] },
  konsulat: { cvr: validCvr(7550001), name: "Honorært konsulat for Demoland", units: [validCvr(7550101)] },
  /** Trainees (synthetic CPR). `lise` has ATP lines at Nordisk Kontor but no agreement yet (the browser test notifies it). */
  trainees: { mads: "0203059001", sofie: "1106049002", lise: "2409069003" },
};

export async function seedAubDemo(db: Db, institution: { id: string; code: string }): Promise<void> {
  const actor: Actor = { userId: null, label: "demo", institutionId: institution.id, roles: ["admin"], via: "cli" };

  // § 4, stk. 1: the list (illustrative entries; the real list is at virk.dk/aub)
  const educations: service.EducationInput[] = [
    { code: "EUD-TOEMRER", name: "Tømrer (EUD)", law20Stk4Nr: 1, normalDurationMonths: 48 },
    { code: "EUD-KONTOR", name: "Kontoruddannelse (EUD)", law20Stk4Nr: 1, normalDurationMonths: 24 },
    { code: "SOSU-HJ", name: "Social- og sundhedshjælper", law20Stk4Nr: 1, normalDurationMonths: 14 },
    { code: "PRAKTIK-NR3", name: "Praktik i videregående uddannelse (§ 20, stk. 4, nr. 3)", law20Stk4Nr: 3, normalDurationMonths: 48 },
  ];
  for (const e of educations) await service.addEducation(db, actor, e);
  await service.createApplication(db, actor, { educationName: "Havnearbejder (AMU-forløb)", content: "Praktisk uddannelse i havnedrift, 18 måneder.", legalBasis: "", receivedOn: "2024-09-12" });

  // §§ 1–2: employers and units
  const mk = async (x: { cvr: string; name: string; units: string[] }, extra: Partial<service.EmployerInput> = {}) =>
    service.createEmployer(db, actor, {
      cvr: x.cvr,
      name: x.name,
      atpCovered: true,
      category: null,
      hasPostedStaff: null,
      religiousApplications: [],
      units: x.units.map((se, i) => ({ se, name: x.units.length > 1 ? `${x.name}, afdeling ${i + 1}` : x.name })),
      ...extra,
    });
  await mk(DEMO.tomrer);
  await mk(DEMO.kontor);
  await mk(DEMO.ambassade, { category: "diplomatic-representation" });
  await mk(DEMO.kirke, { category: "religious-community", religiousApplications: [{ receivedOn: "2024-04-01", documentationReceivedOn: "2024-04-01" }] });
  await mk(DEMO.konsulat, { category: "consular-representation", hasPostedStaff: false });

  // § 3: ATP reports 2024Q1–Q4 (whole and part-time amounts, trainees as person lines)
  const F = DEMO_FULL;
  const t = DEMO.trainees;
  const plan: { se: string; totals: number[]; persons?: (q: number) => { cpr: string; amountOere: number }[] }[] = [
    { se: DEMO.tomrer.units[0]!, totals: [12 * F, 12 * F + 40_000, 13 * F, 13 * F], persons: () => [{ cpr: t.mads, amountOere: F }] },
    { se: DEMO.tomrer.units[1]!, totals: [4 * F + 30_000, 4 * F + 30_000, 5 * F, 5 * F] },
    { se: DEMO.kontor.units[0]!, totals: [10 * F, 10 * F, 10 * F, 11 * F], persons: (q) => (q >= 3 ? [{ cpr: t.sofie, amountOere: F }, { cpr: t.lise, amountOere: F }] : [{ cpr: t.sofie, amountOere: F }]) },
    { se: DEMO.ambassade.units[0]!, totals: [6 * F, 6 * F, 6 * F, 6 * F] },
    { se: DEMO.kirke.units[0]!, totals: [3 * F, 3 * F, 3 * F, 3 * F] },
    { se: DEMO.konsulat.units[0]!, totals: [2 * F, 2 * F, 2 * F, 2 * F] },
  ];
  const receivedOn = ["2024-04-20", "2024-07-20", "2024-10-20", "2025-01-20"];
  for (const p of plan)
    for (let q = 1; q <= 4; q++)
      await service.fileAtpReport(db, actor, { se: p.se, quarter: `2024Q${q}`, totalOere: p.totals[q - 1]!, receivedOn: receivedOn[q - 1]!, persons: p.persons?.(q) ?? [] });
  // § 3, stk. 2: a correction of an earlier quarter (2024Q2 of unit 2 at Tømrerfirmaet: one more full-time employee)
  await service.fileAtpReport(db, actor, { se: DEMO.tomrer.units[1]!, quarter: "2024Q2", totalOere: 5 * F + 30_000, receivedOn: "2024-11-04", version: 1, reason: "Rettet ATP-indberetning: en medarbejder manglede (demo)" });

  // §§ 5–6: agreements
  await service.notifyAgreement(db, actor, {
    notifiedOn: "2024-01-20",
    employerCvr: DEMO.tomrer.cvr,
    traineeName: "Mads Lærling",
    traineeCpr: t.mads,
    educationCode: "EUD-TOEMRER",
    educationName: "Tømrer (EUD)",
    paidHoursPerWeek: 37,
    probation: { months: 3 },
    underEudLaw: true,
    employerSector: "private",
    civilServantOnProbation: false,
    attachment: "none",
    agreementStart: "2024-01-15",
    agreementEnd: "2027-08-14",
  });
  await service.notifyAgreement(db, actor, {
    notifiedOn: "2024-02-05",
    employerCvr: DEMO.kontor.cvr,
    traineeName: "Sofie Elev",
    traineeCpr: t.sofie,
    educationCode: "EUD-KONTOR",
    educationName: "Kontoruddannelse (EUD)",
    paidHoursPerWeek: 37,
    // the probation length is missing (§ 5, stk. 1): no exemption until it is completed
    underEudLaw: true,
    employerSector: "private",
    civilServantOnProbation: false,
    attachment: "none",
    agreementStart: "2024-02-01",
    agreementEnd: "2026-01-31",
  });

  // §§ 7–11: school weeks, prepayments, attestation
  const line = (cpr: string, speciality: string, part: "grundforloeb" | "hovedforloeb", weeks: number, from: string, to: string): service.SchoolWeekLineInput => ({
    cpr,
    education: "Tømrer",
    speciality,
    part,
    supplementaryStudyPreparatory: true,
    weeks,
    from,
    to,
  });
  await service.reportSchoolWeeks(db, actor, {
    school: "Demo Erhvervsskole Syd",
    receivedOn: "2024-06-28",
    lines: [line("0203059001", "Tømrer", "grundforloeb", 4, "2024-02-05", "2024-03-01"), line("1010049004", "Tømrer", "hovedforloeb", 3, "2024-05-06", "2024-05-24")],
  });
  await service.reportSchoolWeeks(db, actor, {
    school: "Demo Erhvervsskole Nord",
    receivedOn: "2024-12-20",
    lines: [line("0505059005", "Snedker", "hovedforloeb", 5, "2024-09-02", "2024-10-04"), line("0606069006", "Snedker", "grundforloeb", 2, "2024-11-04", "2024-11-15")],
  });
  await service.setPrepayments(db, actor, { year: 2024, estimatedGrantOere: 2_000_000, administrationOere: 150_000 });
  await service.attest(db, actor, { school: "Demo Erhvervsskole Syd", year: 2024, attestedWeeks: 7 });
  await audit(db.kysely, actor, { action: "aub.demo.seed", entity: "aub_employer", detail: { employers: 5 } });
}

/**
 * Cross-tenant fixture (compose.ts `crossTenantFixtures`): an employer with a unit, a report, an agreement and school
 * weeks in the actor's institution; the route walker then tries them as another institution.
 */
export async function aubCrossTenantFixture(db: Db, actorOfA: Actor): Promise<Record<string, string>> {
  const actor = { ...actorOfA, roles: actorOfA.roles.length ? actorOfA.roles : (["admin"] as Actor["roles"]) };
  await service.addEducation(db, actor, { code: "X-EUD", name: "X EUD", law20Stk4Nr: 1, normalDurationMonths: 24 });
  const e = await service.createEmployer(db, actor, { cvr: validCvr(8660001), name: "Tenant A employer", atpCovered: true, category: null, hasPostedStaff: null, religiousApplications: [], units: [{ se: validCvr(8660101) }] });
  await service.fileAtpReport(db, actor, { se: validCvr(8660101), quarter: "2024Q2", totalOere: 3 * DEMO_FULL, receivedOn: "2024-07-20" });
  const a = await service.notifyAgreement(db, actor, { notifiedOn: "2024-05-01", employerCvr: validCvr(8660001), traineeName: "A", traineeCpr: "0101059999", educationCode: "X-EUD", underEudLaw: true, employerSector: "private", civilServantOnProbation: false, attachment: "none" });
  const app = await service.createApplication(db, actor, { educationName: "A's education", receivedOn: "2024-05-01" });
  await service.reportSchoolWeeks(db, actor, { school: "A school", receivedOn: "2024-06-01", lines: [{ cpr: "0101059999", education: "E", speciality: "S", part: "grundforloeb", supplementaryStudyPreparatory: true, weeks: 1, from: "2024-03-04", to: "2024-03-08" }] });
  // an added parameter row of A (a year nothing uses), for POST /parameters/:id/correction and the parameter list
  const added = await service.addParameter(db, actor, { kind: "su-rate", validFrom: "2030-01-01", validTo: "2030-12-31", valueOere: 700_000, source: "tenant A (test)", sureness: "low", secondary: true });
  const paramId = added.parameters.find((p) => p.origin === "added" && p.validFrom === "2030-01-01")!.id!;
  return {
    "/api/aub/parameters/:id": paramId,
    "/api/aub/employers/:id": e.employer.id,
    "/api/aub/agreements/:id": a.id,
    "/api/aub/education-applications/:id": app.id,
    id: e.employer.id,
    quarter: "2024Q2",
    year: "2024",
    employerId: e.employer.id,
    school: "A school",
    se: validCvr(8660101),
  };
}
