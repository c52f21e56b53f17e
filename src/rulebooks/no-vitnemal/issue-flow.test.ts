/**
 * The whole path of one document, end to end across the sessions' modules: a case decided by 3a's `decideContent`, laid
 * out (§2), issued with a number (§2.8), printed to PDF and read back, changed (new number, old cancelled), and exported
 * to NVB (¤V … ¤D).
 */
import { describe, expect, it } from "vitest";
import { pdfText } from "../../platform/render/testing.ts";
import { decideContent, toLayoutInput } from "./decide.ts";
import { append, change, documents, issue, type IssuanceLog } from "./issuance.ts";
import { arrangeDocument } from "./layout.ts";
import type { SubjectResult, VitnemalCase } from "./model.ts";
import { nvbBatchFromLog, nvbFile, parseNvbLine } from "./nvb.ts";
import { renderVitnemalPdf } from "./pdf.ts";
import { hy, line, testIssuer, testPerson } from "./testing.ts";

const SUBJECTS: SubjectResult[] = [
  line("ENG1007", { standpunkt: 5, eksamen: "IM", examForm: "S", level: "VG1", year: hy("V2023"), merknader: [{ code: "FAM39", because: "6.3" }] }),
  line("MAT1021", { standpunkt: 4, level: "VG1", year: hy("V2023") }),
  line("NAT1007", { standpunkt: 5, level: "VG1", year: hy("V2023") }),
];

const theCase = (subjects = SUBJECTS): VitnemalCase => ({
  person: testPerson(),
  issuer: testIssuer("skole"),
  decisionDate: "2023-06-20",
  statuses: [{ status: "elev", schoolYear: { startYear: 2022 } }],
  programmeAreas: [{ code: "STUSP1----", level: "VG1" }],
  subjects,
  conduct: [{ schoolYear: { startYear: 2022 }, orden: "G", adferd: "NG", kind: "standpunkt", elevInYear: true }],
  absence: [{ courseYear: 1, schoolYear: { startYear: 2022 }, days: 4, hours: 7 }],
  course: { achieved: [], fixedLop: true, withinNormalTime: true },
});

function laidOut(c: VitnemalCase) {
  const d = decideContent(c);
  expect(d.value.issuable).toBe(true);
  const input = toLayoutInput(c, d.value, { issuedOn: "2023-06-20", signatories: ["Rektor Rektorsen", "Avdelingsleder Leder"], documentNumber: "(preview)" });
  expect(input.value).not.toBeNull();
  return input.value!;
}

describe("decide → issue → PDF → change → NVB (issue 3: the pupil who did not meet for an exam with documented absence)", () => {
  it("issues the kompetansebevis with IM + FAM39, prints it, changes it and exports both documents and the annulment", async () => {
    let log: IssuanceLog = [];
    const first = issue(log, laidOut(theCase()), { on: "2023-06-20", by: "Siri Sekretær" });
    expect(first.because.filter((f) => f.severity === "error")).toEqual([]);
    log = append(log, first.value!.events);
    const number = first.value!.print.documentNumber;
    expect(number).toMatch(/^K\d{9}20230001$/);

    const text = pdfText(await renderVitnemalPdf(arrangeDocument(first.value!.print).value));
    expect(text).toContain("KOMPETANSEBEVIS");
    expect(text).toMatch(/ENG1007\s+.*5 fem\s+IM\s+S\s+V23\s+Dokumentert fravær/);
    expect(text).toContain(number);

    // the pupil takes the exam in the autumn: a new document, the first cancelled (§2.8)
    const retaken = SUBJECTS.map((s) => (s.fagkode === "ENG1007" ? { ...s, eksamen: 4 as const, year: hy("H2023"), merknader: [] } : s));
    const ch = change(log, number, laidOut(theCase(retaken)), { on: "2023-12-15", by: "Siri Sekretær", reason: "ANN", comment: "Ny eksamen" });
    expect(ch.because.filter((f) => f.severity === "error")).toEqual([]);
    log = append(log, ch.value!.events);
    const second = ch.value!.print.documentNumber;
    expect(second).toBe(number.replace(/0001$/, "0002"));
    expect(documents(log).get(number)!.status).toBe("cancelled");

    const batch = nvbBatchFromLog(log);
    const file = nvbFile({ ...batch, system: { name: "bevis", version: "0.1.0" }, createdAt: "20231215120000", schoolNumbers: { [testIssuer("skole").orgnr!]: "46012" } });
    expect(file.because.filter((f) => f.severity === "error")).toEqual([]);
    const recs = file.value!.split("\n").filter((l) => l).map(parseNvbLine);
    expect(recs.map((r) => r.tag).join("")).toBe("AVPFFFVPFFFD"); // kompetansebevis without vitnemålsmerknader: no ¤M
    const fEng = recs.filter((r) => r.tag === "F" && r.fields[1] === "ENG1007").map((r) => [r.fields[0], r.fields[5], r.fields[6], r.fields[11]]);
    expect(fEng).toEqual([
      [number, "IM", "S", "FAM39"],
      [second, "4", "S", ""],
    ]);
    const d = recs.find((r) => r.tag === "D")!.fields;
    expect(d).toEqual([number, "20231215", "Siri Sekretær", second, "ANN", "Ny eksamen"]);
    expect(recs[0]!.fields.slice(2, 7)).toEqual(["2", "1", "6", "2", "0"]);
  });
});
