/**
 * Holiday calendars as data. Each rule is a row: its id, its name, how its date is found (a fixed day of the year, or
 * a number of days from Easter Sunday), its validity (law changes: store bededag ended with 2023) and its source.
 * Choices are recorded in docs/decisions/0002-holiday-calendars.md.
 */
import { isValidOn, type Texts, type Validity } from "../law.ts";
import { addDays, isoDate, ymd, type IsoDate } from "./date.ts";
import type { HolidayCalendar } from "./deadline.ts";

export type HolidayDate = { month: number; day: number } | { easterOffset: number };

export interface HolidayRule extends Validity {
  id: string;
  /** Name in the calendar's language (da / nb) and in English. */
  name: Texts;
  date: HolidayDate;
  /**
   * "public": a helligdag / helligdag by statute. "closing": not a public holiday, but a day the law on deadlines
   * treats like one (DK: grundlovsdag, 24 and 31 December, as forældelsesloven § 27, stk. 2 does).
   */
  kind: "public" | "closing";
  source: string;
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The date of a rule in a year, or undefined when the rule is not in force on that date. */
export function ruleDate(rule: HolidayRule, year: number): IsoDate | undefined {
  const d = "easterOffset" in rule.date ? addDays(easterSunday(year), rule.date.easterOffset) : isoDate(year, rule.date.month, rule.date.day);
  return isValidOn(rule, d) ? d : undefined;
}

export interface HolidayCalendarData extends HolidayCalendar {
  lang: "da" | "nb";
  rules: readonly HolidayRule[];
  /** The rule that makes the date a holiday, if any. */
  holiday(d: IsoDate): HolidayRule | undefined;
  /** All holidays of a year, in date order. */
  holidaysIn(year: number): { date: IsoDate; rule: HolidayRule }[];
}

export function makeHolidayCalendar(id: string, lang: "da" | "nb", rules: readonly HolidayRule[]): HolidayCalendarData {
  const byYear = new Map<number, Map<IsoDate, HolidayRule>>();
  const yearTable = (year: number): Map<IsoDate, HolidayRule> => {
    let t = byYear.get(year);
    if (t === undefined) {
      t = new Map();
      for (const r of rules) {
        const d = ruleDate(r, year);
        if (d !== undefined && !t.has(d)) t.set(d, r);
      }
      byYear.set(year, t);
    }
    return t;
  };
  const holiday = (d: IsoDate) => yearTable(ymd(d).y).get(d);
  return {
    id,
    lang,
    rules,
    holiday,
    isHoliday: (d) => holiday(d) !== undefined,
    name: (d) => {
      const r = holiday(d);
      return r === undefined ? undefined : (r.name[lang] ?? r.name.en);
    },
    holidaysIn: (year) =>
      [...yearTable(year).entries()].map(([date, rule]) => ({ date, rule })).sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}

const DK_HELLIGDAG = "Danish public holidays (the folkekirke's helligdage, helligdagsloven)";

/** Denmark: the public holidays, plus grundlovsdag, juleaftensdag and nytårsaftensdag as closing days. */
export const DK_HOLIDAY_RULES: readonly HolidayRule[] = [
  { id: "dk.nytaarsdag", name: { da: "Nytårsdag", en: "New Year's Day" }, date: { month: 1, day: 1 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.skaertorsdag", name: { da: "Skærtorsdag", en: "Maundy Thursday" }, date: { easterOffset: -3 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.langfredag", name: { da: "Langfredag", en: "Good Friday" }, date: { easterOffset: -2 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.paaskedag", name: { da: "Påskedag", en: "Easter Sunday" }, date: { easterOffset: 0 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.2-paaskedag", name: { da: "2. påskedag", en: "Easter Monday" }, date: { easterOffset: 1 }, kind: "public", source: DK_HELLIGDAG },
  {
    id: "dk.store-bededag",
    name: { da: "Store bededag", en: "Great Prayer Day" },
    date: { easterOffset: 26 },
    kind: "public",
    validTo: "2023-12-31",
    source: "Lov om afskaffelse af store bededag som helligdag (adopted 28 February 2023): no longer a holiday from 2024",
  },
  { id: "dk.kristi-himmelfart", name: { da: "Kristi himmelfartsdag", en: "Ascension Day" }, date: { easterOffset: 39 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.pinsedag", name: { da: "Pinsedag", en: "Whit Sunday" }, date: { easterOffset: 49 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.2-pinsedag", name: { da: "2. pinsedag", en: "Whit Monday" }, date: { easterOffset: 50 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.juledag", name: { da: "Juledag", en: "Christmas Day" }, date: { month: 12, day: 25 }, kind: "public", source: DK_HELLIGDAG },
  { id: "dk.2-juledag", name: { da: "2. juledag", en: "Boxing Day" }, date: { month: 12, day: 26 }, kind: "public", source: DK_HELLIGDAG },
  {
    id: "dk.grundlovsdag",
    name: { da: "Grundlovsdag", en: "Constitution Day" },
    date: { month: 6, day: 5 },
    kind: "closing",
    source: "Forældelsesloven § 27, stk. 2 (deadlines move past grundlovsdag, 24 and 31 December); decision 0002",
  },
  {
    id: "dk.juleaftensdag",
    name: { da: "Juleaftensdag", en: "Christmas Eve" },
    date: { month: 12, day: 24 },
    kind: "closing",
    source: "Forældelsesloven § 27, stk. 2; decision 0002",
  },
  {
    id: "dk.nytaarsaftensdag",
    name: { da: "Nytårsaftensdag", en: "New Year's Eve" },
    date: { month: 12, day: 31 },
    kind: "closing",
    source: "Forældelsesloven § 27, stk. 2; decision 0002",
  },
];

const NO_HELLIGDAG = "Lov om helligdager og helligdagsfred (lov 24. februar 1995 nr. 12)";
const NO_MAI = "Lov om 1. og 17. mai som høgtidsdager (26. april 1947)";

/** Norway: the helligdager of helligdagsfredloven and the høytidsdager 1 and 17 May (domstolloven § 149 treats them alike). */
export const NO_HOLIDAY_RULES: readonly HolidayRule[] = [
  { id: "no.nyttaarsdag", name: { nb: "Nyttårsdag", en: "New Year's Day" }, date: { month: 1, day: 1 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.skjaertorsdag", name: { nb: "Skjærtorsdag", en: "Maundy Thursday" }, date: { easterOffset: -3 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.langfredag", name: { nb: "Langfredag", en: "Good Friday" }, date: { easterOffset: -2 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.1-paaskedag", name: { nb: "1. påskedag", en: "Easter Sunday" }, date: { easterOffset: 0 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.2-paaskedag", name: { nb: "2. påskedag", en: "Easter Monday" }, date: { easterOffset: 1 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.1-mai", name: { nb: "1. mai", en: "Labour Day" }, date: { month: 5, day: 1 }, kind: "public", validFrom: "1947-01-01", source: NO_MAI },
  { id: "no.17-mai", name: { nb: "17. mai", en: "Constitution Day" }, date: { month: 5, day: 17 }, kind: "public", validFrom: "1947-01-01", source: NO_MAI },
  { id: "no.kristi-himmelfart", name: { nb: "Kristi himmelfartsdag", en: "Ascension Day" }, date: { easterOffset: 39 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.1-pinsedag", name: { nb: "1. pinsedag", en: "Whit Sunday" }, date: { easterOffset: 49 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.2-pinsedag", name: { nb: "2. pinsedag", en: "Whit Monday" }, date: { easterOffset: 50 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.1-juledag", name: { nb: "1. juledag", en: "Christmas Day" }, date: { month: 12, day: 25 }, kind: "public", source: NO_HELLIGDAG },
  { id: "no.2-juledag", name: { nb: "2. juledag", en: "Boxing Day" }, date: { month: 12, day: 26 }, kind: "public", source: NO_HELLIGDAG },
];

export const DK_HOLIDAYS: HolidayCalendarData = makeHolidayCalendar("DK", "da", DK_HOLIDAY_RULES);
export const NO_HOLIDAYS: HolidayCalendarData = makeHolidayCalendar("NO", "nb", NO_HOLIDAY_RULES);
