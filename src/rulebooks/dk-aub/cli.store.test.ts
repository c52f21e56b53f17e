/**
 * `bevis aub …` in-process (src/cli/testing.ts) on a PGlite data folder and on a PostgreSQL database, each seeded with
 * the AUB demo data.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliTargets } from "../../cli/testing.ts";
import { createInstitution } from "../../platform/auth/directory.ts";
import { readWorkbook, sheetValues } from "../../platform/render/xlsx.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { DEMO, DEMO_FULL as F, seedAubDemo } from "./demo.ts";

for (const t of cliTargets("bevis-aub-cli")) {
  describe(`bevis aub on ${t.kind}`, () => {
    const { dir, run } = t;
    beforeAll(async () => {
      const db = await t.open();
      const inst = await createInstitution(db.kysely, { code: "990100", name: "AUB (test)", country: "DK" });
      await seedAubDemo(db, inst);
      await db.close();
    });
    afterAll(() => t.cleanup());

    it("employers and contributions, with --json", async () => {
      const r = await run("--json", "aub", "employers");
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as { total: number }).total).toBe(5);
      const c = await run("--json", "aub", "contributions", "--quarter", "2024Q4", "--employer", DEMO.kontor.cvr);
      expect(c.code).toBe(0);
      expect(JSON.parse(c.out)).toMatchObject({ items: [{ quarter: "2024Q4", chargedOere: 11 * 78_725 }] });
    });

    it("import-atp is all or nothing: a bad line exits 1 with the findings; a good file imports with the correction's difference", async () => {
      const bad = join(dir, "bad.csv");
      writeFileSync(bad, `se;quarter;totalOere;receivedOn\n${DEMO.kontor.units[0]};2025Q1;${F};2025-04-20\n${DEMO.kontor.units[0]};2025Q2;-5;2025-07-20\n`);
      const r = await run("--json", "aub", "import-atp", bad);
      expect(r.code).toBe(1);
      expect((JSON.parse(r.out.split("\n")[0]!) as { findings: { subject: string }[] }).findings.map((f) => f.subject)).toContain("line 3: totalOere");
      const good = join(dir, "good.csv");
      writeFileSync(good, `se;quarter;totalOere;receivedOn;reason\n${DEMO.tomrer.units[1]};2024Q3;${6 * F};2024-12-01;one more employee\n`);
      const g = await run("--json", "aub", "import-atp", good);
      expect(g.code).toBe(0);
      expect(JSON.parse(g.out)).toEqual({ ok: true, imported: 1, corrections: 1, differenceOere: 78_725 });
    });

    it("statement (PDF) and settlement (XLSX)", async () => {
      const pdf = join(dir, "s.pdf");
      expect((await run("aub", "statement", DEMO.tomrer.cvr, "2024Q3", "--out", pdf)).code).toBe(0);
      expect(pdfText(readFileSync(pdf))).toContain(DEMO.tomrer.name);
      const x = join(dir, "s.xlsx");
      expect((await run("aub", "settlement", "2024", "--format", "xlsx", "--out", x)).code).toBe(0);
      const rows = sheetValues((await readWorkbook(readFileSync(x))).worksheets[0]!);
      expect(rows).toContainEqual(["Skoleuger", 14]);
    });

    it("import-school-weeks refuses a bad file and imports a good one", async () => {
      const f = join(dir, "w.csv");
      writeFileSync(f, "cpr;education;speciality;part;supplementary;weeks;from;to\n0101059999;Tømrer;Tømrer;grundforloeb;nej;1;2024-03-04;2024-03-08\n");
      expect((await run("aub", "import-school-weeks", f, "--school", "Skole Y", "--received-on", "2024-04-01")).code).toBe(1);
      writeFileSync(f, "cpr;education;speciality;part;supplementary;weeks;from;to\n0101059999;Tømrer;Tømrer;grundforløb;ja;1;2024-03-04;2024-03-08\n");
      const r = await run("--json", "aub", "import-school-weeks", f, "--school", "Skole Y", "--received-on", "2024-04-01");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ ok: true, lines: 1, weeks: 1, amountOere: 157_385 });
    });
  });
}
