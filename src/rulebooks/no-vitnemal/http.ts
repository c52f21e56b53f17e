/**
 * Vitnemål HTTP routes (docs/api.md, "Vitnemål (seed 003)"), mounted at /api/vitnemal. Zod at the edge (400 for a
 * malformed body or query); the service decides everything else (403 role, 404 other institution, 409 stale, 422
 * malformed case or findings that are errors). The actor — and so the institution — comes from the auth middleware.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { RulebookHttp } from "../../platform/http/app.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import type { OpenApiOp } from "../../platform/http/openapi.ts";
import { jsonBody, queryOf } from "../../platform/http/validate.ts";
import { finding } from "../../kernel/law.ts";
import { formatSchoolYear, parseSchoolYear } from "../../kernel/time/school-year.ts";
import { ProblemError } from "../../platform/http/context.ts";
import * as service from "./service.ts";

// ------------------------------------------------------------------------------------------------------------ schemas

const date = z.string().max(20);

/** docs/api.md VitnemalCaseInput: model.ts `VitnemalCase` as JSON without `decisionDate`; the rules check the rest. */
export const CaseInputSchema = z.looseObject({
  person: z.object({ fnr: z.string().max(20), name: z.string().max(200), previousFnr: z.array(z.string().max(20)).max(5).optional() }),
  issuer: z.looseObject({
    kind: z.enum(["skole", "fylkeskommune"]),
    place: z.string().max(100),
    name: z.string().max(200).optional(),
    orgnr: z.string().max(20).optional(),
    schoolNumber: z.string().max(10).optional(),
  }),
  statuses: z.array(z.record(z.string(), z.unknown())).max(50),
  programmeAreas: z.array(z.record(z.string(), z.unknown())).max(20),
  subjects: z.array(z.record(z.string(), z.unknown())).max(300),
  /** Two names (a tuple in the service; an array of two here so the OpenAPI schema stays plain). */
  signatories: z.array(z.string().max(200)).length(2).optional(),
  requested: z.enum(["vitnemal", "kompetansebevis"]).optional(),
});

const CorrectionSchema = z.object({ input: CaseInputSchema, version: z.number().int().min(1), reason: z.string().max(1000) });
const OnQuery = z.object({ on: date.optional() });
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).optional(), on: date.optional() });
const CancelReason = z.enum(["KLA", "FEI", "ANN"]);
const IssueBody = z.object({ on: date.optional(), cancelReason: CancelReason.optional(), comment: z.string().max(500).optional() });
const CancelBody = z.object({ reason: CancelReason, comment: z.string().max(500).optional(), on: date.optional() });
const DuplicateBody = z.object({
  way: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  signatory: z.string().min(1).max(200),
  place: z.string().max(100).optional(),
  on: date.optional(),
});
const ReissueBody = z.object({ newFodselsnummer: z.string().max(20), on: date.optional() });
const PdfQuery = z.object({ lang: z.enum(["nb", "nn", "en"]).optional() });
const NvbQuery = z.object({ schoolYear: z.string().max(12), schoolNumber: z.string().max(10).optional() });
/** The batch of a school year: "2022/23" → the cases whose last subject year is 2023 (service.ts `issueAll`). */
const IssueAllBody = z.object({ schoolYear: z.string().max(12), on: date.optional() });

const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  cite: z.object({ seed: z.string(), ref: z.string() }),
  message: z.object({ en: z.string(), nb: z.string().optional() }),
  subject: z.string().optional(),
});
const LineSchema = z.object({
  part: z.string(),
  text: z.string(),
  sections: z.array(z.string()),
  why: z.object({ nb: z.string(), en: z.string() }),
  findings: z.array(FindingSchema),
});
const PreviewSchema = z.object({
  caseId: z.string().nullable(),
  version: z.number().nullable(),
  kind: z.enum(["vitnemal", "kompetansebevis"]).nullable(),
  forstegang: z.boolean(),
  issuable: z.boolean(),
  findings: z.array(FindingSchema),
  lines: z.array(LineSchema),
});
const DocumentSchema = z.object({
  number: z.string(),
  kind: z.enum(["vitnemal", "kompetansebevis"]),
  fnr: z.string(),
  caseId: z.string().nullable(),
  caseVersion: z.number().nullable(),
  reason: z.string(),
  replaces: z.string().nullable(),
  on: z.string(),
  by: z.string(),
  status: z.enum(["issued", "cancelled"]),
});
const DetailSchema = z.object({
  id: z.string(),
  version: z.number(),
  fnrMasked: z.string(),
  input: z.record(z.string(), z.unknown()),
  preview: PreviewSchema,
  history: z.array(
    z.object({ version: z.number(), recordedAt: z.string(), recordedBy: z.string(), reason: z.string().nullable(), supersededAt: z.string().nullable(), supersededBy: z.string().nullable() }),
  ),
  documents: z.array(DocumentSchema),
});
const KindSchema = z.enum(["vitnemal", "kompetansebevis"]);
const RowSchema = z.object({
  id: z.string(),
  version: z.number(),
  fnrMasked: z.string(),
  name: z.string(),
  subjects: z.number(),
  errors: z.number(),
  warnings: z.number(),
  kind: KindSchema.nullable(),
  issuable: z.boolean(),
  document: z.object({ number: z.string(), kind: KindSchema }).nullable(),
  schoolYear: z.string().nullable(),
});
const IssueResultSchema = z.object({ number: z.string(), kind: z.enum(["vitnemal", "kompetansebevis"]), cancelled: z.string().nullable(), findings: z.array(FindingSchema) });

// ------------------------------------------------------------------------------------------------------------- router

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

router.get("/cases", async (c) => {
  const q = queryOf(c, ListQuery);
  return c.json(
    await service.listCases(c.get("db"), c.get("actor"), {
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
      ...(q.offset !== undefined ? { offset: q.offset } : {}),
      ...(q.on !== undefined ? { on: q.on } : {}),
    }),
  );
});

router.post("/cases", async (c) => {
  const input = await jsonBody(c, CaseInputSchema);
  return c.json(await service.createCase(c.get("db"), c.get("actor"), input as service.CaseInput), 201);
});

router.get("/cases/:id", async (c) => {
  const { on } = queryOf(c, OnQuery);
  return c.json(await service.getCase(c.get("db"), c.get("actor"), c.req.param("id"), on));
});

router.put("/cases/:id", async (c) => {
  const body = await jsonBody(c, CorrectionSchema);
  return c.json(await service.correctCase(c.get("db"), c.get("actor"), c.req.param("id"), { ...body, input: body.input as service.CaseInput }));
});

router.get("/cases/:id/preview", async (c) => {
  const q = queryOf(c, OnQuery);
  return c.json(await service.previewCase(c.get("db"), c.get("actor"), c.req.param("id"), q.on !== undefined ? { on: q.on } : {}));
});

router.post("/preview", async (c) => {
  const input = await jsonBody(c, CaseInputSchema);
  const q = queryOf(c, OnQuery);
  return c.json(await service.previewInput(c.get("db"), c.get("actor"), input as service.CaseInput, q.on !== undefined ? { on: q.on } : {}));
});

router.post("/cases/:id/issue", async (c) => {
  const b = await jsonBody(c, IssueBody);
  const o: Parameters<typeof service.issueCase>[3] = {};
  if (b.on !== undefined) o.on = b.on;
  if (b.cancelReason !== undefined) o.cancelReason = b.cancelReason;
  if (b.comment !== undefined) o.comment = b.comment;
  return c.json(await service.issueCase(c.get("db"), c.get("actor"), c.req.param("id"), o), 201);
});

router.post("/issue-all", async (c) => {
  const b = await jsonBody(c, IssueAllBody);
  const sy = parseSchoolYear(b.schoolYear);
  if (!sy)
    throw new ProblemError(422, "Unprocessable Content", [
      finding("vitnemal.input.school-year", "error", { seed: "reference", ref: "docs/api.md" }, { en: `schoolYear = "${b.schoolYear}": write it 2022/23.`, nb: `schoolYear = "${b.schoolYear}": skriv det 2022/23.` }, { subject: "schoolYear", value: b.schoolYear }),
    ], "not a school year");
  const r = await service.issueAll(c.get("db"), c.get("actor"), { year: sy.startYear + 1, ...(b.on !== undefined ? { on: b.on } : {}) });
  return c.json({ schoolYear: formatSchoolYear(sy), ...r });
});

router.get("/documents", async (c) => c.json(await service.listDocuments(c.get("db"), c.get("actor"))));

router.get("/documents/:number/pdf", async (c) => {
  const q = PdfQuery.safeParse({ lang: c.req.query("lang") });
  if (!q.success)
    throw new ProblemError(400, "Bad Request", [
      finding("input.lang", "error", { seed: "003", ref: "2.1" }, { en: `lang = "${c.req.query("lang")}": use nb, nn or en.`, nb: `lang = "${c.req.query("lang")}": bruk nb, nn eller en.` }, { subject: "lang", value: c.req.query("lang") ?? "" }),
    ], "unknown language");
  const r = await service.downloadPdf(c.get("db"), c.get("actor"), c.req.param("number"), q.data.lang ? { lang: q.data.lang } : {});
  return download(r.pdf, "application/pdf", r.fileName);
});

router.post("/documents/:number/cancel", async (c) => {
  const b = await jsonBody(c, CancelBody);
  const o: Parameters<typeof service.cancelDocument>[3] = { reason: b.reason };
  if (b.comment !== undefined) o.comment = b.comment;
  if (b.on !== undefined) o.on = b.on;
  return c.json(await service.cancelDocument(c.get("db"), c.get("actor"), c.req.param("number"), o));
});

router.post("/documents/:number/duplicate", async (c) => {
  const b = await jsonBody(c, DuplicateBody);
  const o: Parameters<typeof service.duplicateDocument>[3] = { way: b.way, signatory: b.signatory };
  if (b.place !== undefined) o.place = b.place;
  if (b.on !== undefined) o.on = b.on;
  return c.json(await service.duplicateDocument(c.get("db"), c.get("actor"), c.req.param("number"), o), 201);
});

router.post("/documents/:number/reissue", async (c) => {
  const b = await jsonBody(c, ReissueBody);
  return c.json(
    await service.reissueDocument(c.get("db"), c.get("actor"), c.req.param("number"), { newFodselsnummer: b.newFodselsnummer, ...(b.on !== undefined ? { on: b.on } : {}) }),
    201,
  );
});

router.get("/nvb", async (c) => {
  const q = queryOf(c, NvbQuery);
  const r = await service.exportNvb(c.get("db"), c.get("actor"), { schoolYear: q.schoolYear, ...(q.schoolNumber !== undefined ? { schoolNumber: q.schoolNumber } : {}) });
  return download(r.file, "text/plain; charset=utf-8", r.fileName);
});

// ---------------------------------------------------------------------------------------------------------- openapi

const P = "/api/vitnemal";
const TAG = "Vitnemål (seed 003)";

export const vitnemalOps: OpenApiOp[] = [
  { method: "get", path: `${P}/cases`, summary: "The class list: cases with the document each gets at `on` and its valid document (fødselsnummer masked)", tag: TAG, query: ListQuery, response: z.object({ items: z.array(RowSchema), total: z.number() }) },
  { method: "post", path: `${P}/cases`, summary: "Register a person's case (201; 422 for malformed input)", tag: TAG, body: CaseInputSchema, response: DetailSchema },
  { method: "get", path: `${P}/cases/:id`, summary: "A case with its preview, history and documents", tag: TAG, query: OnQuery, response: DetailSchema },
  { method: "put", path: `${P}/cases/:id`, summary: "Correct a case: a new version supersedes the old one (409 when stale)", tag: TAG, body: CorrectionSchema, response: DetailSchema },
  { method: "get", path: `${P}/cases/:id/preview`, summary: "The document as it would be issued at a date: findings and every line with why it is there", tag: TAG, query: OnQuery, response: PreviewSchema },
  { method: "post", path: `${P}/preview`, summary: "Preview an unsaved case input", tag: TAG, query: OnQuery, body: CaseInputSchema, response: PreviewSchema },
  {
    method: "post",
    path: `${P}/cases/:id/issue`,
    summary: "Issue the case's document with the next number (422 with the findings when any is an error; a second issue is a change)",
    tag: TAG,
    body: IssueBody,
    response: IssueResultSchema,
  },
  {
    method: "post",
    path: `${P}/issue-all`,
    summary: "Issue every case of a school year (last subject year = its spring) without a valid document, one transaction each; refused cases come back with their findings",
    tag: TAG,
    body: IssueAllBody,
    response: z.object({
      schoolYear: z.string(),
      issued: z.array(z.object({ caseId: z.string(), number: z.string() })),
      refused: z.array(z.object({ caseId: z.string(), name: z.string(), findings: z.array(FindingSchema) })),
      skipped: z.number(),
    }),
  },
  { method: "get", path: `${P}/documents`, summary: "Issued documents with their status, newest first", tag: TAG, response: z.array(DocumentSchema) },
  { method: "get", path: `${P}/documents/:number/pdf`, summary: "Download a document's PDF (audited); ?lang=nb|nn|en picks the labels (§2.1)", tag: TAG, query: PdfQuery, responseMediaType: "application/pdf" },
  { method: "post", path: `${P}/documents/:number/cancel`, summary: "Cancel a valid document (NVB reason KLA/FEI/ANN)", tag: TAG, body: CancelBody, response: z.object({ number: z.string(), status: z.literal("cancelled") }) },
  { method: "post", path: `${P}/documents/:number/duplicate`, summary: "A §2.11 duplicate (ways 1–2 same number, way 3 new number)", tag: TAG, body: DuplicateBody, response: IssueResultSchema },
  {
    method: "post",
    path: `${P}/documents/:number/reissue`,
    summary: "§2.12: a new document with the new fødselsnummer after a change of legal gender (the original is cancelled)",
    tag: TAG,
    body: ReissueBody,
    response: IssueResultSchema,
  },
  { method: "get", path: `${P}/nvb`, summary: "The NVB import file for a school year's documents and cancellations (audited; 422 with findings)", tag: TAG, query: NvbQuery, responseMediaType: "text/plain" },
];

export const vitnemalHttp: RulebookHttp = { prefix: P, router, ops: vitnemalOps };
