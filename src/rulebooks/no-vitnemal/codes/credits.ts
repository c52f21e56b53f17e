/**
 * §5.8 "Høyeste nivå for privatister": which lower levels a privatist exam at the highest level credits, as data. The
 * seed names the subjects, not their fagkoder; a caller maps the names to the person's lines and passes them to
 * `pass.ts` `creditLowerLevels`. Each row quotes the seed.
 */
import type { Citation } from "../../../kernel/law.ts";
import { seed003 } from "../cite.ts";

export interface HigherLevelCredit {
  /** The subject at the highest level the privatist passes. */
  highest: string;
  /** The lower-level subjects it credits. */
  credited: readonly string[];
  programme: "MD" | "studieforberedende";
  quote: string;
  cite: Citation;
}

const md = (highest: string, credited: string[], quote: string): HigherLevelCredit => ({ highest, credited, programme: "MD", quote, cite: seed003("5.8") });

export const HIGHER_LEVEL_CREDITS: readonly HigherLevelCredit[] = [
  md("teater og bevegelse 2", ["teater og bevegelse 1"], "Privatistene i teater og bevegelse 2 får godskrevet programfaget teater og bevegelse 1."),
  md("teaterproduksjon 2", ["teaterproduksjon 1", "teaterensemble"], "Privatistene i teaterproduksjon 2 får godskrevet programfagene teaterproduksjon 1 og teaterensemble."),
  md("ergonomi og bevegelse 2", ["ergonomi og bevegelse 1"], "Privatistene i ergonomi og bevegelse 2 får godskrevet programfaget ergonomi og bevegelse 1."),
  md("grunntrening i dans 2", ["grunntrening i dans 1"], "Privatistene i grunntrening i dans 2 får godskrevet programfaget grunntrening i dans 1."),
  md("scenisk dans 3", ["danseteknikker", "scenisk dans 1", "scenisk dans 2"], "Privatistene i scenisk dans 3 får godskrevet programfagene danseteknikker, scenisk dans 1 og scenisk dans 2."),
  md("scenisk dans fordypning 2", ["scenisk dans fordypning 1"], "Privatistene i scenisk dans fordypning 2 får godskrevet programfaget scenisk dans fordypning 1."),
  {
    highest: "fremmedspråk (høyeste nivå)",
    credited: ["nivåene under"],
    programme: "studieforberedende",
    quote: "Privatister i fremmedspråk får godskrevet nivåene under.",
    cite: seed003("5.8"),
  },
];

/** The credit row for a subject name (case-insensitive), if the seed lists one. */
export function creditFor(highest: string): HigherLevelCredit | undefined {
  const h = highest.trim().toLowerCase();
  return HIGHER_LEVEL_CREDITS.find((r) => r.highest === h);
}
