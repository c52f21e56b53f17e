import { describe, expect, it } from "vitest";
import { catalogueProblems, DEMO_CATALOGUE, goalByFagkode } from "./catalogue.ts";
import { ALL_CATEGORIES, categoriesFor, categoryOf, FIELD_OF_GROUP, IKKE_PROEVEBELAGT_CATEGORIES, PROEVEBELAGT_CATEGORIES } from "./categories.ts";
import { IKV_FAGKODER } from "./model.ts";

describe("result categories as data — §3, §4, Bilag 1, Bilag 2", () => {
  // The seed's §3 lists, word for word.
  const section3Group1 = [
    "Bevis opnået ved bestået prøve",
    "Bevis opnået ved dispensation fra prøvedeltagelse",
    "Bevis opnået ved individuel kompetencevurdering",
    "Bevis ikke opnået på grund af ikke-bestået prøve",
    "Bevis ikke opnået på grund af afbrud eller udeblivelse",
    "Dispensation fra prøvedeltagelse uden bevisopnåelse",
  ];
  const section3Group2 = [
    "Bevis opnået",
    "Bevis opnået på baggrund af individuel kompetencevurdering",
    "Bevis ikke opnået på grund af manglende målopfyldning",
    "Bevis ikke opnået på grund af afbrud",
  ];
  it("§3 / Bilag 1: ResultatProevebelagt has categories 1–6 with the seed's labels, in order", () => {
    expect(PROEVEBELAGT_CATEGORIES.map((c) => [c.code, c.da])).toEqual(section3Group1.map((da, i) => [i + 1, da]));
  });
  it("§3 / Bilag 2: ResultatIkkeProevebelagt has categories 1–4 with §3's numbering (Bilag 2 prints two \"3)\")", () => {
    expect(IKKE_PROEVEBELAGT_CATEGORIES.map((c) => [c.code, c.da])).toEqual(section3Group2.map((da, i) => [i + 1, da]));
  });
  it("§4: an IKV may use only 1, 3 and 4 in ResultatIkkeProevebelagt, and nothing in ResultatProevebelagt", () => {
    expect(categoriesFor(2, { ikv: true }).map((c) => c.code)).toEqual([1, 3, 4]);
    expect(categoriesFor(1, { ikv: true })).toEqual([]);
  });
  it("Bilag 1–2: \"Der er udstedt AMU-bevis\" for 1–3 (group 1) and 1–2 (group 2)", () => {
    expect(PROEVEBELAGT_CATEGORIES.filter((c) => c.bevisObtained).map((c) => c.code)).toEqual([1, 2, 3]);
    expect(IKKE_PROEVEBELAGT_CATEGORIES.filter((c) => c.bevisObtained).map((c) => c.code)).toEqual([1, 2]);
  });
  it("Bilag 1–2: the IKV categories are only for systems that cannot report beviser otherwise", () => {
    expect(ALL_CATEGORIES.filter((c) => c.onlyIfSystemCannotOtherwise).map((c) => [c.group, c.code])).toEqual([
      [1, 3],
      [2, 2],
    ]);
  });
  it("every row cites seed 000 §3 and its Bilag, has an English gloss and a description, and sits in its group's field", () => {
    for (const c of ALL_CATEGORIES) {
      const refs = c.cite.map((x) => x.ref);
      expect(c.cite.every((x) => x.seed === "000")).toBe(true);
      expect(refs).toContain("3");
      expect(refs).toContain(c.group === 1 ? "Bilag 1" : "Bilag 2");
      expect(c.en.length).toBeGreaterThan(5);
      expect(c.description.da.length).toBeGreaterThan(5);
      expect(c.field).toBe(FIELD_OF_GROUP[c.group]);
    }
  });
  it("codes are unique per field and fit the 1-digit integer field (reference/facts.md)", () => {
    for (const table of [PROEVEBELAGT_CATEGORIES, IKKE_PROEVEBELAGT_CATEGORIES]) {
      const codes = table.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.every((n) => Number.isInteger(n) && n >= 0 && n <= 9)).toBe(true);
    }
  });
  it("categoryOf finds a row by field and code", () => {
    expect(categoryOf("resultatProevebelagt", 5)?.da).toBe("Bevis ikke opnået på grund af afbrud eller udeblivelse");
    expect(categoryOf("resultatIkkeProevebelagt", 5)).toBeUndefined();
    expect(categoryOf("resultatIkkeProevebelagt", 0)).toBeUndefined();
  });
});

describe("demo catalogue", () => {
  it("§4: holds the two IKV goals 40080 and 40081, without a UVM-prøve", () => {
    for (const k of IKV_FAGKODER) expect(goalByFagkode(DEMO_CATALOGUE, k)?.uvmTestPeriods).toEqual([]);
    expect(goalByFagkode(DEMO_CATALOGUE, "40080")?.title).toBe("Individuelle kompetencevurderinger i AMU");
    expect(goalByFagkode(DEMO_CATALOGUE, "40081")?.title).toBe("Individuelle kompetencevurderinger i AMU F/I");
  });
  it("every other goal is marked as demo data and fagkoder are unique 5-digit numbers", () => {
    const codes = DEMO_CATALOGUE.map((g) => g.fagkode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of DEMO_CATALOGUE) {
      expect(g.fagkode).toMatch(/^\d{5}$/);
      if (!(IKV_FAGKODER as readonly string[]).includes(g.fagkode)) expect(g.title.startsWith("Demo:")).toBe(true);
    }
  });
  it("has the cases the rules need: attached and removed prøve, certificate with and without prøve, written + oral", () => {
    const has = (pred: (g: (typeof DEMO_CATALOGUE)[number]) => boolean) => DEMO_CATALOGUE.some(pred);
    expect(has((g) => g.uvmTestPeriods.some((p) => p.validFrom > "2000-01-01"))).toBe(true);
    expect(has((g) => g.uvmTestPeriods.some((p) => p.validTo !== undefined))).toBe(true);
    expect(has((g) => g.certificate && g.uvmTestPeriods.length > 0)).toBe(true);
    expect(has((g) => g.certificate && g.uvmTestPeriods.length === 0)).toBe(true);
    expect(has((g) => g.writtenAndOral)).toBe(true);
    expect(goalByFagkode(DEMO_CATALOGUE, "12345")).toBeUndefined();
  });
  it("§3 date sweep: no goal has overlapping UVM-prøve periods, so every start date finds at most one", () => {
    expect(catalogueProblems(DEMO_CATALOGUE)).toEqual([]);
    for (const g of DEMO_CATALOGUE)
      for (let y = 1995; y <= 2035; y++)
        for (const md of ["01-01", "03-31", "04-01", "06-30", "07-01", "12-31"]) {
          const on = `${y}-${md}`;
          expect(g.uvmTestPeriods.filter((p) => p.validFrom <= on && (p.validTo === undefined || on <= p.validTo)).length).toBeLessThanOrEqual(1);
        }
  });
  it("catalogueProblems finds duplicates, bad fagkoder, reversed and overlapping periods", () => {
    const g = { title: "x", certificate: false, writtenAndOral: false };
    expect(
      catalogueProblems([
        { ...g, fagkode: "90001", uvmTestPeriods: [{ validFrom: "2020-01-01", validTo: "2020-12-31" }, { validFrom: "2020-12-31" }] },
        { ...g, fagkode: "90001", uvmTestPeriods: [{ validFrom: "2020-01-01", validTo: "2019-12-31" }] },
        { ...g, fagkode: "9001", uvmTestPeriods: [] },
      ]),
    ).toEqual([
      "90001: UVM-prøve periods overlap from 2020-12-31",
      "90001: listed twice",
      "90001: UVM-prøve period 2020-01-01–2019-12-31 ends before it starts",
      "9001: not a 5-digit fagkode",
    ]);
  });
});
