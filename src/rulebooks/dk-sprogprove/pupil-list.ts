/**
 * The pupil list from the school's administrative system, imported into a reported school year (docs/rulebooks/
 * 001-sprogprove.md "Pupil-list file"). The guide's step 1: "Under punktet 'Udvælg elever, som skal til sprogprøve' er
 * der en liste over alle elever på de forskellige klassetrin. For hver elev registreres det, om eleven skal til
 * sprogprøve eller ej." (Praktisk vejledning, 1.)
 *
 * Pure: `parsePupilList` turns the CSV into rows or findings (every bad cell one finding naming the line, the column,
 * the value and the rule with its citation), `mergePupilList` decides which rows are added and which pupils are kept
 * (a pupil already in the year is never overwritten), `importedPupil` builds the pupil a row adds. All or nothing is
 * the service's job: nothing is written while any finding is an error.
 */
import { CsvSyntaxError, parseCsv, sniffDelimiter, stripBom } from "../../platform/csv.ts";
import { decision, finding, type Decision, type Finding } from "../../kernel/law.ts";
import { maskCpr, parseCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { formatSchoolYear, parseSchoolYear, type SchoolYear } from "../../kernel/time/school-year.ts";
import type { ClassLevel } from "./codes.ts";
import { coveredByRules } from "./coverage.ts";
import { f001 } from "./findings.ts";
import type { DsaSupplerende, Leaving, Pupil } from "./model.ts";
import { checkLeaving } from "./leaving.ts";
import { parseClassLevel, parseYesNo, safeEcho } from "./parse.ts";
import { afterSummerReminder, checkClassLevel } from "./window.ts";

/** The CSV columns (a header row is required; names match without regard to case; other columns are ignored). */
export const PUPIL_LIST_COLUMNS = ["cpr", "klassetrin", "navn", "dsa_supplerende", "dsa_skoleaar", "skoleaar", "udmeldt", "udmeldt_aarsag"] as const;
/** The reason of a departure when the file gives a date in `udmeldt` but no `udmeldt_aarsag`. */
export const DEFAULT_LEAVING_REASON = "udmeldt ifølge elevlisten";
const REQUIRED = ["cpr", "klassetrin"] as const;
/** The longest name kept (the column in the store has the same limit). */
export const MAX_NAME = 200;

/** One pupil of the file, parsed. */
export interface PupilListRow {
  /** The file's line (1 = the header). */
  line: number;
  cpr: Cpr;
  /** The class level in the reported school year. */
  classLevel: ClassLevel;
  name: string | null;
  /** 1.–9. klasse only: "Dansk som andetsprog – supplerende", when the file says. */
  dsa: DsaSupplerende | null;
  /** The pupil left the school on this day (`udmeldt`, `udmeldt_aarsag`; leaving.ts), when the file says. */
  left: Leaving | null;
}

const LAYOUT = { seed: "reference", ref: "docs/rulebooks/001-sprogprove.md" } as const;
const layout = (rule: string, subject: string, value: Finding["value"], en: string, da: string): Finding =>
  finding(`sprogprove.pupil-list.${rule}`, "error", LAYOUT, { en, da }, { subject, value });

/** Re-subjects a finding of a shared parser to the file's cell ("line 3: klassetrin"). */
const at = (f: Finding, subject: string): Finding => ({ ...f, subject });

/**
 * Parses the pupil-list CSV for the reported school year. The rules applied per cell: CPR by the kernel's parser; the
 * class level 0–9 (`parseClassLevel`); the class level must be the one of the reported school year when the file names
 * its school year (`checkClassLevel`: "at det angivne klassetrin svarer til klassetrinnet i skoleåret 2022/2023");
 * "Dansk som andetsprog – supplerende" only in 1.–9. klasse (Hvem skal indberette?); a CPR once per file.
 * `on` is the decision date (after the summer holiday the report-wide reminder is added as a warning).
 */
export function parsePupilList(text: string, reported: SchoolYear, on: IsoDate): { rows: PupilListRow[]; findings: Finding[] } {
  const body = stripBom(text);
  let recs;
  try {
    recs = parseCsv(body, { delimiter: sniffDelimiter(body) });
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: [], findings: [layout("csv", `line ${e.line}`, null, e.message, e.message)] };
    throw e;
  }
  const header = recs[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      rows: [],
      findings: [
        layout(
          "header",
          "line 1",
          missing.join(","),
          `The header row lacks the column(s) ${missing.join(", ")}; the layout is ${PUPIL_LIST_COLUMNS.join(";")}.`,
          `Overskriftsrækken mangler kolonne(r) ${missing.join(", ")}; formatet er ${PUPIL_LIST_COLUMNS.join(";")}.`,
        ),
      ],
    };
  const col = (name: string) => header.indexOf(name);
  const out: Finding[] = [];
  const rows: PupilListRow[] = [];
  const seen = new Map<string, number>();
  const hasYearColumn = col("skoleaar") >= 0;
  for (const r of recs.slice(1)) {
    if (r.fields.every((f) => f.trim() === "")) continue;
    const where = (c: string) => `line ${r.line}: ${c}`;
    const get = (name: string) => (col(name) >= 0 ? (r.fields[col(name)] ?? "").trim() : "");
    const before = out.length;

    const cpr = parseCpr(get("cpr"), where("cpr"));
    out.push(...cpr.because.filter((f) => f.severity === "error").map((f) => at(f, where("cpr"))));

    const level = parseClassLevel(get("klassetrin"), where("klassetrin"));
    out.push(...level.because);

    const yearCell = get("skoleaar");
    if (yearCell !== "") {
      const sy = parseSchoolYear(yearCell);
      if (!sy)
        out.push(
          layout(
            "school-year",
            where("skoleaar"),
            safeEcho(yearCell),
            `"${safeEcho(yearCell)}" is not a school year (write e.g. ${formatSchoolYear(reported)}).`,
            `"${safeEcho(yearCell)}" er ikke et skoleår (skriv fx ${formatSchoolYear(reported)}).`,
          ),
        );
      else if (level.value !== null)
        out.push(
          ...checkClassLevel({ id: "", cpr: "" as Cpr, classLevel: level.value, classLevelSchoolYear: sy, toBeTested: null, attempts: [], rykkerOp: null }, reported, on).map(
            (f) => ({ ...at(f, where("skoleaar")), value: safeEcho(yearCell) }),
          ),
        );
    }

    const rawName = get("navn");
    let name: string | null = rawName === "" ? null : rawName.replace(/\s+/g, " ");
    if (name !== null && /\d{6}\s*[-\u2010-\u2013]?\s*\d{4}/.test(name)) {
      out.push(
        layout(
          "name-cpr",
          where("navn"),
          safeEcho(name),
          `The name "${safeEcho(name)}" holds a CPR number; are the columns mixed up?`,
          `Navnet "${safeEcho(name)}" indeholder et CPR-nummer; er kolonnerne byttet om?`,
        ),
      );
      name = null;
    } else if (name !== null && name.length > MAX_NAME) {
      out.push(layout("name-long", where("navn"), safeEcho(name), `The name is longer than ${MAX_NAME} characters.`, `Navnet er længere end ${MAX_NAME} tegn.`));
      name = null;
    }

    const dsaFlag = parseYesNo(get("dsa_supplerende"), where("dsa_supplerende"));
    if (dsaFlag.because.length > 0)
      out.push(
        f001(
          "input.dsa-flag",
          "error",
          "who",
          {
            en: `"${safeEcho(get("dsa_supplerende"))}" is not yes or no (ja/nej) for "Dansk som andetsprog – supplerende".`,
            da: `"${safeEcho(get("dsa_supplerende"))}" er ikke ja eller nej (ja/nej) for "Dansk som andetsprog – supplerende".`,
          },
          { subject: where("dsa_supplerende"), value: safeEcho(get("dsa_supplerende")) },
        ),
      );
    const yearsCell = get("dsa_skoleaar");
    let years: number | null = null;
    if (yearsCell !== "") {
      years = /^\d{1,2}$/.test(yearsCell) ? Number(yearsCell) : NaN;
      if (!Number.isInteger(years) || years < 1 || years > 20) {
        out.push(
          f001(
            "input.dsa-years",
            "error",
            "who",
            {
              en: `"${safeEcho(yearsCell)}" is not a number of school years with "Dansk som andetsprog – supplerende" (1–20, counting the reported year).`,
              da: `"${safeEcho(yearsCell)}" er ikke et antal skoleår med "Dansk som andetsprog – supplerende" (1-20, det indberettede år medregnet).`,
            },
            { subject: where("dsa_skoleaar"), value: safeEcho(yearsCell) },
          ),
        );
        years = null;
      } else if (dsaFlag.value !== true) {
        out.push(
          f001(
            "input.dsa-years-without-flag",
            "error",
            "who",
            {
              en: `School years with "Dansk som andetsprog – supplerende" are given, but dsa_supplerende is not "ja".`,
              da: `Der er angivet skoleår med "Dansk som andetsprog – supplerende", men dsa_supplerende er ikke "ja".`,
            },
            { subject: where("dsa_skoleaar"), value: years },
          ),
        );
      }
    }
    if (level.value === 0 && dsaFlag.value === true)
      out.push(
        f001(
          "pupil-list.dsa-bhkl",
          "error",
          "who",
          {
            en: 'A pupil in børnehaveklassen is marked as receiving "Dansk som andetsprog – supplerende": the flag is for 1.–9. klasse (in børnehaveklassen every pupil takes the test).',
            da: 'En elev i børnehaveklassen er markeret som modtager af "Dansk som andetsprog – supplerende": markeringen gælder 1.-9. klasse (i børnehaveklassen skal alle elever til sprogprøve).',
          },
          { subject: where("dsa_supplerende"), value: safeEcho(get("dsa_supplerende")) },
        ),
      );

    const leftCell = get("udmeldt");
    const leftReason = get("udmeldt_aarsag");
    let left: Leaving | null = null;
    if (leftCell !== "") {
      const d = checkLeaving({ on: leftCell, reason: leftReason === "" ? DEFAULT_LEAVING_REASON : leftReason }, reported, on, {
        on: where("udmeldt"),
        reason: where("udmeldt_aarsag"),
      });
      out.push(...d.because.map((f) => (f.subject === where("udmeldt") ? { ...f, value: safeEcho(leftCell) } : f)));
      left = d.value;
    } else if (leftReason !== "") {
      out.push(
        layout(
          "leaving-reason-without-date",
          where("udmeldt_aarsag"),
          safeEcho(leftReason),
          "A reason for leaving is given, but no date in udmeldt.",
          "Der er angivet en årsag til udmeldelse, men ingen dato i udmeldt.",
        ),
      );
    }

    if (cpr.value !== null) {
      const first = seen.get(cpr.value);
      if (first !== undefined)
        out.push(
          layout(
            "duplicate-cpr",
            where("cpr"),
            maskCpr(cpr.value),
            `The pupil ${maskCpr(cpr.value)} is already on line ${first} of the file.`,
            `Eleven ${maskCpr(cpr.value)} står allerede på linje ${first} i filen.`,
          ),
        );
      else seen.set(cpr.value, r.line);
    }

    if (!out.slice(before).some((f) => f.severity === "error") && cpr.value !== null && level.value !== null) {
      const dsa: DsaSupplerende | null =
        level.value > 0 && dsaFlag.value !== null
          ? { receiving: dsaFlag.value, schoolYearsReceived: dsaFlag.value ? (years ?? 0) : 0, leaderJudgesNoLongerNeeded: false }
          : null;
      rows.push({ line: r.line, cpr: cpr.value, classLevel: level.value, name, dsa, left });
    }
  }
  if (rows.length === 0 && out.length === 0)
    out.push(layout("empty", "line 2", null, "The file lists no pupils.", "Filen indeholder ingen elever."));
  if (!hasYearColumn && out.every((f) => f.severity !== "error")) out.push(...afterSummerReminder(reported, on));
  return { rows, findings: out };
}

/**
 * The pupil a row adds: class level, name, DSA from the file; the selection ("skal til sprogprøve") pre-filled by the
 * guide's target group (`coveredByRules`: every bh.kl. pupil of a covered school; in 1.–9. by "Dansk som andetsprog –
 * supplerende"; null when the file does not say), which the school then confirms or changes per pupil (step 1).
 */
export function importedPupil(row: PupilListRow, schoolIsCovered: boolean | null): Decision<Pupil> {
  const p: Pupil = { id: "", cpr: row.cpr, classLevel: row.classLevel, toBeTested: null, attempts: [], rykkerOp: null };
  if (row.name !== null) p.name = row.name;
  if (row.dsa !== null) p.dsa = row.dsa;
  if (row.left !== null) p.left = row.left;
  const sel = coveredByRules(p, schoolIsCovered);
  p.toBeTested = sel.value;
  return decision(p, sel.because);
}

export interface PupilListMerge {
  /** Rows whose CPR is not yet in the year: they are added. */
  added: PupilListRow[];
  /** Rows whose pupil is already in the year: the pupil is kept unchanged; `differs` names what the file says otherwise. */
  kept: { row: PupilListRow; pupilId: string; differs: ("classLevel" | "name" | "dsa" | "left")[] }[];
  /**
   * Rows that say a pupil already in the year and not yet recorded as left has left (`udmeldt`): the departure is
   * recorded as a new version, the pupil's other data kept. (A departure adds a fact; it overwrites nothing.)
   */
  leaving: { row: PupilListRow & { left: Leaving }; pupilId: string; differs: ("classLevel" | "name" | "dsa")[] }[];
}

/**
 * Which rows are added and which pupils are kept. A pupil already registered in the year is never overwritten by the
 * file (as with the transfer, "data i indberetningsløsningen … ikke overskrives"): the school corrects that pupil in
 * the form. What the file says differently is reported, so nothing goes unnoticed. The one thing a file adds to a pupil
 * already registered is a departure (`udmeldt`) not yet recorded: a new version with the departure (docs: "Pupils who
 * leave"); a different date than the one recorded, or a pupil left in bevis but not in the file, is only reported.
 */
export function mergePupilList(existing: readonly Pick<Pupil, "id" | "cpr" | "classLevel" | "name" | "dsa" | "left">[], rows: readonly PupilListRow[]): PupilListMerge {
  const byCpr = new Map(existing.map((p) => [p.cpr as string, p] as const));
  const out: PupilListMerge = { added: [], kept: [], leaving: [] };
  for (const row of rows) {
    const p = byCpr.get(row.cpr);
    if (!p) {
      out.added.push(row);
      continue;
    }
    const differs: ("classLevel" | "name" | "dsa")[] = [];
    if (p.classLevel !== row.classLevel) differs.push("classLevel");
    if (row.name !== null && (p.name ?? null) !== row.name) differs.push("name");
    if (
      row.dsa !== null &&
      (p.dsa?.receiving !== row.dsa.receiving || (row.dsa.schoolYearsReceived > 0 && p.dsa.schoolYearsReceived !== row.dsa.schoolYearsReceived))
    )
      differs.push("dsa");
    if (row.left !== null && p.left === undefined) {
      out.leaving.push({ row: { ...row, left: row.left }, pupilId: p.id, differs });
      continue;
    }
    // Already left on another day, or left in bevis but not in the file: reported, never changed by the file.
    const leftDiffers = (row.left?.on ?? null) !== (p.left?.on ?? null);
    out.kept.push({ row, pupilId: p.id, differs: leftDiffers ? [...differs, "left"] : differs });
  }
  return out;
}
