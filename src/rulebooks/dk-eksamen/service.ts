/**
 * Exam use cases (seed 002), shared by HTTP and CLI: the contract is src/rulebooks/dk-eksamen/API.md. Each takes
 * `(db, actor, input)`; every query is scoped by `actor.institutionId`. The rules come from the pure core (access,
 * censor-assignment, conduct, complaint, diploma, certificate, result); SQL from store.ts. Every change is audited in
 * the same transaction. Bad input or a refused rule → 422 with findings, nothing saved; stale version → 409.
 * The decision date is always an input (`on`); the HTTP/CLI shell fills it with today when the caller gives none.
 */
import type { Transaction } from "kysely";
import { audit } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables, Role } from "../../platform/db/schema.ts";
import { ProblemError, requireRole, WRITE_ROLES, type Actor } from "../../platform/http/context.ts";
import { stringifyCsv } from "../../platform/csv.ts";
import { finding, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { formatGrade7, parseGrade7, type Grade7 } from "../../kernel/grades/seven-step.ts";
import { maskCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import { formatRational, rationalToString, type Rational } from "../../kernel/rational.ts";
import { parseIsoDate, type IsoDate } from "../../kernel/time/date.ts";
import { examAccess, selfStudyRegistration, type HfFaggruppe } from "./access.ts";
import { assignCensors, type PlanCensor, type PlanExam } from "./censor-assignment.ts";
import { buildCertificate, gradeReport, type CertificateData } from "./certificate.ts";
import { exFinding } from "./cite.ts";
import * as appeal55 from "./appeal55.ts";
import type { Appeal55LetterInput, Appeal55LetterKind } from "./letters.ts";
import { complaintDeadlines, possibleOutcomes, replay, step, TRANSITIONS, type ComplaintActor, type ComplaintCase, type ComplaintEvent, type ComplaintExam } from "./complaint.ts";
import { expulsion, expulsionConsequences, specialConditions, type MisconductInput, type SpecialConditionsInput } from "./conduct.ts";
import { leaverCertificates, meritText, mayIssue, retainUntil, type DiplomaLine } from "./diploma.ts";
import { checkDocumentInput, documentFromCertificate, documentsForLeaver, type ComplaintLetterInput, type ComplaintLetterKind, type EksamenDocumentInput } from "./documents.ts";
import type { DiplomaKind, Education, ExamForm, ExamGrade, Examinee, GradePart, GradeRecord, IssuedDocument, Level, MeritAssessment, MeritEntry, StandpunktGrade, Subject } from "./model.ts";
import { parseExamGradeRow, parseExamineeRow, parseStandpunktRow } from "./parse.ts";
import { explainExamResult, type ExamResult } from "./result.ts";
import * as store from "./store.ts";

// ------------------------------------------------------------------------------------------------------------ helpers

const k = (db: Db) => store.eksKysely(db);
const by = (a: Actor): store.Recorder => ({ label: a.label, userId: a.userId });
const auditTx = (tx: store.EksTx) => tx as unknown as Transaction<PlatformTables>;

export const LEADER_ROLES: readonly Role[] = ["admin", "leder", "ledelse"];
export const GRADE_ROLES: readonly Role[] = [...WRITE_ROLES, "laerer"];
export const canSeeCpr = (a: Actor): boolean => a.roles.some((r) => r === "admin" || WRITE_ROLES.includes(r));
const write = (a: Actor) => requireRole(a, WRITE_ROLES, "this needs a write role (admin, leder, ledelse, tap)");

const API = { seed: "reference" as const, ref: "src/rulebooks/dk-eksamen/API.md" };

/** A finding about the shape of the input (not a rule of the seed): cites the API contract. */
export function inputFinding(rule: string, subject: string, value: Finding["value"], en: string, da: string): Finding {
  return finding(`eksamen.input.${rule}`, "error", API, { en, da }, { subject, value });
}

export const refuse = (findings: Finding[], what: string): ProblemError => new ProblemError(422, "Unprocessable Content", findings, `${what}: ${findings.length} problem(s)`);
const notFound = (what: string) => new ProblemError(404, "Not Found", [], `no such ${what} in this institution`);
const stale = (what: string, current: number, sent: number) =>
  new ProblemError(
    409,
    "Conflict",
    [
      finding(
        "eksamen.version.stale",
        "error",
        API,
        { en: `The ${what} was changed by someone else (you sent version ${sent}, the current one is ${current}). Reload and try again.`, da: `Dette er ændret af en anden (du sendte version ${sent}, den aktuelle er ${current}). Hent det igen og prøv igen.` },
        { subject: "version", value: sent },
      ),
    ],
    `version ${sent} is stale; the current version is ${current}`,
  );

function checkDate(s: string | null | undefined, subject: string, required: boolean, out: Finding[]): IsoDate | undefined {
  if (s === null || s === undefined || s === "") {
    if (required) out.push(inputFinding("date-missing", subject, null, `${subject}: a date is required (YYYY-MM-DD).`, `${subject}: dato mangler (ÅÅÅÅ-MM-DD).`));
    return undefined;
  }
  const d = parseIsoDate(s);
  if (d === undefined) out.push(inputFinding("date", subject, s, `${subject} = "${s}": not a date (YYYY-MM-DD).`, `${subject} = "${s}": ikke en dato (ÅÅÅÅ-MM-DD).`));
  return d;
}

function dateOrRefuse(s: string, subject: string): IsoDate {
  const out: Finding[] = [];
  const d = checkDate(s, subject, true, out);
  if (d === undefined) throw refuse(out, `${subject} is not a date`);
  return d;
}

export interface Exact {
  exact: string;
  da: string;
  en: string;
}
const exact = (r: Rational, decimals = 2): Exact => ({ exact: rationalToString(r), da: formatRational(r, decimals, "half-up", ","), en: formatRational(r, decimals, "half-up", ".") });

/** JSON with bigint (Rational) values, for the issued content of a document. */
const toJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? { $bigint: x.toString() } : x)));
function fromJson<T>(v: unknown): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === "object") {
      const o = x as Record<string, unknown>;
      if (typeof o.$bigint === "string" && Object.keys(o).length === 1) return BigInt(o.$bigint);
      return Object.fromEntries(Object.entries(o).map(([kk, vv]) => [kk, walk(vv)]));
    }
    return x;
  };
  return walk(v) as T;
}

async function institutionOf(db: Db, actor: Actor): Promise<{ code: string; name: string }> {
  const r = await k(db).selectFrom("institution").select(["code", "name"]).where("id", "=", actor.institutionId).executeTakeFirst();
  if (!r) throw notFound("institution");
  return r;
}

// --------------------------------------------------------------------------------------------------- reference data

export type SubjectInput = { code: string; name: { da: string; en?: string | undefined }; component?: string | undefined };

export async function listSubjects(db: Db, actor: Actor): Promise<store.SubjectRow[]> {
  return store.listSubjects(k(db), actor.institutionId);
}

async function subjectMap(db: Db, actor: Actor): Promise<Map<string, Subject>> {
  const rows = await store.listSubjects(k(db), actor.institutionId);
  return new Map(rows.map((r) => [r.code, toSubject(r)]));
}

function toSubject(r: store.SubjectRow): Subject {
  const s: Subject = { code: r.code, name: r.name };
  if (r.component !== undefined) s.component = r.component as Subject["component"] & string;
  return s;
}

export async function createSubject(db: Db, actor: Actor, input: SubjectInput): Promise<store.SubjectRow> {
  write(actor);
  const code = input.code.trim().toUpperCase();
  const out: Finding[] = [];
  if (code === "") out.push(inputFinding("subject-code", "code", null, "The subject code is required.", "Fagkoden mangler."));
  if (input.name.da.trim() === "") out.push(inputFinding("subject-name", "name", null, "The subject name is required.", "Fagets navn mangler."));
  if (out.length) throw refuse(out, "the subject was not saved");
  const existing = await store.listSubjects(k(db), actor.institutionId);
  if (existing.some((s) => s.code === code))
    throw new ProblemError(409, "Conflict", [finding("eksamen.subject.exists", "error", API, { en: `The subject ${code} exists.`, da: `Faget ${code} findes allerede.` }, { subject: "code", value: code })], "subject exists");
  const row: Omit<store.SubjectRow, "id"> = { code, name: input.name.en ? { da: input.name.da.trim(), en: input.name.en.trim() } : { da: input.name.da.trim() } };
  if (input.component) row.component = input.component;
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertSubject(tx, actor.institutionId, row, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.subject.add", entity: "eksamen_subject", entityId: id, detail: { code } });
      return id;
    });
  return { id, ...row };
}

export async function listTeachers(db: Db, actor: Actor): Promise<store.TeacherRow[]> {
  return store.listTeachers(k(db), actor.institutionId);
}

export async function createTeacher(db: Db, actor: Actor, input: { name: string; initials: string }): Promise<store.TeacherRow> {
  write(actor);
  if (input.name.trim() === "") throw refuse([inputFinding("teacher-name", "name", null, "The name is required.", "Navnet mangler.")], "the teacher was not saved");
  const t = { name: input.name.trim(), initials: input.initials.trim().toUpperCase() };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertTeacher(tx, actor.institutionId, t, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.teacher.add", entity: "eksamen_teacher", entityId: id, detail: { initials: t.initials } });
      return id;
    });
  return { id, ...t };
}

export async function listTerms(db: Db, actor: Actor): Promise<store.TermRow[]> {
  return store.listTerms(k(db), actor.institutionId);
}

export async function createTerm(db: Db, actor: Actor, input: { name: string; start: string; end: string; selfStudyDeadline?: string | null | undefined }): Promise<store.TermRow> {
  write(actor);
  const out: Finding[] = [];
  const start = checkDate(input.start, "start", true, out);
  const end = checkDate(input.end, "end", true, out);
  const dl = checkDate(input.selfStudyDeadline, "selfStudyDeadline", false, out);
  if (start && end && end < start) out.push(exFinding("term.reversed", "error", "§ 3", `The term ends (${end}) before it starts (${start}).`, `Terminen slutter (${end}) før den begynder (${start}).`, "end", end));
  if (input.name.trim() === "") out.push(inputFinding("term-name", "name", null, "The term's name is required.", "Terminens navn mangler."));
  if (out.length || !start || !end) throw refuse(out, "the term was not saved");
  const t = { name: input.name.trim(), start, end, selfStudyDeadline: dl ?? null };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertTerm(tx, actor.institutionId, t, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.term.add", entity: "eksamen_term", entityId: id, detail: { name: t.name } });
      return id;
    });
  return { id, ...t };
}

async function termOr404(db: Db, actor: Actor, id: string): Promise<store.TermRow> {
  const t = await store.getTerm(k(db), actor.institutionId, id);
  if (!t) throw notFound("term");
  return t;
}

// ------------------------------------------------------------------------------------------------------------ examinees

export interface ExamineeView {
  id: string;
  cprMasked: string;
  cpr?: string;
  name: string;
  education: Education;
  coherent: boolean;
  programmeStart: string;
  selfStudy: boolean;
  leftOn: string | null;
  repeatsYear: boolean;
  version: number;
}

function examineeView(r: store.ExamineeRow, full: boolean): ExamineeView {
  const v: ExamineeView = {
    id: r.id,
    cprMasked: maskCpr(r.cpr),
    name: r.name,
    education: r.education as Education,
    coherent: r.coherent,
    programmeStart: r.programmeStart,
    selfStudy: r.selfStudy,
    leftOn: r.leftOn,
    repeatsYear: r.repeatsYear,
    version: r.version,
  };
  if (full) v.cpr = r.cpr;
  return v;
}

function toExaminee(r: store.ExamineeRow): Examinee {
  const e: Examinee = { id: r.id, cpr: r.cpr as Cpr, name: r.name, education: r.education as Education, coherent: r.coherent, programmeStart: r.programmeStart };
  if (r.selfStudy) e.selfStudy = true;
  if (r.leftOn !== null) e.leftOn = r.leftOn;
  if (r.repeatsYear) e.repeatsYear = true;
  return e;
}

export interface ExamineeInput {
  cpr: string;
  name: string;
  education: string;
  coherent: boolean;
  programmeStart: string;
  selfStudy?: boolean | undefined;
  repeatsYear?: boolean | undefined;
  leftOn?: string | null | undefined;
}

/** Checks an examinee through the pure parser (CPR through the kernel) — value null with findings when bad. */
function examineeData(input: Omit<ExamineeInput, "cpr"> & { cpr: string }): Decision<{ cpr: Cpr; data: store.ExamineeData } | null> {
  const p = parseExamineeRow({ id: "", cpr: input.cpr, name: input.name, education: input.education, coherent: input.coherent ? "yes" : "no", programmeStart: input.programmeStart });
  const out = [...p.because];
  const leftOn = checkDate(input.leftOn, "leftOn", false, out);
  if (p.value === null || hasErrors(out)) return { value: null, because: out };
  return {
    value: {
      cpr: p.value.cpr,
      data: { name: p.value.name, education: p.value.education, coherent: p.value.coherent, programmeStart: p.value.programmeStart, selfStudy: input.selfStudy ?? false, leftOn: leftOn ?? null, repeatsYear: input.repeatsYear ?? false },
    },
    because: out,
  };
}

export async function listExaminees(db: Db, actor: Actor, q: { q?: string | undefined; education?: string | undefined } = {}): Promise<ExamineeView[]> {
  return (await store.listExaminees(k(db), actor.institutionId, q)).map((r) => examineeView(r, false));
}

export async function createExaminee(db: Db, actor: Actor, input: ExamineeInput): Promise<ExamineeView> {
  write(actor);
  const d = examineeData(input);
  if (d.value === null) throw refuse(d.because, "the examinee was not saved");
  const { cpr, data } = d.value;
  if (await store.getExamineeByCpr(k(db), actor.institutionId, cpr))
    throw new ProblemError(409, "Conflict", [finding("eksamen.examinee.exists", "error", API, { en: `An examinee with CPR ${maskCpr(cpr)} exists.`, da: `Der findes allerede en eksaminand med CPR ${maskCpr(cpr)}.` }, { subject: "cpr", value: maskCpr(cpr) })], "examinee exists");
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertExaminee(tx, actor.institutionId, cpr, data, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.examinee.add", entity: "eksamen_examinee", entityId: id, detail: { cpr: maskCpr(cpr), education: data.education } });
      return id;
    });
  return examineeView((await store.getExaminee(k(db), actor.institutionId, id))!, canSeeCpr(actor));
}

export async function updateExaminee(db: Db, actor: Actor, id: string, input: Omit<ExamineeInput, "cpr"> & { version: number; reason: string }): Promise<ExamineeView> {
  write(actor);
  const cur = await store.getExaminee(k(db), actor.institutionId, id);
  if (!cur) throw notFound("examinee");
  const d = examineeData({ ...input, cpr: cur.cpr });
  if (d.value === null) throw refuse(d.because, "the examinee was not changed");
  if (input.reason.trim() === "") throw refuse([inputFinding("reason", "reason", null, "A correction needs a reason.", "En rettelse skal begrundes.")], "no reason");
  await k(db)
    .transaction()
    .execute(async (tx) => {
      const b = await store.bumpVersion(tx, "eksamen_examinee", actor.institutionId, id, input.version);
      if (!b.ok) throw b.why === "missing" ? notFound("examinee") : stale("examinee", b.current, input.version);
      await store.insertExamineeVersion(tx, actor.institutionId, id, b.version, d.value!.data, by(actor), input.reason.trim());
      await audit(auditTx(tx), actor, { action: "eksamen.examinee.correct", entity: "eksamen_examinee", entityId: id, detail: { version: b.version, reason: input.reason.trim() } });
    });
  return examineeView((await store.getExaminee(k(db), actor.institutionId, id))!, canSeeCpr(actor));
}

async function examineeOr404(db: Db, actor: Actor, id: string): Promise<store.ExamineeRow> {
  const e = await store.getExaminee(k(db), actor.institutionId, id);
  if (!e) throw notFound("examinee");
  return e;
}

export async function getExaminee(db: Db, actor: Actor, id: string) {
  const e = await examineeOr404(db, actor, id);
  const subjects = await subjectMap(db, actor);
  const grades = await store.listGrades(k(db), actor.institutionId, { examineeId: id });
  const merits = await store.listMerits(k(db), actor.institutionId, id);
  return {
    ...examineeView(e, canSeeCpr(actor)),
    grades: grades.filter((g) => g.kind === "exam").map((g) => gradeView(g, subjects)),
    standpunkt: grades.filter((g) => g.kind === "standpunkt").map((g) => gradeView(g, subjects)),
    merits: merits.map((m) => meritView(m, subjects)),
    registrations: await listRegistrations(db, actor, { examineeId: id }),
    complaints: await listComplaints(db, actor, { examineeId: id }),
    documents: await documentRows(db, actor, { examineeId: id }),
    specialConditions: await store.listSpecialConditions(k(db), actor.institutionId, id),
    cheatingCases: await store.listCheatingCases(k(db), actor.institutionId, id),
    history: await store.examineeHistory(k(db), actor.institutionId, id),
  };
}

// ------------------------------------------------------------------------------------------------------- teams, exams

export async function listTeams(db: Db, actor: Actor, termId?: string): Promise<store.TeamRow[]> {
  if (termId !== undefined && !store.isUuid(termId)) return [];
  return store.listTeams(k(db), actor.institutionId, termId);
}

export async function createTeam(db: Db, actor: Actor, input: { termId?: string | null | undefined; name: string; subjectCode: string; level?: Level | null | undefined; teacherIds: string[]; examineeIds: string[] }): Promise<store.TeamRow> {
  write(actor);
  if (input.termId) await termOr404(db, actor, input.termId);
  const subjects = await subjectMap(db, actor);
  const out: Finding[] = [];
  if (input.name.trim() === "") out.push(inputFinding("team-name", "name", input.name, "The team's name is required.", "Holdets navn mangler."));
  if (!subjects.has(input.subjectCode)) out.push(unknownSubject(input.subjectCode));
  await checkTeachers(db, actor, input.teacherIds, out);
  for (const x of input.examineeIds) if (!(await store.getExaminee(k(db), actor.institutionId, x))) out.push(inputFinding("examinee-unknown", "examineeIds", x, `No examinee ${x}.`, `Ingen eksaminand ${x}.`));
  if (out.length) throw refuse(out, "the team was not saved");
  const t = { termId: input.termId ?? null, name: input.name.trim(), subjectCode: input.subjectCode, level: input.level ?? null, teacherIds: input.teacherIds, examineeIds: input.examineeIds };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertTeam(tx, actor.institutionId, t, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.team.add", entity: "eksamen_team", entityId: id, detail: { name: t.name } });
      return id;
    });
  return { id, ...t };
}

const unknownSubject = (code: string) => inputFinding("subject-unknown", "subjectCode", code, `The subject "${code}" is not in this institution's subject list.`, `Faget "${code}" findes ikke i institutionens fagliste.`);

async function checkTeachers(db: Db, actor: Actor, ids: readonly string[], out: Finding[]): Promise<void> {
  const teachers = new Set((await store.listTeachers(k(db), actor.institutionId)).map((t) => t.id));
  for (const t of ids) if (!teachers.has(t)) out.push(inputFinding("teacher-unknown", "examinerIds", t, `No teacher ${t} in this institution.`, `Ingen lærer ${t} på institutionen.`));
}

export interface ExamView {
  id: string;
  termId: string;
  subject: Subject;
  level: Level | null;
  part: GradePart;
  date: string;
  form: ExamForm;
  examinerIds: string[];
  teamId: string | null;
  censorId: string | null;
  censorName: string | null;
  registrations: number;
}

async function examViews(db: Db, actor: Actor, rows: store.ExamRow[]): Promise<ExamView[]> {
  const subjects = await subjectMap(db, actor);
  const censors = new Map((await store.listCensors(k(db), actor.institutionId)).map((c) => [c.id, c.name]));
  const terms = [...new Set(rows.map((r) => r.termId))];
  const byExam = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const t of terms) {
    for (const c of await store.listCensorships(k(db), actor.institutionId, { termId: t })) if (c.examId) byExam.set(c.examId, c.censorId);
    for (const [x, n] of await store.registrationCounts(k(db), actor.institutionId, t)) counts.set(x, n);
  }
  return rows.map((r) => {
    const censorId = byExam.get(r.id) ?? null;
    return {
      id: r.id,
      termId: r.termId,
      subject: subjects.get(r.subjectCode) ?? { code: r.subjectCode, name: { da: r.subjectCode } },
      level: r.level,
      part: r.part,
      date: r.date,
      form: r.form as ExamForm,
      examinerIds: r.examinerIds,
      teamId: r.teamId,
      censorId,
      censorName: censorId ? (censors.get(censorId) ?? null) : null,
      registrations: counts.get(r.id) ?? 0,
    };
  });
}

export async function listExams(db: Db, actor: Actor, q: { termId?: string | undefined } = {}): Promise<ExamView[]> {
  if (q.termId !== undefined && !store.isUuid(q.termId)) return [];
  return examViews(db, actor, await store.listExams(k(db), actor.institutionId, q));
}

async function examOr404(db: Db, actor: Actor, id: string): Promise<store.ExamRow> {
  if (!store.isUuid(id)) throw notFound("exam");
  const [x] = await store.listExams(k(db), actor.institutionId, { id });
  if (!x) throw notFound("exam");
  return x;
}

export async function getExam(db: Db, actor: Actor, id: string) {
  const x = await examOr404(db, actor, id);
  const [v] = await examViews(db, actor, [x]);
  return { ...v!, registrations: await listRegistrations(db, actor, { examId: id }) };
}

export interface ExamInput {
  termId: string;
  subjectCode: string;
  level?: Level | null | undefined;
  part: GradePart;
  date: string;
  form: ExamForm;
  examinerIds: string[];
  teamId?: string | null | undefined;
}

export async function createExam(db: Db, actor: Actor, input: ExamInput): Promise<ExamView> {
  write(actor);
  const term = await termOr404(db, actor, input.termId);
  const out: Finding[] = [];
  const date = checkDate(input.date, "date", true, out);
  if (date && (date < term.start || date > term.end))
    out.push(exFinding("exam.outside-term", "error", "§ 3", `The exam date ${date} is outside the term ${term.name} (${term.start}–${term.end}).`, `Prøvedatoen ${date} ligger uden for terminen ${term.name} (${term.start}–${term.end}).`, "date", date));
  if (input.form.answer.length === 0)
    out.push(exFinding("exam.answer-form", "error", "§ 12, stk. 1", "The form of the answer (written, oral, practical or a combination) is required.", "Besvarelsens form (skriftlig, mundtlig, praktisk eller en kombination) skal angives.", "form.answer"));
  const subjects = await subjectMap(db, actor);
  if (!subjects.has(input.subjectCode)) out.push(unknownSubject(input.subjectCode));
  await checkTeachers(db, actor, input.examinerIds, out);
  if (input.teamId && !(await store.listTeams(k(db), actor.institutionId)).some((t) => t.id === input.teamId)) out.push(inputFinding("team-unknown", "teamId", input.teamId, "No such team.", "Intet sådant hold."));
  if (out.length || !date) throw refuse(out, "the exam was not saved");
  const row = { termId: term.id, subjectCode: input.subjectCode, level: input.level ?? null, part: input.part, date, form: input.form, examinerIds: input.examinerIds, teamId: input.teamId ?? null };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertExam(tx, actor.institutionId, row, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.exam.add", entity: "eksamen_exam", entityId: id, detail: { subject: row.subjectCode, date } });
      return id;
    });
  return (await examViews(db, actor, [{ id, ...row }]))[0]!;
}

export async function termPlan(db: Db, actor: Actor, termId: string) {
  const term = await termOr404(db, actor, termId);
  const exams = await listExams(db, actor, { termId });
  const days = new Map<string, number>();
  for (const x of exams) days.set(x.date, (days.get(x.date) ?? 0) + 1);
  const unassigned = exams.filter((x) => x.censorId === null).length;
  const findings: Finding[] = [];
  if (unassigned > 0)
    findings.push(exFinding("plan.censors-missing", "warning", "§ 24", `${unassigned} exam(s) have no censor yet.`, `${unassigned} prøve(r) har endnu ikke fået censor.`, "unassigned", unassigned));
  return { term, exams, days: [...days].map(([date, n]) => ({ date, exams: n })), unassigned, findings };
}

// -------------------------------------------------------------------------------------------------------- registrations

export interface RegistrationInput {
  examId: string;
  examineeId: string;
  registeredOn: string;
  followedTeaching: boolean;
  admittedByEducationRules?: boolean | undefined;
  formalRequirementsMet: boolean | null;
  followsOrWillFollow?: Level[] | undefined;
  faggruppe?: HfFaggruppe | undefined;
  institutionHoldsExam?: boolean | undefined;
}

export interface RegistrationView {
  id: string;
  examId: string;
  examineeId: string;
  examineeName: string;
  selfStudy: boolean;
  registeredOn: string;
  accepted: boolean;
  deadline: string | null;
  findings: Finding[];
}

/**
 * §§ 7–8 for one registration. A self-study examinee (§ 8) is admitted by a timely registration at an institution that
 * holds the exam instead of by having followed the teaching (§ 7, stk. 1 asks the teaching only of pupils), so the
 * teaching condition is taken as met for them; the level rule (§ 7, stk. 2) and the formal requirements still apply.
 * An exam without a level (a component) has no higher level, so § 7, stk. 2 cannot bar it.
 */
async function decideRegistration(db: Db, actor: Actor, input: RegistrationInput): Promise<{ examinee: store.ExamineeRow; exam: store.ExamRow; accepted: boolean; deadline: string | null; selfStudy: boolean; findings: Finding[] }> {
  const exam = await examOr404(db, actor, input.examId);
  const examinee = await examineeOr404(db, actor, input.examineeId);
  const findings: Finding[] = [];
  const registeredOn = checkDate(input.registeredOn, "registeredOn", true, findings);
  if (!registeredOn) throw refuse(findings, "registration not checked");
  const selfStudy = examinee.selfStudy;
  const access = examAccess({
    education: examinee.education as Education,
    subject: exam.subjectCode,
    level: exam.level ?? "A",
    ...(input.faggruppe ? { faggruppe: input.faggruppe } : {}),
    followedTeaching: selfStudy ? true : input.followedTeaching,
    ...(input.admittedByEducationRules !== undefined ? { admittedByEducationRules: input.admittedByEducationRules } : {}),
    formalRequirementsMet: input.formalRequirementsMet,
    followsOrWillFollow: input.followsOrWillFollow ?? [],
  });
  findings.push(...access.because);
  let deadline: string | null = null;
  if (selfStudy) {
    const term = await termOr404(db, actor, exam.termId);
    const s = selfStudyRegistration({
      education: examinee.education as Education,
      examDate: exam.date,
      registeredOn,
      institutionHoldsExam: input.institutionHoldsExam ?? true,
      ...(term.selfStudyDeadline ? { institutionDeadline: term.selfStudyDeadline } : {}),
    });
    findings.push(...s.because);
    deadline = s.value.deadline;
  }
  return { examinee, exam, accepted: !hasErrors(findings), deadline, selfStudy, findings };
}

export async function checkRegistration(db: Db, actor: Actor, input: RegistrationInput): Promise<{ accepted: boolean; deadline: string | null; findings: Finding[] }> {
  write(actor);
  const d = await decideRegistration(db, actor, input);
  return { accepted: d.accepted, deadline: d.deadline, findings: d.findings };
}

export async function register(db: Db, actor: Actor, input: RegistrationInput): Promise<RegistrationView> {
  return (await registerAll(db, actor, [input]))[0]!;
}

/**
 * Registers every input or none (the CSV import): each is decided and checked against the saved registrations (and
 * the earlier inputs) first, outside the transaction — on PGlite the pool has one connection, so a read on `db`
 * inside a transaction would wait for ever — then all are saved in one transaction.
 */
/** The examinee is already registered for the exam (409 for one registration; a line's finding in the CSV import). */
export const registrationExists = (subject = "examId"): Finding =>
  finding("eksamen.registration.exists", "error", API, { en: "The examinee is already registered for this exam.", da: "Eksaminanden er allerede tilmeldt prøven." }, { subject });

/** Whether the examinee has a saved registration for the exam (ids as the caller resolved them). */
export async function isRegistered(db: Db, actor: Actor, examId: string, examineeId: string): Promise<boolean> {
  if (!store.isUuid(examId) || !store.isUuid(examineeId)) return false;
  return (await store.listRegistrations(k(db), actor.institutionId, { examId, examineeId })).length > 0;
}

export async function registerAll(db: Db, actor: Actor, inputs: RegistrationInput[]): Promise<RegistrationView[]> {
  write(actor);
  const rows: { row: Omit<store.RegistrationRow, "id">; examineeName: string; findings: Finding[] }[] = [];
  for (const input of inputs) {
    const d = await decideRegistration(db, actor, input);
    if (!d.accepted) throw refuse(d.findings, "the registration was refused");
    if ((await isRegistered(db, actor, d.exam.id, d.examinee.id)) || rows.some((r) => r.row.examId === d.exam.id && r.row.examineeId === d.examinee.id))
      throw new ProblemError(409, "Conflict", [registrationExists()], "already registered");
    rows.push({ row: { examId: d.exam.id, examineeId: d.examinee.id, selfStudy: d.selfStudy, registeredOn: input.registeredOn, input, accepted: true, deadline: d.deadline, findings: d.findings }, examineeName: d.examinee.name, findings: d.findings });
  }
  const ids = await k(db)
    .transaction()
    .execute(async (t) => {
      const ids: string[] = [];
      for (const { row } of rows) {
        const id = await store.insertRegistration(t, actor.institutionId, row, by(actor));
        await audit(auditTx(t), actor, { action: "eksamen.registration.add", entity: "eksamen_registration", entityId: id, detail: { examId: row.examId, selfStudy: row.selfStudy } });
        ids.push(id);
      }
      return ids;
    });
  return rows.map(({ row, examineeName, findings }, i) => ({ id: ids[i]!, examId: row.examId, examineeId: row.examineeId, examineeName, selfStudy: row.selfStudy, registeredOn: row.registeredOn, accepted: true, deadline: row.deadline, findings }));
}

export async function listRegistrations(db: Db, actor: Actor, q: { termId?: string | undefined; examId?: string | undefined; examineeId?: string | undefined } = {}): Promise<RegistrationView[]> {
  for (const v of [q.termId, q.examId, q.examineeId]) if (v !== undefined && !store.isUuid(v)) return [];
  const rows = await store.listRegistrations(k(db), actor.institutionId, q);
  const names = new Map((await store.listExaminees(k(db), actor.institutionId)).map((e) => [e.id, e.name]));
  return rows.map((r) => ({ id: r.id, examId: r.examId, examineeId: r.examineeId, examineeName: names.get(r.examineeId) ?? "", selfStudy: r.selfStudy, registeredOn: r.registeredOn, accepted: r.accepted, deadline: r.deadline, findings: r.findings as Finding[] }));
}

// --------------------------------------------------------------------------------------------------------- censors

export async function listCensors(db: Db, actor: Actor): Promise<store.CensorRow[]> {
  return store.listCensors(k(db), actor.institutionId);
}

export async function createCensor(db: Db, actor: Actor, input: Omit<store.CensorRow, "id">): Promise<store.CensorRow> {
  write(actor);
  const out: Finding[] = [];
  if (input.name.trim() === "") out.push(inputFinding("censor-name", "name", null, "The censor's name is required.", "Censorens navn mangler."));
  if (!Number.isInteger(input.capacity) || input.capacity < 0) out.push(inputFinding("capacity", "capacity", input.capacity, "The capacity is a whole number of exams, 0 or more.", "Kapaciteten er et helt antal prøver, 0 eller flere."));
  if (input.employedAt.length > 0) {
    const inst = await institutionOf(db, actor);
    input.employedAt.forEach((code, i) => out.push(...institutionCodeFindings(code, inst.code, `employedAt[${i}]`, EMPLOYED_AT_WHY)));
  }
  if (out.length) throw refuse(out, "the censor was not saved");
  const c = { name: input.name.trim(), employedAt: input.employedAt.map((s) => s.trim()), subjects: input.subjects, capacity: input.capacity };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertCensor(tx, actor.institutionId, c, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.censor.add", entity: "eksamen_censor", entityId: id, detail: { name: c.name } });
      return id;
    });
  return { id, ...c };
}

async function censorOr404(db: Db, actor: Actor, id: string): Promise<store.CensorRow> {
  if (!store.isUuid(id)) throw notFound("censor");
  const [c] = await store.listCensors(k(db), actor.institutionId, id);
  if (!c) throw notFound("censor");
  return c;
}

export async function getCensor(db: Db, actor: Actor, id: string) {
  const c = await censorOr404(db, actor, id);
  const history = await store.listCensorships(k(db), actor.institutionId, { censorId: id });
  const load = new Map<string, number>();
  for (const h of history) if (h.termId) load.set(h.termId, (load.get(h.termId) ?? 0) + 1);
  return { ...c, history, load: [...load].map(([termId, exams]) => ({ termId, exams })) };
}

/**
 * An institution number (institutionsnummer) as the censorship history names it: six digits (the institution register's
 * number, e.g. 280001), or the caller's own institution's code as the platform holds it. Blank → `institution-missing`,
 * anything else → `institution-code`; both name the field and the value.
 */
export function institutionCodeFindings(raw: string, own: string, subject = "institutionCode", why?: { en: string; da: string }): Finding[] {
  const code = raw.trim();
  const en = why ? ` ${why.en}` : "";
  const da = why ? ` ${why.da}` : "";
  if (code === "") return [inputFinding("institution-missing", subject, raw, `${subject}: the institution number is required (6 digits, e.g. 280001).${en}`, `${subject}: institutionsnummeret mangler (6 cifre, fx 280001).${da}`)];
  if (!/^\d{6}$/.test(code) && code !== own)
    return [inputFinding("institution-code", subject, code, `${subject} = "${code}": not an institution number (6 digits, e.g. 280001).${en}`, `${subject} = "${code}": ikke et institutionsnummer (6 cifre, fx 280001).${da}`)];
  return [];
}

/**
 * Why a censor's `employedAt` codes must be real institution numbers: § 27 ("Censorerne må ikke være ansat på den
 * institution, hvor de skal virke som censorer" — censors.ts `censorEligibility`) compares them with the institution holding the
 * exam, so a mistyped code never matches and silently makes the censor eligible at his own school.
 */
const EMPLOYED_AT_WHY = {
  en: "§ 27 compares these codes with the institution holding the exam: a mistyped code never matches, so the censor would silently be eligible at his own school.",
  da: "§ 27 sammenholder disse koder med institutionen, der afholder prøven: en fejlskrevet kode matcher aldrig, så censor ville uden varsel kunne bruges ved sin egen skole.",
};

/**
 * An earlier censorship (here or elsewhere), for § 27's two-year window ("… at der ikke forekommer individuel gentagen
 * og gensidig censur inden for 2 år"): the record must name the institution where it took place and at least one of
 * this institution's teachers as the examiner — a record without an examiner can never bar a censor, so it is refused
 * rather than saved as noise. Every problem in one answer (422, nothing saved).
 */
export async function addCensorHistory(db: Db, actor: Actor, censorId: string, input: { examinerIds: string[]; date: string; institutionCode: string }): Promise<store.CensorshipRow> {
  write(actor);
  await censorOr404(db, actor, censorId);
  const out: Finding[] = [];
  const date = checkDate(input.date, "date", true, out);
  const inst = await institutionOf(db, actor);
  out.push(...institutionCodeFindings(input.institutionCode, inst.code));
  if (input.examinerIds.length === 0)
    out.push(inputFinding("examiners-missing", "examinerIds", null, "examinerIds: name at least one examiner the censor censored (§ 27 compares censor and examiner).", "examinerIds: angiv mindst én eksaminator, som censor var censor for (§ 27 sammenholder censor og eksaminator)."));
  await checkTeachers(db, actor, input.examinerIds, out);
  if (out.length || !date) throw refuse(out, "the censorship was not saved");
  const row = { censorId, examinerIds: [...new Set(input.examinerIds)], date, institutionCode: input.institutionCode.trim(), examId: null, termId: null };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertCensorship(tx, actor.institutionId, row, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.censorship.history", entity: "eksamen_censorship", entityId: id, detail: { censorId, date } });
      return id;
    });
  return { id, ...row };
}

export interface CensorAssignment {
  termId: string;
  assigned: { examId: string; censorId: string; censorName: string; subject: string; level: Level | null; date: string }[];
  unassigned: { examId: string; subject: string; level: Level | null; date: string; reason: "no-eligible-censor" | "capacity"; finding: Finding | null }[];
  load: { censorId: string; name: string; exams: number; capacity: number }[];
  findings: Finding[];
}

/**
 * Runs `assignCensors` (§ 27: not employed at the institution; no repeated or mutual censorship within 2 years; the
 * subject and level; capacity) over the term's exams that have no censor yet, against the whole censorship history,
 * and saves each assignment as a censorship record. `save: false` only computes (GET). `onProgress` is told how many
 * assignments are saved (the CLI's progress bar).
 */
export async function assignTermCensors(
  db: Db,
  actor: Actor,
  termId: string,
  opts: { reading?: "repeated-or-mutual" | "mutual" | undefined; save?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<CensorAssignment> {
  const save = opts.save !== false;
  if (save) write(actor);
  await termOr404(db, actor, termId);
  const inst = await institutionOf(db, actor);
  const exams = await store.listExams(k(db), actor.institutionId, { termId });
  const censors = await store.listCensors(k(db), actor.institutionId);
  const history = await store.listCensorships(k(db), actor.institutionId);
  const taken = new Map(history.filter((h) => h.examId !== null).map((h) => [h.examId!, h.censorId]));
  const open = exams.filter((x) => !taken.has(x.id));
  const planExams: PlanExam[] = open.map((x) => ({ id: x.id, institutionId: inst.code, examinerIds: x.examinerIds, date: x.date, subject: x.subjectCode, ...(x.level ? { level: x.level } : {}) }));
  // capacity left in this term
  const usedInTerm = new Map<string, number>();
  for (const h of history) if (h.termId === termId) usedInTerm.set(h.censorId, (usedInTerm.get(h.censorId) ?? 0) + 1);
  const planCensors: PlanCensor[] = censors.map((c) => ({ id: c.id, employedAt: c.employedAt, subjects: c.subjects, capacity: Math.max(0, c.capacity - (usedInTerm.get(c.id) ?? 0)) }));
  const plan = assignCensors(planExams, planCensors, history.map((h) => ({ censorId: h.censorId, examinerIds: h.examinerIds, date: h.date })), { reading: opts.reading ?? "repeated-or-mutual" });
  const newly = [...plan.value.assigned];
  if (save && newly.length > 0) {
    await k(db)
      .transaction()
      .execute(async (tx) => {
        let done = 0;
        for (const [examId, censorId] of newly) {
          const x = open.find((e) => e.id === examId)!;
          await store.insertCensorship(tx, actor.institutionId, { censorId, examinerIds: x.examinerIds, date: x.date, institutionCode: inst.code, examId, termId }, by(actor));
          opts.onProgress?.(++done, newly.length);
        }
        await audit(auditTx(tx), actor, { action: "eksamen.censors.assign", entity: "eksamen_term", entityId: termId, detail: { assigned: newly.length, unassigned: plan.value.unassigned.length } });
      });
  }
  const all = new Map(taken);
  if (save) for (const [x, c] of newly) all.set(x, c);
  const names = new Map(censors.map((c) => [c.id, c.name]));
  const byId = new Map(exams.map((x) => [x.id, x]));
  const assigned = [...all]
    .filter(([x]) => byId.has(x))
    .map(([examId, censorId]) => {
      const x = byId.get(examId)!;
      return { examId, censorId, censorName: names.get(censorId) ?? "", subject: x.subjectCode, level: x.level, date: x.date };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.subject.localeCompare(b.subject));
  const unassigned = plan.value.unassigned.map((u) => {
    const x = byId.get(u.examId)!;
    return { examId: u.examId, subject: x.subjectCode, level: x.level, date: x.date, reason: u.reason, finding: plan.because.find((f) => f.value === u.examId) ?? null };
  });
  const loadNow = new Map<string, number>();
  for (const [, c] of all) loadNow.set(c, (loadNow.get(c) ?? 0) + 1);
  return {
    termId,
    assigned,
    unassigned,
    load: censors.map((c) => ({ censorId: c.id, name: c.name, exams: loadNow.get(c.id) ?? 0, capacity: c.capacity })),
    findings: plan.because,
  };
}

// ------------------------------------------------------------------------------------------------------------ grades

export interface GradeView {
  id: string;
  version: number;
  kind: "exam" | "standpunkt";
  examineeId: string;
  subject: Subject;
  level: Level | null;
  part: GradePart;
  grade: string;
  date: string;
  announcedOn: string | null;
  termId: string | null;
  examId: string | null;
  status: "valid" | "void";
  replaces: { gradeId: string; reason: string } | null;
  specialConditions: boolean;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
}

function gradeView(g: store.GradeRow, subjects: Map<string, Subject>): GradeView {
  return {
    id: g.id,
    version: g.version,
    kind: g.kind,
    examineeId: g.examineeId,
    subject: subjects.get(g.subjectCode) ?? { code: g.subjectCode, name: { da: g.subjectCode } },
    level: g.level,
    part: g.part,
    grade: formatGrade7(g.grade as Grade7),
    date: g.date,
    announcedOn: g.announcedOn,
    termId: g.termId,
    examId: g.examId,
    status: g.status,
    replaces: g.replacesId ? { gradeId: g.replacesId, reason: g.replacesReason ?? "" } : null,
    specialConditions: g.specialConditions,
    recordedAt: g.recordedAt,
    recordedBy: g.recordedBy,
    reason: g.reason,
  };
}

function meritView(m: store.MeritRow, subjects: Map<string, Subject>) {
  return { id: m.id, examineeId: m.examineeId, subject: subjects.get(m.subjectCode) ?? { code: m.subjectCode, name: { da: m.subjectCode } }, level: m.level, part: m.part, assessment: m.assessment, source: m.source, date: m.date };
}

export interface GradeInput {
  kind: "exam" | "standpunkt";
  examineeId: string;
  subjectCode: string;
  level?: string | null | undefined;
  part: string;
  grade: string;
  date: string;
  announcedOn?: string | null | undefined;
  termId?: string | null | undefined;
  examId?: string | null | undefined;
  specialConditions?: boolean | undefined;
  replaces?: { gradeId: string; reason: "error-reassessment" | "error-retest" | "annulment-retest" | "complaint-reassessment" | "complaint-retest" } | null | undefined;
}

/**
 * Checks a grade through the pure row parser: a grade not on the 7-trinsskala, an unknown level or part, a subject not
 * in the list → findings with their § (or the scale's facts.md row), value null. `prefix` names the CSV line.
 */
async function gradeData(db: Db, actor: Actor, input: GradeInput, subjects: Map<string, Subject>, prefix = ""): Promise<Decision<store.GradeData | null>> {
  const s = subjects.get(input.subjectCode.trim());
  const row = { id: "", examineeId: input.examineeId, subjectCode: input.subjectCode, subjectName: s?.name.da ?? input.subjectCode, level: input.level ?? "", part: input.part, grade: input.grade, date: input.date, ...(s?.component ? { component: s.component } : {}) };
  const p = input.kind === "exam" ? parseExamGradeRow(row) : parseStandpunktRow(row);
  const out = [...p.because];
  if (!s && input.subjectCode.trim() !== "") out.push(unknownSubject(input.subjectCode));
  const announcedOn = checkDate(input.announcedOn, "announcedOn", false, out);
  if (input.termId && !(await store.getTerm(k(db), actor.institutionId, input.termId))) out.push(inputFinding("term-unknown", "termId", input.termId, "No such term.", "Ingen sådan termin."));
  if (input.examId && (!store.isUuid(input.examId) || (await store.listExams(k(db), actor.institutionId, { id: input.examId })).length === 0)) out.push(inputFinding("exam-unknown", "examId", input.examId, "No such exam.", "Ingen sådan prøve."));
  if (input.replaces && !(await store.getGrade(k(db), actor.institutionId, input.replaces.gradeId))) out.push(inputFinding("grade-unknown", "replaces.gradeId", input.replaces.gradeId, "The replaced grade does not exist.", "Den erstattede karakter findes ikke."));
  const named = prefix ? out.map((f) => ({ ...f, subject: `${prefix}: ${f.subject ?? ""}` })) : out;
  if (p.value === null || hasErrors(out)) return { value: null, because: named };
  const v = p.value;
  return {
    value: {
      subjectCode: v.subject.code,
      level: v.level ?? null,
      part: v.part,
      grade: v.grade,
      date: v.date,
      announcedOn: announcedOn ?? null,
      termId: input.termId ?? null,
      examId: input.examId ?? null,
      status: "valid",
      replacesId: input.replaces?.gradeId ?? null,
      replacesReason: input.replaces?.reason ?? null,
      specialConditions: input.specialConditions ?? false,
    },
    because: named,
  };
}

export async function addGrade(db: Db, actor: Actor, input: GradeInput): Promise<GradeView> {
  requireRole(actor, GRADE_ROLES, "grade entry needs a write role or laerer");
  await examineeOr404(db, actor, input.examineeId);
  const subjects = await subjectMap(db, actor);
  const d = await gradeData(db, actor, input, subjects);
  if (d.value === null) throw refuse(d.because, "the grade was not saved");
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertGrade(tx, actor.institutionId, input.examineeId, input.kind, d.value!, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.grade.add", entity: "eksamen_grade", entityId: id, detail: { kind: input.kind, subject: d.value!.subjectCode, level: d.value!.level, grade: d.value!.grade } });
      return id;
    });
  return gradeView((await store.getGrade(k(db), actor.institutionId, id))!, subjects);
}

/** A correction: a new version of the grade (the old one stays in the history); 409 when `version` is not current. */
export async function correctGrade(db: Db, actor: Actor, id: string, input: { grade: string; announcedOn?: string | null | undefined; status?: "valid" | "void" | undefined; version: number; reason: string }): Promise<GradeView> {
  requireRole(actor, GRADE_ROLES, "grade entry needs a write role or laerer");
  const cur = await store.getGrade(k(db), actor.institutionId, id);
  if (!cur) throw notFound("grade");
  const out: Finding[] = [];
  const g = parseGrade7(input.grade);
  out.push(...g.because);
  const announcedOn = input.announcedOn === undefined ? cur.announcedOn : (checkDate(input.announcedOn, "announcedOn", false, out) ?? null);
  if (input.reason.trim() === "") out.push(inputFinding("reason", "reason", null, "A correction needs a reason.", "En rettelse skal begrundes."));
  if (g.value === null || hasErrors(out)) throw refuse(out, "the grade was not changed");
  const subjects = await subjectMap(db, actor);
  await saveGradeVersion(db, actor, cur, { ...cur, grade: g.value, announcedOn, status: input.status ?? cur.status }, input.version, input.reason.trim());
  return gradeView((await store.getGrade(k(db), actor.institutionId, id))!, subjects);
}

async function saveGradeVersion(db: Db, actor: Actor, cur: store.GradeRow, d: store.GradeData, expected: number, reason: string, tx?: store.EksTx): Promise<void> {
  const run = async (t: store.EksTx) => {
    const b = await store.bumpVersion(t, "eksamen_grade", actor.institutionId, cur.id, expected);
    if (!b.ok) throw b.why === "missing" ? notFound("grade") : stale("grade", b.current, expected);
    await store.insertGradeVersion(t, actor.institutionId, cur.id, b.version, d, by(actor), reason);
    await audit(auditTx(t), actor, { action: "eksamen.grade.correct", entity: "eksamen_grade", entityId: cur.id, detail: { version: b.version, grade: d.grade, status: d.status, reason } });
  };
  if (tx) await run(tx);
  else await k(db).transaction().execute(run);
}

export async function getGrade(db: Db, actor: Actor, id: string): Promise<GradeView & { history: GradeView[] }> {
  const g = await store.getGrade(k(db), actor.institutionId, id);
  if (!g) throw notFound("grade");
  const subjects = await subjectMap(db, actor);
  return { ...gradeView(g, subjects), history: (await store.gradeHistory(k(db), actor.institutionId, id)).map((h) => gradeView(h, subjects)) };
}

/**
 * Several grades, all or nothing (the CSV import): every row is checked first, and every finding of every row comes
 * back in one answer (in line order) — `findings` are what the caller already found on the line (an unknown CPR, a bad
 * kind), the rest of the row is still checked; one bad cell and nothing is saved.
 */
export async function addGrades(db: Db, actor: Actor, rows: { line: number; input: GradeInput; findings?: Finding[] | undefined }[]): Promise<{ imported: number }> {
  requireRole(actor, GRADE_ROLES, "grade entry needs a write role or laerer");
  const subjects = await subjectMap(db, actor);
  const ready: { input: GradeInput; data: store.GradeData }[] = [];
  const out: Finding[] = [];
  for (const r of rows) {
    const pre = (r.findings ?? []).filter((f) => f.severity === "error");
    out.push(...pre);
    const d = await gradeData(db, actor, r.input, subjects, `line ${r.line}`);
    if (d.value === null) out.push(...d.because.filter((f) => f.severity === "error"));
    else if (pre.length === 0) ready.push({ input: r.input, data: d.value });
  }
  if (out.length) throw refuse(out, "nothing was imported");
  await k(db)
    .transaction()
    .execute(async (tx) => {
      for (const r of ready) await store.insertGrade(tx, actor.institutionId, r.input.examineeId, r.input.kind, r.data, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.grade.import", entity: "eksamen_grade", detail: { rows: ready.length } });
    });
  return { imported: ready.length };
}

export async function addMerit(db: Db, actor: Actor, input: { examineeId: string; subjectCode: string; level?: Level | null | undefined; part: GradePart; assessment: MeritAssessmentInput; source: string; date: string }) {
  write(actor);
  await examineeOr404(db, actor, input.examineeId);
  const subjects = await subjectMap(db, actor);
  const out: Finding[] = [];
  if (!subjects.has(input.subjectCode)) out.push(unknownSubject(input.subjectCode));
  const date = checkDate(input.date, "date", true, out);
  let assessment: MeritAssessment = input.assessment as MeritAssessment;
  if (input.assessment.kind === "grade") {
    const g = parseGrade7(input.assessment.grade, "assessment.grade");
    out.push(...g.because);
    if (g.value !== null) assessment = { kind: "grade", grade: g.value };
  }
  if (out.length || !date) throw refuse(out, "the merit was not saved");
  const row = { examineeId: input.examineeId, subjectCode: input.subjectCode, level: input.level ?? null, part: input.part, assessment, source: input.source.trim(), date };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertMerit(tx, actor.institutionId, row, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.merit.add", entity: "eksamen_merit", entityId: id, detail: { subject: row.subjectCode } });
      return id;
    });
  return meritView({ id, ...row }, subjects);
}

export type MeritAssessmentInput = { kind: "passed" } | { kind: "approved" } | { kind: "grade"; grade: string } | { kind: "competence-certificate"; certificate: string } | { kind: "none" };

/** § 19: special exam conditions; refused (422) when the pure rule says they cannot be offered. */
export async function addSpecialConditions(db: Db, actor: Actor, input: SpecialConditionsInput & { examineeId: string; examId: string; conditions: string; decidedOn: string }): Promise<store.SpecialConditionsRow> {
  write(actor);
  await examineeOr404(db, actor, input.examineeId);
  await examOr404(db, actor, input.examId);
  const decidedOn = dateOrRefuse(input.decidedOn, "decidedOn");
  const d = specialConditions({ basis: input.basis, necessaryForEquality: input.necessaryForEquality, changesLevel: input.changesLevel });
  if (!d.value) throw refuse(d.because, "special conditions cannot be offered");
  const row = { examineeId: input.examineeId, examId: input.examId, basis: input.basis, conditions: input.conditions.trim(), decidedOn, findings: d.because };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertSpecialConditions(tx, actor.institutionId, row, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.special-conditions.add", entity: "eksamen_special_conditions", entityId: id, detail: { examId: input.examId } });
      return id;
    });
  return { id, ...row };
}

/**
 * § 20: a cheating case. The pure rule says whether expulsion must, may or may not happen; an expulsion where it may not
 * is refused. An expulsion voids the examinee's grades of that exam (§ 20, stk. 4: "eventuelle karakterer bortfalder"):
 * each gets a new version with status "void", the old one stays.
 */
export async function addCheatingCase(db: Db, actor: Actor, input: { examineeId: string; examId: string; misconduct: MisconductInput; on: string; expelled: boolean; note?: string | null | undefined }): Promise<store.CheatingCaseRow> {
  write(actor);
  await examineeOr404(db, actor, input.examineeId);
  const exam = await examOr404(db, actor, input.examId);
  const on = dateOrRefuse(input.on, "on");
  const d = expulsion(input.misconduct);
  const findings = [...d.because];
  if (input.expelled && d.value === "no") {
    findings.push(exFinding("cheating.no-ground", "error", "§ 20", "The facts give no ground for expulsion under § 20.", "Forholdet giver ikke grundlag for bortvisning efter § 20.", "expelled", true));
    throw refuse(findings, "the expulsion was refused");
  }
  if (!input.expelled && d.value === "must")
    findings.push(exFinding("cheating.must-expel", "warning", "§ 20, stk. 1", "The rule says the examinee must be expelled; recorded without expulsion.", "Reglen siger, at eksaminanden skal bortvises; registreret uden bortvisning.", "expelled", false));
  if (input.expelled) {
    findings.push(exFinding("cheating.grades-void", "info", "§ 20, stk. 4", "The examinee's grades of this exam lapse.", "Eksaminandens eventuelle karakterer ved prøven bortfalder.", "examId", input.examId));
    // § 20, stk. 4, the retake: "i den følgende termin, hvor den pågældende prøve i forvejen afholdes, dog inden 1 år" —
    // the terms that already hold this exam (same subject, level, part), named for the finding.
    const holding = new Set((await store.listExams(k(db), actor.institutionId)).filter((x) => x.subjectCode === exam.subjectCode && x.level === exam.level && x.part === exam.part).map((x) => x.termId));
    const terms = (await store.listTerms(k(db), actor.institutionId)).filter((t) => holding.has(t.id)).map((t) => ({ id: t.name, start: t.start as IsoDate, end: t.end as IsoDate }));
    findings.push(...expulsionConsequences(on, terms).because.filter((f) => f.rule !== "eksamen.expulsion.grades-void"));
  }
  const row = { examineeId: input.examineeId, examId: input.examId, misconduct: input.misconduct, on, decision: d.value, expelled: input.expelled, note: input.note ?? null, findings };
  const grades = input.expelled ? (await store.listGrades(k(db), actor.institutionId, { examineeId: input.examineeId, examId: input.examId })).filter((g) => g.status === "valid") : [];
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertCheatingCase(tx, actor.institutionId, row, by(actor));
      for (const g of grades) await saveGradeVersion(db, actor, g, { ...g, status: "void" }, g.version, "§ 20, stk. 4: bortvisning", tx);
      await audit(auditTx(tx), actor, { action: "eksamen.cheating.add", entity: "eksamen_cheating_case", entityId: id, detail: { examId: input.examId, expelled: input.expelled, voided: grades.length } });
      return id;
    });
  return { id, ...row };
}

// -------------------------------------------------------------------------------------------------------- complaints

const OPEN_AFTER_ACCEPT = new Set(["accepted", "reassessing"]);

export interface ComplaintSummary {
  id: string;
  examineeId: string;
  examineeName: string;
  gradeId: string;
  subject: Subject;
  level: Level | null;
  part: GradePart;
  state: ComplaintCase["state"];
  nextDeadline: ReturnType<typeof complaintDeadlines>[number] | null;
}

interface Loaded {
  row: store.ComplaintRow;
  events: store.ComplaintEventRow[];
  case: ComplaintCase;
}

async function loadComplaints(db: Db, actor: Actor, opts: { id?: string; examineeId?: string } = {}): Promise<Loaded[]> {
  const rows = await store.listComplaints(k(db), actor.institutionId, opts);
  const events = await store.complaintEvents(
    k(db),
    actor.institutionId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const ev = events.get(row.id) ?? [];
    const r = replay(
      row.exam as ComplaintExam,
      ev.map((e) => [e.event as ComplaintEvent, e.actor as ComplaintActor] as const),
    );
    return { row, events: ev, case: r.case };
  });
}

export async function listComplaints(db: Db, actor: Actor, q: { state?: string | undefined; examineeId?: string | undefined; on?: string | undefined } = {}): Promise<ComplaintSummary[]> {
  if (q.examineeId !== undefined && !store.isUuid(q.examineeId)) return [];
  const on = q.on ?? todayDk();
  const loaded = await loadComplaints(db, actor, q.examineeId ? { examineeId: q.examineeId } : {});
  const subjects = await subjectMap(db, actor);
  const names = new Map((await store.listExaminees(k(db), actor.institutionId)).map((e) => [e.id, e.name]));
  const out: ComplaintSummary[] = [];
  for (const l of loaded) {
    if (q.state !== undefined && l.case.state !== q.state) continue;
    const g = await store.getGrade(k(db), actor.institutionId, l.row.gradeId);
    const next = complaintDeadlines(l.case, on).filter((d) => d.status !== "met").sort((a, b) => a.due.localeCompare(b.due))[0] ?? null;
    out.push({
      id: l.row.id,
      examineeId: l.row.examineeId,
      examineeName: names.get(l.row.examineeId) ?? "",
      gradeId: l.row.gradeId,
      subject: g ? (subjects.get(g.subjectCode) ?? { code: g.subjectCode, name: { da: g.subjectCode } }) : { code: "?", name: { da: "?" } },
      level: g?.level ?? null,
      part: g?.part ?? "combined",
      state: l.case.state,
      nextDeadline: next,
    });
  }
  return out;
}

/** Today in Denmark — only the shell calls this (services take `on`; this is the default when the caller gave none). */
export function todayDk(): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** A new complaint case on an exam grade: the pure `ComplaintExam` is built from the grade, its exam and the ledger. */
export async function openComplaintCase(db: Db, actor: Actor, input: { gradeId: string; assessorCount?: number | undefined; ministryAppointedCensor?: boolean | undefined; underCustody?: boolean | undefined }) {
  write(actor);
  const g = await store.getGrade(k(db), actor.institutionId, input.gradeId);
  if (!g) throw notFound("grade");
  const e = await examineeOr404(db, actor, g.examineeId);
  const out: Finding[] = [];
  if (g.kind !== "exam") out.push(exFinding("complaint.not-exam-grade", "error", "§ 47, stk. 1", "A complaint concerns an exam; this is a standpunkt grade.", "En klage vedrører en prøve; dette er en standpunktskarakter.", "gradeId"));
  if (g.announcedOn === null) out.push(exFinding("complaint.not-announced", "error", "§ 47, stk. 2", "The grade has not been announced; the complaint deadline runs from the announcement.", "Karakteren er ikke meddelt; klagefristen løber fra bedømmelsen er meddelt.", "announcedOn"));
  if (out.length) throw refuse(out, "the complaint was not opened");
  const exam = g.examId ? (await store.listExams(k(db), actor.institutionId, { id: g.examId }))[0] : undefined;
  const form = exam?.form as ExamForm | undefined;
  const answer = form?.answer ?? (g.part === "combined" ? ["oral"] : [g.part as "written" | "oral" | "practical"]);
  const docs = await store.listDocuments(k(db), actor.institutionId, { examineeId: e.id });
  const cx: ComplaintExam = {
    education: e.education as Education,
    answer,
    setBy: form?.setBy ?? "institution",
    gradeAnnouncedOn: g.announcedOn!,
    originalGrade: g.grade as Grade7,
    assessorCount: input.assessorCount ?? 2,
    ministryAppointedCensor: input.ministryAppointedCensor ?? false,
    ...(input.underCustody !== undefined ? { underCustody: input.underCustody } : {}),
    diplomaIssued: docs.some((d) => d.copy === "original" && d.revokedOn === null),
  };
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertComplaint(tx, actor.institutionId, { examineeId: e.id, gradeId: g.id, exam: cx }, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.complaint.open", entity: "eksamen_complaint", entityId: id, detail: { gradeId: g.id } });
      return id;
    });
  return getComplaint(db, actor, id);
}

export async function getComplaint(db: Db, actor: Actor, id: string, on?: string) {
  if (!store.isUuid(id)) throw notFound("complaint");
  const [l] = await loadComplaints(db, actor, { id });
  if (!l) throw notFound("complaint");
  const day = on ?? todayDk();
  const e = await examineeOr404(db, actor, l.row.examineeId);
  const subjects = await subjectMap(db, actor);
  const g = await store.getGrade(k(db), actor.institutionId, l.row.gradeId);
  return {
    id,
    seq: l.events.length,
    examinee: { id: e.id, name: e.name },
    grade: g ? gradeView(g, subjects) : null,
    exam: l.row.exam as ComplaintExam,
    case: l.case,
    deadlines: complaintDeadlines(l.case, day),
    possibleOutcomes: possibleOutcomes(l.case.exam),
    allowedEvents: TRANSITIONS.filter((t) => t.from.includes(l.case.state)).map((t) => ({ event: t.event, actors: t.actors, ref: t.ref })),
    events: l.events,
    findings: l.events.at(-1)?.findings ?? [],
  };
}

const LEADER_EVENTS = new Set(["reject", "decide", "appoint-assessors"]);

/**
 * One step of the complaint (§§ 47–55): the pure `step` decides; a refused step → 422 with its findings and nothing
 * saved; `seq` other than the number of events → 409. A `new-grade` event also records the new exam grade, replacing
 * the complained one (reason complaint-reassessment / complaint-retest; it may be lower, § 53, stk. 5).
 */
export async function addComplaintEvent(db: Db, actor: Actor, id: string, input: { seq: number; actor: ComplaintActor; event: ComplaintEvent }) {
  if (LEADER_EVENTS.has(input.event.type)) requireRole(actor, LEADER_ROLES, "this decision is the head of the institution's (leder)");
  else write(actor);
  if (!store.isUuid(id)) throw notFound("complaint");
  const [l] = await loadComplaints(db, actor, { id });
  if (!l) throw notFound("complaint");
  if (input.seq !== l.events.length) throw stale("complaint", l.events.length, input.seq);
  const on = dateOrRefuse(input.event.on, "event.on");
  if (input.event.type === "appeal" && (await store.listAppeals55(k(db), actor.institutionId, { refId: id })).length > 0)
    throw refuse(
      [exFinding("complaint.appealed-under-55", "error", "§ 55, stk. 2", "The rejection is already appealed as its own § 55 case (/appeals).", "Afvisningen er allerede påklaget som en sag efter § 55 (klager over afgørelser).", "event.type", "appeal")],
      `"appeal" was refused`,
    );
  const r = step(l.case, input.event, input.actor);
  if (hasErrors(r.because)) throw refuse(r.because, `"${input.event.type}" was refused`);
  const g = await store.getGrade(k(db), actor.institutionId, l.row.gradeId);
  await k(db)
    .transaction()
    .execute(async (tx) => {
      try {
        await store.insertComplaintEvent(tx, actor.institutionId, id, { seq: l.events.length + 1, actor: input.actor, event: input.event, on, findings: r.because }, by(actor));
      } catch {
        throw stale("complaint", l.events.length + 1, input.seq);
      }
      if (input.event.type === "new-grade" && g) {
        const reason = r.value.outcome === "reassessment" ? "complaint-reassessment" : "complaint-retest";
        const nid = await store.insertGrade(
          tx,
          actor.institutionId,
          g.examineeId,
          "exam",
          { ...g, grade: input.event.grade, date: on, announcedOn: on, status: "valid", replacesId: g.id, replacesReason: reason, specialConditions: g.specialConditions },
          by(actor),
        );
        await audit(auditTx(tx), actor, { action: "eksamen.grade.add", entity: "eksamen_grade", entityId: nid, detail: { replaces: g.id, reason } });
      }
      await audit(auditTx(tx), actor, { action: `eksamen.complaint.${input.event.type}`, entity: "eksamen_complaint", entityId: id, detail: { seq: l.events.length + 1, by: input.actor, state: r.value.state } });
    });
  const view = await getComplaint(db, actor, id, on);
  return { ...view, findings: r.because };
}

/** The input of P's complaint letter (documents.ts) for a case. */
export async function complaintLetterInput(db: Db, actor: Actor, id: string, kind: ComplaintLetterKind, on?: string, reasons?: string): Promise<ComplaintLetterInput> {
  const c = await getComplaint(db, actor, id, on);
  const inst = await institutionOf(db, actor);
  if (!c.grade) throw notFound("grade");
  return {
    kind,
    case: c.case,
    institution: { name: inst.name, number: inst.code },
    recipient: { name: c.examinee.name },
    examinee: { name: c.examinee.name },
    exam: { subject: c.grade.subject, ...(c.grade.level ? { level: c.grade.level } : {}), part: c.grade.part, date: c.grade.date } as ComplaintLetterInput["exam"],
    date: on ?? todayDk(),
    ...(reasons !== undefined && reasons.trim() !== "" ? { reasons: reasons.trim() } : {}),
    signatory: { name: actor.label, title: "For institutionen" },
  };
}

// ------------------------------------------------------------------------------------------------- § 55 appeals

/** Which stored row each § 55 decision may point at (none for decisions the ledger does not hold). */
const APPEAL55_REF_KIND: Record<appeal55.OtherDecision, store.Appeal55RefKind | null> = {
  expulsion: "cheating-case",
  "special-conditions": "special-conditions",
  access: "registration",
  "complaint-rejection": "complaint",
  lateness: null,
  "error-remedy": null,
  "legal-question": null,
};

export interface Appeal55Input {
  examineeId: string;
  decision: appeal55.OtherDecision;
  /** The stored decision complained about: a cheating case (§ 20), special conditions (§ 19), a registration (§ 7, stk. 3) or a rejected complaint (§ 49, stk. 1). */
  reference?: { kind: store.Appeal55RefKind; id: string } | null | undefined;
  description?: string | null | undefined;
  /** The day the decision was made; from the referenced row when not given. */
  decidedOn?: string | null | undefined;
  notifiedOn: string;
  filedOn: string;
  by: "examinee" | "custody-holder";
  written?: boolean | undefined;
  underCustody?: boolean | undefined;
  /** Stk. 4: the institution decided, in this special case, that the complaint suspends the decision (leder). */
  suspensive?: boolean | undefined;
}

export interface Appeal55Summary {
  id: string;
  examineeId: string;
  examineeName: string;
  decision: appeal55.OtherDecision;
  decisionRef: string;
  reference: { kind: store.Appeal55RefKind; id: string } | null;
  notifiedOn: string;
  filedOn: string | null;
  state: appeal55.Appeal55State;
  suspensive: boolean;
  nextDeadline: appeal55.Appeal55Deadline | null;
}

interface LoadedAppeal {
  row: store.Appeal55Row;
  events: store.ComplaintEventRow[];
  case: appeal55.Appeal55Case;
}

async function loadAppeals55(db: Db, actor: Actor, opts: { id?: string; examineeId?: string } = {}): Promise<LoadedAppeal[]> {
  const rows = await store.listAppeals55(k(db), actor.institutionId, opts);
  const events = await store.appeal55Events(
    k(db),
    actor.institutionId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const ev = events.get(row.id) ?? [];
    const r = appeal55.replay(
      row.decision as appeal55.Appeal55Decision,
      ev.map((e) => [e.event as appeal55.Appeal55Event, e.actor as appeal55.Appeal55Actor] as const),
    );
    return { row, events: ev, case: r.case };
  });
}

const nextAppealDeadline = (c: appeal55.Appeal55Case, on: IsoDate) => appeal55.appeal55Deadlines(c, on).filter((d) => d.status !== "met").sort((a, b) => a.due.localeCompare(b.due))[0] ?? null;

/** The § 55 cases with their next deadline as of `on` (default today). */
export async function listAppeals55(db: Db, actor: Actor, q: { state?: string | undefined; examineeId?: string | undefined; on?: string | undefined } = {}): Promise<Appeal55Summary[]> {
  if (q.examineeId !== undefined && !store.isUuid(q.examineeId)) return [];
  const on = q.on !== undefined ? dateOrRefuse(q.on, "on") : todayDk();
  const loaded = await loadAppeals55(db, actor, q.examineeId ? { examineeId: q.examineeId } : {});
  const names = new Map((await store.listExaminees(k(db), actor.institutionId)).map((e) => [e.id, e.name]));
  return loaded
    .filter((l) => q.state === undefined || l.case.state === q.state)
    .map((l) => ({
      id: l.row.id,
      examineeId: l.row.examineeId,
      examineeName: names.get(l.row.examineeId) ?? "",
      decision: l.case.decision.kind,
      decisionRef: appeal55.OTHER_DECISION_REF[l.case.decision.kind],
      reference: l.row.ref,
      notifiedOn: l.case.decision.notifiedOn,
      filedOn: l.case.dates.filed ?? null,
      state: l.case.state,
      suspensive: l.case.suspensive,
      nextDeadline: nextAppealDeadline(l.case, on),
    }));
}

/**
 * Opens a § 55 case with its filing in one step: the pure `step` (complaint.ts `otherDecisionAppeal`: in writing,
 * within 2 weeks of the notification, rolled) decides; refused → 422 with the findings and nothing saved. The
 * referenced row must exist in this institution (404), belong to the examinee and fit the decision (422).
 */
export async function openAppeal55(db: Db, actor: Actor, input: Appeal55Input) {
  write(actor);
  if (input.suspensive === true) requireRole(actor, LEADER_ROLES, "suspensive effect (§ 55, stk. 4) is decided by the head of the institution (leder)");
  const e = await examineeOr404(db, actor, input.examineeId);
  const out: Finding[] = [];
  const ref = input.reference ?? null;
  let decidedOn: string | undefined;
  if (ref !== null) {
    const row = await store.appeal55Reference(k(db), actor.institutionId, ref.kind, ref.id);
    if (!row) throw notFound(ref.kind);
    const want = APPEAL55_REF_KIND[input.decision];
    if (want !== ref.kind)
      out.push(
        inputFinding(
          "appeal55-reference-kind",
          "reference.kind",
          ref.kind,
          want === null ? `A ${input.decision} decision is not a stored row: leave the reference out and describe the decision.` : `A ${input.decision} decision is a ${want}, not a ${ref.kind}.`,
          want === null ? `En afgørelse af typen ${input.decision} er ikke registreret som en række: udelad referencen og beskriv afgørelsen.` : `En afgørelse af typen ${input.decision} er en ${want}, ikke en ${ref.kind}.`,
        ),
      );
    if (row.examineeId !== e.id) out.push(inputFinding("appeal55-reference-examinee", "reference.id", ref.id, "The referenced decision concerns another examinee.", "Den angivne afgørelse vedrører en anden eksaminand."));
    if (ref.kind === "cheating-case" && row.expelled !== true)
      out.push(exFinding("appeal55.not-expelled", "error", "§ 20, stk. 1", "The cheating case did not end in an expulsion: there is no expulsion decision to complain about.", "Sagen om uretmæssig hjælp endte ikke med bortvisning: der er ingen bortvisning at klage over.", "reference.id"));
    if (ref.kind === "complaint") {
      const [c] = await loadComplaints(db, actor, { id: ref.id });
      if (c?.case.state !== "rejected")
        out.push(
          exFinding(
            "appeal55.complaint-not-rejected",
            "error",
            "§ 49, stk. 1",
            `The complaint is "${c?.case.state}", not rejected as manifestly unfounded: only a rejection is appealed under § 55 (a decision under § 50 goes by § 54).`,
            `Klagen har status "${c?.case.state}" og er ikke afvist som åbenbart grundløs: kun en afvisning påklages efter § 55 (en afgørelse efter § 50 går efter § 54).`,
            "reference.id",
          ),
        );
      decidedOn = c?.case.dates.decisionNotified;
    } else decidedOn = row.on ?? undefined;
    const open = (await loadAppeals55(db, actor, { examineeId: e.id })).filter((a) => a.row.ref?.id === ref.id && a.case.state !== "decided");
    if (open.length > 0) out.push(exFinding("appeal55.duplicate", "error", "§ 55, stk. 2", "This decision is already complained about in an open § 55 case.", "Der er allerede en åben klage efter § 55 over denne afgørelse.", "reference.id"));
  }
  const notifiedOn = checkDate(input.notifiedOn, "notifiedOn", true, out);
  const filedOn = checkDate(input.filedOn, "filedOn", true, out);
  const given = checkDate(input.decidedOn, "decidedOn", false, out);
  if (out.some((f) => f.severity === "error") || notifiedOn === undefined || filedOn === undefined) throw refuse(out, "the § 55 complaint was not opened");
  const dec: appeal55.Appeal55Decision = {
    kind: input.decision,
    notifiedOn,
    ...((given ?? decidedOn) !== undefined ? { decidedOn: (given ?? decidedOn)! } : {}),
    ...(input.underCustody !== undefined ? { underCustody: input.underCustody } : {}),
  };
  const event: appeal55.Appeal55Event = { type: "file", on: filedOn, written: input.written ?? true, ...(input.suspensive === true ? { suspensiveEffectGranted: true } : {}) };
  const r = appeal55.step(appeal55.openAppeal55(dec), event, input.by);
  if (hasErrors(r.because)) throw refuse(r.because, "the § 55 complaint was refused");
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const id = await store.insertAppeal55(tx, actor.institutionId, { examineeId: e.id, decisionKind: input.decision, ref, decision: dec, description: input.description?.trim() || null }, by(actor));
      await store.insertAppeal55Event(tx, actor.institutionId, id, { seq: 1, actor: input.by, event, on: filedOn, findings: r.because }, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.appeal55.open", entity: "eksamen_appeal55", entityId: id, detail: { decision: input.decision, reference: ref, filedOn, suspensive: r.value.suspensive } });
      return id;
    });
  const view = await getAppeal55(db, actor, id, filedOn);
  return { ...view, findings: r.because };
}

/** 404 unless the § 55 case exists in the actor's institution (the HTTP shell asks before it reads a body). */
export async function appeal55Or404(db: Db, actor: Actor, id: string): Promise<void> {
  if (!store.isUuid(id) || (await store.listAppeals55(k(db), actor.institutionId, { id })).length === 0) throw notFound("appeal");
}

/** A § 55 case: the decision complained about, state, the deadline clock as of `on`, the next steps, the events. */
export async function getAppeal55(db: Db, actor: Actor, id: string, on?: string) {
  if (!store.isUuid(id)) throw notFound("appeal");
  const [l] = await loadAppeals55(db, actor, { id });
  if (!l) throw notFound("appeal");
  const day = on !== undefined ? dateOrRefuse(on, "on") : todayDk();
  const e = await examineeOr404(db, actor, l.row.examineeId);
  return {
    id,
    seq: l.events.length,
    examinee: { id: e.id, name: e.name },
    decision: { ...l.case.decision, ref: appeal55.OTHER_DECISION_REF[l.case.decision.kind] },
    reference: l.row.ref,
    description: l.row.description,
    case: l.case,
    on: day,
    deadlines: appeal55.appeal55Deadlines(l.case, day),
    earliestForward: appeal55.earliestForward(l.case),
    allowedEvents: appeal55.APPEAL55_TRANSITIONS.filter((t) => t.from.includes(l.case.state)).map((t) => ({ event: t.event, actors: t.actors, ref: t.ref })),
    events: l.events,
    findings: l.events.at(-1)?.findings ?? [],
  };
}

/**
 * One step of a § 55 case: the pure `step` decides; refused → 422 with its findings, nothing saved; `seq` other than
 * the number of events → 409. Suspensive effect decided by the institution needs the leder.
 */
export async function addAppeal55Event(db: Db, actor: Actor, id: string, input: { seq: number; actor: appeal55.Appeal55Actor; event: appeal55.Appeal55Event }) {
  if (input.event.type === "suspend" && input.actor === "institution") requireRole(actor, LEADER_ROLES, "suspensive effect (§ 55, stk. 4) is decided by the head of the institution (leder)");
  else write(actor);
  if (!store.isUuid(id)) throw notFound("appeal");
  const [l] = await loadAppeals55(db, actor, { id });
  if (!l) throw notFound("appeal");
  if (input.seq !== l.events.length) throw stale("appeal", l.events.length, input.seq);
  if (input.event.type === "file") throw refuse([exFinding("appeal55.not-allowed", "error", "§ 55, stk. 2", "The complaint is filed when the case is opened.", "Klagen indgives, når sagen oprettes.", "event.type", "file")], `"file" was refused`);
  const on = dateOrRefuse(input.event.on, "event.on");
  const r = appeal55.step(l.case, input.event, input.actor);
  if (hasErrors(r.because)) throw refuse(r.because, `"${input.event.type}" was refused`);
  await k(db)
    .transaction()
    .execute(async (tx) => {
      try {
        await store.insertAppeal55Event(tx, actor.institutionId, id, { seq: l.events.length + 1, actor: input.actor, event: input.event, on, findings: r.because }, by(actor));
      } catch {
        throw stale("appeal", l.events.length + 1, input.seq);
      }
      await audit(auditTx(tx), actor, { action: `eksamen.appeal55.${input.event.type}`, entity: "eksamen_appeal55", entityId: id, detail: { seq: l.events.length + 1, by: input.actor, state: r.value.state } });
    });
  const view = await getAppeal55(db, actor, id, on);
  return { ...view, findings: r.because };
}

/** The input of a § 55 letter (letters.ts) for a case. */
export async function appeal55LetterInput(db: Db, actor: Actor, id: string, kind: Appeal55LetterKind, on?: string, statement?: string): Promise<Appeal55LetterInput> {
  const a = await getAppeal55(db, actor, id, on);
  const inst = await institutionOf(db, actor);
  const date = kind === "statement" ? (on ?? a.case.dates.statementSent ?? todayDk()) : (on ?? a.case.dates.filed ?? todayDk());
  const sent = a.events.map((x) => x.event as appeal55.Appeal55Event).find((x) => x.type === "send-statement");
  const text = (statement ?? (sent?.type === "send-statement" ? sent.statement : undefined) ?? "").trim();
  return {
    kind,
    case: a.case,
    institution: { name: inst.name, number: inst.code },
    recipient: { name: a.case.filedBy === "custody-holder" ? `Forældremyndighedens indehaver for ${a.examinee.name}` : a.examinee.name },
    examinee: { name: a.examinee.name },
    ...(a.description ? { description: a.description } : {}),
    date,
    ...(text !== "" ? { statement: text } : {}),
    signatory: { name: actor.label, title: "For institutionen" },
  };
}

// ---------------------------------------------------------------------------------------------- diploma and documents

/** The examinee's grading data as the pure core wants it: current exam grades (void ones kept), standpunkt, merits. */
async function gradeRecord(db: Db, actor: Actor, e: store.ExamineeRow): Promise<GradeRecord> {
  const subjects = await subjectMap(db, actor);
  const sub = (code: string) => subjects.get(code) ?? { code, name: { da: code } };
  const grades = await store.listGrades(k(db), actor.institutionId, { examineeId: e.id });
  const examGrades: ExamGrade[] = grades
    .filter((g) => g.kind === "exam")
    .map((g) => {
      const x: ExamGrade = { id: g.id, examineeId: e.id, subject: sub(g.subjectCode), part: g.part, grade: g.grade as Grade7, date: g.date, status: g.status };
      if (g.level) x.level = g.level;
      if (g.announcedOn) x.announcedOn = g.announcedOn;
      if (g.termId) x.termId = g.termId;
      if (g.replacesId) x.replaces = { gradeId: g.replacesId, reason: g.replacesReason as NonNullable<ExamGrade["replaces"]>["reason"] };
      if (g.specialConditions) x.specialConditions = true;
      return x;
    });
  const standpunkt: StandpunktGrade[] = grades
    .filter((g) => g.kind === "standpunkt" && g.status === "valid")
    .map((g) => ({ id: g.id, examineeId: e.id, subject: sub(g.subjectCode), part: g.part, grade: g.grade as Grade7, date: g.date, ...(g.level ? { level: g.level } : {}) }));
  const merits: MeritEntry[] = (await store.listMerits(k(db), actor.institutionId, e.id)).map((m) => ({
    id: m.id,
    examineeId: e.id,
    subject: sub(m.subjectCode),
    part: m.part,
    assessment: m.assessment as MeritAssessment,
    source: m.source,
    date: m.date,
    ...(m.level ? { level: m.level } : {}),
  }));
  return { examinee: toExaminee(e), examGrades, standpunkt, merits };
}

export interface DiplomaLineView {
  subject: Subject;
  level: Level | null;
  part: GradePart;
  source: "exam" | "standpunkt" | "merit";
  grade: string | null;
  merit: string | null;
  counts: boolean;
  date: string;
  from: string[];
}

const lineView = (l: DiplomaLine): DiplomaLineView => ({
  subject: l.subject,
  level: l.level ?? null,
  part: l.part,
  source: l.source,
  grade: l.grade !== undefined ? formatGrade7(l.grade) : null,
  merit: l.merit ? meritText(l.merit).da : null,
  counts: l.counts,
  date: l.date,
  from: l.from,
});

function resultView(r: ExamResult) {
  return {
    weightsSource: r.weightsSource,
    steps: r.steps.map((s) => ({ subject: s.subject, level: s.level ?? null, part: s.part, source: s.source, grade: formatGrade7(s.grade), subjectWeight: exact(s.subjectWeight), shares: s.shares, weight: exact(s.weight, 4), contribution: exact(s.contribution, 4), ref: s.ref })),
    totalWeight: exact(r.totalWeight),
    weightedSum: exact(r.weightedSum),
    preliminary: { exact: rationalToString(r.preliminary), ...r.display.preliminary },
    passed: r.passed,
    aLevelSubjects: r.aLevelSubjects,
    extraALevels: r.extraALevels,
    factor: exact(r.factor),
    final: { exact: rationalToString(r.final), ...r.display.final },
  };
}

export async function diplomaPreview(db: Db, actor: Actor, examineeId: string) {
  const e = await examineeOr404(db, actor, examineeId);
  const cert = buildCertificate(await gradeRecord(db, actor, e));
  const c = cert.value;
  return {
    examinee: examineeView(e, canSeeCpr(actor)),
    kind: c?.kind ?? null,
    lines: c ? c.lines.map(lineView) : [],
    result: c?.result ? resultView(c.result) : null,
    explanation: c?.result ? explainExamResult(c.result) : { da: [], en: [] },
    findings: cert.because,
    issuable: c !== null,
  };
}

/**
 * A row of the document ledger as staff see it: the ledger row plus how long the data behind it is kept (§ 38, stk. 1:
 * "… i 30 år efter eksamens eller prøvens afslutning"). `retainFrom` is the day the exam the document certifies ended
 * (`documentCompletedOn`), `retainUntil` the last day of the duty (`retainUntil` in diploma.ts), `retention` its finding.
 */
export type DocumentView = store.DocumentRow & { retainFrom: IsoDate; retainUntil: IsoDate; retention: Finding[] };

/**
 * The day the exam (or course) a document certifies ended, from the document's stored content: the latest date of a
 * grade on it — its exam, standpunkt and merit lines, and a deltagerbevis's standpunkt grades. A document with no dated
 * grade (a deltagerbevis without standpunkt grades) ended when the examinee left (`leftOn`), else on the issue day.
 * Not the issue day first: a copy issued years later does not restart the 30 years; the exam's end does not move.
 */
export function documentCompletedOn(content: Pick<EksamenDocumentInput, "lines" | "subjects" | "leftOn" | "issuedOn">): IsoDate {
  const dates = [...content.lines.map((l) => l.date), ...(content.subjects ?? []).flatMap((x) => x.standpunkt.map((l) => l.date))];
  const latest = dates.reduce<IsoDate | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
  return latest ?? content.leftOn ?? content.issuedOn;
}

async function documentViews(db: Db, actor: Actor, rows: store.DocumentRow[]): Promise<DocumentView[]> {
  const contents = await store.documentContents(k(db), actor.institutionId, rows.map((r) => r.id));
  return rows.map((r) => {
    const c = contents.get(r.id) as Partial<EksamenDocumentInput> | undefined;
    const from = documentCompletedOn({ lines: c?.lines ?? [], subjects: c?.subjects ?? [], ...(c?.leftOn ? { leftOn: c.leftOn } : {}), issuedOn: c?.issuedOn ?? (r.issuedOn as IsoDate) });
    const until = retainUntil(from);
    return { ...r, retainFrom: from, retainUntil: until.value, retention: until.because };
  });
}

async function documentRows(db: Db, actor: Actor, opts: { examineeId?: string; id?: string }): Promise<DocumentView[]> {
  return documentViews(db, actor, await store.listDocuments(k(db), actor.institutionId, opts));
}

export async function listDocuments(db: Db, actor: Actor, examineeId: string): Promise<DocumentView[]> {
  await examineeOr404(db, actor, examineeId);
  return documentRows(db, actor, { examineeId });
}

const ledgerOf = (rows: store.DocumentRow[]): IssuedDocument[] =>
  rows.map((d) => ({ id: d.id, examineeId: d.examineeId, kind: d.kind, copy: d.copy, issuedOn: d.issuedOn, ...(d.revokedOn ? { revokedOn: d.revokedOn } : {}), ...(d.destroyed ? { destroyed: true } : {}) }));

/**
 * Issues a document (§§ 34, 36): `mayIssue` over the ledger decides (one original; a copy only when the original is
 * lost; the English certified copy on request; withheld while an accepted complaint is being re-assessed, § 52, stk. 2),
 * `buildCertificate` makes the content, and the content is stored with the ledger row so the PDF can be made again.
 */
export async function issueDocument(
  db: Db,
  actor: Actor,
  examineeId: string,
  input: { copy: IssuedDocument["copy"]; on: string; kind?: DiplomaKind | undefined; originalLost?: boolean | undefined; requestedByExaminee?: boolean | undefined; signatory?: { name: string; title: string } | undefined },
): Promise<DocumentView> {
  write(actor);
  const e = await examineeOr404(db, actor, examineeId);
  const on = dateOrRefuse(input.on, "on");
  const cert = buildCertificate(await gradeRecord(db, actor, e));
  if (cert.value === null) throw refuse(cert.because, "no certificate can be made from the grades");
  const c: CertificateData = cert.value;
  if (input.kind && input.kind !== c.kind)
    throw refuse([exFinding("document.kind", "error", "§ 34, stk. 1", `The grades make a ${c.kind}, not a ${input.kind}.`, `Karaktererne giver et ${c.kind}, ikke et ${input.kind}.`, "kind", input.kind)], "wrong kind");
  return issueLedgered(db, actor, e, c.kind, on, input, (rest) => documentFromCertificate(c, rest));
}

type IssueOptions = { copy: IssuedDocument["copy"]; originalLost?: boolean | undefined; requestedByExaminee?: boolean | undefined; signatory?: { name: string; title: string } | undefined };
type DocumentRest = Parameters<typeof documentFromCertificate>[1];

/**
 * The ledger side shared by every document (§§ 34, 36): `mayIssue` over the examinee's ledger for this kind (one
 * original; a copy only when the original is lost; the English certified copy on request; withheld during an
 * accepted complaint), then the number, the stored content and the audit row in one transaction.
 */
async function issueLedgered(db: Db, actor: Actor, e: store.ExamineeRow, kind: DiplomaKind, on: IsoDate, input: IssueOptions, make: (rest: DocumentRest) => EksamenDocumentInput): Promise<DocumentView> {
  const examineeId = e.id;
  const ledger = await store.listDocuments(k(db), actor.institutionId, { examineeId });
  const complaints = await loadComplaints(db, actor, { examineeId });
  const withheld = complaints.some((l) => OPEN_AFTER_ACCEPT.has(l.case.state));
  const may = mayIssue(ledgerOf(ledger), {
    examineeId,
    kind,
    copy: input.copy,
    on,
    ...(input.originalLost !== undefined ? { originalLost: input.originalLost } : {}),
    ...(input.requestedByExaminee !== undefined ? { requestedByExaminee: input.requestedByExaminee } : {}),
    withheld,
  });
  if (!may.value) throw refuse(may.because, "the document may not be issued");
  const inst = await institutionOf(db, actor);
  const originals = ledger.filter((d) => d.kind === kind && d.copy === "original");
  const standing = [...originals].reverse().find((d) => d.revokedOn === null) ?? originals.at(-1);
  // a new original names the one it replaces (§ 36, stk. 2 recalled and destroyed; § 52, stk. 2 recalled during a complaint)
  const replaced = input.copy === "original" ? [...originals].reverse().find((d) => d.revokedOn !== null) : undefined;
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const n = await store.countDocuments(tx, actor.institutionId);
      const number = `${inst.code}-${on.slice(0, 4)}-${String(n + 1).padStart(5, "0")}`;
      const content: EksamenDocumentInput = make({
        copy: input.copy,
        documentNumber: number,
        institution: { name: inst.name, number: inst.code },
        examinee: { name: e.name, cpr: e.cpr as Cpr },
        issuedOn: on,
        ...(input.copy !== "original" && standing ? { originalIssuedOn: standing.issuedOn } : {}),
        ...(replaced ? { replaces: { issuedOn: replaced.issuedOn, reason: replaced.destroyed ? ("recalled-destroyed" as const) : ("complaint" as const) } } : {}),
        signatory: input.signatory ?? { name: actor.label, title: "For institutionen" },
      });
      const id = await store.insertDocument(tx, actor.institutionId, { examineeId, number, kind, copy: input.copy, issuedOn: on, content: toJson(content) }, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.document.issue", entity: "eksamen_document", entityId: id, detail: { number, kind, copy: input.copy } });
      return id;
    });
  return (await documentRows(db, actor, { id }))[0]!;
}

/**
 * A leaver's certificate (§ 37): "… der forlader uddannelsen eller forløbet uden at have fuldført, har ret til at få
 * prøvebevis for de aflagte prøver henholdsvis deltagerbevis for de afsluttede fag, der ikke udtrækkes til prøve."
 * `leaverCertificates` decides the content from the grades and the completed subjects the institution names
 * (stk. 2: standpunkt grades included); the ledger rules are the documents' (§ 36: one original per kind).
 * 422 when the examinee has not left, the education is not covered, a subject is unknown, or the kind asked for
 * has nothing to show.
 */
export async function issueLeaverDocument(
  db: Db,
  actor: Actor,
  examineeId: string,
  input: IssueOptions & { kind: "proevebevis" | "deltagerbevis"; on: string; completed: { subjectCode: string; level?: Level | null | undefined }[] },
): Promise<DocumentView> {
  write(actor);
  const e = await examineeOr404(db, actor, examineeId);
  const on = dateOrRefuse(input.on, "on");
  const subjects = await subjectMap(db, actor);
  const unknown = input.completed
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !subjects.has(c.subjectCode))
    .map(({ c, i }) => inputFinding("subject-unknown", `completed[${i}].subjectCode`, c.subjectCode, `Unknown subject ${c.subjectCode}.`, `Ukendt fag ${c.subjectCode}.`));
  if (unknown.length) throw refuse(unknown, "unknown subject");
  const completed = input.completed.map((c) => ({ subject: subjects.get(c.subjectCode)!, ...(c.level ? { level: c.level } : {}) }));
  const d = leaverCertificates(await gradeRecord(db, actor, e), completed);
  if (d.value === null) throw refuse(d.because.some((f) => f.severity === "error") ? d.because : d.because.map((f) => ({ ...f, severity: "error" as const })), "no leaver certificate can be made");
  const leaver = d.value;
  if ((input.kind === "proevebevis" ? leaver.proevebevis : leaver.deltagerbevis) === null)
    throw refuse(
      [
        exFinding(
          "leaver.nothing-to-certify",
          "error",
          "§ 37, stk. 1",
          input.kind === "proevebevis" ? "The leaver took no exam, so there is no prøvebevis (§ 37: prøvebevis for de aflagte prøver)." : "No completed subject that was not drawn for an exam, so there is no deltagerbevis.",
          input.kind === "proevebevis" ? "Eksaminanden har ikke aflagt prøver; der gives intet prøvebevis." : "Der er ingen afsluttede fag, der ikke er udtrukket til prøve; der gives intet deltagerbevis.",
          "kind",
          input.kind,
        ),
        ...d.because,
      ],
      "nothing to certify",
    );
  return issueLedgered(db, actor, e, input.kind, on, input, (rest) => {
    const doc = documentsForLeaver(leaver, { ...rest, issuer: "institution", education: e.education as Education, leftOn: e.leftOn as IsoDate }).find((x) => x.kind === input.kind)!;
    const bad = checkDocumentInput(doc).filter((f) => f.severity === "error");
    if (bad.length) throw refuse(bad, "the document cannot be made");
    return doc;
  });
}

/** § 36, stk. 2: the original is recalled (and destroyed); recorded as a revocation row — the document row is never changed. */
export async function revokeDocument(db: Db, actor: Actor, id: string, input: { on: string; destroyed: boolean; reason: string }): Promise<DocumentView> {
  requireRole(actor, LEADER_ROLES, "recalling a document is the head of the institution's decision");
  if (!store.isUuid(id)) throw notFound("document");
  const [d] = await store.listDocuments(k(db), actor.institutionId, { id });
  if (!d) throw notFound("document");
  const on = dateOrRefuse(input.on, "on");
  if (input.reason.trim() === "") throw refuse([inputFinding("reason", "reason", null, "A recall needs a reason.", "En inddragelse skal begrundes.")], "no reason");
  if (on < d.issuedOn) throw refuse([exFinding("document.revoke-before-issue", "error", "§ 36, stk. 2", "A document cannot be recalled before it was issued.", "Et bevis kan ikke inddrages før det er udstedt.", "on", on)], "date before issue");
  await k(db)
    .transaction()
    .execute(async (tx) => {
      await store.insertRevocation(tx, actor.institutionId, id, { revokedOn: on, destroyed: input.destroyed, reason: input.reason.trim() }, by(actor));
      await audit(auditTx(tx), actor, { action: "eksamen.document.revoke", entity: "eksamen_document", entityId: id, detail: { destroyed: input.destroyed } });
    });
  return (await documentRows(db, actor, { id }))[0]!;
}

/** The stored content of an issued document, for the PDF (documents.ts `renderEksamenDocumentPdf`); audited as an export. */
export async function documentInput(db: Db, actor: Actor, id: string): Promise<{ row: store.DocumentRow; input: EksamenDocumentInput }> {
  if (!store.isUuid(id)) throw notFound("document");
  const [row] = await store.listDocuments(k(db), actor.institutionId, { id });
  if (!row) throw notFound("document");
  const content = await store.documentContent(k(db), actor.institutionId, id);
  await auditExport(db, actor, "document-pdf", { documentId: id, number: row.number });
  return { row, input: fromJson<EksamenDocumentInput>(content) };
}

export async function auditExport(db: Db, actor: Actor, what: string, detail: Record<string, unknown>): Promise<void> {
  await audit(k(db) as unknown as Transaction<PlatformTables>, actor, { action: `eksamen.export.${what}`, detail });
}

// ------------------------------------------------------------------------------------------------------- § 39 export

export const EXPORT39_COLUMNS = ["institutionsnummer", "cpr", "uddannelse", "fag", "niveau", "del", "kilde", "karakter", "indgaar"] as const;

/**
 * § 39: "Karakterer og eventuelt eksamensgennemsnit for den enkelte eksaminand indberettes til Undervisningsministeriet
 * efter ministeriets bestemmelse." The examinees with a grade in the term (or dated from–to); per examinee the lines of
 * the certificate and the exact results (`gradeReport`). An examinee whose certificate cannot be made is left out with
 * its findings. The file format is ours (docs/rulebooks/002-eksamen.md, "§ 39 export"), as the ministry's is not in the seed.
 */
export async function export39(db: Db, actor: Actor, q: { termId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<{ rows: string[][]; findings: Finding[]; examinees: number }> {
  write(actor);
  if (q.termId !== undefined) await termOr404(db, actor, q.termId);
  const out: Finding[] = [];
  const from = checkDate(q.from, "from", false, out);
  const to = checkDate(q.to, "to", false, out);
  if (out.length) throw refuse(out, "bad period");
  const inst = await institutionOf(db, actor);
  const grades = await store.listGrades(k(db), actor.institutionId, { ...(q.termId ? { termId: q.termId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const ids = [...new Set(grades.map((g) => g.examineeId))];
  const rows: string[][] = [];
  const findings: Finding[] = [];
  let n = 0;
  for (const id of ids) {
    const e = (await store.getExaminee(k(db), actor.institutionId, id))!;
    const cert = buildCertificate(await gradeRecord(db, actor, e));
    if (cert.value === null) {
      findings.push(...cert.because.filter((f) => f.severity === "error").map((f) => ({ ...f, subject: `${maskCpr(e.cpr)}: ${f.subject ?? ""}` })));
      continue;
    }
    n++;
    const r = gradeReport(cert.value, e.cpr as Cpr);
    for (const x of r.value) rows.push([inst.code, x.cpr, x.education, x.subjectCode, x.level, x.part, x.source, x.value, x.counts ? "1" : "0"]);
  }
  await auditExport(db, actor, "39", { termId: q.termId ?? null, from: from ?? null, to: to ?? null, rows: rows.length });
  return { rows, findings, examinees: n };
}

export const export39Csv = (rows: string[][]): string => stringifyCsv([[...EXPORT39_COLUMNS], ...rows], ";");
