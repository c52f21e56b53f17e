/**
 * AMU HTTP routes (docs/api.md, "AMU (seed 000)"), mounted at /api/amu. Zod at the edge (400 for a malformed body or
 * query); the service decides everything else (403 role, 404 other institution, 409 stale, 422 rule). The actor —
 * and so the institution — comes from the auth middleware only.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { RulebookHttp } from "../../platform/http/app.ts";
import { ProblemError, type AppEnv } from "../../platform/http/context.ts";
import type { OpenApiOp } from "../../platform/http/openapi.ts";
import { jsonBody, queryOf } from "../../platform/http/validate.ts";
import { importCsv } from "./import.ts";
import { renderReceiptHtml, renderReceiptPdf } from "./receipt.ts";
import * as service from "./service.ts";
import { reportWriters, type ReportMeta } from "./writers.ts";

// ------------------------------------------------------------------------------------------------------------ schemas

const isoDateString = z.string().max(20);
const nullableDate = isoDateString.nullable();

export const ParticipationInputSchema = z.object({
  cpr: z.string().max(20),
  fagkode: z.string().max(10),
  startDate: isoDateString,
  endDate: nullableDate.default(null),
  status: z.enum(["ended", "not-ended", "never-held"]),
  outsourcedTo: z.string().max(200).nullable().default(null),
  euEfteruddannelse: z.boolean().default(false),
  industryCertificate: z.boolean().default(false),
  emergencyTeaching: z.enum(["none", "exam-omitted", "exam-postponed"]).default("none"),
  forloebId: z.string().max(100).nullable().default(null),
  subCourses: z.array(z.object({ startDate: isoDateString, endDate: nullableDate.default(null) })).max(50).default([]),
  resultatProevebelagt: z.number().int().nullable().default(null),
  resultatIkkeProevebelagt: z.number().int().nullable().default(null),
  ejRelevant: z.boolean().default(false),
  ikvCompetenceFagkoder: z.array(z.string().max(10)).max(100).default([]),
  writtenTaken: z.boolean().nullable().optional(),
  oralTaken: z.boolean().nullable().optional(),
  industryCertificateObtained: z.boolean().nullable().optional(),
});

const CorrectionSchema = ParticipationInputSchema.extend({
  version: z.number().int().min(1),
  reason: z.string().max(1000),
});

const RetakeSchema = z.object({
  version: z.number().int().min(1),
  date: isoDateString,
  resultatProevebelagt: z.number().int().nullable().optional(),
  resultatIkkeProevebelagt: z.number().int().nullable().optional(),
  writtenTaken: z.boolean().nullable().optional(),
  oralTaken: z.boolean().nullable().optional(),
});

const ListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  fagkode: z.string().max(10).optional(),
  quarter: z.string().max(10).optional(),
  status: z.enum(["ended", "not-ended", "never-held"]).optional(),
  findings: z.enum(["error", "warning", "none"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const QuarterQuery = z.object({ quarter: z.string().max(10) });
const QuarterBody = z.object({ quarter: z.string().max(10) });
const FileQuery = z.object({ format: z.enum(["csv", "json"]).default("csv") });
const ReceiptQuery = z.object({ format: z.enum(["pdf", "html"]).default("pdf"), lang: z.enum(["da", "en"]).default("da") });

const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  cite: z.object({ seed: z.string(), ref: z.string() }),
  message: z.object({ en: z.string(), da: z.string().optional() }),
  subject: z.string().optional(),
});
const GroupSchema = z.object({ value: z.union([z.literal(1), z.literal(2)]).nullable(), because: z.array(FindingSchema) });
const GoalSchema = z.object({
  fagkode: z.string(),
  title: z.string(),
  uvmTestPeriods: z.array(z.object({ validFrom: z.string(), validTo: z.string().optional() })),
  certificate: z.boolean(),
  writtenAndOral: z.boolean(),
});
const RowSchema = z.object({
  id: z.string(),
  cprMasked: z.string(),
  fagkode: z.string(),
  goalTitle: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.string(),
  group: z.number().nullable(),
  resultatProevebelagt: z.number().nullable(),
  resultatIkkeProevebelagt: z.number().nullable(),
  ejRelevant: z.boolean(),
  errors: z.number(),
  warnings: z.number(),
  version: z.number(),
});
const DetailSchema = z.object({
  participation: z.record(z.string(), z.unknown()),
  group: GroupSchema,
  findings: z.array(FindingSchema),
  history: z.array(z.object({ version: z.number(), recordedAt: z.string(), recordedBy: z.string(), reason: z.string().nullable() })),
});
const CountsSchema = z.object({ new: z.number(), changed: z.number(), unchanged: z.number(), removed: z.number() });
const SummarySchema = z.object({
  id: z.string(),
  number: z.number(),
  quarter: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  rows: z.number(),
  counts: CountsSchema,
});
const ReportDetailSchema = z.object({
  id: z.string().optional(),
  number: z.number().optional(),
  quarter: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  rowCount: z.number(),
  counts: CountsSchema,
  window: z.object({ from: z.string(), to: z.string(), quarters: z.array(z.string()) }),
  rows: z.array(z.record(z.string(), z.unknown())),
  diff: z.array(z.object({ id: z.string(), change: z.enum(["new", "changed", "unchanged", "removed"]), fields: z.array(z.string()).optional() })),
  excluded: z.array(z.object({ id: z.string(), reason: FindingSchema })),
});

// ------------------------------------------------------------------------------------------------------------- router

/** The largest CSV file the import route accepts (bytes). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

async function metaOf(c: Context<AppEnv>, d: service.ReportDetail): Promise<ReportMeta> {
  const inst = await c
    .get("db")
    .kysely.selectFrom("institution")
    .select(["code", "name"])
    .where("id", "=", c.get("actor").institutionId)
    .executeTakeFirst();
  return {
    providerCode: inst?.code ?? "",
    providerName: inst?.name ?? "",
    quarter: d.quarter,
    number: d.number,
    createdAt: d.createdAt,
    window: d.window,
  };
}

function download(body: string | Buffer, mediaType: string, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "content-type": mediaType,
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

const router = new Hono<AppEnv>();

router.get("/goals", async (c) => c.json(await service.listGoals(c.get("db"), c.get("actor"))));

router.get("/participations", async (c) => c.json(await service.listParticipations(c.get("db"), c.get("actor"), queryOf(c, ListQuerySchema))));

router.get("/participations/:id", async (c) => c.json(await service.getParticipation(c.get("db"), c.get("actor"), c.req.param("id"))));

router.post("/participations", async (c) => {
  const input = await jsonBody(c, ParticipationInputSchema);
  return c.json(await service.createParticipation(c.get("db"), c.get("actor"), input), 201);
});

router.put("/participations/:id", async (c) => {
  const input = await jsonBody(c, CorrectionSchema);
  return c.json(await service.correctParticipation(c.get("db"), c.get("actor"), c.req.param("id"), input));
});

router.post("/participations/:id/retakes", async (c) => {
  const input = await jsonBody(c, RetakeSchema);
  return c.json(await service.addRetake(c.get("db"), c.get("actor"), c.req.param("id"), input), 201);
});

router.post("/check", async (c) => {
  const input = await jsonBody(c, ParticipationInputSchema);
  return c.json(await service.checkInput(c.get("db"), c.get("actor"), input));
});

router.post("/import", async (c) => {
  const len = Number(c.req.header("content-length") ?? "0");
  if (len > MAX_IMPORT_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_IMPORT_BYTES} bytes`);
  const ct = c.req.header("content-type") ?? "";
  if (ct !== "" && !/^(text\/(csv|plain)|application\/(csv|octet-stream))\b/i.test(ct))
    throw new ProblemError(400, "Bad Request", [], `send the file as text/csv (got ${ct.split(";")[0]})`);
  const text = await c.req.text();
  if (text.length > MAX_IMPORT_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_IMPORT_BYTES} bytes`);
  const r = await importCsv(c.get("db"), c.get("actor"), text, { source: "http" });
  return c.json(r);
});

router.get("/reports", async (c) => c.json(await service.listReports(c.get("db"), c.get("actor"))));

router.get("/reports/preview", async (c) => {
  const { quarter } = queryOf(c, QuarterQuery);
  return c.json(await service.previewReport(c.get("db"), c.get("actor"), quarter));
});

router.post("/reports", async (c) => {
  const { quarter } = await jsonBody(c, QuarterBody);
  return c.json(await service.createReport(c.get("db"), c.get("actor"), quarter), 201);
});

router.get("/reports/:id", async (c) => c.json(await service.getReport(c.get("db"), c.get("actor"), c.req.param("id"))));

router.get("/reports/:id/file", async (c) => {
  const { format } = queryOf(c, FileQuery);
  const d = await service.exportReport(c.get("db"), c.get("actor"), c.req.param("id"), "file", format);
  const writer = reportWriters[format];
  const meta = await metaOf(c, d);
  return download(writer.write(d.rows, meta), writer.mediaType, writer.fileName(meta));
});

router.get("/reports/:id/receipt", async (c) => {
  const { format, lang } = queryOf(c, ReceiptQuery);
  const d = await service.exportReport(c.get("db"), c.get("actor"), c.req.param("id"), "receipt", format);
  const meta = await metaOf(c, d);
  const detail = { ...d, provider: { code: meta.providerCode, name: meta.providerName } };
  const base = `amu-kvittering-${meta.providerCode}-${d.quarter}-nr${d.number}`;
  if (format === "html") return download(renderReceiptHtml(detail, lang), "text/html; charset=utf-8", `${base}.html`);
  return download(await renderReceiptPdf(detail, lang), "application/pdf", `${base}.pdf`);
});

// ---------------------------------------------------------------------------------------------------------- openapi

const P = "/api/amu";
const TAG = "AMU (seed 000)";

export const amuOps: OpenApiOp[] = [
  { method: "get", path: `${P}/goals`, summary: "The AMU goal catalogue", tag: TAG, response: z.array(GoalSchema) },
  {
    method: "get",
    path: `${P}/participations`,
    summary: "List participations (filters, paging; CPR masked)",
    tag: TAG,
    query: ListQuerySchema,
    response: z.object({ items: z.array(RowSchema), total: z.number() }),
  },
  { method: "get", path: `${P}/participations/:id`, summary: "A participation with its group, findings and history", tag: TAG, response: DetailSchema },
  {
    method: "post",
    path: `${P}/participations`,
    summary: "Register a participation (201; 422 for malformed input)",
    tag: TAG,
    body: ParticipationInputSchema,
    response: DetailSchema,
  },
  {
    method: "put",
    path: `${P}/participations/:id`,
    summary: "Correct a participation: a new version supersedes the old one (409 when stale)",
    tag: TAG,
    body: CorrectionSchema,
    response: DetailSchema,
  },
  {
    method: "post",
    path: `${P}/participations/:id/retakes`,
    summary: "Add a retake (omprøve) as its own row (201; 409 when stale)",
    tag: TAG,
    body: RetakeSchema,
    response: DetailSchema,
  },
  {
    method: "post",
    path: `${P}/check`,
    summary: "What the rules say about an input, without saving",
    tag: TAG,
    body: ParticipationInputSchema,
    response: z.object({ group: GroupSchema, findings: z.array(FindingSchema) }),
  },
  {
    method: "post",
    path: `${P}/import`,
    summary: "Import participations from CSV, all or nothing (422 lists every bad cell)",
    tag: TAG,
    body: z.string(),
    bodyMediaType: "text/csv",
    response: z.object({ imported: z.number(), retakes: z.number() }),
  },
  { method: "get", path: `${P}/reports`, summary: "Stored report submissions, newest first", tag: TAG, response: z.array(SummarySchema) },
  {
    method: "get",
    path: `${P}/reports/preview`,
    summary: "The report for a quarter as it would be now (not stored)",
    tag: TAG,
    query: QuarterQuery,
    response: ReportDetailSchema,
  },
  {
    method: "post",
    path: `${P}/reports`,
    summary: "Build and store the next report submission (422 while a participation in scope has errors)",
    tag: TAG,
    body: QuarterBody,
    response: ReportDetailSchema,
  },
  { method: "get", path: `${P}/reports/:id`, summary: "A stored report submission with its diff", tag: TAG, response: ReportDetailSchema },
  {
    method: "get",
    path: `${P}/reports/:id/file`,
    summary: "Download the report file (audited)",
    tag: TAG,
    query: FileQuery,
    responseMediaType: "text/csv",
  },
  {
    method: "get",
    path: `${P}/reports/:id/receipt`,
    summary: "Download the receipt (audited)",
    tag: TAG,
    query: ReceiptQuery,
    responseMediaType: "application/pdf",
  },
];

export const amuHttp: RulebookHttp = { prefix: P, router, ops: amuOps };
