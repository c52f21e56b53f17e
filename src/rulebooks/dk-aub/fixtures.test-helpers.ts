/** Shared test data for the AUB rulebook tests (not a test file itself). */
import type { Cpr } from "../../kernel/ids/cpr.ts";
import type { Cvr, SeNumber } from "../../kernel/ids/cvr.ts";
import type { AtpReport, AtpUnit, Employer } from "./model.ts";
import type { Quarter } from "../../kernel/time/quarter.ts";

export const Q = (year: number, q: 1 | 2 | 3 | 4): Quarter => ({ year, q });
export const CVR = "12345674" as Cvr;
export const SE2 = "31000009" as SeNumber;
export const employer: Employer = { id: "E1", name: "Smedie A/S", atpCovered: true, cvr: CVR };
export const unit: AtpUnit = { id: "U1", employerId: "E1" };
export const unit2: AtpUnit = { id: "U2", employerId: "E1", se: SE2 };
export const cprA = "0101041234" as Cpr;
export const cprB = "0202052345" as Cpr;

/** 852,00 kr.: the full-quarter ATP amount of parameters/atp.ts. */
export const FULL = 85_200;
/** 787,25 kr.: a quarter's contribution in 2024. */
export const RATE_Q = 78_725;

export function report(over: Partial<AtpReport> = {}): AtpReport {
  return { unitId: "U1", quarter: Q(2024, 1), version: 1, receivedOn: "2024-04-10", totalOere: 10 * FULL, ...over };
}
