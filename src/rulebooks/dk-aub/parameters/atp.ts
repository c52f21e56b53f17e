/**
 * "Et beløb, der svarer til et fuldt kvartals ATP-bidrag" (seed 004 § 3, stk. 1): the ATP amount that one full-time
 * employee's full quarter brings in, by which the unit's reported ATP total is divided. Set by the ATP rules
 * (lov om Arbejdsmarkedets Tillægspension § 15 and its bekendtgørelse, bilag 1: A-sats 284,00 kr. a month for a
 * monthly paid full-time employee), not by the seed.
 *
 * NOT in facts.md: found in AUB's own description of the calculation on indberet.virk.dk ("Det samlede ATP-bidrag bliver
 * divideret med 852,00 kr., som svarer til et kvartalsbidrag til ATP for en fuldtidsmedarbejder", example for 1st
 * quarter 2020; the English page gives the same 852.00 DKK for 2018) and in bilag 1 to the ATP bekendtgørelse (284,00 ×
 * 3 = 852,00). Secondary source; the value for 2024 is assumed unchanged since 2018: confirm.
 */
import type { DatedParameter } from "./types.ts";
import type { Oere } from "../money.ts";

export const FULL_QUARTER_ATP: readonly DatedParameter<Oere>[] = [
  {
    validFrom: "2018-01-01",
    validTo: "2024-12-31",
    value: 85_200,
    source:
      "indberet.virk.dk, Arbejdsgivernes Uddannelsesbidrag, 'Sådan bliver bidraget beregnet' (852,00 kr., example 1st quarter 2020) " +
      "and 'Contribution rates' (852.00 DKK, 2018); bilag 1 to bekendtgørelse om indbetaling af ATP-bidrag (A-sats 284,00 kr. a month)",
    sureness: "medium",
    secondary: true,
    note: "Not in facts.md. Documented for 2018 and 2020; assumed unchanged to the end of 2024. Confirm with ATP before relying on it.",
  },
];
