/**
 * Parsers for the values people and files give (forms, CSV/JSON from sprogprøver.dk): bad input becomes a finding, never
 * an exception and never a half-parsed value. The store, API and CLI (a later session) call these at the edge.
 */
import { decision, type Decision } from "../../kernel/law.ts";
import { maskCpr, parseCpr } from "../../kernel/ids/cpr.ts";
import { clip, maskAfterSixDigits } from "../../kernel/ids/common.ts";
import { MAX_ATTEMPTS, RESULTS, type ClassLevel, type SprogproveResult, type Stage } from "./codes.ts";
import { f001 } from "./findings.ts";

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, " ").replace(/[‘’'"]/g, "");

/** Looks like a CPR number (6 + 4 digits, optionally with a dash or space). */
const CPR_LIKE = /\d{6}\s*[-\u2010-\u2013]?\s*\d{4}/;

/**
 * A string with a CPR-like run, or a number of 9–10 digits that is a CPR number once its lost leading zero is put back
 * (a spreadsheet turns "0101161234" into 101161234).
 */
function looksLikeCpr(x: string | number): boolean {
  if (typeof x === "string") return CPR_LIKE.test(x);
  return Number.isInteger(x) && x >= 1e8 && x < 1e10 && parseCpr(String(x).padStart(10, "0")).value !== null;
}

/** Echo of a raw value that is safe to put in a finding: any CPR-like run is masked, long input clipped. */
export function safeEcho(raw: unknown): string {
  const s = typeof raw === "string" ? raw : JSON.stringify(raw) ?? String(raw);
  const m = CPR_LIKE.exec(s);
  if (m) return maskAfterSixDigits(s.replace(/\s/g, ""));
  return clip(s);
}

/**
 * A result value: the code ("sprogparat", "ikke-sprogparat", "intet-resultat") or the Danish label in any case
 * ("Sprogparat", "Ikke sprogparat", "Intet resultat"). Empty → null (not registered yet). Anything else is an error.
 */
export function parseResult(raw: unknown, subject = "result"): Decision<SprogproveResult | null> {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return decision(null);
  if (typeof raw === "string") {
    const n = norm(raw);
    const row = RESULTS.find((r) => norm(r.code) === n || norm(r.da) === n);
    if (row) return decision<SprogproveResult | null>(row.code);
  }
  return decision<SprogproveResult | null>(null, [
    f001(
      "input.result-unknown",
      "error",
      "step21",
      {
        en: `"${safeEcho(raw)}" is not a result: use Sprogparat, Ikke sprogparat or Intet resultat.`,
        da: `"${safeEcho(raw)}" er ikke et resultat: brug Sprogparat, Ikke sprogparat eller Intet resultat.`,
      },
      { subject, value: safeEcho(raw) },
    ),
  ]);
}

/** An attempt number: a whole number 1–4 (bh.kl.: three mandatory and a fourth voluntary). "5" is an error. */
export function parseAttemptNo(raw: unknown, stage: Stage, subject = "attempt"): Decision<number | null> {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  const { max } = MAX_ATTEMPTS[stage];
  if (Number.isInteger(n) && n >= 1 && n <= max) return decision<number | null>(n);
  return decision<number | null>(null, [
    f001(
      "input.attempt-number",
      "error",
      stage === "bhkl" ? "permission" : "step22",
      {
        en: `"${safeEcho(raw)}" is not an attempt number: ${stage === "bhkl" ? "børnehaveklassen has three mandatory attempts and a fourth voluntary one (1–4)" : `bevis accepts attempts 1–${max}`}.`,
        da: `"${safeEcho(raw)}" er ikke et forsøgsnummer: ${stage === "bhkl" ? "børnehaveklassen har tre obligatoriske forsøg og et fjerde frivilligt (1-4)" : `bevis modtager forsøg 1-${max}`}.`,
      },
      { subject, value: safeEcho(raw) },
    ),
  ]);
}

/** A class level: 0–9, "0. klasse", "bh.kl.", "børnehaveklasse", "3", "3. klasse". */
export function parseClassLevel(raw: unknown, subject = "classLevel"): Decision<ClassLevel | null> {
  let n = NaN;
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string") {
    const s = norm(raw).replace(/\.$/, "");
    if (/^(bh\.? ?kl|børnehaveklasse[n]?|0\.? ?(klasse)?)$/.test(s)) n = 0;
    else {
      const m = /^(\d)\.?( ?klasse)?$/.exec(s);
      if (m) n = Number(m[1]);
    }
  }
  if (Number.isInteger(n) && n >= 0 && n <= 9) return decision<ClassLevel | null>(n as ClassLevel);
  return decision<ClassLevel | null>(null, [
    f001(
      "input.class-level",
      "error",
      "what",
      {
        en: `"${safeEcho(raw)}" is not a class level of the report: børnehaveklassen (0) or 1.–9. klasse.`,
        da: `"${safeEcho(raw)}" er ikke et klassetrin i indberetningen: børnehaveklassen (0) eller 1.-9. klasse.`,
      },
      { subject, value: safeEcho(raw) },
    ),
  ]);
}

/**
 * The school's count of exempted pupils: a whole number ≥ 0 (a number, or digits in a string). "Fritagelser skal ikke
 * indberettes med elevernes CPR-nummer." (Hvad skal indberettes?) A CPR number, or a list, is refused with its own
 * finding; the finding carries only the masked value.
 */
export function parseExemptedCount(raw: unknown, subject = "exemptedCount"): Decision<number | null> {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return decision<number | null>(null);
  const items = Array.isArray(raw) ? raw : [raw];
  const cprs = items.filter((x) => (typeof x === "string" || typeof x === "number") && looksLikeCpr(x));
  if (cprs.length > 0 || Array.isArray(raw)) {
    const shown = cprs.length > 0 ? cprs.map((x) => maskCpr(typeof x === "number" ? String(x).padStart(10, "0") : x)).join(", ") : `${items.length} item(s)`;
    return decision<number | null>(null, [
      f001(
        cprs.length > 0 ? "input.exempted-cpr" : "input.exempted-list",
        "error",
        "what",
        {
          en: `Exempted pupils are reported as a number only, never by CPR number or as a list (got ${shown}).`,
          da: `Fritagne elever indberettes kun som et antal, aldrig med CPR-nummer eller som en liste (modtog ${shown}).`,
        },
        { subject, value: shown },
      ),
    ]);
  }
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(n) && n >= 0) return decision<number | null>(n);
  return decision<number | null>(null, [
    f001(
      "input.exempted-count",
      "error",
      "step23",
      {
        en: `"${safeEcho(raw)}" is not a number of exempted pupils (a whole number, 0 or more).`,
        da: `"${safeEcho(raw)}" er ikke et antal fritagne elever (et helt tal, 0 eller flere).`,
      },
      { subject, value: safeEcho(raw) },
    ),
  ]);
}

/** A yes/no field (check boxes, "rykker op"): true/false, "ja"/"nej", "yes"/"no", "x"/"" ; empty → null. */
export function parseYesNo(raw: unknown, subject: string): Decision<boolean | null> {
  if (typeof raw === "boolean") return decision<boolean | null>(raw);
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return decision<boolean | null>(null);
  if (typeof raw === "string") {
    const s = norm(raw);
    if (["ja", "yes", "true", "x", "1"].includes(s)) return decision<boolean | null>(true);
    if (["nej", "no", "false", "0"].includes(s)) return decision<boolean | null>(false);
  }
  return decision<boolean | null>(null, [
    f001(
      "input.yes-no",
      "error",
      "step21",
      { en: `"${safeEcho(raw)}" is not yes or no (ja/nej).`, da: `"${safeEcho(raw)}" er ikke ja eller nej.` },
      { subject, value: safeEcho(raw) },
    ),
  ]);
}
