/**
 * `bevis sprogprove import|validate|submit|export`, run in-process (src/cli/testing.ts) on a PGlite data folder and on a
 * PostgreSQL database: a year with pupils
 * is registered through the service, then the CLI imports a transfer file, validates, submits (as a TAP user; a lærer
 * and the admin operator are refused) and writes the XLSX copy, which is read back.
 */
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliTargets } from "../../cli/testing.ts";
import { readWorkbook, sheetValues } from "../../platform/render/xlsx.ts";
import type { Actor } from "../../platform/http/context.ts";
import { formatCpr } from "../../kernel/ids/cpr.ts";
import * as service from "./service.ts";
import { syntheticCpr } from "./testing.ts";
import { XLSX_SHEETS } from "./xlsx.ts";

for (const t of cliTargets("bevis-sp-cli")) {
  describe(`bevis sprogprove CLI on ${t.kind}`, () => {
    const { dir, run } = t;
    const year = "2040/41"; // open until 5 September 2041, whatever today is
    const cpr = (n: number) => syntheticCpr(700 + n);
    beforeAll(async () => {
      expect((await run("migrate")).code).toBe(0);
      expect((await run("institution", "add", "--code", "101099", "--name", "CLI-skolen")).code).toBe(0);
      expect((await run("user", "add", "--email", "tap@cli.example", "--role", "tap")).code).toBe(0);
      expect((await run("user", "add", "--email", "laerer@cli.example", "--role", "laerer")).code).toBe(0);
      const db = await t.open();
      try {
        const inst = await db.kysely.selectFrom("institution").select("id").where("code", "=", "101099").executeTakeFirstOrThrow();
        const a: Actor = { userId: null, label: "t", institutionId: inst.id, roles: ["tap"], via: "cli" };
        const on = { on: "2040-10-01" };
        const y = await service.createYear(db, a, { schoolYear: year, coverage: { pupilsTotal: 10, pupilsInListedAreas: 5 }, exemptedCount: 0 }, on);
        await service.createPupil(db, a, y.id, { cpr: cpr(1), classLevel: 0, toBeTested: true, attempts: [], rykkerOp: true }, on);
        await service.createPupil(db, a, y.id, { cpr: cpr(2), classLevel: 0, toBeTested: true, attempts: [{ no: 1, result: "Sprogparat" }], rykkerOp: null }, on);
      } finally {
        await db.close();
      }
    });
    afterAll(() => t.cleanup());

    it("import: all or nothing, never overwriting; --json report", async () => {
      const bad = join(dir, "bad.csv");
      writeFileSync(bad, `cpr;forsoeg;resultat\n${cpr(1)};1;Bestået\n`);
      const r1 = await run("--json", "sprogprove", "import", bad, "--year", year);
      expect(r1.code).toBe(1);
      expect(JSON.parse(r1.out).findings[0].rule).toBe("sprogprove.input.result-unknown");
      const good = join(dir, "good.csv");
      writeFileSync(good, `cpr;forsoeg;resultat\n${cpr(1)};1;Ikke sprogparat\n${cpr(1)};2;Sprogparat\n${cpr(2)};1;Ikke sprogparat\n`);
      const r2 = await run("--json", "sprogprove", "import", good, "--year", year);
      expect(r2.code).toBe(0);
      const rep = JSON.parse(r2.out);
      expect(rep.taken).toHaveLength(1);
      expect(rep.kept).toHaveLength(1);
      expect(r2.out).not.toContain(cpr(1));
    });

    it("validate lists the gaps (exit 1); submit needs a Leder/Ledelse/TAP user; export writes the XLSX", async () => {
      const v = await run("--json", "sprogprove", "validate", "--year", year);
      expect(v.code).toBe(1);
      const receipt = JSON.parse(v.out);
      expect(receipt.complete).toBe(false);
      expect(receipt.steps["1-bhkl"].map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(["sprogprove.attempts.missing-result", "sprogprove.rykker-op.missing"]));
      const human = await run("sprogprove", "validate", "--year", year);
      expect(human.out).toMatch(/INCOMPLETE/);

      const refused = await run("--json", "sprogprove", "submit", "--year", year, "--as", "laerer@cli.example");
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.out)).toMatchObject({ status: 403, findings: [{ rule: "sprogprove.role.may-not-submit" }] });

      const s = await run("--json", "sprogprove", "submit", "--year", year, "--as", "tap@cli.example");
      expect(s.code).toBe(0);
      expect(JSON.parse(s.out)).toMatchObject({ number: 1, complete: false });

      const out = join(dir, "copy.xlsx");
      const x = await run("--json", "sprogprove", "export", "--year", year, "--out", out);
      expect(x.code).toBe(0);
      const wb = await readWorkbook(readFileSync(out));
      const rows = sheetValues(wb.getWorksheet(XLSX_SHEETS.bhkl)!);
      expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining([formatCpr(cpr(1)), formatCpr(cpr(2))]));
    });

    it("import-pupils: the pupil list, all or nothing (every bad cell on stderr, exit 1); known pupils kept", async () => {
      const bad = join(dir, "pupils-bad.csv");
      writeFileSync(bad, `cpr;klassetrin;navn
  ${cpr(3)};0;Ea
  ${cpr(4)};12;Finn
  `);
      const r1 = await run("sprogprove", "import-pupils", bad, "--year", year);
      expect(r1.code).toBe(1);
      expect(r1.err).toMatch(/line 3: klassetrin: "12" is not a class level/);
      expect(r1.err).toMatch(/\[seed 001 Hvad skal indberettes\?\]/);
      const j1 = await run("--json", "sprogprove", "import-pupils", bad, "--year", year);
      expect(JSON.parse(j1.out)).toMatchObject({ ok: false, status: 422, findings: [{ rule: "sprogprove.input.class-level", subject: "line 3: klassetrin" }] });

      const good = join(dir, "pupils.csv");
      writeFileSync(good, `cpr;klassetrin;navn
  ${cpr(1)};1;Alma
  ${cpr(3)};0;Ea
  `);
      const r2 = await run("--json", "sprogprove", "import-pupils", good, "--year", year);
      expect(r2.code).toBe(0);
      const rep = JSON.parse(r2.out);
      expect(rep.added.map((a: { line: number; toBeTested: boolean }) => [a.line, a.toBeTested])).toEqual([[3, true]]);
      expect(rep.kept.map((k: { line: number; differs: string[] }) => [k.line, k.differs])).toEqual([[2, ["classLevel", "name"]]]);
      expect(r2.out).not.toContain(cpr(1));
      const human = await run("sprogprove", "import-pupils", good, "--year", year);
      expect(human.out).toMatch(/added: 0 pupil\(s\)/);
      expect(human.out).toMatch(/kept \(already registered, not overwritten\): 2 pupil\(s\)/);
    });
  });
}
