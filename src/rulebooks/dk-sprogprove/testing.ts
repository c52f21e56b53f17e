/** Test helper (not runtime API): builders for synthetic pupils, attempts and reports of seed 001. */
import type { Cpr } from "../../kernel/ids/cpr.ts";
import { cprFor } from "../../kernel/ids/testing.ts";
import { addDays } from "../../kernel/time/date.ts";
import type { SchoolYear } from "../../kernel/time/school-year.ts";
import type { ClassLevel, SprogproveResult } from "./codes.ts";
import type { Attempt, Pupil, Report, School } from "./model.ts";

export const SY_2022: SchoolYear = { startYear: 2022 };

/** A synthetic CPR number for pupil number n (born in 2016 + a few days). */
export function syntheticCpr(n: number): Cpr {
  const cpr = cprFor(addDays("2016-01-01", n % 365), n);
  if (!cpr) throw new Error("no CPR for that date");
  return cpr;
}

/** Attempts 1..n with the given results (null = not registered). */
export function attempts(...results: (SprogproveResult | null)[]): Attempt[] {
  return results.map((result, i) => ({ no: i + 1, result }));
}

const S = "sprogparat" as const;
const I = "ikke-sprogparat" as const;
const N = "intet-resultat" as const;
export { I, N, S };

let counter = 0;

/** A pupil to be tested; bh.kl. by default. */
export function pupil(over: Partial<Pupil> & { classLevel?: ClassLevel } = {}): Pupil {
  counter++;
  return {
    id: over.id ?? `p${counter}`,
    cpr: over.cpr ?? syntheticCpr(counter),
    classLevel: 0,
    toBeTested: true,
    attempts: [],
    rykkerOp: null,
    sommerskole: false,
    specialPermission: false,
    ...over,
  };
}

export const coveredSchool: School = {
  id: "s1",
  institutionNumber: "101001",
  name: "Synthetic School",
  coverage: { pupilsTotal: 400, pupilsInListedAreas: 160 },
};

export function report(pupils: Pupil[], over: Partial<Report> = {}): Report {
  return { school: coveredSchool, schoolYear: SY_2022, pupils, exemptedCount: 0, ...over };
}
