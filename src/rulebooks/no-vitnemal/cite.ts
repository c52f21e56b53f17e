/**
 * Citations and finding helpers of the vitnemål rulebook (seed 003, Udir "Føring av vitnemål og kompetansebevis for
 * videregående opplæring i Kunnskapsløftet – 2023"). A finding's `cite.ref` is the seed's section number as the seed
 * writes it ("1.2", "3.4", "6.3"). Messages are Norwegian bokmål (what users see) and English.
 */
import { cite, finding, type Citation, type Finding, type Severity } from "../../kernel/law.ts";

/** A pointer into seed 003 by its section number: "1.2", "3.1", "9.5". */
export const seed003 = (ref: string): Citation => cite("003", ref);

/** A finding of this rulebook: rule id "vitnemal.<name>", bokmål and English text, the field and the value it concerns. */
export function vmFinding(
  rule: string,
  severity: Severity,
  ref: string | Citation,
  nb: string,
  en: string,
  subject?: string,
  value?: Finding["value"],
): Finding {
  const c = typeof ref === "string" ? seed003(ref) : ref;
  const extra: { subject?: string; value?: Finding["value"] } = {};
  if (subject !== undefined) extra.subject = subject;
  if (value !== undefined) extra.value = value;
  return finding(`vitnemal.${rule}`, severity, c, { nb, en }, extra);
}

/** "dd.mm.åååå" (§2.8: "Dato føres på formatet <dd.mm.åååå>") from an ISO date. */
export function formatNorwegianDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}
