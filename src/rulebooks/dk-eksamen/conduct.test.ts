import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateBetween } from "../../kernel/ids/testing.ts";
import { addDays } from "../../kernel/time/date.ts";
import { isWorkingDay, rollForward, workingDaysBetween } from "../../kernel/time/deadline.ts";
import { DK_HOLIDAYS } from "../../kernel/time/holidays.ts";
import {
  checkCensorMaterial,
  checkDeclaration,
  checkDraw,
  checkRetakeDate,
  examLanguage,
  expulsion,
  expulsionConsequences,
  lateOrAbsent,
  latestCensorMaterialDate,
  productOwner,
  mayBePresent,
  examHasBegun,
  examAbroad,
  specialConditions,
  type DrawInput,
} from "./conduct.ts";

const rules = (fs: readonly { rule: string }[]) => fs.map((f) => f.rule);

describe("§ 12, stk. 4 the draw", () => {
  const base: DrawInput = {
    answer: ["oral"],
    options: 23,
    examinees: 20,
    allOptionsShownAtStart: true,
    tasksKnownBeforehand: false,
    present: ["examiner", "censor"],
    examDate: "2025-06-10",
    materialSentOn: "2025-05-30", // 2. pinsedag 9 June and grundlovsdag 5 June are not weekdays
  };
  it.each([
    ["20 examinees, 23 options: exactly 3 more", {}, true, "eksamen.draw.options-ok"],
    ["20 examinees, 22 options", { options: 22 }, false, "eksamen.draw.too-few-options"],
    ["0 examinees need 3 options", { examinees: 0, options: 3 }, true, "eksamen.draw.options-ok"],
    ["1 examinee, 3 options", { examinees: 1, options: 3 }, false, "eksamen.draw.too-few-options"],
    ["a fractional count is bad input", { options: 23.5 }, false, "eksamen.draw.bad-count"],
    ["options not shown at the start", { allOptionsShownAtStart: false }, false, "eksamen.draw.not-shown"],
    ["examiner and the head of the institution", { present: ["examiner", "leader"] }, true, "eksamen.draw.options-ok"],
    ["examiner and the head's appointee", { present: ["examiner", "leader-appointee"] }, true, "eksamen.draw.options-ok"],
    ["examiner alone", { present: ["examiner"] }, false, "eksamen.draw.presence"],
    ["censor and head without the examiner", { present: ["censor", "leader"] }, false, "eksamen.draw.presence"],
    ["tasks known beforehand: nobody need be present", { tasksKnownBeforehand: true, present: [] }, true, "eksamen.draw.options-ok"],
    ["written exam: no draw", { answer: ["written"], options: 0 }, true, "eksamen.draw.not-required"],
    ["the exam's own rules say no draw", { noDrawByExamRules: true, options: 0 }, true, "eksamen.draw.not-required"],
    ["written + oral: the draw applies", { answer: ["written", "oral"], options: 5 }, false, "eksamen.draw.too-few-options"],
  ] as const)("%s", (_name, change, ok, rule) => {
    const d = checkDraw({ ...base, ...change } as DrawInput);
    expect(d.value).toBe(ok);
    expect(rules(d.because)).toContain(rule);
    expect(d.because.every((f) => f.cite.seed === "002")).toBe(true);
  });
});

describe("§ 12, stk. 4 material to the censor at least 5 weekdays before", () => {
  it.each([
    // [exam date, latest send date, why]
    ["2025-03-14", "2025-03-07", "Friday exam: the Friday before"],
    ["2025-03-12", "2025-03-05", "Wednesday: across one weekend"],
    ["2025-03-10", "2025-03-03", "Monday exam: the Monday before"],
    ["2025-04-23", "2025-04-11", "Easter 2025: skærtorsdag, langfredag and 2. påskedag are not weekdays"],
    ["2025-01-06", "2024-12-23", "Christmas: 24–26 Dec, 31 Dec and 1 Jan are not weekdays"],
    ["2025-06-06", "2025-05-28", "grundlovsdag 5 June and Kristi himmelfartsdag 29 May 2025 are not weekdays"],
    ["2024-05-06", "2024-04-29", "store bededag no longer a holiday in 2024 (26 April)"],
    ["2023-05-08", "2023-04-28", "store bededag 5 May 2023 was a holiday"],
  ] as const)("exam %s → send by %s (%s)", (exam, latest, _why) => {
    const got = latestCensorMaterialDate(exam);
    expect(got).toBe(latest);
    expect(workingDaysBetween(got, exam, DK_HOLIDAYS)).toBe(5);
    expect(checkCensorMaterial(exam, got, false).because[0]?.rule).toBe("eksamen.censor-material.in-time");
    const dayAfter = addDays(got, 1);
    const late = checkCensorMaterial(exam, dayAfter, false);
    expect(late.because[0]?.severity).toBe("error");
    expect(late.value).toBe(isWorkingDay(dayAfter, DK_HOLIDAYS) ? 4 : workingDaysBetween(rollForward(dayAfter, DK_HOLIDAYS), exam, DK_HOLIDAYS));
  });

  it("a Saturday sending after a Friday deadline counts from Monday: late", () => {
    expect(checkCensorMaterial("2025-03-14", "2025-03-08", false)).toMatchObject({ value: 4, because: [{ rule: "eksamen.censor-material.late" }] });
  });

  it("late with special circumstances is a warning; not sent yet gives the due date", () => {
    expect(checkCensorMaterial("2025-03-14", "2025-03-10", true).because[0]).toMatchObject({ rule: "eksamen.censor-material.late-special", severity: "warning" });
    expect(checkCensorMaterial("2025-03-14", "2025-03-10", false).value).toBe(4);
    expect(checkCensorMaterial("2025-03-14", undefined, false).because[0]).toMatchObject({ rule: "eksamen.censor-material.due", value: "2025-03-07" });
  });

  it("property: sending on or before the latest date always leaves at least 5 weekdays; any later working day fewer", () => {
    fc.assert(
      fc.property(dateBetween("2011-01-01", "2040-12-31"), fc.integer({ min: -20, max: 20 }), (d0, off) => {
        const exam = rollForward(d0, DK_HOLIDAYS); // exams are held on working days
        const latest = latestCensorMaterialDate(exam);
        const sent = addDays(latest, off);
        const d = checkCensorMaterial(exam, sent, false);
        const inTime = d.because[0]?.rule === "eksamen.censor-material.in-time";
        expect(inTime).toBe(sent <= latest);
        expect(d.value! >= 5).toBe(inTime);
      }),
    );
  });
});

describe("§ 17 lateness and absence", () => {
  it.each([
    ["absent", { kind: "absent", answer: ["oral"] }, { participateNow: false, timeExtended: false, laterOfferPossible: false }],
    ["absent, justified", { kind: "absent", answer: ["oral"], reasonablyJustified: true }, { participateNow: false, timeExtended: false, laterOfferPossible: true }],
    ["late for written, no info, short and justified", { kind: "late", answer: ["written"], couldNotHaveReceivedInformation: true, delayJustifiedAndShort: true }, { participateNow: true, timeExtended: false, laterOfferPossible: false }],
    ["… and a special case: time extended", { kind: "late", answer: ["written"], couldNotHaveReceivedInformation: true, delayJustifiedAndShort: true, extendTimeSpecialCase: true }, { participateNow: true, timeExtended: true, laterOfferPossible: false }],
    ["late for written, may have had information", { kind: "late", answer: ["written"], couldNotHaveReceivedInformation: false, delayJustifiedAndShort: true, reasonablyJustified: true }, { participateNow: false, timeExtended: false, laterOfferPossible: true }],
    ["late for oral: stk. 2 covers written exams only", { kind: "late", answer: ["oral"], couldNotHaveReceivedInformation: true, delayJustifiedAndShort: true }, { participateNow: false, timeExtended: false, laterOfferPossible: false }],
  ] as const)("%s", (_n, input, outcome) => {
    const d = lateOrAbsent(input);
    expect(d.value).toEqual(outcome);
    expect(d.because[0]?.cite.ref).toBe("§ 17, stk. 1");
    expect(d.because.at(-1)?.cite.ref).toBe("§ 55, stk. 1");
  });
});

describe("§ 18 language", () => {
  it.each([
    [{ language: "da", documentsDanish: true }, true, "§ 18, stk. 1"],
    [{ language: "sv", documentsDanish: false }, true, "§ 18, stk. 1"],
    [{ language: "nb", documentsDanish: false }, true, "§ 18, stk. 1"],
    [{ language: "no", documentsDanish: true }, false, "§ 18, stk. 1"],
    [{ language: "en", documentsDanish: false, taughtIn: "en" }, true, "§ 18, stk. 2"],
    [{ language: "da", documentsDanish: false, taughtIn: "en" }, false, "§ 18, stk. 2"],
    [{ language: "da", documentsDanish: false, taughtIn: "en", institutionDeparts: true }, true, "§ 18, stk. 1"],
    [{ language: "en", documentsDanish: false }, false, "§ 18, stk. 3"],
    [{ language: "en", documentsDanish: false, agreement: { veryspecialCircumstances: true, assessmentEnsured: true } }, true, "§ 18, stk. 3"],
    [{ language: "en", documentsDanish: false, agreement: { veryspecialCircumstances: true, assessmentEnsured: false } }, false, "§ 18, stk. 3"],
  ] as const)("%o → %s (%s)", (input, ok, ref) => {
    const d = examLanguage(input);
    expect(d.value).toBe(ok);
    expect(d.because[0]?.cite.ref).toBe(ref);
  });
});

describe("§ 19 special exam conditions", () => {
  it.each([
    [{ basis: "physical", necessaryForEquality: true, changesLevel: false }, true, []],
    [{ basis: "mental", necessaryForEquality: true, changesLevel: true }, false, ["eksamen.special.changes-level"]],
    [{ basis: "similar-specific", necessaryForEquality: false, changesLevel: false }, false, ["eksamen.special.not-necessary"]],
    [{ basis: "none", necessaryForEquality: true, changesLevel: false }, false, ["eksamen.special.no-basis"]],
  ] as const)("%o → %s", (input, ok, errs) => {
    const d = specialConditions(input);
    expect(d.value).toBe(ok);
    expect(d.because.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(errs);
    expect(d.because.at(-1)?.cite.ref).toBe("§ 35, stk. 3");
  });
});

describe("§ 20 cheating and expulsion", () => {
  it.each([
    [{ kind: "obtained-help", when: "during" }, "must", "§ 20, stk. 1"],
    [{ kind: "gave-help", when: "during" }, "must", "§ 20, stk. 1"],
    [{ kind: "unauthorised-aids", when: "during" }, "must", "§ 20, stk. 1"],
    [{ kind: "others-work", when: "after", confirmed: true, couldAffectAssessment: true }, "must", "§ 20, stk. 2"],
    [{ kind: "own-earlier-work", when: "after", confirmed: true, couldAffectAssessment: false }, "no", "§ 20, stk. 2"],
    [{ kind: "obtained-help", when: "after", confirmed: false }, "no", "§ 20, stk. 2"],
    [{ kind: "rules-breach", when: "during" }, "may", "§ 20, stk. 3"],
  ] as const)("%o → %s (%s)", (input, v, ref) => {
    const d = expulsion(input);
    expect(d.value).toBe(v);
    expect(d.because.at(-1)?.cite.ref).toBe(ref);
  });

  const terms = [
    { id: "vinter-2025", start: "2025-12-01", end: "2026-01-20" },
    { id: "sommer-2026", start: "2026-05-04", end: "2026-06-26" },
  ];
  it("stk. 4: grades void, retake in the next term where the exam is held, within 1 year", () => {
    const d = expulsionConsequences("2025-06-10", terms);
    expect(d.value).toMatchObject({ gradesVoid: true, mayRetake: true, latestRetakeDate: "2026-06-10" });
    expect(d.value.retakeTerm?.id).toBe("vinter-2025");
    expect(rules(d.because)).toEqual(["eksamen.expulsion.grades-void", "eksamen.expulsion.retake-term", "eksamen.expulsion.appeal"]);
  });
  it("stk. 4: the exam held only in summer 2026, expelled in May 2025 → no term within a year: warning", () => {
    const d = expulsionConsequences("2025-05-03", [terms[1]!]);
    expect(d.value.retakeTerm).toBeNull();
    expect(d.because[1]).toMatchObject({ rule: "eksamen.expulsion.no-term-within-year", severity: "warning", value: "2026-05-03" });
  });
  it.each([
    ["2025-06-10", "2026-06-10", true],
    ["2025-06-10", "2026-06-11", false],
    ["2024-02-29", "2025-02-28", true],
    ["2024-02-29", "2025-03-01", false],
    ["2025-06-10", "2025-06-10", false],
  ] as const)("stk. 4: expelled %s, retake %s → %s", (e, r, ok) => {
    expect(checkRetakeDate(e, r).value).toBe(ok);
  });
  it("stk. 5: a written answer needs the signed declaration", () => {
    expect(checkDeclaration(true, false).map((f) => f.cite.ref)).toEqual(["§ 20, stk. 5"]);
    expect(checkDeclaration(true, true)).toEqual([]);
    expect(checkDeclaration(false, false)).toEqual([]);
  });
});

describe("§ 56 products of the exam", () => {
  it.each([
    ["2025-06-20", "2025-08-20", undefined, "examinee", "the last day of the 2 months"],
    ["2025-06-20", "2025-08-21", undefined, "institution", "the day after"],
    ["2025-06-20", "2025-12-01", "2025-08-20", "examinee", "claimed on the last day"],
    ["2025-06-20", "2025-12-01", "2025-08-21", "institution", "claimed a day late"],
    ["2025-12-31", "2026-02-28", undefined, "examinee", "31 December + 2 months = 28 February"],
    ["2025-12-31", "2026-03-01", undefined, "institution", "… and 1 March is after"],
  ] as const)("notified %s, on %s, claimed %s → %s (%s)", (notified, on, claimed, owner, _why) => {
    const d = productOwner(notified, on, claimed);
    expect(d.value).toBe(owner);
    expect(d.because[0]?.cite.ref).toBe("§ 56, stk. 2");
  });
});

describe("§ 13 who may be present", () => {
  it.each([
    [["oral"], "examination", "public", {}, true, "§ 13, stk. 1"],
    [["practical"], "examination", "public", {}, true, "§ 13, stk. 1"],
    [["written"], "examination", "public", {}, false, "§ 13, stk. 1"],
    [["oral"], "examination", "public", { institutionCloses: true }, false, "§ 13, stk. 2"],
    [["oral"], "examination", "group-member-not-yet-examined", { individualOnGroupProduct: true }, false, "§ 13, stk. 3"],
    [["oral"], "examination", "group-member-not-yet-examined", {}, true, "§ 13, stk. 1"],
    [["oral"], "voting", "censor", {}, true, "§ 13, stk. 5"],
    [["oral"], "voting", "public", {}, false, "§ 13, stk. 5"],
    [["oral"], "voting", "inexperienced-examiner", {}, false, "§ 13, stk. 5"],
    [["oral"], "voting", "inexperienced-examiner", { institutionAllowsInexperienced: true }, true, "§ 13, stk. 5"],
  ] as const)("%o %s %s %o → %s (%s)", (answer, phase, kind, extra, ok, ref) => {
    const d = mayBePresent({ answer, phase, person: { kind }, ...extra });
    expect(d.value).toBe(ok);
    expect(d.because[0]?.cite.ref).toBe(ref);
  });
});

describe("§ 16 when an exam has begun; § 21 abroad and video", () => {
  it.each([
    [{ distributionStarted: true, examineeToldTask: false }, true],
    [{ distributionStarted: false, examineeToldTask: true }, true],
    [{ distributionStarted: false, examineeToldTask: false }, false],
  ] as const)("%o → %s", (input, begun) => {
    expect(examHasBegun(input)).toMatchObject({ value: begun, because: [{ cite: { ref: "§ 16, stk. 1" } }] });
  });
  it.each([
    [{ where: "representation", examineeAgrees: true, representationAgrees: true, practicalOrEconomicReasons: true }, true, "§ 21, stk. 1"],
    [{ where: "representation", examineeAgrees: true, representationAgrees: false, practicalOrEconomicReasons: true }, false, "§ 21, stk. 1"],
    [{ where: "representation", examineeAgrees: true, representationAgrees: true }, false, "§ 21, stk. 1"],
    [{ where: "elsewhere-abroad", examineeAgrees: true, ministryApproved: true }, true, "§ 21, stk. 2"],
    [{ where: "elsewhere-abroad", examineeAgrees: true }, false, "§ 21, stk. 2"],
    [{ where: "video", supervisorPresent: true }, true, "§ 21, stk. 3"],
    [{ where: "video" }, false, "§ 21, stk. 3"],
  ] as const)("%o → %s (%s)", (input, ok, ref) => {
    const d = examAbroad(input);
    expect(d.value).toBe(ok);
    expect(d.because[0]?.cite.ref).toBe(ref);
  });
});
