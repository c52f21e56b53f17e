/**
 * The project's one CSV parser and writer (RFC 4180): fields separated by a delimiter (`;` or `,`), records by CRLF or
 * LF, a field may be quoted with `"` and a quote inside a quoted field is doubled (`""`). Quoted fields may hold the
 * delimiter, quotes and line breaks. A UTF-8 byte-order mark at the start is dropped.
 *
 * Every record carries the physical line number it starts on (1-based), so an importer can say "line 12".
 */

export interface CsvRecord {
  /** 1-based line number of the record's first character in the input. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export type Delimiter = ";" | "," | "\t";

/** Guesses the delimiter from the first line: the one of `;`, `,` and tab that occurs most often outside quotes. */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && (ch === ";" || ch === "," || ch === "\t")) counts[ch]++;
  }
  if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses CSV text into records. Blank lines (a record with one empty field and nothing else) are skipped.
 * Throws CsvSyntaxError for an unterminated quoted field or a quote inside an unquoted field.
 */
export function parseCsv(input: string, opts: { delimiter?: Delimiter } = {}): CsvRecord[] {
  const text = stripBom(input);
  const delim = opts.delimiter ?? sniffDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false; // the current field was quoted
  let recordQuoted = false; // some field of the current record was quoted
  const n = text.length;
  const delimCode = delim.charCodeAt(0);

  const endField = () => {
    fields.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    endField();
    if (recordQuoted || !(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    recordQuoted = false;
  };

  while (i < n) {
    const ch = text[i]!;
    if (ch === '"') {
      if (field !== "" || quoted) throw new CsvSyntaxError(line, "a quote inside an unquoted field");
      quoted = true;
      recordQuoted = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(startLine, "a quoted field is not closed");
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        else if (c === "\r" && text[i + 1] !== "\n") line++;
        field += c;
        i++;
      }
      // after the closing quote: a delimiter, a line break or the end
      if (i < n && text[i] !== delim && text[i] !== "\r" && text[i] !== "\n")
        throw new CsvSyntaxError(line, "text after a closing quote");
      continue;
    }
    if (ch === delim) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (quoted) throw new CsvSyntaxError(line, "text after a closing quote");
    // an unquoted run: take everything up to the next delimiter, line break or quote in one slice
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === delimCode || c === 10 || c === 13 || c === 34) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== "" || quoted || fields.length > 0) endRecord();
  return records;
}

/** Quotes a field when it holds the delimiter, a quote, a line break or leading/trailing space. */
export function csvField(value: string, delimiter: Delimiter = ";"): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value) || value.trim() !== value;
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as CSV with CRLF line ends (RFC 4180). */
export function stringifyCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ";"): string {
  return (
    rows
      .map((r) => (r.length === 1 && r[0] === "" ? '""' : r.map((f) => csvField(f, delimiter)).join(delimiter)))
      .join("\r\n") + (rows.length ? "\r\n" : "")
  );
}
