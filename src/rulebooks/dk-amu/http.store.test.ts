import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { createApp } from "../../platform/http/app.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { makeInstitution, makeUser, testClient, type TestClient } from "../../platform/http/testing.ts";
import { DEMO_CATALOGUE } from "./catalogue.ts";
import { amuHttp } from "./http.ts";
import { amuMigrations } from "./migrations.ts";
import { amuKysely, insertGoals } from "./store.ts";
import { participationInput } from "./testing.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

const input = (over: Record<string, unknown> = {}) => ({ ...participationInput(), ...over });

for (const target of testTargets()) {
  describe(`AMU HTTP on ${target.kind}`, () => {
    let db: OpenDb;
    let tap: TestClient;
    let laerer: TestClient;
    let other: TestClient;
    let readonly: TestClient;
    let app: ReturnType<typeof createApp>;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...amuMigrations });
      await insertGoals(amuKysely(db), null, DEMO_CATALOGUE);
      app = createApp({ db, rulebooks: [amuHttp] });
      const a = await makeInstitution(db, "A");
      const b = await makeInstitution(db, "B");
      const u1 = await makeUser(db, a.id, ["tap"]);
      const u2 = await makeUser(db, a.id, ["laerer"]);
      const u3 = await makeUser(db, b.id, ["admin"]);
      const u4 = await makeUser(db, a.id, ["readonly"]);
      tap = testClient(app);
      laerer = testClient(app);
      other = testClient(app);
      readonly = testClient(app);
      expect((await tap.login(u1.email, u1.password)).status).toBe(200);
      expect((await laerer.login(u2.email, u2.password)).status).toBe(200);
      expect((await other.login(u3.email, u3.password)).status).toBe(200);
      expect((await readonly.login(u4.email, u4.password)).status).toBe(200);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("registers, lists (masked), corrects, refuses stale (409), adds a retake", async () => {
      const created = await tap.post("/api/amu/participations", input({ resultatProevebelagt: 4 }));
      expect(created.status).toBe(201);
      const d = created.body as { participation: { id: string; version: number; cpr: string }; group: { value: number } };
      expect(d.group.value).toBe(1);
      expect(d.participation.cpr).toBe("0101901234");
      const list = await tap.get("/api/amu/participations?fagkode=90001&quarter=2024Q2");
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, items: [{ cprMasked: "010190-xxxx", goalTitle: expect.any(String) }] });
      expect(list.text).not.toContain("0101901234");
      const put = await tap.request("PUT", `/api/amu/participations/${d.participation.id}`, { ...input({ resultatProevebelagt: 5 }), version: 1, reason: "no-show" });
      expect(put.status).toBe(200);
      const stale = await tap.request("PUT", `/api/amu/participations/${d.participation.id}`, { ...input(), version: 1, reason: "late" });
      expect(stale.status).toBe(409);
      expect(stale.headers.get("content-type")).toContain("application/problem+json");
      const retake = await tap.post(`/api/amu/participations/${d.participation.id}/retakes`, { version: 2, date: "2024-06-01", resultatProevebelagt: 1 });
      expect(retake.status).toBe(201);
      expect(retake.body).toMatchObject({ participation: { version: 3, resultatProevebelagt: 5, retakes: [{ seq: 2, resultatProevebelagt: 1 }] } });
    });

    it("refuses malformed input (400 shape, 422 rule) without echoing the CPR", async () => {
      expect((await tap.post("/api/amu/participations", { cpr: 5 })).status).toBe(400);
      const r = await tap.post("/api/amu/participations", input({ cpr: "999999-1234", startDate: "2024-02-30" }));
      expect(r.status).toBe(422);
      expect(r.text).not.toContain("999999-1234");
      const subjects = (r.body as { findings: { subject: string }[] }).findings.map((f) => f.subject);
      expect(subjects).toEqual(expect.arrayContaining(["cpr", "startDate"]));
    });

    it("checks without saving", async () => {
      const before = (await tap.get("/api/amu/participations")).body as { total: number };
      const r = await tap.post("/api/amu/check", input({ resultatProevebelagt: null, resultatIkkeProevebelagt: 1 }));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ group: { value: 1 }, findings: expect.arrayContaining([expect.objectContaining({ rule: "amu.result.wrong-field" })]) });
      expect(((await tap.get("/api/amu/participations")).body as { total: number }).total).toBe(before.total);
    });

    it("lets a laerer read (CPR masked) but not write (403); another institution gets 404", async () => {
      const list = (await tap.get("/api/amu/participations")).body as { items: { id: string }[] };
      const id = list.items[0]!.id;
      const seen = await laerer.get(`/api/amu/participations/${id}`);
      expect(seen.status).toBe(200);
      expect(seen.text).not.toContain("0101901234");
      expect((seen.body as { participation: { cpr: string } }).participation.cpr).toBe("010190-xxxx");
      expect((await laerer.post("/api/amu/participations", input())).status).toBe(403);
      expect((await laerer.post("/api/amu/reports", { quarter: "2024Q2" })).status).toBe(403);
      expect((await other.get(`/api/amu/participations/${id}`)).status).toBe(404);
      expect((await other.request("PUT", `/api/amu/participations/${id}`, { ...input(), version: 3, reason: "x" })).status).toBe(404);
      expect((await other.get("/api/amu/participations")).body).toMatchObject({ total: 0 });
    });

    it("imports CSV all or nothing", async () => {
      const header = "cpr;fagkode;startDate;endDate;status;resultatProevebelagt;resultatIkkeProevebelagt";
      const bad = await tap.request("POST", "/api/amu/import", `${header}\n020290-1234;90002;2024-04-01;2024-04-05;ended;;1\n030390-1234;90002;2024-04-31;;ended;;1\n`, {
        "content-type": "text/csv",
      });
      expect(bad.status).toBe(422);
      expect((bad.body as { findings: { subject: string }[] }).findings.map((f) => f.subject)).toEqual(["line 3: startDate"]);
      const ok = await tap.request("POST", "/api/amu/import", `${header}\n020290-1234;90002;2024-04-01;2024-04-05;ended;;1\n`, { "content-type": "text/csv" });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ imported: 1, retakes: 0 });
    });

    it("builds numbered reports with a diff, downloads the file and receipt (audited)", async () => {
      const p1 = await tap.get("/api/amu/reports/preview?quarter=2024Q2");
      expect(p1.status).toBe(200);
      const r1 = await tap.post("/api/amu/reports", { quarter: "2024Q2" });
      expect(r1.status).toBe(201);
      const rep1 = r1.body as { id: string; number: number; counts: Record<string, number> };
      expect(rep1.number).toBe(1);
      expect(rep1.counts.new).toBeGreaterThan(0);
      const r2 = await tap.post("/api/amu/reports", { quarter: "2024Q2" });
      expect(r2.body).toMatchObject({ number: 2, counts: { new: 0, changed: 0, removed: 0 } });
      const list = await tap.get("/api/amu/reports");
      expect((list.body as { number: number }[]).map((r) => r.number)).toEqual([2, 1]);
      const file = await tap.get(`/api/amu/reports/${rep1.id}/file?format=csv`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-disposition")).toMatch(/attachment/);
      expect(file.text).toContain("0101901234");
      const json = await tap.get(`/api/amu/reports/${rep1.id}/file?format=json`);
      expect(json.status).toBe(200);
      const receipt = await tap.get(`/api/amu/reports/${rep1.id}/receipt?format=html`);
      expect(receipt.status).toBe(200);
      expect(receipt.text).not.toContain("0101901234");
      const pdf = await laerer.get(`/api/amu/reports/${rep1.id}/receipt?format=pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect((await laerer.get(`/api/amu/reports/${rep1.id}/file?format=csv`)).status).toBe(403);
      expect((await other.get(`/api/amu/reports/${rep1.id}`)).status).toBe(404);
      expect((await other.get(`/api/amu/reports/${rep1.id}/file?format=csv`)).status).toBe(404);
      const audits = await db.kysely.selectFrom("audit_log").select(["action", "detail"]).where("action", "=", "amu.report.export").execute();
      expect(audits.map((x) => (x.detail as { format: string }).format)).toEqual(["csv", "json", "html", "pdf"]);
    });

    it("gives a readonly user the receipt (PDF and HTML) with every CPR masked", async () => {
      const [latest] = (await tap.get("/api/amu/reports")).body as { id: string }[];
      const cookie = [...readonly.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await app.request(`http://localhost/api/amu/reports/${latest!.id}/receipt?format=pdf`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain("SHA-256");
      expect(text).not.toMatch(/0101901234|010190-1234/);
      const html = await readonly.get(`/api/amu/reports/${latest!.id}/receipt?format=html`);
      expect(html.status).toBe(200);
      expect(html.text).not.toMatch(/0101901234|010190-1234/);
      expect((await readonly.get(`/api/amu/reports/${latest!.id}/file?format=csv`)).status).toBe(403);
    });

    it("refuses a report while a participation in scope has an error (422, naming it)", async () => {
      const c = await tap.post("/api/amu/participations", input({ startDate: "2024-08-05", endDate: "2024-08-09", resultatProevebelagt: null, resultatIkkeProevebelagt: 1 }));
      const id = (c.body as { participation: { id: string } }).participation.id;
      const r = await tap.post("/api/amu/reports", { quarter: "2024Q3" });
      expect(r.status).toBe(422);
      expect((r.body as { findings: { subject: string }[] }).findings[0]?.subject).toContain(id);
      expect((await tap.get("/api/amu/reports")).body).toHaveLength(2);
    });

    it("serves the operations in the OpenAPI document", async () => {
      const doc = (await tap.get("/openapi.json")).body as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/amu/participations/{id}", "/api/amu/reports/{id}/receipt", "/api/amu/import"]));
    });
  });
}
