/** The /api/vitnemal routes on both databases: roles, 400/404/409/422 as problem+json, issue → PDF → cancel, NVB. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { createApp } from "../../platform/http/app.ts";
import { makeInstitution, makeUser, testClient, type TestClient } from "../../platform/http/testing.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { parseOrgnr } from "../../kernel/ids/orgnr.ts";
import { demoFnr, vg1Case, vitnemalCase } from "./demo.ts";
import { vitnemalHttp } from "./http.ts";
import { vitnemalMigrations } from "./migrations.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

/**
 * The case carries a valid organisasjonsnummer; the document number uses the institution's own code instead when that
 * code is one (service.ts toCase). makeInstitution's codes are random and now and then pass the orgnr check digit, so
 * the expected issuer is computed by that same rule (`issuerOrgnr`), never assumed.
 */
const ORGNR = "974760673";
const withOrgnr = <T extends { issuer: object }>(c: T): T => ({ ...c, issuer: { ...c.issuer, orgnr: ORGNR } });

for (const target of testTargets()) {
  describe(`vitnemål HTTP on ${target.kind}`, () => {
    let db: OpenDb;
    let tap: TestClient;
    let laerer: TestClient;
    let other: TestClient;
    let app: ReturnType<typeof createApp>;
    let issuerOrgnr = ORGNR;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...vitnemalMigrations });
      app = createApp({ db, rulebooks: [vitnemalHttp] });
      const a = await makeInstitution(db, "A vgs", "NO");
      const b = await makeInstitution(db, "B vgs", "NO");
      issuerOrgnr = parseOrgnr(a.code).value ?? ORGNR;
      const u1 = await makeUser(db, a.id, ["tap"]);
      const u2 = await makeUser(db, a.id, ["laerer"]);
      const u3 = await makeUser(db, b.id, ["admin"]);
      tap = testClient(app);
      laerer = testClient(app);
      other = testClient(app);
      expect((await tap.login(u1.email, u1.password)).status).toBe(200);
      expect((await laerer.login(u2.email, u2.password)).status).toBe(200);
      expect((await other.login(u3.email, u3.password)).status).toBe(200);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("creates, lists masked, corrects, refuses stale (409), previews with why per line, issues, downloads the PDF, cancels", async () => {
      const fnr = demoFnr("150306", 6);
      const created = await tap.post("/api/vitnemal/cases", withOrgnr(vitnemalCase("Eva Http", fnr)));
      expect(created.status).toBe(201);
      const d = created.body as { id: string; version: number; preview: { issuable: boolean } };
      expect(d.preview.issuable).toBe(true);
      const list = await tap.get("/api/vitnemal/cases");
      expect(list.body).toMatchObject({ total: 1, items: [{ fnrMasked: `${fnr.slice(0, 6)}xxxxx`, name: "Eva Http", schoolYear: "2024/25" }] });
      expect(list.text).not.toContain(fnr);
      const put = await tap.request("PUT", `/api/vitnemal/cases/${d.id}`, { input: withOrgnr(vitnemalCase("Eva Http Nordmann", fnr)), version: 1, reason: "navn" });
      expect(put.status).toBe(200);
      const stale = await tap.request("PUT", `/api/vitnemal/cases/${d.id}`, { input: withOrgnr(vitnemalCase("Sen", fnr)), version: 1, reason: "sen" });
      expect(stale.status).toBe(409);
      expect(stale.headers.get("content-type")).toContain("application/problem+json");
      const pv = await tap.get(`/api/vitnemal/cases/${d.id}/preview?on=2025-06-20`);
      expect(pv.status).toBe(200);
      const lines = (pv.body as { lines: { part: string; text: string; sections: string[] }[] }).lines;
      expect(lines.find((l) => l.part === "subject" && l.text.includes("NOR1267"))?.sections).toEqual(expect.arrayContaining(["2.5", "2.6"]));
      // a lærer may read but not issue
      expect((await laerer.post(`/api/vitnemal/cases/${d.id}/issue`, { on: "2025-06-20" })).status).toBe(403);
      const iss = await tap.post(`/api/vitnemal/cases/${d.id}/issue`, { on: "2025-06-20" });
      expect(iss.status).toBe(201);
      const number = (iss.body as { number: string }).number;
      expect(number).toBe(`V${issuerOrgnr}20250001`);
      const cookie = [...tap.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await app.request(`http://localhost/api/vitnemal/documents/${number}/pdf`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain("Eva Http Nordmann");
      expect(text).toContain(number);
      // §2.1: the same document with English labels; an unknown language is a 400 naming the field
      const en = await app.request(`http://localhost/api/vitnemal/documents/${number}/pdf?lang=en`, { headers: { cookie } });
      expect(en.status).toBe(200);
      const enText = pdfText(Buffer.from(await en.arrayBuffer()));
      expect(enText).toContain("DIPLOMA");
      expect(enText).not.toContain("VITNEMÅL");
      expect(enText).toContain(number);
      const bad = await app.request(`http://localhost/api/vitnemal/documents/${number}/pdf?lang=se`, { headers: { cookie } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { findings: { subject: string; message: { en: string } }[] }).findings[0]).toMatchObject({ subject: "lang", message: { en: expect.stringContaining('lang = "se"') } });
      expect((await tap.post(`/api/vitnemal/documents/${number}/cancel`, { reason: "FEI", on: "2025-06-21" })).status).toBe(200);
      const again = await tap.post(`/api/vitnemal/cases/${d.id}/issue`, { on: "2025-06-21" });
      expect((again.body as { number: string }).number).toBe(`V${issuerOrgnr}20250002`);
      const docList = await tap.get("/api/vitnemal/documents");
      expect(docList.text).toContain(`${fnr.slice(0, 6)}xxxxx`);
      expect(docList.text).not.toContain(fnr);
      const nvb = await tap.get("/api/vitnemal/nvb?schoolYear=2024/25&schoolNumber=99001");
      expect(nvb.status).toBe(200);
      expect(nvb.text.startsWith("¤A¤")).toBe(true);
      expect(nvb.text).toContain("¤D¤");
    });

    it("refuses issuing with 422 and the findings; 400 for a malformed body", async () => {
      const blocked = withOrgnr(vitnemalCase("Siv Stopp", demoFnr("020806", 6)));
      delete (blocked as Record<string, unknown>).conduct;
      const c = await tap.post("/api/vitnemal/cases", blocked);
      const id = (c.body as { id: string }).id;
      const r = await tap.post(`/api/vitnemal/cases/${id}/issue`, { on: "2025-06-20" });
      expect(r.status).toBe(422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      expect(JSON.stringify(r.body)).toContain('"ref":"5.6"');
      expect((await tap.post("/api/vitnemal/cases", { person: 5 })).status).toBe(400);
      expect((await tap.post("/api/vitnemal/cases", withOrgnr(vg1Case("Feil", "01010112345", false)))).status).toBe(422);
    });

    it("issues a school year's batch: issuable cases get numbers, refused ones come back with findings, a second run issues none", async () => {
      const ok = await tap.post("/api/vitnemal/cases", withOrgnr(vg1Case("Batch Ok", demoFnr("110107", 6), true)));
      const stop = withOrgnr(vg1Case("Batch Stopp", demoFnr("110107", 7), false));
      (stop as Record<string, unknown>).programmeAreas = [{ code: "STUSP1", level: "VG1", schoolYear: { startYear: 2022 } }]; // §2.3 format
      const bad = await tap.post("/api/vitnemal/cases", stop);
      expect([ok.status, bad.status]).toEqual([201, 201]);
      expect((await laerer.post("/api/vitnemal/issue-all", { schoolYear: "2022/23", on: "2023-06-20" })).status).toBe(403);
      const wrong = await tap.post("/api/vitnemal/issue-all", { schoolYear: "2023" });
      expect(wrong.status).toBe(422);
      expect(JSON.stringify(wrong.body)).toContain("vitnemal.input.school-year");
      const r = await tap.post("/api/vitnemal/issue-all", { schoolYear: "2022/23", on: "2023-06-20" });
      expect(r.status).toBe(200);
      const body = r.body as { schoolYear: string; issued: { caseId: string; number: string }[]; refused: { caseId: string; name: string; findings: { severity: string }[] }[]; skipped: number };
      expect(body.schoolYear).toBe("2022/23");
      expect(body.issued).toEqual([{ caseId: (ok.body as { id: string }).id, number: expect.stringMatching(new RegExp(`^K${issuerOrgnr}\\d{8}$`)) as unknown as string }]);
      expect(body.refused.map((x) => x.name)).toEqual(["Batch Stopp"]);
      expect(body.refused[0]!.findings.some((f) => f.severity === "error")).toBe(true);
      expect(body.skipped).toBeGreaterThanOrEqual(2); // the 2024/25 cases of the tests above
      const again = (await tap.post("/api/vitnemal/issue-all", { schoolYear: "2022/23", on: "2023-06-20" })).body as typeof body;
      expect(again.issued).toEqual([]);
      expect(again.refused.map((x) => x.name)).toEqual(["Batch Stopp"]);
    });

    it("another institution gets 404 for A's case and document", async () => {
      const [row] = ((await tap.get("/api/vitnemal/cases")).body as { items: { id: string }[] }).items;
      const docs = (await tap.get("/api/vitnemal/documents")).body as { number: string }[];
      expect((await other.get(`/api/vitnemal/cases/${row!.id}`)).status).toBe(404);
      expect((await other.get(`/api/vitnemal/documents/${docs[0]!.number}/pdf`)).status).toBe(404);
      expect((await other.post(`/api/vitnemal/documents/${docs[0]!.number}/duplicate`, { way: 2, signatory: "x" })).status).toBe(404);
      expect((await other.get("/api/vitnemal/documents")).body).toEqual([]);
    });
  });
}
