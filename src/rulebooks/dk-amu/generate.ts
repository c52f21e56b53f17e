/**
 * Synthetic AMU participations for benchmarks, demo data and load tests. Deterministic (seeded PRNG) and streaming:
 * `generateParticipations` is a generator, so 1,000,000 rows never sit in memory at once.
 *
 * CPR numbers are synthetic: a random birth date (1950–2004) with a 7th digit that gives its century and a random
 * serial. They are well-formed; no effort is made to match anyone, and they must never be used outside test and demo
 * data.
 */
import type { Db } from "../../platform/db/connect.ts";
import { cprCentury } from "../../kernel/ids/cpr.ts";
import { addDays, daysInMonth, isoDate, type IsoDate } from "../../kernel/time/date.ts";
import { DEMO_CATALOGUE, goalByFagkode } from "./catalogue.ts";
import type { AmuGoal, ExamAttempt } from "./model.ts";
import { resultGroup } from "./rules.ts";
import { evaluate, versionData, type ParticipationInput } from "./service.ts";
import * as store from "./store.ts";

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const two = (n: number) => String(n).padStart(2, "0");

/** A synthetic, well-formed CPR number (10 digits) for a random birth date in [fromYear, toYear]. */
export function syntheticCpr(rng: Rng, fromYear = 1950, toYear = 2004): string {
  const y = int(rng, fromYear, toYear);
  const m = int(rng, 1, 12);
  const d = int(rng, 1, daysInMonth(y, m));
  const yy = y % 100;
  const sevenths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((s) => cprCentury(s, yy) + yy === y);
  const seventh = pick(rng, sevenths);
  return `${two(d)}${two(m)}${two(yy)}${seventh}${String(int(rng, 0, 999)).padStart(3, "0")}`;
}

export interface GenerateOptions {
  /** Goals to draw from (default: the demo catalogue without the IKV goals and the written-and-oral goal). */
  goals?: readonly AmuGoal[];
  /** Catalogue the groups are decided against (default: the demo catalogue). */
  catalogue?: readonly AmuGoal[];
  /** Start dates are drawn from [from, to] (default 2023-01-01 … 2025-12-31). */
  from?: IsoDate;
  to?: IsoDate;
  /** Share of participations with one or two retakes (default 0.03). */
  retakeRate?: number;
  /** Share not ended / never held (default 0.04 / 0.01). */
  notEndedRate?: number;
  neverHeldRate?: number;
  /** Share with a wrong result field (an error finding), for findings demos (default 0). */
  errorRate?: number;
}

export interface GeneratedParticipation {
  input: ParticipationInput;
  retakes: ExamAttempt[];
}

const DEFAULT_GOALS = DEMO_CATALOGUE.filter((g) => !["40080", "40081", "90007"].includes(g.fagkode));

function daysFrom(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Yields n participations, deterministic for a seed. Results are consistent with the group the rules decide on the
 * start date (group 1: ResultatProevebelagt 1/2/4/5/6, group 2: ResultatIkkeProevebelagt 1/3/4), so with errorRate 0
 * they carry no error findings.
 */
export function* generateParticipations(n: number, seed: number, opts: GenerateOptions = {}): Generator<GeneratedParticipation> {
  const rng = prng(seed);
  const goals = opts.goals ?? DEFAULT_GOALS;
  const catalogue = opts.catalogue ?? DEMO_CATALOGUE;
  const from = opts.from ?? "2023-01-01";
  const span = daysFrom(from, opts.to ?? "2025-12-31");
  const retakeRate = opts.retakeRate ?? 0.03;
  const notEnded = opts.notEndedRate ?? 0.04;
  const neverHeld = opts.neverHeldRate ?? 0.01;
  const errorRate = opts.errorRate ?? 0;
  for (let i = 0; i < n; i++) {
    const goal = pick(rng, goals);
    const startDate = addDays(from, int(rng, 0, span));
    const endDate = addDays(startDate, int(rng, 0, 9));
    const r = rng();
    const status: ParticipationInput["status"] = r < neverHeld ? "never-held" : r < neverHeld + notEnded ? "not-ended" : "ended";
    const input: ParticipationInput = {
      cpr: syntheticCpr(rng),
      fagkode: goal.fagkode,
      startDate,
      endDate: status === "ended" ? endDate : null,
      status,
      outsourcedTo: rng() < 0.05 ? "AMU-partner (demo)" : null,
      euEfteruddannelse: false,
      industryCertificate: false,
      emergencyTeaching: "none",
      forloebId: null,
      subCourses: [],
      resultatProevebelagt: null,
      resultatIkkeProevebelagt: null,
      ejRelevant: false,
      ikvCompetenceFagkoder: [],
    };
    const retakes: ExamAttempt[] = [];
    if (status === "ended") {
      const g = groupOf(input, catalogue);
      const x = rng();
      if (g === 1) {
        input.resultatProevebelagt = x < 0.8 ? 1 : x < 0.88 ? 4 : x < 0.95 ? 5 : x < 0.98 ? 2 : 6;
        if (input.resultatProevebelagt === 4 && rng() < retakeRate * 10) {
          retakes.push({ seq: 2, date: addDays(endDate, int(rng, 7, 40)), resultatProevebelagt: rng() < 0.7 ? 1 : 4, resultatIkkeProevebelagt: null });
        }
      } else {
        input.resultatIkkeProevebelagt = x < 0.85 ? 1 : x < 0.93 ? 3 : 4;
      }
      if (rng() < errorRate) {
        // the wrong field: group 1 in ResultatIkkeProevebelagt or the other way round (an error finding, §3)
        if (g === 1) [input.resultatProevebelagt, input.resultatIkkeProevebelagt] = [null, 1];
        else [input.resultatProevebelagt, input.resultatIkkeProevebelagt] = [1, null];
      }
    }
    yield { input, retakes };
  }
}

function groupOf(input: ParticipationInput, catalogue: readonly AmuGoal[]): 1 | 2 | null {
  const p = toParticipation(input, []);
  return resultGroup(p, goalByFagkode(catalogue, input.fagkode)).value;
}

export function toParticipation(input: ParticipationInput, retakes: ExamAttempt[], providerId = "", id = "") {
  return {
    id,
    providerId,
    outsourcedTo: input.outsourcedTo,
    cpr: input.cpr,
    fagkode: input.fagkode,
    startDate: input.startDate,
    endDate: input.endDate,
    status: input.status,
    euEfteruddannelse: input.euEfteruddannelse,
    industryCertificate: input.industryCertificate,
    emergencyTeaching: input.emergencyTeaching,
    forloebId: input.forloebId,
    subCourses: input.subCourses,
    resultatProevebelagt: input.resultatProevebelagt as 1 | 2 | 3 | 4 | 5 | 6 | null,
    resultatIkkeProevebelagt: input.resultatIkkeProevebelagt as 1 | 2 | 3 | 4 | null,
    ejRelevant: input.ejRelevant,
    retakes,
    ikvCompetenceFagkoder: input.ikvCompetenceFagkoder,
    version: 1,
    ...(input.writtenTaken != null ? { writtenTaken: input.writtenTaken } : {}),
    ...(input.oralTaken != null ? { oralTaken: input.oralTaken } : {}),
    ...(input.industryCertificateObtained != null ? { industryCertificateObtained: input.industryCertificateObtained } : {}),
  };
}

/** The header of the import layout for generated rows (import.ts). */
export const GENERATED_CSV_HEADER =
  "cpr;fagkode;startDate;endDate;status;outsourcedTo;resultatProevebelagt;resultatIkkeProevebelagt;retake1Date;retake1ResultatProevebelagt";

/** Streams generated participations as lines of an import file (header first, each line ending in CRLF). */
export function* generateCsvLines(n: number, seed: number, opts: GenerateOptions = {}): Generator<string> {
  yield GENERATED_CSV_HEADER + "\r\n";
  for (const { input: p, retakes } of generateParticipations(n, seed, opts)) {
    const r = retakes[0];
    yield [
      p.cpr,
      p.fagkode,
      p.startDate,
      p.endDate ?? "",
      p.status,
      p.outsourcedTo ?? "",
      p.resultatProevebelagt ?? "",
      p.resultatIkkeProevebelagt ?? "",
      r?.date ?? "",
      r?.resultatProevebelagt ?? "",
    ].join(";") + "\r\n";
  }
}

/**
 * Loads n generated participations straight into the store (findings computed by the rules, as an import would),
 * in batches, in one transaction per batch. Memory stays bounded by the batch size. Returns the number loaded.
 */
export async function loadGenerated(
  db: Db,
  institutionId: string,
  n: number,
  seed: number,
  opts: GenerateOptions & { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const k = store.amuKysely(db);
  const catalogue = opts.catalogue ?? (await store.listGoals(k, institutionId));
  const batchSize = opts.batchSize ?? 10_000;
  let batch: store.BulkParticipation[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    await k.transaction().execute((tx) => store.bulkInsertParticipations(tx, institutionId, items, { label: "generator", userId: null }, "generated", { batchSize }));
    done += items.length;
    opts.onProgress?.(done);
  };
  for (const g of generateParticipations(n, seed, { ...opts, catalogue })) {
    const p = toParticipation(g.input, g.retakes, institutionId);
    const ev = evaluate(p, catalogue);
    batch.push({
      data: versionData(p, ev),
      retakes: g.retakes.map((r) => ({
        date: r.date,
        resultatProevebelagt: r.resultatProevebelagt ?? null,
        resultatIkkeProevebelagt: r.resultatIkkeProevebelagt ?? null,
        writtenTaken: r.writtenTaken ?? null,
        oralTaken: r.oralTaken ?? null,
      })),
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return done;
}

/** A date in a quarter's month range (helper for demo data): year, month 1–12, day clamped to the month. */
export function dateIn(y: number, m: number, d: number): IsoDate {
  return isoDate(y, m, Math.min(d, daysInMonth(y, m)));
}
