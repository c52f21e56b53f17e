/**
 * `bevis eksamen …` in-process (src/cli/main.ts) on a PGlite data folder seeded with the exam demo data.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.ts";
import { allMigrations } from "../../compose.ts";
import { createInstitution } from "../../platform/auth/directory.ts";
import { openDatabase } from "../../platform/db/connect.ts";
import { DEMO_EKSAMEN, seedEksamenDemo } from "./demo.ts";

interface Run {
  code: number;
  out: string;
  err: string;
}

const dir = mkdtempSync(join(tmpdir(), "bevis-eksamen-cli-"));

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

describe("bevis eksamen (PGlite)", () => {
  beforeAll(async () => {
    const db = await openDatabase({ dataDir: join(dir, "data"), migrations: allMigrations });
    const inst = await createInstitution(db.kysely, { code: DEMO_EKSAMEN.institutionCode, name: "Fjordby Gymnasium (test)", country: "DK" });
    await seedEksamenDemo(db, inst);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
