/**
 * Sprogprøve demo data (registered in compose.ts `demoSeeders` for module "sprogprove": the demo school "Nørrebro Skole
 * (demo)", 101005). Deterministic: fixed pupils with synthetic CPR numbers, fixed decision dates.
 *
 * - 2025/26: closed. Registered in the spring, a first submission on 20 August 2026 whose receipt lists the gaps, then
 *   fixed and resubmitted (green) on 1 September 2026; the copy can be downloaded.
 * - 2026/27: open until 5 September 2027, under way: attempts 1–2 registered for most bh.kl. pupils, a mix of every
 *   case of the guide, and gaps (a pupil missing "rykker op", a missing selection, a missing count) so the live
 *   receipt shows them; one bh.kl. pupil moved away after attempt 1 (recorded as left, reported with that attempt).
 */
import type { Db } from "../../platform/db/connect.ts";
import type { Actor } from "../../platform/http/context.ts";
import { addDays, type IsoDate } from "../../kernel/time/date.ts";
import { cprFor } from "../../kernel/ids/testing.ts";
import * as service from "./service.ts";
import type { PupilInput } from "./service.ts";

const S = "Sprogparat";
const I = "Ikke sprogparat";
const N = "Intet resultat";

const att = (...rs: (string | null)[]) => rs.map((result, i) => ({ no: i + 1, result }));

/** A synthetic CPR for demo pupil n, born in `year` (a different day per pupil). */
function demoCpr(year: number, n: number): string {
  const c = cprFor(addDays(`${year}-01-01` as IsoDate, (n * 7) % 360), 100 + n);
  if (!c) throw new Error("no synthetic CPR");
  return c;
}

interface Case {
  label: string;
  input: PupilInput;
}

const bhkl = (over: Partial<PupilInput>): Omit<PupilInput, "cpr"> => ({
  classLevel: 0,
  toBeTested: true,
  attempts: [],
  sommerskole: false,
  specialPermission: false,
  previouslyPostponed: false,
  rykkerOp: null,
  ...over,
});

const dsa = (years: number, judged = false) => ({ receiving: true, schoolYearsReceived: years, leaderJudgesNoLongerNeeded: judged });

/** The pupils of a year that has ended (every attempt held). `born` is the bh.kl. birth year. */
function finishedYear(born: number): Case[] {
  let n = 0;
  const c = (label: string, level: number, over: Partial<PupilInput>): Case => ({
    label,
    input: { cpr: demoCpr(born - level, ++n), ...bhkl({ classLevel: level }), ...over } as PupilInput,
  });
  const cases: Case[] = [];
  for (let i = 0; i < 6; i++) cases.push(c(`bh.kl. sprogparat in attempt 1 (${i + 1})`, 0, { attempts: att(S), rykkerOp: true }));
  for (let i = 0; i < 4; i++) cases.push(c(`bh.kl. sprogparat in attempt 2 (${i + 1})`, 0, { attempts: att(I, S), rykkerOp: true }));
  cases.push(c("bh.kl. sprogparat in attempt 3", 0, { attempts: att(I, I, S), rykkerOp: true }));
  cases.push(c("bh.kl. absent from attempt 1, sprogparat in attempt 2", 0, { attempts: att(N, S), rykkerOp: true }));
  cases.push(c("bh.kl. sprogparat in the voluntary 4th attempt after sommerskole", 0, { attempts: att(I, I, I, S), sommerskole: true, rykkerOp: true }));
  cases.push(c("bh.kl. not passed: goes børnehaveklassen again", 0, { attempts: att(I, I, I, N), rykkerOp: false }));
  cases.push(c("bh.kl. not passed, sommerskole, 4th attempt not passed: again", 0, { attempts: att(I, I, I, I), sommerskole: true, rykkerOp: false }));
  cases.push(c("bh.kl. not passed, special permission (§ 11 a, stk. 5)", 0, { attempts: att(I, I, I, I), specialPermission: true, rykkerOp: true }));
  cases.push(c("bh.kl. second year (postponed once), not passed: moves up", 0, { attempts: att(I, I, I, N), previouslyPostponed: true, rykkerOp: true }));
  cases.push(c("bh.kl. exempted under § 14 (counted, not listed)", 0, {
    toBeTested: false,
    exemption: { considerableDisability: true, pppAssessment: true, specialConditionsConsidered: true },
    rykkerOp: null,
  }));
  cases.push(c("1. klasse, DSA, leader judges no further need: sprogparat", 1, { dsa: dsa(2, true), attempts: att(S), rykkerOp: true }));
  cases.push(c("2. klasse, DSA 4th year: not passed then sprogparat", 2, { dsa: dsa(4), attempts: att(I, S), rykkerOp: true }));
  cases.push(c("3. klasse, DSA 4th year: sprogparat", 3, { dsa: dsa(4), attempts: att(S), rykkerOp: true }));
  cases.push(c("5. klasse, DSA 4th year: not passed", 5, { dsa: dsa(4), attempts: att(I), rykkerOp: true }));
  cases.push(c("7. klasse, DSA, leader judges no need: sprogparat", 7, { dsa: dsa(3, true), attempts: att(S), rykkerOp: true }));
  cases.push(c("4. klasse, no DSA: not in the target group", 4, { toBeTested: false, dsa: { receiving: false, schoolYearsReceived: 0, leaderJudgesNoLongerNeeded: false }, rykkerOp: null }));
  return cases;
}

/** The pupil of the year under way who moves away after attempt 1 (leaving.ts): reported with that attempt only. */
const LEAVER = "bh.kl. moved away after attempt 1 (left on 30 October 2026)";

/** The pupils of the year under way: attempts 1–2 held in bh.kl., and a few gaps. */
function currentYear(born: number): Case[] {
  let n = 50;
  const c = (label: string, level: number, over: Partial<PupilInput>): Case => ({
    label,
    input: { cpr: demoCpr(born - level, ++n), ...bhkl({ classLevel: level }), ...over } as PupilInput,
  });
  const cases: Case[] = [];
  for (let i = 0; i < 5; i++) cases.push(c(`bh.kl. sprogparat in attempt 1 (${i + 1})`, 0, { attempts: att(S), rykkerOp: true }));
  for (let i = 0; i < 3; i++) cases.push(c(`bh.kl. sprogparat in attempt 2 (${i + 1})`, 0, { attempts: att(I, S), rykkerOp: true }));
  cases.push(c("bh.kl. sprogparat in attempt 2, rykker op not stated (gap)", 0, { attempts: att(I, S), rykkerOp: null }));
  for (let i = 0; i < 4; i++) cases.push(c(`bh.kl. not passed in 1–2, attempt 3 ahead (${i + 1})`, 0, { attempts: att(I, I) }));
  cases.push(c("bh.kl. only attempt 1 registered (gap)", 0, { attempts: att(I) }));
  cases.push(c("bh.kl. selection not decided (gap)", 0, { toBeTested: null }));
  cases.push(c("1. klasse, DSA 4th year: sprogparat", 1, { dsa: dsa(4), attempts: att(S), rykkerOp: true }));
  cases.push(c("6. klasse, DSA, leader judges no need: not passed, rykker op not stated (gap)", 6, { dsa: dsa(2, true), attempts: att(I), rykkerOp: null }));
  cases.push(c("8. klasse, DSA 4th year: sprogparat in 2nd attempt", 8, { dsa: dsa(4), attempts: att(I, S), rykkerOp: true }));
  cases.push(c(LEAVER, 0, { attempts: [{ no: 1, result: I, heldOn: "2026-10-05" }] }));
  return cases;
}

/** Seeds the demo school. */
export async function seedSprogproveDemo(db: Db, institution: { id: string; code: string }): Promise<void> {
  const tap: Actor = { userId: null, label: "demo (tap)", institutionId: institution.id, roles: ["tap"], via: "cli" };

  // 2025/26: registered in the spring, submitted with gaps, fixed, resubmitted green.
  const spring = { on: "2026-06-20" as IsoDate };
  const y1 = await service.createYear(db, tap, { schoolYear: "2025/26", coverage: { pupilsTotal: 412, pupilsInListedAreas: 173, source: "demo: counts of 5 September 2025" } }, spring);
  const ids: { label: string; id: string }[] = [];
  for (const cs of finishedYear(2019)) {
    const late = cs.label.includes("second year") || cs.label.includes("special permission");
    // Two pupils still lack "rykker op" at the first submission.
    const input = late ? { ...cs.input, rykkerOp: null } : cs.input;
    const d = await service.createPupil(db, tap, y1.id, input, spring);
    ids.push({ label: cs.label, id: d.pupil.id });
  }
  await service.submit(db, tap, y1.id, { on: "2026-08-20" as IsoDate });
  const autumn = { on: "2026-09-01" as IsoDate };
  for (const cs of finishedYear(2019)) {
    if (!(cs.label.includes("second year") || cs.label.includes("special permission"))) continue;
    const id = ids.find((x) => x.label === cs.label)!.id;
    const cur = await service.getPupil(db, tap, y1.id, id, autumn);
    const { cpr: _cpr, ...rest } = cs.input;
    void _cpr;
    await service.correctPupil(db, tap, y1.id, id, { ...rest, version: cur.pupil.version, reason: "rykker op noted after the receipt" }, autumn);
  }
  const y1d = await service.getYear(db, tap, y1.id, autumn);
  await service.correctYear(db, tap, y1.id, { version: y1d.version, reason: "step 3", exemptedCount: 1 }, autumn);
  await service.submit(db, tap, y1.id, autumn);

  // 2026/27: under way, with gaps; the count of exempted pupils not stated yet.
  const now = { on: "2026-11-16" as IsoDate };
  const y2 = await service.createYear(db, tap, { schoolYear: "2026/27", coverage: { pupilsTotal: 405, pupilsInListedAreas: 168, source: "demo: counts of 5 September 2026" } }, now);
  for (const cs of currentYear(2020)) {
    const d = await service.createPupil(db, tap, y2.id, cs.input, now);
    if (cs.label === LEAVER)
      await service.recordLeaving(db, tap, y2.id, d.pupil.id, { version: d.pupil.version, left: { on: "2026-10-30", reason: "flyttet til Aarhus" } }, now);
  }
}

/**
 * Cross-tenant fixture (compose.ts `crossTenantFixtures`): a year with a pupil and a submission in the actor's
 * institution; the route walker then tries them as another institution.
 */
export async function sprogproveCrossTenantFixture(db: Db, actorOfA: Actor): Promise<Record<string, string>> {
  const actor: Actor = { ...actorOfA, roles: ["tap"] };
  const on = { on: "2030-10-01" as IsoDate };
  const y = await service.createYear(db, actor, { schoolYear: "2030/31", coverage: { pupilsTotal: 100, pupilsInListedAreas: 40 }, exemptedCount: 0 }, on);
  const p = await service.createPupil(db, actor, y.id, { cpr: demoCpr(2024, 1), ...bhkl({ attempts: att(S), rykkerOp: true }) } as PupilInput, on);
  const s = await service.submit(db, actor, y.id, on);
  return {
    "/api/sprogprove/years/:id": y.id,
    "/api/sprogprove/years/:id/pupils/:pupilId": p.pupil.id,
    "/api/sprogprove/years/:id/submissions/:submissionId": s.id,
  };
}
