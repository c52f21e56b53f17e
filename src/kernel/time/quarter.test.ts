import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./date.ts";
import {
  addQuarters,
  compareQuarters,
  formatQuarter,
  inQuarter,
  parseQuarter,
  quarterEnd,
  quarterOf,
  quartersBetween,
  quarterStart,
  type Quarter,
} from "./quarter.ts";
import { dateBetween } from "../ids/testing.ts";

const arbQuarter: fc.Arbitrary<Quarter> = fc.record({
  year: fc.integer({ min: 1900, max: 2199 }),
  q: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
});

describe("quarters", () => {
  it.each([
    ["2024Q3", { year: 2024, q: 3 }],
    ["2024-Q3", { year: 2024, q: 3 }],
    ["2024q1", { year: 2024, q: 1 }],
    ["2024 Q4", { year: 2024, q: 4 }],
    [" 1999Q2 ", { year: 1999, q: 2 }],
  ])("parses %j", (s, q) => {
    expect(parseQuarter(s)).toEqual(q);
  });

  it.each([["2024Q5"], ["2024Q0"], ["24Q3"], ["Q3 2024"], ["2024"], [""], ["2024Q33"]])("refuses %j", (s) => {
    expect(parseQuarter(s)).toBeUndefined();
  });

  it.each([
    [{ year: 2024, q: 1 }, "2024-01-01", "2024-03-31"],
    [{ year: 2024, q: 2 }, "2024-04-01", "2024-06-30"],
    [{ year: 2024, q: 3 }, "2024-07-01", "2024-09-30"],
    [{ year: 2024, q: 4 }, "2024-10-01", "2024-12-31"],
  ] as const)("%o runs %s – %s", (q, start, end) => {
    expect(quarterStart(q)).toBe(start);
    expect(quarterEnd(q)).toBe(end);
    expect(quarterOf(start)).toEqual(q);
    expect(quarterOf(end)).toEqual(q);
  });

  it("steps across years and lists ranges inclusively", () => {
    expect(addQuarters({ year: 2024, q: 4 }, 1)).toEqual({ year: 2025, q: 1 });
    expect(addQuarters({ year: 2024, q: 1 }, -1)).toEqual({ year: 2023, q: 4 });
    expect(addQuarters({ year: 2024, q: 2 }, -9)).toEqual({ year: 2022, q: 1 });
    // The AMU upload of January 2025 covers the latest four quarters (facts.md): 2024Q1–2024Q4
    expect(quartersBetween({ year: 2024, q: 1 }, { year: 2024, q: 4 }).map(formatQuarter)).toEqual(["2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
    expect(quartersBetween({ year: 2024, q: 4 }, { year: 2025, q: 1 }).map(formatQuarter)).toEqual(["2024Q4", "2025Q1"]);
    expect(quartersBetween({ year: 2025, q: 1 }, { year: 2024, q: 4 })).toEqual([]);
    expect(inQuarter("2024-09-30", { year: 2024, q: 3 })).toBe(true);
    expect(inQuarter("2024-10-01", { year: 2024, q: 3 })).toBe(false);
  });
});

describe("quarter properties", () => {
  it("format and parse round trip", () => {
    fc.assert(
      fc.property(arbQuarter, (q) => {
        expect(parseQuarter(formatQuarter(q))).toEqual(q);
      }),
    );
  });
  it("quarterOf(quarterStart(q)) = q = quarterOf(quarterEnd(q))", () => {
    fc.assert(
      fc.property(arbQuarter, (q) => {
        expect(quarterOf(quarterStart(q))).toEqual(q);
        expect(quarterOf(quarterEnd(q))).toEqual(q);
      }),
    );
  });
  it("addQuarters n then −n is the identity, and compare agrees with the step", () => {
    fc.assert(
      fc.property(arbQuarter, fc.integer({ min: -400, max: 400 }), (q, n) => {
        const moved = addQuarters(q, n);
        expect(addQuarters(moved, -n)).toEqual(q);
        expect(Math.sign(compareQuarters(moved, q))).toBe(Math.sign(n));
        expect(quartersBetween(q, moved).length).toBe(n >= 0 ? n + 1 : 0);
      }),
    );
  });
  it("quarters tile the time line: each starts the day after the previous ends", () => {
    fc.assert(
      fc.property(arbQuarter, (q) => {
        expect(quarterStart(addQuarters(q, 1))).toBe(addDays(quarterEnd(q), 1));
        if (q.q === 1) expect(quarterStart(q)).toBe(`${q.year}-01-01`);
        if (q.q === 4) expect(quarterEnd(q)).toBe(`${q.year}-12-31`);
      }),
    );
  });
  it("every date lies in exactly its quarter", () => {
    fc.assert(
      fc.property(dateBetween("1900-01-01", "2199-12-31"), (d) => {
        const q = quarterOf(d);
        expect(quarterStart(q) <= d && d <= quarterEnd(q)).toBe(true);
        expect(quarterOf(addDays(quarterStart(q), -1))).toEqual(addQuarters(q, -1));
      }),
    );
  });
});
