/**
 * Exam demo data (seed 002; compose.ts `demoSeeders`, module "eksamen"; the demo institution is "Fjordby Gymnasium
 * (demo)", institution number 751015). Deterministic: fixed names, synthetic CPR numbers (serials 9xxx), fixed dates in
 * the summer term 2024. What it shows (src/rulebooks/dk-eksamen/API.md, "Demo institution"):
 *
 * - a term with written and oral exams and their § 12 forms; censors, one employed at the school itself (never
 *   assigned, § 27) and one who censored a teacher in 2023 (repeated censorship within 2 years: not assigned to him);
 * - Emma Eksempel's complaint about her ORAL English B exam, in the comments phase: the decision offers a retest or
 *   not upheld, never a re-assessment (§ 50, stk. 1);
 * - Mads Madsen: Matematik B (2023) and later Matematik A (2024) — the diploma shows Matematik A only (§ 35, stk. 1)
 *   with the exam result step by step (§§ 40–42);
 * - Sofie Selvstuderende: a self-study registration within the § 8 deadline;
 * - the teams (hold) of class 3.a in the term — Dansk A, Matematik A (Peter Holm), Engelsk B — with the four pupils;
 *   the term's Danish, maths and English exams belong to them (Fysik B has no team: a team is not required).
 */
import type { Db } from "../../platform/db/connect.ts";
import type { Actor } from "../../platform/http/context.ts";
import type { ExamForm, GradePart, Level } from "./model.ts";
import * as service from "./service.ts";

export const DEMO_EKSAMEN = {
  institutionCode: "751015",
  term: { name: "Sommer 2024", start: "2024-05-06", end: "2024-06-28", selfStudyDeadline: "2024-04-20" },
  examinees: {
    emma: { cpr: "0106069001", name: "Emma Eksempel" },
    mads: { cpr: "1503069002", name: "Mads Madsen" },
    sofie: { cpr: "2207059003", name: "Sofie Selvstuderende" },
    noah: { cpr: "0911069004", name: "Noah Nielsen" },
    ida: { cpr: "1212069005", name: "Ida Iversen" },
  },
  /** The teams (hold) of "Sommer 2024": Emma, Mads, Noah and Ida on each; the Danish, maths and English exams name theirs. */
  teams: { dan: "3.a Dansk A", mat: "3.a Matematik A", eng: "3.a Engelsk B" },
};

export const demoForm = (answer: ExamForm["answer"], setBy: ExamForm["setBy"], o: Partial<ExamForm["course"]> = {}): ExamForm => ({
  basis: { forlaeg: answer.includes("oral") ? "Ukendt tekst med spørgsmål" : "Opgavesæt", otherMaterial: false },
  course: answer.includes("oral") ? { timeMinutes: 0, draw: true, preparationMinutes: 24, examinationMinutes: 24, ...o } : { timeMinutes: 300, draw: false, preparationMinutes: 0, examinationMinutes: 0, ...o },
  answer,
  electronic: !answer.includes("oral"),
  multiSubject: false,
  group: false,
  setBy,
});

export async function seedEksamenDemo(db: Db, institution: { id: string; code: string }): Promise<void> {
  const actor: Actor = { userId: null, label: "demo", institutionId: institution.id, roles: ["admin"], via: "cli" };
  const subjects: [string, string, string][] = [
    ["DAN", "Dansk", "Danish"],
    ["MAT", "Matematik", "Mathematics"],
    ["ENG", "Engelsk", "English"],
    ["FYS", "Fysik", "Physics"],
    ["HIS", "Historie", "History"],
  ];
  for (const [code, da, en] of subjects) await service.createSubject(db, actor, { code, name: { da, en } });
  const kk = await service.createTeacher(db, actor, { name: "Karen Kristensen", initials: "KK" });
  const ph = await service.createTeacher(db, actor, { name: "Peter Holm", initials: "PH" });
  await service.createTeacher(db, actor, { name: "Ulla Vang", initials: "UV" });
  const term = await service.createTerm(db, actor, DEMO_EKSAMEN.term);

  const ex = DEMO_EKSAMEN.examinees;
  const add = (x: { cpr: string; name: string }, selfStudy = false) =>
    service.createExaminee(db, actor, { cpr: x.cpr, name: x.name, education: "stx", coherent: !selfStudy, programmeStart: "2021-08-01", selfStudy });
  const emma = await add(ex.emma);
  const mads = await add(ex.mads);
  const noah = await add(ex.noah);
  const ida = await add(ex.ida);
  const sofie = await add(ex.sofie, true);

  // the class 3.a's teams (hold) of the term, with their teachers and the four pupils (Sofie studies on her own, § 8)
  const pupils = [emma.id, mads.id, noah.id, ida.id];
  const team = (name: string, subjectCode: string, level: Level, teacher: string) => service.createTeam(db, actor, { termId: term.id, name, subjectCode, level, teacherIds: [teacher], examineeIds: pupils });
  const danT = await team(DEMO_EKSAMEN.teams.dan, "DAN", "A", kk.id);
  const matT = await team(DEMO_EKSAMEN.teams.mat, "MAT", "A", ph.id);
  const engT = await team(DEMO_EKSAMEN.teams.eng, "ENG", "B", kk.id);

  const exam = (subjectCode: string, level: Level, part: GradePart, date: string, answer: ExamForm["answer"], setBy: ExamForm["setBy"], examiner: string, teamId: string | null = null) =>
    service.createExam(db, actor, { termId: term.id, subjectCode, level, part, date, form: demoForm(answer, setBy), examinerIds: [examiner], teamId });
  const danW = await exam("DAN", "A", "written", "2024-05-21", ["written"], "ministry", kk.id, danT.id);
  const matW = await exam("MAT", "A", "written", "2024-05-27", ["written"], "ministry", ph.id, matT.id);
  const danO = await exam("DAN", "A", "oral", "2024-06-10", ["oral"], "institution", kk.id, danT.id);
  const engO = await exam("ENG", "B", "oral", "2024-06-11", ["oral"], "institution", kk.id, engT.id);
  const fysO = await exam("FYS", "B", "oral", "2024-06-13", ["oral"], "institution", ph.id);

  const soeren = await service.createCensor(db, actor, { name: "Søren Censor", employedAt: ["280001"], subjects: [{ subject: "DAN" }, { subject: "ENG" }], capacity: 6 });
  const mette = await service.createCensor(db, actor, { name: "Mette Mortensen", employedAt: ["280002"], subjects: [{ subject: "MAT" }, { subject: "FYS" }], capacity: 4 });
  await service.createCensor(db, actor, { name: "Hans Hansen", employedAt: [institution.code], subjects: [{ subject: "DAN" }, { subject: "MAT" }], capacity: 10 });
  // Mette censored Peter Holm's exam in 2023: § 27 bars her from his exams until 2025.
  await service.addCensorHistory(db, actor, mette.id, { examinerIds: [ph.id], date: "2023-06-14", institutionCode: institution.code });
  void soeren;

  for (const p of [emma, mads, noah, ida])
    for (const x of [danW, matW, danO, engO, fysO]) await service.register(db, actor, { examId: x.id, examineeId: p.id, registeredOn: "2024-02-01", followedTeaching: true, formalRequirementsMet: true });
  await service.register(db, actor, { examId: engO.id, examineeId: sofie.id, registeredOn: "2024-04-02", followedTeaching: false, formalRequirementsMet: null });

  await service.assignTermCensors(db, actor, term.id);

  const grade = (examineeId: string, kind: "exam" | "standpunkt", subjectCode: string, level: Level, part: GradePart, g: string, date: string, examId?: string) =>
    service.addGrade(db, actor, { kind, examineeId, subjectCode, level, part, grade: g, date, ...(kind === "exam" ? { announcedOn: date, termId: examId ? term.id : null, examId: examId ?? null } : {}) });

  // Mads: Matematik B in 2023, then Matematik A in 2024 (§ 35, stk. 1: only A is shown)
  await grade(mads.id, "exam", "MAT", "B", "written", "7", "2023-06-05");
  const madsGrades: [string, Level, GradePart, string, string, string][] = [
    ["DAN", "A", "written", "7", "2024-05-21", danW.id],
    ["MAT", "A", "written", "10", "2024-05-27", matW.id],
    ["DAN", "A", "oral", "10", "2024-06-10", danO.id],
    ["ENG", "B", "oral", "12", "2024-06-11", engO.id],
    ["FYS", "B", "oral", "7", "2024-06-13", fysO.id],
  ];
  for (const [s, l, p, g, d, x] of madsGrades) await grade(mads.id, "exam", s, l, p, g, d, x);
  for (const [s, l, p, g] of [
    ["DAN", "A", "written", "7"],
    ["DAN", "A", "oral", "10"],
    ["MAT", "A", "written", "10"],
    ["ENG", "B", "oral", "10"],
    ["FYS", "B", "oral", "7"],
    ["HIS", "A", "oral", "7"],
  ] as [string, Level, GradePart, string][])
    await grade(mads.id, "standpunkt", s, l, p, g, "2024-06-20");

  // Emma: grades of the term; English B oral 4 — the complaint
  let emmaEng = "";
  for (const [s, l, p, g, d, x] of [
    ["DAN", "A", "written", "10", "2024-05-21", danW.id],
    ["MAT", "A", "written", "7", "2024-05-27", matW.id],
    ["DAN", "A", "oral", "12", "2024-06-10", danO.id],
    ["ENG", "B", "oral", "4", "2024-06-12", engO.id],
    ["FYS", "B", "oral", "10", "2024-06-13", fysO.id],
  ] as [string, Level, GradePart, string, string, string][]) {
    const r = await grade(emma.id, "exam", s, l, p, g, d, x);
    if (s === "ENG") emmaEng = r.id;
  }
  for (const [p, g] of [
    [noah, ["4", "02", "7", "7", "4"]],
    [ida, ["12", "10", "10", "7", "12"]],
  ] as const)
    for (const [i, x] of [danW, matW, danO, engO, fysO].entries()) await grade(p.id, "exam", x.subject.code, x.level!, x.part, g[i]!, x.date, x.id);

  const c = await service.openComplaintCase(db, actor, { gradeId: emmaEng });
  const steps: [Parameters<typeof service.addComplaintEvent>[3]["actor"], Parameters<typeof service.addComplaintEvent>[3]["event"]][] = [
    ["examinee", { type: "file", on: "2024-06-18", written: true, reasoned: true, individual: true, grounds: ["assessment"] }],
    ["institution", { type: "request-statements", on: "2024-06-19" }],
    ["assessors", { type: "statements-received", on: "2024-06-24" }],
    ["institution", { type: "present-statements", on: "2024-06-25" }],
    ["examinee", { type: "comments-received", on: "2024-06-27" }],
  ];
  for (const [i, [who, event]] of steps.entries()) await service.addComplaintEvent(db, actor, c.id, { seq: i, actor: who, event });
}

/** Rows in institution A for the cross-tenant test (src/platform/http/tenancy.store.test.ts). */
export async function eksamenCrossTenantFixture(db: Db, actorOfA: Actor): Promise<Record<string, string>> {
  const actor = { ...actorOfA, roles: actorOfA.roles.length ? actorOfA.roles : (["admin"] as Actor["roles"]) };
  await service.createSubject(db, actor, { code: "XA", name: { da: "Fag A" } });
  const t = await service.createTeacher(db, actor, { name: "Lærer A", initials: "LA" });
  const term = await service.createTerm(db, actor, { name: "Termin A", start: "2024-05-01", end: "2024-06-30" });
  const x = await service.createExam(db, actor, { termId: term.id, subjectCode: "XA", level: "A", part: "oral", date: "2024-06-03", form: demoForm(["oral"], "institution"), examinerIds: [t.id] });
  const e = await service.createExaminee(db, actor, { cpr: "0101069998", name: "Eksaminand A", education: "stx", coherent: true, programmeStart: "2021-08-01" });
  const censor = await service.createCensor(db, actor, { name: "Censor A", employedAt: ["999999"], subjects: [{ subject: "XA" }], capacity: 3 });
  await service.register(db, actor, { examId: x.id, examineeId: e.id, registeredOn: "2024-02-01", followedTeaching: true, formalRequirementsMet: true });
  const g = await service.addGrade(db, actor, { kind: "exam", examineeId: e.id, subjectCode: "XA", level: "A", part: "oral", grade: "7", date: "2024-06-03", announcedOn: "2024-06-03", termId: term.id, examId: x.id });
  const c = await service.openComplaintCase(db, actor, { gradeId: g.id });
  const d = await service.issueDocument(db, actor, e.id, { copy: "original", on: "2024-06-28" });
  // a § 20 expulsion and the § 55 complaint about it (after the document, which it does not touch)
  const cc = await service.addCheatingCase(db, actor, { examineeId: e.id, examId: x.id, misconduct: { kind: "unauthorised-aids", when: "during" }, on: "2024-06-03", expelled: true });
  const ap = await service.openAppeal55(db, actor, { examineeId: e.id, decision: "expulsion", reference: { kind: "cheating-case", id: cc.id }, notifiedOn: "2024-06-03", filedOn: "2024-06-05", by: "examinee" });
  return {
    "/api/eksamen/appeals/:id": ap.id,
    "/api/eksamen/terms/:id": term.id,
    "/api/eksamen/examinees/:id": e.id,
    "/api/eksamen/exams/:id": x.id,
    "/api/eksamen/censors/:id": censor.id,
    "/api/eksamen/grades/:id": g.id,
    "/api/eksamen/complaints/:id": c.id,
    "/api/eksamen/documents/:id": d.id,
    termId: term.id,
    examId: x.id,
    examineeId: e.id,
    gradeId: g.id,
  };
}
