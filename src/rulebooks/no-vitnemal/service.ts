/**
 * Vitnemål use cases (seed 003), shared by HTTP and CLI. Each takes `(db, actor, input)`; every query is scoped by
 * `actor.institutionId` (never an institution id from the request). Rules come from the pure core (apply.ts §6–§13,
 * decide.ts §1, §3–§5, layout.ts §2, issuance.ts §2.8/§2.11, nvb.ts); SQL from store.ts. Every change and every export
 * is audited in the same transaction.
 *
 * - A case (the person's record, `VitnemalCaseInput`) is saved whatever the rules say (users see the findings);
 *   malformed input (no valid fødselsnummer, no name, not a list where one is needed) is refused with 422.
 * - Issuing is refused with 422 and the findings when any finding is an error; nothing is stored then.
 * - The issuer on the document is the institution: its code is the organisasjonsnummer when it is a valid one (the
 *   document number is built from it, §2.8); the case's `issuer` gives kind, place and the rest.
 * - Issuing a case that already has a valid document is a change (§2.8): a new document and number, the old one
 *   cancelled (reason given, default ANN).
 */
import type { Transaction } from "kysely";
import { audit, auditMany, type AuditEntry } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import { ProblemError, requireRole, WRITE_ROLES, type Actor } from "../../platform/http/context.ts";
import { cite, finding, hasErrors, type Finding } from "../../kernel/law.ts";
import { maskFodselsnummer, parseFodselsnummer } from "../../kernel/ids/fodselsnummer.ts";
import { parseOrgnr } from "../../kernel/ids/orgnr.ts";
import { parseIsoDate, type IsoDate } from "../../kernel/time/date.ts";
import { formatSchoolYear, parseSchoolYear, schoolYearEnd, schoolYearStart } from "../../kernel/time/school-year.ts";
import { applyRules } from "./apply.ts";
import { decideContent, toLayoutInput, type DecidedContent } from "./decide.ts";
import * as issuance from "./issuance.ts";
import { arrangeDocument, type LayoutLang, type VitnemalDocument, type VitnemalInput } from "./layout.ts";
import type { IssuedDocumentKind, VitnemalCase } from "./model.ts";
import { nvbBatchFromLog, nvbFile } from "./nvb.ts";
import { renderVitnemalPdf } from "./pdf.ts";
import * as store from "./store.ts";

// ------------------------------------------------------------------------------------------------------------ types

/**
 * docs/api.md `VitnemalCaseInput`: the `VitnemalCase` of model.ts as JSON (dates "YYYY-MM-DD", half-years
 * `{ half: "V"|"H", year }`, school years `{ startYear }`) without its decision date (the issue date decides), plus
 * the document's signatories and, optionally, the document asked for.
 */
export interface CaseInput {
  person: { fnr: string; name: string; previousFnr?: string[] };
  issuer: { kind: "skole" | "fylkeskommune"; place: string; name?: string; orgnr?: string; schoolNumber?: string; [k: string]: unknown };
  statuses: unknown[];
  programmeAreas: unknown[];
  subjects: unknown[];
  signatories?: [string, string];
  requested?: IssuedDocumentKind;
  [k: string]: unknown;
}

/**
 * A row of the class list: who gets which document. `kind` / `issuable` are decided at `on` (default today);
 * `document` is the case's valid document (null when none has been issued or all are cancelled).
 */
export type CaseRow = {
  id: string;
  version: number;
  fnrMasked: string;
  name: string;
  subjects: number;
  errors: number;
  warnings: number;
  kind: IssuedDocumentKind | null;
  issuable: boolean;
  document: { number: string; kind: IssuedDocumentKind } | null;
  /** The school year the case ends in ("2022/23"; `caseSchoolYear`), for the class list of a school year. */
  schoolYear: string | null;
};

/** One printed line of the preview and why it is there (the sections and the findings about it). */
export interface PreviewLine {
  part: "identity" | "intro" | "programme-area" | "sluttkompetanse" | "subject" | "sum" | "conduct" | "absence" | "merknad" | "place-date" | "number" | "vedlegg";
  text: string;
  sections: string[];
  why: { nb: string; en: string };
  findings: Finding[];
}

export interface Preview {
  caseId: string | null;
  version: number | null;
  kind: IssuedDocumentKind | null;
  forstegang: boolean;
  issuable: boolean;
  findings: Finding[];
  lines: PreviewLine[];
}

export interface CaseDetail {
  id: string;
  version: number;
  fnrMasked: string;
  input: CaseInput;
  preview: Preview;
  history: store.HistoryEntry[];
  documents: store.DocumentRow[];
}

export interface IssueResult {
  number: string;
  kind: IssuedDocumentKind;
  cancelled: string | null;
  findings: Finding[];
}

// -------------------------------------------------------------------------------------------------------- helpers

const k = (db: Db) => store.vitnemalKysely(db);
const by = (a: Actor): store.Recorder => ({ label: a.label, userId: a.userId });
const tx2 = (tx: store.VmTx) => tx as unknown as Transaction<PlatformTables>;
export const canSeeFnr = (a: Actor): boolean => a.roles.some((r) => r === "admin" || WRITE_ROLES.includes(r));

function inputFinding(rule: string, subject: string, value: Finding["value"], en: string, nb: string): Finding {
  return finding(`vitnemal.input.${rule}`, "error", { seed: "reference", ref: "docs/api.md" }, { en, nb }, { subject, value });
}

const notFound = (what = "case") => new ProblemError(404, "Not Found", [], `no such vitnemål ${what} in this institution`);
const refuse = (findings: Finding[], what: string) => new ProblemError(422, "Unprocessable Content", findings, what);
const stale = (current: number, sent: number) =>
  new ProblemError(
    409,
    "Conflict",
    [
      inputFinding(
        "version-stale",
        "version",
        sent,
        `The case was changed by someone else (you sent version ${sent}, the current one is ${current}). Reload and try again.`,
        `Saken er endret av en annen (du sendte versjon ${sent}, gjeldende er ${current}). Hent den på nytt og prøv igjen.`,
      ),
    ],
    `version ${sent} is stale; the current version is ${current}`,
  );

/** Today in Norway (the service may read the clock; the rules never do: the date is passed to them). */
export function osloToday(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now) as IsoDate;
}

function osloStamp(now = new Date()): string {
  const p = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "medium" }).format(now);
  return p.replace(/\D/g, "").slice(0, 14);
}

function dateOr(on: string | undefined, subject = "on"): IsoDate {
  if (on === undefined || on === "") return osloToday();
  const d = parseIsoDate(on);
  if (d === undefined) throw refuse([inputFinding("date", subject, on, `${subject} = "${on}": not a date (YYYY-MM-DD).`, `${subject} = "${on}": ikke en dato (ÅÅÅÅ-MM-DD).`)], "not a date");
  return d;
}

/** Shape checks that make a case unusable (422): fødselsnummer, name, the lists the rules read. */
export function validateCaseInput(input: CaseInput): { ok: true; fnr: string } | { ok: false; findings: Finding[] } {
  const out: Finding[] = [];
  const fnr = parseFodselsnummer(String(input.person?.fnr ?? ""), "person.fnr");
  out.push(...fnr.because.filter((f) => f.severity === "error"));
  if (typeof input.person?.name !== "string" || input.person.name.trim() === "")
    out.push(inputFinding("name", "person.name", null, "person.name: the name is required (§2.2).", "person.name: navn mangler (punkt 2.2)."));
  for (const key of ["statuses", "programmeAreas", "subjects"] as const)
    if (!Array.isArray(input[key])) out.push(inputFinding("list", key, null, `${key}: a list is required.`, `${key}: en liste er påkrevd.`));
  if (out.length > 0 || fnr.value === null) return { ok: false, findings: out };
  return { ok: true, fnr: fnr.value.id };
}

interface Inst {
  code: string;
  name: string;
}

async function institutionOf(db: Db, actor: Actor): Promise<Inst> {
  const r = await db.kysely.selectFrom("institution").select(["code", "name"]).where("id", "=", actor.institutionId).executeTakeFirst();
  return { code: r?.code ?? "", name: r?.name ?? "" };
}

/** The `VitnemalCase` the rules read, at a decision date, with the institution as issuer. */
export function toCase(input: CaseInput, inst: Inst, on: IsoDate): VitnemalCase {
  const rest: Record<string, unknown> = { ...input };
  delete rest.signatories;
  delete rest.requested;
  const fnr = parseFodselsnummer(input.person.fnr).value?.id ?? input.person.fnr;
  const orgnr = parseOrgnr(inst.code).value ?? input.issuer.orgnr;
  const issuer = { ...input.issuer, name: input.issuer.name ?? inst.name, ...(orgnr !== undefined ? { orgnr } : {}) };
  delete (issuer as Record<string, unknown>).schoolNumber;
  return { ...(rest as unknown as VitnemalCase), person: { ...input.person, fnr } as VitnemalCase["person"], issuer: issuer as VitnemalCase["issuer"], decisionDate: on };
}

interface Evaluated {
  content: DecidedContent | null;
  layout: VitnemalInput | null;
  findings: Finding[];
  issuable: boolean;
}

const PREVIEW_NUMBER = "(forhåndsvisning)";

/** Runs §6–§13 (applyRules), §1, §3–§5 (decideContent) and maps into the §2 layout input. Never throws on bad data. */
export function evaluate(input: CaseInput, inst: Inst, on: IsoDate, documentNumber = PREVIEW_NUMBER): Evaluated {
  try {
    const c = toCase(input, inst, on);
    const a = applyRules(c);
    const d = decideContent(a.value.case, input.requested ?? a.value.onlyOn);
    const findings = [...a.because, ...d.because];
    let layout: VitnemalInput | null = null;
    if (d.value.issuable && !hasErrors(findings)) {
      const signatories = input.signatories ?? ["Rektor", "Avdelingsleder"];
      const l = toLayoutInput(a.value.case, d.value, { issuedOn: on, signatories, documentNumber, absence: a.value.absence });
      findings.push(...l.because);
      if (l.value !== null) {
        const vedlegg = [...d.value.vedlegg, ...a.value.vedlegg.filter((v) => !d.value.vedlegg.some((x) => x.text === v.text))];
        layout = {
          ...l.value,
          issuer: { ...l.value.issuer, ...(typeof input.issuer.schoolNumber === "string" ? { schoolNumber: input.issuer.schoolNumber } : {}) },
          ...(vedlegg.length > 0 ? { vedlegg: [{ paragraphs: vedlegg.map((v) => v.text) }] } : {}),
        };
        findings.push(...arrangeDocument(layout).because);
      }
    }
    const issuable = layout !== null && !hasErrors(findings);
    return { content: d.value, layout, findings, issuable };
  } catch (e) {
    return {
      content: null,
      layout: null,
      issuable: false,
      findings: [
        finding(
          "vitnemal.input.malformed",
          "error",
          cite("003", "1"),
          { en: `The case cannot be read by the rules: ${(e as Error).message}`, nb: `Saken kan ikke leses av reglene: ${(e as Error).message}` },
          { subject: "case" },
        ),
      ],
    };
  }
}

const mentions = (f: Finding, s: string) => f.subject === s || f.value === s || (typeof f.subject === "string" && f.subject.includes(s));

/** The preview: the arranged document's lines, each with the sections that put it there and the findings about it. */
export function previewOf(ev: Evaluated, caseId: string | null, version: number | null): Preview {
  const lines: PreviewLine[] = [];
  const d = ev.content;
  const L = (part: PreviewLine["part"], text: string, sections: string[], nb: string, en: string, findings: Finding[] = []) =>
    lines.push({ part, text, sections, why: { nb, en }, findings });
  if (ev.layout !== null && d !== null) {
    const doc: VitnemalDocument = arrangeDocument(ev.layout).value;
    L("identity", doc.title, ["1.9", "1.1"], `Dokumenttypen følger av status og resultater (punkt 1.1, 1.9)${d.forstegang ? "; førstegangsvitnemål (punkt 1.2)" : ""}.`, `The document follows from status and results (§1.1, §1.9)${d.forstegang ? "; førstegangsvitnemål (§1.2)" : ""}.`);
    for (const id of doc.identity) L("identity", `${id.label}: ${id.label.toLowerCase().startsWith("fødsels") ? maskFodselsnummer(id.value) : id.value}`, ["2.2"], "Personopplysninger i fet skrift (punkt 2.2).", "Identity in bold (§2.2).");
    for (const t of doc.intro) L("intro", t, ["2.3"], "Innledende tekst (punkt 2.3).", "Introductory text (§2.3).");
    for (const p of doc.programmeAreas)
      L("programme-area", [p.level, p.code, p.name, p.programme, p.status].filter((x) => x).join("  "), ["2.3", "4.1"], "Programområde for nivået (punkt 2.3; antall etter punkt 4.1).", "Programme area of the level (§2.3; number per §4.1).", ev.findings.filter((f) => mentions(f, p.code)));
    for (const s of doc.sluttkompetanse) L("sluttkompetanse", s, ["2.3"], "Oppnådd sluttkompetanse (punkt 2.3).", "Sluttkompetanse achieved (§2.3).");
    for (const g of doc.groups)
      for (const r of g.rows) {
        const sub = d.subjects.find((s) => s.line.fagkode === r.fagkode);
        const fam = sub?.merknad ?? null;
        const famUse = sub?.line.merknader?.find((m) => m.code === fam?.def.code);
        const sections = ["2.5", "2.6", ...(fam ? ["3", ...(famUse?.because ? [famUse.because] : [])] : [])];
        L(
          "subject",
          [r.omfang.text, r.code.text, r.name.text, r.standpunkt.text, r.eksamen.text, r.eksamensform.text, r.year.text, r.merknad.text].filter((x) => x).join("  "),
          [...new Set(sections)],
          `Fag under «${g.heading}» (rekkefølge punkt 2.5, celler punkt 2.6)${fam ? `; ${fam.def.code} (punkt ${famUse?.because ?? "3"})` : ""}.`,
          `Subject under "${g.heading}" (order §2.5, cells §2.6)${fam ? `; ${fam.def.code} (§${famUse?.because ?? "3"})` : ""}.`,
          ev.findings.filter((f) => mentions(f, r.fagkode)),
        );
      }
    L("sum", `${doc.labels.sumOmfang}: ${doc.sumOmfang}`, ["2.7"], "Sum omfang (punkt 2.7).", "Total omfang (§2.7).");
    L("conduct", `${doc.labels.orden}: ${doc.orden.text}  ${doc.labels.adferd}: ${doc.adferd.text}`, ["5.6", "2.7"], "Orden og adferd (punkt 5.6).", "Orden og adferd (§5.6).");
    for (const a of doc.absence)
      L("absence", `${a.label}: ${a.days.text} ${doc.labels.days}, ${a.hours.text} ${doc.labels.hours}`, ["8", "2.7"], "Fravær per år etter fratrekk (punkt 8).", "Absence per year after deductions (§8).");
    for (const m of d.vmm) {
      L("merknad", m.text, ["3", "2.8"], `Vitnemålsmerknad ${m.def.code} (punkt 3).`, `Vitnemålsmerknad ${m.def.code} (§3).`, ev.findings.filter((f) => mentions(f, m.def.code)));
    }
    L("place-date", doc.placeDate, ["2.8"], "Sted og dato (punkt 2.8).", "Place and date (§2.8).");
    L("number", doc.documentNumber, ["2.8"], "Dokumentnummeret settes ved utstedelse (punkt 2.8).", "The document number is given when issued (§2.8).");
    for (const v of doc.vedlegg) for (const p of v.paragraphs) L("vedlegg", p, ["2.10", "3"], "Vedlegg (punkt 2.10; VMM23).", "Vedlegg (§2.10; VMM23).");
  }
  return { caseId, version, kind: d?.kind ?? null, forstegang: d?.forstegang ?? false, issuable: ev.issuable, findings: ev.findings, lines };
}

/**
 * The school year a case ends in: the latest of its statuses' and programme areas' school years and its subject rows'
 * half-years (V 2023 → 2022/23, H 2022 → 2022/23). Null when none is readable.
 */
export function caseSchoolYear(input: Record<string, unknown>): string | null {
  let start = -1;
  const rows = (key: string) => (Array.isArray(input[key]) ? (input[key] as unknown[]) : []);
  for (const r of [...rows("statuses"), ...rows("programmeAreas")]) {
    const y = Number((r as { schoolYear?: { startYear?: unknown } } | null)?.schoolYear?.startYear);
    if (Number.isInteger(y) && y > start) start = y;
  }
  for (const r of rows("subjects")) {
    const hy = (r as { year?: { half?: unknown; year?: unknown } } | null)?.year;
    const y = Number(hy?.year);
    if (!Number.isInteger(y)) continue;
    const s = hy?.half === "H" ? y : y - 1;
    if (s > start) start = s;
  }
  return start < 0 ? null : formatSchoolYear({ startYear: start });
}

const countOf = (fs: Finding[], s: Finding["severity"]) => fs.filter((f) => f.severity === s).length;

// -------------------------------------------------------------------------------------------------------- use cases

async function detailOf(db: Db, actor: Actor, id: string, on?: string): Promise<CaseDetail> {
  const kk = k(db);
  const s = await store.getCase(kk, actor.institutionId, id);
  if (!s) throw notFound();
  const inst = await institutionOf(db, actor);
  const input = s.input as unknown as CaseInput;
  const ev = evaluate(input, inst, dateOr(on));
  const full = canSeeFnr(actor);
  const fnrMasked = maskFodselsnummer(s.fnr);
  return {
    id,
    version: s.version,
    fnrMasked,
    input: full ? input : { ...input, person: { ...input.person, fnr: fnrMasked } },
    preview: previewOf(ev, id, s.version),
    history: await store.getHistory(kk, actor.institutionId, id),
    documents: (await store.listDocuments(kk, actor.institutionId, { caseId: id })).map((d) => ({ ...d, fnr: maskFodselsnummer(d.fnr) })),
  };
}

export async function getCase(db: Db, actor: Actor, id: string, on?: string): Promise<CaseDetail> {
  return detailOf(db, actor, id, on);
}

export async function listCases(db: Db, actor: Actor, o: { limit?: number; offset?: number; on?: string } = {}): Promise<{ items: CaseRow[]; total: number }> {
  const r = await store.listCases(k(db), actor.institutionId, { ...(o.limit !== undefined ? { limit: o.limit } : {}), ...(o.offset !== undefined ? { offset: o.offset } : {}) });
  const on = dateOr(o.on);
  const inst = await institutionOf(db, actor);
  const valid = new Map<string, store.DocumentRow>();
  for (const d of await store.listDocuments(k(db), actor.institutionId)) if (d.status === "issued" && d.caseId !== null && !valid.has(d.caseId)) valid.set(d.caseId, d);
  return {
    total: r.total,
    items: r.rows.map((c) => {
      const ev = evaluate(c.input as unknown as CaseInput, inst, on);
      const doc = valid.get(c.id);
      return {
        id: c.id,
        version: c.version,
        fnrMasked: maskFodselsnummer(c.fnr),
        name: c.name,
        subjects: Array.isArray(c.input.subjects) ? c.input.subjects.length : 0,
        errors: countOf(ev.findings, "error"),
        warnings: countOf(ev.findings, "warning"),
        kind: ev.content?.kind ?? null,
        issuable: ev.issuable,
        document: doc ? { number: doc.number, kind: doc.kind } : null,
        schoolYear: caseSchoolYear(c.input),
      };
    }),
  };
}

/** Registers a person's case. Malformed input → 422; the rules' findings come back with the saved case. */
export async function createCase(db: Db, actor: Actor, input: CaseInput): Promise<CaseDetail> {
  requireRole(actor, WRITE_ROLES);
  const v = validateCaseInput(input);
  if (!v.ok) throw refuse(v.findings, "the case was not saved");
  const ev = evaluate(input, await institutionOf(db, actor), osloToday());
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const newId = await store.insertCase(
        tx,
        actor.institutionId,
        { fnr: v.fnr, name: input.person.name.trim(), input: input as unknown as Record<string, unknown>, errors: countOf(ev.findings, "error"), warnings: countOf(ev.findings, "warning") },
        by(actor),
        "registered",
      );
      await audit(tx2(tx), actor, { action: "vitnemal.case.create", entity: "vitnemal_case", entityId: newId, detail: { fnr: maskFodselsnummer(v.fnr), version: 1 } });
      return newId;
    });
  return detailOf(db, actor, id);
}

/** Corrects a case: the next version supersedes the current one (who, when, why). Stale version → 409. */
export async function correctCase(db: Db, actor: Actor, id: string, body: { input: CaseInput; version: number; reason: string }): Promise<CaseDetail> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  if (!(await store.getCase(kk, actor.institutionId, id))) throw notFound();
  const v = validateCaseInput(body.input);
  const reason = (body.reason ?? "").trim();
  const findings = v.ok ? [] : [...v.findings];
  if (reason === "") findings.push(inputFinding("reason", "reason", null, "A correction needs a reason (why is it changed?).", "En rettelse krever en begrunnelse (hvorfor endres den?)."));
  if (findings.length > 0 || !v.ok) throw refuse(findings, "the correction was not saved");
  const ev = evaluate(body.input, await institutionOf(db, actor), osloToday());
  await kk.transaction().execute(async (tx) => {
    const claim = await store.claimNextVersion(tx, actor.institutionId, id, body.version);
    if (!claim.ok) throw claim.why === "missing" ? notFound() : stale(claim.current, body.version);
    await store.insertVersion(
      tx,
      actor.institutionId,
      id,
      claim.version,
      { fnr: v.fnr, name: body.input.person.name.trim(), input: body.input as unknown as Record<string, unknown>, errors: countOf(ev.findings, "error"), warnings: countOf(ev.findings, "warning") },
      by(actor),
      reason,
    );
    await audit(tx2(tx), actor, { action: "vitnemal.case.correct", entity: "vitnemal_case", entityId: id, detail: { fnr: maskFodselsnummer(v.fnr), version: claim.version, reason } });
  });
  return detailOf(db, actor, id);
}

/** What the document would be at a date (default today), without storing anything. */
export async function previewCase(db: Db, actor: Actor, id: string, o: { on?: string } = {}): Promise<Preview> {
  const s = await store.getCase(k(db), actor.institutionId, id);
  if (!s) throw notFound();
  return previewOf(evaluate(s.input as unknown as CaseInput, await institutionOf(db, actor), dateOr(o.on)), id, s.version);
}

/** The preview of an unsaved case input. */
export async function previewInput(db: Db, actor: Actor, input: CaseInput, o: { on?: string } = {}): Promise<Preview> {
  const v = validateCaseInput(input);
  if (!v.ok) throw refuse(v.findings, "the case cannot be read");
  return previewOf(evaluate(input, await institutionOf(db, actor), dateOr(o.on)), null, null);
}

type NumberParts = { letter: "V" | "K"; year: number; serial: number };
const partsOf = (n: string): NumberParts => ({ letter: n[0] as "V" | "K", year: Number(n.slice(10, 14)), serial: Number(n.slice(14)) });

/** Appends the outcome's events in the locked transaction, taking each new number from the counter. */
async function persist(tx: store.VmTx, actor: Actor, events: issuance.IssuanceEvent[], lastSeq: number, meta: { caseId: string | null; caseVersion: number | null }): Promise<void> {
  if (events[0] && events[0].seq !== lastSeq + 1) throw new ProblemError(409, "Conflict", [], "the issuance log moved; try again");
  for (const e of events)
    if (e.type === "issued") {
      const p = partsOf(e.number);
      if (!(await store.takeSerial(tx, actor.institutionId, p.letter, p.year, p.serial)))
        throw new ProblemError(409, "Conflict", [], `document number ${e.number} is not above the counter; numbers are never reused`);
    } else if (e.type === "duplicated" && e.archived !== undefined) {
      const p = partsOf(e.number);
      await store.raiseSerial(tx, actor.institutionId, p.letter, p.year, p.serial);
    }
  await store.appendEvents(tx, actor.institutionId, events, { ...meta, byId: actor.userId });
}

/**
 * What issuing one person's document reads of the log, without loading the whole log (a batch would otherwise read it
 * once per document): the person's and the case's own events, preceded by one stand-in for the numbers already used in
 * this letter and year — the counter's last serial (the counter is at or above every number in the log, so the next
 * number `issuance.issue` takes from this partial log is the one it would take from the whole log). The stand-in is
 * never stored. Seqs are renumbered 1…n; the caller moves the new events after the real last seq.
 */
function personLog(own: readonly issuance.IssuanceEvent[], o: { letter: "V" | "K"; year: number; last: number; orgnr: string; on: IsoDate }): issuance.IssuanceEvent[] {
  const stand: issuance.IssuanceEvent[] = [];
  if (o.last > 0) {
    const number = `${o.letter}${o.orgnr}${o.year}${String(o.last).padStart(4, "0")}`;
    stand.push({ type: "duplicated", seq: 0, number, way: 1, marking: { way: 1, issuedOn: o.on, place: "", signatory: "" }, archived: { documentNumber: number } as VitnemalInput, on: o.on, by: "" });
  }
  return [...stand, ...own].map((e, i) => ({ ...e, seq: i + 1 }));
}

/** What issuing one case came to: a document (with the document as it prints), a refusal with its findings, or no such case. */
type IssueOutcome =
  | { caseId: string; status: "issued"; result: IssueResult; print: VitnemalInput }
  | { caseId: string; status: "refused"; findings: Finding[]; message: string }
  | { caseId: string; status: "missing" };

/**
 * Issues the documents of several cases at `on` in one transaction (issueCase for one; issueAll in chunks): the rules
 * run before the transaction; inside it, the log is locked once, the people's own events are read in one query, the
 * numbers follow each other from the counter, and the events and audit rows are written in one statement each. Cases
 * whose findings include an error, or that issuance.ts refuses, are left out (nothing stored for them). A case with a
 * valid document gets a new one (a change, §2.8): the old one is cancelled.
 */
async function issueCases(
  db: Db,
  actor: Actor,
  inst: Inst,
  ids: readonly string[],
  o: { on?: string; cancelReason?: issuance.CancelReason; comment?: string },
): Promise<IssueOutcome[]> {
  const kk = k(db);
  const stored = new Map((await store.getCases(kk, actor.institutionId, ids)).map((s) => [s.id, s]));
  // Existence first: a case of another institution is 404 whatever the body says (the tenancy walk sends junk dates).
  if (stored.size === 0) return ids.map((id) => ({ caseId: id, status: "missing" as const }));
  const on = dateOr(o.on);
  const year = Number(on.slice(0, 4));
  const outcomes = new Map<string, IssueOutcome>();
  const ready: { s: store.StoredCase; layout: VitnemalInput; findings: Finding[] }[] = [];
  for (const id of ids) {
    const s = stored.get(id);
    if (!s) {
      outcomes.set(id, { caseId: id, status: "missing" });
      continue;
    }
    const ev = evaluate(s.input as unknown as CaseInput, inst, on);
    if (!ev.issuable || ev.layout === null || hasErrors(ev.findings))
      outcomes.set(id, { caseId: id, status: "refused", findings: ev.findings.filter((f) => f.severity === "error"), message: "the document was not issued: the findings are errors" });
    else ready.push({ s, layout: ev.layout, findings: ev.findings });
  }
  if (ready.length > 0)
    await kk.transaction().execute(async (tx) => {
      const lastSeq = await store.lockLog(tx, actor.institutionId);
      // the events of these people and cases, each with its number's person and case; new events join it as they are made
      const pool = await store.loadPeopleLog(tx, actor.institutionId, { fnrs: [...new Set(ready.map((r) => r.s.fnr))], caseIds: ready.map((r) => r.s.id) });
      const counters = new Map<string, { letter: "V" | "K"; last: number; taken: number }>();
      const groups: { events: issuance.IssuanceEvent[]; caseId: string; caseVersion: number }[] = [];
      const audits: AuditEntry[] = [];
      let seq = lastSeq;
      for (const { s, layout, findings } of ready) {
        const letter = layout.kind === "vitnemal" ? "V" : "K";
        let counter = counters.get(letter);
        if (!counter) {
          const last = await store.lastSerial(tx, actor.institutionId, letter, year);
          counter = { letter, last, taken: last };
          counters.set(letter, counter);
        }
        const numbers = new Set(pool.filter((p) => p.event.type === "issued" && (p.fnr === s.fnr || p.caseId === s.id)).map((p) => p.event.number));
        const own = pool.filter((p) => numbers.has(p.event.number));
        const cancelled = new Set(own.filter((p) => p.event.type === "cancelled").map((p) => p.event.number));
        const valid = own.filter((p) => p.event.type === "issued" && p.caseId === s.id && !cancelled.has(p.event.number)).at(-1)?.event.number;
        const log = personLog(
          own.map((p) => p.event),
          { letter, year, last: counter.taken, orgnr: layout.issuer.orgnr, on },
        );
        const r = valid
          ? issuance.change(log, valid, layout, { on, by: actor.label, reason: o.cancelReason ?? "ANN", comment: o.comment ?? `Endring av saken (versjon ${s.version})` })
          : issuance.issue(log, layout, { on, by: actor.label });
        if (r.value === null) {
          outcomes.set(s.id, { caseId: s.id, status: "refused", findings: r.because, message: "the document was not issued" });
          continue;
        }
        // the events were numbered against the partial log: move them after the last seq
        const events = r.value.events.map((e) => ({ ...e, seq: e.seq - log.length + seq }));
        seq += events.length;
        for (const e of events) {
          if (e.type !== "issued") continue;
          const p = partsOf(e.number);
          if (p.letter !== letter || p.year !== year || p.serial <= counter.taken)
            throw new ProblemError(409, "Conflict", [], `document number ${e.number} is not above the counter; numbers are never reused`);
          counter.taken = p.serial;
        }
        for (const e of events) pool.push({ event: e, fnr: e.type === "issued" ? e.document.person.fodselsnummer : null, caseId: e.type === "issued" ? s.id : null });
        groups.push({ events, caseId: s.id, caseVersion: s.version });
        const number = r.value.print.documentNumber;
        audits.push({
          action: valid ? "vitnemal.document.change" : "vitnemal.document.issue",
          entity: "vitnemal_document",
          entityId: number,
          detail: { case: s.id, version: s.version, kind: layout.kind, fnr: maskFodselsnummer(s.fnr), ...(valid ? { cancelled: valid } : {}) },
        });
        outcomes.set(s.id, {
          caseId: s.id,
          status: "issued",
          result: { number, kind: layout.kind, cancelled: valid ?? null, findings: [...findings, ...r.because] },
          print: r.value.print,
        });
      }
      for (const c of counters.values())
        if (c.taken > c.last && !(await store.takeSerial(tx, actor.institutionId, c.letter, year, c.taken)))
          throw new ProblemError(409, "Conflict", [], `the ${c.letter} counter of ${year} moved; numbers are never reused — try again`);
      await store.appendEventGroups(tx, actor.institutionId, groups, actor.userId);
      await auditMany(tx2(tx), actor, audits);
    });
  return ids.map((id) => outcomes.get(id)!);
}

/**
 * Issues the case's document at `on` (default today): refused with 422 and the findings when any finding is an error
 * (nothing stored). A case that already has a valid document gets a new one (a change, §2.8): the old is cancelled.
 */
export async function issueCase(
  db: Db,
  actor: Actor,
  id: string,
  o: { on?: string; cancelReason?: issuance.CancelReason; comment?: string } = {},
): Promise<IssueResult> {
  requireRole(actor, WRITE_ROLES);
  const [r] = await issueCases(db, actor, await institutionOf(db, actor), [id], o);
  if (!r || r.status === "missing") throw notFound();
  if (r.status === "refused") throw refuse(r.findings, r.message);
  return r.result;
}

/** Cancels a valid document without a replacement (NVB reason KLA/FEI/ANN). */
export async function cancelDocument(db: Db, actor: Actor, number: string, o: { reason: issuance.CancelReason; comment?: string; on?: string }): Promise<{ number: string; status: "cancelled" }> {
  requireRole(actor, WRITE_ROLES);
  return k(db)
    .transaction()
    .execute(async (tx) => {
      const lastSeq = await store.lockLog(tx, actor.institutionId);
      const log = await store.loadLog(tx, actor.institutionId);
      if (!issuance.documents(log).has(number)) throw notFound("document");
      const on = dateOr(o.on);
      const r = issuance.cancel(log, number, { on, by: actor.label, reason: o.reason, ...(o.comment ? { comment: o.comment } : {}) });
      if (r.value === null) throw refuse(r.because, "the document was not cancelled");
      await persist(tx, actor, [r.value], lastSeq, { caseId: null, caseVersion: null });
      await audit(tx2(tx), actor, { action: "vitnemal.document.cancel", entity: "vitnemal_document", entityId: number, detail: { reason: o.reason, comment: o.comment ?? null } });
      return { number, status: "cancelled" as const };
    });
}

/** §2.11 duplicate: ways 1/2 keep the number, way 3 gets a new one (a førstegangsvitnemål's original is cancelled). */
export async function duplicateDocument(
  db: Db,
  actor: Actor,
  number: string,
  o: { way: 1 | 2 | 3; signatory: string; place?: string; on?: string },
): Promise<IssueResult> {
  requireRole(actor, WRITE_ROLES);
  return k(db)
    .transaction()
    .execute(async (tx) => {
      const lastSeq = await store.lockLog(tx, actor.institutionId);
      const log = await store.loadLog(tx, actor.institutionId);
      const orig = issuance.documents(log).get(number);
      if (!orig) throw notFound("document");
      const on = dateOr(o.on);
      const r = issuance.duplicate(log, { way: o.way, number, on, place: o.place ?? orig.issued.document.issuer.place, signatory: o.signatory, by: actor.label });
      if (r.value === null) throw refuse(r.because, "no duplicate was made");
      const caseRow = (await store.listDocuments(tx, actor.institutionId)).find((d) => d.number === number);
      await persist(tx, actor, r.value.events, lastSeq, { caseId: caseRow?.caseId ?? null, caseVersion: caseRow?.caseVersion ?? null });
      const cancelled = r.value.events.find((e) => e.type === "cancelled");
      await audit(tx2(tx), actor, {
        action: "vitnemal.document.duplicate",
        entity: "vitnemal_document",
        entityId: number,
        detail: { way: o.way, number: r.value.print.documentNumber, ...(cancelled ? { cancelled: cancelled.number } : {}) },
      });
      return { number: r.value.print.documentNumber, kind: r.value.print.kind, cancelled: cancelled?.number ?? null, findings: r.because };
    });
}

/**
 * §2.12: after a change of legal gender a new document (not a duplicate) with the new fødselsnummer and a new number;
 * the content is otherwise the original's, the original is cancelled (issuance.ts `reissueAfterGenderChange`).
 */
export async function reissueDocument(db: Db, actor: Actor, number: string, o: { newFodselsnummer: string; on?: string }): Promise<IssueResult> {
  requireRole(actor, WRITE_ROLES);
  return k(db)
    .transaction()
    .execute(async (tx) => {
      const lastSeq = await store.lockLog(tx, actor.institutionId);
      const log = await store.loadLog(tx, actor.institutionId);
      if (!issuance.documents(log).has(number)) throw notFound("document");
      const on = dateOr(o.on);
      const r = issuance.reissueAfterGenderChange(log, number, { newFodselsnummer: o.newFodselsnummer, on, by: actor.label });
      if (r.value === null) throw refuse(r.because, "no new document was issued");
      const caseRow = (await store.listDocuments(tx, actor.institutionId)).find((d) => d.number === number);
      await persist(tx, actor, r.value.events, lastSeq, { caseId: caseRow?.caseId ?? null, caseVersion: caseRow?.caseVersion ?? null });
      const newNumber = r.value.print.documentNumber;
      await audit(tx2(tx), actor, {
        action: "vitnemal.document.reissue",
        entity: "vitnemal_document",
        entityId: newNumber,
        detail: { replaces: number, fnr: maskFodselsnummer(o.newFodselsnummer), section: "2.12" },
      });
      return { number: newNumber, kind: r.value.print.kind, cancelled: number, findings: r.because };
    });
}

/** The institution's documents (status derived from the log), newest first; the fødselsnummer masked (a list). */
export async function listDocuments(db: Db, actor: Actor): Promise<store.DocumentRow[]> {
  return (await store.listDocuments(k(db), actor.institutionId)).map((d) => ({ ...d, fnr: maskFodselsnummer(d.fnr) }));
}

/** The PDF of a document as it prints today (a duplicate's marking when it has been duplicated). Audited. */
/**
 * The document's PDF. `lang` picks the labels (§2.1: the form exists «på bokmål, nynorsk, samiske språk og engelsk»):
 * bokmål unless asked; the content (subjects, grades, merknader, number) is the issued document's, unchanged.
 */
export async function downloadPdf(db: Db, actor: Actor, number: string, o: { lang?: LayoutLang } = {}): Promise<{ pdf: Buffer; fileName: string }> {
  // only this number's events (an indexed lookup): a batch of downloads reads each document once, not the whole log
  const log = await store.loadDocumentLog(k(db), actor.institutionId, number);
  const doc = issuance.printable(log, number);
  if (!doc) throw notFound("document");
  const pdf = await renderVitnemalPdf(arrangeDocument(o.lang ? { ...doc, lang: o.lang } : doc).value);
  await audit(db.kysely, actor, { action: "vitnemal.document.download", entity: "vitnemal_document", entityId: number, detail: { kind: doc.kind, lang: o.lang ?? doc.lang ?? "nb" } });
  return { pdf, fileName: `${doc.kind}-${number}.pdf` };
}

/**
 * The NVB file (nvb.ts) for the documents issued and cancelled in a school year ("2024/25": 1 August – 31 July).
 * Refused with 422 and the findings when NVB would reject anything. Audited.
 */
export async function exportNvb(db: Db, actor: Actor, o: { schoolYear: string; schoolNumber?: string }): Promise<{ file: string; fileName: string; documents: number; cancellations: number; findings: Finding[] }> {
  requireRole(actor, WRITE_ROLES);
  const sy = parseSchoolYear(o.schoolYear);
  if (!sy) throw refuse([inputFinding("school-year", "schoolYear", o.schoolYear, `schoolYear = "${o.schoolYear}": write it 2024/25.`, `schoolYear = "${o.schoolYear}": skriv det 2024/25.`)], "not a school year");
  const from = schoolYearStart(sy);
  const to = schoolYearEnd(sy);
  const log = await store.loadLog(k(db), actor.institutionId);
  const inYear = log.filter((e) => e.on >= from && e.on <= to);
  const batch = nvbBatchFromLog(inYear);
  const inst = await institutionOf(db, actor);
  const r = nvbFile({
    ...batch,
    system: { name: "bevis", version: "0.1.0" },
    createdAt: osloStamp(),
    // the given VIGO school number stands for every orgnr of the batch (one institution = one school)
    ...(o.schoolNumber
      ? { schoolNumbers: Object.fromEntries([inst.code, ...batch.documents.map((d) => d.issuer.orgnr), ...batch.cancellations.map((c) => c.number.slice(1, 10))].map((x) => [x, o.schoolNumber!])) }
      : {}),
  });
  if (r.value === null) throw refuse(r.because, "the NVB file was not made");
  await audit(db.kysely, actor, {
    action: "vitnemal.nvb.export",
    entity: "vitnemal_nvb",
    entityId: formatSchoolYear(sy),
    detail: { documents: batch.documents.length, cancellations: batch.cancellations.length },
  });
  return { file: r.value, fileName: `nvb-${inst.code}-${formatSchoolYear(sy).replace("/", "-")}.txt`, documents: batch.documents.length, cancellations: batch.cancellations.length, findings: r.because };
}

/** Documents issued in one transaction by issueAll (a failed transaction issues none of its chunk). */
const ISSUE_CHUNK = 100;

/** One document's PDF written by a batch (`issueAll` with `pdf`). */
export interface BatchPdf {
  caseId: string;
  number: string;
  kind: IssuedDocumentKind;
  fileName: string;
  pdf: Buffer;
}

/**
 * Issues every case without a valid document whose last subject year is `year`, in name order, up to 100 documents to a
 * transaction (issueCases: the log locked once, one read of the people's events, one write of the events and of the
 * audit rows). Cases with error findings are skipped and reported with their findings.
 *
 * With `pdf`, each document is rendered as soon as its transaction has committed (from the document just issued, not
 * read back from the log) and handed to `pdf`, which writes it out (a file, a zip entry, a response stream); the batch
 * keeps no PDF and no case input, so its memory does not grow with the number of documents. The batch's PDFs are
 * audited once at the end (`vitnemal.batch.pdf`, with the count); each document's issue is audited on its own.
 */
export async function issueAll(
  db: Db,
  actor: Actor,
  o: {
    year: number;
    on?: string;
    onProgress?: (done: number, total: number) => void;
    pdf?: (d: BatchPdf) => void | Promise<void>;
  },
): Promise<{ issued: { caseId: string; number: string }[]; refused: { caseId: string; name: string; findings: Finding[] }[]; skipped: number }> {
  requireRole(actor, WRITE_ROLES);
  const todo = await store.listBatchCases(k(db), actor.institutionId, o.year);
  const inst = await institutionOf(db, actor);
  const issued: { caseId: string; number: string }[] = [];
  const refused: { caseId: string; name: string; findings: Finding[] }[] = [];
  let done = 0;
  let pdfs = 0;
  try {
    for (let at = 0; at < todo.rows.length; at += ISSUE_CHUNK) {
      const chunk = todo.rows.slice(at, at + ISSUE_CHUNK);
      const outcomes = await issueCases(db, actor, inst, chunk.map((c) => c.id), o.on !== undefined ? { on: o.on } : {});
      for (const [i, r] of outcomes.entries()) {
        const c = chunk[i]!;
        if (r.status === "issued") {
          issued.push({ caseId: c.id, number: r.result.number });
          if (o.pdf) {
            const pdf = await renderVitnemalPdf(arrangeDocument(r.print).value);
            await o.pdf({ caseId: c.id, number: r.result.number, kind: r.print.kind, fileName: `${r.print.kind}-${r.result.number}.pdf`, pdf });
            pdfs++;
          }
        } else refused.push({ caseId: c.id, name: c.name, findings: r.status === "refused" ? r.findings : [] });
        o.onProgress?.(++done, todo.rows.length);
      }
    }
  } finally {
    if (pdfs > 0)
      await audit(db.kysely, actor, { action: "vitnemal.batch.pdf", entity: "vitnemal_batch", entityId: String(o.year), detail: { documents: pdfs, year: o.year } });
  }
  return { issued, refused, skipped: todo.total - todo.rows.length };
}
