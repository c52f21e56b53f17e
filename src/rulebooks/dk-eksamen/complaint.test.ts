import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade7 } from "../../kernel/grades/seven-step.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import {
  TRANSITIONS,
  complaintDeadlines,
  filingDeadline,
  openComplaint,
  otherDecisionAppeal,
  possibleOutcomes,
  replay,
  step,
  type ComplaintActor,
  type ComplaintEvent,
  type ComplaintExam,
  type ComplaintGround,
} from "./complaint.ts";

const written: ComplaintExam = {
  education: "stx",
  answer: ["written"],
  setBy: "ministry",
  gradeAnnouncedOn: "2025-06-20",
  originalGrade: grade7(7),
  assessorCount: 2,
  ministryAppointedCensor: true,
  diplomaIssued: true,
};
const oral: ComplaintExam = { ...written, answer: ["oral"], setBy: "institution", ministryAppointedCensor: false, assessorCount: 2 };

const file = (on: IsoDate, grounds: readonly ComplaintGround[] = ["assessment"]): [ComplaintEvent, ComplaintActor] => [
  { type: "file", on, written: true, reasoned: true, individual: true, grounds },
  "examinee",
];
const errorsOf = (fs: readonly { severity: string; rule: string; cite: { ref: string } }[]) => fs.filter((f) => f.severity === "error").map((f) => [f.rule, f.cite.ref]);

/** Filed → statements → comments, ready for a decision on 2025-07-23. */
const toComments: [ComplaintEvent, ComplaintActor][] = [
  file("2025-07-01"),
  [{ type: "request-statements", on: "2025-07-02" }, "institution"],
  [{ type: "statements-received", on: "2025-07-15" }, "assessors"],
  [{ type: "present-statements", on: "2025-07-15" }, "institution"],
  [{ type: "comments-received", on: "2025-07-20" }, "examinee"],
];

describe("§ 47, stk. 2 filing within 2 weeks after the grade is announced", () => {
  it.each([
    // [announced, filed, in time, due, why]
    ["2025-06-20", "2025-07-04", true, "2025-07-04", "the last day (a Friday)"],
    ["2025-06-20", "2025-07-05", false, "2025-07-04", "the day after"],
    ["2025-06-20", "2025-06-20", true, "2025-07-04", "the day of the announcement"],
    ["2025-06-22", "2025-07-07", true, "2025-07-07", "2 weeks after a Sunday is a Sunday: moves to Monday"],
    ["2025-06-22", "2025-07-08", false, "2025-07-07", "… the day after that is late"],
    ["2025-04-03", "2025-04-22", true, "2025-04-22", "Easter 2025: 17 April is skærtorsdag → Tuesday after 2. påskedag"],
    ["2025-04-03", "2025-04-23", false, "2025-04-22", "Easter: the day after the moved deadline"],
    ["2024-12-10", "2024-12-27", true, "2024-12-27", "Christmas: 24 December (closing), 25, 26 → 27 December"],
    ["2024-12-10", "2024-12-30", false, "2024-12-27", "Christmas: 30 December is late"],
    ["2025-05-22", "2025-06-05", true, "2025-06-06", "grundlovsdag 5 June 2025 → 6 June (filing on the 5th is in time)"],
    ["2025-05-22", "2025-06-07", false, "2025-06-06", "grundlovsdag: the day after the moved deadline"],
  ] as const)("announced %s, filed %s → in time %s (due %s): %s", (announced, filed, ok, due, _why) => {
    const exam = { ...written, gradeAnnouncedOn: announced };
    expect(filingDeadline(exam)).toBe(due);
    const r = step(openComplaint(exam), file(filed)[0], "examinee");
    const inTime = ok;
    expect(r.value.state).toBe(inTime ? "filed" : "none");
    if (!inTime) expect(errorsOf(r.because)).toEqual([["eksamen.complaint.late", "§ 47, stk. 2"]]);
    else expect(r.because.find((f) => f.rule === "eksamen.complaint.in-time")?.cite.ref).toBe("§ 47, stk. 2");
  });

  it("a late complaint names the moved deadline and the holiday", () => {
    const r = step(openComplaint({ ...written, gradeAnnouncedOn: "2025-04-03" }), file("2025-04-23")[0], "examinee");
    expect(r.because[0]?.message.en).toContain("by 2025-04-22 (2025-04-17 Skærtorsdag is not a working day)");
  });

  it.each([
    ["unwritten", { written: false }, "examinee", "§ 47, stk. 1"],
    ["not reasoned", { reasoned: false }, "examinee", "§ 47, stk. 1"],
    ["a group complaint", { individual: false }, "examinee", "§ 48, stk. 1"],
    ["no grounds", { grounds: [] }, "examinee", "§ 48, stk. 1"],
    ["custody holder of an adult", {}, "custody-holder", "§ 47, stk. 1"],
    ["the institution cannot file", {}, "institution", "§ 47, stk. 1"],
  ] as const)("refused: %s (%s)", (_n, change, by, ref) => {
    const r = step(openComplaint(written), { ...file("2025-07-01")[0], ...change } as ComplaintEvent, by);
    expect(r.value.state).toBe("none");
    expect(errorsOf(r.because).map((x) => x[1])).toContain(ref);
  });

  it("the custody holder of a minor may file (§ 47, stk. 1)", () => {
    const r = step(openComplaint({ ...written, underCustody: true }), file("2025-07-01")[0], "custody-holder");
    expect(r.value).toMatchObject({ state: "filed", filedBy: "custody-holder" });
  });
});

describe("§ 48, stk. 2 the basis of a ministry-set task goes to the ministry", () => {
  it("basis only → with the ministry, which decides; no appeal under this order", () => {
    const r = replay(written, [
      file("2025-07-01", ["basis"]),
      [{ type: "forward-to-ministry", on: "2025-07-02" }, "institution"],
      [{ type: "ministry-decide", on: "2025-08-10", outcome: "not-upheld" }, "ministry"],
      [{ type: "appeal", on: "2025-08-11", legalQuestion: false }, "examinee"],
    ]);
    expect(r.refusedAt).toBe(3);
    expect(r.case).toMatchObject({ state: "decided", decidedBy: "ministry", basisWithMinistry: true });
    expect(r.findings.map((f) => f.cite.ref)).toEqual(expect.arrayContaining(["§ 48, stk. 2", "§ 54, stk. 4"]));
  });
  it("basis and assessment → the institution continues with the rest", () => {
    const r = replay(written, [file("2025-07-01", ["basis", "assessment"]), [{ type: "forward-to-ministry", on: "2025-07-02" }, "institution"]]);
    expect(r.case.state).toBe("filed");
  });
  it("an institution-set task is not forwarded", () => {
    const r = replay(oral, [file("2025-07-01", ["basis"]), [{ type: "forward-to-ministry", on: "2025-07-02" }, "institution"]]);
    expect(r.refusedAt).toBe(1);
    expect(errorsOf(r.findings)).toEqual([["eksamen.complaint.forward-not-basis", "§ 48, stk. 2"]]);
  });
});

describe("§ 49 rejection, statements and comments", () => {
  it("rejected as manifestly unfounded, written and reasoned; appealable on legal questions (§ 55)", () => {
    const r = replay(written, [file("2025-07-01"), [{ type: "reject", on: "2025-07-03", reasoned: true }, "leader"]]);
    expect(r.case.state).toBe("rejected");
    expect(r.case.dates.appealDue).toBe("2025-07-17");
    expect(r.findings.map((f) => f.cite.ref)).toEqual(expect.arrayContaining(["§ 49, stk. 1", "§ 55, stk. 2"]));
    expect(replay(written, [file("2025-07-01"), [{ type: "reject", on: "2025-07-03", reasoned: false }, "leader"]]).refusedAt).toBe(1);
    expect(replay(written, [file("2025-07-01"), [{ type: "reject", on: "2025-07-03", reasoned: true }, "institution"]]).refusedAt).toBe(1);
  });

  it("statements normally within 2 weeks; comments normally within 1 week; late is a warning", () => {
    const r = replay(written, [
      file("2025-07-01"),
      [{ type: "request-statements", on: "2025-07-02" }, "institution"],
      [{ type: "statements-received", on: "2025-07-17" }, "assessors"],
      [{ type: "present-statements", on: "2025-07-17" }, "institution"],
      [{ type: "comments-received", on: "2025-07-25" }, "examinee"],
    ]);
    expect(r.refusedAt).toBeNull();
    expect(r.case.dates).toMatchObject({ statementsDue: "2025-07-16", commentsDue: "2025-07-24" });
    expect(r.findings.filter((f) => f.severity === "warning").map((f) => [f.rule, f.cite.ref])).toEqual([
      ["eksamen.complaint.statements-late", "§ 49, stk. 1"],
      ["eksamen.complaint.comments-late", "§ 49, stk. 2"],
    ]);
  });

  it("the institution may set another statement deadline", () => {
    const r = replay(written, [file("2025-07-01"), [{ type: "request-statements", on: "2025-07-02", due: "2025-07-23" }, "institution"]]);
    expect(r.case.dates.statementsDue).toBe("2025-07-23");
    expect(r.findings.some((f) => f.rule === "eksamen.complaint.statements-deadline-set")).toBe(true);
  });

  it("statements cannot be presented before they arrive; no decision before the comment deadline", () => {
    expect(replay(written, [file("2025-07-01"), [{ type: "request-statements", on: "2025-07-02" }, "institution"], [{ type: "present-statements", on: "2025-07-03" }, "institution"]]).refusedAt).toBe(2);
    const early = replay(written, [
      ...toComments.slice(0, 4),
      [{ type: "decide", on: "2025-07-22", outcome: "not-upheld", reasoned: true, justifiedDoubt: false }, "leader"],
    ]);
    expect(early.refusedAt).toBe(4);
    expect(errorsOf(early.findings)).toEqual([["eksamen.complaint.wait-for-comments", "§ 49, stk. 2"]]);
    const afterDeadline = replay(written, [
      ...toComments.slice(0, 4),
      [{ type: "decide", on: "2025-07-23", outcome: "not-upheld", reasoned: true, justifiedDoubt: false }, "leader"],
    ]);
    expect(afterDeadline.refusedAt).toBeNull();
  });
});

describe("§§ 50–51 the decision", () => {
  it.each([
    // [exam, outcome, justified doubt, refused with]
    [written, "reassessment", true, null],
    [written, "retest", true, null],
    [written, "not-upheld", false, null],
    [oral, "retest", true, null],
    [oral, "reassessment", true, ["eksamen.complaint.no-reassessment-oral", "§ 50, stk. 1"]],
    [written, "reassessment", false, ["eksamen.complaint.no-justified-doubt", "§ 51"]],
    [oral, "retest", false, ["eksamen.complaint.no-justified-doubt", "§ 51"]],
  ] as const)("%#: %s with justified doubt %s", (exam, outcome, doubt, error) => {
    const r = replay(exam, [...toComments, [{ type: "decide", on: "2025-07-23", outcome, reasoned: true, justifiedDoubt: doubt }, "leader"]]);
    if (error === null) {
      expect(r.refusedAt).toBeNull();
      expect(r.case).toMatchObject({ state: "decided", outcome, decidedBy: "leader" });
      expect(r.case.dates.appealDue).toBe("2025-08-06");
      if (outcome !== "not-upheld") {
        expect(r.case.dates.acceptanceDue).toBe("2025-08-06");
        expect(r.findings.some((f) => f.rule === "eksamen.complaint.may-be-lower" && f.cite.ref === "§ 50, stk. 2")).toBe(true);
      }
    } else {
      expect(r.refusedAt).toBe(5);
      expect(errorsOf(r.findings)).toEqual([error]);
    }
  });

  it("an oral exam offers retest, not re-assessment (§ 50)", () => {
    expect(possibleOutcomes(oral)).toMatchObject({ value: ["retest", "not-upheld"], because: [{ cite: { ref: "§ 50, stk. 1" } }] });
    expect(possibleOutcomes(written).value).toEqual(["reassessment", "retest", "not-upheld"]);
  });
});

describe("§§ 52–53 acceptance, new assessors, the new grade", () => {
  const decidedReassessment: [ComplaintEvent, ComplaintActor][] = [
    ...toComments,
    [{ type: "decide", on: "2025-07-23", outcome: "reassessment", reasoned: true, justifiedDoubt: true }, "leader"],
  ];
  it.each([
    ["2025-08-06", "examinee", null],
    ["2025-08-07", "examinee", ["eksamen.complaint.accept-late", "§ 52, stk. 1"]],
    ["2025-07-25", "custody-holder", ["eksamen.complaint.wrong-actor", "§ 52, stk. 1"]],
  ] as const)("accept on %s by %s", (on, by, error) => {
    const r = replay(written, [...decidedReassessment, [{ type: "accept", on }, by]]);
    if (error === null) {
      expect(r.case).toMatchObject({ state: "accepted", diplomaRecalled: true });
      expect(r.findings.some((f) => f.cite.ref === "§ 52, stk. 2")).toBe(true);
    } else expect(errorsOf(r.findings)).toEqual([error]);
  });

  it("acceptance across Christmas moves to the next working day", () => {
    const exam = { ...written, gradeAnnouncedOn: "2025-11-28" };
    const r = replay(exam, [
      file("2025-12-01"),
      [{ type: "request-statements", on: "2025-12-01" }, "institution"],
      [{ type: "statements-received", on: "2025-12-05" }, "assessors"],
      [{ type: "present-statements", on: "2025-12-05" }, "institution"],
      [{ type: "comments-received", on: "2025-12-08" }, "examinee"],
      [{ type: "decide", on: "2025-12-10", outcome: "retest", reasoned: true, justifiedDoubt: true }, "leader"],
      [{ type: "accept", on: "2025-12-29" }, "examinee"],
    ]);
    expect(r.case.dates.acceptanceDue).toBe("2025-12-29"); // 24 Dec (closing), 25, 26, 27–28 weekend
    expect(r.case.state).toBe("accepted");
  });

  it("lapse only after the acceptance deadline", () => {
    expect(replay(written, [...decidedReassessment, [{ type: "lapse", on: "2025-08-06" }, "institution"]]).refusedAt).toBe(6);
    expect(replay(written, [...decidedReassessment, [{ type: "lapse", on: "2025-08-07" }, "institution"]]).case.state).toBe("lapsed");
  });

  it("the same number of new assessors; inform the ministry when it appointed the censor (§ 53, stk. 1)", () => {
    const accepted: [ComplaintEvent, ComplaintActor][] = [...decidedReassessment, [{ type: "accept", on: "2025-07-30" }, "examinee"]];
    expect(errorsOf(replay(written, [...accepted, [{ type: "appoint-assessors", on: "2025-08-01", count: 1, ministryInformed: true }, "leader"]]).findings)).toEqual([
      ["eksamen.complaint.assessor-count", "§ 53, stk. 1"],
    ]);
    expect(errorsOf(replay(written, [...accepted, [{ type: "appoint-assessors", on: "2025-08-01", count: 2, ministryInformed: false }, "leader"]]).findings)).toEqual([
      ["eksamen.complaint.inform-ministry", "§ 53, stk. 1"],
    ]);
    const r = replay(written, [
      ...accepted,
      [{ type: "appoint-assessors", on: "2025-08-01", count: 2, ministryInformed: true }, "leader"],
      [{ type: "new-grade", on: "2025-08-20", grade: grade7(4) }, "assessors"],
      [{ type: "close", on: "2025-08-21" }, "institution"],
    ]);
    expect(r.refusedAt).toBeNull();
    expect(r.case).toMatchObject({ state: "closed", newGrade: 4 });
    expect(r.findings.filter((f) => f.rule === "eksamen.complaint.lower-grade").map((f) => f.cite.ref)).toEqual(["§ 53, stk. 5"]);
    expect(r.findings.some((f) => f.cite.ref === "§ 53, stk. 2")).toBe(true);
    expect(r.case.log.map((l) => l.to)).toEqual(["filed", "with-assessors", "with-assessors", "comments", "comments", "decided", "accepted", "reassessing", "concluded", "closed"]);
  });
});

describe("§ 54 appeal to the ministry, § 55 other decisions", () => {
  const notUpheld: [ComplaintEvent, ComplaintActor][] = [
    ...toComments,
    [{ type: "decide", on: "2025-07-23", outcome: "not-upheld", reasoned: true, justifiedDoubt: false }, "leader"],
  ];
  it("appeal within 2 weeks, institution statement, comments (normally 1 week), ministry decision → offer", () => {
    const r = replay(written, [
      ...notUpheld,
      [{ type: "appeal", on: "2025-08-06", legalQuestion: false }, "examinee"],
      [{ type: "institution-statement", on: "2025-08-08" }, "institution"],
      [{ type: "forward-appeal", on: "2025-08-15" }, "institution"],
    ]);
    expect(r.refusedAt).toBe(8);
    expect(errorsOf(r.findings)).toEqual([["eksamen.complaint.wait-for-appeal-comments", "§ 54, stk. 3"]]);
    const ok = replay(written, [
      ...notUpheld,
      [{ type: "appeal", on: "2025-08-06", legalQuestion: false }, "examinee"],
      [{ type: "institution-statement", on: "2025-08-08" }, "institution"],
      [{ type: "forward-appeal", on: "2025-08-16" }, "institution"],
      [{ type: "ministry-decide", on: "2025-09-10", outcome: "retest" }, "ministry"],
      [{ type: "accept", on: "2025-09-24" }, "examinee"],
    ]);
    expect(ok.refusedAt).toBeNull();
    expect(ok.case).toMatchObject({ state: "accepted", decidedBy: "ministry", outcome: "retest" });
    expect(ok.case.dates.appealCommentsDue).toBe("2025-08-15");
  });
  it.each([
    ["2025-08-06", "stx", false, null],
    ["2025-08-07", "stx", false, ["eksamen.complaint.appeal-late", "§ 54, stk. 2"]],
    ["2025-08-01", "avu", false, ["eksamen.complaint.appeal-legal-only", "§ 54, stk. 1"]],
    ["2025-08-01", "fvu", true, null],
  ] as const)("appeal on %s (%s, legal question %s)", (on, education, legal, error) => {
    const r = replay({ ...written, education }, [...notUpheld, [{ type: "appeal", on, legalQuestion: legal }, "examinee"]]);
    if (error === null) expect(r.case.state).toBe("appealed");
    else expect(errorsOf(r.findings)).toEqual([error]);
  });
  it("a rejection is appealed under § 55 with a fixed 1-week comment period", () => {
    const r = replay(written, [
      file("2025-07-01"),
      [{ type: "reject", on: "2025-07-03", reasoned: true }, "leader"],
      [{ type: "appeal", on: "2025-07-10", legalQuestion: true }, "examinee"],
      [{ type: "institution-statement", on: "2025-07-11", commentsDue: "2025-07-30" }, "institution"],
    ]);
    expect(r.case).toMatchObject({ state: "appeal-comments", appealUnder: "§ 55" });
    expect(r.case.dates.appealCommentsDue).toBe("2025-07-18");
    expect(r.findings.at(-1)?.cite.ref).toBe("§ 55, stk. 3");
  });
  it("close only after the appeal period", () => {
    expect(replay(written, [...notUpheld, [{ type: "close", on: "2025-08-06" }, "institution"]]).refusedAt).toBe(6);
    expect(replay(written, [...notUpheld, [{ type: "close", on: "2025-08-07" }, "institution"]]).case.state).toBe("closed");
  });
});

describe("the deadline clock", () => {
  it("shows each deadline with its status, party and paragraph", () => {
    const r = replay(written, [...toComments.slice(0, 2)]);
    expect(complaintDeadlines(r.case, "2025-07-10")).toEqual([
      { id: "file", party: "examinee", due: "2025-07-04", kind: "hard", status: "met", daysLeft: -6, ref: "§ 47, stk. 2" },
      { id: "statements", party: "assessors", due: "2025-07-16", kind: "normal", status: "open", daysLeft: 6, ref: "§ 49, stk. 1" },
    ]);
    expect(complaintDeadlines(r.case, "2025-07-17")[1]?.status).toBe("overdue");
    expect(complaintDeadlines(openComplaint(written), "2025-07-05")[0]).toMatchObject({ status: "overdue", daysLeft: -1 });
  });
});

describe("the state machine", () => {
  const actors: ComplaintActor[] = ["examinee", "custody-holder", "leader", "institution", "assessors", "ministry"];
  const events = fc.oneof(
    fc.constant<ComplaintEvent["type"]>("file"),
    fc.constantFrom(...TRANSITIONS.map((t) => t.event)),
  );
  it("property: any sequence of events keeps the state within the table; refused steps leave the case unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(events, fc.constantFrom(...actors), fc.integer({ min: 0, max: 5 }), fc.constantFrom("reassessment", "retest", "not-upheld")), { maxLength: 25 }), (seq) => {
        let c = openComplaint(written);
        let day = 0;
        for (const [type, by, gap, outcome] of seq) {
          day += gap;
          const on = new Date(Date.UTC(2025, 5, 20 + day)).toISOString().slice(0, 10);
          const e = {
            type,
            on,
            written: true,
            reasoned: true,
            individual: true,
            grounds: ["assessment"],
            outcome,
            justifiedDoubt: true,
            count: 2,
            ministryInformed: true,
            grade: grade7(4),
            legalQuestion: true,
          } as unknown as ComplaintEvent;
          const r = step(c, e, by);
          const refused = r.because.some((f) => f.severity === "error");
          if (refused) expect(r.value).toBe(c);
          else {
            const t = TRANSITIONS.find((x) => x.event === type)!;
            expect(t.from).toContain(c.state);
            expect(t.actors).toContain(by);
            expect(t.to).toContain(r.value.state);
          }
          expect(r.because.length).toBeGreaterThan(0);
          expect(r.because.every((f) => f.cite.seed === "002" && f.cite.ref.startsWith("§"))).toBe(true);
          c = r.value;
        }
      }),
    );
  });
});

describe("§ 55 complaints about other decisions", () => {
  it.each([
    ["access", "2025-03-03", "2025-03-17", true, "the last day"],
    ["expulsion", "2025-03-03", "2025-03-18", false, "the day after"],
    ["lateness", "2025-04-04", "2025-04-22", true, "Easter 2025: 18 April (langfredag) → 22 April"],
    ["special-conditions", "2025-04-04", "2025-04-23", false, "Easter: the day after the moved deadline"],
    ["error-remedy", "2024-12-17", "2025-01-02", true, "31 December (closing) and 1 January → 2 January"],
  ] as const)("%s notified %s, filed %s → %s (%s)", (decisionKind, notifiedOn, filedOn, ok, _why) => {
    const d = otherDecisionAppeal({ decision: decisionKind, notifiedOn, filedOn, by: "examinee", written: true });
    expect(d.value).toBe(ok);
    expect(d.because[0]?.cite.ref).toBe("§ 55, stk. 2");
    expect(d.because.at(-1)).toMatchObject({ rule: "eksamen.other-appeal.not-suspensive", cite: { ref: "§ 55, stk. 4" } });
  });
  it("must be written; suspensive effect only when granted", () => {
    expect(otherDecisionAppeal({ decision: "access", notifiedOn: "2025-03-03", filedOn: "2025-03-04", by: "custody-holder", written: false }).because[0]?.cite.ref).toBe("§ 55, stk. 3");
    expect(otherDecisionAppeal({ decision: "access", notifiedOn: "2025-03-03", filedOn: "2025-03-04", by: "examinee", written: true, suspensiveEffectGranted: true }).because.at(-1)?.rule).toBe("eksamen.other-appeal.suspensive");
  });
});
