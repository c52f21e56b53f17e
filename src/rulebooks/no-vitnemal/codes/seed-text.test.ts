/**
 * The §3 tables and the §5 expressions against the seed's own text: every FAM/VMM code the seed mentions is in the data,
 * every row's printed text and "Bruksområde" are the seed's words, every expiry date is the one the seed prints.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatNorwegianDate } from "../cite.ts";
import { creditFor, HIGHER_LEVEL_CREDITS } from "./credits.ts";
import { EXPRESSIONS, GRADES } from "./grades.ts";
import { MERKNADER } from "./merknader.ts";

// The seed lives beside the checkout (../shared/seeds); the text checks are skipped where it is not present.
const SEED = fileURLToPath(new URL("../../../../../shared/seeds/003_7fd2b374918d990d.txt", import.meta.url));
const seedText = existsSync(SEED) ? readFileSync(SEED, "utf8").replace(/\s+/g, " ") : undefined;

describe.runIf(seedText !== undefined)("seed 003 text ↔ code tables", () => {
  const text = seedText ?? "";

  it("every FAM/VMM code the seed mentions is in the tables", () => {
    const mentioned = new Set([...text.matchAll(/\b(FAM|VMM) ?(\d{2})\b/g)].map((m) => `${m[1]}${m[2]}`));
    const known = new Set(MERKNADER.map((m) => m.code));
    expect([...mentioned].filter((c) => !known.has(c))).toEqual([]);
    expect(mentioned.size).toBeGreaterThan(60);
  });

  it.each(MERKNADER.map((m) => [m.code, m] as const))("%s: the printed text is the seed's", (_c, m) => {
    const prefix = m.nb.split("{")[0]?.trim() ?? "";
    if (prefix.length < 4) return; // VMM17–19 and VMM29 start with a placeholder
    const rowStart = new RegExp(`${m.code} ?${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
    const quoted = text.includes(`«${prefix}`);
    expect(rowStart.test(text) || quoted).toBe(true);
  });

  it.each(MERKNADER.filter((m) => m.use !== undefined).map((m) => [m.code, m.use ?? ""] as const))("%s: the Bruksområde is the seed's", (_c, use) => {
    expect(text).toContain(use.replace(/\s+/g, " ").trim());
  });

  it.each(MERKNADER.filter((m) => m.table === "utgatt").map((m) => [m.code, m] as const))("%s: expires on the date the seed prints", (_c, m) => {
    expect(text).toContain(`${m.code}${m.nb}${formatNorwegianDate(m.validTo ?? "")}`);
  });

  it("§5.1 grade words and §5.2 expressions are the seed's", () => {
    for (const g of GRADES) expect(text).toMatch(new RegExp(`(${g.grade})?${g.nb}`));
    for (const e of EXPRESSIONS) expect(text).toContain(e.name);
  });
});

describe.runIf(seedText !== undefined)("§5.8 credits ↔ seed text", () => {
  it.each(HIGHER_LEVEL_CREDITS.map((r) => [r.highest, r.quote] as const))("%s: the quote is the seed's", (_h, quote) => {
    expect(seedText).toContain(quote);
  });
  it("look-up by name", () => {
    expect(creditFor("Scenisk dans 3")?.credited).toEqual(["danseteknikker", "scenisk dans 1", "scenisk dans 2"]);
    expect(creditFor("matematikk R2")).toBeUndefined();
  });
});
