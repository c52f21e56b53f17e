/**
 * AMU demo data (registered in compose.ts `demoSeeders`): the demo catalogue (global) and, per institution, a few
 * hundred synthetic participations covering every case of seed 000, two stored report submissions (so the diff has
 * something to show) and, after them, a few participations with wrong categories (so findings show and the next
 * report is blocked until they are corrected).
 *
 * Deterministic: a seeded PRNG (seed from the institution code) and fixed dates around 2024, where the demo
 * catalogue's UVM-prøve changes lie (90003 attached 2024-07-01, 90004 removed after 2024-03-31). Reports: no. 1 for
 * 2024Q3, no. 2 for 2024Q4; the wrong rows end in 2025Q1. CPR numbers are synthetic (generate.ts).
 */
import { audit } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/connect.ts";
import type { Actor } from "../../platform/http/context.ts";
import { DEMO_CATALOGUE } from "./catalogue.ts";
import { addDays, type IsoDate } from "../../kernel/time/date.ts";
import { loadGenerated, prng, syntheticCpr, int, type Rng } from "./generate.ts";
import { mergeSubCourses } from "./rules.ts";
import * as service from "./service.ts";
import type { ParticipationInput } from "./service.ts";
import * as store from "./store.ts";

const base = (rng: Rng, over: Partial<ParticipationInput>): ParticipationInput => ({
  cpr: syntheticCpr(rng),
  fagkode: "90001",
  startDate: "2024-05-06",
  endDate: "2024-05-10",
  status: "ended",
  outsourcedTo: null,
  euEfteruddannelse: false,
  industryCertificate: false,
  emergencyTeaching: "none",
  forloebId: null,
  subCourses: [],
  resultatProevebelagt: null,
  resultatIkkeProevebelagt: null,
  ejRelevant: false,
  ikvCompetenceFagkoder: [],
  ...over,
});

function seedOf(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** A week-long course starting on a date (end = start + 4 days). */
const week = (start: IsoDate) => ({ startDate: start, endDate: addDays(start, 4) });

/** Every case of the guide, as inputs (all without error findings). `other` is the other demo institution's name. */
function guideCases(rng: Rng, other: string): { label: string; input: ParticipationInput; retakes?: service.RetakeInput[] }[] {
  const c = (label: string, over: Partial<ParticipationInput>, retakes?: service.RetakeInput[]) => ({ label, input: base(rng, over), ...(retakes ? { retakes } : {}) });
  const split = [
    { startDate: "2024-09-02", endDate: "2024-09-04" },
    { startDate: "2024-09-23", endDate: "2024-09-24" },
    { startDate: "2024-10-07", endDate: "2024-10-08" },
  ];
  const merged = mergeSubCourses(split).value!;
  return [
    // §3 group 1, Bilag 1 categories
    c("group 1: passed", { ...week("2024-04-08"), resultatProevebelagt: 1 }),
    c("group 1: dispensation, bevis", { ...week("2024-04-15"), resultatProevebelagt: 2 }),
    c("group 1: failed", { ...week("2024-05-13"), resultatProevebelagt: 4 }),
    c("group 1: no-show", { ...week("2024-05-20"), resultatProevebelagt: 5 }),
    c("group 1: dispensation, no bevis", { ...week("2024-06-03"), resultatProevebelagt: 6 }),
    // §3 group 2, Bilag 2 categories
    c("group 2: bevis", { fagkode: "90002", ...week("2024-04-22"), resultatIkkeProevebelagt: 1 }),
    c("group 2: goal not met", { fagkode: "90002", ...week("2024-06-10"), resultatIkkeProevebelagt: 3 }),
    c("group 2: interrupted", { fagkode: "90002", ...week("2024-08-12"), resultatIkkeProevebelagt: 4 }),
    // §3: the start date decides — 90003 gets a UVM-prøve on 2024-07-01, 90004 loses it after 2024-03-31
    c("90003 started before the test was attached: group 2", { fagkode: "90003", startDate: "2024-06-26", endDate: "2024-07-03", resultatIkkeProevebelagt: 1 }),
    c("90003 started after the test was attached: group 1", { fagkode: "90003", ...week("2024-07-08"), resultatProevebelagt: 1 }),
    c("90004 started while the test was attached: group 1", { fagkode: "90004", startDate: "2024-03-25", endDate: "2024-04-05", resultatProevebelagt: 1 }),
    c("90004 started after the test was removed: group 2", { fagkode: "90004", ...week("2024-04-08"), resultatIkkeProevebelagt: 1 }),
    // §3.1 EU-efteruddannelse: group 2 although the goal has a UVM-prøve
    c("EU-efteruddannelse module", { fagkode: "90008", ...week("2024-09-09"), euEfteruddannelse: true, resultatIkkeProevebelagt: 1 }),
    c("same goal, not as EU module: group 1", { fagkode: "90008", ...week("2024-09-16"), resultatProevebelagt: 1 }),
    // §4 IKV 40080/40081
    c("IKV with beviser", { fagkode: "40080", startDate: "2024-08-19", endDate: "2024-08-20", resultatIkkeProevebelagt: 1, ikvCompetenceFagkoder: ["90009", "90010"] }),
    c("IKV F/I, competence certificate only", { fagkode: "40081", startDate: "2024-10-14", endDate: "2024-10-15", resultatIkkeProevebelagt: 3 }),
    c("IKV interrupted", { fagkode: "40080", startDate: "2024-11-04", endDate: "2024-11-04", resultatIkkeProevebelagt: 4 }),
    // §6.2 written + oral, one part missing → 5
    c("written and oral, oral missing", { fagkode: "90007", ...week("2024-06-17"), writtenTaken: true, oralTaken: false, resultatProevebelagt: 5 }),
    c("written and oral, both taken", { fagkode: "90007", ...week("2024-06-17"), writtenTaken: true, oralTaken: true, resultatProevebelagt: 1 }),
    // §6.2 emergency teaching
    c("emergency teaching, exam omitted → 5", { ...week("2024-11-11"), emergencyTeaching: "exam-omitted", resultatProevebelagt: 5 }),
    c("emergency teaching, exam postponed: not ended", { startDate: "2024-12-02", endDate: null, status: "not-ended", emergencyTeaching: "exam-postponed" }),
    // §6.3 industry certificate; §6.2 certificate course with a UVM-prøve
    c("industry certificate obtained", { fagkode: "90006", ...week("2024-10-21"), industryCertificate: true, industryCertificateObtained: true, resultatIkkeProevebelagt: 1 }),
    c("certificate course with UVM-prøve: group 1", { fagkode: "90005", ...week("2024-10-28"), resultatProevebelagt: 1 }),
    // §6.2 a forløb of several courses with one combined exam: each course its own result
    ...(() => {
      const cpr = syntheticCpr(rng);
      return [
        c("forløb F-2024-11, course 1", { cpr, fagkode: "90001", ...week("2024-11-18"), forloebId: "F-2024-11", resultatProevebelagt: 1 }),
        c("forløb F-2024-11, course 2", { cpr, fagkode: "90005", ...week("2024-11-18"), forloebId: "F-2024-11", resultatProevebelagt: 1 }),
        c("forløb F-2024-11, course 3", { cpr, fagkode: "90010", ...week("2024-11-18"), forloebId: "F-2024-11", resultatProevebelagt: 4 }),
      ];
    })(),
    // §3.2 split sub-courses reported as one forløb
    c("split into three sub-courses, one forløb", { fagkode: "90002", startDate: merged.startDate, endDate: merged.endDate, subCourses: split, resultatIkkeProevebelagt: 1 }),
    // §5 retakes: own rows, the ordinary result stays
    c("failed, then two retakes", { ...week("2024-07-15"), resultatProevebelagt: 4 }, [
      { version: 1, date: "2024-08-05", resultatProevebelagt: 4 },
      { version: 2, date: "2024-10-01", resultatProevebelagt: 1 },
    ]),
    // §6.2 outsourced: the approved provider reports
    c("outsourced course", { ...week("2024-09-30"), outsourcedTo: other, resultatProevebelagt: 1 }),
    // §6.1 not ended / never held
    c("not ended yet", { fagkode: "90002", startDate: "2024-12-16", endDate: null, status: "not-ended" }),
    c("never held", { startDate: "2024-10-07", endDate: null, status: "never-held" }),
  ];
}

/** A few participations with wrong categories (error and warning findings), ending in 2025Q1 after the reports. */
function wrongCases(rng: Rng): ParticipationInput[] {
  return [
    base(rng, { ...week("2025-01-13"), resultatIkkeProevebelagt: 1 }), // group 1 reported in the group-2 field
    base(rng, { fagkode: "90007", ...week("2025-02-03"), writtenTaken: true, oralTaken: false, resultatProevebelagt: 4 }), // §6.2: must be 5
    base(rng, { fagkode: "40080", startDate: "2025-02-10", endDate: "2025-02-11", resultatIkkeProevebelagt: 1 }), // IKV bevis without fagkoder
    base(rng, { fagkode: "90002", ...week("2025-03-03"), ejRelevant: true }), // "Ej relevant": a warning
    base(rng, { ...week("2025-03-10"), emergencyTeaching: "exam-omitted", resultatProevebelagt: 4 }), // must be 5
  ];
}

/** Seeds one demo institution. */
export async function seedAmuDemo(db: Db, institution: { id: string; code: string }): Promise<void> {
  const k = store.amuKysely(db);
  await store.insertGoals(k, null, DEMO_CATALOGUE);
  const rng = prng(seedOf(institution.code));
  const actor: Actor = { userId: null, label: "demo", institutionId: institution.id, roles: ["admin"], via: "cli" };
  const others = await db.kysely.selectFrom("institution").select(["code", "name"]).where("id", "<>", institution.id).orderBy("code").execute();
  const other = others[0] ? `${others[0].name} (${others[0].code})` : "AMU-partner (demo)";

  // 1. Ordinary traffic: ~250 participations with start dates in 2023Q3 … 2024Q3 (report windows 2023Q4–2024Q4),
  //    loaded in bulk like an import (findings computed by the rules).
  const n = 240 + int(rng, 0, 30);
  const loaded = await loadGenerated(db, institution.id, n, Math.floor(rng() * 2 ** 32), { from: "2023-09-01", to: "2024-09-30", catalogue: DEMO_CATALOGUE });
  await audit(db.kysely, actor, { action: "amu.demo.seed", entity: "amu_participation", detail: { rows: loaded } });

  // 2. Every case of the guide.
  const saved: { label: string; id: string; version: number }[] = [];
  for (const c of guideCases(rng, other)) {
    const d = await service.createParticipation(db, actor, c.input);
    let version = d.participation.version;
    for (const r of c.retakes ?? []) version = (await service.addRetake(db, actor, d.participation.id, { ...r, version })).participation.version;
    saved.push({ label: c.label, id: d.participation.id, version });
  }

  // 3. Report no. 1 for 2024Q3.
  await service.createReport(db, actor, "2024Q3");

  // 4. Between the reports: corrections (new versions) and a late retake, so report no. 2 shows changed and new rows.
  const byLabel = new Map(saved.map((x) => [x.label, x]));
  const corrections: [string, Partial<ParticipationInput>, string][] = [
    ["group 1: no-show", { resultatProevebelagt: 6 }, "Dispensation granted after all (demo correction)"],
    ["group 2: goal not met", { resultatIkkeProevebelagt: 1 }, "The teacher's assessment was registered wrongly (demo correction)"],
    ["outsourced course", { endDate: "2024-10-05" }, "The course ended a day later (demo correction)"],
  ];
  for (const [label, change, reason] of corrections) {
    const x = byLabel.get(label)!;
    const d = await service.getParticipation(db, actor, x.id);
    await service.correctParticipation(db, actor, x.id, { ...inputOf(d.participation), ...change, version: d.participation.version, reason });
  }
  const failed = byLabel.get("group 1: failed")!;
  const fd = await service.getParticipation(db, actor, failed.id);
  await service.addRetake(db, actor, failed.id, { version: fd.participation.version, date: "2024-10-15", resultatProevebelagt: 1 });

  // 5. Report no. 2 for 2024Q4.
  await service.createReport(db, actor, "2024Q4");

  // 6. After the reports: a few wrong categories, so findings show (and a 2025Q1 report is blocked until fixed).
  for (const input of wrongCases(rng)) await service.createParticipation(db, actor, input);
}

/** The input fields of a stored participation (for a correction). */
export function inputOf(p: service.ParticipationDetail["participation"]): ParticipationInput {
  return {
    cpr: p.cpr,
    fagkode: p.fagkode,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    outsourcedTo: p.outsourcedTo,
    euEfteruddannelse: p.euEfteruddannelse,
    industryCertificate: p.industryCertificate,
    emergencyTeaching: p.emergencyTeaching,
    forloebId: p.forloebId,
    subCourses: p.subCourses,
    resultatProevebelagt: p.resultatProevebelagt,
    resultatIkkeProevebelagt: p.resultatIkkeProevebelagt,
    ejRelevant: p.ejRelevant,
    ikvCompetenceFagkoder: p.ikvCompetenceFagkoder,
    writtenTaken: p.writtenTaken ?? null,
    oralTaken: p.oralTaken ?? null,
    industryCertificateObtained: p.industryCertificateObtained ?? null,
  };
}

/**
 * Cross-tenant fixture (compose.ts `crossTenantFixtures`): a participation and a stored report in the actor's
 * institution; the route walker then tries them as another institution.
 */
export async function amuCrossTenantFixture(db: Db, actorOfA: Actor): Promise<Record<string, string>> {
  await store.insertGoals(store.amuKysely(db), null, DEMO_CATALOGUE);
  const actor = { ...actorOfA, roles: actorOfA.roles.length ? actorOfA.roles : (["admin"] as Actor["roles"]) };
  const rng = prng(7);
  const d = await service.createParticipation(db, actor, base(rng, { ...week("2024-05-06"), resultatProevebelagt: 1 }));
  const r = await service.createReport(db, actor, "2024Q2");
  return {
    "/api/amu/participations/:id": d.participation.id,
    "/api/amu/reports/:id": r.id,
    id: d.participation.id,
    // The quarter A's participation and report are in, so the report preview is probed where A has data.
    quarter: "2024Q2",
  };
}
