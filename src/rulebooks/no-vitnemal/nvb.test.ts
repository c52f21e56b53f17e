import { describe, expect, it } from "vitest";
import { append, change, duplicate, issue, type IssuanceLog } from "./issuance.ts";
import { sampleKompetansebevis, sampleVitnemal, subject, ORGNR } from "./layout.test-helpers.ts";
import type { VitnemalInput } from "./layout.ts";
import { encodeField, FIELD_COUNTS, nvbBatchFromLog, nvbFile, nvbLine, parseNvbLine } from "./nvb.ts";

/** nvb-format.md §10, the worked example file, verbatim. */
const EXAMPLE = `¤A¤974567814¤46012¤1¤0¤6¤3¤1¤Eksempelsystem¤1.0.0¤20250620083000
¤V¤V97456781420250042¤J¤KL¤VM¤2025¤974567814¤Bergen¤20250620¤Nordli videregående skole¤Per Rektorsen¤Siri Sekretær¤150307¤51466¤Kari Nordmann¤¤J¤756¤G¤G¤0¤¤B
¤P¤V97456781420250042¤STUSP1----¤VG1¤¤¤3¤5¤ST¤2023
¤P¤V97456781420250042¤STREA2----¤VG2¤¤¤2¤8¤ST¤2024
¤P¤V97456781420250042¤STREA3----¤VG3¤B¤Bestått¤1¤4¤ST¤2025
¤F¤V97456781420250042¤ENG1003¤FF¤1¤5¤-¤¤140¤V¤2023¤E¤¤¤¤¤¤
¤F¤V97456781420250042¤MAT1013¤FF¤2¤4¤5¤S¤140¤V¤2023¤E¤¤¤¤¤¤
¤F¤V97456781420250042¤GEO1001¤FF¤3¤-¤5¤S¤56¤H¤2024¤P¤¤¤¤¤¤
¤F¤V97456781420250042¤HIS1003¤FF¤4¤4¤-¤¤140¤V¤2025¤E¤¤¤¤¤¤
¤F¤V97456781420250042¤REA3022¤VP¤10¤5¤-¤¤140¤V¤2024¤E¤¤¤¤¤¤
¤F¤V97456781420250042¤REA3024¤VP¤11¤4¤4¤M¤140¤V¤2025¤E¤¤¤¤¤¤
¤M¤V97456781420250042¤1¤VMM02¤¤¤¤F¤¤¤
`.split("\n").filter((l) => l !== "");

/** The document of the worked example, as bevis's input. */
const exampleDoc = (): VitnemalInput =>
  sampleVitnemal({
    documentNumber: "V97456781420250042",
    programmeAreas: [
      { level: "vg1", code: "STUSP1----", name: "Studiespesialisering", programme: "Studiespesialisering", year: 2023, absence: { days: 3, hours: 5 } },
      { level: "vg2", code: "STREA2----", name: "Realfag", programme: "Studiespesialisering", year: 2024, absence: { days: 2, hours: 8 } },
      { level: "vg3", code: "STREA3----", name: "Realfag", programme: "Studiespesialisering", year: 2025, absence: { days: 1, hours: 4 } },
    ],
    subjects: [
      subject("ENG1003", { standpunkt: 5, term: { half: "V", year: 2023 } }),
      subject("MAT1013", { standpunkt: 4, eksamen: 5, eksamensform: "S", term: { half: "V", year: 2023 } }),
      subject("GEO1001", { omfang: 56, standpunkt: null, eksamen: 5, eksamensform: "S", term: { half: "H", year: 2024 }, status: "P" }),
      subject("HIS1003", { standpunkt: 4 }),
      subject("REA3022", { fagtype: "VP", standpunkt: 5, term: { half: "V", year: 2024 } }),
      subject("REA3024", { fagtype: "VP", standpunkt: 4, eksamen: 4, eksamensform: "M" }),
    ],
    merknader: [{ code: "VMM02", text: "(illustration)" }],
  });

const SYSTEM = { name: "Eksempelsystem", version: "1.0.0" };
const file = (docs: VitnemalInput[], cancellations: Parameters<typeof nvbFile>[0]["cancellations"] = []) =>
  nvbFile({ documents: docs, cancellations, system: SYSTEM, createdAt: "20250620083000" });

describe("NVB export (nvb-format.md)", () => {
  const out = file([exampleDoc()]);
  const lines = out.value!.split("\n").filter((l) => l !== "");

  it("§10: reproduces the worked example line for line (F4 = bevis's §2.5 print order)", () => {
    expect(out.because.filter((f) => f.severity === "error")).toEqual([]);
    const notF = (ls: string[]) => ls.filter((l) => !l.startsWith("¤F"));
    expect(notF(lines)).toEqual(notF(EXAMPLE));
    // ¤F: every field as in the example except F4 (the example numbers 1,2,3,4,10,11 in its own order)
    const f = (ls: string[]) =>
      new Map(ls.filter((l) => l.startsWith("¤F")).map((l) => parseNvbLine(l).fields).map((x) => [x[1], [...x.slice(0, 3), ...x.slice(4)]]));
    expect(f(lines)).toEqual(f(EXAMPLE));
    const order = lines.filter((l) => l.startsWith("¤F")).map((l) => parseNvbLine(l).fields.slice(1, 4));
    expect(order).toEqual([
      ["ENG1003", "FF", "1"],
      ["GEO1001", "FF", "2"],
      ["HIS1003", "FF", "3"],
      ["MAT1013", "FF", "4"],
      ["REA3022", "VP", "5"],
      ["REA3024", "VP", "6"],
    ]);
  });

  const fieldsOf = (tag: string, i = 0) => parseNvbLine(lines.filter((l) => l.startsWith(`¤${tag}`))[i]!).fields;
  it.each<[string, string, number, string]>([
    // [record, label (nvb §3), position after the tag, value]
    ["A", "A1 Orgnr", 1, "974567814"],
    ["A", "A2 Skolenr", 2, "46012"],
    ["A", "A3 Antall_vgdok", 3, "1"],
    ["A", "A4 Antall_vgdokann", 4, "0"],
    ["A", "A5 Antall_vgdokfag", 5, "6"],
    ["A", "A6 Antall_vgdokpromr", 6, "3"],
    ["A", "A7 Antall_vgdokmerknad", 7, "1"],
    ["A", "A10 Tid_fil_laget", 10, "20250620083000"],
    ["V", "V1 Vgdoknr", 1, "V97456781420250042"],
    ["V", "V2 Foerstegangsvm", 2, "J"],
    ["V", "V4 Reformkode", 3, "KL"],
    ["V", "V5 Vgdoktypekode", 4, "VM"],
    ["V", "V6 Avgangsaar", 5, "2025"],
    ["V", "V7 Orgnr", 6, "974567814"],
    ["V", "V9 Utstedersted", 7, "Bergen"],
    ["V", "V10 Dato_utstedt", 8, "20250620"],
    ["V", "V11 Skolenavn", 9, "Nordli videregående skole"],
    ["V", "V12 Rektornavn", 10, "Per Rektorsen"],
    ["V", "V13 Underskrivernavn", 11, "Siri Sekretær"],
    ["V", "V14 Foedtdato", 12, "150307"],
    ["V", "V15 Personnummer", 13, "51466"],
    ["V", "V16 Personnavn", 14, "Kari Nordmann"],
    ["V", "V17 Dispensasjonkode", 15, ""],
    ["V", "V18 Gsk_ok", 16, "J"],
    ["V", "V20 Omfang", 17, "756"],
    ["V", "V22 Orden", 18, "G"],
    ["V", "V23 Adferd", 19, "G"],
    ["V", "V24 Antall_vedlegg", 20, "0"],
    ["V", "V26 Maalformkode", 22, "B"],
    ["P", "P2 Promrkode", 2, "STUSP1----"],
    ["P", "P3 Nivaakode", 3, "VG1"],
    ["P", "P6 Fravaer_dager", 6, "3"],
    ["P", "P7 Fravaer_timer", 7, "5"],
    ["P", "P8 Utdprogramkode", 8, "ST"],
    ["P", "P9 Aarstall", 9, "2023"],
    ["F", "F2 Fagkode", 2, "ENG1003"],
    ["F", "F3 Fagtypekode", 3, "FF"],
    ["F", "F4 Linjenr", 4, "1"],
    ["F", "F5 Karakter_standpunkt", 5, "5"],
    ["F", "F6 Karakter_eksamen", 6, "-"],
    ["F", "F8 Omfang", 8, "140"],
    ["F", "F9 Terminkode", 9, "V"],
    ["F", "F10 Aar", 10, "2023"],
    ["F", "F12 Fagstatuskode", 11, "E"],
    ["M", "M2 Merknadnr", 2, "1"],
    ["M", "M3 Merknadkode", 3, "VMM02"],
    ["M", "M7 Sidekode", 7, "F"],
  ])("§3 ¤%s field %s at position %i is %j", (tag, _label, pos, value) => {
    expect(fieldsOf(tag)[pos - 1]).toBe(value);
  });

  it("§2.1/§2.2/§2.8: UTF-8 text, LF line ends, each line ¤ + letter + (¤ + field) × the record's count", () => {
    expect(out.value!.endsWith("\n")).toBe(true);
    expect(out.value!).not.toContain("\r");
    for (const l of lines) {
      const { tag, fields } = parseNvbLine(l);
      expect(fields).toHaveLength(FIELD_COUNTS[tag as keyof typeof FIELD_COUNTS]);
    }
    expect(Buffer.from(out.value!, "utf8").toString("utf8")).toContain("Bestått");
  });

  it("§2.3–2.5 field encoding: trim, \\n for line breaks, { } around ¤ and around values that look quoted", () => {
    expect(encodeField("  a b \t")).toBe("a b");
    expect(encodeField("linje 1\r\nlinje 2\nlinje 3\rx")).toBe("linje 1\\nlinje 2\\nlinje 3\\nx");
    expect(encodeField("Feil karakter i REA3024 ¤ nytt dokument utstedt")).toBe("{Feil karakter i REA3024 ¤ nytt dokument utstedt}");
    expect(encodeField("{x}")).toBe("{{x}}");
    expect(encodeField(null)).toBe("");
    expect(encodeField(0)).toBe("0");
    expect(() => nvbLine("D", ["x"])).toThrow(/6 fields/);
    const round = parseNvbLine(nvbLine("D", ["V97456781420250042", "20250901", "Siri", "", "FEI", "a ¤ b\nc"]));
    expect(round.fields).toEqual(["V97456781420250042", "20250901", "Siri", "", "FEI", "a ¤ b\nc"]);
  });

  it("§3.7 ¤D: the worked example's annulment line, counted in A4 of its orgnr's part", () => {
    const d = file([], [{ number: "V97456781420250042", on: "2025-09-01", by: "Siri Sekretær", replacedBy: "V97456781420250057", reason: "FEI", comment: "Feil karakter i REA3024 ¤ nytt dokument utstedt" }]);
    // no document of this orgnr in the file: the school number comes from the batch
    expect(d.because.map((f) => f.rule)).toEqual(["vitnemal.nvb.skolenr"]);
    const d2 = nvbFile({
      documents: [],
      cancellations: [{ number: "V97456781420250042", on: "2025-09-01", by: "Siri Sekretær", replacedBy: "V97456781420250057", reason: "FEI", comment: "Feil karakter i REA3024 ¤ nytt dokument utstedt" }],
      system: SYSTEM,
      createdAt: "20250901120000",
      schoolNumbers: { [ORGNR]: "46012" },
    });
    expect(d2.value!.split("\n")).toEqual([
      "¤A¤974567814¤46012¤0¤1¤0¤0¤0¤Eksempelsystem¤1.0.0¤20250901120000",
      "¤D¤V97456781420250042¤20250901¤Siri Sekretær¤V97456781420250057¤FEI¤{Feil karakter i REA3024 ¤ nytt dokument utstedt}",
      "",
    ]);
  });

  it("§2.9 one part per orgnr: ¤A, its ¤V blocks (¤V, ¤P, ¤F, ¤M), then its ¤D; counts from the lines written", () => {
    const other = { orgnr: "842872022", name: "Sørli vgs", place: "Oslo", schoolNumber: "03001" };
    const a = exampleDoc();
    const b = sampleKompetansebevis({ issuer: other, documentNumber: "K84287202220250001" });
    const c = sampleVitnemal({ documentNumber: "V97456781420250043" });
    const r = file([a, b, c], [{ number: "V97456781420250001", on: "2025-06-25", by: "Siri", reason: "FEI", replacedBy: "V97456781420250043" }]);
    expect(r.because.filter((f) => f.severity === "error")).toEqual([]);
    const tags = r.value!.split("\n").filter((l) => l).map((l) => l.slice(0, 2) + (l.startsWith("¤A") || l.startsWith("¤V") ? parseNvbLine(l).fields[0] : ""));
    const compact = tags.join(" ").replace(/(¤[PFM])( \1)+/g, "$1…");
    expect(compact).toBe("¤A974567814 ¤VV97456781420250042 ¤P… ¤F… ¤M ¤VV97456781420250043 ¤P… ¤F… ¤M ¤D ¤A842872022 ¤VK84287202220250001 ¤P ¤F…");
    const aLine = parseNvbLine(r.value!.split("\n")[0]!).fields;
    expect(aLine.slice(2, 7)).toEqual(["2", "1", String(6 + 8), String(3 + 3), "2"]);
  });

  it("§3.3/§3.4 kompetansebevis: V2 empty, V5 KB, «fullført» → P4 F, IM and IV as grade codes, FAM in F13", () => {
    const r = file([sampleKompetansebevis()]);
    const ls = r.value!.split("\n").filter((l) => l).map(parseNvbLine);
    const v = ls.find((l) => l.tag === "V")!.fields;
    expect([v[1], v[3], v[4]]).toEqual(["", "KB", "2025"]);
    const p = ls.find((l) => l.tag === "P")!.fields;
    expect([p[2], p[3], p[4], p[5], p[6]]).toEqual(["VG1", "F", "fullført", "14", "22"]);
    const f = ls.filter((l) => l.tag === "F").map((l) => l.fields);
    expect(f.map((x) => [x[1], x[4], x[5], x[6], x[11]])).toEqual([
      ["ENG1007", "3", "IM", "S", "FAM39"],
      ["MAT1019", "1", "-", "", ""],
      ["NAT1007", "IV", "-", "", "FAM51"],
    ]);
  });

  it.each<[string, Partial<VitnemalInput>, string]>([
    ["§3.5 F12 P with a standpunkt grade is FEIL", { subjects: [subject("GEO1001", { status: "P", standpunkt: 4 })] }, "vitnemal.nvb.privatist-standpunkt"],
    ["§4.1 D is not an exam grade", { subjects: [subject("KRO1019", { eksamen: "D", eksamensform: "P" })] }, "vitnemal.nvb.deltatt-exam"],
    ["§4.1 F needs a FAM code", { subjects: [subject("KRO1019", { standpunkt: "F" })] }, "vitnemal.nvb.fritatt-fam"],
    ["§3.3 V15 invalid fødselsnummer", { person: { name: "X", fodselsnummer: "15030751467" } }, "vitnemal.nvb.fnr"],
    ["§2.6 over-long fagkode (A10)", { subjects: [subject("ABCDEFGHIJK")] }, "vitnemal.nvb.width"],
    ["§3.6 M3 only VMM codes", { merknader: [{ code: "FAM03", text: "Jf. vedlegg" }] }, "vitnemal.nvb.merknad-code"],
    ["§3.1 A2 school number", { issuer: { orgnr: ORGNR, name: "x", place: "y" } }, "vitnemal.nvb.skolenr"],
  ])("%s: nothing is exported", (_n, over, rule) => {
    const r = file([sampleVitnemal(over)]);
    expect(r.value).toBeNull();
    expect(r.because.map((f) => f.rule)).toContain(rule);
  });

  it("F7 is sent only with a real F6 value (avlyst: exam form printed beside a dotted cell)", () => {
    const r = file([sampleVitnemal({ subjects: [subject("ENG1007", { eksamen: null, eksamensform: "S", merknad: { code: "FAM36", text: "Eksamen avlyst, jf. vedlegg" } })] })]);
    const f = r.value!.split("\n").find((l) => l.startsWith("¤F"))!;
    expect(parseNvbLine(f).fields.slice(5, 7)).toEqual(["-", ""]);
  });

  it("refuses a malformed file time and a number twice", () => {
    expect(nvbFile({ documents: [], cancellations: [], system: SYSTEM, createdAt: "2025-06-20" }).because.map((f) => f.rule)).toEqual(["vitnemal.nvb.created"]);
    expect(file([exampleDoc(), exampleDoc()]).because.map((f) => f.rule)).toContain("vitnemal.nvb.twice");
  });
});

describe("NVB batch from the issuance log", () => {
  it("sends issued documents and cancellations after a sequence number; same-number duplicates send nothing", () => {
    let log: IssuanceLog = [];
    const by = "Siri Sekretær";
    log = append(log, issue(log, sampleVitnemal(), { on: "2025-06-20", by }).value!.events);
    const sent = log.length;
    log = append(log, change(log, "V97456781420250001", sampleVitnemal({ orden: "N" }), { on: "2025-09-01", by, reason: "KLA" }).value!.events);
    log = append(log, duplicate(log, { way: 2, number: "V97456781420250002", on: "2026-01-05", place: "Bergen", signatory: "Ola", by }).value!.events);
    const all = nvbBatchFromLog(log);
    expect(all.documents.map((d) => d.documentNumber)).toEqual(["V97456781420250001", "V97456781420250002"]);
    const since = nvbBatchFromLog(log, sent);
    expect(since.documents.map((d) => d.documentNumber)).toEqual(["V97456781420250002"]);
    expect(since.cancellations).toEqual([{ number: "V97456781420250001", on: "2025-09-01", by, reason: "KLA", replacedBy: "V97456781420250002" }]);
    const r = nvbFile({ ...since, system: { name: "bevis", version: "0.1.0" }, createdAt: "20250901100000" });
    expect(r.value!.split("\n").filter((l) => l).map((l) => l.slice(0, 2))).toEqual(["¤A", "¤V", "¤P", "¤P", "¤P", ...Array(8).fill("¤F"), "¤M", "¤D"]);
  });
});
