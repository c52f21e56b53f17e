/**
 * Test helpers for in-process HTTP tests (`app.request()`): a client with a cookie jar, and quick ways to create an
 * institution and a user with roles.
 */
import type { Hono } from "hono";
import type { Db } from "../db/connect.ts";
import type { Role } from "../db/schema.ts";
import { addUser, createInstitution, type Institution } from "../auth/directory.ts";
import type { AppEnv } from "./context.ts";

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when not JSON). */
  body: unknown;
}

export interface TestClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  get(path: string): Promise<TestResponse>;
  post(path: string, body?: unknown): Promise<TestResponse>;
  login(email: string, password: string): Promise<TestResponse>;
  /** Cookies held by the client (name → value). */
  cookies: Map<string, string>;
  /** Sent as `Authorization: Bearer …` when set. */
  bearer?: string;
}

export function testClient(app: Hono<AppEnv>, base = "http://localhost"): TestClient {
  const cookies = new Map<string, string>();
  const client: TestClient = {
    cookies,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (cookies.size > 0) h.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      if (client.bearer) h.authorization = `Bearer ${client.bearer}`;
      let payload: string | undefined;
      if (body !== undefined) {
        if (typeof body === "string") payload = body;
        else {
          payload = JSON.stringify(body);
          h["content-type"] ??= "application/json";
        }
      }
      const res = await app.request(base + path, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
      for (const sc of res.headers.getSetCookie()) {
        const [pair, ...attrs] = sc.split(";");
        const eq = pair!.indexOf("=");
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
        if (expired || value === "") cookies.delete(name);
        else cookies.set(name, value);
      }
      const text = await res.text();
      let parsed: unknown;
      const ct = res.headers.get("content-type") ?? "";
      if (ct.includes("json") && text) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, text, body: parsed };
    },
    get: (path) => client.request("GET", path),
    post: (path, body) => client.request("POST", path, body ?? {}),
    login: (email, password) => client.request("POST", "/api/auth/login", { email, password }),
  };
  return client;
}

let seq = 0;

/** Creates an institution with a unique code (for tests). */
export async function makeInstitution(db: Db, name = "Test institution", country: "DK" | "NO" = "DK"): Promise<Institution> {
  seq += 1;
  const code = `9${String(process.pid % 1000).padStart(3, "0")}${String(seq).padStart(2, "0")}${Math.floor(Math.random() * 1000)}`;
  return createInstitution(db.kysely, { code, name, country });
}

/** Creates a user with the given roles in the institution; returns its id, e-mail and password. */
export async function makeUser(db: Db, institutionId: string, roles: Role[], email?: string): Promise<{ id: string; email: string; password: string }> {
  seq += 1;
  const e = email ?? `user${seq}.${Math.random().toString(36).slice(2, 8)}@test.example`;
  const password = `pw-${e}`;
  let id = "";
  for (const role of roles) {
    const { user } = await addUser(db.kysely, { email: e, name: e, password, role, institutionId, reuseExisting: true }, null);
    id = user.id;
  }
  return { id, email: e, password };
}
