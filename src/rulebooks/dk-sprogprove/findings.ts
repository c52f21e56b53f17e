/** A finding citing seed 001 by the heading of its passage (see codes.ts REF). */
import { finding, type Finding, type Severity, type Texts } from "../../kernel/law.ts";
import { c001, type RefKey } from "./codes.ts";

export function f001(
  rule: string,
  severity: Severity,
  ref: RefKey,
  message: Required<Pick<Texts, "en" | "da">>,
  extra: { subject?: string; value?: Finding["value"] } = {},
): Finding {
  return finding(`sprogprove.${rule}`, severity, c001(ref), message, extra);
}

/** Prefixes the subjects of findings about one pupil: "attempts.3.result" → "pupils.p17.attempts.3.result". */
export function scoped(prefix: string, fs: readonly Finding[]): Finding[] {
  return fs.map((f) => ({ ...f, subject: f.subject === undefined ? prefix : `${prefix}.${f.subject}` }));
}
