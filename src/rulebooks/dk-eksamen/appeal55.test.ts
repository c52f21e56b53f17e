import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../kernel/time/date.ts";
import { grade7 } from "../../kernel/grades/seven-step.ts";
import { replay as replayComplaint } from "./complaint.ts";
import {
  APPEAL55_TRANSITIONS,
  appeal55CommentsDeadline,
  appeal55Deadlines,
  appeal55FilingDeadline,
  earliestForward,
  openAppeal55,
  replay,
  step,
  type Appeal55Actor,
  type Appeal55Decision,
  type Appeal55Event,
  type OtherDecision,
} from "./appeal55.ts";

const expulsion: Appeal55Decision = { kind: "expulsion", decidedOn: "2025-03-03", notifiedOn: "2025-03-03" };
const file = (on: IsoDate, by: Appeal55Actor = "examinee", extra: Partial<Extract<Appeal55Event, { type: "file" }>> = {}): [Appeal55Event, Appeal55Actor] => [{ type: "file", on, written: true, ...extra }, by];
const ev = (type: Exclude<Appeal55Event["type"], "file" | "decide">, on: IsoDate, by: Appeal55Actor): [Appeal55Event, Appeal55Actor] => [{ type, on } as Appeal55Event, by];
const errorsOf = (fs: readonly { severity: string; rule: string; cite: { ref: string } }[]) => fs.filter((f) => f.severity === "error").map((f) => [f.rule, f.cite.ref]);

describe("§ 55, stk. 2: filing within 2 weeks of the notification (kernel deadline calculator, rolled to a working day)", () => {
  it.each([
    ["expulsion", "2025-03-03", "2025-03-17", "2025-03-17", true, "§ 20: exactly 2 weeks, the last day included"],
    ["expulsion", "2025-03-03", "2025-03-17", "2025-03-18", false, "§ 20: the day after"],
    ["access", "2025-03-03", "2025-03-17", "2025-03-03", true, "§ 7, stk. 3: the same day"],
    ["lateness", "2025-04-04", "2025-04-22", "2025-04-22", true, "§ 17: Easter 2025 — 18 April langfredag, weekend, 21 April 2. påskedag → 22 April"],
    ["special-conditions", "2025-04-04", "2025-04-22", "2025-04-23", false, "§ 19: the day after the moved deadline"],
    ["error-remedy", "2024-12-17", "2025-01-02", "2025-01-02", true, "§ 45: 31 December and 1 January → 2 January"],
    ["expulsion", "2024-12-10", "2024-12-27", "2024-12-27", true, "24 December, 25–26 December → 27 December"],
    ["expulsion", "2024-12-10", "2024-12-27", "2024-12-30", false, "the working day after"],
    ["legal-question", "2025-05-22", "2025-06-06", "2025-06-06", true, "grundlovsdag 5 June → 6 June"],
    ["complaint-rejection", "2025-06-23", "2025-07-07", "2025-07-07", true, "§ 49, stk. 1 rejection, a legal question"],
  ] as const)("%s notified %s: due %s, filed %s → admitted %s (%s)", (kind: OtherDecision, notifiedOn, due, filedOn, ok, _why) => {
    const d: Appeal55Decision = { kind, notifiedOn };
    expect(appeal55FilingDeadline(d)).toBe(due);
    const r = step(openAppeal55(d), file(filedOn)[0], "examinee");
    expect(r.value.state).toBe(ok ? "filed" : "none");
    if (ok) {
      expect(r.because.find((f) => f.rule === "eksamen.other-appeal.admissible")?.cite.ref).toBe("§ 55, stk. 2");
      expect(r.value.dates.filed).toBe(filedOn);
    } else {
      expect(errorsOf(r.because)).toEqual([["eksamen.other-appeal.late", "§ 55, stk. 2"]]);
    }
  });

  it("names the moved day in the refusal", () => {
    const r = step(openAppeal55({ kind: "lateness", notifiedOn: "2025-04-04" }), file("2025-04-23")[0], "examinee");
    expect(r.because[0]?.message.en).toContain("2025-04-18");
    expect(r.because[0]?.message.en).toContain("is not a working day");
  });

  it.each([
    ["in writing", file("2025-03-05", "examinee", { written: false }), [["eksamen.other-appeal.form", "§ 55, stk. 3"]]],
    ["custody holder without custody", file("2025-03-05", "custody-holder"), [["eksamen.appeal55.custody", "§ 55, stk. 2"]]],
    ["before the notification", file("2025-03-02"), [["eksamen.appeal55.early", "§ 55, stk. 2"]]],
    ["by the institution", file("2025-03-05", "institution"), [["eksamen.appeal55.wrong-actor", "§ 55, stk. 2"]]],
  ] as const)("refuses a filing %s", (_why, [e, by], errors) => {
    const r = step(openAppeal55(expulsion), e, by);
    expect(r.value.state).toBe("none");
    expect(errorsOf(r.because)).toEqual(errors);
  });

  it("lets the custody holder complain when the examinee is under custody", () => {
    const r = step(openAppeal55({ ...expulsion, underCustody: true }), file("2025-03-05")[0], "custody-holder");
    expect(r.value).toMatchObject({ state: "filed", filedBy: "custody-holder" });
  });

  it("refuses a notification before the decision", () => {
    const r = step(openAppeal55({ kind: "expulsion", decidedOn: "2025-03-03", notifiedOn: "2025-03-01" }), file("2025-03-05")[0], "examinee");
    expect(errorsOf(r.because)).toEqual([["eksamen.appeal55.notified-before-decision", "§ 55, stk. 2"]]);
  });
});

describe("§ 55, stk. 3: the institution's statement, 1 week for comments, then forwarding", () => {
  it.each([
    ["2025-03-20", "2025-03-27", "a Thursday → the Thursday after"],
    ["2025-04-11", "2025-04-22", "Easter: 18 April langfredag → 22 April"],
    ["2025-12-17", "2025-12-29", "Christmas: 24 December → 29 December (25–26 holidays, weekend)"],
    ["2025-05-29", "2025-06-06", "grundlovsdag 5 June → 6 June"],
  ] as const)("statement sent %s → comments by %s (%s)", (sent, due, _why) => {
    expect(appeal55CommentsDeadline(sent)).toBe(due);
    const r = replay({ kind: "expulsion", notifiedOn: "2025-03-03" }, [file("2025-03-10"), ev("send-statement", sent, "institution")]);
    expect(r.refusedAt).toBeNull();
    expect(r.case).toMatchObject({ state: "statement-sent", dates: { commentsDue: due } });
  });

  const sent = [file("2025-03-10"), ev("send-statement", "2025-03-20", "institution")];
  it.each([
    ["on the day the statement is sent", [ev("forward", "2025-03-20", "institution")], 2, "eksamen.appeal55.forward-early"],
    ["on the last day of the comment week", [ev("forward", "2025-03-27", "institution")], 2, "eksamen.appeal55.forward-early"],
    ["the day after the week", [ev("forward", "2025-03-28", "institution")], null, null],
    ["when the comments are in, before the week ends", [ev("comments-received", "2025-03-24", "examinee"), ev("forward", "2025-03-24", "institution")], null, null],
    ["marking the deadline passed on its last day", [ev("comment-deadline-passed", "2025-03-27", "institution")], 2, "eksamen.appeal55.comment-week-running"],
    ["marking the deadline passed the day after, then forwarding", [ev("comment-deadline-passed", "2025-03-28", "institution"), ev("forward", "2025-03-28", "institution")], null, null],
  ] as const)("forwarding %s", (_why, more, refusedAt, rule) => {
    const r = replay(expulsion, [...sent, ...more]);
    expect(r.refusedAt).toBe(refusedAt);
    if (rule) {
      expect(r.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cite.ref])).toEqual([[rule, "§ 55, stk. 3"]]);
    } else if (more.length) {
      expect(r.case.state).toBe(more.at(-1)![0].type === "forward" ? "forwarded" : "comment-deadline-passed");
    }
  });

  it("refuses forwarding straight after filing: the statement and the comment week come first", () => {
    const r = replay(expulsion, [file("2025-03-10"), ev("forward", "2025-03-30", "institution")]);
    expect(r.refusedAt).toBe(1);
    expect(errorsOf(r.findings)).toEqual([["eksamen.appeal55.not-allowed", "§ 55, stk. 3"]]);
  });

  it("sends late comments along with a warning while the case is still at the institution", () => {
    const r = replay(expulsion, [...sent, ev("comment-deadline-passed", "2025-03-28", "institution"), ev("comments-received", "2025-03-31", "examinee"), ev("forward", "2025-04-01", "institution")]);
    expect(r.refusedAt).toBeNull();
    expect(r.findings.find((f) => f.rule === "eksamen.appeal55.comments-late")?.severity).toBe("warning");
    expect(r.findings.at(-1)?.message.en).toContain("complainant's comments");
  });

  it("the full case to the ministry's decision", () => {
    const r = replay(expulsion, [...sent, ev("comments-received", "2025-03-25", "examinee"), ev("forward", "2025-03-26", "institution"), [{ type: "decide", on: "2025-05-02", outcome: "not-upheld" }, "ministry"]]);
    expect(r.refusedAt).toBeNull();
    expect(r.case).toMatchObject({ state: "decided", outcome: "not-upheld", dates: { forwarded: "2025-03-26", decided: "2025-05-02" } });
    expect(r.case.log.map((l) => l.to)).toEqual(["filed", "statement-sent", "comments-received", "forwarded", "decided"]);
  });

  it("keeps the dates in order", () => {
    const r = replay(expulsion, [file("2025-03-10"), ev("send-statement", "2025-03-09", "institution")]);
    expect(errorsOf(r.findings)).toEqual([["eksamen.appeal55.date-order", "§ 55, stk. 3"]]);
  });

  it("earliest forwarding day", () => {
    expect(earliestForward(replay(expulsion, sent).case)).toBe("2025-03-28");
    expect(earliestForward(replay(expulsion, [...sent, ev("comments-received", "2025-03-24", "examinee")]).case)).toBe("2025-03-24");
    expect(earliestForward(replay(expulsion, [file("2025-03-10")]).case)).toBeNull();
  });
});

describe("§ 55, stk. 4: no suspensive effect unless decided", () => {
  it("is not suspensive by default; suspensive when the institution decided so on receipt", () => {
    expect(replay(expulsion, [file("2025-03-05")]).case.suspensive).toBe(false);
    const r = replay(expulsion, [file("2025-03-05", "examinee", { suspensiveEffectGranted: true })]);
    expect(r.case).toMatchObject({ suspensive: true, suspendedBy: "institution" });
    expect(r.findings.find((f) => f.rule === "eksamen.other-appeal.suspensive")?.cite.ref).toBe("§ 55, stk. 4");
  });
  it.each([
    ["the institution while the case is with it", [file("2025-03-05"), ev("suspend", "2025-03-06", "institution")], null],
    ["the ministry while the case is at the institution", [file("2025-03-05"), ev("suspend", "2025-03-06", "ministry")], "eksamen.appeal55.suspend-who"],
    ["the ministry after forwarding", [file("2025-03-05"), ev("send-statement", "2025-03-06", "institution"), ev("forward", "2025-03-14", "institution"), ev("suspend", "2025-03-20", "ministry")], null],
    ["the institution after forwarding", [file("2025-03-05"), ev("send-statement", "2025-03-06", "institution"), ev("forward", "2025-03-14", "institution"), ev("suspend", "2025-03-20", "institution")], "eksamen.appeal55.suspend-who"],
    ["twice", [file("2025-03-05", "examinee", { suspensiveEffectGranted: true }), ev("suspend", "2025-03-06", "institution")], "eksamen.appeal55.already-suspensive"],
    ["by the examinee", [file("2025-03-05"), ev("suspend", "2025-03-06", "examinee")], "eksamen.appeal55.wrong-actor"],
  ] as const)("suspension by %s", (_why, events, rule) => {
    const r = replay(expulsion, events);
    if (rule === null) {
      expect(r.refusedAt).toBeNull();
      expect(r.case.suspensive).toBe(true);
      expect(r.findings.at(-1)).toMatchObject({ rule: "eksamen.appeal55.suspended", cite: { ref: "§ 55, stk. 4" } });
    } else {
      expect(errorsOf(r.findings)).toEqual([[rule, "§ 55, stk. 4"]]);
    }
  });
});

describe("the deadline clock (same shape as complaint.ts)", () => {
  it.each([
    ["2025-03-10", [], [{ id: "appeal", due: "2025-03-17", status: "open", daysLeft: 7, ref: "§ 55, stk. 2", kind: "hard", party: "examinee" }]],
    ["2025-03-18", [], [{ id: "appeal", due: "2025-03-17", status: "overdue", daysLeft: -1 }]],
    ["2025-03-18", [file("2025-03-17")], [{ id: "appeal", status: "met" }]],
    [
      "2025-03-22",
      [file("2025-03-10"), ev("send-statement", "2025-03-20", "institution")],
      [
        { id: "appeal", status: "met" },
        { id: "appeal-comments", due: "2025-03-27", status: "open", daysLeft: 5, ref: "§ 55, stk. 3", kind: "hard" },
      ],
    ],
    [
      "2025-03-28",
      [file("2025-03-10"), ev("send-statement", "2025-03-20", "institution")],
      [
        { id: "appeal", status: "met" },
        { id: "appeal-comments", status: "overdue", daysLeft: -1 },
      ],
    ],
    [
      "2025-03-26",
      [file("2025-03-10"), ev("send-statement", "2025-03-20", "institution"), ev("comments-received", "2025-03-24", "examinee")],
      [
        { id: "appeal", status: "met" },
        { id: "appeal-comments", status: "met" },
      ],
    ],
  ] as const)("on %s", (on, events, expected) => {
    const r = replay(expulsion, events);
    expect(r.refusedAt).toBeNull();
    const ds = appeal55Deadlines(r.case, on);
    expect(ds).toHaveLength(expected.length);
    expected.forEach((x, i) => expect(ds[i]).toMatchObject(x));
  });

  it("the party is the one who filed", () => {
    const r = replay({ ...expulsion, underCustody: true }, [file("2025-03-10", "custody-holder"), ev("send-statement", "2025-03-11", "institution")]);
    expect(appeal55Deadlines(r.case, "2025-03-12").map((d) => d.party)).toEqual(["custody-holder", "custody-holder"]);
  });
});

describe("the transition table", () => {
  const events: Appeal55Event["type"][] = ["file", "send-statement", "comments-received", "comment-deadline-passed", "forward", "suspend", "decide"];
  const actors: Appeal55Actor[] = ["examinee", "custody-holder", "institution", "ministry"];
  it("every accepted step follows the table and cites § 55; a refused step leaves the case unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...events), fc.constantFrom(...actors), fc.integer({ min: 0, max: 6 }), fc.boolean()), { maxLength: 12 }), (steps) => {
        let c = openAppeal55({ ...expulsion, underCustody: true });
        let day = "2025-03-03";
        for (const [type, by, plus, flag] of steps) {
          day = new Date(Date.parse(`${day}T00:00:00Z`) + plus * 86400000).toISOString().slice(0, 10);
          const e: Appeal55Event = type === "file" ? { type, on: day, written: flag } : type === "decide" ? { type, on: day, outcome: flag ? "upheld" : "not-upheld" } : ({ type, on: day } as Appeal55Event);
          const r = step(c, e, by);
          expect(r.because.length).toBeGreaterThan(0);
          expect(r.because.every((f) => f.cite.seed === "002" && f.cite.ref.startsWith("§"))).toBe(true);
          if (r.because.some((f) => f.severity === "error")) {
            expect(r.value).toBe(c);
          } else {
            const t = APPEAL55_TRANSITIONS.find((x) => x.event === type)!;
            expect(t.from).toContain(c.state);
            expect(t.actors).toContain(by);
            expect(t.to).toContain(r.value.state);
            c = r.value;
          }
          // forwarded only after the comments or the week
          if (c.state === "forwarded") expect(c.dates.commentsReceived !== undefined || c.dates.forwarded! > c.dates.commentsDue!).toBe(true);
        }
      }),
    );
  });
});

describe("one § 55, stk. 3 comment week for both ways a rejection is appealed", () => {
  it.each([
    ["2025-07-11", "2025-07-18"],
    ["2025-04-11", "2025-04-22"],
  ] as const)("statement %s → comments by %s, in appeal55.ts and in complaint.ts alike", (sent, due) => {
    const exam = { education: "stx", answer: ["written"], setBy: "institution", gradeAnnouncedOn: "2025-03-20", originalGrade: grade7(4), assessorCount: 2, ministryAppointedCensor: false } as const;
    const c = replayComplaint(exam, [
      [{ type: "file", on: "2025-03-25", written: true, reasoned: true, individual: true, grounds: ["assessment"] }, "examinee"],
      [{ type: "reject", on: "2025-03-27", reasoned: true }, "leader"],
      [{ type: "appeal", on: "2025-04-01", legalQuestion: true }, "examinee"],
      [{ type: "institution-statement", on: sent }, "institution"],
    ]);
    expect(c.refusedAt).toBeNull();
    expect(c.case.dates.appealCommentsDue).toBe(due);
    expect(appeal55CommentsDeadline(sent)).toBe(due);
  });
});
