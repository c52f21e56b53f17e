/**
 * The render model of a vitnemål (diploma) or kompetansebevis (certificate of competence), seed 003 chapter 2
 * ("Oppsett av vitnemål og kompetansebevis"): a plain `VitnemalDocument` that says exactly what stands on the paper —
 * every label, every cell text, in print order — and the pure function `arrangeDocument` that builds it from the
 * decided content of one document (`VitnemalInput`).
 *
 * This module decides nothing about *which* subjects, grades or merknader a person gets (that is §1, §3–§13, decided
 * elsewhere); it only places what it is given, the way §2 says:
 *  - §2.2 identity lines (bold), §2.3 intro text, programme-area lines vg1–vg4 (at most four), sluttkompetanse
 *    (vitnemål only) or «fullført»/«bestått» per line (kompetansebevis only);
 *  - §2.4 the column header, §2.5 subjects grouped by fagtype in the fixed order, then by fagkode;
 *  - §2.6 the cells: omfang or «--», grades «as number and word», a dotted line in unused cells, V/H year;
 *  - §2.7 sum omfang, orden og adferd, fravær per year (0 is a number, never a dotted line);
 *  - §2.8 vitnemålsmerknader, place and date (dd.mm.åååå), two signatures, the document number;
 *  - §2.10 vedlegg pages, §2.11 the duplicate marking.
 * Page breaks (§2.9) depend on font metrics: `planPages` splits the subject rows given each row's height, and
 * `pdf.ts` measures and draws.
 *
 * Labels exist in bokmål (default), nynorsk and English (§2.1: the form exists "på bokmål, nynorsk, samiske språk og
 * engelsk"; Sami is not provided).
 */
import { cite, finding, type Finding, type Decision, decision } from "../../kernel/law.ts";
import { parseIsoDate, type IsoDate } from "../../kernel/time/date.ts";

export type DocumentKind = "vitnemal" | "kompetansebevis";
export type LayoutLang = "nb" | "nn" | "en";

/** Fagtype (subject type), §2.5. */
export type Fagtype = "FF" | "FP" | "VP" | "UP" | "PF" | "YF" | "IO";

/** §2.5: «Som overskrifter til føring av fag, fører dere fagtype i følgende rekkefølge» FF FP VP UP PF YF IO. */
export const FAGTYPE_ORDER: readonly Fagtype[] = ["FF", "FP", "VP", "UP", "PF", "YF", "IO"];

/** Programme-area level (årstrinn). §2.3: «Rekkefølgen skal være: vg1, vg2, vg3 og vg4»; vg5 for extended courses. */
export type Level = "vg1" | "vg2" | "vg3" | "vg4" | "vg5";
const LEVEL_ORDER: readonly Level[] = ["vg1", "vg2", "vg3", "vg4", "vg5"];

/** Numeric grade 1–6 (§5.1). */
export type Grade = 1 | 2 | 3 | 4 | 5 | 6;

/** The other assessment expressions of §5.2, by their code in the school system («Føring i datasystem»). */
export type ExpressionCode = "BM" | "B" | "IB" | "D" | "F" | "GK" | "IV" | "IM";

/** What stands in a grade cell: a grade, another expression, or nothing (a dotted line, §2.6). */
export type Assessment = Grade | ExpressionCode | null;

/** Eksamensform (§6.1): S skriftlig, M muntlig, MP muntlig-praktisk, P praktisk. */
export type ExamForm = "S" | "M" | "MP" | "P";

/** A merknad to print: its code (kept for the NVB export, never printed, §2.6 «ikke koden») and its text. */
export interface MerknadInput {
  code: string;
  /** The text as it stands on the document, placeholders already filled in. */
  text: string;
  /** The values that filled the placeholders (NVB F14/F15, M4/M5). */
  params?: readonly string[];
  /** VMM17–19: Udir dispensation (NVB M6 = DISP). */
  dispensation?: boolean;
}

export interface SubjectInput {
  fagkode: string;
  name: string;
  fagtype: Fagtype;
  /** Årstimer in 60-minute units; null = «fagkoder uten omfang» (printed «--»). */
  omfang: number | null;
  standpunkt: Assessment;
  eksamen: Assessment;
  /** Null when exam assessment is not relevant (printed as a dotted line). */
  eksamensform: ExamForm | null;
  /** The half-year and calendar year of the grade: V (spring) / H (autumn). */
  term: { half: "V" | "H"; year: number };
  /** At most one fagmerknad per subject (§3). */
  merknad?: MerknadInput | null;
  /** E elevfag / P privatistfag (NVB F12). Default E. */
  status?: "E" | "P";
}

export interface ProgrammeAreaInput {
  level: Level;
  /** Programme-area code, e.g. STUSP1---- (format checked by the programme-area parser in codes/). */
  code: string;
  name: string;
  /** Name of the utdanningsprogram; null for påbygging and fag for studiekompetanse (§2.3: no programme name). */
  programme: string | null;
  /** NVB utdanningsprogram code (ST, BA, …); optional. */
  programmeCode?: string;
  /** Kompetansebevis only: «fullført» or «bestått» at the right of the line; null prints nothing (§2.3). */
  status?: "fullfort" | "bestatt" | null;
  /** The school year the level was taken (NVB P9). */
  year?: number;
  /**
   * Absence that year for NVB P6/P7. When absent, the NVB export takes `VitnemalInput.absence` by position if it has
   * one entry per programme area. The printed absence is always `VitnemalInput.absence`.
   */
  absence?: { days: number; hours: number };
}

export type Sluttkompetanse = "studiekompetanse" | "yrkeskompetanse" | "fagopplaering";

/** Orden og adferd (§5.6): God, Nokså god, Lite god. */
export type ConductGrade = "G" | "N" | "L";

export interface AbsenceInput {
  /** How the year is named on the document, e.g. "vg1", "2022/2023" or "1. år". */
  label: string;
  /** Null prints a dotted line (an unused cell, §2.7); 0 prints 0. */
  days: number | null;
  hours: number | null;
}

export interface VedleggInput {
  title?: string;
  /** Paragraphs of the attachment's content. */
  paragraphs: readonly string[];
}

export interface DuplicateMarking {
  /** §2.11: 1 from the archive with the same number, 2 from the system with the same number, 3 with a new number. */
  way: 1 | 2 | 3;
  /** The new date of the duplicate. */
  issuedOn: IsoDate;
  place: string;
  /** Who signs the duplicate. */
  signatory: string;
}

/** The decided content of one document: everything `arrangeDocument` needs. */
export interface VitnemalInput {
  kind: DocumentKind;
  lang?: LayoutLang;
  person: { name: string; fodselsnummer: string };
  /** §2.3 «har i <åååå> bestått»: the year of the last subject or exam (VMM31's year for fagopplæring). */
  completedYear: number;
  /** Førstegangsvitnemål (§1.2; VMM06 stands among the merknader). */
  forstegangs?: boolean;
  programmeAreas: readonly ProgrammeAreaInput[];
  sluttkompetanse?: readonly Sluttkompetanse[];
  subjects: readonly SubjectInput[];
  /** §2.7 total omfang; default: the sum of the subjects' omfang. */
  sumOmfang?: number;
  orden: ConductGrade | null;
  adferd: ConductGrade | null;
  absence: readonly AbsenceInput[];
  merknader: readonly MerknadInput[];
  issuer: { orgnr: string; name: string; place: string; schoolNumber?: string };
  issuedOn: IsoDate;
  signatories: readonly [string, string];
  documentNumber: string;
  vedlegg?: readonly VedleggInput[];
  duplicate?: DuplicateMarking | null;
}

// ---------------------------------------------------------------------------------------------------------------------
// The render model

/** A cell of the subject table: its printed text, and whether it is the dotted line of an unused cell. */
export interface Cell {
  text: string;
  dotted?: boolean;
}

export interface SubjectLine {
  fagkode: string;
  fagtype: Fagtype;
  omfang: Cell;
  code: Cell;
  name: Cell;
  standpunkt: Cell;
  eksamen: Cell;
  eksamensform: Cell;
  year: Cell;
  merknad: Cell;
}

export interface SubjectGroup {
  fagtype: Fagtype;
  heading: string;
  rows: SubjectLine[];
}

export interface ProgrammeAreaLine {
  level: Level;
  code: string;
  name: string;
  programme: string;
  /** «fullført» / «bestått» (kompetansebevis), else "". */
  status: string;
}

export interface Column {
  key: "omfang" | "code" | "name" | "standpunkt" | "eksamen" | "eksamensform" | "year" | "merknad";
  /** The header text; "\n" where §2.4 allows the word to split on two lines. */
  header: string;
}

export interface VedleggPage {
  title: string;
  identity: { label: string; value: string }[];
  paragraphs: string[];
}

export interface DocumentLabels {
  sumOmfang: string;
  orden: string;
  adferd: string;
  absence: string;
  days: string;
  hours: string;
  merknader: string;
  continued: string;
  /** After a fagtype heading repeated on a continuation page. */
  groupContinued: string;
  duplicate: string;
  duplicateIssued: string;
}

export interface VitnemalDocument {
  kind: DocumentKind;
  lang: LayoutLang;
  title: string;
  /** §2.2, printed bold. */
  identity: { label: string; value: string }[];
  /** §2.3: the intro lines before the programme areas. */
  intro: string[];
  programmeAreas: ProgrammeAreaLine[];
  /** §2.3, vitnemål only. */
  sluttkompetanse: string[];
  columns: Column[];
  groups: SubjectGroup[];
  /** §2.7 */
  sumOmfang: string;
  orden: Cell;
  adferd: Cell;
  absence: { label: string; days: Cell; hours: Cell }[];
  /** §2.8, the texts of the vitnemålsmerknader. */
  merknader: string[];
  /** "Oslo, 20.06.2025" */
  placeDate: string;
  issuerName: string;
  signatories: [string, string];
  documentNumber: string;
  vedlegg: VedleggPage[];
  /** §2.11: present on a duplicate. */
  duplicate: { mark: string; line: string; signatory: string } | null;
  labels: DocumentLabels;
}

// ---------------------------------------------------------------------------------------------------------------------
// Texts

/** §5.1: «De seks karaktergradene fører dere med tall og bokstaver»: 6 seks … 1 en. */
export const GRADE_WORDS: Record<LayoutLang, Record<Grade, string>> = {
  nb: { 6: "seks", 5: "fem", 4: "fire", 3: "tre", 2: "to", 1: "en" },
  nn: { 6: "seks", 5: "fem", 4: "fire", 3: "tre", 2: "to", 1: "ein" },
  en: { 6: "six", 5: "five", 4: "four", 3: "three", 2: "two", 1: "one" },
};

/**
 * §5.2 «Ut på dokumentasjon»: BM prints «BM» on a vitnemål (the long form «Bestått meget godt» belongs on the fag- og
 * svennebrev, which bevis does not print; we print BM on the kompetansebevis too), IV and IM print as their codes.
 */
export const EXPRESSION_TEXTS: Record<LayoutLang, Record<ExpressionCode, string>> = {
  nb: { BM: "BM", B: "Bestått", IB: "Ikke bestått", D: "Deltatt", F: "Fritatt", GK: "Godkjent", IV: "IV", IM: "IM" },
  nn: { BM: "BM", B: "Bestått", IB: "Ikkje bestått", D: "Delteke", F: "Fritatt", GK: "Godkjend", IV: "IV", IM: "IM" },
  en: { BM: "BM", B: "Passed", IB: "Not passed", D: "Participated", F: "Exempt", GK: "Approved", IV: "IV", IM: "IM" },
};

export const FAGTYPE_HEADINGS: Record<LayoutLang, Record<Fagtype, string>> = {
  nb: {
    FF: "Fellesfag",
    FP: "Felles programfag",
    VP: "Valgfrie programfag",
    UP: "Uspesifiserte programfag",
    PF: "Prosjekt til fordypning",
    YF: "Yrkesfaglig fordypning",
    IO: "Individuell opplæringsplan",
  },
  nn: {
    FF: "Fellesfag",
    FP: "Felles programfag",
    VP: "Valfrie programfag",
    UP: "Uspesifiserte programfag",
    PF: "Prosjekt til fordjuping",
    YF: "Yrkesfagleg fordjuping",
    IO: "Individuell opplæringsplan",
  },
  en: {
    FF: "Common core subjects",
    FP: "Common programme subjects",
    VP: "Optional programme subjects",
    UP: "Unspecified programme subjects",
    PF: "In-depth project",
    YF: "Vocational specialisation",
    IO: "Individual education plan",
  },
};

const CONDUCT: Record<LayoutLang, Record<ConductGrade, string>> = {
  nb: { G: "God", N: "Nokså god", L: "Lite god" },
  nn: { G: "God", N: "Nokså god", L: "Lite god" },
  en: { G: "Good", N: "Fairly good", L: "Poor" },
};

interface LangTexts {
  title: Record<DocumentKind, string>;
  name: string;
  fnr: string;
  introVm: (year: number) => string;
  introVmProgramme: string;
  introKb: string;
  sluttkompetanse: Record<Sluttkompetanse, string>;
  status: { fullfort: string; bestatt: string };
  columns: Record<Column["key"], string>;
  vedleggTitle: Record<DocumentKind, string>;
  number: Record<DocumentKind, string>;
  labels: DocumentLabels;
}

/** The texts of the form. The bokmål strings quote §2.3, §2.7, §2.9 and §2.11. */
export const TEXTS: Record<LayoutLang, LangTexts> = {
  nb: {
    title: { vitnemal: "VITNEMÅL", kompetansebevis: "KOMPETANSEBEVIS" },
    name: "Navn",
    fnr: "Fødselsnummer",
    introVm: (y) => `har i ${y} bestått`,
    introVmProgramme: "i utdanningsprogram for",
    introKb: "har gjennomført opplæring som omfatter",
    sluttkompetanse: {
      studiekompetanse: "og har oppnådd generell studiekompetanse",
      yrkeskompetanse: "og har oppnådd yrkeskompetanse",
      fagopplaering: "og har bestått fagopplæring",
    },
    status: { fullfort: "fullført", bestatt: "bestått" },
    columns: {
      omfang: "Omfang",
      code: "Kode",
      name: "Fag",
      standpunkt: "Standpunkt-\nkarakter",
      eksamen: "Eksamens-\nkarakter",
      eksamensform: "Eks.\nform",
      year: "År",
      merknad: "Merknader",
    },
    vedleggTitle: { vitnemal: "Vedlegg til vitnemål", kompetansebevis: "Vedlegg til kompetansebevis" },
    number: { vitnemal: "Vitnemålsnummer", kompetansebevis: "Kompetansebevisnummer" },
    labels: {
      sumOmfang: "Sum omfang",
      orden: "Orden",
      adferd: "Adferd",
      absence: "Fravær",
      days: "dager",
      hours: "timer",
      merknader: "Merknader",
      continued: "forts. fra side",
      groupContinued: "(forts.)",
      duplicate: "DUPLIKAT",
      duplicateIssued: "Duplikat utstedt",
    },
  },
  nn: {
    title: { vitnemal: "VITNEMÅL", kompetansebevis: "KOMPETANSEBEVIS" },
    name: "Namn",
    fnr: "Fødselsnummer",
    introVm: (y) => `har i ${y} bestått`,
    introVmProgramme: "i utdanningsprogram for",
    introKb: "har gjennomført opplæring som omfattar",
    sluttkompetanse: {
      studiekompetanse: "og har oppnådd generell studiekompetanse",
      yrkeskompetanse: "og har oppnådd yrkeskompetanse",
      fagopplaering: "og har bestått fagopplæring",
    },
    status: { fullfort: "fullført", bestatt: "bestått" },
    columns: {
      omfang: "Omfang",
      code: "Kode",
      name: "Fag",
      standpunkt: "Standpunkt-\nkarakter",
      eksamen: "Eksamens-\nkarakter",
      eksamensform: "Eks.\nform",
      year: "År",
      merknad: "Merknader",
    },
    vedleggTitle: { vitnemal: "Vedlegg til vitnemål", kompetansebevis: "Vedlegg til kompetansebevis" },
    number: { vitnemal: "Vitnemålsnummer", kompetansebevis: "Kompetansebevisnummer" },
    labels: {
      sumOmfang: "Sum omfang",
      orden: "Orden",
      adferd: "Åtferd",
      absence: "Fråvær",
      days: "dagar",
      hours: "timar",
      merknader: "Merknader",
      continued: "forts. frå side",
      groupContinued: "(forts.)",
      duplicate: "DUPLIKAT",
      duplicateIssued: "Duplikat skrive ut",
    },
  },
  en: {
    title: { vitnemal: "DIPLOMA", kompetansebevis: "CERTIFICATE OF COMPETENCE" },
    name: "Name",
    fnr: "National identity number",
    introVm: (y) => `has in ${y} passed`,
    introVmProgramme: "in the education programme for",
    introKb: "has completed education comprising",
    sluttkompetanse: {
      studiekompetanse: "and has achieved general university admissions certification",
      yrkeskompetanse: "and has achieved vocational qualification",
      fagopplaering: "and has passed vocational training",
    },
    status: { fullfort: "completed", bestatt: "passed" },
    columns: {
      omfang: "Hours",
      code: "Code",
      name: "Subject",
      standpunkt: "Overall\nachievement",
      eksamen: "Exam\nmark",
      eksamensform: "Exam\nform",
      year: "Year",
      merknad: "Remarks",
    },
    vedleggTitle: { vitnemal: "Attachment to diploma", kompetansebevis: "Attachment to certificate of competence" },
    number: { vitnemal: "Diploma number", kompetansebevis: "Certificate number" },
    labels: {
      sumOmfang: "Total hours",
      orden: "Orderliness",
      adferd: "Behaviour",
      absence: "Absence",
      days: "days",
      hours: "hours",
      merknader: "Remarks",
      continued: "cont. from page",
      groupContinued: "(cont.)",
      duplicate: "DUPLICATE",
      duplicateIssued: "Duplicate issued",
    },
  },
};

/** §2.6 «I rubrikker for fagkoder uten omfang, fører dere to tankestreker.» */
export const NO_OMFANG = "--";
/** §2.6 «Dere fører en stiplet linje i ubrukte rubrikker.» Printed as a row of dots (see docs: choices). */
export const DOTTED_LINE = "........";

const dotted = (): Cell => ({ text: DOTTED_LINE, dotted: true });

// ---------------------------------------------------------------------------------------------------------------------
// Cells

/** §2.8 «Dato føres på formatet <dd.mm.åååå>». */
export function formatDate(d: IsoDate): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}

/** §2.6 År: «V<åå>/H<åå>». */
export function formatTerm(t: { half: "V" | "H"; year: number }): string {
  return `${t.half}${String(t.year % 100).padStart(2, "0")}`;
}

/** §2.6 «med tall og med bokstaver»: "5 fem"; another expression as §5.2 prints it; nothing → a dotted line. */
export function assessmentCell(a: Assessment, lang: LayoutLang): Cell {
  if (a === null) return dotted();
  if (typeof a === "number") return { text: `${a} ${GRADE_WORDS[lang][a]}` };
  return { text: EXPRESSION_TEXTS[lang][a] };
}

/** §2.6 Omfang: the number, or «--» for a fagkode without omfang. */
export function omfangCell(omfang: number | null): Cell {
  return { text: omfang === null ? NO_OMFANG : String(omfang) };
}

/** §2.7 «Når en elev ikke har fravær, skal det stå 0 … ikke stiplet linje»; an unused cell is dotted. */
export function numberCell(n: number | null): Cell {
  return n === null ? dotted() : { text: String(n) };
}

/**
 * §2.5 «Fagene fører dere etter hvilken fagtype de tilhører og ordnet etter alfanumerisk fagkode.» The fagkode order is
 * by character code (digits before letters, "ENG1003" < "ENG1007" < "MAT1013"), the same on every machine.
 */
export function compareSubjects(a: Pick<SubjectInput, "fagtype" | "fagkode">, b: Pick<SubjectInput, "fagtype" | "fagkode">): number {
  const t = FAGTYPE_ORDER.indexOf(a.fagtype) - FAGTYPE_ORDER.indexOf(b.fagtype);
  if (t !== 0) return t;
  return a.fagkode < b.fagkode ? -1 : a.fagkode > b.fagkode ? 1 : 0;
}

/** The subjects in print order (§2.5): grouped by fagtype in the fixed order, then by fagkode. */
export function sortSubjects<T extends Pick<SubjectInput, "fagtype" | "fagkode">>(subjects: readonly T[]): T[] {
  return [...subjects].sort(compareSubjects);
}

export function subjectLine(s: SubjectInput, lang: LayoutLang): SubjectLine {
  return {
    fagkode: s.fagkode,
    fagtype: s.fagtype,
    omfang: omfangCell(s.omfang),
    code: { text: s.fagkode },
    name: { text: s.name },
    standpunkt: assessmentCell(s.standpunkt, lang),
    eksamen: assessmentCell(s.eksamen, lang),
    // §2.6 «Dere fyller bare ut eksamensform dersom vurdering for eksamen er aktuelt. Ellers … stiplet linje.»
    eksamensform: s.eksamensform === null ? dotted() : { text: s.eksamensform },
    year: { text: formatTerm(s.term) },
    // §2.6 «Dere skal føre innholdet i merknaden, ikke koden for merknaden.»
    merknad: { text: s.merknad?.text ?? "" },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Arranging a document

const C = (ref: string) => cite("003", ref);

/** The document's language (default bokmål). */
export const langOf = (input: Pick<VitnemalInput, "lang">): LayoutLang => input.lang ?? "nb";

/**
 * Arranges one document per §2. Findings (errors) for what §2 forbids in the layout: more than four programme-area
 * lines (§2.3), sluttkompetanse on a kompetansebevis or «fullført/bestått» lines on a vitnemål (§2.3), a fagkode twice
 * (one line per fagkode: NVB ¤F key), vedlegg without a merknad that says so (§2.10), an invalid date (§2.8). The
 * document is still arranged (for a preview); callers must not issue it when there are errors.
 */
export function arrangeDocument(input: VitnemalInput): Decision<VitnemalDocument> {
  const lang = langOf(input);
  const t = TEXTS[lang];
  const because: Finding[] = [];

  if (input.programmeAreas.length > 4)
    because.push(
      finding(
        "vitnemal.layout.programme-areas.max-four",
        "error",
        C("2.3"),
        {
          nb: `Det kan føres inntil fire linjer med utdanningsprogram/programområder; dokumentet har ${input.programmeAreas.length}.`,
          en: `At most four programme-area lines may stand on a document; this one has ${input.programmeAreas.length}.`,
        },
        { subject: "programmeAreas", value: input.programmeAreas.length },
      ),
    );
  const areas = [...input.programmeAreas].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  const sk = input.sluttkompetanse ?? [];
  if (input.kind === "kompetansebevis" && sk.length > 0)
    because.push(
      finding("vitnemal.layout.sluttkompetanse.only-vitnemal", "error", C("2.3"), {
        nb: "Oppnådd sluttkompetanse føres bare på vitnemål.",
        en: "Sluttkompetanse (final qualification) stands only on a vitnemål.",
      }),
    );
  if (input.kind === "vitnemal" && areas.some((a) => (a.status ?? null) !== null))
    because.push(
      finding("vitnemal.layout.year-status.only-kompetansebevis", "error", C("2.3"), {
        nb: "«Fullført»/«bestått» per årstrinn føres bare på kompetansebevis.",
        en: "«Fullført»/«bestått» per level stands only on a kompetansebevis.",
      }),
    );

  const seen = new Set<string>();
  for (const s of input.subjects) {
    if (seen.has(s.fagkode))
      because.push(
        finding(
          "vitnemal.layout.fagkode.twice",
          "error",
          cite("reference", "nvb-format.md §2.9 (¤F key Vgdoknr+Fagkode)"),
          {
            nb: `Fagkoden ${s.fagkode} står to ganger; en fagkode føres bare én gang per dokument.`,
            en: `Fagkode ${s.fagkode} stands twice; a fagkode appears at most once per document.`,
          },
          { subject: "subjects", value: s.fagkode },
        ),
      );
    seen.add(s.fagkode);
  }

  const vedlegg = input.vedlegg ?? [];
  if (vedlegg.length > 0) {
    const says = [...input.merknader.map((m) => m.text), ...input.subjects.map((s) => s.merknad?.text ?? "")].some((x) =>
      /vedlegg|vedlagt/i.test(x),
    );
    if (!says)
      because.push(
        finding("vitnemal.layout.vedlegg.merknad", "error", C("2.10"), {
          nb: "Det skal framgå av fag- eller vitnemålsmerknaden at dokumentet har vedlegg (f.eks. FAM03 eller VMM23).",
          en: "A fagmerknad or vitnemålsmerknad must say that the document has an attachment (e.g. FAM03 or VMM23).",
        }),
      );
  }
  for (const [field, d] of [
    ["issuedOn", input.issuedOn],
    ["duplicate.issuedOn", input.duplicate?.issuedOn],
  ] as const)
    if (d !== undefined && parseIsoDate(d) === undefined)
      because.push(
        finding(
          "vitnemal.layout.date",
          "error",
          C("2.8"),
          { nb: `Ugyldig dato: ${d}.`, en: `Not a valid date: ${d}.` },
          { subject: field, value: d },
        ),
      );

  const groups: SubjectGroup[] = [];
  for (const s of sortSubjects(input.subjects)) {
    let g = groups.at(-1);
    if (!g || g.fagtype !== s.fagtype) {
      g = { fagtype: s.fagtype, heading: FAGTYPE_HEADINGS[lang][s.fagtype], rows: [] };
      groups.push(g);
    }
    g.rows.push(subjectLine(s, lang));
  }

  const sum = input.sumOmfang ?? input.subjects.reduce((acc, s) => acc + (s.omfang ?? 0), 0);
  const identity = [
    { label: t.name, value: input.person.name },
    { label: t.fnr, value: input.person.fodselsnummer },
  ];
  const intro = input.kind === "vitnemal" ? [t.introVm(input.completedYear), t.introVmProgramme] : [t.introKb];
  const placeDate = `${input.issuer.place}, ${formatDate(input.issuedOn)}`;

  const doc: VitnemalDocument = {
    kind: input.kind,
    lang,
    title: t.title[input.kind],
    identity,
    intro,
    programmeAreas: areas.map((a) => ({
      level: a.level,
      code: a.code,
      name: a.name,
      programme: a.programme ?? "",
      status: input.kind === "kompetansebevis" && a.status ? t.status[a.status] : "",
    })),
    sluttkompetanse: input.kind === "vitnemal" ? sk.map((k) => t.sluttkompetanse[k]) : [],
    columns: (Object.keys(t.columns) as Column["key"][]).map((key) => ({ key, header: t.columns[key] })),
    groups,
    sumOmfang: String(sum),
    orden: input.orden === null ? dotted() : { text: CONDUCT[lang][input.orden] },
    adferd: input.adferd === null ? dotted() : { text: CONDUCT[lang][input.adferd] },
    absence: input.absence.map((a) => ({ label: a.label, days: numberCell(a.days), hours: numberCell(a.hours) })),
    merknader: input.merknader.map((m) => m.text),
    placeDate,
    issuerName: input.issuer.name,
    signatories: [input.signatories[0], input.signatories[1]],
    documentNumber: input.documentNumber,
    vedlegg: vedlegg.map((v, i) => ({
      title: v.title ?? `${t.vedleggTitle[input.kind]}${vedlegg.length > 1 ? ` (${i + 1})` : ""}`,
      // §2.10 «Vedlegg skal merkes med … Navn, fødselsnummer og vitnemål-/kompetansebevisnummer.»
      identity: [...identity, { label: t.number[input.kind], value: input.documentNumber }],
      paragraphs: [...v.paragraphs],
    })),
    duplicate: input.duplicate
      ? {
          mark: t.labels.duplicate,
          line: `${t.labels.duplicateIssued} ${input.duplicate.place}, ${formatDate(input.duplicate.issuedOn)}`,
          signatory: input.duplicate.signatory,
        }
      : null,
    labels: { ...t.labels },
  };
  return decision(doc, because);
}

/**
 * Every text the document prints, in reading order of the first page (page labels and «forts.» aside): for a check
 * that the paper shows all of the model, for previews, and for a benchmark against bare text of the same size.
 */
export function documentStrings(doc: VitnemalDocument): string[] {
  const out: string[] = [];
  if (doc.duplicate) out.push(doc.duplicate.mark);
  out.push(doc.title, ...doc.identity.map((i) => `${i.label}: ${i.value}`), ...doc.intro);
  for (const a of doc.programmeAreas) out.push(...[a.code, a.name, a.programme, a.status].filter((x) => x !== ""));
  out.push(...doc.sluttkompetanse, ...doc.columns.flatMap((c) => c.header.split("\n")));
  for (const g of doc.groups) {
    out.push(g.heading);
    for (const r of g.rows)
      out.push(...[r.omfang, r.code, r.name, r.standpunkt, r.eksamen, r.eksamensform, r.year, r.merknad].map((c) => c.text).filter((x) => x !== ""));
  }
  out.push(doc.labels.sumOmfang, doc.sumOmfang, doc.labels.orden, doc.orden.text, doc.labels.adferd, doc.adferd.text);
  if (doc.absence.length > 0) out.push(doc.labels.absence);
  for (const a of doc.absence) out.push(a.label, a.days.text, doc.labels.days, a.hours.text, doc.labels.hours);
  if (doc.merknader.length > 0) out.push(doc.labels.merknader, ...doc.merknader);
  if (doc.duplicate) out.push(doc.duplicate.line, doc.duplicate.signatory);
  out.push(doc.placeDate, doc.issuerName, ...doc.signatories, doc.documentNumber);
  for (const v of doc.vedlegg) out.push(v.title, ...v.identity.map((i) => `${i.label}: ${i.value}`), ...v.paragraphs);
  return out;
}

/** All subject lines in print order. */
export function subjectLines(doc: VitnemalDocument): SubjectLine[] {
  return doc.groups.flatMap((g) => g.rows);
}

// ---------------------------------------------------------------------------------------------------------------------
// Pages (§2.9)

/**
 * One item of the subject table as it flows down the page: a fagtype heading or a subject line. A heading with
 * `continued` repeats the fagtype at the top of a continuation page whose first line belongs to a group begun before.
 */
export type FlowItem = { kind: "heading"; group: SubjectGroup; continued?: boolean } | { kind: "row"; row: SubjectLine; group: SubjectGroup };

export function flowItems(doc: VitnemalDocument): FlowItem[] {
  return doc.groups.flatMap((g): FlowItem[] => [{ kind: "heading", group: g }, ...g.rows.map((row) => ({ kind: "row" as const, row, group: g }))]);
}

export interface PageSpace {
  /** Height available for table items on the first page when the document ends on it (tail included). */
  firstOnly: number;
  /** … on the first page of several (no tail: sum, orden, fravær, merknader move to the last page). */
  firstOfMany: number;
  /** … on a continuation page that also carries the tail. */
  lastOfMany: number;
  /** … on a continuation page that does not end the document. */
  middle: number;
}

/** Which flow items stand on which page. */
export interface PagePlan {
  pages: { items: FlowItem[] }[];
}

/**
 * §2.9 «Hvis det ikke er plass til å føre alle fag på én side, fører dere dokumentasjonen over to sider»: the subjects
 * fill page 1 above its signature block; the rest continue on page 2, which ends with sum omfang, orden og adferd,
 * fravær and the vitnemålsmerknader («Vitnemålsmerknader fører dere bare på side 2»). A fagtype heading never stands
 * alone at the foot of a page. If two pages are not enough the same rule goes on to a third (the seed names only two;
 * see docs: choices). `height` gives each item's height in points.
 */
export function planPages(items: readonly FlowItem[], height: (item: FlowItem) => number, space: PageSpace): PagePlan {
  const total = items.reduce((s, it) => s + height(it), 0);
  if (total <= space.firstOnly) return { pages: [{ items: [...items] }] };

  const pages: { items: FlowItem[] }[] = [];
  let i = 0;
  // a continuation page whose first line belongs to a group begun earlier repeats that group's heading
  const carry = (): FlowItem[] => {
    const it = items[i];
    return it && it.kind === "row" ? [{ kind: "heading", group: it.group, continued: true }] : [];
  };
  const fill = (room: number, prefix: FlowItem[]): FlowItem[] => {
    const out: FlowItem[] = [...prefix];
    let used = prefix.reduce((s, it) => s + height(it), 0);
    while (i < items.length) {
      const it = items[i]!;
      const h = height(it);
      // keep a heading with the row after it
      const next = items[i + 1];
      const need = it.kind === "heading" && next ? h + height(next) : h;
      if (used + need > room && out.length > prefix.length) break;
      out.push(it);
      used += h;
      i++;
      if (used > room) break; // an item taller than a page stands alone
    }
    return out;
  };
  pages.push({ items: fill(space.firstOfMany, []) });
  for (;;) {
    const prefix = carry();
    const rest = [...prefix, ...items.slice(i)].reduce((s, it) => s + height(it), 0);
    if (rest <= space.lastOfMany) {
      pages.push({ items: [...prefix, ...items.slice(i)] });
      break;
    }
    pages.push({ items: fill(space.middle, prefix) });
    if (i >= items.length) {
      pages.push({ items: [] }); // only the tail is left
      break;
    }
  }
  return { pages };
}
