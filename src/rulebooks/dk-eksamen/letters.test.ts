/**
 * The complaint letters (§§ 47–55 of seed 002) from cases run through the pure core's state machine (`replay`), read
 * back from the PDF with pdftotext. Every date a letter prints is one the core computed.
 */
import { describe, expect, it } from "vitest";
import { grade7 } from "../../kernel/grades/seven-step.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { pdfInfo, pdfText } from "../../platform/render/testing.ts";
import { complainantDeadline, replay, type ComplaintActor, type ComplaintCase, type ComplaintEvent, type ComplaintExam, type ComplaintOutcome } from "./complaint.ts";
import { EksamenDocumentError, renderComplaintLetterPdf, type ComplaintLetterInput, type ComplaintLetterKind } from "./documents.ts";
import { appeal55Letter, Appeal55LetterError, complaintLetter, renderAppeal55LetterPdf, type Appeal55LetterInput, type Appeal55LetterKind } from "./letters.ts";
import { replay as replayAppeal55, type Appeal55Actor, type Appeal55Case, type Appeal55Decision, type Appeal55Event } from "./appeal55.ts";
import { longDate } from "./pdf.ts";
import { subj } from "./testing-grades.ts";

const written: ComplaintExam = {
  education: "stx",
  answer: ["written"],
  setBy: "institution",
  gradeAnnouncedOn: "2025-06-20",
  originalGrade: grade7(7),
  assessorCount: 2,
  ministryAppointedCensor: false,
  diplomaIssued: true,
};
const oral: ComplaintExam = { ...written, answer: ["oral"], diplomaIssued: false };

type Step = [ComplaintEvent, ComplaintActor];
const filed: Step[] = [[{ type: "file", on: "2025-07-01", written: true, reasoned: true, individual: true, grounds: ["assessment"] }, "examinee"]];
const withAssessors: Step[] = [...filed, [{ type: "request-statements", on: "2025-07-02" }, "institution"]];
const inComments: Step[] = [...withAssessors, [{ type: "statements-received", on: "2025-07-15" }, "assessors"], [{ type: "present-statements", on: "2025-07-15" }, "institution"]];
const toComments: Step[] = [...inComments, [{ type: "comments-received", on: "2025-07-20" }, "examinee"]];
const decide = (on: IsoDate, outcome: ComplaintOutcome): Step => [{ type: "decide", on, outcome, reasoned: true, justifiedDoubt: outcome !== "not-upheld" }, "leader"];

function caseOf(exam: ComplaintExam, steps: Step[]): ComplaintCase {
  const r = replay(exam, steps);
  if (r.refusedAt !== null) throw new Error(JSON.stringify(r.findings.filter((f) => f.severity === "error")));
  return r.case;
}

function input(kind: ComplaintLetterKind, c: ComplaintCase, date: IsoDate, over: Partial<ComplaintLetterInput> = {}): ComplaintLetterInput {
  return {
    kind,
    case: c,
    institution: { name: "Aarhus Katedralskole", address: ["Skolegyden 1", "8000 Aarhus C"], place: "Aarhus" },
    recipient: { name: "Ida Østergård", address: ["Vestergade 2", "8000 Aarhus C"] },
    examinee: { name: "Ida Østergård" },
    exam: { subject: { ...subj("DAN"), name: { da: "Dansk", en: "Danish" } }, level: "A", part: c.exam.answer.includes("oral") ? "oral" : "written", date: "2025-06-12" },
    date,
    reasons: "Censors udtalelse viser, at bedømmelsen ikke har taget højde for opgavens del 2.",
    reference: "EKS-2025-17",
    signatory: { name: "Rikke Hansen", title: "Rektor" },
    ...over,
  };
}

const flat = (t: string) => t.replace(/\s+/g, " ");
const letterText = async (i: ComplaintLetterInput) => flat(pdfText(Buffer.from(await renderComplaintLetterPdf(i))));

describe("§ 50 decision letters", () => {
  it("oral exam: retest offered, never re-assessment; acceptance and appeal deadlines from the core (§§ 50, 52, 54)", async () => {
    const c = caseOf(oral, [...toComments, decide("2025-07-23", "retest")]);
    expect(c.dates.acceptanceDue).toBe("2025-08-06");
    const t = await letterText(input("decision", c, "2025-07-23"));
    expect(t).toContain("Afgørelse af klage over prøve");
    expect(t).toContain("Dansk A-niveau, mundtlig prøve den 12. juni 2025");
    expect(t).toContain("du tilbydes ny prøve (omprøve). (§ 50, stk. 1, nr. 2)");
    expect(t).toContain("Da prøven er mundtlig, kan der ikke tilbydes ombedømmelse, kun omprøve. (§ 50, stk. 1, nr. 1)");
    expect(t).toContain("Det er alene eksaminanden, der kan acceptere tilbuddet. Accepten skal være modtaget af institutionen senest den 6. august 2025");
    expect(t).toContain("en omprøve kan resultere i en lavere karakter. (§ 50, stk. 2; § 53, stk. 5)");
    expect(t).toContain("Klagen indsendes gennem institutionen senest den 6. august 2025");
    expect(t).toContain("Begrundelse Censors udtalelse viser");
    // the deadline table
    expect(t).toContain("Frister");
    expect(t).toContain("Accept af tilbuddet Eksaminanden 6. august 2025 § 52, stk. 1");
    expect(t).toContain("Klage til Undervisningsministeriet (gennem institutionen) Eksaminanden 6. august 2025 § 54, stk. 2");
    expect(t).not.toContain("tilbydes ny bedømmelse");
  });

  it("a re-assessment offered for an oral exam is refused, citing § 50, stk. 1", async () => {
    const retest = caseOf(oral, [...toComments, decide("2025-07-23", "retest")]);
    const forged: ComplaintCase = { ...retest, outcome: "reassessment" }; // the core's step refuses this; the letter refuses too
    const l = complaintLetter(input("decision", forged, "2025-07-23"));
    expect(l.value).toBeNull();
    expect(l.because.map((f) => [f.rule, f.cite.ref])).toContainEqual(["eksamen.letter.no-reassessment-oral", "§ 50, stk. 1"]);
    await expect(renderComplaintLetterPdf(input("decision", forged, "2025-07-23"))).rejects.toBeInstanceOf(EksamenDocumentError);
  });

  it("written exam: re-assessment offered; the issued diploma is recalled meanwhile (§ 52, stk. 2)", async () => {
    const c = caseOf(written, [...toComments, decide("2025-07-23", "reassessment")]);
    const t = await letterText(input("decision", c, "2025-07-23"));
    expect(t).toContain("du tilbydes ny bedømmelse (ombedømmelse). (§ 50, stk. 1, nr. 1)");
    expect(t).toContain("en ombedømmelse kan resultere i en lavere karakter");
    expect(t).toContain("inddrager institutionen beviset, indtil den nye bedømmelse foreligger, og udsteder eventuelt et nyt bevis. (§ 52, stk. 2)");
    expect(t).not.toContain("Da prøven er mundtlig");
  });

  it("not upheld: no acceptance deadline, the appeal deadline only (§ 50, stk. 1, nr. 3; § 54, stk. 2)", async () => {
    const c = caseOf(written, [...toComments, decide("2025-07-23", "not-upheld")]);
    const t = await letterText(input("decision", c, "2025-07-23"));
    expect(t).toContain("du får ikke medhold i klagen. Karakteren 7 står ved magt. (§ 50, stk. 1, nr. 3)");
    expect(t).not.toContain("Accept af tilbuddet");
    expect(t).not.toContain("lavere karakter");
    expect(t).toContain("Klage til Undervisningsministeriet (gennem institutionen) Eksaminanden 6. august 2025");
  });

  it("deadlines that end on grundlovsdag move to the next working day (decided 22 May 2025 → 6 June)", async () => {
    const early: Step[] = [
      [{ type: "file", on: "2025-04-25", written: true, reasoned: true, individual: true, grounds: ["assessment"] }, "examinee"],
      [{ type: "request-statements", on: "2025-04-28" }, "institution"],
      [{ type: "statements-received", on: "2025-05-09" }, "assessors"],
      [{ type: "present-statements", on: "2025-05-09" }, "institution"],
      [{ type: "comments-received", on: "2025-05-12" }, "examinee"],
      decide("2025-05-22", "retest"),
    ];
    const c = caseOf({ ...oral, gradeAnnouncedOn: "2025-04-15" }, early);
    expect(c.dates.acceptanceDue).toBe(complainantDeadline("2025-05-22", 2));
    const t = await letterText(input("decision", c, "2025-05-22"));
    expect(t).toContain("senest den 6. juni 2025");
    expect(t).not.toContain("5. juni 2025");
    expect(t).toContain("ender en sådan frist på en lørdag, søndag, helligdag, grundlovsdag");
  });

  it("avu: only legal questions can be brought before the ministry (§ 54, stk. 1, 2nd sentence; § 55)", async () => {
    const c = caseOf({ ...written, education: "avu" }, [...toComments, decide("2025-07-23", "not-upheld")]);
    const t = await letterText(input("decision", c, "2025-07-23"));
    expect(t).toContain("For avu kan alene retlige spørgsmål indbringes for Undervisningsministeriet.");
    expect(t).toContain("(§ 54, stk. 1–2; § 55)");
  });

  it("the ministry's decision (§ 54, stk. 4) has no further appeal, and the acceptance deadline runs", async () => {
    const appealed: Step[] = [
      ...toComments,
      decide("2025-07-23", "not-upheld"),
      [{ type: "appeal", on: "2025-07-30", legalQuestion: false }, "examinee"],
      [{ type: "institution-statement", on: "2025-07-31" }, "institution"],
      [{ type: "appeal-comments-received", on: "2025-08-04" }, "examinee"],
      [{ type: "forward-appeal", on: "2025-08-08" }, "institution"],
      [{ type: "ministry-decide", on: "2025-09-01", outcome: "retest" }, "ministry"],
    ];
    const c = caseOf(written, appealed);
    const t = await letterText(input("decision", c, "2025-09-01"));
    expect(t).toContain("Undervisningsministeriet har truffet afgørelse");
    expect(t).toContain("(§ 54, stk. 4, nr. 2)");
    expect(t).toContain(`senest den ${longDate(c.dates.acceptanceDue!, "da")}`);
    expect(t).not.toContain("Klagevejledning");
    expect(t).toContain("Institutionen orienterer bedømmerne om ministeriets afgørelse. (§ 54, stk. 5)");
  });

  it("a decision without written reasons is refused (§ 50, stk. 1: skriftlig og begrundet)", () => {
    const c = caseOf(written, [...toComments, decide("2025-07-23", "not-upheld")]);
    const l = complaintLetter(input("decision", c, "2025-07-23", { reasons: "  " }));
    expect(l.value).toBeNull();
    expect(l.because.map((f) => [f.rule, f.cite.ref])).toEqual([["eksamen.letter.reasons", "§ 50, stk. 1"]]);
  });

  it("a letter dated another day than the notification the case records gets a warning (the deadlines run from the case)", () => {
    const c = caseOf(written, [...toComments, decide("2025-07-23", "not-upheld")]);
    const l = complaintLetter(input("decision", c, "2025-07-25"));
    expect(l.value).not.toBeNull();
    expect(l.because.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual(["eksamen.letter.date"]);
  });
});

describe("the other letters (§§ 47–49, 53, 55)", () => {
  it("receipt: the complaint goes forward to the assessors with their deadline (§ 49, stk. 1); copies of task and answer (§ 47, stk. 3)", async () => {
    const c = caseOf(written, withAssessors);
    const t = await letterText(input("receipt", c, "2025-07-02"));
    expect(t).toContain("Kvittering for klage over prøve");
    expect(t).toContain("Institutionen har den 1. juli 2025 modtaget din klage over Dansk A-niveau, skriftlig prøve den 12. juni 2025. (§ 47, stk. 1)");
    expect(t).toContain("kopi af den stillede opgave og af egen opgavebesvarelse. (§ 47, stk. 3)");
    expect(t).toContain(`senest den ${longDate(c.dates.statementsDue!, "da")}`);
    expect(t).toContain("Bedømmernes faglige udtalelser (normalt) Bedømmerne");
  });

  it("receipt for an oral exam: a copy of the task only (§ 47, stk. 3)", async () => {
    const t = await letterText(input("receipt", caseOf(oral, filed), "2025-07-01"));
    expect(t).toContain("kopi af den stillede opgave. (§ 47, stk. 3)");
    expect(t).not.toContain("opgavebesvarelse");
    expect(t).toContain("afvises som åbenbart grundløs. Du hører nærmere. (§ 49, stk. 1)");
  });

  it("receipt when the task was set by the ministry: the basis part went to the ministry (§ 48, stk. 2)", async () => {
    const steps: Step[] = [
      [{ type: "file", on: "2025-07-01", written: true, reasoned: true, individual: true, grounds: ["basis", "assessment"] }, "examinee"],
      [{ type: "forward-to-ministry", on: "2025-07-02" }, "institution"],
    ];
    const c = caseOf({ ...written, setBy: "ministry" }, steps);
    const t = await letterText(input("receipt", c, "2025-07-02"));
    expect(t).toContain("er sendt til Undervisningsministeriet, fordi opgaven ved prøven er stillet af ministeriet. (§ 48, stk. 2)");
  });

  it("statements: the complainant may comment by the deadline (normally 1 week, § 49, stk. 2)", async () => {
    const c = caseOf(written, inComments);
    const t = await letterText(input("statements", c, "2025-07-15"));
    expect(t).toContain(`kommentarer til udtalelserne senest den ${longDate(c.dates.commentsDue!, "da")}`);
    expect(t).toContain("Dine kommentarer til udtalelserne (normalt)");
  });

  it("rejection as manifestly unfounded: written and reasoned, appeal under § 55 within 2 weeks", async () => {
    const c = caseOf(written, [...filed, [{ type: "reject", on: "2025-07-03", reasoned: true }, "leader"]]);
    expect(complaintLetter(input("rejection", c, "2025-07-03", { reasons: "" })).because[0]).toMatchObject({ rule: "eksamen.letter.reasons", cite: { ref: "§ 49, stk. 1" } });
    const t = await letterText(input("rejection", c, "2025-07-03"));
    expect(t).toContain("som åbenbart grundløs. (§ 49, stk. 1)");
    expect(t).toContain(`til Undervisningsministeriet senest den ${longDate(c.dates.appealDue!, "da")}`);
    expect(t).toContain("(§ 55, stk. 2–4)");
    expect(t).toContain("§ 55, stk. 2"); // in the deadline table
  });

  it("new grade after re-assessment, lower than before (§ 53, stk. 4–5), with the right to complain", async () => {
    const steps: Step[] = [
      ...toComments,
      decide("2025-07-23", "reassessment"),
      [{ type: "accept", on: "2025-07-25" }, "examinee"],
      [{ type: "appoint-assessors", on: "2025-07-28", count: 2, ministryInformed: false }, "leader"],
      [{ type: "new-grade", on: "2025-08-11", grade: grade7(4) }, "assessors"],
    ];
    const c = caseOf(written, steps);
    const t = await letterText(input("new-grade", c, "2025-08-11", { reasons: "Besvarelsen opfylder målene med flere væsentlige mangler." }));
    expect(t).toContain("Ombedømmelsen i Dansk A-niveau, skriftlig prøve den 12. juni 2025 er afsluttet. Bedømmerne har fastsat karakteren 4 (den oprindelige karakter var 7).");
    expect(t).toContain("Karakteren er lavere end den oprindelige.");
    expect(t).toContain("(§ 53, stk. 5)");
    expect(t).toContain("Bedømmernes begrundelse Besvarelsen opfylder");
    expect(t).toContain(`senest den ${longDate(complainantDeadline("2025-08-11", 2), "da")}`);
    expect(t).toContain("Institutionen udsteder et nyt bevis med den nye karakter. (§ 52, stk. 2)");
  });

  it.each<[ComplaintLetterKind, Step[]]>([
    ["decision", toComments],
    ["statements", withAssessors],
    ["rejection", toComments],
    ["new-grade", toComments],
  ])("a %s letter in the wrong state is refused", (kind, steps) => {
    const l = complaintLetter(input(kind, caseOf(written, steps), "2025-07-25"));
    expect(l.value).toBeNull();
    expect(l.because.map((f) => f.rule)).toContain("eksamen.letter.state");
  });
});

describe("the letter PDF", () => {
  it("has sender, recipient, place and date, case number, title and signature; the same input gives the same bytes", async () => {
    const c = caseOf(oral, [...toComments, decide("2025-07-23", "retest")]);
    const i = input("decision", c, "2025-07-23");
    const [a, b] = await Promise.all([renderComplaintLetterPdf(i), renderComplaintLetterPdf(i)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const t = pdfText(Buffer.from(a));
    for (const s of ["Aarhus Katedralskole", "Skolegyden 1", "Ida Østergård", "Vestergade 2", "Aarhus, 23. juli 2025", "J.nr. EKS-2025-17", "Kære Ida Østergård", "Med venlig hilsen", "Rikke Hansen", "Rektor"])
      expect(t).toContain(s);
    expect(pdfInfo(Buffer.from(a))["Title"]).toBe("Afgørelse af klage over prøve");
  });
  it("custody holder as recipient: only the examinee can accept (§ 47, stk. 1; § 52, stk. 1)", async () => {
    const steps: Step[] = [
      [{ type: "file", on: "2025-07-01", written: true, reasoned: true, individual: true, grounds: ["assessment"] }, "custody-holder"],
      ...toComments.slice(1),
      decide("2025-07-23", "retest"),
    ];
    const c = caseOf({ ...oral, underCustody: true }, steps);
    const t = await letterText(input("decision", c, "2025-07-23", { recipient: { name: "Mette Østergård" } }));
    expect(t).toContain("Kære Mette Østergård");
    expect(t).toContain("Ida Østergård tilbydes ny prøve (omprøve)");
    expect(t).toContain("Det er alene eksaminanden, der kan acceptere tilbuddet.");
    expect(t).toContain("Accept af tilbuddet Eksaminanden");
  });
});

describe("§ 55 letters (appeal55.ts cases)", () => {
  const dec: Appeal55Decision = { kind: "expulsion", decidedOn: "2025-04-04", notifiedOn: "2025-04-04" };
  const filed: [Appeal55Event, Appeal55Actor][] = [[{ type: "file", on: "2025-04-08", written: true }, "examinee"]];
  const sent: [Appeal55Event, Appeal55Actor][] = [...filed, [{ type: "send-statement", on: "2025-04-11", statement: "Eksaminanden havde en mobiltelefon." }, "institution"]];
  const a55 = (steps: [Appeal55Event, Appeal55Actor][]) => {
    const r = replayAppeal55(dec, steps);
    if (r.refusedAt !== null) throw new Error(JSON.stringify(r.findings));
    return r.case;
  };
  const base = (kind: Appeal55LetterKind, c: Appeal55Case, date: IsoDate, over: Partial<Appeal55LetterInput> = {}): Appeal55LetterInput => ({
    kind,
    case: c,
    institution: { name: "Aarhus Katedralskole", place: "Aarhus" },
    recipient: { name: "Ida Østergård" },
    examinee: { name: "Ida Østergård" },
    date,
    signatory: { name: "Rikke Hansen", title: "Rektor" },
    ...over,
  });
  const text55 = async (i: Appeal55LetterInput) => flat(pdfText(Buffer.from(await renderAppeal55LetterPdf(i))));

  it("the statement letter: the 1-week comment deadline across Easter (11 April → 18 April langfredag → 22 April 2025)", async () => {
    const c = a55(sent);
    expect(c.dates.commentsDue).toBe("2025-04-22");
    const t = await text55(base("statement", c, "2025-04-11", { statement: "Eksaminanden havde en mobiltelefon." }));
    expect(t).toContain("Institutionens udtalelse til kommentering");
    expect(t).toContain("afgørelsen om bortvisning fra prøven (§ 20, stk. 1)");
    expect(t).toContain("Institutionens udtalelse Eksaminanden havde en mobiltelefon.");
    expect(t).toContain("inden for 1 uges frist, senest den 22. april 2025");
    expect(t).toContain("Dine kommentarer til institutionens udtalelse Eksaminanden 22. april 2025 § 55, stk. 3");
    expect(t).toContain("Klagen har ikke opsættende virkning");
  });

  it("the receipt: filed in time, how the case goes on, suspensive effect when granted", async () => {
    const c = a55([[{ type: "file", on: "2025-04-08", written: true, suspensiveEffectGranted: true }, "examinee"]]);
    const t = await text55(base("receipt", c, "2025-04-08", { description: "Bortvist fra Fysik B, mundtlig prøve, 4. april 2025." }));
    expect(t).toContain("Kvittering for klage til Undervisningsministeriet");
    expect(t).toContain("modtaget din klage over afgørelsen om bortvisning fra prøven (§ 20, stk. 1), meddelt den 4. april 2025");
    expect(t).toContain("Afgørelsen Bortvist fra Fysik B");
    expect(t).toContain("Institutionen har i dette særlige tilfælde besluttet, at klagen har opsættende virkning. (§ 55, stk. 4)");
  });

  it.each([
    ["statement before the statement is sent", "statement", filed, "Udtalelse.", "eksamen.letter.appeal55-state"],
    ["statement without its text", "statement", sent, "", "eksamen.letter.appeal55-statement"],
  ] as const)("refuses a %s (§ 55, stk. 3)", async (_why, kind, steps, statement, rule) => {
    const i = base(kind, a55([...steps]), "2025-04-11", { statement });
    const l = appeal55Letter(i);
    expect(l.value).toBeNull();
    expect(l.because.map((f) => [f.rule, f.cite.ref])).toEqual([[rule, "§ 55, stk. 3"]]);
    await expect(renderAppeal55LetterPdf(i)).rejects.toBeInstanceOf(Appeal55LetterError);
  });
});
