/**
 * A small pdfkit wrapper shared by every rulebook: A4 pages with fixed margins, the Tinos serif (metric-compatible with
 * Times New Roman, shipped in node_modules so no system font is needed), text helpers, a table with its header repeated
 * after each page break, and "Side x af y" page numbers.
 *
 *   const pdf = createPdf({ title: "Kvittering", lang: "da" });
 *   pdf.title("Kvittering for AMU-indberetning");
 *   pdf.keyValues([["Nummer", "7"], ["Kvartal", "2024Q3"]]);
 *   pdf.table([{ header: "Felt", width: 2 }, { header: "Antal", width: 1, align: "right" }], [["Nye", 12]]);
 *   const bytes = await pdf.toBuffer();
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { sfntFromWoffFile } from "./woff.ts";

/** Languages of documents bevis prints. */
export type DocLang = "da" | "en" | "nb" | "nn";

export const FONT_REGULAR = "Tinos";
export const FONT_BOLD = "Tinos-Bold";
export const FONT_ITALIC = "Tinos-Italic";

const require = createRequire(import.meta.url);

/** Absolute path of a Tinos font file in @fontsource/tinos (resolved from this module, so any cwd works). */
export function tinosPath(weight: 400 | 700, style: "normal" | "italic" = "normal"): string {
  return require.resolve(`@fontsource/tinos/files/tinos-latin-${weight}-${style}.woff`);
}

/** A font fontkit has parsed (pdfkit's font factory takes it as well as the file's bytes). */
type ParsedFont = { layout(text: string): unknown; characterSet: number[]; glyphForCodePoint(cp: number): unknown };

let fontCache: Record<string, ParsedFont> | undefined;
/**
 * The Tinos fonts, parsed once per process. pdfkit's font factory takes a parsed fontkit font as well as bytes
 * (pdfkit 0.20 `PDFFontFactory.open`); given bytes it parses the font again in every document (its cmap, GSUB and GPOS
 * tables, a large share of a one-page document's time). Every document still embeds its own subset of the glyphs it
 * uses. The fontkit font is the one pdfkit itself imports (taken from a document that never gets a page).
 */
export function tinosFonts(): Record<string, ParsedFont> {
  if (fontCache) return fontCache;
  const probe = new PDFDocument({ autoFirstPage: false });
  const parsed = (name: string, bytes: Buffer): ParsedFont => {
    probe.registerFont(name, bytes);
    probe.font(name);
    const font = (probe as unknown as { _font: { font: ParsedFont } })._font.font;
    // fontkit keeps one glyph object per glyph id with the code points it was first made for, and pdfkit writes those
    // into the PDF's text layer (ToUnicode). A glyph first made without any (a component of a composite such as Å,
    // read when a subset is embedded) would keep none, and «A» would then not be found in the text of the next
    // document. Made here from the character map, every mapped glyph has its own code point.
    for (const cp of font.characterSet) font.glyphForCodePoint(cp);
    return font;
  };
  fontCache = {
    // converted from WOFF once: fontkit re-inflates a WOFF table on every glyph read (see woff.ts)
    [FONT_REGULAR]: parsed(FONT_REGULAR, sfntFromWoffFile(tinosPath(400))),
    [FONT_BOLD]: parsed(FONT_BOLD, sfntFromWoffFile(tinosPath(700))),
    [FONT_ITALIC]: parsed(FONT_ITALIC, sfntFromWoffFile(tinosPath(400, "italic"))),
  };
  return fontCache;
}

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

export interface PdfOptions {
  title: string;
  subject?: string;
  author?: string;
  lang?: DocLang;
  /** Page margins in points (default 20 mm left/right/top, 22 mm bottom — the page number sits in the bottom margin). */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Print "Side x af y" (da) / "Page x of y" (en) / "Side x av y" (nb, nn) at the foot of every page. Default true. */
  pageNumbers?: boolean;
  /** A line printed at the bottom left of every page (e.g. the document's id). */
  footer?: string;
  /** Fixed creation date (the PDF's metadata), so the same input gives the same document. Default: now. */
  createdAt?: Date;
  /** Base font size in points (default 10.5). */
  fontSize?: number;
}

export interface PdfColumn {
  header: string;
  /** Relative width (the table fills the content width in proportion). */
  width: number;
  align?: "left" | "right" | "center";
}

export type PdfCell = string | number | null | undefined;

export interface TextOptions {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  align?: "left" | "right" | "center" | "justify";
  /** Space after the text, in lines (default 0.3). */
  after?: number;
}

const PAGE_WORD: Record<DocLang, [string, string]> = {
  da: ["Side", "af"],
  en: ["Page", "of"],
  nb: ["Side", "av"],
  nn: ["Side", "av"],
};

/** "Side 2 af 5", "Page 2 of 5", "Side 2 av 5". */
export function pageLabel(page: number, of: number, lang: DocLang): string {
  const [p, o] = PAGE_WORD[lang];
  return `${p} ${page} ${o} ${of}`;
}

interface GlyphFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

export class Pdf {
  readonly doc: PDFKit.PDFDocument;
  readonly lang: DocLang;
  readonly fontSize: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly opts: PdfOptions;
  private readonly glyphCache = new Map<string, string>();
  private ended = false;

  constructor(opts: PdfOptions) {
    this.opts = opts;
    this.lang = opts.lang ?? "da";
    this.fontSize = opts.fontSize ?? 10.5;
    const margins = opts.margins ?? { top: 20 * MM, bottom: 22 * MM, left: 20 * MM, right: 20 * MM };
    const info: PDFKit.DocumentInfo = { Title: opts.title, Creator: "bevis", Producer: "bevis (pdfkit)" };
    if (opts.subject) info.Subject = opts.subject;
    if (opts.author) info.Author = opts.author;
    info.CreationDate = opts.createdAt ?? new Date();
    this.doc = new PDFDocument({ size: "A4", margins, bufferPages: true, info, lang: this.lang, displayTitle: true });
    // (@types/pdfkit 0.17 lists only the bytes forms of a font source)
    for (const [name, font] of Object.entries(tinosFonts())) this.doc.registerFont(name, font as unknown as Buffer);
    this.doc.font(FONT_REGULAR).fontSize(this.fontSize).fillColor("black");
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on("data", (c: Buffer) => this.chunks.push(c));
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
  }

  /** Width between the left and right margins. */
  get contentWidth(): number {
    const p = this.doc.page;
    return p.width - p.margins.left - p.margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  /** The lowest y content may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /**
   * Replaces characters the embedded font has no glyph for (the latin subset covers Danish and Norwegian, æøå, é, ü …)
   * with their base letter (č → c; a letter without a decomposition such as ł becomes "?"), so nothing is printed as an empty box.
   */
  fit(s: string): string {
    const font = (this.doc as unknown as { _font?: { font?: GlyphFont } })._font?.font;
    if (!font || typeof font.hasGlyphForCodePoint !== "function") return s;
    let out = "";
    for (const ch of s) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x80 || ch === "\n") {
        out += ch;
        continue;
      }
      let r = this.glyphCache.get(ch);
      if (r === undefined) {
        if (font.hasGlyphForCodePoint(cp)) r = ch;
        else {
          const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
          r = [...base].every((b) => font.hasGlyphForCodePoint(b.codePointAt(0) ?? 0)) && base !== "" ? base : "?";
        }
        this.glyphCache.set(ch, r);
      }
      out += r;
    }
    return out;
  }

  private setFont(o: { bold?: boolean; italic?: boolean; size?: number } = {}): void {
    this.doc.font(o.bold ? FONT_BOLD : o.italic ? FONT_ITALIC : FONT_REGULAR).fontSize(o.size ?? this.fontSize);
  }

  /** Starts a new page when less than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** The document title: large and bold. */
  title(text: string, subtitle?: string): this {
    this.text(text, { bold: true, size: this.fontSize * 1.7, after: subtitle ? 0.1 : 0.6 });
    if (subtitle) this.text(subtitle, { size: this.fontSize * 1.1, color: "#444444", after: 0.8 });
    return this;
  }

  /** A section heading; moves to a new page rather than leaving the heading alone at the foot of one. */
  heading(text: string): this {
    this.ensureSpace(this.fontSize * 5);
    this.space(0.4);
    return this.text(text, { bold: true, size: this.fontSize * 1.25, after: 0.35 });
  }

  /** A paragraph across the content width. */
  text(text: string, o: TextOptions = {}): this {
    this.setFont(o);
    this.doc.fillColor(o.color ?? "black");
    this.doc.text(this.fit(text), this.left, this.doc.y, { width: this.contentWidth, align: o.align ?? "left" });
    this.doc.fillColor("black");
    this.setFont();
    if ((o.after ?? 0.3) > 0) this.doc.moveDown(o.after ?? 0.3);
    return this;
  }

  /** Vertical space in lines of the base font. */
  space(lines = 1): this {
    this.setFont();
    this.doc.moveDown(lines);
    return this;
  }

  /** A two-column list of labels (bold) and values. */
  keyValues(rows: ReadonlyArray<readonly [string, PdfCell]>, o: { labelWidth?: number } = {}): this {
    const labelWidth = o.labelWidth ?? this.contentWidth * 0.35;
    const gap = 8;
    for (const [label, value] of rows) {
      const l = this.fit(label);
      const v = this.fit(cellText(value));
      this.setFont({ bold: true });
      const hl = this.doc.heightOfString(l, { width: labelWidth });
      this.setFont();
      const hv = this.doc.heightOfString(v, { width: this.contentWidth - labelWidth - gap });
      const h = Math.max(hl, hv);
      this.ensureSpace(h);
      const y = this.doc.y;
      this.setFont({ bold: true });
      this.doc.text(l, this.left, y, { width: labelWidth });
      this.setFont();
      this.doc.text(v, this.left + labelWidth + gap, y, { width: this.contentWidth - labelWidth - gap });
      this.doc.x = this.left;
      this.doc.y = y + h + 2;
    }
    this.doc.moveDown(0.3);
    return this;
  }

  /**
   * A table across the content width. Rows that do not fit move to the next page, and the header is drawn again at the
   * top of every page the table continues on.
   */
  table(columns: readonly PdfColumn[], rows: ReadonlyArray<readonly PdfCell[]>, o: { size?: number; zebra?: boolean } = {}): this {
    const size = o.size ?? this.fontSize * 0.9;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const xs: number[] = [];
    widths.reduce((x, w) => (xs.push(x), x + w), this.left);

    const measure = (cells: readonly string[], bold: boolean): number => {
      this.setFont({ bold, size });
      let h = 0;
      cells.forEach((c, i) => (h = Math.max(h, this.doc.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad }))));
      return h + 2 * pad;
    };
    const draw = (cells: readonly string[], bold: boolean, height: number, fill?: string): void => {
      const y = this.doc.y;
      if (fill) this.doc.save().rect(this.left, y, this.contentWidth, height).fill(fill).restore();
      this.setFont({ bold, size });
      this.doc.fillColor("black");
      cells.forEach((c, i) => {
        this.doc.text(c, (xs[i] ?? 0) + pad, y + pad, {
          width: (widths[i] ?? 0) - 2 * pad,
          align: columns[i]?.align ?? "left",
          height: height - 2 * pad,
          lineBreak: true,
        });
      });
      this.doc
        .save()
        .lineWidth(bold ? 0.8 : 0.3)
        .strokeColor(bold ? "#000000" : "#999999")
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.contentWidth, y + height)
        .stroke()
        .restore();
      this.doc.x = this.left;
      this.doc.y = y + height;
    };

    const header = columns.map((c) => this.fit(c.header));
    const headerHeight = measure(header, true);
    const drawHeader = () => draw(header, true, headerHeight, "#e6e6e6");
    const maxRow = this.bottom - this.doc.page.margins.top - headerHeight;

    // Keep the header together with at least the first row.
    const first = rows[0] ? Math.min(measure(rows[0].map((c) => this.fit(cellText(c))), false), maxRow) : 0;
    this.ensureSpace(headerHeight + first);
    drawHeader();
    rows.forEach((row, r) => {
      const cells = row.map((c) => this.fit(cellText(c)));
      const h = Math.min(measure(cells, false), maxRow); // a cell taller than a page is clipped
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      draw(cells, false, h, o.zebra !== false && r % 2 === 1 ? "#f5f5f5" : undefined);
    });
    this.setFont();
    this.doc.moveDown(0.6);
    return this;
  }

  /** Finishes the document (page numbers and footer on every page) and returns its bytes. Call once. */
  async toBuffer(): Promise<Buffer> {
    if (this.ended) return this.done;
    this.ended = true;
    const range = this.doc.bufferedPageRange();
    const showNumbers = this.opts.pageNumbers !== false;
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const p = this.doc.page;
      const savedBottom = p.margins.bottom;
      p.margins.bottom = 0; // writing into the margin must not start a new page
      const y = p.height - savedBottom + 8 * MM;
      const width = p.width - p.margins.left - p.margins.right;
      this.doc.font(FONT_REGULAR).fontSize(this.fontSize * 0.8).fillColor("#444444");
      if (this.opts.footer) this.doc.text(this.fit(this.opts.footer), p.margins.left, y, { width, align: "left", lineBreak: false });
      if (showNumbers)
        this.doc.text(pageLabel(i - range.start + 1, range.count, this.lang), p.margins.left, y, {
          width,
          align: "right",
          lineBreak: false,
        });
      p.margins.bottom = savedBottom;
    }
    this.doc.end();
    return this.done;
  }
}

function cellText(v: PdfCell): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? String(v) : v;
}

export function createPdf(opts: PdfOptions): Pdf {
  return new Pdf(opts);
}
