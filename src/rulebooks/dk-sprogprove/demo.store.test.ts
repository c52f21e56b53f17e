import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import { seedSprogproveDemo } from "./demo.ts";
import { sprogproveMigrations } from "./migrations.ts";
import * as service from "./service.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

for (const target of testTargets()) {
  describe(`sprogprøve demo data on ${target.kind}`, () => {
    let db: OpenDb;
    let a: Actor;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...sprogproveMigrations });
      const id = crypto.randomUUID();
      await db.kysely.insertInto("institution").values({ id, code: "101005", name: "Nørrebro Skole (demo)", country: "DK" }).execute();
      await seedSprogproveDemo(db, { id, code: "101005" });
      a = { userId: null, label: "t", institutionId: id, roles: ["tap"], via: "cli" };
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("seeds a closed year submitted twice (first with gaps, then green) and a year under way with gaps", async () => {
      const on = { on: "2026-11-23" };
      const years = await service.listYears(db, a, on);
      expect(years.map((y) => [y.schoolYear, y.open, y.submissions])).toEqual([
        ["2026/27", true, 0],
        ["2025/26", false, 2],
      ]);
      const closed = years[1]!;
      const subs = await service.listSubmissions(db, a, closed.id);
      expect(subs.map((s) => [s.number, s.complete, s.decidedOn])).toEqual([
        [2, true, "2026-09-01"],
        [1, false, "2026-08-20"],
      ]);
      const first = await service.getSubmission(db, a, closed.id, subs[1]!.id);
      const gaps = first.receipt.steps["1-bhkl"].filter((f) => f.severity === "error").map((f) => f.rule);
      expect(gaps).toContain("sprogprove.rykker-op.missing");
      const open = years[0]!;
      const r = await service.draftReceipt(db, a, open.id, on);
      expect(r.complete).toBe(false);
      const rules = Object.values(r.steps).flat().map((f) => f.rule);
      expect(rules).toEqual(expect.arrayContaining(["sprogprove.rykker-op.missing", "sprogprove.selection.missing", "sprogprove.exempted.missing"]));
      // one pupil moved away after attempt 1: reported with that attempt, no gap for the attempts not held
      expect(r.left).toEqual({ reported: 1, notReported: 0 });
      const leaver = (await service.listPupils(db, a, open.id, on)).items.filter((p) => p.left !== null);
      expect(leaver.map((p) => [p.classLevel, p.left, p.reported, p.errors, p.version])).toEqual([[0, { on: "2026-10-30", reason: "flyttet til Aarhus" }, true, 0, 2]]);
      expect(Object.values(r.steps).flat().filter((f) => f.subject?.startsWith(`pupils.${leaver[0]!.id}.`) && f.severity === "error")).toEqual([]);
      const o = await service.overview(db, a, closed.id);
      expect(o.levels.find((l) => l.classLevel === 0)!.attempts[0]!.sprogparat).toBe(6);
    });

    it("is deterministic: the same school gets the same pupils", async () => {
      const other = await target.open({ ...platformMigrations, ...sprogproveMigrations });
      try {
        const id = crypto.randomUUID();
        await other.kysely.insertInto("institution").values({ id, code: "101005", name: "x", country: "DK" }).execute();
        await seedSprogproveDemo(other, { id, code: "101005" });
        const b: Actor = { ...a, institutionId: id };
        const on = { on: "2026-11-23" };
        const ya = (await service.listYears(db, a, on))[1]!;
        const yb = (await service.listYears(other, b, on))[1]!;
        const pa = (await service.listPupils(db, a, ya.id, on)).items.map((p) => [p.cprMasked, p.classLevel, p.results, p.rykkerOp]);
        const pb = (await service.listPupils(other, b, yb.id, on)).items.map((p) => [p.cprMasked, p.classLevel, p.results, p.rykkerOp]);
        expect(pa).toEqual(pb);
        expect(pa.length).toBeGreaterThan(20);
      } finally {
        await other.drop();
      }
    });
  });
}
