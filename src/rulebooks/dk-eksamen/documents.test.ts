/**
 * The document inputs (documents.ts): built from the pure core's outputs, and the way a caller goes from the § 36
 * ledger rule (`mayIssue`) to a rendered document.
 */
import { describe, expect, it } from "vitest";
import type { Cpr } from "../../kernel/ids/cpr.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { buildCertificate } from "./certificate.ts";
import { leaverCertificates, mayIssue } from "./diploma.ts";
import { documentFromCertificate, documentsForLeaver, renderEksamenDocumentPdf } from "./documents.ts";
import type { IssuedDocument } from "./model.ts";
import { exam, examinee, record, sp, subj } from "./testing-grades.ts";

const rest = {
  copy: "original" as const,
  institution: { name: "VUC Syd", place: "Haderslev" },
  examinee: { name: "Jens Jensen", cpr: "0101051234" as Cpr },
  issuedOn: "2024-06-28",
  signatory: { name: "Ole Olsen", title: "Forstander" },
};

describe("documentFromCertificate", () => {
  it("takes kind, issuer, education, lines and result from buildCertificate and the rest from the caller", () => {
    const c = buildCertificate(record(examinee("stx"), [exam("DAN", "A", "oral", 7)])).value!;
    const d = documentFromCertificate(c, rest);
    expect(d).toMatchObject({ kind: "eksamensbevis", issuer: "institution", education: "stx", copy: "original", issuedOn: "2024-06-28" });
    expect(d.lines).toBe(c.lines);
    expect(d.result).toBe(c.result);
  });
});

describe("documentsForLeaver (§ 37)", () => {
  const leaverRest = { ...rest, issuer: "institution" as const, education: "hf2" as const, leftOn: "2024-03-01" };
  it.each([
    ["exams and completed subjects → both", [exam("DAN", "A", "oral", 7, "2023-06-01")], [{ subject: subj("DAN"), level: "A" as const }, { subject: subj("BIO"), level: "C" as const }], ["proevebevis", "deltagerbevis"]],
    ["exams only → prøvebevis", [exam("DAN", "A", "oral", 7, "2023-06-01")], [{ subject: subj("DAN"), level: "A" as const }], ["proevebevis"]],
    ["completed subjects only → deltagerbevis", [], [{ subject: subj("BIO"), level: "C" as const }], ["deltagerbevis"]],
    ["nothing → no document", [], [], []],
  ])("%s", (_n, grades, completed, kinds) => {
    const l = leaverCertificates(record(examinee("hf2", { leftOn: "2024-03-01" }), grades, [sp("BIO", "C", "oral", 4, "2023-12-20")]), completed);
    const docs = documentsForLeaver(l.value!, leaverRest);
    expect(docs.map((d) => d.kind)).toEqual(kinds);
    for (const d of docs) expect(d.result).toBeNull();
  });
});

describe("from the ledger rule to the document (§§ 34, 36)", () => {
  const c = buildCertificate(record(examinee("stx"), [exam("DAN", "A", "oral", 7)])).value!;
  const ledger: IssuedDocument[] = [{ id: "d1", examineeId: "e1", kind: "eksamensbevis", copy: "original", issuedOn: "2024-06-28" }];

  it("the English copy: refused without the examinee's request, rendered in English with it", async () => {
    expect(mayIssue(ledger, { examineeId: "e1", kind: "eksamensbevis", copy: "english-certified-copy", on: "2024-08-01" }).value).toBe(false);
    const ok = mayIssue(ledger, { examineeId: "e1", kind: "eksamensbevis", copy: "english-certified-copy", on: "2024-08-01", requestedByExaminee: true });
    expect(ok.value).toBe(true);
    const bytes = await renderEksamenDocumentPdf(documentFromCertificate(c, { ...rest, copy: "english-certified-copy", issuedOn: "2024-08-01", originalIssuedOn: ledger[0]!.issuedOn }));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const t = pdfText(Buffer.from(bytes)).replace(/\s+/g, " ");
    expect(t).toContain("English certified copy of the Danish original issued 28 June 2024");
    expect(t).toContain("Haderslev, 1 August 2024");
  });

  it("a copy of a lost original: marked KOPI, dated the day it is handed out", async () => {
    expect(mayIssue(ledger, { examineeId: "e1", kind: "eksamensbevis", copy: "copy", on: "2025-01-10", originalLost: true }).value).toBe(true);
    const t = pdfText(Buffer.from(await renderEksamenDocumentPdf(documentFromCertificate(c, { ...rest, copy: "copy", issuedOn: "2025-01-10", originalIssuedOn: "2024-06-28" }))));
    expect(t).toContain("KOPI");
    expect(t).toContain("Haderslev, 10. januar 2025");
    expect(t.replace(/\s+/g, " ")).toContain("Kopi af originalbevis udstedt 28. juni 2024");
  });
});
