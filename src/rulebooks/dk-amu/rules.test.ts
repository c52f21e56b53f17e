import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDate } from "../../kernel/time/date.ts";
import { DEMO_CATALOGUE, goalByFagkode } from "./catalogue.ts";
import type { ExamAttempt, Participation, ResultGroup } from "./model.ts";
import { amuBeviserAfterIkv, checkParticipation, checkSplitReporting, mergeSubCourses, resultGroup, suggestedCategory } from "./rules.ts";
import { participation } from "./testing.ts";

/** Defaults: provider inst-a, demo goal 90001 (UVM-prøve throughout), 4–8 March 2024, ended, ResultatProevebelagt 1. */
/** Test title: the section of seed 000 the row implements, then what it checks. */
const title = (ref: string, name: string) => `${ref.startsWith("Bilag") ? "" : "§"}${ref} ${name}`;

const P = (over: Partial<Participation> = {}): Participation => participation({ startDate: "2024-03-04", endDate: "2024-03-08", ...over });
/** Group 2 defaults: demo goal 90002 (no UVM-prøve), ResultatIkkeProevebelagt 1. */
const P2 = (over: Partial<Participation> = {}) =>
  P({ fagkode: "90002", resultatProevebelagt: null, resultatIkkeProevebelagt: 1, ...over });
/** IKV defaults: 40080, ResultatIkkeProevebelagt 1 with one demonstrated fagkode. */
const IKV = (over: Partial<Participation> = {}) =>
  P({ fagkode: "40080", resultatProevebelagt: null, resultatIkkeProevebelagt: 1, ikvCompetenceFagkoder: ["90009"], ...over });
const retake = (seq: number, date: string, over: Partial<ExamAttempt> = {}): ExamAttempt => ({
  seq,
  date,
  resultatProevebelagt: 1,
  ...over,
});

const goalOf = (p: Participation) => goalByFagkode(DEMO_CATALOGUE, p.fagkode);
const rulesBy = (p: Participation, severity: "error" | "warning") =>
  [...new Set(checkParticipation(p, goalOf(p)).filter((f) => f.severity === severity).map((f) => f.rule))].sort();

describe("resultGroup — §3, §3.1, §4, §6.2, §6.3", () => {
  const cases: { ref: string; name: string; p: Participation; group: ResultGroup | null; rule?: string; noCatalogue?: true }[] = [
    { ref: "3", name: "UVM-prøve attached on the start date → group 1", p: P(), group: 1, rule: "amu.group.uvm-test-on-start-date" },
    { ref: "3", name: "no UVM-prøve on the start date → group 2", p: P2(), group: 2, rule: "amu.group.no-uvm-test-on-start-date" },
    {
      ref: "3",
      name: "prøve attached 2024-07-01, start the day before → group 2 (start date decides)",
      p: P({ fagkode: "90003", startDate: "2024-06-30", endDate: "2024-07-05" }),
      group: 2,
      rule: "amu.group.start-date-decides",
    },
    {
      ref: "3",
      name: "prøve attached 2024-07-01, start that day → group 1",
      p: P({ fagkode: "90003", startDate: "2024-07-01", endDate: "2024-07-05" }),
      group: 1,
    },
    {
      ref: "3",
      name: "prøve removed after 2024-03-31, start 2024-03-31, end in April → group 1",
      p: P({ fagkode: "90004", startDate: "2024-03-31", endDate: "2024-04-04" }),
      group: 1,
    },
    {
      ref: "3",
      name: "prøve removed after 2024-03-31, start 2024-04-01 → group 2",
      p: P({ fagkode: "90004", startDate: "2024-04-01", endDate: "2024-04-04" }),
      group: 2,
      rule: "amu.group.start-date-decides",
    },
    { ref: "3.1", name: "EU-efteruddannelse module → group 2", p: P({ fagkode: "90008", euEfteruddannelse: true }), group: 2, rule: "amu.group.eu-efteruddannelse" },
    {
      ref: "6.2",
      name: "FAQ: goal has a UVM-prøve but taken as EU-efteruddannelse → field for courses without a test",
      p: P({ fagkode: "90008", euEfteruddannelse: true }),
      group: 2,
      rule: "amu.group.eu-efteruddannelse-with-uvm-test",
    },
    { ref: "4", name: "IKV 40080 → group 2", p: IKV(), group: 2, rule: "amu.group.ikv" },
    { ref: "4", name: "IKV 40081 → group 2", p: IKV({ fagkode: "40081" }), group: 2, rule: "amu.group.ikv" },
    {
      ref: "6.2",
      name: "FAQ: certificate course that uses a UVM-prøve → prøvebelagt (group 1)",
      p: P({ fagkode: "90005" }),
      group: 1,
      rule: "amu.group.certificate-with-uvm-test",
    },
    {
      ref: "3",
      name: "1): certificate course with a UVM-prøve and an industry certificate too → group 1",
      p: P({ fagkode: "90005", industryCertificate: true }),
      group: 1,
    },
    {
      ref: "6.3",
      name: "FAQ: industry/authority certificate test, not a UVM-prøve → group 2",
      p: P2({ fagkode: "90006", industryCertificate: true }),
      group: 2,
      rule: "amu.group.industry-certificate",
    },
    { ref: "3", name: "unknown fagkode → null with an error", p: P({ fagkode: "99999" }), group: null, rule: "amu.goal.unknown" },
    { ref: "4", name: "IKV is group 2 even without a catalogue entry (the seed names 40080/40081)", p: IKV(), group: 2, rule: "amu.group.ikv", noCatalogue: true },
  ];
  for (const { ref, name, p, group, rule, noCatalogue } of cases)
    it(title(ref, name), () => {
    const d = resultGroup(p, noCatalogue ? undefined : goalOf(p));
    expect(d.value).toBe(group);
    if (rule) expect(d.because.map((f) => f.rule)).toContain(rule);
    for (const f of d.because) {
      expect(f.cite.seed).toBe("000");
      expect(f.message.da).toBeTruthy();
    }
  });
  it("the start date alone decides: any end date after an attach/removal date does not move the group (property)", () => {
    const goal = goalByFagkode(DEMO_CATALOGUE, "90003");
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 60 }), (offset, length) => {
        const startDate = addDays("2024-07-01", offset);
        const p = P({ fagkode: "90003", startDate, endDate: addDays(startDate, length) });
        expect(resultGroup(p, goal).value).toBe(offset >= 0 ? 1 : 2);
      }),
    );
  });
});

interface CheckCase {
  ref: string;
  name: string;
  p: Participation;
  errors?: string[];
  warnings?: string[];
  /** The section the single expected finding cites, when it is not `ref` (the case's own section). */
  cite?: string;
}

describe("checkParticipation — every statement and FAQ case of seed 000", () => {
  const cases: CheckCase[] = [
    // §3 — fields and categories
    { ref: "3", name: "group 1 passed (1) → clean", p: P() },
    { ref: "3", name: "group 2 bevis opnået (1) → clean", p: P2() },
    {
      ref: "3",
      name: "group 1 with ResultatIkkeProevebelagt filled too → the group-2 field must be empty",
      p: P({ resultatIkkeProevebelagt: 1 }),
      errors: ["amu.result.wrong-field"],
    },
    {
      ref: "3",
      name: "group 2 registered in the group-1 field → wrong field and missing result",
      p: P2({ resultatProevebelagt: 1, resultatIkkeProevebelagt: null }),
      errors: ["amu.result.missing", "amu.result.wrong-field"],
    },
    {
      ref: "3",
      name: "\"Der skal indberettes resultater for al kursusdeltagelse\": ended without result",
      p: P({ resultatProevebelagt: null }),
      errors: ["amu.result.missing"],
    },
    {
      ref: "Bilag 1",
      name: "category 7 does not exist in ResultatProevebelagt",
      p: P({ resultatProevebelagt: 7 as never }),
      errors: ["amu.result.unknown-category"],
    },
    {
      ref: "Bilag 2",
      name: "category 5 does not exist in ResultatIkkeProevebelagt",
      p: P2({ resultatIkkeProevebelagt: 5 as never }),
      errors: ["amu.result.unknown-category"],
    },
    ...([1, 2, 4, 5, 6] as const).map((code) => ({ ref: "Bilag 1", name: `group 1 category ${code} → clean`, p: P({ resultatProevebelagt: code }) })),
    ...([1, 3, 4] as const).map((code) => ({ ref: "Bilag 2", name: `group 2 category ${code} → clean`, p: P2({ resultatIkkeProevebelagt: code }) })),
    {
      ref: "Bilag 1",
      name: "category 3 \"Bevis opnået ved individuel kompetencevurdering\" only if the system cannot otherwise → warning",
      p: P({ resultatProevebelagt: 3 }),
      warnings: ["amu.result.ikv-category-on-course"],
    },
    {
      ref: "Bilag 2",
      name: "category 2 \"på baggrund af individuel kompetencevurdering\" only if the system cannot otherwise → warning",
      p: P2({ resultatIkkeProevebelagt: 2 }),
      warnings: ["amu.result.ikv-category-on-course"],
    },
    // §3.1
    { ref: "3.1", name: "EU-efteruddannelse in group 2 → clean", p: P2({ fagkode: "90008", euEfteruddannelse: true }) },
    {
      ref: "3.1",
      name: "EU-efteruddannelse registered in the prøvebelagt field → wrong field",
      p: P({ fagkode: "90008", euEfteruddannelse: true }),
      errors: ["amu.result.missing", "amu.result.wrong-field"],
    },
    // §3.2 / §3.2.1 — one forløb and "Ej relevant"
    {
      ref: "3.2",
      name: "sub-courses merged into one forløb with matching dates → clean",
      p: P({
        startDate: "2024-02-05",
        endDate: "2024-03-08",
        subCourses: [
          { startDate: "2024-02-05", endDate: "2024-02-07" },
          { startDate: "2024-03-06", endDate: "2024-03-08" },
        ],
      }),
    },
    {
      ref: "3.2",
      name: "start date differs from the first sub-course (the start date decides the group)",
      p: P({ subCourses: [{ startDate: "2024-02-05", endDate: "2024-02-07" }, { startDate: "2024-03-04", endDate: "2024-03-08" }] }),
      errors: ["amu.forloeb.start-differs"],
    },
    {
      ref: "3.2",
      name: "a sub-course ends after the forløb's end date",
      p: P({ subCourses: [{ startDate: "2024-03-04", endDate: "2024-03-12" }] }),
      errors: ["amu.forloeb.end-differs"],
    },
    {
      ref: "3.2",
      name: "ended, but a sub-course has no end date",
      p: P({ subCourses: [{ startDate: "2024-03-04", endDate: null }] }),
      errors: ["amu.forloeb.open-sub-course"],
    },
    {
      ref: "3.2",
      name: "overlapping sub-courses → warning",
      p: P({ subCourses: [{ startDate: "2024-03-04", endDate: "2024-03-06" }, { startDate: "2024-03-06", endDate: "2024-03-08" }] }),
      warnings: ["amu.forloeb.sub-courses-overlap"],
    },
    {
      ref: "3.2",
      name: "\"Ej relevant\" in group 2 (no UVM-prøve) is allowed, with a warning",
      p: P2({ resultatIkkeProevebelagt: null, ejRelevant: true }),
      warnings: ["amu.ej-relevant.group-2"],
      cite: "3.2.1",
    },
    {
      ref: "3.2",
      name: "\"Ej relevant\" in group 1: a UVM-prøve result is always relevant (use 5)",
      p: P({ resultatProevebelagt: null, ejRelevant: true }),
      errors: ["amu.ej-relevant.group-1"],
      cite: "6.2",
    },
    { ref: "3.2", name: "\"Ej relevant\" together with a result", p: P2({ ejRelevant: true }), errors: ["amu.ej-relevant.with-result"] },
    {
      ref: "3.2.1",
      name: "\"Ej relevant\" on a delforløb that has not ended (the practice §3.2.1 warns against)",
      p: P2({ status: "not-ended", endDate: null, resultatIkkeProevebelagt: null, ejRelevant: true }),
      errors: ["amu.status.not-ended-with-result"],
      cite: "6.1",
    },
    {
      ref: "4",
      name: "\"Ej relevant\" on an IKV",
      p: IKV({ resultatIkkeProevebelagt: null, ejRelevant: true, ikvCompetenceFagkoder: [] }),
      errors: ["amu.ej-relevant.ikv"],
    },
    // §4 — IKV
    { ref: "4", name: "IKV 1 \"Bevis opnået\" with a demonstrated fagkode → clean", p: IKV() },
    {
      ref: "4",
      name: "IKV 1 \"Bevis opnået\" also when several AMU-beviser are issued → clean",
      p: IKV({ ikvCompetenceFagkoder: ["90009", "90010"] }),
    },
    {
      ref: "4",
      name: "IKV 3 \"manglende målopfyldning\" (also Kompetencebevis / uddannelsesplan) → clean",
      p: IKV({ resultatIkkeProevebelagt: 3, ikvCompetenceFagkoder: [] }),
    },
    { ref: "4", name: "IKV 4 \"afbrud\" → clean", p: IKV({ resultatIkkeProevebelagt: 4, ikvCompetenceFagkoder: [] }) },
    { ref: "4", name: "IKV with category 2 is not allowed", p: IKV({ resultatIkkeProevebelagt: 2 }), errors: ["amu.ikv.category"] },
    {
      ref: "4",
      name: "IKV in the prøvebelagt field",
      p: IKV({ resultatProevebelagt: 1, resultatIkkeProevebelagt: null, ikvCompetenceFagkoder: [] }),
      errors: ["amu.result.missing", "amu.result.wrong-field"],
    },
    {
      ref: "4",
      name: "IKV \"Bevis opnået\" without any demonstrated fagkode",
      p: IKV({ ikvCompetenceFagkoder: [] }),
      errors: ["amu.ikv.bevis-without-fagkoder"],
    },
    {
      ref: "4",
      name: "IKV \"manglende målopfyldning\" although AMU-beviser are listed",
      p: IKV({ resultatIkkeProevebelagt: 3 }),
      errors: ["amu.ikv.fagkoder-without-bevis"],
    },
    {
      ref: "4 Bemærk 3",
      name: "the IKV code itself listed as a demonstrated fagkode",
      p: IKV({ ikvCompetenceFagkoder: ["90009", "40080"] }),
      errors: ["amu.ikv.competence-is-ikv-code"],
    },
    {
      ref: "4 Bemærk 3",
      name: "a demonstrated fagkode listed twice → warning",
      p: IKV({ ikvCompetenceFagkoder: ["90009", "90009"] }),
      warnings: ["amu.ikv.competence-duplicate"],
    },
    {
      ref: "4 Bemærk 3",
      name: "a demonstrated fagkode that is not 5 digits",
      p: IKV({ ikvCompetenceFagkoder: ["9000"] }),
      errors: ["amu.ikv.competence-format"],
    },
    {
      ref: "4 Bemærk 1",
      name: "IKV activity registered on another fagkode (demonstrated competences on a course)",
      p: P({ ikvCompetenceFagkoder: ["90009"] }),
      errors: ["amu.ikv.competence-on-non-ikv"],
    },
    {
      ref: "4 Bemærk 2",
      name: "a course reported with \"bevis via IKV\" instead of on 40080/40081 → warning",
      p: P({ resultatProevebelagt: 3 }),
      warnings: ["amu.result.ikv-category-on-course"],
      cite: "Bilag 1",
    },
    // §5 — retakes
    {
      ref: "5",
      name: "ordinary 4 (failed) kept, retake 2 passed → clean",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-04-10")] }),
    },
    {
      ref: "5",
      name: "two retakes in order → clean",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-04-10", { resultatProevebelagt: 4 }), retake(3, "2024-05-10")] }),
    },
    {
      ref: "5",
      name: "retake dated before the ordinary exam",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-03-08")] }),
      errors: ["amu.retake.date-order"],
    },
    {
      ref: "5",
      name: "second retake dated before the first",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-05-10", { resultatProevebelagt: 4 }), retake(3, "2024-04-10")] }),
      errors: ["amu.retake.date-order"],
    },
    {
      ref: "5",
      name: "retake numbered 1 (the ordinary exam's number)",
      p: P({ resultatProevebelagt: 4, retakes: [retake(1, "2024-04-10")] }),
      errors: ["amu.retake.seq"],
    },
    {
      ref: "5",
      name: "two retakes with the same number",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-04-10", { resultatProevebelagt: 4 }), retake(2, "2024-05-10")] }),
      errors: ["amu.retake.seq"],
    },
    {
      ref: "5 Bemærk",
      name: "waiting for the retake: ordinary result left empty",
      p: P({ resultatProevebelagt: null, retakes: [retake(2, "2024-04-10")] }),
      errors: ["amu.result.missing", "amu.retake.ordinary-result-missing"],
    },
    {
      ref: "5",
      name: "retake without a result",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-04-10", { resultatProevebelagt: null })] }),
      errors: ["amu.retake.result-missing"],
    },
    {
      ref: "5",
      name: "retake reported in the other field than the exam",
      p: P({ resultatProevebelagt: 4, retakes: [retake(2, "2024-04-10", { resultatProevebelagt: null, resultatIkkeProevebelagt: 1 })] }),
      errors: ["amu.retake.result-missing", "amu.retake.wrong-field"],
    },
    {
      ref: "5",
      name: "retake after a passed exam → warning",
      p: P({ resultatProevebelagt: 1, retakes: [retake(2, "2024-04-10")] }),
      warnings: ["amu.retake.after-bevis"],
    },
    {
      ref: "5",
      name: "retake on an IKV",
      p: IKV({ resultatIkkeProevebelagt: 3, ikvCompetenceFagkoder: [], retakes: [retake(2, "2024-04-10", { resultatProevebelagt: null, resultatIkkeProevebelagt: 1 })] }),
      errors: ["amu.retake.ikv"],
    },
    {
      ref: "5",
      name: "retake with a result but the course not ended",
      p: P({ status: "not-ended", resultatProevebelagt: null, retakes: [retake(2, "2024-04-10")] }),
      errors: ["amu.status.not-ended-with-result"],
      cite: "6.1",
    },
    // §6.1
    { ref: "6.1", name: "never held, no result → clean (not reported)", p: P({ status: "never-held", resultatProevebelagt: null }) },
    { ref: "6.1", name: "never held with a result", p: P({ status: "never-held" }), errors: ["amu.status.never-held-with-result"] },
    {
      ref: "6.1",
      name: "ends in a later quarter: not ended, no result → clean",
      p: P({ status: "not-ended", endDate: "2024-05-01", resultatProevebelagt: null }),
    },
    {
      ref: "6.1",
      name: "not ended, but a result registered",
      p: P({ status: "not-ended" }),
      errors: ["amu.status.not-ended-with-result"],
    },
    { ref: "6.1", name: "ended without an end date", p: P({ endDate: null }), errors: ["amu.dates.ended-without-end-date"] },
    { ref: "6.1", name: "end date before the start date", p: P({ endDate: "2024-03-01" }), errors: ["amu.dates.end-before-start"] },
    // §6.2
    {
      ref: "6.2",
      name: "no-show: a UVM-prøve result is reported also when the participant did not take the test (5) → clean",
      p: P({ resultatProevebelagt: 5 }),
    },
    {
      ref: "6.2",
      name: "written + oral, only the written taken, registered 4 → must be 5",
      p: P({ fagkode: "90007", writtenTaken: true, oralTaken: false, resultatProevebelagt: 4 }),
      errors: ["amu.written-oral.one-missing"],
    },
    {
      ref: "6.2",
      name: "written + oral, only the oral taken, registered 5 → clean",
      p: P({ fagkode: "90007", writtenTaken: false, oralTaken: true, resultatProevebelagt: 5 }),
    },
    {
      ref: "6.2",
      name: "written + oral, neither taken, registered 1 → cannot be passed",
      p: P({ fagkode: "90007", writtenTaken: false, oralTaken: false, resultatProevebelagt: 1 }),
      errors: ["amu.written-oral.none-taken"],
      cite: "Bilag 1",
    },
    {
      ref: "6.2",
      name: "written + oral, written not taken, oral not recorded, registered 4 → cannot be failed",
      p: P({ fagkode: "90007", writtenTaken: false, resultatProevebelagt: 4 }),
      errors: ["amu.written-oral.none-taken"],
      cite: "Bilag 1",
    },
    {
      ref: "6.2",
      name: "written + oral, nothing recorded about the parts, 4 → clean",
      p: P({ fagkode: "90007", resultatProevebelagt: 4 }),
    },
    {
      ref: "6.2",
      name: "written + oral, both taken, 4 → clean",
      p: P({ fagkode: "90007", writtenTaken: true, oralTaken: true, resultatProevebelagt: 4 }),
    },
    {
      ref: "6.2",
      name: "written + oral retake with one part missing, registered 4",
      p: P({
        fagkode: "90007",
        resultatProevebelagt: 4,
        retakes: [retake(2, "2024-04-10", { writtenTaken: true, oralTaken: false, resultatProevebelagt: 4 })],
      }),
      errors: ["amu.written-oral.one-missing"],
    },
    {
      ref: "6.2",
      name: "forløb with one combined exam: each course has its own result → clean",
      p: P({ forloebId: "F1", resultatProevebelagt: 4 }),
    },
    {
      ref: "6.2",
      name: "forløb with one combined exam: a course without its own result",
      p: P({ forloebId: "F1", resultatProevebelagt: null }),
      errors: ["amu.result.missing"],
    },
    {
      ref: "6.2",
      name: "forløb: \"Ej relevant\" instead of a result",
      p: P2({ forloebId: "F1", resultatIkkeProevebelagt: null, ejRelevant: true }),
      errors: ["amu.ej-relevant.forloeb"],
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam omitted, 5 → clean",
      p: P({ emergencyTeaching: "exam-omitted", resultatProevebelagt: 5 }),
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam omitted, 4 → must be 5",
      p: P({ emergencyTeaching: "exam-omitted", resultatProevebelagt: 4 }),
      errors: ["amu.emergency.omitted-needs-5"],
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam omitted on a course without UVM-prøve → warning",
      p: P2({ emergencyTeaching: "exam-omitted" }),
      warnings: ["amu.emergency.omitted-group-2"],
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam postponed, not ended, no result → clean",
      p: P({ emergencyTeaching: "exam-postponed", status: "not-ended", resultatProevebelagt: null }),
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam postponed but marked ended",
      p: P({ emergencyTeaching: "exam-postponed" }),
      errors: ["amu.emergency.postponed-not-ended"],
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam postponed, a result registered",
      p: P({ emergencyTeaching: "exam-postponed", status: "not-ended" }),
      errors: ["amu.status.not-ended-with-result"],
    },
    { ref: "6.2", name: "certificate course using a UVM-prøve, group 1 result → clean", p: P({ fagkode: "90005" }) },
    // §6.3
    {
      ref: "6.3",
      name: "industry certificate obtained → \"Bevis opnået\" (1) → clean",
      p: P2({ fagkode: "90006", industryCertificate: true, industryCertificateObtained: true }),
    },
    {
      ref: "6.3",
      name: "industry certificate obtained but registered 3",
      p: P2({ fagkode: "90006", industryCertificate: true, industryCertificateObtained: true, resultatIkkeProevebelagt: 3 }),
      errors: ["amu.industry-certificate.bevis-opnaaet"],
    },
    {
      ref: "6.3",
      name: "industry certificate registered in the prøvebelagt field",
      p: P({ fagkode: "90006", industryCertificate: true }),
      errors: ["amu.result.missing", "amu.result.wrong-field"],
    },
    // unknown goal
    { ref: "3", name: "unknown fagkode", p: P({ fagkode: "99999" }), errors: ["amu.goal.unknown"] },
    { ref: "6.2", name: "a CPR number without a real birth date (the report row needs it)", p: P({ cpr: "3102901234" }), errors: ["id.cpr.date"], cite: "facts.md: CPR number" },
    { ref: "3", name: "fagkode that is not 5 digits", p: P({ fagkode: "123" }), errors: ["amu.fagkode.format", "amu.goal.unknown"] },
  ];
  for (const { ref, name, p, errors = [], warnings = [] } of cases)
    it(title(ref, name), () => {
    expect(rulesBy(p, "error")).toEqual([...errors].sort());
    expect(rulesBy(p, "warning")).toEqual([...warnings].sort());
  });

  it("every finding cites seed 000, speaks Danish and English, and names its field", () => {
    for (const { p } of cases)
      for (const f of checkParticipation(p, goalOf(p))) {
        expect(f.cite.seed).toBe(f.rule.startsWith("id.") ? "reference" : "000");
        expect(f.message.en.length).toBeGreaterThan(10);
        expect(f.message.da?.length ?? 0).toBeGreaterThan(10);
        expect(f.subject).toBeTruthy();
        expect(JSON.stringify(f)).not.toContain(p.cpr);
      }
  });

  it("the cited section is the one the case names for the expected finding", () => {
    const wrong: unknown[] = [];
    for (const { ref, cite, name, p, errors = [], warnings = [] } of cases) {
      const expected = [...errors, ...warnings];
      if (expected.length !== 1) continue;
      const f = checkParticipation(p, goalOf(p)).find((x) => x.rule === expected[0]);
      if (f?.cite.ref !== (cite ?? ref)) wrong.push({ name, rule: expected[0], want: cite ?? ref, got: f?.cite.ref });
    }
    expect(wrong).toEqual([]);
  });
});

describe("suggestedCategory — the FAQ's prescriptions", () => {
  const cases: { ref: string; name: string; p: Participation; want: { field: string; code: number } | null }[] = [
    {
      ref: "6.2",
      name: "written + oral, one part missing → ResultatProevebelagt 5",
      p: P({ fagkode: "90007", writtenTaken: true, oralTaken: false, resultatProevebelagt: null }),
      want: { field: "resultatProevebelagt", code: 5 },
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam omitted → ResultatProevebelagt 5",
      p: P({ emergencyTeaching: "exam-omitted", resultatProevebelagt: null }),
      want: { field: "resultatProevebelagt", code: 5 },
    },
    {
      ref: "6.2",
      name: "emergency teaching, exam postponed → no result",
      p: P({ emergencyTeaching: "exam-postponed", status: "not-ended", resultatProevebelagt: null }),
      want: null,
    },
    {
      ref: "6.3",
      name: "industry certificate obtained → ResultatIkkeProevebelagt 1",
      p: P2({ fagkode: "90006", industryCertificate: true, industryCertificateObtained: true, resultatIkkeProevebelagt: null }),
      want: { field: "resultatIkkeProevebelagt", code: 1 },
    },
    { ref: "4", name: "IKV with a demonstrated fagkode → ResultatIkkeProevebelagt 1", p: IKV(), want: { field: "resultatIkkeProevebelagt", code: 1 } },
    { ref: "4", name: "IKV without AMU-bevis → 3 or 4, not prescribed", p: IKV({ ikvCompetenceFagkoder: [] }), want: null },
    { ref: "6.1", name: "never held → no result", p: P({ status: "never-held" }), want: null },
    { ref: "6.1", name: "not ended → no result", p: P({ status: "not-ended" }), want: null },
    { ref: "3", name: "an ordinary passed course → not prescribed", p: P(), want: null },
    { ref: "3", name: "unknown goal → null", p: P({ fagkode: "99999" }), want: null },
    {
      ref: "3",
      name: "written + oral, written missing and oral not recorded → not the §6.2 FAQ case, no prescription",
      p: P({ fagkode: "90007", writtenTaken: false, resultatProevebelagt: null }),
      want: null,
    },
  ];
  for (const { ref, name, p, want } of cases)
    it(title(ref, name), () => {
    const d = suggestedCategory(p, goalOf(p));
    expect(d.value).toEqual(want);
    expect(d.because.length).toBeGreaterThan(0);
    expect(d.because[0]?.cite.ref).toBe(ref);
  });
  it("a suggestion never draws an error when applied (property over the FAQ cases)", () => {
    for (const { p } of cases) {
      const s = suggestedCategory(p, goalOf(p)).value;
      if (s === null) continue;
      const applied = { ...p, resultatProevebelagt: null, resultatIkkeProevebelagt: null, [s.field]: s.code } as Participation;
      expect(rulesBy(applied, "error")).toEqual([]);
    }
  });
});

describe("amuBeviserAfterIkv — §4 Bemærk 3", () => {
  it("issues AMU-beviser for the demonstrated fagkoder, once each, not for the IKV itself", () => {
    const d = amuBeviserAfterIkv(IKV({ ikvCompetenceFagkoder: ["90009", "90010", "90009", "40081"] }));
    expect(d.value).toEqual(["90009", "90010"]);
    expect(d.because.map((f) => f.rule)).toContain("amu.ikv.competence-is-ikv-code");
    expect(d.because.every((f) => f.cite.ref.startsWith("4"))).toBe(true);
  });
  it("none when the IKV did not end with \"Bevis opnået\"", () => {
    expect(amuBeviserAfterIkv(IKV({ resultatIkkeProevebelagt: 3 })).value).toEqual([]);
    expect(amuBeviserAfterIkv(IKV({ status: "not-ended", resultatIkkeProevebelagt: null })).value).toEqual([]);
  });
  it("none for a participation that is not an IKV", () => {
    const d = amuBeviserAfterIkv(P({ ikvCompetenceFagkoder: ["90009"] }));
    expect(d.value).toEqual([]);
    expect(d.because[0]?.rule).toBe("amu.ikv.not-ikv");
  });
});

describe("mergeSubCourses — §3.2 one forløb", () => {
  it("spans from the first start to the last end", () => {
    const d = mergeSubCourses([
      { startDate: "2024-03-06", endDate: "2024-03-08" },
      { startDate: "2024-02-05", endDate: "2024-02-07" },
    ]);
    expect(d.value).toEqual({ startDate: "2024-02-05", endDate: "2024-03-08" });
    expect(d.because.map((f) => f.severity)).toEqual(["info"]);
  });
  it("has no end while a sub-course is open", () => {
    expect(mergeSubCourses([{ startDate: "2024-02-05", endDate: "2024-02-07" }, { startDate: "2024-03-06", endDate: null }]).value).toEqual({
      startDate: "2024-02-05",
      endDate: null,
    });
  });
  it("an empty list is an error", () => {
    const d = mergeSubCourses([]);
    expect(d.value).toBeNull();
    expect(d.because[0]?.severity).toBe("error");
  });
  it("a sub-course ending before it starts is an error", () => {
    expect(mergeSubCourses([{ startDate: "2024-02-05", endDate: "2024-02-01" }]).because.map((f) => f.rule)).toContain(
      "amu.forloeb.sub-course-end-before-start",
    );
  });
  it("the merged forløb covers every sub-course, whatever the order (property)", () => {
    const sub = fc
      .record({ start: fc.integer({ min: 0, max: 700 }), len: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }) })
      .map(({ start, len }) => {
        const startDate = addDays(isoDate(2023, 1, 1), start);
        return { startDate, endDate: len === null ? null : addDays(startDate, len) };
      });
    fc.assert(
      fc.property(fc.array(sub, { minLength: 1, maxLength: 8 }), (subs) => {
        const m = mergeSubCourses(subs).value;
        expect(m).not.toBeNull();
        if (m === null) return;
        for (const s of subs) {
          expect(m.startDate <= s.startDate).toBe(true);
          if (m.endDate !== null && s.endDate !== null) expect(s.endDate <= m.endDate).toBe(true);
        }
        expect(m.endDate === null).toBe(subs.some((s) => s.endDate === null));
        expect(mergeSubCourses([...subs].reverse()).value).toEqual(m);
      }),
    );
  });
});

describe("checkSplitReporting — §3.2.1 split courses reported as separate participations", () => {
  const part1 = P2({ id: "d1", startDate: "2024-02-05", endDate: "2024-02-07", resultatIkkeProevebelagt: null, ejRelevant: true });
  const part2 = P2({ id: "d2", startDate: "2024-03-04", endDate: "2024-03-08" });
  it("§3.2.1 two delforløb of one person and goal, one with \"Ej relevant\" → a warning on each", () => {
    const r = checkSplitReporting([part1, part2, P({ id: "other" })]);
    expect(r.map((x) => x.id)).toEqual(["d1", "d2"]);
    expect(r.every((x) => x.findings[0]?.rule === "amu.forloeb.split-reporting" && x.findings[0].cite.ref === "3.2.1")).toBe(true);
    expect(JSON.stringify(r)).not.toContain(part1.cpr);
  });
  it("§3.2 the same course taken twice, each with a result → no warning", () => {
    expect(checkSplitReporting([part2, P2({ id: "d3", startDate: "2024-06-03", endDate: "2024-06-07", resultatIkkeProevebelagt: 3 })])).toEqual([]);
  });
  it("§3.2.1 another person, another provider or a never-held course does not count", () => {
    expect(checkSplitReporting([part1, { ...part2, cpr: "0202902345" }])).toEqual([]);
    expect(checkSplitReporting([part1, { ...part2, providerId: "inst-b" }])).toEqual([]);
    expect(checkSplitReporting([part1, { ...part2, status: "never-held" }])).toEqual([]);
  });
});

describe("robustness over arbitrary participations (properties)", () => {
  const date = fc.integer({ min: 0, max: 1500 }).map((n) => addDays("2022-01-01", n));
  const arbP: fc.Arbitrary<Participation> = fc
    .record({
      fagkode: fc.constantFrom(...DEMO_CATALOGUE.map((g) => g.fagkode), "99999"),
      start: date,
      len: fc.option(fc.integer({ min: -3, max: 60 }), { nil: null, freq: 10 }),
      status: fc.constantFrom("ended" as const, "not-ended" as const, "never-held" as const),
      euEfteruddannelse: fc.constantFrom(false, false, true),
      industryCertificate: fc.constantFrom(false, false, true),
      industryCertificateObtained: fc.option(fc.boolean(), { nil: undefined }),
      emergencyTeaching: fc.constantFrom("none" as const, "none" as const, "exam-omitted" as const, "exam-postponed" as const),
      forloebId: fc.option(fc.constant("F1"), { nil: null }),
      rp: fc.option(fc.constantFrom(1, 2, 3, 4, 5, 6) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | 6>, { nil: null, freq: 10 }),
      rip: fc.option(fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, { nil: null, freq: 10 }),
      which: fc.constantFrom("p" as const, "ip" as const, "none" as const, "both" as const),
      ejRelevant: fc.constantFrom(false, false, false, true),
      writtenTaken: fc.option(fc.boolean(), { nil: undefined }),
      oralTaken: fc.option(fc.boolean(), { nil: undefined }),
      retakeField: fc.constantFrom("p" as const, "ip" as const),
      retakeDays: fc.oneof(fc.constant<number[]>([]), fc.constant<number[]>([]), fc.array(fc.integer({ min: -5, max: 90 }), { maxLength: 3 })),
      strayIkv: fc.constantFrom(false, false, false, true),
      ikv: fc.oneof(fc.constant<string[]>([]), fc.array(fc.constantFrom("90009", "90010", "40080"), { maxLength: 3 })),
    })
    .map((r) => {
      const endDate = r.len === null ? null : addDays(r.start, r.len);
      const p: Participation = P({
        fagkode: r.fagkode,
        startDate: r.start,
        endDate,
        status: r.status,
        euEfteruddannelse: r.euEfteruddannelse,
        industryCertificate: r.industryCertificate,
        emergencyTeaching: r.emergencyTeaching,
        forloebId: r.forloebId,
        resultatProevebelagt: r.which === "p" || r.which === "both" ? r.rp : null,
        resultatIkkeProevebelagt: r.which === "ip" || r.which === "both" ? r.rip : null,
        ejRelevant: r.ejRelevant,
        retakes: r.retakeDays.map((d, i) => retake(i + 2, addDays(endDate ?? r.start, d), r.retakeField === "p" ? {} : { resultatProevebelagt: null, resultatIkkeProevebelagt: 4 })),
        ikvCompetenceFagkoder: r.fagkode.startsWith("4008") || r.strayIkv ? r.ikv : [],
      });
      if (r.writtenTaken !== undefined) p.writtenTaken = r.writtenTaken;
      if (r.oralTaken !== undefined) p.oralTaken = r.oralTaken;
      if (r.industryCertificateObtained !== undefined) p.industryCertificateObtained = r.industryCertificateObtained;
      return p;
    });

  it("never throws; every finding names its field, cites a section and never shows the CPR", () => {
    fc.assert(
      fc.property(arbP, (p) => {
        const goal = goalOf(p);
        for (const f of [...checkParticipation(p, goal), ...resultGroup(p, goal).because, ...suggestedCategory(p, goal).because]) {
          expect(f.subject).toBeTruthy();
          expect(f.cite.ref.length).toBeGreaterThan(0);
          expect(f.message.da).toBeTruthy();
          expect(JSON.stringify(f)).not.toContain(p.cpr);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("an error-free ended participation has exactly one result, in its group's field, or \"Ej relevant\" (§3, §6.2)", () => {
    let hits = 0;
    fc.assert(
      fc.property(arbP, (p) => {
        const goal = goalOf(p);
        if (p.status !== "ended" || checkParticipation(p, goal).some((f) => f.severity === "error")) return;
        hits++;
        const group = resultGroup(p, goal).value;
        expect(group).not.toBeNull();
        const own = group === 1 ? p.resultatProevebelagt : p.resultatIkkeProevebelagt;
        const other = group === 1 ? p.resultatIkkeProevebelagt : p.resultatProevebelagt;
        expect(other).toBeNull();
        expect(own !== null || p.ejRelevant).toBe(true);
        expect(own !== null && p.ejRelevant).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(hits).toBeGreaterThan(20); // the property is not vacuous (about 65 hits expected)
  });

  it("an error-free participation that is not ended carries no result (§6.1)", () => {
    let hits = 0;
    fc.assert(
      fc.property(arbP, (p) => {
        if (p.status === "ended" || checkParticipation(p, goalOf(p)).some((f) => f.severity === "error")) return;
        hits++;
        expect([p.resultatProevebelagt, p.resultatIkkeProevebelagt, p.ejRelevant, p.retakes.length]).toEqual([null, null, false, 0]);
      }),
      { numRuns: 500 },
    );
    expect(hits).toBeGreaterThan(10);
  });
});
