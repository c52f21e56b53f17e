import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { createApp } from "../../platform/http/app.ts";
import { readWorkbook, sheetValues } from "../../platform/render/xlsx.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { makeInstitution, makeUser, testClient, type TestClient } from "../../platform/http/testing.ts";
import { validCvr } from "./demo.ts";
import { aubHttp } from "./http.ts";
import { aubMigrations } from "./migrations.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;
const F = 85_200; // a full quarter's ATP amount (parameters/atp.ts)
const RATE = 78_725; // 3.149 kr. / 4 (parameters/contribution-rates.ts)

const CVR = validCvr(2120001);
const SE1 = validCvr(2120101);
const SE2 = validCvr(2120201);
/** CVR with a wrong check digit. */
const BAD_CVR = CVR.slice(0, 7) + String((Number(CVR[7]) + 1) % 10);
const TRAINEE = "1203059123";

interface Problem {
  status: number;
  findings: { rule: string; subject?: string; cite: { seed: string; ref: string }; message: { en: string; da?: string } }[];
}

const agreement = (over: Record<string, unknown> = {}) => ({
  notifiedOn: "2024-09-20",
  employerCvr: CVR,
  traineeName: "Test Lærling",
  traineeCpr: TRAINEE,
  educationCode: "EUD-T",
  paidHoursPerWeek: 37,
  underEudLaw: true,
  employerSector: "private",
  civilServantOnProbation: false,
  attachment: "none",
  agreementStart: "2024-10-01",
  agreementEnd: "2026-09-30",
  ...over,
});

for (const target of testTargets()) {
  describe(`AUB HTTP on ${target.kind}`, () => {
    let db: OpenDb;
    let tap: TestClient;
    let admin: TestClient;
    let other: TestClient;
    let readonly: TestClient;
    let employerId = "";
    let app: ReturnType<typeof createApp>;
    const fetchBytes = async (c: TestClient, path: string): Promise<Buffer> => {
      const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...aubMigrations });
      app = createApp({ db, rulebooks: [aubHttp] });
      const a = await makeInstitution(db, "AUB A");
      const b = await makeInstitution(db, "AUB B");
      const users = [await makeUser(db, a.id, ["tap"]), await makeUser(db, a.id, ["admin"]), await makeUser(db, b.id, ["admin"]), await makeUser(db, a.id, ["readonly"])];
      [tap, admin, other, readonly] = users.map(() => testClient(app)) as [TestClient, TestClient, TestClient, TestClient];
      for (const [i, c] of [tap, admin, other, readonly].entries()) expect((await c.login(users[i]!.email, users[i]!.password)).status).toBe(200);
      expect((await tap.post("/api/aub/educations", { code: "EUD-T", name: "Tømrer (EUD)", law20Stk4Nr: 1, normalDurationMonths: 48 })).status).toBe(201);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("§ 1 / kernel CVR: a CVR with a wrong check digit is refused with a finding, and nothing is saved", async () => {
      const r = await tap.post("/api/aub/employers", { cvr: BAD_CVR, name: "Bad ApS", units: [{ se: SE1 }] });
      expect(r.status).toBe(422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      expect((r.body as Problem).findings.map((f) => [f.rule, f.subject])).toContainEqual(["id.cvr.checksum", "cvr"]);
      expect(((await tap.get("/api/aub/employers")).body as { total: number }).total).toBe(0);
      // the unit was not saved either: registering the SE now works
      const ok = await tap.post("/api/aub/employers", { cvr: CVR, name: "Test Tømrer ApS", units: [{ se: SE1, name: "Hovedkontor" }, { se: SE2 }] });
      expect(ok.status).toBe(201);
      employerId = (ok.body as { employer: { id: string } }).employer.id;
      expect((ok.body as { units: unknown[] }).units).toHaveLength(2);
      expect((await tap.post("/api/aub/employers", { cvr: CVR, name: "Twice" })).status).toBe(422);
    });

    it("§ 3, stk. 2: a negative ATP amount is refused with a finding on totalOere; nothing is saved", async () => {
      const r = await tap.post("/api/aub/atp-reports", { se: SE1, quarter: "2024Q1", totalOere: -5, receivedOn: "2024-04-20" });
      expect(r.status).toBe(422);
      expect((r.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "aub.atp.total-invalid", subject: "totalOere", cite: { seed: "004", ref: "§ 3, stk. 2" } }));
      const c = await tap.get(`/api/aub/contributions?employerId=${employerId}`);
      expect((c.body as { items: unknown[] }).items).toEqual([]);
    });

    it("§ 3: whole full-quarter amounts per unit; § 3, stk. 2: a correction recalculates with the difference; stale → 409", async () => {
      const first = await tap.post("/api/aub/atp-reports", { se: SE1, quarter: "2024Q1", totalOere: 3 * F + 100, receivedOn: "2024-04-20" });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ report: { version: 1 }, charge: { contributionOere: 3 * RATE, previousOere: 0, differenceOere: 3 * RATE }, contribution: { fullQuarters: 3, remainderOere: 100 } });
      const rules = (first.body as { findings: { rule: string }[] }).findings.map((f) => f.rule);
      expect(rules).toEqual(expect.arrayContaining(["aub.contribution.whole-quarters", "aub.contribution.remainder-not-charged", "aub.parameter.full-quarter-atp.secondary-source"]));
      // a second report for the same quarter without the version is a stale correction
      expect((await tap.post("/api/aub/atp-reports", { se: SE1, quarter: "2024Q1", totalOere: 5 * F, receivedOn: "2024-06-01", reason: "x" })).status).toBe(409);
      const noReason = await tap.post("/api/aub/atp-reports", { se: SE1, quarter: "2024Q1", totalOere: 5 * F, receivedOn: "2024-06-01", version: 1 });
      expect(noReason.status).toBe(422);
      const corr = await tap.post("/api/aub/atp-reports", { se: SE1, quarter: "2024Q1", totalOere: 5 * F, receivedOn: "2024-06-01", version: 1, reason: "two employees were missing" });
      expect(corr.status).toBe(201);
      expect(corr.body).toMatchObject({ report: { version: 2 }, charge: { previousOere: 3 * RATE, contributionOere: 5 * RATE, differenceOere: 2 * RATE } });
      // the statement shows both charges and the history of the report
      const s = await tap.get(`/api/aub/employers/${employerId}/statement?quarter=2024Q1&format=json`);
      expect(s.status).toBe(200);
      const st = s.body as { totalOere: number; correctionsOere: number; units: { reportVersions: unknown[]; charges: unknown[] }[] };
      expect(st.totalOere).toBe(5 * RATE);
      expect(st.correctionsOere).toBe(2 * RATE);
      expect(st.units[0]!.reportVersions).toHaveLength(2);
      expect(st.units[0]!.charges).toHaveLength(2);
    });

    it("§ 5: a notification missing the probation length gets the finding on that field; completing it gives the exemption and the next quarter's contribution drops (§§ 4, 6, 3)", async () => {
      // Q3 and Q4 of unit 2 hold the trainee's ATP line
      for (const q of ["2024Q3", "2024Q4"])
        expect((await tap.post("/api/aub/atp-reports", { se: SE2, quarter: q, totalOere: 4 * F, receivedOn: "2024-10-20", persons: [{ cpr: TRAINEE, amountOere: F }] })).status).toBe(201);
      const before = (await tap.get(`/api/aub/contributions?employerId=${employerId}&quarter=2024Q4`)).body as { items: { chargedOere: number }[] };
      expect(before.items[0]!.chargedOere).toBe(4 * RATE);
      const n = await tap.post("/api/aub/agreements", agreement());
      expect(n.status).toBe(201);
      const d = n.body as { id: string; version: number; exemption: unknown; findings: Problem["findings"] };
      expect(d.exemption).toBeNull();
      expect(d.findings).toContainEqual(expect.objectContaining({ rule: "aub.notification.probation-missing", subject: "probation", cite: { seed: "004", ref: "§ 5, stk. 1" } }));
      expect(JSON.stringify(d.findings)).not.toContain(TRAINEE); // findings never echo the whole CPR
      // stale completion → 409
      expect((await tap.request("PUT", `/api/aub/agreements/${d.id}`, { ...agreement({ probation: { months: 3 } }), version: 2, reason: "late" })).status).toBe(409);
      const done = await tap.request("PUT", `/api/aub/agreements/${d.id}`, { ...agreement({ probation: { months: 3 } }), version: 1, reason: "probation length received" });
      expect(done.status).toBe(200);
      const dd = done.body as { exemption: { fromQuarter: string }; recalculated: { quarter: string; differenceOere: number }[]; history: unknown[] };
      expect(dd.exemption.fromQuarter).toBe("2024Q4");
      expect(dd.recalculated).toEqual([expect.objectContaining({ quarter: "2024Q4", differenceOere: -RATE })]);
      expect(dd.history).toHaveLength(2);
      const after = (await tap.get(`/api/aub/contributions?employerId=${employerId}`)).body as { items: { quarter: string; chargedOere: number }[] };
      expect(after.items.find((x) => x.quarter === "2024Q4")!.chargedOere).toBe(3 * RATE);
      expect(after.items.find((x) => x.quarter === "2024Q3")!.chargedOere).toBe(4 * RATE);
    });

    it("the contribution statement is a PDF that reads back with the paragraphs and amounts", async () => {
      const r = await tap.get(`/api/aub/employers/${employerId}/statement?quarter=2024Q1`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe("application/pdf");
      const res = await fetchBytes(tap, `/api/aub/employers/${employerId}/statement?quarter=2024Q1&lang=da`);
      const txt = pdfText(res);
      expect(txt).toContain("Bidragsopgørelse");
      expect(txt).toContain(CVR);
      expect(txt).toContain("§ 3, stk. 1");
      expect(txt).toContain("3.936,25 kr."); // 5 × 787,25
    });

    it("parameters: admin adds 2025; an overlapping period is refused with a finding; a tap user may not add", async () => {
      const body = { kind: "contribution-rate", validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: 320_000, source: "LBK 2025 (test)", sureness: "good", secondary: false };
      expect((await tap.post("/api/aub/parameters", body)).status).toBe(403);
      const overlap = await admin.post("/api/aub/parameters", { ...body, validFrom: "2024-12-01" });
      expect(overlap.status).toBe(422);
      expect((overlap.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "aub.parameter.overlap", cite: { seed: "004", ref: "§ 3, stk. 1" } }));
      const ok = await admin.post("/api/aub/parameters", body);
      expect(ok.status).toBe(201);
      const list = (ok.body as { parameters: { kind: string; validFrom: string; origin: string; secondary: boolean }[] }).parameters;
      expect(list).toContainEqual(expect.objectContaining({ kind: "contribution-rate", validFrom: "2025-01-01", origin: "added" }));
      expect(list).toContainEqual(expect.objectContaining({ kind: "su-rate", secondary: true, origin: "shipped" }));
      // the added rate is used for 2025 (once the year's full-quarter ATP amount is there too; before, no charge and an error)
      const missing = await admin.post("/api/aub/atp-reports", { se: SE1, quarter: "2025Q1", totalOere: 2 * F, receivedOn: "2025-04-20" });
      expect(missing.body).toMatchObject({ charge: null, findings: expect.arrayContaining([expect.objectContaining({ rule: "aub.parameter.full-quarter-atp.missing" })]) });
      // choice 18: adding the missing row charges the report that waited for it (the first charge, cause parameter-added)
      const atp = await admin.post("/api/aub/parameters", { kind: "full-quarter-atp", validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: F, source: "ATP (test)", sureness: "medium", secondary: true });
      expect(atp.status).toBe(201);
      expect((atp.body as { charged: unknown[] }).charged).toEqual([expect.objectContaining({ se: SE1, quarter: "2025Q1", previousOere: 0, contributionOere: 2 * 80_000, differenceOere: 2 * 80_000 })]);
      const after = (await admin.get(`/api/aub/employers/${employerId}/statement?quarter=2025Q1&format=json`)).body as { units: { charges: { cause: string }[] }[] };
      expect(after.units.flatMap((u) => u.charges.map((c) => c.cause))).toEqual(["parameter-added"]);
      // amounts already charged are final: nothing of 2024 was recalculated
      expect((atp.body as { charged: { quarter: string }[] }).charged.every((c) => c.quarter.startsWith("2025"))).toBe(true);
      expect((await admin.post("/api/aub/atp-reports", { se: SE1, quarter: "2025Q1", totalOere: 3 * F, receivedOn: "2025-05-01", version: 1, reason: "resent" })).body).toMatchObject({ charge: { previousOere: 2 * 80_000, contributionOere: 3 * 80_000, differenceOere: 80_000 } });
    });

    it("choice 20: a wrongly added row is corrected by a superseding row (admin, reason); the charged quarter gets a new charge with the difference", async () => {
      const params = (await admin.get("/api/aub/parameters")).body as { id: string | null; kind: string; validFrom: string; origin: string; status: string }[];
      const row = params.find((p) => p.kind === "contribution-rate" && p.validFrom === "2025-01-01" && p.origin === "added")!;
      const body = { validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: 324_000, source: "LBK 2025 (test, corrected)", sureness: "good", secondary: false, reason: "the LBK says 3.240 kr." };
      expect((await tap.post(`/api/aub/parameters/${row.id}/correction`, body)).status).toBe(403);
      expect((await other.post(`/api/aub/parameters/${row.id}/correction`, body)).status).toBe(404);
      expect((await admin.post(`/api/aub/parameters/${row.id}/correction`, { ...body, reason: undefined })).status).toBe(400);
      const noReason = await admin.post(`/api/aub/parameters/${row.id}/correction`, { ...body, reason: "" });
      expect(noReason.status).toBe(422);
      expect((noReason.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "aub.parameter.correction-reason-missing", subject: "reason" }));
      const ok = await admin.post(`/api/aub/parameters/${row.id}/correction`, body);
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        superseded: { id: row.id, status: "superseded", valueOere: 320_000 },
        replacement: { status: "in-force", valueOere: 324_000, supersedes: row.id, reason: "the LBK says 3.240 kr." },
        recalculated: [expect.objectContaining({ se: SE1, quarter: "2025Q1", previousOere: 3 * 80_000, contributionOere: 3 * 81_000, differenceOere: 3 * 1_000 })],
        refunds: [],
      });
      expect((await admin.post(`/api/aub/parameters/${row.id}/correction`, body)).status).toBe(409);
      // the unit's quarter: both report versions and the ledger, the correction a new row
      const v = await tap.get(`/api/aub/atp-reports?se=${SE1}&quarter=2025Q1`);
      expect(v.status).toBe(200);
      expect(v.body).toMatchObject({ unit: { se: SE1 }, employer: { id: employerId }, quarter: "2025Q1" });
      expect((v.body as { versions: { version: number; isCurrent: boolean }[] }).versions.map((x) => [x.version, x.isCurrent])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect((v.body as { charges: { cause: string; differenceOere: number }[] }).charges.map((c) => [c.cause, c.differenceOere])).toEqual([
        ["parameter-added", 2 * 80_000],
        ["atp-correction", 80_000],
        ["parameter-corrected", 3 * 1_000],
      ]);
      const badSe = await tap.get(`/api/aub/atp-reports?se=1234&quarter=2025Q1`);
      expect(badSe.status).toBe(422);
      expect((badSe.body as Problem).findings[0]!.subject).toBe("se");
      // another institution sees no unit under that SE
      expect((await other.get(`/api/aub/atp-reports?se=${SE1}&quarter=2025Q1`)).body).toMatchObject({ unit: null, versions: [], charges: [] });
    });

    it("ATP CSV import is all or nothing: a bad line refuses the whole file with the line number", async () => {
      const bad = `se;quarter;totalOere;receivedOn\n${SE1};2024Q2;${2 * F};2024-07-20\n${SE2};2024Q2;-1;2024-07-20\n`;
      const r = await tap.request("POST", "/api/aub/atp-reports/import", bad, { "content-type": "text/csv" });
      expect(r.status).toBe(422);
      expect((r.body as Problem).findings.map((f) => f.subject)).toContain("line 3: totalOere");
      const q2 = (await tap.get(`/api/aub/contributions?employerId=${employerId}&quarter=2024Q2`)).body as { items: unknown[] };
      expect(q2.items).toEqual([]);
      const good = `se;quarter;totalOere;receivedOn;reason\n${SE1};2024Q2;${2 * F};2024-07-20;\n${SE1};2024Q2;${F};2024-08-01;corrected\n`;
      const ok = await tap.request("POST", "/api/aub/atp-reports/import", good, { "content-type": "text/csv" });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ imported: 2, corrections: 1, differenceOere: -RATE });
    });

    it("§§ 7–9, 11: school weeks import (all or nothing), prepayments, settlement as XLSX and PDF, attestation PDF", async () => {
      const bad = `cpr;education;speciality;part;supplementary;weeks;from;to\n0101059999;Tømrer;Tømrer;grundforloeb;ja;2;2024-03-04;2024-03-15\n0101059998;Tømrer;;hovedforloeb;ja;1;2024-05-06;2024-05-10\n`;
      const r = await tap.request("POST", "/api/aub/school-weeks/import?school=Skole%20X&receivedOn=2024-06-30", bad, { "content-type": "text/csv" });
      expect(r.status).toBe(422);
      expect((r.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "aub.school-weeks.speciality-missing", subject: "line 3.speciality" }));
      expect(((await tap.get("/api/aub/refunds?year=2024")).body as { totalWeeks: number }).totalWeeks).toBe(0);
      const good = bad.replace(";Tømrer;;hovedforloeb", ";Tømrer;Tømrer;hovedforloeb");
      const ok = await tap.request("POST", "/api/aub/school-weeks/import?school=Skole%20X&receivedOn=2024-06-30", good, { "content-type": "text/csv" });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ lines: 2, weeks: 3, amountOere: 3 * 157_385 });
      expect((await tap.post("/api/aub/prepayments", { year: 2024, estimatedGrantOere: 403, administrationOere: 0 })).status).toBe(201);
      expect((await tap.post("/api/aub/prepayments", { year: 2024, estimatedGrantOere: 403, administrationOere: 0 })).status).toBe(422);
      const s = await tap.get("/api/aub/settlements?year=2024");
      expect(s.body).toMatchObject({ settlement: { eligibleWeeks: 3, refundOere: 3 * 157_385, prepaidOere: 403, balanceOere: 3 * 157_385 - 403 } });
      const x = await fetchBytes(tap, "/api/aub/settlements/document?year=2024&format=xlsx");
      const wb = await readWorkbook(x);
      const rows = sheetValues(wb.worksheets[0]!);
      expect(rows).toContainEqual(["Slutregulering (kr.)", (3 * 157_385 - 403) / 100]);
      expect(pdfText(await fetchBytes(tap, "/api/aub/settlements/document?year=2024&format=pdf&lang=en"))).toContain("Year-end settlement");
      const att = await tap.post("/api/aub/attestations", { school: "Skole X", year: 2024, attestedWeeks: 4 });
      expect(att.body).toMatchObject({ reportedWeeks: 3, differenceWeeks: 1 });
      const pdf = pdfText(await fetchBytes(tap, "/api/aub/attestations/document?year=2024&school=Skole%20X"));
      expect(pdf).toContain("Ledelses- og Revisorerklæring");
      expect(pdf).toContain("010105-xxxx");
      expect(pdf).not.toContain("0101059999");
      const sw = await fetchBytes(tap, "/api/aub/refunds/school-weeks?year=2024&format=xlsx");
      expect(sheetValues((await readWorkbook(sw)).worksheets[0]!)).toHaveLength(3);
    });

    it("another institution gets 404 for A's rows and sees none of A's data; a readonly user cannot write (403)", async () => {
      expect((await other.get(`/api/aub/employers/${employerId}`)).status).toBe(404);
      expect((await other.get(`/api/aub/employers/${employerId}/statement?quarter=2024Q1`)).status).toBe(404);
      const list = await other.get("/api/aub/employers");
      expect(list.body).toMatchObject({ total: 0 });
      expect((await other.post("/api/aub/atp-reports", { se: SE1, quarter: "2024Q3", totalOere: F, receivedOn: "2024-10-01" })).status).toBe(422);
      expect((await readonly.post("/api/aub/employers", { cvr: validCvr(2130001), name: "X" })).status).toBe(403);
      const agreements = (await readonly.get("/api/aub/agreements")).body as { traineeCprMasked: string }[];
      expect(agreements[0]!.traineeCprMasked).toBe("120305-xxxx");
      const one = await readonly.get(`/api/aub/agreements/${(agreements[0] as unknown as { id: string }).id}`);
      expect(one.text).not.toContain(TRAINEE);
    });
  });
}

