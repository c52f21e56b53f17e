/**
 * Vitnemål demo data (registered in compose.ts `demoSeeders`, module "vitnemal"): for "Nordlys videregående skole
 * (demo)" (921234562) a handful of deterministic cases with real Grep codes (`shared/reference/no-codes.md`) and two
 * issued documents:
 *
 *  1. Ingrid — studiespesialisering vg1–vg3, a førstegangsvitnemål (§1.2), issued 20.06.2025;
 *  2. Jonas — vg1, did not meet for the English exam with documented absence: IM + FAM39 (§6.3), so a kompetansebevis
 *     (issued 20.06.2023);
 *  3. Ola — vg1 without exams: a kompetansebevis, not yet issued;
 *  4. Sara — three years without orden og adferd recorded: an error (§5.6) that blocks issuing.
 *
 * Fødselsnumre are synthetic (valid check digits, computed here); names end in "Demo". The VIGO school number "99001"
 * is made up for the demo (NVB needs one).
 */
import type { Db } from "../../platform/db/connect.ts";
import type { Actor } from "../../platform/http/context.ts";
import * as service from "./service.ts";
import type { CaseInput } from "./service.ts";

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
function control(digits: string, w: number[]): number | undefined {
  const s = w.reduce((a, x, i) => a + x * Number(digits[i]), 0);
  const c = 11 - (s % 11);
  return c === 11 ? 0 : c === 10 ? undefined : c;
}

/** A synthetic fødselsnummer for a birth date "DDMMYY" (born 2000–2039: individnummer 500–999), the n-th that exists. */
export function demoFnr(ddmmyy: string, n = 0): string {
  let found = 0;
  for (let i = 500; i < 1000; i++) {
    const nine = `${ddmmyy}${i}`;
    const k1 = control(nine, K1);
    if (k1 === undefined) continue;
    const k2 = control(`${nine}${k1}`, K2);
    if (k2 === undefined) continue;
    if (found++ === n) return `${nine}${k1}${k2}`;
  }
  throw new Error(`no fødselsnummer for ${ddmmyy}`);
}

const hy = (half: "V" | "H", year: number) => ({ half, year });
const line = (fagkode: string, over: Record<string, unknown> = {}) => ({ fagkode, fagtype: "FF", omfang: 140, level: "VG1", status: "elev", year: hy("V", 2024), ...over });
const ISSUER = { kind: "skole" as const, place: "Tromsø", schoolNumber: "99001" };
const SIGN: [string, string] = ["Rolf Rektor", "Randi Rådgiver"];

/** Studiespesialisering vg1–vg3 2022–2025 (the same course as 3a's decide.test.ts good case). */
export function vitnemalCase(name = "Ingrid Demo", fnr = demoFnr("150306", 0), over: Partial<CaseInput> = {}): CaseInput {
  return {
    person: { fnr, name },
    issuer: ISSUER,
    signatories: SIGN,
    statuses: [2022, 2023, 2024].map((startYear) => ({ status: "elev", schoolYear: { startYear } })),
    programmeAreas: [
      { code: "STUSP1----", level: "VG1", schoolYear: { startYear: 2022 } },
      { code: "STREA2----", level: "VG2", schoolYear: { startYear: 2023 } },
      { code: "STREA3----", level: "VG3", schoolYear: { startYear: 2024 } },
    ],
    subjects: [
      line("ENG1007", { standpunkt: 5, eksamen: 4, examForm: "S", level: "VG1", year: hy("V", 2023) }),
      line("MAT1021", { standpunkt: 4, level: "VG1", year: hy("V", 2023) }),
      line("NAT1007", { standpunkt: 5, level: "VG1", year: hy("V", 2023) }),
      line("REA3056", { fagtype: "VP", standpunkt: 3, level: "VG2", year: hy("V", 2024) }),
      line("NOR1267", { standpunkt: 4, eksamen: 5, examForm: "S", omfang: 393, level: "VG3", year: hy("V", 2025), faggruppe: "NOR1267" }),
    ],
    conduct: [{ schoolYear: { startYear: 2024 }, orden: "G", adferd: "G", kind: "standpunkt", elevInYear: true }],
    absence: [1, 2, 3].map((y) => ({ courseYear: y, schoolYear: { startYear: 2021 + y }, days: y, hours: 2 * y })),
    course: { achieved: ["studiekompetanse"], fixedLop: true, withinNormalTime: true },
    ...over,
  };
}

/** Vg1 studiespesialisering 2022/23; `notMet` = did not meet for the English exam with documented absence (§6.3). */
export function vg1Case(name: string, fnr: string, notMet: boolean): CaseInput {
  return {
    person: { fnr, name },
    issuer: ISSUER,
    signatories: SIGN,
    statuses: [{ status: "elev", schoolYear: { startYear: 2022 } }],
    programmeAreas: [{ code: "STUSP1----", level: "VG1", schoolYear: { startYear: 2022 } }],
    subjects: [
      line("ENG1007", { standpunkt: 5, level: "VG1", year: hy("V", 2023) }),
      line("MAT1021", { standpunkt: 4, level: "VG1", year: hy("V", 2023) }),
      line("NAT1007", { standpunkt: 5, level: "VG1", year: hy("V", 2023) }),
    ],
    ...(notMet ? { exams: [{ fagkode: "ENG1007", form: "S", halfYear: hy("V", 2023), kind: "ordinaer", status: "elev", outcome: { kind: "notMet", documented: true } }] } : {}),
    conduct: [{ schoolYear: { startYear: 2022 }, orden: "G", adferd: "NG", kind: "standpunkt", elevInYear: true }],
    absence: [{ courseYear: 1, schoolYear: { startYear: 2022 }, days: 4, hours: 7 }],
    course: { achieved: [], fixedLop: true, withinNormalTime: true },
  };
}

/** The demo cases, in order (deterministic). */
export function demoCases(): { key: string; input: CaseInput; issueOn?: string }[] {
  const sara = vitnemalCase("Sara Demo", demoFnr("020806", 0));
  delete (sara as Record<string, unknown>).conduct; // §5.6: orden og adferd missing → error, nothing can be issued
  return [
    { key: "vitnemal", input: vitnemalCase(), issueOn: "2025-06-20" },
    { key: "im-fam39", input: vg1Case("Jonas Demo", demoFnr("110107", 0), true), issueOn: "2023-06-20" },
    { key: "kompetansebevis", input: vg1Case("Ola Demo", demoFnr("230407", 1), false) },
    { key: "blocked", input: sara },
  ];
}

/** Seeds one demo institution (runs once per institution; the platform records it). */
export async function seedVitnemalDemo(db: Db, institution: { id: string; code: string }): Promise<void> {
  const actor: Actor = { userId: null, label: "demo", institutionId: institution.id, roles: ["admin"], via: "cli" };
  for (const c of demoCases()) {
    const d = await service.createCase(db, actor, c.input);
    if (c.issueOn !== undefined) await service.issueCase(db, actor, d.id, { on: c.issueOn });
  }
}

/**
 * Cross-tenant fixture (compose.ts `crossTenantFixtures`): a case and an issued document in the actor's institution;
 * the route walker then tries them as another institution.
 */
export async function vitnemalCrossTenantFixture(db: Db, actorOfA: Actor): Promise<Record<string, string>> {
  const actor = { ...actorOfA, roles: actorOfA.roles.length ? actorOfA.roles : (["admin"] as Actor["roles"]) };
  // The institution's code is the orgnr when it is a valid one; otherwise the case's (a synthetic valid orgnr here).
  const input = vg1Case("Tenant Demo", demoFnr("010107", 2), true);
  const d = await service.createCase(db, actor, { ...input, issuer: { ...input.issuer, orgnr: "974760673" } });
  const r = await service.issueCase(db, actor, d.id, { on: "2023-06-20" });
  return {
    "/api/vitnemal/cases/:id": d.id,
    "/api/vitnemal/documents/:number": r.number,
    number: r.number,
    schoolYear: "2022/23",
  };
}
