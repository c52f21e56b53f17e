/**
 * Zod at the edge: parse a request's JSON body or query string, or refuse with 400 and one finding per bad field
 * (naming the field, the value and what was expected).
 */
import type { Context } from "hono";
import type { z } from "zod";
import type { Finding } from "../../kernel/law.ts";
import { ProblemError } from "./context.ts";

/** Turns Zod issues into findings; the subject is the field path ("subCourses.0.startDate"). */
export function zodFindings(error: z.ZodError, prefix = ""): Finding[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const f: Finding = {
      rule: `input.${issue.code}`,
      severity: "error",
      cite: { seed: "reference", ref: "docs/api.md" },
      message: { en: `${prefix}${path || "(body)"}: ${issue.message}`, da: `${prefix}${path || "(indhold)"}: ${issue.message}` },
      subject: prefix + path,
    };
    return f;
  });
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ProblemError(400, "Bad Request", [], "the body is not valid JSON");
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new ProblemError(400, "Bad Request", zodFindings(r.error), "the body does not match the schema");
  return r.data;
}

export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const r = schema.safeParse(c.req.query());
  if (!r.success) throw new ProblemError(400, "Bad Request", zodFindings(r.error), "the query does not match the schema");
  return r.data;
}
