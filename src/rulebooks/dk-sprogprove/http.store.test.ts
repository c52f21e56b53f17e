import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { createApp } from "../../platform/http/app.ts";
import { makeInstitution, makeUser, testClient, type TestClient } from "../../platform/http/testing.ts";
import { readWorkbook, sheetValues } from "../../platform/render/xlsx.ts";
import { formatCpr } from "../../kernel/ids/cpr.ts";
import { sprogproveHttp } from "./http.ts";
import { sprogproveMigrations } from "./migrations.ts";
import { syntheticCpr } from "./testing.ts";
import { XLSX_SHEETS } from "./xlsx.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;
interface F {
  rule: string;
  severity: string;
  subject?: string;
  cite: { seed: string; ref: string };
  message: { en: string; da?: string };
}
interface PupilDetail {
  pupil: { id: string; version: number; cpr: string; attempts: { no: number; result: string | null }[]; rykkerOp: boolean | null };
  findings: F[];
}
interface Receipt {
  complete: boolean;
  steps: Record<string, F[]>;
  pupils: Record<string, { cprMasked: string }>;
}

const bhkl = (cpr: string, over: Record<string, unknown> = {}) => ({
  cpr,
  classLevel: 0,
  toBeTested: true,
  attempts: [],
  sommerskole: false,
  specialPermission: false,
  rykkerOp: null,
  ...over,
});
const today = (d: string) => ({ "x-bevis-today": d });

for (const target of testTargets()) {
  describe(`sprogprøve HTTP on ${target.kind}`, () => {
    let db: OpenDb;
    let tap: TestClient;
    let laerer: TestClient;
    let leder: TestClient;
    let admin: TestClient;
    let yearId: string;
    let app: ReturnType<typeof createApp>;
    const cpr = (n: number) => syntheticCpr(500 + n);
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...sprogproveMigrations });
      app = createApp({ db, rulebooks: [sprogproveHttp] });
      const a = await makeInstitution(db, "Skole A");
      const users = await Promise.all([
        makeUser(db, a.id, ["tap"]),
        makeUser(db, a.id, ["laerer"]),
        makeUser(db, a.id, ["leder"]),
        makeUser(db, a.id, ["admin"]),
      ]);
      [tap, laerer, leder, admin] = users.map(() => testClient(app)) as [TestClient, TestClient, TestClient, TestClient];
      await Promise.all([tap, laerer, leder, admin].map((cl, i) => cl.login(users[i]!.email, users[i]!.password)));
      const y = await tap.request("POST", "/api/sprogprove/years", { schoolYear: "2022/23", coverage: { pupilsTotal: 300, pupilsInListedAreas: 120 }, exemptedCount: 0 }, today("2023-06-01"));
      expect(y.status).toBe(201);
      yearId = (y.body as { id: string }).id;
    });
    afterAll(async () => {
      await db?.drop();
    });
    const P = () => `/api/sprogprove/years/${yearId}`;
    const at = (cl: TestClient, method: string, path: string, body?: unknown, on = "2023-06-15") => cl.request(method, P() + path, body, today(on));

    it("the year says whether the school is covered, and why (over 30 %)", async () => {
      const r = await at(tap, "GET", "");
      expect(r.status).toBe(200);
      const d = r.body as { covered: { value: boolean; because: F[] }; closes: string; open: boolean };
      expect(d.covered.value).toBe(true);
      expect(d.covered.because[0]!.cite).toEqual({ seed: "001", ref: "Hvem skal indberette?" });
      expect(d.closes).toBe("2023-09-05");
      expect(d.open).toBe(true);
    });

    it("the issue's scenario: sprogparat in attempt 2 forces 3–4 to Intet resultat; the receipt flags rykker op; fixed and resubmitted; XLSX", async () => {
      const created = await at(tap, "POST", "/pupils", bhkl(cpr(1), { attempts: [{ no: 1, result: "Ikke sprogparat" }, { no: 2, result: "Sprogparat" }] }));
      expect(created.status).toBe(201);
      const d = created.body as PupilDetail;
      expect(d.pupil.attempts.map((a) => [a.no, a.result])).toEqual([
        [1, "ikke-sprogparat"],
        [2, "sprogparat"],
        [3, "intet-resultat"],
        [4, "intet-resultat"],
      ]);
      expect(d.findings.filter((f) => f.rule === "sprogprove.attempts.forced-intet-resultat").map((f) => f.subject)).toEqual(["attempts.3.result", "attempts.4.result"]);
      expect(d.findings.some((f) => f.rule === "sprogprove.rykker-op.missing" || f.subject === "rykkerOp")).toBe(true);

      const s1 = await at(tap, "POST", "/submissions", {});
      expect(s1.status).toBe(201);
      const r1 = (s1.body as { receipt: Receipt; complete: boolean; number: number });
      expect(r1.complete).toBe(false);
      expect(r1.number).toBe(1);
      const gap = r1.receipt.steps["1-bhkl"]!.find((f) => f.subject === `pupils.${d.pupil.id}.rykkerOp` && f.severity === "error");
      expect(gap).toBeDefined();
      expect(r1.receipt.pupils[d.pupil.id]!.cprMasked).toBe(`${cpr(1).slice(0, 6)}-xxxx`);
      expect(JSON.stringify(r1)).not.toContain(cpr(1));

      const fixed = await at(tap, "PUT", `/pupils/${d.pupil.id}`, { ...bhkl(cpr(1), { attempts: d.pupil.attempts, rykkerOp: true }), version: 1, reason: "rykker op" });
      expect(fixed.status).toBe(200);
      expect((fixed.body as PupilDetail).pupil.version).toBe(2);
      const y = (await at(tap, "GET", "")).body as { mustResubmit: { value: boolean } };
      expect(y.mustResubmit.value).toBe(true);

      const s2 = await at(tap, "POST", "/submissions", {});
      expect(s2.status).toBe(201);
      const r2 = s2.body as { id: string; receipt: Receipt; complete: boolean; number: number };
      expect(r2.receipt.steps["1-bhkl"]).toEqual([]);
      expect(r2.complete).toBe(true);
      expect(r2.number).toBe(2);
      const list = (await at(tap, "GET", "/submissions")).body as { number: number; complete: boolean }[];
      expect(list.map((s) => [s.number, s.complete])).toEqual([
        [2, true],
        [1, false],
      ]);

      const x = await tap.request("GET", `${P()}/submissions/${r2.id}/xlsx`);
      expect(x.status).toBe(200);
      expect(x.headers.get("content-type")).toContain("spreadsheetml");
      const wb = await readWorkbook(await fetchBytes(app, tap, `${P()}/submissions/${r2.id}/xlsx`));
      expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(XLSX_SHEETS));
    });

    it("the XLSX copy reads back: CPR, the four attempts, the check boxes, the count", async () => {
      const list = (await at(tap, "GET", "/submissions")).body as { id: string }[];
      const wb = await readWorkbook(await fetchBytes(app, tap, `${P()}/submissions/${list[0]!.id}/xlsx`));
      const bh = sheetValues(wb.getWorksheet(XLSX_SHEETS.bhkl)!);
      expect(bh[0]).toEqual(expect.arrayContaining(["CPR-nummer", "Forsøg 1", "Forsøg 4", "Sommerskole", "Rykker op"]));
      const row = bh.find((r) => r[0] === formatCpr(cpr(1)))!;
      expect(row).toBeDefined();
      const col = (h: string) => bh[0]!.indexOf(h);
      expect(row[col("Forsøg 1")]).toBe("Ikke sprogparat");
      expect(row[col("Forsøg 2")]).toBe("Sprogparat");
      expect(row[col("Forsøg 3")]).toBe("Intet resultat");
      expect(row[col("Forsøg 4")]).toBe("Intet resultat");
      expect(row[col("Rykker op")]).toBe("Ja");
      expect(sheetValues(wb.getWorksheet(XLSX_SHEETS.exempted)!)[1]).toEqual([0]);
      const sub = sheetValues(wb.getWorksheet(XLSX_SHEETS.submission)!);
      expect(sub.find((r) => r[0] === "Fuldstændig (grøn kvittering)")?.[1]).toBe("Ja");
    });

    it("only Leder, Ledelse or TAP may submit: a lærer gets 403 with the reason (and admin too); leder may", async () => {
      const r = await at(laerer, "POST", "/submissions", {});
      expect(r.status).toBe(403);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      const body = r.body as { detail: string; findings: F[] };
      expect(body.findings[0]).toMatchObject({ rule: "sprogprove.role.may-not-submit", cite: { seed: "001", ref: "Hvem kan indberette?" } });
      expect(body.detail).toMatch(/Leder, Ledelse or TAP/);
      expect((await at(admin, "POST", "/submissions", {})).status).toBe(403);
      expect((await at(leder, "POST", "/submissions", {})).status).toBe(201);
      const list = (await at(tap, "GET", "/submissions")).body as unknown[];
      expect(list).toHaveLength(3);
      // the lærer may register results, but not download the copy (it carries CPR numbers)
      expect((await laerer.request("GET", `${P()}/submissions/latest/xlsx`)).status).toBe(403);
    });

    it("bad input gives a finding and nothing is half-saved: unknown result, attempt 5, CPR in the exemption count", async () => {
      const before = ((await at(tap, "GET", "/pupils")).body as { total: number }).total;
      const unknown = await at(tap, "POST", "/pupils", bhkl(cpr(2), { attempts: [{ no: 1, result: "Sprogparat" }, { no: 2, result: "Bestået" }] }));
      expect(unknown.status).toBe(422);
      expect((unknown.body as { findings: F[] }).findings).toEqual([expect.objectContaining({ rule: "sprogprove.input.result-unknown", subject: "attempts.1.result" })]);
      const five = await at(tap, "POST", "/pupils", bhkl(cpr(2), { attempts: [{ no: 5, result: "Ikke sprogparat" }] }));
      expect(five.status).toBe(422);
      expect((five.body as { findings: F[] }).findings[0]).toMatchObject({ rule: "sprogprove.input.attempt-number", subject: "attempts.0.no" });
      expect(((await at(tap, "GET", "/pupils")).body as { total: number }).total).toBe(before);

      const y0 = (await at(tap, "GET", "")).body as { version: number; exemptedCount: number };
      const withCpr = await at(tap, "PUT", "", { version: y0.version, exemptedCount: formatCpr(cpr(3)), coverage: { pupilsTotal: 301, pupilsInListedAreas: 120 } });
      expect(withCpr.status).toBe(422);
      expect(withCpr.text).not.toContain(cpr(3).slice(6));
      expect((withCpr.body as { findings: F[] }).findings[0]).toMatchObject({ rule: "sprogprove.input.exempted-cpr", cite: { seed: "001", ref: "Hvad skal indberettes?" } });
      const list = await at(tap, "PUT", "", { version: y0.version, exemptedCount: [cpr(3), cpr(4)] });
      expect(list.status).toBe(422);
      const y1 = (await at(tap, "GET", "")).body as { version: number; exemptedCount: number; school: { coverage: { pupilsTotal: number } } };
      expect(y1.version).toBe(y0.version);
      expect(y1.school.coverage.pupilsTotal).toBe(300);

      // a bad correction leaves the pupil as it was
      const p = ((await at(tap, "GET", "/pupils")).body as { items: { id: string; version: number }[] }).items[0]!;
      const bad = await at(tap, "PUT", `/pupils/${p.id}`, { ...bhkl(cpr(1), { attempts: [{ no: 1, result: "maybe" }] }), version: p.version });
      expect(bad.status).toBe(422);
      const after = (await at(tap, "GET", `/pupils/${p.id}`)).body as PupilDetail;
      expect(after.pupil.version).toBe(p.version);
      expect(after.pupil.attempts).toHaveLength(4);
    });

    it("a correction supersedes (history kept); a stale version is 409", async () => {
      const c = await at(tap, "POST", "/pupils", { cpr: cpr(5), classLevel: 3, toBeTested: true, attempts: [{ no: 1, result: "Ikke sprogparat" }], rykkerOp: true });
      expect(c.status).toBe(201);
      const id = (c.body as PupilDetail).pupil.id;
      const put = await at(tap, "PUT", `/pupils/${id}`, { classLevel: 3, toBeTested: true, attempts: [{ no: 1, result: "Ikke sprogparat" }, { no: 2, result: "Sprogparat" }], rykkerOp: true, version: 1, reason: "2nd attempt" });
      expect(put.status).toBe(200);
      const stale = await at(tap, "PUT", `/pupils/${id}`, { classLevel: 3, toBeTested: true, attempts: [], rykkerOp: true, version: 1 });
      expect(stale.status).toBe(409);
      expect((stale.body as { findings: F[] }).findings[0]!.rule).toBe("sprogprove.version.stale");
      const d = (await at(tap, "GET", `/pupils/${id}`)).body as PupilDetail & { history: { version: number; reason: string }[] };
      expect(d.history.map((h) => h.version)).toEqual([1, 2]);
      expect(d.pupil.attempts.map((a) => a.result)).toEqual(["ikke-sprogparat", "sprogparat"]);
      const dup = await at(tap, "POST", "/pupils", { cpr: cpr(5), classLevel: 3, toBeTested: true, attempts: [], rykkerOp: true });
      expect(dup.status).toBe(422);
      expect((dup.body as { findings: F[] }).findings[0]!.rule).toBe("sprogprove.pupil.duplicate-cpr");
    });

    it("the live check returns findings per field with the guide's passage, and the forced attempts, without saving", async () => {
      const before = ((await at(tap, "GET", "/pupils")).body as { total: number }).total;
      const r = await at(tap, "POST", "/check", bhkl(cpr(9), { attempts: [{ no: 1, result: "Sprogparat" }, { no: 2, result: "Sprogparat" }] }));
      expect(r.status).toBe(200);
      const b = r.body as { ok: boolean; findings: F[]; attempts: { no: number; result: string }[] };
      expect(b.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: "sprogprove.attempts.one-sprogparat", subject: "attempts.2.result", cite: { seed: "001", ref: "Praktisk vejledning, 2.1. Elever i børnehaveklassen" } })]),
      );
      expect(b.attempts.map((a) => a.result)).toEqual(["sprogparat", "intet-resultat", "intet-resultat", "intet-resultat"]);
      const bad = await at(tap, "POST", "/check", bhkl(cpr(9), { attempts: [{ no: 5, result: "x" }] }));
      expect(bad.status).toBe(200);
      expect((bad.body as { ok: boolean; findings: F[] }).findings.map((f) => f.rule)).toEqual(["sprogprove.input.attempt-number", "sprogprove.input.result-unknown"]);
      expect(((await at(tap, "GET", "/pupils")).body as { total: number }).total).toBe(before);
    });

    it("transfer from sprogprøver.dk: takes pupils without registered attempts, keeps the others, all or nothing", async () => {
      const empty = await at(tap, "POST", "/pupils", bhkl(cpr(20)));
      const empty2 = await at(tap, "POST", "/pupils", bhkl(cpr(21)));
      expect(empty.status).toBe(201);
      const registered = (await at(tap, "GET", "/pupils")).body as { items: { id: string; cprMasked: string }[] };
      const badFile = `cpr;forsoeg;resultat\n${cpr(20)};1;Sprogparat\n${cpr(21)};5;Sprogparat\n`;
      const bad = await tap.request("POST", `${P()}/transfer`, badFile, { "content-type": "text/csv", ...today("2023-08-16") });
      expect(bad.status).toBe(422);
      expect((bad.body as { findings: F[] }).findings[0]!.subject).toBe("line 3: forsoeg");
      const e1 = (await at(tap, "GET", `/pupils/${(empty.body as PupilDetail).pupil.id}`)).body as PupilDetail;
      expect(e1.pupil.attempts).toEqual([]);
      const file = [
        "cpr;forsoeg;resultat;delproeve1;delproeve2;delproeve3;delproeve4;dato",
        `${cpr(20)};1;Ikke sprogparat;a;b;c;d;2023-01-10`,
        `${cpr(20)};2;Sprogparat;a;b;c;d;2023-03-10`,
        `${cpr(1)};1;Sprogparat;;;;;`,
        `${formatCpr(cpr(99))};1;Sprogparat;;;;;`,
      ].join("\n");
      const ok = await tap.request("POST", `${P()}/transfer`, file, { "content-type": "text/csv", ...today("2023-08-16") });
      expect(ok.status).toBe(200);
      const rep = ok.body as { taken: { pupilId: string; attempts: number }[]; kept: { pupilId: string }[]; unmatched: string[] };
      expect(rep.taken).toEqual([{ pupilId: (empty.body as PupilDetail).pupil.id, cprMasked: `${cpr(20).slice(0, 6)}-xxxx`, attempts: 2 }]);
      expect(rep.kept.map((k) => k.pupilId)).toEqual([registered.items.find((i) => i.cprMasked.startsWith(cpr(1).slice(0, 6)))!.id]);
      expect(rep.unmatched).toEqual([`${cpr(99).slice(0, 6)}-xxxx`]);
      expect(ok.text).not.toContain(cpr(99));
      const t = (await at(tap, "GET", `/pupils/${(empty.body as PupilDetail).pupil.id}`)).body as { pupil: { attempts: { result: string; source: string }[] } };
      expect(t.pupil.attempts.map((a) => [a.result, a.source])).toEqual([
        ["ikke-sprogparat", "sprogprover.dk"],
        ["sprogparat", "sprogprover.dk"],
      ]);
      const kept = (await at(tap, "GET", `/pupils/${rep.kept[0]!.pupilId}`)).body as PupilDetail;
      expect(kept.pupil.attempts.map((a) => a.result)).toEqual(["ikke-sprogparat", "sprogparat", "intet-resultat", "intet-resultat"]);
      const json = JSON.stringify({ pupils: [{ cpr: cpr(21), attempts: [{ no: 1, result: "Intet resultat" }] }] });
      const j = await tap.request("POST", `${P()}/transfer`, json, { "content-type": "application/json", ...today("2023-08-16") });
      expect(j.status).toBe(200);
      expect((j.body as { taken: unknown[] }).taken).toHaveLength(1);
      void empty2;
    });

    it("the overview counts attempts and sprogparat per attempt and class level", async () => {
      const r = await at(tap, "GET", "/overview");
      expect(r.status).toBe(200);
      const o = r.body as { levels: { classLevel: number; sprogparat: number; attempts: { no: number; sprogparat: number; registered: number }[] }[] };
      const bh = o.levels.find((l) => l.classLevel === 0)!;
      expect(bh.attempts.find((a) => a.no === 2)!.sprogparat).toBe(2);
      expect(bh.sprogparat).toBe(2);
      expect(o.levels.find((l) => l.classLevel === 3)!.attempts[1]!.sprogparat).toBe(1);
    });

    it.each([
      ["2023-09-04", 201],
      ["2023-09-05", 201],
      ["2023-09-06", 423],
      ["2023-12-01", 423],
    ])("deadline: submitting on %s answers %i (until and including 5 September)", async (on, status) => {
      const r = await at(tap, "POST", "/submissions", {}, on);
      expect(r.status).toBe(status);
      if (status === 423) expect((r.body as { findings: F[] }).findings[0]).toMatchObject({ rule: "sprogprove.window.closed", cite: { seed: "001", ref: "Praktisk vejledning, 2.4 Indberetning" } });
    });

    it.each([
      ["2023-09-05", 200],
      ["2023-09-06", 423],
    ])("deadline: editing a pupil on %s answers %i", async (on, status) => {
      const p = ((await at(tap, "GET", "/pupils")).body as { items: { id: string; version: number; classLevel: number }[] }).items.find((i) => i.classLevel === 3)!;
      const r = await at(tap, "PUT", `/pupils/${p.id}`, { classLevel: 3, toBeTested: true, attempts: [{ no: 1, result: "Sprogparat" }], rykkerOp: true, version: p.version }, on);
      expect(r.status).toBe(status);
    });

    it("after the summer: a class level of the new school year is an error, and the receipt reminds", async () => {
      const r = await at(tap, "POST", "/pupils", { cpr: cpr(30), classLevel: 1, classLevelSchoolYear: "2023/24", toBeTested: true, attempts: [{ no: 1, result: "Sprogparat" }], rykkerOp: true }, "2023-08-20");
      expect(r.status).toBe(201);
      expect((r.body as PupilDetail).findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "sprogprove.class-level.school-year", severity: "error" })]));
      const rc = (await at(tap, "GET", "/receipt", undefined, "2023-08-20")).body as Receipt;
      expect(rc.steps["4-submit"]!.map((f) => f.rule)).toContain("sprogprove.class-level.after-summer");
      const before = (await at(tap, "GET", "/receipt", undefined, "2023-07-31")).body as Receipt;
      expect(before.steps["4-submit"]!.map((f) => f.rule)).not.toContain("sprogprove.class-level.after-summer");
    });

    it("history is append-only: a correction supersedes the old version row; submissions refuse UPDATE and DELETE", async () => {
      const { sql } = await import("kysely");
      const rows = await sql<{ pupil_id: string; version: number; is_current: boolean; superseded_at: Date | null }>`
        select pupil_id, version, is_current, superseded_at from sp_pupil_version order by pupil_id, version`.execute(db.kysely);
      const byPupil = new Map<string, typeof rows.rows>();
      for (const r of rows.rows) byPupil.set(r.pupil_id, [...(byPupil.get(r.pupil_id) ?? []), r]);
      const corrected = [...byPupil.values()].filter((v) => v.length > 1);
      expect(corrected.length).toBeGreaterThan(0);
      for (const v of corrected) {
        expect(v.filter((r) => r.is_current)).toHaveLength(1);
        expect(v.at(-1)!.is_current).toBe(true);
        for (const old of v.slice(0, -1)) expect(old.superseded_at).not.toBeNull();
      }
      await expect(sql`update sp_submission set complete = true`.execute(db.kysely)).rejects.toThrow();
      await expect(sql`delete from sp_submission`.execute(db.kysely)).rejects.toThrow();
    });

    it("audits every change and export, with masked CPR only", async () => {
      const rows = await db.kysely.selectFrom("audit_log").select(["action", "detail"]).where("action", "like", "sprogprove.%").execute();
      const actions = new Set(rows.map((r) => r.action));
      for (const a of ["sprogprove.year.create", "sprogprove.pupil.create", "sprogprove.pupil.correct", "sprogprove.submission.create", "sprogprove.submission.export", "sprogprove.transfer.import"])
        expect(actions).toContain(a);
      expect(JSON.stringify(rows)).not.toContain(cpr(1));
    });
  });
}

/** The test client reads bodies as text; binary answers are fetched through the app with the client's cookies. */
async function fetchBytes(app: ReturnType<typeof createApp>, cl: TestClient, path: string): Promise<Buffer> {
  const cookie = [...cl.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
