import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import type { Role } from "../../platform/db/schema.ts";
import { DEMO_CATALOGUE } from "./catalogue.ts";
import { amuMigrations } from "./migrations.ts";
import * as service from "./service.ts";
import { amuKysely, insertGoals, loadForReport } from "./store.ts";
import type { ParticipationInput } from "./service.ts";
import { participationInput } from "./testing.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

const input = (over: Partial<ParticipationInput> = {}): ParticipationInput =>
  participationInput({ startDate: "2024-02-05", endDate: "2024-02-09", ...over });

async function institution(db: OpenDb, code: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.kysely.insertInto("institution").values({ id, code, name: `Skole ${code}`, country: "DK" }).execute();
  return id;
}

const actorOf = (institutionId: string, roles: Role[] = ["tap"], label = "tap@a.dk"): Actor => ({
  userId: null,
  label,
  institutionId,
  roles,
  via: "cli",
});

for (const target of testTargets()) {
  describe(`AMU service on ${target.kind}`, () => {
    let db: OpenDb;
    let a: Actor;
    let b: Actor;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...amuMigrations });
      await insertGoals(amuKysely(db), null, DEMO_CATALOGUE);
      a = actorOf(await institution(db, "100001"));
      b = actorOf(await institution(db, "100002"), ["tap"], "tap@b.dk");
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("registers, corrects with history and refuses a stale version (409)", async () => {
      const d1 = await service.createParticipation(db, a, input());
      expect(d1.participation.version).toBe(1);
      expect(d1.group.value).toBe(1);
      const id = d1.participation.id;
      const d2 = await service.correctParticipation(db, a, id, { ...input({ resultatProevebelagt: 4 }), version: 1, reason: "typo" });
      expect(d2.participation.version).toBe(2);
      expect(d2.participation.resultatProevebelagt).toBe(4);
      expect(d2.history.map((h) => [h.version, h.reason])).toEqual([
        [1, "registered"],
        [2, "typo"],
      ]);
      await expect(service.correctParticipation(db, a, id, { ...input(), version: 1, reason: "late" })).rejects.toMatchObject({ status: 409 });
      // the old version is still there, superseded
      const rows = await amuKysely(db).selectFrom("amu_participation_version").selectAll().where("participation_id", "=", id).orderBy("version").execute();
      expect(rows.map((r) => [r.version, r.is_current, r.resultat_proevebelagt, r.superseded_by])).toEqual([
        [1, false, 1, "tap@a.dk"],
        [2, true, 4, null],
      ]);
    });

    it("refuses malformed input with 422 and findings, CPR masked", async () => {
      const err = await service
        .createParticipation(db, a, input({ cpr: "320190-1234", startDate: "2024-02-30", fagkode: "12345", resultatProevebelagt: 7 }))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 422 });
      const fs = (err as { findings: { subject: string; rule: string }[] }).findings;
      expect(fs.map((f) => f.subject).sort()).toEqual(["cpr", "fagkode", "resultatProevebelagt", "startDate"]);
      expect(JSON.stringify(err)).not.toContain("320190-1234");
    });

    it("saves a participation with business findings and returns them", async () => {
      const d = await service.createParticipation(db, a, input({ resultatProevebelagt: null, resultatIkkeProevebelagt: 1 }));
      expect(d.findings.some((f) => f.severity === "error")).toBe(true);
    });

    it("adds retakes as own rows without overwriting the ordinary result", async () => {
      const d = await service.createParticipation(db, a, input({ resultatProevebelagt: 4 }));
      const r1 = await service.addRetake(db, a, d.participation.id, { version: 1, date: "2024-03-01", resultatProevebelagt: 4 });
      const r2 = await service.addRetake(db, a, d.participation.id, { version: 2, date: "2024-03-20", resultatProevebelagt: 1 });
      expect(r1.participation.retakes.map((r) => r.seq)).toEqual([2]);
      expect(r2.participation.retakes.map((r) => [r.seq, r.resultatProevebelagt])).toEqual([
        [2, 4],
        [3, 1],
      ]);
      expect(r2.participation.resultatProevebelagt).toBe(4);
      await expect(service.addRetake(db, a, d.participation.id, { version: 2, date: "2024-04-01", resultatProevebelagt: 1 })).rejects.toMatchObject({
        status: 409,
      });
    });

    it("keeps institutions apart (404) and read-only roles out (403), masking CPR for them", async () => {
      const d = await service.createParticipation(db, a, input());
      await expect(service.getParticipation(db, b, d.participation.id)).rejects.toMatchObject({ status: 404 });
      await expect(service.correctParticipation(db, b, d.participation.id, { ...input(), version: 1, reason: "x" })).rejects.toMatchObject({
        status: 404,
      });
      const laerer = { ...a, roles: ["laerer"] as Role[] };
      await expect(service.createParticipation(db, laerer, input())).rejects.toMatchObject({ status: 403 });
      await expect(service.correctParticipation(db, laerer, d.participation.id, { ...input(), version: 1, reason: "x" })).rejects.toMatchObject({
        status: 403,
      });
      const seen = await service.getParticipation(db, laerer, d.participation.id);
      expect(seen.participation.cpr).toBe("010190-xxxx");
      const list = await service.listParticipations(db, b, {});
      expect(list.total).toBe(0);
    });

    it("reports a retake in the window of a participation that ended before it, and returns what it stored", async () => {
      const c = actorOf(await institution(db, "100003"));
      const early = await service.createParticipation(db, c, input({ startDate: "2023-02-06", endDate: "2023-02-10", resultatProevebelagt: 4 }));
      await service.addRetake(db, c, early.participation.id, { version: 1, date: "2024-04-10", resultatProevebelagt: 1 });
      const inWindow = await service.createParticipation(db, c, input({ cpr: "020290-4321" }));
      await service.createParticipation(db, c, input({ cpr: "030390-1111", startDate: "2024-05-06", endDate: null, status: "not-ended", resultatProevebelagt: null }));
      await service.createParticipation(db, c, input({ startDate: "2022-02-07", endDate: "2022-02-11" })); // outside: not read
      const pages: string[][] = [];
      for await (const page of loadForReport(amuKysely(db), c.institutionId, "2023-07-01", "2024-06-30", 2)) pages.push(page.map((p) => p.id));
      expect(pages.map((p) => p.length)).toEqual([2, 1]);
      expect(pages.flat()).toEqual([...pages.flat()].sort());
      expect(pages.flat()).toContain(early.participation.id);
      // The retake travels with its participation; the one outside the window is not read.
      const all = [];
      for await (const page of loadForReport(amuKysely(db), c.institutionId, "2023-07-01", "2024-06-30", 2)) all.push(...page);
      expect(all.find((p) => p.id === early.participation.id)?.retakes.map((r) => r.date)).toEqual(["2024-04-10"]);
      // A reader that stops after the first page ends the cursor's transaction: the database (one connection on
      // PGlite) is free for the next query at once.
      for await (const page of loadForReport(amuKysely(db), c.institutionId, "2023-07-01", "2024-06-30", 1)) {
        expect(page).toHaveLength(1);
        break;
      }
      expect((await service.listParticipations(db, c, {})).total).toBe(4);

      const created = await service.createReport(db, c, "2024Q2");
      expect(created.rows.map((r) => [r.participationId, r.recordType, r.seq, r.ResultatProevebelagt, r.GodkendtSkole])).toEqual(
        [
          [early.participation.id, "omproeve", 2, 1, "100003"],
          [inWindow.participation.id, "deltagelse", 1, 1, "100003"],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
      expect(created.excluded.map((x) => x.reason.rule)).toEqual(["amu.report.not-ended"]);
      expect(JSON.parse(JSON.stringify(created))).toEqual(await service.getReport(db, c, created.id));
      // Stored compressed (migration 1002); a report stored before it, as jsonb row objects, still reads the same.
      const raw = await amuKysely(db).selectFrom("amu_report").select(["rows", "rows_gz", "diff", "diff_gz"]).where("id", "=", created.id).executeTakeFirstOrThrow();
      expect([raw.rows, raw.diff, raw.rows_gz?.length ? "gz" : null, raw.diff_gz?.length ? "gz" : null]).toEqual([null, null, "gz", "gz"]);
      const oldId = crypto.randomUUID();
      await amuKysely(db)
        .insertInto("amu_report")
        .values({
          id: oldId,
          institution_id: c.institutionId,
          number: 99,
          quarter: "2024Q2",
          window_from: "2023-07-01",
          window_to: "2024-06-30",
          window_quarters: JSON.stringify(created.window.quarters),
          created_by: "old",
          row_count: created.rows.length,
          rows: JSON.stringify(created.rows),
          diff: JSON.stringify(created.diff),
          rows_gz: null,
          diff_gz: null,
          counts: JSON.stringify(created.counts),
          excluded: JSON.stringify(created.excluded),
          previous_id: null,
        })
        .execute();
      const old = await service.getReport(db, c, oldId);
      expect([old.rows, old.diff]).toEqual([JSON.parse(JSON.stringify(created.rows)), JSON.parse(JSON.stringify(created.diff))]);
    });

    it("audits every change", async () => {
      const d = await service.createParticipation(db, a, input({ cpr: "020290-4321" }));
      await service.correctParticipation(db, a, d.participation.id, { ...input({ cpr: "020290-4321", endDate: "2024-02-10" }), version: 1, reason: "end date" });
      const rows = await db.kysely.selectFrom("audit_log").selectAll().where("entity_id", "=", d.participation.id).orderBy("id").execute();
      expect(rows.map((r) => r.action)).toEqual(["amu.participation.create", "amu.participation.correct"]);
      expect(rows[1]?.detail).toMatchObject({ changed: ["endDate"], reason: "end date", cpr: "020290-xxxx" });
      expect(JSON.stringify(rows)).not.toContain("0202904321");
    });
  });
}
