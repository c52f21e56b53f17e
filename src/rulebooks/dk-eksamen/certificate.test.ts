import { describe, expect, it } from "vitest";
import type { Cpr } from "../../kernel/ids/cpr.ts";
import { buildCertificate, gradeReport } from "./certificate.ts";
import { exam, examinee, merit, record, sp, subj } from "./testing-grades.ts";

describe("buildCertificate (§§ 34, 35, 41)", () => {
  it("an stx eksamensbevis shows the highest grade and both results (§ 41, stk. 1)", () => {
    const r = record(examinee("stx"), [exam("DAN", "A", "oral", 4, "2023-06-01"), exam("DAN", "A", "oral", 10, "2024-06-01"), exam("MAT", "B", "written", 7)], [sp("DAN", "A", "oral", 7)]);
    const c = buildCertificate(r);
    expect(c.value).toMatchObject({ kind: "eksamensbevis", issuer: "institution" });
    expect(c.value!.lines.map((l) => `${l.subject.code} ${l.source} ${l.grade}`)).toEqual(["DAN exam 10", "DAN standpunkt 7", "MAT exam 7"]);
    // DAN A: 10 and 7 share 2 → 1 each: 17 · MAT B 7·1,5 = 21/2 · (17 + 21/2) / 3,5 = 55/7 = 7,857…
    expect(c.value!.result!.display).toMatchObject({ preliminary: { da: "7,8" }, final: { da: "7,8" } });
  });
  it("avu gets a prøvebevis without an exam result", () => {
    const c = buildCertificate(record(examinee("avu", { coherent: false }), [exam("DAN", "C", "oral", 7)]));
    expect(c.value).toMatchObject({ kind: "proevebevis", result: null });
  });
  it("single subjects in stx (not coherent) get a prøvebevis", () => {
    expect(buildCertificate(record(examinee("stx", { coherent: false }), [exam("DAN", "A", "oral", 7)])).value!.kind).toBe("proevebevis");
  });
  it("nothing is made when the grades have an error", () => {
    const c = buildCertificate(record(examinee("stx"), [exam("DAN", "A", "oral", 7)], [sp("DAN", "A", "oral", 7), sp("DAN", "A", "oral", 4, "2024-06-02")]));
    expect(c.value).toBeNull();
    expect(c.because.some((f) => f.rule === "eksamen.diploma.standpunkt-twice")).toBe(true);
  });
  it("nothing is made when the result cannot be computed (SRP weighted on hf)", () => {
    expect(buildCertificate(record(examinee("hf2"), [exam(subj("SRP", "srp"), undefined, "combined", 7)])).value).toBeNull();
  });
  it.each([
    [{ issuedByMinistry: true, underKriminalforsorgen: true }, "ministry"],
    [{ underKriminalforsorgen: true }, "institution"],
  ])("issuer %j → %s (§ 34, stk. 1)", (opts, issuer) => {
    expect(buildCertificate(record(examinee("stx"), [exam("DAN", "A", "oral", 7)]), opts).value!.issuer).toBe(issuer);
  });
  it("the ministry may not issue outside Kriminalforsorgen", () => {
    const c = buildCertificate(record(examinee("stx"), [exam("DAN", "A", "oral", 7)]), { issuedByMinistry: true });
    expect(c).toMatchObject({ value: null, because: [{ rule: "eksamen.certificate.issuer", cite: { ref: "§ 34, stk. 1" } }] });
  });
});

describe("gradeReport (§ 39)", () => {
  it("reports every line and the two results as exact fractions", () => {
    const c = buildCertificate(record(examinee("stx"), [exam("DAN", "A", "oral", 2), exam("MAT", "C", "oral", 12)], [], [merit("FRA", "C", "oral", { kind: "passed" })])).value!;
    const rows = gradeReport(c, "0101051234" as Cpr);
    expect(rows.value.map((r) => [r.subjectCode, r.value, r.counts])).toEqual([
      ["DAN", "02", true],
      ["FRA", "Bestået", false],
      ["MAT", "12", true],
      ["FORELOEBIGT", "16/3", false],
      ["EKSAMENSRESULTAT", "16/3", false],
    ]);
    expect(rows.because[0]!.cite.ref).toBe("§ 39");
    expect(JSON.stringify(rows.because)).not.toContain("0101051234");
  });
});
