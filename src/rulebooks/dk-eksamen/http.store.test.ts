import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import { createApp } from "../../platform/http/app.ts";
import { makeInstitution, makeUser, testClient, type TestClient } from "../../platform/http/testing.ts";
import { DEMO_EKSAMEN, seedEksamenDemo } from "./demo.ts";
import { eksamenHttp } from "./http.ts";
import { eksamenMigrations } from "./migrations.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;
interface Problem {
  status: number;
  findings: { rule: string; subject?: string; cite: { seed: string; ref: string } }[];
}
const B = "/api/eksamen";

for (const target of testTargets()) {
  describe(`eksamen HTTP on ${target.kind}`, () => {
    let db: OpenDb;
    let leder: TestClient;
    let tap: TestClient;
    let laerer: TestClient;
    let readonly: TestClient;
    let other: TestClient;
    let instA: { id: string; code: string };
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...eksamenMigrations });
      const app = createApp({ db, rulebooks: [eksamenHttp] });
      const a = await makeInstitution(db, "Gym A");
      const b = await makeInstitution(db, "Gym B");
      instA = a;
      await seedEksamenDemo(db, a);
      const users = [await makeUser(db, a.id, ["leder"]), await makeUser(db, a.id, ["tap"]), await makeUser(db, a.id, ["laerer"]), await makeUser(db, a.id, ["readonly"]), await makeUser(db, b.id, ["admin"])];
      const clients = users.map(() => testClient(app));
      [leder, tap, laerer, readonly, other] = clients as [TestClient, TestClient, TestClient, TestClient, TestClient];
      for (const [i, c] of clients.entries()) expect((await c.login(users[i]!.email, users[i]!.password)).status).toBe(200);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("the browser scenario: the oral complaint offers retest, not re-assessment (§ 50); tap may not decide; the leder may", async () => {
      const list = (await tap.get(`${B}/complaints`)).body as { id: string; examineeName: string; state: string }[];
      expect(list.map((c) => [c.examineeName, c.state])).toEqual([[DEMO_EKSAMEN.examinees.emma.name, "comments"]]);
      const c = (await tap.get(`${B}/complaints/${list[0]!.id}?on=2024-06-28`)).body as { seq: number; possibleOutcomes: { value: string[]; because: { cite: { ref: string } }[] } };
      expect(c.possibleOutcomes.value).toEqual(["retest", "not-upheld"]);
      expect(c.possibleOutcomes.because[0]!.cite.ref).toBe("§ 50, stk. 1");
      const decide = (outcome: string) => ({ seq: c.seq, actor: "leader", event: { type: "decide", on: "2024-07-01", outcome, reasoned: true, justifiedDoubt: true } });
      expect((await tap.post(`${B}/complaints/${list[0]!.id}/events`, decide("retest"))).status).toBe(403);
      const r = await leder.post(`${B}/complaints/${list[0]!.id}/events`, decide("reassessment"));
      expect(r.status).toBe(422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      expect((r.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "eksamen.complaint.no-reassessment-oral", cite: { seed: "002", ref: "§ 50, stk. 1" } }));
      const ok = await leder.post(`${B}/complaints/${list[0]!.id}/events`, decide("retest"));
      expect(ok.status).toBe(200);
      expect((ok.body as { case: { state: string } }).case.state).toBe("decided");
      expect((await leder.post(`${B}/complaints/${list[0]!.id}/events`, decide("retest"))).status).toBe(409);
    });

    it("diploma preview: Matematik A 10 replaces Matematik B; the exam result with its steps", async () => {
      const xs = (await tap.get(`${B}/examinees?q=Mads`)).body as { id: string; cprMasked: string; cpr?: string }[];
      expect(xs[0]!.cprMasked).toBe("150306-xxxx");
      expect(xs[0]!.cpr).toBeUndefined();
      const p = (await readonly.get(`${B}/examinees/${xs[0]!.id}/diploma`)).body as { kind: string; lines: { subject: { code: string }; level: string; grade: string; source: string }[]; result: { final: { exact: string; da: string }; steps: unknown[] } };
      expect(p.kind).toBe("eksamensbevis");
      expect(p.lines.filter((l) => l.subject.code === "MAT" && l.source === "exam").map((l) => [l.level, l.grade])).toEqual([["A", "10"]]);
      expect(p.result.steps.length).toBeGreaterThan(0);
      expect(p.result.final.da).toMatch(/^\d+,\d$/);
    });

    it("grade entry: bad grade and level → 422 with findings, nothing saved; laerer may, readonly may not", async () => {
      const [noah] = (await tap.get(`${B}/examinees?q=Noah`)).body as { id: string }[];
      const body = { kind: "exam", examineeId: noah!.id, subjectCode: "HIS", level: "D", part: "oral", grade: "13", date: "2024-06-20" };
      const r = await laerer.post(`${B}/grades`, body);
      expect(r.status).toBe(422);
      expect((r.body as Problem).findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["grade.7.not-on-scale", "eksamen.input.level"]));
      expect((await readonly.post(`${B}/grades`, { ...body, level: "B", grade: "7" })).status).toBe(403);
      expect((await laerer.post(`${B}/grades`, { ...body, level: "B", grade: "7" })).status).toBe(201);
      expect((await tap.post(`${B}/grades`, { ...body, grade: 7 })).status).toBe(400);
    });

    it("CSV grade import is all or nothing", async () => {
      const { mads, ida } = DEMO_EKSAMEN.examinees;
      const before = ((await tap.get(`${B}/export39?format=json&from=2025-01-01`)).body as { rows: unknown[] }).rows.length;
      const bad = `cpr;kind;subjectCode;level;part;grade;date;announcedOn\n${mads.cpr};exam;HIS;A;oral;7;2025-01-10;2025-01-10\n${ida.cpr};exam;HIS;A;oral;8;2025-01-10;\n`;
      const r = await tap.request("POST", `${B}/grades/import`, bad, { "content-type": "text/csv" });
      expect(r.status).toBe(422);
      expect((r.body as Problem).findings.map((f) => f.subject)).toContainEqual(expect.stringMatching(/^line 3/));
      expect(((await tap.get(`${B}/export39?format=json&from=2025-01-01`)).body as { rows: unknown[] }).rows.length).toBe(before);
      const ok = await tap.request("POST", `${B}/grades/import`, bad.replace(";8;", ";10;"), { "content-type": "text/csv" });
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({ imported: 2 });
    });

    it("CSV grade import: every line's findings in one answer — an unknown CPR on line 2 and a bad grade on line 3 — nothing saved", async () => {
      const { noah } = DEMO_EKSAMEN.examinees;
      const before = ((await tap.get(`${B}/export39?format=json&from=2025-02-01`)).body as { rows: unknown[] }).rows.length;
      const head = "cpr;kind;subjectCode;level;part;grade;date;announcedOn";
      const file = [head, `0101019999;exam;HIS;A;oral;7;2025-02-10;`, `${noah.cpr};exam;HIS;A;oral;8;2025-02-10;`, `0101019999;essay;HIS;D;oral;13;2025-02-30;`, ""].join("\n");
      const r = await tap.request("POST", `${B}/grades/import`, file, { "content-type": "text/csv" });
      expect(r.status).toBe(422);
      const f = (r.body as Problem).findings.map((x) => [x.rule, x.subject]);
      expect(f).toEqual([
        ["eksamen.input.examinee-unknown", "line 2: cpr"],
        ["grade.7.not-on-scale", "line 3: grade"],
        ["eksamen.input.examinee-unknown", "line 4: cpr"],
        ["eksamen.input.kind", "line 4: kind"],
        ...f.slice(4),
      ]);
      // line 4's own cells are checked too, though its CPR and kind are bad
      expect(f.slice(4).map(([rule]) => rule)).toEqual(expect.arrayContaining(["eksamen.input.level", "grade.7.not-on-scale", "eksamen.input.date"]));
      expect(f.slice(4).every(([, subject]) => subject!.startsWith("line 4: "))).toBe(true);
      expect(((await tap.get(`${B}/export39?format=json&from=2025-02-01`)).body as { rows: unknown[] }).rows.length).toBe(before);
    });

    it("CSV registration import: every line's findings in one answer (unknown CPR, a bad yes/no, a late § 8 registration), nothing saved", async () => {
      const { sofie, noah } = DEMO_EKSAMEN.examinees;
      const [sofieRow] = (await tap.get(`${B}/examinees?q=Sofie`)).body as { id: string }[];
      const regs = async () => ((await tap.get(`${B}/registrations?examineeId=${sofieRow!.id}`)).body as unknown[]).length;
      const before = await regs();
      const head = "cpr;subjectCode;level;part;date;followedTeaching;formalRequirementsMet;registeredOn";
      const file = [head, `0101019999;DAN;A;oral;2024-06-10;ja;;2024-02-01`, `${noah.cpr};DAN;A;oral;2024-06-10;kanske;;2024-02-01`, `${sofie.cpr};DAN;A;oral;2024-06-10;nej;;2024-05-01`].join("\n");
      const r = await tap.request("POST", `${B}/registrations/import`, file, { "content-type": "text/csv" });
      expect(r.status).toBe(422);
      const f = (r.body as Problem).findings;
      expect(f.map((x) => x.subject!.slice(0, 7))).toEqual(["line 2:", "line 3:", "line 3:", ...f.slice(3).map(() => "line 4:")]);
      expect(f.slice(0, 3).map((x) => [x.rule, x.subject])).toEqual([
        ["eksamen.input.examinee-unknown", "line 2: cpr"],
        ["eksamen.input.bool", "line 3: followedTeaching"],
        // Noah is registered for Dansk A oral in the demo: reported with the rest, not as a later 409
        ["eksamen.registration.exists", "line 3: examId"],
      ]);
      expect(f.slice(3).length).toBeGreaterThan(0);
      expect(f.slice(3).every((x) => x.cite.ref.startsWith("§ 8"))).toBe(true);
      expect(await regs()).toBe(before);
    });

    it("CSV registration import: a bad level (line 2) and an already registered examinee (line 3) in one 422, nothing saved; a single POST keeps its 409", async () => {
      const { emma, noah, sofie } = DEMO_EKSAMEN.examinees;
      const regCount = async () => ((await tap.get(`${B}/registrations`)).body as unknown[]).length;
      const before = await regCount();
      const head = "cpr;subjectCode;level;part;date;followedTeaching;formalRequirementsMet;registeredOn";
      const file = [head, `${noah.cpr};DAN;Q;oral;2024-06-10;ja;ja;2024-02-01`, `${emma.cpr};DAN;A;oral;2024-06-10;ja;ja;2024-02-01`].join("\n");
      const r = await tap.request("POST", `${B}/registrations/import`, file, { "content-type": "text/csv" });
      expect(r.status).toBe(422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      const f = (r.body as Problem).findings;
      expect(f.map((x) => [x.rule, x.subject, x.cite])).toEqual([
        ["eksamen.input.level", "line 2: level", { seed: "002", ref: "§ 40, stk. 1" }],
        ["eksamen.registration.exists", "line 3: examId", { seed: "reference", ref: "src/rulebooks/dk-eksamen/API.md" }],
      ]);
      expect((f[0] as { value?: unknown }).value).toBe("Q");
      expect(await regCount()).toBe(before);

      // the same examinee and exam twice in one file: the second line is the duplicate; nothing saved
      const twice = [head, `${sofie.cpr};DAN;a;oral;2024-06-10;nej;;2024-02-01`, `${sofie.cpr};DAN;A;oral;2024-06-10;nej;;2024-02-01`].join("\n");
      const t = await tap.request("POST", `${B}/registrations/import`, twice, { "content-type": "text/csv" });
      expect(t.status).toBe(422);
      expect((t.body as Problem).findings.map((x) => [x.rule, x.subject])).toEqual([["eksamen.registration.exists", "line 3: examId"]]);
      expect(await regCount()).toBe(before);

      // one POST /registrations for the saved registration: still 409 with the same rule
      const [emmaRow] = (await tap.get(`${B}/examinees?q=Emma`)).body as { id: string }[];
      const [danO] = ((await tap.get(`${B}/exams`)).body as { id: string; subject: { code: string }; level: string | null; part: string; date: string }[]).filter((x) => x.subject.code === "DAN" && x.level === "A" && x.part === "oral" && x.date === "2024-06-10");
      const one = await tap.post(`${B}/registrations`, { examId: danO!.id, examineeId: emmaRow!.id, registeredOn: "2024-02-01", followedTeaching: true, formalRequirementsMet: true });
      expect(one.status).toBe(409);
      expect((one.body as Problem).findings.map((x) => x.rule)).toEqual(["eksamen.registration.exists"]);
      expect(await regCount()).toBe(before);
    });

    it("§ 27: POST /censors checks every employedAt entry with the history's institution rule (422 naming employedAt[i] and the value, nothing saved)", async () => {
      const names = async () => ((await tap.get(`${B}/censors`)).body as { name: string }[]).map((c) => c.name);
      const before = await names();
      const body = { name: "Tine Tastefejl", employedAt: ["28001", " ", instA.code, "280003", "Roskilde Gym"], subjects: [{ subject: "DAN" }], capacity: 3 };
      const r = await tap.post(`${B}/censors`, body);
      expect(r.status).toBe(422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      const f = (r.body as Problem).findings as (Problem["findings"][number] & { value?: unknown; message: { en: string; da: string } })[];
      expect(f.map((x) => [x.rule, x.subject, x.value])).toEqual([
        ["eksamen.input.institution-code", "employedAt[0]", "28001"],
        ["eksamen.input.institution-missing", "employedAt[1]", " "],
        ["eksamen.input.institution-code", "employedAt[4]", "Roskilde Gym"],
      ]);
      // the finding says why it matters: § 27 compares the codes, a typo makes the censor eligible at his own school
      for (const x of f) {
        expect(x.message.en).toContain("§ 27");
        expect(x.message.en).toContain("own school");
        expect(x.message.da).toContain("egen skole");
      }
      expect(await names()).toEqual(before);
      expect((await readonly.post(`${B}/censors`, { ...body, employedAt: ["280003"] })).status).toBe(403);
      // six digits, or this institution's own code (which § 27 then keeps from its exams); none at all is allowed
      const ok = await tap.post(`${B}/censors`, { ...body, employedAt: [" 280003 ", instA.code] });
      expect(ok.status, ok.text).toBe(201);
      expect((ok.body as { employedAt: string[] }).employedAt).toEqual(["280003", instA.code]);
      expect((await tap.post(`${B}/censors`, { ...body, name: "Uden Ansættelse", employedAt: [] })).status).toBe(201);
      expect(await names()).toEqual(expect.arrayContaining([...before, "Tine Tastefejl", "Uden Ansættelse"]));
    });

    it("§ 27 history and teams refuse blank input (422 naming field and value, nothing saved)", async () => {
      const [censor] = ((await tap.get(`${B}/censors`)).body as { id: string; name: string }[]).filter((c) => c.name === "Mette Mortensen");
      const before = ((await tap.get(`${B}/censors/${censor!.id}`)).body as { history: unknown[] }).history.length;
      const h = await tap.post(`${B}/censors/${censor!.id}/history`, { examinerIds: [], date: "2024-06-01", institutionCode: "" });
      expect(h.status).toBe(422);
      expect(h.headers.get("content-type")).toContain("application/problem+json");
      expect((h.body as Problem).findings.map((x) => [x.rule, x.subject, (x as { value?: unknown }).value])).toEqual([
        ["eksamen.input.institution-missing", "institutionCode", ""],
        ["eksamen.input.examiners-missing", "examinerIds", null],
      ]);
      expect(((await tap.get(`${B}/censors/${censor!.id}`)).body as { history: unknown[] }).history).toHaveLength(before);
      const [ph] = ((await tap.get(`${B}/teachers`)).body as { id: string; initials: string }[]).filter((t) => t.initials === "PH");
      const bad = await tap.post(`${B}/censors/${censor!.id}/history`, { examinerIds: [ph!.id], date: "2024-06-01", institutionCode: "Roskilde" });
      expect((bad.body as Problem).findings.map((x) => [x.rule, (x as { value?: unknown }).value])).toEqual([["eksamen.input.institution-code", "Roskilde"]]);
      expect((await tap.post(`${B}/censors/${censor!.id}/history`, { examinerIds: [ph!.id], date: "2024-06-01", institutionCode: "280005" })).status).toBe(201);
      expect((await readonly.post(`${B}/censors/${censor!.id}/history`, { examinerIds: [ph!.id], date: "2024-06-01", institutionCode: "280005" })).status).toBe(403);

      const teams = async () => ((await tap.get(`${B}/teams`)).body as { name: string }[]).map((t) => t.name);
      const t0 = await teams();
      expect(t0).toEqual(expect.arrayContaining([DEMO_EKSAMEN.teams.dan, DEMO_EKSAMEN.teams.mat, DEMO_EKSAMEN.teams.eng]));
      const t = await tap.post(`${B}/teams`, { name: "  ", subjectCode: "HIS", level: "A", teacherIds: [], examineeIds: [] });
      expect(t.status).toBe(422);
      expect((t.body as Problem).findings.map((x) => [x.rule, x.subject, (x as { value?: unknown }).value])).toEqual([["eksamen.input.team-name", "name", "  "]]);
      expect(await teams()).toEqual(t0);
    });

    it("§ 38: the ledger on the examinee page shows how long the document's data is kept", async () => {
      const [ida] = (await tap.get(`${B}/examinees?q=Ida`)).body as { id: string }[];
      // the latest grade date on what the document certifies (the diploma's lines), not the issue day
      const lines = ((await tap.get(`${B}/examinees/${ida!.id}/diploma`)).body as { lines: { date: string }[] }).lines;
      const from = lines.map((l) => l.date).sort().at(-1)!;
      expect(from >= "2024-06-13").toBe(true); // Fysik B oral, her last exam of the term (or a later imported grade)
      const until = `${Number(from.slice(0, 4)) + 30}${from.slice(4)}`;
      const d = await tap.post(`${B}/examinees/${ida!.id}/documents`, { copy: "original", on: "2025-08-01" });
      expect(d.status, d.text).toBe(201);
      expect(d.body).toMatchObject({ issuedOn: "2025-08-01", retainFrom: from, retainUntil: until });
      const detail = (await readonly.get(`${B}/examinees/${ida!.id}`)).body as { documents: { id: string; retainUntil: string; retention: { rule: string; cite: { seed: string; ref: string } }[] }[] };
      const row = detail.documents.find((x) => x.id === (d.body as { id: string }).id)!;
      expect(row.retainUntil).toBe(until);
      expect(row.retention).toEqual([expect.objectContaining({ rule: "eksamen.retention.30-years", cite: { seed: "002", ref: "§ 38, stk. 1" } })]);
      expect(((await tap.get(`${B}/examinees/${ida!.id}/documents`)).body as { retainUntil: string }[]).map((x) => x.retainUntil)).toEqual([until]);
    });

    it("another institution sees none of A's rows", async () => {
      const [mads] = (await tap.get(`${B}/examinees?q=Mads`)).body as { id: string }[];
      expect((await other.get(`${B}/examinees/${mads!.id}`)).status).toBe(404);
      expect((await other.get(`${B}/examinees/${mads!.id}/diploma`)).status).toBe(404);
      expect((await other.get(`${B}/complaints`)).body).toEqual([]);
      expect((await other.post(`${B}/examinees/${mads!.id}/documents`, { copy: "original", on: "2024-06-28" })).status).toBe(404);
    });

    it("PDFs: the issued original and the complaint's decision letter (P's renderers), 422 for a letter the state does not allow", async () => {
      const [mads] = (await tap.get(`${B}/examinees?q=Mads`)).body as { id: string }[];
      const d = await tap.post(`${B}/examinees/${mads!.id}/documents`, { copy: "original", on: "2024-06-28" });
      expect(d.status).toBe(201);
      const pdf = await tap.get(`${B}/documents/${(d.body as { id: string }).id}/pdf`);
      expect(pdf.status, pdf.text).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      const [c] = (await tap.get(`${B}/complaints`)).body as { id: string; state: string }[];
      const kind = c!.state === "decided" ? "decision" : "statements";
      const letter = await tap.get(`${B}/complaints/${c!.id}/letter?kind=${kind}&on=2024-07-01&reasons=${encodeURIComponent("Bedømmelsen er begrundet i censors notater.")}`);
      expect(letter.status, letter.text).toBe(200);
      expect(letter.headers.get("content-type")).toBe("application/pdf");
      const wrong = await tap.get(`${B}/complaints/${c!.id}/letter?kind=new-grade&on=2024-07-01`);
      expect(wrong.status).toBe(422);
    });

    it("leaver certificates (§ 37): prøvebevis and deltagerbevis through the API, one original each (§ 36), 422 with findings", async () => {
      const x = await tap.post(`${B}/examinees`, { cpr: "0303069011", name: "Lise Leaver", education: "stx", coherent: true, programmeStart: "2022-08-01" });
      expect(x.status, x.text).toBe(201);
      const id = (x.body as { id: string }).id;
      const L = `${B}/examinees/${id}/leaver-documents`;
      const completed = [{ subjectCode: "ENG", level: "B" }, { subjectCode: "HIS", level: "C" }];
      // not left yet: 422 citing § 37
      const notLeft = await tap.post(L, { kind: "deltagerbevis", copy: "original", on: "2024-02-01", completed });
      expect(notLeft.status).toBe(422);
      expect(notLeft.headers.get("content-type")).toContain("application/problem+json");
      expect((notLeft.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "eksamen.leaver.not-left", cite: { seed: "002", ref: "§ 37, stk. 1" } }));
      const cur = (await tap.get(`${B}/examinees/${id}`)).body as { examinee?: { version: number }; version?: number };
      const version = cur.examinee?.version ?? cur.version!;
      const upd = await tap.request("PUT", `${B}/examinees/${id}`, { name: "Lise Leaver", education: "stx", coherent: true, programmeStart: "2022-08-01", leftOn: "2024-01-31", version, reason: "udmeldt" });
      expect(upd.status, upd.text).toBe(200);
      expect((await tap.post(`${B}/grades`, { kind: "exam", examineeId: id, subjectCode: "ENG", level: "B", part: "oral", grade: "7", date: "2023-06-11", announcedOn: "2023-06-11" })).status).toBe(201);
      expect((await tap.post(`${B}/grades`, { kind: "standpunkt", examineeId: id, subjectCode: "HIS", level: "C", part: "oral", grade: "10", date: "2023-06-01" })).status).toBe(201);
      // bad input: unknown subject → 422; malformed body → 400; readonly → 403; another institution → 404
      expect(((await tap.post(L, { kind: "deltagerbevis", copy: "original", on: "2024-02-01", completed: [{ subjectCode: "XYZ" }] })).body as Problem).findings.map((f) => f.rule)).toContain("eksamen.input.subject-unknown");
      expect((await tap.post(L, { kind: "eksamensbevis", copy: "original", on: "2024-02-01", completed })).status).toBe(400);
      expect((await readonly.post(L, { kind: "proevebevis", copy: "original", on: "2024-02-01", completed })).status).toBe(403);
      expect((await other.post(L, { kind: "proevebevis", copy: "original", on: "2024-02-01", completed })).status).toBe(404);
      // the prøvebevis for the exam taken, the deltagerbevis for HIS (completed, not drawn) with its standpunkt grade
      const p = await tap.post(L, { kind: "proevebevis", copy: "original", on: "2024-02-01", completed });
      expect(p.status, p.text).toBe(201);
      expect(p.body).toMatchObject({ kind: "proevebevis", copy: "original" });
      const d = await tap.post(L, { kind: "deltagerbevis", copy: "original", on: "2024-02-01", completed });
      expect(d.status, d.text).toBe(201);
      expect(d.body).toMatchObject({ kind: "deltagerbevis", copy: "original" });
      for (const doc of [p, d]) {
        const pdf = await tap.get(`${B}/documents/${(doc.body as { id: string }).id}/pdf`);
        expect(pdf.status, pdf.text).toBe(200);
        expect(pdf.headers.get("content-type")).toBe("application/pdf");
      }
      // § 36: one original; a copy only when the original is lost
      const again = await tap.post(L, { kind: "deltagerbevis", copy: "original", on: "2024-02-02", completed });
      expect(again.status).toBe(422);
      expect((again.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "eksamen.document.one-original", cite: { seed: "002", ref: "§ 36, stk. 1" } }));
      expect((await tap.post(L, { kind: "deltagerbevis", copy: "copy", on: "2024-02-02", completed, originalLost: true })).status).toBe(201);
      // nothing to certify: no completed subject outside the exams → no deltagerbevis
      const none = await tap.post(L, { kind: "deltagerbevis", copy: "english-certified-copy", on: "2024-02-02", completed: [{ subjectCode: "ENG", level: "B" }], requestedByExaminee: true });
      expect(none.status).toBe(422);
      expect((none.body as Problem).findings.map((f) => f.rule)).toContain("eksamen.leaver.nothing-to-certify");
      const ledger = (await tap.get(`${B}/examinees/${id}/documents`)).body as { kind: string; copy: string }[];
      expect(ledger.map((r) => `${r.kind}/${r.copy}`).sort()).toEqual(["deltagerbevis/copy", "deltagerbevis/original", "proevebevis/original"]);
    });

    it("§ 55: a § 20 expulsion appealed on the last day is admitted, the day after refused; forwarding waits for the comment week; 409; tenancy", async () => {
      const [noah] = (await tap.get(`${B}/examinees?q=Noah`)).body as { id: string }[];
      const exams = (await tap.get(`${B}/exams`)).body as { id: string; subject: { code: string }; part: string }[];
      const danW = exams.find((x) => x.subject.code === "DAN" && x.part === "written")!;
      const cc = await tap.post(`${B}/cheating-cases`, { examineeId: noah!.id, examId: danW.id, misconduct: { kind: "unauthorised-aids", when: "during" }, on: "2024-05-21", expelled: true });
      expect(cc.status, cc.text).toBe(201);
      const body = (filedOn: string, extra: Record<string, unknown> = {}) => ({ examineeId: noah!.id, decision: "expulsion", reference: { kind: "cheating-case", id: (cc.body as { id: string }).id }, notifiedOn: "2024-05-21", filedOn, by: "examinee", ...extra });
      // 2024-05-21 + 2 weeks = 2024-06-04; the 5th (grundlovsdag) is one day late — 422, nothing saved
      const late = await tap.post(`${B}/appeals`, body("2024-06-05"));
      expect(late.status).toBe(422);
      expect(late.headers.get("content-type")).toContain("application/problem+json");
      expect((late.body as Problem).findings).toContainEqual(expect.objectContaining({ rule: "eksamen.other-appeal.late", cite: { seed: "002", ref: "§ 55, stk. 2" } }));
      expect((await tap.get(`${B}/appeals?examineeId=${noah!.id}`)).body).toEqual([]);
      // suspensive effect is the leder's; readonly may not open; a malformed body is 400
      expect((await tap.post(`${B}/appeals`, body("2024-06-04", { suspensive: true }))).status).toBe(403);
      expect((await readonly.post(`${B}/appeals`, body("2024-06-04"))).status).toBe(403);
      expect((await tap.post(`${B}/appeals`, body("2024-06-04", { decision: "grade" }))).status).toBe(400);
      const ok = await tap.post(`${B}/appeals`, body("2024-06-04"));
      expect(ok.status, ok.text).toBe(201);
      const a = ok.body as { id: string; seq: number; case: { state: string; suspensive: boolean }; deadlines: { id: string; status: string }[] };
      expect(a).toMatchObject({ seq: 1, case: { state: "filed", suspensive: false } });
      const list = (await readonly.get(`${B}/appeals?on=2024-06-04`)).body as { id: string; decisionRef: string; state: string }[];
      expect(list.find((x) => x.id === a.id)).toMatchObject({ decisionRef: "§ 20, stk. 1", state: "filed" });
      // the statement: comments within 1 week — 2024-06-06 → 2024-06-13
      const E = `${B}/appeals/${a.id}/events`;
      const st = await tap.post(E, { seq: 1, actor: "institution", event: { type: "send-statement", on: "2024-06-06", statement: "Eksaminanden brugte en ikke-tilladt lommeregner." } });
      expect(st.status, st.text).toBe(200);
      const v = (await tap.get(`${B}/appeals/${a.id}?on=2024-06-10`)).body as { deadlines: { id: string; due: string; status: string; daysLeft: number }[]; earliestForward: string };
      expect(v.deadlines.find((d) => d.id === "appeal-comments")).toMatchObject({ due: "2024-06-13", status: "open", daysLeft: 3 });
      expect(v.earliestForward).toBe("2024-06-14");
      // forwarding before the week has passed → 422 § 55, stk. 3; a stale seq → 409
      const early = await tap.post(E, { seq: 2, actor: "institution", event: { type: "forward", on: "2024-06-13" } });
      expect(early.status).toBe(422);
      expect((early.body as Problem).findings).toEqual([expect.objectContaining({ rule: "eksamen.appeal55.forward-early", cite: { seed: "002", ref: "§ 55, stk. 3" } })]);
      expect((await tap.post(E, { seq: 1, actor: "institution", event: { type: "forward", on: "2024-06-14" } })).status).toBe(409);
      // the letters: the statement with its 1-week deadline; the receipt
      const letter = await tap.get(`${B}/appeals/${a.id}/letter?kind=statement`);
      expect(letter.status, letter.text).toBe(200);
      expect(letter.headers.get("content-type")).toBe("application/pdf");
      expect((await tap.get(`${B}/appeals/${a.id}/letter?kind=receipt`)).status).toBe(200);
      // another institution: 404 for the case, its events (before the body is read) and its letter
      expect((await other.get(`${B}/appeals/${a.id}`)).status).toBe(404);
      expect((await other.post(E, { junk: true })).status).toBe(404);
      expect((await other.get(`${B}/appeals/${a.id}/letter?kind=receipt`)).status).toBe(404);
      expect((await other.get(`${B}/appeals`)).body).toEqual([]);
      expect((await other.post(`${B}/appeals`, body("2024-06-04"))).status).toBe(404);
      // after the week: forwarded; then the statement letter no longer fits (422)
      const fw = await tap.post(E, { seq: 2, actor: "institution", event: { type: "forward", on: "2024-06-14" } });
      expect(fw.status, fw.text).toBe(200);
      expect((fw.body as { case: { state: string } }).case.state).toBe("forwarded");
      expect((await tap.get(`${B}/appeals/${a.id}/letter?kind=statement`)).status).toBe(422);
    });

    it("§ 39 export as CSV", async () => {
      const r = await tap.get(`${B}/export39`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toContain("text/csv");
      expect(r.text.split(/\r?\n/)[0]).toBe("institutionsnummer;cpr;uddannelse;fag;niveau;del;kilde;karakter;indgaar");
      expect((await readonly.get(`${B}/export39`)).status).toBe(403);
    });
  });
}
