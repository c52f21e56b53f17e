import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateBetween } from "../ids/testing.ts";
import { addMonths, daysInMonth, isWeekend, ymd } from "./date.ts";
import { addSpan, isWorkingDay, rollBackward, rollForward, workingDaysBetween, type HolidayCalendar } from "./deadline.ts";
import { DK_HOLIDAYS, NO_HOLIDAYS } from "./holidays.ts";

const calendars = fc.constantFrom<HolidayCalendar | undefined>(DK_HOLIDAYS, NO_HOLIDAYS, undefined);
const anyDate = dateBetween("1950-01-01", "2100-12-31");

describe("calendar spans", () => {
  it.each([
    ["2024-01-31", { months: 1 }, "2024-02-29"],
    ["2023-01-31", { months: 1 }, "2023-02-28"],
    ["2024-03-31", { months: -1 }, "2024-02-29"],
    ["2024-02-29", { months: 12 }, "2025-02-28"],
    ["2024-05-31", { months: 1 }, "2024-06-30"],
    ["2024-12-15", { months: 1 }, "2025-01-15"],
    ["2024-01-15", { months: -13 }, "2022-12-15"],
    ["2024-02-28", { days: 1 }, "2024-02-29"],
    ["2023-02-28", { days: 1 }, "2023-03-01"],
    ["2024-12-31", { days: 1 }, "2025-01-01"],
    ["2024-03-01", { weeks: 2 }, "2024-03-15"],
    ["2024-03-15", { weeks: -2 }, "2024-03-01"],
    ["2024-03-31", { days: 0 }, "2024-03-31"],
  ] as const)("%s + %o = %s", (from, span, to) => {
    expect(addSpan(from, span, DK_HOLIDAYS)).toBe(to);
  });
});

describe("weekdays", () => {
  it.each([
    // [from, n, calendar, result]
    ["2024-03-22", 1, undefined, "2024-03-25"], // Friday + 1 → Monday
    ["2024-03-23", 1, undefined, "2024-03-25"], // Saturday + 1 → Monday
    ["2024-03-25", 5, undefined, "2024-04-01"],
    ["2024-03-27", 1, DK_HOLIDAYS, "2024-04-02"], // over skærtorsdag, langfredag, the weekend and 2. påskedag
    ["2024-04-02", -5, DK_HOLIDAYS, "2024-03-21"], // "at least 5 weekdays before"
    ["2024-03-27", 1, NO_HOLIDAYS, "2024-04-02"],
    ["2024-04-30", 1, NO_HOLIDAYS, "2024-05-02"], // 1 May
    ["2024-04-30", 1, DK_HOLIDAYS, "2024-05-01"],
    ["2024-12-23", 1, DK_HOLIDAYS, "2024-12-27"], // juleaftensdag, juledag, 2. juledag
    ["2024-12-23", 1, NO_HOLIDAYS, "2024-12-24"],
    ["2023-05-04", 1, DK_HOLIDAYS, "2023-05-08"], // store bededag 2023
    ["2024-04-25", 1, DK_HOLIDAYS, "2024-04-26"], // no store bededag in 2024
    ["2024-03-27", 0, DK_HOLIDAYS, "2024-03-27"],
  ] as const)("%s %+d weekdays (%s) = %s", (from, n, cal, to) => {
    expect(addSpan(from, { weekdays: n }, cal)).toBe(to);
  });

  it("rolls to the next or previous working day", () => {
    expect(rollForward("2024-12-24", DK_HOLIDAYS)).toBe("2024-12-27");
    expect(rollForward("2024-12-24", NO_HOLIDAYS)).toBe("2024-12-24");
    expect(rollForward("2024-03-28", DK_HOLIDAYS)).toBe("2024-04-02");
    expect(rollForward("2024-06-05", DK_HOLIDAYS)).toBe("2024-06-06");
    expect(rollBackward("2024-04-01", DK_HOLIDAYS)).toBe("2024-03-27");
    expect(rollBackward("2024-03-27", DK_HOLIDAYS)).toBe("2024-03-27");
    expect(isWorkingDay("2024-05-17", NO_HOLIDAYS)).toBe(false);
    expect(isWorkingDay("2024-05-17", DK_HOLIDAYS)).toBe(true);
  });
});

describe("deadline properties", () => {
  it("a weekday span never lands on a weekend or holiday, and counts exactly n working days", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0), calendars, (from, n, cal) => {
        const to = addSpan(from, { weekdays: n }, cal);
        expect(isWeekend(to)).toBe(false);
        expect(cal?.isHoliday(to) ?? false).toBe(false);
        expect(n > 0 ? to > from : to < from).toBe(true);
        expect(workingDaysBetween(from, to, cal)).toBe(n);
      }),
    );
  });
  it("from a working day, n weekdays forward then n back returns to it", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), calendars, (d, n, cal) => {
        const from = cal === undefined ? rollForward(d, { id: "none", isHoliday: () => false, name: () => undefined }) : rollForward(d, cal);
        expect(addSpan(addSpan(from, { weekdays: n }, cal), { weekdays: -n }, cal)).toBe(from);
      }),
    );
  });
  it("months clamp to the last day of the month and land in the right month", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (from, n) => {
        const to = addSpan(from, { months: n });
        const a = ymd(from);
        const b = ymd(to);
        expect(b.y * 12 + b.m - (a.y * 12 + a.m)).toBe(n);
        expect(b.d).toBe(Math.min(a.d, daysInMonth(b.y, b.m)));
        expect(to).toBe(addMonths(from, n));
      }),
    );
  });
  it("days and weeks invert", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (from, n) => {
        expect(addSpan(addSpan(from, { days: n }), { days: -n })).toBe(from);
        expect(addSpan(addSpan(from, { weeks: n }), { weeks: -n })).toBe(from);
      }),
    );
  });
  it("rollForward gives the first working day on or after the date", () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom(DK_HOLIDAYS, NO_HOLIDAYS), (d, cal) => {
        const r = rollForward(d, cal);
        expect(isWorkingDay(r, cal)).toBe(true);
        expect(r >= d).toBe(true);
        expect(workingDaysBetween(d, r, cal)).toBe(isWorkingDay(d, cal) ? 0 : 1);
      }),
    );
  });
});
