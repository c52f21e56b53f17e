/** Resolving a merknad for a document on a date (§2.6, §3, §3.5, §3.6, §4.2). */
import { describe, expect, it } from "vitest";
import { fillText, resolveMerknad } from "./lookup.ts";

describe("resolveMerknad", () => {
  it.each([
    // [section, code, date, document, params, expected rule or text]
    ["3.1", "FAM01", "2024-06-20", "vitnemal", undefined, "Fritatt fra opplæring"],
    ["3.1", "FAM13", "2024-06-20", "vitnemal", { fagkode: "AA6010" }, "Fag R94 AA6010"],
    ["3.1", "FAM13", "2024-06-20", "vitnemal", undefined, "vitnemal.merknad.missing-value"],
    ["3.1", "FAM39", "2024-06-20", "kompetansebevis", undefined, "Dokumentert fravær"],
    ["3.1", "FAM39", "2024-06-20", "vitnemal", undefined, "vitnemal.merknad.wrong-document"],
    ["3.1", "FAM37", "2024-06-20", "kompetansebevis", undefined, "vitnemal.merknad.wrong-document"],
    ["3.1", "FAM58", "2024-06-20", "vitnemal", undefined, "vitnemal.merknad.wrong-document"],
    ["3.1", "FAM46", "2012-12-31", "vitnemal", { fagkode: "FSP5001" }, "vitnemal.merknad.not-yet-valid"],
    ["3.1", "FAM46", "2013-01-01", "vitnemal", { fagkode: "FSP5001" }, "Fullført FSP5001 u.tr."],
    ["3.1", "FAM52", "2016-12-31", "vitnemal", undefined, "vitnemal.merknad.not-yet-valid"],
    ["3.1", "FAM52", "2017-01-01", "vitnemal", undefined, "Godkjent etter søknad"],
    ["3.5", "FAM47", "2016-12-31", "vitnemal", undefined, "Godkjent etter søknad"],
    ["3.5", "FAM47", "2017-01-01", "vitnemal", undefined, "vitnemal.merknad.expired"],
    ["3.5", "FAM22", "2009-01-01", "kompetansebevis", undefined, "vitnemal.merknad.expired"],
    ["3.6", "VMM12", "2011-01-01", "vitnemal", undefined, "vitnemal.merknad.expired"],
    ["3.2", "VMM06", "2024-06-20", "kompetansebevis", undefined, "vitnemal.merknad.wrong-document"],
    ["3.3", "VMM31", "2024-06-20", "vitnemal", { dato: "14.06.2024" }, "Bestått fagopplæring 14.06.2024"],
    ["3.3", "VMM32", "2024-06-20", "kompetansebevis", { programomrade: "ELELE2---- Elenergi og ekom" }, "vitnemal.merknad.wrong-document"],
    ["3.4", "VMM33", "2024-06-20", "vitnemal", { dato: "01.06.2025" }, "vitnemal.merknad.wrong-document"],
    ["3.4", "VMM33", "2024-06-20", "kompetansebevis", { dato: "01.06.2025" }, "Eleven skal etter avtale med skolen ta fremmedspråk fellesfag som privatist innen 01.06.2025."],
    ["3", "FAM99", "2024-06-20", "vitnemal", undefined, "vitnemal.merknad.unknown"],
    ["3", "XYZ", "2024-06-20", "vitnemal", undefined, "vitnemal.merknad.unknown"],
  ] as const)("§%s %s on %s (%s) → %s", (_ref, code, on, document, params, expected) => {
    const d = resolveMerknad(code, params === undefined ? { on, document } : { on, document, params: { ...params } });
    if (expected.startsWith("vitnemal.")) {
      expect(d.value).toBeNull();
      expect(d.because.map((f) => f.rule)).toEqual([expected]);
      expect(d.because[0]?.severity).toBe("error");
      expect(d.because[0]?.message.nb).toBeTruthy();
    } else {
      expect(d.value?.text).toBe(expected);
    }
  });

  it("§4.2: VMM32 on a kompetansebevis only when the completed-but-not-passed case holds", () => {
    const d = resolveMerknad("VMM32", {
      on: "2024-06-20",
      document: "kompetansebevis",
      params: { programomrade: "ELELE2---- Elenergi og ekom" },
      conditionalAllowed: true,
    });
    expect(d.value?.text).toBe("Det er tatt fag utover fastsatt minstekrav til timetall fra programområde ELELE2---- Elenergi og ekom.");
  });

  it("expired finding names the replacement (§3.5 'Erstattet av FAM52 fra 2017')", () => {
    const d = resolveMerknad("FAM15", { on: "2020-01-01", document: "vitnemal" });
    expect(d.because[0]?.message.nb).toContain("bruk FAM52");
    expect(d.because[0]?.message.nb).toContain("31.12.2016");
  });

  it("fillText reports missing placeholders", () => {
    expect(fillText("Fag R94 {fagkode}", {})).toEqual({ text: "Fag R94 <fagkode>", missing: ["fagkode"] });
  });
});
