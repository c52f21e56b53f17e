import { describe, expect, it } from "vitest";
import { createPdf, pageLabel, tinosFonts, tinosPath } from "./pdf.ts";
import { pdfFonts, pdfInfo, pdfPages, pdfText } from "./testing.ts";

describe("pdf renderer", () => {
  it("resolves the Tinos font files from node_modules", () => {
    expect(tinosPath(400)).toMatch(/tinos-latin-400-normal\.woff$/);
    expect(tinosPath(700)).toMatch(/tinos-latin-700-normal\.woff$/);
  });

  it("prints Danish text in Tinos on A4 and reads back", async () => {
    const pdf = createPdf({ title: "Prøve æøå", lang: "da", createdAt: new Date("2024-10-15T10:00:00Z") });
    pdf.title("Kvittering for indberetning", "Kursusdeltagelser afsluttet i 3. kvartal");
    pdf.heading("Oplysninger");
    pdf.keyValues([
      ["Udbyder", "Ærø Erhvervsskole — Østergade 5, Åbenrå"],
      ["Antal", 1234],
    ]);
    pdf.text("Bevis opnået ved bestået prøve. Fagkode 40080. Grüße, café, Møller.");
    const bytes = await pdf.toBuffer();
    const text = pdfText(bytes);
    expect(text).toContain("Kvittering for indberetning");
    expect(text).toContain("Ærø Erhvervsskole — Østergade 5, Åbenrå");
    expect(text).toContain("1234");
    expect(text).toContain("Grüße, café, Møller.");
    expect(text).toContain("Side 1 af 1");
    const info = pdfInfo(bytes);
    expect(info["Page size"]).toContain("A4");
    expect(info["Title"]).toBe("Prøve æøå");
    expect(pdfFonts(bytes).some((f) => /Tinos/.test(f))).toBe(true);
    expect(pdfFonts(bytes).some((f) => /Tinos-Bold|Tinos.*Bold/i.test(f))).toBe(true);
  });

  it("repeats the table header on every page and numbers the pages", async () => {
    const pdf = createPdf({ title: "Tabel", lang: "en", footer: "bevis test" });
    pdf.title("Long table");
    const rows = Array.from({ length: 150 }, (_, i) => [`row ${i + 1}`, `value ${(i + 1) * 3}`, i % 2 === 0 ? "even" : null]);
    pdf.table(
      [
        { header: "Row name", width: 2 },
        { header: "Its value", width: 2, align: "right" },
        { header: "Parity", width: 1 },
      ],
      rows,
    );
    const bytes = await pdf.toBuffer();
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => {
      expect(p).toContain("Row name");
      expect(p).toContain("Its value");
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain("bevis test");
    });
    const all = pages.join("\n");
    for (let i = 1; i <= 150; i++) expect(all).toMatch(new RegExp(`row ${i}\\s+value ${i * 3}\\b`));
    expect(Number(pdfInfo(bytes)["Pages"])).toBe(pages.length);
  });

  it("replaces characters the font lacks instead of printing boxes", async () => {
    const pdf = createPdf({ title: "glyphs", lang: "nb" });
    pdf.text("Dvořák in Łódź");
    const text = pdfText(await pdf.toBuffer());
    expect(text).toContain("Dvorák in ?ódz"); // ř → r, ź → z; Ł has no base letter
    expect(text).toContain("Side 1 av 1");
  });

  it("labels pages in each language", () => {
    expect(pageLabel(2, 5, "da")).toBe("Side 2 af 5");
    expect(pageLabel(2, 5, "en")).toBe("Page 2 of 5");
    expect(pageLabel(2, 5, "nn")).toBe("Side 2 av 5");
  });

  it("parses the fonts once per process, and a later document keeps every letter in its text layer", async () => {
    expect(tinosFonts()).toBe(tinosFonts());
    // «Å» is a composite of «A» and the ring: embedding the first document reads the «A» glyph without a code point
    const first = createPdf({ title: "Å", createdAt: new Date("2024-10-15T10:00:00Z") });
    first.text("ÅSE Å");
    expect(pdfText(await first.toBuffer())).toContain("ÅSE Å");
    const second = createPdf({ title: "A", createdAt: new Date("2024-10-15T10:00:00Z") });
    second.text("KOMPETANSEBEVIS, Ærø");
    expect(pdfText(await second.toBuffer())).toContain("KOMPETANSEBEVIS, Ærø");
  });
});
