import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arrangeDocument,
  assessmentCell,
  compareSubjects,
  documentStrings,
  DOTTED_LINE,
  FAGTYPE_ORDER,
  flowItems,
  formatDate,
  formatTerm,
  NO_OMFANG,
  numberCell,
  omfangCell,
  planPages,
  sortSubjects,
  subjectLines,
  type Assessment,
  type Fagtype,
  type FlowItem,
  type LayoutLang,
} from "./layout.ts";
import { sampleKompetansebevis, sampleVitnemal, subject } from "./layout.test-helpers.ts";

const rules = (input: Parameters<typeof arrangeDocument>[0]) => arrangeDocument(input).because.map((f) => f.rule);

describe("§2.6 cells", () => {
  it.each<[string, Assessment, LayoutLang, string]>([
    ["§5.1 six in words", 6, "nb", "6 seks"],
    ["§5.1 five", 5, "nb", "5 fem"],
    ["§5.1 four", 4, "nb", "4 fire"],
    ["§5.1 three", 3, "nb", "3 tre"],
    ["§5.1 two", 2, "nb", "2 to"],
    ["§5.1 one", 1, "nb", "1 en"],
    ["nynorsk one", 1, "nn", "1 ein"],
    ["English four", 4, "en", "4 four"],
    ["§5.2 Bestått", "B", "nb", "Bestått"],
    ["§5.2 BM on a vitnemål", "BM", "nb", "BM"],
    ["§5.2 Ikke bestått", "IB", "nb", "Ikke bestått"],
    ["§5.2 Deltatt", "D", "nb", "Deltatt"],
    ["§5.2 Fritatt", "F", "nb", "Fritatt"],
    ["§5.2 Godkjent", "GK", "nb", "Godkjent"],
    ["§5.2 IV", "IV", "nb", "IV"],
    ["§5.2 IM", "IM", "nb", "IM"],
    ["§2.6 unused cell is a dotted line", null, "nb", DOTTED_LINE],
  ])("%s", (_name, a, lang, text) => {
    expect(assessmentCell(a, lang).text).toBe(text);
    expect(assessmentCell(a, lang).dotted ?? false).toBe(a === null);
  });

  it.each([
    ["§2.6 omfang in årstimer", 140, "140"],
    ["§2.6 «to tankestreker» without omfang", null, NO_OMFANG],
  ] as const)("%s", (_n, omfang, text) => expect(omfangCell(omfang).text).toBe(text));

  it.each([
    ["§2.6 spring", { half: "V", year: 2023 }, "V23"],
    ["§2.6 autumn", { half: "H", year: 2024 }, "H24"],
    ["§2.6 year 2009", { half: "V", year: 2009 }, "V09"],
  ] as const)("%s", (_n, term, text) => expect(formatTerm(term)).toBe(text));

  it.each([
    ["§2.8 dd.mm.åååå", "2025-06-20", "20.06.2025"],
    ["§2.8 leading zeros", "2024-01-05", "05.01.2024"],
  ])("%s", (_n, iso, text) => expect(formatDate(iso)).toBe(text));

  it("§2.7 no absence is 0, never a dotted line; an unused cell is dotted", () => {
    expect(numberCell(0)).toEqual({ text: "0" });
    expect(numberCell(null)).toEqual({ text: DOTTED_LINE, dotted: true });
  });
});

describe("§2.5 order of subjects", () => {
  it("fagtype order FF FP VP UP PF YF IO", () => expect(FAGTYPE_ORDER).toEqual(["FF", "FP", "VP", "UP", "PF", "YF", "IO"]));

  it("groups by fagtype then by alphanumeric fagkode", () => {
    const input = [
      subject("YFF4106", { fagtype: "YF" }),
      subject("REA3024", { fagtype: "VP" }),
      subject("NOR1267"),
      subject("ENG1003"),
      subject("PFO1001", { fagtype: "PF" }),
      subject("BUA2001", { fagtype: "FP" }),
      subject("IOP0001", { fagtype: "IO" }),
      subject("UPF0001", { fagtype: "UP" }),
      subject("MAT1013"),
      subject("REA3022", { fagtype: "VP" }),
    ];
    expect(sortSubjects(input).map((s) => `${s.fagtype} ${s.fagkode}`)).toEqual([
      "FF ENG1003",
      "FF MAT1013",
      "FF NOR1267",
      "FP BUA2001",
      "VP REA3022",
      "VP REA3024",
      "UP UPF0001",
      "PF PFO1001",
      "YF YFF4106",
      "IO IOP0001",
    ]);
  });

  it("property: the order is total and follows FAGTYPE_ORDER, whatever the input order", () => {
    const arb = fc.array(
      fc.record({ fagtype: fc.constantFrom<Fagtype>(...FAGTYPE_ORDER), fagkode: fc.stringMatching(/^[A-Z]{3}[0-9]{4}$/) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (subjects) => {
        const a = sortSubjects(subjects);
        const b = sortSubjects([...subjects].reverse());
        expect(a.map((s) => s.fagtype + s.fagkode)).toEqual(b.map((s) => s.fagtype + s.fagkode));
        for (let i = 1; i < a.length; i++) expect(compareSubjects(a[i - 1]!, a[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe("arrangeDocument", () => {
  it("§2.2–§2.8 a vitnemål: identity, intro, programme areas vg1–vg3, sluttkompetanse, groups, tail", () => {
    const { value: doc, because } = arrangeDocument(sampleVitnemal());
    expect(because).toEqual([]);
    expect(doc.title).toBe("VITNEMÅL");
    expect(doc.identity).toEqual([
      { label: "Navn", value: "Kari Nordmann" },
      { label: "Fødselsnummer", value: "15030751466" },
    ]);
    expect(doc.intro).toEqual(["har i 2025 bestått", "i utdanningsprogram for"]);
    expect(doc.programmeAreas.map((p) => `${p.level} ${p.code}`)).toEqual(["vg1 STUSP1----", "vg2 STREA2----", "vg3 STREA3----"]);
    expect(doc.sluttkompetanse).toEqual(["og har oppnådd generell studiekompetanse"]);
    expect(doc.groups.map((g) => g.heading)).toEqual(["Fellesfag", "Valgfrie programfag"]);
    expect(subjectLines(doc).map((r) => r.fagkode)).toEqual([
      "ENG1003",
      "GEO1001",
      "HIS1003",
      "KRO1019",
      "MAT1013",
      "NOR1267",
      "REA3022",
      "REA3024",
    ]);
    const kro = subjectLines(doc).find((r) => r.fagkode === "KRO1019")!;
    expect(kro.standpunkt.text).toBe("Fritatt");
    expect(kro.merknad.text).toBe("Fritatt fra vurd. med kar."); // §2.6: the text, not FAM02
    const nor = subjectLines(doc).find((r) => r.fagkode === "NOR1267")!;
    expect(nor.omfang.text).toBe("--");
    const geo = subjectLines(doc).find((r) => r.fagkode === "GEO1001")!;
    expect([geo.standpunkt.text, geo.eksamen.text, geo.eksamensform.text, geo.year.text]).toEqual([DOTTED_LINE, "5 fem", "S", "H24"]);
    const eng = subjectLines(doc).find((r) => r.fagkode === "ENG1003")!;
    expect([eng.eksamen.dotted, eng.eksamensform.dotted]).toEqual([true, true]);
    expect(doc.sumOmfang).toBe(String(140 * 5 + 56 * 2));
    expect([doc.orden.text, doc.adferd.text]).toEqual(["God", "God"]);
    expect(doc.absence.map((a) => `${a.label} ${a.days.text} ${a.hours.text}`)).toEqual(["vg1 3 5", "vg2 2 8", "vg3 0 0"]);
    expect(doc.merknader).toEqual(["Førstegangsvitnemål"]);
    expect(doc.placeDate).toBe("Bergen, 20.06.2025");
    expect(doc.signatories).toEqual(["Per Rektorsen", "Siri Sekretær"]);
    expect(doc.documentNumber).toBe("V97456781420250042");
    expect(doc.duplicate).toBeNull();
    expect(doc.columns.map((c) => c.header.replace("\n", " "))).toEqual([
      "Omfang",
      "Kode",
      "Fag",
      "Standpunkt- karakter",
      "Eksamens- karakter",
      "Eks. form",
      "År",
      "Merknader",
    ]);
  });

  it("§2.3 a kompetansebevis: its intro, «fullført»/«bestått» per line, no sluttkompetanse", () => {
    const { value: doc, because } = arrangeDocument(
      sampleKompetansebevis({
        programmeAreas: [
          { level: "vg2", code: "STREA2----", name: "Realfag", programme: "Studiespesialisering", status: null },
          { level: "vg1", code: "STUSP1----", name: "Studiespesialisering", programme: "Studiespesialisering", status: "bestatt" },
        ],
      }),
    );
    expect(because).toEqual([]);
    expect(doc.title).toBe("KOMPETANSEBEVIS");
    expect(doc.intro).toEqual(["har gjennomført opplæring som omfatter"]);
    expect(doc.programmeAreas.map((p) => [p.level, p.status])).toEqual([
      ["vg1", "bestått"],
      ["vg2", ""],
    ]);
    expect(doc.sluttkompetanse).toEqual([]);
    const eng = subjectLines(doc)[0]!;
    expect([eng.eksamen.text, eng.eksamensform.text, eng.merknad.text]).toEqual(["IM", "S", "Dokumentert fravær"]);
  });

  it("§2.3 påbygging: no programme name", () => {
    const { value } = arrangeDocument(
      sampleVitnemal({ programmeAreas: [{ level: "vg3", code: "PBPBY3----", name: "Påbygging til generell studiekompetanse", programme: null }] }),
    );
    expect(value.programmeAreas[0]!.programme).toBe("");
  });

  it.each([
    ["§2.7 orden/adferd absent (lærling, voksen) → dotted", { orden: null, adferd: null }, DOTTED_LINE],
    ["§5.6 Nokså god", { orden: "N", adferd: "N" }, "Nokså god"],
    ["§5.6 Lite god", { orden: "L", adferd: "L" }, "Lite god"],
  ] as const)("%s", (_n, over, text) => {
    const d = arrangeDocument(sampleVitnemal(over)).value;
    expect([d.orden.text, d.adferd.text]).toEqual([text, text]);
  });

  it("§2.7 sumOmfang given explicitly wins over the sum of subjects", () => {
    expect(arrangeDocument(sampleVitnemal({ sumOmfang: 2571 })).value.sumOmfang).toBe("2571");
  });

  it("§2.1 nynorsk and English labels", () => {
    const nn = arrangeDocument(sampleVitnemal({ lang: "nn" })).value;
    expect(nn.identity[0]!.label).toBe("Namn");
    expect(nn.labels.absence).toBe("Fråvær");
    expect(subjectLines(nn).find((r) => r.fagkode === "MAT1013")!.eksamen.text).toBe("5 fem");
    const en = arrangeDocument(sampleVitnemal({ lang: "en" })).value;
    expect(en.title).toBe("DIPLOMA");
    expect(en.intro[0]).toBe("has in 2025 passed");
    expect(en.groups[0]!.heading).toBe("Common core subjects");
  });

  it("§2.11 a duplicate carries the marking, a new date and a signature", () => {
    const d = arrangeDocument(sampleVitnemal({ duplicate: { way: 2, issuedOn: "2027-03-01", place: "Bergen", signatory: "Ola Rektor" } })).value;
    expect(d.duplicate).toEqual({ mark: "DUPLIKAT", line: "Duplikat utstedt Bergen, 01.03.2027", signatory: "Ola Rektor" });
    // otherwise identical to the original (§2.11 «For øvrig skal et duplikat være identisk med originalvitnemålet»)
    const o = arrangeDocument(sampleVitnemal()).value;
    expect({ ...d, duplicate: null }).toEqual(o);
  });

  it("§2.10 vedlegg pages carry name, fødselsnummer and document number", () => {
    const d = arrangeDocument(
      sampleVitnemal({ merknader: [{ code: "VMM23", text: "Jf. vedlegg." }], vedlegg: [{ paragraphs: ["Opplæringen er gjennomført."] }] }),
    );
    expect(d.because).toEqual([]);
    expect(d.value.vedlegg[0]!.title).toBe("Vedlegg til vitnemål");
    expect(d.value.vedlegg[0]!.identity.map((i) => i.value)).toEqual(["Kari Nordmann", "15030751466", "V97456781420250042"]);
  });

  it.each([
    [
      "§2.3 at most four programme-area lines",
      sampleVitnemal({
        programmeAreas: ["vg1", "vg2", "vg3", "vg4", "vg5"].map((level) => ({ level: level as "vg1", code: "STUSP1----", name: "x", programme: null })),
      }),
      "vitnemal.layout.programme-areas.max-four",
    ],
    ["§2.3 sluttkompetanse only on a vitnemål", sampleKompetansebevis({ sluttkompetanse: ["yrkeskompetanse"] }), "vitnemal.layout.sluttkompetanse.only-vitnemal"],
    [
      "§2.3 fullført/bestått only on a kompetansebevis",
      sampleVitnemal({ programmeAreas: [{ level: "vg1", code: "STUSP1----", name: "x", programme: "y", status: "bestatt" }] }),
      "vitnemal.layout.year-status.only-kompetansebevis",
    ],
    ["NVB: a fagkode once per document", sampleVitnemal({ subjects: [subject("ENG1003"), subject("ENG1003")] }), "vitnemal.layout.fagkode.twice"],
    ["§2.10 vedlegg needs a merknad that says so", sampleVitnemal({ vedlegg: [{ paragraphs: ["x"] }] }), "vitnemal.layout.vedlegg.merknad"],
    ["§2.8 a real date", sampleVitnemal({ issuedOn: "2025-02-30" }), "vitnemal.layout.date"],
  ])("%s", (_n, input, rule) => {
    const r = arrangeDocument(input);
    expect(r.because.map((f) => f.rule)).toEqual([rule]);
    expect(r.because[0]!.severity).toBe("error");
    expect(r.because[0]!.cite.seed === "003" || r.because[0]!.cite.seed === "reference").toBe(true);
  });

  it("FAM03 on a subject also announces a vedlegg (§2.10)", () => {
    expect(
      rules(
        sampleVitnemal({
          subjects: [subject("YFF4106", { fagtype: "YF", merknad: { code: "FAM03", text: "Jf. vedlegg" } })],
          vedlegg: [{ paragraphs: ["Lokal læreplan"] }],
        }),
      ),
    ).toEqual([]);
  });
});

describe("documentStrings", () => {
  it("lists every printed text in reading order", () => {
    const doc = arrangeDocument(sampleVitnemal()).value;
    const s = documentStrings(doc);
    const idx = (t: string) => s.indexOf(t);
    expect(idx("VITNEMÅL")).toBe(0);
    for (const [a, b] of [
      ["Navn: Kari Nordmann", "har i 2025 bestått"],
      ["STUSP1----", "og har oppnådd generell studiekompetanse"],
      ["Fellesfag", "ENG1003"],
      ["ENG1003", "5 fem"],
      ["REA3024", "Sum omfang"],
      ["Førstegangsvitnemål", "Bergen, 20.06.2025"],
      ["Siri Sekretær", "V97456781420250042"],
    ])
      expect(idx(a!), `${a} before ${b}`).toBeLessThan(idx(b!));
    expect(s).not.toContain("");
  });
});

describe("§2.9 planPages", () => {
  const doc = arrangeDocument(sampleVitnemal({ subjects: Array.from({ length: 30 }, (_, i) => subject(`ENG${1000 + i}`)) })).value;
  const items = flowItems(doc);
  const h = (_: FlowItem) => 10;

  it("one page when everything fits with the tail", () => {
    const plan = planPages(items, h, { firstOnly: 310, firstOfMany: 200, lastOfMany: 200, middle: 300 });
    expect(plan.pages.map((p) => p.items.length)).toEqual([31]);
  });

  it("two pages: page 1 takes what fits above its signature block, page 2 the rest and the tail", () => {
    const plan = planPages(items, h, { firstOnly: 300, firstOfMany: 200, lastOfMany: 200, middle: 300 });
    expect(plan.pages.map((p) => p.items.length)).toEqual([20, 12]);
    // page 2 repeats the fagtype heading of the group it continues; otherwise every item once, in order
    expect(plan.pages[1]!.items[0]).toEqual({ kind: "heading", group: doc.groups[0], continued: true });
    expect(plan.pages.flatMap((p) => p.items).filter((it) => !(it.kind === "heading" && it.continued))).toEqual(items);
  });

  it("a heading is never left alone at the foot of a page", () => {
    const two = arrangeDocument(
      sampleVitnemal({
        subjects: [...Array.from({ length: 19 }, (_, i) => subject(`ENG${1000 + i}`)), subject("REA3022", { fagtype: "VP" }), subject("REA3024", { fagtype: "VP" })],
      }),
    ).value;
    const plan = planPages(flowItems(two), h, { firstOnly: 200, firstOfMany: 210, lastOfMany: 200, middle: 300 });
    const first = plan.pages[0]!.items;
    expect(first.at(-1)!.kind).toBe("row");
    expect(plan.pages[1]!.items[0]!.kind).toBe("heading");
  });

  it("beyond two pages the same rule continues (decision: the seed names only two)", () => {
    const plan = planPages(items, h, { firstOnly: 50, firstOfMany: 100, lastOfMany: 100, middle: 150 });
    expect(plan.pages.map((p) => p.items.length)).toEqual([10, 15, 8]); // pages 2 and 3 start with the repeated heading
    expect(plan.pages.map((p) => p.items.filter((it) => it.kind === "row").length)).toEqual([9, 14, 7]);
  });
});
