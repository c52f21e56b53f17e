/** Calendar quarters: Q1 = January–March … Q4 = October–December. Label "2024Q3". */
import { daysInMonth, isoDate, ymd, type IsoDate } from "./date.ts";

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

const QUARTER = /^(\d{4})\s*[-\s]?\s*[Qq]([1-4])$/;

/** Parses "2024Q3"; also "2024-Q3", "2024 Q3" and a lower-case "q". Undefined when it is not a quarter. */
export function parseQuarter(s: string): Quarter | undefined {
  const m = QUARTER.exec(s.trim());
  if (!m) return undefined;
  return { year: Number(m[1]), q: Number(m[2]) as Quarter["q"] };
}

/** "2024Q3". */
export function formatQuarter(q: Quarter): string {
  return `${String(q.year).padStart(4, "0")}Q${q.q}`;
}

export function quarterOf(d: IsoDate): Quarter {
  const { y, m } = ymd(d);
  return { year: y, q: (Math.floor((m - 1) / 3) + 1) as Quarter["q"] };
}

/** The first day of the quarter. */
export function quarterStart(q: Quarter): IsoDate {
  return isoDate(q.year, (q.q - 1) * 3 + 1, 1);
}

/** The last day of the quarter. */
export function quarterEnd(q: Quarter): IsoDate {
  const m = q.q * 3;
  return isoDate(q.year, m, daysInMonth(q.year, m));
}

const index = (q: Quarter) => q.year * 4 + (q.q - 1);
const fromIndex = (i: number): Quarter => {
  const year = Math.floor(i / 4);
  return { year, q: (i - year * 4 + 1) as Quarter["q"] };
};

/** Moves n quarters forward (negative n: backward). */
export function addQuarters(q: Quarter, n: number): Quarter {
  return fromIndex(index(q) + Math.trunc(n));
}

/** Negative when a is before b, zero when equal, positive when after. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return index(a) - index(b);
}

/** Every quarter from a to b, both included, in order; empty when a is after b. */
export function quartersBetween(a: Quarter, b: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let i = index(a); i <= index(b); i++) out.push(fromIndex(i));
  return out;
}

/** Whether the date lies in the quarter. */
export function inQuarter(d: IsoDate, q: Quarter): boolean {
  return compareQuarters(quarterOf(d), q) === 0;
}
