/**
 * Diplomas (Kapitel 8, "Beviser", §§ 34–38 of seed 002): what an eksamensbevis shows (§ 35), how many originals and
 * copies may exist (§§ 34, 36), the certificates a leaver has a right to (§ 37) and how long the data is kept (§ 38).
 *
 * Pure: the caller passes the examinee's grades and the documents already issued; the decision date is an input.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { formatGrade7, type Grade7 } from "../../kernel/grades/seven-step.ts";
import { addMonths, type IsoDate } from "../../kernel/time/date.ts";
import { exFinding } from "./cite.ts";
import {
  GYMNASIAL_OR_EUX,
  LEVEL_RANK,
  type DiplomaKind,
  type Education,
  type ExamGrade,
  type GradePart,
  type GradeRecord,
  type IssuedDocument,
  type Level,
  type MeritAssessment,
  type MeritEntry,
  type ReplacementReason,
  type Subject,
} from "./model.ts";

// ---------------------------------------------------------------------------------------------------------------
// § 35: the content of the diploma

/** Where a diploma line comes from. */
export type LineSource = "exam" | "standpunkt" | "merit";

/**
 * One line of an eksamensbevis or prøvebevis. It never carries anything about særlige prøvevilkår (§ 35, stk. 3):
 * the type has no such field, and `diplomaContent` builds lines field by field.
 */
export interface DiplomaLine {
  subject: Subject;
  level?: Level;
  part: GradePart;
  source: LineSource;
  /** The grade shown (exam, standpunkt, or a merit given as a grade). */
  grade?: Grade7;
  /** For a merit: its assessment as the diploma shows it (»Bestået«, »Godkendt«, a grade, a competence certificate). */
  merit?: MeritAssessment;
  /** Whether the line counts in the exam result (§ 35, stk. 2: stx AP and NV are shown without counting; a merit without a grade has no number). */
  counts: boolean;
  /** The ids of the records behind the line (for the step-by-step view). */
  from: string[];
  /** The date of the grade shown. */
  date: IsoDate;
}

export interface DiplomaContent {
  examineeId: string;
  education: Education;
  lines: DiplomaLine[];
}

/** How a replacement grade combines with the grade it replaces. */
const MAY_BE_LOWER: Record<ReplacementReason, boolean> = {
  // "Ombedømmelse eller omprøve kan ikke resultere i en lavere karakter, medmindre omprøven skyldes annullering af
  // den oprindelige prøve, jf. § 45, stk. 3." (§ 46, stk. 1)
  "error-reassessment": false,
  "error-retest": false,
  "annulment-retest": true,
  // "Ombedømmelse og omprøve kan resultere i en lavere karakter." (§ 53, stk. 5)
  "complaint-reassessment": true,
  "complaint-retest": true,
};

const REASON_REF: Record<ReplacementReason, string> = {
  "error-reassessment": "§ 46, stk. 1",
  "error-retest": "§ 46, stk. 1",
  "annulment-retest": "§ 46, stk. 1",
  "complaint-reassessment": "§ 53, stk. 5",
  "complaint-retest": "§ 53, stk. 5",
};

/** One sitting of an exam after re-assessments and retests of it are applied: the grade that stands for it. */
interface Attempt {
  subject: Subject;
  level?: Level;
  part: GradePart;
  grade: Grade7;
  date: IsoDate;
  from: string[];
  merit?: MeritAssessment;
  source: "exam" | "merit";
}

const slotKey = (code: string, level: Level | undefined, part: GradePart) => `${code}|${level ?? "-"}|${part}`;
const byDateThenId = <T extends { date: IsoDate; id: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Applies re-assessments and retests (ombedømmelse, omprøve) to the exam grades: each chain of replacements becomes
 * one attempt whose grade is the last one, except that a re-assessment or retest after an error (§ 45) never lowers
 * the grade (§ 46, stk. 1), while one after an annulment (§ 45, stk. 3) or a complaint may (§ 46, stk. 1; § 53,
 * stk. 5). Grades that "bortfalder" after an expulsion (§ 20, stk. 4) are left out.
 */
export function resolveAttempts(grades: readonly ExamGrade[]): Decision<Attempt[]> {
  const because: Finding[] = [];
  const valid = grades.filter((g) => g.status === "valid");
  for (const g of grades)
    if (g.status === "void")
      because.push(
        exFinding(
          "diploma.void-grade-left-out",
          "info",
          "§ 20, stk. 4",
          `The grade of ${g.subject.code} on ${g.date} is void after an expulsion and is not shown ("eventuelle karakterer bortfalder").`,
          `Karakteren i ${g.subject.code} fra ${g.date} er bortfaldet efter bortvisning og medtages ikke.`,
          "examGrades",
          g.id,
        ),
      );
  const byId = new Map(valid.map((g) => [g.id, g]));
  const root = new Map<string, string>(); // grade id -> id of the first grade of its chain
  const rootOf = (id: string, seen = new Set<string>()): string | undefined => {
    const cached = root.get(id);
    if (cached !== undefined) return cached;
    const g = byId.get(id);
    if (g === undefined || seen.has(id)) return undefined;
    seen.add(id);
    const r = g.replaces === undefined ? id : rootOf(g.replaces.gradeId, seen);
    if (r !== undefined) root.set(id, r);
    return r;
  };
  const attempts = new Map<string, Attempt>();
  // Depth in its chain (0 = an original sitting): replacements are applied in chain order, whatever their dates.
  const depth = (g: ExamGrade): number => {
    let d = 0;
    const seen = new Set<string>();
    for (let cur: ExamGrade | undefined = g; cur?.replaces !== undefined && !seen.has(cur.id); d++) {
      seen.add(cur.id);
      cur = byId.get(cur.replaces.gradeId);
    }
    return d;
  };
  const ordered = [...valid].sort((a, b) => depth(a) - depth(b) || byDateThenId(a, b));
  for (const g of ordered) {
    const r = rootOf(g.id);
    if (r === undefined) {
      because.push(
        exFinding(
          "diploma.replaced-grade-missing",
          "error",
          g.replaces === undefined ? "§ 35, stk. 1" : REASON_REF[g.replaces.reason],
          `Grade ${g.id} replaces grade ${g.replaces?.gradeId ?? "?"}, which is not among the examinee's valid grades (or the replacements form a loop).`,
          `Karakter ${g.id} erstatter karakter ${g.replaces?.gradeId ?? "?"}, som ikke findes blandt eksaminandens gyldige karakterer (eller erstatningerne danner en løkke).`,
          "examGrades",
          g.id,
        ),
      );
      continue;
    }
    const prev = attempts.get(r);
    if (prev === undefined || g.replaces === undefined) {
      attempts.set(r, { subject: g.subject, level: g.level, part: g.part, grade: g.grade, date: g.date, from: [g.id], source: "exam" });
      continue;
    }
    const lowerAllowed = MAY_BE_LOWER[g.replaces.reason];
    const keepOld = !lowerAllowed && g.grade < prev.grade;
    attempts.set(r, { ...prev, grade: keepOld ? prev.grade : g.grade, date: keepOld ? prev.date : g.date, from: [...prev.from, g.id] });
    because.push(
      exFinding(
        keepOld ? "diploma.replacement-not-lower" : "diploma.replacement-applied",
        "info",
        REASON_REF[g.replaces.reason],
        keepOld
          ? `${g.subject.code}: the new assessment (${formatGrade7(g.grade)}) is lower than ${formatGrade7(prev.grade)}; after an error it cannot lower the grade, so ${formatGrade7(prev.grade)} stands.`
          : `${g.subject.code}: ${formatGrade7(g.grade)} from the ${g.replaces.reason.endsWith("retest") ? "retest" : "re-assessment"} replaces ${formatGrade7(prev.grade)}.`,
        keepOld
          ? `${g.subject.code}: den nye bedømmelse (${formatGrade7(g.grade)}) er lavere end ${formatGrade7(prev.grade)}; efter fejl og mangler kan den ikke give en lavere karakter, så ${formatGrade7(prev.grade)} står.`
          : `${g.subject.code}: ${formatGrade7(g.grade)} fra ${g.replaces.reason.endsWith("retest") ? "omprøven" : "ombedømmelsen"} erstatter ${formatGrade7(prev.grade)}.`,
        "examGrades",
        g.id,
      ),
    );
  }
  return decision([...attempts.values()], because);
}

/** Which subjects were later examined at a higher level, with the date of the first such exam: code -> (rank, date). */
function laterHigherLevelExams(attempts: readonly Attempt[]): Map<string, { rank: number; date: IsoDate }[]> {
  const m = new Map<string, { rank: number; date: IsoDate }[]>();
  for (const a of attempts) {
    if (a.level === undefined) continue;
    const list = m.get(a.subject.code) ?? [];
    list.push({ rank: LEVEL_RANK[a.level], date: a.date });
    m.set(a.subject.code, list);
  }
  return m;
}

/**
 * The lines of the eksamensbevis (§ 35):
 *
 * - "Når der er aflagt flere prøver på samme niveau i et fag og dermed givet flere karakterer, anføres den højest
 *   opnåede karakter på eksamensbeviset, jf. dog § 46 og § 53, stk. 5." (stk. 1) — per subject, level and part the
 *   highest grade of the attempts (a merit given as a grade is an attempt: a "meritoverført prøve"); a re-assessment
 *   or retest replaces the grade it re-assesses rather than competing with it (`resolveAttempts`).
 * - "Når der er aflagt prøve på et lavere niveau i et fag, som eleven eller kursisten efterfølgende aflægger prøve i
 *   på et højere niveau, kan prøvekarakteren for det lavere niveau ikke medtages på eksamensbeviset." (stk. 1) —
 *   decision: the lower level's standpunkt grades go too (they were not "afsluttende", the subject went on).
 * - "Eksamensbeviset skal indeholde oplysninger om afsluttende standpunktskarakterer, hvor disse gives." (stk. 2)
 * - "I stx skal karakteren for almen sprogforståelse og naturvidenskabeligt grundforløb oplyses uden at være
 *   medtællende i det samlede eksamensresultat." (stk. 2)
 * - merits "med angivelse af eventuelt opnået bedømmelse som »Bestået«, »Godkendt« eller en karakter" and merit "givet
 *   på grundlag af et kompetencebevis" are shown (stk. 2).
 * - "Beviset må ikke indeholde oplysninger om særlige prøvevilkår, jf. § 19." (stk. 3)
 *
 * The result does not depend on the order of the input lists.
 */
export function diplomaContent(record: GradeRecord): Decision<DiplomaContent> {
  const { examinee } = record;
  const resolved = resolveAttempts(record.examGrades.filter((g) => g.examineeId === examinee.id));
  const because: Finding[] = [...resolved.because];
  const attempts: Attempt[] = [...resolved.value];
  const otherMerits: MeritEntry[] = [];
  for (const m of [...record.merits].sort(byDateThenId)) {
    if (m.examineeId !== examinee.id) continue;
    if (m.assessment.kind === "grade")
      attempts.push({ subject: m.subject, level: m.level, part: m.part, grade: m.assessment.grade, date: m.date, from: [m.id], merit: m.assessment, source: "merit" });
    else otherMerits.push(m);
  }

  // § 35, stk. 1, 2nd sentence: a lower level examined before a later exam at a higher level is dropped.
  const higher = laterHigherLevelExams(attempts);
  const droppedByHigher = (code: string, level: Level | undefined, date: IsoDate): boolean =>
    level !== undefined && (higher.get(code) ?? []).some((h) => h.rank > LEVEL_RANK[level] && h.date >= date);
  const kept: Attempt[] = [];
  for (const a of attempts) {
    if (droppedByHigher(a.subject.code, a.level, a.date)) {
      because.push(
        exFinding(
          "diploma.lower-level-dropped",
          "info",
          "§ 35, stk. 1",
          `${a.subject.code} ${a.level ?? ""}: the grade ${formatGrade7(a.grade)} is not shown, because the subject was later examined at a higher level.`,
          `${a.subject.code} ${a.level ?? ""}: karakteren ${formatGrade7(a.grade)} medtages ikke, da der efterfølgende er aflagt prøve i faget på et højere niveau.`,
          "examGrades",
          a.from[0],
        ),
      );
      continue;
    }
    if (a.level !== undefined && (higher.get(a.subject.code) ?? []).some((h) => h.rank > LEVEL_RANK[a.level!] && h.date < a.date))
      because.push(
        exFinding(
          "diploma.lower-level-after-higher",
          "warning",
          "§ 35, stk. 1",
          `${a.subject.code} ${a.level}: this exam was taken after an exam at a higher level; § 35 only drops a lower level examined before the higher one, so it is shown (check access under § 7, stk. 2).`,
          `${a.subject.code} ${a.level}: prøven er aflagt efter en prøve på et højere niveau; § 35 udelader kun et lavere niveau, der er aflagt før, så karakteren vises (jf. adgang efter § 7, stk. 2).`,
          "examGrades",
          a.from[0],
        ),
      );
    kept.push(a);
  }

  // § 35, stk. 1, 1st sentence: the highest grade per subject, level and part.
  const slots = new Map<string, Attempt[]>();
  for (const a of kept) {
    const k = slotKey(a.subject.code, a.level, a.part);
    slots.set(k, [...(slots.get(k) ?? []), a]);
  }
  const lines: DiplomaLine[] = [];
  for (const list of slots.values()) {
    // highest grade; among equals the earliest (then the smallest id), so the choice never depends on input order
    const best = [...list].sort((x, y) => y.grade - x.grade || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || (x.from[0]! < y.from[0]! ? -1 : 1))[0]!;
    if (list.length > 1)
      because.push(
        exFinding(
          "diploma.highest-grade",
          "info",
          "§ 35, stk. 1",
          `${best.subject.code} ${best.level ?? ""} (${best.part}): ${list.length} grades at the same level (${list.map((a) => formatGrade7(a.grade)).join(", ")}); the highest, ${formatGrade7(best.grade)}, is shown.`,
          `${best.subject.code} ${best.level ?? ""} (${best.part}): ${list.length} karakterer på samme niveau (${list.map((a) => formatGrade7(a.grade)).join(", ")}); den højeste, ${formatGrade7(best.grade)}, anføres.`,
          "examGrades",
          best.from[0],
        ),
      );
    const line: DiplomaLine = {
      subject: best.subject,
      part: best.part,
      source: best.source,
      grade: best.grade,
      counts: true,
      from: best.from,
      date: best.date,
    };
    if (best.level !== undefined) line.level = best.level;
    if (best.merit !== undefined) line.merit = best.merit;
    lines.push(line);
  }

  // § 35, stk. 2: final standpunkt grades (decision: a lower level's are dropped with its exam, see above).
  const spSeen = new Map<string, string>();
  for (const s of [...record.standpunkt].sort(byDateThenId)) {
    if (s.examineeId !== examinee.id) continue;
    if (droppedByHigher(s.subject.code, s.level, s.date) || laterHigherStandpunkt(record, s.subject.code, s.level, s.date)) {
      because.push(
        exFinding(
          "diploma.lower-level-standpunkt-dropped",
          "info",
          "§ 35, stk. 1",
          `${s.subject.code} ${s.level ?? ""}: the standpunkt grade ${formatGrade7(s.grade)} is not final, because the subject went on at a higher level; it is not shown.`,
          `${s.subject.code} ${s.level ?? ""}: standpunktskarakteren ${formatGrade7(s.grade)} er ikke afsluttende, da faget er fortsat på et højere niveau; den medtages ikke.`,
          "standpunkt",
          s.id,
        ),
      );
      continue;
    }
    const k = slotKey(s.subject.code, s.level, s.part);
    const earlier = spSeen.get(k);
    if (earlier !== undefined) {
      because.push(
        exFinding(
          "diploma.standpunkt-twice",
          "error",
          "§ 35, stk. 2",
          `${s.subject.code} ${s.level ?? ""} (${s.part}) has two final standpunkt grades (${earlier} and ${s.id}); there can be only one.`,
          `${s.subject.code} ${s.level ?? ""} (${s.part}) har to afsluttende standpunktskarakterer (${earlier} og ${s.id}); der kan kun være én.`,
          "standpunkt",
          s.id,
        ),
      );
      continue;
    }
    spSeen.set(k, s.id);
    const line: DiplomaLine = { subject: s.subject, part: s.part, source: "standpunkt", grade: s.grade, counts: true, from: [s.id], date: s.date };
    if (s.level !== undefined) line.level = s.level;
    lines.push(line);
  }

  // § 35, stk. 2: merits without a grade are shown and do not count (they have no number).
  for (const m of otherMerits) {
    if (droppedByHigher(m.subject.code, m.level, m.date)) {
      because.push(
        exFinding(
          "diploma.lower-level-dropped",
          "info",
          "§ 35, stk. 1",
          `${m.subject.code} ${m.level ?? ""}: the merit is not shown, because the subject was later examined at a higher level.`,
          `${m.subject.code} ${m.level ?? ""}: meritten medtages ikke, da der efterfølgende er aflagt prøve i faget på et højere niveau.`,
          "merits",
          m.id,
        ),
      );
      continue;
    }
    const line: DiplomaLine = { subject: m.subject, part: m.part, source: "merit", merit: m.assessment, counts: false, from: [m.id], date: m.date };
    if (m.level !== undefined) line.level = m.level;
    lines.push(line);
  }

  // § 35, stk. 2: stx AP and NV are shown without counting.
  if (examinee.education === "stx")
    for (const l of lines)
      if (l.subject.component === "ap" || l.subject.component === "nv") {
        l.counts = false;
        because.push(
          exFinding(
            "diploma.stx-ap-nv-not-counted",
            "info",
            "§ 35, stk. 2",
            `${l.subject.name.en ?? l.subject.name.da}: shown on the diploma without counting in the exam result.`,
            `${l.subject.name.da}: oplyses uden at være medtællende i det samlede eksamensresultat.`,
            "lines",
            l.from[0],
          ),
        );
      }

  lines.sort(compareLines);
  return decision({ examineeId: examinee.id, education: examinee.education, lines }, because);
}

/** A standpunkt grade at a lower level is not final when the same subject has a standpunkt grade at a higher level dated the same day or later. */
function laterHigherStandpunkt(record: GradeRecord, code: string, level: Level | undefined, date: IsoDate): boolean {
  if (level === undefined) return false;
  return record.standpunkt.some(
    (o) => o.examineeId === record.examinee.id && o.subject.code === code && o.level !== undefined && LEVEL_RANK[o.level] > LEVEL_RANK[level] && o.date >= date,
  );
}

const SOURCE_ORDER: Record<LineSource, number> = { exam: 0, standpunkt: 1, merit: 2 };
const PART_ORDER: Record<GradePart, number> = { written: 0, oral: 1, practical: 2, combined: 3 };

/** Diploma order: subject code, higher level first, exam before standpunkt before merit, written before oral. */
export function compareLines(a: DiplomaLine, b: DiplomaLine): number {
  if (a.subject.code !== b.subject.code) return a.subject.code < b.subject.code ? -1 : 1;
  const la = a.level === undefined ? 0 : LEVEL_RANK[a.level];
  const lb = b.level === undefined ? 0 : LEVEL_RANK[b.level];
  return lb - la || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || PART_ORDER[a.part] - PART_ORDER[b.part] || (a.from[0]! < b.from[0]! ? -1 : a.from[0]! > b.from[0]! ? 1 : 0);
}

/** How a merit assessment is written on the diploma (§ 35, stk. 2). */
export function meritText(m: MeritAssessment): { da: string; en: string } {
  switch (m.kind) {
    case "passed":
      return { da: "Bestået", en: "Passed" };
    case "approved":
      return { da: "Godkendt", en: "Approved" };
    case "grade":
      return { da: formatGrade7(m.grade), en: formatGrade7(m.grade) };
    case "competence-certificate":
      return { da: `Merit på grundlag af kompetencebevis (${m.certificate})`, en: `Credit on the basis of a competence certificate (${m.certificate})` };
    case "none":
      return { da: "Merit", en: "Credit" };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// §§ 34, 36: originals and copies

export interface IssueRequest {
  examineeId: string;
  kind: DiplomaKind;
  copy: IssuedDocument["copy"];
  on: IsoDate;
  /** For a copy: the examinee says the original is lost ("bortkommet", § 36, stk. 1). */
  originalLost?: boolean;
  /** For the English certified copy: the examinee asked for it (§ 34, stk. 2). */
  requestedByExaminee?: boolean;
  /** The institution withholds the certificate while a case about errors or a complaint is open (§ 46, stk. 2; § 52, stk. 2). */
  withheld?: boolean;
}

/** An original that is still valid: not (recalled and destroyed). */
const standingOriginals = (ledger: readonly IssuedDocument[], examineeId: string, kind: DiplomaKind) =>
  ledger.filter((d) => d.examineeId === examineeId && d.kind === kind && d.copy === "original" && !(d.revokedOn !== undefined && d.destroyed === true));

/**
 * Whether a document may be issued now:
 * - original: "Der må kun udstedes ét originalbevis for en prøve eller eksamen" (§ 36, stk. 1) — "Institutionen kan
 *   udstede et nyt originalt bevis, hvis det først udstedte bevis inddrages og tilintetgøres." (§ 36, stk. 2)
 * - copy: "Institutionen udleverer efter anmodning kopi af prøve- eller eksamensbevis, hvis det originale bevis er
 *   bortkommet." (§ 36, stk. 1)
 * - English: "Efter eksaminandens anmodning skal beviset tillige udfærdiges på engelsk som bekræftet kopi." (§ 34, stk. 2)
 * - withheld: "Institutionen kan tilbageholde prøve- eller eksamensbevis, indtil sagen er afgjort." (§ 46, stk. 2)
 */
export function mayIssue(ledger: readonly IssuedDocument[], req: IssueRequest): Decision<boolean> {
  const standing = standingOriginals(ledger, req.examineeId, req.kind);
  const no = (rule: string, ref: string, en: string, da: string) => decision(false, [exFinding(rule, "error", ref, en, da, "copy", req.copy)]);
  if (req.withheld === true)
    return no(
      "document.withheld",
      "§ 46, stk. 2",
      "The certificate is withheld until the case is decided.",
      "Beviset tilbageholdes, indtil sagen er afgjort.",
    );
  if (req.copy === "original") {
    if (standing.length > 0) {
      const recalledOnly = standing.every((d) => d.revokedOn !== undefined);
      return no(
        "document.one-original",
        recalledOnly ? "§ 36, stk. 2" : "§ 36, stk. 1",
        recalledOnly
          ? "The first original has been recalled but not recorded as destroyed; a new original needs both."
          : `An original ${req.kind} has already been issued (${standing[0]!.issuedOn}); only one original may exist.`,
        recalledOnly
          ? "Det først udstedte bevis er inddraget, men ikke registreret som tilintetgjort; et nyt originalt bevis kræver begge dele."
          : `Der er allerede udstedt et originalt bevis (${standing[0]!.issuedOn}); der må kun udstedes ét originalbevis.`,
      );
    }
    const replaced = ledger.some((d) => d.examineeId === req.examineeId && d.kind === req.kind && d.copy === "original");
    return decision(true, [
      exFinding(
        replaced ? "document.new-original" : "document.original",
        "info",
        replaced ? "§ 36, stk. 2" : "§ 36, stk. 1",
        replaced ? "The first original was recalled and destroyed, so a new original may be issued." : "No original has been issued yet.",
        replaced ? "Det først udstedte bevis er inddraget og tilintetgjort, så et nyt originalt bevis kan udstedes." : "Der er endnu ikke udstedt et originalt bevis.",
      ),
    ]);
  }
  if (standing.length === 0)
    return no(
      "document.no-original",
      req.copy === "copy" ? "§ 36, stk. 1" : "§ 34, stk. 2",
      "There is no valid original to copy.",
      "Der findes ikke et gyldigt originalt bevis at tage kopi af.",
    );
  if (req.copy === "copy") {
    if (req.originalLost !== true)
      return no(
        "document.copy-only-if-lost",
        "§ 36, stk. 1",
        'A copy is handed out on request "if the original certificate is lost"; the request does not say it is lost.',
        "Kopi udleveres efter anmodning, hvis det originale bevis er bortkommet; anmodningen angiver ikke, at det er bortkommet.",
      );
    return decision(true, [exFinding("document.copy", "info", "§ 36, stk. 1", "The original is lost: a copy is handed out.", "Det originale bevis er bortkommet: der udleveres kopi.")]);
  }
  if (req.requestedByExaminee !== true)
    return no(
      "document.english-on-request",
      "§ 34, stk. 2",
      "The English certified copy is made at the examinee's request; there is no request.",
      "Beviset udfærdiges på engelsk som bekræftet kopi efter eksaminandens anmodning; der foreligger ingen anmodning.",
    );
  return decision(true, [
    exFinding("document.english-copy", "info", "§ 34, stk. 2", "At the examinee's request: the certificate in English as a certified copy.", "Efter eksaminandens anmodning: beviset på engelsk som bekræftet kopi."),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// § 37: certificates for leavers

export interface LeaverCertificates {
  /** Prøvebevis for the exams taken (with standpunkt grades where given), or null when no exam was taken. */
  proevebevis: DiplomaLine[] | null;
  /** Deltagerbevis for the completed subjects not drawn for an exam (with standpunkt grades where given), or null. */
  deltagerbevis: { subject: Subject; level?: Level; standpunkt: DiplomaLine[] }[] | null;
}

/**
 * "Elever og kursister i de 2- og 3-årige gymnasiale uddannelser og i et eux-forløb, der forlader uddannelsen eller
 * forløbet uden at have fuldført, har ret til at få prøvebevis for de aflagte prøver henholdsvis deltagerbevis for de
 * afsluttede fag, der ikke udtrækkes til prøve." (§ 37, stk. 1) — "I uddannelser, hvor der gives afsluttende
 * standpunktskarakter, skal opnåede karakterer tillige anføres på de i stk. 1 nævnte beviser." (stk. 2)
 *
 * `completedSubjects` are the subjects the leaver finished (afsluttede fag). The prøvebevis lines follow § 35 like
 * the diploma's.
 */
export function leaverCertificates(record: GradeRecord, completedSubjects: readonly { subject: Subject; level?: Level }[]): Decision<LeaverCertificates | null> {
  const e = record.examinee;
  if (!GYMNASIAL_OR_EUX.includes(e.education))
    return decision<LeaverCertificates | null>(null, [
      exFinding(
        "leaver.not-covered",
        "info",
        "§ 37, stk. 1",
        `§ 37 gives the right to leaver certificates in the 2- and 3-year upper secondary educations and eux; ${e.education} is not one of them (each exam is documented by its own prøvebevis, § 34).`,
        `§ 37 giver ret til beviser ved afbrudt uddannelse i de 2- og 3-årige gymnasiale uddannelser og eux; ${e.education} er ikke omfattet (hver prøve dokumenteres ved prøvebevis, § 34).`,
        "education",
        e.education,
      ),
    ]);
  if (e.leftOn === undefined)
    return decision<LeaverCertificates | null>(null, [
      exFinding("leaver.not-left", "error", "§ 37, stk. 1", "The examinee has not left the education (no leaving date).", "Eksaminanden har ikke forladt uddannelsen (ingen dato for udmeldelse).", "leftOn"),
    ]);
  const content = diplomaContent(record);
  const lines = content.value.lines;
  const examined = new Set(lines.filter((l) => l.source !== "standpunkt").map((l) => `${l.subject.code}|${l.level ?? "-"}`));
  const proeve = lines.filter((l) => examined.has(`${l.subject.code}|${l.level ?? "-"}`));
  const deltager = completedSubjects
    .filter((c) => !examined.has(`${c.subject.code}|${c.level ?? "-"}`))
    .map((c) => {
      const row: { subject: Subject; level?: Level; standpunkt: DiplomaLine[] } = {
        subject: c.subject,
        standpunkt: lines.filter((l) => l.source === "standpunkt" && l.subject.code === c.subject.code && l.level === c.level),
      };
      if (c.level !== undefined) row.level = c.level;
      return row;
    });
  return decision<LeaverCertificates | null>(
    { proevebevis: proeve.length > 0 ? proeve : null, deltagerbevis: deltager.length > 0 ? deltager : null },
    [
      ...content.because,
      exFinding(
        "leaver.entitled",
        "info",
        "§ 37, stk. 1",
        `Left on ${e.leftOn} without completing: a prøvebevis for ${proeve.filter((l) => l.source !== "standpunkt").length} exam line(s) and a deltagerbevis for ${deltager.length} subject(s) not drawn for an exam; standpunkt grades are included (stk. 2).`,
        `Udmeldt ${e.leftOn} uden at have fuldført: prøvebevis for ${proeve.filter((l) => l.source !== "standpunkt").length} prøvelinje(r) og deltagerbevis for ${deltager.length} fag, der ikke er udtrukket til prøve; standpunktskarakterer medtages (stk. 2).`,
        "leftOn",
        e.leftOn,
      ),
    ],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// § 38: retention

/** Years the data behind certificates is kept. */
export const RETENTION_YEARS = 30;

/**
 * "Institutionen opbevarer de oplysninger, der er nødvendige for at udstede prøve- og eksamensbeviser, i 30 år efter
 * eksamens eller prøvens afslutning." (§ 38, stk. 1) — the last day of the duty: the same calendar day 30 years
 * later (29 February → 28 February). The data may be deleted from the day after.
 */
export function retainUntil(completedOn: IsoDate): Decision<IsoDate> {
  const until = addMonths(completedOn, RETENTION_YEARS * 12);
  return decision(until, [
    exFinding(
      "retention.30-years",
      "info",
      "§ 38, stk. 1",
      `Completed ${completedOn}: the data needed for the certificate is kept until ${until} (30 years).`,
      `Afsluttet ${completedOn}: oplysningerne til beviset opbevares til og med ${until} (30 år).`,
      "completedOn",
      completedOn,
    ),
  ]);
}

/** Whether the data of an exam completed on `completedOn` may be deleted on `on` (§ 38, stk. 1). */
export function mayDeleteCertificateData(completedOn: IsoDate, on: IsoDate): Decision<boolean> {
  const until = retainUntil(completedOn);
  return decision(on > until.value, until.because);
}
