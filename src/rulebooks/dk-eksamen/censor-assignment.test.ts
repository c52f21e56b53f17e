import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../kernel/time/date.ts";
import { assignCensors, makeEligibility, type PlanCensor, type PlanExam } from "./censor-assignment.ts";
import { censorEligibility, type CensorshipRecord } from "./censors.ts";

const exam = (id: string, inst: string, examiner: string, subject = "MAT", level: "A" | "B" | "C" = "A"): PlanExam => ({
  id,
  institutionId: inst,
  examinerIds: [examiner],
  date: "2025-06-10",
  subject,
  level,
});
const censor = (id: string, employedAt: string, capacity: number, subjects = [{ subject: "MAT" }]): PlanCensor => ({ id, employedAt: [employedAt], subjects, capacity });

describe("censor assignment for a term (§ 27)", () => {
  it("assigns within § 27 and explains the exams left over", () => {
    const exams = [exam("x1", "A", "e1"), exam("x2", "A", "e2"), exam("x3", "B", "e3"), exam("x4", "B", "e4", "FYS")];
    const censors = [censor("c1", "B", 1), censor("c2", "A", 1)];
    const history: CensorshipRecord[] = [{ censorId: "c1", examinerIds: ["e2"], date: "2024-05-01" }];
    const d = assignCensors(exams, censors, history);
    // c1 (employed at B) can take x1 only (x2 is a repetition for e2); c2 (employed at A) takes x3.
    expect([...d.value.assigned]).toEqual([
      ["x1", "c1"],
      ["x3", "c2"],
    ]);
    expect(d.value.unassigned).toEqual([
      { examId: "x2", reason: "no-eligible-censor" },
      { examId: "x4", reason: "no-eligible-censor" },
    ]);
    expect(d.because[0]).toMatchObject({ rule: "eksamen.assign.summary", value: 2, cite: { ref: "§ 27, stk. 1" } });
    // Under the "mutual" reading the repetition is allowed, but c1 has room for one exam only.
    const m = assignCensors(exams, censors, history, { reading: "mutual" });
    expect(m.value.assigned.size).toBe(2);
    expect(m.value.unassigned.map((u) => u.reason).sort()).toEqual(["capacity", "no-eligible-censor"]);
  });

  it("reassigns along an augmenting path where the greedy start blocks an exam", () => {
    // Candidates: x0 {c1, c2}, x1 {c0, c1, c2}, x2 {c0, c1}, x3 {c0}; c2 has room for 2.
    // Greedy: x3 → c0, x0 → c1, x2 blocked, x1 → c2 (3). Augmenting: x2 → c1, x0 moves to c2 (4).
    const exams = ["S0", "S1", "S2", "S3"].map((s, i) => exam(`x${i}`, "I", `e${i}`, s));
    const censors = [
      censor("c0", "Z", 1, [{ subject: "S1" }, { subject: "S2" }, { subject: "S3" }]),
      censor("c1", "Z", 1, [{ subject: "S0" }, { subject: "S1" }, { subject: "S2" }]),
      censor("c2", "Z", 2, [{ subject: "S0" }, { subject: "S1" }]),
    ];
    expect(assignCensors(exams, censors, [], { augment: false }).value.assigned.size).toBe(3);
    const d = assignCensors(exams, censors, []);
    expect(Object.fromEntries(d.value.assigned)).toEqual({ x0: "c2", x1: "c2", x2: "c1", x3: "c0" });
    expect(d.value.unassigned).toEqual([]);
  });

  it("spreads the load over the censors", () => {
    const exams = Array.from({ length: 6 }, (_, i) => exam(`x${i}`, "I", `e${i}`));
    const censors = [censor("c1", "Z", 10), censor("c2", "Z", 10), censor("c3", "Z", 10)];
    const d = assignCensors(exams, censors, []);
    expect([...d.value.load.values()]).toEqual([2, 2, 2]);
  });

  it("a level-specific subject entry covers only that level", () => {
    const d = assignCensors([exam("x1", "I", "e1", "MAT", "B")], [censor("c1", "Z", 1, [{ subject: "MAT", level: "A" } as { subject: string }])], []);
    expect(d.value.unassigned).toEqual([{ examId: "x1", reason: "no-eligible-censor" }]);
  });

  const ids = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);
  const SUBJECTS = ["S0", "S1", "S2", "S3", "S4"];
  const instance = fc.record({
    exams: fc.array(fc.record({ inst: fc.constantFrom("I0", "I1", "I2"), examiner: fc.constantFrom(...ids("e", 4)), subject: fc.constantFrom(...SUBJECTS) }), { maxLength: 7 }),
    censors: fc.array(fc.record({ inst: fc.constantFrom("I0", "I1", "I2"), capacity: fc.integer({ min: 0, max: 3 }), subjects: fc.subarray(SUBJECTS, { minLength: 1 }) }), { minLength: 1, maxLength: 4 }),
    history: fc.array(fc.record({ c: fc.integer({ min: 0, max: 3 }), e: fc.constantFrom(...ids("e", 4)), back: fc.integer({ min: 0, max: 900 }), reverse: fc.boolean() }), { maxLength: 6 }),
  });
  const build = (inst: { exams: { inst: string; examiner: string; subject: string }[]; censors: { inst: string; capacity: number; subjects: string[] }[]; history: { c: number; e: string; back: number; reverse: boolean }[] }) => {
    const exams = inst.exams.map((x, i) => ({ id: `x${i}`, institutionId: x.inst, examinerIds: [x.examiner], date: "2025-06-10", subject: x.subject }));
    const censors = inst.censors.map((c, i) => ({ id: `c${i}`, employedAt: [c.inst], subjects: c.subjects.map((subject) => ({ subject })), capacity: c.capacity }));
    const history: CensorshipRecord[] = inst.history.map((h) =>
      h.reverse ? { censorId: h.e, examinerIds: [`c${h.c}`], date: addDays("2025-06-10", -h.back) } : { censorId: `c${h.c}`, examinerIds: [h.e], date: addDays("2025-06-10", -h.back) },
    );
    return { exams, censors, history };
  };

  it("property: the indexed pair check agrees with censorEligibility", () => {
    fc.assert(
      fc.property(instance, fc.constantFrom("repeated-or-mutual" as const, "mutual" as const), (raw, reading) => {
        const { exams, censors, history } = build(raw);
        const ok = makeEligibility(history, reading);
        for (const x of exams) for (const c of censors) expect(ok(c, x)).toBe(censorEligibility(c, x, history, { reading }).value);
      }),
    );
  });

  it("property: every assignment is allowed, within capacity, and as large as brute force finds", () => {
    fc.assert(
      fc.property(instance, (raw) => {
        const { exams, censors, history } = build(raw);
        const d = assignCensors(exams, censors, history);
        const ok = makeEligibility(history);
        const cand = exams.map((x) => censors.map((c, i) => [c, i] as const).filter(([c]) => c.subjects.some((s) => s.subject === x.subject) && ok(c, x)).map(([, i]) => i));
        for (const [xid, cid] of d.value.assigned) {
          const xi = exams.findIndex((x) => x.id === xid);
          expect(cand[xi]).toContain(censors.findIndex((c) => c.id === cid));
        }
        censors.forEach((c) => expect(d.value.load.get(c.id)! <= c.capacity).toBe(true));
        // brute force maximum
        const left = censors.map((c) => c.capacity);
        const best = (i: number): number => {
          if (i === exams.length) return 0;
          let b = best(i + 1);
          for (const c of cand[i]!) {
            if (left[c]! > 0) {
              left[c]!--;
              b = Math.max(b, 1 + best(i + 1));
              left[c]!++;
            }
          }
          return b;
        };
        expect(d.value.assigned.size).toBe(best(0));
        expect(d.value.assigned.size + d.value.unassigned.length).toBe(exams.length);
      }),
      { numRuns: 300 },
    );
  });

  it("property: on larger tight instances the assignment is as large as an independent maximum flow", () => {
    // Kuhn's algorithm for b-matching from scratch (no greedy start, depth-first), over makeEligibility: the maximum.
    const maximum = (exams: PlanExam[], censors: PlanCensor[], history: CensorshipRecord[]): number => {
      const ok = makeEligibility(history);
      const cand = exams.map((x) => censors.flatMap((c, i) => (c.subjects.some((s) => s.subject === x.subject) && c.capacity > 0 && ok(c, x) ? [i] : [])));
      const held: number[][] = censors.map(() => []);
      let size = 0;
      for (let x = 0; x < exams.length; x++) {
        const seen = new Set<number>();
        const tryExam = (ex: number): boolean => {
          for (const c of cand[ex]!) {
            if (seen.has(c)) continue;
            seen.add(c);
            if (held[c]!.length < censors[c]!.capacity) {
              held[c]!.push(ex);
              return true;
            }
            for (let k = 0; k < held[c]!.length; k++) {
              const other = held[c]![k]!;
              if (tryExam(other)) {
                held[c]![k] = ex;
                return true;
              }
            }
          }
          return false;
        };
        if (tryExam(x)) size++;
      }
      return size;
    };
    const big = fc.record({
      exams: fc.array(fc.record({ inst: fc.constantFrom("I0", "I1", "I2", "I3"), examiner: fc.constantFrom(...ids("e", 10)), subject: fc.constantFrom(...SUBJECTS) }), { minLength: 20, maxLength: 80 }),
      censors: fc.array(fc.record({ inst: fc.constantFrom("I0", "I1", "I2", "I3"), capacity: fc.integer({ min: 0, max: 6 }), subjects: fc.subarray(SUBJECTS, { minLength: 1, maxLength: 2 }) }), { minLength: 3, maxLength: 12 }),
      history: fc.array(fc.record({ c: fc.integer({ min: 0, max: 11 }), e: fc.constantFrom(...ids("e", 10)), back: fc.integer({ min: 0, max: 900 }), reverse: fc.boolean() }), { maxLength: 30 }),
    });
    let beatGreedy = 0;
    fc.assert(
      fc.property(big, (raw) => {
        const { exams, censors, history } = build(raw);
        const d = assignCensors(exams, censors, history);
        expect(d.value.assigned.size).toBe(maximum(exams, censors, history));
        const load = new Map<string, number>();
        for (const c of d.value.assigned.values()) load.set(c, (load.get(c) ?? 0) + 1);
        censors.forEach((c) => expect(load.get(c.id) ?? 0).toBeLessThanOrEqual(c.capacity));
        if (assignCensors(exams, censors, history, { augment: false }).value.assigned.size < d.value.assigned.size) beatGreedy++;
      }),
      { numRuns: 300 },
    );
    // The instances are tight enough that the augmenting phases matter in some of them.
    expect(beatGreedy).toBeGreaterThan(0);
  });
});
