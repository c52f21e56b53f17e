import { describe, expect, it } from "vitest";
import { famCodes } from "./entry.ts";
import { adaptedCourseEntry, checkAdaptedCourseHours, introductoryExemption, norskGradeAllowed, specialLanguageEntry } from "./minorities.ts";
import { hy } from "./testing.ts";

const t = <R extends { ref: string; name: string }>(rows: R[]) => rows.map((r) => [`§${r.ref} ${r.name}`, r] as const);

describe("§10.1 tilrettelagt treårig løp", () => {
  it.each(
    t([
      { ref: "10.1", name: "NOR3001 → Deltatt + FAM19", k: "NOR3001", fam: ["FAM19"], error: false },
      { ref: "10.1", name: "NOR3003 → FAM19", k: "NOR3003", fam: ["FAM19"], error: false },
      { ref: "10.1", name: "ENG3002 → FAM26", k: "ENG3002", fam: ["FAM26"], error: false },
      { ref: "10.1", name: "NOR1211 is not an adapted-course code → error", k: "NOR1211", fam: [], error: true },
    ]),
  )("%s", (_t, { k, fam, error }) => {
    const d = adaptedCourseEntry(k, 93, hy("V2024"));
    expect(famCodes(d.value)).toEqual(fam);
    if (!error) expect([d.value.standpunkt, d.value.omfang]).toEqual(["D", 93]);
    expect(d.because.some((x) => x.severity === "error")).toBe(error);
  });
  it.each([
    [[93, 93, 94], false],
    [[140, 140], false],
    [[140, 141], true],
  ] as const)("§10.1 hours %j → over 280: %s", (hours, err) => {
    const lines = hours.map((h, i) => ({ fagkode: i % 2 === 0 ? `NOR300${i + 1}` : `ENG300${i + 1}`, omfang: h }));
    expect(checkAdaptedCourseHours([...lines, { fagkode: "MAT1019", omfang: 140 }]).length > 0).toBe(err);
  });
});

describe("§10.2 særskilt språkopplæring", () => {
  it.each(
    t([
      { ref: "10.2", name: "one code → IV + FAM41 «Språkoppl. NOR0214»", codes: ["NOR0214"], text: "NOR0214", error: false },
      { ref: "10.2", name: "two codes joined with «/»", codes: ["NOR0214", "MSM1001"], text: "NOR0214/MSM1001", error: false },
      { ref: "10.2", name: "no code → error", codes: [], text: "", error: true },
      { ref: "10.2", name: "three codes → error", codes: ["A", "B", "C"], text: "A/B/C", error: true },
    ]),
  )("%s", (_t, { codes, text, error }) => {
    const d = specialLanguageEntry("NOR1206", codes, hy("V2024"));
    expect([d.value.standpunkt, famCodes(d.value), d.value.fam[0]?.params?.["fagkoder"], d.value.onlyOn]).toEqual(["IV", ["FAM41"], text, "kompetansebevis"]);
    expect(d.because.some((x) => x.severity === "error")).toBe(error);
  });
  it.each(
    t([
      { ref: "10.2", name: "grunnleggende norsk → no grade", p: { laereplan: "grunnleggende" as const, level: "VG1" as const, track: "yrkesfag" as const, final: false }, ok: false },
      { ref: "10.2", name: "kort botid, final on vg2 yrkesfag → allowed", p: { laereplan: "kortBotid" as const, level: "VG2" as const, track: "yrkesfag" as const, final: true }, ok: true },
      { ref: "10.2", name: "kort botid, final on vg3 studieforberedende → allowed", p: { laereplan: "kortBotid" as const, level: "VG3" as const, track: "studieforberedende" as const, final: true }, ok: true },
      { ref: "10.2", name: "kort botid, final on vg4 påbygging → allowed", p: { laereplan: "kortBotid" as const, level: "VG4" as const, track: "pabygging" as const, final: true }, ok: true },
      { ref: "10.2", name: "kort botid, final on vg2 studieforberedende → not allowed", p: { laereplan: "kortBotid" as const, level: "VG2" as const, track: "studieforberedende" as const, final: true }, ok: false },
      { ref: "10.2", name: "ordinary norsk → allowed", p: { laereplan: "ordinaer" as const, level: "VG2" as const, track: "studieforberedende" as const, final: true }, ok: true },
    ]),
  )("%s", (_t, { p, ok }) => expect(norskGradeAllowed(p).value).toBe(ok));
  it.each([
    ["halvar", true],
    ["standpunkt", false],
  ] as const)("§10.2 innføringstilbud: fritak from %s → %s", (of, ok) => expect(introductoryExemption(of).value).toBe(ok));
});
