/**
 * The Danish and Norwegian school year: 1 August to 31 July, labelled by its two calendar years, "2024/25".
 * (Actual teaching starts on a date each municipality or county sets; the administrative year is 1 Aug – 31 Jul.)
 */
import { isoDate, ymd, type IsoDate } from "./date.ts";

export interface SchoolYear {
  /** The calendar year in which the school year begins (1 August). */
  startYear: number;
}

/** The school year a date belongs to: August–December belong to the year starting then, January–July to the one before. */
export function schoolYearOf(d: IsoDate): SchoolYear {
  const { y, m } = ymd(d);
  return { startYear: m >= 8 ? y : y - 1 };
}

const LABEL = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;

/** Parses "2024/25", "2024/2025" or "2024-2025" (also "2024-25"); the second year must follow the first. */
export function parseSchoolYear(s: string): SchoolYear | undefined {
  const m = LABEL.exec(s.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const ok = m[2].length === 4 ? end === start + 1 : end === (start + 1) % 100;
  return ok ? { startYear: start } : undefined;
}

/** "2024/25" (and "1999/00"). */
export function formatSchoolYear(y: SchoolYear): string {
  return `${String(y.startYear).padStart(4, "0")}/${String((y.startYear + 1) % 100).padStart(2, "0")}`;
}

/** 1 August of the start year. */
export function schoolYearStart(y: SchoolYear): IsoDate {
  return isoDate(y.startYear, 8, 1);
}

/** 31 July of the following year. */
export function schoolYearEnd(y: SchoolYear): IsoDate {
  return isoDate(y.startYear + 1, 7, 31);
}

export function addSchoolYears(y: SchoolYear, n: number): SchoolYear {
  return { startYear: y.startYear + Math.trunc(n) };
}

export function compareSchoolYears(a: SchoolYear, b: SchoolYear): number {
  return a.startYear - b.startYear;
}
