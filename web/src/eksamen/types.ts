/**
 * The /api/eksamen contract (src/rulebooks/dk-eksamen/API.md) as the web pages read it, and the module's small data
 * hook. Types mirror API.md; they are plain JSON (dates are "YYYY-MM-DD", grades 7-trinsskala strings, exact rationals
 * `{ exact, da, en }`).
 */
import { useCallback, useEffect, useState } from "react";
import { get, type Finding } from "../api.ts";

export const API = "/api/eksamen";

export type Level = "A" | "B" | "C";
export type Education = "stx" | "hhx" | "htx" | "hf2" | "eux" | "avu" | "fvu" | "gsk";
export type Part = "written" | "oral" | "practical" | "combined";
export type AnswerForm = "written" | "oral" | "practical";

export interface Subject {
  code: string;
  name: { da: string; en?: string };
  component?: string;
}

export interface ExamForm {
  basis: { forlaeg: string; otherMaterial: boolean };
  course: { timeMinutes: number; draw: boolean; preparationMinutes: number; examinationMinutes: number };
  answer: AnswerForm[];
  electronic: boolean;
  multiSubject: boolean;
  group: boolean;
  setBy: "ministry" | "institution";
}

export interface Term {
  id: string;
  name: string;
  start: string;
  end: string;
  selfStudyDeadline: string | null;
}

export interface Teacher {
  id: string;
  name: string;
  initials: string;
}

export interface Examinee {
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

export interface Exam {
  id: string;
  termId: string;
  subject: Subject;
  level: Level | null;
  part: Part;
  date: string;
  form: ExamForm;
  examinerIds: string[];
  teamId: string | null;
  censorId: string | null;
  censorName: string | null;
  registrations: number;
}

export interface Registration {
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

export interface Censor {
  id: string;
  name: string;
  employedAt: string[];
  subjects: { subject: string; level?: Level }[];
  capacity: number;
}

export type ReplacementReason = "error-reassessment" | "error-retest" | "annulment-retest" | "complaint-reassessment" | "complaint-retest";

export interface Grade {
  id: string;
  version: number;
  kind: "exam" | "standpunkt";
  examineeId: string;
  subject: Subject;
  level: Level | null;
  part: Part;
  grade: string;
  date: string;
  announcedOn: string | null;
  termId: string | null;
  examId: string | null;
  status: "valid" | "void";
  replaces: { gradeId: string; reason: ReplacementReason } | null;
  specialConditions: boolean;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
}

export interface Merit {
  id: string;
  examineeId: string;
  subject: Subject;
  level: Level | null;
  part: Part;
  assessment: { kind: string; grade?: string; certificate?: string };
  source: string;
  date: string;
}

export type DocumentCopy = "original" | "copy" | "english-certified-copy";
export type DocumentKind = "eksamensbevis" | "proevebevis" | "deltagerbevis";

export interface DocumentRow {
  id: string;
  number: string;
  examineeId: string;
  kind: DocumentKind;
  copy: DocumentCopy;
  issuedOn: string;
  issuedBy: string;
  revokedOn: string | null;
  destroyed: boolean;
  revokeReason: string | null;
}

export type DeadlineId = "file" | "statements" | "comments" | "accept" | "appeal" | "appeal-comments";

export interface Deadline {
  id: DeadlineId;
  party: string;
  due: string;
  kind: "hard" | "normal";
  status: "open" | "met" | "overdue";
  daysLeft: number;
  ref: string;
}

export interface ComplaintSummary {
  id: string;
  examineeId: string;
  examineeName: string;
  gradeId: string;
  subject: Subject;
  level: Level | null;
  part: Part;
  state: string;
  nextDeadline: Deadline | null;
}

export interface ExamineeDetail extends Examinee {
  grades: Grade[];
  standpunkt: Grade[];
  merits: Merit[];
  registrations: Registration[];
  complaints: ComplaintSummary[];
  documents: DocumentRow[];
  history: { version: number; recordedAt: string; recordedBy: string; reason: string | null; name: string }[];
}

export interface CensorAssignment {
  termId: string;
  assigned: { examId: string; censorId: string; censorName: string; subject: Subject | string; level: Level | null; date: string }[];
  unassigned: { examId: string; subject: Subject | string; level: Level | null; date: string; reason: "no-eligible-censor" | "capacity"; finding: Finding }[];
  load: { censorId: string; name: string; exams: number; capacity: number }[];
  findings: Finding[];
}

export interface TermPlan {
  term: Term;
  exams: Exam[];
  days: { date: string; exams: number }[];
  unassigned: number;
  findings: Finding[];
}

export type ComplaintActor = "examinee" | "custody-holder" | "leader" | "institution" | "assessors" | "ministry";
export type ComplaintOutcome = "reassessment" | "retest" | "not-upheld";

export interface ComplaintExam {
  education: Education;
  answer: AnswerForm[];
  setBy: "ministry" | "institution";
  gradeAnnouncedOn: string;
  originalGrade: string | number;
  assessorCount: number;
  ministryAppointedCensor: boolean;
  underCustody?: boolean;
  diplomaIssued?: boolean;
}

export interface ComplaintCase {
  exam: ComplaintExam;
  state: string;
  grounds: string[];
  filedBy?: "examinee" | "custody-holder";
  dates: Record<string, string | undefined>;
  outcome?: ComplaintOutcome;
  decidedBy?: "leader" | "ministry";
  appealUnder?: "§ 54" | "§ 55";
  newGrade?: string | number;
  diplomaRecalled?: boolean;
}

export interface ComplaintView {
  id: string;
  seq: number;
  examinee: { id: string; name: string };
  grade: Grade | null;
  exam: ComplaintExam;
  case: ComplaintCase;
  deadlines: Deadline[];
  possibleOutcomes: { value: ComplaintOutcome[]; because: Finding[] };
  allowedEvents: { event: string; actors: ComplaintActor[]; ref: string }[];
  events: { seq: number; on: string; actor: ComplaintActor; event: { type: string } & Record<string, unknown>; recordedAt: string; recordedBy: string; findings: Finding[] }[];
  findings: Finding[];
}

export interface Exact {
  exact: string;
  da: string;
  en: string;
}

export interface DiplomaLineView {
  subject: Subject;
  level: Level | null;
  part: Part;
  source: "exam" | "standpunkt" | "merit";
  grade: string | null;
  merit: string | null;
  counts: boolean;
  date: string;
  from: string[];
}

export interface ResultStep {
  subject: Subject;
  level: Level | null;
  part: Part;
  source: "exam" | "standpunkt" | "merit";
  grade: string;
  subjectWeight: Exact;
  shares: number;
  weight: Exact;
  contribution: Exact;
  ref: string;
}

export interface ResultView {
  weightsSource: string;
  steps: ResultStep[];
  totalWeight: Exact;
  weightedSum: Exact;
  preliminary: Exact;
  passed: boolean;
  aLevelSubjects: string[];
  extraALevels: 0 | 1 | 2;
  factor: Exact;
  final: Exact;
}

export interface DiplomaPreview {
  examinee: Examinee;
  kind: "eksamensbevis" | "proevebevis" | null;
  lines: DiplomaLineView[];
  result: ResultView | null;
  explanation: { da: string[]; en: string[] };
  findings: Finding[];
  issuable: boolean;
}

/** GET a path; `reload` fetches again. A null path loads nothing. */
export function useLoad<T>(path: string | null): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [n, setN] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setError(undefined);
    get<T>(path, ctl.signal).then(setData, (e: unknown) => {
      if (!ctl.signal.aborted) setError(e);
    });
    return () => ctl.abort();
  }, [path, n]);
  return { data, error, reload: useCallback(() => setN((x) => x + 1), []) };
}

/** Roles (API.md): leader decides complaints and revokes documents; grade = write roles + lærer. */
export const LEADER_ROLES = ["admin", "leder", "ledelse"];
export const GRADE_ROLES = ["admin", "leder", "ledelse", "tap", "laerer"];

/** The 7-trinsskala (for the grade entry's suggestions; the server parses and refuses anything else). */
export const SCALE = ["12", "10", "7", "4", "02", "00", "-3"] as const;

/** Today in Copenhagen as YYYY-MM-DD (a form default only; the user may change it; the server decides with it). */
export function today(): string {
  return new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
}

export const subjectName = (s: Subject | string, lang: "da" | "en"): string => (typeof s === "string" ? s : lang === "en" ? (s.name.en ?? s.name.da) : s.name.da);
