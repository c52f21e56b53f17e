/**
 * The exam result of the upper-secondary educations and eux (§§ 40–42 of seed 002, with the transition in § 58):
 * weights (§ 40), »Foreløbigt eksamensresultat« (preliminary exam result) as the weighted average of the grades on the
 * diploma and the pass requirement (§ 41), and »Eksamensresultat« with the A-level bonus ×1,03 / ×1,06 (§ 42).
 *
 * All arithmetic is exact (kernel `Rational`). Rounding happens only for display, in one named, cited step
 * (`EXAM_RESULT_DISPLAY`); the pass requirement is tested on the exact value.
 */
import { decision, versionOn, type Citation, type Decision, type Finding } from "../../kernel/law.ts";
import { formatGrade7, type Grade7 } from "../../kernel/grades/seven-step.ts";
import {
  add,
  compare,
  div,
  formatRational,
  mul,
  rational,
  rationalToString,
  ZERO,
  type Rational,
  type RoundingMode,
} from "../../kernel/rational.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { exFinding, facts } from "./cite.ts";
import type { DiplomaContent, DiplomaLine } from "./diploma.ts";
import { GYMNASIAL_OR_EUX, type Examinee, type GradePart, type Level, type Subject } from "./model.ts";
import { A_LEVEL_FACTORS, A_LEVELS_FOR_ONE_EXTRA, WEIGHT_VERSIONS, type WeightRow, type WeightTableVersion } from "./weights.ts";

// ---------------------------------------------------------------------------------------------------------------
// Display rounding: a cited setting

export interface DisplaySetting {
  decimals: number;
  mode: RoundingMode;
  cite: Citation;
  /** Why this setting: shown beside the number where the calculation is explained. */
  note: { da: string; en: string };
}

/**
 * How the exam result is shown. facts.md, "Rounding of the exam result": "not stated in the seed; UFM's BEK nr.
 * 114/2015 § 17 stk. 2 says »medtages én decimal« without saying round or truncate; DTU: a pass threshold »kan ikke
 * opfyldes ved oprunding«" — "compute exactly, test the pass rule on the unrounded value, display one decimal, make
 * the display rounding a cited setting".
 *
 * Decision (docs/rulebooks/002-eksamen.md): one decimal, rounded DOWN (floor), so the number shown is never above the
 * exact value and a failed result (e.g. 1,96) is never shown as "2,0". Another mode can be passed to `examResult`.
 */
export const EXAM_RESULT_DISPLAY: DisplaySetting = {
  decimals: 1,
  mode: "floor",
  cite: facts("Rounding of the exam result"),
  note: {
    da: "Beregnet eksakt; vist med én decimal, afrundet nedad, så et ikke-bestået resultat aldrig vises som bestået.",
    en: "Computed exactly; shown with one decimal, rounded down, so a failed result is never shown as a pass.",
  },
};

/** The pass requirement of § 41, stk. 1 (karakterbekendtgørelsen's beståkrav): at least 2,0. */
export const PASS_MINIMUM: Rational = rational(2);
export const PASS_CITE: Citation = facts("Pass requirement referred to in § 41");

// ---------------------------------------------------------------------------------------------------------------
// § 58: which order and which § 40

/** The day eksamensbekendtgørelsen 2010 came into force (§ 58, stk. 1). */
export const ORDER_IN_FORCE: IsoDate = "2010-09-01";

/**
 * "Bekendtgørelsen træder i kraft den 1. september 2010 og har virkning for prøver, der påbegyndes efter denne dato."
 * (§ 58, stk. 1). Decision: an exam that begins on 1 September 2010 itself is covered too — the order is in force
 * that day and the former order is repealed by it (stk. 2), so no other order could govern it.
 */
export function orderAppliesToExam(examBegins: IsoDate): Decision<boolean> {
  const applies = examBegins >= ORDER_IN_FORCE;
  return decision(applies, [
    exFinding(
      applies ? "transition.order-applies" : "transition.former-order",
      "info",
      "§ 58, stk. 1",
      applies
        ? `An exam beginning ${examBegins} is governed by this order (in force 1 September 2010).`
        : `An exam beginning ${examBegins} began before this order took effect on 1 September 2010; the former order (BEK nr. 738 af 9. juli 2009) governs it.`,
      applies
        ? `En prøve, der påbegyndes ${examBegins}, er omfattet af bekendtgørelsen (i kraft 1. september 2010).`
        : `En prøve, der påbegyndes ${examBegins}, er påbegyndt før bekendtgørelsens ikrafttræden 1. september 2010; den tidligere bekendtgørelse (nr. 738 af 9. juli 2009) gælder.`,
      "examBegins",
      examBegins,
    ),
  ]);
}

/** The § 40 version for an examinee who began the course on `programmeStart` (§ 58, stk. 3). */
export function weightsFor(programmeStart: IsoDate): Decision<WeightTableVersion> {
  const v = versionOn(WEIGHT_VERSIONS, programmeStart);
  if (v === undefined) throw new Error("WEIGHT_VERSIONS must cover every date"); // guarded by the coverage test
  const before = v.rows === null;
  return decision(v, [
    exFinding(
      before ? "transition.weights-738-2009" : "transition.weights-2010",
      before ? "error" : "info",
      "§ 58, stk. 3",
      before
        ? `The course began ${programmeStart}, before 1 August 2010, so § 40 of BEK nr. 738 af 9. juli 2009 applies; its weights are not in the seed, so bevis cannot compute the exam result.`
        : `The course began ${programmeStart}: the weights of § 40 of this order apply.`,
      before
        ? `Forløbet er påbegyndt ${programmeStart}, før 1. august 2010, så § 40 i bekendtgørelse nr. 738 af 9. juli 2009 gælder; dens vægte findes ikke i grundlaget, så eksamensresultatet kan ikke beregnes.`
        : `Forløbet er påbegyndt ${programmeStart}: vægtene i denne bekendtgørelses § 40 gælder.`,
      "programmeStart",
      programmeStart,
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// §§ 40–42

/** One grade in the weighted average, with how its weight came about. */
export interface WeightedStep {
  subject: Subject;
  level?: Level;
  part: GradePart;
  source: DiplomaLine["source"];
  grade: Grade7;
  /** The weight of the subject (§ 40, stk. 1) … */
  subjectWeight: Rational;
  /** … split equally among this many grades of the subject (§ 40, stk. 2) … */
  shares: number;
  /** … gives this grade's weight. */
  weight: Rational;
  /** weight × grade */
  contribution: Rational;
  /** The item of § 40, stk. 1 that gave the subject weight. */
  ref: string;
  from: string[];
}

export interface ExamResult {
  weightsSource: string;
  steps: WeightedStep[];
  totalWeight: Rational;
  weightedSum: Rational;
  /** »Foreløbigt eksamensresultat«, exact. */
  preliminary: Rational;
  /** The pass requirement, tested on the exact preliminary result (§ 41, stk. 1). */
  passed: boolean;
  /** The distinct subjects at A level on the diploma (§ 42, stk. 2). */
  aLevelSubjects: string[];
  /** Extra A levels: 0, 1, or 2 meaning "2 eller flere". */
  extraALevels: 0 | 1 | 2;
  factor: Rational;
  /** »Eksamensresultat«, exact. */
  final: Rational;
  display: {
    setting: DisplaySetting;
    preliminary: { da: string; en: string };
    final: { da: string; en: string };
  };
}

function weightRowFor(rows: readonly WeightRow[], line: DiplomaLine, education: Examinee["education"]): WeightRow | undefined {
  const comp = line.subject.component;
  if (comp !== undefined) {
    const byComponent = rows.find((r) => "component" in r.key && r.key.component === comp && r.educations.includes(education));
    if (byComponent !== undefined) return byComponent;
  }
  if (line.level === undefined) return undefined;
  const lvl = line.level;
  return rows.find((r) => "level" in r.key && r.key.level === lvl && r.educations.includes(education));
}

const show = (r: Rational, s: DisplaySetting) => ({ da: formatRational(r, s.decimals, s.mode, ","), en: formatRational(r, s.decimals, s.mode, ".") });
const exact = (r: Rational) => rationalToString(r);

/**
 * The exam result of one examinee from the lines of the diploma (`diplomaContent`).
 *
 * - "Karakterer indgår med forskellig vægt i eksamensresultatet" (§ 40, stk. 1, nr. 1–10: `WEIGHTS_2010`); "For fag,
 *   der afsluttes med mere end én karakter, deles vægten ligeligt mellem karaktererne." (stk. 2) — a subject is its
 *   code and level; its weight is split over all of its counted grades on the diploma (exams, standpunkt, a merit
 *   grade).
 * - "»Foreløbigt eksamensresultat« beregnes som det vægtede gennemsnit, af de karakterer, der optræder på
 *   eksamensbeviset, herunder afsluttende standpunktskarakterer (årskarakterer)." (§ 41, stk. 2)
 * - "For at en elev eller kursist kan bestå en gymnasial eksamen, skal beståkravet ... være opfyldt for »Foreløbigt
 *   eksamensresultat«." (§ 41, stk. 1) — at least 2,0 (facts.md), on the exact value.
 * - "»Eksamensresultat« beregnes som »Foreløbigt eksamensresultat« multipliceret med 1,03 for gennemførelsen af ét
 *   ekstra fag på A-niveau og med 1,06 for gennemførelse af 2 eller flere ekstra fag på A-niveau. For øvrige elever og
 *   kursister er »Eksamensresultat« identisk med »Foreløbigt eksamensresultat«." (§ 42, stk. 1; thresholds stk. 2)
 *
 * Value null (with error findings) when the result cannot be computed: an education without an exam result, a
 * pre-August-2010 course (§ 58, stk. 3), a grade without a weight, or no counted grade at all.
 */
export function examResult(content: DiplomaContent, examinee: Examinee, setting: DisplaySetting = EXAM_RESULT_DISPLAY): Decision<ExamResult | null> {
  const because: Finding[] = [];
  const education = examinee.education;
  if (!GYMNASIAL_OR_EUX.includes(education))
    return decision<ExamResult | null>(null, [
      exFinding(
        "result.no-exam-result",
        "error",
        "§ 40, stk. 1",
        `${education} has no exam result: §§ 40–42 apply to the upper-secondary educations and eux only.`,
        `${education} har intet eksamensresultat: §§ 40-42 gælder kun de gymnasiale uddannelser og eux.`,
        "education",
        education,
      ),
    ]);

  const version = weightsFor(examinee.programmeStart);
  because.push(...version.because);
  const rows = version.value.rows;
  if (rows === null) return decision<ExamResult | null>(null, because);

  // § 40: the weight of each subject, split over its counted grades.
  const counted = content.lines.filter((l): l is DiplomaLine & { grade: Grade7 } => l.counts && l.grade !== undefined);
  const groups = new Map<string, { row: WeightRow; lines: (DiplomaLine & { grade: Grade7 })[] }>();
  let missingWeight = false;
  for (const l of counted) {
    const row = weightRowFor(rows, l, education);
    if (row === undefined) {
      missingWeight = true;
      because.push(
        exFinding(
          "result.no-weight",
          "error",
          "§ 40, stk. 1",
          `${l.subject.code}${l.level === undefined ? "" : ` ${l.level}`}: § 40 gives no weight to this grade in ${education} (neither a level nor a component it names).`,
          `${l.subject.code}${l.level === undefined ? "" : ` ${l.level}`}: § 40 tildeler ikke denne karakter en vægt i ${education} (hverken et niveau eller et element, den nævner).`,
          "lines",
          l.from[0],
        ),
      );
      continue;
    }
    const key = `${l.subject.code}|${l.level ?? "-"}`;
    const g = groups.get(key) ?? { row, lines: [] };
    g.lines.push(l);
    groups.set(key, g);
  }
  if (missingWeight) return decision<ExamResult | null>(null, because);

  const steps: WeightedStep[] = [];
  for (const { row, lines } of groups.values()) {
    const share = div(row.weight, rational(lines.length));
    for (const l of lines) {
      const step: WeightedStep = {
        subject: l.subject,
        part: l.part,
        source: l.source,
        grade: l.grade,
        subjectWeight: row.weight,
        shares: lines.length,
        weight: share,
        contribution: mul(share, rational(l.grade)),
        ref: row.ref,
        from: l.from,
      };
      if (l.level !== undefined) step.level = l.level;
      steps.push(step);
    }
    if (lines.length > 1)
      because.push(
        exFinding(
          "result.weight-split",
          "info",
          "§ 40, stk. 2",
          `${lines[0]!.subject.code}${lines[0]!.level === undefined ? "" : ` ${lines[0]!.level}`}: weight ${exact(row.weight)} (${row.ref}) split over ${lines.length} grades, ${exact(share)} each.`,
          `${lines[0]!.subject.code}${lines[0]!.level === undefined ? "" : ` ${lines[0]!.level}`}: vægten ${exact(row.weight)} (${row.ref}) deles ligeligt mellem ${lines.length} karakterer, ${exact(share)} hver.`,
          "lines",
          lines[0]!.subject.code,
        ),
      );
  }
  let totalWeight = ZERO;
  let weightedSum = ZERO;
  for (const s of steps) {
    totalWeight = add(totalWeight, s.weight);
    weightedSum = add(weightedSum, s.contribution);
  }
  if (totalWeight.n === 0n)
    return decision<ExamResult | null>(null, [
      ...because,
      exFinding(
        "result.no-grades",
        "error",
        "§ 41, stk. 2",
        "There is no counted grade on the diploma, so there is no weighted average.",
        "Der er ingen medtællende karakterer på beviset, så der er intet vægtet gennemsnit.",
        "lines",
      ),
    ]);

  // § 41: the preliminary result and the pass requirement on the exact value.
  const preliminary = div(weightedSum, totalWeight);
  because.push(
    exFinding(
      "result.preliminary",
      "info",
      "§ 41, stk. 2",
      `Foreløbigt eksamensresultat = ${exact(weightedSum)} / ${exact(totalWeight)} = ${exact(preliminary)} (weighted average of ${steps.length} grades, standpunkt grades included).`,
      `Foreløbigt eksamensresultat = ${exact(weightedSum)} / ${exact(totalWeight)} = ${exact(preliminary)} (vægtet gennemsnit af ${steps.length} karakterer, herunder standpunktskarakterer).`,
      "preliminary",
      exact(preliminary),
    ),
  );
  const passed = compare(preliminary, PASS_MINIMUM) >= 0;
  because.push(
    exFinding(
      passed ? "result.passed" : "result.not-passed",
      passed ? "info" : "warning",
      "§ 41, stk. 1",
      passed
        ? `The pass requirement is met: ${exact(preliminary)} ≥ 2,0 (${PASS_CITE.ref}).`
        : `The pass requirement is not met: ${exact(preliminary)} < 2,0, tested on the unrounded value (${PASS_CITE.ref}).`,
      passed
        ? `Beståkravet er opfyldt: ${exact(preliminary)} ≥ 2,0.`
        : `Beståkravet er ikke opfyldt: ${exact(preliminary)} < 2,0 (prøvet på den uafrundede værdi).`,
      "preliminary",
      exact(preliminary),
    ),
  );

  // § 42: the A-level bonus.
  const aLevelSubjects = [...new Set(content.lines.filter((l) => l.level === "A").map((l) => l.subject.code))].sort();
  const threshold = A_LEVELS_FOR_ONE_EXTRA[education];
  let extra: 0 | 1 | 2 = 0;
  // "i en sammenhængende gymnasial uddannelse ... eller i et eux-forløb": an eux-forløb qualifies as such.
  const eligible = examinee.coherent || education === "eux";
  if (!eligible || threshold === undefined) {
    because.push(
      exFinding(
        "result.no-bonus-not-coherent",
        "info",
        "§ 42, stk. 1",
        "Not a coherent upper-secondary programme: »Eksamensresultat« is identical to »Foreløbigt eksamensresultat«.",
        "Ikke en sammenhængende gymnasial uddannelse: »Eksamensresultat« er identisk med »Foreløbigt eksamensresultat«.",
        "coherent",
        examinee.coherent,
      ),
    );
  } else {
    const n = aLevelSubjects.length;
    extra = n >= threshold.count + 1 ? 2 : n === threshold.count ? 1 : 0;
    because.push(
      exFinding(
        extra === 0 ? "result.no-extra-a-level" : "result.extra-a-level",
        "info",
        extra === 0 ? "§ 42, stk. 1" : threshold.ref,
        `${n} subject(s) at A level (${aLevelSubjects.join(", ") || "none"}); in ${education} one extra A level means ${threshold.count} in all: ${extra === 0 ? "no extra A level, factor 1" : extra === 1 ? "one extra, factor 1,03" : "two or more extra, factor 1,06"}.`,
        `${n} fag på A-niveau (${aLevelSubjects.join(", ") || "ingen"}); i ${education} betyder ét ekstra fag på A-niveau samlet ${threshold.count}: ${extra === 0 ? "intet ekstra A-niveau, faktor 1" : extra === 1 ? "ét ekstra, faktor 1,03" : "2 eller flere ekstra, faktor 1,06"}.`,
        "aLevelSubjects",
        n,
      ),
    );
  }
  const factor = extra === 0 ? A_LEVEL_FACTORS.none : extra === 1 ? A_LEVEL_FACTORS.one : A_LEVEL_FACTORS.twoOrMore;
  const final = mul(preliminary, factor);
  because.push(
    exFinding(
      "result.final",
      "info",
      "§ 42, stk. 1",
      `Eksamensresultat = ${exact(preliminary)} × ${exact(factor)} = ${exact(final)}; shown as ${show(final, setting).en} (${setting.cite.ref}).`,
      `Eksamensresultat = ${exact(preliminary)} × ${exact(factor)} = ${exact(final)}; vises som ${show(final, setting).da}.`,
      "final",
      exact(final),
    ),
  );

  return decision<ExamResult | null>(
    {
      weightsSource: version.value.source,
      steps,
      totalWeight,
      weightedSum,
      preliminary,
      passed,
      aLevelSubjects,
      extraALevels: extra,
      factor,
      final,
      display: { setting, preliminary: show(preliminary, setting), final: show(final, setting) },
    },
    because,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The calculation step by step, for a diploma preview

/** An exact value as people read it: a terminating decimal in full ("0,75"), otherwise the fraction ("74/11"). */
export function formatExact(r: Rational, separator: "," | "."): string {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return `${r.n}/${r.d}`;
  return formatRational(r, Math.max(twos, fives), "truncate", separator);
}

const PART_TEXT: Record<GradePart, { da: string; en: string }> = {
  written: { da: "skriftlig", en: "written" },
  oral: { da: "mundtlig", en: "oral" },
  practical: { da: "praktisk", en: "practical" },
  combined: { da: "samlet", en: "combined" },
};
const SOURCE_TEXT: Record<DiplomaLine["source"], { da: string; en: string }> = {
  exam: { da: "prøve", en: "exam" },
  standpunkt: { da: "standpunkt", en: "year grade" },
  merit: { da: "merit", en: "credit" },
};

/**
 * The calculation of `examResult` as lines of text in Danish and English: one line per grade (grade × weight =
 * contribution, with the § 40 item), the sums, »Foreløbigt eksamensresultat«, the pass requirement, the A-level factor
 * and »Eksamensresultat« with the value shown and the display setting it was rounded by.
 */
export function explainExamResult(r: ExamResult): { da: string[]; en: string[] } {
  const da: string[] = [];
  const en: string[] = [];
  const X = (q: Rational, lang: "da" | "en") => formatExact(q, lang === "da" ? "," : ".");
  for (const s of r.steps) {
    const name = `${s.subject.code}${s.level === undefined ? "" : ` ${s.level}`}`;
    const g = formatGrade7(s.grade);
    const split = s.shares > 1 ? ` (${X(s.subjectWeight, "da")} / ${s.shares})` : "";
    const splitEn = s.shares > 1 ? ` (${X(s.subjectWeight, "en")} / ${s.shares})` : "";
    da.push(`${name}, ${PART_TEXT[s.part].da} ${SOURCE_TEXT[s.source].da}: ${g} × ${X(s.weight, "da")}${split} = ${X(s.contribution, "da")} [${s.ref}]`);
    en.push(`${name}, ${PART_TEXT[s.part].en} ${SOURCE_TEXT[s.source].en}: ${g} × ${X(s.weight, "en")}${splitEn} = ${X(s.contribution, "en")} [${s.ref}]`);
  }
  da.push(`Vægtet sum ${X(r.weightedSum, "da")}, sum af vægte ${X(r.totalWeight, "da")}`);
  en.push(`Weighted sum ${X(r.weightedSum, "en")}, sum of weights ${X(r.totalWeight, "en")}`);
  da.push(`Foreløbigt eksamensresultat = ${X(r.weightedSum, "da")} / ${X(r.totalWeight, "da")} = ${X(r.preliminary, "da")}, vises som ${r.display.preliminary.da} [§ 41, stk. 2]`);
  en.push(`Preliminary exam result = ${X(r.weightedSum, "en")} / ${X(r.totalWeight, "en")} = ${X(r.preliminary, "en")}, shown as ${r.display.preliminary.en} [§ 41, stk. 2]`);
  da.push(`Beståkrav (mindst 2,0 på den uafrundede værdi): ${r.passed ? "opfyldt" : "ikke opfyldt"} [§ 41, stk. 1]`);
  en.push(`Pass requirement (at least 2.0 on the unrounded value): ${r.passed ? "met" : "not met"} [§ 41, stk. 1]`);
  da.push(`Fag på A-niveau: ${r.aLevelSubjects.length}; faktor ${X(r.factor, "da")} [§ 42]`);
  en.push(`Subjects at A level: ${r.aLevelSubjects.length}; factor ${X(r.factor, "en")} [§ 42]`);
  da.push(`Eksamensresultat = ${X(r.preliminary, "da")} × ${X(r.factor, "da")} = ${X(r.final, "da")}, vises som ${r.display.final.da} [§ 42, stk. 1; ${r.display.setting.cite.ref}]`);
  en.push(`Exam result = ${X(r.preliminary, "en")} × ${X(r.factor, "en")} = ${X(r.final, "en")}, shown as ${r.display.final.en} [§ 42, stk. 1; ${r.display.setting.cite.ref}]`);
  return { da, en };
}
