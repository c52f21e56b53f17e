/**
 * The `bevis` CLI, run in-process (main(), src/cli/testing.ts) on a PGlite data folder and on a PostgreSQL server
 * database; the PGlite folder lock; plus a real `bevis serve` child process on each (start, answer, stop on SIGTERM,
 * release the PGlite lock).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/connect.ts";
import { cliTargets, runCli, type CliRun as Run } from "./testing.ts";

const json = (r: Run) => JSON.parse(r.out) as Record<string, unknown> & unknown[];

const targets = cliTargets("bevis-cli");

for (const t of targets) {
  describe(`bevis CLI on ${t.kind}`, () => {
    afterAll(() => t.cleanup());
    const run = t.run;

    it("migrates, adds institutions, users and tokens, and lists them (--json and human)", async () => {
      const m = await run("--json", "migrate");
      expect(m.code).toBe(0);
      expect(json(m).ran).toEqual(expect.arrayContaining(["0001-platform-core"]));

      const noInst = await run("user", "add", "--email", "a@test.example", "--role", "admin");
      expect(noInst.code).toBe(1);
      expect(noInst.err).toMatch(/no institution yet/);

      expect((await run("institution", "add", "--code", "111111", "--name", "Skole Et")).code).toBe(0);
      const added = await run("--json", "user", "add", "--email", "Admin@Test.example", "--name", "Admin", "--role", "admin");
      expect(added.code).toBe(0);
      const a = json(added);
      expect(a).toMatchObject({ email: "admin@test.example", created: true, role: "admin" });
      expect(String(a.password)).toHaveLength(16);

      const human = await run("user", "add", "--email", "tap@test.example", "--role", "tap", "--password", "given-password");
      expect(human.out).toMatch(/created tap@test.example with role tap/);
      expect(human.out).not.toContain("given-password");

      expect((await run("institution", "add", "--code", "222222", "--name", "Skole To", "--country", "NO")).code).toBe(0);
      const dup = await run("institution", "add", "--code", "222222", "--name", "Again");
      expect(dup.code).toBe(1);
      expect(dup.err).toMatch(/exists/);
      const ambiguous = await run("user", "add", "--email", "b@test.example", "--role", "laerer");
      expect(ambiguous.code).toBe(1);
      expect(ambiguous.err).toMatch(/several institutions.*111111.*222222/);
      const second = await run("--json", "user", "add", "--email", "tap@test.example", "--role", "readonly", "--institution", "222222");
      expect(json(second)).toMatchObject({ created: false, role: "readonly" });
      const unknown = await run("user", "add", "--email", "x@test.example", "--role", "tap", "--institution", "999999");
      expect(unknown.err).toMatch(/no institution with code 999999/);
      const badRole = await run("user", "add", "--email", "x@test.example", "--role", "boss", "--institution", "111111");
      expect(badRole.code).not.toBe(0);

      const list = json(await run("--json", "user", "list")) as unknown as { email: string; institutions: { code: string; roles: string[] }[] }[];
      expect(list.find((u) => u.email === "tap@test.example")?.institutions).toEqual([
        { code: "111111", roles: ["tap"] },
        { code: "222222", roles: ["readonly"] },
      ]);
      expect((await run("user", "list")).out).toMatch(/admin@test.example/);

      const tok = await run("--json", "token", "add", "--user", "tap@test.example", "--institution", "222222", "--name", "sync");
      expect(tok.code).toBe(0);
      expect(String(json(tok).token)).toMatch(/^bevis_/);
      const notMember = await run("token", "add", "--user", "admin@test.example", "--institution", "222222", "--name", "x");
      expect(notMember.err).toMatch(/not a member/);

      const insts = json(await run("--json", "institution", "list")) as unknown as { code: string }[];
      expect(insts.map((i) => i.code)).toEqual(["111111", "222222"]);
    }, 600_000); // every command opens the database anew: PGlite on disk takes seconds per open
  });
}

describe("bevis CLI on a locked or busy data folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "bevis-cli-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 2 with the lock message when another process holds the folder", async () => {
    const holder = await openDatabase({ dataDir: dir });
    try {
      const r = await runCli({ BEVIS_DATA: dir, DATABASE_URL: undefined }, "user", "list");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/in use by another bevis process/);
      const j = await runCli({ BEVIS_DATA: dir, DATABASE_URL: undefined }, "--json", "user", "list");
      expect(j.code).toBe(2);
      expect(JSON.parse(j.out).error).toMatch(/in use/);
    } finally {
      await holder.close();
    }
  }, 300_000);
});

for (const t of cliTargets("bevis-serve")) {
  describe(`bevis serve on ${t.kind}`, () => {
    let child: ReturnType<typeof spawn> | undefined;
    afterAll(async () => {
      if (child && child.exitCode === null) child.kill("SIGKILL");
      await t.cleanup();
    });

    it("serves with demo logins, answers health and login, and stops cleanly on SIGTERM", async () => {
      const root = resolve(import.meta.dirname, "../..");
      const env = await t.env();
      const dir = env.BEVIS_DATA;
      child = spawn(process.execPath, [join(root, "bin/bevis.mjs"), "--json", "serve", "--demo", "--port", "0", "--host", "127.0.0.1"], {
        env: { ...process.env, BEVIS_DATA: dir, DATABASE_URL: env.DATABASE_URL ?? "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      const started = await new Promise<{ url: string; logins: { email: string; password: string }[] }>((res, rej) => {
        child!.stdout!.on("data", (d: Buffer) => {
          out += d.toString();
          const line = out.split("\n").find((l) => l.startsWith("{") && l.includes('"url"') && l.endsWith("}"));
          if (line) res(JSON.parse(line) as never);
        });
        child!.on("exit", (code) => rej(new Error(`serve exited ${code}: ${out}`)));
      });
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const h = await fetch(new URL("/api/health", started.url));
      expect(await h.json()).toEqual({ ok: true, db: t.kind });
      const admin = started.logins.find((l) => l.email.startsWith("admin@"))!;
      const login = await fetch(new URL("/api/auth/login", started.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: admin.email, password: admin.password }),
      });
      expect(login.status).toBe(200);
      if (dir) expect(existsSync(join(dir, "bevis.lock"))).toBe(true); // PGlite: the data folder is locked while served
      const code = await new Promise<number | null>((res) => {
        child!.on("exit", (c) => res(c));
        child!.kill("SIGTERM");
      });
      expect(code).toBe(0);
      if (dir) expect(existsSync(join(dir, "bevis.lock"))).toBe(false);
    }, 300_000);
  });
}
