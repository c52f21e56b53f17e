import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import { makeInstitution } from "../../platform/http/testing.ts";
import { DEMO_EKSAMEN, demoForm, seedEksamenDemo } from "./demo.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { renderEksamenDocumentPdf } from "./documents.ts";
import { eksamenMigrations } from "./migrations.ts";
import * as service from "./service.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

const rules = (p: unknown) => ((p as { findings?: { rule: string }[] }).findings ?? []).map((f) => f.rule);
async function problem(f: () => Promise<unknown>): Promise<{ status: number; findings: { rule: string; cite: { ref: string }; subject?: string }[] }> {
  try {
    await f();
  } catch (e) {
    return e as { status: number; findings: { rule: string; cite: { ref: string }; subject?: string }[] };
  }
  throw new Error("expected a refusal");
}

for (const target of testTargets()) {
  describe(`eksamen service on ${target.kind}`, () => {
    let db: OpenDb;
    let actor: Actor;
    let inst: { id: string; code: string };
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...eksamenMigrations });
      inst = await makeInstitution(db, "Eksamen demo test");
      actor = { userId: null, label: "test", institutionId: inst.id, roles: ["admin"], via: "cli" };
      await seedEksamenDemo(db, inst);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("demo: Emma's complaint about an oral exam offers retest or not upheld, never re-assessment (§ 50, stk. 1)", async () => {
      const list = await service.listComplaints(db, actor, { on: "2024-06-28" });
      expect(list).toHaveLength(1);
      const c = await service.getComplaint(db, actor, list[0]!.id, "2024-06-28");
      expect(c.examinee.name).toBe(DEMO_EKSAMEN.examinees.emma.name);
      expect(c.case.state).toBe("comments");
      expect(c.possibleOutcomes.value).toEqual(["retest", "not-upheld"]);
      expect(c.possibleOutcomes.because.map((f) => f.cite.ref)).toContain("§ 50, stk. 1");
      expect(c.allowedEvents.map((e) => e.event)).toContain("decide");
      // a re-assessment is refused with § 50, nothing saved
      const p = await problem(() => service.addComplaintEvent(db, actor, c.id, { seq: c.seq, actor: "leader", event: { type: "decide", on: "2024-07-01", outcome: "reassessment", reasoned: true, justifiedDoubt: true } }));
      expect(p.status).toBe(422);
      expect(rules(p)).toContain("eksamen.complaint.no-reassessment-oral");
      expect((await service.getComplaint(db, actor, c.id)).seq).toBe(c.seq);
      // stale seq → 409
      const s = await problem(() => service.addComplaintEvent(db, actor, c.id, { seq: c.seq - 1, actor: "leader", event: { type: "decide", on: "2024-07-01", outcome: "retest", reasoned: true, justifiedDoubt: true } }));
      expect(s.status).toBe(409);
    });

    it("complaint: retest offered, accepted, new grade replaces the old one; deadlines from the clock", async () => {
      const [sum] = await service.listComplaints(db, actor);
      let c = await service.getComplaint(db, actor, sum!.id, "2024-07-01");
      const d = await service.addComplaintEvent(db, actor, c.id, { seq: c.seq, actor: "leader", event: { type: "decide", on: "2024-07-01", outcome: "retest", reasoned: true, justifiedDoubt: true } });
      expect(d.case.state).toBe("decided");
      expect(d.deadlines.find((x) => x.id === "accept")).toMatchObject({ due: "2024-07-15", kind: "hard", ref: "§ 52, stk. 1" });
      c = await service.addComplaintEvent(db, actor, c.id, { seq: d.seq, actor: "examinee", event: { type: "accept", on: "2024-07-05" } });
      // while accepted, the diploma is withheld (§ 52, stk. 2)
      const w = await problem(() => service.issueDocument(db, actor, c.examinee.id, { copy: "original", on: "2024-07-06" }));
      expect(w.status).toBe(422);
      c = await service.addComplaintEvent(db, actor, c.id, { seq: c.seq, actor: "leader", event: { type: "appoint-assessors", on: "2024-07-08", count: 2, ministryInformed: true } });
      c = await service.addComplaintEvent(db, actor, c.id, { seq: c.seq, actor: "assessors", event: { type: "new-grade", on: "2024-08-12", grade: 2 as never } });
      expect(c.case.state).toBe("concluded");
      const ex = await service.getExaminee(db, actor, c.examinee.id);
      const eng = ex.grades.filter((g) => g.subject.code === "ENG");
      expect(eng.map((g) => g.grade).sort()).toEqual(["02", "4"]);
      expect(eng.find((g) => g.grade === "02")!.replaces).toMatchObject({ reason: "complaint-retest" });
      const dip = await service.diplomaPreview(db, actor, c.examinee.id);
      // § 53, stk. 5: may be lower — the new grade is what the diploma shows
      expect(dip.lines.filter((l) => l.subject.code === "ENG" && l.source === "exam").map((l) => l.grade)).toEqual(["02"]);
    });

    it("demo: Mads's diploma shows Matematik A, not B (§ 35, stk. 1), with the exam result step by step", async () => {
      const [mads] = await service.listExaminees(db, actor, { q: "Mads" });
      const p = await service.diplomaPreview(db, actor, mads!.id);
      expect(p.kind).toBe("eksamensbevis");
      const mat = p.lines.filter((l) => l.subject.code === "MAT" && l.source === "exam");
      expect(mat.map((l) => [l.level, l.grade])).toEqual([["A", "10"]]);
      expect(p.findings.map((f) => f.cite.ref)).toContain("§ 35, stk. 1");
      expect(p.result).not.toBeNull();
      expect(p.result!.steps.length).toBeGreaterThan(5);
      expect(p.result!.final.exact).toMatch(/^\d+(\/\d+)?$/);
      expect(p.explanation.da.length).toBeGreaterThan(0);
    });

    it("censor assignment: the school's own censor and a repeated censorship are never used; reasons listed (§ 27)", async () => {
      const [term] = await service.listTerms(db, actor);
      const a = await service.assignTermCensors(db, actor, term!.id, { save: false });
      expect(a.assigned.map((x) => x.censorName)).not.toContain("Hans Hansen");
      // Peter Holm's exams (MAT A, FYS B): Mette censored him in 2023, Hans is employed here → no censor
      expect(a.unassigned.map((u) => [u.subject, u.reason]).sort()).toEqual([
        ["FYS", "no-eligible-censor"],
        ["MAT", "no-eligible-censor"],
      ]);
      expect(a.unassigned.every((u) => u.finding?.cite.ref === "§ 27, stk. 1")).toBe(true);
      expect(a.assigned.every((x) => x.censorName === "Søren Censor")).toBe(true);
      const plan = await service.termPlan(db, actor, term!.id);
      expect(plan.unassigned).toBe(2);
      expect(plan.exams).toHaveLength(5);
    });

    it("registration: self-study within the § 8 deadline is accepted; a pupil who follows a higher level is refused (§ 7, stk. 2)", async () => {
      const regs = await service.listRegistrations(db, actor, {});
      const sofie = regs.find((r) => r.examineeName === DEMO_EKSAMEN.examinees.sofie.name)!;
      expect(sofie.selfStudy).toBe(true);
      expect(sofie.deadline).toBe("2024-04-20");
      const [term] = await service.listTerms(db, actor);
      const t = (await service.listTeachers(db, actor))[0]!;
      const x = await service.createExam(db, actor, { termId: term!.id, subjectCode: "HIS", level: "B", part: "oral", date: "2024-06-20", form: demoForm(["oral"], "institution"), examinerIds: [t.id] });
      const [ida] = await service.listExaminees(db, actor, { q: "Ida" });
      const p = await problem(() => service.register(db, actor, { examId: x.id, examineeId: ida!.id, registeredOn: "2024-03-01", followedTeaching: true, formalRequirementsMet: true, followsOrWillFollow: ["A"] }));
      expect(p.status).toBe(422);
      expect(p.findings.some((f) => f.cite.ref.startsWith("§ 7, stk. 2"))).toBe(true);
      expect((await service.listRegistrations(db, actor, { examId: x.id }))).toHaveLength(0);
      // late self-study registration (after the deadline) is refused (§ 8)
      const [sofieE] = await service.listExaminees(db, actor, { q: "Sofie" });
      const late = await problem(() => service.register(db, actor, { examId: x.id, examineeId: sofieE!.id, registeredOn: "2024-05-01", followedTeaching: false, formalRequirementsMet: null }));
      expect(late.status).toBe(422);
      expect(late.findings.some((f) => f.cite.ref.startsWith("§ 8"))).toBe(true);
    });

    it("grades: not on the scale / unknown level → findings, nothing saved; correction is a new version, stale → 409", async () => {
      const [noah] = await service.listExaminees(db, actor, { q: "Noah" });
      const before = (await service.getExaminee(db, actor, noah!.id)).grades.length;
      const bad = await problem(() => service.addGrade(db, actor, { kind: "exam", examineeId: noah!.id, subjectCode: "HIS", level: "D", part: "oral", grade: "11", date: "2024-06-20" }));
      expect(bad.status).toBe(422);
      expect(rules(bad)).toEqual(expect.arrayContaining(["grade.7.not-on-scale", "eksamen.input.level"]));
      expect((await service.getExaminee(db, actor, noah!.id)).grades.length).toBe(before);
      const g = await service.addGrade(db, actor, { kind: "exam", examineeId: noah!.id, subjectCode: "HIS", level: "B", part: "oral", grade: "7", date: "2024-06-20" });
      const c = await service.correctGrade(db, actor, g.id, { grade: "10", version: 1, reason: "tastefejl" });
      expect(c).toMatchObject({ grade: "10", version: 2 });
      const s = await problem(() => service.correctGrade(db, actor, g.id, { grade: "12", version: 1, reason: "igen" }));
      expect(s.status).toBe(409);
      const h = await service.getGrade(db, actor, g.id);
      expect(h.history.map((x) => [x.version, x.grade])).toEqual([
        [1, "7"],
        [2, "10"],
      ]);
      // a laerer may enter grades, a readonly may not
      await expect(service.addGrade(db, { ...actor, roles: ["readonly"] }, { kind: "exam", examineeId: noah!.id, subjectCode: "HIS", level: "B", part: "oral", grade: "7", date: "2024-06-21" })).rejects.toMatchObject({ status: 403 });
    });

    it("CPR through the kernel parser; examinee corrections are versions", async () => {
      const p = await problem(() => service.createExaminee(db, actor, { cpr: "3213069999", name: "X", education: "stx", coherent: true, programmeStart: "2021-08-01" }));
      expect(p.status).toBe(422);
      expect(p.findings.some((f) => f.rule.startsWith("id.cpr"))).toBe(true);
      const [ida] = await service.listExaminees(db, actor, { q: "Ida" });
      expect(ida!.cpr).toBeUndefined();
      const u = await service.updateExaminee(db, actor, ida!.id, { name: "Ida Iversen Holm", education: "stx", coherent: true, programmeStart: "2021-08-01", version: 1, reason: "navneændring" });
      expect(u.version).toBe(2);
      expect((await service.getExaminee(db, actor, ida!.id)).history.map((h) => h.name)).toEqual(["Ida Iversen", "Ida Iversen Holm"]);
    });

    it("documents: one original (§ 36, stk. 1); a copy only when lost; a new original after recall and destruction (§ 36, stk. 2)", async () => {
      const [mads] = await service.listExaminees(db, actor, { q: "Mads" });
      const o = await service.issueDocument(db, actor, mads!.id, { copy: "original", on: "2024-06-28" });
      expect(o).toMatchObject({ kind: "eksamensbevis", copy: "original", revokedOn: null });
      expect(o.number).toMatch(new RegExp(`^${inst.code}-2024-\\d{5}$`));
      const again = await problem(() => service.issueDocument(db, actor, mads!.id, { copy: "original", on: "2024-07-01" }));
      expect(again.status).toBe(422);
      expect(again.findings.some((f) => f.cite.ref.startsWith("§ 36"))).toBe(true);
      const copyRefused = await problem(() => service.issueDocument(db, actor, mads!.id, { copy: "copy", on: "2024-07-01" }));
      expect(copyRefused.status).toBe(422);
      const copy = await service.issueDocument(db, actor, mads!.id, { copy: "copy", on: "2024-07-01", originalLost: true });
      expect(copy.copy).toBe("copy");
      const en = await service.issueDocument(db, actor, mads!.id, { copy: "english-certified-copy", on: "2024-07-01", requestedByExaminee: true });
      expect(en.copy).toBe("english-certified-copy");
      await expect(service.revokeDocument(db, { ...actor, roles: ["tap"] }, o.id, { on: "2024-08-01", destroyed: true, reason: "x" })).rejects.toMatchObject({ status: 403 });
      const r = await service.revokeDocument(db, actor, o.id, { on: "2024-08-01", destroyed: true, reason: "inddraget og tilintetgjort" });
      expect(r).toMatchObject({ revokedOn: "2024-08-01", destroyed: true });
      const o2 = await service.issueDocument(db, actor, mads!.id, { copy: "original", on: "2024-08-02" });
      expect(o2.copy).toBe("original");
      const { input } = await service.documentInput(db, actor, o2.id);
      expect(input.examinee.name).toBe("Mads Madsen");
      expect(input.result?.final.n).toBeTypeOf("bigint");
      expect(input.documentNumber).toBe(o2.number);
      // § 38, stk. 1: kept 30 years after the exam's end — Mads's latest grade on the diploma (standpunkt, 2024-06-20),
      // not the issue day: the copy issued later and the new original keep the same date
      const ledger = await service.listDocuments(db, actor, mads!.id);
      expect(ledger.map((d) => [d.copy, d.issuedOn, d.retainFrom, d.retainUntil])).toEqual([
        ["original", "2024-06-28", "2024-06-20", "2054-06-20"],
        ["copy", "2024-07-01", "2024-06-20", "2054-06-20"],
        ["english-certified-copy", "2024-07-01", "2024-06-20", "2054-06-20"],
        ["original", "2024-08-02", "2024-06-20", "2054-06-20"],
      ]);
      expect(o2.retainUntil).toBe("2054-06-20");
      expect(ledger[0]!.retention).toEqual([expect.objectContaining({ rule: "eksamen.retention.30-years", severity: "info", cite: { seed: "002", ref: "§ 38, stk. 1" }, value: "2024-06-20" })]);
      expect((await service.getExaminee(db, actor, mads!.id)).documents.map((d) => d.retainUntil)).toEqual(ledger.map((d) => d.retainUntil));
      expect(input.replaces).toEqual({ issuedOn: "2024-06-28", reason: "recalled-destroyed" });
      // the PDF is P's renderer over the stored content (pdftotext)
      const text = pdfText(Buffer.from(await renderEksamenDocumentPdf(input)));
      expect(text).toContain("Mads Madsen");
      expect(text).toContain(o2.number);
    });

    it("§ 27 history: a blank institution, no examiner, an unknown teacher or a bad date → 422 with every finding, nothing saved", async () => {
      const [censor] = (await service.listCensors(db, actor)).filter((c) => c.name === "Søren Censor");
      const [kk] = (await service.listTeachers(db, actor)).filter((t) => t.initials === "KK");
      const before = (await service.getCensor(db, actor, censor!.id)).history.length;
      const cases: [string, { examinerIds: string[]; date: string; institutionCode: string }, [string, string, unknown][]][] = [
        ["blank institution and no examiner", { examinerIds: [], date: "2024-06-01", institutionCode: "  " }, [["eksamen.input.institution-missing", "institutionCode", "  "], ["eksamen.input.examiners-missing", "examinerIds", null]]],
        ["not an institution number", { examinerIds: [kk!.id], date: "2024-06-01", institutionCode: "28-0001" }, [["eksamen.input.institution-code", "institutionCode", "28-0001"]]],
        ["five digits", { examinerIds: [kk!.id], date: "2024-06-01", institutionCode: "28000" }, [["eksamen.input.institution-code", "institutionCode", "28000"]]],
        ["unknown teacher, bad date", { examinerIds: ["00000000-0000-4000-8000-000000000000"], date: "2024-13-01", institutionCode: "280001" }, [["eksamen.input.date", "date", "2024-13-01"], ["eksamen.input.teacher-unknown", "examinerIds", "00000000-0000-4000-8000-000000000000"]]],
      ];
      for (const [name, input, want] of cases) {
        const p = await problem(() => service.addCensorHistory(db, actor, censor!.id, input));
        expect(p.status, name).toBe(422);
        expect(p.findings.map((f) => [f.rule, f.subject, (f as { value?: unknown }).value]), name).toEqual(want);
      }
      expect((await service.getCensor(db, actor, censor!.id)).history).toHaveLength(before);
      // six digits, or the institution's own code as the platform holds it, is accepted (duplicate examiners once)
      const ok = await service.addCensorHistory(db, actor, censor!.id, { examinerIds: [kk!.id, kk!.id], date: "2024-06-01", institutionCode: " 280009 " });
      expect(ok).toMatchObject({ institutionCode: "280009", examinerIds: [kk!.id] });
      expect((await service.addCensorHistory(db, actor, censor!.id, { examinerIds: [kk!.id], date: "2024-06-02", institutionCode: inst.code })).institutionCode).toBe(inst.code);
      expect((await service.getCensor(db, actor, censor!.id)).history).toHaveLength(before + 2);
    });

    it("teams: the demo's three teams of Sommer 2024; a blank name → 422 naming the field, nothing saved", async () => {
      const [term] = await service.listTerms(db, actor);
      const teams = await service.listTeams(db, actor, term!.id);
      const names = new Map((await service.listExaminees(db, actor)).map((e) => [e.id, e.name]));
      const four = ["Emma", "Ida", "Mads", "Noah"]; // first names: an earlier test renames Ida
      expect(teams.map((t) => [t.name, t.subjectCode, t.level, t.teacherIds.length, t.examineeIds.map((x) => names.get(x)?.split(" ")[0]).sort()])).toEqual([
        ["3.a Dansk A", "DAN", "A", 1, four],
        ["3.a Engelsk B", "ENG", "B", 1, four],
        ["3.a Matematik A", "MAT", "A", 1, four],
      ]);
      const exams = await service.listExams(db, actor, { termId: term!.id });
      const teamOf = (code: string, part: string) => teams.find((t) => t.id === exams.find((x) => x.subject.code === code && x.part === part)!.teamId)?.name ?? null;
      expect([teamOf("DAN", "written"), teamOf("DAN", "oral"), teamOf("MAT", "written"), teamOf("ENG", "oral"), teamOf("FYS", "oral")]).toEqual([DEMO_EKSAMEN.teams.dan, DEMO_EKSAMEN.teams.dan, DEMO_EKSAMEN.teams.mat, DEMO_EKSAMEN.teams.eng, null]);
      for (const name of ["", "   "]) {
        const p = await problem(() => service.createTeam(db, actor, { termId: term!.id, name, subjectCode: "HIS", level: "A", teacherIds: [], examineeIds: [] }));
        expect(p.status).toBe(422);
        expect(p.findings.map((f) => [f.rule, f.subject, (f as { value?: unknown }).value])).toEqual([["eksamen.input.team-name", "name", name]]);
      }
      // with another problem too: both at once
      const both = await problem(() => service.createTeam(db, actor, { termId: term!.id, name: "", subjectCode: "NOPE", teacherIds: [], examineeIds: [] }));
      expect(rules(both)).toEqual(["eksamen.input.team-name", "eksamen.input.subject-unknown"]);
      expect(await service.listTeams(db, actor, term!.id)).toHaveLength(3);
    });

    it("documentCompletedOn (§ 38): the latest grade on the document, else the day the examinee left, else the issue day", () => {
      const line = (date: string) => ({ subject: { code: "X", name: { da: "X" } }, part: "oral" as const, source: "exam" as const, counts: true, from: [], date: date as never });
      const rows: [string, Parameters<typeof service.documentCompletedOn>[0], string][] = [
        ["eksamensbevis: the latest line", { lines: [line("2024-06-13"), line("2024-06-20"), line("2023-06-05")], issuedOn: "2024-06-28" as never }, "2024-06-20"],
        ["deltagerbevis: its standpunkt grades", { lines: [], subjects: [{ subject: { code: "HIS", name: { da: "Historie" } }, standpunkt: [line("2023-06-01")] }], leftOn: "2024-01-31" as never, issuedOn: "2024-02-01" as never }, "2023-06-01"],
        ["deltagerbevis without grades: the day the examinee left", { lines: [], subjects: [{ subject: { code: "HIS", name: { da: "Historie" } }, standpunkt: [] }], leftOn: "2024-01-31" as never, issuedOn: "2024-02-01" as never }, "2024-01-31"],
        ["nothing dated: the issue day", { lines: [], issuedOn: "2024-02-01" as never }, "2024-02-01"],
      ];
      for (const [name, content, want] of rows) expect(service.documentCompletedOn(content), name).toBe(want);
    });

    it("§ 20: an expulsion voids the exam's grades as a new version; § 19 without a basis is refused", async () => {
      const [noah] = await service.listExaminees(db, actor, { q: "Noah" });
      const exams = await service.listExams(db, actor);
      const fys = exams.find((x) => x.subject.code === "FYS")!;
      const cc = await service.addCheatingCase(db, actor, { examineeId: noah!.id, examId: fys.id, misconduct: { kind: "unauthorised-aids", when: "during" }, on: "2024-06-13", expelled: true });
      expect(cc.decision).toBe("must");
      // § 20, stk. 4: no later term holds Fysik B, so the retake must be held within 1 year of the expulsion
      expect((cc.findings as { rule: string; value?: unknown }[]).find((f) => f.rule === "eksamen.expulsion.no-term-within-year")?.value).toBe("2025-06-13");
      const g = (await service.getExaminee(db, actor, noah!.id)).grades.find((x) => x.examId === fys.id)!;
      expect(g).toMatchObject({ status: "void", version: 2 });
      const sc = await problem(() => service.addSpecialConditions(db, actor, { examineeId: noah!.id, examId: fys.id, basis: "none", necessaryForEquality: true, changesLevel: false, conditions: "ekstra tid", decidedOn: "2024-05-01" }));
      expect(sc.status).toBe(422);
      expect(sc.findings.some((f) => f.cite.ref === "§ 19")).toBe(true);
    });

    it("§ 55: a § 20 expulsion appealed on the last day is admitted, the day after refused; the comment week before forwarding; stale seq", async () => {
      const [ida] = await service.listExaminees(db, actor, { q: "Ida" });
      const [mads] = await service.listExaminees(db, actor, { q: "Mads" });
      const danO = (await service.listExams(db, actor)).find((x) => x.subject.code === "DAN" && x.part === "oral")!;
      const cc = await service.addCheatingCase(db, actor, { examineeId: ida!.id, examId: danO.id, misconduct: { kind: "obtained-help", when: "during" }, on: "2024-06-10", expelled: true });
      const before = (await service.listAppeals55(db, actor)).length;
      const open = (filedOn: string) => service.openAppeal55(db, actor, { examineeId: ida!.id, decision: "expulsion", reference: { kind: "cheating-case", id: cc.id }, notifiedOn: "2024-06-10", filedOn, by: "examinee", description: "Bortvist fra Dansk A, mundtlig" });
      // 2024-06-10 + 2 weeks = 2024-06-24 (a Monday): the 25th is too late — 422, nothing saved
      const late = await problem(() => open("2024-06-25"));
      expect(late.status).toBe(422);
      expect(late.findings.map((f) => [f.rule, f.cite.ref])).toContainEqual(["eksamen.other-appeal.late", "§ 55, stk. 2"]);
      expect(await service.listAppeals55(db, actor)).toHaveLength(before);
      // the reference must fit: another examinee's row, the wrong kind, another institution's row
      expect((await problem(() => service.openAppeal55(db, actor, { examineeId: mads!.id, decision: "expulsion", reference: { kind: "cheating-case", id: cc.id }, notifiedOn: "2024-06-10", filedOn: "2024-06-11", by: "examinee" }))).status).toBe(422);
      expect((await problem(() => service.openAppeal55(db, actor, { examineeId: ida!.id, decision: "lateness", reference: { kind: "cheating-case", id: cc.id }, notifiedOn: "2024-06-10", filedOn: "2024-06-11", by: "examinee" }))).status).toBe(422);
      const otherInst = await makeInstitution(db, "Another gymnasium");
      const stranger: Actor = { ...actor, institutionId: otherInst.id };
      expect((await problem(() => service.getAppeal55(db, stranger, cc.id))).status).toBe(404);
      // the last day: admitted
      const a = await open("2024-06-24");
      expect(a.case.state).toBe("filed");
      expect(a.findings.map((f) => [f.rule, f.cite.ref])).toEqual(expect.arrayContaining([["eksamen.other-appeal.admissible", "§ 55, stk. 2"], ["eksamen.other-appeal.not-suspensive", "§ 55, stk. 4"]]));
      expect(a.decision).toMatchObject({ kind: "expulsion", decidedOn: "2024-06-10", ref: "§ 20, stk. 1" });
      expect(a.seq).toBe(1);
      expect((await problem(() => service.getAppeal55(db, stranger, a.id))).status).toBe(404);
      expect((await problem(() => service.addAppeal55Event(db, stranger, a.id, { seq: 1, actor: "institution", event: { type: "send-statement", on: "2024-06-25" } }))).status).toBe(404);
      // a second open case on the same expulsion is refused
      expect((await problem(() => open("2024-06-20"))).findings.map((f) => f.rule)).toContain("eksamen.appeal55.duplicate");
      // the statement: comments within 1 week, by 2024-07-02
      const s1 = await service.addAppeal55Event(db, actor, a.id, { seq: 1, actor: "institution", event: { type: "send-statement", on: "2024-06-25", statement: "Eksaminanden havde en mobiltelefon med notater." } });
      expect(s1.case.state).toBe("statement-sent");
      expect(s1.deadlines.find((d) => d.id === "appeal-comments")).toMatchObject({ due: "2024-07-02", status: "open", ref: "§ 55, stk. 3" });
      // stale seq → 409
      expect((await problem(() => service.addAppeal55Event(db, actor, a.id, { seq: 1, actor: "institution", event: { type: "forward", on: "2024-07-03" } }))).status).toBe(409);
      // forwarding before the comments are due → 422 § 55, stk. 3, nothing saved
      const early = await problem(() => service.addAppeal55Event(db, actor, a.id, { seq: 2, actor: "institution", event: { type: "forward", on: "2024-07-01" } }));
      expect(early.status).toBe(422);
      expect(early.findings.map((f) => [f.rule, f.cite.ref])).toEqual([["eksamen.appeal55.forward-early", "§ 55, stk. 3"]]);
      expect((await service.getAppeal55(db, actor, a.id)).seq).toBe(2);
      // the clock as of a chosen day
      expect((await service.getAppeal55(db, actor, a.id, "2024-07-03")).deadlines.find((d) => d.id === "appeal-comments")).toMatchObject({ status: "overdue", daysLeft: -1 });
      const fw = await service.addAppeal55Event(db, actor, a.id, { seq: 2, actor: "institution", event: { type: "forward", on: "2024-07-03" } });
      expect(fw.case.state).toBe("forwarded");
      expect(fw.events.map((e) => e.seq)).toEqual([1, 2, 3]);
      const list = await service.listAppeals55(db, actor, { on: "2024-07-03" });
      expect(list.find((x) => x.id === a.id)).toMatchObject({ examineeName: ida!.name, decision: "expulsion", decisionRef: "§ 20, stk. 1", state: "forwarded", nextDeadline: null });
      // the statement letter names the 1-week deadline; the receipt is for a case at the institution only
      const letter = await service.appeal55LetterInput(db, actor, a.id, "statement");
      expect(letter.statement).toBe("Eksaminanden havde en mobiltelefon med notater.");
      expect(letter.date).toBe("2024-06-25");
    });

    it("§ 55: the leader's rejection of a grade complaint is appealed as a § 55 case, and then not twice through the complaint", async () => {
      const [noah] = await service.listExaminees(db, actor, { q: "Noah" });
      const g = (await service.getExaminee(db, actor, noah!.id)).grades.find((x) => x.subject.code === "MAT" && x.status === "valid")!;
      const c = await service.openComplaintCase(db, actor, { gradeId: g.id });
      await service.addComplaintEvent(db, actor, c.id, { seq: 0, actor: "examinee", event: { type: "file", on: "2024-06-05", written: true, reasoned: true, individual: true, grounds: ["assessment"] } });
      const notYet = await problem(() => service.openAppeal55(db, actor, { examineeId: noah!.id, decision: "complaint-rejection", reference: { kind: "complaint", id: c.id }, notifiedOn: "2024-06-07", filedOn: "2024-06-08", by: "examinee" }));
      expect(notYet.findings.map((f) => [f.rule, f.cite.ref])).toContainEqual(["eksamen.appeal55.complaint-not-rejected", "§ 49, stk. 1"]);
      await service.addComplaintEvent(db, actor, c.id, { seq: 1, actor: "leader", event: { type: "reject", on: "2024-06-07", reasoned: true } });
      const a = await service.openAppeal55(db, actor, { examineeId: noah!.id, decision: "complaint-rejection", reference: { kind: "complaint", id: c.id }, notifiedOn: "2024-06-07", filedOn: "2024-06-10", by: "examinee" });
      expect(a.decision).toMatchObject({ kind: "complaint-rejection", decidedOn: "2024-06-07", ref: "§ 49, stk. 1" });
      const twice = await problem(() => service.addComplaintEvent(db, actor, c.id, { seq: 2, actor: "examinee", event: { type: "appeal", on: "2024-06-10", legalQuestion: true } }));
      expect(twice.findings.map((f) => f.rule)).toEqual(["eksamen.complaint.appealed-under-55"]);
    });

    it("§ 39 export: one row per certificate line plus the exact results; CSV header", async () => {
      const [term] = await service.listTerms(db, actor);
      const r = await service.export39(db, actor, { termId: term!.id });
      expect(r.examinees).toBeGreaterThan(0);
      const madsRows = r.rows.filter((x) => x[1] === DEMO_EKSAMEN.examinees.mads.cpr);
      expect(madsRows.some((x) => x[3] === "EKSAMENSRESULTAT" && x[6] === "result")).toBe(true);
      expect(madsRows.some((x) => x[3] === "MAT" && x[4] === "B")).toBe(false);
      const csv = service.export39Csv(r.rows);
      expect(csv.split(/\r?\n/)[0]).toBe("institutionsnummer;cpr;uddannelse;fag;niveau;del;kilde;karakter;indgaar");
    });
  });
}
