/**
 * CSV import of AMU participations — all or nothing.
 *
 * Layout (docs/rulebooks/000-amu.md, "Shell"): UTF-8 with or without BOM, `;` or `,` separated (sniffed from the
 * header), RFC 4180 quoting (src/platform/csv.ts). The first line names the columns with the field names of
 * `ParticipationInput` (docs/api.md), in any order, case-insensitive. One row per participation; retakes as extra
 * columns `retake1Date`, `retake1ResultatProevebelagt`, `retake1ResultatIkkeProevebelagt`, `retake1WrittenTaken`,
 * `retake1OralTaken`, then `retake2…` (numbered 1, 2, … in the file; stored as attempt 2, 3, … after the ordinary exam).
 *
 * Every row is parsed and validated first; every bad cell is reported with its line, field, value (CPR masked) and
 * rule. Only when no row is bad are all rows stored, in one transaction, with multi-row inserts in batches.
 */
import type { Transaction } from "kysely";
import { audit } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { PlatformTables } from "../../platform/db/schema.ts";
import { CsvSyntaxError, parseCsv } from "../../platform/csv.ts";
import { ProblemError, requireRole, WRITE_ROLES, type Actor } from "../../platform/http/context.ts";
import { finding, type Finding } from "../../kernel/law.ts";
import { maskCpr } from "../../kernel/ids/cpr.ts";
import { isRealDate, isoDate } from "../../kernel/time/date.ts";
import type { AmuGoal, ExamAttempt, ResultatIkkeProevebelagt, ResultatProevebelagt } from "./model.ts";
import { evaluate, PARTICIPATION_INPUT_FIELDS, validateInput, versionData, type ParticipationInput } from "./service.ts";
import * as store from "./store.ts";

/** One bad cell. `value` is masked when the field is the CPR number. */
export interface ImportProblem {
  line: number;
  field: string;
  value: string;
  rule: string;
  message: { en: string; da: string };
}

export class ImportRefused extends ProblemError {
  constructor(readonly problems: ImportProblem[]) {
    super(
      422,
      "Unprocessable Content",
      problems.map((p) => problemFinding(p)),
      `the file has ${problems.length} problem(s) on ${new Set(problems.map((p) => p.line)).size} line(s); nothing was imported`,
    );
  }
}

function problemFinding(p: ImportProblem): Finding {
  return finding(
    p.rule,
    "error",
    { seed: "reference", ref: "docs/rulebooks/000-amu.md: Shell, CSV import" },
    { en: `line ${p.line}, ${p.field} = "${p.value}": ${p.message.en}`, da: `linje ${p.line}, ${p.field} = "${p.value}": ${p.message.da}` },
    { subject: `line ${p.line}: ${p.field}`, value: p.value },
  );
}

/** Formats a problem the way the CLI prints it: `line 12, startDate = "2024-02-30": not a date (…)`. */
export function formatProblem(p: ImportProblem, lang: "en" | "da" = "en"): string {
  return `${lang === "da" ? "linje" : "line"} ${p.line}, ${p.field} = "${p.value}": ${p.message[lang]}`;
}

const BASE_COLUMNS = PARTICIPATION_INPUT_FIELDS;
const REQUIRED = ["cpr", "fagkode", "startDate", "status"] as const;
const RETAKE_FIELDS = ["Date", "ResultatProevebelagt", "ResultatIkkeProevebelagt", "WrittenTaken", "OralTaken"] as const;
const RETAKE_RE = /^retake(\d+)(date|resultatproevebelagt|resultatikkeproevebelagt|writtentaken|oraltaken)$/i;

/** The columns of the layout, for documentation and for writing a template. */
export const IMPORT_COLUMNS: readonly string[] = [...BASE_COLUMNS, ...RETAKE_FIELDS.map((f) => `retake1${f}`)];

const STATUS: Record<string, ParticipationInput["status"]> = {
  ended: "ended",
  afsluttet: "ended",
  "not-ended": "not-ended",
  "ikke-afsluttet": "not-ended",
  "never-held": "never-held",
  "ikke-afholdt": "never-held",
};
const EMERGENCY: Record<string, ParticipationInput["emergencyTeaching"]> = {
  "": "none",
  none: "none",
  "exam-omitted": "exam-omitted",
  "exam-postponed": "exam-postponed",
};
const TRUE = new Set(["true", "ja", "j", "yes", "y", "1", "x"]);
const FALSE = new Set(["false", "nej", "n", "no", "0", ""]);

type Problems = ImportProblem[];

function bad(problems: Problems, line: number, field: string, value: string, rule: string, en: string, da: string): void {
  problems.push({ line, field, value: field === "cpr" ? maskCpr(value) : value, rule, message: { en, da } });
}

/** YYYY-MM-DD or DD-MM-YYYY (also DD.MM.YYYY), a real calendar date; "" → null. */
export function parseImportDate(s: string): string | null | undefined {
  const t = s.trim();
  if (t === "") return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isRealDate(+m[1]!, +m[2]!, +m[3]!) ? t : undefined;
  m = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(t);
  if (m) return isRealDate(+m[3]!, +m[2]!, +m[1]!) ? isoDate(+m[3]!, +m[2]!, +m[1]!) : undefined;
  return undefined;
}

function date(problems: Problems, line: number, field: string, raw: string, required: boolean): string | null {
  const d = parseImportDate(raw);
  if (d === undefined) {
    bad(problems, line, field, raw, "amu.import.date", "not a date (write YYYY-MM-DD or DD-MM-YYYY; the date must exist)", "ikke en dato (skriv ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; datoen skal findes)");
    return null;
  }
  if (d === null && required) bad(problems, line, field, raw, "amu.import.required", "a value is required", "feltet skal udfyldes");
  return d;
}

function bool(problems: Problems, line: number, field: string, raw: string): boolean {
  const t = raw.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  bad(problems, line, field, raw, "amu.import.boolean", "not yes/no (write true/false, ja/nej, 1/0 or leave empty)", "ikke ja/nej (skriv true/false, ja/nej, 1/0 eller lad feltet stå tomt)");
  return false;
}

function optBool(problems: Problems, line: number, field: string, raw: string): boolean | null {
  return raw.trim() === "" ? null : bool(problems, line, field, raw);
}

function category(problems: Problems, line: number, field: string, raw: string, max: number): number | null {
  const t = raw.trim();
  if (t === "") return null;
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > max) {
    bad(problems, line, field, raw, "amu.import.category-range", `not a category; the categories are 1–${max}`, `ikke en kategori; kategorierne er 1–${max}`);
    return null;
  }
  return Number(t);
}

export interface ParsedRow {
  line: number;
  input: ParticipationInput;
  retakes: ExamAttempt[];
}

/**
 * Parses and validates a whole file against the catalogue, without touching the database.
 * Returns every row, or every problem (never both).
 */
export function parseImport(text: string, goals: readonly AmuGoal[]): { rows: ParsedRow[]; problems: ImportProblem[] } {
  const problems: Problems = [];
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      bad(problems, e.line, "(file)", "", "amu.import.csv-syntax", e.message.replace(/^line \d+: /, ""), "filen er ikke gyldig CSV: " + e.message.replace(/^line \d+: /, ""));
      return { rows: [], problems };
    }
    throw e;
  }
  const header = records[0];
  if (!header) {
    bad(problems, 1, "(file)", "", "amu.import.empty", "the file is empty (a header line is needed)", "filen er tom (der skal være en overskriftslinje)");
    return { rows: [], problems };
  }
  const base = new Map<string, string>(BASE_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const cols: { name: string; retake?: { n: number; f: string } }[] = [];
  header.fields.forEach((h) => {
    const key = h.trim().toLowerCase();
    const b = base.get(key);
    const r = RETAKE_RE.exec(h.trim());
    if (b) cols.push({ name: b });
    else if (r && Number(r[1]) >= 1) cols.push({ name: h.trim(), retake: { n: Number(r[1]), f: r[2]!.toLowerCase() } });
    else {
      bad(problems, header.line, "(header)", h, "amu.import.unknown-column", `unknown column (the columns are ${IMPORT_COLUMNS.join(", ")}, …)`, `ukendt kolonne (kolonnerne er ${IMPORT_COLUMNS.join(", ")}, …)`);
      cols.push({ name: "" });
    }
  });
  for (const r of REQUIRED)
    if (!cols.some((c) => c.name === r))
      bad(problems, header.line, "(header)", r, "amu.import.missing-column", "a required column is missing", "en påkrævet kolonne mangler");
  if (problems.length > 0) return { rows: [], problems };

  const rows: ParsedRow[] = [];
  for (const rec of records.slice(1)) {
    const line = rec.line;
    if (rec.fields.length !== cols.length) {
      bad(
        problems,
        line,
        "(row)",
        String(rec.fields.length),
        "amu.import.field-count",
        `the row has ${rec.fields.length} fields; the header has ${cols.length}`,
        `rækken har ${rec.fields.length} felter; overskriften har ${cols.length}`,
      );
      continue;
    }
    const v: Record<string, string> = {};
    const retakeCells = new Map<number, Record<string, { raw: string; name: string }>>();
    cols.forEach((c, i) => {
      const raw = rec.fields[i] ?? "";
      if (c.retake) {
        let m = retakeCells.get(c.retake.n);
        if (!m) retakeCells.set(c.retake.n, (m = {}));
        m[c.retake.f] = { raw, name: c.name };
      } else v[c.name] = raw;
    });
    const before = problems.length;
    const cell = (name: string) => v[name] ?? "";
    const statusRaw = cell("status").trim().toLowerCase();
    const status = STATUS[statusRaw];
    if (!status)
      bad(problems, line, "status", cell("status"), "amu.import.status", "not a status (ended, not-ended or never-held)", "ikke en status (ended, not-ended eller never-held)");
    const emergency = EMERGENCY[cell("emergencyTeaching").trim().toLowerCase()];
    if (!emergency)
      bad(
        problems,
        line,
        "emergencyTeaching",
        cell("emergencyTeaching"),
        "amu.import.emergency",
        "not an emergency-teaching value (none, exam-omitted or exam-postponed)",
        "ikke en værdi for nødundervisning (none, exam-omitted eller exam-postponed)",
      );
    const startDate = date(problems, line, "startDate", cell("startDate"), true);
    const endDate = date(problems, line, "endDate", cell("endDate"), false);
    const subCourses: ParticipationInput["subCourses"] = [];
    const scRaw = cell("subCourses").trim();
    if (scRaw !== "")
      for (const part of scRaw.split("|")) {
        const [s, e, extra] = part.split("/");
        const sd = parseImportDate(s ?? "");
        const ed = parseImportDate(e ?? "");
        if (extra !== undefined || sd === undefined || sd === null || ed === undefined)
          bad(
            problems,
            line,
            "subCourses",
            part,
            "amu.import.sub-course",
            "not a sub-course (write start/end, e.g. 2024-01-08/2024-01-10, several separated by |; the end may be empty)",
            "ikke et delforløb (skriv start/slut, fx 2024-01-08/2024-01-10, flere adskilt af |; slut må være tom)",
          );
        else subCourses.push({ startDate: sd, endDate: ed });
      }
    const ikv = cell("ikvCompetenceFagkoder")
      .split(/[|, ]+/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const inp: ParticipationInput = {
      cpr: cell("cpr"),
      fagkode: cell("fagkode").trim(),
      startDate: startDate ?? "",
      endDate,
      status: status ?? "ended",
      outsourcedTo: cell("outsourcedTo").trim() || null,
      euEfteruddannelse: bool(problems, line, "euEfteruddannelse", cell("euEfteruddannelse")),
      industryCertificate: bool(problems, line, "industryCertificate", cell("industryCertificate")),
      emergencyTeaching: emergency ?? "none",
      forloebId: cell("forloebId").trim() || null,
      subCourses,
      resultatProevebelagt: category(problems, line, "resultatProevebelagt", cell("resultatProevebelagt"), 6),
      resultatIkkeProevebelagt: category(problems, line, "resultatIkkeProevebelagt", cell("resultatIkkeProevebelagt"), 4),
      ejRelevant: bool(problems, line, "ejRelevant", cell("ejRelevant")),
      ikvCompetenceFagkoder: ikv,
      writtenTaken: optBool(problems, line, "writtenTaken", cell("writtenTaken")),
      oralTaken: optBool(problems, line, "oralTaken", cell("oralTaken")),
      industryCertificateObtained: optBool(problems, line, "industryCertificateObtained", cell("industryCertificateObtained")),
    };
    // CPR and fagkode (the cells the generic parsers above do not check) through the service's validation.
    if (problems.length === before) {
      const vr = validateInput(inp, goals);
      if (!vr.ok)
        for (const f of vr.findings) {
          const field = f.subject ?? "(row)";
          const raw = field === "cpr" ? inp.cpr : field === "fagkode" ? inp.fagkode : String(f.value ?? "");
          bad(problems, line, field, raw, f.rule, stripField(f.message.en), stripField(f.message.da ?? f.message.en));
        }
      else inp.cpr = vr.cpr;
    } else {
      // still report CPR/fagkode problems on a row that already has others
      const vr = validateInput({ ...inp, startDate: inp.startDate || "2000-01-01", endDate: null, subCourses: [], resultatProevebelagt: null, resultatIkkeProevebelagt: null }, goals);
      if (!vr.ok)
        for (const f of vr.findings.filter((x) => x.subject === "cpr" || x.subject === "fagkode"))
          bad(problems, line, f.subject!, f.subject === "cpr" ? inp.cpr : inp.fagkode, f.rule, stripField(f.message.en), stripField(f.message.da ?? f.message.en));
    }
    const retakes: ExamAttempt[] = [];
    for (const n of [...retakeCells.keys()].sort((x, y) => x - y)) {
      const c = retakeCells.get(n)!;
      const has = Object.values(c).some((x) => x.raw.trim() !== "");
      if (!has) continue;
      const d = date(problems, line, c.date?.name ?? `retake${n}Date`, c.date?.raw ?? "", true);
      const a: ExamAttempt = {
        seq: n + 1,
        date: d ?? "",
        resultatProevebelagt: c.resultatproevebelagt
          ? (category(problems, line, c.resultatproevebelagt.name, c.resultatproevebelagt.raw, 6) as ResultatProevebelagt | null)
          : null,
        resultatIkkeProevebelagt: c.resultatikkeproevebelagt
          ? (category(problems, line, c.resultatikkeproevebelagt.name, c.resultatikkeproevebelagt.raw, 4) as ResultatIkkeProevebelagt | null)
          : null,
      };
      const wt = c.writtentaken ? optBool(problems, line, c.writtentaken.name, c.writtentaken.raw) : null;
      const ot = c.oraltaken ? optBool(problems, line, c.oraltaken.name, c.oraltaken.raw) : null;
      if (wt !== null) a.writtenTaken = wt;
      if (ot !== null) a.oralTaken = ot;
      retakes.push(a);
    }
    if (problems.length === before) rows.push({ line, input: inp, retakes });
  }
  if (records.length < 2 && problems.length === 0)
    bad(problems, header.line, "(file)", "", "amu.import.no-rows", "the file has a header but no rows", "filen har en overskrift men ingen rækker");
  if (goals.every((g) => g.fagkode === "40080" || g.fagkode === "40081") && problems.some((p) => p.rule === "amu.input.fagkode-unknown")) {
    // one clear problem instead of one per row
    const rest = problems.filter((p) => p.rule !== "amu.input.fagkode-unknown");
    const first: ImportProblem = {
      line: header.line,
      field: "fagkode",
      value: "",
      rule: "amu.import.empty-catalogue",
      message: {
        en: "the institution's AMU goal catalogue holds only the IKV goals, so no other fagkode is known: load the catalogue first (bevis amu goals load-demo loads the demo catalogue)",
        da: "institutionens katalog over AMU-mål har kun IKV-målene, så ingen anden fagkode kendes: indlæs kataloget først (bevis amu goals load-demo indlæser demokataloget)",
      },
    };
    return { rows: [], problems: [first, ...rest] };
  }
  return problems.length > 0 ? { rows: [], problems } : { rows, problems: [] };
}

/** The service's messages start with `field = "value": `; the import prints line, field and value itself. */
function stripField(s: string): string {
  return s.replace(/^[\w.]+ = ("[^"]*"|\S+): /, "").replace(/^Field "[^"]*": /, "");
}

/**
 * Imports a CSV file into the actor's institution: validates everything, then stores every row in one transaction
 * (or nothing: `ImportRefused`, 422, listing every problem). Audited as "amu.import".
 */
export async function importCsv(
  db: Db,
  actor: Actor,
  text: string,
  opts: { onProgress?: (done: number, total: number) => void; source?: string } = {},
): Promise<{ imported: number; retakes: number }> {
  requireRole(actor, WRITE_ROLES);
  const k = store.amuKysely(db);
  const goals = await store.listGoals(k, actor.institutionId);
  const { rows, problems } = parseImport(text, goals);
  if (problems.length > 0) throw new ImportRefused(problems);
  const items: store.BulkParticipation[] = rows.map((r) => {
    const p = {
      id: "",
      providerId: actor.institutionId,
      outsourcedTo: r.input.outsourcedTo,
      cpr: r.input.cpr,
      fagkode: r.input.fagkode,
      startDate: r.input.startDate,
      endDate: r.input.endDate,
      status: r.input.status,
      euEfteruddannelse: r.input.euEfteruddannelse,
      industryCertificate: r.input.industryCertificate,
      emergencyTeaching: r.input.emergencyTeaching,
      forloebId: r.input.forloebId,
      subCourses: r.input.subCourses,
      resultatProevebelagt: r.input.resultatProevebelagt as ResultatProevebelagt | null,
      resultatIkkeProevebelagt: r.input.resultatIkkeProevebelagt as ResultatIkkeProevebelagt | null,
      ejRelevant: r.input.ejRelevant,
      retakes: r.retakes,
      ikvCompetenceFagkoder: r.input.ikvCompetenceFagkoder,
      version: 1,
      ...(r.input.writtenTaken != null ? { writtenTaken: r.input.writtenTaken } : {}),
      ...(r.input.oralTaken != null ? { oralTaken: r.input.oralTaken } : {}),
      ...(r.input.industryCertificateObtained != null ? { industryCertificateObtained: r.input.industryCertificateObtained } : {}),
    };
    const ev = evaluate(p, goals);
    return {
      data: versionData(p, ev),
      retakes: r.retakes.map((a) => ({
        date: a.date,
        resultatProevebelagt: a.resultatProevebelagt ?? null,
        resultatIkkeProevebelagt: a.resultatIkkeProevebelagt ?? null,
        writtenTaken: a.writtenTaken ?? null,
        oralTaken: a.oralTaken ?? null,
      })),
    };
  });
  const retakes = items.reduce((n, i) => n + i.retakes.length, 0);
  await k.transaction().execute(async (tx) => {
    await store.bulkInsertParticipations(tx, actor.institutionId, items, { label: actor.label, userId: actor.userId }, "imported from CSV", {
      onProgress: (done) => opts.onProgress?.(done, items.length),
    });
    await audit(tx as unknown as Transaction<PlatformTables>, actor, {
      action: "amu.import",
      entity: "amu_participation",
      detail: { rows: items.length, retakes, source: opts.source ?? "csv" },
    });
  });
  return { imported: items.length, retakes };
}
