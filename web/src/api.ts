/**
 * The UI's only way to the server: JSON over /api (docs/api.md). Types mirror that contract.
 * Errors come back as RFC 9457 problem+json with findings; they surface here as ApiError.
 */
import type { Citation, Finding, Severity, Texts } from "../../src/kernel/law.ts";

export type { Citation, Finding, Severity, Texts };

export type Role = "admin" | "leder" | "ledelse" | "tap" | "laerer" | "readonly";
export const WRITE_ROLES: readonly Role[] = ["admin", "leder", "ledelse", "tap"];

export interface Institution {
  id: string;
  code: string;
  name: string;
  country: string;
  roles: Role[];
}

export interface Me {
  user: { id: string; email: string; name: string };
  institutions: Institution[];
  current: string;
}

export interface UvmTestPeriod {
  validFrom: string;
  validTo?: string;
}

export interface AmuGoal {
  fagkode: string;
  title: string;
  uvmTestPeriods: UvmTestPeriod[];
  certificate: boolean;
  writtenAndOral: boolean;
}

export type ParticipationStatus = "ended" | "not-ended" | "never-held";
export type EmergencyTeaching = "none" | "exam-omitted" | "exam-postponed";
export type Group = 1 | 2;

export interface SubCourse {
  startDate: string;
  endDate: string | null;
}

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
  subCourses: SubCourse[];
  resultatProevebelagt: number | null;
  resultatIkkeProevebelagt: number | null;
  ejRelevant: boolean;
  ikvCompetenceFagkoder: string[];
  /** Ordinary exam of a written-and-oral goal (§6.2): which parts were taken; null = not recorded. */
  writtenTaken?: boolean | null;
  oralTaken?: boolean | null;
  /** Industry or authority certificate course (§6.3): whether the certificate was obtained; null = not recorded. */
  industryCertificateObtained?: boolean | null;
}

export interface ExamAttempt {
  seq: number;
  date: string;
  writtenTaken?: boolean;
  oralTaken?: boolean;
  resultatProevebelagt?: number | null;
  resultatIkkeProevebelagt?: number | null;
}

export interface Participation extends ParticipationInput {
  id: string;
  providerId?: string;
  retakes: ExamAttempt[];
  version: number;
}

export interface ParticipationRow {
  id: string;
  cprMasked: string;
  fagkode: string;
  goalTitle: string;
  startDate: string;
  endDate: string | null;
  status: ParticipationStatus;
  group: Group | null;
  resultatProevebelagt: number | null;
  resultatIkkeProevebelagt: number | null;
  ejRelevant: boolean;
  errors: number;
  warnings: number;
  version: number;
}

export interface GroupDecision {
  value: Group | null;
  because: Finding[];
}

export interface HistoryEntry {
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
}

export interface ParticipationDetail {
  participation: Participation;
  group: GroupDecision;
  findings: Finding[];
  history: HistoryEntry[];
}

export interface CheckResult {
  group: GroupDecision;
  findings: Finding[];
}

export type Change = "new" | "changed" | "unchanged" | "removed";

export interface ReportSummary {
  id: string;
  number: number;
  quarter: string;
  createdAt: string;
  createdBy: string;
  rows: number;
  counts: Record<Change, number>;
}

export type ReportRow = Record<string, unknown>;

export interface ReportDetail extends Omit<ReportSummary, "rows"> {
  /** docs/api.md names both the count (ReportSummary) and the rows (ReportDetail) `rows`: accept either. */
  rows: ReportRow[] | number;
  rowCount?: number;
  window: { from: string; to: string; quarters: (string | { year: number; q: number })[] };
  /** One entry per report row; `id` is the participation (or `key` = "participationId|recordType|seq"). */
  diff: { id?: string; key?: string; change: Change; fields?: string[]; leftWindow?: boolean }[];
  /** Participations left out, with the reason (a text or an info finding). */
  excluded: { id: string; reason: string | Texts | Finding }[];
  /** Participations in scope whose errors block building the report (preview only). */
  blocking?: ({ id: string; findings: Finding[] } | Finding)[];
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  findings?: Finding[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  get findings(): Finding[] {
    return this.problem.findings ?? [];
  }
}

let onUnauthorized: () => void = () => {};
/** The app registers what happens when the session is gone (back to the login page). */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}
/** For requests made without `api` (a `text/csv` upload, web/src/upload.tsx): the session is gone. */
export const notifyUnauthorized = (): void => onUnauthorized();

export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, "Content-Type": "application/json" };
  }
  const res = await fetch(path, init);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === "object" ? { status: res.status, ...(data as Partial<Problem>) } : { status: res.status, title: res.statusText };
    if (res.status === 401 && !path.startsWith("/api/auth/login") && !path.startsWith("/api/auth/me")) onUnauthorized();
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>("GET", path, undefined, signal);
export const post = <T>(path: string, body?: unknown, signal?: AbortSignal) => api<T>("POST", path, body ?? {}, signal);
export const put = <T>(path: string, body: unknown) => api<T>("PUT", path, body);

export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}
