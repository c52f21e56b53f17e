/**
 * `bevis aub …` in-process (src/cli/main.ts) on a PGlite data folder seeded with the AUB demo data.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.ts";
import { allMigrations } from "../../compose.ts";
import { createInstitution } from "../../platform/auth/directory.ts";
import { openDatabase } from "../../platform/db/connect.ts";
import { readWorkbook, sheetValues } from "../../platform/render/xlsx.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { DEMO, DEMO_FULL as F, seedAubDemo } from "./demo.ts";

interface Run {
  code: number;
  out: string;
  err: string;
}

const dir = mkdtempSync(join(tmpdir(), "bevis-aub-cli-"));

async function run(...args: string[]): Promise<Run> {
  const saved = { BEVIS_DATA: process.env.BEVIS_DATA, DATABASE_URL: process.env.DATABASE_URL };
  process.env.BEVIS_DATA = join(dir, "data");
  delete process.env.DATABASE_URL;
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await main(["node", "bevis", ...args]);
    return { code, out: out.join(""), err: err.join("") };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("bevis aub (PGlite)", () => {
  beforeAll(async () => {
    const db = await openDatabase({ dataDir: join(dir, "data"), migrations: allMigrations });
    const inst = await createInstitution(db.kysely, { code: "990100", name: "AUB (test)", country: "DK" });
    await seedAubDemo(db, inst);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
