import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../platform/csv.ts";
import { REPORT_COLUMNS, type ReportRow } from "./report.ts";
import { CSV_LAYOUT, csvWriter, jsonWriter, LAYOUT_ID, readReportCsv, reportFileSha256, reportWriters, sha256Hex, type ReportMeta } from "./writers.ts";

const meta: ReportMeta = {
  providerCode: "123456",
  providerName: "Ærø Erhvervsskole",
  quarter: "2024Q3",
  number: 7,
  createdAt: "2024-10-15T09:30:00.000Z",
  window: { from: "2023-10-01", to: "2024-09-30", quarters: ["2023Q4", "2024Q1", "2024Q2", "2024Q3"] },
};

const row = (over: Partial<ReportRow> = {}): ReportRow => ({
  participationId: "0b6f1c1e-0000-4000-8000-000000000001",
  recordType: "deltagelse",
  seq: 1,
  GodkendtSkole: "123456",
  outsourcedTo: null,
  cpr: "0101901234",
  fagkode: "47592",
  startDate: "2024-08-12",
  endDate: "2024-08-16",
  examDate: "2024-08-16",
  quarter: "2024Q3",
  resultGroup: 1,
  ResultatProevebelagt: 1,
  ResultatIkkeProevebelagt: null,
  ejRelevant: false,
  euEfteruddannelse: false,
  ...over,
});

const rows: ReportRow[] = [
  row(),
  row({ recordType: "omproeve", seq: 2, examDate: "2024-09-02", ResultatProevebelagt: 4 }),
  row({
    participationId: "0b6f1c1e-0000-4000-8000-000000000002",
    outsourcedTo: 'Kørelærer "Jensen"; Åbenrå\r\nafd. 2',
    fagkode: "40080",
    resultGroup: 2,
    ResultatProevebelagt: null,
    ResultatIkkeProevebelagt: 3,
    euEfteruddannelse: true,
    startDate: "2023-12-28",
    endDate: "2024-01-05",
    examDate: "2024-01-05",
    quarter: "2024Q1",
  }),
  row({ participationId: "0b6f1c1e-0000-4000-8000-000000000003", ResultatProevebelagt: null, ejRelevant: true }),
];

describe("AMU report file layout", () => {
  it("has every field of ReportRow exactly once, and the STIL names where they are known", () => {
    expect([...CSV_LAYOUT.map((c) => c.field)].sort()).toEqual([...REPORT_COLUMNS].sort());
    expect(new Set(CSV_LAYOUT.map((c) => c.name)).size).toBe(CSV_LAYOUT.length);
    expect(CSV_LAYOUT.filter((c) => c.source === "STIL").map((c) => c.name)).toEqual([
      "GodkendtSkole",
      "ResultatProevebelagt",
      "ResultatIkkeProevebelagt",
    ]);
  });
});

describe("docs/rulebooks/000-amu.md, Report file layout", () => {
  it("lists the columns in the written order, with where each name comes from", () => {
    const doc = readFileSync(new URL("../../../docs/rulebooks/000-amu.md", import.meta.url), "utf8");
    const section = doc.slice(doc.indexOf("## Report file layout"));
    const documented = [...section.matchAll(/^\| (\d+) \| `(\w+)` \| ([^|]+) \|/gm)].map((m) => [Number(m[1]), m[2], m[3]!.trim()]);
    expect(documented).toEqual(CSV_LAYOUT.map((c, i) => [i + 1, c.name, c.source === "STIL" ? "**STIL name**" : "bevis' own"]));
  });
});

describe("CSV writer", () => {
  const text = csvWriter.write(rows, meta);

  it("writes ;-separated UTF-8 with CRLF line ends, a header line and no byte-order mark", () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(/[^\r]\n|\r[^\n]/.test(text)).toBe(false); // every line break is CRLF
    expect(text.split("\r\n")[0]).toBe(CSV_LAYOUT.map((c) => c.name).join(";"));
    expect(text.split("\r\n")[1]).toBe(
      "0b6f1c1e-0000-4000-8000-000000000001;D;1;123456;;0101901234;47592;2024-08-12;2024-08-16;2024-08-16;2024Q3;1;1;;N;N",
    );
    expect(text.split("\r\n")[2]).toBe(
      "0b6f1c1e-0000-4000-8000-000000000001;O;2;123456;;0101901234;47592;2024-08-12;2024-08-16;2024-09-02;2024Q3;1;4;;N;N",
    );
    // RFC 4180: the field with ; " and a line break is quoted, the quote doubled
    expect(text).toContain(';"Kørelærer ""Jensen""; Åbenrå\r\nafd. 2";');
  });

  it("reads back (with the project's CSV parser) to the same rows", () => {
    const records = parseCsv(text, { delimiter: ";" });
    expect(records).toHaveLength(rows.length + 1);
    expect(records.every((r) => r.fields.length === CSV_LAYOUT.length)).toBe(true);
    expect(records[3]?.fields[4]).toBe('Kørelærer "Jensen"; Åbenrå\r\nafd. 2');
    expect(readReportCsv(text)).toEqual(rows);
  });

  it("writes only a header for an empty report", () => {
    expect(csvWriter.write([], meta)).toBe(CSV_LAYOUT.map((c) => c.name).join(";") + "\r\n");
    expect(readReportCsv(csvWriter.write([], meta))).toEqual([]);
  });

  it("names the file after provider, quarter and number", () => {
    expect(csvWriter.fileName(meta)).toBe("amu-indberetning-123456-2024Q3-nr7.csv");
    expect(jsonWriter.fileName({ ...meta, providerCode: "../x y" })).toBe("amu-indberetning-x_y-2024Q3-nr7.json");
    expect(reportWriters.csv.mediaType).toBe("text/csv; charset=utf-8");
  });

  it("is deterministic, and the receipt's digest is the SHA-256 of exactly these bytes", () => {
    expect(csvWriter.write(rows, meta)).toBe(text);
    expect(reportFileSha256(rows, meta)).toBe(sha256Hex(Buffer.from(text, "utf8")));
    expect(reportFileSha256(rows, meta)).toMatch(/^[0-9a-f]{64}$/);
    expect(reportFileSha256(rows.slice(1), meta)).not.toBe(reportFileSha256(rows, meta));
  });
});

describe("JSON writer", () => {
  it("writes { meta, rows } that parse back to the rows", () => {
    const text = jsonWriter.write(rows, meta);
    const back = JSON.parse(text) as { meta: Record<string, unknown>; rows: ReportRow[] };
    expect(back.meta).toEqual({ layout: LAYOUT_ID, ...meta, rowCount: rows.length });
    expect(back.rows).toEqual(rows);
    expect(Object.keys(back.rows[0]!)).toEqual(CSV_LAYOUT.map((c) => c.field));
    expect(JSON.parse(jsonWriter.write([], meta))).toEqual({ meta: { layout: LAYOUT_ID, ...meta, rowCount: 0 }, rows: [] });
  });
});

describe("round trip (property)", () => {
  const text = fc.string({ unit: "grapheme", maxLength: 12 });
  const date = fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const arbRow: fc.Arbitrary<ReportRow> = fc.record({
    participationId: fc.uuid(),
    recordType: fc.constantFrom("deltagelse" as const, "omproeve" as const),
    seq: fc.integer({ min: 1, max: 9 }),
    GodkendtSkole: fc.stringMatching(/^\d{6}$/),
    outsourcedTo: fc.option(text.filter((s) => s !== ""), { nil: null }),
    cpr: fc.stringMatching(/^\d{10}$/),
    fagkode: fc.stringMatching(/^\d{5}$/),
    startDate: date,
    endDate: date,
    examDate: date,
    quarter: fc.stringMatching(/^20\d\dQ[1-4]$/),
    resultGroup: fc.constantFrom(1 as const, 2 as const),
    ResultatProevebelagt: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const), { nil: null }),
    ResultatIkkeProevebelagt: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), { nil: null }),
    ejRelevant: fc.boolean(),
    euEfteruddannelse: fc.boolean(),
  });

  it("CSV and JSON give back the rows they were written from", () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 20 }), (rs) => {
        expect(readReportCsv(csvWriter.write(rs, meta))).toEqual(rs);
        expect((JSON.parse(jsonWriter.write(rs, meta)) as { rows: unknown }).rows).toEqual(rs);
      }),
    );
  });
});
