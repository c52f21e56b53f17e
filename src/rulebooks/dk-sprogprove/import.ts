/**
 * The transfer file from sprogprøver.dk (bh.kl. results registered there), in a documented layout
 * (docs/rulebooks/001-sprogprove.md "Transfer file"): CSV with one row per attempt, or JSON with one object per pupil.
 * Parsing is all or nothing: every bad cell becomes a finding naming the line and column, and nothing is imported
 * while any is bad. The merge itself (never overwrite) is the pure `mergeTransfer`, applied by service.applyTransfer.
 */
import { ProblemError } from "../../platform/http/context.ts";
import { CsvSyntaxError, parseCsv, sniffDelimiter, stripBom } from "../../platform/csv.ts";
import { finding, type Finding } from "../../kernel/law.ts";
import { maskCpr, parseCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import { parseIsoDate } from "../../kernel/time/date.ts";
import type { Attempt } from "./model.ts";
import { parseAttemptNo, parseResult, safeEcho } from "./parse.ts";
import type { TransferredPupil } from "./transfer.ts";

/** The CSV columns, in order (a header row is required; names are matched without regard to case). */
export const TRANSFER_COLUMNS = ["cpr", "forsoeg", "resultat", "delproeve1", "delproeve2", "delproeve3", "delproeve4", "dato"] as const;
const REQUIRED = ["cpr", "forsoeg", "resultat"] as const;

const layout = (subject: string, value: Finding["value"], en: string, da: string): Finding =>
  finding("sprogprove.input.transfer-layout", "error", { seed: "reference", ref: "docs/rulebooks/001-sprogprove.md" }, { en, da }, { subject, value });

interface RawAttempt {
  no: unknown;
  result: unknown;
  heldOn?: unknown;
  delprover?: unknown;
}

function attemptOf(raw: RawAttempt, at: string, out: Finding[]): Attempt | null {
  const no = parseAttemptNo(raw.no, "bhkl", `${at}forsoeg`);
  const result = parseResult(raw.result, `${at}resultat`);
  out.push(...no.because, ...result.because);
  const a: Attempt = { no: no.value ?? 0, result: result.value };
  if (raw.heldOn !== undefined && raw.heldOn !== null && raw.heldOn !== "") {
    const d = typeof raw.heldOn === "string" ? parseIsoDate(raw.heldOn) : undefined;
    if (!d) out.push(layout(`${at}dato`, safeEcho(raw.heldOn), `"${safeEcho(raw.heldOn)}" is not a date (YYYY-MM-DD).`, `"${safeEcho(raw.heldOn)}" er ikke en dato (ÅÅÅÅ-MM-DD).`));
    else a.heldOn = d;
  }
  if (Array.isArray(raw.delprover)) {
    const ds = raw.delprover as unknown[];
    const list = ds.map((d, i) => {
      const o = (d ?? {}) as { no?: unknown; value?: unknown };
      const n = typeof o.no === "number" ? o.no : i + 1;
      const v = o.value === undefined || o.value === null || o.value === "" ? null : String(o.value);
      return { no: n, value: v };
    });
    if (list.some((d) => d.value !== null)) a.delprover = list;
  }
  return no.value === null || result.because.length > 0 ? null : a;
}

function cprOf(raw: unknown, subject: string, out: Finding[]): Cpr | null {
  const c = parseCpr(typeof raw === "string" ? raw : typeof raw === "number" ? String(raw).padStart(10, "0") : "", subject);
  out.push(...c.because.filter((f) => f.severity === "error"));
  return c.value;
}

function group(rows: { cpr: Cpr; attempt: Attempt; where: string }[], out: Finding[]): TransferredPupil[] {
  const byCpr = new Map<string, TransferredPupil>();
  for (const r of rows) {
    let p = byCpr.get(r.cpr);
    if (!p) byCpr.set(r.cpr, (p = { cpr: r.cpr, attempts: [] }));
    if (p.attempts.some((a) => a.no === r.attempt.no)) {
      out.push(
        layout(
          r.where,
          r.attempt.no,
          `Attempt ${r.attempt.no} of pupil ${maskCpr(r.cpr)} is given twice in the file.`,
          `Forsøg ${r.attempt.no} for elev ${maskCpr(r.cpr)} står to gange i filen.`,
        ),
      );
      continue;
    }
    p.attempts.push(r.attempt);
  }
  for (const p of byCpr.values()) p.attempts.sort((a, b) => a.no - b.no);
  return [...byCpr.values()];
}

function parseCsvTransfer(text: string): { records: TransferredPupil[]; findings: Finding[] } {
  const out: Finding[] = [];
  let recs;
  try {
    recs = parseCsv(stripBom(text), { delimiter: sniffDelimiter(stripBom(text)) });
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { records: [], findings: [layout(`line ${e.line}`, null, e.message, e.message)] };
    throw e;
  }
  const header = recs[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      records: [],
      findings: [
        layout(
          "line 1",
          missing.join(","),
          `The header row lacks the column(s) ${missing.join(", ")}; the layout is ${TRANSFER_COLUMNS.join(";")}.`,
          `Overskriftsrækken mangler kolonne(r) ${missing.join(", ")}; formatet er ${TRANSFER_COLUMNS.join(";")}.`,
        ),
      ],
    };
  const col = (name: string) => header.indexOf(name);
  const rows: { cpr: Cpr; attempt: Attempt; where: string }[] = [];
  for (const r of recs.slice(1)) {
    if (r.fields.every((f) => f.trim() === "")) continue;
    const at = `line ${r.line}: `;
    const get = (name: string) => (col(name) >= 0 ? (r.fields[col(name)] ?? "").trim() : "");
    const cpr = cprOf(get("cpr"), `${at}cpr`, out);
    const delprover = [1, 2, 3, 4].map((n) => ({ no: n, value: get(`delproeve${n}`) || null }));
    const a = attemptOf({ no: get("forsoeg"), result: get("resultat"), heldOn: get("dato"), delprover }, at, out);
    if (cpr && a) rows.push({ cpr, attempt: a, where: `${at}forsoeg` });
  }
  const records = group(rows, out);
  return { records, findings: out };
}

function parseJsonTransfer(text: string): { records: TransferredPupil[]; findings: Finding[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch {
    return { records: [], findings: [layout("(file)", null, "The file is not valid JSON.", "Filen er ikke gyldig JSON.")] };
  }
  const list = Array.isArray(raw) ? raw : (raw as { pupils?: unknown })?.pupils;
  if (!Array.isArray(list))
    return {
      records: [],
      findings: [layout("(file)", null, 'Expected {"pupils": [...]} or an array of pupils.', 'Forventede {"pupils": [...]} eller en liste af elever.')],
    };
  const out: Finding[] = [];
  const rows: { cpr: Cpr; attempt: Attempt; where: string }[] = [];
  list.forEach((p, i) => {
    const o = (p ?? {}) as { cpr?: unknown; attempts?: unknown };
    const at = `pupils.${i}.`;
    const cpr = cprOf(o.cpr, `${at}cpr`, out);
    if (!Array.isArray(o.attempts)) {
      out.push(layout(`${at}attempts`, null, "attempts must be a list.", "attempts skal være en liste."));
      return;
    }
    (o.attempts as RawAttempt[]).forEach((a, j) => {
      const where = `${at}attempts.${j}.`;
      const att = attemptOf(a ?? { no: null, result: null }, where, out);
      if (cpr && att) rows.push({ cpr, attempt: att, where: `${where}no` });
    });
  });
  return { records: group(rows, out), findings: out };
}

/** Parses a transfer file; `kind` from the content type or the first character. */
export function parseTransfer(text: string, kind?: "csv" | "json"): { records: TransferredPupil[]; findings: Finding[] } {
  const k = kind ?? (/^\s*[[{]/.test(stripBom(text)) ? "json" : "csv");
  return k === "json" ? parseJsonTransfer(text) : parseCsvTransfer(text);
}

/** All or nothing: the records, or a 422 listing every bad cell. */
export function transferOrRefuse(text: string, kind?: "csv" | "json"): TransferredPupil[] {
  const r = parseTransfer(text, kind);
  if (r.findings.some((f) => f.severity === "error"))
    throw new ProblemError(422, "Unprocessable Content", r.findings, `the transfer file has ${r.findings.length} problem(s); nothing was imported`);
  return r.records;
}
