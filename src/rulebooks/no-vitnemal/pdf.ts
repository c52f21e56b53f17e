/**
 * Draws a `VitnemalDocument` (layout.ts) as PDF, following seed 003 chapter 2, with the platform's one PDF renderer
 * (src/platform/render/pdf.ts: pdfkit, A4, the Tinos serif that has Times New Roman's metrics):
 *  - §2.1 «Times New Roman skriftstørrelse 11 … enkel linjeavstand»: Tinos 11 pt, single line spacing;
 *  - §2.2 identity lines with their labels in bold;
 *  - §2.4 the column header in bold, size 10, between dashed lines, the three longest labels split on two lines;
 *  - §2.6 «Etter siste fag … fører dere en linje»; §2.7 sum omfang, orden og adferd, fravær under it;
 *  - §2.8 vitnemålsmerknader at the left under fravær, the stamp under them; place, date, school and two signatures in
 *    the lower right corner, always at the same place; the document number at the bottom left in size 9;
 *  - §2.9 over two pages: a line under the last subject of page 1, signatures and «Side 1 av 2» on page 1; page 2
 *    starts with name and fødselsnummer, «forts. fra side 1» and the column header, and ends with a dashed line, the
 *    tail, the merknader (only there), signatures and «Side 2 av 2»; the document number on every page;
 *  - §2.10 vedlegg pages with name, fødselsnummer, document number, the same signatures and place for the stamp;
 *  - §2.11 the duplicate marking, a new date and signature.
 *
 * Memory: each document is its own small PDF (at most a few pages are buffered), so a batch renders one document
 * after another (`renderEach`) with flat memory.
 */
import { createPdf, MM, pageLabel, FONT_BOLD, FONT_REGULAR, type Pdf } from "../../platform/render/pdf.ts";
import { flowItems, planPages, type Cell, type Column, type FlowItem, type VitnemalDocument } from "./layout.ts";

/** §2.1 base size; §2.4 header size; §2.8 document-number size. */
export const FONT_SIZE = 11;
export const HEADER_SIZE = 10;
export const NUMBER_SIZE = 9;

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 15 * MM;
const MARGIN_TOP = 15 * MM;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const PAD = 2;

/** Column widths in points (they fill the content width, 510 pt on A4 with 15 mm margins). */
const WIDTHS: Record<Column["key"], number> = {
  omfang: 40,
  code: 50,
  name: 120,
  standpunkt: 60,
  eksamen: 60,
  eksamensform: 28,
  year: 24,
  merknad: 0, // the rest
};
const ORDER: Column["key"][] = ["omfang", "code", "name", "standpunkt", "eksamen", "eksamensform", "year", "merknad"];

/** Left x and width of each table column (exported for the layout test). */
export const COLUMNS: Record<Column["key"], { x: number; width: number }> = (() => {
  const fixed = ORDER.reduce((s, k) => s + WIDTHS[k], 0);
  const out = {} as Record<Column["key"], { x: number; width: number }>;
  let x = MARGIN_X;
  for (const k of ORDER) {
    const width = k === "merknad" ? CONTENT_W - fixed : WIDTHS[k];
    out[k] = { x, width };
    x += width;
  }
  return out;
})();

/** The fixed band at the foot of every page: signatures at the right, merknader end and stamp at the left. */
const NUMBER_Y = PAGE_H - 12 * MM; // baseline area of the document number
const BAND_H = 38 * MM;
const BAND_TOP = NUMBER_Y - BAND_H;
const RIGHT_X = MARGIN_X + CONTENT_W * 0.5;
const RIGHT_W = CONTENT_W * 0.5;

/** Where things are drawn, for tests: the signature band, the right half, the document-number line. */
export const GEOMETRY = { PAGE_W, PAGE_H, MARGIN_X, CONTENT_W, BAND_TOP, RIGHT_X, NUMBER_Y, MARGIN_TOP };

export interface RenderOptions {
  /** PDF metadata date (default: noon UTC of the issue date in `placeDate`, so equal input gives equal bytes). */
  createdAt?: Date;
}

class Painter {
  readonly pdf: Pdf;
  readonly doc: PDFKit.PDFDocument;
  constructor(pdf: Pdf) {
    this.pdf = pdf;
    this.doc = pdf.doc;
  }

  font(bold = false, size = FONT_SIZE): this {
    this.doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size);
    return this;
  }

  lineHeight(bold = false, size = FONT_SIZE): number {
    this.font(bold, size);
    return this.doc.currentLineHeight(true);
  }

  /** A single line (no wrapping): with a width, a text wider than it is set smaller (down to 6 pt), never broken. */
  line(text: string, x: number, y: number, o: { bold?: boolean; size?: number; width?: number; align?: "left" | "right" | "center" } = {}): number {
    this.font(o.bold, o.size);
    const s = this.pdf.fit(text);
    if (o.width !== undefined) {
      const size = o.size ?? FONT_SIZE;
      const natural = this.doc.widthOfString(s);
      const fitted = natural > o.width ? Math.max(6, (size * o.width) / natural - 0.01) : size;
      this.font(o.bold, fitted);
      // pdfkit breaks a text wider than `width` even with lineBreak: false; past 6 pt it runs over instead
      if (this.doc.widthOfString(s) > o.width) this.doc.text(s, x, y, { lineBreak: false });
      else this.doc.text(s, x, y, { width: o.width + 0.01, align: o.align ?? "left", lineBreak: false });
    } else this.doc.text(s, x, y, { lineBreak: false });
    return this.doc.currentLineHeight(true);
  }

  /**
   * The height of a wrapped text in the current font: one line when it has no line break and is clearly narrower than
   * the width (pdfkit's heightOfString gives the same, one line height, but runs the line wrapper to find it — most
   * cells of a vitnemål are one short line, each measured when paginating and again when drawn).
   */
  private heightOf(s: string, width: number): number {
    if (!s.includes("\n") && this.doc.widthOfString(s) <= width - 0.5) return this.doc.currentLineHeight(true);
    return this.doc.heightOfString(s, { width });
  }

  /** Wrapped text inside a box of the given width; returns its height. Never adds a page. */
  box(text: string, x: number, y: number, width: number, o: { bold?: boolean; size?: number; align?: "left" | "right" | "center" } = {}): number {
    this.font(o.bold, o.size);
    const s = this.pdf.fit(text);
    if (s === "") return 0;
    const h = this.heightOf(s, width);
    this.doc.text(s, x, y, { width, align: o.align ?? "left", height: Math.max(h, PAGE_H - y) });
    return h;
  }

  width(text: string, bold = false, size = FONT_SIZE): number {
    this.font(bold, size);
    return this.doc.widthOfString(this.pdf.fit(text));
  }

  measure(text: string, width: number, o: { bold?: boolean; size?: number } = {}): number {
    this.font(o.bold, o.size);
    const s = this.pdf.fit(text);
    return s === "" ? 0 : this.heightOf(s, width);
  }

  rule(y: number, dashed: boolean, x0 = MARGIN_X, x1 = MARGIN_X + CONTENT_W): void {
    const d = this.doc.save().lineWidth(0.6).strokeColor("black");
    if (dashed) d.dash(3, { space: 2 });
    d.moveTo(x0, y).lineTo(x1, y).stroke();
    if (dashed) d.undash();
    d.restore();
  }
}

// ---------------------------------------------------------------------------------------------------------------------

function cellText(c: Cell): string {
  return c.text;
}

function rowCells(item: FlowItem & { kind: "row" }): [Column["key"], Cell][] {
  const r = item.row;
  return [
    ["omfang", r.omfang],
    ["code", r.code],
    ["name", r.name],
    ["standpunkt", r.standpunkt],
    ["eksamen", r.eksamen],
    ["eksamensform", r.eksamensform],
    ["year", r.year],
    ["merknad", r.merknad],
  ];
}

const ALIGN: Partial<Record<Column["key"], "right" | "center">> = { omfang: "right" };

function itemHeight(p: Painter, item: FlowItem): number {
  if (item.kind === "heading") return p.lineHeight(true) + 2;
  let h = 0;
  for (const [k, c] of rowCells(item)) h = Math.max(h, p.measure(cellText(c), COLUMNS[k].width - 2 * PAD));
  return h;
}

function drawItem(p: Painter, doc: VitnemalDocument, item: FlowItem, y: number): number {
  if (item.kind === "heading") {
    const text = item.continued ? `${item.group.heading} ${doc.labels.groupContinued}` : item.group.heading;
    p.line(text, COLUMNS.code.x + PAD, y + 2, { bold: true });
    return itemHeight(p, item);
  }
  let h = 0;
  for (const [k, c] of rowCells(item)) {
    const col = COLUMNS[k];
    h = Math.max(h, p.box(cellText(c), col.x + PAD, y, col.width - 2 * PAD, { align: ALIGN[k] ?? "left" }));
  }
  return h;
}

function headerHeight(p: Painter, doc: VitnemalDocument): number {
  const lines = Math.max(...doc.columns.map((c) => c.header.split("\n").length));
  return lines * p.lineHeight(true, HEADER_SIZE) + 8;
}

/** §2.4 the header between dashed lines, bold, size 10. */
function drawHeader(p: Painter, doc: VitnemalDocument, y: number): number {
  const h = headerHeight(p, doc);
  p.rule(y, true);
  for (const c of doc.columns) {
    const col = COLUMNS[c.key];
    // §2.4 «Av plasshensyn kan dere splitte ordene i de tre lengste ledetekstene på to linjer»: one line per part
    c.header.split("\n").forEach((part, i) => {
      const ly = y + 4 + i * p.lineHeight(true, HEADER_SIZE);
      const w = col.width - 2 * PAD;
      // a part wider than its column is set smaller rather than broken (e.g. English «Exam» over the narrow form column)
      const size = Math.max(6, Math.min(HEADER_SIZE, (HEADER_SIZE * w) / Math.max(1, p.width(part, true, HEADER_SIZE))));
      p.line(part, col.x + PAD, ly + (HEADER_SIZE - size), { bold: true, size, width: w + 0.01, align: ALIGN[c.key] ?? "left" });
    });
  }
  p.rule(y + h, true);
  return h + 3;
}

/** Height of the part above the table on page 1. */
function drawTop(p: Painter, doc: VitnemalDocument, draw: boolean): number {
  let y = MARGIN_TOP;
  const lh = p.lineHeight();
  const at = (f: () => void) => draw && f();
  at(() => p.line(doc.title, MARGIN_X, y, { bold: true, size: 16, width: CONTENT_W, align: "center" }));
  y += p.lineHeight(true, 16) + 6;
  y += drawIdentity(p, doc, y, draw);
  y += 4;
  for (const t of doc.intro) {
    at(() => p.line(t, MARGIN_X, y));
    y += lh;
  }
  // §2.3 one line per programme area, the pieces of information straight under each other (a long name wraps inside
  // its column; the status «fullført»/«bestått» stands at the right)
  const cols = [
    { x: MARGIN_X, w: 72 },
    { x: MARGIN_X + 75, w: 180 },
    { x: MARGIN_X + 260, w: 180 },
  ];
  for (const a of doc.programmeAreas) {
    const texts = [a.code, a.name, a.programme];
    const h = Math.max(lh, ...texts.map((t, i) => p.measure(t, cols[i]!.w)));
    at(() => {
      texts.forEach((t, i) => p.box(t, cols[i]!.x, y, cols[i]!.w));
      if (a.status) p.line(a.status, MARGIN_X + 445, y, { width: CONTENT_W - 445, align: "right" });
    });
    y += h;
  }
  for (const s of doc.sluttkompetanse) {
    at(() => p.line(s, MARGIN_X, y));
    y += lh;
  }
  return y + 6 - MARGIN_TOP;
}

/** §2.2 «med ledetekst og med fet type». */
function drawIdentity(p: Painter, doc: VitnemalDocument, y: number, draw: boolean): number {
  const lh = p.lineHeight(true);
  let h = 0;
  for (const i of doc.identity) {
    if (draw) p.line(`${i.label}: ${i.value}`, MARGIN_X, y + h, { bold: true });
    h += lh;
  }
  return h;
}

/** Top of a continuation page (§2.9): name, fødselsnummer, «forts. fra side n». */
function drawContinuationTop(p: Painter, doc: VitnemalDocument, from: number, draw: boolean): number {
  let y = MARGIN_TOP;
  y += drawIdentity(p, doc, y, draw);
  if (draw) p.line(`${doc.labels.continued} ${from}`, MARGIN_X, y);
  y += p.lineHeight() + 6;
  return y - MARGIN_TOP;
}

/** §2.7 + §2.8 left: sum omfang, orden og adferd, fravær, vitnemålsmerknader. */
function drawTail(p: Painter, doc: VitnemalDocument, y0: number, draw: boolean): number {
  const lh = p.lineHeight();
  let y = y0 + 3;
  const L = doc.labels;
  const x1 = MARGIN_X + 95;
  const line = (label: string, value: string, x = MARGIN_X, vx = x1) => {
    if (draw) {
      p.line(label, x, y);
      p.line(value, vx, y);
    }
  };
  line(L.sumOmfang, doc.sumOmfang);
  y += lh;
  if (draw) {
    p.line(L.orden, MARGIN_X, y);
    p.line(doc.orden.text, x1, y);
    p.line(L.adferd, MARGIN_X + 200, y);
    p.line(doc.adferd.text, MARGIN_X + 260, y);
  }
  y += lh;
  if (doc.absence.length > 0) {
    if (draw) p.line(L.absence, MARGIN_X, y);
    for (const a of doc.absence) {
      if (draw) {
        p.line(a.label, x1, y);
        p.line(a.days.text, x1 + 50, y, { width: 40, align: "right" });
        p.line(L.days, x1 + 95, y);
        p.line(a.hours.text, x1 + 130, y, { width: 40, align: "right" });
        p.line(L.hours, x1 + 175, y);
      }
      y += lh;
    }
  }
  if (doc.merknader.length > 0) {
    y += 4;
    if (draw) p.line(L.merknader, MARGIN_X, y, { bold: true });
    y += lh;
    for (const m of doc.merknader) y += draw ? p.box(m, MARGIN_X, y, CONTENT_W) : p.measure(m, CONTENT_W);
  }
  return y - y0;
}

/** §2.8 the signature band: place and date, school, two signatures; «Side x av y» under them; the stamp at left. */
function drawBand(p: Painter, doc: VitnemalDocument, page: number, pages: number, withDuplicate: boolean): void {
  const lh = p.lineHeight();
  let y = BAND_TOP + 4;
  p.line(doc.placeDate, RIGHT_X, y, { width: RIGHT_W });
  y += lh;
  p.line(doc.issuerName, RIGHT_X, y, { width: RIGHT_W });
  y += lh + 26;
  const sw = (RIGHT_W - 16) / 2;
  doc.signatories.forEach((name, i) => {
    const x = RIGHT_X + i * (sw + 16);
    p.rule(y, false, x, x + sw);
    p.line(name, x, y + 2, { width: sw });
  });
  y += lh + 4;
  if (pages > 1) p.line(pageLabel(page, pages, doc.lang), RIGHT_X, y, { width: RIGHT_W, align: "right" });
  // §2.11 the duplicate: its new date and signature, at the left of the band (the stamp goes beside it)
  if (withDuplicate && doc.duplicate) {
    let dy = BAND_TOP + 4;
    const w = RIGHT_X - MARGIN_X - 12;
    p.line(doc.duplicate.line, MARGIN_X, dy, { width: w });
    dy += lh + 26;
    p.rule(dy, false, MARGIN_X, MARGIN_X + w * 0.7);
    p.line(doc.duplicate.signatory, MARGIN_X, dy + 2, { width: w });
  }
}

/** §2.8 «nederst til venstre», size 9, on every page (§2.9). */
function drawNumber(p: Painter, doc: VitnemalDocument): void {
  p.line(doc.documentNumber, MARGIN_X, NUMBER_Y, { size: NUMBER_SIZE });
}

function drawDuplicateMark(p: Painter, doc: VitnemalDocument): void {
  if (doc.duplicate) p.line(doc.duplicate.mark, MARGIN_X, MARGIN_TOP - 4 * MM, { bold: true, size: 14, width: CONTENT_W, align: "right" });
}

/** The number of main pages (without vedlegg) the document needs, and which table items each carries. */
function paginate(p: Painter, doc: VitnemalDocument): FlowItem[][] {
  const items = flowItems(doc);
  const header = headerHeight(p, doc) + 3;
  const tail = drawTail(p, doc, 0, false) + 8;
  const top1 = MARGIN_TOP + drawTop(p, doc, false) + header;
  const topN = MARGIN_TOP + drawContinuationTop(p, doc, 1, false) + header;
  const limit = BAND_TOP - 6;
  const plan = planPages(items, (it) => itemHeight(p, it), {
    firstOnly: limit - top1 - tail,
    firstOfMany: limit - top1,
    lastOfMany: limit - topN - tail,
    middle: limit - topN,
  });
  return plan.pages.map((pg) => pg.items);
}

function newPage(p: Painter, first: boolean): void {
  if (!first) p.doc.addPage();
}

/** Renders the document, its continuation pages and its vedlegg into a PDF. */
export async function renderVitnemalPdf(doc: VitnemalDocument, o: RenderOptions = {}): Promise<Buffer> {
  const createdAt = o.createdAt ?? dateFromPlaceDate(doc.placeDate);
  const pdf = createPdf({
    title: `${doc.title} ${doc.documentNumber}`,
    lang: doc.lang,
    margins: { top: MARGIN_TOP, bottom: 5 * MM, left: MARGIN_X, right: MARGIN_X },
    pageNumbers: false,
    fontSize: FONT_SIZE,
    author: doc.issuerName,
    ...(createdAt ? { createdAt } : {}),
  });
  const p = new Painter(pdf);
  const pages = paginate(p, doc);
  pages.forEach((items, i) => {
    const last = i === pages.length - 1;
    newPage(p, i === 0);
    drawDuplicateMark(p, doc);
    let y = MARGIN_TOP + (i === 0 ? drawTop(p, doc, true) : drawContinuationTop(p, doc, i, true));
    y += drawHeader(p, doc, y);
    for (const it of items) y += drawItem(p, doc, it, y);
    // §2.9: «en linje» under the last subject of a page that continues; §2.7 «den stiplede linjen» before the tail
    p.rule(y + 2, last);
    if (last) drawTail(p, doc, y + 4, true);
    drawBand(p, doc, i + 1, pages.length, last);
    drawNumber(p, doc);
  });
  // §2.10 vedlegg: own pages, same identification, signatures and number
  for (const v of doc.vedlegg) {
    p.doc.addPage();
    drawDuplicateMark(p, doc);
    let y = MARGIN_TOP;
    p.line(v.title, MARGIN_X, y, { bold: true, size: 14 });
    y += p.lineHeight(true, 14) + 6;
    for (const id of v.identity) y += p.line(`${id.label}: ${id.value}`, MARGIN_X, y, { bold: true });
    y += 8;
    for (const para of v.paragraphs) {
      const h = p.measure(para, CONTENT_W);
      if (y + h > BAND_TOP - 6) {
        drawBand(p, doc, 1, 1, true);
        drawNumber(p, doc);
        p.doc.addPage();
        y = MARGIN_TOP;
      }
      y += p.box(para, MARGIN_X, y, CONTENT_W) + 4;
    }
    drawBand(p, doc, 1, 1, true);
    drawNumber(p, doc);
  }
  return pdf.toBuffer();
}

function dateFromPlaceDate(placeDate: string): Date | undefined {
  const m = /(\d{2})\.(\d{2})\.(\d{4})$/.exec(placeDate);
  return m ? new Date(`${m[3]}-${m[2]}-${m[1]}T12:00:00Z`) : undefined;
}

/**
 * Renders documents one after another, yielding each PDF before the next is started: a batch of any size holds one
 * document in memory at a time (the caller writes or streams each buffer away).
 */
export async function* renderEach(
  docs: Iterable<VitnemalDocument> | AsyncIterable<VitnemalDocument>,
  o: RenderOptions = {},
): AsyncGenerator<{ documentNumber: string; pdf: Buffer }> {
  for await (const d of docs) yield { documentNumber: d.documentNumber, pdf: await renderVitnemalPdf(d, o) };
}
