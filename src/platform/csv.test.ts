import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv, sniffDelimiter, stringifyCsv, type Delimiter } from "./csv.ts";

describe("parseCsv (RFC 4180)", () => {
  it("reads quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF and a BOM", () => {
    const text = '\uFEFFa;b;c\r\n"x;y";"say ""hi""";"two\r\nlines"\r\n1;;3\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x;y", 'say "hi"', "two\r\nlines"] },
      { line: 4, fields: ["1", "", "3"] },
    ]);
  });

  it("skips blank lines and keeps line numbers", () => {
    expect(parseCsv("a,b\n\nc,d").map((r) => r.line)).toEqual([1, 3]);
  });

  it("sniffs ; or ,", () => {
    expect(sniffDelimiter("a;b;c\n")).toBe(";");
    expect(sniffDelimiter("a,b,c\n")).toBe(",");
    expect(sniffDelimiter('"a;b",c\n')).toBe(",");
  });

  it("refuses an unterminated quote and a stray quote, naming the line", () => {
    expect(() => parseCsv('a;b\n"open;x\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a;b\nx"y;z\n')).toThrow(/line 2/);
    expect(() => parseCsv('a;b\n"x"y;z\n')).toThrow(/line 2/);
  });

  it("round-trips any table (property)", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", " ", ";", ",", '"', "\r", "\n", "\r\n", "æ", "ø", "1") });
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom<Delimiter>(";", ","), (rows, d) => {
        const parsed = parseCsv(stringifyCsv(rows, d), { delimiter: d }).map((r) => r.fields);
        expect(parsed).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
