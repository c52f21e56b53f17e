/**
 * AUB HTTP routes (docs/api.md, "AUB (seed 004)"), mounted at /api/aub. Zod at the edge (400 for a malformed body or
 * query); the service decides everything else (403 role, 404 other institution, 409 stale, 422 rule). The actor — and
 * so the institution — comes from the auth middleware only.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { RulebookHttp } from "../../platform/http/app.ts";
import { ProblemError, type AppEnv } from "../../platform/http/context.ts";
import type { OpenApiOp } from "../../platform/http/openapi.ts";
import { jsonBody, queryOf } from "../../platform/http/validate.ts";
import * as docs from "./documents.ts";
import { importAtpCsv, importSchoolWeeksCsv } from "./import.ts";
import * as service from "./service.ts";

// ------------------------------------------------------------------------------------------------------------ schemas

const date = z.string().max(20);
const optDate = date.nullable().optional();
const Lang = z.enum(["da", "en"]).default("da");

const CATEGORIES = ["julemaerkefonden", "diplomatic-representation", "consular-representation", "international-organisation", "religious-community"] as const;

const ReligiousApplicationSchema = z.object({ receivedOn: date, documentationReceivedOn: optDate, conditionLapsedNoticeOn: optDate });

export const EmployerInputSchema = z.object({
  cvr: z.string().max(20),
  name: z.string().max(300),
  atpCovered: z.boolean().default(true),
  category: z.enum(CATEGORIES).nullable().default(null),
  hasPostedStaff: z.boolean().nullable().default(null),
  religiousApplications: z.array(ReligiousApplicationSchema).max(50).default([]),
  units: z.array(z.object({ se: z.string().max(20), name: z.string().max(300).nullable().optional() })).max(500).default([]),
});

const EmployerUpdateSchema = z.object({
  name: z.string().max(300),
  atpCovered: z.boolean().default(true),
  category: z.enum(CATEGORIES).nullable().default(null),
  hasPostedStaff: z.boolean().nullable().default(null),
  religiousApplications: z.array(ReligiousApplicationSchema).max(50).default([]),
  version: z.number().int().min(1),
  reason: z.string().max(1000),
});

const UnitSchema = z.object({ se: z.string().max(20), name: z.string().max(300).nullable().optional() });

export const AtpReportSchema = z.object({
  se: z.string().max(20).optional(),
  unitId: z.string().max(60).optional(),
  quarter: z.string().max(10),
  totalOere: z.number(),
  receivedOn: date,
  persons: z.array(z.object({ cpr: z.string().max(20), amountOere: z.number() })).max(10000).optional(),
  version: z.number().int().min(1).optional(),
  reason: z.string().max(1000).nullable().optional(),
});

const LengthSchema = z.union([z.object({ months: z.number() }), z.object({ weeks: z.number() }), z.object({ days: z.number() })]);

export const AgreementInputSchema = z.object({
  notifiedOn: date,
  employerCvr: z.string().max(20).nullable().optional(),
  employerSe: z.string().max(20).nullable().optional(),
  traineeName: z.string().max(300).nullable().optional(),
  traineeCpr: z.string().max(20).nullable().optional(),
  educationCode: z.string().max(50).nullable().optional(),
  educationName: z.string().max(300).nullable().optional(),
  paidHoursPerWeek: z.number().nullable().optional(),
  probation: LengthSchema.nullable().optional(),
  underEudLaw: z.boolean().default(false),
  employerSector: z.enum(["private", "state", "municipality", "region"]).default("private"),
  civilServantOnProbation: z.boolean().default(false),
  attachment: z.enum(["signed-agreement", "letter-of-appointment", "none"]).default("none"),
  signedByBoth: z.boolean().nullable().optional(),
  agreementStart: optDate,
  agreementEnd: optDate,
  terminatedOn: optDate,
});

const AgreementUpdateSchema = AgreementInputSchema.extend({ version: z.number().int().min(1), reason: z.string().max(1000) });

const EducationSchema = z.object({
  code: z.string().max(50),
  name: z.string().max(300),
  law20Stk4Nr: z.number().int().min(1).max(20),
  normalDurationMonths: z.number().int().min(1).max(240),
  listedFrom: optDate,
  listedTo: optDate,
});

const ApplicationSchema = z.object({
  educationName: z.string().max(300),
  content: z.string().max(10000).nullable().optional(),
  legalBasis: z.string().max(2000).nullable().optional(),
  otherFacts: z.string().max(10000).nullable().optional(),
  law20Stk4Nr: z.number().int().min(1).max(20).nullable().optional(),
  normalDurationMonths: z.number().int().min(1).max(240).nullable().optional(),
  receivedOn: date,
});

const DecisionSchema = z.object({
  approved: z.boolean(),
  decidedOn: date,
  code: z.string().max(50).nullable().optional(),
  normalDurationMonths: z.number().int().min(1).max(240).nullable().optional(),
  law20Stk4Nr: z.number().int().min(1).max(20).nullable().optional(),
});

const ParameterSchema = z.object({
  kind: z.enum(["contribution-rate", "full-quarter-atp", "su-rate"]),
  validFrom: date,
  validTo: date,
  valueOere: z.number(),
  source: z.string().max(1000),
  factsRow: z.string().max(500).nullable().optional(),
  sureness: z.enum(["certain", "good", "medium", "low"]),
  secondary: z.boolean(),
  note: z.string().max(2000).nullable().optional(),
});

const ParameterCorrectionSchema = ParameterSchema.omit({ kind: true }).extend({ reason: z.string().max(2000) });

const AtpReportQuery = z.object({ se: z.string().max(20), quarter: z.string().max(10) });

const SchoolWeekLineSchema = z.object({
  cpr: z.string().max(20).nullable().optional(),
  education: z.string().max(300).nullable().optional(),
  speciality: z.string().max(300).nullable().optional(),
  part: z.enum(["grundforloeb", "hovedforloeb"]).nullable().optional(),
  supplementaryStudyPreparatory: z.boolean(),
  weeks: z.number(),
  from: date,
  to: date,
});
const SchoolWeekReportSchema = z.object({ school: z.string().max(300), receivedOn: date, lines: z.array(SchoolWeekLineSchema).max(100000) });

const PrepaymentSchema = z.object({ year: z.number().int(), estimatedGrantOere: z.number(), administrationOere: z.number() });
const AttestationSchema = z.object({ school: z.string().max(300), year: z.number().int(), attestedWeeks: z.number() });

const ListQuery = z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).optional() });
const ContributionQuery = z.object({ quarter: z.string().max(10).optional(), employerId: z.string().max(60).optional() });
const StatementQuery = z.object({ quarter: z.string().max(10), format: z.enum(["pdf", "json"]).default("pdf"), lang: Lang });
const YearQuery = z.object({ year: z.string().max(4) });
const YearDocQuery = z.object({ year: z.string().max(4), format: z.enum(["pdf", "xlsx"]).default("pdf"), lang: Lang });
const AttestationDocQuery = z.object({ year: z.string().max(4), school: z.string().max(300), lang: Lang });
const AgreementListQuery = z.object({ employerId: z.string().max(60).optional() });
const ImportQuery = z.object({ school: z.string().max(300).optional(), receivedOn: z.string().max(20).optional() });

const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  cite: z.object({ seed: z.string(), ref: z.string() }),
  message: z.object({ en: z.string(), da: z.string().optional() }),
  subject: z.string().optional(),
});
const Obj = z.record(z.string(), z.unknown());

// ------------------------------------------------------------------------------------------------------------- router

/** The largest CSV file the import routes accept (bytes). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

function download(body: string | Buffer, mediaType: string, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "content-type": mediaType, "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`, "cache-control": "no-store" },
  });
}

async function csvText(c: { req: { header(n: string): string | undefined; text(): Promise<string> } }): Promise<string> {
  const len = Number(c.req.header("content-length") ?? "0");
  if (len > MAX_IMPORT_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_IMPORT_BYTES} bytes`);
  const ct = c.req.header("content-type") ?? "";
  if (ct !== "" && !/^(text\/(csv|plain)|application\/(csv|octet-stream))\b/i.test(ct)) throw new ProblemError(400, "Bad Request", [], `send the file as text/csv (got ${ct.split(";")[0]})`);
  const text = await c.req.text();
  if (text.length > MAX_IMPORT_BYTES) throw new ProblemError(413, "Content Too Large", [], `the file is larger than ${MAX_IMPORT_BYTES} bytes`);
  return text;
}

const yearOf = (s: string): number => {
  const y = Number(s);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw service.refuse([service.inputFinding("year", "year", s, `"${s}" is not a year.`, `"${s}" er ikke et år.`)], "not a year");
  return y;
};

const router = new Hono<AppEnv>();

router.get("/parameters", async (c) => c.json(await service.listParameters(c.get("db"), c.get("actor"))));
router.post("/parameters", async (c) => c.json(await service.addParameter(c.get("db"), c.get("actor"), await jsonBody(c, ParameterSchema)), 201));
router.post("/parameters/:id/correction", async (c) => c.json(await service.correctParameter(c.get("db"), c.get("actor"), c.req.param("id"), await jsonBody(c, ParameterCorrectionSchema)), 201));

router.get("/employers", async (c) => c.json(await service.listEmployers(c.get("db"), c.get("actor"), queryOf(c, ListQuery))));
router.post("/employers", async (c) => c.json(await service.createEmployer(c.get("db"), c.get("actor"), await jsonBody(c, EmployerInputSchema)), 201));
router.get("/employers/:id", async (c) => c.json(await service.getEmployer(c.get("db"), c.get("actor"), c.req.param("id"))));
router.put("/employers/:id", async (c) => c.json(await service.updateEmployer(c.get("db"), c.get("actor"), c.req.param("id"), await jsonBody(c, EmployerUpdateSchema))));
router.post("/employers/:id/units", async (c) => c.json(await service.addUnit(c.get("db"), c.get("actor"), c.req.param("id"), await jsonBody(c, UnitSchema)), 201));
router.get("/employers/:id/statement", async (c) => {
  const { quarter, format, lang } = queryOf(c, StatementQuery);
  const s = await service.contributionStatement(c.get("db"), c.get("actor"), c.req.param("id"), quarter);
  if (format === "json") return c.json(s);
  await service.auditExport(c.get("db"), c.get("actor"), "statement", { employerId: s.employer.id, quarter: s.quarter });
  return download(await docs.statementPdf(s, lang), "application/pdf", `aub-bidragsopgoerelse-${s.employer.cvr}-${s.quarter}.pdf`);
});

router.get("/atp-reports", async (c) => c.json(await service.atpReportVersions(c.get("db"), c.get("actor"), queryOf(c, AtpReportQuery))));
router.post("/atp-reports", async (c) => c.json(await service.fileAtpReport(c.get("db"), c.get("actor"), await jsonBody(c, AtpReportSchema)), 201));
router.post("/atp-reports/import", async (c) => c.json(await importAtpCsv(c.get("db"), c.get("actor"), await csvText(c))));

router.get("/contributions", async (c) => c.json(await service.listContributions(c.get("db"), c.get("actor"), queryOf(c, ContributionQuery))));

router.get("/educations", async (c) => c.json(await service.listEducations(c.get("db"), c.get("actor"))));
router.post("/educations", async (c) => c.json(await service.addEducation(c.get("db"), c.get("actor"), await jsonBody(c, EducationSchema)), 201));
router.get("/education-applications", async (c) => c.json(await service.listApplications(c.get("db"), c.get("actor"))));
router.post("/education-applications", async (c) => c.json(await service.createApplication(c.get("db"), c.get("actor"), await jsonBody(c, ApplicationSchema)), 201));
router.post("/education-applications/:id/decision", async (c) => c.json(await service.decideApplication(c.get("db"), c.get("actor"), c.req.param("id"), await jsonBody(c, DecisionSchema))));

router.get("/agreements", async (c) => c.json(await service.listAgreements(c.get("db"), c.get("actor"), queryOf(c, AgreementListQuery))));
router.post("/agreements", async (c) => c.json(await service.notifyAgreement(c.get("db"), c.get("actor"), await jsonBody(c, AgreementInputSchema)), 201));
router.post("/agreements/check", async (c) => c.json(await service.checkAgreement(c.get("db"), c.get("actor"), await jsonBody(c, AgreementInputSchema))));
router.get("/agreements/:id", async (c) => c.json(await service.getAgreement(c.get("db"), c.get("actor"), c.req.param("id"))));
router.put("/agreements/:id", async (c) => c.json(await service.updateAgreement(c.get("db"), c.get("actor"), c.req.param("id"), await jsonBody(c, AgreementUpdateSchema))));

router.post("/school-weeks", async (c) => c.json(await service.reportSchoolWeeks(c.get("db"), c.get("actor"), await jsonBody(c, SchoolWeekReportSchema)), 201));
router.post("/school-weeks/import", async (c) => {
  const q = queryOf(c, ImportQuery);
  return c.json(await importSchoolWeeksCsv(c.get("db"), c.get("actor"), await csvText(c), q), 201);
});
router.get("/refunds", async (c) => c.json(await service.refundOverview(c.get("db"), c.get("actor"), yearOf(queryOf(c, YearQuery).year))));
router.get("/refunds/school-weeks", async (c) => {
  const { format, lang, year: y } = queryOf(c, YearDocQuery);
  const year = yearOf(y);
  const o = await service.refundOverview(c.get("db"), c.get("actor"), year);
  const lines = await service.schoolWeekLines(c.get("db"), c.get("actor"), year);
  await service.auditExport(c.get("db"), c.get("actor"), "school-weeks", { year, format });
  if (format === "xlsx") return download(await docs.schoolWeeksXlsx(o, lines, lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `aub-skoleuger-${year}.xlsx`);
  return download(await docs.schoolWeeksPdf(o, lines, lang), "application/pdf", `aub-skoleuger-${year}.pdf`);
});
router.post("/prepayments", async (c) => c.json(await service.setPrepayments(c.get("db"), c.get("actor"), await jsonBody(c, PrepaymentSchema)), 201));
router.get("/settlements", async (c) => c.json(await service.settlement(c.get("db"), c.get("actor"), yearOf(queryOf(c, YearQuery).year))));
router.get("/settlements/document", async (c) => {
  const { format, lang, year: y } = queryOf(c, YearDocQuery);
  const year = yearOf(y);
  const s = await service.settlement(c.get("db"), c.get("actor"), year);
  const o = await service.refundOverview(c.get("db"), c.get("actor"), year);
  await service.auditExport(c.get("db"), c.get("actor"), "settlement", { year, format });
  if (format === "xlsx") return download(await docs.settlementXlsx(year, s, o, lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `aub-slutregulering-${year}.xlsx`);
  return download(await docs.settlementPdf(year, s, o, lang), "application/pdf", `aub-slutregulering-${year}.pdf`);
});
router.post("/attestations", async (c) => c.json(await service.attest(c.get("db"), c.get("actor"), await jsonBody(c, AttestationSchema)), 201));
router.get("/attestations/document", async (c) => {
  const { school, lang, year: y } = queryOf(c, AttestationDocQuery);
  const year = yearOf(y);
  const lines = await service.schoolWeekLines(c.get("db"), c.get("actor"), year, school);
  await service.auditExport(c.get("db"), c.get("actor"), "attestation", { year, school });
  return download(await docs.attestationPdf(school, year, lines, lang), "application/pdf", `aub-ledelses-og-revisorerklaering-${year}.pdf`);
});

// ---------------------------------------------------------------------------------------------------------- openapi

const P = "/api/aub";
const TAG = "AUB (seed 004)";

export const aubOps: OpenApiOp[] = [
  { method: "get", path: `${P}/parameters`, summary: "Dated parameters (shipped and added), with source and secondary-source flag", tag: TAG, response: z.array(Obj) },
  { method: "post", path: `${P}/parameters`, summary: "Add a year's value (admin; 422 on overlap); charges the reports that waited for it", tag: TAG, body: ParameterSchema, response: z.object({ parameters: z.array(Obj), charged: z.array(Obj) }) },
  { method: "post", path: `${P}/parameters/:id/correction`, summary: "Correct an added row by a superseding row with a reason (admin; choice 20); recalculates as new charges with the difference", tag: TAG, body: ParameterCorrectionSchema, response: z.object({ parameters: z.array(Obj), superseded: Obj, replacement: Obj, recalculated: z.array(Obj), refunds: z.array(Obj) }) },
  { method: "get", path: `${P}/employers`, summary: "List employers", tag: TAG, query: ListQuery, response: z.object({ items: z.array(Obj), total: z.number() }) },
  { method: "post", path: `${P}/employers`, summary: "Register an employer with its ATP-reporting units (422 for a bad CVR/SE)", tag: TAG, body: EmployerInputSchema, response: Obj },
  { method: "get", path: `${P}/employers/:id`, summary: "An employer with units, § 2 exemptions and history", tag: TAG, response: Obj },
  { method: "put", path: `${P}/employers/:id`, summary: "Change an employer (new version, 409 when stale); recalculates its quarters", tag: TAG, body: EmployerUpdateSchema, response: Obj },
  { method: "post", path: `${P}/employers/:id/units`, summary: "Add an ATP-reporting unit (SE)", tag: TAG, body: UnitSchema, response: Obj },
  { method: "get", path: `${P}/employers/:id/statement`, summary: "Contribution statement for a quarter (PDF, or JSON with format=json)", tag: TAG, query: StatementQuery, responseMediaType: "application/pdf" },
  { method: "get", path: `${P}/atp-reports`, summary: "A unit's ATP report for a quarter: the unit, its employer and every version (the current one is the one a correction names)", tag: TAG, query: AtpReportQuery, response: Obj },
  { method: "post", path: `${P}/atp-reports`, summary: "File an ATP report or a correction (§ 3, stk. 2; 409 when stale)", tag: TAG, body: AtpReportSchema, response: z.object({ report: Obj, contribution: Obj.nullable(), charge: Obj.nullable(), findings: z.array(FindingSchema) }) },
  { method: "post", path: `${P}/atp-reports/import`, summary: "Import ATP reports from CSV, all or nothing", tag: TAG, body: z.string(), bodyMediaType: "text/csv", response: Obj },
  { method: "get", path: `${P}/contributions`, summary: "Charged contributions per employer and quarter, and per quarter", tag: TAG, query: ContributionQuery, response: Obj },
  { method: "get", path: `${P}/educations`, summary: "Exempt educations (§ 4)", tag: TAG, response: z.array(Obj) },
  { method: "post", path: `${P}/educations`, summary: "Add an education from the list at virk.dk/aub", tag: TAG, body: EducationSchema, response: z.array(Obj) },
  { method: "get", path: `${P}/education-applications`, summary: "Applications to approve an education (§ 4, stk. 2)", tag: TAG, response: z.array(Obj) },
  { method: "post", path: `${P}/education-applications`, summary: "Register an application (§ 4, stk. 2)", tag: TAG, body: ApplicationSchema, response: Obj },
  { method: "post", path: `${P}/education-applications/:id/decision`, summary: "Decide an application (§ 4, stk. 3)", tag: TAG, body: DecisionSchema, response: Obj },
  { method: "get", path: `${P}/agreements`, summary: "Notified education agreements", tag: TAG, query: AgreementListQuery, response: z.array(Obj) },
  { method: "post", path: `${P}/agreements`, summary: "Notify an agreement (§ 5); saved with its §§ 5–6 findings", tag: TAG, body: AgreementInputSchema, response: Obj },
  { method: "post", path: `${P}/agreements/check`, summary: "What §§ 5–6 say about a notification, without saving", tag: TAG, body: AgreementInputSchema, response: Obj },
  { method: "get", path: `${P}/agreements/:id`, summary: "An agreement with findings, exemption and history", tag: TAG, response: Obj },
  { method: "put", path: `${P}/agreements/:id`, summary: "Complete or correct an agreement (new version, 409 when stale)", tag: TAG, body: AgreementUpdateSchema, response: Obj },
  { method: "post", path: `${P}/school-weeks`, summary: "Report eligible school weeks (§ 9), all or nothing", tag: TAG, body: SchoolWeekReportSchema, response: Obj },
  { method: "post", path: `${P}/school-weeks/import`, summary: "Import school weeks from CSV, all or nothing", tag: TAG, query: ImportQuery, body: z.string(), bodyMediaType: "text/csv", response: Obj },
  { method: "get", path: `${P}/refunds`, summary: "Wage refund of a year (§§ 7–9) with prepayments", tag: TAG, query: YearQuery, response: Obj },
  { method: "get", path: `${P}/refunds/school-weeks`, summary: "The school-week report (PDF or XLSX)", tag: TAG, query: YearDocQuery, responseMediaType: "application/pdf" },
  { method: "post", path: `${P}/prepayments`, summary: "The state's quarterly prepayments for a year (§ 8)", tag: TAG, body: PrepaymentSchema, response: Obj },
  { method: "get", path: `${P}/settlements`, summary: "Year-end settlement (§ 8)", tag: TAG, query: YearQuery, response: Obj },
  { method: "get", path: `${P}/settlements/document`, summary: "The settlement (PDF or XLSX)", tag: TAG, query: YearDocQuery, responseMediaType: "application/pdf" },
  { method: "post", path: `${P}/attestations`, summary: "Check the auditor's attested school weeks (§ 11)", tag: TAG, body: AttestationSchema, response: Obj },
  { method: "get", path: `${P}/attestations/document`, summary: "Ledelses- og Revisorerklæring (§ 11) as PDF", tag: TAG, query: AttestationDocQuery, responseMediaType: "application/pdf" },
];

export const aubHttp: RulebookHttp = { prefix: P, router, ops: aubOps };
