/** Random secrets and their stored form: only the sha256 of a session or API token is ever written to the database. */
import { createHash, randomBytes } from "node:crypto";

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

/** 32 random bytes, base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

export const API_TOKEN_PREFIX = "bevis_";
