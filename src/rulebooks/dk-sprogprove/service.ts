/**
 * Sprogprøve use cases, shared by HTTP and CLI. Each takes `(db, actor, …)`; every query is scoped by
 * `actor.institutionId` (never an institution id from the request). Rules come from the pure files (attempts.ts,
 * coverage.ts, promotion.ts, window.ts, transfer.ts, submission.ts); SQL from store.ts. Every change and every export
 * is audited in the same transaction.
 *
 * The decision date (`on`) is an input: the HTTP layer passes today's date in Copenhagen, the CLI likewise; tests may
 * pass another. Rules never read the clock.
 *
 * Business findings never block saving (users register and see what the guide says, the receipt lists the gaps).
 * Malformed input does: an unknown result value, attempt 5, a CPR in the exemption count, a bad CPR or class level is
 * refused with 422 and the findings, and nothing is saved. After the close (5 September) nothing can be changed (423).
 */
import type { Transaction } from "kysely";
import { audit } from "../../platform/audit/audit.ts";
import type { PlatformTables, Role } from "../../platform/db/schema.ts";
import type { Db } from "../../platform/db/connect.ts";
import { ProblemError, requireRole, WRITE_ROLES, type Actor } from "../../platform/http/context.ts";
import { decision, finding, hasErrors, type Decision, type Finding } from "../../kernel/law.ts";
import { maskCpr, parseCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import { parseIsoDate, type IsoDate } from "../../kernel/time/date.ts";
import { formatSchoolYear, parseSchoolYear, type SchoolYear } from "../../kernel/time/school-year.ts";
import { forcedLaterResults, sortedAttempts, sprogparatAttempt } from "./attempts.ts";
import { stageOf, type ClassLevel, type SprogproveResult } from "./codes.ts";
import { schoolCovered } from "./coverage.ts";
import { f001 } from "./findings.ts";
import type { Attempt, Delprove, DsaSupplerende, Exemption, Pupil, Report, School, Step } from "./model.ts";
import { parseAttemptNo, parseClassLevel, parseExemptedCount, parseResult } from "./parse.ts";
import { bhklPromotion, type Promotion } from "./promotion.ts";
import { checkPupil, checkReport, maySubmit, type Receipt } from "./submission.ts";
import { mergeTransfer, type TransferredPupil } from "./transfer.ts";
import { importedPupil, MAX_NAME, mergePupilList, parsePupilList } from "./pupil-list.ts";
import { closingDate, mayEdit, mustResubmit, type WindowEvent } from "./window.ts";
import { checkLeaving, isReported } from "./leaving.ts";
import * as store from "./store.ts";

// ------------------------------------------------------------------------------------------------------------ types

/** Options every use case that decides something takes: the decision date. */
export interface On {
  on: IsoDate;
}

export interface CoverageInput {
  pupilsTotal: number;
  pupilsInListedAreas: number;
  source?: string | null | undefined;
}

/** A reported school year and the school's own data for it (docs/api.md YearInput). */
export interface YearInput {
  /** "2022/23" or "2022/2023". */
  schoolYear: string;
  coverage?: CoverageInput | null | undefined;
  coveredOverride?: { covered: boolean; reason: string } | null | undefined;
  /** Step 3: a number. Anything else (a CPR, a list) is refused with a finding. */
  exemptedCount?: unknown;
}

/** A change of the year's data: fields left out keep their value. */
export interface YearCorrection {
  version: number;
  reason: string;
  coverage?: CoverageInput | null | undefined;
  coveredOverride?: { covered: boolean; reason: string } | null | undefined;
  exemptedCount?: unknown;
}

export interface AttemptInput {
  /** 1–4; anything else is refused with a finding. */
  no: unknown;
  /** "Sprogparat", "Ikke sprogparat", "Intet resultat" (or the codes); empty = not registered yet. */
  result: unknown;
  heldOn?: string | null | undefined;
  delprover?: { no: number; value: string | null }[] | undefined;
}

/** A pupil of the reported school year (docs/api.md PupilInput). */
export interface PupilInput {
  cpr: string;
  /** 0 = børnehaveklassen, 1–9; also "bh.kl.", "3. klasse". */
  classLevel: unknown;
  /** The school year the class level belongs to, when it is not the reported one (e.g. "2023/24"): refused by a finding. */
  classLevelSchoolYear?: string | null | undefined;
  toBeTested: boolean | null;
  dsa?: DsaSupplerende | null | undefined;
  exemption?: Exemption | null | undefined;
  attempts: AttemptInput[];
  sommerskole?: boolean | undefined;
  specialPermission?: boolean | undefined;
  previouslyPostponed?: boolean | undefined;
  rykkerOp: boolean | null;
  /** The pupil's name, for staff only (never reported). In a correction, left out = kept; null or "" = removed. */
  name?: string | null | undefined;
}

export type PupilCorrection = Omit<PupilInput, "cpr"> & { version: number; reason?: string | undefined };

/**
 * A departure (leaving.ts), or its undo: `left` null takes the departure back (a new version; `reason` required then).
 * The pupil's other fields are kept.
 */
export interface LeavingInput {
  version: number;
  left: { on: string; reason: string } | null;
  /** Why the departure is taken back (with `left: null`). */
  reason?: string | undefined;
}

export interface YearSummary {
  id: string;
  schoolYear: string;
  startYear: number;
  version: number;
  closes: string;
  open: boolean;
  pupils: number;
  submissions: number;
  lastSubmission: { number: number; complete: boolean; createdAt: string } | null;
}

export interface YearDetail extends YearSummary {
  school: { code: string; name: string; coverage: CoverageInput | null; coveredOverride: { covered: boolean; reason: string } | null };
  covered: Decision<boolean | null>;
  exemptedCount: number | null;
  mustResubmit: Decision<boolean>;
  window: Decision<boolean>;
  history: store.HistoryEntry[];
}

export interface PupilRow {
  id: string;
  cprMasked: string;
  name: string | null;
  classLevel: ClassLevel;
  toBeTested: boolean | null;
  results: (SprogproveResult | null)[];
  sprogparatIn: number | null;
  sommerskole: boolean;
  specialPermission: boolean;
  rykkerOp: boolean | null;
  errors: number;
  warnings: number;
  version: number;
  /** The pupil left the school during the year (leaving.ts): the last day and why; null = a pupil of the school. */
  left: { on: string; reason: string } | null;
  /** Whether the submission reports the pupil (selected; a leaver only with an attempt held here). */
  reported: boolean;
}

/** What one version of a pupil held (the CPR never changes and is left out). */
export type PupilVersionValues = Omit<Pupil, "id" | "cpr">;

/** One version of a pupil: who recorded it, when, why, which fields it changed and what it held. */
export interface PupilVersion {
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  supersededAt: string | null;
  /** The fields that differ from the previous version (empty for version 1). */
  changed: string[];
  values: PupilVersionValues;
}

export interface PupilDetail {
  pupil: Omit<Pupil, "cpr"> & { cpr: string; cprMasked: string; version: number };
  findings: Finding[];
  promotion: Decision<Promotion> | null;
  /** Every version, oldest first (the current one last). */
  history: PupilVersion[];
}

/** One entry of a year's change log: a pupil version (registration, correction, transfer, import). */
export interface YearChange {
  pupilId: string;
  cprMasked: string;
  name: string | null;
  classLevel: ClassLevel;
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  changed: string[];
}

/** The answer of the pupil-list import: what was added, what was kept (never overwritten), and the findings. */
export interface PupilListReport {
  added: { pupilId: string; line: number; cprMasked: string; classLevel: ClassLevel; toBeTested: boolean | null; left: string | null }[];
  kept: { pupilId: string; line: number; cprMasked: string; differs: string[] }[];
  /** Pupils already in the year whom the file records as having left (`udmeldt`): a new version each. */
  left: { pupilId: string; line: number; cprMasked: string; on: string; reason: string; version: number }[];
  findings: Finding[];
}

export interface ReceiptView extends Receipt {
  /** Every pupil named in the receipt: bevis' id → masked CPR and class level (never the full CPR). */
  pupils: Record<string, { cprMasked: string; classLevel: ClassLevel }>;
  errors: number;
  warnings: number;
}

export interface SubmissionSummary {
  id: string;
  number: number;
  decidedOn: string;
  complete: boolean;
  errors: number;
  warnings: number;
  createdAt: string;
  createdBy: string;
}

export interface SubmissionDetail extends SubmissionSummary {
  schoolYear: string;
  receipt: ReceiptView;
}

export interface TransferReport {
  taken: { pupilId: string; cprMasked: string; attempts: number }[];
  kept: { pupilId: string; cprMasked: string; attempts: number }[];
  unmatched: string[];
  findings: Finding[];
}

export interface Overview {
  schoolYear: string;
  levels: {
    classLevel: ClassLevel;
    /** Pupils of the school at this level (leavers not counted). */
    pupils: number;
    /** Pupils reported at this level (selected; a leaver with an attempt held here). */
    tested: number;
    /** Pupils who left the school during the year at this level. */
    left: number;
    sprogparat: number;
    attempts: { no: number; registered: number; sprogparat: number; ikkeSprogparat: number; intetResultat: number }[];
  }[];
}

// -------------------------------------------------------------------------------------------------------- helpers

const k = (db: Db) => store.spKysely(db);
const by = (a: Actor): store.Recorder => ({ label: a.label, userId: a.userId });
type AuditTx = Transaction<PlatformTables>;

/** Roles that may register pupils and results: the write roles and the teacher, who holds the tests. */
export const REGISTER_ROLES: readonly Role[] = [...WRITE_ROLES, "laerer"];
/** The full CPR is shown to these roles (lists are always masked). */
export const canSeeCpr = (a: Actor): boolean => a.roles.some((r) => r === "admin" || WRITE_ROLES.includes(r));

const inputFinding = (rule: string, subject: string, value: Finding["value"], en: string, da: string): Finding =>
  finding(`sprogprove.${rule}`, "error", { seed: "reference", ref: "docs/api.md" }, { en, da }, { subject, value });

const refuse = (findings: Finding[], what: string) =>
  new ProblemError(422, "Unprocessable Content", findings, `${what}: ${findings.filter((f) => f.severity === "error").length} field(s) are not valid`);

const yearNotFound = () => new ProblemError(404, "Not Found", [], "no such sprogprøve school year in this institution");
const pupilNotFound = () => new ProblemError(404, "Not Found", [], "no such pupil in this school year");
const submissionNotFound = () => new ProblemError(404, "Not Found", [], "no such submission in this school year");

const stale = (what: string, current: number, sent: number) =>
  new ProblemError(
    409,
    "Conflict",
    [
      finding(
        "sprogprove.version.stale",
        "error",
        { seed: "reference", ref: "docs/api.md" },
        {
          en: `The ${what} was changed by someone else (you sent version ${sent}, the current one is ${current}). Reload and try again.`,
          da: `${what === "pupil" ? "Eleven" : "Skoleåret"} er ændret af en anden (du sendte version ${sent}, den aktuelle er ${current}). Hent igen og prøv igen.`,
        },
        { subject: "version", value: sent },
      ),
    ],
    `version ${sent} is stale; the current version is ${current}`,
  );

/** 423 after the close: "Der kan redigeres i indberetningen til og med d. 5. september." (2.4) */
function requireOpen(sy: SchoolYear, on: IsoDate): void {
  const w = mayEdit(sy, on);
  if (!w.value) throw new ProblemError(423, "Locked", w.because, `the report for ${formatSchoolYear(sy)} closed on ${closingDate(sy)}`);
}

function schoolYearOrRefuse(s: string): SchoolYear {
  const sy = parseSchoolYear(s);
  if (!sy)
    throw refuse(
      [inputFinding("input.school-year", "schoolYear", s, `"${s}" is not a school year (write e.g. 2022/23).`, `"${s}" er ikke et skoleår (skriv fx 2022/23).`)],
      "not a school year",
    );
  return sy;
}

async function institutionOf(db: Db, institutionId: string): Promise<{ code: string; name: string }> {
  const r = await db.kysely.selectFrom("institution").select(["code", "name"]).where("id", "=", institutionId).executeTakeFirst();
  return { code: r?.code ?? "", name: r?.name ?? "" };
}

function schoolOf(inst: { code: string; name: string }, institutionId: string, d: store.YearData): School {
  const s: School = { id: institutionId, institutionNumber: inst.code, name: inst.name };
  if (d.pupilsTotal !== null && d.pupilsInListedAreas !== null)
    s.coverage = { pupilsTotal: d.pupilsTotal, pupilsInListedAreas: d.pupilsInListedAreas, ...(d.coverageSource ? { source: d.coverageSource } : {}) };
  if (d.coveredOverride !== null) s.coveredOverride = { covered: d.coveredOverride, reason: d.coveredOverrideReason ?? "" };
  return s;
}

/** The year's data from an input: coverage counts must be whole numbers ≥ 0, listed ≤ total; the count a number. */
function yearData(prev: store.YearData | null, input: Omit<YearCorrection, "version" | "reason">): { data: store.YearData; findings: Finding[] } {
  const out: Finding[] = [];
  const d: store.YearData = prev
    ? { ...prev }
    : { pupilsTotal: null, pupilsInListedAreas: null, coverageSource: null, coveredOverride: null, coveredOverrideReason: null, exemptedCount: null };
  if (input.coverage !== undefined) {
    if (input.coverage === null) {
      d.pupilsTotal = null;
      d.pupilsInListedAreas = null;
      d.coverageSource = null;
    } else {
      const { pupilsTotal: t, pupilsInListedAreas: l } = input.coverage;
      if (!Number.isInteger(t) || t < 0 || !Number.isInteger(l) || l < 0 || l > t)
        out.push(
          inputFinding(
            "input.coverage",
            "coverage",
            `${l}/${t}`,
            `Coverage counts ${l} of ${t}: whole numbers, 0 or more, and pupils in listed areas not more than all pupils.`,
            `Tallene ${l} af ${t}: hele tal, 0 eller flere, og elever i listede boligområder højst alle elever.`,
          ),
        );
      d.pupilsTotal = t;
      d.pupilsInListedAreas = l;
      d.coverageSource = input.coverage.source ?? null;
    }
  }
  if (input.coveredOverride !== undefined) {
    if (input.coveredOverride === null) {
      d.coveredOverride = null;
      d.coveredOverrideReason = null;
    } else {
      if (input.coveredOverride.reason.trim() === "")
        out.push(
          inputFinding(
            "input.override-reason",
            "coveredOverride.reason",
            null,
            "A coverage decision taken elsewhere needs its reason (e.g. the letter from STIL).",
            "En afgørelse om omfattethed truffet andetsteds kræver en begrundelse (fx brevet fra STIL).",
          ),
        );
      d.coveredOverride = input.coveredOverride.covered;
      d.coveredOverrideReason = input.coveredOverride.reason.trim();
    }
  }
  if (input.exemptedCount !== undefined) {
    const c = parseExemptedCount(input.exemptedCount);
    out.push(...c.because);
    d.exemptedCount = c.value;
  }
  return { data: d, findings: out };
}

/**
 * Parses a pupil input at the edge: CPR, class level, its school year, attempt numbers (1–4), result values, dates.
 * Returns the pupil (attempts not forced yet) or every bad field as a finding.
 */
export function parsePupil(input: Omit<PupilInput, "cpr"> & { cpr?: string }, fixedCpr?: string): { ok: true; pupil: Pupil } | { ok: false; findings: Finding[] } {
  const out: Finding[] = [];
  let cpr: Cpr | null = (fixedCpr as Cpr | undefined) ?? null;
  if (fixedCpr === undefined) {
    const c = parseCpr(input.cpr ?? "", "cpr");
    out.push(...c.because.filter((f) => f.severity === "error"));
    cpr = c.value;
  }
  const level = parseClassLevel(input.classLevel);
  out.push(...level.because);
  const stage = level.value === null ? "bhkl" : stageOf(level.value);
  let levelYear: SchoolYear | undefined;
  if (input.classLevelSchoolYear) {
    levelYear = parseSchoolYear(input.classLevelSchoolYear);
    if (!levelYear)
      out.push(
        inputFinding(
          "input.school-year",
          "classLevelSchoolYear",
          input.classLevelSchoolYear,
          `"${input.classLevelSchoolYear}" is not a school year (write e.g. 2022/23).`,
          `"${input.classLevelSchoolYear}" er ikke et skoleår (skriv fx 2022/23).`,
        ),
      );
  }
  const attempts: Attempt[] = [];
  input.attempts.forEach((a, i) => {
    const no = parseAttemptNo(a.no, stage, `attempts.${i}.no`);
    const result = parseResult(a.result, `attempts.${i}.result`);
    out.push(...no.because, ...result.because);
    let heldOn: IsoDate | undefined;
    if (a.heldOn) {
      heldOn = parseIsoDate(a.heldOn);
      if (!heldOn)
        out.push(
          inputFinding(
            "input.date",
            `attempts.${i}.heldOn`,
            a.heldOn,
            `"${a.heldOn}" is not a date (YYYY-MM-DD).`,
            `"${a.heldOn}" er ikke en dato (ÅÅÅÅ-MM-DD).`,
          ),
        );
    }
    if (no.value !== null) {
      const att: Attempt = { no: no.value, result: result.value, source: "local" };
      if (heldOn) att.heldOn = heldOn;
      if (a.delprover && a.delprover.length > 0) att.delprover = a.delprover.map((d): Delprove => ({ no: d.no, value: d.value ?? null }));
      attempts.push(att);
    }
  });
  const nos = attempts.map((a) => a.no);
  const dup = nos.filter((n, i) => nos.indexOf(n) !== i);
  for (const n of new Set(dup))
    out.push(
      inputFinding("input.attempt-duplicate", `attempts`, n, `Attempt ${n} is given twice.`, `Forsøg ${n} er angivet to gange.`),
    );
  if (out.some((f) => f.severity === "error") || cpr === null || level.value === null) return { ok: false, findings: out };
  const p: Pupil = {
    id: "",
    cpr,
    classLevel: level.value,
    toBeTested: input.toBeTested,
    attempts: sortedAttempts(attempts),
    sommerskole: input.sommerskole ?? false,
    specialPermission: input.specialPermission ?? false,
    previouslyPostponed: input.previouslyPostponed ?? false,
    rykkerOp: input.rykkerOp,
  };
  if (levelYear) p.classLevelSchoolYear = levelYear;
  const name = typeof input.name === "string" ? input.name.trim().replace(/\s+/g, " ") : "";
  if (name.length > MAX_NAME || /\d{6}\s*-?\s*\d{4}/.test(name)) {
    out.push(
      inputFinding(
        "input.name",
        "name",
        name.length > MAX_NAME ? `${name.length} characters` : "(CPR number)",
        `The name must be at most ${MAX_NAME} characters and hold no CPR number.`,
        `Navnet må højst have ${MAX_NAME} tegn og må ikke indeholde et CPR-nummer.`,
      ),
    );
    return { ok: false, findings: out };
  }
  if (name !== "") p.name = name;
  if (input.dsa) p.dsa = input.dsa;
  if (input.exemption) p.exemption = input.exemption;
  return { ok: true, pupil: p };
}

/**
 * The guide's forcing on save: after a Sprogparat attempt every later attempt is "Intet resultat" (2.1, 2.2); for
 * bh.kl. the empty later slots up to 4 are filled in. The info findings say what was set.
 */
export function withForcedAttempts(p: Pupil): Decision<Pupil> {
  const f = forcedLaterResults(stageOf(p.classLevel), p.attempts);
  return decision({ ...p, attempts: f.value }, f.because);
}

function toPupil(s: store.StoredPupil): Pupil {
  const d = s.data;
  const p: Pupil = {
    id: s.id,
    cpr: d.cpr as Cpr,
    classLevel: d.classLevel,
    toBeTested: d.toBeTested,
    attempts: d.attempts,
    sommerskole: d.sommerskole,
    specialPermission: d.specialPermission,
    previouslyPostponed: d.previouslyPostponed,
    rykkerOp: d.rykkerOp,
  };
  if (d.classLevelStartYear !== null) p.classLevelSchoolYear = { startYear: d.classLevelStartYear };
  if (d.name) p.name = d.name;
  if (d.dsa) p.dsa = d.dsa;
  if (d.exemption) p.exemption = d.exemption;
  if (d.left) p.left = { on: d.left.on, reason: d.left.reason, recordedBy: d.left.recordedBy, recordedAt: d.left.recordedAt };
  return p;
}

function pupilData(p: Pupil, findings: readonly Finding[]): store.PupilData {
  return {
    cpr: p.cpr,
    classLevel: p.classLevel,
    classLevelStartYear: p.classLevelSchoolYear?.startYear ?? null,
    toBeTested: p.toBeTested,
    dsa: p.dsa ?? null,
    exemption: p.exemption ?? null,
    attempts: p.attempts,
    sommerskole: p.sommerskole ?? false,
    specialPermission: p.specialPermission ?? false,
    previouslyPostponed: p.previouslyPostponed ?? false,
    rykkerOp: p.rykkerOp,
    name: p.name ?? null,
    left: p.left
      ? { on: p.left.on, reason: p.left.reason, recordedBy: p.left.recordedBy ?? "", recordedAt: p.left.recordedAt ?? new Date().toISOString() }
      : null,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

interface Ctx {
  year: store.StoredYear;
  sy: SchoolYear;
  school: School;
  covered: Decision<boolean | null>;
}

async function ctxOf(db: Db, actor: Actor, yearId: string, q: store.SpQ = k(db)): Promise<Ctx> {
  const year = await store.getYear(q, actor.institutionId, yearId);
  if (!year) throw yearNotFound();
  const inst = await institutionOf(db, actor.institutionId);
  const school = schoolOf(inst, actor.institutionId, year.data);
  return { year, sy: { startYear: year.startYear }, school, covered: schoolCovered(school) };
}

function reportOf(c: Ctx, pupils: Pupil[]): Report {
  return { school: c.school, schoolYear: c.sy, pupils, exemptedCount: c.year.data.exemptedCount };
}

/** All rules for one pupil, in the context of its year (subjects relative to the pupil). */
function evaluatePupil(c: Ctx, p: Pupil, on: IsoDate): Finding[] {
  return checkPupil(p, { report: reportOf(c, [p]), schoolIsCovered: c.covered.value, on });
}

const countOf = (fs: readonly Finding[], s: Finding["severity"]) => fs.filter((f) => f.severity === s).length;

function rowOf(p: Pupil, version: number, fs: readonly Finding[]): PupilRow {
  const byNo = new Map(p.attempts.map((a) => [a.no, a.result] as const));
  const last = Math.max(stageOf(p.classLevel) === "bhkl" ? 4 : 0, ...p.attempts.map((a) => a.no));
  return {
    id: p.id,
    cprMasked: maskCpr(p.cpr),
    name: p.name ?? null,
    classLevel: p.classLevel,
    toBeTested: p.toBeTested,
    results: Array.from({ length: last }, (_, i) => byNo.get(i + 1) ?? null),
    sprogparatIn: sprogparatAttempt(p.attempts),
    sommerskole: p.sommerskole ?? false,
    specialPermission: p.specialPermission ?? false,
    rykkerOp: p.rykkerOp,
    errors: countOf(fs, "error"),
    warnings: countOf(fs, "warning"),
    version,
    left: p.left ? { on: p.left.on, reason: p.left.reason } : null,
    reported: isReported(p),
  };
}

// ------------------------------------------------------------------------------------------------------------ years

async function summaryOf(db: Db, actor: Actor, y: store.StoredYear, on: IsoDate): Promise<YearSummary> {
  const sy = { startYear: y.startYear };
  const kk = k(db);
  const pupils = await kk
    .selectFrom("sp_pupil")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("institution_id", "=", actor.institutionId)
    .where("year_id", "=", y.id)
    .executeTakeFirstOrThrow();
  const subs = await store.listSubmissions(kk, actor.institutionId, y.id);
  const last = subs[0];
  return {
    id: y.id,
    schoolYear: formatSchoolYear(sy),
    startYear: y.startYear,
    version: y.version,
    closes: closingDate(sy),
    open: mayEdit(sy, on).value,
    pupils: Number(pupils.n),
    submissions: subs.length,
    lastSubmission: last ? { number: last.number, complete: last.complete, createdAt: last.createdAt } : null,
  };
}

export async function listYears(db: Db, actor: Actor, o: On): Promise<YearSummary[]> {
  const years = await store.listYears(k(db), actor.institutionId);
  const out: YearSummary[] = [];
  for (const y of years) out.push(await summaryOf(db, actor, y, o.on));
  return out;
}

/** The change events of a year (pupil and year versions) and its submissions, in time order, for mustResubmit. */
async function windowEvents(db: Db, actor: Actor, yearId: string): Promise<WindowEvent[]> {
  const kk = k(db);
  const [pv, yv, subs] = await Promise.all([
    kk.selectFrom("sp_pupil_version").select("recorded_at").where("institution_id", "=", actor.institutionId).where("year_id", "=", yearId).execute(),
    kk.selectFrom("sp_year_version").select("recorded_at").where("institution_id", "=", actor.institutionId).where("year_id", "=", yearId).execute(),
    kk.selectFrom("sp_submission").select(["created_at", "decided_on"]).where("institution_id", "=", actor.institutionId).where("year_id", "=", yearId).execute(),
  ]);
  // Every write is refused after the close (requireOpen), so every stored change was accepted inside the window: it is
  // dated at the closing date at the latest, whatever the server's clock said (tests pass other decision dates).
  const close = closingDate({ startYear: (await store.getYear(kk, actor.institutionId, yearId))?.startYear ?? 0 });
  const ev: { t: number; on: IsoDate; kind: WindowEvent["kind"] }[] = [
    ...[...pv, ...yv].map((r) => ({ t: new Date(r.recorded_at).getTime(), on: close, kind: "change" as const })),
    ...subs.map((r) => ({ t: new Date(r.created_at).getTime(), on: String(r.decided_on).slice(0, 10), kind: "submit" as const })),
  ];
  // A submission counts after every change recorded up to the same instant.
  ev.sort((a, b) => a.t - b.t || (a.kind === b.kind ? 0 : a.kind === "change" ? -1 : 1));
  return ev.map((e, i) => ({ seq: i + 1, on: e.on, kind: e.kind }));
}

export async function getYear(db: Db, actor: Actor, yearId: string, o: On): Promise<YearDetail> {
  const c = await ctxOf(db, actor, yearId);
  const s = await summaryOf(db, actor, c.year, o.on);
  const inst = await institutionOf(db, actor.institutionId);
  const d = c.year.data;
  return {
    ...s,
    school: {
      code: inst.code,
      name: inst.name,
      coverage: d.pupilsTotal !== null && d.pupilsInListedAreas !== null ? { pupilsTotal: d.pupilsTotal, pupilsInListedAreas: d.pupilsInListedAreas, source: d.coverageSource } : null,
      coveredOverride: d.coveredOverride !== null ? { covered: d.coveredOverride, reason: d.coveredOverrideReason ?? "" } : null,
    },
    covered: c.covered,
    exemptedCount: d.exemptedCount,
    mustResubmit: mustResubmit(c.sy, await windowEvents(db, actor, yearId)),
    window: mayEdit(c.sy, o.on),
    history: await store.yearHistory(k(db), actor.institutionId, yearId),
  };
}

/** Opens a reported school year (one per institution and year; a second one is 409). */
export async function createYear(db: Db, actor: Actor, input: YearInput, o: On): Promise<YearDetail> {
  requireRole(actor, WRITE_ROLES);
  const sy = schoolYearOrRefuse(input.schoolYear);
  requireOpen(sy, o.on);
  const { data, findings } = yearData(null, input);
  if (hasErrors(findings)) throw refuse(findings, "the school year was not saved");
  const kk = k(db);
  if (await store.findYear(kk, actor.institutionId, sy.startYear))
    throw new ProblemError(409, "Conflict", [], `the school year ${formatSchoolYear(sy)} is already open in this institution`);
  const id = await kk.transaction().execute(async (tx) => {
    const newId = await store.insertYear(tx, actor.institutionId, sy.startYear, data, by(actor), "opened");
    await audit(tx as unknown as AuditTx, actor, {
      action: "sprogprove.year.create",
      entity: "sp_year",
      entityId: newId,
      detail: { schoolYear: formatSchoolYear(sy), exemptedCount: data.exemptedCount, coverage: data.pupilsTotal !== null || data.coveredOverride !== null },
    });
    return newId;
  });
  return getYear(db, actor, id, o);
}

/** Changes the school's data for the year (coverage, step 3's count): a new version. Stale → 409. */
export async function correctYear(db: Db, actor: Actor, yearId: string, input: YearCorrection, o: On): Promise<YearDetail> {
  requireRole(actor, WRITE_ROLES);
  const c = await ctxOf(db, actor, yearId);
  requireOpen(c.sy, o.on);
  const { data, findings } = yearData(c.year.data, input);
  if (hasErrors(findings)) throw refuse(findings, "the school year was not saved");
  const reason = (input.reason ?? "").trim() || "changed";
  await k(db)
    .transaction()
    .execute(async (tx) => {
      const cl = await store.claimYearVersion(tx, actor.institutionId, yearId, input.version);
      if (!cl.ok) throw cl.why === "missing" ? yearNotFound() : stale("school year", cl.current, input.version);
      await store.insertYearVersion(tx, actor.institutionId, yearId, cl.version, data, by(actor), reason);
      const changed = (Object.keys(data) as (keyof store.YearData)[]).filter((key) => data[key] !== c.year.data[key]);
      await audit(tx as unknown as AuditTx, actor, {
        action: "sprogprove.year.correct",
        entity: "sp_year",
        entityId: yearId,
        detail: { version: cl.version, reason, changed, exemptedCount: data.exemptedCount },
      });
    });
  return getYear(db, actor, yearId, o);
}

// ----------------------------------------------------------------------------------------------------------- pupils

export async function listPupils(db: Db, actor: Actor, yearId: string, o: On): Promise<{ items: PupilRow[]; total: number }> {
  const c = await ctxOf(db, actor, yearId);
  const stored = await store.listPupils(k(db), actor.institutionId, yearId);
  const pupils = stored.map(toPupil);
  const report = reportOf(c, pupils);
  const items = stored.map((s, i) => {
    const p = pupils[i]!;
    return rowOf(p, s.version, checkPupil(p, { report, schoolIsCovered: c.covered.value, on: o.on }));
  });
  return { items, total: items.length };
}

async function pupilDetail(db: Db, actor: Actor, c: Ctx, id: string, on: IsoDate, extra: Finding[] = []): Promise<PupilDetail> {
  const s = await store.getPupil(k(db), actor.institutionId, c.year.id, id);
  if (!s) throw pupilNotFound();
  const p = toPupil(s);
  const cprMasked = maskCpr(p.cpr);
  const versions = await store.pupilHistory(k(db), actor.institutionId, id);
  const history = versions.map((h, i): PupilVersion => {
    const { id: _id, cpr: _cpr, ...values } = toPupil({ id, yearId: c.year.id, version: h.version, data: h.data, recordedAt: h.recordedAt, recordedBy: h.recordedBy });
    const prev = versions[i - 1];
    return {
      version: h.version,
      recordedAt: h.recordedAt,
      recordedBy: h.recordedBy,
      reason: h.reason,
      supersededAt: h.supersededAt,
      changed: prev ? changedData(prev.data, h.data) : [],
      values,
    };
  });
  return {
    pupil: { ...p, cpr: canSeeCpr(actor) ? p.cpr : cprMasked, cprMasked, version: s.version },
    findings: [...extra, ...evaluatePupil(c, p, on)],
    promotion: p.classLevel === 0 ? bhklPromotion(p) : null,
    history,
  };
}

export async function getPupil(db: Db, actor: Actor, yearId: string, id: string, o: On): Promise<PupilDetail> {
  const c = await ctxOf(db, actor, yearId);
  return pupilDetail(db, actor, c, id, o.on);
}

function duplicateCpr(cpr: string): Finding {
  return f001(
    "pupil.duplicate-cpr",
    "error",
    "what",
    {
      en: `A pupil with CPR ${maskCpr(cpr)} is already registered in this school year; correct that pupil instead.`,
      da: `En elev med CPR ${maskCpr(cpr)} er allerede registreret i dette skoleår; ret den elev i stedet.`,
    },
    { subject: "cpr", value: maskCpr(cpr) },
  );
}

/** Registers a pupil in the year. Malformed input → 422 (nothing saved); the guide's findings come back with it. */
export async function createPupil(db: Db, actor: Actor, yearId: string, input: PupilInput, o: On): Promise<PupilDetail> {
  requireRole(actor, REGISTER_ROLES);
  const c = await ctxOf(db, actor, yearId);
  requireOpen(c.sy, o.on);
  const parsed = parsePupil(input);
  if (!parsed.ok) throw refuse(parsed.findings, "the pupil was not saved");
  const kk = k(db);
  if (await store.findPupilByCpr(kk, actor.institutionId, yearId, parsed.pupil.cpr)) throw refuse([duplicateCpr(parsed.pupil.cpr)], "the pupil was not saved");
  const forced = withForcedAttempts(parsed.pupil);
  const fs = evaluatePupil(c, forced.value, o.on);
  const id = await kk.transaction().execute(async (tx) => {
    const newId = await store.insertPupil(tx, actor.institutionId, yearId, pupilData(forced.value, fs), by(actor), "registered");
    await audit(tx as unknown as AuditTx, actor, {
      action: "sprogprove.pupil.create",
      entity: "sp_pupil",
      entityId: newId,
      detail: { cpr: maskCpr(forced.value.cpr), schoolYear: formatSchoolYear(c.sy), classLevel: forced.value.classLevel, version: 1, errors: countOf(fs, "error") },
    });
    return newId;
  });
  return pupilDetail(db, actor, c, id, o.on, forced.because);
}

const PUPIL_FIELDS = [
  "name",
  "classLevel",
  "classLevelSchoolYear",
  "toBeTested",
  "dsa",
  "exemption",
  "attempts",
  "sommerskole",
  "specialPermission",
  "previouslyPostponed",
  "rykkerOp",
  "left",
] as const;

/** A value with its object keys sorted, so that stored jsonb (which may reorder keys) compares equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

/** Which fields differ between two pupils (for the audit log and the history; never the CPR). */
function changedFields(a: Pupil, b: Pupil): string[] {
  return PUPIL_FIELDS.filter((key) => canonical(a[key]) !== canonical(b[key]));
}

/** Which fields differ between two stored versions. */
function changedData(a: store.PupilData, b: store.PupilData): string[] {
  const pa = toPupil({ id: "", yearId: "", version: 0, data: a, recordedAt: "", recordedBy: "" });
  const pb = toPupil({ id: "", yearId: "", version: 0, data: b, recordedAt: "", recordedBy: "" });
  return changedFields(pa, pb);
}

/** Corrects a pupil: a new version supersedes the current one (the old one is kept). Stale → 409. */
export async function correctPupil(db: Db, actor: Actor, yearId: string, id: string, input: PupilCorrection, o: On): Promise<PupilDetail> {
  requireRole(actor, REGISTER_ROLES);
  const c = await ctxOf(db, actor, yearId);
  requireOpen(c.sy, o.on);
  const kk = k(db);
  const existing = await store.getPupil(kk, actor.institutionId, yearId, id);
  if (!existing) throw pupilNotFound();
  const parsed = parsePupil(input, existing.data.cpr);
  if (!parsed.ok) throw refuse(parsed.findings, "the correction was not saved");
  if (input.name === undefined && existing.data.name) parsed.pupil.name = existing.data.name;
  // The departure is changed only through recordLeaving; a correction keeps it.
  const kept = toPupil(existing).left;
  if (kept) parsed.pupil.left = kept;
  const forced = withForcedAttempts({ ...parsed.pupil, id });
  const fs = evaluatePupil(c, forced.value, o.on);
  const reason = (input.reason ?? "").trim() || "registered";
  await kk.transaction().execute(async (tx) => {
    const cl = await store.claimPupilVersion(tx, actor.institutionId, id, input.version);
    if (!cl.ok) throw cl.why === "missing" ? pupilNotFound() : stale("pupil", cl.current, input.version);
    await store.insertPupilVersion(tx, actor.institutionId, yearId, id, cl.version, pupilData(forced.value, fs), by(actor), reason);
    await audit(tx as unknown as AuditTx, actor, {
      action: "sprogprove.pupil.correct",
      entity: "sp_pupil",
      entityId: id,
      detail: { cpr: maskCpr(existing.data.cpr), version: cl.version, reason, changed: changedFields(toPupil(existing), forced.value), errors: countOf(fs, "error") },
    });
  });
  return pupilDetail(db, actor, c, id, o.on, forced.because);
}

/**
 * Records that a pupil left the school during the year, or takes the departure back (`left: null`): a new version of
 * the pupil, every other field kept, nothing deleted (leaving.ts; docs/rulebooks/001-sprogprove.md "Pupils who leave").
 * The date and reason are checked by `checkLeaving` (422 with the findings, nothing saved); stale version → 409; after
 * the close → 423. Needs a write role (admin, leder, ledelse, tap): the departure comes from the administrative system.
 * A submission already made stays as sent; the year then asks for a new "Indberet" (`mustResubmit`).
 */
export async function recordLeaving(db: Db, actor: Actor, yearId: string, id: string, input: LeavingInput, o: On): Promise<PupilDetail> {
  requireRole(actor, WRITE_ROLES, "recording that a pupil left needs the role admin, Leder, Ledelse or TAP");
  const c = await ctxOf(db, actor, yearId);
  requireOpen(c.sy, o.on);
  const kk = k(db);
  const existing = await store.getPupil(kk, actor.institutionId, yearId, id);
  if (!existing) throw pupilNotFound();
  const p: Pupil = { ...toPupil(existing), id };
  let why: string;
  let extra: Finding[] = [];
  if (input.left === null) {
    const undo = (input.reason ?? "").trim();
    const fs: Finding[] = [];
    if (!p.left)
      fs.push(inputFinding("left.not-left", "left", null, "The pupil is not recorded as having left; there is nothing to take back.", "Eleven er ikke registreret som udmeldt; der er intet at fortryde."));
    if (undo === "")
      fs.push(inputFinding("left.undo-reason", "reason", null, "Taking a departure back needs a reason.", "En udmeldelse kan kun fortrydes med en begrundelse."));
    if (fs.length > 0) throw refuse(fs, "the departure was not taken back");
    why = `departure of ${p.left!.on} taken back: ${undo}`;
    delete p.left;
  } else {
    const d = checkLeaving(input.left, c.sy, o.on);
    if (!d.value) throw refuse(d.because, "the departure was not recorded");
    p.left = { ...d.value, recordedBy: actor.label, recordedAt: new Date().toISOString() };
    why = `left on ${d.value.on}: ${d.value.reason}`;
    extra = d.because;
  }
  const fs = evaluatePupil(c, p, o.on);
  await kk.transaction().execute(async (tx) => {
    const cl = await store.claimPupilVersion(tx, actor.institutionId, id, input.version);
    if (!cl.ok) throw cl.why === "missing" ? pupilNotFound() : stale("pupil", cl.current, input.version);
    await store.insertPupilVersion(tx, actor.institutionId, yearId, id, cl.version, pupilData(p, fs), by(actor), why);
    await audit(tx as unknown as AuditTx, actor, {
      action: input.left === null ? "sprogprove.pupil.left-undone" : "sprogprove.pupil.left",
      entity: "sp_pupil",
      entityId: id,
      detail: { cpr: maskCpr(p.cpr), version: cl.version, reason: why, leftOn: p.left?.on ?? null },
    });
  });
  return pupilDetail(db, actor, c, id, o.on, extra);
}

/**
 * The live check of a draft (the registration form calls it on every change): the findings beside each field, the
 * attempts as the guide forces them, and the bh.kl. promotion. Malformed input comes back as findings, not 422.
 */
export async function checkDraft(
  db: Db,
  actor: Actor,
  yearId: string,
  input: Omit<PupilInput, "cpr"> & { cpr?: string; pupilId?: string | null | undefined },
  o: On,
): Promise<{ ok: boolean; findings: Finding[]; attempts: Attempt[] | null; promotion: Decision<Promotion> | null }> {
  const c = await ctxOf(db, actor, yearId);
  const kk = k(db);
  let fixed: string | undefined;
  let left: Pupil["left"];
  if (input.pupilId) {
    const s = await store.getPupil(kk, actor.institutionId, yearId, input.pupilId);
    if (!s) throw pupilNotFound();
    fixed = s.data.cpr;
    left = toPupil(s).left;
  }
  const parsed = parsePupil(input, fixed);
  if (!parsed.ok) return { ok: false, findings: parsed.findings, attempts: null, promotion: null };
  if (left) parsed.pupil.left = left;
  const extra: Finding[] = [];
  if (!fixed) {
    const other = await store.findPupilByCpr(kk, actor.institutionId, yearId, parsed.pupil.cpr);
    if (other) extra.push(duplicateCpr(parsed.pupil.cpr));
  }
  const raw = evaluatePupil(c, parsed.pupil, o.on);
  const forced = withForcedAttempts(parsed.pupil);
  return {
    ok: true,
    findings: [...extra, ...raw, ...forced.because],
    attempts: forced.value.attempts,
    promotion: parsed.pupil.classLevel === 0 ? bhklPromotion(forced.value) : null,
  };
}

// ------------------------------------------------------------------------------------------------------ submission

function receiptView(receipt: Receipt, pupils: readonly Pupil[], all: readonly Finding[]): ReceiptView {
  const named: ReceiptView["pupils"] = {};
  for (const p of pupils) named[p.id] = { cprMasked: maskCpr(p.cpr), classLevel: p.classLevel };
  return { ...receipt, pupils: named, errors: countOf(all, "error"), warnings: countOf(all, "warning") };
}

async function loadReport(db: Db, actor: Actor, c: Ctx, q: store.SpQ = k(db)): Promise<Report> {
  const stored = await store.listPupils(q, actor.institutionId, c.year.id);
  return reportOf(c, stored.map(toPupil));
}

/** The receipt as it would be now (not stored): every gap per step; with the caller's roles in step 4. */
export async function draftReceipt(db: Db, actor: Actor, yearId: string, o: On): Promise<ReceiptView> {
  const c = await ctxOf(db, actor, yearId);
  const report = await loadReport(db, actor, c);
  const r = checkReport(report, { on: o.on, submitter: { roles: actor.roles } });
  return receiptView(r.value, report.pupils, r.because);
}

/**
 * "Indberet" (2.4): only Leder, Ledelse or TAP (403 with the reason for any other role, also admin), only until and
 * including 5 September (423 after). Every submission is kept with the whole report as submitted and its receipt,
 * complete (green) or listing every gap.
 */
export async function submit(db: Db, actor: Actor, yearId: string, o: On): Promise<SubmissionDetail> {
  const c = await ctxOf(db, actor, yearId);
  const may = maySubmit({ roles: actor.roles });
  if (!may.value) throw new ProblemError(403, "Forbidden", may.because, may.because[0]?.message.en ?? "this role may not submit");
  requireOpen(c.sy, o.on);
  const stored = await k(db)
    .transaction()
    .execute(async (tx) => {
      const report = await loadReport(db, actor, c, tx);
      const r = checkReport(report, { on: o.on, submitter: { roles: actor.roles } });
      const view = receiptView(r.value, report.pupils, r.because);
      const s = await store.insertSubmission(
        tx,
        actor.institutionId,
        {
          yearId,
          decidedOn: o.on,
          complete: r.value.complete,
          errors: view.errors,
          warnings: view.warnings,
          yearVersion: c.year.version,
          report: report as unknown as Record<string, unknown>,
          receipt: view as unknown as Record<string, unknown>,
          createdByRoles: [...actor.roles],
        },
        by(actor),
      );
      await audit(tx as unknown as AuditTx, actor, {
        action: "sprogprove.submission.create",
        entity: "sp_submission",
        entityId: s.id,
        detail: { schoolYear: formatSchoolYear(c.sy), number: s.number, on: o.on, complete: s.complete, errors: s.errors, pupils: report.pupils.length },
      });
      return s;
    });
  return submissionDetail(c, stored);
}

function submissionSummary(s: store.StoredSubmission): SubmissionSummary {
  return {
    id: s.id,
    number: s.number,
    decidedOn: s.decidedOn,
    complete: s.complete,
    errors: s.errors,
    warnings: s.warnings,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
  };
}

function submissionDetail(c: Ctx, s: store.StoredSubmission): SubmissionDetail {
  return { ...submissionSummary(s), schoolYear: formatSchoolYear(c.sy), receipt: s.receipt as unknown as ReceiptView };
}

export async function listSubmissions(db: Db, actor: Actor, yearId: string): Promise<SubmissionSummary[]> {
  const c = await ctxOf(db, actor, yearId);
  return (await store.listSubmissions(k(db), actor.institutionId, c.year.id)).map(submissionSummary);
}

export async function getSubmission(db: Db, actor: Actor, yearId: string, id: string): Promise<SubmissionDetail> {
  const c = await ctxOf(db, actor, yearId);
  const s = id === "latest" ? (await store.listSubmissions(k(db), actor.institutionId, yearId))[0] : await store.getSubmission(k(db), actor.institutionId, yearId, id);
  if (!s) throw submissionNotFound();
  const full = id === "latest" ? await store.getSubmission(k(db), actor.institutionId, yearId, s.id) : s;
  return submissionDetail(c, full!);
}

/** A stored submission with the report as submitted (full CPRs), for the XLSX copy. Needs a write role; audited. */
export async function exportSubmission(
  db: Db,
  actor: Actor,
  yearId: string,
  id: string,
  format: string,
): Promise<{ detail: SubmissionDetail; report: Report; school: { code: string; name: string } }> {
  requireRole(actor, WRITE_ROLES, "downloading the copy of the submission needs the role Leder, Ledelse or TAP: it carries CPR numbers");
  const c = await ctxOf(db, actor, yearId);
  const s = id === "latest" ? (await store.listSubmissions(k(db), actor.institutionId, yearId))[0] : await store.getSubmission(k(db), actor.institutionId, yearId, id);
  if (!s) throw submissionNotFound();
  const full = (await store.getSubmission(k(db), actor.institutionId, yearId, s.id))!;
  await audit(db.kysely, actor, {
    action: "sprogprove.submission.export",
    entity: "sp_submission",
    entityId: full.id,
    detail: { schoolYear: formatSchoolYear(c.sy), number: full.number, format },
  });
  return { detail: submissionDetail(c, full), report: full.report as unknown as Report, school: await institutionOf(db, actor.institutionId) };
}

// -------------------------------------------------------------------------------------------------------- transfer

/**
 * The transfer from sprogprøver.dk (Løbende registrering …): parsed records in, merged by the pure `mergeTransfer`
 * (never overwrites attempts already registered for a pupil), all in one transaction. Taken pupils get a new version
 * with reason "transfer from sprogprøver.dk"; kept ones are untouched.
 */
export async function applyTransfer(db: Db, actor: Actor, yearId: string, records: TransferredPupil[], o: On & { source: string }): Promise<TransferReport> {
  requireRole(actor, WRITE_ROLES);
  const c = await ctxOf(db, actor, yearId);
  requireOpen(c.sy, o.on);
  return k(db)
    .transaction()
    .execute(async (tx) => {
      const stored = await store.listPupils(tx, actor.institutionId, yearId);
      const pupils = stored.map(toPupil);
      const merged = mergeTransfer(pupils, records);
      const version = new Map(stored.map((s) => [s.id, s.version] as const));
      const cprOf = new Map(pupils.map((p) => [p.id, p.cpr] as const));
      const report = reportOf(c, merged.value.pupils);
      for (const t of merged.value.taken) {
        const p = merged.value.pupils.find((x) => x.id === t.pupilId)!;
        const cl = await store.claimPupilVersion(tx, actor.institutionId, p.id, version.get(p.id)!);
        if (!cl.ok) throw cl.why === "missing" ? pupilNotFound() : stale("pupil", cl.current, version.get(p.id)!);
        const fs = checkPupil(p, { report, schoolIsCovered: c.covered.value, on: o.on });
        await store.insertPupilVersion(tx, actor.institutionId, yearId, p.id, cl.version, pupilData(p, fs), by(actor), "transfer from sprogprøver.dk");
      }
      const out: TransferReport = {
        taken: merged.value.taken.map((t) => ({ ...t, cprMasked: maskCpr(cprOf.get(t.pupilId) ?? "") })),
        kept: merged.value.kept.map((t) => ({ ...t, cprMasked: maskCpr(cprOf.get(t.pupilId) ?? "") })),
        unmatched: merged.value.unmatched,
        findings: merged.because,
      };
      await audit(tx as unknown as AuditTx, actor, {
        action: "sprogprove.transfer.import",
        entity: "sp_year",
        entityId: yearId,
        detail: { source: o.source, records: records.length, taken: out.taken.length, kept: out.kept.length, unmatched: out.unmatched.length },
      });
      return out;
    });
}

// ------------------------------------------------------------------------------------------------------ pupil list

/**
 * The pupil list from the administrative system (docs/rulebooks/001-sprogprove.md "Pupil-list file"), all or nothing:
 * any bad cell → 422 with every finding, nothing written. Pupils already in the year are kept as they are (never
 * overwritten); new ones are added as version 1 with reason "pupil-list import", their selection pre-filled by the
 * guide's target group. One transaction; audited.
 */
export async function importPupils(db: Db, actor: Actor, yearId: string, text: string, o: On & { source: string }): Promise<PupilListReport> {
  requireRole(actor, WRITE_ROLES);
  const c = await ctxOf(db, actor, yearId);
  requireOpen(c.sy, o.on);
  const parsed = parsePupilList(text, c.sy, o.on);
  if (hasErrors(parsed.findings)) {
    const n = parsed.findings.filter((f) => f.severity === "error").length;
    throw new ProblemError(422, "Unprocessable Content", parsed.findings, `the pupil list has ${n} problem(s); nothing was imported`);
  }
  return k(db)
    .transaction()
    .execute(async (tx) => {
      const stored = await store.listPupils(tx, actor.institutionId, yearId);
      const merged = mergePupilList(stored.map(toPupil), parsed.rows);
      const added: PupilListReport["added"] = [];
      const recorded = { recordedBy: actor.label, recordedAt: new Date().toISOString() };
      for (const row of merged.added) {
        const p = importedPupil(row, c.covered.value).value;
        if (p.left) p.left = { ...p.left, ...recorded };
        const fs = evaluatePupil(c, p, o.on);
        const id = await store.insertPupil(tx, actor.institutionId, yearId, pupilData(p, fs), by(actor), "pupil-list import");
        added.push({ pupilId: id, line: row.line, cprMasked: maskCpr(row.cpr), classLevel: row.classLevel, toBeTested: p.toBeTested, left: p.left?.on ?? null });
      }
      // Departures of pupils already in the year: a new version each (optimistic lock on the version just read).
      const versionOf = new Map(stored.map((x) => [x.id, x] as const));
      const left: PupilListReport["left"] = [];
      for (const x of merged.leaving) {
        const s = versionOf.get(x.pupilId)!;
        const p: Pupil = { ...toPupil(s), id: s.id, left: { ...x.row.left, ...recorded } };
        const cl = await store.claimPupilVersion(tx, actor.institutionId, s.id, s.version);
        if (!cl.ok) throw cl.why === "missing" ? pupilNotFound() : stale("pupil", cl.current, s.version);
        const fs = evaluatePupil(c, p, o.on);
        await store.insertPupilVersion(tx, actor.institutionId, yearId, s.id, cl.version, pupilData(p, fs), by(actor), `pupil-list import: left on ${x.row.left.on}: ${x.row.left.reason}`);
        left.push({ pupilId: s.id, line: x.row.line, cprMasked: maskCpr(x.row.cpr), on: x.row.left.on, reason: x.row.left.reason, version: cl.version });
      }
      const out: PupilListReport = {
        added,
        kept: [
          ...merged.kept.map((x) => ({ pupilId: x.pupilId, line: x.row.line, cprMasked: maskCpr(x.row.cpr), differs: x.differs as string[] })),
          ...merged.leaving.filter((x) => x.differs.length > 0).map((x) => ({ pupilId: x.pupilId, line: x.row.line, cprMasked: maskCpr(x.row.cpr), differs: x.differs as string[] })),
        ].sort((a, b) => a.line - b.line),
        left,
        findings: parsed.findings,
      };
      await audit(tx as unknown as AuditTx, actor, {
        action: "sprogprove.pupils.import",
        entity: "sp_year",
        entityId: yearId,
        detail: { source: o.source, schoolYear: formatSchoolYear(c.sy), rows: parsed.rows.length, added: out.added.length, kept: out.kept.length, left: out.left.length },
      });
      return out;
    });
}

/** The year's change log: every pupil version (who, when, why, which fields), newest first. CPR masked. */
export async function yearChanges(db: Db, actor: Actor, yearId: string): Promise<YearChange[]> {
  const c = await ctxOf(db, actor, yearId);
  const rows = await store.yearPupilVersions(k(db), actor.institutionId, c.year.id);
  const prev = new Map<string, store.PupilData>();
  const out: YearChange[] = [];
  for (const r of rows) {
    const before = prev.get(r.pupilId);
    out.push({
      pupilId: r.pupilId,
      cprMasked: maskCpr(r.data.cpr),
      name: r.data.name,
      classLevel: r.data.classLevel,
      version: r.version,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
      reason: r.reason,
      changed: before ? changedData(before, r.data) : [],
    });
    prev.set(r.pupilId, r.data);
  }
  return out.reverse();
}

// -------------------------------------------------------------------------------------------------------- overview

/** Per class level and attempt: attempts registered and their results (the chart: sprogparat per attempt and level). */
export async function overview(db: Db, actor: Actor, yearId: string): Promise<Overview> {
  const c = await ctxOf(db, actor, yearId);
  const pupils = (await store.listPupils(k(db), actor.institutionId, yearId)).map(toPupil);
  const levels: Overview["levels"] = [];
  for (let lv = 0; lv <= 9; lv++) {
    const ps = pupils.filter((p) => p.classLevel === lv);
    if (ps.length === 0) continue;
    const tested = ps.filter(isReported);
    const attempts = [1, 2, 3, 4].map((no) => {
      const rs = tested.map((p) => p.attempts.find((a) => a.no === no)?.result ?? null).filter((r) => r !== null);
      return {
        no,
        registered: rs.length,
        sprogparat: rs.filter((r) => r === "sprogparat").length,
        ikkeSprogparat: rs.filter((r) => r === "ikke-sprogparat").length,
        intetResultat: rs.filter((r) => r === "intet-resultat").length,
      };
    });
    levels.push({
      classLevel: lv as ClassLevel,
      pupils: ps.filter((p) => p.left === undefined).length,
      tested: tested.length,
      left: ps.filter((p) => p.left !== undefined).length,
      sprogparat: tested.filter((p) => sprogparatAttempt(p.attempts) !== null).length,
      attempts,
    });
  }
  return { schoolYear: formatSchoolYear(c.sy), levels };
}

/** A year by its school year label ("2022/23") or id (for the CLI). */
export async function findYearId(db: Db, actor: Actor, ref: string): Promise<string> {
  if (store.isUuid(ref)) return ref;
  const sy = schoolYearOrRefuse(ref);
  const y = await store.findYear(k(db), actor.institutionId, sy.startYear);
  if (!y) throw yearNotFound();
  return y.id;
}

export type { Step };
