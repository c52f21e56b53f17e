import { describe, expect, it } from "vitest";
import { allocateDispensationVmm, dispensationText, parseCaseNumber, udirDecisionEntries } from "./dispensations.ts";
import { famCodes, vmmCodes } from "./entry.ts";

describe("parseCaseNumber — §3.3 (4 og 5 siffer)", () => {
  it.each([
    { ref: "3.3", input: "2013/999", out: "2013/0999" },
    { ref: "3.3", input: "2013/99", out: "2013/0099" },
    { ref: "3.3", input: "2013/9", out: "2013/0009" },
    { ref: "3.3", input: "2013/0999", out: "2013/0999" },
    { ref: "3.3", input: "2013/1000", out: "2013/1000" },
    { ref: "3.3", input: "2013/12345", out: "2013/12345" },
    { ref: "3.3", input: " 13 / 45 ", out: "13/0045" },
    { ref: "3.3", input: "2013/123456", out: null },
    { ref: "3.3", input: "2013-999", out: null },
    { ref: "3.3", input: "2013/0", out: null },
  ].map((r) => [`§${r.ref} ${r.input} → ${String(r.out)}`, r] as const))("%s", (_t, { input, out }) => {
    const d = parseCaseNumber(input);
    expect(d.value?.formatted ?? null).toBe(out);
    expect(d.because.some((f) => f.severity === "error")).toBe(out === null);
  });
});

describe("dispensationText — §12.1 (dato og saksnr.)", () => {
  it("keeps a text that already has the padded number and the date", () => {
    expect(dispensationText({ caseNumber: "2020/999", date: "2020-06-01", text: "Dispensasjon 2020/999 av 01.06.2020" }).value).toBe("Dispensasjon 2020/0999 av 01.06.2020");
  });
  it("adds the case number and date when missing", () => {
    expect(dispensationText({ caseNumber: "2020/15", date: "2020-06-01", text: "Dispensasjon fra kravet til kroppsøving" }).value).toBe(
      "Dispensasjon fra kravet til kroppsøving (saksnr. 2020/0015, dato 01.06.2020)",
    );
  });
  it("warns when there is no text", () => {
    const d = dispensationText({ caseNumber: "2020/15", date: "2020-06-01" });
    expect(d.value).toBe("Dispensasjonsvedtak fra Utdanningsdirektoratet, saksnr. 2020/0015, dato 01.06.2020");
    expect(d.because.map((f) => f.severity)).toContain("warning");
  });
});

describe("udirDecisionEntries — §12.1, §12.2", () => {
  const ref = { caseNumber: "2022/77", date: "2022-03-01", text: "Dispensasjon fra kravet til kroppsøving, saksnr. 2022/0077, 01.03.2022" };
  it.each([
    { ref: "12.1", name: "dispensation on a subject → FAM35, VMM17, VMM23, decision attached", d: { kind: "dispensasjon" as const, ref, fagkoder: ["KRO1005"] }, fam: ["FAM35"], vmm: ["VMM17", "VMM23"] },
    { ref: "12.1", name: "text says there is a vedlegg → no VMM23", d: { kind: "dispensasjon" as const, ref: { ...ref, textMentionsVedlegg: true }, fagkoder: ["KRO1005"] }, fam: ["FAM35"], vmm: ["VMM17"] },
    { ref: "12.1", name: "dispensation not tied to a subject → no FAM", d: { kind: "dispensasjon" as const, ref, fagkoder: [] }, fam: [], vmm: ["VMM17", "VMM23"] },
    { ref: "12.2", name: "forsøk → FAM32 + VMM23, the letter as vedlegg", d: { kind: "forsok" as const, ref, fagkoder: ["MAT1019"] }, fam: ["FAM32"], vmm: ["VMM23"] },
  ].map((r) => [`§${r.ref} ${r.name}`, r] as const))("%s", (_t, { d, fam, vmm }) => {
    const out = udirDecisionEntries(d);
    const [e] = out.value;
    expect(famCodes(e!)).toEqual(fam);
    expect(vmmCodes(e!)).toEqual(vmm);
    expect(e!.vedlegg).toHaveLength(1);
  });
  it("§12.1 another FAM named by the decision replaces FAM35", () => {
    const [e] = udirDecisionEntries({ kind: "dispensasjon", ref, fagkoder: ["ENG1002"] }, { otherFam: "FAM36" }).value;
    expect(famCodes(e!)).toEqual(["FAM36"]);
  });
  it("§12.1 several subjects: each gets the FAM, the VMMs once", () => {
    const out = udirDecisionEntries({ kind: "dispensasjon", ref, fagkoder: ["A", "B"] }).value;
    expect(out.map((e) => [e.fagkode, famCodes(e), vmmCodes(e).length])).toEqual([
      ["A", ["FAM35"], 2],
      ["B", ["FAM35"], 0],
    ]);
  });
});

describe("allocateDispensationVmm — §3.3 VMM17–19", () => {
  const d = (t: string) => ({ code: "VMM17", params: { tekst: t } });
  it("numbers distinct texts 17, 18, 19 and keeps others", () => {
    const out = allocateDispensationVmm([d("a"), { code: "VMM23" }, d("b"), d("a"), d("c"), { code: "VMM23" }]);
    expect(out.value.map((m) => m.code)).toEqual(["VMM17", "VMM23", "VMM18", "VMM19"]);
    expect(out.because).toEqual([]);
  });
  it("a fourth dispensation is an error", () => {
    const out = allocateDispensationVmm([d("a"), d("b"), d("c"), d("e")]);
    expect(out.because.map((f) => f.rule)).toEqual(["vitnemal.dispensation.too-many"]);
  });
});
