/**
 * The OpenAPI 3.1 document, built from the same Zod schemas the routes validate with. Each rulebook's http module
 * exports its operations (`OpenApiOp[]`) next to its Hono router; the app collects them and serves `/openapi.json`.
 */
import { z } from "zod";

export interface OpenApiOp {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Full path in Hono style, e.g. "/api/amu/participations/:id". */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** Media type of the body when it is not JSON, e.g. "text/csv". */
  bodyMediaType?: string;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Media type of a non-JSON answer (e.g. "application/pdf"). */
  responseMediaType?: string;
  /** No login needed. */
  public?: boolean;
}

function schemaOf(s: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(s, { unrepresentable: "any", io: "input" }) as Record<string, unknown>;
}

export function openApiDocument(ops: readonly OpenApiOp[], info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const oaPath = op.path.replace(/:([A-Za-z_]+)/g, "{$1}");
    const params: unknown[] = [...op.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    if (op.query) {
      const js = schemaOf(op.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {}))
        params.push({ name, in: "query", required: js.required?.includes(name) ?? false, schema });
    }
    const operation: Record<string, unknown> = {
      summary: op.summary,
      tags: [op.tag],
      parameters: params,
      responses: {
        "200": {
          description: "OK",
          content: { [op.responseMediaType ?? "application/json"]: { schema: op.response ? schemaOf(op.response) : {} } },
        },
        default: {
          description: "Problem",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    };
    if (!op.public) operation.security = [{ session: [] }, { token: [] }];
    if (op.body)
      operation.requestBody = { required: true, content: { [op.bodyMediaType ?? "application/json"]: { schema: schemaOf(op.body) } } };
    (paths[oaPath] ??= {})[op.method] = operation;
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "bevis_session" },
        token: { type: "http", scheme: "bearer" },
      },
      schemas: {
        Problem: {
          type: "object",
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            findings: { type: "array", items: { $ref: "#/components/schemas/Finding" } },
          },
        },
        Finding: {
          type: "object",
          required: ["rule", "severity", "cite", "message"],
          properties: {
            rule: { type: "string" },
            severity: { enum: ["error", "warning", "info"] },
            cite: { type: "object", properties: { seed: { type: "string" }, ref: { type: "string" } } },
            message: { type: "object", properties: { en: { type: "string" }, da: { type: "string" }, nb: { type: "string" } } },
            subject: { type: "string" },
          },
        },
      },
    },
  };
}
