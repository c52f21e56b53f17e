/**
 * The certificates of seed 002 (§§ 34–37, with the exam result of §§ 40–42) read back from the PDF with pdftotext, the
 * way a person reads them. Inputs come from the pure core (buildCertificate, leaverCertificates), as the service builds
 * them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cpr } from "../../kernel/ids/cpr.ts";
import { grade7, GRADES_7 } from "../../kernel/grades/seven-step.ts";
import { pdfInfo, pdfPages, pdfText } from "../../platform/render/testing.ts";
import { buildCertificate, type CertificateData } from "./certificate.ts";
import { leaverCertificates } from "./diploma.ts";
import {
  checkDocumentInput,
  documentFromCertificate,
  documentsForLeaver,
  EksamenDocumentError,
  renderEksamenDocumentPdf,
  type EksamenDocumentInput,
} from "./documents.ts";
import type { GradeRecord } from "./model.ts";
import { diplomaView, GRADE_SCALE_EN, longDate } from "./pdf.ts";
import { exam, examinee, merit, record, sp, subj } from "./testing-grades.ts";

const CPR = "0101051234" as Cpr;
const base = {
  institution: { name: "Aarhus Katedralskole", number: "751002", place: "Aarhus" },
  examinee: { name: "Ida Ærø Østergård", cpr: CPR },
  issuedOn: "2024-06-27",
  signatory: { name: "Rikke Hansen", title: "Rektor", titleEn: "Principal" },
  copy: "original" as const,
  documentNumber: "2024-0042",
};

function certificate(r: GradeRecord): CertificateData {
  const c = buildCertificate(r);
  if (c.value === null) throw new Error(JSON.stringify(c.because));
  return c.value;
}

const text = async (input: EksamenDocumentInput) => pdfText(Buffer.from(await renderEksamenDocumentPdf(input)));
/** The text with every run of white space as one space: for sentences that wrap. */
const flat = (t: string) => t.replace(/\s+/g, " ");
/** The words of a table row (pdftotext -layout puts a row on one line): the first line that starts with `start`. */
const row = (t: string, start: RegExp) =>
  t
    .split("\n")
    .find((l) => start.test(l.trim()))
    ?.trim()
    .split(/\s{2,}|\s(?=\S)/)
    .join(" ");

/** stx, with two exams in DAN A (4, then 10), a standpunkt grade, MAT B, AP (not counted), a merit and one exam under særlige prøvevilkår. */
const stx = () =>
  record(
    examinee("stx"),
    [
      exam(subj("DAN"), "A", "oral", 4, "2023-06-01"),
      exam(subj("DAN"), "A", "oral", 10, "2024-06-01", { specialConditions: true }),
      exam(subj("MAT"), "B", "written", 7, "2024-06-05"),
      exam(subj("AP", "ap"), undefined, "combined", 12, "2022-01-20"),
    ],
    [sp("DAN", "A", "oral", 7)],
    [merit("FRA", "C", "oral", { kind: "passed" })],
  );

describe("eksamensbevis in Danish (§§ 34, 35, 41, 42)", () => {
  it("shows institution, examinee (CPR masked), education, the lines, both results and the signature", async () => {
    const t = await text(documentFromCertificate(certificate(stx()), base));
    for (const s of ["EKSAMENSBEVIS", "Studentereksamen (stx)", "Aarhus Katedralskole (inst.nr. 751002)", "Ida Ærø Østergård", "010105-xxxx", "Aarhus, 27. juni 2024", "Rikke Hansen", "Rektor", "Bevis nr. 2024-0042"])
      expect(t).toContain(s);
    expect(t).not.toContain("0101051234");
    expect(t).not.toContain("010105-1234");
  });

  it("§ 35, stk. 1: the highest grade at the same level (10, not 4); § 35, stk. 2: the standpunkt grade too", async () => {
    const t = await text(documentFromCertificate(certificate(stx()), base));
    expect(row(t, /^DAN\s+A\s+Prøve/)).toMatch(/Prøve, mundtlig 10 1 juni 2024$/);
    expect(row(t, /^DAN\s+A\s+Standpunkt/)).toMatch(/Standpunkt, mundtlig 7 1 maj 2024$/);
    expect(t).not.toMatch(/Prøve, mundtlig\s+4\b/);
    expect(t).toContain("afsluttende standpunktskarakter (årskarakter) (§ 35, stk. 2)");
  });

  it("§ 35, stk. 2: stx almen sprogforståelse is shown without counting (no weight, marked *)", async () => {
    const t = await text(documentFromCertificate(certificate(stx()), base));
    expect(row(t, /^AP \*/)).toMatch(/^AP \* Prøve, samlet 12 – januar 2022$/);
    expect(t).toContain("* Oplyses uden at være medtællende i det samlede eksamensresultat (§ 35, stk. 2).");
  });

  it("§ 35, stk. 2 (decision 1): NV is shown without counting too, while almen studieforberedelse (AT) counts with weight 1,5", async () => {
    const r = record(examinee("stx"), [exam("DAN", "A", "oral", 7), exam(subj("NV", "nv"), undefined, "combined", 10, "2021-12-15"), exam(subj("AT", "at"), undefined, "oral", 4)]);
    const t = await text(documentFromCertificate(certificate(r), base));
    expect(row(t, /^NV \*/)).toMatch(/^NV \* Prøve, samlet 10 – december 2021$/);
    expect(row(t, /^AT/)).toMatch(/^AT Prøve, mundtlig 4 1,5 juni 2024$/);
    // (7 × 2 + 4 × 1,5) / 3,5 = 20/3,5 = 40/7 = 5,714… → 5,7
    expect(row(t, /^Foreløbigt eksamensresultat/)).toBe("Foreløbigt eksamensresultat 5,7");
  });

  it("§ 35, stk. 2: merits shown with »Bestået«, »Godkendt«, a grade, or the competence certificate", async () => {
    const r = record(
      examinee("stx"),
      [exam("DAN", "A", "oral", 7)],
      [],
      [
        merit("FRA", "C", "oral", { kind: "passed" }),
        merit("TYS", "C", "oral", { kind: "approved" }),
        merit("ENG", "B", "oral", { kind: "grade", grade: grade7(10) }),
        merit("IDR", "C", "practical", { kind: "competence-certificate", certificate: "KB-17" }),
      ],
    );
    const t = await text(documentFromCertificate(certificate(r), base));
    expect(row(t, /^FRA/)).toMatch(/Merit, mundtlig Bestået – /);
    expect(row(t, /^TYS/)).toMatch(/Merit, mundtlig Godkendt – /);
    expect(row(t, /^ENG/)).toMatch(/Merit, mundtlig 10 1,5 /); // a merit grade counts with its weight
    expect(row(t, /^IDR/)).toMatch(/Merit, praktisk Kompetencebevis – /);
    expect(flat(t)).toContain("IDR C: Merit på grundlag af kompetencebevis (KB-17) (§ 35, stk. 2).");
    expect(t).toContain("** Bedømmelse uden karakter; indgår ikke i eksamensresultatet");
  });

  it("§ 35, stk. 1, 2nd sentence: a lower level examined before the higher one is not on the certificate", async () => {
    const r = record(examinee("stx"), [exam("MAT", "B", "written", 12, "2023-06-01"), exam("MAT", "A", "written", 4, "2024-06-01"), exam("DAN", "A", "oral", 7)]);
    const t = await text(documentFromCertificate(certificate(r), base));
    expect(row(t, /^MAT/)).toMatch(/^MAT A Prøve, skriftlig 4 /);
    expect(t).not.toMatch(/MAT\s+B/);
  });

  it("§ 35, stk. 3: nothing about særlige prøvevilkår, even when the caller's objects carry it", async () => {
    const cert = certificate(stx());
    // a careless caller spreads store rows into the lines: the renderer prints field by field, so nothing leaks
    const dirty = { ...cert, lines: cert.lines.map((l) => ({ ...l, specialConditions: true, note: "Særlige prøvevilkår: forlænget tid" })) };
    for (const copy of ["original", "copy", "english-certified-copy"] as const) {
      const input = documentFromCertificate(dirty, { ...base, copy, originalIssuedOn: "2024-06-27" });
      const bytes = Buffer.from(await renderEksamenDocumentPdf(input));
      const t = pdfText(bytes).toLowerCase();
      for (const w of ["vilkår", "vilkar", "særlig", "special condition", "forlænget", "extra time"]) expect(t).not.toContain(w);
      expect(JSON.stringify(pdfInfo(bytes)).toLowerCase()).not.toContain("vilkår");
    }
  });

  it("§§ 41–42: »Foreløbigt eksamensresultat« and »Eksamensresultat« with one decimal, rounded down (55/7 = 7,857… → 7,8)", async () => {
    const t = await text(documentFromCertificate(certificate(stx()), base));
    // DAN A: 10 and 7 share weight 2 → 1 each; MAT B 7 × 1,5: (10 + 7 + 10,5) / 3,5 = 55/7
    expect(row(t, /^Foreløbigt eksamensresultat/)).toBe("Foreløbigt eksamensresultat 7,8");
    expect(row(t, /^Eksamensresultat\s+\d/)).toBe("Eksamensresultat 7,8");
    expect(row(t, /^Ekstra fag på A-niveau/)).toBe("Ekstra fag på A-niveau ingen (faktor 1, § 42)");
    expect(row(t, /^DAN\s+A\s+Prøve/)).toMatch(/ 10 1 juni/); // weight 1 (2 split over 2 grades, § 40, stk. 2)
    expect(row(t, /^MAT/)).toMatch(/ 7 1,5 juni/);
    expect(t).toContain("Opfyldt (foreløbigt eksamensresultat mindst 2,0, § 41, stk. 1)");
    expect(t).toContain("afrundet nedad");
  });

  it("§ 42: hf with 2 A levels ×1,03 — 8,5 × 1,03 = 8,755 shown as 8,7 (rounded down, not 8,8)", async () => {
    const r = record(examinee("hf2"), [exam("DAN", "A", "oral", 10), exam("ENG", "A", "oral", 7)]);
    const t = await text(documentFromCertificate(certificate(r), base));
    expect(row(t, /^Foreløbigt eksamensresultat/)).toBe("Foreløbigt eksamensresultat 8,5");
    expect(row(t, /^Ekstra fag på A-niveau/)).toBe("Ekstra fag på A-niveau 1 (faktor 1,03, § 42)");
    expect(row(t, /^Eksamensresultat\s+\d/)).toBe("Eksamensresultat 8,7");
  });

  it("§ 41, stk. 1: a result just under 2,0 (78/40 = 1,95) is shown as 1,9 and the pass requirement is not met", async () => {
    const grades = Array.from({ length: 40 }, (_, i) => exam(`C${String(i).padStart(2, "0")}`, "C", "oral", i === 0 ? 0 : 2));
    const t = await text(documentFromCertificate(certificate(record(examinee("stx"), grades)), base));
    expect(row(t, /^Foreløbigt eksamensresultat/)).toBe("Foreløbigt eksamensresultat 1,9");
    expect(flat(t)).toContain("Ikke opfyldt (foreløbigt eksamensresultat under 2,0, § 41, stk. 1)");
    expect(t).not.toMatch(/eksamensresultat\s+2,0\b/);
    expect(pdfPages(Buffer.from(await renderEksamenDocumentPdf(documentFromCertificate(certificate(record(examinee("stx"), grades)), base)))).length).toBeGreaterThan(1);
  });
});

describe("§ 36: original and copy marking", () => {
  it.each([
    ["original", "ORIGINAL", "Der udstedes kun ét originalbevis (§ 36, stk. 1)"],
    ["copy", "KOPI", "udleveret fordi originalen er bortkommet (§ 36, stk. 1)"],
  ] as const)("%s → %s", async (copy, mark, note) => {
    const t = await text(documentFromCertificate(certificate(stx()), { ...base, copy, originalIssuedOn: "2024-06-27", issuedOn: copy === "copy" ? "2025-02-03" : "2024-06-27" }));
    expect(t).toContain(mark);
    expect(t).toContain(note);
    expect(t).toContain(`Eksamensbevis · ${mark}`); // in the footer of every page
    if (copy === "copy") {
      expect(t).toContain("Kopi af originalbevis udstedt 27. juni 2024");
      expect(t).toContain("Aarhus, 3. februar 2025");
      expect(t).not.toContain("ORIGINAL");
    }
  });
  it.each([
    ["recalled-destroyed", "Nyt originalbevis. Erstatter originalbevis udstedt 27. juni 2024, som er inddraget og tilintetgjort (§ 36, stk. 2)."],
    ["complaint", "Nyt originalbevis efter klage. Erstatter originalbevis udstedt 27. juni 2024, som er inddraget, indtil den nye bedømmelse forelå (§ 52, stk. 2; § 53, stk. 4)."],
  ] as const)("a new original replacing one (%s) says so", async (reason, note) => {
    const t = await text(documentFromCertificate(certificate(stx()), { ...base, issuedOn: "2024-09-02", replaces: { issuedOn: "2024-06-27", reason } }));
    expect(t).toContain("ORIGINAL");
    expect(flat(t)).toContain(note);
  });
  it("the English copy is never marked original", async () => {
    const t = await text(documentFromCertificate(certificate(stx()), { ...base, copy: "english-certified-copy", originalIssuedOn: "2024-06-27" }));
    expect(t).toContain("CERTIFIED COPY");
    expect(t).not.toContain("ORIGINAL");
  });
});

describe("§ 34, stk. 2: the English certified copy", () => {
  const input = () => documentFromCertificate(certificate(stx()), { ...base, copy: "english-certified-copy", originalIssuedOn: "2024-06-27", issuedOn: "2024-08-12" });
  it("has English labels, the Danish official terms beside them, and English dates and decimals", async () => {
    const t = await text(input());
    for (const s of [
      "DIPLOMA (EKSAMENSBEVIS)",
      "English certified copy of the Danish original issued 27 June 2024, made at the examinee's request (§ 34, stk. 2)",
      "Upper secondary school exam (stx)",
      "Name",
      "CPR no.",
      "Subject",
      "Level",
      "Grade",
      "Weight",
      "Exam result (Eksamensresultat)",
      "Pass requirement",
      "Aarhus, 12 August 2024",
      "Principal",
      "Certified to be a true English rendering of the Danish original eksamensbevis issued by Aarhus Katedralskole.",
      "Certificate no. 2024-0042",
    ])
      expect(t).toContain(s);
    expect(t).toMatch(/Preliminary exam result \(Foreløbigt\s/);
    expect(row(t, /^Exam result \(Eksamensresultat\)/)).toBe("Exam result (Eksamensresultat) 7.8");
    expect(row(t, /^MAT/)).toMatch(/Examination, written 7 1\.5 June 2024$/);
    expect(t).toContain("Passed"); // the merit
    for (const da of ["Navn", "Karakter", "Bedømmelse", "Beståkrav", "Udstedt", "juni"]) expect(t).not.toContain(da);
  });
  it("explains the 7-point scale with its ECTS equivalents", async () => {
    const t = await text(input());
    expect(t).toContain("The Danish 7-point grading scale (7-trinsskala)");
    expect(t).toContain("02 is the lowest pass grade.");
    for (const g of GRADE_SCALE_EN) expect(row(t, new RegExp(`^${g.grade.replace("-", "\\-")}\\s+${g.ects}\\s`))).toBeDefined();
    expect(GRADE_SCALE_EN.map((g) => g.grade)).toEqual(GRADES_7.map((g) => (g === 2 ? "02" : g === 0 ? "00" : String(g))));
  });
  it("uses the subject's English name with the Danish one beside it", async () => {
    const r = record(examinee("stx"), [exam({ code: "DAN", name: { da: "Dansk", en: "Danish" } }, "A", "oral", 7)]);
    const t = await text(documentFromCertificate(certificate(r), { ...base, copy: "english-certified-copy", originalIssuedOn: "2024-06-27" }));
    expect(t).toContain("Danish (Dansk)");
  });
});

describe("prøvebevis (§ 34) and the leaver's certificates (§ 37)", () => {
  it("avu: a prøvebevis without an exam result or weights", async () => {
    const t = await text(documentFromCertificate(certificate(record(examinee("avu", { coherent: false }), [exam("DAN", "C", "oral", 7)])), base));
    expect(t).toContain("PRØVEBEVIS");
    expect(t).toContain("Almen voksenuddannelse (avu)");
    expect(row(t, /^DAN/)).toBe("DAN C Prøve, mundtlig 7 juni 2024");
    expect(t).not.toContain("Eksamensresultat");
    expect(t).not.toContain("Vægt");
  });

  it("a leaver of stx gets a prøvebevis for the exams taken and a deltagerbevis for completed subjects not drawn, with standpunkt grades", async () => {
    const r = record(examinee("stx", { leftOn: "2024-01-31" }), [exam("DAN", "A", "written", 7, "2023-06-01")], [sp("DAN", "A", "written", 4, "2023-05-31"), sp("BIO", "C", "oral", 10, "2023-05-31")]);
    const leaver = leaverCertificates(r, [{ subject: subj("DAN"), level: "A" }, { subject: subj("BIO"), level: "C" }, { subject: subj("MUS"), level: "C" }]);
    const docs = documentsForLeaver(leaver.value!, { ...base, issuer: "institution", education: "stx", leftOn: "2024-01-31", issuedOn: "2024-02-05" });
    expect(docs.map((d) => d.kind)).toEqual(["proevebevis", "deltagerbevis"]);
    const [proeve, deltager] = await Promise.all(docs.map(text));
    expect(proeve).toContain("PRØVEBEVIS");
    expect(proeve).toContain("Udmeldt");
    expect(proeve).toContain("31. januar 2024");
    expect(flat(proeve!)).toContain("Beviset omfatter de aflagte prøver og afsluttende standpunktskarakterer, hvor de gives (§ 37).");
    expect(row(proeve!, /^DAN\s+A\s+Prøve/)).toMatch(/skriftlig 7 juni 2023$/);
    expect(row(proeve!, /^DAN\s+A\s+Standpunkt/)).toMatch(/skriftlig 4 maj 2023$/);
    expect(proeve).not.toContain("BIO");
    expect(proeve).not.toContain("Eksamensresultat");
    expect(deltager).toContain("DELTAGERBEVIS");
    expect(flat(deltager!)).toContain("ikke er udtrukket til prøve (§ 37, stk. 1)");
    expect(row(deltager!, /^BIO/)).toBe("BIO C mundtlig: 10");
    expect(row(deltager!, /^MUS/)).toBe("MUS C –");
    expect(deltager).not.toMatch(/^\s*DAN/m);
  });

  it("§ 34, stk. 1: issued by the ministry for an institution under Kriminalforsorgen", async () => {
    const c = buildCertificate(record(examinee("avu", { coherent: false }), [exam("DAN", "C", "oral", 7)]), { underKriminalforsorgen: true, issuedByMinistry: true });
    const t = await text(documentFromCertificate(c.value!, base));
    expect(t).toContain("Undervisningsministeriet (institution under Kriminalforsorgen, § 34, stk. 1)");
  });
});

describe("checkDocumentInput: nothing half-made", () => {
  const good = () => documentFromCertificate(certificate(stx()), base);
  it.each<[string, (i: EksamenDocumentInput) => EksamenDocumentInput, string, string]>([
    ["eksamensbevis without a result", (i) => ({ ...i, result: null }), "eksamen.document.result-missing", "§ 41, stk. 1"],
    ["prøvebevis with a result", (i) => ({ ...i, kind: "proevebevis" }), "eksamen.document.result-not-on-kind", "§ 41, stk. 1"],
    ["no lines", (i) => ({ ...i, lines: [] }), "eksamen.document.no-lines", "§ 35, stk. 1"],
    ["deltagerbevis without leaving date", (i) => ({ ...i, kind: "deltagerbevis", result: null, lines: [], subjects: [{ subject: subj("BIO"), standpunkt: [] }] }), "eksamen.document.deltagerbevis-not-left", "§ 37, stk. 1"],
    ["deltagerbevis without subjects", (i) => ({ ...i, kind: "deltagerbevis", result: null, lines: [], leftOn: "2024-01-01" }), "eksamen.document.deltagerbevis-empty", "§ 37, stk. 1"],
    ["copy without the original's date", (i) => ({ ...i, copy: "copy" }), "eksamen.document.copy-without-original", "§ 36, stk. 1"],
    ["replaces on a copy", (i) => ({ ...i, copy: "copy", originalIssuedOn: "2024-06-27", replaces: { issuedOn: "2024-06-27", reason: "complaint" } }), "eksamen.document.replaces-on-copy", "§ 36, stk. 2"],
    ["replaces a later original", (i) => ({ ...i, replaces: { issuedOn: "2024-07-01", reason: "recalled-destroyed" } }), "eksamen.document.replaces-later", "§ 36, stk. 2"],
    ["English copy without the original's date", (i) => ({ ...i, copy: "english-certified-copy" }), "eksamen.document.copy-without-original", "§ 34, stk. 2"],
  ])("%s → %s (%s)", async (_name, change, rule, ref) => {
    const input = change(good());
    expect(checkDocumentInput(input).map((f) => [f.rule, f.cite.ref])).toContainEqual([rule, ref]);
    await expect(renderEksamenDocumentPdf(input)).rejects.toBeInstanceOf(EksamenDocumentError);
  });
  it("a good input has no findings", () => expect(checkDocumentInput(good())).toEqual([]));
});

describe("the PDF file", () => {
  it("is A4 with a title, and the same input gives the same bytes", async () => {
    const input = documentFromCertificate(certificate(stx()), base);
    const [a, b] = await Promise.all([renderEksamenDocumentPdf(input), renderEksamenDocumentPdf(input)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const info = pdfInfo(Buffer.from(a));
    expect(info["Title"]).toBe("Eksamensbevis – Ida Ærø Østergård");
    expect(info["Page size"]).toContain("A4");
    expect(info["Pages"]).toBe("1");
  });
  it("longDate", () => {
    expect(longDate("2024-02-29", "da")).toBe("29. februar 2024");
    expect(longDate("2024-02-29", "en")).toBe("29 February 2024");
  });
});

describe("diplomaView (property)", () => {
  const gradeArb = fc.constantFrom(...GRADES_7);
  const lineArb = fc.record({
    code: fc.constantFrom("DAN", "MAT", "ENG", "BIO", "FYS"),
    level: fc.constantFrom("A", "B", "C") as fc.Arbitrary<"A" | "B" | "C">,
    part: fc.constantFrom("written", "oral") as fc.Arbitrary<"written" | "oral">,
    grade: gradeArb,
    year: fc.integer({ min: 2022, max: 2024 }),
    special: fc.boolean(),
  });
  it("one row per line, grades as written, and never a word about special conditions", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.constantFrom("original", "copy", "english-certified-copy") as fc.Arbitrary<"original" | "copy" | "english-certified-copy">, (ls, copy) => {
        const r = record(examinee("stx", { coherent: false }), ls.map((l) => exam(l.code, l.level, l.part, l.grade, `${l.year}-06-10`, { specialConditions: l.special })));
        const c = buildCertificate(r);
        if (c.value === null) return;
        const v = diplomaView(documentFromCertificate(c.value, { ...base, copy, originalIssuedOn: "2024-06-27" }));
        expect(v.rows.length).toBe(c.value.lines.length);
        expect(JSON.stringify(v).toLowerCase()).not.toMatch(/vilkår|special/);
      }),
      { numRuns: 150 },
    );
  });
});
