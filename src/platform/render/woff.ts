/**
 * WOFF 1.0 → plain TrueType/OpenType (sfnt) conversion, done once per font file.
 *
 * Why: fontkit (inside pdfkit) reads a WOFF font's tables lazily and inflates a compressed table again on every access;
 * for the glyf table that is once per glyph, which made a one-page document with ~150 text runs cost ~200 ms. The same
 * font as sfnt is read without inflating. The bytes of every table are unchanged (W3C WOFF 1.0 §5: decompressed tables
 * are the original sfnt tables), so the glyphs and metrics are identical.
 */
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/** Converts a WOFF 1.0 file to sfnt bytes. Throws on anything that is not WOFF 1.0. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("ascii", 0, 4) !== "wOFF") throw new Error("not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: Buffer; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = woff.subarray(e, e + 4);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const checksum = woff.readUInt32BE(e + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`WOFF table ${tag.toString("ascii")}: wrong length after inflate`);
    tables.push({ tag, checksum, data });
  }
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headerSize = 12 + numTables * 16;
  const size = tables.reduce((s, t) => s + ((t.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    t.tag.copy(out, r);
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(offset, r + 8);
    out.writeUInt32BE(t.data.length, r + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

const cache = new Map<string, Buffer>();

/** The sfnt bytes of a WOFF font file, converted once per process. */
export function sfntFromWoffFile(path: string): Buffer {
  let b = cache.get(path);
  if (!b) {
    b = woffToSfnt(readFileSync(path));
    cache.set(path, b);
  }
  return b;
}
