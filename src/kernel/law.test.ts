import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageProblems, isValidOn, text, versionOn } from "./law.ts";
import { addDays, isoDate } from "./time/date.ts";

describe("dated rules", () => {
  const table = [
    { validTo: "2010-07-31", v: "old" },
    { validFrom: "2010-08-01", validTo: "2023-12-31", v: "mid" },
    { validFrom: "2024-01-01", v: "new" },
  ];
  it("picks the version in force on the decision date, ends inclusive", () => {
    expect(versionOn(table, "2010-07-31")?.v).toBe("old");
    expect(versionOn(table, "2010-08-01")?.v).toBe("mid");
    expect(versionOn(table, "2023-12-31")?.v).toBe("mid");
    expect(versionOn(table, "2024-01-01")?.v).toBe("new");
    expect(isValidOn({ validFrom: "2024-01-01" }, "2023-12-31")).toBe(false);
  });
  it("finds gaps and overlaps in a sweep", () => {
    expect(coverageProblems(table, "2000-01-01", "2030-12-31")).toEqual([]);
    expect(coverageProblems([{ validTo: "2010-07-30" }, { validFrom: "2010-08-01" }], "2000-01-01", "2030-12-31")).toEqual([
      "gap from 2010-07-31 to 2010-07-31",
    ]);
    expect(coverageProblems([{ validTo: "2010-08-01" }, { validFrom: "2010-08-01" }], "2000-01-01", "2030-12-31")).toEqual([
      "overlap from 2010-08-01",
    ]);
    expect(coverageProblems([{ validFrom: "2001-01-01", validTo: "2001-12-31" }], "2000-01-01", "2002-12-31")).toEqual([
      "gap from 2000-01-01 to 2000-12-31",
      "gap from 2002-01-01 to 2002-12-31",
    ]);
  });
  it("any split of a period into adjacent versions covers it exactly (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 3000 }), { maxLength: 10 }), (cuts) => {
        const start = isoDate(2000, 1, 1);
        const days = [...cuts].sort((a, b) => a - b);
        const bounds = [0, ...days];
        const versions = bounds.map((b, i) => ({
          validFrom: addDays(start, b),
          validTo: i + 1 < bounds.length ? addDays(start, (bounds[i + 1] as number) - 1) : undefined,
        }));
        expect(coverageProblems(versions, start, addDays(start, 4000))).toEqual([]);
        for (const d of [0, ...days, 3999]) expect(versionOn(versions, addDays(start, d))).toBeDefined();
      }),
    );
  });
  it("falls back between languages", () => {
    expect(text({ en: "x", nb: "y" }, "nn")).toBe("y");
    expect(text({ en: "x" }, "da")).toBe("x");
  });
});
