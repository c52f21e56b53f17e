/**
 * Pass logic and the other rules of seed 003 §5 (Karakterer og andre vurderingsuttrykk):
 * - §5.1/§5.5: when a subject (fag) is passed — grades 2–6; standpunkt 1 lifted by an exam of 2 or better, except a
 *   tverrfaglig exam; subjects with one standpunkt and two exam forms vs. two or three standpunkt grades;
 * - §5.2: Fritatt and Godkjent count as passed; fag-/svenneprøve BM/B passed;
 * - §1.5 (= §9.2): the § 3-42 exception (FAM37) for up to two fellesfag with grade 1, never IV, only on vitnemål;
 * - §5.3 realkompetanse, §5.4 IV annuls the exam (and the tverrfaglig rule), §5.5 no failed subject on a vitnemål,
 *   §5.6 orden og adferd, §5.7 halvårsvurdering only on kompetansebevis (FAM33), §5.8 privatists at the highest level.
 *
 * Every function is pure and returns a Decision whose findings say which section decided.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { compareHalfYears, formatHalfYear, type HalfYear } from "../../kernel/time/half-year.ts";
import { formatSchoolYear } from "../../kernel/time/school-year.ts";
import { vmFinding } from "./cite.ts";
import { isGrade, vurderingText } from "./codes/grades.ts";
import type {
  ConductRecord,
  IssuedDocumentKind,
  MerknadUse,
  Status,
  SubjectResult,
  Vurdering,
} from "./model.ts";

export type PassState = "passed" | "notPassed" | "notAssessed";

/** How one assessment cell counts: passing, the grade 1 (liftable standpunkt), failing, or empty. */
type CellState = "pass" | "one" | "fail" | "none";

const PASSING_EXPRESSIONS: ReadonlySet<string> = new Set(["B", "BM", "F", "GK", "D"]);

function cell(v: Vurdering | null | undefined): CellState {
  if (v === undefined || v === null) return "none";
  if (isGrade(v)) return v >= 2 ? "pass" : "one";
  return PASSING_EXPRESSIONS.has(v) ? "pass" : "fail";
}

const show = (v: Vurdering | null | undefined): string => (v === undefined || v === null ? "—" : vurderingText(v));

interface ExamCell {
  fagkode: string;
  value: Vurdering;
  tverrfaglig: boolean;
}

/**
 * The core of §5.1/§5.5 for one standpunkt (possibly none) and the exams that count for it.
 *
 * §5.1 "Karakterene 2 til 6 betyr at faget er bestått. Fag med karakteren 1 i standpunkt er bestått når
 * eksamenskarakteren er 2 eller bedre. Det gjelder ikke dersom eksamenskarakteren er for en tverrfaglig eksamen."
 * §5.1 "… er hele faget bestått når eksamenene er bestått" — every exam that counts must be passed.
 * §5.2 "Føring av «Fritatt» eller «Godkjent» i videregående opplæring betyr at faget anses som bestått."
 */
function evaluate(
  fag: string,
  standpunkt: Vurdering | null | undefined,
  halvar: Vurdering | null | undefined,
  exams: ExamCell[],
): Decision<PassState> {
  const sp = cell(standpunkt);
  const failedExam = exams.find((e) => cell(e.value) === "fail" || cell(e.value) === "one");
  if (failedExam !== undefined)
    return decision<PassState>("notPassed", [
      vmFinding(
        "pass.exam-not-passed",
        "info",
        "5.1",
        `${fag}: eksamen i ${failedExam.fagkode} er ${show(failedExam.value)}; faget er bare bestått når eksamenene er bestått.`,
        `${fag}: the exam in ${failedExam.fagkode} is ${show(failedExam.value)}; the subject is passed only when its exams are passed.`,
        fag,
        show(failedExam.value),
      ),
    ]);
  if (sp === "fail")
    return decision<PassState>("notPassed", [
      vmFinding("pass.standpunkt-not-passed", "info", "5.2", `${fag}: standpunkt ${show(standpunkt)} betyr ikke bestått.`, `${fag}: standpunkt ${show(standpunkt)} means not passed.`, fag, show(standpunkt)),
    ]);
  if (sp === "one") {
    const lifting = exams.filter((e) => cell(e.value) === "pass" && isGrade(e.value));
    const ordinary = lifting.filter((e) => !e.tverrfaglig);
    if (ordinary.length > 0)
      return decision<PassState>("passed", [
        vmFinding(
          "pass.standpunkt-1-lifted",
          "info",
          "5.5",
          `${fag}: standpunkt 1, men eksamenskarakteren ${show(ordinary[0]?.value)} overstyrer standpunktkarakteren; faget er bestått. Standpunktkarakteren 1 skal føres på vitnemålet.`,
          `${fag}: standpunkt 1, but the exam grade ${show(ordinary[0]?.value)} overrides it; the subject is passed. The standpunkt 1 is printed on the vitnemål.`,
          fag,
          1,
        ),
      ]);
    if (lifting.length > 0)
      return decision<PassState>("notPassed", [
        vmFinding(
          "pass.tverrfaglig-does-not-lift",
          "info",
          "5.5",
          `${fag}: standpunkt 1; en tverrfaglig eksamen overstyrer ikke standpunktkarakteren — for fag som inngår i en tverrfaglig eksamen må standpunktkarakteren være 2 eller bedre.`,
          `${fag}: standpunkt 1; a tverrfaglig (interdisciplinary) exam does not override it — subjects in a tverrfaglig exam need standpunkt 2 or better.`,
          fag,
          1,
        ),
      ]);
    return decision<PassState>("notPassed", [
      vmFinding("pass.standpunkt-1", "info", "5.5", `${fag}: standpunkt 1 uten bestått eksamen er ikke bestått.`, `${fag}: standpunkt 1 without a passed exam is not passed.`, fag, 1),
    ]);
  }
  if (sp === "pass") return decision<PassState>("passed");
  // No standpunkt: a privatist's exam (or a fag-/svenneprøve) decides alone; else a halvårsvurdering (kompetansebevis).
  if (exams.length > 0) return decision<PassState>("passed");
  const hv = cell(halvar);
  if (hv === "pass") return decision<PassState>("passed");
  if (hv === "one" || hv === "fail") return decision<PassState>("notPassed");
  return decision<PassState>("notAssessed", [
    vmFinding("pass.not-assessed", "info", "5.1", `${fag}: ingen vurdering er ført.`, `${fag}: no assessment is recorded.`, fag),
  ]);
}

/** The fag a line belongs to: its `faggruppe`, else its own fagkode. */
export const fagOf = (s: SubjectResult): string => s.faggruppe ?? s.fagkode;

const hasValue = (v: Vurdering | null | undefined): v is Vurdering => v !== undefined && v !== null;

/**
 * Whether one fag (all lines with the same `faggruppe`) is passed.
 *
 * §5.1 "Når et fag uttrykkes med én standpunktkarakter, men eleven kan trekkes ut i to eksamensformer, er hele faget
 * bestått når eksamenene er bestått, uavhengig av hvilken eksamensform … Når et fag uttrykkes med to (eller tre)
 * standpunktkarakterer, gjelder eksamenen bare for den aktuelle standpunktkarakteren, ikke for begge."
 */
export function fagPassed(lines: readonly SubjectResult[]): Decision<PassState> {
  const first = lines[0];
  if (first === undefined) return decision<PassState>("notAssessed");
  const fag = fagOf(first);
  const withStandpunkt = lines.filter((l) => hasValue(l.standpunkt));
  const examOf = (l: SubjectResult): ExamCell[] =>
    hasValue(l.eksamen) ? [{ fagkode: l.fagkode, value: l.eksamen, tverrfaglig: l.tverrfagligExam === true }] : [];
  if (withStandpunkt.length <= 1) {
    // One standpunkt (or none): every exam of the fag counts for it.
    const sp = withStandpunkt[0];
    const halvar = lines.find((l) => hasValue(l.halvar))?.halvar;
    return evaluate(fag, sp?.standpunkt, halvar, lines.flatMap(examOf));
  }
  // Two or three standpunkt grades: each exam counts only for its own line.
  const because: Finding[] = [];
  let state: PassState = "passed";
  for (const l of lines) {
    const d = evaluate(`${fag} (${l.fagkode})`, l.standpunkt, l.halvar, examOf(l));
    because.push(...d.because);
    if (d.value === "notPassed") state = "notPassed";
    else if (d.value === "notAssessed" && state === "passed" && hasValue(l.standpunkt)) state = "notAssessed";
  }
  return decision(state, because);
}

/** Fag-/svenneprøve, praksisbrevprøve, kompetanseprøve: §5.2 "Bestått meget godt eller bestått betyr at prøven er bestått." */
export function finalTestPassed(line: SubjectResult): Decision<PassState> {
  const v = line.eksamen;
  if (!hasValue(v)) return decision<PassState>("notAssessed");
  const ok = v === "BM" || v === "B" || (isGrade(v) && v >= 2);
  return decision<PassState>(ok ? "passed" : "notPassed", [
    vmFinding(
      ok ? "pass.final-test-passed" : "pass.final-test-not-passed",
      "info",
      "5.2",
      `${line.fagkode}: prøven er ${ok ? "bestått" : "ikke bestått"} (${show(v)}).`,
      `${line.fagkode}: the test is ${ok ? "passed" : "not passed"} (${show(v)}).`,
      line.fagkode,
      show(v),
    ),
  ]);
}

export interface FagResult {
  fag: string;
  fagkoder: string[];
  state: PassState;
  /** All lines are fellesfag (FF). */
  fellesfag: boolean;
}

/** Groups lines by fag (`faggruppe` or fagkode), in first-seen order. */
export function groupByFag(subjects: readonly SubjectResult[]): Map<string, SubjectResult[]> {
  const groups = new Map<string, SubjectResult[]>();
  for (const s of subjects) {
    const key = fagOf(s);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [s]);
    else g.push(s);
  }
  return groups;
}

/** §5.1/§5.2 for every fag of a document. */
export function subjectsPassed(subjects: readonly SubjectResult[]): Decision<FagResult[]> {
  const because: Finding[] = [];
  const out: FagResult[] = [];
  for (const [fag, lines] of groupByFag(subjects)) {
    const finals = lines.filter((l) => l.finalTest !== undefined);
    const ordinary = lines.filter((l) => l.finalTest === undefined);
    const states: PassState[] = [];
    for (const f of finals) {
      const d = finalTestPassed(f);
      because.push(...d.because);
      states.push(d.value);
    }
    if (ordinary.length > 0) {
      const d = fagPassed(ordinary);
      because.push(...d.because);
      states.push(d.value);
    }
    const state: PassState = states.includes("notPassed") ? "notPassed" : states.includes("notAssessed") ? "notAssessed" : "passed";
    out.push({ fag, fagkoder: lines.map((l) => l.fagkode), state, fellesfag: lines.every((l) => l.fagtype === "FF") });
  }
  return decision(out, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §1.5 / §9.2 — the § 3-42 exception (FAM37)
// ---------------------------------------------------------------------------------------------------------------

export interface Section342Result {
  /** The fag the exception covers (at most two). */
  covered: string[];
  /** FAM37 per fagkode. */
  fam: { fagkode: string; merknad: MerknadUse }[];
}

/**
 * §1.5 "I noen tilfeller kan elever og lærlinger i yrkesfaglige utdanningsprogram som har fullført, men ikke bestått
 * inntil to av fellesfagene, likevel på visse vilkår få vitnemål som gir yrkeskompetanse. … Når rektor har vurdert og
 * godkjent at vilkårene er til stede, fører dere for aktuelle fag FAM37 … Dere kan bare føre fagmerknaden … i inntil to
 * fellesfag som har karakteren 1 (en). Eksempelvis vil norsk hovedmål skriftlig og norsk hovedmål muntlig (norskfaget)
 * være ett fag. Dette unntaket gjelder ikke for fag med «Ikke vurderingsgrunnlag» (IV) i karakterrubrikken."
 *
 * `approved` = the fag (faggruppe or fagkode) rektor approved. Returns the fag covered and the FAM37 lines; errors when
 * the exception is asked for where it cannot apply.
 */
export function section342Exception(
  subjects: readonly SubjectResult[],
  approved: readonly string[],
  opts: { document: IssuedDocumentKind; vocational: boolean },
): Decision<Section342Result> {
  const because: Finding[] = [];
  const result: Section342Result = { covered: [], fam: [] };
  if (approved.length === 0) return decision(result);
  const err = (rule: string, nb: string, en: string, fag?: string) =>
    because.push(vmFinding(`s342.${rule}`, "error", "1.5", nb, en, fag ?? "section342Approved", fag));
  if (opts.document !== "vitnemal")
    err("not-vitnemal", "Unntaket etter § 3-42 (FAM37) gjelder bare vitnemål.", "The § 3-42 exception (FAM37) applies only to a vitnemål.");
  if (!opts.vocational)
    err(
      "not-vocational",
      "Unntaket etter § 3-42 gjelder bare elever og lærlinger i yrkesfaglige utdanningsprogram (vitnemål som gir yrkeskompetanse/bestått fagopplæring).",
      "The § 3-42 exception applies only in vocational programmes (a vitnemål giving yrkeskompetanse or fagopplæring).",
    );
  const groups = groupByFag(subjects);
  const distinct = [...new Set(approved)];
  if (distinct.length > 2)
    err(
      "more-than-two",
      `Unntaket kan bare gjelde inntil to fellesfag; ${distinct.length} er godkjent (${distinct.join(", ")}).`,
      `The exception covers at most two fellesfag; ${distinct.length} were approved (${distinct.join(", ")}).`,
    );
  for (const fag of distinct) {
    const lines = groups.get(fag) ?? subjects.filter((s) => s.fagkode === fag);
    if (lines.length === 0) {
      err("unknown-fag", `${fag} står ikke på dokumentet.`, `${fag} is not on the document.`, fag);
      continue;
    }
    if (!lines.every((l) => l.fagtype === "FF")) {
      err("not-fellesfag", `${fag} er ikke et fellesfag; FAM37 kan bare føres for fellesfag.`, `${fag} is not a fellesfag; FAM37 is only for fellesfag.`, fag);
      continue;
    }
    const cells = lines.flatMap((l) => [l.standpunkt, l.eksamen]).filter(hasValue);
    if (cells.includes("IV")) {
      err("iv", `${fag} har «Ikke vurderingsgrunnlag» (IV); unntaket gjelder ikke for fag med IV.`, `${fag} has IV (no basis for assessment); the exception does not apply to IV.`, fag);
      continue;
    }
    if (!cells.includes(1)) {
      err("not-grade-1", `${fag} har ikke karakteren 1; FAM37 kan bare føres i fellesfag som har karakteren 1.`, `${fag} has no grade 1; FAM37 is only for fellesfag with grade 1.`, fag);
      continue;
    }
    result.covered.push(fag);
    for (const l of lines)
      if (cells.includes(1) && (l.standpunkt === 1 || l.eksamen === 1))
        result.fam.push({ fagkode: l.fagkode, merknad: { code: "FAM37", because: "1.5" } });
  }
  if (because.length === 0 && result.covered.length > 0)
    because.push(
      vmFinding(
        "s342.applied",
        "info",
        "1.5",
        `Rektor har godkjent unntaket etter § 3-42 for ${result.covered.join(", ")}: FAM37 «Unntak § 3-42 forskr. oppl.» føres, og vitnemål som gir yrkeskompetanse kan utstedes.`,
        `Rektor approved the § 3-42 exception for ${result.covered.join(", ")}: FAM37 is entered and a vitnemål giving yrkeskompetanse may be issued.`,
      ),
    );
  return decision(because.some((f) => f.severity === "error") ? { covered: [], fam: [] } : result, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §5.5 — no failed subject on a vitnemål
// ---------------------------------------------------------------------------------------------------------------

/**
 * §5.5 "Vurderingsuttrykkene som angir at faget ikke er bestått, vil i utgangspunktet ikke bli ført på vitnemålet. Det
 * gjelder når faget inngår i grunnlaget for bestått studie- eller yrkeskompetanse/bestått fagopplæring." The exception is
 * §1.5/§9.2 (FAM37, `excepted`). Subjects beyond the minimum (§4.2, `beyondMinimum`) are the person's choice and are
 * only warned about.
 */
export function checkVitnemalPassed(subjects: readonly SubjectResult[], excepted: readonly string[] = []): Decision<boolean> {
  const d = subjectsPassed(subjects);
  const because: Finding[] = [];
  let ok = true;
  for (const r of d.value) {
    if (r.state === "passed" || excepted.includes(r.fag)) continue;
    const beyond = subjects.filter((s) => fagOf(s) === r.fag).every((s) => s.beyondMinimum === true);
    if (!beyond) ok = false;
    because.push(
      vmFinding(
        r.state === "notPassed" ? "vitnemal.subject-not-passed" : "vitnemal.subject-not-assessed",
        beyond ? "warning" : "error",
        "5.5",
        r.state === "notPassed"
          ? `${r.fag} er ikke bestått; fag som ikke er bestått føres ikke på vitnemålet${beyond ? " (faget er utover minstekravet og kan tas bort, punkt 4.2)" : ""}.`
          : `${r.fag} har ingen vurdering; et vitnemål krever vurdering i alle fag.`,
        r.state === "notPassed"
          ? `${r.fag} is not passed; a subject not passed does not stand on a vitnemål${beyond ? " (it is beyond the minimum and may be left out, §4.2)" : ""}.`
          : `${r.fag} has no assessment; a vitnemål needs one in every subject.`,
        r.fag,
      ),
    );
  }
  return decision(ok, [...d.because.filter((f) => f.rule === "vitnemal.pass.standpunkt-1-lifted"), ...because]);
}

// ---------------------------------------------------------------------------------------------------------------
// §5.3 realkompetanse, §5.4 IV, §5.7 halvårsvurdering
// ---------------------------------------------------------------------------------------------------------------

const hasFam = (l: SubjectResult, code: string) => (l.merknader ?? []).some((m) => m.code === code);

/**
 * §5.3 "Dere fører «Godkjent» i rubrikken for eksamenskarakter og FAM18 «Realkompetansevurdert». Dere fyller rubrikken
 * for standpunktkarakter og eksamensform med en stiplet linje." Part of a subject: "kompetansebevis … stiplet linje i
 * rubrikkene for standpunkt- og eksamenskarakter med FAM03 «Jf. vedlegg»".
 */
export function checkRealkompetanse(line: SubjectResult, partial: boolean, document: IssuedDocumentKind): Finding[] {
  const out: Finding[] = [];
  const f = (rule: string, nb: string, en: string) => out.push(vmFinding(`realkompetanse.${rule}`, "error", "5.3", `${line.fagkode}: ${nb}`, `${line.fagkode}: ${en}`, line.fagkode));
  if (partial) {
    if (document !== "kompetansebevis") f("partial-on-vitnemal", "godkjent realkompetanse i deler av fag føres bare på kompetansebevis.", "partly approved prior learning stands only on a kompetansebevis.");
    if (hasValue(line.standpunkt) || hasValue(line.eksamen)) f("partial-cells", "deler av fag: stiplet linje i rubrikkene for standpunkt- og eksamenskarakter.", "part of a subject: dotted lines in the standpunkt and exam cells.");
    if (!hasFam(line, "FAM03")) f("partial-fam03", "deler av fag føres med FAM03 «Jf. vedlegg».", "part of a subject carries FAM03 «Jf. vedlegg».");
    return out;
  }
  if (line.eksamen !== "GK") f("whole-gk", "«Godkjent» skal stå i rubrikken for eksamenskarakter.", "«Godkjent» goes in the exam cell.");
  if (hasValue(line.standpunkt)) f("whole-standpunkt", "rubrikken for standpunktkarakter skal ha stiplet linje.", "the standpunkt cell carries a dotted line.");
  if (line.examForm !== undefined && line.examForm !== null) f("whole-form", "rubrikken for eksamensform skal ha stiplet linje.", "the exam-form cell carries a dotted line.");
  if (!hasFam(line, "FAM18")) f("whole-fam18", "FAM18 «Realkompetansevurdert» skal føres.", "FAM18 «Realkompetansevurdert» is entered.");
  return out;
}

/**
 * §5.4 "Eksamen annulleres automatisk dersom en elev ikke får standpunktkarakter." Returns the line with the exam grade
 * removed (dotted line) when standpunkt is IV, and the finding.
 */
export function ivAnnulsExam(line: SubjectResult): Decision<SubjectResult> {
  if (line.standpunkt !== "IV" || !hasValue(line.eksamen) || line.tverrfagligExam === true) return decision(line);
  return decision({ ...line, eksamen: null }, [
    vmFinding(
      "iv.exam-annulled",
      "info",
      "5.4",
      `${line.fagkode}: standpunkt IV — eksamen annulleres automatisk og eksamenskarakteren (${show(line.eksamen)}) faller bort.`,
      `${line.fagkode}: standpunkt IV — the exam is annulled automatically and the exam grade (${show(line.eksamen)}) is dropped.`,
      line.fagkode,
      show(line.eksamen),
    ),
  ]);
}

/**
 * §5.4 for a tverrfaglig exam: "Hvis en elev ikke har vurderingsgrunnlag i noen av programfagene, blir den tverrfaglige
 * eksamenen annullert. Dersom en elev har IV i to av tre programfag, vil en bestått tverrfaglig eksamen fortsatt bli
 * stående." `programfag` are the standpunkt cells of the programfag the exam covers.
 */
export function tverrfagligExamStands(programfag: readonly (Vurdering | null | undefined)[]): Decision<boolean> {
  const stands = programfag.some((v) => hasValue(v) && v !== "IV");
  return decision(stands, [
    vmFinding(
      stands ? "iv.tverrfaglig-stands" : "iv.tverrfaglig-annulled",
      "info",
      "5.4",
      stands
        ? "Den tverrfaglige eksamenen blir stående: eleven har vurdering i minst ett av programfagene."
        : "Den tverrfaglige eksamenen annulleres: eleven har ikke vurderingsgrunnlag i noen av programfagene.",
      stands ? "The tverrfaglig exam stands: the pupil has an assessment in at least one of its programfag." : "The tverrfaglig exam is annulled: no assessment in any of its programfag.",
    ),
  ]);
}

/**
 * §5.1 "Når et fag etter endt årstrinn ikke har standpunktkarakter, skal dere sette halvårsvurdering med karakter i faget
 * (gjelder bare på kompetansebevis)." §5.7 "Dere fører halvårsvurdering … Dere skal føre FAM33 «Kar. gitt som
 * halvårsvurd.»" — or FAM12 «Karakter føres ikke» when the subject is closed without a final grade (kryssløp, §9.3).
 */
export function checkHalvar(line: SubjectResult, document: IssuedDocumentKind): Finding[] {
  if (!hasValue(line.halvar)) return [];
  const out: Finding[] = [];
  if (document === "vitnemal")
    out.push(
      vmFinding(
        "halvar.on-vitnemal",
        "error",
        "5.1",
        `${line.fagkode}: halvårsvurdering kan bare føres på kompetansebevis.`,
        `${line.fagkode}: a half-year assessment stands only on a kompetansebevis.`,
        line.fagkode,
      ),
    );
  else if (hasValue(line.standpunkt))
    out.push(
      vmFinding(
        "halvar.with-standpunkt",
        "error",
        "5.7",
        `${line.fagkode}: faget har standpunktkarakter; halvårsvurdering føres bare for fag som ikke er avsluttet med standpunktkarakter.`,
        `${line.fagkode}: the subject has a standpunkt grade; a half-year assessment is only for subjects not closed with one.`,
        line.fagkode,
      ),
    );
  else if (!hasFam(line, "FAM33") && !hasFam(line, "FAM12"))
    out.push(
      vmFinding(
        "halvar.fam33",
        "error",
        "5.7",
        `${line.fagkode}: halvårsvurdering på kompetansebevis skal ha FAM33 «Kar. gitt som halvårsvurd.».`,
        `${line.fagkode}: a half-year assessment on a kompetansebevis carries FAM33 «Kar. gitt som halvårsvurd.».`,
        line.fagkode,
      ),
    );
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// §5.6 — orden og adferd
// ---------------------------------------------------------------------------------------------------------------

export interface ConductOnDocument {
  record: ConductRecord;
}

/**
 * Which orden og adferd stands on the document.
 *
 * §5.6 "Dere skal føre karakterer i orden og i adferd dersom minst ett av fagene er tatt som elev." "På vitnemålet skal
 * dere føre standpunktkarakter i orden og i adferd for det siste årstrinnet eleven hadde elevstatus i minst ett fag. På
 * kompetansebeviset fører dere karakter for siste årstrinn som var gjennomført som elev." §2.7 "Voksne skal ikke ha
 * karakter i orden og adferd." "Dersom en elev ikke avslutter opplæringen i skole, er det halvårskarakteren fra elevens
 * siste opplæringsår som skal føres." §7.7: pupils from ungdomstrinnet have theirs on the grunnskole vitnemål.
 */
export function conductOnDocument(
  subjects: readonly SubjectResult[],
  conduct: readonly ConductRecord[],
  document: IssuedDocumentKind,
): Decision<ConductRecord | null> {
  const asElev = subjects.filter((s) => s.status === "elev");
  if (asElev.length === 0) {
    const statuses = [...new Set(subjects.map((s) => s.status))] as Status[];
    return decision<ConductRecord | null>(null, [
      vmFinding(
        "conduct.none",
        "info",
        statuses.includes("voksen") ? "2.7" : "5.6",
        `Ingen fag er tatt som elev (${statuses.join(", ") || "ingen fag"}); orden og adferd føres ikke.`,
        `No subject was taken as elev (${statuses.join(", ") || "no subjects"}); orden og adferd is not entered.`,
        "conduct",
      ),
    ]);
  }
  if (asElev.every((s) => s.takenInLowerSecondary === true))
    return decision<ConductRecord | null>(null, [
      vmFinding(
        "conduct.lower-secondary",
        "info",
        "7.7",
        "Fag tatt på ungdomstrinnet: karakterer i orden og adferd føres på vitnemålet fra grunnskolen.",
        "Subjects taken in lower secondary: orden og adferd stands on the lower-secondary diploma.",
        "conduct",
      ),
    ]);
  const elevYears = conduct.filter((c) => c.elevInYear).sort((a, b) => b.schoolYear.startYear - a.schoolYear.startYear);
  const latest = elevYears[0];
  if (latest === undefined)
    return decision<ConductRecord | null>(null, [
      vmFinding("conduct.missing", "error", "5.6", "Karakter i orden og adferd mangler for siste år med elevstatus.", "Orden og adferd is missing for the last year with elev status.", "conduct"),
    ]);
  if (document === "kompetansebevis")
    return decision<ConductRecord | null>(latest, [
      vmFinding(
        "conduct.kompetansebevis",
        "info",
        "5.6",
        `Orden og adferd fra ${formatSchoolYear(latest.schoolYear)} (${latest.kind === "standpunkt" ? "standpunkt" : "halvårsvurdering"}), siste årstrinn gjennomført som elev.`,
        `Orden og adferd from ${formatSchoolYear(latest.schoolYear)} (${latest.kind}), the last level completed as elev.`,
        "conduct",
      ),
    ]);
  const standpunkt = elevYears.find((c) => c.kind === "standpunkt");
  if (standpunkt === undefined || standpunkt !== latest)
    return decision<ConductRecord | null>(standpunkt ?? null, [
      vmFinding(
        "conduct.standpunkt-missing",
        "error",
        "5.6",
        `Siste år med elevstatus (${formatSchoolYear(latest.schoolYear)}) har bare halvårsvurdering i orden og adferd; vitnemålet skal ha standpunktkarakter for det siste årstrinnet med elevstatus. Sett standpunktkarakter.`,
        `The last year with elev status (${formatSchoolYear(latest.schoolYear)}) has only a half-year grade in orden og adferd; the vitnemål needs the standpunkt grade of that year.`,
        "conduct",
      ),
    ]);
  return decision<ConductRecord | null>(standpunkt, [
    vmFinding(
      "conduct.vitnemal",
      "info",
      "5.6",
      `Standpunktkarakter i orden og adferd fra ${formatSchoolYear(standpunkt.schoolYear)}, siste årstrinn med elevstatus i minst ett fag.`,
      `Standpunkt in orden og adferd from ${formatSchoolYear(standpunkt.schoolYear)}, the last level with elev status in at least one subject.`,
      "conduct",
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// §5.8 — privatists at the highest level
// ---------------------------------------------------------------------------------------------------------------

/**
 * §5.8 "I fag der det i læreplanverket er fastsatt at privatister kan ta eksamen på høyeste nivå og få godskrevet faget
 * på lavere nivå, skal eksamenskarakteren på høyeste nivå føres." "I rubrikken for eksamenskarakter for fag på lavere
 * nivå fører dere i slike tilfeller «Fritatt». I tillegg fører dere FAM17 «Bestått fag høyere nivå». I rubrikken
 * eksamensform fører dere stiplet linje. … I rubrikken år fører dere på alle nivåer … det året høyeste nivå ble avlagt."
 * The example: fellesfag nivå I "«mister» standpunktkarakter og får fritatt i rubrikken for eksamenskarakter". And "I fag
 * med to standpunktkarakterer der eleven forbedrer bare den ene karakteren som privatist, faller alle underliggende
 * karakter i hele faget bort."
 *
 * `highest` is the privatist's exam line at the highest level; `lower` the lines of the levels it credits. Returns the
 * lower lines rewritten. (Not optional: "Det er ikke valgfritt for privatister å la karakterene på lavere nivåer bli
 * stående".)
 */
export function creditLowerLevels(highest: SubjectResult, lower: readonly SubjectResult[]): Decision<SubjectResult[]> {
  const because: Finding[] = [];
  if (highest.status !== "privatist" || !hasValue(highest.eksamen))
    return decision([...lower], [
      vmFinding(
        "highest-level.not-privatist-exam",
        "error",
        "5.8",
        `${highest.fagkode}: godskriving av lavere nivå forutsetter en privatisteksamen på høyeste nivå.`,
        `${highest.fagkode}: crediting lower levels needs a privatist exam at the highest level.`,
        highest.fagkode,
      ),
    ]);
  const year: HalfYear = highest.year;
  const out = lower.map((l) => {
    const rewritten: SubjectResult = {
      ...l,
      standpunkt: null,
      eksamen: "F",
      examForm: null,
      year,
      merknader: [...(l.merknader ?? []).filter((m) => m.code !== "FAM17"), { code: "FAM17", because: "5.8" }],
    };
    if (compareHalfYears(l.year, year) !== 0 || hasValue(l.standpunkt) || l.eksamen !== "F")
      because.push(
        vmFinding(
          "highest-level.credited",
          "info",
          "5.8",
          `${l.fagkode}: godskrevet ved privatisteksamen i ${highest.fagkode}; «Fritatt» i eksamenskarakter, FAM17 «Bestått fag høyere nivå», stiplet linje for eksamensform${hasValue(l.standpunkt) ? " og standpunktkarakteren faller bort" : ""}, år ${formatHalfYear(year)}.`,
          `${l.fagkode}: credited by the privatist exam in ${highest.fagkode}; «Fritatt» as exam grade, FAM17, dotted exam form${hasValue(l.standpunkt) ? ", the standpunkt grade is dropped" : ""}, year ${formatHalfYear(year)}.`,
          l.fagkode,
        ),
      );
    return rewritten;
  });
  return decision(out, because);
}
