/**
 * Quarters and STIL's upload windows in the browser. Quarter labels as the API uses them: "2024Q3".
 * Upload window: the 15th–20th of January, April, August and October (reference/facts.md, STIL "Indberetningsstruktur
 * for AMU" v1.1.3): the report for a quarter is uploaded in the first window after the quarter has ended.
 */
export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

export const label = (x: Quarter): string => `${x.year}Q${x.q}`;

export function parseQuarter(s: string): Quarter | null {
  const m = /^(\d{4})Q([1-4])$/.exec(s);
  return m ? { year: Number(m[1]), q: Number(m[2]) as Quarter["q"] } : null;
}

export function quarterOf(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, q: (Math.floor((month - 1) / 3) + 1) as Quarter["q"] };
}

export function previous(x: Quarter): Quarter {
  return x.q === 1 ? { year: x.year - 1, q: 4 } : { year: x.year, q: (x.q - 1) as Quarter["q"] };
}

/** The latest quarter that has ended on `today` (an ISO date). */
export const latestEnded = (today: string): Quarter => previous(quarterOf(today));

/** Recent quarters, newest first, starting with the current one. */
export function recentQuarters(today: string, n: number): Quarter[] {
  const out: Quarter[] = [];
  let x = quarterOf(today);
  for (let i = 0; i < n; i++) {
    out.push(x);
    x = previous(x);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function bounds(x: Quarter): { from: string; to: string } {
  const startMonth = (x.q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(x.year, endMonth, 0)).getUTCDate();
  return { from: `${x.year}-${pad(startMonth)}-01`, to: `${x.year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The STIL upload window in which the report for quarter `x` is uploaded. */
export function uploadWindow(x: Quarter): { from: string; to: string } {
  const [year, month] = x.q === 4 ? [x.year + 1, 1] : [x.year, x.q === 1 ? 4 : x.q === 2 ? 8 : 10];
  return { from: `${year}-${pad(month)}-15`, to: `${year}-${pad(month)}-20` };
}

export type WindowState = { state: "open" } | { state: "future"; days: number } | { state: "past" };

export function windowState(w: { from: string; to: string }, today: string): WindowState {
  if (today < w.from) {
    const days = Math.round((Date.parse(`${w.from}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    return { state: "future", days };
  }
  return today <= w.to ? { state: "open" } : { state: "past" };
}

/** Today's date in Copenhagen as an ISO date (the provider's calendar, not UTC). */
export function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
}
