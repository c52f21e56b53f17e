/**
 * The class list's school year of a case (service.ts `caseSchoolYear`): the school year the case ends in, from its
 * statuses' and programme areas' school years and its subject rows' half-years (1 August – 31 July).
 */
import { describe, expect, it } from "vitest";
import { demoCases } from "./demo.ts";
import { caseSchoolYear } from "./service.ts";

const sub = (half: "V" | "H", year: number) => ({ fagkode: "ENG1007", year: { half, year } });

describe("caseSchoolYear", () => {
  it.each([
    ["a spring half-year belongs to the school year that began the August before", { subjects: [sub("V", 2023)] }, "2022/23"],
    ["an autumn half-year belongs to the school year that begins then", { subjects: [sub("H", 2022)] }, "2022/23"],
    ["the latest row decides", { subjects: [sub("V", 2023), sub("H", 2024), sub("V", 2024)] }, "2024/25"],
    ["a status year later than every subject", { statuses: [{ status: "elev", schoolYear: { startYear: 2025 } }], subjects: [sub("V", 2025)] }, "2025/26"],
    ["a programme area's school year counts", { programmeAreas: [{ code: "STUSP1----", level: "VG1", schoolYear: { startYear: 2021 } }], subjects: [] }, "2021/22"],
    ["nothing readable", { subjects: [{ fagkode: "X" }, null], statuses: "no list" }, null],
    ["no lists at all", {}, null],
  ])("%s", (_what, input, expected) => {
    expect(caseSchoolYear(input as Record<string, unknown>)).toBe(expected);
  });

  it("the demo school's cases: Ingrid and Sara end in 2024/25, Jonas and Ola in 2022/23", () => {
    expect(demoCases().map((c) => [c.input.person.name, caseSchoolYear(c.input)])).toEqual([
      ["Ingrid Demo", "2024/25"],
      ["Jonas Demo", "2022/23"],
      ["Ola Demo", "2022/23"],
      ["Sara Demo", "2024/25"],
    ]);
  });
});
