/**
 * The data of an eksamensbevis or prøvebevis (§§ 34, 35, 41 of seed 002) and of the grade report to the ministry
 * (§ 39), built from an examinee's grades. Pure: what a PDF, a web preview or an export renders; no layout here.
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { formatGrade7 } from "../../kernel/grades/seven-step.ts";
import type { Cpr } from "../../kernel/ids/cpr.ts";
import { rationalToString } from "../../kernel/rational.ts";
import { exFinding } from "./cite.ts";
import { diplomaContent, meritText, type DiplomaLine } from "./diploma.ts";
import { GYMNASIAL_OR_EUX, type DiplomaKind, type Education, type GradeRecord } from "./model.ts";
import { examResult, EXAM_RESULT_DISPLAY, type DisplaySetting, type ExamResult } from "./result.ts";

export interface CertificateData {
  kind: DiplomaKind;
  examineeId: string;
  education: Education;
  /**
   * Who issues it: "Institutionen udsteder prøve- og eksamensbeviser. Undervisningsministeriet kan udstede bevis for
   * prøver og eksamen, der afholdes af institutioner under Kriminalforsorgen." (§ 34, stk. 1)
   */
  issuer: "institution" | "ministry";
  lines: DiplomaLine[];
  /** "På eksamensbeviset anføres »Foreløbigt eksamensresultat« samt »Eksamensresultat«." (§ 41, stk. 1); null on a prøvebevis. */
  result: ExamResult | null;
}

export interface CertificateOptions {
  /** The institution is one under Kriminalforsorgen (the prison service). */
  underKriminalforsorgen?: boolean;
  /** The ministry issues (allowed only under Kriminalforsorgen, § 34, stk. 1). */
  issuedByMinistry?: boolean;
  display?: DisplaySetting;
}

/**
 * Builds the certificate: an eksamensbevis with both results for a coherent upper-secondary programme or eux
 * (§ 41, stk. 1), otherwise a prøvebevis for the exams taken (§ 34). Value null — nothing half-made — when the
 * grades have an error (e.g. two final standpunkt grades) or the result cannot be computed.
 */
export function buildCertificate(record: GradeRecord, opts: CertificateOptions = {}): Decision<CertificateData | null> {
  const because: Finding[] = [];
  const e = record.examinee;
  if (opts.issuedByMinistry === true && opts.underKriminalforsorgen !== true) {
    because.push(
      exFinding(
        "certificate.issuer",
        "error",
        "§ 34, stk. 1",
        "The ministry issues certificates only for exams held by institutions under Kriminalforsorgen; otherwise the institution issues them.",
        "Undervisningsministeriet kan kun udstede bevis for prøver og eksamen, der afholdes af institutioner under Kriminalforsorgen; ellers udsteder institutionen beviset.",
        "issuer",
      ),
    );
    return decision<CertificateData | null>(null, because);
  }
  const content = diplomaContent(record);
  because.push(...content.because);
  if (hasErrors(because)) return decision<CertificateData | null>(null, because);

  const full = GYMNASIAL_OR_EUX.includes(e.education) && (e.coherent || e.education === "eux");
  let result: ExamResult | null = null;
  if (full) {
    const r = examResult(content.value, e, opts.display ?? EXAM_RESULT_DISPLAY);
    because.push(...r.because);
    if (r.value === null) return decision<CertificateData | null>(null, because);
    result = r.value;
  }
  return decision<CertificateData | null>(
    {
      kind: full ? "eksamensbevis" : "proevebevis",
      examineeId: e.id,
      education: e.education,
      issuer: opts.issuedByMinistry === true ? "ministry" : "institution",
      lines: content.value.lines,
      result,
    },
    because,
  );
}

/** One row of the § 39 report: one grade, or the exam averages. */
export interface GradeReportRow {
  cpr: Cpr;
  education: Education;
  subjectCode: string;
  level: string;
  part: string;
  source: DiplomaLine["source"] | "result";
  /** As written: "02", "Bestået"; or, on the result rows, the exact value "n/d". */
  value: string;
  counts: boolean;
}

/**
 * "Karakterer og eventuelt eksamensgennemsnit for den enkelte eksaminand indberettes til Undervisningsministeriet
 * efter ministeriets bestemmelse." (§ 39) — the rows to report: every line of the certificate and, where there is
 * one, the preliminary and the final exam result as exact fractions. The file format is the ministry's
 * ("efter ministeriets bestemmelse") and is not in the seed; this is the content only.
 */
export function gradeReport(certificate: CertificateData, cpr: Cpr): Decision<GradeReportRow[]> {
  const rows: GradeReportRow[] = certificate.lines.map((l) => ({
    cpr,
    education: certificate.education,
    subjectCode: l.subject.code,
    level: l.level ?? "",
    part: l.part,
    source: l.source,
    value: l.grade !== undefined ? formatGrade7(l.grade) : meritText(l.merit!).da,
    counts: l.counts,
  }));
  if (certificate.result !== null)
    for (const [code, v] of [
      ["FORELOEBIGT", certificate.result.preliminary],
      ["EKSAMENSRESULTAT", certificate.result.final],
    ] as const)
      rows.push({ cpr, education: certificate.education, subjectCode: code, level: "", part: "", source: "result", value: rationalToString(v), counts: false });
  return decision(rows, [
    exFinding(
      "report.content",
      "info",
      "§ 39",
      `${rows.length} row(s) for the ministry; the file format is set by the ministry and is not part of the order.`,
      `${rows.length} række(r) til ministeriet; filformatet fastsættes af ministeriet og indgår ikke i bekendtgørelsen.`,
    ),
  ]);
}
