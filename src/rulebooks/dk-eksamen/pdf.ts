/**
 * The eksamensbevis, prøvebevis and deltagerbevis of seed 002 (Kapitel 8, §§ 34–37) as PDF, through the platform's
 * one PDF renderer (src/platform/render/pdf.ts: pdfkit, A4, Tinos).
 *
 * Two steps: `diplomaView` turns an `EksamenDocumentInput` into the words and rows to print (pure, tested on its
 * own), and `drawDiploma` lays them out. The view is built field by field from the input, never by copying objects, so
 * nothing the caller did not mean to print reaches the page — in particular nothing about særlige prøvevilkår (§ 35,
 * stk. 3), which no input type can carry anyway.
 *
 * What the seed fixes and what it leaves to the ministry: "Undervisningsministeriet fastsætter formater for prøve- og
 * eksamensbeviser … Ved udfærdigelse af eksamensbeviser skal benyttes papir med Undervisningsministeriets logo i
 * vandmærke." (§ 34, stk. 2) — the ministry's formats and the watermark paper are outside bevis; this is the content
 * the order requires, in a plain layout (decision in docs/rulebooks/002-eksamen.md).
 */
import { formatGrade7 } from "../../kernel/grades/seven-step.ts";
import { maskCpr } from "../../kernel/ids/cpr.ts";
import type { Rational } from "../../kernel/rational.ts";
import { ymd, type IsoDate } from "../../kernel/time/date.ts";
import { createPdf, type PdfColumn } from "../../platform/render/pdf.ts";
import { meritText, type DiplomaLine } from "./diploma.ts";
import type { EksamenDocumentInput } from "./documents.ts";
import { EDUCATION_NAMES, type DiplomaKind, type GradePart, type Level } from "./model.ts";
import { formatExact, type ExamResult } from "./result.ts";

export type DocLanguage = "da" | "en";

// ---------------------------------------------------------------------------------------------------------------
// Words

const MONTHS: Record<DocLanguage, readonly string[]> = {
  da: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "27. juni 2024" / "27 June 2024". */
export function longDate(d: IsoDate, lang: DocLanguage): string {
  const { y, m, d: day } = ymd(d);
  return lang === "da" ? `${day}. ${MONTHS.da[m - 1]} ${y}` : `${day} ${MONTHS.en[m - 1]} ${y}`;
}

/** "juni 2024" / "June 2024": the term a grade was given in. */
export function monthYear(d: IsoDate, lang: DocLanguage): string {
  const { y, m } = ymd(d);
  return `${MONTHS[lang][m - 1]} ${y}`;
}

/** The title of each kind of document (§ 34; § 37, stk. 1). */
export const KIND_TITLE: Record<DiplomaKind, { da: string; en: string }> = {
  eksamensbevis: { da: "Eksamensbevis", en: "Diploma (eksamensbevis)" },
  proevebevis: { da: "Prøvebevis", en: "Certificate of examinations (prøvebevis)" },
  deltagerbevis: { da: "Deltagerbevis", en: "Certificate of participation (deltagerbevis)" },
};

const PART: Record<GradePart, { da: string; en: string }> = {
  written: { da: "skriftlig", en: "written" },
  oral: { da: "mundtlig", en: "oral" },
  practical: { da: "praktisk", en: "practical" },
  combined: { da: "samlet", en: "combined" },
};

const SOURCE: Record<DiplomaLine["source"], { da: string; en: string }> = {
  exam: { da: "Prøve", en: "Examination" },
  standpunkt: { da: "Standpunkt", en: "Year grade (standpunkt)" },
  merit: { da: "Merit", en: "Credit transfer (merit)" },
};

const LEVEL: Record<Level, { da: string; en: string }> = {
  A: { da: "A", en: "A" },
  B: { da: "B", en: "B" },
  C: { da: "C", en: "C" },
};

/**
 * The 7-trinsskala explained in English on the certified copy (§ 34, stk. 2: "på engelsk som bekræftet kopi"). The
 * grades are facts.md's "7-trinsskala grades" (12, 10, 7, 4, 02, 00, −3); the descriptions and ECTS equivalents are the
 * English description of the scale published by the Danish authorities (outside the seed and facts.md; checked word
 * for word on 2026-11-23 against Euroguidance/Ministry "The Danish Education System", p. 16, and the University of
 * Copenhagen's grading-scale pages; the ministry's short names, eng.uvm.dk "7-point grading scale", agree:
 * "12: For an excellent performance" … "-3: For an unacceptable performance"). docs/rulebooks/002-eksamen.md, 17a.
 */
export const GRADE_SCALE_EN: readonly { grade: string; ects: string; description: string }[] = [
  { grade: "12", ects: "A", description: "For an excellent performance displaying a high level of command of all aspects of the relevant material, with no or only a few minor weaknesses." },
  { grade: "10", ects: "B", description: "For a very good performance displaying a high level of command of most aspects of the relevant material, with only minor weaknesses." },
  { grade: "7", ects: "C", description: "For a good performance displaying good command of the relevant material but also some weaknesses." },
  { grade: "4", ects: "D", description: "For a fair performance displaying some command of the relevant material but also some major weaknesses." },
  { grade: "02", ects: "E", description: "For a performance meeting only the minimum requirements for acceptance." },
  { grade: "00", ects: "Fx", description: "For a performance which does not meet the minimum requirements for acceptance." },
  { grade: "-3", ects: "F", description: "For a performance which is unacceptable in all respects." },
];

/** The order's name, printed under the title (the legal basis of the document). */
export const ORDER_NAME = {
  da: "Bekendtgørelse om prøver og eksamen i de almene og studieforberedende ungdoms- og voksenuddannelser (eksamensbekendtgørelsen)",
  en: "Executive order on tests and examinations in general upper secondary and adult education (eksamensbekendtgørelsen)",
};

// ---------------------------------------------------------------------------------------------------------------
// The view

export interface DiplomaView {
  lang: DocLanguage;
  /** The PDF's metadata title. */
  metaTitle: string;
  title: string;
  subtitle: string;
  /** § 36 / § 34, stk. 2: "ORIGINAL", "KOPI", "CERTIFIED COPY". */
  marking: string;
  markingNote?: string;
  identity: [string, string][];
  intro?: string;
  columns: PdfColumn[];
  rows: string[][];
  /** Footnotes below the table (stx AP/NV not counted, merit …), each with its §. */
  notes: string[];
  result?: { heading: string; rows: [string, string][]; note: string };
  scale?: { heading: string; intro: string; rows: string[][] };
  placeDate: string;
  signature: string[];
  /** The certification of an English copy. */
  certification?: string;
  footer: string;
}

const t = (lang: DocLanguage, da: string, en: string) => (lang === "da" ? da : en);

/** The weight of a line in the exam result (§ 40), found by the grades it stands for; undefined when it does not count. */
function weightOf(line: DiplomaLine, result: ExamResult | null): Rational | undefined {
  if (result === null || !line.counts) return undefined;
  const key = line.from.join("|");
  return result.steps.find((s) => s.from.join("|") === key)?.weight;
}

/** The grade cell: the grade as written, a merit's »Bestået«/»Godkendt«, or "Kompetencebevis" (spelt out in a note below the table). */
function gradeText(line: DiplomaLine, lang: DocLanguage): string {
  if (line.grade !== undefined && (line.merit === undefined || line.merit.kind === "grade")) return formatGrade7(line.grade);
  if (line.merit?.kind === "competence-certificate") return t(lang, "Kompetencebevis", "Competence certificate");
  return line.merit !== undefined ? meritText(line.merit)[lang] : "";
}

function subjectName(s: DiplomaLine["subject"], lang: DocLanguage): string {
  return lang === "en" && s.name.en !== undefined && s.name.en !== s.name.da ? `${s.name.en} (${s.name.da})` : s.name.da;
}

/**
 * What the document prints, in its language: Danish for the original and a copy of it (§ 36), English for the
 * certified copy (§ 34, stk. 2). Lines appear in the order `diplomaContent` gave them (compareLines).
 */
export function diplomaView(input: EksamenDocumentInput): DiplomaView {
  const lang: DocLanguage = input.copy === "english-certified-copy" ? "en" : "da";
  const kind = KIND_TITLE[input.kind];
  const edu = EDUCATION_NAMES[input.education];
  const title = lang === "da" ? kind.da : kind.en;

  let marking: string;
  let markingNote: string | undefined;
  if (input.copy === "original") {
    marking = "ORIGINAL";
    markingNote =
      input.replaces === undefined
        ? "Originalbevis. Der udstedes kun ét originalbevis (§ 36, stk. 1)."
        : input.replaces.reason === "recalled-destroyed"
          ? `Nyt originalbevis. Erstatter originalbevis udstedt ${longDate(input.replaces.issuedOn, "da")}, som er inddraget og tilintetgjort (§ 36, stk. 2).`
          : `Nyt originalbevis efter klage. Erstatter originalbevis udstedt ${longDate(input.replaces.issuedOn, "da")}, som er inddraget, indtil den nye bedømmelse forelå (§ 52, stk. 2; § 53, stk. 4).`;
  } else if (input.copy === "copy") {
    marking = "KOPI";
    markingNote = `Kopi af originalbevis udstedt ${input.originalIssuedOn !== undefined ? longDate(input.originalIssuedOn, "da") : "(dato ukendt)"}, udleveret fordi originalen er bortkommet (§ 36, stk. 1). Kopien er ikke et originalbevis.`;
  } else {
    marking = "CERTIFIED COPY";
    markingNote = `English certified copy of the Danish original issued ${input.originalIssuedOn !== undefined ? longDate(input.originalIssuedOn, "en") : "(date unknown)"}, made at the examinee's request (§ 34, stk. 2). The Danish original is the legal document.`;
  }

  const identity: [string, string][] = [
    [t(lang, "Navn", "Name"), input.examinee.name],
    [t(lang, "CPR-nr.", "CPR no. (Danish personal ID)"), maskCpr(input.examinee.cpr)],
    [t(lang, "Uddannelse", "Education"), lang === "da" ? edu.da : `${edu.en} – ${edu.da}`],
    [t(lang, "Institution", "Institution"), input.institution.number !== undefined ? `${input.institution.name} (${t(lang, "inst.nr.", "inst. no.")} ${input.institution.number})` : input.institution.name],
  ];
  if (input.issuer === "ministry")
    identity.push([
      t(lang, "Udstedt af", "Issued by"),
      t(lang, "Undervisningsministeriet (institution under Kriminalforsorgen, § 34, stk. 1)", "The Danish Ministry of Education (institution under the prison service, § 34, stk. 1)"),
    ]);
  if (input.leftOn !== undefined) identity.push([t(lang, "Udmeldt", "Left the programme"), longDate(input.leftOn, lang)]);

  let intro: string | undefined;
  let columns: PdfColumn[];
  let rows: string[][];
  const notes: string[] = [];
  if (input.kind === "deltagerbevis") {
    intro = t(
      lang,
      `${input.examinee.name} har forladt uddannelsen uden at have fuldført og har deltaget i og afsluttet nedenstående fag, der ikke er udtrukket til prøve (§ 37, stk. 1). Afsluttende standpunktskarakterer er anført, hvor de gives (§ 37, stk. 2).`,
      `${input.examinee.name} left the programme without completing it and took part in and completed the subjects below, which were not drawn for an examination (§ 37, stk. 1). Final year grades are shown where they are given (§ 37, stk. 2).`,
    );
    columns = [
      { header: t(lang, "Fag", "Subject"), width: 5 },
      { header: t(lang, "Niveau", "Level"), width: 1.2, align: "center" },
      { header: t(lang, "Standpunktskarakter", "Year grade (standpunkt)"), width: 4 },
    ];
    rows = (input.subjects ?? []).map((s) => [
      subjectName(s.subject, lang),
      s.level !== undefined ? LEVEL[s.level][lang] : "",
      s.standpunkt.length === 0 ? "–" : s.standpunkt.map((l) => `${PART[l.part][lang]}: ${gradeText(l, lang)}`).join(", "),
    ]);
  } else {
    if (input.kind === "proevebevis" && input.leftOn !== undefined)
      intro = t(
        lang,
        `${input.examinee.name} har forladt uddannelsen uden at have fuldført. Beviset omfatter de aflagte prøver og afsluttende standpunktskarakterer, hvor de gives (§ 37).`,
        `${input.examinee.name} left the programme without completing it. The certificate covers the examinations taken and final year grades where they are given (§ 37).`,
      );
    const withWeight = input.result !== null;
    columns = [
      { header: t(lang, "Fag", "Subject"), width: 4.2 },
      { header: t(lang, "Niveau", "Level"), width: 1.1, align: "center" },
      { header: t(lang, "Bedømmelse", "Assessment"), width: 3 },
      { header: t(lang, "Karakter", "Grade"), width: 2.2, align: "center" },
      ...(withWeight ? [{ header: t(lang, "Vægt", "Weight"), width: 1.3, align: "center" as const }] : []),
      { header: t(lang, "Termin", "Term"), width: 2 },
    ];
    let apNv = false;
    let noGrade = false;
    let merit = false;
    rows = input.lines.map((l) => {
      const w = weightOf(l, input.result);
      const notCounted = input.result !== null && !l.counts;
      const isApNv = input.education === "stx" && (l.subject.component === "ap" || l.subject.component === "nv");
      if (notCounted && isApNv) apNv = true;
      else if (notCounted) noGrade = true;
      if (l.source === "merit") merit = true;
      const cells = [
        subjectName(l.subject, lang) + (notCounted ? (isApNv ? " *" : " **") : ""),
        l.level !== undefined ? LEVEL[l.level][lang] : "",
        `${SOURCE[l.source][lang]}, ${PART[l.part][lang]}`,
        gradeText(l, lang),
      ];
      if (withWeight) cells.push(w !== undefined ? formatExact(w, lang === "da" ? "," : ".") : "–");
      cells.push(monthYear(l.date, lang));
      return cells;
    });
    if (apNv)
      notes.push(
        t(
          lang,
          "* Oplyses uden at være medtællende i det samlede eksamensresultat (§ 35, stk. 2).",
          "* Shown without counting in the overall exam result (§ 35, stk. 2).",
        ),
      );
    if (noGrade)
      notes.push(t(lang, "** Bedømmelse uden karakter; indgår ikke i eksamensresultatet (§ 35, stk. 2; § 41, stk. 2).", "** Assessment without a grade; not counted in the exam result (§ 35, stk. 2; § 41, stk. 2)."));
    for (const l of input.lines)
      if (l.merit?.kind === "competence-certificate") notes.push(`${subjectName(l.subject, lang)}${l.level !== undefined ? ` ${l.level}` : ""}: ${meritText(l.merit)[lang]} (§ 35, stk. 2).`);
    if (merit)
      notes.push(
        t(
          lang,
          "Merit: meritoverført prøve med den opnåede bedømmelse (»Bestået«, »Godkendt« eller en karakter) eller merit givet på grundlag af et kompetencebevis (§ 35, stk. 2).",
          "Credit transfer (merit): an examination transferred with its assessment (»Bestået« = passed, »Godkendt« = approved, or a grade), or credit given on the basis of a competence certificate (§ 35, stk. 2).",
        ),
      );
    if (input.lines.some((l) => l.source === "standpunkt"))
      notes.push(t(lang, "Standpunkt: afsluttende standpunktskarakter (årskarakter) (§ 35, stk. 2).", "Year grade (standpunkt): the final grade for the year's work in the subject (§ 35, stk. 2)."));
  }

  let result: DiplomaView["result"];
  if (input.result !== null) {
    const r = input.result;
    const extra = r.extraALevels === 0 ? t(lang, "ingen", "none") : r.extraALevels === 1 ? "1" : t(lang, "2 eller flere", "2 or more");
    result = {
      heading: t(lang, "Eksamensresultat", "Exam result"),
      rows: [
        [t(lang, "Foreløbigt eksamensresultat", "Preliminary exam result (Foreløbigt eksamensresultat)"), r.display.preliminary[lang]],
        [t(lang, "Ekstra fag på A-niveau", "Extra subjects at A level"), `${extra} (${t(lang, "faktor", "factor")} ${formatExact(r.factor, lang === "da" ? "," : ".")}, § 42)`],
        [t(lang, "Eksamensresultat", "Exam result (Eksamensresultat)"), r.display.final[lang]],
        [
          t(lang, "Beståkrav", "Pass requirement"),
          r.passed
            ? t(lang, "Opfyldt (foreløbigt eksamensresultat mindst 2,0, § 41, stk. 1)", "Met (preliminary exam result at least 2.0, § 41, stk. 1)")
            : t(lang, "Ikke opfyldt (foreløbigt eksamensresultat under 2,0, § 41, stk. 1)", "Not met (preliminary exam result below 2.0, § 41, stk. 1)"),
        ],
      ],
      note: t(
        lang,
        `Vægtet gennemsnit af karaktererne på beviset, herunder afsluttende standpunktskarakterer (§§ 40–41). ${r.display.setting.note.da}`,
        `Weighted average of the grades on the certificate, including final year grades (§§ 40–41). ${r.display.setting.note.en}`,
      ),
    };
  }

  let scale: DiplomaView["scale"];
  if (lang === "en")
    scale = {
      heading: "The Danish 7-point grading scale (7-trinsskala)",
      intro: "02 is the lowest pass grade. The exam result is a weighted average on the same scale.",
      rows: GRADE_SCALE_EN.map((g) => [g.grade, g.ects, g.description]),
    };

  const place = input.institution.place;
  const placeDate = `${place !== undefined ? `${place}, ` : ""}${longDate(input.issuedOn, lang)}`;
  const signature = [input.signatory.name, lang === "en" && input.signatory.titleEn !== undefined ? input.signatory.titleEn : input.signatory.title, input.institution.name];
  const certification =
    lang === "en" ? `Certified to be a true English rendering of the Danish original ${kind.da.toLowerCase()} issued by ${input.institution.name}.` : undefined;

  const footer = [input.documentNumber !== undefined ? `${t(lang, "Bevis nr.", "Certificate no.")} ${input.documentNumber}` : undefined, `${title} · ${marking}`]
    .filter((x): x is string => x !== undefined)
    .join(" · ");

  const view: DiplomaView = {
    lang,
    metaTitle: `${title} – ${input.examinee.name}`,
    title,
    subtitle: lang === "da" ? edu.da : edu.en,
    marking,
    identity,
    columns,
    rows,
    notes,
    placeDate,
    signature,
    footer,
  };
  if (markingNote !== undefined) view.markingNote = markingNote;
  if (intro !== undefined) view.intro = intro;
  if (result !== undefined) view.result = result;
  if (scale !== undefined) view.scale = scale;
  if (certification !== undefined) view.certification = certification;
  return view;
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing

/** PDF metadata date: noon UTC of the issue date, so the same input gives the same bytes. */
export function pdfDate(d: IsoDate): Date {
  return new Date(`${d}T12:00:00Z`);
}

/** Lays the view out on A4 pages. */
export async function drawDiploma(view: DiplomaView, createdAt: Date): Promise<Buffer> {
  const pdf = createPdf({ title: view.metaTitle, lang: view.lang, footer: view.footer, createdAt, subject: ORDER_NAME[view.lang] });
  const doc = pdf.doc;
  // the marking in the top right corner, then the title
  const top = doc.y;
  pdf.text(view.marking, { bold: true, size: pdf.fontSize * 1.2, align: "right", after: 0 });
  doc.y = top;
  pdf.title(view.title.toUpperCase(), view.subtitle);
  if (view.markingNote !== undefined) pdf.text(view.markingNote, { italic: true, size: pdf.fontSize * 0.9, after: 0.6 });
  pdf.keyValues(view.identity, { labelWidth: pdf.contentWidth * 0.3 });
  if (view.intro !== undefined) pdf.text(view.intro, { after: 0.5 });
  pdf.space(0.4);
  pdf.table(view.columns, view.rows);
  for (const n of view.notes) pdf.text(n, { size: pdf.fontSize * 0.85, after: 0.2 });
  if (view.result !== undefined) {
    pdf.heading(view.result.heading);
    pdf.keyValues(view.result.rows, { labelWidth: pdf.contentWidth * 0.45 });
    pdf.text(view.result.note, { size: pdf.fontSize * 0.85 });
  }
  if (view.scale !== undefined) {
    pdf.heading(view.scale.heading);
    pdf.text(view.scale.intro, { size: pdf.fontSize * 0.9 });
    pdf.table(
      [
        { header: "Grade", width: 1, align: "center" },
        { header: "ECTS", width: 1, align: "center" },
        { header: "Description", width: 9 },
      ],
      view.scale.rows,
      { size: pdf.fontSize * 0.8 },
    );
  }
  // place, date and signature
  pdf.ensureSpace(pdf.fontSize * (view.certification !== undefined ? 16 : 13));
  pdf.space(1);
  if (view.certification !== undefined) pdf.text(view.certification, { italic: true });
  pdf.text(view.placeDate, { after: 2.2 });
  const x = pdf.left;
  doc.save().lineWidth(0.5).moveTo(x, doc.y).lineTo(x + 200, doc.y).stroke().restore();
  doc.moveDown(0.3);
  for (const [i, line] of view.signature.entries()) pdf.text(line, { bold: i === 0, after: 0 });
  pdf.text(ORDER_NAME[view.lang] + ", §§ 34–37.", { size: pdf.fontSize * 0.75, color: "#444444", after: 0 });
  return pdf.toBuffer();
}
