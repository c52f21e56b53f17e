/**
 * Dated parameters of the AUB rulebook: rates that change from year to year, each row with its validity, its value,
 * its source and how sure that source is (`../shared/reference/facts.md`). Rules never hold a rate as a literal; they
 * look up the row in force on the decision date with `versionOn` (kernel/law.ts).
 */
import type { Validity } from "../../../kernel/law.ts";
import type { IsoDate } from "../../../kernel/time/date.ts";

/** How sure a value is, as facts.md grades it. */
export type Sureness = "certain" | "good" | "medium" | "low";

export interface ParameterSource {
  /** Where the value comes from (a law with its LBK, a web page). */
  source: string;
  /** The row of `../shared/reference/facts.md` that records it, when there is one. */
  factsRow?: string;
  sureness: Sureness;
  /**
   * A secondary source (not the law or the authority that sets the value): the value must be shown to the user as such
   * until confirmed (facts.md: "a value listed here as 'secondary source' must be shown to the user as such").
   */
  secondary: boolean;
  note?: string;
}

/** One version of a dated parameter. Both ends inclusive and required: a value is never assumed to run on forever. */
export interface DatedParameter<T> extends Validity, ParameterSource {
  validFrom: IsoDate;
  validTo: IsoDate;
  value: T;
}
