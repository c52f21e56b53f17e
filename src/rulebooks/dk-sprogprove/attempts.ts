/**
 * Rules on sprogprøveforsøg (attempts) and their results: numbering, the four delprøver of a bh.kl. attempt, "only one
 * attempt may be Sprogparat, every later one is Intet resultat", and completeness before submission.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { BHKL_ATTEMPTS, BHKL_DELPROVER, MAX_ATTEMPTS, resultRow, type Stage, type SprogproveResult } from "./codes.ts";
import { f001 } from "./findings.ts";
import type { Attempt } from "./model.ts";

const label = (r: SprogproveResult) => resultRow(r).da;

/** Attempts in order of their number (a copy). */
export const sortedAttempts = (attempts: readonly Attempt[]): Attempt[] => [...attempts].sort((a, b) => a.no - b.no);

/**
 * The number of the attempt in which the pupil was found Sprogparat (the first, if several were wrongly registered),
 * or null. "Eleven kan altså ikke vurderes sprogparat i flere forsøg." (2.1)
 */
export function sprogparatAttempt(attempts: readonly Attempt[]): number | null {
  return sortedAttempts(attempts).find((a) => a.result === "sprogparat")?.no ?? null;
}

/**
 * Attempt numbers: whole numbers from 1 up to the stage's highest (bh.kl.: "det tredje obligatoriske eller fjerde
 * frivillige sprogprøveforsøg" — so 1–4), each number at most once. Attempt 5 is an error.
 */
export function checkAttemptNumbers(stage: Stage, attempts: readonly Attempt[]): Finding[] {
  const out: Finding[] = [];
  const { max } = MAX_ATTEMPTS[stage];
  const seen = new Set<number>();
  for (const a of attempts) {
    const subject = `attempts.${a.no}.no`;
    if (!Number.isInteger(a.no) || a.no < 1 || a.no > max) {
      out.push(
        f001(
          "attempts.number-range",
          "error",
          stage === "bhkl" ? "permission" : "step22",
          stage === "bhkl"
            ? {
                en: `Attempt ${a.no} does not exist: børnehaveklassen has three mandatory attempts and a fourth voluntary one (1–4).`,
                da: `Forsøg ${a.no} findes ikke: børnehaveklassen har tre obligatoriske forsøg og et fjerde frivilligt (1-4).`,
              }
            : {
                en: `Attempt ${a.no} is outside 1–${max}, the attempts bevis accepts for 1.–9. klasse.`,
                da: `Forsøg ${a.no} ligger uden for 1-${max}, de forsøg bevis modtager for 1.-9. klasse.`,
              },
          { subject, value: a.no },
        ),
      );
    } else if (seen.has(a.no)) {
      out.push(
        f001(
          "attempts.number-duplicate",
          "error",
          stage === "bhkl" ? "step21" : "step22",
          { en: `Attempt ${a.no} is registered twice.`, da: `Forsøg ${a.no} er registreret to gange.` },
          { subject, value: a.no },
        ),
      );
    }
    seen.add(a.no);
  }
  return out;
}

/**
 * "Husk kun at registrere ét forsøg, hvor resultatet er 'Sprogparat'. I alle efterfølgende forsøg vælges 'Intet
 * resultat' tilsvarende metoden for elever i børnehaveklassen." (2.2) — "Hvis en elev … er vurderet sprogparat efter 2.
 * forsøg, skal 3. og 4. forsøg udfyldes med 'Intet resultat'. Eleven kan altså ikke vurderes sprogparat i flere
 * forsøg." (2.1)
 *
 * An error for every attempt after the Sprogparat one whose result is registered and is not "Intet resultat"
 * (a second Sprogparat, or an Ikke sprogparat). An empty later attempt is left to `checkAttemptsComplete`.
 */
export function checkOneSprogparat(stage: Stage, attempts: readonly Attempt[]): Finding[] {
  const passedIn = sprogparatAttempt(attempts);
  if (passedIn === null) return [];
  return sortedAttempts(attempts)
    .filter((a) => a.no > passedIn && a.result !== null && a.result !== "intet-resultat")
    .map((a) =>
      f001(
        a.result === "sprogparat" ? "attempts.one-sprogparat" : "attempts.after-sprogparat",
        "error",
        stage === "bhkl" ? "step21" : "step22",
        {
          en: `Attempt ${a.no} is "${label(a.result as SprogproveResult)}", but the pupil was found Sprogparat in attempt ${passedIn}: only one attempt may be Sprogparat and every later attempt must be "Intet resultat".`,
          da: `Forsøg ${a.no} er "${label(a.result as SprogproveResult)}", men eleven blev vurderet sprogparat i forsøg ${passedIn}: kun ét forsøg må være "Sprogparat", og alle efterfølgende forsøg skal være "Intet resultat".`,
        },
        { subject: `attempts.${a.no}.result`, value: a.result },
      ),
    );
}

/**
 * The values the guide forces on the attempts after the Sprogparat one: each later attempt (up to the stage's last slot
 * for bh.kl., up to the last registered attempt for 1.–9.) becomes "Intet resultat". Attempts up to and including the
 * Sprogparat one are kept as they are. The findings name each attempt whose value was set or changed (info).
 * For bh.kl. the missing later slots are created, so the form shows 3 and 4 filled in, as the guide's example does.
 */
export function forcedLaterResults(stage: Stage, attempts: readonly Attempt[]): Decision<Attempt[]> {
  const passedIn = sprogparatAttempt(attempts);
  const sorted = sortedAttempts(attempts);
  if (passedIn === null) return decision(sorted);
  const because: Finding[] = [];
  const out: Attempt[] = [];
  const lastNo = stage === "bhkl" ? BHKL_ATTEMPTS.length : Math.max(...sorted.map((a) => a.no));
  const byNo = new Map(sorted.map((a) => [a.no, a] as const));
  for (let no = 1; no <= Math.max(lastNo, passedIn); no++) {
    const a = byNo.get(no);
    if (no <= passedIn) {
      if (a) out.push(a);
      continue;
    }
    if (a?.result === "intet-resultat") {
      out.push(a);
      continue;
    }
    out.push({ ...(a ?? { no }), no, result: "intet-resultat" });
    because.push(
      f001(
        "attempts.forced-intet-resultat",
        "info",
        stage === "bhkl" ? "step21" : "step22",
        {
          en: `Attempt ${no} is set to "Intet resultat" because the pupil was found Sprogparat in attempt ${passedIn}${a?.result ? ` (was "${label(a.result)}")` : ""}.`,
          da: `Forsøg ${no} sættes til "Intet resultat", fordi eleven blev vurderet sprogparat i forsøg ${passedIn}${a?.result ? ` (var "${label(a.result)}")` : ""}.`,
        },
        { subject: `attempts.${no}.result`, value: a?.result ?? null },
      ),
    );
  }
  // Attempts with numbers outside 1..last (bad input) are passed through untouched; checkAttemptNumbers reports them.
  for (const a of sorted) if (a.no > Math.max(lastNo, passedIn) || a.no < 1 || !Number.isInteger(a.no)) out.push(a);
  return decision(out, because);
}

/**
 * bh.kl.: "Her kan skolen registrere den enkelte elevs resultater i de fire delprøver for hvert sprogprøveforsøg"
 * (Løbende registrering …). When delprøver are registered for an attempt, they are the four numbered 1–4, each once.
 * 1.–9. klasse: the guide names no delprøver; registered ones draw a warning.
 */
export function checkDelprover(stage: Stage, attempt: Attempt): Finding[] {
  const ds = attempt.delprover;
  if (ds === undefined || ds.length === 0) return [];
  const subject = `attempts.${attempt.no}.delprover`;
  if (stage === "1-9") {
    return [
      f001(
        "attempts.delprover-1-9",
        "warning",
        "step22",
        {
          en: `Attempt ${attempt.no} has delprøver, but the guide names delprøver only for børnehaveklassen; they are not reported.`,
          da: `Forsøg ${attempt.no} har delprøver, men vejledningen nævner kun delprøver for børnehaveklassen; de indberettes ikke.`,
        },
        { subject, value: ds.length },
      ),
    ];
  }
  const out: Finding[] = [];
  const nos = ds.map((d) => d.no);
  const bad = nos.filter((n) => !Number.isInteger(n) || n < 1 || n > BHKL_DELPROVER);
  const dup = nos.filter((n, i) => nos.indexOf(n) !== i);
  if (ds.length !== BHKL_DELPROVER || bad.length > 0 || dup.length > 0) {
    out.push(
      f001(
        "attempts.delprover-four",
        "error",
        "continuous",
        {
          en: `Attempt ${attempt.no} has delprøver ${nos.join(", ")}; each attempt has four delprøver, numbered 1–4, each once.`,
          da: `Forsøg ${attempt.no} har delprøverne ${nos.join(", ")}; hvert forsøg har fire delprøver, nummereret 1-4, hver én gang.`,
        },
        { subject, value: nos.join(",") },
      ),
    );
  }
  return out;
}

/**
 * Before submission every attempt slot must hold a result.
 * bh.kl.: all four slots, 1–4 (the guide's example fills 3. and 4. forsøg with "Intet resultat" after a pass in 2.; a
 * voluntary 4th attempt that was not taken is likewise "Intet resultat" — bevis' reading, see the rulebook doc).
 * 1.–9.: at least one attempt ("resultaterne af de afholdte sprogprøver"), and every registered attempt has a result.
 */
export function checkAttemptsComplete(stage: Stage, attempts: readonly Attempt[]): Finding[] {
  const out: Finding[] = [];
  const byNo = new Map(attempts.map((a) => [a.no, a] as const));
  if (stage === "bhkl") {
    for (const row of BHKL_ATTEMPTS) {
      const a = byNo.get(row.no);
      if (a?.result == null) {
        out.push(
          f001(
            "attempts.missing-result",
            "error",
            "step21",
            row.kind === "mandatory"
              ? {
                  en: `Attempt ${row.no} (mandatory) has no result: choose Sprogparat, Ikke sprogparat or Intet resultat.`,
                  da: `Forsøg ${row.no} (obligatorisk) har intet resultat registreret: vælg Sprogparat, Ikke sprogparat eller Intet resultat.`,
                }
              : {
                  en: `Attempt ${row.no} (voluntary) has no result: choose "Intet resultat" if it was not taken.`,
                  da: `Forsøg ${row.no} (frivilligt) har intet resultat registreret: vælg "Intet resultat", hvis det ikke blev afholdt.`,
                },
            { subject: `attempts.${row.no}.result`, value: null },
          ),
        );
      }
    }
    return out;
  }
  if (attempts.length === 0) {
    out.push(
      f001(
        "attempts.none",
        "error",
        "what",
        {
          en: "The pupil is to be tested but no attempt is registered: report the results of the attempts held.",
          da: "Eleven skal til sprogprøve, men der er ikke registreret noget forsøg: indberet resultaterne af de afholdte forsøg.",
        },
        { subject: "attempts", value: 0 },
      ),
    );
  }
  for (const a of sortedAttempts(attempts)) {
    if (a.result === null) {
      out.push(
        f001(
          "attempts.missing-result",
          "error",
          "step22",
          {
            en: `Attempt ${a.no} has no result: choose Sprogparat, Ikke sprogparat or Intet resultat.`,
            da: `Forsøg ${a.no} har intet resultat registreret: vælg Sprogparat, Ikke sprogparat eller Intet resultat.`,
          },
          { subject: `attempts.${a.no}.result`, value: null },
        ),
      );
    }
  }
  return out;
}

/** All attempt rules for one pupil's attempts in a stage. */
export function checkAttempts(stage: Stage, attempts: readonly Attempt[], opts: { complete: boolean }): Finding[] {
  return [
    ...checkAttemptNumbers(stage, attempts),
    ...checkOneSprogparat(stage, attempts),
    ...attempts.flatMap((a) => checkDelprover(stage, a)),
    ...(opts.complete ? checkAttemptsComplete(stage, attempts) : []),
  ];
}
