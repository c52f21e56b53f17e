/**
 * Pupils who leave the school, over HTTP on PGlite and PostgreSQL (leaving.ts; docs/rulebooks/001-sprogprove.md
 * "Pupils who leave"): the departure is a new version (nothing deleted or overwritten), 409 on a stale version, 422 for a
 * bad date or reason (nothing saved), roles, another institution, the close; what the receipt, a submission already
 * made, the overview and the exempted count do with a leaver; the undo; the pupil list's udmeldt column.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { createApp } from "../../platform/http/app.ts";
import { makeInstitution, makeUser, testClient, type TestClient } from "../../platform/http/testing.ts";
import { formatCpr, maskCpr } from "../../kernel/ids/cpr.ts";
import { readWorkbook, sheetValues } from "../../platform/render/xlsx.ts";
import { sprogproveHttp } from "./http.ts";
import { sprogproveMigrations } from "./migrations.ts";
import { syntheticCpr } from "./testing.ts";
import { XLSX_SHEETS } from "./xlsx.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;
interface F {
  rule: string;
  severity: string;
  subject?: string;
  value?: unknown;
}
interface Detail {
  pupil: { id: string; version: number; left?: { on: string; reason: string; recordedBy: string; recordedAt: string }; attempts: unknown[]; name?: string };
  findings: F[];
  history: { version: number; reason: string | null; changed: string[]; values: Record<string, unknown> }[];
}
interface Row {
  id: string;
  cprMasked: string;
  version: number;
  left: { on: string; reason: string } | null;
  reported: boolean;
  errors: number;
}
interface Receipt {
  complete: boolean;
  reported: { bhkl: number; "1-9": number };
  left: { reported: number; notReported: number };
  steps: Record<string, F[]>;
  pupils: Record<string, { cprMasked: string }>;
}

const JUNE = { "x-bevis-today": "2023-06-01" };
const at = (d: string) => ({ "x-bevis-today": d });
const csv = { "content-type": "text/csv" };

for (const target of testTargets()) {
  describe(`sprogprøve pupils who leave on ${target.kind}`, () => {
    let db: OpenDb;
    let app: ReturnType<typeof createApp>;
    let tap: TestClient;
    let laerer: TestClient;
    let other: TestClient;
    let yearId: string;
    let alma: string;
    let bo: string;
    const cpr = (n: number) => syntheticCpr(700 + n);
    const P = () => `/api/sprogprove/years/${yearId}`;
    const detail = async (id: string) => (await tap.request("GET", `${P()}/pupils/${id}`, undefined, JUNE)).body as Detail;
    const receipt = async () => (await tap.request("GET", `${P()}/receipt`, undefined, JUNE)).body as Receipt;
    const rows = async () => ((await tap.request("GET", `${P()}/pupils`, undefined, JUNE)).body as { items: Row[] }).items;

    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...sprogproveMigrations });
      app = createApp({ db, rulebooks: [sprogproveHttp] });
      const a = await makeInstitution(db, "Skole A");
      const b = await makeInstitution(db, "Skole B");
      const users = await Promise.all([makeUser(db, a.id, ["tap"]), makeUser(db, a.id, ["laerer"]), makeUser(db, b.id, ["tap"])]);
      [tap, laerer, other] = users.map(() => testClient(app)) as [TestClient, TestClient, TestClient];
      await Promise.all([tap, laerer, other].map((cl, i) => cl.login(users[i]!.email, users[i]!.password)));
      const y = await tap.request("POST", "/api/sprogprove/years", { schoolYear: "2022/23", coverage: { pupilsTotal: 300, pupilsInListedAreas: 120 }, exemptedCount: 0 }, JUNE);
      expect(y.status).toBe(201);
      yearId = (y.body as { id: string }).id;
      // Alma (bh.kl.): attempt 1 held (Ikke sprogparat) on 10 January, nothing else yet. Bo (bh.kl.): nothing held.
      const a1 = await tap.request("POST", `${P()}/pupils`, { cpr: cpr(1), classLevel: 0, toBeTested: true, name: "Alma", attempts: [{ no: 1, result: "Ikke sprogparat", heldOn: "2023-01-10" }], rykkerOp: null }, JUNE);
      const b1 = await tap.request("POST", `${P()}/pupils`, { cpr: cpr(2), classLevel: 0, toBeTested: true, name: "Bo", attempts: [], rykkerOp: null }, JUNE);
      expect([a1.status, b1.status]).toEqual([201, 201]);
      alma = (a1.body as Detail).pupil.id;
      bo = (b1.body as Detail).pupil.id;
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("before anyone leaves: both pupils are gaps in the receipt; submission 1 is made with them", async () => {
      const r = await receipt();
      expect(r.complete).toBe(false);
      expect(r.reported).toEqual({ bhkl: 2, "1-9": 0 });
      expect(r.left).toEqual({ reported: 0, notReported: 0 });
      const s = await tap.request("POST", `${P()}/submissions`, undefined, JUNE);
      expect(s.status).toBe(201);
      expect((s.body as { number: number; complete: boolean }).number).toBe(1);
    });

    it("refused, nothing saved: bad date, future date, after the school year, no reason (422); stale (409); lærer (403); another school (404); after the close (423)", async () => {
      const post = (cl: TestClient, body: unknown, h = JUNE, id = alma) => cl.request("POST", `${P()}/pupils/${id}/left`, body, h);
      const bad = await post(tap, { version: 1, left: { on: "1 March", reason: "moved" } });
      expect(bad.status).toBe(422);
      expect((bad.body as { findings: F[] }).findings.map((f) => [f.rule, f.subject])).toEqual([["sprogprove.left.date", "left.on"]]);
      expect((await post(tap, { version: 1, left: { on: "2023-06-02", reason: "moved" } })).status).toBe(422);
      const after = await post(tap, { version: 1, left: { on: "2023-08-10", reason: "moved" } }, at("2023-08-20"));
      expect((after.body as { findings: F[] }).findings[0]!.rule).toBe("sprogprove.left.after-year");
      const noReason = await post(tap, { version: 1, left: { on: "2023-03-01", reason: " " } });
      expect((noReason.body as { findings: F[] }).findings.map((f) => f.rule)).toEqual(["sprogprove.left.reason"]);
      const stale = await post(tap, { version: 7, left: { on: "2023-03-01", reason: "moved" } });
      expect(stale.status).toBe(409);
      expect((stale.body as { findings: F[] }).findings[0]!.rule).toBe("sprogprove.version.stale");
      expect((await post(laerer, { version: 1, left: { on: "2023-03-01", reason: "moved" } })).status).toBe(403);
      expect((await post(other, { version: 1, left: { on: "2023-03-01", reason: "moved" } })).status).toBe(404);
      const closed = await post(tap, { version: 1, left: { on: "2023-03-01", reason: "moved" } }, at("2023-09-06"));
      expect(closed.status).toBe(423);
      expect((await post(tap, { version: 1, left: "2023-03-01" })).status).toBe(400);
      const d = await detail(alma);
      expect(d.pupil.version).toBe(1);
      expect(d.pupil.left).toBeUndefined();
    });

    it("Alma leaves on 1 March: a new version (who, when, why), the old one kept; reported with the attempt held here", async () => {
      const r = await tap.request("POST", `${P()}/pupils/${alma}/left`, { version: 1, left: { on: "2023-03-01", reason: "flyttet til Aarhus" } }, JUNE);
      expect(r.status).toBe(200);
      const d = r.body as Detail;
      expect(d.pupil.version).toBe(2);
      expect(d.pupil.left).toMatchObject({ on: "2023-03-01", reason: "flyttet til Aarhus" });
      expect(d.pupil.left!.recordedBy).toMatch(/@/);
      expect(Number.isNaN(Date.parse(d.pupil.left!.recordedAt))).toBe(false);
      expect(d.findings.map((f) => f.rule)).toEqual(["sprogprove.left.recorded", "sprogprove.left.reported"]);
      expect(d.history.map((h) => [h.version, h.changed])).toEqual([
        [1, []],
        [2, ["left"]],
      ]);
      expect(d.history[1]!.reason).toBe("left on 2023-03-01: flyttet til Aarhus");
      expect(d.history[0]!.values.left).toBeUndefined();
      expect(d.pupil.attempts).toHaveLength(1);
      const row = (await rows()).find((x) => x.id === alma)!;
      expect(row).toMatchObject({ version: 2, left: { on: "2023-03-01", reason: "flyttet til Aarhus" }, reported: true, errors: 0 });
    });

    it("a correction in the form keeps the departure; an attempt dated after it is an error", async () => {
      const r = await tap.request(
        "PUT",
        `${P()}/pupils/${alma}`,
        { classLevel: 0, toBeTested: true, attempts: [{ no: 1, result: "Ikke sprogparat", heldOn: "2023-01-10" }, { no: 2, result: "Sprogparat", heldOn: "2023-03-05" }], rykkerOp: null, version: 2, reason: "attempt 2" },
        JUNE,
      );
      expect(r.status).toBe(200);
      const d = r.body as Detail;
      expect(d.pupil.left?.on).toBe("2023-03-01");
      expect(d.findings.find((f) => f.rule === "sprogprove.left.attempt-after")).toMatchObject({ severity: "error", subject: "attempts.2.heldOn" });
      // back to the attempt held here
      const fix = await tap.request("PUT", `${P()}/pupils/${alma}`, { classLevel: 0, toBeTested: true, attempts: [{ no: 1, result: "Ikke sprogparat", heldOn: "2023-01-10" }], rykkerOp: true, sommerskole: true, version: 3, reason: "attempt 2 was at the new school" }, JUNE);
      expect(fix.status).toBe(200);
      expect((fix.body as Detail).pupil.left?.on).toBe("2023-03-01");
    });

    it("Bo leaves with nothing held: not reported; the receipt turns green; submission 1 stays as sent, the year asks for a new one", async () => {
      const r = await tap.request("POST", `${P()}/pupils/${bo}/left`, { version: 1, left: { on: "2023-02-15", reason: "skiftet til friskole" } }, JUNE);
      expect(r.status).toBe(200);
      expect((r.body as Detail).findings.map((f) => f.rule)).toEqual(["sprogprove.left.recorded", "sprogprove.left.not-reported"]);
      const rec = await receipt();
      expect(rec.complete).toBe(true);
      expect(rec.reported).toEqual({ bhkl: 1, "1-9": 0 });
      expect(rec.left).toEqual({ reported: 1, notReported: 1 });
      const year = (await tap.request("GET", P(), undefined, JUNE)).body as { mustResubmit: { value: boolean } };
      expect(year.mustResubmit.value).toBe(true);
      const first = (await tap.request("GET", `${P()}/submissions/latest`)).body as { number: number; complete: boolean; receipt: Receipt };
      expect(first).toMatchObject({ number: 1, complete: false });
      expect(first.receipt.reported).toEqual({ bhkl: 2, "1-9": 0 });
      const second = await tap.request("POST", `${P()}/submissions`, undefined, JUNE);
      expect(second.body).toMatchObject({ number: 2, complete: true });
      // the copy: Alma with her attempt and the day she left; Bo (nothing held) not in it; the counts on sheet 4
      const cookie = [...tap.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await app.request(`http://localhost${P()}/submissions/${(second.body as { id: string }).id}/xlsx`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const wb = await readWorkbook(Buffer.from(await res.arrayBuffer()));
      const bh = sheetValues(wb.getWorksheet(XLSX_SHEETS.bhkl)!);
      const head = bh[0]!;
      // "rykker op" and sommerskole (stated for Alma) are the new school's to report: blank
      expect(bh.slice(1).map((r) => [r[0], r[head.indexOf("Forsøg 1")], r[head.indexOf("Rykker op")], r[head.indexOf("Sommerskole")], r[head.indexOf("Udmeldt")]])).toEqual([
        [formatCpr(cpr(1)), "Ikke sprogparat", "", "", "2023-03-01"],
      ]);
      const facts = new Map(sheetValues(wb.getWorksheet(XLSX_SHEETS.submission)!).map((r) => [r[0], r[1]] as const));
      expect(facts.get("Udmeldte elever, indberettet med afholdte forsøg")).toBe(1);
      expect(facts.get("Udmeldte elever, ikke indberettet")).toBe(1);
      const ov = (await tap.request("GET", `${P()}/overview`)).body as { levels: { classLevel: number; pupils: number; tested: number; left: number }[] };
      expect(ov.levels).toEqual([expect.objectContaining({ classLevel: 0, pupils: 0, tested: 1, left: 2 })]);
    });

    it("undo: a new version without the departure (reason required); undoing a pupil who has not left is refused", async () => {
      const noReason = await tap.request("POST", `${P()}/pupils/${bo}/left`, { version: 2, left: null }, JUNE);
      expect(noReason.status).toBe(422);
      expect((noReason.body as { findings: F[] }).findings.map((f) => f.rule)).toEqual(["sprogprove.left.undo-reason"]);
      const r = await tap.request("POST", `${P()}/pupils/${bo}/left`, { version: 2, left: null, reason: "registreret ved en fejl" }, JUNE);
      expect(r.status).toBe(200);
      const d = r.body as Detail;
      expect(d.pupil.version).toBe(3);
      expect(d.pupil.left).toBeUndefined();
      expect(d.history.map((h) => [h.version, h.changed, h.reason])).toEqual([
        [1, [], "registered"],
        [2, ["left"], "left on 2023-02-15: skiftet til friskole"],
        [3, ["left"], "departure of 2023-02-15 taken back: registreret ved en fejl"],
      ]);
      expect(d.history[1]!.values.left).toMatchObject({ on: "2023-02-15" });
      const again = await tap.request("POST", `${P()}/pupils/${bo}/left`, { version: 3, left: null, reason: "x" }, JUNE);
      expect((again.body as { findings: F[] }).findings.map((f) => f.rule)).toEqual(["sprogprove.left.not-left"]);
      expect((await receipt()).complete).toBe(false);
    });

    it("a leaver's § 14 exemption is not counted in step 3", async () => {
      const ex = { considerableDisability: true, pppAssessment: true, specialConditionsConsidered: true };
      const c = await tap.request("POST", `${P()}/pupils`, { cpr: cpr(3), classLevel: 0, toBeTested: false, exemption: ex, attempts: [], rykkerOp: null }, JUNE);
      const id = (c.body as Detail).pupil.id;
      const y = (await tap.request("GET", P(), undefined, JUNE)).body as { version: number };
      await tap.request("PUT", P(), { version: y.version, reason: "one exempted", exemptedCount: 1 }, JUNE);
      expect((await receipt()).steps["3-exempted"]!.filter((f) => f.severity !== "info")).toEqual([]);
      await tap.request("POST", `${P()}/pupils/${id}/left`, { version: 1, left: { on: "2023-04-01", reason: "moved" } }, JUNE);
      expect((await receipt()).steps["3-exempted"]!.map((f) => f.rule)).toEqual(["sprogprove.exempted.count-differs"]);
    });

    it("the pupil list's udmeldt column: a known pupil gets a new version, a new one is added as left; a bad date refuses the whole file", async () => {
      const bad = ["cpr;klassetrin;udmeldt;udmeldt_aarsag", `${cpr(2)};0;2023-05-01;flyttet`, `${cpr(4)};1;2023-13-01;`].join("\n");
      const refused = await tap.request("POST", `${P()}/pupil-list`, bad, { ...csv, ...JUNE });
      expect(refused.status).toBe(422);
      expect((refused.body as { findings: F[] }).findings.map((f) => [f.subject, f.rule, f.value])).toEqual([["line 3: udmeldt", "sprogprove.left.date", "2023-13-01"]]);
      expect((await detail(bo)).pupil.version).toBe(3);

      const good = ["cpr;klassetrin;udmeldt;udmeldt_aarsag", `${cpr(2)};0;2023-05-01;flyttet`, `${cpr(4)};1;2023-04-20;`, `${cpr(1)};0;;`].join("\n");
      const r = await tap.request("POST", `${P()}/pupil-list`, good, { ...csv, ...JUNE });
      expect(r.status).toBe(200);
      const rep = r.body as { added: { cprMasked: string; left: string | null }[]; kept: { cprMasked: string; differs: string[] }[]; left: { cprMasked: string; on: string; reason: string; version: number }[] };
      expect(rep.left).toEqual([expect.objectContaining({ cprMasked: maskCpr(cpr(2)), on: "2023-05-01", reason: "flyttet", version: 4 })]);
      expect(rep.added).toEqual([expect.objectContaining({ cprMasked: maskCpr(cpr(4)), left: "2023-04-20" })]);
      expect(rep.kept).toEqual([expect.objectContaining({ cprMasked: maskCpr(cpr(1)), differs: ["left"] })]);
      const d = await detail(bo);
      expect(d.pupil.left).toMatchObject({ on: "2023-05-01", reason: "flyttet" });
      expect(d.history.at(-1)!.reason).toBe("pupil-list import: left on 2023-05-01: flyttet");
      // Alma's departure in bevis is kept although the file does not list it
      expect((await detail(alma)).pupil.left?.on).toBe("2023-03-01");
    });
  });
}
