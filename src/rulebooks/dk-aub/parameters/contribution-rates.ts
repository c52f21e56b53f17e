/**
 * The AUB contribution (arbejdsgiverbidrag) per full-time employee, per year, and its quarterly share: the rate that
 * seed 004 § 3 calls "et fuldt kvartals bidrag". Set by lov om Arbejdsgivernes Uddannelsesbidrag § 18, stk. 1–2, not by
 * the seed, hence a dated parameter.
 */
import type { DatedParameter } from "./types.ts";
import type { Oere } from "../money.ts";

export interface ContributionRate {
  /** Per full-time employee per year, in øre: the sum of `components`. */
  perYearOere: Oere;
  /** The parts the law sets separately (§ 18, stk. 1 and stk. 2); they are charged together (§ 18, stk. 3). */
  components: { ref: string; perYearOere: Oere }[];
  /**
   * Per full quarter, in øre, as published by AUB. The rules use perYearOere / 4 (the law's figure); this published
   * figure is kept as a cross-check (the parameter test requires perQuarterPublishedOere × 4 = perYearOere).
   */
  perQuarterPublishedOere: Oere;
  perQuarterSource: string;
}

export const CONTRIBUTION_RATES: readonly DatedParameter<ContributionRate>[] = [
  {
    validFrom: "2024-01-01",
    validTo: "2024-12-31",
    value: {
      perYearOere: 314_900,
      components: [
        { ref: "lov om AUB § 18, stk. 1", perYearOere: 291_400 },
        { ref: "lov om AUB § 18, stk. 2", perYearOere: 23_500 },
      ],
      perQuarterPublishedOere: 78_725,
      perQuarterSource: "businessindenmark.virk.dk (facts.md: 'AUB contribution 2024 per quarter', sureness medium)",
    },
    source: "Lov om Arbejdsgivernes Uddannelsesbidrag § 18, stk. 1–2, LBK nr. 111 af 30/01/2024 (via elov.dk)",
    factsRow: "facts.md: AUB contribution 2024",
    sureness: "good",
    secondary: false,
    note: "3.149 kr. = 2.914 + 235 kr.; the quarterly 787,25 kr. published by virk.dk agrees (× 4 = 3.149 kr.)",
  },
];
