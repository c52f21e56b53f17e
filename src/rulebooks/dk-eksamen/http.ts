/**
 * Exam HTTP routes (seed 002), mounted at /api/eksamen; the contract is src/rulebooks/dk-eksamen/API.md. Zod at the
 * edge (400 for a malformed body or query); the service decides everything else (403 role, 404 other institution,
 * 409 stale, 422 rule with findings). The actor — and so the institution — comes from the auth middleware only.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { RulebookHttp } from "../../platform/http/app.ts";
import { ProblemError, type AppEnv } from "../../platform/http/context.ts";
import type { OpenApiOp } from "../../platform/http/openapi.ts";
import { jsonBody, queryOf } from "../../platform/http/validate.ts";
import { CsvSyntaxError, parseCsv } from "../../platform/csv.ts";
import type { Actor } from "../../platform/http/context.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { Finding } from "../../kernel/law.ts";
import { COMPONENTS } from "./model.ts";
import { parseLevel } from "./parse.ts";
import { EksamenDocumentError, renderComplaintLetterPdf, renderEksamenDocumentPdf } from "./documents.ts";
import { Appeal55LetterError, renderAppeal55LetterPdf } from "./letters.ts";
import * as service from "./service.ts";

// ------------------------------------------------------------------------------------------------------------ schemas

const date = z.string().max(20);
const Level = z.enum(["A", "B", "C"]);
const Part = z.enum(["written", "oral", "practical", "combined"]);
const id = z.string().max(60);
const Lang = z.enum(["da", "en"]).default("da");

const SubjectSchema = z.object({ code: z.string().max(40), name: z.object({ da: z.string().max(200), en: z.string().max(200).optional() }), component: z.enum(COMPONENTS).optional() });
const TeacherSchema = z.object({ name: z.string().max(200), initials: z.string().max(10) });
const TermSchema = z.object({ name: z.string().max(200), start: date, end: date, selfStudyDeadline: date.nullable().optional() });
const ExamineeSchema = z.object({
  cpr: z.string().max(20),
  name: z.string().max(300),
  education: z.string().max(20),
  coherent: z.boolean(),
  programmeStart: date,
  selfStudy: z.boolean().optional(),
  repeatsYear: z.boolean().optional(),
  leftOn: date.nullable().optional(),
});
const ExamineeUpdateSchema = ExamineeSchema.omit({ cpr: true }).extend({ version: z.number().int().min(1), reason: z.string().max(1000) });
const TeamSchema = z.object({ termId: id.nullable().optional(), name: z.string().max(200), subjectCode: z.string().max(40), level: Level.nullable().optional(), teacherIds: z.array(id).max(20), examineeIds: z.array(id).max(500) });
export const ExamFormSchema = z.object({
  basis: z.object({ forlaeg: z.string().max(2000), otherMaterial: z.boolean() }),
  course: z.object({ timeMinutes: z.number().int().min(0).max(100000), draw: z.boolean(), preparationMinutes: z.number().int().min(0).max(100000), examinationMinutes: z.number().int().min(0).max(100000) }),
  answer: z.array(z.enum(["written", "oral", "practical"])).max(3),
  electronic: z.boolean(),
  multiSubject: z.boolean(),
  group: z.boolean(),
  setBy: z.enum(["ministry", "institution"]),
});
const ExamSchema = z.object({ termId: id, subjectCode: z.string().max(40), level: Level.nullable().optional(), part: Part, date, form: ExamFormSchema, examinerIds: z.array(id).max(20), teamId: id.nullable().optional() });
const RegistrationSchema = z.object({
  examId: id,
  examineeId: id,
  registeredOn: date,
  followedTeaching: z.boolean(),
  admittedByEducationRules: z.boolean().optional(),
  formalRequirementsMet: z.boolean().nullable(),
  followsOrWillFollow: z.array(Level).max(3).optional(),
  faggruppe: z.enum(["naturvidenskabelig", "kultur-samfund"]).optional(),
  institutionHoldsExam: z.boolean().optional(),
});
const CensorSchema = z.object({ name: z.string().max(200), employedAt: z.array(z.string().max(20)).max(20), subjects: z.array(z.object({ subject: z.string().max(40), level: Level.optional() })).max(100), capacity: z.number().int().min(0).max(10000) });
const HistorySchema = z.object({ examinerIds: z.array(id).max(20), date, institutionCode: z.string().max(20) });
const AssignSchema = z.object({ reading: z.enum(["repeated-or-mutual", "mutual"]).optional() });
const Replaces = z.object({ gradeId: id, reason: z.enum(["error-reassessment", "error-retest", "annulment-retest", "complaint-reassessment", "complaint-retest"]) });
const GradeSchema = z.object({
  kind: z.enum(["exam", "standpunkt"]),
  examineeId: id,
  subjectCode: z.string().max(40),
  level: z.string().max(20).nullable().optional(),
  part: z.string().max(20),
  grade: z.string().max(20),
  date,
  announcedOn: date.nullable().optional(),
  termId: id.nullable().optional(),
  examId: id.nullable().optional(),
  specialConditions: z.boolean().optional(),
  replaces: Replaces.nullable().optional(),
});
const GradeUpdateSchema = z.object({ grade: z.string().max(20), announcedOn: date.nullable().optional(), status: z.enum(["valid", "void"]).optional(), version: z.number().int().min(1), reason: z.string().max(1000) });
const MeritSchema = z.object({
  examineeId: id,
  subjectCode: z.string().max(40),
  level: Level.nullable().optional(),
  part: Part,
  assessment: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("passed") }),
    z.object({ kind: z.literal("approved") }),
    z.object({ kind: z.literal("grade"), grade: z.string().max(20) }),
    z.object({ kind: z.literal("competence-certificate"), certificate: z.string().max(300) }),
    z.object({ kind: z.literal("none") }),
  ]),
  source: z.string().max(300),
  date,
});
const SpecialSchema = z.object({ examineeId: id, examId: id, basis: z.enum(["mental", "physical", "similar-specific", "none"]), necessaryForEquality: z.boolean(), changesLevel: z.boolean(), conditions: z.string().max(2000), decidedOn: date });
const CheatingSchema = z.object({
  examineeId: id,
  examId: id,
  misconduct: z.object({ kind: z.enum(["obtained-help", "gave-help", "unauthorised-aids", "others-work", "own-earlier-work", "rules-breach"]), when: z.enum(["during", "after"]), confirmed: z.boolean().optional(), couldAffectAssessment: z.boolean().optional() }),
  on: date,
  expelled: z.boolean(),
  note: z.string().max(2000).nullable().optional(),
});
const ComplaintSchema = z.object({ gradeId: id, assessorCount: z.number().int().min(1).max(10).optional(), ministryAppointedCensor: z.boolean().optional(), underCustody: z.boolean().optional() });
const Outcome = z.enum(["reassessment", "retest", "not-upheld"]);
const Grade = z.number().refine((g) => [12, 10, 7, 4, 2, 0, -3].includes(g), "a grade on the 7-point scale");
const EventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("file"), on: date, written: z.boolean(), reasoned: z.boolean(), individual: z.boolean(), grounds: z.array(z.enum(["basis", "procedure", "assessment"])).max(3) }),
  z.object({ type: z.literal("forward-to-ministry"), on: date }),
  z.object({ type: z.literal("reject"), on: date, reasoned: z.boolean() }),
  z.object({ type: z.literal("request-statements"), on: date, due: date.optional() }),
  z.object({ type: z.literal("statements-received"), on: date }),
  z.object({ type: z.literal("present-statements"), on: date, commentsDue: date.optional() }),
  z.object({ type: z.literal("comments-received"), on: date }),
  z.object({ type: z.literal("decide"), on: date, outcome: Outcome, reasoned: z.boolean(), justifiedDoubt: z.boolean() }),
  z.object({ type: z.literal("accept"), on: date }),
  z.object({ type: z.literal("lapse"), on: date }),
  z.object({ type: z.literal("appoint-assessors"), on: date, count: z.number().int().min(1).max(10), ministryInformed: z.boolean() }),
  z.object({ type: z.literal("new-grade"), on: date, grade: Grade }),
  z.object({ type: z.literal("appeal"), on: date, legalQuestion: z.boolean() }),
  z.object({ type: z.literal("institution-statement"), on: date, commentsDue: date.optional() }),
  z.object({ type: z.literal("appeal-comments-received"), on: date }),
  z.object({ type: z.literal("forward-appeal"), on: date }),
  z.object({ type: z.literal("ministry-decide"), on: date, outcome: Outcome }),
  z.object({ type: z.literal("close"), on: date }),
]);
const ComplaintEventSchema = z.object({ seq: z.number().int().min(0), actor: z.enum(["examinee", "custody-holder", "leader", "institution", "assessors", "ministry"]), event: EventSchema });
const Appeal55Kind = z.enum(["access", "lateness", "special-conditions", "expulsion", "error-remedy", "legal-question", "complaint-rejection"]);
const Appeal55Schema = z.object({
  examineeId: id,
  decision: Appeal55Kind,
  reference: z.object({ kind: z.enum(["cheating-case", "special-conditions", "registration", "complaint"]), id }).nullable().optional(),
  description: z.string().max(2000).nullable().optional(),
  decidedOn: date.nullable().optional(),
  notifiedOn: date,
  filedOn: date,
  by: z.enum(["examinee", "custody-holder"]),
  written: z.boolean().optional(),
  underCustody: z.boolean().optional(),
  suspensive: z.boolean().optional(),
});
const Appeal55EventSchema = z.object({
  seq: z.number().int().min(0),
  actor: z.enum(["examinee", "custody-holder", "institution", "ministry"]),
  event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("send-statement"), on: date, statement: z.string().max(10000).optional() }),
    z.object({ type: z.literal("comments-received"), on: date }),
    z.object({ type: z.literal("comment-deadline-passed"), on: date }),
    z.object({ type: z.literal("forward"), on: date }),
    z.object({ type: z.literal("suspend"), on: date }),
    z.object({ type: z.literal("decide"), on: date, outcome: z.enum(["upheld", "not-upheld", "dismissed"]) }),
  ]),
});
const IssueSchema = z.object({
  copy: z.enum(["original", "copy", "english-certified-copy"]),
  on: date,
  kind: z.enum(["eksamensbevis", "proevebevis", "deltagerbevis"]).optional(),
  originalLost: z.boolean().optional(),
  requestedByExaminee: z.boolean().optional(),
  signatory: z.object({ name: z.string().max(200), title: z.string().max(200) }).optional(),
});
const LeaverSchema = z.object({
  kind: z.enum(["proevebevis", "deltagerbevis"]),
  copy: z.enum(["original", "copy", "english-certified-copy"]),
  on: date,
  completed: z.array(z.object({ subjectCode: z.string().max(40), level: Level.nullable().optional() })).max(100).default([]),
  originalLost: z.boolean().optional(),
  requestedByExaminee: z.boolean().optional(),
  signatory: z.object({ name: z.string().max(200), title: z.string().max(200) }).optional(),
});
const RevokeSchema = z.object({ on: date, destroyed: z.boolean(), reason: z.string().max(1000) });

const ExamineeQuery = z.object({ q: z.string().max(200).optional(), education: z.string().max(20).optional() });
const TermQuery = z.object({ termId: z.string().max(60).optional() });
const RegQuery = z.object({ termId: z.string().max(60).optional(), examId: z.string().max(60).optional(), examineeId: z.string().max(60).optional() });
const ComplaintQuery = z.object({ state: z.string().max(40).optional(), on: date.optional() });
const OnQuery = z.object({ on: date.optional() });
const Appeal55Query = z.object({ state: z.string().max(40).optional(), examineeId: z.string().max(60).optional(), on: date.optional() });
const Appeal55LetterQuery = z.object({ kind: z.enum(["receipt", "statement"]), on: date.optional(), statement: z.string().max(5000).optional() });
const LetterQuery = z.object({ kind: z.enum(["receipt", "statements", "rejection", "decision", "new-grade"]), on: date.optional(), reasons: z.string().max(5000).optional() });
const PdfQuery = z.object({ lang: Lang });
const ExportQuery = z.object({ termId: z.string().max(60).optional(), from: date.optional(), to: date.optional(), format: z.enum(["csv", "json"]).default("csv") });

const Obj = z.record(z.string(), z.unknown());

// ------------------------------------------------------------------------------------------------------------ CSV import

export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

async function csvText(c: { req: { header(n: string): string | undefined; text(): Promise<string> } }): Promise<string> {
  const len = Number(c.req.header("content-length") ?? "0");
  if (len > MAX_IMPORT_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_IMPORT_BYTES} bytes`);
  const text = await c.req.text();
  if (text.length > MAX_IMPORT_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_IMPORT_BYTES} bytes`);
  return text;
}

/** Parses a CSV with a header row into objects keyed by lower-case column names; missing columns → 422. */
export function csvRows(text: string, required: readonly string[]): { line: number; cells: Record<string, string> }[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw service.refuse([service.inputFinding("csv-syntax", `line ${e.line}`, null, e.message, `linje ${e.line}: ugyldig CSV (${e.message})`)], "the file is not valid CSV; nothing was imported");
    throw e;
  }
  const head = records[0];
  if (!head) throw service.refuse([service.inputFinding("csv-empty", "line 1", null, "The file is empty.", "Filen er tom.")], "empty file");
  const cols = head.fields.map((f) => f.trim().toLowerCase());
  const missing: Finding[] = required
    .filter((r) => !cols.includes(r.toLowerCase()))
    .map((r) => service.inputFinding("csv-column-missing", `line 1: ${r}`, null, `The column "${r}" is missing (columns: ${required.join(";")}).`, `Kolonnen "${r}" mangler (kolonner: ${required.join(";")}).`));
  if (missing.length) throw service.refuse(missing, "nothing was imported");
  return records
    .slice(1)
    .filter((r) => r.fields.some((f) => f.trim() !== ""))
    .map((r) => ({ line: r.line, cells: Object.fromEntries(cols.map((c, i) => [c, (r.fields[i] ?? "").trim()])) }));
}

const bool = (s: string | undefined): boolean | null => {
  const v = (s ?? "").trim().toLowerCase();
  return ["ja", "yes", "true", "1"].includes(v) ? true : ["nej", "no", "false", "0"].includes(v) ? false : null;
};

export const GRADE_COLUMNS = ["cpr", "kind", "subjectCode", "level", "part", "grade", "date", "announcedOn"] as const;
export const REGISTRATION_COLUMNS = ["cpr", "subjectCode", "level", "part", "date", "followedTeaching", "formalRequirementsMet", "registeredOn"] as const;

/** Grades from CSV, all or nothing: unknown CPR numbers and bad cells are findings naming the line; nothing saved. */
export async function importGradesCsv(db: Db, actor: Actor, text: string): Promise<{ imported: number }> {
  const rows = csvRows(text, GRADE_COLUMNS);
  const examinees = new Map((await service.listExaminees(db, { ...actor, roles: actor.roles })).map((e) => [e.id, e]));
  const byCpr = await cprIndex(db, actor, [...examinees.keys()]);
  // one pass: the CPR and kind findings of a line and the grade/subject/date findings of every line come back together
  // (a line with an unknown CPR or kind is still checked for the rest: exam and standpunkt rows share the parser)
  const inputs: { line: number; input: service.GradeInput; findings: Finding[] }[] = [];
  for (const r of rows) {
    const c = r.cells;
    const findings: Finding[] = [];
    const cpr = (c.cpr ?? "").replace(/[-\s]/g, "");
    const examineeId = byCpr.get(cpr);
    if (!examineeId) findings.push(service.inputFinding("examinee-unknown", `line ${r.line}: cpr`, null, `line ${r.line}: no examinee with this CPR number.`, `linje ${r.line}: ingen eksaminand med dette CPR-nummer.`));
    const kind = c.kind === "standpunkt" ? "standpunkt" : c.kind === "exam" || c.kind === "" || c.kind === undefined ? "exam" : null;
    if (kind === null) findings.push(service.inputFinding("kind", `line ${r.line}: kind`, c.kind ?? "", `line ${r.line}: kind is "exam" or "standpunkt".`, `linje ${r.line}: kind er "exam" eller "standpunkt".`));
    inputs.push({ line: r.line, findings, input: { kind: kind ?? "exam", examineeId: examineeId ?? "", subjectCode: c.subjectcode ?? "", level: c.level ?? "", part: c.part ?? "", grade: c.grade ?? "", date: c.date ?? "", announcedOn: c.announcedon || null } });
  }
  return service.addGrades(db, actor, inputs);
}

async function cprIndex(db: Db, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  const { eksKysely } = await import("./store.ts");
  const rows = ids.length ? await eksKysely(db).selectFrom("eksamen_examinee").select(["id", "cpr"]).where("institution_id", "=", actor.institutionId).execute() : [];
  return new Map(rows.map((r) => [r.cpr, r.id]));
}

/**
 * Registrations from CSV, all or nothing: each row finds its exam (subject, level, part, date) and is checked (§§ 7–8).
 * One pass: a line's own findings (unknown CPR or exam, a level cell that is no level, a bad yes/no), an examinee
 * already registered for the exam (saved, or on an earlier line: `eksamen.registration.exists`, the single POST's 409)
 * and the §§ 7–8 findings of every line whose examinee and exam are known come back together, in line order, as one
 * 422; nothing is saved while any line has an error.
 */
export async function importRegistrationsCsv(db: Db, actor: Actor, text: string): Promise<{ imported: number }> {
  const rows = csvRows(text, REGISTRATION_COLUMNS);
  const examinees = await service.listExaminees(db, actor);
  const byCpr = await cprIndex(
    db,
    actor,
    examinees.map((e) => e.id),
  );
  const exams = await service.listExams(db, actor);
  const out: Finding[] = [];
  const inputs: service.RegistrationInput[] = [];
  for (const r of rows) {
    const c = r.cells;
    const at = (f: Finding): Finding => ({ ...f, subject: `line ${r.line}: ${f.subject ?? ""}` });
    const line: Finding[] = [];
    const examineeId = byCpr.get((c.cpr ?? "").replace(/[-\s]/g, ""));
    // a level cell that is not a level (§ 40, stk. 1) is named as such, not as an unknown exam; empty = a component without a level
    const levelCell = (c.level ?? "").trim();
    const level = levelCell === "" ? null : parseLevel(levelCell);
    if (level && level.value === null) line.push(...level.because.map((f) => ({ ...f, subject: `line ${r.line}: level` })));
    const exam = level?.value === null ? undefined : exams.find((x) => x.subject.code === c.subjectcode && (x.level ?? null) === (level?.value ?? null) && x.part === c.part && x.date === c.date);
    if (!examineeId) line.push(service.inputFinding("examinee-unknown", `line ${r.line}: cpr`, null, `line ${r.line}: no examinee with this CPR number.`, `linje ${r.line}: ingen eksaminand med dette CPR-nummer.`));
    if (!exam && level?.value !== null) line.push(service.inputFinding("exam-unknown", `line ${r.line}: subjectCode`, c.subjectcode ?? "", `line ${r.line}: no exam ${c.subjectcode} ${c.level} ${c.part} on ${c.date}.`, `linje ${r.line}: ingen prøve ${c.subjectcode} ${c.level} ${c.part} den ${c.date}.`));
    const followed = bool(c.followedteaching);
    if (followed === null) line.push(service.inputFinding("bool", `line ${r.line}: followedTeaching`, c.followedteaching ?? "", `line ${r.line}: followedTeaching is yes or no.`, `linje ${r.line}: followedTeaching er ja eller nej.`));
    const formalCell = c.formalrequirementsmet ?? "";
    const formal = formalCell === "" ? null : bool(formalCell);
    if (formalCell !== "" && formal === null) line.push(service.inputFinding("bool", `line ${r.line}: formalRequirementsMet`, formalCell, `line ${r.line}: formalRequirementsMet is yes, no or empty.`, `linje ${r.line}: formalRequirementsMet er ja, nej eller tom.`));
    if (examineeId && exam) {
      // §§ 7–8 even when another cell of the line is bad (a bad yes/no is read as "yes": it can hide a § 7 finding, never invent one)
      const input: service.RegistrationInput = { examId: exam.id, examineeId, registeredOn: c.registeredon ?? "", followedTeaching: followed ?? true, formalRequirementsMet: formal };
      // already registered (saved, or an earlier line of the file): the single POST's 409, here a finding of this line
      if ((await service.isRegistered(db, actor, exam.id, examineeId)) || inputs.some((x) => x.examId === exam.id && x.examineeId === examineeId)) line.push(service.registrationExists(`line ${r.line}: examId`));
      try {
        const d = await service.checkRegistration(db, actor, input);
        if (!d.accepted) line.push(...d.findings.filter((f) => f.severity === "error").map(at));
      } catch (e) {
        if (!(e instanceof ProblemError) || e.status !== 422) throw e;
        line.push(...e.findings.map(at));
      }
      inputs.push(input);
    }
    out.push(...line);
  }
  if (out.length) throw service.refuse(out, "nothing was imported");
  await service.registerAll(db, actor, inputs);
  return { imported: inputs.length };
}

// ------------------------------------------------------------------------------------------------------------- router

function download(body: Uint8Array | string, mediaType: string, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { headers: { "content-type": mediaType, "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`, "cache-control": "no-store" } });
}

/** A document the renderer refuses (documents.ts `EksamenDocumentError`, e.g. a letter the case's state does not allow) → 422 with its findings. */
async function rendered(f: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof EksamenDocumentError || e instanceof Appeal55LetterError) throw service.refuse(e.findings, "the document cannot be made");
    throw e;
  }
}

const router = new Hono<AppEnv>();
const D = (c: { get(k: "db"): Db }) => c.get("db");

router.get("/subjects", async (c) => c.json(await service.listSubjects(D(c), c.get("actor"))));
router.post("/subjects", async (c) => c.json(await service.createSubject(D(c), c.get("actor"), await jsonBody(c, SubjectSchema)), 201));
router.get("/teachers", async (c) => c.json(await service.listTeachers(D(c), c.get("actor"))));
router.post("/teachers", async (c) => c.json(await service.createTeacher(D(c), c.get("actor"), await jsonBody(c, TeacherSchema)), 201));
router.get("/terms", async (c) => c.json(await service.listTerms(D(c), c.get("actor"))));
router.post("/terms", async (c) => c.json(await service.createTerm(D(c), c.get("actor"), await jsonBody(c, TermSchema)), 201));
router.get("/terms/:id/plan", async (c) => c.json(await service.termPlan(D(c), c.get("actor"), c.req.param("id"))));
router.get("/terms/:id/censor-assignment", async (c) => c.json(await service.assignTermCensors(D(c), c.get("actor"), c.req.param("id"), { save: false })));
router.post("/terms/:id/censor-assignment", async (c) => c.json(await service.assignTermCensors(D(c), c.get("actor"), c.req.param("id"), await jsonBody(c, AssignSchema))));

router.get("/examinees", async (c) => c.json(await service.listExaminees(D(c), c.get("actor"), queryOf(c, ExamineeQuery))));
router.post("/examinees", async (c) => c.json(await service.createExaminee(D(c), c.get("actor"), await jsonBody(c, ExamineeSchema)), 201));
router.get("/examinees/:id", async (c) => c.json(await service.getExaminee(D(c), c.get("actor"), c.req.param("id"))));
router.put("/examinees/:id", async (c) => c.json(await service.updateExaminee(D(c), c.get("actor"), c.req.param("id"), await jsonBody(c, ExamineeUpdateSchema))));
router.get("/examinees/:id/diploma", async (c) => c.json(await service.diplomaPreview(D(c), c.get("actor"), c.req.param("id"))));
router.get("/examinees/:id/documents", async (c) => c.json(await service.listDocuments(D(c), c.get("actor"), c.req.param("id"))));
router.post("/examinees/:id/documents", async (c) => c.json(await service.issueDocument(D(c), c.get("actor"), c.req.param("id"), await jsonBody(c, IssueSchema)), 201));

router.post("/examinees/:id/leaver-documents", async (c) => c.json(await service.issueLeaverDocument(D(c), c.get("actor"), c.req.param("id"), await jsonBody(c, LeaverSchema)), 201));

router.get("/teams", async (c) => c.json(await service.listTeams(D(c), c.get("actor"), queryOf(c, TermQuery).termId)));
router.post("/teams", async (c) => c.json(await service.createTeam(D(c), c.get("actor"), await jsonBody(c, TeamSchema)), 201));
router.get("/exams", async (c) => c.json(await service.listExams(D(c), c.get("actor"), queryOf(c, TermQuery))));
router.post("/exams", async (c) => c.json(await service.createExam(D(c), c.get("actor"), await jsonBody(c, ExamSchema)), 201));
router.get("/exams/:id", async (c) => c.json(await service.getExam(D(c), c.get("actor"), c.req.param("id"))));

router.get("/registrations", async (c) => c.json(await service.listRegistrations(D(c), c.get("actor"), queryOf(c, RegQuery))));
router.post("/registrations/check", async (c) => c.json(await service.checkRegistration(D(c), c.get("actor"), await jsonBody(c, RegistrationSchema))));
router.post("/registrations/import", async (c) => c.json(await importRegistrationsCsv(D(c), c.get("actor"), await csvText(c)), 201));
router.post("/registrations", async (c) => c.json(await service.register(D(c), c.get("actor"), await jsonBody(c, RegistrationSchema)), 201));

router.get("/censors", async (c) => c.json(await service.listCensors(D(c), c.get("actor"))));
router.post("/censors", async (c) => c.json(await service.createCensor(D(c), c.get("actor"), await jsonBody(c, CensorSchema)), 201));
router.get("/censors/:id", async (c) => c.json(await service.getCensor(D(c), c.get("actor"), c.req.param("id"))));
router.post("/censors/:id/history", async (c) => c.json(await service.addCensorHistory(D(c), c.get("actor"), c.req.param("id"), await jsonBody(c, HistorySchema)), 201));

router.post("/grades/import", async (c) => c.json(await importGradesCsv(D(c), c.get("actor"), await csvText(c)), 201));
router.post("/grades", async (c) => c.json(await service.addGrade(D(c), c.get("actor"), await jsonBody(c, GradeSchema)), 201));
router.get("/grades/:id", async (c) => c.json(await service.getGrade(D(c), c.get("actor"), c.req.param("id"))));
router.put("/grades/:id", async (c) => c.json(await service.correctGrade(D(c), c.get("actor"), c.req.param("id"), await jsonBody(c, GradeUpdateSchema))));
router.post("/merits", async (c) => c.json(await service.addMerit(D(c), c.get("actor"), await jsonBody(c, MeritSchema)), 201));
router.post("/special-conditions", async (c) => c.json(await service.addSpecialConditions(D(c), c.get("actor"), await jsonBody(c, SpecialSchema)), 201));
router.post("/cheating-cases", async (c) => c.json(await service.addCheatingCase(D(c), c.get("actor"), await jsonBody(c, CheatingSchema)), 201));

router.get("/complaints", async (c) => c.json(await service.listComplaints(D(c), c.get("actor"), queryOf(c, ComplaintQuery))));
router.post("/complaints", async (c) => c.json(await service.openComplaintCase(D(c), c.get("actor"), await jsonBody(c, ComplaintSchema)), 201));
router.get("/complaints/:id", async (c) => c.json(await service.getComplaint(D(c), c.get("actor"), c.req.param("id"), queryOf(c, OnQuery).on)));
router.post("/complaints/:id/events", async (c) => {
  const body = await jsonBody(c, ComplaintEventSchema);
  return c.json(await service.addComplaintEvent(D(c), c.get("actor"), c.req.param("id"), body as Parameters<typeof service.addComplaintEvent>[3]));
});
router.get("/complaints/:id/letter", async (c) => {
  const q = queryOf(c, LetterQuery);
  const input = await service.complaintLetterInput(D(c), c.get("actor"), c.req.param("id"), q.kind, q.on, q.reasons);
  await service.auditExport(D(c), c.get("actor"), "complaint-letter", { complaintId: c.req.param("id"), kind: q.kind });
  return download(await rendered(() => renderComplaintLetterPdf(input)), "application/pdf", `klage-${q.kind}-${c.req.param("id").slice(0, 8)}.pdf`);
});

router.get("/appeals", async (c) => c.json(await service.listAppeals55(D(c), c.get("actor"), queryOf(c, Appeal55Query))));
router.post("/appeals", async (c) => c.json(await service.openAppeal55(D(c), c.get("actor"), await jsonBody(c, Appeal55Schema)), 201));
router.get("/appeals/:id", async (c) => c.json(await service.getAppeal55(D(c), c.get("actor"), c.req.param("id"), queryOf(c, OnQuery).on)));
router.post("/appeals/:id/events", async (c) => {
  await service.appeal55Or404(D(c), c.get("actor"), c.req.param("id")); // 404 before the body is looked at
  const body = await jsonBody(c, Appeal55EventSchema);
  return c.json(await service.addAppeal55Event(D(c), c.get("actor"), c.req.param("id"), body as Parameters<typeof service.addAppeal55Event>[3]));
});
router.get("/appeals/:id/letter", async (c) => {
  await service.appeal55Or404(D(c), c.get("actor"), c.req.param("id"));
  const q = queryOf(c, Appeal55LetterQuery);
  const input = await service.appeal55LetterInput(D(c), c.get("actor"), c.req.param("id"), q.kind, q.on, q.statement);
  const pdf = await rendered(() => renderAppeal55LetterPdf(input));
  await service.auditExport(D(c), c.get("actor"), "appeal55-letter", { appealId: c.req.param("id"), kind: q.kind });
  return download(pdf, "application/pdf", `klage-55-${q.kind}-${c.req.param("id").slice(0, 8)}.pdf`);
});

router.post("/documents/:id/revoke", async (c) => c.json(await service.revokeDocument(D(c), c.get("actor"), c.req.param("id"), await jsonBody(c, RevokeSchema))));
router.get("/documents/:id/pdf", async (c) => {
  queryOf(c, PdfQuery);
  const { row, input } = await service.documentInput(D(c), c.get("actor"), c.req.param("id"));
  return download(await rendered(() => renderEksamenDocumentPdf(input)), "application/pdf", `${row.kind}-${row.number}.pdf`);
});

router.get("/export39", async (c) => {
  const q = queryOf(c, ExportQuery);
  const r = await service.export39(D(c), c.get("actor"), q);
  if (q.format === "json") return c.json(r);
  return download(service.export39Csv(r.rows), "text/csv; charset=utf-8", `karakterindberetning-39${q.termId ? `-${q.termId.slice(0, 8)}` : ""}.csv`);
});

// ---------------------------------------------------------------------------------------------------------- openapi

const P = "/api/eksamen";
const TAG = "Eksamen (seed 002)";
const op = (method: "get" | "post" | "put", path: string, summary: string, extra: Partial<OpenApiOp> = {}): OpenApiOp => ({ method, path: `${P}${path}`, summary, tag: TAG, response: Obj, ...extra });

export const eksamenOps: OpenApiOp[] = [
  op("get", "/subjects", "Subjects", { response: z.array(Obj) }),
  op("post", "/subjects", "Add a subject", { body: SubjectSchema }),
  op("get", "/teachers", "Teachers (examiners)", { response: z.array(Obj) }),
  op("post", "/teachers", "Add a teacher", { body: TeacherSchema }),
  op("get", "/terms", "Exam terms (§ 3)", { response: z.array(Obj) }),
  op("post", "/terms", "Add a term", { body: TermSchema }),
  op("get", "/terms/:id/plan", "The term plan per day with censor status"),
  op("get", "/terms/:id/censor-assignment", "The term's censor assignment (saved) and what is left (§ 27)"),
  op("post", "/terms/:id/censor-assignment", "Assign censors to the term's exams without one (§ 27), saved", { body: AssignSchema }),
  op("get", "/examinees", "Examinees (CPR masked)", { query: ExamineeQuery, response: z.array(Obj) }),
  op("post", "/examinees", "Add an examinee (CPR through the kernel parser)", { body: ExamineeSchema }),
  op("get", "/examinees/:id", "An examinee with grades, registrations, complaints, documents, history"),
  op("put", "/examinees/:id", "Correct an examinee (new version; 409 when stale)", { body: ExamineeUpdateSchema }),
  op("get", "/examinees/:id/diploma", "Diploma preview with the exam result step by step (§§ 35, 40–42)"),
  op("get", "/examinees/:id/documents", "The document ledger of an examinee (§ 36)", { response: z.array(Obj) }),
  op("post", "/examinees/:id/documents", "Issue an original, a copy or the English certified copy (§§ 34, 36)", { body: IssueSchema }),
  op("post", "/examinees/:id/leaver-documents", "Issue a leaver's prøvebevis or deltagerbevis (§ 37; ledger rules of § 36; 422 with findings)", { body: LeaverSchema }),
  op("get", "/teams", "Teams", { query: TermQuery, response: z.array(Obj) }),
  op("post", "/teams", "Add a team", { body: TeamSchema }),
  op("get", "/exams", "Exams", { query: TermQuery, response: z.array(Obj) }),
  op("post", "/exams", "Add an exam with its § 12 form", { body: ExamSchema }),
  op("get", "/exams/:id", "An exam with its registrations"),
  op("get", "/registrations", "Registrations", { query: RegQuery, response: z.array(Obj) }),
  op("post", "/registrations/check", "§§ 7–8 findings for a registration, without saving", { body: RegistrationSchema }),
  op("post", "/registrations", "Register for an exam (§§ 7–8; 422 when refused)", { body: RegistrationSchema }),
  op("post", "/registrations/import", "Import registrations from CSV, all or nothing", { body: z.string(), bodyMediaType: "text/csv" }),
  op("get", "/censors", "Censors", { response: z.array(Obj) }),
  op("post", "/censors", "Add a censor", { body: CensorSchema }),
  op("get", "/censors/:id", "A censor with assignment history and load"),
  op("post", "/censors/:id/history", "Record an earlier censorship (§ 27)", { body: HistorySchema }),
  op("post", "/grades", "Enter a grade (7-trinsskala; 422 with the § when bad; nothing half-saved)", { body: GradeSchema }),
  op("get", "/grades/:id", "A grade with its versions"),
  op("put", "/grades/:id", "Correct a grade (new version; 409 when stale)", { body: GradeUpdateSchema }),
  op("post", "/grades/import", "Import grades from CSV, all or nothing", { body: z.string(), bodyMediaType: "text/csv" }),
  op("post", "/merits", "Record a merit (§ 35, stk. 2)", { body: MeritSchema }),
  op("post", "/special-conditions", "Special exam conditions (§ 19)", { body: SpecialSchema }),
  op("post", "/cheating-cases", "A cheating case (§ 20); an expulsion voids the exam's grades", { body: CheatingSchema }),
  op("get", "/complaints", "Complaint cases with their next deadline", { query: ComplaintQuery, response: z.array(Obj) }),
  op("post", "/complaints", "Open a complaint case on an exam grade (§ 47)", { body: ComplaintSchema }),
  op("get", "/complaints/:id", "A complaint case: state, deadlines, possible outcomes (§ 50), events", { query: OnQuery }),
  op("post", "/complaints/:id/events", "One step of the complaint (§§ 47–55; 422 refused, 409 stale seq)", { body: ComplaintEventSchema }),
  op("get", "/complaints/:id/letter", "A complaint letter (PDF)", { query: LetterQuery, responseMediaType: "application/pdf" }),
  op("get", "/appeals", "§ 55 complaints about other decisions, with their next deadline", { query: Appeal55Query, response: z.array(Obj) }),
  op("post", "/appeals", "Open a § 55 complaint with its filing (2 weeks from the notification; 422 refused, nothing saved)", { body: Appeal55Schema }),
  op("get", "/appeals/:id", "A § 55 case: decision, state, deadline clock as of `on`, next steps, events", { query: OnQuery }),
  op("post", "/appeals/:id/events", "One step of a § 55 case (422 refused with the §, 409 stale seq)", { body: Appeal55EventSchema }),
  op("get", "/appeals/:id/letter", "A § 55 letter: receipt, or the statement with the 1-week comment deadline (PDF)", { query: Appeal55LetterQuery, responseMediaType: "application/pdf" }),
  op("post", "/documents/:id/revoke", "Recall (and destroy) a document (§ 36, stk. 2)", { body: RevokeSchema }),
  op("get", "/documents/:id/pdf", "The issued document as PDF", { query: PdfQuery, responseMediaType: "application/pdf" }),
  op("get", "/export39", "The § 39 grade report (CSV or JSON)", { query: ExportQuery, responseMediaType: "text/csv" }),
];

export const eksamenHttp: RulebookHttp = { prefix: P, router, ops: eksamenOps };
