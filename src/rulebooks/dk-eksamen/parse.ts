/**
 * Parsers for the grading data of seed 002: a level, an education, a grade part, and a whole exam or standpunkt grade
 * row as it comes from a form or a CSV file. Bad input gives an error finding with the paragraph it breaks and nothing
 * else (value null): a row is either whole or not made.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { parseGrade7 } from "../../kernel/grades/seven-step.ts";
import { parseCpr } from "../../kernel/ids/cpr.ts";
import { parseIsoDate } from "../../kernel/time/date.ts";
import { exFinding } from "./cite.ts";
import { COMPONENTS, EDUCATIONS, LEVELS, type Component, type Education, type ExamGrade, type Examinee, type GradePart, type Level, type StandpunktGrade, type Subject } from "./model.ts";

const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

/** "A", "B" or "C" (also lower case, "A-niveau"). The levels of § 40, stk. 1, nr. 1–3. */
export function parseLevel(input: string, field = "level"): Decision<Level | null> {
  const s = input.trim().toUpperCase().replace(/-?NIVEAU$/, "");
  if ((LEVELS as readonly string[]).includes(s)) return decision<Level | null>(s as Level);
  return decision<Level | null>(null, [
    exFinding(
      "input.level",
      "error",
      "§ 40, stk. 1",
      `Field "${field}": "${clip(input)}" is not a level; the levels are A, B and C.`,
      `Feltet "${field}": "${clip(input)}" er ikke et niveau; niveauerne er A, B og C.`,
      field,
      clip(input),
    ),
  ]);
}

const EDU_ALIASES: Record<string, Education> = { hf: "hf2", "2-årig hf": "hf2", "2-aarig hf": "hf2", gs: "gsk" };

/** One of stx, hhx, htx, hf2 (also "hf", "2-årig hf"), eux, avu, fvu, gsk (also "gs"). */
export function parseEducation(input: string, field = "education"): Decision<Education | null> {
  const s = input.trim().toLowerCase();
  const e = (EDUCATIONS as readonly string[]).includes(s) ? (s as Education) : EDU_ALIASES[s];
  if (e !== undefined) return decision<Education | null>(e);
  return decision<Education | null>(null, [
    exFinding(
      "input.education",
      "error",
      "§ 1, stk. 3",
      `Field "${field}": "${clip(input)}" is not an education covered by the order (${EDUCATIONS.join(", ")}).`,
      `Feltet "${field}": "${clip(input)}" er ikke en uddannelse omfattet af bekendtgørelsen (${EDUCATIONS.join(", ")}).`,
      field,
      clip(input),
    ),
  ]);
}

const PARTS: Record<string, GradePart> = {
  written: "written",
  skriftlig: "written",
  s: "written",
  oral: "oral",
  mundtlig: "oral",
  m: "oral",
  practical: "practical",
  praktisk: "practical",
  p: "practical",
  combined: "combined",
  samlet: "combined",
};

/** The form of the answer a grade belongs to: "Skriftlig", "Mundtlig", "Praktisk" (§ 12, stk. 1, nr. 3) or "samlet". */
export function parseGradePart(input: string, field = "part"): Decision<GradePart | null> {
  const p = PARTS[input.trim().toLowerCase()];
  if (p !== undefined) return decision<GradePart | null>(p);
  return decision<GradePart | null>(null, [
    exFinding(
      "input.part",
      "error",
      "§ 12, stk. 1, nr. 3",
      `Field "${field}": "${clip(input)}" is not a form of answer (skriftlig, mundtlig, praktisk or samlet).`,
      `Feltet "${field}": "${clip(input)}" er ikke en besvarelsesform (skriftlig, mundtlig, praktisk eller samlet).`,
      field,
      clip(input),
    ),
  ]);
}

/** A grade row as typed: every field text; `level` empty for a component without a level. */
export interface GradeRowInput {
  id: string;
  examineeId: string;
  subjectCode: string;
  subjectName: string;
  component?: string;
  level: string;
  part: string;
  grade: string;
  date: string;
}

interface ParsedCommon {
  subject: Subject;
  level?: Level;
  part: GradePart;
  grade: ExamGrade["grade"];
  date: string;
}

function parseCommon(row: GradeRowInput): Decision<ParsedCommon | null> {
  const because: Finding[] = [];
  let component: Component | undefined;
  if (row.component !== undefined && row.component.trim() !== "") {
    const c = row.component.trim().toLowerCase();
    if ((COMPONENTS as readonly string[]).includes(c)) component = c as Component;
    else
      because.push(
        exFinding("input.component", "error", "§ 40, stk. 1", `Unknown component "${clip(row.component)}".`, `Ukendt element "${clip(row.component)}".`, "component", clip(row.component)),
      );
  }
  let level: Level | undefined;
  if (row.level.trim() !== "") {
    const l = parseLevel(row.level);
    because.push(...l.because);
    if (l.value !== null) level = l.value;
  } else if (component === undefined || component === "idraet" || component === "teknikfag")
    because.push(
      exFinding(
        "input.level-missing",
        "error",
        "§ 40, stk. 1",
        `Field "level": ${row.subjectCode} is weighted by its level (A, B or C); the level is missing.`,
        `Feltet "level": ${row.subjectCode} vægtes efter sit niveau (A, B eller C); niveauet mangler.`,
        "level",
      ),
    );
  const part = parseGradePart(row.part);
  because.push(...part.because);
  const grade = parseGrade7(row.grade);
  because.push(...grade.because);
  const date = parseIsoDate(row.date.trim());
  if (date === undefined)
    because.push(exFinding("input.date", "error", "§ 35, stk. 1", `Field "date": "${clip(row.date)}" is not a date (YYYY-MM-DD); the date decides which grade came later.`, `Feltet "date": "${clip(row.date)}" er ikke en dato (ÅÅÅÅ-MM-DD).`, "date", clip(row.date)));
  if (row.subjectCode.trim() === "")
    because.push(exFinding("input.subject-missing", "error", "§ 35, stk. 1", 'Field "subjectCode": the subject is missing.', 'Feltet "subjectCode": faget mangler.', "subjectCode"));
  if (because.some((f) => f.severity === "error") || part.value === null || grade.value === null || date === undefined) return decision<ParsedCommon | null>(null, because);
  const subject: Subject = { code: row.subjectCode.trim(), name: { da: row.subjectName.trim() || row.subjectCode.trim() } };
  if (component !== undefined) subject.component = component;
  const out: ParsedCommon = { subject, part: part.value, grade: grade.value, date };
  if (level !== undefined) out.level = level;
  return decision<ParsedCommon | null>(out, because);
}

/** An exam grade row; value null with findings when any field is bad (nothing half-made). */
export function parseExamGradeRow(row: GradeRowInput): Decision<ExamGrade | null> {
  const c = parseCommon(row);
  if (c.value === null) return decision<ExamGrade | null>(null, c.because);
  return decision<ExamGrade | null>({ id: row.id, examineeId: row.examineeId, ...c.value, status: "valid" }, c.because);
}

/** A standpunkt grade row; value null with findings when any field is bad. */
export function parseStandpunktRow(row: GradeRowInput): Decision<StandpunktGrade | null> {
  const c = parseCommon(row);
  if (c.value === null) return decision<StandpunktGrade | null>(null, c.because);
  return decision<StandpunktGrade | null>({ id: row.id, examineeId: row.examineeId, ...c.value }, c.because);
}

/** An examinee as typed. */
export interface ExamineeRowInput {
  id: string;
  cpr: string;
  name: string;
  education: string;
  /** "ja"/"nej", "yes"/"no", "true"/"false": a coherent programme (§ 42, stk. 1) rather than single subjects. */
  coherent: string;
  /** When the 2-, 3- or 4-year course began (§ 58, stk. 3). */
  programmeStart: string;
}

const YES = new Set(["ja", "yes", "true", "1"]);
const NO = new Set(["nej", "no", "false", "0"]);

/**
 * An examinee from a form or a file: the CPR number through the kernel's parser (its findings cite facts.md and never
 * echo the full number), the education, the coherent flag and the course start. Value null when any field is bad.
 */
export function parseExamineeRow(row: ExamineeRowInput): Decision<Examinee | null> {
  const because: Finding[] = [];
  const cpr = parseCpr(row.cpr, "cpr");
  because.push(...cpr.because);
  const edu = parseEducation(row.education);
  because.push(...edu.because);
  const c = row.coherent.trim().toLowerCase();
  const coherent = YES.has(c) ? true : NO.has(c) ? false : undefined;
  if (coherent === undefined)
    because.push(
      exFinding(
        "input.coherent",
        "error",
        "§ 42, stk. 1",
        `Field "coherent": "${clip(row.coherent)}" is neither yes nor no (a coherent programme or single subjects).`,
        `Feltet "coherent": "${clip(row.coherent)}" er hverken ja eller nej (sammenhængende uddannelse eller enkeltfag).`,
        "coherent",
        clip(row.coherent),
      ),
    );
  const start = parseIsoDate(row.programmeStart.trim());
  if (start === undefined)
    because.push(
      exFinding(
        "input.programme-start",
        "error",
        "§ 58, stk. 3",
        `Field "programmeStart": "${clip(row.programmeStart)}" is not a date (YYYY-MM-DD); the course start decides which § 40 applies.`,
        `Feltet "programmeStart": "${clip(row.programmeStart)}" er ikke en dato (ÅÅÅÅ-MM-DD); forløbets start afgør, hvilken § 40 der gælder.`,
        "programmeStart",
        clip(row.programmeStart),
      ),
    );
  if (row.name.trim() === "")
    because.push(exFinding("input.name", "error", "§ 34, stk. 1", 'Field "name": the name is missing (it is printed on the certificate).', 'Feltet "name": navnet mangler (det skrives på beviset).', "name"));
  if (because.some((f) => f.severity === "error") || cpr.value === null || edu.value === null || coherent === undefined || start === undefined)
    return decision<Examinee | null>(null, because);
  return decision<Examinee | null>(
    { id: row.id, cpr: cpr.value, name: row.name.trim(), education: edu.value, coherent, programmeStart: start },
    because,
  );
}
