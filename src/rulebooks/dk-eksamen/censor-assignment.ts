/**
 * Censor assignment for a term (issue 4, "Censor assignment"): give every exam that can have one a censor allowed by
 * § 27 (not employed at the institution; no repeated or mutual censorship within 2 years, in the chosen reading), who
 * covers the subject and level and has capacity left; spread the load; list every exam left without a censor and why.
 *
 * Method: the § 27 exclusions are read from the history indexed by examiner, so each exam's candidates come from its
 * subject's censors minus a small forbidden set (no lookup per censor–exam pair); a greedy start (exams with the
 * fewest candidates first, each to the least-loaded candidate) spreads the load; then Hopcroft–Karp phases for
 * b-matching (`augmentToMaximum`) grow it until no augmenting path is left. By Berge's theorem the number assigned is
 * then the maximum flow of source → exam (1) → eligible censor (capacity) → sink. The tests check this against brute
 * force and an independent maximum-flow computation; `npm run bench` against Dinic's algorithm at 50,000 exams.
 *
 * Pure: plain data in, plain data out. `makeEligibility` is the pair check as an index over the history (tested to agree
 * with `censorEligibility`).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { censorshipWindowStart, type CensorshipRecord, type Section27Reading } from "./censors.ts";
import type { Level } from "./model.ts";
import { f002 } from "./procedure.ts";

export interface PlanExam {
  id: string;
  institutionId: string;
  examinerIds: readonly string[];
  date: IsoDate;
  subject: string;
  level?: Level;
}

export interface PlanCensor {
  id: string;
  employedAt: readonly string[];
  /** Subjects (and levels) the censor is appointed for; a subject without a level covers every level. */
  subjects: readonly { subject: string; level?: Level }[];
  /** Maximum number of exams in the term. */
  capacity: number;
}

export interface CensorPlan {
  /** exam id → censor id */
  assigned: Map<string, string>;
  /** censor id → number of exams */
  load: Map<string, number>;
  unassigned: { examId: string; reason: "no-eligible-censor" | "capacity" }[];
}

const subjectKey = (subject: string, level?: Level) => `${subject}\u0000${level ?? ""}`;

/** Whether any date in the sorted list lies in [from, to]. */
function anyIn(dates: readonly IsoDate[], from: IsoDate, to: IsoDate): boolean {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < dates.length && dates[lo]! <= to;
}

/** The § 27 pair check over an index of the history (same outcome as `censorEligibility` without special circumstances). */
export function makeEligibility(history: readonly CensorshipRecord[], reading: Section27Reading = "repeated-or-mutual") {
  // pair "censor→examiner" → sorted dates on which the censor censored that examiner
  const pairs = new Map<string, IsoDate[]>();
  for (const r of history) {
    for (const e of r.examinerIds) {
      const k = `${r.censorId}\u0000${e}`;
      const list = pairs.get(k);
      if (list === undefined) pairs.set(k, [r.date]);
      else list.push(r.date);
    }
  }
  for (const list of pairs.values()) list.sort();
  const censored = (censorId: string, examinerId: string, from: IsoDate, to: IsoDate) => {
    const list = pairs.get(`${censorId}\u0000${examinerId}`);
    return list !== undefined && anyIn(list, from, to);
  };
  const windowStart = new Map<IsoDate, IsoDate>();
  return (censor: Pick<PlanCensor, "id" | "employedAt">, exam: Pick<PlanExam, "institutionId" | "examinerIds" | "date">): boolean => {
    if (censor.employedAt.includes(exam.institutionId)) return false;
    if (exam.examinerIds.includes(censor.id)) return false;
    let from = windowStart.get(exam.date);
    if (from === undefined) windowStart.set(exam.date, (from = censorshipWindowStart(exam.date)));
    for (const e of exam.examinerIds) {
      if (censored(e, censor.id, from, exam.date)) return false; // mutual
      if (reading === "repeated-or-mutual" && censored(censor.id, e, from, exam.date)) return false; // repeated
    }
    return true;
  };
}

/**
 * Grows a matching of exams to censors (censor c takes at most cap[c] exams) to a maximum one, in phases
 * (Hopcroft–Karp for b-matching): a breadth-first search from every exam without a censor at once over alternating
 * paths (exam → candidate censor → an exam that censor holds → …) finds the shortest augmenting length; a depth-first
 * search along those layers then augments as many disjoint paths as it can. A phase with no path ends it: by Berge's
 * theorem the matching is then maximum (the maximum flow source → exam (1) → censor (cap) → sink).
 * O(E·√V), where the previous one-search-per-exam method took a full search for every exam that cannot be assigned.
 */
function augmentToMaximum(candidates: readonly number[][], cap: readonly number[], match: Int32Array, load: Int32Array): void {
  const nE = candidates.length;
  const nC = cap.length;
  // holders of each censor, as a list we can swap-remove from
  const holders: number[][] = Array.from({ length: nC }, () => []);
  const pos = new Int32Array(nE).fill(-1);
  for (let x = 0; x < nE; x++) {
    const c = match[x]!;
    if (c !== -1) {
      pos[x] = holders[c]!.length;
      holders[c]!.push(x);
    }
  }
  const take = (c: number, x: number) => {
    pos[x] = holders[c]!.length;
    holders[c]!.push(x);
  };
  const release = (c: number, x: number) => {
    const h = holders[c]!;
    const i = pos[x]!;
    const last = h.pop()!;
    if (last !== x) {
      h[i] = last;
      pos[last] = i;
    }
    pos[x] = -1;
  };
  const distE = new Int32Array(nE);
  const distC = new Int32Array(nC);
  const queue = new Int32Array(nE);
  const next = new Int32Array(nE); // per exam: the next candidate index to try in this phase
  const nextHolder = new Int32Array(nC); // per censor: the next holder to try in this phase
  const INF = 0x3fffffff;
  for (;;) {
    // BFS layers from all free exams.
    distE.fill(INF);
    distC.fill(INF);
    let qh = 0;
    let qt = 0;
    for (let x = 0; x < nE; x++) if (match[x] === -1 && candidates[x]!.length > 0) {
      distE[x] = 0;
      queue[qt++] = x;
    }
    let limit = INF;
    while (qh < qt) {
      const x = queue[qh++]!;
      if (distE[x]! >= limit) break;
      for (const c of candidates[x]!) {
        if (c === match[x] || distC[c] !== INF) continue;
        distC[c] = distE[x]! + 1;
        if (load[c]! < cap[c]!) {
          limit = distC[c]!; // a free censor: the shortest augmenting length
          continue;
        }
        for (const y of holders[c]!) {
          if (distE[y] === INF) {
            distE[y] = distC[c]! + 1;
            queue[qt++] = y;
          }
        }
      }
    }
    if (limit === INF) return;
    // DFS along the layers from each free exam (iterative; the path alternates exam, censor, exam, …). Pointers per
    // exam (next candidate) and per censor (next holder) make each edge tried at most once per phase; a vertex whose
    // edges are used up is a dead end for the rest of the phase.
    next.fill(0);
    nextHolder.fill(0);
    let augmented = 0;
    const pathE: number[] = [];
    const pathC: number[] = [];
    for (let root = 0; root < nE; root++) {
      if (match[root] !== -1 || distE[root] !== 0) continue;
      pathE.length = 0;
      pathC.length = 0;
      pathE.push(root);
      let done = false;
      while (pathE.length > 0 && !done) {
        const x = pathE[pathE.length - 1]!;
        const cs = candidates[x]!;
        let moved = false;
        while (next[x]! < cs.length) {
          const c = cs[next[x]!]!;
          if (c === match[x] || distC[c] !== distE[x]! + 1) {
            next[x]!++;
            continue;
          }
          if (distC[c] === limit) {
            if (load[c]! < cap[c]!) {
              // augment: c takes the last exam; each earlier exam on the path takes the censor after it
              pathC.push(c);
              load[c]!++;
              for (let i = pathE.length - 1; i >= 0; i--) {
                const ex = pathE[i]!;
                const old = match[ex]!;
                if (old !== -1) release(old, ex);
                match[ex] = pathC[i]!;
                take(pathC[i]!, ex);
              }
              if (load[c]! >= cap[c]!) distC[c] = INF;
              done = true;
              moved = true;
              break;
            }
            next[x]!++;
            continue;
          }
          // c is full: go on through an exam it holds on the next layer
          const hs = holders[c]!;
          let y = -1;
          while (nextHolder[c]! < hs.length) {
            const h = hs[nextHolder[c]!]!;
            if (distE[h] === distC[c]! + 1) {
              y = h;
              break;
            }
            nextHolder[c]!++;
          }
          if (y === -1) {
            distC[c] = INF; // dead end
            next[x]!++;
            continue;
          }
          pathC.push(c);
          pathE.push(y);
          moved = true;
          break;
        }
        if (!moved) {
          distE[x] = INF; // dead end in this phase
          pathE.pop();
          if (pathC.length > 0) {
            const c = pathC.pop()!;
            nextHolder[c]!++; // that holder led nowhere
          }
        }
      }
      if (done) augmented++;
    }
    if (augmented === 0) return;
  }
}

/**
 * Assigns censors to the exams of a term (§ 27, stk. 1: "Ved fordeling af censorarbejdet, skal det sikres, at der ikke
 * forekommer individuel gentagen og gensidig censur inden for en samlet periode på 2 år"). Findings: one summary, and
 * one warning per exam left without a censor with the reason.
 */
export function assignCensors(
  exams: readonly PlanExam[],
  censors: readonly PlanCensor[],
  history: readonly CensorshipRecord[],
  options: { reading?: Section27Reading; /** false: the greedy start only (for tests and comparison). */ augment?: boolean } = {},
): Decision<CensorPlan> {
  const reading = options.reading ?? "repeated-or-mutual";
  const bySubject = new Map<string, number[]>();
  censors.forEach((c, i) => {
    for (const s of c.subjects) {
      const k = subjectKey(s.subject, s.level);
      const list = bySubject.get(k);
      if (list === undefined) bySubject.set(k, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });
  const cap = censors.map((c) => Math.max(0, Math.floor(c.capacity)));
  const censorIndex = new Map(censors.map((c, i) => [c.id, i]));
  // § 27 through the history, indexed by examiner: `censoredBy[e]` = (censor, date) where that censor censored e
  // (a repeat if he censors e again); `censoredByExaminer[e]` = (person, date) where e censored that person (mutual).
  // Same outcome as makeEligibility / censorEligibility (tested to agree), without a lookup per (censor, exam) pair.
  const censoredBy = new Map<string, { c: number; date: IsoDate }[]>();
  const censoredByExaminer = new Map<string, { c: number; date: IsoDate }[]>();
  const push = (m: Map<string, { c: number; date: IsoDate }[]>, k: string, v: { c: number; date: IsoDate }) => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [v]);
    else list.push(v);
  };
  for (const r of history) {
    const rc = censorIndex.get(r.censorId);
    for (const e of r.examinerIds) {
      if (rc !== undefined) push(censoredBy, e, { c: rc, date: r.date });
      const ec = censorIndex.get(e);
      if (ec !== undefined) push(censoredByExaminer, r.censorId, { c: ec, date: r.date });
    }
  }
  const windowStart = new Map<IsoDate, IsoDate>();
  const forbidden = new Set<number>();
  // candidates[x] = indices of censors eligible for exam x
  const candidates: number[][] = exams.map((x) => {
    forbidden.clear();
    let from = windowStart.get(x.date);
    if (from === undefined) windowStart.set(x.date, (from = censorshipWindowStart(x.date)));
    for (const e of x.examinerIds) {
      const self = censorIndex.get(e);
      if (self !== undefined) forbidden.add(self); // an examiner does not censor his own exam
      for (const h of censoredByExaminer.get(e) ?? []) if (h.date >= from && h.date <= x.date) forbidden.add(h.c); // mutual
      if (reading === "repeated-or-mutual") for (const h of censoredBy.get(e) ?? []) if (h.date >= from && h.date <= x.date) forbidden.add(h.c); // repeated
    }
    const seen = new Set<number>();
    const out: number[] = [];
    for (const k of [subjectKey(x.subject, x.level), subjectKey(x.subject)]) {
      for (const i of bySubject.get(k) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        if (cap[i]! > 0 && !forbidden.has(i) && !censors[i]!.employedAt.includes(x.institutionId)) out.push(i);
      }
    }
    return out;
  });
  const match = new Int32Array(exams.length).fill(-1); // exam → censor
  const load = new Int32Array(censors.length);

  // Greedy start: fewest candidates first, least-loaded candidate (ties: lower index) — spreads the load.
  const order = exams.map((_, i) => i).sort((a, b) => candidates[a]!.length - candidates[b]!.length || a - b);
  for (const x of order) {
    let best = -1;
    for (const c of candidates[x]!) {
      if (load[c]! >= cap[c]!) continue;
      if (best === -1 || load[c]! < load[best]!) best = c;
    }
    if (best !== -1) {
      match[x] = best;
      load[best]!++;
    }
  }
  if (options.augment !== false) augmentToMaximum(candidates, cap, match, load);
  const assigned = new Map<string, string>();
  const loadMap = new Map<string, number>();
  censors.forEach((c, i) => loadMap.set(c.id, load[i]!));
  const unassigned: CensorPlan["unassigned"] = [];
  const fs: Finding[] = [];
  exams.forEach((x, i) => {
    const m = match[i]!;
    if (m !== -1) {
      assigned.set(x.id, censors[m]!.id);
      return;
    }
    const reason = candidates[i]!.length === 0 ? "no-eligible-censor" : "capacity";
    unassigned.push({ examId: x.id, reason });
    fs.push(
      reason === "no-eligible-censor"
        ? f002("assign.no-eligible-censor", "warning", "§ 27, stk. 1", `Exam ${x.id}: no censor for ${x.subject}${x.level ? ` ${x.level}` : ""} is allowed (employed at ${x.institutionId}, or repeated/mutual censorship within 2 years).`, `Prøve ${x.id}: ingen censor i ${x.subject}${x.level ? ` ${x.level}` : ""} må bruges (ansat på ${x.institutionId}, eller gentagen/gensidig censur inden for 2 år).`, "examId", x.id)
        : f002("assign.capacity", "warning", "§ 27, stk. 1", `Exam ${x.id}: every allowed censor is at capacity, and no reassignment frees one.`, `Prøve ${x.id}: alle censorer, der må bruges, er fuldt belagt, og ingen omfordeling frigør en.`, "examId", x.id),
    );
  });
  fs.unshift(
    f002("assign.summary", "info", "§ 27, stk. 1", `${assigned.size} of ${exams.length} exams have a censor (the maximum possible under § 27 and the capacities).`, `${assigned.size} af ${exams.length} prøver har fået censor (det størst mulige efter § 27 og kapaciteterne).`, "assigned", assigned.size),
  );
  return decision({ assigned, load: loadMap, unassigned }, fs);
}
