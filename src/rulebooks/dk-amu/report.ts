/**
 * The quarterly AMU report to STIL's Datavarehus (seed 000 §2, §5, §6.1, §6.2), pure.
 *
 * §2: "Hvert kvartal skal der via AMU-indberetningen til Datavarehuset indberettes kursusdeltagelser afsluttet i
 * seneste kvartal, mens oplysninger om kursusdeltagelser og prøveresultater i de forudgående 3 kvartaler skal
 * opdateres."
 *
 * The field layout of STIL's file is not known (reference/amu-indberetning.md, "MISSING"): the row below names the
 * two result fields as STIL does (ResultatProevebelagt, ResultatIkkeProevebelagt, reference/facts.md) and the
 * approved school as GodkendtSkole; the other names are bevis' own. A file writer maps rows to STIL's layout.
 */
import { cite, finding, hasErrors, type Citation, type Finding } from "../../kernel/law.ts";
import { isoDate, type IsoDate } from "../../kernel/time/date.ts";
import { addQuarters, formatQuarter, quarterEnd, quarterOf, quartersBetween, quarterStart, type Quarter } from "../../kernel/time/quarter.ts";
import { goalByFagkode } from "./catalogue.ts";
import type {
  AmuGoal,
  Fagkode,
  Participation,
  QuarterLabel,
  ResultatIkkeProevebelagt,
  ResultatProevebelagt,
  ResultGroup,
} from "./model.ts";
import { checkParticipation, resultGroup } from "./rules.ts";

/**
 * "deltagelse": the participation (kursusdeltagelse) with its final result from the ordinary exam.
 * "omproeve": one retake (omprøve), reported separately (§6.2 "Omprøver indberettes særskilt") on the same fagkode
 * (§5 "på de fagkoder, som omprøven udføres i forhold til"), never overwriting the ordinary result (§5 Bemærk).
 */
export type RecordType = "deltagelse" | "omproeve";

/** One row of the report. */
export interface ReportRow {
  participationId: string;
  recordType: RecordType;
  /** 1 for the participation (its ordinary exam); the retake's number (2, 3, …) for an omprøve. */
  seq: number;
  /** The approved AMU provider that reports (§6.2: "den godkendte AMU-udbyder og ikke udliciteringsparten"). */
  GodkendtSkole: string;
  /** The udliciteringspart that ran the course, or null (information only; the approved provider reports). */
  outsourcedTo: string | null;
  /** CPR in full (the file needs it); every UI masks it. */
  cpr: string;
  fagkode: Fagkode;
  startDate: IsoDate;
  endDate: IsoDate;
  /** The date of the test the row reports: the end date for a participation, the retake's date for an omprøve. */
  examDate: IsoDate;
  /** The quarter of examDate ("2024Q3"): the quarter in which the row is first reported. */
  quarter: QuarterLabel;
  resultGroup: ResultGroup;
  ResultatProevebelagt: ResultatProevebelagt | null;
  ResultatIkkeProevebelagt: ResultatIkkeProevebelagt | null;
  /** "Ej relevant" in "Prøveresultat" (§3.2), shown as "Ingen registrering" in the Datavarehus; both results empty. */
  ejRelevant: boolean;
  /** Optional module of the drivers' qualification (EU-efteruddannelse, §3.1). */
  euEfteruddannelse: boolean;
}

/** Column order for writers and tables. */
export const REPORT_COLUMNS: readonly (keyof ReportRow)[] = [
  "participationId",
  "recordType",
  "seq",
  "GodkendtSkole",
  "outsourcedTo",
  "cpr",
  "fagkode",
  "startDate",
  "endDate",
  "examDate",
  "quarter",
  "resultGroup",
  "ResultatProevebelagt",
  "ResultatIkkeProevebelagt",
  "ejRelevant",
  "euEfteruddannelse",
];

const s000 = (ref: string): Citation => cite("000", ref);

/**
 * The report window: the report quarter and the 3 before it, from the first day of the earliest to the last day of
 * the report quarter (both inclusive).
 *
 * §2 "kursusdeltagelser afsluttet i seneste kvartal, mens oplysninger […] i de forudgående 3 kvartaler skal
 * opdateres"; §6.1 "Alle prøvedeltagelser, der slutter i de sidste fire kvartaler inden indberetningen foretages".
 */
export function reportWindow(quarter: Quarter): { from: IsoDate; to: IsoDate; quarters: Quarter[] } {
  const first = addQuarters(quarter, -3);
  return { from: quarterStart(first), to: quarterEnd(quarter), quarters: quartersBetween(first, quarter) };
}

/**
 * The upload window for the report of a quarter: the 15th–20th of the month STIL names after the quarter, i.e.
 * January (for Q4 of the year before), April (Q1), August (Q2) and October (Q3).
 *
 * reference/facts.md, "AMU reporting to STIL": "Upload window: 15th–20th of January, April, August and October"
 * (STIL "Indberetningsstruktur for AMU" v1.1.3). Q2's upload is in August, not July.
 */
export function uploadWindowFor(quarter: Quarter): { from: IsoDate; to: IsoDate; cite: Citation } {
  const month = UPLOAD_MONTH[quarter.q];
  const year = quarter.q === 4 ? quarter.year + 1 : quarter.year;
  return { from: isoDate(year, month, 15), to: isoDate(year, month, 20), cite: cite("reference", "facts.md: AMU reporting to STIL, upload window") };
}

/** Month of the upload after each quarter (data, reference/facts.md). */
const UPLOAD_MONTH: Readonly<Record<Quarter["q"], number>> = { 1: 4, 2: 8, 3: 10, 4: 1 };

/**
 * The report quarter for a report made on a date: the latest quarter that has ended before it (§6.1 "de sidste fire
 * kvartaler inden indberetningen foretages" — the quarter in progress is not one of them).
 */
export function reportQuarterOn(date: IsoDate): Quarter {
  return addQuarters(quarterOf(date), -1);
}

export interface Selection {
  rows: ReportRow[];
  excluded: { id: string; reason: Finding }[];
  blocking: { id: string; findings: Finding[] }[];
}

function reason(rule: string, ref: string, en: string, da: string, subject: string, value: Finding["value"]): Finding {
  return finding(rule, "info", s000(ref), { en, da }, { subject, value });
}

/**
 * Picks the participations and retakes that go into the report of a quarter.
 *
 * Included: participations of this provider (outsourced ones too: "For udliciterede kurser, er det den godkendte
 * AMU-udbyder og ikke udliciteringsparten, der står for indberetning") that ended in the window (§2, §6.1), one row
 * each with its final result ("Der indberettes ét resultat for hver kursusdeltagelse", §6.2), and one row per retake
 * dated in the window ("Omprøver indberettes særskilt", §6.2; §5).
 * Excluded, with the reason: another provider's ("der indberettes ikke prøveresultater for kursusdeltagelser afholdt
 * af andre skoler", §6.2), never held ("Ikke-afholdte prøver eller kurser skal ikke indberettes", §6.1), not ended
 * ("først indberettes […] efter afslutning", §6.1; a postponed exam, §6.2), ended before the window ("uden for
 * indberetningsperioden (dog for de seneste 4 kvartaler)", §6.2) or after it.
 * Blocking: participations in scope with error findings; no row is made for them and the report must not be built
 * until they are fixed.
 */
export function selectForReport(ps: readonly Participation[], providerId: string, quarter: Quarter, goals: readonly AmuGoal[]): Selection {
  const w = reportWindow(quarter);
  const inWindow = (d: IsoDate) => w.from <= d && d <= w.to;
  const rows: ReportRow[] = [];
  const excluded: Selection["excluded"] = [];
  const blocking: Selection["blocking"] = [];
  for (const p of ps) {
    if (p.providerId !== providerId) {
      excluded.push({
        id: p.id,
        reason: reason(
          "amu.report.other-provider",
          "6.2",
          "Held by another approved provider: that provider reports it.",
          "Afholdt af en anden godkendt udbyder: den udbyder indberetter.",
          "providerId",
          p.providerId,
        ),
      });
      continue;
    }
    if (p.status === "never-held") {
      excluded.push({
        id: p.id,
        reason: reason(
          "amu.report.never-held",
          "6.1",
          "Never held: courses and tests that were not held are not reported.",
          "Ikke afholdt: ikke-afholdte prøver eller kurser indberettes ikke.",
          "status",
          p.status,
        ),
      });
      continue;
    }
    if (p.status === "not-ended") {
      const postponed = p.emergencyTeaching === "exam-postponed";
      excluded.push({
        id: p.id,
        reason: reason(
          "amu.report.not-ended",
          postponed ? "6.2" : "6.1",
          postponed
            ? "The exam is postponed, so the course has not ended: reported after it ends."
            : "Not ended: reported after the participation ends.",
          postponed
            ? "Prøven er udskudt, så kurset er ikke afsluttet: indberettes efter afslutning."
            : "Ikke afsluttet: indberettes efter afslutning af kursusdeltagelsen.",
          "status",
          p.status,
        ),
      });
      continue;
    }
    // Ended.
    const findings = checkParticipation(p, goalByFagkode(goals, p.fagkode));
    if (p.endDate === null) {
      // Cannot be placed in a quarter: it may belong here, so it blocks (the check says why).
      blocking.push({ id: p.id, findings: findings.filter((x) => x.severity === "error") });
      continue;
    }
    const mainIn = inWindow(p.endDate);
    const retakesIn = p.retakes.filter((r) => inWindow(r.date));
    if (!mainIn && retakesIn.length === 0) {
      const before = p.endDate < w.from;
      excluded.push({
        id: p.id,
        reason: before
          ? reason(
              "amu.report.ended-before-window",
              "6.1",
              `Ended ${p.endDate}, before the four quarters of this report (${formatQuarter(w.quarters[0] as Quarter)}–${formatQuarter(quarter)}).`,
              `Afsluttet ${p.endDate}, før de fire kvartaler i denne indberetning (${formatQuarter(w.quarters[0] as Quarter)}–${formatQuarter(quarter)}).`,
              "endDate",
              p.endDate,
            )
          : reason(
              "amu.report.ended-after-window",
              "2",
              `Ended ${p.endDate}, after ${formatQuarter(quarter)}: reported with the quarter it ended in.`,
              `Afsluttet ${p.endDate}, efter ${formatQuarter(quarter)}: indberettes med det kvartal, den sluttede i.`,
              "endDate",
              p.endDate,
            ),
      });
      continue;
    }
    if (hasErrors(findings)) {
      blocking.push({ id: p.id, findings: findings.filter((x) => x.severity === "error") });
      continue;
    }
    const group = resultGroup(p, goalByFagkode(goals, p.fagkode)).value as ResultGroup; // no errors → known
    if (mainIn)
      rows.push(
        reportRow(p, p.endDate, group, "deltagelse", 1, p.endDate, {
          ResultatProevebelagt: group === 1 ? p.resultatProevebelagt : null,
          ResultatIkkeProevebelagt: group === 2 ? p.resultatIkkeProevebelagt : null,
          ejRelevant: p.ejRelevant,
        }),
      );
    for (const r of retakesIn)
      rows.push(
        reportRow(p, p.endDate, group, "omproeve", r.seq, r.date, {
          ResultatProevebelagt: group === 1 ? (r.resultatProevebelagt ?? null) : null,
          ResultatIkkeProevebelagt: group === 2 ? (r.resultatIkkeProevebelagt ?? null) : null,
          ejRelevant: false,
        }),
      );
  }
  rows.sort(compareRows);
  return { rows, excluded, blocking };
}

/**
 * One row, written out as one object literal. Not `{ ...base, … }`: spreading a 9-field object into a 16-field one
 * took ~13 µs a row in V8 here (most of selectForReport's time at hundreds of thousands of rows).
 */
function reportRow(
  p: Participation,
  endDate: IsoDate,
  group: ResultGroup,
  recordType: RecordType,
  seq: number,
  examDate: IsoDate,
  result: Pick<ReportRow, "ResultatProevebelagt" | "ResultatIkkeProevebelagt" | "ejRelevant">,
): ReportRow {
  return {
    participationId: p.id,
    GodkendtSkole: p.providerId,
    outsourcedTo: p.outsourcedTo,
    cpr: p.cpr,
    fagkode: p.fagkode,
    startDate: p.startDate,
    endDate,
    resultGroup: group,
    euEfteruddannelse: p.euEfteruddannelse,
    recordType,
    seq,
    examDate,
    quarter: formatQuarter(quarterOf(examDate)),
    ResultatProevebelagt: result.ResultatProevebelagt,
    ResultatIkkeProevebelagt: result.ResultatIkkeProevebelagt,
    ejRelevant: result.ejRelevant,
  };
}

function compareRows(a: ReportRow, b: ReportRow): number {
  return a.participationId < b.participationId ? -1 : a.participationId > b.participationId ? 1 : a.seq - b.seq;
}

export type RowChange = "new" | "changed" | "unchanged" | "removed";

export interface RowDiff {
  key: string;
  change: RowChange;
  /** For "changed": the fields that differ. */
  fields?: string[];
  /** For "removed": the row's test date lies before the new window, so it left the rolling window (not a deletion). */
  leftWindow?: true;
}

/** The key of a row across reports: participation id + record type + seq. */
export function rowKey(r: ReportRow): string {
  return `${r.participationId}|${r.recordType}|${r.seq}`;
}

/**
 * What changed from the previous report to the next (§2: each report restates the last four quarters, so corrections
 * to earlier quarters travel with the next report). Order: the next report's rows, then the removed ones.
 * With `window` (the next report's), a removed row whose test date is before the window is marked `leftWindow`.
 */
export function diffReports(previous: readonly ReportRow[] | null, next: readonly ReportRow[], window?: { from: IsoDate }): RowDiff[] {
  const prev = new Map((previous ?? []).map((r) => [rowKey(r), r]));
  const out: RowDiff[] = [];
  const seen = new Set<string>();
  for (const r of next) {
    const key = rowKey(r);
    seen.add(key);
    const old = prev.get(key);
    if (old === undefined) {
      out.push({ key, change: "new" });
      continue;
    }
    const fields = REPORT_COLUMNS.filter((c) => old[c] !== r[c]);
    out.push(fields.length === 0 ? { key, change: "unchanged" } : { key, change: "changed", fields: [...fields] });
  }
  for (const [key, old] of prev) {
    if (seen.has(key)) continue;
    const d: RowDiff = { key, change: "removed" };
    if (window !== undefined && old.examDate < window.from) d.leftWindow = true;
    out.push(d);
  }
  return out;
}
