/**
 * Sprogprøve HTTP routes (docs/api.md, "Sprogprøver (seed 001)"), mounted at /api/sprogprove. Zod at the edge (400 for
 * a malformed body or query); the service decides everything else (403 role, 404 other institution, 409 stale,
 * 422 bad input with findings, 423 after the close). The actor — and so the institution — comes from the auth
 * middleware only.
 *
 * The decision date is today in Copenhagen. Only in tests (NODE_ENV=test) may a request name another date in the
 * `X-Bevis-Today` header (deadline tests at HTTP level); elsewhere the header is ignored.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { RulebookHttp } from "../../platform/http/app.ts";
import { ProblemError, type AppEnv } from "../../platform/http/context.ts";
import type { OpenApiOp } from "../../platform/http/openapi.ts";
import { jsonBody, queryOf } from "../../platform/http/validate.ts";
import { parseIsoDate, todayIn, type IsoDate } from "../../kernel/time/date.ts";
import { transferOrRefuse } from "./import.ts";
import * as service from "./service.ts";
import { submissionXlsx } from "./xlsx.ts";

// ------------------------------------------------------------------------------------------------------------ schemas

const CoverageSchema = z.object({
  pupilsTotal: z.number().int(),
  pupilsInListedAreas: z.number().int(),
  source: z.string().max(500).nullable().optional(),
});
const OverrideSchema = z.object({ covered: z.boolean(), reason: z.string().max(1000) });
/** The count is taken as any JSON value so that a CPR number or a list gets its own finding (422), not a 400. */
const CountSchema = z.union([z.number(), z.string().max(200), z.array(z.union([z.string().max(50), z.number()])).max(1000), z.null()]);

export const YearInputSchema = z.object({
  schoolYear: z.string().max(20),
  coverage: CoverageSchema.nullable().optional(),
  coveredOverride: OverrideSchema.nullable().optional(),
  exemptedCount: CountSchema.optional(),
});

const YearCorrectionSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().max(1000).default(""),
  coverage: CoverageSchema.nullable().optional(),
  coveredOverride: OverrideSchema.nullable().optional(),
  exemptedCount: CountSchema.optional(),
});

const AttemptSchema = z.object({
  /** A number 1–4; strings and other numbers are accepted here and refused by the rules with a finding. */
  no: z.union([z.number(), z.string().max(20)]),
  /** "Sprogparat", "Ikke sprogparat", "Intet resultat" or the codes; other values are refused with a finding. */
  result: z.string().max(100).nullable(),
  heldOn: z.string().max(20).nullable().optional(),
  delprover: z.array(z.object({ no: z.number().int(), value: z.string().max(200).nullable() })).max(10).optional(),
});

const DsaSchema = z.object({ receiving: z.boolean(), schoolYearsReceived: z.number().int().min(0).max(20), leaderJudgesNoLongerNeeded: z.boolean() });
const ExemptionSchema = z.object({
  considerableDisability: z.boolean(),
  pppAssessment: z.boolean(),
  specialConditionsConsidered: z.boolean(),
  decidedOn: z.string().max(20).optional(),
});

const PupilFields = {
  classLevel: z.union([z.number(), z.string().max(30)]),
  classLevelSchoolYear: z.string().max(20).nullable().optional(),
  toBeTested: z.boolean().nullable().default(null),
  dsa: DsaSchema.nullable().optional(),
  exemption: ExemptionSchema.nullable().optional(),
  attempts: z.array(AttemptSchema).max(10).default([]),
  sommerskole: z.boolean().default(false),
  specialPermission: z.boolean().default(false),
  previouslyPostponed: z.boolean().default(false),
  rykkerOp: z.boolean().nullable().default(null),
  /** For staff only, never reported. In a correction, left out = kept. */
  name: z.string().max(1000).nullable().optional(),
};

export const PupilInputSchema = z.object({ cpr: z.string().max(20), ...PupilFields });
const PupilCorrectionSchema = z.object({ ...PupilFields, version: z.number().int().min(1), reason: z.string().max(1000).optional() });
/** A departure (leaving.ts) or, with `left: null`, taking it back; the date and reason are checked by the rules (422). */
const LeavingSchema = z.object({
  version: z.number().int().min(1),
  left: z.object({ on: z.string().max(40), reason: z.string().max(2000) }).nullable(),
  reason: z.string().max(1000).optional(),
});
const CheckSchema = z.object({ cpr: z.string().max(20).optional(), pupilId: z.string().max(40).nullable().optional(), ...PupilFields });

const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  cite: z.object({ seed: z.string(), ref: z.string() }),
  message: z.object({ en: z.string(), da: z.string().optional() }),
  subject: z.string().optional(),
});
const DecisionSchema = z.object({ value: z.unknown(), because: z.array(FindingSchema) });
const YearSummarySchema = z.object({
  id: z.string(),
  schoolYear: z.string(),
  startYear: z.number(),
  version: z.number(),
  closes: z.string(),
  open: z.boolean(),
  pupils: z.number(),
  submissions: z.number(),
  lastSubmission: z.object({ number: z.number(), complete: z.boolean(), createdAt: z.string() }).nullable(),
});
const YearDetailSchema = YearSummarySchema.extend({
  school: z.record(z.string(), z.unknown()),
  covered: DecisionSchema,
  exemptedCount: z.number().nullable(),
  mustResubmit: DecisionSchema,
  window: DecisionSchema,
  history: z.array(z.object({ version: z.number(), recordedAt: z.string(), recordedBy: z.string(), reason: z.string().nullable() })),
});
const PupilRowSchema = z.object({
  id: z.string(),
  cprMasked: z.string(),
  name: z.string().nullable(),
  classLevel: z.number(),
  toBeTested: z.boolean().nullable(),
  results: z.array(z.string().nullable()),
  sprogparatIn: z.number().nullable(),
  sommerskole: z.boolean(),
  specialPermission: z.boolean(),
  rykkerOp: z.boolean().nullable(),
  errors: z.number(),
  warnings: z.number(),
  version: z.number(),
  left: z.object({ on: z.string(), reason: z.string() }).nullable(),
  reported: z.boolean(),
});
const PupilVersionSchema = z.object({
  version: z.number(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  reason: z.string().nullable(),
  supersededAt: z.string().nullable(),
  changed: z.array(z.string()),
  values: z.record(z.string(), z.unknown()),
});
const PupilDetailSchema = z.object({
  pupil: z.record(z.string(), z.unknown()),
  findings: z.array(FindingSchema),
  promotion: DecisionSchema.nullable(),
  history: z.array(PupilVersionSchema),
});
const YearChangeSchema = z.object({
  pupilId: z.string(),
  cprMasked: z.string(),
  name: z.string().nullable(),
  classLevel: z.number(),
  version: z.number(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  reason: z.string().nullable(),
  changed: z.array(z.string()),
});
const PupilListReportSchema = z.object({
  added: z.array(
    z.object({ pupilId: z.string(), line: z.number(), cprMasked: z.string(), classLevel: z.number(), toBeTested: z.boolean().nullable(), left: z.string().nullable() }),
  ),
  kept: z.array(z.object({ pupilId: z.string(), line: z.number(), cprMasked: z.string(), differs: z.array(z.string()) })),
  left: z.array(z.object({ pupilId: z.string(), line: z.number(), cprMasked: z.string(), on: z.string(), reason: z.string(), version: z.number() })),
  findings: z.array(FindingSchema),
});
const ReceiptSchema = z.object({
  complete: z.boolean(),
  steps: z.record(z.string(), z.array(FindingSchema)),
  schoolCovered: z.boolean().nullable(),
  reported: z.object({ bhkl: z.number(), "1-9": z.number() }),
  left: z.object({ reported: z.number(), notReported: z.number() }).optional(),
  pupils: z.record(z.string(), z.object({ cprMasked: z.string(), classLevel: z.number() })),
  errors: z.number(),
  warnings: z.number(),
});
const SubmissionSummarySchema = z.object({
  id: z.string(),
  number: z.number(),
  decidedOn: z.string(),
  complete: z.boolean(),
  errors: z.number(),
  warnings: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
const SubmissionDetailSchema = SubmissionSummarySchema.extend({ schoolYear: z.string(), receipt: ReceiptSchema });
const TransferReportSchema = z.object({
  taken: z.array(z.object({ pupilId: z.string(), cprMasked: z.string(), attempts: z.number() })),
  kept: z.array(z.object({ pupilId: z.string(), cprMasked: z.string(), attempts: z.number() })),
  unmatched: z.array(z.string()),
  findings: z.array(FindingSchema),
});
const OverviewSchema = z.object({
  schoolYear: z.string(),
  levels: z.array(
    z.object({
      classLevel: z.number(),
      pupils: z.number(),
      tested: z.number(),
      left: z.number(),
      sprogparat: z.number(),
      attempts: z.array(z.object({ no: z.number(), registered: z.number(), sprogparat: z.number(), ikkeSprogparat: z.number(), intetResultat: z.number() })),
    }),
  ),
});
const TransferQuery = z.object({ format: z.enum(["csv", "json"]).optional() });

// ------------------------------------------------------------------------------------------------------------- router

/** The largest transfer file accepted (bytes). */
export const MAX_TRANSFER_BYTES = 16 * 1024 * 1024;

/** Today in Copenhagen; in tests only, the `X-Bevis-Today` header may name another date. */
export function decisionDate(c: Context<AppEnv>): IsoDate {
  const h = c.req.header("x-bevis-today");
  if (h && process.env.NODE_ENV === "test") {
    const d = parseIsoDate(h);
    if (d) return d;
  }
  return todayIn("Europe/Copenhagen");
}

const on = (c: Context<AppEnv>) => ({ on: decisionDate(c) });

function download(body: Buffer, mediaType: string, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": mediaType,
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

const router = new Hono<AppEnv>();
const db = (c: Context<AppEnv>) => c.get("db");
const actor = (c: Context<AppEnv>) => c.get("actor");

router.get("/years", async (c) => c.json(await service.listYears(db(c), actor(c), on(c))));
router.post("/years", async (c) => c.json(await service.createYear(db(c), actor(c), await jsonBody(c, YearInputSchema), on(c)), 201));
router.get("/years/:id", async (c) => c.json(await service.getYear(db(c), actor(c), c.req.param("id"), on(c))));
router.put("/years/:id", async (c) => c.json(await service.correctYear(db(c), actor(c), c.req.param("id"), await jsonBody(c, YearCorrectionSchema), on(c))));

router.get("/years/:id/pupils", async (c) => c.json(await service.listPupils(db(c), actor(c), c.req.param("id"), on(c))));
router.post("/years/:id/pupils", async (c) =>
  c.json(await service.createPupil(db(c), actor(c), c.req.param("id"), await jsonBody(c, PupilInputSchema), on(c)), 201),
);
router.get("/years/:id/pupils/:pupilId", async (c) => c.json(await service.getPupil(db(c), actor(c), c.req.param("id"), c.req.param("pupilId"), on(c))));
router.put("/years/:id/pupils/:pupilId", async (c) =>
  c.json(await service.correctPupil(db(c), actor(c), c.req.param("id"), c.req.param("pupilId"), await jsonBody(c, PupilCorrectionSchema), on(c))),
);
router.post("/years/:id/pupils/:pupilId/left", async (c) =>
  c.json(await service.recordLeaving(db(c), actor(c), c.req.param("id"), c.req.param("pupilId"), await jsonBody(c, LeavingSchema), on(c))),
);
router.post("/years/:id/check", async (c) => c.json(await service.checkDraft(db(c), actor(c), c.req.param("id"), await jsonBody(c, CheckSchema), on(c))));
router.get("/years/:id/receipt", async (c) => c.json(await service.draftReceipt(db(c), actor(c), c.req.param("id"), on(c))));
router.get("/years/:id/overview", async (c) => c.json(await service.overview(db(c), actor(c), c.req.param("id"))));

router.post("/years/:id/transfer", async (c) => {
  const len = Number(c.req.header("content-length") ?? "0");
  if (len > MAX_TRANSFER_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_TRANSFER_BYTES} bytes`);
  const { format } = queryOf(c, TransferQuery);
  const ct = c.req.header("content-type") ?? "";
  const text = await c.req.text();
  if (text.length > MAX_TRANSFER_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_TRANSFER_BYTES} bytes`);
  // Look the year up first, so another institution's year is a 404 whatever the file holds.
  await service.getYear(db(c), actor(c), c.req.param("id"), on(c));
  const kind = format ?? (/json/i.test(ct) ? "json" : /csv|text\/plain/i.test(ct) ? "csv" : undefined);
  const records = transferOrRefuse(text, kind);
  return c.json(await service.applyTransfer(db(c), actor(c), c.req.param("id"), records, { ...on(c), source: "http" }));
});

router.post("/years/:id/pupil-list", async (c) => {
  const len = Number(c.req.header("content-length") ?? "0");
  if (len > MAX_TRANSFER_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_TRANSFER_BYTES} bytes`);
  const text = await c.req.text();
  if (text.length > MAX_TRANSFER_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_TRANSFER_BYTES} bytes`);
  return c.json(await service.importPupils(db(c), actor(c), c.req.param("id"), text, { ...on(c), source: "http" }));
});
router.get("/years/:id/changes", async (c) => c.json(await service.yearChanges(db(c), actor(c), c.req.param("id"))));

router.get("/years/:id/submissions", async (c) => c.json(await service.listSubmissions(db(c), actor(c), c.req.param("id"))));
router.post("/years/:id/submissions", async (c) => c.json(await service.submit(db(c), actor(c), c.req.param("id"), on(c)), 201));
router.get("/years/:id/submissions/:submissionId", async (c) =>
  c.json(await service.getSubmission(db(c), actor(c), c.req.param("id"), c.req.param("submissionId"))),
);
router.get("/years/:id/submissions/:submissionId/xlsx", async (c) => {
  const x = await service.exportSubmission(db(c), actor(c), c.req.param("id"), c.req.param("submissionId"), "xlsx");
  const bytes = await submissionXlsx(x.detail, x.report, x.school);
  return download(
    bytes,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    `sprogprover-${x.school.code}-${x.detail.schoolYear.replace("/", "-")}-nr${x.detail.number}.xlsx`,
  );
});

// ---------------------------------------------------------------------------------------------------------- openapi

const P = "/api/sprogprove";
const TAG = "Sprogprøver (seed 001)";

export const sprogproveOps: OpenApiOp[] = [
  { method: "get", path: `${P}/years`, summary: "The reported school years of the school", tag: TAG, response: z.array(YearSummarySchema) },
  {
    method: "post",
    path: `${P}/years`,
    summary: "Open a school year: coverage and the count of exempted pupils (201; 422 for a CPR in the count; 423 after the close)",
    tag: TAG,
    body: YearInputSchema,
    response: YearDetailSchema,
  },
  { method: "get", path: `${P}/years/:id`, summary: "A school year: coverage and why, window, resubmission, history", tag: TAG, response: YearDetailSchema },
  {
    method: "put",
    path: `${P}/years/:id`,
    summary: "Change the school's data for the year (new version; 409 when stale)",
    tag: TAG,
    body: YearCorrectionSchema,
    response: YearDetailSchema,
  },
  { method: "get", path: `${P}/years/:id/pupils`, summary: "The pupil list (CPR masked) with results and finding counts", tag: TAG, response: z.object({ items: z.array(PupilRowSchema), total: z.number() }) },
  {
    method: "post",
    path: `${P}/years/:id/pupils`,
    summary: "Register a pupil with class level, attempts and check boxes (201; 422 for bad input, nothing saved)",
    tag: TAG,
    body: PupilInputSchema,
    response: PupilDetailSchema,
  },
  { method: "get", path: `${P}/years/:id/pupils/:pupilId`, summary: "A pupil with findings, promotion and history", tag: TAG, response: PupilDetailSchema },
  {
    method: "post",
    path: `${P}/years/:id/pupils/:pupilId/left`,
    summary:
      "Record that the pupil left the school (left: { on, reason }) or take it back (left: null, reason): a new version, nothing deleted (409 stale; 422 bad date/reason; 403 laerer/readonly; 423 after the close)",
    tag: TAG,
    body: LeavingSchema,
    response: PupilDetailSchema,
  },
  {
    method: "put",
    path: `${P}/years/:id/pupils/:pupilId`,
    summary: "Correct a pupil: a new version supersedes the old one (409 when stale; 422 for bad input)",
    tag: TAG,
    body: PupilCorrectionSchema,
    response: PupilDetailSchema,
  },
  {
    method: "post",
    path: `${P}/years/:id/check`,
    summary: "Live check of a draft pupil: findings per field, the forced attempts, the promotion (nothing saved)",
    tag: TAG,
    body: CheckSchema,
    response: z.object({ ok: z.boolean(), findings: z.array(FindingSchema), attempts: z.array(z.record(z.string(), z.unknown())).nullable(), promotion: DecisionSchema.nullable() }),
  },
  { method: "get", path: `${P}/years/:id/receipt`, summary: "The receipt as it would be now: every gap per step (not stored)", tag: TAG, response: ReceiptSchema },
  { method: "get", path: `${P}/years/:id/overview`, summary: "Attempts and sprogparat per attempt and class level (the chart)", tag: TAG, response: OverviewSchema },
  {
    method: "post",
    path: `${P}/years/:id/transfer`,
    summary: "Import results from sprogprøver.dk (CSV or JSON), all or nothing, never overwriting; report of taken and kept",
    tag: TAG,
    query: TransferQuery,
    body: z.string(),
    bodyMediaType: "text/csv",
    response: TransferReportSchema,
  },
  {
    method: "post",
    path: `${P}/years/:id/pupil-list`,
    summary:
      "Import the pupil list from the administrative system (CSV: cpr;klassetrin;navn;dsa_supplerende;dsa_skoleaar;skoleaar), all or nothing (422 lists every bad cell); pupils already in the year are kept, never overwritten",
    tag: TAG,
    body: z.string(),
    bodyMediaType: "text/csv",
    response: PupilListReportSchema,
  },
  {
    method: "get",
    path: `${P}/years/:id/changes`,
    summary: "The year's change log: every pupil version (who, when, why, which fields), newest first; CPR masked",
    tag: TAG,
    response: z.array(YearChangeSchema),
  },
  { method: "get", path: `${P}/years/:id/submissions`, summary: "Every submission of the year, newest first", tag: TAG, response: z.array(SubmissionSummarySchema) },
  {
    method: "post",
    path: `${P}/years/:id/submissions`,
    summary: "Submit (Indberet): Leder, Ledelse or TAP only (403 with the reason), until and including 5 September (423 after); the receipt lists every gap",
    tag: TAG,
    response: SubmissionDetailSchema,
  },
  { method: "get", path: `${P}/years/:id/submissions/:submissionId`, summary: "A stored submission with its receipt", tag: TAG, response: SubmissionDetailSchema },
  {
    method: "get",
    path: `${P}/years/:id/submissions/:submissionId/xlsx`,
    summary: "Download the copy of the whole submission as XLSX (audited; Leder, Ledelse or TAP)",
    tag: TAG,
    responseMediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
];

export const sprogproveHttp: RulebookHttp = { prefix: P, router, ops: sprogproveOps };
