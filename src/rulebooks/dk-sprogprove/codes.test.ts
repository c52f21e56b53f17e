import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BHKL_ATTEMPTS, DATES, MAX_ATTEMPTS, REF, RESULTS, SUBMITTER_ROLES } from "./codes.ts";

// The seed lives beside the checkout (../shared/seeds); the text checks are skipped where it is not present.
const SEED = fileURLToPath(new URL("../../../../shared/seeds/001_65501cc152d86198.txt", import.meta.url));
const seedText = existsSync(SEED) ? readFileSync(SEED, "utf8").replace(/\s+/g, " ") : undefined;
const refs = new Set<string>(Object.values(REF));

const rows = [
  ...RESULTS.map((r) => ({ name: `result ${r.code}`, quote: r.quote, cite: r.cite })),
  ...BHKL_ATTEMPTS.map((r) => ({ name: `bh.kl. attempt ${r.no}`, quote: r.quote, cite: r.cite })),
  ...SUBMITTER_ROLES.map((r) => ({ name: `role ${r.role}`, quote: r.quote, cite: r.cite })),
  ...Object.entries(DATES).map(([k, r]) => ({ name: `date ${k}`, quote: r.quote, cite: r.cite })),
  { name: "max attempts bh.kl.", quote: MAX_ATTEMPTS.bhkl.quote, cite: MAX_ATTEMPTS.bhkl.cite },
];

describe("code tables: every row cites a passage of seed 001", () => {
  it.each(rows.map((r) => [r.name, r] as const))("%s", (_n, row) => {
    expect(row.cite.length).toBeGreaterThan(0);
    for (const c of row.cite) {
      expect(c.seed).toBe("001");
      expect(refs.has(c.ref)).toBe(true);
    }
  });
  it.runIf(seedText !== undefined).each(rows.map((r) => [r.name, r.quote] as const))("the quote of %s is the guide's words", (_n, quote) => {
    // A quote may elide with "…" and join two passages with " / "; each fragment must be in the guide.
    const fragments = quote
      .split(/…|\s\/\s/)
      .map((s) => s.trim())
      .filter((s) => s.length > 8 && !s.startsWith("("));
    expect(fragments.length).toBeGreaterThan(0);
    for (const f of fragments) expect(seedText).toContain(f);
  });
  it.runIf(seedText !== undefined)("every heading cited is a heading of the guide", () => {
    for (const ref of refs) {
      if (ref === REF.intro) continue;
      expect(seedText).toContain(ref.replace(/^Praktisk vejledning, /, ""));
    }
  });
  it("the three result values and the three roles, as the guide names them", () => {
    expect(RESULTS.map((r) => r.da)).toEqual(["Sprogparat", "Ikke sprogparat", "Intet resultat"]);
    expect(RESULTS.filter((r) => r.passed).map((r) => r.code)).toEqual(["sprogparat"]);
    expect(SUBMITTER_ROLES.map((r) => r.role)).toEqual(["leder", "ledelse", "tap"]);
    expect(BHKL_ATTEMPTS.map((r) => r.kind)).toEqual(["mandatory", "mandatory", "mandatory", "voluntary"]);
  });
});
