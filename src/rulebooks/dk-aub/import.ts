/**
 * CSV imports of the AUB rulebook — all or nothing, through the project's one RFC 4180 parser (platform/csv.ts).
 *
 * ATP reports (§ 3): header `se;quarter;totalOere;receivedOn[;version;reason;persons]`, one row per unit and quarter;
 * `persons` lists exempt-relevant person amounts as `cpr:oere|cpr:oere`. A row for a unit's quarter that already has a
 * report is a correction (the next version); several rows for one quarter follow one another.
 *
 * School weeks (§ 9): header `cpr;education;speciality;part;supplementary;weeks;from;to[;school]`; `part` is
 * grundforloeb/hovedforloeb (grundforløb/hovedforløb accepted), `supplementary` ja/nej/true/false/1/0. The school is
 * a column or the `school` option.
 *
 * Every row is checked first; one bad cell and nothing is saved (422 with a finding per bad cell naming its line).
 */
import { CsvSyntaxError, parseCsv, type CsvRecord } from "../../platform/csv.ts";
import type { Db } from "../../platform/db/connect.ts";
import { requireRole, WRITE_ROLES, type Actor } from "../../platform/http/context.ts";
import type { Finding } from "../../kernel/law.ts";
import { todayIn } from "../../kernel/time/date.ts";
import * as service from "./service.ts";

const cell = (r: CsvRecord, cols: Map<string, number>, name: string): string => {
  const i = cols.get(name.toLowerCase());
  return i === undefined ? "" : (r.fields[i] ?? "").trim();
};

function header(records: CsvRecord[], required: readonly string[], known: readonly string[]): { cols: Map<string, number>; problems: Finding[] } {
  const problems: Finding[] = [];
  const head = records[0];
  const cols = new Map<string, number>();
  if (!head) {
    problems.push(service.inputFinding("csv-empty", "line 1", null, "The file is empty.", "Filen er tom."));
    return { cols, problems };
  }
  head.fields.forEach((f, i) => cols.set(f.trim().toLowerCase(), i));
  for (const r of required)
    if (!cols.has(r.toLowerCase())) problems.push(service.inputFinding("csv-column-missing", `line 1: ${r}`, null, `The column "${r}" is missing (columns: ${known.join(";")}).`, `Kolonnen "${r}" mangler (kolonner: ${known.join(";")}).`));
  for (const c of cols.keys())
    if (!known.map((x) => x.toLowerCase()).includes(c)) problems.push(service.inputFinding("csv-column-unknown", `line 1: ${c}`, c, `Unknown column "${c}".`, `Ukendt kolonne "${c}".`));
  return { cols, problems };
}

function parse(text: string): CsvRecord[] {
  try {
    return parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw service.refuse([service.inputFinding("csv-syntax", `line ${e.line}`, null, e.message, `linje ${e.line}: ugyldig CSV (${e.message})`)], "the file is not valid CSV; nothing was imported");
    throw e;
  }
}

const intOf = (s: string): number => (/^-?\d+$/.test(s) ? Number(s) : Number.NaN);

export const ATP_COLUMNS = ["se", "quarter", "totalOere", "receivedOn", "version", "reason", "persons"] as const;

/** Imports ATP reports (and corrections) from CSV, all or nothing. */
export async function importAtpCsv(db: Db, actor: Actor, text: string): Promise<{ imported: number; corrections: number; differenceOere: number }> {
  requireRole(actor, WRITE_ROLES);
  const records = parse(text);
  const { cols, problems } = header(records, ["se", "quarter", "totalOere", "receivedOn"], ATP_COLUMNS);
  const rows: { line: number; input: service.AtpReportInput }[] = [];
  for (const r of records.slice(1)) {
    const total = intOf(cell(r, cols, "totalOere"));
    if (!Number.isSafeInteger(total) || total < 0)
      problems.push(service.inputFinding("atp-amount", `line ${r.line}: totalOere`, cell(r, cols, "totalOere"), `line ${r.line}: totalOere "${cell(r, cols, "totalOere")}" must be a whole, non-negative number of øre.`, `linje ${r.line}: totalOere "${cell(r, cols, "totalOere")}" skal være et helt, ikke-negativt antal øre.`));
    const persons: { cpr: string; amountOere: number }[] = [];
    const ps = cell(r, cols, "persons");
    if (ps !== "")
      for (const part of ps.split("|")) {
        const [cpr, amount] = part.split(":");
        const a = intOf((amount ?? "").trim());
        if (!Number.isSafeInteger(a) || a < 0) problems.push(service.inputFinding("atp-person-amount", `line ${r.line}: persons`, "(masked)", `line ${r.line}: a person amount must be a whole, non-negative number of øre.`, `linje ${r.line}: et personbeløb skal være et helt, ikke-negativt antal øre.`));
        persons.push({ cpr: (cpr ?? "").trim(), amountOere: a });
      }
    const v = cell(r, cols, "version");
    const input: service.AtpReportInput = { se: cell(r, cols, "se"), quarter: cell(r, cols, "quarter"), totalOere: total, receivedOn: cell(r, cols, "receivedOn"), persons };
    if (v !== "") input.version = intOf(v);
    const reason = cell(r, cols, "reason");
    if (reason !== "") input.reason = reason;
    rows.push({ line: r.line, input });
  }
  if (rows.length === 0 && problems.length === 0) problems.push(service.inputFinding("csv-no-rows", "line 2", null, "The file has no rows.", "Filen har ingen rækker."));
  if (problems.length > 0) throw service.refuse(problems, `the file has ${problems.length} problem(s); nothing was imported`);
  const out = await service.fileAtpReports(db, actor, rows);
  return {
    imported: out.length,
    corrections: out.filter((r) => r.report.version > 1).length,
    differenceOere: out.reduce((s, r) => s + (r.report.version > 1 ? (r.charge?.differenceOere ?? 0) : 0), 0),
  };
}

export const SCHOOL_WEEK_COLUMNS = ["cpr", "education", "speciality", "part", "supplementary", "weeks", "from", "to", "school"] as const;

const PART: Record<string, "grundforloeb" | "hovedforloeb"> = { grundforloeb: "grundforloeb", "grundforløb": "grundforloeb", hovedforloeb: "hovedforloeb", "hovedforløb": "hovedforloeb" };
const BOOL: Record<string, boolean> = { ja: true, nej: false, true: true, false: false, "1": true, "0": false, yes: true, no: false };

/** Imports an institution's report of school weeks (§ 9) from CSV, all or nothing. */
export async function importSchoolWeeksCsv(db: Db, actor: Actor, text: string, opts: { school?: string | undefined; receivedOn?: string | undefined } = {}): Promise<{ id: string; lines: number; weeks: number; amountOere: number }> {
  requireRole(actor, WRITE_ROLES);
  const records = parse(text);
  const { cols, problems } = header(records, ["cpr", "education", "speciality", "part", "supplementary", "weeks", "from", "to"], SCHOOL_WEEK_COLUMNS);
  const lines: service.SchoolWeekLineInput[] = [];
  const numbers: number[] = [];
  const schools = new Set<string>();
  for (const r of records.slice(1)) {
    const partText = cell(r, cols, "part").toLowerCase();
    const part = PART[partText];
    if (partText !== "" && part === undefined)
      problems.push(service.inputFinding("school-weeks-part", `line ${r.line}: part`, partText, `line ${r.line}: part must be grundforloeb or hovedforloeb.`, `linje ${r.line}: part skal være grundforloeb eller hovedforloeb.`));
    const sup = BOOL[cell(r, cols, "supplementary").toLowerCase()];
    if (sup === undefined)
      problems.push(service.inputFinding("school-weeks-supplementary", `line ${r.line}: supplementary`, cell(r, cols, "supplementary"), `line ${r.line}: supplementary must be ja or nej.`, `linje ${r.line}: supplementary skal være ja eller nej.`));
    const weeks = intOf(cell(r, cols, "weeks"));
    const school = cell(r, cols, "school") || opts.school || "";
    schools.add(school);
    lines.push({ cpr: cell(r, cols, "cpr"), education: cell(r, cols, "education"), speciality: cell(r, cols, "speciality"), part: part ?? null, supplementaryStudyPreparatory: sup ?? false, weeks: Number.isNaN(weeks) ? Number(cell(r, cols, "weeks").replace(",", ".")) : weeks, from: cell(r, cols, "from"), to: cell(r, cols, "to") });
    numbers.push(r.line);
  }
  if (schools.size > 1) problems.push(service.inputFinding("school-weeks-schools", "school", [...schools].join(", "), "One file is one institution's report.", "Én fil er én institutions indberetning."));
  if (problems.length > 0) throw service.refuse(problems, `the file has ${problems.length} problem(s); nothing was imported`);
  const r = await service.reportSchoolWeeks(db, actor, { school: [...schools][0] ?? opts.school ?? "", receivedOn: opts.receivedOn ?? todayIn(), lines }, numbers);
  return { id: r.id, lines: r.lines, weeks: r.weeks, amountOere: r.amountOere };
}
