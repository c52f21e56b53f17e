/**
 * The pupil-list import and the history views over HTTP, on PGlite and PostgreSQL: all or nothing (one bad cell → 422
 * naming every bad cell, nothing written), existing pupils kept (never overwritten), the year's change log and a
 * pupil's versions with who changed what and when, roles, the window, another institution.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { createApp } from "../../platform/http/app.ts";
import { makeInstitution, makeUser, testClient, type TestClient } from "../../platform/http/testing.ts";
import { formatCpr, maskCpr } from "../../kernel/ids/cpr.ts";
import { REF } from "./codes.ts";
import { sprogproveHttp } from "./http.ts";
import { sprogproveMigrations } from "./migrations.ts";
import { syntheticCpr } from "./testing.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;
interface F {
  rule: string;
  severity: string;
  subject?: string;
  value?: unknown;
  cite: { seed: string; ref: string };
}
interface ListReport {
  added: { pupilId: string; line: number; cprMasked: string; classLevel: number; toBeTested: boolean | null }[];
  kept: { pupilId: string; line: number; cprMasked: string; differs: string[] }[];
  findings: F[];
}
interface Row {
  id: string;
  cprMasked: string;
  name: string | null;
  classLevel: number;
  toBeTested: boolean | null;
  version: number;
}
interface Version {
  version: number;
  recordedBy: string;
  reason: string | null;
  recordedAt: string;
  supersededAt: string | null;
  changed: string[];
  values: Record<string, unknown>;
}

const csv = { "content-type": "text/csv" };
const today = (d: string) => ({ "x-bevis-today": d });

for (const target of testTargets()) {
  describe(`sprogprøve pupil list and history on ${target.kind}`, () => {
    let db: OpenDb;
    let tap: TestClient;
    let laerer: TestClient;
    let other: TestClient;
    let yearId: string;
    const cpr = (n: number) => syntheticCpr(600 + n);
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...sprogproveMigrations });
      const app = createApp({ db, rulebooks: [sprogproveHttp] });
      const a = await makeInstitution(db, "Skole A");
      const b = await makeInstitution(db, "Skole B");
      const users = await Promise.all([makeUser(db, a.id, ["tap"]), makeUser(db, a.id, ["laerer"]), makeUser(db, b.id, ["tap"])]);
      [tap, laerer, other] = users.map(() => testClient(app)) as [TestClient, TestClient, TestClient];
      await Promise.all([tap, laerer, other].map((cl, i) => cl.login(users[i]!.email, users[i]!.password)));
      const y = await tap.request("POST", "/api/sprogprove/years", { schoolYear: "2022/23", coverage: { pupilsTotal: 300, pupilsInListedAreas: 120 } }, today("2023-06-01"));
      expect(y.status).toBe(201);
      yearId = (y.body as { id: string }).id;
    });
    afterAll(async () => {
      await db?.drop();
    });
    const P = () => `/api/sprogprove/years/${yearId}`;
    const rows = async () => ((await tap.request("GET", `${P()}/pupils`, undefined, today("2023-06-15"))).body as { items: Row[] }).items;

    it("one bad cell: 422 naming every bad cell (line, column, value, rule, citation) and nothing is written", async () => {
      const file = ["cpr;klassetrin;navn;dsa_supplerende;dsa_skoleaar;skoleaar", `${cpr(1)};0;Alma;;;`, `${cpr(2)};10;Bo;;;`, `${cpr(3)};2;Cai;ja;4;2023/24`].join("\n");
      const r = await tap.request("POST", `${P()}/pupil-list`, file, { ...csv, ...today("2023-06-15") });
      expect(r.status).toBe(422);
      const fs = (r.body as { findings: F[] }).findings;
      expect(fs.map((f) => [f.subject, f.rule, f.value, f.cite.ref])).toEqual([
        ["line 3: klassetrin", "sprogprove.input.class-level", "10", REF.what],
        ["line 4: skoleaar", "sprogprove.class-level.school-year", "2023/24", REF.when],
      ]);
      expect(await rows()).toEqual([]);
    });

    it("adds every pupil of a good file with the selection by the guide's target group; a second import keeps them", async () => {
      const first = ["cpr;klassetrin;navn;dsa_supplerende;dsa_skoleaar", `${cpr(1)};bh.kl.;Alma Hansen;;`, `${formatCpr(cpr(2))};3;Bo Jensen;ja;4`, `${cpr(3)};5;;nej;`].join("\r\n");
      const r = await tap.request("POST", `${P()}/pupil-list`, first, { ...csv, ...today("2023-06-15") });
      expect(r.status).toBe(200);
      const rep = r.body as ListReport;
      expect(rep.added.map((a) => [a.line, a.cprMasked, a.classLevel, a.toBeTested])).toEqual([
        [2, maskCpr(cpr(1)), 0, true],
        [3, maskCpr(cpr(2)), 3, true],
        [4, maskCpr(cpr(3)), 5, false],
      ]);
      expect(rep.kept).toEqual([]);
      expect(JSON.stringify(r.body)).not.toContain(cpr(1));
      const list = await rows();
      expect(list.map((p) => [p.cprMasked, p.name, p.classLevel, p.toBeTested, p.version])).toEqual([
        [maskCpr(cpr(1)), "Alma Hansen", 0, true, 1],
        [maskCpr(cpr(2)), "Bo Jensen", 3, true, 1],
        [maskCpr(cpr(3)), null, 5, false, 1],
      ]);

      // the pupil is corrected in the form; the administrative system's next export must not undo that
      const bo = list[1]!;
      const fix = await tap.request("PUT", `${P()}/pupils/${bo.id}`, { classLevel: 3, toBeTested: true, dsa: { receiving: true, schoolYearsReceived: 4, leaderJudgesNoLongerNeeded: true }, attempts: [{ no: 1, result: "Sprogparat" }], rykkerOp: true, version: 1, reason: "tested" }, today("2023-06-16"));
      expect(fix.status).toBe(200);
      const again = ["cpr;klassetrin;navn", `${cpr(1)};0;Alma Hansen`, `${cpr(2)};4;Bo J.`, `${cpr(4)};1;Dan`].join("\n");
      const r2 = await tap.request("POST", `${P()}/pupil-list`, again, { ...csv, ...today("2023-06-17") });
      expect(r2.status).toBe(200);
      const rep2 = r2.body as ListReport;
      expect(rep2.added.map((a) => a.cprMasked)).toEqual([maskCpr(cpr(4))]);
      expect(rep2.kept.map((k) => [k.line, k.cprMasked, k.differs])).toEqual([
        [2, maskCpr(cpr(1)), []],
        [3, maskCpr(cpr(2)), ["classLevel", "name"]],
      ]);
      const bo2 = (await tap.request("GET", `${P()}/pupils/${bo.id}`, undefined, today("2023-06-17"))).body as { pupil: Row & { attempts: unknown[]; name: string } };
      expect(bo2.pupil).toMatchObject({ classLevel: 3, version: 2, name: "Bo Jensen" });
      expect(bo2.pupil.attempts).toHaveLength(1);
    });

    it("a pupil's versions: who changed what and when, with the values of each version", async () => {
      const bo = (await rows()).find((p) => p.cprMasked === maskCpr(cpr(2)))!;
      const d = (await tap.request("GET", `${P()}/pupils/${bo.id}`, undefined, today("2023-06-17"))).body as { history: Version[] };
      expect(d.history.map((h) => [h.version, h.reason, h.changed])).toEqual([
        [1, "pupil-list import", []],
        [2, "tested", ["dsa", "attempts", "rykkerOp"]],
      ]);
      expect(d.history[0]!.recordedBy).toMatch(/@/);
      expect(d.history[0]!.supersededAt).not.toBeNull();
      expect(d.history[1]!.supersededAt).toBeNull();
      expect(d.history[0]!.values).toMatchObject({ classLevel: 3, name: "Bo Jensen", attempts: [], rykkerOp: null });
      expect(d.history[1]!.values).toMatchObject({ rykkerOp: true, attempts: [{ no: 1, result: "sprogparat" }] });
      expect(JSON.stringify(d.history)).not.toContain(cpr(2));
    });

    it("the year's change log: every pupil version, newest first, CPR masked", async () => {
      const r = await laerer.request("GET", `${P()}/changes`);
      expect(r.status).toBe(200);
      const log = r.body as { cprMasked: string; version: number; reason: string | null; changed: string[]; recordedBy: string }[];
      expect(log).toHaveLength(5);
      expect(log[0]).toMatchObject({ cprMasked: maskCpr(cpr(4)), version: 1, reason: "pupil-list import", changed: [] });
      expect(log.find((e) => e.version === 2)).toMatchObject({ cprMasked: maskCpr(cpr(2)), reason: "tested", changed: ["dsa", "attempts", "rykkerOp"] });
      for (const n of [1, 2, 3, 4]) expect(JSON.stringify(log)).not.toContain(cpr(n));
    });

    it("a lærer may not import (403); another institution gets 404; after 5 September 423; a name is never a CPR", async () => {
      const file = `cpr;klassetrin\n${cpr(9)};1\n`;
      expect((await laerer.request("POST", `${P()}/pupil-list`, file, { ...csv, ...today("2023-06-15") })).status).toBe(403);
      expect((await other.request("POST", `${P()}/pupil-list`, file, { ...csv, ...today("2023-06-15") })).status).toBe(404);
      expect((await other.request("GET", `${P()}/changes`)).status).toBe(404);
      const late = await tap.request("POST", `${P()}/pupil-list`, file, { ...csv, ...today("2023-09-06") });
      expect(late.status).toBe(423);
      expect((late.body as { findings: F[] }).findings[0]!.rule).toBe("sprogprove.window.closed");
      const onTime = await tap.request("POST", `${P()}/pupil-list`, file, { ...csv, ...today("2023-09-05") });
      expect(onTime.status).toBe(200);
      const named = await tap.request("POST", `${P()}/pupils`, { cpr: cpr(10), classLevel: 0, toBeTested: true, rykkerOp: null, name: formatCpr(cpr(11)) }, today("2023-06-15"));
      expect(named.status).toBe(422);
      expect((named.body as { findings: F[] }).findings[0]!.rule).toBe("sprogprove.input.name");
    });
  });
}
