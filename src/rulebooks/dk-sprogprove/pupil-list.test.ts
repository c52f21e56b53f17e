import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import { REF } from "./codes.ts";
import { importedPupil, mergePupilList, parsePupilList, PUPIL_LIST_COLUMNS, type PupilListRow } from "./pupil-list.ts";
import { SY_2022, syntheticCpr } from "./testing.ts";

const A = syntheticCpr(801);
const B = syntheticCpr(802);
const C = syntheticCpr(803);
const JUNE = "2023-06-01";
const HEAD = PUPIL_LIST_COLUMNS.join(";");

describe("pupil-list file layout (docs/rulebooks/001-sprogprove.md, Praktisk vejledning, 1.)", () => {
  it("one row per pupil: CPR (with or without dash), class level 0–9 or 'bh.kl.', name, DSA flag and years", () => {
    const csv = [HEAD, `${A};0;Alma Hansen;;;`, `${formatCpr(B)};3. klasse;  Bo   Jensen ;ja;4;2022/23`, `${C};bh.kl.;;nej;;`].join("\r\n");
    const r = parsePupilList(csv, SY_2022, JUNE);
    expect(r.findings).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, cpr: A, classLevel: 0, name: "Alma Hansen", dsa: null, left: null },
      { line: 3, cpr: B, classLevel: 3, name: "Bo Jensen", dsa: { receiving: true, schoolYearsReceived: 4, leaderJudgesNoLongerNeeded: false }, left: null },
      { line: 4, cpr: C, classLevel: 0, name: null, dsa: null, left: null },
    ]);
  });

  it("only cpr and klassetrin are required; a comma, a BOM, other columns and blank lines are fine", () => {
    const r = parsePupilList(`\uFEFFKlasse;CPR,Klassetrin,Elevnr\n${A},2,17\n,,\n`.replace("Klasse;", ""), SY_2022, JUNE);
    expect(r.findings).toEqual([]);
    expect(r.rows).toEqual([{ line: 2, cpr: A, classLevel: 2, name: null, dsa: null, left: null }]);
  });

  it("DSA 'ja' without the number of years is kept with 0 years (the receipt then asks for it); 'nej' is not receiving", () => {
    const r = parsePupilList(`cpr;klassetrin;dsa_supplerende\n${A};5;ja\n${B};6;nej\n`, SY_2022, JUNE);
    expect(r.rows.map((x) => x.dsa)).toEqual([
      { receiving: true, schoolYearsReceived: 0, leaderJudgesNoLongerNeeded: false },
      { receiving: false, schoolYearsReceived: 0, leaderJudgesNoLongerNeeded: false },
    ]);
  });

  // Every bad cell: the line and column, the value (a CPR only masked), the rule and its citation.
  it.each([
    ["bad CPR (the kernel's parser)", `cpr;klassetrin\n999999-1234;1\n`, "id.cpr.date", "line 2: cpr", "999999-xxxx", "facts.md: CPR number"],
    ["CPR missing", `cpr;klassetrin\n;1\n`, "id.cpr.missing", "line 2: cpr", "", "facts.md: CPR number"],
    ["class level 10", `cpr;klassetrin\n${A};10\n`, "sprogprove.input.class-level", "line 2: klassetrin", "10", REF.what],
    ["class level text", `cpr;klassetrin\n${A};10.a\n`, "sprogprove.input.class-level", "line 2: klassetrin", "10.a", REF.what],
    ["class level of the next school year", `cpr;klassetrin;skoleaar\n${A};2;2023/24\n`, "sprogprove.class-level.school-year", "line 2: skoleaar", "2023/24", REF.when],
    ["not a school year", `cpr;klassetrin;skoleaar\n${A};2;2023\n`, "sprogprove.pupil-list.school-year", "line 2: skoleaar", "2023", "docs/rulebooks/001-sprogprove.md"],
    ["DSA flag in børnehaveklassen", `cpr;klassetrin;dsa_supplerende\n${A};0;ja\n`, "sprogprove.pupil-list.dsa-bhkl", "line 2: dsa_supplerende", "ja", REF.who],
    ["DSA flag not yes/no", `cpr;klassetrin;dsa_supplerende\n${A};4;måske\n`, "sprogprove.input.dsa-flag", "line 2: dsa_supplerende", "måske", REF.who],
    ["DSA years 0", `cpr;klassetrin;dsa_supplerende;dsa_skoleaar\n${A};4;ja;0\n`, "sprogprove.input.dsa-years", "line 2: dsa_skoleaar", "0", REF.who],
    ["DSA years without the flag", `cpr;klassetrin;dsa_supplerende;dsa_skoleaar\n${A};4;nej;2\n`, "sprogprove.input.dsa-years-without-flag", "line 2: dsa_skoleaar", 2, REF.who],
    ["a CPR in the name column", `cpr;klassetrin;navn\n${A};1;${formatCpr(B)}\n`, "sprogprove.pupil-list.name-cpr", "line 2: navn", `${B.slice(0, 6)}-xxxx`, "docs/rulebooks/001-sprogprove.md"],
    ["the same pupil twice", `cpr;klassetrin\n${A};1\n${A};2\n`, "sprogprove.pupil-list.duplicate-cpr", "line 3: cpr", `${A.slice(0, 6)}-xxxx`, "docs/rulebooks/001-sprogprove.md"],
    ["header without klassetrin", `cpr;klasse\n${A};1\n`, "sprogprove.pupil-list.header", "line 1", "klassetrin", "docs/rulebooks/001-sprogprove.md"],
    ["no pupils", `cpr;klassetrin\n`, "sprogprove.pupil-list.empty", "line 2", null, "docs/rulebooks/001-sprogprove.md"],
    ["broken quoting", `cpr;klassetrin\n"${A};1\n`, "sprogprove.pupil-list.csv", "line 2", null, "docs/rulebooks/001-sprogprove.md"],
  ])("%s", (_label, csv, rule, subject, value, ref) => {
    const r = parsePupilList(csv, SY_2022, JUNE);
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule, subject });
    if (value !== "") expect(errors[0]!.value).toEqual(value);
    expect(errors[0]!.cite.ref).toBe(ref);
    expect(errors[0]!.message.en).toBeTruthy();
    expect(errors[0]!.message.da).toBeTruthy();
    expect(JSON.stringify(r.findings)).not.toContain(A.slice(6));
    expect(r.rows.length).toBeLessThanOrEqual(1);
  });

  it("every bad cell of every line is reported, not only the first", () => {
    const r = parsePupilList(`cpr;klassetrin;dsa_supplerende\nxx;11;ja\n${A};0;ja\n${B};3;nope\n`, SY_2022, JUNE);
    expect(r.findings.map((f) => f.subject)).toEqual(["line 2: cpr", "line 2: klassetrin", "line 3: dsa_supplerende", "line 4: dsa_supplerende"]);
    expect(r.rows).toEqual([]);
  });

  it("after the summer holiday without a skoleaar column: the report-wide reminder (a warning, not a refusal)", () => {
    const r = parsePupilList(`cpr;klassetrin\n${A};1\n`, SY_2022, "2023-08-20");
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([["sprogprove.class-level.after-summer", "warning"]]);
    expect(r.rows).toHaveLength(1);
    // with the column saying 2022/23 there is nothing to remind of; saying 2023/24 is an error citing step 1
    expect(parsePupilList(`cpr;klassetrin;skoleaar\n${A};1;2022/23\n`, SY_2022, "2023-08-20").findings).toEqual([]);
    const next = parsePupilList(`cpr;klassetrin;skoleaar\n${A};1;2023/24\n`, SY_2022, "2023-08-20");
    expect(next.findings[0]).toMatchObject({ rule: "sprogprove.class-level.school-year", cite: { ref: REF.step1 } });
  });

  it("property: a finding never carries a full CPR, whatever the cells", () => {
    const cell = fc.oneof(fc.constantFrom(A, formatCpr(B), "0", "9", "10", "ja", "nej", "2023/24", ""), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 6 }), (rows) => {
        const csv = [HEAD, ...rows.map((r) => r.map((x) => x.replace(/[;"\r\n,]/g, "")).join(";"))].join("\n");
        const r = parsePupilList(csv, SY_2022, JUNE);
        const s = JSON.stringify(r.findings);
        return !s.includes(A) && !s.includes(B) && !s.includes(formatCpr(B));
      }),
    );
  });
});

describe("selection pre-filled by the guide's target group (Hvem skal indberette?)", () => {
  const row = (classLevel: PupilListRow["classLevel"], dsa: PupilListRow["dsa"] = null): PupilListRow => ({ line: 2, cpr: A, classLevel, name: "N", dsa, left: null });
  const dsa = (years: number) => ({ receiving: true, schoolYearsReceived: years, leaderJudgesNoLongerNeeded: false });
  it.each([
    ["bh.kl., covered school: every pupil", row(0), true, true, "sprogprove.pupil.bhkl-all"],
    ["bh.kl., coverage unknown: still every bh.kl. pupil", row(0), null, true, "sprogprove.pupil.bhkl-all"],
    ["school not covered: nobody", row(0), false, false, "sprogprove.pupil.school-not-covered"],
    ["1.–9. without DSA data: not decided", row(3), true, null, "sprogprove.pupil.dsa-unknown"],
    ["1.–9. not receiving DSA", row(3, { receiving: false, schoolYearsReceived: 0, leaderJudgesNoLongerNeeded: false }), true, false, "sprogprove.pupil.no-dsa"],
    ["1.–9. 2nd year of DSA", row(3, dsa(2)), true, false, "sprogprove.pupil.dsa-not-yet"],
    ["1.–9. 4th year of DSA", row(4, dsa(4)), true, true, "sprogprove.pupil.dsa-fourth-year"],
    ["1.–9. DSA without years: not decided, an error until stated", row(4, dsa(0)), true, null, "sprogprove.pupil.dsa-years"],
  ])("%s", (_label, r, covered, toBeTested, rule) => {
    const p = importedPupil(r, covered);
    expect(p.value.toBeTested).toBe(toBeTested);
    expect(p.value).toMatchObject({ cpr: A, classLevel: r.classLevel, name: "N", attempts: [], rykkerOp: null });
    expect(p.because[0]!.rule).toBe(rule);
    expect(p.because[0]!.cite.ref).toBe(REF.who);
  });
});

describe("existing pupils are never overwritten (as with the transfer: Løbende registrering …)", () => {
  const rows: PupilListRow[] = [
    { line: 2, cpr: A, classLevel: 1, name: "Alma", dsa: null, left: null },
    { line: 3, cpr: B, classLevel: 2, name: "Bo", dsa: { receiving: true, schoolYearsReceived: 0, leaderJudgesNoLongerNeeded: false }, left: null },
    { line: 4, cpr: C, classLevel: 0, name: null, dsa: null, left: null },
  ];
  it("new CPRs are added; known ones kept, with what the file says otherwise", () => {
    const m = mergePupilList(
      [
        { id: "pa", cpr: A, classLevel: 1, name: "Alma" },
        { id: "pb", cpr: B, classLevel: 3, dsa: { receiving: false, schoolYearsReceived: 0, leaderJudgesNoLongerNeeded: false } },
      ],
      rows,
    );
    expect(m.added.map((r) => r.cpr)).toEqual([C]);
    expect(m.kept).toEqual([
      { row: rows[0], pupilId: "pa", differs: [] },
      { row: rows[1], pupilId: "pb", differs: ["classLevel", "name", "dsa"] },
    ]);
  });

  it("property: every row is either added or kept, and kept exactly when its CPR is known", () => {
    const all = [A, B, C, syntheticCpr(804), syntheticCpr(805)] as Cpr[];
    fc.assert(
      fc.property(fc.subarray(all), fc.subarray(all), (known, inFile) => {
        const m = mergePupilList(
          known.map((cpr, i) => ({ id: `p${i}`, cpr, classLevel: 0 })),
          inFile.map((cpr, i) => ({ line: i + 2, cpr, classLevel: 0, name: null, dsa: null, left: null })),
        );
        return (
          m.added.length + m.kept.length === inFile.length &&
          m.kept.every((k) => known.includes(k.row.cpr)) &&
          m.added.every((a) => !known.includes(a.cpr))
        );
      }),
    );
  });
});
