import { describe, expect, it } from "vitest";
import { coverageProblems, versionOn } from "../../../kernel/law.ts";
import { addDays } from "../../../kernel/time/date.ts";
import { CONTRIBUTION_RATES, FULL_QUARTER_ATP, SU_STIPEND_UDEBOENDE_20, parameterOn, type DatedParameter } from "./index.ts";

const tables: [string, readonly DatedParameter<unknown>[], string, string][] = [
  ["contribution rates", CONTRIBUTION_RATES, "2024-01-01", "2024-12-31"],
  ["full-quarter ATP amount", FULL_QUARTER_ATP, "2018-01-01", "2024-12-31"],
  ["SU stipend udeboende 20+", SU_STIPEND_UDEBOENDE_20, "2023-01-01", "2024-12-31"],
];

describe("dated parameters: date sweep (no gap, no overlap)", () => {
  it.each(tables)("%s cover their span without a gap or an overlap", (_name, table, from, to) => {
    expect(coverageProblems(table, from, to)).toEqual([]);
    for (let d = from; d <= to; d = addDays(d, 1)) expect(versionOn(table, d)).toBeDefined();
  });

  it.each(tables)("%s: every row has a source, a sureness and a closed validity, in integer øre or data", (_n, table) => {
    for (const row of table) {
      expect(row.source.length).toBeGreaterThan(0);
      expect(row.validFrom <= row.validTo).toBe(true);
    }
  });

  it("the sweep itself detects a gap and an overlap", () => {
    const [a] = SU_STIPEND_UDEBOENDE_20;
    if (a === undefined) throw new Error("no row");
    expect(coverageProblems([a, { ...a, validFrom: "2024-01-02", validTo: "2024-12-31" }], "2023-01-01", "2024-12-31")).toEqual([
      "gap from 2024-01-01 to 2024-01-01",
    ]);
    expect(coverageProblems([a, { ...a, validFrom: "2023-12-31", validTo: "2024-12-31" }], "2023-01-01", "2024-12-31")).toEqual([
      "overlap from 2023-12-31",
    ]);
  });
});

describe("contribution rate (lov om AUB § 18; facts.md)", () => {
  it("2024: 3.149 kr. a year = 2.914 + 235 kr.; the published quarterly 787,25 kr. × 4 agrees", () => {
    for (const row of CONTRIBUTION_RATES) {
      const v = row.value;
      expect(v.components.reduce((s, c) => s + c.perYearOere, 0)).toBe(v.perYearOere);
      expect(v.perQuarterPublishedOere * 4).toBe(v.perYearOere);
      expect(v.perYearOere % 4).toBe(0);
      expect(Number.isSafeInteger(v.perYearOere)).toBe(true);
    }
    expect(versionOn(CONTRIBUTION_RATES, "2024-07-01")?.value.perYearOere).toBe(314_900);
  });
});

describe("parameterOn", () => {
  it("no value in force: an error finding, never a guess", () => {
    const d = parameterOn(CONTRIBUTION_RATES, "2025-01-01", { id: "contribution-rate", en: "rate", da: "sats" }, "§ 3, stk. 1", String);
    expect(d.value).toBeNull();
    expect(d.because.map((f) => [f.rule, f.severity, f.cite.ref])).toEqual([["aub.parameter.contribution-rate.missing", "error", "§ 3, stk. 1"]]);
  });

  it("a secondary source is flagged (SU rate, facts.md: low, confirm)", () => {
    const d = parameterOn(SU_STIPEND_UDEBOENDE_20, "2024-05-01", { id: "su-rate", en: "SU rate", da: "SU-sats" }, "§ 7, stk. 1", String);
    expect(d.value?.value).toBe(682_000);
    const w = d.because.find((f) => f.rule === "aub.parameter.su-rate.secondary-source");
    expect(w?.severity).toBe("warning");
    expect(w?.cite.seed).toBe("reference");
    expect(w?.message.da).toBeDefined();
  });

  it("a good source carries only the info finding", () => {
    const d = parameterOn(CONTRIBUTION_RATES, "2024-05-01", { id: "contribution-rate", en: "rate", da: "sats" }, "§ 3, stk. 1", (v) => String(v.perYearOere));
    expect(d.because.map((f) => f.severity)).toEqual(["info"]);
  });
});
