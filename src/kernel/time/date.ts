/**
 * Calendar dates without a time of day, as ISO strings "YYYY-MM-DD" (they sort and compare as strings).
 * All arithmetic is done in UTC so that no time zone or daylight-saving change can move a date.
 */
export type IsoDate = string & { readonly __isoDate?: true };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" and checks it is a real calendar date; undefined otherwise. */
export function parseIsoDate(s: string): IsoDate | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return s as IsoDate;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function ymd(d: IsoDate): { y: number; m: number; d: number } {
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as IsoDate;
}

export function addDays(d: IsoDate, days: number): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10) as IsoDate;
}

/** 0 = Monday … 6 = Sunday (ISO weekday minus one). */
export function weekday(d: IsoDate): number {
  return (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in a given IANA time zone (the shell's clock; rules never call this). */
export function todayIn(timeZone = "Europe/Copenhagen", now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now) as IsoDate;
}

/** Saturday or Sunday. */
export function isWeekend(d: IsoDate): boolean {
  return weekday(d) >= 5;
}

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last day
 * (31 Jan + 1 month = 28 or 29 Feb; 29 Feb 2024 + 12 months = 28 Feb 2025).
 */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const { y, m, d: day } = ymd(d);
  const total = y * 12 + (m - 1) + Math.trunc(months);
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return isoDate(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

/** Compares two dates for sorting: negative, zero or positive. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a calendar date with these numbers exists (month 1–12, day within the month). */
export function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
