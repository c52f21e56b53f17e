import { describe, expect, it } from "vitest";
import { cprFor } from "../../kernel/ids/testing.ts";
import { parseEducation, parseExamGradeRow, parseExamineeRow, parseGradePart, parseLevel, parseStandpunktRow, type ExamineeRowInput, type GradeRowInput } from "./parse.ts";

const row = (over: Partial<GradeRowInput> = {}): GradeRowInput => ({
  id: "g1",
  examineeId: "e1",
  subjectCode: "DAN",
  subjectName: "Dansk",
  level: "A",
  part: "mundtlig",
  grade: "02",
  date: "2024-06-10",
  ...over,
});

describe("parseLevel (§ 40, stk. 1)", () => {
  it.each([["A", "A"], ["b", "B"], [" C ", "C"], ["A-niveau", "A"]])("accepts %j", (s, l) => expect(parseLevel(s).value).toBe(l));
  it.each([["D"], ["G"], [""], ["AA"]])("refuses %j with a finding citing § 40", (s) => {
    expect(parseLevel(s, "lvl")).toMatchObject({ value: null, because: [{ rule: "eksamen.input.level", severity: "error", subject: "lvl", cite: { seed: "002", ref: "§ 40, stk. 1" } }] });
  });
});

describe("parseEducation and parseGradePart", () => {
  it.each([["stx", "stx"], ["HF", "hf2"], ["2-årig hf", "hf2"], ["gs", "gsk"], ["eux", "eux"]])("education %j → %s", (s, e) => expect(parseEducation(s).value).toBe(e));
  it("refuses an unknown education", () => expect(parseEducation("folkeskole").because[0]).toMatchObject({ rule: "eksamen.input.education", cite: { ref: "§ 1, stk. 3" } }));
  it.each([["Skriftlig", "written"], ["mundtlig", "oral"], ["praktisk", "practical"], ["samlet", "combined"]])("part %j → %s", (s, p) => expect(parseGradePart(s).value).toBe(p));
  it("refuses an unknown part", () => expect(parseGradePart("digital").because[0]).toMatchObject({ rule: "eksamen.input.part", cite: { ref: "§ 12, stk. 1, nr. 3" } }));
});

describe("grade rows: whole or not made", () => {
  it("makes an exam grade from a good row", () => {
    expect(parseExamGradeRow(row())).toEqual({
      value: { id: "g1", examineeId: "e1", subject: { code: "DAN", name: { da: "Dansk" } }, level: "A", part: "oral", grade: 2, date: "2024-06-10", status: "valid" },
      because: [],
    });
  });
  it("a component without a level is fine (SRP)", () => {
    const d = parseStandpunktRow(row({ subjectCode: "SRP", component: "srp", level: "" }));
    expect(d.value).toMatchObject({ subject: { code: "SRP", component: "srp" }, grade: 2 });
    expect(d.value).not.toHaveProperty("level");
  });
  it.each([
    [{ grade: "2" }, ["grade.7.not-on-scale"]],
    [{ grade: "13" }, ["grade.7.not-on-scale"]],
    [{ level: "D" }, ["eksamen.input.level"]],
    [{ level: "" }, ["eksamen.input.level-missing"]],
    [{ part: "x" }, ["eksamen.input.part"]],
    [{ date: "10-06-2024" }, ["eksamen.input.date"]],
    [{ subjectCode: " " }, ["eksamen.input.subject-missing"]],
    [{ component: "foo" }, ["eksamen.input.component"]],
    [{ grade: "B", level: "Q" }, ["eksamen.input.level", "grade.7.not-on-scale"]],
  ] as const)("%j → %j, nothing made", (over, rules) => {
    const d = parseExamGradeRow(row(over));
    expect(d.value).toBeNull();
    expect(d.because.map((f) => f.rule)).toEqual(rules);
  });
});

describe("parseExamineeRow", () => {
  const cpr = cprFor("2006-03-15", 123)!;
  const er = (over: Partial<ExamineeRowInput> = {}): ExamineeRowInput => ({
    id: "e1",
    cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
    name: " Test Elev ",
    education: "stx",
    coherent: "ja",
    programmeStart: "2022-08-10",
    ...over,
  });
  it("makes an examinee with the normalised CPR", () => {
    expect(parseExamineeRow(er()).value).toEqual({ id: "e1", cpr, name: "Test Elev", education: "stx", coherent: true, programmeStart: "2022-08-10" });
  });
  it.each([
    [{ cpr: "150306-12" }, ["id.cpr.format"]],
    [{ education: "folkeskole" }, ["eksamen.input.education"]],
    [{ coherent: "måske" }, ["eksamen.input.coherent"]],
    [{ programmeStart: "aug 2022" }, ["eksamen.input.programme-start"]],
    [{ name: "" }, ["eksamen.input.name"]],
  ] as const)("%j → %j, nothing made", (over, rules) => {
    const d = parseExamineeRow(er(over));
    expect(d.value).toBeNull();
    expect(d.because.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(rules);
    expect(JSON.stringify(d.because)).not.toContain(cpr.slice(6));
  });
});
