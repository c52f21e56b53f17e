import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tinosPath } from "./pdf.ts";
import { sfntFromWoffFile, woffToSfnt } from "./woff.ts";

describe("woffToSfnt", () => {
  it("keeps the flavor, every table's bytes and a 4-byte-aligned table directory", () => {
    const woff = readFileSync(tinosPath(400));
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const n = woff.readUInt16BE(12);
    expect(sfnt.readUInt16BE(4)).toBe(n);
    for (let i = 0; i < n; i++) {
      const e = 44 + i * 20;
      const [off, comp, orig] = [woff.readUInt32BE(e + 4), woff.readUInt32BE(e + 8), woff.readUInt32BE(e + 12)];
      const expected = comp < orig ? inflateSync(woff.subarray(off, off + comp)) : woff.subarray(off, off + comp);
      const r = 12 + i * 16;
      expect(sfnt.toString("ascii", r, r + 4)).toBe(woff.toString("ascii", e, e + 4));
      const so = sfnt.readUInt32BE(r + 8);
      expect(so % 4).toBe(0);
      expect(sfnt.readUInt32BE(r + 12)).toBe(orig);
      expect(sfnt.subarray(so, so + orig).equals(expected)).toBe(true);
    }
  });

  it("refuses what is not WOFF 1.0 and converts a file once", () => {
    expect(() => woffToSfnt(Buffer.from("OTTO0000"))).toThrow(/WOFF/);
    expect(sfntFromWoffFile(tinosPath(700))).toBe(sfntFromWoffFile(tinosPath(700)));
  });
});
