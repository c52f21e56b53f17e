/**
 * exceljs helpers shared by the rulebooks: a workbook with fixed metadata, a sheet written from columns and rows with a
 * bold, shaded, frozen header and an auto-filter, sensible column widths, and the workbook as bytes.
 *
 *   const wb = createWorkbook({ title: "AMU 2024Q3" });
 *   addTableSheet(wb, "Deltagelser", [{ header: "Fagkode", key: "fagkode" }, { header: "Slut", key: "end", type: "date" }], rows);
 *   const bytes = await workbookToBuffer(wb);
 */
import ExcelJS from "exceljs";

export type XlsxCell = string | number | boolean | Date | null | undefined;

export interface XlsxColumn {
  header: string;
  key: string;
  /** Width in characters; default: fitted to the header and the values (between 6 and 60). */
  width?: number;
  /** "date" writes an ISO date string ("2024-09-30") as a real date cell shown as dd-mm-yyyy. */
  type?: "text" | "number" | "integer" | "date";
  /** An Excel number format overriding the type's (e.g. "#,##0.00"). */
  numFmt?: string;
}

export interface WorkbookMeta {
  title?: string;
  creator?: string;
  /** Fixed creation date so the same input gives the same workbook. Default now. */
  createdAt?: Date;
}

export function createWorkbook(meta: WorkbookMeta = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const at = meta.createdAt ?? new Date();
  wb.creator = meta.creator ?? "bevis";
  wb.lastModifiedBy = meta.creator ?? "bevis";
  wb.created = at;
  wb.modified = at;
  if (meta.title) wb.title = meta.title;
  return wb;
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = (wanted.replace(/[:\\/?*[\]]/g, " ").trim() || "Ark").slice(0, 31);
  let name = base;
  for (let i = 2; wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  return name;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function convert(v: XlsxCell, col: XlsxColumn): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (col.type === "date" && typeof v === "string" && ISO_DATE.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

function shown(v: XlsxCell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return "dd-mm-yyyy";
  return String(v);
}

/** Styles row 1 as a header: bold, light grey fill, thin bottom border, frozen. */
export function styleHeader(ws: ExcelJS.Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: "middle" };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6E6E6" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** Sets each column's width from its longest value (characters), within [min, max]. */
export function fitColumns(ws: ExcelJS.Worksheet, min = 6, max = 60): void {
  ws.columns.forEach((column) => {
    let longest = 0;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      const len = v instanceof Date ? 10 : v === null || v === undefined ? 0 : String(v).length;
      longest = Math.max(longest, len);
    });
    column.width = Math.min(max, Math.max(min, longest + 2));
  });
}

/** Adds a sheet with a styled header row and one row per record (values looked up by column key). */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly XlsxColumn[],
  rows: Iterable<Readonly<Record<string, XlsxCell>>>,
  o: { autoFilter?: boolean } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(wb, name));
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key }));
  const longest = columns.map((c) => c.header.length);
  let n = 0;
  for (const r of rows) {
    ws.addRow(columns.map((c) => convert(r[c.key], c)));
    columns.forEach((c, i) => (longest[i] = Math.max(longest[i] ?? 0, shown(r[c.key]).length)));
    n++;
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(60, Math.max(6, (longest[i] ?? 0) + 2));
    const fmt = c.numFmt ?? (c.type === "date" ? "dd-mm-yyyy" : c.type === "integer" ? "0" : undefined);
    if (fmt) col.numFmt = fmt;
  });
  styleHeader(ws);
  if (o.autoFilter !== false && n > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: n + 1, column: columns.length } };
  return ws;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a workbook back (tests, imports). */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as arrays of plain values (row 1 = header). Dates come back as Date, formulas as their result. */
export function sheetValues(ws: ExcelJS.Worksheet): XlsxCell[][] {
  const out: XlsxCell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: XlsxCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      if (v !== null && typeof v === "object" && !(v instanceof Date)) {
        const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
        cells.push(
          o.richText ? o.richText.map((t) => t.text).join("") : ((o.result ?? o.text ?? null) as XlsxCell),
        );
      } else cells.push(v as XlsxCell);
    }
    out.push(cells);
  });
  return out;
}
