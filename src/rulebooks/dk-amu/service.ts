/**
 * AMU use cases, shared by HTTP and CLI. Each takes `(db, actor, input)`; every query is scoped by
 * `actor.institutionId` (never an institution id from the request). Rules come from rules.ts/report.ts (pure);
 * SQL from store.ts. Every change and every export is audited in the same transaction.
 *
 * Business findings never block saving (users register and see what the guide says). Malformed input does:
 * a bad CPR, an impossible date, an unknown fagkode or a category out of range is refused with 422 and the findings.
 * A report is refused (422) while a participation in scope has an error finding.
 */
import type { Transaction } from "kysely";
import { audit } from "../../platform/audit/audit.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import type { Db } from "../../platform/db/connect.ts";
import { ProblemError, requireRole, WRITE_ROLES, type Actor } from "../../platform/http/context.ts";
import { cite, decision, finding, type Decision, type Finding } from "../../kernel/law.ts";
import { maskCpr, parseCpr } from "../../kernel/ids/cpr.ts";
import { parseIsoDate } from "../../kernel/time/date.ts";
import { formatQuarter, parseQuarter, quarterEnd, quarterStart, type Quarter } from "../../kernel/time/quarter.ts";
import { goalByFagkode } from "./catalogue.ts";
import type {
  AmuGoal,
  EmergencyTeaching,
  Participation,
  ParticipationStatus,
  ResultatIkkeProevebelagt,
  ResultatProevebelagt,
  ResultGroup,
} from "./model.ts";
import { diffReports, reportWindow, selectForReport, type ReportRow, type RowDiff } from "./report.ts";
import { checkParticipation, resultGroup } from "./rules.ts";
import * as store from "./store.ts";

// ------------------------------------------------------------------------------------------------------------ types

/** docs/api.md ParticipationInput (plus the optional written/oral and certificate-obtained facts the rules read). */
export interface ParticipationInput {
  cpr: string;
  fagkode: string;
  startDate: string;
  endDate: string | null;
  status: ParticipationStatus;
  outsourcedTo: string | null;
  euEfteruddannelse: boolean;
  industryCertificate: boolean;
  emergencyTeaching: EmergencyTeaching;
  forloebId: string | null;
  subCourses: { startDate: string; endDate: string | null }[];
  resultatProevebelagt: number | null;
  resultatIkkeProevebelagt: number | null;
  ejRelevant: boolean;
  ikvCompetenceFagkoder: string[];
  writtenTaken?: boolean | null | undefined;
  oralTaken?: boolean | null | undefined;
  industryCertificateObtained?: boolean | null | undefined;
}

/** The fields of a ParticipationInput, in the order of docs/api.md (also the CSV import's base columns). */
export const PARTICIPATION_INPUT_FIELDS = [
  "cpr",
  "fagkode",
  "startDate",
  "endDate",
  "status",
  "outsourcedTo",
  "euEfteruddannelse",
  "industryCertificate",
  "emergencyTeaching",
  "forloebId",
  "subCourses",
  "resultatProevebelagt",
  "resultatIkkeProevebelagt",
  "ejRelevant",
  "ikvCompetenceFagkoder",
  "writtenTaken",
  "oralTaken",
  "industryCertificateObtained",
] as const satisfies readonly (keyof ParticipationInput & keyof Participation)[];

export interface RetakeInput {
  version: number;
  date: string;
  resultatProevebelagt?: number | null | undefined;
  resultatIkkeProevebelagt?: number | null | undefined;
  writtenTaken?: boolean | null | undefined;
  oralTaken?: boolean | null | undefined;
}

export interface ParticipationRow {
  id: string;
  cprMasked: string;
  fagkode: string;
  goalTitle: string | null;
  startDate: string;
  endDate: string | null;
  status: ParticipationStatus;
  group: ResultGroup | null;
  resultatProevebelagt: number | null;
  resultatIkkeProevebelagt: number | null;
  ejRelevant: boolean;
  errors: number;
  warnings: number;
  version: number;
}

export interface ParticipationDetail {
  participation: Participation & { cprMasked: string; goalTitle: string | null };
  group: Decision<ResultGroup | null>;
  findings: Finding[];
  history: { version: number; recordedAt: string; recordedBy: string; reason: string | null }[];
}

export interface ReportSummary {
  id: string;
  number: number;
  quarter: string;
  createdAt: string;
  createdBy: string;
  rows: number;
  counts: { new: number; changed: number; unchanged: number; removed: number };
}

export interface ReportDiffEntry {
  id: string;
  change: RowDiff["change"];
  fields?: string[];
  leftWindow?: true;
}

export interface ReportDetail extends Omit<ReportSummary, "rows"> {
  rows: ReportRow[];
  rowCount: number;
  window: { from: string; to: string; quarters: string[] };
  diff: ReportDiffEntry[];
  excluded: { id: string; reason: Finding }[];
}

export type ReportPreview = Omit<ReportDetail, "id" | "number" | "createdAt" | "createdBy"> & { createdAt: string; createdBy: string };

// -------------------------------------------------------------------------------------------------------- helpers

const k = (db: Db) => store.amuKysely(db);
const by = (a: Actor): store.Recorder => ({ label: a.label, userId: a.userId });
export const canSeeCpr = (a: Actor): boolean => a.roles.some((r) => r === "admin" || WRITE_ROLES.includes(r));

function inputFinding(rule: string, subject: string, value: Finding["value"], en: string, da: string, ref = "docs/api.md"): Finding {
  return finding(rule, "error", ref.startsWith("docs") ? { seed: "reference", ref } : cite("000", ref), { en, da }, { subject, value });
}

function checkDate(s: string | null | undefined, subject: string, required: boolean, out: Finding[]): string | null {
  if (s === null || s === undefined || s === "") {
    if (required)
      out.push(inputFinding("amu.input.date-missing", subject, null, `${subject}: a date is required (YYYY-MM-DD).`, `${subject}: dato mangler (ÅÅÅÅ-MM-DD).`));
    return null;
  }
  const d = parseIsoDate(s);
  if (d === undefined)
    out.push(
      inputFinding(
        "amu.input.date",
        subject,
        s,
        `${subject} = "${s}": not a date (a real calendar date written YYYY-MM-DD).`,
        `${subject} = "${s}": ikke en dato (en gyldig kalenderdato skrevet ÅÅÅÅ-MM-DD).`,
      ),
    );
  return d ?? null;
}

function checkCategory(v: number | null | undefined, subject: string, max: number, ref: string, out: Finding[]): void {
  if (v === null || v === undefined) return;
  if (!Number.isInteger(v) || v < 1 || v > max)
    out.push(
      inputFinding(
        "amu.input.category-range",
        subject,
        v,
        `${subject} = ${v}: not a category; the categories are 1–${max}.`,
        `${subject} = ${v}: ikke en kategori; kategorierne er 1–${max}.`,
        ref,
      ),
    );
}

/**
 * Validates the shape-level facts that make an input unusable (422): CPR, dates, fagkode in the catalogue, category
 * ranges. Returns the normalised data or the findings (CPR values masked).
 */
export function validateInput(
  input: ParticipationInput,
  goals: readonly AmuGoal[],
  prefix = "",
): { ok: true; cpr: string } | { ok: false; findings: Finding[] } {
  const out: Finding[] = [];
  const cpr = parseCpr(input.cpr ?? "", `${prefix}cpr`);
  out.push(...cpr.because.filter((f) => f.severity === "error"));
  checkDate(input.startDate, `${prefix}startDate`, true, out);
  checkDate(input.endDate, `${prefix}endDate`, false, out);
  input.subCourses.forEach((sc, i) => {
    checkDate(sc.startDate, `${prefix}subCourses.${i}.startDate`, true, out);
    checkDate(sc.endDate, `${prefix}subCourses.${i}.endDate`, false, out);
  });
  if (!goalByFagkode(goals, input.fagkode))
    out.push(
      inputFinding(
        "amu.input.fagkode-unknown",
        `${prefix}fagkode`,
        input.fagkode,
        `fagkode = "${input.fagkode}": not an AMU goal in the catalogue.`,
        `fagkode = "${input.fagkode}": ikke et AMU-mål i kataloget.`,
        "3",
      ),
    );
  checkCategory(input.resultatProevebelagt, `${prefix}resultatProevebelagt`, 6, "Bilag 1", out);
  checkCategory(input.resultatIkkeProevebelagt, `${prefix}resultatIkkeProevebelagt`, 4, "Bilag 2", out);
  if (out.length > 0 || cpr.value === null) return { ok: false, findings: out };
  return { ok: true, cpr: cpr.value };
}

function toParticipation(id: string, providerId: string, cpr: string, input: ParticipationInput, version: number, retakes: Participation["retakes"]): Participation {
  const p: Participation = {
    id,
    providerId,
    outsourcedTo: input.outsourcedTo ?? null,
    cpr,
    fagkode: input.fagkode,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    status: input.status,
    euEfteruddannelse: input.euEfteruddannelse,
    industryCertificate: input.industryCertificate,
    emergencyTeaching: input.emergencyTeaching,
    forloebId: input.forloebId ?? null,
    subCourses: input.subCourses.map((s) => ({ startDate: s.startDate, endDate: s.endDate ?? null })),
    resultatProevebelagt: (input.resultatProevebelagt ?? null) as ResultatProevebelagt | null,
    resultatIkkeProevebelagt: (input.resultatIkkeProevebelagt ?? null) as ResultatIkkeProevebelagt | null,
    ejRelevant: input.ejRelevant,
    retakes,
    ikvCompetenceFagkoder: input.ikvCompetenceFagkoder,
    version,
  };
  if (input.writtenTaken !== null && input.writtenTaken !== undefined) p.writtenTaken = input.writtenTaken;
  if (input.oralTaken !== null && input.oralTaken !== undefined) p.oralTaken = input.oralTaken;
  if (input.industryCertificateObtained !== null && input.industryCertificateObtained !== undefined)
    p.industryCertificateObtained = input.industryCertificateObtained;
  return p;
}

/** What the rules say about a participation: the group decision and every finding. */
export function evaluate(p: Participation, goals: readonly AmuGoal[]): { group: Decision<ResultGroup | null>; findings: Finding[]; errors: number; warnings: number } {
  const goal = goalByFagkode(goals, p.fagkode);
  const group = resultGroup(p, goal);
  const findings = checkParticipation(p, goal);
  return {
    group,
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

export function versionData(p: Participation, ev: { group: Decision<ResultGroup | null>; errors: number; warnings: number }): store.VersionData {
  return {
    cpr: p.cpr,
    fagkode: p.fagkode,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    outsourcedTo: p.outsourcedTo,
    euEfteruddannelse: p.euEfteruddannelse,
    industryCertificate: p.industryCertificate,
    emergencyTeaching: p.emergencyTeaching,
    forloebId: p.forloebId,
    subCourses: p.subCourses,
    resultatProevebelagt: p.resultatProevebelagt,
    resultatIkkeProevebelagt: p.resultatIkkeProevebelagt,
    ejRelevant: p.ejRelevant,
    ikvCompetenceFagkoder: p.ikvCompetenceFagkoder,
    writtenTaken: p.writtenTaken,
    oralTaken: p.oralTaken,
    industryCertificateObtained: p.industryCertificateObtained,
    resultGroup: ev.group.value,
    errors: ev.errors,
    warnings: ev.warnings,
  };
}

const notFound = () => new ProblemError(404, "Not Found", [], "no such AMU participation in this institution");
const stale = (current: number, sent: number) =>
  new ProblemError(
    409,
    "Conflict",
    [
      finding(
        "amu.version.stale",
        "error",
        { seed: "reference", ref: "docs/api.md" },
        {
          en: `The participation was changed by someone else (you sent version ${sent}, the current one is ${current}). Reload and try again.`,
          da: `Kursusdeltagelsen er ændret af en anden (du sendte version ${sent}, den aktuelle er ${current}). Hent den igen og prøv igen.`,
        },
        { subject: "version", value: sent },
      ),
    ],
    `version ${sent} is stale; the current version is ${current}`,
  );

const refuse = (findings: Finding[], what: string) =>
  new ProblemError(422, "Unprocessable Content", findings, `${what}: ${findings.length} field(s) are not valid`);

/** Which fields differ between two participations (for the audit log; CPR only as "cpr"). */
function changedFields(a: Participation, b: Participation): string[] {
  const keys: readonly (keyof Participation)[] = PARTICIPATION_INPUT_FIELDS;
  return keys.filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null));
}

// -------------------------------------------------------------------------------------------------------- use cases

export async function listGoals(db: Db, actor: Actor): Promise<AmuGoal[]> {
  return store.listGoals(k(db), actor.institutionId);
}

async function detailOf(db: Db, actor: Actor, id: string, goals?: readonly AmuGoal[]): Promise<ParticipationDetail> {
  const kk = k(db);
  const s = await store.getParticipation(kk, actor.institutionId, id);
  if (!s) throw notFound();
  const cat = goals ?? (await store.listGoals(kk, actor.institutionId));
  const ev = evaluate(s.participation, cat);
  const history = (await store.getHistory(kk, actor.institutionId, id)).map((h) => ({
    version: h.version,
    recordedAt: h.recordedAt,
    recordedBy: h.recordedBy,
    reason: h.reason,
  }));
  const full = canSeeCpr(actor);
  const cprMasked = maskCpr(s.participation.cpr);
  return {
    participation: {
      ...s.participation,
      cpr: full ? s.participation.cpr : cprMasked,
      cprMasked,
      goalTitle: goalByFagkode(cat, s.participation.fagkode)?.title ?? null,
    },
    group: ev.group,
    findings: ev.findings,
    history,
  };
}

export async function getParticipation(db: Db, actor: Actor, id: string): Promise<ParticipationDetail> {
  return detailOf(db, actor, id);
}

/** Registers a participation. Malformed input → 422; business findings are returned with the saved participation. */
export async function createParticipation(db: Db, actor: Actor, input: ParticipationInput): Promise<ParticipationDetail> {
  requireRole(actor, WRITE_ROLES);
  const goals = await store.listGoals(k(db), actor.institutionId);
  const v = validateInput(input, goals);
  if (!v.ok) throw refuse(v.findings, "the participation was not saved");
  const p = toParticipation("", actor.institutionId, v.cpr, input, 1, []);
  const ev = evaluate(p, goals);
  const id = await k(db)
    .transaction()
    .execute(async (tx) => {
      const newId = await store.insertParticipation(tx, actor.institutionId, versionData(p, ev), by(actor), "registered");
      await audit(tx as unknown as Transaction<PlatformTables>, actor, {
        action: "amu.participation.create",
        entity: "amu_participation",
        entityId: newId,
        detail: { cpr: maskCpr(v.cpr), fagkode: p.fagkode, version: 1, errors: ev.errors, warnings: ev.warnings },
      });
      return newId;
    });
  return detailOf(db, actor, id, goals);
}

/** Corrects a participation: a new version supersedes the current one. Stale version → 409. */
export async function correctParticipation(
  db: Db,
  actor: Actor,
  id: string,
  input: ParticipationInput & { version: number; reason: string },
): Promise<ParticipationDetail> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  const goals = await store.listGoals(kk, actor.institutionId);
  const existing = await store.getParticipation(kk, actor.institutionId, id);
  if (!existing) throw notFound();
  const v = validateInput(input, goals);
  const reason = (input.reason ?? "").trim();
  const findings = v.ok ? [] : [...v.findings];
  if (reason === "")
    findings.push(
      inputFinding("amu.input.reason-missing", "reason", null, "A correction needs a reason (why is it changed?).", "En rettelse kræver en begrundelse (hvorfor rettes den?)."),
    );
  if (findings.length > 0 || !v.ok) throw refuse(findings, "the correction was not saved");
  await kk.transaction().execute(async (tx) => {
    const claim = await store.claimNextVersion(tx, actor.institutionId, id, input.version);
    if (!claim.ok) throw claim.why === "missing" ? notFound() : stale(claim.current, input.version);
    const cur = await store.getParticipation(tx, actor.institutionId, id);
    const p = toParticipation(id, actor.institutionId, v.cpr, input, claim.version, cur?.participation.retakes ?? []);
    const ev = evaluate(p, goals);
    await store.insertNextVersion(tx, actor.institutionId, id, claim.version, versionData(p, ev), by(actor), reason);
    await audit(tx as unknown as Transaction<PlatformTables>, actor, {
      action: "amu.participation.correct",
      entity: "amu_participation",
      entityId: id,
      detail: {
        cpr: maskCpr(v.cpr),
        version: claim.version,
        reason,
        changed: cur ? changedFields(cur.participation, p) : [],
        errors: ev.errors,
        warnings: ev.warnings,
      },
    });
  });
  return detailOf(db, actor, id, goals);
}

/** Adds a retake (omprøve, §5) as its own row; the ordinary result stays. Records a new version. Stale → 409. */
export async function addRetake(db: Db, actor: Actor, id: string, input: RetakeInput): Promise<ParticipationDetail> {
  requireRole(actor, WRITE_ROLES);
  const kk = k(db);
  const goals = await store.listGoals(kk, actor.institutionId);
  const existing = await store.getParticipation(kk, actor.institutionId, id);
  if (!existing) throw notFound();
  const out: Finding[] = [];
  checkDate(input.date, "date", true, out);
  checkCategory(input.resultatProevebelagt, "resultatProevebelagt", 6, "Bilag 1", out);
  checkCategory(input.resultatIkkeProevebelagt, "resultatIkkeProevebelagt", 4, "Bilag 2", out);
  if (out.length > 0) throw refuse(out, "the retake was not saved");
  await kk.transaction().execute(async (tx) => {
    const claim = await store.claimNextVersion(tx, actor.institutionId, id, input.version);
    if (!claim.ok) throw claim.why === "missing" ? notFound() : stale(claim.current, input.version);
    const seq = await store.insertRetake(
      tx,
      actor.institutionId,
      id,
      claim.version,
      {
        date: input.date,
        resultatProevebelagt: input.resultatProevebelagt ?? null,
        resultatIkkeProevebelagt: input.resultatIkkeProevebelagt ?? null,
        writtenTaken: input.writtenTaken ?? null,
        oralTaken: input.oralTaken ?? null,
      },
      by(actor),
    );
    const cur = await store.getParticipation(tx, actor.institutionId, id);
    if (!cur) throw notFound();
    const p = { ...cur.participation, version: claim.version };
    const ev = evaluate(p, goals);
    await store.insertNextVersion(tx, actor.institutionId, id, claim.version, versionData(p, ev), by(actor), `retake ${seq} (omprøve) on ${input.date}`);
    await audit(tx as unknown as Transaction<PlatformTables>, actor, {
      action: "amu.participation.retake",
      entity: "amu_participation",
      entityId: id,
      detail: { cpr: maskCpr(p.cpr), version: claim.version, seq, date: input.date },
    });
  });
  return detailOf(db, actor, id, goals);
}

/** What the rules say about an input, without saving. Malformed input comes back as findings (group null). */
export async function checkInput(db: Db, actor: Actor, input: ParticipationInput): Promise<{ group: Decision<ResultGroup | null>; findings: Finding[] }> {
  const goals = await store.listGoals(k(db), actor.institutionId);
  const v = validateInput(input, goals);
  if (!v.ok) return { group: decision<ResultGroup | null>(null, []), findings: v.findings };
  const ev = evaluate(toParticipation("", actor.institutionId, v.cpr, input, 1, []), goals);
  return { group: ev.group, findings: ev.findings };
}

export interface ListQuery {
  q?: string | undefined;
  fagkode?: string | undefined;
  quarter?: string | undefined;
  status?: ParticipationStatus | undefined;
  findings?: "error" | "warning" | "none" | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export function quarterOrRefuse(label: string, subject = "quarter"): Quarter {
  const q = parseQuarter(label);
  if (!q)
    throw new ProblemError(
      422,
      "Unprocessable Content",
      [inputFinding("amu.input.quarter", subject, label, `${subject} = "${label}": not a quarter (write e.g. 2024Q3).`, `${subject} = "${label}": ikke et kvartal (skriv fx 2024Q3).`)],
      "not a quarter",
    );
  return q;
}

export async function listParticipations(db: Db, actor: Actor, query: ListQuery): Promise<{ items: ParticipationRow[]; total: number }> {
  const kk = k(db);
  const goals = await store.listGoals(kk, actor.institutionId);
  const q = query.quarter ? quarterOrRefuse(query.quarter) : undefined;
  const { rows, total } = await store.listParticipations(kk, actor.institutionId, {
    q: query.q,
    fagkode: query.fagkode,
    status: query.status,
    findings: query.findings,
    endFrom: q ? quarterStart(q) : undefined,
    endTo: q ? quarterEnd(q) : undefined,
    limit: Math.min(Math.max(query.limit ?? 50, 1), 500),
    offset: Math.max(query.offset ?? 0, 0),
  });
  const titles = new Map(goals.map((g) => [g.fagkode, g.title]));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      cprMasked: maskCpr(r.cpr),
      fagkode: r.fagkode,
      goalTitle: titles.get(r.fagkode) ?? null,
      startDate: r.startDate,
      endDate: r.endDate,
      status: r.status,
      group: r.resultGroup,
      resultatProevebelagt: r.resultatProevebelagt,
      resultatIkkeProevebelagt: r.resultatIkkeProevebelagt,
      ejRelevant: r.ejRelevant,
      errors: r.errors,
      warnings: r.warnings,
      version: r.version,
    })),
  };
}

/** Every current finding of the institution (recomputed from the rules), optionally for one quarter (by end date). */
export async function allFindings(
  db: Db,
  actor: Actor,
  opts: { quarter?: string | undefined; severity?: "error" | "warning" | "info" | undefined } = {},
): Promise<{ id: string; cprMasked: string; fagkode: string; endDate: string | null; findings: Finding[] }[]> {
  const kk = k(db);
  const goals = await store.listGoals(kk, actor.institutionId);
  const q = opts.quarter ? quarterOrRefuse(opts.quarter) : undefined;
  const from = q ? quarterStart(q) : undefined;
  const to = q ? quarterEnd(q) : undefined;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const min = rank[opts.severity ?? "warning"];
  const out: { id: string; cprMasked: string; fagkode: string; endDate: string | null; findings: Finding[] }[] = [];
  for await (const page of store.allCurrent(kk, actor.institutionId)) {
    for (const p of page) {
      if (from && (p.endDate === null || p.endDate < from || p.endDate > (to ?? ""))) continue;
      const fs = evaluate(p, goals).findings.filter((f) => rank[f.severity] <= min);
      if (fs.length > 0) out.push({ id: p.id, cprMasked: maskCpr(p.cpr), fagkode: p.fagkode, endDate: p.endDate, findings: fs });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------------ reports

async function institutionCode(db: Db, institutionId: string): Promise<string> {
  const r = await db.kysely.selectFrom("institution").select("code").where("id", "=", institutionId).executeTakeFirst();
  return r?.code ?? institutionId;
}

interface Built {
  quarter: Quarter;
  window: { from: string; to: string; quarters: string[] };
  rows: ReportRow[];
  excluded: { id: string; reason: Finding }[];
  blocking: { id: string; findings: Finding[] }[];
}

async function build(db: Db, actor: Actor, quarterLabel: string): Promise<Built> {
  const quarter = quarterOrRefuse(quarterLabel);
  const kk = k(db);
  const w = reportWindow(quarter);
  const goals = await store.listGoals(kk, actor.institutionId);
  const code = await institutionCode(db, actor.institutionId);
  const rows: ReportRow[] = [];
  const excluded: Built["excluded"] = [];
  const blocking: Built["blocking"] = [];
  // Page by page (ordered by participation id, as selectForReport orders its rows), so only one page of
  // participations is held at a time; the selection of each participation does not depend on the others.
  for await (const page of store.loadForReport(kk, actor.institutionId, w.from, w.to)) {
    const sel = selectForReport(page, actor.institutionId, quarter, goals);
    for (const r of sel.rows) {
      // GodkendtSkole is the approved provider's institution number, not bevis' internal id.
      r.GodkendtSkole = code;
      rows.push(r);
    }
    for (const x of sel.excluded) excluded.push(x);
    for (const x of sel.blocking) blocking.push(x);
  }
  return { quarter, window: { from: w.from, to: w.to, quarters: w.quarters.map(formatQuarter) }, rows, excluded, blocking };
}

function countsOf(diff: readonly RowDiff[]): ReportSummary["counts"] {
  const c = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  for (const d of diff) c[d.change]++;
  return c;
}

const diffEntries = (diff: readonly RowDiff[]): ReportDiffEntry[] =>
  diff.map((d) => {
    const e: ReportDiffEntry = { id: d.key, change: d.change };
    if (d.fields) e.fields = d.fields;
    if (d.leftWindow) e.leftWindow = true;
    return e;
  });

function blockingProblem(b: Built["blocking"]): ProblemError {
  const findings = b.flatMap(({ id, findings }) =>
    findings.map((f) => ({ ...f, subject: `participation ${id}${f.subject ? `: ${f.subject}` : ""}`, participationId: id })),
  );
  return new ProblemError(
    422,
    "Unprocessable Content",
    findings,
    `${b.length} participation(s) in the report's scope have errors; correct them before the report is built`,
  );
}

/** The report as it would be now, not stored (the diff is against the latest stored report). */
export async function previewReport(db: Db, actor: Actor, quarterLabel: string): Promise<ReportPreview & { blocking: Built["blocking"] }> {
  const b = await build(db, actor, quarterLabel);
  const prev = await store.latestReport(k(db), actor.institutionId);
  const diff = diffReports(prev ? (prev.rows as ReportRow[]) : null, b.rows, { from: b.window.from });
  return {
    quarter: formatQuarter(b.quarter),
    createdAt: new Date().toISOString(),
    createdBy: actor.label,
    rowCount: b.rows.length,
    counts: countsOf(diff),
    window: b.window,
    rows: b.rows,
    diff: diffEntries(diff),
    excluded: b.excluded,
    blocking: b.blocking,
  };
}

/** Builds and stores report n+1 with its diff against report n. Refused (422) while a participation in scope has errors. */
export async function createReport(db: Db, actor: Actor, quarterLabel: string): Promise<ReportDetail> {
  requireRole(actor, WRITE_ROLES);
  const b = await build(db, actor, quarterLabel);
  if (b.blocking.length > 0) throw blockingProblem(b.blocking);
  const stored = await k(db)
    .transaction()
    .execute(async (tx) => {
      const number = await store.nextReportNumber(tx, actor.institutionId);
      const prev = await store.latestReport(tx, actor.institutionId);
      const diff = diffReports(prev ? (prev.rows as ReportRow[]) : null, b.rows, { from: b.window.from });
      const counts = countsOf(diff);
      const report = {
        number,
        quarter: formatQuarter(b.quarter),
        windowFrom: b.window.from,
        windowTo: b.window.to,
        windowQuarters: b.window.quarters,
        rowCount: b.rows.length,
        rows: b.rows,
        diff: diffEntries(diff),
        counts,
        excluded: b.excluded,
        previousId: prev?.id ?? null,
      };
      const newId = await store.insertReport(tx, actor.institutionId, report, by(actor));
      await audit(tx as unknown as Transaction<PlatformTables>, actor, {
        action: "amu.report.create",
        entity: "amu_report",
        entityId: newId,
        detail: { number, quarter: formatQuarter(b.quarter), rows: b.rows.length, counts, previous: prev?.number ?? null },
      });
      const { created_at } = await tx.selectFrom("amu_report").select("created_at").where("id", "=", newId).executeTakeFirstOrThrow();
      const s: store.StoredReport = { ...report, id: newId, createdAt: new Date(created_at).toISOString(), createdBy: actor.label };
      return s;
    });
  // What was just stored, without reading the rows back.
  return detailOfReport(stored, actor);
}

const summaryOf = (r: store.StoredReport): ReportSummary => ({
  id: r.id,
  number: r.number,
  quarter: r.quarter,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  rows: r.rowCount,
  counts: r.counts,
});

export async function listReports(db: Db, actor: Actor): Promise<ReportSummary[]> {
  return (await store.listReports(k(db), actor.institutionId)).map(summaryOf);
}

function detailOfReport(r: store.StoredReport, actor: Actor, fullCpr = false): ReportDetail {
  const full = fullCpr || canSeeCpr(actor);
  const rows = (r.rows as ReportRow[]).map((row) => (full ? row : { ...row, cpr: maskCpr(row.cpr) }));
  return {
    id: r.id,
    number: r.number,
    quarter: r.quarter,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    counts: r.counts,
    rowCount: r.rowCount,
    window: { from: r.windowFrom, to: r.windowTo, quarters: r.windowQuarters },
    rows,
    diff: r.diff as ReportDiffEntry[],
    excluded: r.excluded as ReportDetail["excluded"],
  };
}

const reportNotFound = () => new ProblemError(404, "Not Found", [], "no such AMU report in this institution");

export async function getReport(db: Db, actor: Actor, id: string): Promise<ReportDetail> {
  const r = await store.getReport(k(db), actor.institutionId, id);
  if (!r) throw reportNotFound();
  return detailOfReport(r, actor);
}

/** A report by its number or "latest" (for the CLI). */
export async function findReport(db: Db, actor: Actor, ref: string, opts: { fullCpr?: boolean } = {}): Promise<ReportDetail> {
  const kk = k(db);
  const r =
    ref === "latest"
      ? await store.latestReport(kk, actor.institutionId)
      : /^\d+$/.test(ref)
        ? await store.getReportByNumber(kk, actor.institutionId, Number(ref))
        : await store.getReport(kk, actor.institutionId, ref);
  if (!r) throw reportNotFound();
  return detailOfReport(r, actor, opts.fullCpr);
}

/**
 * A report for a download, audited as "amu.report.export" before the bytes leave. The report file carries CPR numbers,
 * so it needs a write role. The receipt may be fetched by every role: the renderer masks every CPR on it, and gets the
 * rows in full only to compute the digest of the file that was sent.
 */
export async function exportReport(db: Db, actor: Actor, ref: string, kind: "file" | "receipt", format: string): Promise<ReportDetail> {
  if (kind === "file") requireRole(actor, WRITE_ROLES, "downloading the report file needs a write role: the file carries CPR numbers");
  const detail = await findReport(db, actor, ref, { fullCpr: true });
  await audit(db.kysely, actor, {
    action: "amu.report.export",
    entity: "amu_report",
    entityId: detail.id,
    detail: { number: detail.number, quarter: detail.quarter, kind, format, rows: detail.rowCount },
  });
  return detail;
}
