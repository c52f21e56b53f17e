/** The Nordlys demo seeder on both databases: deterministic cases, the two issued documents, the blocked case. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { parseFodselsnummer } from "../../kernel/ids/fodselsnummer.ts";
import { demoCases, demoFnr, seedVitnemalDemo } from "./demo.ts";
import { vitnemalMigrations } from "./migrations.ts";
import * as service from "./service.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

describe("demo fødselsnumre", () => {
  it("are valid and distinct", () => {
    const all = demoCases().map((c) => c.input.person.fnr);
    expect(new Set(all).size).toBe(all.length);
    for (const f of [...all, demoFnr("010107", 2)]) expect(parseFodselsnummer(f).value).not.toBeNull();
  });
});

for (const target of testTargets()) {
  describe(`vitnemål demo data on ${target.kind}`, () => {
    let db: OpenDb;
    let a: Actor;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...vitnemalMigrations });
      const id = crypto.randomUUID();
      await db.kysely.insertInto("institution").values({ id, code: "921234562", name: "Nordlys videregående skole (demo)", country: "NO" }).execute();
      await seedVitnemalDemo(db, { id, code: "921234562" });
      a = { userId: null, label: "t", institutionId: id, roles: ["tap"], via: "cli" };
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("seeds four cases and two documents: a førstegangsvitnemål and the IM + FAM39 kompetansebevis", async () => {
      const cases = await service.listCases(db, a);
      expect(cases.items.map((c) => c.name)).toEqual(["Ingrid Demo", "Jonas Demo", "Ola Demo", "Sara Demo"]);
      const docs = await service.listDocuments(db, a);
      expect(docs.map((d) => [d.number, d.kind, d.status]).sort()).toEqual([
        ["K92123456220230001", "kompetansebevis", "issued"],
        ["V92123456220250001", "vitnemal", "issued"],
      ]);
      const k = pdfText((await service.downloadPdf(db, a, "K92123456220230001")).pdf);
      expect(k).toContain("Jonas Demo");
      expect(k).toContain("Dokumentert fravær");
      const v = pdfText((await service.downloadPdf(db, a, "V92123456220250001")).pdf);
      expect(v).toContain("Førstegangsvitnemål");
    });

    it("Sara's case cannot be issued (§5.6) and Ola's can", async () => {
      const cases = (await service.listCases(db, a)).items;
      const sara = await service.previewCase(db, a, cases.find((c) => c.name === "Sara Demo")!.id, { on: "2025-06-20" });
      expect(sara.issuable).toBe(false);
      expect(sara.findings.filter((f) => f.severity === "error").map((f) => f.cite.ref)).toContain("5.6");
      const ola = await service.previewCase(db, a, cases.find((c) => c.name === "Ola Demo")!.id, { on: "2023-06-20" });
      expect([ola.kind, ola.issuable]).toEqual(["kompetansebevis", true]);
      // the class list: who gets which document (at 20.06.2025), and the valid document of each
      const list = await service.listCases(db, a, { on: "2025-06-20" });
      expect(list.items.map((c) => [c.name, c.kind, c.issuable, c.document?.number ?? null])).toEqual([
        ["Ingrid Demo", "vitnemal", true, "V92123456220250001"],
        ["Jonas Demo", "kompetansebevis", true, "K92123456220230001"],
        ["Ola Demo", "kompetansebevis", true, null],
        ["Sara Demo", "vitnemal", false, null], // would get a vitnemål, but §5.6 blocks it
      ]);
    });
  });
}
