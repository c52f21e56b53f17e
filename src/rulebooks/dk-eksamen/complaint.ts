/**
 * Kapitel 10 of seed 002, "Klage" (§§ 47–55): the complaint about an exam as a pure state machine with a deadline
 * clock. `step(case, event, actor)` returns the next case and the findings (each with its §); a refused step returns the
 * case unchanged with at least one error finding. `TRANSITIONS` is the table of states, events and who may act.
 * `complaintDeadlines(case, on)` is the clock. Dates are inputs; every span is counted by the kernel's deadline
 * calculator with the Danish holiday calendar.
 *
 * Decisions (docs/rulebooks/002-eksamen.md): "senest 2 uger efter" = the same weekday two weeks later, inclusive; a
 * deadline of the complainant (filing, acceptance, appeal) that ends on a weekend, holiday, grundlovsdag, 24 or 31
 * December moves to the next working day, as Danish deadline law does (forældelsesloven § 27, stk. 2; decision 0002);
 * the "normally" deadlines of the assessors and the complainant's comments are the institution's to set (default
 * 2 weeks / 1 week, not rolled) and a late statement or comment is a warning, not a refusal.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { formatGrade7 } from "../../kernel/grades/seven-step.ts";
import { addSpan, rollForward } from "../../kernel/time/deadline.ts";
import { daysBetween, type IsoDate } from "../../kernel/time/date.ts";
import type { AnswerForm, Education, Grade7, TaskSetter } from "./model.ts";
import { EXAM_CALENDAR, f002 } from "./procedure.ts";

/** Who acts: the examinee, the holder of parental custody (forældremyndighedens indehaver), the head of the institution (institutionsleder), the institution's office, the assessors (bedømmere: examiner and censor), the ministry. */
export type ComplaintActor = "examinee" | "custody-holder" | "leader" | "institution" | "assessors" | "ministry";

/** § 48, stk. 1: the complaint may concern 1) eksaminationsgrundlaget, 2) prøveforløbet, 3) bedømmelsen. */
export type ComplaintGround = "basis" | "procedure" | "assessment";

/** § 50, stk. 1 and § 54, stk. 4: ombedømmelse, omprøve, or no. */
export type ComplaintOutcome = "reassessment" | "retest" | "not-upheld";

export type ComplaintState =
  | "none" // nothing filed
  | "filed" // § 47: received by the institution
  | "with-ministry" // § 48, stk. 2: a complaint about the basis of a ministry-set task, sent to the ministry
  | "rejected" // § 49, stk. 1: rejected as manifestly unfounded
  | "with-assessors" // § 49, stk. 1: statements asked from the assessors
  | "comments" // § 49, stk. 2: statements sent to the complainant for comments
  | "decided" // § 50 (or § 54, stk. 4): the decision is notified
  | "accepted" // § 52: the examinee accepted the offer
  | "reassessing" // § 53, stk. 1: new assessors appointed
  | "concluded" // § 53, stk. 4: the new grade is notified
  | "lapsed" // § 52: the offer was not accepted in time
  | "appealed" // § 54, stk. 1 / § 55, stk. 2: appeal filed through the institution
  | "appeal-comments" // § 54, stk. 3 / § 55, stk. 3: the institution's statement sent for comments
  | "appeal-with-ministry" // § 54, stk. 1 / § 55, stk. 3: forwarded to the ministry
  | "closed"; // not upheld and the appeal period has passed

export interface ComplaintExam {
  education: Education;
  answer: readonly AnswerForm[];
  setBy: TaskSetter;
  /** The day the assessment was announced "på sædvanlig måde". */
  gradeAnnouncedOn: IsoDate;
  originalGrade: Grade7;
  /** Number of assessors at the exam complained about (§ 53, stk. 1: the same number again). */
  assessorCount: number;
  /** The ministry appointed the censor at the original exam (§ 53, stk. 1). */
  ministryAppointedCensor: boolean;
  /** "Hvis eksaminanden er undergivet forældremyndighed" (§ 47, stk. 1). */
  underCustody?: boolean;
  /** A certificate or diploma has been issued (§ 52, stk. 2). */
  diplomaIssued?: boolean;
}

export type ComplaintEvent =
  | { type: "file"; on: IsoDate; written: boolean; reasoned: boolean; individual: boolean; grounds: readonly ComplaintGround[] }
  | { type: "forward-to-ministry"; on: IsoDate }
  | { type: "reject"; on: IsoDate; reasoned: boolean }
  | { type: "request-statements"; on: IsoDate; due?: IsoDate }
  | { type: "statements-received"; on: IsoDate }
  | { type: "present-statements"; on: IsoDate; commentsDue?: IsoDate }
  | { type: "comments-received"; on: IsoDate }
  | { type: "decide"; on: IsoDate; outcome: ComplaintOutcome; reasoned: boolean; justifiedDoubt: boolean }
  | { type: "accept"; on: IsoDate }
  | { type: "lapse"; on: IsoDate }
  | { type: "appoint-assessors"; on: IsoDate; count: number; ministryInformed: boolean }
  | { type: "new-grade"; on: IsoDate; grade: Grade7 }
  | { type: "appeal"; on: IsoDate; legalQuestion: boolean }
  | { type: "institution-statement"; on: IsoDate; commentsDue?: IsoDate }
  | { type: "appeal-comments-received"; on: IsoDate }
  | { type: "forward-appeal"; on: IsoDate }
  | { type: "ministry-decide"; on: IsoDate; outcome: ComplaintOutcome }
  | { type: "close"; on: IsoDate };

export type ComplaintEventType = ComplaintEvent["type"];

export interface ComplaintDates {
  filed?: IsoDate;
  statementsRequested?: IsoDate;
  statementsDue?: IsoDate;
  statementsReceived?: IsoDate;
  commentsDue?: IsoDate;
  commentsReceived?: IsoDate;
  decisionNotified?: IsoDate;
  acceptanceDue?: IsoDate;
  accepted?: IsoDate;
  appealDue?: IsoDate;
  appealFiled?: IsoDate;
  appealCommentsDue?: IsoDate;
  appealCommentsReceived?: IsoDate;
  newGradeNotified?: IsoDate;
}

export interface ComplaintCase {
  exam: ComplaintExam;
  state: ComplaintState;
  grounds: readonly ComplaintGround[];
  filedBy?: "examinee" | "custody-holder";
  dates: ComplaintDates;
  outcome?: ComplaintOutcome;
  decidedBy?: "leader" | "ministry";
  /** The basis part went to the ministry (§ 48, stk. 2). */
  basisWithMinistry?: boolean;
  /** The appeal is a § 55 appeal (against a rejection: a legal question) rather than a § 54 one. */
  appealUnder?: "§ 54" | "§ 55";
  newGrade?: Grade7;
  /** § 52, stk. 2: the diploma is recalled until the new assessment is there. */
  diplomaRecalled?: boolean;
  log: readonly { on: IsoDate; event: ComplaintEventType; by: ComplaintActor; from: ComplaintState; to: ComplaintState }[];
}

/** A row of the transition table: in which states an event may happen, who may act, and the paragraph. */
export interface Transition {
  event: ComplaintEventType;
  from: readonly ComplaintState[];
  /** The usual next state (some events compute it: see `step`). */
  to: readonly ComplaintState[];
  actors: readonly ComplaintActor[];
  ref: string;
}

const COMPLAINANT: readonly ComplaintActor[] = ["examinee", "custody-holder"];

/** The states, the allowed transitions and who acts (§§ 47–55). */
export const TRANSITIONS: readonly Transition[] = [
  { event: "file", from: ["none"], to: ["filed"], actors: COMPLAINANT, ref: "§ 47, stk. 1" },
  { event: "forward-to-ministry", from: ["filed"], to: ["filed", "with-ministry"], actors: ["institution"], ref: "§ 48, stk. 2" },
  { event: "reject", from: ["filed"], to: ["rejected"], actors: ["leader"], ref: "§ 49, stk. 1" },
  { event: "request-statements", from: ["filed"], to: ["with-assessors"], actors: ["institution", "leader"], ref: "§ 49, stk. 1" },
  { event: "statements-received", from: ["with-assessors"], to: ["with-assessors"], actors: ["assessors"], ref: "§ 49, stk. 1" },
  { event: "present-statements", from: ["with-assessors"], to: ["comments"], actors: ["institution"], ref: "§ 49, stk. 2" },
  { event: "comments-received", from: ["comments"], to: ["comments"], actors: COMPLAINANT, ref: "§ 49, stk. 2" },
  { event: "decide", from: ["comments"], to: ["decided"], actors: ["leader"], ref: "§ 50, stk. 1" },
  { event: "accept", from: ["decided"], to: ["accepted"], actors: ["examinee"], ref: "§ 52, stk. 1" },
  { event: "lapse", from: ["decided"], to: ["lapsed"], actors: ["institution"], ref: "§ 52, stk. 1" },
  { event: "appoint-assessors", from: ["accepted"], to: ["reassessing"], actors: ["leader"], ref: "§ 53, stk. 1" },
  { event: "new-grade", from: ["reassessing"], to: ["concluded"], actors: ["assessors"], ref: "§ 53, stk. 3" },
  { event: "appeal", from: ["decided", "lapsed", "rejected"], to: ["appealed"], actors: COMPLAINANT, ref: "§ 54, stk. 1" },
  { event: "institution-statement", from: ["appealed"], to: ["appeal-comments"], actors: ["institution"], ref: "§ 54, stk. 1" },
  { event: "appeal-comments-received", from: ["appeal-comments"], to: ["appeal-comments"], actors: COMPLAINANT, ref: "§ 54, stk. 3" },
  { event: "forward-appeal", from: ["appeal-comments"], to: ["appeal-with-ministry"], actors: ["institution"], ref: "§ 54, stk. 1" },
  { event: "ministry-decide", from: ["appeal-with-ministry", "with-ministry"], to: ["decided"], actors: ["ministry"], ref: "§ 54, stk. 4" },
  { event: "close", from: ["decided", "lapsed", "rejected", "concluded"], to: ["closed"], actors: ["institution"], ref: "§ 54, stk. 2" },
];

/** A new case: nothing filed yet. */
export function openComplaint(exam: ComplaintExam): ComplaintCase {
  return { exam, state: "none", grounds: [], dates: {}, log: [] };
}

/**
 * A deadline of the complainant: `weeks` after `from`, the last day included; moved to the next working day when it
 * ends on a Saturday, Sunday, holiday, grundlovsdag, 24 or 31 December (decision, docs).
 */
export function complainantDeadline(from: IsoDate, weeks: number): IsoDate {
  return rollForward(addSpan(from, { weeks }), EXAM_CALENDAR);
}

/** § 47, stk. 2: "Klage indgives senest 2 uger efter, at bedømmelsen af prøven er bekendtgjort på sædvanlig måde." */
export const filingDeadline = (exam: ComplaintExam): IsoDate => complainantDeadline(exam.gradeAnnouncedOn, 2);

const isOral = (exam: ComplaintExam) => exam.answer.includes("oral");

/** " (2025-04-18 Langfredag is not a working day)" when the deadline was moved, else "" (used by § 55 appeals too). */
export function rolledNote(raw: IsoDate, due: IsoDate): string {
  if (raw === due) return "";
  const name = EXAM_CALENDAR.name(raw);
  return ` (${raw}${name ? ` ${name}` : ""} is not a working day)`;
}

/**
 * One step of the case. The event is refused (the case is returned unchanged, with an error finding) when it is not
 * allowed in the current state, when the actor may not act, or when the paragraph's conditions fail.
 */
export function step(c: ComplaintCase, event: ComplaintEvent, by: ComplaintActor): Decision<ComplaintCase> {
  const t = TRANSITIONS.find((x) => x.event === event.type);
  if (t === undefined || !t.from.includes(c.state)) {
    return refuse(c, [
      f002(
        "complaint.not-allowed",
        "error",
        t?.ref ?? "§ 47, stk. 1",
        `"${event.type}" is not possible while the complaint is "${c.state}".`,
        `"${event.type}" er ikke muligt, mens klagesagen er "${c.state}".`,
        "state",
        c.state,
      ),
    ]);
  }
  if (!t.actors.includes(by)) {
    return refuse(c, [
      f002("complaint.wrong-actor", "error", t.ref, `"${event.type}" is done by ${t.actors.join(" or ")}, not by ${by}.`, `"${event.type}" foretages af ${t.actors.join(" eller ")}, ikke af ${by}.`, "actor", by),
    ]);
  }
  const last = c.log.at(-1)?.on;
  if (last !== undefined && event.on < last) {
    return refuse(c, [f002("complaint.date-order", "error", t.ref, `The event is dated ${event.on}, before the previous step (${last}).`, `Hændelsen er dateret ${event.on}, før det forrige skridt (${last}).`, "on", event.on)]);
  }
  const r = apply(c, event, by);
  if (r.because.some((f) => f.severity === "error")) return refuse(c, r.because);
  const next = r.value;
  return decision({ ...next, log: [...c.log, { on: event.on, event: event.type, by, from: c.state, to: next.state }] }, r.because);
}

const refuse = (c: ComplaintCase, fs: Finding[]): Decision<ComplaintCase> => decision(c, fs);

function apply(c: ComplaintCase, e: ComplaintEvent, by: ComplaintActor): Decision<ComplaintCase> {
  const fs: Finding[] = [];
  const d = c.dates;
  switch (e.type) {
    case "file": {
      if (by === "custody-holder" && c.exam.underCustody !== true) {
        fs.push(f002("complaint.custody", "error", "§ 47, stk. 1", "Only when the examinee is under parental custody can the holder of custody file the complaint.", "Kun hvis eksaminanden er undergivet forældremyndighed, kan forældremyndighedens indehaver indgive klagen.", "actor", by));
      }
      if (!e.written || !e.reasoned) {
        fs.push(f002("complaint.form", "error", "§ 47, stk. 1", "The complaint must be written and reasoned.", "Klagen skal være skriftlig og begrundet.", "written", e.written && e.reasoned));
      }
      if (!e.individual) {
        fs.push(f002("complaint.individual", "error", "§ 48, stk. 1", "A complaint is filed individually and states the facts exactly.", "Klage indgives individuelt og skal nøje angive de faktiske omstændigheder.", "individual", false));
      }
      if (e.grounds.length === 0) {
        fs.push(f002("complaint.grounds", "error", "§ 48, stk. 1", "State what the complaint concerns: the basis of the examination, the procedure or the assessment.", "Angiv hvad klagen vedrører: eksaminationsgrundlaget, prøveforløbet eller bedømmelsen.", "grounds", null));
      }
      const raw = addSpan(c.exam.gradeAnnouncedOn, { weeks: 2 });
      const due = filingDeadline(c.exam);
      if (e.on > due) {
        fs.push(
          f002(
            "complaint.late",
            "error",
            "§ 47, stk. 2",
            `Filed on ${e.on}: the complaint must be filed no later than 2 weeks after the grade was announced (${c.exam.gradeAnnouncedOn}), i.e. by ${due}${rolledNote(raw, due)}.`,
            `Indgivet ${e.on}: klagen skal indgives senest 2 uger efter, at bedømmelsen er bekendtgjort (${c.exam.gradeAnnouncedOn}), dvs. senest ${due}${rolledNote(raw, due)}.`,
            "on",
            e.on,
          ),
        );
      } else if (e.on < c.exam.gradeAnnouncedOn) {
        fs.push(f002("complaint.early", "error", "§ 47, stk. 2", `Filed on ${e.on}, before the grade was announced (${c.exam.gradeAnnouncedOn}).`, `Indgivet ${e.on}, før bedømmelsen blev bekendtgjort (${c.exam.gradeAnnouncedOn}).`, "on", e.on));
      } else {
        fs.push(f002("complaint.in-time", "info", "§ 47, stk. 2", `Filed on ${e.on}, within the deadline ${due}.`, `Indgivet ${e.on}, inden for fristen ${due}.`, "on", e.on));
      }
      fs.push(f002("complaint.copies", "info", "§ 47, stk. 3", "On request the examinee gets a copy of the task and, for a written exam, of the own answer.", "Eksaminanden skal efter anmodning have kopi af den stillede opgave og ved skriftlige prøver af egen besvarelse."));
      if (e.grounds.includes("basis") && c.exam.setBy === "ministry") {
        fs.push(f002("complaint.basis-to-ministry", "info", "§ 48, stk. 2", "The complaint about the basis of a ministry-set task must be sent to the ministry.", "Klagen over eksaminationsgrundlaget skal indsendes til Undervisningsministeriet, da opgaven er stillet af ministeriet.", "grounds", "basis"));
      }
      return decision({ ...c, state: "filed", grounds: [...e.grounds], filedBy: by === "custody-holder" ? "custody-holder" : "examinee", dates: { ...d, filed: e.on } }, fs);
    }
    case "forward-to-ministry": {
      if (!c.grounds.includes("basis") || c.exam.setBy !== "ministry") {
        return decision(c, [f002("complaint.forward-not-basis", "error", "§ 48, stk. 2", "Only a complaint about the basis of an examination whose task the ministry set is sent to the ministry.", "Kun klager over eksaminationsgrundlaget ved prøver med opgaver stillet af ministeriet indsendes til ministeriet.", "grounds", c.grounds.join(","))]);
      }
      const onlyBasis = c.grounds.every((g) => g === "basis");
      fs.push(
        f002(
          "complaint.forwarded",
          "info",
          "§ 48, stk. 2",
          onlyBasis ? "Sent to the ministry, which decides the complaint." : "The basis part is sent to the ministry; the institution handles the procedure and assessment parts.",
          onlyBasis ? "Sendt til ministeriet, som afgør klagen." : "Delen om eksaminationsgrundlaget er sendt til ministeriet; institutionen behandler delene om prøveforløb og bedømmelse.",
        ),
      );
      return decision({ ...c, state: onlyBasis ? "with-ministry" : "filed", basisWithMinistry: true }, fs);
    }
    case "reject": {
      if (!e.reasoned) return decision(c, [f002("complaint.reject-form", "error", "§ 49, stk. 1", "A rejection must be written and reasoned.", "Afvisningen af klagen skal være skriftlig og begrundet.", "reasoned", false)]);
      const appealDue = complainantDeadline(e.on, 2);
      fs.push(f002("complaint.rejected", "info", "§ 49, stk. 1", "The head of the institution rejects the complaint as manifestly unfounded.", "Institutionens leder afviser klagen som åbenbart grundløs.", "state", "rejected"));
      fs.push(f002("complaint.rejected-appeal", "info", "§ 55, stk. 2", `The rejection is a legal decision that can be appealed to the ministry by ${appealDue}.`, `Afvisningen kan som retligt spørgsmål påklages til ministeriet senest ${appealDue}.`, "appealDue", appealDue));
      return decision({ ...c, state: "rejected", dates: { ...d, decisionNotified: e.on, appealDue } }, fs);
    }
    case "request-statements": {
      const normal = addSpan(e.on, { weeks: 2 });
      const due = e.due ?? normal;
      fs.push(f002("complaint.statements-requested", "info", "§ 49, stk. 1", `The complaint is put to the assessors at once; each gives a statement by ${due}.`, `Klagen forelægges straks bedømmerne; hver afgiver en faglig udtalelse senest ${due}.`, "statementsDue", due));
      if (due !== normal) {
        fs.push(f002("complaint.statements-deadline-set", "info", "§ 49, stk. 1", `The institution set ${due} instead of the normal 2 weeks (${normal}).`, `Institutionen har fastsat ${due} i stedet for de normale 2 uger (${normal}).`, "statementsDue", due));
      }
      if (d.filed !== undefined && daysBetween(d.filed, e.on) > 7) {
        fs.push(f002("complaint.not-at-once", "warning", "§ 49, stk. 1", `Put to the assessors ${daysBetween(d.filed, e.on)} days after filing: it must happen at once.`, `Forelagt bedømmerne ${daysBetween(d.filed, e.on)} dage efter indgivelsen: det skal ske straks.`, "on", e.on));
      }
      return decision({ ...c, state: "with-assessors", dates: { ...d, statementsRequested: e.on, statementsDue: due } }, fs);
    }
    case "statements-received": {
      if (d.statementsDue !== undefined && e.on > d.statementsDue) {
        fs.push(f002("complaint.statements-late", "warning", "§ 49, stk. 1", `Statements received on ${e.on}, after the deadline ${d.statementsDue}.`, `Udtalelserne modtaget ${e.on}, efter fristen ${d.statementsDue}.`, "on", e.on));
      } else {
        fs.push(f002("complaint.statements-received", "info", "§ 49, stk. 1", `Statements received on ${e.on}.`, `Udtalelserne modtaget ${e.on}.`, "on", e.on));
      }
      return decision({ ...c, dates: { ...d, statementsReceived: e.on } }, fs);
    }
    case "present-statements": {
      if (d.statementsReceived === undefined) {
        return decision(c, [f002("complaint.no-statements", "error", "§ 49, stk. 2", "The assessors' statements have not been received yet.", "Bedømmernes udtalelser er ikke modtaget endnu.", "statementsReceived", null)]);
      }
      const normal = addSpan(e.on, { weeks: 1 });
      const due = e.commentsDue ?? normal;
      fs.push(f002("complaint.comments-invited", "info", "§ 49, stk. 2", `The statements are sent to the complainant, who may comment by ${due}${due === normal ? " (normally 1 week)" : ` (set instead of ${normal})`}.`, `Udtalelserne forelægges klageren, der kan kommentere senest ${due}${due === normal ? " (normalt 1 uge)" : ` (fastsat i stedet for ${normal})`}.`, "commentsDue", due));
      return decision({ ...c, state: "comments", dates: { ...d, commentsDue: due } }, fs);
    }
    case "comments-received": {
      const late = d.commentsDue !== undefined && e.on > d.commentsDue;
      fs.push(
        late
          ? f002("complaint.comments-late", "warning", "§ 49, stk. 2", `Comments received on ${e.on}, after ${d.commentsDue}.`, `Kommentarer modtaget ${e.on}, efter ${d.commentsDue}.`, "on", e.on)
          : f002("complaint.comments-received", "info", "§ 49, stk. 2", `Comments received on ${e.on}.`, `Kommentarer modtaget ${e.on}.`, "on", e.on),
      );
      return decision({ ...c, dates: { ...d, commentsReceived: e.on } }, fs);
    }
    case "decide": {
      if (d.commentsReceived === undefined && d.commentsDue !== undefined && e.on <= d.commentsDue) {
        fs.push(f002("complaint.wait-for-comments", "error", "§ 49, stk. 2", `The complainant may comment until ${d.commentsDue}: decide after that or after the comments arrive.`, `Klageren kan kommentere til og med ${d.commentsDue}: afgørelsen træffes derefter eller når kommentarerne er modtaget.`, "on", e.on));
      }
      fs.push(...checkOutcome(c.exam, e.outcome, e.reasoned, e.justifiedDoubt, "leader"));
      if (fs.some((f) => f.severity === "error")) return decision(c, fs);
      return decision(decided(c, e.on, e.outcome, "leader", fs), fs);
    }
    case "accept": {
      if (c.outcome === undefined || c.outcome === "not-upheld") {
        return decision(c, [f002("complaint.nothing-to-accept", "error", "§ 52, stk. 1", "There is no offer of re-assessment or retest to accept.", "Der er ikke et tilbud om ombedømmelse eller omprøve at acceptere.", "outcome", c.outcome ?? null)]);
      }
      const due = d.acceptanceDue!;
      if (e.on > due) {
        return decision(c, [f002("complaint.accept-late", "error", "§ 52, stk. 1", `Accepted on ${e.on}: acceptance must reach the institution no later than 2 weeks after the decision was notified (${due}).`, `Accepteret ${e.on}: accept skal indgives til institutionen senest 2 uger efter afgørelsens meddelelse (${due}).`, "on", e.on)]);
      }
      fs.push(f002("complaint.accepted", "info", "§ 52, stk. 1", `Accepted on ${e.on}; the ${c.outcome === "retest" ? "retest" : "re-assessment"} must take place as soon as possible.`, `Accepteret ${e.on}; ${c.outcome === "retest" ? "omprøven" : "ombedømmelsen"} skal finde sted snarest muligt.`, "on", e.on));
      const recall = c.exam.diplomaIssued === true;
      if (recall) fs.push(f002("complaint.diploma-recalled", "warning", "§ 52, stk. 2", "The certificate or diploma issued is recalled until the new assessment is there.", "Det udstedte bevis inddrages, indtil bedømmelsen foreligger.", "diplomaIssued", true));
      return decision({ ...c, state: "accepted", diplomaRecalled: recall || c.diplomaRecalled === true, dates: { ...d, accepted: e.on } }, fs);
    }
    case "lapse": {
      const due = d.acceptanceDue;
      if (c.outcome === undefined || c.outcome === "not-upheld" || due === undefined) {
        return decision(c, [f002("complaint.nothing-to-lapse", "error", "§ 52, stk. 1", "There is no offer that could lapse.", "Der er ikke et tilbud, der kan bortfalde.", "outcome", c.outcome ?? null)]);
      }
      if (e.on <= due) {
        return decision(c, [f002("complaint.lapse-early", "error", "§ 52, stk. 1", `The examinee may accept until ${due}.`, `Eksaminanden kan acceptere til og med ${due}.`, "on", e.on)]);
      }
      fs.push(f002("complaint.lapsed", "info", "§ 52, stk. 1", `Not accepted by ${due}: the offer has lapsed and the original grade stands.`, `Ikke accepteret senest ${due}: tilbuddet er bortfaldet, og den oprindelige karakter står ved magt.`, "acceptanceDue", due));
      return decision({ ...c, state: "lapsed" }, fs);
    }
    case "appoint-assessors": {
      if (e.count !== c.exam.assessorCount) {
        fs.push(f002("complaint.assessor-count", "error", "§ 53, stk. 1", `${e.count} new assessors: the number must be the same as at the exam complained about (${c.exam.assessorCount}).`, `${e.count} nye bedømmere: antallet skal være det samme som ved den påklagede prøve (${c.exam.assessorCount}).`, "count", e.count));
      }
      if (c.exam.ministryAppointedCensor && !e.ministryInformed) {
        fs.push(f002("complaint.inform-ministry", "error", "§ 53, stk. 1", "The ministry appointed the censor: inform the ministry of the decision and appoint the new assessors under its guidelines.", "Ministeriet har udpeget censor: underret ministeriet om afgørelsen, og udpeg nye bedømmere efter ministeriets retningslinjer.", "ministryInformed", false));
      }
      if (fs.length > 0) return decision(c, fs);
      fs.push(f002("complaint.assessors-appointed", "info", "§ 53, stk. 1", `${e.count} new assessors appointed.`, `${e.count} nye bedømmere udpeget.`, "count", e.count));
      if (c.outcome === "reassessment") {
        fs.push(f002("complaint.case-files", "info", "§ 53, stk. 2", "The new assessors get the case files: task, answer, complaint, statements, comments and the decision.", "Bedømmerne skal have forelagt sagens akter: opgaven, besvarelsen, klagen, udtalelserne, klagers bemærkninger og afgørelsen."));
      }
      return decision({ ...c, state: "reassessing" }, fs);
    }
    case "new-grade": {
      const lower = e.grade < c.exam.originalGrade;
      fs.push(f002("complaint.new-grade", "info", "§ 53, stk. 4", `New grade ${formatGrade7(e.grade)} (was ${formatGrade7(c.exam.originalGrade)}), notified to the complainant with the reasons and the right to complain.`, `Ny karakter ${formatGrade7(e.grade)} (var ${formatGrade7(c.exam.originalGrade)}); klager får meddelelse om bedømmelsen, begrundelsen og klageadgangen.`, "grade", e.grade));
      if (lower) fs.push(f002("complaint.lower-grade", "warning", "§ 53, stk. 5", "The re-assessment or retest gave a lower grade; it stands.", "Ombedømmelsen eller omprøven gav en lavere karakter; den gælder.", "grade", e.grade));
      if (c.diplomaRecalled === true) fs.push(f002("complaint.new-diploma", "info", "§ 52, stk. 2", "A new certificate or diploma may be issued.", "Der kan udstedes et nyt bevis.", "diplomaRecalled", true));
      return decision({ ...c, state: "concluded", newGrade: e.grade, dates: { ...d, newGradeNotified: e.on } }, fs);
    }
    case "appeal": {
      const under = c.state === "rejected" ? "§ 55" : "§ 54";
      if (c.decidedBy === "ministry") {
        return decision(c, [f002("complaint.no-further-appeal", "error", "§ 54, stk. 1", "The ministry's decision cannot be appealed under this order.", "Ministeriets afgørelse kan ikke indbringes efter denne bekendtgørelse.", "decidedBy", "ministry")]);
      }
      const due = d.appealDue!;
      if (e.on > due) {
        fs.push(f002("complaint.appeal-late", "error", under === "§ 55" ? "§ 55, stk. 2" : "§ 54, stk. 2", `Appealed on ${e.on}: the deadline was 2 weeks after the decision was notified (${due}).`, `Indbragt ${e.on}: fristen var 2 uger efter meddelelsen af afgørelsen (${due}).`, "on", e.on));
      }
      const adult = c.exam.education === "fvu" || c.exam.education === "avu";
      if ((adult || under === "§ 55") && !e.legalQuestion) {
        fs.push(
          under === "§ 55"
            ? f002("complaint.appeal-legal-only", "error", "§ 55, stk. 1", "A rejection can be appealed on legal questions only.", "En afvisning kan kun påklages for så vidt angår retlige spørgsmål.", "legalQuestion", false)
            : f002("complaint.appeal-legal-only", "error", "§ 54, stk. 1", "fvu and avu: only legal questions can be brought before the ministry.", "Forberedende voksenundervisning og almen voksenuddannelse: alene retlige spørgsmål kan indbringes.", "legalQuestion", false),
        );
      }
      if (fs.length > 0) return decision(c, fs);
      fs.push(f002("complaint.appealed", "info", under === "§ 55" ? "§ 55, stk. 3" : "§ 54, stk. 1", "The appeal is filed through the institution, which gives a statement when forwarding it to the ministry.", "Klagen indsendes gennem institutionen, der afgiver en udtalelse, når klagen videresendes til ministeriet.", "on", e.on));
      return decision({ ...c, state: "appealed", appealUnder: under, dates: { ...d, appealFiled: e.on } }, fs);
    }
    case "institution-statement": {
      const normal = addSpan(e.on, { weeks: 1 });
      // § 55, stk. 3 says "inden for 1 uges frist" (fixed, the complainant's: rolled like appeal55.ts); § 54, stk. 3 "normalt 1 uge".
      const due = c.appealUnder === "§ 55" ? complainantDeadline(e.on, 1) : (e.commentsDue ?? normal);
      const ref = c.appealUnder === "§ 55" ? "§ 55, stk. 3" : "§ 54, stk. 3";
      fs.push(f002("complaint.appeal-comments-invited", "info", ref, `The complainant may comment on the institution's statement by ${due}.`, `Klageren kan kommentere institutionens udtalelse senest ${due}.`, "appealCommentsDue", due));
      return decision({ ...c, state: "appeal-comments", dates: { ...d, appealCommentsDue: due } }, fs);
    }
    case "appeal-comments-received": {
      const late = d.appealCommentsDue !== undefined && e.on > d.appealCommentsDue;
      const ref = c.appealUnder === "§ 55" ? "§ 55, stk. 3" : "§ 54, stk. 3";
      fs.push(late ? f002("complaint.appeal-comments-late", "warning", ref, `Comments received on ${e.on}, after ${d.appealCommentsDue}.`, `Kommentarer modtaget ${e.on}, efter ${d.appealCommentsDue}.`, "on", e.on) : f002("complaint.appeal-comments-received", "info", ref, `Comments received on ${e.on}; they are sent with the appeal.`, `Kommentarer modtaget ${e.on}; de medsendes til ministeriet.`, "on", e.on));
      return decision({ ...c, dates: { ...d, appealCommentsReceived: e.on } }, fs);
    }
    case "forward-appeal": {
      const ref = c.appealUnder === "§ 55" ? "§ 55, stk. 3" : "§ 54, stk. 3";
      if (d.appealCommentsReceived === undefined && d.appealCommentsDue !== undefined && e.on <= d.appealCommentsDue) {
        return decision(c, [f002("complaint.wait-for-appeal-comments", "error", ref, `The complainant may comment until ${d.appealCommentsDue}: forward after that or after the comments arrive.`, `Klageren kan kommentere til og med ${d.appealCommentsDue}: videresend derefter eller når kommentarerne er modtaget.`, "on", e.on)]);
      }
      fs.push(f002("complaint.appeal-forwarded", "info", ref, "The appeal, the institution's statement and any comments are sent to the ministry.", "Klagen, institutionens udtalelse og eventuelle kommentarer er sendt til ministeriet.", "on", e.on));
      return decision({ ...c, state: "appeal-with-ministry" }, fs);
    }
    case "ministry-decide": {
      if (e.outcome === "reassessment" && isOral(c.exam)) {
        return decision(c, [f002("complaint.no-reassessment-oral", "error", "§ 50, stk. 1", "No re-assessment of an oral exam: offer a retest or uphold the grade.", "Ombedømmelse kan ikke tilbydes ved mundtlige prøver: tilbyd omprøve eller giv ikke medhold.", "outcome", e.outcome)]);
      }
      fs.push(f002("complaint.ministry-decided", "info", "§ 54, stk. 4", `The ministry decided: ${e.outcome}. The institution informs the assessors.`, `Ministeriet har afgjort: ${e.outcome}. Institutionen orienterer bedømmerne (§ 54, stk. 5).`, "outcome", e.outcome));
      return decision(decided(c, e.on, e.outcome, "ministry", fs), fs);
    }
    case "close": {
      if (c.state === "concluded") {
        fs.push(f002("complaint.closed", "info", "§ 53, stk. 4", "The complaint case is closed.", "Klagesagen er afsluttet.", "state", "closed"));
        return decision({ ...c, state: "closed" }, fs);
      }
      if (d.appealDue !== undefined && c.decidedBy !== "ministry" && e.on <= d.appealDue) {
        return decision(c, [f002("complaint.close-early", "error", c.state === "rejected" ? "§ 55, stk. 2" : "§ 54, stk. 2", `The complainant may appeal until ${d.appealDue}.`, `Klageren kan indbringe afgørelsen til og med ${d.appealDue}.`, "on", e.on)]);
      }
      if (c.state === "decided" && c.outcome !== "not-upheld") {
        return decision(c, [f002("complaint.close-offer-open", "error", "§ 52, stk. 1", "An offer is open: it is accepted or lapses first.", "Et tilbud står åbent: det skal accepteres eller bortfalde først.", "outcome", c.outcome ?? null)]);
      }
      fs.push(f002("complaint.closed", "info", c.state === "rejected" ? "§ 55, stk. 2" : "§ 54, stk. 2", "The appeal period has passed: the complaint case is closed.", "Klagefristen er udløbet: klagesagen er afsluttet.", "state", "closed"));
      return decision({ ...c, state: "closed" }, fs);
    }
  }
}

/**
 * § 50, stk. 1: the decision "kan gå ud på 1) tilbud om ny bedømmelse (ombedømmelse), dog ikke ved mundtlige prøver,
 * 2) tilbud om ny prøve (omprøve), eller 3) at klageren ikke får medhold"; it "skal være skriftlig og begrundet".
 * § 51: an offer only "når der foreligger særlige omstændigheder, der giver anledning til berettiget tvivl om
 * bedømmelsen, herunder væsentlige proceduremæssige mangler".
 */
export function checkOutcome(exam: ComplaintExam, outcome: ComplaintOutcome, reasoned: boolean, justifiedDoubt: boolean, by: "leader" | "ministry"): Finding[] {
  const fs: Finding[] = [];
  if (!reasoned) fs.push(f002("complaint.decision-form", "error", "§ 50, stk. 1", "The decision must be written and reasoned.", "Afgørelsen skal være skriftlig og begrundet.", "reasoned", false));
  if (outcome === "reassessment" && isOral(exam)) {
    fs.push(f002("complaint.no-reassessment-oral", "error", "§ 50, stk. 1", "No re-assessment of an oral exam: offer a retest or uphold the grade.", "Ombedømmelse kan ikke tilbydes ved mundtlige prøver: tilbyd omprøve eller giv ikke medhold.", "outcome", outcome));
  }
  if (outcome !== "not-upheld" && by === "leader" && !justifiedDoubt) {
    fs.push(f002("complaint.no-justified-doubt", "error", "§ 51", "An offer of re-assessment or retest needs special circumstances giving justified doubt about the assessment.", "Tilbud om ombedømmelse eller omprøve kræver særlige omstændigheder, der giver anledning til berettiget tvivl om bedømmelsen.", "justifiedDoubt", false));
  }
  return fs;
}

/** What a complaint about this exam can lead to (§ 50, stk. 1): re-assessment is never offered for an oral exam. */
export function possibleOutcomes(exam: ComplaintExam): Decision<ComplaintOutcome[]> {
  if (isOral(exam)) {
    return decision(["retest", "not-upheld"], [f002("complaint.oral-outcomes", "info", "§ 50, stk. 1", "Oral exam: a retest can be offered, not a re-assessment.", "Mundtlig prøve: der kan tilbydes omprøve, ikke ombedømmelse.", "answer", "oral")]);
  }
  return decision(["reassessment", "retest", "not-upheld"], [f002("complaint.outcomes", "info", "§ 50, stk. 1", "A re-assessment or a retest can be offered, or the complaint not upheld.", "Der kan tilbydes ombedømmelse eller omprøve, eller klageren får ikke medhold.")]);
}

function decided(c: ComplaintCase, on: IsoDate, outcome: ComplaintOutcome, by: "leader" | "ministry", fs: Finding[]): ComplaintCase {
  const offer = outcome !== "not-upheld";
  const dates: ComplaintDates = { ...c.dates, decisionNotified: on };
  if (offer) {
    dates.acceptanceDue = complainantDeadline(on, 2);
    fs.push(f002("complaint.offer", "info", "§ 52, stk. 1", `Only the examinee can accept the offer, no later than ${dates.acceptanceDue}.`, `Alene eksaminanden kan acceptere tilbuddet, senest ${dates.acceptanceDue}.`, "acceptanceDue", dates.acceptanceDue));
    fs.push(f002("complaint.may-be-lower", "info", "§ 50, stk. 2", "The complainant is told that a retest or re-assessment can result in a lower grade (§ 53, stk. 5).", "Klageren orienteres om, at en omprøve eller ombedømmelse kan resultere i en lavere karakter (§ 53, stk. 5).", "outcome", outcome));
  } else {
    delete dates.acceptanceDue;
  }
  if (by === "leader") {
    dates.appealDue = complainantDeadline(on, 2);
    fs.push(f002("complaint.appeal-open", "info", "§ 54, stk. 2", `The decision can be brought before the ministry, through the institution, no later than ${dates.appealDue}.`, `Afgørelsen kan indbringes for ministeriet gennem institutionen senest ${dates.appealDue}.`, "appealDue", dates.appealDue));
    fs.push(f002("complaint.assessors-informed", "info", "§ 50, stk. 2", "The institution informs the assessors of the decision.", "Institutionen orienterer bedømmerne om afgørelsen."));
  } else {
    delete dates.appealDue;
  }
  return { ...c, state: "decided", outcome, decidedBy: by, dates };
}

// ---------------------------------------------------------------------------------------------------------------
// The deadline clock

export interface ComplaintDeadline {
  id: "file" | "statements" | "comments" | "accept" | "appeal" | "appeal-comments";
  /** Who must act by the date. */
  party: ComplaintActor;
  due: IsoDate;
  /** "hard": late is refused; "normal": the order says "normalt" and late is a warning. */
  kind: "hard" | "normal";
  status: "open" | "met" | "overdue";
  /** Calendar days from `on` to `due` (negative when overdue). */
  daysLeft: number;
  ref: string;
}

/** The deadlines of the case as seen on `on`: the open ones first come first. */
export function complaintDeadlines(c: ComplaintCase, on: IsoDate): ComplaintDeadline[] {
  const d = c.dates;
  const out: ComplaintDeadline[] = [];
  const add = (id: ComplaintDeadline["id"], party: ComplaintActor, due: IsoDate, kind: ComplaintDeadline["kind"], met: IsoDate | undefined, active: boolean, ref: string) => {
    const status: ComplaintDeadline["status"] = met !== undefined ? "met" : !active ? "met" : on > due ? "overdue" : "open";
    out.push({ id, party, due, kind, status, daysLeft: daysBetween(on, due), ref });
  };
  add("file", "examinee", filingDeadline(c.exam), "hard", d.filed, c.state === "none", "§ 47, stk. 2");
  if (d.statementsDue !== undefined) add("statements", "assessors", d.statementsDue, "normal", d.statementsReceived, c.state === "with-assessors", "§ 49, stk. 1");
  if (d.commentsDue !== undefined) add("comments", c.filedBy ?? "examinee", d.commentsDue, "normal", d.commentsReceived, c.state === "comments", "§ 49, stk. 2");
  if (d.acceptanceDue !== undefined) add("accept", "examinee", d.acceptanceDue, "hard", d.accepted, c.state === "decided", "§ 52, stk. 1");
  if (d.appealDue !== undefined) add("appeal", c.filedBy ?? "examinee", d.appealDue, "hard", d.appealFiled, ["decided", "lapsed", "rejected"].includes(c.state), c.state === "rejected" || c.appealUnder === "§ 55" ? "§ 55, stk. 2" : "§ 54, stk. 2");
  if (d.appealCommentsDue !== undefined) add("appeal-comments", c.filedBy ?? "examinee", d.appealCommentsDue, c.appealUnder === "§ 55" ? "hard" : "normal", d.appealCommentsReceived, c.state === "appeal-comments", c.appealUnder === "§ 55" ? "§ 55, stk. 3" : "§ 54, stk. 3");
  return out;
}

/** Runs a list of (event, actor) steps from a new case; stops at the first refused step. For tests and replays. */
export function replay(exam: ComplaintExam, events: readonly (readonly [ComplaintEvent, ComplaintActor])[]): { case: ComplaintCase; findings: Finding[]; refusedAt: number | null } {
  let c = openComplaint(exam);
  const findings: Finding[] = [];
  for (const [i, [e, by]] of events.entries()) {
    const r = step(c, e, by);
    findings.push(...r.because);
    if (r.because.some((f) => f.severity === "error")) return { case: c, findings, refusedAt: i };
    c = r.value;
  }
  return { case: c, findings, refusedAt: null };
}

// ---------------------------------------------------------------------------------------------------------------
// § 55 — complaints about other decisions (access, lateness, special conditions, expulsion, errors)

/** The decisions § 55, stk. 1 names, by the paragraph they were made under. */
export type OtherDecision = "access" | "lateness" | "special-conditions" | "expulsion" | "error-remedy" | "legal-question" | "complaint-rejection";

/** The paragraph each decision was made under; "complaint-rejection" is the leader's rejection of a grade complaint as manifestly unfounded (§ 49, stk. 1), a legal question (see `reject` above; the case is appeal55.ts). */
export const OTHER_DECISION_REF: Record<OtherDecision, string> = {
  access: "§ 7, stk. 3",
  lateness: "§ 17, stk. 2",
  "special-conditions": "§ 19",
  expulsion: "§ 20, stk. 1",
  "error-remedy": "§ 45",
  "legal-question": "§ 55, stk. 1",
  "complaint-rejection": "§ 49, stk. 1",
};

export interface OtherAppealInput {
  decision: OtherDecision;
  notifiedOn: IsoDate;
  filedOn: IsoDate;
  by: "examinee" | "custody-holder";
  written: boolean;
  /** The institution or the ministry decided, in a special case, that the complaint suspends the decision. */
  suspensiveEffectGranted?: boolean;
}

/**
 * § 55: the decisions listed in stk. 1 "skal følge forvaltningslovens regler"; a complaint "kan af eleven eller
 * forældremyndighedens indehaver inden 2 uger fra afgørelsens meddelelse indgives til Undervisningsministeriet"
 * (stk. 2), "skriftligt til institutionen, der videresender klagen … Før sagen videresendes, skal skolen give klageren
 * lejlighed til inden for 1 uges frist at kommentere udtalelsen" (stk. 3); "har ikke opsættende virkning, medmindre …"
 * (stk. 4). Value: the complaint is admissible.
 */
export function otherDecisionAppeal(input: OtherAppealInput): Decision<boolean> {
  const fs: Finding[] = [];
  const raw = addSpan(input.notifiedOn, { weeks: 2 });
  const due = complainantDeadline(input.notifiedOn, 2);
  if (!input.written) fs.push(f002("other-appeal.form", "error", "§ 55, stk. 3", "The complaint is filed in writing with the institution.", "Klagen indgives skriftligt til institutionen.", "written", false));
  if (input.filedOn > due) {
    fs.push(
      f002(
        "other-appeal.late",
        "error",
        "§ 55, stk. 2",
        `Filed on ${input.filedOn}: the deadline was 2 weeks after the decision was notified (${input.notifiedOn}), i.e. ${due}${rolledNote(raw, due)}.`,
        `Indgivet ${input.filedOn}: fristen var 2 uger fra afgørelsens meddelelse (${input.notifiedOn}), dvs. ${due}${rolledNote(raw, due)}.`,
        "filedOn",
        input.filedOn,
      ),
    );
  }
  const ok = fs.length === 0;
  if (ok) {
    fs.push(f002("other-appeal.admissible", "info", "§ 55, stk. 2", `Complaint about the decision under ${OTHER_DECISION_REF[input.decision]}, filed within the deadline ${due}; the institution forwards it with its statement after 1 week for comments.`, `Klage over afgørelsen efter ${OTHER_DECISION_REF[input.decision]}, indgivet inden fristen ${due}; institutionen videresender den med sin udtalelse efter 1 uges frist til kommentarer.`, "decision", input.decision));
  }
  fs.push(
    input.suspensiveEffectGranted === true
      ? f002("other-appeal.suspensive", "info", "§ 55, stk. 4", "In this special case the complaint suspends the decision.", "I dette særlige tilfælde har klagen opsættende virkning.", "suspensiveEffectGranted", true)
      : f002("other-appeal.not-suspensive", "info", "§ 55, stk. 4", "The complaint does not suspend the decision.", "Klagen har ikke opsættende virkning.", "suspensiveEffectGranted", false),
  );
  return decision(ok, fs);
}
