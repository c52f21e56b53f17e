import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import { makeInstitution } from "../../platform/http/testing.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { DEMO, DEMO_FULL as F, seedAubDemo, validCvr } from "./demo.ts";
import { statementPdf } from "./documents.ts";
import { aubMigrations } from "./migrations.ts";
import * as service from "./service.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;
const RATE = 78_725;

const employer = (stem: number, over: Partial<service.EmployerInput> = {}): service.EmployerInput => ({
  cvr: validCvr(stem),
  name: `Employer ${stem}`,
  atpCovered: true,
  category: null,
  hasPostedStaff: null,
  religiousApplications: [],
  units: [{ se: validCvr(stem + 100) }],
  ...over,
});

for (const target of testTargets()) {
  describe(`AUB service on ${target.kind}`, () => {
    let db: OpenDb;
    let actor: Actor;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...aubMigrations });
      const inst = await makeInstitution(db, "AUB demo test");
      actor = { userId: null, label: "test", institutionId: inst.id, roles: ["admin"], via: "cli" };
      await seedAubDemo(db, inst);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("demo: employers, charged contributions per quarter, the correction and the incomplete agreement", async () => {
      const list = await service.listEmployers(db, actor, {});
      expect(list.total).toBe(5);
      const byQ = (await service.listContributions(db, actor, {})).byQuarter;
      expect(byQ.map((q) => q.quarter)).toEqual(["2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
      const tomrer = list.items.find((e) => e.cvr === DEMO.tomrer.cvr)!;
      const st = await service.contributionStatement(db, actor, tomrer.id, "2024Q2");
      // unit 1: 12 full + remainder, Mads exempt (− 1 full) → 11; unit 2: corrected 4 → 5 full
      expect(st.units.map((u) => u.contribution?.fullQuarters)).toEqual(expect.arrayContaining([11, 5]));
      // § 3, stk. 2: unit 2's ATP correction adds one quarter; unit 1's exemption (Mads, notified after the report) takes one off
      const diffs = st.units.map((u) => [u.unit.se, u.charges.map((c) => [c.cause, c.differenceOere])]);
      expect(diffs).toEqual(
        expect.arrayContaining([
          [DEMO.tomrer.units[0], [["atp-report", 12 * RATE], ["exemption", -RATE]]],
          [DEMO.tomrer.units[1], [["atp-report", 4 * RATE], ["atp-correction", RATE]]],
        ]),
      );
      expect(st.correctionsOere).toBe(0);
      const agreements = await service.listAgreements(db, actor);
      expect(agreements.map((a) => [a.traineeName, a.errors > 0, a.exemptFrom])).toEqual(
        expect.arrayContaining([
          ["Mads Lærling", false, "2024-01-15"],
          ["Sofie Elev", true, null],
        ]),
      );
      const sofie = agreements.find((a) => a.traineeName === "Sofie Elev")!;
      const d = await service.getAgreement(db, actor, sofie.id);
      expect(d.findings.find((f) => f.subject === "probation")?.cite).toEqual({ seed: "004", ref: "§ 5, stk. 1" });
      // § 2: the embassy owes nothing; the religious community is exempt from 2024Q2 (application on 1 April); the consulate without posted staff pays
      const emb = list.items.find((e) => e.cvr === DEMO.ambassade.cvr)!;
      const kirke = list.items.find((e) => e.cvr === DEMO.kirke.cvr)!;
      const kons = list.items.find((e) => e.cvr === DEMO.konsulat.cvr)!;
      expect((await service.contributionStatement(db, actor, emb.id, "2024Q1")).totalOere).toBe(0);
      expect((await service.contributionStatement(db, actor, kirke.id, "2024Q1")).totalOere).toBe(3 * RATE);
      expect((await service.contributionStatement(db, actor, kirke.id, "2024Q2")).totalOere).toBe(0);
      expect((await service.contributionStatement(db, actor, kons.id, "2024Q1")).totalOere).toBe(2 * RATE);
      // § 8 / § 11
      const s = await service.settlement(db, actor, 2024);
      expect(s.settlement).toMatchObject({ eligibleWeeks: 14, prepaidOere: 2_000_000, administrationOere: 150_000 });
      expect(pdfText(await statementPdf(st, "en"))).toContain("Contribution statement");
    });

    it("the quarterly run (computeContributions) agrees with the charges", async () => {
      const run = await service.computeContributions(db, actor);
      const charged = (await service.listContributions(db, actor, {})).byQuarter;
      expect(charged.map((q) => [q.quarter, q.chargedOere])).toEqual([...run.byQuarter.entries()].sort());
    });

    // § 2, stk. 2: the quarter the documented application is received in; the quarter before the lapse notice
    it.each([
      ["application on the last day of Q1", "2024-03-31", undefined, ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]],
      ["application on the first day of Q2", "2024-04-01", undefined, ["2024Q2", "2024Q3", "2024Q4"]],
      ["lapse notice on the first day of Q4", "2024-01-10", "2024-10-01", ["2024Q1", "2024Q2", "2024Q3"]],
      ["lapse notice on the last day of Q3", "2024-01-10", "2024-09-30", ["2024Q1", "2024Q2"]],
    ] as const)("§ 2, stk. 2: %s → exempt quarters %j", async (_label, received, lapse, exempt) => {
      const stem = 3000000 + Math.floor(Math.random() * 900000);
      const e = await service.createEmployer(db, actor, employer(stem, { category: "religious-community" }));
      for (const q of [1, 2, 3, 4]) await service.fileAtpReport(db, actor, { se: validCvr(stem + 100), quarter: `2024Q${q}`, totalOere: 2 * F, receivedOn: "2025-01-20" });
      const upd = await service.updateEmployer(db, actor, e.employer.id, {
        name: e.employer.name,
        atpCovered: true,
        category: "religious-community",
        hasPostedStaff: null,
        religiousApplications: [{ receivedOn: received, documentationReceivedOn: received, conditionLapsedNoticeOn: lapse }],
        version: 1,
        reason: "application received",
      });
      expect(upd.recalculated.map((r) => r.quarter).sort()).toEqual([...exempt]);
      expect(upd.recalculated.every((r) => r.differenceOere === -2 * RATE)).toBe(true);
    });

    // §§ 5–6 through the service: the exemption and the quarters it takes the trainee out of
    it.each([
      ["exactly 3 months (15 Jan–14 Apr) qualifies", { agreementStart: "2024-01-15", agreementEnd: "2024-04-14" }, ["2024Q1", "2024Q2"]],
      ["one day short of 3 months gives nothing", { agreementStart: "2024-01-15", agreementEnd: "2024-04-13" }, []],
      ["terminated on the probation's last day gives nothing", { agreementStart: "2024-01-01", agreementEnd: "2025-12-31", terminatedOn: "2024-03-31" }, []],
      ["terminated the day after the probation: exempt until the termination", { agreementStart: "2024-01-01", agreementEnd: "2025-12-31", terminatedOn: "2024-04-01" }, ["2024Q1", "2024Q2"]],
      ["starting on the last day of a quarter counts that quarter", { agreementStart: "2024-06-30", agreementEnd: "2025-12-31" }, ["2024Q2", "2024Q3", "2024Q4"]],
      ["starting on the first day of a quarter", { agreementStart: "2024-07-01", agreementEnd: "2025-12-31" }, ["2024Q3", "2024Q4"]],
    ] as const)("§ 6: %s", async (_label, period, quarters) => {
      const stem = 4000000 + Math.floor(Math.random() * 900000);
      const cpr = "0102039876";
      await service.createEmployer(db, actor, employer(stem));
      for (const q of [1, 2, 3, 4]) await service.fileAtpReport(db, actor, { se: validCvr(stem + 100), quarter: `2024Q${q}`, totalOere: 3 * F, receivedOn: "2025-01-20", persons: [{ cpr, amountOere: F }] });
      const a = await service.notifyAgreement(db, actor, {
        notifiedOn: "2024-01-05",
        employerCvr: validCvr(stem),
        traineeName: "T",
        traineeCpr: cpr,
        educationCode: "EUD-TOEMRER",
        paidHoursPerWeek: 37,
        probation: { months: 3 },
        underEudLaw: true,
        employerSector: "private",
        civilServantOnProbation: false,
        attachment: "none",
        ...period,
      });
      expect(a.recalculated!.map((r) => r.quarter).sort()).toEqual([...quarters]);
      expect(a.recalculated!.every((r) => r.differenceOere === -RATE)).toBe(true);
    });

    // § 4, stk. 3 with § 3, stk. 2: approving an education re-evaluates the agreements that name it
    it("§ 4, stk. 3: approving an education rechecks its agreements; quarters from the approval's quarter are recalculated as new charges", async () => {
      const stem = 5200000;
      const cpr = "0304051234";
      const other = "0405061234";
      const e = await service.createEmployer(db, actor, employer(stem));
      const se = validCvr(stem + 100);
      for (const q of [1, 2, 3, 4]) await service.fileAtpReport(db, actor, { se, quarter: `2024Q${q}`, totalOere: 4 * F, receivedOn: "2025-01-20", persons: [{ cpr, amountOere: F }, { cpr: other, amountOere: F }] });
      const app = await service.createApplication(db, actor, { educationName: "Dyrepasser, zoo (test)", content: "2 år, skole og praktik", legalBasis: "bekendtgørelse nr. 1 af 2023", law20Stk4Nr: 2, normalDurationMonths: 24, receivedOn: "2024-02-01" });
      const agreement = (cprOf: string, over: Partial<service.AgreementInput> = {}): service.AgreementInput => ({
        notifiedOn: "2024-02-10",
        employerCvr: validCvr(stem),
        traineeName: "Zoe",
        traineeCpr: cprOf,
        educationName: "Dyrepasser, zoo (test)",
        paidHoursPerWeek: 37,
        probation: { months: 3 },
        underEudLaw: true,
        employerSector: "private",
        civilServantOnProbation: false,
        attachment: "none",
        agreementStart: "2024-02-01",
        agreementEnd: "2026-01-31",
        ...over,
      });
      const a = await service.notifyAgreement(db, actor, agreement(cpr));
      // before the approval: saved with the § 4 finding, no exemption, nothing recalculated
      expect(a.findings.map((f) => f.rule)).toContain("aub.notification.education-not-exempt");
      expect(a.exemption).toBeNull();
      expect(a.recalculated).toEqual([]);
      // an agreement naming another (listed) education is not touched by the approval
      const b = await service.notifyAgreement(db, actor, agreement(other, { educationName: undefined, educationCode: "EUD-TOEMRER", traineeName: "Bo" }));
      expect(b.exemption).not.toBeNull();
      const bVersion = b.version;
      const before = (await service.listContributions(db, actor, { employerId: e.employer.id })).items.map((r) => [r.quarter, r.chargedOere]);
      expect(before).toEqual([["2024Q1", 3 * RATE], ["2024Q2", 3 * RATE], ["2024Q3", 3 * RATE], ["2024Q4", 3 * RATE]]);

      // approved on 15 August 2024 → effect from 2024Q3 (§ 4, stk. 3), not from the agreement's start
      const d = await service.decideApplication(db, actor, app.id, { approved: true, decidedOn: "2024-08-15", code: "TEST-DYR" });
      expect(d.effectiveFrom).toBe("2024Q3");
      expect(d.rechecked).toEqual([{ agreementId: a.id, version: 2, before: { exemptFrom: null, exemptTo: null, errors: 1 }, after: { exemptFrom: "2024-07-01", exemptTo: "2026-01-31", errors: 0 } }]);
      expect(d.recalculated!.map((r) => [r.quarter, r.previousOere, r.contributionOere, r.differenceOere]).sort()).toEqual([
        ["2024Q3", 3 * RATE, 2 * RATE, -RATE],
        ["2024Q4", 3 * RATE, 2 * RATE, -RATE],
      ]);
      // corrections are new versions and new charges, never overwrites
      const after = await service.getAgreement(db, actor, a.id);
      expect(after.version).toBe(2);
      expect(after.history.map((h) => [h.version, h.errors])).toEqual([[1, 1], [2, 0]]);
      expect(after.history[1]!.reason).toContain("§ 4, stk. 3");
      expect(after.findings.map((f) => f.rule)).toContain("aub.exemption.from-education-effect");
      expect((await service.getAgreement(db, actor, b.id)).version).toBe(bVersion);
      const st = await service.contributionStatement(db, actor, e.employer.id, "2024Q3");
      expect(st.units[0]!.charges.map((c) => [c.cause, c.differenceOere])).toEqual([["atp-report", 4 * RATE], ["exemption", -RATE], ["education-approved", -RATE]]);
      const rows = (await service.listContributions(db, actor, { employerId: e.employer.id })).items.map((r) => [r.quarter, r.chargedOere]);
      expect(rows).toEqual([["2024Q1", 3 * RATE], ["2024Q2", 3 * RATE], ["2024Q3", 2 * RATE], ["2024Q4", 2 * RATE]]);
    });

    it("§ 4, stk. 3: a refused application rechecks nothing", async () => {
      const app = await service.createApplication(db, actor, { educationName: "Refused education (test)", content: "x", legalBasis: "y", receivedOn: "2024-02-01" });
      const d = await service.decideApplication(db, actor, app.id, { approved: false, decidedOn: "2024-05-01" });
      expect(d.rechecked).toEqual([]);
      expect(d.recalculated).toEqual([]);
      expect(d.effectiveFrom).toBeNull();
    });

    it("§ 3, stk. 2: correcting an earlier quarter after later ones leaves the later quarters alone", async () => {
      const stem = 5100000;
      await service.createEmployer(db, actor, employer(stem));
      const se = validCvr(stem + 100);
      for (const q of [1, 2, 3]) await service.fileAtpReport(db, actor, { se, quarter: `2024Q${q}`, totalOere: 2 * F, receivedOn: "2024-10-20" });
      const c = await service.fileAtpReport(db, actor, { se, quarter: "2024Q1", totalOere: F, receivedOn: "2024-11-01", version: 1, reason: "fewer employees" });
      expect(c.charge).toEqual({ previousOere: 2 * RATE, contributionOere: RATE, differenceOere: -RATE });
      const rows = (await service.listContributions(db, actor, { employerId: c.report.employerId })).items;
      expect(rows.map((r) => [r.quarter, r.chargedOere])).toEqual([
        ["2024Q1", RATE],
        ["2024Q2", 2 * RATE],
        ["2024Q3", 2 * RATE],
      ]);
    });
  });
}
