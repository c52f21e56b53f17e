/**
 * The one deadline calculator of bevis. Calendar arithmetic (days, weeks, months) and working-day arithmetic
 * (weekdays that are not holidays in a calendar). Whether a deadline that lands on a non-working day moves is a rule
 * of the law that sets it: such rules call `rollForward` (or `rollBackward`) explicitly.
 */
import { addDays, addMonths, weekday, type IsoDate } from "./date.ts";

/** Non-working days other than Saturdays and Sundays, by jurisdiction. See `holidays.ts`. */
export interface HolidayCalendar {
  id: string;
  isHoliday(d: IsoDate): boolean;
  /** The day's name in the calendar's own language ("Langfredag"), undefined on an ordinary day. */
  name(d: IsoDate): string | undefined;
}

export type Span = { days: number } | { weeks: number } | { months: number } | { weekdays: number };

/** A Monday–Friday that is not a holiday in the calendar (no calendar: any Monday–Friday). */
export function isWorkingDay(d: IsoDate, cal?: HolidayCalendar): boolean {
  return weekday(d) < 5 && !(cal?.isHoliday(d) ?? false);
}

/**
 * Adds a span to a date.
 * - days, weeks: calendar days (negative goes back);
 * - months: calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb), as domstolloven § 148
 *   and forældelsesloven § 27 count ("I mangel af tilsvarende dag udløber fristen på den sidste dag i måneden");
 * - weekdays: the n-th working day (Mon–Fri, not a holiday in `cal`) counted after `from`, which itself is not
 *   counted; negative n counts backwards ("at least 5 weekdays before" = addSpan(d, { weekdays: -5 }, cal)).
 *   Zero returns `from` unchanged.
 * The calendar is used only for weekdays; calendar spans are not rolled (call `rollForward` where the law says so).
 */
export function addSpan(from: IsoDate, span: Span, cal?: HolidayCalendar): IsoDate {
  if ("days" in span) return addDays(from, Math.trunc(span.days));
  if ("weeks" in span) return addDays(from, Math.trunc(span.weeks) * 7);
  if ("months" in span) return addMonths(from, span.months);
  let n = Math.trunc(span.weekdays);
  const step = n < 0 ? -1 : 1;
  let d = from;
  while (n !== 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, cal)) n -= step;
  }
  return d;
}

/** The date itself when it is a working day, otherwise the next working day. */
export function rollForward(d: IsoDate, cal: HolidayCalendar): IsoDate {
  let x = d;
  while (!isWorkingDay(x, cal)) x = addDays(x, 1);
  return x;
}

/** The date itself when it is a working day, otherwise the working day before it. */
export function rollBackward(d: IsoDate, cal: HolidayCalendar): IsoDate {
  let x = d;
  while (!isWorkingDay(x, cal)) x = addDays(x, -1);
  return x;
}

/**
 * Counts working days from `from` to `to`, the inverse of `addSpan` with weekdays: forward it counts (from, to],
 * backward it counts [to, from) negatively, so addSpan(from, { weekdays: workingDaysBetween(from, to) }) = to
 * whenever `to` is a working day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal?: HolidayCalendar): number {
  let n = 0;
  if (to >= from) {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
    return n;
  }
  for (let d = to; d < from; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n--;
  return n;
}
