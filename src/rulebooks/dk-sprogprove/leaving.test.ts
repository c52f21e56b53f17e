/**
 * Pupils who leave the school (leaving.ts; docs/rulebooks/001-sprogprove.md "Pupils who leave"). The guide is silent on
 * leavers; each row tests one decision taken from its words.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REF } from "./codes.ts";
import { checkExemptedCount, exemptedCountOf } from "./coverage.ts";
import { checkLeaving, checkLeftPupil, heldAttempts, isReported } from "./leaving.ts";
import type { Leaving } from "./model.ts";
import { mergePupilList, parsePupilList, PUPIL_LIST_COLUMNS } from "./pupil-list.ts";
import { checkPupil, checkReport } from "./submission.ts";
import { attempts, I, N, pupil, report, S, SY_2022, syntheticCpr } from "./testing.ts";

const ON = "2023-06-01";
const LEFT: Leaving = { on: "2023-03-01", reason: "moved to Aarhus" };
const rules = (fs: readonly { rule: string }[]) => fs.map((f) => f.rule);
const errorsOf = (fs: readonly { rule: string; severity: string }[]) => fs.filter((f) => f.severity === "error").map((f) => f.rule);

describe("checkLeaving: the date and reason of a departure (Praktisk vejledning, 1. — the pupil list)", () => {
  it.each([
    ["a day in the school year, before today", "2023-03-01", "moved", [], "2023-03-01"],
    ["the first day of the year", "2022-08-01", "moved", [], "2022-08-01"],
    ["not a date", "1/3 2023", "moved", ["sprogprove.left.date"], null],
    ["31 February", "2023-02-31", "moved", ["sprogprove.left.date"], null],
    ["after today (record it when it has happened)", "2023-06-02", "moved", ["sprogprove.left.future"], null],
    ["no reason", "2023-03-01", "   ", ["sprogprove.left.reason"], null],
  ])("%s", (_label, date, reason, errors, value) => {
    const d = checkLeaving({ on: date, reason }, SY_2022, ON);
    expect(errorsOf(d.because)).toEqual(errors);
    expect(d.value?.on ?? null).toBe(value);
    for (const f of d.because) {
      expect(f.cite.seed).toBe("001");
      expect(f.message.da).toBeTruthy();
    }
  });

  it("after the school year ended (31 July): refused — the pupil completed the year and is reported in full (2.4)", () => {
    const d = checkLeaving({ on: "2023-08-15", reason: "moved" }, SY_2022, "2023-09-01");
    expect(d.value).toBeNull();
    expect(d.because[0]).toMatchObject({ rule: "sprogprove.left.after-year", severity: "error", subject: "left.on", cite: { ref: REF.step24 } });
    // the last day of the school year is still in it
    expect(checkLeaving({ on: "2023-07-31", reason: "moved" }, SY_2022, "2023-09-01")).toEqual({ value: { on: "2023-07-31", reason: "moved" }, because: [] });
  });

  it("before the school year began: accepted with a warning (never a pupil of the year, not reported)", () => {
    const d = checkLeaving({ on: "2022-06-20", reason: "left before the summer" }, SY_2022, ON);
    expect(d.value).toEqual({ on: "2022-06-20", reason: "left before the summer" });
    expect(d.because.map((f) => [f.rule, f.severity])).toEqual([["sprogprove.left.before-year", "warning"]]);
  });

  it("the reason's whitespace is tidied; the subjects can name a file's cells", () => {
    const d = checkLeaving({ on: "x", reason: "" }, SY_2022, ON, { on: "line 3: udmeldt", reason: "line 3: udmeldt_aarsag" });
    expect(d.because.map((f) => f.subject)).toEqual(["line 3: udmeldt", "line 3: udmeldt_aarsag"]);
    expect(checkLeaving({ on: "2023-01-02", reason: "  moved \n to  Odense " }, SY_2022, ON).value?.reason).toBe("moved to Odense");
  });
});

describe("what the submission does with a pupil who left (Hvem skal indberette? / Hvad skal indberettes?)", () => {
  it.each([
    ["a pupil of the school, selected", pupil({ attempts: attempts(I) }), true],
    ["a pupil of the school, not selected", pupil({ toBeTested: false }), false],
    ["left, selected, one attempt held (Ikke sprogparat)", pupil({ left: LEFT, attempts: attempts(I) }), true],
    ["left, selected, Sprogparat held", pupil({ left: LEFT, attempts: attempts(S, N, N, N) }), true],
    ["left, selected, only Intet resultat", pupil({ left: LEFT, attempts: attempts(N) }), false],
    ["left, selected, nothing held", pupil({ left: LEFT }), false],
    ["left, not selected, with a result", pupil({ left: LEFT, toBeTested: false, attempts: attempts(I) }), false],
  ])("%s → reported: %s", (_label, p, reported) => {
    expect(isReported(p)).toBe(reported);
  });

  it("heldAttempts: only Sprogparat and Ikke sprogparat were held", () => {
    expect(heldAttempts(attempts(N, I, null, S)).map((a) => a.no)).toEqual([2, 4]);
  });

  it("a leaver owes nothing more: no missing attempts, no 'rykker op', no selection — the receipt can be green", () => {
    const stay = pupil({ attempts: attempts(I) });
    const gone = pupil({ left: LEFT, attempts: attempts(I) });
    const noSelection = pupil({ left: LEFT, toBeTested: null });
    const withLeaver = checkReport(report([gone, noSelection]), { on: ON });
    expect(withLeaver.value.complete).toBe(true);
    expect(withLeaver.value.reported).toEqual({ bhkl: 1, "1-9": 0 });
    expect(withLeaver.value.left).toEqual({ reported: 1, notReported: 1 });
    // the same pupil without the departure has gaps (attempts 2–4, rykker op)
    const staying = checkReport(report([stay]), { on: ON });
    expect(staying.value.complete).toBe(false);
    expect(errorsOf(staying.because)).toEqual(expect.arrayContaining(["sprogprove.attempts.missing-result", "sprogprove.rykker-op.missing"]));
  });

  it("the findings say why: left (who), reported with the attempts held or not reported (what)", () => {
    const fs = checkPupil(pupil({ left: LEFT, attempts: attempts(I, S) }), { report: report([]), schoolIsCovered: true, on: ON });
    expect(fs.map((f) => [f.rule, f.severity, f.cite.ref])).toEqual([
      ["sprogprove.left.recorded", "info", REF.who],
      ["sprogprove.left.reported", "info", REF.what],
    ]);
    expect(fs[0]!.message.en).toContain("2023-03-01");
    expect(fs[0]!.message.da).toContain("moved to Aarhus");
    expect(rules(checkLeftPupil({ ...pupil({}), left: LEFT }))).toEqual(["sprogprove.left.recorded", "sprogprove.left.not-reported"]);
  });

  it("the attempts held are still checked: two Sprogparat is an error; an attempt dated after leaving is an error", () => {
    const two = checkLeftPupil({ ...pupil({ attempts: attempts(S, S) }), left: LEFT });
    expect(errorsOf(two)).toContain("sprogprove.attempts.one-sprogparat");
    const late = checkLeftPupil({ ...pupil({ attempts: [{ no: 1, result: I, heldOn: "2023-03-02" }] }), left: LEFT });
    expect(late.find((f) => f.rule === "sprogprove.left.attempt-after")).toMatchObject({ severity: "error", subject: "attempts.1.heldOn", value: "2023-03-02" });
    const onTheDay = checkLeftPupil({ ...pupil({ attempts: [{ no: 1, result: I, heldOn: "2023-03-01" }] }), left: LEFT });
    expect(errorsOf(onTheDay)).toEqual([]);
  });

  it("results of a leaver who was not selected: the usual warning (not reported)", () => {
    const fs = checkLeftPupil({ ...pupil({ toBeTested: false, attempts: attempts(I) }), left: LEFT });
    expect(fs.find((f) => f.rule === "sprogprove.selection.results-not-tested")?.severity).toBe("warning");
  });

  it("a leaver with a § 14 exemption is not counted among the exempted (3.) and draws no exemption error", () => {
    const ex = { considerableDisability: true, pppAssessment: true, specialConditionsConsidered: true };
    const stay = pupil({ toBeTested: false, exemption: ex });
    const gone = pupil({ toBeTested: false, exemption: ex, left: LEFT });
    expect(exemptedCountOf([stay, gone], true)).toBe(1);
    expect(checkExemptedCount(1, [stay, gone], true)).toEqual([]);
    expect(rules(checkExemptedCount(2, [stay, gone], true))).toEqual(["sprogprove.exempted.count-differs"]);
    expect(rules(checkLeftPupil({ ...gone, left: LEFT }))).toContain("sprogprove.left.exemption-not-counted");
  });

  it("property: marking any pupil as left never adds an error about missing data, and never raises the counts", () => {
    const res = fc.constantFrom(S, I, N, null);
    fc.assert(
      fc.property(fc.array(res, { maxLength: 4 }), fc.constantFrom(true, false, null), fc.constantFrom(null, true, false), (rs, tested, rykker) => {
        const base = pupil({ attempts: attempts(...rs), toBeTested: tested, rykkerOp: rykker });
        const gone = { ...base, left: LEFT };
        const before = checkReport(report([base]), { on: ON });
        const after = checkReport(report([gone]), { on: ON });
        const errsAfter = new Set(errorsOf(after.because));
        const missing = ["sprogprove.attempts.missing-result", "sprogprove.rykker-op.missing", "sprogprove.selection.missing", "sprogprove.selection.must-be-tested"];
        return (
          missing.every((r) => !errsAfter.has(r)) &&
          [...errsAfter].every((r) => errorsOf(before.because).includes(r)) &&
          after.value.reported.bhkl <= before.value.reported.bhkl
        );
      }),
    );
  });
});

describe("the pupil list's udmeldt and udmeldt_aarsag columns (docs: Pupil-list file)", () => {
  const A = syntheticCpr(901);
  const B = syntheticCpr(902);
  const C = syntheticCpr(903);
  const HEAD = PUPIL_LIST_COLUMNS.join(";");

  it("a date (and reason) marks the row's pupil as left; without a reason the default one", () => {
    const r = parsePupilList([HEAD, `${A};0;Alma;;;;2023-02-01;flyttet til Aarhus`, `${B};0;Bo;;;;2023-03-01;`, `${C};0;Cai;;;;;`].join("\n"), SY_2022, ON);
    expect(r.findings).toEqual([]);
    expect(r.rows.map((x) => x.left)).toEqual([{ on: "2023-02-01", reason: "flyttet til Aarhus" }, { on: "2023-03-01", reason: "udmeldt ifølge elevlisten" }, null]);
  });

  it.each([
    ["not a date", `${A};0;;;;;1.2.2023;x`, ON, "sprogprove.left.date", "line 2: udmeldt", "1.2.2023"],
    ["after the school year", `${A};0;;;;2022/23;2023-08-02;x`, "2023-08-20", "sprogprove.left.after-year", "line 2: udmeldt", "2023-08-02"],
    ["after today", `${A};0;;;;;2023-06-10;x`, ON, "sprogprove.left.future", "line 2: udmeldt", "2023-06-10"],
    ["a reason without a date", `${A};0;;;;;;flyttet`, ON, "sprogprove.pupil-list.leaving-reason-without-date", "line 2: udmeldt_aarsag", "flyttet"],
  ])("%s: one finding naming the cell, and the file is refused", (_label, line, on, rule, subject, value) => {
    const r = parsePupilList(`${HEAD}\n${line}\n`, SY_2022, on);
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule, subject, value });
    expect(r.rows).toEqual([]);
  });

  it("a departure before the school year is a warning; the row is kept", () => {
    const r = parsePupilList(`${HEAD}\n${A};0;;;;;2022-07-01;x\n`, SY_2022, ON);
    expect(r.findings.map((f) => [f.rule, f.severity, f.subject])).toEqual([["sprogprove.left.before-year", "warning", "line 2: udmeldt"]]);
    expect(r.rows).toHaveLength(1);
  });

  it("merge: a departure of a pupil already in the year is recorded; a different or missing date is only reported", () => {
    const row = (cpr: typeof A, line: number, left: Leaving | null) => ({ line, cpr, classLevel: 0 as const, name: null, dsa: null, left });
    const m = mergePupilList(
      [
        { id: "pa", cpr: A, classLevel: 0 },
        { id: "pb", cpr: B, classLevel: 0, left: { on: "2023-01-10", reason: "moved" } },
        { id: "pc", cpr: C, classLevel: 0, left: { on: "2023-01-10", reason: "moved" } },
      ],
      [row(A, 2, LEFT), row(B, 3, LEFT), row(C, 4, null)],
    );
    expect(m.leaving.map((x) => [x.pupilId, x.row.left.on])).toEqual([["pa", "2023-03-01"]]);
    expect(m.kept.map((x) => [x.pupilId, x.differs])).toEqual([
      ["pb", ["left"]],
      ["pc", ["left"]],
    ]);
    expect(m.added).toEqual([]);
  });
});
