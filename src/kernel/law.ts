/**
 * The vocabulary every rulebook speaks: a citation into a seed, a finding that explains one step of a decision,
 * a decision that carries its value together with its reasons, and the validity period of a dated rule.
 *
 * Rules are pure: they return a Decision, never throw for a business outcome and never read the clock
 * (the decision date is an input).
 */
import { addDays, type IsoDate } from "./time/date.ts";

/** The five regulations bevis implements, by the number of their seed file in `../shared/seeds/`. */
export type SeedId = "000" | "001" | "002" | "003" | "004";

/**
 * A pointer into a seed: `ref` is the section or paragraph as the seed writes it ("3.1", "§ 27, stk. 1", "Bilag 2").
 * `seed: "reference"` points into `../shared/reference/` (facts from outside the seeds, e.g. "facts.md: CPR number").
 */
export interface Citation {
  seed: SeedId | "reference";
  ref: string;
}

export type Severity = "error" | "warning" | "info";

/** User-visible text in the languages bevis speaks. English is always present. */
export interface Texts {
  en: string;
  da?: string;
  nb?: string;
  nn?: string;
}

export type Lang = "en" | "da" | "nb" | "nn";

/** One reason behind a decision. `subject` names the field it concerns (e.g. "result", "startDate"). */
export interface Finding {
  /** Stable rule identifier, e.g. "amu.group.uvm-test-on-start-date". */
  rule: string;
  severity: Severity;
  cite: Citation;
  message: Texts;
  /** The field the finding concerns, so a form can show it beside that field. */
  subject?: string;
  /** The offending value, when there is one (never a CPR or fødselsnummer). */
  value?: string | number | boolean | null;
}

/** A value and the findings that explain it. */
export interface Decision<T> {
  value: T;
  because: Finding[];
}

export function decision<T>(value: T, because: Finding[] = []): Decision<T> {
  return { value, because };
}

export function finding(
  rule: string,
  severity: Severity,
  cite: Citation,
  message: Texts,
  extra: { subject?: string; value?: Finding["value"] } = {},
): Finding {
  const f: Finding = { rule, severity, cite, message };
  if (extra.subject !== undefined) f.subject = extra.subject;
  if (extra.value !== undefined) f.value = extra.value;
  return f;
}

export function cite(seed: Citation["seed"], ref: string): Citation {
  return { seed, ref };
}

export const errorsOf = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.severity === "error");
export const hasErrors = (fs: readonly Finding[]): boolean => fs.some((f) => f.severity === "error");

/** Picks the text in the wanted language, falling back (nn → nb → da → en). */
export function text(t: Texts, lang: Lang): string {
  if (lang === "nn") return t.nn ?? t.nb ?? t.en;
  if (lang === "nb") return t.nb ?? t.en;
  if (lang === "da") return t.da ?? t.en;
  return t.en;
}

/** Renders a citation for people: "seed 000 · 3.1" or "reference · facts.md: CPR number". */
export function formatCitation(c: Citation): string {
  return c.seed === "reference" ? `reference · ${c.ref}` : `seed ${c.seed} · ${c.ref}`;
}

/**
 * The period in which a version of a rule or a row of a code table is law. Both ends inclusive;
 * an absent end is open. Dates are ISO (YYYY-MM-DD), so they compare as strings.
 */
export interface Validity {
  validFrom?: IsoDate;
  validTo?: IsoDate;
}

export function isValidOn(v: Validity, on: IsoDate): boolean {
  return (v.validFrom === undefined || v.validFrom <= on) && (v.validTo === undefined || on <= v.validTo);
}

/** The one version in force on the given date, or undefined. Throws only on a broken table (two in force). */
export function versionOn<T extends Validity>(versions: readonly T[], on: IsoDate): T | undefined {
  const hits = versions.filter((v) => isValidOn(v, on));
  if (hits.length > 1) throw new Error(`two versions in force on ${on}: the table overlaps`);
  return hits[0];
}

/**
 * Checks that dated versions cover [from, to] without a gap or an overlap: the date-sweep test of every dated table
 * calls this. Returns human-readable problems (empty when sound).
 */
export function coverageProblems(versions: readonly Validity[], from: IsoDate, to: IsoDate): string[] {
  const MIN = "0000-01-01";
  const MAX = "9999-12-31";
  const sorted = [...versions].sort((a, b) => (a.validFrom ?? MIN).localeCompare(b.validFrom ?? MIN));
  const problems: string[] = [];
  let covered: IsoDate | undefined; // last date covered so far
  for (const v of sorted) {
    const start = v.validFrom ?? MIN;
    const end = v.validTo ?? MAX;
    if (covered !== undefined && start <= covered) problems.push(`overlap from ${start}`);
    const expected = covered === undefined ? from : nextDay(covered);
    if (start > expected && expected <= to) problems.push(`gap from ${expected} to ${prevDay(start)}`);
    if (covered === undefined || end > covered) covered = end;
  }
  if (covered === undefined) problems.push(`gap from ${from} to ${to}`);
  else if (covered < to) problems.push(`gap from ${nextDay(covered)} to ${to}`);
  return problems;
}

const nextDay = (d: IsoDate) => (d === "9999-12-31" ? d : addDays(d, 1));
const prevDay = (d: IsoDate) => addDays(d, -1);
