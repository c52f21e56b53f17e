import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoDate, type IsoDate } from "../../kernel/time/date.ts";
import { addQuarters, compareQuarters, formatQuarter, parseQuarter, quarterOf, type Quarter } from "../../kernel/time/quarter.ts";
import { DEMO_CATALOGUE } from "./catalogue.ts";
import type { ExamAttempt, Participation } from "./model.ts";
import { diffReports, reportQuarterOn, reportWindow, rowKey, selectForReport, uploadWindowFor, type ReportRow } from "./report.ts";
import { participation } from "./testing.ts";

/** Test title: the section of seed 000 the row implements, then what it checks. */
const title = (ref: string, name: string) => `${ref.startsWith("Bilag") ? "" : "§"}${ref} ${name}`;

const P = (over: Partial<Participation> = {}): Participation => participation({ startDate: "2024-08-05", endDate: "2024-08-09", ...over });
const Q = (s: string): Quarter => parseQuarter(s) as Quarter;
const Q3_2024 = Q("2024Q3");
const retake = (seq: number, date: string, over: Partial<ExamAttempt> = {}): ExamAttempt => ({ seq, date, resultatProevebelagt: 1, ...over });
const select = (ps: Participation[], q = Q3_2024) => selectForReport(ps, "inst-a", q, DEMO_CATALOGUE);

describe("reportWindow — §2, §6.1: the report quarter and the 3 before it", () => {
  for (const { q, from, to, quarters } of [
    { q: "2024Q3", from: "2023-10-01", to: "2024-09-30", quarters: ["2023Q4", "2024Q1", "2024Q2", "2024Q3"] },
    { q: "2024Q1", from: "2023-04-01", to: "2024-03-31", quarters: ["2023Q2", "2023Q3", "2023Q4", "2024Q1"] },
    { q: "2024Q4", from: "2024-01-01", to: "2024-12-31", quarters: ["2024Q1", "2024Q2", "2024Q3", "2024Q4"] },
  ])
    it(`§2 ${q} → ${from} … ${to}`, () => {
    const w = reportWindow(Q(q));
    expect({ from: w.from, to: w.to, quarters: w.quarters.map(formatQuarter) }).toEqual({ from, to, quarters });
  });
  it("always 4 consecutive quarters ending with the report quarter, covering 365 or 366 days (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(1, 2, 3, 4), (year, q) => {
        const quarter = { year, q: q as Quarter["q"] };
        const w = reportWindow(quarter);
        expect(w.quarters).toHaveLength(4);
        expect(compareQuarters(w.quarters[3] as Quarter, quarter)).toBe(0);
        w.quarters.forEach((x, i) => i > 0 && expect(compareQuarters(x, w.quarters[i - 1] as Quarter)).toBe(1));
        expect([364, 365]).toContain(daysBetween(w.from, w.to));
        expect(quarterOf(w.from)).toEqual(w.quarters[0]);
      }),
    );
  });
});

describe("uploadWindowFor / reportQuarterOn — reference/facts.md: 15th–20th of January, April, August, October", () => {
  for (const { q, from, to } of [
    { q: "2024Q1", from: "2024-04-15", to: "2024-04-20" },
    { q: "2024Q2", from: "2024-08-15", to: "2024-08-20" },
    { q: "2024Q3", from: "2024-10-15", to: "2024-10-20" },
    { q: "2024Q4", from: "2025-01-15", to: "2025-01-20" },
  ])
    it(`${q} uploads ${from} … ${to}`, () => {
    const u = uploadWindowFor(Q(q));
    expect([u.from, u.to]).toEqual([from, to]);
    expect(u.cite.seed).toBe("reference");
  });
  it("§6.1 \"de sidste fire kvartaler inden indberetningen foretages\": the quarter in progress is not one of them", () => {
    expect(formatQuarter(reportQuarterOn("2025-01-17"))).toBe("2024Q4");
    expect(formatQuarter(reportQuarterOn("2024-08-16"))).toBe("2024Q2");
    expect(formatQuarter(reportQuarterOn("2024-10-01"))).toBe("2024Q3");
  });
  it("the upload for a quarter lies after it and its report quarter is that quarter (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(1, 2, 3, 4), (year, q) => {
        const quarter = { year, q: q as Quarter["q"] };
        const u = uploadWindowFor(quarter);
        expect(u.from > reportWindow(quarter).to).toBe(true);
        expect(reportQuarterOn(u.from)).toEqual(quarter);
        expect(reportQuarterOn(u.to)).toEqual(quarter);
      }),
    );
  });
});

interface SelectCase {
  ref: string;
  name: string;
  p: Participation;
  /** Row keys expected; or the excluded rule; or "blocking". */
  rows?: string[];
  excluded?: string;
  blocking?: true;
}

describe("selectForReport — §2, §5, §6.1, §6.2 (report for 2024Q3: 2023-10-01 … 2024-09-30)", () => {
  const cases: SelectCase[] = [
    { ref: "2", name: "ended in the report quarter", p: P(), rows: ["p1|deltagelse|1"] },
    { ref: "2", name: "ended in the first quarter of the window (updated)", p: P({ startDate: "2023-09-25", endDate: "2023-10-01" }), rows: ["p1|deltagelse|1"] },
    { ref: "6.1", name: "ended the last day of the window", p: P({ startDate: "2024-09-23", endDate: "2024-09-30" }), rows: ["p1|deltagelse|1"] },
    {
      ref: "6.1",
      name: "ended the day before the window: not among the last four quarters",
      p: P({ startDate: "2023-09-25", endDate: "2023-09-30" }),
      excluded: "amu.report.ended-before-window",
    },
    {
      ref: "2",
      name: "ended the day after the report quarter: in the next report",
      p: P({ startDate: "2024-09-30", endDate: "2024-10-01" }),
      excluded: "amu.report.ended-after-window",
    },
    { ref: "6.1", name: "never held", p: P({ status: "never-held", resultatProevebelagt: null }), excluded: "amu.report.never-held" },
    {
      ref: "6.1",
      name: "not ended (ends in a later quarter)",
      p: P({ status: "not-ended", endDate: "2024-10-04", resultatProevebelagt: null }),
      excluded: "amu.report.not-ended",
    },
    {
      ref: "6.2",
      name: "exam postponed in emergency teaching: not ended",
      p: P({ status: "not-ended", emergencyTeaching: "exam-postponed", resultatProevebelagt: null }),
      excluded: "amu.report.not-ended",
    },
    { ref: "6.2", name: "held by another school", p: P({ providerId: "inst-b" }), excluded: "amu.report.other-provider" },
    { ref: "6.2", name: "outsourced course: reported by the approved provider", p: P({ outsourcedTo: "Demo Kursuscenter" }), rows: ["p1|deltagelse|1"] },
    { ref: "6.2", name: "in scope with an error (no result): blocks the report", p: P({ resultatProevebelagt: null }), blocking: true },
    { ref: "6.1", name: "ended without an end date: blocks (cannot be placed)", p: P({ endDate: null }), blocking: true },
    {
      ref: "5",
      name: "ordinary exam and a retake: two rows, the ordinary result kept",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-09-02")] }),
      rows: ["p1|deltagelse|1", "p1|omproeve|2"],
    },
    {
      ref: "5",
      name: "ended before the window, retake inside it: only the retake row",
      p: P({ startDate: "2023-09-04", endDate: "2023-09-08", resultatProevebelagt: 4, retakes: [retake(2, "2023-11-02")] }),
      rows: ["p1|omproeve|2"],
    },
    {
      ref: "5",
      name: "retake after the window: not yet reported",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-10-02")] }),
      rows: ["p1|deltagelse|1"],
    },
    {
      ref: "4 Bemærk 2",
      name: "IKV: one row on 40080, none on the demonstrated fagkoder",
      p: P({ fagkode: "40080", resultatProevebelagt: null, resultatIkkeProevebelagt: 1, ikvCompetenceFagkoder: ["90009", "90010"] }),
      rows: ["p1|deltagelse|1"],
    },
    {
      ref: "3.2",
      name: "split course: one row for the forløb",
      p: P({
        startDate: "2024-07-01",
        endDate: "2024-08-09",
        subCourses: [
          { startDate: "2024-07-01", endDate: "2024-07-03" },
          { startDate: "2024-08-07", endDate: "2024-08-09" },
        ],
      }),
      rows: ["p1|deltagelse|1"],
    },
    { ref: "3", name: "unknown fagkode in scope: blocks", p: P({ fagkode: "99999" }), blocking: true },
  ];
  for (const { ref, name, p, rows, excluded, blocking } of cases)
    it(title(ref, name), () => {
    const s = select([p]);
    expect(s.rows.map(rowKey)).toEqual(rows ?? []);
    expect(s.excluded.map((e) => e.reason.rule)).toEqual(excluded ? [excluded] : []);
    expect(s.blocking.map((b) => b.id)).toEqual(blocking ? [p.id] : []);
    if (blocking) expect(s.blocking[0]?.findings.length).toBeGreaterThan(0);
    for (const e of s.excluded) expect(e.reason.cite.seed).toBe("000");
  });

  it("§3 / §5: rows carry the result in their group's field only, the CPR in full, and the quarter of their test date", () => {
    const s = select([
      P({ id: "a", resultatProevebelagt: 4, retakes: [retake(2, "2024-09-02"), retake(3, "2024-09-20", { resultatProevebelagt: 5 })] }),
      P({ id: "b", fagkode: "90002", resultatProevebelagt: null, resultatIkkeProevebelagt: 3 }),
      P({ id: "c", fagkode: "90002", resultatProevebelagt: null, ejRelevant: true, endDate: "2024-01-12", startDate: "2024-01-08" }),
    ]);
    const pick = (r: ReportRow) => [rowKey(r), r.resultGroup, r.ResultatProevebelagt, r.ResultatIkkeProevebelagt, r.ejRelevant, r.quarter, r.examDate];
    expect(s.rows.map(pick)).toEqual([
      ["a|deltagelse|1", 1, 4, null, false, "2024Q3", "2024-08-09"],
      ["a|omproeve|2", 1, 1, null, false, "2024Q3", "2024-09-02"],
      ["a|omproeve|3", 1, 5, null, false, "2024Q3", "2024-09-20"],
      ["b|deltagelse|1", 2, null, 3, false, "2024Q3", "2024-08-09"],
      ["c|deltagelse|1", 2, null, null, true, "2024Q1", "2024-01-12"],
    ]);
    expect(s.rows.every((r) => r.cpr === "0101901234" && r.GodkendtSkole === "inst-a")).toBe(true);
  });

  it("a participation is reported as ended in exactly the 4 reports whose window holds its end date, always with the same quarter (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 30 }), (offset, len) => {
        const startDate = addDays(isoDate(2020, 1, 1), offset);
        const endDate: IsoDate = addDays(startDate, len);
        const p = P({ startDate, endDate });
        const home = quarterOf(endDate);
        const labels = new Set<string>();
        const reportedIn: string[] = [];
        for (let k = -2; k <= 5; k++) {
          const q = addQuarters(home, k);
          const rows = select([p], q).rows.filter((r) => r.recordType === "deltagelse");
          if (rows.length > 0) reportedIn.push(formatQuarter(q));
          for (const r of rows) labels.add(r.quarter);
          expect(rows.length).toBeLessThanOrEqual(1);
        }
        expect(reportedIn).toEqual([0, 1, 2, 3].map((k) => formatQuarter(addQuarters(home, k))));
        expect([...labels]).toEqual([formatQuarter(home)]);
      }),
    );
  });

  it("every participation lands in exactly one of rows, excluded or blocking (property)", () => {
    const arb = fc.record({
      providerId: fc.constantFrom("inst-a", "inst-b"),
      status: fc.constantFrom("ended" as const, "not-ended" as const, "never-held" as const),
      offset: fc.integer({ min: 0, max: 900 }),
      result: fc.option(fc.constantFrom(1 as const, 4 as const, 5 as const), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), (xs) => {
        const ps = xs.map((x, i) => {
          const startDate = addDays("2023-01-01", x.offset);
          return P({ id: `p${i}`, providerId: x.providerId, status: x.status, startDate, endDate: addDays(startDate, 4), resultatProevebelagt: x.result });
        });
        const s = select(ps);
        const ids = [...new Set(s.rows.map((r) => r.participationId)), ...s.excluded.map((e) => e.id), ...s.blocking.map((b) => b.id)];
        expect([...ids].sort()).toEqual(ps.map((p) => p.id).sort());
      }),
    );
  });
});

describe("diffReports — keyed by participation id + record type + seq", () => {
  const base = select([
    P({ id: "a", resultatProevebelagt: 4, retakes: [retake(2, "2024-09-02")] }),
    P({ id: "b" }),
    P({ id: "c", startDate: "2023-10-02", endDate: "2023-10-06" }),
  ]).rows;
  it("the first report: every row is new", () => {
    expect(diffReports(null, base).map((d) => d.change)).toEqual(["new", "new", "new", "new"]);
  });
  it("a corrected result is \"changed\" with its field; a new retake is \"new\"; a dropped row is \"removed\"", () => {
    const next = select([
      P({ id: "a", resultatProevebelagt: 5, retakes: [retake(2, "2024-09-02"), retake(3, "2024-09-16")] }),
      P({ id: "c", startDate: "2023-10-02", endDate: "2023-10-06" }),
    ]).rows;
    expect(diffReports(base, next)).toEqual([
      { key: "a|deltagelse|1", change: "changed", fields: ["ResultatProevebelagt"] },
      { key: "a|omproeve|2", change: "unchanged" },
      { key: "a|omproeve|3", change: "new" },
      { key: "c|deltagelse|1", change: "unchanged" },
      { key: "b|deltagelse|1", change: "removed" },
    ]);
  });
  it("§2 rolling window: a row that falls out of the window is marked leftWindow", () => {
    const q4 = addQuarters(Q3_2024, 1);
    const next = select([P({ id: "a", resultatProevebelagt: 4, retakes: [retake(2, "2024-09-02")] }), P({ id: "b" }), P({ id: "c", startDate: "2023-10-02", endDate: "2023-10-06" })], q4).rows;
    const d = diffReports(base, next, reportWindow(q4));
    expect(d.find((x) => x.key === "c|deltagelse|1")).toEqual({ key: "c|deltagelse|1", change: "removed", leftWindow: true });
    expect(d.filter((x) => x.change === "unchanged")).toHaveLength(3);
  });
  it("the diff of a report with itself is all unchanged (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 360 }), { maxLength: 15 }), (offsets) => {
        const ps = offsets.map((o, i) => P({ id: `p${i}`, startDate: addDays("2023-10-01", o), endDate: addDays("2023-10-01", o) }));
        const rows = select(ps).rows;
        const d = diffReports(rows, rows.map((r) => ({ ...r })));
        expect(d.every((x) => x.change === "unchanged")).toBe(true);
        expect(d.map((x) => x.key)).toEqual(rows.map(rowKey));
      }),
    );
  });
  it("row keys are unique within a report", () => {
    const keys = base.map(rowKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
