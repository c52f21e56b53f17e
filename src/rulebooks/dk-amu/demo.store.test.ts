import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import { seedAmuDemo } from "./demo.ts";
import { generateCsvLines, generateParticipations } from "./generate.ts";
import { amuMigrations } from "./migrations.ts";
import * as service from "./service.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

describe("generateParticipations", () => {
  it("is deterministic and streams", () => {
    const a = [...generateParticipations(50, 42)].map((g) => g.input);
    const b = [...generateParticipations(50, 42)].map((g) => g.input);
    expect(a).toEqual(b);
    const it1 = generateCsvLines(1_000_000, 1);
    expect(it1.next().value).toMatch(/^cpr;fagkode;/);
    expect(it1.next().value).toMatch(/^\d{10};\d{5};/);
  });
});

for (const target of testTargets()) {
  describe(`AMU demo data on ${target.kind}`, () => {
    let db: OpenDb;
    let a: Actor;
    let b: Actor;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...amuMigrations });
      const ids = [crypto.randomUUID(), crypto.randomUUID()];
      await db.kysely
        .insertInto("institution")
        .values([
          { id: ids[0]!, code: "280727", name: "AMU Syd (demo)", country: "DK" },
          { id: ids[1]!, code: "280728", name: "AMU Nord (demo)", country: "DK" },
        ])
        .execute();
      await seedAmuDemo(db, { id: ids[0]!, code: "280727" });
      await seedAmuDemo(db, { id: ids[1]!, code: "280728" });
      a = { userId: null, label: "t", institutionId: ids[0]!, roles: ["tap"], via: "cli" };
      b = { ...a, institutionId: ids[1]! };
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("seeds a few hundred participations per institution, two reports with a diff, and findings", async () => {
      for (const actor of [a, b]) {
        const all = await service.listParticipations(db, actor, { limit: 1 });
        expect(all.total).toBeGreaterThan(250);
        const reports = await service.listReports(db, actor);
        expect(reports.map((r) => [r.number, r.quarter])).toEqual([
          [2, "2024Q4"],
          [1, "2024Q3"],
        ]);
        const c = reports[0]!.counts;
        expect(c.new).toBeGreaterThan(0);
        expect(c.changed).toBeGreaterThan(0);
        expect(c.unchanged).toBeGreaterThan(0);
        expect(c.removed).toBeGreaterThan(0);
        expect((await service.listParticipations(db, actor, { findings: "error" })).total).toBeGreaterThanOrEqual(4);
        expect((await service.listParticipations(db, actor, { findings: "warning" })).total).toBeGreaterThanOrEqual(1);
        await expect(service.createReport(db, { ...actor, roles: ["admin"] }, "2025Q1")).rejects.toMatchObject({ status: 422 });
        const preview = await service.previewReport(db, actor, "2025Q1");
        expect(preview.blocking.length).toBeGreaterThanOrEqual(4);
      }
      // the two institutions' data are different (seeded by code) and apart
      const la = await service.listParticipations(db, a, { limit: 5 });
      const lb = await service.listParticipations(db, b, { limit: 5 });
      expect(la.items.map((r) => r.id)).not.toEqual(lb.items.map((r) => r.id));
    });

    it("covers the guide's cases (groups, retakes, IKV, excluded rows)", async () => {
      const r2 = await service.findReport(db, a, "2");
      const types = new Set(r2.rows.map((r) => `${r.recordType}:${r.resultGroup}`));
      expect(types).toEqual(new Set(["deltagelse:1", "deltagelse:2", "omproeve:1"]));
      expect(r2.rows.some((r) => r.fagkode === "40080")).toBe(true);
      const reasons = new Set(r2.excluded.map((e) => e.reason.rule));
      expect(reasons).toContain("amu.report.never-held");
      expect(reasons).toContain("amu.report.not-ended");
    });
  });
}
