/**
 * SQL of the exam rulebook (seed 002). Every function takes the institution id and scopes by it; the service decides
 * everything (rules, roles, audit). History is never overwritten: examinees and grades get new versions (the head row's
 * `version` is the optimistic lock), registrations, censorships, merits, § 19/§ 20 records, complaint events,
 * documents and revocations are append-only (the tables refuse UPDATE and DELETE).
 */
import type { Kysely, Transaction } from "kysely";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import type { EksamenTables } from "./schema.ts";
import { type Claim, claimNextVersion, isUuid } from "../../platform/db/versioned.ts";
export { isUuid };

export type EksKysely = Kysely<PlatformTables & EksamenTables>;
export type EksTx = Transaction<PlatformTables & EksamenTables>;
export type EksQ = EksKysely | EksTx;

export function eksKysely(db: Db): EksKysely {
  return db.kysely.withTables<EksamenTables>() as unknown as EksKysely;
}

export interface Recorder {
  label: string;
  userId: string | null;
}

const iso = (d: Date | string): string => new Date(d).toISOString();
const J = (v: unknown): string => JSON.stringify(v);
type LevelS = "A" | "B" | "C";
type PartS = "written" | "oral" | "practical" | "combined";

// --------------------------------------------------------------------------------------------------- reference data

export interface SubjectRow {
  id: string;
  code: string;
  name: { da: string; en?: string };
  component?: string;
}

export async function listSubjects(k: EksQ, inst: string): Promise<SubjectRow[]> {
  const rows = await k.selectFrom("eksamen_subject").selectAll().where("institution_id", "=", inst).orderBy("code").execute();
  return rows.map((r) => {
    const s: SubjectRow = { id: r.id, code: r.code, name: r.name_en !== null ? { da: r.name_da, en: r.name_en } : { da: r.name_da } };
    if (r.component !== null) s.component = r.component;
    return s;
  });
}

export async function insertSubject(k: EksQ, inst: string, s: Omit<SubjectRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_subject")
    .values({ id, institution_id: inst, code: s.code, name_da: s.name.da, name_en: s.name.en ?? null, component: s.component ?? null, created_by: by.label })
    .execute();
  return id;
}

export interface TeacherRow {
  id: string;
  name: string;
  initials: string;
}

export async function listTeachers(k: EksQ, inst: string): Promise<TeacherRow[]> {
  return k.selectFrom("eksamen_teacher").select(["id", "name", "initials"]).where("institution_id", "=", inst).orderBy("name").execute();
}

export async function insertTeacher(k: EksQ, inst: string, t: Omit<TeacherRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k.insertInto("eksamen_teacher").values({ id, institution_id: inst, name: t.name, initials: t.initials, created_by: by.label }).execute();
  return id;
}

export interface TermRow {
  id: string;
  name: string;
  start: string;
  end: string;
  selfStudyDeadline: string | null;
}

export async function listTerms(k: EksQ, inst: string): Promise<TermRow[]> {
  const rows = await k.selectFrom("eksamen_term").selectAll().where("institution_id", "=", inst).orderBy("start_date").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, start: r.start_date, end: r.end_date, selfStudyDeadline: r.self_study_deadline }));
}

export async function getTerm(k: EksQ, inst: string, id: string): Promise<TermRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await listTermsWhere(k, inst, id))[0];
}

async function listTermsWhere(k: EksQ, inst: string, id: string): Promise<TermRow[]> {
  const rows = await k.selectFrom("eksamen_term").selectAll().where("institution_id", "=", inst).where("id", "=", id).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, start: r.start_date, end: r.end_date, selfStudyDeadline: r.self_study_deadline }));
}

export async function insertTerm(k: EksQ, inst: string, t: Omit<TermRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_term")
    .values({ id, institution_id: inst, name: t.name, start_date: t.start, end_date: t.end, self_study_deadline: t.selfStudyDeadline, created_by: by.label })
    .execute();
  return id;
}

// ------------------------------------------------------------------------------------------------------------ examinees

export interface ExamineeData {
  name: string;
  education: string;
  coherent: boolean;
  programmeStart: string;
  selfStudy: boolean;
  leftOn: string | null;
  repeatsYear: boolean;
}

export interface ExamineeRow extends ExamineeData {
  id: string;
  cpr: string;
  version: number;
}

export async function insertExaminee(tx: EksTx, inst: string, cpr: string, d: ExamineeData, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("eksamen_examinee").values({ id, institution_id: inst, cpr, version: 1, created_by: by.label }).execute();
  await tx.insertInto("eksamen_examinee_version").values(examineeVersion(id, inst, 1, d, by, null)).execute();
  return id;
}

function examineeVersion(id: string, inst: string, version: number, d: ExamineeData, by: Recorder, reason: string | null) {
  return {
    examinee_id: id,
    version,
    institution_id: inst,
    is_current: true,
    name: d.name,
    education: d.education,
    coherent: d.coherent,
    programme_start: d.programmeStart,
    self_study: d.selfStudy,
    left_on: d.leftOn,
    repeats_year: d.repeatsYear,
    recorded_by: by.label,
    reason,
  };
}

/** Optimistic lock on a head row: the next version when `expected` is current, else "missing" or "stale". */
export const bumpVersion = (tx: EksTx, table: "eksamen_examinee" | "eksamen_grade", inst: string, id: string, expected: number): Promise<Claim> =>
  claimNextVersion(tx, table, inst, id, expected);

export async function insertExamineeVersion(tx: EksTx, inst: string, id: string, version: number, d: ExamineeData, by: Recorder, reason: string): Promise<void> {
  await tx
    .updateTable("eksamen_examinee_version")
    .set({ is_current: false, superseded_at: new Date() })
    .where("examinee_id", "=", id)
    .where("institution_id", "=", inst)
    .where("is_current", "=", true)
    .execute();
  await tx.insertInto("eksamen_examinee_version").values(examineeVersion(id, inst, version, d, by, reason)).execute();
}

function examineeQuery(k: EksQ, inst: string) {
  return k
    .selectFrom("eksamen_examinee as e")
    .innerJoin("eksamen_examinee_version as v", (j) => j.onRef("v.examinee_id", "=", "e.id").on("v.is_current", "=", true))
    .select(["e.id", "e.cpr", "v.version", "v.name", "v.education", "v.coherent", "v.programme_start", "v.self_study", "v.left_on", "v.repeats_year"])
    .where("e.institution_id", "=", inst);
}

type ExamineeSel = { id: string; cpr: string; version: number; name: string; education: string; coherent: boolean; programme_start: string; self_study: boolean; left_on: string | null; repeats_year: boolean };
const examineeOf = (r: ExamineeSel): ExamineeRow => ({
  id: r.id,
  cpr: r.cpr,
  version: r.version,
  name: r.name,
  education: r.education,
  coherent: r.coherent,
  programmeStart: r.programme_start,
  selfStudy: r.self_study,
  leftOn: r.left_on,
  repeatsYear: r.repeats_year,
});

export async function listExaminees(k: EksQ, inst: string, opts: { q?: string | undefined; education?: string | undefined } = {}): Promise<ExamineeRow[]> {
  let q = examineeQuery(k, inst);
  if (opts.q !== undefined && opts.q.trim() !== "") q = q.where("v.name", "ilike", `%${opts.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (opts.education !== undefined) q = q.where("v.education", "=", opts.education);
  return (await q.orderBy("v.name").execute()).map(examineeOf);
}

export async function getExaminee(k: EksQ, inst: string, id: string): Promise<ExamineeRow | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await examineeQuery(k, inst).where("e.id", "=", id).executeTakeFirst();
  return r ? examineeOf(r) : undefined;
}

export async function getExamineeByCpr(k: EksQ, inst: string, cpr: string): Promise<ExamineeRow | undefined> {
  const r = await examineeQuery(k, inst).where("e.cpr", "=", cpr).executeTakeFirst();
  return r ? examineeOf(r) : undefined;
}

export async function examineeHistory(k: EksQ, inst: string, id: string): Promise<{ version: number; recordedAt: string; recordedBy: string; reason: string | null; name: string }[]> {
  const rows = await k
    .selectFrom("eksamen_examinee_version")
    .select(["version", "recorded_at", "recorded_by", "reason", "name"])
    .where("examinee_id", "=", id)
    .where("institution_id", "=", inst)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({ version: r.version, recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by, reason: r.reason, name: r.name }));
}

// ------------------------------------------------------------------------------------------------------- teams, exams

export interface TeamRow {
  id: string;
  termId: string | null;
  name: string;
  subjectCode: string;
  level: LevelS | null;
  teacherIds: string[];
  examineeIds: string[];
}

export async function listTeams(k: EksQ, inst: string, termId?: string): Promise<TeamRow[]> {
  let q = k.selectFrom("eksamen_team").selectAll().where("institution_id", "=", inst);
  if (termId !== undefined) q = q.where("term_id", "=", termId);
  const rows = await q.orderBy("name").execute();
  return rows.map((r) => ({ id: r.id, termId: r.term_id, name: r.name, subjectCode: r.subject_code, level: r.level as LevelS | null, teacherIds: r.teacher_ids, examineeIds: r.examinee_ids }));
}

export async function insertTeam(k: EksQ, inst: string, t: Omit<TeamRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_team")
    .values({ id, institution_id: inst, term_id: t.termId, name: t.name, subject_code: t.subjectCode, level: t.level, teacher_ids: J(t.teacherIds), examinee_ids: J(t.examineeIds), created_by: by.label })
    .execute();
  return id;
}

export interface ExamRow {
  id: string;
  termId: string;
  subjectCode: string;
  level: LevelS | null;
  part: PartS;
  date: string;
  form: unknown;
  examinerIds: string[];
  teamId: string | null;
}

export async function listExams(k: EksQ, inst: string, opts: { termId?: string | undefined; id?: string | undefined } = {}): Promise<ExamRow[]> {
  let q = k.selectFrom("eksamen_exam").selectAll().where("institution_id", "=", inst);
  if (opts.termId !== undefined) q = q.where("term_id", "=", opts.termId);
  if (opts.id !== undefined) q = q.where("id", "=", opts.id);
  const rows = await q.orderBy("exam_date").orderBy("subject_code").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, termId: r.term_id, subjectCode: r.subject_code, level: r.level as LevelS | null, part: r.part as PartS, date: r.exam_date, form: r.form, examinerIds: r.examiner_ids, teamId: r.team_id }));
}

export async function insertExam(k: EksQ, inst: string, e: Omit<ExamRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_exam")
    .values({ id, institution_id: inst, term_id: e.termId, subject_code: e.subjectCode, level: e.level, part: e.part, exam_date: e.date, form: J(e.form), examiner_ids: J(e.examinerIds), team_id: e.teamId, created_by: by.label })
    .execute();
  return id;
}

// -------------------------------------------------------------------------------------------------------- registrations

export interface RegistrationRow {
  id: string;
  examId: string;
  examineeId: string;
  selfStudy: boolean;
  registeredOn: string;
  input: unknown;
  accepted: boolean;
  deadline: string | null;
  findings: unknown[];
}

export async function listRegistrations(k: EksQ, inst: string, opts: { examId?: string | undefined; examineeId?: string | undefined; termId?: string | undefined } = {}): Promise<RegistrationRow[]> {
  let q = k.selectFrom("eksamen_registration as r").innerJoin("eksamen_exam as x", "x.id", "r.exam_id").selectAll("r").where("r.institution_id", "=", inst);
  if (opts.examId !== undefined) q = q.where("r.exam_id", "=", opts.examId);
  if (opts.examineeId !== undefined) q = q.where("r.examinee_id", "=", opts.examineeId);
  if (opts.termId !== undefined) q = q.where("x.term_id", "=", opts.termId);
  const rows = await q.orderBy("x.exam_date").orderBy("r.created_at").execute();
  return rows.map((r) => ({ id: r.id, examId: r.exam_id, examineeId: r.examinee_id, selfStudy: r.self_study, registeredOn: r.registered_on, input: r.input, accepted: r.accepted, deadline: r.deadline, findings: r.findings }));
}

export async function insertRegistration(k: EksQ, inst: string, r: Omit<RegistrationRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_registration")
    .values({
      id,
      institution_id: inst,
      exam_id: r.examId,
      examinee_id: r.examineeId,
      self_study: r.selfStudy,
      registered_on: r.registeredOn,
      input: J(r.input),
      accepted: r.accepted,
      deadline: r.deadline,
      findings: J(r.findings),
      created_by: by.label,
    })
    .execute();
  return id;
}

export async function registrationCounts(k: EksQ, inst: string, termId: string): Promise<Map<string, number>> {
  const rows = await k
    .selectFrom("eksamen_registration as r")
    .innerJoin("eksamen_exam as x", "x.id", "r.exam_id")
    .select(["r.exam_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("r.institution_id", "=", inst)
    .where("x.term_id", "=", termId)
    .groupBy("r.exam_id")
    .execute();
  return new Map(rows.map((r) => [r.exam_id, Number(r.n)]));
}

// --------------------------------------------------------------------------------------------------------- censors

export interface CensorRow {
  id: string;
  name: string;
  employedAt: string[];
  subjects: { subject: string; level?: LevelS }[];
  capacity: number;
}

export async function listCensors(k: EksQ, inst: string, id?: string): Promise<CensorRow[]> {
  let q = k.selectFrom("eksamen_censor").selectAll().where("institution_id", "=", inst);
  if (id !== undefined) q = q.where("id", "=", id);
  const rows = await q.orderBy("name").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, employedAt: r.employed_at, subjects: r.subjects, capacity: r.capacity }));
}

export async function insertCensor(k: EksQ, inst: string, c: Omit<CensorRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_censor")
    .values({ id, institution_id: inst, name: c.name, employed_at: J(c.employedAt), subjects: J(c.subjects), capacity: c.capacity, created_by: by.label })
    .execute();
  return id;
}

export interface CensorshipRow {
  id: string;
  censorId: string;
  examinerIds: string[];
  date: string;
  institutionCode: string;
  examId: string | null;
  termId: string | null;
}

export async function listCensorships(k: EksQ, inst: string, opts: { censorId?: string; termId?: string } = {}): Promise<CensorshipRow[]> {
  let q = k.selectFrom("eksamen_censorship").selectAll().where("institution_id", "=", inst);
  if (opts.censorId !== undefined) q = q.where("censor_id", "=", opts.censorId);
  if (opts.termId !== undefined) q = q.where("term_id", "=", opts.termId);
  const rows = await q.orderBy("exam_date").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, censorId: r.censor_id, examinerIds: r.examiner_ids, date: r.exam_date, institutionCode: r.institution_code, examId: r.exam_id, termId: r.term_id }));
}

export async function insertCensorship(k: EksQ, inst: string, c: Omit<CensorshipRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_censorship")
    .values({ id, institution_id: inst, censor_id: c.censorId, examiner_ids: J(c.examinerIds), exam_date: c.date, institution_code: c.institutionCode, exam_id: c.examId, term_id: c.termId, recorded_by: by.label })
    .execute();
  return id;
}

// ------------------------------------------------------------------------------------------------------------ grades

export interface GradeData {
  subjectCode: string;
  level: LevelS | null;
  part: PartS;
  grade: number;
  date: string;
  announcedOn: string | null;
  termId: string | null;
  examId: string | null;
  status: "valid" | "void";
  replacesId: string | null;
  replacesReason: string | null;
  specialConditions: boolean;
}

export interface GradeRow extends GradeData {
  id: string;
  version: number;
  kind: "exam" | "standpunkt";
  examineeId: string;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
}

function gradeVersion(id: string, inst: string, version: number, d: GradeData, by: Recorder, reason: string | null) {
  return {
    grade_id: id,
    version,
    institution_id: inst,
    is_current: true,
    subject_code: d.subjectCode,
    level: d.level,
    part: d.part,
    grade: d.grade,
    grade_date: d.date,
    announced_on: d.announcedOn,
    term_id: d.termId,
    exam_id: d.examId,
    status: d.status,
    replaces_id: d.replacesId,
    replaces_reason: d.replacesReason,
    special_conditions: d.specialConditions,
    recorded_by: by.label,
    reason,
  };
}

export async function insertGrade(tx: EksTx, inst: string, examineeId: string, kind: "exam" | "standpunkt", d: GradeData, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insertInto("eksamen_grade").values({ id, institution_id: inst, examinee_id: examineeId, kind, version: 1, created_by: by.label }).execute();
  await tx.insertInto("eksamen_grade_version").values(gradeVersion(id, inst, 1, d, by, null)).execute();
  return id;
}

export async function insertGradeVersion(tx: EksTx, inst: string, id: string, version: number, d: GradeData, by: Recorder, reason: string): Promise<void> {
  await tx
    .updateTable("eksamen_grade_version")
    .set({ is_current: false, superseded_at: new Date() })
    .where("grade_id", "=", id)
    .where("institution_id", "=", inst)
    .where("is_current", "=", true)
    .execute();
  await tx.insertInto("eksamen_grade_version").values(gradeVersion(id, inst, version, d, by, reason)).execute();
}

type GradeSel = {
  id: string;
  kind: "exam" | "standpunkt";
  examinee_id: string;
  version: number;
  subject_code: string;
  level: string | null;
  part: string;
  grade: number;
  grade_date: string;
  announced_on: string | null;
  term_id: string | null;
  exam_id: string | null;
  status: "valid" | "void";
  replaces_id: string | null;
  replaces_reason: string | null;
  special_conditions: boolean;
  recorded_at: Date;
  recorded_by: string;
  reason: string | null;
};

const gradeOf = (r: GradeSel): GradeRow => ({
  id: r.id,
  kind: r.kind,
  examineeId: r.examinee_id,
  version: r.version,
  subjectCode: r.subject_code,
  level: r.level as LevelS | null,
  part: r.part as PartS,
  grade: Number(r.grade),
  date: r.grade_date,
  announcedOn: r.announced_on,
  termId: r.term_id,
  examId: r.exam_id,
  status: r.status,
  replacesId: r.replaces_id,
  replacesReason: r.replaces_reason,
  specialConditions: r.special_conditions,
  recordedAt: iso(r.recorded_at),
  recordedBy: r.recorded_by,
  reason: r.reason,
});

function gradeQuery(k: EksQ, inst: string, current: boolean) {
  let q = k
    .selectFrom("eksamen_grade as g")
    .innerJoin("eksamen_grade_version as v", "v.grade_id", "g.id")
    .select([
      "g.id",
      "g.kind",
      "g.examinee_id",
      "v.version",
      "v.subject_code",
      "v.level",
      "v.part",
      "v.grade",
      "v.grade_date",
      "v.announced_on",
      "v.term_id",
      "v.exam_id",
      "v.status",
      "v.replaces_id",
      "v.replaces_reason",
      "v.special_conditions",
      "v.recorded_at",
      "v.recorded_by",
      "v.reason",
    ])
    .where("g.institution_id", "=", inst);
  if (current) q = q.where("v.is_current", "=", true);
  return q;
}

export async function listGrades(k: EksQ, inst: string, opts: { examineeId?: string; termId?: string; from?: string; to?: string; examId?: string } = {}): Promise<GradeRow[]> {
  let q = gradeQuery(k, inst, true);
  if (opts.examineeId !== undefined) q = q.where("g.examinee_id", "=", opts.examineeId);
  if (opts.termId !== undefined) q = q.where("v.term_id", "=", opts.termId);
  if (opts.examId !== undefined) q = q.where("v.exam_id", "=", opts.examId);
  if (opts.from !== undefined) q = q.where("v.grade_date", ">=", opts.from);
  if (opts.to !== undefined) q = q.where("v.grade_date", "<=", opts.to);
  return (await q.orderBy("v.grade_date").orderBy("v.subject_code").orderBy("g.id").execute()).map(gradeOf);
}

export async function getGrade(k: EksQ, inst: string, id: string): Promise<GradeRow | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await gradeQuery(k, inst, true).where("g.id", "=", id).executeTakeFirst();
  return r ? gradeOf(r) : undefined;
}

export async function gradeHistory(k: EksQ, inst: string, id: string): Promise<GradeRow[]> {
  return (await gradeQuery(k, inst, false).where("g.id", "=", id).orderBy("v.version").execute()).map(gradeOf);
}

// ------------------------------------------------------------------------------------------------- merit, § 19, § 20

export interface MeritRow {
  id: string;
  examineeId: string;
  subjectCode: string;
  level: LevelS | null;
  part: PartS;
  assessment: unknown;
  source: string;
  date: string;
}

export async function listMerits(k: EksQ, inst: string, examineeId: string): Promise<MeritRow[]> {
  const rows = await k.selectFrom("eksamen_merit").selectAll().where("institution_id", "=", inst).where("examinee_id", "=", examineeId).orderBy("merit_date").execute();
  return rows.map((r) => ({ id: r.id, examineeId: r.examinee_id, subjectCode: r.subject_code, level: r.level as LevelS | null, part: r.part as PartS, assessment: r.assessment, source: r.source, date: r.merit_date }));
}

export async function insertMerit(k: EksQ, inst: string, m: Omit<MeritRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_merit")
    .values({ id, institution_id: inst, examinee_id: m.examineeId, subject_code: m.subjectCode, level: m.level, part: m.part, assessment: J(m.assessment), source: m.source, merit_date: m.date, created_by: by.label })
    .execute();
  return id;
}

export interface SpecialConditionsRow {
  id: string;
  examineeId: string;
  examId: string;
  basis: string;
  conditions: string;
  decidedOn: string;
  findings: unknown[];
}

export async function listSpecialConditions(k: EksQ, inst: string, examineeId: string): Promise<SpecialConditionsRow[]> {
  const rows = await k.selectFrom("eksamen_special_conditions").selectAll().where("institution_id", "=", inst).where("examinee_id", "=", examineeId).orderBy("decided_on").execute();
  return rows.map((r) => ({ id: r.id, examineeId: r.examinee_id, examId: r.exam_id, basis: r.basis, conditions: r.conditions, decidedOn: r.decided_on, findings: r.findings }));
}

export async function insertSpecialConditions(k: EksQ, inst: string, s: Omit<SpecialConditionsRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_special_conditions")
    .values({ id, institution_id: inst, examinee_id: s.examineeId, exam_id: s.examId, basis: s.basis, conditions: s.conditions, decided_on: s.decidedOn, findings: J(s.findings), created_by: by.label })
    .execute();
  return id;
}

export interface CheatingCaseRow {
  id: string;
  examineeId: string;
  examId: string;
  misconduct: unknown;
  on: string;
  decision: "must" | "may" | "no";
  expelled: boolean;
  note: string | null;
  findings: unknown[];
}

export async function listCheatingCases(k: EksQ, inst: string, examineeId: string): Promise<CheatingCaseRow[]> {
  const rows = await k.selectFrom("eksamen_cheating_case").selectAll().where("institution_id", "=", inst).where("examinee_id", "=", examineeId).orderBy("on_date").execute();
  return rows.map((r) => ({ id: r.id, examineeId: r.examinee_id, examId: r.exam_id, misconduct: r.misconduct, on: r.on_date, decision: r.decision, expelled: r.expelled, note: r.note, findings: r.findings }));
}

export async function insertCheatingCase(k: EksQ, inst: string, c: Omit<CheatingCaseRow, "id">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_cheating_case")
    .values({ id, institution_id: inst, examinee_id: c.examineeId, exam_id: c.examId, misconduct: J(c.misconduct), on_date: c.on, decision: c.decision, expelled: c.expelled, note: c.note, findings: J(c.findings), created_by: by.label })
    .execute();
  return id;
}

// -------------------------------------------------------------------------------------------------------- complaints

export interface ComplaintRow {
  id: string;
  examineeId: string;
  gradeId: string;
  exam: unknown;
  createdAt: string;
}

export interface ComplaintEventRow {
  seq: number;
  actor: string;
  event: unknown;
  on: string;
  findings: unknown[];
  recordedAt: string;
  recordedBy: string;
}

export async function listComplaints(k: EksQ, inst: string, opts: { id?: string; examineeId?: string } = {}): Promise<ComplaintRow[]> {
  let q = k.selectFrom("eksamen_complaint").selectAll().where("institution_id", "=", inst);
  if (opts.id !== undefined) q = q.where("id", "=", opts.id);
  if (opts.examineeId !== undefined) q = q.where("examinee_id", "=", opts.examineeId);
  const rows = await q.orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, examineeId: r.examinee_id, gradeId: r.grade_id, exam: r.exam, createdAt: iso(r.created_at) }));
}

export async function insertComplaint(k: EksQ, inst: string, c: Omit<ComplaintRow, "id" | "createdAt">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k.insertInto("eksamen_complaint").values({ id, institution_id: inst, examinee_id: c.examineeId, grade_id: c.gradeId, exam: J(c.exam), created_by: by.label }).execute();
  return id;
}

export async function complaintEvents(k: EksQ, inst: string, complaintIds: readonly string[]): Promise<Map<string, ComplaintEventRow[]>> {
  const out = new Map<string, ComplaintEventRow[]>(complaintIds.map((id) => [id, []]));
  if (complaintIds.length === 0) return out;
  const rows = await k
    .selectFrom("eksamen_complaint_event")
    .selectAll()
    .where("institution_id", "=", inst)
    .where("complaint_id", "in", complaintIds)
    .orderBy("complaint_id")
    .orderBy("seq")
    .execute();
  for (const r of rows)
    out.get(r.complaint_id)?.push({ seq: r.seq, actor: r.actor, event: r.event, on: r.on_date, findings: r.findings, recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by });
  return out;
}

/** Appends event `seq`; the primary key (complaint_id, seq) makes a concurrent append with the same seq fail. */
export async function insertComplaintEvent(k: EksQ, inst: string, complaintId: string, e: Omit<ComplaintEventRow, "recordedAt" | "recordedBy">, by: Recorder): Promise<void> {
  await k
    .insertInto("eksamen_complaint_event")
    .values({ complaint_id: complaintId, seq: e.seq, institution_id: inst, actor: e.actor, event: J(e.event), on_date: e.on, findings: J(e.findings), recorded_by: by.label })
    .execute();
}

// ------------------------------------------------------------------------------------------------- § 55 appeals

export type Appeal55RefKind = "cheating-case" | "special-conditions" | "registration" | "complaint";

export interface Appeal55Row {
  id: string;
  examineeId: string;
  decisionKind: string;
  ref: { kind: Appeal55RefKind; id: string } | null;
  decision: unknown;
  description: string | null;
  createdAt: string;
  createdBy: string;
}

export async function listAppeals55(k: EksQ, inst: string, opts: { id?: string; examineeId?: string; refId?: string } = {}): Promise<Appeal55Row[]> {
  let q = k.selectFrom("eksamen_appeal55").selectAll().where("institution_id", "=", inst);
  if (opts.id !== undefined) q = q.where("id", "=", opts.id);
  if (opts.examineeId !== undefined) q = q.where("examinee_id", "=", opts.examineeId);
  if (opts.refId !== undefined) q = q.where("ref_id", "=", opts.refId);
  const rows = await q.orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    examineeId: r.examinee_id,
    decisionKind: r.decision_kind,
    ref: r.ref_kind !== null && r.ref_id !== null ? { kind: r.ref_kind, id: r.ref_id } : null,
    decision: r.decision,
    description: r.description,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
  }));
}

export async function insertAppeal55(k: EksQ, inst: string, a: Omit<Appeal55Row, "id" | "createdAt" | "createdBy">, by: Recorder): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_appeal55")
    .values({ id, institution_id: inst, examinee_id: a.examineeId, decision_kind: a.decisionKind, ref_kind: a.ref?.kind ?? null, ref_id: a.ref?.id ?? null, decision: J(a.decision), description: a.description, created_by: by.label })
    .execute();
  return id;
}

export async function appeal55Events(k: EksQ, inst: string, ids: readonly string[]): Promise<Map<string, ComplaintEventRow[]>> {
  const out = new Map<string, ComplaintEventRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await k.selectFrom("eksamen_appeal55_event").selectAll().where("institution_id", "=", inst).where("appeal_id", "in", ids).orderBy("appeal_id").orderBy("seq").execute();
  for (const r of rows) out.get(r.appeal_id)?.push({ seq: r.seq, actor: r.actor, event: r.event, on: r.on_date, findings: r.findings, recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by });
  return out;
}

/** Appends event `seq`; the primary key (appeal_id, seq) makes a concurrent append with the same seq fail. */
export async function insertAppeal55Event(k: EksQ, inst: string, appealId: string, e: Omit<ComplaintEventRow, "recordedAt" | "recordedBy">, by: Recorder): Promise<void> {
  await k
    .insertInto("eksamen_appeal55_event")
    .values({ appeal_id: appealId, seq: e.seq, institution_id: inst, actor: e.actor, event: J(e.event), on_date: e.on, findings: J(e.findings), recorded_by: by.label })
    .execute();
}

/** The stored decision a § 55 appeal may point at, in this institution only (undefined: no such row here). */
export async function appeal55Reference(k: EksQ, inst: string, kind: Appeal55RefKind, id: string): Promise<{ examineeId: string; on: string | null; expelled?: boolean; accepted?: boolean } | undefined> {
  if (!isUuid(id)) return undefined;
  switch (kind) {
    case "cheating-case": {
      const r = await k.selectFrom("eksamen_cheating_case").select(["examinee_id", "on_date", "expelled"]).where("institution_id", "=", inst).where("id", "=", id).executeTakeFirst();
      return r && { examineeId: r.examinee_id, on: r.on_date, expelled: r.expelled };
    }
    case "special-conditions": {
      const r = await k.selectFrom("eksamen_special_conditions").select(["examinee_id", "decided_on"]).where("institution_id", "=", inst).where("id", "=", id).executeTakeFirst();
      return r && { examineeId: r.examinee_id, on: r.decided_on };
    }
    case "registration": {
      const r = await k.selectFrom("eksamen_registration").select(["examinee_id", "registered_on", "accepted"]).where("institution_id", "=", inst).where("id", "=", id).executeTakeFirst();
      return r && { examineeId: r.examinee_id, on: r.registered_on, accepted: r.accepted };
    }
    case "complaint": {
      const r = await k.selectFrom("eksamen_complaint").select(["examinee_id"]).where("institution_id", "=", inst).where("id", "=", id).executeTakeFirst();
      return r && { examineeId: r.examinee_id, on: null };
    }
  }
}

// --------------------------------------------------------------------------------------------------------- documents

export interface DocumentRow {
  id: string;
  number: string;
  examineeId: string;
  kind: "eksamensbevis" | "proevebevis" | "deltagerbevis";
  copy: "original" | "copy" | "english-certified-copy";
  issuedOn: string;
  issuedBy: string;
  revokedOn: string | null;
  destroyed: boolean;
  revokeReason: string | null;
}

export async function listDocuments(k: EksQ, inst: string, opts: { examineeId?: string; id?: string } = {}): Promise<DocumentRow[]> {
  let q = k.selectFrom("eksamen_document").select(["id", "number", "examinee_id", "kind", "copy", "issued_on", "created_by"]).where("institution_id", "=", inst);
  if (opts.examineeId !== undefined) q = q.where("examinee_id", "=", opts.examineeId);
  if (opts.id !== undefined) q = q.where("id", "=", opts.id);
  const rows = await q.orderBy("issued_on").orderBy("created_at").execute();
  const revs =
    rows.length === 0
      ? []
      : await k
          .selectFrom("eksamen_document_revocation")
          .selectAll()
          .where("institution_id", "=", inst)
          .where(
            "document_id",
            "in",
            rows.map((r) => r.id),
          )
          .orderBy("created_at")
          .execute();
  return rows.map((r) => {
    const mine = revs.filter((v) => v.document_id === r.id);
    const first = mine[0];
    return {
      id: r.id,
      number: r.number,
      examineeId: r.examinee_id,
      kind: r.kind,
      copy: r.copy,
      issuedOn: r.issued_on,
      issuedBy: r.created_by,
      revokedOn: first?.revoked_on ?? null,
      destroyed: mine.some((v) => v.destroyed),
      revokeReason: mine.length > 0 ? mine.map((v) => v.reason).join("; ") : null,
    };
  });
}

export async function documentContent(k: EksQ, inst: string, id: string): Promise<unknown> {
  if (!isUuid(id)) return undefined;
  const r = await k.selectFrom("eksamen_document").select("content").where("institution_id", "=", inst).where("id", "=", id).executeTakeFirst();
  return r?.content;
}

/** The stored content of several documents (for what each certifies, e.g. the § 38 retention date), by id. */
export async function documentContents(k: EksQ, inst: string, ids: readonly string[]): Promise<Map<string, unknown>> {
  if (ids.length === 0) return new Map();
  const rows = await k
    .selectFrom("eksamen_document")
    .select(["id", "content"])
    .where("institution_id", "=", inst)
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.content]));
}

export async function countDocuments(k: EksQ, inst: string): Promise<number> {
  const r = await k.selectFrom("eksamen_document").select((eb) => eb.fn.countAll<string>().as("n")).where("institution_id", "=", inst).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertDocument(
  k: EksQ,
  inst: string,
  d: { examineeId: string; number: string; kind: DocumentRow["kind"]; copy: DocumentRow["copy"]; issuedOn: string; content: unknown },
  by: Recorder,
): Promise<string> {
  const id = crypto.randomUUID();
  await k
    .insertInto("eksamen_document")
    .values({ id, institution_id: inst, examinee_id: d.examineeId, number: d.number, kind: d.kind, copy: d.copy, issued_on: d.issuedOn, content: J(d.content), created_by: by.label })
    .execute();
  return id;
}

export async function insertRevocation(k: EksQ, inst: string, documentId: string, r: { revokedOn: string; destroyed: boolean; reason: string }, by: Recorder): Promise<void> {
  await k
    .insertInto("eksamen_document_revocation")
    .values({ id: crypto.randomUUID(), institution_id: inst, document_id: documentId, revoked_on: r.revokedOn, destroyed: r.destroyed, reason: r.reason, created_by: by.label })
    .execute();
}
