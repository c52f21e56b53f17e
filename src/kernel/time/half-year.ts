/**
 * The Norwegian school half-years: V (vår, spring: January–June) and H (høst, autumn: July–December), labelled
 * "V2024" / "H2023". Teaching in the school year 2023/24 is H2023 followed by V2024; the half-years are calendar
 * halves, so the school year's last month (July 2024) falls in H2024.
 */
import { isoDate, ymd, type IsoDate } from "./date.ts";

export interface HalfYear {
  year: number;
  half: "V" | "H";
}

export function halfYearOf(d: IsoDate): HalfYear {
  const { y, m } = ymd(d);
  return { year: y, half: m <= 6 ? "V" : "H" };
}

const LABEL = /^(V|H|VÅR|HØST)\s*-?\s*(\d{4})$/i;

/** Parses "V2024" / "H2023"; also lower case, "V 2024", "V-2024", "vår 2024", "høst 2023". */
export function parseHalfYear(s: string): HalfYear | undefined {
  const m = LABEL.exec(s.trim());
  if (!m || m[1] === undefined) return undefined;
  return { year: Number(m[2]), half: m[1].toUpperCase().startsWith("V") ? "V" : "H" };
}

/** "V2024". */
export function formatHalfYear(h: HalfYear): string {
  return `${h.half}${String(h.year).padStart(4, "0")}`;
}

/** 1 January (V) or 1 July (H). */
export function halfYearStart(h: HalfYear): IsoDate {
  return isoDate(h.year, h.half === "V" ? 1 : 7, 1);
}

/** 30 June (V) or 31 December (H). */
export function halfYearEnd(h: HalfYear): IsoDate {
  return h.half === "V" ? isoDate(h.year, 6, 30) : isoDate(h.year, 12, 31);
}

const index = (h: HalfYear) => h.year * 2 + (h.half === "V" ? 0 : 1);

/** Moves n half-years forward (negative: backward): V2024 + 1 = H2024, H2024 + 1 = V2025. */
export function addHalfYears(h: HalfYear, n: number): HalfYear {
  const i = index(h) + Math.trunc(n);
  const year = Math.floor(i / 2);
  return { year, half: i - year * 2 === 0 ? "V" : "H" };
}

export function compareHalfYears(a: HalfYear, b: HalfYear): number {
  return index(a) - index(b);
}
