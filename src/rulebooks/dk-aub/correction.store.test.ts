/**
 * Choice 20 (docs/rulebooks/004-aub.md): a wrongly added parameter row is corrected by a superseding row with a reason,
 * admin only; what was charged with the wrong value is recalculated as new charges with the difference (§ 3, stk. 2,
 * 2. pkt.), never changed in place. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { ProblemError, type Actor } from "../../platform/http/context.ts";
import { makeInstitution } from "../../platform/http/testing.ts";
import { validCvr } from "./demo.ts";
import { aubMigrations } from "./migrations.ts";
import * as service from "./service.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;
const F = 85_200; // a full quarter's ATP amount
const WRONG = 330_000; // 3.300 kr. a year, typed by mistake → 825 kr. a quarter
const RIGHT = 320_000; // 3.200 kr. a year → 800 kr. a quarter

async function refusal(p: Promise<unknown>): Promise<ProblemError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

for (const target of testTargets()) {
  describe(`AUB parameter correction on ${target.kind}`, () => {
    let db: OpenDb;
    let admin: Actor;
    let tap: Actor;
    let other: Actor;
    let employerId = "";
    const se1 = validCvr(7310101);
    const se2 = validCvr(7310102);
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...aubMigrations });
      const inst = await makeInstitution(db, "AUB correction test");
      const inst2 = await makeInstitution(db, "AUB other");
      admin = { userId: null, label: "admin-test", institutionId: inst.id, roles: ["admin"], via: "cli" };
      tap = { userId: null, label: "tap-test", institutionId: inst.id, roles: ["tap"], via: "cli" };
      other = { userId: null, label: "other", institutionId: inst2.id, roles: ["admin"], via: "cli" };
      const e = await service.createEmployer(db, tap, { cvr: validCvr(7310001), name: "Rettelse ApS", atpCovered: true, category: null, hasPostedStaff: null, religiousApplications: [], units: [{ se: se1 }, { se: se2 }] });
      employerId = e.employer.id;
      // 2025 has no shipped values: these reports wait uncharged
      for (const [se, quarter, n] of [[se1, "2025Q1", 10], [se1, "2025Q2", 10], [se2, "2025Q1", 3], [se1, "2026Q1", 2]] as const)
        await service.fileAtpReport(db, tap, { se, quarter, totalOere: n * F + 100, receivedOn: "2026-04-10" });
      await service.addParameter(db, admin, { kind: "full-quarter-atp", validFrom: "2025-01-01", validTo: "2026-12-31", valueOere: F, source: "ATP (test)", sureness: "medium", secondary: true });
    });
    afterAll(async () => {
      await db?.drop();
    });

    const rows = async (kind: string) => (await service.listParameters(db, admin)).filter((p) => p.kind === kind && p.origin === "added");

    it("choice 18 first: the wrong 2025 rate charges the reports that waited (cause parameter-added)", async () => {
      const r = await service.addParameter(db, admin, { kind: "contribution-rate", validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: WRONG, source: "LBK (typed wrong)", sureness: "good", secondary: false });
      expect(r.charged.map((c) => [c.se, c.quarter, c.contributionOere, c.differenceOere]).sort()).toEqual(
        [
          [se1, "2025Q1", 10 * 82_500, 10 * 82_500],
          [se1, "2025Q2", 10 * 82_500, 10 * 82_500],
          [se2, "2025Q1", 3 * 82_500, 3 * 82_500],
        ].sort(),
      );
    });

    it("refusals: a tap user (403), another institution's or a malformed id (404), no reason, an overlap, a charged quarter left without a value (422)", async () => {
      const [row] = await rows("contribution-rate");
      const body = { validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: RIGHT, source: "LBK nr. 111 (test)", sureness: "good" as const, secondary: false, reason: "3.300 was a typing error; the LBK says 3.200" };
      expect((await refusal(service.correctParameter(db, tap, row!.id!, body))).status).toBe(403);
      expect((await refusal(service.correctParameter(db, other, row!.id!, body))).status).toBe(404);
      expect((await refusal(service.correctParameter(db, admin, "not-a-uuid", body))).status).toBe(404);
      const noReason = await refusal(service.correctParameter(db, admin, row!.id!, { ...body, reason: "  " }));
      expect(noReason.status).toBe(422);
      expect(noReason.findings).toContainEqual(expect.objectContaining({ rule: "aub.parameter.correction-reason-missing", subject: "reason", cite: { seed: "004", ref: "§ 3, stk. 1" } }));
      const overlap = await refusal(service.correctParameter(db, admin, row!.id!, { ...body, validFrom: "2024-12-01" }));
      expect(overlap.findings).toContainEqual(expect.objectContaining({ rule: "aub.parameter.overlap", subject: "validFrom" }));
      const narrowed = await refusal(service.correctParameter(db, admin, row!.id!, { ...body, validFrom: "2025-04-01" }));
      expect(narrowed.findings).toContainEqual(expect.objectContaining({ rule: "aub.parameter.correction-uncovers-charged", subject: "validFrom", value: "2025Q1", cite: { seed: "004", ref: "§ 3, stk. 2" } }));
      const same = await refusal(service.correctParameter(db, admin, row!.id!, { ...body, valueOere: WRONG, source: "LBK (typed wrong)" }));
      expect(same.findings.map((f) => f.rule)).toEqual(["aub.input.correction-unchanged"]);
      const odd = await refusal(service.correctParameter(db, admin, row!.id!, { ...body, valueOere: RIGHT + 2 }));
      expect(odd.findings.map((f) => f.rule)).toEqual(["aub.parameter.rate-not-divisible"]);
      // nothing was saved: one added rate row, still in force, and the charges as they were
      expect((await rows("contribution-rate")).map((p) => p.status)).toEqual(["in-force"]);
      const st = await service.contributionStatement(db, admin, employerId, "2025Q1");
      expect(st.chargedOere).toBe(13 * 82_500);
    });

    it("§ 3, stk. 2: the correction supersedes the row (who, when, why) and recalculates as new charges with the difference; the first charges stay", async () => {
      const [row] = await rows("contribution-rate");
      const r = await service.correctParameter(db, admin, row!.id!, { validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: RIGHT, source: "LBK nr. 111 (test)", sureness: "good", secondary: false, reason: "3.300 was a typing error; the LBK says 3.200" });
      expect(r.superseded).toMatchObject({ id: row!.id, status: "superseded", valueOere: WRONG, supersededBy: r.replacement.id });
      expect(r.replacement).toMatchObject({ status: "in-force", valueOere: RIGHT, supersedes: row!.id, reason: "3.300 was a typing error; the LBK says 3.200", recordedBy: "admin-test" });
      expect(r.replacement.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(r.recalculated.map((c) => [c.se, c.quarter, c.previousOere, c.contributionOere, c.differenceOere]).sort()).toEqual(
        [
          [se1, "2025Q1", 825_000, 800_000, -25_000],
          [se1, "2025Q2", 825_000, 800_000, -25_000],
          [se2, "2025Q1", 247_500, 240_000, -7_500],
        ].sort(),
      );
      expect(r.refunds).toEqual([]);
      // the ledger: the first charge is unchanged, the correction is a new row with its cause and the rate it used
      const st = await service.contributionStatement(db, admin, employerId, "2025Q1");
      const u1 = st.units.find((u) => u.unit.se === se1)!;
      expect(u1.charges.map((c) => [c.seq, c.cause, c.contributionOere, c.previousOere, c.differenceOere, c.ratePerQuarterOere])).toEqual([
        [1, "parameter-added", 825_000, 0, 825_000, 82_500],
        [2, "parameter-corrected", 800_000, 825_000, -25_000, 80_000],
      ]);
      expect(st.chargedOere).toBe(13 * 80_000);
      // 2026Q1 is outside both periods: still uncharged, untouched
      expect((await service.contributionStatement(db, admin, employerId, "2026Q1")).units[0]!.charges).toEqual([]);
      // the quarterly run uses the replacement, not the superseded row, and agrees with the charges
      const run = await service.computeContributions(db, admin, { quarters: ["2025Q1", "2025Q2"] });
      expect(run.byQuarter.get("2025Q1")).toBe(13 * 80_000);
      expect(run.byQuarter.get("2025Q2")).toBe(10 * 80_000);
      // both rows listed, the superseded one first and marked
      expect((await rows("contribution-rate")).map((p) => [p.status, p.valueOere])).toEqual([
        ["superseded", WRONG],
        ["in-force", RIGHT],
      ]);
    });

    it("a superseded row cannot be corrected again (409); its replacement can, and a change of source alone recalculates nothing", async () => {
      const [old, cur] = await rows("contribution-rate");
      const body = { validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: RIGHT, source: "LBK nr. 111 af 30/01/2024 § 18", sureness: "certain" as const, secondary: false, reason: "full citation" };
      const stale = await refusal(service.correctParameter(db, admin, old!.id!, body));
      expect(stale.status).toBe(409);
      expect(stale.findings[0]!.rule).toBe("aub.parameter.superseded");
      const r = await service.correctParameter(db, admin, cur!.id!, body);
      expect(r.recalculated).toEqual([]);
      expect((await rows("contribution-rate")).map((p) => p.status)).toEqual(["superseded", "superseded", "in-force"]);
    });

    it("two corrections of one row at the same time: one is saved, the other gets 409 (the row is locked, then seen superseded)", async () => {
      const cur = (await rows("contribution-rate")).find((p) => p.status === "in-force")!;
      const body = (reason: string) => ({ validFrom: cur.validFrom, validTo: cur.validTo, valueOere: RIGHT, source: `${cur.source} (${reason})`, sureness: "certain" as const, secondary: false, reason });
      const [a, b] = await Promise.allSettled([service.correctParameter(db, admin, cur.id!, body("first")), service.correctParameter(db, admin, cur.id!, body("second"))]);
      const outcomes = [a, b].map((r) => (r.status === "fulfilled" ? 201 : r.reason instanceof ProblemError ? r.reason.status : String(r.reason)));
      expect(outcomes.sort()).toEqual([201, 409]);
      expect((await rows("contribution-rate")).filter((p) => p.status === "in-force")).toHaveLength(1);
    });

    it("widening the period charges a report that waited; an added row's addition still refuses an overlap with the replacement", async () => {
      const cur = (await rows("contribution-rate")).find((p) => p.status === "in-force")!;
      const r = await service.correctParameter(db, admin, cur.id!, { validFrom: "2025-01-01", validTo: "2026-12-31", valueOere: RIGHT, source: cur.source, sureness: "certain", secondary: false, reason: "the rate also holds for 2026" });
      expect(r.recalculated.map((c) => [c.se, c.quarter, c.previousOere, c.contributionOere, c.differenceOere])).toEqual([[se1, "2026Q1", 0, 2 * 80_000, 2 * 80_000]]);
      const overlap = await refusal(service.addParameter(db, admin, { kind: "contribution-rate", validFrom: "2026-01-01", validTo: "2026-12-31", valueOere: RIGHT, source: "x", sureness: "good", secondary: false }));
      expect(overlap.findings[0]!.rule).toBe("aub.parameter.overlap");
    });

    it("§ 7: correcting an SU rate computes the year's refund again and shows it before and after; a year with weeks keeps a rate", async () => {
      await service.addParameter(db, admin, { kind: "su-rate", validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: 700_000, source: "su.dk (typed wrong)", sureness: "low", secondary: true });
      const line = { cpr: "0101059999", education: "Tømrer", speciality: "Tømrer", part: "grundforloeb" as const, supplementaryStudyPreparatory: true, weeks: 2, from: "2025-03-03", to: "2025-03-14" };
      const rep = await service.reportSchoolWeeks(db, tap, { school: "Skole X", receivedOn: "2025-06-30", lines: [line] });
      const wrongWeekly = Math.round((700_000 * 12) / 52); // 161.538,46… → 161.538 øre
      expect(rep.amountOere).toBe(2 * wrongWeekly);
      const su = (await rows("su-rate"))[0]!;
      const gone = await refusal(service.correctParameter(db, admin, su.id!, { validFrom: "2026-01-01", validTo: "2026-12-31", valueOere: 690_000, source: "su.dk", sureness: "low", secondary: true, reason: "wrong year" }));
      expect(gone.findings).toContainEqual(expect.objectContaining({ rule: "aub.parameter.correction-uncovers-refund", subject: "validFrom", value: 2025 }));
      const r = await service.correctParameter(db, admin, su.id!, { validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: 690_000, source: "su.dk", sureness: "low", secondary: true, reason: "the 2025 rate is 6.900 kr." });
      const rightWeekly = Math.round((690_000 * 12) / 52); // 159.230,77 → 159.231 øre
      expect(r.recalculated).toEqual([]);
      expect(r.refunds).toEqual([{ year: 2025, weeks: 2, beforeOere: 2 * wrongWeekly, afterOere: 2 * rightWeekly, differenceOere: 2 * (rightWeekly - wrongWeekly) }]);
      expect((await service.refundOverview(db, admin, 2025)).totalOere).toBe(2 * rightWeekly);
    });
  });
}
