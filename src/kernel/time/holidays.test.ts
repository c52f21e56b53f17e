import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageProblems } from "../law.ts";
import { addDays, weekday } from "./date.ts";
import { DK_HOLIDAYS, DK_HOLIDAY_RULES, easterSunday, NO_HOLIDAYS, NO_HOLIDAY_RULES } from "./holidays.ts";

describe("Easter Sunday (Meeus/Jones/Butcher)", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2023, "2023-04-09"],
    [2019, "2019-04-21"],
    [2000, "2000-04-23"],
    [1961, "1961-04-02"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2038, "2038-04-25"], // the latest possible date
    [1818, "1818-03-22"], // the earliest possible date
    [2285, "2285-03-22"],
  ])("%i → %s", (y, d) => {
    expect(easterSunday(y)).toBe(d);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (y) => {
        const e = easterSunday(y);
        expect(weekday(e)).toBe(6);
        expect(e >= `${y}-03-22` && e <= `${y}-04-25`).toBe(true);
      }),
    );
  });
});

const list = (cal: typeof DK_HOLIDAYS, y: number) => cal.holidaysIn(y).map((h) => `${h.date} ${cal.name(h.date)}`);

describe("Danish calendar", () => {
  it("2023: the last year with store bededag", () => {
    expect(list(DK_HOLIDAYS, 2023)).toEqual([
      "2023-01-01 Nytårsdag",
      "2023-04-06 Skærtorsdag",
      "2023-04-07 Langfredag",
      "2023-04-09 Påskedag",
      "2023-04-10 2. påskedag",
      "2023-05-05 Store bededag",
      "2023-05-18 Kristi himmelfartsdag",
      "2023-05-28 Pinsedag",
      "2023-05-29 2. pinsedag",
      "2023-06-05 Grundlovsdag",
      "2023-12-24 Juleaftensdag",
      "2023-12-25 Juledag",
      "2023-12-26 2. juledag",
      "2023-12-31 Nytårsaftensdag",
    ]);
  });
  it("2024: store bededag abolished", () => {
    expect(list(DK_HOLIDAYS, 2024)).toEqual([
      "2024-01-01 Nytårsdag",
      "2024-03-28 Skærtorsdag",
      "2024-03-29 Langfredag",
      "2024-03-31 Påskedag",
      "2024-04-01 2. påskedag",
      "2024-05-09 Kristi himmelfartsdag",
      "2024-05-19 Pinsedag",
      "2024-05-20 2. pinsedag",
      "2024-06-05 Grundlovsdag",
      "2024-12-24 Juleaftensdag",
      "2024-12-25 Juledag",
      "2024-12-26 2. juledag",
      "2024-12-31 Nytårsaftensdag",
    ]);
    expect(DK_HOLIDAYS.isHoliday("2024-04-26")).toBe(false); // would have been store bededag
    expect(DK_HOLIDAYS.name("2024-04-26")).toBeUndefined();
    expect(DK_HOLIDAYS.holiday("2024-06-05")?.kind).toBe("closing");
  });
  it("store bededag sweeps: a holiday every year up to 2023, never after", () => {
    for (let y = 1990; y <= 2040; y++) expect(DK_HOLIDAYS.isHoliday(addDays(easterSunday(y), 26))).toBe(y <= 2023);
    const bededag = DK_HOLIDAY_RULES.filter((r) => r.id === "dk.store-bededag");
    expect(coverageProblems(bededag, "1990-01-01", "2023-12-31")).toEqual([]);
  });
  it("May 1 is not a Danish holiday", () => {
    expect(DK_HOLIDAYS.isHoliday("2024-05-01")).toBe(false);
  });
});

describe("Norwegian calendar", () => {
  it("2025", () => {
    expect(list(NO_HOLIDAYS, 2025)).toEqual([
      "2025-01-01 Nyttårsdag",
      "2025-04-17 Skjærtorsdag",
      "2025-04-18 Langfredag",
      "2025-04-20 1. påskedag",
      "2025-04-21 2. påskedag",
      "2025-05-01 1. mai",
      "2025-05-17 17. mai",
      "2025-05-29 Kristi himmelfartsdag",
      "2025-06-08 1. pinsedag",
      "2025-06-09 2. pinsedag",
      "2025-12-25 1. juledag",
      "2025-12-26 2. juledag",
    ]);
  });
  it("Christmas Eve and grundlovsdag are ordinary days in Norway", () => {
    expect(NO_HOLIDAYS.isHoliday("2024-12-24")).toBe(false);
    expect(NO_HOLIDAYS.isHoliday("2024-06-05")).toBe(false);
  });
  it("when two rules fall on one day (17 May = Ascension Day 2012), the day is named once", () => {
    expect(easterSunday(2012)).toBe("2012-04-08");
    expect(NO_HOLIDAYS.holidaysIn(2012).filter((h) => h.date === "2012-05-17")).toHaveLength(1);
  });
});

describe("holiday tables", () => {
  it.each([
    ["DK", DK_HOLIDAY_RULES],
    ["NO", NO_HOLIDAY_RULES],
  ] as const)("%s: every row has a unique id, a native and an English name and a source", (_, rules) => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.name.en).toBeTruthy();
      expect(r.name.da ?? r.name.nb).toBeTruthy();
      expect(r.source).toBeTruthy();
    }
  });
});
