import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCpr } from "../../kernel/ids/cpr.ts";
import { parseAttemptNo, parseClassLevel, parseExemptedCount, parseResult, parseYesNo } from "./parse.ts";
import { syntheticCpr } from "./testing.ts";

describe("bad input becomes a finding", () => {
  it.each([
    ["Sprogparat", "sprogparat"],
    ["ikke sprogparat", "ikke-sprogparat"],
    ["Ikke-sprogparat", "ikke-sprogparat"],
    ["INTET RESULTAT", "intet-resultat"],
    ["intet-resultat", "intet-resultat"],
    ["", null],
    [null, null],
  ])("result %j → %j", (raw, expected) => {
    expect(parseResult(raw)).toEqual({ value: expected, because: [] });
  });
  it.each([["Bestået"], ["sprogparat!"], [3], [true]])("unknown result value %j → error", (raw) => {
    const d = parseResult(raw, "attempts.1.result");
    expect(d.value).toBeNull();
    expect(d.because[0]).toMatchObject({ rule: "sprogprove.input.result-unknown", severity: "error", subject: "attempts.1.result" });
  });
  it.each([
    ["bhkl", 4, 4],
    ["bhkl", "1", 1],
    ["bhkl", 5, null],
    ["bhkl", "5", null],
    ["bhkl", 0, null],
    ["bhkl", "2a", null],
    ["1-9", 5, null],
  ] as const)("attempt number %s %j → %j", (stage, raw, expected) => {
    const d = parseAttemptNo(raw, stage);
    expect(d.value).toBe(expected);
    expect(d.because.length).toBe(expected === null ? 1 : 0);
  });
  it.each([
    ["bh.kl.", 0],
    ["Børnehaveklasse", 0],
    ["0", 0],
    [3, 3],
    ["3. klasse", 3],
    ["9", 9],
    ["10", null],
    ["10. klasse", null],
    [-1, null],
  ] as const)("class level %j → %j", (raw, expected) => {
    expect(parseClassLevel(raw).value).toBe(expected);
  });
  it.each([
    [0, 0],
    ["3", 3],
    [" 12 ", 12],
    ["", null],
  ] as const)("exempted count %j → %j", (raw, expected) => {
    expect(parseExemptedCount(raw)).toEqual({ value: expected, because: [] });
  });
  it.each([[-1], [1.5], ["tre"]])("exempted count %j → error", (raw) => {
    expect(parseExemptedCount(raw).because[0]?.rule).toBe("sprogprove.input.exempted-count");
  });
  it("a CPR number in the exemption count is refused and never echoed", () => {
    const cpr = syntheticCpr(5);
    for (const raw of [cpr, formatCpr(cpr), [formatCpr(cpr)], Number(cpr)]) {
      const d = parseExemptedCount(raw);
      expect(d.value).toBeNull();
      expect(d.because[0]).toMatchObject({ rule: "sprogprove.input.exempted-cpr", subject: "exemptedCount", cite: { seed: "001", ref: "Hvad skal indberettes?" } });
      expect(JSON.stringify(d)).not.toContain(cpr.slice(6));
    }
    expect(parseExemptedCount([1, 2]).because[0]?.rule).toBe("sprogprove.input.exempted-list");
  });
  it("property: no finding ever carries a full CPR number, whatever the input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.constantFrom("", " ", "-", "x", "CPR: "), (n, sep) => {
        const cpr = syntheticCpr(n);
        const raw = `${sep}${cpr.slice(0, 6)}${sep === "-" ? "-" : ""}${cpr.slice(6)}`;
        const all = [parseResult(raw), parseAttemptNo(raw, "bhkl"), parseClassLevel(raw), parseExemptedCount(raw), parseYesNo(raw, "f")];
        for (const d of all) expect(JSON.stringify(d)).not.toContain(cpr.slice(6));
      }),
    );
  });
  it.each([
    ["ja", true],
    ["Nej", false],
    [true, true],
    ["", null],
  ] as const)("yes/no %j → %j", (raw, expected) => {
    expect(parseYesNo(raw, "rykkerOp").value).toBe(expected);
  });
  it("yes/no: anything else is an error", () => {
    expect(parseYesNo("måske", "rykkerOp").because[0]).toMatchObject({ rule: "sprogprove.input.yes-no", subject: "rykkerOp" });
  });
});
