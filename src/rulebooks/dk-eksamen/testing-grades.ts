/**
 * Test builders for the grading side of the exam rulebook (diplomas, exam result, mandatory exams). Used by tests only.
 */
import type { Cpr } from "../../kernel/ids/cpr.ts";
import { grade7 } from "../../kernel/grades/seven-step.ts";
import type {
  Component,
  Education,
  ExamGrade,
  Examinee,
  GradePart,
  GradeRecord,
  Level,
  MeritAssessment,
  MeritEntry,
  StandpunktGrade,
  Subject,
} from "./model.ts";

export const subj = (code: string, component?: Component): Subject => {
  const s: Subject = { code, name: { da: code, en: code } };
  if (component !== undefined) s.component = component;
  return s;
};

export function examinee(education: Education, over: Partial<Examinee> = {}): Examinee {
  return { id: "e1", cpr: "0101051234" as Cpr, name: "Test Elev", education, coherent: true, programmeStart: "2021-08-01", ...over };
}

let seq = 0;
const nextId = (p: string) => `${p}${++seq}`;

export function exam(
  code: string | Subject,
  level: Level | undefined,
  part: GradePart,
  grade: number,
  date = "2024-06-10",
  over: Partial<ExamGrade> = {},
): ExamGrade {
  const g: ExamGrade = {
    id: nextId("x"),
    examineeId: "e1",
    subject: typeof code === "string" ? subj(code) : code,
    part,
    grade: grade7(grade),
    date,
    status: "valid",
    ...over,
  };
  if (level !== undefined) g.level = level;
  return g;
}

export function sp(code: string | Subject, level: Level | undefined, part: GradePart, grade: number, date = "2024-05-31", over: Partial<StandpunktGrade> = {}): StandpunktGrade {
  const g: StandpunktGrade = {
    id: nextId("s"),
    examineeId: "e1",
    subject: typeof code === "string" ? subj(code) : code,
    part,
    grade: grade7(grade),
    date,
    ...over,
  };
  if (level !== undefined) g.level = level;
  return g;
}

export function merit(code: string | Subject, level: Level | undefined, part: GradePart, assessment: MeritAssessment, date = "2023-06-20"): MeritEntry {
  const m: MeritEntry = {
    id: nextId("m"),
    examineeId: "e1",
    subject: typeof code === "string" ? subj(code) : code,
    part,
    assessment,
    source: "Anden institution",
    date,
  };
  if (level !== undefined) m.level = level;
  return m;
}

export function record(e: Examinee, examGrades: ExamGrade[] = [], standpunkt: StandpunktGrade[] = [], merits: MeritEntry[] = []): GradeRecord {
  return { examinee: e, examGrades, standpunkt, merits };
}
