import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import { DEMO_CATALOGUE } from "./catalogue.ts";
import { formatProblem, importCsv, ImportRefused, parseImport } from "./import.ts";
import { amuMigrations } from "./migrations.ts";
import * as service from "./service.ts";
import { amuKysely, insertGoals } from "./store.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

const HEADER = "cpr;fagkode;startDate;endDate;status;resultatProevebelagt;resultatIkkeProevebelagt;retake1Date;retake1ResultatProevebelagt";
const GOOD = [
  "010190-1234;90001;2024-02-05;2024-02-09;ended;4;;2024-03-01;1",
  "0202901234;90002;05-02-2024;09-02-2024;ended;;1;;",
  '"030390-1234";90001;2024-02-05;;not-ended;;;;',
];

describe("parseImport (no database)", () => {
  it("reads ; or , and a BOM, DD-MM-YYYY dates and retake columns", () => {
    const { rows, problems } = parseImport("\uFEFF" + [HEADER, ...GOOD].join("\r\n"), DEMO_CATALOGUE);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.input.cpr, r.input.startDate, r.retakes.length])).toEqual([
      [2, "0101901234", "2024-02-05", 1],
      [3, "0202901234", "2024-02-05", 0],
      [4, "0303901234", "2024-02-05", 0],
    ]);
    expect(rows[0]?.retakes[0]).toMatchObject({ seq: 2, date: "2024-03-01", resultatProevebelagt: 1 });
    const comma = parseImport([HEADER, ...GOOD].join("\n").replace(/;/g, ","), DEMO_CATALOGUE);
    expect(comma.problems).toEqual([]);
    expect(comma.rows).toHaveLength(3);
  });

  it("reports every bad cell with line, field, value (CPR masked) and rule", () => {
    const text = [HEADER, GOOD[0], "320190-1234;12345;2024-02-30;2024-03-01;ended;7;;;", GOOD[1], "010190-1234;90001;2024-02-05;;finished;;;x;"].join("\n");
    const { rows, problems } = parseImport(text, DEMO_CATALOGUE);
    expect(rows).toEqual([]);
    const got = problems.map((p) => [p.line, p.field, p.value, p.rule]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, "startDate", "2024-02-30", "amu.import.date"],
        [3, "resultatProevebelagt", "7", "amu.import.category-range"],
        [3, "cpr", "320190-xxxx", "id.cpr.date"],
        [3, "fagkode", "12345", "amu.input.fagkode-unknown"],
        [5, "status", "finished", "amu.import.status"],
        [5, "retake1Date", "x", "amu.import.date"],
      ]),
    );
    expect(JSON.stringify(problems)).not.toContain("320190-1234");
    expect(formatProblem(problems.find((p) => p.field === "startDate")!)).toMatch(/^line 3, startDate = "2024-02-30": not a date \(/);
  });

  it("refuses unknown and missing columns", () => {
    const { problems } = parseImport("cpr;fagkode;startdate;colour\n", DEMO_CATALOGUE);
    expect(problems.map((p) => [p.field, p.value, p.rule])).toEqual([
      ["(header)", "colour", "amu.import.unknown-column"],
      ["(header)", "status", "amu.import.missing-column"],
    ]);
  });
});

for (const target of testTargets()) {
  describe(`AMU import on ${target.kind}`, () => {
    let db: OpenDb;
    let a: Actor;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...amuMigrations });
      await insertGoals(amuKysely(db), null, DEMO_CATALOGUE);
      const id = crypto.randomUUID();
      await db.kysely.insertInto("institution").values({ id, code: "200001", name: "Import", country: "DK" }).execute();
      a = { userId: null, label: "cli:test", institutionId: id, roles: ["admin"], via: "cli" };
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("saves nothing when one row is bad, and everything when none is", async () => {
      const badText = [HEADER, ...GOOD, "010190-1234;90001;2024-02-30;;ended;1;;;"].join("\n");
      const err = await importCsv(db, a, badText).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportRefused);
      expect((err as ImportRefused).status).toBe(422);
      expect((err as ImportRefused).findings.map((f) => f.subject)).toEqual(["line 5: startDate"]);
      expect((await service.listParticipations(db, a, {})).total).toBe(0);

      const r = await importCsv(db, a, [HEADER, ...GOOD].join("\n"));
      expect(r).toEqual({ imported: 3, retakes: 1 });
      const list = await service.listParticipations(db, a, {});
      expect(list.total).toBe(3);
      const withRetake = list.items.find((i) => i.cprMasked === "010190-xxxx")!;
      const d = await service.getParticipation(db, a, withRetake.id);
      expect(d.participation.retakes).toMatchObject([{ seq: 2, date: "2024-03-01", resultatProevebelagt: 1 }]);
      expect(d.participation.resultatProevebelagt).toBe(4);
      const audits = await db.kysely.selectFrom("audit_log").selectAll().where("action", "=", "amu.import").execute();
      expect(audits).toHaveLength(1);
      expect(audits[0]?.detail).toMatchObject({ rows: 3, retakes: 1 });
    });

    it("imports thousands of rows in batches", async () => {
      const lines = [HEADER];
      for (let i = 0; i < 12_000; i++) lines.push(`0101901234;90002;2023-0${1 + (i % 9)}-10;2023-0${1 + (i % 9)}-12;ended;;1;;`);
      let last = 0;
      const r = await importCsv(db, a, lines.join("\n"), { onProgress: (d) => (last = d) });
      expect(r.imported).toBe(12_000);
      expect(last).toBe(12_000);
      expect((await service.listParticipations(db, a, { fagkode: "90002" })).total).toBe(12_001);
    });
  });
}
