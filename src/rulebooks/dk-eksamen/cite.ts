/** Citations and the finding helper of the exam rulebook (seed 002, eksamensbekendtgørelsen). */
import { cite, finding, type Citation, type Finding, type Severity } from "../../kernel/law.ts";

/** A pointer into seed 002, written as the seed writes its paragraphs: "§ 35, stk. 2". */
export const seed002 = (ref: string): Citation => cite("002", ref);

/** A pointer into `../shared/reference/facts.md`, e.g. "facts.md: Rounding of the exam result". */
export const facts = (ref: string): Citation => cite("reference", `facts.md: ${ref}`);

/** A finding of this rulebook: rule id "eksamen.<name>", English and Danish text, the field and value it concerns. */
export function exFinding(
  rule: string,
  severity: Severity,
  ref: string | Citation,
  en: string,
  da: string,
  subject?: string,
  value?: Finding["value"],
): Finding {
  const c = typeof ref === "string" ? seed002(ref) : ref;
  const extra: { subject?: string; value?: Finding["value"] } = {};
  if (subject !== undefined) extra.subject = subject;
  if (value !== undefined) extra.value = value;
  return finding(`eksamen.${rule}`, severity, c, { en, da }, extra);
}
