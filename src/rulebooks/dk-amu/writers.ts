/**
 * The AMU report file (seed 000 §2: the quarterly AMU-indberetning to STIL's Datavarehus), written from the report's
 * rows (report.ts). Pure: no clock, no I/O.
 *
 * STIL's own field layout is NOT known (../shared/reference/amu-indberetning.md, "MISSING": tables, field order, types,
 * code lists and the transport format could not be retrieved). So this is bevis' documented layout "bevis-amu-1":
 * the names STIL is known to use (ResultatProevebelagt, ResultatIkkeProevebelagt — integer, 1 digit; GodkendtSkole;
 * reference/facts.md) keep their names, every other column is bevis' own and marked so in `CSV_LAYOUT` and in
 * docs/rulebooks/000-amu.md, "Report file layout". The official layout replaces this one behind `ReportWriter`
 * (add a writer, register it in `reportWriters`) without touching the report, the store or the routes.
 */
import { createHash } from "node:crypto";
import { csvField, parseCsv } from "../../platform/csv.ts";
import type { ReportRow } from "./report.ts";

/** What a file says about its report, besides the rows. */
export interface ReportMeta {
  /** The approved provider's institution number (GodkendtSkole). */
  providerCode: string;
  providerName: string;
  /** The report quarter, "2024Q3". */
  quarter: string;
  /** The provider's running report number (1, 2, 3 …), never reused. */
  number: number;
  /** ISO timestamp of the stored submission. */
  createdAt: string;
  /** The rolling window of four quarters the report restates (§2, §6.1). */
  window: { from: string; to: string; quarters: string[] };
}

export type ReportFormat = "csv" | "json";

export interface ReportWriter {
  format: ReportFormat;
  /** HTTP Content-Type of the file. */
  mediaType: string;
  /** A file name without path characters, e.g. "amu-indberetning-123456-2024Q3-nr7.csv". */
  fileName(meta: ReportMeta): string;
  /** The complete file. Deterministic: the same rows and meta give the same text. */
  write(rows: readonly ReportRow[], meta: ReportMeta): string;
}

/** Name and version of the layout written here (in the JSON meta; the CSV's header line identifies it too). */
export const LAYOUT_ID = "bevis-amu-1";

/** Where a column's name comes from. */
export type FieldSource = "STIL" | "bevis";

export interface CsvColumn {
  /** Column name in the header line. */
  name: string;
  field: keyof ReportRow;
  /** "STIL": a field name STIL's documentation is known to use; "bevis": bevis' own name (to be replaced). */
  source: FieldSource;
  format: string;
  description: { da: string; en: string };
}

/**
 * The columns of the CSV file, in order. Every field of ReportRow appears exactly once (tested), so nothing the
 * report knows is lost in the file.
 */
export const CSV_LAYOUT: readonly CsvColumn[] = [
  {
    name: "DeltagelseId",
    field: "participationId",
    source: "bevis",
    format: "UUID",
    description: { da: "bevis' id for kursusdeltagelsen (stabilt på tværs af indberetninger)", en: "bevis' id of the participation (stable across reports)" },
  },
  {
    name: "Posttype",
    field: "recordType",
    source: "bevis",
    format: "D | O",
    description: { da: "D = kursusdeltagelse med endeligt resultat, O = omprøve (§5, §6.2)", en: "D = participation with its final result, O = retake (§5, §6.2)" },
  },
  {
    name: "ProeveNr",
    field: "seq",
    source: "bevis",
    format: "integer ≥ 1",
    description: { da: "1 = ordinær prøve; 2, 3 … = omprøvens nummer", en: "1 = ordinary exam; 2, 3 … = the retake's number" },
  },
  {
    name: "GodkendtSkole",
    field: "GodkendtSkole",
    source: "STIL",
    format: "text (institutionsnummer)",
    description: { da: "Den godkendte AMU-udbyder, der indberetter (§6.2)", en: "The approved AMU provider that reports (§6.2)" },
  },
  {
    name: "UdliciteretTil",
    field: "outsourcedTo",
    source: "bevis",
    format: "text, empty when not outsourced",
    description: { da: "Udliciteringsparten, hvis kurset er udliciteret", en: "The party the course was outsourced to, if any" },
  },
  {
    name: "CPR",
    field: "cpr",
    source: "bevis",
    format: "10 digits, no dash",
    description: { da: "Kursistens CPR-nummer", en: "The participant's CPR number" },
  },
  {
    name: "Fagkode",
    field: "fagkode",
    source: "bevis",
    format: "5 digits",
    description: { da: "AMU-målets nummer (fagkode); IKV på 40080/40081 (§4)", en: "The AMU goal's number (fagkode); IKV on 40080/40081 (§4)" },
  },
  {
    name: "StartDato",
    field: "startDate",
    source: "bevis",
    format: "YYYY-MM-DD",
    description: { da: "Kursusdeltagelsens startdato (afgør resultatgruppen, §3)", en: "Start date (decides the result group, §3)" },
  },
  {
    name: "SlutDato",
    field: "endDate",
    source: "bevis",
    format: "YYYY-MM-DD",
    description: { da: "Kursusdeltagelsens slutdato", en: "End date of the participation" },
  },
  {
    name: "ProeveDato",
    field: "examDate",
    source: "bevis",
    format: "YYYY-MM-DD",
    description: { da: "Slutdatoen for en deltagelse, omprøvens dato for en omprøve", en: "The end date for a participation, the retake's date for a retake" },
  },
  {
    name: "Kvartal",
    field: "quarter",
    source: "bevis",
    format: "YYYYQn",
    description: { da: "Kvartalet for ProeveDato", en: "The quarter of ProeveDato" },
  },
  {
    name: "Resultatgruppe",
    field: "resultGroup",
    source: "bevis",
    format: "1 | 2",
    description: { da: "1 = UVM-prøve tilknyttet på startdatoen, 2 = ikke (§3)", en: "1 = a UVM test attached on the start date, 2 = not (§3)" },
  },
  {
    name: "ResultatProevebelagt",
    field: "ResultatProevebelagt",
    source: "STIL",
    format: "integer, 1 digit (1–6); empty outside group 1",
    description: { da: "Resultatkategori for prøvebelagte kurser (§3, Bilag 1)", en: "Result category for courses with a UVM test (§3, Bilag 1)" },
  },
  {
    name: "ResultatIkkeProevebelagt",
    field: "ResultatIkkeProevebelagt",
    source: "STIL",
    format: "integer, 1 digit (1–4); empty outside group 2",
    description: { da: "Resultatkategori for ikke-prøvebelagte kurser (§3, §4, Bilag 2)", en: "Result category for courses without a UVM test (§3, §4, Bilag 2)" },
  },
  {
    name: "EjRelevant",
    field: "ejRelevant",
    source: "bevis",
    format: "J | N",
    description: { da: "\"Ej relevant\" i Prøveresultat (§3.2); begge resultatfelter tomme", en: "\"Ej relevant\" (§3.2); both result fields empty" },
  },
  {
    name: "EUEfteruddannelse",
    field: "euEfteruddannelse",
    source: "bevis",
    format: "J | N",
    description: { da: "Valgfrit modul på kvalifikationsuddannelsen for chauffører (§3.1)", en: "Optional module of the drivers' qualification training (§3.1)" },
  },
];

const RECORD_TYPE_CODE: Record<ReportRow["recordType"], string> = { deltagelse: "D", omproeve: "O" };

function cellOf(row: ReportRow, c: CsvColumn): string {
  const v = row[c.field];
  if (v === null || v === undefined) return "";
  if (c.field === "recordType") return RECORD_TYPE_CODE[v as ReportRow["recordType"]];
  if (typeof v === "boolean") return v ? "J" : "N";
  return String(v);
}

/** Keeps a file-name part to letters, digits, "-" and "_". */
const safe = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "") || "x";

const baseName = (m: ReportMeta): string => `amu-indberetning-${safe(m.providerCode)}-${safe(m.quarter)}-nr${m.number}`;

/**
 * CSV: `;`-separated, UTF-8 without a byte-order mark, CRLF line ends, one header line with the column names of
 * CSV_LAYOUT, then one line per row in the report's order; a field is quoted per RFC 4180 only when it holds `;`,
 * `"`, a line break or leading/trailing space. Empty field = no value. The file holds the rows only, so its bytes —
 * and the SHA-256 on the receipt — depend on the rows alone.
 */
export const csvWriter: ReportWriter = {
  format: "csv",
  mediaType: "text/csv; charset=utf-8",
  fileName: (m) => `${baseName(m)}.csv`,
  write(rows) {
    const lines: string[] = new Array(rows.length + 1);
    lines[0] = CSV_LAYOUT.map((c) => csvField(c.name, ";")).join(";");
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let line = "";
      for (let j = 0; j < CSV_LAYOUT.length; j++) line += (j === 0 ? "" : ";") + csvField(cellOf(row, CSV_LAYOUT[j]!), ";");
      lines[i + 1] = line;
    }
    return lines.join("\r\n") + "\r\n";
  },
};

/** The ReportRow fields in a fixed order, so the JSON file is deterministic. */
const JSON_FIELDS: readonly (keyof ReportRow)[] = CSV_LAYOUT.map((c) => c.field);

/**
 * JSON: `{ "meta": { layout, …ReportMeta }, "rows": ReportRow[] }`, UTF-8, one row per line (still one JSON value),
 * keys in CSV_LAYOUT order, nulls kept.
 */
export const jsonWriter: ReportWriter = {
  format: "json",
  mediaType: "application/json; charset=utf-8",
  fileName: (m) => `${baseName(m)}.json`,
  write(rows, meta) {
    const head = JSON.stringify({
      layout: LAYOUT_ID,
      providerCode: meta.providerCode,
      providerName: meta.providerName,
      quarter: meta.quarter,
      number: meta.number,
      createdAt: meta.createdAt,
      window: { from: meta.window.from, to: meta.window.to, quarters: [...meta.window.quarters] },
      rowCount: rows.length,
    });
    const body = rows.map((r) => JSON.stringify(Object.fromEntries(JSON_FIELDS.map((f) => [f, r[f] ?? null]))));
    return `{"meta":${head},\n"rows":[${body.length ? "\n" + body.join(",\n") + "\n" : ""}]}\n`;
  },
};

export const reportWriters: Record<ReportFormat, ReportWriter> = { csv: csvWriter, json: jsonWriter };

export function isReportFormat(s: string): s is ReportFormat {
  return s === "csv" || s === "json";
}

/** SHA-256 (hex) of a file's UTF-8 bytes. */
export function sha256Hex(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * SHA-256 of the exact CSV file of these rows, the digest printed on the receipt. The rows must carry the CPR numbers
 * in full (as stored), not the masked copies a read-only role sees.
 */
export function reportFileSha256(rows: readonly ReportRow[], meta: ReportMeta, format: ReportFormat = "csv"): string {
  return sha256Hex(reportWriters[format].write(rows, meta));
}

export class ReportFileError extends Error {}

const RECORD_TYPE_OF: Record<string, ReportRow["recordType"]> = { D: "deltagelse", O: "omproeve" };

/**
 * Reads a bevis-amu-1 CSV file back into rows (for tests, and to check an exported file against the stored report).
 * Throws ReportFileError when the header or a value does not follow the layout.
 */
export function readReportCsv(text: string): ReportRow[] {
  const records = parseCsv(text, { delimiter: ";" });
  const header = records[0]?.fields ?? [];
  if (header.join(";") !== CSV_LAYOUT.map((c) => c.name).join(";")) throw new ReportFileError("the header line is not the bevis-amu-1 layout");
  const int = (s: string, line: number, name: string): number => {
    if (!/^\d+$/.test(s)) throw new ReportFileError(`line ${line}: ${name} is not a whole number`);
    return Number(s);
  };
  const jn = (s: string, line: number, name: string): boolean => {
    if (s !== "J" && s !== "N") throw new ReportFileError(`line ${line}: ${name} must be J or N`);
    return s === "J";
  };
  return records.slice(1).map(({ line, fields }) => {
    if (fields.length !== CSV_LAYOUT.length) throw new ReportFileError(`line ${line}: ${fields.length} fields, expected ${CSV_LAYOUT.length}`);
    const get = (i: number) => fields[i] ?? "";
    const recordType = RECORD_TYPE_OF[get(1)];
    if (!recordType) throw new ReportFileError(`line ${line}: Posttype must be D or O`);
    const group = int(get(11), line, "Resultatgruppe");
    if (group !== 1 && group !== 2) throw new ReportFileError(`line ${line}: Resultatgruppe must be 1 or 2`);
    const optInt = (i: number, name: string) => (get(i) === "" ? null : int(get(i), line, name));
    return {
      participationId: get(0),
      recordType,
      seq: int(get(2), line, "ProeveNr"),
      GodkendtSkole: get(3),
      outsourcedTo: get(4) === "" ? null : get(4),
      cpr: get(5),
      fagkode: get(6),
      startDate: get(7),
      endDate: get(8),
      examDate: get(9),
      quarter: get(10),
      resultGroup: group,
      ResultatProevebelagt: optInt(12, "ResultatProevebelagt") as ReportRow["ResultatProevebelagt"],
      ResultatIkkeProevebelagt: optInt(13, "ResultatIkkeProevebelagt") as ReportRow["ResultatIkkeProevebelagt"],
      ejRelevant: jn(get(14), line, "EjRelevant"),
      euEfteruddannelse: jn(get(15), line, "EUEfteruddannelse"),
    };
  });
}
