/**
 * § 55 of seed 002, "Klage over øvrige forhold": a complaint about the institution's other decisions — legal questions
 * at the exam, access and registration (§ 7, stk. 3), exclusion (§ 17, stk. 2–3), special conditions (§ 19), expulsion
 * (§ 20, stk. 1–3), decisions under § 45, and the leader's rejection of a grade complaint as manifestly unfounded
 * (§ 49, stk. 1; complaint.ts `reject` names § 55, stk. 2) — as a pure state machine with a deadline clock, in the
 * style of complaint.ts: `TRANSITIONS`, `step(case, event, actor)`, `replay`, `appeal55Deadlines(case, on)`.
 *
 *   none ─file→ filed ─send-statement→ statement-sent ─comments-received→ comments-received ─forward→ forwarded ─decide→ decided
 *                                              └─comment-deadline-passed→ comment-deadline-passed ─forward┘
 *
 * The seed's words: "Klage over en afgørelse i henhold til stk. 1 kan af eleven eller forældremyndighedens indehaver
 * inden 2 uger fra afgørelsens meddelelse indgives til Undervisningsministeriet" (stk. 2); "Klagen indgives skriftligt
 * til institutionen, der videresender klagen til ministeriet sammen med sin egen udtalelse i sagen. Før sagen
 * videresendes, skal skolen give klageren lejlighed til inden for 1 uges frist at kommentere udtalelsen. Klagerens
 * eventuelle kommentarer skal medsendes til ministeriet" (stk. 3); "har ikke opsættende virkning, medmindre
 * institutionen henholdsvis ministeriet i særlige tilfælde træffer beslutning herom" (stk. 4).
 *
 * Decisions (docs/rulebooks/002-eksamen.md): filing reuses complaint.ts `otherDecisionAppeal` (2 weeks from the
 * notification, the last day included, rolled to the next working day like every deadline of the complainant); the
 * 1-week comment deadline of stk. 3 is fixed ("inden for 1 uges frist", not "normalt") and is the complainant's, so it
 * is rolled the same way (`complainantDeadline`); forwarding before the comments are in and before that week has passed
 * is refused; comments that arrive late but before forwarding are sent along with a warning ("eventuelle kommentarer
 * skal medsendes"); suspensive effect is recorded at filing (the institution's decision on receipt) or later by the
 * institution (before forwarding) or the ministry (after).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { daysBetween, type IsoDate } from "../../kernel/time/date.ts";
import { complainantDeadline, OTHER_DECISION_REF, otherDecisionAppeal, rolledNote, type ComplaintDeadline, type OtherDecision } from "./complaint.ts";
import { addSpan } from "../../kernel/time/deadline.ts";
import { f002 } from "./procedure.ts";

export type { OtherDecision };
export { OTHER_DECISION_REF };

/** Who acts: the examinee ("eleven"), the holder of parental custody (forældremyndighedens indehaver), the institution, the ministry. */
export type Appeal55Actor = "examinee" | "custody-holder" | "institution" | "ministry";

/** The ministry's decision on the complaint: upheld (medhold), not upheld, or dismissed (afvist, e.g. not a § 55 decision). */
export type Appeal55Outcome = "upheld" | "not-upheld" | "dismissed";

export type Appeal55State =
  | "none" // nothing filed
  | "filed" // stk. 3: filed in writing with the institution
  | "statement-sent" // stk. 3: the institution's statement sent to the complainant for comments (1 week)
  | "comments-received" // stk. 3: the complainant's comments are in
  | "comment-deadline-passed" // stk. 3: the week has passed without comments
  | "forwarded" // stk. 3: sent to the ministry with the statement and any comments
  | "decided"; // the ministry decided

/** The decision complained about. */
export interface Appeal55Decision {
  kind: OtherDecision;
  /** The day the decision was made (e.g. the expulsion's date), when known: the notification cannot be earlier. */
  decidedOn?: IsoDate;
  /** "fra afgørelsens meddelelse" (stk. 2): the deadline runs from here. */
  notifiedOn: IsoDate;
  /** The examinee is under parental custody: the holder of custody may complain too (stk. 2). */
  underCustody?: boolean;
}

export type Appeal55Event =
  | { type: "file"; on: IsoDate; written: boolean; suspensiveEffectGranted?: boolean }
  | { type: "send-statement"; on: IsoDate; /** The institution's statement (udtalelse), kept with the case for the letter. */ statement?: string }
  | { type: "comments-received"; on: IsoDate }
  | { type: "comment-deadline-passed"; on: IsoDate }
  | { type: "forward"; on: IsoDate }
  | { type: "suspend"; on: IsoDate }
  | { type: "decide"; on: IsoDate; outcome: Appeal55Outcome };

export type Appeal55EventType = Appeal55Event["type"];

export interface Appeal55Dates {
  fileDue: IsoDate;
  filed?: IsoDate;
  statementSent?: IsoDate;
  commentsDue?: IsoDate;
  commentsReceived?: IsoDate;
  forwarded?: IsoDate;
  decided?: IsoDate;
}

export interface Appeal55Case {
  decision: Appeal55Decision;
  state: Appeal55State;
  filedBy?: "examinee" | "custody-holder";
  dates: Appeal55Dates;
  /** Stk. 4: the complaint suspends the decision (only when the institution or the ministry decided so). */
  suspensive: boolean;
  suspendedBy?: "institution" | "ministry";
  outcome?: Appeal55Outcome;
  log: readonly { on: IsoDate; event: Appeal55EventType; by: Appeal55Actor; from: Appeal55State; to: Appeal55State }[];
}

/** A row of the transition table: in which states an event may happen, who may act, the next states, the paragraph. */
export interface Appeal55Transition {
  event: Appeal55EventType;
  from: readonly Appeal55State[];
  to: readonly Appeal55State[];
  actors: readonly Appeal55Actor[];
  ref: string;
}

const COMPLAINANT: readonly Appeal55Actor[] = ["examinee", "custody-holder"];
const BEFORE_DECISION: readonly Appeal55State[] = ["filed", "statement-sent", "comments-received", "comment-deadline-passed", "forwarded"];

/** The states, the allowed transitions and who acts (§ 55, stk. 2–4). */
export const APPEAL55_TRANSITIONS: readonly Appeal55Transition[] = [
  { event: "file", from: ["none"], to: ["filed"], actors: COMPLAINANT, ref: "§ 55, stk. 2" },
  { event: "send-statement", from: ["filed"], to: ["statement-sent"], actors: ["institution"], ref: "§ 55, stk. 3" },
  { event: "comments-received", from: ["statement-sent", "comment-deadline-passed"], to: ["comments-received"], actors: COMPLAINANT, ref: "§ 55, stk. 3" },
  { event: "comment-deadline-passed", from: ["statement-sent"], to: ["comment-deadline-passed"], actors: ["institution"], ref: "§ 55, stk. 3" },
  { event: "forward", from: ["statement-sent", "comments-received", "comment-deadline-passed"], to: ["forwarded"], actors: ["institution"], ref: "§ 55, stk. 3" },
  { event: "suspend", from: BEFORE_DECISION, to: BEFORE_DECISION, actors: ["institution", "ministry"], ref: "§ 55, stk. 4" },
  { event: "decide", from: ["forwarded"], to: ["decided"], actors: ["ministry"], ref: "§ 55, stk. 2" },
];

/** § 55, stk. 2: "inden 2 uger fra afgørelsens meddelelse" — the last day, rolled to a working day (complaint.ts). */
export const appeal55FilingDeadline = (d: Appeal55Decision): IsoDate => complainantDeadline(d.notifiedOn, 2);

/** § 55, stk. 3: "inden for 1 uges frist" from the day the statement is sent — rolled like every deadline of the complainant. */
export const appeal55CommentsDeadline = (statementSent: IsoDate): IsoDate => complainantDeadline(statementSent, 1);

/** A new case: nothing filed yet. */
export function openAppeal55(d: Appeal55Decision): Appeal55Case {
  return { decision: d, state: "none", dates: { fileDue: appeal55FilingDeadline(d) }, suspensive: false, log: [] };
}

const refuse = (c: Appeal55Case, fs: Finding[]): Decision<Appeal55Case> => decision(c, fs);

/**
 * One step of the case. Refused (the case comes back unchanged, with an error finding citing its §) when the event is
 * not allowed in the state, the actor may not act, the date is before the previous step, or the paragraph's condition
 * fails.
 */
export function step(c: Appeal55Case, event: Appeal55Event, by: Appeal55Actor): Decision<Appeal55Case> {
  const t = APPEAL55_TRANSITIONS.find((x) => x.event === event.type);
  if (t === undefined || !t.from.includes(c.state)) {
    return refuse(c, [f002("appeal55.not-allowed", "error", t?.ref ?? "§ 55, stk. 3", `"${event.type}" is not possible while the § 55 complaint is "${c.state}".`, `"${event.type}" er ikke muligt, mens klagen efter § 55 er "${c.state}".`, "state", c.state)]);
  }
  if (!t.actors.includes(by)) {
    return refuse(c, [f002("appeal55.wrong-actor", "error", t.ref, `"${event.type}" is done by ${t.actors.join(" or ")}, not by ${by}.`, `"${event.type}" foretages af ${t.actors.join(" eller ")}, ikke af ${by}.`, "actor", by)]);
  }
  const last = c.log.at(-1)?.on;
  if (last !== undefined && event.on < last) {
    return refuse(c, [f002("appeal55.date-order", "error", t.ref, `The event is dated ${event.on}, before the previous step (${last}).`, `Hændelsen er dateret ${event.on}, før det forrige skridt (${last}).`, "on", event.on)]);
  }
  const r = apply(c, event, by);
  if (r.because.some((f) => f.severity === "error")) return refuse(c, r.because);
  return decision({ ...r.value, log: [...c.log, { on: event.on, event: event.type, by, from: c.state, to: r.value.state }] }, r.because);
}

function apply(c: Appeal55Case, e: Appeal55Event, by: Appeal55Actor): Decision<Appeal55Case> {
  const d = c.dates;
  const fs: Finding[] = [];
  switch (e.type) {
    case "file": {
      const dec = c.decision;
      if (by === "custody-holder" && dec.underCustody !== true) {
        fs.push(f002("appeal55.custody", "error", "§ 55, stk. 2", "Only when the examinee is under parental custody can the holder of custody complain.", "Kun hvis eleven er undergivet forældremyndighed, kan forældremyndighedens indehaver klage.", "actor", by));
      }
      if (dec.decidedOn !== undefined && dec.notifiedOn < dec.decidedOn) {
        fs.push(f002("appeal55.notified-before-decision", "error", "§ 55, stk. 2", `The decision is dated ${dec.decidedOn}; it cannot have been notified on ${dec.notifiedOn}.`, `Afgørelsen er truffet ${dec.decidedOn}; den kan ikke være meddelt ${dec.notifiedOn}.`, "notifiedOn", dec.notifiedOn));
      }
      if (e.on < dec.notifiedOn) {
        fs.push(f002("appeal55.early", "error", "§ 55, stk. 2", `Filed on ${e.on}, before the decision was notified (${dec.notifiedOn}).`, `Indgivet ${e.on}, før afgørelsen blev meddelt (${dec.notifiedOn}).`, "on", e.on));
      }
      const a = otherDecisionAppeal({ decision: dec.kind, notifiedOn: dec.notifiedOn, filedOn: e.on, by: by === "custody-holder" ? "custody-holder" : "examinee", written: e.written, ...(e.suspensiveEffectGranted !== undefined ? { suspensiveEffectGranted: e.suspensiveEffectGranted } : {}) });
      fs.push(...a.because);
      const suspensive = e.suspensiveEffectGranted === true;
      return decision({ ...c, state: "filed", filedBy: by === "custody-holder" ? "custody-holder" : "examinee", suspensive, ...(suspensive ? { suspendedBy: "institution" as const } : {}), dates: { ...d, filed: e.on } }, fs);
    }
    case "send-statement": {
      const due = appeal55CommentsDeadline(e.on);
      const raw = addSpan(e.on, { weeks: 1 });
      fs.push(f002("appeal55.statement-sent", "info", "§ 55, stk. 3", `The institution's statement is sent to the complainant, who may comment within 1 week, by ${due}${rolledNote(raw, due)}.`, `Institutionens udtalelse er sendt til klageren, der kan kommentere den inden for 1 uges frist, senest ${due}${rolledNote(raw, due)}.`, "commentsDue", due));
      return decision({ ...c, state: "statement-sent", dates: { ...d, statementSent: e.on, commentsDue: due } }, fs);
    }
    case "comments-received": {
      const late = d.commentsDue !== undefined && e.on > d.commentsDue;
      fs.push(
        late
          ? f002("appeal55.comments-late", "warning", "§ 55, stk. 3", `Comments received on ${e.on}, after the deadline ${d.commentsDue}; they are not yet forwarded, so they are sent along.`, `Kommentarer modtaget ${e.on}, efter fristen ${d.commentsDue}; sagen er ikke videresendt, så de medsendes.`, "on", e.on)
          : f002("appeal55.comments-received", "info", "§ 55, stk. 3", `Comments received on ${e.on}; they are sent to the ministry with the complaint.`, `Kommentarer modtaget ${e.on}; de medsendes til ministeriet.`, "on", e.on),
      );
      return decision({ ...c, state: "comments-received", dates: { ...d, commentsReceived: e.on } }, fs);
    }
    case "comment-deadline-passed": {
      if (d.commentsDue !== undefined && e.on <= d.commentsDue) {
        return decision(c, [f002("appeal55.comment-week-running", "error", "§ 55, stk. 3", `The complainant may comment until ${d.commentsDue}.`, `Klageren kan kommentere til og med ${d.commentsDue}.`, "on", e.on)]);
      }
      fs.push(f002("appeal55.no-comments", "info", "§ 55, stk. 3", `No comments by ${d.commentsDue}: the case can be forwarded.`, `Ingen kommentarer senest ${d.commentsDue}: sagen kan videresendes.`, "commentsDue", d.commentsDue ?? null));
      return decision({ ...c, state: "comment-deadline-passed" }, fs);
    }
    case "forward": {
      if (d.commentsReceived === undefined && d.commentsDue !== undefined && e.on <= d.commentsDue) {
        return decision(c, [
          f002(
            "appeal55.forward-early",
            "error",
            "§ 55, stk. 3",
            `Before forwarding, the complainant must have the chance to comment on the statement within 1 week: forward after ${d.commentsDue} or when the comments are in.`,
            `Før sagen videresendes, skal klageren have lejlighed til inden for 1 uges frist at kommentere udtalelsen: videresend efter ${d.commentsDue} eller når kommentarerne er modtaget.`,
            "on",
            e.on,
          ),
        ]);
      }
      fs.push(
        f002(
          "appeal55.forwarded",
          "info",
          "§ 55, stk. 3",
          d.commentsReceived !== undefined ? "The complaint is forwarded to the ministry with the institution's statement and the complainant's comments." : "The complaint is forwarded to the ministry with the institution's statement (no comments came).",
          d.commentsReceived !== undefined ? "Klagen er videresendt til ministeriet med institutionens udtalelse og klagerens kommentarer." : "Klagen er videresendt til ministeriet med institutionens udtalelse (der kom ingen kommentarer).",
          "on",
          e.on,
        ),
      );
      return decision({ ...c, state: "forwarded", dates: { ...d, forwarded: e.on } }, fs);
    }
    case "suspend": {
      if (c.suspensive) {
        return decision(c, [f002("appeal55.already-suspensive", "error", "§ 55, stk. 4", "The complaint already has suspensive effect.", "Klagen har allerede opsættende virkning.", "suspensive", true)]);
      }
      const who = c.state === "forwarded" ? "ministry" : "institution";
      if (by !== who) {
        return decision(c, [
          f002(
            "appeal55.suspend-who",
            "error",
            "§ 55, stk. 4",
            who === "ministry" ? "The case is with the ministry: the ministry decides on suspensive effect." : "The case is with the institution: the institution decides on suspensive effect.",
            who === "ministry" ? "Sagen er hos ministeriet: ministeriet træffer beslutning om opsættende virkning." : "Sagen er hos institutionen: institutionen træffer beslutning om opsættende virkning.",
            "actor",
            by,
          ),
        ]);
      }
      fs.push(f002("appeal55.suspended", "info", "§ 55, stk. 4", `In this special case the ${who} decided that the complaint suspends the decision.`, `${who === "ministry" ? "Ministeriet" : "Institutionen"} har i dette særlige tilfælde besluttet, at klagen har opsættende virkning.`, "suspensive", true));
      return decision({ ...c, suspensive: true, suspendedBy: who }, fs);
    }
    case "decide": {
      fs.push(f002("appeal55.decided", "info", "§ 55, stk. 2", `The ministry decided: ${e.outcome}.`, `Ministeriet har afgjort klagen: ${OUTCOME_DA[e.outcome]}.`, "outcome", e.outcome));
      return decision({ ...c, state: "decided", outcome: e.outcome, dates: { ...d, decided: e.on } }, fs);
    }
  }
}

const OUTCOME_DA: Record<Appeal55Outcome, string> = { upheld: "medhold", "not-upheld": "ikke medhold", dismissed: "afvist" };

// ---------------------------------------------------------------------------------------------------------------
// The deadline clock (the same shape as complaint.ts: "appeal" = filing, stk. 2; "appeal-comments" = comments, stk. 3)

export type Appeal55Deadline = ComplaintDeadline;

/** The deadlines of the case as seen on `on`. Both are the complainant's and hard (§ 55 says neither "normalt"). */
export function appeal55Deadlines(c: Appeal55Case, on: IsoDate): Appeal55Deadline[] {
  const d = c.dates;
  const party = c.filedBy ?? "examinee";
  const out: Appeal55Deadline[] = [];
  const add = (id: Appeal55Deadline["id"], due: IsoDate, met: IsoDate | undefined, active: boolean, ref: string) => {
    const status: Appeal55Deadline["status"] = met !== undefined || !active ? "met" : on > due ? "overdue" : "open";
    out.push({ id, party, due, kind: "hard", status, daysLeft: daysBetween(on, due), ref });
  };
  add("appeal", d.fileDue, d.filed, c.state === "none", "§ 55, stk. 2");
  if (d.commentsDue !== undefined) add("appeal-comments", d.commentsDue, d.commentsReceived, c.state === "statement-sent", "§ 55, stk. 3");
  return out;
}

/** The earliest day the institution may forward (stk. 3): at once when the comments are in, else the day after the comment week. */
export function earliestForward(c: Appeal55Case): IsoDate | null {
  if (c.dates.commentsDue === undefined) return null;
  if (c.dates.commentsReceived !== undefined) return c.dates.commentsReceived;
  return addSpan(c.dates.commentsDue, { days: 1 });
}

/** Runs a list of (event, actor) steps from a new case; stops at the first refused step. For tests, the store and replays. */
export function replay(d: Appeal55Decision, events: readonly (readonly [Appeal55Event, Appeal55Actor])[]): { case: Appeal55Case; findings: Finding[]; refusedAt: number | null } {
  let c = openAppeal55(d);
  const findings: Finding[] = [];
  for (const [i, [e, by]] of events.entries()) {
    const r = step(c, e, by);
    findings.push(...r.because);
    if (r.because.some((f) => f.severity === "error")) return { case: c, findings, refusedAt: i };
    c = r.value;
  }
  return { case: c, findings, refusedAt: null };
}
