/**
 * `bevis eksamen …` in-process (src/cli/testing.ts) on a PGlite data folder and on a PostgreSQL database, each seeded
 * with the exam demo data.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliTargets } from "../../cli/testing.ts";
import { createInstitution } from "../../platform/auth/directory.ts";
import { DEMO_EKSAMEN, seedEksamenDemo } from "./demo.ts";

for (const t of cliTargets("bevis-eksamen-cli")) {
  describe(`bevis eksamen on ${t.kind}`, () => {
    const { dir, run } = t;
    beforeAll(async () => {
      const db = await t.open();
      const inst = await createInstitution(db.kysely, { code: DEMO_EKSAMEN.institutionCode, name: "Fjordby Gymnasium (test)", country: "DK" });
      await seedEksamenDemo(db, inst);
      await db.close();
    });
    afterAll(() => t.cleanup());

    it("assign-censors: nothing left to assign but the two exams § 27 bars; no progress bar off a terminal", async () => {
      const r = await run("--json", "eksamen", "assign-censors", "Sommer 2024");
      expect(r.code).toBe(0);
      const a = JSON.parse(r.out) as { assigned: unknown[]; unassigned: { subject: string; reason: string }[] };
      expect(a.assigned).toHaveLength(3);
      expect(a.unassigned.map((u) => u.subject).sort()).toEqual(["FYS", "MAT"]);
      expect(r.err).toBe("");
      expect((await run("eksamen", "assign-censors", "Vinter 1999")).code).toBe(1);
    });

    it("import-grades is all or nothing: a bad cell prints its finding and exits 1; the good file imports", async () => {
      const f = join(dir, "grades.csv");
      writeFileSync(f, `cpr;kind;subjectCode;level;part;grade;date;announcedOn\n${DEMO_EKSAMEN.examinees.noah.cpr};standpunkt;HIS;A;oral;7;2024-06-20;\n${DEMO_EKSAMEN.examinees.ida.cpr};standpunkt;HIS;A;oral;11;2024-06-20;\n`);
      const bad = await run("eksamen", "import-grades", f);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/line 3/);
      writeFileSync(f, readFileSync(f, "utf8").replace(";11;", ";12;"));
      const ok = await run("--json", "eksamen", "import-grades", f);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out)).toMatchObject({ ok: true, imported: 2 });
    });

    it("diploma and export39", async () => {
      const d = await run("eksamen", "diploma", DEMO_EKSAMEN.examinees.mads.cpr);
      expect(d.code).toBe(0);
      expect(d.out).toMatch(/eksamensbevis/);
      expect(d.out).toMatch(/MAT A written\s+exam\s+10/);
      const out = join(dir, "e39.csv");
      const e = await run("eksamen", "export39", "--term", "Sommer 2024", "--out", out);
      expect(e.code).toBe(0);
      expect(readFileSync(out, "utf8").split(/\r?\n/)[0]).toBe("institutionsnummer;cpr;uddannelse;fag;niveau;del;kilde;karakter;indgaar");
      const c = await run("--json", "eksamen", "complaints");
      expect((JSON.parse(c.out) as { state: string }[]).map((x) => x.state)).toEqual(["comments"]);
    });
  });
}
