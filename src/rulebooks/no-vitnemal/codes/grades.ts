/**
 * The assessment expressions of seed 003 §5 as data: the six grades with number and word (§5.1), the other
 * expressions of §5.2 (as printed and as entered in the data system), the conduct grades of §5.6 and the exam forms
 * of §6.1. Each row says whether it means "passed" and cites its section.
 */
import type { Citation } from "../../../kernel/law.ts";
import { seed003 } from "../cite.ts";
import type { ConductGrade, ExamForm, Grade, OtherExpression, Vurdering } from "../model.ts";

export interface GradeRow {
  grade: Grade;
  /** The word printed after the number (§5.1 "med tall og bokstaver"). */
  nb: string;
  en: string;
  /** §5.1 "Karakterene 2 til 6 betyr at faget er bestått." */
  passed: boolean;
  cite: Citation;
}

/**
 * §5.1 "De seks karaktergradene fører dere med tall og bokstaver på dokumentasjonen": 6 seks, 5 fem, 4 fire, 3 tre,
 * 2 to, 1 en. (The seed's table lost the digits 4 and 2 in transcription; the words are in order.)
 */
export const GRADES: readonly GradeRow[] = [
  { grade: 6, nb: "seks", en: "six", passed: true, cite: seed003("5.1") },
  { grade: 5, nb: "fem", en: "five", passed: true, cite: seed003("5.1") },
  { grade: 4, nb: "fire", en: "four", passed: true, cite: seed003("5.1") },
  { grade: 3, nb: "tre", en: "three", passed: true, cite: seed003("5.1") },
  { grade: 2, nb: "to", en: "two", passed: true, cite: seed003("5.1") },
  { grade: 1, nb: "en", en: "one", passed: false, cite: seed003("5.1") },
];

export interface ExpressionRow {
  code: OtherExpression;
  /** The expression's name (§5.2 "Vurderingsuttrykk"). */
  name: string;
  /** What stands on the document ("Ut på dokumentasjon"). */
  printed: string;
  /** BM prints differently on a fag-/svennebrev ("Bestått meget godt") and on a vitnemål with yrkeskompetanse ("BM"). */
  printedOnFagbrev?: string;
  en: string;
  /** Whether the expression means the subject (or test) is passed. */
  passed: boolean;
  /** Whether §2.6 counts it as a grade for the "År" column ("Deltatt og bestått/bestått meget godt … karakterer"). */
  countsAsGradeForYear: boolean;
  cite: Citation;
  note?: string;
}

/** §5.2 "Andre vurderingsformer/-uttrykk". */
export const EXPRESSIONS: readonly ExpressionRow[] = [
  { code: "BM", name: "Bestått meget godt", printed: "BM", printedOnFagbrev: "Bestått meget godt", en: "Passed with distinction", passed: true, countsAsGradeForYear: true, cite: seed003("5.2") },
  { code: "B", name: "Bestått", printed: "Bestått", en: "Passed", passed: true, countsAsGradeForYear: true, cite: seed003("5.2") },
  { code: "IB", name: "Ikke bestått", printed: "Ikke bestått", en: "Not passed", passed: false, countsAsGradeForYear: true, cite: seed003("5.2") },
  {
    code: "D",
    name: "Deltatt",
    printed: "Deltatt",
    en: "Participated",
    passed: true,
    countsAsGradeForYear: true,
    cite: seed003("5.2"),
    note: "The seed does not say whether «Deltatt» is passed; bevis treats it as not blocking a vitnemål (it stands on vitnemål for SAS4000 §4.7 and NOR3001–ENG3003 with FAM19/FAM26 §10.1).",
  },
  { code: "F", name: "Fritatt", printed: "Fritatt", en: "Exempt", passed: true, countsAsGradeForYear: false, cite: seed003("5.2") },
  { code: "GK", name: "Godkjent", printed: "Godkjent", en: "Approved", passed: true, countsAsGradeForYear: false, cite: seed003("5.2") },
  { code: "IV", name: "Ikke vurderingsgrunnlag", printed: "IV", en: "No basis for assessment", passed: false, countsAsGradeForYear: false, cite: seed003("5.2") },
  { code: "IM", name: "Ikke møtt", printed: "IM", en: "Did not attend", passed: false, countsAsGradeForYear: false, cite: seed003("5.2") },
];

export const isGrade = (v: Vurdering): v is Grade => typeof v === "number";

export function gradeRow(g: Grade): GradeRow {
  const row = GRADES.find((r) => r.grade === g);
  if (row === undefined) throw new Error(`no grade ${String(g)}`);
  return row;
}

export function expressionRow(code: OtherExpression): ExpressionRow {
  const row = EXPRESSIONS.find((r) => r.code === code);
  if (row === undefined) throw new Error(`no expression ${code}`);
  return row;
}

/** Whether one assessment on its own means "passed" (§5.1, §5.2). Grade 1 alone is not passed (see pass.ts for exam). */
export function vurderingPassed(v: Vurdering): boolean {
  return isGrade(v) ? gradeRow(v).passed : expressionRow(v).passed;
}

/**
 * The text of a cell: a grade as number and word ("5 fem"), another expression as printed (§5.1, §5.2).
 * `onFagbrev` picks «Bestått meget godt» instead of «BM».
 */
export function vurderingText(v: Vurdering, onFagbrev = false): string {
  if (isGrade(v)) return `${v} ${gradeRow(v).nb}`;
  const row = expressionRow(v);
  return onFagbrev && row.printedOnFagbrev !== undefined ? row.printedOnFagbrev : row.printed;
}

/** Parses what a data system holds: "1"–"6" or one of BM, B, IB, D, F, GK, IV, IM (§5.2 "Føring i datasystem"). */
export function parseVurdering(s: string): Vurdering | undefined {
  const t = s.trim().toUpperCase();
  if (/^[1-6]$/.test(t)) return Number(t) as Grade;
  return EXPRESSIONS.find((r) => r.code === t)?.code;
}

export interface ConductRow {
  code: ConductGrade;
  nb: string;
  en: string;
  cite: Citation;
}

/** §5.6 "Dere fører karakterer i orden og i adferd som «God», «Nokså god», «Lite god»". */
export const CONDUCT_GRADES: readonly ConductRow[] = [
  { code: "G", nb: "God", en: "Good", cite: seed003("5.6") },
  { code: "NG", nb: "Nokså god", en: "Fairly good", cite: seed003("5.6") },
  { code: "LG", nb: "Lite god", en: "Poor", cite: seed003("5.6") },
];

export interface ExamFormRow {
  code: ExamForm;
  nb: string;
  en: string;
  cite: Citation;
}

/** §6.1 "Dere kan føre følgende eksamensformer": S, M, MP, P. */
export const EXAM_FORMS: readonly ExamFormRow[] = [
  { code: "S", nb: "Skriftlig eksamen", en: "Written exam", cite: seed003("6.1") },
  { code: "M", nb: "Muntlig eksamen", en: "Oral exam", cite: seed003("6.1") },
  { code: "MP", nb: "Muntlig-praktisk eksamen", en: "Oral-practical exam", cite: seed003("6.1") },
  { code: "P", nb: "Praktisk eksamen", en: "Practical exam", cite: seed003("6.1") },
];
