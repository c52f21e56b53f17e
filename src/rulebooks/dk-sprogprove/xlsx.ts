/**
 * The downloadable copy of a submission ("Fra denne side er det muligt at hente en kopi af den samlede indberetning i
 * Excel-format", 2.4): one sheet per step of the report, and the receipt's findings. Uses the platform's exceljs helpers.
 */
import { addTableSheet, createWorkbook, workbookToBuffer, type XlsxColumn } from "../../platform/render/xlsx.ts";
import { text } from "../../kernel/law.ts";
import { formatCpr } from "../../kernel/ids/cpr.ts";
import { formatSchoolYear } from "../../kernel/time/school-year.ts";
import { resultRow, type SprogproveResult } from "./codes.ts";
import type { Pupil, Report, Step } from "./model.ts";
import { STEPS } from "./model.ts";
import type { SubmissionDetail } from "./service.ts";
import { isReported } from "./leaving.ts";

export const XLSX_SHEETS = {
  bhkl: "1) Elever i børnehaveklasse",
  nine: "2) Elever i 1.-9. klasse",
  exempted: "3) Fritagne elever",
  submission: "4) Indberetning",
  gaps: "Mangler",
} as const;

const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? "" : b ? "Ja" : "Nej");
const label = (r: SprogproveResult | null | undefined) => (r ? resultRow(r).da : "");
const resultOf = (p: Pupil, no: number) => label(p.attempts.find((a) => a.no === no)?.result);
const delOf = (p: Pupil, no: number) =>
  (p.attempts.find((a) => a.no === no)?.delprover ?? []).map((d) => `${d.no}: ${d.value ?? ""}`).join(", ");

export async function submissionXlsx(d: SubmissionDetail, report: Report, school: { code: string; name: string }): Promise<Buffer> {
  const wb = createWorkbook({ title: `Sprogprøver ${d.schoolYear} – ${school.code} – indberetning nr. ${d.number}`, createdAt: new Date(d.createdAt) });
  // Selected pupils; a pupil who left only with attempts held at the school (leaving.ts).
  const reported = report.pupils.filter(isReported);
  const leftOn = (p: Pupil) => p.left?.on ?? "";
  // A leaver is reported with the attempts held at the school only: "rykker op", sommerskole and the special
  // permission belong to the school the pupil attends at the end of the year (leaving.ts), so they are left blank.
  const unlessLeft = (p: Pupil, v: string) => (p.left ? "" : v);
  const attemptCols = (n: number, withDel: boolean): XlsxColumn[] =>
    Array.from({ length: n }, (_, i) => [
      { header: `Forsøg ${i + 1}`, key: `f${i + 1}` },
      ...(withDel ? [{ header: `Forsøg ${i + 1} delprøver`, key: `d${i + 1}` }] : []),
    ]).flat();
  const attemptVals = (p: Pupil, n: number, withDel: boolean) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [[`f${i + 1}`, resultOf(p, i + 1)], ...(withDel ? [[`d${i + 1}`, delOf(p, i + 1)]] : [])]).flat());
  addTableSheet(
    wb,
    XLSX_SHEETS.bhkl,
    [
      { header: "CPR-nummer", key: "cpr" },
      { header: "Klassetrin", key: "level" },
      ...attemptCols(4, true),
      { header: "Sommerskole", key: "sommerskole" },
      { header: "Særlig tilladelse (§ 11 a, stk. 5)", key: "permission" },
      { header: "Rykker op", key: "rykkerOp" },
      { header: "Udmeldt", key: "left" },
    ],
    reported
      .filter((p) => p.classLevel === 0)
      .map((p) => ({
        cpr: formatCpr(p.cpr),
        level: "Børnehaveklasse",
        ...attemptVals(p, 4, true),
        sommerskole: unlessLeft(p, yesNo(p.sommerskole ?? false)),
        permission: unlessLeft(p, yesNo(p.specialPermission ?? false)),
        rykkerOp: unlessLeft(p, yesNo(p.rykkerOp)),
        left: leftOn(p),
      })),
  );
  addTableSheet(
    wb,
    XLSX_SHEETS.nine,
    [
      { header: "CPR-nummer", key: "cpr" },
      { header: "Klassetrin", key: "level", type: "integer" },
      ...attemptCols(4, false),
      { header: "Rykker op", key: "rykkerOp" },
      { header: "Udmeldt", key: "left" },
    ],
    reported
      .filter((p) => p.classLevel !== 0)
      .map((p) => ({ cpr: formatCpr(p.cpr), level: p.classLevel, ...attemptVals(p, 4, false), rykkerOp: unlessLeft(p, yesNo(p.rykkerOp)), left: leftOn(p) })),
  );
  addTableSheet(wb, XLSX_SHEETS.exempted, [{ header: "Antal fritagne elever", key: "n", type: "integer" }], [{ n: report.exemptedCount }], { autoFilter: false });
  addTableSheet(
    wb,
    XLSX_SHEETS.submission,
    [
      { header: "Felt", key: "k" },
      { header: "Værdi", key: "v" },
    ],
    [
      { k: "Skole", v: school.name },
      { k: "Institutionsnummer", v: school.code },
      { k: "Skoleår", v: formatSchoolYear(report.schoolYear) },
      { k: "Indberetning nr.", v: d.number },
      { k: "Dato", v: d.decidedOn },
      { k: "Indberettet af", v: d.createdBy },
      { k: "Elever i børnehaveklasse", v: d.receipt.reported.bhkl },
      { k: "Elever i 1.-9. klasse", v: d.receipt.reported["1-9"] },
      { k: "Udmeldte elever, indberettet med afholdte forsøg", v: d.receipt.left?.reported ?? 0 },
      { k: "Udmeldte elever, ikke indberettet", v: d.receipt.left?.notReported ?? 0 },
      { k: "Fuldstændig (grøn kvittering)", v: d.complete ? "Ja" : "Nej" },
      { k: "Fejl", v: d.errors },
      { k: "Advarsler", v: d.warnings },
    ],
    { autoFilter: false },
  );
  const gaps = (Object.keys(d.receipt.steps) as Step[]).flatMap((step) =>
    d.receipt.steps[step]
      .filter((f) => f.severity !== "info")
      .map((f) => {
        const pid = /^pupils\.([^.]+)/.exec(f.subject ?? "")?.[1];
        return {
          step: STEPS.find((s) => s.step === step)?.da ?? step,
          severity: f.severity === "error" ? "Fejl" : "Advarsel",
          pupil: pid ? (d.receipt.pupils[pid]?.cprMasked ?? "") : "",
          field: f.subject ?? "",
          message: text(f.message, "da"),
          ref: `${f.cite.seed} ${f.cite.ref}`,
        };
      }),
  );
  addTableSheet(
    wb,
    XLSX_SHEETS.gaps,
    [
      { header: "Trin", key: "step" },
      { header: "Type", key: "severity" },
      { header: "Elev", key: "pupil" },
      { header: "Felt", key: "field" },
      { header: "Besked", key: "message" },
      { header: "Vejledning", key: "ref" },
    ],
    gaps,
  );
  return workbookToBuffer(wb);
}
