/**
 * Bench (issue 4): censor assignment for a term (dk-eksamen/censor-assignment.ts `assignCensors`) vs the maximum-flow
 * bound of the same instance computed in the same run by an independent algorithm (Dinic over source → exam (1) →
 * eligible censor (capacity) → sink, with the same § 27 eligibility). Targets: 100 % of the bound, under 10 s.
 *
 * Run alone: `npx tsx bench/eksamen.ts [--exams 50000] [--censors 3000] [--history 100000] [--seed 1] [--json]`;
 * `npm run bench` runs it in a process of its own.
 */
import { makeEligibility, assignCensors, type PlanCensor, type PlanExam } from "../src/rulebooks/dk-eksamen/censor-assignment.ts";
import type { CensorshipRecord } from "../src/rulebooks/dk-eksamen/censors.ts";
import type { Level } from "../src/rulebooks/dk-eksamen/model.ts";
import { addDays, type IsoDate } from "../src/kernel/time/date.ts";
import { measure } from "./lib/measure.ts";
import { isMain, numArg, prng } from "./lib/args.ts";

export interface EksamenOptions {
  exams: number;
  censors: number;
  history: number;
  seed: number;
}

export interface EksamenResult {
  exams: number;
  censors: number;
  history: number;
  assigned: number;
  bound: number;
  noEligible: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  boundSeconds: number;
}

const SUBJECTS = ["dansk", "engelsk", "matematik", "fysik", "kemi", "biologi", "historie", "samfundsfag", "tysk", "fransk", "spansk", "religion", "oldtidskundskab", "musik", "billedkunst", "idræt", "filosofi", "psykologi", "erhvervsøkonomi", "afsætning", "international økonomi", "virksomhedsøkonomi", "teknologi", "teknikfag", "informatik", "geografi", "naturgeografi", "mediefag", "dramatik", "design", "latin", "græsk", "kinesisk", "japansk", "russisk", "italiensk", "arabisk", "tyrkisk", "astronomi", "bioteknologi"];
const LEVELS: Level[] = ["A", "B", "C"];

/** A synthetic term: institutions, teachers (some of them censors), 2 years of censorship history. Deterministic. */
export function generateTerm(o: EksamenOptions): { exams: PlanExam[]; censors: PlanCensor[]; history: CensorshipRecord[] } {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const institutions = Array.from({ length: 300 }, (_, i) => `inst-${i}`);
  const teachers = Array.from({ length: Math.max(o.censors * 2, 6000) }, (_, i) => ({ id: `t-${i}`, inst: pick(institutions) }));
  // Censors are teachers at an institution (so they are not censors there), appointed for 1–3 subjects.
  const censors: PlanCensor[] = teachers.slice(0, o.censors).map((t) => ({
    id: t.id,
    employedAt: [t.inst],
    subjects: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ subject: pick(SUBJECTS), ...(rnd() < 0.5 ? { level: pick(LEVELS) } : {}) })),
    capacity: 8 + Math.floor(rnd() * 16),
  }));
  const termStart = "2026-05-04" as IsoDate;
  const exams: PlanExam[] = Array.from({ length: o.exams }, (_, i) => {
    const examiner = pick(teachers);
    return {
      id: `x-${i}`,
      institutionId: examiner.inst,
      examinerIds: [examiner.id],
      date: addDays(termStart, Math.floor(rnd() * 40)),
      subject: pick(SUBJECTS),
      level: pick(LEVELS),
    };
  });
  // Two years of history: censor c censored examiner e on a date in the two years before the term.
  const history: CensorshipRecord[] = Array.from({ length: o.history }, () => ({
    censorId: pick(censors).id,
    examinerIds: [pick(teachers).id],
    date: addDays(termStart, -Math.floor(rnd() * 730)),
  }));
  return { exams, censors, history };
}

/**
 * The maximum number of exams that can get a censor: Dinic's maximum flow on the bipartite graph with the same
 * eligibility (subject/level appointment, capacity > 0, § 27 via makeEligibility). Independent of assignCensors'
 * greedy + augmenting-path method, so agreement is a check, not a tautology.
 */
export function maxFlowBound(exams: readonly PlanExam[], censors: readonly PlanCensor[], history: readonly CensorshipRecord[]): number {
  const eligible = makeEligibility(history);
  const nE = exams.length;
  const nC = censors.length;
  const S = nE + nC;
  const T = S + 1;
  const N = T + 1;
  const from: number[] = [];
  const to: number[] = [];
  const cap: number[] = [];
  const add = (u: number, v: number, c: number) => {
    from.push(u, v);
    to.push(v, u);
    cap.push(c, 0);
  };
  for (let x = 0; x < nE; x++) add(S, x, 1);
  // Censors by appointed subject (a subject without a level covers every level).
  const bySubject = new Map<string, number[]>();
  censors.forEach((ce, c) => {
    if (ce.capacity <= 0) return;
    for (const s of new Set(ce.subjects.map((s) => s.subject))) {
      const list = bySubject.get(s);
      if (list === undefined) bySubject.set(s, [c]);
      else list.push(c);
    }
  });
  for (let x = 0; x < nE; x++) {
    const ex = exams[x]!;
    for (const c of bySubject.get(ex.subject) ?? []) {
      const ce = censors[c]!;
      if (!ce.subjects.some((s) => s.subject === ex.subject && (s.level === undefined || s.level === ex.level))) continue;
      if (eligible(ce, ex)) add(x, nE + c, 1);
    }
  }
  for (let c = 0; c < nC; c++) add(nE + c, T, Math.max(0, Math.floor(censors[c]!.capacity)));
  // Compressed adjacency.
  const M = to.length;
  const start = new Int32Array(N + 1);
  for (let e = 0; e < M; e++) start[from[e]! + 1]!++;
  for (let i = 0; i < N; i++) start[i + 1]! += start[i]!;
  const adj = new Int32Array(M);
  const fill = start.slice(0, N);
  for (let e = 0; e < M; e++) adj[fill[from[e]!]!++] = e;
  const capA = Int32Array.from(cap);
  const toA = Int32Array.from(to);
  const level = new Int32Array(N);
  const it = new Int32Array(N);
  const queue = new Int32Array(N);
  let flow = 0;
  for (;;) {
    level.fill(-1);
    level[S] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = S;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let i = start[u]!; i < start[u + 1]!; i++) {
        const e = adj[i]!;
        if (capA[e]! > 0 && level[toA[e]!] === -1) {
          level[toA[e]!] = level[u]! + 1;
          queue[qt++] = toA[e]!;
        }
      }
    }
    if (level[T] === -1) return flow;
    for (let i = 0; i < N; i++) it[i] = start[i]!;
    // Blocking flow by iterative DFS (unit paths: every S→exam edge has capacity 1).
    const stackV = new Int32Array(N);
    const stackE = new Int32Array(N);
    for (;;) {
      let sp = 0;
      stackV[0] = S;
      let reached = false;
      while (sp >= 0) {
        const u = stackV[sp]!;
        if (u === T) {
          reached = true;
          break;
        }
        let advanced = false;
        for (; it[u]! < start[u + 1]!; it[u]!++) {
          const e = adj[it[u]!]!;
          const v = toA[e]!;
          if (capA[e]! > 0 && level[v] === level[u]! + 1) {
            stackE[sp] = e;
            stackV[++sp] = v;
            advanced = true;
            break;
          }
        }
        if (!advanced) {
          level[u] = -1; // dead end in this phase
          sp--;
          if (sp >= 0) it[stackV[sp]!]!++;
        }
      }
      if (!reached) break;
      for (let i = 0; i < sp; i++) {
        const e = stackE[i]!;
        capA[e]!--;
        capA[e ^ 1]!++;
      }
      flow++;
    }
  }
}

export async function runEksamenBench(o: EksamenOptions): Promise<EksamenResult> {
  const term = generateTerm(o);
  const m = await measure(async () => assignCensors(term.exams, term.censors, term.history));
  const plan = m.value.value;
  const t0 = performance.now();
  const bound = maxFlowBound(term.exams, term.censors, term.history);
  const boundSeconds = (performance.now() - t0) / 1000;
  return {
    exams: o.exams,
    censors: o.censors,
    history: o.history,
    assigned: plan.assigned.size,
    bound,
    noEligible: plan.unassigned.filter((u) => u.reason === "no-eligible-censor").length,
    seconds: m.seconds,
    cpuSeconds: m.cpuSeconds,
    maxRssMiB: m.maxRssMiB,
    boundSeconds,
  };
}

export function eksamenLines(r: EksamenResult): string[] {
  const pct = r.bound === 0 ? 100 : (100 * r.assigned) / r.bound;
  const ok = (b: boolean) => (b ? "ok" : "MISSED");
  return [
    `eksamen  censor assignment: ${r.exams.toLocaleString("en")} exams, ${r.censors.toLocaleString("en")} censors, ${r.history.toLocaleString("en")} history records`,
    `eksamen    assignCensors          ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), peak RSS ${Math.round(r.maxRssMiB)} MiB   target < 10 s   ${ok(r.seconds < 10)}`,
    `eksamen    assigned vs max flow   ${r.assigned.toLocaleString("en")} / ${r.bound.toLocaleString("en")} = ${pct.toFixed(2)} %   target 100 %   ${ok(r.assigned === r.bound)}   (Dinic bound in ${r.boundSeconds.toFixed(2)} s; ${r.noEligible.toLocaleString("en")} exams have no eligible censor)`,
  ];
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const o: EksamenOptions = { exams: numArg(argv, "exams", 50_000), censors: numArg(argv, "censors", 3_000), history: numArg(argv, "history", 100_000), seed: numArg(argv, "seed", 1) };
  const r = await runEksamenBench(o);
  process.stdout.write(argv.includes("--json") ? JSON.stringify(r) + "\n" : eksamenLines(r).join("\n") + "\n");
}
