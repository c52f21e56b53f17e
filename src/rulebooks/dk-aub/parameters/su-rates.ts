/**
 * The SU stipend rate for students living away from home who are 20 or older (SU-stipendiesatsen for udeboende, der er
 * fyldt 20 år), per month, before tax: the basis of the state's wage-refund grant (seed 004 § 7, stk. 1). Set by the SU
 * rules each year, not by the seed.
 */
import type { DatedParameter } from "./types.ts";
import type { Oere } from "../money.ts";

export const SU_STIPEND_UDEBOENDE_20: readonly DatedParameter<Oere>[] = [
  {
    validFrom: "2023-01-01",
    validTo: "2023-12-31",
    value: 658_900,
    source: "seniorfolk.dk (secondary source; su.dk was not available)",
    factsRow: "facts.md: SU stipend, living away from home, 20+ years, 2024 (\"2023: 6.589\")",
    sureness: "low",
    secondary: true,
    note: "Confirm at su.dk. 2023 precedes seed 004 (in force 1 January 2024, § 12); kept for settlements of 2023 weeks.",
  },
  {
    validFrom: "2024-01-01",
    validTo: "2024-12-31",
    value: 682_000,
    source: "seniorfolk.dk (secondary source; su.dk was not available)",
    factsRow: "facts.md: SU stipend, living away from home, 20+ years, 2024",
    sureness: "low",
    secondary: true,
    note: "Confirm at su.dk.",
  },
];
