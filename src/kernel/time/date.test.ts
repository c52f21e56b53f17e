import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateBetween } from "../ids/testing.ts";
import { addDays, addMonths, compareIsoDates, daysBetween, isLeapYear, isoDate, isRealDate, isWeekend, parseIsoDate, weekday, ymd } from "./date.ts";

describe("dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2024-04-31", false],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-1-01", false],
    ["2024-12-31", true],
  ])("parseIsoDate(%s) is valid: %s", (s, ok) => {
    expect(parseIsoDate(s) !== undefined).toBe(ok);
    const { y, m, d } = { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8)) };
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) expect(isRealDate(y, m, d)).toBe(ok);
  });
  it("leap years", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });
  it("weekdays and weekends", () => {
    expect(weekday("2024-03-25")).toBe(0); // Monday
    expect(isWeekend("2024-03-23")).toBe(true);
    expect(isWeekend("2024-03-24")).toBe(true);
    expect(isWeekend("2024-03-22")).toBe(false);
  });
  it("addMonths clamps", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-10-31", -1)).toBe("2024-09-30");
    expect(addMonths("2024-01-01", -1)).toBe("2023-12-01");
  });
  it("properties: ymd/isoDate round trip, addDays/daysBetween agree, comparison is string order", () => {
    fc.assert(
      fc.property(dateBetween("1800-01-01", "2200-12-31"), fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        const { y, m, d: day } = ymd(d);
        expect(isoDate(y, m, day)).toBe(d);
        expect(parseIsoDate(d)).toBe(d);
        const e = addDays(d, n);
        expect(daysBetween(d, e)).toBe(n);
        expect(Math.sign(compareIsoDates(d, e)) + Math.sign(n)).toBe(0);
      }),
    );
  });
});
