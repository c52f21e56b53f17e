/**
 * The documents of seed 002 (eksamensbekendtgørelsen) as plain data for the PDF renderers (pdf.ts, letters.ts):
 *
 * - the eksamensbevis (exam diploma), prøvebevis (certificate of exams taken) and deltagerbevis (certificate of
 *   participation) in Danish, or the English certified copy (§ 34, stk. 2), each marked original or copy (§ 36), built
 *   from `buildCertificate` (certificate.ts) or `leaverCertificates` (diploma.ts, § 37);
 * - the complaint letters (§§ 47–55) with the deadlines the pure core computed (complaint.ts).
 *
 * Pure data, no database: the service (B) fills these inputs from the store and calls the renderers.
 */
import type { Finding } from "../../kernel/law.ts";
import type { Cpr } from "../../kernel/ids/cpr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import type { CertificateData } from "./certificate.ts";
import type { ComplaintCase } from "./complaint.ts";
import type { DiplomaLine, LeaverCertificates } from "./diploma.ts";
import type { DiplomaKind, Education, GradePart, IssuedDocument, Level, Subject } from "./model.ts";
import type { ExamResult } from "./result.ts";
import { exFinding } from "./cite.ts";
import { complaintLetter, drawLetter } from "./letters.ts";
import { diplomaView, drawDiploma, pdfDate } from "./pdf.ts";

/** The institution that issues the document (§ 34, stk. 1). */
export interface EksamenInstitution {
  name: string;
  /** The institution number (institutionsnummer), printed under the name when given. */
  number?: string;
  /** Postal address lines. */
  address?: string[];
  /** The town printed before the date ("Aarhus, 27. juni 2024"). */
  place?: string;
}

/** Who signs: the head of the institution (rektor, forstander …) or someone on their behalf. */
export interface EksamenSignatory {
  name: string;
  /** e.g. "Rektor"; printed as given (in the English copy too, with `titleEn` when given). */
  title: string;
  titleEn?: string;
}

/** The examinee as the document shows them. The CPR number is printed masked ("DDMMYY-xxxx"), never in full. */
export interface EksamenDocumentExaminee {
  name: string;
  cpr: Cpr;
}

/** A subject on a deltagerbevis: completed, not drawn for an exam (§ 37, stk. 1), with its standpunkt grades (stk. 2). */
export interface DeltagerSubject {
  subject: Subject;
  level?: Level;
  standpunkt: DiplomaLine[];
}

/**
 * One eksamensbevis, prøvebevis or deltagerbevis. `lines` and `result` come straight from `buildCertificate`
 * (`CertificateData.lines`, `.result`) or, for a leaver (§ 37), from `leaverCertificates` (`proevebevis` lines;
 * `deltagerbevis` subjects in `subjects`). Nothing about særlige prøvevilkår can be passed: the types have no such
 * field (§ 35, stk. 3).
 */
export interface EksamenDocumentInput {
  kind: DiplomaKind;
  /** Original, copy of a lost original (§ 36, stk. 1), or the English certified copy (§ 34, stk. 2). */
  copy: IssuedDocument["copy"];
  /** The document's id/number in the institution's ledger, printed at the foot of each page. */
  documentNumber?: string;
  institution: EksamenInstitution;
  /** "ministry" only for institutions under Kriminalforsorgen (§ 34, stk. 1; checked by buildCertificate). */
  issuer: CertificateData["issuer"];
  examinee: EksamenDocumentExaminee;
  education: Education;
  /** The diploma lines (eksamensbevis, prøvebevis). Empty on a deltagerbevis. */
  lines: readonly DiplomaLine[];
  /** The subjects of a deltagerbevis (§ 37). */
  subjects?: readonly DeltagerSubject[];
  /** The exam result (§§ 41–42) on an eksamensbevis; null on a prøvebevis or deltagerbevis. */
  result: ExamResult | null;
  /** The day this document is issued (the date printed above the signature). */
  issuedOn: IsoDate;
  /** For a copy or the English certified copy: the day the original was issued. */
  originalIssuedOn?: IsoDate;
  /**
   * A new original that replaces an earlier one: after it was recalled and destroyed (§ 36, stk. 2), or recalled during
   * a complaint and issued again with the new assessment (§ 52, stk. 2; § 53, stk. 4). Printed on the new original.
   */
  replaces?: { issuedOn: IsoDate; reason: "recalled-destroyed" | "complaint" };
  /** For a leaver's prøvebevis/deltagerbevis (§ 37): the day the examinee left. */
  leftOn?: IsoDate;
  signatory: EksamenSignatory;
  /** Fixed PDF creation date (metadata), so the same input gives the same bytes; default the issue date. */
  createdAt?: Date;
}

/** Which complaint letter (§§ 47–55). */
export type ComplaintLetterKind =
  /** § 47 / § 49, stk. 1: receipt of the complaint; the case goes forward and the assessors are asked. */
  | "receipt"
  /** § 49, stk. 2: the assessors' statements sent to the complainant for comments (deadline normally 1 week). */
  | "statements"
  /** § 49, stk. 1: rejected as manifestly unfounded, written and reasoned; appeal on legal questions (§ 55). */
  | "rejection"
  /** § 50: the decision — offer of re-assessment or retest (acceptance deadline, § 52) or not upheld; appeal (§ 54). */
  | "decision"
  /** § 53, stk. 4: the new assessment and its reasons, with the right to complain. */
  | "new-grade";

/** The exam the complaint is about, as the letter names it. */
export interface ComplaintLetterExam {
  subject: Subject;
  level?: Level;
  part: GradePart;
  /** The day the exam was held. */
  date: IsoDate;
}

/**
 * One complaint letter. `case` is the pure core's `ComplaintCase` after the step the letter reports (its `dates` carry
 * the deadlines computed by complaint.ts: `acceptanceDue`, `appealDue`, `commentsDue` …; the renderer never computes a
 * deadline itself).
 */
export interface ComplaintLetterInput {
  kind: ComplaintLetterKind;
  case: ComplaintCase;
  institution: EksamenInstitution;
  /** The addressee: the examinee, or the holder of custody when they filed (§ 47, stk. 1). */
  recipient: { name: string; address?: string[] };
  examinee: { name: string };
  exam: ComplaintLetterExam;
  /** The letter's date (the day the decision is notified; deadlines run from it). */
  date: IsoDate;
  /** The written reasons ("skriftlig og begrundet", §§ 49, 50; § 53, stk. 3), in Danish, as the leader wrote them. */
  reasons?: string;
  /** The institution's reference / case number. */
  reference?: string;
  signatory: EksamenSignatory;
  createdAt?: Date;
}

/** Builds the document input of an eksamensbevis or prøvebevis from `buildCertificate`'s value. */
export function documentFromCertificate(
  certificate: CertificateData,
  rest: Omit<EksamenDocumentInput, "kind" | "issuer" | "education" | "lines" | "result" | "subjects">,
): EksamenDocumentInput {
  return { ...rest, kind: certificate.kind, issuer: certificate.issuer, education: certificate.education, lines: certificate.lines, result: certificate.result };
}

/**
 * The inputs of a leaver's documents (§ 37): a prøvebevis for the exams taken and a deltagerbevis for the completed
 * subjects not drawn for an exam, each only when there is something to show.
 */
export function documentsForLeaver(
  leaver: LeaverCertificates,
  rest: Omit<EksamenDocumentInput, "kind" | "lines" | "result" | "subjects">,
): EksamenDocumentInput[] {
  const out: EksamenDocumentInput[] = [];
  if (leaver.proevebevis !== null) out.push({ ...rest, kind: "proevebevis", lines: leaver.proevebevis, result: null });
  if (leaver.deltagerbevis !== null) out.push({ ...rest, kind: "deltagerbevis", lines: [], subjects: leaver.deltagerbevis, result: null });
  return out;
}

/** Thrown by the renderers when the input breaks a rule (the findings say which); check first with `checkDocumentInput` / `complaintLetter`. */
export class EksamenDocumentError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(findings.map((f) => `${f.cite.ref}: ${f.message.en}`).join("; "));
    this.name = "EksamenDocumentError";
    this.findings = findings;
  }
}

/**
 * Whether the input makes a whole document (error findings when not):
 * - an eksamensbevis carries »Foreløbigt eksamensresultat« and »Eksamensresultat« (§ 41, stk. 1); a prøvebevis or
 *   deltagerbevis has no exam result;
 * - a deltagerbevis is for a leaver (§ 37, stk. 1): a leaving date and at least one completed subject not drawn for
 *   an exam; an eksamensbevis or prøvebevis has at least one line;
 * - a copy (§ 36, stk. 1) and the English certified copy (§ 34, stk. 2) name the day the original was issued.
 * Whether the document may be issued at all (one original, copy only when lost, English on request) is `mayIssue`.
 */
export function checkDocumentInput(input: EksamenDocumentInput): Finding[] {
  const fs: Finding[] = [];
  const no = (rule: string, ref: string, en: string, da: string, field: string) => fs.push(exFinding(rule, "error", ref, en, da, field));
  if (input.kind === "eksamensbevis" && input.result === null)
    no("document.result-missing", "§ 41, stk. 1", "An eksamensbevis shows the preliminary exam result and the exam result; none was given.", "På eksamensbeviset anføres »Foreløbigt eksamensresultat« samt »Eksamensresultat«; der er ikke angivet noget resultat.", "result");
  if (input.kind !== "eksamensbevis" && input.result !== null)
    no("document.result-not-on-kind", "§ 41, stk. 1", `A ${input.kind} has no exam result.`, `Et ${input.kind} har intet eksamensresultat.`, "result");
  if (input.kind === "deltagerbevis") {
    if (input.leftOn === undefined)
      no("document.deltagerbevis-not-left", "§ 37, stk. 1", "A deltagerbevis is for an examinee who left without completing; no leaving date.", "Deltagerbevis gives ved udmeldelse uden at have fuldført; der er ingen dato for udmeldelse.", "leftOn");
    if ((input.subjects ?? []).length === 0)
      no("document.deltagerbevis-empty", "§ 37, stk. 1", "A deltagerbevis lists the completed subjects not drawn for an exam; there are none.", "Deltagerbeviset angiver de afsluttede fag, der ikke er udtrukket til prøve; der er ingen.", "subjects");
    if (input.lines.length > 0)
      no("document.deltagerbevis-lines", "§ 37, stk. 1", "A deltagerbevis has no exam lines (exams taken go on the prøvebevis).", "Et deltagerbevis har ingen prøvelinjer (aflagte prøver anføres på prøvebeviset).", "lines");
  } else if (input.lines.length === 0)
    no("document.no-lines", "§ 35, stk. 1", "There is nothing to show on the certificate.", "Der er intet at anføre på beviset.", "lines");
  if (input.replaces !== undefined && input.copy !== "original")
    no("document.replaces-on-copy", "§ 36, stk. 2", "Only a new original replaces an earlier original.", "Kun et nyt originalbevis erstatter et tidligere originalbevis.", "replaces");
  if (input.replaces !== undefined && input.replaces.issuedOn > input.issuedOn)
    no("document.replaces-later", "§ 36, stk. 2", "The replaced original must be issued before the new one.", "Det erstattede originalbevis skal være udstedt før det nye.", "replaces");
  if (input.copy !== "original" && input.originalIssuedOn === undefined)
    no(
      "document.copy-without-original",
      input.copy === "copy" ? "§ 36, stk. 1" : "§ 34, stk. 2",
      "A copy names the day the original was issued.",
      "En kopi angiver, hvornår originalbeviset blev udstedt.",
      "originalIssuedOn",
    );
  return fs;
}

/**
 * Renders an eksamensbevis, prøvebevis or deltagerbevis as PDF: Danish for an original or a copy (§ 36), English for
 * the certified copy (§ 34, stk. 2). Throws `EksamenDocumentError` when `checkDocumentInput` finds an error.
 */
export async function renderEksamenDocumentPdf(input: EksamenDocumentInput): Promise<Uint8Array> {
  const errors = checkDocumentInput(input);
  if (errors.length > 0) throw new EksamenDocumentError(errors);
  return drawDiploma(diplomaView(input), input.createdAt ?? pdfDate(input.issuedOn));
}

/**
 * Renders a complaint letter as PDF (Danish), with the deadlines of the case as the pure core computed them. Throws
 * `EksamenDocumentError` when the letter does not fit the case (see `complaintLetter`).
 */
export async function renderComplaintLetterPdf(input: ComplaintLetterInput): Promise<Uint8Array> {
  const letter = complaintLetter(input);
  if (letter.value === null) throw new EksamenDocumentError(letter.because.filter((f) => f.severity === "error"));
  return drawLetter(letter.value, input.createdAt ?? pdfDate(input.date));
}
