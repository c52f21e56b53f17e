/**
 * Issuing, changing, duplicating and cancelling documents (seed 003 §2.8, §2.11, §2.12) as pure functions over an
 * append-only issuance log. Nothing here stores anything: each operation reads the log and returns the events to append
 * (or findings and no events). The store keeps the events in order and never updates or deletes one.
 *
 *  - issue: a new document gets the next number (numbering.ts) and is refused when its layout has errors (layout.ts);
 *  - change (§2.8 «enhver endring … krever et nytt nummer»; NVB: "Any change, however small, means issuing a new
 *    document with a new vgdoknr and annulling the old one"): a new document and number, the old one cancelled with a
 *    reason (NVB ¤D codes KLA, FEI, ANN) and a pointer to its replacement;
 *  - duplicate, the three ways of §2.11: (1) from the school's archive with the same number, (2) from the system with
 *    the same number, (3) from the system with a new number — «Dersom det gjelder et førstegangsvitnemål må det
 *    opprinnelige førstegangsvitnemålet annulleres». A duplicate is marked «duplikat», with a new date and signature, and
 *    is otherwise identical;
 *  - change of legal gender (§2.12): «Dette er ikke et duplikat, men et nytt vitnemål» with the new fødselsnummer and a
 *    new number; «Reglene om utstedelse av duplikat gjelder ellers», so the content is the original's and the original is
 *    cancelled (decision: a person should not hold two valid documents under two numbers, see docs).
 */
import { decision, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { parseFodselsnummer } from "../../kernel/ids/fodselsnummer.ts";
import { parseIsoDate, type IsoDate } from "../../kernel/time/date.ts";
import { vmFinding } from "./cite.ts";
import { arrangeDocument, type DuplicateMarking, type VitnemalInput } from "./layout.ts";
import { nextDocumentNumber } from "./numbering.ts";

/** NVB ¤D D5 Annulleringaarsakkode: KLA new grade after appeal, FEI registration error, ANN other (NVB is SO-internal). */
export type CancelReason = "KLA" | "FEI" | "ANN";

export type IssueReason = "new" | "change" | "gender-change" | "duplicate";

export interface IssuedEvent {
  type: "issued";
  seq: number;
  number: string;
  reason: IssueReason;
  /** The document as issued, with its number (and, for a way-3 duplicate, its duplicate marking). */
  document: VitnemalInput;
  /** The number this document replaces (change, gender change, way-3 duplicate). */
  replaces?: string;
  on: IsoDate;
  by: string;
}

export interface CancelledEvent {
  type: "cancelled";
  seq: number;
  number: string;
  reason: CancelReason;
  replacedBy?: string;
  comment?: string;
  on: IsoDate;
  /** The caseworker (NVB D3: a person's name). */
  by: string;
}

/** A duplicate with an unchanged number (§2.11 ways 1 and 2). */
export interface DuplicatedEvent {
  type: "duplicated";
  seq: number;
  number: string;
  way: 1 | 2;
  marking: DuplicateMarking;
  /** Way 1: the archived original, when it is not in the log. */
  archived?: VitnemalInput;
  on: IsoDate;
  by: string;
}

export type IssuanceEvent = IssuedEvent | CancelledEvent | DuplicatedEvent;
export type IssuanceLog = readonly IssuanceEvent[];

/** The events to append, as the operation's value (a number for the new document when there is one). */
export interface Outcome {
  events: IssuanceEvent[];
  /** The document to print now (a new document, or the duplicate with its marking). */
  print: VitnemalInput;
}

export interface DocState {
  number: string;
  issued: IssuedEvent;
  status: "valid" | "cancelled";
  cancelled?: CancelledEvent;
  duplicates: DuplicatedEvent[];
}

/** The state of every document in the log, by number. */
export function documents(log: IssuanceLog): Map<string, DocState> {
  const out = new Map<string, DocState>();
  for (const e of log) {
    if (e.type === "issued") out.set(e.number, { number: e.number, issued: e, status: "valid", duplicates: [] });
    else if (e.type === "cancelled") {
      const d = out.get(e.number);
      if (d) {
        d.status = "cancelled";
        d.cancelled = e;
      }
    } else out.get(e.number)?.duplicates.push(e);
  }
  return out;
}

/** Every number that has been used (issued, or printed from the archive as a duplicate). */
export function usedNumbers(log: IssuanceLog): string[] {
  return log.flatMap((e) => (e.type === "issued" || (e.type === "duplicated" && e.archived) ? [e.number] : []));
}

/** Appends events, returning a new frozen log (the old one is untouched). Refuses sequence gaps. */
export function append(log: IssuanceLog, events: readonly IssuanceEvent[]): IssuanceLog {
  events.forEach((e, i) => {
    if (e.seq !== log.length + i + 1) throw new Error(`event seq ${e.seq} does not follow ${log.length + i}`);
  });
  return Object.freeze([...log, ...events.map((e) => Object.freeze(e))]);
}

const nope = (f: Finding[]): Decision<Outcome | null> => decision<Outcome | null>(null, f);

function dateFinding(on: string): Finding[] {
  return parseIsoDate(on) === undefined
    ? [vmFinding("issue.date", "error", "2.8", `Ugyldig dato: ${on}.`, `Not a valid date: ${on}.`, "on", on)]
    : [];
}

function allocate(log: IssuanceLog, doc: VitnemalInput, on: IsoDate): Decision<string | null> {
  return nextDocumentNumber(usedNumbers(log), doc.issuer, doc.kind, on);
}

/**
 * Issues a new document: number, issue date = `on`, the layout checked. Nothing is issued when the layout has errors.
 * (Content rules — which document, which subjects, which merknader — are decided before, see decide.ts.)
 */
export function issue(log: IssuanceLog, content: VitnemalInput, o: { on: IsoDate; by: string; reason?: IssueReason; replaces?: string }): Decision<Outcome | null> {
  const bad = dateFinding(o.on);
  if (bad.length) return nope(bad);
  const n = allocate(log, content, o.on);
  if (n.value === null) return nope(n.because);
  const document: VitnemalInput = { ...content, documentNumber: n.value, issuedOn: o.on, duplicate: null };
  const layout = arrangeDocument(document);
  const twice = content.forstegangs === true ? validForstegangs(log, content.person.fodselsnummer, o.replaces) : [];
  const one: Finding[] = twice.map((other) =>
    vmFinding(
      "issue.forstegang-twice",
      "error",
      "2.11",
      `Personen har allerede et gyldig førstegangsvitnemål (${other}); det må annulleres før et nytt førstegangsvitnemål utstedes.`,
      `The person already holds a valid førstegangsvitnemål (${other}); it must be cancelled before another is issued.`,
      "forstegangs",
      other,
    ),
  );
  if (hasErrors(layout.because) || one.length > 0) return nope([...n.because, ...layout.because, ...one]);
  const ev: IssuedEvent = { type: "issued", seq: log.length + 1, number: n.value, reason: o.reason ?? "new", document, on: o.on, by: o.by };
  if (o.replaces !== undefined) ev.replaces = o.replaces;
  return decision<Outcome | null>({ events: [ev], print: document }, [...n.because, ...layout.because]);
}

/**
 * The valid førstegangsvitnemål of a person, other than `except`. A person holds at most one: §2.11 requires the
 * original to be annulled when a førstegangsvitnemål is duplicated with a new number, and a change cancels the old one.
 */
function validForstegangs(log: IssuanceLog, fnr: string, except?: string): string[] {
  return [...documents(log).values()]
    .filter((d) => d.status === "valid" && d.number !== except && d.issued.document.forstegangs === true && d.issued.document.person.fodselsnummer === fnr)
    .map((d) => d.number);
}

function find(log: IssuanceLog, number: string, what: string): Decision<DocState | null> {
  const d = documents(log).get(number);
  if (!d)
    return decision<DocState | null>(null, [
      vmFinding("issue.unknown", "error", "2.8", `Dokument ${number} finnes ikke i utstedelsesloggen.`, `Document ${number} is not in the issuance log.`, "number", number),
    ]);
  if (d.status === "cancelled")
    return decision<DocState | null>(null, [
      vmFinding(
        "issue.cancelled",
        "error",
        "2.8",
        `Dokument ${number} er annullert og kan ikke ${what}.`,
        `Document ${number} is cancelled and cannot be ${what === "endres" ? "changed" : what === "dupliseres" ? "duplicated" : "cancelled again"}.`,
        "number",
        number,
      ),
    ]);
  return decision<DocState | null>(d);
}

function cancelEvent(seq: number, number: string, reason: CancelReason, o: { on: IsoDate; by: string; comment?: string }, replacedBy?: string): CancelledEvent {
  const e: CancelledEvent = { type: "cancelled", seq, number, reason, on: o.on, by: o.by };
  if (replacedBy !== undefined) e.replacedBy = replacedBy;
  if (o.comment !== undefined) e.comment = o.comment;
  return e;
}

/** Cancels a valid document without a replacement (e.g. issued in error). */
export function cancel(log: IssuanceLog, number: string, o: { on: IsoDate; by: string; reason: CancelReason; comment?: string }): Decision<CancelledEvent | null> {
  const bad = dateFinding(o.on);
  const d = find(log, number, "annulleres igjen");
  if (bad.length || d.value === null) return decision<CancelledEvent | null>(null, [...bad, ...d.because]);
  return decision<CancelledEvent | null>(cancelEvent(log.length + 1, number, o.reason, o));
}

/**
 * §2.8: a change to an issued document is a new document with a new number; the old one is cancelled and points to it.
 * §1.10 no. 2: the new vitnemål is written by the school that wrote the original (a different issuer gets a warning:
 * allowed when that school no longer exists and the fylkeskommune takes over).
 */
export function change(
  log: IssuanceLog,
  number: string,
  content: VitnemalInput,
  o: { on: IsoDate; by: string; reason: CancelReason; comment?: string },
): Decision<Outcome | null> {
  const d = find(log, number, "endres");
  if (d.value === null) return nope(d.because);
  const warn: Finding[] = [];
  if (content.issuer.orgnr !== d.value.issued.document.issuer.orgnr)
    warn.push(
      vmFinding(
        "issue.other-issuer",
        "warning",
        "1.10",
        "Nytt vitnemål skal skrives ut av skolen som skrev ut det opprinnelige (fylkeskommunen hvis skolen ikke lenger finnes).",
        "A new vitnemål is written by the school that wrote the original (the fylkeskommune if the school no longer exists).",
        "issuer.orgnr",
      ),
    );
  const r = issue(log, content, { on: o.on, by: o.by, reason: "change", replaces: number });
  if (r.value === null) return nope([...warn, ...r.because]);
  const issued = r.value.events[0] as IssuedEvent;
  const cancelled = cancelEvent(log.length + 2, number, o.reason, o, issued.number);
  return decision<Outcome | null>({ events: [issued, cancelled], print: r.value.print }, [...warn, ...r.because]);
}

/** The document with the duplicate marking of §2.11 (otherwise identical, same or new number). */
export function withDuplicateMarking(doc: VitnemalInput, marking: DuplicateMarking, number = doc.documentNumber): VitnemalInput {
  return { ...doc, documentNumber: number, duplicate: marking };
}

/**
 * §2.11 duplicates. Way 2 (system, same number) and way 3 (system, new number) need the original in the log and valid.
 * Way 1 (archive, same number) takes the archived original when it is not in the log; its number must not belong to a
 * different document. Way 3 of a førstegangsvitnemål cancels the original (reason ANN, replaced by the duplicate).
 */
export function duplicate(
  log: IssuanceLog,
  o: { way: 1 | 2 | 3; number: string; on: IsoDate; place: string; signatory: string; by: string; archived?: VitnemalInput },
): Decision<Outcome | null> {
  const bad = dateFinding(o.on);
  if (bad.length) return nope(bad);
  const marking: DuplicateMarking = { way: o.way, issuedOn: o.on, place: o.place, signatory: o.signatory };
  const known = documents(log).get(o.number);
  if (o.way === 1 && !known) {
    if (!o.archived || o.archived.documentNumber !== o.number)
      return nope([
        vmFinding(
          "duplicate.archive",
          "error",
          "2.11",
          "Duplikat fra arkivet (måte 1) krever det arkiverte vitnemålet med samme nummer.",
          "A duplicate from the archive (way 1) needs the archived document with the same number.",
          "archived",
        ),
      ]);
    const print = withDuplicateMarking(o.archived, marking);
    const ev: DuplicatedEvent = { type: "duplicated", seq: log.length + 1, number: o.number, way: 1, marking, archived: o.archived, on: o.on, by: o.by };
    return decision<Outcome | null>({ events: [ev], print });
  }
  const d = find(log, o.number, "dupliseres");
  if (d.value === null) return nope(d.because);
  const original = d.value.issued.document;
  if (o.way !== 3) {
    const ev: DuplicatedEvent = { type: "duplicated", seq: log.length + 1, number: o.number, way: o.way, marking, on: o.on, by: o.by };
    return decision<Outcome | null>({ events: [ev], print: withDuplicateMarking(original, marking) });
  }
  const n = allocate(log, original, o.on);
  if (n.value === null) return nope(n.because);
  const print = withDuplicateMarking(original, marking, n.value);
  const issued: IssuedEvent = { type: "issued", seq: log.length + 1, number: n.value, reason: "duplicate", document: print, replaces: o.number, on: o.on, by: o.by };
  const events: IssuanceEvent[] = [issued];
  const because: Finding[] = [];
  if (original.forstegangs === true) {
    events.push(cancelEvent(log.length + 2, o.number, "ANN", { on: o.on, by: o.by, comment: "Duplikat med nytt nummer (punkt 2.11)" }, n.value));
    because.push(
      vmFinding(
        "duplicate.forstegang-cancelled",
        "info",
        "2.11",
        "Duplikat med nytt nummer av et førstegangsvitnemål: det opprinnelige annulleres.",
        "Duplicate with a new number of a førstegangsvitnemål: the original is cancelled.",
        "number",
        o.number,
      ),
    );
  }
  return decision<Outcome | null>({ events, print }, because);
}

/**
 * §2.12: after a change of legal gender the person has a new fødselsnummer; they get a new document (not a duplicate)
 * with the new number and a new document number; the content is otherwise the original's. The original is cancelled.
 */
export function reissueAfterGenderChange(
  log: IssuanceLog,
  number: string,
  o: { newFodselsnummer: string; on: IsoDate; by: string; signatories?: readonly [string, string]; place?: string },
): Decision<Outcome | null> {
  const d = find(log, number, "endres");
  if (d.value === null) return nope(d.because);
  const fnr = parseFodselsnummer(o.newFodselsnummer, "newFodselsnummer");
  if (fnr.value === null) return nope(fnr.because);
  const original = d.value.issued.document;
  if (fnr.value.id === original.person.fodselsnummer)
    return nope([
      vmFinding(
        "gender-change.same-number",
        "error",
        "2.12",
        "Nytt vitnemål etter bytte av juridisk kjønn må ha nytt personnummer.",
        "A new vitnemål after a change of legal gender must carry the new personal number.",
        "newFodselsnummer",
      ),
    ]);
  const content: VitnemalInput = {
    ...original,
    person: { ...original.person, fodselsnummer: fnr.value.id },
    issuer: { ...original.issuer, ...(o.place !== undefined ? { place: o.place } : {}) },
    ...(o.signatories ? { signatories: o.signatories } : {}),
  };
  const r = issue(log, content, { on: o.on, by: o.by, reason: "gender-change", replaces: number });
  if (r.value === null) return nope(r.because);
  const issued = r.value.events[0] as IssuedEvent;
  const cancelled = cancelEvent(log.length + 2, number, "ANN", { on: o.on, by: o.by, comment: "Nytt vitnemål etter bytte av juridisk kjønn (punkt 2.12)" }, issued.number);
  return decision<Outcome | null>({ events: [issued, cancelled], print: r.value.print }, r.because);
}

/** The document as it prints today for a number (the latest duplicate marking when it has been duplicated). */
export function printable(log: IssuanceLog, number: string): VitnemalInput | undefined {
  const d = documents(log).get(number);
  if (d) {
    const last = d.duplicates.at(-1);
    return last ? withDuplicateMarking(d.issued.document, last.marking) : d.issued.document;
  }
  const arch = [...log].reverse().find((e): e is DuplicatedEvent => e.type === "duplicated" && e.number === number && e.archived !== undefined);
  return arch?.archived ? withDuplicateMarking(arch.archived, arch.marking) : undefined;
}
