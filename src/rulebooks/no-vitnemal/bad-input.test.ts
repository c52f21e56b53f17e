/**
 * Issue 3's proof: "Bad input — unknown fagkode, wrong programme-area format, an expired or misplaced merknad, a
 * forbidden combination — gives a finding with its section, and nothing is issued."
 *
 * Each case goes through the decision path the service issues by: `service.ts` `evaluate` (toCase → `applyRules` §6–§13
 * → `decideContent` §1, §3–§5 → `toLayoutInput` → `arrangeDocument` §2). `issueCase` refuses to issue unless
 * `evaluate(…).issuable`, so "nothing is issued" = `issuable` false and no layout. The same case is also run through the
 * pure steps directly (`applyRules` → `decideContent` → `toLayoutInput`). The good case beside them issues, so every
 * refusal is the bad input's doing.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../kernel/law.ts";
import { applyRules } from "./apply.ts";
import { decideContent, toLayoutInput } from "./decide.ts";
import type { ProgrammeAreaEntry, SubjectResult, VitnemalCase } from "./model.ts";
import { evaluate, type CaseInput } from "./service.ts";
import { hy, line, testIssuer, testPerson } from "./testing.ts";

const ON = "2025-06-20";
const ISSUER = testIssuer("skole");
const INST = { code: ISSUER.orgnr ?? "", name: ISSUER.name };

const SUBJECTS: SubjectResult[] = [
  line("ENG1007", { standpunkt: 5, eksamen: 4, examForm: "S", level: "VG1", year: hy("V2023") }),
  line("MAT1021", { standpunkt: 4, level: "VG1", year: hy("V2023") }),
  line("NAT1007", { standpunkt: 5, level: "VG1", year: hy("V2023") }),
  line("REA3056", { fagtype: "VP", standpunkt: 3, level: "VG2", year: hy("V2024") }),
  line("NOR1267", { standpunkt: 4, eksamen: 5, examForm: "S", omfang: 393, level: "VG3", year: hy("V2025"), faggruppe: "NOR1267" }),
];
const AREAS: ProgrammeAreaEntry[] = [
  { code: "STUSP1----", level: "VG1" },
  { code: "STREA2----", level: "VG2" },
  { code: "STREA3----", level: "VG3" },
];

function goodCase(): VitnemalCase {
  return {
    person: testPerson(),
    issuer: ISSUER,
    decisionDate: ON,
    statuses: [2022, 2023, 2024].map((startYear) => ({ status: "elev" as const, schoolYear: { startYear } })),
    programmeAreas: AREAS,
    subjects: SUBJECTS,
    conduct: [{ schoolYear: { startYear: 2024 }, orden: "G", adferd: "G", kind: "standpunkt", elevInYear: true }],
    absence: [1, 2, 3].map((y) => ({ courseYear: y, schoolYear: { startYear: 2021 + y }, days: y, hours: 2 * y })),
    course: { achieved: ["studiekompetanse"], fixedLop: true, withinNormalTime: true },
  };
}

const withSubject = (i: number, over: Partial<SubjectResult>) => ({ subjects: SUBJECTS.map((s, j) => (j === i ? { ...s, ...over } : s)) });
const plus = (...extra: SubjectResult[]) => ({ subjects: [...SUBJECTS, ...extra] });
const areas = (...codes: string[]) => ({ programmeAreas: codes.map((code, i) => ({ code, level: AREAS[i]?.level ?? "VG1" })) });

/** The case as the service stores it (JSON-shaped input). */
const asInput = (c: VitnemalCase): CaseInput => JSON.parse(JSON.stringify({ ...c, decisionDate: undefined })) as CaseInput;

const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === "error").map((f) => [f.rule, f.cite.ref]);

describe("bad input is refused with its section, and nothing is issued", () => {
  it("the good case issues (control)", () => {
    const ev = evaluate(asInput(goodCase()), INST, ON);
    expect(errors(ev.findings)).toEqual([]);
    expect(ev.issuable).toBe(true);
    expect(ev.layout?.kind).toBe("vitnemal");
  });

  it.each([
    // [the issue's words / the seed's section, change to the good case, the expected blocking finding [rule, section]]
    ["unknown fagkode (§2.6)", plus(line("XYZ1234", { standpunkt: 4, level: "VG3", year: hy("V2025") })), ["vitnemal.catalogue.unknown-fagkode", "2.6"]],
    ["unknown fagkode in the right shape (§2.6)", plus(line("ENG9999", { standpunkt: 4, level: "VG3", year: hy("V2025") })), ["vitnemal.catalogue.unknown-fagkode", "2.6"]],
    ["wrong programme-area format: nine characters (§2.3)", areas("STUSP1---", "STREA2----", "STREA3----"), ["vitnemal.programme-area.length", "2.3"]],
    ["wrong programme-area format: no level digit in position 6 (§2.3)", areas("STUSPX----", "STREA2----", "STREA3----"), ["vitnemal.programme-area.format", "2.3"]],
    ["wrong programme-area format: lower case (§2.3)", areas("stusp1----", "STREA2----", "STREA3----"), ["vitnemal.programme-area.format", "2.3"]],
    ["programme-area code not centrally issued (§2.3)", areas("STUSP1----", "STXYZ2----", "STREA3----"), ["vitnemal.catalogue.unknown-programme-area", "2.3"]],
    ["expired fagmerknad FAM47 (§3.5)", withSubject(1, { merknader: [{ code: "FAM47" }] }), ["vitnemal.merknad.expired", "3.5"]],
    ["expired vitnemålsmerknad VMM12 (§3.6)", { vitnemalsmerknader: [{ code: "VMM12" }] }, ["vitnemal.merknad.expired", "3.6"]],
    ["misplaced fagmerknad: FAM21 only on a kompetansebevis (§3.1)", withSubject(1, { merknader: [{ code: "FAM21" }] }), ["vitnemal.merknad.wrong-document", "3.1"]],
    ["misplaced vitnemålsmerknad: VMM26 only on a kompetansebevis (§3.4)", { vitnemalsmerknader: [{ code: "VMM26" }] }, ["vitnemal.merknad.wrong-document", "3.4"]],
    ["unknown merknad code (§3)", withSubject(1, { merknader: [{ code: "FAM99" }] }), ["vitnemal.merknad.unknown", "3"]],
    ["forbidden combination 1T + 1P (§4.5)", plus(line("MAT1019", { standpunkt: 3, level: "VG1", year: hy("V2023") })), ["vitnemal.combination.mat-1T-1P", "4.5"]],
    ["forbidden combination S + R (§4.5)", plus(line("REA3060", { fagtype: "VP", standpunkt: 4, level: "VG2", year: hy("V2024") })), ["vitnemal.combination.mat-S-R", "4.5"]],
    ["forbidden combination naturfag 140 + 84+56 (§4.5)", plus(line("NAT1018", { standpunkt: 4, omfang: 84, level: "VG3", year: hy("V2025") })), ["vitnemal.combination.naturfag", "4.5"]],
    ["fellesfag below its highest level: norsk vg2 beside vg3 (§4.5)", plus(line("NOR1264", { standpunkt: 4, omfang: 112, level: "VG2", year: hy("V2024") })), ["vitnemal.combination.highest-level", "4.5"]],
    ["old-scheme mathematics after the scheme ended (§4.6)", plus(line("MAT1003", { status: "privatist", eksamen: 4, level: "VG2", year: hy("V2024"), beyondMinimum: true })), ["vitnemal.maths.ordning-ended", "4.6"]],
    ["a subject with an exam left off by choice (§4.2)", withSubject(0, { beyondMinimum: true, leftOffByChoice: true }), ["vitnemal.choice.left-off-with-exam", "4.2"]],
    ["elev and privatist in one fagkode at once (§4.2)", plus(line("ENG1007", { status: "privatist", eksamen: 5, level: "VG1", year: hy("V2023") })), ["vitnemal.combination.elev-and-privatist", "4.2"]],
    ["five programme areas (§4.1)", areas("STUSP1----", "STREA2----", "STREA3----", "ELELE1----", "ELELE2----"), ["vitnemal.programme-area.more-than-four", "4.1"]],
  ] as const)("%s", (_name, over, expected) => {
    const c = { ...goodCase(), ...(over as Partial<VitnemalCase>) };

    // The service's path.
    const ev = evaluate(asInput(c), INST, ON);
    expect(errors(ev.findings)).toContainEqual(expected);
    expect(ev.issuable).toBe(false);
    expect(ev.layout).toBeNull();

    // The pure steps.
    const a = applyRules(c);
    const d = decideContent(a.value.case, a.value.onlyOn);
    expect(errors([...a.because, ...d.because])).toContainEqual(expected);
    expect(d.value.issuable).toBe(false);
    expect(toLayoutInput(a.value.case, d.value, { issuedOn: ON, signatories: ["A", "B"], documentNumber: "X" }).value).toBeNull();
  });
});
