/** Citations and finding helpers of the AUB rulebook (seed 004, Bekendtgørelse om Arbejdsgivernes Uddannelsesbidrag). */
import { cite, finding, type Citation, type Finding, type Severity } from "../../kernel/law.ts";

/** A pointer into seed 004, written as the seed writes its paragraphs: "§ 3, stk. 2". */
export const seed004 = (ref: string): Citation => cite("004", ref);

/** A finding of this rulebook: rule id "aub.<name>", Danish and English text, the field and the value it concerns. */
export function aubFinding(
  rule: string,
  severity: Severity,
  ref: string | Citation,
  en: string,
  da: string,
  subject?: string,
  value?: Finding["value"],
): Finding {
  const c = typeof ref === "string" ? seed004(ref) : ref;
  const extra: { subject?: string; value?: Finding["value"] } = {};
  if (subject !== undefined) extra.subject = subject;
  if (value !== undefined) extra.value = value;
  return finding(`aub.${rule}`, severity, c, { en, da }, extra);
}
