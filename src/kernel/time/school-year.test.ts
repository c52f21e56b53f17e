import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./date.ts";
import { addSchoolYears, formatSchoolYear, parseSchoolYear, schoolYearEnd, schoolYearOf, schoolYearStart } from "./school-year.ts";
import { addHalfYears, formatHalfYear, halfYearEnd, halfYearOf, halfYearStart, parseHalfYear, type HalfYear } from "./half-year.ts";
import { dateBetween } from "../ids/testing.ts";

describe("school year", () => {
  it.each([
    ["2024/25", 2024],
    ["2024/2025", 2024],
    ["2024-2025", 2024],
    ["2024-25", 2024],
    [" 1999/00 ", 1999],
    ["1999/2000", 1999],
  ])("parses %j", (s, y) => {
    expect(parseSchoolYear(s)).toEqual({ startYear: y });
  });
  it.each([["2024/26"], ["2024/2024"], ["2024"], ["24/25"], ["2024/2026"], [""]])("refuses %j", (s) => {
    expect(parseSchoolYear(s)).toBeUndefined();
  });
  it.each([
    ["2024-07-31", "2023/24"],
    ["2024-08-01", "2024/25"],
    ["2024-12-31", "2024/25"],
    ["2025-01-01", "2024/25"],
    ["2025-07-31", "2024/25"],
    ["2000-03-01", "1999/00"],
  ])("%s is in %s", (d, label) => {
    expect(formatSchoolYear(schoolYearOf(d))).toBe(label);
  });
  it("runs 1 August – 31 July", () => {
    expect(schoolYearStart({ startYear: 2024 })).toBe("2024-08-01");
    expect(schoolYearEnd({ startYear: 2024 })).toBe("2025-07-31");
  });
  it("properties: round trip, boundaries, tiling", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2198 }), (startYear) => {
        const y = { startYear };
        expect(parseSchoolYear(formatSchoolYear(y))).toEqual(y);
        expect(schoolYearOf(schoolYearStart(y))).toEqual(y);
        expect(schoolYearOf(schoolYearEnd(y))).toEqual(y);
        expect(schoolYearOf(addDays(schoolYearStart(y), -1))).toEqual(addSchoolYears(y, -1));
        expect(schoolYearStart(addSchoolYears(y, 1))).toBe(addDays(schoolYearEnd(y), 1));
      }),
    );
    fc.assert(
      fc.property(dateBetween("1900-08-01", "2199-07-31"), (d) => {
        const y = schoolYearOf(d);
        expect(schoolYearStart(y) <= d && d <= schoolYearEnd(y)).toBe(true);
      }),
    );
  });
});

describe("half-year (V/H)", () => {
  it.each([
    ["V2024", { year: 2024, half: "V" }],
    ["H2023", { year: 2023, half: "H" }],
    ["v2024", { year: 2024, half: "V" }],
    ["H 2023", { year: 2023, half: "H" }],
    ["vår 2024", { year: 2024, half: "V" }],
    ["Høst-2023", { year: 2023, half: "H" }],
  ])("parses %j", (s, h) => {
    expect(parseHalfYear(s)).toEqual(h);
  });
  it.each([["X2024"], ["V24"], ["2024V"], [""], ["VH2024"]])("refuses %j", (s) => {
    expect(parseHalfYear(s)).toBeUndefined();
  });
  it.each([
    ["2024-01-01", "V2024", "2024-01-01", "2024-06-30"],
    ["2024-06-30", "V2024", "2024-01-01", "2024-06-30"],
    ["2023-07-01", "H2023", "2023-07-01", "2023-12-31"],
    ["2023-12-31", "H2023", "2023-07-01", "2023-12-31"],
  ])("%s is in %s (%s – %s)", (d, label, start, end) => {
    const h = halfYearOf(d);
    expect(formatHalfYear(h)).toBe(label);
    expect(halfYearStart(h)).toBe(start);
    expect(halfYearEnd(h)).toBe(end);
  });
  it("a school year's teaching is H then V; its last month, July, is calendar-H of the next year", () => {
    const y = { startYear: 2023 };
    expect(formatHalfYear(halfYearOf(schoolYearStart(y)))).toBe("H2023");
    expect(formatHalfYear(halfYearOf("2024-06-30"))).toBe("V2024");
    expect(formatHalfYear(halfYearOf(schoolYearEnd(y)))).toBe("H2024");
  });
  it("properties: round trip, boundaries, tiling, stepping", () => {
    const arb: fc.Arbitrary<HalfYear> = fc.record({ year: fc.integer({ min: 1900, max: 2199 }), half: fc.constantFrom("V" as const, "H" as const) });
    fc.assert(
      fc.property(arb, fc.integer({ min: -100, max: 100 }), (h, n) => {
        expect(parseHalfYear(formatHalfYear(h))).toEqual(h);
        expect(halfYearOf(halfYearStart(h))).toEqual(h);
        expect(halfYearOf(halfYearEnd(h))).toEqual(h);
        expect(halfYearStart(addHalfYears(h, 1))).toBe(addDays(halfYearEnd(h), 1));
        expect(addHalfYears(addHalfYears(h, n), -n)).toEqual(h);
      }),
    );
  });
});
