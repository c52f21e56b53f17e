/**
 * Censor assignment for a term (issue 4, "Censor assignment"): give every exam that can have one a censor allowed by
 * § 27 (not employed at the institution; no repeated or mutual censorship within 2 years, in the chosen reading), who
 * covers the subject and level and has capacity left; spread the load; list every exam left without a censor and why.
 *
 * Method: a greedy start (exams with the fewest candidates first, each to the least-loaded candidate), then one
 * augmenting-path search (Kuhn's algorithm for b-matching) from every exam still without a censor. An exam for which no
 * augmenting path exists can never get one while the others keep theirs (Berge), so the number assigned is the maximum
 * flow of source → exam (1) → eligible censor (capacity) → sink. The tests check this against brute force.
 *
 * Pure: plain data in, plain data out. The pair check is an indexed version of `censorEligibility` (tested to agree).
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
  const eligible = makeEligibility(history, options.reading);
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
  // candidates[x] = indices of censors eligible for exam x
  const candidates: number[][] = exams.map((x) => {
    const seen = new Set<number>();
    const out: number[] = [];
    for (const k of [subjectKey(x.subject, x.level), subjectKey(x.subject)]) {
      for (const i of bySubject.get(k) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        if (cap[i]! > 0 && eligible(censors[i]!, x)) out.push(i);
      }
    }
    return out;
  });
  const match = new Int32Array(exams.length).fill(-1); // exam → censor
  const load = new Int32Array(censors.length);
  const holders: number[][] = censors.map(() => []); // censor → exams

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
      holders[best]!.push(x);
    }
  }

  // Augmenting paths (BFS over exam → censor → an exam that censor holds → …) for each exam still without a censor.
  const seenCensor = new Int32Array(censors.length).fill(-1);
  const parentExam = new Int32Array(censors.length); // censor reached from this exam
  for (const x of options.augment === false ? [] : order) {
    if (match[x] !== -1 || candidates[x]!.length === 0) continue;
    const queue: number[] = [x];
    let found = -1;
    for (let qi = 0; qi < queue.length && found === -1; qi++) {
      const ex = queue[qi]!;
      for (const c of candidates[ex]!) {
        if (seenCensor[c] === x) continue;
        seenCensor[c] = x;
        parentExam[c] = ex;
        if (load[c]! < cap[c]!) {
          found = c;
          break;
        }
        for (const held of holders[c]!) queue.push(held);
      }
    }
    if (found === -1) continue;
    // Walk back: censor `found` takes exam parentExam[found]; that exam's old censor takes its parent, and so on.
    let c = found;
    load[c]!++;
    for (;;) {
      const ex = parentExam[c]!;
      const old = match[ex]!;
      match[ex] = c;
      holders[c]!.push(ex);
      if (old === -1) break;
      const h = holders[old]!;
      h.splice(h.indexOf(ex), 1);
      c = old;
    }
  }

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
