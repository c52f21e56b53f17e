import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pdfFonts, pdfInfo, pdfPages, pdfText } from "../../platform/render/testing.ts";
import { arrangeDocument, documentStrings, DOTTED_LINE, type VitnemalDocument, type VitnemalInput } from "./layout.ts";
import { sampleKompetansebevis, sampleVitnemal, subject } from "./layout.test-helpers.ts";
import { COLUMNS, FONT_SIZE, GEOMETRY, NUMBER_SIZE, renderEach, renderVitnemalPdf } from "./pdf.ts";

// ---- helpers: read a PDF back as words with their boxes (pdftotext -bbox), and as grey PNG pages (pdftoppm) ----

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function withPdf<T>(bytes: Buffer, f: (dir: string, path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "bevis-vm-"));
  try {
    const path = join(dir, "doc.pdf");
    writeFileSync(path, bytes);
    return f(dir, path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function words(bytes: Buffer): Word[] {
  const html = withPdf(bytes, (_d, path) => execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"], { encoding: "utf8" }));
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m)
      out.push({
        page,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'),
      });
  }
  return out;
}

/** Decodes an 8-bit, non-interlaced PNG (greyscale, RGB or with alpha) to one grey value per pixel. */
function decodePng(png: Buffer): { width: number; height: number; px: Uint8Array } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  let off = 8;
  let width = 0;
  let height = 0;
  let bpp = 1;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString("ascii", off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[12]]).toEqual([8, 0]); // 8 bit, not interlaced
      bpp = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      expect(bpp).toBeGreaterThan(0);
    } else if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const paeth = (): number => {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth();
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const colours = bpp >= 3 ? 3 : 1;
  const px = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    let sum = 0;
    for (let k = 0; k < colours; k++) sum += out[i * bpp + k]!;
    px[i] = Math.round(sum / colours);
  }
  return { width, height, px };
}

function pngPages(bytes: Buffer, dpi: number): { width: number; height: number; px: Uint8Array }[] {
  return withPdf(bytes, (dir, path) => {
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-png", path, join(dir, "p")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort()
      .map((f) => decodePng(readFileSync(join(dir, f))));
  });
}

const arrange = (input: VitnemalInput): VitnemalDocument => {
  const d = arrangeDocument(input);
  expect(d.because).toEqual([]);
  return d.value;
};

/** A vitnemål whose subjects do not fit on one page (§2.9). */
const longInput = (): VitnemalInput =>
  sampleVitnemal({
    subjects: [
      ...sampleVitnemal().subjects,
      ...Array.from({ length: 22 }, (_, i) =>
        subject(`PRO${2000 + i}`, {
          fagtype: i % 2 ? "FP" : "VP",
          name: `Programfag ${i} med et svært langt navn på faget`,
          merknad: i % 4 ? null : { code: "FAM49", text: "Fag-/svenneprøven ikke avlagt" },
        }),
      ),
    ],
    merknader: [
      { code: "VMM06", text: "Førstegangsvitnemål" },
      { code: "VMM23", text: "Jf. vedlegg." },
    ],
  });

const order = (text: string, needles: readonly string[]) => {
  let at = -1;
  for (const n of needles) {
    const i = text.indexOf(n, at + 1);
    expect(i, `"${n}" after position ${at}`).toBeGreaterThan(at);
    at = i;
  }
};

describe("PDF of a one-page vitnemål (§2)", async () => {
  const bytes = await renderVitnemalPdf(arrange(sampleVitnemal()));
  const text = pdfText(bytes);

  it("§2.1 A4, one page, Tinos (Times New Roman metrics) regular and bold, deterministic metadata", () => {
    const info = pdfInfo(bytes);
    expect(info["Pages"]).toBe("1");
    expect(info["Page size"]).toContain("A4");
    expect(info["Title"]).toBe("VITNEMÅL V97456781420250042");
    const fonts = pdfFonts(bytes);
    expect(fonts.some((f) => /Tinos/.test(f) && !/Bold/.test(f))).toBe(true);
    expect(fonts.some((f) => /Tinos.*Bold/i.test(f))).toBe(true);
    expect(text).not.toContain("Side 1 av 1"); // page numbers only when the document runs over two pages (§2.9)
  });

  it("§2.2–§2.8 the texts stand in the order of the form", () => {
    order(text, [
      "VITNEMÅL",
      "Navn: Kari Nordmann",
      "Fødselsnummer: 15030751466",
      "har i 2025 bestått",
      "i utdanningsprogram for",
      "STUSP1----",
      "STREA2----",
      "STREA3----",
      "og har oppnådd generell studiekompetanse",
      "Omfang",
      "Merknader",
      "Fellesfag",
      "ENG1003",
      "GEO1001",
      "HIS1003",
      "KRO1019",
      "MAT1013",
      "NOR1267",
      "Valgfrie programfag",
      "REA3022",
      "REA3024",
      "Sum omfang",
      "812",
      "Orden",
      "Fravær",
      "Førstegangsvitnemål",
      "Bergen, 20.06.2025",
      "Nordli videregående skole",
      "Per Rektorsen",
      "Siri Sekretær",
      "V97456781420250042",
    ]);
  });

  it("§2.6 cells: grade as number and word, dotted lines, --, eksamensform, V/H year, merknad text", () => {
    expect(text).toMatch(/140\s+MAT1013\s+Matematikk 1T\s+4 fire\s+5 fem\s+S\s+V23/);
    expect(text).toMatch(new RegExp(`56\\s+GEO1001\\s+Geografi\\s+${DOTTED_LINE.replace(/\./g, "\\.")}\\s+5 fem\\s+S\\s+H24`));
    expect(text).toMatch(/--\s+NOR1267\s+Norsk hovedmål, muntlig\s+5 fem\s+4 fire\s+M\s+V25/);
    expect(text).toMatch(/KRO1019\s+Kroppsøving\s+Fritatt\s+\.+\s+\.+\s+V25\s+Fritatt fra vurd\. med kar\./);
    expect(text).not.toContain("FAM02"); // §2.6: the text, not the code
  });

  it("§2.7 fravær per year in days and hours (0 is printed as 0)", () => {
    expect(text).toMatch(/vg1\s+3\s+dager\s+5\s+timer/);
    expect(text).toMatch(/vg3\s+0\s+dager\s+0\s+timer/);
  });

  it("§2.2 identity lines in bold, §2.8 the document number in size 9 at the bottom left, signatures at the right", () => {
    const ws = words(bytes);
    const num = ws.find((w) => w.text === "V97456781420250042")!;
    const name = ws.find((w) => w.text === "Kari")!;
    const body = ws.find((w) => w.text === "ENG1003")!;
    // word box height scales with the font size: 9 pt vs 11 pt
    expect((num.yMax - num.yMin) / (body.yMax - body.yMin)).toBeCloseTo(NUMBER_SIZE / FONT_SIZE, 1);
    expect(num.xMin).toBeCloseTo(GEOMETRY.MARGIN_X, 0);
    expect(num.yMin).toBeGreaterThan(GEOMETRY.PAGE_H - 50);
    expect(name.yMin).toBeLessThan(100);
    const place = ws.find((w) => w.text === "Bergen,")!;
    expect(place.xMin).toBeGreaterThanOrEqual(GEOMETRY.RIGHT_X - 1);
    expect(place.yMin).toBeGreaterThanOrEqual(GEOMETRY.BAND_TOP);
    for (const s of ["Per", "Siri"]) expect(ws.find((w) => w.text === s)!.xMin).toBeGreaterThanOrEqual(GEOMETRY.RIGHT_X - 1);
  });

  it("§2.6 no text of the subject table lies outside its column", () => {
    const ws = words(bytes);
    const header = ws.find((w) => w.text === "Omfang")!;
    const sum = ws.find((w) => w.text === "Sum")!;
    // fagtype headings (§2.5) run across the columns; every other word of the table belongs in one column
    const headingYs = ws.filter((w) => w.text === "Fellesfag" || w.text === "Valgfrie").map((w) => w.yMin);
    expect(headingYs).toHaveLength(2);
    const table = ws.filter((w) => w.yMin > header.yMax && w.yMax < sum.yMin && !headingYs.some((y) => Math.abs(w.yMin - y) < 1));
    expect(table.length).toBeGreaterThan(40);
    const cols = Object.values(COLUMNS);
    for (const w of table)
      expect(
        cols.some((c) => w.xMin >= c.x - 0.5 && w.xMax <= c.x + c.width + 0.5),
        `"${w.text}" [${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}] lies across a column boundary`,
      ).toBe(true);
    const inCol = (t: string, k: keyof typeof COLUMNS) => {
      const w = table.find((x) => x.text === t)!;
      expect(w.xMin).toBeGreaterThanOrEqual(COLUMNS[k].x);
      expect(w.xMax).toBeLessThanOrEqual(COLUMNS[k].x + COLUMNS[k].width);
    };
    inCol("ENG1003", "code");
    inCol("H24", "year");
    inCol("Kroppsøving", "name");
    inCol("vurd.", "merknad");
  });
});

describe("PDF over two pages (§2.9)", async () => {
  const doc = arrange({ ...longInput(), vedlegg: [{ paragraphs: ["Kandidaten har gjennomført opplæring om bord."] }] });
  const bytes = await renderVitnemalPdf(doc);
  const pages = pdfPages(bytes);

  it("two main pages and one vedlegg page; «Side 1 av 2» / «Side 2 av 2»; the document number on every page", () => {
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain("Side 1 av 2");
    expect(pages[1]).toContain("Side 2 av 2");
    for (const p of pages) expect(p).toContain("V97456781420250042");
  });

  it("page 1: subjects, a line, signatures; no tail and no merknader", () => {
    expect(pages[0]).toContain("Per Rektorsen");
    expect(pages[0]).toContain("Bergen, 20.06.2025");
    expect(pages[0]).not.toContain("Sum omfang");
    expect(pages[0]).not.toContain("Førstegangsvitnemål");
  });

  it("page 2 starts with name, fødselsnummer, «forts. fra side 1», the header; ends with the tail, merknader, signatures", () => {
    order(pages[1]!, [
      "Navn: Kari Nordmann",
      "Fødselsnummer: 15030751466",
      "forts. fra side 1",
      "Omfang",
      "Merknader",
      "programfag (forts.)", // the fagtype continued from page 1 is repeated
      "Sum omfang",
      "Fravær",
      "Førstegangsvitnemål",
      "Jf. vedlegg.",
      "Bergen, 20.06.2025",
      "Siri Sekretær",
      "Side 2 av 2",
    ]);
  });

  it("every subject stands once, in §2.5 order, across the pages", () => {
    const main = pages.slice(0, 2).join("\n");
    const codes = [...main.matchAll(/\b([A-Z]{3}\d{4})\b/g)].map((m) => m[1]);
    const expected = doc.groups.flatMap((g) => g.rows.map((r) => r.fagkode));
    expect(codes).toEqual(expected);
  });

  it("§2.10 the vedlegg page carries name, fødselsnummer, number, content and the signatures", () => {
    order(pages[2]!, [
      "Vedlegg til vitnemål",
      "Navn: Kari Nordmann",
      "Fødselsnummer: 15030751466",
      "Vitnemålsnummer: V97456781420250042",
      "Kandidaten har gjennomført opplæring om bord.",
      "Bergen, 20.06.2025",
      "Per Rektorsen",
    ]);
  });

  it("§2.8 «Sted, dato, skole og to underskrifter skal alltid komme samme sted»; §2.9 «Side x av 2» under the signatures at the right", () => {
    const ws = words(bytes);
    const at = (p: number, t: string) => ws.find((w) => w.page === p && w.text === t)!;
    for (const t of ["Bergen,", "Nordli", "Per", "Siri"]) {
      const pos = [1, 2, 3].map((p) => [at(p, t).xMin.toFixed(1), at(p, t).yMin.toFixed(1)].join(","));
      expect(new Set(pos).size, t).toBe(1);
    }
    for (const p of [1, 2]) {
      const side = ws.filter((w) => w.page === p && w.text === "Side").at(-1)!;
      expect(side.yMin).toBeGreaterThan(at(p, "Per").yMax);
      const of = ws.filter((w) => w.page === p && w.yMin === side.yMin).at(-1)!;
      expect(of.text).toBe("2");
      expect(of.xMax).toBeCloseTo(GEOMETRY.MARGIN_X + GEOMETRY.CONTENT_W, 0);
    }
  });

  it("every text of the render model stands on the paper (each word of documentStrings, as often as the model has it)", () => {
    const onPaper = new Map<string, number>();
    for (const w of words(bytes)) onPaper.set(w.text, (onPaper.get(w.text) ?? 0) + 1);
    const inModel = new Map<string, number>();
    for (const t of documentStrings(doc)) for (const w of t.split(/\s+/).filter((x) => x !== "")) inModel.set(w, (inModel.get(w) ?? 0) + 1);
    for (const [w, n] of inModel) expect(onPaper.get(w) ?? 0, w).toBeGreaterThanOrEqual(n);
  });

  it("PNG: page 2 exists and has ink; nothing is drawn in the side margins; table text stays above the signature band", () => {
    const dpi = 50;
    const imgs = pngPages(bytes, dpi);
    expect(imgs).toHaveLength(3);
    const s = dpi / 72;
    for (const img of imgs) {
      expect(Math.abs(img.width - GEOMETRY.PAGE_W * s)).toBeLessThan(2); // A4 at 50 dpi
      expect(Math.abs(img.height - GEOMETRY.PAGE_H * s)).toBeLessThan(2);
      const margin = Math.floor((GEOMETRY.MARGIN_X - 3) * s);
      let inkInMargins = 0;
      let ink = 0;
      for (let y = 0; y < img.height; y++)
        for (let x = 0; x < img.width; x++) {
          const dark = img.px[y * img.width + x]! < 128;
          if (dark) ink++;
          if (dark && (x < margin || x >= img.width - margin)) inkInMargins++;
        }
      expect(inkInMargins).toBe(0);
      expect(ink).toBeGreaterThan(500);
    }
    const ws = words(bytes).filter((w) => w.page <= 2);
    for (const p of [1, 2]) {
      const sig = ws.find((w) => w.page === p && w.text === "Bergen,")!;
      const tableWords = ws.filter((w) => w.page === p && /^[A-Z]{3}\d{4}$/.test(w.text));
      expect(tableWords.length).toBeGreaterThan(3);
      for (const w of tableWords) expect(w.yMax).toBeLessThan(sig.yMin);
    }
  });
});

describe("PDF variants", () => {
  it("§2.3 kompetansebevis: intro, «fullført», IM with FAM39 text (§6.3)", async () => {
    const text = pdfText(await renderVitnemalPdf(arrange(sampleKompetansebevis())));
    order(text, ["KOMPETANSEBEVIS", "har gjennomført opplæring som omfatter", "STUSP1----", "fullført", "ENG1007", "IM", "Dokumentert fravær"]);
    expect(text).toMatch(/NAT1007\s+Naturfag\s+IV\s+\.+\s+\.+\s+V25\s+Overskredet fraværsgrense/);
    expect(text).toContain("K97456781420250007");
    expect(text).not.toContain("studiekompetanse");
  });

  it("§2.3 a long programme-area name wraps inside its column instead of running into the next", async () => {
    const long = "Påbygging til generell studiekompetanse etter fullført og bestått fag- og yrkesopplæring";
    const bytes = await renderVitnemalPdf(
      arrange(sampleVitnemal({ programmeAreas: [{ level: "vg3", code: "PBPBY3----", name: long, programme: "Studiespesialisering med et langt navn" }] })),
    );
    const ws = words(bytes);
    const first = ws.find((w) => w.text === "Påbygging")!;
    const slutt = ws.find((w) => w.text === "oppnådd")!; // the sluttkompetanse line under the programme areas
    const nameWords = ws.filter((w) => w.yMin >= first.yMin - 1 && w.yMax < slutt.yMin && w.xMin >= first.xMin - 1 && w.xMin < GEOMETRY.MARGIN_X + 258);
    expect(nameWords.map((w) => w.text).join(" ")).toBe(long);
    for (const w of nameWords) expect(w.xMax).toBeLessThanOrEqual(GEOMETRY.MARGIN_X + 75 + 180 + 0.5);
    expect(new Set(nameWords.map((w) => Math.round(w.yMin))).size).toBeGreaterThan(1);
    expect(pdfText(bytes)).toMatch(/og har oppnådd generell studiekompetanse/);
  });

  it("§2.11 a duplicate is marked DUPLIKAT with the new date and signature", async () => {
    const text = pdfText(
      await renderVitnemalPdf(arrange(sampleVitnemal({ duplicate: { way: 2, issuedOn: "2027-03-01", place: "Bergen", signatory: "Ola Rektor" } }))),
    );
    order(text, ["DUPLIKAT", "VITNEMÅL"]);
    expect(text).toContain("Duplikat utstedt Bergen, 01.03.2027");
    expect(text).toContain("Ola Rektor");
    expect(text).toContain("Bergen, 20.06.2025"); // the original date stays
  });

  it("§2.1 nynorsk and English labels", async () => {
    const nn = pdfText(await renderVitnemalPdf(arrange(sampleVitnemal({ lang: "nn" }))));
    expect(nn).toContain("Namn: Kari Nordmann");
    expect(nn).toContain("Fråvær");
    const en = pdfText(await renderVitnemalPdf(arrange(sampleVitnemal({ lang: "en" }))));
    order(en, ["DIPLOMA", "Name: Kari Nordmann", "has in 2025 passed", "Common core subjects", "4 four", "Total hours", "Absence"]);
  });

  it.each(["nb", "nn", "en"] as const)("§2.4 every word of the column header (%s) lies inside its column", async (lang) => {
    const doc = arrange(sampleVitnemal({ lang }));
    const ws = words(await renderVitnemalPdf(doc));
    const first = ws.find((w) => w.text === doc.columns[0]!.header.split("\n")[0])!;
    const header = ws.filter((w) => w.yMin >= first.yMin - 3 && w.yMin < first.yMin + 22);
    expect(header.map((w) => w.text).sort()).toEqual(doc.columns.flatMap((c) => c.header.split(/\s+/)).sort());
    for (const w of header)
      expect(
        Object.values(COLUMNS).some((c) => w.xMin >= c.x - 0.5 && w.xMax <= c.x + c.width + 0.5),
        `"${w.text}" [${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}]`,
      ).toBe(true);
  });

  it("§2.8 a long school name stays on its line in the signature band (set smaller, not broken)", async () => {
    const name = "Nordre Follo videregående skole, avdeling for voksenopplæring og karriereveiledning";
    const ws = words(await renderVitnemalPdf(arrange(sampleVitnemal({ issuer: { orgnr: "974567814", name, place: "Ski" } }))));
    const nameWords = ws.filter((w) => name.split(" ").includes(w.text) && w.yMin > GEOMETRY.BAND_TOP);
    expect(nameWords.map((w) => w.text).join(" ")).toBe(name);
    expect(new Set(nameWords.map((w) => Math.round(w.yMin))).size).toBe(1);
    expect(Math.max(...nameWords.map((w) => w.xMax))).toBeLessThanOrEqual(GEOMETRY.MARGIN_X + GEOMETRY.CONTENT_W + 0.5);
  });

  it("renderEach renders lazily, one document at a time", async () => {
    let pulled = 0;
    function* docs() {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield arrange(sampleVitnemal({ documentNumber: `V9745678142025000${i + 1}` }));
      }
    }
    const seen: string[] = [];
    for await (const r of renderEach(docs())) {
      expect(pulled).toBe(seen.length + 1);
      expect(pdfText(r.pdf)).toContain(r.documentNumber);
      seen.push(r.documentNumber);
    }
    expect(seen).toEqual(["V97456781420250001", "V97456781420250002", "V97456781420250003"]);
  });
});
