/**
 * Looks up the dated parameter in force on a date and explains the value: which row, from which source, and — for a
 * value from a secondary source — a warning that it must be confirmed (facts.md).
 */
import { cite, decision, versionOn, type Decision, type Finding } from "../../../kernel/law.ts";
import type { IsoDate } from "../../../kernel/time/date.ts";
import { aubFinding } from "../cite.ts";
import type { DatedParameter } from "./types.ts";

export * from "./types.ts";
export { CONTRIBUTION_RATES, type ContributionRate } from "./contribution-rates.ts";
export { FULL_QUARTER_ATP } from "./atp.ts";
export { SU_STIPEND_UDEBOENDE_20 } from "./su-rates.ts";

export interface ParameterName {
  en: string;
  da: string;
  /** The parameter's id in findings ("contribution-rate", "full-quarter-atp", "su-rate"). */
  id: string;
}

/**
 * The version of `table` in force on `on`. No version: an error finding (an administrator must add the year's value),
 * never a guess. A secondary or low-sureness source: a warning naming the source.
 *
 * @param seedRef the paragraph of seed 004 that uses the parameter (the finding cites it)
 * @param show renders the value for people (e.g. in kroner)
 */
export function parameterOn<T>(
  table: readonly DatedParameter<T>[],
  on: IsoDate,
  name: ParameterName,
  seedRef: string,
  show: (v: T) => string,
): Decision<DatedParameter<T> | null> {
  const row = versionOn(table, on);
  if (row === undefined)
    return decision<DatedParameter<T> | null>(null, [
      aubFinding(
        `parameter.${name.id}.missing`,
        "error",
        seedRef,
        `No ${name.en} is recorded for ${on}; an administrator must add that year's value with its source.`,
        `Der er ikke registreret ${name.da} for ${on}; en administrator skal tilføje årets værdi med kilde.`,
        name.id,
        on,
      ),
    ]);
  const because: Finding[] = [
    aubFinding(
      `parameter.${name.id}.used`,
      "info",
      seedRef,
      `${name.en} ${row.validFrom}–${row.validTo}: ${show(row.value)} (source: ${row.source}).`,
      `${name.da} ${row.validFrom}–${row.validTo}: ${show(row.value)} (kilde: ${row.source}).`,
      name.id,
      show(row.value),
    ),
  ];
  if (row.secondary || row.sureness === "low" || row.sureness === "medium")
    because.push(
      aubFinding(
        `parameter.${name.id}.secondary-source`,
        "warning",
        row.factsRow !== undefined ? cite("reference", row.factsRow) : seedRef,
        `${name.en} ${show(row.value)} comes from ${row.secondary ? "a secondary source" : "a source"} of ${row.sureness} sureness (${row.source}); confirm it before relying on it.`,
        `${name.da} ${show(row.value)} stammer fra ${row.secondary ? "en sekundær kilde" : "en kilde"} med sikkerhed "${row.sureness}" (${row.source}); bekræft værdien, før den lægges til grund.`,
        name.id,
        show(row.value),
      ),
    );
  return decision<DatedParameter<T> | null>(row, because);
}
