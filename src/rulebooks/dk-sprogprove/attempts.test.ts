import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkAttemptNumbers,
  checkAttemptsComplete,
  checkDelprover,
  checkOneSprogparat,
  forcedLaterResults,
  sprogparatAttempt,
} from "./attempts.ts";
import { REF, type SprogproveResult, type Stage } from "./codes.ts";
import type { Attempt } from "./model.ts";
import { attempts, I, N, S } from "./testing.ts";

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe("only one attempt may be Sprogparat; every later attempt is Intet resultat (2.1, 2.2)", () => {
  // [stage, results of attempts 1.., expected rules]
  const rows: [Stage, (SprogproveResult | null)[], string[], string][] = [
    ["bhkl", [I, S, N, N], [], "2.1 example: sprogparat after 2. forsøg, 3. and 4. Intet resultat"],
    ["bhkl", [I, S, S, N], ["sprogprove.attempts.one-sprogparat"], "2.1: cannot be sprogparat in more attempts"],
    ["bhkl", [S, N, I, N], ["sprogprove.attempts.after-sprogparat"], "2.1: a later attempt after Sprogparat is Intet resultat"],
    ["bhkl", [I, I, I, I], [], "not passed: no rule on later attempts"],
    ["bhkl", [N, S, null, null], [], "empty later slots are a completeness gap, not this rule"],
    ["1-9", [S, N], [], "2.2: one Sprogparat, then Intet resultat"],
    ["1-9", [S, S], ["sprogprove.attempts.one-sprogparat"], "2.2: only one attempt Sprogparat"],
    ["1-9", [I, S, I], ["sprogprove.attempts.after-sprogparat"], "2.2: all later attempts Intet resultat"],
  ];
  it.each(rows)("%s %j → %j (%s)", (stage, results, expected) => {
    const fs = checkOneSprogparat(stage, attempts(...results));
    expect(rules(fs)).toEqual(expected);
    for (const f of fs) {
      expect(f.cite).toEqual({ seed: "001", ref: stage === "bhkl" ? REF.step21 : REF.step22 });
      expect(f.subject).toMatch(/^attempts\.\d\.result$/);
      expect(f.message.da).toBeTruthy();
    }
  });

  it("gives the forced values for later attempts: the guide's example (bh.kl., sprogparat in 2.)", () => {
    const d = forcedLaterResults("bhkl", attempts(I, S));
    expect(d.value.map((a) => [a.no, a.result])).toEqual([
      [1, I],
      [2, S],
      [3, N],
      [4, N],
    ]);
    expect(d.because.map((f) => f.subject)).toEqual(["attempts.3.result", "attempts.4.result"]);
    expect(d.because.every((f) => f.severity === "info")).toBe(true);
  });

  it("overwrites a wrong later value and says what it was; keeps delprøver of the slot", () => {
    const input: Attempt[] = [
      { no: 1, result: S },
      { no: 2, result: I, delprover: [{ no: 1, value: "x" }] },
      { no: 3, result: N },
    ];
    const d = forcedLaterResults("1-9", input);
    expect(d.value.map((a) => a.result)).toEqual([S, N, N]);
    expect(d.value[1]?.delprover).toEqual([{ no: 1, value: "x" }]);
    expect(d.because).toHaveLength(1);
    expect(d.because[0]?.message.en).toContain('was "Ikke sprogparat"');
  });

  it("leaves attempts alone when no attempt is Sprogparat", () => {
    const input = attempts(I, N, I);
    expect(forcedLaterResults("bhkl", input)).toEqual({ value: input, because: [] });
  });

  const resultArb = fc.constantFrom<SprogproveResult | null>(S, I, N, null);
  const stageArb = fc.constantFrom<Stage>("bhkl", "1-9");

  it("property: after forcing, the one-Sprogparat rule holds, earlier attempts are unchanged, and forcing is idempotent", () => {
    fc.assert(
      fc.property(stageArb, fc.array(resultArb, { minLength: 1, maxLength: 4 }), (stage, results) => {
        const input = attempts(...results);
        const forced = forcedLaterResults(stage, input).value;
        expect(checkOneSprogparat(stage, forced)).toEqual([]);
        const p = sprogparatAttempt(input);
        expect(sprogparatAttempt(forced)).toBe(p);
        if (p !== null) {
          expect(forced.filter((a) => a.no <= p)).toEqual(input.filter((a) => a.no <= p));
          expect(forced.filter((a) => a.no > p).every((a) => a.result === N)).toBe(true);
          if (stage === "bhkl") expect(forced.map((a) => a.no)).toEqual([1, 2, 3, 4]);
        } else expect(forced).toEqual(input);
        expect(forcedLaterResults(stage, forced)).toEqual({ value: forced, because: [] });
      }),
    );
  });
});

describe("attempt numbers: three mandatory and a fourth voluntary (Hvornår kan der gives særlig tilladelse …)", () => {
  it.each([
    ["bhkl", [1, 2, 3, 4], []],
    ["bhkl", [1, 2, 3, 4, 5], ["sprogprove.attempts.number-range"]],
    ["bhkl", [0], ["sprogprove.attempts.number-range"]],
    ["bhkl", [1.5], ["sprogprove.attempts.number-range"]],
    ["bhkl", [1, 2, 2], ["sprogprove.attempts.number-duplicate"]],
    ["1-9", [1, 2, 3], []],
    ["1-9", [5], ["sprogprove.attempts.number-range"]],
  ] as [Stage, number[], string[]][])("%s %j → %j", (stage, nos, expected) => {
    const fs = checkAttemptNumbers(
      stage,
      nos.map((no) => ({ no, result: N })),
    );
    expect(rules(fs)).toEqual(expected);
  });
  it("attempt 5 in bh.kl. names the field and the value", () => {
    const [f] = checkAttemptNumbers("bhkl", [{ no: 5, result: S }]);
    expect(f).toMatchObject({ subject: "attempts.5.no", value: 5, severity: "error", cite: { seed: "001", ref: REF.permission } });
  });
});

describe("the four delprøver of a bh.kl. attempt (Løbende registrering …)", () => {
  const d = (...nos: number[]) => nos.map((no) => ({ no, value: "ok" }));
  it.each([
    ["bhkl", d(1, 2, 3, 4), []],
    ["bhkl", d(1, 2, 3), ["sprogprove.attempts.delprover-four"]],
    ["bhkl", d(1, 2, 3, 3), ["sprogprove.attempts.delprover-four"]],
    ["bhkl", d(1, 2, 3, 5), ["sprogprove.attempts.delprover-four"]],
    ["bhkl", [], []],
    ["1-9", d(1, 2, 3, 4), ["sprogprove.attempts.delprover-1-9"]],
  ] as [Stage, { no: number; value: string }[], string[]][])("%s %j → %j", (stage, delprover, expected) => {
    expect(rules(checkDelprover(stage, { no: 1, result: I, delprover }))).toEqual(expected);
  });
});

describe("completeness before submission", () => {
  it("bh.kl.: all four slots hold a result; a missing voluntary 4th says to choose Intet resultat", () => {
    const fs = checkAttemptsComplete("bhkl", attempts(I, I, I));
    expect(fs.map((f) => f.subject)).toEqual(["attempts.4.result"]);
    expect(fs[0]?.message.en).toContain("voluntary");
    expect(checkAttemptsComplete("bhkl", attempts(I, S, N, N))).toEqual([]);
    expect(checkAttemptsComplete("bhkl", []).map((f) => f.subject)).toEqual([1, 2, 3, 4].map((n) => `attempts.${n}.result`));
  });
  it("1.–9.: at least one attempt, each with a result", () => {
    expect(rules(checkAttemptsComplete("1-9", []))).toEqual(["sprogprove.attempts.none"]);
    expect(checkAttemptsComplete("1-9", attempts(I, null)).map((f) => f.subject)).toEqual(["attempts.2.result"]);
    expect(checkAttemptsComplete("1-9", attempts(S))).toEqual([]);
  });
});
