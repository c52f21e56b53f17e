/**
 * Institutions, users and their memberships (roles per institution). Plain functions over the database; the HTTP
 * routes and the CLI call them with an Actor for the audit log.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { PlatformTables, Role } from "../db/schema.ts";
import { ROLES } from "../db/schema.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../http/context.ts";
import { ProblemError } from "../http/context.ts";
import { hashPassword } from "./password.ts";

type K = Kysely<PlatformTables>;
type AuditActor = Pick<Actor, "userId" | "label" | "institutionId"> | null;

export interface Institution {
  id: string;
  code: string;
  name: string;
  country: "DK" | "NO";
}

export interface UserInfo {
  id: string;
  email: string;
  name: string;
}

export interface MembershipInfo extends Institution {
  roles: Role[];
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

export async function listInstitutions(db: K): Promise<Institution[]> {
  return db.selectFrom("institution").select(["id", "code", "name", "country"]).orderBy("code").execute();
}

export async function findInstitutionByCode(db: K, code: string): Promise<Institution | undefined> {
  return db.selectFrom("institution").select(["id", "code", "name", "country"]).where("code", "=", code).executeTakeFirst();
}

export async function createInstitution(
  db: K,
  input: { code: string; name: string; country: "DK" | "NO" },
  by: AuditActor = null,
): Promise<Institution> {
  const existing = await findInstitutionByCode(db, input.code);
  if (existing) throw new ProblemError(409, "Conflict", [], `an institution with code ${input.code} exists`);
  const inst: Institution = { id: randomUUID(), code: input.code, name: input.name, country: input.country };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("institution").values(inst).execute();
    await audit(tx, by && { ...by, institutionId: inst.id }, {
      action: "platform.institution.create",
      entity: "institution",
      entityId: inst.id,
      detail: { code: inst.code, name: inst.name, country: inst.country },
    });
  });
  return inst;
}

export async function findUserByEmail(db: K, email: string) {
  return db
    .selectFrom("app_user")
    .select(["id", "email", "name", "password_hash", "disabled"])
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
}

export async function getUser(db: K, id: string): Promise<(UserInfo & { disabled: boolean }) | undefined> {
  return db.selectFrom("app_user").select(["id", "email", "name", "disabled"]).where("id", "=", id).executeTakeFirst();
}

/** The institutions a user is a member of, with the roles in each, ordered by institution code. */
export async function membershipsOf(db: K, userId: string): Promise<MembershipInfo[]> {
  const rows = await db
    .selectFrom("membership as m")
    .innerJoin("institution as i", "i.id", "m.institution_id")
    .select(["i.id", "i.code", "i.name", "i.country", "m.role"])
    .where("m.user_id", "=", userId)
    .orderBy("i.code")
    .orderBy("m.role")
    .execute();
  const byId = new Map<string, MembershipInfo>();
  for (const r of rows) {
    let m = byId.get(r.id);
    if (!m) byId.set(r.id, (m = { id: r.id, code: r.code, name: r.name, country: r.country, roles: [] }));
    m.roles.push(r.role);
  }
  return [...byId.values()];
}

export async function rolesIn(db: K, userId: string, institutionId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom("membership")
    .select("role")
    .where("user_id", "=", userId)
    .where("institution_id", "=", institutionId)
    .orderBy("role")
    .execute();
  return rows.map((r) => r.role);
}

export interface NewUser {
  email: string;
  name: string;
  /** null: the user cannot log in with a password (e.g. API-token-only users). */
  password: string | null;
}

/**
 * Creates a user (or finds the existing one with that e-mail, when `reuseExisting`) and gives them `role` in the
 * institution. Returns whether the user was new. The password of an existing user is never changed here.
 */
export async function addUser(
  db: K,
  input: NewUser & { institutionId: string; role: Role; reuseExisting?: boolean },
  by: AuditActor,
): Promise<{ user: UserInfo; created: boolean }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new ProblemError(400, "Bad Request", [], "not an e-mail address");
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom("app_user").select(["id", "email", "name"]).where("email", "=", email).executeTakeFirst();
    if (existing && !input.reuseExisting) throw new ProblemError(409, "Conflict", [], "a user with this e-mail exists");
    let user: UserInfo;
    if (existing) user = existing;
    else {
      user = { id: randomUUID(), email, name: input.name };
      await tx.insertInto("app_user").values({ ...user, password_hash: passwordHash }).execute();
    }
    const inserted = await tx
      .insertInto("membership")
      .values({ user_id: user.id, institution_id: input.institutionId, role: input.role })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const actor = by ? { ...by, institutionId: input.institutionId } : { userId: null, label: "system", institutionId: input.institutionId };
    if (!existing)
      await audit(tx, actor, { action: "auth.user.create", entity: "app_user", entityId: user.id, detail: { email, role: input.role } });
    else if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
      await audit(tx, actor, { action: "auth.membership.add", entity: "app_user", entityId: user.id, detail: { email, role: input.role } });
    return { user, created: !existing };
  });
}

export async function setPassword(db: K, userId: string, password: string, by: AuditActor): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("app_user").set({ password_hash: hash }).where("id", "=", userId).execute();
    // A new password ends every session of the user.
    await tx.deleteFrom("user_session").where("user_id", "=", userId).execute();
    await audit(tx, by, { action: "auth.user.password", entity: "app_user", entityId: userId });
  });
}

/** Users with at least one role in the institution, with their roles there. */
export async function usersOf(db: K, institutionId: string): Promise<(UserInfo & { roles: Role[]; disabled: boolean })[]> {
  const rows = await db
    .selectFrom("membership as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["u.id", "u.email", "u.name", "u.disabled", "m.role"])
    .where("m.institution_id", "=", institutionId)
    .orderBy("u.email")
    .orderBy("m.role")
    .execute();
  const byId = new Map<string, UserInfo & { roles: Role[]; disabled: boolean }>();
  for (const r of rows) {
    let u = byId.get(r.id);
    if (!u) byId.set(r.id, (u = { id: r.id, email: r.email, name: r.name, disabled: r.disabled, roles: [] }));
    u.roles.push(r.role);
  }
  return [...byId.values()];
}
