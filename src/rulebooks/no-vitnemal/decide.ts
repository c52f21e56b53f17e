/**
 * One document's content, decided from one `VitnemalCase` with the rules of seed 003 §1, §3, §4 and §5 (3a's rules:
 * §4.2 choices and replacements in choice.ts, §4.6 in maths-transition.ts, §4.5 in combination.ts),
 * and mapped into the layout's input (`layout.ts` `VitnemalInput`, §2). Every finding of every step is kept; the
 * document is `issuable` only when none is an error ("refuse to issue a document that breaks them").
 *
 * The exam, exemption, absence, vocational, IOP and dispensation rules of §6–§13 (other files) produce subject lines
 * with their merknader and extra vitnemålsmerknader; a caller applies them to the case before calling `decideContent`
 * (their merknader are checked here with the rest: validity, document, one FAM per subject).
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { vmFinding } from "./cite.ts";
import { checkFagkode, checkProgrammeAreaKnown, languageOf, programmeAreaDef } from "./codes/catalogue.ts";
import type { ResolvedMerknad } from "./codes/lookup.ts";
import { checkExamCount, checkLeftOff, checkReplacements } from "./choice.ts";
import { checkCombinations, checkProgrammeAreas, requiredVmm32 } from "./combination.ts";
import { checkIssuer, decideDocument, decideForstegangsvitnemal, documentStatus, levelCompletion, responsibleIssuer } from "./document.ts";
import type { AbsenceInput, ConductGrade as LayoutConduct, Level as LayoutLevel, VitnemalInput } from "./layout.ts";
import { checkMathsOrdning } from "./maths-transition.ts";
import { selectMerknader, type VedleggEntry } from "./merknader.ts";
import type {
  ConductGrade,
  ConductRecord,
  DocumentKind,
  IssuedDocumentKind,
  MerknadUse,
  ProgrammeAreaEntry,
  Sluttkompetanse,
  Status,
  SubjectResult,
  VitnemalCase,
} from "./model.ts";
import { checkHalvar, checkVitnemalPassed, conductOnDocument, fagOf, finalTestPassed, ivAnnulsExam, section342Exception, subjectsPassed } from "./pass.ts";

export interface DecidedProgrammeArea {
  entry: ProgrammeAreaEntry;
  name: string;
  utdanningsprogram: string | null;
  completion: "fullfort" | "bestatt" | null;
}

export interface DecidedSubject {
  line: SubjectResult;
  name: string;
  /** The one FAM printed on the line (§3). */
  merknad: ResolvedMerknad | null;
}

export interface DecidedContent {
  /** The document bevis issues; null when none may be issued as asked. */
  kind: IssuedDocumentKind | null;
  status: Status | null;
  entitled: DocumentKind[];
  sluttkompetanse: Sluttkompetanse[];
  forstegang: boolean;
  programmeAreas: DecidedProgrammeArea[];
  subjects: DecidedSubject[];
  conduct: ConductRecord | null;
  vmm: ResolvedMerknad[];
  vedlegg: VedleggEntry[];
  /** No finding is an error. */
  issuable: boolean;
}

const VOCATIONAL: readonly Sluttkompetanse[] = ["yrkeskompetanse", "fagopplaering"];
const COUNTY_ONLY: readonly Status[] = ["laerling", "laerekandidat", "praksisbrevkandidat", "voksen", "praksiskandidat", "fagbrevPaJobb"];

const addFam = (l: SubjectResult, m: MerknadUse): SubjectResult =>
  (l.merknader ?? []).some((x) => x.code === m.code) ? l : { ...l, merknader: [...(l.merknader ?? []), m] };

/** Decides the content of one document (§1, §3, §4, §5). `requested` = the document the user asks for. */
export function decideContent(c: VitnemalCase, requested?: IssuedDocumentKind): Decision<DecidedContent> {
  const because: Finding[] = [];
  const course = c.course ?? {};

  // §1.9 status.
  const st = documentStatus(c.statuses);
  because.push(...st.because);
  const status = st.value;

  // §2.6 catalogue, §5.4 IV annuls the exam.
  let lines = c.subjects.map((l, i) => {
    const cat = checkFagkode(l, `subjects.${i}.fagkode`);
    because.push(...cat.because);
    const iv = ivAnnulsExam(l);
    because.push(...iv.because);
    const faggruppe = l.faggruppe ?? cat.value?.faggruppe;
    const language = l.language ?? languageOf(l.fagkode);
    return { ...iv.value, ...(faggruppe !== undefined ? { faggruppe } : {}), ...(language !== undefined ? { language } : {}) };
  });

  // §4.2 subjects beyond the minimum left off by choice; §4.6 old/new mathematics (old vg1 halvår → standpunkt);
  // §4.2 privatist improvements and replacements (another fagkode within the minimum: no førstegangsvitnemål).
  const leftOff = checkLeftOff(lines);
  because.push(...leftOff.because);
  lines = leftOff.value;
  const maths = checkMathsOrdning(lines);
  because.push(...maths.because);
  lines = maths.value;
  const replacements = checkReplacements(lines);
  because.push(...replacements.because);
  lines = replacements.value.lines;
  const forstegangCourse = replacements.value.replacedWithinMinimum.length > 0 ? { ...course, replacedElevSubjectWithPrivatist: true } : course;

  // §5.1/§5.2 pass state; §1.5 the § 3-42 exception.
  const passed = subjectsPassed(lines.filter((l) => l.beyondMinimum !== true));
  const achieved = course.achieved ?? [];
  const vocational = achieved.some((a) => VOCATIONAL.includes(a));
  let covered: string[] = [];
  if ((course.section342Approved ?? []).length > 0) {
    const s342 = section342Exception(lines, course.section342Approved ?? [], { document: requested ?? "vitnemal", vocational });
    because.push(...s342.because);
    covered = s342.value.covered;
    for (const f of s342.value.fam) lines = lines.map((l) => (l.fagkode === f.fagkode ? addFam(l, f.merknad) : l));
  }
  const allPassed = passed.value.every((r) => r.state === "passed" || covered.includes(r.fag)) && course.allPassed !== false;

  // The final test (fag-/svenneprøve, praksisbrevprøve, kompetanseprøve).
  const finalLine = lines.find((l) => l.finalTest !== undefined);
  const finalTest = finalLine?.finalTest !== undefined ? { kind: finalLine.finalTest, passed: finalTestPassed(finalLine).value === "passed" } : undefined;

  // §1.1–§1.9 which document.
  const doc =
    status === null
      ? decision({ entitled: [] as DocumentKind[], issue: null as IssuedDocumentKind | null, sluttkompetanse: [] as Sluttkompetanse[], merknader: [] as MerknadUse[] })
      : decideDocument({ status, course: { ...course, allPassed }, ...(finalTest !== undefined ? { finalTest } : {}), ...(requested !== undefined ? { requested } : {}) });
  because.push(...doc.because);
  const kind = doc.value.issue;
  const documentKind: IssuedDocumentKind = kind ?? requested ?? "kompetansebevis";
  const vmmUses: MerknadUse[] = [...(c.vitnemalsmerknader ?? []), ...doc.value.merknader];

  // §5.5 on a vitnemål: subjects beyond the minimum that are not passed are left out; the rest must be passed.
  if (documentKind === "vitnemal") {
    const byFag = new Map((subjectsPassed(lines).value ?? []).map((r) => [r.fag, r.state]));
    const dropped = lines.filter((l) => l.beyondMinimum === true && byFag.get(fagOf(l)) !== "passed" && !covered.includes(fagOf(l)));
    if (dropped.length > 0) {
      lines = lines.filter((l) => !dropped.includes(l));
      because.push(
        vmFinding(
          "decide.dropped-beyond-minimum",
          "info",
          "4.2",
          `Fag utover minstekravet som ikke er bestått, føres ikke på vitnemålet: ${dropped.map((l) => l.fagkode).join(", ")}.`,
          `Subjects beyond the minimum that are not passed are left off the vitnemål: ${dropped.map((l) => l.fagkode).join(", ")}.`,
          "subjects",
        ),
      );
    }
    if (kind === "vitnemal") because.push(...checkVitnemalPassed(lines, covered).because.filter((f) => f.severity !== "info"));
  }

  // §1.2 førstegangsvitnemål.
  let forstegang = false;
  if (kind === "vitnemal" && status !== null) {
    const fg = decideForstegangsvitnemal({ status, document: kind, sluttkompetanse: doc.value.sluttkompetanse, course: forstegangCourse, subjects: lines });
    because.push(...fg.because);
    forstegang = fg.value.forstegang;
    vmmUses.push(...fg.value.vmm);
    for (const f of fg.value.fam) lines = lines.map((l) => (l.fagkode === f.fagkode ? addFam(l, f.merknad) : l));
  }

  // §5.1/§5.7 halvårsvurdering.
  for (const l of lines) because.push(...checkHalvar(l, documentKind));

  // §2.3/§4.1 programme areas; §1.3 fullført/bestått per level on a kompetansebevis.
  const pa = checkProgrammeAreas({ document: documentKind, programmeAreas: c.programmeAreas, course });
  because.push(...pa.because);
  const areas: DecidedProgrammeArea[] = c.programmeAreas.map((e, i) => {
    because.push(...checkProgrammeAreaKnown(e.code, `programmeAreas.${i}.code`));
    const def = programmeAreaDef(e.code.trim());
    let completion: DecidedProgrammeArea["completion"] = null;
    if (documentKind === "kompetansebevis") {
      const lc = levelCompletion({
        level: e.level,
        subjects: lines.filter((l) => l.level === e.level && (l.programmeArea === undefined || l.programmeArea === e.code)),
        on: c.decisionDate,
        ...(course.fremmedsprakPrivatistBy !== undefined ? { fremmedsprakPrivatistBy: course.fremmedsprakPrivatistBy } : {}),
      });
      because.push(...lc.because);
      completion = lc.value.completion;
      vmmUses.push(...lc.value.merknader);
    }
    const pb = e.code.startsWith("PB") || e.code.startsWith("R94");
    return {
      entry: e,
      name: e.name ?? def?.name ?? e.code,
      utdanningsprogram: pb ? null : (def?.utdanningsprogram?.name ?? null),
      completion,
    };
  });

  // §4.2 VMM32 (vitnemål), §4.5/§4.7 combinations.
  if (documentKind === "vitnemal") {
    const names: Record<string, string> = {};
    for (const l of lines) if (l.programmeArea !== undefined) names[l.programmeArea] = programmeAreaDef(l.programmeArea)?.name ?? "";
    const v32 = requiredVmm32(lines, c.programmeAreas, Object.fromEntries(Object.entries(names).filter(([, n]) => n !== "")));
    because.push(...v32.because);
    vmmUses.push(...v32.value);
  }
  because.push(...checkExamCount(lines, course.requiredExams));
  because.push(...checkCombinations({ document: documentKind, subjects: lines, programmeAreas: c.programmeAreas }).because);

  // §5.6 orden og adferd.
  const conduct = conductOnDocument(lines, c.conduct ?? [], documentKind);
  because.push(...conduct.because);

  // §1.10 issuer: documents of lærlinger, kandidater and voksne are the fylkeskommune's.
  if (status !== null && COUNTY_ONLY.includes(status)) because.push(...checkIssuer(responsibleIssuer({ status, document: documentKind }).value, c.issuer));

  // §3 merknader.
  // §4.2 "Dere kan også benytte VMM32 når et kompetansebevis viser et fullført, men ikke bestått løp": every level of a
  // fixed course «fullført» and at least one not «bestått».
  const completedNotPassedLop =
    documentKind === "kompetansebevis" &&
    course.fixedLop === true &&
    areas.length > 0 &&
    areas.every((a) => a.completion !== null) &&
    areas.some((a) => a.completion === "fullfort");
  const sel = selectMerknader({
    document: documentKind,
    on: c.decisionDate,
    subjects: lines,
    vitnemalsmerknader: vmmUses,
    ...(kind === "vitnemal" ? { forstegang } : {}),
    ...(completedNotPassedLop ? { completedNotPassedLop } : {}),
  });
  because.push(...sel.because);

  const subjects: DecidedSubject[] = lines.map((l, i) => ({ line: l, name: l.name ?? checkFagkode(l).value?.name ?? l.fagkode, merknad: sel.value.perSubject[i] ?? null }));
  const content: DecidedContent = {
    kind,
    status,
    entitled: doc.value.entitled,
    sluttkompetanse: kind === "vitnemal" ? doc.value.sluttkompetanse : [],
    forstegang,
    programmeAreas: areas,
    subjects,
    conduct: conduct.value,
    vmm: sel.value.vmm,
    vedlegg: sel.value.vedlegg,
    issuable: false,
  };
  content.issuable = kind !== null && !hasErrors(because);
  if (!content.issuable && kind !== null)
    because.push(
      vmFinding(
        "decide.blocked",
        "info",
        "3",
        "Dokumentet kan ikke utstedes før feilene over er rettet.",
        "The document cannot be issued until the errors above are corrected.",
        "document",
      ),
    );
  return decision(content, because);
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping into the layout input (§2)
// ---------------------------------------------------------------------------------------------------------------

const LEVEL_TO_LAYOUT: Record<ProgrammeAreaEntry["level"], LayoutLevel> = { GS: "vg1", VG1: "vg1", VG2: "vg2", VG3: "vg3", VG4: "vg4" };
const CONDUCT_TO_LAYOUT: Record<ConductGrade, LayoutConduct> = { G: "G", NG: "N", LG: "L" };

export interface LayoutExtras {
  issuedOn: IsoDate;
  signatories: readonly [string, string];
  documentNumber: string;
  /** The absence lines as §8 decides them (deductions applied); default: the case's raw days and hours. */
  absence?: readonly AbsenceInput[];
  lang?: VitnemalInput["lang"];
}

/**
 * The layout's input for a decided document. Returns null (with an error) when the content is not issuable. The
 * default absence is the case's recorded days and hours per year; when deductions are recorded (§8.1) the caller must
 * pass the §8 result instead (a warning says so).
 */
export function toLayoutInput(c: VitnemalCase, d: DecidedContent, extras: LayoutExtras): Decision<VitnemalInput | null> {
  if (!d.issuable || d.kind === null)
    return decision<VitnemalInput | null>(null, [
      vmFinding("decide.not-issuable", "error", "3", "Dokumentet kan ikke utstedes: innholdet har feil.", "The document cannot be issued: its content has errors.", "document"),
    ]);
  const because: Finding[] = [];
  let absence = extras.absence;
  if (absence === undefined) {
    const years = [...(c.absence ?? [])].sort((a, b) => a.courseYear - b.courseYear);
    if (years.some((y) => (y.deductions ?? []).length > 0))
      because.push(
        vmFinding(
          "decide.absence-raw",
          "warning",
          "8.1",
          "Fraværet er ført uten fratrekk; dokumentert fravær som kan trekkes fra (punkt 8.1) må beregnes før utstedelse.",
          "Absence is shown without deductions; deductible documented absence (§8.1) must be applied before issuing.",
          "absence",
        ),
      );
    absence = years.map((y) => ({ label: `${y.courseYear}. år`, days: y.abroadWithoutRecord === true ? null : y.days, hours: y.abroadWithoutRecord === true ? null : y.hours }));
  }
  // §2.3 «har i <åååå> bestått»: "det året det siste faget eller eksamen på vitnemålet ble gjennomført. I vitnemål som
  // dokumenterer bestått fagopplæring, skal dere føre det året som dere har skrevet i VMM31."
  const years = d.subjects.map((s) => s.line.year.year);
  const vmm31 = d.vmm.find((m) => m.def.code === "VMM31");
  const vmm31Year = vmm31 === undefined ? undefined : /(\d{4})\s*$/.exec(vmm31.text)?.[1];
  const completedYear =
    vmm31Year !== undefined ? Number(vmm31Year) : years.length > 0 ? Math.max(...years) : Number(extras.issuedOn.slice(0, 4));
  const toAssessment = (v: SubjectResult["standpunkt"]) => (v === undefined ? null : v);
  const input: VitnemalInput = {
    kind: d.kind,
    ...(extras.lang !== undefined ? { lang: extras.lang } : {}),
    person: { name: c.person.name, fodselsnummer: c.person.fnr },
    completedYear,
    forstegangs: d.forstegang,
    programmeAreas: d.programmeAreas.map((a) => ({
      level: LEVEL_TO_LAYOUT[a.entry.level],
      code: a.entry.code.trim(),
      name: a.name,
      programme: a.utdanningsprogram,
      ...(d.kind === "kompetansebevis" ? { status: a.completion } : {}),
      ...(a.entry.schoolYear !== undefined ? { year: a.entry.schoolYear.startYear } : {}),
    })),
    sluttkompetanse: d.sluttkompetanse,
    subjects: d.subjects.map((s) => ({
      fagkode: s.line.fagkode,
      name: s.name,
      fagtype: s.line.fagtype,
      omfang: s.line.omfang,
      standpunkt: toAssessment(s.line.standpunkt ?? (d.kind === "kompetansebevis" ? s.line.halvar : undefined)),
      eksamen: toAssessment(s.line.eksamen),
      eksamensform: s.line.examForm ?? null,
      term: { half: s.line.year.half, year: s.line.year.year },
      merknad: s.merknad === null ? null : { code: s.merknad.def.code, text: s.merknad.text },
      status: s.line.status === "privatist" ? "P" : "E",
    })),
    orden: d.conduct === null ? null : CONDUCT_TO_LAYOUT[d.conduct.orden],
    adferd: d.conduct === null ? null : CONDUCT_TO_LAYOUT[d.conduct.adferd],
    absence,
    merknader: d.vmm.map((m) => ({ code: m.def.code, text: m.text, ...(["VMM17", "VMM18", "VMM19"].includes(m.def.code) ? { dispensation: true } : {}) })),
    issuer: { orgnr: c.issuer.orgnr ?? c.issuer.foreignNumber ?? "", name: c.issuer.name, place: c.issuer.place },
    issuedOn: extras.issuedOn,
    signatories: extras.signatories,
    documentNumber: extras.documentNumber,
    ...(d.vedlegg.length > 0 ? { vedlegg: [{ paragraphs: d.vedlegg.map((v) => v.text) }] } : {}),
  };
  return decision<VitnemalInput | null>(input, because);
}
