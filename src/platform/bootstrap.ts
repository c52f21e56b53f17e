/**
 * First start: an empty database gets its institution and a first admin with a random password (the caller prints
 * the login once). With `demo`, the demo institutions (DEMO_INSTITUTIONS) with demo users for the roles and fixed passwords, then each
 * rulebook's demo seeder. Idempotent: a second run adds nothing.
 */
import type { Db } from "./db/connect.ts";
import type { Role } from "./db/schema.ts";
import { addUser, createInstitution, findInstitutionByCode, findUserByEmail, type Institution } from "./auth/directory.ts";
import { randomPassword } from "./auth/password.ts";

export interface BootstrapOptions {
  demo?: boolean;
  /** Institution for a non-demo first start (default from BEVIS_INSTITUTION_CODE/NAME/COUNTRY). */
  institution?: { code: string; name: string; country: "DK" | "NO" };
  /** E-mail of the first admin (default BEVIS_ADMIN_EMAIL or admin@bevis.local). */
  adminEmail?: string;
  /** Demo seeders per rulebook module; each runs for the demo institutions whose `modules` include its module. */
  seeders?: readonly DemoSeederEntry[];
}

/** A rulebook's demo seeder and the module it belongs to (compose.ts `demoSeeders`). */
export interface DemoSeederEntry {
  module: string;
  seed: (db: Db, institution: { id: string; code: string }) => Promise<void>;
}

export interface Login {
  email: string;
  password: string;
  roles: string;
  institutions: string;
}

export interface BootstrapResult {
  /** Institutions created by this run. */
  createdInstitutions: Institution[];
  /** Logins to print: the new first admin (once), or the fixed demo users (every --demo start). */
  logins: Login[];
  /** True when the first admin was created now (its password is shown this once). */
  firstStart: boolean;
}

/** The demo institutions and the rulebook modules whose demo data each gets (a school gets no AMU courses). */
export const DEMO_INSTITUTIONS: readonly { code: string; name: string; country: "DK" | "NO"; modules: readonly string[] }[] = [
  { code: "280727", name: "AMU Syd (demo)", country: "DK", modules: ["amu"] },
  { code: "280728", name: "AMU Nord (demo)", country: "DK", modules: ["amu"] },
  { code: "101005", name: "Nørrebro Skole (demo)", country: "DK", modules: ["sprogprove"] },
  { code: "751015", name: "Fjordby Gymnasium (demo)", country: "DK", modules: ["eksamen"] },
  { code: "990100", name: "AUB – Arbejdsgivernes Uddannelsesbidrag (demo)", country: "DK", modules: ["aub"] },
  // A Norwegian upper-secondary school; its code is a (synthetic) organisasjonsnummer with a valid check digit.
  { code: "921234562", name: "Nordlys videregående skole (demo)", country: "NO", modules: ["vitnemal"] },
];

/** The demo users and their fixed passwords (also used by the browser tests). */
export const DEMO_USERS: readonly { email: string; name: string; password: string; memberships: readonly { code: string; role: Role }[] }[] = [
  { email: "admin@amu-syd.example", name: "Anne Admin", password: "demo-admin", memberships: [{ code: "280727", role: "admin" }] },
  { email: "tap@amu-syd.example", name: "Torben TAP", password: "demo-tap", memberships: [{ code: "280727", role: "tap" }] },
  { email: "laerer@amu-syd.example", name: "Lise Lærer", password: "demo-laerer", memberships: [{ code: "280727", role: "laerer" }] },
  { email: "readonly@amu-syd.example", name: "Rasmus Revisor", password: "demo-readonly", memberships: [{ code: "280727", role: "readonly" }] },
  {
    email: "tap@begge.example",
    name: "Birthe Begge",
    password: "demo-begge",
    memberships: [
      { code: "280727", role: "tap" },
      { code: "280728", role: "tap" },
    ],
  },
  { email: "admin@amu-nord.example", name: "Niels Nord", password: "demo-nord", memberships: [{ code: "280728", role: "admin" }] },
  { email: "leder@skole.example", name: "Lene Leder", password: "demo-leder", memberships: [{ code: "101005", role: "leder" }] },
  { email: "tap@skole.example", name: "Tina TAP", password: "demo-skole", memberships: [{ code: "101005", role: "tap" }] },
  { email: "laerer@skole.example", name: "Lars Lærer", password: "demo-skole-laerer", memberships: [{ code: "101005", role: "laerer" }] },
  { email: "leder@fjordby-gym.example", name: "Lone Rektor", password: "demo-gym-leder", memberships: [{ code: "751015", role: "leder" }] },
  { email: "tap@fjordby-gym.example", name: "Tove Kontor", password: "demo-gym", memberships: [{ code: "751015", role: "tap" }] },
  { email: "laerer@fjordby-gym.example", name: "Karen Kristensen", password: "demo-gym-laerer", memberships: [{ code: "751015", role: "laerer" }] },
  { email: "sagsbehandler@aub.example", name: "Sara Sagsbehandler", password: "demo-aub", memberships: [{ code: "990100", role: "tap" }] },
  { email: "admin@aub.example", name: "Aksel AUB-admin", password: "demo-aub-admin", memberships: [{ code: "990100", role: "admin" }] },
  { email: "radgiver@vgs.example", name: "Randi Rådgiver", password: "demo-vgs", memberships: [{ code: "921234562", role: "tap" }] },
  { email: "rektor@vgs.example", name: "Rolf Rektor", password: "demo-vgs-rektor", memberships: [{ code: "921234562", role: "leder" }] },
];

function defaultInstitution(): { code: string; name: string; country: "DK" | "NO" } {
  const country = process.env.BEVIS_INSTITUTION_COUNTRY === "NO" ? "NO" : "DK";
  return {
    code: process.env.BEVIS_INSTITUTION_CODE ?? "000000",
    name: process.env.BEVIS_INSTITUTION_NAME ?? (country === "NO" ? "Min skole" : "Min institution"),
    country,
  };
}

export async function bootstrap(db: Db, opts: BootstrapOptions = {}): Promise<BootstrapResult> {
  const k = db.kysely;
  const result: BootstrapResult = { createdInstitutions: [], logins: [], firstStart: false };
  const { count } = await k.selectFrom("institution").select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
  const empty = Number(count) === 0;

  if (opts.demo) {
    const insts: Institution[] = [];
    for (const d of DEMO_INSTITUTIONS) {
      let inst = await findInstitutionByCode(k, d.code);
      if (!inst) {
        inst = await createInstitution(k, { code: d.code, name: d.name, country: d.country });
        result.createdInstitutions.push(inst);
      }
      insts.push(inst);
    }
    const byCode = new Map(insts.map((i) => [i.code, i]));
    for (const u of DEMO_USERS) {
      const existed = await findUserByEmail(k, u.email);
      for (const m of u.memberships) {
        const inst = byCode.get(m.code)!;
        await addUser(k, { email: u.email, name: u.name, password: existed ? null : u.password, role: m.role, institutionId: inst.id, reuseExisting: true }, null);
      }
      result.logins.push({
        email: u.email,
        password: u.password,
        roles: [...new Set(u.memberships.map((m) => m.role))].join(", "),
        institutions: u.memberships.map((m) => byCode.get(m.code)!.name).join(", "),
      });
    }
    result.firstStart = empty;
    for (const inst of insts) {
      const modules = DEMO_INSTITUTIONS.find((d) => d.code === inst.code)?.modules ?? [];
      await runSeeders(db, inst, (opts.seeders ?? []).filter((s) => modules.includes(s.module)));
    }
    return result;
  }

  if (!empty) return result;
  const inst = await createInstitution(k, opts.institution ?? defaultInstitution());
  result.createdInstitutions.push(inst);
  const email = opts.adminEmail ?? process.env.BEVIS_ADMIN_EMAIL ?? "admin@bevis.local";
  const password = randomPassword();
  await addUser(k, { email, name: "Administrator", password, role: "admin", institutionId: inst.id, reuseExisting: true }, null);
  result.logins.push({ email, password, roles: "admin", institutions: inst.name });
  result.firstStart = true;
  return result;
}

async function runSeeders(db: Db, inst: Institution, seeders: readonly DemoSeederEntry[]): Promise<void> {
  for (const { module, seed } of seeders) {
    const key = seed.name || `${module}-seeder`;
    const done = await db.kysely
      .selectFrom("demo_seed")
      .select("seeder")
      .where("institution_id", "=", inst.id)
      .where("seeder", "=", key)
      .executeTakeFirst();
    if (done) continue;
    await seed(db, { id: inst.id, code: inst.code });
    await db.kysely.insertInto("demo_seed").values({ institution_id: inst.id, seeder: key }).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** The login block printed on start (never written to a log file by bevis itself). */
export function formatLogins(r: BootstrapResult, demo: boolean): string {
  if (r.logins.length === 0) return "";
  const head = demo
    ? "Demo logins / Demo-logins (fixed passwords, for trying bevis only):"
    : "First start: the administrator login (shown only this once — change the password) /\nFørste start: administratorens login (vises kun denne ene gang — skift adgangskoden):";
  const rows = r.logins.map((l) => `  ${l.email.padEnd(28)} ${l.password.padEnd(18)} ${l.roles} — ${l.institutions}`);
  return [head, ...rows].join("\n");
}
